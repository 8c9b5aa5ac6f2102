/** Form items: the emulated FormApp item classes (TextItem, MultipleChoiceItem, ScaleItem, …), Item, Choice, and the records they keep. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { ItemType, PageNavigationType, enumName } from './enums';
import type { FormState } from './forms';

export type FormItemType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'SCALE'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'DATE'
  | 'TIME'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK';

export type NavigationName = keyof typeof GoogleAppsScript.Forms.PageNavigationType;

export interface ChoiceRecord {
  value: string;
  /** Where a choice leads (multiple-choice and list items with sections). */
  navigation?: NavigationName;
  /** The page-break item a GO_TO_PAGE choice leads to. */
  goToPageId?: number;
  isCorrect?: boolean;
}

/** A validation rule as the builder described it: the require… method and its arguments. */
export interface FormValidationRecord {
  rule: string;
  args: Array<string | number>;
  helpText: string;
}

/** Everything a script set on an item, so a test can check the form exactly. */
export interface FormItemRecord {
  id: number;
  type: FormItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices?: ChoiceRecord[];
  otherOption?: boolean;
  lowerBound?: number;
  upperBound?: number;
  leftLabel?: string;
  rightLabel?: string;
  rows?: string[];
  columns?: string[];
  validation?: FormValidationRecord | null;
  includesYear?: boolean;
  /** For page breaks: where the page before it continues. */
  pageNavigation?: NavigationName;
  goToPageId?: number;
}

/** Items that are questions (and so have a column in the response sheet and can be required). */
export const QUESTION_TYPES: ReadonlySet<FormItemType> = new Set([
  'TEXT',
  'PARAGRAPH_TEXT',
  'MULTIPLE_CHOICE',
  'CHECKBOX',
  'LIST',
  'SCALE',
  'GRID',
  'CHECKBOX_GRID',
  'DATE',
  'TIME',
]);

const VALIDATION: unique symbol = Symbol('tsunagu.emulator.formValidation');

/** A built form validation: an opaque object in Apps Script, carrying its record here. */
export class EmuFormValidation {
  readonly [VALIDATION]: FormValidationRecord;

  constructor(record: FormValidationRecord) {
    this[VALIDATION] = record;
  }
}

function validationOf(validation: unknown): FormValidationRecord {
  const record = (validation as { [VALIDATION]?: FormValidationRecord } | null)?.[VALIDATION];
  if (!record) throw new Error('Invalid argument: validation');
  return { ...record, args: [...record.args] };
}

const CHOICE_METHODS = [
  'getGotoPage',
  'getPageNavigationType',
  'getValue',
  'isCorrectAnswer',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.Choice)[];

export class EmuChoice extends Service implements Pick<GoogleAppsScript.Forms.Choice, (typeof CHOICE_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly form: FormState,
    /** Internal: the choice as recorded. */
    readonly record: ChoiceRecord,
  ) {
    super(ctx);
  }

  getGotoPage(): GoogleAppsScript.Forms.PageBreakItem {
    const target = this.record.goToPageId === undefined ? undefined : this.form.item(this.record.goToPageId);
    const page = target
      ? asGas<GoogleAppsScript.Forms.PageBreakItem>(new EmuPageBreakItem(this.ctx, this.form, target))
      : null;
    return page as GoogleAppsScript.Forms.PageBreakItem;
  }

  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    return PageNavigationType[this.record.navigation ?? 'CONTINUE'];
  }

  getValue(): string {
    return this.record.value;
  }

  isCorrectAnswer(): boolean {
    return this.record.isCorrect ?? false;
  }
}
countCalls(EmuChoice, 'Choice', CHOICE_METHODS);

/** The part every item shares: id, index, title, help text, type. Self is the Apps Script type returned for chaining. */
abstract class ItemBase<Self> extends Service {
  constructor(
    ctx: EmulatorContext,
    protected readonly form: FormState,
    /** Internal: the item as recorded. */
    readonly record: FormItemRecord,
  ) {
    super(ctx);
  }

  protected get self(): Self {
    return asGas<Self>(this);
  }

  /** Records a change, and keeps the response sheet's header in step with the questions. */
  protected changed(): Self {
    this.form.changed();
    return this.self;
  }

  getHelpText(): string {
    return this.record.helpText;
  }

  getId(): number {
    return this.record.id;
  }

  getIndex(): number {
    return this.form.record.items.indexOf(this.record);
  }

  getTitle(): string {
    return this.record.title;
  }

  getType(): GoogleAppsScript.Forms.ItemType {
    return ItemType[this.record.type];
  }

  setHelpText(text: string): Self {
    this.record.helpText = String(text);
    return this.changed();
  }

  setTitle(title: string): Self {
    this.record.title = String(title);
    return this.changed();
  }

  isRequired(): boolean {
    return this.record.required;
  }

  setRequired(enabled: boolean): Self {
    this.record.required = Boolean(enabled);
    return this.changed();
  }

  setValidation(validation: unknown): Self {
    this.record.validation = validationOf(validation);
    return this.changed();
  }

  clearValidation(): Self {
    this.record.validation = null;
    return this.changed();
  }

  /** createChoice(value), (value, isCorrect), (value, pageBreakItem), (value, navigationType). */
  createChoice(value: string, second?: unknown): GoogleAppsScript.Forms.Choice {
    const record: ChoiceRecord = { value: String(value) };
    if (typeof second === 'boolean') record.isCorrect = second;
    else if (second instanceof EmuPageBreakItem) {
      record.navigation = 'GO_TO_PAGE';
      record.goToPageId = second.record.id;
    } else if (second !== undefined) {
      const name = enumName(second);
      if (!(name in PageNavigationType)) throw new Error('Invalid argument: navigation');
      record.navigation = name as NavigationName;
    }
    return asGas(new EmuChoice(this.ctx, this.form, record));
  }

  getChoices(): GoogleAppsScript.Forms.Choice[] {
    return (this.record.choices ?? []).map((choice) =>
      asGas<GoogleAppsScript.Forms.Choice>(new EmuChoice(this.ctx, this.form, { ...choice })),
    );
  }

  setChoices(choices: GoogleAppsScript.Forms.Choice[]): Self {
    if (!Array.isArray(choices) || choices.length === 0)
      throw new Error('Invalid argument: choices (at least one choice)');
    this.record.choices = choices.map((choice) => {
      if (!(choice instanceof EmuChoice)) throw new Error('Invalid argument: choices');
      return { ...choice.record };
    });
    return this.changed();
  }

  setChoiceValues(values: string[]): Self {
    if (!Array.isArray(values) || values.length === 0)
      throw new Error('Invalid argument: values (at least one choice)');
    this.record.choices = values.map((value) => ({ value: String(value) }));
    return this.changed();
  }

  showOtherOption(enabled: boolean): Self {
    this.record.otherOption = Boolean(enabled);
    return this.changed();
  }

  hasOtherOption(): boolean {
    return this.record.otherOption ?? false;
  }
}

/** ItemBase methods that only some item types have. */
const OPTIONAL_ITEM_METHODS = [
  'isRequired',
  'setRequired',
  'setValidation',
  'clearValidation',
  'createChoice',
  'getChoices',
  'setChoices',
  'setChoiceValues',
  'showOtherOption',
  'hasOtherOption',
] as const;

/**
 * Counts an item class's methods and removes the shared ones its Apps Script type does not have
 * (a TextItem has no setChoiceValues), so that calling one fails here as it does in Apps Script.
 */
function itemClass(
  cls: abstract new (...args: never[]) => Service,
  className: string,
  methods: readonly string[],
): void {
  countCalls(cls, className, methods);
  for (const name of OPTIONAL_ITEM_METHODS) {
    if (!methods.includes(name)) Object.defineProperty(cls.prototype, name, { value: undefined, enumerable: false });
  }
}

type Common = 'getHelpText' | 'getId' | 'getIndex' | 'getTitle' | 'getType' | 'setHelpText' | 'setTitle';
const COMMON = ['getHelpText', 'getId', 'getIndex', 'getTitle', 'getType', 'setHelpText', 'setTitle'] as const;
const QUESTION = [...COMMON, 'isRequired', 'setRequired'] as const;
const CHOICES = ['createChoice', 'getChoices', 'setChoices', 'setChoiceValues'] as const;

const TEXT_METHODS = [
  ...QUESTION,
  'setValidation',
  'clearValidation',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.TextItem)[];
export class EmuTextItem
  extends ItemBase<GoogleAppsScript.Forms.TextItem>
  implements Pick<GoogleAppsScript.Forms.TextItem, (typeof TEXT_METHODS)[number]> {}
itemClass(EmuTextItem, 'TextItem', TEXT_METHODS);

const PARAGRAPH_METHODS = [
  ...QUESTION,
  'setValidation',
  'clearValidation',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.ParagraphTextItem)[];
export class EmuParagraphTextItem
  extends ItemBase<GoogleAppsScript.Forms.ParagraphTextItem>
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, (typeof PARAGRAPH_METHODS)[number]> {}
itemClass(EmuParagraphTextItem, 'ParagraphTextItem', PARAGRAPH_METHODS);

const MULTIPLE_CHOICE_METHODS = [
  ...QUESTION,
  ...CHOICES,
  'showOtherOption',
  'hasOtherOption',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.MultipleChoiceItem)[];
export class EmuMultipleChoiceItem
  extends ItemBase<GoogleAppsScript.Forms.MultipleChoiceItem>
  implements Pick<GoogleAppsScript.Forms.MultipleChoiceItem, (typeof MULTIPLE_CHOICE_METHODS)[number]> {}
itemClass(EmuMultipleChoiceItem, 'MultipleChoiceItem', MULTIPLE_CHOICE_METHODS);

const CHECKBOX_METHODS = [
  ...QUESTION,
  'createChoice',
  'getChoices',
  'setChoices',
  'setChoiceValues',
  'showOtherOption',
  'hasOtherOption',
  'setValidation',
  'clearValidation',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.CheckboxItem)[];
export class EmuCheckboxItem
  extends ItemBase<GoogleAppsScript.Forms.CheckboxItem>
  implements Pick<GoogleAppsScript.Forms.CheckboxItem, Exclude<(typeof CHECKBOX_METHODS)[number], 'createChoice'>>
{
  /** Check boxes cannot lead to sections: createChoice(value) or (value, isCorrect) only. */
  override createChoice(value: string, isCorrect?: boolean): GoogleAppsScript.Forms.Choice {
    return super.createChoice(value, isCorrect);
  }
}
itemClass(EmuCheckboxItem, 'CheckboxItem', CHECKBOX_METHODS);

const LIST_METHODS = [...QUESTION, ...CHOICES] as const satisfies readonly (keyof GoogleAppsScript.Forms.ListItem)[];
export class EmuListItem
  extends ItemBase<GoogleAppsScript.Forms.ListItem>
  implements Pick<GoogleAppsScript.Forms.ListItem, (typeof LIST_METHODS)[number]> {}
itemClass(EmuListItem, 'ListItem', LIST_METHODS);

const SCALE_METHODS = [
  ...QUESTION,
  'setBounds',
  'getLowerBound',
  'getUpperBound',
  'setLabels',
  'getLeftLabel',
  'getRightLabel',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.ScaleItem)[];
export class EmuScaleItem
  extends ItemBase<GoogleAppsScript.Forms.ScaleItem>
  implements Pick<GoogleAppsScript.Forms.ScaleItem, (typeof SCALE_METHODS)[number]>
{
  /** Forms allows a lower bound of 0 or 1 and an upper bound of 3 to 10. */
  setBounds(lower: number, upper: number): GoogleAppsScript.Forms.ScaleItem {
    if (![0, 1].includes(lower) || !Number.isInteger(upper) || upper < 3 || upper > 10) {
      throw new Error('Invalid argument: bounds (lower 0 or 1, upper 3 to 10)');
    }
    this.record.lowerBound = lower;
    this.record.upperBound = upper;
    return this.changed();
  }

  getLowerBound(): number {
    return this.record.lowerBound ?? 1;
  }

  getUpperBound(): number {
    return this.record.upperBound ?? 5;
  }

  setLabels(lower: string, upper: string): GoogleAppsScript.Forms.ScaleItem {
    this.record.leftLabel = String(lower);
    this.record.rightLabel = String(upper);
    return this.changed();
  }

  getLeftLabel(): string {
    return this.record.leftLabel ?? '';
  }

  getRightLabel(): string {
    return this.record.rightLabel ?? '';
  }
}
itemClass(EmuScaleItem, 'ScaleItem', SCALE_METHODS);

/** Grid items: rows of statements, columns of answers. */
abstract class GridBase<Self> extends ItemBase<Self> {
  setRows(rows: string[]): Self {
    if (!Array.isArray(rows) || rows.length === 0) throw new Error('Invalid argument: rows');
    this.record.rows = rows.map(String);
    return this.changed();
  }

  getRows(): string[] {
    return [...(this.record.rows ?? [])];
  }

  setColumns(columns: string[]): Self {
    if (!Array.isArray(columns) || columns.length === 0) throw new Error('Invalid argument: columns');
    this.record.columns = columns.map(String);
    return this.changed();
  }

  getColumns(): string[] {
    return [...(this.record.columns ?? [])];
  }
}

const GRID_METHODS = [
  ...QUESTION,
  'setRows',
  'getRows',
  'setColumns',
  'getColumns',
  'setValidation',
  'clearValidation',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.GridItem)[];
export class EmuGridItem
  extends GridBase<GoogleAppsScript.Forms.GridItem>
  implements Pick<GoogleAppsScript.Forms.GridItem, (typeof GRID_METHODS)[number]> {}
itemClass(EmuGridItem, 'GridItem', GRID_METHODS);

const CHECKBOX_GRID_METHODS = GRID_METHODS satisfies readonly (keyof GoogleAppsScript.Forms.CheckboxGridItem)[];
export class EmuCheckboxGridItem
  extends GridBase<GoogleAppsScript.Forms.CheckboxGridItem>
  implements Pick<GoogleAppsScript.Forms.CheckboxGridItem, (typeof CHECKBOX_GRID_METHODS)[number]> {}
itemClass(EmuCheckboxGridItem, 'CheckboxGridItem', CHECKBOX_GRID_METHODS);

const DATE_METHODS = [
  ...QUESTION,
  'setIncludesYear',
  'includesYear',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.DateItem)[];
export class EmuDateItem
  extends ItemBase<GoogleAppsScript.Forms.DateItem>
  implements Pick<GoogleAppsScript.Forms.DateItem, (typeof DATE_METHODS)[number]>
{
  setIncludesYear(enableYear: boolean): GoogleAppsScript.Forms.DateItem {
    this.record.includesYear = Boolean(enableYear);
    return this.changed();
  }

  includesYear(): boolean {
    return this.record.includesYear ?? true;
  }
}
itemClass(EmuDateItem, 'DateItem', DATE_METHODS);

const TIME_METHODS = QUESTION satisfies readonly (keyof GoogleAppsScript.Forms.TimeItem)[];
export class EmuTimeItem
  extends ItemBase<GoogleAppsScript.Forms.TimeItem>
  implements Pick<GoogleAppsScript.Forms.TimeItem, (typeof TIME_METHODS)[number]> {}
itemClass(EmuTimeItem, 'TimeItem', TIME_METHODS);

const SECTION_HEADER_METHODS = COMMON satisfies readonly (keyof GoogleAppsScript.Forms.SectionHeaderItem)[];
export class EmuSectionHeaderItem
  extends ItemBase<GoogleAppsScript.Forms.SectionHeaderItem>
  implements Pick<GoogleAppsScript.Forms.SectionHeaderItem, Common> {}
itemClass(EmuSectionHeaderItem, 'SectionHeaderItem', SECTION_HEADER_METHODS);

const PAGE_BREAK_METHODS = [
  ...COMMON,
  'setGoToPage',
  'getGoToPage',
  'getPageNavigationType',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.PageBreakItem)[];
export class EmuPageBreakItem
  extends ItemBase<GoogleAppsScript.Forms.PageBreakItem>
  implements Pick<GoogleAppsScript.Forms.PageBreakItem, (typeof PAGE_BREAK_METHODS)[number]>
{
  setGoToPage(target: unknown): GoogleAppsScript.Forms.PageBreakItem {
    if (target instanceof EmuPageBreakItem) {
      this.record.pageNavigation = 'GO_TO_PAGE';
      this.record.goToPageId = target.record.id;
    } else {
      const name = enumName(target);
      if (!(name in PageNavigationType)) throw new Error('Invalid argument: goToPageItem');
      this.record.pageNavigation = name as NavigationName;
      delete this.record.goToPageId;
    }
    return this.changed();
  }

  getGoToPage(): GoogleAppsScript.Forms.PageBreakItem {
    const target = this.record.goToPageId === undefined ? undefined : this.form.item(this.record.goToPageId);
    const page = target
      ? asGas<GoogleAppsScript.Forms.PageBreakItem>(new EmuPageBreakItem(this.ctx, this.form, target))
      : null;
    return page as GoogleAppsScript.Forms.PageBreakItem;
  }

  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    return PageNavigationType[this.record.pageNavigation ?? 'CONTINUE'];
  }
}
itemClass(EmuPageBreakItem, 'PageBreakItem', PAGE_BREAK_METHODS);

/** The typed facade for an item record, as add…Item and as…Item return it. */
export function typedItem(ctx: EmulatorContext, form: FormState, record: FormItemRecord): Service {
  switch (record.type) {
    case 'TEXT':
      return new EmuTextItem(ctx, form, record);
    case 'PARAGRAPH_TEXT':
      return new EmuParagraphTextItem(ctx, form, record);
    case 'MULTIPLE_CHOICE':
      return new EmuMultipleChoiceItem(ctx, form, record);
    case 'CHECKBOX':
      return new EmuCheckboxItem(ctx, form, record);
    case 'LIST':
      return new EmuListItem(ctx, form, record);
    case 'SCALE':
      return new EmuScaleItem(ctx, form, record);
    case 'GRID':
      return new EmuGridItem(ctx, form, record);
    case 'CHECKBOX_GRID':
      return new EmuCheckboxGridItem(ctx, form, record);
    case 'DATE':
      return new EmuDateItem(ctx, form, record);
    case 'TIME':
      return new EmuTimeItem(ctx, form, record);
    case 'SECTION_HEADER':
      return new EmuSectionHeaderItem(ctx, form, record);
    case 'PAGE_BREAK':
      return new EmuPageBreakItem(ctx, form, record);
  }
}

const ITEM_METHODS = [
  ...COMMON,
  'asCheckboxGridItem',
  'asCheckboxItem',
  'asDateItem',
  'asGridItem',
  'asListItem',
  'asMultipleChoiceItem',
  'asPageBreakItem',
  'asParagraphTextItem',
  'asScaleItem',
  'asSectionHeaderItem',
  'asTextItem',
  'asTimeItem',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.Item)[];

/** A generic Item, as Form.getItems returns them; as…Item turns it into its typed form. */
export class EmuItem
  extends ItemBase<GoogleAppsScript.Forms.Item>
  implements Pick<GoogleAppsScript.Forms.Item, (typeof ITEM_METHODS)[number]>
{
  private as<T>(type: FormItemType): T {
    if (this.record.type !== type) {
      throw new Error(`Invalid conversion: the item is a ${this.record.type} item, not ${type}.`);
    }
    return asGas<T>(typedItem(this.ctx, this.form, this.record));
  }

  asCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.as('CHECKBOX_GRID');
  }

  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.as('CHECKBOX');
  }

  asDateItem(): GoogleAppsScript.Forms.DateItem {
    return this.as('DATE');
  }

  asGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.as('GRID');
  }

  asListItem(): GoogleAppsScript.Forms.ListItem {
    return this.as('LIST');
  }

  asMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.as('MULTIPLE_CHOICE');
  }

  asPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.as('PAGE_BREAK');
  }

  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.as('PARAGRAPH_TEXT');
  }

  asScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.as('SCALE');
  }

  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.as('SECTION_HEADER');
  }

  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.as('TEXT');
  }

  asTimeItem(): GoogleAppsScript.Forms.TimeItem {
    return this.as('TIME');
  }
}
itemClass(EmuItem, 'Item', ITEM_METHODS);

/** Builds validation records for the four FormApp validation builders. */
export abstract class FormValidationBuilder extends Service {
  private readonly record: FormValidationRecord = { rule: '', args: [], helpText: '' };

  private setRule(rule: string, ...args: Array<string | number>): this {
    this.record.rule = rule;
    this.record.args = args;
    return this;
  }

  build(): EmuFormValidation {
    if (this.record.rule === '') throw new Error('A form validation needs a require… rule before build().');
    return new EmuFormValidation({ ...this.record, args: [...this.record.args] });
  }

  setHelpText(text: string): this {
    this.record.helpText = String(text);
    return this;
  }

  requireNumber(): this {
    return this.setRule('NUMBER');
  }

  requireWholeNumber(): this {
    return this.setRule('WHOLE_NUMBER');
  }

  requireNumberBetween(start: number, end: number): this {
    return this.setRule('NUMBER_BETWEEN', start, end);
  }

  requireNumberNotBetween(start: number, end: number): this {
    return this.setRule('NUMBER_NOT_BETWEEN', start, end);
  }

  requireNumberEqualTo(n: number): this {
    return this.setRule('NUMBER_EQUAL_TO', n);
  }

  requireNumberNotEqualTo(n: number): this {
    return this.setRule('NUMBER_NOT_EQUAL_TO', n);
  }

  requireNumberGreaterThan(n: number): this {
    return this.setRule('NUMBER_GREATER_THAN', n);
  }

  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.setRule('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }

  requireNumberLessThan(n: number): this {
    return this.setRule('NUMBER_LESS_THAN', n);
  }

  requireNumberLessThanOrEqualTo(n: number): this {
    return this.setRule('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }

  requireTextContainsPattern(pattern: string): this {
    return this.setRule('TEXT_CONTAINS_PATTERN', pattern);
  }

  requireTextDoesNotContainPattern(pattern: string): this {
    return this.setRule('TEXT_DOES_NOT_CONTAIN_PATTERN', pattern);
  }

  requireTextMatchesPattern(pattern: string): this {
    return this.setRule('TEXT_MATCHES_PATTERN', pattern);
  }

  requireTextDoesNotMatchPattern(pattern: string): this {
    return this.setRule('TEXT_DOES_NOT_MATCH_PATTERN', pattern);
  }

  requireTextIsEmail(): this {
    return this.setRule('TEXT_IS_EMAIL');
  }

  requireTextIsUrl(): this {
    return this.setRule('TEXT_IS_URL');
  }

  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this.setRule('TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO', n);
  }

  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this.setRule('TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO', n);
  }

  requireSelectAtLeast(n: number): this {
    return this.setRule('SELECT_AT_LEAST', n);
  }

  requireSelectAtMost(n: number): this {
    return this.setRule('SELECT_AT_MOST', n);
  }

  requireSelectExactly(n: number): this {
    return this.setRule('SELECT_EXACTLY', n);
  }

  requireLimitOneResponsePerColumn(): this {
    return this.setRule('LIMIT_ONE_RESPONSE_PER_COLUMN');
  }
}

/** Counts a validation builder's methods and removes the rules its Apps Script type does not offer. */
function builderClass(
  cls: abstract new (...args: never[]) => Service,
  className: string,
  methods: readonly string[],
): void {
  countCalls(cls, className, methods);
  for (const name of Object.getOwnPropertyNames(FormValidationBuilder.prototype)) {
    if (name.startsWith('require') && !methods.includes(name)) {
      Object.defineProperty(cls.prototype, name, { value: undefined, enumerable: false });
    }
  }
}

/** The methods of each Apps Script validation builder, all served by FormValidationBuilder. */
const TEXT_VALIDATION_METHODS = [
  'build',
  'setHelpText',
  'requireNumber',
  'requireWholeNumber',
  'requireNumberBetween',
  'requireNumberNotBetween',
  'requireNumberEqualTo',
  'requireNumberNotEqualTo',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireNumberLessThan',
  'requireNumberLessThanOrEqualTo',
  'requireTextContainsPattern',
  'requireTextDoesNotContainPattern',
  'requireTextMatchesPattern',
  'requireTextDoesNotMatchPattern',
  'requireTextIsEmail',
  'requireTextIsUrl',
  'requireTextLengthGreaterThanOrEqualTo',
  'requireTextLengthLessThanOrEqualTo',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.TextValidationBuilder)[];
export class EmuTextValidationBuilder
  extends FormValidationBuilder
  implements Pick<GoogleAppsScript.Forms.TextValidationBuilder, (typeof TEXT_VALIDATION_METHODS)[number]> {}
builderClass(EmuTextValidationBuilder, 'TextValidationBuilder', TEXT_VALIDATION_METHODS);

const PARAGRAPH_VALIDATION_METHODS = [
  'build',
  'setHelpText',
  'requireTextContainsPattern',
  'requireTextDoesNotContainPattern',
  'requireTextMatchesPattern',
  'requireTextDoesNotMatchPattern',
  'requireTextLengthGreaterThanOrEqualTo',
  'requireTextLengthLessThanOrEqualTo',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.ParagraphTextValidationBuilder)[];
export class EmuParagraphTextValidationBuilder
  extends FormValidationBuilder
  implements
    Pick<GoogleAppsScript.Forms.ParagraphTextValidationBuilder, (typeof PARAGRAPH_VALIDATION_METHODS)[number]> {}
builderClass(EmuParagraphTextValidationBuilder, 'ParagraphTextValidationBuilder', PARAGRAPH_VALIDATION_METHODS);

const CHECKBOX_VALIDATION_METHODS = [
  'build',
  'setHelpText',
  'requireSelectAtLeast',
  'requireSelectAtMost',
  'requireSelectExactly',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.CheckboxValidationBuilder)[];
export class EmuCheckboxValidationBuilder
  extends FormValidationBuilder
  implements Pick<GoogleAppsScript.Forms.CheckboxValidationBuilder, (typeof CHECKBOX_VALIDATION_METHODS)[number]>
{
  /** @types declares CheckboxValidation with builder methods; at run time it is as opaque as the others. */
  override build(): GoogleAppsScript.Forms.CheckboxValidation & EmuFormValidation {
    return super.build() as GoogleAppsScript.Forms.CheckboxValidation & EmuFormValidation;
  }
}
builderClass(EmuCheckboxValidationBuilder, 'CheckboxValidationBuilder', CHECKBOX_VALIDATION_METHODS);

const GRID_VALIDATION_METHODS = [
  'build',
  'setHelpText',
  'requireLimitOneResponsePerColumn',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.GridValidationBuilder)[];
export class EmuGridValidationBuilder
  extends FormValidationBuilder
  implements Pick<GoogleAppsScript.Forms.GridValidationBuilder, (typeof GRID_VALIDATION_METHODS)[number]> {}
builderClass(EmuGridValidationBuilder, 'GridValidationBuilder', GRID_VALIDATION_METHODS);

const CHECKBOX_GRID_VALIDATION_METHODS =
  GRID_VALIDATION_METHODS satisfies readonly (keyof GoogleAppsScript.Forms.CheckboxGridValidationBuilder)[];
export class EmuCheckboxGridValidationBuilder
  extends FormValidationBuilder
  implements
    Pick<GoogleAppsScript.Forms.CheckboxGridValidationBuilder, (typeof CHECKBOX_GRID_VALIDATION_METHODS)[number]> {}
builderClass(EmuCheckboxGridValidationBuilder, 'CheckboxGridValidationBuilder', CHECKBOX_GRID_VALIDATION_METHODS);
