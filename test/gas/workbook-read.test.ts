/** GasWorkbook.read: only the columns asked for, and display texts only where a cell is not text — the cells that matter. */
import { describe, it } from '@jest/globals';
import { Emulator } from '../../src/local/emulator/index';
import { portsFor } from '../../src/local/emulator-ports';
import { expect } from '../support/expect';

function book() {
  const emu = Emulator.create('読み取り');
  emu.setSheetValues('名簿', [
    ['登録番号', '氏名', '生年月日', 'メモ', '月間上限'],
    ['V-1', '佐藤 花子', new Date('1950-04-01T00:00:00+09:00'), '自分用', 4],
    ['V-2', '鈴木 一郎', '昭和30年5月1日', '', ''],
    ['V-3', '高橋 次郎', new Date('1961-12-24T00:00:00+09:00'), 'x', 2],
  ]);
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('名簿');
  sheet?.getRange(2, 5, 3, 1).setNumberFormat('0"回"');
  return { emu, workbook: portsFor(emu).workbook };
}

describe('GasWorkbook.read', () => {
  it('reads every column, with the display text of dates and numbers as Sheets shows them', () => {
    const { workbook } = book();
    const data = workbook.read('名簿');
    expect(data?.values[1]?.[0]).toBe('V-1');
    expect(data?.display[1]?.[2]).toBe('1950/04/01');
    expect(data?.display[1]?.[4]).toBe('4回');
    // Text shows as itself; a blank shows as ''.
    expect(data?.display[2]?.[2]).toBe('昭和30年5月1日');
    expect(data?.display[2]?.[3]).toBe('');
  });

  it('gives the same values and display texts as reading the whole range at once', () => {
    const { emu, workbook } = book();
    const range = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('名簿')?.getRange(1, 1, 4, 5);
    const data = workbook.read('名簿');
    expect(data?.values).toEqual(range?.getValues());
    expect(data?.display).toEqual(range?.getDisplayValues());
  });

  it('reads only the columns asked for, the others blank at their place', () => {
    const { emu, workbook } = book();
    emu.stats.reset();
    const data = workbook.read('名簿', [0, 1, 4]);
    expect(data?.values.map((row) => row.length)).toEqual([5, 5, 5, 5]);
    expect(data?.values[1]).toEqual(['V-1', '佐藤 花子', '', '', 4]);
    expect(data?.display[3]).toEqual(['V-3', '高橋 次郎', '', '', '2回']);
    const cost = emu.stats.costByMethod();
    // Columns A:B in one read, E in another; display texts only for column E's numbers (rows 2–4).
    expect(cost['Range.getValues']).toEqual({ calls: 2, cellsRead: 4 * 2 + 4, cellsWritten: 0 });
    expect(cost['Range.getDisplayValues']).toEqual({ calls: 1, cellsRead: 3, cellsWritten: 0 });
  });

  it('reads no display texts when every cell is text', () => {
    const { emu, workbook } = book();
    emu.stats.reset();
    expect(workbook.read('名簿', [0, 1, 3])?.display[2]).toEqual(['V-2', '鈴木 一郎', '', '', '']);
    expect(emu.stats.count('Range.getDisplayValues')).toBe(0);
  });

  it('makes as many calls for 10,000 rows as for 3', () => {
    const { emu } = book();
    // Each read as its own server call (the workbook looks a sheet up once per call).
    const calls = (): Record<string, number> => {
      emu.stats.reset();
      portsFor(emu).workbook.read('名簿', [0, 2, 4]);
      return emu.stats.byMethod();
    };
    const small = calls();
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `V-${i}`,
      '名前',
      new Date(Date.UTC(1960, 0, 1 + i)),
      '',
      i,
    ]);
    emu.setSheetValues('名簿', [['登録番号', '氏名', '生年月日', 'メモ', '月間上限'], ...rows]);
    expect(calls()).toEqual(small);
    expect(emu.stats.totals().cellsRead).toBe(10_001 * 3 + 10_000 * 2);
  });

  it('reads only the row spans asked for, merged where they touch; other rows come back empty', () => {
    const { emu, workbook } = book();
    emu.stats.reset();
    const data = workbook.read(
      '名簿',
      [0, 4],
      [
        { first: 1, count: 1 },
        { first: 2, count: 1 },
        { first: 4, count: 9 },
      ],
    );
    expect(data?.values).toEqual([
      ['登録番号', '', '', '', '月間上限'],
      ['V-1', '', '', '', 4],
      [],
      ['V-3', '', '', '', 2],
    ]);
    expect(data?.display[3]).toEqual(['V-3', '', '', '', '2回']);
    // Rows 1–2 and row 4 (clipped to the last row), each in two column runs; display of E2 and E4.
    expect(emu.stats.costByMethod()['Range.getValues']).toEqual({ calls: 4, cellsRead: 6, cellsWritten: 0 });
    expect(emu.stats.costByMethod()['Range.getDisplayValues']).toEqual({ calls: 2, cellsRead: 2, cellsWritten: 0 });
  });

  it('answers null for a missing sheet and empty lists for an empty one, and ignores columns past the last', () => {
    const { emu, workbook } = book();
    expect(workbook.read('ない')).toBeNull();
    emu.setSheetValues('空', []);
    expect(workbook.read('空', [0, 3])).toEqual({ name: '空', values: [], display: [] });
    expect(workbook.read('名簿', [1, 40])?.values[1]).toEqual(['', '佐藤 花子', '', '', '']);
  });
});

describe('GasWorkbook.heads', () => {
  it('reads the first rows of every sheet but those it is told to leave, which come with their size only', () => {
    const { emu, workbook } = book();
    emu.setSheetValues('検証結果', [
      ['シート', '行'],
      ['名簿', 2],
    ]);
    emu.stats.reset();
    const heads = workbook.heads(10, ['検証結果']);
    const result = heads.find((h) => h.name === '検証結果');
    expect(result).toMatchObject({ lastRow: 2, lastColumn: 2, display: [] });
    expect(heads.find((h) => h.name === '名簿')?.display[0]?.[0]).toBe('登録番号');
    // シート1 is empty: no read; 名簿 is read; 検証結果 is not.
    expect(emu.stats.count('Range.getDisplayValues')).toBe(1);
  });
});

describe('GasWorkbook within one server call', () => {
  it('looks each sheet up once, however many ranges of it an action reads and writes', () => {
    const { emu, workbook } = book();
    emu.stats.reset();
    for (let row = 2; row <= 4; row++) {
      workbook.readBlock('名簿', { row, column: 4, rows: 1, columns: 1 }, ['notes']);
      workbook.writeBlock('名簿', { row, column: 4, rows: 1, columns: 1 }, { notes: [[`メモ${row}`]] });
    }
    expect(emu.stats.count('Spreadsheet.getSheetByName')).toBe(1);
    expect(emu.stats.count('Range.setNotes')).toBe(3);
  });

  it('looks a sheet up again after Tsunagu deletes one (a sheet of that name may come back)', () => {
    const { emu, workbook } = book();
    workbook.writeOutputSheet({
      name: '検証結果',
      kind: 'validation',
      header: ['a'],
      rows: [['一']],
      hidden: false,
      textColumns: [],
      checkboxColumns: [],
    });
    expect(workbook.readBlock('検証結果', { row: 2, column: 1, rows: 1, columns: 1 }, ['values']).values).toEqual([
      ['一'],
    ]);
    workbook.deleteSheet('検証結果');
    expect(workbook.sheetSize('検証結果')).toBeNull();
    workbook.writeOutputSheet({
      name: '検証結果',
      kind: 'validation',
      header: ['a'],
      rows: [['二']],
      hidden: false,
      textColumns: [],
      checkboxColumns: [],
    });
    expect(workbook.readBlock('検証結果', { row: 2, column: 1, rows: 1, columns: 1 }, ['values']).values).toEqual([
      ['二'],
    ]);
    expect(emu.sheetValues('検証結果')[0]).toEqual(['a']);
  });
});

describe('GasWorkbook keeps its list of sheets through the sheets it makes and deletes', () => {
  const output = (rows: string[][]) => ({
    name: '検証結果',
    kind: 'validation',
    header: ['a'],
    rows,
    hidden: false,
    textColumns: [],
    checkboxColumns: [],
  });
  // What the spreadsheet holds (a snapshot is not a service call).
  const actual = (emu: ReturnType<typeof book>['emu']) => emu.snapshot().sheets.map((s) => s.name);

  it('lists the sheets once per server call, and the list stays what the spreadsheet holds', () => {
    const { emu, workbook } = book();
    emu.stats.reset();
    expect(workbook.sheetNames()).toEqual(['シート1', '名簿']);
    const first = workbook.writeOutputSheet(output([['一']]));
    first.dispose();
    expect(workbook.sheetNames()).toEqual(['シート1', '名簿', '検証結果']);
    // Rewritten through two scratch sheets, one removed at once and the other when the action is done.
    const again = workbook.writeOutputSheet(output([['二'], ['三']]));
    expect(workbook.sheetNames()).toEqual(actual(emu));
    again.dispose();
    expect(workbook.sheetNames()).toEqual(['シート1', '名簿', '検証結果']);
    expect(workbook.heads(10).map((h) => h.name)).toEqual(['シート1', '名簿', '検証結果']);
    workbook.deleteSheet('検証結果');
    expect(workbook.sheetNames()).toEqual(['シート1', '名簿']);
    expect(actual(emu)).toEqual(['シート1', '名簿']);
    const counted = emu.stats.count('Spreadsheet.getSheets');
    expect(counted, 'the sheets listed once, not again after each sheet made or deleted').toBe(1);
    // The two sheets' names, and the marked sheet's as its mark's search finds it.
    expect(emu.stats.count('Sheet.getName'), 'each name read once').toBe(3);
  });

  it('lists the sheets again after a write that failed and was put back', () => {
    const { emu, workbook } = book();
    workbook.writeOutputSheet(output([['一']])).dispose();
    emu.failAtMutation(3);
    expect(() => workbook.writeOutputSheet(output([['二']]))).toThrow();
    expect(workbook.sheetNames()).toEqual(actual(emu));
  });

  it('reads a sheet’s id only when it is asked for, once', () => {
    const { emu, workbook } = book();
    emu.stats.reset();
    const heads = workbook.heads(10);
    expect(emu.stats.count('Sheet.getSheetId')).toBe(0);
    const id = heads[0]?.id;
    expect(typeof id).toBe('number');
    expect(workbook.sheets()[0]?.id).toBe(id);
    expect(emu.stats.count('Sheet.getSheetId')).toBe(1);
  });
});
