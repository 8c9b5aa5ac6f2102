/** 検証 and 安全な修正を適用: validate the workbook, write 検証結果 and cell marks, preview and apply safe fixes. */
import { UserError } from '../errors';
import { writeMarks, writeValues } from '../history/cells';
import type { CellChange } from '../history/types';
import { History } from '../history/store';
import { estimateRecordChars } from '../history/estimate';
import { VALIDATION_SHEET } from '../output-sheets';
import { SHEET_SPECS } from '../sheets/specs';
import { validateWorkbook } from '../validate/index';
import {
  PREVIEW_LIMIT,
  RESULT_HEADER,
  fixToken,
  fixWrites,
  groupIssues,
  marksFor,
  previewItem,
  report,
  resultRows,
} from '../validate/report';
import type { FixPreview, FixResult, HighlightResult, ValidationReport, ValidationView } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { clearActiveHighlight, takeBack, undoInfo } from './undo';
import { retentionDaysOf } from './retention';
import { readWorkbookInput } from './workbook-input';

function validateNow(ports: AppPorts) {
  const input = readWorkbookInput(ports);
  if (input.sheets.length === 0) {
    throw new UserError(
      'validate.noSheets',
      '検証できるシートがありません。シート準備で標準のシートを作るか、見出し行（氏名・電話番号など）のあるシートを用意してください。',
      'There is no sheet to validate. Create the standard sheets with シート準備, or add a sheet with a header row (氏名, 電話番号 …).',
    );
  }
  return { input, result: validateWorkbook(input) };
}

/** The full list of issues, without writing anything (the CLI's report). */
export function getValidationReport(ports: AppPorts): ValidationReport {
  return report(validateNow(ports).result);
}

/**
 * 検証: validates every staff sheet, rewrites 検証結果, and marks the offending cells with a fill
 * and a note. The marks of the previous run are taken off first, and what the cells looked like
 * before is kept in the history, so ハイライトを消す restores them exactly.
 */
export function runValidation(ports: AppPorts): ValidationView {
  return ports.lock.run(() => {
    const { input, result } = validateNow(ports);
    const sheetIds: Record<string, number> = {};
    for (const head of input.heads) sheetIds[head.name] = head.id;
    const history = History.load(ports);
    const { marks, unmarked } = marksFor(result.issues);
    const changes: CellChange[] = [];
    const reverted: CellChange[] = [];
    try {
      history.prepare(estimateRecordChars(marks.map((m) => ({ before: '', after: m.mark }))));
      clearActiveHighlight(ports.workbook, history, reverted);
      writeMarks(ports.workbook, marks, changes);
      ports.workbook.writeOutputSheet({
        name: VALIDATION_SHEET,
        header: RESULT_HEADER,
        rows: resultRows(result.issues, sheetIds),
        hidden: false,
        textColumns: [0, 3, 5, 6, 7, 8],
        checkboxColumns: [],
      });
      history.record(
        'highlight',
        { ja: '検証の印（色とメモ）', en: 'validation marks (fills and notes)' },
        changes,
        input.settings.historyRetentionDays,
      );
    } catch (error) {
      // All or nothing: the new marks go, and the previous run's marks come back.
      throw takeBack(
        ports.workbook,
        history,
        [reverted, changes],
        error,
        '検証結果を書き込めませんでした',
        'The validation results could not be written',
      );
    }
    const cells = new Set(changes.map((c) => `${c.sheet}\u0000${c.row}\u0000${c.column}`));
    return {
      checkedSheets: input.sheets.map((s) => ({
        name: s.name,
        kindLabel: SHEET_SPECS[s.kind].canonicalName,
        rows: Math.max(0, s.values.length - s.mapping.headerRow),
      })),
      counts: { errors: result.counts.errors, warnings: result.counts.warnings, fixable: result.counts.fixable },
      groups: groupIssues(result.issues),
      resultSheet: VALIDATION_SHEET,
      highlighted: cells.size,
      unmarked,
      undo: undoInfo(history),
    };
  });
}

/** ハイライトを消す: restores the fills and notes the last 検証 replaced (cells staff changed since are left as they are). */
export function clearHighlights(ports: AppPorts): HighlightResult {
  return ports.lock.run(() => {
    const history = History.load(ports);
    const retention = retentionDaysOf(ports);
    const reverted: CellChange[] = [];
    let restored: number;
    try {
      restored = clearActiveHighlight(ports.workbook, history, reverted);
      history.purge(retention);
    } catch (error) {
      throw takeBack(
        ports.workbook,
        history,
        [reverted],
        error,
        'ハイライトを消せませんでした',
        'The highlights could not be cleared',
      );
    }
    return { restored };
  });
}

/** 安全な修正を適用, step 1: the fixes, before and after, and a token that pins them. */
export function previewFixes(ports: AppPorts): FixPreview {
  const { result } = validateNow(ports);
  const fixes = fixWrites(result.issues);
  const byKind: Record<string, number> = {};
  for (const { issue } of fixes) byKind[issue.fix?.kind ?? ''] = (byKind[issue.fix?.kind ?? ''] ?? 0) + 1;
  return {
    token: fixToken(fixes),
    total: fixes.length,
    items: fixes.slice(0, PREVIEW_LIMIT).map(({ write, issue }) => previewItem(write, issue)),
    byKind,
  };
}

/**
 * 安全な修正を適用, step 2: under the document lock, validates again and applies the fixes only
 * if they are exactly those previewed; all of them or none, recorded in the history.
 */
export function applyFixes(ports: AppPorts, token: string): FixResult {
  return ports.lock.run(() => {
    const { input, result } = validateNow(ports);
    const fixes = fixWrites(result.issues);
    if (fixToken(fixes) !== token) {
      throw new UserError(
        'fix.changed',
        'プレビューの後にシートが変更されたため、修正しませんでした。もう一度プレビューしてください。',
        'The sheets changed after the preview, so nothing was fixed. Please preview again.',
      );
    }
    const history = History.load(ports);
    if (fixes.length === 0) return { applied: 0, sheets: [], undo: undoInfo(history) };
    const changes: CellChange[] = [];
    try {
      history.prepare(estimateRecordChars(fixes.map((f) => ({ before: f.issue.value, after: String(f.write.value) }))));
      writeValues(
        ports.workbook,
        fixes.map((f) => f.write),
        changes,
      );
      history.record(
        'fix',
        { ja: `安全な修正（${changes.length}件）`, en: `safe fixes (${changes.length})` },
        changes,
        input.settings.historyRetentionDays,
      );
    } catch (error) {
      throw takeBack(
        ports.workbook,
        history,
        [changes],
        error,
        '修正を書き込めませんでした',
        'The fixes could not be written',
      );
    }
    // A target that turned out to hold a formula is left alone, so count what was really changed.
    const sheets = [...new Set(changes.map((c) => c.sheet))];
    return { applied: changes.length, sheets, undo: undoInfo(history) };
  });
}
