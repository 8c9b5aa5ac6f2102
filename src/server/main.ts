/**
 * The Apps Script entry points, and nothing else: each delegates to one function. The build turns
 * every export of this file into a top-level function of dist/Code.js.
 */
import * as matching from '../core/actions/match';
import * as setup from '../core/actions/setup';
import * as sidebar from '../core/actions/sidebar';
import * as summary from '../core/actions/summary';
import * as summaryParts from '../core/actions/summary-parts';
import * as survey from '../core/actions/survey';
import * as surveyFlyer from '../core/actions/survey-flyer';
import * as surveyImport from '../core/actions/survey-import';
import * as triggers from '../core/actions/triggers';
import * as undo from '../core/actions/undo';
import * as validation from '../core/actions/validate';
import type { RpcArgs, RpcEnvelope, RpcResults } from '../shared/rpc';
import { appContext, buildMenu, formsContext, triggerContext, triggersContext } from './context';
import { runRpc } from './rpc';

type Envelope<N extends keyof RpcResults> = RpcEnvelope<RpcResults[N]>;

/** Simple trigger: adds the add-on menu when the spreadsheet opens. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/** Runs when the add-on is installed: the menu must appear without reopening the spreadsheet. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: サイドバーを開く. */
export function showSidebar(): void {
  sidebar.openSidebarAt(appContext(), 'setup');
}

/** Menu: シート準備 — asks, then creates the missing standard sheets. */
export function menuSetupSheets(): void {
  setup.confirmAndSetUpSheets(appContext());
}

/** Menu: 検証 — asks once, then the sidebar opens at its section and runs it. */
export function menuValidate(): void {
  sidebar.confirmAndRunFromMenu(appContext(), 'validate');
}

/** Menu: マッチング — asks once, then the sidebar opens at its section and runs it. */
export function menuMatch(): void {
  sidebar.confirmAndRunFromMenu(appContext(), 'match');
}

/** Menu: アンケート作成 (opens the sidebar at its section). */
export function menuSurvey(): void {
  sidebar.openSidebarAt(appContext(), 'survey');
}

/** Menu: 指標サマリー (opens the sidebar at its section). */
export function menuSummary(): void {
  sidebar.openSidebarAt(appContext(), 'summary');
}

/** RPC (google.script.run): the sidebar's first view — sheets, detected kinds, missing standard sheets. */
export function getSidebarState(...args: unknown[]): Envelope<'getSidebarState'> {
  return runRpc('getSidebarState', args, () => sidebar.getSidebarState(appContext()));
}

/** RPC: creates the missing standard sheets (the sidebar has asked staff first). */
export function setupSheets(...args: unknown[]): Envelope<'setupSheets'> {
  return runRpc('setupSheets', args, () => setup.setUpSheets(appContext()));
}

/** RPC: the detected or confirmed column mapping of one sheet, with sample values. */
export function getMapping(...args: unknown[]): Envelope<'getMapping'> {
  return runRpc('getMapping', args, (sheet, kind) => sidebar.getMapping(appContext(), sheet, kind));
}

/** RPC: keeps the mapping staff confirmed for one sheet. */
export function saveMapping(...args: unknown[]): Envelope<'saveMapping'> {
  return runRpc('saveMapping', args, (sheet, mapping: RpcArgs<'saveMapping'>[1]) =>
    sidebar.saveMapping(appContext(), sheet, mapping),
  );
}

/** RPC: forgets the confirmed mapping of one sheet and goes back to automatic detection. */
export function clearMapping(...args: unknown[]): Envelope<'clearMapping'> {
  return runRpc('clearMapping', args, (sheet) => sidebar.clearMapping(appContext(), sheet));
}

/** RPC: 検証 — validates, rewrites 検証結果, marks the cells with issues. */
export function runValidation(...args: unknown[]): Envelope<'runValidation'> {
  return runRpc('runValidation', args, () => validation.runValidation(appContext()));
}

/** RPC: the next part of a 検証 too large for one call; the last part marks the cells. */
export function continueValidation(...args: unknown[]): Envelope<'continueValidation'> {
  return runRpc('continueValidation', args, (runId) => validation.continueValidation(appContext(), runId));
}

/** RPC: 中止 — stops a 検証 in parts (no staff sheet has changed before its last part). */
export function cancelValidation(...args: unknown[]): Envelope<'cancelValidation'> {
  return runRpc('cancelValidation', args, (runId) => validation.cancelValidation(appContext(), runId));
}

/** RPC: the full list of issues without writing anything (the CLI's validate). */
export function getValidationReport(...args: unknown[]): Envelope<'getValidationReport'> {
  return runRpc('getValidationReport', args, () => validation.getValidationReport(appContext()));
}

/** RPC: ハイライトを消す — restores the fills and notes the last 検証 replaced. */
export function clearHighlights(...args: unknown[]): Envelope<'clearHighlights'> {
  return runRpc('clearHighlights', args, () => validation.clearHighlights(appContext()));
}

/** RPC: 安全な修正を適用, step 1 — the before/after preview. */
export function previewFixes(...args: unknown[]): Envelope<'previewFixes'> {
  return runRpc('previewFixes', args, () => validation.previewFixes(appContext()));
}

/** RPC: 安全な修正を適用, step 2 — applies exactly the previewed fixes, all or none. */
export function applyFixes(...args: unknown[]): Envelope<'applyFixes'> {
  return runRpc('applyFixes', args, (token) => validation.applyFixes(appContext(), token));
}

/** RPC: the next part of 安全な修正 on a large workbook (each part its own undoable action). */
export function continueFixes(...args: unknown[]): Envelope<'continueFixes'> {
  return runRpc('continueFixes', args, (runId) => validation.continueFixes(appContext(), runId));
}

/** RPC: 中止 — stops 安全な修正 in parts (the sidebar then takes back the parts applied with 元に戻す). */
export function cancelFixes(...args: unknown[]): Envelope<'cancelFixes'> {
  return runRpc('cancelFixes', args, (runId) => validation.cancelFixes(appContext(), runId));
}

/** RPC: 元に戻す — restores the cells of the last value-changing action. */
export function undoLast(...args: unknown[]): Envelope<'undoLast'> {
  return runRpc('undoLast', args, () => undo.undoLast(appContext()));
}

/** RPC: what 元に戻す would take back now. */
export function getUndoInfo(...args: unknown[]): Envelope<'getUndoInfo'> {
  return runRpc('getUndoInfo', args, () => undo.getUndoInfo(appContext()));
}

/** RPC: 履歴を消去 — deletes つなぐ履歴 (the before-values kept for 元に戻す). */
export function eraseHistory(...args: unknown[]): Envelope<'eraseHistory'> {
  return runRpc('eraseHistory', args, () => undo.eraseHistory(appContext()));
}

/** RPC: selects a cell (clicking an issue in the sidebar). */
export function selectCell(...args: unknown[]): Envelope<'selectCell'> {
  return runRpc('selectCell', args, (sheet, row, column) => {
    sidebar.selectCell(appContext(), sheet, row, column);
    return null;
  });
}

/** RPC: マッチング — matches volunteers to open requests, rewrites マッチング結果 and 不足分析. */
export function runMatching(...args: unknown[]): Envelope<'runMatching'> {
  return runRpc('runMatching', args, () => matching.runMatching(appContext()));
}

/** RPC: the next part of a マッチング in parts (the last one matches and writes). */
export function continueMatching(...args: unknown[]): Envelope<'continueMatching'> {
  return runRpc('continueMatching', args, (runId) => matching.continueMatching(appContext(), runId));
}

/** RPC: 中止 of a マッチング in parts (マッチング結果 has not changed). */
export function cancelMatching(...args: unknown[]): Envelope<'cancelMatching'> {
  return runRpc('cancelMatching', args, (runId) => matching.cancelMatching(appContext(), runId));
}

/** RPC: the full matching result without writing anything (the CLI's match). */
export function getMatchReport(...args: unknown[]): Envelope<'getMatchReport'> {
  return runRpc('getMatchReport', args, () => matching.getMatchReport(appContext()));
}

/** RPC: pins, excludes or frees one pair, then matches again. */
export function setPairDecision(...args: unknown[]): Envelope<'setPairDecision'> {
  return runRpc('setPairDecision', args, (requestId, volunteerId, decision) =>
    matching.setPairDecision(appContext(), requestId, volunteerId, decision),
  );
}

/** RPC: ticks or clears 承認 for one pair. */
export function setApproval(...args: unknown[]): Envelope<'setApproval'> {
  return runRpc('setApproval', args, (requestId, volunteerId, approved) =>
    matching.setApproval(appContext(), requestId, volunteerId, approved),
  );
}

/** RPC: 確定 — writes the approved pairs into 依頼, undoably. */
export function commitMatches(...args: unknown[]): Envelope<'commitMatches'> {
  return runRpc('commitMatches', args, () => matching.commitMatches(appContext()));
}

/**
 * RPC: 指標サマリー — builds the suppressed summary and rewrites its sheet, all or nothing; a
 * workbook too large for one call starts a run in parts (continueSummary).
 */
export function runSummary(...args: unknown[]): Envelope<'runSummary'> {
  return runRpc('runSummary', args, () => summaryParts.runSummaryOrStart(appContext()));
}

/** RPC: the next part of a 指標サマリー in parts; the last part writes the sheet and its charts. */
export function continueSummary(...args: unknown[]): Envelope<'continueSummary'> {
  return runRpc('continueSummary', args, (runId) => summaryParts.continueSummaryRun(appContext(), runId));
}

/** RPC: 中止 — stops a 指標サマリー in parts (指標サマリー has not changed before its last part). */
export function cancelSummary(...args: unknown[]): Envelope<'cancelSummary'> {
  return runRpc('cancelSummary', args, (runId) => summaryParts.cancelSummaryRun(appContext(), runId));
}

/**
 * RPC: 年度確定 — freezes a 年度's published figures in the hidden snapshot and shows them from then
 * on; a workbook too large for one call counts in parts first (continueSummary), the last part closes.
 */
export function closeFiscalYear(...args: unknown[]): Envelope<'closeFiscalYear'> {
  return runRpc('closeFiscalYear', args, (fy) => summaryParts.closeOrStart(appContext(), fy, false));
}

/** RPC: 確定を取り消す — removes a closed 年度's frozen figures (in parts as 年度確定 when the workbook is large). */
export function reopenFiscalYear(...args: unknown[]): Envelope<'reopenFiscalYear'> {
  return runRpc('reopenFiscalYear', args, (fy) => summaryParts.closeOrStart(appContext(), fy, true));
}

/** Menu: 指標サマリーの報告書 — the leadership report in a print dialog. */
export function menuSummaryReport(): void {
  summary.menuSummaryReport(appContext());
}

/** RPC: the leadership report in a print dialog over the spreadsheet (writes nothing). */
export function openSummaryReport(...args: unknown[]): Envelope<'openSummaryReport'> {
  return runRpc('openSummaryReport', args, (fy) => summaryParts.openReportOrStart(appContext(), fy ?? null));
}

/** RPC: the summary without writing anything (the CLI's summary: --json, --fy, --html). */
export function getSummaryReport(...args: unknown[]): Envelope<'getSummaryReport'> {
  return runRpc('getSummaryReport', args, (fy, html) =>
    summary.getSummaryReport(appContext(), fy ?? undefined, html ?? false),
  );
}
/** RPC: writes a template (ボランティア登録, 住民意識調査, 活動報告) into アンケート定義, undoably. */
export function writeSurveyTemplate(...args: unknown[]): Envelope<'writeSurveyTemplate'> {
  return runRpc('writeSurveyTemplate', args, (template, formName) =>
    survey.writeSurveyTemplate(appContext(), template, formName),
  );
}

/** RPC: the forms アンケート定義 describes, checked, without building anything (the CLI's survey build). */
export function previewForms(...args: unknown[]): Envelope<'previewForms'> {
  return runRpc('previewForms', args, () => survey.previewForms(appContext()));
}

/** RPC: フォームを作成・更新 — builds or updates every form of アンケート定義, then rewrites フォーム一覧. */
export function buildForms(...args: unknown[]): Envelope<'buildForms'> {
  return runRpc('buildForms', args, (options) => survey.buildForms(appContext(), formsContext(), options ?? {}));
}

/** RPC: what 回答の取り込み would write into アンケート回答, without writing (the CLI's survey import). */
export function previewSurveyAnswers(...args: unknown[]): Envelope<'previewSurveyAnswers'> {
  return runRpc('previewSurveyAnswers', args, () => survey.previewSurveyAnswers(appContext()));
}

/** RPC: the answers of ボランティア登録 / 活動報告 forms as candidates to accept or decline, without writing. */
export function previewSurveyCandidates(...args: unknown[]): Envelope<'previewSurveyCandidates'> {
  return runRpc('previewSurveyCandidates', args, (kind) => surveyImport.previewSurveyCandidates(appContext(), kind));
}

/** RPC: 取り込む / 見送る — appends the accepted candidates to ボランティア名簿 / 活動記録 and remembers the decisions, undoably. */
export function decideSurveyCandidates(...args: unknown[]): Envelope<'decideSurveyCandidates'> {
  return runRpc('decideSurveyCandidates', args, (decisions) =>
    surveyImport.decideSurveyCandidates(appContext(), decisions),
  );
}

/** RPC: 回答の取り込み — rewrites アンケート回答 with every answer of the resident surveys. */
export function importSurveyAnswers(...args: unknown[]): Envelope<'importSurveyAnswers'> {
  return runRpc('importSurveyAnswers', args, () => survey.importSurveyAnswers(appContext()));
}

/** RPC: the form-submit trigger and the scheduled refresh — on or off, whose, last run, failures — and 新しい回答. */
export function getTriggerStatus(...args: unknown[]): Envelope<'getTriggerStatus'> {
  return runRpc('getTriggerStatus', args, () => triggers.getTriggerStatus(appContext(), triggersContext().triggers));
}

/** RPC: 新しい回答を数える (also 自分に引き継ぐ) — the form-submit trigger as the current user. */
export function startAnswerTrigger(...args: unknown[]): Envelope<'startAnswerTrigger'> {
  return runRpc('startAnswerTrigger', args, () => {
    const { triggers: installed, spreadsheetId } = triggersContext();
    return triggers.startTrigger(appContext(), installed, spreadsheetId, 'answers');
  });
}

/** RPC: 定期更新 (also 自分に引き継ぐ) — the time-driven refresh of 指標サマリー as the current user. */
export function startSummaryTrigger(...args: unknown[]): Envelope<'startSummaryTrigger'> {
  return runRpc('startSummaryTrigger', args, (schedule) => {
    const { triggers: installed, spreadsheetId } = triggersContext();
    return triggers.startTrigger(appContext(), installed, spreadsheetId, 'summary', schedule);
  });
}

/** RPC: 止める — one of the two triggers. */
export function stopTrigger(...args: unknown[]): Envelope<'stopTrigger'> {
  return runRpc('stopTrigger', args, (kind) => triggers.stopTrigger(appContext(), triggersContext().triggers, kind));
}

/** RPC: 確認済みにする — 新しい回答 back to 0. */
export function clearNewAnswers(...args: unknown[]): Envelope<'clearNewAnswers'> {
  return runRpc('clearNewAnswers', args, () => triggers.clearNewAnswers(appContext(), triggersContext().triggers));
}

/** Installable trigger (form submit on this spreadsheet): counts one new answer for its form. */
export function onAnswerSubmitted(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const { ports, triggers: installed } = triggerContext();
  triggers.countNewAnswer(ports, installed, e.triggerUid, e.range.getSheet().getFormUrl() ?? '');
}

/**
 * Installable trigger (time-driven, and the one-off triggers a refresh in parts leaves): recomputes
 * 指標サマリー, no Ui, a part per execution on large workbooks, and keeps when it ran or why it failed.
 */
export function onSummarySchedule(e: GoogleAppsScript.Events.TimeDriven): void {
  const { ports, triggers: installed } = triggerContext();
  triggers.refreshSummaryOnSchedule(ports, installed, e.triggerUid);
}

/** RPC: チラシを印刷 — the printable flyer of one form and language in a dialog over the spreadsheet (writes nothing). */
export function openFormFlyer(...args: unknown[]): Envelope<'openFormFlyer'> {
  return runRpc('openFormFlyer', args, (name, language) =>
    surveyFlyer.openFormFlyer(appContext(), formsContext(), name, language ?? undefined),
  );
}

/** RPC: the printable flyer of one form and language as a page (the CLI's survey flyer; writes nothing). */
export function getFormFlyer(...args: unknown[]): Envelope<'getFormFlyer'> {
  return runRpc('getFormFlyer', args, (name, language) =>
    surveyFlyer.getFormFlyer(appContext(), formsContext(), name, language ?? undefined),
  );
}
