/** 和暦 number formats (ggge"年"m"月"d"日") displayed as Sheets shows them, and colours from Excel's themes and palette. */
import ExcelJS from 'exceljs';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { formatSheetsDate, isDateFormat } from '../../../src/local/emulator/number-format';
import { fresh, tokyo } from './helpers';

const WAREKI = 'ggge"年"m"月"d"日"';
const GANNEN = '[$-ja-JP-x-gannen]ggge"年"m"月"d"日";@';

describe('和暦 number formats', () => {
  it('show 令和6年4月1日 for a date formatted ggge"年"m"月"d"日"', () => {
    expect(formatSheetsDate(tokyo(2024, 4, 1).getTime(), WAREKI)).toBe('令和6年4月1日');
    expect(formatSheetsDate(tokyo(1950, 5, 1).getTime(), WAREKI)).toBe('昭和25年5月1日');
  });

  it('name the era at its boundaries: 平成31年4月30日, then 令和 from 5月1日; 昭和64年1月7日, then 平成', () => {
    expect(formatSheetsDate(tokyo(2019, 4, 30).getTime(), WAREKI)).toBe('平成31年4月30日');
    expect(formatSheetsDate(tokyo(2019, 5, 1).getTime(), WAREKI)).toBe('令和1年5月1日');
    expect(formatSheetsDate(tokyo(1989, 1, 7).getTime(), WAREKI)).toBe('昭和64年1月7日');
    expect(formatSheetsDate(tokyo(1989, 1, 8).getTime(), WAREKI)).toBe('平成1年1月8日');
  });

  it('write the first year as 元 under the gannen locale, as Excel does', () => {
    expect(formatSheetsDate(tokyo(2019, 5, 1).getTime(), GANNEN)).toBe('令和元年5月1日');
    expect(formatSheetsDate(tokyo(2020, 5, 1).getTime(), GANNEN)).toBe('令和2年5月1日');
  });

  it('show the era as a letter (g), one kanji (gg) or two (ggg), the year padded with ee, and 曜日 with aaa', () => {
    const ms = tokyo(2024, 4, 1).getTime();
    expect(formatSheetsDate(ms, 'ge.m.d')).toBe('R6.4.1');
    expect(formatSheetsDate(ms, 'gge"年"')).toBe('令6年');
    expect(formatSheetsDate(ms, 'gggee"年"mm"月"dd"日"(aaa)')).toBe('令和06年04月01日(月)');
    expect(formatSheetsDate(ms, 'aaaa')).toBe('月曜日');
  });

  it('show a day before 明治 with its Western year', () => {
    expect(formatSheetsDate(tokyo(1868, 1, 1).getTime(), WAREKI)).toBe('1868年1月1日');
  });

  it('are date formats, unlike a number format with an exponent', () => {
    expect(isDateFormat(WAREKI)).toBe(true);
    expect(isDateFormat(GANNEN)).toBe(true);
    expect(isDateFormat('ge.m.d')).toBe(true);
    expect(isDateFormat('0.00E+00')).toBe(false);
    expect(isDateFormat('#,##0"円"')).toBe(false);
  });

  it('reach getDisplayValues and getValues of a cell: the display is 和暦, the value a Date', () => {
    const { sheet } = fresh();
    const cell = sheet.getRange('A1');
    cell.setNumberFormat(GANNEN);
    cell.setValue(tokyo(2019, 5, 1));
    expect(cell.getDisplayValue()).toBe('令和元年5月1日');
    expect((cell.getValue() as Date).toISOString()).toBe(tokyo(2019, 5, 1).toISOString());
  });

  it('are read from an .xlsx as Excel wrote them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名簿');
    ws.getCell('A1').value = new Date(Date.UTC(1962, 7, 15));
    ws.getCell('A1').numFmt = '[$-411]ggge"年"m"月"d"日"';
    const emu = await Emulator.fromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('名簿')!;
    expect(sheet.getRange('A1').getDisplayValue()).toBe('昭和37年8月15日');
  });
});

describe('colours in an .xlsx', () => {
  it('read theme colours with their tint, and the legacy palette, as the colour the cell shows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('色');
    ws.getCell('A1').value = 'テーマ';
    ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } };
    ws.getCell('A2').value = 'テーマ＋明るさ';
    ws.getCell('A2').fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { theme: 4, tint: 0.5999938962981048 } as Partial<ExcelJS.Color>,
    };
    ws.getCell('A3').value = 'パレット';
    ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } as Partial<ExcelJS.Color> };
    ws.getCell('A4').value = '文字色';
    ws.getCell('A4').font = { color: { theme: 5, tint: -0.249977111117893 } as Partial<ExcelJS.Color> };
    const emu = await Emulator.fromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('色')!;
    // exceljs writes the Office theme: accent1 #4f81bd, accent2 #c0504d.
    expect(sheet.getRange('A1:A3').getBackgrounds()).toEqual([['#4f81bd'], ['#b9cde5'], ['#ffff00']]);
    // "Accent 2, darker 25%" is rgb(150, 54, 52) in Excel's picker; HSL rounding may differ by one.
    const [r, g, b] = [1, 3, 5].map((i) =>
      parseInt(
        sheet
          .getRange('A4')
          .getFontColor()
          .slice(i, i + 2),
        16,
      ),
    );
    expect([r, g, b].map((v, i) => Math.abs(v! - [150, 54, 52][i]!) <= 2)).toEqual([true, true, true]);
  });
});
