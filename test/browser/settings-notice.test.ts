// The sidebar on a workbook without a 設定 sheet (real Chromium): no organisation name, a notice that
// 設定 does not exist yet above every section, and a way to シート準備 from the others; gone once 設定 exists.
// And a ledger's ambiguous 種別 shown for confirmation in the mapping view.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import { closeStudio, openStudio, type StudioInBrowser } from './helpers';

describe('the sidebar without a 設定 sheet (Chromium)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-no-settings-'));
  let opened: StudioInBrowser | undefined;
  let frame: Frame;
  let errors: string[] = [];

  beforeAll(async () => {
    const session = Session.create('名簿だけのブック');
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
    session.emu.setSheetValues('名簿', [
      ['登録番号', '氏名', 'フリガナ', '電話番号', '状態'],
      ['V-001', '佐藤 花子', 'サトウ ハナコ', '042-461-1234', '活動中'],
    ]);
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('寄付受付簿');
    session.emu.setSheetValues('寄付受付簿', [
      ['令和6年度 寄付受付簿', '', '', ''],
      ['日付', '寄付者名', '金額(円)', '種別'],
      ['2024/4/3', '佐藤 花子', 10000, '一般'],
    ]);
    opened = await openStudio(temp, session, { menu: 'showSidebar' });
    ({ frame, errors } = opened);
  });

  afterAll(() => closeStudio(temp, opened));

  const notice = () => frame.getByTestId('settings-notice');

  it('shows no organisation name, and says above シート準備 that 設定 does not exist yet', async () => {
    await poll(() => notice().textContent()).toContain('設定シートがまだありません');
    expect(await frame.locator('.brand-org').textContent()).toBe('');
    // In シート準備 itself the create button is right there: the notice offers no second way.
    expect(await frame.getByTestId('settings-open-setup').count()).toBe(0);
  });

  it('offers シート準備 from another section, and the button opens it', async () => {
    await frame.getByTestId('tab-validate').click();
    const open = frame.getByTestId('settings-open-setup');
    await open.waitFor({ state: 'visible' });
    expect(await open.textContent()).toBe('シート準備を開く');
    await open.click();
    await poll(() => frame.getByTestId('tab-setup').getAttribute('aria-selected')).toBe('true');
    await frame.getByTestId('setup-create').waitFor({ state: 'visible' });
  });

  it('says it in English in English mode', async () => {
    await frame.getByTestId('lang-toggle').click();
    await poll(() => notice().textContent()).toContain('There is no 設定 (settings) sheet yet');
    await frame.getByTestId('lang-toggle').click();
  });

  it('shows why an ambiguous 種別 was read as 区分, until staff choose another field', async () => {
    await frame.getByTestId('sheet-item').filter({ hasText: '寄付受付簿' }).locator('button').click();
    const note = frame.getByTestId('mapping-column-note');
    await note.waitFor({ state: 'visible' });
    expect(await note.textContent()).toContain('「種別」は「区分」とも「寄付者種別」とも読めます');
    expect(await note.count()).toBe(1);
    await frame.locator('#mapping-field-3').selectOption('donorType');
    await poll(() => frame.getByTestId('mapping-column-note').count()).toBe(0);
    await frame.locator('#mapping-back').click();
  });

  it('is gone once シート準備 has created 設定', async () => {
    await frame.getByTestId('setup-create').click();
    await frame.getByTestId('confirm-yes').click();
    await poll(() => notice().textContent(), { timeout: 10_000 }).toBe('');
    expect(await frame.locator('.brand-org').textContent()).toBe('');
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
  });
});
