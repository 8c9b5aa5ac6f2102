// 指標サマリー as an action: the marked output sheet, what staff typed kept per ID and 年度, nothing written on bad 指標定義, no personal data out.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SummaryReport, SummaryView } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { OUTPUT_MARK_KEY } from '../../../src/core/output-sheets';
import { ORPHAN_HEADING, PDCA_HEADER, SUMMARY_LEAD } from '../../../src/core/actions/summary';
import { summarizedSession, summarySession } from '../../safety/actions';
import { rpc, rpcError } from '../../local/helpers/session';

type Grid = unknown[][];

function book(session: Session) {
  return session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
}

function markOf(session: Session, name: string): string | null {
  const mark = book(session)
    .getSheetByName(name)
    ?.getDeveloperMetadata()
    .find((m) => m.getKey() === OUTPUT_MARK_KEY);
  return mark ? mark.getValue() : null;
}

function column(rows: Grid, name: string): number {
  return (rows[0] ?? []).map(String).indexOf(name);
}

/** The row of an indicator's 年度 (2024 → 令和6年度). */
function rowOf(rows: Grid, id: string, label: string): unknown[] {
  const idAt = column(rows, 'ID');
  const fyAt = column(rows, '年度');
  const row = rows.find((r) => r[idAt] === id && r[fyAt] === label);
  if (!row) throw new Error(`no row ${id} ${label}`);
  return row;
}

/** Moves 指標定義's row `from` (1-based) to the bottom and renames its 指標名. */
function reorderAndRename(session: Session, from: number, name: string): void {
  const rows = session.emu.sheetValues('指標定義');
  const header = (rows[0] ?? []).map(String);
  const moved = [...(rows[from - 1] ?? [])];
  moved[header.indexOf('指標名')] = name;
  const next = [...rows.slice(0, from - 1), ...rows.slice(from), moved];
  session.emu.setSheetValues('指標定義', next as never);
}

describe('指標サマリー', () => {
  let session: Session;
  let view: SummaryView;
  let rows: Grid;

  beforeAll(() => {
    session = summarySession();
    view = rpc<SummaryView>(session, 'runSummary');
    rows = session.emu.sheetValues('指標サマリー');
  });

  it('writes its marked sheet: our columns, the 圏域, the PDCA columns; a block per 基本目標; footnote and 最終更新', () => {
    expect(view.resultSheet).toBe('指標サマリー');
    expect(markOf(session, '指標サマリー')).toBe('summary');
    const header = (rows[0] ?? []).map(String);
    expect(header.slice(0, SUMMARY_LEAD.length)).toEqual([...SUMMARY_LEAD]);
    expect(header.slice(-PDCA_HEADER.length)).toEqual([...PDCA_HEADER]);
    expect(header).toContain('北東部');
    const headings = rows.filter((r) => /^基本目標[1-4]$/.test(String(r[0]))).map((r) => r[0]);
    expect(headings).toEqual(['基本目標1', '基本目標2', '基本目標3', '基本目標4']);
    expect(rows.some((r) => String(r[0]).startsWith('※') && String(r[0]).includes('秘匿'))).toBe(true);
    expect(String(rows[rows.length - 1]?.[0])).toBe(`最終更新: 2026-11-26 12:00`);
    // One row per indicator and 年度 shown.
    const perIndicator = rows.filter((r) => r[0] === 'G1-1').length;
    expect(perIndicator).toBe(view.years.length);
    expect(view.indicators).toBeGreaterThan(20);
  });

  it('shows counts, ＊ for hidden ones and データなし where the source is missing, never 0 for it', () => {
    const valueAt = column(rows, '実績');
    const shown = rows.slice(1).map((r) => r[valueAt]);
    expect(shown.some((v) => typeof v === 'number' && v > 0)).toBe(true);
    // The demo has no アンケート回答: the survey indicators say データなし.
    expect(rowOf(rows, 'G3-2', '令和6年度')[valueAt]).toBe('データなし');
    const suppressed = rows
      .slice(1)
      .flatMap((r) => r.slice(SUMMARY_LEAD.length))
      .filter((v) => v === '＊').length;
    expect(suppressed + rows.slice(1).filter((r) => r[valueAt] === '＊').length).toBeGreaterThan(0);
    expect(view.suppressedCells).toBeGreaterThan(0);
  });

  it('grades are coloured in the 評価 column', () => {
    const gradeAt = column(rows, '評価');
    const graded = rows.findIndex((r, i) => i > 0 && /^[A-D] /.test(String(r[gradeAt])));
    expect(graded, 'some indicator is graded').toBeGreaterThan(0);
    const fill = book(session)
      .getSheetByName('指標サマリー')
      ?.getRange(graded + 1, gradeAt + 1)
      .getBackground();
    expect(fill).toMatch(/^#(d9ead3|cfe2f3|fff2cc|f4cccc)$/);
  });

  it('no roster name, phone number or address appears in the sheet, the view, the JSON or the report', () => {
    const roster = session.emu.sheetValues('ボランティア名簿');
    const header = (roster[0] ?? []).map(String);
    const personal = ['氏名', '電話番号', '住所']
      .map((h) => header.indexOf(h))
      .filter((c) => c >= 0)
      .flatMap((c) => roster.slice(1).map((r) => String(r[c] ?? '')))
      .filter((v) => v.length >= 3);
    expect(personal.length).toBeGreaterThan(50);
    const report = rpc<SummaryReport>(session, 'getSummaryReport', null, true);
    const outputs = [JSON.stringify(rows), JSON.stringify(view), JSON.stringify(report.json), report.html ?? ''];
    for (const text of outputs) for (const p of personal) expect(text.includes(p), p).toBe(false);
  });

  it('getSummaryReport: the --json shape, one 年度 with --fy, and the report; writes nothing', () => {
    const before = session.emu.snapshot();
    const report = rpc<SummaryReport>(session, 'getSummaryReport', 2025, true);
    expect(session.emu.snapshot()).toEqual(before);
    const g11 = report.json.indicators.find((i) => i.id === 'G1-1');
    expect(g11?.cells.every((c) => c.fy === 2025)).toBe(true);
    expect(g11?.cells.some((c) => c.area === '市全体')).toBe(true);
    expect(report.html).toMatch(/^<!DOCTYPE html>/);
    expect(report.html).toContain('令和7年度');
    expect(rpcError(session, 'getSummaryReport', 1999, false).ja).toMatch(/1999年度は指標サマリーの年度/);
  });
});

describe('指標サマリー keeps what staff typed', () => {
  it("評価コメント, 担当 and a column of staff's own stay with their indicator and 年度 when 指標定義 is reordered and renamed", () => {
    const session = summarizedSession();
    // G1-1 is 指標定義's row 2: move it to the end and rename it.
    reorderAndRename(session, 2, '活動したボランティアの実人数・改訂');
    rpc<SummaryView>(session, 'runSummary');
    const rows = session.emu.sheetValues('指標サマリー');
    const first = rows.find((r) => r[0] === 'G1-1') ?? [];
    expect(first[column(rows, '指標名')]).toBe('活動したボランティアの実人数・改訂');
    expect(first[column(rows, '評価コメント')]).toBe('サロンの新設で増えた');
    expect(first[column(rows, '担当')]).toBe('地域福祉係');
    expect(first[column(rows, '理事会報告')]).toBe('12月に報告済み');
    expect(column(rows, '理事会報告')).toBe((rows[0] ?? []).length - 1);
    // Exactly one row carries it.
    expect(rows.filter((r) => r[column(rows, '評価コメント')] === 'サロンの新設で増えた').length).toBe(1);
  });

  it('a manual indicator keeps the 実績 staff typed, and it is graded against its 目標', () => {
    const session = summarySession();
    rpc(session, 'runSummary');
    let rows = session.emu.sheetValues('指標サマリー');
    const defs = session.emu.sheetValues('指標定義');
    const sourceAt = (defs[0] ?? []).map(String).indexOf('集計元');
    const manual = defs.find((r, i) => i > 0 && r[sourceAt] === '手入力');
    const id = String(manual?.[0]);
    const r = rows.findIndex((row) => row[0] === id && row[column(rows, '年度')] === '令和6年度');
    expect(r).toBeGreaterThan(0);
    book(session)
      .getSheetByName('指標サマリー')
      ?.getRange(r + 1, column(rows, '実績') + 1)
      .setValue(1000);
    const view = rpc<SummaryView>(session, 'runSummary');
    rows = session.emu.sheetValues('指標サマリー');
    const row = rowOf(rows, id, '令和6年度');
    expect(row[column(rows, '実績')]).toBe(1000);
    expect(String(row[column(rows, '評価')])).toMatch(/^A /);
    expect(view.goals.flatMap((g) => g.indicators).find((i) => i.id === id)).toBeDefined();
  });

  it('notes of an indicator removed from 指標定義 are kept in a block of their own, and stay there', () => {
    const session = summarizedSession();
    const defs = session.emu.sheetValues('指標定義');
    session.emu.setSheetValues('指標定義', [defs[0] ?? [], ...defs.slice(2)] as never);
    rpc(session, 'runSummary');
    rpc(session, 'runSummary');
    const rows = session.emu.sheetValues('指標サマリー');
    const heading = rows.findIndex((r) => r[0] === ORPHAN_HEADING);
    expect(heading).toBeGreaterThan(0);
    const kept = rows.slice(heading).find((r) => r[0] === 'G1-1') ?? [];
    expect(kept[column(rows, '評価コメント')]).toBe('サロンの新設で増えた');
    expect(rows.filter((r) => r[0] === ORPHAN_HEADING).length).toBe(1);
  });

  it('a comment typed like a formula is written back as text', () => {
    const session = summarizedSession();
    const rows = session.emu.sheetValues('指標サマリー');
    const r = rows.findIndex((row) => row[0] === 'G1-1');
    book(session)
      .getSheetByName('指標サマリー')
      ?.getRange(r + 1, column(rows, '改善の方向') + 1)
      .setValue("'=1+1 ではなく担い手を増やす");
    rpc(session, 'runSummary');
    const again = book(session).getSheetByName('指標サマリー');
    const formulas = again?.getDataRange().getFormulas() ?? [];
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  });
});

describe('指標サマリー refuses and leaves alone', () => {
  it('writes nothing while 指標定義 has errors, and names the row and column', () => {
    const session = summarySession();
    const defs = session.emu.sheetValues('指標定義');
    const header = (defs[0] ?? []).map(String);
    const bad = defs.map((r) => [...r]);
    (bad[3] as unknown[])[header.indexOf('条件')] = '活動種別=(サロン';
    (bad[4] as unknown[])[header.indexOf('集計元')] = '謎の台帳';
    session.emu.setSheetValues('指標定義', bad as never);
    const before = session.emu.snapshot();
    const error = rpcError(session, 'runSummary');
    expect(error.code).toBe('summary.definitions');
    expect(error.ja).toMatch(/4行目/);
    expect(error.ja).toMatch(/条件/);
    expect(error.ja).toMatch(/5行目/);
    expect(session.emu.snapshot()).toEqual(before);
    expect(book(session).getSheetByName('指標サマリー')).toBeNull();
  });

  it('a staff sheet named 指標サマリー is left alone; the summary goes to 指標サマリー (つなぐ) and says so', () => {
    const session = summarySession();
    const theirs = book(session).insertSheet('指標サマリー');
    theirs.getRange(1, 1, 2, 2).setValues([
      ['理事会用メモ', '日付'],
      ['下書き', '2026-11-01'],
    ]);
    const before = session.emu.snapshot().sheets.find((s) => s.name === '指標サマリー');
    const view = rpc<SummaryView>(session, 'runSummary');
    expect(view.resultSheet).toBe('指標サマリー (つなぐ)');
    expect(view.notices.map((n) => n.ja).join('')).toMatch(/「指標サマリー」はつなぐが作ったシートではない/);
    expect(session.emu.snapshot().sheets.find((s) => s.name === '指標サマリー')).toEqual(before);
    expect(markOf(session, '指標サマリー (つなぐ)')).toBe('summary');
  });
});
