/** FormApp: forms created by the script, recorded item by item, linked to a response sheet in the emulated spreadsheet, and answerable from tests. */
import { Service, asGas, countCalls } from './calls';
import { interpretInput, storeInto } from './cell-values';
import type { EmulatorContext } from './context';
import { isDate, timeOf } from './dates';
import { Alignment, DestinationType, FeedbackType, ItemType, PageNavigationType, enumName } from './enums';
import {
  EmuCheckboxValidationBuilder,
  EmuGridValidationBuilder,
  EmuItem,
  EmuParagraphTextValidationBuilder,
  EmuTextValidationBuilder,
  QUESTION_TYPES,
  typedItem,
  type FormItemRecord,
  type FormItemType,
} from './form-items';
import type { SheetModel } from './workbook';

type GasForm = GoogleAppsScript.Forms.Form;

/** An answer a test gives to one question: text, a number (scale), a Date, several choices, or grid rows. */
export type FormAnswer = string | number | Date | string[] | Record<string, string | string[]>;

export interface FormResponseRecord {
  id: string;
  timestamp: Date;
  email: string;
  /** By question title, as submitted. */
  answers: Record<string, FormAnswer>;
}

export interface FormRecord {
  id: string;
  title: string;
  description: string;
  collectEmail: boolean;
  confirmationMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  progressBar: boolean;
  shuffleQuestions: boolean;
  acceptingResponses: boolean;
  publishedUrl: string;
  editUrl: string;
  /** The response sheet in the emulated spreadsheet, once setDestination was called. */
  destination: { type: 'SPREADSHEET'; spreadsheetId: string; sheetName: string } | null;
  items: FormItemRecord[];
  responses: FormResponseRecord[];
}

/** Sheets' ja_JP names in a form's response sheet. */
// real-sheets-checklist RS-27
export const RESPONSE_SHEET_PREFIX = 'フォームの回答 ';
export const TIMESTAMP_HEADER = 'タイムスタンプ';
export const EMAIL_HEADER = 'メールアドレス';

/** A response-sheet column; an item column keeps its last header when the question is deleted, as Sheets does. */
type ResponseColumn =
  { kind: 'timestamp' } | { kind: 'email' } | { kind: 'item'; itemId: number; row?: string; label?: string };

/** One form: its record, and the response sheet it writes to. */
export class FormState {
  destinationSheet: SheetModel | null = null;
  private columns: ResponseColumn[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    readonly record: FormRecord,
  ) {}

  item(id: number): FormItemRecord | undefined {
    return this.record.items.find((item) => item.id === id);
  }

  addItem(type: FormItemType): FormItemRecord {
    const record: FormItemRecord = {
      id: 100_000_000 + this.ctx.nextId(),
      type,
      title: '',
      helpText: '',
      required: false,
    };
    this.record.items.push(record);
    this.changed();
    return record;
  }

  /** Keeps the response sheet's header row in step: new questions get a new column at the end, as in Sheets. */
  changed(): void {
    const sheet = this.destinationSheet;
    if (!sheet) return;
    if (this.record.collectEmail && !this.columns.some((c) => c.kind === 'email')) this.columns.push({ kind: 'email' });
    for (const item of this.record.items) {
      if (!QUESTION_TYPES.has(item.type)) continue;
      const rows = item.type === 'GRID' || item.type === 'CHECKBOX_GRID' ? (item.rows ?? []) : [undefined];
      for (const row of rows) {
        if (!this.columns.some((c) => c.kind === 'item' && c.itemId === item.id && c.row === row)) {
          this.columns.push(
            row === undefined ? { kind: 'item', itemId: item.id } : { kind: 'item', itemId: item.id, row },
          );
        }
      }
    }
    sheet.growTo(1, this.columns.length);
    this.columns.forEach((column, j) => {
      sheet.ensure(1, j + 1).value = this.header(column);
    });
  }

  private header(column: ResponseColumn): string {
    if (column.kind === 'timestamp') return TIMESTAMP_HEADER;
    if (column.kind === 'email') return EMAIL_HEADER;
    const item = this.item(column.itemId);
    if (item) column.label = column.row === undefined ? item.title : `${item.title} [${column.row}]`;
    return column.label ?? '';
  }

  /** Links the form to a new 'フォームの回答 N' sheet, inserted first, as Sheets does. */
  link(spreadsheetId: string): void {
    if (spreadsheetId !== this.ctx.workbook.id) {
      throw new Error(`Invalid argument: id (the emulator only holds spreadsheet ${this.ctx.workbook.id})`);
    }
    if (this.destinationSheet && this.ctx.workbook.sheets.includes(this.destinationSheet)) return;
    let n = 1;
    while (this.ctx.workbook.sheetByName(`${RESPONSE_SHEET_PREFIX}${n}`)) n += 1;
    this.destinationSheet = this.ctx.workbook.addSheet(`${RESPONSE_SHEET_PREFIX}${n}`, 0);
    this.columns = [{ kind: 'timestamp' }];
    this.record.destination = { type: 'SPREADSHEET', spreadsheetId, sheetName: this.destinationSheet.name };
    this.changed();
  }

  unlink(): void {
    this.destinationSheet = null;
    this.columns = [];
    this.record.destination = null;
  }

  /** Records a response and appends it to the response sheet, as a respondent submitting the form would. */
  submit(answers: Record<string, FormAnswer>, options: { timestamp?: Date; email?: string }): FormResponseRecord {
    if (!this.record.acceptingResponses) throw new Error(`The form "${this.record.title}" is not accepting responses.`);
    const byTitle = new Map<string, FormItemRecord>();
    for (const item of this.record.items) if (QUESTION_TYPES.has(item.type)) byTitle.set(item.title, item);
    for (const title of Object.keys(answers)) {
      if (!byTitle.has(title)) throw new Error(`The form "${this.record.title}" has no question titled "${title}".`);
    }
    for (const item of byTitle.values()) checkAnswer(item, answers[item.title]);
    const timestamp = options.timestamp ? new Date(timeOf(options.timestamp)) : this.ctx.now();
    const email = options.email ?? (this.record.collectEmail ? this.ctx.userEmail : '');
    const response: FormResponseRecord = {
      id: `response-${this.ctx.nextId()}`,
      timestamp,
      email,
      answers: structuredClone(answers),
    };
    this.record.responses.push(response);
    const sheet = this.destinationSheet;
    if (sheet && this.ctx.workbook.sheets.includes(sheet)) {
      const row = sheet.lastRow() + 1;
      sheet.growTo(row, this.columns.length);
      this.columns.forEach((column, j) => {
        const value = this.cellFor(column, answers, timestamp, email);
        const written = interpretInput(value, sheet.cell(row, j + 1)?.numberFormat, this.ctx.nowMs());
        if (written.value !== undefined || written.formula !== undefined) storeInto(sheet.ensure(row, j + 1), written);
      });
    }
    return response;
  }

  private cellFor(
    column: ResponseColumn,
    answers: Record<string, FormAnswer>,
    timestamp: Date,
    email: string,
  ): unknown {
    if (column.kind === 'timestamp') return timestamp;
    if (column.kind === 'email') return email;
    const item = this.item(column.itemId);
    if (!item) return '';
    let answer: unknown = answers[item.title];
    if (column.row !== undefined) answer = (answer as Record<string, string | string[]> | undefined)?.[column.row];
    // Several choices are written in one cell, separated by ", ".
    // real-sheets-checklist RS-27
    if (Array.isArray(answer)) return answer.join(', ');
    // Text answers are typed by the respondent, so the sheet parses them like typed text.
    return answer ?? '';
  }
}

function isBlankAnswer(answer: FormAnswer | undefined): boolean {
  if (answer === undefined || answer === '') return true;
  if (Array.isArray(answer)) return answer.length === 0;
  return false;
}

/** Refuses answers a respondent could not give: a missing required answer, or a choice the question does not offer. */
function checkAnswer(item: FormItemRecord, answer: FormAnswer | undefined): void {
  if (isBlankAnswer(answer)) {
    if (item.required) throw new Error(`The question "${item.title}" is required.`);
    return;
  }
  const choices = (item.choices ?? []).map((c) => c.value);
  const offered = (value: string) => choices.includes(value) || (item.otherOption ?? false);
  if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') {
    if (typeof answer !== 'string' || !offered(answer)) {
      throw new Error(`"${String(answer)}" is not a choice of the question "${item.title}".`);
    }
  }
  if (item.type === 'CHECKBOX') {
    const picked = Array.isArray(answer) ? answer : [String(answer)];
    for (const value of picked) {
      if (!offered(value)) throw new Error(`"${value}" is not a choice of the question "${item.title}".`);
    }
  }
  if (item.type === 'SCALE') {
    const n = Number(answer);
    if (!Number.isInteger(n) || n < (item.lowerBound ?? 1) || n > (item.upperBound ?? 5)) {
      throw new Error(`${String(answer)} is outside the scale of the question "${item.title}".`);
    }
  }
  if (item.type === 'DATE' && !isDate(answer) && typeof answer !== 'string') {
    throw new Error(`The question "${item.title}" takes a date.`);
  }
}

/** All forms the script created, inspectable by tests, and a way to answer them. */
export class FormRegistry {
  private readonly states = new Map<string, FormState>();

  constructor(private readonly ctx: EmulatorContext) {}

  /** Internal: a new form (FormApp.create). */
  create(title: string): FormState {
    const id = `tsunagu-form-${String(this.ctx.nextId()).padStart(6, '0')}`;
    const state = new FormState(this.ctx, {
      id,
      title,
      description: '',
      collectEmail: false,
      confirmationMessage: '',
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      progressBar: false,
      shuffleQuestions: false,
      acceptingResponses: true,
      publishedUrl: `https://docs.google.com/forms/d/e/${id}/viewform`,
      editUrl: `https://docs.google.com/forms/d/${id}/edit`,
      destination: null,
      items: [],
      responses: [],
    });
    this.states.set(id, state);
    return state;
  }

  /** Internal: the live state of a form. */
  state(id: string): FormState | undefined {
    return this.states.get(id);
  }

  /** Every form created, in order (copies: changing them changes nothing). */
  get all(): FormRecord[] {
    return [...this.states.values()].map((state) => this.snapshot(state));
  }

  get(id: string): FormRecord | undefined {
    const state = this.states.get(id);
    return state && this.snapshot(state);
  }

  byTitle(title: string): FormRecord | undefined {
    const state = [...this.states.values()].find((s) => s.record.title === title);
    return state && this.snapshot(state);
  }

  /**
   * Submits a response as a respondent would: answers by question title; several choices as an
   * array; grid answers as { row: column }. The row goes to the response sheet.
   */
  submit(
    formId: string,
    answers: Record<string, FormAnswer>,
    options: { timestamp?: Date; email?: string } = {},
  ): FormResponseRecord {
    const state = this.states.get(formId);
    if (!state) throw new Error(`No form with id ${formId}`);
    return structuredClone(state.submit(answers, options));
  }

  private snapshot(state: FormState): FormRecord {
    const record = structuredClone(state.record);
    if (record.destination && state.destinationSheet) record.destination.sheetName = state.destinationSheet.name;
    return record;
  }
}

const FORM_METHODS = [
  'addCheckboxGridItem',
  'addCheckboxItem',
  'addDateItem',
  'addGridItem',
  'addListItem',
  'addMultipleChoiceItem',
  'addPageBreakItem',
  'addParagraphTextItem',
  'addScaleItem',
  'addSectionHeaderItem',
  'addTextItem',
  'addTimeItem',
  'canEditResponse',
  'collectsEmail',
  'deleteItem',
  'getConfirmationMessage',
  'getDescription',
  'getDestinationId',
  'getDestinationType',
  'getEditUrl',
  'getId',
  'getItemById',
  'getItems',
  'getPublishedUrl',
  'getShuffleQuestions',
  'getTitle',
  'hasLimitOneResponsePerUser',
  'hasProgressBar',
  'isAcceptingResponses',
  'removeDestination',
  'setAcceptingResponses',
  'setAllowResponseEdits',
  'setCollectEmail',
  'setConfirmationMessage',
  'setDescription',
  'setDestination',
  'setLimitOneResponsePerUser',
  'setProgressBar',
  'setShuffleQuestions',
  'setTitle',
] as const satisfies readonly (keyof GasForm)[];

export class EmuForm extends Service implements Pick<GasForm, (typeof FORM_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly state: FormState,
  ) {
    super(ctx);
  }

  private get record(): FormRecord {
    return this.state.record;
  }

  private set<K extends keyof FormRecord>(key: K, value: FormRecord[K]): GasForm {
    this.record[key] = value;
    this.state.changed();
    return asGas(this);
  }

  private add<T>(type: FormItemType): T {
    return asGas<T>(typedItem(this.ctx, this.state, this.state.addItem(type)));
  }

  addCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.add('CHECKBOX_GRID');
  }

  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.add('CHECKBOX');
  }

  addDateItem(): GoogleAppsScript.Forms.DateItem {
    return this.add('DATE');
  }

  addGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.add('GRID');
  }

  addListItem(): GoogleAppsScript.Forms.ListItem {
    return this.add('LIST');
  }

  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.add('MULTIPLE_CHOICE');
  }

  addPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.add('PAGE_BREAK');
  }

  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.add('PARAGRAPH_TEXT');
  }

  addScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.add('SCALE');
  }

  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.add('SECTION_HEADER');
  }

  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.add('TEXT');
  }

  addTimeItem(): GoogleAppsScript.Forms.TimeItem {
    return this.add('TIME');
  }

  canEditResponse(): boolean {
    return this.record.allowResponseEdits;
  }

  collectsEmail(): boolean {
    return this.record.collectEmail;
  }

  deleteItem(indexOrItem: number | GoogleAppsScript.Forms.Item): void {
    const items = this.record.items;
    const index =
      typeof indexOrItem === 'number'
        ? indexOrItem
        : items.findIndex((item) => item.id === (indexOrItem as unknown as { record?: FormItemRecord }).record?.id);
    if (!Number.isInteger(index) || index < 0 || index >= items.length) throw new Error('Invalid argument: index');
    items.splice(index, 1);
    this.state.changed();
  }

  getConfirmationMessage(): string {
    return this.record.confirmationMessage;
  }

  getDescription(): string {
    return this.record.description;
  }

  getDestinationId(): string {
    if (!this.record.destination) throw new Error('This form does not currently have a response destination.');
    return this.record.destination.spreadsheetId;
  }

  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    if (!this.record.destination) throw new Error('This form does not currently have a response destination.');
    return DestinationType.SPREADSHEET;
  }

  getEditUrl(): string {
    return this.record.editUrl;
  }

  getId(): string {
    return this.record.id;
  }

  getItemById(id: number): GoogleAppsScript.Forms.Item {
    const record = this.state.item(id);
    return (record ? asGas(new EmuItem(this.ctx, this.state, record)) : null) as GoogleAppsScript.Forms.Item;
  }

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GoogleAppsScript.Forms.Item[] {
    const wanted = itemType === undefined ? null : enumName(itemType);
    return this.record.items
      .filter((record) => wanted === null || record.type === wanted)
      .map((record) => asGas<GoogleAppsScript.Forms.Item>(new EmuItem(this.ctx, this.state, record)));
  }

  getPublishedUrl(): string {
    return this.record.publishedUrl;
  }

  getShuffleQuestions(): boolean {
    return this.record.shuffleQuestions;
  }

  getTitle(): string {
    return this.record.title;
  }

  hasLimitOneResponsePerUser(): boolean {
    return this.record.limitOneResponsePerUser;
  }

  hasProgressBar(): boolean {
    return this.record.progressBar;
  }

  isAcceptingResponses(): boolean {
    return this.record.acceptingResponses;
  }

  removeDestination(): GasForm {
    this.state.unlink();
    return asGas(this);
  }

  setAcceptingResponses(enabled: boolean): GasForm {
    return this.set('acceptingResponses', Boolean(enabled));
  }

  setAllowResponseEdits(enabled: boolean): GasForm {
    return this.set('allowResponseEdits', Boolean(enabled));
  }

  setCollectEmail(collect: boolean): GasForm {
    return this.set('collectEmail', Boolean(collect));
  }

  setConfirmationMessage(message: string): GasForm {
    return this.set('confirmationMessage', String(message));
  }

  setDescription(description: string): GasForm {
    return this.set('description', String(description));
  }

  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): GasForm {
    if (enumName(type) !== 'SPREADSHEET') throw new Error('Invalid argument: type');
    this.state.link(String(id));
    return asGas(this);
  }

  setLimitOneResponsePerUser(enabled: boolean): GasForm {
    return this.set('limitOneResponsePerUser', Boolean(enabled));
  }

  setProgressBar(enabled: boolean): GasForm {
    return this.set('progressBar', Boolean(enabled));
  }

  setShuffleQuestions(shuffle: boolean): GasForm {
    return this.set('shuffleQuestions', Boolean(shuffle));
  }

  setTitle(title: string): GasForm {
    return this.set('title', String(title));
  }
}
countCalls(EmuForm, 'Form', FORM_METHODS);

const FORM_APP_METHODS = [
  'create',
  'createCheckboxGridValidation',
  'createCheckboxValidation',
  'createGridValidation',
  'createParagraphTextValidation',
  'createTextValidation',
  'openById',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.FormApp)[];

type FormAppEnums = 'Alignment' | 'DestinationType' | 'FeedbackType' | 'ItemType' | 'PageNavigationType';

export class EmuFormApp
  extends Service
  implements Pick<GoogleAppsScript.Forms.FormApp, (typeof FORM_APP_METHODS)[number] | FormAppEnums>
{
  readonly Alignment = Alignment;
  readonly DestinationType = DestinationType;
  readonly FeedbackType = FeedbackType;
  readonly ItemType = ItemType;
  readonly PageNavigationType = PageNavigationType;

  constructor(
    ctx: EmulatorContext,
    /** Internal: every form created. */
    readonly registry: FormRegistry,
  ) {
    super(ctx);
  }

  create(title: string): GasForm {
    return asGas(new EmuForm(this.ctx, this.registry.create(String(title))));
  }

  createCheckboxGridValidation(): GoogleAppsScript.Forms.CheckboxGridValidationBuilder {
    return asGas(new EmuGridValidationBuilder(this.ctx));
  }

  createCheckboxValidation(): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    return asGas(new EmuCheckboxValidationBuilder(this.ctx));
  }

  createGridValidation(): GoogleAppsScript.Forms.GridValidationBuilder {
    return asGas(new EmuGridValidationBuilder(this.ctx));
  }

  createParagraphTextValidation(): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
    return asGas(new EmuParagraphTextValidationBuilder(this.ctx));
  }

  createTextValidation(): GoogleAppsScript.Forms.TextValidationBuilder {
    return asGas(new EmuTextValidationBuilder(this.ctx));
  }

  openById(id: string): GasForm {
    const state = this.registry.state(String(id));
    if (!state)
      throw new Error(`No item with the given ID could be found, or you do not have permission to access it.`);
    return asGas(new EmuForm(this.ctx, state));
  }
}
countCalls(EmuFormApp, 'FormApp', FORM_APP_METHODS);
