/**
 * Writing into staff sheets without losing anything: values column by column and marks (notes,
 * fills) sheet by sheet, each as one batched read and one batched write, returning every change
 * made so the history can undo it exactly.
 */
import type { BlockWrite, CellValue, Rect, Workbook } from '../ports';
import type { Transaction } from '../transaction';
import { guardFormula } from '../text/formula';
import { isDateObject } from '../text/date';
import { Fingerprint } from '../fingerprint';
import { sameStored, storeValue } from './codec';
import type { CellChange, StoredValue } from './types';

/** One value to write. */
export interface ValueWrite {
  sheet: string;
  row: number;
  column: number;
  /** A formula is given as {f: '=…'} (only restoring writes one); a plain '=…' string is written as text. */
  value: CellValue | StoredValue;
  /** Let Sheets read the text (an ISO date becomes a date cell); otherwise text stays text. */
  parse?: boolean;
  /** A number format to give the cell first (restoring what a write changed). */
  format?: string;
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
 * Writes values. In each touched column, the span from the first to the last written row is read
 * once (values, formulas, formats); then each run of written rows is written (rowRuns), and only
 * those cells; then the span is read again so the history records what the cells really hold. A
 * target that holds a formula is left alone (a fix never replaces a formula), unless the write
 * itself restores one. Changes are pushed to `changes` column by column. With a transaction, each
 * run is kept with what it held, so a failure later in the action puts it back.
 */
export function writeValues(
  workbook: Workbook,
  writes: readonly ValueWrite[],
  changes: CellChange[] = [],
  tx?: Transaction,
): CellChange[] {
  const firstNew = changes.length;
  for (const [key, group] of groupBy(writes, (w) => `${w.sheet}\u0000${w.column}`)) {
    const sheet = key.slice(0, key.indexOf('\u0000'));
    const column = (group[0] as ValueWrite).column;
    const { first, count } = span(group.map((w) => w.row));
    const rect: Rect = { row: first, column, rows: count, columns: 1 };
    const before = workbook.readBlock(sheet, rect, ['values', 'formulas', 'numberFormats']);
    const values = before.values as CellValue[][];
    const formulas = before.formulas as string[][];
    const formats = before.numberFormats as string[][];
    const restoresFormula = (w: ValueWrite): boolean =>
      typeof w.value === 'object' && !isDateObject(w.value) && 'f' in w.value;
    const targets = group.filter((w) => (formulas[w.row - first]?.[0] ?? '') === '' || restoresFormula(w));
    if (targets.length === 0) continue;
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
        const format = write.format ?? current;
        if (format !== current) formatsChange = true;
        targetFormats.push([format]);
        oldFormats.push([current]);
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
  const made = changes.slice(firstNew);
  for (const [sheet, group] of groupBy(made, (c) => c.sheet)) {
    const prints = rowPrints(
      workbook,
      sheet,
      group.map((c) => c.row),
    );
    for (const change of group) change.rowPrint = prints.get(change.row);
  }
  return changes;
}

/** Fingerprints of whole rows, read in one batch per sheet. */
function rowPrints(workbook: Workbook, sheet: string, rows: readonly number[]): Map<number, string> {
  const { first, count } = span(rows);
  const values = workbook.readRows(sheet, first, count);
  const prints = new Map<number, string>();
  for (const row of new Set(rows)) {
    const print = new Fingerprint();
    for (const cell of values[row - first] ?? []) print.addCell(cell);
    prints.set(row, print.toString());
  }
  return prints;
}

/** Writes notes and fills: one block per sheet covering the marked cells, read once and written once. */
export function writeMarks(
  workbook: Workbook,
  marks: readonly MarkWrite[],
  changes: CellChange[] = [],
  tx?: Transaction,
): CellChange[] {
  for (const [sheet, group] of groupBy(marks, (m) => m.sheet)) {
    const rows = span(group.map((m) => m.row));
    const columns = span(group.map((m) => m.column));
    const rect: Rect = { row: rows.first, column: columns.first, rows: rows.count, columns: columns.count };
    const current = workbook.readBlock(sheet, rect, ['notes', 'backgrounds']);
    const previous = blockOf(current.notes as string[][], current.backgrounds as string[][]);
    const notes = (current.notes as string[][]).map((row) => row.slice());
    const fills: (string | null)[][] = (current.backgrounds as string[][]).map((row) =>
      row.map((b) => (b === NO_FILL ? null : b)),
    );
    const made: CellChange[] = [];
    for (const m of group) {
      const r = m.row - rows.first;
      const c = m.column - columns.first;
      const noteRow = notes[r] as string[];
      const fillRow = fills[r] as (string | null)[];
      const oldNote = noteRow[c] ?? '';
      const oldFill = fillRow[c] ?? null;
      const note = oldNote === '' ? m.mark : `${oldNote}\n\n${m.mark}`;
      if (oldNote !== note) {
        made.push({ sheet, row: m.row, column: m.column, part: 'note', before: oldNote, after: note });
        noteRow[c] = note;
      }
      if ((oldFill ?? NO_FILL) !== (m.background ?? NO_FILL)) {
        made.push({
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
    put(workbook, tx, sheet, rect, { notes, backgrounds: fills }, previous);
    for (const change of made) changes.push(change);
  }
  return changes;
}

/** Notes and fills as read, as a block that writes them back (a white fill as no fill). */
function blockOf(notes: string[][], backgrounds: string[][]): BlockWrite {
  return {
    notes: notes.map((row) => row.slice()),
    backgrounds: backgrounds.map((row) => row.map((b) => (b === NO_FILL ? null : b))),
  };
}

/**
 * The changed cells whose current state is no longer what the action wrote: someone edited them,
 * or rows were inserted or deleted so that another row now sits at their address.
 */
export function conflicts(workbook: Workbook, changes: readonly CellChange[]): CellChange[] {
  const stale = new Set<CellChange>();
  for (const [sheet, group] of groupBy(
    changes.filter((c) => c.rowPrint !== undefined),
    (c) => c.sheet,
  )) {
    const prints = rowPrints(
      workbook,
      sheet,
      group.map((c) => c.row),
    );
    for (const change of group) if (prints.get(change.row) !== change.rowPrint) stale.add(change);
  }
  for (const [key, group] of groupBy(changes, (c) => `${c.sheet}\u0000${c.part}`)) {
    const sheet = key.slice(0, key.indexOf('\u0000'));
    const part = (group[0] as CellChange).part;
    const rows = span(group.map((c) => c.row));
    const columns = span(group.map((c) => c.column));
    const rect: Rect = { row: rows.first, column: columns.first, rows: rows.count, columns: columns.count };
    const block = workbook.readBlock(
      sheet,
      rect,
      part === 'value' ? ['values', 'formulas'] : part === 'note' ? ['notes'] : ['backgrounds'],
    );
    for (const change of group) {
      const r = change.row - rows.first;
      const c = change.column - columns.first;
      const now: StoredValue =
        part === 'value'
          ? storeValue(block.values?.[r]?.[c] ?? '', block.formulas?.[r]?.[c] ?? '')
          : part === 'note'
            ? (block.notes?.[r]?.[c] ?? '')
            : (block.backgrounds?.[r]?.[c] ?? NO_FILL);
      if (!sameStored(now, change.after)) stale.add(change);
    }
  }
  return changes.filter((c) => stale.has(c));
}

/** Puts the cells back as they were before the changes: values column by column, marks sheet by sheet. */
export function restore(workbook: Workbook, changes: readonly CellChange[], tx?: Transaction): void {
  const values = changes.filter((c) => c.part === 'value');
  const marks = changes.filter((c) => c.part !== 'value');
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
      [],
      tx,
    );
  }
  if (marks.length > 0) restoreMarks(workbook, marks, tx);
}

/** Puts notes and fills back: one block per sheet. */
function restoreMarks(workbook: Workbook, changes: readonly CellChange[], tx?: Transaction): void {
  for (const [sheet, group] of groupBy(changes, (c) => c.sheet)) {
    const rows = span(group.map((c) => c.row));
    const columns = span(group.map((c) => c.column));
    const rect: Rect = { row: rows.first, column: columns.first, rows: rows.count, columns: columns.count };
    const current = workbook.readBlock(sheet, rect, ['notes', 'backgrounds']);
    const previous = blockOf(current.notes as string[][], current.backgrounds as string[][]);
    const notes = (current.notes as string[][]).map((row) => row.slice());
    const fills: (string | null)[][] = (current.backgrounds as string[][]).map((row) =>
      row.map((b) => (b === NO_FILL ? null : b)),
    );
    for (const change of group) {
      const r = change.row - rows.first;
      const c = change.column - columns.first;
      if (change.part === 'note') (notes[r] as string[])[c] = String(change.before);
      else (fills[r] as (string | null)[])[c] = change.before === NO_FILL ? null : String(change.before);
    }
    put(workbook, tx, sheet, rect, { notes, backgrounds: fills }, previous);
  }
}
