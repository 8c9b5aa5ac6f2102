/** Data validation between the emulator's rules and .xlsx data validations (list, range, check box, number, custom formula). */
import type ExcelJS from 'exceljs';
import { parseA1, quoteSheetName, columnLetters } from './a1';
import { makeRule, type CriteriaName, type ValidationRule } from './validation';
import type { RangeRef, SheetModel, WorkbookModel } from './workbook';

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

function listFormula(values: readonly string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

function rangeFormula(ref: RangeRef): string {
  const start = `$${columnLetters(ref.column)}$${ref.row}`;
  const end = `$${columnLetters(ref.column + ref.numColumns - 1)}$${ref.row + ref.numRows - 1}`;
  return `${quoteSheetName(ref.sheet.name)}!${start}:${end}`;
}

/** A rule as an xlsx data validation; null for criteria an .xlsx file cannot express (they are not saved). */
export function toXlsxValidation(rule: ValidationRule): ExcelJS.DataValidation | null {
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

function splitList(formula: string): string[] {
  return formula
    .slice(1, -1)
    .split(',')
    .map((v) => v.replace(/""/g, '"'));
}

/** An xlsx validation as a rule; null when the emulator has no equivalent (it is dropped). */
export function fromXlsxValidation(
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

const ruleKeys = new WeakMap<ValidationRule, string>();

/** A rule's identity for comparing two cells' validation (two rules built alike are the same rule). */
export function ruleKey(rule: ValidationRule | undefined): string {
  if (!rule) return '';
  const cached = ruleKeys.get(rule);
  if (cached !== undefined) return cached;
  const args = rule.args.map((a) =>
    a !== null && typeof a === 'object' && 'sheet' in (a as object) ? rangeFormula(a as RangeRef) : JSON.stringify(a),
  );
  const key = JSON.stringify([rule.criteria, args, rule.allowInvalid, rule.helpText]);
  // A range rule names its sheet, which may be renamed: only rules without ranges are remembered.
  if (!rule.args.some((a) => a !== null && typeof a === 'object' && 'sheet' in (a as object))) ruleKeys.set(rule, key);
  return key;
}
