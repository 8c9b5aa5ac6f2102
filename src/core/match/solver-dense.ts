/** Defines solveDenseAssignment: the exact optimum of a complete one-to-one problem, by Jonker–Volgenant on a flat cost matrix. */
import { edgeListOf, type ReadProblem } from './solver-input';
import { solveSparseAssignment } from './solver-sparse';

/**
 * When every volunteer and request with capacity takes exactly one pair and every pair is
 * possible, the problem is the classic assignment problem on a table, and a matrix method beats
 * any graph search: Jonker–Volgenant (1987) — column reduction, reduction transfer, rounds of
 * augmenting row reduction, then shortest augmenting paths, each step one pass over a typed row.
 * A rectangular table is padded to a square with cost-0 cells (the padding takes the places the
 * short side cannot, at a constant cost, so it changes nothing).
 *
 * Stage 1 minimises Σ −weight — the most weight; in a complete table every row of the short
 * side is filled, so "most places" holds by itself. Its duals (u, v) certify the answer (every
 * reduced cost ≥ 0, every chosen cell 0) and, by complementary slackness, every optimal
 * assignment uses only cells whose reduced cost is 0 ("tight"). Stage 2 applies the tie rule to
 * the tight cells alone: the sparse path when they are few (the usual case: about one a row),
 * else a second Jonker–Volgenant whose costs are the edge positions on tight cells and a
 * prohibitive cost elsewhere. Every number is an integer below 2^53, so "tight" is exact.
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
  const edgeCount = input.edgeCount;

  const first = jonkerVolgenant(n, cost);
  // Certify, and collect the tight cells that are pairs (up to a few a row; past that, stage 2 runs on the table).
  const u = rowDuals(n, cost, first);
  if (!isPermutation(first.rowSol)) return null;
  const tightLimit = options.stage2Sparse === false ? 0 : options.stage2Sparse === true ? n * n : 4 * n + 64;
  const tight = new Int32Array(Math.min(tightLimit, n * n));
  let tightCount = 0;
  const v = first.v;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const ui = u[i] as number;
    for (let j = 0; j < n; j++) {
      const reduced = (cost[row + j] as number) - (v[j] as number) - ui;
      if (reduced > 0) continue;
      if (reduced < 0) return null;
      const e = (edgeAt[row + j] as number) - 1;
      if (e < 0) continue;
      if (tightCount < tight.length) tight[tightCount] = e;
      tightCount++;
    }
  }
  if (tightCount <= tight.length) {
    const positions = tight.slice(0, tightCount).sort();
    return solveSparseAssignment(input, edgeListOf(input, positions));
  }

  // Stage 2 on the table: position on tight cells (0 on tight padding), prohibitive elsewhere.
  const prohibitive = n * edgeCount + 1;
  const second = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const ui = u[i] as number;
    for (let j = 0; j < n; j++) {
      const isTight = (cost[row + j] as number) - (v[j] as number) === ui;
      second[row + j] = isTight ? Math.max((edgeAt[row + j] as number) - 1, 0) : prohibitive;
    }
  }
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

export function jonkerVolgenant(n: number, cost: CostMatrix): Assignment {
  const rowSol = new Int32Array(n).fill(-1);
  const colSol = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  if (n === 1) {
    rowSol[0] = 0;
    v[0] = cost[0] as number;
    return { rowSol, v };
  }

  // Column reduction: v[j] = min over rows; the row of that minimum takes j if free.
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

  // Reduction transfer: a row that is the minimum of one column only passes on its slack.
  const free = new Int32Array(n);
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

  // Augmenting row reduction: rounds while they still free up rows (JV's two, and up to eight
  // more on big tables, where each O(n) round step is far cheaper than a shortest path), capped.
  let budget = 16 * n + 1024;
  for (let round = 0; round < 8 && budget > 0 && freeCount > 0; round++) {
    let k = 0;
    const previous = freeCount;
    freeCount = 0;
    while (k < previous) {
      if (--budget < 0) {
        // Out of budget: the rows not yet looked at stay free (rowSol −1) and are collected below.
        break;
      }
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
  freeCount = 0;
  for (let i = 0; i < n; i++) if (rowSol[i] === -1) free[freeCount++] = i;

  // Shortest augmenting paths from each free row: Dijkstra over the columns, one pass per step
  // (relax the last scanned row and find the next closest column together; a free column wins a
  // tie, ending the search early), as in Crouse's rectangular LSAP.
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
    // Duals: the start row and every scanned row rise, every scanned column falls, so all
    // reduced costs stay ≥ 0 and the path's become 0.
    u[freeRow] = (u[freeRow] as number) + minVal;
    for (let k = 1; k < rowsScanned; k++) {
      const r = scannedRows[k] as number;
      u[r] = (u[r] as number) + minVal - (shortest[rowSol[r] as number] as number);
    }
    for (let k = 0; k < colsScanned; k++) {
      const j = scannedCols[k] as number;
      v[j] = (v[j] as number) - (minVal - (shortest[j] as number));
    }
    for (let j = sink; ; ) {
      const r = pred[j] as number;
      colSol[j] = r;
      const next = rowSol[r] as number;
      rowSol[r] = j;
      if (r === freeRow) break;
      j = next;
    }
  }
  return { rowSol, v };
}
