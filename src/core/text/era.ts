/** Defines the Japanese eras (元号) from 明治 on and conversions between 和暦 and PlainDate. */
import { PlainDate } from './plainDate';

export interface Era {
  /** '令和' */
  readonly name: string;
  /** 'R': the letter used in R6.4.1 */
  readonly letter: string;
  /** First day of the era; its year is 元年. */
  readonly start: PlainDate;
}

function day(y: number, m: number, d: number): PlainDate {
  return PlainDate.of(y, m, d) as PlainDate;
}

/**
 * The standard boundaries. 明治 starts on its Gregorian proclamation day 1868-10-23 with
 * 明治元年 = 1868; dates before the 1873 calendar reform are read as if Gregorian (the lunar
 * calendar is out of scope: nobody in a roster was born then).
 */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: day(1868, 10, 23) },
  { name: '大正', letter: 'T', start: day(1912, 7, 30) },
  { name: '昭和', letter: 'S', start: day(1926, 12, 25) },
  { name: '平成', letter: 'H', start: day(1989, 1, 8) },
  { name: '令和', letter: 'R', start: day(2019, 5, 1) },
];

/** The era for a kanji name ('令和'), its first kanji ('令') or letter ('R'/'r'); null otherwise. */
export function eraByName(token: string): Era | null {
  for (const era of ERAS) {
    if (token === era.name || token === era.name.charAt(0) || token.toUpperCase() === era.letter) return era;
  }
  return null;
}

/** The first day of the following era, or null for the current one. */
export function nextEraStart(era: Era): PlainDate | null {
  const i = ERAS.indexOf(era);
  return i + 1 < ERAS.length ? (ERAS[i + 1] as Era).start : null;
}

/** The era a day falls in and its era year, or null before 明治. */
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
 */
export function dateFromWareki(era: Era, eraYear: number, month: number, dayOfMonth: number): EraDateResult {
  if (eraYear < 1) return { ok: false, reason: 'invalidDate' };
  const date = PlainDate.of(era.start.year + eraYear - 1, month, dayOfMonth);
  if (!date) return { ok: false, reason: 'invalidDate' };
  const next = nextEraStart(era);
  if (date.compare(era.start) < 0 || (next !== null && date.compare(next) >= 0))
    return { ok: false, reason: 'eraMismatch' };
  return { ok: true, date };
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
