// The two staff workflows in real Chromium, on a demo workbook: 検証 (run, select an issue's cell,
// preview and apply the safe fixes, undo, clear the marks) and マッチング (run, approve a pair,
// 確定, undo). Each step is checked where staff would see it — the sidebar and the studio grid —
// and in the .xlsx the studio saved.
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
  gridCell,
  openStudio,
  parseA1,
  readSavedSheet,
  resultsDir,
  showSheet,
  type StudioInBrowser,
} from './helpers';

const ROSTER = 'ボランティア名簿';
const REQUESTS = '依頼';
const DEMO_SIZE = ['--volunteers', '120', '--requests', '60'];
/** Full-width katakana (with ー and ・) and spaces, and at least one katakana letter. */
const KATAKANA = /^(?=.*[\u30a1-\u30fa])[\u30a0-\u30ff\s\u3000]+$/;

/** A demo workbook in a temp folder, the studio on it, and Chromium showing the studio with the sidebar open. */
class Bench {
  readonly temp = mkdtempSync(join(tmpdir(), 'tsunagu-workflow-'));
  readonly book = join(this.temp, 'demo.xlsx');
  session!: Session;
  opened: StudioInBrowser | undefined;
  page!: Page;
  frame!: Frame;
  errors: string[] = [];

  async start(): Promise<void> {
    await createDemoBook(this.book, DEMO_SIZE);
    this.session = await Session.open(this.book);
    this.opened = await openStudio(this.temp, this.session, { bookPath: this.book, menu: 'showSidebar' });
    ({ page: this.page, frame: this.frame, errors: this.errors } = this.opened);
  }

  stop(): Promise<void> {
    return closeStudio(this.temp, this.opened);
  }

  /** The sidebar's error area: empty unless a call failed. */
  shownError(): Promise<string | null> {
    return this.frame.getByTestId('error').textContent();
  }

  /** A screenshot of the sidebar at its real width, tall enough to hold the whole section. */
  async screenshotSidebar(file: string): Promise<string> {
    const path = join(resultsDir(), file);
    const height = await this.frame.locator('body').evaluate((body) => body.scrollHeight);
    const before = this.page.viewportSize()!;
    await this.page.setViewportSize({
      width: before.width,
      height: Math.min(Math.max(before.height, height + 160), 6000),
    });
    try {
      await this.page.getByTestId('sidebar').screenshot({ path });
    } finally {
      await this.page.setViewportSize(before);
    }
    return path;
  }
}

describe('検証 in the studio (Chromium)', () => {
  const bench = new Bench();
  /** The roster cell the safe fixes change from non-katakana furigana to katakana. */
  let fixed: { row: number; column: number; a1: string; before: string; after: string } | null = null;

  beforeAll(() => bench.start());
  afterAll(() => bench.stop());

  it('runs after the first-run confirmation and shows the counts', async () => {
    const { frame } = bench;
    await frame.getByTestId('tab-validate').click();
    await frame.getByTestId('validate-run').click();
    await frame.getByTestId('confirm-yes').click();
    const counts = frame.getByTestId('validate-counts');
    await counts.waitFor();
    const text = (await counts.textContent()) ?? '';
    // 「エラー 25件・警告 127件・安全に直せるもの 91件」: three numbers, and the demo has mistakes.
    const numbers = (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    expect(numbers).toHaveLength(3);
    expect(numbers[0]! + numbers[1]!).toBeGreaterThan(0);
    expect(numbers[2]).toBeGreaterThan(0);
    expect(await frame.getByTestId('issue-group').count()).toBeGreaterThan(0);
    expect(await bench.shownError()).toBe('');
    await bench.screenshotSidebar('validate.png');
  });

  it("opens an issue group, and clicking an issue selects that issue's cell", async () => {
    const { frame, page, session } = bench;
    const group = frame
      .getByTestId('issue-group')
      .filter({ has: frame.locator('button.issue-button') })
      .first();
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    await poll(() => group.getAttribute('open')).not.toBeNull();
    const issue = group.locator('[data-testid="issue-item"] button').first();
    await issue.waitFor({ state: 'visible' });
    // 「R5・保険加入年度」 under the sheet's heading.
    const place = (await issue.locator('.issue-place').textContent()) ?? '';
    const cell = place.split('・')[0]!;
    expect(cell).toMatch(/^[A-Z]+\d+$/);
    const sheet = (await group.locator('xpath=preceding-sibling::h4[1]').textContent()) ?? '';
    expect(sheet).not.toBe('');
    // Another sheet is shown first, so following the selection means switching tabs.
    const other = (await page.getByTestId('sheet-tab').allTextContents()).find((name) => name !== sheet)!;
    await showSheet(page, other);
    await issue.click();
    const spreadsheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    await poll(() => {
      const range = spreadsheet.getActiveRange();
      return range ? `${range.getSheet().getName()}!${range.getA1Notation()}` : null;
    }).toBe(`${sheet}!${cell}`);
    // The studio follows: that sheet's tab and grid, the cell highlighted and in view, its address in the name box.
    await page.locator(`table.grid[aria-label="${sheet}"]`).waitFor();
    await poll(() => page.getByTestId('sheet-tab').filter({ hasText: sheet }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const { row, column } = parseA1(cell);
    const selected = gridCell(page, row, column);
    await poll(() => selected.getAttribute('class')).toMatch(/\bselected\b/);
    expect(await page.locator('table.grid td.selected').count()).toBe(1);
    expect(await page.locator('#name-box').textContent()).toBe(cell);
    expect(await page.getByTestId('formula-text').textContent()).toBe((await selected.textContent()) ?? '');
    expect(await selected.isVisible()).toBe(true);
    const box = (await selected.boundingBox())!;
    const view = (await page.getByTestId('grid').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(view.y);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
    await poll(() => frame.getByTestId('progress').textContent()).toBe('');
    expect(await bench.shownError()).toBe('');
  });

  it('previews the safe fixes as before → after, and applying them reports how many were fixed', async () => {
    const { frame, page } = bench;
    await frame.getByTestId('fix-preview').click();
    const items = frame.getByTestId('fix-item');
    await items.first().waitFor();
    const total = Number((((await frame.locator('.fix-total').textContent()) ?? '').match(/\d+/) ?? ['0'])[0]);
    expect(total).toBeGreaterThan(0);

    const sheets = await frame.locator('[data-testid="fix-item"] .fix-sheet').allTextContents();
    const cells = await frame.locator('[data-testid="fix-item"] .fix-address').allTextContents();
    const befores = await frame.locator('[data-testid="fix-item"] .fix-before').allTextContents();
    const afters = await frame.locator('[data-testid="fix-item"] .fix-after').allTextContents();
    expect(befores).toHaveLength(await items.count());
    expect(afters).toHaveLength(befores.length);
    for (let i = 0; i < befores.length; i++) expect(afters[i], `fix ${sheets[i]}!${cells[i]}`).not.toBe(befores[i]);
    const index = sheets.findIndex(
      (sheet, i) => sheet === ROSTER && KATAKANA.test(afters[i]!) && !KATAKANA.test(befores[i]!),
    );
    expect(index, 'a furigana fix on the roster (hiragana or half-width → katakana)').toBeGreaterThanOrEqual(0);
    fixed = { ...parseA1(cells[index]!), a1: cells[index]!, before: befores[index]!, after: afters[index]! };

    // The grid shows the furigana as staff typed it.
    await showSheet(page, ROSTER);
    expect(await gridCell(page, fixed.row, fixed.column).textContent()).toBe(fixed.before);
    await bench.screenshotSidebar('validate-fixes.png');

    await frame.getByTestId('fix-apply').click();
    const notice = frame.locator('#validate-notice');
    // The demo is validated in parts, so its fixes go in parts too: one call (and one save) each.
    await notice.waitFor({ timeout: 90_000 });
    expect(await notice.textContent()).toBe(`${total}件を修正しました`);
    await poll(() => gridCell(page, fixed!.row, fixed!.column).textContent()).toBe(fixed.after);
    expect(await bench.shownError()).toBe('');
  }, 180_000);

  it('saved the fix to the .xlsx on disk', async () => {
    expect(fixed).not.toBeNull();
    const saved = await readSavedSheet(bench.book, ROSTER);
    expect(saved.rows[fixed!.row - 1]![fixed!.column - 1]).toBe(fixed!.after);
  });

  it('元に戻す (after its confirmation) brings the original value back in the grid and on disk', async () => {
    expect(fixed).not.toBeNull();
    const { frame, page } = bench;
    const undo = frame.locator('[data-testid="undo-last"]');
    await undo.waitFor();
    expect(await undo.textContent()).toContain('安全な修正');
    await undo.click();
    await frame.getByTestId('confirm-yes').click();
    const notice = frame.locator('#validate-notice');
    // The demo is validated in parts, so its fixes went in parts and 元に戻す takes the run back whole:
    // a call per part, which on a loaded machine takes longer than Playwright's 30 s for an element.
    await notice.waitFor({ timeout: 120_000 });
    await poll(() => notice.textContent()).toMatch(
      /^「安全な修正（(\d+件|\d+回に分けて適用した分)）」を元に戻しました（\d+個のセル）。$/,
    );
    await poll(() => gridCell(page, fixed!.row, fixed!.column).textContent()).toBe(fixed!.before);
    const saved = await readSavedSheet(bench.book, ROSTER);
    expect(saved.rows[fixed!.row - 1]![fixed!.column - 1]).toBe(fixed!.before);
    expect(await bench.shownError()).toBe('');
  });

  it('ハイライトを消す reports the cells it restored', async () => {
    const { frame } = bench;
    // The list is re-run after the undo (a whole 検証 of the demo, several seconds on a loaded
    // machine); wait for it before taking the marks off.
    await poll(() => frame.getByTestId('progress').textContent(), { timeout: 30_000 }).toBe('');
    await frame.getByTestId('highlight-clear').click();
    const notice = frame.locator('#validate-notice');
    await poll(() => notice.textContent()).toMatch(/^\d+個のセルの色と検証メモを消しました。/);
    expect(Number(((await notice.textContent()) ?? '').match(/\d+/)![0])).toBeGreaterThan(0);
    expect(await bench.shownError()).toBe('');
  });

  it('had no script errors', () => {
    expect(bench.errors).toEqual([]);
  });
});

describe('マッチング in the studio (Chromium)', () => {
  const bench = new Bench();
  /** The pair approved and committed, with what its 依頼 row held before. */
  let chosen: { requestId: string; volunteerId: string; row: number; status: string; assigned: string } | null = null;

  beforeAll(() => bench.start());
  afterAll(() => bench.stop());

  it('runs after the confirmation: stats, requests with pairs, and the shortages table', async () => {
    const { frame } = bench;
    await frame.getByTestId('tab-match').click();
    await frame.getByTestId('match-run').click();
    await frame.getByTestId('confirm-yes').click();
    const stats = frame.getByTestId('match-stats');
    await stats.waitFor();
    expect(await stats.textContent()).toMatch(/\d/);
    expect(await frame.getByTestId('match-request').count()).toBeGreaterThan(0);
    expect(await frame.getByTestId('match-pair').count()).toBeGreaterThan(0);
    const shortages = frame.getByTestId('match-shortages');
    await shortages.waitFor();
    expect(await shortages.locator('table tbody tr').count()).toBeGreaterThan(0);
    // A short request says why.
    expect(await frame.getByTestId('unmatched-reason').count()).toBeGreaterThan(0);
    expect(await frame.getByTestId('match-commit').isDisabled()).toBe(true);
    expect(await bench.shownError()).toBe('');
  });

  it('saves a screenshot of the section after a run', async () => {
    await bench.screenshotSidebar('match.png');
  });

  it('承認 on one pair, then 確定 (after its confirmation) writes 紹介済 and the volunteer into 依頼 on disk', async () => {
    const { frame, book } = bench;
    const request = frame
      .getByTestId('match-request')
      .filter({ has: frame.getByTestId('match-pair') })
      .first();
    if ((await request.getAttribute('open')) === null) await request.locator('summary').click();
    const title = (await request.locator('.group-title').textContent()) ?? '';
    const requestId = title.replace(/^依頼\s*/, '');
    const pair = request.getByTestId('match-pair').first();
    const who = (await pair.locator('.pair-who').textContent()) ?? '';
    const volunteerId = who.split(' ')[0]!;
    expect(requestId).not.toBe('');
    expect(volunteerId).not.toBe('');

    const before = await readSavedSheet(book, REQUESTS);
    const idColumn = before.column('依頼番号');
    const row = before.rows.findIndex((r) => r[idColumn] === requestId) + 1;
    expect(row, `${requestId} in ${REQUESTS}`).toBeGreaterThan(1);
    chosen = {
      requestId,
      volunteerId,
      row,
      status: before.cell(row, '状態'),
      assigned: before.cell(row, '担当ボランティア'),
    };
    expect(chosen.status).not.toBe('紹介済');
    expect(chosen.assigned.split(/[、,，・\n]/)).not.toContain(volunteerId);

    await pair.getByTestId('pair-approve').check();
    const commit = frame.getByTestId('match-commit');
    await poll(() => commit.isEnabled()).toBe(true);
    await commit.click();
    await frame.getByTestId('confirm-yes').click();
    const notice = frame.locator('#match-notice');
    await poll(() => notice.textContent()).toBe('1組を確定しました（依頼 1件）。');
    expect(await bench.shownError()).toBe('');

    const after = await readSavedSheet(book, REQUESTS);
    expect(after.cell(row, '依頼番号')).toBe(requestId);
    expect(after.cell(row, '状態')).toBe('紹介済');
    expect(after.cell(row, '担当ボランティア').split(/[、,，・\n]/)).toContain(volunteerId);
  });

  it('shows the committed row in the studio grid', async () => {
    expect(chosen).not.toBeNull();
    const { page } = bench;
    await showSheet(page, REQUESTS);
    const header = await page.locator('table.grid tbody tr').first().locator('td').allTextContents();
    const status = header.indexOf('状態') + 1;
    expect(status).toBeGreaterThan(0);
    expect(await gridCell(page, chosen!.row, status).textContent()).toBe('紹介済');
  });

  it('元に戻す (after its confirmation) restores the 依頼 row on disk', async () => {
    expect(chosen).not.toBeNull();
    const { frame, book } = bench;
    // After 確定 the list is matched again; wait for it to settle before undoing.
    await poll(() => frame.getByTestId('progress').textContent()).toBe('');
    const undo = frame.getByTestId('undo-last');
    await undo.waitFor();
    expect(await undo.textContent()).toContain('マッチングの確定（1組）');
    await undo.click();
    await frame.getByTestId('confirm-yes').click();
    const notice = frame.locator('#match-notice');
    await poll(() => notice.textContent()).toMatch(/^「マッチングの確定（1組）」を元に戻しました（\d+個のセル）。$/);
    expect(await bench.shownError()).toBe('');
    const saved = await readSavedSheet(book, REQUESTS);
    expect(saved.cell(chosen!.row, '状態')).toBe(chosen!.status);
    expect(saved.cell(chosen!.row, '担当ボランティア')).toBe(chosen!.assigned);
  });

  it('had no script errors', () => {
    expect(bench.errors).toEqual([]);
  });
});
