// Tsunagu's output sheets are marked as its own; a staff sheet with an output sheet's name is never overwritten (defect 3).
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { MatchView, SidebarState, UndoResult, ValidationView } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { OUTPUT_MARK_KEY } from '../../../src/core/output-sheets';
import { RESULT_HEADER } from '../../../src/core/validate/report';
import { demoSession, rosterSession } from '../../safety/actions';
import { rpc } from '../../local/helpers/session';

function book(session: Session) {
  return session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
}

/** A sheet of staff's own, with content, a note and a fill. */
function staffSheet(session: Session, name: string): () => unknown {
  const sheet = book(session).insertSheet(name);
  sheet.getRange(1, 1, 2, 2).setValues([
    ['職員のメモ', '日付'],
    ['理事会資料の下書き', '2026-11-01'],
  ]);
  sheet.getRange(2, 1).setNote('消さないで');
  sheet.getRange(2, 2).setBackground('#fce5cd');
  return () => session.emu.snapshot().sheets.find((s) => s.name === name);
}

function markOf(session: Session, name: string): string | null {
  const sheet = book(session).getSheetByName(name);
  const mark = sheet?.getDeveloperMetadata().find((m) => m.getKey() === OUTPUT_MARK_KEY);
  return mark ? mark.getValue() : null;
}

describe('output sheets and staff sheets of the same name', () => {
  it('検証 leaves a staff sheet named 検証結果 alone, writes to 検証結果 (つなぐ), says so, and uses that sheet next time', () => {
    const session = rosterSession();
    const theirs = staffSheet(session, '検証結果');
    const before = theirs();
    const view = rpc<ValidationView>(session, 'runValidation');
    expect(theirs()).toEqual(before);
    expect(view.resultSheet).toBe('検証結果 (つなぐ)');
    expect(view.notices.map((n) => n.ja).join('')).toMatch(
      /「検証結果」はつなぐが作ったシートではないため変更せず、結果を「検証結果 \(つなぐ\)」に書き込みました/,
    );
    expect(session.emu.sheetValues('検証結果 (つなぐ)')[0]).toEqual(RESULT_HEADER);
    expect(markOf(session, '検証結果 (つなぐ)')).toBe('validation');
    expect(markOf(session, '検証結果')).toBeNull();
    const again = rpc<ValidationView>(session, 'runValidation');
    expect(again.resultSheet).toBe('検証結果 (つなぐ)');
    expect(book(session).getSheetByName('検証結果 (つなぐ 2)')).toBeNull();
    expect(theirs()).toEqual(before);
  });

  it('マッチング leaves staff sheets named マッチング結果 and 不足分析 alone and says where the results went', () => {
    const session = demoSession();
    const results = staffSheet(session, 'マッチング結果');
    const shortages = staffSheet(session, '不足分析');
    const before = [results(), shortages()];
    const view = rpc<MatchView>(session, 'runMatching');
    expect([results(), shortages()]).toEqual(before);
    expect([view.resultSheet, view.shortageSheet]).toEqual(['マッチング結果 (つなぐ)', '不足分析 (つなぐ)']);
    const said = view.warnings.map((w) => w.ja).join('\n');
    expect(said).toMatch(/「マッチング結果」はつなぐが作ったシートではないため変更せず/);
    expect(said).toMatch(/「不足分析」はつなぐが作ったシートではないため変更せず/);
    // 承認 works on Tsunagu's sheet.
    const pair = view.requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    expect(
      session.emu.sheetValues('マッチング結果 (つなぐ)').some((r) => r[0] === pair.requestId && r[7] === true),
    ).toBe(true);
    expect([results(), shortages()]).toEqual(before);
  });

  it('keeps the history out of a staff sheet named つなぐ履歴, and 元に戻す still works', () => {
    const session = rosterSession();
    const theirs = staffSheet(session, 'つなぐ履歴');
    const before = theirs();
    const original = session.emu.sheetValues('ボランティア名簿');
    rpc(session, 'applyFixes', rpc<{ token: string }>(session, 'previewFixes').token);
    expect(theirs()).toEqual(before);
    expect(markOf(session, 'つなぐ履歴 (つなぐ)')).toBe('history');
    expect(book(session).getSheetByName('つなぐ履歴 (つなぐ)')?.isSheetHidden()).toBe(true);
    const undone = rpc<UndoResult>(session, 'undoLast');
    expect(undone.cells).toBeGreaterThan(0);
    expect(session.emu.sheetValues('ボランティア名簿')).toEqual(original);
    expect(theirs()).toEqual(before);
  });

  it('lists a staff sheet that carries an output name with the staff sheets, and hides only marked ones', () => {
    const session = rosterSession();
    staffSheet(session, '検証結果');
    rpc(session, 'runValidation');
    const names = rpc<SidebarState>(session, 'getSidebarState').sheets.map((s) => s.name);
    expect(names).toContain('検証結果');
    expect(names).not.toContain('検証結果 (つなぐ)');
  });

  it('adopts an unmarked 検証結果 that an earlier version of Tsunagu wrote (its own header), and marks it', () => {
    const session = rosterSession();
    const old = book(session).insertSheet('検証結果');
    old.getRange(1, 1, 2, RESULT_HEADER.length).setValues([RESULT_HEADER, RESULT_HEADER.map(() => '古い結果')]);
    const view = rpc<ValidationView>(session, 'runValidation');
    expect(view.resultSheet).toBe('検証結果');
    expect(view.notices).toEqual([]);
    expect(markOf(session, '検証結果')).toBe('validation');
    expect(session.emu.sheetValues('検証結果').flat()).not.toContain('古い結果');
  });

  it('leaves a marked output sheet that staff renamed to keep it, and writes a new one', () => {
    const session = rosterSession();
    rpc(session, 'runValidation');
    book(session).getSheetByName('検証結果')?.setName('検証結果_11月');
    const kept = session.emu.snapshot().sheets.find((s) => s.name === '検証結果_11月');
    const view = rpc<ValidationView>(session, 'runValidation');
    expect(view.resultSheet).toBe('検証結果');
    expect(session.emu.snapshot().sheets.find((s) => s.name === '検証結果_11月')).toEqual(kept);
  });

  it('keeps the output sheet itself when rewriting it: its id, its column widths and a formula elsewhere that refers to it', () => {
    const session = rosterSession();
    rpc(session, 'runValidation');
    const results = book(session).getSheetByName('検証結果');
    const id = results?.getSheetId();
    results?.setColumnWidth(7, 420);
    const summary = book(session).insertSheet('集計');
    summary.getRange(1, 1).setFormula("=COUNTA('検証結果'!A:A)");
    rpc(session, 'runValidation');
    expect(book(session).getSheetByName('検証結果')?.getSheetId()).toBe(id);
    expect(book(session).getSheetByName('検証結果')?.getColumnWidth(7)).toBe(420);
    expect(summary.getRange(1, 1).getFormula()).toBe("=COUNTA('検証結果'!A:A)");
  });
});
