/**
 * SummaryFlow: the 指標サマリー section's state and what its button does with the server (confirm →
 * run → result, SectionFlow), apart from the DOM so it can be tested in Node. 指標定義 with errors
 * is refused with the rows and columns to fix, shown in the section.
 */
import type { Message, SummaryView } from '../shared/rpc';
import { SectionFlow } from './section-flow';

/** What the section focuses after a change, by meaning. */
export type SummaryFocus = 'run' | 'confirm' | 'notice' | 'result' | 'refused' | 'undo' | 'close' | 'reopen';

/** The section's own confirmations: 年度確定 and 確定を取り消す. */
export type SummaryPending = 'close' | 'reopen';

/** What the last 年度確定 / 確定を取り消す did. */
export interface ClosingNotice {
  kind: 'closed' | 'reopened';
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
  };

  /** 指標サマリーを更新 (asked first the first time in a session). */
  protected async runNow(): Promise<void> {
    this.startAction();
    const outcome = await this.refusable(DEFINITIONS_REFUSED, () => this.server('runSummary'));
    if (outcome?.kind === 'done') {
      this.state.view = outcome.value;
      this.state.focus = 'result';
    } else if (outcome?.kind === 'refused') {
      this.state.refused = outcome.message;
      this.state.focus = 'refused';
    }
    this.changed();
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
