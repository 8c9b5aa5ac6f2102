import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  parseDate,
  parseFiscalYear,
  toISODateText,
} from '../../../src/core/text/date';
import { formatWareki } from '../../../src/core/text/era';
import { PlainDate } from '../../../src/core/text/plainDate';

function iso(value: unknown): string | null {
  const r = parseDate(value);
  return r.ok ? r.date.toISO() : null;
}

function reason(value: unknown): string | null {
  const r = parseDate(value);
  return r.ok ? null : r.reason;
}

const day = (y: number, m: number, d: number): PlainDate => PlainDate.of(y, m, d) as PlainDate;

describe('text/plainDate', () => {
  describe('PlainDate', () => {
    it('refuses days that do not exist', () => {
      expect(PlainDate.of(2024, 2, 30)).toBeNull();
      expect(PlainDate.of(2023, 2, 29)).toBeNull();
      expect(PlainDate.of(2024, 2, 29)?.toISO()).toBe('2024-02-29');
      expect(PlainDate.of(1900, 2, 29)).toBeNull();
      expect(PlainDate.of(2000, 2, 29)?.toISO()).toBe('2000-02-29');
      expect(PlainDate.of(2024, 13, 1)).toBeNull();
      expect(PlainDate.of(0, 1, 1)).toBeNull();
    });

    it('counts days from 1970-01-01 and back', () => {
      expect(day(1970, 1, 1).toDayNumber()).toBe(0);
      expect(day(1899, 12, 30).toDayNumber()).toBe(-25569);
      expect(PlainDate.fromDayNumber(19814)?.toISO()).toBe('2024-04-01');
      expect(day(2024, 2, 28).addDays(1)?.toISO()).toBe('2024-02-29');
    });

    it('writes itself as an ISO date in JSON', () => {
      expect(JSON.stringify({ d: day(2024, 4, 1) })).toBe('{"d":"2024-04-01"}');
    });

    it('round-trips every day through its day number', () => {
      fc.assert(
        fc.property(fc.integer({ min: -700000, max: 2900000 }), (n) => PlainDate.fromDayNumber(n)?.toDayNumber() === n),
      );
    });
  });
});

describe('text/date', () => {
  describe('parseDate', () => {
    it('reads ISO, slash, dot, compact and 年月日 forms', () => {
      expect(iso('2024-04-01')).toBe('2024-04-01');
      expect(iso('2024/4/1')).toBe('2024-04-01');
      expect(iso('2024.4.1')).toBe('2024-04-01');
      expect(iso('20240401')).toBe('2024-04-01');
      expect(iso('2024年4月1日')).toBe('2024-04-01');
    });

    it('reads full-width digits and spaces', () => {
      expect(iso('２０２４／０４／０１')).toBe('2024-04-01');
      expect(iso('令和６年４月１日')).toBe('2024-04-01');
      expect(iso('令和 6年 4月 1日')).toBe('2024-04-01');
    });

    it('reads 令和元年5月1日 as 2019-05-01', () => {
      expect(iso('令和元年5月1日')).toBe('2019-05-01');
    });

    it('reads 和暦 with kanji, one-kanji and letter eras', () => {
      expect(iso('令和6年4月1日')).toBe('2024-04-01');
      expect(iso('R6.4.1')).toBe('2024-04-01');
      expect(iso('r6.4.1')).toBe('2024-04-01');
      expect(iso('R06/04/01')).toBe('2024-04-01');
      expect(iso('Ｒ６．４．１')).toBe('2024-04-01');
      expect(iso('令6.4.1')).toBe('2024-04-01');
      expect(iso('昭和23年5月1日')).toBe('1948-05-01');
      expect(iso('S23.5.1')).toBe('1948-05-01');
      expect(iso('H31.4.30')).toBe('2019-04-30');
      expect(iso('平成元年1月8日')).toBe('1989-01-08');
      expect(iso('大正15年12月24日')).toBe('1926-12-24');
      expect(iso('明治45年7月29日')).toBe('1912-07-29');
      expect(iso('㍻元年1月8日')).toBe('1989-01-08');
    });

    it('reads kanji numerals', () => {
      expect(iso('昭和二十三年五月一日')).toBe('1948-05-01');
      expect(iso('令和元年十二月三十一日')).toBe('2019-12-31');
      expect(iso('二〇二四年四月一日')).toBe('2024-04-01');
    });

    it('ignores a trailing weekday, time or 生', () => {
      expect(iso('2024/4/1(月)')).toBe('2024-04-01');
      expect(iso('令和6年4月1日（月）')).toBe('2024-04-01');
      expect(iso('2024年4月1日 月曜日')).toBe('2024-04-01');
      expect(iso('2024/04/01 10:30')).toBe('2024-04-01');
      expect(iso('昭和23年5月1日生')).toBe('1948-05-01');
      expect(iso('1948年5月1日生まれ')).toBe('1948-05-01');
    });

    it('reads an ISO instant as its day in Tokyo', () => {
      expect(iso('2024-03-31T15:00:00Z')).toBe('2024-04-01');
      expect(iso('2024-03-31T14:59:59Z')).toBe('2024-03-31');
      expect(iso('2024-04-01T00:30:00+09:00')).toBe('2024-04-01');
      expect(iso('2024-04-01T10:00')).toBe('2024-04-01');
    });

    it('holds the era boundaries to the day', () => {
      expect(reason('平成31年5月1日')).toBe('eraMismatch');
      expect(reason('昭和64年1月8日')).toBe('eraMismatch');
      expect(iso('昭和64年1月7日')).toBe('1989-01-07');
      expect(reason('令和元年4月30日')).toBe('eraMismatch');
      expect(iso('昭和元年12月25日')).toBe('1926-12-25');
      expect(reason('明治元年1月1日')).toBe('eraMismatch');
      expect(iso('明治元年10月23日')).toBe('1868-10-23');
    });

    it.each<[string, string]>([
      // 明治天皇 died on 1912-07-30 and 大正 began that day: the day has both names.
      ['明治45年7月30日', '1912-07-30'],
      ['大正元年7月30日', '1912-07-30'],
      // 大正天皇 died on 1926-12-25 and 昭和 began that day.
      ['大正15年12月25日', '1926-12-25'],
      ['昭和元年12月25日', '1926-12-25'],
      // 昭和 ended on 1989-01-07, 平成 began the next day; 平成 ended on 2019-04-30, 令和 began on 05-01.
      ['昭和64年1月7日', '1989-01-07'],
      ['平成元年1月8日', '1989-01-08'],
      ['平成31年4月30日', '2019-04-30'],
      ['令和元年5月1日', '2019-05-01'],
    ])('reads %s, a day of its era, as %s', (text, expected) => {
      expect(iso(text)).toBe(expected);
    });

    it.each([
      '明治45年7月31日',
      '大正元年7月29日',
      '大正15年12月26日',
      '昭和元年12月24日',
      '昭和64年1月8日',
      '平成元年1月7日',
      '平成31年5月1日',
      '令和元年4月30日',
    ])('refuses %s, a day outside its era', (text) => {
      expect(reason(text)).toBe('eraMismatch');
    });

    it('fails on days that do not exist', () => {
      expect(reason('2024年2月30日')).toBe('invalidDate');
      expect(reason('2023/2/29')).toBe('invalidDate');
      expect(reason('令和5年2月29日')).toBe('invalidDate');
      expect(reason('令和0年1月1日')).toBe('invalidDate');
      expect(reason('2024-13-01')).toBe('invalidDate');
    });

    it('reads a Date as its calendar day in Asia/Tokyo', () => {
      // Midnight in Tokyo is 15:00 UTC the day before: what Sheets gives for a date cell.
      expect(iso(new Date(Date.UTC(2024, 2, 31, 15, 0, 0)))).toBe('2024-04-01');
      expect(iso(new Date(Date.UTC(2024, 3, 1, 14, 59, 59)))).toBe('2024-04-01');
      expect(iso(new Date(Date.UTC(2024, 3, 1, 15, 0, 0)))).toBe('2024-04-02');
      expect(reason(new Date(NaN))).toBe('invalidDate');
    });

    it('reads a Date from 1948–1951, when Japan kept summer time, as the day Sheets shows', () => {
      // Midnight of 1948-06-01 in Tokyo was 00:00 JDT (UTC+10) = 1948-05-31 14:00 UTC.
      expect(iso(new Date(Date.UTC(1948, 4, 31, 14, 0, 0)))).toBe('1948-06-01');
      expect(iso(new Date(Date.UTC(1951, 6, 31, 14, 0, 0)))).toBe('1951-08-01');
      expect(iso(new Date(Date.UTC(1949, 3, 2, 14, 59, 59)))).toBe('1949-04-02');
      // Outside summer time it is midnight JST again.
      expect(iso(new Date(Date.UTC(1951, 11, 31, 15, 0, 0)))).toBe('1952-01-01');
      expect(iso(new Date(Date.UTC(1948, 0, 31, 15, 0, 0)))).toBe('1948-02-01');
    });

    it('reads every midnight in Tokyo from 1940 to 1960 as its own day', () => {
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Tokyo',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      for (let t = Date.UTC(1940, 0, 1) - 9 * 3_600_000; t < Date.UTC(1960, 0, 1); t += 3_600_000) {
        const expected = f.format(new Date(t));
        const r = parseDate(new Date(t));
        if (!r.ok || r.date.toISO() !== expected)
          throw new Error(
            `${new Date(t).toISOString()} read as ${r.ok ? r.date.toISO() : r.reason}, expected ${expected}`,
          );
      }
    });

    it('reads sheet serial numbers from the 1899-12-30 epoch, and YYYYMMDD numbers', () => {
      expect(iso(45383)).toBe('2024-04-01');
      expect(iso(45383.75)).toBe('2024-04-01');
      expect(iso(1)).toBe('1899-12-31');
      expect(iso(20240401)).toBe('2024-04-01');
      expect(reason(0)).toBe('outOfRange');
      expect(reason(-5)).toBe('outOfRange');
      expect(reason(Number.NaN)).toBe('unrecognised');
    });

    it('tells blank from unrecognised', () => {
      expect(reason('')).toBe('blank');
      expect(reason('　')).toBe('blank');
      expect(reason(null)).toBe('blank');
      expect(reason(undefined)).toBe('blank');
      expect(reason('来週の月曜')).toBe('unrecognised');
      expect(reason('4/1')).toBe('unrecognised');
      expect(reason('24/4/1')).toBe('unrecognised');
      expect(reason({})).toBe('unrecognised');
      expect(reason(true)).toBe('unrecognised');
    });

    it('never throws on arbitrary input', () => {
      const datey = fc.string({
        unit: fc.constantFrom(...'0123456789年月日元令和平成昭RrHS./-　 ()（）月曜生T:Z+十二〇'.split('')),
      });
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), datey, fc.double(), fc.anything()), (v) => {
          const r = parseDate(v);
          return r.ok ? PlainDate.of(r.date.year, r.date.month, r.date.day) !== null : typeof r.reason === 'string';
        }),
        { numRuns: 5000 },
      );
    });
  });

  describe('toISODateText', () => {
    it.each<[unknown, string]>([
      ['2024-04-01', '2024-04-01 text'],
      ['2024/4/1', '2024-04-01 text'],
      ['2024年4月1日', '2024-04-01 text'],
      ['２０２４／４／１', '2024-04-01 text'],
      ['令和6年4月1日', '2024-04-01 text'],
      ['令和６年４月１日', '2024-04-01 text'],
      ['R6.4.1', '2024-04-01 text'],
      ['R06/04/01', '2024-04-01 text'],
      ['Ｒ０６．０４．０１', '2024-04-01 text'],
      ['令和元年5月1日', '2019-05-01 text'],
      ['平成元年1月8日', '1989-01-08 text'],
      ['昭和23年5月1日', '1948-05-01 text'],
      ['S23.5.1', '1948-05-01 text'],
      [new Date(Date.UTC(2024, 2, 31, 15)), '2024-04-01'],
      [45383, '2024-04-01'],
      ['平成31年5月1日', 'eraMismatch'],
      ['昭和64年1月8日', 'eraMismatch'],
      ['2024年2月30日', 'invalidDate'],
      ['来週', 'unrecognised'],
      ['', 'blank'],
    ])('reads %j as %s', (value, expected) => {
      const r = toISODateText(value);
      expect(r.ok ? `${r.iso}${r.wasText ? ' text' : ''}` : r.reason).toBe(expected);
    });
  });

  describe('formatWareki and parseDate', () => {
    it('writes 令和6年4月1日 and 令和元年5月1日', () => {
      expect(formatWareki(day(2024, 4, 1))).toBe('令和6年4月1日');
      expect(formatWareki(day(2019, 5, 1))).toBe('令和元年5月1日');
      expect(formatWareki(day(2019, 4, 30))).toBe('平成31年4月30日');
      expect(formatWareki(day(2024, 4, 1), 'letter')).toBe('R6.4.1');
      expect(formatWareki(day(1868, 1, 1))).toBe('1868年1月1日');
    });

    it('round-trips 和暦 ↔ ISO for every day from 1926-12-25 to 2035-12-31', () => {
      const last = day(2035, 12, 31).toDayNumber();
      let count = 0;
      for (let n = day(1926, 12, 25).toDayNumber(); n <= last; n++) {
        const d = PlainDate.fromDayNumber(n) as PlainDate;
        for (const text of [formatWareki(d), formatWareki(d, 'letter'), d.toISO()]) {
          const r = parseDate(text);
          if (!r.ok || !r.date.equals(d))
            throw new Error(`${text} read as ${r.ok ? r.date.toISO() : r.reason}, expected ${d.toISO()}`);
        }
        count++;
      }
      expect(count).toBe(39819);
    });
  });

  describe('fiscalYearOf', () => {
    it('names the fiscal year by its starting year', () => {
      expect(fiscalYearOf(day(2025, 3, 31))).toBe(2024);
      expect(fiscalYearOf(day(2024, 4, 1))).toBe(2024);
      expect(fiscalYearOf(day(2024, 3, 31))).toBe(2023);
    });

    it('follows another start month', () => {
      expect(fiscalYearOf(day(2024, 12, 31), 1)).toBe(2024);
      expect(fiscalYearOf(day(2024, 9, 30), 10)).toBe(2023);
      expect(() => fiscalYearOf(day(2024, 1, 1), 13)).toThrow(RangeError);
    });
  });

  describe('fiscalYearRange', () => {
    it('runs from April 1 to March 31', () => {
      const r = fiscalYearRange(2024);
      expect([r.start.toISO(), r.end.toISO()]).toEqual(['2024-04-01', '2025-03-31']);
      const leap = fiscalYearRange(2023, 3);
      expect(leap.end.toISO()).toBe('2024-02-29');
    });
  });

  describe('parseFiscalYear', () => {
    const fy = (v: unknown): number | string => {
      const r = parseFiscalYear(v);
      return r.ok ? r.year : r.reason;
    };

    it('reads numbers, 年度 text and FY', () => {
      expect(fy(2024)).toBe(2024);
      expect(fy('2024')).toBe(2024);
      expect(fy('２０２４年度')).toBe(2024);
      expect(fy('FY2024')).toBe(2024);
    });

    it('reads era fiscal years', () => {
      expect(fy('令和6年度')).toBe(2024);
      expect(fy('R6')).toBe(2024);
      expect(fy('令和元年度')).toBe(2019);
      expect(fy('平成31年度')).toBe(2019);
      expect(fy('平成元年度')).toBe(1989);
      expect(fy('昭和63年度')).toBe(1988);
      expect(fy('昭和64年度')).toBe('eraMismatch');
    });

    it('reads a date as its fiscal year', () => {
      expect(fy('2025/3/31')).toBe(2024);
    });

    it('tells blank from unrecognised', () => {
      expect(fy('')).toBe('blank');
      expect(fy('来年')).toBe('unrecognised');
      expect(fy(2024.5)).toBe('unrecognised');
    });
  });

  describe('formatFiscalYear', () => {
    it('uses the era in force in the middle of the year', () => {
      expect(formatFiscalYear(2024)).toBe('令和6年度');
      expect(formatFiscalYear(2019)).toBe('令和元年度');
      expect(formatFiscalYear(1988)).toBe('昭和63年度');
      expect(formatFiscalYear(1989)).toBe('平成元年度');
    });
  });
});
