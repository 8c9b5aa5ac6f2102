/** Bench peers for matching: the greedy best-first matcher list-based tools use, and the npm `munkres` Hungarian solver on a table. */
import { munkres } from 'munkres';
import type { AssignmentProblem, AssignmentSolution } from '../src/core/match/solver';

/** What the table compares: places filled and total weight. */
export type Outcome = Pick<AssignmentSolution, 'filled' | 'totalWeight'>;

/**
 * Greedy best-first: every pair sorted by weight (highest first, earlier pair first on a tie),
 * taken whenever both sides still have room — what ranking a list and working down it gives.
 */
export function greedyBestFirst(problem: AssignmentProblem): AssignmentSolution {
  const order = problem.edges.map((_, e) => e);
  order.sort((a, b) => (problem.edges[b]?.weight as number) - (problem.edges[a]?.weight as number) || a - b);
  const left = [...problem.leftCapacity];
  const right = [...problem.rightCapacity];
  const chosen: number[] = [];
  let totalWeight = 0;
  for (const e of order) {
    const edge = problem.edges[e] as AssignmentProblem['edges'][number];
    if ((left[edge.left] as number) > 0 && (right[edge.right] as number) > 0) {
      left[edge.left] = (left[edge.left] as number) - 1;
      right[edge.right] = (right[edge.right] as number) - 1;
      chosen.push(e);
      totalWeight += edge.weight;
    }
  }
  chosen.sort((a, b) => a - b);
  return { chosen, filled: chosen.length, totalWeight };
}

/**
 * munkres needs a cost table: rows × cols of (1,000,000 − weight), built before the clock starts
 * (a table, not pairs, is its input). Complete one-to-one problems only.
 */
export function munkresTable(problem: AssignmentProblem): number[][] {
  const rows = problem.leftCapacity.length;
  const cols = problem.rightCapacity.length;
  const table: number[][] = [];
  for (let i = 0; i < rows; i++) table.push(new Array<number>(cols).fill(Number.POSITIVE_INFINITY));
  for (const edge of problem.edges) (table[edge.left] as number[])[edge.right] = 1_000_000 - edge.weight;
  return table;
}

/** Solves the table with munkres and reads the answer back as pairs of the problem. */
export function solveWithMunkres(table: number[][]): Outcome {
  const pairs = munkres(table);
  let totalWeight = 0;
  for (const [i, j] of pairs) totalWeight += 1_000_000 - ((table[i] as number[])[j] as number);
  return { filled: pairs.length, totalWeight };
}
