// The sidebar's sheet list and the column mapping staff confirm, through the real bundle.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { MappingView, SidebarState } from '../../../src/shared/rpc';
import { Session } from '../../../src/local/session';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';

/** A roster the way staff keep it: a title row, their own column order and names, an extra column. */
function withRoster(): Session {
  const session = freshSession();
  session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
  session.emu.setSheetValues('名簿', [
    ['令和6年度 ボランティア登録者一覧', '', '', '', '', ''],
    ['お名前', 'ふりがな', 'TEL', '登録No', '活動したいこと', '係の覚え書き'],
    ['佐藤 花子', 'サトウ ハナコ', '042-461-1234', 'V-001', '見守り', 'やさしい'],
    ['鈴木 一郎', 'スズキ イチロウ', '090-1234-5678', 'V-002', '買い物支援', ''],
  ]);
  return session;
}

describe('getSidebarState', () => {
  it('lists each sheet with its detected kind, header row and data rows', () => {
    const state = rpc<SidebarState>(withRoster(), 'getSidebarState');
    const roster = state.sheets.find((s) => s.name === '名簿');
    expect(roster).toMatchObject({
      kind: 'volunteers',
      kindLabel: 'ボランティア名簿',
      headerRow: 2,
      dataRows: 2,
      confirmed: false,
    });
    expect(roster?.missingRequired).toEqual([]);
  });

  it('says in Japanese and English why a sheet is not recognised', () => {
    const state = rpc<SidebarState>(withRoster(), 'getSidebarState');
    const blank = state.sheets.find((s) => s.name === 'シート1');
    expect(blank?.kind).toBeNull();
    expect(blank?.reason?.ja).toMatch(/見出し行/);
    expect(blank?.reason?.en).toMatch(/header row/);
  });

  it('counts the roster as present, so only the other standard sheets are missing', () => {
    const state = rpc<SidebarState>(withRoster(), 'getSidebarState');
    expect(state.missingStandardSheets).not.toContain('ボランティア名簿');
    expect(state.missingStandardSheets).toContain('依頼');
  });
});

describe('getMapping', () => {
  it('shows every column with its detected field and sample values', () => {
    const view = rpc<MappingView>(withRoster(), 'getMapping', '名簿');
    expect(view.headerRow).toBe(2);
    expect(view.confirmed).toBe(false);
    const byHeader = Object.fromEntries(view.columns.map((c) => [c.header, c]));
    expect(byHeader['お名前']).toMatchObject({ key: 'name', samples: ['佐藤 花子', '鈴木 一郎'] });
    expect(byHeader['TEL']?.key).toBe('phone');
    expect(byHeader['係の覚え書き']).toMatchObject({ key: null, samples: ['やさしい'] });
  });

  it('shows which rows are set aside and why, and takes samples from data rows only', () => {
    const session = freshSession();
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
    session.emu.setSheetValues('名簿', [
      ['令和6年度 ボランティア登録者名簿', '', '', ''],
      ['', '', '', ''],
      ['登録番号', '氏名', '携帯', '月間上限'],
      ['', '計 2名', '', 8],
      ['V-001', '佐藤 花子', '090-1234-5678', 4],
      ['V-002', '鈴木 一郎', '', 4],
      ['', '計 2名', '', 8],
      ['※ 退会者は別シート', '', '', ''],
      ['以下余白', '', '', ''],
    ]);
    const view = rpc<MappingView>(session, 'getMapping', '名簿');
    expect(view.headerRow).toBe(3);
    expect(view.dataRows).toBe(2);
    expect(view.setAsideTotal).toBe(4);
    expect(view.setAside.map((r) => [r.row, r.reason.ja])).toEqual([
      [4, '「計 2名」: 合計・小計の行'],
      [7, '「計 2名」: 合計・小計の行'],
      [8, '「※ 退会者は別シート」: 注記の行'],
      [9, '「以下余白」: 記入の終わりの印'],
    ]);
    expect(view.setAside[0]?.reason.en).toBe('「計 2名」: a total or subtotal row');
    expect(view.columns.find((c) => c.header === '氏名')?.samples).toEqual(['佐藤 花子', '鈴木 一郎']);
    expect(view.columns.find((c) => c.header === '登録番号')?.samples).toEqual(['V-001', 'V-002']);
  });

  it('reads the header again as another kind when staff ask for one', () => {
    const view = rpc<MappingView>(withRoster(), 'getMapping', '名簿', 'requests');
    expect(view.kind).toBe('requests');
    expect(view.fields.map((f) => f.header)).toContain('依頼番号');
  });

  it('refuses an unknown sheet with a clear message', () => {
    const error = rpcError(withRoster(), 'getMapping', 'ない');
    expect(error.ja).toContain('「ない」が見つかりません');
  });
});

describe('saveMapping and clearMapping', () => {
  it('keeps the confirmed mapping per document, across closing and reopening the workbook', async () => {
    const session = withRoster();
    const detected = rpc<MappingView>(session, 'getMapping', '名簿');
    const columns: Record<string, number> = {};
    for (const c of detected.columns) if (c.key) columns[c.key] = c.index;
    columns.note = 5; // staff say 係の覚え書き is 備考
    const saved = rpc<MappingView>(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 2, columns });
    expect(saved.confirmed).toBe(true);
    expect(saved.columns[5]?.key).toBe('note');

    const path = join(mkdtempSync(join(tmpdir(), 'tsunagu-')), 'book.xlsx');
    await session.save(path);
    const reopened = await Session.open(path);
    const view = rpc<MappingView>(reopened, 'getMapping', '名簿');
    expect(view.confirmed).toBe(true);
    expect(view.columns[5]?.key).toBe('note');
    const state = rpc<SidebarState>(reopened, 'getSidebarState');
    expect(state.sheets.find((s) => s.name === '名簿')?.confirmed).toBe(true);
  });

  it('stores no personal data in the document properties', () => {
    const session = withRoster();
    rpc(session, 'saveMapping', '名簿', {
      kind: 'volunteers',
      headerRow: 2,
      columns: { name: 0, furigana: 1, phone: 2 },
    });
    const stored = JSON.stringify(session.emu.globals.PropertiesService.getDocumentProperties().getProperties());
    expect(stored).not.toMatch(/佐藤|サトウ|042-461/);
  });

  it('refuses a mapping that puts two fields on one column', () => {
    const error = rpcError(withRoster(), 'saveMapping', '名簿', {
      kind: 'volunteers',
      headerRow: 2,
      columns: { name: 0, furigana: 0 },
    });
    expect(error.code).toBe('mapping.invalid');
    expect(error.ja).toMatch(/名簿/);
  });

  it('refuses a column the sheet does not have and a header row that is empty', () => {
    const session = withRoster();
    expect(
      rpcError(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 2, columns: { name: 40 } }).code,
    ).toBe('mapping.badColumn');
    expect(
      rpcError(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 9, columns: { name: 0 } }).code,
    ).toBe('mapping.badHeaderRow');
    expect(rpcError(session, 'saveMapping', '名簿', { kind: 'nonsense', headerRow: 2, columns: {} }).code).toBe(
      'mapping.badKind',
    );
  });

  it('clearMapping goes back to automatic detection', () => {
    const session = withRoster();
    rpc(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 2, columns: { name: 0 } });
    const view = rpc<MappingView>(session, 'clearMapping', '名簿');
    expect(view.confirmed).toBe(false);
    expect(view.columns.find((c) => c.header === 'TEL')?.key).toBe('phone');
  });
});

describe('Tsunagu output sheets', () => {
  it('are not listed as staff sheets, whatever their header looks like', () => {
    const session = withRoster();
    rpc(session, 'runValidation');
    const state = rpc<SidebarState>(session, 'getSidebarState');
    const names = state.sheets.map((s) => s.name);
    expect(names).toContain('名簿');
    expect(names).not.toContain('検証結果');
    expect(names).not.toContain('つなぐ履歴');
  });
});
