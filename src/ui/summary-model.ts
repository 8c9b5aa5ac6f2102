/** The 指標サマリー section's words, apart from the DOM: the grade counts, one line per indicator, what was written. */
import type { SummaryLine, SummaryView } from '../shared/rpc';
import type { Lang } from './i18n';

type Grade = 'A' | 'B' | 'C' | 'D';
const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** A number as staff read it: thousands separated, at most one decimal. */
export function formatFigure(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const grouped = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The grade counts of the 年度 shown: 「令和6年度の評価: A 目標達成 5・B 概ね達成 3 …」. */
export function gradeCountsText(view: SummaryView, lang: Lang): string {
  const parts = GRADES.filter((g) => view.grades[g] > 0).map((g) =>
    lang === 'ja'
      ? `${g} ${view.gradeLabels[g]} ${view.grades[g]}件`
      : `${g} (${view.gradeLabels[g]}) ${view.grades[g]}`,
  );
  if (view.grades.none > 0)
    parts.push(lang === 'ja' ? `評価なし ${view.grades.none}件` : `no grade ${view.grades.none}`);
  return lang === 'ja' ? `${view.fyLabel}の評価: ${parts.join('・')}` : `Grades for FY${view.fy}: ${parts.join(', ')}`;
}

/** What was written: the sheet, the number of indicators, the hidden cells and the threshold. */
export function writtenText(view: SummaryView, lang: Lang): string {
  return lang === 'ja'
    ? `「${view.resultSheet}」シートを更新しました（指標${view.indicators}件、${view.years.length}年度分）。${view.threshold}未満の人数・件数など${view.suppressedCells}セルを＊で伏せています。最終更新 ${view.updatedAt}`
    : `Updated the “${view.resultSheet}” sheet (${view.indicators} indicators, ${view.years.length} fiscal years). ${view.suppressedCells} cells (counts below ${view.threshold} and what would reveal them) are hidden as ＊. Last updated ${view.updatedAt}`;
}

/** One indicator's line: its figure of the 年度 shown against its target. */
export function lineText(line: SummaryLine, lang: Lang): { title: string; figures: string; grade: Grade | null } {
  const unit = line.unit;
  const value = line.value !== null ? `${formatFigure(line.value)}${unit}` : line.shown || '—';
  const target = line.target !== null ? `${formatFigure(line.target)}${unit}` : null;
  const rate = line.rate !== null ? `${formatFigure(line.rate)}%` : null;
  let figures: string;
  if (lang === 'ja') {
    figures = `実績 ${value}`;
    if (target) figures += ` ／ 目標 ${target}`;
    if (rate) figures += `（達成率 ${rate}）`;
  } else {
    figures = `actual ${value === 'データなし' ? 'no data' : value}`;
    if (target) figures += ` / target ${target}`;
    if (rate) figures += ` (${rate} of target)`;
  }
  return { title: `${line.id} ${line.name}`, figures, grade: line.grade };
}

/** A goal is shown open when it has a D, or when there is only one goal; staff's own choice wins. */
export function goalOpen(
  goal: SummaryView['goals'][number],
  goals: number,
  chosen: ReadonlyMap<number, boolean>,
): boolean {
  const mine = chosen.get(goal.goal);
  if (mine !== undefined) return mine;
  return goals === 1 || goal.indicators.some((i) => i.grade === 'D');
}
