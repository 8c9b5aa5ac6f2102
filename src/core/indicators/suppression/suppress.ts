/** Defines suppressTable: small counts hidden (primary) and complementary cells hidden (secondary) so that no hidden figure can be worked out from the published ones. */
import { bridges, networkOf, SlackSolver, type Arc, type FigureRole, type Network, type TableInput } from './table';

/**
 * How a table is protected.
 * - count: figures are counts (people, consultations, answers). A figure with
 *   0 < value < threshold is primary; every primary must stay unrecoverable and, with all
 *   figures ≥ 0, the published figures must fit any value of it from 0 up to the threshold.
 * - pattern: the primaries are given (sums and means whose base count is small); every
 *   primary must stay unrecoverable (no interval is promised for amounts).
 */
export type Protection =
  | { readonly kind: 'count'; readonly threshold: number }
  | { readonly kind: 'pattern'; readonly primary: (figure: FigureRef) => boolean };

export interface FigureRef {
  readonly role: FigureRole;
  readonly row: number;
  readonly column: number;
}

export type Reason = 'primary' | 'secondary';

/** One figure of the published table. */
export interface Figure extends FigureRef {
  readonly value: number;
  /** False where the figure is hidden (＊). */
  readonly shown: boolean;
  readonly reason: Reason | null;
}

export interface SuppressedTable {
  /** cells[row][column] for published rows (unpublished rows are left out of every list). */
  readonly cells: readonly (readonly Figure[])[];
  readonly rowTotals: readonly Figure[] | null;
  readonly columnTotals: readonly Figure[] | null;
  readonly grandTotal: Figure | null;
  /** The network with the final decision per arc, for the audit. */
  readonly network: Network;
  readonly hidden: ReadonlySet<number>;
  readonly primary: ReadonlySet<number>;
  readonly protection: Protection;
}

/**
 * How far each small figure must be able to move: down to 0 and up to the threshold. A known
 * row (never hidden) can put a floor under a total that no hiding removes; then the wanted range
 * is what remains with everything else hidden. Without known rows that is always 0 … threshold.
 */
export function rangeWanted(
  net: Network,
  primary: ReadonlySet<number>,
  threshold: number,
): Map<number, { up: number; down: number }> {
  const solver = new SlackSolver(net, (a) => !a.known);
  const out = new Map<number, { up: number; down: number }>();
  for (const p of primary) {
    const arc = net.arcs[p] as Arc;
    const ideal = { up: Math.max(0, threshold - arc.value), down: arc.value };
    const possible = solver.slack(p, ideal.up, ideal.down);
    out.set(p, { up: Math.min(ideal.up, possible.up), down: Math.min(ideal.down, possible.down) });
  }
  return out;
}

/** The connected part of every node in the graph of the hidden arcs (union–find). */
function components(net: Network, hidden: ReadonlySet<number>): Int32Array {
  const parent = Int32Array.from({ length: net.nodes }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const id of hidden) {
    const a = net.arcs[id] as Arc;
    parent[find(a.from)] = find(a.to);
  }
  for (let i = 0; i < net.nodes; i++) parent[i] = find(i);
  return parent;
}

/** The most wanted figures are published first: totals before cells, larger before smaller. */
function wantOrder(net: Network): number[] {
  const rank: Readonly<Record<FigureRole, number>> = { grandTotal: 0, columnTotal: 1, rowTotal: 2, cell: 3 };
  return net.arcs
    .filter((a) => a.publishable)
    .sort((a, b) => rank[a.role] - rank[b.role] || b.value - a.value || a.id - b.id)
    .map((a) => a.id);
}

/**
 * Figures whose smallness must be protected: every published one, and the cells of unpublished
 * rows (a remainder is a count of people too). Not absent totals (small only when all their
 * parts are) nor known rows (nothing can hide them).
 */
function isProtected(a: Arc): boolean {
  return !a.known && (a.publishable || a.role === 'cell');
}

function isPrimary(a: Arc, protection: Protection): boolean {
  if (protection.kind === 'count') return a.value > 0 && a.value < protection.threshold;
  return protection.primary({ role: a.role, row: a.row, column: a.column });
}

/**
 * Suppresses a table. Primary figures are hidden; then the other figures are considered from
 * the most to the least wanted, and each is published only if, with it published, every
 * primary is still no bridge of the hidden figures' graph (not exactly recoverable) and — for
 * counts — can still be anything from 0 to the threshold given the published figures and
 * nonnegativity. Hidden figures that the published ones determine anyway are then published.
 * Deterministic: the same table always gives the same pattern.
 */
export function suppressTable(table: TableInput, protection: Protection): SuppressedTable {
  if (protection.kind === 'count' && !(protection.threshold >= 1))
    throw new RangeError(`threshold must be ≥ 1, got ${protection.threshold}`);
  const net = networkOf(table);
  const hidden = new Set<number>(net.arcs.filter((a) => !a.known).map((a) => a.id));
  const primary = new Set<number>();
  for (const a of net.arcs) if (isProtected(a) && isPrimary(a, protection)) primary.add(a.id);

  const isHidden = (a: Arc): boolean => hidden.has(a.id);
  const wanted = protection.kind === 'count' ? rangeWanted(net, primary, protection.threshold) : new Map();
  /** Whether the primaries of one part of the hidden graph (those `affected`) are still protected. */
  const safe = (affected: (p: number) => boolean): boolean => {
    const cut = bridges(net, isHidden);
    for (const p of primary) if (affected(p) && cut.has(p)) return false;
    if (protection.kind !== 'count') return true;
    const solver = new SlackSolver(net, isHidden);
    for (const p of primary) {
      if (!affected(p)) continue;
      const want = wanted.get(p) as { up: number; down: number };
      const got = solver.slack(p, want.up, want.down);
      if (got.up < want.up || got.down < want.down) return false;
    }
    return true;
  };

  for (const id of wantOrder(net)) {
    if (primary.has(id)) continue;
    // Publishing a figure changes nothing for primaries outside its part of the hidden graph:
    // every way they can move runs through hidden arcs of their own part.
    const part = components(net, hidden);
    const mine = part[(net.arcs[id] as Arc).from] as number;
    hidden.delete(id);
    if (!safe((p) => part[(net.arcs[p] as Arc).from] === mine)) hidden.add(id);
  }
  // A complementary figure the published ones determine protects nothing: publish it.
  const determined = bridges(net, isHidden);
  for (const id of determined) {
    const a = net.arcs[id] as Arc;
    if (a.publishable && !primary.has(id)) hidden.delete(id);
  }

  return assemble(table, net, hidden, primary, protection);
}

/**
 * A table with a given hiding pattern (for auditing a pattern made elsewhere, such as a
 * closed year's snapshot, or one that a simpler rule would give): the figures listed are
 * hidden, every other publishable one is shown; absent totals and unpublished rows stay hidden.
 */
export function withPattern(
  table: TableInput,
  protection: Protection,
  hiddenFigures: readonly FigureRef[],
): SuppressedTable {
  const net = networkOf(table);
  const hidden = new Set<number>();
  const primary = new Set<number>();
  const key = (f: FigureRef): string => `${f.role}:${f.row}:${f.column}`;
  const wanted = new Set(hiddenFigures.map(key));
  for (const a of net.arcs) {
    if ((!a.publishable && !a.known) || wanted.has(key(a))) hidden.add(a.id);
    if (isProtected(a) && isPrimary(a, protection)) primary.add(a.id);
  }
  return assemble(table, net, hidden, primary, protection);
}

/** The published form of a table from its network and the decision per arc. */
function assemble(
  table: TableInput,
  net: Network,
  hidden: Set<number>,
  primary: Set<number>,
  protection: Protection,
): SuppressedTable {
  const figure = (id: number): Figure => {
    const a = net.arcs[id] as Arc;
    const shown = !hidden.has(id);
    return {
      role: a.role,
      row: a.row,
      column: a.column,
      value: a.value,
      shown,
      reason: shown ? null : primary.has(id) ? 'primary' : 'secondary',
    };
  };
  const unpublished = new Set([...(table.unpublishedRows ?? []), ...(table.knownRows ?? [])]);
  const cells: Figure[][] = [];
  for (let r = 0; r < net.rows; r++) {
    if (unpublished.has(r)) continue;
    cells.push(Array.from({ length: net.columns }, (_, c) => figure(net.cellArc[r * net.columns + c] as number)));
  }
  return {
    cells,
    rowTotals: table.rowTotals === 'shown' ? net.rowTotalArc.filter((_, r) => !unpublished.has(r)).map(figure) : null,
    columnTotals: table.columnTotals === 'shown' ? net.columnTotalArc.map(figure) : null,
    grandTotal: table.grandTotal === 'shown' ? figure(net.grandArc) : null,
    network: net,
    hidden,
    primary,
    protection,
  };
}
