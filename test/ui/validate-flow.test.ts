import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { FixPreview, RpcName, UndoInfo, ValidationView } from '../../src/shared/rpc';
import { RpcError } from '../../src/ui/rpc-client';
import { FIX_CHANGED, ValidateFlow } from '../../src/ui/validate-flow';
import { fakeServer, type Handler } from './fake-server';

const fixesUndo: UndoInfo = {
  label: { ja: '安全な修正（2件）', en: 'safe fixes (2)' },
  at: '2025-01-10T01:00:00.000Z',
};

function validation(errors: number, undo: UndoInfo | null = null): ValidationView {
  return {
    checkedSheets: [{ name: 'ボランティア名簿', kindLabel: 'ボランティア名簿', rows: 3 }],
    counts: { errors, warnings: 0, fixable: 2 },
    groups: [],
    resultSheet: '検証結果',
    unmarked: 0,
    notices: [],
    highlighted: errors,
    undo,
  };
}

const preview: FixPreview = {
  token: 'token-1',
  total: 2,
  items: [
    {
      sheet: 'ボランティア名簿',
      row: 2,
      column: '電話番号',
      cell: 'J2',
      before: '0424611234',
      after: '042-461-1234',
      kind: 'phone',
    },
  ],
  byKind: { phone: 2 },
};

/** The flow over a fake server (see fake-server.ts), counting renders. */
function harness(handlers: Partial<Record<RpcName, Handler>>) {
  const fake = fakeServer(handlers);
  let renders = 0;
  const flow = new ValidateFlow(fake.server, fake.run, () => {
    renders += 1;
  });
  return { ...fake, flow, renders: () => renders };
}

describe('ValidateFlow', () => {
  describe('run', () => {
    it('asks before the first run of the session, and runs only after 実行', async () => {
      const h = harness({ runValidation: () => validation(1) });
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBe('run');
      expect(h.calls).toEqual([]);
      await h.flow.accept();
      expect(h.names()).toEqual(['runValidation']);
      expect(h.flow.state.validation?.counts.errors).toBe(1);
      expect(h.flow.state.pending).toBeNull();
    });

    it('runs at once when staff confirmed from the menu, and does not ask again', async () => {
      const h = harness({ runValidation: () => validation(0) });
      await h.flow.runConfirmedElsewhere();
      expect(h.names()).toEqual(['runValidation']);
      expect(h.flow.state.pending).toBeNull();
      await h.flow.requestRun();
      expect(h.names()).toEqual(['runValidation', 'runValidation']);
    });

    it('does not ask again later in the session', async () => {
      const h = harness({ runValidation: () => validation(0) });
      await h.flow.requestRun();
      await h.flow.accept();
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBeNull();
      expect(h.names()).toEqual(['runValidation', 'runValidation']);
    });

    it('runs nothing when staff cancel, and asks again next time', async () => {
      const h = harness({});
      await h.flow.requestRun();
      h.flow.cancel();
      expect(h.flow.state.pending).toBeNull();
      expect(h.flow.takeFocus()).toBe('run');
      await h.flow.requestRun();
      expect(h.flow.state.pending).toBe('run');
      expect(h.calls).toEqual([]);
    });

    it('takes the undo offer from the validation answer', async () => {
      const h = harness({ runValidation: () => validation(0, fixesUndo) });
      await h.flow.requestRun();
      await h.flow.accept();
      expect(h.flow.undo.info).toEqual(fixesUndo);
    });

    it('keeps the previous list when a run fails (the error goes to the shell)', async () => {
      let fail = false;
      const h = harness({
        runValidation: () => {
          if (fail) throw new RpcError('lock.busy', { ja: '使用中', en: 'busy' });
          return validation(4);
        },
      });
      await h.flow.requestRun();
      await h.flow.accept();
      fail = true;
      await h.flow.requestRun();
      expect(h.shownErrors).toEqual(['lock.busy']);
      expect(h.flow.state.validation?.counts.errors).toBe(4);
    });
  });

  describe('clearHighlights', () => {
    it('reports how many cells were restored and how many staff notes came back', async () => {
      const h = harness({ clearHighlights: () => ({ restored: 7, notesKept: 2 }) });
      await h.flow.clearHighlights();
      expect(h.flow.state.notice).toEqual({ kind: 'highlights', restored: 7, notesKept: 2 });
      expect(h.flow.takeFocus()).toBe('notice');
    });

    it('updates the count of marked cells of the last run to none; the issues stay', async () => {
      const h = harness({
        runValidation: () => ({ ...validation(2), highlighted: 5 }),
        clearHighlights: () => ({ restored: 5, notesKept: 0 }),
      });
      await h.flow.requestRun();
      await h.flow.accept();
      const before = h.flow.state.validation!;
      expect(before.highlighted).toBe(5);
      await h.flow.clearHighlights();
      expect(h.flow.state.validation?.highlighted).toBe(0);
      expect(h.flow.state.validation?.counts).toEqual(before.counts);
    });
  });

  describe('fixes', () => {
    it('previews, then applies exactly the previewed token and re-runs the list that was shown', async () => {
      let errors = 3;
      const h = harness({
        runValidation: () => validation(errors, errors === 3 ? null : fixesUndo),
        previewFixes: () => preview,
        applyFixes: () => {
          errors = 1;
          return { applied: 2, sheets: ['ボランティア名簿'], undo: fixesUndo };
        },
      });
      await h.flow.requestRun();
      await h.flow.accept();
      await h.flow.previewFixes();
      expect(h.flow.state.preview).toBe(preview);
      await h.flow.applyFixes();
      expect(h.calls).toEqual([['runValidation'], ['previewFixes'], ['applyFixes', 'token-1'], ['runValidation']]);
      expect(h.flow.state.preview).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'fixed', applied: 2 });
      expect(h.flow.state.validation?.counts.errors).toBe(1);
      expect(h.flow.undo.info).toEqual(fixesUndo);
    });

    it('does not run 検証 by itself after fixing when staff never ran it (it would write without asking)', async () => {
      const h = harness({
        previewFixes: () => preview,
        applyFixes: () => ({ applied: 2, sheets: [], undo: fixesUndo }),
      });
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      expect(h.names()).toEqual(['previewFixes', 'applyFixes']);
      expect(h.flow.undo.info).toEqual(fixesUndo);
    });

    it('shows the server’s fix.changed message in the section and offers the preview again', async () => {
      const message = {
        ja: 'プレビューの後にシートが変更されたため、修正しませんでした。もう一度プレビューしてください。',
        en: 'changed',
      };
      let previews = 0;
      const h = harness({
        previewFixes: () => {
          previews += 1;
          return { ...preview, token: `token-${previews}` };
        },
        applyFixes: () => {
          throw new RpcError(FIX_CHANGED, message);
        },
      });
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      expect(h.shownErrors).toEqual([]);
      expect(h.flow.state.fixChanged).toEqual(message);
      expect(h.flow.state.preview).toBeNull();
      expect(h.flow.takeFocus()).toBe('fixChanged');
      await h.flow.previewFixes();
      expect(h.flow.state.fixChanged).toBeNull();
      expect(h.flow.state.preview?.token).toBe('token-2');
    });

    it('leaves the preview on screen when applying fails for another reason', async () => {
      const h = harness({
        previewFixes: () => preview,
        applyFixes: () => {
          throw new RpcError('lock.busy', { ja: '使用中', en: 'busy' });
        },
      });
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      expect(h.shownErrors).toEqual(['lock.busy']);
      expect(h.flow.state.preview).toBe(preview);
      expect(h.flow.state.fixChanged).toBeNull();
    });

    it('closes the preview on キャンセル without calling the server', async () => {
      const h = harness({ previewFixes: () => preview });
      await h.flow.previewFixes();
      h.flow.cancelPreview();
      expect(h.flow.state.preview).toBeNull();
      expect(h.names()).toEqual(['previewFixes']);
    });
  });

  describe('undo', () => {
    it('loads what can be undone once, in the background', async () => {
      const h = harness({ getUndoInfo: () => fixesUndo });
      await h.flow.loadUndoInfo();
      await h.flow.loadUndoInfo();
      expect(h.names()).toEqual(['getUndoInfo']);
      expect(h.flow.undo.info).toEqual(fixesUndo);
    });

    it('shows no error when the background load fails', async () => {
      const h = harness({
        getUndoInfo: () => {
          throw new RpcError('transport', { ja: 'x', en: 'x' });
        },
      });
      await h.flow.loadUndoInfo();
      expect(h.shownErrors).toEqual([]);
      expect(h.flow.undo.info).toBeNull();
    });

    it('lets a newer answer win over a background load that comes back later', async () => {
      let answerUndoInfo: (info: UndoInfo | null) => void = () => undefined;
      const h = harness({
        getUndoInfo: () => new Promise<UndoInfo | null>((resolve) => (answerUndoInfo = resolve)),
        previewFixes: () => preview,
        applyFixes: () => ({ applied: 2, sheets: [], undo: fixesUndo }),
      });
      const loading = h.flow.loadUndoInfo();
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      answerUndoInfo(null);
      await loading;
      expect(h.flow.undo.info).toEqual(fixesUndo);
    });

    it('asks first, undoes, takes the next undo offer and re-runs the list that was shown', async () => {
      const earlier: UndoInfo = { label: { ja: 'マッチングの確定', en: 'matching' }, at: '2025-01-09T00:00:00.000Z' };
      const h = harness({
        runValidation: () => validation(2, fixesUndo),
        undoLast: () => ({ label: fixesUndo.label, cells: 2, undo: earlier }),
      });
      await h.flow.requestRun();
      await h.flow.accept();
      h.flow.requestUndo();
      expect(h.flow.state.pending).toBe('undo');
      expect(h.names()).toEqual(['runValidation']);
      await h.flow.accept();
      expect(h.names()).toEqual(['runValidation', 'undoLast', 'runValidation']);
      expect(h.flow.state.notice).toEqual({ kind: 'undone', label: fixesUndo.label, cells: 2 });
      // The re-run's answer (fixesUndo here) is the latest word on what can be undone.
      expect(h.flow.undo.info).toEqual(fixesUndo);
    });

    it('takes the undo offer of the undo answer when no list is shown', async () => {
      const h = harness({
        getUndoInfo: () => fixesUndo,
        undoLast: () => ({ label: fixesUndo.label, cells: 2, undo: null }),
      });
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      await h.flow.accept();
      expect(h.names()).toEqual(['getUndoInfo', 'undoLast']);
      expect(h.flow.undo.info).toBeNull();
    });

    it('asks the server again what can be undone when the undo is refused', async () => {
      let offer: UndoInfo | null = fixesUndo;
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

    it('erases the history only after staff confirm, and then offers nothing to undo', async () => {
      const h = harness({ runValidation: () => validation(0, fixesUndo), eraseHistory: () => ({ erased: 3 }) });
      await h.flow.requestRun();
      await h.flow.accept();
      h.flow.requestErase();
      expect(h.flow.state.pending).toBe('erase');
      expect(h.names()).toEqual(['runValidation']);
      h.flow.cancel();
      expect(h.flow.takeFocus()).toBe('erase');
      h.flow.requestErase();
      await h.flow.accept();
      expect(h.names()).toEqual(['runValidation', 'eraseHistory']);
      expect(h.flow.undo.info).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'erased', actions: 3 });
    });

    it('offers nothing to confirm when there is nothing to undo', () => {
      const h = harness({});
      h.flow.requestUndo();
      expect(h.flow.state.pending).toBeNull();
    });
  });

  describe('selectCell', () => {
    it('asks Sheets to select the cell of an issue, and skips an issue without a cell', async () => {
      const h = harness({ selectCell: () => null });
      await h.flow.selectCell({ sheet: 'ボランティア名簿', row: 5, column: 2 });
      await h.flow.selectCell(null);
      expect(h.calls).toEqual([['selectCell', 'ボランティア名簿', 5, 2]]);
    });
  });

  it('clears the last outcome when a new action starts', async () => {
    const h = harness({ clearHighlights: () => ({ restored: 1, notesKept: 0 }), previewFixes: () => preview });
    await h.flow.clearHighlights();
    await h.flow.previewFixes();
    expect(h.flow.state.notice).toBeNull();
    expect(h.renders()).toBeGreaterThan(0);
  });
});
