// Tests which tables are published for 秘匿 indicators: a count split by one column with its whole is protected as one 分類 × 圏域 table, so the whole cannot give a part away.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { buildSummary, type Summary } from '../../../src/core/indicators/summary';
import { defaultIndicatorHeader } from '../../../src/core/sheets/defaults';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { PlainDate } from '../../../src/core/text/plainDate';
import { fourAreas, sheetOf } from './helpers';

/** 相談記録 for FY2024 with counts per 圏域 and 経路 (and 対応状況 in turn). */
function consultations(counts: Record<string, Record<string, number>>): unknown[][] {
  const rows: unknown[][] = [['受付日', '圏域', '経路', '相談分類', '対応状況']];
  const states = ['継続', '解決', 'つなぎ'];
  let k = 0;
  for (const [area, byRoute] of Object.entries(counts))
    for (const [route, n] of Object.entries(byRoute))
      for (let i = 0; i < n; i++) rows.push(['2024-06-01', area, route, '介護', states[k++ % 3]]);
  return rows;
}

function summaryOf(rows: Record<string, unknown>[], data: unknown[][], settings = fourAreas()): Summary {
  const header = defaultIndicatorHeader();
  const values = [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
  const out = buildSummary({
    settings,
    sheets: [sheetOf('相談記録', data, 'consultations')],
    definitions: { name: '指標定義', values, mapping: mappingFromDetection(detectHeader(values)!) },
    today: PlainDate.of(2025, 6, 1)!,
    updatedAt: 'x',
    years: [2024],
  });
  if (!out.ok) throw new Error(out.message.ja);
  return out.summary;
}

const base = { 基本目標: 2, 集計元: '相談記録', 集計方法: '件数', 秘匿: 'はい' };
const COUNTS = {
  北東部: { 来所: 30, 電話: 40, 訪問: 25, メール: 12 },
  北西部: { 来所: 28, 電話: 33, 訪問: 21, メール: 11 },
  中部: { 来所: 3, 電話: 20, 訪問: 15 },
  南部: { 来所: 26, 電話: 31, 訪問: 22, メール: 15 },
};

describe('indicators/tables', () => {
  it('protects a count split by 経路 together with the whole: 分類 × 圏域 with both margins', () => {
    const s = summaryOf(
      [
        { ...base, ID: 'W', 指標名: '相談件数' },
        { ...base, ID: 'P1', 指標名: '来所', 条件: '経路=来所' },
        { ...base, ID: 'P2', 指標名: '電話', 条件: '経路=電話' },
        { ...base, ID: 'P3', 指標名: '訪問', 条件: '経路=訪問' },
      ],
      consultations(COUNTS),
    );
    const t = s.tables.find((x) => x.kind === 'breakdown')!;
    expect(t).toMatchObject({
      id: 'W:2024',
      indicator: 'W',
      parts: ['P1', 'P2', 'P3'],
      rows: ['来所', '電話', '訪問'],
    });
    expect(t.audit.ok).toBe(true);
    expect(s.tables.filter((x) => x.kind === 'areasByYear')).toEqual([]);
    // 中部's 来所 (3) is hidden; from what is shown in 中部, its upper bound (the whole minus the
    // shown parts) must reach the threshold — or the whole itself is hidden.
    const chubu = 2;
    expect(t.cells[0]![chubu]!.suppressed).toBe(true);
    const whole = t.columnTotals![chubu]!;
    if (!whole.suppressed) {
      const shownParts = t.cells.reduce(
        (n, row) => n + (row[chubu]!.suppressed ? 0 : (row[chubu]!.value as number)),
        0,
      );
      expect((whole.value as number) - shownParts).toBeGreaterThanOrEqual(10);
    }
    // The model carries the same decisions.
    const p1 = s.goals[1]!.indicators.find((i) => i.id === 'P1')!;
    expect(p1.years[0]!.areas[chubu]).toMatchObject({ suppressed: true, reason: 'primary', value: null });
  });

  it('takes the remainder as known when the parts cover the whole list (継続・解決・つなぎ)', () => {
    const s = summaryOf(
      [
        { ...base, ID: 'W', 指標名: '相談件数' },
        { ...base, ID: 'S1', 指標名: '継続', 条件: '対応状況=継続' },
        { ...base, ID: 'S2', 指標名: '解決', 条件: '対応状況=解決' },
        { ...base, ID: 'S3', 指標名: 'つなぎ', 条件: '対応状況=つなぎ' },
      ],
      consultations({ ...COUNTS, 中部: { 来所: 4, 電話: 3, 訪問: 2 } }),
    );
    const t = s.tables.find((x) => x.kind === 'breakdown')!;
    expect(t.audit.ok).toBe(true);
    expect(t.rows).toEqual(['継続', '解決', 'つなぎ']);
    // 中部 has 9 consultations (3 of each): all small, and 中部's whole too.
    expect(t.cells.map((row) => row[2]!.suppressed)).toEqual([true, true, true]);
    expect(t.columnTotals![2]!.suppressed).toBe(true);
  });

  it('makes no breakdown of a multi-value column (相談分類に…を含む) or of shares', () => {
    const s = summaryOf(
      [
        { ...base, ID: 'W', 指標名: '相談件数' },
        { ...base, ID: 'C1', 指標名: '介護', 条件: '相談分類に介護を含む' },
        { ...base, ID: 'C2', 指標名: '介護（=）', 条件: '相談分類=介護' },
        { ...base, ID: 'R', 指標名: '割合', 集計方法: '割合', 条件: '経路=来所' },
      ],
      consultations(COUNTS),
    );
    expect(s.tables.filter((x) => x.kind === 'breakdown')).toEqual([]);
    expect(s.tables.map((x) => x.kind).sort()).toEqual(['areasByYear', 'areasByYear', 'areasByYear', 'share']);
  });

  it('joins a part with its whole even when the condition has more to it (C かつ 列=値)', () => {
    const s = summaryOf(
      [
        { ...base, ID: 'W', 指標名: '継続中の相談', 条件: '対応状況=継続' },
        { ...base, ID: 'P', 指標名: '継続中・来所', 条件: '経路=来所 かつ 対応状況=継続' },
        { ...base, ID: 'Q', 指標名: '継続中・電話', 条件: '対応状況=継続\n経路=電話' },
      ],
      consultations(COUNTS),
    );
    const t = s.tables.find((x) => x.kind === 'breakdown')!;
    expect(t.parts).toEqual(['P', 'Q']);
    expect(t.audit.ok).toBe(true);
  });

  it('takes the 圏域 from the data when 設定 lists none', () => {
    const settings = fourAreas();
    settings.areas = [];
    const s = summaryOf([{ ...base, ID: 'W', 指標名: '相談件数' }], consultations(COUNTS), settings);
    expect(s.areas).toEqual(['北東部', '北西部', '中部', '南部']);
    expect(s.goals[1]!.indicators[0]!.years[0]!.areas.map((a) => a.value ?? '＊')).toEqual([107, 93, 38, 94]);
  });
});
