// シート準備 through the real bundle: what it creates, what it leaves alone, all or nothing, and its call budget.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { contractColumns, SHEET_SPECS } from '../../../src/core/sheets/specs';
import { STANDARD_KINDS } from '../../../src/core/setup/plan';
import type { SetupResult, SidebarState } from '../../../src/shared/rpc';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';

const STANDARD_NAMES = STANDARD_KINDS.map((k) => SHEET_SPECS[k].canonicalName);

function sheet(session: ReturnType<typeof freshSession>, name: string) {
  const found = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('setupSheets', () => {
  it('creates every standard sheet with its canonical header and a frozen header row', () => {
    const session = freshSession();
    const result = rpc<SetupResult>(session, 'setupSheets');
    expect(result.created).toEqual(STANDARD_NAMES);
    const roster = session.emu.sheetValues('ボランティア名簿');
    expect(roster[0]).toEqual(contractColumns(SHEET_SPECS.volunteers).map((c) => c.header));
    for (const name of STANDARD_NAMES) expect(sheet(session, name).getFrozenRows()).toBe(1);
  });

  it('formats id, phone and postal columns as plain text so leading zeros survive', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    const roster = sheet(session, 'ボランティア名簿');
    const header = session.emu.sheetValues('ボランティア名簿')[0] as string[];
    for (const title of ['登録番号', '電話番号', '郵便番号']) {
      const column = header.indexOf(title) + 1;
      expect(roster.getRange(2, column).getNumberFormat()).toBe('@');
    }
    const phone = header.indexOf('電話番号') + 1;
    roster.getRange(2, phone).setValue('0424611234');
    expect(roster.getRange(2, phone).getValue()).toBe('0424611234');
  });

  it('puts drop-downs on list columns, 圏域 from the default 設定', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    const roster = sheet(session, 'ボランティア名簿');
    const header = session.emu.sheetValues('ボランティア名簿')[0] as string[];
    const status = roster.getRange(2, header.indexOf('状態') + 1).getDataValidation();
    expect(status?.getCriteriaValues()[0]).toEqual(['活動中', '休止', '退会']);
    const area = roster.getRange(5, header.indexOf('圏域') + 1).getDataValidation();
    expect(area?.getCriteriaValues()[0]).toEqual(['北東部', '北西部', '中部', '南部']);
    const consent = roster.getRange(2, header.indexOf('個人情報同意') + 1).getDataValidation();
    expect(consent?.getCriteriaValues()[0]).toEqual(['はい', 'いいえ']);
  });

  it('writes a default 設定 and 指標定義 with rows for all four basic goals', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    const settings = session.emu.sheetValues('設定');
    expect(settings.some((row) => row[0] === '秘匿基準' && row[1] === 10)).toBe(true);
    expect(settings.some((row) => row[0] === '年度開始月' && row[1] === 4)).toBe(true);
    const indicators = session.emu.sheetValues('指標定義');
    const header = indicators[0] as string[];
    expect(header).toContain('目標2028');
    const goalColumn = header.indexOf('基本目標');
    expect(new Set(indicators.slice(1).map((row) => row[goalColumn]))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('creates nothing the second time and says which sheets exist', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    const again = rpc<SetupResult>(session, 'setupSheets');
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(STANDARD_NAMES);
  });

  it('never changes a sheet that already has data, wherever its columns are', () => {
    const session = freshSession();
    const spreadsheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.insertSheet('名簿（2024）');
    const mine = [
      ['メモ', 'お名前', 'ふりがな', 'TEL', '登録No'],
      ['古い名簿から', '佐藤 花子', 'さとう はなこ', '042-461-1234', 'V-001'],
    ];
    session.emu.setSheetValues('名簿（2024）', mine);
    // A sheet that took the canonical name but holds something else is left alone too.
    spreadsheet.insertSheet('依頼');
    session.emu.setSheetValues('依頼', [['個人的なメモ'], ['電話する']]);
    const result = rpc<SetupResult>(session, 'setupSheets');
    expect(result.created).not.toContain('ボランティア名簿');
    expect(result.created).not.toContain('依頼');
    expect(result.existing).toEqual(expect.arrayContaining(['名簿（2024）', '依頼']));
    expect(session.emu.sheetValues('名簿（2024）')).toEqual(mine);
    expect(session.emu.sheetValues('依頼')).toEqual([['個人的なメモ'], ['電話する']]);
  });

  it('fills an empty sheet that already has the canonical name instead of adding a second one', () => {
    const session = freshSession();
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('寄付台帳');
    rpc(session, 'setupSheets');
    const names = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => n === '寄付台帳')).toHaveLength(1);
    expect(session.emu.sheetValues('寄付台帳')[0]).toContain('領収書番号');
  });

  it('refuses while someone else holds the document lock, and creates nothing', () => {
    const session = freshSession();
    session.emu.holdDocumentLockElsewhere(true);
    const error = rpcError(session, 'setupSheets');
    expect(error.code).toBe('lock.busy');
    expect(error.ja).toMatch(/他の人/);
    session.emu.holdDocumentLockElsewhere(false);
    const names = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names).toEqual(['シート1']);
  });

  it('makes the same number of service calls whatever the number of rows in existing sheets', () => {
    const counts = [100, 10_000].map((rows) => {
      const session = freshSession();
      session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
      const header = ['登録番号', '氏名', 'フリガナ', '電話番号', '活動分野'];
      const body = Array.from({ length: rows }, (_, i) => [
        `V-${i}`,
        '山田 太郎',
        'ヤマダ タロウ',
        '042-461-1234',
        '見守り',
      ]);
      session.emu.setSheetValues('名簿', [header, ...body]);
      session.emu.stats.reset();
      rpc(session, 'setupSheets');
      return session.emu.stats.total();
    });
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('menuSetupSheets', () => {
  it('asks first and creates nothing when staff answer いいえ', () => {
    const session = freshSession();
    session.emu.ui.answer('NO');
    session.invoke('menuSetupSheets');
    const [question] = session.emu.ui.alerts;
    expect(question?.prompt).toContain('ボランティア名簿');
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
  });

  it('creates the sheets after はい, reports it and opens the sidebar at シート準備', () => {
    const session = freshSession();
    session.emu.ui.answer('YES', 'OK');
    session.invoke('menuSetupSheets');
    expect(session.emu.ui.alerts[1]?.prompt).toMatch(/9枚のシートを作成しました/);
    expect(session.emu.ui.sidebar).not.toBeNull();
    const state = rpc<SidebarState>(session, 'getSidebarState');
    expect(state.section).toBe('setup');
    expect(state.missingStandardSheets).toEqual([]);
  });
});
