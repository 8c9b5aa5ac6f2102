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

/** What the last 年度確定 / 確定を取り消す did, or that a summary in parts was stopped. */
export interface ClosingNotice {
  kind: 'closed' | 'reopened' | 'stopped';
  fy: number;
  label: string;
}

/** Server answer code: 指標定義 has errors, so nothing was written. */
export const DEFINITIONS_REFUSED = 'summary.definitions';

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
      const outcome = await this.refusable(DEFINITIONS_REFUSED, () => this.server('continueSummary', running.runId));
      if (outcome?.kind === 'refused') {
        // 指標定義 with errors at the last part: the run has ended, nothing was written.
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
    this.state.view = view;
    this.state.focus = 'result';
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
    await this.run(() => this.server('cancelSummary', runId));
    this.state.progress = null;
    this.state.stopRequested = false;
    this.state.partFailed = false;
    this.state.notice = { kind: 'stopped', fy: 0, label: '' };
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

  /** Step 2 of either: runs it (under the shell's progress), then shows the summary as it is now. */
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
    const view = await this.run(() =>
      pending === 'close' ? this.server('closeFiscalYear', target.fy) : this.server('reopenFiscalYear', target.fy),
    );
    if (view) {
      this.state.view = view;
      this.state.notice = { kind: pending === 'close' ? 'closed' : 'reopened', fy: target.fy, label: target.label };
      this.state.closeYear = null;
      this.state.reopenYear = null;
      this.state.focus = 'notice';
    } else {
      this.state.focus = pending;
    }
    this.changed();
  }

  protected override declined(pending: SummaryPending): SummaryFocus {
    return pending;
  }

  /**
   * 報告書を開く: the leadership report in a print dialog over the spreadsheet (writes nothing, so
   * nothing is asked): the 年度 the section shows, else the server's default (the last completed).
   */
  async openReport(): Promise<void> {
    await this.run(() => this.server('openSummaryReport', this.state.view?.fy ?? null));
  }

  /** Staff opened or closed a goal; kept so a re-render keeps it that way. */
  toggleGoal(goal: number, open: boolean): void {
    this.state.openGoals.set(goal, open);
  }
}
