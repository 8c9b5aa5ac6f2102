// 指標サマリー reads only the columns its indicators name, yet classifies totals, notes and sums exactly as a whole read does.
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import {
  columnsNamed,
  definitionsAgainstHeaders,
  namedColumns,
  readSourceSheet,
} from '../../../src/core/actions/summary-read';
import { defaultSettings } from '../../../src/core/sheets/settings';
import { sheetRows } from '../../../src/core/actions/sheet-rows';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { GasWorkbook } from '../../../src/gas/workbook';
import { Emulator } from '../../../src/local/emulator/index';

const HEADER = [...SHEET_SPECS.activities.columns.map((c) => c.header), 'メモ欄'];

function setup(rows: unknown[][]) {
  const emu = Emulator.create('読み取りテスト');
  const app = emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const book = app.getActiveSpreadsheet();
  book.getSheetByName('シート1')?.setName('活動記録');
  emu.setSheetValues('活動記録', rows as never);
  const detected = detectHeader(rows);
  if (!detected) throw new Error('header not detected');
  return { emu, workbook: new GasWorkbook(app, book), mapping: mappingFromDetection(detected) };
}

const day = (d: number): Date => new Date(Date.UTC(2024, 3, 1 + d) - 9 * 3_600_000);

/** A row of 活動記録: data (with its identity cells filled or not), a label row, a note, a sum of what is above, or blank. */
const rowKind = fc.constantFrom(
  'data',
  'data',
  'data',
  'data',
  'anonymous',
  'total',
  'note',
  'heading',
  'sums',
  'blank',
);

function sheetOf(kinds: readonly string[], seed: number): unknown[][] {
  const rows: unknown[][] = [HEADER];
  let n = seed;
  const next = (k: number): number => (n = (n * 1103515245 + 12345) % 2147483648) % k;
  const sums = new Array<number>(HEADER.length).fill(0);
  for (const kind of kinds) {
    const row: unknown[] = new Array<unknown>(HEADER.length).fill('');
    if (kind === 'data' || kind === 'anonymous') {
      if (kind === 'data') {
        row[0] = day(next(300));
        row[4] = `V-${next(40)}`;
      }
      row[1] = ['ふれまち', 'りんく'][next(2)];
      row[2] = ['サロン', '居場所', '見守り訪問'][next(3)];
      row[3] = ['北東部', '中部', ''][next(3)];
      row[6] = next(30);
      row[7] = next(4);
      row[10] = next(5);
      for (const c of [6, 7, 10]) sums[c] = (sums[c] as number) + (row[c] as number);
    } else if (kind === 'total') {
      row[next(3)] = '計';
      row[6] = sums[6];
    } else if (kind === 'note') row[0] = '※退会者は別シート';
    else if (kind === 'heading') row[0] = '【北支部】';
    else if (kind === 'sums') {
      // A row of sums without a label: in a column the summary reads, or only in one it does not.
      for (const c of next(2) === 0 ? [6, 10] : [10]) row[c] = sums[c];
    }
    rows.push(row);
  }
  return rows;
}

describe('readSourceSheet', () => {
  it('classifies every row as a whole read does, and reads the columns asked for as they are', () => {
    fc.assert(
      fc.property(
        fc.array(rowKind, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.subarray([1, 2, 3, 6, 7, 8, 10]),
        (kinds, seed, columns) => {
          const rows = sheetOf(kinds, seed);
          const { workbook, mapping } = setup(rows);
          const whole = workbook.read('活動記録');
          if (!whole) throw new Error('no sheet');
          const expected = sheetRows(workbook, '活動記録', mapping, whole.values);
          const got = readSourceSheet(workbook, '活動記録', mapping, columns);
          expect(got?.rows, `${kinds.join(',')} reading ${columns.join(',')}`).toEqual(expected);
          for (const r of expected.data)
            for (const c of columns)
              expect(got?.data.values[r]?.[c], `row ${r + 1} column ${c + 1}`).toEqual(whole.values[r]?.[c]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads fewer cells than the whole sheet: the named columns, the identity columns and the rows they do not settle', () => {
    const kinds = [...new Array<string>(200).fill('data'), 'anonymous', 'note', 'sums'];
    const { emu, workbook, mapping } = setup(sheetOf(kinds, 7));
    emu.stats.reset();
    workbook.read('活動記録');
    const whole = emu.stats.totals().cellsRead;
    emu.stats.reset();
    const got = readSourceSheet(workbook, '活動記録', mapping, [2, 3]);
    const cells = emu.stats.totals().cellsRead;
    // 活動種別, 圏域 and the identity columns 日付, 登録番号, 依頼番号 (5 of 11) with the dates' display
    // texts, the rows read whole, and the unmapped column the row of sums has its number in.
    expect(got?.rows.setAside.map((s) => s.reason)).toEqual(['note', 'sum']);
    expect(cells, `${cells} cells of ${whole}`).toBeLessThan(whole * 0.75);
    expect(cells).toBeGreaterThan(204 * 6);
  });
});

describe('namedColumns and columnsNamed', () => {
  it('name the 条件 and 分母条件, 対象列, dating, 圏域 and person columns, and find a column only the sheet has by its header', () => {
    const header = ['ID', '基本目標', '指標名', '集計元', '集計方法', '対象列', '条件', '分母条件', '日付列'];
    const values = [
      header,
      ['A', 1, '見守り', '活動記録', '件数', '', '事業=りんく かつ メモ欄=済', '', ''],
      ['B', 1, '活動者', '活動記録', '人数', '', '', '', ''],
      ['C', 1, '多世代の割合', '活動記録', '割合', '', '多世代=はい', '活動種別=サロン', ''],
    ];
    const detected = detectHeader(values);
    if (!detected) throw new Error('header not detected');
    const mapping = mappingFromDetection(detectHeader([HEADER]) as NonNullable<ReturnType<typeof detectHeader>>);
    const definitions = definitionsAgainstHeaders(
      { name: '指標定義', values, mapping: mappingFromDetection(detected) },
      4,
      defaultSettings(),
      [{ name: '活動記録', kind: 'activities', mapping, values: [HEADER] }],
    );
    expect(definitions.map((d) => d.id)).toEqual(['A', 'B', 'C']);
    const names = namedColumns('activities', definitions);
    const columns = columnsNamed('activities', mapping, HEADER, names);
    expect(columns.map((c) => HEADER[c])).toEqual(['日付', '事業', '活動種別', '圏域', '登録番号', '多世代', 'メモ欄']);
  });
});
