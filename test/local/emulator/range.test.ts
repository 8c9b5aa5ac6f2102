/** Range: coordinates and their errors, values in and out, display values, notes, fills and formats. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { FIXED_NOW, fresh, tokyo } from './helpers';

describe('emulator Range', () => {
  describe('getRange', () => {
    it('returns 1-based ranges by index and by A1 notation', () => {
      const { sheet } = fresh();
      const byIndex = sheet.getRange(2, 3, 4, 5);
      expect([byIndex.getRow(), byIndex.getColumn(), byIndex.getNumRows(), byIndex.getNumColumns()]).toEqual([
        2, 3, 4, 5,
      ]);
      expect(byIndex.getA1Notation()).toBe('C2:G5');
      expect(byIndex.getLastRow()).toBe(5);
      expect(byIndex.getLastColumn()).toBe(7);
      expect(sheet.getRange('B2').getA1Notation()).toBe('B2');
      expect(sheet.getRange('$A$1:$C$3').getA1Notation()).toBe('A1:C3');
    });

    it('returns whole columns and rows to the edge of the grid, printed as Sheets prints them', () => {
      const { sheet } = fresh();
      const column = sheet.getRange('A:B');
      expect([column.getNumRows(), column.getNumColumns(), column.getA1Notation()]).toEqual([1000, 2, 'A:B']);
      const rows = sheet.getRange('2:3');
      expect([rows.getNumRows(), rows.getNumColumns(), rows.getA1Notation()]).toEqual([2, 26, '2:3']);
      const openBottom = sheet.getRange('A2:C');
      expect([openBottom.getRow(), openBottom.getNumRows(), openBottom.getA1Notation()]).toEqual([2, 999, 'A2:C']);
    });

    it('throws Apps Script errors for ranges outside the grid or of no size', () => {
      const { sheet } = fresh();
      expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
      expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
      expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
      expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
      expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      expect(() => sheet.getRange(1, 26, 1, 2)).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      expect(() => sheet.getRange('A1:ZZ1')).toThrow('Range not found');
      expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    });

    it('throws a signature error for arguments Apps Script would not accept', () => {
      const { sheet } = fresh();
      expect(() => (sheet.getRange as (...a: unknown[]) => unknown)('1', 2)).toThrow(
        "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
      expect(() => sheet.getRange(1.5, 1)).toThrow("don't match the method signature");
    });
  });

  describe('getValues', () => {
    it('returns blanks as empty strings, numbers as numbers and booleans as booleans', () => {
      const { sheet } = fresh();
      sheet.getRange('B2:C2').setValues([[42, true]]);
      expect(sheet.getRange('A1:C2').getValues()).toEqual([
        ['', '', ''],
        ['', 42, true],
      ]);
    });

    it('returns a date cell as the instant of its Tokyo wall-clock time', () => {
      const { sheet } = fresh();
      sheet.getRange('A1').setValue('2024/4/1');
      const value = sheet.getRange('A1').getValue() as Date;
      expect(value).toBeInstanceOf(Date);
      expect(value.toISOString()).toBe('2024-03-31T15:00:00.000Z');
    });

    it('returns the same instant whatever the time zone of the Node process', () => {
      const before = process.env.TZ;
      try {
        process.env.TZ = 'America/Los_Angeles';
        const { sheet } = fresh();
        sheet.getRange('A1:A2').setValues([['2024-04-01'], [tokyo(2024, 12, 31, 23, 30)]]);
        expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
        expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['2024/04/01'], ['2024/12/31 23:30:00']]);
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    });

    it('returns a date cell of the 1948–51 summers as midnight of summer time (UTC+10), shown as its own day', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:A3').setValues([['1948-06-01'], ['1950/8/15'], ['1952-06-01']]);
      expect(
        sheet
          .getRange('A1:A3')
          .getValues()
          .map((r) => (r[0] as Date).toISOString()),
      ).toEqual(['1948-05-31T14:00:00.000Z', '1950-08-14T14:00:00.000Z', '1952-05-31T15:00:00.000Z']);
      expect(sheet.getRange('A1:A3').getDisplayValues()).toEqual([['1948/06/01'], ['1950/08/15'], ['1952/06/01']]);
      sheet.getRange('B1').setValue(new Date('1948-05-31T14:00:00.000Z'));
      expect(sheet.getRange('B1').getDisplayValue()).toBe('1948/06/01');
      sheet.getRange('A1').setNumberFormat('0');
      expect(sheet.getRange('A1').getValue()).toBe(17685);
      sheet.getRange('C1').setNumberFormat('yyyy-mm-dd').setValue(17685);
      expect((sheet.getRange('C1').getValue() as Date).toISOString()).toBe('1948-05-31T14:00:00.000Z');
    });

    it('reads Automatic as 0.###############; General puts a cell back on Automatic, the pattern itself does not', () => {
      const { sheet } = fresh();
      expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
      sheet.getRange('A1:C1').setNumberFormats([['yyyy/mm/dd', 'yyyy/mm/dd', 'yyyy/mm/dd']]);
      sheet.getRange('A1').setNumberFormat('General');
      sheet.getRange('B1').setNumberFormat('0.###############');
      sheet.getRange('C1').setNumberFormats([['']]);
      expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([
        ['0.###############', '0.###############', '0.###############'],
      ]);
      sheet.getRange('A1:C1').setValues([['2024/4/1', '2024/4/1', '2024/4/1']]);
      expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['2024/04/01', '45383', '2024/04/01']]);
      expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy/MM/dd');
    });

    it('returns a number under a date format as a Date, and a date under a number format as its serial', () => {
      const { sheet } = fresh();
      sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(45383);
      expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
      sheet
        .getRange('B1')
        .setValue(tokyo(2024, 4, 1))
        .setNumberFormat('0');
      expect(sheet.getRange('B1').getValue()).toBe(45383);
    });
  });

  describe('setValues', () => {
    it('throws the Apps Script error when the data has more or fewer rows than the range', () => {
      const { sheet } = fresh();
      expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
        'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
      );
    });

    it('throws the Apps Script error when a row has more or fewer columns than the range', () => {
      const { sheet } = fresh();
      expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
      );
    });

    it('throws a signature error for a one-dimensional array', () => {
      const { sheet } = fresh();
      expect(() => sheet.getRange('A1:B1').setValues([1, 2] as unknown as unknown[][])).toThrow(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    });

    it('parses typed text as Sheets does: numbers, grouped numbers, percentages, booleans and dates', () => {
      const { sheet } = fresh();
      sheet
        .getRange('A1:H1')
        .setValues([['123', '1,234', '12.5%', 'true', '2024-04-01', '2024年4月1日', '4/1', '9:30']]);
      const [row] = sheet.getRange('A1:H1').getValues() as unknown[][];
      expect(row?.slice(0, 4)).toEqual([123, 1234, 0.125, true]);
      expect((row?.[4] as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
      expect((row?.[5] as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
      // "4/1" is April 1st of the current year on the emulator clock.
      expect((row?.[6] as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
      expect(row?.[7]).toBeInstanceOf(Date);
      expect(sheet.getRange('A1:H1').getDisplayValues()).toEqual([
        ['123', '1,234', '12.50%', 'TRUE', '2024/04/01', '2024年4月1日', '2024/04/01', '9:30'],
      ]);
    });

    it('keeps text that does not parse, and drops leading zeros of numbers typed into a plain cell', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:D1').setValues([['090-1234-5678', '2024/13/01', '0123', 'R6.4.1']]);
      expect(sheet.getRange('A1:D1').getValues()).toEqual([['090-1234-5678', '2024/13/01', 123, 'R6.4.1']]);
    });

    it('keeps text as typed in a cell formatted as plain text (@)', () => {
      const { sheet } = fresh();
      const cells = sheet.getRange('A1:C1').setNumberFormat('@');
      cells.setValues([['0123', '2024/4/1', '=SUM(A1)']]);
      expect(cells.getValues()).toEqual([['0123', '2024/4/1', '=SUM(A1)']]);
      expect(cells.getFormulas()).toEqual([['', '', '']]);
      expect(cells.getDisplayValues()).toEqual([['0123', '2024/4/1', '=SUM(A1)']]);
    });

    it('keeps text after a leading apostrophe and drops the apostrophe', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').setValues([["'0123", "'=1+1"]]);
      expect(sheet.getRange('A1:B1').getValues()).toEqual([['0123', '=1+1']]);
      expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
    });

    it('stores a string starting with = as a formula whose value is not calculated', () => {
      const { sheet } = fresh();
      sheet.getRange('A1').setValue('=1+2');
      expect(sheet.getRange('A1').getFormula()).toBe('=1+2');
      expect(sheet.getRange('A1').getValue()).toBe('');
    });

    it('clears cells written with empty strings, null or undefined', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
      sheet.getRange('A1:C1').setValues([['', null, undefined]]);
      expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', '']]);
      expect(sheet.getLastRow()).toBe(0);
    });

    it('throws when a cell would hold more than 50,000 characters', () => {
      const { sheet } = fresh();
      expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
    });

    it('accepts arrays and Dates made in another JavaScript realm (the sandbox)', async () => {
      const vm = await import('node:vm');
      const { sheet } = fresh();
      const context = vm.createContext({ sheet });
      vm.runInContext("sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 2, 31, 15)), 'x']])", context);
      const [[date, text]] = sheet.getRange('A1:B1').getValues() as [[Date, string]];
      expect(date.toISOString()).toBe('2024-03-31T15:00:00.000Z');
      expect(text).toBe('x');
    });
  });

  describe('setValue', () => {
    it('sets every cell of a multi-cell range', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B2').setValue('x');
      expect(sheet.getRange('A1:B2').getValues()).toEqual([
        ['x', 'x'],
        ['x', 'x'],
      ]);
    });
  });

  describe('getDisplayValues', () => {
    it('returns numbers without a trailing .0 and applies number formats', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:F1').setValues([[3, 1 / 3, 1234567.5, 0.256, -1234.5, 45383.5]]);
      sheet.getRange('C1').setNumberFormat('#,##0');
      sheet.getRange('D1').setNumberFormat('0.0%');
      sheet.getRange('E1').setNumberFormat('"¥"#,##0.00');
      sheet.getRange('F1').setNumberFormat('yyyy"年"m"月"d"日" h:mm');
      expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
        ['3', '0.3333333333', '1,234,568', '25.6%', '-¥1,234.50', '2024年4月1日 12:00'],
      ]);
    });

    it('formats dates with Sheets tokens in Tokyo time and Japanese day names', () => {
      const { sheet } = fresh();
      sheet.getRange('A1').setValue(tokyo(2024, 4, 1, 14, 5, 9));
      const cell = sheet.getRange('A1');
      const shown = (format: string) => cell.setNumberFormat(format).getDisplayValue();
      expect(shown('yyyy/MM/dd')).toBe('2024/04/01');
      expect(shown('yy/m/d')).toBe('24/4/1');
      expect(shown('H:mm:ss')).toBe('14:05:09');
      expect(shown('h:mm AM/PM')).toBe('2:05 午後');
      expect(shown('m/d (ddd)')).toBe('4/1 (月)');
      expect(shown('dddd')).toBe('月曜日');
    });

    it('returns TRUE and FALSE for booleans and the code of error cells', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').setValues([[true, false]]);
      expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['TRUE', 'FALSE']]);
    });

    it('shows a written Date at Tokyo midnight as a date, and with its time otherwise', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').setValues([[tokyo(2024, 4, 1), FIXED_NOW]]);
      expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024/04/01', '2024/04/01 9:00:00']]);
      expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['yyyy/MM/dd', 'yyyy/MM/dd H:mm:ss']]);
    });
  });

  describe('notes, backgrounds and formats', () => {
    it('returns empty notes and white backgrounds for untouched cells', () => {
      const { sheet } = fresh();
      expect(sheet.getRange('A1:B1').getNotes()).toEqual([['', '']]);
      expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
      expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    });

    it('returns notes and colours as they were set, colours as lower-case #rrggbb', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').setNotes([['要確認', null]]);
      sheet.getRange('A1:B1').setBackgrounds([['#FFF2CC', 'red']]);
      sheet.getRange('A2').setBackground('#abc').setNote('メモ');
      expect(sheet.getRange('A1:B2').getNotes()).toEqual([
        ['要確認', ''],
        ['メモ', ''],
      ]);
      expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([
        ['#fff2cc', '#ff0000'],
        ['#aabbcc', '#ffffff'],
      ]);
      sheet.getRange('A1').setBackground(null).setNote('');
      expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
      expect(sheet.getRange('A1').getNote()).toBe('');
    });

    it('throws on a grid of notes that does not have the range shape', () => {
      const { sheet } = fresh();
      expect(() => sheet.getRange('A1:B1').setNotes([['a']])).toThrow(
        'The number of columns in the data does not match',
      );
    });

    it('records font weight and colour', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').setFontWeight('bold');
      sheet.getRange('B1').setFontColor('#CC0000');
      expect(sheet.getRange('A1:C1').getFontWeights()).toEqual([['bold', 'bold', 'normal']]);
      expect(sheet.getRange('B1').getFontColor()).toBe('#cc0000');
    });
  });

  describe('clear', () => {
    it('clears contents only with clearContent, and everything with clear', () => {
      const { sheet } = fresh();
      const cell = sheet.getRange('A1').setValue(1).setNote('n').setBackground('#ff0000');
      cell.clearContent();
      expect([cell.getValue(), cell.getNote(), cell.getBackground()]).toEqual(['', 'n', '#ff0000']);
      cell.setValue(2).clear();
      expect([cell.getValue(), cell.getNote(), cell.getBackground()]).toEqual(['', '', '#ffffff']);
    });
  });

  describe('offset and getCell', () => {
    it('returns ranges relative to this one, checked against the grid', () => {
      const { sheet } = fresh();
      const range = sheet.getRange('B2:C3');
      expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
      expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
      expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
      expect(() => range.offset(-2, 0)).toThrow('The starting row of the range is too small.');
      expect(() => range.getCell(3, 1)).toThrow('Cell reference out of range');
    });
  });

  describe('activate', () => {
    it('makes the range the active range of the spreadsheet', () => {
      const { app, sheet } = fresh();
      sheet.getRange('B2:C3').activate();
      expect(app.getActiveRange().getA1Notation()).toBe('B2:C3');
      expect(app.getActiveSheet().getName()).toBe('シート1');
    });
  });
});
