import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { normalizeHeader, normalizeText } from '../../../src/core/text/normalize';

describe('text/normalize', () => {
  describe('normalizeText', () => {
    it('turns full-width ASCII and digits into ASCII', () => {
      expect(normalizeText('ＡＢＣ１２３')).toBe('ABC123');
    });

    it('turns half-width katakana into full-width, joining the dakuten', () => {
      expect(normalizeText('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ タロウ');
    });

    it('turns 全角スペース into a space and collapses runs of spaces', () => {
      expect(normalizeText('山田　　太郎')).toBe('山田 太郎');
      expect(normalizeText('  山田 \t 太郎  ')).toBe('山田 太郎');
    });

    it('maps every hyphen and dash variant to -', () => {
      for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '－']) {
        expect(normalizeText(`090${dash}1234${dash}5678`)).toBe('090-1234-5678');
      }
    });

    it('maps ー and ｰ between digits to - but keeps the 長音 in words', () => {
      expect(normalizeText('090ー1234ｰ5678')).toBe('090-1234-5678');
      expect(normalizeText('０４２ー４６１ー１１１１')).toBe('042-461-1111');
      expect(normalizeText('サービス')).toBe('サービス');
      expect(normalizeText('ボランティアー1')).toBe('ボランティアー1');
      expect(normalizeText('ｺｰﾋｰ')).toBe('コーヒー');
    });

    it('never rewrites name characters: 髙, 﨑 and the compatibility ideographs 神 U+FA19, 塚 U+FA10 stay as typed', () => {
      // Escapes, so no editor can normalise the fixtures themselves.
      const kami = '\uFA19';
      const tsuka = '\uFA10';
      expect(normalizeText('髙橋')).toBe('髙橋');
      expect(normalizeText('山\uFA11')).toBe('山\uFA11');
      expect(normalizeText(kami + '田')).toBe(kami + '田');
      expect(normalizeText(tsuka + '本')).toBe(tsuka + '本');
      expect(normalizeText('ＡＢ　髙\uFA11' + kami + 'ｶﾅ')).toBe('AB 髙\uFA11' + kami + 'カナ');
      expect(normalizeText('髙橋')).not.toBe('高橋');
      expect(normalizeText('山\uFA11')).not.toBe('山崎');
      // Plain NFKC would have folded them: this is what the guard prevents.
      expect((kami + '田').normalize('NFKC')).toBe('\u795E田');
    });

    it('keeps line breaks (multi-value cells use them) but trims spaces around them', () => {
      expect(normalizeText('手話 \r\n 点訳\r音訳')).toBe('手話\n点訳\n音訳');
    });

    it('removes BOM and zero-width spaces', () => {
      expect(normalizeText('\uFEFF氏\u200B名')).toBe('氏名');
    });

    it('returns the empty string for blank text', () => {
      expect(normalizeText('')).toBe('');
      expect(normalizeText(' \u3000 \t')).toBe('');
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
        { numRuns: 2000 },
      );
      const japanese = fc.string({
        unit: fc.constantFrom(...'ｱｶﾞﾊﾟｰー‐−―　 \t\n\r0123456789０１２髙\uFA11\uFA19\uFA10ゞ゛\u3099か㈱①\u200B\uFEFF'),
      });
      fc.assert(
        fc.property(japanese, (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
        { numRuns: 2000 },
      );
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
        { numRuns: 2000 },
      );
    });
  });

  describe('normalizeHeader', () => {
    it('drops the (必須) marker in any bracket and width', () => {
      expect(normalizeHeader('電話番号（必須）')).toBe('電話番号');
      expect(normalizeHeader('電話番号(必須)')).toBe('電話番号');
      expect(normalizeHeader('【必須】氏名')).toBe('氏名');
      expect(normalizeHeader('氏名 *')).toBe('氏名');
      expect(normalizeHeader('※氏名')).toBe('氏名');
      expect(normalizeHeader('メール（任意）')).toBe('メール');
    });

    it('keeps 必須 when it is the whole header (the アンケート定義 column)', () => {
      expect(normalizeHeader('必須')).toBe('必須');
    });

    it('reads ＴＥＬ, TEL and Tel. alike', () => {
      expect(normalizeHeader(' ＴＥＬ ')).toBe('tel');
      expect(normalizeHeader('ＴＥＬ')).toBe('tel');
      expect(normalizeHeader('Tel.')).toBe('tel');
    });

    it('removes spaces inside a header', () => {
      expect(normalizeHeader('氏 名')).toBe('氏名');
      expect(normalizeHeader('氏　名')).toBe('氏名');
    });

    it('keeps 〒 and removes ・ and ／', () => {
      expect(normalizeHeader('〒')).toBe('〒');
      expect(normalizeHeader('資格・特技')).toBe('資格特技');
      expect(normalizeHeader('資格／特技')).toBe('資格特技');
    });

    it('removes bracket characters but keeps what is inside them', () => {
      expect(normalizeHeader('氏名（カナ）')).toBe('氏名カナ');
      expect(normalizeHeader('目標(2024年度)')).toBe('目標2024年度');
      expect(normalizeHeader('「氏名」')).toBe('氏名');
    });

    it('lowercases Latin letters and drops - _ .', () => {
      expect(normalizeHeader('E-Mail')).toBe('email');
      expect(normalizeHeader('No.')).toBe('no');
    });

    it('does not fold katakana into hiragana (aliases do that)', () => {
      expect(normalizeHeader('フリガナ')).not.toBe(normalizeHeader('ふりがな'));
    });
  });
});
