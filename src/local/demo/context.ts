/** BookContext: what every sheet generator shares — the validated options, today, the areas with their demo weights, the fiscal years covered, and seasonal day sampling. */
import {
  epochDay,
  fiscalYearFirstDay,
  fiscalYearLastDay,
  fiscalYearOf,
  isRealDay,
  tokyoEpochDay,
  type PlainDay,
} from './plain-day';
import { Random, type Weighted } from './random';
import type { DemoArea, DemoOptions, LedgerScale } from './types';

export const DEFAULT_TODAY: PlainDay = { year: 2026, month: 11, day: 26 };
export const DEFAULT_SEED = 1;
export const DEFAULT_VOLUNTEERS = 300;
export const DEFAULT_REQUESTS = 120;
export const DEFAULT_CITY = '西東京市';

export interface Place {
  readonly area: DemoArea;
  readonly district: string;
  readonly town: string;
}

export class BookContext {
  readonly seed: number;
  readonly today: number;
  readonly volunteers: number;
  readonly requests: number;
  readonly city: string;
  readonly areas: readonly DemoArea[];
  /** Multipliers of the ledgers' yearly volumes. */
  readonly ledgerScale: Readonly<LedgerScale>;
  /** Relative size of each area (same order as areas); one area is kept small on purpose. */
  readonly areaWeights: readonly number[];
  /** The area with the most residents with foreign roots (more 外国にルーツ consultations). */
  readonly diverseArea: DemoArea;
  /** Today's fiscal year and the two before it, oldest first. */
  readonly fiscalYears: readonly number[];
  private readonly areaChoices: Weighted<DemoArea>;

  constructor(opts: DemoOptions) {
    this.seed = opts.seed ?? DEFAULT_SEED;
    if (!Number.isFinite(this.seed)) throw new RangeError(`demo: seed must be a finite number, got ${opts.seed}`);
    this.volunteers = count('volunteers', opts.volunteers, DEFAULT_VOLUNTEERS);
    this.requests = count('requests', opts.requests, DEFAULT_REQUESTS);
    this.today = resolveToday(opts.today);
    this.city = opts.city ?? DEFAULT_CITY;
    this.areas = checkAreas(opts.areas);
    this.ledgerScale = checkScale(opts.ledgerScale ?? {});

    const rng = this.stream('areas');
    const weights = this.areas.map(() => rng.range(0.75, 1.35));
    if (weights.length > 1) {
      // One 圏域 is much smaller, so its monthly counts fall under the suppression threshold (10)
      // and the summaries have something to hide.
      weights[rng.int(0, weights.length - 1)] = rng.range(0.12, 0.2);
    }
    this.areaWeights = weights;
    this.areaChoices = this.areas.map((a, i) => [a, weights[i] ?? 1] as const);
    this.diverseArea = rng.pick(this.areas);
    const fy = fiscalYearOf(this.today);
    this.fiscalYears = [fy - 2, fy - 1, fy];
  }

  stream(label: string): Random {
    return Random.stream(this.seed, label);
  }

  pickArea(rng: Random): DemoArea {
    return rng.weighted(this.areaChoices);
  }

  pickPlace(rng: Random, area: DemoArea = this.pickArea(rng)): Place {
    return { area, district: rng.pick(area.districts), town: rng.pick(area.towns) };
  }

  /** The days of a fiscal year the demo can have rows for: not after today. */
  fiscalYearSpan(fy: number): { first: number; last: number } {
    return { first: fiscalYearFirstDay(fy), last: Math.min(fiscalYearLastDay(fy), this.today) };
  }
}

function count(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`demo: ${name} must be a whole number ≥ 0, got ${value}`);
  return n;
}

function checkScale(scale: Partial<LedgerScale>): LedgerScale {
  const out: LedgerScale = { donations: 1, memberships: 1, activities: 1, consultations: 1 };
  for (const key of Object.keys(out) as (keyof LedgerScale)[]) {
    const value = scale[key] ?? 1;
    if (!Number.isFinite(value) || value <= 0 || value > 1000) {
      throw new RangeError(`demo: ledgerScale.${key} must be a number above 0 and at most 1000, got ${value}`);
    }
    out[key] = value;
  }
  return out;
}

function resolveToday(today: PlainDay | Date | undefined): number {
  if (today === undefined) return epochDay(DEFAULT_TODAY);
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw new RangeError('demo: today is an invalid Date');
    return tokyoEpochDay(today);
  }
  if (!isRealDay(today)) throw new RangeError(`demo: today is not a real day: ${JSON.stringify(today)}`);
  return epochDay(today);
}

function checkAreas(areas: readonly DemoArea[] | undefined): readonly DemoArea[] {
  if (!areas || areas.length === 0) throw new RangeError('demo: at least one area (圏域) is needed');
  for (const a of areas) {
    if (!a.name || a.districts.length === 0 || a.towns.length === 0) {
      throw new RangeError(`demo: area ${JSON.stringify(a.name)} needs a name, at least one 地区 and one 町名`);
    }
  }
  return areas;
}

/**
 * Draws `n` days from [first, last] with probability proportional to weight(day), sorted.
 * Building the cumulative table costs one pass over the span; each draw is a binary search.
 */
export function sampleDays(
  rng: Random,
  first: number,
  last: number,
  n: number,
  weight: (day: number) => number,
): number[] {
  if (n <= 0 || last < first) return [];
  const cumulative: number[] = [];
  let total = 0;
  for (let d = first; d <= last; d++) {
    total += Math.max(0, weight(d));
    cumulative.push(total);
  }
  if (total === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    out.push(first + lo);
  }
  return out.sort((a, b) => a - b);
}

/** The share of a weight over a whole span that falls on or before `until` (1 when until ≥ last). */
export function shareUntil(first: number, last: number, until: number, weight: (day: number) => number): number {
  let all = 0;
  let before = 0;
  for (let d = first; d <= last; d++) {
    const w = Math.max(0, weight(d));
    all += w;
    if (d <= until) before += w;
  }
  return all === 0 ? 0 : before / all;
}

/** The month (1–12) of an epoch day, cheaply enough for weight functions. */
export function monthOf(day: number): number {
  return new Date(day * 86_400_000).getUTCMonth() + 1;
}

/** The council office is closed from 12/29 to 1/3. */
export function isNewYearHoliday(day: number): boolean {
  const t = new Date(day * 86_400_000);
  const m = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  return (m === 12 && d >= 29) || (m === 1 && d <= 3);
}

/** Left-pads a running number: V-0007; widens instead of overflowing (V-10000). */
export function serial(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}
