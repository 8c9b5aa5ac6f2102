import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { RpcName, UndoInfo } from '../../src/shared/rpc';
import { MATCH_CHANGED, MatchFlow } from '../../src/ui/match-flow';
import { RpcError } from '../../src/ui/rpc-client';
import { UndoOffer } from '../../src/ui/undo';
import { ValidateFlow } from '../../src/ui/validate-flow';
import { fakeServer, type Handler } from './fake-server';
import { commitUndo, matchView, pair, request } from './match-fixtures';

/** The flow over a fake server (see fake-server.ts), counting renders. */
function harness(handlers: Partial<Record<RpcName, Handler>>, undo = new UndoOffer()) {
  const fake = fakeServer(handlers);
  let renders = 0;
  const flow = new MatchFlow(
    fake.server,
    fake.run,
    () => {
      renders += 1;
    },
    undo,
  );
  return { ...fake, flow, renders: () => renders };
}

/** A flow that has run matching once (the confirmation answered), with the fake's calls cleared. */
async function ran(handlers: Partial<Record<RpcName, Handler>>, undo?: UndoOffer) {
  const h = harness({ runMatching: () => matchView(), ...handlers }, undo);
  await h.flow.requestRun();
  await h.flow.accept();
  h.calls.length = 0;
  h.flow.takeFocus();
  return h;
}

const v1 = { requestId: 'R-001', volunteerId: 'V-001' };
const v2 = { requestId: 'R-002', volunteerId: 'V-002' };

describe('MatchFlow', () => {
  describe('run', () => {
    it('asks before the first run of the session (it rewrites two sheets), and runs only after 実行', async () => {
      const h = harness({ runMatching: () => matchView() });
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBe('run');
      expect(h.flow.takeFocus()).toBe('confirm');
      expect(h.calls).toEqual([]);
      await h.flow.accept();
      expect(h.names()).toEqual(['runMatching']);
      expect(h.flow.state.view?.stats.filledPlaces).toBe(2);
      expect(h.flow.takeFocus()).toBe('stats');
    });

    it('runs at once when staff confirmed from the menu, and does not ask again', async () => {
      const h = harness({ runMatching: () => matchView() });
      await h.flow.runConfirmedElsewhere();
      expect(h.names()).toEqual(['runMatching']);
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBeNull();
      expect(h.names()).toEqual(['runMatching', 'runMatching']);
    });

    it('does not ask again later in the session', async () => {
      const h = await ran({});
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBeNull();
      expect(h.names()).toEqual(['runMatching']);
    });

    it('runs nothing when staff cancel, gives the focus back to the button, and asks again next time', async () => {
      const h = harness({});
      await h.flow.requestRun();
      h.flow.cancel();
      expect(h.flow.takeFocus()).toBe('run');
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBe('run');
      expect(h.calls).toEqual([]);
    });

    it('keeps the previous result when a run fails (the error goes to the shell)', async () => {
      let fail = false;
      const h = await ran({
        runMatching: () => {
          if (fail) throw new RpcError('match.noSheets', { ja: 'シートがありません', en: 'no sheets' });
          return matchView();
        },
      });
      fail = true;
      await h.flow.requestRun();
      expect(h.shownErrors).toEqual(['match.noSheets']);
      expect(h.flow.state.view?.requests).toHaveLength(2);
    });

    it('takes the undo offer from the match answer', async () => {
      const h = await ran({ runMatching: () => matchView({ undo: commitUndo }) });
      expect(h.flow.undo.info).toEqual(commitUndo);
    });
  });

  describe('承認', () => {
    it('ticks the pair, takes the server’s total of approved pairs and keeps the focus on the box', async () => {
      const h = await ran({ setApproval: () => ({ approved: 1 }) });
      await h.flow.setApproval(v2, true);
      expect(h.calls).toEqual([['setApproval', 'R-002', 'V-002', true]]);
      expect(h.flow.state.view?.approved).toBe(1);
      expect(h.flow.state.view?.requests[1]?.pairs[0]?.approved).toBe(true);
      expect(h.flow.takeFocus()).toEqual({ pair: v2, control: 'approve' });
    });

    it('leaves the pair as the server has it when the tick fails', async () => {
      const h = await ran({
        setApproval: () => {
          throw new RpcError('match.pairNotFound', { ja: '組み合わせがありません', en: 'no such pair' });
        },
      });
      await h.flow.setApproval(v1, true);
      expect(h.shownErrors).toEqual(['match.pairNotFound']);
      expect(h.flow.state.view?.requests[0]?.pairs[0]?.approved).toBe(false);
      expect(h.flow.state.view?.approved).toBe(0);
      expect(h.flow.takeFocus()).toEqual({ pair: v1, control: 'approve' });
    });
  });

  describe('固定 and 除外', () => {
    it('pins and unpins through setPairDecision, showing the new run it answers', async () => {
      const pinned = matchView({ requests: [request('R-001', { pairs: [pair('R-001', 'V-001', { pinned: true })] })] });
      const h = await ran({ setPairDecision: (_r, _v, decision) => (decision === 'pin' ? pinned : matchView()) });
      await h.flow.setPin(v1, true);
      expect(h.flow.state.view).toBe(pinned);
      expect(h.flow.takeFocus()).toEqual({ pair: v1, control: 'pin' });
      await h.flow.setPin(v1, false);
      expect(h.calls).toEqual([
        ['setPairDecision', 'R-001', 'V-001', 'pin'],
        ['setPairDecision', 'R-001', 'V-001', 'none'],
      ]);
    });

    it('asks inline before excluding, and excludes nothing when staff cancel', async () => {
      const h = await ran({});
      h.flow.requestExclude(v1);
      expect(h.flow.isExcluding(v1)).toBe(true);
      expect(h.flow.isExcluding(v2)).toBe(false);
      expect(h.flow.takeFocus()).toBe('confirm');
      h.flow.cancelExclude();
      expect(h.flow.state.excluding).toBeNull();
      expect(h.flow.takeFocus()).toEqual({ pair: v1, control: 'exclude' });
      expect(h.calls).toEqual([]);
    });

    it('excludes after the yes, then focuses 「除外を取り消す」 of that pair', async () => {
      const excluded = matchView({
        requests: [
          request('R-001', { pairs: [], filled: 0, excluded: [{ volunteerId: 'V-001', volunteerName: '山田 花子' }] }),
        ],
      });
      const h = await ran({ setPairDecision: () => excluded });
      h.flow.requestExclude(v1);
      await h.flow.confirmExclude();
      expect(h.calls).toEqual([['setPairDecision', 'R-001', 'V-001', 'exclude']]);
      expect(h.flow.state.excluding).toBeNull();
      expect(h.flow.state.view).toBe(excluded);
      expect(h.flow.takeFocus()).toEqual({ pair: v1, control: 'restore' });
    });

    it('keeps one confirmation at a time: asking to exclude closes a pending one, and the reverse', async () => {
      const h = await ran({});
      await h.flow.requestRun();
      h.flow.requestExclude(v1);
      expect(h.flow.state.pending).toBeNull();
      h.flow.requestUndo(); // nothing to undo: nothing changes
      expect(h.flow.state.excluding).toEqual(v1);
      h.flow.undo.set(commitUndo);
      h.flow.requestUndo();
      expect(h.flow.state.excluding).toBeNull();
      expect(h.flow.state.pending).toBe('undo');
    });

    it('takes an exclusion back with 「除外を取り消す」', async () => {
      const h = await ran({ setPairDecision: () => matchView() });
      await h.flow.restore({ requestId: 'R-002', volunteerId: 'V-009' });
      expect(h.calls).toEqual([['setPairDecision', 'R-002', 'V-009', 'none']]);
      expect(h.flow.takeFocus()).toEqual({ pair: { requestId: 'R-002', volunteerId: 'V-009' }, control: 'pin' });
    });

    it('gives the focus back to the control when the decision fails', async () => {
      const h = await ran({
        setPairDecision: () => {
          throw new RpcError('lock.busy', { ja: '使用中', en: 'busy' });
        },
      });
      h.flow.requestExclude(v1);
      await h.flow.confirmExclude();
      expect(h.shownErrors).toEqual(['lock.busy']);
      expect(h.flow.takeFocus()).toEqual({ pair: v1, control: 'exclude' });
    });
  });

  describe('確定', () => {
    it('offers nothing to confirm while no pair is approved', async () => {
      const h = await ran({});
      h.flow.requestCommit();
      expect(h.flow.state.pending).toBeNull();
    });

    it('asks first, commits, reports, takes the undo offer and matches again', async () => {
      let committed = false;
      const h = await ran({
        runMatching: () => (committed ? matchView({ undo: commitUndo }) : matchView({ approved: 2 })),
        setApproval: () => ({ approved: 2 }),
        commitMatches: () => {
          committed = true;
          return {
            committed: 2,
            requests: 2,
            refused: [{ requestId: 'R-3', volunteerId: 'V-9', reason: { ja: '理由', en: 'why' } }],
            undo: commitUndo,
          };
        },
      });
      await h.flow.setApproval(v1, true);
      h.flow.requestCommit();
      expect(h.flow.state.pending).toBe('commit');
      expect(h.names()).toEqual(['setApproval']);
      await h.flow.accept();
      expect(h.names()).toEqual(['setApproval', 'commitMatches', 'runMatching']);
      expect(h.flow.state.notice).toEqual({
        kind: 'committed',
        committed: 2,
        requests: 2,
        refused: [{ requestId: 'R-3', volunteerId: 'V-9', reason: { ja: '理由', en: 'why' } }],
      });
      expect(h.flow.undo.info).toEqual(commitUndo);
      expect(h.flow.state.view?.approved).toBe(0);
      expect(h.flow.takeFocus()).toBe('notice');
    });

    it('shows match.changed in the section, offers もう一度マッチング, and runs again from it', async () => {
      const message = {
        ja: 'マッチングの後に依頼シートが変更されたため、確定しませんでした。もう一度マッチングを実行してください。',
        en: 'changed',
      };
      const h = await ran({
        setApproval: () => ({ approved: 1 }),
        commitMatches: () => {
          throw new RpcError(MATCH_CHANGED, message);
        },
      });
      await h.flow.setApproval(v1, true);
      h.flow.requestCommit();
      await h.flow.accept();
      expect(h.shownErrors).toEqual([]);
      expect(h.flow.state.changed).toEqual(message);
      expect(h.flow.takeFocus()).toBe('changed');
      await h.flow.runAgain();
      expect(h.flow.state.changed).toBeNull();
      expect(h.names()).toEqual(['setApproval', 'commitMatches', 'runMatching']);
    });

    it('sends any other refusal to the error area and gives the focus back to 確定', async () => {
      const h = await ran({
        setApproval: () => ({ approved: 1 }),
        commitMatches: () => {
          throw new RpcError('match.nothingApproved', {
            ja: '承認された組み合わせがありません。',
            en: 'No pair is approved.',
          });
        },
      });
      await h.flow.setApproval(v1, true);
      h.flow.requestCommit();
      await h.flow.accept();
      expect(h.shownErrors).toEqual(['match.nothingApproved']);
      expect(h.flow.state.changed).toBeNull();
      expect(h.flow.takeFocus()).toBe('commit');
    });

    it('cancels back to the 確定 button', async () => {
      const h = await ran({ runMatching: () => matchView({ approved: 1 }) });
      h.flow.requestCommit();
      h.flow.cancel();
      expect(h.flow.takeFocus()).toBe('commit');
      expect(h.calls).toEqual([]);
    });
  });

  describe('元に戻す', () => {
    it('asks first, undoes, and matches again when a result is shown', async () => {
      const h = await ran({
        runMatching: () => matchView({ undo: commitUndo }),
        undoLast: () => ({ label: commitUndo.label, cells: 4, undo: null }),
      });
      h.flow.requestUndo();
      expect(h.flow.state.pending).toBe('undo');
      await h.flow.accept();
      expect(h.names()).toEqual(['undoLast', 'runMatching']);
      expect(h.flow.state.notice).toEqual({ kind: 'undone', label: commitUndo.label, cells: 4 });
      // The re-run's answer is the latest word on what can be undone.
      expect(h.flow.undo.info).toEqual(commitUndo);
    });

    it('does not run matching by itself after an undo when staff never ran it (it would write without asking)', async () => {
      const h = harness({
        getUndoInfo: () => commitUndo,
        undoLast: () => ({ label: commitUndo.label, cells: 4, undo: null }),
      });
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      await h.flow.accept();
      expect(h.names()).toEqual(['getUndoInfo', 'undoLast']);
      expect(h.flow.undo.info).toBeNull();
    });

    it('asks the server again what can be undone when the undo is refused', async () => {
      let offer: UndoInfo | null = commitUndo;
      const h = harness({
        getUndoInfo: () => offer,
        undoLast: () => {
          offer = null;
          throw new RpcError('undo.nothing', { ja: '元に戻せる操作はありません。', en: 'There is nothing to undo.' });
        },
      });
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      await h.flow.accept();
      expect(h.shownErrors).toEqual(['undo.nothing']);
      expect(h.names()).toEqual(['getUndoInfo', 'undoLast', 'getUndoInfo']);
      expect(h.flow.undo.info).toBeNull();
    });

    it('shares the offer with 検証: what matching recorded is offered there, and once undone here it is not offered there', async () => {
      const undo = new UndoOffer();
      let undone = false;
      const m = await ran(
        {
          runMatching: () => matchView({ undo: undone ? null : commitUndo }),
          undoLast: () => {
            undone = true;
            return { label: commitUndo.label, cells: 4, undo: null };
          },
        },
        undo,
      );
      const v = fakeServer({});
      const validate = new ValidateFlow(v.server, v.run, () => undefined, undo);
      expect(validate.undo.info).toEqual(commitUndo);
      m.flow.requestUndo();
      await m.flow.accept();
      expect(validate.undo.info).toBeNull();
      validate.requestUndo();
      expect(validate.state.pending).toBeNull();
      expect(v.calls).toEqual([]);
    });
  });

  describe('the list', () => {
    it('filters to short requests and remembers folded requests without calling the server', async () => {
      const h = await ran({});
      const before = h.renders();
      h.flow.setShortOnly(true);
      h.flow.toggleRequest('R-002', false);
      expect(h.flow.state.shortOnly).toBe(true);
      expect(h.flow.state.openRequests.get('R-002')).toBe(false);
      expect(h.renders()).toBe(before + 1);
      expect(h.calls).toEqual([]);
    });
  });

  it('clears the last outcome and a refusal when a new action starts', async () => {
    const h = await ran({
      setApproval: () => ({ approved: 1 }),
      runMatching: () => matchView({ approved: 1 }),
      commitMatches: () => ({ committed: 1, requests: 1, undo: commitUndo }),
    });
    h.flow.requestCommit();
    await h.flow.accept();
    expect(h.flow.state.notice).not.toBeNull();
    await h.flow.setApproval(v1, false);
    expect(h.flow.state.notice).toBeNull();
  });

  describe('in parts (a workbook too large for one call)', () => {
    const RUN = 'M20261126120000000';
    const progress = (done: number) => matchView({ requests: [], running: { runId: RUN, done, total: 3 } });

    it('asks for each part in turn and shows the result the last part gives', async () => {
      const answers = [progress(1), progress(2), matchView()];
      const seen: Array<number | null> = [];
      const fake = fakeServer({ runMatching: () => progress(0), continueMatching: () => answers.shift() });
      const flow: MatchFlow = new MatchFlow(fake.server, fake.run, () => seen.push(flow.state.progress?.done ?? null));
      await flow.requestRun();
      await flow.accept();
      expect(fake.calls).toEqual([['runMatching'], ...new Array(3).fill(['continueMatching', RUN])]);
      expect(seen.filter((p) => p !== null)).toEqual([0, 1, 2]);
      expect(flow.state.progress).toBeNull();
      expect(flow.state.view?.stats.filledPlaces).toBe(2);
      expect(flow.takeFocus()).toBe('stats');
    });

    it('中止 stops after the part under way, tells the server, and says マッチング結果 was not changed', async () => {
      let flow: MatchFlow | null = null;
      const h = harness({
        runMatching: () => progress(0),
        continueMatching: () => {
          flow?.stopRun();
          return progress(1);
        },
        cancelMatching: () => ({ cancelled: true }),
      });
      flow = h.flow;
      await h.flow.requestRun();
      await h.flow.accept();
      expect(h.calls).toEqual([['runMatching'], ['continueMatching', RUN], ['cancelMatching', RUN]]);
      expect(h.flow.state.progress).toBeNull();
      expect(h.flow.state.view).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'stopped' });
      expect(h.flow.takeFocus()).toBe('notice');
    });

    it('waits after a part fails; 続ける runs that part again and goes on to the end', async () => {
      let failNext = true;
      const answers = [progress(2), matchView()];
      const h = harness({
        runMatching: () => progress(0),
        continueMatching: () => {
          if (failNext) {
            failNext = false;
            throw new RpcError('write.failed', { ja: '失敗', en: 'failed' });
          }
          return answers.shift();
        },
      });
      await h.flow.requestRun();
      await h.flow.accept();
      expect(h.flow.state.partFailed).toBe(true);
      expect(h.flow.state.progress?.done).toBe(0);
      expect(h.shownErrors).toEqual(['write.failed']);
      await h.flow.resumeRun();
      expect(h.flow.state.partFailed).toBe(false);
      expect(h.flow.state.progress).toBeNull();
      expect(h.names()).toEqual(['runMatching', 'continueMatching', 'continueMatching', 'continueMatching']);
      expect(h.flow.state.view?.stats.filledPlaces).toBe(2);
    });
  });
});
