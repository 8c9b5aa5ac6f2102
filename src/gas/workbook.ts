/** GasWorkbook: the Workbook port on SpreadsheetApp, reading and writing whole ranges only. */
import { UndoIncomplete } from '../core/errors';
import { OUTPUT_MARK_KEY, SCRATCH_PREFIX } from '../core/output-sheets';
import type {
  ChartSpec,
  BlockPart,
  BlockWrite,
  CellBlock,
  CellImageValue,
  CellValue,
  MarkedSheet,
  NewSheetSpec,
  OutputSheet,
  OutputValue,
  Rect,
  RowSpan,
  SheetData,
  SheetHead,
  SheetRef,
  Undoable,
  Workbook,
  WriteOptions,
} from '../core/ports';
import { AUTOMATIC_FORMAT_READ } from '../core/history/cells';
import { isCellImage } from '../core/ports';
import { copyGrid, growTo, insertScratch, removeSheet, shrinkBack, type Growth } from './scratch';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

const NOTHING_TO_DISPOSE = (): void => undefined;

/**
 * Runs the steps that put back what a failed write did; the original error is thrown again, or
 * UndoIncomplete when a step of the putting back failed too.
 */
function undoAndThrow(error: unknown, steps: Array<() => void>): never {
  let whole = true;
  for (const step of steps) {
    try {
      step();
    } catch {
      whole = false;
    }
  }
  throw whole ? error : new UndoIncomplete(error);
}

/** What rows of an output sheet carry from the sheet as it was (notes, fills; staff columns' formats and rules). */
interface Carried {
  notes: string[][];
  backgrounds: string[][];
  numberFormats: string[][];
  rules: Array<Array<DataValidation | null>>;
}

/**
 * A cell as the port gives it: a picture (getValues hands back a CellImage object) reads as '' —
 * the port carries no image back, so nothing kept to undo a write is ever one (docs/forms.md).
 */
// real-sheets-checklist RS-63
function plain(value: unknown): CellValue {
  return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Date]'
    ? ''
    : (value as CellValue);
}

/** A grid of getValues with any picture read as '' (the grid itself when it has none). */
function plainGrid(grid: unknown[][]): CellValue[][] {
  for (const row of grid) {
    for (const v of row) {
      if (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) !== '[object Date]') {
        return grid.map((r) => r.map(plain));
      }
    }
  }
  return grid as CellValue[][];
}

/** What read gives for a row it was not asked for. */
const UNREAD_ROW: CellValue[] = [];

/** The row spans to read, clipped to the sheet and merged where they touch; the whole sheet by default. */
function rowSpans(rows: readonly RowSpan[] | undefined, lastRow: number): RowSpan[] {
  if (!rows) return [{ first: 1, count: lastRow }];
  const clipped = rows
    .map((r) => ({
      first: Math.max(1, Math.floor(r.first)),
      last: Math.min(lastRow, Math.floor(r.first + r.count - 1)),
    }))
    .filter((r) => r.last >= r.first)
    .sort((a, b) => a.first - b.first);
  const merged: Array<{ first: number; last: number }> = [];
  for (const r of clipped) {
    const prev = merged[merged.length - 1];
    if (prev && r.first <= prev.last + 1) prev.last = Math.max(prev.last, r.last);
    else merged.push({ ...r });
  }
  return merged.map((r) => ({ first: r.first, count: r.last - r.first + 1 }));
}

/**
 * The columns (0-based) as runs of adjacent columns, one read each. Unwanted columns between them
 * are not read: their cells grow with the rows, while the calls stay as many as the runs.
 */
export function columnSpans(columns: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const spans: Array<{ first: number; count: number }> = [];
  for (const c of sorted) {
    const last = spans[spans.length - 1];
    if (last && c === last.first + last.count) last.count += 1;
    else spans.push({ first: c, count: 1 });
  }
  return spans;
}

export class GasWorkbook implements Workbook {
  /** Tsunagu's marked sheets, searched once per server call and kept up to date by the writes here. */
  private marks: MarkedSheet[] | null = null;
  /**
   * Sheets looked up by name, kept for the server call: an action that writes many runs of cells
   * looks each sheet up once, not once per run (each lookup is a service call — docs/cost.md).
   * Forgotten whenever Tsunagu makes, renames or deletes a sheet.
   */
  private readonly found = new Map<string, Sheet>();
  /** Chart ids seen on each sheet in this server call: a new chart is the one not among them. */
  private readonly knownCharts = new Map<string, Set<number>>();
  /**
   * Every sheet in tab order with its name, read once per server call (a getName is a service call:
   * a workbook of a dozen sheets would cost a dozen calls each time an action lists them). Forgotten
   * with `found`.
   */
  private listed: Array<{ sheet: Sheet; name: string }> | null = null;
  /** Each sheet's id (gid), read the first time something asks for it: an id never changes. */
  private readonly ids = new Map<Sheet, number>();

  constructor(
    private readonly app: SpreadsheetApp,
    private readonly book: Spreadsheet,
  ) {}

  sheetNames(): string[] {
    return this.list().map((s) => s.name);
  }

  /** The sheets in tab order, each with its name: listed once per server call. */
  private list(): Array<{ sheet: Sheet; name: string }> {
    if (!this.listed) {
      this.listed = this.book.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
      for (const { sheet, name } of this.listed) if (!this.found.has(name)) this.found.set(name, sheet);
    }
    return this.listed;
  }

  /** The sheet's id, read once per server call (a getSheetId is a service call). */
  private idOf(sheet: Sheet): number {
    let id = this.ids.get(sheet);
    if (id === undefined) {
      id = sheet.getSheetId();
      this.ids.set(sheet, id);
    }
    return id;
  }

  sheets(): SheetRef[] {
    return this.list().map(({ sheet, name }) => this.refOf(sheet, name));
  }

  /** A sheet's name, and its id read only when something asks for it (most lookups never do). */
  private refOf(sheet: Sheet, name: string): SheetRef {
    const idOf = (): number => this.idOf(sheet);
    return {
      name,
      get id(): number {
        return idOf();
      },
    };
  }

  formResponseSheets(among?: readonly string[]): Array<{ name: string; formUrl: string }> {
    const out: Array<{ name: string; formUrl: string }> = [];
    if (among) {
      for (const name of among) {
        const url = this.lookup(name)?.getFormUrl();
        if (url) out.push({ name, formUrl: url });
      }
      return out;
    }
    // A form's response sheet is made by Forms, not through this class: the sheets are listed anew.
    this.forget();
    for (const { sheet, name } of this.list()) {
      const url = sheet.getFormUrl();
      if (url) out.push({ name, formUrl: url });
    }
    return out;
  }

  markedSheets(): MarkedSheet[] {
    if (this.marks) return this.marks;
    const found = this.book
      .createDeveloperMetadataFinder()
      .withKey(OUTPUT_MARK_KEY)
      .withLocationType(this.app.DeveloperMetadataLocationType.SHEET)
      .find();
    this.marks = [];
    for (const mark of found) {
      const sheet = mark.getLocation().getSheet();
      if (sheet) this.marks.push({ name: sheet.getName(), kind: mark.getValue() ?? '' });
    }
    return this.marks;
  }

  private isOwn(name: string): boolean {
    return name.startsWith(SCRATCH_PREFIX) || this.markedSheets().some((m) => m.name === name);
  }

  markSheet(name: string, kind: string): Undoable {
    const sheet = this.sheet(name);
    sheet.addDeveloperMetadata(OUTPUT_MARK_KEY, kind);
    this.markedSheets().push({ name, kind });
    return {
      undo: () => {
        this.marks = null;
        for (const mark of sheet.getDeveloperMetadata()) if (mark.getKey() === OUTPUT_MARK_KEY) mark.remove();
      },
      dispose: NOTHING_TO_DISPOSE,
    };
  }

  /** Tsunagu's own sheets (marked or scratch) come with their size only: nothing reads their rows. */
  heads(rows: number, withoutRows: readonly string[] = []): SheetHead[] {
    return this.list().map(({ sheet, name }) => this.headOf(sheet, name, rows, withoutRows));
  }

  staffHeads(rows: number, leaveOut: readonly string[] = []): SheetHead[] {
    return this.list()
      .filter(({ name }) => leaveOut.indexOf(name) < 0 && !this.isOwn(name))
      .map(({ sheet, name }) => this.headOf(sheet, name, rows, []));
  }

  head(name: string, rows: number): SheetHead | null {
    const listed = this.listed?.find((s) => s.name === name);
    if (listed) return this.headOf(listed.sheet, name, rows, []);
    const sheet = this.lookup(name);
    // getSheetByName may find the sheet under another spelling: the head carries its own name.
    return sheet ? this.headOf(sheet, sheet.getName(), rows, []) : null;
  }

  private headOf(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    name: string,
    rows: number,
    withoutRows: readonly string[],
  ): SheetHead {
    const own = this.isOwn(name);
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const n = own || withoutRows.indexOf(name) >= 0 ? 0 : Math.min(rows, lastRow);
    const display = n > 0 && lastColumn > 0 ? sheet.getRange(1, 1, n, lastColumn).getDisplayValues() : [];
    // The id is read when something asks for it (a link to a cell, a confirmed mapping's check): a
    // head read only to find a sheet's kind costs no getSheetId.
    const idOf = (): number => this.idOf(sheet);
    return {
      name,
      get id(): number {
        return idOf();
      },
      own,
      lastRow,
      lastColumn,
      display,
    };
  }

  read(name: string, columns?: readonly number[], rows?: readonly RowSpan[]): SheetData | null {
    const sheet = this.lookup(name);
    if (!sheet) return null;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow === 0 || lastColumn === 0) return { name, values: [], display: [] };
    const wanted = columns ? columns.filter((c) => Number.isInteger(c) && c >= 0 && c < lastColumn) : null;
    const spans = columnSpans(wanted ?? Array.from({ length: lastColumn }, (_, c) => c));
    const values: CellValue[][] = new Array<CellValue[]>(lastRow).fill(UNREAD_ROW);
    const display: string[][] = new Array<string[]>(lastRow).fill(UNREAD_ROW as string[]);
    for (const part of rowSpans(rows, lastRow)) {
      for (let r = part.first; r < part.first + part.count; r++) {
        values[r - 1] = new Array<CellValue>(lastColumn).fill('');
      }
      for (const span of spans) {
        const got = sheet.getRange(part.first, span.first + 1, part.count, span.count).getValues() as CellValue[][];
        for (let i = 0; i < part.count; i++) {
          const from = got[i] as CellValue[];
          const to = values[part.first - 1 + i] as CellValue[];
          for (let j = 0; j < span.count; j++) to[span.first + j] = plain(from[j]);
        }
      }
      // A text cell shows its text; only numbers, dates and yes/no cells need what Sheets displays.
      // real-sheets-checklist RS-32
      const shown = new Map<number, { first: number; last: number }>();
      for (let r = part.first; r < part.first + part.count; r++) {
        const row = values[r - 1] as CellValue[];
        display[r - 1] = row.map((v) => (typeof v === 'string' ? v : ''));
        for (let c = 0; c < lastColumn; c++) {
          if (typeof row[c] === 'string') continue;
          const at = shown.get(c);
          if (at) at.last = r;
          else shown.set(c, { first: r, last: r });
        }
      }
      for (const span of columnSpans([...shown.keys()])) {
        let first = Infinity;
        let last = 0;
        for (let c = span.first; c < span.first + span.count; c++) {
          const at = shown.get(c);
          if (at) {
            first = Math.min(first, at.first);
            last = Math.max(last, at.last);
          }
        }
        const got = sheet.getRange(first, span.first + 1, last - first + 1, span.count).getDisplayValues();
        for (let i = 0; i <= last - first; i++) {
          const from = got[i] as string[];
          const to = display[first - 1 + i] as string[];
          for (let j = 0; j < span.count; j++) to[span.first + j] = from[j] as string;
        }
      }
    }
    return { name, values, display };
  }

  /** Formats, rules, values, bold header, frozen rows and visibility of a standard sheet. */
  private fillStandard(sheet: Sheet, spec: NewSheetSpec): void {
    // setValues needs a rectangle: short rows are padded with blanks.
    const width = Math.max(spec.header.length, ...spec.rows.map((row) => row.length));
    const bodyRows = Math.max(sheet.getMaxRows() - spec.frozenRows, 1);
    // Formats and rules first, so that ids and phone numbers written below stay text.
    for (const column of spec.textColumns) {
      sheet.getRange(spec.frozenRows + 1, column + 1, bodyRows, 1).setNumberFormat('@');
    }
    for (const dropdown of spec.dropdowns) {
      const rule = this.app
        .newDataValidation()
        .requireValueInList(dropdown.values, true)
        .setAllowInvalid(dropdown.allowInvalid)
        .build();
      sheet.getRange(spec.frozenRows + 1, dropdown.column + 1, bodyRows, 1).setDataValidation(rule);
    }
    for (const column of spec.checkboxColumns) {
      const rule = this.app.newDataValidation().requireCheckbox().build();
      sheet.getRange(spec.frozenRows + 1, column + 1, bodyRows, 1).setDataValidation(rule);
    }
    const grid = [spec.header as CellValue[], ...spec.rows].map((row) =>
      row.length === width ? row : [...row, ...new Array<CellValue>(width - row.length).fill('')],
    );
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    sheet.getRange(1, 1, 1, spec.header.length).setFontWeight('bold');
    if (spec.frozenRows > 0) sheet.setFrozenRows(spec.frozenRows);
    if (spec.hidden) sheet.hideSheet();
  }

  createSheet(spec: NewSheetSpec): Undoable & { inserted: boolean } {
    const existing = this.lookup(spec.name);
    if (existing && existing.getLastRow() > 0) throw new Error(`sheet ${spec.name} already has data`);
    const active = this.book.getActiveSheet();
    try {
      if (!existing) {
        const sheet = this.book.insertSheet(spec.name, this.list().length);
        this.added(sheet, spec.name);
        try {
          this.fillStandard(sheet, spec);
        } catch (error) {
          // A half-made sheet is removed again, so a failed action leaves nothing behind.
          this.forget();
          undoAndThrow(error, [() => removeSheet(this.book, sheet)]);
        }
        return {
          inserted: true,
          undo: () => {
            this.forget();
            removeSheet(this.book, sheet);
          },
          dispose: NOTHING_TO_DISPOSE,
        };
      }
      // An empty sheet of that name is filled instead; a copy of its grid (formats, rules staff may
      // have set) is kept first, so a failure puts it back as it was.
      const sheet = existing;
      const rows = sheet.getMaxRows();
      const columns = sheet.getMaxColumns();
      const frozen = sheet.getFrozenRows();
      const hidden = sheet.isSheetHidden();
      const backup = this.insertScratch(rows, columns);
      const putBack = (): void => {
        copyGrid(backup.sheet, sheet, rows, columns);
        if (sheet.getFrozenRows() !== frozen) sheet.setFrozenRows(frozen);
        if (sheet.isSheetHidden() !== hidden) {
          if (hidden) sheet.hideSheet();
          else sheet.showSheet();
        }
      };
      try {
        copyGrid(sheet, backup.sheet, rows, columns);
        this.fillStandard(sheet, spec);
      } catch (error) {
        this.forget();
        undoAndThrow(error, [putBack, () => removeSheet(this.book, backup.sheet)]);
      }
      return { inserted: false, undo: putBack, dispose: () => this.removeTracked(backup) };
    } finally {
      this.reactivate(active);
    }
  }

  /** insertSheet makes the new sheet the one staff look at: the sheet they were on comes back. */
  private reactivate(active: Sheet | null): void {
    try {
      active?.activate();
    } catch {
      // The sheet staff were on is gone (it cannot be: Tsunagu deletes only its own); nothing to show.
    }
  }

  /** The sheet of that name, looked up once per server call; null when there is none. */
  private lookup(name: string): Sheet | null {
    const known = this.found.get(name);
    if (known) return known;
    const sheet = this.book.getSheetByName(name);
    if (sheet) this.found.set(name, sheet);
    return sheet;
  }

  /** Sheets were made, renamed or deleted in a way not followed here (a failure, an undo): look them up again. */
  private forget(): void {
    this.found.clear();
    this.listed = null;
  }

  /**
   * A sheet Tsunagu inserted at the end of the tabs: added to the list rather than listing every
   * sheet again (a call per sheet). real-sheets-checklist RS-64
   */
  private added(sheet: Sheet, name: string): void {
    if (this.listed) this.listed.push({ sheet, name });
    this.found.set(name, sheet);
  }

  /** A sheet was renamed or deleted: the list follows, and lookups under other spellings go to the spreadsheet again. */
  private relisted(
    change: (listed: Array<{ sheet: Sheet; name: string }>) => Array<{ sheet: Sheet; name: string }>,
  ): void {
    this.found.clear();
    if (!this.listed) return;
    this.listed = change(this.listed);
    for (const { sheet, name } of this.listed) this.found.set(name, sheet);
  }

  private renamedTo(from: string, to: string): void {
    this.relisted((listed) => listed.map((s) => (s.name === from ? { sheet: s.sheet, name: to } : s)));
  }

  /** A scratch sheet at the end of the tabs, listed. */
  private insertScratch(rows: number, columns: number): { sheet: Sheet; name: string } {
    const made = insertScratch(
      this.book,
      rows,
      columns,
      this.list().map((s) => s.name),
    );
    this.added(made.sheet, made.name);
    return made;
  }

  /** Deletes a sheet Tsunagu made and listed under that name. */
  private removeTracked(made: { sheet: Sheet; name: string }): void {
    removeSheet(this.book, made.sheet);
    this.relisted((listed) => listed.filter((s) => s.name !== made.name));
  }

  private sheet(name: string): Sheet {
    const sheet = this.lookup(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  readRows(name: string, row: number, rows: number): CellValue[][] {
    const sheet = this.sheet(name);
    const width = Math.max(sheet.getLastColumn(), 1);
    return plainGrid(sheet.getRange(row, 1, rows, width).getValues());
  }

  readBlock(name: string, rect: Rect, parts: readonly BlockPart[]): CellBlock {
    const range = this.sheet(name).getRange(rect.row, rect.column, rect.rows, rect.columns);
    const block: CellBlock = {};
    for (const part of parts) {
      if (part === 'values') block.values = plainGrid(range.getValues());
      else if (part === 'formulas') block.formulas = range.getFormulas();
      else if (part === 'numberFormats') block.numberFormats = range.getNumberFormats();
      else if (part === 'notes') block.notes = range.getNotes();
      else block.backgrounds = range.getBackgrounds();
    }
    return block;
  }

  sheetSize(name: string): { rows: number; columns: number; lastRow: number } | null {
    const sheet = this.lookup(name);
    if (!sheet) return null;
    return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns(), lastRow: sheet.getLastRow() };
  }

  insertRows(name: string, after: number, count: number): void {
    this.sheet(name).insertRowsAfter(after, count);
  }

  deleteRows(name: string, row: number, count: number): void {
    this.sheet(name).deleteRows(row, count);
  }

  chartIds(name: string): number[] {
    const sheet = this.lookup(name);
    if (!sheet) return [];
    const ids: number[] = [];
    for (const chart of sheet.getCharts()) {
      const id = chart.getChartId();
      if (typeof id === 'number') ids.push(id);
    }
    this.knownCharts.set(name, new Set(ids));
    return ids;
  }

  insertChart(name: string, spec: ChartSpec): number {
    const known = this.knownCharts.get(name) ?? new Set(this.chartIds(name));
    const sheet = this.sheet(name);
    sheet.insertChart(this.shapeChart(sheet.newChart(), spec, true).build());
    // insertChart gives nothing back: the new chart is the one whose id was not there before,
    // looked for from the last chart (where Sheets lists a new one). real-sheets-checklist RS-59
    const charts = sheet.getCharts();
    for (let i = charts.length - 1; i >= 0; i--) {
      const id = (charts[i] as GoogleAppsScript.Spreadsheet.EmbeddedChart).getChartId();
      if (typeof id === 'number' && !known.has(id)) {
        known.add(id);
        this.knownCharts.set(name, known);
        return id;
      }
    }
    throw new Error('insertChart: the new chart is not among the sheet’s charts');
  }

  updateChart(name: string, id: number, spec: ChartSpec): void {
    const sheet = this.sheet(name);
    const chart = this.chartById(sheet, id);
    // Where the chart is stays as staff left it: only what it shows changes.
    sheet.updateChart(this.shapeChart(chart.modify().clearRanges(), spec, false).build());
  }

  removeChart(name: string, id: number): void {
    const sheet = this.sheet(name);
    sheet.removeChart(this.chartById(sheet, id));
    this.knownCharts.get(name)?.delete(id);
  }

  private chartById(sheet: Sheet, id: number): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    for (const chart of sheet.getCharts()) if (chart.getChartId() === id) return chart;
    throw new Error(`no chart ${id} on the sheet`);
  }

  /** A builder given the spec: its type, one data range (headers in its first row), position and titles. */
  private shapeChart(
    builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
    spec: ChartSpec,
    place: boolean,
  ): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const typed =
      spec.type === 'LINE'
        ? builder.asLineChart()
        : spec.type === 'COLUMN'
          ? builder.asColumnChart()
          : builder.asBarChart();
    const { sheet, row, column, rows, columns } = spec.data;
    // The value axis is vertical for lines and columns, horizontal for bars. real-sheets-checklist RS-60
    const valueAxis = spec.type === 'BAR' ? 'hAxis.title' : 'vAxis.title';
    const shaped = (typed as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder)
      .addRange(this.sheet(sheet).getRange(row, column, rows, columns))
      .setNumHeaders(1)
      .setOption('title', spec.title)
      .setOption(valueAxis, spec.valueTitle);
    return place ? shaped.setPosition(spec.anchor.row, spec.anchor.column, 0, 0) : shaped;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    const listed = this.listed?.some((s) => s.name === name) === true;
    this.book.deleteSheet(sheet);
    if (listed) this.relisted((list) => list.filter((s) => s.name !== name));
    else this.forget();
  }

  writeBlock(name: string, rect: Rect, data: BlockWrite, options: WriteOptions = {}): void {
    const range = this.sheet(name).getRange(rect.row, rect.column, rect.rows, rect.columns);
    // Putting back a value the cell held before its rule was set: the strict rules step aside for
    // the write and come back right after (only what the block holds is touched).
    let lifted: Array<Array<DataValidation | null>> | null = null;
    if (options.liftRules && data.values) {
      const rules = range.getDataValidations();
      if (rules.some((row) => row.some((rule) => rule !== null && !rule.getAllowInvalid()))) lifted = rules;
    }
    if (lifted) range.clearDataValidations();
    try {
      if (data.numberFormats) range.setNumberFormats(data.numberFormats);
      if (data.values) range.setValues(data.values);
      if (data.notes) range.setNotes(data.notes);
      if (data.backgrounds) range.setBackgrounds(data.backgrounds as string[][]);
    } finally {
      if (lifted) range.setDataValidations(lifted);
    }
  }

  /**
   * Reads what moving rows carry: notes and fills of every column, and — only when the sheet has
   * columns of staff's own — their formats and rules (docs/cost.md).
   */
  private readCarried(sheet: Sheet, lastRow: number, lastColumn: number, staff: boolean): Carried | null {
    if (lastRow < 1 || lastColumn < 1) return null;
    const range = sheet.getRange(1, 1, lastRow, lastColumn);
    return {
      notes: range.getNotes(),
      backgrounds: range.getBackgrounds(),
      numberFormats: staff ? range.getNumberFormats() : [],
      rules: staff ? range.getDataValidations() : [],
    };
  }

  /**
   * Writes an output sheet's whole new content into a blank sheet: formats first (so ids stay
   * text), values, then rules (so a value staff typed outside a drop-down's list survives), what
   * moving rows carry, and the bold header.
   */
  /** A picture for a cell: three calls to shape it (no change to the document until setValues). */
  // real-sheets-checklist RS-63: a data URL as the source of a cell image
  private cellImage(image: CellImageValue): GoogleAppsScript.Spreadsheet.CellImage {
    return this.app.newCellImage().setSourceUrl(image.url).setAltTextTitle(image.alt).build();
  }

  private fillOutput(sheet: Sheet, output: OutputSheet, carried: Carried | null): void {
    const width = output.header.length;
    const body = output.rows.length;
    // Formats and rules cover at least one body row, so the calls made never depend on the data.
    const span = Math.max(body, 1);
    const staffRuns = runsOf([...(output.staffColumns ?? [])].sort((a, b) => a - b));
    /** The row of the sheet as it was that new row i (1: the first body row) carries, or 0. */
    const from = (i: number): number => (i === 0 ? 1 : (output.carryFrom?.[i - 1] ?? 0));
    const carriedRow = <T>(grid: T[][], i: number): T[] | undefined => {
      const r = from(i);
      return r > 0 ? grid[r - 1] : undefined;
    };
    for (const column of output.textColumns) sheet.getRange(2, column + 1, span, 1).setNumberFormat('@');
    // Staff's columns keep their number formats, row by row: one call per run of their columns.
    if (carried) {
      for (const run of staffRuns) {
        const formats: string[][] = [];
        for (let i = 1; i <= span; i++) {
          const row = carriedRow(carried.numberFormats, i);
          formats.push(Array.from({ length: run.count }, (_, j) => automatic(row?.[run.first + j] ?? '')));
        }
        sheet.getRange(2, run.first + 1, span, run.count).setNumberFormats(formats);
      }
    }
    const grid = [output.header as OutputValue[], ...output.rows].map((row) =>
      (row.length === width ? row : [...row, ...new Array<CellValue>(width - row.length).fill('')].slice(0, width)).map(
        (v) => (isCellImage(v) ? this.cellImage(v) : v),
      ),
    );
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    // Rules after the values: a value staff typed outside a drop-down's list is kept, as Sheets keeps it.
    for (const column of output.checkboxColumns) {
      const rule = this.app.newDataValidation().requireCheckbox().build();
      sheet.getRange(2, column + 1, span, 1).setDataValidation(rule);
    }
    for (const dropdown of output.dropdowns ?? []) {
      const rule = this.app
        .newDataValidation()
        .requireValueInList(dropdown.values, true)
        .setAllowInvalid(dropdown.allowInvalid)
        .build();
      sheet.getRange(2, dropdown.column + 1, span, 1).setDataValidation(rule);
    }
    if (carried) {
      for (const run of staffRuns) {
        const rules: Array<Array<DataValidation | null>> = [];
        for (let i = 1; i <= span; i++) {
          const row = carriedRow(carried.rules, i);
          rules.push(Array.from({ length: run.count }, (_, j) => row?.[run.first + j] ?? null));
        }
        sheet.getRange(2, run.first + 1, span, run.count).setDataValidations(rules);
      }
      // Notes and fills staff put on a pair's row go with the pair. The new content is built in a
      // blank sheet, so only when some row carries a note or a fill are they written (docs/cost.md).
      const notes: string[][] = [];
      const fills: Array<Array<string | null>> = [];
      let anyNote = false;
      let anyFill = false;
      for (let i = 0; i <= body; i++) {
        const noteRow = carriedRow(carried.notes, i);
        const fillRow = carriedRow(carried.backgrounds, i);
        notes.push(
          Array.from({ length: width }, (_, c) => {
            const note = noteRow?.[c] ?? '';
            if (note !== '') anyNote = true;
            return note;
          }),
        );
        fills.push(
          Array.from({ length: width }, (_, c) => {
            const fill = fillRow?.[c] ?? '#ffffff';
            if (fill === '#ffffff') return null;
            anyFill = true;
            return fill;
          }),
        );
      }
      if (anyNote) sheet.getRange(1, 1, body + 1, width).setNotes(notes);
      if (anyFill) sheet.getRange(1, 1, body + 1, width).setBackgrounds(fills as string[][]);
    }
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  }

  writeOutputSheet(output: OutputSheet): Undoable {
    const active = this.book.getActiveSheet();
    try {
      const target = this.lookup(output.name);
      // Scratch sheets come and go, and a new output sheet takes its name last: the list follows
      // each step, and after a failure the sheets are listed again.
      let made: Undoable;
      try {
        made = target ? this.rewriteOutput(target, output) : this.createOutput(output);
      } catch (error) {
        this.forget();
        throw error;
      }
      return {
        undo: () => {
          this.forget();
          made.undo();
        },
        dispose: () => made.dispose(),
      };
    } finally {
      this.reactivate(active);
    }
  }

  /**
   * A new output sheet is built whole under a scratch name, marked as Tsunagu's, and only then
   * given its name: until that last step no sheet of that name exists.
   */
  private createOutput(output: OutputSheet): Undoable {
    const { sheet, name: scratchName } = this.insertScratch(output.rows.length + 1, output.header.length);
    try {
      // A new sheet comes 26 columns wide; a hidden output sheet (the work sheet of a 検証 in
      // parts, つなぐ履歴) needs its header's only, so every row it grows by — tens of thousands —
      // costs only those cells of the spreadsheet's 10,000,000. Visible ones keep their columns:
      // staff add their own columns beside Tsunagu's.
      const spare = sheet.getMaxColumns() - Math.max(output.header.length, 1);
      if (output.hidden && spare > 0) sheet.deleteColumns(output.header.length + 1, spare);
      this.fillOutput(sheet, output, null);
      sheet.setFrozenRows(1);
      sheet.addDeveloperMetadata(OUTPUT_MARK_KEY, output.kind);
      sheet.setName(output.name);
      this.renamedTo(scratchName, output.name);
      if (output.hidden) sheet.hideSheet();
    } catch (error) {
      undoAndThrow(error, [() => removeSheet(this.book, sheet)]);
    }
    this.markedSheets().push({ name: output.name, kind: output.kind });
    return {
      undo: () => {
        this.marks = null;
        removeSheet(this.book, sheet);
      },
      dispose: NOTHING_TO_DISPOSE,
    };
  }

  /**
   * An existing output sheet: the new content is built in a scratch sheet, the old content is
   * copied to a second scratch sheet (to put it back should a later write of the action fail), and
   * then one paste replaces the old content with the new. The paste covers the old content's
   * extent too, so leftovers of a longer old result are cleared by the same call. The sheet itself
   * stays — its name, id, mark, column widths and every formula elsewhere that refers to it.
   */
  private rewriteOutput(target: Sheet, output: OutputSheet): Undoable {
    const oldRows = target.getLastRow();
    const oldColumns = target.getLastColumn();
    const rows = Math.max(oldRows, output.rows.length + 1);
    const columns = Math.max(oldColumns, output.header.length);
    const carried = output.carryFrom
      ? this.readCarried(target, oldRows, oldColumns, (output.staffColumns ?? []).length > 0)
      : null;
    const frozen = target.getFrozenRows();
    const hidden = target.isSheetHidden();
    let scratch: { sheet: Sheet; name: string } | null = null;
    let backup: { sheet: Sheet; name: string } | null = null;
    let growth: Growth | null = null;
    let pasted = false;
    const putBack = (): void => {
      if (target.isSheetHidden() !== hidden) {
        if (hidden) target.hideSheet();
        else target.showSheet();
      }
      if (target.getFrozenRows() !== frozen) target.setFrozenRows(frozen);
      if (pasted && backup) copyGrid(backup.sheet, target, rows, columns);
      if (growth) shrinkBack(target, growth);
    };
    try {
      scratch = this.insertScratch(rows, columns);
      this.fillOutput(scratch.sheet, output, carried);
      backup = this.insertScratch(rows, columns);
      // What the sheet holds now, up to its grid: a result larger than the sheet (a hidden output
      // sheet only as wide as its last header) has nothing to keep beyond it.
      const keepRows = rows > oldRows ? Math.min(rows, target.getMaxRows()) : rows;
      const keepColumns = columns > oldColumns ? Math.min(columns, target.getMaxColumns()) : columns;
      copyGrid(target, backup.sheet, keepRows, keepColumns);
      growth = growTo(target, rows, columns);
      pasted = true;
      copyGrid(scratch.sheet, target, rows, columns);
      if (frozen !== 1) target.setFrozenRows(1);
      if (output.hidden && !hidden) target.hideSheet();
      if (!output.hidden && hidden) target.showSheet();
      this.removeTracked(scratch);
      scratch = null;
    } catch (error) {
      const made = [scratch, backup];
      undoAndThrow(error, [
        putBack,
        ...made
          .filter((s): s is { sheet: Sheet; name: string } => s !== null)
          .map((s) => () => removeSheet(this.book, s.sheet)),
      ]);
    }
    const kept = backup as { sheet: Sheet; name: string };
    return { undo: putBack, dispose: () => this.removeTracked(kept) };
  }

  writeOutputRows(name: string, firstRow: number, rows: CellValue[][], textColumns: readonly number[]): void {
    if (rows.length === 0) return;
    const sheet = this.sheet(name);
    const width = Math.max(...rows.map((row) => row.length));
    const last = firstRow + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (maxRows < last) sheet.insertRowsAfter(maxRows, last - maxRows);
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
    const grid = rows.map((row) =>
      row.length === width ? row : [...row, ...new Array<CellValue>(width - row.length).fill('')],
    );
    for (const column of textColumns) sheet.getRange(firstRow, column + 1, rows.length, 1).setNumberFormat('@');
    sheet.getRange(firstRow, 1, rows.length, width).setValues(grid);
  }

  appendOutputRows(name: string, firstRow: number, rows: CellValue[][], textColumns: readonly number[]): Undoable {
    if (rows.length === 0) return { undo: () => undefined, dispose: NOTHING_TO_DISPOSE };
    const sheet = this.sheet(name);
    const width = Math.max(...rows.map((row) => row.length));
    const grid = rows.map((row) =>
      row.length === width ? row : [...row, ...new Array<CellValue>(width - row.length).fill('')],
    );
    let growth: Growth | null = null;
    let formats: string[][] | null = null;
    let range: GoogleAppsScript.Spreadsheet.Range | null = null;
    const putBack = (): void => {
      if (range && formats) {
        range.setValues(grid.map((row) => row.map(() => '')));
        // A cell on Automatic reads as its pattern; 'General' puts it back on Automatic (real-sheets-checklist RS-08).
        range.setNumberFormats(
          formats.map((row) => row.map((f) => (f === AUTOMATIC_FORMAT_READ ? 'General' : automatic(f)))),
        );
      }
      if (growth) shrinkBack(sheet, growth);
    };
    try {
      growth = growTo(sheet, firstRow + rows.length - 1, width);
      range = sheet.getRange(firstRow, 1, rows.length, width);
      // Below the content the cells are blank: their number formats are all there is to keep.
      formats = range.getNumberFormats();
      for (const column of textColumns) sheet.getRange(firstRow, column + 1, rows.length, 1).setNumberFormat('@');
      range.setValues(grid);
    } catch (error) {
      undoAndThrow(error, [putBack]);
    }
    return { undo: putBack, dispose: NOTHING_TO_DISPOSE };
  }

  selectCell(name: string, row: number, column: number): void {
    const sheet = this.sheet(name);
    sheet.activate();
    sheet.getRange(row, column).activate();
  }
}

/** Sheets reads '' as no format; setNumberFormats needs one: the automatic format. */
function automatic(format: string): string {
  return format === '' ? 'General' : format;
}

/** Runs of consecutive numbers: [1,2,5] → {first 1, count 2}, {first 5, count 1}. */
function runsOf(sorted: readonly number[]): Array<{ first: number; count: number }> {
  const runs: Array<{ first: number; count: number }> = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === n) last.count += 1;
    else runs.push({ first: n, count: 1 });
  }
  return runs;
}
