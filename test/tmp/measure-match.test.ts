import { it } from '@jest/globals';
import { demoSession, matchInParts, measureRpc, type MeasuredAction } from '../../src/local/budget';
import type { MatchView } from '../../src/shared/rpc';
it('measures', () => {
  const session = demoSession('large');
  const out: MeasuredAction[] = [];
  const view = matchInParts(session, out);
  const pair = view.requests.flatMap((r) => r.pairs)[0]!;
  measureRpc<MatchView>(session, 'setPairDecision', [pair.requestId, pair.volunteerId, 'exclude'], out);
  matchInParts(session, out, 'again');
  for (const a of out) {
    const t = a.stats.totals; const e = a.stats.summary.estimatedSeconds;
    if (a.action === "setPairDecision") console.log(Object.entries(a.stats.methods).filter(([, m]) => m.calls > 2).map(([k, m]) => `${k}:${m.calls}`).join(" "));
    console.log(`${a.action}: ${t.calls} calls, ${t.cellsRead} read, ${t.cellsWritten} written, ${t.commits} commits -> ${e.low}-${e.high} s`);
  }
}, 600_000);
