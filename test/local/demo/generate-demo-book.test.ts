// Tests generateDemoBook's contract: determinism, sizes, canonical sheets and headers, dates, options and speed.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { type DemoBook, generateDemoBook } from '../../../src/local/demo';
import { AREAS, TODAY, fiscalYearOfIso, isTokyoMidnight, rowsOf, sheetOf, tokyoIso } from './helpers';

/** DESIGN.md's data contract, copied word for word so a drift in either place fails here. */
const DESIGN_SHEETS = [
  [
    'volunteers',
    'ボランティア名簿',
    '登録番号, 氏名, フリガナ, 生年月日, 性別, 郵便番号, 住所, 圏域, 地区, 電話番号, メール, 種別, 活動分野, 資格・特技, 対応言語, 活動可能日時, 月間上限, 保険加入年度, 個人情報同意, 状態, 登録日, 備考',
  ],
  [
    'requests',
    '依頼',
    '依頼番号, 受付日, 依頼者種別, 依頼者, 圏域, 地区, 内容区分, 必要な資格・特技, 対応言語, 希望日時, 頻度, 必要人数, 性別希望, 在宅対応可, 状態, 担当ボランティア, 担当職員, 不成立理由',
  ],
  [
    'donations',
    '寄付台帳',
    '領収書番号, 受領日, 寄付者番号, 寄付者名, 寄付者種別, 住所, 区分, 指定先, 金額, 入金方法, 領収書, 氏名公表, 備考',
  ],
  ['memberships', '会費台帳', '会員番号, 氏名・団体名, 会員種別, 口数, 単価, 金額, 年度, 支部, 納入日, 入金方法'],
  ['activities', '活動記録', '日付, 事業, 活動種別, 圏域, 登録番号, 依頼番号, 参加者数, 活動時間, 多世代, 備考'],
  ['consultations', '相談記録', '受付日, 圏域, 経路, 相談分類, 対応状況, つなぎ先'],
] as const;

describe('generateDemoBook', () => {
  let book: DemoBook;
  beforeAll(() => {
    book = generateDemoBook({ areas: AREAS });
  });

  describe('determinism', () => {
    it('returns a deep-equal book for the same options', () => {
      expect(generateDemoBook({ areas: AREAS })).toEqual(book);
      expect(generateDemoBook({ areas: AREAS, seed: 42, volunteers: 50, requests: 20 })).toEqual(
        generateDemoBook({ areas: AREAS, seed: 42, volunteers: 50, requests: 20 }),
      );
    });

    it('returns a different book for a different seed', () => {
      const other = generateDemoBook({ areas: AREAS, seed: 2 });
      for (const kind of [
        'volunteers',
        'requests',
        'donations',
        'memberships',
        'activities',
        'consultations',
      ] as const) {
        expect(sheetOf(other, kind).rows).not.toEqual(sheetOf(book, kind).rows);
      }
    });

    it('keeps the ledgers unchanged when only the roster size changes', () => {
      const bigger = generateDemoBook({ areas: AREAS, volunteers: 310 });
      for (const kind of ['donations', 'memberships', 'consultations'] as const) {
        expect(sheetOf(bigger, kind)).toEqual(sheetOf(book, kind));
      }
    });

    it('does not depend on the clock: a Date for today gives the same book as its PlainDay', () => {
      const asDate = new Date(Date.UTC(2026, 10, 26) - 9 * 3_600_000);
      expect(generateDemoBook({ areas: AREAS, today: asDate })).toEqual(book);
    });
  });

  describe('sheets and headers', () => {
    it('returns the six sheets in order with DESIGN.md names and headers', () => {
      expect(book.sheets.map((s) => [s.kind, s.name, s.header.join(', ')])).toEqual(DESIGN_SHEETS.map((s) => [...s]));
    });

    it('gives every row exactly one cell per header, never undefined or null', () => {
      const bad: string[] = [];
      for (const s of book.sheets) {
        s.rows.forEach((r, i) => {
          if (r.length !== s.header.length) bad.push(`${s.name} row ${i + 2} has ${r.length} cells`);
          for (const c of r) {
            const ok =
              typeof c === 'string' ||
              (typeof c === 'number' && Number.isFinite(c)) ||
              typeof c === 'boolean' ||
              c instanceof Date;
            if (!ok) bad.push(`${s.name} row ${i + 2}: ${String(c)}`);
          }
        });
      }
      expect(bad).toEqual([]);
    });

    it('writes no text that a spreadsheet would take for a formula', () => {
      const risky = book.sheets
        .flatMap((s) => s.rows.flat())
        .filter((c) => typeof c === 'string' && /^[=+\-@\t\r]/.test(c.normalize('NFKC')));
      expect(risky).toEqual([]);
    });
  });

  describe('sizes', () => {
    it('has 300 volunteers and 120 requests by default', () => {
      expect(sheetOf(book, 'volunteers').rows).toHaveLength(300);
      expect(sheetOf(book, 'requests').rows).toHaveLength(120);
    });

    it('follows the volunteers and requests options', () => {
      const small = generateDemoBook({ areas: AREAS, volunteers: 37, requests: 9 });
      expect(sheetOf(small, 'volunteers').rows).toHaveLength(37);
      expect(sheetOf(small, 'requests').rows).toHaveLength(9);
    });

    it('works with an empty roster and no requests', () => {
      const empty = generateDemoBook({ areas: AREAS, volunteers: 0, requests: 0 });
      expect(sheetOf(empty, 'volunteers').rows).toEqual([]);
      expect(sheetOf(empty, 'requests').rows).toEqual([]);
      expect(rowsOf(sheetOf(empty, 'activities')).every((r) => r['登録番号'] === '' && r['依頼番号'] === '')).toBe(
        true,
      );
    });

    it('has several hundred activity rows per fiscal year and ledgers for three years', () => {
      for (const [kind, column] of [
        ['activities', '日付'],
        ['consultations', '受付日'],
        ['donations', '受領日'],
        ['memberships', '納入日'],
      ] as const) {
        const years = new Map<number, number>();
        for (const r of rowsOf(sheetOf(book, kind))) {
          const v = r[column];
          if (v instanceof Date)
            years.set(fiscalYearOfIso(tokyoIso(v)), (years.get(fiscalYearOfIso(tokyoIso(v))) ?? 0) + 1);
        }
        expect([...years.keys()].sort()).toEqual([2024, 2025, 2026]);
        if (kind === 'activities') for (const n of years.values()) expect(n).toBeGreaterThan(300);
      }
    });

    it('generates 10,000 volunteers with unique ids', () => {
      const big = generateDemoBook({ areas: AREAS, volunteers: 10_000 });
      expect(sheetOf(big, 'volunteers').rows).toHaveLength(10_000);
      expect(new Set(rowsOf(sheetOf(big, 'volunteers')).map((r) => r['登録番号'])).size).toBe(10_000);
    });
  });

  describe('dates', () => {
    it('writes dates as Tokyo midnights, none after today', () => {
      let seen = 0;
      for (const s of book.sheets) {
        for (const r of s.rows) {
          for (const c of r) {
            if (!(c instanceof Date)) continue;
            seen++;
            expect(isTokyoMidnight(c)).toBe(true);
            expect(tokyoIso(c) <= '2026-11-26').toBe(true);
          }
        }
      }
      expect(seen).toBeGreaterThan(3000);
    });

    it("covers today's fiscal year and the two before it, whatever today is", () => {
      const early = generateDemoBook({
        areas: AREAS,
        today: { year: 2025, month: 4, day: 10 },
        volunteers: 60,
        requests: 20,
      });
      const receipts = rowsOf(sheetOf(early, 'donations')).map((r) => String(r['領収書番号']).split('-')[0]);
      expect([...new Set(receipts)]).toEqual(['R5', 'R6', 'R7']);
      for (const s of early.sheets) {
        for (const r of s.rows)
          for (const c of r) if (c instanceof Date) expect(tokyoIso(c) <= '2025-04-10').toBe(true);
      }
    });
  });

  describe('options', () => {
    it('rejects unusable options with a RangeError', () => {
      expect(() => generateDemoBook({ areas: [] })).toThrow(RangeError);
      expect(() => generateDemoBook({ areas: [{ name: '北部圏域', districts: [], towns: ['北町'] }] })).toThrow(
        RangeError,
      );
      expect(() => generateDemoBook({ areas: AREAS, volunteers: -1 })).toThrow(RangeError);
      expect(() => generateDemoBook({ areas: AREAS, requests: 1.5 })).toThrow(RangeError);
      expect(() => generateDemoBook({ areas: AREAS, seed: Number.NaN })).toThrow(RangeError);
      expect(() => generateDemoBook({ areas: AREAS, today: { year: 2025, month: 2, day: 30 } })).toThrow(RangeError);
    });

    it('accepts a single area (no small-area shrink needed)', () => {
      const one = generateDemoBook({ areas: [AREAS[1]!], volunteers: 30, requests: 10 });
      expect(new Set(rowsOf(sheetOf(one, 'volunteers')).map((r) => r['圏域']))).toEqual(new Set(['中部圏域']));
    });

    it('uses the default today 2026-11-26', () => {
      expect(TODAY).toEqual({ year: 2026, month: 11, day: 26 });
      const latest = rowsOf(sheetOf(book, 'activities'))
        .map((r) => r['日付'])
        .filter((d): d is Date => d instanceof Date)
        .map(tokyoIso)
        .sort()
        .pop();
      expect(latest! > '2026-11-01').toBe(true);
    });
  });
});
