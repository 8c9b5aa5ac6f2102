/** Defines solveAssignment: the exact lexicographic optimum of a bipartite b-matching (places filled, then total weight, then earlier pairs). */
import { solveDenseAssignment } from './solver-dense';
import { activeEdgeList, readProblem, type ReadProblem } from './solver-input';
import { solveSparseAssignment } from './solver-sparse';

/** A bipartite b-matching problem: volunteers (left) with capacities, requests (right) with places, and the possible pairs with integer weights. */
export interface AssignmentProblem {
  leftCapacity: readonly number[]; // ≥ 0 each
  rightCapacity: readonly number[]; // ≥ 0 each
  /** Possible pairs; a pair appears at most once. weight: integer 0 … 1_000_000. */
  edges: ReadonlyArray<{ left: number; right: number; weight: number }>;
}

export interface AssignmentSolution {
  /** Indices into problem.edges of the chosen pairs, ascending. */
  chosen: number[];
  /** Places filled = chosen.length. */
  filled: number;
  totalWeight: number;
}

/**
 * Lexicographic optimum: first the most pairs (places filled), then the highest total weight; ties broken deterministically (the same problem → the same answer, independent of anything but the input order).
 *
 * The objective, exactly (no rounding, no BIG-M overflow: every number stays an integer below 2^52):
 *   1. the most places filled (maximum cardinality b-matching);
 *   2. among those, the highest total weight;
 *   3. among those, the smallest sum of the chosen pairs' positions in `edges` — a pair listed
 *      earlier wins a tie (the domain lists pairs by request row then volunteer row, so an earlier
 *      request, then an earlier volunteer, is preferred);
 *   4. should two optima still tie on that sum, the algorithm's own fixed order decides — a pure
 *      function of the input, never of timing, hashing or memory.
 *
 * Two exact methods, chosen by shape (solver-sparse.ts, solver-dense.ts):
 *   - sparse (the general case): successive shortest augmenting paths on the residual graph, one
 *     Dijkstra per place, with node potentials and two-level (weight, position) costs compared
 *     lexicographically; only the given pairs are ever built, so work grows with the pairs;
 *   - dense (every side takes at most one pair, 10,000 … 25,000,000 cells, ≥ 10 % of them
 *     possible pairs, sides within 2 : 1 — e.g. a 2,000 × 2,000 score table): Jonker–Volgenant on a flat Int32
 *     table built in the same pass that checks the input; then the pairs its optimal duals leave
 *     tight (the only pairs any optimum can use) go back through the same tie rule.
 * Both are certified or checked against each other in test/core/match/solver.test.ts, and
 * against brute force on hundreds of small problems.
 * Throws a RangeError for a malformed problem (negative or fractional capacity, weight outside
 * 0 … 1,000,000, index out of range, a pair between two sides with capacity listed twice): that
 * is a bug in the caller, not data.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const input = readProblem(problem);
  return solutionOf(input, chooseEdges(input));
}

/** The chosen positions (into the read problem's edge arrays), by the dense path when it applies and certifies its answer, else the sparse path. */
function chooseEdges(input: ReadProblem): Int32Array {
  if (input.edgeCount === 0) return new Int32Array(0);
  if (input.table !== null) {
    const dense = solveDenseAssignment(input);
    if (dense) return dense;
  }
  return solveSparseAssignment(input, activeEdgeList(input));
}

function solutionOf(input: ReadProblem, positions: Int32Array): AssignmentSolution {
  const chosen = Array.from(positions).sort((a, b) => a - b);
  let totalWeight = 0;
  for (const e of chosen) totalWeight += (input.problem.edges[e] as AssignmentProblem['edges'][number]).weight;
  return { chosen, filled: chosen.length, totalWeight };
}
