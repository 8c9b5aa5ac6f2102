/** Cell values in and out: what Sheets makes of a value written by setValue(s), and what getValues hands back. */
import { fromWallClock, isDate, msToSerial, serialToMs, timeOf, wallClock } from './dates';
import { TEXT_FORMAT, defaultDateFormat, isAutomatic, isDateFormat } from './number-format';
import { EmuCellImage, imageOf } from './cell-image';
import type { EmulatorContext } from './context';
import { CellError, DateValue, ImageValue, type Cell, type CellValue, type StoredValue } from './workbook';

/** Sheets refuses longer cell contents. */
// real-sheets-checklist RS-44
export const MAX_CELL_CHARS = 50_000;

/** What a written value becomes: its stored value or formula, and the format Sheets gives an Automatic cell for it. */
export interface Interpreted {
  value?: StoredValue;
  formula?: string;
  /** Applied only when the cell is still on Automatic (typing 2024/4/1 makes the cell a date cell). */
  autoFormat?: string;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const YEN = /^[¥￥]([+-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)$/;
const YMD = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD_JA = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateInput(year: number, month: number, day: number, h = 0, m = 0, s = 0): Interpreted | null {
  if (!validDay(year, month, day) || h > 23 || m > 59 || s > 59) return null;
  const ms = fromWallClock(year, month, day, h, m, s);
  return { value: new DateValue(ms), autoFormat: defaultDateFormat(ms) };
}

/**
 * Parses text the way Sheets parses what a user types: numbers (123, 1,234, 12%, ¥1,000, 1e3),
 * TRUE/FALSE, dates (2024/4/1, 2024-04-01, 2024.4.1, 2024年4月1日, 4/1 in the current year,
 * optionally with a time) and times (9:30). Anything else stays text.
 */
// real-sheets-checklist RS-10
export function parseTyped(text: string, nowMs: number): Interpreted | null {
  if (PLAIN_NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED_NUMBER.test(text)) {
    const n = Number(text.replace(/,/g, ''));
    return { value: n, autoFormat: text.includes('.') ? '#,##0.00' : '#,##0' };
  }
  const percent = PERCENT.exec(text);
  if (percent) {
    const digits = percent[1] as string;
    return { value: Number(digits) / 100, autoFormat: digits.includes('.') ? '0.00%' : '0%' };
  }
  const yen = YEN.exec(text);
  if (yen) return { value: Number((yen[1] as string).replace(/,/g, '')), autoFormat: '[$¥-411]#,##0' };
  const upper = text.toUpperCase();
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };
  const ymd = YMD.exec(text);
  if (ymd) {
    return dateInput(
      Number(ymd[1]),
      Number(ymd[3]),
      Number(ymd[4]),
      Number(ymd[5] ?? 0),
      Number(ymd[6] ?? 0),
      Number(ymd[7] ?? 0),
    );
  }
  const ja = YMD_JA.exec(text);
  if (ja) {
    const parsed = dateInput(Number(ja[1]), Number(ja[2]), Number(ja[3]));
    return parsed && { ...parsed, autoFormat: 'yyyy"年"M"月"d"日"' };
  }
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return dateInput(wallClock(nowMs).year, Number(monthDay[1]), Number(monthDay[2]));
  const time = TIME.exec(text);
  if (time) {
    const h = Number(time[1]);
    const m = Number(time[2]);
    const s = Number(time[3] ?? 0);
    if (h > 23 || m > 59 || s > 59) return null;
    // A time of day is the fraction of a day after the spreadsheet epoch.
    return { value: (h * 3600 + m * 60 + s) / 86_400, autoFormat: time[3] === undefined ? 'H:mm' : 'H:mm:ss' };
  }
  return null;
}

/** What writing a value into a cell with a given number format stores, as setValue/setValues do. */
export function interpretInput(input: unknown, cellFormat: string | undefined, nowMs: number): Interpreted {
  if (input === null || input === undefined) return {};
  // real-sheets-checklist RS-06: a Date stays a date, whatever the cell's format.
  if (isDate(input)) {
    const ms = timeOf(input);
    if (Number.isNaN(ms)) return { value: new CellError('#VALUE!') };
    return { value: new DateValue(ms), autoFormat: defaultDateFormat(ms) };
  }
  if (typeof input === 'boolean') return { value: input };
  // real-sheets-checklist RS-63: a CellImage becomes a picture in the cell, whatever its format.
  const image = imageOf(input);
  if (image) return { value: image };
  // real-sheets-checklist RS-07: a number stays a number, also under '@'.
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : { value: new CellError('#NUM!') };
  if (typeof input === 'bigint') return { value: Number(input) };
  const text = typeof input === 'string' ? input : String(input);
  // real-sheets-checklist RS-14
  if (text.length > MAX_CELL_CHARS) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (text === '') return {};
  // A leading apostrophe means "keep this as text"; Sheets does not store the apostrophe.
  // real-sheets-checklist RS-03, RS-04: the apostrophe is dropped, in plain-text cells too.
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  // real-sheets-checklist RS-05
  if (cellFormat === TEXT_FORMAT) return { value: text };
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  return parseTyped(text, nowMs) ?? { value: text };
}

/** Writes an interpreted value into a cell; a formula replaces the value and vice versa. */
export function storeInto(cell: Cell, written: Interpreted): void {
  if (written.formula !== undefined) {
    cell.formula = written.formula;
    delete cell.value;
  } else {
    delete cell.formula;
    if (written.value === undefined) delete cell.value;
    else cell.value = written.value;
  }
  // real-sheets-checklist RS-09
  if (written.autoFormat !== undefined && isAutomatic(cell.numberFormat)) cell.numberFormat = written.autoFormat;
}

/**
 * A cell as getValues gives it: '' for blank, a Date when it holds a date or a number under a date
 * format, the serial number when it holds a date under a number format, the code of an error cell.
 */
// real-sheets-checklist RS-11
export function outputValue(cell: Cell | undefined, ctx?: EmulatorContext): CellValue {
  const value = cell?.value;
  if (value === undefined) return '';
  // real-sheets-checklist RS-63: a picture reads as a CellImage (the emulator's own helpers, given no
  // context, hand back the stored ImageValue).
  if (value instanceof ImageValue) return (ctx ? new EmuCellImage(ctx, value) : value) as unknown as CellValue;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof CellError) return value.code;
  const format = cell?.numberFormat;
  if (value instanceof DateValue) {
    if (isAutomatic(format) || format === TEXT_FORMAT || isDateFormat(format)) return new Date(value.ms);
    return msToSerial(value.ms);
  }
  // real-sheets-checklist RS-29: a serial beyond a Date's range gives a Date with no instant.
  if (isDateFormat(format)) return new Date(serialToMs(value));
  return value;
}
