// Totals, notes and 以下余白 rows in staff sheets are left alone by every action: not validated, not fixed, not marked, not matched.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { FixPreview, FixResult, MatchView, ValidationReport, ValidationView } from '../../../src/shared/rpc';
import { type Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

/** A roster as kept in Excel: a title, a blank row, the header on row 3, a 計 row, a note and 以下余白. */
function ledgerSession(): Session {
  const session = freshSession();
  const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  book.insertSheet('名簿');
  session.emu.setSheetValues('名簿', [
    ['令和6年度 ボランティア登録者名簿', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['登録番号', '氏名', 'フリガナ', '携帯', '個人情報同意', '状態', '月間上限', '圏域'],
    ['V-001', '佐藤 花子', 'さとう はなこ', '０９０－１２３４－５６７８', 'はい', '活動中', 4, '北東部'],
    ['V-002', '鈴木 一郎', 'スズキ イチロウ', 9012345679, 'はい', '活動中', 2, '北東部'],
    ['', '計 2名', '', '', '', '', 6, ''],
    ['※ 退会者は「退会者」シートへ移す', '', '', '', '', '', '', ''],
    ['以下余白', '', '', '', '', '', '', ''],
  ]);
  return session;
}

function values(session: Session): unknown[][] {
  return session.emu.sheetValues('名簿');
}

describe('rows that are not data', () => {
  it('are never validated as a person, and data rows below a header on row 3 are', () => {
    const session = ledgerSession();
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    const rows = new Set(report.issues.filter((i) => i.sheet === '名簿').map((i) => i.row));
    expect([...rows].sort()).toEqual([4, 5]);
    expect(report.issues.find((i) => i.row === 4 && i.column === 'フリガナ')?.fix?.to).toBe('サトウ ハナコ');
    const view = rpc<ValidationView>(session, 'runValidation');
    expect(view.checkedSheets.find((s) => s.name === '名簿')?.rows).toBe(2);
  });

  it('are never written into: marks and fixes touch data rows only, at the rows the sheet numbers', () => {
    const session = ledgerSession();
    const before = values(session);
    rpc<ValidationView>(session, 'runValidation');
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('名簿');
    for (const row of [1, 2, 3, 6, 7, 8])
      for (let c = 1; c <= 8; c++) {
        expect(sheet?.getRange(row, c).getNote(), `note ${row},${c}`).toBe('');
        expect(sheet?.getRange(row, c).getBackground(), `fill ${row},${c}`).toBe('#ffffff');
      }
    const preview = rpc<FixPreview>(session, 'previewFixes');
    expect(new Set(preview.items.map((i) => i.row))).toEqual(new Set([4, 5]));
    rpc<FixResult>(session, 'applyFixes', preview.token);
    const after = values(session);
    for (const row of [0, 1, 2, 5, 6, 7]) expect(after[row], `row ${row + 1}`).toEqual(before[row]);
    expect(after[3]?.[2]).toBe('サトウ ハナコ');
    expect(after[3]?.[3]).toBe('090-1234-5678');
    expect(after[4]?.[3]).toBe('090-1234-5679');
  });

  it('are never matched: a 計 row is no volunteer', () => {
    const session = ledgerSession();
    rpc(session, 'setupSheets');
    const header = session.emu.sheetValues('依頼')[0] as string[];
    const request = header.map(
      (h) =>
        ({ 依頼番号: 'R-1', 受付日: '2026-11-20', 圏域: '北東部', 状態: '受付', 必要人数: 5 })[h as '依頼番号'] ?? '',
    );
    session.emu.setSheetValues('依頼', [header, request]);
    const view = rpc<MatchView>(session, 'runMatching');
    const ids = view.requests.flatMap((r) => r.pairs.map((p) => p.volunteerId));
    expect(ids.every((id) => id === 'V-001' || id === 'V-002')).toBe(true);
    expect(view.requests[0]?.unmatchedReasons.map((m) => m.ja).join('')).not.toContain('計');
    // Before, the 計 row was read as a volunteer without 登録番号 and reported as such.
    expect(view.warnings.map((w) => w.ja).join('')).not.toContain('登録番号のない');
  });
});
