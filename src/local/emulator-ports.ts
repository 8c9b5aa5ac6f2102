/** The core's ports wired to an emulator, as server/context.ts wires them to Apps Script (tests and benchmarks). */
import type { AppPorts } from '../core/actions/ports';
import { GasDialogs } from '../gas/dialogs';
import { GasDocumentLock } from '../gas/lock';
import { GasDocumentStore, GasUserCache } from '../gas/properties';
import { GasSigner } from '../gas/signer';
import { GasWorkbook } from '../gas/workbook';
import type { Emulator } from './emulator/index';

export function portsFor(emu: Emulator, now = new Date('2026-11-26T03:00:00Z')): AppPorts {
  const g = emu.globals as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    CacheService: GoogleAppsScript.Cache.CacheService;
    LockService: GoogleAppsScript.Lock.LockService;
    HtmlService: GoogleAppsScript.HTML.HtmlService;
    Utilities: GoogleAppsScript.Utilities.Utilities;
  };
  return {
    workbook: new GasWorkbook(g.SpreadsheetApp, g.SpreadsheetApp.getActiveSpreadsheet()),
    store: new GasDocumentStore(g.PropertiesService.getDocumentProperties()),
    cache: new GasUserCache(g.CacheService.getUserCache()),
    lock: new GasDocumentLock(g.LockService),
    clock: { now: () => now },
    signer: new GasSigner(g.Utilities),
    dialogs: new GasDialogs(g.SpreadsheetApp.getUi(), g.HtmlService),
  };
}
