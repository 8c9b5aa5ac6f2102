// Tests aggregation: each method per 年度 and 圏域, データなし never 0, totals rows left out, one pass over several sheets of a kind, and the survey answers as a source.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { aggregateIndicators, type IndicatorResult } from '../../../src/core/indicators/aggregate';
import { parseIndicatorDefinitions, type IndicatorDefinition } from '../../../src/core/indicators/definitions';
import { SourceView, sourceDataOf, type SourceKind, type WorkbookSheet } from '../../../src/core/indicators/sources';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { defaultIndicatorHeader } from '../../../src/core/sheets/defaults';
import { fourAreas, sheetOf } from './helpers';

const AREAS = ['北東部', '北西部', '中部', '南部'];

/** Definitions from rows keyed by header (the columns not given are blank). */
function definitions(
  rows: Record<string, string | number>[],
  views: Partial<Record<SourceKind, SourceView>> = {},
): IndicatorDefinition[] {
  const header = defaultIndicatorHeader();
  const values = [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
  const det = detectHeader(values)!;
  const parsed = parseIndicatorDefinitions(
    { name: '指標定義', values, mapping: mappingFromDetection(det) },
    { startMonth: 4, views },
  );
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message.ja).join('\n'));
  return [...parsed.definitions];
}

function run(
  sheets: WorkbookSheet[],
  rows: Record<string, string | number>[],
  current = 2025,
  manual = {},
): IndicatorResult[] {
  const settings = fourAreas();
  const views: Partial<Record<SourceKind, SourceView>> = {};
  for (const d of sourceDataOf(sheets)) views[d.source.kind] = new SourceView(d, settings);
  return [
    ...aggregateIndicators({
      definitions: definitions(rows, views),
      views,
      years: [2024, 2025, 2026],
      areas: AREAS,
      startMonth: 4,
      currentFiscalYear: current,
      manual,
    }).indicators,
  ];
}

/** 市全体 and the four 圏域 + 圏域不明 of one year, as values or states. */
function cells(r: IndicatorResult, fy: number): (number | string | null)[] {
  const y = r.years.find((x) => x.fy === fy)!;
  const v = (m: { state: string; value: number | null }) => (m.state === 'value' ? m.value : m.state);
  return [v(y.city), ...y.areas.map(v), ...(y.unknownArea ? [v(y.unknownArea)] : [])];
}

const ACTIVITIES = ['日付', '事業', '活動種別', '圏域', '登録番号', '参加者数', '活動時間', '多世代'];
const activities = (rows: unknown[][], name = '活動記録'): WorkbookSheet =>
  sheetOf(name, [ACTIVITIES, ...rows], 'activities');

describe('indicators/aggregate', () => {
  const log = activities([
    ['2024-04-10', 'ふれまち', 'サロン', '北東部', 'V-1', 12, '2時間', 'はい'],
    ['2024-05-10', 'ふれまち', 'サロン', '北東部', 'V-1、V-2', 8, '1.5', 'いいえ'],
    ['2024-06-10', 'ふれまち', '居場所', '中部', 'V-2', 5, 2, 'はい'],
    ['2025-03-31', 'りんく', '見守り訪問', '南部', 'V-3', 1, 1, 'いいえ'],
    ['2025-04-01', 'ふれまち', 'サロン', '', 'V-1', '二十', 2, 'いいえ'],
    ['2025-05-01', 'ふれまち', 'サロン', '東部', 'V-4', 10, 1, 'はい'],
    ['', 'ふれまち', 'サロン', '北東部', '', 3, 1, 'はい'],
    ['計', '', '', '', '', 36, '', ''],
  ]);

  it('counts rows per 年度 (April start) and 圏域, with 圏域不明 for blank or unknown areas', () => {
    const [r] = run(
      [log],
      [{ ID: 'A', 基本目標: 1, 指標名: 'サロン', 集計元: '活動記録', 集計方法: '件数', 条件: '活動種別=サロン' }],
    );
    expect(cells(r!, 2024)).toEqual([2, 2, 0, 0, 0, 0]);
    expect(cells(r!, 2025)).toEqual([2, 0, 0, 0, 0, 2]);
  });

  it('leaves the totals row out and says how many undated rows were not counted', () => {
    const [r] = run(
      [log],
      [{ ID: 'A', 基本目標: 1, 指標名: '参加者', 集計元: '活動記録', 集計方法: '合計', 対象列: '参加者数' }],
    );
    expect(cells(r!, 2024)).toEqual([26, 20, 0, 5, 1, 0]);
    expect(r!.notes.map((n) => n.ja).join()).toContain('年度が決まらない');
    expect(r!.notes.map((n) => n.ja).join()).toContain('数として読めない1行');
  });

  it('counts each person once per 年度, in the 圏域 of their first row, so the 圏域 add up', () => {
    const [r] = run(
      [log],
      [{ ID: 'A', 基本目標: 1, 指標名: '活動者', 集計元: '活動記録', 集計方法: '人数', 対象列: '登録番号' }],
    );
    // V-1 (北東部, twice), V-2 first in 北東部 (multi-value cell) then 中部, V-3 in 南部.
    expect(cells(r!, 2024)).toEqual([3, 2, 0, 0, 1, 0]);
    expect(cells(r!, 2025)).toEqual([2, 0, 0, 0, 0, 2]);
  });

  it('takes 割合 among the rows of 分母条件 that have 対象列, and 平均 over rows with a number', () => {
    const [share, mean] = run(
      [log],
      [
        {
          ID: 'A',
          基本目標: 1,
          指標名: '多世代率',
          単位: '%',
          集計元: '活動記録',
          集計方法: '割合',
          対象列: '多世代',
          条件: '多世代=はい',
          分母条件: '事業=ふれまち',
        },
        {
          ID: 'B',
          基本目標: 1,
          指標名: '平均時間',
          集計元: '活動記録',
          集計方法: '平均',
          対象列: '活動時間',
          条件: '事業=ふれまち',
        },
      ],
    );
    const y = share!.years[0]!;
    expect([y.city.numerator, y.city.base, y.city.value]).toEqual([2, 3, (2 / 3) * 100]);
    expect(mean!.years[0]!.city.value).toBeCloseTo((2 + 1.5 + 2) / 3, 9);
    expect(share!.years[1]!.areas[0]).toMatchObject({ state: 'none', value: null });
  });

  it('gives データなし (never 0) for a missing sheet and for a 年度 without any row, and future after the current 年度', () => {
    const [missing, empty] = run(
      [log],
      [
        { ID: 'A', 基本目標: 2, 指標名: '相談', 集計元: '相談記録', 集計方法: '件数' },
        { ID: 'B', 基本目標: 1, 指標名: '活動', 集計元: '活動記録', 集計方法: '件数' },
      ],
      2026,
    );
    expect(missing!.status).toBe('noSource');
    expect(cells(missing!, 2024)).toEqual(['noData']);
    expect(missing!.notes[0]?.ja).toContain('データなし');
    expect(cells(empty!, 2026)[0]).toBe('noData');
    const [later] = run([log], [{ ID: 'B', 基本目標: 1, 指標名: '活動', 集計元: '活動記録', 集計方法: '件数' }], 2025);
    expect(cells(later!, 2026)[0]).toBe('future');
  });

  it('reads every sheet of a kind as one source', () => {
    const second = activities([['2024-07-01', 'ボラセン', 'イベント', '南部', 'V-9', 40, 3, 'はい']], '活動記録2');
    const [r] = run([log, second], [{ ID: 'A', 基本目標: 1, 指標名: '活動', 集計元: '活動記録', 集計方法: '件数' }]);
    expect(cells(r!, 2024)[0]).toBe(5);
  });

  it('counts a stock (日付列 現在) in the current 年度 only', () => {
    const roster = sheetOf(
      'ボランティア名簿',
      [
        ['登録番号', '氏名', 'フリガナ', '圏域', '状態', '登録日'],
        ['V-1', '山田 花子', 'ヤマダ ハナコ', '北東部', '活動中', '2020-05-01'],
        ['V-2', '佐藤 一郎', 'サトウ イチロウ', '中部', '休止', '2024-05-01'],
        ['V-3', '鈴木 次郎', 'スズキ ジロウ', '中部', '活動中', '2025-06-01'],
      ],
      'volunteers',
    );
    const [stock, fresh] = run(
      [roster],
      [
        {
          ID: 'A',
          基本目標: 1,
          指標名: '活動中',
          集計元: 'ボランティア名簿',
          集計方法: '件数',
          条件: '状態=活動中',
          日付列: '現在',
        },
        { ID: 'B', 基本目標: 1, 指標名: '新規登録', 集計元: 'ボランティア名簿', 集計方法: '件数' },
      ],
    );
    expect(cells(stock!, 2025)).toEqual([2, 1, 0, 1, 0, 0]);
    expect(cells(stock!, 2024)[0]).toBe('notCounted');
    expect(cells(fresh!, 2024)[0]).toBe(1);
  });

  it('places 会費台帳 rows by 支部 (北東部支部 → 北東部) and dates them by 年度', () => {
    const fees = sheetOf(
      '会費台帳',
      [
        ['会員番号', '氏名・団体名', '会員種別', '口数', '単価', '金額', '年度', '支部', '納入日'],
        ['M-1', '山田 花子', '普通会員', 1, 500, 500, '令和6年度', '北東部支部', '2024-03-31'],
        ['M-2', '佐藤 一郎', '普通会員', 2, 500, 1000, 2024, '中部支部', '2024-06-01'],
        ['M-1', '山田 花子', '普通会員', 1, 500, 500, 2025, '北東部支部', '2025-04-20'],
      ],
      'memberships',
    );
    const [members, yen] = run(
      [fees],
      [
        { ID: 'A', 基本目標: 4, 指標名: '会員数', 集計元: '会費台帳', 集計方法: '人数', 対象列: '会員番号' },
        { ID: 'B', 基本目標: 4, 指標名: '会費', 集計元: '会費台帳', 集計方法: '合計', 対象列: '金額' },
      ],
    );
    expect(cells(members!, 2024)).toEqual([2, 1, 0, 1, 0, 0]);
    expect(cells(yen!, 2024)[0]).toBe(1500);
  });

  it('reads アンケート回答 by its headers: one column per question, 圏域 and タイムスタンプ', () => {
    const answers: WorkbookSheet = {
      name: 'アンケート回答',
      kind: null,
      mapping: null,
      values: [
        ['タイムスタンプ', '回答言語', '年代', '圏域', '社協の認知度', '情報の入手方法'],
        [new Date('2024-07-01T10:00:00+09:00'), 'ja', '60代', '北東部', '名前は知っている', '広報紙, SNS'],
        [new Date('2024-07-02T10:00:00+09:00'), 'ja', '30代', '北東部', '知らない', 'SNS'],
        [new Date('2024-07-03T10:00:00+09:00'), 'en', '40代', '南部', 'よく知っている', '広報紙'],
        [new Date('2024-07-04T10:00:00+09:00'), 'ja', '70代', '南部', '', '回覧板'],
      ],
    };
    const [known, sns] = run(
      [answers],
      [
        {
          ID: 'G3-2',
          基本目標: 3,
          指標名: '認知度',
          単位: '%',
          集計元: 'アンケート回答',
          集計方法: '割合',
          対象列: '社協の認知度',
          条件: '社協の認知度≠知らない',
        },
        {
          ID: 'G3-3',
          基本目標: 3,
          指標名: 'SNS',
          単位: '%',
          集計元: 'アンケート回答',
          集計方法: '割合',
          条件: '情報の入手方法にSNSを含む',
        },
      ],
    );
    expect(known!.years[0]!.city).toMatchObject({ numerator: 2, base: 3 });
    expect(sns!.years[0]!.city).toMatchObject({ numerator: 2, base: 4 });
    expect(sns!.years[0]!.areas.map((a) => a.numerator)).toEqual([2, 0, 0, 0]);
  });

  it('takes manual 実績 as typed, and marks the rest 未入力', () => {
    const [r] = run([], [{ ID: 'M', 基本目標: 4, 指標名: '研修', 集計元: '手入力' }], 2025, { M: { 2024: 44 } });
    expect(r!.status).toBe('manual');
    expect(cells(r!, 2024)).toEqual([44]);
    expect(cells(r!, 2025)).toEqual(['notEntered']);
    expect(cells(r!, 2026)).toEqual(['future']);
  });

  it('says which column a sheet lacks instead of counting 0', () => {
    const narrow = sheetOf(
      '活動記録',
      [
        ['日付', '事業', '活動種別'],
        ['2024-05-01', 'ふれまち', 'サロン'],
      ],
      'activities',
    );
    const [r] = run(
      [narrow],
      [{ ID: 'A', 基本目標: 1, 指標名: '多世代', 集計元: '活動記録', 集計方法: '件数', 条件: '多世代=はい' }],
    );
    expect(r!.status).toBe('missingColumn');
    expect(cells(r!, 2024)[0]).toBe('noData');
    expect(r!.notes[0]?.ja).toContain('「多世代」の列がない');
  });
});
