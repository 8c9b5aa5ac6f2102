// A volunteer's birth date must give a plausible age (10–110) at registration, or today; a 令和 birth date is most likely a slip for 昭和 or 平成.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { PlainDate } from '../../../src/core/text/plainDate';
import { ageOn } from '../../../src/core/validate/volunteers';
import { day, found, sheet, TODAY, validate } from './helpers';

const HEADER = ['登録番号', '氏名', 'フリガナ', '生年月日', '電話番号', '登録日', '個人情報同意', '状態'];

function roster(rows: Array<[birth: unknown, registered: unknown]>) {
  return sheet(
    'volunteers',
    HEADER,
    rows.map(([birth, registered], i) => [
      `V-${String(i + 1).padStart(3, '0')}`,
      `佐藤 ${i + 1}`,
      `サトウ ${'アイウエオカキクケコ'.charAt(i)}`,
      birth,
      `042-461-${String(1000 + i)}`,
      registered,
      'はい',
      '活動中',
    ]),
    '名簿',
  );
}

const ages = (rows: Array<[unknown, unknown]>) => found(validate([roster(rows)]), 'volunteers.implausibleAge');

describe('plausible age from the birth date', () => {
  it('counts full years, the birthday itself included', () => {
    const birth = PlainDate.of(1950, 6, 1) as PlainDate;
    expect(ageOn(birth, PlainDate.of(2024, 5, 31) as PlainDate)).toBe(73);
    expect(ageOn(birth, PlainDate.of(2024, 6, 1) as PlainDate)).toBe(74);
    expect(ageOn(PlainDate.of(2000, 2, 29) as PlainDate, PlainDate.of(2010, 2, 28) as PlainDate)).toBe(9);
  });

  it('flags under 10 and over 110 at registration, naming sheet, row, column and the age', () => {
    const issues = ages([
      [day('1950-06-01'), day('2020-04-01')], // 69: fine
      [day('2015-04-02'), day('2024-04-01')], // 8 at registration
      [day('1905-01-01'), day('2020-04-01')], // 115
      [day('2014-04-01'), day('2024-04-01')], // exactly 10: fine
      [day('1909-04-02'), day('2020-04-01')], // 110: fine
    ]);
    expect(issues.map((i) => i.row)).toEqual([3, 4]);
    const young = issues[0]!;
    expect(young.sheet).toBe('名簿');
    expect(young.column).toBe('生年月日');
    expect(young.columnIndex).toBe(3);
    expect(young.severity).toBe('warning');
    expect(young.message.ja).toContain('登録日（2024年4月1日）の時点で8歳です');
    expect(young.message.en).toContain('the volunteer is 8 at registration (2024-04-01)');
    expect(young.fix).toBeUndefined();
    expect(issues[1]?.message.ja).toContain('115歳です');
  });

  it('uses today when the row has no usable 登録日', () => {
    // TODAY is 2026-11-26: born 1915-01-01 is 111 today, 2018-01-01 is 8.
    const issues = ages([
      [day('1915-01-01'), ''],
      [day('2018-01-01'), '不明'],
      [day('1990-01-01'), ''],
    ]);
    expect(issues.map((i) => i.row)).toEqual([2, 3]);
    expect(issues[0]?.message.ja).toContain(`今日（${TODAY.year}年${TODAY.month}月${TODAY.day}日）の時点で111歳です`);
    expect(issues[1]?.message.en).toContain('the volunteer is 8 today');
  });

  it('suggests 昭和 or 平成 for a 令和元年 birth date, and never as a safe fix', () => {
    const [issue] = ages([['令和元年5月10日', day('2024-04-01')]]);
    expect(issue?.message.ja).toContain('4歳です');
    // 昭和元年 began on 12月25日, so only 平成元年5月10日 exists.
    expect(issue?.suggestion).toBe('令和ではなく平成元年5月10日（1989年）の誤りではありませんか');
    expect(issue?.suggestionEn).toBe('probably 平成元年5月10日 (1989-05-10) rather than 令和');
    expect(issue?.fix).toBeUndefined();
  });

  it('names both 昭和 and 平成 when both give a plausible age, for a 令和 date written or stored as a date', () => {
    const [typed, stored] = ages([
      ['R3.7.7', day('2024-04-01')],
      [day('2021-07-07'), day('2024-04-01')],
    ]);
    expect(typed?.suggestion).toBe(
      '令和ではなく昭和3年7月7日（1928年）か平成3年7月7日（1991年）の誤りではありませんか',
    );
    expect(stored?.suggestion).toBe(typed?.suggestion);
  });

  it('suggests the 昭和 and 平成 days of any 令和 year', () => {
    const [issue] = ages([['令和6年1月1日', day('2024-04-01')]]);
    expect(issue?.message.ja).toContain('0歳です');
    expect(issue?.suggestion).toBe(
      '令和ではなく昭和6年1月1日（1931年）か平成6年1月1日（1994年）の誤りではありませんか',
    );
  });

  it('gives no era suggestion for a birth date outside 令和', () => {
    const [issue] = ages([[day('2018-02-01'), day('2024-04-01')]]);
    expect(issue?.message.ja).toContain('6歳です');
    expect(issue?.suggestion).toBeUndefined();
  });

  it('reads a birth date after the 登録日 as a slip, and leaves dates after today to date.future', () => {
    const issues = ages([
      [day('2025-01-01'), day('2024-04-01')],
      [day('2030-01-01'), day('2024-04-01')],
    ]);
    expect(issues.map((i) => i.row)).toEqual([2]);
    expect(issues[0]?.message.ja).toContain('登録日より後に生まれたことになります');
  });

  it('leaves blank, unreadable and plausible birth dates alone', () => {
    expect(
      ages([
        ['', day('2024-04-01')],
        ['不明', day('2024-04-01')],
        ['昭和23年5月1日', day('2024-04-01')],
      ]),
    ).toEqual([]);
  });
});
