/** buildFormSpec: one form per language — items with stable keys, sections, choices with where they lead, grids, validation. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { buildFormSpec, buildFormSpecs, pageNavigation } from '../../../src/core/survey/spec';
import { readSheet, readTemplate } from './helpers';

const H = [
  'フォーム名',
  'セクション',
  '設問ID',
  '種類',
  '設問',
  '選択肢',
  '必須',
  '入力規則',
  '分岐',
  '設問[en]',
  '選択肢[en]',
];

describe('survey/spec', () => {
  describe('buildFormSpec', () => {
    it('lays out the registration form in English: questions, sections, the notice before consent', () => {
      const form = readTemplate('ボランティア登録').forms[0];
      if (!form) throw new Error('no form');
      const spec = buildFormSpec(form, 'en');
      expect(spec.title).toBe('Volunteer registration');
      expect(spec.items.map((i) => [i.key, i.type, i.section])).toEqual([
        ['氏名', 'shortText', null],
        ['フリガナ', 'shortText', null],
        ['生年月日', 'date', null],
        ['性別', 'singleChoice', null],
        ['郵便番号', 'shortText', null],
        ['住所', 'shortText', null],
        ['圏域', 'dropdown', null],
        ['地区', 'dropdown', null],
        ['電話番号', 'shortText', null],
        ['メール', 'shortText', null],
        ['section:活動の希望', 'section', '活動の希望'],
        ['活動分野', 'multipleChoice', '活動の希望'],
        ['資格・特技', 'multipleChoice', '活動の希望'],
        ['対応言語', 'multipleChoice', '活動の希望'],
        ['活動可能日時', 'checkboxGrid', '活動の希望'],
        ['備考', 'paragraph', '活動の希望'],
        ['section:保険と同意', 'section', '保険と同意'],
        ['保険', 'singleChoice', '保険と同意'],
        ['notice', 'header', '保険と同意'],
        ['個人情報同意', 'multipleChoice', '保険と同意'],
      ]);
      const byKey = new Map(spec.items.map((i) => [i.key, i]));
      expect(byKey.get('notice')?.title).toBe('How we handle your personal information');
      expect(byKey.get('notice')?.helpText).toContain('never share');
      expect(byKey.get('性別')?.choices?.map((c) => c.value)).toEqual(['Female', 'Male', 'Other', 'Prefer not to say']);
      // Place names from 設定 have no translation: shown as they are.
      expect(byKey.get('圏域')?.choices?.map((c) => c.value)).toEqual(['北東部', '北西部', '中部', '南部']);
      expect(byKey.get('活動可能日時')).toMatchObject({
        rows: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
        columns: ['Morning', 'Afternoon', 'Evening'],
      });
      expect(byKey.get('電話番号')?.validation).toMatchObject({
        kind: 'pattern',
        rule: '電話',
        message: expect.stringContaining('phone'),
      });
      expect(byKey.get('メール')?.validation).toEqual({
        kind: 'email',
        rule: 'メール',
        message: 'Please enter an email address (e.g. name@example.jp).',
      });
      expect(byKey.get('個人情報同意')).toMatchObject({ required: true, choices: [{ value: 'I agree', goTo: null }] });
    });

    it('gives one spec per language, Japanese first, with the same keys in the same order', () => {
      const form = readTemplate('住民意識調査').forms[0];
      if (!form) throw new Error('no form');
      const specs = buildFormSpecs(form);
      expect(specs.map((s) => s.language)).toEqual(['ja', 'en', 'ja-yasashii']);
      const keys = specs.map((s) => s.items.map((i) => i.key).join(','));
      expect(new Set(keys).size).toBe(1);
      expect(specs[0]?.items[0]).toMatchObject({ key: 'notice', type: 'header', section: null });
      expect(specs[2]?.items.find((i) => i.key === '年代')?.title).toBe('あなたの 年(とし)');
    });

    it('turns branches into section keys and submit, and computes where each page goes', () => {
      const def = readSheet(H, [
        [
          'F',
          '',
          'exp',
          '単一選択',
          '経験は',
          'ある\nない',
          'はい',
          '',
          'ある→経験\nない→送信',
          'Experience?',
          'Yes\nNo',
        ],
        ['F', '経験', '', 'セクション', '経験について', '', '', '', 'まとめ'],
        ['F', '経験', 'years', '短文', '何年', '', '', '整数(0〜80)'],
        ['F', '他', '', 'セクション', 'その他', '', '', '', '送信'],
        ['F', '他', 'other', '段落', '他に'],
        ['F', 'まとめ', 'last', '段落', '最後に'],
      ]);
      expect(def.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const form = def.forms[0];
      if (!form) throw new Error('no form');
      const spec = buildFormSpec(form, 'en');
      expect(spec.items.find((i) => i.key === 'exp')?.choices).toEqual([
        { value: 'Yes', goTo: 'section:経験' },
        { value: 'No', goTo: 'submit' },
      ]);
      expect([...pageNavigation(spec)]).toEqual([
        ['section:経験', null],
        ['section:他', 'section:まとめ'],
        ['section:まとめ', 'submit'],
      ]);
      expect(spec.items.find((i) => i.key === 'years')?.validation).toEqual({
        kind: 'number',
        rule: '整数',
        min: 0,
        max: 80,
        integer: true,
        message: 'Please enter a number from 0 to 80.',
      });
    });

    it('shows the first section as a heading on the first page when no question comes before it', () => {
      const def = readSheet(H, [
        ['F', 'はじめに', '', 'セクション', 'はじめに', '', '', '', '送信'],
        ['F', 'はじめに', 'a', '短文', 'a'],
        ['F', '次', 'b', '短文', 'b'],
      ]);
      const form = def.forms[0];
      if (!form) throw new Error('no form');
      const spec = buildFormSpec(form, 'ja');
      expect(spec.items.map((i) => [i.key, i.firstPage ?? false])).toEqual([
        ['section:はじめに', true],
        ['a', false],
        ['section:次', false],
        ['b', false],
      ]);
      expect([...pageNavigation(spec)]).toEqual([['section:次', 'submit']]);
    });

    it("uses staff's own message for the Japanese form only, and a pattern for a length range", () => {
      const def = readSheet(H, [
        ['F', '', 'a', '短文', 'a', '', '', '文字数(2〜10)\nメッセージ: 2〜10文字で'],
        ['F', '', 'b', '複数選択', 'b', 'x\ny\nz', '', '選択数(〜2)'],
        ['F', '', 'c', '選択式グリッド', 'c', '行: 1、2\n列: A、B', '', '各列1つまで'],
      ]);
      const form = def.forms[0];
      if (!form) throw new Error('no form');
      const ja = buildFormSpec(form, 'ja');
      const en = buildFormSpec(form, 'en');
      expect(ja.items[0]?.validation).toEqual({
        kind: 'pattern',
        rule: '文字数',
        pattern: '^[\\s\\S]{2,10}$',
        message: '2〜10文字で',
      });
      expect(en.items[0]?.validation?.message).toBe('Please use 2 to 10 characters.');
      expect(en.items[1]?.validation).toEqual({
        kind: 'select',
        rule: '選択数',
        min: null,
        max: 2,
        message: 'Please choose at most 2.',
      });
      expect(ja.items[2]?.validation).toEqual({
        kind: 'onePerColumn',
        rule: '各列1つまで',
        message: '同じ列を2回以上選ぶことはできません。',
      });
    });
  });
});
