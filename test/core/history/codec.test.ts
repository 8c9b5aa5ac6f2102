// The history sheet's format: a record that round-trips, chunks under the cell limit, and a strict reader.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { CHUNK_CHARS, encodeAction, parseRecord, readRecords, recordJson } from '../../../src/core/history/codec';
import type { HistoryAction } from '../../../src/core/history/types';

function action(id: string, cells: number, text = '＝値'): HistoryAction {
  return {
    id,
    kind: 'fix',
    label: { ja: '安全な修正', en: 'safe fixes' },
    at: '2026-11-26T00:00:00.000Z',
    undone: false,
    changes: Array.from({ length: cells }, (_, i) => ({
      sheet: i % 3 === 0 ? 'ボランティア名簿' : '依頼',
      row: i + 2,
      column: 3,
      part: 'value' as const,
      before: `${text}${i}`,
      after: i % 2 === 0 ? { d: '2024-03-31T15:00:00.000Z' } : { f: '=A1' },
      ...(i % 5 === 0 ? { format: { before: '0.###############', after: 'yyyy/MM/dd' } } : {}),
    })),
    rows: [{ sheet: '依頼', row: 3, cells: 'AAAbbb-_9' }],
  };
}

function rowsOf(a: HistoryAction): unknown[][] {
  return encodeAction(a, recordJson(a), 'seal', '2026/11/26 09:00');
}

describe('recordJson / parseRecord', () => {
  it('round-trips an action: values, dates, formulas, formats and row prints', () => {
    const a = action('A1', 30);
    expect(parseRecord(recordJson(a), 'A1', '有効')).toEqual(a);
    expect(parseRecord(recordJson(a), 'A1', '取り消し済み')).toEqual({ ...a, undone: true });
  });

  it.each<[string, (data: Record<string, unknown>) => void]>([
    ['an unknown field', (d) => (d.extra = 1)],
    ['another version', (d) => (d.v = 3)],
    ['an unknown kind', (d) => (d.kind = 'anything')],
    ['a formula in a note', (d) => ((d.changes as unknown[][])[0] = [0, 2, 3, 'n', 'x', { f: '=IMPORTXML("x")' }])],
    ['a value that is an object', (d) => ((d.changes as unknown[][])[0]![4] = { f: 'not a formula' })],
    ['a row outside a sheet', (d) => ((d.changes as unknown[][])[0]![1] = 0)],
    ['a column past the last', (d) => ((d.changes as unknown[][])[0]![2] = 20_000)],
    ['a sheet that is not listed', (d) => ((d.changes as unknown[][])[0]![0] = 9)],
    ['a date that is not an instant', (d) => ((d.changes as unknown[][])[0]![5] = { d: 'tomorrow' })],
    ['a row print with other characters', (d) => ((d.rows as unknown[][])[0]![2] = '<script>')],
  ])('refuses a record with %s', (_, edit) => {
    const data = JSON.parse(recordJson(action('A1', 3))) as Record<string, unknown>;
    edit(data);
    expect(parseRecord(JSON.stringify(data), 'A1', '有効')).toBeNull();
  });

  it('refuses what is not JSON and a status it does not know', () => {
    expect(parseRecord('{"v":2', 'A1', '有効')).toBeNull();
    expect(parseRecord(recordJson(action('A1', 1)), 'A1', '済')).toBeNull();
  });
});

describe('encodeAction / readRecords', () => {
  it('splits a large record into chunks under the cell limit and reads it back whole', () => {
    const big = action('A1', 3000);
    const rows = [...rowsOf(big), ...rowsOf(action('A2', 2))];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(String(row[6]).length).toBeLessThanOrEqual(CHUNK_CHARS + 2);
    const records = readRecords(rows, 2);
    expect(records.map((r) => [r.id, r.firstRow, r.status, r.seal])).toEqual([
      ['A1', 2, '有効', 'seal'],
      ['A2', 2 + records[0]!.rowCount, '有効', 'seal'],
    ]);
    expect(parseRecord(records[0]!.json!, 'A1', '有効')).toEqual(big);
  });

  it('starts every chunk with a prefix so that Sheets never reads one as a formula or number', () => {
    for (const row of rowsOf(action('A1', 2000, '=+-@'))) expect(String(row[6])).toMatch(/^j:/);
  });

  it('gives no JSON for a record whose chunk lost its prefix', () => {
    const rows = rowsOf(action('A1', 1));
    rows[0]![6] = '{"v":2}';
    expect(readRecords(rows)[0]?.json).toBeNull();
  });
});
