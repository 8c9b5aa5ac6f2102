/** The studio page's dialogs, as Sheets shows a script's: a confirmation (YES/NO, OK/CANCEL, prompt), a message (OK), and toasts. */
import type { ButtonName, ShownAlert } from '../page-types';
import { byId, clear, el } from './dom';

export const BUTTON_LABELS: Record<ButtonName, string> = {
  YES: 'はい',
  NO: 'いいえ',
  OK: 'OK',
  CANCEL: 'キャンセル',
  CLOSE: '閉じる',
};

/** The buttons of each set, the default one last. */
const BUTTON_SETS: Record<string, ButtonName[]> = {
  YES_NO: ['NO', 'YES'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
  OK: ['OK'],
};

export interface Choice {
  button: ButtonName;
  text: string;
}

/** Asks staff what the script asked (the studio first answered it with the button that does nothing). */
export function ask(alert: ShownAlert): Promise<Choice> {
  return new Promise((resolve) => {
    const dialog = byId<HTMLDialogElement>('confirm-dialog');
    byId('confirm-title').textContent = alert.title || '確認';
    byId('confirm-message').textContent = alert.message;
    const input = byId<HTMLInputElement>('confirm-input');
    input.hidden = alert.kind !== 'prompt';
    input.value = '';
    const buttons = byId('confirm-buttons');
    clear(buttons);
    const set = BUTTON_SETS[alert.buttons] ?? (BUTTON_SETS.YES_NO as ButtonName[]);
    let done = false;
    const finish = (name: ButtonName): void => {
      if (done) return;
      done = true;
      dialog.close();
      resolve({ button: name, text: input.value });
    };
    set.forEach((name, index) => {
      const button = el('button', index === set.length - 1 ? 'btn primary' : 'btn', BUTTON_LABELS[name] ?? name);
      button.type = 'button';
      button.setAttribute('data-testid', `studio-confirm-${name.toLowerCase()}`);
      button.addEventListener('click', () => finish(name));
      buttons.appendChild(button);
    });
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish(alert.answer);
    };
    dialog.showModal();
    if (alert.kind === 'prompt') input.focus();
    else (buttons.lastChild as HTMLElement | null)?.focus();
  });
}

let messages: Promise<void> = Promise.resolve();

/** Shows a message with OK; messages shown while one is open wait their turn. */
export function showMessage(title: string, message: string, isError: boolean): Promise<void> {
  messages = messages.then(
    () =>
      new Promise<void>((resolve) => {
        const dialog = byId<HTMLDialogElement>('message-dialog');
        dialog.classList.toggle('error', isError);
        byId('message-title').textContent = title || 'お知らせ';
        byId('message-text').textContent = message;
        const ok = byId<HTMLButtonElement>('message-ok');
        const finish = (): void => {
          ok.onclick = null;
          dialog.close();
          resolve();
        };
        ok.onclick = finish;
        dialog.oncancel = (event) => {
          event.preventDefault();
          finish();
        };
        dialog.showModal();
        ok.focus();
      }),
  );
  return messages;
}

/** A toast at the bottom right, as Sheets shows Spreadsheet.toast. */
export function toast(text: string): void {
  const node = el('div', 'toast', text);
  node.setAttribute('role', 'status');
  byId('toasts').appendChild(node);
  setTimeout(() => node.remove(), 6000);
}
