/** Defines the soft-score weights: their defaults and how 設定 rows '重み:興味' … override them. */
import type { Settings } from '../sheets/settings';
import { normalizeHeader } from '../text/normalize';
import type { Reason } from './types';

/** The six parts of the soft score. */
export type ScorePart = 'interest' | 'proximity' | 'time' | 'continuity' | 'fairness' | 'waiting';

export const SCORE_PARTS: readonly ScorePart[] = ['interest', 'proximity', 'time', 'continuity', 'fairness', 'waiting'];

/** The 設定 name of each part (the word after 重み: on a 設定 row). */
export const WEIGHT_NAMES: Readonly<Record<ScorePart, string>> = {
  interest: '興味',
  proximity: '近さ',
  time: '時間',
  continuity: '継続',
  fairness: '公平',
  waiting: '待ち日数',
};

/**
 * Default weights, by their 設定 name. They sum to 100, so each is the most points its part can
 * give: the score is Σ weight × part (each part 0–1) ÷ Σ weights × 100.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  興味: 25,
  近さ: 20,
  時間: 15,
  継続: 15,
  公平: 15,
  待ち日数: 10,
});

/** Other words staff write after 重み:, compared after normalizeHeader. */
const ALIASES: Readonly<Record<string, ScorePart>> = (() => {
  const table: [string, ScorePart][] = [
    ['興味', 'interest'],
    ['関心', 'interest'],
    ['活動分野', 'interest'],
    ['分野', 'interest'],
    ['interest', 'interest'],
    ['近さ', 'proximity'],
    ['距離', 'proximity'],
    ['地域', 'proximity'],
    ['場所', 'proximity'],
    ['proximity', 'proximity'],
    ['時間', 'time'],
    ['日時', 'time'],
    ['時間帯', 'time'],
    ['time', 'time'],
    ['継続', 'continuity'],
    ['継続性', 'continuity'],
    ['なじみ', 'continuity'],
    ['continuity', 'continuity'],
    ['公平', 'fairness'],
    ['公平性', 'fairness'],
    ['偏り', 'fairness'],
    ['fairness', 'fairness'],
    ['待ち日数', 'waiting'],
    ['待ち', 'waiting'],
    ['待機日数', 'waiting'],
    ['待ち時間', 'waiting'],
    ['受付日', 'waiting'],
    ['waiting', 'waiting'],
  ];
  const out: Record<string, ScorePart> = {};
  for (const [word, part] of table) out[normalizeHeader(word)] = part;
  return out;
})();

export interface ResolvedWeights {
  readonly weights: Readonly<Record<ScorePart, number>>;
  readonly warnings: Reason[];
}

/** The weights in force: defaults, overridden by the 設定 重み rows it recognises; negative weights count as 0. */
export function resolveWeights(settings: Settings): ResolvedWeights {
  const weights: Record<ScorePart, number> = {
    interest: DEFAULT_WEIGHTS['興味'] as number,
    proximity: DEFAULT_WEIGHTS['近さ'] as number,
    time: DEFAULT_WEIGHTS['時間'] as number,
    continuity: DEFAULT_WEIGHTS['継続'] as number,
    fairness: DEFAULT_WEIGHTS['公平'] as number,
    waiting: DEFAULT_WEIGHTS['待ち日数'] as number,
  };
  const warnings: Reason[] = [];
  const given = settings.weights ?? {};
  for (const name of Object.keys(given).sort()) {
    const value = given[name] as number;
    const part = ALIASES[normalizeHeader(name)];
    if (part === undefined) {
      warnings.push({
        code: 'weight.unknown',
        ja: `設定の「重み:${name}」は使われません。重みの名前は ${SCORE_PARTS.map((p) => WEIGHT_NAMES[p]).join('・')} のいずれかです`,
        en: `The 設定 row 「重み:${name}」 is not used; weight names are ${SCORE_PARTS.map((p) => WEIGHT_NAMES[p]).join(', ')}`,
      });
      continue;
    }
    if (!Number.isFinite(value) || value < 0) {
      warnings.push({
        code: 'weight.negative',
        ja: `設定の「重み:${name}」が負の数です。0として扱います`,
        en: `The 設定 row 「重み:${name}」 is negative; 0 is used`,
      });
      weights[part] = 0;
      continue;
    }
    weights[part] = value;
  }
  return { weights, warnings };
}
