/** Range: the emulated SpreadsheetApp Range — values in and out with Sheets' parsing and formatting, notes, fills, formats, validation. */
import { CLOSED, formatA1, type OpenEnds } from './a1';
import { Service, asGas, countCalls } from './calls';
import { interpretInput, outputValue, storeInto, type Interpreted } from './cell-values';
import { normalizeColor, rgbColor } from './colors';
import type { EmulatorContext } from './context';
import type { CellCount } from './cost-model';
import { isMutatingCall } from './faults';
import { AUTOMATIC_FORMAT, displayValue, isAutomatic } from './number-format';
import { shiftFormula } from '../../core/sheets/formula-shift';
import { enumName } from './enums';
import { EmuSheet } from './sheet';
import { EmuDataValidation, makeRule, ruleOf, violates, type ValidationRule } from './validation';
import {
  CLEAR_ALL,
  RANGE_REF,
  rangeRefOf,
  type Cell,
  type CellValue,
  type ClearOptions,
  type MergedArea,
  type RangeRef,
} from './workbook';

/** What a copyTo pastes: Sheets' paste types, and copyTo's {contentsOnly, formatOnly} options. */
interface PasteParts {
  contents: boolean;
  /** Formulas pasted as their values (PASTE_VALUES). */
  valuesOnly: boolean;
  formats: boolean;
  validations: boolean;
  notes: boolean;
  widths: boolean;
}

function pasteParts(typeOrOptions: unknown): PasteParts {
  const none: PasteParts = {
    contents: false,
    valuesOnly: false,
    formats: false,
    validations: false,
    notes: false,
    widths: false,
  };
  const all: PasteParts = { ...none, contents: true, formats: true, validations: true, notes: true };
  if (typeOrOptions === undefined) return all;
  const name = enumName(typeOrOptions);
  if (name === '' && typeOrOptions !== null && typeof typeOrOptions === 'object') {
    const options = typeOrOptions as { contentsOnly?: boolean; formatOnly?: boolean };
    if (options.contentsOnly && options.formatOnly) return { ...none, contents: true, formats: true };
    if (options.contentsOnly) return { ...none, contents: true };
    if (options.formatOnly) return { ...none, formats: true };
    return all;
  }
  switch (name) {
    case 'PASTE_NORMAL':
    case 'PASTE_NO_BORDERS':
      return all;
    case 'PASTE_VALUES':
      return { ...none, contents: true, valuesOnly: true };
    case 'PASTE_FORMULA':
      return { ...none, contents: true };
    case 'PASTE_FORMAT':
      return { ...none, formats: true };
    case 'PASTE_DATA_VALIDATION':
      return { ...none, validations: true };
    case 'PASTE_COLUMN_WIDTHS':
      return { ...none, widths: true };
    case 'PASTE_CONDITIONAL_FORMATTING':
      // Conditional formats are not modelled: nothing to paste.
      return none;
    default:
      throw new Error('Invalid argument: copyPasteType');
  }
}

type GasRange = GoogleAppsScript.Spreadsheet.Range;

const RANGE_METHODS = [
  'activate',
  'breakApart',
  'check',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'copyTo',
  'getA1Notation',
  'getBackground',
  'getBackgrounds',
  'getCell',
  'getColumn',
  'getDataValidation',
  'getDataValidations',
  'getDisplayValue',
  'getDisplayValues',
  'getFontColor',
  'getFontColors',
  'getFontWeight',
  'getFontWeights',
  'getFormula',
  'getFormulas',
  'getGridId',
  'getHeight',
  'getLastColumn',
  'getLastRow',
  'getMergedRanges',
  'getNote',
  'getNotes',
  'getNumColumns',
  'getNumRows',
  'getNumberFormat',
  'getNumberFormats',
  'getRow',
  'getRowIndex',
  'getSheet',
  'getValue',
  'getValues',
  'getWidth',
  'insertCheckboxes',
  'isBlank',
  'isChecked',
  'isPartOfMerge',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'offset',
  'removeCheckboxes',
  'setBackground',
  'setBackgroundRGB',
  'setBackgrounds',
  'setDataValidation',
  'setDataValidations',
  'setFontColor',
  'setFontWeight',
  'setFontWeights',
  'setFormula',
  'setFormulas',
  'setNote',
  'setNotes',
  'setNumberFormat',
  'setNumberFormats',
  'setValue',
  'setValues',
  'uncheck',
] as const satisfies readonly (keyof GasRange)[];

export type RangeMethod = (typeof RANGE_METHODS)[number];

/** Apps Script's name for the type of an argument, as its signature errors print it. */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  if (typeof value === 'string') return 'String';
  if (value === null || value === undefined) return 'null';
  return typeof value === 'object' ? 'Object' : typeof value;
}

/** The errors Apps Script gives when a value is not a 2-D array with the range's shape. */
export function checkShape(data: unknown, numRows: number, numColumns: number, method: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw new Error(
      `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (data.length !== numRows) {
    throw new Error(
      'The number of rows in the data does not match the number of rows in the range. ' +
        `The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data) {
    const width = (row as unknown[]).length;
    if (width !== numColumns) {
      throw new Error(
        'The number of columns in the data does not match the number of columns in the range. ' +
          `The data has ${width} but the range has ${numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

// real-sheets-checklist RS-08: 'General' or '' makes the cell Automatic again; the read pattern is a fixed format
/** A cell's number format; the automatic one is the absence of a format, as a new cell has. */
function setFormat(cell: Cell, format: string): void {
  if (isAutomatic(format)) delete cell.numberFormat;
  else cell.numberFormat = format;
}

export class EmuRange extends Service implements Pick<GasRange, RangeMethod> {
  constructor(
    ctx: EmulatorContext,
    private readonly ref: RangeRef,
    private readonly open: OpenEnds = CLOSED,
  ) {
    super(ctx);
  }

  /** Lets the other emulated services (validation, the spreadsheet) see which cells this is. */
  [RANGE_REF](): RangeRef {
    return this.ref;
  }

  private get self(): GasRange {
    return asGas(this);
  }

  /** Visits every cell position of the range with its 0-based offsets. */
  private each(visit: (row: number, column: number, i: number, j: number) => void): void {
    const { row, column, numRows, numColumns } = this.ref;
    for (let i = 0; i < numRows; i += 1) {
      for (let j = 0; j < numColumns; j += 1) visit(row + i, column + j, i, j);
    }
  }

  /** A rows × columns grid of something read from each cell. */
  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const { sheet, row, column, numRows, numColumns } = this.ref;
    const out: T[][] = new Array<T[]>(numRows);
    for (let i = 0; i < numRows; i += 1) {
      const line: T[] = new Array<T>(numColumns);
      for (let j = 0; j < numColumns; j += 1) line[j] = read(sheet.cell(row + i, column + j));
      out[i] = line;
    }
    return out;
  }

  private topLeft(): Cell | undefined {
    return this.ref.sheet.cell(this.ref.row, this.ref.column);
  }

  /**
   * Writes interpreted values after checking "reject input" rules for all of them first, so that a
   * rejected write changes nothing.
   */
  private writeValues(valueAt: (i: number, j: number) => unknown): void {
    const { sheet } = this.ref;
    const now = this.ctx.nowMs();
    const pending: Array<[number, number, Interpreted]> = [];
    this.each((r, c, i, j) => {
      const existing = sheet.cell(r, c);
      const written = interpretInput(valueAt(i, j), existing?.numberFormat, now);
      const rule = existing?.validation;
      // real-sheets-checklist RS-01: a strict rule refuses a script's write, and nothing of the range is written.
      if (rule && !rule.allowInvalid && violates(rule, written.value)) {
        throw new Error(
          `The data you entered in cell ${formatA1(r, c, 1, 1)} violates the data validation rules set on this cell.`,
        );
      }
      pending.push([r, c, written]);
    });
    const log = this.ctx.inputLog;
    if (log) this.each((r, c, i, j) => log.push({ sheet: sheet.name, row: r, column: c, input: valueAt(i, j) }));
    for (const [r, c, written] of pending) {
      // A cell hidden under a merge keeps nothing: Sheets shows and returns only the top-left value.
      // real-sheets-checklist RS-34
      if (sheet.isCovered(r, c)) continue;
      if (!sheet.cell(r, c) && written.value === undefined && written.formula === undefined) continue;
      storeInto(sheet.ensure(r, c), written);
    }
  }

  private setEach(apply: (cell: Cell, i: number, j: number) => void): GasRange {
    const { sheet } = this.ref;
    this.each((r, c, i, j) => apply(sheet.ensure(r, c), i, j));
    return this.self;
  }

  private clearWith(what: ClearOptions): GasRange {
    const { sheet } = this.ref;
    this.each((r, c) => sheet.clearCell(r, c, what));
    return this.self;
  }

  /** Like setEach, but skips the cells hidden under a merge (they hold no value in Sheets). */
  private setEachUncovered(apply: (cell: Cell, i: number, j: number) => void): GasRange {
    const { sheet } = this.ref;
    this.each((r, c, i, j) => {
      if (!sheet.isCovered(r, c)) apply(sheet.ensure(r, c), i, j);
    });
    return this.self;
  }

  /**
   * Merges blocks of this range; a merge that sticks out of the range cannot be merged again or
   * broken apart from here (Sheets refuses it with the same message). Only the top-left value stays.
   * real-sheets-checklist RS-33, RS-35: what merging keeps, and what it refuses.
   */
  private mergeBlocks(blocks: Array<{ row: number; column: number; numRows: number; numColumns: number }>): GasRange {
    const { sheet, row, column, numRows, numColumns } = this.ref;
    this.checkWholeMerges(sheet.mergesIn(row, column, numRows, numColumns));
    const inside = new Set(sheet.mergesIn(row, column, numRows, numColumns));
    sheet.merges = sheet.merges.filter((m) => !inside.has(m));
    for (const block of blocks) {
      if (block.numRows * block.numColumns < 2) continue;
      for (let r = block.row; r < block.row + block.numRows; r += 1) {
        for (let c = block.column; c < block.column + block.numColumns; c += 1) {
          if (r === block.row && c === block.column) continue;
          sheet.clearCell(r, c, { contents: true, formats: false, notes: false, validations: false });
        }
      }
      sheet.merges.push({ ...block });
    }
    return this.self;
  }

  private checkWholeMerges(areas: readonly MergedArea[]): void {
    const { row, column, numRows, numColumns } = this.ref;
    for (const a of areas) {
      const inside =
        a.row >= row &&
        a.column >= column &&
        a.row + a.numRows <= row + numRows &&
        a.column + a.numColumns <= column + numColumns;
      if (!inside) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    }
  }

  /** setFormula('=…') stores a formula; text without '=' is written as setValue would write it. */
  private formulaInput(text: string, cell: Cell): Interpreted {
    return text.startsWith('=') ? { formula: text } : interpretInput(text, cell.numberFormat, this.ctx.nowMs());
  }

  private checkboxRule(cell: Cell | undefined): ValidationRule | null {
    const rule = cell?.validation;
    return rule && rule.criteria === 'CHECKBOX' ? rule : null;
  }

  activate(): GasRange {
    const workbook = this.ctx.workbook;
    workbook.activeSheet = this.ref.sheet;
    workbook.activeRange = { ...this.ref };
    return this.self;
  }

  /** Unmerges every merged area inside the range (the cells keep what they hold: only the top-left has a value). */
  breakApart(): GasRange {
    const { sheet, row, column, numRows, numColumns } = this.ref;
    const areas = sheet.mergesIn(row, column, numRows, numColumns);
    this.checkWholeMerges(areas);
    sheet.merges = sheet.merges.filter((m) => !areas.includes(m));
    return this.self;
  }

  check(): GasRange {
    return this.setEach((cell) => {
      const rule = this.checkboxRule(cell);
      if (rule) cell.value = rule.args.length > 0 ? (rule.args[0] as string) : true;
    });
  }

  uncheck(): GasRange {
    return this.setEach((cell) => {
      const rule = this.checkboxRule(cell);
      if (rule) cell.value = rule.args.length > 1 ? (rule.args[1] as string) : false;
    });
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    if (!options || !(options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly)) {
      return this.clearWith(CLEAR_ALL);
    }
    return this.clearWith({
      contents: Boolean(options.contentsOnly),
      formats: Boolean(options.formatOnly),
      notes: Boolean(options.commentsOnly),
      validations: Boolean(options.validationsOnly),
    });
  }

  clearContent(): GasRange {
    return this.clearWith({ contents: true, formats: false, notes: false, validations: false });
  }

  clearDataValidations(): GasRange {
    return this.clearWith({ contents: false, formats: false, notes: false, validations: true });
  }

  clearFormat(): GasRange {
    return this.clearWith({ contents: false, formats: true, notes: false, validations: false });
  }

  clearNote(): GasRange {
    return this.clearWith({ contents: false, formats: false, notes: true, validations: false });
  }

  /**
   * Pastes this range at the destination (its top-left cell, or a range of the same size): values,
   * formulas with their relative references moved, formats, rules and notes, as Sheets' paste does;
   * a blank source cell clears the cell it lands on. A paste that would run off the destination
   * sheet's grid fails, and a transposed or tiled paste is not emulated.
   */
  // real-sheets-checklist RS-38: what a paste carries, and a blank source cell clearing
  copyTo(destination: GasRange, typeOrOptions?: unknown, transposed?: boolean): void {
    const target = rangeRefOf(destination);
    const parts = pasteParts(typeOrOptions);
    if (transposed) throw new Error('copyTo with transposed = true is not supported by the Tsunagu emulator');
    const { sheet, row, column, numRows, numColumns } = this.ref;
    const single = target.numRows === 1 && target.numColumns === 1;
    if (!single && (target.numRows !== numRows || target.numColumns !== numColumns)) {
      throw new Error('copyTo into a range of another size is not supported by the Tsunagu emulator');
    }
    if (target.row + numRows - 1 > target.sheet.maxRows || target.column + numColumns - 1 > target.sheet.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    const down = target.row - row;
    const right = target.column - column;
    // Everything is read before anything is written, so an overlapping paste reads the original.
    const source = this.grid((cell) => (cell ? { ...cell } : undefined));
    source.forEach((line, i) => {
      line.forEach((from, j) => {
        const r = target.row + i;
        const c = target.column + j;
        const existing = target.sheet.cell(r, c);
        if (!from && !existing) return;
        const cell = target.sheet.ensure(r, c);
        if (parts.contents) {
          delete cell.value;
          delete cell.formula;
          if (from?.value !== undefined) cell.value = from.value;
          if (from?.formula !== undefined && !parts.valuesOnly) cell.formula = shiftFormula(from.formula, down, right);
        }
        if (parts.formats) {
          for (const key of ['numberFormat', 'background', 'fontWeight', 'fontColor'] as const) {
            if (from?.[key] === undefined) delete cell[key];
            else (cell as Record<string, unknown>)[key] = from[key];
          }
        }
        if (parts.validations) {
          if (from?.validation === undefined) delete cell.validation;
          else cell.validation = from.validation;
        }
        if (parts.notes) {
          if (from?.note === undefined) delete cell.note;
          else cell.note = from.note;
        }
      });
    });
    if (parts.widths) {
      for (let j = 0; j < numColumns; j += 1) {
        const width = sheet.columnWidths.get(column + j);
        if (width === undefined) target.sheet.columnWidths.delete(target.column + j);
        else target.sheet.columnWidths.set(target.column + j, width);
      }
    }
  }

  getA1Notation(): string {
    const { row, column, numRows, numColumns } = this.ref;
    return formatA1(row, column, numRows, numColumns, this.open);
  }

  // real-sheets-checklist RS-13: no fill reads as white.
  getBackground(): string {
    return this.topLeft()?.background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this.grid((cell) => cell?.background ?? '#ffffff');
  }

  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.ref.numRows || column > this.ref.numColumns) {
      throw new Error('Cell reference out of range');
    }
    const { sheet } = this.ref;
    const cell = {
      sheet,
      row: this.ref.row + row - 1,
      column: this.ref.column + column - 1,
      numRows: 1,
      numColumns: 1,
    };
    return asGas(new EmuRange(this.ctx, cell));
  }

  getColumn(): number {
    return this.ref.column;
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const rule = this.topLeft()?.validation;
    return rule ? asGas(new EmuDataValidation(this.ctx, rule)) : null;
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.grid((cell) => (cell?.validation ? asGas(new EmuDataValidation(this.ctx, cell.validation)) : null));
  }

  getDisplayValue(): string {
    const cell = this.topLeft();
    return displayValue(cell?.value, cell?.numberFormat);
  }

  getDisplayValues(): string[][] {
    return this.grid((cell) => displayValue(cell?.value, cell?.numberFormat));
  }

  /** Deprecated in Apps Script but still common; the colour of the text, black by default. */
  getFontColor(): string {
    return this.topLeft()?.fontColor ?? '#000000';
  }

  getFontColors(): string[][] {
    return this.grid((cell) => cell?.fontColor ?? '#000000');
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.topLeft()?.fontWeight ?? 'normal';
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.grid((cell) => cell?.fontWeight ?? 'normal');
  }

  getFormula(): string {
    return this.topLeft()?.formula ?? '';
  }

  getFormulas(): string[][] {
    return this.grid((cell) => cell?.formula ?? '');
  }

  getGridId(): number {
    return this.ref.sheet.id;
  }

  getHeight(): number {
    return this.ref.numRows;
  }

  getLastColumn(): number {
    return this.ref.column + this.ref.numColumns - 1;
  }

  getLastRow(): number {
    return this.ref.row + this.ref.numRows - 1;
  }

  /** The merged areas that overlap this range, each as a Range. */
  getMergedRanges(): GasRange[] {
    const { sheet, row, column, numRows, numColumns } = this.ref;
    return sheet
      .mergesIn(row, column, numRows, numColumns)
      .map((m) => asGas<GasRange>(new EmuRange(this.ctx, { sheet, ...m })));
  }

  getNote(): string {
    return this.topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }

  getNumColumns(): number {
    return this.ref.numColumns;
  }

  getNumRows(): number {
    return this.ref.numRows;
  }

  getNumberFormat(): string {
    return this.topLeft()?.numberFormat ?? AUTOMATIC_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this.grid((cell) => cell?.numberFormat ?? AUTOMATIC_FORMAT);
  }

  getRow(): number {
    return this.ref.row;
  }

  getRowIndex(): number {
    return this.ref.row;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return asGas(new EmuSheet(this.ctx, this.ref.sheet));
  }

  getValue(): CellValue {
    return outputValue(this.topLeft(), this.ctx);
  }

  getValues(): CellValue[][] {
    return this.grid((cell) => outputValue(cell, this.ctx));
  }

  getWidth(): number {
    return this.ref.numColumns;
  }

  /** Check boxes: a CHECKBOX rule on every cell, and every cell set to the unchecked value. */
  // real-sheets-checklist RS-17
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GasRange {
    const args: unknown[] = [];
    if (checkedValue !== undefined) args.push(checkedValue);
    if (uncheckedValue !== undefined) args.push(uncheckedValue);
    const rule = makeRule('CHECKBOX', args);
    const unchecked: string | boolean = args.length > 1 ? String(args[1]) : args.length === 1 ? '' : false;
    return this.setEach((cell) => {
      cell.validation = rule;
      delete cell.formula;
      if (unchecked === '') delete cell.value;
      else cell.value = unchecked;
    });
  }

  isBlank(): boolean {
    let blank = true;
    this.each((r, c) => {
      const cell = this.ref.sheet.cell(r, c);
      if (cell && (cell.value !== undefined || cell.formula !== undefined)) blank = false;
    });
    return blank;
  }

  /** true when every cell is a checked check box, false when every one is unchecked, null otherwise. */
  isChecked(): boolean | null {
    let checked = 0;
    let unchecked = 0;
    let other = 0;
    this.each((r, c) => {
      const cell = this.ref.sheet.cell(r, c);
      const rule = this.checkboxRule(cell);
      if (!rule) {
        other += 1;
        return;
      }
      const on = rule.args.length > 0 ? String(rule.args[0]) : true;
      const value = cell?.value;
      if (value === on || (typeof on === 'string' && value !== undefined && String(value) === on)) checked += 1;
      else unchecked += 1;
    });
    if (other > 0 || (checked > 0 && unchecked > 0)) return null;
    return checked > 0;
  }

  /** True when any cell of the range is part of a merged area. */
  isPartOfMerge(): boolean {
    const { sheet, row, column, numRows, numColumns } = this.ref;
    return sheet.mergesIn(row, column, numRows, numColumns).length > 0;
  }

  /** Merges the whole range into one cell, keeping the top-left value. */
  merge(): GasRange {
    const { row, column, numRows, numColumns } = this.ref;
    return this.mergeBlocks([{ row, column, numRows, numColumns }]);
  }

  /** Merges each row of the range on its own. */
  mergeAcross(): GasRange {
    const { row, column, numRows, numColumns } = this.ref;
    return this.mergeBlocks(
      Array.from({ length: numRows }, (_, i) => ({ row: row + i, column, numRows: 1, numColumns })),
    );
  }

  /** Merges each column of the range on its own. */
  mergeVertically(): GasRange {
    const { row, column, numRows, numColumns } = this.ref;
    return this.mergeBlocks(
      Array.from({ length: numColumns }, (_, j) => ({ row, column: column + j, numRows, numColumns: 1 })),
    );
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    const sheetFacade = new EmuSheet(this.ctx, this.ref.sheet);
    return sheetFacade.rangeAt(
      this.ref.row + rowOffset,
      this.ref.column + columnOffset,
      numRows ?? this.ref.numRows,
      numColumns ?? this.ref.numColumns,
    );
  }

  /** Removes check boxes, and clears the cells that held a check-box value. */
  removeCheckboxes(): GasRange {
    return this.setEach((cell) => {
      const rule = this.checkboxRule(cell);
      if (!rule) return;
      const values = rule.args.length > 0 ? rule.args.map((a) => String(a)) : ['true', 'false'];
      if (cell.value !== undefined && values.includes(String(cell.value))) delete cell.value;
      delete cell.validation;
    });
  }

  setBackground(color: string | null): GasRange {
    const normalized = normalizeColor(color);
    return this.setEach((cell) => {
      if (normalized === null) delete cell.background;
      else cell.background = normalized;
    });
  }

  setBackgroundRGB(red: number, green: number, blue: number): GasRange {
    return this.setBackground(rgbColor(red, green, blue));
  }

  setBackgrounds(color: Array<Array<string | null>>): GasRange {
    const colors = checkShape(color, this.ref.numRows, this.ref.numColumns, 'setBackgrounds').map((row) =>
      row.map((c) => normalizeColor(c as string | null)),
    );
    return this.setEach((cell, i, j) => {
      const normalized = colors[i]?.[j] ?? null;
      if (normalized === null) delete cell.background;
      else cell.background = normalized;
    });
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    const model = ruleOf(rule);
    return this.setEach((cell) => {
      if (model) cell.validation = model;
      else delete cell.validation;
    });
  }

  // real-sheets-checklist RS-41: rules read with getDataValidations can be set again
  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>): GasRange {
    const grid = checkShape(rules, this.ref.numRows, this.ref.numColumns, 'setDataValidations');
    const models = grid.map((row) => row.map((r) => ruleOf(r)));
    return this.setEach((cell, i, j) => {
      const model = models[i]?.[j] ?? null;
      if (model) cell.validation = model;
      else delete cell.validation;
    });
  }

  setFontColor(color: string | null): GasRange {
    const normalized = normalizeColor(color);
    return this.setEach((cell) => {
      if (normalized === null) delete cell.fontColor;
      else cell.fontColor = normalized;
    });
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.setEach((cell) => {
      if (fontWeight === 'bold') cell.fontWeight = 'bold';
      else delete cell.fontWeight;
    });
  }

  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GasRange {
    const weights = checkShape(fontWeights, this.ref.numRows, this.ref.numColumns, 'setFontWeights');
    return this.setEach((cell, i, j) => {
      if (weights[i]?.[j] === 'bold') cell.fontWeight = 'bold';
      else delete cell.fontWeight;
    });
  }

  /** Stores the formula; the emulator does not calculate, so its value reads as '' until loaded from a file. */
  setFormula(formula: string): GasRange {
    const text = String(formula);
    return this.setEachUncovered((cell) => storeInto(cell, this.formulaInput(text, cell)));
  }

  setFormulas(formulas: string[][]): GasRange {
    const grid = checkShape(formulas, this.ref.numRows, this.ref.numColumns, 'setFormulas');
    return this.setEachUncovered((cell, i, j) => {
      storeInto(cell, this.formulaInput(String(grid[i]?.[j] ?? ''), cell));
    });
  }

  // real-sheets-checklist RS-13: an empty note removes the note.
  setNote(note: string | null): GasRange {
    const text = note === null || note === undefined ? '' : String(note);
    return this.setEach((cell) => {
      if (text === '') delete cell.note;
      else cell.note = text;
    });
  }

  setNotes(notes: Array<Array<string | null>>): GasRange {
    const grid = checkShape(notes, this.ref.numRows, this.ref.numColumns, 'setNotes');
    return this.setEach((cell, i, j) => {
      const note = grid[i]?.[j];
      const text = note === null || note === undefined ? '' : String(note);
      if (text === '') delete cell.note;
      else cell.note = text;
    });
  }

  /** 'General' (or '') puts the cells back on Automatic; any other pattern, '0.###############' too, is kept as written. */
  // real-sheets-checklist RS-08
  setNumberFormat(numberFormat: string): GasRange {
    const format = String(numberFormat);
    return this.setEach((cell) => setFormat(cell, format));
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    const grid = checkShape(numberFormats, this.ref.numRows, this.ref.numColumns, 'setNumberFormats');
    return this.setEach((cell, i, j) => setFormat(cell, String(grid[i]?.[j] ?? '')));
  }

  /** Sets every cell of the range to the same value. */
  setValue(value: unknown): GasRange {
    this.writeValues(() => value);
    return this.self;
  }

  setValues(values: unknown[][]): GasRange {
    const grid = checkShape(values, this.ref.numRows, this.ref.numColumns, 'setValues');
    this.writeValues((i, j) => grid[i]?.[j]);
    return this.self;
  }
}
/** Methods that return one thing per cell of the range. */
const READS_EVERY_CELL: ReadonlySet<string> = new Set([
  'getBackgrounds',
  'getDataValidations',
  'getDisplayValues',
  'getFontColors',
  'getFontWeights',
  'getFormulas',
  'getNotes',
  'getNumberFormats',
  'getValues',
  'isBlank',
  'isChecked',
]);

/** Methods that return what the top-left cell holds. */
const READS_ONE_CELL: ReadonlySet<string> = new Set([
  'getBackground',
  'getDataValidation',
  'getDisplayValue',
  'getFontColor',
  'getFontWeight',
  'getFormula',
  'getNote',
  'getNumberFormat',
  'getValue',
]);

/**
 * The cells a Range call reads and writes, for the cost model: a read returns every cell of the
 * range; a write sets every cell of it; a clear removes what its cells hold (clearing empty cells
 * costs nothing); the rest (getA1Notation, getRow, offset …) describe the range without its cells.
 */
// real-sheets-checklist RS-30: a clear costs by the cells that held something.
export function rangeCells(ref: RangeRef, method: string): CellCount | undefined {
  const all = ref.numRows * ref.numColumns;
  if (READS_EVERY_CELL.has(method)) {
    return { read: all, written: 0, sheet: Math.max(all, ref.sheet.extentCells()) };
  }
  if (READS_ONE_CELL.has(method)) return { read: 1, written: 0 };
  if (method.startsWith('clear')) {
    return { read: 0, written: ref.sheet.heldCells(ref.row, ref.column, ref.numRows, ref.numColumns) };
  }
  if (isMutatingCall(`Range.${method}`)) return { read: 0, written: all };
  return undefined;
}

countCalls(EmuRange, 'Range', RANGE_METHODS, (range, method) => rangeCells(range[RANGE_REF](), method));
