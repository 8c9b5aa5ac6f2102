/**
 * SummaryFlow: the 指標サマリー section's state and what its button does with the server (confirm →
 * run → result, SectionFlow), apart from the DOM so it can be tested in Node. 指標定義 with errors
 * is refused with the rows and columns to fix, shown in the section.
 */
import type { Message, SummaryView } from '../shared/rpc';
import { SectionFlow } from './section-flow';

/** What the section focuses after a change, by meaning. */
export type SummaryFocus = 'run' | 'confirm' | 'notice' | 'result' | 'refused' | 'undo';

/** Server answer code: 指標定義 has errors, so nothing was written. */
export const DEFINITIONS_REFUSED = 'summary.definitions';

export interface SummaryState {
  runConfirmed: boolean;
  pending: 'run' | 'undo' | null;
  /** The last runSummary answer; null until staff run it in this session. */
  view: SummaryView | null;
  /** 指標定義 has errors: the server's message (each row and column named); nothing was written. */
  refused: Message | null;
  notice: null;
  /** Goals staff opened or closed, by number. */
  openGoals: Map<number, boolean>;
  focus: SummaryFocus | null;
}

export class SummaryFlow extends SectionFlow<never, SummaryFocus, null> {
  readonly state: SummaryState = {
    runConfirmed: false,
    pending: null,
    view: null,
    refused: null,
    notice: null,
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

  /** Staff opened or closed a goal; kept so a re-render keeps it that way. */
  toggleGoal(goal: number, open: boolean): void {
    this.state.openGoals.set(goal, open);
  }
}
