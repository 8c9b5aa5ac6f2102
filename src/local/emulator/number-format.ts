/** Display values: how Sheets (locale ja_JP, time zone Asia/Tokyo) shows a cell under its number format. */
import { DAY_MS, msToSerial, msToWall, serialToMs, wallClock } from './dates';
import { ERAS } from '../../core/text/era';
import { CellError, DateValue, ImageValue, type StoredValue } from './workbook';

/**
 * What getNumberFormat answers for a cell left on Automatic. Written back with setNumberFormat it
 * is an ordinary number pattern (a date entered later shows as its serial); 'General' (or '')
 * puts a cell back on Automatic.
 */
// real-sheets-checklist RS-08
export const AUTOMATIC_FORMAT = '0.###############';
/** The formats Sheets (ja_JP) gives a cell when a date, or a date with a time, is entered into it. */
// real-sheets-checklist RS-09
export const DEFAULT_DATE_FORMAT = 'yyyy/MM/dd';
export const DEFAULT_DATE_TIME_FORMAT = 'yyyy/MM/dd H:mm:ss';
export const TEXT_FORMAT = '@';

const JA_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** True for a cell on Automatic: no format stored ('General' and '' are how a script asks for it). */
// real-sheets-checklist RS-08: these formats all mean Automatic; the pattern getNumberFormat answers does not.
export function isAutomatic(format: string | undefined): boolean {
  return format === undefined || format === '' || format.toLowerCase() === 'general';
}

/** Removes what never decides the kind of a format: quoted text, escapes, [colour] and [$¥-411] blocks. */
function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/**
 * A date/time format (yyyy/MM/dd, H:mm, yyyy"年"m"月"d"日", 和暦 ggge"年"m"月"d"日") as opposed to a
 * number or text format. An E followed by a sign is a number's exponent (0.00E+00), not an era year.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (isAutomatic(format) || format === TEXT_FORMAT || format === undefined) return false;
  const first = stripLiterals(splitSections(format)[0] ?? '').replace(/am\/pm|a\/p/gi, 'h');
  return /[ymdhsg]/i.test(first) || /e(?![+-])/i.test(first);
}

/** The default date format for an instant: date only at Tokyo midnight, date and time otherwise. */
export function defaultDateFormat(ms: number): string {
  return ((msToWall(ms) % DAY_MS) + DAY_MS) % DAY_MS === 0 ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      current += ch + (format[i + 1] as string);
      i += 1;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** Automatic number display: integers as they are, fractions to ten significant digits, no trailing zeros. */
export function automaticNumber(n: number): string {
  if (Number.isNaN(n)) return '#NUM!';
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15)
    return n
      .toExponential()
      .replace('e', 'E')
      .replace(/\.?0+E/, 'E');
  return String(Number.parseFloat(n.toPrecision(10)));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with one section of a numeric format such as #,##0, 0.00, 0%, "¥"#,##0. */
function formatNumberSection(n: number, section: string, withSign: boolean): string {
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let seenPlaceholder = false;
  let percent = false;
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i] as string;
    let literal: string | null;
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, close < 0 ? undefined : close);
      i = close < 0 ? section.length : close;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i += 1;
    } else if (ch === '[') {
      const close = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, close < 0 ? undefined : close);
      // [$¥-411] is a currency symbol; [Red] and other colours are not shown.
      literal = inner.startsWith('$') ? (inner.slice(1).split('-')[0] ?? '') : '';
      i = close < 0 ? section.length : close;
    } else if (ch === '_') {
      literal = ' ';
      i += 1;
    } else if (ch === '*') {
      literal = '';
      i += 1;
    } else if (
      ch === '0' ||
      ch === '#' ||
      ch === '?' ||
      ((ch === ',' || ch === '.') && suffix === '' && (seenPlaceholder || /[0#?]/.test(section[i + 1] ?? '')))
    ) {
      pattern += ch;
      seenPlaceholder = true;
      continue;
    } else {
      if (ch === '%') percent = true;
      literal = ch;
    }
    if (seenPlaceholder) suffix += literal;
    else prefix += literal;
  }
  let value = Math.abs(n) * (percent ? 100 : 1);
  // Trailing commas scale by thousands (#,##0, shows thousands).
  while (pattern.endsWith(',')) {
    value /= 1000;
    pattern = pattern.slice(0, -1);
  }
  const [intPattern = '', fracPattern = ''] = pattern.split('.');
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  let text = value.toFixed(maxFrac);
  let [intDigits = '0', fracDigits = ''] = text.split('.');
  while (fracDigits.length > minFrac && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  if (intDigits.length < minInt) intDigits = '0'.repeat(minInt - intDigits.length) + intDigits;
  if (intPattern.includes(',')) intDigits = groupThousands(intDigits);
  text = fracDigits.length > 0 ? `${intDigits}.${fracDigits}` : intDigits;
  if (pattern === '') text = '';
  const negative = withSign && n < 0 && Number(value.toFixed(maxFrac)) !== 0;
  return `${negative ? '-' : ''}${prefix}${text}${suffix}`;
}

function formatNumber(n: number, format: string): string {
  const sections = splitSections(format);
  if (n < 0 && sections.length >= 2) return formatNumberSection(n, sections[1] as string, false);
  if (n === 0 && sections.length >= 3) return formatNumberSection(n, sections[2] as string, false);
  return formatNumberSection(n, sections[0] as string, true);
}

type DateToken =
  | { kind: 'literal'; text: string }
  | {
      kind: 'y' | 'm' | 'd' | 'h' | 's' | 'ampm' | 'frac' | 'g' | 'e' | 'a';
      width: number;
      minute?: boolean;
      short?: boolean;
    };

interface DatePattern {
  tokens: DateToken[];
  /** [$-ja-JP-x-gannen]: the first year of an era is written 元 instead of 1. */
  gannen: boolean;
}

function tokenizeDate(section: string): DatePattern {
  const tokens: DateToken[] = [];
  let gannen = false;
  let i = 0;
  while (i < section.length) {
    const ch = section[i] as string;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: section.slice(i + 1, close < 0 ? undefined : close) });
      i = close < 0 ? section.length : close + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const close = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, close < 0 ? undefined : close).toLowerCase();
      // Elapsed-time [h] is shown as the hour here; colours and locales are not shown.
      if (/^h+$/.test(inner)) tokens.push({ kind: 'h', width: inner.length });
      if (inner.startsWith('$') && inner.includes('x-gannen')) gannen = true;
      i = close < 0 ? section.length : close + 1;
      continue;
    }
    if (section.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'ampm', width: 5 });
      i += 5;
      continue;
    }
    if (section.slice(i, i + 3).toLowerCase() === 'a/p') {
      tokens.push({ kind: 'ampm', width: 3, short: true });
      i += 3;
      continue;
    }
    if ('ymdhsge'.includes(lower) || (lower === 'a' && section.slice(i, i + 3).toLowerCase() === 'aaa')) {
      let width = 1;
      while ((section[i + width] ?? '').toLowerCase() === lower) width += 1;
      tokens.push({ kind: lower as 'y' | 'm' | 'd' | 'h' | 's' | 'g' | 'e' | 'a', width });
      i += width;
      continue;
    }
    if (ch === '.' && tokens.length > 0 && tokens[tokens.length - 1]?.kind === 's' && section[i + 1] === '0') {
      let width = 0;
      while (section[i + 1 + width] === '0') width += 1;
      tokens.push({ kind: 'frac', width });
      i += 1 + width;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch });
    i += 1;
  }
  // m is minutes right after an hour or right before a second, as in Sheets and Excel.
  const fields = tokens.filter((t) => t.kind !== 'literal');
  fields.forEach((token, index) => {
    if (token.kind !== 'm') return;
    const before = fields[index - 1];
    const after = fields[index + 1];
    if (before?.kind === 'h' || after?.kind === 's') token.minute = true;
  });
  return { tokens, gannen };
}

/** The era of a Tokyo calendar day and its year in that era; null before 明治 (real-sheets-checklist RS-36). */
function eraOf(year: number, month: number, day: number): { name: string; letter: string; year: number } | null {
  const key = year * 10_000 + month * 100 + day;
  for (let i = ERAS.length - 1; i >= 0; i -= 1) {
    const era = ERAS[i]!;
    const start = era.start.year * 10_000 + era.start.month * 100 + era.start.day;
    if (key >= start) return { name: era.name, letter: era.letter, year: year - era.start.year + 1 };
  }
  return null;
}

function pad2(n: number, width: number): string {
  return width >= 2 ? String(n).padStart(2, '0') : String(n);
}

/** Formats an instant with a Sheets date/time format, in Tokyo wall-clock time and ja_JP names. */
export function formatSheetsDate(ms: number, format: string): string {
  const w = wallClock(ms);
  const { tokens, gannen } = tokenizeDate(splitSections(format)[0] ?? '');
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  const era = eraOf(w.year, w.month, w.day);
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'y':
        out += token.width <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year);
        break;
      case 'm':
        if (token.minute) out += pad2(w.minute, token.width);
        else out += token.width >= 3 ? `${w.month}月` : pad2(w.month, token.width);
        break;
      case 'd':
        if (token.width === 3) out += JA_WEEKDAYS[w.weekday] as string;
        else if (token.width >= 4) out += `${JA_WEEKDAYS[w.weekday] as string}曜日`;
        else out += pad2(w.day, token.width);
        break;
      case 'h': {
        const hour = twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += pad2(hour, token.width);
        break;
      }
      case 's':
        out += pad2(w.second, token.width);
        break;
      case 'frac':
        out += `.${String(w.millisecond).padStart(3, '0').slice(0, token.width)}`;
        break;
      case 'ampm':
        out += w.hour < 12 ? '午前' : '午後';
        break;
      // 和暦 (Excel's ja-JP tokens): g R, gg 令, ggg 令和; e the era year, ee two digits; before 明治 the Western year.
      case 'g':
        if (era) out += token.width === 1 ? era.letter : token.width === 2 ? era.name.charAt(0) : era.name;
        break;
      case 'e':
        if (!era) out += String(w.year);
        else if (era.year === 1 && gannen) out += '元';
        else out += token.width >= 2 ? String(era.year).padStart(2, '0') : String(era.year);
        break;
      case 'a':
        out += token.width >= 4 ? `${JA_WEEKDAYS[w.weekday] as string}曜日` : (JA_WEEKDAYS[w.weekday] as string);
        break;
    }
  }
  return out;
}

/** The display value of a stored cell value under a number format, as getDisplayValues gives it. */
// real-sheets-checklist RS-06, RS-12: a date under '@' shows as a date.
// real-sheets-checklist RS-32: a text cell shows its text, whatever its format (GasWorkbook.read relies on it).
export function displayValue(value: StoredValue | undefined, format: string | undefined): string {
  if (value === undefined || value instanceof ImageValue) return '';
  if (value instanceof CellError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof DateValue) {
    if (isDateFormat(format)) return formatSheetsDate(value.ms, format as string);
    if (isAutomatic(format) || format === TEXT_FORMAT) return formatSheetsDate(value.ms, defaultDateFormat(value.ms));
    return formatNumber(msToSerial(value.ms), format as string);
  }
  if (isDateFormat(format)) return formatSheetsDate(serialToMs(value), format as string);
  if (isAutomatic(format) || format === TEXT_FORMAT) return automaticNumber(value);
  return formatNumber(value, format as string);
}
