/** Defines parseDate and toISODateText (dates as staff write them, 和暦 included) and fiscal years (年度). */
import { dateFromWareki, eraByName, warekiOf } from './era';
import { normalizeText } from './normalize';
import { PlainDate } from './plainDate';
import { tokyoDayNumber } from './tokyo';

export type DateFailureReason =
  /** Nothing in the cell. */
  | 'blank'
  /** Not a date format Tsunagu reads ('来週', '4/1' without a year, an object). */
  | 'unrecognised'
  /** Looks like a date but the day does not exist (2024年2月30日, 13月). */
  | 'invalidDate'
  /** A real day outside the named era (平成31年5月1日, 昭和64年1月8日). */
  | 'eraMismatch'
  /** A number too small or too large to be a sheet date serial or YYYYMMDD. */
  | 'outOfRange';

export type DateParse =
  { readonly ok: true; readonly date: PlainDate } | { readonly ok: false; readonly reason: DateFailureReason };

/** What each failure means, for messages (validation adds sheet, row and column). */
export const DATE_FAILURE_MESSAGES: Readonly<Record<DateFailureReason, { ja: string; en: string }>> = {
  blank: { ja: '日付が入力されていません', en: 'no date entered' },
  unrecognised: {
    ja: '日付として読めません（例: 2024/4/1、令和6年4月1日、R6.4.1）',
    en: 'not a date (e.g. 2024/4/1, 令和6年4月1日, R6.4.1)',
  },
  invalidDate: { ja: '存在しない日付です', en: 'this day does not exist' },
  eraMismatch: {
    ja: '元号とその期間が合いません（例: 平成31年5月1日は令和元年5月1日）',
    en: 'the day is outside that era (e.g. 平成31年5月1日 is 令和元年5月1日)',
  },
  outOfRange: { ja: '日付として扱える範囲外の数値です', en: 'the number is outside the range of dates' },
};

const BLANK: DateParse = { ok: false, reason: 'blank' };
const UNRECOGNISED: DateParse = { ok: false, reason: 'unrecognised' };
const INVALID: DateParse = { ok: false, reason: 'invalidDate' };
const OUT_OF_RANGE: DateParse = { ok: false, reason: 'outOfRange' };

/**
 * True for a Date from any realm. `instanceof Date` is false for Dates made in another realm
 * (the local sandbox runs dist/Code.js in a node:vm context, fed by the emulator's Dates).
 */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Day number (days since 1970-01-01) of 1899-12-30, the epoch of sheet date serials. */
const SERIAL_EPOCH_DAY = -25569;
/** The serial of 9999-12-31. */
const MAX_SERIAL = 2958465;

function ok(date: PlainDate | null): DateParse {
  return date ? { ok: true, date } : INVALID;
}

/** The calendar day of an instant on Tokyo's clocks (summer time 1948–1951 included, as Sheets shows the cell). */
function tokyoDayOf(d: Date): DateParse {
  const t = d.getTime();
  if (Number.isNaN(t)) return INVALID;
  const date = PlainDate.fromDayNumber(tokyoDayNumber(t));
  return date ? { ok: true, date } : OUT_OF_RANGE;
}

function fromNumber(n: number): DateParse {
  if (!Number.isFinite(n)) return UNRECOGNISED;
  // 20240401 typed into a number cell: YYYYMMDD. No serial reaches 10000101, so no overlap.
  if (Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
    return ok(PlainDate.of(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100));
  }
  // A sheet serial; the fraction is the time of day. 0 is left out: it is an empty-looking cell.
  if (n >= 1 && n < MAX_SERIAL + 1) {
    const date = PlainDate.fromDayNumber(Math.floor(n) + SERIAL_EPOCH_DAY);
    return date ? { ok: true, date } : OUT_OF_RANGE;
  }
  return OUT_OF_RANGE;
}

const KANJI_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const KANJI_NUMERAL_RUN = /[〇零一二三四五六七八九十]+/g;

/** 二十三 → 23, 十 → 10, 二〇二四 → 2024; null for anything else. */
function kanjiNumeral(run: string): number | null {
  const tenAt = run.indexOf('十');
  if (tenAt >= 0) {
    if (run.indexOf('十', tenAt + 1) >= 0) return null;
    const tensPart = run.slice(0, tenAt);
    const onesPart = run.slice(tenAt + 1);
    if (tensPart.length > 1 || onesPart.length > 1) return null;
    const tens = tensPart === '' ? 1 : KANJI_DIGIT[tensPart];
    const ones = onesPart === '' ? 0 : KANJI_DIGIT[onesPart];
    return tens === undefined || ones === undefined ? null : tens * 10 + ones;
  }
  let n = 0;
  for (const ch of run) n = n * 10 + (KANJI_DIGIT[ch] as number);
  return n;
}

/** 令和六年四月一日 → 令和6年4月1日; only called on text that contains 年. */
function replaceKanjiNumerals(s: string): string {
  return s.replace(KANJI_NUMERAL_RUN, (run) => {
    const n = kanjiNumeral(run);
    return n === null ? run : String(n);
  });
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?$/;
const TRAILING_TIME = /\s+(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?)$/;
const TRAILING_WEEKDAY = /(?:\([日月火水木金土](?:曜日?)?(?:・?祝)?\)|[日月火水木金土]曜日?)$/;
const TRAILING_BIRTH = /生(?:まれ)?$/;
const WESTERN = /^(\d{4})(?:年|[./-])(\d{1,2})(?:月|[./-])(\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Spaces, removed before matching: '令和 6年 4月 1日'. */
const SPACES = /\s+/g;
const WAREKI =
  /^(明治|大正|昭和|平成|令和|[明大昭平令mtshr])(元|\d{1,2})(?:年|[./-])(\d{1,2})(?:月|[./-])(\d{1,2})日?$/;

function fromIsoDateTime(m: RegExpExecArray): DateParse {
  const date = PlainDate.of(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date) return INVALID;
  const zone = m[7];
  if (zone === undefined) return { ok: true, date };
  // An instant with an offset: the calendar day is the one in Tokyo.
  const offsetMinutes =
    zone === 'z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const minutes = date.toDayNumber() * 1440 + Number(m[4]) * 60 + Number(m[5]) - offsetMinutes + 540;
  const tokyo = PlainDate.fromDayNumber(Math.floor(minutes / 1440));
  return tokyo ? { ok: true, date: tokyo } : OUT_OF_RANGE;
}

function fromString(s: string): DateParse {
  let t = normalizeText(s).toLowerCase();
  if (t === '') return BLANK;
  const iso = ISO_DATETIME.exec(t);
  if (iso) return fromIsoDateTime(iso);
  t = t.replace(TRAILING_TIME, '').replace(SPACES, '');
  t = t.replace(TRAILING_BIRTH, '').replace(TRAILING_WEEKDAY, '');
  if (t.indexOf('年') >= 0) t = replaceKanjiNumerals(t);

  let m = WESTERN.exec(t) ?? COMPACT.exec(t);
  if (m) return ok(PlainDate.of(Number(m[1]), Number(m[2]), Number(m[3])));
  m = WAREKI.exec(t);
  if (m) {
    const era = eraByName(m[1] as string);
    if (!era) return UNRECOGNISED;
    const r = dateFromWareki(era, m[2] === '元' ? 1 : Number(m[2]), Number(m[3]), Number(m[4]));
    return r.ok ? { ok: true, date: r.date } : { ok: false, reason: r.reason };
  }
  return UNRECOGNISED;
}

/**
 * Reads a date cell: a Date (its calendar day in Asia/Tokyo), a sheet serial number (epoch
 * 1899-12-30) or YYYYMMDD number, or text: 2024-04-01, 2024/4/1, 2024.4.1, 20240401,
 * 2024年4月1日, 和暦 with kanji, one-kanji or letter era (令和6年4月1日, 令和元年5月1日, 令6.4.1,
 * R6.4.1, R06/04/01, 昭和二十三年五月一日), full-width digits, a trailing weekday (（月）), time,
 * or 生. Never throws.
 */
export function parseDate(value: unknown): DateParse {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'string') return fromString(value);
  if (typeof value === 'number') return fromNumber(value);
  if (isDateObject(value)) return tokyoDayOf(value);
  return UNRECOGNISED;
}

export type ISODateText =
  | { readonly ok: true; readonly iso: string; readonly wasText: boolean }
  | { readonly ok: false; readonly reason: DateFailureReason };

/**
 * A date cell as its ISO day, for the 'date' safe fix: '令和6年4月1日', '2024/4/1', 'R6.4.1' →
 * '2024-04-01' with wasText true (text that should become a date); a Date or serial number gives
 * the same ISO day with wasText false (it already is a date). Failures are parseDate's.
 */
export function toISODateText(value: unknown): ISODateText {
  const r = parseDate(value);
  if (!r.ok) return r;
  return { ok: true, iso: r.date.toISO(), wasText: typeof value === 'string' };
}

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscal year start month must be 1–12, got ${startMonth}`);
  }
}

/** The fiscal year (年度) of a day, named by its starting year: 2025-03-31 → 2024 when it starts in April. */
export function fiscalYearOf(date: PlainDate, startMonth = 4): number {
  checkStartMonth(startMonth);
  return date.month >= startMonth ? date.year : date.year - 1;
}

/** First and last day of a fiscal year: FY2024 → 2024-04-01 … 2025-03-31. */
export function fiscalYearRange(fiscalYear: number, startMonth = 4): { start: PlainDate; end: PlainDate } {
  checkStartMonth(startMonth);
  const start = PlainDate.of(fiscalYear, startMonth, 1);
  const next = PlainDate.of(fiscalYear + 1, startMonth, 1);
  if (!start || !next) throw new RangeError(`fiscal year out of range: ${fiscalYear}`);
  return { start, end: next.addDays(-1) as PlainDate };
}

export type FiscalYearParse =
  | { readonly ok: true; readonly year: number }
  | { readonly ok: false; readonly reason: 'blank' | 'unrecognised' | 'eraMismatch' };

const FY_WESTERN = /^(?:fy)?(\d{4})(?:年度?)?$/;
const FY_WAREKI = /^(明治|大正|昭和|平成|令和|[明大昭平令mtshr])(元|\d{1,2})(?:年度?)?$/;

/**
 * Reads a fiscal-year cell (保険加入年度, 会費台帳 年度, 指標定義 目標 headers): 2024, '2024年度',
 * 'FY2024', '令和6年度', 'R6', '令和元年度', or a date (its fiscal year). An era year names the
 * fiscal year that starts in that Gregorian year; it must overlap the era, so 平成31年度 and
 * 令和元年度 are both FY2019 but 昭和64年度 is refused.
 */
export function parseFiscalYear(value: unknown, startMonth = 4): FiscalYearParse {
  if (value === null || value === undefined) return { ok: false, reason: 'blank' };
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9998
      ? { ok: true, year: value }
      : { ok: false, reason: 'unrecognised' };
  }
  if (typeof value === 'string') {
    let t = normalizeText(value).replace(SPACES, '').toLowerCase();
    if (t === '') return { ok: false, reason: 'blank' };
    if (t.indexOf('年') >= 0) t = replaceKanjiNumerals(t);
    const western = FY_WESTERN.exec(t);
    if (western) return { ok: true, year: Number(western[1]) };
    const wareki = FY_WAREKI.exec(t);
    if (wareki) {
      const era = eraByName(wareki[1] as string);
      const eraYear = wareki[2] === '元' ? 1 : Number(wareki[2]);
      if (!era || eraYear < 1) return { ok: false, reason: 'unrecognised' };
      const year = era.start.year + eraYear - 1;
      const { start, end } = fiscalYearRange(year, startMonth);
      const overlaps = end.compare(era.start) >= 0 && (era.end === null || start.compare(era.end) <= 0);
      return overlaps ? { ok: true, year } : { ok: false, reason: 'eraMismatch' };
    }
  }
  const date = parseDate(value);
  if (date.ok) return { ok: true, year: fiscalYearOf(date.date, startMonth) };
  return { ok: false, reason: date.reason === 'blank' ? 'blank' : 'unrecognised' };
}

/**
 * '令和6年度' for FY2024. The era is the one in force in the middle of the fiscal year, which
 * gives the names in use: FY2019 → 令和元年度, FY1988 → 昭和63年度, FY1989 → 平成元年度.
 */
export function formatFiscalYear(fiscalYear: number, startMonth = 4): string {
  checkStartMonth(startMonth);
  const midMonthIndex = startMonth - 1 + 6;
  const mid = PlainDate.of(fiscalYear + Math.floor(midMonthIndex / 12), (midMonthIndex % 12) + 1, 1);
  const w = mid ? warekiOf(mid) : null;
  if (!w) return `${fiscalYear}年度`;
  return `${w.era.name}${w.year === 1 ? '元' : w.year}年度`;
}
