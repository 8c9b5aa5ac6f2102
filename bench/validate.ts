/**
 * Bench: validation of a 10,000-row roster and a 20,000-row ledger — core time and rows per
 * second, and the service calls of the whole 検証 action — beside a naive per-cell reader.
 */
import { performance } from 'node:perf_hooks';
import { runValidation } from '../src/core/actions/validate';
import { readWorkbookInput } from '../src/core/actions/workbook-input';
import { validateWorkbook } from '../src/core/validate/index';
import { defaultSettingsRows, parseSettings } from '../src/core/sheets/settings';
import { generateDemoBook, type DemoSheet } from '../src/local/demo/index';
import { type Emulator } from '../src/local/emulator/index';
import { Session } from '../src/local/session';
import { portsFor } from '../src/local/emulator-ports';
import { measure, printTable, type Measurement } from './harness';

const ROSTER_ROWS = 10_000;
const LEDGER_ROWS = 20_000;

/**
 * A 20,000-row 寄付台帳: the demo's donations repeated, each repeat with its own receipt numbers
 * (R6-0012 → R6-10012 …, still unique within the fiscal year) and amounts, so the copies are new
 * donations rather than duplicates.
 */
function bigLedger(donations: DemoSheet): DemoSheet {
  const receipt = donations.header.indexOf('領収書番号');
  const amount = donations.header.indexOf('金額');
  const rows: DemoSheet['rows'] = [];
  for (let i = 0; rows.length < LEDGER_ROWS; i++) {
    const row = [...(donations.rows[i % donations.rows.length] as DemoSheet['rows'][number])];
    const round = Math.floor(i / donations.rows.length);
    if (round > 0) {
      row[receipt] = String(row[receipt]).replace(/(\d+)$/, (digits) => String(Number(digits) + round * 10_000));
      if (typeof row[amount] === 'number') row[amount] = (row[amount] as number) + round;
    }
    rows.push(row);
  }
  return { ...donations, rows };
}

function workbookWith(sheets: DemoSheet[]): Emulator {
  const session = Session.create('bench');
  if (!(session.run('setupSheets') as { ok: boolean }).ok) throw new Error('setup failed');
  for (const sheet of sheets) session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
  return session.emu;
}

function benchOne(title: string, sheet: DemoSheet): Measurement[] {
  const emu = workbookWith([sheet]);
  const ports = portsFor(emu);
  const rows = sheet.rows.length;
  const input = readWorkbookInput(ports);
  const only = { ...input, sheets: input.sheets.filter((s) => s.name === sheet.name) };
  let issues = 0;
  const core = measure(`core: validateWorkbook (${rows} rows)`, 15, rows, () => {
    issues = validateWorkbook(only).issues.length;
    return null;
  });
  const action = measure(`action: 検証 through the gas/ adapter`, 3, rows, () => {
    emu.stats.reset();
    runValidation(ports);
    return emu.stats.total();
  });
  const app = emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const naive = measure(`naive: getValue per cell, then validate`, 1, rows, () => {
    emu.stats.reset();
    const s = app.getActiveSpreadsheet().getSheetByName(sheet.name);
    if (!s) throw new Error('no sheet');
    const lastRow = s.getLastRow();
    const lastColumn = s.getLastColumn();
    for (let r = 1; r <= lastRow; r++) for (let c = 1; c <= lastColumn; c++) s.getRange(r, c).getValue();
    validateWorkbook(only);
    return emu.stats.total();
  });
  console.log(`${title}: ${issues} issues found`);
  return [core, action, naive];
}

export function benchValidate(): void {
  const started = performance.now();
  const areas = parseSettings(defaultSettingsRows()).settings.areas;
  const book = generateDemoBook({ seed: 11, volunteers: ROSTER_ROWS, requests: 50, areas });
  const roster = book.sheets.find((s) => s.kind === 'volunteers') as DemoSheet;
  const donations = book.sheets.find((s) => s.kind === 'donations') as DemoSheet;
  const results = [
    ...benchOne('roster', roster).map((m) => ({ ...m, label: `roster ${m.label}` })),
    ...benchOne('ledger', bigLedger(donations)).map((m) => ({ ...m, label: `ledger ${m.label}` })),
  ];
  printTable(
    'validate a 10,000-row roster and a 20,000-row 寄付台帳 (target: core ≥ 100,000 rows/s; calls flat in rows)',
    results,
  );
  console.log(`(validate bench took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
