/** The .xlsx file: a full round trip, and workbooks written by other programs. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator, PROPERTIES_SHEET } from '../../../src/local/emulator/index';
import { FIXED_NOW, fresh, tokyo } from './helpers';

/** A workbook with one of everything the emulator promises to keep. */
function richWorkbook() {
  const env = fresh();
  const { app, book, sheet, emu } = env;
  sheet.setName('ボランティア名簿');
  sheet
    .getRange('A1:E1')
    .setValues([['登録番号', '氏名', '生年月日', '種別', '個人情報同意']])
    .setFontWeight('bold');
  sheet.getRange('A2:A3').setNumberFormat('@');
  sheet.getRange('A2:E3').setValues([
    ['0001', '山田 花子', tokyo(1948, 5, 1), '個人', true],
    ['0002', 'つなぐ会', tokyo(2024, 4, 1, 13, 30), '団体', false],
  ]);
  sheet.getRange('C2:C3').setNumberFormat('yyyy/MM/dd');
  sheet.getRange('B2').setNote('要確認: 住所変更');
  sheet.getRange('B3').setBackground('#fff2cc');
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(1);
  sheet.setColumnWidth(2, 140);
  sheet.setTabColor('#6aa84f');
  const lists = book.insertSheet('設定');
  lists.getRange('A1:A2').setValues([['個人'], ['団体']]);
  sheet
    .getRange('D2:D3')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['個人', '団体'], true)
        .setAllowInvalid(false)
        .setHelpText('個人か団体')
        .build(),
    );
  sheet
    .getRange('F2:F3')
    .setDataValidation(app.newDataValidation().requireValueInRange(lists.getRange('A1:A2')).build());
  sheet.getRange('E2:E3').setDataValidation(app.newDataValidation().requireCheckbox().build());
  sheet.getRange('G2').setDataValidation(app.newDataValidation().requireNumberBetween(1, 10).build());
  const history = book.insertSheet('_履歴');
  history.getRange('A1').setValue('hidden');
  history.hideSheet();
  sheet.getRange('H1').setValue('=COUNTA(A2:A3)');
  emu.globals.PropertiesService.getDocumentProperties().setProperties({ mapping: '{"氏名":2}', version: '3' });
  sheet.activate();
  return env;
}

describe('emulator xlsx', () => {
  describe('toXlsx then fromXlsx', () => {
    it('keeps values, text ids, dates, notes, fills, bold and formats', async () => {
      const { emu } = richWorkbook();
      const loaded = await Emulator.fromXlsx(await emu.toXlsx(), { now: () => FIXED_NOW });
      const sheet = loaded.globals.SpreadsheetApp.getActive().getSheetByName(
        'ボランティア名簿',
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      const values = sheet.getRange('A1:E3').getValues();
      expect(values[0]).toEqual(['登録番号', '氏名', '生年月日', '種別', '個人情報同意']);
      expect(values[1]?.slice(0, 2)).toEqual(['0001', '山田 花子']);
      expect((values[1]?.[2] as Date).toISOString()).toBe(tokyo(1948, 5, 1).toISOString());
      expect((values[2]?.[2] as Date).toISOString()).toBe(tokyo(2024, 4, 1, 13, 30).toISOString());
      expect(values.map((r) => r[4])).toEqual(['個人情報同意', true, false]);
      expect(sheet.getRange('C2:C3').getDisplayValues()).toEqual([['1948/05/01'], ['2024/04/01']]);
      expect(sheet.getRange('A2').getNumberFormat()).toBe('@');
      expect(sheet.getRange('B2:B3').getNotes()).toEqual([['要確認: 住所変更'], ['']]);
      expect(sheet.getRange('B2:B3').getBackgrounds()).toEqual([['#ffffff'], ['#fff2cc']]);
      expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
      expect(sheet.getRange('H1').getFormula()).toBe('=COUNTA(A2:A3)');
    });

    it('keeps frozen rows and columns, column widths, tab colours, hidden sheets and sheet order', async () => {
      const { emu } = richWorkbook();
      const loaded = await Emulator.fromXlsx(await emu.toXlsx());
      const book = loaded.globals.SpreadsheetApp.getActive();
      expect(book.getSheets().map((s) => [s.getName(), s.isSheetHidden()])).toEqual([
        ['ボランティア名簿', false],
        ['設定', false],
        ['_履歴', true],
      ]);
      const sheet = book.getSheetByName('ボランティア名簿') as GoogleAppsScript.Spreadsheet.Sheet;
      expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 1]);
      expect(sheet.getColumnWidth(2)).toBe(140);
      expect(sheet.getTabColor()).toBe('#6aa84f');
      expect(book.getActiveSheet().getName()).toBe('ボランティア名簿');
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    });

    it('keeps list, range, checkbox and number validation with allowInvalid and help text', async () => {
      const { emu } = richWorkbook();
      const loaded = await Emulator.fromXlsx(await emu.toXlsx());
      const app = loaded.globals.SpreadsheetApp;
      const sheet = app.getActive().getSheetByName('ボランティア名簿') as GoogleAppsScript.Spreadsheet.Sheet;
      const list = sheet.getRange('D3').getDataValidation();
      expect(list?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
      expect(list?.getCriteriaValues()).toEqual([['個人', '団体'], true]);
      expect([list?.getAllowInvalid(), list?.getHelpText()]).toEqual([false, '個人か団体']);
      const fromRange = sheet.getRange('F2').getDataValidation();
      const [range] = fromRange?.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range];
      expect([String(fromRange?.getCriteriaType()), range.getSheet().getName(), range.getA1Notation()]).toEqual([
        'VALUE_IN_RANGE',
        '設定',
        'A1:A2',
      ]);
      expect(fromRange?.getAllowInvalid()).toBe(true);
      expect(String(sheet.getRange('E3').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
      expect(sheet.getRange('G2').getDataValidation()?.getCriteriaValues()).toEqual([1, 10]);
      expect(sheet.getRange('A2').getDataValidation()).toBeNull();
    });

    it('keeps document properties and leaves no trace of them among the sheets', async () => {
      const { emu } = richWorkbook();
      const loaded = await Emulator.fromXlsx(await emu.toXlsx());
      expect(loaded.globals.PropertiesService.getDocumentProperties().getProperties()).toEqual({
        mapping: '{"氏名":2}',
        version: '3',
      });
      expect(loaded.globals.SpreadsheetApp.getActive().getSheetByName(PROPERTIES_SHEET)).toBeNull();
      // The hidden carrier sheet is very hidden for Excel and Sheets as well.
      const raw = new ExcelJS.Workbook();
      await raw.xlsx.load(Buffer.from(await emu.toXlsx()) as unknown as ExcelJS.Buffer);
      expect(raw.getWorksheet(PROPERTIES_SHEET)?.state).toBe('veryHidden');
    });

    it('saves and opens a file on disk under the spreadsheet name', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'tsunagu-emu-'));
      try {
        const { emu } = richWorkbook();
        const path = join(dir, 'roster.xlsx');
        await emu.saveXlsx(path);
        const loaded = await Emulator.fromXlsx(path);
        expect(loaded.globals.SpreadsheetApp.getActive().getName()).toBe('テスト');
        expect(loaded.sheetValues('設定')).toEqual([['個人'], ['団体']]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('fromXlsx', () => {
    it('reads a workbook written by another program: wall-clock dates, rich-text notes, shared validation, formulas with results', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('依頼', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
      ws.getCell('A1').value = '受付日';
      ws.getCell('A2').value = new Date(Date.UTC(2024, 3, 1)); // 2024-04-01 as a wall-clock serial
      ws.getCell('A2').numFmt = 'yyyy-mm-dd';
      ws.getCell('B2').value = { formula: 'A2+1', result: new Date(Date.UTC(2024, 3, 2)) };
      ws.getCell('B2').numFmt = 'yyyy-mm-dd';
      ws.getCell('C2').value = { error: '#REF!' };
      ws.getCell('D2').note = { texts: [{ text: '電話' }, { text: 'で受付' }] };
      ws.getCell('D2').value = { richText: [{ text: '太字' }, { text: 'なし' }] };
      ws.getCell('E2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"受付,調整中"'] };
      ws.getCell('E3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"受付,調整中"'] };
      const emu = await Emulator.fromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
      const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('依頼') as GoogleAppsScript.Spreadsheet.Sheet;
      const [a2, b2, c2, d2] = sheet.getRange('A2:D2').getValues()[0] as [Date, Date, string, string];
      expect(a2.toISOString()).toBe(tokyo(2024, 4, 1).toISOString());
      expect(b2.toISOString()).toBe(tokyo(2024, 4, 2).toISOString());
      expect([c2, d2]).toEqual(['#REF!', '太字なし']);
      expect(sheet.getRange('C2').getDisplayValue()).toBe('#REF!');
      expect(sheet.getRange('B2').getFormula()).toBe('=A2+1');
      expect(sheet.getRange('D2').getNote()).toBe('電話で受付');
      expect(
        sheet
          .getRange('E2:E3')
          .getDataValidations()
          .map(([v]) => v?.getCriteriaValues()),
      ).toEqual([
        [['受付', '調整中'], true],
        [['受付', '調整中'], true],
      ]);
      expect(sheet.getFrozenRows()).toBe(1);
      expect(emu.globals.SpreadsheetApp.getActive().getName()).toBe('無題のスプレッドシート');
    });

    it('reads and writes a date of the 1948–51 summers as its wall-clock day', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名簿');
      ws.getCell('A1').value = new Date(Date.UTC(1949, 6, 1)); // 1949-07-01 on the sheet
      ws.getCell('A1').numFmt = 'yyyy/mm/dd';
      const emu = await Emulator.fromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), { now: () => FIXED_NOW });
      const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('名簿') as GoogleAppsScript.Spreadsheet.Sheet;
      expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('1949-06-30T14:00:00.000Z');
      expect(sheet.getRange('A1').getDisplayValue()).toBe('1949/07/01');
      sheet.getRange('A2').setValue('1950-09-01');
      const raw = new ExcelJS.Workbook();
      await raw.xlsx.load(Buffer.from(await emu.toXlsx()) as unknown as ExcelJS.Buffer);
      const saved = raw.getWorksheet('名簿');
      expect((saved?.getCell('A1').value as Date).toISOString()).toBe('1949-07-01T00:00:00.000Z');
      expect((saved?.getCell('A2').value as Date).toISOString()).toBe('1950-09-01T00:00:00.000Z');
    });

    it('grows a sheet beyond 1000 rows when the file has more', async () => {
      const { emu } = fresh();
      emu.setSheetValues(
        '大きい',
        Array.from({ length: 1500 }, (_, i) => [i]),
      );
      const loaded = await Emulator.fromXlsx(await emu.toXlsx());
      const sheet = loaded.globals.SpreadsheetApp.getActive().getSheetByName(
        '大きい',
      ) as GoogleAppsScript.Spreadsheet.Sheet;
      expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([1500, 1500]);
    });
  });

  describe('toXlsx', () => {
    it('refuses a sheet name that an .xlsx file cannot hold', async () => {
      const { sheet, emu } = fresh();
      sheet.setName('A/B');
      await expect(emu.toXlsx()).rejects.toThrow('cannot be saved in an .xlsx file');
    });
  });
});
