/** The composition root: wires the Apps Script services into the core's ports, once per server call. */
import type { AppPorts } from '../core/actions/ports';
import type { FormPorts } from '../core/actions/survey';
import { GasFormMaker } from '../gas/forms';
import { GasDialogs } from '../gas/dialogs';
import { GasDocumentLock } from '../gas/lock';
import { GasDocumentStore, GasUserCache } from '../gas/properties';
import { GasSigner } from '../gas/signer';
import { GasWorkbook } from '../gas/workbook';

export function appContext(): AppPorts {
  return {
    workbook: new GasWorkbook(SpreadsheetApp, SpreadsheetApp.getActiveSpreadsheet()),
    store: new GasDocumentStore(PropertiesService.getDocumentProperties()),
    cache: new GasUserCache(CacheService.getUserCache()),
    lock: new GasDocumentLock(LockService),
    clock: { now: () => new Date() },
    signer: new GasSigner(Utilities),
    dialogs: new GasDialogs(SpreadsheetApp.getUi(), HtmlService),
  };
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
