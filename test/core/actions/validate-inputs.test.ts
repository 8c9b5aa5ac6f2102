// 検証 on bad input (no header, empty, duplicated headers, #REF!, numbers for text, 50,000 rows) and the
// fix/undo properties on random rosters: never a crash, and undo gives back every cell exactly.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { applyFixes, getValidationReport, previewFixes, runValidation } from '../../../src/core/actions/validate';
import { undoLast } from '../../../src/core/actions/undo';
import type { ValidationReport } from '../../../src/shared/rpc';
import { Emulator } from '../../../src/local/emulator/index';
import { portsFor } from '../../../src/local/emulator-ports';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';

const HEADER = ['登録番号', '氏名', 'フリガナ', '生年月日', '電話番号', '郵便番号', '個人情報同意', '状態', '月間上限'];

describe('validation of bad input', () => {
  it('says clearly when no sheet can be validated', () => {
    const session = freshSession();
    session.emu.setSheetValues('シート1', [['なにか'], ['メモ']]);
    const error = rpcError(session, 'runValidation');
    expect(error.code).toBe('validate.noSheets');
    expect(error.ja).toMatch(/見出し行/);
  });

  it('reads around empty sheets, duplicated headers, error values and numbers where text is expected', () => {
    const session = freshSession();
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.insertSheet('名簿');
    session.emu.setSheetValues('名簿', [
      ['令和6年度 名簿', '', '', '', '', '', '', '', '', ''],
      [...HEADER, '氏名'],
      ['V-1', '#REF!', 'ヤマダ', '#N/A', 424611234, 1880012, 'はい', '活動中', '多め', '重複列'],
      [12345, 67890, 3.5, true, '', '', '', '', '', ''],
    ]);
    book.insertSheet('空');
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    const codes = report.issues.filter((i) => i.sheet === '名簿').map((i) => i.code);
    expect(codes).toContain('cell.error');
    const errorCell = report.issues.find((i) => i.code === 'cell.error');
    expect(errorCell).toMatchObject({ sheet: '名簿', row: 3 });
    expect(errorCell?.message).toMatch(/#REF!|エラー/);
    const limit = report.issues.find((i) => i.column === '月間上限');
    expect(limit?.row).toBe(3);
    expect(limit?.message.length).toBeGreaterThan(0);
    expect(limit?.messageEn.length).toBeGreaterThan(0);
  });

  it('validates 50,000 rows without a crash, with the row numbers of the sheet', () => {
    const session = freshSession();
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i < 50_000; i++)
      rows.push([
        `V-${i}`,
        '山田 花子',
        i === 49_999 ? 'やまだ はなこ' : 'ヤマダ ハナコ',
        '1950-01-01',
        '042-461-1234',
        '188-0012',
        'はい',
        '活動中',
        4,
      ]);
    session.emu.setSheetValues('名簿', rows);
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    expect(report.issues.find((i) => i.code.startsWith('kana.'))?.row).toBe(50_001);
  });

  it('reads and validates 100 and 10,000 rows with the same number of service calls', () => {
    const counts = [100, 10_000].map((n) => {
      const session = freshSession();
      session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
      const rows: unknown[][] = [HEADER];
      for (let i = 0; i < n; i++)
        rows.push([
          `V-${i}`,
          '山田 花子',
          'やまだ はなこ',
          '昭和25年1月1日',
          '０４２４６１１２３４',
          '1880012',
          'はい',
          '活動中',
          4,
        ]);
      session.emu.setSheetValues('名簿', rows);
      session.emu.stats.reset();
      rpc(session, 'getValidationReport');
      return session.emu.stats.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});

/** Cell values staff really type into a roster, clean and messy. */
const messyCell = fc.oneof(
  fc.constantFrom(
    '０９０－１２３４－５６７８',
    '0424611234',
    '042-461-1234',
    '〒188-0012',
    '1880012',
    '令和6年4月1日',
    'R6.4.1',
    '2024/4/1',
    'やまだ はなこ',
    'ﾔﾏﾀﾞ ﾊﾅｺ',
    'ヤマダ ハナコ',
    '○',
    'はい',
    '×',
    ' 活動中 ',
    '活動中',
    '=SUM(A1)',
    '#REF!',
    '',
    '髙橋 﨑子',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 2_000_000_000 }),
  fc.boolean(),
);

/** Number formats that are neither Automatic, text nor a date. */
const NUMBER_FORMATS = ['#,##0', '0', '[$¥-411]#,##0'];

/** What staff may have given a cell besides its value: a number format, a note, a fill. */
const decoration = fc.record({
  format: fc.constantFrom(
    undefined,
    undefined,
    '@',
    '0.###############',
    'yyyy/MM/dd',
    'yyyy"年"m"月"d"日"',
    ...NUMBER_FORMATS,
  ),
  note: fc.constantFrom(undefined, undefined, '', 'スタッフのメモ', '要確認\n電話済み'),
  fill: fc.constantFrom(undefined, undefined, '#00ff00', '#fce8b2', '#ffffff'),
});

/** Everything a cell holds that 元に戻す must give back: value, formula, number format, note, fill. */
function snapshot(emu: Emulator, rows: number): Record<string, unknown[][]> {
  const range = emu.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('シート1')
    ?.getRange(1, 1, rows, HEADER.length + 1);
  if (!range) throw new Error('no シート1');
  // A Date compares by its instant; a number too big for a date under a date format reads as an
  // invalid Date, which toEqual would never find equal to itself.
  const values = range
    .getValues()
    .map((row) =>
      row.map((v) => (v instanceof Date ? `Date ${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}` : v)),
    );
  return {
    values,
    formulas: range.getFormulas(),
    numberFormats: range.getNumberFormats(),
    notes: range.getNotes(),
    backgrounds: range.getBackgrounds(),
  };
}

describe('fix and undo on random rosters (property)', () => {
  it('after fixing, nothing fixable is left; undo gives back every cell exactly: values, formulas, formats, notes and fills', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(messyCell, decoration), { minLength: HEADER.length, maxLength: HEADER.length }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        (body, validateFirst) => {
          const emu = Emulator.create('property');
          const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('シート1');
          if (!sheet) throw new Error('no シート1');
          // Formats first, as staff set a column's format before typing into it.
          body.forEach((row, i) =>
            row.forEach(([, d], j) => {
              if (d.format !== undefined) sheet.getRange(i + 2, j + 1).setNumberFormat(d.format);
            }),
          );
          emu.setSheetValues('シート1', [HEADER, ...body.map((row) => row.map(([value]) => value))]);
          body.forEach((row, i) =>
            row.forEach(([, d], j) => {
              const cell = sheet.getRange(i + 2, j + 1);
              if (d.note !== undefined) cell.setNote(d.note);
              if (d.fill !== undefined) cell.setBackground(d.fill);
            }),
          );
          const ports = portsFor(emu);
          // With the 検証 marks on, fix and undo must keep them as they were too.
          if (validateFirst) runValidation(ports);
          const rows = body.length + 2;
          const original = snapshot(emu, rows);
          const preview = previewFixes(ports);
          if (preview.total === 0) return;
          applyFixes(ports, preview.token);
          const left = previewFixes(ports);
          expect(left.items.length, 'the preview lists every fix left').toBe(left.total);
          expect(left.items, 'fixable after fixing').toEqual([]);
          undoLast(ports);
          const restored = snapshot(emu, rows);
          for (const part of Object.keys(original)) {
            expect(restored[part], `${part} after undo`).toEqual(original[part]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fixes a date in a cell formatted as a number for good: the cell gets a date format, and undo puts the number format back', () => {
    const emu = Emulator.create('日付と数値の表示形式');
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('シート1');
    if (!sheet) throw new Error('no シート1');
    sheet.getRange(2, 4).setNumberFormat('[$¥-411]#,##0');
    emu.setSheetValues('シート1', [
      HEADER,
      ['V-1', '山田 花子', 'ヤマダ ハナコ', 'R6.4.1', '', '', 'はい', '活動中', 4],
    ]);
    const ports = portsFor(emu);
    const preview = previewFixes(ports);
    expect(preview.items.map((i) => [i.cell, i.kind, i.after])).toEqual([['D2', 'date', '2024-04-01']]);
    applyFixes(ports, preview.token);
    expect(sheet.getRange(2, 4).getDisplayValue()).toBe('2024/04/01');
    expect(previewFixes(ports).total).toBe(0);
    undoLast(ports);
    expect([sheet.getRange(2, 4).getValue(), sheet.getRange(2, 4).getNumberFormat()]).toEqual([
      'R6.4.1',
      '[$¥-411]#,##0',
    ]);
  });

  it('validation, marking and clearing never throw and leave the values untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(messyCell, { minLength: HEADER.length, maxLength: HEADER.length }), {
          minLength: 1,
          maxLength: 8,
        }),
        (body) => {
          const emu = Emulator.create('property');
          emu.setSheetValues('シート1', [HEADER, ...body]);
          const ports = portsFor(emu);
          const original = emu.sheetValues('シート1');
          getValidationReport(ports);
          runValidation(ports);
          expect(emu.sheetValues('シート1')).toEqual(original);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('a 検証 that fails half-way', () => {
  it('leaves the cells marked as the previous run left them, and says so', () => {
    const emu = Emulator.create('failure');
    emu.setSheetValues('シート1', [
      HEADER,
      ['V-1', '山田 花子', 'やまだ はなこ', '1950-01-01', '０４２４６１１２３４', '1880012', 'はい', '活動中', 4],
    ]);
    const ports = portsFor(emu);
    runValidation(ports);
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('シート1');
    const marked = () => [
      sheet?.getRange(2, 3).getNote(),
      sheet?.getRange(2, 3).getBackground(),
      sheet?.getRange(2, 5).getNote(),
    ];
    const before = marked();
    expect(before[0]).toMatch(/【つなぐ検証】/);
    const failing = {
      ...ports,
      workbook: Object.assign(Object.create(Object.getPrototypeOf(ports.workbook)), ports.workbook, {
        writeOutputSheet: () => {
          throw new Error('quota');
        },
      }),
    };
    expect(() => runValidation(failing)).toThrow(
      /検証結果を書き込めなかったため、すべて元に戻しました。何も変更されていません/,
    );
    expect(marked()).toEqual(before);
  });
});
