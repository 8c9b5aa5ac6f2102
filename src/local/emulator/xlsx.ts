/**
 * The .xlsx file behind the emulated spreadsheet: loading a workbook into WorkbookModel, and saving
 * by patching the loaded file with exactly what changed (exceljs) — everything else in the file
 * (merges, fonts, borders, alignment, formats, links, rich text, conditional formats, names,
 * protection, row heights, hidden rows and columns …) stays as it was.
 */
import { chartFromRecord, chartRecord, type ChartRecord } from './charts';
import ExcelJS from 'exceljs';
import './exceljs-speed';
import { columnLetters, parseA1 } from './a1';
import { msToWall, wallToMs } from './dates';
import { AUTOMATIC_FORMAT, defaultDateFormat, isAutomatic, isDateFormat } from './number-format';
import type { ValidationRule } from './validation';
import { argb, resolveColor, themePalette } from './xlsx-colors';
import { fromXlsxValidation, ruleKey, toXlsxValidation } from './xlsx-validation';
import {
  CellError,
  DateValue,
  ImageValue,
  DEFAULT_COLUMN_WIDTH,
  SheetModel,
  WorkbookModel,
  type Cell,
  type GridShift,
  type MergedArea,
  type StoredValue,
} from './workbook';

/**
 * Document properties travel inside the file, in a very hidden sheet that the loader takes out of
 * the spreadsheet again (Sheets and Excel do not show very hidden sheets either). Column A holds
 * the keys, column B the values, all as text.
 */
export const PROPERTIES_SHEET = '_tsunagu_properties';
/**
 * Developer metadata travels the same way (an .xlsx file has no place for it): one row per record,
 * sheet name ('' for the spreadsheet itself), id, key, value as JSON (so null stays null), visibility.
 */
// real-sheets-checklist RS-39: an .xlsx has no place for developer metadata
export const METADATA_SHEET = '_tsunagu_metadata';
/**
 * Embedded charts too (ExcelJS writes no charts): one row per chart — the sheet it is on, its id,
 * and what it is as JSON (type, ranges by sheet name, options, position). Excel and Sheets do not
 * show them from the file; the emulator brings them back.
 */
// real-sheets-checklist RS-61
export const CHARTS_SHEET = '_tsunagu_charts';
const HIDDEN_SHEETS = [PROPERTIES_SHEET, METADATA_SHEET, CHARTS_SHEET];

/** Excel's column width unit is about 7 pixels of its default font; Sheets measures in pixels. */
const PX_PER_WIDTH_UNIT = 7;

const WHITE = '#ffffff';
const BLACK = '#000000';

/** Sheet names Sheets accepts but an .xlsx file cannot hold. */
function checkXlsxName(name: string): void {
  if (name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || name === 'History') {
    throw new Error(
      `Sheet name "${name}" cannot be saved in an .xlsx file (at most 31 characters, none of * ? : \\ / [ ], no quote at either end).`,
    );
  }
}

function mergeA1(area: MergedArea): string {
  return `${columnLetters(area.column)}${area.row}:${columnLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

// ---------------------------------------------------------------------------------------------
// What the file held, per sheet

/** The parts of one cell's look in the file as it was first loaded, put back when the model returns to it. */
interface OriginalCell {
  style: Partial<ExcelJS.Style>;
  comment: unknown;
}

interface TrackedSheet {
  ws: ExcelJS.Worksheet;
  /** The sheet as the file holds it now (after the last patch), in the model's terms. */
  base: SheetModel;
  /** The sheet as first loaded; null once rows or columns moved (positions no longer line up). */
  first: SheetModel | null;
  /** Styles and notes of cells before Tsunagu first changed them, by 'row:column'. */
  originals: Map<string, OriginalCell>;
}

/**
 * The loaded .xlsx workbook and what the model looked like when it last matched the file. A save
 * compares the model with that and patches the workbook with the difference only.
 */
export class XlsxSource {
  private readonly tracked = new Map<SheetModel, TrackedSheet>();
  private properties = new Map<string, string>();
  /** The developer metadata rows the file holds now, as JSON. */
  private metadata = '[]';
  /** The chart rows the file holds now, as JSON. */
  private charts = '[]';
  private activeName: string | null = null;
  private title: string | null = null;

  constructor(private readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  /** Starts tracking a sheet loaded from this file. */
  track(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
    this.tracked.set(sheet, { ws, base: sheet.clone(), first: sheet.clone(), originals: new Map() });
  }

  /** What the file holds now as document properties, active sheet and title (after loading or patching). */
  settle(model: WorkbookModel): void {
    this.properties = new Map(model.documentProperties);
    this.metadata = metadataRows(model);
    this.charts = chartRows(model);
    this.activeName = model.sheets.length > 0 ? model.active().name : null;
    this.title = model.name;
  }

  /** The file's active tab is not the model's: the next save sets it. */
  forgetActive(): void {
    this.activeName = null;
  }

  /** Whether the model differs from the file in anything a save would write. */
  hasChanges(model: WorkbookModel): boolean {
    if (model.sheets.length !== this.tracked.size) return true;
    if (!sameMap(model.documentProperties, this.properties)) return true;
    if (metadataRows(model) !== this.metadata) return true;
    if (chartRows(model) !== this.charts) return true;
    if (model.sheets.length > 0 && model.active().name !== this.activeName) return true;
    if (model.name !== this.title) return true;
    for (const sheet of model.sheets) {
      const t = this.tracked.get(sheet);
      if (!t || sheet.shifts.length > 0 || !sameSheetSettings(sheet, t.base)) return true;
      if (mergeKeys(sheet) !== mergeKeys(t.base)) return true;
      if (cellDifferences(sheet, t.base).length > 0) return true;
    }
    return false;
  }

  /** Patches the workbook with what changed in the model and returns the file's bytes. */
  async save(model: WorkbookModel): Promise<Uint8Array> {
    for (const sheet of model.sheets) checkXlsxName(sheet.name);
    this.removeDeletedSheets(model);
    this.renameSheets(model);
    model.sheets.forEach((sheet, index) => this.patchSheet(sheet, index));
    this.patchProperties(model);
    this.patchMetadata(model);
    this.patchCharts(model);
    this.patchActiveSheet(model);
    if (model.name !== this.title) this.workbook.title = model.name;
    for (const ws of this.workbook.worksheets) keepPageNumbering(ws);
    this.settle(model);
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }

  private removeDeletedSheets(model: WorkbookModel): void {
    const live = new Set(model.sheets);
    for (const [sheet, t] of this.tracked) {
      if (live.has(sheet)) continue;
      this.removeNamesOf(t.ws);
      this.workbook.removeWorksheet(t.ws.id);
      this.tracked.delete(sheet);
    }
  }

  /** Defined names scoped to a removed sheet, or pointing only into it, would be broken references. */
  private removeNamesOf(ws: ExcelJS.Worksheet): void {
    const names = this.workbook.definedNames as unknown as {
      model: Array<{ name: string; ranges: string[]; localSheetId?: number }>;
    };
    const quoted = new RegExp(
      `^'?${ws.name.replace(/[.*+?^${}()|[\]\\']/g, (ch) => (ch === "'" ? "''" : `\\${ch}`))}'?!`,
    );
    names.model = names.model
      .map((n) => ({ ...n, ranges: n.ranges.filter((r) => !quoted.test(r)) }))
      .filter((n) => n.ranges.length > 0);
  }

  /** Renames in two steps, so that two sheets swapping names never collide. */
  private renameSheets(model: WorkbookModel): void {
    const renamed = model.sheets.filter((s) => {
      const t = this.tracked.get(s);
      return t !== undefined && t.ws.name !== s.name;
    });
    renamed.forEach((sheet, i) => {
      (this.tracked.get(sheet) as TrackedSheet).ws.name = `__tsunagu_rename_${i}`;
    });
    for (const sheet of renamed) (this.tracked.get(sheet) as TrackedSheet).ws.name = sheet.name;
  }

  private patchSheet(sheet: SheetModel, index: number): void {
    let t = this.tracked.get(sheet);
    if (!t) {
      const ws = this.workbook.addWorksheet(sheet.name);
      const blank = new SheetModel(sheet.name, sheet.id);
      t = { ws, base: blank, first: null, originals: new Map() };
      this.tracked.set(sheet, t);
    }
    const { ws } = t;
    (ws as unknown as { orderNo: number }).orderNo = index + 1;
    for (const shift of sheet.shifts) {
      shiftWorksheet(ws, shift);
      replayShift(t.base, shift);
      t.first = null;
      t.originals.clear();
    }
    sheet.shifts.length = 0;
    patchSheetSettings(ws, sheet, t.base);
    patchMerges(ws, sheet, t.base);
    const rules = new Map<string, ExcelJS.DataValidation | null>();
    for (const [r, c, before, after] of cellDifferences(sheet, t.base)) {
      patchCell(ws, r, c, before, after, t, rules);
    }
    t.base = sheet.clone();
  }

  private patchProperties(model: WorkbookModel): void {
    if (sameMap(model.documentProperties, this.properties)) return;
    const old = this.workbook.getWorksheet(PROPERTIES_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    if (model.documentProperties.size === 0) return;
    const ws = this.workbook.addWorksheet(PROPERTIES_SHEET, { state: 'veryHidden' });
    (ws as unknown as { orderNo: number }).orderNo = model.sheets.length + 1;
    for (const [key, value] of model.documentProperties) ws.addRow([key, value]);
  }

  private patchMetadata(model: WorkbookModel): void {
    const rows = metadataRows(model);
    if (rows === this.metadata) return;
    const old = this.workbook.getWorksheet(METADATA_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const list = JSON.parse(rows) as Array<[string, number, string, string, string]>;
    if (list.length === 0) return;
    const ws = this.workbook.addWorksheet(METADATA_SHEET, { state: 'veryHidden' });
    (ws as unknown as { orderNo: number }).orderNo = model.sheets.length + 2;
    for (const row of list) ws.addRow(row);
  }

  private patchCharts(model: WorkbookModel): void {
    const rows = chartRows(model);
    if (rows === this.charts) return;
    const old = this.workbook.getWorksheet(CHARTS_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const list = JSON.parse(rows) as Array<[string, number, string]>;
    if (list.length === 0) return;
    const ws = this.workbook.addWorksheet(CHARTS_SHEET, { state: 'veryHidden' });
    (ws as unknown as { orderNo: number }).orderNo = model.sheets.length + 3;
    for (const row of list) ws.addRow(row);
  }

  /** The active tab, and only that tab selected (two selected tabs are a group in Excel: edits go to both). */
  private patchActiveSheet(model: WorkbookModel): void {
    if (model.sheets.length === 0) return;
    const active = model.active();
    if (active.name === this.activeName) return;
    const order = this.workbook.worksheets;
    const activeWs = (this.tracked.get(active) as TrackedSheet).ws;
    const view = this.workbook.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' };
    this.workbook.views = [{ ...view, firstSheet: 0, activeTab: Math.max(0, order.indexOf(activeWs)) }];
    for (const ws of order) {
      const views = ws.views ?? [];
      const selected = (views[0] as { tabSelected?: boolean } | undefined)?.tabSelected === true;
      if (selected === (ws === activeWs)) continue;
      const [first = {}, ...rest] = views;
      ws.views = [{ ...first, tabSelected: ws === activeWs } as unknown as ExcelJS.WorksheetView, ...rest];
    }
  }
}

/**
 * exceljs reads a missing first page number as 1 and then writes it as set (useFirstPageNumber):
 * a page setup that did not use one is written without it, as it was.
 */
function keepPageNumbering(ws: ExcelJS.Worksheet): void {
  const setup = ws.pageSetup as { useFirstPageNumber?: boolean; firstPageNumber?: number };
  if (setup && setup.useFirstPageNumber === false) delete setup.firstPageNumber;
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function sameSheetSettings(a: SheetModel, b: SheetModel): boolean {
  if (a.name !== b.name || a.hidden !== b.hidden || a.tabColor !== b.tabColor) return false;
  if (a.frozenRows !== b.frozenRows || a.frozenColumns !== b.frozenColumns) return false;
  if (a.columnWidths.size !== b.columnWidths.size) return false;
  for (const [c, w] of a.columnWidths) if (b.columnWidths.get(c) !== w) return false;
  return true;
}

function patchSheetSettings(ws: ExcelJS.Worksheet, sheet: SheetModel, base: SheetModel): void {
  if (sheet.hidden !== base.hidden) ws.state = sheet.hidden ? 'hidden' : 'visible';
  if (sheet.tabColor !== base.tabColor) {
    if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
    else delete (ws.properties as { tabColor?: unknown }).tabColor;
  }
  if (sheet.frozenRows !== base.frozenRows || sheet.frozenColumns !== base.frozenColumns) {
    const [first = {}, ...rest] = ws.views;
    const { xSplit: _x, ySplit: _y, topLeftCell: _t, ...kept } = first as ExcelJS.WorksheetViewFrozen;
    const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
    const view = frozen
      ? { ...kept, state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }
      : { ...kept, state: 'normal' };
    ws.views = [view as ExcelJS.WorksheetView, ...rest];
  }
  const columns = new Set([...sheet.columnWidths.keys(), ...base.columnWidths.keys()]);
  for (const c of columns) {
    const px = sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
    if (px !== (base.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH)) ws.getColumn(c).width = px / PX_PER_WIDTH_UNIT;
  }
}

function mergeKeys(sheet: SheetModel): string {
  return sheet.merges.map(mergeA1).sort().join(' ');
}

function patchMerges(ws: ExcelJS.Worksheet, sheet: SheetModel, base: SheetModel): void {
  const now = new Set(sheet.merges.map(mergeA1));
  const before = new Set(base.merges.map(mergeA1));
  for (const a1 of before) if (!now.has(a1)) ws.unMergeCells(a1);
  for (const a1 of now) if (!before.has(a1)) ws.mergeCellsWithoutStyle(a1);
}

// ---------------------------------------------------------------------------------------------
// Cells

type Difference = [number, number, Cell | undefined, Cell | undefined];

/** Every position where the model's cell differs from the file's, with both versions. */
function cellDifferences(sheet: SheetModel, base: SheetModel): Difference[] {
  const out: Difference[] = [];
  const seen = new Set<string>();
  for (const [r, c, cell] of sheet.cells()) {
    seen.add(`${r}:${c}`);
    const old = base.cell(r, c);
    if (!sameCell(old, cell)) out.push([r, c, old, cell]);
  }
  for (const [r, c, old] of base.cells()) {
    if (seen.has(`${r}:${c}`)) continue;
    const cell = sheet.cell(r, c);
    if (!sameCell(old, cell)) out.push([r, c, old, cell]);
  }
  return out;
}

function sameValue(a: StoredValue | undefined, b: StoredValue | undefined): boolean {
  if (a instanceof DateValue || b instanceof DateValue) {
    return a instanceof DateValue && b instanceof DateValue && a.ms === b.ms;
  }
  if (a instanceof CellError || b instanceof CellError) {
    return a instanceof CellError && b instanceof CellError && a.code === b.code;
  }
  if (a instanceof ImageValue || b instanceof ImageValue) {
    return a instanceof ImageValue && b instanceof ImageValue && a.url === b.url && a.altTitle === b.altTitle;
  }
  return a === b;
}

function sameContent(a: Cell | undefined, b: Cell | undefined): boolean {
  return a?.formula === b?.formula && sameValue(a?.value, b?.value);
}

const formatOf = (cell: Cell | undefined): string | undefined =>
  isAutomatic(cell?.numberFormat) ? undefined : cell?.numberFormat;
const backgroundOf = (cell: Cell | undefined): string | undefined =>
  cell?.background === WHITE ? undefined : cell?.background;
const boldOf = (cell: Cell | undefined): boolean => cell?.fontWeight === 'bold';
const fontColorOf = (cell: Cell | undefined): string | undefined =>
  cell?.fontColor === BLACK ? undefined : cell?.fontColor;

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  return (
    sameContent(a, b) &&
    formatOf(a) === formatOf(b) &&
    (a?.note ?? '') === (b?.note ?? '') &&
    backgroundOf(a) === backgroundOf(b) &&
    boldOf(a) === boldOf(b) &&
    fontColorOf(a) === fontColorOf(b) &&
    ruleKey(a?.validation) === ruleKey(b?.validation)
  );
}

/** A stored value as exceljs writes it; a date is a Tokyo wall-clock time, whatever the time zone of this process. */
function excelValue(value: StoredValue | undefined): ExcelJS.CellValue {
  if (value instanceof DateValue) return new Date(msToWall(value.ms));
  if (value instanceof CellError) return { error: value.code as ExcelJS.CellErrorValue['error'] };
  // exceljs keeps no cell images: the cell is saved as its alt text (フォーム一覧's QR code says which
  // address it encodes), so the file reads sensibly in Excel; the next build writes the image again.
  if (value instanceof ImageValue) return value.altTitle !== '' ? value.altTitle : value.altDescription;
  return value ?? null;
}

/**
 * Puts a note object on a cell, or removes it. exceljs also keeps the last written note in the
 * value's model, which it would write again: that copy goes too.
 */
function setComment(target: ExcelJS.Cell, comment: unknown): void {
  const cell = target as unknown as { _comment?: unknown; _value: { model?: { comment?: unknown } } };
  if (cell._value.model) delete cell._value.model.comment;
  if (comment === undefined) delete cell._comment;
  else cell._comment = comment;
}

/**
 * exceljs keeps the style id it gave a cell at the last write in the value's model and writes it
 * again when the new style is the default one: a patched cell forgets it, so its style is looked
 * up afresh.
 */
function forgetWrittenStyle(target: ExcelJS.Cell): void {
  const model = (target as unknown as { _value: { model?: { styleId?: number } } })._value.model;
  if (model) delete model.styleId;
}

/** Replaces one part of a cell's style with a fresh style object (exceljs shares style objects between cells). */
function setStylePart<K extends keyof ExcelJS.Style>(target: ExcelJS.Cell, key: K, part: ExcelJS.Style[K] | undefined) {
  const style = { ...target.style } as Partial<ExcelJS.Style>;
  if (part === undefined) delete style[key];
  else style[key] = part;
  target.style = style;
}

/**
 * Writes one changed cell into the worksheet, part by part: only the parts that changed are
 * touched, and a part that is back to what the file first held gets its original look back.
 */
function patchCell(
  ws: ExcelJS.Worksheet,
  r: number,
  c: number,
  before: Cell | undefined,
  after: Cell | undefined,
  t: TrackedSheet,
  rules: Map<string, ExcelJS.DataValidation | null>,
): void {
  const target = ws.getCell(r, c);
  const key = `${r}:${c}`;
  // A sheet Tsunagu made (or whose rows moved) has no first look to go back to.
  if (t.first !== null && !t.originals.has(key)) {
    t.originals.set(key, { style: target.style, comment: (target as unknown as { _comment?: unknown })._comment });
  }
  const original = t.originals.get(key) ?? { style: {}, comment: undefined };
  const first = t.first?.cell(r, c);
  const backToFirst = (same: (x: Cell | undefined, y: Cell | undefined) => boolean): boolean =>
    t.first !== null && same(after, first);

  if (!sameContent(before, after) && target.type !== ExcelJS.ValueType.Merge) {
    const value = excelValue(after?.value);
    if (after?.formula !== undefined) {
      target.value = {
        formula: after.formula.slice(1),
        ...(value === null ? {} : { result: value as ExcelJS.CellFormulaValue['result'] }),
      } as ExcelJS.CellFormulaValue;
    } else {
      target.value = value;
    }
  }
  const format = formatOf(after);
  const dateNeedsFormat = after?.value instanceof DateValue && format === undefined && !isDateFormat(target.numFmt);
  if (formatOf(before) !== format || (dateNeedsFormat && !sameContent(before, after))) {
    if (backToFirst((x, y) => formatOf(x) === formatOf(y))) setStylePart(target, 'numFmt', original.style.numFmt);
    else if (format !== undefined) setStylePart(target, 'numFmt', format);
    else if (after?.value instanceof DateValue) setStylePart(target, 'numFmt', defaultDateFormat(after.value.ms));
    else setStylePart(target, 'numFmt', undefined);
  }
  if ((before?.note ?? '') !== (after?.note ?? '')) {
    if (backToFirst((x, y) => (x?.note ?? '') === (y?.note ?? ''))) setComment(target, original.comment);
    else if (after?.note) target.note = after.note;
    else setComment(target, undefined);
  }
  if (backgroundOf(before) !== backgroundOf(after)) {
    const color = backgroundOf(after);
    if (backToFirst((x, y) => backgroundOf(x) === backgroundOf(y))) setStylePart(target, 'fill', original.style.fill);
    else if (color) setStylePart(target, 'fill', { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } });
    else setStylePart(target, 'fill', { type: 'pattern', pattern: 'none' });
  }
  if (boldOf(before) !== boldOf(after) || fontColorOf(before) !== fontColorOf(after)) {
    if (backToFirst((x, y) => boldOf(x) === boldOf(y) && fontColorOf(x) === fontColorOf(y))) {
      setStylePart(target, 'font', original.style.font);
    } else {
      const font = { ...(target.font ?? {}) } as Partial<ExcelJS.Font>;
      if (boldOf(after)) font.bold = true;
      else delete font.bold;
      const color = fontColorOf(after);
      if (color) font.color = { argb: argb(color) };
      else if (fontColorOf(before) !== undefined) delete font.color;
      setStylePart(target, 'font', font as ExcelJS.Font);
    }
  }
  if (ruleKey(before?.validation) !== ruleKey(after?.validation)) {
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const address = `${columnLetters(c)}${r}`;
    const rule = after?.validation;
    const dv = rule ? xlsxRule(rule, rules) : null;
    if (dv) model[address] = dv;
    else delete model[address];
  }
  forgetWrittenStyle(target);
}

function xlsxRule(rule: ValidationRule, cache: Map<string, ExcelJS.DataValidation | null>) {
  const key = ruleKey(rule);
  if (!cache.has(key)) cache.set(key, toXlsxValidation(rule));
  return cache.get(key) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Rows and columns that moved

function replayShift(sheet: SheetModel, shift: GridShift): void {
  if (shift.axis === 'rows') {
    if (shift.count > 0) sheet.insertRows(shift.at - 1, shift.count);
    else sheet.deleteRows(shift.at, -shift.count);
  } else if (shift.count > 0) sheet.insertColumns(shift.at - 1, shift.count);
  else sheet.deleteColumns(shift.at, -shift.count);
  sheet.shifts.length = 0;
}

/** Moves one position along an axis as the shift does; null when it was deleted. */
function movePosition(position: number, shift: GridShift): number | null {
  if (shift.count > 0) return position >= shift.at ? position + shift.count : position;
  if (position < shift.at) return position;
  if (position < shift.at - shift.count) return null;
  return position + shift.count;
}

/**
 * Inserts or deletes rows or columns in the worksheet as the model did: exceljs moves values,
 * styles and row heights; notes, merges and data validation are moved here. (Formulas, conditional
 * formats and names that refer to moved cells are not rewritten; Tsunagu itself only ever adds
 * rows and columns after the last one.)
 */
function shiftWorksheet(ws: ExcelJS.Worksheet, shift: GridShift): void {
  const rows = shift.axis === 'rows';
  const last = rows ? ws.rowCount : ws.columnCount;
  if (shift.at > last) return;
  const notes: Array<[number, number, unknown]> = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const holder = cell as unknown as { _comment?: unknown };
      if (holder._comment === undefined) return;
      notes.push([r, c, holder._comment]);
      setComment(cell, undefined);
    });
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map(
    (m) => m.range,
  );
  for (const a1 of merges) ws.unMergeCells(a1);
  const dvs = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations;
  const movedDvs: Record<string, ExcelJS.DataValidation> = {};
  for (const [address, dv] of Object.entries(dvs.model)) {
    const ref = parseA1(address);
    if (!ref || ref.startRow === undefined || ref.startColumn === undefined || !dv) continue;
    const r = rows ? movePosition(ref.startRow, shift) : ref.startRow;
    const c = rows ? ref.startColumn : movePosition(ref.startColumn, shift);
    if (r !== null && c !== null) movedDvs[`${columnLetters(c)}${r}`] = dv;
  }
  dvs.model = movedDvs;
  if (rows) {
    if (shift.count > 0) ws.spliceRows(shift.at, 0, ...Array.from({ length: shift.count }, () => []));
    else ws.spliceRows(shift.at, -shift.count);
  } else if (shift.count > 0) ws.spliceColumns(shift.at, 0, ...Array.from({ length: shift.count }, () => []));
  else ws.spliceColumns(shift.at, -shift.count);
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, forgetWrittenStyle));
  for (const [r, c, comment] of notes) {
    const nr = rows ? movePosition(r, shift) : r;
    const nc = rows ? c : movePosition(c, shift);
    if (nr !== null && nc !== null) setComment(ws.getCell(nr, nc), comment);
  }
  for (const a1 of merges) {
    const ref = parseA1(a1);
    if (!ref || ref.startRow === undefined || ref.startColumn === undefined) continue;
    const area: MergedArea = {
      row: ref.startRow,
      column: ref.startColumn,
      numRows: (ref.endRow ?? ref.startRow) - ref.startRow + 1,
      numColumns: (ref.endColumn ?? ref.startColumn) - ref.startColumn + 1,
    };
    const probe = new SheetModel('', 0);
    probe.merges = [area];
    replayShift(probe, shift);
    for (const moved of probe.merges) ws.mergeCellsWithoutStyle(mergeA1(moved));
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

function noteText(note: ExcelJS.Cell['note'] | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** A cell value from exceljs: a Date there is a Tokyo wall-clock time read as if it were UTC. */
function readValue(value: ExcelJS.CellValue): Pick<Cell, 'value' | 'formula'> {
  if (value === null || value === undefined) return {};
  if (value instanceof Date) return { value: new DateValue(wallToMs(value.getTime())) };
  if (typeof value === 'string') return value === '' ? {} : { value };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if ('error' in value) return { value: new CellError(value.error) };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? value.formula : undefined;
    const result = readValue((value as ExcelJS.CellFormulaValue).result ?? null);
    return { ...result, ...(formula ? { formula: `=${formula}` } : {}) };
  }
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (text !== null && typeof text === 'object' && 'richText' in (text as object)) {
      return { value: (text as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('') };
    }
    return { value: String(text ?? '') };
  }
  return { value: String(value as unknown) };
}

/** The model's developer metadata as the rows of METADATA_SHEET, in JSON (compared to know whether a save must write them). */
function metadataRows(model: WorkbookModel): string {
  return JSON.stringify([
    ...model.metadata.map((m) => ['', m.id, m.key, JSON.stringify(m.value), m.visibility]),
    ...model.sheets.flatMap((sheet) =>
      sheet.metadata.map((m) => [sheet.name, m.id, m.key, JSON.stringify(m.value), m.visibility]),
    ),
  ]);
}

/** The model's charts as the rows of CHARTS_SHEET, in JSON. */
function chartRows(model: WorkbookModel): string {
  return JSON.stringify(
    model.sheets.flatMap((sheet) => sheet.charts.map((c) => [sheet.name, c.id, JSON.stringify(chartRecord(c))])),
  );
}

/** Chart rows back onto their sheets; a row whose sheet (or a range's sheet) is gone, or that does not read, is dropped. */
function sheetCharts(ws: ExcelJS.Worksheet, model: WorkbookModel): void {
  ws.eachRow((row) => {
    const text = (n: number): string => {
      const v = row.getCell(n).value;
      return v === null || v === undefined ? '' : String(v);
    };
    const sheet = model.sheetByName(text(1));
    if (!sheet) return;
    try {
      const chart = chartFromRecord(JSON.parse(text(3)) as ChartRecord, model);
      if (chart && Number.isInteger(chart.id) && chart.id > 0) sheet.charts.push(chart);
    } catch {
      // A row that does not read is left out, as a chart Sheets could not load would be.
    }
  });
}

function sheetDocumentProperties(ws: ExcelJS.Worksheet, into: Map<string, string>): void {
  ws.eachRow((row) => {
    const key = row.getCell(1).value;
    const value = row.getCell(2).value;
    if (key === null || key === undefined || key === '') return;
    into.set(String(key), value === null || value === undefined ? '' : String(value));
  });
}

/** Developer metadata rows back onto the spreadsheet and its sheets; rows naming a sheet that is gone are dropped. */
function sheetMetadata(ws: ExcelJS.Worksheet, model: WorkbookModel): void {
  ws.eachRow((row) => {
    const text = (n: number): string => {
      const v = row.getCell(n).value;
      return v === null || v === undefined ? '' : String(v);
    };
    const id = Number(text(2));
    const key = text(3);
    if (!Number.isInteger(id) || id < 1 || key === '' || model.metadataById(id)) return;
    let value: unknown;
    try {
      value = JSON.parse(text(4));
    } catch {
      return;
    }
    const sheetName = text(1);
    const holder = sheetName === '' ? model : model.sheetByName(sheetName);
    if (!holder) return;
    holder.metadata.push({
      id,
      key,
      value: typeof value === 'string' ? value : null,
      visibility: text(5) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT',
    });
  });
}

interface PendingRange {
  sheet: SheetModel;
  cells: Array<[number, number]>;
  source: ExcelJS.DataValidation;
}

/** One worksheet into a sheet model: settings, merges, and every cell but those hidden under a merge. */
function readSheet(ws: ExcelJS.Worksheet, sheet: SheetModel, theme: readonly string[], pending: PendingRange[]): void {
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
  sheet.tabColor = resolveColor(ws.properties.tabColor, theme) ?? null;
  const view = (ws.views ?? []).find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  if (view) {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  ws.columns?.forEach((column, j) => {
    if (column.width !== undefined) sheet.columnWidths.set(j + 1, Math.round(column.width * PX_PER_WIDTH_UNIT));
  });
  let lastRow = 0;
  let lastColumn = 0;
  for (const merge of Object.values((ws as unknown as { _merges: Record<string, ExcelJS.Range> })._merges)) {
    if (!merge) continue;
    const area = {
      row: merge.top,
      column: merge.left,
      numRows: merge.bottom - merge.top + 1,
      numColumns: merge.right - merge.left + 1,
    };
    sheet.merges.push(area);
    lastRow = Math.max(lastRow, merge.bottom);
    lastColumn = Math.max(lastColumn, merge.right);
  }
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (xc, c) => {
      // A cell under a merge shows nothing in Sheets; exceljs would report the top-left value there.
      // real-sheets-checklist RS-33
      if (xc.type === ExcelJS.ValueType.Merge) return;
      const cell: Cell = { ...readValue(xc.value) };
      const format = xc.numFmt;
      if (format && !isAutomatic(format) && format !== AUTOMATIC_FORMAT) cell.numberFormat = format;
      const note = noteText(xc.note);
      if (note) cell.note = note;
      const fill = xc.fill;
      if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
        const color = resolveColor(fill.fgColor, theme);
        if (color && color !== WHITE) cell.background = color;
      }
      if (xc.font?.bold) cell.fontWeight = 'bold';
      const fontColor = resolveColor(xc.font?.color, theme);
      if (fontColor && fontColor !== BLACK) cell.fontColor = fontColor;
      if (Object.values(cell).every((v) => v === undefined)) return;
      Object.assign(sheet.ensure(r, c), cell);
      lastRow = Math.max(lastRow, r);
      lastColumn = Math.max(lastColumn, c);
    });
  });
  const byRule = new Map<ExcelJS.DataValidation, PendingRange>();
  const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  for (const [address, dv] of Object.entries(dvModel)) {
    const ref = parseA1(address);
    if (!dv || !ref || ref.startRow === undefined || ref.startColumn === undefined) continue;
    let group = byRule.get(dv);
    if (!group) {
      group = { sheet, cells: [], source: dv };
      byRule.set(dv, group);
      pending.push(group);
    }
    group.cells.push([ref.startRow, ref.startColumn]);
    lastRow = Math.max(lastRow, ref.startRow);
    lastColumn = Math.max(lastColumn, ref.startColumn);
  }
  // A loaded sheet is at least Sheets' default size, and big enough for everything in it.
  sheet.growTo(lastRow, lastColumn);
}

/**
 * Reads an .xlsx file into a spreadsheet model; its name is the file's title, or fallbackName.
 * The source it returns keeps the file, so that a save changes only what the model changed.
 */
export async function loadWorkbook(
  data: Uint8Array,
  fallbackName: string,
  idFor: (name: string) => string,
): Promise<{ model: WorkbookModel; source: XlsxSource }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  const name = wb.title || fallbackName;
  const model = new WorkbookModel(idFor(name), name);
  const source = new XlsxSource(wb);
  const theme = themePalette(wb);
  const pending: PendingRange[] = [];
  const worksheets = wb.worksheets.filter((ws) => HIDDEN_SHEETS.indexOf(ws.name) < 0);
  for (const ws of worksheets) model.addSheet(ws.name);
  for (const ws of wb.worksheets) {
    if (ws.name === PROPERTIES_SHEET) sheetDocumentProperties(ws, model.documentProperties);
    if (ws.name === METADATA_SHEET) sheetMetadata(ws, model);
  }
  // Charts after every sheet is there: a chart's data may be on another sheet.
  for (const ws of wb.worksheets) if (ws.name === CHARTS_SHEET) sheetCharts(ws, model);
  worksheets.forEach((ws, index) => readSheet(ws, model.sheets[index] as SheetModel, theme, pending));
  // Validations last: a list from a range may point at any sheet.
  for (const group of pending) {
    const rule = fromXlsxValidation(group.source, model, group.sheet);
    if (!rule) continue;
    for (const [r, c] of group.cells) group.sheet.ensure(r, c).validation = rule;
  }
  const activeTab = wb.views?.[0]?.activeTab ?? 0;
  const activeName = wb.worksheets[activeTab]?.name;
  const active = activeName === undefined ? undefined : model.sheetByName(activeName);
  if (active && !active.hidden) model.activeSheet = active;
  else model.activeSheet = model.sheets.find((s) => !s.hidden) ?? model.sheets[0] ?? null;
  if (model.sheets.length === 0) throw new Error('The workbook has no sheets.');
  worksheets.forEach((ws, index) => source.track(model.sheets[index] as SheetModel, ws));
  source.settle(model);
  if (activeName !== model.active().name) source.forgetActive();
  return { model, source };
}

/** A new spreadsheet's file: nothing in it yet, so the first save writes every sheet. */
export function newSource(title: string): XlsxSource {
  const wb = new ExcelJS.Workbook();
  wb.title = title;
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return new XlsxSource(wb);
}
