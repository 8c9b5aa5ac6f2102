// Tests the default 指標定義: every row is a valid definition whose columns exist in its source, for all four goals, with the stable IDs the survey template refers to.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parseIndicatorDefinitions } from '../../../src/core/indicators/definitions';
import { defaultIndicatorHeader, defaultIndicatorRows } from '../../../src/core/sheets/defaults';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { needsFormulaGuard } from '../../../src/core/text/formula';
import { PlainDate } from '../../../src/core/text/plainDate';
import { validateWorkbook } from '../../../src/core/validate/index';
import { defaultSettingsRows } from '../../../src/core/sheets/defaults';
import { parseSettings } from '../../../src/core/sheets/settings';

describe('default 指標定義', () => {
  const values = [defaultIndicatorHeader(), ...defaultIndicatorRows()];
  const parsed = parseIndicatorDefinitions(
    { name: '指標定義', values, mapping: mappingFromDetection(detectHeader(values)!) },
    { startMonth: 4 },
  );

  it('parses without a single issue', () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.definitions).toHaveLength(values.length - 1);
    expect(parsed.targetYears).toEqual([2024, 2025, 2026, 2027, 2028]);
  });

  it('covers each basic goal and the 主な取り組み the plan names', () => {
    const byGoal = (g: number) => parsed.definitions.filter((d) => d.goal === g);
    for (const g of [1, 2, 3, 4]) expect(byGoal(g).length, `goal ${g}`).toBeGreaterThanOrEqual(3);
    const text = parsed.definitions.map((d) => `${d.initiative} ${d.name}`).join('\n');
    for (const word of [
      'ボランティア',
      '新たに登録',
      '居場所・サロン',
      '参加者数',
      '多世代',
      '8050',
      'ひきこもり',
      'ヤングケアラー',
      '外国にルーツ',
      '解決',
      '住民懇談会',
      '情報発信',
      '社協を知っている',
      'SNS',
      '会員',
      '会費',
      '一般寄付',
      '指定寄付',
      '物品寄付',
      '職員研修',
    ])
      expect(text, word).toContain(word);
    expect(parsed.definitions.filter((d) => d.source === null).map((d) => d.id)).toEqual(['G4-6', 'G4-7']);
  });

  it('keeps the survey indicators on the stable IDs the 住民意識調査 template ties its questions to', () => {
    const survey = parsed.definitions.filter((d) => d.source?.kind === 'surveyAnswers');
    expect(survey.map((d) => [d.id, d.column])).toEqual([
      ['G3-2', '社協の認知度'],
      ['G3-3', '情報の入手方法'],
    ]);
    for (const d of survey) expect([d.method, d.unit, d.tolerance, d.suppress]).toEqual(['割合', '%', 3, true]);
  });

  it('marks counts of people and consultations 秘匿', () => {
    for (const d of parsed.definitions)
      if (d.source?.people && (d.method === '件数' || d.method === '人数' || d.method === '割合'))
        expect(d.suppress, d.id).toBe(true);
  });

  it('passes 検証 without a finding (manual rows have no 集計方法)', () => {
    const result = validateWorkbook({
      sheets: [
        {
          name: '指標定義',
          kind: 'indicators',
          mapping: mappingFromDetection(detectHeader(values)!),
          values: values as never,
          display: values.map((row) => row.map(String)),
        },
      ],
      settings: parseSettings(defaultSettingsRows()).settings,
      today: PlainDate.of(2026, 1, 1)!,
    });
    expect(result.issues).toEqual([]);
  });

  it('holds no text a sheet would take for a formula', () => {
    for (const row of defaultIndicatorRows())
      for (const cell of row) if (typeof cell === 'string') expect(needsFormulaGuard(cell), cell).toBe(false);
  });
});
