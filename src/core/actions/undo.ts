/** 元に戻す and ハイライトを消す: put back what an action wrote, from the history sheet. */
import { UserError } from '../errors';
import { conflicts, restore } from '../history/cells';
import { loadHistory, saveHistory } from '../history/store';
import type { CellChange, HistoryAction } from '../history/types';
import type { Workbook } from '../ports';
import { atomically, type Transaction } from '../transaction';
import { columnLetter } from '../sheets/rows';
import type { UndoInfo, UndoResult } from '../../shared/rpc';
import { reopenUncommittedPairs } from './match';
import type { AppPorts } from './ports';

/** Actions 元に戻す takes back: the ones that changed values. Marks have ハイライトを消す. */
const UNDOABLE = ['fix', 'matchCommit'];

function lastUndoable(actions: readonly HistoryAction[]): HistoryAction | null {
  for (let i = actions.length - 1; i >= 0; i--) {
    const action = actions[i] as HistoryAction;
    if (!action.undone && UNDOABLE.indexOf(action.kind) >= 0) return action;
  }
  return null;
}

/** What 元に戻す would take back now, for the sidebar's button. */
export function undoInfo(actions: readonly HistoryAction[]): UndoInfo | null {
  const action = lastUndoable(actions);
  return action ? { label: action.label, at: action.at } : null;
}

export function getUndoInfo(ports: AppPorts): UndoInfo | null {
  return undoInfo(loadHistory(ports.workbook));
}

function cellText(change: CellChange): string {
  return `${change.sheet}!${columnLetter(change.column - 1)}${change.row}`;
}

/**
 * 元に戻す: restores the cells of the last value-changing action exactly, also after the
 * spreadsheet was closed and reopened (the history is a sheet). Refuses, changing nothing, when
 * a cell it wrote has been edited since.
 */
export function undoLast(ports: AppPorts): UndoResult {
  return ports.lock.run(() => {
    const actions = loadHistory(ports.workbook);
    const action = lastUndoable(actions);
    if (!action) {
      throw new UserError('undo.nothing', '元に戻せる操作はありません。', 'There is nothing to undo.');
    }
    const present = ports.workbook.sheetNames();
    const missing = [...new Set(action.changes.map((c) => c.sheet))].filter((name) => present.indexOf(name) < 0);
    if (missing.length > 0) {
      throw new UserError(
        'undo.sheetMissing',
        `「${action.label.ja}」で変更したシート「${missing.join('」「')}」が見つからないため（名前の変更・削除）、元に戻せません。何も変更していません。`,
        `The sheet 「${missing.join('」「')}」 changed by "${action.label.en}" is gone (renamed or deleted), so it cannot be undone. Nothing was changed.`,
      );
    }
    const stale = conflicts(ports.workbook, action.changes);
    if (stale.length > 0) {
      const cells = stale.slice(0, 3).map(cellText).join('、');
      throw new UserError(
        'undo.changed',
        `「${action.label.ja}」の後に ${cells}${stale.length > 3 ? ` など${stale.length}個のセル` : ''} が変更されたため、元に戻せません。何も変更していません。`,
        `${cells}${stale.length > 3 ? ` and ${stale.length - 3} more cells` : ''} changed after "${action.label.en}", so it cannot be undone. Nothing was changed.`,
      );
    }
    // The cells, the history's 取り消し済み and, after a 確定, マッチング結果's reopened pairs (the
    // approvals staff made before the 確定 count again) go together, or none does.
    atomically(ports, { ja: '元に戻す操作', en: 'the undo' }, (tx) => {
      restore(ports.workbook, action.changes, tx);
      action.undone = true;
      saveHistory(tx, actions);
      if (action.kind === 'matchCommit') reopenUncommittedPairs(ports, tx);
    });
    return { label: action.label, cells: new Set(action.changes.map(cellText)).size, undo: undoInfo(actions) };
  });
}

/**
 * Takes off the marks of the active highlight: each note and fill goes back to what it was,
 * unless staff changed that cell's note or fill since (then theirs stays). Marks the action
 * undone in `actions`; the caller saves the history in the same transaction. Returns the cells restored.
 */
export function clearActiveHighlight(workbook: Workbook, actions: HistoryAction[], tx: Transaction): number {
  let restored = 0;
  const present = workbook.sheetNames();
  for (const action of actions) {
    if (action.undone || action.kind !== 'highlight') continue;
    // Marks on a sheet that was deleted or renamed since are gone with it.
    const here = action.changes.filter((c) => present.indexOf(c.sheet) >= 0);
    const stale = new Set(conflicts(workbook, here));
    const still = here.filter((c) => !stale.has(c));
    restore(workbook, still, tx);
    action.undone = true;
    restored += new Set(still.map(cellText)).size;
  }
  return restored;
}
