/**
 * SummaryFlow: the 指標サマリー section's state and what its button does with the server (confirm →
 * run → result, SectionFlow), apart from the DOM so it can be tested in Node. 指標定義 with errors
 * is refused with the rows and columns to fix, shown in the section.
 */
import type { Message, SummaryProgress, SummaryView } from '../shared/rpc';
import { SectionFlow } from './section-flow';

/** What the section focuses after a change, by meaning. */
export type SummaryFocus =
  'run' | 'confirm' | 'notice' | 'result' | 'refused' | 'undo' | 'close' | 'reopen' | 'stopped';

/** The section's own confirmations: 年度確定 and 確定を取り消す. */
export type SummaryPending = 'close' | 'reopen';

/** What the last 年度確定 / 確定を取り消す did, or that a run in parts was stopped. */
export interface ClosingNotice {
  kind: 'closed' | 'reopened' | 'stopped';
  fy: number;
  label: string;
  /** A stopped run: what was stopped, and that nothing was changed (worded by the server). */
  message?: Message;
}

/** What the run in parts under way does when its last part is done, besides counting. */
type Ending = { type: 'report' } | { type: 'close' | 'reopen'; fy: number; label: string } | null;

/** Server answer code: 指標定義 has errors, so nothing was written. */
export const DEFINITIONS_REFUSED = 'summary.definitions';

/**
 * Answers of a run's last part that end the run with nothing written: 指標定義 with errors, or a
 * 年度 closed (or re-opened) by someone else while the run counted (summary.ts CLOSING_REFUSALS).
 */
const RUN_REFUSALS = [DEFINITIONS_REFUSED, 'summary.alreadyClosed', 'summary.notClosed', 'summary.closeYear'];

export interface SummaryState {
  runConfirmed: boolean;
  pending: SummaryPending | 'run' | 'undo' | null;
  /** The last runSummary answer; null until staff run it in this session. */
  view: SummaryView | null;
  /** 指標定義 has errors: the server's message (each row and column named); nothing was written. */
  refused: Message | null;
  notice: ClosingNotice | null;
  /** The 年度 chosen to close (the chooser); null: the first one that may be closed. */
  closeYear: number | null;
  /** The closed 年度 whose 確定を取り消す is being asked. */
  reopenYear: number | null;
  /** Goals staff opened or closed, by number. */
  openGoals: Map<number, boolean>;
  focus: SummaryFocus | null;
  /** A summary in parts under way: how far it is (the sidebar asks for each part in turn). */
  progress: SummaryProgress | null;
  /** Staff pressed 中止: the run stops after the part under way. */
  stopRequested: boolean;
  /** A part failed: the run waits where it was for 続ける or 中止. */
  partFailed: boolean;
}

export class SummaryFlow extends SectionFlow<SummaryPending, SummaryFocus, ClosingNotice> {
  readonly state: SummaryState = {
    runConfirmed: false,
    pending: null,
    view: null,
    refused: null,
    notice: null,
    closeYear: null,
    reopenYear: null,
    openGoals: new Map(),
    focus: null,
    progress: null,
    stopRequested: false,
    partFailed: false,
  };

  /**
   * 指標サマリーを更新 (asked first the first time in a session). A workbook too large for one
   * Apps Script call is counted in parts: the server answers each with how far it is and the
   * sidebar asks for the next, until the last part writes the sheet. 中止 stops it after the part
   * under way; 指標サマリー has not changed by then.
   */
  protected async runNow(): Promise<void> {
    this.startAction();
    this.ending = null;
    this.state.stopRequested = false;
    this.state.partFailed = false;
    const outcome = await this.refusable(DEFINITIONS_REFUSED, () => this.server('runSummary'));
    if (outcome?.kind === 'done') await this.drive(outcome.value);
    else {
      if (outcome?.kind === 'refused') {
        this.state.refused = outcome.message;
        this.state.focus = 'refused';
      }
      this.changed();
    }
  }

  /**
   * The run under way opens the report when it ends (報告書を開く) rather than writing the sheet,
   * or closes (re-opens) a 年度 with it (年度確定, 確定を取り消す).
   */
  private ending: Ending = null;

  /** The parts still to come, one after another; a failed part waits for 続ける or 中止. */
  private async drive(first: SummaryView): Promise<void> {
    let view = first;
    while (view.running) {
      const running = view.running;
      this.state.progress = running;
      this.changed();
      if (this.state.stopRequested) {
        await this.stop(running.runId);
        return;
      }
      const outcome = await this.refusable(RUN_REFUSALS, () => this.server('continueSummary', running.runId));
      if (outcome?.kind === 'refused') {
        // 指標定義 with errors at the last part, or a 年度 closed (re-opened) by someone else meanwhile:
        // the run has ended, nothing was written.
        this.ending = null;
        this.state.progress = null;
        this.state.refused = outcome.message;
        this.state.focus = 'refused';
        this.changed();
        return;
      }
      if (outcome?.kind !== 'done') {
        // The server keeps the run where it was (or, when it could not go on, says why): the same part can run again.
        this.state.partFailed = true;
        this.changed();
        return;
      }
      view = outcome.value;
    }
    this.state.progress = null;
    const ending = this.ending;
    this.ending = null;
    if (ending?.type === 'report') {
      // The dialog is open; the section shows what it showed before.
      this.changed();
      return;
    }
    if (ending) {
      this.closedWith(view, ending.type, ending);
      return;
    }
    this.state.view = view;
    this.state.focus = 'result';
    this.changed();
  }

  /** 年度確定 / 確定を取り消す done: the summary as it is now, and what was done. */
  private closedWith(view: SummaryView, what: 'close' | 'reopen', target: { fy: number; label: string }): void {
    this.state.view = view;
    this.state.notice = { kind: what === 'close' ? 'closed' : 'reopened', fy: target.fy, label: target.label };
    this.state.closeYear = null;
    this.state.reopenYear = null;
    this.state.focus = 'notice';
    this.changed();
  }

  /** 中止: the run stops after the part under way (at once when a part failed). */
  stopRun(): void {
    const progress = this.state.progress;
    if (!progress) return;
    if (this.state.partFailed) {
      void this.stop(progress.runId);
      return;
    }
    this.state.stopRequested = true;
    this.changed();
  }

  /** 続ける: runs the part that failed again, and the rest after it. */
  async resumeRun(): Promise<void> {
    const progress = this.state.progress;
    if (!this.state.partFailed || !progress) return;
    this.state.partFailed = false;
    this.startAction();
    await this.drive(this.pendingView(progress));
  }

  private async stop(runId: string): Promise<void> {
    const stopped = await this.run(() => this.server('cancelSummary', runId));
    const ending = this.ending;
    this.ending = null;
    this.state.progress = null;
    this.state.stopRequested = false;
    this.state.partFailed = false;
    const target = ending && ending.type !== 'report' ? ending : { fy: 0, label: '' };
    this.state.notice = stopped
      ? { kind: 'stopped', fy: target.fy, label: target.label, message: stopped.message }
      : null;
    this.state.focus = 'stopped';
    this.changed();
  }

  /** What the sidebar knows of a run between its parts: only where it stands. */
  private pendingView(progress: SummaryProgress): SummaryView {
    return {
      resultSheet: '',
      fy: 0,
      fyLabel: '',
      years: [],
      threshold: 0,
      indicators: 0,
      grades: { A: 0, B: 0, C: 0, D: 0, none: 0 },
      gradeLabels: { A: '', B: '', C: '', D: '' },
      suppressedCells: 0,
      goals: [],
      notices: [],
      notes: [],
      footnote: { ja: '', en: '' },
      updatedAt: '',
      closed: [],
      closable: [],
      running: progress,
    };
  }

  /**
   * The summary keeps no history of its own (it is rewritten whole from the sheets; what staff
   * typed in it is carried over), so 元に戻す of another section leaves what is shown as it was:
   * the figures are those of the last run, which the result says.
   */
  protected refreshList(): Promise<void> {
    return Promise.resolve();
  }

  /** A refusal from the last run no longer applies to a new one. */
  protected override clearOutcome(): void {
    this.state.refused = null;
  }

  /** The 年度 年度確定 would close: the one chosen, else the last that may be closed (the latest completed comes last but one). */
  yearToClose(): { fy: number; label: string } | null {
    const closable = this.state.view?.closable ?? [];
    const chosen = closable.find((c) => c.fy === this.state.closeYear);
    if (chosen) return chosen;
    const current = this.state.view ? closable.find((c) => c.fy === this.state.view?.fy) : undefined;
    return current ?? closable[closable.length - 1] ?? null;
  }

  /** The year chooser changed. */
  chooseYear(fy: number): void {
    this.state.closeYear = fy;
  }

  /** 年度確定, step 1: asks in the sidebar, naming the 年度. */
  requestClose(): void {
    if (!this.yearToClose()) return;
    this.state.reopenYear = null;
    this.ask('close');
  }

  /** 確定を取り消す, step 1: asks in the sidebar, naming the 年度. */
  requestReopen(fy: number): void {
    if (!this.state.view?.closed.some((c) => c.fy === fy)) return;
    this.state.reopenYear = fy;
    this.ask('reopen');
  }

  /**
   * Step 2 of either: runs it (under the shell's progress), then shows the summary as it is now. A
   * workbook too large for one call is counted in parts first, as 指標サマリーを更新 counts it
   * (with 中止 and 続ける); the last part closes (re-opens) the 年度 and writes the summary.
   */
  protected override async accepted(pending: SummaryPending): Promise<void> {
    const target =
      pending === 'close'
        ? this.yearToClose()
        : (this.state.view?.closed.find((c) => c.fy === this.state.reopenYear) ?? null);
    this.startAction();
    if (!target) {
      this.changed();
      return;
    }
    this.state.stopRequested = false;
    this.state.partFailed = false;
    const view = await this.run(() =>
      pending === 'close' ? this.server('closeFiscalYear', target.fy) : this.server('reopenFiscalYear', target.fy),
    );
    if (!view) {
      this.state.focus = pending;
      this.changed();
      return;
    }
    if (view.running) {
      this.ending = { type: pending, fy: target.fy, label: target.label };
      await this.drive(view);
      return;
    }
    this.closedWith(view, pending, target);
  }

  protected override declined(pending: SummaryPending): SummaryFocus {
    return pending;
  }

  /**
   * 報告書を開く: the leadership report in a print dialog over the spreadsheet (writes nothing, so
   * nothing is asked): the 年度 the section shows, else the server's default (the last completed).
   */
  async openReport(): Promise<void> {
    this.state.stopRequested = false;
    this.state.partFailed = false;
    const opened = await this.run(() => this.server('openSummaryReport', this.state.view?.fy ?? null));
    if (!opened?.running) return;
    // A workbook too large for one call: its parts are counted first, and the last opens the dialog.
    this.ending = { type: 'report' };
    await this.drive(this.pendingView(opened.running));
  }

  /** Staff opened or closed a goal; kept so a re-render keeps it that way. */
  toggleGoal(goal: number, open: boolean): void {
    this.state.openGoals.set(goal, open);
  }
}
