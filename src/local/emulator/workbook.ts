/** The spreadsheet's data model behind the service facades: WorkbookModel, SheetModel and their cells. */
import type { ValidationRule } from './validation';

/** A rectangle of one sheet, 1-based; what a Range facade points at. */
export interface RangeRef {
  sheet: SheetModel;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Key under which an emulated Range exposes its RangeRef to the other emulated services. */
export const RANGE_REF: unique symbol = Symbol('tsunagu.emulator.rangeRef');

/** The cells behind a Range a script passed in; throws for anything that is not an emulated Range. */
export function rangeRefOf(range: unknown): RangeRef {
  const ref = (range as { [RANGE_REF]?: () => RangeRef } | null)?.[RANGE_REF]?.();
  if (!ref) throw new Error('Invalid argument: range');
  return ref;
}

import type { CellValue } from '../../core/ports';

export type { CellValue };

/** A date cell: stored as an instant so that the process time zone never matters. */
export class DateValue {
  constructor(readonly ms: number) {}
}

/** An error cell (#REF!, #N/A, …): getValues gives its code as a string, as Apps Script does. */
export class CellError {
  constructor(readonly code: string) {}
}

export type StoredValue = string | number | boolean | DateValue | CellError;

/** One cell. Absent fields are Sheets' defaults: blank, no note, white, automatic format, no rule. */
export interface Cell {
  value?: StoredValue;
  /** The formula as typed, with its leading '='. */
  formula?: string;
  note?: string;
  /** '#rrggbb', lower case. */
  background?: string;
  numberFormat?: string;
  validation?: ValidationRule;
  fontWeight?: 'bold' | 'normal';
  fontColor?: string;
}

export interface ClearOptions {
  contents: boolean;
  formats: boolean;
  notes: boolean;
  validations: boolean;
}

export const CLEAR_ALL: ClearOptions = { contents: true, formats: true, notes: true, validations: true };

/** A new sheet in Google Sheets is 1000 rows by 26 columns. */
// real-sheets-checklist RS-15
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== undefined || cell.formula !== undefined);
}

function isEmptyCell(cell: Cell): boolean {
  return Object.values(cell).every((v) => v === undefined);
}

export class SheetModel {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  /** Column widths in pixels, for the columns that are not the default 100. */
  readonly columnWidths = new Map<number, number>();
  /** rows[r - 1][c - 1]: sparse, so an empty 1000 × 26 sheet costs nothing. */
  private rows: Array<Array<Cell | undefined> | undefined> = [];

  constructor(
    public name: string,
    readonly id: number,
  ) {}

  /** The cell at 1-based (row, column), or undefined when it has never been touched. */
  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell at 1-based (row, column), created when missing so that it can be written. */
  ensure(row: number, column: number): Cell {
    let cells = this.rows[row - 1];
    if (!cells) {
      cells = [];
      this.rows[row - 1] = cells;
    }
    let cell = cells[column - 1];
    if (!cell) {
      cell = {};
      cells[column - 1] = cell;
    }
    return cell;
  }

  /** The last row holding a value or formula (0 for an empty sheet), as Sheet.getLastRow. */
  // real-sheets-checklist RS-16: formats, notes and rules alone do not make a row used.
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r -= 1) {
      const cells = this.rows[r - 1];
      if (cells && cells.some(hasContent)) return r;
    }
    return 0;
  }

  /** The last column holding a value or formula (0 for an empty sheet), as Sheet.getLastColumn. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c -= 1) {
        if (hasContent(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /**
   * How many cells of a rectangle hold anything (a value, a note, a format …): what clearing it has
   * to remove. Visits only the rows that exist, so a clear below the data costs nothing to count.
   */
  heldCells(row: number, column: number, numRows: number, numColumns: number): number {
    let held = 0;
    const lastRow = Math.min(row + numRows - 1, this.rows.length);
    for (let r = row; r <= lastRow; r += 1) {
      const cells = this.rows[r - 1];
      if (!cells) continue;
      const lastColumn = Math.min(column + numColumns - 1, cells.length);
      for (let c = column; c <= lastColumn; c += 1) {
        const cell = cells[c - 1];
        if (cell && !isEmptyCell(cell)) held += 1;
      }
    }
    return held;
  }

  /** Every touched cell with its 1-based position (for saving). */
  *cells(): Generator<[number, number, Cell]> {
    for (let r = 0; r < this.rows.length; r += 1) {
      const cells = this.rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c += 1) {
        const cell = cells[c];
        if (cell && !isEmptyCell(cell)) yield [r + 1, c + 1, cell];
      }
    }
  }

  /** Inserts blank rows after a row (0 = at the top); the grid grows. */
  insertRows(after: number, howMany: number): void {
    if (this.rows.length > after) this.rows.splice(after, 0, ...new Array<undefined>(howMany));
    this.maxRows += howMany;
  }

  /** Deletes rows; the grid shrinks. */
  deleteRows(start: number, howMany: number): void {
    this.rows.splice(start - 1, howMany);
    this.maxRows -= howMany;
  }

  insertColumns(after: number, howMany: number): void {
    for (const cells of this.rows) {
      if (cells && cells.length > after) cells.splice(after, 0, ...new Array<undefined>(howMany));
    }
    this.maxColumns += howMany;
  }

  deleteColumns(start: number, howMany: number): void {
    for (const cells of this.rows) cells?.splice(start - 1, howMany);
    this.maxColumns -= howMany;
  }

  clearCell(row: number, column: number, what: ClearOptions): void {
    const cell = this.cell(row, column);
    if (!cell) return;
    if (what.contents) {
      delete cell.value;
      delete cell.formula;
    }
    if (what.formats) {
      delete cell.background;
      delete cell.numberFormat;
      delete cell.fontWeight;
      delete cell.fontColor;
    }
    if (what.notes) delete cell.note;
    if (what.validations) delete cell.validation;
  }

  clear(what: ClearOptions): void {
    if (what.contents && what.formats && what.notes && what.validations) {
      this.rows = [];
      return;
    }
    for (let r = 1; r <= this.rows.length; r += 1) {
      const cells = this.rows[r - 1];
      if (!cells) continue;
      for (let c = 1; c <= cells.length; c += 1) this.clearCell(r, c, what);
    }
  }

  /** Grows the grid so that (row, column) is inside it (appendRow and the loader do this). */
  growTo(row: number, column: number): void {
    if (row > this.maxRows) this.maxRows = row;
    if (column > this.maxColumns) this.maxColumns = column;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  /** Document properties (PropertiesService.getDocumentProperties): saved inside the .xlsx. */
  readonly documentProperties = new Map<string, string>();
  activeSheet: SheetModel | null = null;
  activeRange: RangeRef | null = null;
  private nextSheetId = 0;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** Sheets matches sheet names without regard to case. */
  // real-sheets-checklist RS-15
  sheetByName(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  /** Adds a sheet at a 0-based position (the end by default); the first sheet gets id 0, as in Sheets. */
  addSheet(name: string, index: number = this.sheets.length): SheetModel {
    const sheet = new SheetModel(name, this.nextSheetId);
    this.nextSheetId += this.nextSheetId === 0 ? 1_000_001 : 1;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, index - 1)] ?? null;
    if (this.activeRange?.sheet === sheet) this.activeRange = null;
  }

  /** The active sheet; the first sheet when none was activated. */
  active(): SheetModel {
    const sheet = this.activeSheet ?? this.sheets[0];
    if (!sheet) throw new Error('emulator bug: a spreadsheet without sheets');
    return sheet;
  }
}
