// Tests reading 指標定義: good rows become definitions; every kind of bad input gets a message naming its row and column, and any error means no summary.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  formatDefinitionIssue,
  parseIndicatorDefinitions,
  type ParsedDefinitions,
} from '../../../src/core/indicators/definitions';
import { SourceView, sourceDataOf } from '../../../src/core/indicators/sources';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { fourAreas } from './helpers';

const HEADER = [
  'ID',
  '基本目標',
  '取り組み',
  '指標名',
  '単位',
  '集計元',
  '集計方法',
  '対象列',
  '条件',
  '分母条件',
  '日付列',
  '基準値',
  '方向',
  '許容幅',
  '秘匿',
  '目標2024',
  '目標 令和7年度',
  '目標R8',
];

function parse(rows: unknown[][], header: unknown[] = HEADER, views = {}): ParsedDefinitions {
  const values = [header, ...rows];
  const det = detectHeader(values, 10, { kinds: ['indicators'] })!;
  return parseIndicatorDefinitions(
    { name: '指標定義', values, mapping: mappingFromDetection(det) },
    { startMonth: 4, views },
  );
}

function row(fields: Partial<Record<string, unknown>>): unknown[] {
  return HEADER.map((h) => fields[h] ?? '');
}

const GOOD = {
  ID: 'G1-1',
  基本目標: 1,
  取り組み: '居場所',
  指標名: 'サロンの回数',
  単位: '回',
  集計元: '活動記録',
  集計方法: '件数',
  条件: '活動種別=サロン',
  基準値: 10,
  方向: '増加',
  秘匿: 'いいえ',
  目標2024: 12,
  '目標 令和7年度': '14回',
  目標R8: 16,
};

/** 'row「column」: message' of every issue. */
function where(p: ParsedDefinitions): string[] {
  return p.issues.map((i) => `${i.row}「${i.column}」${i.severity === 'error' ? '' : '(warning)'}: ${i.message.ja}`);
}

describe('indicators/definitions', () => {
  it('reads a good row, with 目標 headers as 2024, 令和7年度 and R8', () => {
    const p = parse([row(GOOD)]);
    expect(p.ok).toBe(true);
    expect(p.issues).toEqual([]);
    expect(p.targetYears).toEqual([2024, 2025, 2026]);
    expect(p.definitions[0]).toMatchObject({
      id: 'G1-1',
      goal: 1,
      method: '件数',
      baseline: 10,
      direction: '増加',
      tolerance: 0,
      suppress: false,
      targets: { 2024: 12, 2025: 14, 2026: 16 },
    });
    expect(p.definitions[0]?.source?.kind).toBe('activities');
  });

  it('reads a manual indicator (集計元 手入力) and a blank 秘匿 as はい', () => {
    const p = parse([
      row({ ID: 'M', 基本目標: '基本目標4', 指標名: '研修', 集計元: '手入力', 方向: '維持', 許容幅: '±1' }),
    ]);
    expect(p.ok).toBe(true);
    expect(p.definitions[0]).toMatchObject({
      source: null,
      method: null,
      direction: '維持',
      tolerance: 1,
      suppress: true,
      goal: 4,
    });
  });

  it('names the row and column of every error, and then gives no definitions to summarise', () => {
    const p = parse([
      row(GOOD),
      row({ ...GOOD, ID: 'G1-2', 集計元: '活動日誌2' }),
      row({ ...GOOD, ID: 'G1-3', 条件: '活動種別=サロン かつ' }),
      row({ ...GOOD, ID: 'G1-4', 条件: '活動の種類X=サロン' }),
      row({ ...GOOD, ID: 'G1-5', 目標2024: 'たくさん' }),
      row({ ...GOOD, ID: 'G1-6', 集計方法: '中央値' }),
      row({ ...GOOD, ID: 'G1-1' }),
      row({ ...GOOD, ID: 'G1-8', 基本目標: 5 }),
      row({ ...GOOD, ID: 'G1-9', 集計方法: '合計', 対象列: '' }),
      row({ ...GOOD, ID: 'G1-10', 方向: '横ばい' }),
      row({ ...GOOD, ID: 'G1-11', 基準値: '約10' }),
      row({ ...GOOD, ID: 'G1-12', 日付列: '活動種別' }),
    ]);
    expect(p.ok).toBe(false);
    expect(p.definitions.map((d) => d.id)).toEqual(['G1-1']);
    const lines = where(p);
    expect(lines).toEqual([
      expect.stringMatching(/^3「集計元」: 集計元「活動日誌2」というシートは集計できません/),
      expect.stringMatching(/^4「条件」: .*後.*条件がありません/),
      expect.stringMatching(/^5「条件」: 「活動の種類X」という列は活動記録にありません/),
      expect.stringMatching(/^6「目標2024」: 目標「たくさん」は数として読めません/),
      expect.stringMatching(/^7「集計方法」: 集計方法「中央値」は使えません/),
      expect.stringMatching(/^8「ID」: ID「G1-1」は2行目と重複しています/),
      expect.stringMatching(/^9「基本目標」: 基本目標は1〜4/),
      expect.stringMatching(/^10「対象列」: 集計方法「合計」には/),
      expect.stringMatching(/^11「方向」: 方向「横ばい」は使えません/),
      expect.stringMatching(/^12「基準値」: 基準値「約10」は数として読めません/),
      expect.stringMatching(/^13「日付列」: 日付列「活動種別」は日付や年度の列ではありません/),
    ]);
    expect(formatDefinitionIssue(p.issues[0]!)).toMatch(/^指標定義 3行目「集計元」: /);
    expect(formatDefinitionIssue(p.issues[0]!, 'en')).toMatch(/^指標定義 row 3 「集計元」: The source/);
  });

  it('refuses 目標 headers whose 年度 does not read, and two headers for one 年度', () => {
    const p = parse([row(GOOD)], [...HEADER, '目標R', '目標2024年度', '目標の考え方']);
    expect(p.ok).toBe(false);
    expect(where(p)).toEqual([
      expect.stringMatching(/^1「目標R」: 見出し「目標R」の年度が読めません/),
      expect.stringMatching(/^1「目標2024年度」: 「目標2024」「目標2024年度」は同じ年度（2024年度）の目標です/),
    ]);
  });

  it('refuses personal columns: in a 条件 always, as 対象列 except for 人数', () => {
    const p = parse([
      row({ ...GOOD, ID: 'P1', 集計元: 'ボランティア名簿', 条件: '氏名=山田 花子' }),
      row({ ...GOOD, ID: 'P2', 集計元: 'ボランティア名簿', 集計方法: '件数', 対象列: '電話番号', 条件: '' }),
      row({ ...GOOD, ID: 'P3', 集計元: 'ボランティア名簿', 集計方法: '人数', 対象列: '氏名', 条件: '' }),
    ]);
    expect(where(p)).toEqual([
      expect.stringMatching(/^2「条件」: 「氏名」は個人情報の列のため/),
      expect.stringMatching(/^3「対象列」: 「電話番号」は個人情報の列のため/),
    ]);
  });

  it('checks column names against the sheet when it is there (アンケート回答 has only its own headers)', () => {
    const settings = fourAreas();
    const [data] = sourceDataOf([
      { name: 'アンケート回答', kind: null, mapping: null, values: [['タイムスタンプ', '圏域', '社協の認知度']] },
    ]);
    const views = { surveyAnswers: new SourceView(data!, settings) };
    const survey = { ...GOOD, 集計元: 'アンケート回答', 集計方法: '割合', 単位: '%' };
    const ok = parse([row({ ...survey, 条件: '社協の認知度≠知らない' })], HEADER, views);
    expect(ok.ok).toBe(true);
    const bad = parse([row({ ...survey, 条件: '社協の知名度≠知らない' })], HEADER, views);
    expect(where(bad)[0]).toMatch(/^2「条件」: 「社協の知名度」という列はアンケート回答にありません/);
    // Without the sheet, any name may be right: it is checked when the answers come in.
    expect(parse([row({ ...survey, 条件: '社協の知名度≠知らない' })]).ok).toBe(true);
  });

  it('warns about what it does not use', () => {
    const p = parse([
      row({ ...GOOD, 分母条件: '事業=ふれまち' }),
      row({ ID: 'M', 基本目標: 4, 指標名: '研修', 集計元: '手入力', 条件: 'x=1' }),
    ]);
    expect(p.ok).toBe(true);
    expect(where(p)).toEqual([
      expect.stringMatching(/^2「分母条件」\(warning\): 分母条件は集計方法が「割合」のときだけ/),
      expect.stringMatching(/^3「条件」\(warning\): 手入力の指標のため/),
    ]);
  });

  it('skips blank rows', () => {
    expect(parse([row(GOOD), HEADER.map(() => ''), row({ ...GOOD, ID: 'G1-2' })]).definitions).toHaveLength(2);
  });
});
