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
import { identityColumns, isBlankCell, unidentifiedRows, type SheetRows } from '../sheets/row-kinds';
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
