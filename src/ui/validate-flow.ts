/**
 * ValidateFlow: the 検証 section's state and what each button does with the server (run, clear
 * highlights, preview and apply fixes, undo), apart from the DOM so it can be tested in Node.
 */
import type { FixPreview, FixProgress, FixResult, Message, ValidationProgress, ValidationView } from '../shared/rpc';
import { SectionFlow } from './section-flow';
import { addValidationPart } from './validation-parts';
import type { ValidateNotice } from './validate-model';

/** What the shell should focus after a change, by meaning; the section maps it to an element. */
export type FocusTarget =
  'run' | 'confirm' | 'summary' | 'notice' | 'preview' | 'previewButton' | 'fixChanged' | 'undo' | 'erase';

export interface ValidateState {
  /** Staff said yes to the confirm panel once; later runs in this session do not ask again. */
  runConfirmed: boolean;
  /** The in-sidebar confirmation on screen (only one at a time). */
  pending: 'run' | 'undo' | 'erase' | null;
  /** The last runValidation answer; null until staff run it in this session. */
  validation: ValidationView | null;
  /** A 検証 in parts under way: how far it is (the sidebar asks for each part in turn). */
  progress: ValidationProgress | null;
  /** What is under way in parts: 検証, 安全な修正, or 元に戻す of 安全な修正 in parts. */
  progressKind: 'validate' | 'fix' | 'undo';
  /** Staff pressed 中止 during a 検証 in parts: it stops after the part under way. */
  stopRequested: boolean;
  /** A part failed (its error is shown): 続ける runs it again, 中止 stops the run. */
  partFailed: boolean;
  /** The before/after preview on screen, waiting for 「この内容で修正」 or キャンセル. */
  preview: FixPreview | null;
  /** The server refused the fixes because the sheets changed after the preview (its own message). */
  fixChanged: Message | null;
  notice: ValidateNotice | null;
  /** Groups staff opened or closed, by groupKey. */
  openGroups: Map<string, boolean>;
  focus: FocusTarget | null;
}

/** Server answer code: applyFixes found the sheets different from the preview. */
export const FIX_CHANGED = 'fix.changed';

/** 検証's confirm → run → result cycle (SectionFlow), with the preview and fixes between. */
export class ValidateFlow extends SectionFlow<'erase', FocusTarget, ValidateNotice> {
  readonly state: ValidateState = {
    runConfirmed: false,
    pending: null,
    validation: null,
    progress: null,
    progressKind: 'validate',
    stopRequested: false,
    partFailed: false,
    preview: null,
    fixChanged: null,
    notice: null,
    openGroups: new Map(),
    focus: null,
  };

  /** What the parts done so far found, kept while a failed part waits for 続ける. */
  private partial: ValidationView | null = null;
  /** 安全な修正 in parts: where it stood when a part failed (続ける goes on from there). */
  private fixPartial: FixResult | null = null;

  /** 検証を実行 (asked first the first time in a session; see SectionFlow.requestRun). */
  protected runNow(): Promise<void> {
    return this.runValidation('summary');
  }

  /** 履歴を消去: asks in the sidebar first, saying that undo will no longer be possible. */
  requestErase(): void {
    this.ask('erase');
  }

  protected override accepted(pending: 'erase'): Promise<void> {
    return pending === 'erase' ? this.eraseHistory() : super.accepted(pending);
  }

  protected override declined(_pending: 'erase'): FocusTarget {
    return 'erase';
  }

  private async eraseHistory(): Promise<void> {
    this.startAction();
    const result = await this.run(() => this.server('eraseHistory'));
    if (result) {
      this.undo.set(null);
      this.state.notice = { kind: 'erased', actions: result.erased };
      this.state.focus = 'notice';
    }
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
    const outcome = await this.refusable(FIX_CHANGED, () => this.server('applyFixes', preview.token));
    if (!outcome) {
      this.changed();
      return;
    }
    this.state.preview = null;
    if (outcome.kind === 'refused') {
      this.state.fixChanged = outcome.message;
      this.state.focus = 'fixChanged';
      this.changed();
      return;
    }
    await this.driveFixes(outcome.value);
  }

  /**
   * 安全な修正 on a large workbook goes in parts: the sidebar asks for each, showing how far it is.
   * 中止 stops after the part under way and takes back the parts applied (元に戻す, part by part);
   * a part that failed waits for 続ける or 中止 (the server left it as it was).
   */
  private async driveFixes(first: FixResult): Promise<void> {
    let result = first;
    this.state.stopRequested = false;
    this.state.partFailed = false;
    while (result.running) {
      const running: FixProgress = result.running;
      this.state.progress = running;
      this.state.progressKind = 'fix';
      this.changed();
      if (this.state.stopRequested) {
        await this.stopFixes(running.runId, result);
        return;
      }
      const earlier = result;
      const part = await this.run(() => this.server('continueFixes', running.runId));
      if (!part) {
        this.fixPartial = earlier;
        this.state.partFailed = true;
        this.changed();
        return;
      }
      result = part;
    }
    this.state.progress = null;
    this.fixPartial = null;
    this.state.notice = { kind: 'fixed', applied: result.applied, skipped: result.skipped };
    this.undo.set(result.undo);
    this.state.focus = 'notice';
    this.changed();
    await this.refreshList();
  }

  /** 中止 of 安全な修正 in parts: the run stops, and what its parts applied is taken back part by part. */
  private async stopFixes(runId: string, result: FixResult): Promise<void> {
    await this.run(() => this.server('cancelFixes', runId));
    this.state.stopRequested = false;
    this.state.partFailed = false;
    this.fixPartial = null;
    this.undo.set(result.undo);
    let undone = 0;
    if (result.applied > 0 && this.undo.info?.run === runId) {
      const taken = await this.undo.take(this.server, this.run, (done, total) => this.onUndoPart(done, total));
      undone = taken?.cells ?? 0;
    }
    this.state.progress = null;
    this.state.notice = { kind: 'fixStopped', undone };
    this.state.focus = 'notice';
    this.changed();
    await this.refreshList();
  }

  protected override onUndoPart(done: number, total: number): void {
    this.state.progress = { runId: '', done, total };
    this.state.progressKind = 'undo';
    this.changed();
  }

  protected override afterUndo(): void {
    if (this.state.progressKind === 'undo') this.state.progress = null;
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

  private async runValidation(focus: FocusTarget): Promise<void> {
    this.startAction();
    await this.validate(focus);
  }

  /** After a fix or an undo the list on screen is out of date; it is only re-run when staff ran it before. */
  protected async refreshList(): Promise<void> {
    if (this.state.validation) await this.validate(null);
  }

  /**
   * 検証. A workbook too large for one Apps Script call is validated in parts: the server answers
   * each with what it found so far and the sidebar asks for the next one, showing how far it is,
   * until the last part marks the cells. 中止 stops it after the part under way; nothing in the
   * staff sheets has changed by then (the marks come with the last part).
   */
  private async validate(focus: FocusTarget | null): Promise<void> {
    this.state.stopRequested = false;
    this.state.partFailed = false;
    this.partial = null;
    const view = await this.run(() => this.server('runValidation'));
    await this.drive(view, focus);
  }

  /** The parts of a 検証 in parts still to come, one after another; a failed part waits for 続ける or 中止. */
  private async drive(first: ValidationView | undefined, focus: FocusTarget | null): Promise<void> {
    let view = first;
    while (view?.running) {
      const running = view.running;
      this.state.progress = running;
      this.state.progressKind = 'validate';
      this.changed();
      if (this.state.stopRequested) {
        await this.stop(running.runId);
        return;
      }
      const earlier: ValidationView = view;
      const part = await this.run(() => this.server('continueValidation', running.runId));
      if (!part) {
        // The server keeps the run where it was: the same part can run again.
        this.partial = earlier;
        this.state.partFailed = true;
        this.changed();
        return;
      }
      view = addValidationPart(earlier, part);
    }
    this.state.progress = null;
    this.partial = null;
    if (view) {
      this.state.validation = view;
      this.undo.set(view.undo);
      if (focus) this.state.focus = focus;
    }
    this.changed();
  }

  /** 中止: a 検証 or 安全な修正 in parts stops after the part under way (at once when a part failed). */
  stopRun(): void {
    const progress = this.state.progress;
    if (!progress || this.state.progressKind === 'undo') return;
    if (this.state.partFailed) {
      if (this.state.progressKind === 'fix') void this.stopFixes(progress.runId, this.fixPartial ?? emptyFix(progress));
      else void this.stop(progress.runId);
      return;
    }
    this.state.stopRequested = true;
    this.changed();
  }

  /** 続ける: runs the part that failed again, and the rest after it. */
  async resumeRun(): Promise<void> {
    if (this.state.partFailed && this.state.progressKind === 'fix' && this.fixPartial) {
      this.state.partFailed = false;
      this.startAction();
      await this.driveFixes(this.fixPartial);
      return;
    }
    if (!this.state.partFailed || !this.partial) return;
    this.state.partFailed = false;
    this.startAction();
    await this.drive(this.partial, 'summary');
  }

  private async stop(runId: string): Promise<void> {
    await this.run(() => this.server('cancelValidation', runId));
    this.state.progress = null;
    this.state.stopRequested = false;
    this.state.partFailed = false;
    this.partial = null;
    this.state.notice = { kind: 'stopped' };
    this.state.focus = 'notice';
    this.changed();
  }

  /** A leftover refusal no longer applies to a new staff action. */
  protected override clearOutcome(): void {
    this.state.fixChanged = null;
  }

  /** 元に戻す takes the preview off the screen: it would describe cells that change back. */
  protected override beforeUndo(): void {
    this.state.preview = null;
  }
}

/** What a run of fixes in parts is known to have done when nothing more is known. */
function emptyFix(progress: FixProgress): FixResult {
  return { applied: 0, skipped: 0, sheets: [], undo: null, running: progress };
}
