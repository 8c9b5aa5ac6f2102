/** GasWorkbook: the Workbook port on SpreadsheetApp, reading and writing whole ranges only. */
import type {
  BlockPart,
  BlockWrite,
  CellBlock,
  CellValue,
  NewSheetSpec,
  OutputSheet,
  Rect,
  RowSpan,
  SheetData,
  SheetHead,
  Workbook,
} from '../core/ports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** What read gives for a row it was not asked for. */
const UNREAD_ROW: CellValue[] = [];

/** The row spans to read, clipped to the sheet and merged where they touch; the whole sheet by default. */
function rowSpans(rows: readonly RowSpan[] | undefined, lastRow: number): RowSpan[] {
  if (!rows) return [{ first: 1, count: lastRow }];
  const clipped = rows
    .map((r) => ({
      first: Math.max(1, Math.floor(r.first)),
      last: Math.min(lastRow, Math.floor(r.first + r.count - 1)),
    }))
    .filter((r) => r.last >= r.first)
    .sort((a, b) => a.first - b.first);
  const merged: Array<{ first: number; last: number }> = [];
  for (const r of clipped) {
    const prev = merged[merged.length - 1];
    if (prev && r.first <= prev.last + 1) prev.last = Math.max(prev.last, r.last);
    else merged.push({ ...r });
  }
  return merged.map((r) => ({ first: r.first, count: r.last - r.first + 1 }));
}

/**
 * The columns (0-based) as runs of adjacent columns, one read each. Unwanted columns between them
 * are not read: their cells grow with the rows, while the calls stay as many as the runs.
 */
export function columnSpans(columns: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const spans: Array<{ first: number; count: number }> = [];
  for (const c of sorted) {
    const last = spans[spans.length - 1];
    if (last && c === last.first + last.count) last.count += 1;
    else spans.push({ first: c, count: 1 });
  }
  return spans;
}

export class GasWorkbook implements Workbook {
  constructor(
    private readonly app: SpreadsheetApp,
    private readonly book: Spreadsheet,
  ) {}

  sheetNames(): string[] {
    return this.book.getSheets().map((sheet) => sheet.getName());
  }

  heads(rows: number, withoutRows: readonly string[] = []): SheetHead[] {
    return this.book.getSheets().map((sheet) => {
      const name = sheet.getName();
      const lastRow = sheet.getLastRow();
      const lastColumn = sheet.getLastColumn();
      const n = withoutRows.indexOf(name) >= 0 ? 0 : Math.min(rows, lastRow);
      const display = n > 0 && lastColumn > 0 ? sheet.getRange(1, 1, n, lastColumn).getDisplayValues() : [];
      return {
        name,
        id: sheet.getSheetId(),
        hidden: sheet.isSheetHidden(),
        lastRow,
        lastColumn,
        display,
      };
    });
  }

  read(name: string, columns?: readonly number[], rows?: readonly RowSpan[]): SheetData | null {
    const sheet = this.book.getSheetByName(name);
    if (!sheet) return null;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow === 0 || lastColumn === 0) return { name, values: [], display: [] };
    const wanted = columns ? columns.filter((c) => Number.isInteger(c) && c >= 0 && c < lastColumn) : null;
    const spans = columnSpans(wanted ?? Array.from({ length: lastColumn }, (_, c) => c));
    const values: CellValue[][] = new Array<CellValue[]>(lastRow).fill(UNREAD_ROW);
    const display: string[][] = new Array<string[]>(lastRow).fill(UNREAD_ROW as string[]);
    for (const part of rowSpans(rows, lastRow)) {
      for (let r = part.first; r < part.first + part.count; r++) {
        values[r - 1] = new Array<CellValue>(lastColumn).fill('');
      }
      for (const span of spans) {
        const got = sheet.getRange(part.first, span.first + 1, part.count, span.count).getValues() as CellValue[][];
        for (let i = 0; i < part.count; i++) {
          const from = got[i] as CellValue[];
          const to = values[part.first - 1 + i] as CellValue[];
          for (let j = 0; j < span.count; j++) to[span.first + j] = from[j] as CellValue;
        }
      }
      // A text cell shows its text; only numbers, dates and yes/no cells need what Sheets displays.
      // real-sheets-checklist RS-32
      const shown = new Map<number, { first: number; last: number }>();
      for (let r = part.first; r < part.first + part.count; r++) {
        const row = values[r - 1] as CellValue[];
        display[r - 1] = row.map((v) => (typeof v === 'string' ? v : ''));
        for (let c = 0; c < lastColumn; c++) {
          if (typeof row[c] === 'string') continue;
          const at = shown.get(c);
          if (at) at.last = r;
          else shown.set(c, { first: r, last: r });
        }
      }
      for (const span of columnSpans([...shown.keys()])) {
        let first = Infinity;
        let last = 0;
        for (let c = span.first; c < span.first + span.count; c++) {
          const at = shown.get(c);
          if (at) {
            first = Math.min(first, at.first);
            last = Math.max(last, at.last);
          }
        }
        const got = sheet.getRange(first, span.first + 1, last - first + 1, span.count).getDisplayValues();
        for (let i = 0; i <= last - first; i++) {
          const from = got[i] as string[];
          const to = display[first - 1 + i] as string[];
          for (let j = 0; j < span.count; j++) to[span.first + j] = from[j] as string;
        }
      }
    }
    return { name, values, display };
  }

  createSheet(spec: NewSheetSpec): boolean {
    const existing = this.book.getSheetByName(spec.name);
    if (existing && existing.getLastRow() > 0) throw new Error(`sheet ${spec.name} already has data`);
    const sheet = existing ?? this.book.insertSheet(spec.name, this.book.getSheets().length);
    try {
      // setValues needs a rectangle: short rows are padded with blanks.
      const width = Math.max(spec.header.length, ...spec.rows.map((row) => row.length));
      const bodyRows = Math.max(sheet.getMaxRows() - spec.frozenRows, 1);
      // Formats and rules first, so that ids and phone numbers written below stay text.
      for (const column of spec.textColumns) {
        sheet.getRange(spec.frozenRows + 1, column + 1, bodyRows, 1).setNumberFormat('@');
      }
      for (const dropdown of spec.dropdowns) {
        const rule = this.app
          .newDataValidation()
          .requireValueInList(dropdown.values, true)
          .setAllowInvalid(dropdown.allowInvalid)
          .build();
        sheet.getRange(spec.frozenRows + 1, dropdown.column + 1, bodyRows, 1).setDataValidation(rule);
      }
      for (const column of spec.checkboxColumns) {
        const rule = this.app.newDataValidation().requireCheckbox().build();
        sheet.getRange(spec.frozenRows + 1, column + 1, bodyRows, 1).setDataValidation(rule);
      }
      const grid = [spec.header as CellValue[], ...spec.rows].map((row) =>
        row.length === width ? row : [...row, ...new Array<CellValue>(width - row.length).fill('')],
      );
      sheet.getRange(1, 1, grid.length, width).setValues(grid);
      sheet.getRange(1, 1, 1, spec.header.length).setFontWeight('bold');
      if (spec.frozenRows > 0) sheet.setFrozenRows(spec.frozenRows);
      if (spec.hidden) sheet.hideSheet();
    } catch (error) {
      // A half-made sheet is removed again, so a failed action leaves nothing behind.
      if (!existing) this.book.deleteSheet(sheet);
      throw error;
    }
    return !existing;
  }

  deleteSheet(name: string): void {
    const sheet = this.book.getSheetByName(name);
    if (sheet) this.book.deleteSheet(sheet);
  }

  private sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.book.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  readRows(name: string, row: number, rows: number): CellValue[][] {
    const sheet = this.sheet(name);
    const width = Math.max(sheet.getLastColumn(), 1);
    return sheet.getRange(row, 1, rows, width).getValues() as CellValue[][];
  }

  readBlock(name: string, rect: Rect, parts: readonly BlockPart[]): CellBlock {
    const range = this.sheet(name).getRange(rect.row, rect.column, rect.rows, rect.columns);
    const block: CellBlock = {};
    for (const part of parts) {
      if (part === 'values') block.values = range.getValues() as CellValue[][];
      else if (part === 'formulas') block.formulas = range.getFormulas();
      else if (part === 'numberFormats') block.numberFormats = range.getNumberFormats();
      else if (part === 'notes') block.notes = range.getNotes();
      else block.backgrounds = range.getBackgrounds();
    }
    return block;
  }

  writeBlock(name: string, rect: Rect, data: BlockWrite): void {
    const range = this.sheet(name).getRange(rect.row, rect.column, rect.rows, rect.columns);
    if (data.numberFormats) range.setNumberFormats(data.numberFormats);
    if (data.values) range.setValues(data.values);
    if (data.notes) range.setNotes(data.notes);
    if (data.backgrounds) range.setBackgrounds(data.backgrounds as string[][]);
  }

  writeOutputSheet(output: OutputSheet): void {
    const existing = this.book.getSheetByName(output.name);
    const sheet = existing ?? this.book.insertSheet(output.name, this.book.getSheets().length);
    const width = output.header.length;
    const body = Math.max(output.rows.length, 1);
    const needed = body + 1;
    // One spare row and column beyond the new content, so the clearing below always has a range
    // to work on and the calls made do not depend on the data.
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    if (maxRows < needed + 1) sheet.insertRowsAfter(maxRows, needed + 1 - maxRows);
    if (maxColumns < width + 1) sheet.insertColumnsAfter(maxColumns, width + 1 - maxColumns);
    const rowsNow = Math.max(maxRows, needed + 1);
    const columnsNow = Math.max(maxColumns, width + 1);
    const area = sheet.getRange(1, 1, needed, width);
    area.clearDataValidations();
    for (const column of output.textColumns) sheet.getRange(2, column + 1, body, 1).setNumberFormat('@');
    for (const column of output.checkboxColumns) sheet.getRange(2, column + 1, body, 1).insertCheckboxes();
    for (const dropdown of output.dropdowns ?? []) {
      const rule = this.app
        .newDataValidation()
        .requireValueInList(dropdown.values, true)
        .setAllowInvalid(dropdown.allowInvalid)
        .build();
      sheet.getRange(2, dropdown.column + 1, body, 1).setDataValidation(rule);
    }
    // The new content goes over the old in one write: if it fails, the old content is still there.
    const rows = output.rows.length > 0 ? output.rows : [new Array<CellValue>(width).fill('')];
    area.setValues([output.header as CellValue[], ...rows]);
    // Then what is left of the old content (below and to the right) goes, with notes and fills.
    sheet.getRange(needed + 1, 1, rowsNow - needed, columnsNow).clear();
    sheet.getRange(1, width + 1, needed, columnsNow - width).clear();
    area.clearNote();
    area.setBackground(null);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    if (output.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  }

  selectCell(name: string, row: number, column: number): void {
    const sheet = this.sheet(name);
    sheet.activate();
    sheet.getRange(row, column).activate();
  }
}
