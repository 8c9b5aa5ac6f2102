// Tests the leadership report: A4 print page with a print button, a page per 基本目標, charts from the suppressed figures only, PDCA notes, and no markup from the sheets.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { buildSummary, type Summary } from '../../../src/core/indicators/summary';
import { reportHtml, reportYear } from '../../../src/core/indicators/report';
import { areaBarsSvg, escapeHtml, formatNumber, goalTrendSvg } from '../../../src/core/indicators/charts';
import { defaultIndicatorHeader } from '../../../src/core/sheets/defaults';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { PlainDate } from '../../../src/core/text/plainDate';
import { fourAreas, sheetOf } from './helpers';

const MARKUP = '<img src=x onerror=alert(1)>相談件数';

function consultations(): unknown[][] {
  const rows: unknown[][] = [['受付日', '圏域', '経路', '相談分類', '対応状況']];
  const per: Record<string, [number, number]> = { 北東部: [40, 44], 北西部: [35, 38], 中部: [7, 31], 南部: [28, 26] };
  for (const [area, [a, b]] of Object.entries(per)) {
    for (let i = 0; i < a; i++) rows.push(['2024-06-01', area, '電話', '介護', i % 3 === 0 ? '継続' : '解決']);
    for (let i = 0; i < b; i++) rows.push(['2025-06-01', area, '来所', '生活困窮', i % 4 === 0 ? '継続' : 'つなぎ']);
  }
  return rows;
}

function build(name = MARKUP, settingsName = 'つなぐ市社会福祉協議会'): Summary {
  const settings = fourAreas();
  settings.organizationName = settingsName;
  const header = defaultIndicatorHeader();
  const indicator = (fields: Record<string, unknown>) => header.map((h) => fields[h] ?? '');
  const values = [
    header,
    indicator({
      ID: 'G2-1',
      基本目標: 2,
      取り組み: '相談<b>',
      指標名: name,
      単位: '名様',
      集計元: '相談記録',
      集計方法: '件数',
      基準値: 100,
      方向: '増加',
      秘匿: 'はい',
      目標2024: 110,
      目標2025: 130,
    }),
    indicator({
      ID: 'G1-1',
      基本目標: 1,
      指標名: '研修',
      単位: '人',
      集計元: '手入力',
      基準値: 10,
      方向: '増加',
      秘匿: 'いいえ',
      目標2024: 12,
      目標2025: 14,
    }),
  ];
  const out = buildSummary({
    settings,
    sheets: [sheetOf('相談記録', consultations(), 'consultations')],
    definitions: { name: '指標定義', values, mapping: mappingFromDetection(detectHeader(values)!) },
    today: PlainDate.of(2026, 5, 1)!,
    updatedAt: '2026-05-01 09:00',
    manual: { 'G1-1': { 2024: 11, 2025: 15 } },
  });
  if (!out.ok) throw new Error(out.message.ja);
  return out.summary;
}

describe('indicators/report', () => {
  let summary: Summary;
  let html: string;
  beforeAll(() => {
    summary = build();
    html = reportHtml(summary, {
      notes: {
        'G2-1': {
          2025: { check: '中部で<script>alert(1)</script>増えた', action: '窓口を&増やす', owner: '地域福祉係' },
        },
      },
    });
  });

  it('is one A4 print page set with a print button and 団体名 and 年度 at the top', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('onclick="window.print()"');
    expect(html).toContain('@media print { .no-print { display: none !important; }');
    expect(html).toContain('<h1>つなぐ市社会福祉協議会</h1>');
    expect(html).toContain('令和7年度（2025年度）');
    expect(reportYear(summary)).toBe(2025);
  });

  it('has a page per 基本目標 with the grade of each indicator', () => {
    expect(html.match(/<section class="page">/g)).toHaveLength(5);
    for (const g of [1, 2, 3, 4]) expect(html).toContain(`<h2>基本目標${g} `);
    expect(html).toMatch(
      /<span class="grade" style="background:#1b7f3b">A<\/span> <span class="grade-label">目標達成<\/span>/,
    );
  });

  it('escapes every text that comes from the sheets', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;相談件数');
    expect(html).toContain('中部で&lt;script&gt;alert(1)&lt;/script&gt;増えた');
    expect(html).toContain('窓口を&amp;増やす');
  });

  it('draws the charts from the suppressed figures only: a hidden count is ＊, never a bar or a number', () => {
    const g21 = summary.goals[1]!.indicators[0]!;
    const y2024 = g21.years.find((y) => y.fy === 2024)!;
    const hiddenAreas = y2024.areas.filter((a) => a.suppressed).map((a) => a.area);
    expect(hiddenAreas).toContain('中部');
    const bars = areaBarsSvg(g21, 2024);
    expect(bars).toContain('＊');
    expect(reportHtml(summary, { fy: 2024 })).not.toContain('7名様');
    expect(bars).not.toContain('>7名様<');
    expect(goalTrendSvg(summary.goals[1]!, summary.years)).toContain('<svg');
  });

  it('shows the PDCA notes and the suppression note', () => {
    expect(html).toContain('評価と改善（PDCA）');
    expect(html).toContain('地域福祉係');
    expect(html).toContain('秘匿基準（10）未満');
  });

  it('says データなし and 未入力 rather than 0', () => {
    const empty = build('相談件数');
    const text = reportHtml(empty, { fy: 2026 });
    expect(text).toContain('未入力');
    expect(text).toContain('データなし');
  });

  describe('escapeHtml and formatNumber', () => {
    it('escape and group as expected', () => {
      expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
      expect(formatNumber(4166000)).toBe('4,166,000');
      expect(formatNumber(-1234.56)).toBe('-1,234.6');
      expect(formatNumber(0)).toBe('0');
    });
  });
});
