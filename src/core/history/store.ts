/** Loading and saving the history sheet, and recording an action in it. */
import type { Clock, Workbook } from '../ports';
import { HISTORY_HEADER, HISTORY_SHEET, decodeHistory, encodeHistory, pruneHistory } from './codec';
import type { ActionKind, CellChange, HistoryAction } from './types';

export function loadHistory(workbook: Workbook): HistoryAction[] {
  const data = workbook.read(HISTORY_SHEET);
  return data ? decodeHistory(data.values.slice(1)) : [];
}

export function saveHistory(workbook: Workbook, actions: readonly HistoryAction[]): void {
  workbook.writeOutputSheet({
    name: HISTORY_SHEET,
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

/** Appends an action to the history (the caller holds the document lock). */
export function recordAction(
  workbook: Workbook,
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
  saveHistory(workbook, actions);
  return action;
}
