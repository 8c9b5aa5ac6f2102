/** Defines the report's charts as inline SVG strings, drawn only from the suppressed summary: a trend per 基本目標 and the 圏域 side by side per indicator. */
import type { Grade } from './grades';
import type { SummaryGoal, SummaryIndicator } from './summary';

/** Escapes text for HTML and SVG text nodes and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

export const GRADE_COLORS: Readonly<Record<Grade, string>> = {
  A: '#1b7f3b',
  B: '#2f6db5',
  C: '#b7791f',
  D: '#c0392b',
};

/** Line colours for up to eight series, distinguishable in greyscale print by their dash patterns too. */
const SERIES = ['#2f6db5', '#c0392b', '#1b7f3b', '#8e44ad', '#b7791f', '#16a085', '#555555', '#d35400'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3'];

/** 1234567 → '1,234,567'; decimals to one place. (No Intl: the bundle runs in bare V8.) */
export function formatNumber(n: number, decimals = 1): string {
  const negative = n < 0;
  const abs = Math.abs(n);
  const text = Number.isInteger(abs) ? String(abs) : abs.toFixed(decimals);
  const [whole, fraction] = text.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

const fmt = (n: number): string => formatNumber(n);

/** A nice upper bound for an axis: 1, 2, 2.5 or 5 × 10^k at or above the value. */
function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(value)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= value) return m * p;
  return 10 * p;
}

/**
 * The trend of one 基本目標: for each indicator with a 目標, its 実績 as a share of the 目標
 * per 年度 (100% = on target), so indicators of different units share one chart. A hidden
 * (＊) or missing 実績 leaves a gap in the line.
 */
export function goalTrendSvg(goal: SummaryGoal, years: readonly number[]): string {
  const series = goal.indicators
    .filter((i) => i.years.some((y) => !y.inProgress && y.target !== null && y.target !== 0 && y.city.value !== null))
    .slice(0, SERIES.length);
  const width = 640;
  const height = 230;
  const left = 48;
  const right = 36;
  const top = 16;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const points = series.map((ind) =>
    years.map((fy) => {
      const y = ind.years.find((x) => x.fy === fy);
      // A 年度 still running is not a result yet: it is left out of the trend.
      return y && !y.inProgress && y.city.value !== null && y.target !== null && y.target !== 0
        ? (y.city.value / y.target) * 100
        : null;
    }),
  );
  const maxValue = Math.max(120, ...points.flat().filter((v): v is number => v !== null));
  const yMax = niceMax(maxValue);
  const x = (i: number): number => left + (years.length === 1 ? plotW / 2 : (plotW * i) / (years.length - 1));
  const y = (v: number): number => top + plotH - (plotH * Math.min(v, yMax)) / yMax;
  const out: string[] = [];
  out.push(
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(`基本目標${goal.goal}の推移（目標に対する実績の割合）`)}" xmlns="http://www.w3.org/2000/svg">`,
  );
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    out.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="10" text-anchor="end">${fmt(v)}%</text>`,
    );
  }
  out.push(
    `<line x1="${left}" x2="${width - right}" y1="${y(100).toFixed(1)}" y2="${y(100).toFixed(1)}" stroke="#333" stroke-dasharray="4 2"/>`,
    `<text x="${width - 2}" y="${(y(100) + 4).toFixed(1)}" font-size="10" text-anchor="end">目標</text>`,
  );
  years.forEach((fy, i) =>
    out.push(
      `<text x="${x(i).toFixed(1)}" y="${height - bottom + 16}" font-size="10" text-anchor="middle">${fy}年度</text>`,
    ),
  );
  points.forEach((ps, s) => {
    const color = SERIES[s] as string;
    let path = '';
    let pen = false;
    ps.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    const dash = DASHES[s] ? ` stroke-dasharray="${DASHES[s]}"` : '';
    if (path !== '') out.push(`<path d="${path.trim()}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
    ps.forEach((v, i) => {
      if (v !== null) out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${color}"/>`);
    });
  });
  out.push('</svg>');
  if (series.length === 0) return '';
  const legend = series
    .map(
      (ind, s) =>
        `<span class="legend-item"><svg width="22" height="8" aria-hidden="true"><line x1="0" x2="22" y1="4" y2="4" stroke="${SERIES[s]}" stroke-width="2"${DASHES[s] ? ` stroke-dasharray="${DASHES[s]}"` : ''}/></svg>${escapeHtml(ind.id)} ${escapeHtml(ind.name)}</span>`,
    )
    .join('');
  return `${out.join('')}<div class="legend">${legend}</div>`;
}

/**
 * One indicator's 圏域 side by side for one 年度: a bar per 圏域 and one for 市全体 is left out
 * (it would dwarf the others). A hidden figure is drawn as ＊ with no bar.
 */
export function areaBarsSvg(indicator: SummaryIndicator, fy: number): string {
  const year = indicator.years.find((y) => y.fy === fy);
  if (!year || year.areas.length === 0) return '';
  const cells = year.areas;
  if (cells.every((c) => c.value === null && !c.suppressed)) return '';
  const width = 300;
  const rowH = 18;
  const left = 70;
  const right = 56;
  const height = cells.length * rowH + 8;
  const max = niceMax(Math.max(0, ...cells.map((c) => c.value ?? 0)));
  const out: string[] = [
    `<svg class="chart bars" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${escapeHtml(`${indicator.name}の圏域別（${fy}年度）`)}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  cells.forEach((c, i) => {
    const yTop = 4 + i * rowH;
    out.push(`<text x="${left - 6}" y="${yTop + 12}" font-size="10" text-anchor="end">${escapeHtml(c.area)}</text>`);
    if (c.suppressed) {
      out.push(`<text x="${left + 4}" y="${yTop + 12}" font-size="11">＊</text>`);
      return;
    }
    if (c.value === null) {
      out.push(`<text x="${left + 4}" y="${yTop + 12}" font-size="10" fill="#777">—</text>`);
      return;
    }
    const w = max > 0 ? ((width - left - right) * Math.max(0, c.value)) / max : 0;
    out.push(
      `<rect x="${left}" y="${yTop + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#2f6db5"/>`,
      `<text x="${(left + w + 4).toFixed(1)}" y="${yTop + 12}" font-size="10">${fmt(c.value)}${escapeHtml(indicator.unit)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
