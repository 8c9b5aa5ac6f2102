/** The history sheet's format: actions as JSON split into chunks, one row per chunk, newest last. */
import type { CellValue } from '../ports';
import { isDateObject } from '../text/date';
import type { HistoryAction, StoredValue } from './types';

/** The hidden sheet that holds the history. */
export const HISTORY_SHEET = 'つなぐ履歴';
export const HISTORY_HEADER = ['操作ID', '日時', '種類', '内容', '状態', 'データ'];
/** Characters of JSON per cell: below Sheets' 50,000-character cell limit. */
export const CHUNK_CHARS = 40_000;
/** Actions kept; older ones can no longer be undone. */
export const MAX_ACTIONS = 20;
/** Characters of JSON kept in all; older actions are dropped first. */
export const MAX_TOTAL_CHARS = 4_000_000;
/** Every chunk starts with this, so a chunk is never read by Sheets as a number or formula. */
const CHUNK_PREFIX = 'j:';

const STATUS_ACTIVE = '有効';
const STATUS_UNDONE = '取り消し済み';

export function storeValue(value: CellValue, formula: string): StoredValue {
  if (formula !== '') return { f: formula };
  if (isDateObject(value)) return { d: value.toISOString() };
  return value;
}

/** The stored value as a cell value to compare with what the sheet holds now. */
export function sameStored(a: StoredValue, b: StoredValue): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if ('d' in a && 'd' in b) return a.d === b.d;
  if ('f' in a && 'f' in b) return a.f === b.f;
  return false;
}

/** The rows of the history sheet (without header) for these actions. */
export function encodeHistory(actions: readonly HistoryAction[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const action of actions) {
    const json = JSON.stringify({ kind: action.kind, label: action.label, at: action.at, changes: action.changes });
    const status = action.undone ? STATUS_UNDONE : STATUS_ACTIVE;
    for (let i = 0; i < json.length || i === 0; i += CHUNK_CHARS) {
      rows.push([
        action.id,
        action.at,
        action.kind,
        action.label.ja,
        status,
        CHUNK_PREFIX + json.slice(i, i + CHUNK_CHARS),
      ]);
    }
  }
  return rows;
}

/** Reads the history sheet's rows (without header). Unreadable actions are skipped, never fatal. */
export function decodeHistory(rows: readonly (readonly unknown[])[]): HistoryAction[] {
  const order: string[] = [];
  const parts = new Map<string, { status: string; chunks: string[] }>();
  for (const row of rows) {
    const id = String(row[0] ?? '');
    const chunk = String(row[5] ?? '');
    if (id === '' || !chunk.startsWith(CHUNK_PREFIX)) continue;
    let entry = parts.get(id);
    if (!entry) {
      entry = { status: String(row[4] ?? ''), chunks: [] };
      parts.set(id, entry);
      order.push(id);
    }
    entry.chunks.push(chunk.slice(CHUNK_PREFIX.length));
  }
  const actions: HistoryAction[] = [];
  for (const id of order) {
    const entry = parts.get(id) as { status: string; chunks: string[] };
    try {
      const data = JSON.parse(entry.chunks.join('')) as Omit<HistoryAction, 'id' | 'undone'>;
      if (!Array.isArray(data.changes)) continue;
      actions.push({
        id,
        kind: data.kind,
        label: data.label,
        at: data.at,
        changes: data.changes,
        undone: entry.status === STATUS_UNDONE,
      });
    } catch {
      // A hand-edited or truncated record cannot be undone; the others still can.
    }
  }
  return actions;
}

/** The newest actions within the count and size limits. */
export function pruneHistory(actions: readonly HistoryAction[]): HistoryAction[] {
  const kept: HistoryAction[] = [];
  let chars = 0;
  for (let i = actions.length - 1; i >= 0 && kept.length < MAX_ACTIONS; i--) {
    const action = actions[i] as HistoryAction;
    const size = JSON.stringify(action.changes).length;
    if (kept.length > 0 && chars + size > MAX_TOTAL_CHARS) break;
    chars += size;
    kept.unshift(action);
  }
  return kept;
}
