// Tests the answer key: every planted mistake is where the manifest says, and every cell it does not list is clean.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { type CellValue, type DemoBook, type PlantedMistake, generateDemoBook } from '../../../src/local/demo';
import {
  AREAS,
  KATAKANA_RE,
  cleanRules,
  isCleanPhone,
  parseWareki,
  rowAt,
  rowsOf,
  ruleContext,
  sheetOf,
  tokyoIso,
} from './helpers';

const CELL_KINDS = new Set([
  'fullwidthDigits',
  'wareki',
  'hiraganaFurigana',
  'halfwidthKatakana',
  'missingRequired',
  'phoneFormat',
  'postalFormat',
  'amountText',
  'amountMismatch',
  'fiscalYearMismatch',
]);

const digitsOf = (v: CellValue): string => String(v).normalize('NFKC').replace(/\D/g, '');

/** What the cell of each kind of mistake must look like, given the clean value it replaced. */
function looksLike(m: PlantedMistake, cell: CellValue): boolean {
  switch (m.kind) {
    case 'fullwidthDigits':
      return typeof cell === 'string' && /[０-９]/.test(cell) && digitsOf(cell) === digitsOf(m.expected);
    case 'wareki':
      return typeof cell === 'string' && m.expected instanceof Date && parseWareki(cell) === tokyoIso(m.expected);
    case 'hiraganaFurigana':
      return (
        typeof cell === 'string' &&
        /[ぁ-ゖ]/.test(cell) &&
        !/[ァ-ヶ]/.test(cell) &&
        cell.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)) === m.expected
      );
    case 'halfwidthKatakana':
      return typeof cell === 'string' && /[ｦ-ﾟ]/.test(cell) && cell.normalize('NFKC') === m.expected;
    case 'missingRequired':
      return cell === '' && m.expected !== '';
    case 'phoneFormat':
      return (
        typeof cell === 'string' &&
        !isCleanPhone(cell) &&
        !/[０-９]/.test(cell) &&
        digitsOf(m.expected).startsWith(digitsOf(cell)) &&
        digitsOf(cell).length >= 9
      );
    case 'postalFormat':
      return (
        typeof cell === 'string' &&
        !/^\d{3}-\d{4}$/.test(cell) &&
        !/[０-９]/.test(cell) &&
        digitsOf(cell) === digitsOf(m.expected)
      );
    case 'amountText':
      return (
        typeof cell === 'string' &&
        /^[¥￥]?[\d,]+円?$/.test(cell) &&
        /[¥￥円]/.test(cell) &&
        Number(digitsOf(cell)) === m.expected
      );
    case 'amountMismatch':
      return typeof cell === 'number' && cell !== m.expected;
    case 'fiscalYearMismatch':
      return cell instanceof Date && m.expected instanceof Date && tokyoIso(cell) < tokyoIso(m.expected);
    default:
      return true;
  }
}

/** Every cell either is clean or is a listed mistake of the kind it claims; returns what is wrong. */
function problemsOf(book: DemoBook): string[] {
  const ctx = ruleContext(book, AREAS, '2026-11-26');
  const problems: string[] = [];
  for (const sheet of book.sheets) {
    const rules = cleanRules(sheet.kind, ctx);
    const flagged = new Map<string, PlantedMistake>();
    for (const m of book.mistakes.filter((x) => x.sheet === sheet.name)) flagged.set(`${m.row}|${m.column}`, m);
    for (const h of sheet.header) if (!rules[h]) problems.push(`${sheet.name}: no rule for ${h}`);

    rowsOf(sheet).forEach((row, i) => {
      for (const h of sheet.header) {
        const rule = rules[h];
        if (!rule) continue;
        const cell = row[h] as CellValue;
        const m = flagged.get(`${i + 2}|${h}`);
        const where = `${sheet.name} row ${i + 2} ${h} = ${JSON.stringify(cell)}`;
        if (!m || !CELL_KINDS.has(m.kind)) {
          if (!rule(cell, row)) problems.push(`${where} is not clean`);
          continue;
        }
        if (rule(cell, row)) problems.push(`${where} should be spoiled (${m.kind})`);
        if (!looksLike(m, cell)) problems.push(`${where} does not look like ${m.kind}`);
        if (!rule(m.expected, { ...row, [h]: m.expected }))
          problems.push(`${where}: expected ${JSON.stringify(m.expected)} is not clean`);
      }
    });
  }
  return problems;
}

describe('planted mistakes', () => {
  const book = generateDemoBook({ areas: AREAS });

  it('lists every mistake in a real cell, by sheet order then row, at most one per row', () => {
    const order = book.sheets.map((s) => s.name);
    const keys = book.mistakes.map((m) => [order.indexOf(m.sheet), m.row] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    for (const m of book.mistakes) {
      const sheet = book.sheets.find((s) => s.name === m.sheet)!;
      expect(m.row).toBeGreaterThanOrEqual(2);
      expect(m.row).toBeLessThanOrEqual(sheet.rows.length + 1);
      expect(sheet.header).toContain(m.column);
      expect(m.note).not.toBe('');
    }
    expect(new Set(book.mistakes.map((m) => `${m.sheet}|${m.row}`)).size).toBe(book.mistakes.length);
  });

  it('spoils exactly the listed cells and leaves every other cell clean (default book)', () => {
    expect(problemsOf(book)).toEqual([]);
  });

  it('holds for other seeds and sizes too', () => {
    for (const seed of [2, 3, 77]) {
      expect(
        problemsOf(generateDemoBook({ areas: AREAS, seed, volunteers: 400, requests: 150 })),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });

  it('spoils about 3–5% of roster rows and fewer of the other sheets', () => {
    for (const volunteers of [300, 2000]) {
      const b = volunteers === 300 ? book : generateDemoBook({ areas: AREAS, seed: 5, volunteers });
      const share = (name: string): number =>
        new Set(b.mistakes.filter((m) => m.sheet === name).map((m) => m.row)).size /
        b.sheets.find((s) => s.name === name)!.rows.length;
      expect(share('ボランティア名簿')).toBeGreaterThanOrEqual(0.025);
      expect(share('ボランティア名簿')).toBeLessThanOrEqual(0.055);
      for (const name of ['依頼', '寄付台帳', '会費台帳', '活動記録', '相談記録'])
        expect(share(name)).toBeLessThan(0.035);
    }
  });

  it('plants every kind of roster mistake in a large roster', () => {
    const big = generateDemoBook({ areas: AREAS, volunteers: 3000 });
    const kinds = new Set(big.mistakes.filter((m) => m.sheet === 'ボランティア名簿').map((m) => m.kind));
    expect([...kinds].sort()).toEqual(
      [
        'fullwidthDigits',
        'halfwidthKatakana',
        'hiraganaFurigana',
        'missingRequired',
        'phoneFormat',
        'postalFormat',
        'probableDuplicate',
        'wareki',
      ].sort(),
    );
  });

  describe('probable duplicates', () => {
    it('repeat an earlier person by reading and birth date, or by name and phone, under a new 登録番号', () => {
      const sheet = sheetOf(book, 'volunteers');
      const dups = book.mistakes.filter((m) => m.kind === 'probableDuplicate');
      expect(dups.length).toBeGreaterThan(0);
      for (const m of dups) {
        const later = rowAt(sheet, m.row);
        const earlier = rowAt(sheet, m.relatedRow!);
        expect(m.relatedRow!).toBeLessThan(m.row);
        expect(m.note).toContain(String(earlier['登録番号']));
        expect(later['登録番号']).not.toBe(earlier['登録番号']);
        expect(later['フリガナ']).toBe(earlier['フリガナ']);
        const sameBirth = (later['生年月日'] as Date).getTime() === (earlier['生年月日'] as Date).getTime();
        const samePhone = later['電話番号'] === earlier['電話番号'];
        expect(m.column === 'フリガナ' ? sameBirth : samePhone && later['氏名'] === earlier['氏名']).toBe(true);
      }
    });

    it('are the only rows that share a reading and birth date, or a phone number', () => {
      for (const b of [book, generateDemoBook({ areas: AREAS, seed: 8, volunteers: 5000 })]) {
        const sheet = sheetOf(b, 'volunteers');
        const dupRows = new Set(
          b.mistakes.filter((m) => m.sheet === sheet.name && m.kind === 'probableDuplicate').map((m) => m.row),
        );
        const seenKey = new Set<string>();
        const seenPhone = new Set<string>();
        rowsOf(sheet).forEach((r, i) => {
          if (dupRows.has(i + 2)) return;
          if (r['生年月日'] instanceof Date && typeof r['フリガナ'] === 'string' && KATAKANA_RE.test(r['フリガナ'])) {
            const key = `${r['フリガナ']}|${(r['生年月日'] as Date).getTime()}`;
            expect(seenKey.has(key), `row ${i + 2} repeats ${key}`).toBe(false);
            seenKey.add(key);
          }
          if (isCleanPhone(r['電話番号'] as CellValue)) {
            expect(seenPhone.has(String(r['電話番号'])), `row ${i + 2} repeats a phone`).toBe(false);
            seenPhone.add(String(r['電話番号']));
          }
        });
      }
    });
  });

  describe('receipt numbers', () => {
    it('are unique within a fiscal year except where a duplicate is planted', () => {
      const sheet = sheetOf(book, 'donations');
      const planted = book.mistakes.filter((m) => m.sheet === sheet.name && m.kind === 'duplicateReceiptNumber');
      const skip = new Set(planted.map((m) => m.row));
      const seen = new Set<string>();
      rowsOf(sheet).forEach((r, i) => {
        if (skip.has(i + 2)) return;
        const n = String(r['領収書番号']);
        expect(seen.has(n), `${n} repeated at row ${i + 2}`).toBe(false);
        seen.add(n);
      });
      for (const m of planted) {
        expect(rowAt(sheet, m.row)['領収書番号']).toBe(rowAt(sheet, m.relatedRow!)['領収書番号']);
        expect(seen.has(String(m.expected))).toBe(false);
      }
    });
  });
});
