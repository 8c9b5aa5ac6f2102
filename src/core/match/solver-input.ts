/** Defines readProblem and edge lists: an AssignmentProblem checked, with each side's usable places, and its pairs as typed arrays. */
import type { AssignmentProblem } from './solver';

export const MAX_WEIGHT = 1_000_000;

type Edge = AssignmentProblem['edges'][number];

/** A checked problem. The pairs stay in the caller's objects until a path asks for them, so a 4,000,000-pair table is not copied twice. */
export interface ReadProblem {
  problem: AssignmentProblem;
  leftCount: number;
  rightCount: number;
  edgeCount: number;
  /**
   * Places each side can really fill: its capacity, capped by its number of usable pairs (a pair
   * is usable when both sides have capacity). 0 for a side with no capacity or no usable pair.
   */
  leftUnits: Int32Array;
  rightUnits: Int32Array;
  /** Usable pairs. */
  activeEdgeCount: number;
  /** The table, when the problem is one-to-one and dense enough for the dense path; else null. */
  table: DenseTable | null;
}

/**
 * A dense one-to-one problem as a square n × n table (the short side padded): the sides with
 * capacity numbered in order; cost[i·n + j] = −weight of that pair, `unfilled` where the pair is
 * not possible, 0 on padding; edgeAt[i·n + j] = the pair's position in edges + 1, or 0.
 * `unfilled` = rows · (W + 1) + 1 > any total weight, so a table optimum first fills the most
 * places — exactly the problem's objective.
 */
export interface DenseTable {
  n: number;
  rows: number;
  cols: number;
  cost: Int32Array;
  edgeAt: Int32Array;
}

/** A one-to-one problem takes the dense path from this many cells (rows × columns) … */
export const DENSE_MIN_CELLS = 10_000;
/** … when at least this share of its cells are possible pairs (measured: from about 10 % the table is faster than the graph) … */
export const DENSE_MIN_FILL = 0.1;
/** … and its padded square has at most this many cells (8 bytes each: 200 MB). */
export const DENSE_MAX_CELLS = 25_000_000;

/** Some of the pairs, by ascending position in problem.edges, as typed arrays. */
export interface EdgeList {
  position: Int32Array;
  left: Int32Array;
  right: Int32Array;
  weight: Int32Array;
}

/** Checks the problem and reads its shape; throws a RangeError naming the first malformed entry. One pass over the pairs, no copy of them. */
export function readProblem(
  problem: AssignmentProblem,
  options: { denseMinCells?: number; denseMinFill?: number } = {},
): ReadProblem {
  const minFill = options.denseMinFill ?? DENSE_MIN_FILL;
  const leftCount = problem.leftCapacity.length;
  const rightCount = problem.rightCapacity.length;
  const leftCap = readCapacities(problem.leftCapacity, 'leftCapacity');
  const rightCap = readCapacities(problem.rightCapacity, 'rightCapacity');
  const edges = problem.edges;
  const edgeCount = edges.length;
  const leftDegree = new Int32Array(leftCount);
  const rightDegree = new Int32Array(rightCount);

  // A table is built in the same pass when the capacities allow one (every side 0 or 1, enough
  // cells, sides within 2 : 1, enough pairs), and kept only if enough pairs turn out usable.
  const rowOf = numberSidesWithCapacity(leftCap);
  const colOf = numberSidesWithCapacity(rightCap);
  const rows = rowOf ? (rowOf[leftCount] as number) : 0;
  const cols = colOf ? (colOf[rightCount] as number) : 0;
  const n = Math.max(rows, cols);
  const candidate =
    rowOf !== null &&
    colOf !== null &&
    rows * cols >= (options.denseMinCells ?? DENSE_MIN_CELLS) &&
    rows * cols > 0 &&
    n * n <= DENSE_MAX_CELLS &&
    n <= 2 * Math.min(rows, cols) &&
    edgeCount >= minFill * rows * cols;
  const cost = candidate ? new Int32Array(n * n) : null;
  const edgeAt = candidate ? new Int32Array(n * n) : null;
  const activeEdgeCount =
    cost !== null && edgeAt !== null && rowOf !== null && colOf !== null
      ? scanPairsIntoTable(edges, leftCap, rightCap, leftDegree, rightDegree, rowOf, colOf, n, cost, edgeAt)
      : scanPairs(edges, leftCap, rightCap, leftDegree, rightDegree);
  const table =
    edgeAt !== null && cost !== null && activeEdgeCount >= minFill * rows * cols
      ? finishTable(n, rows, cols, cost, edgeAt)
      : null;
  const leftUnits = new Int32Array(leftCount);
  const rightUnits = new Int32Array(rightCount);
  for (let i = 0; i < leftCount; i++) leftUnits[i] = Math.min(leftCap[i] as number, leftDegree[i] as number);
  for (let j = 0; j < rightCount; j++) rightUnits[j] = Math.min(rightCap[j] as number, rightDegree[j] as number);
  return { problem, leftCount, rightCount, edgeCount, leftUnits, rightUnits, activeEdgeCount, table };
}

// The two passes over the pairs are functions of their own, so the engine optimises each hot
// loop once and for all (a loop inside a long function is re-entered unoptimised on every call).

/** Checks every pair and counts the usable ones and each side's usable pairs. */
function scanPairs(
  edges: AssignmentProblem['edges'],
  leftCap: Float64Array,
  rightCap: Float64Array,
  leftDegree: Int32Array,
  rightDegree: Int32Array,
): number {
  const leftCount = leftCap.length;
  const rightCount = rightCap.length;
  let active = 0;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Edge;
    const left = edge.left;
    const right = edge.right;
    const weight = edge.weight;
    // x >>> 0 === x: a whole number 0 … 2^32 − 1 (false for fractions, NaN, negatives, non-numbers).
    if (!(
      left >>> 0 === left &&
      left < leftCount &&
      right >>> 0 === right &&
      right < rightCount &&
      weight >>> 0 === weight &&
      weight <= MAX_WEIGHT
    )) {
      throw malformedPair(e, edge, leftCount, rightCount);
    }
    if ((leftCap[left] as number) > 0 && (rightCap[right] as number) > 0) {
      active++;
      (leftDegree[left] as number)++;
      (rightDegree[right] as number)++;
    }
  }
  return active;
}

/** scanPairs, also writing each usable pair into the one-to-one table (cost −weight, position + 1). */
function scanPairsIntoTable(
  edges: AssignmentProblem['edges'],
  leftCap: Float64Array,
  rightCap: Float64Array,
  leftDegree: Int32Array,
  rightDegree: Int32Array,
  rowOf: Int32Array,
  colOf: Int32Array,
  n: number,
  cost: Int32Array,
  edgeAt: Int32Array,
): number {
  const leftCount = leftCap.length;
  const rightCount = rightCap.length;
  let active = 0;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Edge;
    const left = edge.left;
    const right = edge.right;
    const weight = edge.weight;
    if (!(
      left >>> 0 === left &&
      left < leftCount &&
      right >>> 0 === right &&
      right < rightCount &&
      weight >>> 0 === weight &&
      weight <= MAX_WEIGHT
    )) {
      throw malformedPair(e, edge, leftCount, rightCount);
    }
    if ((leftCap[left] as number) > 0 && (rightCap[right] as number) > 0) {
      active++;
      (leftDegree[left] as number)++;
      (rightDegree[right] as number)++;
      const cell = (rowOf[left] as number) * n + (colOf[right] as number);
      if (edgeAt[cell] !== 0) throw repeatedPair(left, right, e);
      edgeAt[cell] = e + 1;
      cost[cell] = -weight;
    }
  }
  return active;
}

/** Marks the impossible cells `unfilled`; null when that cost would not fit the Int32 table (weights near the maximum on a very large table). */
function finishTable(n: number, rows: number, cols: number, cost: Int32Array, edgeAt: Int32Array): DenseTable | null {
  if (rows * cols === 0) return null;
  let maxWeight = 0;
  let missing = false;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const cell = i * n + j;
      if (edgeAt[cell] === 0) missing = true;
      else if (-(cost[cell] as number) > maxWeight) maxWeight = -(cost[cell] as number);
    }
  }
  if (!missing) return { n, rows, cols, cost, edgeAt };
  const unfilled = rows * (maxWeight + 1) + 1;
  if (unfilled > 0x7fffffff) return null;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (edgeAt[i * n + j] === 0) cost[i * n + j] = unfilled;
  return { n, rows, cols, cost, edgeAt };
}

function malformedPair(e: number, edge: Edge, leftCount: number, rightCount: number): RangeError {
  const { left, right, weight } = edge;
  if (!Number.isInteger(left) || left < 0 || left >= leftCount)
    return new RangeError(`solveAssignment: edges[${e}].left ${left} is not an index into leftCapacity`);
  if (!Number.isInteger(right) || right < 0 || right >= rightCount)
    return new RangeError(`solveAssignment: edges[${e}].right ${right} is not an index into rightCapacity`);
  return new RangeError(`solveAssignment: edges[${e}].weight ${weight} is not an integer in 0 … ${MAX_WEIGHT}`);
}

/** Numbers the sides with capacity 1 in order (the count at the end); null when some side could take more than one pair. */
function numberSidesWithCapacity(capacities: Float64Array): Int32Array | null {
  const out = new Int32Array(capacities.length + 1).fill(-1);
  let next = 0;
  for (let i = 0; i < capacities.length; i++) {
    const c = capacities[i] as number;
    if (c > 1) return null;
    if (c === 1) out[i] = next++;
  }
  out[capacities.length] = next;
  return out;
}

/** Capacities as numbers ≥ 0; Infinity means "no limit" and is read as the largest safe count. */
function readCapacities(capacities: readonly number[], name: string): Float64Array {
  const out = new Float64Array(capacities.length);
  for (let i = 0; i < capacities.length; i++) {
    const c = capacities[i] as number;
    if (c === Number.POSITIVE_INFINITY) out[i] = Number.MAX_SAFE_INTEGER;
    else if (Number.isInteger(c) && c >= 0) out[i] = c;
    else throw new RangeError(`solveAssignment: ${name}[${i}] ${c} is not a whole number ≥ 0`);
  }
  return out;
}

/** The usable pairs (both sides have capacity), ascending. */
export function activeEdgeList(read: ReadProblem): EdgeList {
  const positions = new Int32Array(read.activeEdgeCount);
  const edges = read.problem.edges;
  let k = 0;
  for (let e = 0; e < read.edgeCount; e++) {
    const edge = edges[e] as Edge;
    if ((read.leftUnits[edge.left] as number) > 0 && (read.rightUnits[edge.right] as number) > 0) positions[k++] = e;
  }
  return edgeListOf(read, positions);
}

/** The pairs at these positions (ascending). */
export function edgeListOf(read: ReadProblem, positions: Int32Array): EdgeList {
  const edges = read.problem.edges;
  const left = new Int32Array(positions.length);
  const right = new Int32Array(positions.length);
  const weight = new Int32Array(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const edge = edges[positions[k] as number] as Edge;
    left[k] = edge.left;
    right[k] = edge.right;
    weight[k] = edge.weight;
  }
  return { position: positions, left, right, weight };
}

/** The error for a pair listed twice: it would make "the same volunteer twice" possible. */
export function repeatedPair(left: number, right: number, position: number): RangeError {
  return new RangeError(`solveAssignment: the pair left ${left} – right ${right} is listed twice (edges[${position}])`);
}
