/** Defines auditTable: proof that a suppressed table keeps its hidden figures hidden — a rank test in exact integer arithmetic, an independent bridge test, and the 0…threshold range of every small count. */
import type { Message } from '../condition';
import { rangeWanted, type SuppressedTable } from './suppress';
import { bridges, SlackSolver, type Arc, type Network } from './table';

export interface AuditResult {
  readonly ok: boolean;
  /** Hidden figures (arc ids) the published ones determine, by the rank test. */
  readonly determinedByRank: readonly number[];
  /** The same by the bridge test; the audit fails if the two disagree. */
  readonly determinedByBridges: readonly number[];
  /** Hidden figures that are shown in the output as ＊. */
  readonly hiddenFigures: number;
  readonly problems: readonly Message[];
}

/**
 * The relations of a table, one per node of its network: what flows in equals what flows out
 * (a total is the sum of its parts). Row i, entry per arc: +1 in, −1 out.
 */
function relations(net: Network): number[][] {
  const rows = Array.from({ length: net.nodes }, () => new Array<number>(net.arcs.length).fill(0));
  for (const a of net.arcs) {
    (rows[a.to] as number[])[a.id] = ((rows[a.to] as number[])[a.id] as number) + 1;
    (rows[a.from] as number[])[a.id] = ((rows[a.from] as number[])[a.id] as number) - 1;
  }
  return rows;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Reduced row echelon form over the integers (fraction-free Gauss–Jordan with BigInt; each row
 * divided by the gcd of its entries), so no rounding can hide or invent a dependency.
 */
export function integerRref(matrix: readonly (readonly number[])[]): bigint[][] {
  const m = matrix.map((r) => r.map((v) => BigInt(v)));
  const width = m[0]?.length ?? 0;
  let pivotRow = 0;
  for (let col = 0; col < width && pivotRow < m.length; col++) {
    let found = -1;
    for (let r = pivotRow; r < m.length; r++)
      if ((m[r] as bigint[])[col] !== 0n) {
        found = r;
        break;
      }
    if (found < 0) continue;
    [m[pivotRow], m[found]] = [m[found] as bigint[], m[pivotRow] as bigint[]];
    const pivot = m[pivotRow] as bigint[];
    const p = pivot[col] as bigint;
    for (let r = 0; r < m.length; r++) {
      if (r === pivotRow) continue;
      const row = m[r] as bigint[];
      const f = row[col] as bigint;
      if (f === 0n) continue;
      let g = 0n;
      for (let c = 0; c < width; c++) {
        row[c] = (row[c] as bigint) * p - (pivot[c] as bigint) * f;
        g = gcd(g, row[c] as bigint);
      }
      if (g > 1n) for (let c = 0; c < width; c++) row[c] = (row[c] as bigint) / g;
    }
    pivotRow++;
  }
  return m;
}

/**
 * The hidden arcs that the published ones determine: e_h lies in the row space of the
 * relations restricted to the hidden arcs (the published values move to the right-hand side).
 * In reduced row echelon form that is exactly when some row is nonzero in column h alone.
 */
export function determinedByRank(net: Network, hidden: ReadonlySet<number>): number[] {
  const ids = net.arcs.filter((a) => hidden.has(a.id)).map((a) => a.id);
  if (ids.length === 0) return [];
  const all = relations(net);
  const restricted = all.map((row) => ids.map((id) => row[id] as number));
  const reduced = integerRref(restricted);
  const out: number[] = [];
  for (const row of reduced) {
    let only = -1;
    let count = 0;
    for (let c = 0; c < row.length; c++)
      if (row[c] !== 0n) {
        count++;
        only = c;
      }
    if (count === 1) out.push(ids[only] as number);
  }
  return out.sort((a, b) => a - b);
}

function describe(a: Arc): string {
  if (a.role === 'cell') return `行${a.row + 1}・列${a.column + 1}`;
  if (a.role === 'rowTotal') return `行${a.row + 1}の計`;
  if (a.role === 'columnTotal') return `列${a.column + 1}の計`;
  return '総計';
}

/**
 * Audits a suppressed table: (1) the rank test finds no hidden figure that the published
 * figures determine (only absent totals may be determined); (2) the bridge test agrees with
 * it exactly; (3) for count protection, every small figure can still be anything from 0 to
 * the threshold with all figures ≥ 0 (maximum flows, exact in integers).
 */
export function auditTable(t: SuppressedTable): AuditResult {
  const net = t.network;
  const problems: Message[] = [];
  const byRank = determinedByRank(net, t.hidden);
  const cut = bridges(net, (a) => t.hidden.has(a.id));
  const byBridges = [...cut].sort((a, b) => a - b);
  if (byRank.length !== byBridges.length || byRank.some((id, i) => id !== byBridges[i])) {
    problems.push({
      ja: `秘匿の検査で、階数による判定（${byRank.join(',')}）と橋による判定（${byBridges.join(',')}）が一致しません`,
      en: `The rank test (${byRank.join(',')}) and the bridge test (${byBridges.join(',')}) disagree`,
    });
  }
  for (const id of new Set([...byRank, ...byBridges])) {
    const a = net.arcs[id] as Arc;
    if (a.publishable || t.primary.has(id))
      problems.push({
        ja: `伏せた値（${describe(a)}）が公表した値から計算できます`,
        en: `The hidden figure (${describe(a)}) can be worked out from the published ones`,
      });
  }
  if (t.protection.kind === 'count') {
    const threshold = t.protection.threshold;
    const solver = new SlackSolver(net, (x) => t.hidden.has(x.id));
    const wanted = rangeWanted(net, t.primary, threshold);
    for (const id of t.primary) {
      const a = net.arcs[id] as Arc;
      if (!t.hidden.has(id)) {
        problems.push({
          ja: `秘匿基準未満の値（${describe(a)}）が公表されています`,
          en: `A figure below the threshold (${describe(a)}) is published`,
        });
        continue;
      }
      const want = wanted.get(id) as { up: number; down: number };
      const got = solver.slack(id, want.up, want.down);
      if (got.up < want.up || got.down < want.down)
        problems.push({
          ja: `伏せた値（${describe(a)}）の取りうる範囲が狭すぎます（0〜${threshold}を含みません）`,
          en: `The hidden figure (${describe(a)}) is narrowed below the range 0–${threshold}`,
        });
    }
  } else {
    for (const id of t.primary)
      if (!t.hidden.has(id) && (net.arcs[id] as Arc).publishable)
        problems.push({
          ja: `秘匿すべき値（${describe(net.arcs[id] as Arc)}）が公表されています`,
          en: `A figure to protect (${describe(net.arcs[id] as Arc)}) is published`,
        });
  }
  let hiddenFigures = 0;
  for (const id of t.hidden) if ((net.arcs[id] as Arc).publishable) hiddenFigures++;
  return {
    ok: problems.length === 0,
    determinedByRank: byRank,
    determinedByBridges: byBridges,
    hiddenFigures,
    problems,
  };
}
