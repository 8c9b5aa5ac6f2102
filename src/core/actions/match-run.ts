/**
 * マッチング in parts (docs/cost.md): a workbook whose roster and activity log are too large to read
 * in one Apps Script call is read in row slices the sidebar asks for one by one. Each slice stages
 * the cells matching reads of its rows — as the sheet holds them, packed as JSON in Tsunagu's
 * hidden matching work sheet — and the last part lays the staged rows back where they were, so it
 * sees exactly what one read of the whole sheets would have given (the rows classified, parsed and
 * matched by the same code). The staged rows stay after the run: 固定/除外 matches again from them
 * (the snapshot) instead of reading the roster and the activity log again.
 *
 * This module plans the parts and stages and restores rows; the actions are in match.ts.
 */
import { UserError } from '../errors';
import type { CellValue } from '../ports';
import { isLiveSheet } from '../sheets/mapping';
import { estimateCells, fieldColumns, type PlannedSheet } from '../validate/chunks';
import type { SheetInput } from '../validate/types';
import type { Transaction } from '../transaction';
import type { AppPorts } from './ports';
import { appendRows } from './validate-run';

/** Document property: where a マッチング in parts stands (sheet names, sizes and columns; no cell contents). */
export const MATCH_RUN_KEY = 'tsunagu.matchRun';
/** Document property: the snapshot the last マッチング in parts staged, which 固定/除外 matches from. */
export const MATCH_SNAPSHOT_KEY = 'tsunagu.matchSnapshot';
/**
 * Cells one part reads at most, and the most a workbook may need for matching in one call: about
 * 12 s of Apps Script time at the cost model's high figure (100 µs a cell), as a 検証 part.
 */
export const MATCH_PART_CELLS = 120_000;
/** The work sheet's header: what a row holds (r: staged rows of a slice) and the JSON. */
export const MATCH_WORK_HEADER = ['種類', 'データ'];
/** The most characters one staged cell holds: below Sheets' 50,000 a cell (real-sheets-checklist RS-62). */
const STAGED_CELL_CHARS = 40_000;

/** Work-sheet rows (1-based) and how many. */
export interface Rows {
  first: number;
  count: number;
}

/** One part: a slice of rows of a live roster or activity log (1-based sheet rows, the header rows with the first). */
export interface MatchPart {
  sheet: string;
  first: number;
  last: number;
}

/** What the staged rows of the sheets read in slices stand for: where they are, and each sheet's size when read. */
export interface Staged {
  workSheet: string;
  /** Every recognised sheet of the kinds matching reads, and 設定, in tab order (as the run planned them). */
  sheets: PlannedSheet[];
  /** Per sheet read in slices: the work-sheet rows of its staged slices. */
  spans: Record<string, Rows[]>;
  /** Per sheet read in slices: its used width when read (the rows matching reads are that wide). */
  widths: Record<string, number>;
}

export interface MatchRunState extends Staged {
  id: string;
  parts: MatchPart[];
  /** Parts done (the last part, which matches and writes, is parts.length + 1). */
  done: number;
  /** Work-sheet rows written below its header. */
  workRows: number;
}

/** The kinds matching reads in slices, with the fields it reads of them (match.ts MATCH_FIELDS). */
export type SlicedFields = Record<'volunteers' | 'activities', readonly string[]>;

/** The sheets matching reads in slices: the live rosters and activity logs. */
export function slicedSheets(sheets: readonly PlannedSheet[]): PlannedSheet[] {
  return sheets.filter((s) => (s.kind === 'volunteers' || s.kind === 'activities') && isLiveSheet(s.name, s.mapping));
}

/**
 * The slices matching reads, each about `budget` cells or fewer; empty when everything matching
 * reads (the rosters, activity logs and 依頼) fits one call, which then matches at once.
 */
export function planMatchParts(
  sheets: readonly PlannedSheet[],
  fields: SlicedFields,
  budget = MATCH_PART_CELLS,
): MatchPart[] {
  const sliced = slicedSheets(sheets);
  const fieldsOf = (s: PlannedSheet): readonly string[] => fields[s.kind as keyof SlicedFields];
  const requests = sheets.filter((s) => s.kind === 'requests').reduce((n, s) => n + estimateCells(s, s.lastRow), 0);
  const total = sliced.reduce((n, s) => n + estimateCells(s, s.lastRow, fieldsOf(s)), requests);
  if (total <= budget) return [];
  const parts: MatchPart[] = [];
  for (const sheet of sliced) {
    const perRow = Math.max(1, estimateCells(sheet, 1, fieldsOf(sheet)));
    const rows = Math.max(1, Math.floor(budget / perRow));
    const last = Math.max(sheet.lastRow, sheet.mapping.headerRow);
    for (let first = 1; first <= last; first += rows) {
      parts.push({ sheet: sheet.name, first, last: Math.min(last, first + rows - 1) });
    }
  }
  return parts;
}

/** A staged cell value: JSON cannot hold a Date, so a date cell goes as its time. */
type StagedValue = string | number | boolean | { d: number };
/** One staged row: its 1-based row, the values of the columns read, and the display texts of those that are not text. */
type StagedRow = [number, StagedValue[], Array<string | 0>];

const encode = (v: CellValue): StagedValue => (v instanceof Date ? { d: v.getTime() } : v);
const decode = (v: StagedValue): CellValue => (typeof v === 'object' ? new Date(v.d) : v);

function changedDuringRun(sheet: string): UserError {
  return new UserError(
    'match.changedDuringRun',
    `マッチングの途中で「${sheet}」の行数が変わったため、マッチングを中止しました。もう一度「マッチングを実行」してください。マッチング結果は変えていません。`,
    `The rows of 「${sheet}」 changed during matching, so it was stopped. Please run matching again; マッチング結果 was not changed.`,
  );
}

/**
 * One slice: reads the columns matching reads of its rows and stages every row that holds
 * anything in them, packed as JSON rows of at most 40,000 characters. A sheet whose rows changed
 * since the plan stops the run.
 */
export function stageSlice(
  ports: AppPorts,
  tx: Transaction,
  state: MatchRunState,
  part: MatchPart,
  fields: SlicedFields,
): void {
  const sheet = state.sheets.find((s) => s.name === part.sheet);
  if (!sheet) throw changedDuringRun(part.sheet);
  const columns = fieldColumns(sheet.mapping, fields[sheet.kind as keyof SlicedFields]);
  const data = ports.workbook.read(sheet.name, columns, [{ first: part.first, count: part.last - part.first + 1 }]);
  if (!data || data.values.length !== sheet.lastRow) throw changedDuringRun(sheet.name);
  const texts: string[] = [];
  let packed: StagedRow[] = [];
  let chars = 2;
  const flush = (): void => {
    if (packed.length > 0) texts.push(JSON.stringify(packed));
    packed = [];
    chars = 2;
  };
  for (let r = part.first; r <= Math.min(part.last, data.values.length); r++) {
    const row = data.values[r - 1] as CellValue[];
    if (row.length > 0) state.widths[sheet.name] = row.length;
    if (columns.every((c) => row[c] === undefined || row[c] === '')) continue;
    const shown = data.display[r - 1] ?? [];
    const entry: StagedRow = [
      r,
      columns.map((c) => encode(row[c] ?? '')),
      columns.map((c) => (typeof row[c] === 'string' ? 0 : (shown[c] ?? ''))),
    ];
    const size = JSON.stringify(entry).length + 1;
    if (chars + size > STAGED_CELL_CHARS) flush();
    packed.push(entry);
    chars += size;
  }
  flush();
  const first = state.workRows + 2;
  appendRows(
    tx,
    state.workSheet,
    first,
    texts.map((text) => ['r', text]),
    [0, 1],
  );
  state.workRows += texts.length;
  state.spans[sheet.name] = [...(state.spans[sheet.name] ?? []), { first, count: texts.length }];
}

/**
 * The sheets read in slices as one read of the whole sheet gives them (Workbook.read with the
 * columns matching reads): every row as wide as the sheet, blank but for those columns, with the
 * display texts of the cells that are not text. Reads the staged rows (one call per run of them).
 */
export function restoreSliced(ports: AppPorts, staged: Staged, fields: SlicedFields): SheetInput[] {
  const sheets = slicedSheets(staged.sheets);
  const spans = joined(sheets.flatMap((s) => staged.spans[s.name] ?? []).filter((s) => s.count > 0));
  const data = spans.length > 0 ? ports.workbook.read(staged.workSheet, [1], spans) : null;
  return sheets.map((sheet) => {
    const columns = fieldColumns(sheet.mapping, fields[sheet.kind as keyof SlicedFields]);
    const width = staged.widths[sheet.name] ?? 0;
    const values: CellValue[][] = [];
    const display: string[][] = [];
    for (let r = 0; r < sheet.lastRow; r++) {
      values.push(new Array<CellValue>(width).fill(''));
      display.push(new Array<string>(width).fill(''));
    }
    for (const span of staged.spans[sheet.name] ?? []) {
      for (let w = span.first; w < span.first + span.count; w++) {
        const text = String(data?.values[w - 1]?.[1] ?? '');
        if (text === '') throw changedDuringRun(staged.workSheet);
        for (const [r, cells, shown] of JSON.parse(text) as StagedRow[]) {
          const row = values[r - 1];
          const texts = display[r - 1];
          if (!row || !texts) continue;
          columns.forEach((c, i) => {
            if (c >= width) return;
            const value = decode(cells[i] ?? '');
            row[c] = value;
            texts[c] = typeof value === 'string' ? value : String(shown[i] ?? '');
          });
        }
      }
    }
    return { name: sheet.name, kind: sheet.kind, mapping: sheet.mapping, values, display };
  });
}

/** Spans that follow one another (the slices staged part after part) as one: one read for them all. */
function joined(spans: readonly Rows[]): Rows[] {
  const out: Rows[] = [];
  for (const span of [...spans].sort((a, b) => a.first - b.first)) {
    const last = out[out.length - 1];
    if (last && last.first + last.count >= span.first) {
      last.count = Math.max(last.count, span.first + span.count - last.first);
    } else out.push({ ...span });
  }
  return out;
}

/** A new run id: the time, readable in the property. */
export function newMatchRunId(now: Date): string {
  return `M${now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)}`;
}

export function loadJson<T>(ports: AppPorts, key: string): T | null {
  const text = ports.store.get(key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The run a part belongs to; a run that was stopped, replaced or finished is gone. */
export function matchRunOf(ports: AppPorts, runId: string): MatchRunState {
  const state = loadJson<MatchRunState>(ports, MATCH_RUN_KEY);
  if (!state || state.id !== runId) {
    throw new UserError(
      'match.runGone',
      'このマッチングは終わったか、中止されたか、別のマッチングに置き換えられました。もう一度「マッチングを実行」してください。',
      'This matching has finished, was stopped, or another one replaced it. Please run matching again.',
    );
  }
  return state;
}
