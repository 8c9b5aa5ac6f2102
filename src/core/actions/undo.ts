/** 元に戻す, ハイライトを消す and 履歴を消去: put back what an action wrote, from the sealed history, or erase the history. */
import { UserError } from '../errors';
import { conflictsOf, restore, staleChanges, type Conflict } from '../history/cells';
import { History, problemText, type HistoryEntry } from '../history/store';
import type { HistoryAction } from '../history/types';
import type { Workbook } from '../ports';
import { atomically, type Transaction } from '../transaction';
import { columnLetter } from '../sheets/rows';
import type { EraseHistoryResult, UndoInfo, UndoResult } from '../../shared/rpc';
import { reopenUncommittedPairs } from './match';
import type { AppPorts } from './ports';
import { retentionDaysOf } from './retention';
import { headsOfKinds } from './lookup';

/** What 元に戻す would take back now, for the sidebar's button. */
export function undoInfo(history: History): UndoInfo | null {
  const entry = history.lastUndoable();
  if (!entry) return null;
  if (entry.action) {
    const { label, at, run } = entry.action;
    if (run === undefined) return { label, at };
    // A part of 安全な修正 in parts: 元に戻す takes back the whole run, part by part.
    const parts = history.activeRunParts(run);
    return {
      label: {
        ja: `安全な修正（${parts}回に分けて適用した分）`,
        en: `safe fixes (applied in ${parts} parts)`,
      },
      at,
      run,
      parts,
    };
  }
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
 * 元に戻す: restores the cells of the last value-changing action exactly (values, formulas,
 * dates, number formats), also after the spreadsheet was closed and reopened (the history is a
 * sheet). Refuses, changing nothing, when its record fails the seal or the strict reading, when
 * a sheet is gone, or when a cell of a changed row was edited or rows moved since — naming them.
 * All or nothing: the cells, the record's 取り消し済み, the purge and, after a 確定, マッチング結果's
 * reopened pairs go together in one transaction, or none does.
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
    // A part of 安全な修正 in parts with more of its run still to undo: what is too old is purged
    // when the run's last part is taken back (reading 設定 for it would take a tenth of the call).
    const purge = action.run === undefined || history.activeRunParts(action.run) <= 1;
    // The purge uses the 履歴保存日数 the last recorded action purged with (no sheet to read); 設定
    // is read — every sheet's first rows, then 設定 — only for a history recorded before that was kept.
    const stored = purge ? history.retentionDays() : null;
    // The first rows of the sheets that may be 設定 or 依頼, read once: for 設定 when needed and,
    // after a 確定, to find 依頼 (a sheet confirmed as another kind is not read: lookup.ts).
    const heads =
      (purge && stored === null) || action.kind === 'matchCommit' ? headsOfKinds(ports, ['settings', 'requests']) : [];
    const retention = purge ? (stored ?? retentionDaysOf(ports, heads)) : 0;
    atomically(ports, { ja: '元に戻す操作', en: 'the undo' }, (tx) => {
      restore(ports.workbook, action.changes, tx);
      history.setUndone(tx, action, true);
      // The approvals staff made before the 確定 count again.
      if (action.kind === 'matchCommit') reopenUncommittedPairs(ports, tx, heads);
      if (purge) history.purge(tx, retention);
    });
    return { label: action.label, cells: new Set(action.changes.map(cellText)).size, undo: undoInfo(history) };
  });
}

/**
 * Takes off the marks of the active highlights: each note and fill goes back to what it was,
 * unless staff changed that cell's note or fill since (then theirs stays), and the highlight is
 * marked undone in the history, all within the action's transaction. Returns the cells restored.
 */
export function clearActiveHighlight(workbook: Workbook, history: History, tx: Transaction): number {
  let restored = 0;
  const present = workbook.sheetNames();
  for (const action of history.activeHighlights()) {
    // Marks on a sheet that was deleted or renamed since are gone with it.
    const here = action.changes.filter((c) => present.indexOf(c.sheet) >= 0);
    const stale = new Set(staleChanges(workbook, here));
    const still = here.filter((c) => !stale.has(c));
    restore(workbook, still, tx);
    history.setUndone(tx, action, true);
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
    const erased = atomically(ports, { ja: '履歴の消去', en: 'erasing the history' }, (tx) => history.erase(tx));
    return { erased };
  });
}
