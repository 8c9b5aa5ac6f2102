import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { splitMulti } from '../../../src/core/text/multi';

describe('text/multi', () => {
  describe('splitMulti', () => {
    it('splits on 、 , ， ・ and line breaks', () => {
      expect(splitMulti('手話、点訳,音訳，運転・調理\n傾聴')).toEqual(['手話', '点訳', '音訳', '運転', '調理', '傾聴']);
    });

    it('also splits on ; ； / ／', () => {
      expect(splitMulti('英語;中国語；韓国語/ベトナム語／ネパール語')).toEqual([
        '英語',
        '中国語',
        '韓国語',
        'ベトナム語',
        'ネパール語',
      ]);
    });

    it('trims values, drops empty ones and keeps the order', () => {
      expect(splitMulti(' 月午前 、、 水午後 ,\n\n 土日終日 ')).toEqual(['月午前', '水午後', '土日終日']);
    });

    it('removes exact duplicates after normalisation', () => {
      expect(splitMulti('英語、英語、ＥＮ、EN')).toEqual(['英語', 'EN']);
    });

    it('does not split on spaces', () => {
      expect(splitMulti('手話 初級、点訳')).toEqual(['手話 初級', '点訳']);
    });

    it('keeps known values that contain ・ or / whole', () => {
      expect(splitMulti('子ども・子育て、高齢者', { known: ['子ども・子育て'] })).toEqual(['子ども・子育て', '高齢者']);
      expect(splitMulti('子ども・子育て、高齢者')).toEqual(['子ども', '子育て', '高齢者']);
    });

    it('splits on strong separators only when asked', () => {
      expect(splitMulti('中学生・高校生\n大人', { weak: false })).toEqual(['中学生・高校生', '大人']);
    });

    it('gives [] for blank and non-text cells and the digits of a number', () => {
      expect(splitMulti('')).toEqual([]);
      expect(splitMulti(null)).toEqual([]);
      expect(splitMulti(undefined)).toEqual([]);
      expect(splitMulti(true)).toEqual([]);
      expect(splitMulti(12)).toEqual(['12']);
    });
  });
});
