/** Turns validation issues into what staff see: 検証結果 rows, cell marks, the sidebar's groups, the safe-fix list. */
import type { CellValue } from '../ports';
import type { FixPreviewItem, IssueGroup, IssueView, ValidationReport } from '../../shared/rpc';
import type { MarkWrite, ValueWrite } from '../history/cells';
import { columnLetter } from '../sheets/rows';
import { guardFormula } from '../text/formula';
import { Fingerprint } from '../fingerprint';
import { ISSUE_CODES } from './codes';
import type { ValidationIssue, ValidationResult } from './types';

export const RESULT_HEADER = ['シート', 'セル', '行', '列', '重大度', 'コード', '内容', '値', '提案', '安全に修正可'];
export const ERROR_FILL = '#f4c7c3';
export const WARNING_FILL = '#fce8b2';
const MARK_PREFIX = '【つなぐ検証】';
/** Issues per group sent to the sidebar; the rest are counted. */
export const GROUP_LIMIT = 50;
/** Fixes listed in the preview; the rest are counted. */
export const PREVIEW_LIMIT = 300;

const SEVERITY_JA = { error: 'エラー', warning: '警告' } as const;

export function cellName(issue: Pick<ValidationIssue, 'row' | 'columnIndex'>): string {
  return issue.columnIndex >= 0 ? `${columnLetter(issue.columnIndex)}${issue.row}` : '';
}

/** A formula linking to a cell of another sheet of the same spreadsheet. */
function cellLink(sheetId: number, sheet: string, cell: string): string {
  const text = `${sheet}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("#gid=${sheetId}&range=${cell}","${text}")`;
}

/** The rows of the 検証結果 sheet; every text from staff cells is guarded against formula injection. */
export function resultRows(
  issues: readonly ValidationIssue[],
  sheetIds: Readonly<Record<string, number>>,
): CellValue[][] {
  return issues.map((issue) => {
    const cell = cellName(issue);
    const id = sheetIds[issue.sheet];
    return [
      guardFormula(issue.sheet),
      cell !== '' && id !== undefined ? cellLink(id, issue.sheet, cell) : '',
      issue.row,
      guardFormula(issue.column),
      SEVERITY_JA[issue.severity],
      issue.code,
      guardFormula(issue.message.ja),
      guardFormula(issue.value),
      guardFormula(issue.suggestion ?? ''),
      issue.fix ? 'はい' : '',
    ];
  });
}

/** One mark per cell with issues: all its messages in the note, the fill of the worst severity. */
export function marksFor(issues: readonly ValidationIssue[]): MarkWrite[] {
  const byCell = new Map<string, { sheet: string; row: number; column: number; lines: string[]; error: boolean }>();
  for (const issue of issues) {
    if (issue.columnIndex < 0) continue;
    const key = `${issue.sheet}\u0000${issue.row}\u0000${issue.columnIndex}`;
    let cell = byCell.get(key);
    if (!cell) {
      cell = { sheet: issue.sheet, row: issue.row, column: issue.columnIndex + 1, lines: [], error: false };
      byCell.set(key, cell);
    }
    cell.lines.push(`・${issue.message.ja}${issue.suggestion ? `（提案: ${issue.suggestion}）` : ''}`);
    if (issue.severity === 'error') cell.error = true;
  }
  return [...byCell.values()].map((c) => ({
    sheet: c.sheet,
    row: c.row,
    column: c.column,
    mark: `${MARK_PREFIX}\n${c.lines.join('\n')}`,
    background: c.error ? ERROR_FILL : WARNING_FILL,
  }));
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
