// Tests the words of アンケート定義 the survey builder reads (種類, 必須), which 検証 draws on too.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { classifyRows } from '../../../src/core/sheets/row-kinds';
import { SURVEY_ROW_TYPES } from '../../../src/core/sheets/lists';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { isSurveyRowType, parseRequired, surveyRowTypeOf } from '../../../src/core/survey/words';

describe('surveyRowTypeOf', () => {
  it('reads every 種類 of the drop-down シート準備 makes', () => {
    for (const word of SURVEY_ROW_TYPES) expect(surveyRowTypeOf(word), word).not.toBeNull();
  });

  it("reads Google フォーム's and a survey's words, 全角 brackets and spaces as the builder compares them", () => {
    expect(
      [
        '記述式',
        'ラジオボタン',
        'チェックボックス',
        '選択式（グリッド）',
        'チェックボックス (グリッド)',
        '単一回答',
        '複数回答',
        '自由記述',
        'ページ',
        ' 日 付 ',
      ].map(surveyRowTypeOf),
    ).toEqual([
      'shortText',
      'singleChoice',
      'multipleChoice',
      'choiceGrid',
      'checkboxGrid',
      'singleChoice',
      'multipleChoice',
      'paragraph',
      'section',
      'date',
    ]);
  });

  it('refuses a word that is no 種類, a typo, and the names of object properties', () => {
    for (const word of ['ラジオ', '単一選扱', '', 'constructor', 'toString', '__proto__'])
      expect(isSurveyRowType(word), word).toBe(false);
  });

  it('is the word rule of 種類 in the sheet spec, so 検証 accepts what builds', () => {
    const spec = SHEET_SPECS.surveys.columns.find((c) => c.key === 'questionType');
    expect(spec?.reads?.word).toBe(isSurveyRowType);
    expect(SHEET_SPECS.surveys.columns.find((c) => c.key === 'required')?.reads?.yesNo).toBe(parseRequired);
  });
});

describe('parseRequired', () => {
  it('reads ●, ■ and 必須 as yes, 任意 as no, and every yes/no word as parseYesNo does', () => {
    expect(
      ['●', '■', '必須', ' 必 須 ', '任意', '○', 'はい', 'いいえ', '', true].map((c) => parseRequired(c).status),
    ).toEqual(['yes', 'yes', 'yes', 'yes', 'no', 'yes', 'yes', 'no', 'blank', 'yes']);
  });

  it('leaves what it cannot read unrecognised', () => {
    expect(parseRequired('たぶん').status).toBe('unrecognised');
  });
});

describe('classifyRows on アンケート定義', () => {
  const mapping = {
    kind: 'surveys' as const,
    headerRow: 1,
    columns: { formName: 0, questionType: 1, question: 2 },
  };

  it('sets aside only the ※ rows without 種類; a heading, a 計 or a number without 種類 stays a row the builder reports', () => {
    const rows = classifyRows(mapping, [
      ['フォーム名', '種類', '設問', '※'],
      ['アンケート', '短文', 'お名前', '※ 任意'],
      ['※ 選択肢は改行で区切る', '', '', ''],
      ['【生活】', '', '', ''],
      ['', '', '合計の人数', ''],
      ['', '', '', 12],
      ['※ 注記', '', '', 3],
      ['', '', '', ''],
      ['計', '単一選択', '家族の人数', ''],
    ]);
    expect(rows.setAside.map((s) => `${s.row}:${s.reason}`)).toEqual(['3:note', '7:note']);
    expect(rows.data).toEqual([1, 3, 4, 5, 8]);
    expect(rows.undecided).toEqual([]);
  });
});
