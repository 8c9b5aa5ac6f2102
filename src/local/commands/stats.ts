/** --stats: the Apps Script service calls an action made, the cells they read and wrote, and its estimated Apps Script time. */
import type { CallStats, CostSummary, CostTotals, MethodCost } from '../emulator/index';
import type { Io } from './io';

/** What one action did, taken before the counter is reset for the next one. */
export interface ActionStats {
  methods: Record<string, MethodCost>;
  totals: CostTotals;
  /** What `--json` output carries as "stats". */
  summary: CostSummary;
}

export function takeStats(stats: CallStats): ActionStats {
  return { methods: stats.costByMethod(), totals: stats.totals(), summary: stats.summary() };
}

/** Several executions of one action (a 検証 in parts) as one: their calls, cells and times added up. */
export function addStats(parts: readonly ActionStats[]): ActionStats {
  const methods: Record<string, MethodCost> = {};
  const totals: CostTotals = { calls: 0, cellsRead: 0, cellsWritten: 0, commits: 0 };
  const seconds = { low: 0, high: 0 };
  for (const part of parts) {
    for (const [key, cost] of Object.entries(part.methods)) {
      const sum = (methods[key] ??= { calls: 0, cellsRead: 0, cellsWritten: 0 });
      sum.calls += cost.calls;
      sum.cellsRead += cost.cellsRead;
      sum.cellsWritten += cost.cellsWritten;
    }
    totals.calls += part.totals.calls;
    totals.cellsRead += part.totals.cellsRead;
    totals.cellsWritten += part.totals.cellsWritten;
    totals.commits += part.totals.commits;
    seconds.low += part.summary.estimatedSeconds.low;
    seconds.high += part.summary.estimatedSeconds.high;
  }
  const round = (s: number): number => Math.round(s * 10) / 10;
  const sorted = Object.fromEntries(Object.entries(methods).sort(([a], [b]) => a.localeCompare(b)));
  return {
    methods: sorted,
    totals,
    summary: {
      calls: totals.calls,
      cellsRead: totals.cellsRead,
      cellsWritten: totals.cellsWritten,
      estimatedSeconds: { low: round(seconds.low), high: round(seconds.high) },
    },
  };
}

const n = (value: number): string => value.toLocaleString('en-US');

/** Seconds as the estimate prints them: one decimal. */
export function formatSeconds(seconds: number): string {
  return seconds.toFixed(1);
}

export function printStats(io: Io, action: string, stats: ActionStats): void {
  const { methods, totals, summary } = stats;
  io.out(`サービス呼び出し / service calls (${action}): ${n(totals.calls)}`);
  for (const [method, cost] of Object.entries(methods)) {
    const cells = [
      cost.cellsRead > 0 ? `読 read ${n(cost.cellsRead)}` : '',
      cost.cellsWritten > 0 ? `書 written ${n(cost.cellsWritten)}` : '',
    ]
      .filter((part) => part !== '')
      .join(', ');
    io.out(`  ${method.padEnd(44)} ${String(cost.calls).padStart(6)}${cells ? `   セル cells: ${cells}` : ''}`);
  }
  io.out(
    `セル / cells: 読み取り read ${n(totals.cellsRead)}, 書き込み written ${n(totals.cellsWritten)}; 書き込みの確定 commits of pending writes: ${totals.commits}`,
  );
  const { low, high } = summary.estimatedSeconds;
  io.out(
    `Apps Script での推定時間 / estimated Apps Script time: ${formatSeconds(low)}–${formatSeconds(high)} 秒 s (docs/cost.md)`,
  );
}
