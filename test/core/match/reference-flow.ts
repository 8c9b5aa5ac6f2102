// An independent exact method for tests: min-cost max-flow by successive shortest paths (Bellman-Ford), small instances only.

export interface FlowProblem {
  leftCapacity: readonly number[];
  rightCapacity: readonly number[];
  edges: ReadonlyArray<{ left: number; right: number; weight: number }>;
}

export interface FlowSolution {
  /** Edge indices used, ascending. */
  chosen: number[];
  filled: number;
  totalWeight: number;
}

/** Most places filled, then the highest total weight; each edge used at most once. */
export function maxWeightMaxFlow(p: FlowProblem): FlowSolution {
  const L = p.leftCapacity.length;
  const R = p.rightCapacity.length;
  const source = L + R;
  const sink = source + 1;
  const n = sink + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: n }, () => []);
  const addArc = (u: number, v: number, c: number, w: number): number => {
    const id = to.length;
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
    adj[u]!.push(id);
    adj[v]!.push(id + 1);
    return id;
  };
  for (let i = 0; i < L; i++) addArc(source, i, p.leftCapacity[i]!, 0);
  for (let j = 0; j < R; j++) addArc(L + j, sink, p.rightCapacity[j]!, 0);
  const edgeArc = p.edges.map((e) => addArc(e.left, L + e.right, 1, -e.weight));
  let filled = 0;
  let total = 0;
  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (const a of adj[u]!) {
          if (cap[a]! > 0 && dist[u]! + cost[a]! < dist[to[a]!]!) {
            dist[to[a]!] = dist[u]! + cost[a]!;
            via[to[a]!] = a;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    let push = Infinity;
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!] = cap[via[v]!]! - push;
      cap[via[v]! ^ 1] = cap[via[v]! ^ 1]! + push;
    }
    filled += push;
    total -= push * dist[sink]!;
  }
  const chosen: number[] = [];
  edgeArc.forEach((a, i) => {
    if (cap[a] === 0) chosen.push(i);
  });
  return { chosen, filled, totalWeight: total };
}
