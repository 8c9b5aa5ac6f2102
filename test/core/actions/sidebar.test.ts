// The sidebar's sheet list and the column mapping staff confirm, through the real bundle.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { MappingView, SidebarState } from '../../../src/shared/rpc';
import { Session } from '../../../src/local/session';
import { saveMapping } from '../../../src/core/actions/sidebar';
import { UserError } from '../../../src/core/errors';
import { portsFor } from '../../local/helpers/ports';
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

  it('keeps staff’s choice whether the sheet is live while they read it as another kind', () => {
    const session = withRoster();
    const detected = rpc<MappingView>(session, 'getMapping', '名簿');
    const columns: Record<string, number> = {};
    for (const c of detected.columns) if (c.key) columns[c.key] = c.index;
    rpc(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 2, columns, live: false });
    expect(rpc<MappingView>(session, 'getMapping', '名簿', 'requests')).toMatchObject({
      kind: 'requests',
      confirmed: false,
      live: false,
      liveChosen: true,
    });
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

  it('forgets the mapping of a sheet that was renamed or deleted, also when a new sheet takes its name', () => {
    const session = withRoster();
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.insertSheet('名簿2');
    session.emu.setSheetValues('名簿2', [
      ['お名前', 'TEL'],
      ['田中 一', '042-461-0001'],
    ]);
    rpc(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 2, columns: { name: 0, phone: 2 } });
    rpc(session, 'saveMapping', '名簿2', { kind: 'volunteers', headerRow: 1, columns: { name: 0, phone: 1 } });
    book.getSheetByName('名簿')?.setName('名簿（旧）');
    book.deleteSheet(book.getSheetByName('名簿2') as GoogleAppsScript.Spreadsheet.Sheet);
    book.insertSheet('名簿');
    session.emu.setSheetValues('名簿', [
      ['別の表', 'メモ'],
      ['a', 'b'],
    ]);
    const state = rpc<SidebarState>(session, 'getSidebarState');
    expect(state.sheets.find((s) => s.name === '名簿')?.confirmed).toBe(false);
    expect(state.sheets.find((s) => s.name === '名簿（旧）')?.confirmed).toBe(false);
    // The next save keeps only the mappings of sheets that are still there.
    rpc(session, 'saveMapping', '名簿（旧）', { kind: 'volunteers', headerRow: 2, columns: { name: 0 } });
    const stored = session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.mappings') ?? '';
    expect(Object.keys((JSON.parse(stored) as { s: object }).s)).toEqual(['名簿（旧）']);
  });

  it('confirms a column past the 500th', () => {
    const session = freshSession();
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('横長');
    const header = Array.from({ length: 700 }, (_, i) => `項目${i + 1}`);
    header[0] = '氏名';
    header[649] = '電話番号';
    session.emu.setSheetValues('横長', [
      header,
      header.map((_, i) => (i === 0 ? '佐藤 花子' : i === 649 ? '042-461-1234' : '')),
    ]);
    const saved = rpc<MappingView>(session, 'saveMapping', '横長', {
      kind: 'volunteers',
      headerRow: 1,
      columns: { name: 0, phone: 649 },
    });
    expect(saved.confirmed).toBe(true);
    expect(saved.columns[649]?.key).toBe('phone');
  });

  it('refuses an empty mapping and a header row it cannot see', () => {
    const session = withRoster();
    expect(rpcError(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 2, columns: {} }).code).toBe(
      'mapping.empty',
    );
    // The RPC's schema refuses a header row past the rows read before the action sees it …
    expect(
      rpcError(session, 'saveMapping', '名簿', { kind: 'volunteers', headerRow: 40, columns: { name: 0 } }).code,
    ).toBe('rpc.badArguments');
    // … and the action itself refuses it too, naming the row.
    let far: unknown = null;
    try {
      saveMapping(portsFor(session.emu), '名簿', { kind: 'volunteers', headerRow: 40, columns: { name: 0 } });
    } catch (error) {
      far = error;
    }
    expect(far).toBeInstanceOf(UserError);
    expect((far as UserError).code).toBe('mapping.badHeaderRow');
    expect((far as UserError).ja).toContain('40行目');
  });

  it('says clearly when the confirmed mappings no longer fit in the document properties', () => {
    const session = freshSession();
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const header = ['登録番号', '氏名', 'フリガナ', '電話番号', '住所', '圏域', '地区', 'メール', '活動分野', '状態'];
    let error: { code: string; ja: string } | null = null;
    for (let i = 0; i < 60 && error === null; i++) {
      const name = `ボランティア名簿（${'支所'.repeat(20)}${i}）`;
      book.insertSheet(name);
      session.emu.setSheetValues(name, [header, header.map(() => 'x')]);
      const columns = Object.fromEntries(
        ['volunteerId', 'name', 'furigana', 'phone', 'address', 'area', 'district', 'email', 'fields', 'status'].map(
          (key, c) => [key, c],
        ),
      );
      const envelope = session.run('saveMapping', name, { kind: 'volunteers', headerRow: 1, columns }) as {
        ok: boolean;
        error?: { code: string; ja: string };
      };
      if (!envelope.ok) error = envelope.error ?? null;
    }
    expect(error?.code).toBe('mapping.tooLarge');
    expect(error?.ja).toContain('自動');
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
