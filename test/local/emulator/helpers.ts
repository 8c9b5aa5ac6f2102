/** Test helpers for the emulator suite: a fresh emulator on a fixed clock and its typed globals. */
import { Emulator, type EmulatorOptions } from '../../../src/local/emulator/index';
import { tokyoInstant } from '../../support/tokyo';

/** 2024-04-01 09:00 in Tokyo. */
export const FIXED_NOW = new Date('2024-04-01T00:00:00Z');

/** The instant at which Tokyo's wall clock shows the given date and time (summer time 1948–51 included). */
export const tokyo = tokyoInstant;

export function fresh(options: EmulatorOptions = {}) {
  const emu = Emulator.create('テスト', { now: () => FIXED_NOW, ...options });
  const app = emu.globals.SpreadsheetApp;
  const book = app.getActiveSpreadsheet();
  const sheet = book.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  return { emu, app, book, sheet };
}
