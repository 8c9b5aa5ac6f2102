// 年度確定 and 確定を取り消す cost the same service calls whatever the number of source rows: the
// snapshot is a row per indicator and 圏域, the summary sheet a row per indicator and 年度.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { measureRpc, type MeasuredAction } from '../../src/local/budget';
import type { Session } from '../../src/local/session';
import { summarizedSession } from '../safety/actions';

const LEDGERS = ['活動記録', '相談記録', '寄付台帳', '会費台帳'];

/** The summary session with every ledger's data rows repeated `times` times. */
function scaled(times: number): Session {
  const session = summarizedSession();
  for (const name of LEDGERS) {
    const [header, ...rows] = session.emu.sheetValues(name);
    const many = Array.from({ length: times }, () => rows).flat();
    session.emu.setSheetValues(name, [header, ...many] as never);
  }
  return session;
}

function costs(session: Session): {
  refresh: MeasuredAction;
  close: MeasuredAction;
  reopen: MeasuredAction;
  rows: number;
} {
  const peer: MeasuredAction[] = [];
  // A first refresh reshapes the charts to the scaled figures (a 圏域 more, say); the one measured
  // is a refresh whose charts show the same shape, as most refreshes are.
  measureRpc(session, 'runSummary', [], []);
  measureRpc(session, 'runSummary', [], peer);
  const into: MeasuredAction[] = [];
  measureRpc(session, 'closeFiscalYear', [2025], into);
  measureRpc(session, 'reopenFiscalYear', [2025], into);
  const rows = LEDGERS.reduce((n, name) => n + session.emu.sheetValues(name).length - 1, 0);
  return {
    refresh: peer[0] as MeasuredAction,
    close: into[0] as MeasuredAction,
    reopen: into[1] as MeasuredAction,
    rows,
  };
}

describe('年度確定 within budget', () => {
  it('service calls and cells written are flat in the source rows', () => {
    const small = costs(scaled(1));
    const large = costs(scaled(4));
    expect(large.rows).toBe(small.rows * 4);
    expect(large.refresh.stats.totals.calls).toBe(small.refresh.stats.totals.calls);
    for (const step of ['close', 'reopen'] as const) {
      const a = small[step].stats.totals;
      const b = large[step].stats.totals;
      const figures = `${step}: ${a.calls} → ${b.calls} calls, ${a.cellsWritten} → ${b.cellsWritten} cells written, ${a.cellsRead} → ${b.cellsRead} read (${small.rows} → ${large.rows} rows)`;
      expect(b.calls, figures).toBe(a.calls);
      // The charts' table has a column per indicator shown: one hidden in the small book is shown in
      // the large one, so its width may differ by a few cells — never by the rows.
      expect(b.cellsWritten, figures).toBeGreaterThanOrEqual(a.cellsWritten * 0.98);
      expect(b.cellsWritten, figures).toBeLessThanOrEqual(a.cellsWritten * 1.02);
      // Beside the refresh it is: one more read (the snapshot) and one more output sheet written (rewriting one that exists costs about 90 calls).
      const refresh = large.refresh.stats.totals.calls;
      expect(b.calls, `${figures}; runSummary ${refresh} calls`).toBeLessThanOrEqual(refresh + 100);
    }
  });
});
