/**
 * MatchFlow: the マッチング section's state and what each control does with the server (run, 承認,
 * 固定, 除外, 確定, 元に戻す), apart from the DOM so it can be tested in Node.
 */
import type { CommitResult, MatchProgress, Message, MatchView } from '../shared/rpc';
import { samePair, withApproval, type MatchNotice, type PairRef } from './match-model';
import { SectionFlow } from './section-flow';

/** The per-pair controls focus can go back to. */
export type PairControl = 'approve' | 'pin' | 'exclude' | 'restore';

/** What the section should focus after a change, by meaning; the section maps it to an element. */
export type MatchFocus =
  'run' | 'confirm' | 'stats' | 'notice' | 'changed' | 'undo' | 'commit' | { pair: PairRef; control: PairControl };

export interface MatchState {
  /** Staff said yes to the confirm panel once; later runs in this session do not ask again. */
  runConfirmed: boolean;
  /** The in-sidebar confirmation on screen (at most one, an exclusion included). */
  pending: 'run' | 'commit' | 'undo' | null;
  /** The pair whose 除外 waits for its inline confirmation. */
  excluding: PairRef | null;
  /** The last MatchView; null until staff run matching in this session. */
  view: MatchView | null;
  notice: MatchNotice | null;
  /** 確定 was refused because 依頼 changed after the run (the server's own message). */
  changed: Message | null;
  /** 「不足のある依頼だけ表示」. */
  shortOnly: boolean;
  /** Requests staff opened or closed, by request id. */
  openRequests: Map<string, boolean>;
  focus: MatchFocus | null;
  /** A マッチング in parts under way: how far it is (null otherwise). */
  progress: MatchProgress | null;
  /** 中止 was asked: the run stops after the part under way. */
  stopRequested: boolean;
  /** A part failed: the run waits for 続ける or 中止. */
  partFailed: boolean;
}

/** Server answer code: 確定 found 依頼 different from when matching ran. */
export const MATCH_CHANGED = 'match.changed';

/** マッチング's confirm → run → result cycle (SectionFlow), with 承認, 固定, 除外 and 確定. */
export class MatchFlow extends SectionFlow<'commit', MatchFocus, MatchNotice> {
  readonly state: MatchState = {
    runConfirmed: false,
    pending: null,
    excluding: null,
    view: null,
    notice: null,
    changed: null,
    shortOnly: false,
    openRequests: new Map(),
    focus: null,
    progress: null,
    stopRequested: false,
    partFailed: false,
  };

  /** The last answer of a run in parts, to go on from after a part failed. */
  private partial: MatchView | null = null;

  /** マッチングを実行 (asked first the first time in a session: it rewrites two sheets). */
  protected runNow(): Promise<void> {
    return this.runMatching('stats');
  }

  /** 確定's confirmation said yes. */
  protected override accepted(_pending: 'commit'): Promise<void> {
    return this.commit();
  }

  /** 確定's confirmation said no: back to the 確定 button. */
  protected override declined(_pending: 'commit'): MatchFocus {
    return 'commit';
  }

  /** A confirmation replaces an open 除外 confirmation. */
  protected override onAsk(): void {
    this.state.excluding = null;
  }

  /** A new staff action: a leftover refusal and an open 除外 confirmation no longer apply. */
  protected override clearOutcome(): void {
    this.state.changed = null;
    this.state.excluding = null;
  }

  /** 承認 ticked or cleared: the server keeps it in マッチング結果 and answers the new total. */
  async setApproval(pair: PairRef, approved: boolean): Promise<void> {
    this.startAction();
    const result = await this.run(() => this.server('setApproval', pair.requestId, pair.volunteerId, approved));
    const view = this.state.view;
    if (result && view) this.state.view = withApproval(view, pair, approved, result.approved);
    // On failure the re-render puts the box back as the server has it.
    this.state.focus = { pair, control: 'approve' };
    this.changed();
  }

  /** 固定 / 固定を外す: the server records it and matches again. */
  async setPin(pair: PairRef, pin: boolean): Promise<void> {
    await this.decide(pair, pin ? 'pin' : 'none', 'pin', 'pin');
  }

  /** 除外, step 1: the inline confirmation under the pair. */
  requestExclude(pair: PairRef): void {
    this.state.pending = null;
    this.state.excluding = { requestId: pair.requestId, volunteerId: pair.volunteerId };
    this.state.focus = 'confirm';
    this.changed();
  }

  cancelExclude(): void {
    const pair = this.state.excluding;
    this.state.excluding = null;
    if (pair) this.state.focus = { pair, control: 'exclude' };
    this.changed();
  }

  /** 除外, step 2: the pair is never made again until it is taken back; the focus goes to 「除外を取り消す」. */
  async confirmExclude(): Promise<void> {
    const pair = this.state.excluding;
    if (!pair) return;
    await this.decide(pair, 'exclude', 'restore', 'exclude');
  }

  /** 除外を取り消す: the pair may be made again by the new run. */
  async restore(pair: PairRef): Promise<void> {
    await this.decide(pair, 'none', 'pin', 'restore');
  }

  /** 承認した組み合わせを確定, step 1: the confirmation that says how many pairs. */
  requestCommit(): void {
    if (!this.state.view || this.state.view.approved <= 0) return;
    this.ask('commit');
  }

  /** 「もう一度マッチング」 after 確定 was refused. */
  async runAgain(): Promise<void> {
    await this.runMatching('stats');
  }

  setShortOnly(shortOnly: boolean): void {
    this.state.shortOnly = shortOnly;
    this.changed();
  }

  /** Staff opened or closed a request; kept across re-renders and runs. */
  toggleRequest(requestId: string, open: boolean): void {
    this.state.openRequests.set(requestId, open);
  }

  /** True when `pair` waits for its 除外 confirmation. */
  isExcluding(pair: PairRef): boolean {
    return samePair(this.state.excluding, pair);
  }

  private async decide(
    pair: PairRef,
    decision: 'pin' | 'exclude' | 'none',
    focusDone: PairControl,
    focusFailed: PairControl,
  ): Promise<void> {
    this.startAction();
    const view = await this.run(() => this.server('setPairDecision', pair.requestId, pair.volunteerId, decision));
    if (view) this.show(view);
    this.state.focus = { pair, control: view ? focusDone : focusFailed };
    this.changed();
  }

  /**
   * 確定, step 2. When 依頼 changed after the run the server's message is shown in the section
   * next to 「もう一度マッチング」, not in the error area. After a commit the list is matched again.
   */
  private async commit(): Promise<void> {
    this.startAction();
    const outcome = await this.refusable(MATCH_CHANGED, () => this.server('commitMatches'));
    if (!outcome) {
      this.state.focus = 'commit';
      this.changed();
      return;
    }
    if (outcome.kind === 'refused') {
      this.state.changed = outcome.message;
      this.state.focus = 'changed';
      this.changed();
      return;
    }
    const result: CommitResult = outcome.value;
    this.state.notice = {
      kind: 'committed',
      committed: result.committed,
      requests: result.requests,
      refused: result.refused,
    };
    this.undo.set(result.undo);
    this.state.focus = 'notice';
    this.changed();
    await this.refreshList();
  }

  /** After a commit or an undo the list on screen is out of date; it is only matched again when one is shown. */
  protected async refreshList(): Promise<void> {
    if (!this.state.view) return;
    await this.start(null);
  }

  private async runMatching(focus: MatchFocus): Promise<void> {
    this.startAction();
    await this.start(focus);
  }

  /**
   * マッチング. A workbook too large for one Apps Script call is matched in parts: the server
   * answers each with how far it is and the sidebar asks for the next one, until the last part
   * writes マッチング結果. 中止 stops it after the part under way; マッチング結果 has not changed by then.
   */
  private async start(focus: MatchFocus | null): Promise<void> {
    this.state.stopRequested = false;
    this.state.partFailed = false;
    this.partial = null;
    const view = await this.run(() => this.server('runMatching'));
    await this.drive(view, focus);
  }

  /** The parts still to come, one after another; a failed part waits for 続ける or 中止. */
  private async drive(first: MatchView | undefined, focus: MatchFocus | null): Promise<void> {
    let view = first;
    while (view?.running) {
      const running = view.running;
      this.state.progress = running;
      this.changed();
      if (this.state.stopRequested) {
        await this.stop(running.runId);
        return;
      }
      const earlier: MatchView = view;
      const part = await this.run(() => this.server('continueMatching', running.runId));
      if (!part) {
        // The server keeps the run where it was: the same part can run again.
        this.partial = earlier;
        this.state.partFailed = true;
        this.changed();
        return;
      }
      view = part;
    }
    this.state.progress = null;
    this.partial = null;
    if (view) {
      this.show(view);
      if (focus) this.state.focus = focus;
    }
    this.changed();
  }

  /** 中止: a マッチング in parts stops after the part under way (at once when a part failed). */
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
    if (!this.state.partFailed || !this.partial) return;
    this.state.partFailed = false;
    this.startAction();
    await this.drive(this.partial, 'stats');
  }

  private async stop(runId: string): Promise<void> {
    await this.run(() => this.server('cancelMatching', runId));
    this.state.progress = null;
    this.state.stopRequested = false;
    this.state.partFailed = false;
    this.partial = null;
    this.state.notice = { kind: 'stopped' };
    this.state.focus = 'notice';
    this.changed();
  }

  private show(view: MatchView): void {
    this.state.view = view;
    this.undo.set(view.undo);
  }
}
