// The installable triggers through the real bundle: one form-submit trigger per document counting
// 新しい回答 per form (counts only), the scheduled 指標サマリー refresh with no Ui, owners, 自分に引き継ぐ,
// 止める, and failures kept where staff see them.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { TriggerChange, TriggerStatus } from '../../../src/shared/rpc';
import { TRIGGER_KEYS } from '../../../src/core/actions/triggers';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';
import { summarySession } from '../../safety/actions';

const STAFF = 'staff@example.org';
const NEXT = 'tanaka@example.org';

/** A published form sending its responses to this spreadsheet, with one text question. */
function formOf(session: Session, title: string): string {
  const { FormApp, SpreadsheetApp } = session.emu.globals;
  const form = (FormApp.create as (title: string, published: boolean) => GoogleAppsScript.Forms.Form)(title, true);
  form.addTextItem().setTitle('ご意見');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
  return form.getId();
}

function answer(session: Session, formId: string, text: string): void {
  session.emu.forms.submit(formId, { ご意見: text });
}

function status(session: Session): TriggerStatus {
  return rpc<TriggerStatus>(session, 'getTriggerStatus');
}

function documentProperties(session: Session): string {
  return JSON.stringify(session.emu.globals.PropertiesService.getDocumentProperties().getProperties());
}

describe('the form-submit trigger (新しい回答)', () => {
  it('is made once per document, as the current user, however often it is turned on', () => {
    const session = freshSession();
    expect(status(session).answers.state).toBe('off');
    const first = rpc<TriggerChange>(session, 'startAnswerTrigger');
    const again = rpc<TriggerChange>(session, 'startAnswerTrigger');
    expect(session.emu.triggers.map((t) => [t.eventType, t.handlerFunction, t.owner])).toEqual([
      ['ON_FORM_SUBMIT', 'onAnswerSubmitted', STAFF],
    ]);
    expect(first.status.answers).toMatchObject({ state: 'mine', owner: STAFF });
    expect(again.notice.ja).toContain('すでに動いています');
  });

  it('counts new answers per form, named by their response sheets, and keeps no answer anywhere', () => {
    const session = freshSession();
    rpc(session, 'startAnswerTrigger');
    const a = formOf(session, '住民アンケート');
    const b = formOf(session, '活動報告');
    answer(session, a, '西東 花子です。090-1234-5678');
    answer(session, a, '近所の見守りが心配');
    answer(session, b, '田中 一郎');
    expect(session.emu.triggerRuns.map((r) => r.error)).toEqual([null, null, null]);
    const seen = status(session);
    expect(seen.answers.newAnswers.map((n) => [n.form, n.count])).toEqual([
      ['フォームの回答 1', 2],
      ['フォームの回答 2', 1],
    ]);
    expect(seen.answers.lastRun?.ok).toBe(true);
    const stored = documentProperties(session) + session.emu.logs.join('\n');
    for (const text of ['西東', '090-1234-5678', '見守り', '田中']) expect(stored.includes(text), text).toBe(false);
    // 確認済みにする: back to none.
    const cleared = rpc<TriggerChange>(session, 'clearNewAnswers');
    expect(cleared.status.answers.newAnswers).toEqual([]);
  });

  it('makes the same service calls for the 1st and the 200th answer (flat in rows)', () => {
    const session = freshSession();
    rpc(session, 'startAnswerTrigger');
    const form = formOf(session, '住民アンケート');
    const callsOf = (): Record<string, number> => {
      const before = session.emu.stats.byMethod();
      answer(session, form, 'はい');
      const after = session.emu.stats.byMethod();
      return Object.fromEntries(
        Object.entries(after)
          .map(([k, n]) => [k, n - (before[k] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
    };
    const first = callsOf();
    for (let i = 0; i < 198; i++) answer(session, form, `回答${i}`);
    const last = callsOf();
    expect(last).toEqual(first);
    expect(Object.values(first).reduce((x, y) => x + y, 0)).toBeLessThan(30);
    expect(status(session).answers.newAnswers[0]?.count).toBe(200);
  });

  it('shows another account as owner; 自分に引き継ぐ makes the new one, and the old one stops itself at its next run', () => {
    const session = freshSession();
    rpc(session, 'startAnswerTrigger');
    const form = formOf(session, '住民アンケート');
    session.emu.actAs(NEXT);
    expect(status(session).answers).toMatchObject({ state: 'other', owner: STAFF });
    const taken = rpc<TriggerChange>(session, 'startAnswerTrigger');
    expect(taken.status.answers).toMatchObject({ state: 'mine', owner: NEXT });
    expect(taken.notice.ja).toContain(`${STAFF} のトリガーは他のアカウントからは削除できない`);
    // Apps Script lets no account delete another's trigger: both exist until the old one runs.
    expect(session.emu.triggers.map((t) => t.owner)).toEqual([STAFF, NEXT]);
    answer(session, form, 'はい');
    expect(session.emu.triggers.map((t) => t.owner)).toEqual([NEXT]);
    expect(session.emu.triggerRuns.map((r) => [r.owner, r.error])).toEqual([
      [STAFF, null],
      [NEXT, null],
    ]);
    // Counted once, by the new owner's trigger.
    expect(status(session).answers.newAnswers[0]?.count).toBe(1);
  });

  it('止める deletes the own trigger; an answer after it is not counted', () => {
    const session = freshSession();
    rpc(session, 'startAnswerTrigger');
    const form = formOf(session, '住民アンケート');
    const stopped = rpc<TriggerChange>(session, 'stopTrigger', 'answers');
    expect(stopped.status.answers.state).toBe('off');
    expect(session.emu.triggers).toEqual([]);
    answer(session, form, 'はい');
    expect(status(session).answers.newAnswers).toEqual([]);
  });

  it('keeps a failure where the sidebar shows it, until a run succeeds', () => {
    const session = freshSession();
    rpc(session, 'startAnswerTrigger');
    const form = formOf(session, '住民アンケート');
    session.emu.holdDocumentLockElsewhere(true);
    answer(session, form, 'はい');
    session.emu.holdDocumentLockElsewhere(false);
    const failed = status(session).answers;
    expect(failed.lastRun?.ok).toBe(false);
    expect(failed.lastFailure?.message?.ja).toMatch(/他の人|ほかの|ロック|使用中/);
    expect(failed.newAnswers).toEqual([]);
    answer(session, form, 'はい');
    const recovered = status(session).answers;
    expect(recovered.lastFailure).toBeNull();
    expect(recovered.newAnswers[0]?.count).toBe(1);
  });

  it('says a trigger of the current user that is gone (deleted in the dashboard) is missing', () => {
    const session = freshSession();
    rpc(session, 'startAnswerTrigger');
    const { ScriptApp } = session.emu.globals;
    for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
    expect(status(session).answers.state).toBe('missing');
  });
});

describe('the scheduled refresh of 指標サマリー', () => {
  it('is one time-driven trigger per document, daily at the chosen hour or weekly on the chosen day', () => {
    const session = summarySession();
    rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    expect(session.emu.triggers.map((t) => [t.handlerFunction, t.schedule])).toEqual([
      ['onSummarySchedule', { timezone: 'Asia/Tokyo', atHour: 6, everyDays: 1 }],
    ]);
    const weekly = rpc<TriggerChange>(session, 'startSummaryTrigger', { every: 'week', day: 'MONDAY', hour: 7 });
    expect(session.emu.triggers.map((t) => t.schedule)).toEqual([
      { timezone: 'Asia/Tokyo', atHour: 7, onWeekDay: 'MONDAY' },
    ]);
    expect(weekly.status.summary.schedule).toEqual({ every: 'week', day: 'MONDAY', hour: 7 });
    expect(weekly.notice.ja).toContain('毎週月曜日 7時台');
    expect(rpcError(session, 'startSummaryTrigger', { every: 'day', hour: 24 }).code).toBe('rpc.badArguments');
  });

  it('recomputes the summary with no Ui and no active spreadsheet, and says when on the sheet and in the sidebar', () => {
    const session = summarySession();
    const started = rpc<TriggerChange>(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    expect(started.status.summary.owner).toBe(STAFF);
    const uid = session.emu.triggers[0]?.id ?? '';
    const run = session.emu.runClockTrigger(uid);
    expect(run.error).toBeNull();
    expect(session.sandbox.violations).toEqual([]);
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー');
    expect(sheet?.getRange(2, 1).getValue()).not.toBe('');
    expect(sheet?.getRange(1, 1).getNote()).toMatch(/^つなぐ 定期更新: \d{4}-\d\d-\d\d \d\d:\d\d 更新しました。$/);
    const shown = status(session).summary;
    expect(shown.lastRun?.ok).toBe(true);
    expect(shown.lastFailure).toBeNull();
  });

  it('keeps a failure on the sheet and in the sidebar, and the figures as they were', () => {
    const session = summarySession();
    rpc(session, 'runSummary');
    rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    const before = session.emu.sheetValues('指標サマリー');
    // 指標定義 with an unknown source: the summary refuses, naming row and column.
    const definitions = session.emu.sheetValues('指標定義');
    const header = (definitions[0] ?? []).map(String);
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標定義');
    sheet?.getRange(2, header.indexOf('集計元') + 1).setValue('存在しないシート');
    session.emu.runClockTrigger(session.emu.triggers[0]?.id ?? '');
    const shown = status(session).summary;
    expect(shown.lastRun?.ok).toBe(false);
    expect(shown.lastFailure?.message?.ja).toContain('指標定義');
    const note = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('指標サマリー')
      ?.getRange(1, 1)
      .getNote();
    expect(note).toContain('失敗しました');
    expect(note).toContain('指標定義');
    expect(session.emu.sheetValues('指標サマリー')).toEqual(before);
  });

  it('taken over by another account: the old trigger does nothing and deletes itself when it fires', () => {
    const session = summarySession();
    rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    const old = session.emu.triggers[0]?.id ?? '';
    session.emu.actAs(NEXT);
    rpc(session, 'startSummaryTrigger', { every: 'week', day: 'FRIDAY', hour: 18 });
    session.emu.runClockTrigger(old);
    expect(session.emu.triggers.map((t) => [t.owner, t.schedule?.onWeekDay])).toEqual([[NEXT, 'FRIDAY']]);
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー')).toBeNull();
    expect(status(session).summary).toMatchObject({ state: 'mine', owner: NEXT, lastRun: null });
  });

  it('止める by another account unregisters it; the owner’s trigger then stops itself', () => {
    const session = summarySession();
    rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    session.emu.actAs(NEXT);
    const stopped = rpc<TriggerChange>(session, 'stopTrigger', 'summary');
    expect(stopped.notice.ja).toContain('次に動いたときに何もせず自分で止まります');
    expect(stopped.status.summary.state).toBe('off');
    session.emu.runClockTrigger(session.emu.triggers[0]?.id ?? '');
    expect(session.emu.triggers).toEqual([]);
  });

  it('keeps only counts, times, owners and messages in the document properties', () => {
    const session = summarySession();
    rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    session.emu.runClockTrigger(session.emu.triggers[0]?.id ?? '');
    const props = session.emu.globals.PropertiesService.getDocumentProperties().getProperties();
    const ours = Object.keys(props).filter((k) => k.startsWith('tsunagu.trigger') || k === TRIGGER_KEYS.spreadsheetId);
    expect(ours.sort()).toEqual([TRIGGER_KEYS.spreadsheetId, TRIGGER_KEYS.summary, TRIGGER_KEYS.summaryRuns].sort());
    const names = session.emu
      .sheetValues('ボランティア名簿')
      .slice(1, 20)
      .map((r) => String(r[1]));
    const stored = JSON.stringify(props);
    for (const name of names) expect(stored.includes(name), name).toBe(false);
  });
});
