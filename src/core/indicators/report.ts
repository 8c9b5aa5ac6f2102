/** Defines reportHtml: the leadership report as one self-contained HTML page with A4 print CSS — a page per 基本目標 with grades, inline SVG charts, PDCA notes and the suppression note. */
import { areaBarsSvg, escapeHtml, formatNumber, goalTrendSvg, GRADE_COLORS } from './charts';
import { GRADES, type Grade } from './grades';
import type { Summary, SummaryIndicator, SummaryYear } from './summary';

/** The PDCA columns staff keep in the summary sheet, per indicator and 年度. */
export interface PdcaNote {
  /** 評価コメント (Check). */
  readonly check: string;
  /** 改善の方向 (Action). */
  readonly action: string;
  /** 担当. */
  readonly owner: string;
}

/** id → 年度 → note. */
export type PdcaNotes = Readonly<Record<string, Readonly<Record<number, PdcaNote>>>>;

export interface ReportOptions {
  /** The 年度 reported on; default: the last completed 年度 of the summary, else its latest. */
  readonly fy?: number;
  readonly notes?: PdcaNotes;
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; color: #222; margin: 0; font-size: 10.5pt; line-height: 1.5; }
main { max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; border-bottom: 2px solid #2f6db5; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; }
.meta { color: #555; margin: 0 0 4mm; }
.page { page-break-before: always; break-before: page; padding-top: 2mm; }
.page:first-of-type { page-break-before: auto; break-before: auto; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; vertical-align: top; }
th { background: #eef3f9; font-weight: 600; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.grade { display: inline-block; min-width: 6mm; text-align: center; color: #fff; border-radius: 1mm; font-weight: 700; }
.grade-label { font-size: 8.5pt; color: #444; }
.muted { color: #777; }
.chart { display: block; max-width: 100%; }
.legend { font-size: 8.5pt; margin: 1mm 0 3mm; }
.legend-item { display: inline-block; margin-right: 4mm; white-space: nowrap; }
.legend-item svg { vertical-align: middle; margin-right: 1mm; }
.areas { display: flex; flex-wrap: wrap; gap: 2mm 6mm; }
.area-chart { break-inside: avoid; }
.area-chart p { margin: 0; font-size: 9pt; }
.notes td { font-size: 9.5pt; white-space: pre-wrap; }
.footnote { font-size: 8.5pt; color: #444; margin-top: 4mm; border-top: 1px solid #ccc; padding-top: 2mm; }
tr, .chart { break-inside: avoid; }
.toolbar { position: sticky; top: 0; background: #fff; padding: 3mm 0; border-bottom: 1px solid #ddd; text-align: right; }
.toolbar button { font-size: 11pt; padding: 1.5mm 5mm; }
@media print { .no-print { display: none !important; } main { padding: 0; } }
`;

function gradeBadge(grade: Grade | null, labels: Summary['grades']['labels']): string {
  if (grade === null) return '<span class="muted">—</span>';
  return `<span class="grade" style="background:${GRADE_COLORS[grade]}">${grade}</span> <span class="grade-label">${escapeHtml(labels[grade])}</span>`;
}

function valueText(ind: SummaryIndicator, y: SummaryYear | undefined): string {
  if (!y) return '<span class="muted">—</span>';
  const c = y.city;
  if (c.suppressed) return '＊';
  if (c.value !== null) return `${formatNumber(c.value)}${escapeHtml(ind.unit)}`;
  const label: Record<string, string> = {
    noData: 'データなし',
    future: '—',
    none: '—',
    notCounted: '（年度確定の値のみ）',
    notEntered: '未入力',
  };
  return `<span class="muted">${label[c.state] ?? '—'}</span>`;
}

function numberOrDash(n: number | null, unit = ''): string {
  return n === null ? '<span class="muted">—</span>' : `${formatNumber(n)}${escapeHtml(unit)}`;
}

/** The 年度 a report is about: the given one, else the last completed one, else the latest. */
export function reportYear(summary: Summary, fy?: number): number {
  if (fy !== undefined) return fy;
  const done = summary.years.filter((y) => y < summary.currentFiscalYear);
  return done.length > 0
    ? (done[done.length - 1] as number)
    : (summary.years[summary.years.length - 1] ?? summary.currentFiscalYear);
}

/**
 * The leadership report: 団体名 and 年度, an overview of grades, then a page per 基本目標 with
 * each indicator's 基準値, 目標, 実績, 達成率, grade and 前年度比, the goal's trend and the 圏域
 * side by side (SVG), and the PDCA notes; the suppression note closes it. Everything comes
 * from the suppressed summary, and every text from the sheets is escaped.
 */
export function reportHtml(summary: Summary, options: ReportOptions = {}): string {
  const fy = reportYear(summary, options.fy);
  const label = summary.goals.flatMap((g) => g.indicators)[0]?.years.find((y) => y.fy === fy)?.label ?? `${fy}年度`;
  const org = summary.organizationName !== '' ? summary.organizationName : '（団体名未設定）';
  const title = `${org} ${label}（${fy}年度） 地域福祉活動計画 指標の評価`;
  const html: string[] = [];
  html.push(
    '<!DOCTYPE html>',
    '<html lang="ja"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head><body><main>',
    '<div class="toolbar no-print"><button type="button" onclick="window.print()">印刷する / Print</button></div>',
    '<section class="page">',
    `<h1>${escapeHtml(org)}</h1>`,
    `<p class="meta">${escapeHtml(label)}（${fy}年度） 地域福祉活動計画 指標の評価 ・ 最終更新 ${escapeHtml(summary.updatedAt)}</p>`,
  );
  // 年度確定: the figures are those of the closing; which indicators' source rows changed since (never by how much here).
  const closing = summary.closedYears.find((c) => c.fy === fy);
  if (closing) {
    const changed = summary.goals
      .flatMap((g) => g.indicators)
      .filter((i) => {
        const y = i.years.find((x) => x.fy === fy);
        return y !== undefined && [y.city, ...y.areas].some((c) => c.drift?.changed);
      })
      .map((i) => i.id);
    html.push(
      `<p class="meta" data-closed="${fy}">この年度の数字は ${escapeHtml(closing.closedAt)} に確定した値です。${
        changed.length > 0 ? `確定後に元データが変わった指標: ${escapeHtml(changed.join('・'))}` : ''
      }</p>`,
    );
  }

  // Overview: grades per 基本目標.
  html.push('<h2>基本目標ごとの評価</h2>', '<table><thead><tr><th>基本目標</th>');
  for (const g of GRADES) html.push(`<th>${gradeBadge(g, summary.grades.labels)}</th>`);
  html.push('<th>評価なし</th></tr></thead><tbody>');
  for (const goal of summary.goals) {
    const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, none: 0 };
    for (const ind of goal.indicators) {
      const g = ind.years.find((y) => y.fy === fy)?.grade ?? null;
      counts[g ?? 'none'] = (counts[g ?? 'none'] as number) + 1;
    }
    html.push(`<tr><td>基本目標${goal.goal} ${escapeHtml(goal.title)}</td>`);
    for (const g of GRADES) html.push(`<td class="num">${counts[g]}</td>`);
    html.push(`<td class="num">${counts.none}</td></tr>`);
  }
  html.push('</tbody></table>');
  html.push(
    `<p class="meta">達成率は、基準値から目標までの改善のうち実現できた割合です（${escapeHtml(summary.grades.labels.A)}: ${formatNumber(summary.grades.a)}%以上、${escapeHtml(summary.grades.labels.B)}: ${formatNumber(summary.grades.b)}%以上）。年度途中の値は評価していません。</p>`,
    '</section>',
  );

  for (const goal of summary.goals) {
    html.push('<section class="page">', `<h2>基本目標${goal.goal} ${escapeHtml(goal.title)}</h2>`);
    if (goal.indicators.length === 0) {
      html.push('<p class="muted">この基本目標の指標はありません。</p></section>');
      continue;
    }
    html.push(
      '<table><thead><tr><th>指標</th><th>基準値</th><th>目標</th><th>実績</th><th>達成率</th><th>評価</th><th>前年度比</th></tr></thead><tbody>',
    );
    for (const ind of goal.indicators) {
      const y = ind.years.find((x) => x.fy === fy);
      const ratio =
        y && y.previousChange !== null
          ? ind.unit === '%'
            ? `${y.previousChange >= 0 ? '+' : ''}${formatNumber(y.previousChange)}ポイント`
            : y.previousRatio !== null
              ? `${formatNumber(y.previousRatio)}%`
              : '—'
          : '<span class="muted">—</span>';
      html.push(
        '<tr>',
        `<td><strong>${escapeHtml(ind.id)}</strong> ${escapeHtml(ind.name)}<br><span class="muted">${escapeHtml(ind.initiative)}</span></td>`,
        `<td class="num">${numberOrDash(ind.baseline, ind.unit)}</td>`,
        `<td class="num">${numberOrDash(y?.target ?? null, ind.unit)}</td>`,
        `<td class="num">${valueText(ind, y)}${y?.inProgress ? '<br><span class="muted">（年度途中）</span>' : ''}</td>`,
        `<td class="num">${y && y.rate !== null ? `${formatNumber(y.rate)}%` : '<span class="muted">—</span>'}</td>`,
        `<td>${gradeBadge(y?.grade ?? null, summary.grades.labels)}</td>`,
        `<td class="num">${ratio}</td>`,
        '</tr>',
      );
    }
    html.push('</tbody></table>');

    const trend = goalTrendSvg(goal, summary.years);
    if (trend !== '') html.push('<h3>推移（目標に対する実績の割合）</h3>', trend);

    const bars = goal.indicators.map((ind) => ({ ind, svg: areaBarsSvg(ind, fy) })).filter((b) => b.svg !== '');
    if (bars.length > 0) {
      html.push(`<h3>圏域別（${fy}年度）</h3>`, '<div class="areas">');
      for (const b of bars)
        html.push(`<div class="area-chart"><p>${escapeHtml(b.ind.id)} ${escapeHtml(b.ind.name)}</p>${b.svg}</div>`);
      html.push('</div>');
    }

    const notes = goal.indicators
      .map((ind) => ({ ind, note: options.notes?.[ind.id]?.[fy] }))
      .filter((n) => n.note && (n.note.check !== '' || n.note.action !== '' || n.note.owner !== ''));
    if (notes.length > 0) {
      html.push(
        '<h3>評価と改善（PDCA）</h3>',
        '<table class="notes"><thead><tr><th>指標</th><th>評価コメント</th><th>改善の方向</th><th>担当</th></tr></thead><tbody>',
      );
      for (const { ind, note } of notes)
        html.push(
          `<tr><td>${escapeHtml(ind.id)} ${escapeHtml(ind.name)}</td><td>${escapeHtml(note?.check ?? '')}</td><td>${escapeHtml(note?.action ?? '')}</td><td>${escapeHtml(note?.owner ?? '')}</td></tr>`,
        );
      html.push('</tbody></table>');
    }
    html.push('</section>');
  }

  html.push(
    '<footer class="footnote">',
    `<p>${escapeHtml(summary.footnote.ja)}</p>`,
    `<p>圏域別の値は、${summary.areas.map(escapeHtml).join('・')}の順です。「データなし」は集計元の記録がないことを示し、0件ではありません。</p>`,
    '</footer>',
    '</main></body></html>',
  );
  return html.join('\n');
}
