// Tests parseAmount: yen amounts as staff and receipts write them.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parseAmount } from '../../../src/core/text/amount';

const yen = (v: unknown): string => {
  const r = parseAmount(v);
  return r.ok ? `${r.yen}${r.wasText ? ' text' : ''}` : r.reason;
};

describe('text/amount', () => {
  describe('parseAmount', () => {
    it.each<[unknown, string]>([
      [10000, '10000'],
      ['10000', '10000 text'],
      ['10,000', '10000 text'],
      ['１０，０００円', '10000 text'],
      ['１００００', '10000 text'],
      ['¥10,000', '10000 text'],
      ['￥10,000', '10000 text'],
      ['\\10,000', '10000 text'],
      ['10,000円', '10000 text'],
      ['10000 円', '10000 text'],
      [' 10,000 ', '10000 text'],
      ['1万円', '10000 text'],
      ['１万５０００円', '15000 text'],
      ['1.5万', '15000 text'],
      ['金10,000円也', '10000 text'],
      ['金壱万円也', 'notNumber'],
      ['¥10,000-', '10000 text'],
      ['10,000円（税込）', '10000 text'],
      ['1,000,000', '1000000 text'],
      ['1', '1 text'],
    ])('reads %j as %s', (input, expected) => {
      expect(yen(input)).toBe(expected);
    });

    it.each<[unknown, string]>([
      [0, 'notPositive'],
      ['0', 'notPositive'],
      ['０円', 'notPositive'],
      [-500, 'notPositive'],
      ['-500', 'notPositive'],
      ['▲500', 'notPositive'],
      ['△1,000円', 'notPositive'],
      [10000.5, 'notInteger'],
      ['10,000.5', 'notInteger'],
      ['1.23456万', 'notInteger'],
      ['12人', 'notNumber'],
      ['3口', 'notNumber'],
      ['10%', 'notNumber'],
      ['10,000円(送料別)', 'notNumber'],
      ['一万円', 'notNumber'],
      ['未定', 'notNumber'],
      ['円', 'notNumber'],
      ['¥', 'notNumber'],
      [Number.NaN, 'notNumber'],
      [Number.POSITIVE_INFINITY, 'notNumber'],
      [1e20, 'notNumber'],
      [true, 'notNumber'],
      [new Date(0), 'notNumber'],
      ['', 'blank'],
      ['　', 'blank'],
      [null, 'blank'],
      [undefined, 'blank'],
    ])('refuses %j: %s', (input, reason) => {
      expect(yen(input)).toBe(reason);
    });

    it.each<[unknown, string]>([
      ['5000 3000', 'several 5000|3000'],
      ['2 3', 'several 2|3'],
      ['1,000 2,000', 'several 1,000|2,000'],
      ['¥1,000 ¥2,000', 'several 1,000|2,000'],
      ['1,00', 'ambiguous 100|1'],
      ['1,0000', 'ambiguous 10000|1'],
      ['0,500', 'ambiguous 500|0.5'],
      ['10.000', 'ambiguous 10|10000'],
      ['1.000円', 'ambiguous 1|1000'],
      ['1.000.000', 'ambiguous 1000000'],
      ['1.000,50', 'ambiguous 100050|1000.5'],
      ['1.000万', 'ambiguous 10000|10000000'],
      ['1万 5000円', 'several 1万|5000'],
    ])('does not pick one reading of %j (%s)', (input, expected) => {
      const r = parseAmount(input);
      const shown = r.ok
        ? `${r.yen}`
        : r.reason === 'ambiguous'
          ? `ambiguous ${r.readings.join('|')}`
          : r.reason === 'several'
            ? `several ${r.numbers.join('|')}`
            : r.reason;
      expect(shown).toBe(expected);
    });

    it.each<[unknown, string]>([
      ['10.5', 'notInteger'],
      ['1,000.5', 'notInteger'],
      ['0.500', 'notInteger'],
      ['10000 円', '10000 text'],
      ['¥ 10,000', '10000 text'],
    ])('still reads %j with its one reading (%s)', (input, expected) => {
      const r = parseAmount(input);
      expect(r.ok ? `${r.yen}${r.wasText ? ' text' : ''}` : r.reason).toBe(expected);
    });

    it('reads any positive whole number back from the ways it is written', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (n) => {
          const commas = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          const wide = (s: string): string =>
            s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          return [n, String(n), commas, `¥${commas}`, `${commas}円`, wide(`${commas}円`), `金${commas}円也`].every(
            (v) => {
              const r = parseAmount(v);
              return r.ok && r.yen === n && r.wasText === (typeof v === 'string');
            },
          );
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws on arbitrary input', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.anything(), fc.double()),
          (v) => {
            const r = parseAmount(v);
            return r.ok ? Number.isSafeInteger(r.yen) && r.yen > 0 : typeof r.reason === 'string';
          },
        ),
        { numRuns: 3000 },
      );
    });
  });
});
