// Shared setup of the real-browser tests: Debian's Chromium through playwright-core, the studio
// page's menu and sidebar, demo workbooks, and reading a saved workbook back from disk.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Frame, type Page, chromium } from 'playwright-core';
import { main } from '../../src/local/cli';
import { projectRoot } from '../../src/local/paths';
import { Session } from '../../src/local/session';
import { type StudioHandle, startStudio } from '../../src/local/studio/server';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing reaching the network and a profile of its own. */
export async function launch(profile: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  }
  // playwright-core takes the fresh user-data-dir as launchPersistentContext's first argument
  // (it refuses a --user-data-dir flag in args); the other flags are passed as given.
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'ja-JP',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Page errors and console errors of a page and its frames; a CSP violation shows up here too. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** 拡張機能 → Tsunagu → the item that calls `fn`. */
export async function openMenuItem(page: Page, fn: string): Promise<void> {
  await page.getByTestId('menu-extensions').click();
  await page.getByTestId('menu-addon').first().hover();
  await page.locator(`[data-testid="menu-item"][data-fn="${fn}"]`).click();
}

/** The add-on sidebar's iframe, once it has loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  await page.getByTestId('sidebar').waitFor({ state: 'visible' });
  const handle = await page.getByTestId('sidebar-frame').elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  await frame.waitForLoadState('load');
  return frame;
}

/** The visible sheet tabs of the studio page, in order. */
export async function tabNames(page: Page): Promise<string[]> {
  return page.getByTestId('sheet-tab').allTextContents();
}

/** Writes `tsunagu demo <book> …args` and fails with the CLI's output when it does not exit 0. */
export async function createDemoBook(book: string, args: readonly string[] = []): Promise<void> {
  const out: string[] = [];
  const code = await main(['demo', book, ...args], { out: (t) => out.push(t), err: (t) => out.push(t) });
  if (code !== 0) throw new Error(`tsunagu demo failed (${code}): ${out.join('\n')}`);
}

/** test-results/ at the project root, created when missing. */
export function resultsDir(): string {
  const dir = join(projectRoot(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One sheet of a workbook as saved on disk: its display values, and helpers to find cells by header. */
export interface SavedSheet {
  rows: string[][];
  /** 0-based index of the header cell with this text in row 1; throws when there is none. */
  column(header: string): number;
  /** The display value of the 1-based row and the column with this header. */
  cell(row: number, header: string): string;
}

/** Reopens the .xlsx the studio saved (a fresh Session, as a later `tsunagu` run would) and reads one sheet. */
export async function readSavedSheet(book: string, name: string): Promise<SavedSheet> {
  const session = await Session.open(book);
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`the saved workbook has no sheet ${name}`);
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues();
  const header = rows[0] ?? [];
  const column = (text: string): number => {
    const index = header.indexOf(text);
    if (index < 0) throw new Error(`${name} has no column ${text} (headers: ${header.join(', ')})`);
    return index;
  };
  return { rows, column, cell: (row, text) => rows[row - 1]?.[column(text)] ?? '' };
}

/** 'C13' → { row: 13, column: 3 } (both 1-based). */
export function parseA1(a1: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`not a cell address: ${a1}`);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** The studio grid's cell of a 1-based sheet row and column (it exists once its rows are in view). */
export function gridCell(page: Page, row: number, column: number) {
  return page.locator(`table.grid td[data-r="${row}"][data-c="${column}"]`);
}

/** Clicks a sheet tab and waits until the grid of that sheet is fully built. */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page
    .getByTestId('sheet-tab')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  await page.locator(`table.grid[data-complete="true"][aria-label="${name}"]`).waitFor({ timeout: 15_000 });
}

/** Chromium showing the studio on a session, with the sidebar a menu item opened. */
export interface StudioInBrowser {
  readonly studio: StudioHandle;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly frame: Frame;
  /** Page and console errors, as watchErrors collects them. */
  readonly errors: string[];
}

/**
 * Starts the studio on `session` (saving to `bookPath` when given), opens it in Chromium with a
 * profile in `temp`, and opens the sidebar through 拡張機能 → Tsunagu → the item that calls `menu`.
 */
export async function openStudio(
  temp: string,
  session: Session,
  options: { readonly bookPath?: string; readonly menu: string },
): Promise<StudioInBrowser> {
  const studio = await startStudio({
    session,
    ...(options.bookPath === undefined ? {} : { bookPath: options.bookPath }),
    port: 0,
  });
  let context: BrowserContext | undefined;
  try {
    context = await launch(join(temp, 'profile'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(studio.url);
    await page.locator('table.grid').waitFor();
    await openMenuItem(page, options.menu);
    const frame = await sidebarFrame(page);
    return { studio, context, page, frame, errors };
  } catch (error) {
    await context?.close();
    await studio.close();
    throw error;
  }
}

/** Closes what openStudio opened (when it did) and removes the test's temp folder. */
export async function closeStudio(temp: string, opened: StudioInBrowser | undefined): Promise<void> {
  await opened?.context.close();
  await opened?.studio.close();
  rmSync(temp, { recursive: true, force: true });
}

/**
 * Presses the sidebar's button `testId` (a run's 中止) at the first moment a part is under way: as
 * soon as the shell has locked the panel for a server call (a control marked data-busy-lock) while
 * the button is there. Deterministic where a click timed by the test would race the parts; and a
 * button the lock disabled would ignore the press, so the run would go on to its end.
 */
export async function pressWhileBusy(frame: Frame, testId: string): Promise<void> {
  // Runs in the sidebar's page (a string: the tests are compiled without the DOM's types).
  await frame.evaluate(`(() => {
    const observer = new MutationObserver(() => {
      const button = document.querySelector('[data-testid="${testId}"]');
      if (!button || document.querySelector('[data-busy-lock]') === null) return;
      observer.disconnect();
      button.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
}
