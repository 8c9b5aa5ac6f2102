/**
 * 検証 in parts: a workbook too large for one Apps Script call (docs/cost.md) is validated part by
 * part as the sidebar asks for each, every part reading a bounded number of cells. Each part adds
 * its findings to 検証結果 and stages its marks and safe fixes in a hidden work sheet; the last part
 * puts the marks on the cells, replacing the previous run's, all or nothing. Until then no staff
 * sheet has changed, so stopping a run takes nothing back. A part writes at places the run's state
 * fixes and the state moves on only when the part is done, so a part that failed is simply run
 * again. The state holds sheet names, sizes, column positions and counts — never cell contents.
 */
import { UserError } from '../errors';
import { MarkBudget, writeMarks, type MarkWrite, type ValueWrite } from '../history/cells';
import { storeValue } from '../history/codec';
import { cellInput } from '../history/cells';
import type { CellChange, StoredValue } from '../history/types';
import { estimateRecordChars } from '../history/estimate';
import { History } from '../history/store';
import { placeNotice, placeOutput, type OutputPlace } from '../output-sheets';
import type { CellValue, SheetHead } from '../ports';
import { atomically, type Transaction } from '../transaction';
import { NO_SETTINGS_SHEET, settingsFrom } from '../setup/settings-source';
import { SHEET_SPECS } from '../sheets/specs';
import { validateWorkbook } from '../validate/index';
import {
  chunkSheets,
  fieldColumns,
  keptIssues,
  mergeIssues,
  planChunks,
  seedOf,
  seenRows,
  seenSizes,
  stagedFor,
  type ChunkWork,
  type PlannedSheet,
  type SheetReader,
} from '../validate/chunks';
import { countIssues } from '../validate/counts';
import {
  RESULT_HEADER,
  fixWrites,
  groupIssues,
  listedRows,
  marksFor,
  newResultTally,
  restRows,
  type ResultTally,
} from '../validate/report';
import type { ValidationIssue } from '../validate/types';
import type { ValidationView } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { clearActiveHighlight, undoInfo } from './undo';
import { retentionDaysOf } from './retention';
import { loadMappings } from './sidebar';
import { mappingOf, today } from './workbook-input';

/** Document property: where a 検証 in parts stands. */
export const RUN_KEY = 'tsunagu.validationRun';
/** Document property: the last 検証 in parts that finished, whose staged safe fixes 安全な修正 offers. */
export const DONE_KEY = 'tsunagu.validationDone';
/**
 * Cells one part reads at most: about 12 s of Apps Script time at the cost model's high figure
 * (100 µs a cell), which leaves room for the part's calls and writes under the 30-second budget.
 */
export const PART_CELLS = 120_000;
/** Cells a 検証 in parts marks at most; the rest are listed in 検証結果 only. */
export const RUN_MARKS = 2_000;
/**
 * Safe fixes a 検証 in parts keeps for 安全な修正 at most: more could not be recorded for 元に戻す in
 * one action anyway (history/codec.ts MAX_ACTION_CHARS), and the work sheet stays far below Sheets'
 * 10,000,000 cells (real-sheets-checklist RS-44). After they are applied, the next 検証 keeps the rest.
 */
export const RUN_FIXES = 10_000;
/** 検証結果's text columns, as runValidation writes them. */
export const RESULT_TEXT_COLUMNS = [0, 3, 5, 6, 7, 8];
const WORK_HEADER = ['種類', 'データ'];
/** What a row of the work sheet holds: a cross-row finding, a mark, a safe fix, values first seen (a cross-row slice's). */
const STAGED = { crossRow: 'x', mark: 'm', fix: 'f', seen: 's' } as const;

/** The spans of a sheet's staged cross-row findings (a run started before they came in spans kept one). */
function spansOf(rows: Rows | Rows[] | undefined): Rows[] {
  return rows === undefined ? [] : Array.isArray(rows) ? rows : [rows];
}

interface Rows {
  first: number;
  count: number;
}

interface RunState {
  id: string;
  /** Where 検証結果 and the work sheet went (an output sheet passes over a staff sheet of the same name). */
  resultSheet: string;
  workSheet: string;
  sheets: PlannedSheet[];
  sheetIds: Record<string, number>;
  parts: ChunkWork[];
  /** Parts done. */
  done: number;
  counts: { errors: number; warnings: number; fixable: number };
  /** 検証結果 rows written below its header. */
  resultRows: number;
  /** What 検証結果 listed so far, so the parts together keep its bounds (rows per rule, rows in all). */
  tally: ResultTally;
  /** Work-sheet rows written below its header. */
  workRows: number;
  /** Work-sheet rows (1-based) of each split sheet's cross-row findings (one span per cross-row part). */
  staged: Record<string, Rows | Rows[]>;
  /**
   * Work-sheet rows of what each split sheet's cross-row slices saw so far (chunks.ts seenRows):
   * the next cross-row slice of the sheet starts from them.
   */
  seen?: Record<string, Rows[]>;
  marks: Rows[];
  markCells: number;
  /** The rows the marks so far take in each column (MarkBudget: sheet and column, row numbers only). */
  markSpans?: Record<string, Array<[number, number]>>;
  /** Cells with issues left without a mark (beyond the marks a run puts on). */
  unmarked: number;
  fixes: Rows[];
}

/** The last finished run's staged fixes. */
export interface DoneRun {
  id: string;
  workSheet: string;
  fixes: Rows[];
  /** 安全な修正 applied these fixes (the next 検証 stages new ones). */
  applied?: boolean;
}

/** Recognised sheets as a plan sees them, from their first rows only. */
export function plannedSheets(ports: AppPorts, heads: readonly SheetHead[]): PlannedSheet[] {
  const confirmed = loadMappings(ports, heads);
  const sheets: PlannedSheet[] = [];
  for (const head of heads) {
    const mapping = mappingOf(head, confirmed);
    if (mapping) sheets.push({ name: head.name, kind: mapping.kind, mapping, lastRow: head.lastRow });
  }
  return sheets;
}

function loadState(ports: AppPorts): RunState | null {
  const text = ports.store.get(RUN_KEY);
  if (text === null) return null;
  try {
    return JSON.parse(text) as RunState;
  } catch {
    return null;
  }
}

/** The run a part belongs to; a run that was stopped, replaced or finished is gone. */
function stateOf(ports: AppPorts, runId: string): RunState {
  const state = loadState(ports);
  if (!state || state.id !== runId) {
    throw new UserError(
      'validate.runGone',
      'この検証は終わったか、中止されたか、別の検証に置き換えられました。もう一度「検証を実行」してください。',
      'This validation has finished, was stopped, or another one replaced it. Please run validation again.',
    );
  }
  return state;
}

function changedDuringRun(sheet: string): UserError {
  return new UserError(
    'validate.changedDuringRun',
    `検証の途中で「${sheet}」の行数が変わったため、検証を中止しました。もう一度「検証を実行」してください。シートの色とメモは変えていません。`,
    `The rows of 「${sheet}」 changed during validation, so it was stopped. Please run it again; no colours or notes were changed.`,
  );
}

/** A failure to write, in staff's words (a user-facing error keeps its own). */
export function writeFailed(error: unknown, ja: string, en: string): UserError {
  if (error instanceof UserError) return error;
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  const kind = typeof name === 'string' && name !== '' ? name : typeof error;
  return new UserError('write.failed', `${ja}（${kind}）。`, `${en} (${kind}).`);
}

/** A new run id: the time, readable in the work sheet and the property. */
function newRunId(ports: AppPorts): string {
  return `V${ports.clock
    .now()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)}`;
}

function viewOf(state: RunState, issues: readonly ValidationIssue[], highlighted: number): ValidationView {
  const finished = state.done >= state.parts.length + 1;
  return {
    checkedSheets: state.sheets.map((s) => ({
      name: s.name,
      kindLabel: SHEET_SPECS[s.kind].canonicalName,
      rows: Math.max(0, s.lastRow - s.mapping.headerRow),
    })),
    counts: { ...state.counts },
    groups: groupIssues(issues),
    resultSheet: state.resultSheet,
    // No 設定 sheet: the lists are Tsunagu's standard ones, and staff are told where 設定 comes from.
    notices: state.sheets.some((s) => s.kind === 'settings') ? [] : [NO_SETTINGS_SHEET],
    highlighted,
    unmarked: state.unmarked,
    undo: null,
    running: finished ? null : { runId: state.id, done: state.done, total: state.parts.length + 1 },
  };
}

/**
 * Starts a 検証 in parts when the workbook needs more than one part; null when it fits in one
 * call (then runValidation validates it at once). A run still under way is replaced.
 */
export function startRun(ports: AppPorts, heads: readonly SheetHead[]): ValidationView | null {
  const sheets = plannedSheets(ports, heads);
  const parts = planChunks(sheets, PART_CELLS);
  if (parts.length <= 1) return null;
  const result = placeOutput(ports.workbook, 'validation', RESULT_HEADER);
  const work = placeOutput(ports.workbook, 'work', WORK_HEADER);
  const state: RunState = {
    id: newRunId(ports),
    resultSheet: result.name,
    workSheet: work.name,
    sheets,
    sheetIds: Object.fromEntries(heads.map((h) => [h.name, h.id])),
    parts,
    done: 0,
    counts: { errors: 0, warnings: 0, fixable: 0 },
    resultRows: 0,
    tally: newResultTally(),
    workRows: 0,
    staged: {},
    marks: [],
    markCells: 0,
    unmarked: 0,
    fixes: [],
  };
  atomically(ports, { ja: '検証の準備', en: 'starting the validation' }, (tx) => {
    tx.output({
      name: work.name,
      kind: 'work',
      header: WORK_HEADER,
      rows: [],
      hidden: true,
      textColumns: [0, 1],
      checkboxColumns: [],
    });
    // The work sheet no longer holds the last run's staged fixes: 安全な修正 waits for this run.
    tx.removeProperty(DONE_KEY);
    tx.setProperty(RUN_KEY, JSON.stringify(state));
    resetResults(ports, tx, result, RUNNING);
  });
  const notice = placeNotice(result);
  const view = viewOf(state, [], 0);
  return { ...view, notices: notice ? [notice, ...view.notices] : view.notices };
}

/**
 * 検証結果 reduced to its header and one line saying where the run stands, within the action's
 * transaction. A long 検証結果 (the last run's thousands of rows) is not pasted over: its header and
 * first row are written (what they held is kept to put back), and its other rows are deleted as
 * the action's last write (Transaction.lastly) — a row deletion moves no cell contents
 * (real-sheets-checklist RS-55), where a rewrite would copy every old cell aside and paste over
 * all of them (docs/cost.md). A new or short 検証結果 is written whole. The caller's other writes
 * must come first.
 */
function resetResults(ports: AppPorts, tx: Transaction, place: OutputPlace, line: string): void {
  const size = place.exists && !place.adopt ? ports.workbook.sheetSize(place.name) : null;
  if (!size || size.lastRow <= 2) {
    if (place.adopt) tx.mark(place.name, 'validation');
    tx.output({
      name: place.name,
      kind: 'validation',
      header: RESULT_HEADER,
      rows: [progressRow(line)],
      hidden: false,
      textColumns: RESULT_TEXT_COLUMNS,
      checkboxColumns: [],
    });
    return;
  }
  const rect = { row: 1, column: 1, rows: 2, columns: RESULT_HEADER.length };
  const held = ports.workbook.readBlock(place.name, rect, ['values', 'formulas', 'numberFormats']);
  const previous = [0, 1].map((r) =>
    RESULT_HEADER.map((_, c) =>
      cellInput(
        storeValue(held.values?.[r]?.[c] ?? '', held.formulas?.[r]?.[c] ?? ''),
        held.numberFormats?.[r]?.[c] ?? '',
      ),
    ),
  );
  tx.write(place.name, rect, { values: [[...RESULT_HEADER], progressRow(line)] }, { values: previous });
  tx.lastly(() => ports.workbook.deleteRows(place.name, 3, size.lastRow - 2));
}

/** 検証結果's only row while a run is under way. */
const RUNNING = '検証中です。すべての部分が終わると、ここに結果が並びます。';

/** The most characters one staged row holds: below Sheets' 50,000 a cell (real-sheets-checklist RS-44). */
const STAGED_CELL_CHARS = 40_000;
/** How much of a long value a staged cross-row finding keeps: what 検証結果 and the sidebar show of it anyway. */
const STAGED_VALUE_CHARS = 2_000;

/** A cross-row finding as the work sheet keeps it: a value too long for a cell shortened. */
function stagedIssue(issue: ValidationIssue): string {
  const text = JSON.stringify(issue);
  if (text.length <= STAGED_CELL_CHARS) return text;
  return JSON.stringify({ ...issue, value: `${issue.value.slice(0, STAGED_VALUE_CHARS)}…` });
}

/** A 検証結果 row that only says where the run stands (in the 内容 column). */
function progressRow(text: string): CellValue[] {
  return RESULT_HEADER.map((_, i) => (i === 6 ? text : ''));
}

/** The next part of a run: its findings, added to 検証結果 and staged; the marks with the last. */
export function continueRun(ports: AppPorts, runId: string): ValidationView {
  return ports.lock.run(() => {
    const state = stateOf(ports, runId);
    if (state.done >= state.parts.length) return finishRun(ports, state);
    const work = state.parts[state.done] as ChunkWork;
    let issues: ValidationIssue[];
    try {
      // A part's rows and the run's state go together: a part that fails leaves both as they were.
      issues = atomically(ports, { ja: 'この部分の検証結果', en: 'this part of the validation' }, (tx) => {
        const found = runPart(ports, tx, state, work);
        state.done += 1;
        tx.setProperty(RUN_KEY, JSON.stringify(state));
        return found;
      });
    } catch (error) {
      // Rows that moved under the run make its plan wrong: it stops (nothing in staff sheets changed yet).
      if (error instanceof UserError && error.code === 'validate.changedDuringRun') ports.store.remove(RUN_KEY);
      // Otherwise the run stays where it was: the same part runs again when asked.
      throw writeFailed(
        error,
        'この部分の検証結果を書き込めませんでした。「続ける」でこの部分からやり直せます',
        'This part of the validation could not be written; “Continue” runs it again',
      );
    }
    return viewOf(state, issues, 0);
  });
}

/** 中止: forgets the run; 検証結果 says it was stopped. No staff sheet changed, so nothing is taken back. */
export function cancelRun(ports: AppPorts, runId: string): { cancelled: boolean } {
  return ports.lock.run(() => {
    stateOf(ports, runId);
    const result = placeOutput(ports.workbook, 'validation', RESULT_HEADER);
    atomically(ports, { ja: '検証の中止', en: 'stopping the validation' }, (tx) => {
      tx.removeProperty(RUN_KEY);
      resetResults(ports, tx, result, '検証を中止したため、結果はありません。もう一度「検証を実行」してください。');
    });
    return { cancelled: true };
  });
}

/** Reads what a part asks for; a sheet whose rows changed since the plan stops the run. */
function readerFor(ports: AppPorts): SheetReader {
  return (sheet, fields, rows) => {
    const columns = sheet.kind === 'settings' && !fields ? undefined : fieldColumns(sheet.mapping, fields);
    const data = ports.workbook.read(sheet.name, columns, rows);
    if (!data || data.values.length !== sheet.lastRow) throw changedDuringRun(sheet.name);
    return { values: data.values, display: data.display };
  };
}

/** One part: validate what it reads, keep its findings, write them where the state says. */
function runPart(ports: AppPorts, tx: Transaction, state: RunState, work: ChunkWork): ValidationIssue[] {
  const read = readerFor(ports);
  const settingsSheet = state.sheets.find((s) => s.kind === 'settings');
  const settings = settingsFrom(
    settingsSheet ? read(settingsSheet, undefined, undefined).values : null,
    settingsSheet?.mapping,
  );
  const sheets = chunkSheets(work, state.sheets, read);
  // A cross-row slice starts from the values the slices before it saw (none for the first).
  const sliced = work.type === 'crossRow' && work.first !== undefined;
  const shared = sliced ? seedOf(readStagedRows(ports, state.workSheet, state.seen?.[work.sheet] ?? [])) : undefined;
  const before = shared ? seenSizes(shared) : new Map<string, number>();
  const found = validateWorkbook({ sheets, settings, today: today(ports), ...(shared ? { shared } : {}) }).issues;
  const header = work.type === 'whole' ? 0 : (state.sheets.find((s) => s.name === work.sheet)?.mapping.headerRow ?? 1);
  const kept = keptIssues(work, found, header);
  if (work.type === 'crossRow') {
    const rows = kept.map((issue) => [STAGED.crossRow, stagedIssue(issue)]);
    state.staged[work.sheet] = [...spansOf(state.staged[work.sheet]), stage(tx, state, rows)];
    // What this slice saw goes on to the next cross-row slice of the sheet (the last one keeps nothing).
    const more = state.parts.some((p, i) => i > state.done && p.type === 'crossRow' && p.sheet === work.sheet);
    if (shared && more) {
      const seen = seenRows(shared, before).map((text) => [STAGED.seen, text]);
      state.seen = {
        ...(state.seen ?? {}),
        [work.sheet]: [...(state.seen?.[work.sheet] ?? []), stage(tx, state, seen)],
      };
    }
    return [];
  }
  const issues =
    work.type === 'slice'
      ? mergeIssues(
          kept,
          stagedFor(readStaged(ports, state.workSheet, spansOf(state.staged[work.sheet])), work, header),
        )
      : kept;
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const heldBefore = (write: ValueWrite): StoredValue =>
    storeValue((byName.get(write.sheet)?.values[write.row - 1]?.[write.column - 1] ?? '') as CellValue, '');
  report(tx, state, issues, heldBefore);
  return issues;
}

/**
 * Writes rows into an output sheet below its rows so far, within the part's transaction: taken
 * back (the rows cleared) when a later write of the part fails.
 */
export function appendRows(
  tx: Transaction,
  sheet: string,
  first: number,
  rows: CellValue[][],
  textColumns: number[],
  /** What row `first` held before (検証結果's progress line), put back with the rest cleared. */
  firstBefore: CellValue[] | null = null,
): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length), firstBefore?.length ?? 0);
  const blank = (): CellValue[] => new Array<CellValue>(width).fill('');
  // Taken back: the rows blank again and Automatic (General sets Automatic: real-sheets-checklist
  // RS-08), except a first row that held the progress line, which gets it back as it was written.
  const formatsOf = (i: number): string[] =>
    blank().map((_, c) => (i === 0 && firstBefore && textColumns.indexOf(c) >= 0 ? '@' : 'General'));
  tx.add({
    undo: () =>
      tx.workbook.writeBlock(
        sheet,
        { row: first, column: 1, rows: rows.length, columns: width },
        {
          numberFormats: rows.map((_, i) => formatsOf(i)),
          values: rows.map((_, i) => (i === 0 && firstBefore ? [...firstBefore, ...blank()].slice(0, width) : blank())),
        },
      ),
    dispose: () => undefined,
  });
  tx.workbook.writeOutputRows(sheet, first, rows, textColumns);
}

/** Writes rows below the work sheet's last ones; returns where they went. */
function stage(tx: Transaction, state: RunState, rows: CellValue[][]): Rows {
  const first = state.workRows + 2;
  appendRows(tx, state.workSheet, first, rows, [0, 1]);
  state.workRows += rows.length;
  return { first, count: rows.length };
}

function readStagedRows(ports: AppPorts, sheet: string, spans: readonly Rows[]): string[] {
  const live = spans.filter((s) => s.count > 0);
  if (live.length === 0) return [];
  const data = ports.workbook.read(sheet, [1], live);
  const out: string[] = [];
  for (const span of live) {
    for (let r = span.first; r < span.first + span.count; r++) out.push(String(data?.values[r - 1]?.[1] ?? ''));
  }
  return out;
}

function readStaged(ports: AppPorts, sheet: string, rows: readonly Rows[]): ValidationIssue[] {
  return readStagedRows(ports, sheet, rows).map((text) => JSON.parse(text) as ValidationIssue);
}

/** A part's findings: 検証結果 rows, counts, marks (while the run has room for them) and safe fixes staged. */
function report(
  tx: Transaction,
  state: RunState,
  issues: readonly ValidationIssue[],
  heldBefore: (write: ValueWrite) => StoredValue,
): void {
  if (issues.length === 0) return;
  const rows = listedRows(issues, state.sheetIds, state.tally);
  appendRows(
    tx,
    state.resultSheet,
    state.resultRows + 2,
    rows,
    RESULT_TEXT_COLUMNS,
    state.resultRows === 0 ? progressRow(RUNNING) : null,
  );
  state.resultRows += rows.length;
  const counts = countIssues(issues);
  state.counts.errors += counts.errors;
  state.counts.warnings += counts.warnings;
  state.counts.fixable += counts.fixable;
  const budget = new MarkBudget(undefined, state.markSpans ?? {});
  const { marks, unmarked } = marksFor(issues, { limit: Math.max(0, RUN_MARKS - state.markCells), budget });
  state.markSpans = budget.spans;
  state.unmarked += unmarked;
  // A fix too long for one cell of the work sheet (a 50,000-character value) is left to 検証結果
  // and a later 検証 of a smaller workbook: Sheets' cell limit binds the work sheet too.
  const fixes: StagedFix[] = fixWrites(issues)
    .map((f) => ({ ...f, before: heldBefore(f.write) }))
    .filter((f) => JSON.stringify(f).length <= STAGED_CELL_CHARS)
    .slice(0, Math.max(0, RUN_FIXES - state.fixes.reduce((n, r) => n + r.count, 0)));
  const staged: CellValue[][] = [
    ...marks.map((m) => [STAGED.mark, JSON.stringify(m)]),
    ...fixes.map((f) => [STAGED.fix, JSON.stringify(f)]),
  ];
  if (staged.length === 0) return;
  const at = stage(tx, state, staged);
  if (marks.length > 0) state.marks.push({ first: at.first, count: marks.length });
  if (fixes.length > 0) state.fixes.push({ first: at.first + marks.length, count: fixes.length });
  state.markCells += marks.length;
}

/**
 * The last part: takes the previous run's marks off and puts this run's on, recorded in the
 * history, all or nothing; 検証結果 loses its progress line; the staged fixes are kept for 安全な修正.
 */
function finishRun(ports: AppPorts, state: RunState): ValidationView {
  const marks = readStagedRows(ports, state.workSheet, state.marks).map((text) => JSON.parse(text) as MarkWrite);
  const history = History.load(ports);
  const retention = retentionDaysOf(ports);
  const changes: CellChange[] = [];
  // All or nothing: the previous run's marks come off and this run's go on, the run ends, and the
  // history records it last (its purge of old records is the action's last write).
  atomically(ports, { ja: '検証の印', en: 'the validation marks' }, (tx) => {
    history.prepare(tx, estimateRecordChars(marks.map((m) => ({ before: '', after: m.mark }))));
    clearActiveHighlight(ports.workbook, history, tx);
    writeMarks(ports.workbook, marks, changes, tx);
    // The issues beyond 検証結果's bounds, one row per rule; or, when there were none at all, that says so.
    const rest = restRows(state.tally);
    const last = rest.length > 0 ? rest : state.resultRows === 0 ? [progressRow('問題は見つかりませんでした。')] : [];
    const before = state.resultRows === 0 ? progressRow(RUNNING) : null;
    appendRows(tx, state.resultSheet, state.resultRows + 2, last, RESULT_TEXT_COLUMNS, before);
    tx.removeProperty(RUN_KEY);
    const done: DoneRun = { id: state.id, workSheet: state.workSheet, fixes: state.fixes };
    tx.setProperty(DONE_KEY, JSON.stringify(done));
    history.record(
      tx,
      'highlight',
      { ja: '検証の印（色とメモ）', en: 'validation marks (fills and notes)' },
      changes,
      retention,
    );
  });
  state.done = state.parts.length + 1;
  const cells = new Set(changes.map((c) => `${c.sheet}\u0000${c.row}\u0000${c.column}`));
  return { ...viewOf(state, [], cells.size), undo: undoInfo(history) };
}

/** Whether this workbook is validated in parts (then 安全な修正 takes the fixes its last 検証 staged). */
export function needsParts(ports: AppPorts, heads: readonly SheetHead[]): boolean {
  return planChunks(plannedSheets(ports, heads), PART_CELLS).length > 1;
}

/** A safe fix as staged: the write, its finding, and what the cell held when it was found. */
export interface StagedFix {
  write: ValueWrite;
  issue: ValidationIssue;
  before: StoredValue;
}

function doneRun(text: string | null): DoneRun | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as DoneRun;
  } catch {
    return null;
  }
}

/**
 * The safe fixes the last finished 検証 in parts staged, as it found them (nothing in the staff
 * sheets is read: 安全な修正 checks each cell when it writes it), with the run they came from.
 * None once they were applied (markStagedFixesApplied).
 */
export function stagedFixes(ports: AppPorts): { run: string; fixes: StagedFix[] } {
  const done = doneRun(ports.store.get(DONE_KEY));
  if (!done) {
    throw new UserError(
      'fix.noRun',
      'このブックは大きいため、安全な修正は直前の検証の結果から作ります。先に「検証を実行」してください。',
      'This workbook is large, so the safe fixes come from the last validation. Please run validation first.',
    );
  }
  if (done.applied) return { run: done.id, fixes: [] };
  const workSheet = done.workSheet ?? placeOutput(ports.workbook, 'work', WORK_HEADER).name;
  const fixes = readStagedRows(ports, workSheet, done.fixes).map((row) => JSON.parse(row) as StagedFix);
  return { run: done.id, fixes };
}

/** The staged fixes were applied (the last part of 安全な修正 in parts): the next preview offers none. */
export function markStagedFixesApplied(tx: Transaction, ports: AppPorts): void {
  const done = doneRun(ports.store.get(DONE_KEY));
  if (done) tx.setProperty(DONE_KEY, JSON.stringify({ ...done, applied: true }));
}
