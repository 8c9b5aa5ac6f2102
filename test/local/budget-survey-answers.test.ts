// 回答の取り込み（アンケート回答） at 5,000 responses of 住民意識調査, in cells and calls (docs/cost.md): the
// first import in parts, each within the sidebar's 30 s; the next one, 50 answers later, writing
// only the new rows; and the sheet in the end as one import of every answer would write it.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { BuiltFormView, RpcEnvelope, SurveyAnswersView, SurveyBuildView } from '../../src/shared/rpc';
import type { FormAnswer } from '../../src/local/emulator/form-respond';
import { measureRpc, type MeasuredAction } from '../../src/local/budget';
import { SIDEBAR_BUDGET_SECONDS } from '../../src/local/emulator/index';
import { Session } from '../../src/local/session';

const RESPONSES = 5000;
let session: Session;
let form: BuiltFormView;

function answers(from: number, count: number): void {
  for (let i = from; i < from + count; i++) {
    const out: Record<string, FormAnswer> = {};
    for (const item of form.items) {
      const choices = item.choices ?? [];
      if (item.type === 'singleChoice' || item.type === 'dropdown')
        out[item.title] = choices[i % Math.max(choices.length, 1)]?.value ?? '';
      else if (item.type === 'multipleChoice') out[item.title] = [choices[0]?.value ?? ''];
      else if (item.type === 'scale') out[item.title] = 3;
    }
    session.emu.forms.submit(form.id, out, { timestamp: new Date(Date.UTC(2026, 5, 1) + i * 1000) });
  }
}

function importOnce(): { view: SurveyAnswersView; action: MeasuredAction } {
  const into: MeasuredAction[] = [];
  const view = measureRpc<SurveyAnswersView>(session, 'importSurveyAnswers', [], into);
  return { view, action: into[0] as MeasuredAction };
}

function figures(a: MeasuredAction): string {
  const { totals, summary } = a.stats;
  return `${totals.calls} calls, ${totals.cellsRead} cells read, ${totals.cellsWritten} written → ${summary.estimatedSeconds.low}–${summary.estimatedSeconds.high} s`;
}

beforeAll(() => {
  session = Session.create('アンケート回答の予算');
  session.run('setupSheets');
  session.run('writeSurveyTemplate', '住民意識調査', '住民意識調査');
  const built = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
  if (!built.ok) throw new Error(built.error.en);
  form = built.value.forms.find((f) => f.language === 'ja') as BuiltFormView;
  session.emu.endExecution();
  answers(0, RESPONSES);
}, 300_000);

describe('回答の取り込み（アンケート回答） within budget at 5,000 responses', () => {
  let width = 0;

  it('the first import goes in parts, each within 30 s, together every answer once, oldest first', () => {
    let view: SurveyAnswersView | null = null;
    const parts: MeasuredAction[] = [];
    while (view === null || view.remaining > 0) {
      const part = importOnce();
      expect(part.view.added, `part ${parts.length + 1} adds answers`).toBeGreaterThan(0);
      parts.push(part.action);
      view = part.view;
      expect(parts.length, 'parts').toBeLessThanOrEqual(10);
    }
    for (const [i, part] of parts.entries()) {
      const what = `part ${i + 1}: ${figures(part)}`;
      expect(part.stats.summary.estimatedSeconds.high, what).toBeLessThan(SIDEBAR_BUDGET_SECONDS);
      expect(part.stats.totals.cellsWritten, what).toBeLessThanOrEqual(12_000);
      expect(part.stats.totals.calls, what).toBeLessThanOrEqual(220);
    }
    expect(view.rows).toBe(RESPONSES);
    const sheet = session.emu.sheetValues('アンケート回答');
    width = (sheet[0] ?? []).length;
    const ids = sheet.slice(1).map((r) => String(r[0]));
    expect(ids.length).toBe(RESPONSES);
    expect(new Set(ids).size).toBe(RESPONSES);
    const times = sheet.slice(1).map((r) => (r[1] instanceof Date ? r[1].getTime() : NaN));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
  });

  it('the next import, 50 answers later, writes only their rows and reads only the 回答ID column of the sheet', () => {
    answers(RESPONSES, 50);
    const { view, action } = importOnce();
    expect(view).toMatchObject({ rows: RESPONSES + 50, added: 50, updated: 0, remaining: 0 });
    const what = figures(action);
    expect(action.stats.summary.estimatedSeconds.high, what).toBeLessThan(SIDEBAR_BUDGET_SECONDS);
    // The 50 rows and their three text columns' formats — nothing of the 5,000 before.
    expect(action.stats.totals.cellsWritten, what).toBe(50 * width + 50 * 3);
    expect(action.stats.totals.calls, what).toBeLessThanOrEqual(220);
  });

  it('nothing new: nothing written', () => {
    const { view, action } = importOnce();
    expect(view).toMatchObject({ rows: RESPONSES + 50, added: 0, updated: 0, remaining: 0 });
    expect(action.stats.totals.cellsWritten, figures(action)).toBe(0);
  });

  it('one answer edited in its response sheet: its row written again, reading only its block of アンケート回答', () => {
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const responses = book.getSheetByName(session.emu.forms.get(form.id)?.destination?.sheetName ?? '');
    if (!responses) throw new Error('no response sheet');
    const titles = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0] ?? [];
    const item = form.items.find((i) => i.type === 'singleChoice' && (i.choices?.length ?? 0) > 1);
    if (!item) throw new Error('no choice question');
    const column = titles.indexOf(item.title) + 1;
    const cell = responses.getRange(2502, column);
    const other = item.choices?.find((c) => c.value !== cell.getValue())?.value ?? '';
    cell.setValue(other);
    session.emu.endExecution();
    const { view, action } = importOnce();
    expect(view).toMatchObject({ rows: RESPONSES + 50, added: 0, updated: 1, removed: 0, remaining: 0 });
    const what = figures(action);
    console.log(`edited answer at ${RESPONSES + 50} rows: ${what}`);
    expect(action.stats.summary.estimatedSeconds.high, what).toBeLessThan(SIDEBAR_BUDGET_SECONDS);
    // Of アンケート回答: its 回答ID column, its header and one block of 250 rows — not its 5,050 rows.
    expect(action.stats.totals.cellsWritten, what).toBe(width);
    expect(action.stats.totals.calls, what).toBeLessThanOrEqual(220);
    expect(session.emu.sheetValues('アンケート回答')[2501]?.includes(other)).toBe(true);
  });
});
