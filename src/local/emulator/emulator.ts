/** Emulator: one spreadsheet-bound Apps Script project offline — its service globals, what it recorded, and its .xlsx file. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { EmuCacheService } from './cache';
import type { CallStats } from './calls';
import { interpretInput, outputValue, storeInto } from './cell-values';
import { EmulatorContext, type WrittenInput } from './context';
import { AuthMode } from './enums';
import { formsContent, formsPathFor, formsToJson, restoreForms } from './forms-file';
import { EmuFormApp, FormRegistry } from './forms';
import { EmuHtmlService } from './html';
import { EmuConsole, EmuLogger, type EmulatedConsole } from './logger';
import { EmuLockService, type LockScope } from './lock';
import { EmuPropertiesService } from './properties';
import { EmuScriptApp, dueBetween, type TriggerRecord } from './script-app';
import { TOKYO, wallClock } from './dates';
import { displayValue } from './number-format';
import { EmuSession } from './session';
import { EmuSheet } from './sheet';
import { snapshotWorkbook, type WorkbookSnapshot } from './snapshot';
import { DEFAULT_SHEET_PREFIX } from './spreadsheet';
import { EmuSpreadsheetApp } from './spreadsheet-app';
import { EmuUi, UiScript } from './ui';
import { EmuUtilities } from './utilities';
import { WorkbookModel, type CellValue, type SheetModel } from './workbook';
import { type XlsxSource, loadWorkbook, newSource } from './xlsx';

export interface EmulatorOptions {
  /** The clock for Session, Utilities, caches and triggers; default () => new Date(). */
  now?: () => Date;
  /** The project's HTML files: name (without .html) → content, for HtmlService. */
  htmlFiles?: Record<string, string>;
  /** Session.getActiveUser().getEmail(); default 'staff@example.org'. */
  userEmail?: string;
  /** The name of a loaded workbook that has no title of its own (default: its file name, or 無題のスプレッドシート). */
  fallbackName?: string;
}

/**
 * The Apps Script globals, typed as @types/google-apps-script declares them so that gas/ code and
 * tests use them unchanged. Only the methods each emulator class lists are implemented; any other
 * method is absent at run time (calling it is a TypeError, never a silent no-op).
 */
export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  FormApp: GoogleAppsScript.Forms.FormApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: EmulatedConsole;
}

/** The event a spreadsheet form-submit trigger receives (Apps Script's e for onFormSubmit in Sheets). */
export interface FormSubmitEvent {
  authMode: GoogleAppsScript.Script.AuthMode;
  /** Header → [the cell's display text] (one value per column with that header). */
  namedValues: Record<string, string[]>;
  /** The response's row in the response sheet. */
  range: GoogleAppsScript.Spreadsheet.Range;
  triggerUid: string;
  /** The row's display texts, timestamp first. */
  values: string[];
}

/** The event a time-driven trigger receives (Apps Script's e for a clock trigger). */
export interface ClockEvent {
  authMode: GoogleAppsScript.Script.AuthMode;
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

/** A trigger that ran: its handler, as whom, and the error it threw (Apps Script would only log it). */
export interface TriggerRun {
  handler: string;
  triggerUid: string;
  /** The account it ran as (its owner). */
  owner: string;
  kind: 'formSubmit' | 'clock';
  /** The response's sheet and row (form submit); null for a time-driven run. */
  sheet: string | null;
  row: number | null;
  /** When it ran, on the emulator clock (ISO). */
  at: string;
  error: string | null;
}

/** Runs a trigger's handler function the way Apps Script does (the sandbox calls the bundle's top-level function). */
export type TriggerRunner = (handler: string, event: FormSubmitEvent | ClockEvent) => void;

/** The ISO week number of a calendar date. */
function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const firstDay = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - firstDay) / 86_400_000 + 1) / 7);
}

/** Sheets' name for a new spreadsheet in Japanese, and for its first sheet. */
export const DEFAULT_SPREADSHEET_NAME = '無題のスプレッドシート';
export const DEFAULT_USER_EMAIL = 'staff@example.org';

/** The same name gives the same id, so that runs (and saved forms' destinations) are reproducible. */
function spreadsheetIdFor(name: string): string {
  return `tsunagu-${createHash('sha256').update(name).digest('base64url').slice(0, 36)}`;
}

export class Emulator {
  readonly globals: EmulatorGlobals;
  /** Service calls so far, by 'Class.method'. */
  readonly stats: CallStats;
  /** Menus, alerts, prompts, sidebars, dialogs and toasts, and the scripted answers to dialogs. */
  readonly ui: UiScript;
  /** Forms created through FormApp, and a way to submit responses to them. */
  readonly forms: FormRegistry;
  /** Logger.log and console.* output, one entry per call. */
  readonly logs: string[];
  /** Form-submit triggers that ran, in order (and any error each threw). */
  readonly triggerRuns: TriggerRun[] = [];
  private readonly ctx: EmulatorContext;
  private readonly lockService: EmuLockService;
  private readonly scriptApp: EmuScriptApp;
  private triggerRunner: TriggerRunner | null = null;
  /** book.forms.json as last read or written (formsContent). */
  private savedForms = '';

  private constructor(
    workbook: WorkbookModel,
    options: EmulatorOptions,
    /** The .xlsx this spreadsheet was loaded from (or an empty one): saving patches it. */
    private readonly source: XlsxSource,
  ) {
    this.ui = new UiScript();
    this.ctx = new EmulatorContext(
      options.now ?? (() => new Date()),
      options.userEmail ?? DEFAULT_USER_EMAIL,
      workbook,
      this.ui,
      { ...(options.htmlFiles ?? {}) },
    );
    this.stats = this.ctx.stats;
    this.logs = this.ctx.logs;
    this.forms = new FormRegistry(this.ctx);
    this.lockService = new EmuLockService(this.ctx);
    this.scriptApp = new EmuScriptApp(this.ctx);
    const globals = {} as EmulatorGlobals;
    Object.assign(globals, {
      SpreadsheetApp: new EmuSpreadsheetApp(this.ctx, new EmuUi(this.ctx)),
      // Template scriptlets see the same globals as the script.
      HtmlService: new EmuHtmlService(this.ctx, globals),
      FormApp: new EmuFormApp(this.ctx, this.forms),
      LockService: this.lockService,
      PropertiesService: new EmuPropertiesService(this.ctx),
      CacheService: new EmuCacheService(this.ctx),
      ScriptApp: this.scriptApp,
      Session: new EmuSession(this.ctx),
      Utilities: new EmuUtilities(this.ctx),
      Logger: new EmuLogger(this.ctx),
      console: new EmuConsole(this.ctx),
    });
    this.globals = Object.freeze(globals);
    this.ctx.formSubmitted = (sheet, row, columns) => this.fireFormSubmit(sheet, row, columns);
    this.markFormsSaved();
  }

  /** Who runs trigger handlers: the sandbox, in a Session; without one, runs are recorded with no error. */
  setTriggerRunner(runner: TriggerRunner | null): void {
    this.triggerRunner = runner;
  }

  /**
   * A response reached its response sheet: each spreadsheet form-submit trigger of this
   * spreadsheet runs with the event Apps Script gives. A handler that throws does not undo the
   * response (Apps Script runs triggers after the fact); its error is recorded.
   */
  // real-sheets-checklist RS-50
  private fireFormSubmit(sheet: SheetModel, row: number, columns: number): void {
    const triggers = this.scriptApp.store
      .all()
      .filter((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === this.ctx.workbook.id);
    if (triggers.length === 0) return;
    const values: string[] = [];
    const namedValues: Record<string, string[]> = {};
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.cell(row, c);
      const text = displayValue(cell?.value, cell?.numberFormat);
      values.push(text);
      const header = displayValue(sheet.cell(1, c)?.value, sheet.cell(1, c)?.numberFormat);
      (namedValues[header] ??= []).push(text);
    }
    for (const trigger of triggers) {
      const event: FormSubmitEvent = {
        authMode: AuthMode.FULL,
        namedValues,
        range: new EmuSheet(this.ctx, sheet).rangeAt(row, 1, 1, columns),
        triggerUid: trigger.id,
        values,
      };
      this.runTrigger(trigger, 'formSubmit', event, sheet.name, row);
    }
  }

  /**
   * Runs one trigger's handler as Apps Script does: as the trigger's owner, with no Ui (and, for a
   * time-driven one, no active spreadsheet); an error is recorded, never thrown at the caller.
   */
  // real-sheets-checklist RS-57
  private runTrigger(
    trigger: TriggerRecord,
    kind: TriggerRun['kind'],
    event: FormSubmitEvent | ClockEvent,
    sheet: string | null,
    row: number | null,
  ): TriggerRun {
    const user = this.ctx.userEmail;
    const before = this.ctx.triggerKind;
    this.ctx.userEmail = trigger.owner;
    this.ctx.triggerKind = kind === 'clock' ? 'clock' : 'spreadsheet';
    const at = this.ctx.now().toISOString();
    let error: string | null = null;
    try {
      this.triggerRunner?.(trigger.handlerFunction, event);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    } finally {
      this.ctx.userEmail = user;
      this.ctx.triggerKind = before;
      // Each trigger run is an execution of its own: its locks go with it.
      this.lockService.releaseAll();
    }
    const run: TriggerRun = {
      handler: trigger.handlerFunction,
      triggerUid: trigger.id,
      owner: trigger.owner,
      kind,
      sheet,
      row,
      at,
      error,
    };
    this.triggerRuns.push(run);
    return run;
  }

  /** Runs one time-driven trigger now (whatever its schedule), as its owner. */
  runClockTrigger(uid: string): TriggerRun {
    const trigger = this.scriptApp.store.all().find((t) => t.id === uid && t.eventType === 'CLOCK');
    if (!trigger) throw new Error(`No time-driven trigger ${uid}`);
    const now = this.ctx.now();
    const timezone = trigger.schedule?.timezone ?? TOKYO;
    const parts = wallClock(now.getTime(), timezone);
    const event: ClockEvent = {
      authMode: AuthMode.FULL,
      triggerUid: trigger.id,
      year: parts.year,
      month: parts.month,
      'day-of-month': parts.day,
      'day-of-week': parts.weekday === 0 ? 7 : parts.weekday,
      'week-of-year': isoWeek(parts.year, parts.month, parts.day),
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
      timezone,
    };
    return this.runTrigger(trigger, 'clock', event, null, null);
  }

  /** The time-driven triggers with a firing time after `from` and at or before `to` (dueBetween). */
  dueClockTriggers(from: Date, to: Date): TriggerRecord[] {
    return this.scriptApp.store
      .all()
      .filter((t) => t.eventType === 'CLOCK' && t.schedule !== null && dueBetween(t.schedule, from, to));
  }

  /** Acts as another account from now on (Session, the triggers it sees and creates): 引き継ぐ in tests. */
  actAs(email: string): void {
    this.ctx.userEmail = email;
  }

  /** The account the script runs as now. */
  get userEmail(): string {
    return this.ctx.userEmail;
  }

  /** Puts back triggers kept beside the workbook (book.triggers.json). */
  restoreTriggers(records: readonly TriggerRecord[]): void {
    this.scriptApp.store.restore(records);
    for (const record of records) {
      const n = Number(record.id) - 7_000_000_000;
      if (Number.isInteger(n)) this.ctx.sequenceAtLeast(n);
    }
  }

  /** The forms as the text of book.forms.json. */
  formsJson(): string {
    return formsToJson(this.forms, this.ctx);
  }

  /** Reads forms saved for this spreadsheet (book.forms.json); returns how many. They count as saved. */
  loadFormsJson(text: string): number {
    const n = restoreForms(text, this.forms, this.ctx);
    this.markFormsSaved();
    return n;
  }

  /** Whether there are forms (so book.forms.json is worth writing). */
  get hasForms(): boolean {
    return this.forms.liveStates().length > 0;
  }

  /** After writing book.forms.json: the forms as they are now are what the file holds. */
  markFormsSaved(): void {
    this.savedForms = formsContent(this.forms, this.ctx);
  }

  /** Whether the forms differ from what book.forms.json holds (a new form, an item, a response). */
  formsChangedSinceSave(): boolean {
    return formsContent(this.forms, this.ctx) !== this.savedForms;
  }

  /** An empty spreadsheet with one sheet, シート1 (1000 × 26), as Sheets creates it. */
  static create(name: string = DEFAULT_SPREADSHEET_NAME, options: EmulatorOptions = {}): Emulator {
    const workbook = new WorkbookModel(spreadsheetIdFor(name), name);
    workbook.addSheet(`${DEFAULT_SHEET_PREFIX}1`);
    return new Emulator(workbook, options, newSource(name));
  }

  /** A spreadsheet loaded from an .xlsx file (a path or its bytes). */
  static async fromXlsx(file: string | Uint8Array, options: EmulatorOptions = {}): Promise<Emulator> {
    const data = typeof file === 'string' ? new Uint8Array(await readFile(file)) : file;
    const fallbackName =
      options.fallbackName ?? (typeof file === 'string' ? basename(file, extname(file)) : DEFAULT_SPREADSHEET_NAME);
    const { model, source } = await loadWorkbook(data, fallbackName, spreadsheetIdFor);
    const emu = new Emulator(model, options, source);
    // Forms live in Drive, not in the spreadsheet: the CLI and the studio keep them beside the file.
    if (typeof file === 'string' && existsSync(formsPathFor(file)))
      emu.loadFormsJson(await readFile(formsPathFor(file), 'utf8'));
    return emu;
  }

  /**
   * The spreadsheet as .xlsx bytes: the loaded file patched with what changed since it was loaded
   * (values, formats, notes, fills, merges, frozen rows, validation, sheets and document
   * properties); everything else in the file is kept as it was.
   */
  async toXlsx(): Promise<Uint8Array> {
    return this.source.save(this.ctx.workbook);
  }

  /** Whether the spreadsheet differs from what its .xlsx held when loaded or last saved. */
  hasUnsavedChanges(): boolean {
    return this.source.hasChanges(this.ctx.workbook) || this.formsChangedSinceSave();
  }

  /**
   * How many service calls so far changed the document (a selection, a read or a toast does not):
   * compare two readings to know whether something ran that needs saving.
   */
  get changeCount(): number {
    return this.ctx.changes;
  }

  /** Saves the workbook, and its forms (if it has any) as book.forms.json beside it. */
  async saveXlsx(path: string): Promise<void> {
    await writeFile(path, await this.toXlsx());
    if (this.hasForms || existsSync(formsPathFor(path))) {
      await writeFile(formsPathFor(path), this.formsJson());
      this.markFormsSaved();
    }
  }

  /** Time-driven and spreadsheet triggers the script created and has not deleted. */
  get triggers(): TriggerRecord[] {
    return this.scriptApp.store.all();
  }

  /** The spreadsheet's id (what Spreadsheet.getId() returns). */
  get spreadsheetId(): string {
    return this.ctx.workbook.id;
  }

  /** The emulator clock: the given clock plus time slept or spent waiting for locks. */
  now(): Date {
    return this.ctx.now();
  }

  private sheetModel(name: string): SheetModel {
    const sheet = this.ctx.workbook.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  /** The used range of a sheet as getValues would return it ([] for an empty sheet); not a service call. */
  sheetValues(name: string): CellValue[][] {
    const sheet = this.sheetModel(name);
    const lastRow = sheet.lastRow();
    const lastColumn = sheet.lastColumn();
    const rows: CellValue[][] = [];
    for (let r = 1; r <= lastRow; r += 1) {
      const row: CellValue[] = [];
      for (let c = 1; c <= lastColumn; c += 1) row.push(outputValue(sheet.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  /**
   * Replaces a sheet's values with rows written from A1 (the sheet is created at the end when
   * missing, the grid grows to fit). Values are taken as setValues takes them, so '0123' in a cell
   * not formatted as text becomes 123, as it would in Sheets. Formats, notes and validation stay.
   * Not a service call.
   */
  setSheetValues(name: string, rows: readonly (readonly unknown[])[]): void {
    const workbook = this.ctx.workbook;
    const sheet = workbook.sheetByName(name) ?? workbook.addSheet(name);
    sheet.clear({ contents: true, formats: false, notes: false, validations: false });
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    sheet.growTo(rows.length, width);
    const now = this.ctx.nowMs();
    rows.forEach((row, i) => {
      row.forEach((value, j) => {
        const existing = sheet.cell(i + 1, j + 1);
        const written = interpretInput(value, existing?.numberFormat, now);
        if (!existing && written.value === undefined && written.formula === undefined) return;
        storeInto(sheet.ensure(i + 1, j + 1), written);
      });
    });
  }

  /**
   * Fault injection: the n-th mutating service call from now (1-based) throws as Apps Script does
   * when a quota or time limit hits, before it changes anything; null disarms. Resets the count.
   */
  failAtMutation(n: number | null): void {
    this.ctx.faults.arm(n);
  }

  /**
   * The whole workbook as plain data (cells with values, formulas, formats, notes, fills, fonts and
   * rules; sheets, order, visibility, grid; developer metadata; document properties). Not a service call.
   */
  snapshot(): WorkbookSnapshot {
    return snapshotWorkbook(this.ctx.workbook);
  }

  /**
   * Starts recording every value the script passes to setValue(s), as passed (so a test can see
   * whether text was written guarded, whatever Sheets then made of it). Returns the live list.
   */
  recordInputs(): WrittenInput[] {
    this.ctx.inputLog = [];
    return this.ctx.inputLog;
  }

  /** Stops recording what the script writes (the list recordInputs gave keeps what it has). */
  stopRecordingInputs(): void {
    this.ctx.inputLog = null;
  }

  /** The mutating service calls since the last failAtMutation (or the start), in order. */
  get mutations(): readonly string[] {
    return this.ctx.faults.mutations;
  }

  /** Simulates another user holding (true) or releasing (false) the document lock. */
  holdDocumentLockElsewhere(held = true): void {
    this.holdLockElsewhere('document', held);
  }

  holdLockElsewhere(scope: LockScope, held = true): void {
    this.lockService.states[scope].heldElsewhere = held;
  }

  /** Ends the current execution: Apps Script releases the locks it still holds. */
  endExecution(): void {
    this.lockService.releaseAll();
  }
}
