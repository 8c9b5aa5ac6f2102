// アンケート in real Chromium: a template written into アンケート定義 from the sidebar, the forms built
// after the confirmation, listed with their addresses, and the studio's saved .xlsx (and the forms
// beside it) holding フォーム一覧.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import jsQR from 'jsqr';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import type { FormAnswer } from '../../src/local/emulator/form-respond';
import { Session } from '../../src/local/session';
import { closeStudio, openStudio, readSavedSheet, type StudioInBrowser } from './helpers';

describe('アンケート in the studio (Chromium)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-survey-'));
  const book = join(temp, 'survey.xlsx');
  let session: Session;
  let opened: StudioInBrowser | undefined;
  let page: Page;
  let frame: Frame;
  let errors: string[] = [];

  beforeAll(async () => {
    // A council's workbook has 設定 (the templates' 圏域 choices come from it): シート準備 first.
    const prepared = Session.create('アンケートのテスト');
    prepared.run('setupSheets');
    await prepared.save(book);
    session = await Session.open(book);
    opened = await openStudio(temp, session, { bookPath: book, menu: 'showSidebar' });
    ({ page, frame, errors } = opened);
  });

  afterAll(() => closeStudio(temp, opened));

  it('writes the chosen template after its confirmation, and shows what アンケート定義 now defines', async () => {
    await frame.getByTestId('tab-survey').click();
    await frame.getByTestId('survey-template').selectOption('活動報告');
    await frame.getByTestId('survey-template-write').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('survey-notice').textContent()).toMatch(/テンプレート「活動報告」/);
    await poll(() => frame.getByTestId('survey-form').count()).toBe(3);
    expect(await frame.getByTestId('survey-form').first().textContent()).toContain('未作成');
    expect(await frame.getByTestId('undo-last').textContent()).toContain('活動報告');
    expect(session.emu.sheetValues('アンケート定義')[1]?.[0]).toBe('活動報告');
  });

  it('builds the forms after the run confirmation and lists each with its short address', async () => {
    await frame.getByTestId('survey-run').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('survey-notice').textContent()).toMatch(/フォーム3件を作成・更新しました/);
    const urls = await frame.getByTestId('survey-url').allTextContents();
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^https:\/\/forms\.gle\//);
    expect(await frame.getByTestId('survey-form').first().textContent()).toContain('回答受付中');
    expect(session.emu.forms.all).toHaveLength(3);
    expect(await frame.getByTestId('error').textContent()).toBe('');
  });

  it('opens a form’s A4 flyer in a print dialog: its QR code, drawn by Chromium, decodes to the short address shown', async () => {
    const english = frame.getByTestId('survey-form').filter({ hasText: '英語' });
    const url = await english.getByTestId('survey-url').textContent();
    await english.getByTestId('survey-flyer').click();
    await page.getByTestId('studio-html-dialog').waitFor({ state: 'visible' });
    expect(await page.getByTestId('studio-html-dialog-title').textContent()).toBe('チラシ：活動報告（英語）');
    const handle = await page.getByTestId('studio-html-dialog-frame').elementHandle();
    const flyer = await handle!.contentFrame();
    if (!flyer) throw new Error('no dialog frame');
    await flyer.waitForLoadState('load');
    expect(await flyer.locator('p.url').textContent()).toBe(url);
    expect(await flyer.getByRole('button', { name: 'Print' }).count()).toBe(1);
    expect((await flyer.locator('style').allTextContents()).join('')).toMatch(/@page\s*\{\s*size:\s*A4/);
    // The page's SVG drawn onto a canvas by the browser, then read as pixels: what a phone's camera sees.
    // (A string: this file is type-checked without the DOM library.)
    const dark = await flyer.evaluate<string>(`(async () => {
      const svg = document.querySelector('.qr svg');
      const image = new Image();
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0, 400, 400);
      const data = g.getImageData(0, 0, 400, 400).data;
      // One character per pixel (1 = dark), so 160,000 pixels cross to the test as a short string.
      let bits = '';
      for (let i = 0; i < data.length; i += 4) bits += data[i] < 128 ? '1' : '0';
      return bits;
    })()`);
    const pixels = new Uint8ClampedArray(400 * 400 * 4).fill(255);
    for (let i = 0; i < dark.length; i++) if (dark[i] === '1') pixels.fill(0, i * 4, i * 4 + 3);
    expect(jsQR(pixels, 400, 400)?.data).toBe(url);
    await poll(() => frame.getByTestId('survey-notice').textContent()).toMatch(/チラシを開きました/);
    await page.getByTestId('studio-html-dialog-close').click();
    await poll(() => page.getByTestId('studio-html-dialog').isVisible()).toBe(false);
  });

  it('shows an activity report as a candidate, imports it into 活動記録 after the confirmation, and undoes it', async () => {
    const form = session.emu.forms.all[0];
    if (!form) throw new Error('no form');
    const answers: Record<string, FormAnswer> = {};
    for (const item of form.items) {
      if (!item.required) continue;
      const first = item.choices?.[0]?.value ?? '';
      if (item.type === 'DATE') answers[item.title] = new Date('2026-06-01T00:00:00+09:00');
      else if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') answers[item.title] = first;
      else if (item.type === 'CHECKBOX') answers[item.title] = [first];
      else answers[item.title] = '3';
    }
    session.emu.forms.submit(form.id, answers);
    await frame.getByTestId('survey-candidates-load').click();
    await poll(() => frame.getByTestId('survey-candidate').count()).toBe(1);
    await frame.getByTestId('survey-candidate-accept').click();
    await frame.getByTestId('survey-decide').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('survey-notice').textContent()).toMatch(/1件を取り込み/);
    expect(session.emu.sheetValues('活動記録').length).toBe(2);
    await poll(() => frame.getByTestId('survey-candidate-counts').textContent()).toMatch(/取り込み済み 1件/);
    await frame.getByTestId('undo-last').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => session.emu.sheetValues('活動記録').length).toBe(1);
    expect(await frame.getByTestId('error').textContent()).toBe('');
  });

  it('saved the workbook with フォーム一覧, and the forms beside it', async () => {
    await poll(async () => {
      try {
        return (await readSavedSheet(book, 'フォーム一覧')).rows.length;
      } catch {
        return 0;
      }
    }).toBe(4);
    const list = await readSavedSheet(book, 'フォーム一覧');
    expect(list.cell(2, '状態')).toBe('回答受付中');
    expect(existsSync(join(temp, 'survey.forms.json'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
