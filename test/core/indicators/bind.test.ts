// Tests how a 条件 meets a source: names resolved, values read by column type, and the compiled row test against a plain reference reading.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { compileCondition, resolveCondition } from '../../../src/core/indicators/bind';
import { parseCondition, type Condition } from '../../../src/core/indicators/condition';
import { SOURCES, SourceView, matchKey, sourceDataOf, type SourceData } from '../../../src/core/indicators/sources';
import { classifyRows } from '../../../src/core/sheets/row-kinds';
import { parseDate } from '../../../src/core/text/date';
import { splitMulti } from '../../../src/core/text/multi';
import { parseNumber } from '../../../src/core/text/number';
import { parseYesNo } from '../../../src/core/text/yesno';
import { fourAreas, sheetOf, viewOf } from './helpers';

const HEADER = ['日付', '事業', '活動種別', '圏域', '登録番号', '参加者数', '多世代', '備考'];

function rowsMatching(view: SourceView, text: string): number[] {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(parsed.error.message.ja);
  const resolved = resolveCondition(parsed.condition, view.source, (n) => view.resolve(n), 4);
  if (!resolved.ok) throw new Error(resolved.problems.map((p) => p.message.ja).join(' / '));
  const test = compileCondition(resolved.condition, view, 4);
  const out: number[] = [];
  for (let r = 0; r < view.size; r++) if (test(r)) out.push(view.where(r).row);
  return out;
}

function problems(view: SourceView, text: string): string[] {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(parsed.error.message.ja);
  const resolved = resolveCondition(parsed.condition, view.source, (n) => view.resolve(n), 4);
  return resolved.ok ? [] : resolved.problems.map((p) => `${p.severity}: ${p.message.ja}`);
}

describe('indicators/bind', () => {
  const view = viewOf('activities', [
    HEADER,
    ['2024-04-10', 'ふれまち', 'サロン', '北東部', 'V-1', 12, 'はい', ''],
    ['2024-05-01', 'りんく', '見守り訪問', '南部', 'V-2、V-3', 1, 'いいえ', ''],
    ['2024-06-01', 'ふれまち', '居場所', '中部', '', '', '○', ''],
    ['令和6年7月1日', 'ボラセン', 'イベント', '', 'V-3', '20人', '×', ''],
    ['合計', '', '', '', '', 33, '', ''],
  ]);

  it('leaves the totals row out of the source', () => {
    expect(view.size).toBe(4);
    expect(view.notDataRows).toBe(1);
  });

  it('leaves out every row classifyRows sets aside: 計 with a count, a heading, a sum without a label, a note, 以下余白', () => {
    const staff = viewOf('activities', [
      HEADER,
      ['【北東部】', '', '', '', '', '', '', ''],
      ['2024-04-10', 'ふれまち', 'サロン', '北東部', 'V-1', 12, 'はい', '※雨天'],
      ['2024-04-11', 'ふれまち', 'サロン', '北東部', 'V-2', 8, 'はい', ''],
      ['', '', '', '', '', 20, '', ''],
      ['計 2件', '', '', '', '', 20, '', ''],
      ['※4月分は速報値', '', '', '', '', '', '', ''],
      ['2024-05-02', 'りんく', '見守り訪問', '南部', 'V-3', 1, 'いいえ', ''],
      ['以下余白', '', '', '', '', '', '', ''],
    ]);
    expect(staff.size, 'the three activities').toBe(3);
    expect(staff.notDataRows, 'heading, sum, 計, note, end mark').toBe(5);
    expect(rowsMatching(staff, '参加者数>=1')).toEqual([3, 4, 8]);
  });

  it('takes the rows as the action classified them (a =SUM row decided by its formula)', () => {
    const values = [
      HEADER,
      ['2024-04-10', 'ふれまち', 'サロン', '北東部', 'V-1', 12, 'はい', ''],
      ['', '', '', '', '', 7, '', ''],
    ];
    const plain = viewOf('activities', values);
    expect(plain.size, 'a lone number could be an entry').toBe(2);
    const source = SOURCES.activities;
    const sheet = sheetOf(source.name, values, 'activities');
    const mapping = { kind: 'activities' as const, ...(sheet.mapping as NonNullable<typeof sheet.mapping>) };
    const rows = classifyRows(mapping, values, {
      formulas: new Map([[3, ['', '', '', '', '', '=SUM(F2)-5', '', '']]]),
    });
    const data = sourceDataOf([{ ...sheet, rows }])[0] as SourceData;
    const decided = new SourceView(data, fourAreas());
    expect(decided.size).toBe(1);
    expect(decided.notDataRows).toBe(1);
  });

  it('compares list and text columns after normalisation (width, spaces)', () => {
    expect(rowsMatching(view, '活動種別=サロン、居場所')).toEqual([2, 4]);
    expect(rowsMatching(view, '活動種別＝ サロン')).toEqual([2]);
    expect(rowsMatching(view, '事業≠ふれまち')).toEqual([3, 5]);
  });

  it('reads yes/no values as staff write them', () => {
    expect(rowsMatching(view, '多世代=はい')).toEqual([2, 4]);
    expect(rowsMatching(view, '多世代=×')).toEqual([3, 5]);
  });

  it('compares numbers, reading 20人 as 20 and leaving blanks out', () => {
    expect(rowsMatching(view, '参加者数>=12')).toEqual([2, 5]);
    expect(rowsMatching(view, '参加者数<12')).toEqual([3]);
    expect(rowsMatching(view, '参加者数=20')).toEqual([5]);
  });

  it('compares dates, 和暦 included', () => {
    expect(rowsMatching(view, '日付>=2024-06-01')).toEqual([4, 5]);
    expect(rowsMatching(view, '日付<令和6年5月1日')).toEqual([2]);
  });

  it('reads に…を含む as one of the values of a multi-value cell', () => {
    expect(rowsMatching(view, '登録番号にV-3を含む')).toEqual([3, 5]);
    expect(rowsMatching(view, '登録番号=V-3')).toEqual([3, 5]);
    expect(rowsMatching(view, '登録番号にV-3を含まない')).toEqual([2, 4]);
  });

  it('reads に…を含む as part of the text of a single-value cell', () => {
    expect(rowsMatching(view, '活動種別に訪問を含む')).toEqual([3]);
  });

  it('reads 空欄 and 空欄でない', () => {
    expect(rowsMatching(view, '圏域が空欄')).toEqual([5]);
    expect(rowsMatching(view, '登録番号が空欄でない')).toEqual([2, 3, 5]);
  });

  it('accepts aliases of a column', () => {
    expect(rowsMatching(view, '活動日>=2024-06-01')).toEqual([4, 5]);
  });

  it('names an unknown column with the columns the source has', () => {
    const [p] = problems(view, '活動の種類2=サロン');
    expect(p).toContain('「活動の種類2」という列は活動記録にありません');
    expect(p).toContain('活動種別');
  });

  it('refuses personal columns in a 条件', () => {
    expect(problems(view, '備考に入院を含む')[0]).toContain('個人情報の列');
  });

  it('refuses values that do not fit the column', () => {
    expect(problems(view, '多世代=たぶん')[0]).toContain('はい/いいえ');
    expect(problems(view, '参加者数>=たくさん')[0]).toContain('数として読めません');
    expect(problems(view, '日付>=来週')[0]).toContain('日付として読めません');
    expect(problems(view, '多世代>1')[0]).toContain('大小を比べられる列ではありません');
    expect(problems(view, '参加者数に1を含む')[0]).toContain('文字の列ではない');
  });

  it('tells a column the sheet lacks apart from an unknown one', () => {
    const narrow = viewOf('activities', [
      ['日付', '事業', '活動種別'],
      ['2024-04-10', 'ふれまち', 'サロン'],
    ]);
    expect(problems(narrow, '多世代=はい')[0]).toMatch(/^missing: .*「多世代」の列がない/);
  });

  describe('the compiled row test', () => {
    const programs = ['ふれまち', 'りんく', 'ボラセン', ''];
    const types = ['サロン', '居場所', '見守り訪問', 'イベント', ''];
    const ids = ['V-1', 'V-2', 'V-3'];
    const row = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      program: fc.constantFrom(...programs),
      type: fc.constantFrom(...types),
      ids: fc.subarray(ids),
      count: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 30 })),
      multi: fc.constantFrom('はい', 'いいえ', '○', '', '×'),
    });
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({
        kind: fc.constant('compare' as const),
        column: fc.constant('事業'),
        op: fc.constantFrom('=' as const, '≠' as const),
        values: fc.subarray(programs.slice(0, 3), { minLength: 1 }),
      }),
      fc.record({
        kind: fc.constant('compare' as const),
        column: fc.constant('登録番号'),
        op: fc.constantFrom('=' as const, '≠' as const),
        values: fc.subarray(ids, { minLength: 1 }),
      }),
      fc.record({
        kind: fc.constant('compare' as const),
        column: fc.constant('参加者数'),
        op: fc.constantFrom('=' as const, '>' as const, '>=' as const, '<' as const, '<=' as const),
        values: fc.integer({ min: 0, max: 30 }).map((n) => [String(n)]),
      }),
      fc.record({
        kind: fc.constant('compare' as const),
        column: fc.constant('日付'),
        op: fc.constantFrom('>' as const, '<=' as const),
        values: fc.integer({ min: 1, max: 28 }).map((d) => [`2024-05-${String(d).padStart(2, '0')}`]),
      }),
      fc.record({
        kind: fc.constant('compare' as const),
        column: fc.constant('多世代'),
        op: fc.constantFrom('=' as const, '≠' as const),
        values: fc.constantFrom(['はい'], ['いいえ']),
      }),
      fc.record({
        kind: fc.constant('contains' as const),
        column: fc.constantFrom('活動種別', '登録番号'),
        values: fc.constantFrom(['訪問'], ['サロン'], ['V-2'], ['V-1', 'V-3']),
        negated: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('blank' as const),
        column: fc.constantFrom('事業', '登録番号', '参加者数'),
        negated: fc.boolean(),
      }),
    );
    const tree = fc.letrec<{ node: Condition }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.record({
          kind: fc.constantFrom('all' as const, 'any' as const),
          items: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
        }),
      ),
    })).node;

    type Row = { day: number; program: string; type: string; ids: string[]; count: number | string; multi: string };
    const cellOf = (r: Row, column: string): unknown =>
      ({
        日付: `2024-05-${String(r.day).padStart(2, '0')}`,
        事業: r.program,
        活動種別: r.type,
        登録番号: r.ids.join('、'),
        参加者数: r.count,
        多世代: r.multi,
      })[column];

    /** The documented meaning of each form, read straight from the cell. */
    function reference(c: Condition, r: Row): boolean {
      if (c.kind === 'all') return c.items.every((i) => reference(i, r));
      if (c.kind === 'any') return c.items.some((i) => reference(i, r));
      const cell = cellOf(r, c.column);
      if (c.kind === 'blank') return (String(cell).trim() === '') !== c.negated;
      if (c.kind === 'contains') {
        const hit =
          c.column === '登録番号'
            ? splitMulti(cell).some((v) => c.values.indexOf(v) >= 0)
            : c.values.some((v) => String(cell).indexOf(v) >= 0);
        return hit !== c.negated;
      }
      const v = c.values[0] as string;
      let hit: boolean;
      if (c.column === '多世代') {
        const y = parseYesNo(cell).value;
        hit = y !== null && c.values.some((x) => parseYesNo(x).value === y);
      } else if (c.column === '参加者数' || c.column === '日付') {
        const n =
          c.column === '日付'
            ? (parseDate(cell) as { ok: true; date: { toDayNumber(): number } }).date.toDayNumber()
            : parseNumber(cell).ok
              ? (parseNumber(cell) as { value: number }).value
              : Number.NaN;
        const x =
          c.column === '日付'
            ? (parseDate(v) as { ok: true; date: { toDayNumber(): number } }).date.toDayNumber()
            : Number(v);
        if (c.op === '=' || c.op === '≠') hit = n === x;
        else if (c.op === '>') return n > x;
        else if (c.op === '>=') return n >= x;
        else if (c.op === '<') return n < x;
        else return n <= x;
      } else if (c.column === '登録番号') hit = splitMulti(cell).some((id) => c.values.indexOf(id) >= 0);
      else hit = String(cell) !== '' && c.values.map(matchKey).indexOf(matchKey(String(cell))) >= 0;
      return c.op === '≠' ? !hit : hit;
    }

    it('agrees with the reference reading on random rows and conditions', () => {
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), tree, (rows, c) => {
          const values: unknown[][] = [
            HEADER,
            ...rows.map((r) => [...HEADER.slice(0, 7).map((h) => cellOf(r, h)), 'x']),
          ];
          const v = viewOf('activities', values);
          const resolved = resolveCondition(c, SOURCES.activities, (n) => v.resolve(n), 4);
          expect(resolved.ok).toBe(true);
          if (!resolved.ok) return;
          const test = compileCondition(resolved.condition, v, 4);
          rows.forEach((r, i) => expect(test(i), JSON.stringify({ r, c })).toBe(reference(c, r)));
        }),
        { numRuns: 300 },
      );
    });
  });
});
