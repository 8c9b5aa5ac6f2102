/** Bench: reading a 10,000-row roster through the gas/ adapter on the emulator, beside a naive per-row reader. */
import { detectHeader } from '../src/core/sheets/detect';
import { mappingFromDetection } from '../src/core/sheets/mapping';
import { toVolunteer } from '../src/core/sheets/records';
import { parseRows } from '../src/core/sheets/rows';
import { GasWorkbook } from '../src/gas/workbook';
import { defaultSettingsRows, parseSettings } from '../src/core/sheets/settings';
import { generateDemoBook } from '../src/local/demo/index';
import { Emulator } from '../src/local/emulator/index';
import { measure, printTable } from './harness';

const ROWS = 10_000;

export function benchReadRoster(): void {
  const areas = parseSettings(defaultSettingsRows()).settings.areas;
  const book = generateDemoBook({ seed: 7, volunteers: ROWS, requests: 10, areas });
  const roster = book.sheets.find((s) => s.kind === 'volunteers');
  if (!roster) throw new Error('demo has no roster');
  const emu = Emulator.create('bench');
  const app = emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  spreadsheet.insertSheet(roster.name);
  emu.setSheetValues(roster.name, [roster.header, ...roster.rows]);

  const adapter = measure(`Tsunagu: GasWorkbook.read + parse (${ROWS} rows)`, 7, ROWS, () => {
    emu.stats.reset();
    const workbook = new GasWorkbook(app, app.getActiveSpreadsheet());
    const data = workbook.read(roster.name);
    if (!data) throw new Error('no sheet');
    const detection = detectHeader(data.display);
    if (!detection) throw new Error('roster not recognised');
    const parsed = parseRows('volunteers', mappingFromDetection(detection), data.values, data.display);
    const volunteers = parsed.records.map((r) => toVolunteer(r));
    if (volunteers.length !== ROWS) throw new Error(`read ${volunteers.length} volunteers`);
    return emu.stats.total();
  });

  const naive = measure(`naive: one getValues per row (${ROWS} rows)`, 3, ROWS, () => {
    emu.stats.reset();
    const sheet = app.getActiveSpreadsheet().getSheetByName(roster.name);
    if (!sheet) throw new Error('no sheet');
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const rows: unknown[][] = [];
    for (let r = 1; r <= lastRow; r++) rows.push(sheet.getRange(r, 1, 1, lastColumn).getValues()[0] as unknown[]);
    if (rows.length !== ROWS + 1) throw new Error(`read ${rows.length} rows`);
    return emu.stats.total();
  });

  printTable('read a 10,000-row roster (emulator; service calls = Apps Script round trips)', [adapter, naive]);
  console.log(
    'In Apps Script each service call is a round trip of roughly 10–100 ms, so the naive reader would take minutes where the batched read takes one call per range.',
  );
}
