/** The JSON the studio's server sends its page (GET /api/book and the call reports): shared by the server (Node) and the page script (browser); types only. */

/** Rows of one sheet as the grid shows them, from `firstRow` on (all arrays are rows × shown columns). */
export interface SheetWindow {
  /** 1-based row of rows[0]. */
  firstRow: number;
  /** Display values, as Sheets shows them (getDisplayValues). */
  rows: string[][];
  /** Fills, '' for the default white. */
  backgrounds: string[][];
  /** Notes, '' for none. */
  notes: string[][];
  /** True where the text is bold; [] when nothing is. */
  bold: boolean[][];
  /** Check boxes: true / false for a check box that is ticked or not, null for other cells; [] when there is none. */
  checkboxes: Array<Array<boolean | null>>;
  /** Links to a cell of this workbook (=HYPERLINK("#gid=…&range=…")): where they lead, null elsewhere; [] when there is none. */
  links: Array<Array<CellLink | null>>;
  /** Pictures in cells (Sheets' CellImage): a data: URL and its alt text, null elsewhere; [] when there is none. */
  images: Array<Array<CellImageView | null>>;
}

/** A picture in a cell, as the page shows it (fitted to the cell, as Sheets does). */
export interface CellImageView {
  src: string;
  alt: string;
}

/** Where a link inside the workbook leads. */
export interface CellLink {
  sheetId: number;
  /** A1 of the target ('B5' or 'B5:C6'). */
  range: string;
}

export interface MergedArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetSnapshot {
  name: string;
  /** getSheetId: what #gid= links name. */
  id: number;
  hidden: boolean;
  frozenRows: number;
  lastRow: number;
  lastColumn: number;
  /** Columns the grid shows (0 for a sheet that is not shown). */
  shownColumns: number;
  /** Column widths in pixels, shown columns only (the sheet's own widths). */
  columnWidths: number[];
  /** The rows asked for (null for a sheet that is not shown). */
  window: SheetWindow | null;
  /** The frozen rows when the window does not start with them (they stay on top while scrolling). */
  frozen: SheetWindow | null;
  /** Merged areas that touch the shown rows and columns. */
  merges: MergedArea[];
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

/** Where the save stands, for the page's top bar. 'conflict': the file changed on disk, the page offers to reload it. */
export interface SaveState {
  state: 'memory' | 'idle' | 'saved' | 'error' | 'conflict';
  file: string | null;
  at?: string;
  error?: string;
  /** The backup made before the first overwrite, once there is one. */
  backup?: string;
}

/** GET /api/book: the snapshot plus the studio's own state. */
export interface BookView extends BookSnapshot {
  /** Counts the selections scripts made; the page follows one it has not seen yet. */
  selection: number;
  /** The most columns the grid shows. */
  maxColumns: number;
  sidebar: { title: string; generation: number } | null;
  /** The HTML dialog a script showed last (Ui.showModalDialog: the leadership report), until closed; its page is GET /dialog. */
  dialog: { title: string; generation: number; width: number | null; height: number | null } | null;
  menus: MenuView[];
  save: SaveState;
}

/** One call's service calls, cells and estimated time in real Apps Script (docs/cost.md); the emulator's CostSummary. */
export interface CallCost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  estimatedSeconds: { low: number; high: number };
}

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

/** One dialog a script showed, as the page gets it. */
export interface ShownAlert {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSetName;
  /** The button the script received. */
  answer: ButtonName;
  /** For a prompt, the text the script received. */
  text?: string;
  /** False when nobody answered: the studio chose the safe button and the page should ask staff. */
  scripted: boolean;
}

/** What a menu item or a google.script.run call did, besides its result. */
export interface CallReport {
  changed: boolean;
  alerts: ShownAlert[];
  toasts: Array<{ title: string; message: string }>;
  /** The call's service calls, cells and estimated Apps Script time. */
  cost: CallCost;
}

/** POST /api/menu/<fn>. */
export type MenuAnswer = ({ ok: true } | { ok: false; error: string }) & CallReport;
