/** Defines a two-way table with margins as a flow network: rows and columns are nodes, every cell and total an arc, so "a total is the sum of its parts" is flow conservation. */

/** What a figure of a table is. */
export type FigureRole = 'cell' | 'rowTotal' | 'columnTotal' | 'grandTotal';

/** Whether a kind of total is part of the published table or only a relation that holds. */
export type MarginUse = 'shown' | 'absent';

/** A table to protect: interior cells and which totals it shows. */
export interface TableInput {
  readonly rows: number;
  readonly columns: number;
  /** values[row][column]: non-negative; integers for count protection. */
  readonly values: readonly (readonly number[])[];
  /** One total per row (the sum across the columns). */
  readonly rowTotals: MarginUse;
  /** One total per column (the sum down the rows): 市全体 of a 圏域 × 年度 table. */
  readonly columnTotals: MarginUse;
  readonly grandTotal: MarginUse;
  /**
   * Rows that are never published (a remainder that makes a total add up, such as the
   * consultations in no listed category): they take part in the relations but are always hidden.
   */
  readonly unpublishedRows?: readonly number[];
  /**
   * Unpublished rows that anyone may be taken to know (a remainder that is zero when the parts
   * cover every value): never shown, but treated as published, so nothing relies on them.
   */
  readonly knownRows?: readonly number[];
}

/** One figure as an arc of the network: from → to carries its value. */
export interface Arc {
  readonly id: number;
  readonly role: FigureRole;
  /** Row index for a cell or row total; -1 otherwise. */
  readonly row: number;
  /** Column index for a cell or column total; -1 otherwise. */
  readonly column: number;
  readonly from: number;
  readonly to: number;
  readonly value: number;
  /** False for absent margins and unpublished rows: never output (hidden unless known). */
  readonly publishable: boolean;
  /** A figure of a known row: not output, but treated as published. */
  readonly known: boolean;
}

/**
 * The network of a table: node 0 is the source, node 1 the sink, then one node per row and
 * one per column. Arcs: source → row (row total), row → column (cell), column → sink (column
 * total), sink → source (grand total). Every node conserves flow, which is exactly the
 * table's arithmetic: a row total is the sum of its cells, a column total the sum of its
 * cells, and the grand total the sum of either.
 */
export interface Network {
  readonly nodes: number;
  readonly arcs: readonly Arc[];
  readonly rows: number;
  readonly columns: number;
  /** Arc id of cell (r, c): cellArc[r * columns + c]. */
  readonly cellArc: readonly number[];
  readonly rowTotalArc: readonly number[];
  readonly columnTotalArc: readonly number[];
  readonly grandArc: number;
}

export const SOURCE = 0;
export const SINK = 1;

export function rowNode(r: number): number {
  return 2 + r;
}

export function columnNode(rows: number, c: number): number {
  return 2 + rows + c;
}

/** Builds the network of a table; the totals are computed from the cells, so they always add up. */
export function networkOf(table: TableInput): Network {
  const { rows, columns, values } = table;
  if (values.length !== rows || values.some((r) => r.length !== columns))
    throw new RangeError(`table values must be ${rows} × ${columns}`);
  for (const r of values)
    for (const v of r) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`table values must be ≥ 0, got ${v}`);
  const known = new Set(table.knownRows ?? []);
  const unpublished = new Set([...(table.unpublishedRows ?? []), ...known]);
  const arcs: Arc[] = [];
  const add = (a: Omit<Arc, 'id'>): number => {
    arcs.push({ ...a, id: arcs.length });
    return arcs.length - 1;
  };
  const cellArc: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      cellArc.push(
        add({
          role: 'cell',
          row: r,
          column: c,
          from: rowNode(r),
          to: columnNode(rows, c),
          value: values[r]?.[c] as number,
          publishable: !unpublished.has(r),
          known: known.has(r),
        }),
      );
  const rowTotalArc: number[] = [];
  let grand = 0;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < columns; c++) sum += values[r]?.[c] as number;
    grand += sum;
    rowTotalArc.push(
      add({
        role: 'rowTotal',
        row: r,
        column: -1,
        from: SOURCE,
        to: rowNode(r),
        value: sum,
        publishable: table.rowTotals === 'shown' && !unpublished.has(r),
        known: known.has(r),
      }),
    );
  }
  const columnTotalArc: number[] = [];
  for (let c = 0; c < columns; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += values[r]?.[c] as number;
    columnTotalArc.push(
      add({
        role: 'columnTotal',
        row: -1,
        column: c,
        from: columnNode(rows, c),
        to: SINK,
        value: sum,
        publishable: table.columnTotals === 'shown',
        known: false,
      }),
    );
  }
  const grandArc = add({
    role: 'grandTotal',
    row: -1,
    column: -1,
    from: SINK,
    to: SOURCE,
    value: grand,
    publishable: table.grandTotal === 'shown',
    known: false,
  });
  return { nodes: 2 + rows + columns, arcs, rows, columns, cellArc, rowTotalArc, columnTotalArc, grandArc };
}

/**
 * The arcs that lie on no cycle of the undirected graph of `hidden` arcs (Tarjan's bridge
 * finding, iterative). A hidden figure is exactly recoverable from the published ones if and
 * only if its arc is such a bridge: the cycle space of the hidden arcs is the set of ways the
 * hidden figures can change together without changing any published one.
 */
export function bridges(net: Network, hidden: (arc: Arc) => boolean): Set<number> {
  const adjacency: number[][] = Array.from({ length: net.nodes }, () => []);
  for (const a of net.arcs) {
    if (!hidden(a)) continue;
    (adjacency[a.from] as number[]).push(a.id);
    if (a.to !== a.from) (adjacency[a.to] as number[]).push(a.id);
  }
  const order = new Array<number>(net.nodes).fill(-1);
  const low = new Array<number>(net.nodes).fill(0);
  const out = new Set<number>();
  let counter = 0;
  for (let start = 0; start < net.nodes; start++) {
    if (order[start] !== -1) continue;
    // Stack frames: [node, arc it was entered by, next adjacency index].
    const stack: [number, number, number][] = [[start, -1, 0]];
    order[start] = low[start] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as [number, number, number];
      const [node, via] = frame;
      const list = adjacency[node] as number[];
      if (frame[2] < list.length) {
        const arcId = list[frame[2]++] as number;
        if (arcId === via) continue;
        const arc = net.arcs[arcId] as Arc;
        const next = arc.from === node ? arc.to : arc.from;
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          stack.push([next, arcId, 0]);
        } else low[node] = Math.min(low[node] as number, order[next] as number);
        continue;
      }
      stack.pop();
      if (stack.length > 0) {
        const parent = (stack[stack.length - 1] as [number, number, number])[0];
        low[parent] = Math.min(low[parent] as number, low[node] as number);
        if ((low[node] as number) > (order[parent] as number)) out.add(via);
      }
    }
  }
  return out;
}

/**
 * How far one hidden arc's value can move, the published arcs staying as they are and every
 * figure staying ≥ 0: the most it can grow (up to `wantUp`) and shrink (up to `wantDown`).
 * Growing arc u → v by δ means sending δ back from v to u through other hidden arcs: forward
 * along any hidden arc (no upper bound), backward along one by at most its value. So each is a
 * maximum flow in the residual network of the hidden arcs (Edmonds–Karp, stopped at the amount
 * wanted). Integer values give integer flows: exact.
 */
export function slack(
  net: Network,
  hidden: (arc: Arc) => boolean,
  arcId: number,
  wantUp: number,
  wantDown: number,
): { up: number; down: number } {
  return new SlackSolver(net, hidden).slack(arcId, wantUp, wantDown);
}

/**
 * The residual network of one set of hidden arcs, built once and reused for the slack of
 * every hidden arc (the suppression asks it for every small figure after every step).
 */
export class SlackSolver {
  private readonly adjacency: number[][];
  private readonly base: Float64Array;
  private readonly cap: Float64Array;
  private readonly via: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly net: Network,
    hidden: (arc: Arc) => boolean,
  ) {
    this.adjacency = Array.from({ length: net.nodes }, () => []);
    // Residual edges: 2k is arc k forward (unbounded: set per query to the amount wanted), 2k+1 backward (its value).
    this.base = new Float64Array(net.arcs.length * 2).fill(-1);
    for (const a of net.arcs) {
      if (!hidden(a)) continue;
      this.base[2 * a.id] = Number.POSITIVE_INFINITY;
      this.base[2 * a.id + 1] = a.value;
      (this.adjacency[a.from] as number[]).push(2 * a.id);
      (this.adjacency[a.to] as number[]).push(2 * a.id + 1);
    }
    this.cap = new Float64Array(this.base.length);
    this.via = new Int32Array(net.nodes);
    this.queue = new Int32Array(net.nodes);
  }

  slack(arcId: number, wantUp: number, wantDown: number): { up: number; down: number } {
    const arc = this.net.arcs[arcId] as Arc;
    const up = wantUp > 0 ? this.maxFlow(arcId, arc.to, arc.from, wantUp) : 0;
    const down = wantDown > 0 ? Math.min(arc.value, this.maxFlow(arcId, arc.from, arc.to, wantDown)) : 0;
    return { up, down };
  }

  private tail(e: number): number {
    const a = this.net.arcs[e >> 1] as Arc;
    return e & 1 ? a.to : a.from;
  }

  private head(e: number): number {
    const a = this.net.arcs[e >> 1] as Arc;
    return e & 1 ? a.from : a.to;
  }

  private maxFlow(skip: number, source: number, sink: number, limit: number): number {
    if (source === sink) return limit;
    const cap = this.cap;
    const base = this.base;
    for (let e = 0; e < cap.length; e++) {
      const b = base[e] as number;
      cap[e] = b === Number.POSITIVE_INFINITY ? limit : b < 0 ? 0 : b;
    }
    cap[2 * skip] = 0;
    cap[2 * skip + 1] = 0;
    const via = this.via;
    const queue = this.queue;
    let flow = 0;
    while (flow < limit) {
      via.fill(-1);
      via[source] = -2;
      queue[0] = source;
      let end = 1;
      for (let qi = 0; qi < end && via[sink] === -1; qi++) {
        const u = queue[qi] as number;
        for (const e of this.adjacency[u] as number[]) {
          if ((cap[e] as number) <= 0) continue;
          const v = this.head(e);
          if (via[v] !== -1) continue;
          via[v] = e;
          queue[end++] = v;
        }
      }
      if (via[sink] === -1) break;
      let push = limit - flow;
      for (let v = sink; v !== source; v = this.tail(via[v] as number))
        push = Math.min(push, cap[via[v] as number] as number);
      for (let v = sink; v !== source; v = this.tail(via[v] as number)) {
        const e = via[v] as number;
        cap[e] = (cap[e] as number) - push;
        cap[e ^ 1] = (cap[e ^ 1] as number) + push;
      }
      flow += push;
    }
    return flow;
  }
}
