import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { RpcName, SummaryView } from '../../src/shared/rpc';
import { RpcError } from '../../src/ui/rpc-client';
import { DEFINITIONS_REFUSED, SummaryFlow } from '../../src/ui/summary-flow';
import { formatFigure, goalOpen, gradeCountsText, lineText, writtenText } from '../../src/ui/summary-model';
import { fakeServer, type Handler } from './fake-server';

function view(): SummaryView {
  return {
    resultSheet: '指標サマリー',
    fy: 2025,
    fyLabel: '令和7年度',
    years: [2024, 2025, 2026],
    threshold: 10,
    indicators: 3,
    grades: { A: 1, B: 0, C: 0, D: 1, none: 1 },
    gradeLabels: { A: '目標達成', B: '概ね達成', C: '基準値より改善だが80%未満', D: '基準値より悪化' },
    suppressedCells: 4,
    goals: [
      {
        goal: 1,
        title: '誰もがつながり・集い・地域の力になる',
        indicators: [
          {
            id: 'G1-1',
            name: '活動したボランティア',
            unit: '人',
            value: 1234,
            shown: '1234',
            target: 1200,
            rate: 102.8,
            grade: 'A',
            drift: null,
          },
          {
            id: 'G1-2',
            name: '新規登録',
            unit: '人',
            value: null,
            shown: '＊',
            target: 30,
            rate: null,
            grade: null,
            drift: null,
          },
        ],
      },
      {
        goal: 2,
        title: '地域みんなで発見・なんでも受け止め・解決する',
        indicators: [
          {
            id: 'G2-1',
            name: '相談件数',
            unit: '件',
            value: 80,
            shown: '80',
            target: 120,
            rate: 66.7,
            grade: 'D',
            drift: null,
          },
        ],
      },
    ],
    notices: [],
    notes: [],
    footnote: { ja: '＊は10未満', en: '＊ below 10' },
    updatedAt: '2026-11-26 12:00',
    closed: [],
    closable: [{ fy: 2025, label: '令和7年度' }],
  };
}

/** How far a run is, as the server words it. */
function progressOf(runId: string, done: number, total: number): NonNullable<SummaryView['running']> {
  return {
    runId,
    done,
    total,
    message: { ja: `集計中です（${done} / ${total}）`, en: `Counting (${done} of ${total})` },
  };
}

function harness(handlers: Partial<Record<RpcName, Handler>>) {
  const fake = fakeServer(handlers);
  let renders = 0;
  const flow = new SummaryFlow(fake.server, fake.run, () => {
    renders += 1;
  });
  return { ...fake, flow, renders: () => renders };
}

describe('SummaryFlow', () => {
  it('asks before the first run of the session, runs after 実行, and not again after that', async () => {
    const h = harness({ runSummary: () => view() });
    await h.flow.requestRun();
    expect(h.flow.state.pending).toBe('run');
    expect(h.calls).toEqual([]);
    await h.flow.accept();
    expect(h.names()).toEqual(['runSummary']);
    expect(h.flow.state.view?.indicators).toBe(3);
    expect(h.flow.takeFocus()).toBe('result');
    await h.flow.requestRun();
    expect(h.names()).toEqual(['runSummary', 'runSummary']);
  });

  it('キャンセル runs nothing and gives the focus back to the button', async () => {
    const h = harness({ runSummary: () => view() });
    await h.flow.requestRun();
    h.flow.cancel();
    expect(h.calls).toEqual([]);
    expect(h.flow.takeFocus()).toBe('run');
  });

  it('指標定義 with errors is shown in the section with its rows, not in the error area; the next run clears it', async () => {
    let fail = true;
    const h = harness({
      runSummary: () => {
        if (fail)
          throw new RpcError(DEFINITIONS_REFUSED, {
            ja: '指標定義に1件の誤りがあるため…\n・指標定義 4行目 条件: …',
            en: 'has 1 error',
          });
        return view();
      },
    });
    await h.flow.runConfirmedElsewhere();
    expect(h.flow.state.refused?.ja).toMatch(/4行目/);
    expect(h.shownErrors).toEqual([]);
    expect(h.flow.takeFocus()).toBe('refused');
    fail = false;
    await h.flow.requestRun();
    expect(h.flow.state.refused).toBeNull();
    expect(h.flow.state.view).not.toBeNull();
  });

  it('any other failure goes to the shell and keeps the last result', async () => {
    let n = 0;
    const h = harness({
      runSummary: () => {
        n += 1;
        if (n === 2) throw new RpcError('write.failed', { ja: '書き込めませんでした', en: 'could not write' });
        return view();
      },
    });
    await h.flow.runConfirmedElsewhere();
    await h.flow.requestRun();
    expect(h.shownErrors).toEqual(['write.failed']);
    expect(h.flow.state.view?.resultSheet).toBe('指標サマリー');
  });
});

describe('summary words', () => {
  it('counts grades of the 年度 shown, in both languages', () => {
    expect(gradeCountsText(view(), 'ja')).toBe('令和7年度の評価: A 目標達成 1件・D 基準値より悪化 1件・評価なし 1件');
    expect(gradeCountsText(view(), 'en')).toBe('Grades for FY2025: A (目標達成) 1, D (基準値より悪化) 1, no grade 1');
    expect(writtenText(view(), 'ja')).toMatch(
      /「指標サマリー」シートを更新しました（指標3件、3年度分）。10未満.+4セルを＊/,
    );
  });

  it('an indicator line: figure with its unit, target and rate; ＊ when hidden', () => {
    const [a, hidden] = view().goals[0]?.indicators ?? [];
    expect(lineText(a!, 'ja')).toEqual({
      title: 'G1-1 活動したボランティア',
      figures: '実績 1,234人 ／ 目標 1,200人（達成率 102.8%）',
      grade: 'A',
    });
    expect(lineText(hidden!, 'ja').figures).toBe('実績 ＊ ／ 目標 30人');
    expect(lineText(a!, 'en').figures).toBe('actual 1,234人 / target 1,200人 (102.8% of target)');
    expect(formatFigure(-1234.56)).toBe('-1,234.6');
  });

  it('a goal with a D opens by itself; staff choice wins', () => {
    const [g1, g2] = view().goals;
    expect(goalOpen(g1!, 2, new Map())).toBe(false);
    expect(goalOpen(g2!, 2, new Map())).toBe(true);
    expect(goalOpen(g2!, 2, new Map([[2, false]]))).toBe(false);
  });
});

describe('SummaryFlow: 年度確定', () => {
  function closedView(): SummaryView {
    return {
      ...view(),
      closed: [{ fy: 2025, label: '令和7年度', closedAt: '2026-11-26 12:00' }],
      closable: [{ fy: 2024, label: '令和6年度' }],
    };
  }

  it('closes the 年度 shown by default, asked first with its name, and shows the summary it gives back', async () => {
    const h = harness({ runSummary: () => view(), closeFiscalYear: () => closedView() });
    await h.flow.runConfirmedElsewhere();
    expect(h.flow.yearToClose()?.fy).toBe(2025);
    h.flow.requestClose();
    expect(h.flow.state.pending).toBe('close');
    expect(h.flow.takeFocus()).toBe('confirm');
    expect(h.names()).toEqual(['runSummary']);
    await h.flow.accept();
    expect(h.calls[1]).toEqual(['closeFiscalYear', 2025]);
    expect(h.flow.state.view?.closed.map((c) => c.fy)).toEqual([2025]);
    expect(h.flow.state.notice).toEqual({ kind: 'closed', fy: 2025, label: '令和7年度' });
    expect(h.flow.takeFocus()).toBe('notice');
  });

  it('closes the 年度 chosen in the chooser; キャンセル closes nothing and gives the focus back', async () => {
    const h = harness({
      runSummary: () => ({ ...view(), closable: [...view().closable, { fy: 2026, label: '令和8年度' }] }),
      closeFiscalYear: () => closedView(),
    });
    await h.flow.runConfirmedElsewhere();
    h.flow.chooseYear(2026);
    h.flow.requestClose();
    h.flow.cancel();
    expect(h.flow.takeFocus()).toBe('close');
    expect(h.names()).toEqual(['runSummary']);
    h.flow.requestClose();
    await h.flow.accept();
    expect(h.calls[1]).toEqual(['closeFiscalYear', 2026]);
  });

  it('確定を取り消す asks naming the 年度, then re-opens it; a failure goes to the shell and keeps the view', async () => {
    let fail = true;
    const h = harness({
      runSummary: () => closedView(),
      reopenFiscalYear: () => {
        if (fail) throw new RpcError('write.failed', { ja: '書き込めませんでした', en: 'could not write' });
        return view();
      },
    });
    await h.flow.runConfirmedElsewhere();
    h.flow.requestReopen(2024);
    expect(h.flow.state.pending, 'a 年度 that is not closed').toBeNull();
    h.flow.requestReopen(2025);
    expect(h.flow.state.pending).toBe('reopen');
    await h.flow.accept();
    expect(h.shownErrors).toEqual(['write.failed']);
    expect(h.flow.state.view?.closed.length).toBe(1);
    expect(h.flow.takeFocus()).toBe('reopen');
    fail = false;
    h.flow.requestReopen(2025);
    await h.flow.accept();
    expect(h.calls.filter((c) => c[0] === 'reopenFiscalYear')).toEqual([
      ['reopenFiscalYear', 2025],
      ['reopenFiscalYear', 2025],
    ]);
    expect(h.flow.state.view?.closed).toEqual([]);
    expect(h.flow.state.notice?.kind).toBe('reopened');
  });
});

describe('SummaryFlow: the report dialog', () => {
  it('opens the report of the 年度 shown, or the server’s default before a run; nothing is asked', async () => {
    const h = harness({
      runSummary: () => view(),
      openSummaryReport: () => ({ fy: 2025, title: '報告書', running: null }),
    });
    await h.flow.openReport();
    await h.flow.runConfirmedElsewhere();
    await h.flow.openReport();
    expect(h.calls).toEqual([['openSummaryReport', null], ['runSummary'], ['openSummaryReport', 2025]]);
    expect(h.flow.state.pending).toBeNull();
  });
});

describe('SummaryFlow: a summary in parts', () => {
  const RUN = 'S20261126120000000';
  const running = (done: number): SummaryView => ({ ...view(), goals: [], running: progressOf(RUN, done, 3) });

  it('asks for each part in turn, shows how far it is, and shows the summary the last part wrote', async () => {
    const answers = [running(1), running(2), view()];
    const progress: Array<number | null> = [];
    const fake = fakeServer({ runSummary: () => running(0), continueSummary: () => answers.shift() });
    const flow: SummaryFlow = new SummaryFlow(fake.server, fake.run, () =>
      progress.push(flow.state.progress?.done ?? null),
    );
    await flow.requestRun();
    await flow.accept();
    expect(fake.calls).toEqual([
      ['runSummary'],
      ['continueSummary', RUN],
      ['continueSummary', RUN],
      ['continueSummary', RUN],
    ]);
    expect(progress.filter((p) => p !== null)).toEqual([0, 1, 2]);
    expect(flow.state.progress).toBeNull();
    expect(flow.state.view?.indicators).toBe(3);
    expect(flow.takeFocus()).toBe('result');
  });

  it('waits after a part fails; 続ける runs that part again and the run goes on to the end', async () => {
    let failNext = true;
    const answers = [running(2), view()];
    const h = harness({
      runSummary: () => running(0),
      continueSummary: () => {
        if (failNext) {
          failNext = false;
          throw new RpcError('write.failed', { ja: '保存できませんでした', en: 'could not save' });
        }
        return answers.shift();
      },
    });
    await h.flow.requestRun();
    await h.flow.accept();
    expect(h.shownErrors).toEqual(['write.failed']);
    expect(h.flow.state.partFailed).toBe(true);
    expect(h.flow.state.progress?.done).toBe(0);
    expect(h.flow.state.view).toBeNull();
    await h.flow.resumeRun();
    expect(h.names()).toEqual(['runSummary', 'continueSummary', 'continueSummary', 'continueSummary']);
    expect(h.flow.state.partFailed).toBe(false);
    expect(h.flow.state.progress).toBeNull();
    expect(h.flow.state.view?.indicators).toBe(3);
  });

  it('中止 stops after the part under way (at once after a failed part), and says the sheet was not changed', async () => {
    let h = harness({
      runSummary: () => running(0),
      continueSummary: () => {
        h.flow.stopRun();
        return running(1);
      },
      cancelSummary: () => ({ cancelled: true, message: { ja: '中止しました', en: 'stopped' } }),
    });
    await h.flow.requestRun();
    await h.flow.accept();
    expect(h.names()).toEqual(['runSummary', 'continueSummary', 'cancelSummary']);
    expect(h.flow.state.progress).toBeNull();
    expect(h.flow.state.notice?.kind).toBe('stopped');
    expect(h.flow.takeFocus()).toBe('stopped');

    h = harness({
      runSummary: () => running(0),
      continueSummary: () => {
        throw new RpcError('write.failed', { ja: '保存できませんでした', en: 'could not save' });
      },
      cancelSummary: () => ({ cancelled: true, message: { ja: '中止しました', en: 'stopped' } }),
    });
    await h.flow.requestRun();
    await h.flow.accept();
    h.flow.stopRun();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.names()).toEqual(['runSummary', 'continueSummary', 'cancelSummary']);
    expect(h.flow.state.partFailed).toBe(false);
    expect(h.flow.state.progress).toBeNull();
  });

  it('指標定義 with errors found by the last part is shown in the section; the run is over', async () => {
    const h = harness({
      runSummary: () => running(2),
      continueSummary: () => {
        throw new RpcError(DEFINITIONS_REFUSED, { ja: '指標定義に1件の誤り\n・4行目', en: 'has 1 error' });
      },
    });
    await h.flow.requestRun();
    await h.flow.accept();
    expect(h.flow.state.refused?.ja).toMatch(/4行目/);
    expect(h.flow.state.progress).toBeNull();
    expect(h.flow.state.partFailed).toBe(false);
  });
});

describe('SummaryFlow: the report of a workbook too large for one call', () => {
  it('counts the parts first (progress, the last opens the dialog) and keeps the section as it was', async () => {
    const RUN = 'S20261126120000000';
    const answers = [
      { ...view(), goals: [], running: progressOf(RUN, 1, 2) },
      { ...view(), goals: [], running: null },
    ];
    const progress: Array<number | null> = [];
    const fake = fakeServer({
      openSummaryReport: () => ({ fy: 0, title: '', running: progressOf(RUN, 0, 2) }),
      continueSummary: () => answers.shift(),
    });
    const flow: SummaryFlow = new SummaryFlow(fake.server, fake.run, () =>
      progress.push(flow.state.progress?.done ?? null),
    );
    await flow.openReport();
    expect(fake.calls).toEqual([
      ['openSummaryReport', null],
      ['continueSummary', RUN],
      ['continueSummary', RUN],
    ]);
    expect(progress.filter((p) => p !== null)).toEqual([0, 1]);
    expect(flow.state.progress).toBeNull();
    expect(flow.state.view, 'the report run writes no summary to show').toBeNull();
  });
});

describe('SummaryFlow: 年度確定 of a workbook too large for one call', () => {
  const RUN = 'S20261126120000000';
  const running = (done: number): SummaryView => ({ ...view(), goals: [], running: progressOf(RUN, done, 3) });
  const closedView = (): SummaryView => ({
    ...view(),
    closed: [{ fy: 2025, label: '令和7年度', closedAt: '2026-11-26 12:00' }],
    closable: [],
  });

  it('counts the parts first, saying the last closes the 年度; then shows the closed summary and what was done', async () => {
    const answers = [running(1), running(2), closedView()];
    const during: number[] = [];
    const fake = fakeServer({
      runSummary: () => view(),
      closeFiscalYear: () => running(0),
      continueSummary: () => answers.shift(),
    });
    const flow: SummaryFlow = new SummaryFlow(fake.server, fake.run, () => {
      if (flow.state.progress) during.push(flow.state.progress.done);
    });
    await flow.runConfirmedElsewhere();
    flow.requestClose();
    await flow.accept();
    expect(fake.calls).toEqual([
      ['runSummary'],
      ['closeFiscalYear', 2025],
      ['continueSummary', RUN],
      ['continueSummary', RUN],
      ['continueSummary', RUN],
    ]);
    expect([...new Set(during)]).toEqual([0, 1, 2]);
    expect(flow.state.progress).toBeNull();
    expect(flow.state.view?.closed.map((c) => c.fy)).toEqual([2025]);
    expect(flow.state.notice).toEqual({ kind: 'closed', fy: 2025, label: '令和7年度' });
    expect(flow.takeFocus()).toBe('notice');
  });

  it('a 年度 closed by someone else while the parts counted: the last part’s refusal is shown, the run is over', async () => {
    const h = harness({
      runSummary: () => view(),
      closeFiscalYear: () => running(2),
      continueSummary: () => {
        throw new RpcError('summary.alreadyClosed', { ja: '令和7年度はすでに確定しています。', en: 'closed already' });
      },
    });
    await h.flow.runConfirmedElsewhere();
    h.flow.requestClose();
    await h.flow.accept();
    expect(h.flow.state.refused?.ja).toBe('令和7年度はすでに確定しています。');
    expect(h.shownErrors).toEqual([]);
    expect(h.flow.state.progress).toBeNull();
    expect(h.flow.state.partFailed).toBe(false);
    expect(h.flow.state.notice).toBeNull();
  });

  it('中止 during 確定を取り消す says which 年度 was left as it was; the summary shown stays', async () => {
    const h = harness({
      runSummary: () => closedView(),
      reopenFiscalYear: () => running(0),
      continueSummary: () => {
        h.flow.stopRun();
        return running(1);
      },
      cancelSummary: () => ({
        cancelled: true,
        message: { ja: '令和7年度の確定の取り消しを中止しました。', en: 'stopped' },
      }),
    });
    await h.flow.runConfirmedElsewhere();
    h.flow.requestReopen(2025);
    await h.flow.accept();
    expect(h.names()).toEqual(['runSummary', 'reopenFiscalYear', 'continueSummary', 'cancelSummary']);
    expect(h.flow.state.notice).toEqual({
      kind: 'stopped',
      fy: 2025,
      label: '令和7年度',
      message: { ja: '令和7年度の確定の取り消しを中止しました。', en: 'stopped' },
    });
    expect(
      h.flow.state.view?.closed.map((c) => c.fy),
      'still closed',
    ).toEqual([2025]);
    expect(h.flow.takeFocus()).toBe('stopped');
  });
});
