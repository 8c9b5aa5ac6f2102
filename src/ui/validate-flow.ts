/**
 * ValidateFlow: the 検証 section's state and what each button does with the server (run, clear
 * highlights, preview and apply fixes, undo), apart from the DOM so it can be tested in Node.
 */
import type { FixPreview, FixResult, Message, ValidationView } from '../shared/rpc';
import { RpcError } from './rpc-client';
import type { ActionRunner, ServerCall } from './server-call';
import { UndoOffer } from './undo';
import type { ValidateNotice } from './validate-model';

/** What the shell should focus after a change, by meaning; the section maps it to an element. */
export type FocusTarget =
  'run' | 'confirm' | 'summary' | 'notice' | 'preview' | 'previewButton' | 'fixChanged' | 'undo';

export interface ValidateState {
  /** Staff said yes to the confirm panel once; later runs in this session do not ask again. */
  runConfirmed: boolean;
  /** The in-sidebar confirmation on screen (only one at a time). */
  pending: 'run' | 'undo' | null;
  /** The last runValidation answer; null until staff run it in this session. */
  validation: ValidationView | null;
  /** The before/after preview on screen, waiting for 「この内容で修正」 or キャンセル. */
  preview: FixPreview | null;
  /** The server refused the fixes because the sheets changed after the preview (its own message). */
  fixChanged: Message | null;
  notice: ValidateNotice | null;
  /** Groups staff opened or closed, by groupKey. */
  openGroups: Map<string, boolean>;
  focus: FocusTarget | null;
}

type ApplyOutcome = { kind: 'applied'; result: FixResult } | { kind: 'changed'; message: Message };

/** Server answer code: applyFixes found the sheets different from the preview. */
export const FIX_CHANGED = 'fix.changed';

export class ValidateFlow {
  readonly state: ValidateState = {
    runConfirmed: false,
    pending: null,
    validation: null,
    preview: null,
    fixChanged: null,
    notice: null,
    openGroups: new Map(),
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

  /** 検証を実行: asks first the first time in a session, then runs. */
  async requestRun(): Promise<void> {
    if (this.state.runConfirmed) {
      await this.runValidation('summary');
      return;
    }
    this.state.pending = 'run';
    this.state.focus = 'confirm';
    this.changed();
  }

  /** Staff confirmed the run already (the menu's dialog): run without asking, and do not ask again this session. */
  async runConfirmedElsewhere(): Promise<void> {
    this.state.runConfirmed = true;
    this.state.pending = null;
    await this.runValidation('summary');
  }

  async accept(): Promise<void> {
    const pending = this.state.pending;
    this.state.pending = null;
    if (pending === 'run') {
      this.state.runConfirmed = true;
      await this.runValidation('summary');
    } else if (pending === 'undo') {
      await this.undoLast();
    }
  }

  cancel(): void {
    const pending = this.state.pending;
    this.state.pending = null;
    this.state.focus = pending === 'undo' ? 'undo' : 'run';
    this.changed();
  }

  async clearHighlights(): Promise<void> {
    this.startAction();
    const result = await this.run(() => this.server('clearHighlights'));
    if (result) {
      this.state.notice = { kind: 'highlights', restored: result.restored, notesKept: result.notesKept };
      // The marks are gone: the count of marked cells says so (the issues themselves remain).
      if (this.state.validation) this.state.validation = { ...this.state.validation, highlighted: 0 };
      this.state.focus = 'notice';
    }
    this.changed();
  }

  /** 安全な修正を適用, step 1: the before/after preview. */
  async previewFixes(): Promise<void> {
    this.startAction();
    this.state.preview = null;
    this.state.fixChanged = null;
    const preview = await this.run(() => this.server('previewFixes'));
    if (preview) {
      this.state.preview = preview;
      this.state.focus = 'preview';
    }
    this.changed();
  }

  cancelPreview(): void {
    this.state.preview = null;
    this.state.focus = 'previewButton';
    this.changed();
  }

  /**
   * 安全な修正を適用, step 2: exactly the previewed fixes. When the sheets changed since the
   * preview the server's message is shown next to 「もう一度プレビュー」, not in the error area.
   */
  async applyFixes(): Promise<void> {
    const preview = this.state.preview;
    if (!preview) return;
    this.startAction();
    const outcome = await this.run(async (): Promise<ApplyOutcome> => {
      try {
        return { kind: 'applied', result: await this.server('applyFixes', preview.token) };
      } catch (error) {
        if (error instanceof RpcError && error.code === FIX_CHANGED)
          return { kind: 'changed', message: { ja: error.ja, en: error.en } };
        throw error;
      }
    });
    if (!outcome) {
      this.changed();
      return;
    }
    this.state.preview = null;
    if (outcome.kind === 'changed') {
      this.state.fixChanged = outcome.message;
      this.state.focus = 'fixChanged';
      this.changed();
      return;
    }
    this.state.notice = { kind: 'fixed', applied: outcome.result.applied };
    this.undo.set(outcome.result.undo);
    this.state.focus = 'notice';
    this.changed();
    await this.refreshList();
  }

  /** 元に戻す: asks in the sidebar first. */
  requestUndo(): void {
    if (!this.undo.info) return;
    this.state.pending = 'undo';
    this.state.focus = 'confirm';
    this.changed();
  }

  private async undoLast(): Promise<void> {
    this.startAction();
    this.state.preview = null;
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

  /** What 元に戻す offers when the section opens (in the background; see UndoOffer.load). */
  async loadUndoInfo(force = false): Promise<void> {
    if (await this.undo.load(this.server, force)) this.changed();
  }

  /** Clicking an issue: Sheets selects its cell. */
  async selectCell(target: { sheet: string; row: number; column: number } | null): Promise<void> {
    if (!target) return;
    await this.run(() => this.server('selectCell', target.sheet, target.row, target.column));
  }

  /** Staff opened or closed a group; kept so a re-render or a refreshed list keeps it that way. */
  toggleGroup(key: string, open: boolean): void {
    this.state.openGroups.set(key, open);
  }

  /** Takes the focus target once (the section focuses it after rendering). */
  takeFocus(): FocusTarget | null {
    const focus = this.state.focus;
    this.state.focus = null;
    return focus;
  }

  private async runValidation(focus: FocusTarget): Promise<void> {
    this.startAction();
    await this.validate(focus);
  }

  /** After a fix or an undo the list on screen is out of date; it is only re-run when staff ran it before. */
  private async refreshList(): Promise<void> {
    if (this.state.validation) await this.validate(null);
  }

  private async validate(focus: FocusTarget | null): Promise<void> {
    const view = await this.run(() => this.server('runValidation'));
    if (view) {
      this.state.validation = view;
      this.undo.set(view.undo);
      if (focus) this.state.focus = focus;
    }
    this.changed();
  }

  /** A new staff action: the last outcome and a leftover refusal no longer apply. */
  private startAction(): void {
    this.state.notice = null;
    this.state.fixChanged = null;
    this.state.pending = null;
  }
}
