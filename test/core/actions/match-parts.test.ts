// マッチング in parts gives exactly what one call gives: the same マッチング結果, 不足分析 and view, on
// demo workbooks sliced at many sizes and on the real layouts (titles, 計 and ※ rows, 和暦, archives,
// rosters and 依頼 in two sheets); and 固定/除外 from the staged snapshot gives what reading everything gives.
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import type { MatchView } from '../../../src/shared/rpc';
import type { AppPorts } from '../../../src/core/actions/ports';
import { cancelMatching, continueMatching, runMatching, setPairDecision } from '../../../src/core/actions/match';
import { MATCH_RUN_KEY, MATCH_SNAPSHOT_KEY } from '../../../src/core/actions/match-run';
import { UserError } from '../../../src/core/errors';
import { buildDemo } from '../../../src/local/commands/demo';
import { portsFor } from '../../../src/local/emulator-ports';
import { Session } from '../../../src/local/session';
import { rosterWorkbook, splitRosterWorkbook } from '../../fixtures/real-layouts/workbooks';

const NOW = new Date('2024-07-01T00:00:00+09:00');
/** A part budget so large that everything is matched in one call. */
const ONE_CALL = Number.MAX_SAFE_INTEGER;

/** マッチング as the sidebar runs it: the first call, then every part; with how many calls it took. */
function drive(ports: AppPorts, budget: number): { view: MatchView; calls: number } {
  let view = runMatching(ports, budget);
  let calls = 1;
  while (view.running) {
    expect(view.running.done, 'parts done so far').toBe(calls - 1);
    view = continueMatching(ports, view.running.runId);
    calls++;
  }
  return { view, calls };
}

/** What staff see of a run: both sheets and the sidebar's view (its undo offer aside). */
function outcome(session: Session, view: MatchView) {
  return {
    results: session.emu.sheetValues('マッチング結果'),
    shortages: session.emu.sheetValues('不足分析'),
    view: { ...view, undo: null, running: null },
  };
}

function demo(seed: number): Session {
  const session = Session.create('分割マッチング', { now: () => NOW });
  buildDemo(session, { seed, volunteers: 120, requests: 50, ledgerScale: { activities: 0.3 } });
  return session;
}

function fixtureSession(build: (session: Session) => void): Session {
  const session = Session.create('実際の様式', { now: () => NOW });
  build(session);
  session.run('setupSheets');
  return session;
}

/** Matches one workbook in one call and a copy of it in parts; both outcomes must be the same. */
function expectSameInParts(make: () => Session, budget: number, label: string): { parts: Session; whole: Session } {
  const whole = make();
  const parts = make();
  const one = drive(portsFor(whole.emu, NOW), ONE_CALL);
  expect(one.calls, `${label}: one call`).toBe(1);
  const many = drive(portsFor(parts.emu, NOW), budget);
  expect(many.calls, `${label}: in parts`).toBeGreaterThan(2);
  expect(outcome(parts, many.view), label).toEqual(outcome(whole, one.view));
  return { parts, whole };
}

describe('マッチング in parts', () => {
  it('gives the one call’s マッチング結果, 不足分析 and view on demo workbooks, however the rows are sliced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(400, 1_500, 4_000), (seed, budget) => {
        expectSameInParts(() => demo(seed), budget, `seed ${seed}, parts of ${budget} cells`);
      }),
      { numRuns: 4 },
    );
  });

  it('gives the one call’s result on the real layouts, sliced a few rows at a time (計 and ※ rows, 和暦, archives, two sheets)', () => {
    for (const [name, build] of [
      ['title, 計 and ※ rows, 和暦, a 退会者 archive', rosterWorkbook],
      ['roster and 依頼 each in two sheets', splitRosterWorkbook],
    ] as const) {
      for (const budget of [12, 30, 60]) expectSameInParts(() => fixtureSession(build), budget, `${name}, ${budget}`);
    }
  });

  it('固定 and 除外 from the staged snapshot give what reading everything again gives', () => {
    const { parts, whole } = expectSameInParts(() => demo(42), 2_500, 'seed 42');
    const pair = (session: Session): [string, string] => {
      const row = session.emu.sheetValues('マッチング結果').find((r, i) => i > 0 && r[3] !== '');
      return [String(row?.[0]), String(row?.[3])];
    };
    const [requestId, volunteerId] = pair(whole);
    expect(pair(parts)).toEqual([requestId, volunteerId]);
    const partsPorts = portsFor(parts.emu, NOW);
    const wholePorts = portsFor(whole.emu, NOW);
    expect(partsPorts.store.get(MATCH_SNAPSHOT_KEY), 'a run in parts leaves its snapshot').not.toBeNull();
    expect(wholePorts.store.get(MATCH_SNAPSHOT_KEY), 'one call needs none').toBeNull();
    for (const decision of ['exclude', 'pin', 'none'] as const) {
      const fromSnapshot = setPairDecision(partsPorts, requestId, volunteerId, decision);
      const fromSheets = setPairDecision(wholePorts, requestId, volunteerId, decision);
      expect(outcome(parts, fromSnapshot), decision).toEqual(outcome(whole, fromSheets));
    }
  });

  it('asks to run matching again when the roster’s rows changed after the run, and changes nothing', () => {
    const session = demo(3);
    const ports = portsFor(session.emu, NOW);
    drive(ports, 2_500);
    const before = session.emu.sheetValues('マッチング結果');
    const row = before.find((r, i) => i > 0 && r[3] !== '') ?? [];
    const roster = session.emu.sheetValues('ボランティア名簿');
    session.emu.setSheetValues('ボランティア名簿', [...roster, ['V-9999', '新人 太郎']]);
    let code = '';
    try {
      setPairDecision(ports, String(row[0]), String(row[3]), 'pin');
    } catch (error) {
      code = error instanceof UserError ? error.code : String(error);
    }
    expect(code).toBe('match.snapshotChanged');
    expect(session.emu.sheetValues('マッチング結果')).toEqual(before);
  });

  it('stops when a sliced sheet’s rows change during the run, leaving マッチング結果 as it was', () => {
    const session = demo(5);
    const ports = portsFor(session.emu, NOW);
    const first = runMatching(ports, 2_500);
    const roster = session.emu.sheetValues('ボランティア名簿');
    session.emu.setSheetValues('ボランティア名簿', [...roster, ['V-9999', '新人 太郎']]);
    let code = '';
    try {
      continueMatching(ports, first.running?.runId ?? '');
    } catch (error) {
      code = error instanceof UserError ? error.code : String(error);
    }
    expect(code).toBe('match.changedDuringRun');
    expect(ports.store.get(MATCH_RUN_KEY), 'the run is forgotten').toBeNull();
    expect(
      session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('マッチング結果'),
      'nothing written',
    ).toBeNull();
  });

  it('中止 forgets the run; a later part of it is refused, and マッチング結果 is unchanged', () => {
    const session = demo(6);
    const ports = portsFor(session.emu, NOW);
    drive(ports, 2_500);
    const before = session.emu.sheetValues('マッチング結果');
    let view = runMatching(ports, 2_500);
    view = continueMatching(ports, view.running?.runId ?? '');
    const runId = view.running?.runId ?? '';
    expect(cancelMatching(ports, runId)).toEqual({ cancelled: true });
    expect(ports.store.get(MATCH_RUN_KEY)).toBeNull();
    expect(() => continueMatching(ports, runId)).toThrow(/もう一度「マッチングを実行」/);
    expect(session.emu.sheetValues('マッチング結果')).toEqual(before);
  });

  it('matches a small workbook in one call, as before', () => {
    const session = demo(8);
    const { calls } = drive(portsFor(session.emu, NOW), 120_000);
    expect(calls).toBe(1);
  });
});
