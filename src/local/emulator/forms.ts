/** FormApp: forms created by the script, recorded item by item, published or not, linked to a response sheet in the emulated spreadsheet, and answerable from tests, the CLI and the studio. */
import { Service, asGas, countCalls } from './calls';
import { interpretInput, storeInto } from './cell-values';
import type { EmulatorContext } from './context';
import { isDate, timeOf } from './dates';
import { Alignment, DestinationType, FeedbackType, ItemType, PageNavigationType, enumName } from './enums';
import {
  EmuCheckboxGridValidationBuilder,
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
import { checkAnswer, pagesOf, visitedPages, type FormAnswer } from './form-respond';
import type { SheetModel } from './workbook';

export { FormRejection, type FormAnswer } from './form-respond';

type GasForm = GoogleAppsScript.Forms.Form;

export interface FormResponseRecord {
  id: string;
  timestamp: Date;
  email: string;
  /** By question title, as submitted (answers to pages the respondent did not reach are not kept). */
  answers: Record<string, FormAnswer>;
}

export interface FormRecord {
  id: string;
  /** The id in the published URL (/forms/d/e/<publishedId>/viewform), which is not the form's id. */
  publishedId: string;
  title: string;
  description: string;
  collectEmail: boolean;
  confirmationMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  progressBar: boolean;
  shuffleQuestions: boolean;
  /** Published (visible to respondents); an unpublished form never accepts responses. */
  published: boolean;
  acceptingResponses: boolean;
  publishedUrl: string;
  editUrl: string;
  /** The forms.gle address, once Form.shortenFormUrl was asked for it. */
  shortUrl: string | null;
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

/**
 * A response-sheet column. An item column follows its question's title while it holds no answers;
 * once answers are in it, an edited title gets a new column and the old one keeps its header and
 * answers (docs/real-sheets-checklist.md, RS-47). A deleted question's column stays as it was.
 */
export type ResponseColumn =
  | { kind: 'timestamp' }
  | { kind: 'email' }
  | { kind: 'item'; itemId: number; row?: string; label: string; live: boolean };

/** A deterministic stand-in for an id Google makes up: letters and digits from a hash of the seed. */
export function madeUpId(seed: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let h = 0x811c9dc5;
  for (let k = 0; k < seed.length; k++) h = Math.imul(h ^ seed.charCodeAt(k), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    h = Math.imul(h ^ (i + 0x9e), 0x01000193) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

/** One form: its record, and the response sheet it writes to. */
export class FormState {
  destinationSheet: SheetModel | null = null;
  columns: ResponseColumn[] = [];
  /** Deleted in Drive: every call on the form fails, and it can no longer be opened. */
  deleted = false;

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

  /** True when a response-sheet column holds an answer below its header. */
  private hasAnswers(index: number): boolean {
    const sheet = this.destinationSheet;
    if (!sheet) return false;
    for (let r = 2; r <= sheet.lastRow(); r++) {
      const v = sheet.cell(r, index + 1)?.value;
      if (v !== undefined && v !== null && v !== '') return true;
    }
    return false;
  }

  /** Keeps the response sheet's header row in step with the questions, as Sheets does. */
  // real-sheets-checklist RS-47: an edited title gets a new column once answers are in the old one.
  changed(): void {
    const sheet = this.destinationSheet;
    if (!sheet) return;
    if (this.record.collectEmail && !this.columns.some((c) => c.kind === 'email')) this.columns.push({ kind: 'email' });
    const live = new Set<string>();
    for (const item of this.record.items) {
      if (!QUESTION_TYPES.has(item.type)) continue;
      const rows = item.type === 'GRID' || item.type === 'CHECKBOX_GRID' ? (item.rows ?? []) : [undefined];
      for (const row of rows) {
        const label = row === undefined ? item.title : `${item.title} [${row}]`;
        live.add(`${item.id}\u0000${row ?? ''}`);
        const index = this.columns.findIndex(
          (c) => c.kind === 'item' && c.live && c.itemId === item.id && c.row === row,
        );
        const column = this.columns[index];
        if (column && column.kind === 'item') {
          if (column.label === label) continue;
          if (!this.hasAnswers(index)) {
            column.label = label;
            continue;
          }
          column.live = false;
        }
        this.columns.push(
          row === undefined
            ? { kind: 'item', itemId: item.id, label, live: true }
            : { kind: 'item', itemId: item.id, row, label, live: true },
        );
      }
    }
    // Columns of deleted questions and removed grid rows stay, with their last header.
    for (const c of this.columns) {
      if (c.kind === 'item' && c.live && !live.has(`${c.itemId}\u0000${c.row ?? ''}`)) c.live = false;
    }
    sheet.growTo(1, this.columns.length);
    this.columns.forEach((column, j) => {
      sheet.ensure(1, j + 1).value =
        column.kind === 'timestamp' ? TIMESTAMP_HEADER : column.kind === 'email' ? EMAIL_HEADER : column.label;
    });
  }

  /** Links the form to a new 'フォームの回答 N' sheet, inserted first, as Sheets does. */
  link(spreadsheetId: string): void {
    if (spreadsheetId !== this.ctx.workbook.id) {
      throw new Error(`Invalid argument: id (the emulator only holds spreadsheet ${this.ctx.workbook.id})`);
    }
    if (this.destinationSheet && this.ctx.workbook.sheets.includes(this.destinationSheet)) return;
    let n = 1;
    while (this.ctx.workbook.sheetByName(`${RESPONSE_SHEET_PREFIX}${n}`)) n += 1;
    const sheet = this.ctx.workbook.addSheet(`${RESPONSE_SHEET_PREFIX}${n}`, 0);
    this.attach(sheet, [{ kind: 'timestamp' }]);
    this.record.destination = { type: 'SPREADSHEET', spreadsheetId, sheetName: sheet.name };
    this.changed();
  }

  /** Binds the response sheet (when linking, or when a saved form is read back). */
  attach(sheet: SheetModel, columns: ResponseColumn[]): void {
    this.destinationSheet = sheet;
    this.columns = columns;
    this.ctx.formLinks.set(sheet, this.record.editUrl);
  }

  unlink(): void {
    if (this.destinationSheet) this.ctx.formLinks.delete(this.destinationSheet);
    this.destinationSheet = null;
    this.columns = [];
    this.record.destination = null;
  }

  /**
   * Records a response and appends it to the response sheet, as a respondent submitting the form
   * would: only the pages on the respondent's path count (answers to other pages are dropped, as
   * Forms drops them), required questions and validations are checked there, and the
   * spreadsheet's form-submit triggers run. Throws FormRejection with the form's own message
   * when it refuses an answer.
   */
  // real-sheets-checklist RS-50: typed numbers lose leading zeros in the response sheet.
  submit(answers: Record<string, FormAnswer>, options: { timestamp?: Date; email?: string }): FormResponseRecord {
    if (!this.record.published) throw new Error(`The form "${this.record.title}" is not published.`);
    if (!this.record.acceptingResponses) throw new Error(`The form "${this.record.title}" is not accepting responses.`);
    const titles = new Set<string>();
    for (const item of this.record.items) if (QUESTION_TYPES.has(item.type)) titles.add(item.title);
    for (const title of Object.keys(answers)) {
      if (!titles.has(title)) throw new Error(`The form "${this.record.title}" has no question titled "${title}".`);
    }
    const pages = pagesOf(this.record.items);
    const kept: Record<string, FormAnswer> = {};
    for (const index of visitedPages(this.record.items, answers)) {
      for (const item of pages[index] ?? []) {
        if (!QUESTION_TYPES.has(item.type)) continue;
        const answer = answers[item.title];
        checkAnswer(item, answer);
        if (answer !== undefined) kept[item.title] = answer;
      }
    }
    const timestamp = options.timestamp ? new Date(timeOf(options.timestamp)) : this.ctx.now();
    const email = options.email ?? (this.record.collectEmail ? this.ctx.userEmail : '');
    const response: FormResponseRecord = {
      id: `response-${this.ctx.nextId()}`,
      timestamp,
      email,
      answers: structuredClone(kept),
    };
    this.record.responses.push(response);
    const sheet = this.destinationSheet;
    if (sheet && this.ctx.workbook.sheets.includes(sheet)) {
      const row = sheet.lastRow() + 1;
      sheet.growTo(row, this.columns.length);
      this.columns.forEach((column, j) => {
        const value = this.cellFor(column, kept, timestamp, email);
        const written = interpretInput(value, sheet.cell(row, j + 1)?.numberFormat, this.ctx.nowMs());
        if (written.value !== undefined || written.formula !== undefined) storeInto(sheet.ensure(row, j + 1), written);
      });
      this.ctx.formSubmitted?.(sheet, row, this.columns.length);
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
    const item = column.live ? this.item(column.itemId) : undefined;
    if (!item) return '';
    let answer: unknown = answers[item.title];
    if (column.row !== undefined) answer = (answer as Record<string, string | string[]> | undefined)?.[column.row];
    // Several choices are written in one cell, separated by ", ".
    // real-sheets-checklist RS-27
    if (Array.isArray(answer)) return answer.join(', ');
    // Text answers are typed by the respondent, so the sheet parses them like typed text (an answer
    // starting with = becomes a formula): real-sheets-checklist RS-65.
    return answer ?? '';
  }
}

/** All forms the script created, inspectable by tests, and a way to answer them. */
export class FormRegistry {
  private readonly states = new Map<string, FormState>();

  constructor(private readonly ctx: EmulatorContext) {}

  /** Internal: a new form (FormApp.create). */
  // real-sheets-checklist RS-46: the published URL has an id of its own.
  create(title: string, published: boolean): FormState {
    const id = `tsunagu-form-${String(this.ctx.nextId()).padStart(6, '0')}`;
    const publishedId = `1FAIpQLS${madeUpId(`${this.ctx.workbook.id}/${id}`, 48)}`;
    const state = new FormState(this.ctx, {
      id,
      publishedId,
      title,
      description: '',
      collectEmail: false,
      confirmationMessage: '',
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      progressBar: false,
      shuffleQuestions: false,
      published,
      // An unpublished form does not accept responses (Forms API PublishState).
      acceptingResponses: published,
      publishedUrl: `https://docs.google.com/forms/d/e/${publishedId}/viewform`,
      editUrl: `https://docs.google.com/forms/d/${id}/edit`,
      shortUrl: null,
      destination: null,
      items: [],
      responses: [],
    });
    this.states.set(id, state);
    return state;
  }

  /** Internal: the live state of a form; undefined once it was deleted in Drive. */
  state(id: string): FormState | undefined {
    const state = this.states.get(id);
    return state && !state.deleted ? state : undefined;
  }

  /** Internal: every form not deleted, in creation order. */
  liveStates(): FormState[] {
    return [...this.states.values()].filter((s) => !s.deleted);
  }

  /** Internal: a form read back from the file saved next to the workbook. */
  restore(state: FormState): void {
    this.states.set(state.record.id, state);
  }

  // real-sheets-checklist RS-49
  /**
   * Deletes a form in Drive, as staff might: it can no longer be opened and every call on it
   * fails; its response sheet stays in the spreadsheet with its answers.
   */
  deleteInDrive(id: string): void {
    const state = this.states.get(id);
    if (!state) throw new Error(`No form with id ${id}`);
    state.deleted = true;
    if (state.destinationSheet) this.ctx.formLinks.delete(state.destinationSheet);
  }

  /** Every form created and not deleted, in order (copies: changing them changes nothing). */
  get all(): FormRecord[] {
    return this.liveStates().map((state) => this.snapshot(state));
  }

  get(id: string): FormRecord | undefined {
    const state = this.state(id);
    return state && this.snapshot(state);
  }

  byTitle(title: string): FormRecord | undefined {
    const state = this.liveStates().find((s) => s.record.title === title);
    return state && this.snapshot(state);
  }

  /**
   * Submits a response as a respondent would: answers by question title; several choices as an
   * array; grid answers as { row: column } ({ row: [columns] } for check-box grids). The row goes
   * to the response sheet; a refused answer throws FormRejection with the form's own message.
   */
  submit(
    formId: string,
    answers: Record<string, FormAnswer>,
    options: { timestamp?: Date; email?: string } = {},
  ): FormResponseRecord {
    const state = this.state(formId);
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
  'getResponses',
  'getShuffleQuestions',
  'getTitle',
  'hasLimitOneResponsePerUser',
  'hasProgressBar',
  'isAcceptingResponses',
  'moveItem',
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
  'shortenFormUrl',
] as const satisfies readonly (keyof GasForm)[];

/**
 * Publishing, added to Apps Script in 2025 (FormApp.create(title, isPublished), Form.isPublished,
 * Form.setPublished) and not yet in @types/google-apps-script.
 */
export interface FormPublishing {
  isPublished(): boolean;
  setPublished(enabled: boolean): GasForm;
}
const PUBLISH_METHODS = ['isPublished', 'setPublished'] as const satisfies readonly (keyof FormPublishing)[];

export class EmuForm extends Service implements Pick<GasForm, (typeof FORM_METHODS)[number]>, FormPublishing {
  constructor(
    ctx: EmulatorContext,
    private readonly state: FormState,
  ) {
    super(ctx);
  }

  private get record(): FormRecord {
    // real-sheets-checklist RS-49: a form deleted in Drive fails every call.
    if (this.state.deleted) {
      throw new Error('No item with the given ID could be found, or you do not have permission to access it.');
    }
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

  // real-sheets-checklist RS-58: responses are read one call per response and per answer; the shapes of getResponse.
  /** Every response, oldest first: one FormResponse each, whose answers are read call by call. */
  getResponses(): GoogleAppsScript.Forms.FormResponse[] {
    return this.record.responses.map((r) =>
      asGas<GoogleAppsScript.Forms.FormResponse>(new EmuFormResponse(this.ctx, this.state, r)),
    );
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

  isPublished(): boolean {
    return this.record.published;
  }

  // real-sheets-checklist RS-45
  /** Publishing also opens the form for responses; unpublishing closes it (Forms API PublishState). */
  setPublished(enabled: boolean): GasForm {
    this.record.published = Boolean(enabled);
    this.record.acceptingResponses = Boolean(enabled);
    return asGas(this);
  }

  /** moveItem(item, toIndex) or moveItem(fromIndex, toIndex). */
  moveItem(from: number | GoogleAppsScript.Forms.Item, toIndex: number): GoogleAppsScript.Forms.Item {
    const items = this.record.items;
    const index =
      typeof from === 'number'
        ? from
        : items.findIndex((item) => item.id === (from as unknown as { record?: FormItemRecord }).record?.id);
    if (!Number.isInteger(index) || index < 0 || index >= items.length) throw new Error('Invalid argument: from');
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= items.length)
      throw new Error('Invalid argument: toIndex');
    const [moved] = items.splice(index, 1);
    items.splice(toIndex, 0, moved as FormItemRecord);
    this.state.changed();
    return asGas(new EmuItem(this.ctx, this.state, moved as FormItemRecord));
  }

  // real-sheets-checklist RS-46
  /** A forms.gle address for the form's published URL, the same on every call. */
  shortenFormUrl(url: string): string {
    if (String(url) !== this.record.publishedUrl)
      throw new Error("Invalid argument: url (not this form's published URL)");
    if (!this.record.shortUrl) this.record.shortUrl = `https://forms.gle/${madeUpId(this.record.publishedId, 17)}`;
    return this.record.shortUrl;
  }

  removeDestination(): GasForm {
    this.state.unlink();
    return asGas(this);
  }

  // real-sheets-checklist RS-45
  /** An unpublished form stays closed: Forms forces isAcceptingResponses to false until it is published. */
  setAcceptingResponses(enabled: boolean): GasForm {
    return this.set('acceptingResponses', Boolean(enabled) && this.record.published);
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

  // real-sheets-checklist RS-52: linking works under the add-on's scopes; found again by getFormUrl.
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

const FORM_RESPONSE_METHODS = [
  'getId',
  'getTimestamp',
  'getRespondentEmail',
  'getItemResponses',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.FormResponse)[];

/** One submitted response (Form.getResponses): its answers as ItemResponses, in the form's item order. */
export class EmuFormResponse
  extends Service
  implements Pick<GoogleAppsScript.Forms.FormResponse, (typeof FORM_RESPONSE_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly state: FormState,
    private readonly response: FormResponseRecord,
  ) {
    super(ctx);
  }

  getId(): string {
    return this.response.id;
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    return new Date(timeOf(this.response.timestamp));
  }

  getRespondentEmail(): string {
    return this.response.email;
  }

  getItemResponses(): GoogleAppsScript.Forms.ItemResponse[] {
    const out: GoogleAppsScript.Forms.ItemResponse[] = [];
    for (const item of this.state.record.items) {
      const answer = this.response.answers[item.title];
      if (answer === undefined || !QUESTION_TYPES.has(item.type)) continue;
      out.push(asGas(new EmuItemResponse(this.ctx, this.state, item, answer)));
    }
    return out;
  }
}
countCalls(EmuFormResponse, 'FormResponse', FORM_RESPONSE_METHODS);

const ITEM_RESPONSE_METHODS = [
  'getItem',
  'getResponse',
] as const satisfies readonly (keyof GoogleAppsScript.Forms.ItemResponse)[];

/** One answer of a response: its item, and the answer as Apps Script gives it (text, a list, or rows of lists for grids). */
export class EmuItemResponse
  extends Service
  implements Pick<GoogleAppsScript.Forms.ItemResponse, (typeof ITEM_RESPONSE_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly state: FormState,
    private readonly item: FormItemRecord,
    private readonly answer: FormAnswer,
  ) {
    super(ctx);
  }

  getItem(): GoogleAppsScript.Forms.Item {
    return asGas(new EmuItem(this.ctx, this.state, this.item));
  }

  getResponse(): string | string[] | string[][] {
    const a = this.answer;
    if (this.item.type === 'GRID' || this.item.type === 'CHECKBOX_GRID') {
      const byRow = a as Record<string, string | string[]>;
      // A grid: one entry per row (a check-box grid: the columns ticked in it); a row not answered is null.
      return (this.item.rows ?? []).map((row) => {
        const v = byRow[row];
        if (this.item.type === 'GRID') return typeof v === 'string' ? v : null;
        return Array.isArray(v) ? [...v] : typeof v === 'string' ? [v] : null;
      }) as string[] | string[][];
    }
    if (Array.isArray(a)) return [...a];
    // A date answer comes back as YYYY-MM-DD text (the day in Japan, the forms' time zone here).
    if (isDate(a)) return new Date(timeOf(a) + 9 * 3_600_000).toISOString().slice(0, 10);
    return String(a);
  }
}
countCalls(EmuItemResponse, 'ItemResponse', ITEM_RESPONSE_METHODS);
countCalls(EmuForm, 'Form', PUBLISH_METHODS);

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

  // real-sheets-checklist RS-45, RS-51
  /** create(title) makes a published form; create(title, false) an unpublished one. */
  create(title: string, isPublished?: boolean): GasForm {
    return asGas(
      new EmuForm(
        this.ctx,
        this.registry.create(String(title), isPublished === undefined ? true : Boolean(isPublished)),
      ),
    );
  }

  createCheckboxGridValidation(): GoogleAppsScript.Forms.CheckboxGridValidationBuilder {
    return asGas(new EmuCheckboxGridValidationBuilder(this.ctx));
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
