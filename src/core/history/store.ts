/** Loading and saving the history sheet, and recording an action in it. */
import { placeOutput } from '../output-sheets';
import type { Clock, Workbook } from '../ports';
import type { Transaction } from '../transaction';
import { HISTORY_HEADER, decodeHistory, encodeHistory, pruneHistory } from './codec';
import type { ActionKind, CellChange, HistoryAction } from './types';

/** The history lives in the sheet Tsunagu marked as its history (つなぐ履歴), never in a staff sheet of that name. */
export function loadHistory(workbook: Workbook): HistoryAction[] {
  const place = placeOutput(workbook, 'history', HISTORY_HEADER);
  if (!place.exists) return [];
  const data = workbook.read(place.name);
  return data ? decodeHistory(data.values.slice(1)) : [];
}

/** Rewrites the history sheet within the action's transaction (a history made before sheets were marked is marked first). */
export function saveHistory(tx: Transaction, actions: readonly HistoryAction[]): void {
  const place = placeOutput(tx.workbook, 'history', HISTORY_HEADER);
  if (place.adopt) tx.mark(place.name, 'history');
  tx.output({
    name: place.name,
    kind: 'history',
    header: HISTORY_HEADER,
    rows: encodeHistory(pruneHistory(actions)),
    hidden: true,
    textColumns: [0, 1, 2, 3, 4, 5],
    checkboxColumns: [],
  });
}

/** A new action id: the time, and a counter when two actions share a second. */
export function newActionId(clock: Clock, existing: readonly HistoryAction[]): string {
  const stamp = clock
    .now()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  let id = `A${stamp}`;
  for (let n = 2; existing.some((a) => a.id === id); n++) id = `A${stamp}-${n}`;
  return id;
}

/** Appends an action to the history (the caller holds the document lock and runs the transaction). */
export function recordAction(
  tx: Transaction,
  clock: Clock,
  actions: HistoryAction[],
  kind: ActionKind,
  label: { ja: string; en: string },
  changes: CellChange[],
): HistoryAction {
  const action: HistoryAction = {
    id: newActionId(clock, actions),
    kind,
    label,
    at: clock.now().toISOString(),
    undone: false,
    changes,
  };
  actions.push(action);
  saveHistory(tx, actions);
  return action;
}
