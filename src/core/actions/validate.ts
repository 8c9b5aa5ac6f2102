/** 検証 and 安全な修正を適用: validate the workbook, write 検証結果 and cell marks, preview and apply safe fixes. */
import { UserError } from '../errors';
import { writeMarks, writeValues } from '../history/cells';
import type { CellChange, HistoryAction } from '../history/types';
import { History } from '../history/store';
import { estimateRecordChars } from '../history/estimate';
import { placeNotice, placeOutput } from '../output-sheets';
import type { SheetHead } from '../ports';
import { HEAD_ROWS } from '../setup/plan';
import { settingsNotice } from '../setup/settings-source';
import { atomically } from '../transaction';
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
import type {
  FixPreview,
  FixResult,
  HighlightResult,
  Message,
  ValidationReport,
  ValidationView,
} from '../../shared/rpc';
import type { AppPorts } from './ports';
import { clearActiveHighlight, undoInfo } from './undo';
import { retentionDaysOf } from './retention';
import { cancelRun, continueRun, needsParts, startRun } from './validate-run';
import { cancelFixRun, continueFixRun, previewStagedFixes, startFixRun } from './fix-run';
import { readWorkbookInput } from './workbook-input';

function validateNow(ports: AppPorts, heads?: SheetHead[]) {
  const input = readWorkbookInput(ports, undefined, undefined, heads);
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
    const heads = ports.workbook.heads(HEAD_ROWS);
    // Too large for one call: the sidebar asks for the parts one by one (continueValidation).
    const started = startRun(ports, heads);
    if (started) return started;
    const { input, result } = validateNow(ports, heads);
    const sheetIds: Record<string, number> = {};
    for (const head of input.heads) sheetIds[head.name] = head.id;
    const history = History.load(ports);
    const { marks, unmarked } = marksFor(result.issues);
    const changes: CellChange[] = [];
    const place = placeOutput(ports.workbook, 'validation', RESULT_HEADER);
    // The old marks come off, the new ones go on, 検証結果 is rewritten and the history records it: all or nothing.
    atomically(ports, { ja: '検証結果', en: 'the validation results' }, (tx) => {
      history.prepare(tx, estimateRecordChars(marks.map((m) => ({ before: '', after: m.mark }))));
      clearActiveHighlight(ports.workbook, history, tx);
      writeMarks(ports.workbook, marks, changes, tx);
      if (place.adopt) tx.mark(place.name, 'validation');
      tx.output({
        name: place.name,
        kind: 'validation',
        header: RESULT_HEADER,
        rows: resultRows(result.issues, sheetIds),
        hidden: false,
        textColumns: [0, 3, 5, 6, 7, 8],
        checkboxColumns: [],
      });
      history.record(
        tx,
        'highlight',
        { ja: '検証の印（色とメモ）', en: 'validation marks (fills and notes)' },
        changes,
        input.settings.historyRetentionDays,
      );
    });
    const cells = new Set(changes.map((c) => `${c.sheet}\u0000${c.row}\u0000${c.column}`));
    return {
      checkedSheets: input.sheets.map((s) => ({
        name: s.name,
        kindLabel: SHEET_SPECS[s.kind].canonicalName,
        rows: s.rows ? s.rows.data.length : Math.max(0, s.values.length - s.mapping.headerRow),
      })),
      counts: { errors: result.counts.errors, warnings: result.counts.warnings, fixable: result.counts.fixable },
      groups: groupIssues(result.issues),
      resultSheet: place.name,
      notices: noticesOf(placeNotice(place), settingsNotice(input.settings)),
      highlighted: cells.size,
      unmarked,
      undo: undoInfo(history),
    };
  });
}

/** The next part of a 検証 in parts; the last one marks the cells. */
export function continueValidation(ports: AppPorts, runId: string): ValidationView {
  return continueRun(ports, runId);
}

/** 中止 of a 検証 in parts. */
export function cancelValidation(ports: AppPorts, runId: string): { cancelled: boolean } {
  return cancelRun(ports, runId);
}

/** The next part of 安全な修正 in parts. */
export function continueFixes(ports: AppPorts, runId: string): FixResult {
  return continueFixRun(ports, runId);
}

/** 中止 of 安全な修正 in parts (the sidebar then takes back the parts applied with 元に戻す). */
export function cancelFixes(ports: AppPorts, runId: string): { cancelled: boolean; applied: number } {
  return cancelFixRun(ports, runId);
}

/** ハイライトを消す: restores the fills and notes the last 検証 replaced (cells staff changed since are left as they are). */
export function clearHighlights(ports: AppPorts): HighlightResult {
  return ports.lock.run(() => {
    const history = History.load(ports);
    // The 履歴保存日数 the last recorded action purged with; 設定 only when none was kept (docs/cost.md).
    const retention = history.retentionDays() ?? retentionDaysOf(ports);
    const notesKept = staffNotesUnderMarks(ports, history.activeHighlights());
    // The marks come off, the history says so and drops what is too old: all or nothing.
    const restored = atomically(ports, { ja: '印の取り消し', en: 'taking off the marks' }, (tx) => {
      const count = clearActiveHighlight(ports.workbook, history, tx);
      history.purge(tx, retention);
      return count;
    });
    return { restored, notesKept: restored > 0 ? notesKept : 0 };
  });
}

/** The safe fixes now, found by validating (a workbook validated in parts has its fixes staged: fix-run.ts). */
function currentFixes(ports: AppPorts, heads: SheetHead[]): ReturnType<typeof fixWrites> {
  return fixWrites(validateNow(ports, heads).result.issues);
}

/** Cells whose mark covered a note staff wrote: ハイライトを消す puts those notes back as they were. */
function staffNotesUnderMarks(ports: AppPorts, highlights: readonly HistoryAction[]): number {
  const present = ports.workbook.sheetNames();
  const cells = new Set<string>();
  for (const action of highlights) {
    for (const c of action.changes) {
      if (c.part === 'note' && c.before !== '' && present.indexOf(c.sheet) >= 0)
        cells.add(`${c.sheet}!${c.row}:${c.column}`);
    }
  }
  return cells.size;
}

/** 安全な修正を適用, step 1: the fixes, before and after, and a token that pins them. */
export function previewFixes(ports: AppPorts): FixPreview {
  const heads = ports.workbook.heads(HEAD_ROWS);
  // A large workbook: the fixes its 検証 in parts staged (fix-run.ts).
  if (needsParts(ports, heads)) return previewStagedFixes(ports);
  const fixes = currentFixes(ports, heads);
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
    // A large workbook: the fixes its 検証 staged, applied in parts the sidebar asks for (fix-run.ts).
    const heads = ports.workbook.heads(HEAD_ROWS);
    if (needsParts(ports, heads)) return startFixRun(ports, token, heads);
    const fixes = currentFixes(ports, heads);
    if (fixToken(fixes) !== token) {
      throw new UserError(
        'fix.changed',
        'プレビューの後にシートが変更されたため、修正しませんでした。もう一度プレビューしてください。',
        'The sheets changed after the preview, so nothing was fixed. Please preview again.',
      );
    }
    const history = History.load(ports);
    if (fixes.length === 0) return { applied: 0, skipped: 0, sheets: [], undo: undoInfo(history), running: null };
    const changes: CellChange[] = [];
    atomically(ports, { ja: '修正', en: 'the fixes' }, (tx) => {
      // An action too large to record is refused before it writes.
      history.prepare(
        tx,
        estimateRecordChars(fixes.map((f) => ({ before: f.issue.value, after: String(f.write.value) }))),
      );
      writeValues(
        ports.workbook,
        fixes.map((f) => f.write),
        changes,
        tx,
      );
      history.record(
        tx,
        'fix',
        { ja: `安全な修正（${changes.length}件）`, en: `safe fixes (${changes.length})` },
        changes,
        retentionDaysOf(ports),
      );
    });
    // A target that turned out to hold a formula is left alone, so count what was really changed.
    const sheets = [...new Set(changes.map((c) => c.sheet))];
    return { applied: changes.length, skipped: 0, sheets, undo: undoInfo(history), running: null };
  });
}

function noticesOf(...notices: Array<Message | null>): Message[] {
  return notices.filter((n): n is Message => n !== null);
}
