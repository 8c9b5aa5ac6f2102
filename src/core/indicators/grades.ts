/** Defines the evaluation of an indicator's 実績 against 基準値 and 目標: 達成率, grade A–D (thresholds and labels from 設定) and 前年度比. */
import type { Settings } from '../sheets/settings';
import { normalizeHeader } from '../text/normalize';
import { parseNumber } from '../text/number';
import type { Message } from './condition';
import type { Direction } from './definitions';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeScale {
  /** 達成率 (%) from which a result is A (目標達成) and B (概ね達成). */
  readonly a: number;
  readonly b: number;
  /** Labels shown beside the letter (設定 評価A … 評価D). */
  readonly labels: Readonly<Record<Grade, string>>;
}

export const DEFAULT_GRADE_SCALE: GradeScale = {
  a: 100,
  b: 80,
  labels: { A: '目標達成', B: '概ね達成', C: '基準値より改善だが80%未満', D: '基準値より悪化' },
};

/**
 * The grade scale of 設定: rows 評価A … 評価D name the labels, rows 評価Aの基準 and 評価Bの基準
 * (also …の達成率) the 達成率 (%) each starts at. Anything missing keeps its default; a
 * threshold that does not read, or B not below A, is reported and the defaults are used.
 */
export function gradeScaleOf(settings: Settings): { scale: GradeScale; issues: Message[] } {
  const issues: Message[] = [];
  const labels: Record<Grade, string> = { ...DEFAULT_GRADE_SCALE.labels };
  let a: number = DEFAULT_GRADE_SCALE.a;
  let b: number = DEFAULT_GRADE_SCALE.b;
  for (const [name, values] of Object.entries(settings.lists)) {
    const key = normalizeHeader(name);
    const label = /^評価([abcd])$/.exec(key);
    if (label) {
      const text = values.join('、').trim();
      if (text !== '') labels[(label[1] as string).toUpperCase() as Grade] = text;
      continue;
    }
    const threshold = /^評価([ab])の?(?:基準|達成率|しきい値|閾値)$/.exec(key);
    if (!threshold) continue;
    const n = parseNumber(values.join(''));
    if (!n.ok || n.value <= 0) {
      issues.push({
        ja: `設定「${name}」は達成率（%）の数で書いてください。既定値を使います`,
        en: `設定 「${name}」 must be a 達成率 in %; the default is used`,
      });
      continue;
    }
    if (threshold[1] === 'a') a = n.value;
    else b = n.value;
  }
  if (b >= a) {
    issues.push({
      ja: `設定の評価Bの基準（${b}%）は評価Aの基準（${a}%）より小さくしてください。既定値（A ${DEFAULT_GRADE_SCALE.a}%、B ${DEFAULT_GRADE_SCALE.b}%）を使います`,
      en: `The 評価B threshold (${b}%) must be below the 評価A threshold (${a}%); the defaults (A ${DEFAULT_GRADE_SCALE.a}%, B ${DEFAULT_GRADE_SCALE.b}%) are used`,
    });
    a = DEFAULT_GRADE_SCALE.a;
    b = DEFAULT_GRADE_SCALE.b;
  }
  return { scale: { a, b, labels }, issues };
}

export interface Evaluation {
  /** 達成率 (%), null when there is nothing to measure against. */
  readonly rate: number | null;
  readonly grade: Grade | null;
}

export interface EvaluationInput {
  readonly direction: Direction;
  readonly actual: number;
  readonly target: number | null;
  readonly baseline: number | null;
  /** 許容幅 in the indicator's unit (0 when none). */
  readonly tolerance: number;
}

/**
 * 達成率 and grade of one 実績 (docs/summary.md, 評価):
 * - 増加: 達成率 = (実績 − 基準値) ÷ (目標 − 基準値), the share of the planned improvement made
 *   (実績 ÷ 目標 when there is no 基準値 below the 目標). 減少 mirrors it: (基準値 − 実績) ÷
 *   (基準値 − 目標), else 目標 ÷ 実績. 維持: 100% within the 許容幅 of the 目標, less by the
 *   share of the 目標 the 実績 lies beyond it.
 * - A: 達成率 ≥ the A threshold, or the 目標 reached within the 許容幅.
 * - D (増加/減少): worse than the 基準値 by more than the 許容幅. 維持: farther from the 目標
 *   than the 基準値 was, by more than the 許容幅 (and not B).
 * - B: 達成率 ≥ the B threshold; C: the rest.
 */
export function evaluate(input: EvaluationInput, scale: GradeScale): Evaluation {
  const { direction, actual: a, target: t, baseline: b } = input;
  const w = Math.max(0, input.tolerance);
  if (t === null) return { rate: null, grade: null };
  if (direction === '維持') {
    const beyond = Math.max(0, Math.abs(a - t) - w);
    const rate = t !== 0 ? Math.max(0, 100 - (beyond / Math.abs(t)) * 100) : beyond === 0 ? 100 : 0;
    if (rate >= scale.a) return { rate, grade: 'A' };
    if (rate >= scale.b) return { rate, grade: 'B' };
    if (b !== null && Math.abs(a - t) > Math.abs(b - t) + w) return { rate, grade: 'D' };
    return { rate, grade: 'C' };
  }
  const up = direction === '増加';
  let rate: number | null;
  if (b !== null && (up ? t > b : t < b)) rate = ((up ? a - b : b - a) / (up ? t - b : b - t)) * 100;
  else if (up) rate = t > 0 ? (a / t) * 100 : null;
  else rate = a > 0 ? (t / a) * 100 : a === 0 && t >= 0 ? 100 : null;
  const reached = up ? a >= t - w : a <= t + w;
  if (reached || (rate !== null && rate >= scale.a)) return { rate, grade: 'A' };
  const worse = b !== null && (up ? a < b - w : a > b + w);
  if (worse) return { rate, grade: 'D' };
  if (rate !== null && rate >= scale.b) return { rate, grade: 'B' };
  return { rate, grade: 'C' };
}

/** 前年度比: the ratio (%) to last year's 実績 and the change, null when either is missing. */
export function previousYear(
  actual: number | null,
  previous: number | null,
): { readonly ratio: number | null; readonly change: number | null } {
  if (actual === null || previous === null) return { ratio: null, change: null };
  return { ratio: previous !== 0 ? (actual / previous) * 100 : null, change: actual - previous };
}
