// The time budget of アンケート作成's writing actions on a large city council's workbook (tsunagu demo
// --scale large: about 10,000 volunteers): the template, the registrations' candidates, 取り込む /
// 見送る and its undo — each call's estimated Apps Script time under 30 s, held in cells and calls
// (docs/cost.md), and the candidates' calls the same for 10 answers as for 200.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { SurveyBuildView, SurveyCandidatesView } from '../../src/shared/rpc';
import { demoSession, measureRpc, type MeasuredAction } from '../../src/local/budget';
import { EXECUTION_LIMIT_SECONDS, SIDEBAR_BUDGET_SECONDS } from '../../src/local/emulator/index';
import type { Session } from '../../src/local/session';
import { HEADER as LARGE_FORM_HEADER, definitionRows as largeFormRows } from '../../bench/survey';

let session: Session;
let form: SurveyBuildView['forms'][number];

function run<T>(name: string, args: unknown[] = [], label = name): { value: T; action: MeasuredAction } {
  const into: MeasuredAction[] = [];
  const value = measureRpc<T>(session, name, args, into, label);
  return { value, action: into[0] as MeasuredAction };
}

function withinBudget(
  action: MeasuredAction,
  limits: { cellsRead: number; cellsWritten: number; calls: number },
): void {
  const { totals, summary } = action.stats;
  const figures = `${action.action}: ${totals.calls} calls, ${totals.cellsRead} cells read, ${totals.cellsWritten} written, ${totals.commits} commits → ${summary.estimatedSeconds.low}–${summary.estimatedSeconds.high} s`;
  expect(summary.estimatedSeconds.high, figures).toBeLessThan(SIDEBAR_BUDGET_SECONDS);
  expect(summary.estimatedSeconds.high, figures).toBeLessThan(EXECUTION_LIMIT_SECONDS / 10);
  expect(totals.cellsRead, figures).toBeLessThanOrEqual(limits.cellsRead);
  expect(totals.cellsWritten, figures).toBeLessThanOrEqual(limits.cellsWritten);
  expect(totals.calls, figures).toBeLessThanOrEqual(limits.calls);
}

/** Registrations n … n+count-1, a minute apart. */
function register(from: number, count: number): void {
  const title = (id: string): string => form.items.find((i) => i.questionId === id)?.title ?? id;
  const choice = (id: string): string => form.items.find((i) => i.questionId === id)?.choices?.[0]?.value ?? '';
  for (let n = from; n < from + count; n++) {
    session.emu.forms.submit(
      form.id,
      {
        [title('氏名')]: `登録 ${n}号`,
        [title('生年月日')]: new Date('1970-01-01T00:00:00+09:00'),
        [title('性別')]: choice('性別'),
        [title('住所')]: `立川市曙町${n}`,
        [title('電話番号')]: `042-100-${String(n).padStart(4, '0')}`,
        [title('活動分野')]: [choice('活動分野')],
        [title('保険')]: choice('保険'),
        [title('個人情報同意')]: [choice('個人情報同意')],
      },
      { timestamp: new Date(Date.UTC(2026, 10, 1) + n * 60_000) },
    );
  }
}

beforeAll(() => {
  session = demoSession('large');
}, 600_000);

describe('アンケート作成 within budget on the large workbook', () => {
  it('テンプレートを書き込む: the rows in one block, not three calls a column', () => {
    const { action } = run('writeSurveyTemplate', ['ボランティア登録']);
    withinBudget(action, { cellsRead: 5_000, cellsWritten: 1_500, calls: 200 });
    const built = run<SurveyBuildView>('buildForms').value;
    form = built.forms.find((f) => f.language === 'ja') as SurveyBuildView['forms'][number];
    expect(form).toBeTruthy();
  });

  it('the candidates: calls flat in the number of answers, within budget with 10,000 on the roster', () => {
    register(0, 10);
    const few = run<SurveyCandidatesView>('previewSurveyCandidates', [], 'previewSurveyCandidates (10)');
    register(10, 190);
    const many = run<SurveyCandidatesView>('previewSurveyCandidates', [], 'previewSurveyCandidates (200)');
    expect(many.value.counts.new).toBe(200);
    expect(many.action.stats.totals.calls, 'the same calls for 10 answers as for 200').toBe(
      few.action.stats.totals.calls,
    );
    withinBudget(many.action, { cellsRead: 100_000, cellsWritten: 0, calls: 220 });
  });

  it('取り込む / 見送る (the most one decision takes) and its undo', () => {
    const list = run<SurveyCandidatesView>('previewSurveyCandidates').value.candidates;
    const accept = list.slice(0, 80).map((c) => c.responseId);
    const decline = list.slice(80, 100).map((c) => c.responseId);
    const decided = run('decideSurveyCandidates', [{ accept, decline }]);
    withinBudget(decided.action, { cellsRead: 60_000, cellsWritten: 5_000, calls: 320 });
    // 元に戻す puts the rows back as blocks (a few calls a block, not three a column), and purges
    // the history with the 履歴保存日数 the last action recorded: no sheet's first rows to find 設定.
    const undone = run('undoLast');
    withinBudget(undone.action, { cellsRead: 60_000, cellsWritten: 5_000, calls: 240 });
    const { summary } = undone.action.stats;
    expect(summary.estimatedSeconds.high, 'with margin under the 30 s budget').toBeLessThan(25);
  });

  it('フォームを作成・更新 of a 60-question form in 4 languages goes in parts, every part within 30 s (the last writes フォーム一覧)', () => {
    // アンケート定義 now holds only the bench's large survey (the registration forms built above stay in Drive).
    session.emu.setSheetValues('アンケート定義', [LARGE_FORM_HEADER, ...largeFormRows()]);
    const parts: MeasuredAction[] = [];
    let view: SurveyBuildView | null = null;
    while (view === null || (view.remaining ?? 0) > 0) {
      const part = run<SurveyBuildView>('buildForms', [{ removeMissing: false, recreate: false, inParts: true }]);
      view = part.value;
      expect(view.built).toBe(true);
      parts.push(part.action);
      expect(parts.length, 'parts').toBeLessThanOrEqual(30);
    }
    const lines = parts.map((p, i) => {
      const { totals, summary } = p.stats;
      return `part ${i + 1}: ${totals.calls} calls, ${totals.cellsRead} cells read, ${totals.cellsWritten} written → ${summary.estimatedSeconds.low}–${summary.estimatedSeconds.high} s`;
    });
    const calls = parts.reduce((n, p) => n + p.stats.totals.calls, 0);
    console.log(
      `buildForms in parts, 60 questions × 4 languages on the large workbook (${calls} calls):\n${lines.join('\n')}`,
    );
    const last = parts.at(-1) as MeasuredAction;
    for (const part of parts.slice(0, -1)) withinBudget(part, { cellsRead: 5_000, cellsWritten: 0, calls: 330 });
    // The last part writes フォーム一覧 and marks the response sheets: within the budget since the
    // shared sheet lookup stopped re-reading the sheet list per scratch sheet (docs/cost.md).
    withinBudget(last, { cellsRead: 5_000, cellsWritten: 1_000, calls: 300 });
    expect(view.forms.map((f) => f.language).sort()).toEqual(['en', 'ja', 'ja-yasashii', 'zh']);
    expect(view.forms.every((f) => f.outcome === 'made' && f.pending === 0)).toBe(true);
    expect(view.listSheet).toBe('フォーム一覧');
  });
});
