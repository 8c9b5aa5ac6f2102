/**
 * The studio page's script (bundled by esbuild into build/studio-page.js, inlined under the page's
 * nonce): shows /api/book as Sheets shows a spreadsheet with the add-on — grid, tabs, menus, the
 * real sidebar — and runs menu items with their confirmations. Every sheet value goes in through
 * textContent.
 */
import type { BookView, CallCost, CallReport, CellLink, MenuAnswer, SaveState, ShownAlert } from '../page-types';
import { api } from './api';
import { BUTTON_LABELS, ask, showMessage, toast } from './dialogs';
import { byId, parseCell } from './dom';
import { Grid } from './grid';
import { Menus } from './menus';
import { Tabs } from './tabs';

interface State {
  book: BookView | null;
  /** The sheet the page shows (or asks for). */
  shown: string | null;
  busy: number;
  sidebarGeneration: number | null;
  dialogGeneration: number | null;
  /** The number of the latest view asked for: only its answer is shown. */
  view: number;
  /** Tab clicks still on their way: refreshes wait for them. */
  activating: number;
  /** The last selection made by the add-on that this page has seen. */
  selection: number;
  refreshTimer: number;
  /** A cell to select once the sheet it is on arrives (a followed link). */
  pendingSelect: { sheet: string; row: number; column: number } | null;
}

const state: State = {
  book: null,
  shown: null,
  busy: 0,
  sidebarGeneration: null,
  dialogGeneration: null,
  view: 0,
  activating: 0,
  selection: 0,
  refreshTimer: 0,
  pendingSelect: null,
};

function setBusy(delta: number): void {
  state.busy = Math.max(0, state.busy + delta);
  byId('busy').hidden = state.busy === 0;
  menus.setEnabled(state.busy === 0);
}

// ---- the book ----

interface LoadOptions {
  /** A tab click's own load: it does not wait for itself. */
  afterClick?: boolean;
  /** Rows from here on (the grid scrolled). */
  top?: number;
  rows?: number;
}

/** Asks for the shown sheet and renders the answer, unless a newer view was asked for meanwhile. */
function loadBook(options: LoadOptions = {}): Promise<void> {
  if (state.activating > 0 && !options.afterClick) return Promise.resolve();
  const seq = ++state.view;
  let query = `?selection=${state.selection}`;
  if (state.shown) query += `&sheet=${encodeURIComponent(state.shown)}`;
  const top = options.top ?? currentTop();
  if (top !== null) query += `&top=${top}&rows=${options.rows ?? 300}`;
  return api<BookView>('GET', `/api/book${query}`).then((book) => {
    if (seq !== state.view) return;
    if (book.error) {
      toast(book.error);
      return;
    }
    render(book);
  });
}

/** The first row of the window the grid shows now (a refresh keeps the rows in view). */
function currentTop(): number | null {
  const window = state.book?.sheets.find((s) => s.name === state.book?.shownSheet)?.window;
  return state.book?.shownSheet === state.shown && window ? window.firstRow : null;
}

function scheduleRefresh(): void {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = window.setTimeout(() => void loadBook(), 120);
}

function render(book: BookView): void {
  const previous = state.book;
  // A cell the add-on selected (range.activate()) since the last view: the server shows its sheet.
  let target: { row: number; column: number; a1: string } | null = null;
  if (book.selection !== state.selection) {
    state.selection = book.selection;
    if (book.activeRange && book.activeRange.sheet === book.shownSheet) target = book.activeRange;
  }
  if (state.pendingSelect && state.pendingSelect.sheet === book.shownSheet) {
    target = { ...state.pendingSelect, a1: '' };
    state.pendingSelect = null;
  }
  state.book = book;
  state.shown = book.shownSheet;
  document.title = `${book.name} - つなぐ スタジオ`;
  byId('book-name').textContent = book.name;
  renderSaveState(book.save);
  menus.render(book.menus);
  tabs.render(book);
  const sheet = book.sheets.find((s) => s.name === book.shownSheet) ?? null;
  const same = previous !== null && previous.shownSheet === book.shownSheet;
  grid.windowArrived();
  grid.show(sheet, same, target);
  if (target && target.a1.includes(':')) byId('name-box').textContent = target.a1;
  renderSidebar(book.sidebar);
  renderHtmlDialog(book.dialog);
}

function renderSaveState(save: SaveState): void {
  const node = byId('save-state');
  const reload = byId<HTMLButtonElement>('reload-book');
  node.classList.toggle('error', save.state === 'error' || save.state === 'conflict');
  reload.hidden = save.state !== 'conflict';
  if (save.state === 'memory') node.textContent = '保存先なし（メモリ内のみ）';
  else if (save.state === 'conflict') {
    node.textContent = `${save.file ?? ''} はほかのアプリで変更されたため保存していません`;
  } else if (save.state === 'error') node.textContent = `保存できませんでした: ${save.error ?? ''}`;
  else if (save.state === 'saved' && save.at) {
    node.textContent = `${save.file ?? ''} に保存しました（${new Date(save.at).toLocaleTimeString('ja-JP')}）`;
  } else node.textContent = `保存先: ${save.file ?? ''}`;
  if (save.state === 'memory') node.title = 'ブックのファイルを指定せずに起動したため、変更は保存されません';
  else if (save.state === 'conflict') node.title = save.error ?? '';
  else node.title = save.backup ? `最初の保存の前のファイル: ${save.backup}` : '';
}

/** The last call's estimated time in real Apps Script (docs/cost.md), beside the save state. */
function renderCost(cost: CallCost | null | undefined): void {
  if (!cost || !cost.estimatedSeconds) return;
  const node = byId('cost-estimate');
  const n = (x: number): string => Number(x).toLocaleString('ja-JP');
  const { low, high } = cost.estimatedSeconds;
  node.textContent = `Apps Script 推定 ${low.toFixed(1)}–${high.toFixed(1)} 秒`;
  node.title = `直前の実行: サービス呼び出し ${n(cost.calls)} 回、読み取り ${n(cost.cellsRead)} セル、書き込み ${n(cost.cellsWritten)} セル（docs/cost.md のコストモデルによる推定）`;
  node.hidden = false;
}

/** Reloads the file as it is on disk (it changed elsewhere); what was not saved is dropped. */
function reloadBook(): void {
  setBusy(1);
  void api<{ ok: boolean }>('POST', '/api/reload', {}).then((result) => {
    setBusy(-1);
    if (result.error) {
      void showMessage('再読み込みできませんでした', result.error, true);
      return;
    }
    toast('ファイルを読み込み直しました');
    void loadBook({ top: 1 });
  });
}

// ---- menu items and what they tell staff ----

/** The answer to send back for a choice made in the confirmation dialog. */
function answerOf(alert: ShownAlert, choice: { button: string; text: string }): unknown {
  return alert.kind === 'prompt' ? { button: choice.button, text: choice.text } : choice.button;
}

/**
 * Runs one menu item. The server runs it with the decisions answered so far; the first one
 * nobody answered got its safe button (NO / CANCEL), so nothing happened yet. Ask staff now, and
 * if they choose otherwise, run it again with that answer queued.
 */
function runMenu(fn: string, answers: unknown[] = []): Promise<void> {
  setBusy(1);
  return api<MenuAnswer>('POST', `/api/menu/${encodeURIComponent(fn)}`, { answers }).then((result) => {
    setBusy(-1);
    if (!result.alerts)
      return showMessage('エラー', result.error ?? '実行できませんでした', true).then(() => loadBook());
    const pending = result.alerts.find((a) => !a.scripted) ?? null;
    return Promise.resolve(pending ? ask(pending) : null).then((choice) => {
      if (pending && choice && choice.button !== pending.answer) {
        return runMenu(fn, answers.concat([answerOf(pending, choice)]));
      }
      const after = pending ? result.alerts.slice(result.alerts.indexOf(pending) + 1) : result.alerts;
      // The workbook behind the messages is already the new one.
      return loadBook().then(() =>
        report({ ...result, alerts: after, error: result.ok ? undefined : (result as { error: string }).error }),
      );
    });
  });
}

/** Shows what a call told staff: OK alerts as messages, toasts as toasts, a script error as an error. */
function report(outcome: Partial<CallReport> & { error?: string | undefined }): Promise<void> {
  for (const t of outcome.toasts ?? []) toast((t.title ? `${t.title}: ` : '') + t.message);
  renderCost(outcome.cost);
  let chain = Promise.resolve();
  for (const a of outcome.alerts ?? []) {
    if (a.kind === 'alert' && a.buttons === 'OK') {
      chain = chain.then(() => showMessage(a.title, a.message, false));
    } else if (!a.scripted) {
      toast(`確認「${a.title || a.message}」には「${BUTTON_LABELS[a.answer] ?? a.answer}」と答えました`);
    }
  }
  const error = outcome.error;
  if (error) chain = chain.then(() => showMessage('スクリプトのエラー', error, true));
  return chain;
}

// ---- tabs, links and the grid ----

/** A tab click always wins: replies to views asked for before it are dropped, and refreshes wait for it. */
function activate(name: string, then?: { row: number; column: number }): void {
  state.shown = name;
  state.view++;
  state.activating++;
  state.pendingSelect = then ? { sheet: name, ...then } : null;
  setBusy(1);
  void api<{ selection: number }>('POST', '/api/activate', { sheet: name }).then((result) => {
    setBusy(-1);
    state.activating--;
    if (result.error) toast(result.error);
    // Selections the add-on made before the click are over: the clicked sheet stays shown.
    if (typeof result.selection === 'number') state.selection = result.selection;
    return loadBook({ afterClick: true, top: then ? Grid.windowTop(then.row) : 1 });
  });
}

/** A link to a cell of this workbook (検証結果's links): its sheet is shown with the cell selected, as in Sheets. */
function follow(link: CellLink): void {
  const sheet = state.book?.sheets.find((s) => s.id === link.sheetId);
  const cell = parseCell(link.range);
  if (!sheet || !cell) {
    toast('リンク先のシートが見つかりません');
    return;
  }
  if (sheet.hidden) {
    toast(`リンク先の「${sheet.name}」は非表示のシートです`);
    return;
  }
  if (sheet.name === state.shown) {
    grid.select(cell.row, cell.column, true);
    return;
  }
  activate(sheet.name, cell);
}

function toggleCheckbox(row: number, column: number, checked: boolean): void {
  const sheet = state.shown;
  if (!sheet) return;
  setBusy(1);
  void api<{ ok: boolean }>('POST', '/api/checkbox', { sheet, row, column, checked }).then((result) => {
    setBusy(-1);
    if (result.error) toast(result.error);
    return loadBook();
  });
}

function showCell(cell: { a1: string; text: string; note: string } | null): void {
  byId('name-box').textContent = cell ? cell.a1 : '';
  byId('formula-text').textContent = cell ? cell.text : '';
  byId('formula-text').title = cell && cell.note ? `メモ: ${cell.note}` : '';
}

// ---- the add-on sidebar ----

function renderSidebar(sidebar: BookView['sidebar']): void {
  const pane = byId('sidebar');
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  if (!sidebar) {
    pane.hidden = true;
    if (state.sidebarGeneration !== null) frame.src = 'about:blank';
    state.sidebarGeneration = null;
    return;
  }
  byId('sidebar-title').textContent = sidebar.title;
  frame.title = sidebar.title;
  pane.hidden = false;
  if (state.sidebarGeneration !== sidebar.generation) {
    state.sidebarGeneration = sidebar.generation;
    frame.src = `/sidebar?g=${encodeURIComponent(String(sidebar.generation))}`;
  }
}

// ---- an HTML dialog a script showed (the leadership report) ----

function renderHtmlDialog(dialog: BookView['dialog']): void {
  const node = byId<HTMLDialogElement>('html-dialog');
  const frame = byId<HTMLIFrameElement>('html-dialog-frame');
  if (!dialog) {
    if (node.open) node.close();
    if (state.dialogGeneration !== null) frame.src = 'about:blank';
    state.dialogGeneration = null;
    return;
  }
  if (state.dialogGeneration === dialog.generation) return;
  state.dialogGeneration = dialog.generation;
  byId('html-dialog-title').textContent = dialog.title;
  frame.title = dialog.title;
  frame.style.width = `${dialog.width ?? 600}px`;
  frame.style.height = `${dialog.height ?? 400}px`;
  frame.src = `/dialog?g=${encodeURIComponent(String(dialog.generation))}`;
  if (!node.open) node.showModal();
}

function closeHtmlDialog(): void {
  renderHtmlDialog(null);
  void api('POST', '/api/dialog/close', {});
}

function closeSidebar(): void {
  renderSidebar(null);
  void api('POST', '/api/sidebar/close', {});
}

// ---- start ----

const menus = new Menus((fn) => void runMenu(fn));
const tabs = new Tabs((name) => activate(name));
const grid = new Grid(byId('grid-scroll'), {
  needRows: (top, rows) => void loadBook({ top, rows }),
  toggle: toggleCheckbox,
  follow,
  selected: showCell,
});

window.addEventListener('message', (event) => {
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
  const data = event.data as { source?: string; type?: string; detail?: Partial<CallReport> } | null;
  if (!data || data.source !== 'tsunagu-shim') return;
  if (data.type === 'close') closeSidebar();
  else if (data.type === 'ran') {
    void report(data.detail ?? {});
    scheduleRefresh();
  }
});
byId('sidebar-close').addEventListener('click', closeSidebar);
byId('html-dialog-close').addEventListener('click', closeHtmlDialog);
// Escape closes it as the × does (the studio also forgets it).
byId<HTMLDialogElement>('html-dialog').addEventListener('cancel', (event) => {
  event.preventDefault();
  closeHtmlDialog();
});
byId('reload-book').addEventListener('click', reloadBook);
void loadBook();
