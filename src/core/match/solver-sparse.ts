/** Defines solveSparseAssignment: exact b-matching by successive shortest augmenting paths over the given pairs only. */
import { repeatedPair, type EdgeList, type ReadProblem } from './solver-input';

/**
 * The model. One side is the "rows" (the side with fewer places in total, so fewer searches):
 * each row place is one unit of supply that must go somewhere — to a pair, or, at a cost so high
 * that it is only ever the last resort, to the row's own "unfilled" sink. The other side are the
 * "columns", sinks that take at most their capacity. Every cost is a pair (hi, lo) compared
 * lexicographically:
 *   a pair costs (W − weight, position in edges), an unfilled place costs (UNFILLED, 0),
 * with W the largest weight and UNFILLED > (places + 1) · W, so the total cost orders solutions by
 * places filled, then weight, then the sum of positions — exactly the documented objective.
 *
 * The method: row places are added one at a time; each time Dijkstra (binary heap, exact
 * two-level keys, ties by node number) finds the cheapest augmenting path on reduced costs
 * (node potentials keep them ≥ 0) from the row to a column with room or to the unfilled sink,
 * and stops there. After it, the potentials of the nodes it settled move by (distance − path
 * length), which keeps every residual reduced cost ≥ 0. The flow after each step is the cheapest
 * for the places added so far, so after the last it is optimal. Work: one search per place, each
 * touching only the pairs near its row.
 *
 * `list` must be in ascending position (each row's arcs then are, and a malformed repeat is found
 * by one pass). Numbers stay exact: a column with room and every unfilled sink keep potential 0 until full, so
 * each potential equals a difference of two alternating path costs, |hi| ≤ UNFILLED + nodes·W and
 * |lo| ≤ nodes·pairs, checked below 2^52.
 */
export function solveSparseAssignment(input: ReadProblem, list: EdgeList): Int32Array {
  const m = list.position.length;

  // Places each side can fill over these pairs.
  const leftDeg = new Int32Array(input.leftCount);
  const rightDeg = new Int32Array(input.rightCount);
  for (let k = 0; k < m; k++) {
    (leftDeg[list.left[k] as number] as number)++;
    (rightDeg[list.right[k] as number] as number)++;
  }
  let leftTotal = 0;
  let rightTotal = 0;
  for (let i = 0; i < input.leftCount; i++)
    leftTotal += leftDeg[i] = Math.min(leftDeg[i] as number, input.leftUnits[i] as number);
  for (let j = 0; j < input.rightCount; j++)
    rightTotal += rightDeg[j] = Math.min(rightDeg[j] as number, input.rightUnits[j] as number);
  if (leftTotal === 0 || rightTotal === 0) return new Int32Array(0);

  const rowsAreLeft = leftTotal <= rightTotal;
  const nRows = rowsAreLeft ? input.leftCount : input.rightCount;
  const nCols = rowsAreLeft ? input.rightCount : input.leftCount;
  const rowUnits = rowsAreLeft ? leftDeg : rightDeg;
  const colUnits = rowsAreLeft ? rightDeg : leftDeg;
  const rowOf = rowsAreLeft ? list.left : list.right;
  const colOf = rowsAreLeft ? list.right : list.left;
  const places = Math.min(leftTotal, rightTotal);

  // Arcs: the usable pairs grouped by row, each row's in ascending edge position (the list is ascending).
  let maxWeight = 0;
  const rowStart = new Int32Array(nRows + 1);
  for (let k = 0; k < m; k++) {
    const r = rowOf[k] as number;
    if ((rowUnits[r] as number) > 0 && (colUnits[colOf[k] as number] as number) > 0) {
      (rowStart[r + 1] as number)++;
      if ((list.weight[k] as number) > maxWeight) maxWeight = list.weight[k] as number;
    }
  }
  for (let r = 0; r < nRows; r++) (rowStart[r + 1] as number) += rowStart[r] as number;
  const arcCount = rowStart[nRows] as number;
  const fill = rowStart.slice(0, nRows);
  const arcEdge = new Int32Array(arcCount);
  const arcRow = new Int32Array(arcCount);
  const arcCol = new Int32Array(arcCount);
  const arcHi = new Float64Array(arcCount);
  const arcLo = new Float64Array(arcCount);
  const arcUsed = new Uint8Array(arcCount);
  for (let k = 0; k < m; k++) {
    const r = rowOf[k] as number;
    const c = colOf[k] as number;
    if ((rowUnits[r] as number) === 0 || (colUnits[c] as number) === 0) continue;
    const a = (fill[r] as number)++;
    const e = list.position[k] as number;
    arcEdge[a] = e;
    arcRow[a] = r;
    arcCol[a] = c;
    arcHi[a] = maxWeight - (list.weight[k] as number);
    arcLo[a] = e;
  }
  const seenIn = new Int32Array(nCols).fill(-1);
  for (let r = 0; r < nRows; r++) {
    for (let a = rowStart[r] as number; a < (rowStart[r + 1] as number); a++) {
      const c = arcCol[a] as number;
      if (seenIn[c] === r)
        throw rowsAreLeft ? repeatedPair(r, c, arcEdge[a] as number) : repeatedPair(c, r, arcEdge[a] as number);
      seenIn[c] = r;
    }
  }

  const unfilledHi = (places + 1) * maxWeight + 1;
  const nodes = nRows + nCols;
  if (unfilledHi + (nodes + 2) * maxWeight >= 2 ** 52 || (nodes + 2) * Math.max(input.edgeCount, 1) >= 2 ** 52) {
    throw new RangeError('solveAssignment: the problem is too large for exact arithmetic');
  }

  // Columns: the arcs now using each column, in slots slotStart[c] … slotStart[c] + colUsed[c] − 1.
  const slotStart = new Int32Array(nCols + 1);
  for (let c = 0; c < nCols; c++) slotStart[c + 1] = (slotStart[c] as number) + (colUnits[c] as number);
  const slotArc = new Int32Array(slotStart[nCols] as number);
  const colUsed = new Int32Array(nCols);

  // Node n < nRows is row n; node nRows + c is column c.
  const potHi = new Float64Array(nodes);
  const potLo = new Float64Array(nodes);
  const distHi = new Float64Array(nodes);
  const distLo = new Float64Array(nodes);
  const reached = new Int32Array(nodes).fill(-1); // search number that set dist
  const settledIn = new Int32Array(nodes).fill(-1); // search number that settled it
  const parentArc = new Int32Array(nodes); // column: forward arc in; row: the arc it gives up
  const parentSlot = new Int32Array(nodes); // row: the slot of that arc in its column
  const settled = new Int32Array(nodes);
  const heap = new Int32Array(nodes);
  const heapPos = new Int32Array(nodes).fill(-1);
  let heapSize = 0;

  /** Node a before node b: smaller (hi, lo), then smaller node number. */
  const before = (a: number, b: number): boolean => {
    const ah = distHi[a] as number;
    const bh = distHi[b] as number;
    if (ah !== bh) return ah < bh;
    const al = distLo[a] as number;
    const bl = distLo[b] as number;
    return al !== bl ? al < bl : a < b;
  };
  const siftUp = (node: number, from: number): void => {
    let i = from;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pn = heap[p] as number;
      if (!before(node, pn)) break;
      heap[i] = pn;
      heapPos[pn] = i;
      i = p;
    }
    heap[i] = node;
    heapPos[node] = i;
  };
  const popMin = (): number => {
    const top = heap[0] as number;
    heapPos[top] = -1;
    const last = heap[--heapSize] as number;
    if (heapSize > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heapSize) break;
        const right = child + 1;
        if (right < heapSize && before(heap[right] as number, heap[child] as number)) child = right;
        const cn = heap[child] as number;
        if (!before(cn, last)) break;
        heap[i] = cn;
        heapPos[cn] = i;
        i = child;
      }
      heap[i] = last;
      heapPos[last] = i;
    }
    return top;
  };
  /** Offers (hi, lo) as node's distance; true when it improved. */
  const offer = (node: number, hi: number, lo: number, search: number): boolean => {
    if (reached[node] === search) {
      const h = distHi[node] as number;
      if (hi > h || (hi === h && lo >= (distLo[node] as number))) return false;
      distHi[node] = hi;
      distLo[node] = lo;
      siftUp(node, heapPos[node] as number);
      return true;
    }
    reached[node] = search;
    distHi[node] = hi;
    distLo[node] = lo;
    siftUp(node, heapSize++);
    return true;
  };

  let search = 0;
  for (let r0 = 0; r0 < nRows; r0++) {
    for (let unit = rowUnits[r0] as number; unit > 0; unit--, search++) {
      heapSize = 0;
      offer(r0, 0, 0, search);
      let settledCount = 0;
      let unfilledBestHi = Number.POSITIVE_INFINITY;
      let unfilledBestLo = Number.POSITIVE_INFINITY;
      let unfilledRow = -1;
      let endCol = -1;
      let endHi = 0;
      let endLo = 0;
      for (;;) {
        if (heapSize === 0) break;
        const top = heap[0] as number;
        const th = distHi[top] as number;
        if (unfilledBestHi < th || (unfilledBestHi === th && unfilledBestLo < (distLo[top] as number))) break;
        popMin();
        settledIn[top] = search;
        settled[settledCount++] = top;
        const dh = th;
        const dl = distLo[top] as number;
        const ph = potHi[top] as number;
        const pl = potLo[top] as number;
        if (top < nRows) {
          // Leave the place unfilled?
          const uh = dh + unfilledHi + ph;
          const ul = dl + pl;
          if (uh < unfilledBestHi || (uh === unfilledBestHi && ul < unfilledBestLo)) {
            unfilledBestHi = uh;
            unfilledBestLo = ul;
            unfilledRow = top;
          }
          const end = rowStart[top + 1] as number;
          for (let a = rowStart[top] as number; a < end; a++) {
            if (arcUsed[a] === 1) continue;
            const node = nRows + (arcCol[a] as number);
            if (settledIn[node] === search) continue;
            if (
              offer(
                node,
                dh + (arcHi[a] as number) + ph - (potHi[node] as number),
                dl + (arcLo[a] as number) + pl - (potLo[node] as number),
                search,
              )
            ) {
              parentArc[node] = a;
            }
          }
        } else {
          const c = top - nRows;
          if ((colUsed[c] as number) < (colUnits[c] as number)) {
            endCol = c;
            endHi = dh;
            endLo = dl;
            break;
          }
          const end = (slotStart[c] as number) + (colUsed[c] as number);
          for (let s = slotStart[c] as number; s < end; s++) {
            const a = slotArc[s] as number;
            const node = arcRow[a] as number;
            if (settledIn[node] === search) continue;
            if (
              offer(
                node,
                dh - (arcHi[a] as number) + ph - (potHi[node] as number),
                dl - (arcLo[a] as number) + pl - (potLo[node] as number),
                search,
              )
            ) {
              parentArc[node] = a;
              parentSlot[node] = s;
            }
          }
        }
      }
      for (let k = 0; k < heapSize; k++) heapPos[heap[k] as number] = -1;
      if (endCol < 0) {
        endHi = unfilledBestHi;
        endLo = unfilledBestLo;
      }

      // Potentials: settled nodes move by (distance − path length); reduced costs stay ≥ 0.
      for (let k = 0; k < settledCount; k++) {
        const x = settled[k] as number;
        potHi[x] = (potHi[x] as number) + (distHi[x] as number) - endHi;
        potLo[x] = (potLo[x] as number) + (distLo[x] as number) - endLo;
      }

      // Augment along the path back to r0.
      let r: number;
      if (endCol >= 0) {
        const a = parentArc[nRows + endCol] as number;
        slotArc[(slotStart[endCol] as number) + (colUsed[endCol] as number)] = a;
        (colUsed[endCol] as number)++;
        arcUsed[a] = 1;
        r = arcRow[a] as number;
      } else {
        r = unfilledRow;
      }
      while (r !== r0) {
        const given = parentArc[r] as number;
        const slot = parentSlot[r] as number;
        arcUsed[given] = 0;
        const taken = parentArc[nRows + (arcCol[given] as number)] as number;
        arcUsed[taken] = 1;
        slotArc[slot] = taken;
        r = arcRow[taken] as number;
      }
    }
  }

  let chosen = 0;
  for (let a = 0; a < arcCount; a++) chosen += arcUsed[a] as number;
  const out = new Int32Array(chosen);
  let k = 0;
  for (let a = 0; a < arcCount; a++) if (arcUsed[a] === 1) out[k++] = arcEdge[a] as number;
  return out;
}
