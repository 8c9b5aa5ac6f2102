// The trigger handlers' writes under a failure at each of their mutating calls (docs/safety.md): the
// scheduled refresh leaves 指標サマリー as it was or wholly refreshed and records which; the
// form-submit trigger counts the answer or records that it did not — never half of either.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { TriggerStatus } from '../../src/shared/rpc';
import type { Session } from '../../src/local/session';
import { harnessSession, HARNESS_NOW } from '../support/fault-harness';
import { rpc } from '../local/helpers/session';
import { answeredSurveySession, scheduledPartsSession, summarizedSession } from './actions';

function status(session: Session): TriggerStatus {
  return rpc<TriggerStatus>(session, 'getTriggerStatus');
}

function scheduled(): { session: Session; uid: string } {
  const session = summarizedSession();
  rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
  // A new 相談記録 row, so that a refresh changes figures.
  const rows = session.emu.sheetValues('相談記録');
  session.emu.setSheetValues('相談記録', [...rows, ...rows.slice(1, 40)] as never);
  return { session, uid: session.emu.triggers[0]?.id ?? '' };
}

describe('the scheduled refresh, failing at each of its mutating calls', () => {
  it('leaves 指標サマリー as it was or wholly refreshed, and the sidebar says which', () => {
    const clean = scheduled();
    const before = clean.session.emu.sheetValues('指標サマリー');
    clean.session.emu.failAtMutation(null);
    expect(clean.session.emu.runClockTrigger(clean.uid).error).toBeNull();
    const after = clean.session.emu.sheetValues('指標サマリー');
    const calls = clean.session.emu.mutations.length;
    expect(after).not.toEqual(before);
    expect(calls).toBeGreaterThan(3);
    const problems: string[] = [];
    for (let n = 1; n <= calls; n++) {
      const { session, uid } = scheduled();
      session.emu.failAtMutation(n);
      session.emu.runClockTrigger(uid);
      session.emu.failAtMutation(null);
      const now = session.emu.sheetValues('指標サマリー');
      const last = status(session).summary.lastRun;
      const call = session.emu.mutations[n - 1] ?? '?';
      if (JSON.stringify(now) === JSON.stringify(before)) {
        if (last?.ok !== false) problems.push(`${n} (${call}): as before, but the run is not shown failed`);
      } else if (JSON.stringify(now) === JSON.stringify(after)) {
        if (last?.ok === false && !/更新しましたが/.test(last.message?.ja ?? ''))
          problems.push(`${n} (${call}): refreshed, but shown as failed without saying it was refreshed`);
      } else {
        problems.push(`${n} (${call}): 指標サマリー half refreshed`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** The document property of the registered 定期更新 trigger. */
function registered(session: Session): { uid: string; run?: { runId: string | null } } | null {
  const text = session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.trigger.summary');
  return text === null ? null : JSON.parse(text);
}

describe('the scheduled refresh in parts, failing at each mutating call of an execution', () => {
  // Each execution is the start, a part or the last part, then the hand-on to the next one-off
  // trigger (or the recurring one made again) and the record. Whatever call fails: 指標サマリー is as
  // it was or wholly refreshed, the account never holds two time-driven triggers, the refresh either
  // goes on from a registered trigger or says it failed — and carrying on firing (the next day when
  // it failed; turned on again when the sidebar says the trigger is gone) refreshes it in the end.
  for (const at of ['start', 'middle', 'last'] as const) {
    it(`${at === 'start' ? 'the trigger’s start' : at === 'middle' ? 'a middle part (a continuation)' : 'the last part'}`, () => {
      const clean = scheduledPartsSession(at);
      const before = clean.session.emu.sheetValues('指標サマリー');
      clean.session.emu.failAtMutation(null);
      expect(clean.fire().error).toBeNull();
      const calls = clean.session.emu.mutations.length;
      expect(calls).toBeGreaterThan(2);
      // Carried on to the end without faults: the refreshed sheet.
      let guard = 0;
      while (registered(clean.session)?.run && guard++ < 30) clean.fire();
      const after = clean.session.emu.sheetValues('指標サマリー');
      expect(after).not.toEqual(before);
      expect(status(clean.session).summary.lastRun?.ok).toBe(true);
      const table = (rows: unknown[][]): string =>
        JSON.stringify(rows.map((r) => (String(r[0]).startsWith('最終更新') ? [] : r)));
      const problems: string[] = [];
      for (let n = 1; n <= calls; n++) {
        const { session, fire, later } = scheduledPartsSession(at);
        session.emu.failAtMutation(n);
        const run = fire();
        const call = session.emu.mutations[n - 1] ?? '?';
        session.emu.failAtMutation(null);
        const where = `${at}, fault at call ${n} of ${calls} (${call})`;
        if (run.error !== null) problems.push(`${where}: the handler threw ${run.error}`);
        const now = table(session.emu.sheetValues('指標サマリー'));
        if (now !== table(before) && now !== table(after)) problems.push(`${where}: 指標サマリー half refreshed`);
        const clocks = session.emu.triggers.filter((t) => t.eventType === 'CLOCK');
        if (clocks.length > 1) problems.push(`${where}: ${clocks.length} time-driven triggers`);
        const reg = registered(session);
        const live = reg !== null && clocks.some((t) => t.id === reg.uid);
        const shown = status(session).summary;
        if (!live && shown.lastRun?.ok !== false)
          problems.push(`${where}: no trigger goes on, and no failure is shown`);
        // Carried on: the next firings (a day later after a failure), or turned on again.
        for (let step = 0; step < 40 && problems.length === 0; step++) {
          const state = status(session).summary;
          if (state.lastRun?.ok === true && !registered(session)?.run) break;
          if (state.state === 'missing') rpc(session, 'startSummaryTrigger', { every: 'day', hour: 12 });
          else if (!registered(session)?.run) later(24 * 3_600_000);
          fire();
        }
        if (table(session.emu.sheetValues('指標サマリー')) !== table(after))
          problems.push(`${where}: carrying on did not refresh 指標サマリー`);
        if (session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun') !== null)
          problems.push(`${where}: a run is left behind`);
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }
});

describe('the form-submit trigger, failing at each of its mutating calls', () => {
  it('counts the answer or keeps that it did not', () => {
    const arrange = (): { session: Session; submit: () => void } => {
      const session = harnessSession();
      rpc(session, 'startAnswerTrigger');
      const { FormApp, SpreadsheetApp } = session.emu.globals;
      const form = (FormApp.create as (title: string, published: boolean) => GoogleAppsScript.Forms.Form)(
        'フォールトテスト',
        true,
      );
      form.addTextItem().setTitle('ご意見');
      form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
      return {
        session,
        submit: () => session.emu.forms.submit(form.getId(), { ご意見: 'はい' }, { timestamp: HARNESS_NOW }),
      };
    };
    const clean = arrange();
    // Submitting writes the response row itself (Forms, not the script): count from the trigger's run.
    clean.session.emu.failAtMutation(null);
    clean.submit();
    const calls = clean.session.emu.mutations.length;
    expect(clean.session.emu.mutations).toContain('Properties.setProperty');
    expect(status(clean.session).answers.newAnswers[0]?.count).toBe(1);
    for (let n = 1; n <= calls; n++) {
      const { session, submit } = arrange();
      session.emu.failAtMutation(n);
      submit();
      session.emu.failAtMutation(null);
      const seen = status(session).answers;
      const counted = seen.newAnswers[0]?.count ?? 0;
      expect([counted, seen.lastRun?.ok], `failing call ${n}`).toEqual(counted === 1 ? [1, true] : [0, false]);
    }
  });
});

describe('the form-submit trigger with フォーム一覧, failing at each of its mutating calls', () => {
  it('counts the answer in the property and フォーム一覧 together, or in neither and says so', () => {
    const arrange = (): { session: Session; submit: () => void; form: string } => {
      const session = answeredSurveySession(true);
      const form = session.emu.forms.all[0]?.id ?? '';
      return {
        session,
        form,
        submit: () =>
          session.emu.forms.submit(form, { 参加しましたか: 'いいえ' }, { timestamp: new Date('2026-11-21T01:00:00Z') }),
      };
    };
    const listed = (session: Session, form: string): unknown => {
      const rows = session.emu.sheetValues('フォーム一覧');
      const header = rows[0] ?? [];
      return rows.find((r) => r[header.indexOf('フォームID')] === form)?.[header.indexOf('新しい回答')];
    };
    const clean = arrange();
    clean.session.emu.failAtMutation(null);
    clean.submit();
    const calls = clean.session.emu.mutations.length;
    expect(listed(clean.session, clean.form)).toBe(2);
    expect(calls).toBeGreaterThan(2);
    for (let n = 1; n <= calls; n++) {
      const { session, submit, form } = arrange();
      session.emu.failAtMutation(n);
      submit();
      session.emu.failAtMutation(null);
      const seen = status(session).answers;
      const counted = seen.newAnswers.find((a) => a.formUrl.includes(form))?.count ?? 0;
      expect([counted, listed(session, form), seen.lastRun?.ok], `failing call ${n}`).toEqual(
        counted === 2 ? [2, 2, true] : [1, 1, false],
      );
    }
  });
});
