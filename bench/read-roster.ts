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

  const sheetName = roster.name;
  let data: ReturnType<GasWorkbook['read']> = null;
  const adapter = measure(`Tsunagu: GasWorkbook.read (one range, ${ROWS} rows)`, 7, ROWS, () => {
    emu.stats.reset();
    data = new GasWorkbook(app, app.getActiveSpreadsheet()).read(sheetName);
    if (!data || data.values.length !== ROWS + 1) throw new Error('short read');
    return emu.stats.total();
  });

  const naive = measure(`naive: getValues + getDisplayValues per row`, 3, ROWS, () => {
    emu.stats.reset();
    const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
    if (!sheet) throw new Error('no sheet');
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const values: unknown[][] = [];
    const display: string[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const range = sheet.getRange(r, 1, 1, lastColumn);
      values.push(range.getValues()[0] as unknown[]);
      display.push(range.getDisplayValues()[0] as string[]);
    }
    if (values.length !== ROWS + 1) throw new Error(`read ${values.length} rows`);
    return emu.stats.total();
  });

  const core = measure(`core: detect header + parseRows + toVolunteer`, 7, ROWS, () => {
    if (!data) throw new Error('nothing read');
    const detection = detectHeader(data.display);
    if (!detection) throw new Error('roster not recognised');
    const parsed = parseRows('volunteers', mappingFromDetection(detection), data.values, data.display);
    const volunteers = parsed.records.map((r) => toVolunteer(r));
    if (volunteers.length !== ROWS) throw new Error(`read ${volunteers.length} volunteers`);
    return 0;
  });

  printTable('read a 10,000-row roster through the gas/ adapter (emulator; service calls = Apps Script round trips)', [
    adapter,
    naive,
    core,
  ]);
  console.log(
    'Service calls are what costs in Apps Script: each is a round trip to the spreadsheet, so the batched read stays flat while the per-row reader grows with the rows.',
  );
}
