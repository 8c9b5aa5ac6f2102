/** Call counting: one count per service call, and batched reads that cost the same at any size. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

function readWholeSheet(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, name: string): unknown[][] {
  const sheet = app.getActiveSpreadsheet().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
}

describe('emulator call counting', () => {
  describe('stats', () => {
    it('counts each service call once under Class.method', () => {
      const { emu, app } = fresh();
      emu.stats.reset();
      const sheet = app.getActiveSpreadsheet().getSheetByName('シート1') as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.getRange('A1:B2').getValues();
      sheet.getRange('A1').setValue(1);
      expect(emu.stats.byMethod()).toEqual({
        'Range.getValues': 1,
        'Range.setValue': 1,
        'Sheet.getRange': 2,
        'Spreadsheet.getSheetByName': 1,
        'SpreadsheetApp.getActiveSpreadsheet': 1,
      });
      expect(emu.stats.count('Sheet.getRange')).toBe(2);
      expect(emu.stats.count('Range.clear')).toBe(0);
      expect(emu.stats.total()).toBe(6);
    });

    it('does not count the calls the emulator makes for itself', () => {
      const { emu, sheet } = fresh();
      emu.stats.reset();
      sheet.getRange('A1:C3').getValue();
      sheet.getSheetValues(1, 1, 2, 2);
      expect(emu.stats.byMethod()).toEqual({ 'Range.getValue': 1, 'Sheet.getRange': 1, 'Sheet.getSheetValues': 1 });
    });

    it('counts services other than SpreadsheetApp too', () => {
      const { emu } = fresh();
      emu.stats.reset();
      emu.globals.PropertiesService.getDocumentProperties().getProperty('x');
      emu.globals.Logger.log('hello');
      expect(emu.stats.byMethod()).toEqual({
        'Logger.log': 1,
        'Properties.getProperty': 1,
        'PropertiesService.getDocumentProperties': 1,
      });
    });
  });

  describe('batched reads', () => {
    it('makes the same calls for a 10,000-row sheet as for a 100-row one: one getValues', () => {
      const { emu, app } = fresh();
      const rows = (n: number) => Array.from({ length: n }, (_, i) => [`V${i}`, i, '北町']);
      emu.setSheetValues('small', rows(100));
      emu.setSheetValues('large', rows(10_000));
      emu.stats.reset();
      expect(readWholeSheet(app, 'small')).toHaveLength(100);
      const small = emu.stats.byMethod();
      emu.stats.reset();
      expect(readWholeSheet(app, 'large')).toHaveLength(10_000);
      expect(emu.stats.byMethod()).toEqual(small);
      expect(emu.stats.count('Range.getValues')).toBe(1);
    });
  });

  describe('changeCount and hasUnsavedChanges', () => {
    it('count the calls that changed the document, not reads, selections or toasts', () => {
      const { emu, book, sheet } = fresh();
      const start = emu.changeCount;
      sheet.getRange('A1:B2').getValues();
      sheet.getRange('B2').activate();
      book.setActiveSheet(sheet);
      book.toast('読み取りのみ');
      emu.globals.CacheService.getUserCache()?.put('k', 'v');
      expect(emu.changeCount).toBe(start);
      expect(emu.hasUnsavedChanges()).toBe(true); // a new spreadsheet has never been saved
      sheet.getRange('A1').setValue('書いた');
      emu.globals.PropertiesService.getDocumentProperties().setProperty('k', 'v');
      expect(emu.changeCount).toBe(start + 2);
    });

    it('tell whether the model differs from the file it was loaded from or last saved to', async () => {
      const { emu, sheet } = fresh();
      sheet.getRange('A1').setValue('同じ');
      await emu.toXlsx();
      expect(emu.hasUnsavedChanges()).toBe(false);
      sheet.getRange('A1').setValue('同じ');
      sheet.getRange('A1').setBackground('#ffffff');
      expect(emu.hasUnsavedChanges(), 'the same value, and white for no fill').toBe(false);
      sheet.getRange('A1').setNote('メモ');
      expect(emu.hasUnsavedChanges()).toBe(true);
    });
  });
});
