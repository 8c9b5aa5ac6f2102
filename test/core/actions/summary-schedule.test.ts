// The scheduled 指標サマリー refresh on sources too large for one call (the default demo): a part per
// execution, each handed on to a one-off trigger a minute later, the recurring trigger made way for
// and made again — the same sheet as the one call writes — and the sidebar's own runs, 止める,
// 自分に引き継ぐ and a failed part handled as docs/triggers.md says.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { demoSession } from '../../../src/local/budget';
import { runSummary } from '../../../src/core/actions/summary';
import { SUMMARY_RUN_KEY } from '../../../src/core/actions/summary-parts';
import { CONTINUE_AFTER_MS, LEFT_RUN_MS, TRIGGER_KEYS, WAIT_AFTER_MS } from '../../../src/core/actions/triggers';
import type { TriggerRun } from '../../../src/local/emulator/emulator';
import type { TriggerRecord } from '../../../src/local/emulator/script-app';
import type { Session } from '../../../src/local/session';
import type { SummaryView, TriggerStatus } from '../../../src/shared/rpc';
import { portsFor } from '../../local/helpers/ports';
import { rpc, rpcError } from '../../local/helpers/session';

const STAFF = 'staff@example.org';
const NEXT = 'tanaka@example.org';
/** 2026-11-27 06:00 in Tokyo. */
const SIX = new Date('2026-11-26T21:00:00Z');

interface Clocked {
  session: Session;
  /** Moves the clock the bundle and the emulator read. */
  at: (time: Date) => void;
  now: () => Date;
}

/** The default demo (82,460 named cells: in parts) on a clock the test moves, 定期更新 on daily at 6時. */
function scheduled(): Clocked {
  let clock = SIX;
  const session = demoSession('default', undefined, { now: () => clock });
  rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
  return { session, at: (time) => (clock = time), now: () => clock };
}

function clockTriggers(session: Session, owner = STAFF): TriggerRecord[] {
  return session.emu.triggers.filter((t) => t.eventType === 'CLOCK' && t.owner === owner);
}

function property(session: Session, key: string): string | null {
  return session.emu.globals.PropertiesService.getDocumentProperties().getProperty(key);
}

function status(session: Session): TriggerStatus {
  return rpc<TriggerStatus>(session, 'getTriggerStatus');
}

/** Fires the account's one time-driven trigger when it is due (a one-off at its time; the recurring one at the clock). */
function fire(c: Clocked, owner = STAFF): TriggerRun {
  const mine = clockTriggers(c.session, owner);
  expect(mine.length, 'one time-driven trigger per account and document').toBe(1);
  const trigger = mine[0] as TriggerRecord;
  if (trigger.schedule?.at) c.at(new Date(trigger.schedule.at.getTime()));
  const run = c.session.emu.runClockTrigger(trigger.id);
  expect(run.error, 'the handler never throws').toBeNull();
  return run;
}

/** Fires until the recurring trigger is back; the number of executions. */
function toEnd(c: Clocked): number {
  let executions = 0;
  do {
    fire(c);
    executions++;
  } while (clockTriggers(c.session)[0]?.schedule?.at !== undefined && executions < 40);
  return executions;
}

describe('the scheduled refresh in parts', () => {
  it('runs the start, each part and the last part in executions of their own, a minute apart, and writes what one call writes', () => {
    const c = scheduled();
    const recurring = clockTriggers(c.session)[0]?.id;
    fire(c);
    const first = clockTriggers(c.session)[0] as TriggerRecord;
    expect(first.id).not.toBe(recurring);
    expect(first.schedule).toMatchObject({ afterMs: CONTINUE_AFTER_MS });
    expect(first.schedule?.at?.getTime()).toBe(SIX.getTime() + CONTINUE_AFTER_MS);
    // The sidebar says a refresh is under way, and the trigger is still the account's.
    const mid = status(c.session).summary;
    expect(mid.state).toBe('mine');
    expect(mid.lines.map((l) => l.ja).join('\n')).toMatch(/定期更新の途中です（0\/\d+/);
    expect(property(c.session, SUMMARY_RUN_KEY)).not.toBeNull();
    const executions = 1 + toEnd(c);
    expect(executions, 'the start, the parts and the last').toBeGreaterThanOrEqual(4);
    // The recurring trigger is back with the same schedule; no one-off is left.
    expect(clockTriggers(c.session).map((t) => t.schedule)).toEqual([
      { timezone: 'Asia/Tokyo', atHour: 6, everyDays: 1 },
    ]);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
    expect(c.session.emu.sheetValues('指標サマリー作業').length).toBe(1);
    const shown = status(c.session).summary;
    expect(shown).toMatchObject({ state: 'mine', lastRun: { ok: true }, lastFailure: null });
    expect(shown.lines.map((l) => l.ja).join('\n')).not.toContain('途中');
    const sheet = c.session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー');
    expect(sheet?.getRange(1, 1).getNote()).toMatch(/^つなぐ 定期更新: .* 更新しました。$/);
    // The same sheet as the summary made in one call.
    const inParts = c.session.emu.sheetValues('指標サマリー');
    runSummary(portsFor(c.session.emu));
    const stamp = (rows: unknown[][]): unknown[][] => rows.map((r) => (String(r[0]).startsWith('最終更新') ? [] : r));
    expect(stamp(inParts)).toEqual(stamp(c.session.emu.sheetValues('指標サマリー')));
    expect(c.session.sandbox.violations).toEqual([]);
  }, 120_000);

  it('does nothing when the daily trigger made again fires again within its hour', () => {
    const c = scheduled();
    toEnd(c);
    const before = c.session.emu.mutations.length;
    const recurring = clockTriggers(c.session)[0]?.id;
    fire(c);
    expect(clockTriggers(c.session)[0]?.id).toBe(recurring);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
    expect(c.session.emu.mutations.length).toBe(before);
    // The next day it runs again.
    c.at(new Date(SIX.getTime() + 24 * 3_600_000));
    fire(c);
    expect(clockTriggers(c.session)[0]?.schedule?.afterMs).toBe(CONTINUE_AFTER_MS);
  }, 120_000);

  it('leaves the sidebar’s own run under way to finish, then starts its own', () => {
    const c = scheduled();
    const sidebar = rpc<SummaryView>(c.session, 'runSummary');
    const runId = sidebar.running?.runId as string;
    expect(runId).toBeTruthy();
    c.at(new Date(SIX.getTime() + 60_000));
    fire(c);
    // It waits five minutes; the sidebar's run is untouched and goes on to the end.
    expect(clockTriggers(c.session)[0]?.schedule?.afterMs).toBe(WAIT_AFTER_MS);
    expect(JSON.parse(property(c.session, SUMMARY_RUN_KEY) ?? '{}').id).toBe(runId);
    expect(
      status(c.session)
        .summary.lines.map((l) => l.ja)
        .join('\n'),
    ).toContain('終わるのを待っています');
    let view = sidebar;
    while (view.running) view = rpc<SummaryView>(c.session, 'continueSummary', view.running.runId);
    expect(view.indicators).toBeGreaterThan(20);
    // Then the refresh runs its own, to the end.
    toEnd(c);
    expect(status(c.session).summary.lastRun?.ok).toBe(true);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
  }, 120_000);

  it('replaces a sidebar run left half-way long ago; the sidebar then says it was replaced', () => {
    const c = scheduled();
    c.at(new Date(SIX.getTime() - LEFT_RUN_MS - 60_000));
    const sidebar = rpc<SummaryView>(c.session, 'runSummary');
    rpc(c.session, 'continueSummary', sidebar.running?.runId);
    c.at(SIX);
    fire(c);
    expect(clockTriggers(c.session)[0]?.schedule?.afterMs).toBe(CONTINUE_AFTER_MS);
    const gone = rpcError(c.session, 'continueSummary', sidebar.running?.runId);
    expect(gone.code).toBe('summary.runGone');
    expect(gone.ja).toContain('別の更新に置き換えられました');
    toEnd(c);
    expect(status(c.session).summary.lastRun?.ok).toBe(true);
  }, 120_000);

  it('starts again when the sidebar’s 指標サマリーを更新 replaced its run, after that run ends', () => {
    const c = scheduled();
    fire(c);
    fire(c);
    const sidebar = rpc<SummaryView>(c.session, 'runSummary');
    fire(c);
    expect(clockTriggers(c.session)[0]?.schedule?.afterMs).toBe(WAIT_AFTER_MS);
    let view = sidebar;
    while (view.running) view = rpc<SummaryView>(c.session, 'continueSummary', view.running.runId);
    toEnd(c);
    expect(status(c.session).summary.lastRun?.ok).toBe(true);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
  }, 120_000);

  it('止める mid-run deletes the one-off trigger and forgets the run and its staged counts', () => {
    const c = scheduled();
    fire(c);
    fire(c);
    expect(c.session.emu.sheetValues('指標サマリー作業').length).toBeGreaterThan(1);
    rpc(c.session, 'stopTrigger', 'summary');
    expect(c.session.emu.triggers).toEqual([]);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
    expect(property(c.session, TRIGGER_KEYS.summary)).toBeNull();
    expect(c.session.emu.sheetValues('指標サマリー作業').length).toBe(1);
    expect(c.session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー')).toBeNull();
  }, 120_000);

  it('taken over mid-run by another account: the run goes, and the old one-off deletes itself when it fires', () => {
    const c = scheduled();
    fire(c);
    c.session.emu.actAs(NEXT);
    rpc(c.session, 'startSummaryTrigger', { every: 'day', hour: 7 });
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
    fire(c, STAFF);
    expect(clockTriggers(c.session, STAFF)).toEqual([]);
    expect(clockTriggers(c.session, NEXT).map((t) => t.schedule?.atHour)).toEqual([7]);
    expect(c.session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー')).toBeNull();
    expect(status(c.session).summary).toMatchObject({ state: 'mine', owner: NEXT, lastRun: null });
  }, 120_000);

  it('a part that fails is kept on the sheet and in the sidebar; the run goes and the next firing starts afresh', () => {
    const c = scheduled();
    // The sidebar's run ends first (a sheet to note on).
    let view = rpc<SummaryView>(c.session, 'runSummary');
    while (view.running) view = rpc<SummaryView>(c.session, 'continueSummary', view.running.runId);
    const before = c.session.emu.sheetValues('指標サマリー');
    fire(c);
    // The first part's write fails.
    c.session.emu.failAtMutation(1);
    fire(c);
    c.session.emu.failAtMutation(null);
    const shown = status(c.session).summary;
    expect(shown.lastRun?.ok).toBe(false);
    expect(shown.lastFailure?.message?.ja).toMatch(/1\/\d+ で止まりました。次の定期更新は最初から集計します/);
    expect(shown.lastFailure?.message?.en).toContain('counts from the start');
    const sheet = c.session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー');
    expect(sheet?.getRange(1, 1).getNote()).toContain('失敗しました');
    expect(c.session.emu.sheetValues('指標サマリー')).toEqual(before);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
    expect(clockTriggers(c.session).map((t) => t.schedule?.atHour)).toEqual([6]);
    // The next day's firing runs to the end.
    c.at(new Date(SIX.getTime() + 24 * 3_600_000));
    toEnd(c);
    expect(status(c.session).summary).toMatchObject({ lastRun: { ok: true }, lastFailure: null });
  }, 120_000);

  it('a continuation trigger that cannot be made stops the run and says so; the recurring one is made again', () => {
    const probe = scheduled();
    fire(probe);
    probe.session.emu.failAtMutation(null);
    fire(probe);
    const create = probe.session.emu.mutations.indexOf('ClockTriggerBuilder.create') + 1;
    expect(create).toBeGreaterThan(0);
    const c = scheduled();
    fire(c);
    c.session.emu.failAtMutation(create);
    fire(c);
    c.session.emu.failAtMutation(null);
    const shown = status(c.session).summary;
    expect(shown.lastFailure?.message?.ja).toContain('定期更新を続けるためのトリガーを作れませんでした');
    expect(shown.state).toBe('mine');
    expect(clockTriggers(c.session).map((t) => t.schedule?.atHour)).toEqual([6]);
    expect(property(c.session, SUMMARY_RUN_KEY)).toBeNull();
  }, 120_000);

  it('waits while someone else holds the lock, keeping the part it was at', () => {
    const c = scheduled();
    fire(c);
    const run = JSON.parse(property(c.session, TRIGGER_KEYS.summary) ?? '{}').run;
    c.session.emu.holdDocumentLockElsewhere(true);
    fire(c);
    c.session.emu.holdDocumentLockElsewhere(false);
    const after = JSON.parse(property(c.session, TRIGGER_KEYS.summary) ?? '{}').run;
    expect(after).toMatchObject({ runId: run.runId, done: run.done, waits: 1 });
    expect(clockTriggers(c.session)[0]?.schedule?.afterMs).toBe(WAIT_AFTER_MS);
    toEnd(c);
    expect(status(c.session).summary.lastRun?.ok).toBe(true);
  }, 120_000);
});

describe('the scheduled refresh on sources that fit in one call', () => {
  it('refreshes in its one execution and keeps its recurring trigger', () => {
    const c = scheduled();
    // A small workbook: the demo's ledgers cut to a few rows.
    for (const name of ['活動記録', '寄付台帳', '会費台帳', '相談記録', 'ボランティア名簿', '依頼'])
      c.session.emu.setSheetValues(name, c.session.emu.sheetValues(name).slice(0, 30) as never);
    const recurring = clockTriggers(c.session)[0]?.id;
    fire(c);
    expect(clockTriggers(c.session).map((t) => t.id)).toEqual([recurring]);
    expect(status(c.session).summary.lastRun?.ok).toBe(true);
    expect(c.session.emu.sheetValues('指標サマリー').length).toBeGreaterThan(10);
  }, 120_000);
});
