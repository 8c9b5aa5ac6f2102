// Tests parsePostal and parseEmail on the variants staff type, and their properties.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parseEmail } from '../../../src/core/text/email';
import { parsePostal } from '../../../src/core/text/postal';

const postal = (v: unknown): string => {
  const r = parsePostal(v);
  return r.ok ? r.formatted : r.reason;
};
const email = (v: unknown): string => {
  const r = parseEmail(v);
  return r.ok ? r.normalized : r.reason;
};

describe('text/postal', () => {
  describe('parsePostal', () => {
    it.each<[unknown, string]>([
      ['188-0012', '188-0012'],
      ['1880012', '188-0012'],
      ['〒188-0012', '188-0012'],
      ['〒 188-0012', '188-0012'],
      ['〒1880012', '188-0012'],
      ['〶188-0012', '188-0012'],
      ['１８８－００１２', '188-0012'],
      ['〒１８８ー００１２', '188-0012'],
      ['188 0012', '188-0012'],
      ['188　0012', '188-0012'],
      ['188‐0012', '188-0012'],
      ['188−0012', '188-0012'],
      [' 188-0012 ', '188-0012'],
      [1880012, '188-0012'],
      ['060-0001', '060-0001'],
      [600001, '060-0001'],
    ])('reads %j as %s', (input, expected) => {
      expect(postal(input)).toBe(expected);
    });

    it.each<[unknown, string]>([
      ['188-001', 'digitCount'],
      ['188-00123', 'digitCount'],
      ['188', 'digitCount'],
      [18800, 'digitCount'],
      ['600001', 'digitCount'],
      ['〒188-0012 東京都西東京市', 'notPostal'],
      ['188-0012〒', 'notPostal'],
      ['〒', 'notPostal'],
      ['-', 'notPostal'],
      ['なし', 'notPostal'],
      ['ABC-DEFG', 'notPostal'],
      [1880012.5, 'notPostal'],
      [-1880012, 'notPostal'],
      [true, 'notPostal'],
      ['', 'blank'],
      ['　', 'blank'],
      [null, 'blank'],
      [undefined, 'blank'],
    ])('refuses %j: %s', (input, reason) => {
      expect(postal(input)).toBe(reason);
    });

    it('gives back its own formatted code', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 9_999_999 }),
          fc.constantFrom('', '〒', '〒 '),
          fc.constantFrom('-', '', ' ', '－', 'ー'),
          (n, mark, sep) => {
            const d = String(n).padStart(7, '0');
            const r = parsePostal(mark + d.slice(0, 3) + sep + d.slice(3));
            if (!r.ok) return false;
            const again = parsePostal(r.formatted);
            return again.ok && again.formatted === r.formatted && r.formatted === `${d.slice(0, 3)}-${d.slice(3)}`;
          },
        ),
      );
    });

    it('never throws on arbitrary input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.anything()), (v) => {
          const r = parsePostal(v);
          return r.ok ? /^\d{3}-\d{4}$/.test(r.formatted) : typeof r.reason === 'string';
        }),
        { numRuns: 3000 },
      );
    });
  });
});

describe('text/email', () => {
  describe('parseEmail', () => {
    it.each<[unknown, string]>([
      ['yamada@example.jp', 'yamada@example.jp'],
      [' yamada@example.jp ', 'yamada@example.jp'],
      ['ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ', 'yamada@example.jp'],
      ['yamada＠example.jp', 'yamada@example.jp'],
      ['Taro.Yamada@Example.CO.JP', 'Taro.Yamada@example.co.jp'],
      ['taro_yamada+volunteer@mail.example.org', 'taro_yamada+volunteer@mail.example.org'],
      ['taro-yamada@nishitokyo-shakyo.or.jp', 'taro-yamada@nishitokyo-shakyo.or.jp'],
      ['taro..yamada.@docomo.ne.jp', 'taro..yamada.@docomo.ne.jp'],
      ['mailto:yamada@example.jp', 'yamada@example.jp'],
      ['yamada@example。jp', 'yamada@example.jp'],
      ['0123@ezweb.ne.jp', '0123@ezweb.ne.jp'],
      ['a@xn--wgv71a119e.jp', 'a@xn--wgv71a119e.jp'],
    ])('reads %j as %s', (input, expected) => {
      expect(email(input)).toBe(expected);
    });

    it.each<[unknown, string]>([
      ['yamada', 'invalid'],
      ['yamada@', 'invalid'],
      ['@example.jp', 'invalid'],
      ['yamada@example', 'invalid'],
      ['yamada@@example.jp', 'invalid'],
      ['yamada@mail@example.jp', 'invalid'],
      ['yama da@example.jp', 'invalid'],
      ['yamada@example .jp', 'invalid'],
      ['yamada@example,jp', 'invalid'],
      ['yamada@example..jp', 'invalid'],
      ['yamada@-example.jp', 'invalid'],
      ['.yamada@example.jp', 'invalid'],
      ['山田 <yamada@example.jp>', 'invalid'],
      ['やまだ@example.jp', 'invalid'],
      ['yamada@例え.jp', 'invalid'],
      ['yamada@example.jp、tanaka@example.jp', 'invalid'],
      ['yamada@example.j', 'invalid'],
      [`${'a'.repeat(65)}@example.jp`, 'invalid'],
      [42, 'invalid'],
      ['', 'blank'],
      ['　', 'blank'],
      [null, 'blank'],
    ])('refuses %j: %s', (input, reason) => {
      expect(email(input)).toBe(reason);
    });

    it('is idempotent and never throws', () => {
      const emailish = fc.string({ unit: fc.constantFrom(...'ab.@-_+ ＠．。ＡＢxn1'.split('')) });
      fc.assert(
        fc.property(
          fc.oneof(
            emailish,
            fc.string({ unit: 'binary' }),
            fc.string({ unit: 'grapheme' }),
            fc.emailAddress(),
            fc.anything(),
          ),
          (v) => {
            const r = parseEmail(v);
            if (!r.ok) return typeof r.reason === 'string';
            const again = parseEmail(r.normalized);
            return again.ok && again.normalized === r.normalized;
          },
        ),
        { numRuns: 5000 },
      );
    });

    it('accepts the addresses fast-check generates (RFC 5322 dot-atoms)', () => {
      fc.assert(
        fc.property(fc.emailAddress(), (a) => {
          const local = a.slice(0, a.lastIndexOf('@'));
          const domain = a.slice(a.lastIndexOf('@') + 1);
          // Out of scope: quoted locals and hosts without a letter TLD.
          fc.pre(
            !local.startsWith('"') &&
              /\.[a-z]{2,}$|\.xn--[a-z0-9-]+$/.test(domain) &&
              a.length <= 254 &&
              local.length <= 64,
          );
          return parseEmail(a).ok;
        }),
        { numRuns: 2000 },
      );
    });
  });
});
