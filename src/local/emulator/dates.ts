/** Time: Asia/Tokyo wall clock ↔ instants, spreadsheet serial numbers, time-zone offsets, and Java SimpleDateFormat (Utilities.formatDate). */

/**
 * The spreadsheet and script time zone. Its offsets come from the time-zone database (Intl), as
 * Sheets' do: +9 h, but +10 h in the summers of 1948–1951 and local mean time (+9:18:59) before
 * 1888 — a date cell of those days is midnight of that clock.
 */
// real-sheets-checklist RS-42
export const TOKYO = 'Asia/Tokyo';
/** Japan Standard Time, the offset of every Tokyo instant outside those years. */
export const JST_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;
/** Days from the spreadsheet epoch (1899-12-30) to the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25_569;

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
}

const FIXED_OFFSET = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/;
const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(tz: string): Intl.DateTimeFormat | null {
  if (!offsetFormatters.has(tz)) {
    let formatter: Intl.DateTimeFormat | null;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    offsetFormatters.set(tz, formatter);
  }
  return offsetFormatters.get(tz) ?? null;
}

const EN_US = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** The offset at one instant (whole seconds), asked of Intl. */
function intlOffset(formatter: Intl.DateTimeFormat, ms: number): number {
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  const m = EN_US.exec(formatter.format(whole));
  if (!m) return 0;
  const wall = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]) % 24, Number(m[5]), Number(m[6]));
  return wall - whole;
}

/**
 * A zone's offset changes between 1850 and 2100, found once per zone: sampled every 14 days and
 * each change located to the second (a rule lasting less than two weeks would be missed).
 * `offset[i]` holds from `from[i]` on.
 */
interface ZoneRules {
  readonly from: number[];
  readonly offset: number[];
}
const RULES_FIRST = Date.UTC(1850, 0, 1);
const RULES_LAST = Date.UTC(2100, 0, 1);
const RULES_STEP = 14 * DAY_MS;
/** The last instant a Date holds (ECMAScript: ±8.64e15 ms). */
const MAX_DATE_MS = 8.64e15;
const zoneRules = new Map<string, ZoneRules>();

function rulesOf(tz: string, formatter: Intl.DateTimeFormat): ZoneRules {
  let rules = zoneRules.get(tz);
  if (rules) return rules;
  rules = { from: [RULES_FIRST], offset: [intlOffset(formatter, RULES_FIRST)] };
  let current = rules.offset[0] as number;
  for (let t = RULES_FIRST; t < RULES_LAST; t += RULES_STEP) {
    const next = t + RULES_STEP;
    const o = intlOffset(formatter, next);
    if (o === current) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(formatter, mid) === current) lo = mid;
      else hi = mid;
    }
    rules.from.push(hi);
    rules.offset.push(o);
    current = o;
  }
  zoneRules.set(tz, rules);
  return rules;
}

/**
 * The offset of a time zone from UTC at an instant, by the zone's real rules. Unknown zone ids
 * count as GMT, as Java's TimeZone.getTimeZone (behind Utilities.formatDate) does.
 */
export function zoneOffsetMs(tz: string, ms: number): number {
  if (tz === 'JST') return JST_OFFSET_MS;
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Etc/UTC' || tz === 'Etc/GMT' || tz === 'Z') return 0;
  const fixed = FIXED_OFFSET.exec(tz);
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    return sign * (Number(fixed[2]) * 3_600_000 + Number(fixed[3] ?? 0) * 60_000);
  }
  const formatter = zoneFormatter(tz);
  if (!formatter) return 0;
  if (!(ms >= RULES_FIRST && ms < RULES_LAST)) {
    // Intl refuses instants a Date cannot hold (a serial far beyond 9999-12-31): the nearest one's offset.
    const held = Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, Number.isNaN(ms) ? 0 : ms));
    return intlOffset(formatter, held);
  }
  const { from, offset } = rulesOf(tz, formatter);
  let lo = 0;
  let hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((from[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return offset[lo] as number;
}

/** The offset of Tokyo's clocks from UTC at an instant. */
export function tokyoOffsetMs(ms: number): number {
  return zoneOffsetMs(TOKYO, ms);
}

/** The wall-clock fields of an instant in a time zone (Tokyo by default). */
export function wallClock(ms: number, tz: string = TOKYO): WallClock {
  const shifted = new Date(ms + zoneOffsetMs(tz, ms));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant at which a wall clock in a time zone (Tokyo by default) shows the given fields. */
export function fromWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  tz: string = TOKYO,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return wallToMs(wall, tz);
}

/** A spreadsheet serial number (days since 1899-12-30, Tokyo wall clock) for an instant. */
export function msToSerial(ms: number): number {
  return (ms + tokyoOffsetMs(ms)) / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** The instant a Tokyo wall-clock serial number stands for, to the millisecond. */
export function serialToMs(serial: number): number {
  return wallToMs(Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS));
}

/**
 * The instant at which Tokyo's clocks show a wall-clock time given as milliseconds since
 * 1970-01-01 00:00 on that clock (how .xlsx and serials hold times).
 */
export function wallToMs(wall: number, tz: string = TOKYO): number {
  let ms = wall - zoneOffsetMs(tz, wall - JST_OFFSET_MS);
  ms = wall - zoneOffsetMs(tz, ms);
  return ms;
}

/** Milliseconds since 1970-01-01 00:00 on Tokyo's clocks for an instant (the inverse of wallToMs). */
export function msToWall(ms: number, tz: string = TOKYO): number {
  return ms + zoneOffsetMs(tz, ms);
}

/** True for a Date from any realm (the sandbox's Dates are not `instanceof` this one). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The time of a Date from any realm; NaN for an invalid date. */
export function timeOf(date: Date): number {
  return Date.prototype.getTime.call(date);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(offsetMs: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (offsetMs === 0 && style !== 'Z') return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60_000;
  const hh = pad(Math.floor(minutes / 60), 2);
  const mm = pad(minutes % 60, 2);
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function zoneName(tz: string, offsetMs: number, long: boolean): string {
  if ((tz === TOKYO && offsetMs === JST_OFFSET_MS) || tz === 'JST') return long ? 'Japan Standard Time' : 'JST';
  if (tz === TOKYO && offsetMs === JST_OFFSET_MS + 3_600_000) return long ? 'Japan Daylight Time' : 'JDT';
  if (offsetMs === 0 && /^(UTC|Etc\/UTC)$/.test(tz)) return long ? 'Coordinated Universal Time' : 'UTC';
  if (offsetMs === 0) return long ? 'Greenwich Mean Time' : 'GMT';
  return `GMT${offsetText(offsetMs, 'X3')}`;
}

function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / DAY_MS) + 1;
}

/**
 * Formats an instant with a Java SimpleDateFormat pattern, as Utilities.formatDate does (English
 * month and day names). Letters that SimpleDateFormat does not know throw, as Java does.
 */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const offset = zoneOffsetMs(tz, ms);
  const w = wallClock(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const close = pattern.indexOf("'", i + 1);
      // Java treats an unterminated quote as an error.
      if (close < 0) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      out += pattern.slice(i + 1, close).replace(/''/g, "'");
      i = close + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let count = 1;
    while (pattern[i + count] === ch) count += 1;
    i += count;
    const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (ch) {
      case 'G':
        out += 'AD';
        break;
      case 'y':
      case 'Y':
        out += count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
        break;
      case 'M':
      case 'L':
        out +=
          count >= 4
            ? (MONTHS[w.month - 1] as string)
            : count === 3
              ? (MONTHS[w.month - 1] as string).slice(0, 3)
              : pad(w.month, count);
        break;
      case 'd':
        out += pad(w.day, count);
        break;
      case 'D':
        out += pad(dayOfYear(w), count);
        break;
      case 'E':
        out += count >= 4 ? (WEEKDAYS[w.weekday] as string) : (WEEKDAYS[w.weekday] as string).slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, count);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, count);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, count);
        break;
      case 'K':
        out += pad(w.hour % 12, count);
        break;
      case 'h':
        out += pad(hour12, count);
        break;
      case 'm':
        out += pad(w.minute, count);
        break;
      case 's':
        out += pad(w.second, count);
        break;
      case 'S':
        out += pad(w.millisecond, count);
        break;
      case 'z':
        out += zoneName(tz, offset, count >= 4);
        break;
      case 'Z':
        out += offsetText(offset, 'Z');
        break;
      case 'X':
        out += offsetText(offset, count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
