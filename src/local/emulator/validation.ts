/** Data validation: the rule model, DataValidationBuilder and DataValidation, and the check Sheets makes for "reject input" rules. */
import { Service, asGas, countCalls } from './calls';
import { outputValue } from './cell-values';
import type { EmulatorContext } from './context';
import { isDate, timeOf } from './dates';
import { DataValidationCriteria, enumName } from './enums';
import { EmuRange } from './range';
import { CellError, DateValue, RANGE_REF, rangeRefOf, type RangeRef, type StoredValue } from './workbook';

type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
export type CriteriaName = keyof typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/**
 * One validation rule, immutable and shared by every cell it was set on. args follow
 * getCriteriaValues: VALUE_IN_LIST [values, showDropdown], VALUE_IN_RANGE [RangeRef, showDropdown],
 * CHECKBOX [] | [checked] | [checked, unchecked], NUMBER_* [n] or [low, high], CUSTOM_FORMULA [formula].
 */
export interface ValidationRule {
  readonly criteria: CriteriaName;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

const RULE: unique symbol = Symbol('tsunagu.emulator.validationRule');

/** The rule behind a DataValidation passed in by a script, or null for null. */
export function ruleOf(validation: unknown): ValidationRule | null {
  if (validation === null || validation === undefined) return null;
  const rule = (validation as { [RULE]?: ValidationRule })[RULE];
  if (!rule)
    throw new Error('Invalid argument: rule (not a DataValidation built by SpreadsheetApp.newDataValidation())');
  return rule;
}

/** The criteria values as getCriteriaValues hands them out: RangeRefs become Range objects again. */
function criteriaValuesOut(ctx: EmulatorContext, rule: ValidationRule): unknown[] {
  return rule.args.map((arg) => {
    if (arg !== null && typeof arg === 'object' && 'sheet' in arg) return new EmuRange(ctx, arg as RangeRef);
    if (Array.isArray(arg)) return [...arg];
    if (arg instanceof DateValue) return new Date(arg.ms);
    return arg;
  });
}

const VALIDATION_METHODS = [
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
] as const satisfies readonly (keyof GasDataValidation)[];

export class EmuDataValidation extends Service implements Pick<GasDataValidation, (typeof VALIDATION_METHODS)[number]> {
  readonly [RULE]: ValidationRule;

  constructor(ctx: EmulatorContext, rule: ValidationRule) {
    super(ctx);
    this[RULE] = rule;
  }

  copy(): GasDataValidationBuilder {
    return asGas(new EmuDataValidationBuilder(this.ctx, this[RULE]));
  }

  getAllowInvalid(): boolean {
    return this[RULE].allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return DataValidationCriteria[this[RULE].criteria];
  }

  getCriteriaValues(): unknown[] {
    return criteriaValuesOut(this.ctx, this[RULE]);
  }

  /** null when the rule has no help text, as Apps Script documents (its typings say string). */
  getHelpText(): string {
    return this[RULE].helpText as string;
  }
}
countCalls(EmuDataValidation, 'DataValidation', VALIDATION_METHODS);

const BUILDER_METHODS = [
  'build',
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
  'requireCheckbox',
  'requireDate',
  'requireFormulaSatisfied',
  'requireNumberBetween',
  'requireNumberEqualTo',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireNumberLessThan',
  'requireNumberLessThanOrEqualTo',
  'requireNumberNotBetween',
  'requireNumberNotEqualTo',
  'requireTextIsEmail',
  'requireTextIsUrl',
  'requireValueInList',
  'requireValueInRange',
  'setAllowInvalid',
  'setHelpText',
  'withCriteria',
] as const satisfies readonly (keyof GasDataValidationBuilder)[];

export class EmuDataValidationBuilder
  extends Service
  implements Pick<GasDataValidationBuilder, (typeof BUILDER_METHODS)[number]>
{
  private criteria: CriteriaName | null;
  private args: readonly unknown[];
  /** New rules warn rather than reject, as in Sheets. */
  private allowInvalid: boolean;
  private helpText: string | null;

  constructor(ctx: EmulatorContext, from?: ValidationRule) {
    super(ctx);
    this.criteria = from?.criteria ?? null;
    this.args = from?.args ?? [];
    // real-sheets-checklist RS-02
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText ?? null;
  }

  private get self(): GasDataValidationBuilder {
    return asGas(this);
  }

  private set(criteria: CriteriaName, args: readonly unknown[]): GasDataValidationBuilder {
    this.criteria = criteria;
    this.args = args;
    return this.self;
  }

  build(): GasDataValidation {
    if (this.criteria === null)
      throw new Error('Data validation rule has no criteria: call one of the require… methods first.');
    const rule: ValidationRule = Object.freeze({
      criteria: this.criteria,
      args: Object.freeze([...this.args]),
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
    return asGas(new EmuDataValidation(this.ctx, rule));
  }

  copy(): GasDataValidationBuilder {
    const copy = new EmuDataValidationBuilder(this.ctx);
    copy.criteria = this.criteria;
    copy.args = this.args;
    copy.allowInvalid = this.allowInvalid;
    copy.helpText = this.helpText;
    return asGas(copy);
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    if (this.criteria === null) return null as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
    return DataValidationCriteria[this.criteria];
  }

  getCriteriaValues(): unknown[] {
    return this.criteria === null
      ? []
      : criteriaValuesOut(this.ctx, { criteria: this.criteria, args: this.args, allowInvalid: true, helpText: null });
  }

  getHelpText(): string | null {
    return this.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GasDataValidationBuilder {
    const args: unknown[] = [];
    if (checkedValue !== undefined) args.push(checkedValue);
    if (uncheckedValue !== undefined) args.push(uncheckedValue);
    return this.set('CHECKBOX', args);
  }

  requireDate(): GasDataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireFormulaSatisfied(formula: string): GasDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): GasDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberEqualTo(number: number): GasDataValidationBuilder {
    return this.set('NUMBER_EQUAL_TO', [Number(number)]);
  }

  requireNumberGreaterThan(number: number): GasDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN', [Number(number)]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GasDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(number)]);
  }

  requireNumberLessThan(number: number): GasDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN', [Number(number)]);
  }

  requireNumberLessThanOrEqualTo(number: number): GasDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(number)]);
  }

  requireNumberNotBetween(start: number, end: number): GasDataValidationBuilder {
    return this.set('NUMBER_NOT_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberNotEqualTo(number: number): GasDataValidationBuilder {
    return this.set('NUMBER_NOT_EQUAL_TO', [Number(number)]);
  }

  requireTextIsEmail(): GasDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GasDataValidationBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown = true): GasDataValidationBuilder {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error('Invalid argument: values (the list of a drop-down must not be empty)');
    }
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), Boolean(showDropdown)]);
  }

  requireValueInRange(range: GasRange, showDropdown = true): GasDataValidationBuilder {
    return this.set('VALUE_IN_RANGE', [rangeRefOf(range), Boolean(showDropdown)]);
  }

  setAllowInvalid(allowInvalidData: boolean): GasDataValidationBuilder {
    this.allowInvalid = Boolean(allowInvalidData);
    return this.self;
  }

  setHelpText(helpText: string): GasDataValidationBuilder {
    this.helpText = String(helpText);
    return this.self;
  }

  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): GasDataValidationBuilder {
    const name = enumName(criteria) as CriteriaName;
    if (!(name in DataValidationCriteria)) throw new Error('Invalid argument: criteria');
    const converted = args.map((arg) => {
      if (isDate(arg)) return new DateValue(timeOf(arg));
      if (arg !== null && typeof arg === 'object' && RANGE_REF in arg) return rangeRefOf(arg);
      return arg;
    });
    return this.set(name, converted);
  }
}
countCalls(EmuDataValidationBuilder, 'DataValidationBuilder', BUILDER_METHODS);

/** A rule built in the emulator's own code (the xlsx loader), without going through the builder. */
export function makeRule(
  criteria: CriteriaName,
  args: readonly unknown[],
  allowInvalid = true,
  helpText: string | null = null,
): ValidationRule {
  return Object.freeze({ criteria, args: Object.freeze([...args]), allowInvalid, helpText });
}

function textOf(value: StoredValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof CellError) return value.code;
  return '';
}

/**
 * Whether a value breaks a rule. Only the criteria Tsunagu relies on are checked (lists, ranges,
 * check boxes, numbers); the others always pass. Blank cells always pass.
 */
export function violates(rule: ValidationRule, value: StoredValue | undefined): boolean {
  if (value === undefined) return false;
  const [a, b] = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return !(a as string[]).includes(textOf(value));
    case 'VALUE_IN_RANGE': {
      const ref = a as RangeRef;
      const allowed = new Set<string>();
      for (let r = 0; r < ref.numRows; r += 1) {
        for (let c = 0; c < ref.numColumns; c += 1) {
          const v = outputValue(ref.sheet.cell(ref.row + r, ref.column + c));
          if (v !== '' && !(v instanceof Date))
            allowed.add(typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
        }
      }
      return !allowed.has(textOf(value));
    }
    case 'CHECKBOX':
      if (rule.args.length === 0) return typeof value !== 'boolean';
      return ![a, b]
        .filter((x) => x !== undefined)
        .map((x) => String(x))
        .includes(textOf(value));
    default:
      break;
  }
  if (rule.criteria.startsWith('NUMBER_')) {
    if (typeof value !== 'number') return true;
    const x = a as number;
    const y = b as number;
    switch (rule.criteria) {
      case 'NUMBER_BETWEEN':
        return value < x || value > y;
      case 'NUMBER_NOT_BETWEEN':
        return value >= x && value <= y;
      case 'NUMBER_EQUAL_TO':
        return value !== x;
      case 'NUMBER_NOT_EQUAL_TO':
        return value === x;
      case 'NUMBER_GREATER_THAN':
        return value <= x;
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return value < x;
      case 'NUMBER_LESS_THAN':
        return value >= x;
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return value > x;
      default:
        return false;
    }
  }
  return false;
}
