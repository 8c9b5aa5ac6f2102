/** Sheet: the emulated SpreadsheetApp Sheet — its grid size, ranges by index or A1, rows inserted and deleted, frozen rows, visibility. */
import { CLOSED, openEnds, parseA1, type OpenEnds } from './a1';
import { chartsOf, insertChart, newChartBuilder, removeChart, updateChart } from './charts';
import { Service, asGas, countCalls } from './calls';
import { interpretInput, storeInto } from './cell-values';
import { normalizeColor } from './colors';
import type { EmulatorContext } from './context';
import type { CellCount } from './cost-model';
import { displayValue } from './number-format';
import { EmuDeveloperMetadataFinder, addMetadata, metadataObjects } from './metadata';
import { EmuRange } from './range';
import { EmuSpreadsheet, checkSheetName } from './spreadsheet';
import { CLEAR_ALL, DEFAULT_COLUMN_WIDTH, rangeRefOf, type CellValue, type SheetModel } from './workbook';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

const SHEET_METHODS = [
  'activate',
  'addDeveloperMetadata',
  'appendRow',
  'autoResizeColumn',
  'autoResizeColumns',
  'clear',
  'clearContents',
  'clearFormats',
  'clearNotes',
  'createDeveloperMetadataFinder',
  'deleteColumn',
  'deleteColumns',
  'deleteRow',
  'deleteRows',
  'getActiveRange',
  'getCharts',
  'getColumnWidth',
  'getDataRange',
  'getDeveloperMetadata',
  'getFormUrl',
  'getFrozenColumns',
  'getFrozenRows',
  'getIndex',
  'getLastColumn',
  'getLastRow',
  'getMaxColumns',
  'getMaxRows',
  'getName',
  'getParent',
  'getRange',
  'getSheetId',
  'getSheetName',
  'getSheetValues',
  'getTabColor',
  'hideSheet',
  'insertChart',
  'insertColumnAfter',
  'insertColumnsAfter',
  'insertRowAfter',
  'insertRowBefore',
  'insertRowsAfter',
  'insertRowsBefore',
  'isSheetHidden',
  'newChart',
  'removeChart',
  'setActiveRange',
  'setColumnWidth',
  'setColumnWidths',
  'setFrozenColumns',
  'setFrozenRows',
  'setName',
  'setTabColor',
  'showSheet',
  'updateChart',
] as const satisfies readonly (keyof GasSheet)[];

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function signature(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'number' ? 'number' : typeof a === 'string' ? 'String' : typeof a)).join(',');
}

/** Rough on-screen width of text in Sheets' default font: full-width characters are twice as wide. */
function textWidthPx(text: string): number {
  let width = 0;
  // Latin-1 (control characters included) and half-width katakana are narrow.
  // eslint-disable-next-line no-control-regex
  for (const ch of text) width += /[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 7 : 14;
  return width;
}

export class EmuSheet extends Service implements Pick<GasSheet, (typeof SHEET_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    /** The sheet's data; internal to the emulator. */
    readonly model: SheetModel,
  ) {
    super(ctx);
  }

  private get self(): GasSheet {
    return asGas(this);
  }

  /**
   * A range at 1-based coordinates, checked against the grid as Apps Script checks it. Internal:
   * used by getRange, Range.offset and the spreadsheet, none of which count as a second call.
   */
  rangeAt(row: number, column: number, numRows: number, numColumns: number, open: OpenEnds = CLOSED): GasRange {
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.model.maxRows || column + numColumns - 1 > this.model.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return asGas(new EmuRange(this.ctx, { sheet: this.model, row, column, numRows, numColumns }, open));
  }

  /** A range from A1 notation on this sheet ('A1', 'A1:C3', 'A:A', '2:2', 'A2:C'); "Range not found" otherwise. */
  rangeFromA1(a1: string): GasRange {
    const ref = parseA1(a1);
    if (!ref || (ref.sheetName !== undefined && ref.sheetName.toLowerCase() !== this.model.name.toLowerCase())) {
      throw new Error('Range not found');
    }
    const row = ref.startRow ?? 1;
    const column = ref.startColumn ?? 1;
    const endRow = ref.endRow ?? this.model.maxRows;
    const endColumn = ref.endColumn ?? this.model.maxColumns;
    if (endRow > this.model.maxRows || endColumn > this.model.maxColumns) throw new Error('Range not found');
    return this.rangeAt(row, column, endRow - row + 1, endColumn - column + 1, openEnds(ref));
  }

  private checkRows(start: number, howMany: number): void {
    if (
      !isInteger(start) ||
      !isInteger(howMany) ||
      start < 1 ||
      howMany < 1 ||
      start + howMany - 1 > this.model.maxRows
    ) {
      throw new Error('Those rows are out of bounds.');
    }
  }

  private checkColumns(start: number, howMany: number): void {
    if (
      !isInteger(start) ||
      !isInteger(howMany) ||
      start < 1 ||
      howMany < 1 ||
      start + howMany - 1 > this.model.maxColumns
    ) {
      throw new Error('Those columns are out of bounds.');
    }
  }

  // real-sheets-checklist RS-40: activate() makes the sheet the one staff look at
  activate(): GasSheet {
    this.ctx.workbook.activeSheet = this.model;
    this.ctx.workbook.activeRange = null;
    return this.self;
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GasSheet {
    const args = [key, valueOrVisibility, visibility].filter((a) => a !== undefined);
    addMetadata(this.ctx, this.model.metadata, args);
    return this.self;
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return asGas(new EmuDeveloperMetadataFinder(this.ctx, this.model));
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return metadataObjects(this.ctx, this.model.metadata);
  }

  /** Appends after the last row with content, growing the grid when the row (or its width) does not fit. */
  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents)) {
      throw new Error(
        `The parameters (${signature([rowContents])}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const row = this.model.lastRow() + 1;
    this.checkGrowth(row, rowContents.length);
    this.model.growTo(row, rowContents.length);
    const now = this.ctx.nowMs();
    rowContents.forEach((value, j) => {
      const existing = this.model.cell(row, j + 1);
      const written = interpretInput(value, existing?.numberFormat, now);
      if (!existing && written.value === undefined && written.formula === undefined) return;
      storeInto(this.model.ensure(row, j + 1), written);
    });
    return this.self;
  }

  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  /** Fits each column to its widest display value, roughly as Sheets' fit-to-data does. */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.checkColumns(startColumn, numColumns);
    const lastRow = this.model.lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c += 1) {
      let widest = 0;
      for (let r = 1; r <= lastRow; r += 1) {
        const cell = this.model.cell(r, c);
        if (cell) widest = Math.max(widest, textWidthPx(displayValue(cell.value, cell.numberFormat)));
      }
      this.model.columnWidths.set(c, Math.max(widest + 10, 21));
    }
    return this.self;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    if (options?.formatOnly || options?.contentsOnly) {
      this.model.clear({
        contents: Boolean(options.contentsOnly),
        formats: Boolean(options.formatOnly),
        notes: false,
        validations: false,
      });
    } else {
      this.model.clear(CLEAR_ALL);
    }
    return this.self;
  }

  clearContents(): GasSheet {
    this.model.clear({ contents: true, formats: false, notes: false, validations: false });
    return this.self;
  }

  clearFormats(): GasSheet {
    this.model.clear({ contents: false, formats: true, notes: false, validations: false });
    return this.self;
  }

  clearNotes(): GasSheet {
    this.model.clear({ contents: false, formats: false, notes: true, validations: false });
    return this.self;
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this.self;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkColumns(columnPosition, howMany);
    if (this.model.maxColumns - howMany <= this.model.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.model.deleteColumns(columnPosition, howMany);
  }

  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.checkRows(rowPosition, howMany);
    if (this.model.maxRows - howMany <= this.model.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.model.deleteRows(rowPosition, howMany);
  }

  getActiveRange(): GasRange | null {
    const active = this.ctx.workbook.activeRange;
    if (active && active.sheet === this.model) return asGas(new EmuRange(this.ctx, { ...active }));
    if (this.ctx.workbook.active() === this.model) return this.rangeAt(1, 1, 1, 1);
    return null;
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** From A1 to the last row and column with content (A1 alone for an empty sheet). */
  getDataRange(): GasRange {
    return this.rangeAt(1, 1, Math.max(1, this.model.lastRow()), Math.max(1, this.model.lastColumn()));
  }

  // real-sheets-checklist RS-46
  /** The URL of the form that sends its responses to this sheet (its edit URL), or null. */
  getFormUrl(): string | null {
    return this.ctx.formLinks.get(this.model) ?? null;
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  getIndex(): number {
    return this.ctx.workbook.sheets.indexOf(this.model) + 1;
  }

  getLastColumn(): number {
    return this.model.lastColumn();
  }

  getLastRow(): number {
    return this.model.lastRow();
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getName(): string {
    return this.model.name;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(new EmuSpreadsheet(this.ctx));
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    const args = [rowOrA1, column, numRows, numColumns].filter((a) => a !== undefined);
    if (typeof rowOrA1 === 'string' && args.length === 1) return this.rangeFromA1(rowOrA1);
    if (args.length < 2 || !args.every(isInteger)) {
      throw new Error(
        `The parameters (${signature(args)}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    return this.rangeAt(rowOrA1 as number, column as number, numRows ?? 1, numColumns ?? 1);
  }

  // A sheet's id never changes, renamed or moved. real-sheets-checklist RS-64
  getSheetId(): number {
    return this.model.id;
  }

  getSheetName(): string {
    return this.model.name;
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    // -1 reads to the last row or column with content.
    const rows = numRows === -1 ? this.model.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.model.lastColumn() - startColumn + 1 : numColumns;
    return (this.rangeAt(startRow, startColumn, rows, columns) as unknown as EmuRange).getValues();
  }

  getTabColor(): string | null {
    return this.model.tabColor;
  }

  // real-sheets-checklist RS-53: readable and writable while hidden, the active sheet moves off it, never the last visible one.
  hideSheet(): GasSheet {
    const visible = this.ctx.workbook.sheets.filter((s) => !s.hidden);
    if (!this.model.hidden && visible.length <= 1) throw new Error("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    if (this.ctx.workbook.activeSheet === this.model) {
      this.ctx.workbook.activeSheet = this.ctx.workbook.sheets.find((s) => !s.hidden) ?? null;
      this.ctx.workbook.activeRange = null;
    }
    return this.self;
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  /** Growing the grid to rows × columns must keep the spreadsheet within Sheets' cell limit. */
  private checkGrowth(rows: number, columns: number): void {
    const after = Math.max(rows, this.model.maxRows) * Math.max(columns, this.model.maxColumns);
    this.ctx.workbook.checkRoomFor(after - this.model.maxRows * this.model.maxColumns);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.checkColumns(afterPosition, 1);
    if (!isInteger(howMany) || howMany < 1) throw new Error('Invalid argument: howMany');
    this.ctx.workbook.checkRoomFor(howMany * this.model.maxRows);
    this.model.insertColumns(afterPosition, howMany);
    return this.self;
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.checkRows(afterPosition, 1);
    if (!isInteger(howMany) || howMany < 1) throw new Error('Invalid argument: howMany');
    this.ctx.workbook.checkRoomFor(howMany * this.model.maxColumns);
    this.model.insertRows(afterPosition, howMany);
    return this.self;
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.checkRows(beforePosition, 1);
    if (!isInteger(howMany) || howMany < 1) throw new Error('Invalid argument: howMany');
    this.ctx.workbook.checkRoomFor(howMany * this.model.maxColumns);
    this.model.insertRows(beforePosition - 1, howMany);
    return this.self;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  setActiveRange(range: GasRange): GasRange {
    const ref = rangeRefOf(range);
    if (ref.sheet !== this.model) throw new Error('The range must be on this sheet.');
    this.ctx.workbook.activeSheet = ref.sheet;
    this.ctx.workbook.activeRange = { ...ref };
    return range;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c += 1) {
      if (width === DEFAULT_COLUMN_WIDTH) this.model.columnWidths.delete(c);
      else this.model.columnWidths.set(c, width);
    }
    return this.self;
  }

  setFrozenColumns(columns: number): void {
    if (!isInteger(columns) || columns < 0 || columns >= this.model.maxColumns)
      throw new Error('Invalid argument: columns');
    this.model.frozenColumns = columns;
  }

  setFrozenRows(rows: number): void {
    if (!isInteger(rows) || rows < 0 || rows >= this.model.maxRows) throw new Error('Invalid argument: rows');
    this.model.frozenRows = rows;
  }

  setName(name: string): GasSheet {
    checkSheetName(this.ctx.workbook, String(name), this.model);
    this.model.name = String(name);
    return this.self;
  }

  setTabColor(color: string | null): GasSheet {
    this.model.tabColor = normalizeColor(color);
    return this.self;
  }

  showSheet(): GasSheet {
    this.model.hidden = false;
    return this.self;
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return newChartBuilder(this.ctx, this.model);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    insertChart(this.ctx.workbook, this.model, chart);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    updateChart(this.model, chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    removeChart(this.model, chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return chartsOf(this.ctx, this.model);
  }
}
/**
 * The cells a Sheet call reads and writes, for the cost model: appendRow writes its row, the
 * whole-sheet clears remove what the sheet holds, getSheetValues reads its rectangle. Inserting and
 * deleting rows or columns, resizing and the rest move no cell contents through the script
 * (real-sheets-checklist RS-55).
 */
function sheetCells(sheet: EmuSheet, method: string, args: readonly unknown[]): CellCount | undefined {
  const model = sheet.model;
  if (method === 'appendRow') return { read: 0, written: Array.isArray(args[0]) ? args[0].length : 0 };
  if (method.startsWith('clear')) return { read: 0, written: model.heldCells(1, 1, model.maxRows, model.maxColumns) };
  if (method === 'getSheetValues') {
    const [row, column, numRows, numColumns] = args as number[];
    const rows = numRows === -1 ? model.lastRow() - (row ?? 1) + 1 : (numRows ?? 0);
    const columns = numColumns === -1 ? model.lastColumn() - (column ?? 1) + 1 : (numColumns ?? 0);
    return { read: Math.max(0, rows) * Math.max(0, columns), written: 0 };
  }
  return undefined;
}

countCalls(EmuSheet, 'Sheet', SHEET_METHODS, sheetCells);
