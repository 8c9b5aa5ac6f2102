/**
 * Scratch sheets: made for the length of one action to build an output sheet's new content out of
 * sight, or to keep a copy of what a write replaces so it can be put back (docs/safety.md).
 */
import { SCRATCH_PREFIX } from '../core/output-sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows and columns a sheet was grown by, so they can be taken off again. */
export interface Growth {
  rows: number;
  columns: number;
  /** The grid before growing. */
  maxRows: number;
  maxColumns: number;
}

/** Grows a sheet's grid to at least rows × columns (a paste cannot run off the grid). */
export function growTo(sheet: Sheet, rows: number, columns: number): Growth {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const growth: Growth = { rows: 0, columns: 0, maxRows, maxColumns };
  if (maxRows < rows) {
    sheet.insertRowsAfter(maxRows, rows - maxRows);
    growth.rows = rows - maxRows;
  }
  if (maxColumns < columns) {
    sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
    growth.columns = columns - maxColumns;
  }
  return growth;
}

/** Takes off the rows and columns growTo added. */
export function shrinkBack(sheet: Sheet, growth: Growth): void {
  if (growth.rows > 0) sheet.deleteRows(growth.maxRows + 1, growth.rows);
  if (growth.columns > 0) sheet.deleteColumns(growth.maxColumns + 1, growth.columns);
}

/**
 * A new sheet at the end, at least rows × columns, under a name no sheet has (つなぐ作業中,
 * つなぐ作業中 2 …). `names` are the spreadsheet's sheets in tab order, as the caller listed them
 * (listing them again would cost a call per sheet).
 */
export function insertScratch(
  book: Spreadsheet,
  rows: number,
  columns: number,
  names: readonly string[],
): { sheet: Sheet; name: string } {
  const taken = new Set(names.map((s) => s.toLowerCase()));
  let name = SCRATCH_PREFIX;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SCRATCH_PREFIX} ${n}`;
  const sheet = book.insertSheet(name, names.length);
  growTo(sheet, rows, columns);
  return { sheet, name };
}

/**
 * Deletes a sheet Tsunagu made, trying once more when the first attempt fails (a timeout is
 * usually passing). A second failure is thrown.
 */
export function removeSheet(book: Spreadsheet, sheet: Sheet): void {
  try {
    book.deleteSheet(sheet);
  } catch {
    book.deleteSheet(sheet);
  }
}

/** Copies rows × columns from the top-left of one sheet to the top-left of another, in one paste. */
export function copyGrid(from: Sheet, to: Sheet, rows: number, columns: number): void {
  from.getRange(1, 1, rows, columns).copyTo(to.getRange(1, 1));
}
