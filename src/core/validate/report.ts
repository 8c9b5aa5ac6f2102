/** Turns validation issues into what staff see: 検証結果 rows, cell marks, the sidebar's groups, the safe-fix list. */
import type { CellValue } from '../ports';
import type { FixPreviewItem, IssueGroup, IssueView, ValidationReport } from '../../shared/rpc';
import type { MarkWrite, ValueWrite } from '../history/cells';
import { columnLetter } from '../sheets/rows';
import { guardFormula } from '../text/formula';
import { Fingerprint } from '../fingerprint';
import { quoted } from './quote';
import { ISSUE_CODES } from './codes';
import type { ValidationIssue, ValidationResult } from './types';

export const RESULT_HEADER = ['シート', 'セル', '行', '列', '重大度', 'コード', '内容', '値', '提案', '安全に修正可'];
export const ERROR_FILL = '#f4c7c3';
export const WARNING_FILL = '#fce8b2';
const MARK_PREFIX = '【つなぐ検証】';
/** Issues per group sent to the sidebar; the rest are counted (the sidebar adds parts up to as many: src/ui/validation-parts.ts). */
export const GROUP_LIMIT = 50;
/** Fixes listed in the preview; the rest are counted. */
export const PREVIEW_LIMIT = 300;
/**
 * Cells marked with a fill and a note per 検証, in issue order; the issues of the other cells are
 * in 検証結果 and the sidebar. What a mark overwrites is kept in つなぐ履歴, which bounds each action.
 */
export const MARK_LIMIT = 2_000;
/** 検証結果 rows listed per sheet and rule; the rest of that rule is counted in one row at the end. */
export const RESULT_ROWS_PER_RULE = 500;
/** 検証結果 rows in all (10 columns each: far below Sheets' 10,000,000 cells per spreadsheet). */
export const RESULT_ROW_LIMIT = 20_000;
/** Characters of a cell's value, a header or a suggestion written into 検証結果 or a note. */
const SHOWN_LIMIT = 200;

const SEVERITY_JA = { error: 'エラー', warning: '警告' } as const;

export function cellName(issue: Pick<ValidationIssue, 'row' | 'columnIndex'>): string {
  return issue.columnIndex >= 0 ? `${columnLetter(issue.columnIndex)}${issue.row}` : '';
}

/** A formula linking to a cell of another sheet of the same spreadsheet. */
function cellLink(sheetId: number, sheet: string, cell: string): string {
  const text = `${sheet}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("#gid=${sheetId}&range=${cell}","${text}")`;
}

/**
 * The rows of the 検証結果 sheet: the first RESULT_ROWS_PER_RULE issues of each sheet and rule
 * (RESULT_ROW_LIMIT in all), then one row per rule counting the rest — the sidebar and
 * `tsunagu validate --json` give every issue. Every text from staff cells is guarded against
 * formula injection, and long values are shortened.
 */
export function resultRows(
  issues: readonly ValidationIssue[],
  sheetIds: Readonly<Record<string, number>>,
): CellValue[][] {
  const tally = newResultTally();
  return [...listedRows(issues, sheetIds, tally), ...restRows(tally)];
}

/** What a 検証 in parts has listed so far, so that its parts together keep 検証結果's bounds. */
export interface ResultTally {
  /** Rows listed so far, all rules. */
  rows: number;
  /** Rows listed per sheet and rule. */
  listed: Record<string, number>;
  /** Issues not listed, per sheet and rule: a code, a sheet and a severity only (no cell contents). */
  rest: Record<string, { sheet: string; code: string; severity: ValidationIssue['severity']; count: number }>;
}

export function newResultTally(): ResultTally {
  return { rows: 0, listed: {}, rest: {} };
}

/** The rows listed for these issues, within the bounds the tally has left; the rest are counted in it. */
export function listedRows(
  issues: readonly ValidationIssue[],
  sheetIds: Readonly<Record<string, number>>,
  tally: ResultTally,
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const issue of issues) {
    const key = `${issue.sheet}\u0000${issue.code}`;
    const n = tally.listed[key] ?? 0;
    if (n >= RESULT_ROWS_PER_RULE || tally.rows >= RESULT_ROW_LIMIT) {
      const r = tally.rest[key];
      if (r) {
        r.count++;
        if (issue.severity === 'error') r.severity = 'error';
      } else tally.rest[key] = { sheet: issue.sheet, code: issue.code, severity: issue.severity, count: 1 };
      continue;
    }
    tally.listed[key] = n + 1;
    tally.rows++;
    const cell = cellName(issue);
    const id = sheetIds[issue.sheet];
    rows.push([
      guardFormula(issue.sheet),
      cell !== '' && id !== undefined ? cellLink(id, issue.sheet, cell) : '',
      issue.row,
      guardFormula(quoted(issue.column, SHOWN_LIMIT)),
      SEVERITY_JA[issue.severity],
      issue.code,
      guardFormula(issue.message.ja),
      guardFormula(quoted(issue.value, SHOWN_LIMIT)),
      guardFormula(quoted(issue.suggestion ?? '', SHOWN_LIMIT)),
      issue.fix ? 'はい' : '',
    ]);
  }
  return rows;
}

/** One row per rule counting the issues not listed. */
export function restRows(tally: ResultTally): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const issue of Object.values(tally.rest)) {
    const { count } = issue;
    const shown = tally.listed[`${issue.sheet}\u0000${issue.code}`] ?? 0;
    const info = (ISSUE_CODES as Record<string, { ja: string } | undefined>)[issue.code];
    rows.push([
      guardFormula(issue.sheet),
      '',
      '',
      '',
      SEVERITY_JA[issue.severity],
      issue.code,
      guardFormula(
        `${info ? `「${info.ja}」は` : ''}ほかに ${count}件あります（この表には${shown === 0 ? '載せていません' : `最初の${shown}件だけを載せています`}）。件数はサイドバーにあります。直してからもう一度検証すると続きが載ります`,
      ),
      '',
      '',
      '',
    ]);
  }
  return rows;
}

/**
 * One mark per cell with issues, for the first MARK_LIMIT cells: all its messages in the note,
 * the fill of the worst severity. `unmarked` counts the cells with issues left without a mark.
 */
export function marksFor(issues: readonly ValidationIssue[]): { marks: MarkWrite[]; unmarked: number } {
  const byCell = new Map<string, { sheet: string; row: number; column: number; lines: string[]; error: boolean }>();
  let unmarked = 0;
  for (const issue of issues) {
    if (issue.columnIndex < 0) continue;
    const key = `${issue.sheet}\u0000${issue.row}\u0000${issue.columnIndex}`;
    let cell = byCell.get(key);
    if (!cell) {
      if (byCell.size >= MARK_LIMIT) {
        unmarked++;
        byCell.set(key, { sheet: '', row: 0, column: 0, lines: [], error: false });
        continue;
      }
      cell = { sheet: issue.sheet, row: issue.row, column: issue.columnIndex + 1, lines: [], error: false };
      byCell.set(key, cell);
    }
    if (cell.row === 0) continue;
    const suggestion = issue.suggestion ? `（提案: ${quoted(issue.suggestion, SHOWN_LIMIT)}）` : '';
    cell.lines.push(`・${issue.message.ja}${suggestion}`);
    if (issue.severity === 'error') cell.error = true;
  }
  const marks = [...byCell.values()]
    .filter((c) => c.row > 0)
    .map((c) => ({
      sheet: c.sheet,
      row: c.row,
      column: c.column,
      mark: `${MARK_PREFIX}\n${c.lines.join('\n')}`,
      background: c.error ? ERROR_FILL : WARNING_FILL,
    }));
  return { marks, unmarked };
}

function issueView(issue: ValidationIssue): IssueView {
  return {
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    columnNumber: issue.columnIndex + 1,
    cell: cellName(issue),
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    value: issue.value,
    suggestion:
      issue.suggestion === undefined ? null : { ja: issue.suggestion, en: issue.suggestionEn ?? issue.suggestion },
    fixable: issue.fix !== undefined,
  };
}

/** Issues grouped by sheet and rule, in the order validation found them, each group capped. */
export function groupIssues(issues: readonly ValidationIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const key = `${issue.sheet}\u0000${issue.code}`;
    let group = groups.get(key);
    if (!group) {
      const info = (ISSUE_CODES as Record<string, { ja: string; en: string } | undefined>)[issue.code];
      const title = info ? { ja: info.ja, en: info.en } : issue.message;
      group = { sheet: issue.sheet, code: issue.code, severity: issue.severity, title, total: 0, issues: [] };
      groups.set(key, group);
    }
    if (issue.severity === 'error') group.severity = 'error';
    group.total++;
    if (group.issues.length < GROUP_LIMIT) group.issues.push(issueView(issue));
  }
  return [...groups.values()];
}

/** The safe fixes to apply, one per cell (the first rule that proposed one wins). */
export function fixWrites(issues: readonly ValidationIssue[]): Array<{ write: ValueWrite; issue: ValidationIssue }> {
  const seen = new Set<string>();
  const out: Array<{ write: ValueWrite; issue: ValidationIssue }> = [];
  for (const issue of issues) {
    if (!issue.fix || issue.columnIndex < 0) continue;
    const key = `${issue.sheet}\u0000${issue.row}\u0000${issue.columnIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A date fix writes ISO text that Sheets turns into a real date; an amount is a number already.
    out.push({
      write: {
        sheet: issue.sheet,
        row: issue.row,
        column: issue.columnIndex + 1,
        value: issue.fix.to,
        parse: issue.fix.kind === 'date',
      },
      issue,
    });
  }
  return out;
}

export function previewItem(write: ValueWrite, issue: ValidationIssue): FixPreviewItem {
  return {
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    cell: cellName(issue),
    before: issue.value,
    after: String(write.value),
    kind: issue.fix?.kind ?? '',
  };
}

/**
 * A fingerprint of a list of fixes (their cells, old and new values): the preview hands it to
 * staff, and applying refuses when the fixes found then differ from those shown.
 */
export function fixToken(fixes: ReadonlyArray<{ write: ValueWrite; issue: ValidationIssue }>): string {
  const print = new Fingerprint();
  for (const { write, issue } of fixes)
    print.add(`${write.sheet}\u0000${write.row}\u0000${write.column}\u0000${issue.value}\u0000${String(write.value)}`);
  return print.toString();
}

export function report(result: ValidationResult): ValidationReport {
  return {
    issues: result.issues.map((i) => ({
      sheet: i.sheet,
      row: i.row,
      column: i.column,
      code: i.code,
      severity: i.severity,
      message: i.message.ja,
      messageEn: i.message.en,
      value: i.value,
      ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}),
      ...(i.suggestionEn !== undefined ? { suggestionEn: i.suggestionEn } : {}),
      ...(i.fix ? { fix: { kind: i.fix.kind, to: i.fix.to } } : {}),
    })),
    counts: {
      errors: result.counts.errors,
      warnings: result.counts.warnings,
      fixable: result.counts.fixable,
      byCode: result.counts.byCode,
      bySheet: result.counts.bySheet,
    },
  };
}
