/** readBook: what the studio page shows of the workbook (sheet list, and a window of the shown sheet's display values, fills, notes, check boxes, links, merges), read through the emulated SpreadsheetApp. */
import type { Emulator, MenuItemRecord, MenuRecord } from '../emulator/index';
import type {
  ActiveRange,
  BookSnapshot,
  CellImageView,
  MenuEntry,
  MenuView,
  SheetSnapshot,
  SheetWindow,
} from './page-types';

/** The most rows one answer carries: the page asks for the rows around what it shows. */
export const WINDOW_ROWS = 300;
/** The most columns the grid shows; the rest is announced, not sent. */
export const MAX_COLUMNS = 100;
/** Rows sent above a selected cell, so that the cell is not at the very top of its window. */
const ROWS_ABOVE_SELECTION = 100;

/** The add-on's name, which Sheets uses as the caption of its add-on menu under 拡張機能. */
export const ADDON_NAME = 'Tsunagu';

export type {
  ActiveRange,
  BookSnapshot,
  CellLink,
  MenuEntry,
  MenuView,
  SheetSnapshot,
  SheetWindow,
} from './page-types';

const WHITE = '#ffffff';
/** A link to a cell of this workbook, as 検証結果 writes them: =HYPERLINK("#gid=123&range=B5","B5"). */
const CELL_LINK = /^=HYPERLINK\(\s*"#gid=(\d+)&range=([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)"/i;
/** The label of =HYPERLINK("…","label") written with text literals: what Sheets shows in the cell. */
const LINK_LABEL = /^=HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i;

/**
 * What a cell shows: its display value, or — for a HYPERLINK the emulator has not calculated (it
 * calculates no formula; a file from Sheets or Excel carries the result) — the link's label.
 */
function shownText(display: string, formula: string): string {
  if (display !== '' || formula === '') return display;
  const label = LINK_LABEL.exec(formula);
  return label ? label[1]!.replace(/""/g, '"') : display;
}

function blankSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetSnapshot {
  return {
    name: sheet.getName(),
    id: sheet.getSheetId(),
    hidden: sheet.isSheetHidden(),
    frozenRows: sheet.getFrozenRows(),
    lastRow: sheet.getLastRow(),
    lastColumn: sheet.getLastColumn(),
    shownColumns: 0,
    columnWidths: [],
    window: null,
    frozen: null,
    merges: [],
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

/** Rows first..first+count-1 of a sheet as the grid shows them: one batched read per kind of data. */
function readWindow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  count: number,
  columns: number,
): SheetWindow {
  if (count <= 0 || columns <= 0) {
    return { firstRow: first, rows: [], backgrounds: [], notes: [], bold: [], checkboxes: [], links: [], images: [] };
  }
  const range = sheet.getRange(first, 1, count, columns);
  const weights = range.getFontWeights();
  const rules = range.getDataValidations();
  const formulas = range.getFormulas();
  const rows = range.getDisplayValues().map((row, i) => row.map((text, j) => shownText(text, formulas[i]![j]!)));
  const hasCheckbox = rules.some((row) => row.some((rule) => String(rule?.getCriteriaType()) === 'CHECKBOX'));
  const hasLink = formulas.some((row) => row.some((f) => CELL_LINK.test(f)));
  // A picture in a cell displays as '': the values say which cells hold one.
  const images = cellImages(range.getValues());
  return {
    firstRow: first,
    rows,
    backgrounds: range.getBackgrounds().map((row) => row.map((c) => (c === WHITE ? '' : c))),
    notes: range.getNotes(),
    bold: weights.some((row) => row.some((w) => w === 'bold'))
      ? weights.map((row) => row.map((w) => w === 'bold'))
      : [],
    checkboxes: hasCheckbox
      ? rules.map((row, i) =>
          row.map((rule, j) => {
            if (String(rule?.getCriteriaType()) !== 'CHECKBOX') return null;
            const checkedValue = rule?.getCriteriaValues()[0];
            const shown = rows[i]![j]!;
            return checkedValue === undefined ? shown === 'TRUE' : shown === String(checkedValue);
          }),
        )
      : [],
    links: hasLink
      ? formulas.map((row) =>
          row.map((f) => {
            const match = CELL_LINK.exec(f);
            return match ? { sheetId: Number(match[1]), range: match[2]!.toUpperCase() } : null;
          }),
        )
      : [],
    images,
  };
}

/** The pictures among getValues (CellImage objects), [] when there is none. The page's CSP shows data: URLs only. */
function cellImages(values: unknown[][]): Array<Array<CellImageView | null>> {
  const shown = values.map((row) =>
    row.map((v): CellImageView | null => {
      if (v === null || typeof v !== 'object' || String((v as { valueType?: unknown }).valueType) !== 'IMAGE')
        return null;
      const image = v as GoogleAppsScript.Spreadsheet.CellImage;
      const src = image.getUrl() ?? '';
      return src.startsWith('data:image/') ? { src, alt: image.getAltTextTitle() } : null;
    }),
  );
  return shown.some((row) => row.some((c) => c !== null)) ? shown : [];
}

/** Which rows a view asks for: from `top` (1-based) on, or around a cell the add-on selected. */
export interface WindowRequest {
  top?: number;
  rows?: number;
}

/**
 * Reads the workbook the way the page shows it. `wanted` is the sheet the page asks for; a missing
 * or hidden one falls back to the active sheet, as Sheets does. With `followSelection`, the sheet
 * of the selection is shown instead (the add-on just selected a cell there), with the rows around
 * that cell. Only the shown sheet's rows are read: a window of at most WINDOW_ROWS rows, plus its
 * frozen rows.
 */
export function readBook(
  emu: Emulator,
  wanted?: string,
  followSelection = false,
  request: WindowRequest = {},
): BookSnapshot {
  const spreadsheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheets = spreadsheet.getSheets();
  const snapshots = sheets.map(blankSheet);
  const activeSheet = spreadsheet.getActiveSheet().getName();
  const activeRange = activeRangeOf(spreadsheet);
  let top = request.top;
  if (followSelection && activeRange) {
    wanted = activeRange.sheet;
    top = Math.max(1, activeRange.row - ROWS_ABOVE_SELECTION);
  }
  const visible = snapshots.filter((s) => !s.hidden);
  const shown =
    visible.find((s) => s.name === wanted) ?? visible.find((s) => s.name === activeSheet) ?? visible[0] ?? snapshots[0];
  if (shown) {
    const sheet = sheets[snapshots.indexOf(shown)]!;
    // Frozen header rows are shown even when they are the only rows.
    const end = Math.min(Math.max(shown.lastRow, shown.frozenRows), sheet.getMaxRows());
    const columns = Math.min(shown.lastColumn, MAX_COLUMNS);
    const size = Math.max(1, Math.min(request.rows ?? WINDOW_ROWS, WINDOW_ROWS));
    const first = Math.max(1, Math.min(top ?? 1, Math.max(1, end - size + 1)));
    const count = Math.max(0, Math.min(size, end - first + 1));
    shown.shownColumns = columns;
    shown.columnWidths = Array.from({ length: columns }, (_, j) => sheet.getColumnWidth(j + 1));
    shown.window = readWindow(sheet, first, count, columns);
    const frozen = Math.min(shown.frozenRows, end);
    if (frozen > 0 && first > 1) shown.frozen = readWindow(sheet, 1, frozen, columns);
    if (count > 0 && columns > 0) {
      shown.merges = sheet
        .getRange(1, 1, first + count - 1, columns)
        .getMergedRanges()
        .map((m) => ({
          row: m.getRow(),
          column: m.getColumn(),
          numRows: m.getNumRows(),
          numColumns: m.getNumColumns(),
        }))
        .filter((m) => m.row + m.numRows - 1 >= first || m.row <= frozen);
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
