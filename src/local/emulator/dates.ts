/** Time: Asia/Tokyo wall clock ↔ instants, spreadsheet serial numbers, time-zone offsets, and Java SimpleDateFormat (Utilities.formatDate). */

/** The spreadsheet and script time zone. Tokyo has had no daylight saving since 1951, so it is a fixed +9 h. */
export const TOKYO = 'Asia/Tokyo';
export const TOKYO_OFFSET_MS = 9 * 3_600_000;
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

/**
 * The offset of a time zone from UTC at an instant. Unknown zone ids count as GMT, as Java's
 * TimeZone.getTimeZone (behind Utilities.formatDate) does.
 */
export function zoneOffsetMs(tz: string, ms: number): number {
  if (tz === TOKYO || tz === 'JST') return TOKYO_OFFSET_MS;
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Etc/UTC' || tz === 'Etc/GMT' || tz === 'Z') return 0;
  const fixed = FIXED_OFFSET.exec(tz);
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    return sign * (Number(fixed[2]) * 3_600_000 + Number(fixed[3] ?? 0) * 60_000);
  }
  const formatter = zoneFormatter(tz);
  if (!formatter) return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
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
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Two passes settle the offset for zones with daylight saving; Tokyo needs one.
  let ms = utc - zoneOffsetMs(tz, utc);
  ms = utc - zoneOffsetMs(tz, ms);
  return ms;
}

/** A spreadsheet serial number (days since 1899-12-30, Tokyo wall clock) for an instant. */
export function msToSerial(ms: number): number {
  return (ms + TOKYO_OFFSET_MS) / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** The instant a Tokyo wall-clock serial number stands for, to the millisecond. */
export function serialToMs(serial: number): number {
  return Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS) - TOKYO_OFFSET_MS;
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
  if (tz === TOKYO || tz === 'JST') return long ? 'Japan Standard Time' : 'JST';
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
