/**
 * A whole-workbook snapshot as plain data: every cell's value, formula, number format, note, fill,
 * font and data validation; the sheets, their order, ids, grid sizes, frozen panes, widths and
 * visibility; developer metadata; document properties. Two snapshots are equal exactly when nothing
 * a later reader could see differs (the selection, a per-user view, is left out). The fault-injection
 * harness compares them (docs/safety.md).
 */
import { columnLetters, formatA1 } from './a1';
import { chartRecord } from './charts';
import type { ValidationRule } from './validation';
import {
  CellError,
  DateValue,
  ImageValue,
  type Cell,
  type MetadataRecord,
  type RangeRef,
  type WorkbookModel,
} from './workbook';

export interface CellSnapshot {
  /** A date as {date: ISO instant}, an error as {error: '#REF!'}. */
  value?: string | number | boolean | { date: string } | { error: string };
  formula?: string;
  numberFormat?: string;
  note?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  /** The rule, written out ('VALUE_IN_LIST ["固定","除外"] strict'). */
  validation?: string;
}

export interface SheetSnapshot {
  name: string;
  id: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  columnWidths: Record<string, number>;
  metadata: string[];
  /** Embedded charts: what each is (id, type, ranges, options, position), as JSON. */
  charts: string[];
  /**
   * By column letter: runs of rows whose cells are the same, as 'first-last {cell as JSON}', only
   * for cells that hold something (a format applied to a thousand rows is one run).
   */
  columns: Record<string, string[]>;
}

export interface WorkbookSnapshot {
  name: string;
  sheets: SheetSnapshot[];
  metadata: string[];
  documentProperties: Record<string, string>;
}

function ruleText(rule: ValidationRule): string {
  const args = rule.args.map((arg) => {
    if (arg !== null && typeof arg === 'object' && 'sheet' in arg) {
      const ref = arg as RangeRef;
      return `${ref.sheet.name}!${formatA1(ref.row, ref.column, ref.numRows, ref.numColumns)}`;
    }
    if (arg instanceof DateValue) return { date: new Date(arg.ms).toISOString() };
    return arg;
  });
  return `${rule.criteria} ${JSON.stringify(args)} ${rule.allowInvalid ? 'warn' : 'strict'}${rule.helpText === null ? '' : ` ${JSON.stringify(rule.helpText)}`}`;
}

/** The same rule object is set on a thousand cells: its text is made once. */
const ruleTexts = new WeakMap<ValidationRule, string>();

function ruleTextOf(rule: ValidationRule): string {
  let text = ruleTexts.get(rule);
  if (text === undefined) {
    text = ruleText(rule);
    ruleTexts.set(rule, text);
  }
  return text;
}

function sameValue(a: Cell['value'], b: Cell['value']): boolean {
  if (a instanceof DateValue && b instanceof DateValue) return a.ms === b.ms;
  if (a instanceof CellError && b instanceof CellError) return a.code === b.code;
  if (a instanceof ImageValue && b instanceof ImageValue) {
    return a.url === b.url && a.altTitle === b.altTitle && a.altDescription === b.altDescription;
  }
  return a === b;
}

/** Whether two cells would give the same text (a rule is the same object on the cells it was set on). */
function sameCell(a: Cell, b: Cell): boolean {
  return (
    sameValue(a.value, b.value) &&
    a.formula === b.formula &&
    a.numberFormat === b.numberFormat &&
    a.note === b.note &&
    a.background === b.background &&
    (a.fontWeight ?? 'normal') === (b.fontWeight ?? 'normal') &&
    a.fontColor === b.fontColor &&
    (a.validation === b.validation ||
      (a.validation !== undefined &&
        b.validation !== undefined &&
        ruleTextOf(a.validation) === ruleTextOf(b.validation)))
  );
}

/** A cell as JSON (the fields of CellSnapshot that it has), or '' for a cell that holds nothing. */
function cellText(cell: Cell): string {
  const parts: string[] = [];
  const v = cell.value;
  if (v instanceof DateValue) parts.push(`"value":{"date":"${new Date(v.ms).toISOString()}"}`);
  else if (v instanceof CellError) parts.push(`"value":{"error":${JSON.stringify(v.code)}}`);
  else if (v instanceof ImageValue) {
    parts.push(`"value":{"image":${JSON.stringify(v.url)},"alt":${JSON.stringify([v.altTitle, v.altDescription])}}`);
  } else if (v !== undefined) parts.push(`"value":${JSON.stringify(v)}`);
  if (cell.formula !== undefined) parts.push(`"formula":${JSON.stringify(cell.formula)}`);
  if (cell.numberFormat !== undefined) parts.push(`"numberFormat":${JSON.stringify(cell.numberFormat)}`);
  if (cell.note !== undefined) parts.push(`"note":${JSON.stringify(cell.note)}`);
  if (cell.background !== undefined) parts.push(`"background":"${cell.background}"`);
  if (cell.fontWeight !== undefined && cell.fontWeight !== 'normal') parts.push(`"fontWeight":"${cell.fontWeight}"`);
  if (cell.fontColor !== undefined) parts.push(`"fontColor":"${cell.fontColor}"`);
  if (cell.validation !== undefined) parts.push(`"validation":${JSON.stringify(ruleTextOf(cell.validation))}`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function metadataText(records: readonly MetadataRecord[]): string[] {
  return records.map((m) => `${m.id} ${m.key}=${JSON.stringify(m.value)} ${m.visibility}`);
}

export function snapshotWorkbook(model: WorkbookModel): WorkbookSnapshot {
  return {
    name: model.name,
    sheets: model.sheets.map((sheet) => {
      // One open run per column; a cell like the one above it (compared field by field) extends the run.
      const open = new Map<number, { first: number; last: number; cell: Cell; text: string }>();
      const runs = new Map<number, string[]>();
      const close = (c: number): void => {
        const run = open.get(c);
        if (!run) return;
        const list = runs.get(c) ?? [];
        list.push(`${run.first}-${run.last} ${run.text}`);
        runs.set(c, list);
        open.delete(c);
      };
      sheet.forEachCell((r, c, cell) => {
        const run = open.get(c);
        if (run && run.last === r - 1 && sameCell(run.cell, cell)) {
          run.last = r;
          return;
        }
        close(c);
        const text = cellText(cell);
        if (text !== '') open.set(c, { first: r, last: r, cell, text });
      });
      for (const c of [...open.keys()]) close(c);
      const columns: Record<string, string[]> = {};
      for (const c of [...runs.keys()].sort((a, b) => a - b)) columns[columnLetters(c)] = runs.get(c) as string[];
      return {
        name: sheet.name,
        id: sheet.id,
        hidden: sheet.hidden,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        tabColor: sheet.tabColor,
        columnWidths: Object.fromEntries([...sheet.columnWidths].sort(([a], [b]) => a - b).map(([k, v]) => [k, v])),
        metadata: metadataText(sheet.metadata),
        charts: sheet.charts.map((c) => JSON.stringify(chartRecord(c))),
        columns,
      };
    }),
    metadata: metadataText(model.metadata),
    documentProperties: Object.fromEntries([...model.documentProperties].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The cells of one column's runs, by row. */
function cellsOf(runs: readonly string[]): Map<number, string> {
  const cells = new Map<number, string>();
  for (const run of runs) {
    const m = /^(\d+)-(\d+) (.*)$/s.exec(run);
    if (!m) continue;
    for (let r = Number(m[1]); r <= Number(m[2]); r += 1) cells.set(r, m[3] as string);
  }
  return cells;
}

/** Where two snapshots differ, one line each, at most `limit` lines ([] when they are equal). */
export function diffSnapshots(a: WorkbookSnapshot, b: WorkbookSnapshot, limit = 12): string[] {
  const out: string[] = [];
  const add = (line: string): void => {
    if (out.length < limit) out.push(line);
  };
  if (a.name !== b.name) add(`spreadsheet name: ${a.name} → ${b.name}`);
  const names = (s: WorkbookSnapshot) => s.sheets.map((x) => x.name).join(', ');
  if (names(a) !== names(b)) add(`sheets: [${names(a)}] → [${names(b)}]`);
  if (!same(a.metadata, b.metadata))
    add(`spreadsheet metadata: ${JSON.stringify(a.metadata)} → ${JSON.stringify(b.metadata)}`);
  for (const key of new Set([...Object.keys(a.documentProperties), ...Object.keys(b.documentProperties)])) {
    const x = a.documentProperties[key];
    const y = b.documentProperties[key];
    if (x !== y)
      add(
        `property ${key}: ${x === undefined ? '(none)' : 'set'} → ${y === undefined ? '(none)' : 'set'}${x !== undefined && y !== undefined ? ' (changed)' : ''}`,
      );
  }
  for (const sa of a.sheets) {
    const sb = b.sheets.find((s) => s.name === sa.name);
    if (!sb) continue;
    for (const key of ['id', 'hidden', 'maxRows', 'maxColumns', 'frozenRows', 'frozenColumns', 'tabColor'] as const) {
      if (sa[key] !== sb[key]) add(`${sa.name} ${key}: ${String(sa[key])} → ${String(sb[key])}`);
    }
    if (!same(sa.columnWidths, sb.columnWidths)) add(`${sa.name} column widths differ`);
    if (!same(sa.metadata, sb.metadata))
      add(`${sa.name} metadata: ${JSON.stringify(sa.metadata)} → ${JSON.stringify(sb.metadata)}`);
    if (!same(sa.charts, sb.charts))
      add(`${sa.name} charts: ${JSON.stringify(sa.charts)} → ${JSON.stringify(sb.charts)}`);
    for (const letter of new Set([...Object.keys(sa.columns), ...Object.keys(sb.columns)])) {
      const x = cellsOf(sa.columns[letter] ?? []);
      const y = cellsOf(sb.columns[letter] ?? []);
      if (same(sa.columns[letter], sb.columns[letter])) continue;
      for (const row of [...new Set([...x.keys(), ...y.keys()])].sort((a, b) => a - b)) {
        if (x.get(row) !== y.get(row)) add(`${sa.name}!${letter}${row}: ${x.get(row) ?? '{}'} → ${y.get(row) ?? '{}'}`);
      }
    }
  }
  return out;
}

export function sameSnapshot(a: WorkbookSnapshot, b: WorkbookSnapshot): boolean {
  return same(a, b);
}
