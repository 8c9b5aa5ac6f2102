/** Sheet and Spreadsheet: grid size, last row, rows inserted and deleted, frozen rows, visibility, names, sheets. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

describe('emulator Sheet', () => {
  describe('a new sheet', () => {
    it('returns 1000 rows by 26 columns and no content', () => {
      const { sheet } = fresh();
      expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
        1000, 26, 0, 0,
      ]);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1');
      expect(sheet.getName()).toBe('シート1');
      expect(sheet.getSheetId()).toBe(0);
      expect(sheet.getIndex()).toBe(1);
    });
  });

  describe('getLastRow and getLastColumn', () => {
    it('returns the last row and column with a value, ignoring notes and formats', () => {
      const { sheet } = fresh();
      sheet.getRange('C5').setValue('x');
      sheet.getRange('A10:Z10').setBackground('#ff0000').setNote('n');
      sheet.getRange('B2:B999').setNumberFormat('@');
      expect(sheet.getLastRow()).toBe(5);
      expect(sheet.getLastColumn()).toBe(3);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    });
  });

  describe('appendRow', () => {
    it('appends after the last row with content', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').setValues([['氏名', '年齢']]);
      sheet.appendRow(['山田', '42']);
      expect(sheet.getRange('A1:B2').getValues()).toEqual([
        ['氏名', '年齢'],
        ['山田', 42],
      ]);
    });

    it('grows the grid when the last row of the grid is used or the row is wider than it', () => {
      const { sheet } = fresh();
      sheet.getRange(1000, 1).setValue('last');
      sheet.appendRow(new Array(30).fill('x'));
      expect(sheet.getMaxRows()).toBe(1001);
      expect(sheet.getMaxColumns()).toBe(30);
      expect(sheet.getLastRow()).toBe(1001);
    });
  });

  describe('insertRowsAfter and deleteRows', () => {
    it('shifts content and grows or shrinks the grid', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
      sheet.insertRowsAfter(1, 2);
      expect(sheet.getMaxRows()).toBe(1002);
      expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
      sheet.deleteRows(2, 2);
      expect(sheet.getMaxRows()).toBe(1000);
      expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
      sheet.insertRowBefore(1);
      expect(sheet.getRange('A1:A2').getValues()).toEqual([[''], ['a']]);
    });

    it('throws for rows out of bounds and for deleting every non-frozen row', () => {
      const { sheet } = fresh();
      expect(() => sheet.deleteRows(1000, 2)).toThrow('Those rows are out of bounds.');
      sheet.setFrozenRows(1);
      expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    });
  });

  describe("Sheets' limit of 10,000,000 cells", () => {
    it('refuses to grow the spreadsheet past it, changing nothing, and counts blank cells', () => {
      const { book, sheet } = fresh();
      // 1000 × 26 to begin with; 384,000 more rows make 385,000 × 26 = 10,010,000 cells.
      expect(() => sheet.insertRowsAfter(1000, 384_000)).toThrow(/above the limit of 10000000 cells/);
      expect(sheet.getMaxRows()).toBe(1000);
      sheet.insertRowsAfter(1000, 383_000); // 384,000 × 26 = 9,984,000
      expect(() => book.insertSheet('もう一枚')).toThrow(/above the limit of 10000000 cells/);
      expect(book.getSheets()).toHaveLength(1);
      expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(/above the limit/);
      sheet.deleteRows(2, 100_000);
      expect(book.insertSheet('もう一枚').getName()).toBe('もう一枚');
    });
  });

  describe('frozen rows and columns', () => {
    it('returns what was set', () => {
      const { sheet } = fresh();
      sheet.setFrozenRows(1);
      sheet.setFrozenColumns(2);
      expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    });
  });

  describe('hideSheet and showSheet', () => {
    it('hides a sheet but never the last visible one', () => {
      const { book, sheet } = fresh();
      expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
      const other = book.insertSheet('履歴');
      other.hideSheet();
      expect(other.isSheetHidden()).toBe(true);
      expect(book.getActiveSheet().getName()).toBe('シート1');
      other.showSheet();
      expect(other.isSheetHidden()).toBe(false);
    });
  });

  describe('setName', () => {
    it('renames, and refuses a name another sheet has regardless of case', () => {
      const { book, sheet } = fresh();
      book.insertSheet('Roster');
      sheet.setName('ボランティア名簿');
      expect(book.getSheetByName('ボランティア名簿')?.getSheetId()).toBe(0);
      expect(() => sheet.setName('roster')).toThrow(
        'A sheet with the name "roster" already exists. Please enter another name.',
      );
    });
  });

  describe('clear', () => {
    it('clears values, formats and notes; clearContents keeps the formats', () => {
      const { sheet } = fresh();
      sheet.getRange('A1').setValue(1).setBackground('#00ff00');
      sheet.clearContents();
      expect([sheet.getLastRow(), sheet.getRange('A1').getBackground()]).toEqual([0, '#00ff00']);
      sheet.clear();
      expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    });
  });

  describe('column widths and tab colour', () => {
    it('returns 100 px by default and what was set or fitted', () => {
      const { sheet } = fresh();
      expect(sheet.getColumnWidth(1)).toBe(100);
      sheet.setColumnWidth(1, 240);
      expect(sheet.getColumnWidth(1)).toBe(240);
      sheet.getRange('B1:B2').setValues([['短い'], ['とても長い説明のある見出し']]);
      sheet.autoResizeColumns(2, 1);
      expect(sheet.getColumnWidth(2)).toBeGreaterThan(150);
      sheet.setTabColor('#FF9900');
      expect(sheet.getTabColor()).toBe('#ff9900');
    });
  });

  describe('getParent and activate', () => {
    it('returns the spreadsheet, and makes the sheet active', () => {
      const { app, book, sheet } = fresh();
      const other = book.insertSheet('B');
      sheet.activate();
      expect(app.getActiveSheet().getName()).toBe('シート1');
      other.activate();
      expect(other.getParent().getId()).toBe(book.getId());
      expect(app.getActiveSheet().getName()).toBe('B');
    });
  });
});

describe('emulator Spreadsheet', () => {
  describe('insertSheet', () => {
    it('inserts after the active sheet by default, at an index when given, and activates the new sheet', () => {
      const { book } = fresh();
      book.insertSheet('C');
      book.getSheetByName('シート1')?.activate();
      book.insertSheet('B');
      book.insertSheet('先頭', 0);
      expect(book.getSheets().map((s) => s.getName())).toEqual(['先頭', 'シート1', 'B', 'C']);
      expect(book.getActiveSheet().getName()).toBe('先頭');
      expect(book.insertSheet().getName()).toBe('シート5');
    });

    it('refuses a duplicate name', () => {
      const { book } = fresh();
      expect(() => book.insertSheet('シート1')).toThrow(
        'A sheet with the name "シート1" already exists. Please enter another name.',
      );
    });
  });

  describe('deleteSheet', () => {
    it('deletes a sheet but never the last one', () => {
      const { book, sheet } = fresh();
      const other = book.insertSheet('消す');
      book.deleteSheet(other);
      expect(book.getNumSheets()).toBe(1);
      expect(() => book.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    });
  });

  describe('getSheetByName', () => {
    it('finds sheets without regard to case and returns null for unknown names', () => {
      const { book } = fresh();
      book.insertSheet('Settings');
      expect(book.getSheetByName('settings')?.getName()).toBe('Settings');
      expect(book.getSheetByName('nope')).toBeNull();
    });
  });

  describe('getRange', () => {
    it('resolves Sheet!A1 notation, quoted names included, and plain A1 on the active sheet', () => {
      const { book } = fresh();
      const other = book.insertSheet("R&D 'x'");
      other.getRange('B2').setValue('here');
      expect(book.getRange("'R&D ''x'''!B2").getValue()).toBe('here');
      expect(book.getRange('B2').getSheet().getName()).toBe("R&D 'x'");
      expect(() => book.getRange('Missing!A1')).toThrow('Range not found');
    });
  });

  describe('locale and time zone', () => {
    it('returns ja_JP and Asia/Tokyo', () => {
      const { book } = fresh();
      expect(book.getSpreadsheetLocale()).toBe('ja_JP');
      expect(book.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
      expect(book.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${book.getId()}/edit`);
    });
  });

  describe('toast', () => {
    it('records the message for the test to see', () => {
      const { emu, book } = fresh();
      book.toast('保存しました', 'つなぐ');
      expect(emu.ui.toasts).toEqual([{ message: '保存しました', title: 'つなぐ', timeoutSeconds: 5 }]);
    });
  });

  describe('getActiveRange', () => {
    it('returns A1 of the active sheet before anything is selected', () => {
      const { app } = fresh();
      expect(app.getActiveRange().getA1Notation()).toBe('A1');
    });
  });
});
