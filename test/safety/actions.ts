// The writing actions as the fault-injection harness drives them: small workbooks, every action the sidebar can run.
import type {
  FixPreview,
  SummaryView,
  FixResult,
  MatchView,
  RpcEnvelope,
  SurveyBuildView,
  SurveyCandidatesView,
  ValidationView,
} from '../../src/shared/rpc';
import type { FormAnswer } from '../../src/local/emulator/form-respond';
import { buildDemo } from '../../src/local/commands/demo';
import { defaultSettingsRows, parseSettings } from '../../src/core/sheets/settings';
import { generateDemoBook, type DemoBook } from '../../src/local/demo/index';
import type { Session } from '../../src/local/session';
import { CELL_LINK, HARNESS_NOW, harnessSession, type WritingAction } from '../support/fault-harness';
import { rpc } from '../local/helpers/session';
import { portsFor } from '../local/helpers/ports';
import { closingWhole, planSummary } from '../../src/core/actions/summary';
import { day, splitRosterWorkbook } from '../fixtures/real-layouts/workbooks';
import { REPORT, surveyWorkbook } from '../fixtures/real-layouts/survey-workbooks';

const ROSTER_HEADER = [
  '登録番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '電話番号',
  '郵便番号',
  '活動分野',
  '個人情報同意',
  '状態',
];

/** A roster with typical mistakes, staff's own note and fill on one cell, and a formula in another. */
export function rosterSession(options: { now?: () => Date } = {}): Session {
  const session = harnessSession('名簿のフォールトテスト', options);
  rpc(session, 'setupSheets');
  session.emu.setSheetValues('ボランティア名簿', [
    ROSTER_HEADER,
    ['V-001', '佐藤 花子', 'サトウ ハナコ', '1950-05-01', '042-461-1234', '188-0012', '見守り', 'はい', '活動中'],
    [
      'V-002',
      '鈴木 一郎',
      'すずき いちろう',
      '昭和23年5月1日',
      '０９０－１２３４－５６７８',
      '1880013',
      '買い物',
      'はい',
      '活動中',
    ],
    ['V-003', '髙橋 明', 'タカハシ アキラ', 'R1.5.1', '0424611235', '〒188-0014', '', 'はい', '活動中'],
    ['V-004', '田中 次郎', 'たなか じろう', '1960/1/1', '０４２４６１１２３６', '188-0015', '送迎', 'いいえ', '休止'],
  ]);
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿');
  sheet?.getRange(3, 3).setNote('本人に確認中');
  sheet?.getRange(3, 3).setBackground('#d9ead3');
  sheet?.getRange(5, 7).setFormula('=B5&"さん"');
  return session;
}

let demoBook: DemoBook | null = null;

/**
 * A small demo workbook (volunteers, requests, activities, settings) for matching, filled as
 * `tsunagu demo` fills it; the generated rows are made once and reused by every run.
 */
export function demoSession(): Session {
  const session = harnessSession('マッチングのフォールトテスト');
  rpc(session, 'setupSheets');
  const spreadsheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const blank = spreadsheet.getSheetByName('シート1');
  if (blank) spreadsheet.deleteSheet(blank);
  demoBook ??= generateDemoBook({
    seed: 7,
    volunteers: 80,
    requests: 40,
    areas: parseSettings(defaultSettingsRows()).settings.areas,
  });
  // What matching reads, kept small: the roster, the requests and the first activities (for continuity).
  for (const sheet of demoBook.sheets) {
    if (sheet.name === 'ボランティア名簿' || sheet.name === '依頼') {
      session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
    } else if (sheet.name === '活動記録') {
      session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows.slice(0, 40)]);
    }
  }
  spreadsheet.getSheets()[0]?.activate();
  return session;
}

let summaryBook: DemoBook | null = null;

/**
 * A small demo workbook with every ledger the default 指標定義 counts from (activities,
 * consultations, donations, memberships, the roster), filled as `tsunagu demo` fills it.
 */
export function summarySession(): Session {
  const session = harnessSession('指標サマリーのフォールトテスト');
  rpc(session, 'setupSheets');
  const spreadsheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const blank = spreadsheet.getSheetByName('シート1');
  if (blank) spreadsheet.deleteSheet(blank);
  const settings = parseSettings(defaultSettingsRows()).settings;
  summaryBook ??= generateDemoBook({
    seed: 11,
    volunteers: 60,
    requests: 20,
    ledgerScale: { donations: 0.1, memberships: 0.1, activities: 0.1, consultations: 0.1 },
    areas: settings.areas,
    adjacentAreas: settings.adjacentAreas,
  });
  for (const sheet of summaryBook.sheets) session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
  spreadsheet.getSheets()[0]?.activate();
  return session;
}

/** The summary written once, then staff's 評価コメント, 担当 and a column of their own on the first indicator's first 年度 row. */
export function summarizedSession(): Session {
  const session = summarySession();
  rpc(session, 'runSummary');
  const rows = session.emu.sheetValues('指標サマリー');
  const header = (rows[0] ?? []).map(String);
  const r = rows.findIndex((row, i) => i > 0 && /^G1-1$/.test(String(row[0])));
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー');
  sheet?.getRange(r + 1, header.indexOf('評価コメント') + 1).setValue('サロンの新設で増えた');
  sheet?.getRange(r + 1, header.indexOf('担当') + 1).setValue('地域福祉係');
  // A column of staff's own, after ours.
  sheet?.getRange(1, header.length + 1).setValue('理事会報告');
  sheet?.getRange(r + 1, header.length + 1).setValue('12月に報告済み');
  return session;
}

/**
 * The matching demo with a roster as long as a large council's (its rows repeated to 8,000), so
 * that マッチング goes in parts (docs/cost.md): two slices of the roster, the activity log, the last part.
 */
export function matchPartsSession(): Session {
  const session = demoSession();
  const [header, ...rows] = session.emu.sheetValues('ボランティア名簿');
  const longer = [header ?? []];
  for (let i = 0; longer.length <= 8_000; i++) longer.push(rows[i % rows.length] ?? []);
  session.emu.setSheetValues('ボランティア名簿', longer);
  return session;
}

/** The id of the マッチング in parts under way. */
function matchRunId(session: Session): string {
  const run = JSON.parse(
    String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.matchRun')),
  );
  return (run as { id: string }).id;
}

/** matchPartsSession with a マッチング in parts started and run up to (not including) the part after `done` parts, or 'all'. */
function matchPartsDone(done: number | 'last' | 'all'): Session {
  const session = matchPartsSession();
  let view = rpc<MatchView>(session, 'runMatching');
  if (!view.running) throw new Error('the demo is no longer matched in parts');
  const stop = done === 'all' ? Infinity : done === 'last' ? view.running.total - 1 : done;
  if (done !== 'all' && view.running.total < 3) throw new Error('the demo no longer needs three parts');
  while (view.running && view.running.done < stop)
    view = rpc<MatchView>(session, 'continueMatching', view.running.runId);
  return session;
}

/** A demo workbook matched once, with one pair approved. */
export function matchedSession(): { session: Session; view: MatchView } {
  const session = demoSession();
  const view = rpc<MatchView>(session, 'runMatching');
  const pair = view.requests.flatMap((r) => r.pairs)[0];
  if (!pair) throw new Error('the demo has no pair');
  rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
  return { session, view };
}

function sheetOf(session: Session, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/**
 * マッチング結果 after staff worked on it: every pair approved, a メモ, two columns of their own
 * (a 連絡済み check box and a formula reading the pair's 登録番号), a fill on one row — and then
 * the first request is closed (終了) in 依頼, so the next run moves every pair after it up.
 */
export function workedOnSession(): Session {
  const { session, view } = matchedSession();
  const results = sheetOf(session, 'マッチング結果');
  const rows = session.emu.sheetValues('マッチング結果');
  for (const pair of view.requests.flatMap((r) => r.pairs))
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
  results.getRange(1, 12, 1, 2).setValues([['連絡済み', '確認']]);
  const app = session.emu.globals.SpreadsheetApp;
  results.getRange(2, 12, rows.length - 1, 1).setDataValidation(app.newDataValidation().requireCheckbox().build());
  for (let r = 2; r <= rows.length; r++) {
    if (rows[r - 1]?.[3] === '') continue;
    results.getRange(r, 12).setValue(r % 2 === 0);
    results.getRange(r, 13).setFormula(`=D${r}&"さん"`);
  }
  results.getRange(2, 10).setValue('電話済み');
  // A メモ that starts like a formula, typed into the plain-text column: written back, it must stay text.
  results.getRange(rows.length, 10).setValue('=HYPERLINK("https://example.com/?"&E2,"確認")');
  results.getRange(2, 1, 1, 13).setBackground('#fff2cc');
  const first = view.requests.flatMap((r) => r.pairs)[0];
  const requests = session.emu.sheetValues('依頼');
  const header = requests[0] ?? [];
  const row = requests.findIndex((r) => r[header.indexOf('依頼番号')] === first?.requestId);
  sheetOf(session, '依頼')
    .getRange(row + 1, header.indexOf('状態') + 1)
    .setValue('終了');
  return session;
}

/** A small form in Japanese and English, with a choice that leads to a section or submits. */
export const SMALL_SURVEY = [
  ['フォーム名', 'セクション', '設問ID', '種類', '設問', '選択肢', '必須', '分岐', '設問[en]', '選択肢[en]'],
  ['交流会', '', '', 'タイトル', '交流会の感想', '', '', '', 'Community gathering', ''],
  [
    '交流会',
    '',
    '参加',
    '単一選択',
    '参加しましたか',
    'はい\nいいえ',
    'はい',
    'はい→感想\nいいえ→送信',
    'Did you take part?',
    'Yes\nNo',
  ],
  ['交流会', '感想', '', 'セクション', '感想', '', '', '', 'Your impressions', ''],
  ['交流会', '感想', '良かった点', '段落', '良かった点を教えてください', '', '', '', 'What was good?', ''],
];

/** A workbook whose アンケート定義 holds SMALL_SURVEY, with no form built yet. */
export function surveySession(): Session {
  const session = harnessSession('アンケートのフォールトテスト');
  session.emu.setSheetValues('アンケート定義', SMALL_SURVEY);
  return session;
}

/**
 * The forms of SMALL_SURVEY built, then フォーム一覧 deleted by staff and one response sheet made
 * before sheets were marked (no mark): the next build changes no form, only the workbook.
 */
export function builtSurveySession(): Session {
  const session = surveySession();
  rpc(session, 'buildForms');
  const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const list = book.getSheetByName('フォーム一覧');
  if (list) book.deleteSheet(list);
  const first = session.emu.forms.all[0]?.destination?.sheetName ?? '';
  for (const mark of book.getSheetByName(first)?.getDeveloperMetadata() ?? []) mark.remove();
  return session;
}

/**
 * SMALL_SURVEY built, with two answers (one of them text that starts like a formula) and no import yet;
 * `counted`: the form-submit trigger was on, so 新しい回答 counts them (in the property and フォーム一覧).
 */
export function answeredSurveySession(counted = false): Session {
  const session = surveySession();
  if (counted) rpc(session, 'startAnswerTrigger');
  rpc(session, 'buildForms');
  const [ja, en] = session.emu.forms.all;
  const at = new Date('2026-11-20T01:00:00Z');
  session.emu.forms.submit(
    ja?.id ?? '',
    { 参加しましたか: 'はい', 良かった点を教えてください: '=1+1 楽しかった' },
    { timestamp: at },
  );
  session.emu.forms.submit(
    en?.id ?? '',
    { 'Did you take part?': 'No' },
    { timestamp: new Date(at.getTime() + 60_000) },
  );
  return session;
}

/**
 * answeredSurveySession imported into アンケート回答; then the Japanese answer edited in the
 * response sheet (same response, new text) and a third answer come in: the next import writes one
 * row again in place and adds one.
 */
export function answeredAndImportedSurveySession(): Session {
  const session = answeredSurveySession();
  rpc(session, 'importSurveyAnswers');
  const [ja] = session.emu.forms.all;
  const responses = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
    ja?.destination?.sheetName ?? '',
  );
  if (!responses) throw new Error('no response sheet');
  const header = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0] ?? [];
  responses.getRange(2, header.indexOf('良かった点を教えてください') + 1).setValue('とても楽しかった');
  session.emu.forms.submit(ja?.id ?? '', { 参加しましたか: 'いいえ' }, { timestamp: new Date('2026-11-20T02:00:00Z') });
  return session;
}

/**
 * 300 answers imported into アンケート回答 (two blocks of fingerprinted rows), then the 280th edited in
 * its response sheet: the next import reads that block only and writes its row again in place.
 */
export function manyAnsweredAndEditedSurveySession(): Session {
  const session = surveySession();
  rpc(session, 'buildForms');
  const [ja] = session.emu.forms.all;
  const at = new Date('2026-11-20T01:00:00Z').getTime();
  for (let i = 0; i < 300; i++) {
    session.emu.forms.submit(
      ja?.id ?? '',
      { 参加しましたか: 'はい', 良かった点を教えてください: `感想${i}` },
      { timestamp: new Date(at + i * 60_000) },
    );
  }
  rpc(session, 'importSurveyAnswers');
  const responses = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
    ja?.destination?.sheetName ?? '',
  );
  if (!responses) throw new Error('no response sheet');
  const header = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0] ?? [];
  responses.getRange(281, header.indexOf('良かった点を教えてください') + 1).setValue('=2+2 とても楽しかった');
  return session;
}

/**
 * ボランティア登録 built on the faulty roster (staff's note, fill and formula kept), with two
 * registrations answered (one with text that starts like a formula) and nothing decided yet.
 */
/**
 * The survey workbook kept by hand (test/fixtures/real-layouts): two salon reports of its activity
 * report form, for 取り込む into the 活動記録 whose 計 and ※ rows end it and whose 日付 are in 和暦.
 */
export function handKeptReportSession(): Session {
  const session = harnessSession('手書きの活動記録のフォールトテスト');
  surveyWorkbook(session);
  rpc(session, 'setupSheets');
  const view = rpc<SurveyBuildView>(session, 'buildForms');
  const id = view.forms.find((f) => f.name === REPORT)?.id ?? '';
  const report = (date: Date, kind: string, people: string): void => {
    session.emu.forms.submit(
      id,
      { 活動した日: date, 活動の種類: kind, 活動した圏域: '中部', '参加した人数（スタッフを除く）': people },
      { timestamp: date },
    );
  };
  report(day(2026, 11, 10), 'サロン', '13');
  report(day(2026, 11, 12), '居場所', '８');
  return session;
}

/** Accepts the first activity report and declines the second. */
function decideReports(session: Session): RpcEnvelope<unknown> {
  const [a, b] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates', 'activities').candidates;
  return session.run('decideSurveyCandidates', {
    accept: [a?.responseId ?? ''],
    decline: [b?.responseId ?? ''],
  }) as RpcEnvelope<unknown>;
}

export function registeredSession(counted = false): Session {
  const session = rosterSession();
  if (counted) rpc(session, 'startAnswerTrigger');
  rpc(session, 'writeSurveyTemplate', 'ボランティア登録');
  const view = rpc<SurveyBuildView>(session, 'buildForms');
  const ja = view.forms.find((f) => f.language === 'ja');
  if (!ja) throw new Error('no Japanese form');
  const title = (id: string): string => ja.items.find((i) => i.questionId === id)?.title ?? id;
  const choice = (id: string, n = 0): string => ja.items.find((i) => i.questionId === id)?.choices?.[n]?.value ?? '';
  const answer = (name: string, note: string): Record<string, FormAnswer> => ({
    [title('氏名')]: name,
    [title('生年月日')]: new Date('1960-04-01T00:00:00+09:00'),
    [title('性別')]: choice('性別'),
    [title('住所')]: '立川市曙町1-1-1',
    [title('電話番号')]: '042-000-0001',
    [title('活動分野')]: [choice('活動分野')],
    [title('備考')]: note,
    [title('保険')]: choice('保険'),
    [title('個人情報同意')]: [choice('個人情報同意')],
  });
  const at = new Date('2026-11-20T01:00:00Z');
  session.emu.forms.submit(ja.id, answer('西東 花子', '=1+1 よろしく'), { timestamp: at });
  session.emu.forms.submit(ja.id, answer('北 二郎', ''), { timestamp: new Date(at.getTime() + 60_000) });
  return session;
}

/** Accepts the first candidate and declines the second, as the sidebar's 取り込む does. */
function decideFirstTwo(session: Session): RpcEnvelope<unknown> {
  const [a, b] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates').candidates;
  return session.run('decideSurveyCandidates', {
    accept: [a?.responseId ?? ''],
    decline: [b?.responseId ?? ''],
  }) as RpcEnvelope<unknown>;
}

/** A demo workbook too large for one call, so 検証 runs in parts (docs/cost.md). */
function partsSession(): Session {
  const session = harnessSession('分割検証のフォールトテスト');
  buildDemo(session, { seed: 4, volunteers: 400, requests: 150 });
  return session;
}

let ledgerBook: DemoBook | null = null;

/**
 * A small workbook but for a 寄付台帳 of about 16,000 rows: its cross-row check (receipt numbers,
 * gifts entered twice) reads more than one part may, so it goes in row slices that carry what the
 * earlier slices saw (docs/cost.md).
 */
function ledgerPartsSession(): Session {
  const session = harnessSession('照合を分けた検証のフォールトテスト');
  rpc(session, 'setupSheets');
  const settings = parseSettings(defaultSettingsRows()).settings;
  ledgerBook ??= generateDemoBook({
    seed: 12,
    volunteers: 40,
    requests: 10,
    ledgerScale: { donations: 26, memberships: 0.05, activities: 0.05, consultations: 0.05 },
    areas: settings.areas,
    adjacentAreas: settings.adjacentAreas,
  });
  for (const sheet of ledgerBook.sheets) session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
  return session;
}

/** A 検証 in parts run up to the 寄付台帳's first or second cross-row slice (not including it); returns the run's id. */
function upToCrossSlice(session: Session, which: 'first' | 'second'): string {
  let view = rpc<ValidationView>(session, 'runValidation');
  const planned = (): Array<{ type: string; sheet?: string; first?: number }> =>
    (
      JSON.parse(
        String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.validationRun')),
      ) as { parts: Array<{ type: string; sheet?: string; first?: number }> }
    ).parts;
  const slices = planned()
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.type === 'crossRow' && p.sheet === '寄付台帳' && p.first !== undefined);
  if (slices.length < 2) throw new Error('the 寄付台帳 cross-row check no longer needs two parts');
  const at = (slices[which === 'first' ? 0 : 1] as { i: number }).i;
  while (view.running && view.running.done < at) {
    view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
  }
  if (!view.running) throw new Error('the run ended before the cross-row slice');
  return view.running.runId;
}

/** A 検証 in parts run up to (not including) the answer with `done` parts behind it; returns the run's id. */
function partsDoneUpTo(session: Session, done: number): string {
  let view = rpc<ValidationView>(session, 'runValidation');
  while (view.running && view.running.done < done) {
    view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
  }
  if (!view.running) throw new Error('the demo workbook no longer needs parts');
  return view.running.runId;
}

/**
 * 指標サマリー in parts (the demo workbook is too large for one call): started, and run until `done`
 * parts are behind it, up to (not including) the last, or to the end.
 */
function summaryPartsUpTo(session: Session, done: number | 'last' | 'all'): { session: Session; view: SummaryView } {
  let view = rpc<SummaryView>(session, 'runSummary');
  if (!view.running) throw new Error('the demo workbook no longer needs a summary in parts');
  while (view.running) {
    const { total } = view.running;
    if (done !== 'all' && view.running.done >= (done === 'last' ? total - 1 : done)) break;
    view = rpc<SummaryView>(session, 'continueSummary', view.running.runId);
  }
  return { session, view };
}

/** 年度確定 (確定を取り消す) of 2025 in parts, run up to (not including) its last part. */
function closingPartsUpToLast(session: Session, action: 'closeFiscalYear' | 'reopenFiscalYear'): Session {
  let view = rpc<SummaryView>(session, action, 2025);
  if (!view.running) throw new Error('the demo workbook no longer needs a 年度確定 in parts');
  while (view.running && view.running.done < view.running.total - 1)
    view = rpc<SummaryView>(session, 'continueSummary', view.running.runId);
  if (!view.running) throw new Error('the run ended before its last part');
  return session;
}

/** A workbook whose 指標サマリー needs parts, on a clock the test moves; the sidebar's summary already written once. */
export interface ScheduledParts {
  session: Session;
  /** Fires the account's one time-driven trigger (a one-off at its time); the handler's run. */
  fire(): { error: string | null };
  /** Moves the clock on. */
  later(ms: number): void;
}

/**
 * The scheduled refresh in parts (docs/triggers.md), arranged to the execution `at`: the recurring
 * trigger's firing that starts the run, a middle part from a one-off trigger, or the last part.
 * The sources gained rows since 指標サマリー was written, so a refresh changes it.
 */
export function scheduledPartsSession(at: 'start' | 'middle' | 'last'): ScheduledParts {
  let clock = HARNESS_NOW;
  const session = harnessSession('定期更新の分割のフォールトテスト', { now: () => clock });
  buildDemo(session, { seed: 4, volunteers: 400, requests: 150 });
  summaryPartsUpTo(session, 'all');
  const rows = session.emu.sheetValues('相談記録');
  session.emu.setSheetValues('相談記録', [...rows, ...rows.slice(1, 40)] as never);
  rpc(session, 'startSummaryTrigger', { every: 'day', hour: 12 });
  const fire = (): { error: string | null } => {
    const mine = session.emu.triggers.filter((t) => t.eventType === 'CLOCK' && t.owner === 'staff@example.org');
    const trigger = mine[0];
    if (!trigger || mine.length > 1) throw new Error(`${mine.length} time-driven triggers of the account`);
    if (trigger.schedule?.at && trigger.schedule.at.getTime() > clock.getTime())
      clock = new Date(trigger.schedule.at.getTime());
    return session.emu.runClockTrigger(trigger.id);
  };
  const progress = (): { done: number; total: number } | undefined =>
    JSON.parse(
      String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.trigger.summary')),
    ).run;
  if (at !== 'start') {
    fire();
    for (;;) {
      const run = progress();
      if (!run || run.total === 0) throw new Error('the demo workbook no longer needs a scheduled refresh in parts');
      if (at === 'middle' ? run.done >= 1 : run.done >= run.total - 1) break;
      fire();
    }
  }
  return { session, fire, later: (ms) => (clock = new Date(clock.getTime() + ms)) };
}

/** The id of the summary run under way. */
function summaryRunId(session: Session): string {
  const run = JSON.parse(
    String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun')),
  );
  return (run as { id: string }).id;
}

/** The id of the run under way (the harness's arrange() leaves one). */
function runningId(session: Session): string {
  const run = JSON.parse(
    String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.validationRun')),
  );
  return (run as { id: string }).id;
}

/**
 * 安全な修正 in parts on the parts workbook: validated to the end, previewed, started, and `done`
 * parts applied; returns the run as it stands (null when it has finished).
 */
function fixRunSession(done: number | 'all'): { session: Session; result: FixResult } {
  const session = partsSession();
  let view = rpc<ValidationView>(session, 'runValidation');
  while (view.running) view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
  let result = rpc<FixResult>(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
  if (!result.running || result.running.total < 3) throw new Error('the demo workbook no longer needs three fix parts');
  while (result.running && (done === 'all' || result.running.done < done)) {
    result = rpc<FixResult>(session, 'continueFixes', result.running.runId);
  }
  return { session, result };
}

/** The id of the 安全な修正 run under way (the harness's arrange() leaves one). */
function fixRunId(session: Session): string {
  const run = JSON.parse(
    String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.fixRun')),
  );
  return (run as { id: string }).id;
}

const DAY = 86_400_000;

/**
 * The roster session on a clock staff move on: `earlier` runs actions on days counted from 40 days
 * before the harness's clock (day 0), then the clock stands at HARNESS_NOW (day 40) for the action
 * itself, so records older than 30 days (履歴保存日数) are purged by it.
 */
function agedRosterSession(earlier: (session: Session, on: (day: number) => void) => void): Session {
  let now = HARNESS_NOW.getTime() - 40 * DAY;
  const session = rosterSession({ now: () => new Date(now) });
  earlier(session, (day) => {
    now = HARNESS_NOW.getTime() - (40 - day) * DAY;
  });
  now = HARNESS_NOW.getTime();
  return session;
}

function fixAll(session: Session): void {
  rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
}

/** Every writing action that exists today (each later one joins here: docs/safety.md). */
export const WRITING_ACTIONS: WritingAction[] = [
  {
    name: 'シート準備',
    arrange: () => harnessSession(),
    act: (s) => s.run('setupSheets') as never,
  },
  {
    name: '検証（初回）',
    formulas: CELL_LINK,
    arrange: rosterSession,
    act: (s) => s.run('runValidation') as never,
  },
  {
    name: '検証（前回の印がある）',
    formulas: CELL_LINK,
    arrange: () => {
      const session = rosterSession();
      rpc(session, 'runValidation');
      // Staff fix one cell by hand, so the second run marks a different set of cells.
      session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName('ボランティア名簿')
        ?.getRange(3, 3)
        .setValue('スズキ イチロウ');
      return session;
    },
    act: (s) => s.run('runValidation') as never,
  },
  {
    name: '検証（分割の開始）',
    arrange: partsSession,
    act: (s) => s.run('runValidation') as never,
  },
  {
    name: '検証（分割の開始、前回の検証結果がある）',
    arrange: () => {
      const session = partsSession();
      let view = rpc<ValidationView>(session, 'runValidation');
      while (view.running) view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
      return session;
    },
    act: (s) => s.run('runValidation') as never,
  },
  {
    name: '検証（分割の途中の部分）',
    formulas: CELL_LINK,
    arrange: () => {
      const session = partsSession();
      partsDoneUpTo(session, 1);
      return session;
    },
    act: (s) => s.run('continueValidation', runningId(s)) as never,
  },
  {
    name: '検証（分割の途中: 寄付台帳の照合の最初の部分、見た値を次へ渡す）',
    arrange: () => {
      const session = ledgerPartsSession();
      upToCrossSlice(session, 'first');
      return session;
    },
    act: (s) => s.run('continueValidation', runningId(s)) as never,
  },
  {
    name: '検証（分割の途中: 寄付台帳の照合の次の部分、渡された値から）',
    arrange: () => {
      const session = ledgerPartsSession();
      upToCrossSlice(session, 'second');
      return session;
    },
    act: (s) => s.run('continueValidation', runningId(s)) as never,
  },
  {
    name: '検証（分割の最後: 印を付ける）',
    formulas: CELL_LINK,
    arrange: () => {
      const session = partsSession();
      const first = rpc<ValidationView>(session, 'runValidation');
      partsDoneUpTo(session, first.running?.total ? first.running.total - 1 : 1);
      return session;
    },
    act: (s) => s.run('continueValidation', runningId(s)) as never,
  },
  {
    name: '検証（分割の中止）',
    arrange: () => {
      const session = partsSession();
      partsDoneUpTo(session, 1);
      return session;
    },
    act: (s) => s.run('cancelValidation', runningId(s)) as never,
  },
  {
    name: 'ハイライトを消す',
    arrange: () => {
      const session = rosterSession();
      rpc(session, 'runValidation');
      return session;
    },
    act: (s) => s.run('clearHighlights') as never,
  },
  {
    name: '安全な修正',
    arrange: rosterSession,
    act: (s) => s.run('applyFixes', rpc<FixPreview>(s, 'previewFixes').token) as never,
  },
  {
    name: '安全な修正（分割の開始）',
    arrange: () => {
      const session = partsSession();
      let view = rpc<ValidationView>(session, 'runValidation');
      while (view.running) view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
      return session;
    },
    act: (s) => s.run('applyFixes', rpc<FixPreview>(s, 'previewFixes').token) as never,
  },
  {
    name: '安全な修正（分割の途中の部分）',
    arrange: () => fixRunSession(1).session,
    act: (s) => s.run('continueFixes', fixRunId(s)) as never,
  },
  {
    name: '安全な修正（分割の最後の部分）',
    arrange: () => {
      const { session, result } = fixRunSession(0);
      const total = result.running?.total ?? 1;
      let running = result.running;
      while (running && running.done < total - 1)
        running = rpc<FixResult>(session, 'continueFixes', running.runId).running;
      return session;
    },
    act: (s) => s.run('continueFixes', fixRunId(s)) as never,
  },
  {
    name: '安全な修正（分割の中止）',
    arrange: () => fixRunSession(1).session,
    act: (s) => s.run('cancelFixes', fixRunId(s)) as never,
  },
  {
    name: '元に戻す（分割した安全な修正の一部分）',
    arrange: () => fixRunSession('all').session,
    act: (s) => s.run('undoLast') as never,
  },
  {
    name: '元に戻す（安全な修正）',
    arrange: () => {
      const session = rosterSession();
      rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
      return session;
    },
    act: (s) => s.run('undoLast') as never,
  },
  {
    name: '検証（古い記録の削除あり）',
    formulas: CELL_LINK,
    arrange: () =>
      agedRosterSession((session) => {
        fixAll(session);
      }),
    act: (s) => s.run('runValidation') as never,
  },
  {
    name: 'ハイライトを消す（古い記録の削除あり）',
    arrange: () =>
      agedRosterSession((session, on) => {
        fixAll(session);
        on(20);
        rpc(session, 'runValidation');
      }),
    act: (s) => s.run('clearHighlights') as never,
  },
  {
    name: 'ハイライトを消す（古い記録だけで、つなぐ履歴ごと削除）',
    arrange: () =>
      agedRosterSession((session) => {
        rpc(session, 'runValidation');
      }),
    act: (s) => s.run('clearHighlights') as never,
  },
  {
    name: '安全な修正（古い記録の削除あり）',
    arrange: () =>
      agedRosterSession((session) => {
        rpc(session, 'runValidation');
      }),
    act: (s) => s.run('applyFixes', rpc<FixPreview>(s, 'previewFixes').token) as never,
  },
  {
    name: '元に戻す（安全な修正、古い記録の削除あり）',
    arrange: () =>
      agedRosterSession((session, on) => {
        rpc(session, 'runValidation');
        on(20);
        fixAll(session);
      }),
    act: (s) => s.run('undoLast') as never,
  },
  {
    name: '履歴を消去',
    arrange: () => {
      const session = rosterSession();
      fixAll(session);
      rpc(session, 'runValidation');
      return session;
    },
    act: (s) => s.run('eraseHistory') as never,
  },
  {
    name: 'マッチング（初回）',
    arrange: demoSession,
    act: (s) => s.run('runMatching') as never,
  },
  {
    name: 'マッチング（職員が承認・記入した後の再実行）',
    // Staff's own formula, moved with its pair.
    formulas: /^=D\d+&"さん"$/,
    arrange: workedOnSession,
    act: (s) => s.run('runMatching') as never,
  },
  {
    name: 'マッチング（分割の開始）',
    arrange: () => {
      // A run before, finished: the new one starts over its staged snapshot.
      const session = matchPartsDone('all');
      return session;
    },
    act: (s) => s.run('runMatching') as never,
  },
  {
    name: 'マッチング（分割の途中の部分: 名簿の2つ目の部分）',
    arrange: () => matchPartsDone(1),
    act: (s) => s.run('continueMatching', matchRunId(s)) as never,
  },
  {
    name: 'マッチング（分割の最後: 控えから照合して結果を書く）',
    arrange: () => matchPartsDone('last'),
    act: (s) => s.run('continueMatching', matchRunId(s)) as never,
  },
  {
    name: 'マッチング（分割の中止）',
    arrange: () => matchPartsDone(1),
    act: (s) => s.run('cancelMatching', matchRunId(s)) as never,
  },
  {
    name: '固定（分割したマッチングの控えから照合し直す）',
    arrange: () => matchPartsDone('all'),
    act: (s) => {
      const pair = firstPairInSheet(s);
      return s.run('setPairDecision', pair.requestId, pair.volunteerId, 'pin') as never;
    },
  },
  {
    name: '固定',
    arrange: () => matchedSession().session,
    act: (s) => {
      const pair = firstPairInSheet(s);
      return s.run('setPairDecision', pair.requestId, pair.volunteerId, 'pin') as never;
    },
  },
  {
    name: '承認',
    arrange: () => {
      const session = demoSession();
      rpc(session, 'runMatching');
      return session;
    },
    act: (s) => {
      const pair = firstPairInSheet(s);
      return s.run('setApproval', pair.requestId, pair.volunteerId, true) as never;
    },
  },
  {
    name: '確定',
    arrange: () => matchedSession().session,
    act: (s) => s.run('commitMatches') as never,
  },
  {
    // 依頼 kept in two sheets: each approved pair goes into its own sheet, all or nothing across both.
    name: '確定（依頼が2枚のシート）',
    arrange: () => {
      const session = harnessSession('二枚のシートのフォールトテスト', {
        now: () => new Date('2024-07-01T00:00:00+09:00'),
      });
      splitRosterWorkbook(session);
      rpc(session, 'setupSheets');
      const view = rpc<MatchView>(session, 'runMatching');
      for (const pair of view.requests.flatMap((r) => r.pairs))
        rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
      return session;
    },
    act: (s) => s.run('commitMatches') as never,
  },
  {
    name: '元に戻す（確定）',
    arrange: () => {
      const session = matchedSession().session;
      rpc(session, 'commitMatches');
      return session;
    },
    act: (s) => s.run('undoLast') as never,
  },
  {
    name: '指標サマリー（初回）',
    arrange: summarySession,
    act: (s) => s.run('runSummary') as never,
  },
  {
    name: '指標サマリー（職員のメモがある再実行）',
    arrange: summarizedSession,
    act: (s) => s.run('runSummary') as never,
  },
  {
    name: '指標サマリー（グラフの形が変わる: 指標定義に年度を追加）',
    arrange: () => {
      const session = summarizedSession();
      const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
      const definitions = book.getSheetByName('指標定義');
      definitions?.getRange(1, definitions.getLastColumn() + 1).setValue('目標2029');
      return session;
    },
    act: (s) => s.run('runSummary') as never,
  },
  {
    name: '指標サマリー（職員が消したグラフを作り直す）',
    arrange: () => {
      const session = summarizedSession();
      const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー');
      const chart = sheet?.getCharts()[1];
      if (chart) sheet?.removeChart(chart);
      return session;
    },
    act: (s) => s.run('runSummary') as never,
  },
  {
    name: '指標サマリー（分割の開始）',
    arrange: partsSession,
    act: (s) => s.run('runSummary') as never,
  },
  {
    name: '指標サマリー（分割の途中の部分）',
    arrange: () => summaryPartsUpTo(partsSession(), 1).session,
    act: (s) => s.run('continueSummary', summaryRunId(s)) as never,
  },
  {
    name: '指標サマリー（分割の最後: シートとグラフを書く、職員のメモがある）',
    arrange: () => {
      const session = partsSession();
      summaryPartsUpTo(session, 'all');
      const rows = session.emu.sheetValues('指標サマリー');
      const header = (rows[0] ?? []).map(String);
      const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー');
      sheet?.getRange(2 + 1, header.indexOf('評価コメント') + 1).setValue('サロンの新設で増えた');
      return summaryPartsUpTo(session, 'last').session;
    },
    act: (s) => s.run('continueSummary', summaryRunId(s)) as never,
  },
  {
    name: '報告書を開く（分割の開始）',
    arrange: partsSession,
    act: (s) => s.run('openSummaryReport', null) as never,
  },
  {
    name: '報告書を開く（分割の最後: 集計を片付けて報告書を開く）',
    arrange: () => {
      const session = partsSession();
      let opened = rpc<{ running?: SummaryView['running'] }>(session, 'openSummaryReport', null);
      while (opened.running && opened.running.done < opened.running.total - 1)
        opened = rpc<SummaryView>(session, 'continueSummary', opened.running.runId);
      if (!opened.running) throw new Error('the demo workbook no longer needs a report in parts');
      return session;
    },
    act: (s) => s.run('continueSummary', summaryRunId(s)) as never,
  },
  {
    name: '指標サマリー（分割の中止）',
    arrange: () => summaryPartsUpTo(partsSession(), 1).session,
    act: (s) => s.run('cancelSummary', summaryRunId(s)) as never,
  },
  {
    name: '年度確定',
    arrange: summarizedSession,
    act: (s) => s.run('closeFiscalYear', 2025) as never,
  },
  {
    name: '確定を取り消す',
    arrange: () => {
      const session = summarizedSession();
      rpc(session, 'closeFiscalYear', 2025);
      return session;
    },
    act: (s) => s.run('reopenFiscalYear', 2025) as never,
  },
  {
    name: '年度確定（分割の開始）',
    arrange: partsSession,
    act: (s) => s.run('closeFiscalYear', 2025) as never,
  },
  {
    name: '年度確定（分割の最後: 確定の控えと指標サマリーを書く）',
    arrange: () => closingPartsUpToLast(partsSession(), 'closeFiscalYear'),
    act: (s) => s.run('continueSummary', summaryRunId(s)) as never,
  },
  {
    name: '確定を取り消す（分割の最後: 控えから消して指標サマリーを書く）',
    arrange: () => {
      // 2025 closed in one call (quicker to arrange than in parts; the same sheets: summary-parts.test.ts).
      const session = partsSession();
      const ports = portsFor(session.emu, HARNESS_NOW);
      closingWhole(ports, planSummary(ports), 2025, false);
      return closingPartsUpToLast(session, 'reopenFiscalYear');
    },
    act: (s) => s.run('continueSummary', summaryRunId(s)) as never,
  },
  {
    name: 'アンケートのテンプレート（アンケート定義を作る）',
    arrange: () => harnessSession(),
    act: (s) => s.run('writeSurveyTemplate', '活動報告') as never,
  },
  {
    name: 'アンケートのテンプレート（シート準備のアンケート定義に追記）',
    arrange: () => {
      const session = harnessSession();
      rpc(session, 'setupSheets');
      return session;
    },
    act: (s) => s.run('writeSurveyTemplate', '住民意識調査') as never,
  },
  {
    name: '元に戻す（アンケートのテンプレート）',
    arrange: () => {
      const session = harnessSession();
      rpc(session, 'writeSurveyTemplate', '活動報告');
      return session;
    },
    act: (s) => s.run('undoLast') as never,
  },
  {
    // Building the forms themselves cannot be taken back (Drive); test/safety/survey-build.test.ts
    // proves a build stopped at any call is finished by the next one, never duplicated.
    name: 'フォームを作成・更新（回答シートの印とフォーム一覧）',
    arrange: builtSurveySession,
    act: (s) => s.run('buildForms') as never,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    name: '回答の取り込み（アンケート回答）',
    arrange: answeredSurveySession,
    act: (s) => s.run('importSurveyAnswers') as never,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    // The next import: one answer edited in the form since (written again in place) and a new one
    // added below — taken back exactly, the added rows blank again in their formats, the grid its size.
    name: '回答の取り込み（アンケート回答に修正と新しい回答を書き加える）',
    arrange: answeredAndImportedSurveySession,
    act: (s) => s.run('importSurveyAnswers') as never,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    // 300 answers in two fingerprinted blocks, one edited: only its block read, its row written again.
    name: '回答の取り込み（アンケート回答・修正された回答のブロックだけ読む）',
    arrange: manyAnsweredAndEditedSurveySession,
    act: (s) => s.run('importSurveyAnswers') as never,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    // Below the 計 and ※ rows of a 活動記録 kept by hand, in the 和暦 format of the row above.
    name: '回答の取り込み（活動報告を手書きの活動記録へ・見送り）',
    arrange: handKeptReportSession,
    act: decideReports,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    name: '回答の取り込み（ボランティア登録を名簿へ・見送り）',
    arrange: registeredSession,
    act: decideFirstTwo,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    // The counts of 新しい回答 go down with the decisions: the property and フォーム一覧's column.
    name: '回答の取り込み（ボランティア登録・新しい回答の件数も減らす）',
    arrange: () => registeredSession(true),
    act: decideFirstTwo,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    name: '回答の取り込み（アンケート回答・新しい回答の件数を0に）',
    arrange: () => answeredSurveySession(true),
    act: (s) => s.run('importSurveyAnswers') as never,
    observe: (s) => JSON.parse(s.emu.formsJson()) as unknown,
  },
  {
    name: '元に戻す（回答の取り込み）',
    arrange: () => {
      const session = registeredSession();
      const result = decideFirstTwo(session);
      if (!result.ok) throw new Error(`the import failed: ${result.error.code}`);
      return session;
    },
    act: (s) => s.run('undoLast') as never,
  },
  {
    name: '新しい回答を数える（オンにする）',
    arrange: () => harnessSession(),
    act: (s) => s.run('startAnswerTrigger') as never,
    observe: (s) => s.emu.triggers,
  },
  {
    // The own earlier trigger goes last (it cannot be made again with its id).
    name: '定期更新（曜日と時刻を変える）',
    arrange: () => {
      const session = harnessSession();
      rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
      return session;
    },
    act: (s) => s.run('startSummaryTrigger', { every: 'week', day: 'MONDAY', hour: 7 }) as never,
    observe: (s) => s.emu.triggers,
  },
  {
    name: '自分に引き継ぐ（新しい回答）',
    arrange: () => {
      const session = harnessSession();
      rpc(session, 'startAnswerTrigger');
      session.emu.actAs('tanaka@example.org');
      return session;
    },
    act: (s) => s.run('startAnswerTrigger') as never,
    observe: (s) => s.emu.triggers,
  },
  {
    name: '止める（定期更新）',
    arrange: () => {
      const session = harnessSession();
      rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
      return session;
    },
    act: (s) => s.run('stopTrigger', 'summary') as never,
    observe: (s) => s.emu.triggers,
  },
  {
    name: '新しい回答を確認済みにする',
    arrange: () => {
      const session = harnessSession();
      rpc(session, 'startAnswerTrigger');
      const { FormApp, SpreadsheetApp } = session.emu.globals;
      const form = (FormApp.create as (title: string, published: boolean) => GoogleAppsScript.Forms.Form)(
        'フォールトテスト',
        true,
      );
      form.addTextItem().setTitle('ご意見');
      form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
      session.emu.forms.submit(form.getId(), { ご意見: 'はい' }, { timestamp: HARNESS_NOW });
      return session;
    },
    act: (s) => s.run('clearNewAnswers') as never,
  },
  {
    name: '列の対応を保存',
    arrange: rosterSession,
    act: (s) =>
      s.run('saveMapping', 'ボランティア名簿', {
        kind: 'volunteers',
        headerRow: 1,
        columns: { volunteerId: 0, name: 1, furigana: 2, birthDate: 3, phone: 4, postalCode: 5 },
      }) as never,
  },
  {
    // A 退会者 archive beside the roster, kept out of マッチング and 指標サマリー: the choice goes with the mapping.
    name: '列の対応を保存（マッチング・集計に使わない）',
    arrange: () => {
      const session = rosterSession();
      session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('退会者');
      session.emu.setSheetValues('退会者', [ROSTER_HEADER, ['V-090', '中村 和子', 'ナカムラ カズコ', '1940-02-02']]);
      return session;
    },
    act: (s) =>
      s.run('saveMapping', '退会者', {
        kind: 'volunteers',
        headerRow: 1,
        columns: { volunteerId: 0, name: 1, furigana: 2, birthDate: 3 },
        live: false,
      }) as never,
  },
  {
    name: '列の対応を解除',
    arrange: () => {
      const session = rosterSession();
      rpc(session, 'saveMapping', 'ボランティア名簿', {
        kind: 'volunteers',
        headerRow: 1,
        columns: { volunteerId: 0, name: 1, furigana: 2, birthDate: 3, phone: 4, postalCode: 5 },
      });
      return session;
    },
    act: (s) => s.run('clearMapping', 'ボランティア名簿') as never,
  },
];

/** The first proposed pair in マッチング結果 (read from the sheet, not a service call). */
function firstPairInSheet(session: Session): { requestId: string; volunteerId: string } {
  const rows = session.emu.sheetValues('マッチング結果');
  const row = rows.find((r, i) => i > 0 && r[10] === '提案');
  if (!row) throw new Error('no proposed pair');
  return { requestId: String(row[0]), volunteerId: String(row[3]) };
}
