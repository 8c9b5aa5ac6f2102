// 指標サマリー on the large demo workbook: counted in parts the sidebar drives, each call within the
// 30 s budget, held in cells and calls — the start, every part, the last part that writes the sheet
// and its charts, a refresh, and 中止. The one-call summary (getSummaryReport for the CLI; the
// scheduled refresh now runs the same parts, test/local/budget-triggers.test.ts) still reads only the
// columns its indicators name.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { demoSession, measureRpc, type MeasuredAction } from '../../src/local/budget';
import { EXECUTION_LIMIT_SECONDS, SIDEBAR_BUDGET_SECONDS } from '../../src/local/emulator/index';
import type { Session } from '../../src/local/session';
import type { SummaryView } from '../../src/shared/rpc';
import { runSummary } from '../../src/core/actions/summary';
import { portsFor } from './helpers/ports';
import { rpc } from './helpers/session';
import { takeStats } from '../../src/local/commands/stats';

let session: Session;
const measured: MeasuredAction[] = [];

/** 指標サマリーを更新 as the sidebar runs it: the start, then every part; the figures of each. */
function inParts(label: string): { view: SummaryView; calls: MeasuredAction[] } {
  const calls: MeasuredAction[] = [];
  let view = measureRpc<SummaryView>(session, 'runSummary', [], calls, `${label} start`);
  while (view.running) {
    const { runId, done, total } = view.running;
    view = measureRpc<SummaryView>(session, 'continueSummary', [runId], calls, `${label} ${done + 1}/${total}`);
  }
  measured.push(...calls);
  return { view, calls };
}

function figures(a: MeasuredAction): string {
  const { totals, summary } = a.stats;
  return `${a.action}: ${totals.calls} calls, ${totals.cellsRead} cells read, ${totals.cellsWritten} written, ${totals.commits} commits → ${summary.estimatedSeconds.low}–${summary.estimatedSeconds.high} s`;
}

function withinBudget(a: MeasuredAction, limits: { cellsRead: number; cellsWritten: number; calls: number }): void {
  const { totals, summary } = a.stats;
  expect(summary.estimatedSeconds.high, figures(a)).toBeLessThan(SIDEBAR_BUDGET_SECONDS);
  expect(summary.estimatedSeconds.high, figures(a)).toBeLessThan(EXECUTION_LIMIT_SECONDS / 10);
  expect(totals.cellsRead, figures(a)).toBeLessThanOrEqual(limits.cellsRead);
  expect(totals.cellsWritten, figures(a)).toBeLessThanOrEqual(limits.cellsWritten);
  expect(totals.calls, figures(a)).toBeLessThanOrEqual(limits.calls);
}

let first: ReturnType<typeof inParts>;
let again: ReturnType<typeof inParts>;

beforeAll(() => {
  session = demoSession('large');
  measureRpc(session, 'getSummaryReport', [null, false], measured, 'report');
  first = inParts('first');
  again = inParts('again');
  console.log(measured.map(figures).join('\n'));
}, 600_000);

function chartCalls(m: MeasuredAction): number {
  let calls = 0;
  for (const [key, cost] of Object.entries(m.stats.methods)) if (/Chart|ContainerInfo/.test(key)) calls += cost.calls;
  return calls;
}

describe('指標サマリー in parts on the large workbook', () => {
  it('starts a run in parts: the start reads the sheets’ first rows, 設定 and 指標定義 only', () => {
    const start = first.calls[0] as MeasuredAction;
    withinBudget(start, { cellsRead: 3_000, cellsWritten: 10, calls: 160 });
    expect(first.calls.length, 'the start, the parts and the last').toBeGreaterThan(8);
  });

  it('counts every slice within the budget, each part reading a bounded number of cells', () => {
    for (const part of [...first.calls.slice(1, -1), ...again.calls.slice(1, -1)])
      withinBudget(part, { cellsRead: 200_000, cellsWritten: 200, calls: 80 });
  });

  it('writes the sheet and its charts in the last part, within the budget', () => {
    const last = first.calls[first.calls.length - 1] as MeasuredAction;
    const refresh = again.calls[again.calls.length - 1] as MeasuredAction;
    withinBudget(last, { cellsRead: 25_000, cellsWritten: 10_000, calls: 300 });
    withinBudget(refresh, { cellsRead: 40_000, cellsWritten: 20_000, calls: 300 });
    expect(first.view.indicators).toBeGreaterThan(20);
    expect(again.view.running ?? null).toBeNull();
    expect(last.stats.methods['Sheet.insertChart']?.calls).toBe(8);
    expect(chartCalls(last), `${chartCalls(last)} chart calls on the first run`).toBeLessThanOrEqual(8 * 14 + 1);
    expect(refresh.stats.methods['Sheet.insertChart']?.calls ?? 0).toBe(0);
    expect(refresh.stats.methods['Sheet.updateChart']?.calls ?? 0).toBe(0);
    expect(chartCalls(refresh), `${chartCalls(refresh)} chart calls on a refresh`).toBeLessThanOrEqual(9);
  });

  it('writes, in parts, what the summary made in one call writes (the same sheet, cell for cell)', () => {
    const inParts = session.emu.sheetValues('指標サマリー');
    const charts = session.emu.sheetValues('指標サマリーグラフ');
    runSummary(portsFor(session.emu));
    const stamp = (rows: unknown[][]): unknown[][] => rows.map((r) => (String(r[0]).startsWith('最終更新') ? [] : r));
    expect(stamp(inParts)).toEqual(stamp(session.emu.sheetValues('指標サマリー')));
    expect(charts).toEqual(session.emu.sheetValues('指標サマリーグラフ'));
  });

  it('報告書を開く counts the same parts; its last part opens the dialog within the budget', () => {
    const calls: MeasuredAction[] = [];
    let opened = measureRpc<{ running?: SummaryView['running'] }>(
      session,
      'openSummaryReport',
      [null],
      calls,
      'report start',
    );
    while (opened.running)
      opened = measureRpc<SummaryView>(session, 'continueSummary', [opened.running.runId], calls, 'report part');
    withinBudget(calls[0] as MeasuredAction, { cellsRead: 3_000, cellsWritten: 10, calls: 200 });
    for (const part of calls.slice(1)) withinBudget(part, { cellsRead: 200_000, cellsWritten: 200, calls: 250 });
    const last = calls[calls.length - 1] as MeasuredAction;
    console.log(figures(last));
    expect(session.emu.ui.dialogs.some((d) => d.title.startsWith('指標サマリー 報告書'))).toBe(true);
  });

  it('menu 指標サマリーの報告書 plans and opens the sidebar (which then counts the parts) within the budget', () => {
    session.emu.stats.reset();
    session.invoke('menuSummaryReport');
    session.emu.endExecution();
    const menu: MeasuredAction = {
      action: 'menuSummaryReport',
      stats: takeStats(session.emu.stats),
      nodeMs: 0,
      wholeSheet: session.emu.stats.wholeSheetEstimate(),
    };
    console.log(figures(menu));
    withinBudget(menu, { cellsRead: 3_000, cellsWritten: 0, calls: 160 });
    expect(session.emu.ui.sidebar, 'the sidebar drives the parts').not.toBeNull();
    expect(rpc<{ section: string; runNow: boolean }>(session, 'getSidebarState')).toMatchObject({
      section: 'summary',
      runNow: true,
    });
  });

  it('中止 forgets a run within the budget', () => {
    const calls: MeasuredAction[] = [];
    const start = measureRpc<SummaryView>(session, 'runSummary', [], calls, 'start');
    const runId = start.running?.runId as string;
    measureRpc(session, 'continueSummary', [runId], calls, 'a part');
    // The run's state: names, sizes, header rows and where its staged rows are, within a property's 9 KB.
    const state = String(
      session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun'),
    );
    expect(state.length, `${state.length} characters`).toBeLessThan(9_000);
    const stop = measureRpc<{ cancelled: boolean }>(session, 'cancelSummary', [runId], calls, 'cancel');
    expect(stop.cancelled).toBe(true);
    withinBudget(calls[2] as MeasuredAction, { cellsRead: 100, cellsWritten: 10, calls: 40 });
  });

  it('年度確定 and 確定を取り消す count in parts; the start refuses at once, and each call is within the budget', () => {
    const fy = (first.view.closable[0] as { fy: number }).fy;
    for (const action of ['closeFiscalYear', 'reopenFiscalYear'] as const) {
      const calls: MeasuredAction[] = [];
      let view = measureRpc<SummaryView>(session, action, [fy], calls, `${action} start`);
      expect(view.running, action).toBeTruthy();
      while (view.running) {
        const { runId, done, total } = view.running;
        view = measureRpc<SummaryView>(session, 'continueSummary', [runId], calls, `${action} ${done + 1}/${total}`);
      }
      expect(
        view.closed.map((c) => c.fy),
        action,
      ).toEqual(action === 'closeFiscalYear' ? [fy] : []);
      // The start reads the snapshot sheet too (a row per indicator, 圏域 and closed 年度) when there is one.
      withinBudget(calls[0] as MeasuredAction, { cellsRead: 5_000, cellsWritten: 10, calls: 170 });
      for (const part of calls.slice(1, -1)) withinBudget(part, { cellsRead: 200_000, cellsWritten: 200, calls: 80 });
      // The last part writes the snapshot sheet (a row per indicator and 圏域) with the summary and its charts.
      withinBudget(calls[calls.length - 1] as MeasuredAction, { cellsRead: 45_000, cellsWritten: 25_000, calls: 400 });
      console.log(calls.map(figures).join('\n'));
    }
    // Asked again: refused at once by the start, which reads the snapshot sheet only after the first rows.
    const calls: MeasuredAction[] = [];
    expect(() => measureRpc(session, 'reopenFiscalYear', [fy], calls, 'refused')).toThrow(/summary\.notClosed/);
    withinBudget(calls[0] as MeasuredAction, { cellsRead: 5_000, cellsWritten: 0, calls: 170 });
  });

  it('the summary in one call (getSummaryReport) reads only the named columns, well within 6 minutes', () => {
    const report = measured.find((m) => m.action === 'report') as MeasuredAction;
    expect(report.stats.totals.cellsRead, figures(report)).toBeLessThanOrEqual(1_100_000);
    expect(report.stats.summary.estimatedSeconds.high).toBeLessThan(report.wholeSheet.high / 5);
    expect(report.stats.summary.estimatedSeconds.high).toBeLessThan(EXECUTION_LIMIT_SECONDS / 2);
  });
});
