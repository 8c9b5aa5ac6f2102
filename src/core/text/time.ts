/** Defines parseHours: a duration cell (活動時間) in hours, from '2時間', '90分', '1.5h' or '10:00〜12:00'. */
import { normalizeText } from './normalize';

export type HoursParse =
  { readonly ok: true; readonly hours: number } | { readonly ok: false; readonly reason: 'blank' | 'unrecognised' };

const HOURS = /^(\d+(?:\.\d+)?)(?:時間|h|hr|hrs|hour|hours)?$/;
const HOURS_MINUTES = /^(\d+)時間(\d{1,2})分$/;
const MINUTES = /^(\d+)(?:分|min|mins|minutes?)$/;
const CLOCK_DURATION = /^(\d{1,3}):(\d{2})$/;
const TIME_OF_DAY = '(\\d{1,2})(?::(\\d{2})|時(?:(\\d{1,2})分|(半))?)';
const SPACES = /\s+/g;
const RANGE = new RegExp(`^${TIME_OF_DAY}(?:-|~|〜|から)${TIME_OF_DAY}$`);

/** Minutes since midnight from one TIME_OF_DAY match: hour, ':mm', '時mm分', '時半'. */
function minutesOf(m: RegExpExecArray, at: number): number {
  const [h, mm, kanjiMinutes, half] = [m[at], m[at + 1], m[at + 2], m[at + 3]];
  return (
    Number(h) * 60 +
    (mm !== undefined ? Number(mm) : kanjiMinutes !== undefined ? Number(kanjiMinutes) : half !== undefined ? 30 : 0)
  );
}

/** Hours rounded to 1/1000 so 20分 reads as 0.333. */
function hours(minutes: number): HoursParse {
  return { ok: true, hours: Math.round((minutes / 60) * 1000) / 1000 };
}

/**
 * Reads a duration in hours: a number (hours), '2', '2時間', '1.5h', '2時間30分', '90分', '2:30'
 * (a duration), or a range of times of day '10:00〜12:00' / '10時-12時半' (the difference).
 * A Date is refused: Sheets hands over durations as Dates near 1899-12-30 whose meaning
 * depends on the historical time zone, so callers read the display text instead.
 */
export function parseHours(value: unknown): HoursParse {
  if (value === null || value === undefined) return { ok: false, reason: 'blank' };
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { ok: true, hours: value } : { ok: false, reason: 'unrecognised' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'unrecognised' };
  const t = normalizeText(value).replace(SPACES, '').toLowerCase();
  if (t === '') return { ok: false, reason: 'blank' };
  let m = HOURS.exec(t);
  if (m) return hours(Number(m[1]) * 60);
  m = HOURS_MINUTES.exec(t);
  if (m) return hours(Number(m[1]) * 60 + Number(m[2]));
  m = MINUTES.exec(t);
  if (m) return hours(Number(m[1]));
  m = CLOCK_DURATION.exec(t);
  if (m && Number(m[2]) < 60) return hours(Number(m[1]) * 60 + Number(m[2]));
  m = RANGE.exec(t);
  if (m) {
    const start = minutesOf(m, 1);
    const end = minutesOf(m, 5);
    if (end > start && end <= 24 * 60) return hours(end - start);
  }
  return { ok: false, reason: 'unrecognised' };
}
