/** startStudio: the local studio's HTTP server (127.0.0.1 only) — the page, the real sidebar with its google.script shim, and the JSON API over one Session. */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import type { ScriptedAnswer } from '../emulator/index';
import type { Io } from '../commands/io';
import { printStats, takeStats } from '../commands/stats';
import { sidebarPath } from '../paths';
import { FileChangedError } from '../book-file';
import { Session } from '../session';
import {
  MAX_COLUMNS,
  type MenuView,
  type WindowRequest,
  activateSheet,
  menuFunctions,
  menuViews,
  readBook,
} from './book';
import { parseAnswers, withStudioAnswers } from './dialogs';
import type { BookView, CallReport, SaveState } from './page-types';
import { HttpError, isLocalHost, isSameOrigin, readJsonBody, sendError, sendHtml, sendJson } from './http';
import { pagePolicy, studioPage } from './page';
import { injectShim } from './shim';
import { formListPage, formPage, formPolicy } from './form-view';
import type { PageCheck, SubmitResult } from './form-types';
import {
  AnswerShapeError,
  answersByItemId,
  checkPage,
  respondableForms,
  respondentForm,
  submitAnswers,
  type RespondableForm,
} from '../respond';
import { WireError, decodeRunArgs } from './wire';

export interface StudioOptions {
  session: Session;
  /** The .xlsx the workbook came from; every change is saved back to it. None: kept in memory only. */
  bookPath?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Print each call's service-call counts (tsunagu --stats). */
  stats?: boolean;
  /** Where --stats lines and problems go (the CLI's stdout and stderr); silent by default. */
  io?: Io;
}

export interface StudioHandle {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** Stops accepting requests, lets the running call and its save finish, then closes every connection. */
  close(): Promise<void>;
}

export type { SaveState };

/** Scripts may call these; menus added by the script add their own functions. */
const TRIGGER_FUNCTIONS = ['onOpen', 'onInstall'];
const FUNCTION_NAME = /^[A-Za-z_$][\w$]{0,99}$/;

/** Classes whose selection the page follows. */
const WORKBOOK_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range']);
/** Methods by which a script selects a sheet or a range (sheet.activate(), range.activate(), setActiveRange …). */
const SELECT_METHOD = /^(activate|setActiveSheet|setActiveRange|setActiveSelection|setCurrentCell)$/;

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** Whether the calls a script made selected a sheet or a range, which the page then shows. */
export function madeSelection(calls: Record<string, number>): boolean {
  return Object.keys(calls).some((key) => {
    const [cls, method = ''] = key.split('.');
    return WORKBOOK_CLASSES.has(cls ?? '') && SELECT_METHOD.test(method);
  });
}

class Studio {
  private tail: Promise<unknown> = Promise.resolve();
  private sidebar: { title: string; generation: number } | null = null;
  private dialog: BookView['dialog'] = null;
  /** The page of the dialog shown (as the script gave it). */
  private dialogHtml = '';
  private generation = 0;
  /** Counts the selections scripts made; the page follows one it has not seen yet. */
  private selection = 0;
  private saveState: SaveState;
  private backup: string | undefined;

  constructor(
    private session: Session,
    private readonly bookPath: string | undefined,
    private readonly stats: boolean,
    private readonly io: Io,
  ) {
    this.saveState =
      bookPath === undefined ? { state: 'memory', file: null } : { state: 'idle', file: basename(bookPath) };
    const open = session.emu.ui.sidebar;
    if (open) this.sidebar = { title: open.title, generation: ++this.generation };
  }

  /** One call at a time: the sandbox, the workbook and its save are never shared by two requests. */
  enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Waits until every queued call (and its save) has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private get emu() {
    return this.session.emu;
  }

  /**
   * Runs one script function with the studio's dialog answers, then records what it showed and
   * saves the workbook when it may have changed.
   */
  private async perform<T>(label: string, answers: readonly ScriptedAnswer[], body: () => T) {
    const ui = this.emu.ui;
    // Each call is one Apps Script execution, measured on its own.
    this.emu.stats.reset();
    const changesBefore = this.emu.changeCount;
    const toastsBefore = ui.toasts.length;
    const outcome = withStudioAnswers(ui, answers, body);
    // The locks it still holds are released when it ends.
    this.emu.endExecution();
    const stats = takeStats(this.emu.stats);
    const calls = this.emu.stats.byMethod();
    if (calls['Ui.showSidebar']) {
      this.sidebar = { title: ui.sidebar?.title || 'サイドバー', generation: ++this.generation };
    }
    if (calls['Ui.showModalDialog'] || calls['Ui.showModelessDialog']) {
      const shown = ui.dialogs[ui.dialogs.length - 1];
      if (shown) {
        this.dialogHtml = shown.html;
        this.dialog = { title: shown.title, generation: ++this.generation, width: shown.width, height: shown.height };
      }
    }
    // Selecting a cell, reading or a toast is not a change; only a call that changed the document is.
    const changed = this.emu.changeCount !== changesBefore;
    if (madeSelection(calls)) this.selection++;
    if (this.stats) printStats(this.io, label, stats);
    if (changed) await this.save();
    const report: CallReport = {
      changed,
      alerts: outcome.alerts,
      toasts: ui.toasts.slice(toastsBefore).map((t) => ({ title: t.title, message: t.message })),
      cost: stats.summary,
    };
    return { outcome, report };
  }

  /**
   * Writes the workbook back when it differs from the file: refused, and offered for reloading,
   * when the file changed on disk since it was opened; the first write keeps a backup.
   */
  private async save(): Promise<void> {
    if (this.bookPath === undefined || !this.session.hasUnsavedChanges()) return;
    const file = basename(this.bookPath);
    try {
      const { backup } = await this.session.save();
      if (backup) this.backup = basename(backup);
      this.saveState = {
        state: 'saved',
        file,
        at: new Date().toISOString(),
        ...(this.backup ? { backup: this.backup } : {}),
      };
    } catch (error) {
      const message = messageOf(error);
      this.saveState = { state: error instanceof FileChangedError ? 'conflict' : 'error', file, error: message };
      this.io.err(`保存できませんでした / could not save ${this.bookPath}: ${message}`);
    }
  }

  /** Opens the file again as it is on disk now (after it changed elsewhere); what was not saved is dropped. */
  async reload(): Promise<void> {
    if (this.bookPath === undefined)
      throw new HttpError(409, 'ブックのファイルがありません / no workbook file to reload');
    this.session = await Session.open(this.bookPath, { backups: this.session.backups });
    this.backup = undefined;
    this.saveState = { state: 'idle', file: basename(this.bookPath) };
    this.selection++;
    if (this.sidebar) this.sidebar = { title: this.sidebar.title, generation: ++this.generation };
    await this.open();
  }

  /** The functions a menu call may name: the triggers and what the script's menus point at. */
  private menuCallable(fn: string): boolean {
    const allowed = TRIGGER_FUNCTIONS.includes(fn) || menuFunctions(this.emu.ui.menus).has(fn);
    return allowed && !fn.endsWith('_') && this.session.sandbox.hasFunction(fn);
  }

  async menu(fn: string, answers: readonly ScriptedAnswer[]) {
    if (!this.menuCallable(fn)) throw new HttpError(404, `Script function not found: ${fn}`);
    const { outcome, report } = await this.perform(`menu ${fn}`, answers, () => {
      this.session.invoke(fn);
    });
    if ('error' in outcome) return { ok: false, error: messageOf(outcome.error), ...report };
    return { ok: true, ...report };
  }

  /** google.script.run: only top-level functions, and not the private ones ending in _ (as Apps Script). */
  async run(fn: string, args: unknown[]) {
    if (!FUNCTION_NAME.test(fn) || fn.endsWith('_') || !this.session.sandbox.hasFunction(fn)) {
      return { status: 404, body: { ok: false, error: `Script function not found: ${fn}` } };
    }
    const { outcome, report } = await this.perform(`run ${fn}`, [], () => this.session.run(fn, ...args));
    if ('error' in outcome) return { status: 200, body: { ok: false, error: messageOf(outcome.error), ...report } };
    return { status: 200, body: { ok: true, value: outcome.value ?? null, ...report } };
  }

  /**
   * The page's view of the workbook. `seenSelection` is the last selection the page knows of: when
   * a script has selected a cell since, the sheet of that selection is shown instead of `wanted`,
   * with the rows around the cell.
   */
  book(wanted: string | undefined, seenSelection: number | undefined, rows: WindowRequest): BookView {
    const follow = seenSelection !== undefined && seenSelection !== this.selection;
    const snapshot = readBook(this.emu, wanted, follow, rows);
    return {
      ...snapshot,
      selection: this.selection,
      maxColumns: MAX_COLUMNS,
      sidebar: this.sidebar,
      dialog: this.dialog,
      menus: menuViews(this.emu.ui.menus) satisfies MenuView[],
      save: this.saveState,
    };
  }

  /** A click on a check box in the grid: staff tick or clear it, as in Sheets (a user's edit, saved like any change). */
  async setCheckbox(sheetName: string, row: number, column: number, checked: boolean): Promise<boolean> {
    const sheet = this.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
    if (!sheet || sheet.isSheetHidden() || row > sheet.getMaxRows() || column > sheet.getMaxColumns()) return false;
    const cell = sheet.getRange(row, column);
    if (String(cell.getDataValidation()?.getCriteriaType()) !== 'CHECKBOX') return false;
    const before = this.emu.changeCount;
    if (checked) cell.check();
    else cell.uncheck();
    if (this.emu.changeCount !== before) await this.save();
    return true;
  }

  /** A tab click; the selection number it returns marks every earlier script selection as seen (the click came later). */
  activate(name: string): number | null {
    return activateSheet(this.emu, name) ? this.selection : null;
  }

  closeSidebar(): void {
    this.sidebar = null;
  }

  /** The page of the dialog shown; null when none is open. */
  dialogPage(): string | null {
    return this.dialog ? this.dialogHtml : null;
  }

  closeDialog(): void {
    this.dialog = null;
    this.dialogHtml = '';
  }

  /** The studio's form view: Tsunagu's forms in the emulator. */
  forms(): RespondableForm[] {
    return respondableForms(this.emu);
  }

  private form(formId: string): RespondableForm {
    const form = this.forms().find((f) => f.formId === formId);
    if (!form) throw new HttpError(404, `フォームがありません / no such form: ${formId}`);
    return form;
  }

  formView(formId: string) {
    return respondentForm(this.emu, this.form(formId));
  }

  /** 次へ: the form's messages on one page, and the page that comes next. */
  checkFormPage(formId: string, page: number, answers: Record<string, unknown>): PageCheck {
    const form = this.form(formId);
    return checkPage(this.emu, form, this.pageAnswers(form, answers), page);
  }

  /** 送信: the response stored in the emulated form (its response sheet gains a row, triggers run), and the book saved. */
  async submitForm(formId: string, answers: Record<string, unknown>): Promise<SubmitResult> {
    const form = this.form(formId);
    const result = submitAnswers(this.emu, form, this.pageAnswers(form, answers));
    if (!result.ok) return { ok: false, problems: result.problems, page: result.page };
    const sheet = this.emu.forms.get(formId)?.destination?.sheetName ?? null;
    const row = sheet ? this.emu.sheetValues(sheet).length : null;
    await this.save();
    return { ok: true, confirmationMessage: result.confirmationMessage, row, sheet };
  }

  private pageAnswers(form: RespondableForm, answers: Record<string, unknown>) {
    try {
      return answersByItemId(this.emu, form, answers);
    } catch (error) {
      if (error instanceof AnswerShapeError) throw new HttpError(400, error.message);
      throw error;
    }
  }

  /** Adds the script's menus, as opening the spreadsheet does. */
  async open(): Promise<void> {
    if (!this.session.sandbox.hasFunction('onOpen')) return;
    const { outcome } = await this.perform('onOpen', [], () => this.session.invoke('onOpen'));
    if ('error' in outcome) this.io.err(`onOpen が失敗しました / onOpen failed: ${messageOf(outcome.error)}`);
  }
}

function sidebarPage(): { status: number; html: string } {
  const path = sidebarPath();
  if (!existsSync(path)) {
    return {
      status: 404,
      html: '<!doctype html><meta charset="utf-8"><p>dist/Sidebar.html がありません。先に <code>npm run build</code> を実行してください。<br>dist/Sidebar.html is missing: run <code>npm run build</code>.</p>',
    };
  }
  // Read at every request, so a rebuilt sidebar shows up on the next open.
  return { status: 200, html: injectShim(readFileSync(path, 'utf8')) };
}

/** The sidebar keeps its own scripts and styles (as in Apps Script); the studio only restricts who may frame it. */
const SIDEBAR_POLICY = "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

async function route(studio: Studio, req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  if (!isLocalHost(req, port)) throw new HttpError(421, 'unexpected Host header');
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (method === 'GET' || method === 'HEAD') {
    if (path === '/') {
      const nonce = randomBytes(16).toString('base64');
      sendHtml(res, studioPage(nonce), pagePolicy(nonce));
      return;
    }
    if (path === '/sidebar') {
      const { status, html } = sidebarPage();
      sendHtml(res, html, SIDEBAR_POLICY, status);
      return;
    }
    if (path === '/dialog') {
      // The dialog's page keeps its own scripts (the report's print button), as in Apps Script.
      const html = await studio.enqueue(() => studio.dialogPage());
      if (html === null) throw new HttpError(404, 'no dialog is open');
      sendHtml(res, html, SIDEBAR_POLICY);
      return;
    }
    if (path === '/forms') {
      const nonce = randomBytes(16).toString('base64');
      sendHtml(res, formListPage(nonce, await studio.enqueue(() => studio.forms())), formPolicy(nonce));
      return;
    }
    if (path === '/form') {
      const id = url.searchParams.get('id') ?? '';
      const view = await studio.enqueue(() => studio.formView(id));
      const nonce = randomBytes(16).toString('base64');
      sendHtml(res, formPage(nonce, view), formPolicy(nonce));
      return;
    }
    if (path === '/api/book') {
      const wanted = url.searchParams.get('sheet') ?? undefined;
      const number = (name: string): number | undefined => {
        const text = url.searchParams.get(name);
        return text !== null && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
      };
      const rows: WindowRequest = {};
      const top = number('top');
      const count = number('rows');
      if (top !== undefined && top >= 1) rows.top = top;
      if (count !== undefined && count >= 1) rows.rows = count;
      sendJson(res, 200, await studio.enqueue(() => studio.book(wanted, number('selection'), rows)));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path.startsWith('/api/')) throw new HttpError(405, 'use POST');
    throw new HttpError(404, 'not found');
  }

  if (method !== 'POST') throw new HttpError(405, 'method not allowed');
  if (!isSameOrigin(req, port)) throw new HttpError(403, 'cross-origin request refused');

  const menuMatch = /^\/api\/menu\/([^/]+)$/.exec(path);
  const runMatch = /^\/api\/run\/([^/]+)$/.exec(path);
  const known =
    menuMatch ||
    runMatch ||
    path === '/api/activate' ||
    path === '/api/sidebar/close' ||
    path === '/api/dialog/close' ||
    path === '/api/reload' ||
    path === '/api/checkbox' ||
    path === '/api/form/check' ||
    path === '/api/form/submit';
  if (!known) throw new HttpError(404, 'not found');
  const body = await readJsonBody(req);

  if (menuMatch) {
    const fn = decodeName(menuMatch[1]!);
    const answers = parseAnswers(body.answers);
    if (answers === null) throw new HttpError(400, '"answers" must be a list of buttons (YES, NO, OK, CANCEL, CLOSE)');
    sendJson(res, 200, await studio.enqueue(() => studio.menu(fn, answers)));
    return;
  }
  if (runMatch) {
    const fn = decodeName(runMatch[1]!);
    let args: unknown[];
    try {
      args = decodeRunArgs(body);
    } catch (error) {
      throw new HttpError(400, error instanceof WireError ? error.message : 'unreadable arguments');
    }
    const { status, body: answer } = await studio.enqueue(() => studio.run(fn, args));
    sendJson(res, status, answer);
    return;
  }
  if (path === '/api/activate') {
    const sheet = body.sheet;
    if (typeof sheet !== 'string' || sheet.length > 200) throw new HttpError(400, '"sheet" must be a sheet name');
    const selection = await studio.enqueue(() => studio.activate(sheet));
    if (selection === null) throw new HttpError(404, `シートがありません / no such visible sheet: ${sheet}`);
    sendJson(res, 200, { ok: true, selection });
    return;
  }
  if (path === '/api/checkbox') {
    const { sheet, row, column, checked } = body;
    const position = (n: unknown): n is number =>
      typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10_000_000;
    if (
      typeof sheet !== 'string' ||
      sheet.length > 200 ||
      !position(row) ||
      !position(column) ||
      typeof checked !== 'boolean'
    ) {
      throw new HttpError(400, '"sheet", "row", "column" and "checked" must name a check box cell and its new state');
    }
    const done = await studio.enqueue(() => studio.setCheckbox(sheet, row, column, checked));
    if (!done) throw new HttpError(404, 'チェックボックスのセルではありません / not a check box cell');
    sendJson(res, 200, { ok: true });
    return;
  }
  if (path === '/api/form/check' || path === '/api/form/submit') {
    const { formId, page, answers } = body;
    if (typeof formId !== 'string' || formId.length > 200 || typeof answers !== 'object' || answers === null)
      throw new HttpError(400, '"formId" and "answers" must name a form and hold its answers by item id');
    const given = answers as Record<string, unknown>;
    if (path === '/api/form/submit') {
      sendJson(res, 200, await studio.enqueue(() => studio.submitForm(formId, given)));
      return;
    }
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 0 || page > 10_000)
      throw new HttpError(400, '"page" must be a page index');
    sendJson(res, 200, await studio.enqueue(() => studio.checkFormPage(formId, page, given)));
    return;
  }
  if (path === '/api/reload') {
    await studio.enqueue(() => studio.reload());
    sendJson(res, 200, { ok: true });
    return;
  }
  if (path === '/api/dialog/close') {
    await studio.enqueue(() => studio.closeDialog());
    sendJson(res, 200, { ok: true });
    return;
  }
  studio.closeSidebar();
  sendJson(res, 200, { ok: true });
}

function decodeName(segment: string): string {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'bad function name');
  }
  if (!FUNCTION_NAME.test(name)) throw new HttpError(404, `Script function not found: ${name}`);
  return name;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the studio on one session; the script's onOpen runs first, so its menus are there. */
export async function startStudio(options: StudioOptions): Promise<StudioHandle> {
  const io: Io = options.io ?? { out: () => undefined, err: () => undefined };
  const studio = new Studio(options.session, options.bookPath, options.stats === true, io);
  await studio.enqueue(() => studio.open());
  let actualPort = 0;
  const server = createServer((req, res) => {
    route(studio, req, res, actualPort).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      io.err(`スタジオのエラー / studio error: ${messageOf(error)}`);
      sendError(res, new HttpError(500, messageOf(error)));
    });
  });
  // Keep-alive sockets of a closed page would otherwise hold close() open.
  server.keepAliveTimeout = 5_000;
  actualPort = await listen(server, options.port ?? 8080);
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A call in progress (and its save) finishes before the last connections are cut.
        void studio.idle().then(() => server.closeAllConnections());
      });
      return closing;
    },
  };
}
