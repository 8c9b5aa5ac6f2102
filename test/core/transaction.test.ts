// atomically: what the reply says after a failure, and that a failed action's writes are taken back.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { UserError } from '../../src/core/errors';
import type { DocumentStore, Workbook } from '../../src/core/ports';
import { atomically } from '../../src/core/transaction';

/** Document properties in memory; the workbook is never touched by these transactions. */
function ports(): { workbook: Workbook; store: DocumentStore & { map: Map<string, string> } } {
  const map = new Map<string, string>([['kept', 'before']]);
  const store = {
    map,
    get: (key: string) => map.get(key) ?? null,
    set: (key: string, value: string) => void map.set(key, value),
    remove: (key: string) => void map.delete(key),
  };
  return { workbook: {} as Workbook, store };
}

const WHAT = { ja: 'テストの操作', en: 'the test action' };

function failure(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('atomically', () => {
  it('takes back what was written and says nothing was changed, once', () => {
    const p = ports();
    const error = failure(() =>
      atomically(p, WHAT, (tx) => {
        tx.setProperty('kept', 'after');
        throw new Error('Service invoked too many times');
      }),
    );
    expect(p.store.map.get('kept')).toBe('before');
    expect(error.code).toBe('write.failed');
    expect(error.ja.match(/何も変更されていません/g)).toHaveLength(1);
    expect(error.ja).toContain('テストの操作');
    // The error's own message may quote a cell: only its kind reaches the reply.
    expect(error.ja).not.toContain('too many');
  });

  it('keeps the words of a refusal raised before anything was written', () => {
    const p = ports();
    const refusal = new UserError('test.refused', '対象がありません。', 'Nothing to do.');
    expect(
      failure(() =>
        atomically(p, WHAT, () => {
          throw refusal;
        }),
      ),
    ).toBe(refusal);
  });

  it('adds that everything was rolled back to a refusal raised after writing', () => {
    const p = ports();
    const error = failure(() =>
      atomically(p, WHAT, (tx) => {
        tx.setProperty('kept', 'after');
        throw new UserError('test.late', '途中で確認できませんでした。', 'Could not be checked.');
      }),
    );
    expect(p.store.map.get('kept')).toBe('before');
    expect(error.code).toBe('test.late');
    expect(error.ja).toBe(
      '途中で確認できませんでした。（書き込んだ分はすべて元に戻しました。何も変更されていません。）',
    );
  });

  it('does not say twice that nothing was changed when the refusal already says so', () => {
    // The history's 「記録が大きすぎる」 refusal at record(), after the action's writes.
    const p = ports();
    const late = new UserError(
      'history.tooLarge',
      '記録が上限に収まりません。何も変更されていません。',
      'Too large. Nothing was changed.',
    );
    const error = failure(() =>
      atomically(p, WHAT, (tx) => {
        tx.setProperty('kept', 'after');
        throw late;
      }),
    );
    expect(p.store.map.get('kept')).toBe('before');
    expect(error).toBe(late);
    expect(error.ja.match(/何も変更されていません/g)).toHaveLength(1);
  });

  it('commits: what was written stays', () => {
    const p = ports();
    expect(atomically(p, WHAT, (tx) => (tx.setProperty('kept', 'after'), 42))).toBe(42);
    expect(p.store.map.get('kept')).toBe('after');
  });
});
