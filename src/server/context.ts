/** The composition root: wires the Apps Script services into the core's ports, once per server call. */
import type { AppPorts } from '../core/actions/ports';
import type { FormPorts } from '../core/actions/survey';
import { GasFormMaker } from '../gas/forms';
import { GasDialogs } from '../gas/dialogs';
import { GasDocumentLock } from '../gas/lock';
import { GasDocumentStore, GasUserCache } from '../gas/properties';
import { GasSigner } from '../gas/signer';
import { GasTriggers } from '../gas/triggers';
import { GasWorkbook } from '../gas/workbook';
import type { Dialogs } from '../core/ports';
import { TRIGGER_KEYS } from '../core/actions/triggers';

export function appContext(): AppPorts {
  return portsFor(SpreadsheetApp.getActiveSpreadsheet(), new GasDialogs(SpreadsheetApp.getUi(), HtmlService));
}

function portsFor(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, dialogs: Dialogs): AppPorts {
  return {
    workbook: new GasWorkbook(SpreadsheetApp, spreadsheet),
    store: new GasDocumentStore(PropertiesService.getDocumentProperties()),
    cache: new GasUserCache(CacheService.getUserCache()),
    lock: new GasDocumentLock(LockService),
    clock: { now: () => new Date() },
    signer: new GasSigner(Utilities),
    dialogs,
  };
}

/** A trigger runs with nobody at the screen: any dialog is a programming error, said plainly. */
const NO_DIALOGS: Dialogs = {
  confirm: () => {
    throw new Error('no dialogs in a trigger');
  },
  alert: () => {
    throw new Error('no dialogs in a trigger');
  },
  showSidebar: () => {
    throw new Error('no dialogs in a trigger');
  },
  showHtml: () => {
    throw new Error('no dialogs in a trigger');
  },
};

/**
 * The ports of a trigger run: no Ui (SpreadsheetApp.getUi() throws there). A time-driven trigger
 * may have no active spreadsheet, so it opens the one whose id was kept when the trigger was made
 * (real-sheets-checklist RS-56).
 */
export function triggerContext(): { ports: AppPorts; triggers: GasTriggers } {
  const active = SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  let spreadsheet = active;
  if (!spreadsheet) {
    const id = PropertiesService.getDocumentProperties().getProperty(TRIGGER_KEYS.spreadsheetId);
    if (!id) throw new Error('the spreadsheet of this trigger is unknown');
    spreadsheet = SpreadsheetApp.openById(id);
  }
  return { ports: portsFor(spreadsheet, NO_DIALOGS), triggers: new GasTriggers(ScriptApp, Session, spreadsheet) };
}

/** The installable triggers of the spreadsheet the sidebar is open on, and its id. */
export function triggersContext(): { triggers: GasTriggers; spreadsheetId: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return { triggers: new GasTriggers(ScriptApp, Session, spreadsheet), spreadsheetId: spreadsheet.getId() };
}

/** The forms platform (Google Forms) and this spreadsheet's id, for アンケート作成. */
export function formsContext(): FormPorts {
  return { maker: new GasFormMaker(FormApp), spreadsheetId: SpreadsheetApp.getActiveSpreadsheet().getId() };
}

/** The add-on menu. Built without touching the document, so it works in AuthMode.NONE too. */
export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('シート準備', 'menuSetupSheets')
    .addItem('検証', 'menuValidate')
    .addItem('マッチング', 'menuMatch')
    .addItem('アンケート作成', 'menuSurvey')
    .addItem('指標サマリー', 'menuSummary')
    .addItem('指標サマリーの報告書', 'menuSummaryReport')
    .addSeparator()
    .addItem('サイドバーを開く', 'showSidebar')
    .addToUi();
}
