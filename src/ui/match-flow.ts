/**
 * MatchFlow: the マッチング section's state and what each control does with the server (run, 承認,
 * 固定, 除外, 確定, 元に戻す), apart from the DOM so it can be tested in Node.
 */
import type { CommitResult, Message, MatchView } from '../shared/rpc';
import { samePair, withApproval, type MatchNotice, type PairRef } from './match-model';
import { RpcError } from './rpc-client';
import type { ActionRunner, ServerCall } from './server-call';
import { UndoOffer } from './undo';

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
}

/** Server answer code: 確定 found 依頼 different from when matching ran. */
export const MATCH_CHANGED = 'match.changed';

type CommitOutcome = { kind: 'committed'; result: CommitResult } | { kind: 'changed'; message: Message };

export class MatchFlow {
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
  };

  constructor(
    private readonly server: ServerCall,
    private readonly run: ActionRunner,
    /** Called after every change of state (the section re-renders). */
    private readonly changed: () => void,
    /** What 元に戻す offers, shared with the other sections. */
    readonly undo: UndoOffer = new UndoOffer(),
  ) {}

  /** マッチングを実行: asks first the first time in a session (it rewrites two sheets), then runs. */
  async requestRun(): Promise<void> {
    if (this.state.runConfirmed) {
      await this.runMatching('stats');
      return;
    }
    this.ask('run');
  }

  /** Staff confirmed the run already (the menu's dialog): run without asking, and do not ask again this session. */
  async runConfirmedElsewhere(): Promise<void> {
    this.state.runConfirmed = true;
    this.state.pending = null;
    await this.runMatching('stats');
  }

  /** The confirm panel's yes. */
  async accept(): Promise<void> {
    const pending = this.state.pending;
    this.state.pending = null;
    if (pending === 'run') {
      this.state.runConfirmed = true;
      await this.runMatching('stats');
    } else if (pending === 'commit') {
      await this.commit();
    } else if (pending === 'undo') {
      await this.undoLast();
    }
  }

  /** The confirm panel's no (or Escape): the focus goes back to the button that asked. */
  cancel(): void {
    const pending = this.state.pending;
    this.state.pending = null;
    this.state.focus = pending === 'undo' ? 'undo' : pending === 'commit' ? 'commit' : 'run';
    this.changed();
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

  /** 元に戻す, step 1. */
  requestUndo(): void {
    if (!this.undo.info) return;
    this.ask('undo');
  }

  /** 「もう一度マッチング」 after 確定 was refused. */
  async runAgain(): Promise<void> {
    await this.runMatching('stats');
  }

  /** What 元に戻す offers when the section opens (in the background; see UndoOffer.load). */
  async loadUndoInfo(force = false): Promise<void> {
    if (await this.undo.load(this.server, force)) this.changed();
  }

  setShortOnly(shortOnly: boolean): void {
    this.state.shortOnly = shortOnly;
    this.changed();
  }

  /** Staff opened or closed a request; kept across re-renders and runs. */
  toggleRequest(requestId: string, open: boolean): void {
    this.state.openRequests.set(requestId, open);
  }

  /** Takes the focus target once (the section focuses it after rendering). */
  takeFocus(): MatchFocus | null {
    const focus = this.state.focus;
    this.state.focus = null;
    return focus;
  }

  /** True when `pair` waits for its 除外 confirmation. */
  isExcluding(pair: PairRef): boolean {
    return samePair(this.state.excluding, pair);
  }

  private ask(pending: 'run' | 'commit' | 'undo'): void {
    this.state.excluding = null;
    this.state.pending = pending;
    this.state.focus = 'confirm';
    this.changed();
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
    const outcome = await this.run(async (): Promise<CommitOutcome> => {
      try {
        return { kind: 'committed', result: await this.server('commitMatches') };
      } catch (error) {
        if (error instanceof RpcError && error.code === MATCH_CHANGED)
          return { kind: 'changed', message: { ja: error.ja, en: error.en } };
        throw error;
      }
    });
    if (!outcome) {
      this.state.focus = 'commit';
      this.changed();
      return;
    }
    if (outcome.kind === 'changed') {
      this.state.changed = outcome.message;
      this.state.focus = 'changed';
      this.changed();
      return;
    }
    this.state.notice = { kind: 'committed', committed: outcome.result.committed, requests: outcome.result.requests };
    this.undo.set(outcome.result.undo);
    this.state.focus = 'notice';
    this.changed();
    await this.refreshList();
  }

  private async undoLast(): Promise<void> {
    this.startAction();
    const result = await this.undo.take(this.server, this.run);
    if (!result) {
      // Nothing to undo any more, or cells changed since: what the button offers may be stale.
      this.state.focus = 'undo';
      this.changed();
      await this.loadUndoInfo(true);
      return;
    }
    this.state.notice = { kind: 'undone', label: result.label, cells: result.cells };
    this.state.focus = 'notice';
    this.changed();
    await this.refreshList();
  }

  /** After a commit or an undo the list on screen is out of date; it is only matched again when one is shown. */
  private async refreshList(): Promise<void> {
    if (!this.state.view) return;
    const view = await this.run(() => this.server('runMatching'));
    if (view) this.show(view);
    this.changed();
  }

  private async runMatching(focus: MatchFocus): Promise<void> {
    this.startAction();
    const view = await this.run(() => this.server('runMatching'));
    if (view) {
      this.show(view);
      this.state.focus = focus;
    }
    this.changed();
  }

  private show(view: MatchView): void {
    this.state.view = view;
    this.undo.set(view.undo);
  }

  /** A new staff action: the last outcome, a leftover refusal and any open confirmation no longer apply. */
  private startAction(): void {
    this.state.notice = null;
    this.state.changed = null;
    this.state.pending = null;
    this.state.excluding = null;
  }
}
