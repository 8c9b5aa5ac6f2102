// Tests the summary end to end on the demo workbook: every goal, suppression audited, the --json shape, and no personal data anywhere in what leadership gets.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { buildSummary, summaryJson, type Summary, type SummaryInput } from '../../../src/core/indicators/summary';
import { reportHtml } from '../../../src/core/indicators/report';
import type { WorkbookSheet } from '../../../src/core/indicators/sources';
import { defaultIndicatorHeader, defaultIndicatorRows, defaultSettingsRows } from '../../../src/core/sheets/defaults';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { parseSettings } from '../../../src/core/sheets/settings';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { PlainDate } from '../../../src/core/text/plainDate';
import { DEFAULT_TODAY, generateDemoBook, type DemoBook } from '../../../src/local/demo';

const settings = parseSettings(defaultSettingsRows()).settings;
const today = PlainDate.of(DEFAULT_TODAY.year, DEFAULT_TODAY.month, DEFAULT_TODAY.day) as PlainDate;

function definitionSheet(rows: unknown[][] = defaultIndicatorRows()): NonNullable<SummaryInput['definitions']> {
  const values = [defaultIndicatorHeader(), ...rows];
  return { name: '指標定義', values, mapping: mappingFromDetection(detectHeader(values)!) };
}

/** A small アンケート回答 (anonymous: no name, no email), as the survey import writes it. */
function surveyAnswers(): WorkbookSheet {
  const values: unknown[][] = [['タイムスタンプ', '回答言語', '年代', '圏域', '社協の認知度', '情報の入手方法']];
  const areas = ['北東部', '北西部', '中部', '南部'];
  for (let i = 0; i < 160; i++) {
    const fy = 2024 + (i % 3);
    values.push([
      `${fy}-07-${String(1 + (i % 28)).padStart(2, '0')}`,
      i % 7 === 0 ? 'en' : 'ja',
      `${20 + (i % 6) * 10}代`,
      areas[i % 17 === 0 ? 2 : i % 4 === 2 ? 3 : i % 4],
      ['よく知っている', '名前は知っている', '知らない'][Math.floor(i / 3) % 3],
      ['広報紙', 'SNS、広報紙', '回覧板', 'SNS'][Math.floor(i / 3) % 4],
    ]);
  }
  return { name: 'アンケート回答', kind: null, mapping: null, values };
}

function sheetsOf(book: DemoBook): WorkbookSheet[] {
  return book.sheets.map((s) => {
    const values = [s.header, ...s.rows];
    const det = detectHeader(values)!;
    return { name: s.name, kind: det.kind, mapping: mappingFromDetection(det), values };
  });
}

describe('indicators/summary', () => {
  let book: DemoBook;
  let sheets: WorkbookSheet[];
  let summary: Summary;

  beforeAll(() => {
    book = generateDemoBook({ areas: settings.areas });
    sheets = [...sheetsOf(book), surveyAnswers()];
    const out = buildSummary({
      settings,
      sheets,
      definitions: definitionSheet(),
      today,
      updatedAt: '2026-11-26 10:00',
      manual: { 'G4-6': { 2024: 44, 2025: 52 } },
    });
    if (!out.ok) throw new Error(out.message.ja);
    expect(out.issues).toEqual([]);
    summary = out.summary;
  });

  it('covers the four basic goals with the default indicators, all counted from the demo workbook', () => {
    expect(summary.goals.map((g) => [g.goal, g.indicators.length >= 3])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
    ]);
    const all = summary.goals.flatMap((g) => g.indicators);
    expect(all.filter((i) => i.status !== 'ok' && i.status !== 'manual')).toEqual([]);
    expect(summary.years).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(summary.currentFiscalYear).toBe(2026);
  });

  it('grades only completed 年度 (and counts as of today), from shown 市全体 figures', () => {
    for (const ind of summary.goals.flatMap((g) => g.indicators)) {
      for (const y of ind.years) {
        if (y.grade !== null) {
          expect(y.city.value, `${ind.id} ${y.fy}`).not.toBeNull();
          expect(y.fy < 2026 || ind.id === 'G1-3', `${ind.id} ${y.fy}`).toBe(true);
        }
        if (y.fy > 2026) expect(y.city.state).toBe('future');
      }
    }
    const grades = summary.goals.flatMap((g) => g.indicators.map((i) => i.years.find((y) => y.fy === 2025)?.grade));
    expect(new Set(grades)).toEqual(new Set(['A', 'B', 'C', 'D', null]));
  });

  it('hides small counts in the small 圏域 and audits every published table', () => {
    const hidden = summary.goals.flatMap((g) =>
      g.indicators.flatMap((i) => i.years.flatMap((y) => y.areas.filter((a) => a.suppressed))),
    );
    expect(hidden.length).toBeGreaterThan(10);
    expect(new Set(hidden.map((c) => c.reason))).toEqual(new Set(['primary', 'secondary']));
    expect(summary.tables.length).toBeGreaterThan(5);
    for (const t of summary.tables) expect(t.audit.ok, t.id).toBe(true);
    // A hidden figure is null in the model and in every table.
    for (const c of hidden) expect(c.value).toBeNull();
    for (const t of summary.tables)
      for (const row of t.cells) for (const f of row) if (f.suppressed) expect(f.value).toBeNull();
  });

  it('counts the survey shares from アンケート回答 and protects them with their counts', () => {
    const g32 = summary.goals[2]!.indicators.find((i) => i.id === 'G3-2')!;
    expect(g32.status).toBe('ok');
    expect(g32.years[0]!.city.value).toBeCloseTo(66.7, 1);
    expect(summary.tables.filter((t) => t.kind === 'share' && t.indicator === 'G3-2').map((t) => t.fy)).toEqual([
      2024, 2025, 2026,
    ]);
    // A share table publishes shares, never the counts behind them (another indicator may hide such a count).
    for (const t of summary.tables.filter((x) => x.kind === 'share')) {
      expect(t.columns).toEqual(['割合（%）']);
      for (const f of [...t.cells.flat(), ...(t.columnTotals ?? [])])
        if (f.value !== null) expect(f.value >= 0 && f.value <= 100, `${t.id} ${f.value}`).toBe(true);
    }
  });

  it('gives the --json shape: fy a number, 市全体 for the city, null where hidden, grades only for the city', () => {
    const json = summaryJson(summary);
    expect(Object.keys(json)).toEqual(['threshold', 'indicators', 'closedYears', 'tables']);
    expect(json.closedYears).toEqual([]);
    expect(json.threshold).toBe(10);
    const first = json.indicators[0]!;
    expect(Object.keys(first)).toEqual(['id', 'goal', 'initiative', 'name', 'unit', 'method', 'cells']);
    for (const ind of json.indicators)
      for (const c of ind.cells) {
        expect(Object.keys(c)).toEqual([
          'fy',
          'area',
          'value',
          'suppressed',
          'reason',
          'target',
          'rate',
          'grade',
          'state',
          'closed',
          'drift',
        ]);
        expect([c.closed, c.drift]).toEqual([false, null]);
        expect(typeof c.fy).toBe('number');
        if (c.suppressed) expect([c.value, c.reason === 'primary' || c.reason === 'secondary']).toEqual([null, true]);
        else expect(c.reason).toBeNull();
        if (c.area !== '市全体') expect([c.target, c.rate, c.grade]).toEqual([null, null, null]);
        if (c.grade !== null) expect(['A', 'B', 'C', 'D']).toContain(c.grade);
      }
    const fy2025 = summaryJson(summary, [2025]);
    expect(new Set(fy2025.indicators.flatMap((i) => i.cells.map((c) => c.fy)))).toEqual(new Set([2025]));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('never carries a roster name, phone number, address or e-mail into the model, the JSON or the report', () => {
    const personal = new Set<string>();
    for (const sheet of book.sheets) {
      const spec = SHEET_SPECS[sheet.kind];
      const keys = new Set(['name', 'furigana', 'address', 'phone', 'email', 'requester', 'staff', 'donorName']);
      sheet.header.forEach((h, c) => {
        const col = spec.columns.find((x) => x.header === h);
        if (!col || !keys.has(col.key)) return;
        for (const row of sheet.rows) {
          const v = row[c];
          if (typeof v === 'string' && v.trim().length >= 4) personal.add(v.trim());
        }
      });
    }
    expect(personal.size).toBeGreaterThan(500);
    const outputs = [
      JSON.stringify(summary),
      JSON.stringify(summaryJson(summary)),
      reportHtml(summary),
      reportHtml(summary, { fy: 2026 }),
    ];
    for (const text of outputs)
      for (const p of personal) if (text.indexOf(p) >= 0) throw new Error(`personal data in the output: ${p}`);
  });

  it('refuses when 指標定義 has an error, naming row and column, and makes nothing', () => {
    const rows = defaultIndicatorRows();
    const header = defaultIndicatorHeader();
    rows[2]![header.indexOf('条件')] = '状態=活動中 かつ';
    const out = buildSummary({ settings, sheets, definitions: definitionSheet(rows), today, updatedAt: 'x' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message.ja).toContain('1件の誤り');
    expect(out.issues).toEqual([expect.objectContaining({ row: 4, column: '条件', severity: 'error' })]);
  });

  it('refuses without a 指標定義 sheet', () => {
    const out = buildSummary({ settings, sheets, definitions: null, today, updatedAt: 'x' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message.ja).toContain('シート準備');
  });

  it('protects across 年度 when plan-period totals are shown, and still passes every audit', () => {
    const out = buildSummary({
      settings,
      sheets,
      definitions: definitionSheet(),
      today,
      updatedAt: 'x',
      periodTotals: true,
    });
    if (!out.ok) throw new Error(out.message.ja);
    const withTotals = out.summary.tables.filter((t) => t.rowTotals !== null && t.kind === 'areasByYear');
    expect(withTotals.length).toBeGreaterThan(0);
    for (const t of out.summary.tables) expect(t.audit.ok, t.id).toBe(true);
  });
});
