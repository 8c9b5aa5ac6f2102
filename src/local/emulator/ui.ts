/** The spreadsheet UI: Ui, Menu and PromptResponse, and UiScript — the record of what the user saw and the scripted answers to dialogs. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { Button, ButtonSet, enumName } from './enums';
import { htmlOutputOf } from './html';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';
/** A scripted answer: the button the user clicks, and for a prompt the text typed. */
export type ScriptedAnswer = ButtonName | { button: ButtonName; text?: string };

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  /** The text typed into a prompt. */
  text?: string;
}

export type MenuItemRecord = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  /** The menu's caption; null for the add-on menu, whose caption is the add-on's name. */
  title: string | null;
  addon: boolean;
  items: MenuItemRecord[];
}

export interface ShownHtml {
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export interface DialogRecord extends ShownHtml {
  modal: boolean;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

const BUTTONS_OF: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

function copyMenu(menu: MenuRecord): MenuRecord {
  return {
    title: menu.title,
    addon: menu.addon,
    items: menu.items.map((item) => ('submenu' in item ? { submenu: copyMenu(item.submenu) } : { ...item })),
  };
}

/**
 * What the user of the emulated spreadsheet saw, and how they answer dialogs.
 *
 * Answers are queued with answer(...) and consumed in order, one per alert or prompt. A queued
 * answer must be a button of the dialog's button set, or the dialog throws. With an empty queue an
 * alert that only has OK is answered OK (there is nothing to decide), while any alert with a choice
 * and any prompt throws "unexpected alert: <prompt>", so a test notices a confirmation it did not
 * script.
 */
export class UiScript {
  private readonly queue: ScriptedAnswer[] = [];
  private readonly shownMenus: MenuRecord[] = [];
  private readonly shownAlerts: AlertRecord[] = [];
  private readonly shownDialogs: DialogRecord[] = [];
  private readonly shownToasts: ToastRecord[] = [];
  private shownSidebar: ShownHtml | null = null;

  /** Queues the answers the user gives to the next dialogs, in order. */
  answer(...answers: ScriptedAnswer[]): this {
    this.queue.push(...answers);
    return this;
  }

  /** Answers queued but not used yet. */
  get pendingAnswers(): number {
    return this.queue.length;
  }

  /** Menus added with addToUi, in order; adding a menu with the same caption again replaces it. */
  get menus(): MenuRecord[] {
    return this.shownMenus.map(copyMenu);
  }

  get alerts(): AlertRecord[] {
    return this.shownAlerts.map((a) => ({ ...a }));
  }

  /** The sidebar currently open, or null. */
  get sidebar(): ShownHtml | null {
    return this.shownSidebar && { ...this.shownSidebar };
  }

  get dialogs(): DialogRecord[] {
    return this.shownDialogs.map((d) => ({ ...d }));
  }

  get toasts(): ToastRecord[] {
    return this.shownToasts.map((t) => ({ ...t }));
  }

  /** Forgets what was shown (not the queued answers), e.g. between two steps of a test. */
  clear(): void {
    this.shownMenus.length = 0;
    this.shownAlerts.length = 0;
    this.shownDialogs.length = 0;
    this.shownToasts.length = 0;
    this.shownSidebar = null;
  }

  recordMenu(menu: MenuRecord): void {
    const index = this.shownMenus.findIndex((m) => m.addon === menu.addon && m.title === menu.title);
    if (index >= 0) this.shownMenus[index] = copyMenu(menu);
    else this.shownMenus.push(copyMenu(menu));
  }

  recordSidebar(shown: ShownHtml): void {
    this.shownSidebar = shown;
  }

  recordDialog(shown: DialogRecord): void {
    this.shownDialogs.push(shown);
  }

  recordToast(message: string, title: string, timeoutSeconds: number): void {
    this.shownToasts.push({ message, title, timeoutSeconds });
  }

  /** Answers one dialog from the queue (or the rule for an empty queue) and records it. */
  respond(kind: 'alert' | 'prompt', title: string, prompt: string, buttons: ButtonSetName): AlertRecord {
    const next = this.queue.shift();
    let record: AlertRecord;
    if (next === undefined) {
      if (kind === 'alert' && buttons === 'OK') record = { kind, title, prompt, buttons, answer: 'OK' };
      else throw new Error(`unexpected ${kind}: ${prompt}`);
    } else {
      const button = typeof next === 'string' ? next : next.button;
      if (!BUTTONS_OF[buttons].includes(button)) {
        throw new Error(`scripted answer ${button} is not a button of ${buttons} (${kind}: ${prompt})`);
      }
      record = { kind, title, prompt, buttons, answer: button };
      if (kind === 'prompt') record.text = typeof next === 'string' ? '' : (next.text ?? '');
    }
    this.shownAlerts.push(record);
    return { ...record };
  }
}

const MENU_METHODS = ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] as const satisfies readonly (keyof GasMenu)[];

export class EmuMenu extends Service implements Pick<GasMenu, (typeof MENU_METHODS)[number]> {
  /** Internal: what this menu holds so far. */
  readonly record: MenuRecord;

  constructor(ctx: EmulatorContext, title: string | null, addon: boolean) {
    super(ctx);
    this.record = { title, addon, items: [] };
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.record.items.push({ caption: String(caption), functionName: String(functionName) });
    return asGas(this);
  }

  addSeparator(): GasMenu {
    this.record.items.push({ separator: true });
    return asGas(this);
  }

  addSubMenu(menu: GasMenu): GasMenu {
    if (!(menu instanceof EmuMenu)) throw new Error('Invalid argument: menu');
    this.record.items.push({ submenu: copyMenu(menu.record) });
    return asGas(this);
  }

  addToUi(): void {
    this.ctx.ui.recordMenu(this.record);
  }
}
countCalls(EmuMenu, 'Menu', MENU_METHODS);

const PROMPT_RESPONSE_METHODS = [
  'getResponseText',
  'getSelectedButton',
] as const satisfies readonly (keyof GoogleAppsScript.Base.PromptResponse)[];

export class EmuPromptResponse
  extends Service
  implements Pick<GoogleAppsScript.Base.PromptResponse, (typeof PROMPT_RESPONSE_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly button: ButtonName,
    private readonly text: string,
  ) {
    super(ctx);
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button];
  }
}
countCalls(EmuPromptResponse, 'PromptResponse', PROMPT_RESPONSE_METHODS);

const UI_METHODS = [
  'alert',
  'createAddonMenu',
  'createMenu',
  'prompt',
  'showModalDialog',
  'showModelessDialog',
  'showSidebar',
] as const satisfies readonly (keyof GasUi)[];

function buttonSetName(buttons: unknown): ButtonSetName {
  const name = enumName(buttons);
  if (name in BUTTONS_OF) return name as ButtonSetName;
  throw new Error('Invalid argument: buttons');
}

type DialogArgs =
  [string] | [string, GoogleAppsScript.Base.ButtonSet] | [string, string, GoogleAppsScript.Base.ButtonSet];

/** Splits (prompt) | (prompt, buttons) | (title, prompt, buttons) as Ui.alert and Ui.prompt take them. */
function dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
  if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: buttonSetName(args[2]) };
  if (args.length === 2) return { title: '', prompt: String(args[0]), buttons: buttonSetName(args[1]) };
  return { title: '', prompt: String(args[0] ?? ''), buttons: 'OK' };
}

export class EmuUi extends Service implements Pick<GasUi, (typeof UI_METHODS)[number] | 'Button' | 'ButtonSet'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  alert(...args: DialogArgs): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = dialogArgs(args);
    return Button[this.ctx.ui.respond('alert', title, prompt, buttons).answer];
  }

  // real-sheets-checklist RS-19: the add-on menu's caption is the add-on's name (title null here).
  createAddonMenu(): GasMenu {
    return asGas(new EmuMenu(this.ctx, null, true));
  }

  createMenu(caption: string): GasMenu {
    return asGas(new EmuMenu(this.ctx, String(caption), false));
  }

  prompt(...args: DialogArgs): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = dialogArgs(args);
    const record = this.ctx.ui.respond('prompt', title, prompt, buttons);
    return asGas(new EmuPromptResponse(this.ctx, record.answer, record.text ?? ''));
  }

  // real-sheets-checklist RS-54: shown at its size; window.print() inside it prints its page.
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.ui.recordDialog({ ...htmlOutputOf(userInterface).shown(), title: String(title), modal: true });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.ui.recordDialog({ ...htmlOutputOf(userInterface).shown(), title: String(title), modal: false });
  }

  // real-sheets-checklist RS-20
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.ctx.ui.recordSidebar(htmlOutputOf(userInterface).shown());
  }
}
countCalls(EmuUi, 'Ui', UI_METHODS);
