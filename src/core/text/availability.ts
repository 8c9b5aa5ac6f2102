/** Defines the availability grammar (活動可能日時, 希望日時): parseAvailability, formatSlots and slotKey over weekly day × period slots. */
import { cellText } from './cell';
import { normalizeText } from './normalize';

export type Period = 'am' | 'pm' | 'night';
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One weekly slot: a day (0 = 日 Sunday … 6 = 土 Saturday, as Date.getDay) and a period. */
export interface Slot {
  readonly day: Weekday;
  readonly period: Period;
}

export type AvailabilityParse =
  | { readonly ok: true; readonly slots: Slot[]; readonly unknown: string[] }
  | { readonly ok: false; readonly reason: 'blank' };

const PERIODS: readonly Period[] = ['am', 'pm', 'night'];
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES = '日月火水木金土';
/** Display order: the Japanese week starts on Monday (月火水木金土日). */
const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

// Days and periods as bit masks: bit d for day d; bit 0 am, 1 pm, 2 night.
const ALL_DAYS = 0b1111111;
const WEEKDAYS = 0b0111110;
const WEEKEND = 0b1000001;
const AM = 1;
const PM = 2;
const NIGHT = 4;
const DAYTIME = AM | PM;

/** A stable id for a slot: 'mon-am', 'sun-night'. */
export function slotKey(slot: Slot): string {
  return `${DAY_KEYS[slot.day]}-${slot.period}`;
}

/**
 * One token of a piece. Alternatives are tried in this order at each position, so 毎日 and 日中
 * win over the weekday 日, 夜間 over 夜, 午前中 over 午前. The groups say what was read:
 * 1 days, 2 全日 (days or time, by position), 3 a time, 4 one weekday (+ 曜/曜日),
 * 5 a range mark between two weekdays, 6 filler.
 */
const TOKEN = new RegExp(
  [
    '(毎日|いつでも|平日|土日(?:曜日?)?|週末)',
    '(全日)',
    '(午前中|午前|午後|夜間|夜|夕方以降|終日|一日|日中|a\\.?m\\.?|p\\.?m\\.?)',
    '([月火水木金土日])(?:曜日?)?',
    '(〜|~|-|から)',
    '(\\s+|[・,()]|と|のみ|の|毎週|可|ok)',
  ].join('|'),
  'y',
);
/** Pieces are separated by these (after normalizeText: ， → ',', ； → ';', ／ → '/'). */
const PIECE_SEPARATORS = /[、,;/\n]+/;

const DAY_WORDS: Readonly<Record<string, number>> = {
  毎日: ALL_DAYS,
  いつでも: ALL_DAYS,
  平日: WEEKDAYS,
  土日: WEEKEND,
  週末: WEEKEND,
};
const TIME_WORDS: Readonly<Record<string, number>> = {
  午前中: AM,
  午前: AM,
  am: AM,
  'a.m.': AM,
  'a.m': AM,
  'am.': AM,
  午後: PM,
  pm: PM,
  'p.m.': PM,
  'p.m': PM,
  'pm.': PM,
  夜間: NIGHT,
  夜: NIGHT,
  夕方以降: NIGHT,
  終日: DAYTIME,
  一日: DAYTIME,
  日中: DAYTIME,
};

/**
 * Reads one piece into per-day period masks (ORed into masks). False when any of it is
 * unreadable; masks may then hold part of the piece, so callers pass a scratch array.
 */
function readPiece(piece: string, masks: number[]): boolean {
  let days = 0; // days of the clause being read
  let times = 0; // its periods
  let lastDay = -1; // the weekday just read, for ranges (月〜金)
  let rangeFrom = -1; // a weekday followed by a range mark
  const emit = (): void => {
    if (days === 0 && times === 0) return;
    const d = days === 0 ? ALL_DAYS : days;
    const t = times === 0 ? DAYTIME : times;
    for (let day = 0; day < 7; day++) if (d & (1 << day)) masks[day] = (masks[day] as number) | t;
    days = 0;
    times = 0;
  };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < piece.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(piece);
    if (m === null || TOKEN.lastIndex === at) return false;
    if (m[6] !== undefined) continue;
    if (m[5] !== undefined) {
      if (lastDay < 0 || rangeFrom >= 0) return false;
      rangeFrom = lastDay;
      continue;
    }
    // 全日 is 'every day' before a time (全日午前) and 'all day' after days (土日全日);
    // alone it means every day, all day, either way.
    const isDays = m[1] !== undefined || m[4] !== undefined || (m[2] !== undefined && days === 0 && times === 0);
    if (rangeFrom >= 0 && m[4] === undefined) return false;
    // Days after the clause's time start a new clause: 月午前水午後, 月午前・水午後.
    if (isDays && times !== 0) emit();
    lastDay = -1;
    if (m[1] !== undefined) days |= DAY_WORDS[m[1].startsWith('土日') ? '土日' : m[1]] as number;
    else if (m[2] !== undefined) {
      if (isDays) days |= ALL_DAYS;
      else times |= DAYTIME;
    } else if (m[3] !== undefined) times |= TIME_WORDS[m[3]] as number;
    else {
      const day = DAY_NAMES.indexOf(m[4] as string);
      if (rangeFrom >= 0) {
        // 月〜金; 金〜月 wraps through the weekend.
        for (let d = rangeFrom; d !== day; d = (d + 1) % 7) days |= 1 << d;
        rangeFrom = -1;
      }
      days |= 1 << day;
      lastDay = day;
    }
  }
  if (rangeFrom >= 0) return false;
  emit();
  return true;
}

function sortedSlots(masks: readonly number[]): Slot[] {
  const slots: Slot[] = [];
  for (let day = 0; day < 7; day++) {
    const mask = masks[day] as number;
    for (let p = 0; p < 3; p++) if (mask & (1 << p)) slots.push({ day: day as Weekday, period: PERIODS[p] as Period });
  }
  return slots;
}

const BLANK: AvailabilityParse = { ok: false, reason: 'blank' };

/**
 * Reads an availability cell into weekly slots. Pieces are separated by 、 , ; / or line breaks;
 * a piece is DAYS then TIME, and several can follow each other (月午前・水午後, 月午前 水午後).
 * DAYS: 月火水木金土日 (with 曜/曜日: 月曜午前, 火曜日の午前), lists (月水金, 月・水・金, 月と水),
 * ranges (月〜金), 平日 (Mon–Fri), 土日/週末, 毎日/全日/いつでも (every day).
 * TIME: 午前/午前中/AM, 午後/PM, 夜/夜間/夕方以降 (night), 終日/一日/全日/日中 (am + pm).
 * DAYS alone means am + pm; TIME alone means every day. 毎週, のみ and 可 are ignored.
 * A piece with anything else in it is returned whole in `unknown` and gives no slots, so a
 * half-read piece never becomes a wrong promise ('月午前(要相談)' is unknown, not Monday).
 * Slots are sorted by day (Sunday first) then period, without duplicates. Never throws.
 */
export function parseAvailability(value: unknown): AvailabilityParse {
  let text: string | null;
  if (typeof value === 'string') text = normalizeText(value);
  else if (value === null || value === undefined) return BLANK;
  else text = cellText(value);
  if (text === null || text === '') return BLANK;
  const masks = [0, 0, 0, 0, 0, 0, 0];
  const pieceMasks = [0, 0, 0, 0, 0, 0, 0];
  const unknown: string[] = [];
  let pieces = 0;
  for (const raw of text.split(PIECE_SEPARATORS)) {
    const piece = raw.trim();
    if (piece === '') continue;
    pieces++;
    pieceMasks.fill(0);
    if (readPiece(piece.toLowerCase(), pieceMasks))
      for (let d = 0; d < 7; d++) masks[d] = (masks[d] as number) | (pieceMasks[d] as number);
    else if (unknown.indexOf(piece) < 0) unknown.push(piece);
  }
  if (pieces === 0) return BLANK;
  return { ok: true, slots: sortedSlots(masks), unknown };
}

const TIME_TEXT: Readonly<Record<number, string>> = {
  [AM]: '午前',
  [PM]: '午後',
  [NIGHT]: '夜間',
  [DAYTIME]: '終日',
  [AM | NIGHT]: '午前・夜間',
  [PM | NIGHT]: '午後・夜間',
  [DAYTIME | NIGHT]: '終日・夜間',
};

function daysText(days: number): string {
  if (days === ALL_DAYS) return '毎日';
  if (days === WEEKDAYS) return '平日';
  if (days === WEEKEND) return '土日';
  let s = '';
  for (const d of WEEK_ORDER) if (days & (1 << d)) s += DAY_NAMES.charAt(d);
  return s;
}

/** Parts for days grouped by their whole period mask: '月午前・夜間', '火木金夜間'. */
function partsByMask(masks: readonly number[]): string[] {
  const parts: string[] = [];
  let done = 0; // bit m set once the days with period mask m are written
  for (const d of WEEK_ORDER) {
    const mask = masks[d] as number;
    if (mask === 0 || done & (1 << mask)) continue;
    done |= 1 << mask;
    let days = 0;
    for (let e = 0; e < 7; e++) if (masks[e] === mask) days |= 1 << e;
    parts.push(daysText(days) + (TIME_TEXT[mask] as string));
  }
  return parts;
}

/**
 * Writes slots compactly in Japanese, in week order from Monday: '月午前、水午後、土日終日、平日夜間',
 * '毎日終日・夜間'. Two groupings are tried — days with the same periods together, or the daytime
 * grouped that way and the nights as one part, as people write them — and the one with fewer
 * parts (then the shorter) is kept. parseAvailability reads the result back to the same slots,
 * so formatting is a fixed point after one round. [] gives ''.
 */
export function formatSlots(slots: readonly Slot[]): string {
  const masks = [0, 0, 0, 0, 0, 0, 0];
  for (const s of slots) {
    const p = PERIODS.indexOf(s.period);
    if (p >= 0 && s.day >= 0 && s.day <= 6) masks[s.day] = (masks[s.day] as number) | (1 << p);
  }
  const whole = partsByMask(masks);
  let nightDays = 0;
  for (let d = 0; d < 7; d++) if ((masks[d] as number) & NIGHT) nightDays |= 1 << d;
  if (nightDays === 0) return whole.join('、');
  const split = partsByMask(masks.map((m) => m & DAYTIME));
  split.push(daysText(nightDays) + (TIME_TEXT[NIGHT] as string));
  const a = whole.join('、');
  const b = split.join('、');
  if (whole.length !== split.length) return whole.length < split.length ? a : b;
  return a.length < b.length ? a : b;
}
