import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { guardCell, guardFormula, needsFormulaGuard } from '../../../src/core/text/formula';

const DANGEROUS = ['=', '+', '-', '@'];

describe('text/formula', () => {
  describe('needsFormulaGuard', () => {
    it.each(['=SUM(A1)', '+81 90', '-1', '@user', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠me'])(
      'is true for %j',
      (s) => {
        expect(needsFormulaGuard(s)).toBe(true);
      },
    );

    it.each(['', '山田', '090-1234', ' =1', "'=1", '1+1', 'a=b'])('is false for %j', (s) => {
      expect(needsFormulaGuard(s)).toBe(false);
    });

    it('sees a leading = that NFKC would compose away', () => {
      expect(needsFormulaGuard('=\u0338A1')).toBe(true);
    });
  });

  describe('guardFormula', () => {
    it('prefixes an apostrophe to a dangerous text', () => {
      expect(guardFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
      expect(guardFormula('＝1')).toBe("'＝1");
    });

    it('leaves everything else unchanged', () => {
      expect(guardFormula('山田 太郎')).toBe('山田 太郎');
    });

    it('never returns text that starts with a dangerous character unless prefixed', () => {
      const risky = fc.string({
        unit: fc.constantFrom(
          '=',
          '+',
          '-',
          '@',
          '＝',
          '＋',
          '－',
          '＠',
          '\t',
          '\r',
          'a',
          '1',
          ' ',
          '\u0338',
          '﹦',
          '﹢',
          '﹣',
        ),
      });
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), risky), (s) => {
          const out = guardFormula(s);
          if (out !== s) return out === "'" + s;
          const first = [out.charAt(0), out.normalize('NFKC').charAt(0)];
          return !first.some((c) => DANGEROUS.indexOf(c) >= 0 || c === '\t' || c === '\r');
        }),
        { numRuns: 5000 },
      );
    });
  });

  describe('guardFormula on any Unicode', () => {
    it('never lets a text through that Sheets would read as a formula', () => {
      const startsDangerous = (t: string): boolean => {
        const c = t.charAt(0);
        const n = t.normalize('NFKC').charAt(0);
        return c === '\t' || c === '\r' || DANGEROUS.indexOf(c) >= 0 || DANGEROUS.indexOf(n) >= 0;
      };
      const leading = fc.constantFrom(
        '',
        '=',
        '＝',
        '﹦',
        '⁼',
        '₌',
        '+',
        '＋',
        '﹢',
        '⁺',
        '-',
        '－',
        '﹣',
        '−',
        '@',
        '＠',
        '﹫',
        '\t',
        '\r',
        ' ',
      );
      fc.assert(
        fc.property(leading, fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (lead, rest) => {
          const s = lead + rest;
          const out = guardFormula(s);
          return out === "'" + s || (out === s && !startsDangerous(out));
        }),
        { numRuns: 10000 },
      );
    });
  });

  describe('guardCell', () => {
    it('guards strings only', () => {
      expect(guardCell('=1')).toBe("'=1");
      expect(guardCell(-1)).toBe(-1);
    });
  });
});
