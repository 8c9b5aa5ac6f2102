// 回答の取り込み（アンケート回答） on a sheet written before: only the answers not yet in it are added,
// an answer edited in the form since is written again in place, removed answers are cleared — and
// the sheet always ends as a first import of the same answers would write it.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SurveyAnswersView, SurveyBuildView } from '../../../src/shared/rpc';
import type { FormAnswer } from '../../../src/local/emulator/form-respond';
import { measureRpc, type MeasuredAction } from '../../../src/local/budget';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

function book(session: Session): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
}

function built(): { session: Session; ja: string; en: string } {
  const session = freshSession();
  rpc(session, 'setupSheets');
  rpc(session, 'writeSurveyTemplate', '住民意識調査');
  const view = rpc<SurveyBuildView>(session, 'buildForms');
  return {
    session,
    ja: view.forms.find((f) => f.language === 'ja')?.id ?? '',
    en: view.forms.find((f) => f.language === 'en')?.id ?? '',
  };
}

/** The n-th answer: every required question with a choice that depends on n, a minute after the one before. */
function answer(session: Session, formId: string, n: number, extra: Record<string, FormAnswer> = {}): void {
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
    else answers[item.title] = `回答${n}`;
  }
  session.emu.forms.submit(
    formId,
    { ...answers, ...extra },
    { timestamp: new Date(Date.UTC(2026, 5, 1) + n * 60_000) },
  );
}

function measured(session: Session): { view: SurveyAnswersView; action: MeasuredAction } {
  const into: MeasuredAction[] = [];
  const view = measureRpc<SurveyAnswersView>(session, 'importSurveyAnswers', [], into);
  return { view, action: into[0] as MeasuredAction };
}

/** アンケート回答 as a first import writes it now: the sheet deleted and imported again. */
function writtenAnew(session: Session): unknown[][] {
  const sheet = book(session).getSheetByName('アンケート回答');
  if (sheet) book(session).deleteSheet(sheet);
  const view = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
  expect(view.remaining).toBe(0);
  return session.emu.sheetValues('アンケート回答');
}

function responseSheet(session: Session, formId: string): GoogleAppsScript.Spreadsheet.Sheet {
  const name = session.emu.forms.get(formId)?.destination?.sheetName ?? '';
  const sheet = book(session).getSheetByName(name);
  if (!sheet) throw new Error(`no response sheet of ${formId}`);
  return sheet;
}

describe('importSurveyAnswers on アンケート回答 written before', () => {
  it('adds only the answers not yet in the sheet, writing only their cells', () => {
    const { session, ja, en } = built();
    for (let n = 0; n < 30; n++) answer(session, n % 3 === 0 ? en : ja, n);
    const first = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(first).toMatchObject({ rows: 30, added: 30, updated: 0, removed: 0, remaining: 0 });
    const width = (session.emu.sheetValues('アンケート回答')[0] ?? []).length;

    answer(session, ja, 30);
    answer(session, en, 31);
    const { view, action } = measured(session);
    expect(view).toMatchObject({ sheet: 'アンケート回答', rows: 32, added: 2, updated: 0, removed: 0, remaining: 0 });
    // Two rows and the text formats of their three text columns: nothing of the 30 rows before.
    expect(action.stats.totals.cellsWritten, 'cells written for two new answers').toBe(2 * width + 2 * 3);

    const nothingNew = measured(session);
    expect(nothingNew.view).toMatchObject({ rows: 32, added: 0, updated: 0, remaining: 0 });
    expect(nothingNew.action.stats.totals.cellsWritten, 'nothing new: nothing written').toBe(0);

    const incremental = session.emu.sheetValues('アンケート回答');
    const rows = incremental.slice(1);
    expect(rows.map((r) => r[0])).toEqual([...new Set(rows.map((r) => r[0]))]);
    expect(rows.map((r) => r[3]).slice(-2)).toEqual(['日本語', '英語']);
    expect(incremental).toEqual(writtenAnew(session));
  });

  it('writes an answer edited in the form again in place (same 回答ID, new values)', () => {
    const { session, ja } = built();
    for (let n = 0; n < 5; n++) answer(session, ja, n, { あなたの年代: '30代' });
    rpc(session, 'importSurveyAnswers');
    const header = session.emu.sheetValues('アンケート回答')[0] ?? [];
    const age = header.indexOf('年代');
    // The respondent changes the answer of the third response: the response sheet's row changes in place.
    const responses = responseSheet(session, ja);
    const columns = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0] ?? [];
    responses.getRange(4, columns.indexOf('あなたの年代') + 1).setValue('70代');
    answer(session, ja, 5, { あなたの年代: '40代' });

    const { view, action } = measured(session);
    expect(view).toMatchObject({ rows: 6, added: 1, updated: 1, removed: 0, remaining: 0 });
    expect(action.stats.totals.cellsWritten, 'one row again, one added').toBeLessThanOrEqual(2 * header.length + 3);
    const rows = session.emu.sheetValues('アンケート回答').slice(1);
    expect(rows.map((r) => r[age])).toEqual(['30代', '30代', '70代', '30代', '30代', '40代']);
    expect(session.emu.sheetValues('アンケート回答')).toEqual(writtenAnew(session));
  });

  it('reads only the blocks of rows whose answers changed (and the 回答ID column), not the whole sheet', () => {
    const { session, ja } = built();
    const count = 1000;
    for (let n = 0; n < count; n++) answer(session, ja, n, { あなたの年代: '30代' });
    let view = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    while (view.remaining > 0) view = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    const header = session.emu.sheetValues('アンケート回答')[0] ?? [];
    const age = header.indexOf('年代');
    const responses = responseSheet(session, ja);
    const columns = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0] ?? [];
    // Two answers edited in place, in two blocks of 250 rows (the 201st and the 301st response).
    responses.getRange(202, columns.indexOf('あなたの年代') + 1).setValue('70代');
    responses.getRange(302, columns.indexOf('あなたの年代') + 1).setValue('20代');

    const { view: again, action } = measured(session);
    expect(again).toMatchObject({ rows: count, added: 0, updated: 2, removed: 0, remaining: 0 });
    const read = action.stats.methods['Range.getValues']?.cellsRead ?? 0;
    // The response sheet (one batched read), then of アンケート回答 the 回答ID column, the header and the
    // two blocks — not its 1,000 rows of every column.
    const blocksRead = count * columns.length + (count + 1) + header.length + 2 * 250 * header.length;
    const wholeRead = count * columns.length + (count + 1) * header.length;
    expect(read, 'cells of getValues').toBeLessThanOrEqual(blocksRead + 600);
    expect(read, 'less than reading the whole sheet').toBeLessThan(wholeRead);
    const rows = session.emu.sheetValues('アンケート回答').slice(1);
    expect([rows[200]?.[age], rows[300]?.[age], rows[201]?.[age]]).toEqual(['70代', '20代', '30代']);
    const incremental = session.emu.sheetValues('アンケート回答');
    const sheet = book(session).getSheetByName('アンケート回答');
    if (sheet) book(session).deleteSheet(sheet);
    while (rpc<SurveyAnswersView>(session, 'importSurveyAnswers').remaining > 0);
    expect(incremental).toEqual(session.emu.sheetValues('アンケート回答'));
  });

  it('clears the rows of answers removed from the response sheet, the later ones moved up', () => {
    const { session, ja } = built();
    for (let n = 0; n < 6; n++) answer(session, ja, n);
    rpc(session, 'importSurveyAnswers');
    const before = session.emu.sheetValues('アンケート回答').slice(1);
    responseSheet(session, ja).deleteRow(3);

    const view = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(view).toMatchObject({ rows: 5, added: 0, updated: 4, removed: 1, remaining: 0 });
    const after = session.emu.sheetValues('アンケート回答');
    expect(after.slice(1).map((r) => r[0])).toEqual([0, 2, 3, 4, 5].map((i) => before[i]?.[0]));
    expect(after).toEqual(writtenAnew(session));
  });

  it("writes the sheet anew when its columns are not the answers' own (a staff column beside them)", () => {
    const { session, ja } = built();
    for (let n = 0; n < 3; n++) answer(session, ja, n);
    rpc(session, 'importSurveyAnswers');
    const sheet = book(session).getSheetByName('アンケート回答');
    // Staff put a column of their own beside the answers: a rewrite clears it, as it always did.
    sheet?.getRange(1, (sheet?.getLastColumn() ?? 0) + 1).setValue('メモ');
    const view = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(view).toMatchObject({ rows: 3, added: 3, remaining: 0 });
    expect(session.emu.sheetValues('アンケート回答')).toEqual(writtenAnew(session));
  });

  it('previewSurveyAnswers says what the next import adds, without writing', () => {
    const { session, ja } = built();
    for (let n = 0; n < 3; n++) answer(session, ja, n);
    rpc(session, 'importSurveyAnswers');
    answer(session, ja, 3);
    const before = session.emu.sheetValues('アンケート回答');
    const preview = rpc<SurveyAnswersView>(session, 'previewSurveyAnswers');
    expect(preview).toMatchObject({ sheet: null, rows: 4, added: 1, updated: 0, remaining: 0 });
    expect(session.emu.sheetValues('アンケート回答')).toEqual(before);
  });
});
