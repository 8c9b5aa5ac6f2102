/** Runs one sidebar RPC: parses its arguments with the contract's schema and wraps the answer in the envelope. */
import * as z from 'zod/mini';
import { UserError } from '../core/errors';
import { rpcArgs, type RpcArgs, type RpcEnvelope, type RpcName, type RpcResults } from '../shared/rpc';

z.config({ jitless: true });

export function runRpc<N extends RpcName>(
  name: N,
  rawArgs: unknown[],
  handler: (...args: RpcArgs<N>) => RpcResults[N],
): RpcEnvelope<RpcResults[N]> {
  const parsed = carriesProtoKey(rawArgs) ? null : z.safeParse(rpcArgs[name] as z.ZodMiniType, rawArgs);
  if (!parsed?.success) {
    return {
      ok: false,
      error: {
        code: 'rpc.badArguments',
        ja: `サイドバーからの要求（${name}）の形式が正しくありません。サイドバーを開き直してください。`,
        en: `The sidebar's request (${name}) was malformed. Please reopen the sidebar.`,
      },
    };
  }
  try {
    return { ok: true, value: handler(...(parsed.data as RpcArgs<N>)) };
  } catch (error) {
    return { ok: false, error: toMessage(error) };
  }
}

/** Objects looked into at most: far more than any sidebar request holds. */
const MAX_OBJECTS = 100_000;

/**
 * True when an own '__proto__' key sits anywhere in the arguments (JSON keeps one as a key). Zod
 * drops such a key silently and parses the rest, so a request carrying one is refused here, whole.
 */
function carriesProtoKey(args: readonly unknown[]): boolean {
  const pending: unknown[] = [...args];
  let seen = 0;
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    seen += 1;
    if (seen > MAX_OBJECTS || Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
    for (const key of Object.keys(value)) pending.push((value as Record<string, unknown>)[key]);
  }
  return false;
}

/**
 * A user-facing error keeps its words. Anything else becomes a plain apology naming only the
 * error's type: its message may quote cell contents, which must not travel further. It does not
 * claim that nothing changed: writes go through a transaction that says so itself when it is true
 * (docs/safety.md), and an error outside one may come after a write completed.
 */
function toMessage(error: unknown): { code: string; ja: string; en: string } {
  if (error instanceof UserError) return { code: error.code, ja: error.ja, en: error.en };
  // Errors from the services may come from another realm, so instanceof Error is not enough.
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  const kind = typeof name === 'string' && name !== '' ? name : typeof error;
  return {
    code: 'internal',
    ja: `予期しないエラーが発生しました（${kind}）。もう一度お試しください。`,
    en: `An unexpected error occurred (${kind}). Please try again.`,
  };
}
