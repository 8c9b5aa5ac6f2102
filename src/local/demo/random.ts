/** Random: the demo's seeded pseudo-random source (sfc32, seeded through FNV-1a and splitmix32), one independent stream per label. */

/** 32-bit FNV-1a over UTF-16 code units; only used to turn (seed, label) into a starting state. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 spreads one 32-bit state over sfc32's four words, so nearby seeds give unrelated streams. */
function splitmix32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * A long weighted list drawn from many times: its running totals are kept, so a draw is a binary
 * search instead of a walk through the list. With whole-number weights it draws exactly what
 * Random.weighted draws from the same list.
 */
export class WeightedTable<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: Weighted<T>) {
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => {
      total += w;
      this.cumulative[i] = total;
    });
  }

  get total(): number {
    return this.cumulative[this.cumulative.length - 1] ?? 0;
  }

  /** The first entry whose running total exceeds r (the last one when none does). */
  at(r: number): T {
    if (this.values.length === 0) throw new RangeError('Random.weighted from an empty list');
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * Each sheet draws from its own stream, so asking for more volunteers does not reshuffle the
   * donation ledger: the streams depend only on the seed and the label.
   */
  static stream(seed: number, label: string): Random {
    if (!Number.isFinite(seed)) throw new RangeError(`demo seed must be a finite number, got ${seed}`);
    return new Random(fnv1a(`${seed}|${label}`));
  }

  private constructor(state: number) {
    const mix = splitmix32(state);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // sfc32's first outputs still show the seed's structure; its authors discard a dozen.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError('Random.weighted from an empty list');
    return last[0];
  }

  /** A draw from a WeightedTable: one next(), as weighted() takes. */
  fromTable<T>(table: WeightedTable<T>): T {
    return table.at(this.next() * table.total);
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** Up to k distinct items, drawn by weight without replacement. */
  weightedDistinct<T>(entries: Weighted<T>, k: number): T[] {
    const pool = entries.filter(([, w]) => w > 0).slice();
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const value = this.weighted(pool);
      out.push(value);
      pool.splice(
        pool.findIndex(([v]) => v === value),
        1,
      );
    }
    return out;
  }

  /** A standard normal draw (Box–Muller), for amounts and durations that cluster around a typical value. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
