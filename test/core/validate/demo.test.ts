import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { parseDate } from '../../../src/core/text/date';
import { PlainDate } from '../../../src/core/text/plainDate';
import type { SheetInput, ValidationResult } from '../../../src/core/validate/types';
import { DEFAULT_TODAY, generateDemoBook, type DemoBook, type MistakeKind } from '../../../src/local/demo';
import { applyFixes, SETTINGS, shownOf, validate } from './helpers';

/** The codes that count as finding each kind of planted mistake. */
const FAMILY: Readonly<Record<MistakeKind, readonly string[]>> = {
  fullwidthDigits: ['phone.format', 'postal.format', 'amount.text', 'integer.text'],
  wareki: ['date.text'],
  hiraganaFurigana: ['kana.hiragana'],
  halfwidthKatakana: ['kana.halfwidth'],
  missingRequired: ['required.blank', 'required.recommended', 'donations.designationMissing'],
  probableDuplicate: ['volunteers.duplicatePerson'],
  phoneFormat: ['phone.format', 'phone.digitCount'],
  postalFormat: ['postal.format'],
  amountText: ['amount.text'],
  amountMismatch: ['memberships.amountMismatch'],
  duplicateReceiptNumber: ['donations.receiptDuplicate'],
  fiscalYearMismatch: ['donations.receiptYearMismatch'],
};

/** What the demo leaves in clean rows on purpose: people who did not consent, insurance not renewed. */
const TRUE_ON_CLEAN_ROWS = new Set(['volunteers.noConsent', 'volunteers.insuranceLapsed']);

function inputs(book: DemoBook): SheetInput[] {
  return book.sheets.map((s) => {
    const values = [s.header, ...s.rows];
    const det = detectHeader(values);
    if (!det) throw new Error(`no header on ${s.name}`);
    return {
      name: s.name,
      kind: det.kind,
      mapping: mappingFromDetection(det),
      values,
      display: values.map((r) => r.map(shownOf)),
    };
  });
}

describe('validate on the demo workbook', () => {
  const today = PlainDate.of(DEFAULT_TODAY.year, DEFAULT_TODAY.month, DEFAULT_TODAY.day) as PlainDate;
  let book: DemoBook;
  let sheets: SheetInput[];
  let result: ValidationResult;

  beforeAll(() => {
    book = generateDemoBook({ areas: SETTINGS.areas });
    sheets = inputs(book);
    result = validate(sheets, { today });
  });

  it('finds every planted mistake, at its cell, with a code of the right family', () => {
    const missed = book.mistakes.filter(
      (m) =>
        !result.issues.some(
          (i) => i.sheet === m.sheet && i.row === m.row && i.column === m.column && FAMILY[m.kind].includes(i.code),
        ),
    );
    expect(missed).toEqual([]);
    expect(book.mistakes.length).toBeGreaterThan(100);
  });

  it('names the earlier row of a planted duplicate', () => {
    for (const m of book.mistakes.filter((x) => x.relatedRow !== undefined)) {
      const issue = result.issues.find(
        (i) => i.sheet === m.sheet && i.row === m.row && FAMILY[m.kind].includes(i.code),
      );
      expect(issue?.message.ja).toContain(`${m.relatedRow}行目`);
    }
  });

  it('proposes, where it proposes a fix, exactly the clean value the demo replaced', () => {
    let fixes = 0;
    for (const m of book.mistakes) {
      const issue = result.issues.find((i) => i.sheet === m.sheet && i.row === m.row && i.column === m.column && i.fix);
      if (!issue?.fix) continue;
      fixes++;
      const d = parseDate(m.expected);
      const expected = m.expected instanceof Date && d.ok ? d.date.toISO() : m.expected;
      expect({ at: `${m.sheet}!${m.row} ${m.column}`, to: issue.fix.to }).toEqual({
        at: `${m.sheet}!${m.row} ${m.column}`,
        to: expected,
      });
    }
    expect(fixes).toBeGreaterThan(60);
  });

  it('reports on clean rows only what is true of them (no consent, lapsed insurance): no false positives', () => {
    const planted = new Set(book.mistakes.map((m) => `${m.sheet}|${m.row}`));
    const onClean = result.issues.filter((i) => !planted.has(`${i.sheet}|${i.row}`));
    expect(onClean.filter((i) => !TRUE_ON_CLEAN_ROWS.has(i.code))).toEqual([]);
    for (const i of onClean) {
      if (i.code === 'volunteers.noConsent') expect(['いいえ', '']).toContain(i.value);
      else expect(i.value === '' || Number(i.value) < 2026).toBe(true);
    }
    const rows = book.sheets.reduce((n, s) => n + s.rows.length, 0);
    // The figure the issue asks for: issues on clean rows per 1,000 rows, all of them true findings.
    expect(onClean.length / rows).toBeLessThan(0.01);
  });

  it('leaves nothing to fix after its fixes are applied', () => {
    const again = validate(applyFixes(sheets, result.issues), { today });
    expect(again.issues.filter((i) => i.fix)).toEqual([]);
    expect(again.counts.fixable).toBe(0);
    expect(again.issues.length).toBeLessThan(result.issues.length);
  });
});
