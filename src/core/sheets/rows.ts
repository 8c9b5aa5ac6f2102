/** Defines parseRows: a sheet's rows below the header as records keyed by column key, in sheet order. */
import { headerText } from './detect';
import type { ColumnMapping } from './mapping';
import { classifyRows, type SetAsideRow, type SheetRows } from './row-kinds';
import { SHEET_SPECS } from './specs';
import type { SheetKind, SheetSpec } from './types';

/** One data row. Values are raw cell values as read from the sheet; typed accessors read them. */
export interface SheetRecord {
  /** 1-based sheet row. */
  readonly row: number;
  /** Mapped columns by key; '' for an empty or missing cell. */
  readonly fields: Record<string, unknown>;
  /** Display text of the mapped columns, when display values were given. */
  readonly display?: Record<string, string>;
  /** Unmapped columns by extra-column name (see ParsedRows.extraHeaders). */
  readonly extra: Record<string, unknown>;
}

export interface ParsedRows {
  readonly records: SheetRecord[];
  /** Rows with nothing in any cell: skipped, but counted. */
  readonly blankRows: number;
  /** Totals, notes and markers below the header (classifyRows): not records. */
  readonly setAside: readonly SetAsideRow[];
  /**
   * Names of the unmapped columns, left to right: the header as written; '列F' for a column
   * without a header; '備考 (列H)' for the second of two columns with the same header.
   */
  readonly extraHeaders: readonly string[];
}

export interface ParseRowsOptions {
  /** Sheet row number of values[0]; 1 when values come from getDataRange() starting at A1. */
  readonly firstRow?: number;
  /** The rows as already classified (with formulas read); otherwise classifyRows runs on the values. */
  readonly rows?: SheetRows;
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Turns the data rows below the mapping's header row into records: totals, notes and markers
 * (classifyRows) are not records. Nothing is reordered; rows with no value in any cell are
 * skipped and counted. `values` (and `display`, the matching
 * getDisplayValues) start at sheet row options.firstRow (default 1) and column A.
 * Built for 50,000 × 25 cells: keys and indices are resolved once, the loop only copies.
 */
export function parseRows(
  specOrKind: SheetSpec | SheetKind,
  mapping: ColumnMapping,
  values: readonly (readonly unknown[])[],
  display?: readonly (readonly string[])[],
  options: ParseRowsOptions = {},
): ParsedRows {
  const spec = typeof specOrKind === 'string' ? SHEET_SPECS[specOrKind] : specOrKind;
  if (spec.kind !== mapping.kind) throw new Error(`parseRows: mapping is for ${mapping.kind}, not ${spec.kind}`);
  const firstRow = options.firstRow ?? 1;
  const headerIndex = mapping.headerRow - firstRow;

  const keys = Object.keys(mapping.columns);
  const indices = keys.map((k) => mapping.columns[k] as number);
  const mapped = new Set(indices);

  let width = 0;
  for (let r = Math.max(0, headerIndex); r < values.length; r++) {
    const len = (values[r] as readonly unknown[]).length;
    if (len > width) width = len;
  }
  const headerRow = headerIndex >= 0 && headerIndex < values.length ? (values[headerIndex] as readonly unknown[]) : [];
  const extraIndices: number[] = [];
  const extraHeaders: string[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < width; c++) {
    if (mapped.has(c)) continue;
    const h = headerText(headerRow[c]);
    let name = h === '' ? `列${columnLetter(c)}` : h;
    if (seen.has(name)) name = `${h} (列${columnLetter(c)})`;
    seen.add(name);
    extraIndices.push(c);
    extraHeaders.push(name);
  }

  const classified = options.rows ?? classifyRows(mapping, values, { firstRow });
  const records: SheetRecord[] = [];
  const keyCount = keys.length;
  const extraCount = extraIndices.length;
  for (const r of classified.data) {
    const row = values[r] as readonly unknown[];
    const fields: Record<string, unknown> = {};
    for (let k = 0; k < keyCount; k++) {
      const v = row[indices[k] as number];
      fields[keys[k] as string] = v === undefined || v === null ? '' : v;
    }
    const extra: Record<string, unknown> = {};
    for (let k = 0; k < extraCount; k++) {
      const v = row[extraIndices[k] as number];
      extra[extraHeaders[k] as string] = v === undefined || v === null ? '' : v;
    }
    if (display) {
      const drow = display[r];
      const disp: Record<string, string> = {};
      for (let k = 0; k < keyCount; k++) {
        const d = drow ? drow[indices[k] as number] : undefined;
        disp[keys[k] as string] = d === undefined || d === null ? '' : String(d);
      }
      records.push({ row: firstRow + r, fields, display: disp, extra });
    } else {
      records.push({ row: firstRow + r, fields, extra });
    }
  }
  return { records, blankRows: classified.blank, setAside: classified.setAside, extraHeaders };
}
