/** PlainDay (a calendar day with no time of day) and the day arithmetic, fiscal years, 和暦 and Tokyo-midnight Dates the demo needs. */
import { msToWall, wallToMs } from '../emulator/dates';

/** A calendar day; month and day are 1-based. */
export interface PlainDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01. The generators work in these integers because adding, comparing and
 * sampling days is then plain arithmetic, with no Date objects in the inner loops.
 */
export function epochDay(d: PlainDay): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function fromEpochDay(n: number): PlainDay {
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** False for 2025-02-30 and the like, which Date.UTC would silently roll over. */
export function isRealDay(d: PlainDay): boolean {
  if (![d.year, d.month, d.day].every(Number.isInteger)) return false;
  const back = fromEpochDay(epochDay(d));
  return back.year === d.year && back.month === d.month && back.day === d.day;
}

/** The instant a spreadsheet in Asia/Tokyo shows as this date with no time (00:00 JDT in the 1948–51 summers). */
export function tokyoMidnight(day: number): Date {
  return new Date(wallToMs(day * DAY_MS));
}

/** The calendar day an instant falls on in Tokyo. */
export function tokyoEpochDay(instant: Date): number {
  return Math.floor(msToWall(instant.getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isoDay(day: number): string {
  const d = fromEpochDay(day);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A 年度 is named by the calendar year it starts in: April 2024 – March 2025 is FY2024. */
export function fiscalYearOf(day: number): number {
  const d = fromEpochDay(day);
  return d.month >= 4 ? d.year : d.year - 1;
}

export function fiscalYearFirstDay(fy: number): number {
  return epochDay({ year: fy, month: 4, day: 1 });
}

export function fiscalYearLastDay(fy: number): number {
  return epochDay({ year: fy + 1, month: 3, day: 31 });
}

/** The same calendar day `years` later (earlier if negative); 2/29 becomes 2/28 in a common year. */
export function addYears(day: number, years: number): number {
  const d = fromEpochDay(day);
  const target = { year: d.year + years, month: d.month, day: d.day };
  return isRealDay(target) ? epochDay(target) : epochDay({ ...target, day: 28 });
}

/** Whole years from `from` to `to`, as an age is counted. */
export function yearsBetween(from: number, to: number): number {
  const a = fromEpochDay(from);
  const b = fromEpochDay(to);
  const beforeBirthday = b.month < a.month || (b.month === a.month && b.day < a.day);
  return b.year - a.year - (beforeBirthday ? 1 : 0);
}

interface Era {
  readonly kanji: string;
  readonly letter: string;
  readonly first: number;
}

/** Newest first, so the first era whose first day is not after a date is its era. */
const ERAS: readonly Era[] = [
  { kanji: '令和', letter: 'R', first: epochDay({ year: 2019, month: 5, day: 1 }) },
  { kanji: '平成', letter: 'H', first: epochDay({ year: 1989, month: 1, day: 8 }) },
  { kanji: '昭和', letter: 'S', first: epochDay({ year: 1926, month: 12, day: 25 }) },
  { kanji: '大正', letter: 'T', first: epochDay({ year: 1912, month: 7, day: 30 }) },
  { kanji: '明治', letter: 'M', first: epochDay({ year: 1868, month: 1, day: 25 }) },
];

/** The ways staff type a 和暦 date: 令和6年4月1日 (元年 for year 1), R6.4.1, R6/4/1. */
export type WarekiStyle = 'kanji' | 'letterDot' | 'letterSlash';

export function formatWareki(day: number, style: WarekiStyle): string {
  const era = ERAS.find((e) => e.first <= day);
  if (!era) throw new RangeError(`no 和暦 era for ${isoDay(day)}`);
  const d = fromEpochDay(day);
  const eraYear = d.year - fromEpochDay(era.first).year + 1;
  if (style === 'kanji') return `${era.kanji}${eraYear === 1 ? '元' : eraYear}年${d.month}月${d.day}日`;
  const sep = style === 'letterDot' ? '.' : '/';
  return `${era.letter}${eraYear}${sep}${d.month}${sep}${d.day}`;
}

/**
 * The prefix of a fiscal year's receipt numbers: R6 for FY2024 (令和6年度). FY2019 is 令和元年度
 * by custom even though April 2019 was still 平成31年, so the switch is by fiscal year.
 */
export function fiscalYearEraPrefix(fy: number): string {
  return fy >= 2019 ? `R${fy - 2018}` : `H${fy - 1988}`;
}
