/** 元に戻す, ハイライトを消す and 履歴を消去: put back what an action wrote, from the sealed history, or erase the history. */
import { UserError } from '../errors';
import { conflictsOf, restore, staleChanges, type Conflict } from '../history/cells';
import { History, problemText, type HistoryEntry } from '../history/store';
import type { CellChange, HistoryAction } from '../history/types';
import type { Workbook } from '../ports';
import { columnLetter } from '../sheets/rows';
import type { EraseHistoryResult, UndoInfo, UndoResult } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { retentionDaysOf } from './retention';

/** What 元に戻す would take back now, for the sidebar's button. */
export function undoInfo(history: History): UndoInfo | null {
  const entry = history.lastUndoable();
  if (!entry) return null;
  if (entry.action) return { label: entry.action.label, at: entry.action.at };
  return {
    label: {
      ja: `つなぐ履歴の記録 ${entry.record.id}（確認できません）`,
      en: `history record ${entry.record.id} (cannot be checked)`,
    },
    at: '',
  };
}

export function getUndoInfo(ports: AppPorts): UndoInfo | null {
  return undoInfo(History.load(ports));
}

function cellText(change: { sheet: string; row: number; column: number }): string {
  return `${change.sheet}!${columnLetter(change.column - 1)}${change.row}`;
}

/** A record that failed its check: refused, naming it and why. */
function tampered(entry: HistoryEntry): UserError {
  const why = problemText(entry.problem ?? 'format');
  const r = entry.record;
  return new UserError(
    'undo.tampered',
    `つなぐ履歴の記録（操作ID ${r.id}、${r.firstRow}行目）を確かめられないため、元に戻せません: ${why.ja}。何も変更されていません。`,
    `The history record ${r.id} (row ${r.firstRow} of つなぐ履歴) cannot be checked, so it cannot be undone: ${why.en}. Nothing was changed.`,
  );
}

/** The refusal for cells edited or rows moved since the action, naming them. */
function changedSince(action: HistoryAction, found: readonly Conflict[]): UserError {
  const moved = found.filter((c) => c.column === null);
  const cells = found.filter((c) => c.column !== null);
  const ja: string[] = [];
  const en: string[] = [];
  if (moved.length > 0) {
    const rows = moved.slice(0, 3).map((c) => `${c.sheet} ${c.row}行目`);
    ja.push(
      `行の挿入・削除（または列の挿入・削除）で ${rows.join('、')}${moved.length > 3 ? ` など${moved.length}行` : ''} に別の行が来ています`,
    );
    en.push(
      `rows or columns were inserted or deleted, so another row now sits at ${moved
        .slice(0, 3)
        .map((c) => `${c.sheet} row ${c.row}`)
        .join(', ')}${moved.length > 3 ? ` and ${moved.length - 3} more` : ''}`,
    );
  }
  if (cells.length > 0) {
    const names = cells.slice(0, 3).map((c) => cellText({ sheet: c.sheet, row: c.row, column: c.column as number }));
    ja.push(`${names.join('、')}${cells.length > 3 ? ` など${cells.length}個のセル` : ''} が変更されています`);
    en.push(`${names.join(', ')}${cells.length > 3 ? ` and ${cells.length - 3} more cells` : ''} changed`);
  }
  return new UserError(
    'undo.changed',
    `「${action.label.ja}」の後に ${ja.join('。また、')}。元に戻せません。何も変更されていません。`,
    `After "${action.label.en}", ${en.join('; also, ')}, so it cannot be undone. Nothing was changed.`,
  );
}

/**
 * A write that failed part-way has been taken back: the reply says so, and that nothing changed.
 * If taking it back failed too, the reply says what is left changed instead.
 */
export function rolledBack(error: unknown, ja: string, en: string): UserError {
  if (error instanceof UserError) return error;
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  const kind = typeof name === 'string' && name !== '' ? name : typeof error;
  return new UserError(
    'write.failed',
    `${ja}（${kind}）。途中まで書いた分は元に戻したため、何も変更されていません。もう一度お試しください。`,
    `${en} (${kind}). What was written before the failure was taken back, so nothing was changed. Please try again.`,
  );
}

/**
 * Taking a failed action back failed too: the sheets hold part of it. The reply names the cells
 * left changed, so staff can check them (never 「何も変更されていません」 here).
 */
export function partlyWritten(error: unknown, left: readonly CellChange[]): UserError {
  const cells = [...new Set(left.map(cellText))];
  const shown = cells.slice(0, 5).join('、');
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  const kind = typeof name === 'string' && name !== '' ? name : typeof error;
  return new UserError(
    'write.partial',
    `書き込みの途中で失敗し、元に戻すこともできませんでした（${kind}）。${shown}${cells.length > 5 ? ` など${cells.length}個のセル` : ''} が変更されたままかもしれません。内容を確認してください。`,
    `The write failed part-way and could not be taken back (${kind}). ${cells.slice(0, 5).join(', ')}${cells.length > 5 ? ` and ${cells.length - 5} more cells` : ''} may still hold the new values; please check them.`,
  );
}

/**
 * Puts back what a failed action wrote (its changes, in reverse) and what its history did; a
 * failure of that is reported as partlyWritten. Otherwise returns the rolledBack error.
 */
export function takeBack(
  workbook: Workbook,
  history: History,
  written: readonly CellChange[][],
  error: unknown,
  ja: string,
  en: string,
): UserError {
  const left: CellChange[] = [];
  for (let i = written.length - 1; i >= 0; i--) {
    const changes = written[i] as CellChange[];
    try {
      restore(workbook, changes);
    } catch {
      left.push(...changes);
    }
  }
  try {
    history.rollback();
  } catch {
    // The history row of a failed action stays: its cells were put back, so undoing it changes nothing.
  }
  return left.length > 0 ? partlyWritten(error, left) : rolledBack(error, ja, en);
}

/**
 * 元に戻す: restores the cells of the last value-changing action exactly (values, formulas,
 * dates, number formats), also after the spreadsheet was closed and reopened (the history is a
 * sheet). Refuses, changing nothing, when its record fails the seal or the strict reading, when
 * a sheet is gone, or when a cell of a changed row was edited or rows moved since — naming them.
 * All or nothing: if a write fails part-way, what was restored is put back.
 */
export function undoLast(ports: AppPorts): UndoResult {
  return ports.lock.run(() => {
    const history = History.load(ports);
    const entry = history.lastUndoable();
    if (!entry) {
      throw new UserError('undo.nothing', '元に戻せる操作はありません。', 'There is nothing to undo.');
    }
    const action = entry.action;
    if (!action) throw tampered(entry);
    const present = ports.workbook.sheetNames();
    const missing = [...new Set(action.changes.map((c) => c.sheet))].filter((name) => present.indexOf(name) < 0);
    if (missing.length > 0) {
      throw new UserError(
        'undo.sheetMissing',
        `「${action.label.ja}」で変更したシート「${missing.join('」「')}」が見つからないため（名前の変更・削除）、元に戻せません。何も変更されていません。`,
        `The sheet 「${missing.join('」「')}」 changed by "${action.label.en}" is gone (renamed or deleted), so it cannot be undone. Nothing was changed.`,
      );
    }
    const found = conflictsOf(ports.workbook, action);
    if (found.length > 0) throw changedSince(action, found);
    const retention = retentionDaysOf(ports);
    const made: CellChange[] = [];
    try {
      restore(ports.workbook, action.changes, made);
      history.setUndone(action, true);
      history.purge(retention);
    } catch (error) {
      throw takeBack(ports.workbook, history, [made], error, '元に戻す途中で失敗しました', 'Undo failed part-way');
    }
    return { label: action.label, cells: new Set(action.changes.map(cellText)).size, undo: undoInfo(history) };
  });
}

/**
 * Takes off the marks of the active highlights: each note and fill goes back to what it was,
 * unless staff changed that cell's note or fill since (then theirs stays), and the highlight is
 * marked undone in the history. Returns the cells restored; `reverted` receives what was put back
 * (as changes), so a caller that fails later can mark the cells again.
 */
export function clearActiveHighlight(workbook: Workbook, history: History, reverted: CellChange[] = []): number {
  let restored = 0;
  const present = workbook.sheetNames();
  for (const action of history.activeHighlights()) {
    // Marks on a sheet that was deleted or renamed since are gone with it.
    const here = action.changes.filter((c) => present.indexOf(c.sheet) >= 0);
    const stale = new Set(staleChanges(workbook, here));
    const still = here.filter((c) => !stale.has(c));
    restore(workbook, still, reverted);
    history.setUndone(action, true);
    restored += new Set(still.map(cellText)).size;
  }
  return restored;
}

/**
 * 履歴を消去: deletes つなぐ履歴 — the before-values (names, phone numbers) it keeps — and the key
 * its records were sealed with. 元に戻す and ハイライトを消す are no longer possible afterwards
 * (the sidebar says so before asking). All or nothing.
 */
export function eraseHistory(ports: AppPorts): EraseHistoryResult {
  return ports.lock.run(() => {
    const history = History.load(ports);
    let erased: number;
    try {
      erased = history.erase();
    } catch (error) {
      throw takeBack(
        ports.workbook,
        history,
        [],
        error,
        '履歴を消去できませんでした',
        'The history could not be erased',
      );
    }
    return { erased };
  });
}
