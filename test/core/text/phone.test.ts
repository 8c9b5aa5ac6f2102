// Tests parsePhone: a corpus of numbers as staff type them, agreement with libphonenumber-js itself, and properties.
import fc from 'fast-check';
import { PhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import { createRequire } from 'node:module';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parsePhone, type PhoneType } from '../../../src/core/text/phone';

const require = createRequire(import.meta.url);
const full = require('libphonenumber-js/metadata.max.json') as { version: number; countries: Record<string, unknown> };
/** The JP-only metadata libphonenumber-js needs, for the oracle below. */
const JP_ONLY = {
  version: full.version,
  country_calling_codes: { '81': ['JP'] },
  countries: { JP: full.countries.JP },
  nonGeographic: {},
} as unknown as MetadataJson;

const show = (v: unknown): string => {
  const r = parsePhone(v);
  return r.ok ? `${r.formatted} ${r.type}` : r.reason;
};

describe('text/phone', () => {
  describe('parsePhone', () => {
    it.each<[unknown, string]>([
      // Fixed lines, with the area code hyphenated where it really ends.
      ['042-461-1234', '042-461-1234 fixed'],
      ['0424611234', '042-461-1234 fixed'],
      ['(042)461-1234', '042-461-1234 fixed'],
      ['042(461)1234', '042-461-1234 fixed'],
      ['（０４２）４６１－１２３４', '042-461-1234 fixed'],
      ['０４２－４６１－１２３４', '042-461-1234 fixed'],
      ['０４２ー４６１ー１２３４', '042-461-1234 fixed'],
      ['042‐461‐1234', '042-461-1234 fixed'],
      ['042−461−1234', '042-461-1234 fixed'],
      ['042–461–1234', '042-461-1234 fixed'],
      ['042 461 1234', '042-461-1234 fixed'],
      ['042　461　1234', '042-461-1234 fixed'],
      ['042.461.1234', '042-461-1234 fixed'],
      [' 042-461-1234 ', '042-461-1234 fixed'],
      ['0424-61-1234', '042-461-1234 fixed'],
      ['03-1234-5678', '03-1234-5678 fixed'],
      ['0312345678', '03-1234-5678 fixed'],
      ['06-6123-4567', '06-6123-4567 fixed'],
      ['0422-51-1234', '0422-51-1234 fixed'],
      ['0422511234', '0422-51-1234 fixed'],
      ['04992-2-1234', '04992-2-1234 fixed'],
      ['011-234-5678', '011-234-5678 fixed'],
      ['0123-45-6789', '0123-45-6789 fixed'],
      ['0466-12-3456', '0466-12-3456 fixed'],
      // Mobile, IP, toll-free, navi dial.
      ['090-1234-5678', '090-1234-5678 mobile'],
      ['090 1234 5678', '090-1234-5678 mobile'],
      ['09012345678', '090-1234-5678 mobile'],
      ['080-1234-5678', '080-1234-5678 mobile'],
      ['070-1234-5678', '070-1234-5678 mobile'],
      ['090ｰ1234ｰ5678', '090-1234-5678 mobile'],
      ['050-1234-5678', '050-1234-5678 ip'],
      ['0120-123-456', '0120-123-456 tollFree'],
      ['0120123456', '0120-123-456 tollFree'],
      ['0800-123-4567', '0800-123-4567 tollFree'],
      ['0570-000-000', '0570-000-000 navi'],
      ['0570-064-556', '0570-064-556 navi'],
      // International and labelled.
      ['+81 42-461-1234', '042-461-1234 fixed'],
      ['+81 90-1234-5678', '090-1234-5678 mobile'],
      ['+81-90-1234-5678', '090-1234-5678 mobile'],
      ['+819012345678', '090-1234-5678 mobile'],
      ['+81 (0)42-461-1234', '042-461-1234 fixed'],
      ['＋８１ ９０ １２３４ ５６７８', '090-1234-5678 mobile'],
      ['TEL 042-461-1234', '042-461-1234 fixed'],
      ['Tel: 03-1234-5678', '03-1234-5678 fixed'],
      ['ＴＥＬ：０３－１２３４－５６７８', '03-1234-5678 fixed'],
      ['℡042-461-1234', '042-461-1234 fixed'],
      ['電話 042-461-1234', '042-461-1234 fixed'],
      // Number cells: Sheets drops the leading 0.
      [424611234, '042-461-1234 fixed'],
      [312345678, '03-1234-5678 fixed'],
      [9012345678, '090-1234-5678 mobile'],
      [120123456, '0120-123-456 tollFree'],
      ['424611234', '042-461-1234 fixed'],
      // Other valid kinds.
      ['0990-123-456', '0990-123-456 other'],
      ['020-1234-5678', '020-1234-5678 other'],
    ])('reads %j as %s', (input, expected) => {
      expect(show(input)).toBe(expected);
    });

    it('gives the digits with their leading 0', () => {
      expect(parsePhone(424611234)).toEqual({
        ok: true,
        digits: '0424611234',
        formatted: '042-461-1234',
        type: 'fixed',
      });
      expect(parsePhone('+81 90-1234-5678')).toEqual({
        ok: true,
        digits: '09012345678',
        formatted: '090-1234-5678',
        type: 'mobile',
      });
    });

    it.each<[unknown, string]>([
      ['042-461-123', 'digitCount'],
      ['03-1234-567', 'digitCount'],
      ['090-1234-567', 'digitCount'],
      ['090-1234-56789', 'digitCount'],
      ['0120-123-4567', 'digitCount'],
      ['461-1234', 'digitCount'],
      ['4611234', 'digitCount'],
      [4611234, 'digitCount'],
      ['110', 'digitCount'],
      ['042-461-1234 090-1234-5678', 'digitCount'],
      ['0910-123-456', 'invalid'],
      ['0180-99-1234', 'invalid'],
      ['+1 212-555-1234', 'invalid'],
      ['+44 20 7946 0958', 'invalid'],
      ['090-1234-5678（携帯）', 'notPhone'],
      ['042-461-1234(自宅)', 'notPhone'],
      ['042-461-1234/090-1234-5678', 'notPhone'],
      ['FAX 042-461-1234', 'notPhone'],
      ['内線123', 'notPhone'],
      ['なし', 'notPhone'],
      ['-', 'notPhone'],
      ['ー', 'notPhone'],
      ['+', 'notPhone'],
      [true, 'notPhone'],
      [new Date(0), 'notPhone'],
      [42.5, 'notPhone'],
      [-424611234, 'notPhone'],
      [0, 'notPhone'],
      ['', 'blank'],
      ['　 ', 'blank'],
      ['\u200B', 'blank'],
      [null, 'blank'],
      [undefined, 'blank'],
    ])('refuses %j: %s', (input, reason) => {
      expect(show(input)).toBe(reason);
    });

    it('formats every number as libphonenumber-js does, with the same validity and type', () => {
      const TYPE: Record<string, PhoneType> = {
        FIXED_LINE: 'fixed',
        MOBILE: 'mobile',
        VOIP: 'ip',
        TOLL_FREE: 'tollFree',
        UAN: 'navi',
      };
      // National numbers (no leading 0) drawn from every prefix, so each format and type is reached.
      const national = fc
        .tuple(
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 8, max: 10 }),
          fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }),
        )
        .map(([first, length, rest]) => (String(first) + rest.join('')).slice(0, length));
      const prefixed = fc.constantFrom(
        '42',
        '422',
        '4992',
        '3',
        '6',
        '11',
        '123',
        '466',
        '90',
        '80',
        '70',
        '50',
        '120',
        '800',
        '570',
        '990',
        '20',
        '60',
        '180',
        '1267',
        '8477',
      );
      const numbers = fc.oneof(
        national,
        fc
          .tuple(prefixed, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 8 }))
          .map(([p, r]) =>
            (p + r.join('')).slice(0, p.startsWith('120') || p.startsWith('570') ? 9 : p.match(/^[25-9]0/) ? 10 : 9),
          ),
      );
      fc.assert(
        fc.property(numbers, (nat) => {
          const lib = new PhoneNumber(`+81${nat}`, JP_ONLY);
          const ours = parsePhone('0' + nat);
          if (!lib.isValid()) return !ours.ok;
          if (!ours.ok) return false;
          const libType = lib.getType() as string;
          return ours.formatted === lib.formatNational() && ours.type === (TYPE[libType] ?? 'other');
        }),
        { numRuns: 20000 },
      );
    });

    it('agrees with libphonenumber-js on one number of every format in the plan', () => {
      // 0120 (3-3-3), 04992 (4-1-4), 060 (2-3-4), 03 (1-4-4), 042 (2-3-4), 0422 (3-2-4), 0800 (3-3-4), 090 (2-4-4).
      for (const digits of [
        '0120123456',
        '0499221234',
        '0601234567',
        '0312345678',
        '0424611234',
        '0422511234',
        '08001234567',
        '09012345678',
        '0466123456',
        '0570000000',
      ]) {
        const lib = new PhoneNumber(`+81${digits.slice(1)}`, JP_ONLY);
        const ours = parsePhone(digits);
        expect(ours.ok && ours.formatted).toBe(lib.formatNational());
      }
    });

    it('is idempotent: parsing the formatted number gives it back', () => {
      const digit = fc.integer({ min: 0, max: 9 });
      const phoneish = fc
        .tuple(
          fc.constantFrom('0', '0', '+81', ''),
          fc.array(fc.oneof(digit.map(String), fc.constantFrom('-', ' ', '－', '(', ')', 'ー', '０', '９')), {
            maxLength: 16,
          }),
        )
        .map(([p, r]) => p + r.join(''));
      fc.assert(
        fc.property(fc.oneof(phoneish, fc.integer({ min: 1, max: 99_999_999_999 })), (v) => {
          const r = parsePhone(v);
          if (!r.ok) return true;
          const again = parsePhone(r.formatted);
          return again.ok && again.formatted === r.formatted && again.digits === r.digits && again.type === r.type;
        }),
        { numRuns: 20000 },
      );
    });

    it('never throws on arbitrary input', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.anything(), fc.double()),
          (v) => {
            const r = parsePhone(v);
            return r.ok ? /^0\d{9,}$/.test(r.digits) : typeof r.reason === 'string';
          },
        ),
        { numRuns: 5000 },
      );
    });
  });
});
