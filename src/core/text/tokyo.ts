/** Defines tokyoOffsetMs and tokyoDayNumber: an instant's offset and calendar day in Asia/Tokyo by the zone's real rules (summer time 1948–1951 included). */

/**
 * Japan Standard Time, UTC+9. Japan kept summer time (UTC+10) from May 1948 to September 1951,
 * and Tokyo's clocks ran on local mean time (UTC+9:18:59) before 1888: Sheets hands a date cell
 * of those days over as midnight of that clock, so a fixed +9 h reads some of them as the day
 * before. The offsets come from the time-zone database through Intl, which Apps Script's V8 has.
 */
export const JST_OFFSET_MS = 9 * 3_600_000;
const MS_PER_DAY = 86_400_000;
const HOUR = 3_600_000;
/**
 * Offsets are looked up once per block of 364 days, sampled every 28 days, and each change found
 * is located to the second. A rule that lasted less than four weeks would be missed: Tokyo never
 * had one (its summer time lasted four months or more each year).
 */
const SAMPLE = 28 * MS_PER_DAY;
const BLOCK = 13 * SAMPLE;
/** Intl handles years 1–9999 of the proleptic Gregorian calendar, like PlainDate. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;

/** Offsets within one block: constant (a number), or changing at the instants in `from`. */
interface Changes {
  readonly from: readonly number[];
  readonly offset: readonly number[];
}

let formatter: Intl.DateTimeFormat | null | undefined;
const blocks = new Map<number, number | Changes>();

function tokyoFormatter(): Intl.DateTimeFormat | null {
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: 'Asia/Tokyo',
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
  }
  return formatter;
}

const FORMATTED = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** The offset at one instant (whole seconds), asked of Intl; JST when Intl cannot say. */
function offsetFromIntl(ms: number): number {
  const f = tokyoFormatter();
  if (f === null) return JST_OFFSET_MS;
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  const m = FORMATTED.exec(f.format(whole));
  if (!m) return JST_OFFSET_MS;
  const hour = Number(m[4]) % 24;
  const wall = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), hour, Number(m[5]), Number(m[6]));
  // Date.UTC reads years 0–99 as 1900–1999; those years are outside what staff enter.
  const offset = wall - whole;
  return Number.isFinite(offset) && Math.abs(offset) < 15 * HOUR ? offset : JST_OFFSET_MS;
}

/** The first instant in (lo, hi] whose offset is not `before`, to the second. */
function changeBetween(lo: number, hi: number, before: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetFromIntl(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function blockOffsets(start: number): number | Changes {
  const from: number[] = [start];
  const offset: number[] = [offsetFromIntl(start)];
  let t = start;
  let current = offset[0] as number;
  while (t < start + BLOCK) {
    const next = Math.min(t + SAMPLE, start + BLOCK - 1000);
    const o = offsetFromIntl(next);
    if (o !== current) {
      from.push(changeBetween(t, next, current));
      offset.push(o);
      current = o;
    }
    if (next === start + BLOCK - 1000) break;
    t = next;
  }
  return from.length === 1 ? (offset[0] as number) : { from, offset };
}

/** The offset of Tokyo's clocks from UTC at an instant (ms since 1970): +9 h, +10 h in the 1948–51 summers, +9:18:59 before 1888. */
export function tokyoOffsetMs(ms: number): number {
  if (!(ms >= MIN_MS && ms <= MAX_MS)) return JST_OFFSET_MS;
  const key = Math.floor(ms / BLOCK);
  let found = blocks.get(key);
  if (found === undefined) {
    found = blockOffsets(key * BLOCK);
    blocks.set(key, found);
  }
  if (typeof found === 'number') return found;
  let o = found.offset[0] as number;
  for (let i = 1; i < found.from.length && ms >= (found.from[i] as number); i++) o = found.offset[i] as number;
  return o;
}

/** The calendar day (days since 1970-01-01) of an instant on Tokyo's clocks. */
export function tokyoDayNumber(ms: number): number {
  return Math.floor((ms + tokyoOffsetMs(ms)) / MS_PER_DAY);
}

/** The instant of midnight at the start of a day (days since 1970-01-01) on Tokyo's clocks, as Sheets hands over a date cell. */
export function tokyoMidnight(dayNumber: number): number {
  const wall = dayNumber * MS_PER_DAY;
  const first = wall - tokyoOffsetMs(wall - JST_OFFSET_MS);
  return wall - tokyoOffsetMs(first);
}
