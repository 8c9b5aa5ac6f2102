/** Defines validateWorkbook: every rule over every sheet of known kind, issues in sheet, row, column and code order. */
import { defaultSettings } from '../sheets/settings';
import type { SheetKind } from '../sheets/types';
import { checkActivities } from './activities';
import { finding } from './codes';
import { checkCommon } from './common';
import { checkConsultations } from './consultations';
import { currentFiscalYear, References, safeStartMonth, sharedState, type RunContext } from './context';
import { countIssues } from './counts';
import { checkDonations } from './donations';
import { checkMemberships } from './memberships';
import { checkRequests } from './requests';
import { checkSettingsSheet } from './settings';
import type { ValidationIssue, ValidationResult, WorkbookInput } from './types';
import { SheetView } from './view';
import { checkVolunteers } from './volunteers';

export type {
  Severity,
  FixKind,
  SafeFix,
  ValidationIssue,
  SheetInput,
  WorkbookInput,
  ValidationCounts,
  ValidationResult,
} from './types';
export { ISSUE_CODES, type IssueCode, type CodeInfo } from './codes';
export { countIssues } from './counts';
export { receiptFiscalYear } from './donations';

type KindRule = (view: SheetView, run: RunContext, out: ValidationIssue[]) => void;

/** The rules of each kind beyond the common ones. Registration-form answers are a roster. */
const KIND_RULES: Partial<Record<SheetKind, KindRule>> = {
  volunteers: checkVolunteers,
  volunteerFormAnswers: checkVolunteers,
  requests: checkRequests,
  donations: checkDonations,
  memberships: checkMemberships,
  activities: checkActivities,
  consultations: checkConsultations,
  settings: (view, _run, out) => checkSettingsSheet(view, out),
};

/** The issue that stands for a defect: the sheet could not be validated to the end. Tests hold that it never appears. */
function internalIssue(sheet: string, row: number, error: unknown): ValidationIssue {
  const detail = error instanceof Error ? error.message : String(error);
  const f = finding(
    'sheet.internal',
    `このシートの検証を最後まで行えませんでした（${detail}）。見つかった問題は表示していますが、他にもあるかもしれません`,
    `This sheet could not be validated to the end (${detail}); the issues found are shown, but there may be more`,
  );
  return { sheet, row, columnIndex: -1, column: '', code: f.code, severity: f.severity, message: f.message, value: '' };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Row, then column, then code; the message keeps two findings of one rule about one cell in a fixed order. */
function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  return (
    a.row - b.row ||
    a.columnIndex - b.columnIndex ||
    compareText(a.code, b.code) ||
    compareText(a.message.ja, b.message.ja)
  );
}

/**
 * Checks every sheet of the workbook: the rules every kind shares (columns, required cells,
 * lists, formats, ids) and those of its kind, with cross-sheet references (assigned volunteers,
 * request numbers). Pure and deterministic; never throws on what is in the cells.
 */
export function validateWorkbook(input: WorkbookInput): ValidationResult {
  const settings = input.settings ?? defaultSettings();
  const startMonth = safeStartMonth(settings);
  const today = input.today;
  const issues: ValidationIssue[] = [];
  const views: SheetView[] = [];
  const sheets = Array.isArray(input.sheets) ? input.sheets : [];
  const perSheet: ValidationIssue[][] = sheets.map(() => []);
  sheets.forEach((sheet, i) => {
    try {
      views.push(new SheetView(sheet, i, settings));
    } catch (e) {
      (perSheet[i] as ValidationIssue[]).push(internalIssue(String(sheet?.name ?? ''), 1, e));
    }
  });
  const run: RunContext = {
    settings,
    today,
    todayDay: today.toDayNumber(),
    todayISO: today.toISO(),
    startMonth,
    currentFiscalYear: currentFiscalYear(today, startMonth),
    refs: new References(views),
    shared: sharedState(input.shared),
  };
  for (const view of views) {
    const out = perSheet[view.order] as ValidationIssue[];
    try {
      checkCommon(view, run, out);
      KIND_RULES[view.kind]?.(view, run, out);
    } catch (e) {
      out.push(internalIssue(view.name, view.headerRow, e));
    }
  }
  for (const out of perSheet) {
    out.sort(compareIssues);
    for (const issue of out) issues.push(issue);
  }
  return { issues, counts: countIssues(issues) };
}
