/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder (chart type, ranges, options,
 * position) → insertChart; getCharts() with each chart's id, ranges, options and position;
 * modify() → updateChart; removeChart. Only what a chart is (its data and look) is kept — not its
 * drawing: the studio and the CLI list charts, they do not render them.
 */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { EmuRange } from './range';
import { rangeRefOf, type RangeRef, type SheetModel, type WorkbookModel } from './workbook';

type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** A chart's data range: on a sheet (it follows the sheet when renamed), 1-based. */
export type ChartRange = RangeRef;

/** Where a chart floats: its top-left corner over a cell, with offsets in pixels. */
export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** One embedded chart of a sheet. */
export interface ChartModel {
  /** Unique in the spreadsheet and stable for the chart's life (EmbeddedChart.getChartId). */
  id: number;
  /** Charts.ChartType's name: LINE, COLUMN, BAR, AREA, PIE, SCATTER, TABLE, COMBO … */
  type: string;
  ranges: ChartRange[];
  /** setOption's options by name ('title', 'vAxis.title' …), as given. */
  options: Record<string, unknown>;
  position: ChartPosition;
  /** setNumHeaders: -1 lets Sheets decide (the default). */
  numHeaders: number;
  transpose: boolean;
}

/** Chart types Charts.ChartType names (its enum values are these strings). */
export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;

function typeName(type: unknown): string {
  const name = typeof type === 'string' ? type : String(type);
  if ((CHART_TYPES as readonly string[]).indexOf(name) < 0) throw new Error(`Invalid argument: chartType (${name})`);
  return name;
}

/** What the range a script passes to addRange is, read from the emulated Range (no service call). */
function rangeOf(range: GasRange): ChartRange {
  const ref = rangeRefOf(range);
  return { sheet: ref.sheet, row: ref.row, column: ref.column, numRows: ref.numRows, numColumns: ref.numColumns };
}

function gasRange(ctx: EmulatorContext, r: ChartRange): GasRange {
  return asGas(new EmuRange(ctx, { ...r }));
}

function copyChart(chart: ChartModel): ChartModel {
  return {
    ...chart,
    ranges: chart.ranges.map((r) => ({ ...r })),
    options: { ...chart.options },
    position: { ...chart.position },
  };
}

const CONTAINER_METHODS = ['getAnchorColumn', 'getAnchorRow', 'getOffsetX', 'getOffsetY'] as const;

export class EmuContainerInfo
  extends Service
  implements Pick<GoogleAppsScript.Spreadsheet.ContainerInfo, (typeof CONTAINER_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly position: ChartPosition,
  ) {
    super(ctx);
  }
  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }
  getAnchorRow(): number {
    return this.position.anchorRow;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}
countCalls(EmuContainerInfo, 'ContainerInfo', CONTAINER_METHODS);

const OPTIONS_METHODS = ['get'] as const;

export class EmuChartOptions
  extends Service
  implements Pick<GoogleAppsScript.Charts.ChartOptions, (typeof OPTIONS_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly options: Record<string, unknown>,
  ) {
    super(ctx);
  }
  get(option: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.options, option) ? this.options[option] : null;
  }
}
countCalls(EmuChartOptions, 'ChartOptions', OPTIONS_METHODS);

const CHART_METHODS = [
  'getChartId',
  'getContainerInfo',
  'getNumHeaders',
  'getOptions',
  'getRanges',
  'getTransposeRowsAndColumns',
  'modify',
] as const;

/** EmbeddedChart: a chart as the sheet holds it when getCharts() was called (a snapshot, as in Apps Script). */
export class EmuEmbeddedChart extends Service implements Pick<GasChart, (typeof CHART_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    /** The sheet it is on; null for a chart built but not inserted. */
    readonly sheet: SheetModel | null,
    /** What it is: a copy, so a later change to the sheet's chart does not show through. */
    readonly model: ChartModel,
  ) {
    super(ctx);
  }
  getChartId(): number | null {
    // real-sheets-checklist RS-59
    return this.sheet && this.model.id > 0 ? this.model.id : null;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asGas(new EmuContainerInfo(this.ctx, { ...this.model.position }));
  }
  getNumHeaders(): number {
    return this.model.numHeaders;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return asGas(new EmuChartOptions(this.ctx, { ...this.model.options }));
  }
  getRanges(): GasRange[] {
    return this.model.ranges.map((r) => gasRange(this.ctx, r));
  }
  getTransposeRowsAndColumns(): boolean {
    return this.model.transpose;
  }
  // real-sheets-checklist RS-60: modify() starts from the chart as it is (ranges, options, position)
  modify(): GasBuilder {
    return asGas(new EmuEmbeddedChartBuilder(this.ctx, this.sheet, copyChart(this.model)));
  }
}
countCalls(EmuEmbeddedChart, 'EmbeddedChart', CHART_METHODS);

const BUILDER_METHODS = [
  'addRange',
  'asAreaChart',
  'asBarChart',
  'asColumnChart',
  'asLineChart',
  'asPieChart',
  'asTableChart',
  'build',
  'clearRanges',
  'getChartType',
  'getContainer',
  'getRanges',
  'removeRange',
  'setChartType',
  'setNumHeaders',
  'setOption',
  'setPosition',
  'setTransposeRowsAndColumns',
] as const;

/** EmbeddedChartBuilder: shapes a chart; nothing reaches the sheet until insertChart or updateChart. */
export class EmuEmbeddedChartBuilder extends Service implements Pick<GasBuilder, (typeof BUILDER_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly sheet: SheetModel | null,
    private readonly chart: ChartModel,
  ) {
    super(ctx);
  }
  private get self(): GasBuilder {
    return asGas(this);
  }
  addRange(range: GasRange): GasBuilder {
    this.chart.ranges.push(rangeOf(range));
    return this.self;
  }
  /** asLineChart() and the like: the same builder, now of that type (the typed builders share these methods). */
  private as<T>(type: string): T {
    this.chart.type = type;
    return asGas<T>(this);
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as('AREA');
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('BAR');
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('COLUMN');
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('LINE');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('PIE');
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as('TABLE');
  }
  build(): GasChart {
    return asGas(new EmuEmbeddedChart(this.ctx, this.sheet, copyChart(this.chart)));
  }
  clearRanges(): GasBuilder {
    this.chart.ranges = [];
    return this.self;
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.chart.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asGas(new EmuContainerInfo(this.ctx, { ...this.chart.position }));
  }
  getRanges(): GasRange[] {
    return this.chart.ranges.map((r) => gasRange(this.ctx, r));
  }
  removeRange(range: GasRange): GasBuilder {
    const r = rangeOf(range);
    this.chart.ranges = this.chart.ranges.filter(
      (x) =>
        !(
          x.sheet === r.sheet &&
          x.row === r.row &&
          x.column === r.column &&
          x.numRows === r.numRows &&
          x.numColumns === r.numColumns
        ),
    );
    return this.self;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GasBuilder {
    this.chart.type = typeName(type);
    return this.self;
  }
  setNumHeaders(headers: number): GasBuilder {
    this.chart.numHeaders = headers;
    return this.self;
  }
  setOption(option: string, value: unknown): GasBuilder {
    this.chart.options[option] = value;
    return this.self;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasBuilder {
    for (const n of [anchorRowPos, anchorColPos])
      if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: position');
    this.chart.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this.self;
  }
  setTransposeRowsAndColumns(transpose: boolean): GasBuilder {
    this.chart.transpose = transpose;
    return this.self;
  }
}
countCalls(EmuEmbeddedChartBuilder, 'EmbeddedChartBuilder', BUILDER_METHODS);

/** A new builder for a sheet: a LINE chart with no ranges at A1 (what Sheet.newChart() starts from). */
export function newChartBuilder(ctx: EmulatorContext, sheet: SheetModel): GasBuilder {
  return asGas(
    new EmuEmbeddedChartBuilder(ctx, sheet, {
      id: 0,
      type: 'LINE',
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
    }),
  );
}

function modelOf(chart: GasChart): { sheet: SheetModel | null; model: ChartModel } {
  if (!(chart instanceof EmuEmbeddedChart)) throw new Error('Invalid argument: chart');
  return { sheet: chart.sheet, model: chart.model };
}

/** Sheet.insertChart: the built chart goes onto the sheet with a new id, listed last by getCharts. */
// real-sheets-checklist RS-59
export function insertChart(book: WorkbookModel, sheet: SheetModel, chart: GasChart): void {
  const { model } = modelOf(chart);
  if (model.ranges.length === 0)
    throw new Error('The chart has no data. Add a range to the chart before inserting it.');
  sheet.charts.push({ ...copyChart(model), id: book.newChartId() });
}

/** Sheet.updateChart: the chart of that id (the one modify() was called on) takes the new shape; its id stays. */
export function updateChart(sheet: SheetModel, chart: GasChart): void {
  const { model } = modelOf(chart);
  const at = sheet.charts.findIndex((c) => c.id === model.id);
  if (model.id <= 0 || at < 0) throw new Error('The chart does not exist on this sheet.');
  sheet.charts[at] = copyChart(model);
}

/** Sheet.removeChart: the chart of that id goes. */
export function removeChart(sheet: SheetModel, chart: GasChart): void {
  const { model } = modelOf(chart);
  const at = sheet.charts.findIndex((c) => c.id === model.id);
  if (at < 0) throw new Error('The chart does not exist on this sheet.');
  sheet.charts.splice(at, 1);
}

/** Sheet.getCharts: what the sheet holds now, each a snapshot. */
export function chartsOf(ctx: EmulatorContext, sheet: SheetModel): GasChart[] {
  return sheet.charts.map((c) => asGas<GasChart>(new EmuEmbeddedChart(ctx, sheet, copyChart(c))));
}

/** A chart as plain data (persistence, snapshots): its ranges by sheet name. */
export interface ChartRecord {
  id: number;
  type: string;
  ranges: Array<{ sheet: string; row: number; column: number; numRows: number; numColumns: number }>;
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  transpose: boolean;
}

export function chartRecord(chart: ChartModel): ChartRecord {
  return {
    id: chart.id,
    type: chart.type,
    ranges: chart.ranges.map((r) => ({
      sheet: r.sheet.name,
      row: r.row,
      column: r.column,
      numRows: r.numRows,
      numColumns: r.numColumns,
    })),
    options: { ...chart.options },
    position: { ...chart.position },
    numHeaders: chart.numHeaders,
    transpose: chart.transpose,
  };
}

/** A record back into a chart; null when a range names a sheet that is gone. */
export function chartFromRecord(record: ChartRecord, book: WorkbookModel): ChartModel | null {
  const ranges: ChartRange[] = [];
  for (const r of record.ranges) {
    const sheet = book.sheetByName(r.sheet);
    if (!sheet) return null;
    ranges.push({ sheet, row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns });
  }
  return {
    id: record.id,
    type: typeName(record.type),
    ranges,
    options: { ...record.options },
    position: { ...record.position },
    numHeaders: record.numHeaders,
    transpose: record.transpose,
  };
}
