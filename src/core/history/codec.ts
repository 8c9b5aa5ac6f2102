/** The history sheet's format: one sealed JSON record per action, split into chunks, one row per chunk, newest last; read strictly. */
import type { CellValue } from '../ports';
import { isDateObject } from '../text/date';
import type { ActionKind, CellChange, CellPart, HistoryAction, RowPrint, StoredValue } from './types';

/** The hidden sheet that holds the history. */
export const HISTORY_SHEET = 'つなぐ履歴';
export const HISTORY_HEADER = ['操作ID', '日時', '種類', '内容', '状態', '署名', 'データ'];
/** 0-based columns of the history sheet. */
export const COL = { id: 0, at: 1, kind: 2, label: 3, status: 4, seal: 5, data: 6 } as const;
/** Characters of JSON per cell: below Sheets' 50,000-character cell limit. */
export const CHUNK_CHARS = 40_000;
/** Actions kept; older ones can no longer be undone. */
export const MAX_ACTIONS = 20;
/** Characters of JSON one action may take (50 cells): an action whose record would be longer is refused before it writes. */
export const MAX_ACTION_CHARS = 2_000_000;
/** Characters of JSON kept in all; older actions are dropped first. */
export const MAX_TOTAL_CHARS = 4_000_000;
/** Every chunk starts with this, so a chunk is never read by Sheets as a number or formula. */
const CHUNK_PREFIX = 'j:';
const VERSION = 2;

export const STATUS_ACTIVE = '有効';
export const STATUS_UNDONE = '取り消し済み';

const KINDS: readonly ActionKind[] = ['fix', 'highlight', 'matchCommit', 'surveyTemplate', 'surveyImport'];
const PART_CODES: Readonly<Record<CellPart, string>> = { value: 'v', note: 'n', background: 'b' };
const PARTS: Readonly<Record<string, CellPart>> = { v: 'value', n: 'note', b: 'background' };

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

/**
 * The JSON record of an action (everything but its id and status, which the seal covers beside
 * it): sheet names once, then each change and row print as a short array.
 */
export function recordJson(action: HistoryAction): string {
  const sheets: string[] = [];
  const sheetIndex = (name: string): number => {
    let i = sheets.indexOf(name);
    if (i < 0) i = sheets.push(name) - 1;
    return i;
  };
  const changes = action.changes.map((c) => {
    const item: unknown[] = [sheetIndex(c.sheet), c.row, c.column, PART_CODES[c.part], c.before, c.after];
    if (c.format) item.push(c.format.before, c.format.after);
    return item;
  });
  const rows = action.rows.map((r) => [sheetIndex(r.sheet), r.row, r.cells]);
  const record = { v: VERSION, kind: action.kind, label: action.label, at: action.at, sheets, changes, rows };
  return JSON.stringify(action.run === undefined ? record : { ...record, run: action.run });
}

/** The rows of the history sheet for one action, its record split into chunks. */
export function encodeAction(action: HistoryAction, json: string, seal: string, shownAt: string): CellValue[][] {
  const rows: CellValue[][] = [];
  const status = action.undone ? STATUS_UNDONE : STATUS_ACTIVE;
  for (let i = 0; i < json.length || i === 0; i += CHUNK_CHARS) {
    rows.push([
      action.id,
      shownAt,
      action.kind,
      action.label.ja,
      status,
      seal,
      CHUNK_PREFIX + json.slice(i, i + CHUNK_CHARS),
    ]);
  }
  return rows;
}

/** One action's rows as found in the sheet, before its seal is checked. */
export interface RawRecord {
  id: string;
  /** 1-based sheet row of its first chunk, and how many rows it takes. */
  firstRow: number;
  rowCount: number;
  /** What the columns beside the record say (for a record that cannot be read, all there is). */
  shownAt: string;
  kind: string;
  labelJa: string;
  status: string;
  seal: string;
  /** The record's JSON, or null when its rows do not fit together (chunks out of place, differing columns). */
  json: string | null;
}

/**
 * Groups the history sheet's rows (the header excluded; `firstRow` is the sheet row of rows[0])
 * into records: consecutive rows with the same id. Rows of one record must agree on every column
 * but the data, and every chunk must carry the prefix; otherwise its json is null.
 */
export function readRecords(rows: readonly (readonly unknown[])[], firstRow = 2): RawRecord[] {
  const records: RawRecord[] = [];
  let current: (RawRecord & { chunks: string[]; broken: boolean }) | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    const cell = (c: number): string => {
      const v = row[c];
      return v === undefined || v === null ? '' : isDateObject(v) ? v.toISOString() : String(v);
    };
    const id = cell(COL.id);
    if (id === '' && row.every((v) => v === '' || v === null || v === undefined)) continue;
    const chunk = cell(COL.data);
    const same =
      current !== null &&
      current.id === id &&
      current.firstRow + current.rowCount === firstRow + i &&
      current.status === cell(COL.status) &&
      current.seal === cell(COL.seal);
    if (same && current) {
      current.rowCount++;
      if (!chunk.startsWith(CHUNK_PREFIX)) current.broken = true;
      current.chunks.push(chunk.slice(CHUNK_PREFIX.length));
      continue;
    }
    if (current) records.push(finish(current));
    current = {
      id,
      firstRow: firstRow + i,
      rowCount: 1,
      shownAt: cell(COL.at),
      kind: cell(COL.kind),
      labelJa: cell(COL.label),
      status: cell(COL.status),
      seal: cell(COL.seal),
      json: null,
      chunks: [chunk.slice(CHUNK_PREFIX.length)],
      broken: !chunk.startsWith(CHUNK_PREFIX) || id === '',
    };
  }
  if (current) records.push(finish(current));
  return records;
}

function finish(r: RawRecord & { chunks: string[]; broken: boolean }): RawRecord {
  const { chunks, broken, ...record } = r;
  return { ...record, json: broken ? null : chunks.join('') };
}

// ───────── strict reading ─────────

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DIGESTS = /^[A-Za-z0-9_-]*$/;
/** A run of 安全な修正 in parts (actions/fix-run.ts). */
const RUN_ID = /^F\d{17}$/;

/** The run a record belongs to, read from its JSON without checking it (what the purge counts by). */
export function recordRun(json: string | null): string | null {
  const m = json === null ? null : /"run":"(F\d{17})"\}$/.exec(json);
  return m ? (m[1] as string) : null;
}
/** Sheets' limits: no sheet name is longer, no cell holds more, no sheet has more rows or columns. */
const MAX_NAME = 100;
const MAX_CELL = 50_000;
const MAX_ROW = 10_000_000;
const MAX_COLUMN = 18_278;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const k of Object.keys(v)) if (keys.indexOf(k) < 0) return false;
  return true;
}

function isIndex(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
}

function isStored(v: unknown): v is StoredValue {
  if (typeof v === 'string') return v.length <= MAX_CELL;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean') return true;
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  if (keys[0] === 'd') return typeof v.d === 'string' && ISO_INSTANT.test(v.d) && !Number.isNaN(Date.parse(v.d));
  if (keys[0] === 'f') return typeof v.f === 'string' && v.f.startsWith('=') && v.f.length <= MAX_CELL;
  return false;
}

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

/**
 * Reads a record's JSON back into an action, refusing anything that is not exactly what
 * recordJson writes (unknown fields, wrong types, rows or columns outside a sheet, a formula
 * where a value belongs). Null when it is not.
 */
export function parseRecord(json: string, id: string, status: string): HistoryAction | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(data) || !onlyKeys(data, ['v', 'kind', 'label', 'at', 'sheets', 'changes', 'rows', 'run'])) return null;
  if (data.run !== undefined && (typeof data.run !== 'string' || !RUN_ID.test(data.run))) return null;
  if (data.v !== VERSION || KINDS.indexOf(data.kind as ActionKind) < 0) return null;
  const label = data.label;
  if (!isRecord(label) || !onlyKeys(label, ['ja', 'en']) || !isText(label.ja, 500) || !isText(label.en, 500))
    return null;
  if (typeof data.at !== 'string' || !ISO_INSTANT.test(data.at) || Number.isNaN(Date.parse(data.at))) return null;
  const sheets = data.sheets;
  if (!Array.isArray(sheets) || !sheets.every((s) => isText(s, MAX_NAME) && s !== '')) return null;
  const sheetAt = (i: unknown): string | null =>
    typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < sheets.length ? (sheets[i] as string) : null;
  if (!Array.isArray(data.changes) || !Array.isArray(data.rows)) return null;
  const changes: CellChange[] = [];
  for (const item of data.changes as unknown[]) {
    if (!Array.isArray(item) || (item.length !== 6 && item.length !== 8)) return null;
    const [s, row, column, code, before, after, formatBefore, formatAfter] = item as unknown[];
    const sheet = sheetAt(s);
    const part = typeof code === 'string' ? PARTS[code] : undefined;
    if (sheet === null || part === undefined || !isIndex(row, MAX_ROW) || !isIndex(column, MAX_COLUMN)) return null;
    if (!isStored(before) || !isStored(after)) return null;
    // Notes and fills are text; only a value may be a date or a formula, and only a value has a format.
    if (part !== 'value' && (typeof before !== 'string' || typeof after !== 'string' || item.length === 8)) return null;
    const change: CellChange = { sheet, row, column, part, before, after };
    if (item.length === 8) {
      if (!isText(formatBefore, 500) || !isText(formatAfter, 500)) return null;
      change.format = { before: formatBefore, after: formatAfter };
    }
    changes.push(change);
  }
  const rows: RowPrint[] = [];
  for (const item of data.rows as unknown[]) {
    if (!Array.isArray(item) || item.length !== 3) return null;
    const [s, row, cells] = item as unknown[];
    const sheet = sheetAt(s);
    if (sheet === null || !isIndex(row, MAX_ROW) || typeof cells !== 'string' || !DIGESTS.test(cells)) return null;
    rows.push({ sheet, row, cells });
  }
  if (status !== STATUS_ACTIVE && status !== STATUS_UNDONE) return null;
  return {
    id,
    kind: data.kind as ActionKind,
    label: { ja: label.ja, en: label.en },
    at: data.at,
    undone: status === STATUS_UNDONE,
    changes,
    rows,
    ...(typeof data.run === 'string' ? { run: data.run } : {}),
  };
}
