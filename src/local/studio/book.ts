/** readBook: what the studio page shows of the workbook (sheet list, and the shown sheet's display values, fills, notes), read through the emulated SpreadsheetApp. */
import type { Emulator, MenuItemRecord, MenuRecord } from '../emulator/index';

/** The grid the page renders at most; the rest is announced, not sent. */
export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 100;

/** The add-on's name, which Sheets uses as the caption of its add-on menu under 拡張機能. */
export const ADDON_NAME = 'Tsunagu';

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  frozenRows: number;
  lastRow: number;
  lastColumn: number;
  /** Rows and columns sent in rows/backgrounds/notes (0 for a sheet that is not shown). */
  shownRows: number;
  shownColumns: number;
  /** Display values, as Sheets shows them (getDisplayValues). Empty unless this is the shown sheet. */
  rows: string[][];
  /** Fills, '' for the default white. */
  backgrounds: string[][];
  /** Notes, '' for none. */
  notes: string[][];
  /** True where the text is bold; [] when nothing is. */
  bold: boolean[][];
}

export type MenuEntry =
  | { type: 'item'; caption: string; fn: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuView {
  /** The add-on menu is titled with the add-on's name and lives under 拡張機能; other menus sit in the menu bar. */
  title: string;
  addon: boolean;
  items: MenuEntry[];
}

/** The add-on's selection (getActiveRange): its sheet, its A1 address and its top-left cell (1-based). */
export interface ActiveRange {
  sheet: string;
  a1: string;
  row: number;
  column: number;
}

export interface BookSnapshot {
  name: string;
  activeSheet: string;
  /** The selected range; A1 of the active sheet when nothing was selected, as Sheets. */
  activeRange: ActiveRange | null;
  shownSheet: string;
  sheets: SheetSnapshot[];
}

const WHITE = '#ffffff';

function blankSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetSnapshot {
  return {
    name: sheet.getName(),
    hidden: sheet.isSheetHidden(),
    frozenRows: sheet.getFrozenRows(),
    lastRow: sheet.getLastRow(),
    lastColumn: sheet.getLastColumn(),
    shownRows: 0,
    shownColumns: 0,
    rows: [],
    backgrounds: [],
    notes: [],
    bold: [],
  };
}

function activeRangeOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ActiveRange | null {
  const range = spreadsheet.getActiveRange();
  if (!range) return null;
  return {
    sheet: range.getSheet().getName(),
    a1: range.getA1Notation(),
    row: range.getRow(),
    column: range.getColumn(),
  };
}

/**
 * Reads the workbook the way the page shows it. `wanted` is the sheet the page asks for; a missing
 * or hidden one falls back to the active sheet, as Sheets does. With `followSelection`, the sheet
 * of the selection is shown instead (the add-on just selected a cell there). One batched read per
 * kind of data.
 */
export function readBook(emu: Emulator, wanted?: string, followSelection = false): BookSnapshot {
  const spreadsheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheets = spreadsheet.getSheets();
  const snapshots = sheets.map(blankSheet);
  const activeSheet = spreadsheet.getActiveSheet().getName();
  const activeRange = activeRangeOf(spreadsheet);
  if (followSelection && activeRange) wanted = activeRange.sheet;
  const visible = snapshots.filter((s) => !s.hidden);
  const shown =
    visible.find((s) => s.name === wanted) ?? visible.find((s) => s.name === activeSheet) ?? visible[0] ?? snapshots[0];
  if (shown) {
    const sheet = sheets[snapshots.indexOf(shown)]!;
    // Frozen header rows are shown even when they are the only rows.
    const rows = Math.min(Math.max(shown.lastRow, shown.frozenRows), MAX_ROWS, sheet.getMaxRows());
    const columns = Math.min(shown.lastColumn, MAX_COLUMNS);
    if (rows > 0 && columns > 0) {
      const range = sheet.getRange(1, 1, rows, columns);
      shown.rows = range.getDisplayValues();
      shown.backgrounds = range.getBackgrounds().map((row) => row.map((c) => (c === WHITE ? '' : c)));
      shown.notes = range.getNotes();
      const weights = range.getFontWeights();
      if (weights.some((row) => row.some((w) => w === 'bold'))) {
        shown.bold = weights.map((row) => row.map((w) => w === 'bold'));
      }
      shown.shownRows = rows;
      shown.shownColumns = columns;
    }
  }
  return { name: spreadsheet.getName(), activeSheet, activeRange, shownSheet: shown?.name ?? '', sheets: snapshots };
}

/** Makes a sheet the active one, as clicking its tab does. */
export function activateSheet(emu: Emulator, name: string): boolean {
  const spreadsheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet || sheet.isSheetHidden()) return false;
  sheet.activate();
  return true;
}

/** The menus the script added with addToUi, as the page lists them. */
export function menuViews(menus: readonly MenuRecord[]): MenuView[] {
  return menus.map((menu) => ({
    title: menu.addon ? ADDON_NAME : (menu.title ?? ''),
    addon: menu.addon,
    items: menu.items.map(menuEntry),
  }));
}

function menuEntry(item: MenuItemRecord): MenuEntry {
  if ('separator' in item) return { type: 'separator' };
  if ('submenu' in item) {
    return { type: 'submenu', caption: item.submenu.title ?? '', items: item.submenu.items.map(menuEntry) };
  }
  return { type: 'item', caption: item.caption, fn: item.functionName };
}

/** Every function name a menu item points at. */
export function menuFunctions(menus: readonly MenuRecord[]): Set<string> {
  const names = new Set<string>();
  const visit = (items: readonly MenuItemRecord[]): void => {
    for (const item of items) {
      if ('functionName' in item) names.add(item.functionName);
      else if ('submenu' in item) visit(item.submenu.items);
    }
  };
  for (const menu of menus) visit(menu.items);
  return names;
}
