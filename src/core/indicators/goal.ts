/**
 * Defines parseBasicGoal: 基本目標 of 指標定義 as the indicator reader takes it — 1 to 4, written as a
 * number, in 全角, or after the word (基本目標１). 検証 draws on the same function (sheets/specs.ts).
 */
import { parseNumber } from '../text/number';

/** The plan's basic goals are numbered 1 to 4. */
export const BASIC_GOAL_MIN = 1;
export const BASIC_GOAL_MAX = 4;

/** The word staff write before the number (「基本目標１」). */
const GOAL_WORD = /^基本目標/;

/** The basic goal a cell names (1–4), or null when it names none. */
export function parseBasicGoal(cell: unknown): number | null {
  const g = parseNumber(typeof cell === 'string' ? cell.replace(GOAL_WORD, '') : cell, { integer: true });
  return g.ok && g.value >= BASIC_GOAL_MIN && g.value <= BASIC_GOAL_MAX ? g.value : null;
}
