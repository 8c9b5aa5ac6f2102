import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { FixPreview, FixResult, RpcName, UndoInfo, ValidationView } from '../../src/shared/rpc';
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

  describe('a 検証 in parts', () => {
    const group = (sheet: string, code: string, n: number, severity: 'error' | 'warning' = 'warning') => ({
      sheet,
      code,
      severity,
      title: { ja: code, en: code },
      total: n,
      issues: Array.from({ length: Math.min(n, 50) }, (_, i) => ({
        sheet,
        row: i + 2,
        column: '電話番号',
        columnNumber: 10,
        cell: `J${i + 2}`,
        code,
        severity,
        message: { ja: code, en: code },
        value: '',
        suggestion: null,
        fixable: false,
      })),
    });
    const part = (done: number, groups: ReturnType<typeof group>[], errors: number): ValidationView => ({
      ...validation(errors),
      groups,
      highlighted: 0,
      running: done < 3 ? { runId: 'V20261126120000000', done, total: 3 } : null,
    });

    it('asks for each part in turn and adds the parts up', async () => {
      const answers = [
        part(1, [group('名簿', 'phone.format', 40)], 1),
        part(2, [group('名簿', 'phone.format', 30, 'error'), group('寄付台帳', 'amount.text', 5)], 3),
        { ...part(3, [], 3), highlighted: 12 },
      ];
      const h = harness({
        runValidation: () => part(0, [], 0),
        continueValidation: () => answers.shift(),
      });
      const flow = h.flow;
      await flow.requestRun();
      await flow.accept();
      expect(h.calls).toEqual([
        ['runValidation'],
        ['continueValidation', 'V20261126120000000'],
        ['continueValidation', 'V20261126120000000'],
        ['continueValidation', 'V20261126120000000'],
      ]);
      const view = flow.state.validation;
      expect(view?.running).toBeNull();
      expect(view?.highlighted).toBe(12);
      expect(view?.counts.errors).toBe(3);
      expect(view?.groups.map((g) => [g.sheet, g.code, g.total, g.severity, g.issues.length])).toEqual([
        ['名簿', 'phone.format', 70, 'error', 50],
        ['寄付台帳', 'amount.text', 5, 'warning', 5],
      ]);
      expect(flow.state.progress).toBeNull();
    });

    it('shows the progress while a part is under way', async () => {
      const progress: Array<number | null> = [];
      const answers = [part(1, [], 0), part(2, [], 0), part(3, [], 0)];
      const fake = fakeServer({
        runValidation: () => part(0, [], 0),
        continueValidation: () => answers.shift(),
      });
      const flow: ValidateFlow = new ValidateFlow(fake.server, fake.run, () =>
        progress.push(flow.state.progress?.done ?? null),
      );
      await flow.requestRun();
      await flow.accept();
      expect(progress.filter((p) => p !== null)).toEqual([0, 1, 2]);
      expect(progress[progress.length - 1]).toBeNull();
    });

    it('waits after a part fails; 続ける runs that part again and the run goes on to the end', async () => {
      let failNext = true;
      const answers = [part(2, [group('名簿', 'phone.format', 2)], 1), { ...part(3, [], 1), highlighted: 2 }];
      const h = harness({
        runValidation: () => part(0, [group('名簿', 'phone.format', 1)], 0),
        continueValidation: () => {
          if (failNext) {
            failNext = false;
            throw new RpcError('write.failed', { ja: '書き込めませんでした', en: 'could not write' });
          }
          return answers.shift();
        },
      });
      await h.flow.requestRun();
      await h.flow.accept();
      expect(h.shownErrors).toEqual(['write.failed']);
      expect(h.flow.state.partFailed).toBe(true);
      expect(h.flow.state.progress?.done).toBe(0);
      expect(h.flow.state.validation).toBeNull();
      await h.flow.resumeRun();
      expect(h.names()).toEqual(['runValidation', 'continueValidation', 'continueValidation', 'continueValidation']);
      expect(h.flow.state.partFailed).toBe(false);
      expect(h.flow.state.progress).toBeNull();
      expect(h.flow.state.validation?.groups[0]?.total).toBe(3);
      expect(h.flow.state.validation?.highlighted).toBe(2);
    });

    it('stops at once when staff press 中止 after a part failed', async () => {
      const h = harness({
        runValidation: () => part(0, [], 0),
        continueValidation: () => {
          throw new RpcError('write.failed', { ja: '書き込めませんでした', en: 'could not write' });
        },
        cancelValidation: () => ({ cancelled: true }),
      });
      await h.flow.requestRun();
      await h.flow.accept();
      h.flow.stopRun();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(h.names()).toEqual(['runValidation', 'continueValidation', 'cancelValidation']);
      expect(h.flow.state.notice).toEqual({ kind: 'stopped' });
    });

    it('stops after the part under way when staff press 中止, and says nothing in the sheets changed', async () => {
      let flow: ValidateFlow | null = null;
      const h = harness({
        runValidation: () => part(0, [], 0),
        continueValidation: () => {
          flow?.stopRun();
          return part(1, [group('名簿', 'phone.format', 3)], 0);
        },
        cancelValidation: () => ({ cancelled: true }),
      });
      flow = h.flow;
      await h.flow.requestRun();
      await h.flow.accept();
      expect(h.names()).toEqual(['runValidation', 'continueValidation', 'cancelValidation']);
      expect(h.flow.state.progress).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'stopped' });
      expect(h.flow.state.validation).toBeNull();
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

  describe('fixes in parts (a large workbook)', () => {
    const runUndo = (parts: number): UndoInfo => ({
      label: { ja: `安全な修正（${parts}回に分けて適用した分）`, en: `safe fixes (applied in ${parts} parts)` },
      at: '2025-01-10T01:00:00.000Z',
      run: 'F20250110010000000',
      parts,
    });
    const fixPart = (done: number, total: number, applied: number, undo: UndoInfo | null = null): FixResult => ({
      applied,
      skipped: 0,
      sheets: ['活動記録'],
      undo,
      running: done < total ? { runId: 'F20250110010000000', done, total } : null,
    });

    it('asks for each part in turn, showing how far it is, and says how many cells were fixed', async () => {
      const progress: Array<number | null> = [];
      const answers = [fixPart(1, 2, 30, runUndo(1)), { ...fixPart(2, 2, 55, runUndo(2)), skipped: 1 }];
      let flow: ValidateFlow | null = null;
      const h = harness({
        previewFixes: () => ({ ...preview, checkedWhenApplied: true }),
        applyFixes: () => fixPart(0, 2, 0),
        continueFixes: () => {
          progress.push(flow?.state.progress?.done ?? null);
          return answers.shift();
        },
      });
      flow = h.flow;
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      expect(h.calls).toEqual([
        ['previewFixes'],
        ['applyFixes', 'token-1'],
        ['continueFixes', 'F20250110010000000'],
        ['continueFixes', 'F20250110010000000'],
      ]);
      expect(progress).toEqual([0, 1]);
      expect(h.flow.state.progress).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'fixed', applied: 55, skipped: 1 });
      expect(h.flow.undo.info?.run).toBe('F20250110010000000');
    });

    it('waits after a part fails; 続ける runs that part again', async () => {
      let failNext = true;
      const h = harness({
        previewFixes: () => preview,
        applyFixes: () => fixPart(0, 2, 0),
        continueFixes: () => {
          if (failNext) {
            failNext = false;
            throw new RpcError('write.failed', { ja: '書き込めませんでした', en: 'could not write' });
          }
          return fixPart(2, 2, 10, runUndo(2));
        },
      });
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      expect(h.flow.state.partFailed).toBe(true);
      expect(h.flow.state.progressKind).toBe('fix');
      await h.flow.resumeRun();
      expect(h.names()).toEqual(['previewFixes', 'applyFixes', 'continueFixes', 'continueFixes']);
      expect(h.flow.state.notice).toEqual({ kind: 'fixed', applied: 10, skipped: 0 });
    });

    it('on 中止 stops after the part under way and takes back the parts applied, part by part', async () => {
      let flow: ValidateFlow | null = null;
      const undos = [runUndo(1), null];
      const h = harness({
        previewFixes: () => preview,
        applyFixes: () => fixPart(0, 3, 0),
        continueFixes: () => {
          flow?.stopRun();
          return fixPart(2 - undos.length + 1, 3, 12, runUndo(2));
        },
        cancelFixes: () => ({ cancelled: true, applied: 12 }),
        undoLast: () => ({ label: { ja: '安全な修正', en: 'safe fixes' }, cells: 6, undo: undos.shift() ?? null }),
      });
      flow = h.flow;
      await h.flow.previewFixes();
      await h.flow.applyFixes();
      expect(h.names()).toEqual(['previewFixes', 'applyFixes', 'continueFixes', 'cancelFixes', 'undoLast', 'undoLast']);
      expect(h.flow.state.progress).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'fixStopped', undone: 12 });
      expect(h.flow.undo.info).toBeNull();
    });

    it('元に戻す of fixes made in parts takes back every part, showing how far it is', async () => {
      const shown: Array<[string, number | undefined]> = [];
      let flow: ValidateFlow | null = null;
      const undos = [runUndo(2), runUndo(1), fixesUndo];
      const h = harness({
        getUndoInfo: () => runUndo(3),
        undoLast: () => {
          shown.push([flow?.state.progressKind ?? '', flow?.state.progress?.done]);
          return { label: { ja: '安全な修正（1/3）', en: 'part' }, cells: 4, undo: undos.shift() ?? null };
        },
      });
      flow = h.flow;
      await h.flow.loadUndoInfo();
      h.flow.requestUndo();
      await h.flow.accept();
      expect(h.names()).toEqual(['getUndoInfo', 'undoLast', 'undoLast', 'undoLast']);
      expect(shown.slice(1)).toEqual([
        ['undo', 1],
        ['undo', 2],
      ]);
      expect(h.flow.state.progress).toBeNull();
      expect(h.flow.state.notice).toEqual({ kind: 'undone', label: runUndo(3).label, cells: 12 });
      expect(h.flow.undo.info).toEqual(fixesUndo);
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
