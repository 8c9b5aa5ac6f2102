// The whole アンケート loop offline, in real Chromium: the registration form generated from the sidebar, answered
// in the studio's form view as a respondent (one answer the form's validation refuses first, with its message),
// submitted into the emulated form (its response sheet gains the row), imported into ボランティア名簿 after the
// confirmation, and undone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import { closeStudio, openStudio, type StudioInBrowser, watchErrors } from './helpers';

describe('アンケート: generate, answer, import, undo (Chromium)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-respond-'));
  const book = join(temp, 'respond.xlsx');
  let session: Session;
  let opened: StudioInBrowser | undefined;
  let context: BrowserContext;
  let page: Page;
  let respondent: Page;
  let frame: Frame;
  let errors: string[] = [];
  let rosterRows = 0;

  beforeAll(async () => {
    const prepared = Session.create('回答のテスト');
    prepared.run('setupSheets');
    await prepared.save(book);
    session = await Session.open(book);
    rosterRows = session.emu.sheetValues('ボランティア名簿').length;
    opened = await openStudio(temp, session, { bookPath: book, menu: 'menuSurvey' });
    ({ context, page, frame, errors } = opened);
  });

  afterAll(() => closeStudio(temp, opened));

  it('generates the registration form from the sidebar', async () => {
    await frame.getByTestId('survey-template').selectOption('ボランティア登録');
    await frame.getByTestId('survey-template-write').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('survey-notice').textContent()).toMatch(/ボランティア登録/);
    await frame.getByTestId('survey-run').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('survey-url').count()).toBe(3);
  });

  it('lists the forms for respondents and shows the Japanese one page by page', async () => {
    const [opened] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-forms').click()]);
    respondent = opened;
    errors.push(...watchErrors(respondent));
    await respondent.waitForLoadState('load');
    expect(await respondent.getByTestId('form-link').count()).toBe(3);
    await respondent.locator('[data-testid="form-link"][data-language="ja"]').click();
    await respondent.getByTestId('form-page').first().waitFor();
    expect(await respondent.locator('h1').textContent()).toMatch(/ボランティア/);
    // One page at a time: the first is shown, the sections after it are not.
    expect(await respondent.locator('[data-testid="form-page"]:not([hidden])').count()).toBe(1);
    expect(await respondent.getByTestId('form-page').count()).toBe(3);
  });

  function question(title: RegExp) {
    return respondent.getByTestId('form-item').filter({ has: respondent.locator('.item-title', { hasText: title }) });
  }

  it('refuses a phone number in the wrong shape with the form’s own message, then goes on once it is fixed', async () => {
    await question(/^お名前/)
      .locator('input')
      .fill('西東 花子');
    await question(/^フリガナ/)
      .locator('input')
      .fill('サイトウ ハナコ');
    await question(/^生年月日/)
      .locator('input')
      .fill('1960-04-01');
    await question(/^性別/).getByRole('radio').first().check();
    await question(/^ご住所/)
      .locator('input')
      .fill('西東京市田無町1-1-1');
    await question(/^電話番号/)
      .locator('input')
      .fill('でんわ');
    await respondent.getByTestId('form-next').first().click();
    const problem = question(/^電話番号/).getByTestId('form-problem');
    await poll(() => problem.isVisible()).toBe(true);
    expect(await problem.textContent()).toMatch(/電話番号/);
    // Still on the first page.
    expect(await respondent.locator('[data-testid="form-page"]:not([hidden])').getAttribute('data-page')).toBe('0');
    await question(/^電話番号/)
      .locator('input')
      .fill('042-000-0001');
    await respondent.getByTestId('form-next').first().click();
    await poll(() => respondent.locator('[data-testid="form-page"]:not([hidden])').getAttribute('data-page')).toBe('1');
    expect(await problem.isVisible()).toBe(false);
  });

  it('answers the later pages, submits, and the response sheet gains the row', async () => {
    await question(/^やってみたい活動の分野/)
      .getByRole('checkbox')
      .first()
      .check();
    await respondent.locator('[data-page="1"] [data-testid="form-next"]').click();
    await poll(() => respondent.locator('[data-testid="form-page"]:not([hidden])').getAttribute('data-page')).toBe('2');
    await question(/保険/).first().getByRole('radio').first().check();
    await question(/個人情報/)
      .last()
      .getByRole('checkbox')
      .first()
      .check();
    await respondent.locator('[data-page="2"] [data-testid="form-submit"]').click();
    await respondent.getByTestId('form-done').waitFor();
    const form = session.emu.forms.all.find((f) => f.title.includes('ボランティア') && f.responses.length > 0);
    expect(form?.responses).toHaveLength(1);
    const sheet = form?.destination?.sheetName ?? '';
    await poll(() => session.emu.sheetValues(sheet).length).toBe(2);
    expect(session.emu.sheetValues(sheet)[1]).toContain('西東 花子');
  });

  it('imports the answer into ボランティア名簿 after the confirmation, and undoes it', async () => {
    await page.bringToFront();
    await frame.getByTestId('survey-candidates-load').click();
    await poll(() => frame.getByTestId('survey-candidate').count()).toBe(1);
    await frame.getByTestId('survey-candidate-accept').click();
    await frame.getByTestId('survey-decide').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => frame.getByTestId('survey-notice').textContent()).toMatch(/1件を取り込み/);
    const roster = session.emu.sheetValues('ボランティア名簿');
    expect(roster.length).toBe(rosterRows + 1);
    expect(roster[roster.length - 1]).toContain('西東 花子');
    await frame.getByTestId('undo-last').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => session.emu.sheetValues('ボランティア名簿').length).toBe(rosterRows);
    expect(await frame.getByTestId('error').textContent()).toBe('');
    expect(errors).toEqual([]);
  });
});
