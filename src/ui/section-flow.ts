/**
 * SectionFlow: the one confirm → run → result cycle every sidebar section that changes the sheets
 * follows (検証, マッチング, and the sections to come), apart from the DOM so it can be tested in Node.
 *
 * A section asks in the sidebar before it writes (the first run of a session, 元に戻す and its own
 * confirmations), runs the call under the shell's progress indicator, and shows the outcome: a
 * notice, a refusal the server explains (the sheets changed since the step before), or nothing when
 * the call failed (the shell shows the error). After each change it says where the focus goes, by
 * meaning; the section maps that to an element. A section extends this class with its own state,
 * its own confirmations and its own results.
 */
import type { Message } from '../shared/rpc';
import { RpcError } from './rpc-client';
import type { ActionRunner, ServerCall } from './server-call';
import { UndoOffer } from './undo';

/** Focus targets every section has: its run button, the confirmation's yes, its notice, its 元に戻す. */
export type CommonFocus = 'run' | 'confirm' | 'notice' | 'undo';

/** The notice every section shows after 元に戻す. */
export interface UndoneNotice {
  kind: 'undone';
  label: Message;
  cells: number;
}

/** The part of a section's state the shared cycle keeps. */
export interface FlowState<Pending extends string, Focus, Notice> {
  /** Staff said yes to the run confirmation once; later runs in this session do not ask again. */
  runConfirmed: boolean;
  /** The in-sidebar confirmation on screen (one at a time). */
  pending: Pending | 'run' | 'undo' | null;
  /** What the last action did, in words. */
  notice: Notice | UndoneNotice | null;
  /** Where the focus goes after the next render. */
  focus: Focus | CommonFocus | null;
}

/** An answer the server may refuse because the sheets changed since the step before: its message, as a value. */
export type Outcome<T> = { kind: 'done'; value: T } | { kind: 'refused'; message: Message };

/**
 * Pending: the section's own confirmations besides 'run' and 'undo' (never when it has none).
 * Focus and Notice: the section's own focus targets and notices besides the common ones.
 */
export abstract class SectionFlow<Pending extends string, Focus, Notice> {
  abstract readonly state: FlowState<Pending, Focus, Notice>;

  constructor(
    protected readonly server: ServerCall,
    protected readonly run: ActionRunner,
    /** Called after every change of state (the section re-renders). */
    protected readonly changed: () => void,
    /** What 元に戻す offers, shared with the other sections. */
    readonly undo: UndoOffer = new UndoOffer(),
  ) {}

  /** The section's run itself (after the confirmation, or at once once confirmed). */
  protected abstract runNow(): Promise<void>;

  /** After an action changed the sheets: the list on screen is read again, when one is shown. */
  protected abstract refreshList(): Promise<void>;

  /** What the yes of one of the section's own confirmations does. */
  protected accepted(pending: Pending): Promise<void> {
    return Promise.reject(new Error(`no action for the confirmation ${pending}`));
  }

  /** Where the focus goes back to when staff say no to one of the section's own confirmations. */
  protected declined(_pending: Pending): Focus | CommonFocus {
    return 'run';
  }

  /** What else a confirmation replaces on screen (an inline confirmation, say). */
  protected onAsk(): void {}

  /** The section's own outcome state that a new staff action makes stale (a refusal, say). */
  protected clearOutcome(): void {}

  /** What else 元に戻す makes stale before it runs (a preview, say). */
  protected beforeUndo(): void {}

  /** 元に戻す of 安全な修正 in parts: one more part taken back (the validate section shows how far). */
  protected onUndoPart(_done: number, _total: number): void {}

  /** 元に戻す has finished (every part of a run, or the one action). */
  protected afterUndo(): void {}

  /** The run button: asks first the first time in a session, then runs. */
  async requestRun(): Promise<void> {
    if (this.state.runConfirmed) {
      await this.runNow();
      return;
    }
    this.ask('run');
  }

  /** Staff confirmed the run already (the menu's dialog): run without asking, and do not ask again this session. */
  async runConfirmedElsewhere(): Promise<void> {
    this.state.runConfirmed = true;
    this.state.pending = null;
    await this.runNow();
  }

  /** The confirmation's yes. */
  async accept(): Promise<void> {
    const pending = this.state.pending;
    this.state.pending = null;
    if (pending === 'run') {
      this.state.runConfirmed = true;
      await this.runNow();
    } else if (pending === 'undo') {
      await this.undoLast();
    } else if (pending !== null) {
      await this.accepted(pending);
    }
  }

  /** The confirmation's no (or Escape): the focus goes back to the button that asked. */
  cancel(): void {
    const pending = this.state.pending;
    this.state.pending = null;
    this.state.focus =
      pending === 'undo' ? 'undo' : pending === 'run' || pending === null ? 'run' : this.declined(pending);
    this.changed();
  }

  /** 元に戻す, step 1: asks in the sidebar first. */
  requestUndo(): void {
    if (!this.undo.info) return;
    this.ask('undo');
  }

  /** What 元に戻す offers when the section opens (in the background; see UndoOffer.load). */
  async loadUndoInfo(force = false): Promise<void> {
    if (await this.undo.load(this.server, force)) this.changed();
  }

  /** Takes the focus target once (the section focuses it after rendering). */
  takeFocus(): Focus | CommonFocus | null {
    const focus = this.state.focus;
    this.state.focus = null;
    return focus;
  }

  /** Puts a confirmation on screen, its yes focused. */
  protected ask(pending: Pending | 'run' | 'undo'): void {
    this.onAsk();
    this.state.pending = pending;
    this.state.focus = 'confirm';
    this.changed();
  }

  /** A new staff action: the last outcome, a leftover refusal and any open confirmation no longer apply. */
  protected startAction(): void {
    this.state.notice = null;
    this.state.pending = null;
    this.clearOutcome();
  }

  /**
   * A call the server may refuse because the sheets changed since the step before (code `changed`):
   * the refusal comes back as a value, to be shown in the section; any other failure goes to the
   * shell's error area and gives undefined.
   */
  protected refusable<T>(
    changedCode: string | readonly string[],
    call: () => Promise<T>,
  ): Promise<Outcome<T> | undefined> {
    const codes: readonly string[] = typeof changedCode === 'string' ? [changedCode] : changedCode;
    return this.run(async (): Promise<Outcome<T>> => {
      try {
        return { kind: 'done', value: await call() };
      } catch (error) {
        if (error instanceof RpcError && codes.includes(error.code))
          return { kind: 'refused', message: { ja: error.ja, en: error.en } };
        throw error;
      }
    });
  }

  /** 元に戻す, step 2; then the list is read again. */
  private async undoLast(): Promise<void> {
    this.startAction();
    this.beforeUndo();
    const result = await this.undo.take(this.server, this.run, (done, total) => this.onUndoPart(done, total));
    this.afterUndo();
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
}
