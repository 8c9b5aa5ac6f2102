// 指標サマリー in parts: the same summary, cell for cell, as the summary made in one call — on the
// default demo, the real layouts (計 and ※ rows, sums without a label, two rosters) and slices so
// small that a row of sums is told by the slices above it.
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import { portsFor } from '../../local/helpers/ports';
import { Session } from '../../../src/local/session';
import { demoSession } from '../../../src/local/budget';
import { openSummaryReport, planSummary, runSummary } from '../../../src/core/actions/summary';
import {
  cancelSummaryRun,
  closeOrStart,
  continueSummaryRun,
  SUMMARY_RUN_KEY,
  startSummaryRun,
} from '../../../src/core/actions/summary-parts';
import { newSliceCarry, readSourceSlice, readSourceSheet } from '../../../src/core/actions/summary-read';
import { sheetRows } from '../../../src/core/actions/sheet-rows';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { GasWorkbook } from '../../../src/gas/workbook';
import { Emulator } from '../../../src/local/emulator/index';
import type { SummaryView } from '../../../src/shared/rpc';
import { donationWorkbook, rosterWorkbook, splitRosterWorkbook } from '../../fixtures/real-layouts/workbooks';
import { rpc } from '../../local/helpers/session';

type Build = (session: Session) => void;

/** The summary of a workbook made in one call, and in parts of at most `budget` cells. */
function both(build: Build, budget: number): { whole: Session; parts: Session; view: SummaryView; steps: number } {
  const whole = fresh(build);
  runSummary(portsFor(whole.emu));
  const parts = fresh(build);
  const ports = portsFor(parts.emu);
  let view = startSummaryRun(ports, planSummary(ports), budget);
  if (!view) throw new Error('the workbook fits in one part');
  let steps = 0;
  while (view.running) {
    view = continueSummaryRun(ports, view.running.runId);
    steps++;
  }
  return { whole, parts, view, steps };
}

function sameSheets(whole: Session, parts: Session): void {
  for (const name of ['指標サマリー', '指標サマリーグラフ']) {
    const a = whole.emu.sheetValues(name);
    const b = parts.emu.sheetValues(name);
    expect(b.length, `${name} rows`).toBe(a.length);
    b.forEach((row, r) => expect(row, `${name} row ${r + 1}`).toEqual(a[r]));
  }
}

/** The default demo (a session of its own), or a new workbook the layout builds. */
const DEMO: Build = () => undefined;
function fresh(build: Build): Session {
  if (build === DEMO) return demoSession('default');
  const session = Session.create('つなぐ');
  build(session);
  return session;
}

describe('指標サマリー in parts', () => {
  it('writes on the default demo exactly what the summary made in one call writes', () => {
    const { whole, parts, view, steps } = both(DEMO, 20_000);
    expect(steps, 'several parts').toBeGreaterThan(3);
    sameSheets(whole, parts);
    expect(view.indicators).toBeGreaterThan(20);
    expect(parts.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).toBeNull();
    // The staged counts are gone with the last part; the work sheet keeps its header only.
    expect(parts.emu.sheetValues('指標サマリー作業').length).toBe(1);
  }, 120_000);

  it('writes the same on the real layouts, in slices of a few rows (計 and ※ rows, 和暦 dates, two rosters)', () => {
    for (const layout of [rosterWorkbook, donationWorkbook, splitRosterWorkbook]) {
      const build: Build = (session) => {
        layout(session);
        rpc(session, 'setupSheets');
      };
      const { whole, parts, steps } = both(build, 8);
      expect(steps, layout.name).toBeGreaterThan(2);
      sameSheets(whole, parts);
    }
  }, 120_000);

  it('報告書を開く in parts opens the same report as the one call, and writes no summary', () => {
    const html = (session: Session): string => {
      const dialogs = session.emu.ui.dialogs;
      const last = dialogs[dialogs.length - 1] as { title: string; html: string };
      return `${last.title}\n${last.html}`;
    };
    const whole = fresh(DEMO);
    openSummaryReport(portsFor(whole.emu));
    const parts = fresh(DEMO);
    const ports = portsFor(parts.emu);
    let view = startSummaryRun(ports, planSummary(ports), 20_000, { type: 'report', fy: null });
    while (view?.running) view = continueSummaryRun(ports, view.running.runId);
    expect(html(parts)).toBe(html(whole));
    expect(parts.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー')).toBeNull();
    expect(parts.emu.sheetValues('指標サマリー作業').length).toBe(1);
    expect(parts.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).toBeNull();
  }, 120_000);

  it('報告書を開く: a last part whose tidy-up fails opens no dialog; 続ける opens it once', () => {
    const session = fresh(DEMO);
    const ports = portsFor(session.emu);
    let view = startSummaryRun(ports, planSummary(ports), 20_000, { type: 'report', fy: null });
    while (view?.running && view.running.done < view.running.total - 1)
      view = continueSummaryRun(ports, view.running.runId);
    const runId = view?.running?.runId as string;
    const dialogs = session.emu.ui.dialogs.length;
    session.emu.failAtMutation(1);
    expect(() => continueSummaryRun(ports, runId)).toThrow();
    session.emu.failAtMutation(null);
    expect(session.emu.ui.dialogs.length, 'no dialog after the failed tidy-up').toBe(dialogs);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).not.toBeNull();
    continueSummaryRun(portsFor(session.emu), runId);
    expect(session.emu.ui.dialogs.length, 'one dialog after 続ける').toBe(dialogs + 1);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).toBeNull();
  }, 120_000);

  it('menu 指標サマリーの報告書: sources that need parts open the sidebar at 指標サマリー to count them; no dialog yet', () => {
    const session = fresh(DEMO);
    session.invoke('menuSummaryReport');
    expect(session.emu.ui.dialogs).toEqual([]);
    expect(session.emu.ui.alerts).toEqual([]);
    expect(session.emu.ui.sidebar).not.toBeNull();
    // The sidebar opens at 指標サマリー and starts 報告書を開く there at once, once.
    expect(rpc<{ section: string; runNow: boolean }>(session, 'getSidebarState')).toMatchObject({
      section: 'summary',
      runNow: true,
    });
    expect(rpc<{ runNow: boolean }>(session, 'getSidebarState').runNow).toBe(false);
    // Nothing was started or written by the menu: the sidebar's 報告書を開く starts the run.
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).toBeNull();
  }, 120_000);

  it('menu 指標サマリーの報告書: sources that fit in one call open the report dialog at once', () => {
    const session = fresh((s) => {
      rosterWorkbook(s);
      rpc(s, 'setupSheets');
    });
    session.invoke('menuSummaryReport');
    expect(session.emu.ui.sidebar).toBeNull();
    expect(session.emu.ui.dialogs.map((d) => d.title)).toEqual([expect.stringMatching(/^指標サマリー 報告書/)]);
  });

  it('中止 forgets the run and its staged counts; 指標サマリー is as it was', () => {
    const session = fresh(DEMO);
    const ports = portsFor(session.emu);
    const started = startSummaryRun(ports, planSummary(ports), 20_000);
    const running = started?.running;
    if (!running) throw new Error('not in parts');
    const next = continueSummaryRun(ports, running.runId);
    expect(next.running?.done).toBe(1);
    expect(session.emu.sheetValues('指標サマリー作業').length).toBeGreaterThan(1);
    expect(cancelSummaryRun(ports, running.runId)).toEqual({
      cancelled: true,
      message: {
        ja: '指標サマリーの更新を中止しました。指標サマリーのシートは変えていません。',
        en: 'The summary update was stopped. The summary sheet was not changed.',
      },
    });
    expect(session.emu.sheetValues('指標サマリー作業').length).toBe(1);
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー')).toBeNull();
    expect(() => continueSummaryRun(ports, running.runId)).toThrow(/中止|終わった/);
  }, 120_000);

  it('stops when 指標定義 changes during the run, writing nothing', () => {
    const session = fresh(DEMO);
    const ports = portsFor(session.emu);
    const started = startSummaryRun(ports, planSummary(ports), 20_000);
    const running = started?.running;
    if (!running) throw new Error('not in parts');
    continueSummaryRun(ports, running.runId);
    const rows = session.emu.sheetValues('指標定義');
    (rows[1] as unknown[])[3] = '名前を変えた指標';
    session.emu.setSheetValues('指標定義', rows as never);
    expect(() => continueSummaryRun(ports, running.runId)).toThrow(/指標定義/);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).toBeNull();
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー')).toBeNull();
  }, 120_000);
});

// ───────── 年度確定 and 確定を取り消す in parts ─────────

const CLOSING_SHEET = '指標サマリー年度確定';

/** 年度確定 (or 確定を取り消す) of the 年度, driven through its parts. */
function closeInParts(session: Session, fy: number, reopen: boolean): { view: SummaryView; steps: number } {
  const ports = portsFor(session.emu);
  let view = closeOrStart(ports, fy, reopen, 20_000);
  let steps = 0;
  while (view.running) {
    view = continueSummaryRun(ports, view.running.runId);
    steps++;
  }
  return { view, steps };
}

function sameClosing(whole: Session, parts: Session): number {
  sameSheets(whole, parts);
  const a = whole.emu.sheetValues(CLOSING_SHEET);
  expect(parts.emu.sheetValues(CLOSING_SHEET)).toEqual(a);
  return a.length - 1;
}

describe('年度確定 in parts', () => {
  it('closes and re-opens a 年度 exactly as the one call does (snapshot and summary, cell for cell)', () => {
    const whole = fresh(DEMO);
    const parts = fresh(DEMO);
    const first = runSummary(portsFor(whole.emu));
    runSummary(portsFor(parts.emu));
    const fy = (first.closable[0] as { fy: number }).fy;

    const once = closeOrStart(portsFor(whole.emu), fy, false, 10_000_000);
    expect(once.running ?? null, 'the one call').toBeNull();
    const closed = closeInParts(parts, fy, false);
    expect(closed.steps, 'several parts').toBeGreaterThan(3);
    expect(closed.view.closed.map((c) => c.fy)).toEqual([fy]);
    expect(closed.view.closed).toEqual(once.closed);
    expect(sameClosing(whole, parts), 'a snapshot row per indicator and 圏域').toBeGreaterThan(20);
    expect(parts.emu.globals.PropertiesService.getDocumentProperties().getProperty(SUMMARY_RUN_KEY)).toBeNull();
    expect(parts.emu.sheetValues('指標サマリー作業').length).toBe(1);

    const reopenedOnce = closeOrStart(portsFor(whole.emu), fy, true, 10_000_000);
    const reopened = closeInParts(parts, fy, true);
    expect(reopened.steps).toBeGreaterThan(3);
    expect(reopened.view.closed).toEqual([]);
    expect(reopenedOnce.closed).toEqual([]);
    expect(sameClosing(whole, parts), 'the snapshot rows gone').toBe(0);
  }, 240_000);

  it('refuses at once, before any part, a 年度 closed already, one not closed, or one the summary does not show', () => {
    const session = fresh(DEMO);
    const fy = (runSummary(portsFor(session.emu)).closable[0] as { fy: number }).fy;
    closeInParts(session, fy, false);
    const before = session.emu.sheetValues(CLOSING_SHEET);
    const props = session.emu.globals.PropertiesService.getDocumentProperties();
    // Each call with ports of its own, as each Apps Script execution has.
    expect(() => closeOrStart(portsFor(session.emu), fy, false, 20_000)).toThrow(/すでに確定しています/);
    expect(() => closeOrStart(portsFor(session.emu), fy - 1, true, 20_000)).toThrow(/確定していません/);
    expect(() => closeOrStart(portsFor(session.emu), 2030, false, 20_000)).toThrow(/確定できません/);
    expect(props.getProperty(SUMMARY_RUN_KEY)).toBeNull();
    expect(session.emu.sheetValues(CLOSING_SHEET)).toEqual(before);
  }, 240_000);

  it('a 年度 closed by someone else while the run counts: the last part refuses, writes nothing and ends the run', () => {
    const session = fresh(DEMO);
    const ports = portsFor(session.emu);
    const fy = (runSummary(ports).closable[0] as { fy: number }).fy;
    const started = closeOrStart(ports, fy, false, 20_000);
    const running = started.running;
    if (!running) throw new Error('not in parts');
    let view = continueSummaryRun(ports, running.runId);
    // Another member of staff closes the 年度 meanwhile, in one call (the run goes on).
    const summaryBefore = (): unknown[][] => session.emu.sheetValues('指標サマリー');
    const props = session.emu.globals.PropertiesService.getDocumentProperties();
    expect(closeOrStart(ports, fy, false, 10_000_000).running ?? null).toBeNull();
    expect(props.getProperty(SUMMARY_RUN_KEY)).not.toBeNull();
    const closedSheet = session.emu.sheetValues(CLOSING_SHEET);
    const summarySheet = summaryBefore();
    expect(() => {
      while (view.running) view = continueSummaryRun(ports, view.running.runId);
    }).toThrow(/すでに確定しています/);
    expect(props.getProperty(SUMMARY_RUN_KEY)).toBeNull();
    expect(session.emu.sheetValues(CLOSING_SHEET)).toEqual(closedSheet);
    expect(summaryBefore()).toEqual(summarySheet);
  }, 240_000);

  it('中止 of a 年度確定 in parts closes nothing', () => {
    const session = fresh(DEMO);
    const ports = portsFor(session.emu);
    const fy = (runSummary(ports).closable[0] as { fy: number }).fy;
    const summary = session.emu.sheetValues('指標サマリー');
    const started = closeOrStart(ports, fy, false, 20_000);
    const running = started.running;
    if (!running) throw new Error('not in parts');
    expect(continueSummaryRun(ports, running.runId).running?.message.ja).toMatch(
      /最後に令和\d+年度を確定して指標サマリーを書きます/,
    );
    expect(cancelSummaryRun(ports, running.runId).message.ja).toMatch(
      /^令和\d+年度の確定を中止しました。何も変更していません。$/,
    );
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CLOSING_SHEET)).toBeNull();
    expect(session.emu.sheetValues('指標サマリー')).toEqual(summary);
    expect(session.emu.sheetValues('指標サマリー作業').length).toBe(1);
  }, 240_000);
});

// ───────── slices classify rows as the whole sheet does ─────────

const HEADER = [...SHEET_SPECS.activities.columns.map((c) => c.header), 'メモ欄'];
const at = (day: number): Date => new Date(Date.UTC(2024, 3, 1 + day) - 9 * 3_600_000);
const rowKind = fc.constantFrom('data', 'data', 'data', 'anonymous', 'total', 'note', 'heading', 'sums', 'blank');

function sheetOf(kinds: readonly string[], seed: number): unknown[][] {
  const rows: unknown[][] = [HEADER];
  let n = seed;
  const next = (k: number): number => (n = (n * 1103515245 + 12345) % 2147483648) % k;
  const sums = new Array<number>(HEADER.length).fill(0);
  for (const kind of kinds) {
    const row: unknown[] = new Array<unknown>(HEADER.length).fill('');
    if (kind === 'data' || kind === 'anonymous') {
      if (kind === 'data') {
        row[0] = at(next(300));
        row[4] = `V-${next(40)}`;
      }
      row[1] = ['ふれまち', 'りんく'][next(2)];
      row[2] = ['サロン', '居場所', '見守り訪問'][next(3)];
      row[6] = next(30);
      row[7] = next(4);
      row[10] = next(5);
      for (const c of [6, 7, 10]) sums[c] = (sums[c] as number) + (row[c] as number);
    } else if (kind === 'total') {
      row[next(3)] = '計';
      row[6] = sums[6];
    } else if (kind === 'note') row[0] = '※退会者は別シート';
    else if (kind === 'heading') row[0] = '【北支部】';
    else if (kind === 'sums') for (const c of next(2) === 0 ? [6, 10] : [10]) row[c] = sums[c];
    rows.push(row);
  }
  return rows;
}

describe('readSourceSlice', () => {
  it('classifies every row as a read of the whole sheet does, slice after slice', () => {
    fc.assert(
      fc.property(
        fc.array(rowKind, { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.subarray([1, 2, 6, 7]),
        fc.integer({ min: 1, max: 12 }),
        (kinds, seed, columns, size) => {
          const rows = sheetOf(kinds, seed);
          const emu = Emulator.create('読み取りテスト');
          const app = emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
          const book = app.getActiveSpreadsheet();
          book.getSheetByName('シート1')?.setName('活動記録');
          emu.setSheetValues('活動記録', rows as never);
          const workbook = new GasWorkbook(app, book);
          const mapping = mappingFromDetection(detectHeader(rows) as NonNullable<ReturnType<typeof detectHeader>>);
          const whole = workbook.read('活動記録');
          if (!whole) throw new Error('no sheet');
          const expected = sheetRows(workbook, '活動記録', mapping, whole.values);
          const narrow = readSourceSheet(workbook, '活動記録', mapping, columns);
          expect(narrow?.rows).toEqual(expected);
          const carry = newSliceCarry();
          const data: number[] = [];
          const aside: unknown[] = [];
          const last = whole.values.length;
          for (let first = 2; first <= last; first += size) {
            const got = readSourceSlice(
              workbook,
              '活動記録',
              mapping,
              columns,
              { first, last: Math.min(last, first + size - 1) },
              carry,
            );
            data.push(...(got?.rows.data ?? []));
            aside.push(...(got?.rows.setAside ?? []));
            for (const r of got?.rows.data ?? [])
              for (const c of columns) expect(got?.data.values[r]?.[c], `row ${r + 1}`).toEqual(whole.values[r]?.[c]);
          }
          expect(data, `${kinds.join(',')} in slices of ${size}`).toEqual(expected.data);
          expect(aside).toEqual(expected.setAside);
        },
      ),
      { numRuns: 80 },
    );
  });
});
