// Two sheets of one kind in the sidebar (real Chromium): a 退会者 archive beside the live roster is
// listed as not used for matching and summaries; staff tick it in its mapping view and confirm, and
// the choice is kept with the mapping.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import { closeStudio, openStudio, type StudioInBrowser } from './helpers';

const HEADER = ['登録番号', '氏名', 'フリガナ', '電話番号', '状態'];

describe('a roster and its 退会者 archive in the sidebar (Chromium)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-two-sheets-'));
  let opened: StudioInBrowser | undefined;
  let frame: Frame;
  let errors: string[] = [];

  beforeAll(async () => {
    const session = Session.create('名簿と退会者');
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.getSheets()[0]?.setName('名簿');
    session.emu.setSheetValues('名簿', [HEADER, ['V-001', '佐藤 花子', 'サトウ ハナコ', '042-461-1234', '活動中']]);
    book.insertSheet('退会者');
    session.emu.setSheetValues('退会者', [HEADER, ['V-090', '中村 和子', 'ナカムラ カズコ', '042-461-9999', '退会']]);
    opened = await openStudio(temp, session, { menu: 'showSidebar' });
    ({ frame, errors } = opened);
  });

  afterAll(() => closeStudio(temp, opened));

  const item = (name: string) => frame.getByTestId('sheet-item').filter({ hasText: name });

  it('lists both sheets as rosters, the archive as not used for matching and summaries', async () => {
    await item('退会者').waitFor();
    expect(await item('退会者').getByTestId('sheet-not-live').textContent()).toBe('マッチング・集計に使わない');
    expect(await item('名簿').first().getByTestId('sheet-not-live').count()).toBe(0);
  });

  it('says why in the archive’s mapping view; ticking it and confirming keeps it with the mapping', async () => {
    await item('退会者').locator('button').click();
    const box = frame.getByTestId('mapping-live');
    await box.waitFor({ state: 'visible' });
    expect(await box.isChecked()).toBe(false);
    expect(await frame.getByTestId('mapping-live-choice').textContent()).toContain(
      'シート名から退会者・過去分などの保管用と判断し',
    );
    await box.check();
    await poll(() => frame.getByTestId('mapping-live-choice').textContent()).toContain(
      '「この対応で確定」を押すと保存されます',
    );
    await frame.getByTestId('mapping-save').click();
    await poll(() => frame.locator('.status-line').textContent()).toContain('確認済み');
    expect(await frame.getByTestId('mapping-live').isChecked()).toBe(true);
    await frame.locator('#mapping-back').click();
    await poll(() => item('退会者').getByTestId('sheet-not-live').count()).toBe(0);
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
  });
});
