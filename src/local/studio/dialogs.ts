/** withStudioAnswers: how the studio answers Ui.alert / Ui.prompt while a script runs — staff's answers in order, then the "do nothing" button. */
// A decision nobody answered yet gets NO / CANCEL, so the script takes its safe path and the page
// can ask staff afterwards and run it again with their answer.
import type { AlertRecord, ButtonName, ButtonSetName, ScriptedAnswer, UiScript } from '../emulator/index';
import type { ShownAlert } from './page-types';

export type { ShownAlert };

const BUTTON_NAMES: readonly ButtonName[] = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'];

/** The button that makes a decision do nothing. */
export function safeAnswer(buttons: ButtonSetName): ButtonName {
  switch (buttons) {
    case 'YES_NO':
      return 'NO';
    case 'OK_CANCEL':
    case 'YES_NO_CANCEL':
      return 'CANCEL';
    default:
      // A prompt with only OK: closing it is the only way to decline.
      return 'CLOSE';
  }
}

/** A dialog the user has to decide; an alert with only OK just informs. */
function isDecision(kind: 'alert' | 'prompt', buttons: ButtonSetName): boolean {
  return kind === 'prompt' || buttons !== 'OK';
}

/** Reads the answers the page sent: button names, or {button, text} for prompts. Null when malformed. */
export function parseAnswers(raw: unknown): ScriptedAnswer[] | null {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 50) return null;
  const answers: ScriptedAnswer[] = [];
  for (const item of raw) {
    if (typeof item === 'string' && (BUTTON_NAMES as readonly string[]).includes(item)) {
      answers.push(item as ButtonName);
    } else if (
      typeof item === 'object' &&
      item !== null &&
      (BUTTON_NAMES as readonly string[]).includes((item as { button?: unknown }).button as string) &&
      ((item as { text?: unknown }).text === undefined || typeof (item as { text?: unknown }).text === 'string')
    ) {
      const { button, text } = item as { button: ButtonName; text?: string };
      answers.push(text === undefined ? { button } : { button, text: text.slice(0, 50_000) });
    } else {
      return null;
    }
  }
  return answers;
}

type Respond = UiScript['respond'];

/**
 * Runs `body` with the studio's answering rule in place on `ui`, and returns what it returned (or
 * threw) with the dialogs it showed. Decisions take the next of `answers`, then the safe button;
 * OK-only alerts are answered OK by the emulator itself.
 */
export function withStudioAnswers<T>(
  ui: UiScript,
  answers: readonly ScriptedAnswer[],
  body: () => T,
): { value?: T; error?: unknown; alerts: ShownAlert[] } {
  const given = [...answers];
  const shown: ShownAlert[] = [];
  const respond: Respond = ui.respond;
  // The queue is the emulator's public way to answer; the studio fills it just in time, so an
  // OK-only alert never consumes an answer meant for a decision.
  const studioRespond: Respond = function (this: UiScript, kind, title, prompt, buttons) {
    let scripted = true;
    if (this.pendingAnswers === 0 && isDecision(kind, buttons)) {
      const next = given.shift();
      if (next === undefined) {
        scripted = false;
        this.answer(safeAnswer(buttons));
      } else {
        this.answer(next);
      }
    }
    const record: AlertRecord = respond.call(this, kind, title, prompt, buttons);
    shown.push({
      kind: record.kind,
      title: record.title,
      message: record.prompt,
      buttons: record.buttons,
      answer: record.answer,
      ...(record.text === undefined ? {} : { text: record.text }),
      scripted,
    });
    return record;
  };
  Object.defineProperty(ui, 'respond', { value: studioRespond, configurable: true, writable: true });
  try {
    return { value: body(), alerts: shown };
  } catch (error) {
    return { error, alerts: shown };
  } finally {
    delete (ui as unknown as Record<string, unknown>).respond;
  }
}
