/**
 * UndoOffer: what 元に戻す would take back now, and its texts. The history sheet is one per
 * workbook, so the sidebar keeps one offer that 検証 and マッチング share: an undo made in one
 * section is never offered again by the other.
 */
import type { Message, UndoInfo, UndoResult } from '../shared/rpc';
import { pickMessage, t, type Lang } from './i18n';
import type { ActionRunner, ServerCall } from './server-call';

export class UndoOffer {
  private current: UndoInfo | null = null;
  /** Bumped by every answer that tells the undo state, so an older background answer cannot overwrite it. */
  private version = 0;
  private loaded = false;

  /** The last recorded action, or null when there is nothing to undo. */
  get info(): UndoInfo | null {
    return this.current;
  }

  /** An answer that carries the undo state (a run, a fix, a commit, an undo) is the latest word on it. */
  set(info: UndoInfo | null): void {
    this.version += 1;
    this.current = info;
  }

  /**
   * Asks the server what can be undone: once per sidebar unless forced, in the background (no
   * progress, no error — the button simply stays away when no answer comes). True when it changed the offer.
   */
  async load(server: ServerCall, force = false): Promise<boolean> {
    if (this.loaded && !force) return false;
    this.loaded = true;
    const version = this.version;
    let info: UndoInfo | null;
    try {
      info = await server('getUndoInfo');
    } catch {
      return false;
    }
    if (version !== this.version) return false;
    this.set(info);
    return true;
  }

  /**
   * 元に戻す itself, under the shell's runner. On a refusal (nothing left to undo, cells changed
   * since) the offer on screen may be stale: the caller re-renders, then calls load(server, true).
   */
  async take(
    server: ServerCall,
    run: ActionRunner,
    onPart?: (done: number, total: number) => void,
  ): Promise<UndoResult | undefined> {
    const first = this.current;
    const result = await run(() => server('undoLast'));
    if (!result) return result;
    this.set(result.undo);
    if (first?.run === undefined) return result;
    // 安全な修正 applied in parts: each call takes back one part, while the next belongs to the same run.
    const runId = first.run;
    const total = first.parts ?? 1;
    let cells = result.cells;
    let last = result;
    for (let done = 1; this.current?.run === runId; done++) {
      onPart?.(done, Math.max(total, done + 1));
      const next = await run(() => server('undoLast'));
      if (!next) return { ...last, label: first.label, cells, partial: true };
      this.set(next.undo);
      cells += next.cells;
      last = next;
    }
    return { ...last, label: first.label, cells };
  }
}

/** 「元に戻す: 安全な修正（12件）」. */
export function undoButtonText(info: UndoInfo, lang: Lang): string {
  return t(lang, 'undo.button', { label: pickMessage(info.label, lang) });
}

export function undoConfirmText(info: UndoInfo, lang: Lang): string {
  return t(lang, 'undo.confirmText', { label: pickMessage(info.label, lang) });
}

/** 「「安全な修正（12件）」を元に戻しました（12個のセル）。」 */
export function undoneText(label: Message, cells: number, lang: Lang): string {
  return t(lang, cells === 1 ? 'undo.doneOne' : 'undo.done', { label: pickMessage(label, lang), n: cells });
}
