import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { normalizeText } from '../../../src/core/text/normalize';
import { ISSUE_CODES } from '../../../src/core/validate';
import { normalized } from '../../../src/core/validate/view';
import { kanaKey, keyHash, nameKey } from '../../../src/core/validate/keys';
import { toKatakana } from '../../../src/core/text';
import type { ValidationResult } from '../../../src/core/validate/types';
import { defaultSettingsHeader, defaultSettingsRows, parseSettings } from '../../../src/core/sheets/settings';
import { applyFixes, SETTINGS, validate } from './helpers';
import { workbookArb } from './arbitraries';
function assertWellFormed(result: ValidationResult): void {
  expect(result.issues.some((i) => i.code === 'sheet.internal')).toBe(false);
  const fixedCells = new Set<string>();
  for (const i of result.issues) {
    expect(Object.prototype.hasOwnProperty.call(ISSUE_CODES, i.code), i.code).toBe(true);
    expect(i.severity).toBe(ISSUE_CODES[i.code as keyof typeof ISSUE_CODES].severity);
    expect(i.row).toBeGreaterThanOrEqual(1);
    expect(typeof i.message.ja).toBe('string');
    expect(typeof i.message.en).toBe('string');
    expect(typeof i.value).toBe('string');
    if (i.fix) {
      const key = `${i.sheet}|${i.row}|${i.columnIndex}`;
      expect(fixedCells.has(key)).toBe(false);
      fixedCells.add(key);
      expect(i.fix.to).not.toBe('');
    }
  }
  expect(result.counts.errors + result.counts.warnings).toBe(result.issues.length);
}

/** The default 設定 with two 言い換え rows the generator's 「…です」 variants hit (list.synonym, in one and in several values). */
const WITH_SYNONYMS = parseSettings([
  defaultSettingsHeader(),
  ...defaultSettingsRows(),
  ['言い換え:活動中', '活動中です'],
  ['言い換え:運転', '運転です'],
  ['言い換え:一般寄付', '一般寄付です'],
]).settings;

const fixStats = new Map<string, number>();
const FIXABLE_CODES = Object.keys(ISSUE_CODES).filter((c) => ISSUE_CODES[c as keyof typeof ISSUE_CODES].fixable);

describe('validate (properties)', () => {
  it('never throws and reports no internal failure on arbitrary Unicode rows of any kind', () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        assertWellFormed(validate(sheets));
      }),
      { numRuns: 400 },
    );
  });

  it('fix then validate leaves no fixable issue (fixes are idempotent and accepted by their own rule)', () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        const first = validate(sheets, { settings: WITH_SYNONYMS });
        for (const i of first.issues) if (i.fix) fixStats.set(i.code, (fixStats.get(i.code) ?? 0) + 1);
        const fixed = applyFixes(sheets, first.issues);
        const again = validate(fixed, { settings: WITH_SYNONYMS });
        expect(again.issues.filter((i) => i.fix !== undefined)).toEqual([]);
        // Fixing never creates a new problem in a cell that was fixed.
        const fixedCells = new Set(
          first.issues.filter((i) => i.fix).map((i) => `${i.sheet}|${i.row}|${i.columnIndex}`),
        );
        const worse = again.issues.filter(
          (i) => fixedCells.has(`${i.sheet}|${i.row}|${i.columnIndex}`) && i.severity === 'error',
        );
        const before = first.issues.filter(
          (i) => fixedCells.has(`${i.sheet}|${i.row}|${i.columnIndex}`) && i.severity === 'error',
        );
        expect(worse.length).toBeLessThanOrEqual(before.length);
      }),
      { numRuns: 400 },
    );
    // The property is only worth something if the generator makes every kind of fix.
    for (const code of FIXABLE_CODES) expect(fixStats.get(code) ?? 0, code).toBeGreaterThan(0);
  });

  it('is deterministic: the same workbook gives the same result', () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        expect(validate(sheets)).toEqual(validate(sheets));
      }),
      { numRuns: 100 },
    );
  });

  it('orders issues by sheet, row, column and code', () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        const { issues } = validate(sheets);
        const order = new Map(sheets.map((s, i) => [s.name, i]));
        for (let k = 1; k < issues.length; k++) {
          const a = issues[k - 1]!;
          const b = issues[k]!;
          const cmp =
            order.get(a.sheet)! - order.get(b.sheet)! ||
            a.row - b.row ||
            a.columnIndex - b.columnIndex ||
            (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
          expect(cmp).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads the settings it is given without depending on them being well-formed', () => {
    fc.assert(
      fc.property(workbookArb, fc.integer({ min: -3, max: 15 }), (sheets, startMonth) => {
        assertWellFormed(validate(sheets, { settings: { ...SETTINGS, fiscalYearStartMonth: startMonth } }));
      }),
      { numRuns: 100 },
    );
  });

  it('normalized() is normalizeText for any text (its fast path changes nothing)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'あア亜 ー０9-、・ｱ　〒々'.split('')) }),
        ),
        (s) => {
          expect(normalized(s)).toBe(normalizeText(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keyHash agrees with the keys it stands for (equal keys, equal hashes)', () => {
    const alphabet = fc.constantFrom(...('やまだヤマダﾔﾏﾀﾞ 　・･=髙高﨑崎𠮷吉神\u200B\tＡa1'.match(/./gu) as string[]));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ unit: alphabet, maxLength: 10 })),
        (s) => {
          expect(keyHash(toKatakana(s), false)).toBe(keyHash(kanaKey(s), false));
          const n = normalizeText(s);
          expect(keyHash(n, true)).toBe(keyHash(nameKey(n), true));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
