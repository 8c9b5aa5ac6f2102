// 年度確定: closing a 年度 freezes its published figures in a hidden sheet of Tsunagu's own; the
// summary keeps showing them and says where the source rows changed since — never by how much
// where a figure is hidden; 確定を取り消す brings the figures counted now back.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SummaryJson, SummaryReport, SummaryView } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { OUTPUT_MARK_KEY, OUTPUT_NAMES } from '../../../src/core/output-sheets';
import { CLOSING_COLUMN } from '../../../src/core/actions/summary';
import { summarizedSession } from '../../safety/actions';
import { rpc, rpcError } from '../../local/helpers/session';

type Grid = unknown[][];
const SNAPSHOT = OUTPUT_NAMES.closing;

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

function rowOf(rows: Grid, id: string, label: string): unknown[] {
  const row = rows.find((r) => r[column(rows, 'ID')] === id && r[column(rows, '年度')] === label);
  if (!row) throw new Error(`no row ${id} ${label}`);
  return row;
}

function json(session: Session, fy?: number): SummaryJson {
  return rpc<SummaryReport>(session, 'getSummaryReport', fy ?? null, false).json;
}

function cityCell(j: SummaryJson, id: string, fy: number) {
  const cell = j.indicators.find((i) => i.id === id)?.cells.find((c) => c.fy === fy && c.area === '市全体');
  if (!cell) throw new Error(`no cell ${id} ${fy}`);
  return cell;
}

/** Copies `count` rows of 相談記録 received in 令和7年度 (2025-04 … 2026-03), about ヤングケアラー or not, to its bottom. */
function addConsultations(session: Session, count: number, youngCarers: boolean): void {
  const rows = session.emu.sheetValues('相談記録') as Grid;
  const dateAt = column(rows, '受付日');
  const kindAt = column(rows, '相談分類');
  const inFy2025 = rows.slice(1).filter((r) => {
    const d = r[dateAt];
    const t = d instanceof Date ? d : new Date(String(d));
    return (
      t >= new Date('2025-04-01T00:00:00+09:00') &&
      t < new Date('2026-04-01T00:00:00+09:00') &&
      String(r[kindAt]).includes('ヤングケアラー') === youngCarers
    );
  });
  if (inFy2025.length < count) throw new Error('the demo has too few consultations in 2025');
  session.emu.setSheetValues('相談記録', [...rows, ...inFy2025.slice(0, count)] as never);
}

describe('年度確定', () => {
  let session: Session;
  let closed: SummaryView;
  let before: SummaryJson;

  beforeAll(() => {
    session = summarizedSession();
    before = json(session, 2025);
    closed = rpc<SummaryView>(session, 'closeFiscalYear', 2025);
  });

  it('freezes the 年度 in a hidden sheet marked as Tsunagu’s, and says so in the view', () => {
    expect(markOf(session, SNAPSHOT)).toBe('closing');
    expect(book(session).getSheetByName(SNAPSHOT)?.isSheetHidden()).toBe(true);
    expect(closed.closed.map((c) => c.fy)).toEqual([2025]);
    expect(closed.closable.map((c) => c.fy)).not.toContain(2025);
    expect(closed.closable.every((c) => c.fy <= 2026)).toBe(true);
    const snapshot = session.emu.sheetValues(SNAPSHOT) as Grid;
    // A row per indicator and area (市全体 first), all of 令和7年度.
    expect(snapshot.length - 1).toBeGreaterThan(before.indicators.length * 2);
    expect(new Set(snapshot.slice(1).map((r) => r[0]))).toEqual(new Set(['令和7年度']));
  });

  it('the summary sheet marks the closed 年度’s rows and keeps staff’s notes', () => {
    const rows = session.emu.sheetValues('指標サマリー') as Grid;
    const at = column(rows, CLOSING_COLUMN);
    expect(at).toBeGreaterThan(0);
    expect(String(rowOf(rows, 'G2-1', '令和7年度')[at])).toMatch(/^確定済み（2026-11-26 12:00）$/);
    expect(rowOf(rows, 'G2-1', '令和6年度')[at]).toBe('');
    expect(rows.some((r) => r.includes('サロンの新設で増えた'))).toBe(true);
  });

  it('the figures are those published when it was closed; --json says closed, nothing changed yet', () => {
    const after = json(session, 2025);
    expect(after.closedYears).toEqual([2025]);
    for (const ind of after.indicators) {
      const was = before.indicators.find((i) => i.id === ind.id);
      for (const c of ind.cells) {
        const then = was?.cells.find((x) => x.area === c.area);
        expect({ value: c.value, suppressed: c.suppressed }, `${ind.id} ${c.area}`).toEqual({
          value: then?.value,
          suppressed: then?.suppressed,
        });
        expect(c.closed).toBe(true);
        expect(c.drift?.changed, `${ind.id} ${c.area}`).toBe(false);
      }
    }
    expect(cityCell(json(session, 2024), 'G2-1', 2024).closed).toBe(false);
    expect(cityCell(json(session, 2024), 'G2-1', 2024).drift).toBeNull();
  });

  it('closing a closed 年度 again, or a future one, is refused and writes nothing', () => {
    const snapshot = session.emu.sheetValues(SNAPSHOT);
    expect(rpcError(session, 'closeFiscalYear', 2025).ja).toMatch(/すでに確定/);
    expect(rpcError(session, 'closeFiscalYear', 2030).ja).toMatch(/確定できません/);
    expect(rpcError(session, 'reopenFiscalYear', 2024).ja).toMatch(/確定していません/);
    expect(session.emu.sheetValues(SNAPSHOT)).toEqual(snapshot);
  });

  describe('when the source rows change after closing', () => {
    let view: SummaryView;
    let now: SummaryJson;

    beforeAll(() => {
      addConsultations(session, 2, false);
      addConsultations(session, 1, true);
      view = rpc<SummaryView>(session, 'runSummary');
      now = json(session, 2025);
    });

    it('keeps the frozen figure and says it changed: +3 where every figure is shown', () => {
      const city = cityCell(now, 'G2-1', 2025);
      const then = cityCell(before, 'G2-1', 2025);
      expect(city.value).toBe(then.value);
      expect(city.drift?.changed).toBe(true);
      const cells = now.indicators.find((i) => i.id === 'G2-1')?.cells ?? [];
      const anyHidden = cells.some((c) => c.suppressed);
      expect(anyHidden, 'the small demo shows every 相談件数 figure of 2025').toBe(false);
      const rows = session.emu.sheetValues('指標サマリー') as Grid;
      const text = String(rowOf(rows, 'G2-1', '令和7年度')[column(rows, CLOSING_COLUMN)]);
      expect(city.drift?.delta).toBe(3);
      expect(text).toMatch(/確定後に元データが変わりました: \+3（.+ \+[123]）/);
      // The sidebar's line says the same.
      const line = view.goals.flatMap((g) => g.indicators).find((i) => i.id === 'G2-1');
      expect(view.fy).toBe(2025);
      expect(line?.drift?.ja).toBe(text.split('\n')[1]);
    });

    it('a change among hidden figures is said, never by how much', () => {
      const was = before.indicators.find((i) => i.id === 'G2-4')?.cells ?? [];
      expect(
        was.some((c) => c.suppressed),
        'ヤングケアラーの相談 has hidden figures in 2025',
      ).toBe(true);
      const cells = now.indicators.find((i) => i.id === 'G2-4')?.cells ?? [];
      expect(cells.filter((c) => c.drift?.changed).length).toBeGreaterThan(0);
      for (const c of cells) expect(c.drift?.delta ?? null, c.area).toBeNull();
      const rows = session.emu.sheetValues('指標サマリー') as Grid;
      const text = String(rowOf(rows, 'G2-4', '令和7年度')[column(rows, CLOSING_COLUMN)]);
      const said = text.split('\n')[1] ?? '';
      expect(said).toMatch(/^確定後に元データが変わりました/);
      expect(said).not.toMatch(/\d/);
    });

    it('never gives a change by number where any figure of that indicator and 年度 is hidden', () => {
      for (const ind of now.indicators) {
        const hidden =
          ind.cells.some((c) => c.suppressed) ||
          (before.indicators.find((i) => i.id === ind.id)?.cells.some((c) => c.suppressed) ?? false);
        for (const c of ind.cells) {
          if (hidden || c.suppressed) expect(c.drift?.delta ?? null, `${ind.id} ${c.area}`).toBeNull();
        }
      }
    });

    it('the leadership report of that 年度 says it is closed, and which indicators changed since', () => {
      const html = rpc<SummaryReport>(session, 'getSummaryReport', 2025, true).html ?? '';
      expect(html).toMatch(
        /この年度の数字は 2026-11-26 12:00 に確定した値です。確定後に元データが変わった指標: [^<]*G2-1/,
      );
      expect(html).toMatch(/G2-4/);
      const other = rpc<SummaryReport>(session, 'getSummaryReport', 2024, true).html ?? '';
      expect(other).not.toMatch(/確定した値です/);
    });

    it('確定を取り消す: the figures counted now are shown again, and the snapshot loses that 年度', () => {
      const reopened = rpc<SummaryView>(session, 'reopenFiscalYear', 2025);
      expect(reopened.closed).toEqual([]);
      const city = cityCell(json(session, 2025), 'G2-1', 2025);
      expect(city.closed).toBe(false);
      const then = cityCell(before, 'G2-1', 2025);
      if (then.value !== null && city.value !== null) expect(city.value).toBe(then.value + 3);
      expect((session.emu.sheetValues(SNAPSHOT) as Grid).length).toBe(1);
      expect(markOf(session, SNAPSHOT)).toBe('closing');
    });
  });
});

describe('年度確定 leaves staff sheets alone', () => {
  it('a staff sheet with the snapshot’s name is not taken: the snapshot goes to another name', () => {
    const session = summarizedSession();
    book(session).insertSheet(SNAPSHOT).getRange(1, 1).setValue('職員のメモ');
    const view = rpc<SummaryView>(session, 'closeFiscalYear', 2025);
    expect(session.emu.sheetValues(SNAPSHOT)).toEqual([['職員のメモ']]);
    expect(markOf(session, `${SNAPSHOT} (つなぐ)`)).toBe('closing');
    expect(view.closed.map((c) => c.fy)).toEqual([2025]);
    expect(view.notices.some((n) => n.ja.includes(SNAPSHOT))).toBe(true);
  });
});
