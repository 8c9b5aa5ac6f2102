// 指標サマリー's own Sheets charts: made once, found again by id and updated in place, never duplicated, remade when removed, drawn from suppressed figures only.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SummaryReport } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { CHARTS_KEY } from '../../../src/core/actions/summary';
import { OUTPUT_MARK_KEY } from '../../../src/core/output-sheets';
import { summarySession } from '../../safety/actions';
import { rpc } from '../../local/helpers/session';

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

function book(session: Session) {
  return session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
}

function charts(session: Session): Chart[] {
  return book(session).getSheetByName('指標サマリー')?.getCharts() ?? [];
}

function ids(session: Session): number[] {
  return charts(session).map((c) => c.getChartId() as number);
}

describe('指標サマリー charts', () => {
  let session: Session;
  let first: number[];

  beforeAll(() => {
    session = summarySession();
    rpc(session, 'runSummary');
    first = ids(session);
  });

  it('places a trend and a 圏域 chart per 基本目標 beside the table, drawn from a hidden, marked data sheet', () => {
    expect(first.length).toBe(8);
    expect(new Set(first).size).toBe(8);
    const all = charts(session);
    expect(all.map((c) => String(c.modify().getChartType()))).toEqual([
      'LINE',
      'COLUMN',
      'LINE',
      'COLUMN',
      'LINE',
      'COLUMN',
      'LINE',
      'COLUMN',
    ]);
    expect(String(all[0]?.getOptions().get('title'))).toMatch(/^基本目標1 .+: 目標に対する実績の推移$/);
    for (const c of all) expect(c.getRanges().map((r) => r.getSheet().getName())).toEqual(['指標サマリーグラフ']);
    const data = book(session).getSheetByName('指標サマリーグラフ');
    expect(data?.isSheetHidden()).toBe(true);
    expect(
      data
        ?.getDeveloperMetadata()
        .find((m) => m.getKey() === OUTPUT_MARK_KEY)
        ?.getValue(),
    ).toBe('summaryCharts');
    // Beside the table, not over it.
    const width = book(session).getSheetByName('指標サマリー')?.getLastColumn() ?? 0;
    for (const c of all) expect(c.getContainerInfo().getAnchorColumn()).toBeGreaterThan(width);
  });

  it('shows only published figures: every ＊ of the summary is a blank cell of the chart data, every shown figure is there', () => {
    const report = rpc<SummaryReport>(session, 'getSummaryReport', null, false);
    const data = session.emu.sheetValues('指標サマリーグラフ');
    const areasChart = charts(session)[1] as Chart;
    const range = areasChart.getRanges()[0] as GoogleAppsScript.Spreadsheet.Range;
    const block = range.getValues();
    const header = (block[0] ?? []).map(String);
    const fy = report.view.fy;
    let hidden = 0;
    for (const row of block.slice(1)) {
      const id = String(row[0]).split(' ')[0];
      const indicator = report.json.indicators.find((i) => i.id === id);
      if (!indicator) continue;
      header.slice(1).forEach((area, k) => {
        const cell = indicator.cells.find((c) => c.fy === fy && c.area === area);
        if (cell?.suppressed) {
          hidden++;
          expect(row[k + 1], `${id} ${area}`).toBe('');
        } else if (cell?.value !== null && cell?.value !== undefined)
          expect(row[k + 1], `${id} ${area}`).toBe(cell.value);
      });
    }
    expect(hidden, 'the demo hides some 圏域 figures of goal 1').toBeGreaterThan(0);
    // No name of the roster reaches it.
    const names = new Set(
      session.emu
        .sheetValues('ボランティア名簿')
        .slice(1)
        .map((r) => String(r[1])),
    );
    for (const row of data) for (const cell of row) expect(names.has(String(cell)), String(cell)).toBe(false);
  });

  it('finds its charts again on a refresh: same ids, none added, none reshaped when nothing they show changed', () => {
    session.emu.stats.reset();
    rpc(session, 'runSummary');
    expect(ids(session)).toEqual(first);
    expect(session.emu.stats.count('Sheet.insertChart')).toBe(0);
    expect(session.emu.stats.count('Sheet.updateChart')).toBe(0);
  });

  it('leaves a chart where staff moved it, and staff charts of their own alone', () => {
    const sheet = book(session).getSheetByName('指標サマリー') as GoogleAppsScript.Spreadsheet.Sheet;
    const moved = charts(session)[2] as Chart;
    sheet.updateChart(moved.modify().setPosition(40, 2, 0, 0).build());
    const data = book(session).getSheetByName('指標サマリーグラフ') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.insertChart(
      sheet
        .newChart()
        .asBarChart()
        .addRange(data.getRange(1, 1, 2, 2))
        .build(),
    );
    rpc(session, 'runSummary');
    expect(charts(session).length).toBe(9);
    expect(charts(session)[2]?.getContainerInfo().getAnchorRow()).toBe(40);
    sheet.removeChart(charts(session)[8] as Chart);
  });

  it('makes a chart staff removed again, once, and keeps the others', () => {
    const sheet = book(session).getSheetByName('指標サマリー') as GoogleAppsScript.Spreadsheet.Sheet;
    const removed = charts(session)[3] as Chart;
    sheet.removeChart(removed);
    rpc(session, 'runSummary');
    const now = ids(session);
    expect(now.length).toBe(8);
    expect(now.filter((id) => first.indexOf(id) >= 0).length).toBe(7);
    expect(now).not.toContain(removed.getChartId());
    const kept = JSON.parse(
      session.emu.globals.PropertiesService.getDocumentProperties().getProperty(CHARTS_KEY) ?? '{}',
    );
    expect(
      Object.values(kept as Record<string, { id: number }>)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...now].sort());
  });

  it('reshapes the charts in place when what they show changes (a 年度 added to 指標定義)', () => {
    const before = ids(session);
    const rows = session.emu.sheetValues('指標定義');
    const header = (rows[0] ?? []).map(String);
    const sheet = book(session).getSheetByName('指標定義') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(1, header.length + 1).setValue('目標2029');
    session.emu.stats.reset();
    rpc(session, 'runSummary');
    expect(ids(session)).toEqual(before);
    expect(session.emu.stats.count('Sheet.insertChart')).toBe(0);
    expect(session.emu.stats.count('Sheet.updateChart')).toBeGreaterThan(0);
    const trend = charts(session)[0]?.getRanges()[0]?.getValues() ?? [];
    expect(trend.map((r) => String(r[0]))).toContain('令和11年度');
  });
});
