// The studio in real Chromium (playwright-core): the menu opens the real sidebar, calls round-trip, sheet text stays text, confirmations ask, Japanese renders.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import { type StudioHandle, startStudio } from '../../src/local/studio/server';
import {
  createDemoBook,
  gridCell,
  launch,
  openMenuItem,
  resultsDir,
  showSheet,
  sidebarFrame,
  tabNames,
  watchErrors,
} from './helpers';

// The browser globals the page.evaluate callbacks use. This file is type-checked with Node's libs
// (tsconfig.json has no DOM), so they are declared here, for this file only.
interface Canvas2d {
  font: string;
  fillStyle: string;
  textBaseline: string;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
declare const window: {
  __x?: number;
  google: { script: { host: { close(): void } } };
  parent: { postMessage(data: unknown, origin: string): void };
  location: { origin: string };
};
declare const document: {
  documentElement: { lang: string };
  body: object;
  fonts: { ready: Promise<unknown>; check(font: string): boolean };
  createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null };
};
declare function getComputedStyle(element: object): { position: string; backgroundColor: string; fontFamily: string };

const XSS_NAME = '<img src=x onerror="window.__x=1">';
const XSS_NOTE = '<b onmouseover="window.__x=2">メモ</b>';
const ROSTER = 'ボランティア名簿';
const HIDDEN = '相談記録';

describe('studio in Chromium', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-browser-'));
  const book = join(temp, 'demo.xlsx');
  let context: BrowserContext;
  let studio: StudioHandle;
  let page: Page;
  let errors: string[];
  let sheetNames: string[];
  let visibleNames: string[];
  const lastRows = new Map<string, number>();
  const lastRowOf = (name: string): number => lastRows.get(name) ?? 0;

  beforeAll(async () => {
    await createDemoBook(book);

    // Staff typed markup into a name and a note, and hid one sheet.
    const prepared = await Session.open(book);
    const roster = prepared.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROSTER)!;
    const headers = roster.getRange(1, 1, 1, roster.getLastColumn()).getDisplayValues()[0]!;
    const nameColumn = headers.indexOf('氏名') + 1;
    expect(nameColumn).toBeGreaterThan(0);
    roster.getRange(2, nameColumn).setValue(XSS_NAME).setNote(XSS_NOTE).setBackground('#fce8b2');
    prepared.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HIDDEN)!.hideSheet();
    await prepared.save(book);

    const session = await Session.open(book);
    const sheets = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets();
    sheetNames = sheets.map((s) => s.getName());
    visibleNames = sheets.filter((s) => !s.isSheetHidden()).map((s) => s.getName());
    for (const s of sheets) lastRows.set(s.getName(), s.getLastRow());
    studio = await startStudio({ session, bookPath: book, port: 0 });
    context = await launch(join(temp, 'profile'));
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(studio.url);
    await page.locator('table.grid').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await studio?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('shows the workbook name, the visible sheets as tabs and not the hidden one', async () => {
    await poll(() => page.getByTestId('book-name').textContent()).toBe('つなぐ デモ');
    const tabs = await tabNames(page);
    expect(tabs).toEqual(visibleNames);
    expect(tabs).not.toContain(HIDDEN);
  });

  it('lists the menu items onOpen registered under 拡張機能 → Tsunagu', async () => {
    await page.getByTestId('menu-extensions').click();
    await page.getByTestId('menu-addon').hover();
    await poll(() => page.getByTestId('menu-item').allTextContents()).toEqual([
      'シート準備',
      '検証',
      'マッチング',
      'アンケート作成',
      '指標サマリー',
      '指標サマリーの報告書',
      'サイドバーを開く',
    ]);
    await page.keyboard.press('Escape');
  });

  it('opens the real sidebar through サイドバーを開く, and its first call lists the sheets', async () => {
    await openMenuItem(page, 'showSidebar');
    const frame = await sidebarFrame(page);
    await poll(() => page.getByTestId('sidebar-title').textContent()).toBeTruthy();
    await frame.getByTestId('sheet-list').waitFor();
    const listed = await frame.locator('[data-testid="sheet-item"] .sheet-name').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(sheetNames).toEqual(expect.arrayContaining(listed));
    expect(listed).toContain(ROSTER);
  });

  it("shows a 氏名 that looks like markup as text in the sidebar's mapping view, and never runs it", async () => {
    const frame = await sidebarFrame(page);
    await frame.getByTestId('sheet-item').filter({ hasText: ROSTER }).first().getByRole('button').click();
    await frame.getByTestId('mapping-view').waitFor();
    const samples = await frame.getByTestId('mapping-sample').allTextContents();
    expect(samples).toContain(XSS_NAME);
    expect(await frame.locator('[data-testid="mapping-view"] img').count()).toBe(0);
    expect(await frame.evaluate(() => window.__x)).toBeUndefined();
  });

  it('shows the same text, its fill and its note in the studio grid, and never runs it', async () => {
    await page.getByTestId('sheet-tab').filter({ hasText: ROSTER }).click();
    const cell = page.locator('table.grid td').filter({ hasText: XSS_NAME });
    await cell.first().waitFor();
    expect(await cell.first().textContent()).toBe(XSS_NAME);
    expect(await cell.first().getAttribute('data-note')).toBe(XSS_NOTE);
    expect(await cell.first().evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(252, 232, 178)');
    expect(await page.locator('[data-testid="grid"] img, [data-testid="grid"] b').count()).toBe(0);
    // The note shows beside the cell while the pointer is over it, as text.
    await cell.first().hover();
    await poll(() => page.getByTestId('note-popup').isVisible()).toBe(true);
    expect(await page.getByTestId('note-popup').textContent()).toBe(XSS_NOTE);
    expect(await page.locator('[data-testid="note-popup"] b').count()).toBe(0);
    await cell.first().click();
    await poll(() => page.getByTestId('formula-text').textContent()).toBe(XSS_NAME);
    expect(await page.evaluate(() => window.__x)).toBeUndefined();
    const frame = await sidebarFrame(page);
    expect(await frame.evaluate(() => window.__x)).toBeUndefined();
  });

  it('keeps the frozen header row in view while the grid scrolls', async () => {
    const header = page.locator('table.grid tbody tr').first().locator('td').first();
    expect(await header.evaluate((td) => getComputedStyle(td).position)).toBe('sticky');
    const before = await header.boundingBox();
    await page.getByTestId('grid').evaluate((el) => (el.scrollTop = 2000));
    await poll(async () => (await header.boundingBox())?.y).toBe(before?.y);
  });

  it('reaches every row: scrolling far down brings those rows, and the rows in view are built, not all of them', async () => {
    await showSheet(page, '活動記録');
    const last = lastRowOf('活動記録');
    expect(last).toBeGreaterThan(1000);
    expect(await page.locator('table.grid tbody tr:not(.spacer)').count()).toBeLessThan(400);
    await page.getByTestId('grid').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await poll(() => gridCell(page, last, 1).count(), { timeout: 10_000 }).toBe(1);
    expect(await gridCell(page, last, 1).textContent()).not.toBe('');
    expect(await page.getByTestId('grid-note').isVisible()).toBe(false);
  });

  it('keeps a tab click made while a refresh is still on its way (the older reply is dropped)', async () => {
    const frame = await sidebarFrame(page);
    const before = await page.locator('table.grid').getAttribute('aria-label');
    const target = visibleNames.find((name) => name !== before)!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldUrl: string | null = null;
    await page.route('**/api/book*', async (route) => {
      if (heldUrl === null) {
        heldUrl = route.request().url();
        await held;
      }
      await route.continue();
    });
    try {
      // The sidebar reports a finished call: the page asks for a refresh of the sheet it shows.
      await frame.evaluate(() =>
        window.parent.postMessage({ source: 'tsunagu-shim', type: 'ran', detail: {} }, window.location.origin),
      );
      await poll(() => heldUrl).not.toBeNull();
      expect(heldUrl).toContain(`sheet=${encodeURIComponent(before!)}`);
      await page
        .getByTestId('sheet-tab')
        .filter({ hasText: new RegExp(`^${target}$`) })
        .click();
      await page.locator(`table.grid[data-complete="true"][aria-label="${target}"]`).waitFor();
      // Now the older refresh answers, with the sheet shown before the click.
      const stale = page.waitForResponse((response) => response.url() === heldUrl);
      release();
      await stale;
      await page.waitForTimeout(300);
      expect(await page.locator('table.grid').getAttribute('aria-label')).toBe(target);
      expect(
        await page
          .getByTestId('sheet-tab')
          .filter({ hasText: new RegExp(`^${target}$`) })
          .getAttribute('aria-selected'),
      ).toBe('true');
    } finally {
      release();
      await page.unroute('**/api/book*');
    }
  });

  it('switches the sidebar to English and back', async () => {
    const frame = await sidebarFrame(page);
    const toggle = frame.getByTestId('lang-toggle');
    const japanese = await frame.getByTestId('tab-setup').textContent();
    await toggle.click();
    await poll(() => frame.evaluate(() => document.documentElement.lang)).toBe('en');
    const english = await frame.getByTestId('tab-setup').textContent();
    expect(english).not.toBe(japanese);
    expect(english).toMatch(/^[\x20-\x7e]+$/);
    await toggle.click();
    await poll(() => frame.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await frame.getByTestId('tab-setup').textContent()).toBe(japanese);
  });

  it('renders Japanese with a real Japanese font (no tofu), and saves a screenshot', async () => {
    await page.getByTestId('sheet-tab').filter({ hasText: ROSTER }).click();
    await page.locator('table.grid[data-complete="true"]').waitFor();
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const family = getComputedStyle(document.body).fontFamily;
      // A missing glyph is drawn as the same empty box whatever the character: two different
      // kanji drawing the same pixels means tofu. A real font draws them differently.
      const pixels = (text: string): string => {
        const canvas = document.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const ctx = canvas.getContext('2d')!;
        ctx.font = `32px ${family}`;
        ctx.fillStyle = '#000';
        ctx.textBaseline = 'top';
        ctx.fillText(text, 4, 4);
        return Array.from(ctx.getImageData(0, 0, 40, 40).data.filter((_: number, i: number) => i % 4 === 3)).join(',');
      };
      const sha = pixels('社');
      const kai = pixels('会');
      const blank = pixels('');
      const japanese = sha !== kai && sha !== blank && kai !== blank;
      const tofu = pixels('\u{10FFFD}') === pixels('\u{10FFFE}');
      return { family, japanese, tofu, check: document.fonts.check('16px "Noto Sans CJK JP"') };
    });
    expect(fonts.family).toContain('Noto Sans CJK JP');
    expect(fonts.japanese).toBe(true);
    // The probe itself works: two unassigned code points do look alike.
    expect(fonts.tofu).toBe(true);
    const notoInstalled = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).includes(
      'Noto Sans CJK JP',
    );
    if (notoInstalled) expect(fonts.check).toBe(true);
    const results = resultsDir();
    await page.screenshot({ path: join(results, 'studio.png'), fullPage: true });
    expect(existsSync(join(results, 'studio.png'))).toBe(true);
  });

  it('hides the sidebar when it calls google.script.host.close()', async () => {
    const frame = await sidebarFrame(page);
    await frame.evaluate(() => window.google.script.host.close());
    await page.getByTestId('sidebar').waitFor({ state: 'hidden' });
  });

  it('had no script errors and no blocked resources', () => {
    expect(errors).toEqual([]);
  });
});

describe('studio confirmations in Chromium', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-browser-confirm-'));
  let context: BrowserContext;
  const studios: StudioHandle[] = [];

  beforeAll(async () => {
    context = await launch(join(temp, 'profile'));
  });

  afterAll(async () => {
    await context?.close();
    await Promise.all(studios.map((s) => s.close()));
    rmSync(temp, { recursive: true, force: true });
  });

  async function emptyStudio(): Promise<Page> {
    const studio = await startStudio({ session: Session.create(), port: 0 });
    studios.push(studio);
    const page = await context.newPage();
    await page.goto(studio.url);
    await page.locator('table.grid').waitFor();
    return page;
  }

  it('asks in a dialog before シート準備; いいえ leaves the workbook as it was', async () => {
    const page = await emptyStudio();
    await openMenuItem(page, 'menuSetupSheets');
    const dialog = page.getByTestId('studio-confirm');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('h2').textContent()).toBe('シート準備');
    expect(await dialog.locator('p').textContent()).toContain(`・${ROSTER}`);
    await page.getByTestId('studio-confirm-no').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await tabNames(page)).toEqual(['シート1']);
  });

  it('はい runs it again with YES: the sheets appear and the OK alert is shown as a message', async () => {
    const page = await emptyStudio();
    await openMenuItem(page, 'menuSetupSheets');
    await page.getByTestId('studio-confirm-yes').click();
    const message = page.getByTestId('studio-message');
    await message.waitFor({ state: 'visible' });
    expect(await message.locator('p').textContent()).toMatch(/枚のシートを作成しました/);
    await page.getByTestId('studio-message-ok').click();
    await poll(() => tabNames(page)).toContain(ROSTER);
    await page.getByTestId('sidebar').waitFor({ state: 'visible' });
  });

  it("refreshes the grid after the sidebar's own call changes the workbook", async () => {
    const page = await emptyStudio();
    await openMenuItem(page, 'showSidebar');
    const frame = await sidebarFrame(page);
    await frame.getByTestId('setup-create').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => tabNames(page), { timeout: 10_000 }).toContain(ROSTER);
  });
});
