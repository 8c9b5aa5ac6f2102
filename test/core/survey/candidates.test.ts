/** checkCandidates and nextIds: answer rows flagged by the destination's own rules, probable duplicates, ids in the sheet's format. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { detectSheet } from '../../../src/core/sheets/detect';
import { PlainDate } from '../../../src/core/text/plainDate';
import { checkCandidates, nextIds } from '../../../src/core/survey/candidates';
import type { AnswerRow } from '../../../src/core/survey/destinations';
import { defaultSettings, tokyo } from './helpers';

const HEADER = [
  '登録番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '電話番号',
  '圏域',
  '活動分野',
  '個人情報同意',
  '状態',
  '登録日',
];

function roster(rows: unknown[][]) {
  const det = detectSheet(HEADER);
  if (!det) throw new Error('not a roster');
  const values = [HEADER, ...rows] as (string | number | Date)[][];
  return {
    name: 'ボランティア名簿',
    mapping: mappingFromDetection(det),
    values,
    display: values.map((r) => r.map((v) => String(v))),
  };
}

function candidate(cells: AnswerRow['cells']): AnswerRow {
  return {
    responseId: 'r',
    sourceRow: 2,
    language: 'ja',
    timestamp: null,
    cells,
    unmatched: [],
    derived: [],
    consent: true,
  };
}

const today = PlainDate.fromISO('2024-06-01') as PlainDate;

describe('survey/candidates', () => {
  it("flags odd shapes with the roster's own rules, on the candidate's row only", () => {
    const sheet = roster([
      [
        'V-0001',
        '田中 一郎',
        'タナカ イチロウ',
        tokyo(1950, 1, 1),
        '042-111-2222',
        '中部',
        '高齢者',
        'はい',
        '活動中',
        tokyo(2020, 4, 1),
      ],
    ]);
    const [check] = checkCandidates(
      'volunteers',
      [
        candidate({
          volunteerId: 'V-0002',
          name: '西東 花子',
          furigana: 'さいとう はなこ',
          phone: '０９０－１２３４－５６７８',
          area: '中部',
          fields: '高齢者、編み物',
          consent: 'はい',
          status: '活動中',
          registeredOn: tokyo(2024, 5, 10),
        }),
      ],
      sheet,
      defaultSettings(),
      today,
    );
    expect(check?.issues.map((i) => [i.code, i.column, i.row])).toEqual([
      ['kana.hiragana', 'フリガナ', 3],
      ['phone.format', '電話番号', 3],
      ['list.notInSettings', '活動分野', 3],
    ]);
    expect(check?.duplicateOf).toBeNull();
  });

  it('names a probable duplicate already on the roster, never merging it', () => {
    const sheet = roster([
      ['V-0007', '山﨑 花子', 'ヤマサキ ハナコ', tokyo(1960, 2, 3), '042-111-2222', '中部', '', 'はい', '活動中', ''],
    ]);
    const [byPhone, byKana] = checkCandidates(
      'volunteers',
      [
        candidate({ name: '山崎 花', phone: '0421112222' }),
        candidate({ name: '山崎 花子', furigana: 'ﾔﾏｻｷ ﾊﾅｺ', birthDate: tokyo(1960, 2, 3) }),
      ],
      sheet,
      defaultSettings(),
      today,
    );
    expect(byPhone?.duplicateOf).toBe('V-0007');
    expect(byKana?.duplicateOf).toBe('V-0007');
    expect(sheet.values).toHaveLength(2);
  });

  it('checks against the canonical columns when the workbook has no such sheet yet', () => {
    const [check] = checkCandidates(
      'activities',
      [candidate({ date: tokyo(2024, 6, 1), activityType: 'お茶会', participants: '十人' })],
      null,
      defaultSettings(),
      today,
    );
    expect(check?.issues.map((i) => i.code).sort()).toEqual([
      'integer.invalid',
      'list.notAllowed',
      'required.recommended',
      'required.recommended',
    ]);
  });

  it("names a person found on another sheet of the kind, and never takes that sheet's rows for the candidates", () => {
    // Only a roster kept for the record, under the canonical name, with a row full of findings.
    const archive = roster([
      ['V-0090', '東 太郎', 'ひがし たろう', 'someday', '０４２－５５５－００００', '中部', '', 'はい', '退会', ''],
    ]);
    const [check] = checkCandidates(
      'volunteers',
      [candidate({ name: '東 太郎', furigana: 'ヒガシ タロウ', phone: '042-555-0000', consent: 'はい' })],
      null,
      defaultSettings(),
      today,
      [archive],
    );
    expect(check?.duplicateOf).toBe('V-0090（ボランティア名簿）');
    // The candidate's own row only: the archive's hiragana, date and phone findings are not its.
    expect(check?.issues.map((i) => i.code)).not.toEqual(expect.arrayContaining(['kana.hiragana']));
    expect(check?.issues.every((i) => i.sheet !== 'ボランティア名簿')).toBe(true);
  });

  describe('nextIds', () => {
    it('continues the most common prefix with its zero padding', () => {
      expect(nextIds(['V-0001', 'V-0012', 'X9', 'V-0003'], 2)).toEqual(['V-0013', 'V-0014']);
      expect(nextIds(['B123', 'B124'], 1)).toEqual(['B125']);
      expect(nextIds([], 2)).toEqual(['V-0001', 'V-0002']);
    });
  });
});
