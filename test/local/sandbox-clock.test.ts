// The sandbox's clock: a fixed `now` drives the bundle's new Date() and Date.now(), and Date cells still pass instanceof Date.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { Emulator } from '../../src/local/emulator/index';
import { Sandbox } from '../../src/local/sandbox';
import { Session } from '../../src/local/session';
import { rpc } from './helpers/session';

describe('the sandbox clock', () => {
  it('gives the bundle the fixed time, while dates from the spreadsheet stay Dates', () => {
    const emu = Emulator.create();
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet?.getRange('A1').setValue(new Date('2024-04-01T00:00:00Z'));
    const sandbox = new Sandbox(
      `function probe() {
        var cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue();
        return [new Date().toISOString(), Date.now(), new Date(0).toISOString(), cell instanceof Date, new Date(2024, 0, 1).getFullYear()];
      }`,
      emu.globals,
      { now: () => Date.UTC(2030, 0, 2, 3, 4, 5) },
    );
    expect(sandbox.call('probe')).toEqual([
      '2030-01-02T03:04:05.000Z',
      Date.UTC(2030, 0, 2, 3, 4, 5),
      '1970-01-01T00:00:00.000Z',
      true,
      2024,
    ]);
  });

  it('makes what an action records the same on every run of a session with a fixed clock', () => {
    const run = () => {
      const session = Session.create('時計', { now: () => new Date('2026-11-26T03:00:00Z') });
      rpc(session, 'setupSheets');
      session.emu.setSheetValues('ボランティア名簿', [
        ['登録番号', '氏名', 'フリガナ', '電話番号'],
        ['V-1', '山田 花子', 'やまだ はなこ', '０４２－４６１－１２３４'],
      ]);
      rpc(session, 'runValidation');
      return session.emu.sheetValues('つなぐ履歴');
    };
    const first = run();
    // The history shows the fixed clock's instant in Tokyo time (03:00 UTC is 12:00 in Tokyo).
    expect(first[1]?.[1]).toBe('2026/11/26 12:00');
    expect(run()).toEqual(first);
  });
});
