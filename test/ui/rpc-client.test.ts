/// <reference path="../../src/ui/google-script.d.ts" />
import { afterEach, describe, it, jest } from '@jest/globals';
import { expect } from '../support/expect';
import type { SidebarState } from '../../src/shared/rpc';
import { call, CALL_TIMEOUT_MS, RpcError, toRpcError, unwrapEnvelope } from '../../src/ui/rpc-client';

type ServerFunction = (...args: unknown[]) => unknown;
type Answer = { kind: 'success'; value: unknown } | { kind: 'failure'; error: unknown } | { kind: 'silence' };

/**
 * A fake google.script.run with the real one's shape: each with…Handler returns a new runner, and
 * a server function answers asynchronously through the handlers (never through its return value).
 */
function installFakeRunner(server: Record<string, (...args: unknown[]) => Answer>): {
  calls: Array<{ name: string; args: unknown[] }>;
} {
  const calls: Array<{ name: string; args: unknown[] }> = [];
  const makeRunner = (
    onSuccess?: (value: unknown) => void,
    onFailure?: (error: unknown) => void,
  ): GoogleScriptClient.Runner => {
    const runner: Record<string, ServerFunction> = {
      withSuccessHandler: (handler) => makeRunner(handler as (value: unknown) => void, onFailure),
      withFailureHandler: (handler) => makeRunner(onSuccess, handler as (error: unknown) => void),
    };
    for (const [name, implementation] of Object.entries(server)) {
      runner[name] = (...args) => {
        calls.push({ name, args });
        const answer = implementation(...args);
        queueMicrotask(() => {
          if (answer.kind === 'success') onSuccess?.(answer.value);
          else if (answer.kind === 'failure') onFailure?.(answer.error);
        });
        return undefined;
      };
    }
    return runner as unknown as GoogleScriptClient.Runner;
  };
  globalThis.google = { script: { run: makeRunner() } };
  return { calls };
}

const state: SidebarState = {
  organizationName: '西東京市社協',
  section: 'validate',
  runNow: false,
  sheets: [],
  missingStandardSheets: ['依頼'],
  settingsNotice: null,
};

afterEach(() => {
  globalThis.google = undefined;
  jest.useRealTimers();
});

async function rejection(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    return error as RpcError;
  }
  throw new Error('expected the call to reject');
}

describe('rpc-client', () => {
  describe('call', () => {
    it('resolves with the value of an ok envelope', async () => {
      installFakeRunner({ getSidebarState: () => ({ kind: 'success', value: { ok: true, value: state } }) });
      await expect(call('getSidebarState')).resolves.toEqual(state);
    });

    it('passes the arguments to the server function of that name', async () => {
      const { calls } = installFakeRunner({
        saveMapping: () => ({ kind: 'success', value: { ok: true, value: null } }),
      });
      const mapping = { kind: 'volunteers', headerRow: 1, columns: { name: 1 } };
      await call('saveMapping', 'ボランティア名簿', mapping);
      expect(calls).toEqual([{ name: 'saveMapping', args: ['ボランティア名簿', mapping] }]);
    });

    it('rejects an error envelope with an RpcError carrying its code, ja and en', async () => {
      installFakeRunner({
        setupSheets: () => ({
          kind: 'success',
          value: {
            ok: false,
            error: { code: 'lock.busy', ja: '他の人が更新中です。', en: 'Someone else is updating.' },
          },
        }),
      });
      const error = await rejection(call('setupSheets'));
      expect({ code: error.code, ja: error.ja, en: error.en }).toEqual({
        code: 'lock.busy',
        ja: '他の人が更新中です。',
        en: 'Someone else is updating.',
      });
    });

    it('turns a failure handler error into a plain transport message, hiding the raw error', async () => {
      const crash = new Error('TypeError: Cannot read properties of undefined\n    at getMapping (Code:12:3)');
      installFakeRunner({ getMapping: () => ({ kind: 'failure', error: crash }) });
      const error = await rejection(call('getMapping', 'シート1'));
      expect(error.code).toBe('transport');
      expect(error.ja).toBe('サーバーとの通信に失敗しました。もう一度お試しください。');
      expect(error.en).toBe('Could not reach the server. Please try again.');
      expect(`${error.ja}${error.en}${error.message}`).not.toMatch(/TypeError|Code:12|at getMapping/);
    });

    it('rejects an answer that is not an envelope as a protocol error', async () => {
      installFakeRunner({ clearMapping: () => ({ kind: 'success', value: null }) });
      const error = await rejection(call('clearMapping', 'シート1'));
      expect(error.code).toBe('protocol');
      expect(error.ja).toMatch(/予期しない応答/);
    });

    it('rejects with unavailable when there is no google.script.run (page opened alone)', async () => {
      globalThis.google = undefined;
      const error = await rejection(call('getSidebarState'));
      expect(error.code).toBe('unavailable');
    });

    it('rejects with transport when the server function does not exist', async () => {
      installFakeRunner({});
      const error = await rejection(call('getSidebarState'));
      expect(error.code).toBe('transport');
    });

    it('gives up with a transport error when no handler is ever called, and ignores a late answer', async () => {
      jest.useFakeTimers();
      let late: ((value: unknown) => void) | undefined;
      const makeRunner = (onSuccess?: (value: unknown) => void): GoogleScriptClient.Runner =>
        ({
          withSuccessHandler: (handler: (value: unknown) => void) => makeRunner(handler),
          withFailureHandler: () => makeRunner(onSuccess),
          getSidebarState: () => {
            late = onSuccess;
          },
        }) as unknown as GoogleScriptClient.Runner;
      globalThis.google = { script: { run: makeRunner() } };
      const pending = rejection(call('getSidebarState'));
      await jest.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
      const error = await pending;
      expect(error.code).toBe('transport');
      expect(() => late?.({ ok: true, value: state })).not.toThrow();
    });

    it('keeps concurrent calls apart', async () => {
      installFakeRunner({
        getMapping: (sheet) => ({
          kind: 'success',
          value: { ok: true, value: { sheet } },
        }),
      });
      const [a, b] = await Promise.all([call('getMapping', 'A'), call('getMapping', 'B')]);
      expect([a.sheet, b.sheet]).toEqual(['A', 'B']);
    });
  });

  describe('unwrapEnvelope', () => {
    it('returns null for an ok envelope whose undefined value became null on the wire', () => {
      expect(unwrapEnvelope({ ok: true, value: null })).toBeNull();
    });

    it('treats an error envelope without readable text as a protocol error', () => {
      expect(() => unwrapEnvelope({ ok: false, error: { code: 'x', ja: '', en: '' } })).toThrow(
        expect.objectContaining({ code: 'protocol' }),
      );
      expect(() => unwrapEnvelope({ ok: false })).toThrow(expect.objectContaining({ code: 'protocol' }));
      expect(() => unwrapEnvelope('ok')).toThrow(expect.objectContaining({ code: 'protocol' }));
    });
  });

  describe('toRpcError', () => {
    it('keeps an RpcError and replaces anything else by a plain "unexpected" message', () => {
      const known = new RpcError('lock.busy', { ja: 'あ', en: 'a' });
      expect(toRpcError(known)).toBe(known);
      const replaced = toRpcError(new Error('secret stack'));
      expect(replaced.code).toBe('unexpected');
      expect(replaced.en).not.toMatch(/secret/);
    });
  });
});
