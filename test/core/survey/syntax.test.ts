/** The cell grammar of アンケート定義: choices, grids, scales, 入力規則, 分岐, 指標 and patterns. */
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import {
  checkPattern,
  parseBranches,
  parseGrid,
  parseIndicatorIds,
  parseRule,
  parseScale,
  settingsListRef,
  splitChoices,
} from '../../../src/core/survey/syntax';

describe('survey/syntax', () => {
  describe('splitChoices', () => {
    it('splits on line breaks, 、 and ; but never on a comma', () => {
      expect(splitChoices('はい\nいいえ')).toEqual(['はい', 'いいえ']);
      expect(splitChoices('10代、20代;30代')).toEqual(['10代', '20代', '30代']);
      expect(splitChoices('Yes, I agree\nNo, thank you')).toEqual(['Yes, I agree', 'No, thank you']);
    });

    it('keeps ・ inside a choice and drops blank lines', () => {
      expect(splitChoices('子ども・子育て\n\n  高齢者 ')).toEqual(['子ども・子育て', '高齢者']);
      expect(splitChoices('')).toEqual([]);
      expect(splitChoices(12)).toEqual(['12']);
    });

    it('never loses a non-blank piece (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.stringMatching(/^[a-zあ-ん]{1,6}$/), { minLength: 1, maxLength: 6 }), (values) => {
          expect(splitChoices(values.join('\n'))).toEqual(values);
        }),
      );
    });
  });

  describe('settingsListRef', () => {
    it('reads 設定:圏域, 設定の活動分野 and 設定「対応言語」', () => {
      expect(settingsListRef('設定:圏域')).toBe('圏域');
      expect(settingsListRef('設定：活動分野')).toBe('活動分野');
      expect(settingsListRef('設定の活動分野')).toBe('活動分野');
      expect(settingsListRef('設定「対応言語」')).toBe('対応言語');
      expect(settingsListRef('はい\nいいえ')).toBeNull();
    });
  });

  describe('parseGrid', () => {
    it('reads labelled rows and columns, in either order, with commas in translations', () => {
      expect(parseGrid('行: 月、火\n列: 午前、午後')).toEqual({
        ok: true,
        value: { rows: ['月', '火'], columns: ['午前', '午後'] },
      });
      expect(parseGrid('Columns: AM, PM\nRows: Mon, Tue')).toEqual({
        ok: true,
        value: { rows: ['Mon', 'Tue'], columns: ['AM', 'PM'] },
      });
      expect(parseGrid('月、火\n午前、午後')).toEqual({
        ok: true,
        value: { rows: ['月', '火'], columns: ['午前', '午後'] },
      });
    });

    it('refuses a grid without both rows and columns, saying how to write one', () => {
      const r = parseGrid('月、火、水');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.ja).toContain('行: 月、火、水');
    });
  });

  describe('parseScale', () => {
    it('reads bounds and optional end labels', () => {
      expect(parseScale('1〜5')).toEqual({ ok: true, value: { low: 1, high: 5, lowLabel: '', highLabel: '' } });
      expect(parseScale('1（そう思わない）〜5（そう思う）')).toEqual({
        ok: true,
        value: { low: 1, high: 5, lowLabel: 'そう思わない', highLabel: 'そう思う' },
      });
      expect(parseScale('０～１０')).toMatchObject({ ok: true, value: { low: 0, high: 10 } });
      expect(parseScale('とても')).toMatchObject({ ok: false });
    });
  });

  describe('parseRule', () => {
    it('reads every rule with its range and an optional message line', () => {
      expect(parseRule('メール')).toEqual({ ok: true, value: { rule: 'メール', message: null } });
      expect(parseRule('電話番号')).toEqual({ ok: true, value: { rule: '電話', message: null } });
      expect(parseRule('〒')).toEqual({ ok: true, value: { rule: '郵便番号', message: null } });
      expect(parseRule('フリガナ')).toEqual({ ok: true, value: { rule: 'カタカナ', message: null } });
      expect(parseRule('数値(0〜120)')).toEqual({ ok: true, value: { rule: '数値', min: 0, max: 120, message: null } });
      expect(parseRule('数値（−10〜10）')).toEqual({
        ok: true,
        value: { rule: '数値', min: -10, max: 10, message: null },
      });
      expect(parseRule('整数')).toEqual({ ok: true, value: { rule: '整数', min: null, max: null, message: null } });
      expect(parseRule('文字数(〜200)')).toEqual({
        ok: true,
        value: { rule: '文字数', min: null, max: 200, message: null },
      });
      expect(parseRule('文字数 200')).toEqual({
        ok: true,
        value: { rule: '文字数', min: null, max: 200, message: null },
      });
      expect(parseRule('文字数(10以上)')).toEqual({
        ok: true,
        value: { rule: '文字数', min: 10, max: null, message: null },
      });
      expect(parseRule('選択数(3)')).toEqual({ ok: true, value: { rule: '選択数', min: 3, max: 3, message: null } });
      expect(parseRule('選択数(〜3)')).toEqual({
        ok: true,
        value: { rule: '選択数', min: null, max: 3, message: null },
      });
      expect(parseRule('各列1つまで')).toEqual({ ok: true, value: { rule: '各列1つまで', message: null } });
      expect(parseRule('正規表現: ^[Ａ-Ｚ]\\d{3}$')).toEqual({
        ok: true,
        value: { rule: '正規表現', pattern: '^[Ａ-Ｚ]\\d{3}$', message: null },
      });
      expect(parseRule('数値(1〜10)\nメッセージ: 1から10で答えてください')).toEqual({
        ok: true,
        value: { rule: '数値', min: 1, max: 10, message: '1から10で答えてください' },
      });
      expect(parseRule('')).toEqual({ ok: true, value: null });
    });

    it('refuses unknown rules, unreadable ranges, a range on a rule without one, and two rules', () => {
      for (const text of ['必ず', '数値(たくさん)', 'メール(1〜3)', 'メール\n電話', '正規表現']) {
        expect(parseRule(text).ok, text).toBe(false);
      }
    });
  });

  describe('parseBranches', () => {
    it('reads choice → target per line, with 送信 and 次へ', () => {
      expect(parseBranches('はい→経験のある方\nいいえ -> 送信\nわからない⇒次へ', false)).toEqual({
        ok: true,
        value: [
          { choice: 'はい', target: { kind: 'section', name: '経験のある方' } },
          { choice: 'いいえ', target: { kind: 'submit' } },
          { choice: 'わからない', target: { kind: 'next' } },
        ],
      });
    });

    it('reads a section row as just its target', () => {
      expect(parseBranches('送信', true)).toEqual({ ok: true, value: [{ choice: null, target: { kind: 'submit' } }] });
      expect(parseBranches('→ まとめ', true)).toEqual({
        ok: true,
        value: [{ choice: null, target: { kind: 'section', name: 'まとめ' } }],
      });
    });

    it('refuses an entry without an arrow', () => {
      expect(parseBranches('はい 経験のある方', false).ok).toBe(false);
    });
  });

  describe('parseIndicatorIds', () => {
    it('splits and writes ids half-width', () => {
      expect(parseIndicatorIds('Ｇ１－Ｓ１、G3-S2 G3-S2')).toEqual(['G1-S1', 'G3-S2']);
    });
  });

  describe('checkPattern', () => {
    it('accepts RE2 patterns and refuses look-around, back-references and broken patterns', () => {
      expect(checkPattern('^[0-9]{4}$').ok).toBe(true);
      expect(checkPattern('^(?=.*a)').ok).toBe(false);
      expect(checkPattern('(a)\\1').ok).toBe(false);
      expect(checkPattern('[a-').ok).toBe(false);
    });
  });
});
