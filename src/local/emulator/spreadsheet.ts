/** Spreadsheet: the emulated SpreadsheetApp Spreadsheet — its sheets, the active sheet and range, A1 lookups across sheets, toasts. */
import { openEnds, parseA1 } from './a1';
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { TOKYO } from './dates';
import { EmuDeveloperMetadataFinder, addMetadata, metadataObjects } from './metadata';
import { EmuRange } from './range';
import { EmuSheet } from './sheet';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, rangeRefOf, type SheetModel, type WorkbookModel } from './workbook';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Sheets' own name for new sheets in a ja_JP spreadsheet: シート1, シート2, … */
export const DEFAULT_SHEET_PREFIX = 'シート';

/** Throws as Sheets does for a name that is empty, too long, or taken (names compare without case). */
// real-sheets-checklist RS-15
export function checkSheetName(workbook: WorkbookModel, name: string, except?: SheetModel): void {
  if (name.trim() === '') throw new Error('Invalid argument: sheetName');
  if (name.length > 100) throw new Error('Invalid argument: sheetName (at most 100 characters)');
  const existing = workbook.sheetByName(name);
  if (existing && existing !== except) {
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

/** The model behind a Sheet passed in by a script. */
export function sheetModelOf(sheet: unknown): SheetModel {
  if (!(sheet instanceof EmuSheet)) throw new Error('Invalid argument: sheet');
  return sheet.model;
}

const SPREADSHEET_METHODS = [
  'addDeveloperMetadata',
  'createDeveloperMetadataFinder',
  'deleteSheet',
  'getActiveRange',
  'getActiveSheet',
  'getDeveloperMetadata',
  'getId',
  'getName',
  'getNumSheets',
  'getRange',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getSpreadsheetLocale',
  'getSpreadsheetTimeZone',
  'getUrl',
  'insertSheet',
  'moveActiveSheet',
  'rename',
  'setActiveRange',
  'setActiveSheet',
  'toast',
] as const satisfies readonly (keyof GasSpreadsheet)[];

export class EmuSpreadsheet extends Service implements Pick<GasSpreadsheet, (typeof SPREADSHEET_METHODS)[number]> {
  constructor(ctx: EmulatorContext) {
    super(ctx);
  }

  private get workbook(): WorkbookModel {
    return this.ctx.workbook;
  }

  private sheet(model: SheetModel): GasSheet {
    return asGas(new EmuSheet(this.ctx, model));
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GasSpreadsheet {
    const args = [key, valueOrVisibility, visibility].filter((a) => a !== undefined);
    addMetadata(this.ctx, this.workbook.metadata, args);
    return asGas(this);
  }

  /** Searches the spreadsheet's own metadata and that of every sheet. */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return asGas(new EmuDeveloperMetadataFinder(this.ctx, null));
  }

  /** The metadata attached to the spreadsheet itself (not its sheets'), as Apps Script documents. */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return metadataObjects(this.ctx, this.workbook.metadata);
  }

  deleteSheet(sheet: GasSheet): void {
    const model = sheetModelOf(sheet);
    if (this.workbook.sheets.length <= 1 || this.workbook.sheets.every((s) => s === model || s.hidden)) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    this.workbook.removeSheet(model);
  }

  /** The selected range; A1 of the active sheet when nothing was selected (a freshly opened sheet). */
  getActiveRange(): GasRange | null {
    const active = this.workbook.activeRange;
    if (active) return asGas(new EmuRange(this.ctx, { ...active }));
    return new EmuSheet(this.ctx, this.workbook.active()).rangeAt(1, 1, 1, 1);
  }

  getActiveSheet(): GasSheet {
    return this.sheet(this.workbook.active());
  }

  getId(): string {
    return this.workbook.id;
  }

  getName(): string {
    return this.workbook.name;
  }

  getNumSheets(): number {
    return this.workbook.sheets.length;
  }

  /** 'Sheet!A1:B2' on that sheet, or plain 'A1:B2' on the active sheet. */
  getRange(a1Notation: string): GasRange {
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new Error('Range not found');
    const model = ref.sheetName === undefined ? this.workbook.active() : this.workbook.sheetByName(ref.sheetName);
    if (!model) throw new Error('Range not found');
    const row = ref.startRow ?? 1;
    const column = ref.startColumn ?? 1;
    const endRow = ref.endRow ?? model.maxRows;
    const endColumn = ref.endColumn ?? model.maxColumns;
    if (endRow > model.maxRows || endColumn > model.maxColumns) throw new Error('Range not found');
    return new EmuSheet(this.ctx, model).rangeAt(row, column, endRow - row + 1, endColumn - column + 1, openEnds(ref));
  }

  getSheetById(id: number): GasSheet | null {
    const model = this.workbook.sheets.find((s) => s.id === id);
    return model ? this.sheet(model) : null;
  }

  getSheetByName(name: string): GasSheet | null {
    const model = this.workbook.sheetByName(String(name));
    return model ? this.sheet(model) : null;
  }

  // Tab order; a sheet inserted at index n (the number of sheets) is the last tab, and a Sheet
  // object stays the same sheet while others are inserted, renamed and deleted. real-sheets-checklist RS-64
  getSheets(): GasSheet[] {
    return this.workbook.sheets.map((model) => this.sheet(model));
  }

  // real-sheets-checklist RS-26
  getSpreadsheetLocale(): string {
    return 'ja_JP';
  }

  getSpreadsheetTimeZone(): string {
    return TOKYO;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }

  /**
   * insertSheet(), (index), (name), (name, index): the new sheet goes after the active sheet unless
   * an index is given, and becomes the active sheet, as in Sheets. Template options are not supported.
   */
  // real-sheets-checklist RS-15
  insertSheet(nameOrIndex?: string | number | object, indexOrOptions?: number | object): GasSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else if (typeof nameOrIndex === 'number') index = nameOrIndex;
    if (typeof indexOrOptions === 'number') index = indexOrOptions;
    const isOptions = (x: unknown) => x !== null && typeof x === 'object';
    if (isOptions(nameOrIndex) || isOptions(indexOrOptions)) {
      throw new Error('insertSheet with a template is not supported by the Tsunagu emulator');
    }
    if (name === undefined) {
      let n = this.workbook.sheets.length + 1;
      while (this.workbook.sheetByName(`${DEFAULT_SHEET_PREFIX}${n}`)) n += 1;
      name = `${DEFAULT_SHEET_PREFIX}${n}`;
    }
    checkSheetName(this.workbook, name);
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > this.workbook.sheets.length)) {
      throw new Error('Invalid argument: sheetIndex');
    }
    const at = index ?? this.workbook.sheets.indexOf(this.workbook.active()) + 1;
    this.workbook.checkRoomFor(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const model = this.workbook.addSheet(name, at);
    // real-sheets-checklist RS-40: the new sheet becomes the active one
    this.workbook.activeSheet = model;
    this.workbook.activeRange = null;
    return this.sheet(model);
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    const sheets = this.workbook.sheets;
    const model = this.workbook.active();
    if (!Number.isInteger(pos) || pos < 1 || pos > sheets.length) throw new Error('Invalid argument: pos');
    sheets.splice(sheets.indexOf(model), 1);
    sheets.splice(pos - 1, 0, model);
  }

  rename(newName: string): void {
    this.workbook.name = String(newName);
  }

  setActiveRange(range: GasRange): GasRange {
    const ref = rangeRefOf(range);
    this.workbook.activeSheet = ref.sheet;
    this.workbook.activeRange = { ...ref };
    return range;
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    const model = sheetModelOf(sheet);
    this.workbook.activeSheet = model;
    this.workbook.activeRange = null;
    return sheet;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.ui.recordToast(String(msg), title === undefined ? '' : String(title), timeoutSeconds ?? 5);
  }
}
countCalls(EmuSpreadsheet, 'Spreadsheet', SPREADSHEET_METHODS);
