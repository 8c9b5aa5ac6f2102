/** Defines solveDenseAssignment: the exact optimum of a dense one-to-one problem, by Jonker–Volgenant on a flat cost table. */
import { edgeListOf, type ReadProblem } from './solver-input';
import { solveSparseAssignment } from './solver-sparse';

/**
 * When every volunteer and request takes at most one pair and a good share of all pairs are
 * possible, the problem is the classic assignment problem on a table, and a matrix method beats
 * any graph search: Jonker–Volgenant (1987) — column reduction, reduction transfer, rounds of
 * augmenting row reduction, then shortest augmenting paths, each step one pass over a typed row.
 * A rectangular table is padded to a square with cost-0 cells (the padding takes the places the
 * short side cannot, at a constant cost, so it changes nothing); an impossible pair's cell costs
 * `unfilled`, more than any total weight (solver-input.ts).
 *
 * Stage 1 minimises Σ cost: the fewest `unfilled` cells, i.e. the most places, then the most
 * weight. Its duals (u, v) certify the answer (every reduced cost ≥ 0, every chosen cell 0) and,
 * by complementary slackness, every optimal assignment uses only cells whose reduced cost is 0
 * ("tight"). Stage 2 applies the tie rule to the tight cells alone: the sparse path when they are
 * few (the usual case: about one a row), else a second Jonker–Volgenant whose costs are the edge
 * positions on tight cells and a prohibitive cost elsewhere. Every number is an integer below
 * 2^53, so "tight" is exact.
 *
 * Memory: the table readProblem built in its one pass over the pairs — an Int32 cost matrix and
 * an Int32 cell → pair map, 8 bytes a cell.
 *
 * Returns null (and the caller takes the sparse path) when a certificate does not hold — it
 * always should; the check makes a wrong answer impossible rather than unlikely.
 */
export function solveDenseAssignment(input: ReadProblem, options: { stage2Sparse?: boolean } = {}): Int32Array | null {
  const table = input.table;
  if (table === null) return null;
  const { n, cost, edgeAt } = table;

  const first = jonkerVolgenant(n, cost);
  if (!isPermutation(first.rowSol)) return null;
  const u = rowDuals(n, cost, first);
  // Up to a few tight pairs a row, stage 2 is the sparse path; past that, a second table.
  const limit = options.stage2Sparse === false ? 0 : options.stage2Sparse === true ? n * n : 4 * n + 64;
  const tight = new Int32Array(Math.min(limit, n * n));
  const tightCount = collectTightPairs(n, cost, edgeAt, first.v, u, tight);
  if (tightCount < 0) return null;
  if (tightCount <= tight.length) {
    const positions = tight.slice(0, tightCount).sort();
    return solveSparseAssignment(input, edgeListOf(input, positions));
  }

  // Stage 2 on the table: position on tight pairs (0 on tight padding or unfilled cells), prohibitive elsewhere.
  const prohibitive = n * input.edgeCount + 1;
  const second = tieTable(n, cost, edgeAt, first.v, u, prohibitive);
  const tie = jonkerVolgenant(n, second);
  if (!isPermutation(tie.rowSol) || !dualFeasible(n, second, tie, rowDuals(n, second, tie))) return null;
  let chosen = 0;
  for (let i = 0; i < n; i++) {
    const cell = i * n + (tie.rowSol[i] as number);
    if ((second[cell] as number) >= prohibitive) return null;
    if ((edgeAt[cell] as number) > 0) chosen++;
  }
  const out = new Int32Array(chosen);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const e = (edgeAt[i * n + (tie.rowSol[i] as number)] as number) - 1;
    if (e >= 0) out[k++] = e;
  }
  return out;
}

/**
 * Certifies the duals (every reduced cost ≥ 0; −1 if one is not) and puts the positions of the
 * tight pairs in `tight`, as many as fit; returns how many there are.
 */
function collectTightPairs(
  n: number,
  cost: Int32Array,
  edgeAt: Int32Array,
  v: Float64Array,
  u: Float64Array,
  tight: Int32Array,
): number {
  let count = 0;
  const room = tight.length;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const ui = u[i] as number;
    for (let j = 0; j < n; j++) {
      const reduced = (cost[row + j] as number) - (v[j] as number) - ui;
      if (reduced > 0) continue;
      if (reduced < 0) return -1;
      const at = edgeAt[row + j] as number;
      if (at === 0) continue;
      if (count < room) tight[count] = at - 1;
      count++;
    }
  }
  return count;
}

/** The stage-2 table: a tight cell costs its pair's position (0 if it is padding or unfilled), any other cell `prohibitive`. */
function tieTable(
  n: number,
  cost: Int32Array,
  edgeAt: Int32Array,
  v: Float64Array,
  u: Float64Array,
  prohibitive: number,
): Float64Array {
  const second = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const ui = u[i] as number;
    for (let j = 0; j < n; j++) {
      const isTight = (cost[row + j] as number) - (v[j] as number) === ui;
      second[row + j] = isTight ? Math.max((edgeAt[row + j] as number) - 1, 0) : prohibitive;
    }
  }
  return second;
}

type CostMatrix = Int32Array | Float64Array;

interface Assignment {
  /** Column of each row. */
  rowSol: Int32Array;
  /** Column duals: cost[i][j] − v[j] ≥ u[i], with equality on the chosen cells. */
  v: Float64Array;
}

function rowDuals(n: number, cost: CostMatrix, a: Assignment): Float64Array {
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = a.rowSol[i] as number;
    u[i] = (cost[i * n + j] as number) - (a.v[j] as number);
  }
  return u;
}

function isPermutation(rowSol: Int32Array): boolean {
  const n = rowSol.length;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const j = rowSol[i] as number;
    if (j < 0 || j >= n || seen[j] === 1) return false;
    seen[j] = 1;
  }
  return true;
}

/** Every reduced cost ≥ 0 (chosen ones are 0 by the definition of u). */
function dualFeasible(n: number, cost: CostMatrix, a: Assignment, u: Float64Array): boolean {
  const v = a.v;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const ui = u[i] as number;
    for (let j = 0; j < n; j++) if ((cost[row + j] as number) - (v[j] as number) < ui) return false;
  }
  return true;
}

/**
 * Jonker–Volgenant minimum-cost assignment of a square n × n row-major cost matrix (LAPJV, after
 * R. Jonker's reference code; the last phase one pass per step, as in Crouse's LSAP).
 * Deterministic: every choice is by index. Each phase is a function of its own so that the
 * engine optimises each hot loop once, not on every call.
 */
export function jonkerVolgenant(n: number, cost: CostMatrix): Assignment {
  const rowSol = new Int32Array(n).fill(-1);
  const colSol = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  if (n === 1) {
    rowSol[0] = 0;
    v[0] = cost[0] as number;
    return { rowSol, v };
  }
  const matches = columnReduction(n, cost, rowSol, colSol, v);
  const free = new Int32Array(n);
  const freeCount = reductionTransfer(n, cost, rowSol, v, matches, free);
  augmentingRowReduction(n, cost, rowSol, colSol, v, free, freeCount);
  let stillFree = 0;
  for (let i = 0; i < n; i++) if (rowSol[i] === -1) free[stillFree++] = i;
  shortestAugmentingPaths(n, cost, rowSol, colSol, v, free, stillFree);
  return { rowSol, v };
}

/** v[j] = the column's minimum; the row of that minimum takes j if it has none yet. Returns how many columns each row is the minimum of. */
function columnReduction(
  n: number,
  cost: CostMatrix,
  rowSol: Int32Array,
  colSol: Int32Array,
  v: Float64Array,
): Int32Array {
  const colMin = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const colArg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const c = cost[row + j] as number;
      if (c < (colMin[j] as number)) {
        colMin[j] = c;
        colArg[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    v[j] = colMin[j] as number;
    const imin = colArg[j] as number;
    if (++(matches[imin] as number) === 1) {
      rowSol[imin] = j;
      colSol[j] = imin;
    } else if ((v[j] as number) < (v[rowSol[imin] as number] as number)) {
      const j1 = rowSol[imin] as number;
      rowSol[imin] = j;
      colSol[j] = imin;
      colSol[j1] = -1;
    } else {
      colSol[j] = -1;
    }
  }
  return matches;
}

/** A row that is the minimum of exactly one column passes its slack on to that column's price. Puts the free rows in `free`; returns their count. */
function reductionTransfer(
  n: number,
  cost: CostMatrix,
  rowSol: Int32Array,
  v: Float64Array,
  matches: Int32Array,
  free: Int32Array,
): number {
  let freeCount = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[freeCount++] = i;
    } else if (matches[i] === 1) {
      const j1 = rowSol[i] as number;
      const row = i * n;
      let min = Number.POSITIVE_INFINITY;
      for (let j = 0; j < n; j++) {
        if (j === j1) continue;
        const h = (cost[row + j] as number) - (v[j] as number);
        if (h < min) min = h;
      }
      v[j1] = (v[j1] as number) - min;
    }
  }
  return freeCount;
}

/**
 * Augmenting row reduction (auction-like): a free row takes its cheapest column, lowering that
 * column's price to its second-cheapest, and the row it displaces tries again. Rounds while they
 * still free up rows (JV's two, up to eight; each step is one O(n) pass, far cheaper than a
 * shortest path), within a step budget. Every step keeps each assigned row at a minimum of its
 * reduced row, which is all the last phase needs; rows left free have rowSol −1.
 */
function augmentingRowReduction(
  n: number,
  cost: CostMatrix,
  rowSol: Int32Array,
  colSol: Int32Array,
  v: Float64Array,
  free: Int32Array,
  initialFree: number,
): void {
  let freeCount = initialFree;
  let budget = 16 * n + 1024;
  for (let round = 0; round < 8 && budget > 0 && freeCount > 0; round++) {
    let k = 0;
    const previous = freeCount;
    freeCount = 0;
    while (k < previous) {
      if (--budget < 0) break;
      const i = free[k++] as number;
      const row = i * n;
      let umin = (cost[row] as number) - (v[0] as number);
      let j1 = 0;
      let usubmin = Number.POSITIVE_INFINITY;
      let j2 = 0;
      for (let j = 1; j < n; j++) {
        const h = (cost[row + j] as number) - (v[j] as number);
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      let i0 = colSol[j1] as number;
      if (umin < usubmin) {
        v[j1] = (v[j1] as number) - (usubmin - umin);
      } else if (i0 >= 0) {
        j1 = j2;
        i0 = colSol[j2] as number;
      }
      if (i0 >= 0) rowSol[i0] = -1;
      rowSol[i] = j1;
      colSol[j1] = i;
      if (i0 >= 0) {
        if (umin < usubmin) free[--k] = i0;
        else free[freeCount++] = i0;
      }
    }
    if (round >= 1 && freeCount >= previous) break;
  }
}

/**
 * Shortest augmenting paths from each free row: Dijkstra over the columns, one pass per step
 * (relax the last scanned row and find the next closest column together; a free column wins a
 * tie, ending the search early). Then the duals move so that every reduced cost stays ≥ 0 and
 * the path's become 0, and the path flips.
 */
function shortestAugmentingPaths(
  n: number,
  cost: CostMatrix,
  rowSol: Int32Array,
  colSol: Int32Array,
  v: Float64Array,
  free: Int32Array,
  freeCount: number,
): void {
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = rowSol[i] as number;
    if (j >= 0) u[i] = (cost[i * n + j] as number) - (v[j] as number);
  }
  const shortest = new Float64Array(n);
  const pred = new Int32Array(n);
  const todo = new Int32Array(n); // columns not yet scanned in this search, ascending
  const scannedRows = new Int32Array(n);
  const scannedCols = new Int32Array(n);
  for (let f = 0; f < freeCount; f++) {
    const freeRow = free[f] as number;
    shortest.fill(Number.POSITIVE_INFINITY);
    for (let k = 0; k < n; k++) todo[k] = k;
    let left = n;
    let rowsScanned = 0;
    let colsScanned = 0;
    let minVal = 0;
    let i = freeRow;
    let sink = -1;
    while (sink < 0) {
      scannedRows[rowsScanned++] = i;
      const row = i * n;
      const base = minVal - (u[i] as number);
      let lowest = Number.POSITIVE_INFINITY;
      let at = -1;
      let atFree = false;
      for (let k = 0; k < left; k++) {
        const j = todo[k] as number;
        let s = shortest[j] as number;
        const r = base + (cost[row + j] as number) - (v[j] as number);
        if (r < s) {
          pred[j] = i;
          shortest[j] = s = r;
        }
        if (s < lowest || (s === lowest && colSol[j] === -1 && !atFree)) {
          atFree = colSol[j] === -1;
          lowest = s;
          at = k;
        }
      }
      minVal = lowest;
      const j = todo[at] as number;
      todo.copyWithin(at, at + 1, left);
      left--;
      scannedCols[colsScanned++] = j;
      if (colSol[j] === -1) sink = j;
      else i = colSol[j] as number;
    }
    u[freeRow] = (u[freeRow] as number) + minVal;
    for (let k = 1; k < rowsScanned; k++) {
      const r = scannedRows[k] as number;
      u[r] = (u[r] as number) + minVal - (shortest[rowSol[r] as number] as number);
    }
    for (let k = 0; k < colsScanned; k++) {
      const j = scannedCols[k] as number;
      v[j] = (v[j] as number) - (minVal - (shortest[j] as number));
    }
    for (let j = sink; ;) {
      const r = pred[j] as number;
      colSol[j] = r;
      const next = rowSol[r] as number;
      rowSol[r] = j;
      if (r === freeRow) break;
      j = next;
    }
  }
}
