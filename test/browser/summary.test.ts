// 指標サマリー in real Chromium: the summary run from the sidebar, a 年度 closed and re-opened after
// its confirmation, and the leadership report in a print dialog over the spreadsheet (from the
// sidebar and from the menu) with its A4 print CSS and 印刷する button.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import {
  closeStudio,
  createDemoBook,
  openMenuItem,
  openStudio,
  pressWhileBusy,
  sidebarFrame,
  type StudioInBrowser,
} from './helpers';

describe('指標サマリー in the studio (Chromium)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-summary-'));
  const book = join(temp, 'summary.xlsx');
  let session: Session;
  let opened: StudioInBrowser | undefined;
  let page: Page;
  let frame: Frame;
  let errors: string[] = [];

  beforeAll(async () => {
    await createDemoBook(book, ['--seed', '3', '--volunteers', '60', '--requests', '20']);
    session = await Session.open(book);
    opened = await openStudio(temp, session, { bookPath: book, menu: 'menuSummary' });
    ({ page, frame, errors } = opened);
  });

  afterAll(() => closeStudio(temp, opened));

  /** The report dialog's page, once it has loaded. */
  async function dialogPage(): Promise<Frame> {
    await page.getByTestId('studio-html-dialog').waitFor({ state: 'visible' });
    const handle = await page.getByTestId('studio-html-dialog-frame').elementHandle();
    const inner = await handle!.contentFrame();
    if (!inner) throw new Error('no dialog frame');
    await inner.waitForLoadState('load');
    return inner;
  }

  it('updates the summary after its confirmation', async () => {
    await frame.getByTestId('summary-run').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('summary-result').count()).toBe(1);
    await poll(() => frame.getByTestId('summary-goal').count()).toBe(4);
  });

  it('closes the chosen 年度 after a confirmation naming it, and re-opens it', async () => {
    const chosen = await frame.getByTestId('summary-close-year').inputValue();
    const label = await frame.locator(`[data-testid="summary-close-year"] option[value="${chosen}"]`).textContent();
    await frame.getByTestId('summary-close').click();
    expect(await frame.locator('.confirm-text').textContent()).toContain(String(label));
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('summary-closed-year').allTextContents()).toEqual([
      expect.stringContaining(`${label} 確定済み`),
    ]);
    expect(session.emu.sheetValues('指標サマリー年度確定').length).toBeGreaterThan(10);
    await frame.getByTestId('summary-reopen').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('summary-closed-year').count()).toBe(0);
    expect(await frame.getByTestId('error').textContent()).toBe('');
  });

  it('opens the leadership report in a print dialog: A4 print CSS, 印刷する, no names', async () => {
    await frame.getByTestId('summary-report').click();
    const report = await dialogPage();
    expect(await page.getByTestId('studio-html-dialog-title').textContent()).toMatch(
      /^指標サマリー 報告書（令和\d+年度）$/,
    );
    await poll(() => report.locator('h2, h1').count()).toBeGreaterThan(3);
    expect(await report.getByRole('button', { name: /印刷する/ }).count()).toBe(1);
    const css = await report.locator('style').allTextContents();
    expect(css.join('\n')).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(await report.locator('svg').count()).toBeGreaterThan(0);
    // Nothing personal: the roster's first name does not appear.
    const roster = session.emu.sheetValues('ボランティア名簿');
    const name = String(roster[1]?.[1] ?? '');
    expect(name.length).toBeGreaterThan(1);
    expect(await report.locator('body').textContent()).not.toContain(name);
    await page.getByTestId('studio-html-dialog-close').click();
    await poll(() => page.getByTestId('studio-html-dialog').isVisible()).toBe(false);
  });

  it('opens the same report from the menu (指標サマリーの報告書)', async () => {
    await openMenuItem(page, 'menuSummaryReport');
    const report = await dialogPage();
    expect(await report.getByRole('button', { name: /印刷する/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('studio-html-dialog').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('指標サマリー in parts in the studio (Chromium): the default demo is too large for one call', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-summary-parts-'));
  const book = join(temp, 'summary.xlsx');
  let session: Session;
  let opened: StudioInBrowser | undefined;

  beforeAll(async () => {
    await createDemoBook(book);
    session = await Session.open(book);
    opened = await openStudio(temp, session, { bookPath: book, menu: 'menuSummary' });
  }, 180_000);

  afterAll(() => closeStudio(temp, opened));

  it('asks for each part in turn and shows the summary the last part wrote', async () => {
    const frame = (opened as StudioInBrowser).frame;
    await frame.getByTestId('summary-run').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('summary-result').count(), { timeout: 120_000 }).toBe(1);
    await poll(() => frame.getByTestId('summary-goal').count()).toBe(4);
    expect(await frame.getByTestId('summary-progress').count()).toBe(0);
    // Counted in parts: the hidden work sheet held their counts, which went with the last part.
    const work = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('指標サマリー作業');
    expect(work?.isSheetHidden()).toBe(true);
    expect(work?.getLastRow()).toBe(1);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun')).toBeNull();
    expect((opened as StudioInBrowser).errors).toEqual([]);
  });

  it('closes a 年度 after counting its parts, the progress naming it; 中止 of 確定を取り消す leaves it closed', async () => {
    const { frame } = opened as StudioInBrowser;
    const chosen = await frame.getByTestId('summary-close-year').inputValue();
    const label = String(
      await frame.locator(`[data-testid="summary-close-year"] option[value="${chosen}"]`).textContent(),
    );
    await frame.getByTestId('summary-close').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('summary-progress').textContent(), { timeout: 60_000 }).toContain(
      `最後に${label}を確定して指標サマリーを書きます`,
    );
    await poll(() => frame.getByTestId('summary-closed-year').allTextContents(), { timeout: 120_000 }).toEqual([
      expect.stringContaining(`${label} 確定済み`),
    ]);
    const snapshot = session.emu.sheetValues('指標サマリー年度確定');
    expect(snapshot.length).toBeGreaterThan(10);

    await frame.getByTestId('summary-reopen').click();
    await pressWhileBusy(frame, 'summary-stop');
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('summary-stopped').textContent(), { timeout: 120_000 }).toBe(
      `${label}の確定の取り消しを中止しました。何も変更していません。`,
    );
    expect(await frame.getByTestId('summary-closed-year').count()).toBe(1);
    expect(session.emu.sheetValues('指標サマリー年度確定')).toEqual(snapshot);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun')).toBeNull();
    expect((opened as StudioInBrowser).errors).toEqual([]);
  });

  it('中止 of a 検証 in parts can be pressed while a part runs; the run stops after it, the sheets unchanged', async () => {
    const { frame } = opened as StudioInBrowser;
    await frame.getByTestId('tab-validate').click();
    await frame.getByTestId('validate-run').click();
    await pressWhileBusy(frame, 'validate-stop');
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.locator('#validate-notice').textContent(), { timeout: 120_000 }).toBe(
      '検証を中止しました。シートの色とメモは変えていません。',
    );
    expect(await frame.getByTestId('validate-progress').count()).toBe(0);
    expect(
      session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.validationRun'),
    ).toBeNull();
    await frame.getByTestId('tab-summary').click();
    expect((opened as StudioInBrowser).errors).toEqual([]);
  });

  it('opens the report after counting its parts; the last part opens the print dialog', async () => {
    const { page, frame } = opened as StudioInBrowser;
    await frame.getByTestId('summary-report').click();
    await page.getByTestId('studio-html-dialog').waitFor({ state: 'visible', timeout: 120_000 });
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun')).toBeNull();
    expect((opened as StudioInBrowser).errors).toEqual([]);
    // Closed by its button: Escape goes wherever the focus is, and the sidebar may have taken it back.
    await page.getByTestId('studio-html-dialog-close').click();
    await poll(() => page.getByTestId('studio-html-dialog').isVisible()).toBe(false);
  });

  it('menu 指標サマリーの報告書 opens the sidebar at 指標サマリー, which counts the parts and opens the report', async () => {
    const { page } = opened as StudioInBrowser;
    const dialogs = session.emu.ui.dialogs.length;
    await openMenuItem(page, 'menuSummaryReport');
    const frame = await sidebarFrame(page);
    await page.getByTestId('studio-html-dialog').waitFor({ state: 'visible', timeout: 120_000 });
    expect(await page.getByTestId('studio-html-dialog-title').textContent()).toMatch(/^指標サマリー 報告書/);
    expect(session.emu.ui.dialogs.length).toBe(dialogs + 1);
    expect(await frame.getByTestId('summary-progress').count()).toBe(0);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.summaryRun')).toBeNull();
    expect((opened as StudioInBrowser).errors).toEqual([]);
  });
});
