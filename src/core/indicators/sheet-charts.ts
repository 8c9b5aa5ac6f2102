/**
 * Defines the 指標サマリー sheet's own Sheets charts — per 基本目標 the trend (実績 as a share of
 * 目標 per completed 年度, as the report draws it) and the 圏域 side by side (the goal's
 * indicators of the last completed 年度) — and the table they are drawn from, made only from the
 * suppressed summary: a hidden figure (＊) is a blank cell, so no chart shows it.
 */
import type { CellValue } from '../ports';
import type { Summary, SummaryGoal, SummaryIndicator } from './summary';

/** One chart: which block of the data table it draws, and how. */
export interface SheetChartPlan {
  /** Stable across refreshes: how the chart is found again (trend-1, areas-1 …). */
  key: string;
  type: 'LINE' | 'COLUMN';
  title: string;
  valueTitle: string;
  /** The block in the data sheet: 1-based first row (its header row), rows and columns from column 1. */
  row: number;
  rows: number;
  columns: number;
  /** Where on the summary sheet it goes first: 0-based place in the column of charts. */
  slot: number;
}

export interface SheetChartData {
  header: string[];
  /** The data sheet's rows below its header: the blocks, a blank row between two. */
  rows: CellValue[][];
  charts: SheetChartPlan[];
}

/** Series a trend shows at most (the report's limit too). */
const MAX_SERIES = 8;

/** The 年度 charts show the 圏域 of: the last completed one shown, else the latest. */
export function chartYear(summary: Summary): number {
  const done = summary.years.filter((y) => y < summary.currentFiscalYear);
  return done.length > 0
    ? (done[done.length - 1] as number)
    : (summary.years[summary.years.length - 1] ?? summary.currentFiscalYear);
}

function label(i: SummaryIndicator): string {
  return `${i.id} ${i.name}`;
}

function rounded(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The trend block of one goal: 年度 down, one column per indicator with a 目標, 実績 ÷ 目標 in %. */
function trendBlock(goal: SummaryGoal, summary: Summary): CellValue[][] {
  const years = summary.years.filter((fy) =>
    goal.indicators.some((i) => i.years.some((y) => y.fy === fy && !y.inProgress)),
  );
  const series = goal.indicators
    .filter((i) => i.years.some((y) => !y.inProgress && y.target !== null && y.target !== 0 && y.city.value !== null))
    .slice(0, MAX_SERIES);
  const header: CellValue[] = ['年度', ...(series.length > 0 ? series.map(label) : ['（目標と実績のある指標なし）'])];
  const rows = years.map((fy) => {
    const cells: CellValue[] = [labelOfYear(summary, fy)];
    if (series.length === 0) cells.push('');
    for (const i of series) {
      const y = i.years.find((x) => x.fy === fy);
      // Only a shown 実績: a hidden one (＊) is null here and leaves a gap.
      cells.push(
        y && !y.inProgress && !y.city.suppressed && y.city.value !== null && y.target !== null && y.target !== 0
          ? rounded((y.city.value / y.target) * 100)
          : '',
      );
    }
    return cells;
  });
  return [header, ...(rows.length > 0 ? rows : [header.map(() => '')])];
}

function labelOfYear(summary: Summary, fy: number): string {
  for (const g of summary.goals)
    for (const i of g.indicators) {
      const y = i.years.find((x) => x.fy === fy);
      if (y) return y.label;
    }
  return `${fy}年度`;
}

/** The 圏域 block of one goal: an indicator per row, a column per 圏域, the figures of one 年度 as shown. */
function areasBlock(goal: SummaryGoal, summary: Summary, fy: number): CellValue[][] {
  const areas = summary.areas;
  const header: CellValue[] = ['指標', ...areas];
  const rows: CellValue[][] = [];
  for (const i of goal.indicators) {
    const y = i.years.find((x) => x.fy === fy);
    if (!y || y.areas.length === 0 || y.areas.every((c) => c.value === null && !c.suppressed)) continue;
    rows.push([
      label(i),
      ...areas.map((area) => {
        const c = y.areas.find((a) => a.area === area);
        return c && !c.suppressed && c.value !== null ? c.value : '';
      }),
    ]);
  }
  return [header, ...(rows.length > 0 ? rows : [['（圏域別の指標なし）', ...areas.map(() => '')]])];
}

/**
 * The data sheet's rows and the charts: for each 基本目標 a trend (LINE) and a 圏域 (COLUMN)
 * chart — always these eight, so a refresh finds each one again and never adds another.
 */
export function sheetCharts(summary: Summary): SheetChartData {
  const fy = chartYear(summary);
  const rows: CellValue[][] = [];
  const charts: SheetChartPlan[] = [];
  const add = (block: CellValue[][], plan: Omit<SheetChartPlan, 'row' | 'rows' | 'columns'>): void => {
    if (rows.length > 0) rows.push([]);
    // Row 1 is the data sheet's header; the block starts below what is there.
    const row = rows.length + 2;
    rows.push(...block);
    charts.push({ ...plan, row, rows: block.length, columns: (block[0] ?? []).length });
  };
  const yearLabel = labelOfYear(summary, fy);
  for (const goal of summary.goals) {
    add(trendBlock(goal, summary), {
      key: `trend-${goal.goal}`,
      type: 'LINE',
      title: `基本目標${goal.goal} ${goal.title}: 目標に対する実績の推移`,
      valueTitle: '目標に対する実績（%）',
      slot: (goal.goal - 1) * 2,
    });
    add(areasBlock(goal, summary, fy), {
      key: `areas-${goal.goal}`,
      type: 'COLUMN',
      title: `基本目標${goal.goal}: 圏域別（${yearLabel}）`,
      valueTitle: '実績',
      slot: (goal.goal - 1) * 2 + 1,
    });
  }
  const width = Math.max(1, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]);
  const header = [
    '指標サマリーのグラフの元データ（秘匿後の値。つなぐが更新します）',
    ...new Array<string>(width - 1).fill(''),
  ];
  return { header, rows: padded, charts };
}
