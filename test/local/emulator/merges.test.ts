/** Merged cells as Sheets has them: the value in the top-left cell only, getMergedRanges/isPartOfMerge, and merges kept in the .xlsx. */
import ExcelJS from 'exceljs';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { fresh } from './helpers';

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readBack(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges)
    .map((m) => m.range)
    .sort();
}

describe('merged cells', () => {
  describe('loaded from an .xlsx', () => {
    it('hold their value in the top-left cell only, as Sheets shows them', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名簿');
      ws.mergeCells('A1:E1');
      ws.getCell('A1').value = '令和6年度 ボランティア名簿';
      ws.getCell('A3').value = '氏名';
      const emu = await Emulator.fromXlsx(await bytes(wb));
      const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('名簿')!;
      expect(sheet.getRange('A1:E1').getValues()).toEqual([['令和6年度 ボランティア名簿', '', '', '', '']]);
      expect(sheet.getRange('B1').getDisplayValue()).toBe('');
      expect(sheet.getRange('C1').isPartOfMerge()).toBe(true);
      expect(sheet.getRange('A3').isPartOfMerge()).toBe(false);
      expect(
        sheet
          .getRange('A1:B2')
          .getMergedRanges()
          .map((r) => r.getA1Notation()),
      ).toEqual(['A1:E1']);
      expect(sheet.getRange('A2:Z9').getMergedRanges()).toEqual([]);
    });
  });

  describe('merge and breakApart', () => {
    it('merge keeps the top-left value and clears the rest; the file gets the merge', async () => {
      const { emu, sheet } = fresh();
      sheet.getRange('A1:C1').setValues([['見出し', '消える', '消える']]);
      sheet.getRange('A1:C1').merge();
      expect(sheet.getRange('A1:C1').getValues()).toEqual([['見出し', '', '']]);
      const wb = await readBack(await emu.toXlsx());
      expect(merges(wb.worksheets[0]!)).toEqual(['A1:C1']);
      expect(wb.worksheets[0]!.getCell('A1').value).toBe('見出し');
    });

    it('mergeAcross merges each row and mergeVertically each column', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B2').mergeAcross();
      sheet.getRange('D1:E2').mergeVertically();
      expect(
        sheet
          .getRange('A1:E2')
          .getMergedRanges()
          .map((r) => r.getA1Notation())
          .sort(),
      ).toEqual(['A1:B1', 'A2:B2', 'D1:D2', 'E1:E2']);
    });

    it('refuses to merge or unmerge a range that cuts through a merge, as Sheets does', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:C1').merge();
      const message = 'You must select all cells in a merged range to merge or unmerge them.';
      expect(() => sheet.getRange('B1:D1').merge()).toThrow(message);
      expect(() => sheet.getRange('A1:B1').breakApart()).toThrow(message);
      sheet.getRange('A1:D2').breakApart();
      expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
    });

    it('a value written into a cell hidden under a merge is not kept (only the top-left cell holds one)', () => {
      const { sheet } = fresh();
      sheet.getRange('A1:B1').merge();
      sheet.getRange('A1:B1').setValues([['左上', '隠れたセル']]);
      expect(sheet.getRange('A1:B1').getValues()).toEqual([['左上', '']]);
    });

    it('moves with inserted and deleted rows, and the saved file has it where the model has it', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名簿');
      ws.mergeCells('A3:C3');
      ws.getCell('A3').value = '見出し';
      ws.getCell('D5').value = 'メモ付き';
      ws.getCell('D5').note = '職員のメモ';
      ws.getCell('D5').font = { bold: true, name: 'Meiryo UI' };
      const emu = await Emulator.fromXlsx(await bytes(wb));
      const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('名簿')!;
      sheet.insertRowsBefore(2, 2);
      expect(
        sheet
          .getRange('A1:C9')
          .getMergedRanges()
          .map((r) => r.getA1Notation()),
      ).toEqual(['A5:C5']);
      const saved = (await readBack(await emu.toXlsx())).getWorksheet('名簿')!;
      expect(merges(saved)).toEqual(['A5:C5']);
      expect(saved.getCell('A5').value).toBe('見出し');
      expect([saved.getCell('D7').value, saved.getCell('D7').note, saved.getCell('D7').font?.name]).toEqual([
        'メモ付き',
        '職員のメモ',
        'Meiryo UI',
      ]);
      expect(saved.getCell('D5').note).toBeUndefined();
      sheet.deleteRows(1, 4);
      expect(
        sheet
          .getRange('A1:C3')
          .getMergedRanges()
          .map((r) => r.getA1Notation()),
      ).toEqual(['A1:C1']);
      expect(merges((await readBack(await emu.toXlsx())).getWorksheet('名簿')!)).toEqual(['A1:C1']);
    });
  });
});
