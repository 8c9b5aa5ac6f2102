import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { ValidationIssue } from '../../../src/core/validate/types';
import { day, sheet, validate } from './helpers';

const ROSTER = [
  '登録番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '郵便番号',
  '電話番号',
  'メール',
  '圏域',
  '活動可能日時',
  '月間上限',
  '保険加入年度',
  '個人情報同意',
  '状態',
];
const CLEAN: unknown[] = [
  'V-0001',
  '山田 花子',
  'ヤマダ ハナコ',
  day('1948-05-01'),
  '188-0012',
  '042-461-1234',
  'hanako@example.jp',
  '中部',
  '月午前、水午後',
  4,
  2026,
  'はい',
  '活動中',
];

/** The issues about one roster cell when it holds `value` (every other cell is clean). */
function about(header: string, value: unknown): ValidationIssue[] {
  const row = [...CLEAN];
  const at = ROSTER.indexOf(header);
  row[at] = value;
  return validate([sheet('volunteers', ROSTER, [row])]).issues.filter((i) => i.columnIndex === at);
}

function one(header: string, value: unknown): Pick<ValidationIssue, 'code' | 'severity' | 'fix'> | null {
  const issues = about(header, value);
  if (issues.length === 0) return null;
  const fixed = issues.find((i) => i.fix) ?? issues[0]!;
  return { code: fixed.code, severity: fixed.severity, ...(fixed.fix ? { fix: fixed.fix } : {}) };
}

describe('validate/formats', () => {
  it('accepts the clean row', () => {
    expect(validate([sheet('volunteers', ROSTER, [CLEAN])]).issues).toEqual([]);
  });

  describe('dates', () => {
    it.each([
      ['令和6年4月1日', '2024-04-01'],
      ['R6.4.1', '2024-04-01'],
      ['R06/04/01', '2024-04-01'],
      ['2024/4/1', '2024-04-01'],
      ['２０２４年４月１日', '2024-04-01'],
      ['昭和23年5月1日', '1948-05-01'],
      ['令和元年5月1日', '2019-05-01'],
      ['2024年4月1日（月）', '2024-04-01'],
    ])('fixes the text date %s to %s (date)', (typed, iso) => {
      expect(one('生年月日', typed)).toEqual({
        code: 'date.text',
        severity: 'warning',
        fix: { kind: 'date', to: iso },
      });
    });

    it('accepts ISO text and a real Date cell as they are (a Date is never changed)', () => {
      expect(about('生年月日', '1948-05-01')).toEqual([]);
      expect(about('生年月日', day('1948-05-01'))).toEqual([]);
    });

    it('fixes a YYYYMMDD number and a sheet serial to ISO (date.number)', () => {
      expect(one('生年月日', 19480501)).toEqual({
        code: 'date.number',
        severity: 'warning',
        fix: { kind: 'date', to: '1948-05-01' },
      });
      expect(one('生年月日', 45383)).toEqual({
        code: 'date.number',
        severity: 'warning',
        fix: { kind: 'date', to: '2024-04-01' },
      });
    });

    it('refuses small numbers, which are more likely counts than dates', () => {
      expect(one('生年月日', 3)).toEqual({ code: 'date.invalid', severity: 'error' });
    });

    it('suggests but does not fix a date with a time of day (the time would be lost)', () => {
      const [issue] = about('生年月日', '2024/4/1 10:30');
      expect(issue).toMatchObject({ code: 'date.text', suggestion: '2024-04-01' });
      expect(issue?.fix).toBeUndefined();
    });

    it.each([
      ['平成31年5月1日', 'date.eraMismatch'],
      ['昭和64年1月8日', 'date.eraMismatch'],
      ['2024年2月30日', 'date.invalid'],
      ['来週', 'date.invalid'],
      [true, 'date.invalid'],
    ])('reports %s as %s without a fix', (typed, code) => {
      expect(one('生年月日', typed)).toEqual({ code, severity: 'error' });
    });

    it('reports a day after today in a data sheet (today is given, not read from a clock)', () => {
      expect(one('生年月日', day('2026-11-27'))).toEqual({ code: 'date.future', severity: 'error' });
      // Today itself is no future day (an age of 0 is volunteers.implausibleAge's, tested there).
      expect(about('生年月日', day('2026-11-26')).filter((i) => i.code.startsWith('date.'))).toEqual([]);
      const both = about('生年月日', '令和9年1月1日').map((i) => i.code);
      expect(both).toEqual(['date.future', 'date.text']);
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['０４２－４６１－１２３４', 'width', '042-461-1234'],
      ['042ー461ー1234', 'width', '042-461-1234'],
      ['042−461−1234', 'width', '042-461-1234'],
      [' 042-461-1234', 'spaces', '042-461-1234'],
      ['0424611234', 'phone', '042-461-1234'],
      ['09012345678', 'phone', '090-1234-5678'],
      ['(042)461-1234', 'phone', '042-461-1234'],
      [424611234, 'phone', '042-461-1234'],
    ])('fixes %j with a %s fix to %s', (typed, kind, to) => {
      expect(one('電話番号', typed)).toEqual({ code: 'phone.format', severity: 'warning', fix: { kind, to } });
    });

    it('says what a phone number should look like', () => {
      expect(about('電話番号', '03-1234-567')[0]).toMatchObject({
        code: 'phone.digitCount',
        message: {
          ja: '電話番号の桁数が合いません。電話番号は 042-461-1234 のように、市外局番から10〜11桁で入力してください',
        },
      });
    });

    it.each([
      ['461-1234', 'phone.digitCount'],
      ['自宅なし', 'phone.invalid'],
      ['042-461-1234 / 090-1234-5678', 'phone.invalid'],
    ])('reports %s as %s', (typed, code) => {
      expect(one('電話番号', typed)).toEqual({ code, severity: 'error' });
    });
  });

  describe('postal codes', () => {
    it.each([
      ['1880012', 'postal', '188-0012'],
      ['〒188-0012', 'postal', '188-0012'],
      ['１８８－００１２', 'width', '188-0012'],
      ['188ー0012', 'width', '188-0012'],
      [1880012, 'postal', '188-0012'],
      [600001, 'postal', '060-0001'],
    ])('fixes %j with a %s fix to %s', (typed, kind, to) => {
      expect(one('郵便番号', typed)).toEqual({ code: 'postal.format', severity: 'warning', fix: { kind, to } });
    });

    it.each([
      ['188-001', 'postal.digitCount'],
      ['西東京市', 'postal.invalid'],
    ])('reports %s as %s', (typed, code) => {
      expect(one('郵便番号', typed)).toEqual({ code, severity: 'error' });
    });
  });

  describe('e-mail', () => {
    it('fixes full-width letters and spaces, keeps case', () => {
      expect(one('メール', 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toEqual({
        code: 'email.format',
        severity: 'warning',
        fix: { kind: 'width', to: 'hanako@example.jp' },
      });
      expect(one('メール', ' hanako@example.jp')).toEqual({
        code: 'email.format',
        severity: 'warning',
        fix: { kind: 'spaces', to: 'hanako@example.jp' },
      });
      expect(about('メール', 'Hanako@Example.jp')).toEqual([]);
    });

    it('reports what is not an address', () => {
      expect(one('メール', 'hanako@')).toEqual({ code: 'email.invalid', severity: 'error' });
    });
  });

  describe('furigana', () => {
    it.each([
      ['やまだ はなこ', 'kana.hiragana', 'ヤマダ ハナコ'],
      ['ﾔﾏﾀﾞ ﾊﾅｺ', 'kana.halfwidth', 'ヤマダ ハナコ'],
      ['ヤマダ　ハナコ', null, null],
    ])('%s → %s', (typed, code, to) => {
      expect(one('フリガナ', typed)).toEqual(
        code === null ? null : { code, severity: 'warning', fix: { kind: 'kana', to } },
      );
    });

    it('reports kanji in furigana without guessing a reading', () => {
      expect(one('フリガナ', '山田 はなこ')).toEqual({ code: 'kana.notKana', severity: 'warning' });
    });
  });

  describe('names', () => {
    it('never proposes a fix for a name: 髙橋 and full-width spaces stay as typed', () => {
      expect(about('氏名', '髙橋　﨑子 ')).toEqual([]);
      expect(about('氏名', 'ＹＡＭＡＤＡ')).toEqual([]);
    });
  });

  describe('yes/no', () => {
    it.each([
      ['○', 'はい'],
      ['有', 'はい'],
      ['TRUE', 'はい'],
      ['同意する', 'はい'],
    ])('fixes %s to %s (yesno)', (typed, to) => {
      expect(one('個人情報同意', typed)).toEqual({
        code: 'yesno.variant',
        severity: 'warning',
        fix: { kind: 'yesno', to },
      });
    });

    it('leaves a checkbox (a boolean) alone', () => {
      expect(about('個人情報同意', true)).toEqual([]);
    });

    it('reports what is not yes or no', () => {
      expect(one('個人情報同意', 'たぶん')).toEqual({ code: 'yesno.invalid', severity: 'error' });
    });

    it('writes 氏名公表 with its own words 可 / 不可', () => {
      const header = ['領収書番号', '受領日', '寄付者名', '区分', '金額', '氏名公表'];
      const r = validate([
        sheet('donations', header, [
          ['R6-0001', day('2024-05-01'), '山田 花子', '一般寄付', 1000, 'はい'],
          ['R6-0002', day('2024-05-01'), '佐藤 一郎', '一般寄付', 1000, '不可'],
        ]),
      ]);
      expect(r.issues.map((i) => [i.row, i.code, i.fix])).toEqual([[2, 'yesno.variant', { kind: 'yesno', to: '可' }]]);
    });
  });

  describe('counts, fiscal years and availability', () => {
    it('fixes a count typed as text to the number (width for full-width digits)', () => {
      expect(one('月間上限', '２')).toEqual({
        code: 'integer.text',
        severity: 'warning',
        fix: { kind: 'width', to: 2 },
      });
      expect(one('月間上限', '3回')).toEqual({
        code: 'integer.text',
        severity: 'warning',
        fix: { kind: 'amount', to: 3 },
      });
    });

    it.each([
      [-1, 'integer.negative'],
      [1.5, 'integer.notInteger'],
      ['三回', 'integer.invalid'],
    ])('reports %s as %s', (typed, code) => {
      expect(one('月間上限', typed)).toEqual({ code, severity: 'error' });
    });

    it.each(['2 3', '1,0', '1.000', '２　３', '1,000 2,000'])(
      'never fixes the count %s, which reads more than one way',
      (typed) => {
        expect(one('月間上限', typed)).toEqual({ code: 'integer.ambiguous', severity: 'error' });
      },
    );

    it.each(['令和8年度', 'R8', '2026年度', 'FY2026', 2026])('reads the fiscal year %s', (typed) => {
      expect(about('保険加入年度', typed)).toEqual([]);
    });

    it('reports a fiscal year it cannot read, and one outside its era', () => {
      expect(one('保険加入年度', 'そのうち')).toEqual({ code: 'fiscalYear.invalid', severity: 'error' });
      expect(one('保険加入年度', '昭和64年度')).toEqual({ code: 'fiscalYear.eraMismatch', severity: 'error' });
    });

    it('names the parts of an availability cell it cannot read', () => {
      const [issue] = about('活動可能日時', '月午前、水午後(要相談)');
      expect(issue).toMatchObject({ code: 'availability.unknown', severity: 'warning' });
      expect(issue?.message.ja).toContain('「水午後(要相談)」');
      expect(about('活動可能日時', '土日終日、平日夜間')).toEqual([]);
    });
  });

  describe('amounts', () => {
    const header = ['領収書番号', '受領日', '寄付者名', '区分', '金額'];
    function amount(value: unknown): Pick<ValidationIssue, 'code' | 'fix'>[] {
      return validate([
        sheet('donations', header, [['R6-0001', day('2024-05-01'), '山田 花子', '一般寄付', value]]),
      ]).issues.map((i) => ({ code: i.code, ...(i.fix ? { fix: i.fix } : {}) }));
    }

    it.each([
      ['¥10,000', 10000],
      ['１０，０００円', 10000],
      ['10,000円', 10000],
      ['10000', 10000],
      ['金10,000円也', 10000],
    ])('fixes %s to the number %d (amount)', (typed, yen) => {
      expect(amount(typed)).toEqual([{ code: 'amount.text', fix: { kind: 'amount', to: yen } }]);
    });

    it.each([
      ['5000 3000', '5000 3000'],
      ['1,000 2,000', '1,000 2,000'],
      ['1,00', '1,00'],
      ['10.000', '10.000'],
      ['1.000円', '1.000円'],
      ['1.000.000', '1.000.000'],
      ['１０　０００円', '１０　０００円'],
    ])('never fixes %s, which has more than one reading, and says what it could mean', (typed) => {
      const found = validate([
        sheet('donations', header, [['R6-0001', day('2024-05-01'), '山田 花子', '一般寄付', typed]]),
      ]).issues;
      expect(found.map((i) => i.code)).toEqual(['amount.ambiguous']);
      expect(found[0]?.fix).toBeUndefined();
      expect(found[0]?.message.ja).toContain(typed);
    });

    it('names both readings of 10.000 in the suggestion', () => {
      const [issue] = validate([
        sheet('donations', header, [['R6-0001', day('2024-05-01'), '山田 花子', '一般寄付', '10.000']]),
      ]).issues;
      expect(issue?.suggestion).toContain('10');
      expect(issue?.suggestion).toContain('10000');
    });

    it.each([
      [0, 'amount.notPositive'],
      [-500, 'amount.notPositive'],
      ['▲500', 'amount.notPositive'],
      [10.5, 'amount.notInteger'],
      ['たくさん', 'amount.invalid'],
      ['3人', 'amount.invalid'],
    ])('reports %s as %s', (typed, code) => {
      expect(amount(typed)).toEqual([{ code }]);
    });
  });

  describe('hours', () => {
    const header = ['日付', '事業', '活動種別', '圏域', '活動時間'];
    it.each(['2', '2時間', '90分', '1.5h', '10:00〜12:00', 2])('reads %s', (typed) => {
      expect(
        validate([sheet('activities', header, [[day('2026-01-05'), 'ふれまち', 'サロン', '中部', typed]])]).issues,
      ).toEqual([]);
    });

    it('reports what is not a duration', () => {
      const r = validate([
        sheet('activities', header, [[day('2026-01-05'), 'ふれまち', 'サロン', '中部', '午後いっぱい']]),
      ]);
      expect(r.issues.map((i) => i.code)).toEqual(['time.invalid']);
    });
  });
});
