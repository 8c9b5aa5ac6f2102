/** The history of Tsunagu's writes into staff sheets: what each action changed, cell by cell, so it can be undone exactly. */

/** A cell value as the history keeps it (JSON): Dates as {d: ISO instant}, formulas as {f: '=…'}. */
export type StoredValue = string | number | boolean | { d: string } | { f: string };

/** What part of a cell an action changed. */
export type CellPart = 'value' | 'note' | 'background';

/** One changed cell part: what it was before the action and what the action wrote. */
export interface CellChange {
  sheet: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  part: CellPart;
  before: StoredValue;
  after: StoredValue;
  /** The cell's number format, when the write changed it (a date written into an Automatic cell). */
  format?: { before: string; after: string };
}

/**
 * A whole row right after the write, as one short digest per cell: if rows were inserted or
 * deleted since, another row sits at the address (and may be found a few rows away); if one of
 * its cells was edited, the digests say which.
 */
export interface RowPrint {
  sheet: string;
  row: number;
  cells: string;
}

export type ActionKind = 'fix' | 'highlight' | 'matchCommit' | 'surveyTemplate' | 'surveyImport';

export interface HistoryAction {
  id: string;
  kind: ActionKind;
  /** What staff see in the sidebar and the history sheet. */
  label: { ja: string; en: string };
  /** ISO instant. */
  at: string;
  undone: boolean;
  changes: CellChange[];
  rows: RowPrint[];
  /**
   * The run of 安全な修正 in parts this action is a part of: 元に戻す takes such a run back part by
   * part, and the history counts its parts as one action.
   */
  run?: string;
}
