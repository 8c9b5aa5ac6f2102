// The studio behaves like Sheets on a staff workbook: a dozen tabs keep their whole names, check
// boxes are check boxes (click and Space tick them, saved to disk), 検証結果's link jumps to a cell
// past row 1,000 with the cell fully in view, and the keyboard moves the selection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import { type StudioHandle, startStudio } from '../../src/local/studio/server';
import { gridCell, launch, readSavedSheet, showSheet, tabNames, watchErrors } from './helpers';

const ROSTER = 'ボランティア名簿';
const CHECKS = '確認表';
/** The roster's data rows; the bad phone number is on sheet row BAD_ROW. */
const PEOPLE = 1_200;
const BAD_ROW = 1_150;
const EXTRA_SHEETS = [
  '2024年度 寄付台帳（一般寄付・指定寄付）',
  '会費台帳 令和6年度',
  '活動記録 4月〜9月',
  '活動記録 10月〜3月',
  '相談記録（サロン）',
  '圏域別 集計',
  '研修 参加者一覧',
  '送迎ボランティア 予定表',
  '退会者（令和5年度まで）',
  'メモ',
];

function katakana(n: number): string {
  const kana = 'アイウエオカキクケコサシスセソタチツテト';
  return `${kana[n % 20]}${kana[Math.floor(n / 20) % 20]} ${kana[Math.floor(n / 400) % 20]}コ`;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function inside(inner: Box | null, outer: Box | null): boolean {
  if (!inner || !outer) return false;
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

describe('the studio behaves like Sheets', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-sheets-like-'));
  const book = join(temp, '名簿.xlsx');
  let context: BrowserContext;
  let studio: StudioHandle;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const session = Session.create('大きな名簿');
    const spreadsheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.getSheets()[0]!.setName(ROSTER);
    const rows: string[][] = [['登録番号', '氏名', 'フリガナ', '電話番号']];
    for (let i = 1; i <= PEOPLE; i++) {
      const phone =
        i + 1 === BAD_ROW ? '042-4' : `042-46${Math.floor(i / 1000)}-${String(1000 + (i % 1000)).padStart(4, '0')}`;
      rows.push([`V-${String(i).padStart(4, '0')}`, `名簿 ${i}`, katakana(i), phone]);
    }
    session.emu.setSheetValues(ROSTER, rows);
    spreadsheet.getSheetByName(ROSTER)!.setFrozenRows(1);
    for (const name of EXTRA_SHEETS) spreadsheet.insertSheet(name).getRange('A1').setValue(name);
    const checks = spreadsheet.insertSheet(CHECKS);
    checks.getRange('A1:B1').setValues([['確認', '項目']]);
    const boxes = checks.getRange('A2:A5');
    boxes.setDataValidation(session.emu.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    boxes.setValues([[false], [true], [false], [false]]);
    checks.getRange('B2:B5').setValues([['保険'], ['同意書'], ['名札'], ['研修']]);
    const validated = session.run('runValidation') as { ok: boolean };
    expect(validated.ok).toBe(true);
    spreadsheet.getSheetByName(ROSTER)!.activate();
    await session.save(book);

    studio = await startStudio({ session: await Session.open(book), bookPath: book, port: 0 });
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

  it('a dozen tabs each keep their whole name, and the shown tab is scrolled into the bar', async () => {
    const names = await tabNames(page);
    expect(names.length).toBeGreaterThanOrEqual(13);
    expect(names).toEqual(expect.arrayContaining([ROSTER, CHECKS, '検証結果', ...EXTRA_SHEETS]));
    const clipped = await page
      .getByTestId('sheet-tab')
      .evaluateAll((tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent ?? ''));
    expect(clipped).toEqual([]);
    // The last tab, chosen from ☰ (the list of every sheet), is shown and its tab is in the bar.
    const last = names[names.length - 1]!;
    await page.getByTestId('all-sheets').click();
    await page
      .getByTestId('all-sheets-item')
      .filter({ hasText: new RegExp(`^${last}$`) })
      .click();
    await page.locator(`table.grid[aria-label="${last}"]`).waitFor();
    const bar = await page.locator('#tabs').boundingBox();
    const tab = page.getByTestId('sheet-tab').filter({ hasText: new RegExp(`^${last}$`) });
    await poll(async () => inside(await tab.boundingBox(), bar)).toBe(true);
  });

  it('検証結果’s link jumps to the cell past row 1,000, selected and fully in view below the frozen header', async () => {
    await showSheet(page, '検証結果');
    const link = page.getByTestId('cell-link').first();
    expect(await link.textContent()).toBe(`${ROSTER}!D${BAD_ROW}`);
    await link.click();
    await page.locator(`table.grid[aria-label="${ROSTER}"]`).waitFor();
    const selected = gridCell(page, BAD_ROW, 4);
    await poll(() => selected.getAttribute('class'), { timeout: 15_000 }).toMatch(/selected/);
    const grid = await page.getByTestId('grid').boundingBox();
    const cell = await selected.boundingBox();
    expect(inside(cell, grid), 'the cell is inside the grid').toBe(true);
    const header = await gridCell(page, 1, 4).boundingBox();
    expect(cell!.y, 'below the frozen header row').toBeGreaterThanOrEqual(header!.y + header!.height - 0.5);
    expect(await selected.textContent()).toBe('042-4');
  });

  it('the keyboard moves the selection as in Sheets, keeping it in view', async () => {
    const grid = page.getByTestId('grid');
    const selectedRow = () =>
      page
        .locator('table.grid td.selected')
        .first()
        .getAttribute('data-r')
        .then((r) => Number(r));
    await page.keyboard.press('ArrowDown');
    await poll(selectedRow).toBe(BAD_ROW + 1);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await poll(selectedRow).toBe(BAD_ROW - 1);
    await page.keyboard.press('Control+End');
    await poll(selectedRow).toBe(PEOPLE + 1);
    expect(inside(await page.locator('table.grid td.selected').boundingBox(), await grid.boundingBox())).toBe(true);
    await page.keyboard.press('Control+Home');
    await poll(selectedRow).toBe(1);
    expect(await page.locator('table.grid td.selected').getAttribute('data-c')).toBe('1');
    await page.keyboard.press('PageDown');
    await poll(selectedRow).toBeGreaterThan(5);
  });

  it('check boxes render as check boxes; a click and Space tick them, and the file on disk follows', async () => {
    await showSheet(page, CHECKS);
    const boxes = page.getByTestId('cell-checkbox');
    expect(await boxes.count()).toBe(4);
    expect(await gridCell(page, 3, 1).locator('input').isChecked()).toBe(true);
    expect(await gridCell(page, 2, 1).locator('input').isChecked()).toBe(false);
    await gridCell(page, 2, 1).locator('input').click();
    await poll(async () => (await readSavedSheet(book, CHECKS)).rows[1]?.[0], { timeout: 15_000 }).toBe('TRUE');
    // Down twice to A4, then Space.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await poll(async () => (await readSavedSheet(book, CHECKS)).rows[3]?.[0], { timeout: 15_000 }).toBe('TRUE');
    expect(await gridCell(page, 4, 1).locator('input').isChecked()).toBe(true);
    // The others are as they were.
    const saved = await readSavedSheet(book, CHECKS);
    expect(saved.rows.slice(1).map((r) => r[0])).toEqual(['TRUE', 'TRUE', 'TRUE', 'FALSE']);
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
  });
});
