/** Defines sheetRows: a sheet's data rows and set-aside rows as every action reads them, with the formulas of rows only they can decide. */
import type { CellValue, Workbook } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import { classifyRows, formulasByRow, undecidedSpan, type SheetRows } from '../sheets/row-kinds';

/**
 * Which rows of a sheet are data: classified from the values, and when some rows hold only
 * numbers that sum nothing above them, from their formulas too — one read of the rectangle from
 * the first to the last such row (usually just the bottom row).
 */
export function sheetRows(workbook: Workbook, name: string, mapping: ColumnMapping, values: CellValue[][]): SheetRows {
  const rows = classifyRows(mapping, values);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const span = undecidedSpan(rows, width);
  if (!span) return rows;
  const formulas = workbook.readBlock(name, { ...span, column: 1 }, ['formulas']).formulas ?? [];
  return classifyRows(mapping, values, { formulas: formulasByRow(span, formulas) });
}
