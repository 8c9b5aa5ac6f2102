// SectionFlow, the confirm → run → result cycle 検証 and マッチング share, through a section the way a
// new one (アンケート作成, 指標サマリー) plugs into it: its own confirmation, refusal, list and undo.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { Message, RpcName, SetupResult, UndoInfo, UndoResult } from '../../src/shared/rpc';
import { RpcError } from '../../src/ui/rpc-client';
import { SectionFlow, type FlowState } from '../../src/ui/section-flow';
import { fakeServer, type Handler } from './fake-server';

type SampleFocus = 'publish' | 'list';
type SampleNotice = { kind: 'published'; committed: number };

interface SampleState extends FlowState<'publish', SampleFocus, SampleNotice> {
  created: SetupResult | null;
  refusal: Message | null;
  listed: number;
}

/** A section with a run (setupSheets), its own confirmation (publish: commitMatches, refusable) and a list. */
class SampleFlow extends SectionFlow<'publish', SampleFocus, SampleNotice> {
  readonly state: SampleState = {
    runConfirmed: false,
    pending: null,
    notice: null,
    focus: null,
    created: null,
    refusal: null,
    listed: 0,
  };
  outcomesCleared = 0;

  protected async runNow(): Promise<void> {
    this.startAction();
    const created = await this.run(() => this.server('setupSheets'));
    if (created) this.state.created = created;
    this.changed();
  }

  protected async refreshList(): Promise<void> {
    if (this.state.created) this.state.listed += 1;
  }

  requestPublish(): void {
    this.ask('publish');
  }

  protected override async accepted(pending: 'publish'): Promise<void> {
    expect(pending).toBe('publish');
    this.startAction();
    const outcome = await this.refusable('sample.changed', () => this.server('commitMatches'));
    if (outcome?.kind === 'refused') this.state.refusal = outcome.message;
    if (outcome?.kind === 'done') {
      this.state.notice = { kind: 'published', committed: outcome.value.committed };
      this.state.focus = 'notice';
    }
    this.changed();
  }

  protected override declined(): SampleFocus {
    return 'publish';
  }

  protected override clearOutcome(): void {
    this.outcomesCleared += 1;
    this.state.refusal = null;
  }
}

const undoInfo: UndoInfo = { label: { ja: '確定（1件）', en: 'commit (1)' }, at: '2025-01-10T01:00:00.000Z' };
const undone: UndoResult = { label: undoInfo.label, cells: 3, undo: null };

function harness(handlers: Partial<Record<RpcName, Handler>>) {
  const fake = fakeServer(handlers);
  let renders = 0;
  const flow = new SampleFlow(fake.server, fake.run, () => {
    renders += 1;
  });
  return { ...fake, flow, renders: () => renders };
}

describe('SectionFlow', () => {
  describe('the run', () => {
    it('asks the first time in a session, runs on yes, and runs at once after that', async () => {
      const h = harness({ setupSheets: () => ({ created: ['依頼'], existing: [] }) });
      await h.flow.requestRun();
      expect([h.flow.state.pending, h.flow.takeFocus(), h.calls.length]).toEqual(['run', 'confirm', 0]);
      await h.flow.accept();
      expect(h.flow.state).toMatchObject({ pending: null, runConfirmed: true, created: { created: ['依頼'] } });
      await h.flow.requestRun();
      expect(h.names()).toEqual(['setupSheets', 'setupSheets']);
    });

    it('goes back to the run button on no, and runs nothing', async () => {
      const h = harness({});
      await h.flow.requestRun();
      h.flow.cancel();
      expect([h.flow.state.pending, h.flow.takeFocus(), h.flow.takeFocus(), h.calls.length]).toEqual([
        null,
        'run',
        null,
        0,
      ]);
    });
  });

  describe("the section's own confirmation", () => {
    it('runs what the section says on yes and shows its notice', async () => {
      const h = harness({ commitMatches: () => ({ committed: 2, requests: 1, undo: null }) });
      h.flow.requestPublish();
      expect(h.flow.state.pending).toBe('publish');
      await h.flow.accept();
      expect(h.flow.state.notice).toEqual({ kind: 'published', committed: 2 });
      expect(h.flow.takeFocus()).toBe('notice');
    });

    it('goes back to the button the section names on no', () => {
      const h = harness({});
      h.flow.requestPublish();
      h.flow.cancel();
      expect(h.flow.takeFocus()).toBe('publish');
    });

    it("keeps the server's refusal as a value for the section, and other failures for the shell", async () => {
      let code = 'sample.changed';
      const h = harness({
        commitMatches: () => {
          throw new RpcError(code, { ja: '変更されました', en: 'It changed' });
        },
      });
      h.flow.requestPublish();
      await h.flow.accept();
      expect(h.flow.state.refusal).toEqual({ ja: '変更されました', en: 'It changed' });
      expect(h.shownErrors).toEqual([]);
      code = 'internal';
      h.flow.requestPublish();
      await h.flow.accept();
      expect(h.flow.state.refusal).toBeNull();
      expect(h.shownErrors).toEqual(['internal']);
    });
  });

  describe('元に戻す', () => {
    it('offers nothing without an undo, asks first with one, and reads the list again after it', async () => {
      const h = harness({
        setupSheets: () => ({ created: [], existing: [] }),
        getUndoInfo: () => undoInfo,
        undoLast: () => undone,
      });
      h.flow.requestUndo();
      expect(h.flow.state.pending).toBeNull();
      await h.flow.requestRun();
      await h.flow.accept();
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      expect(h.flow.state.pending).toBe('undo');
      const cleared = h.flow.outcomesCleared;
      await h.flow.accept();
      expect(h.flow.state.notice).toEqual({ kind: 'undone', label: undoInfo.label, cells: 3 });
      expect(h.flow.outcomesCleared).toBe(cleared + 1);
      expect(h.flow.state.listed).toBe(1);
      expect(h.flow.undo.info).toBeNull();
    });

    it('asks the server again what can be undone when the undo is refused', async () => {
      const h = harness({
        getUndoInfo: () => undoInfo,
        undoLast: () => {
          throw new RpcError('undo.conflict', { ja: 'セルが変更されています', en: 'Cells changed' });
        },
      });
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      await h.flow.accept();
      expect(h.names()).toEqual(['getUndoInfo', 'undoLast', 'getUndoInfo']);
      expect(h.flow.state.notice).toBeNull();
      expect(h.flow.takeFocus()).toBe('undo');
    });

    it('goes back to 元に戻す on no', async () => {
      const h = harness({ getUndoInfo: () => undoInfo });
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      h.flow.cancel();
      expect(h.flow.takeFocus()).toBe('undo');
    });
  });
});
