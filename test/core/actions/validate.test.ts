// 検証, 安全な修正, ハイライトを消す and 元に戻す through the real bundle on a roster with typical mistakes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { FixPreview, FixResult, HighlightResult, UndoResult, ValidationView } from '../../../src/shared/rpc';
import { HISTORY_SHEET } from '../../../src/core/history/codec';
import { Session } from '../../../src/local/session';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';

const HEADER = ['登録番号', '氏名', 'フリガナ', '生年月日', '電話番号', '郵便番号', '活動分野', '個人情報同意', '状態'];

/** A roster as staff type it, with the classic mistakes in some rows. */
function rosterSession(extraRows = 0): Session {
  const session = freshSession();
  rpc(session, 'setupSheets');
  const rows: unknown[][] = [
    HEADER,
    ['V-001', '佐藤 花子', 'サトウ ハナコ', '1950-05-01', '042-461-1234', '188-0012', '見守り', 'はい', '活動中'],
    [
      'V-002',
      '鈴木 一郎',
      'すずき いちろう',
      '昭和23年5月1日',
      '０９０－１２３４－５６７８',
      '1880013',
      '買い物',
      'はい',
      '活動中',
    ],
    ['V-003', '髙橋 明', 'タカハシ アキラ', 'R1.5.1', '0424611235', '〒188-0014', '', 'はい', '活動中'],
  ];
  for (let i = 0; i < extraRows; i++) {
    rows.push([
      `V-${1000 + i}`,
      '山田 太郎',
      'ヤマダ タロウ',
      '1960-01-01',
      `042-46${i % 10}-${String(1000 + (i % 9000)).padStart(4, '0')}`,
      '188-0012',
      '見守り',
      'はい',
      '活動中',
    ]);
  }
  session.emu.setSheetValues('ボランティア名簿', rows);
  // Staff's own notes and fills must come back exactly.
  const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿');
  sheet?.getRange(3, 3).setNote('本人に確認中');
  sheet?.getRange(3, 3).setBackground('#d9ead3');
  return session;
}

function cell(session: Session, row: number, column: number) {
  const range = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('ボランティア名簿')
    ?.getRange(row, column);
  if (!range) throw new Error('no roster');
  return { value: range.getValue(), note: range.getNote(), background: range.getBackground() };
}

describe('runValidation', () => {
  it('writes 検証結果 with a link to each cell and marks the cells', () => {
    const session = rosterSession();
    const view = rpc<ValidationView>(session, 'runValidation');
    expect(view.counts.errors + view.counts.warnings).toBeGreaterThan(0);
    expect(view.resultSheet).toBe('検証結果');
    const results = session.emu.sheetValues('検証結果');
    expect(results[0]).toEqual([
      'シート',
      'セル',
      '行',
      '列',
      '重大度',
      'コード',
      '内容',
      '値',
      '提案',
      '安全に修正可',
    ]);
    const furigana = results.find((r) => r[3] === 'フリガナ' && r[2] === 3);
    expect(furigana?.[5]).toMatch(/^kana\./);
    const link = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('検証結果')
      ?.getRange(2, 2)
      .getFormula();
    expect(link).toMatch(/^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+"/);
    const marked = cell(session, 3, 3);
    expect(marked.note).toMatch(/^本人に確認中\n\n【つなぐ検証】/);
    expect(marked.background).not.toBe('#d9ead3');
    expect(view.highlighted).toBeGreaterThan(0);
  });

  it('groups the issues by sheet and rule for the sidebar', () => {
    const view = rpc<ValidationView>(rosterSession(), 'runValidation');
    const group = view.groups.find((g) => g.code.startsWith('kana.'));
    expect(group?.sheet).toBe('ボランティア名簿');
    expect(group?.issues[0]).toMatchObject({ row: 3, column: 'フリガナ', cell: 'C3', fixable: true });
  });

  it('does not stack marks when run twice, and ハイライトを消す restores notes and fills exactly', () => {
    const session = rosterSession();
    const before = [cell(session, 3, 3), cell(session, 4, 5), cell(session, 2, 1)];
    rpc(session, 'runValidation');
    rpc(session, 'runValidation');
    expect(cell(session, 3, 3).note.match(/【つなぐ検証】/g)).toHaveLength(1);
    const cleared = rpc<HighlightResult>(session, 'clearHighlights');
    expect(cleared.restored).toBeGreaterThan(0);
    // C3's note 「本人に確認中」 was written by staff: it is back, and counted as kept.
    expect(cleared.notesKept).toBe(1);
    expect([cell(session, 3, 3), cell(session, 4, 5), cell(session, 2, 1)]).toEqual(before);
    expect(rpc<HighlightResult>(session, 'clearHighlights')).toEqual({ restored: 0, notesKept: 0 });
  });

  it('keeps a fill staff changed after 検証 when the highlight is cleared', () => {
    const session = rosterSession();
    rpc(session, 'runValidation');
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('ボランティア名簿')
      ?.getRange(3, 3)
      .setBackground('#0000ff');
    rpc(session, 'clearHighlights');
    expect(cell(session, 3, 3)).toMatchObject({ note: '本人に確認中', background: '#0000ff' });
  });
});

describe('previewFixes and applyFixes', () => {
  it('previews before and after, then applies only meaning-preserving fixes', () => {
    const session = rosterSession();
    const preview = rpc<FixPreview>(session, 'previewFixes');
    const furigana = preview.items.find((i) => i.cell === 'C3');
    expect(furigana).toMatchObject({ before: 'すずき いちろう', after: 'スズキ イチロウ', kind: 'kana' });
    expect(preview.items.some((i) => i.column === '氏名')).toBe(false); // 髙橋 stays as typed
    const result = rpc<FixResult>(session, 'applyFixes', preview.token);
    expect(result.applied).toBe(preview.total);
    expect(cell(session, 3, 3).value).toBe('スズキ イチロウ');
    expect(cell(session, 3, 5).value).toBe('090-1234-5678');
    expect(cell(session, 4, 2).value).toBe('髙橋 明');
    expect(result.undo?.label.ja).toMatch(/安全な修正/);
    // Nothing fixable is left.
    expect(rpc<FixPreview>(session, 'previewFixes').total).toBe(0);
  });

  it('refuses when the sheet changed after the preview, and writes nothing', () => {
    const session = rosterSession();
    const preview = rpc<FixPreview>(session, 'previewFixes');
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('ボランティア名簿')
      ?.getRange(3, 3)
      .setValue('すずき いちろ');
    const error = rpcError(session, 'applyFixes', preview.token);
    expect(error.code).toBe('fix.changed');
    expect(error.ja).toMatch(/プレビュー/);
    expect(cell(session, 3, 5).value).toBe('０９０－１２３４－５６７８');
  });

  it('refuses while another user holds the document lock', () => {
    const session = rosterSession();
    const preview = rpc<FixPreview>(session, 'previewFixes');
    session.emu.holdDocumentLockElsewhere(true);
    expect(rpcError(session, 'applyFixes', preview.token).code).toBe('lock.busy');
    session.emu.holdDocumentLockElsewhere(false);
    expect(cell(session, 3, 3).value).toBe('すずき いちろう');
  });
});

describe('undoLast', () => {
  it('gives back the original cells exactly, also after the workbook is saved and reopened', async () => {
    const session = rosterSession();
    const original = session.emu.sheetValues('ボランティア名簿');
    rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
    expect(session.emu.sheetValues('ボランティア名簿')).not.toEqual(original);
    const path = join(mkdtempSync(join(tmpdir(), 'tsunagu-undo-')), 'book.xlsx');
    await session.save(path);
    const reopened = await Session.open(path);
    expect(
      reopened.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY_SHEET)?.isSheetHidden(),
    ).toBe(true);
    const undone = rpc<UndoResult>(reopened, 'undoLast');
    expect(undone.cells).toBeGreaterThan(0);
    expect(reopened.emu.sheetValues('ボランティア名簿')).toEqual(original);
    expect(rpcError(reopened, 'undoLast').code).toBe('undo.nothing');
  });

  it('refuses when rows were inserted above a fixed row, so another row sits at its address', () => {
    const session = rosterSession();
    rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿')?.insertRowBefore(2);
    const before = session.emu.sheetValues('ボランティア名簿');
    expect(rpcError(session, 'undoLast').code).toBe('undo.changed');
    expect(session.emu.sheetValues('ボランティア名簿')).toEqual(before);
  });

  it('says so when the fixed sheet was renamed', () => {
    const session = rosterSession();
    rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿')?.setName('名簿（旧）');
    const error = rpcError(session, 'undoLast');
    expect(error.code).toBe('undo.sheetMissing');
    expect(error.ja).toContain('ボランティア名簿');
  });

  it('refuses when a fixed cell was edited since, naming the cell', () => {
    const session = rosterSession();
    rpc(session, 'applyFixes', rpc<FixPreview>(session, 'previewFixes').token);
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('ボランティア名簿')
      ?.getRange(3, 3)
      .setValue('スズキ イチ');
    const error = rpcError(session, 'undoLast');
    expect(error.code).toBe('undo.changed');
    expect(error.ja).toContain('ボランティア名簿!C3');
  });
});

describe('service calls', () => {
  // Both sizes produce more result rows than a new sheet has, so both grow 検証結果 once; both fit
  // in one call (a larger roster is validated in parts, each part flat in rows: test/local/budget.test.ts).
  it('are the same for 2,000 and 4,000 roster rows (validate, fix, undo)', () => {
    const counts = [2_000, 4_000].map((n) => {
      const session = rosterSession(n);
      session.emu.stats.reset();
      rpc(session, 'runValidation');
      const token = rpc<FixPreview>(session, 'previewFixes').token;
      rpc(session, 'applyFixes', token);
      rpc(session, 'undoLast');
      return session.emu.stats.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});
