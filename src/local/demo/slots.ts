/** The 活動可能日時 / 希望日時 grammar the demo writes: day parts (月…日, 平日, 土日) joined to 午前/午後/夜間/終日, e.g. 月午前、土日終日. */
import type { Random, Weighted } from './random';

const DAY_ORDER = ['月', '火', '水', '木', '金', '土', '日', '平日', '土日'];

/** 土日 covers 土 and 日, 平日 covers 月–金: nobody writes 土終日 next to 土日午後. */
function overlaps(a: string, b: string): boolean {
  const covers = (wide: string, day: string): boolean =>
    (wide === '土日' && (day === '土' || day === '日')) || (wide === '平日' && '月火水木金'.includes(day));
  return a === b || covers(a, b) || covers(b, a);
}

export function isWeekdayPart(day: string): boolean {
  return day !== '土' && day !== '日' && day !== '土日';
}

/**
 * Up to `n` slots with distinct, non-overlapping day parts, in calendar order. `timeFor` picks
 * the time of day for a chosen day part, so callers can make weekday evenings likelier for
 * working people.
 */
export function pickSlots(rng: Random, days: Weighted<string>, n: number, timeFor: (day: string) => string): string[] {
  const chosen = new Map<string, string>();
  for (let attempt = 0; chosen.size < n && attempt < 20; attempt++) {
    const day = rng.weighted(days);
    if ([...chosen.keys()].some((d) => overlaps(d, day))) continue;
    chosen.set(day, timeFor(day));
  }
  return [...chosen.entries()]
    .sort(([a], [b]) => DAY_ORDER.indexOf(a) - DAY_ORDER.indexOf(b))
    .map(([day, time]) => day + time);
}
