/** Controls 検証 and マッチング share: the in-sidebar confirmation and the 元に戻す button with its confirmation. */
import type { UndoInfo } from '../../shared/rpc';
import { button, el, type Child } from '../dom';
import type { Lang } from '../i18n';
import { undoButtonText, undoConfirmText } from '../undo';
import type { SectionContext } from './section';

export interface ConfirmOptions {
  /** Prefix of the ids: `${id}-text` labels the panel, `${id}-yes` is the button focused when it opens. */
  id: string;
  text: string;
  yes: string;
  no: string;
  onYes(): void;
  onNo(): void;
  /** Shown under the question (what exactly will be done). */
  detail?: Child;
}

/** The in-sidebar confirmation (window.confirm is blocked in the add-on iframe); Escape says no. */
export function confirmPanel(options: ConfirmOptions): HTMLElement {
  const textId = `${options.id}-text`;
  const panel = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': textId },
    el('p', { id: textId, class: 'confirm-text' }, options.text),
    options.detail,
    el(
      'div',
      { class: 'actions' },
      button(options.yes, options.onYes, {
        class: 'btn btn-primary',
        id: `${options.id}-yes`,
        'data-testid': 'confirm-yes',
      }),
      button(options.no, options.onNo, { class: 'btn btn-secondary', 'data-testid': 'confirm-no' }),
    ),
  );
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') options.onNo();
  });
  return panel;
}

/** 「元に戻す: …」 — what the last recorded action was, whichever section made it. */
export function undoButton(info: UndoInfo, lang: Lang, onClick: () => void, id: string): HTMLButtonElement {
  return button(undoButtonText(info, lang), onClick, { class: 'btn btn-secondary', id, 'data-testid': 'undo-last' });
}

/** The question asked before 元に戻す. */
export function undoConfirm(
  ctx: SectionContext,
  info: UndoInfo,
  id: string,
  onYes: () => void,
  onNo: () => void,
): HTMLElement {
  return confirmPanel({
    id,
    text: undoConfirmText(info, ctx.lang),
    yes: ctx.t('undo.confirmYes'),
    no: ctx.t('undo.confirmNo'),
    onYes,
    onNo,
  });
}
