/** The one typed promise wrapper around google.script.run, and RpcError, the only error the UI shows. */
/// <reference path="./google-script.d.ts" />
import type { Message, RpcArgs, RpcName, RpcResults } from '../shared/rpc';
import { messageOf } from './i18n';

/** A failure staff can read: the server's {code, ja, en}, or one of the client's own codes below. */
export class RpcError extends Error {
  readonly code: string;
  readonly ja: string;
  readonly en: string;

  constructor(code: string, text: Message) {
    super(`${code}: ${text.en}`);
    this.name = 'RpcError';
    this.code = code;
    this.ja = text.ja;
    this.en = text.en;
  }
}

/** Client-side codes: the call never reached the server or never came back. */
export const TRANSPORT = 'transport';
/** Client-side code: the server answered something that is not an RpcEnvelope. */
export const PROTOCOL = 'protocol';
/** Client-side code: no google.script.run here (the page was opened outside a sidebar). */
export const UNAVAILABLE = 'unavailable';
/** Client-side code: a bug in the sidebar itself. */
export const UNEXPECTED = 'unexpected';

/**
 * Apps Script stops a server execution after 6 minutes and then calls the failure handler; this
 * is only the last resort if no handler is ever called, so the sidebar never stays busy forever.
 */
export const CALL_TIMEOUT_MS = 7 * 60 * 1000;

/** The value of an ok envelope; an RpcError for an error envelope or for anything else. */
export function unwrapEnvelope<T>(answer: unknown): T {
  if (isRecord(answer)) {
    if (answer.ok === true && 'value' in answer) return answer.value as T;
    if (answer.ok === false && isRecord(answer.error)) {
      const { code, ja, en } = answer.error;
      if (typeof ja === 'string' && typeof en === 'string' && (ja !== '' || en !== '')) {
        return throwError(new RpcError(typeof code === 'string' && code !== '' ? code : 'error', { ja, en }));
      }
    }
  }
  return throwError(new RpcError(PROTOCOL, messageOf('rpc.protocol')));
}

/**
 * Calls server function `name` through google.script.run and settles with its unwrapped result.
 * Rejects only with RpcError; whatever the failure handler receives (network error, server crash
 * with a stack) is replaced by plain words, so no raw error text can reach staff.
 */
export function call<N extends RpcName>(name: N, ...args: RpcArgs<N>): Promise<RpcResults[N]> {
  return new Promise<RpcResults[N]>((resolve, reject) => {
    const runner = scriptRunner();
    if (!runner) {
      reject(new RpcError(UNAVAILABLE, messageOf('rpc.unavailable')));
      return;
    }
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => settle(() => reject(transportError())), CALL_TIMEOUT_MS);
    try {
      const server = runner
        .withSuccessHandler((answer) =>
          settle(() => {
            try {
              resolve(unwrapEnvelope<RpcResults[N]>(answer));
            } catch (error) {
              reject(toRpcError(error));
            }
          }),
        )
        .withFailureHandler(() => settle(() => reject(transportError())));
      const serverFunction: unknown = server[name];
      if (typeof serverFunction !== 'function') throw new TypeError(`google.script.run has no ${name}`);
      Reflect.apply(serverFunction, server, args);
    } catch {
      settle(() => reject(transportError()));
    }
  });
}

/** Any thrown value as an RpcError: itself when it already is one, otherwise the plain "unexpected" message. */
export function toRpcError(error: unknown): RpcError {
  return error instanceof RpcError ? error : new RpcError(UNEXPECTED, messageOf('rpc.unexpected'));
}

function transportError(): RpcError {
  return new RpcError(TRANSPORT, messageOf('rpc.transport'));
}

function scriptRunner(): GoogleScriptClient.Runner | null {
  // `typeof` because the global is not declared at all outside Apps Script (a bare reference would throw).
  if (typeof google === 'undefined' || !google || !isRecord(google.script)) return null;
  const runner: unknown = google.script.run;
  return isRecord(runner) || typeof runner === 'function' ? (runner as GoogleScriptClient.Runner) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function throwError(error: RpcError): never {
  throw error;
}
