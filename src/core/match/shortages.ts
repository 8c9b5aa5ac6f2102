/** Defines the shortage analysis (不足分析): unfilled places by 内容区分 × 圏域 and by missing skill, language and time slot — the recruiting agenda. */
import type { RequestInfo } from './model';
import { slotText } from './score';
import type { ShortageDimension, ShortageRow } from './types';
import type { UnmetExplanation } from './unmet';

const DIMENSION_ORDER: readonly ShortageDimension[] = ['categoryArea', 'skill', 'language', 'timeSlot'];

export const NO_CATEGORY = '（内容区分なし）';
export const NO_AREA = '（圏域なし）';

export interface UnmetRequest {
  readonly request: RequestInfo;
  readonly missing: number;
  readonly explanation: UnmetExplanation;
}

/**
 * Every unfilled place counts once under its 内容区分 × 圏域. It counts under a skill, a
 * language or a time slot when that is among the request's binding reasons: its scarce skills
 * (or their combination, joined with ＋), each asked language, its wished times as one key.
 */
export function shortagesOf(unmet: readonly UnmetRequest[]): ShortageRow[] {
  const rows = new Map<string, { dimension: ShortageDimension; key: string; places: number; requests: string[] }>();
  const count = (dimension: ShortageDimension, key: string, u: UnmetRequest): void => {
    const id = `${dimension}\u0000${key}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { dimension, key, places: 0, requests: [] }));
    row.places += u.missing;
    if (row.requests[row.requests.length - 1] !== u.request.id) row.requests.push(u.request.id);
  };
  for (const u of unmet) {
    const r = u.request;
    count('categoryArea', `${r.record.category ?? NO_CATEGORY} × ${r.area ?? NO_AREA}`, u);
    const binding = u.explanation.binding;
    if (binding.indexOf('skills') >= 0) {
      for (const s of u.explanation.missingSkills) count('skill', s, u);
    }
    if (binding.indexOf('language') >= 0) for (const l of r.languages) count('language', l, u);
    if (binding.indexOf('time') >= 0) count('timeSlot', slotText(r.slots), u);
  }
  return [...rows.values()].sort(
    (a, b) =>
      DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension) ||
      b.places - a.places ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
