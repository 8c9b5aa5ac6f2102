/**
 * Call counting: the CallStats counter (calls, the cells they read and wrote, the commits of pending
 * writes), the Service base class and countCalls, the one mechanism that counts every service method.
 */
import type { EmulatorContext } from './context';
import {
  NO_CELLS,
  estimateSeconds,
  writeCacheRole,
  type CellCount,
  type CostRange,
  type CostTotals,
} from './cost-model';

/** What one service method did since the last reset: its calls and the cells they read and wrote. */
export interface MethodCost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
}

/** The --json "stats" of an action: its calls, cells, and estimated Apps Script time. */
export interface CostSummary {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  estimatedSeconds: CostRange;
}

/**
 * How many times each service method was called, keyed 'Class.method' (e.g. 'Range.getValues'),
 * the cells those calls read and wrote, and what that would take in real Apps Script.
 */
export interface CallStats {
  count(key: string): number;
  total(): number;
  byMethod(): Record<string, number>;
  /** Calls and cells per method, sorted by method. */
  costByMethod(): Record<string, MethodCost>;
  /** Totals in the cost model's units; a write still pending counts as the commit at the end of the execution. */
  totals(): CostTotals;
  /** The estimated Apps Script time of what was recorded (docs/cost.md). */
  estimate(): CostRange;
  summary(): CostSummary;
  /**
   * The bench's peer: the estimate of the same calls and writes if every read covered its sheet's
   * whole used range — what an action that reads sheets whole, instead of the cells it needs, pays.
   */
  wholeSheetEstimate(): CostRange;
  /** Starts a new measurement, as a new execution starts with nothing pending. */
  reset(): void;
}

export class CallCounter implements CallStats {
  private readonly counts = new Map<string, MethodCost>();
  private commits = 0;
  /** Cells the reads would have read had each covered its sheet's whole used range. */
  private wholeSheetRead = 0;
  /** Writes Apps Script would still hold in its write cache. */
  private pending = false;

  /** Records one script-made call and the cells it reads and writes. */
  add(key: string, cells: CellCount = NO_CELLS): void {
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { calls: 0, cellsRead: 0, cellsWritten: 0 };
      this.counts.set(key, entry);
    }
    entry.calls += 1;
    entry.cellsRead += cells.read;
    entry.cellsWritten += cells.written;
    this.wholeSheetRead += cells.sheet ?? cells.read;
    const role = writeCacheRole(key);
    if (role === 'writes') this.pending = true;
    else if (role === 'commits' && this.pending) {
      this.commits += 1;
      this.pending = false;
    }
  }

  count(key: string): number {
    return this.counts.get(key)?.calls ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const entry of this.counts.values()) sum += entry.calls;
    return sum;
  }

  private sorted(): Array<[string, MethodCost]> {
    return [...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(this.sorted().map(([key, entry]) => [key, entry.calls]));
  }

  costByMethod(): Record<string, MethodCost> {
    return Object.fromEntries(this.sorted().map(([key, entry]) => [key, { ...entry }]));
  }

  totals(): CostTotals {
    let cellsRead = 0;
    let cellsWritten = 0;
    for (const entry of this.counts.values()) {
      cellsRead += entry.cellsRead;
      cellsWritten += entry.cellsWritten;
    }
    return { calls: this.total(), cellsRead, cellsWritten, commits: this.commits + (this.pending ? 1 : 0) };
  }

  estimate(): CostRange {
    return estimateSeconds(this.totals());
  }

  wholeSheetEstimate(): CostRange {
    return estimateSeconds({ ...this.totals(), cellsRead: this.wholeSheetRead });
  }

  summary(): CostSummary {
    const { calls, cellsRead, cellsWritten } = this.totals();
    return { calls, cellsRead, cellsWritten, estimatedSeconds: this.estimate() };
  }

  reset(): void {
    this.counts.clear();
    this.commits = 0;
    this.wholeSheetRead = 0;
    this.pending = false;
  }
}

/** Every emulated Apps Script object: it knows the emulator it belongs to, so its calls can be counted. */
export abstract class Service {
  constructor(protected readonly ctx: EmulatorContext) {}
}

/**
 * Wraps the listed prototype methods of an emulator class so that each call is counted once as
 * 'className.method'. The list is the same one the class `implements Pick<…>` with, so every
 * supported method is counted and nothing else (private helpers are not).
 * A call made while another service call is running (Range.getValue using getValues, say) is
 * not counted again: the counts are what the script itself asked Apps Script for.
 */
export function countCalls<S extends Service>(
  cls: abstract new (...args: never[]) => S,
  className: string,
  methods: readonly string[],
  /** The cells a call reads and writes, worked out before it runs; none when absent or undefined. */
  cellsOf?: (self: S, method: string, args: readonly unknown[]) => CellCount | undefined,
): void {
  const proto = cls.prototype as unknown as Record<string, unknown>;
  for (const method of methods) {
    const original = proto[method];
    if (typeof original !== 'function') {
      throw new Error(`emulator bug: ${className}.${method} is listed but not implemented`);
    }
    const key = `${className}.${method}`;
    const counted = function (this: Service, ...args: unknown[]): unknown {
      const ctx = (this as unknown as { ctx: EmulatorContext }).ctx;
      const cells = cellsOf ? () => cellsOf(this as S, method, args) : undefined;
      return ctx.call(key, () => (original as (...a: unknown[]) => unknown).apply(this, args), cells);
    };
    Object.defineProperty(counted, 'name', { value: method });
    Object.defineProperty(proto, method, { value: counted, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * An emulator object stands in for the Apps Script interface whose methods it implements (its
 * class `implements Pick<…>` of that interface). Methods outside that subset are absent at run time.
 */
export function asGas<T>(impl: Service): T {
  return impl as unknown as T;
}
