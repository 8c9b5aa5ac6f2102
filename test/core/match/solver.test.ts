import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { solveAssignment, type AssignmentProblem, type AssignmentSolution } from '../../../src/core/match/solver';
import { solveDenseAssignment } from '../../../src/core/match/solver-dense';
import { activeEdgeList, readProblem } from '../../../src/core/match/solver-input';
import { solveSparseAssignment } from '../../../src/core/match/solver-sparse';

type Edge = AssignmentProblem['edges'][number];

/** (places filled, total weight, sum of chosen positions): the documented objective, best first in that order. */
interface Objective {
  filled: number;
  weight: number;
  positions: number;
}

function objectiveOf(problem: AssignmentProblem, chosen: readonly number[]): Objective {
  let weight = 0;
  let positions = 0;
  for (const e of chosen) {
    weight += (problem.edges[e] as Edge).weight;
    positions += e;
  }
  return { filled: chosen.length, weight, positions };
}

/** a better than b: more places, then more weight, then earlier pairs. */
function better(a: Objective, b: Objective): boolean {
  if (a.filled !== b.filled) return a.filled > b.filled;
  if (a.weight !== b.weight) return a.weight > b.weight;
  return a.positions < b.positions;
}

/** The independent exact method: every subset of the pairs that respects the capacities. */
function bruteForce(problem: AssignmentProblem): Objective {
  const left = [...problem.leftCapacity];
  const right = [...problem.rightCapacity];
  let best: Objective = { filled: 0, weight: 0, positions: 0 };
  const taken: number[] = [];
  const walk = (e: number): void => {
    if (e === problem.edges.length) {
      const here = objectiveOf(problem, taken);
      if (better(here, best)) best = here;
      return;
    }
    const edge = problem.edges[e] as Edge;
    if ((left[edge.left] as number) > 0 && (right[edge.right] as number) > 0) {
      left[edge.left]!--;
      right[edge.right]!--;
      taken.push(e);
      walk(e + 1);
      taken.pop();
      left[edge.left]!++;
      right[edge.right]!++;
    }
    walk(e + 1);
  };
  walk(0);
  return best;
}

/**
 * A second independent exact method for problems too big for brute force: min-cost max-flow by
 * successive shortest paths with Bellman–Ford on costs −weight (most flow first, then least cost
 * = most weight). It knows nothing of the tie rule, so it checks (places, weight) only.
 */
function minCostMaxFlow(problem: AssignmentProblem): { filled: number; weight: number } {
  const L = problem.leftCapacity.length;
  const R = problem.rightCapacity.length;
  const source = L + R;
  const sink = source + 1;
  const head: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const from: number[] = [];
  const arc = (u: number, v: number, c: number, w: number): void => {
    from.push(u, v);
    head.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  problem.leftCapacity.forEach((c, i) => arc(source, i, c, 0));
  problem.rightCapacity.forEach((c, j) => arc(L + j, sink, c, 0));
  for (const e of problem.edges) arc(e.left, L + e.right, 1, -e.weight);
  let filled = 0;
  let weight = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let a = 0; a < head.length; a++) {
        const u = from[a] as number;
        if ((cap[a] as number) > 0 && (dist[u] as number) + (cost[a] as number) < (dist[head[a] as number] as number)) {
          dist[head[a] as number] = (dist[u] as number) + (cost[a] as number);
          via[head[a] as number] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) return { filled, weight };
    for (let x = sink; x !== source; x = from[via[x] as number] as number) {
      const a = via[x] as number;
      cap[a] = (cap[a] as number) - 1;
      cap[a ^ 1] = (cap[a ^ 1] as number) + 1;
    }
    filled++;
    weight -= dist[sink] as number;
  }
}

/** Checks the solution's own bookkeeping and the capacities; returns its objective. */
function checked(problem: AssignmentProblem, s: AssignmentSolution): Objective {
  expect(s.filled).toBe(s.chosen.length);
  for (let k = 1; k < s.chosen.length; k++) expect(s.chosen[k]).toBeGreaterThan(s.chosen[k - 1] as number);
  const left = new Array<number>(problem.leftCapacity.length).fill(0);
  const right = new Array<number>(problem.rightCapacity.length).fill(0);
  for (const e of s.chosen) {
    const edge = problem.edges[e] as Edge;
    expect(edge).toBeDefined();
    left[edge.left]!++;
    right[edge.right]!++;
  }
  left.forEach((n, i) => expect(n).toBeLessThanOrEqual(problem.leftCapacity[i] as number));
  right.forEach((n, j) => expect(n).toBeLessThanOrEqual(problem.rightCapacity[j] as number));
  const objective = objectiveOf(problem, s.chosen);
  expect(s.totalWeight).toBe(objective.weight);
  return objective;
}

/** Small random problems: up to 6 × 6, capacities 0–3, sparse pairs, weights 0…maxWeight. */
const smallProblem = (maxWeight: number, maxEdges = 14): fc.Arbitrary<AssignmentProblem> =>
  fc
    .record({
      leftCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
      rightCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
    })
    .chain(({ leftCapacity, rightCapacity }) =>
      fc
        .uniqueArray(
          fc.record({
            left: fc.integer({ min: 0, max: leftCapacity.length - 1 }),
            right: fc.integer({ min: 0, max: rightCapacity.length - 1 }),
            weight: fc.integer({ min: 0, max: maxWeight }),
          }),
          { maxLength: maxEdges, selector: (e) => `${e.left},${e.right}` },
        )
        .map((edges) => ({ leftCapacity, rightCapacity, edges })),
    );

/** One-to-one tables: capacities 1, every left–right pair possible, or (dense) at least half of them. */
const oneToOneTable = (maxSide: number, maxWeight: number, complete = true): fc.Arbitrary<AssignmentProblem> =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxSide }), cols: fc.integer({ min: 1, max: maxSide }) })
    .filter(({ rows, cols }) => Math.max(rows, cols) <= 2 * Math.min(rows, cols))
    .chain(({ rows, cols }) =>
      fc
        .array(fc.integer({ min: 0, max: maxWeight }), { minLength: rows * cols, maxLength: rows * cols })
        .chain((weights) =>
          fc.shuffledSubarray(
            weights.map((weight, k) => ({ left: Math.floor(k / cols), right: k % cols, weight })),
            { minLength: complete ? rows * cols : Math.ceil((rows * cols) / 2), maxLength: rows * cols },
          ),
        )
        .map((edges) => ({
          leftCapacity: new Array<number>(rows).fill(1),
          rightCapacity: new Array<number>(cols).fill(1),
          edges,
        })),
    );

function viaSparse(problem: AssignmentProblem): number[] {
  const read = readProblem(problem);
  return Array.from(solveSparseAssignment(read, activeEdgeList(read))).sort((a, b) => a - b);
}

function viaDense(problem: AssignmentProblem, stage2Sparse: boolean): number[] {
  const read = readProblem(problem, { denseMinCells: 1 });
  expect(read.table).not.toBeNull();
  const out = solveDenseAssignment(read, { stage2Sparse });
  expect(out).not.toBeNull();
  return Array.from(out as Int32Array).sort((a, b) => a - b);
}

/** A seeded generator for the larger fixed cases. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomTable(rows: number, cols: number, maxWeight: number, seed: number, density = 1): AssignmentProblem {
  const rnd = lcg(seed);
  const edges: Edge[] = [];
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++)
      if (density === 1 || rnd() < density)
        edges.push({ left: i, right: j, weight: Math.floor(rnd() * (maxWeight + 1)) });
  return { leftCapacity: new Array<number>(rows).fill(1), rightCapacity: new Array<number>(cols).fill(1), edges };
}

describe('solveAssignment', () => {
  describe('optimality against brute force', () => {
    it('equals the best (places, weight, earliest pairs) over every subset of pairs, weights 0–20', () => {
      fc.assert(
        fc.property(smallProblem(20), (problem) => {
          expect(checked(problem, solveAssignment(problem))).toEqual(bruteForce(problem));
        }),
        { numRuns: 400 },
      );
    });

    it('equals brute force when weights tie a lot (0–2), so the tie rule decides', () => {
      fc.assert(
        fc.property(smallProblem(2), (problem) => {
          expect(checked(problem, solveAssignment(problem))).toEqual(bruteForce(problem));
        }),
        { numRuns: 300 },
      );
    });

    it('equals min-cost max-flow (places, weight) on medium problems: up to 25 × 25, capacities 0–4', () => {
      const medium = fc
        .record({
          leftCapacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 25 }),
          rightCapacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 25 }),
          maxWeight: fc.constantFrom(0, 3, 100, 1_000_000),
        })
        .chain(({ leftCapacity, rightCapacity, maxWeight }) =>
          fc
            .uniqueArray(
              fc.record({
                left: fc.integer({ min: 0, max: leftCapacity.length - 1 }),
                right: fc.integer({ min: 0, max: rightCapacity.length - 1 }),
                weight: fc.integer({ min: 0, max: maxWeight }),
              }),
              { maxLength: 150, selector: (e) => `${e.left},${e.right}` },
            )
            .map((edges) => ({ leftCapacity, rightCapacity, edges })),
        );
      fc.assert(
        fc.property(medium, (problem) => {
          const { filled, weight } = checked(problem, solveAssignment(problem));
          expect({ filled, weight }).toEqual(minCostMaxFlow(problem));
        }),
        { numRuns: 150 },
      );
    });

    it('fills the most places even when a heavier pair would block two lighter ones', () => {
      // Greedy takes 0–0 (weight 100) and fills one place; the optimum fills two.
      const problem: AssignmentProblem = {
        leftCapacity: [1, 1],
        rightCapacity: [1, 1],
        edges: [
          { left: 0, right: 0, weight: 100 },
          { left: 0, right: 1, weight: 1 },
          { left: 1, right: 0, weight: 1 },
        ],
      };
      expect(solveAssignment(problem)).toEqual({ chosen: [1, 2], filled: 2, totalWeight: 2 });
    });
  });

  describe('capacities and bookkeeping', () => {
    it('never gives a side more pairs than its capacity, and reports filled and weight truly', () => {
      fc.assert(
        fc.property(smallProblem(1_000_000, 30), (problem) => {
          checked(problem, solveAssignment(problem));
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('determinism', () => {
    it('returns the same pairs for the same problem, solved twice or from a copy', () => {
      fc.assert(
        fc.property(smallProblem(3, 30), (problem) => {
          const once = solveAssignment(problem);
          const copy: AssignmentProblem = JSON.parse(JSON.stringify(problem)) as AssignmentProblem;
          expect(solveAssignment(problem)).toEqual(once);
          expect(solveAssignment(copy)).toEqual(once);
        }),
        { numRuns: 200 },
      );
    });

    it('returns the same pairs for the same table, on the dense path', () => {
      for (const maxWeight of [0, 2, 1_000_000]) {
        const problem = randomTable(110, 100, maxWeight, 21 + maxWeight);
        const once = solveAssignment(problem);
        expect(solveAssignment(problem)).toEqual(once);
        expect(solveAssignment(JSON.parse(JSON.stringify(problem)) as AssignmentProblem)).toEqual(once);
      }
    });

    it('prefers the pair listed earlier when weights tie', () => {
      const problem: AssignmentProblem = {
        leftCapacity: [1],
        rightCapacity: [1, 1, 1],
        edges: [
          { left: 0, right: 2, weight: 5 },
          { left: 0, right: 0, weight: 5 },
          { left: 0, right: 1, weight: 5 },
        ],
      };
      expect(solveAssignment(problem).chosen).toEqual([0]);
      expect(solveAssignment({ ...problem, edges: [...problem.edges].reverse() }).chosen).toEqual([0]);
    });
  });

  describe('monotonicity', () => {
    it('never gets worse (places, then weight) when a pair is added', () => {
      fc.assert(
        fc.property(
          smallProblem(20, 20),
          fc.record({ left: fc.nat(), right: fc.nat(), weight: fc.integer({ min: 0, max: 20 }), at: fc.nat() }),
          (problem, extra) => {
            const left = extra.left % problem.leftCapacity.length;
            const right = extra.right % problem.rightCapacity.length;
            fc.pre(!problem.edges.some((e) => e.left === left && e.right === right));
            const edges = [...problem.edges];
            edges.splice(extra.at % (edges.length + 1), 0, { left, right, weight: extra.weight });
            const before = solveAssignment(problem);
            const after = solveAssignment({ ...problem, edges });
            expect(after.filled).toBeGreaterThanOrEqual(before.filled);
            if (after.filled === before.filled) expect(after.totalWeight).toBeGreaterThanOrEqual(before.totalWeight);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('the dense path', () => {
    it('agrees with the sparse path and brute force on small tables, complete or with missing pairs', () => {
      fc.assert(
        fc.property(oneToOneTable(4, 6, false), (problem) => {
          const exact = bruteForce(problem);
          expect(objectiveOf(problem, viaSparse(problem))).toEqual(exact);
          expect(objectiveOf(problem, viaDense(problem, true))).toEqual(exact);
          expect(objectiveOf(problem, viaDense(problem, false))).toEqual(exact);
        }),
        { numRuns: 200 },
      );
    });

    it('agrees with the sparse path on larger tables, square and rectangular, with and without ties or missing pairs', () => {
      fc.assert(
        fc.property(
          oneToOneTable(24, 1_000_000),
          oneToOneTable(24, 3),
          oneToOneTable(24, 1_000, false),
          (distinct, tied, holes) => {
            for (const problem of [distinct, tied, holes]) {
              const sparse = objectiveOf(problem, viaSparse(problem));
              expect(objectiveOf(problem, viaDense(problem, true))).toEqual(sparse);
              expect(objectiveOf(problem, viaDense(problem, false))).toEqual(sparse);
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('is taken by solveAssignment for a big table, complete or with missing pairs, and gives the sparse answer', () => {
      for (const [rows, cols, maxWeight, seed, density] of [
        [100, 100, 1_000_000, 1, 1],
        [120, 90, 1_000_000, 2, 1],
        [100, 100, 5, 3, 1],
        [100, 100, 0, 4, 1],
        [110, 100, 1_000_000, 5, 0.6],
        [100, 120, 3, 6, 0.55],
      ] as const) {
        const problem = randomTable(rows, cols, maxWeight, seed, density);
        expect(readProblem(problem).table).not.toBeNull();
        const solution = solveAssignment(problem);
        expect(checked(problem, solution)).toEqual(objectiveOf(problem, viaSparse(problem)));
        if (density === 1) expect(solution.filled).toBe(Math.min(rows, cols));
      }
    });

    it('fills the most places on a table even when a heavy pair would leave one empty', () => {
      // 100 × 100, every pair weight 1 except 0–1 (1,000,000); row 1 can only take column 1.
      const edges: Edge[] = [];
      for (let i = 0; i < 100; i++) {
        for (let j = 0; j < 100; j++)
          if (i !== 1 || j === 1) edges.push({ left: i, right: j, weight: i === 0 && j === 1 ? 1_000_000 : 1 });
      }
      const problem: AssignmentProblem = {
        leftCapacity: new Array<number>(100).fill(1),
        rightCapacity: new Array<number>(100).fill(1),
        edges,
      };
      expect(readProblem(problem).table).not.toBeNull();
      expect(solveAssignment(problem)).toMatchObject({ filled: 100, totalWeight: 100 });
    });
  });

  describe('edge cases', () => {
    it('returns nothing for no pairs, no sides, or no capacity', () => {
      const empty = { chosen: [], filled: 0, totalWeight: 0 };
      expect(solveAssignment({ leftCapacity: [], rightCapacity: [], edges: [] })).toEqual(empty);
      expect(solveAssignment({ leftCapacity: [2, 1], rightCapacity: [3], edges: [] })).toEqual(empty);
      expect(
        solveAssignment({
          leftCapacity: [0, 1],
          rightCapacity: [2, 0],
          edges: [
            { left: 0, right: 0, weight: 9 },
            { left: 1, right: 1, weight: 9 },
          ],
        }),
      ).toEqual(empty);
    });

    it('fills the most places and takes the earliest pairs when all weights are equal', () => {
      const problem: AssignmentProblem = {
        leftCapacity: [2, 1, 1],
        rightCapacity: [1, 2, 1],
        edges: [
          { left: 0, right: 0, weight: 7 },
          { left: 0, right: 1, weight: 7 },
          { left: 1, right: 0, weight: 7 },
          { left: 1, right: 1, weight: 7 },
          { left: 2, right: 2, weight: 7 },
          { left: 0, right: 2, weight: 7 },
        ],
      };
      expect(solveAssignment(problem)).toEqual({ chosen: [0, 1, 3, 4], filled: 4, totalWeight: 28 });
    });

    it('takes a weight-0 pair rather than leave a place empty', () => {
      expect(
        solveAssignment({ leftCapacity: [1], rightCapacity: [1], edges: [{ left: 0, right: 0, weight: 0 }] }),
      ).toEqual({ chosen: [0], filled: 1, totalWeight: 0 });
    });

    it('reads an infinite capacity as no limit', () => {
      const problem: AssignmentProblem = {
        leftCapacity: [Number.POSITIVE_INFINITY],
        rightCapacity: [1, 1, 1],
        edges: [0, 1, 2].map((right) => ({ left: 0, right, weight: right })),
      };
      expect(solveAssignment(problem)).toEqual({ chosen: [0, 1, 2], filled: 3, totalWeight: 3 });
    });

    it('handles all weights at the maximum without losing precision', () => {
      const problem = randomTable(30, 40, 0, 9);
      for (const e of problem.edges) (e as { weight: number }).weight = 1_000_000;
      expect(solveAssignment(problem)).toMatchObject({ filled: 30, totalWeight: 30_000_000 });
    });

    it('rejects malformed problems with a RangeError', () => {
      const ok: AssignmentProblem = {
        leftCapacity: [1],
        rightCapacity: [1],
        edges: [{ left: 0, right: 0, weight: 1 }],
      };
      expect(() => solveAssignment({ ...ok, leftCapacity: [-1] })).toThrow(RangeError);
      expect(() => solveAssignment({ ...ok, rightCapacity: [1.5] })).toThrow(RangeError);
      expect(() => solveAssignment({ ...ok, edges: [{ left: 0, right: 0, weight: 1_000_001 }] })).toThrow(RangeError);
      expect(() => solveAssignment({ ...ok, edges: [{ left: 0, right: 0, weight: 0.5 }] })).toThrow(RangeError);
      expect(() => solveAssignment({ ...ok, edges: [{ left: 1, right: 0, weight: 1 }] })).toThrow(RangeError);
      expect(() => solveAssignment({ ...ok, edges: [{ left: 0, right: -1, weight: 1 }] })).toThrow(RangeError);
      expect(() => solveAssignment({ ...ok, edges: [ok.edges[0] as Edge, { left: 0, right: 0, weight: 2 }] })).toThrow(
        /listed twice/,
      );
      const table = randomTable(100, 100, 9, 7);
      expect(() => solveAssignment({ ...table, edges: [...table.edges, { left: 5, right: 7, weight: 1 }] })).toThrow(
        /listed twice/,
      );
    });
  });
});
