/** Embedded charts: the builder, insertChart with a new id, getCharts, modify → updateChart in place, removeChart, the .xlsx round trip. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { CHARTS_SHEET, Emulator, isMutatingCall } from '../../../src/local/emulator/index';
import { fresh } from './helpers';

function withData() {
  const made = fresh();
  const data = made.book.insertSheet('データ');
  data.getRange(1, 1, 3, 3).setValues([
    ['年度', 'A', 'B'],
    ['令和5年度', 80, 95],
    ['令和6年度', 90, ''],
  ]);
  return { ...made, data };
}

describe('emulator embedded charts', () => {
  it('builds a chart of a type with ranges, options and a position, and inserts it with an id of its own', () => {
    const { sheet, data } = withData();
    const chart = sheet
      .newChart()
      .asLineChart()
      .addRange(data.getRange(1, 1, 3, 3))
      .setNumHeaders(1)
      .setOption('title', '推移')
      .setPosition(2, 5, 0, 0)
      .build();
    expect(chart.getChartId(), 'a chart not on a sheet yet has no id').toBe(null);
    sheet.insertChart(chart);
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .addRange(data.getRange(1, 1, 2, 2))
        .build(),
    );
    const charts = sheet.getCharts();
    expect(charts.length).toBe(2);
    const [first, second] = charts as [
      GoogleAppsScript.Spreadsheet.EmbeddedChart,
      GoogleAppsScript.Spreadsheet.EmbeddedChart,
    ];
    expect(typeof first.getChartId()).toBe('number');
    expect(first.getChartId()).not.toBe(second.getChartId());
    expect(first.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual(['データ!A1:C3']);
    expect(first.getOptions().get('title')).toBe('推移');
    expect(first.getNumHeaders()).toBe(1);
    const where = first.getContainerInfo();
    expect([where.getAnchorRow(), where.getAnchorColumn()]).toEqual([2, 5]);
    expect(String(first.modify().getChartType())).toBe('LINE');
    expect(String(second.modify().getChartType())).toBe('COLUMN');
  });

  it('refuses a chart without data, as Sheets does', () => {
    const { sheet } = withData();
    expect(() => sheet.insertChart(sheet.newChart().asLineChart().build())).toThrow(/no data/);
  });

  it('updates a chart in place: same id, new ranges and options, the position kept unless set; removes it by id', () => {
    const { sheet, data } = withData();
    sheet.insertChart(
      sheet
        .newChart()
        .asLineChart()
        .addRange(data.getRange(1, 1, 3, 3))
        .setPosition(3, 3, 0, 0)
        .build(),
    );
    const [chart] = sheet.getCharts() as [GoogleAppsScript.Spreadsheet.EmbeddedChart];
    const id = chart.getChartId();
    sheet.updateChart(
      chart
        .modify()
        .clearRanges()
        .asColumnChart()
        .addRange(data.getRange(1, 1, 2, 3))
        .setOption('title', '新')
        .build(),
    );
    const [after] = sheet.getCharts() as [GoogleAppsScript.Spreadsheet.EmbeddedChart];
    expect(sheet.getCharts().length).toBe(1);
    expect(after.getChartId()).toBe(id);
    expect(after.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C2']);
    expect(after.getOptions().get('title')).toBe('新');
    expect(after.getContainerInfo().getAnchorRow()).toBe(3);
    expect(String(after.modify().getChartType())).toBe('COLUMN');
    sheet.removeChart(after);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.updateChart(after)).toThrow(/does not exist/);
    // A removed chart's id is not given again.
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(data.getRange(1, 1, 2, 2))
        .build(),
    );
    expect((sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart).getChartId()).not.toBe(id);
  });

  it('counts insertChart, updateChart and removeChart as changes to the document; the builder and getCharts not', () => {
    for (const key of ['Sheet.insertChart', 'Sheet.updateChart', 'Sheet.removeChart'])
      expect(isMutatingCall(key), key).toBe(true);
    for (const key of [
      'Sheet.getCharts',
      'Sheet.newChart',
      'EmbeddedChart.modify',
      'EmbeddedChart.getChartId',
      'EmbeddedChartBuilder.setOption',
      'EmbeddedChartBuilder.addRange',
      'EmbeddedChartBuilder.build',
    ])
      expect(isMutatingCall(key), key).toBe(false);
  });

  it('travels inside the .xlsx in a very hidden sheet; ranges follow their sheet by name; a deleted sheet takes its charts', async () => {
    const { emu, book, sheet, data } = withData();
    sheet.insertChart(
      sheet
        .newChart()
        .asBarChart()
        .addRange(data.getRange(1, 1, 3, 2))
        .setOption('title', 'x')
        .build(),
    );
    data.setName('データ2');
    const loaded = await Emulator.fromXlsx(await emu.toXlsx());
    const again = loaded.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(again.getSheets().map((s) => s.getName())).not.toContain(CHARTS_SHEET);
    expect(loaded.snapshot().sheets.map((s) => s.charts)).toEqual(emu.snapshot().sheets.map((s) => s.charts));
    const [chart] = (again.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet).getCharts() as [
      GoogleAppsScript.Spreadsheet.EmbeddedChart,
    ];
    expect(chart.getRanges()[0]?.getSheet().getName()).toBe('データ2');
    const other = book.insertSheet('別');
    other.insertChart(
      other
        .newChart()
        .addRange(data.getRange(1, 1, 2, 2))
        .build(),
    );
    book.deleteSheet(other);
    expect(emu.snapshot().sheets.flatMap((s) => s.charts).length).toBe(1);
  });
});
