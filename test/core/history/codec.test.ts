// The history sheet's format: chunked JSON that round-trips, survives Sheets, and is pruned.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { CHUNK_CHARS, MAX_ACTIONS, decodeHistory, encodeHistory, pruneHistory } from '../../../src/core/history/codec';
import type { HistoryAction } from '../../../src/core/history/types';

function action(id: string, cells: number, text = '＝値'): HistoryAction {
  return {
    id,
    kind: 'fix',
    label: { ja: '安全な修正', en: 'safe fixes' },
    at: '2026-11-26T00:00:00.000Z',
    undone: false,
    changes: Array.from({ length: cells }, (_, i) => ({
      sheet: 'ボランティア名簿',
      row: i + 2,
      column: 3,
      part: 'value' as const,
      before: `${text}${i}`,
      after: i % 2 === 0 ? { d: '2024-03-31T15:00:00.000Z' } : { f: '=A1' },
    })),
  };
}

describe('encodeHistory / decodeHistory', () => {
  it('round-trips actions, splitting a large one into chunks under the cell limit', () => {
    const big = action('A1', 3000);
    const rows = encodeHistory([big, action('A2', 2)]);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(String(row[5]).length).toBeLessThanOrEqual(CHUNK_CHARS + 2);
    expect(decodeHistory(rows)).toEqual([big, action('A2', 2)]);
  });

  it('starts every chunk with a prefix so that Sheets never reads one as a formula or number', () => {
    const rows = encodeHistory([action('A1', 2000, '=+-@')]);
    for (const row of rows) expect(String(row[5])).toMatch(/^j:/);
  });

  it('keeps the undone state', () => {
    const done = { ...action('A1', 1), undone: true };
    expect(decodeHistory(encodeHistory([done]))[0]?.undone).toBe(true);
  });

  it('skips a damaged record and keeps the others', () => {
    const rows = encodeHistory([action('A1', 1), action('A2', 1)]);
    (rows[0] as unknown[])[5] = 'j:{broken';
    expect(decodeHistory(rows).map((a) => a.id)).toEqual(['A2']);
  });
});

describe('pruneHistory', () => {
  it('keeps the newest actions up to the limit', () => {
    const many = Array.from({ length: MAX_ACTIONS + 5 }, (_, i) => action(`A${i}`, 1));
    const kept = pruneHistory(many);
    expect(kept).toHaveLength(MAX_ACTIONS);
    expect(kept[kept.length - 1]?.id).toBe(`A${MAX_ACTIONS + 4}`);
  });
});
