/**
 * The cost model: what a service call and a cell cost in real Apps Script, as low–high ranges with
 * their sources, and the estimate of an action's Apps Script time from what the emulator recorded.
 * docs/cost.md explains the model; docs/real-sheets-checklist.md lists what it assumes.
 */
import { isMutatingCall } from './faults';

/** A low–high range of one cost. */
export interface CostRange {
  readonly low: number;
  readonly high: number;
}

/**
 * The constants, each with where it comes from. The published figures are timings of whole
 * scripts; the per-call and per-cell costs below are what those timings divide into. Issue 10
 * summarised tanaikech's and others' benchmarks as: a batched read about 30 µs a cell on a plain
 * sheet and up to 100 µs on a formatted one, a call after a write about 80 ms, other calls a few to
 * 90 ms, writes about 100–300 µs a cell when committed. The sources below are the ones checked.
 */
// real-sheets-checklist RS-30: the figures below, measured on a real spreadsheet.
export const COST_MODEL = {
  /**
   * Every service call, in milliseconds: "a few" to 90 ms (issue 10's summary). The high end is a
   * large spreadsheet: tanaikech measured 0.3 s just to read the row and column counts of a
   * 10,000,000-cell one ("Handling 10,000,000 cells in Google Spreadsheet using Google Apps Script",
   * https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e).
   */
  callMs: { low: 5, high: 90 },
  /**
   * The extra cost of a call that must commit pending writes first (a read after a write, or
   * flush), in milliseconds. Google, "Optimizing Spreadsheet Operations" (Apps Script blog, 2010):
   * "Every time you do a read, we must first empty (commit) the write cache". Measured: 100 rows of
   * getValue, getValue, setValue took 24,123 ms — about 240 ms a row with one commit each
   * (https://gas.excelspeedup.com/gas-spreadsheet-speedup/); 1,000 rows of getValue then setValue
   * took 318,580 ms — about 320 ms a row (moseskim/google-app-scripts-3rd, 16/16-02.gs). Low is
   * issue 10's 80 ms; high is what is left of those rows after their other calls.
   */
  commitMs: { low: 80, high: 250 },
  /**
   * Each cell a batched read returns (getValues, getDisplayValues, getNotes, getBackgrounds …), in
   * microseconds. 120,000 rows × 2 columns of plain text came back from one getValues in 7.38 s —
   * 31 µs a cell; the article before it timed the same rows on a sheet with formulas and formatting
   * at 24 s, three times as long (https://qiita.com/shi-suzuki/items/d23c6c7e4a0bbe2831af).
   * Low is a plain sheet, high a formatted one. A cell counts the same whatever its length: the
   * work sheet's rows of up to 40,000 characters (a 検証 in parts' carried values) as a short one
   * (real-sheets-checklist RS-62).
   */
  readCellUs: { low: 30, high: 100 },
  /**
   * Each cell a write sets, clears or formats, in microseconds, paid when the writes are committed.
   * 1,000 cells read with one getValues and written with one setValues took 333 ms — about 200 µs a
   * written cell once the calls, the reads and the commit are taken off (moseskim, as above);
   * 10,000 cells written with one Sheets API updateCells request took about 3 s — 300 µs a cell
   * (https://qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab). Low is issue 10's 100 µs.
   */
  writeCellUs: { low: 100, high: 300 },
} as const satisfies Record<string, CostRange>;

/** One execution's hard limit (consumer accounts; Workspace allows 30 minutes): 6 minutes. */
export const EXECUTION_LIMIT_SECONDS = 360;

/** The budget of one sidebar call on a large council's workbook: its high estimate stays under this. */
export const SIDEBAR_BUDGET_SECONDS = 30;

/** The cells one service call reads and writes. */
export interface CellCount {
  read: number;
  written: number;
  /** For a read: the cells of its sheet's whole used range (what the bench's whole-sheet peer reads instead). */
  sheet?: number;
}

export const NO_CELLS: CellCount = { read: 0, written: 0 };

/** What an action did, in the units of the model. */
export interface CostTotals {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Calls that had to commit pending writes first, the commit at the end of the execution included. */
  commits: number;
}

/** The estimated Apps Script time of what was recorded, in seconds, rounded to 0.1 s. */
export function estimateSeconds(totals: CostTotals): CostRange {
  const at = (side: 'low' | 'high'): number => {
    const ms =
      totals.calls * COST_MODEL.callMs[side] +
      totals.commits * COST_MODEL.commitMs[side] +
      (totals.cellsRead * COST_MODEL.readCellUs[side]) / 1000 +
      (totals.cellsWritten * COST_MODEL.writeCellUs[side]) / 1000;
    return Math.round(ms / 100) / 10;
  };
  return { low: at('low'), high: at('high') };
}

/** The classes of SpreadsheetApp whose writes Apps Script batches and whose reads commit them. */
const SPREADSHEET_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range']);

/** Getters that only hand back an object to call next; they read nothing from the document. */
const REFERENCE_GETTERS = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newDataValidation',
  'Spreadsheet.getRange',
  'Sheet.getRange',
  'Sheet.getParent',
  'Range.getCell',
  'Range.getSheet',
  'Range.offset',
]);

/** How a call relates to Apps Script's write cache: it adds to it, it commits it first, or neither. */
// real-sheets-checklist RS-31: which calls commit the pending writes.
export function writeCacheRole(key: string): 'writes' | 'commits' | 'neither' {
  const dot = key.indexOf('.');
  if (!SPREADSHEET_CLASSES.has(key.slice(0, dot))) return 'neither';
  if (key === 'SpreadsheetApp.flush') return 'commits';
  if (isMutatingCall(key)) return 'writes';
  const method = key.slice(dot + 1);
  if (/^(get|is)/.test(method) && !REFERENCE_GETTERS.has(key)) return 'commits';
  return 'neither';
}
