/** The .xlsx file behind the emulated spreadsheet: loading a workbook into WorkbookModel and saving it back (exceljs). */
import ExcelJS from 'exceljs';
import { parseA1, quoteSheetName, columnLetters } from './a1';
import { TOKYO_OFFSET_MS } from './dates';
import { AUTOMATIC_FORMAT, defaultDateFormat, isAutomatic } from './number-format';
import { makeRule, type CriteriaName, type ValidationRule } from './validation';
import { CellError, DateValue, WorkbookModel, type Cell, type RangeRef, type SheetModel } from './workbook';

/**
 * Document properties travel inside the file, in a very hidden sheet that the loader takes out of
 * the spreadsheet again (Sheets and Excel do not show very hidden sheets either). Column A holds
 * the keys, column B the values, all as text.
 */
export const PROPERTIES_SHEET = '_tsunagu_properties';

/** Excel's column width unit is about 7 pixels of its default font; Sheets measures in pixels. */
const PX_PER_WIDTH_UNIT = 7;

const NUMBER_OPERATORS: Record<string, CriteriaName> = {
  between: 'NUMBER_BETWEEN',
  notBetween: 'NUMBER_NOT_BETWEEN',
  equal: 'NUMBER_EQUAL_TO',
  notEqual: 'NUMBER_NOT_EQUAL_TO',
  greaterThan: 'NUMBER_GREATER_THAN',
  greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  lessThan: 'NUMBER_LESS_THAN',
  lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
};

function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

function fromArgb(value: string | undefined): string | undefined {
  if (!value || !/^[0-9A-Fa-f]{8}$/.test(value)) return undefined;
  return `#${value.slice(2).toLowerCase()}`;
}

/** Sheet names Sheets accepts but an .xlsx file cannot hold. */
function checkXlsxName(name: string): void {
  if (name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || name === 'History') {
    throw new Error(
      `Sheet name "${name}" cannot be saved in an .xlsx file (at most 31 characters, none of * ? : \\ / [ ], no quote at either end).`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Saving

function listFormula(values: readonly string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

function rangeFormula(ref: RangeRef): string {
  const start = `$${columnLetters(ref.column)}$${ref.row}`;
  const end = `$${columnLetters(ref.column + ref.numColumns - 1)}$${ref.row + ref.numRows - 1}`;
  return `${quoteSheetName(ref.sheet.name)}!${start}:${end}`;
}

/** A rule as an xlsx data validation; null for criteria an .xlsx file cannot express (they are not saved). */
function toXlsxValidation(rule: ValidationRule): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  };
  const [a, b] = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [listFormula(a as string[])] };
    case 'VALUE_IN_RANGE':
      return { ...common, type: 'list', formulae: [rangeFormula(a as RangeRef)] };
    case 'CHECKBOX':
      // Check boxes are saved as a TRUE/FALSE list, which is how they are read back.
      return {
        ...common,
        type: 'list',
        formulae: [listFormula(rule.args.length === 0 ? ['TRUE', 'FALSE'] : rule.args.map((x) => String(x)))],
      };
    case 'CUSTOM_FORMULA':
      return { ...common, type: 'custom', formulae: [String(a).replace(/^=/, '')] };
    default:
      break;
  }
  const operator = Object.keys(NUMBER_OPERATORS).find((op) => NUMBER_OPERATORS[op] === rule.criteria);
  if (operator) {
    return {
      ...common,
      type: 'decimal',
      operator: operator as ExcelJS.DataValidationOperator,
      formulae: b === undefined ? [a] : [a, b],
    };
  }
  return null;
}

function writeCell(
  target: ExcelJS.Cell,
  cell: Cell,
  validations: Map<ValidationRule, ExcelJS.DataValidation | null>,
): void {
  const value = cell.value;
  let format = isAutomatic(cell.numberFormat) ? undefined : cell.numberFormat;
  // Date cells are saved as Tokyo wall-clock serials, whatever the time zone of this process.
  const excelValue = (v: typeof value): ExcelJS.CellValue => {
    if (v instanceof DateValue) {
      format ??= defaultDateFormat(v.ms);
      return new Date(v.ms + TOKYO_OFFSET_MS);
    }
    if (v instanceof CellError) return { error: v.code as ExcelJS.CellErrorValue['error'] };
    return v ?? null;
  };
  if (cell.formula !== undefined) {
    const result = excelValue(value);
    target.value = {
      formula: cell.formula.slice(1),
      ...(result === null ? {} : { result: result as ExcelJS.CellFormulaValue['result'] }),
    } as ExcelJS.CellFormulaValue;
  } else {
    target.value = excelValue(value);
  }
  if (format !== undefined) target.numFmt = format;
  if (cell.note !== undefined) target.note = cell.note;
  if (cell.background !== undefined) {
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.background) } };
  }
  if (cell.fontWeight === 'bold' || cell.fontColor !== undefined) {
    target.font = {
      ...(cell.fontWeight === 'bold' ? { bold: true } : {}),
      ...(cell.fontColor !== undefined ? { color: { argb: argb(cell.fontColor) } } : {}),
    };
  }
  if (cell.validation) {
    if (!validations.has(cell.validation)) validations.set(cell.validation, toXlsxValidation(cell.validation));
    const dv = validations.get(cell.validation);
    if (dv) target.dataValidation = dv;
  }
}

/** The spreadsheet as an .xlsx file. */
export async function saveWorkbook(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = model.name;
  const validations = new Map<ValidationRule, ExcelJS.DataValidation | null>();
  for (const sheet of model.sheets) {
    checkXlsxName(sheet.name);
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
      views:
        sheet.frozenRows > 0 || sheet.frozenColumns > 0
          ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
          : [],
    });
    for (const [column, px] of sheet.columnWidths) ws.getColumn(column).width = px / PX_PER_WIDTH_UNIT;
    for (const [r, c, cell] of sheet.cells()) writeCell(ws.getCell(r, c), cell, validations);
  }
  if (model.documentProperties.size > 0) {
    const ws = wb.addWorksheet(PROPERTIES_SHEET, { state: 'veryHidden' });
    for (const [key, value] of model.documentProperties) ws.addRow([key, value]);
  }
  const active = model.sheets.indexOf(model.active());
  wb.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' },
  ];
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
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
  if (value instanceof Date) return { value: new DateValue(value.getTime() - TOKYO_OFFSET_MS) };
  if (typeof value === 'string') return value === '' ? {} : { value };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if ('error' in value) return { value: new CellError(value.error) };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? value.formula : undefined;
    const result = readValue((value as ExcelJS.CellFormulaValue).result ?? null);
    return { ...result, ...(formula ? { formula: `=${formula}` } : {}) };
  }
  if ('hyperlink' in value) return { value: String(value.text) };
  return { value: String(value as unknown) };
}

interface PendingRange {
  sheet: SheetModel;
  cells: Array<[number, number]>;
  source: ExcelJS.DataValidation;
}

function splitList(formula: string): string[] {
  return formula
    .slice(1, -1)
    .split(',')
    .map((v) => v.replace(/""/g, '"'));
}

/** An xlsx validation as a rule; null when the emulator has no equivalent (it is dropped). */
function fromXlsxValidation(
  dv: ExcelJS.DataValidation,
  workbook: WorkbookModel,
  fallbackSheet: SheetModel,
): ValidationRule | null {
  const allowInvalid = !(dv.showErrorMessage && (dv.errorStyle === undefined || dv.errorStyle === 'stop'));
  const helpText = dv.prompt ? String(dv.prompt) : null;
  const f1 = dv.formulae?.[0];
  switch (dv.type) {
    case 'list': {
      const text = String(f1 ?? '');
      if (text.startsWith('"') && text.endsWith('"')) {
        const values = splitList(text);
        // real-sheets-checklist RS-28: Sheets exports a check box as a TRUE/FALSE list.
        if (values.length === 2 && values[0]?.toUpperCase() === 'TRUE' && values[1]?.toUpperCase() === 'FALSE') {
          return makeRule('CHECKBOX', [], allowInvalid, helpText);
        }
        return makeRule('VALUE_IN_LIST', [values, true], allowInvalid, helpText);
      }
      const ref = parseA1(text.replace(/\$/g, ''));
      if (!ref || ref.startRow === undefined || ref.startColumn === undefined) return null;
      const sheet = ref.sheetName === undefined ? fallbackSheet : workbook.sheetByName(ref.sheetName);
      if (!sheet) return null;
      const range: RangeRef = {
        sheet,
        row: ref.startRow,
        column: ref.startColumn,
        numRows: (ref.endRow ?? ref.startRow) - ref.startRow + 1,
        numColumns: (ref.endColumn ?? ref.startColumn) - ref.startColumn + 1,
      };
      return makeRule('VALUE_IN_RANGE', [range, true], allowInvalid, helpText);
    }
    case 'decimal':
    case 'whole': {
      const criteria = NUMBER_OPERATORS[dv.operator ?? 'between'];
      if (!criteria) return null;
      const args = (dv.formulae ?? []).map((f) => Number(f));
      return makeRule(criteria, args, allowInvalid, helpText);
    }
    case 'custom':
      return makeRule('CUSTOM_FORMULA', [`=${String(f1 ?? '')}`], allowInvalid, helpText);
    default:
      return null;
  }
}

function sheetDocumentProperties(ws: ExcelJS.Worksheet, into: Map<string, string>): void {
  ws.eachRow((row) => {
    const key = row.getCell(1).value;
    const value = row.getCell(2).value;
    if (key === null || key === undefined || key === '') return;
    into.set(String(key), value === null || value === undefined ? '' : String(value));
  });
}

/** Reads an .xlsx file into a spreadsheet model; its name is the file's title, or fallbackName. */
export async function loadWorkbook(
  data: Uint8Array,
  fallbackName: string,
  idFor: (name: string) => string,
): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  const name = wb.title || fallbackName;
  const model = new WorkbookModel(idFor(name), name);
  const pending: PendingRange[] = [];
  const worksheets = wb.worksheets.filter((ws) => ws.name !== PROPERTIES_SHEET);
  for (const ws of worksheets) model.addSheet(ws.name);
  for (const ws of wb.worksheets) {
    if (ws.name === PROPERTIES_SHEET) sheetDocumentProperties(ws, model.documentProperties);
  }
  worksheets.forEach((ws, index) => {
    const sheet = model.sheets[index] as SheetModel;
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    sheet.tabColor = fromArgb(ws.properties.tabColor?.argb) ?? null;
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
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (xc, c) => {
        const read = readValue(xc.value);
        const cell: Cell = { ...read };
        const format = xc.numFmt;
        if (format && !isAutomatic(format) && format !== AUTOMATIC_FORMAT) cell.numberFormat = format;
        const note = noteText(xc.note);
        if (note) cell.note = note;
        const fill = xc.fill;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
          const color = fromArgb(fill.fgColor?.argb);
          if (color && color !== '#ffffff') cell.background = color;
        }
        if (xc.font?.bold) cell.fontWeight = 'bold';
        const fontColor = fromArgb(xc.font?.color?.argb);
        if (fontColor && fontColor !== '#000000') cell.fontColor = fontColor;
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
      if (!ref || ref.startRow === undefined || ref.startColumn === undefined) continue;
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
  });
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
  return model;
}
