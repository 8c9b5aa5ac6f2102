// Tests toKatakana/checkKatakana (furigana) and fixWidth/cleanSpaces (the width and spaces fixes).
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { checkKatakana, toKatakana } from '../../../src/core/text/kana';
import { cleanSpaces, fixWidth } from '../../../src/core/text/width';

/** Kana-heavy text: hiragana, half-width and full-width katakana, marks of every kind, spaces. */
const kanaish = fc.string({
  unit: fc.constantFrom(...'さとうはなこゔゝゞｻﾄｳﾊﾅｺｳｶﾞﾟﾞｰ･ヴーカハ・゛゜\u3099\u309A 　\t\nア佐藤AＡ1１'.split('')),
});

describe('text/kana', () => {
  describe('toKatakana', () => {
    it.each([
      ['さとう はなこ', 'サトウ ハナコ'],
      ['さとう　はなこ', 'サトウ ハナコ'],
      ['ｻﾄｳ ﾊﾅｺ', 'サトウ ハナコ'],
      ['ｻﾄｳ　ﾊﾅｺ', 'サトウ ハナコ'],
      ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
      ['ﾊﾟｸ ｼﾞｭﾝﾎ', 'パク ジュンホ'],
      ['ｳﾞｧｲｵﾘﾝ', 'ヴァイオリン'],
      ['ゔぁいおりん', 'ヴァイオリン'],
      ['ｺｰﾋｰ', 'コーヒー'],
      ['ｽﾐｽ･ｼﾞｮﾝ', 'スミス・ジョン'],
      ['すずき いちろう', 'スズキ イチロウ'],
      ['サトウ ハナコ', 'サトウ ハナコ'],
      ['サトウ ﾊﾅｺ', 'サトウ ハナコ'],
      ['カ゛ーテン', 'ガーテン'],
      ['ハ゜ン', 'パン'],
      ['カ\u3099ス', 'ガス'],
      ['さゝき', 'サヽキ'],
      ['いすゞ', 'イスヾ'],
      ['  さとう   はなこ  ', 'サトウ ハナコ'],
      ['さとう\nはなこ', 'サトウ ハナコ'],
      ['ゕゖ', 'ヵヶ'],
      ['佐藤 はなこ', '佐藤 ハナコ'],
      ['ABC', 'ABC'],
      ['', ''],
    ])('turns %j into %j', (input, expected) => {
      expect(toKatakana(input)).toBe(expected);
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(kanaish, (s) => toKatakana(toKatakana(s)) === toKatakana(s)),
        { numRuns: 5000 },
      );
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (s) => toKatakana(toKatakana(s)) === toKatakana(s)),
        { numRuns: 2000 },
      );
    });

    it('never throws and makes any kana-only text pass checkKatakana', () => {
      const kanaOnly = fc.string({ unit: fc.constantFrom(...'さとうはなこゔぁゝｻﾄｳﾊﾅｺｳﾞｰﾟ･ヴーカ・ 　'.split('')) });
      fc.assert(
        fc.property(kanaOnly, (s) => {
          const t = toKatakana(s);
          // A mark that joins nothing (ﾟ after ｻ) stays visible as ゜, which is not furigana.
          return checkKatakana(t).ok || /[゛゜]/.test(t);
        }),
        { numRuns: 3000 },
      );
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), (s) => typeof toKatakana(s) === 'string'),
        { numRuns: 2000 },
      );
    });
  });

  describe('checkKatakana', () => {
    it.each([
      'サトウ ハナコ',
      'サトウ　ハナコ',
      'ヴァイオリン',
      'スミス・ジョン',
      'コーヒー',
      'ジョン゠スミス',
      'ヴィ',
      'ヵヶ',
      'サトウ  ハナコ',
      '',
    ])('accepts %j', (s) => {
      expect(checkKatakana(s)).toEqual({ ok: true });
    });

    it.each<[string, string]>([
      ['さとう はなこ', 'hiragana'],
      ['さとう　ハナコ', 'hiragana'],
      ['サトウ はなこ', 'hiragana'],
      ['ｻﾄｳ ﾊﾅｺ', 'halfwidth'],
      ['サトウ ﾊﾅｺ', 'halfwidth'],
      ['ｳﾞｧｲｵﾘﾝ', 'halfwidth'],
      ['カ゛ーテン', 'halfwidth'],
      ['佐藤 花子', 'notKana'],
      ['佐藤 はなこ', 'notKana'],
      ['Sato Hanako', 'notKana'],
      ['サトウ1', 'notKana'],
      ['サトウ（ハナコ）', 'notKana'],
      ['ｻﾄｳ 花子', 'notKana'],
    ])('refuses %j: %s', (s, reason) => {
      expect(checkKatakana(s)).toEqual({ ok: false, reason });
    });

    it('says hiragana or halfwidth only when toKatakana fixes it', () => {
      fc.assert(
        fc.property(kanaish, (s) => {
          const r = checkKatakana(s);
          if (r.ok || r.reason === 'notKana') return true;
          return checkKatakana(toKatakana(s)).ok;
        }),
        { numRuns: 5000 },
      );
    });
  });
});

describe('text/width', () => {
  describe('fixWidth', () => {
    it.each([
      ['０９０－１２３４－５６７８', '090-1234-5678'],
      ['０９０ー１２３４ー５６７８', '090-1234-5678'],
      ['090ｰ1234ｰ5678', '090-1234-5678'],
      ['042‐461‐1234', '042-461-1234'],
      ['2024−04−01', '2024-04-01'],
      ['ＡＢＣ１２３', 'ABC123'],
      ['ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ', 'yamada@example.jp'],
      ['￥１０，０００', '¥10,000'],
      ['Ｒ６．４．１', 'R6.4.1'],
      ['東京都西東京市田無町１－２－３', '東京都西東京市田無町1-2-3'],
    ])('turns %j into %j', (input, expected) => {
      expect(fixWidth(input)).toBe(expected);
    });

    it('gives the NFKC form of every full-width ASCII character and ￥', () => {
      for (let c = 0xff01; c <= 0xff5e; c++) {
        const ch = String.fromCharCode(c);
        expect(fixWidth(ch)).toBe(ch.normalize('NFKC'));
      }
      for (const ch of '￠￡￢￤￥￦') expect(fixWidth(ch)).toBe(ch.normalize('NFKC'));
      expect(fixWidth('￣')).toBe('￣');
    });

    it('never changes kana, kanji, half-width katakana, spaces or name characters', () => {
      for (const s of [
        '山田　太郎',
        'ｻﾄｳ ﾊﾅｺ',
        'さとう',
        'サービス',
        '髙橋',
        '山\uFA11',
        '\uFA19田',
        '①',
        '㈱',
        '㍻',
        'ボランティアー1',
      ]) {
        expect(fixWidth(s)).toBe(s);
      }
    });

    it('is idempotent and keeps every kana and kanji', () => {
      const isKanaOrKanji = (c: string): boolean => /[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]/.test(c);
      // ー between digits becomes '-': the one kana-block character it may touch, so compare without it.
      const kanaOf = (s: string): string => [...s].filter(isKanaOrKanji).join('').replace(/[ーｰ]/g, '');
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), kanaish), (s) => {
          const once = fixWidth(s);
          return fixWidth(once) === once && kanaOf(once) === kanaOf(s);
        }),
        { numRuns: 5000 },
      );
    });
  });

  describe('cleanSpaces', () => {
    it.each([
      ['　山田　　太郎 ', '山田 太郎'],
      ['山田\t太郎', '山田 太郎'],
      ['  手話 \r\n 点訳  ', '手話\n点訳'],
      ['\uFEFF氏\u200B名', '氏名'],
      ['山田太郎', '山田太郎'],
      ['ＡＢＣ　１２３', 'ＡＢＣ １２３'],
      ['   ', ''],
    ])('turns %j into %j', (input, expected) => {
      expect(cleanSpaces(input)).toBe(expected);
    });

    it('is idempotent and never leaves a double space, a 全角スペース or an outer space', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), kanaish), (s) => {
          const once = cleanSpaces(s);
          return cleanSpaces(once) === once && !/ {2}|\u3000|^\s|\s$/.test(once);
        }),
        { numRuns: 5000 },
      );
    });
  });
});
