/** The ports: what the core needs from the outside world (workbook, lock, document store, clock, dialogs). */

import type { SheetRef } from './sheets/mapping';

export type { SheetRef };

/** A cell as Apps Script's getValues gives it: '' for blank, Date for date cells. */
export type CellValue = string | number | boolean | Date;

/**
 * A picture inside a cell (Sheets' CellImage): what an output sheet may hold besides values
 * (フォーム一覧's QR codes). The port never reads one back: an image cell reads as '' — so a value
 * Tsunagu keeps to undo a write is never an image (docs/forms.md).
 */
export interface CellImageValue {
  readonly kind: 'image';
  /** An https address or a data URL (data:image/gif;base64,…). */
  readonly url: string;
  /** What the picture is, for screen readers and wherever the image cannot be shown (an .xlsx save). */
  readonly alt: string;
}

/** A cell of an output sheet: a value, or a picture. */
export type OutputValue = CellValue | CellImageValue;

/** Whether an output cell is a picture. */
export function isCellImage(value: unknown): value is CellImageValue {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { kind?: unknown }).kind === 'image' &&
    typeof (value as { url?: unknown }).url === 'string'
  );
}

/** The first rows of one sheet, read in one batched call, with its size. */
export interface SheetHead {
  name: string;
  /**
   * The sheet's id (gid), for links to its cells and to tell a sheet from a later one of the same
   * name. In Apps Script it is read when first asked for (one call), so a head that is only looked
   * at for its kind costs none.
   */
  readonly id: number;
  /** One of Tsunagu's own sheets (a marked output sheet or a scratch sheet): never staff data. */
  own?: boolean;
  /** Last row with content (0 for an empty sheet). */
  lastRow: number;
  lastColumn: number;
  /** Display strings of the first rows (at most the rows asked for). */
  display: string[][];
}

/** The whole used range of one sheet. */
export interface SheetData {
  name: string;
  values: CellValue[][];
  display: string[][];
}

/** A drop-down (data validation list) on one column, from the row below the header down. */
export interface Dropdown {
  column: number;
  values: string[];
  /** Keep values outside the list (shown with a warning) rather than reject them. */
  allowInvalid: boolean;
}

/** Everything needed to create one standard sheet in one go. */
export interface NewSheetSpec {
  name: string;
  header: string[];
  rows: CellValue[][];
  frozenRows: number;
  /** 0-based columns formatted as plain text ('@'), so ids, phone numbers and postal codes stay as typed. */
  textColumns: number[];
  dropdowns: Dropdown[];
  /** 0-based columns that hold check boxes. */
  checkboxColumns: number[];
  hidden: boolean;
}

/** Rows first … first + count - 1 of a sheet, 1-based. */
export interface RowSpan {
  first: number;
  count: number;
}

/** A rectangle of cells, 1-based. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * A chart Tsunagu places on a sheet (Sheets' own embedded chart): its type, its data — one
 * rectangle whose first row holds the series' names and first column the categories — where it
 * floats, and its titles. Plain data, so a spec can be kept and compared.
 */
export interface ChartSpec {
  type: 'LINE' | 'COLUMN' | 'BAR';
  data: Rect & { sheet: string };
  /** The cell its top-left corner sits on when placed (1-based); an update leaves it where it is. */
  anchor: { row: number; column: number };
  title: string;
  /** The value axis' title ('%', '人' …); '' for none. */
  valueTitle: string;
}

/** What readBlock can read of a rectangle, each in one call. */
export type BlockPart = 'values' | 'formulas' | 'numberFormats' | 'notes' | 'backgrounds';

export interface CellBlock {
  values?: CellValue[][];
  /** '' where a cell holds no formula. */
  formulas?: string[][];
  numberFormats?: string[][];
  notes?: string[][];
  /** '#rrggbb'; '#ffffff' for no fill. */
  backgrounds?: string[][];
}

/** What writeBlock writes: values may hold formulas ('=…'); a null background removes the fill. */
export interface BlockWrite {
  /** Written before the values, so the values are read in these formats. */
  numberFormats?: string[][];
  values?: CellValue[][];
  notes?: string[][];
  backgrounds?: (string | null)[][];
}

/**
 * How to take back one write of an action, and what to clear away once the whole action is done.
 * A transaction keeps one per write and, when a later write fails, undoes them in reverse order.
 */
export interface Undoable {
  /** Puts back what the write changed. */
  undo(): void;
  /** Removes what was kept only to undo (a scratch copy): after this, undo is no longer possible. */
  dispose(): void;
}

/** One of Tsunagu's own sheets, as the mark it carries says (developer metadata, not its name). */
export interface MarkedSheet {
  name: string;
  /** What it is: an OutputKind ('validation', 'history' …). */
  kind: string;
}

/** One of Tsunagu's own output sheets, rewritten whole on every run. */
export interface OutputSheet {
  name: string;
  /** What it is (an OutputKind): the mark a new sheet gets, so it is never taken for a staff sheet. */
  kind: string;
  header: string[];
  /** Values, and pictures (CellImageValue) where a column shows one. */
  rows: OutputValue[][];
  hidden: boolean;
  /** 0-based columns formatted as plain text. */
  textColumns: number[];
  /** 0-based columns that hold check boxes. */
  checkboxColumns: number[];
  /** Drop-downs on columns staff fill in. */
  dropdowns?: Dropdown[];
  /**
   * Rows that move: carryFrom[i] is the row of the sheet as it is now whose notes and fills go with
   * the new row i + 2 (0: none), and in staffColumns also its number formats and rules.
   */
  carryFrom?: number[];
  /** 0-based columns that are staff's own: their formats and rules come from carryFrom, not from Tsunagu. */
  staffColumns?: number[];
}

export interface WriteOptions {
  /**
   * Write even where a rule rejects the value (putting back a value the cell held before its rule
   * was tightened): the rules of the block are lifted for the write and set again right after.
   */
  liftRules?: boolean;
}

/** The spreadsheet, seen through batched reads and whole-range writes only. */
export interface Workbook {
  sheetNames(): string[];
  /**
   * The first `rows` rows of every sheet: one read per sheet, never per row. Sheets named in
   * `withoutRows` (Tsunagu's own output sheets) come with their size but no rows: nothing reads them.
   */
  heads(rows: number, withoutRows?: readonly string[]): SheetHead[];
  /**
   * The first `rows` rows of every staff sheet, as heads() gives them: Tsunagu's own sheets (marked
   * output sheets, scratch sheets) are left out — no call for them — for actions that read only
   * staff data (docs/cost.md). So are the sheets named in `leaveOut` (those whose kind the caller
   * knows from the confirmed mappings and does not need: src/core/actions/lookup.ts).
   */
  staffHeads(rows: number, leaveOut?: readonly string[]): SheetHead[];
  /**
   * Every sheet in tab order with its id, nothing of its cells read: the sheet list (one call, and
   * one per sheet for its name, once per server call) and an id only when it is asked for.
   */
  sheets(): SheetRef[];
  /** One sheet's first `rows` rows, as heads() gives them; null when there is no sheet of that name. */
  head(name: string, rows: number): SheetHead | null;
  /**
   * The used range of a sheet, or null when there is no sheet of that name. Given `columns`
   * (0-based), only those columns are read; the others come back blank, so indexes stay the
   * sheet's. Given `rows`, only those row spans are read; the other rows come back as empty
   * lists. Display texts are read only where a cell holds a number, date or yes/no — a text
   * cell's display text is the text itself — so reading costs the cells that matter (docs/cost.md).
   */
  read(name: string, columns?: readonly number[], rows?: readonly RowSpan[]): SheetData | null;
  /** Tsunagu's own sheets, found by the mark they carry (one search, whatever their number). */
  markedSheets(): MarkedSheet[];
  /** Marks an existing sheet as Tsunagu's (an output sheet made before sheets were marked). */
  markSheet(name: string, kind: string): Undoable;
  /**
   * Creates a sheet with its header, rows, formats and drop-downs, all or nothing. An existing
   * empty sheet of that name is used instead (inserted: false).
   */
  createSheet(spec: NewSheetSpec): Undoable & { inserted: boolean };
  /** Whole rows (every column up to the last used one), values only: two calls. */
  readRows(sheet: string, row: number, rows: number): CellValue[][];
  /** Reads parts of one rectangle: one call per part. */
  readBlock(sheet: string, rect: Rect, parts: readonly BlockPart[]): CellBlock;
  /** Writes one rectangle: one call per part given (three more when rules are lifted). */
  writeBlock(sheet: string, rect: Rect, data: BlockWrite, options?: WriteOptions): void;
  /**
   * Creates or rewrites one of Tsunagu's output sheets, all or nothing: the new content is made out
   * of sight and replaces the old in one step, so a failure leaves the old content whole.
   */
  writeOutputSheet(sheet: OutputSheet): Undoable;
  /**
   * Writes rows into an output sheet written before, from a row on (1-based), growing it as
   * needed: a 検証 in parts adds each part's findings below the earlier parts'. The 0-based
   * `textColumns` are formatted as plain text first, as writeOutputSheet formats them.
   */
  writeOutputRows(name: string, firstRow: number, rows: CellValue[][], textColumns: readonly number[]): void;
  /**
   * Adds rows below an output sheet's content (from `firstRow`, 1-based; the cells there are blank),
   * the 0-based `textColumns` formatted as plain text first, the grid grown as needed — all or
   * nothing, and taken back exactly: the cells blank again in the number formats they had, the grid
   * its size before (回答の取り込み adds only the new answers to アンケート回答).
   */
  appendOutputRows(name: string, firstRow: number, rows: CellValue[][], textColumns: readonly number[]): Undoable;
  /** Selects a cell for staff (the sidebar's "go to cell"). */
  selectCell(sheet: string, row: number, column: number): void;
  /**
   * The sheets that receive a form's responses, each with the form's edit URL (Sheet.getFormUrl):
   * how a form's response sheet is found — by its form, never by its name. One call per sheet;
   * with `among`, only those sheets are asked (those Tsunagu marked as response sheets).
   */
  formResponseSheets(among?: readonly string[]): Array<{ name: string; formUrl: string }>;
  /** A sheet's grid size and last used row, or null when there is no such sheet (reads only). */
  sheetSize(name: string): { rows: number; columns: number; lastRow: number } | null;
  /** Inserts blank rows after a row: one call. */
  insertRows(sheet: string, after: number, count: number): void;
  /**
   * The ids of a sheet's embedded charts (Sheets' own, staff's included): one call, and one per
   * chart. Empty when there is no sheet of that name.
   */
  chartIds(sheet: string): number[];
  /** Places a new chart on a sheet and returns its id (stable for the chart's life). */
  insertChart(sheet: string, spec: ChartSpec): number;
  /** Reshapes the chart of that id in place (its data, type and titles): it keeps its id and where it is. */
  updateChart(sheet: string, id: number, spec: ChartSpec): void;
  /** Removes the chart of that id. */
  removeChart(sheet: string, id: number): void;
  /** Deletes rows: one call. */
  deleteRows(sheet: string, row: number, count: number): void;
  /**
   * Deletes one of Tsunagu's own sheets: one call. It cannot be taken back, so an action deletes
   * only as its last write (Transaction.lastly): つなぐ履歴 when a purge leaves no record, or 履歴を消去.
   */
  deleteSheet(sheet: string): void;
}

/** HMAC-SHA256 and random keys (from the platform's crypto service): what seals the history against edits. */
export interface Signer {
  /** HMAC-SHA256 of a message (UTF-8) under a key (UTF-8), as lowercase hex. */
  hmacSha256(key: string, message: string): string;
  /** A new random key of at least 240 bits. */
  newKey(): string;
}

/** Small per-document key/value storage (Apps Script document properties): never personal data. */
export interface DocumentStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** Short-lived per-user storage (Apps Script user cache): never personal data. */
export interface UserCache {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
  remove(key: string): void;
}

/** The document lock: writes run inside it so two staff members cannot interleave. */
export interface DocumentLock {
  /** Runs fn holding the lock; throws LockBusyError when it cannot be had in time. */
  run<T>(fn: () => T): T;
}

export interface Clock {
  now(): Date;
}

/** Dialogs in the spreadsheet's own UI (menus run outside the sidebar). */
export interface Dialogs {
  confirm(title: string, message: string): boolean;
  alert(title: string, message: string): void;
  showSidebar(title: string): void;
  /** A modal HTML dialog (the leadership report): the page as given, width × height pixels. */
  showHtml(title: string, html: string, width: number, height: number): void;
}

/** One installable trigger of this project that the current user can see. */
export interface InstalledTrigger {
  uid: string;
  handler: string;
}

/** When a time-driven trigger fires (Tokyo): daily at an hour, or weekly on a day. */
export type TriggerSchedule =
  | { every: 'day'; hour: number }
  | {
      every: 'week';
      day: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
      hour: number;
    };

/**
 * Installable triggers (src/gas implements them): those of the current user only — Apps Script shows an account
 * no other account's triggers, nor lets it delete them.
 */
export interface Triggers {
  /** The account the script runs as ('' when Apps Script does not say). */
  user(): string;
  /** The current user's triggers of this project for this document. */
  mine(): InstalledTrigger[];
  /** A form-submit trigger on this spreadsheet; its unique id. */
  createFormSubmit(handler: string): string;
  /** A time-driven trigger; its unique id. */
  createClock(handler: string, schedule: TriggerSchedule): string;
  /** A one-off time-driven trigger that fires once, at least `afterMs` from now; its unique id. */
  createOnce(handler: string, afterMs: number): string;
  /** Deletes one of the current user's triggers; false when it is not one of them. */
  remove(uid: string): boolean;
}
