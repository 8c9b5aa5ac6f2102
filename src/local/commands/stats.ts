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
