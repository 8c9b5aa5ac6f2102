/**
 * Bench: every sidebar action on a large city council's workbook (`tsunagu demo --scale large`) —
 * its service calls, cells read and written, and estimated Apps Script time (docs/cost.md) beside
 * its peer — the same calls with every read covering its sheet's whole used range, what reading
 * sheets whole instead of the cells needed would cost — and the Node time the same action takes
 * here. The budget: each high estimate under 30 s.
 */
import { performance } from 'node:perf_hooks';
import { demoSession, walkSidebar, type MeasuredAction } from '../src/local/budget';
import { SIDEBAR_BUDGET_SECONDS } from '../src/local/emulator/index';
import type { DemoScaleName } from '../src/local/demo/index';

export function printCostTable(title: string, actions: readonly MeasuredAction[]): void {
  console.log(`\n## ${title}`);
  console.log(
    `${'action'.padEnd(28)} ${'calls'.padStart(6)} ${'cells read'.padStart(11)} ${'written'.padStart(9)} ${'commits'.padStart(8)} ${'Apps Script s (low–high)'.padStart(25)} ${'whole-sheet peer s'.padStart(19)} ${'node ms'.padStart(9)}`,
  );
  for (const { action, stats, nodeMs, wholeSheet } of actions) {
    const { totals, summary } = stats;
    const { low, high } = summary.estimatedSeconds;
    const over = high >= SIDEBAR_BUDGET_SECONDS ? '  ← over budget' : '';
    console.log(
      `${action.padEnd(28)} ${String(totals.calls).padStart(6)} ${totals.cellsRead.toLocaleString('en').padStart(11)} ${totals.cellsWritten.toLocaleString('en').padStart(9)} ${String(totals.commits).padStart(8)} ${`${low.toFixed(1)}–${high.toFixed(1)}`.padStart(25)} ${`${wholeSheet.low.toFixed(1)}–${wholeSheet.high.toFixed(1)}`.padStart(19)} ${nodeMs.toFixed(0).padStart(9)}${over}`,
    );
  }
}

export function benchCost(scale: DemoScaleName = 'large'): void {
  const started = performance.now();
  const session = demoSession(scale);
  const built = performance.now() - started;
  const actions = walkSidebar(session);
  printCostTable(
    `every sidebar action on the ${scale} demo workbook (built in ${(built / 1000).toFixed(1)} s): estimated Apps Script time beside Node time; budget: high < ${SIDEBAR_BUDGET_SECONDS} s`,
    actions,
  );
}
