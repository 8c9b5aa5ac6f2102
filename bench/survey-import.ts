/**
 * Bench: bringing 5,000 form responses back, through the real bundle on the emulator — 回答の取り込み
 * of a resident survey (アンケート回答: the first import and the next one, 50 answers later) and the candidates of 5,000
 * volunteer registrations (read, checked against the roster) — beside the peer the issue names:
 * FormApp's own responses, read with Form.getResponses() and then call by call per response and per
 * answer (getTimestamp, getItemResponses, getItem, getTitle, getResponse), as the emulator counts
 * them. Service calls and the cost model's estimated Apps Script time (docs/cost.md); the same at
 * 500 responses shows the calls flat in the number of responses. The survey's first import writes
 * every answer (in parts when they are many); the next adds only what is new or edited.
 */
import { performance } from 'node:perf_hooks';
import type { BuiltFormView, RpcEnvelope, SurveyBuildView } from '../src/shared/rpc';
import type { FormAnswer } from '../src/local/emulator/form-respond';
import { SIDEBAR_BUDGET_SECONDS } from '../src/local/emulator/index';
import { measureRpc, type MeasuredAction } from '../src/local/budget';
import { Session } from '../src/local/session';

/** Answers every question of a form with its first choice (the first row and column of a grid, a number, a date). */
function answersOf(form: BuiltFormView, i: number): Record<string, FormAnswer> {
  const out: Record<string, FormAnswer> = {};
  for (const item of form.items) {
    const first = item.choices?.[0]?.value ?? '';
    switch (item.type) {
      case 'singleChoice':
      case 'dropdown':
        out[item.title] = item.choices?.[i % (item.choices.length || 1)]?.value ?? first;
        break;
      case 'multipleChoice':
        out[item.title] = [first];
        break;
      case 'choiceGrid':
      case 'checkboxGrid':
        out[item.title] = Object.fromEntries((item.rows ?? []).map((r) => [r, item.columns?.[0] ?? '']));
        break;
      case 'scale':
        out[item.title] = 3;
        break;
      case 'date':
        out[item.title] = new Date('1970-04-01T00:00:00+09:00');
        break;
      default:
        break;
    }
  }
  return out;
}

function build(template: string, formName: string): { session: Session; form: BuiltFormView } {
  const session = Session.create('bench');
  session.run('setupSheets');
  session.run('writeSurveyTemplate', template, formName);
  const built = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
  if (!built.ok) throw new Error(built.error.en);
  const form = built.value.forms.find((f) => f.language === 'ja');
  if (!form) throw new Error('no Japanese form');
  session.emu.endExecution();
  return { session, form };
}

/** n responses submitted as respondents would (each checked by the form, each a row of the response sheet). */
function answer(
  session: Session,
  form: BuiltFormView,
  n: number,
  extra: (i: number) => Record<string, FormAnswer> = () => ({}),
  from = 0,
): void {
  for (let i = from; i < from + n; i++) {
    session.emu.forms.submit(
      form.id,
      { ...answersOf(form, i), ...extra(i) },
      {
        timestamp: new Date(Date.UTC(2026, 5, 1, 0, 0, i)),
      },
    );
  }
}

/** A respondent edits their first answer: its row of the response sheet changes in place (same time, so same 回答ID). */
function editOne(session: Session, formId: string): void {
  const name = session.emu.forms.get(formId)?.destination?.sheetName ?? '';
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error('no response sheet');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const column = header.findIndex((h, c) => c > 0 && typeof sheet.getRange(2, c + 1).getValue() === 'string');
  sheet.getRange(2, column + 1).setValue('その他');
  session.emu.endExecution();
}

/** The peer: every response read through FormApp, one call per response and per answer. */
function peer(session: Session, formId: string): { calls: number; low: number; high: number; ms: number; n: number } {
  const app = session.emu.globals.FormApp as unknown as GoogleAppsScript.Forms.FormApp;
  session.emu.stats.reset();
  const started = performance.now();
  const responses = app.openById(formId).getResponses();
  let answers = 0;
  for (const response of responses) {
    response.getTimestamp();
    for (const item of response.getItemResponses()) {
      item.getItem().getTitle();
      item.getResponse();
      answers++;
    }
  }
  const ms = performance.now() - started;
  const { low, high } = session.emu.stats.estimate();
  return { calls: session.emu.stats.total(), low, high, ms, n: answers };
}

function line(label: string, calls: number, low: number, high: number, ms: number): string {
  const over = high >= SIDEBAR_BUDGET_SECONDS ? `  ← over ${SIDEBAR_BUDGET_SECONDS} s` : '';
  return `${label.padEnd(58)} ${String(calls).padStart(8)} ${`${low.toFixed(1)}–${high.toFixed(1)}`.padStart(14)} ${ms.toFixed(0).padStart(8)}${over}`;
}

function measured(m: MeasuredAction): [number, number, number, number] {
  return [m.stats.totals.calls, m.stats.summary.estimatedSeconds.low, m.stats.summary.estimatedSeconds.high, m.nodeMs];
}

export function benchSurveyImport(): void {
  console.log('\n## アンケート: bringing responses back (the bundle on the emulator) beside FormApp.getResponses()');
  console.log(`${'step'.padEnd(58)} ${'calls'.padStart(8)} ${'Apps Script s'.padStart(14)} ${'node ms'.padStart(8)}`);
  for (const n of [500, 5000]) {
    // 住民意識調査 → アンケート回答: every response sheet read in one batched read; the first import
    // writes every answer, in parts the sidebar runs one after another when they are many.
    const survey = build('住民意識調査', '住民意識調査');
    answer(survey.session, survey.form, n);
    let view: { rows: number; remaining: number; added: number; updated: number } = {
      rows: 0,
      remaining: 1,
      added: 0,
      updated: 0,
    };
    for (let part = 1; view.remaining > 0; part++) {
      const out: MeasuredAction[] = [];
      view = measureRpc<typeof view>(survey.session, 'importSurveyAnswers', [], out);
      const of = view.remaining > 0 || part > 1 ? `, part ${part} (${view.rows} of ${view.rows + view.remaining})` : '';
      console.log(
        line(`回答の取り込み 住民意識調査, first, ${n} responses${of}`, ...measured(out[0] as MeasuredAction)),
      );
    }
    if (view.rows !== n) throw new Error(`imported ${view.rows} of ${n}`);
    // The next import: 50 new answers (only they are written, the sheet's 回答ID column read).
    answer(survey.session, survey.form, 50, () => ({}), n);
    const next: MeasuredAction[] = [];
    view = measureRpc<typeof view>(survey.session, 'importSurveyAnswers', [], next);
    if (view.added !== 50 || view.updated !== 0) throw new Error(`added ${view.added}, updated ${view.updated}`);
    console.log(line(`回答の取り込み again: 50 new of ${n + 50}`, ...measured(next[0] as MeasuredAction)));
    // One answer edited since (same response, new answer): only its block of rows is read (and the 回答ID column).
    editOne(survey.session, survey.form.id);
    const edited: MeasuredAction[] = [];
    view = measureRpc<typeof view>(survey.session, 'importSurveyAnswers', [], edited);
    if (view.added !== 0 || view.updated !== 1) throw new Error(`added ${view.added}, updated ${view.updated}`);
    console.log(line(`回答の取り込み again: 1 edited of ${n + 50}`, ...measured(edited[0] as MeasuredAction)));
    const p = peer(survey.session, survey.form.id);
    console.log(line(`  peer: getResponses + per answer (${p.n} answers, reads only)`, p.calls, p.low, p.high, p.ms));

    // ボランティア登録 → candidates: the response sheet read once, every answer checked against the roster.
    const reg = build('ボランティア登録', 'ボランティア登録');
    const title = (id: string): string => reg.form.items.find((i) => i.questionId === id)?.title ?? id;
    answer(reg.session, reg.form, n, (i) => ({
      [title('氏名')]: `登録 太郎${i}`,
      [title('フリガナ')]: 'トウロク タロウ',
      [title('住所')]: `西東京市田無町${(i % 9) + 1}-${(i % 20) + 1}`,
      [title('電話番号')]: `042-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`,
    }));
    const candidates: MeasuredAction[] = [];
    const listed = measureRpc<{ candidates: unknown[] }>(reg.session, 'previewSurveyCandidates', [], candidates);
    if (listed.candidates.length !== n) throw new Error(`listed ${listed.candidates.length} of ${n}`);
    console.log(
      line(
        `候補 ボランティア登録, ${n} responses (read + 検証 + duplicates)`,
        ...measured(candidates[0] as MeasuredAction),
      ),
    );
    const q = peer(reg.session, reg.form.id);
    console.log(line(`  peer: getResponses + per answer (${q.n} answers, reads only)`, q.calls, q.low, q.high, q.ms));
  }
}
