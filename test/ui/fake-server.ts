// A fake google.script.run behind the typed call: answers by name, records every call; a handler that throws makes the call reject.
import type { RpcName } from '../../src/shared/rpc';
import { RpcError } from '../../src/ui/rpc-client';
import type { ActionRunner, ServerCall } from '../../src/ui/server-call';

export type Handler = (...args: unknown[]) => unknown;

/**
 * The server and a runner that mimics the shell's ctx.run: a failure is recorded (by its code)
 * in `shownErrors` and turns into undefined.
 */
export function fakeServer(handlers: Partial<Record<RpcName, Handler>>) {
  const calls: Array<[string, ...unknown[]]> = [];
  const shownErrors: string[] = [];
  const server = (async (name: RpcName, ...args: unknown[]) => {
    calls.push([name, ...args]);
    const handler = handlers[name];
    if (!handler) throw new Error(`unexpected call ${name}`);
    return handler(...args);
  }) as ServerCall;
  const run: ActionRunner = async (task) => {
    try {
      return await task();
    } catch (error) {
      shownErrors.push(error instanceof RpcError ? error.code : String(error));
      return undefined;
    }
  };
  return { server, run, calls, shownErrors, names: () => calls.map(([name]) => name) };
}
