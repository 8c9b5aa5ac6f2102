// Tests the 条件 grammar: what it reads, what it refuses (and says why), and that its canonical text reads back.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  combine,
  conditionColumns,
  formatCondition,
  parseCondition,
  type Condition,
} from '../../../src/core/indicators/condition';
import { normalizeText } from '../../../src/core/text/normalize';

function parsed(text: string): Condition | null {
  const r = parseCondition(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message.ja}`);
  return r.condition;
}

function refused(text: string): { at: number; ja: string; en: string } {
  const r = parseCondition(text);
  if (r.ok) throw new Error(`${text} parsed: ${JSON.stringify(r.condition)}`);
  return { at: r.error.at, ja: r.error.message.ja, en: r.error.message.en };
}

const eq = (column: string, ...values: string[]): Condition => ({ kind: 'compare', column, op: '=', values });

describe('indicators/condition', () => {
  describe('parseCondition', () => {
    it('reads a blank 条件 as no condition', () => {
      expect(parsed('')).toBeNull();
      expect(parsed('  \n ')).toBeNull();
      expect(parseCondition(null)).toEqual({ ok: true, condition: null });
    });

    it('reads 列=値 and 列=値、値 (any of the values)', () => {
      expect(parsed('活動種別=サロン')).toEqual(eq('活動種別', 'サロン'));
      expect(parsed('活動種別 = 居場所、サロン')).toEqual(eq('活動種別', '居場所', 'サロン'));
      expect(parsed('活動種別＝居場所，サロン')).toEqual(eq('活動種別', '居場所', 'サロン'));
    });

    it('reads ≠ and its ASCII spellings', () => {
      for (const text of ['圏域≠中部', '圏域!=中部', '圏域<>中部'])
        expect(parsed(text), text).toEqual({ kind: 'compare', column: '圏域', op: '≠', values: ['中部'] });
    });

    it('reads the comparisons >= <= > < in their ASCII, math and full-width spellings', () => {
      expect(parsed('参加者数>=10')).toEqual({ kind: 'compare', column: '参加者数', op: '>=', values: ['10'] });
      expect(parsed('参加者数≧10')).toEqual({ kind: 'compare', column: '参加者数', op: '>=', values: ['10'] });
      expect(parsed('参加者数 ≤ 5')).toEqual({ kind: 'compare', column: '参加者数', op: '<=', values: ['5'] });
      expect(parsed('参加者数＞３')).toEqual({ kind: 'compare', column: '参加者数', op: '>', values: ['3'] });
      expect(parsed('受付日<2024-10-01')).toEqual({
        kind: 'compare',
        column: '受付日',
        op: '<',
        values: ['2024-10-01'],
      });
    });

    it('reads 列に値を含む and 列に値を含まない', () => {
      expect(parsed('相談分類に8050を含む')).toEqual({
        kind: 'contains',
        column: '相談分類',
        values: ['8050'],
        negated: false,
      });
      expect(parsed('相談分類に8050、ひきこもりを含む')).toEqual({
        kind: 'contains',
        column: '相談分類',
        values: ['8050', 'ひきこもり'],
        negated: false,
      });
      expect(parsed('相談分類に外国にルーツを含まない')).toEqual({
        kind: 'contains',
        column: '相談分類',
        values: ['外国にルーツ'],
        negated: true,
      });
    });

    it('reads 空欄 and 空欄でない in the ways staff write them', () => {
      const blank = { kind: 'blank', column: 'つなぎ先', negated: false };
      const filled = { kind: 'blank', column: 'つなぎ先', negated: true };
      for (const text of ['つなぎ先が空欄', 'つなぎ先は空欄', 'つなぎ先=空欄', 'つなぎ先 空欄', 'つなぎ先が未入力'])
        expect(parsed(text), text).toEqual(blank);
      for (const text of ['つなぎ先が空欄でない', 'つなぎ先は空欄ではない', 'つなぎ先≠空欄', 'つなぎ先=空欄でない'])
        expect(parsed(text), text).toEqual(filled);
    });

    it('takes a value in 「」 as text, even 空欄 or a connective', () => {
      expect(parsed('備考=「空欄」')).toEqual(eq('備考', '空欄'));
      expect(parsed('内容区分=「話し相手または見守り」')).toEqual(eq('内容区分', '話し相手または見守り'));
      expect(parsed('「外国にルーツ」にaを含む')).toEqual({
        kind: 'contains',
        column: '外国にルーツ',
        values: ['a'],
        negated: false,
      });
    });

    it('binds かつ tighter than または, and parentheses group', () => {
      const a = eq('A', '1');
      const b = eq('B', '2');
      const c = eq('C', '3');
      expect(parsed('A=1 かつ B=2 または C=3')).toEqual({ kind: 'any', items: [{ kind: 'all', items: [a, b] }, c] });
      expect(parsed('A=1 かつ (B=2 または C=3)')).toEqual({ kind: 'all', items: [a, { kind: 'any', items: [b, c] }] });
      expect(parsed('A=1 and (B=2 or C=3)')).toEqual(parsed('A=1 かつ (B=2 または C=3)'));
      expect(parsed('A=1 & B=2 | C=3')).toEqual(parsed('A=1 かつ B=2 または C=3'));
      expect(parsed('（A=1 もしくは B=2）かつ C=3')).toEqual({
        kind: 'all',
        items: [{ kind: 'any', items: [a, b] }, c],
      });
    });

    it('takes each line as a condition that must also hold (lines join with かつ below または)', () => {
      expect(parsed('事業=りんく\n活動種別=見守り訪問')).toEqual({
        kind: 'all',
        items: [eq('事業', 'りんく'), eq('活動種別', '見守り訪問')],
      });
      expect(parsed('A=1 または B=2\nC=3')).toEqual({
        kind: 'all',
        items: [{ kind: 'any', items: [eq('A', '1'), eq('B', '2')] }, eq('C', '3')],
      });
    });

    it('continues a line that ends or starts with a connective', () => {
      expect(parsed('A=1 かつ\nB=2')).toEqual({ kind: 'all', items: [eq('A', '1'), eq('B', '2')] });
      expect(parsed('A=1\nまたは B=2')).toEqual({ kind: 'any', items: [eq('A', '1'), eq('B', '2')] });
    });

    it('keeps brackets that are part of a name', () => {
      expect(parsed('氏名（カナ）=ア')).toEqual(eq('氏名(カナ)', 'ア'));
      expect(parsed('(氏名（カナ）=ア)')).toEqual(eq('氏名(カナ)', 'ア'));
    });

    it('does not split English words that contain and/or', () => {
      expect(parsed('brand=Android')).toEqual(eq('brand', 'Android'));
    });

    it('refuses what does not parse, saying what is wrong and where', () => {
      expect(refused('活動種別 サロン').ja).toContain('比較');
      expect(refused('活動種別=').ja).toContain('値が空');
      expect(refused('活動種別=居場所、、サロン').ja).toContain('値が空');
      expect(refused('=サロン').ja).toContain('列名がありません');
      expect(refused('(A=1').ja).toContain('「)」がありません');
      expect(refused('A=1)').ja).toContain('「(」がありません');
      expect(refused('かつ A=1').ja).toContain('前に条件がありません');
      expect(refused('A=1 または').ja).toContain('後');
      expect(refused('参加者数>=1、2').ja).toContain('1つだけ');
      expect(refused('備考=「閉じない').ja).toContain('閉じていません');
      expect(refused('相談分類8050を含む').ja).toContain('列に値');
      const e = refused('A=1 かつ B');
      expect(e.at).toBe(7);
      expect(e.en).toContain('no comparison');
    });
  });

  describe('formatCondition', () => {
    it('writes the canonical text', () => {
      expect(formatCondition(parsed('活動種別 ＝ 居場所 , サロン\n多世代=○'))).toBe(
        '活動種別=居場所、サロン かつ 多世代=○',
      );
      expect(formatCondition(parsed('(A=1 or B=2) and C空欄'))).toBe('(A=1 または B=2) かつ Cが空欄');
      expect(formatCondition(null)).toBe('');
    });

    it('quotes names and values that would read otherwise', () => {
      expect(formatCondition(eq('備考', '空欄'))).toBe('備考=「空欄」');
      expect(formatCondition(eq('内容', 'A、B'))).toBe('内容=「A、B」');
      expect(formatCondition(eq('内容', '「見守り」'))).toBe('内容="「見守り」"');
      expect(formatCondition({ kind: 'contains', column: '外国にルーツ', values: ['x'], negated: false })).toBe(
        '「外国にルーツ」にxを含む',
      );
    });
  });

  describe('conditionColumns', () => {
    it('lists each column once in order', () => {
      expect(conditionColumns(parsed('A=1 かつ (B=2 または A=3) かつ C空欄'))).toEqual(['A', 'B', 'C']);
      expect(conditionColumns(null)).toEqual([]);
    });
  });

  describe('properties', () => {
    // Names and values drawn from characters that matter to the grammar, plus Japanese text.
    const piece = fc.constantFrom(
      'A',
      'b',
      '活動',
      '種別',
      'サロン',
      'に',
      'を含む',
      'かつ',
      'または',
      '空欄',
      'でない',
      '=',
      '≠',
      '>',
      '<',
      '(',
      ')',
      '、',
      ',',
      ' ',
      '「',
      '」',
      '"',
      '&',
      '|',
      'and',
      'or',
      '1',
      '0',
      '.',
      '-',
      '・',
      '＝',
      '（',
    );
    const text = fc
      .array(piece, { minLength: 1, maxLength: 6 })
      .map((parts) => normalizeText(parts.join('')))
      .filter((s) => s !== '' && !(s.indexOf('」') >= 0 && s.indexOf('"') >= 0));
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({
        kind: fc.constant('compare' as const),
        column: text,
        op: fc.constantFrom('=' as const, '≠' as const),
        values: fc.array(text, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('compare' as const),
        column: text,
        op: fc.constantFrom('>' as const, '>=' as const, '<' as const, '<=' as const),
        values: text.map((v) => [v]),
      }),
      fc.record({
        kind: fc.constant('contains' as const),
        column: text,
        values: fc.array(text, { minLength: 1, maxLength: 3 }),
        negated: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('blank' as const), column: text, negated: fc.boolean() }),
    );
    const tree = fc.letrec<{ node: Condition }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(fc.constantFrom('all' as const, 'any' as const), fc.array(tie('node'), { minLength: 2, maxLength: 3 }))
          .map(([kind, items]) => combine(kind, items)),
      ),
    })).node;

    it('reads its own canonical text back to the same condition', () => {
      fc.assert(
        fc.property(tree, (c) => {
          const text = formatCondition(c);
          const back = parseCondition(text);
          expect(back.ok, text).toBe(true);
          if (back.ok) expect(back.condition, text).toEqual(c);
        }),
        { numRuns: 400 },
      );
    });

    it('never throws, and points inside the text when it refuses', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
          ),
          (s) => {
            const r = parseCondition(s);
            if (!r.ok) {
              expect(r.error.at).toBeGreaterThanOrEqual(0);
              expect(r.error.at).toBeLessThanOrEqual(normalizeText(s).length);
              expect(r.error.message.ja.length).toBeGreaterThan(0);
              expect(r.error.message.en.length).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns: 1000 },
      );
    });
  });
});
