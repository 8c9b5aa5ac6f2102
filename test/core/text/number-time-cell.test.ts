import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { cellText, isBlankCell } from '../../../src/core/text/cell';
import { parseNumber } from '../../../src/core/text/number';
import { parseHours } from '../../../src/core/text/time';

const num = (v: unknown, integer = false): number | string => {
  const r = parseNumber(v, { integer });
  return r.ok ? r.value : r.reason;
};
const hrs = (v: unknown): number | string => {
  const r = parseHours(v);
  return r.ok ? r.hours : r.reason;
};

describe('text/number', () => {
  describe('parseNumber', () => {
    it('reads amounts as staff type them', () => {
      expect(num('10,000円')).toBe(10000);
      expect(num('１０，０００')).toBe(10000);
      expect(num('¥3,000')).toBe(3000);
      expect(num('１万円')).toBe(10000);
      expect(num('1.5万')).toBe(15000);
      expect(num('1万5000円')).toBe(15000);
      expect(num('▲500')).toBe(-500);
      expect(num('12人')).toBe(12);
      expect(num(42)).toBe(42);
    });

    it('reads thousands commas, decimals and units the one way they read', () => {
      expect(num('1,000,000')).toBe(1000000);
      expect(num('1,000.5')).toBe(1000.5);
      expect(num('10.5')).toBe(10.5);
      expect(num('0.125')).toBe(0.125);
      expect(num('3 人')).toBe(3);
      expect(num('1.5万')).toBe(15000);
      expect(num('1万5,000')).toBe(15000);
    });

    it.each<[string, string]>([
      ['2 3', 'several 2|3'],
      ['5000 3000', 'several 5000|3000'],
      ['1,000 2,000', 'several 1,000|2,000'],
      ['1,00', 'ambiguous 100|1'],
      ['10,00', 'ambiguous 1000|10'],
      ['10.000', 'ambiguous 10|10000'],
      ['1.000人', 'ambiguous 1|1000'],
      ['1.000.000', 'ambiguous 1000000'],
      ['1,5万', 'ambiguous 150000|15000'],
    ])('does not choose between the readings of %s (%s)', (typed, expected) => {
      const r = parseNumber(typed);
      expect(
        r.ok
          ? r.value
          : r.reason === 'ambiguous'
            ? `ambiguous ${r.readings.join('|')}`
            : r.reason === 'several'
              ? `several ${r.numbers.join('|')}`
              : r.reason,
      ).toBe(expected);
    });

    it('refuses fractions when integers are wanted', () => {
      expect(num('2.5', true)).toBe('notInteger');
      expect(num(2.5, true)).toBe('notInteger');
    });

    it('tells blank from not a number', () => {
      expect(num('')).toBe('blank');
      expect(num(null)).toBe('blank');
      expect(num('たくさん')).toBe('notNumber');
      expect(num(true)).toBe('notNumber');
      expect(num(Number.POSITIVE_INFINITY)).toBe('notNumber');
    });
  });
});

describe('text/time', () => {
  describe('parseHours', () => {
    it('reads durations', () => {
      expect(hrs(2)).toBe(2);
      expect(hrs('2')).toBe(2);
      expect(hrs('2時間')).toBe(2);
      expect(hrs('1.5h')).toBe(1.5);
      expect(hrs('2時間30分')).toBe(2.5);
      expect(hrs('90分')).toBe(1.5);
      expect(hrs('２：３０')).toBe(2.5);
    });

    it('reads a range of times of day as its length', () => {
      expect(hrs('10:00〜12:00')).toBe(2);
      expect(hrs('10:00～12:30')).toBe(2.5);
      expect(hrs('10時-12時半')).toBe(2.5);
      expect(hrs('9時30分から11時')).toBe(1.5);
      expect(hrs('12:00-10:00')).toBe('unrecognised');
    });

    it('refuses Dates and nonsense', () => {
      expect(hrs(new Date())).toBe('unrecognised');
      expect(hrs('午前中')).toBe('unrecognised');
      expect(hrs('')).toBe('blank');
    });
  });
});

describe('text/cell', () => {
  describe('isBlankCell', () => {
    it('is true for empty, null and space-only cells', () => {
      expect([isBlankCell(''), isBlankCell(null), isBlankCell(undefined), isBlankCell(' \u3000 ')]).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect([isBlankCell(0), isBlankCell(false), isBlankCell('x')]).toEqual([false, false, false]);
    });
  });

  describe('cellText', () => {
    it('normalises text and prefers display text for numbers', () => {
      expect(cellText('　山田　太郎 ')).toBe('山田 太郎');
      expect(cellText(12)).toBe('12');
      expect(cellText(12, '0012')).toBe('0012');
      expect(cellText(true)).toBe('TRUE');
      expect(cellText(new Date(Date.UTC(2024, 2, 31, 15)))).toBe('2024-04-01');
      expect(cellText('')).toBeNull();
      expect(cellText({})).toBeNull();
    });
  });
});
