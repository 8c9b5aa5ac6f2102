// 定期更新 in real Chromium: the time-driven trigger turned on from 指標サマリー on a chosen day and hour,
// run as Apps Script's clock would run it, its last run shown after 再読み込み, then stopped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { poll } from '../support/poll';
import { Session } from '../../src/local/session';
import { closeStudio, createDemoBook, openStudio, type StudioInBrowser } from './helpers';

describe('定期更新 in the studio (Chromium)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tsunagu-triggers-'));
  const book = join(temp, 'triggers.xlsx');
  let session: Session;
  let opened: StudioInBrowser | undefined;
  let frame: Frame;
  let errors: string[] = [];

  beforeAll(async () => {
    await createDemoBook(book, ['--seed', '3', '--volunteers', '60', '--requests', '20']);
    session = await Session.open(book);
    opened = await openStudio(temp, session, { bookPath: book, menu: 'menuSummary' });
    ({ frame, errors } = opened);
  });

  afterAll(() => closeStudio(temp, opened));

  it('turns the refresh on for the chosen day and hour, shows its run, and stops it', async () => {
    const block = frame.getByTestId('trigger-summary');
    await poll(() => frame.getByTestId('t-summary-2').textContent()).toBe('オフ');
    await block.locator('select').first().selectOption('FRIDAY');
    await block.locator('select').nth(1).selectOption('18');
    await frame.getByTestId('t-summary-start').click();
    await poll(() => frame.getByTestId('t-summary-2').textContent()).toBe('オン（あなたのアカウントで動いています）');
    expect(session.emu.triggers.map((t) => t.schedule?.onWeekDay)).toEqual(['FRIDAY']);
    expect(await block.textContent()).toContain('毎週金曜日 18時台');

    // The clock: the trigger runs with nobody at the screen.
    expect(session.emu.runClockTrigger(session.emu.triggers[0]?.id ?? '').error).toBeNull();
    await frame.getByTestId('t-summary-reload').click();
    await poll(async () => /前回の実行: .*（成功）/.test((await block.textContent()) ?? '')).toBe(true);

    await frame.getByTestId('t-summary-stop').click();
    await poll(() => frame.getByTestId('t-summary-2').textContent()).toBe('オフ');
    expect(session.emu.triggers).toEqual([]);
    expect(errors).toEqual([]);
  });
});
