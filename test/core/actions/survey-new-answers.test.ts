// 新しい回答 where staff see them: フォーム一覧's 新しい回答 column follows the form-submit trigger's
// counts, an import brings them down (to 0 once every answer of the form is in), a failed count is
// noted on フォーム一覧 as well as in the sidebar, and a form deleted in Drive is said on its row.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SurveyAnswersView, SurveyBuildView, SurveyCandidatesView, TriggerStatus } from '../../../src/shared/rpc';
import type { FormAnswer } from '../../../src/local/emulator/form-respond';
import { FORM_LIST_HEADER, NEW_ANSWERS_NOTE } from '../../../src/core/actions/survey';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

const NEW = FORM_LIST_HEADER.indexOf('新しい回答');
const STATE = FORM_LIST_HEADER.indexOf('状態');

function built(template: '住民意識調査' | '活動報告'): { session: Session; view: SurveyBuildView } {
  const session = freshSession();
  rpc(session, 'setupSheets');
  rpc(session, 'writeSurveyTemplate', template);
  rpc(session, 'startAnswerTrigger');
  const view = rpc<SurveyBuildView>(session, 'buildForms');
  expect(view.built).toBe(true);
  return { session, view };
}

/** The n-th answer to a form: every required question answered with a choice that depends on n. */
function answer(session: Session, formId: string, n: number): void {
  const form = session.emu.forms.get(formId);
  if (!form) throw new Error(`no form ${formId}`);
  const answers: Record<string, FormAnswer> = {};
  for (const item of form.items) {
    if (!item.required) continue;
    const choices = item.choices ?? [];
    const pick = choices[n % Math.max(choices.length, 1)]?.value ?? '';
    if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') answers[item.title] = pick;
    else if (item.type === 'CHECKBOX') answers[item.title] = [pick];
    else if (item.type === 'SCALE') answers[item.title] = item.lowerBound ?? 1;
    else if (item.type === 'DATE') answers[item.title] = new Date('2026-06-01T00:00:00+09:00');
    else if (/人数|時間/.test(item.title) || /Number|hours/i.test(item.title)) answers[item.title] = String(n + 1);
    else answers[item.title] = `回答${n}`;
  }
  session.emu.forms.submit(formId, answers, { timestamp: new Date(Date.UTC(2026, 5, 1) + n * 60_000) });
}

/** フォーム一覧's 新しい回答 per form id. */
function listed(session: Session): Record<string, unknown> {
  const rows = session.emu.sheetValues('フォーム一覧');
  const id = (rows[0] ?? []).indexOf('フォームID');
  return Object.fromEntries(rows.slice(1).map((r) => [String(r[id]), r[NEW]]));
}

function headingNote(session: Session): string {
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('フォーム一覧');
  return sheet?.getRange(1, NEW + 1).getNote() ?? '';
}

function counts(session: Session): number[] {
  return rpc<TriggerStatus>(session, 'getTriggerStatus').answers.newAnswers.map((n) => n.count);
}

describe('新しい回答 in フォーム一覧', () => {
  it('shows each form’s count beside it as answers come in, and 確認済みにする sets them back to 0', () => {
    const { session, view } = built('住民意識調査');
    const [ja, en] = [view.forms[0]?.id ?? '', view.forms[1]?.id ?? ''];
    expect(listed(session)).toEqual(Object.fromEntries(view.forms.map((f) => [f.id, 0])));
    answer(session, ja, 0);
    answer(session, ja, 1);
    answer(session, en, 2);
    expect(session.emu.triggerRuns.map((r) => r.error)).toEqual([null, null, null]);
    expect(listed(session)).toMatchObject({ [ja]: 2, [en]: 1 });
    // A rebuild writes the same counts.
    rpc(session, 'buildForms');
    expect(listed(session)).toMatchObject({ [ja]: 2, [en]: 1 });
    rpc(session, 'clearNewAnswers');
    expect(Object.values(listed(session)).every((n) => n === 0)).toBe(true);
  });

  it('makes the same service calls for the 2nd and the 30th answer with フォーム一覧 kept up to date', () => {
    const { session, view } = built('住民意識調査');
    const form = view.forms[0]?.id ?? '';
    const callsOf = (n: number): Record<string, number> => {
      const before = session.emu.stats.byMethod();
      answer(session, form, n);
      const after = session.emu.stats.byMethod();
      return Object.fromEntries(
        Object.entries(after)
          .map(([k, c]) => [k, c - (before[k] ?? 0)] as const)
          .filter(([, c]) => c > 0),
      );
    };
    answer(session, form, 0);
    const second = callsOf(1);
    for (let i = 2; i < 29; i++) answer(session, form, i);
    const last = callsOf(29);
    expect(last).toEqual(second);
    const total = Object.values(last).reduce((x, y) => x + y, 0);
    expect(total, 'a handful of calls (docs/triggers.md)').toBeLessThanOrEqual(30);
    session.emu.stats.reset();
    answer(session, form, 30);
    const cost = session.emu.stats.summary();
    console.log(
      `onAnswerSubmitted with フォーム一覧: ${cost.calls} calls, ${cost.cellsRead} cells read, ${cost.cellsWritten} written, ` +
        `${cost.estimatedSeconds.low.toFixed(1)}–${cost.estimatedSeconds.high.toFixed(1)} s`,
    );
    expect(cost.calls).toBe(total);
    expect(listed(session)[form]).toBe(31);
  });

  it('goes to 0 for the resident survey once its answers are imported into アンケート回答', () => {
    const { session, view } = built('住民意識調査');
    const ja = view.forms[0]?.id ?? '';
    for (let i = 0; i < 3; i++) answer(session, ja, i);
    expect(counts(session)).toEqual([3]);
    const imported = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(imported.remaining).toBe(0);
    expect(counts(session)).toEqual([]);
    expect(listed(session)[ja]).toBe(0);
  });

  it('goes down by the answers decided, never above those left to decide', () => {
    const { session, view } = built('活動報告');
    const ja = view.forms.find((f) => f.language === 'ja')?.id ?? '';
    for (let i = 0; i < 3; i++) answer(session, ja, i);
    expect(counts(session)).toEqual([3]);
    const candidates = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates', 'activities').candidates;
    expect(candidates.map((c) => c.status)).toEqual(['new', 'new', 'new']);
    rpc(session, 'decideSurveyCandidates', { accept: [candidates[0]?.responseId], decline: [] });
    expect(counts(session)).toEqual([2]);
    expect(listed(session)[ja]).toBe(2);
    rpc(session, 'decideSurveyCandidates', {
      accept: [],
      decline: [candidates[1]?.responseId, candidates[2]?.responseId],
    });
    expect(counts(session)).toEqual([]);
    expect(listed(session)[ja]).toBe(0);
  });

  it('notes a failed count on フォーム一覧’s 新しい回答 heading, and takes the note away when a count succeeds', () => {
    const { session, view } = built('住民意識調査');
    const form = view.forms[0]?.id ?? '';
    // The count's first write fails (a timeout of the property service, say).
    session.emu.failAtMutation(1);
    answer(session, form, 0);
    session.emu.failAtMutation(null);
    const failed = rpc<TriggerStatus>(session, 'getTriggerStatus').answers;
    expect(failed.lastRun?.ok).toBe(false);
    expect(headingNote(session)).toMatch(new RegExp(`^${NEW_ANSWERS_NOTE}: .* 失敗しました — `));
    expect(headingNote(session)).toContain('この回答は数えていません');
    expect(listed(session)[form]).toBe(0);
    answer(session, form, 1);
    expect(headingNote(session)).toBe('');
    expect(listed(session)[form]).toBe(1);
  });

  it('keeps a note staff wrote on the heading', () => {
    const { session, view } = built('住民意識調査');
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('フォーム一覧');
    sheet?.getRange(1, NEW + 1).setNote('毎週月曜に確認');
    session.emu.failAtMutation(1);
    answer(session, view.forms[0]?.id ?? '', 0);
    session.emu.failAtMutation(null);
    expect(headingNote(session)).toBe('毎週月曜に確認');
    answer(session, view.forms[0]?.id ?? '', 1);
    expect(headingNote(session)).toBe('毎週月曜に確認');
  });

  it('says on the row of a form deleted in Drive that it is gone, with no QR code and its count kept', () => {
    const { session, view } = built('住民意識調査');
    const [ja, en] = [view.forms[0]?.id ?? '', view.forms[1]?.id ?? ''];
    answer(session, en, 0);
    session.emu.forms.deleteInDrive(en);
    rpc(session, 'buildForms');
    const rows = session.emu.sheetValues('フォーム一覧');
    const row = rows.find((r) => r[FORM_LIST_HEADER.indexOf('フォームID')] === en) ?? [];
    expect(row[STATE]).toMatch(/^削除されています/);
    expect(row[FORM_LIST_HEADER.indexOf('QRコード')]).toBe('');
    expect(row[NEW]).toBe(1);
    expect(listed(session)[ja]).toBe(0);
  });
});
