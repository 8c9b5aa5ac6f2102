/**
 * Writing into staff sheets without losing anything: values column by column and marks (notes,
 * fills) sheet by sheet, each as one batched read and one batched write, returning every change
 * made so the history can undo it exactly. Given the action's transaction, every write is kept with
 * what it replaced, so a failure later in the action puts it back (src/core/transaction.ts).
 */
import type { BlockWrite, CellBlock, CellValue, Rect, Workbook } from '../ports';
import type { Transaction } from '../transaction';
import { guardFormula } from '../text/formula';
import { isDateObject } from '../text/date';
import { sameStored, storeValue } from './codec';
import type { CellChange, HistoryAction, RowPrint, StoredValue } from './types';

/** One value to write. */
export interface ValueWrite {
  sheet: string;
  row: number;
  column: number;
  /** A formula is given as {f: '=…'} (only restoring writes one); a plain '=…' string is written as text. */
  value: CellValue | StoredValue;
  /**
   * Let Sheets read the text (an ISO date becomes a date cell; a cell formatted as a plain number
   * gets a date format, or it would show the date as its serial); otherwise text stays text.
   */
  parse?: boolean;
  /** A number format to give the cell first (restoring what a write changed). */
  format?: string;
  /**
   * Write only if the cell still holds this (value, or formula as {f}): a safe fix staged by a 検証
   * in parts is applied only to a cell nobody changed since; otherwise it is left as it is.
   */
  expect?: StoredValue;
}

/** One mark: text added to the cell's note (below any note staff wrote) and the fill it gets. */
export interface MarkWrite {
  sheet: string;
  row: number;
  column: number;
  mark: string;
  /** '#rrggbb', or null for no fill. */
  background: string | null;
}

const TEXT_FORMAT = '@';
const NO_FILL = '#ffffff';
/**
 * What getNumberFormats answers for a cell on Automatic, and what puts a cell back on Automatic:
 * writing the pattern itself would make it a fixed number format (docs/real-sheets-checklist.md).
 */
export const AUTOMATIC_FORMAT_READ = '0.###############';
export const AUTOMATIC_FORMAT_WRITE = 'General';

/** The date format a date fix gives a cell formatted as a plain number (Sheets' own for a typed date, ja_JP). */
export const FIXED_DATE_FORMAT = 'yyyy/MM/dd';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a format under which a date written as text might show as its serial: a number pattern
 * (#,##0, [$¥-411]#,##0, 0 …) — and the pattern Automatic reads as, since a cell given that
 * pattern is a number cell (real-sheets-checklist RS-08) and the two cannot be told apart (on
 * Automatic, Sheets would give the same date format). Not plain text, and not a pattern with a
 * day, month or year in it.
 */
function showsDateAsNumber(format: string): boolean {
  if (format === TEXT_FORMAT) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return !/[ymd]/i.test(bare);
}

/** The format a write gives its cell: the one asked for, a date format for an ISO day parsed into a number-formatted cell, else the cell's own. */
function formatFor(write: ValueWrite | undefined, current: string): string {
  if (write?.format !== undefined) return write.format;
  if (write?.parse && typeof write.value === 'string' && ISO_DAY.test(write.value) && showsDateAsNumber(current)) {
    return FIXED_DATE_FORMAT;
  }
  return current;
}

/** A number format as read, in the form that sets it again (Automatic as Automatic). */
export function formatToWrite(format: string): string {
  return format === AUTOMATIC_FORMAT_READ || format === '' ? AUTOMATIC_FORMAT_WRITE : format;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * How to write a cell so that it holds `value` afterwards: a formula as its formula; text behind
 * an apostrophe so Sheets reads no number, date or formula into it — in a plain-text cell only
 * text that starts like a formula (the apostrophe would otherwise show there).
 */
export function cellInput(value: StoredValue | CellValue, numberFormat: string, parse = false): CellValue {
  if (isDateObject(value)) return value;
  if (typeof value === 'object') return 'f' in value ? value.f : new Date(value.d);
  if (typeof value !== 'string' || value === '') return value;
  if (parse) return guardFormula(value);
  // A plain-text cell keeps what is written as text, but the guard does not rely on that alone:
  // whether Sheets keeps a script-written =… as text there is unconfirmed (docs/real-sheets-checklist.md).
  if (numberFormat === TEXT_FORMAT) return guardFormula(value);
  return `'${value}`;
}

/** The 1-based row span of some cells. */
function span(rows: readonly number[]): { first: number; count: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (r < first) first = r;
    if (r > last) last = r;
  }
  return { first, count: last - first + 1 };
}

/**
 * The runs of rows to write in one column: rows next to each other form a run, and nothing else is
 * written — a cell between two fixes is never rewritten, so its rule cannot reject the fix, its rich
 * text is not flattened, and an edit made meanwhile is not overwritten. One call per run: the calls
 * grow with the separate runs of changed cells, never with the rows of the sheet (docs/safety.md).
 */
export function rowRuns(rows: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<{ first: number; count: number }> = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === row) last.count += 1;
    else runs.push({ first: row, count: 1 });
  }
  return runs;
}

/**
 * What one more range costs, counted in cells: a range of marks takes about six calls (the range
 * twice, notes and fills read and written) at the cost model's high 90 ms each, a cell in it about
 * 0.8 ms (read twice at 100 µs, written twice at 300 µs) — so a gap of more than 675 rows between
 * cells of one column is cheaper as two ranges than as one (docs/cost.md).
 */
export const RANGE_CELLS = 675;

/**
 * The marks one 検証 puts on at most, in the cells of the ranges that hold them (each range counted
 * as RANGE_CELLS more): about 3 s of Apps Script time at the model's high figures to read and
 * write, and as much again for the next 検証 to take them off — within one sidebar call's 30 s.
 */
export const MARK_BUDGET = 4_000;

/** Rows grouped into spans: a row within `gap` rows of the span before it joins that span. */
export function clusters(rows: readonly number[], gap: number = RANGE_CELLS): Array<{ first: number; count: number }> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const spans: Array<{ first: number; count: number }> = [];
  for (const row of sorted) {
    const last = spans[spans.length - 1];
    if (last && row - (last.first + last.count - 1) <= gap) last.count = row - last.first + 1;
    else spans.push({ first: row, count: 1 });
  }
  return spans;
}

/** A cell of a sheet, 1-based. */
interface Place {
  sheet: string;
  row: number;
  column: number;
}

/** The ranges to read and write some cells in, each with its cells. */
export interface RangeOf<T extends Place> {
  sheet: string;
  rect: Rect;
  cells: T[];
}

/**
 * The ranges that cover some cells at the least cost (docs/cost.md): per sheet, either one block
 * around them all, or, when cheaper, each column's cells in spans (clusters) — so marks scattered
 * over a long sheet cost the rows around them, not the whole sheet, and never one call per cell.
 */
export function rangesFor<T extends Place>(cells: readonly T[]): Array<RangeOf<T>> {
  const out: Array<RangeOf<T>> = [];
  for (const [sheet, group] of groupBy(cells, (c) => c.sheet)) {
    const rows = span(group.map((c) => c.row));
    const columns = span(group.map((c) => c.column));
    const blockCost = rows.count * columns.count + RANGE_CELLS;
    const byColumn: Array<RangeOf<T>> = [];
    let columnCost = 0;
    for (const [, inColumn] of groupBy(group, (c) => String(c.column))) {
      const column = (inColumn[0] as T).column;
      for (const part of clusters(inColumn.map((c) => c.row))) {
        const last = part.first + part.count - 1;
        byColumn.push({
          sheet,
          rect: { row: part.first, column, rows: part.count, columns: 1 },
          cells: inColumn.filter((c) => c.row >= part.first && c.row <= last),
        });
        columnCost += part.count + RANGE_CELLS;
      }
    }
    if (columnCost < blockCost) out.push(...byColumn);
    else {
      out.push({
        sheet,
        rect: { row: rows.first, column: columns.first, rows: rows.count, columns: columns.count },
        cells: [...group],
      });
    }
  }
  return out;
}

/**
 * Which cells with issues a 検証 marks: each in issue order while the ranges holding the marks so
 * far stay within the budget (MARK_BUDGET), counted per column as rangesFor would cover them. A run
 * in parts keeps `spans` in its state (sheet names, columns and row numbers, never cell contents).
 */
export class MarkBudget {
  readonly spans: Record<string, Array<[number, number]>>;

  constructor(
    readonly limit: number = MARK_BUDGET,
    spans: Record<string, Array<[number, number]>> = {},
  ) {
    this.spans = spans;
  }

  private static cost(list: ReadonlyArray<readonly [number, number]>): number {
    let cells = 0;
    for (const [first, last] of list) cells += last - first + 1 + RANGE_CELLS;
    return cells;
  }

  /** The budget taken so far, in cells. */
  get used(): number {
    let cells = 0;
    for (const list of Object.values(this.spans)) cells += MarkBudget.cost(list);
    return cells;
  }

  /** Takes the cell into the budget when it fits; false (and nothing taken) when it does not. */
  admit(place: Place): boolean {
    const key = `${place.sheet}\u0000${place.column}`;
    const list = this.spans[key] ?? [];
    const merged: Array<[number, number]> = [];
    for (const [first, last] of [...list, [place.row, place.row] as [number, number]].sort((a, b) => a[0] - b[0])) {
      const prev = merged[merged.length - 1];
      if (prev && first - prev[1] <= RANGE_CELLS) prev[1] = Math.max(prev[1], last);
      else merged.push([first, last]);
    }
    if (this.used - MarkBudget.cost(list) + MarkBudget.cost(merged) > this.limit) return false;
    this.spans[key] = merged;
    return true;
  }
}

/** Writes one block, through the transaction when there is one (so it can be taken back). */
function put(
  workbook: Workbook,
  tx: Transaction | undefined,
  sheet: string,
  rect: Rect,
  data: BlockWrite,
  previous: BlockWrite,
): void {
  if (tx) tx.write(sheet, rect, data, previous);
  else workbook.writeBlock(sheet, rect, data);
}

/**
 * Writes values. In each touched column, the rows around the written ones (clusters: a long gap
 * is not read through) are read (values, formulas, formats) — every column's before any write;
 * then each run of written rows is written (rowRuns), and only those cells (Automatic kept as
 * Automatic); then the same rows are read again, after every write, so the history records what
 * the cells really hold. Reads and writes are not interleaved, so Apps Script commits the writes
 * once (docs/cost.md). A target that holds a formula is left alone (a fix never replaces a
 * formula), unless the write itself restores one. Changes are pushed to `changes` column by
 * column. With a transaction, each run is kept with what it held (values and formats), so a
 * failure later in the action puts it back.
 */
export function writeValues(
  workbook: Workbook,
  writes: readonly ValueWrite[],
  changes: CellChange[] = [],
  tx?: Transaction,
): CellChange[] {
  const restoresFormula = (w: ValueWrite): boolean =>
    typeof w.value === 'object' && !isDateObject(w.value) && 'f' in w.value;
  const blocks: Array<{ sheet: string; rect: Rect; targets: ValueWrite[]; before: CellBlock }> = [];
  for (const [key, inColumn] of groupBy(writes, (w) => `${w.sheet}\u0000${w.column}`)) {
    const sheet = key.slice(0, key.indexOf('\u0000'));
    const column = (inColumn[0] as ValueWrite).column;
    for (const part of clusters(inColumn.map((w) => w.row))) {
      const last = part.first + part.count - 1;
      const group = inColumn.filter((w) => w.row >= part.first && w.row <= last);
      const rect: Rect = { row: part.first, column, rows: part.count, columns: 1 };
      const before = workbook.readBlock(sheet, rect, ['values', 'formulas', 'numberFormats']);
      const formulas = before.formulas as string[][];
      const values = before.values as CellValue[][];
      const stillHolds = (w: ValueWrite): boolean => {
        if (w.expect === undefined) return true;
        const i = w.row - part.first;
        return sameStored(storeValue(values[i]?.[0] ?? '', formulas[i]?.[0] ?? ''), w.expect);
      };
      const targets = group.filter(
        (w) => ((formulas[w.row - part.first]?.[0] ?? '') === '' || restoresFormula(w)) && stillHolds(w),
      );
      blocks.push({ sheet, rect, targets, before });
    }
  }
  for (const { sheet, rect, targets, before } of blocks) {
    const first = rect.row;
    const column = rect.column;
    const values = before.values as CellValue[][];
    const formulas = before.formulas as string[][];
    const formats = before.numberFormats as string[][];
    const byRow = new Map(targets.map((w) => [w.row, w]));
    for (const run of rowRuns(targets.map((w) => w.row))) {
      const offset = run.first - first;
      const targetFormats: string[][] = [];
      const oldFormats: string[][] = [];
      const grid: CellValue[][] = [];
      const oldGrid: CellValue[][] = [];
      let formatsChange = false;
      for (let i = offset; i < offset + run.count; i++) {
        const write = byRow.get(first + i) as ValueWrite;
        const current = formats[i]?.[0] ?? '';
        const format = formatFor(write, current);
        if (format !== current) formatsChange = true;
        targetFormats.push([formatToWrite(format)]);
        oldFormats.push([formatToWrite(current)]);
        grid.push([cellInput(write.value, format, write.parse)]);
        oldGrid.push([cellInput(storeValue(values[i]?.[0] ?? '', formulas[i]?.[0] ?? ''), current)]);
      }
      const runRect: Rect = { row: run.first, column, rows: run.count, columns: 1 };
      put(
        workbook,
        tx,
        sheet,
        runRect,
        formatsChange ? { numberFormats: targetFormats, values: grid } : { values: grid },
        // Taking it back puts the formats back too: Sheets may have formatted the cell for what was written.
        { numberFormats: oldFormats, values: oldGrid },
      );
    }
  }
  for (const { sheet, rect, targets, before } of blocks) {
    if (targets.length === 0) continue;
    const first = rect.row;
    const column = rect.column;
    const values = before.values as CellValue[][];
    const formulas = before.formulas as string[][];
    const formats = before.numberFormats as string[][];
    const after = workbook.readBlock(sheet, rect, ['values', 'formulas', 'numberFormats']);
    for (const w of targets) {
      const i = w.row - first;
      const was = storeValue(values[i]?.[0] ?? '', formulas[i]?.[0] ?? '');
      const now = storeValue(after.values?.[i]?.[0] ?? '', after.formulas?.[i]?.[0] ?? '');
      const formatBefore = formats[i]?.[0] ?? '';
      const formatAfter = after.numberFormats?.[i]?.[0] ?? '';
      if (sameStored(was, now) && formatBefore === formatAfter) continue;
      const change: CellChange = { sheet, row: w.row, column, part: 'value', before: was, after: now };
      if (formatBefore !== formatAfter) change.format = { before: formatBefore, after: formatAfter };
      changes.push(change);
    }
  }
  return changes;
}

/** A block of new rows to write: `rows[i][j]` goes to row `firstRow + i`, column `columns[j]` (1-based). */
export interface RowsWrite {
  sheet: string;
  firstRow: number;
  /** 1-based, ascending, no repeats. */
  columns: readonly number[];
  rows: readonly (readonly CellValue[])[];
  /**
   * Per column (in the order of `columns`), the number format the written cells take — the rows
   * above's 和暦 date or yen format, say; null or absent keeps each cell's own. Recorded and taken
   * back with the values.
   */
  formats?: readonly (string | null)[];
}

/** Ascending columns cut into runs of neighbours: [1,2,3,7] → [[1,2,3],[7]], each with its place in the list. */
function columnRuns(columns: readonly number[]): Array<{ first: number; count: number; offset: number }> {
  const runs: Array<{ first: number; count: number; offset: number }> = [];
  columns.forEach((column, offset) => {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === column) last.count += 1;
    else runs.push({ first: column, count: 1, offset });
  });
  return runs;
}

/** A formula found where rows were to be written: nothing is written. */
export class FormulaInTheWay extends Error {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly column: number,
  ) {
    super(`a formula is in ${sheet} row ${row} column ${column}`);
    this.name = 'FormulaInTheWay';
  }
}

/**
 * Writes a block of rows (new rows below a sheet's last one: a template, accepted answers) in a
 * fixed number of calls whatever its size: per run of neighbouring columns one read (values,
 * formulas, formats), one write, and one read after — reads and writes not interleaved — instead of
 * writeValues' three per column. Text is written so Sheets reads nothing into it (cellInput); a
 * cell holding a formula is never overwritten: FormulaInTheWay is thrown before anything is
 * written. The changes are pushed for the history; with a transaction, each block is kept with what
 * it held, so a failure later in the action puts it back.
 */
export function writeRows(
  workbook: Workbook,
  write: RowsWrite,
  changes: CellChange[] = [],
  tx?: Transaction,
): CellChange[] {
  const { sheet, firstRow, columns, rows } = write;
  if (rows.length === 0 || columns.length === 0) return changes;
  const runs = columnRuns(columns).map((run) => {
    const rect: Rect = { row: firstRow, column: run.first, rows: rows.length, columns: run.count };
    return { run, rect, before: workbook.readBlock(sheet, rect, ['values', 'formulas', 'numberFormats']) };
  });
  for (const { rect, before } of runs) {
    (before.formulas ?? []).forEach((line, i) =>
      line.forEach((f, j) => {
        if (f !== '') throw new FormulaInTheWay(sheet, rect.row + i, rect.column + j);
      }),
    );
  }
  for (const { run, rect, before } of runs) {
    const formats = before.numberFormats ?? [];
    const values = before.values ?? [];
    const given = (j: number): string | null => write.formats?.[run.offset + j] ?? null;
    const reformat = Array.from({ length: run.count }, (_, j) => given(j)).some((f) => f !== null);
    const formatOf = (i: number, j: number): string => given(j) ?? formats[i]?.[j] ?? '';
    const grid = rows.map((row, i) =>
      Array.from({ length: run.count }, (_, j) => cellInput(row[run.offset + j] ?? '', formatOf(i, j))),
    );
    const newFormats = reformat
      ? rows.map((_, i) => Array.from({ length: run.count }, (_, j) => formatToWrite(formatOf(i, j))))
      : null;
    const oldGrid = rows.map((_, i) =>
      Array.from({ length: run.count }, (_, j) => cellInput(values[i]?.[j] ?? '', formats[i]?.[j] ?? '')),
    );
    const oldFormats = rows.map((_, i) =>
      Array.from({ length: run.count }, (_, j) => formatToWrite(formats[i]?.[j] ?? '')),
    );
    const data = newFormats ? { numberFormats: newFormats, values: grid } : { values: grid };
    put(workbook, tx, sheet, rect, data, { numberFormats: oldFormats, values: oldGrid });
  }
  for (const { rect, before } of runs) {
    const after = workbook.readBlock(sheet, rect, ['values', 'formulas', 'numberFormats']);
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.columns; j++) {
        const was = storeValue(before.values?.[i]?.[j] ?? '', '');
        const now = storeValue(after.values?.[i]?.[j] ?? '', after.formulas?.[i]?.[j] ?? '');
        const formatBefore = before.numberFormats?.[i]?.[j] ?? '';
        const formatAfter = after.numberFormats?.[i]?.[j] ?? '';
        if (sameStored(was, now) && formatBefore === formatAfter) continue;
        const change: CellChange = {
          sheet,
          row: rect.row + i,
          column: rect.column + j,
          part: 'value',
          before: was,
          after: now,
        };
        if (formatBefore !== formatAfter) change.format = { before: formatBefore, after: formatAfter };
        changes.push(change);
      }
    }
  }
  return changes;
}

// ───────── row prints ─────────

/** Characters of a cell's digest in a row print: 18 bits, so an edit goes unnoticed once in 262,144. */
const DIGEST_CHARS = 3;
const DIGEST_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A short digest of a cell value (FNV-1a): Dates by their instant, everything else by its type
 * and text. A Date with no instant (a number too large for a date under a date format) has one
 * digest of its own and never stops an action (real-sheets-checklist RS-29).
 */
export function cellDigest(value: unknown): string {
  const text = !isDateObject(value)
    ? `${typeof value}:${String(value)}`
    : Number.isNaN(value.getTime())
      ? 'd:invalid'
      : `d${value.toISOString()}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (let k = 0; k < DIGEST_CHARS; k++) out += DIGEST_ALPHABET.charAt((hash >>> (6 * k)) & 63);
  return out;
}

function rowDigests(cells: readonly unknown[]): string {
  let out = '';
  for (const cell of cells) out += cellDigest(cell);
  return out;
}

/**
 * Rows whose whole width is read in one range when they are this close: a row of a staff sheet is
 * some twenty cells read at 0.1 ms each (2 ms), and another range costs about three calls (270 ms)
 * at the cost model's high figures: a gap of a hundred rows is cheaper read through (docs/cost.md).
 */
const ROW_GAP = 100;

/** Whole rows of one sheet, values only: the rows near each other in one range each (two calls a range). */
function readRowsOf(workbook: Workbook, sheet: string, rows: readonly number[]): Map<number, readonly CellValue[]> {
  const out = new Map<number, readonly CellValue[]>();
  for (const { first, count } of clusters(rows, ROW_GAP)) {
    const values = workbook.readRows(sheet, first, count);
    for (const row of rows) if (row >= first && row < first + count) out.set(row, values[row - first] ?? []);
  }
  return out;
}

/** Prints of the whole rows the value changes are in, read in one batch per sheet, for the history. */
export function rowPrintsOf(workbook: Workbook, changes: readonly CellChange[]): RowPrint[] {
  const prints: RowPrint[] = [];
  for (const [sheet, group] of groupBy(
    changes.filter((c) => c.part === 'value'),
    (c) => c.sheet,
  )) {
    const rows = [...new Set(group.map((c) => c.row))].sort((a, b) => a - b);
    const values = readRowsOf(workbook, sheet, rows);
    for (const row of rows) prints.push({ sheet, row, cells: rowDigests(values.get(row) ?? []) });
  }
  return prints;
}

// ───────── marks ─────────

/**
 * Writes notes and fills over the ranges that hold the marks (rangesFor): every range is read
 * first, then each is written once — notes and fills together — so the writes are not interleaved
 * with reads (each read after a write makes Apps Script commit first: docs/cost.md). With a
 * transaction, each range is kept with what it held, so a failure later in the action puts it back.
 */
export function writeMarks(
  workbook: Workbook,
  marks: readonly MarkWrite[],
  changes: CellChange[] = [],
  tx?: Transaction,
): CellChange[] {
  const ranges = rangesFor(marks).map((range) => ({
    ...range,
    current: workbook.readBlock(range.sheet, range.rect, ['notes', 'backgrounds']),
  }));
  for (const { sheet, rect, cells, current } of ranges) {
    const previous = blockOf(current.notes as string[][], current.backgrounds as string[][]);
    const notes = (current.notes as string[][]).map((row) => row.slice());
    const fills: (string | null)[][] = (current.backgrounds as string[][]).map((row) =>
      row.map((b) => (b === NO_FILL ? null : b)),
    );
    const noteChanges: CellChange[] = [];
    const fillChanges: CellChange[] = [];
    for (const m of cells) {
      const r = m.row - rect.row;
      const c = m.column - rect.column;
      const noteRow = notes[r] as string[];
      const fillRow = fills[r] as (string | null)[];
      const oldNote = noteRow[c] ?? '';
      const oldFill = fillRow[c] ?? null;
      const note = oldNote === '' ? m.mark : `${oldNote}\n\n${m.mark}`;
      if (oldNote !== note) {
        noteChanges.push({ sheet, row: m.row, column: m.column, part: 'note', before: oldNote, after: note });
        noteRow[c] = note;
      }
      if ((oldFill ?? NO_FILL) !== (m.background ?? NO_FILL)) {
        fillChanges.push({
          sheet,
          row: m.row,
          column: m.column,
          part: 'background',
          before: oldFill ?? NO_FILL,
          after: m.background ?? NO_FILL,
        });
        fillRow[c] = m.background;
      }
    }
    putMarks(workbook, tx, sheet, rect, notes, fills, previous, noteChanges.length > 0, fillChanges.length > 0);
    for (const change of noteChanges) changes.push(change);
    for (const change of fillChanges) changes.push(change);
  }
  return changes;
}

/** Writes the notes and fills of one range that changed, in one block (nothing when neither did). */
function putMarks(
  workbook: Workbook,
  tx: Transaction | undefined,
  sheet: string,
  rect: Rect,
  notes: string[][],
  fills: (string | null)[][],
  previous: BlockWrite,
  notesChanged: boolean,
  fillsChanged: boolean,
): void {
  if (!notesChanged && !fillsChanged) return;
  const data: BlockWrite = {};
  const before: BlockWrite = {};
  if (notesChanged) {
    data.notes = notes;
    before.notes = previous.notes as string[][];
  }
  if (fillsChanged) {
    data.backgrounds = fills;
    before.backgrounds = previous.backgrounds as (string | null)[][];
  }
  put(workbook, tx, sheet, rect, data, before);
}

/** Notes and fills as read, as a block that writes them back (a white fill as no fill). */
function blockOf(notes: string[][], backgrounds: string[][]): BlockWrite {
  return {
    notes: notes.map((row) => row.slice()),
    backgrounds: backgrounds.map((row) => row.map((b) => (b === NO_FILL ? null : b))),
  };
}

// ───────── conflicts ─────────

/** Why an action can no longer be undone at one place: a cell edited since, or another row at a row's address. */
export interface Conflict {
  sheet: string;
  row: number;
  /** 1-based; null when the whole row is another one (rows or columns inserted or deleted). */
  column: number | null;
}

/**
 * Where the sheets no longer hold what an action wrote: the cells edited since (any cell of a
 * row whose value the action changed, not only the changed cell), and the rows that moved —
 * most of a row differs, so rows or columns were inserted or deleted and another row sits at
 * its address. Ordered by sheet, row and column.
 */
export function conflictsOf(workbook: Workbook, action: Pick<HistoryAction, 'changes' | 'rows'>): Conflict[] {
  const found = new Map<string, Conflict>();
  const add = (c: Conflict): void => {
    const key = `${c.sheet}\u0000${c.row}\u0000${c.column ?? 0}`;
    if (!found.has(key)) found.set(key, c);
  };
  const moved = new Set<string>();
  for (const [sheet, prints] of groupBy(action.rows, (p) => p.sheet)) {
    const values = readRowsOf(
      workbook,
      sheet,
      prints.map((p) => p.row),
    );
    for (const print of prints) {
      const now = rowDigests(values.get(print.row) ?? []);
      const width = Math.max(now.length, print.cells.length) / DIGEST_CHARS;
      const blank = cellDigest('');
      const differing: number[] = [];
      let filled = 0;
      for (let c = 0; c < width; c++) {
        const was = print.cells.slice(c * DIGEST_CHARS, (c + 1) * DIGEST_CHARS) || blank;
        const is = now.slice(c * DIGEST_CHARS, (c + 1) * DIGEST_CHARS) || blank;
        if (was !== blank || is !== blank) filled++;
        if (was !== is) differing.push(c + 1);
      }
      if (differing.length >= 3 && differing.length * 2 > filled) {
        moved.add(`${sheet}\u0000${print.row}`);
        add({ sheet, row: print.row, column: null });
      } else {
        for (const column of differing) add({ sheet, row: print.row, column });
      }
    }
  }
  for (const change of staleChanges(workbook, action.changes)) {
    if (!moved.has(`${change.sheet}\u0000${change.row}`))
      add({ sheet: change.sheet, row: change.row, column: change.column });
  }
  return [...found.values()].sort(
    (a, b) =>
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.row - b.row || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** The changes whose cell no longer holds what the action wrote (value, note or fill). */
export function staleChanges(workbook: Workbook, changes: readonly CellChange[]): CellChange[] {
  const stale = new Set<CellChange>();
  for (const [, group] of groupBy(changes, (c) => `${c.sheet}\u0000${c.part}`)) {
    const part = (group[0] as CellChange).part;
    for (const { sheet, rect, cells } of rangesFor(group)) {
      const block = workbook.readBlock(
        sheet,
        rect,
        part === 'value' ? ['values', 'formulas'] : part === 'note' ? ['notes'] : ['backgrounds'],
      );
      for (const change of cells) {
        const r = change.row - rect.row;
        const c = change.column - rect.column;
        const now: StoredValue =
          part === 'value'
            ? storeValue(block.values?.[r]?.[c] ?? '', block.formulas?.[r]?.[c] ?? '')
            : part === 'note'
              ? (block.notes?.[r]?.[c] ?? '')
              : (block.backgrounds?.[r]?.[c] ?? NO_FILL);
        if (!sameStored(now, change.after)) stale.add(change);
      }
    }
  }
  return changes.filter((c) => stale.has(c));
}

// ───────── restoring ─────────

/**
 * Puts the cells back as they were before the changes: values column by column (with the number
 * format they had), marks sheet by sheet. What it changes is pushed to `made`; with a transaction,
 * a failure later in the action puts the cells back as they were before the restore.
 */
export function restore(
  workbook: Workbook,
  changes: readonly CellChange[],
  tx?: Transaction,
  made: CellChange[] = [],
): CellChange[] {
  const marks = changes.filter((c) => c.part !== 'value');
  const values = restoreRowBlocks(
    workbook,
    changes.filter((c) => c.part === 'value'),
    tx,
    made,
  );
  if (values.length > 0) {
    writeValues(
      workbook,
      values.map((c) => ({
        sheet: c.sheet,
        row: c.row,
        column: c.column,
        value: c.before,
        ...(c.format ? { format: c.format.before } : {}),
      })),
      made,
      tx,
    );
  }
  if (marks.length > 0) restoreMarks(workbook, marks, made, tx);
  return made;
}

/** Rows of whole blocks put back in one go only from this many cells: below it, column by column costs no more. */
const ROW_BLOCK_MIN_COLUMNS = 4;

/**
 * Puts back, as blocks of rows (writeRows: a few calls whatever their width), the value changes
 * that fill whole rows alike — neighbouring rows changed in the same columns, as rows appended by
 * an import are — when no format changed and no cell held a formula before. Returns the changes
 * left for writeValues; a block that now holds a formula is left to it too (it never overwrites one).
 */
function restoreRowBlocks(
  workbook: Workbook,
  changes: readonly CellChange[],
  tx: Transaction | undefined,
  made: CellChange[],
): CellChange[] {
  const plain = (c: CellChange): boolean =>
    c.format === undefined && !(typeof c.before === 'object' && 'f' in c.before);
  const rest: CellChange[] = changes.filter((c) => !plain(c));
  for (const [sheet, group] of groupBy(changes.filter(plain), (c) => c.sheet)) {
    const byRow = groupBy(group, (c) => String(c.row));
    const rows = [...byRow.keys()].map(Number).sort((a, b) => a - b);
    const columnsOf = (row: number): string =>
      (byRow.get(String(row)) ?? [])
        .map((c) => c.column)
        .sort((a, b) => a - b)
        .join(',');
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      const key = columnsOf(rows[i] as number);
      while (j < rows.length && rows[j] === (rows[j - 1] as number) + 1 && columnsOf(rows[j] as number) === key) j++;
      const blockRows = rows.slice(i, j);
      const cells = blockRows.flatMap((r) => byRow.get(String(r)) ?? []);
      const columns = key.split(',').map(Number);
      if (columns.length < ROW_BLOCK_MIN_COLUMNS || cells.length !== blockRows.length * columns.length) {
        rest.push(...cells);
      } else {
        const at = new Map(cells.map((c) => [`${c.row}:${c.column}`, c] as const));
        const write: RowsWrite = {
          sheet,
          firstRow: blockRows[0] as number,
          columns,
          rows: blockRows.map((r) =>
            columns.map((col) => {
              const before = (at.get(`${r}:${col}`) as CellChange).before;
              return typeof before === 'object' && 'd' in before ? new Date(before.d) : (before as CellValue);
            }),
          ),
        };
        try {
          writeRows(workbook, write, made, tx);
        } catch (error) {
          if (!(error instanceof FormulaInTheWay)) throw error;
          rest.push(...cells);
        }
      }
      i = j;
    }
  }
  return rest;
}

/** Puts notes and fills back over the ranges that hold them (rangesFor): all read first, each written once. */
function restoreMarks(
  workbook: Workbook,
  changes: readonly CellChange[],
  made: CellChange[],
  tx: Transaction | undefined,
): void {
  const ranges = rangesFor(changes).map((range) => ({
    ...range,
    current: workbook.readBlock(range.sheet, range.rect, ['notes', 'backgrounds']),
  }));
  for (const { sheet, rect, cells, current } of ranges) {
    const previous = blockOf(current.notes as string[][], current.backgrounds as string[][]);
    const notes = (current.notes as string[][]).map((row) => row.slice());
    const fills: (string | null)[][] = (current.backgrounds as string[][]).map((row) =>
      row.map((b) => (b === NO_FILL ? null : b)),
    );
    const noteChanges: CellChange[] = [];
    const fillChanges: CellChange[] = [];
    for (const change of cells) {
      const r = change.row - rect.row;
      const c = change.column - rect.column;
      if (change.part === 'note') {
        const was = (notes[r] as string[])[c] ?? '';
        (notes[r] as string[])[c] = String(change.before);
        if (was !== change.before) noteChanges.push({ ...change, before: was, after: String(change.before) });
      } else {
        const was = (fills[r] as (string | null)[])[c] ?? NO_FILL;
        (fills[r] as (string | null)[])[c] = change.before === NO_FILL ? null : String(change.before);
        if (was !== change.before) fillChanges.push({ ...change, before: was, after: String(change.before) });
      }
    }
    putMarks(workbook, tx, sheet, rect, notes, fills, previous, noteChanges.length > 0, fillChanges.length > 0);
    for (const change of noteChanges) made.push(change);
    for (const change of fillChanges) made.push(change);
  }
}
