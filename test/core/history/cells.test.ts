// Writing into staff sheets and putting it back: neighbours kept, exact restore, conflicts seen, constant calls.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  cellInput,
  conflictsOf,
  restore,
  rowPrintsOf,
  rowRuns,
  writeMarks,
  writeValues,
} from '../../../src/core/history/cells';
import type { CellChange } from '../../../src/core/history/types';
import { GasWorkbook } from '../../../src/gas/workbook';
import { Emulator } from '../../../src/local/emulator/index';

function setup(rows: unknown[][]) {
  const emu = Emulator.create('履歴テスト');
  const app = emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const book = app.getActiveSpreadsheet();
  const sheet = book.getSheetByName('シート1');
  if (!sheet) throw new Error('no sheet');
  emu.setSheetValues('シート1', rows);
  return { emu, app, sheet, workbook: new GasWorkbook(app, book) };
}

const TOKYO_2024_04_01 = new Date(Date.UTC(2024, 2, 31, 15));

describe('writeValues', () => {
  it('changes only the cells it writes: text, formulas, dates and numbers around them stay as they were', () => {
    const { sheet, workbook } = setup([['id'], ['x'], ['y'], ['z'], ['w']]);
    sheet.getRange(2, 1).setValue("'0123");
    sheet.getRange(3, 1).setFormula('=1+1');
    sheet.getRange(4, 1).setValue(TOKYO_2024_04_01);
    sheet.getRange(5, 1).setValue(42);
    sheet.getRange(6, 1).setValue('０４２－４６１－１２３４');
    const changes = writeValues(workbook, [{ sheet: 'シート1', row: 6, column: 1, value: '042-461-1234' }]);
    expect(sheet.getRange(2, 1).getValue()).toBe('0123');
    expect(sheet.getRange(3, 1).getFormula()).toBe('=1+1');
    expect((sheet.getRange(4, 1).getValue() as Date).toISOString()).toBe(TOKYO_2024_04_01.toISOString());
    expect(sheet.getRange(5, 1).getValue()).toBe(42);
    expect(sheet.getRange(6, 1).getValue()).toBe('042-461-1234');
    expect(changes).toEqual([
      {
        sheet: 'シート1',
        row: 6,
        column: 1,
        part: 'value',
        before: '０４２－４６１－１２３４',
        after: '042-461-1234',
      },
    ]);
  });

  it('writes text that looks like a formula as text', () => {
    const { sheet, workbook } = setup([['メモ'], ['']]);
    writeValues(workbook, [{ sheet: 'シート1', row: 2, column: 1, value: '=HYPERLINK("http://example.com")' }]);
    expect(sheet.getRange(2, 1).getFormula()).toBe('');
    expect(sheet.getRange(2, 1).getValue()).toBe('=HYPERLINK("http://example.com")');
  });

  it('lets Sheets read an ISO date as a date when asked to parse', () => {
    const { sheet, workbook } = setup([['日付'], ['令和6年4月1日']]);
    const [change] = writeValues(workbook, [{ sheet: 'シート1', row: 2, column: 1, value: '2024-04-01', parse: true }]);
    expect((sheet.getRange(2, 1).getValue() as Date).toISOString()).toBe(TOKYO_2024_04_01.toISOString());
    expect(change?.after).toEqual({ d: TOKYO_2024_04_01.toISOString() });
  });

  it('makes the same number of service calls for the same writes in a sheet of 1,000 and of 10,000 rows', () => {
    const counts = [1_000, 10_000].map((n) => {
      const rows = [
        ['電話'],
        ...Array.from({ length: n }, (_, i) => [`０９０－${String(i).padStart(4, '0')}－０００${i % 10}`]),
      ];
      const { emu, workbook } = setup(rows);
      const writes = Array.from({ length: 100 }, (_, i) => ({
        sheet: 'シート1',
        row: 2 + i * 10,
        column: 1,
        value: `fixed-${i}`,
      }));
      emu.stats.reset();
      writeValues(workbook, writes);
      return emu.stats.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
    // One write per run of neighbouring rows: 100 separate cells, 100 writes.
    expect(counts[0]?.['Range.setValues']).toBe(100);
  });

  it('never writes a cell it does not change, so a strict drop-down between many scattered fixes rejects nothing', () => {
    // はい/いいえ only, rejecting anything else; the cells between the fixes hold values from before the rule.
    const rows: unknown[][] = [['同意']];
    for (let i = 0; i < 120; i++) rows.push([i % 2 === 0 ? 'ﾊｲ' : '未確認']);
    const { app, sheet, workbook } = setup(rows);
    const rule = app.newDataValidation().requireValueInList(['はい', 'いいえ'], true).setAllowInvalid(false).build();
    sheet.getRange(2, 1, 120, 1).setDataValidation(rule);
    const written: Array<{ row: number; rows: number }> = [];
    const recording = Object.assign(Object.create(Object.getPrototypeOf(workbook)), workbook, {
      writeBlock: (name: string, rect: { row: number; rows: number }, data: object) => {
        written.push({ row: rect.row, rows: rect.rows });
        return workbook.writeBlock(name, rect as never, data);
      },
    }) as typeof workbook;
    const fixes = Array.from({ length: 60 }, (_, i) => ({
      sheet: 'シート1',
      row: 2 + i * 2,
      column: 1,
      value: 'はい',
    }));
    const changes = writeValues(recording, fixes);
    expect(changes).toHaveLength(60);
    const fixed = new Set(fixes.map((f) => f.row));
    for (const w of written) for (let r = w.row; r < w.row + w.rows; r++) expect(fixed.has(r), `row ${r}`).toBe(true);
    expect(sheet.getRange(3, 1).getValue()).toBe('未確認');
    expect(sheet.getRange(2, 1).getValue()).toBe('はい');
  });

  it('writes only the runs of written rows, not the cells between them', () => {
    const { emu, workbook } = setup([['a'], ...Array.from({ length: 500 }, () => ['x'])]);
    emu.stats.reset();
    writeValues(workbook, [
      { sheet: 'シート1', row: 2, column: 1, value: 'one' },
      { sheet: 'シート1', row: 3, column: 1, value: 'two' },
      { sheet: 'シート1', row: 400, column: 1, value: 'three' },
    ]);
    expect(emu.stats.count('Range.setValues')).toBe(2);
  });

  it('never replaces a formula with a fixed value', () => {
    const { sheet, workbook } = setup([['a'], ['x']]);
    sheet.getRange(2, 1).setFormula('=TEXT(1,"0")');
    const changes = writeValues(workbook, [{ sheet: 'シート1', row: 2, column: 1, value: 'fixed' }]);
    expect(changes).toEqual([]);
    expect(sheet.getRange(2, 1).getFormula()).toBe('=TEXT(1,"0")');
  });
});

describe('rowRuns', () => {
  it('groups neighbouring rows and nothing else', () => {
    expect(rowRuns([5, 2, 3, 9, 3])).toEqual([
      { first: 2, count: 2 },
      { first: 5, count: 1 },
      { first: 9, count: 1 },
    ]);
    expect(rowRuns([])).toEqual([]);
  });
});

describe('restore', () => {
  it('puts written values back exactly, dates included', () => {
    const { sheet, workbook } = setup([
      ['a', 'b'],
      ['x', ''],
      ['y', ''],
    ]);
    sheet.getRange(3, 2).setValue(TOKYO_2024_04_01);
    const changes = writeValues(workbook, [{ sheet: 'シート1', row: 3, column: 2, value: 'written' }]);
    expect(sheet.getRange(3, 2).getValue()).toBe('written');
    restore(workbook, changes);
    expect((sheet.getRange(3, 2).getValue() as Date).toISOString()).toBe(TOKYO_2024_04_01.toISOString());
  });

  it('puts a formula back as a formula', () => {
    const { sheet, workbook } = setup([
      ['a', 'b'],
      ['x', 'over'],
    ]);
    restore(workbook, [{ sheet: 'シート1', row: 2, column: 2, part: 'value', before: { f: '=A2' }, after: 'over' }]);
    expect(sheet.getRange(2, 2).getFormula()).toBe('=A2');
  });

  it('puts notes and fills back, keeping the note staff wrote under the mark', () => {
    const { sheet, workbook } = setup([['a'], ['x'], ['y']]);
    sheet.getRange(2, 1).setNote('スタッフのメモ');
    sheet.getRange(2, 1).setBackground('#00ff00');
    const changes = writeMarks(workbook, [
      { sheet: 'シート1', row: 2, column: 1, mark: '【つなぐ検証】問題', background: '#f4c7c3' },
      { sheet: 'シート1', row: 3, column: 1, mark: '【つなぐ検証】別', background: '#fce8b2' },
    ]);
    expect(sheet.getRange(2, 1).getNote()).toBe('スタッフのメモ\n\n【つなぐ検証】問題');
    expect(sheet.getRange(3, 1).getBackground()).toBe('#fce8b2');
    restore(workbook, changes);
    expect(sheet.getRange(2, 1).getNote()).toBe('スタッフのメモ');
    expect(sheet.getRange(2, 1).getBackground()).toBe('#00ff00');
    expect(sheet.getRange(3, 1).getNote()).toBe('');
    expect(sheet.getRange(3, 1).getBackground()).toBe('#ffffff');
  });
});

describe('conflictsOf', () => {
  it('names the cells edited after the action and only those', () => {
    const { sheet, workbook } = setup([
      ['a', 'b'],
      ['x', 'p'],
      ['y', 'q'],
    ]);
    const changes: CellChange[] = writeValues(workbook, [
      { sheet: 'シート1', row: 2, column: 1, value: 'one' },
      { sheet: 'シート1', row: 3, column: 1, value: 'two' },
    ]);
    const action = { changes, rows: rowPrintsOf(workbook, changes) };
    expect(conflictsOf(workbook, action)).toEqual([]);
    sheet.getRange(3, 1).setValue('edited by staff');
    expect(conflictsOf(workbook, action)).toEqual([{ sheet: 'シート1', row: 3, column: 1 }]);
  });

  it('names the other cell of a changed row that was edited, not the changed cell', () => {
    const { sheet, workbook } = setup([
      ['a', 'b', 'c'],
      ['x', 'p', 'k'],
      ['y', 'q', 'l'],
    ]);
    const changes = writeValues(workbook, [{ sheet: 'シート1', row: 2, column: 1, value: 'one' }]);
    const action = { changes, rows: rowPrintsOf(workbook, changes) };
    sheet.getRange(2, 3).setValue('edited');
    expect(conflictsOf(workbook, action)).toEqual([{ sheet: 'シート1', row: 2, column: 3 }]);
  });

  it('prints a row holding a Date with no instant (a huge number under a date format) without failing', () => {
    const { sheet, workbook } = setup([
      ['a', 'b'],
      ['x', ''],
    ]);
    sheet.getRange(2, 2).setNumberFormat('yyyy/MM/dd').setValue(100025570);
    const changes = writeValues(workbook, [{ sheet: 'シート1', row: 2, column: 1, value: 'y' }]);
    const action = { changes, rows: rowPrintsOf(workbook, changes) };
    expect(action.rows).toHaveLength(1);
    expect(conflictsOf(workbook, action)).toEqual([]);
  });

  it('tells a row that moved (rows inserted above) from an edited cell', () => {
    const { sheet, workbook } = setup([
      ['id', '氏名', '電話', '住所'],
      ['V-1', '佐藤', '042-461-0001', '南町1'],
      ['V-2', '鈴木', '042-461-0002', '南町2'],
    ]);
    const changes = writeValues(workbook, [{ sheet: 'シート1', row: 3, column: 2, value: '鈴木 一郎' }]);
    const action = { changes, rows: rowPrintsOf(workbook, changes) };
    sheet.insertRowBefore(2);
    expect(conflictsOf(workbook, action)).toEqual([{ sheet: 'シート1', row: 3, column: null }]);
  });
});

describe('cellInput', () => {
  it('guards text that Sheets could read as a formula whatever the cell format, plain text included', () => {
    for (const format of ['@', '0.###############', 'yyyy/MM/dd', '']) {
      expect(cellInput('=IMPORTXML("https://example.com","//a")', format), format).toBe(
        '\'=IMPORTXML("https://example.com","//a")',
      );
      expect(cellInput('＋81-42', format), format).toBe("'＋81-42");
      expect(cellInput({ f: '=SUM(A1:A3)' }, format), format).toBe('=SUM(A1:A3)');
    }
    expect(cellInput('0123', '@')).toBe('0123');
    expect(cellInput('0123', '0.###############')).toBe("'0123");
  });

  it('writes back a 担当ボランティア that starts like a formula as text when 確定 adds ids to it', () => {
    const { emu, sheet, workbook } = setup([['担当'], ['']]);
    // Typed into a plain-text cell, so it is text, not a formula.
    sheet.getRange(2, 1).setNumberFormat('@').setValue('=HYPERLINK("https://example.com")、V-1');
    expect(sheet.getRange(2, 1).getFormula()).toBe('');
    const inputs = emu.recordInputs();
    writeValues(workbook, [
      { sheet: 'シート1', row: 2, column: 1, value: '=HYPERLINK("https://example.com")、V-1、V-2' },
    ]);
    expect(inputs.map((w) => w.input)).toEqual(['\'=HYPERLINK("https://example.com")、V-1、V-2']);
    expect(sheet.getRange(2, 1).getFormula()).toBe('');
  });
});
