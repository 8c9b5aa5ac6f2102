/** Defines the Japanese eras (元号) from 明治 on and conversions between 和暦 and PlainDate. */
import { PlainDate } from './plainDate';

export interface Era {
  /** '令和' */
  readonly name: string;
  /** 'R': the letter used in R6.4.1 */
  readonly letter: string;
  /** First day of the era; its year is 元年. */
  readonly start: PlainDate;
  /** Last day of the era, or null for the current one. */
  readonly end: PlainDate | null;
}

function day(y: number, m: number, d: number): PlainDate {
  return PlainDate.of(y, m, d) as PlainDate;
}

/**
 * The standard boundaries, to the day. 明治 starts on its Gregorian proclamation day 1868-10-23
 * with 明治元年 = 1868; dates before the 1873 calendar reform are read as if Gregorian (the lunar
 * calendar is out of scope: nobody in a roster was born then). An emperor's death ended an era
 * and began the next on the same day until 1989, so 1912-07-30 is both 明治45年7月30日 and
 * 大正元年7月30日, and 1926-12-25 both 大正15年12月25日 and 昭和元年12月25日; 平成 began the day
 * after 昭和64年1月7日, and 令和 on 2019-05-01, the day after 平成31年4月30日.
 */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: day(1868, 10, 23), end: day(1912, 7, 30) },
  { name: '大正', letter: 'T', start: day(1912, 7, 30), end: day(1926, 12, 25) },
  { name: '昭和', letter: 'S', start: day(1926, 12, 25), end: day(1989, 1, 7) },
  { name: '平成', letter: 'H', start: day(1989, 1, 8), end: day(2019, 4, 30) },
  { name: '令和', letter: 'R', start: day(2019, 5, 1), end: null },
];

/** The era for a kanji name ('令和'), its first kanji ('令') or letter ('R'/'r'); null otherwise. */
export function eraByName(token: string): Era | null {
  for (const era of ERAS) {
    if (token === era.name || token === era.name.charAt(0) || token.toUpperCase() === era.letter) return era;
  }
  return null;
}

/** The era a day falls in and its era year, or null before 明治. A day two eras share is named by the new one (大正元年7月30日). */
export function warekiOf(date: PlainDate): { era: Era; year: number } | null {
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i] as Era;
    if (date.compare(era.start) >= 0) return { era, year: date.year - era.start.year + 1 };
  }
  return null;
}

export type EraDateResult =
  | { readonly ok: true; readonly date: PlainDate }
  | { readonly ok: false; readonly reason: 'invalidDate' | 'eraMismatch' };

/**
 * The day for era year/month/day. 'invalidDate' for a day that does not exist (2月30日, 0年),
 * 'eraMismatch' for a real day outside the era (平成31年5月1日, 昭和64年1月8日, 令和元年4月30日).
 * A day two eras share (明治45年7月30日 = 大正元年7月30日) is in both.
 */
export function dateFromWareki(era: Era, eraYear: number, month: number, dayOfMonth: number): EraDateResult {
  if (eraYear < 1) return { ok: false, reason: 'invalidDate' };
  const date = PlainDate.of(era.start.year + eraYear - 1, month, dayOfMonth);
  if (!date) return { ok: false, reason: 'invalidDate' };
  if (!inEra(era, date)) return { ok: false, reason: 'eraMismatch' };
  return { ok: true, date };
}

/** True when a day is one of the era's days (from its first to its last, both included). */
export function inEra(era: Era, date: PlainDate): boolean {
  return date.compare(era.start) >= 0 && (era.end === null || date.compare(era.end) <= 0);
}

export type WarekiStyle = 'kanji' | 'letter';

/**
 * '令和6年4月1日' (kanji, 元年 for year 1) or 'R6.4.1' (letter). Days before 明治 are written
 * in the Western calendar as '1868年1月1日', since they have no era in this table.
 */
export function formatWareki(date: PlainDate, style: WarekiStyle = 'kanji'): string {
  const w = warekiOf(date);
  if (!w) return `${date.year}年${date.month}月${date.day}日`;
  if (style === 'letter') return `${w.era.letter}${w.year}.${date.month}.${date.day}`;
  return `${w.era.name}${w.year === 1 ? '元' : w.year}年${date.month}月${date.day}日`;
}
