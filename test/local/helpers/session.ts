// Test helpers: a Session on a fresh or given workbook, and RPC calls unwrapped from their envelope.
import type { RpcEnvelope } from '../../../src/shared/rpc';
import { Session } from '../../../src/local/session';

export function freshSession(): Session {
  return Session.create('テスト用ブック');
}

/** Calls a sidebar RPC through the sandbox and returns its value, failing the test on an error envelope. */
export function rpc<T>(session: Session, name: string, ...args: unknown[]): T {
  const envelope = session.run(name, ...args) as RpcEnvelope<T>;
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.en}`);
  return envelope.value;
}

/** Calls a sidebar RPC and returns its error, failing the test if it succeeded. */
export function rpcError(session: Session, name: string, ...args: unknown[]): { code: string; ja: string; en: string } {
  const envelope = session.run(name, ...args) as RpcEnvelope<unknown>;
  if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
  return envelope.error;
}
