// Tests the demo's building blocks: calendar days and 和暦, the seeded random source, kana spoilers and romaji.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { katakanaToHalfwidth, katakanaToHiragana, toFullwidth, yen } from '../../../src/local/demo/draft';
import { toRomaji } from '../../../src/local/demo/people';
import {
  addYears,
  epochDay,
  fiscalYearEraPrefix,
  fiscalYearOf,
  formatWareki,
  fromEpochDay,
  isRealDay,
  tokyoEpochDay,
  tokyoMidnight,
  weekdayOf,
  yearsBetween,
} from '../../../src/local/demo/plain-day';
import { Random } from '../../../src/local/demo/random';
import { parseWareki } from './helpers';

const day = (year: number, month: number, d: number): number => epochDay({ year, month, day: d });

describe('plain-day', () => {
  it('makes the instant a Tokyo spreadsheet shows as that date', () => {
    expect(tokyoMidnight(day(2024, 4, 1)).toISOString()).toBe('2024-03-31T15:00:00.000Z');
    expect(tokyoEpochDay(new Date('2024-03-31T15:00:00.000Z'))).toBe(day(2024, 4, 1));
    expect(tokyoEpochDay(new Date('2024-03-31T14:59:59.999Z'))).toBe(day(2024, 3, 31));
  });

  it('names fiscal years by the April they start in', () => {
    expect(fiscalYearOf(day(2024, 4, 1))).toBe(2024);
    expect(fiscalYearOf(day(2025, 3, 31))).toBe(2024);
    expect(fiscalYearEraPrefix(2024)).toBe('R6');
    expect(fiscalYearEraPrefix(2019)).toBe('R1');
    expect(fiscalYearEraPrefix(2018)).toBe('H30');
  });

  it('writes 和暦 the ways staff type it, with 元年 for the first year', () => {
    expect(formatWareki(day(2024, 4, 1), 'kanji')).toBe('令和6年4月1日');
    expect(formatWareki(day(2024, 4, 1), 'letterDot')).toBe('R6.4.1');
    expect(formatWareki(day(2019, 5, 1), 'kanji')).toBe('令和元年5月1日');
    expect(formatWareki(day(2019, 4, 30), 'letterSlash')).toBe('H31/4/30');
    expect(formatWareki(day(1948, 5, 1), 'kanji')).toBe('昭和23年5月1日');
    expect(formatWareki(day(1989, 1, 7), 'letterDot')).toBe('S64.1.7');
    expect(formatWareki(day(1989, 1, 8), 'letterDot')).toBe('H1.1.8');
  });

  it('round-trips every day from 1920 to 2030 through 和暦 text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day(1927, 1, 1), max: day(2030, 12, 31) }),
        fc.constantFrom('kanji', 'letterDot', 'letterSlash' as const),
        (d, style) => {
          const iso = `${fromEpochDay(d).year}-${String(fromEpochDay(d).month).padStart(2, '0')}-${String(fromEpochDay(d).day).padStart(2, '0')}`;
          expect(parseWareki(formatWareki(d, style as 'kanji'))).toBe(iso);
        },
      ),
    );
  });

  it('does day arithmetic without Date rollover surprises', () => {
    expect(isRealDay({ year: 2025, month: 2, day: 29 })).toBe(false);
    expect(isRealDay({ year: 2024, month: 2, day: 29 })).toBe(true);
    expect(fromEpochDay(addYears(day(2024, 2, 29), 1))).toEqual({ year: 2025, month: 2, day: 28 });
    expect(yearsBetween(day(1948, 5, 1), day(2026, 4, 30))).toBe(77);
    expect(yearsBetween(day(1948, 5, 1), day(2026, 5, 1))).toBe(78);
    expect(weekdayOf(day(2026, 11, 26))).toBe(4);
  });
});

describe('Random', () => {
  it('repeats a stream for the same seed and label, and differs across seeds and labels', () => {
    const draw = (seed: number, label: string): number[] => {
      const r = Random.stream(seed, label);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
  });

  it('stays in range and picks by weight', () => {
    const r = Random.stream(3, 'range');
    const counts = { a: 0, b: 0 };
    const ints = new Set<number>();
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      ints.add(r.int(2, 4));
      counts[
        r.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    }
    expect(outside).toBe(0);
    expect([...ints].sort()).toEqual([2, 3, 4]);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
  });

  it('shuffles into a permutation and draws distinct weighted items', () => {
    const r = Random.stream(4, 'shuffle');
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const picked = r.weightedDistinct(
      [
        ['x', 1],
        ['y', 1],
        ['z', 1],
      ] as const,
      5,
    );
    expect(new Set(picked).size).toBe(3);
  });
});

describe('text spoilers', () => {
  it('types digits and punctuation in 全角', () => {
    expect(toFullwidth('042-461-1234')).toBe('０４２－４６１－１２３４');
    expect(toFullwidth('10,000') + '円').toBe('１０，０００円');
  });

  it('turns furigana into hiragana and into half-width katakana that NFKC restores', () => {
    expect(katakanaToHiragana('サトウ ハナコ')).toBe('さとう はなこ');
    expect(katakanaToHalfwidth('ゴトウ ジュンコ')).toBe('ｺﾞﾄｳ ｼﾞｭﾝｺ');
    for (const k of ['パク ソンミン', 'グエン ヴァン ミン', 'ハットリ ケンイチ'])
      expect(katakanaToHalfwidth(k).normalize('NFKC')).toBe(k);
  });

  it('groups yen by thousands without locale data', () => {
    expect(yen(1000)).toBe('1,000');
    expect(yen(1000000)).toBe('1,000,000');
    expect(yen(500)).toBe('500');
  });

  it('spells readings in romaji for e-mail addresses', () => {
    expect(toRomaji('サトウ')).toBe('satou');
    expect(toRomaji('キョウコ')).toBe('kyouko');
    expect(toRomaji('ハットリ')).toBe('hattori');
    expect(toRomaji('ジュンコ')).toBe('junko');
    expect(toRomaji('ショウタ')).toBe('shouta');
    expect(toRomaji('ウェイ')).toBe('wei');
    expect(toRomaji('マッチ')).toBe('matchi');
  });
});
