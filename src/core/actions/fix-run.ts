/**
 * 安全な修正 in parts: the safe fixes a 検証 in parts staged (a large workbook, docs/cost.md) are
 * applied part by part as the sidebar asks for each. A part is the staged fixes of one sheet in a
 * window of rows, planned so that applying it — and taking it back with 元に戻す — stays well
 * within one Apps Script call. Each part is all or nothing: its cells, its own sealed history
 * record (tagged with the run, so 元に戻す takes the run back part by part and the history counts
 * it as one action) and the run's state go in one transaction; a part that fails leaves all three
 * as they were and 続ける runs it again. 中止 stops the run; the sidebar then takes back the parts
 * already applied with 元に戻す, part by part. A fix is applied only to a cell that still holds what
 * the 検証 found (ValueWrite.expect): a cell staff changed since is left as it is and counted.
 * The state holds sheet names, row numbers and counts — never cell contents.
 */
import { UserError } from '../errors';
import { RANGE_CELLS, writeValues, type ValueWrite } from '../history/cells';
import type { CellChange } from '../history/types';
import { estimateRecordChars } from '../history/estimate';
import { History } from '../history/store';
import { atomically } from '../transaction';
import { fixToken, previewItem, PREVIEW_LIMIT } from '../validate/report';
import type { SheetHead } from '../ports';
import type { FixPreview, FixResult } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { undoInfo } from './undo';
import { retentionDaysOf } from './retention';
import { markStagedFixesApplied, stagedFixes, writeFailed, type StagedFix } from './validate-run';

/** Document property: where an application of safe fixes in parts stands. */
export const FIX_RUN_KEY = 'tsunagu.fixRun';

/**
 * The estimated Apps Script time one part's fixes may take at the cost model's high figures
 * (docs/cost.md), beside the part's fixed cost (the lock, the history, the state: a few seconds):
 * the part and the 元に戻す of it each stay under the sidebar's 30 s.
 */
export const FIX_PART_SECONDS = 24;
/**
 * Kept free in the first part: 元に戻す takes it back last, and then reads 設定 (every sheet's first
 * rows) to purge what is too old — about a hundred calls.
 */
export const PURGE_RESERVE_SECONDS = 9;
/** The cost model's high figures (src/local/emulator/cost-model.ts), as the plan counts them. */
const CALL_S = 0.09;
const READ_S = 0.0001;
const WRITE_S = 0.0003;
/** Rows read through when printing whole rows for the history (history/cells.ts ROW_GAP). */
const ROW_GAP = 100;

/** One part: the staged fixes of one sheet in rows first…last. */
export interface FixPart {
  sheet: string;
  first: number;
  last: number;
  /** Fixes in it when planned. */
  count: number;
}

interface FixRunState {
  id: string;
  /** The finished 検証 whose staged fixes this run applies. */
  validationRun: string;
  token: string;
  parts: FixPart[];
  done: number;
  /** Cells changed so far, and fixes left out because their cell changed since the 検証. */
  applied: number;
  skipped: number;
  /** 設定 履歴保存日数 when the run started: each part's record purges by it (the parts read no 設定). */
  retentionDays: number;
}

/**
 * Splits fixes into parts, in sheet and row order: a part grows while what it costs to apply —
 * reading the fixed columns around the fixes before and after (values, formulas, formats), one
 * write per run of adjacent fixed cells, the whole rows printed for the history — and to check
 * and take back with 元に戻す stays within FIX_PART_SECONDS. A new sheet starts a new part.
 * `width` is a sheet's columns (its whole rows are printed).
 */
export function planFixParts(writes: readonly ValueWrite[], width: (sheet: string) => number): FixPart[] {
  const sorted = [...writes].sort((a, b) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.column - b.column,
  );
  const parts: FixPart[] = [];
  let part: FixPart | null = null;
  let seconds = 0;
  let lastInColumn = new Map<number, number>();
  let lastRow = -Infinity;
  for (const w of sorted) {
    // What adding this fix costs the part.
    let calls = 0;
    let read = 0;
    let written = 0;
    if (part && part.sheet === w.sheet) {
      const last = lastInColumn.get(w.column);
      if (last === undefined || w.row - last > RANGE_CELLS) {
        // A new range of the column: read before, after, and again by 元に戻す (about 11 calls).
        calls += 11;
        read += 8;
      } else read += 8 * (w.row - last);
      if (last === undefined || w.row !== last + 1) calls += 3;
      written += 2;
      const gap = w.row - lastRow;
      const columns = width(w.sheet);
      if (gap > ROW_GAP) {
        calls += 6;
        read += 2 * columns;
      } else read += 2 * columns * gap;
    }
    const cost = calls * CALL_S + read * READ_S + written * WRITE_S;
    const budget = parts.length <= 1 ? FIX_PART_SECONDS - PURGE_RESERVE_SECONDS : FIX_PART_SECONDS;
    if (!part || part.sheet !== w.sheet || seconds + cost > budget) {
      part = { sheet: w.sheet, first: w.row, last: w.row, count: 0 };
      parts.push(part);
      lastInColumn = new Map();
      seconds = 14 * CALL_S + (8 + 2 * width(w.sheet)) * READ_S + 2 * WRITE_S;
    } else seconds += cost;
    part.last = w.row;
    part.count += 1;
    lastInColumn.set(w.column, w.row);
    lastRow = w.row;
  }
  return parts;
}

function loadState(ports: AppPorts): FixRunState | null {
  const text = ports.store.get(FIX_RUN_KEY);
  if (text === null) return null;
  try {
    return JSON.parse(text) as FixRunState;
  } catch {
    return null;
  }
}

/** The staged fixes still to offer: those of the parts a run under way has not applied yet. */
function pendingFixes(ports: AppPorts): { run: string; fixes: StagedFix[] } {
  const staged = stagedFixes(ports);
  const state = loadState(ports);
  if (!state || state.validationRun !== staged.run || state.done === 0) return staged;
  const doneParts = state.parts.slice(0, state.done);
  const applied = (f: StagedFix): boolean =>
    doneParts.some((p) => p.sheet === f.write.sheet && f.write.row >= p.first && f.write.row <= p.last);
  return { run: staged.run, fixes: staged.fixes.filter((f) => !applied(f)) };
}

/**
 * The preview of the staged fixes: as the 検証 found them, without reading the staff sheets again
 * (on a large workbook that alone would take longer than a call may: docs/cost.md). Each part
 * checks its cells before it writes, and leaves out a cell changed since.
 */
export function previewStagedFixes(ports: AppPorts): FixPreview {
  const { fixes } = pendingFixes(ports);
  const byKind: Record<string, number> = {};
  for (const { issue } of fixes) byKind[issue.fix?.kind ?? ''] = (byKind[issue.fix?.kind ?? ''] ?? 0) + 1;
  return {
    token: fixToken(fixes),
    total: fixes.length,
    items: fixes.slice(0, PREVIEW_LIMIT).map(({ write, issue }) => previewItem(write, issue)),
    byKind,
    checkedWhenApplied: true,
  };
}

/** The staged fixes, or null when a 検証 started since (its work sheet no longer holds them). */
function stagedOrNone(ports: AppPorts): { run: string; fixes: StagedFix[] } | null {
  try {
    return stagedFixes(ports);
  } catch (error) {
    if (error instanceof UserError && error.code === 'fix.noRun') return null;
    throw error;
  }
}

function newRunId(ports: AppPorts): string {
  return `F${ports.clock
    .now()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)}`;
}

function resultOf(ports: AppPorts, state: FixRunState, history?: History): FixResult {
  const finished = state.done >= state.parts.length;
  const sheets = [...new Set(state.parts.slice(0, state.done).map((p) => p.sheet))];
  return {
    applied: state.applied,
    skipped: state.skipped,
    sheets,
    undo: undoInfo(history ?? History.load(ports)),
    running: finished ? null : { runId: state.id, done: state.done, total: state.parts.length },
  };
}

/**
 * 安全な修正を適用 on a large workbook: checks the token against the staged fixes and plans the
 * parts; nothing in the staff sheets changes yet. A run still under way is replaced (its parts
 * applied so far stay applied, each undoable).
 */
export function startFixRun(ports: AppPorts, token: string, heads: readonly SheetHead[]): FixResult {
  const { run, fixes } = pendingFixes(ports);
  if (fixToken(fixes) !== token) {
    throw new UserError(
      'fix.changed',
      'プレビューの後に検証結果が変わったため、修正しませんでした。もう一度プレビューしてください。',
      'The validation results changed after the preview, so nothing was fixed. Please preview again.',
    );
  }
  const history = History.load(ports);
  if (fixes.length === 0) return { applied: 0, skipped: 0, sheets: [], undo: undoInfo(history), running: null };
  const widths = new Map<string, number>();
  const width = (sheet: string): number => {
    let w = widths.get(sheet);
    if (w === undefined) {
      w = ports.workbook.sheetSize(sheet)?.columns ?? 26;
      widths.set(sheet, w);
    }
    return w;
  };
  const state: FixRunState = {
    id: newRunId(ports),
    validationRun: run,
    token,
    parts: planFixParts(
      fixes.map((f) => f.write),
      width,
    ),
    done: 0,
    applied: 0,
    skipped: 0,
    retentionDays: retentionDaysOf(ports, heads),
  };
  atomically(ports, { ja: '修正の準備', en: 'starting the fixes' }, (tx) => {
    tx.setProperty(FIX_RUN_KEY, JSON.stringify(state));
  });
  return resultOf(ports, state, history);
}

function stateOf(ports: AppPorts, runId: string): FixRunState {
  const state = loadState(ports);
  if (!state || state.id !== runId) {
    throw new UserError(
      'fix.runGone',
      'この修正は終わったか、中止されたか、別の修正に置き換えられました。もう一度プレビューしてください。',
      'These fixes have finished, were stopped, or other fixes replaced them. Please preview again.',
    );
  }
  return state;
}

/** The label of a part's history record: what 元に戻す shows. */
function partLabel(state: FixRunState, cells: number): { ja: string; en: string } {
  const at = state.done + 1;
  const total = state.parts.length;
  return {
    ja: `安全な修正（${cells}件、${at}/${total}）`,
    en: `safe fixes (${cells}, part ${at} of ${total})`,
  };
}

/**
 * The next part: its fixes written (each only where the cell still holds what the 検証 found),
 * recorded in the history as one action of the run, and the run moved on — all or nothing. The
 * last part also marks the staged fixes as applied, so the next preview does not offer them again.
 */
export function continueFixRun(ports: AppPorts, runId: string): FixResult {
  return ports.lock.run(() => {
    const state = stateOf(ports, runId);
    if (state.done >= state.parts.length) return resultOf(ports, state);
    const part = state.parts[state.done] as FixPart;
    const staged = stagedOrNone(ports);
    if (!staged || staged.run !== state.validationRun) {
      ports.store.remove(FIX_RUN_KEY);
      throw new UserError(
        'fix.runGone',
        '修正の途中で検証がやり直されたため、残りの修正を中止しました。もう一度プレビューしてください。',
        'Validation ran again during the fixes, so the rest were stopped. Please preview again.',
      );
    }
    const fixes = staged.fixes.filter(
      (f) => f.write.sheet === part.sheet && f.write.row >= part.first && f.write.row <= part.last,
    );
    const present = ports.workbook.sheetNames().indexOf(part.sheet) >= 0;
    const history = History.load(ports);
    const retention = state.retentionDays;
    const changes: CellChange[] = [];
    try {
      atomically(ports, { ja: 'この部分の修正', en: 'this part of the fixes' }, (tx) => {
        if (present && fixes.length > 0) {
          history.prepare(
            tx,
            estimateRecordChars(fixes.map((f) => ({ before: f.issue.value, after: String(f.write.value) }))),
          );
          writeValues(
            ports.workbook,
            fixes.map((f) => ({ ...f.write, expect: f.before })),
            changes,
            tx,
          );
        }
        const label = partLabel(state, changes.length);
        state.done += 1;
        state.applied += changes.length;
        state.skipped += fixes.length - new Set(changes.map((c) => `${c.row}\u0000${c.column}`)).size;
        if (state.done >= state.parts.length) {
          tx.removeProperty(FIX_RUN_KEY);
          markStagedFixesApplied(tx, ports);
        } else tx.setProperty(FIX_RUN_KEY, JSON.stringify(state));
        // Recorded last: the record purges what is too old, a deletion no write may follow.
        if (changes.length > 0) history.record(tx, 'fix', label, changes, retention, state.id);
      });
    } catch (error) {
      throw writeFailed(
        error,
        'この部分の修正を書き込めませんでした。「続ける」でこの部分からやり直せます',
        'This part of the fixes could not be written; “Continue” runs it again',
      );
    }
    return resultOf(ports, state, history);
  });
}

/**
 * 中止: the run stops; the parts applied so far stay applied, each recorded, and the sidebar takes
 * them back with 元に戻す part by part (the reply says how many cells they changed).
 */
export function cancelFixRun(ports: AppPorts, runId: string): { cancelled: boolean; applied: number } {
  return ports.lock.run(() => {
    const state = stateOf(ports, runId);
    atomically(ports, { ja: '修正の中止', en: 'stopping the fixes' }, (tx) => tx.removeProperty(FIX_RUN_KEY));
    return { cancelled: true, applied: state.applied };
  });
}
