// The whole state of an emulated workbook, read through the public services: every cell's value, formula, format, note, fill and rule; sheets, their order and visibility; document properties.
import type { Emulator } from '../../../src/local/emulator/index';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function rule(v: GoogleAppsScript.Spreadsheet.DataValidation | null): string {
  if (!v) return '';
  return JSON.stringify([String(v.getCriteriaType()), v.getCriteriaValues(), v.getAllowInvalid()]);
}

/** Columns (1-based) whose content depends on the clock or a key: compared as present or absent only. */
export interface StateOptions {
  volatile?: Readonly<Record<string, readonly number[]>>;
}

function sheetState(sheet: Sheet, volatile: readonly number[]): unknown {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues().map((r) => r.map((v) => (v instanceof Date ? { date: v.toISOString() } : v)));
  const cells: Record<string, unknown[]> = {};
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const notes = range.getNotes();
  const fills = range.getBackgrounds();
  const rules = range.getDataValidations();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = values[r]?.[c];
      const cell = [
        volatile.indexOf(c + 1) >= 0 && value !== '' ? '*' : value,
        formulas[r]?.[c],
        formats[r]?.[c],
        notes[r]?.[c],
        fills[r]?.[c],
        rule(rules[r]?.[c] ?? null),
      ];
      if (cell[0] === '' && cell[1] === '' && cell[3] === '' && cell[4] === '#ffffff' && cell[5] === '') {
        if (cell[2] === '0.###############') continue;
      }
      cells[`${r + 1},${c + 1}`] = cell;
    }
  }
  return { name: sheet.getName(), hidden: sheet.isSheetHidden(), rows, columns, frozen: sheet.getFrozenRows(), cells };
}

/** Everything a staff member or a later action could see, as plain data to compare with toEqual. */
export function workbookState(emu: Emulator, options: StateOptions = {}): unknown {
  const book = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  return {
    sheets: book.getSheets().map((s) => sheetState(s, options.volatile?.[s.getName()] ?? [])),
    properties: emu.globals.PropertiesService.getDocumentProperties().getProperties(),
  };
}
