/**
 * Defines how 指標サマリー reads a source sheet: only the columns its indicators name (the 条件's
 * and 分母条件's columns, 対象列, the dating, 圏域 and person columns) and the identity columns
 * that tell data rows from totals and notes — with the header rows and every row those columns
 * do not settle read whole — so the rows are classified exactly as a read of the whole sheet
 * classifies them, for a fraction of the cells (docs/cost.md).
 */
import { conditionColumns } from '../indicators/condition';
import { parseIndicatorDefinitions, type DefinitionSheet, type IndicatorDefinition } from '../indicators/definitions';
import {
  SOURCES,
  SourceView,
  sourceDataOf,
  specColumnByName,
  type SourceKind,
  type WorkbookSheet,
} from '../indicators/sources';
import type { Settings } from '../sheets/settings';
import type { CellValue, RowSpan, SheetData, Workbook } from '../ports';
import { headerText } from '../sheets/detect';
import type { ColumnMapping } from '../sheets/mapping';
import {
  classifyRows,
  formulasByRow,
  identityColumns,
  isBlankCell,
  newRowCarry,
  undecidedSpan,
  unidentifiedRows,
  type RowCarry,
  type SetAsideReason,
  type SheetRows,
} from '../sheets/row-kinds';
import { normalizeHeader } from '../text/normalize';
import { sheetRows } from './sheet-rows';

/** Rows between two rows read whole that are read too rather than start another range (about a call's cost in cells). */
const GAP_ROWS = 30;

/**
 * 指標定義 read against the source sheets' header rows only (as the summary will read it against
 * the sheets): a 条件 naming a column only the sheet has binds to it, so its column is read too.
 */
export function definitionsAgainstHeaders(
  sheet: DefinitionSheet,
  startMonth: number,
  settings: Settings,
  headers: readonly WorkbookSheet[],
): readonly IndicatorDefinition[] {
  const views: Partial<Record<SourceKind, SourceView>> = {};
  for (const data of sourceDataOf(headers)) views[data.source.kind] = new SourceView(data, settings);
  return parseIndicatorDefinitions(sheet, { startMonth, views }).definitions;
}

/** Every column name the indicators of one source may look up: superset of what the aggregation resolves. */
export function namedColumns(kind: SourceKind, definitions: readonly IndicatorDefinition[]): string[] {
  const source = SOURCES[kind];
  const names = new Set<string>();
  const add = (name: string | null | undefined): void => {
    if (name) names.add(name);
  };
  const byKey = (key: string | null): string | null =>
    key === null ? null : (source.columns.find((c) => c.key === key)?.header ?? key);
  for (const d of definitions) {
    if (d.source?.kind !== kind) continue;
    if (d.dating.kind === 'column') add(d.dating.name);
    else if (d.dating.kind !== 'current') for (const k of source.dateColumns) add(byKey(k));
    add(byKey(source.areaColumn));
    if (d.method === '人数' && d.column === null) add(byKey(source.personColumn));
    add(d.column);
    for (const c of conditionColumns(d.condition)) add(c);
    for (const c of conditionColumns(d.denominator)) add(c);
  }
  return [...names];
}

/**
 * The 0-based columns of a sheet that the names refer to: a spec column by its canonical header
 * or an alias (where the mapping places it), and every column whose header as written matches.
 */
export function columnsNamed(
  kind: SourceKind,
  mapping: ColumnMapping,
  header: readonly unknown[],
  names: readonly string[],
): number[] {
  const source = SOURCES[kind];
  const out = new Set<number>();
  for (const name of names) {
    const spec = specColumnByName(source, name);
    const at = spec ? mapping.columns[spec.key] : undefined;
    if (typeof at === 'number') out.add(at);
    const n = normalizeHeader(name);
    header.forEach((cell, c) => {
      if (n !== '' && normalizeHeader(headerText(cell)) === n) out.add(c);
    });
  }
  return [...out].sort((a, b) => a - b);
}

/** Adjacent or nearby 0-based row indices as 1-based row spans. */
function spansOf(indices: readonly number[]): RowSpan[] {
  const spans: RowSpan[] = [];
  for (const i of indices) {
    const last = spans[spans.length - 1];
    if (last && i + 1 - (last.first + last.count) <= GAP_ROWS) last.count = i + 1 - last.first + 1;
    else spans.push({ first: i + 1, count: 1 });
  }
  return spans;
}

/** Copies the rows read (non-empty lists) of `from` over `into`, cell by cell within the columns given (all when none). */
function merge(into: SheetData, from: SheetData, columns?: readonly number[]): void {
  const display = into.display ?? [];
  for (let r = 0; r < from.values.length; r++) {
    const row = from.values[r] as CellValue[];
    if (!row || row.length === 0) continue;
    const shown = from.display?.[r] ?? [];
    const to = (into.values[r] ?? []) as CellValue[];
    const toShown = (display[r] ?? []) as string[];
    const width = Math.max(row.length, to.length);
    const values: CellValue[] = new Array<CellValue>(width);
    const texts: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const take = columns ? columns.indexOf(c) >= 0 : true;
      values[c] = (take ? row[c] : to[c]) ?? '';
      texts[c] = (take ? shown[c] : toShown[c]) ?? '';
    }
    into.values[r] = values;
    display[r] = texts;
  }
  into.display = display;
}

/** A source sheet as 指標サマリー reads it: the cells it needs, and its rows classified. */
export interface SourceRead {
  data: SheetData;
  rows: SheetRows;
  /** readSourceSlice: the sheet's rows as it stands (a sheet that grew or shrank since the run's plan stops it). */
  lastRow?: number;
}

/**
 * Reads one source sheet for the summary: the columns given and the identity columns (values, and
 * display texts where a cell is not text), then whole the header rows and the rows no identity
 * cell settles, then — only if such a row holds numbers in a column not read yet (a row of sums,
 * or data after all) — that column whole, since a row of sums is known by the sums above it.
 * The classification (sheetRows) is then the one a whole read gives. Null when there is no sheet.
 */
export function readSourceSheet(
  workbook: Workbook,
  name: string,
  mapping: ColumnMapping,
  columns: readonly number[],
): SourceRead | null {
  const identity = identityColumns(mapping);
  if (identity === null) {
    const whole = workbook.read(name);
    return whole ? { data: whole, rows: sheetRows(workbook, name, mapping, whole.values) } : null;
  }
  const read = [...new Set([...columns, ...identity])].sort((a, b) => a - b);
  const data = workbook.read(name, read);
  if (!data) return null;
  if (data.values.length === 0) return { data, rows: sheetRows(workbook, name, mapping, data.values) };
  const header = Array.from({ length: Math.min(mapping.headerRow, data.values.length) }, (_, i) => i);
  const loose = unidentifiedRows(mapping, data.values);
  const whole = [...header, ...loose];
  if (whole.length > 0) {
    const rows = workbook.read(name, undefined, spansOf(whole));
    if (rows) merge(data, rows);
  }
  // A row of numbers only is a total when each number is the sum of its column above: those
  // columns are read whole where they were not.
  const more = new Set<number>();
  for (const r of loose) {
    const row = data.values[r] ?? [];
    if (!row.every((v) => typeof v === 'number' || isBlankCell(v))) continue;
    for (let c = 0; c < row.length; c++) if (typeof row[c] === 'number' && read.indexOf(c) < 0) more.add(c);
  }
  if (more.size > 0) {
    const extra = [...more].sort((a, b) => a - b);
    const got = workbook.read(name, extra);
    if (got) merge(data, got, extra);
  }
  return { data, rows: sheetRows(workbook, name, mapping, data.values) };
}

/**
 * What a slice of a source sheet leaves for the next slice of it (a summary in parts): the
 * classification's running sums, the columns read beyond those named (a row of sums above had
 * numbers in them), and the rows set aside so far (1-based: the totals among them restart the sums).
 */
export interface SliceCarry {
  rows: RowCarry;
  extra: number[];
  aside: number[];
  totals: number[];
}

export function newSliceCarry(): SliceCarry {
  return { rows: newRowCarry(), extra: [], aside: [], totals: [] };
}

/** Reasons that restart the running sums and add to the subtotals (classifyRows). */
const RESTARTS: ReadonlySet<SetAsideReason> = new Set<SetAsideReason>(['total', 'sum', 'formula']);

/**
 * Reads one slice of a source sheet (1-based rows first … last, below the header) as
 * readSourceSheet reads the whole sheet — the columns given and the identity columns, the rows no
 * identity cell settles whole, and a column a row of numbers only has its numbers in — and
 * classifies its rows from where the slices above left off (`carry`, updated for the next). The
 * rows and their classification are those a read of the whole sheet gives: a column first needed
 * in this slice is read from the top of the sheet, and its sums over the rows above are counted
 * with the rows above as they were classified. Null when there is no sheet; `values` hold the
 * slice's rows at their places (the rows above as empty lists).
 */
export function readSourceSlice(
  workbook: Workbook,
  name: string,
  mapping: ColumnMapping,
  columns: readonly number[],
  slice: { first: number; last: number },
  carry: SliceCarry,
): SourceRead | null {
  const identity = identityColumns(mapping) ?? [];
  const read = [...new Set([...columns, ...identity, ...carry.extra])].sort((a, b) => a - b);
  const span: RowSpan = { first: slice.first, count: slice.last - slice.first + 1 };
  const data = workbook.read(name, read, [span]);
  if (!data) return null;
  const lastRow = data.values.length;
  data.values.length = Math.min(data.values.length, slice.last);
  if (data.display) data.display.length = Math.min(data.display.length, slice.last);
  for (let r = 0; r < slice.first - 1 && r < data.values.length; r++) {
    data.values[r] = [];
    if (data.display) data.display[r] = [];
  }
  const loose = unidentifiedRows(mapping, data.values).filter((r) => r >= slice.first - 1);
  if (loose.length > 0) {
    const rows = workbook.read(name, undefined, spansOf(loose));
    if (rows) {
      rows.values.length = Math.min(rows.values.length, slice.last);
      merge(data, rows);
    }
  }
  // A row of numbers only is a total when each number is the sum of its column above: a column
  // not read yet is read from the top, and its sums over the rows above added to the carry.
  const more = new Set<number>();
  for (const r of loose) {
    const row = data.values[r] ?? [];
    if (!row.every((v) => typeof v === 'number' || isBlankCell(v))) continue;
    for (let c = 0; c < row.length; c++) if (typeof row[c] === 'number' && read.indexOf(c) < 0) more.add(c);
  }
  if (more.size > 0) {
    const extra = [...more].sort((a, b) => a - b);
    const top = mapping.headerRow + 1;
    const got = top <= slice.last ? workbook.read(name, extra, [{ first: top, count: slice.last - top + 1 }]) : null;
    if (got) {
      const above = { values: got.values.slice(0, slice.first - 1) };
      got.values.length = Math.min(got.values.length, slice.last);
      for (let r = 0; r < slice.first - 1 && r < got.values.length; r++) got.values[r] = [];
      if (got.display) {
        got.display.length = Math.min(got.display.length, slice.last);
        for (let r = 0; r < slice.first - 1 && r < got.display.length; r++) got.display[r] = [];
      }
      merge(data, got, extra);
      addSumsAbove(carry, above.values, extra, mapping.headerRow);
    }
    carry.extra = [...new Set([...carry.extra, ...extra])].sort((a, b) => a - b);
  }
  const before = JSON.stringify(carry.rows);
  let rows = classifyRows(mapping, data.values, { carry: carry.rows });
  const width = data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const undecided = undecidedSpan(rows, width);
  if (undecided) {
    const formulas = workbook.readBlock(name, { ...undecided, column: 1 }, ['formulas']).formulas ?? [];
    carry.rows = JSON.parse(before) as RowCarry;
    rows = classifyRows(mapping, data.values, { carry: carry.rows, formulas: formulasByRow(undecided, formulas) });
  }
  for (const a of rows.setAside) {
    carry.aside.push(a.row);
    if (RESTARTS.has(a.reason)) carry.totals.push(a.row);
  }
  return { data, rows, lastRow };
}

/**
 * A column's running sums over the rows above a slice, as classifyRows would have kept them had
 * it been read from the top: every finite number of a row not set aside adds to the grand sum
 * (and to the segment's, below the last total), every total's to the subtotals.
 */
function addSumsAbove(
  carry: SliceCarry,
  above: readonly (readonly CellValue[])[],
  columns: readonly number[],
  headerRow: number,
): void {
  const aside = new Set(carry.aside);
  const totals = new Set(carry.totals);
  const lastTotal = carry.totals.length > 0 ? Math.max(...carry.totals) : 0;
  const rows = carry.rows;
  for (const c of columns) {
    let grand = 0;
    let segment = 0;
    let subtotal = 0;
    let anyData = false;
    let anySegment = false;
    let anyTotal = false;
    for (let r = headerRow; r < above.length; r++) {
      const v = above[r]?.[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const sheetRow = r + 1;
      if (totals.has(sheetRow)) {
        subtotal += v;
        anyTotal = true;
      } else if (!aside.has(sheetRow)) {
        grand += v;
        anyData = true;
        if (sheetRow > lastTotal) {
          segment += v;
          anySegment = true;
        }
      }
    }
    const key = String(c);
    if (anyData) rows.grand[key] = grand;
    if (anySegment) rows.segment[key] = segment;
    if (anyTotal) rows.subtotals[key] = subtotal;
  }
}
