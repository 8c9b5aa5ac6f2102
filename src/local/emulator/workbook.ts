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
import type { ChartModel } from './charts';

export type { CellValue };

/** A date cell: stored as an instant so that the process time zone never matters. */
export class DateValue {
  constructor(readonly ms: number) {}
}

/** An error cell (#REF!, #N/A, …): getValues gives its code as a string, as Apps Script does. */
export class CellError {
  constructor(readonly code: string) {}
}

/**
 * A picture inside a cell (SpreadsheetApp.newCellImage … build(), written with setValue(s)): its
 * source URL and alt texts. getValues gives a CellImage for it, getDisplayValues ''.
 */
// real-sheets-checklist RS-63
export class ImageValue {
  constructor(
    readonly url: string,
    readonly altTitle: string,
    readonly altDescription: string,
  ) {}
}

export type StoredValue = string | number | boolean | DateValue | CellError | ImageValue;

/** One piece of developer metadata (Sheet/Spreadsheet.addDeveloperMetadata): a key, an optional value, a visibility. */
export interface MetadataRecord {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
}

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

/** A merged block of cells, 1-based; its value lives in the top-left cell only, as in Sheets. */
export interface MergedArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Rows or columns inserted (count > 0) or deleted (count < 0) at a 1-based position: the .xlsx patch replays them. */
export interface GridShift {
  axis: 'rows' | 'columns';
  /** The first row or column that moved: inserted ones start here, deleted ones started here. */
  at: number;
  count: number;
}

function overlaps(a: MergedArea, row: number, column: number, numRows: number, numColumns: number): boolean {
  return (
    a.row < row + numRows &&
    row < a.row + a.numRows &&
    a.column < column + numColumns &&
    column < a.column + a.numColumns
  );
}

/** A merged area after rows or columns moved: shifted, stretched, shrunk, or null when it is gone. */
function shiftArea(area: MergedArea, shift: GridShift): MergedArea | null {
  const rows = shift.axis === 'rows';
  const start = rows ? area.row : area.column;
  const size = rows ? area.numRows : area.numColumns;
  let newStart = start;
  let newSize = size;
  if (shift.count > 0) {
    if (shift.at <= start) newStart = start + shift.count;
    else if (shift.at < start + size) newSize = size + shift.count;
  } else {
    const from = shift.at;
    const to = shift.at - shift.count; // exclusive
    const kept = Math.max(0, Math.min(start + size, from) - start) + Math.max(0, start + size - Math.max(start, to));
    newSize = kept;
    newStart = start < from ? start : Math.max(from, start + shift.count);
  }
  if (newSize <= 0) return null;
  const moved = rows
    ? { ...area, row: newStart, numRows: newSize }
    : { ...area, column: newStart, numColumns: newSize };
  return moved.numRows * moved.numColumns > 1 ? moved : null;
}

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
  /** Developer metadata attached to the sheet: it follows the sheet when renamed or moved and goes when it is deleted. */
  readonly metadata: MetadataRecord[] = [];
  /** Merged areas, in the order they were made. */
  merges: MergedArea[] = [];
  /** Embedded charts floating over the sheet (charts.ts): they go when the sheet is deleted. */
  charts: ChartModel[] = [];
  /** Rows and columns inserted or deleted since the .xlsx was loaded or last saved, in order. */
  readonly shifts: GridShift[] = [];
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

  /** A deep copy of the cells, merges and sheet settings (what the .xlsx patch compares against). */
  clone(): SheetModel {
    const copy = new SheetModel(this.name, this.id);
    copy.maxRows = this.maxRows;
    copy.maxColumns = this.maxColumns;
    copy.frozenRows = this.frozenRows;
    copy.frozenColumns = this.frozenColumns;
    copy.hidden = this.hidden;
    copy.tabColor = this.tabColor;
    for (const [c, w] of this.columnWidths) copy.columnWidths.set(c, w);
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.rows = this.rows.map((cells) => cells?.map((cell) => (cell ? { ...cell } : undefined)));
    return copy;
  }

  /** The merged area that covers (row, column), if any. */
  mergeAt(row: number, column: number): MergedArea | undefined {
    return this.merges.find((m) => overlaps(m, row, column, 1, 1));
  }

  /** True when (row, column) is inside a merged area but not its top-left cell: Sheets shows nothing there. */
  isCovered(row: number, column: number): boolean {
    const area = this.mergeAt(row, column);
    return area !== undefined && (area.row !== row || area.column !== column);
  }

  /** Merged areas that share at least one cell with the rectangle. */
  mergesIn(row: number, column: number, numRows: number, numColumns: number): MergedArea[] {
    return this.merges.filter((m) => overlaps(m, row, column, numRows, numColumns));
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

  /**
   * About the cells of the sheet's used range, cheaply (the rows it has times the first row's
   * width, without scanning): what the bench's whole-sheet peer reads for each read (docs/cost.md).
   */
  extentCells(): number {
    return this.rows.length * (this.rows[0]?.length ?? 0);
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

  /** Visits every touched cell in row order (faster than cells(); empty cells are visited too). */
  forEachCell(visit: (row: number, column: number, cell: Cell) => void): void {
    const rows = this.rows;
    for (let r = 0; r < rows.length; r += 1) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c += 1) {
        const cell = cells[c];
        if (cell) visit(r + 1, c + 1, cell);
      }
    }
  }

  /** Records a shift and moves the merged areas with it. */
  private shift(shift: GridShift): void {
    this.shifts.push(shift);
    this.merges = this.merges.map((m) => shiftArea(m, shift)).filter((m): m is MergedArea => m !== null);
  }

  /** Inserts blank rows after a row (0 = at the top); the grid grows. */
  insertRows(after: number, howMany: number): void {
    if (this.rows.length > after) this.rows.splice(after, 0, ...new Array<undefined>(howMany));
    this.maxRows += howMany;
    this.shift({ axis: 'rows', at: after + 1, count: howMany });
  }

  /** Deletes rows; the grid shrinks. */
  deleteRows(start: number, howMany: number): void {
    this.rows.splice(start - 1, howMany);
    this.maxRows -= howMany;
    this.shift({ axis: 'rows', at: start, count: -howMany });
  }

  insertColumns(after: number, howMany: number): void {
    for (const cells of this.rows) {
      if (cells && cells.length > after) cells.splice(after, 0, ...new Array<undefined>(howMany));
    }
    this.maxColumns += howMany;
    this.shift({ axis: 'columns', at: after + 1, count: howMany });
  }

  deleteColumns(start: number, howMany: number): void {
    for (const cells of this.rows) cells?.splice(start - 1, howMany);
    this.maxColumns -= howMany;
    this.shift({ axis: 'columns', at: start, count: -howMany });
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

/** Sheets refuses to grow a spreadsheet beyond this many cells (all sheets' rows × columns). */
// real-sheets-checklist RS-44
export const MAX_CELLS = 10_000_000;

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  /** Document properties (PropertiesService.getDocumentProperties): saved inside the .xlsx. */
  readonly documentProperties = new Map<string, string>();
  /** Developer metadata attached to the spreadsheet itself (not to one of its sheets): saved inside the .xlsx. */
  readonly metadata: MetadataRecord[] = [];
  activeSheet: SheetModel | null = null;
  activeRange: RangeRef | null = null;
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = 1;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** Cells of every sheet's grid, blank or not: what Sheets' limit counts. */
  cellCount(): number {
    let cells = 0;
    for (const sheet of this.sheets) cells += sheet.maxRows * sheet.maxColumns;
    return cells;
  }

  /** Throws as Sheets does when a change would add `extra` cells beyond MAX_CELLS; changes nothing. */
  checkRoomFor(extra: number): void {
    if (extra > 0 && this.cellCount() + extra > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

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

  /** A new developer-metadata id: positive and unique in the spreadsheet, as Sheets assigns them. */
  newMetadataId(): number {
    let id = this.nextMetadataId;
    while (this.metadataById(id)) id += 1;
    this.nextMetadataId = id + 1;
    return id;
  }

  /** A new chart id: positive, unique in the spreadsheet and never given twice in a session (a removed chart's id is not reused). */
  newChartId(): number {
    let id = this.nextChartId;
    while (this.sheets.some((s) => s.charts.some((c) => c.id >= id))) id += 1;
    this.nextChartId = id + 1;
    return id;
  }

  /** The metadata with this id and what holds it (a sheet, or null for the spreadsheet itself). */
  metadataById(id: number): { record: MetadataRecord; sheet: SheetModel | null } | undefined {
    const own = this.metadata.find((m) => m.id === id);
    if (own) return { record: own, sheet: null };
    for (const sheet of this.sheets) {
      const record = sheet.metadata.find((m) => m.id === id);
      if (record) return { record, sheet };
    }
    return undefined;
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
