import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { defaultSettings } from '../../../src/core/sheets/settings';
import { codes, found, sheet, sheetWith, SETTINGS, validate } from './helpers';

const ROSTER = ['登録番号', '氏名', 'フリガナ', '電話番号', '圏域', '状態', '個人情報同意', '保険加入年度'];
/** A clean roster row; tests spoil one cell at a time. */
function person(
  id: string,
  overrides: Record<number, unknown> = {},
  n = Number(id.replace(/\D/g, '')) || 0,
): unknown[] {
  const phone = `042-4${String(10 + Math.floor(n / 10000)).padStart(2, '0')}-${String(n % 10000).padStart(4, '0')}`;
  const row: unknown[] = [id, '山田 花子', 'ヤマダ ハナコ', phone, '中部', '活動中', 'はい', 2026];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
  return row;
}

describe('validate/common', () => {
  describe('required columns and cells', () => {
    it('reports a missing required column once, on the header row with columnIndex -1', () => {
      const r = validate([
        sheet(
          'volunteers',
          ['氏名', 'フリガナ', '電話番号', '状態'],
          [['山田 花子', 'ヤマダ ハナコ', '042-461-1234', '活動中']],
        ),
      ]);
      expect(found(r, 'required.missingColumn')).toEqual([
        expect.objectContaining({
          sheet: 'volunteers',
          row: 1,
          columnIndex: -1,
          column: '登録番号',
          severity: 'error',
        }),
      ]);
    });

    it('reports a blank required cell with the header as written in the sheet', () => {
      const r = validate([
        sheet(
          'volunteers',
          ['ボランティアNo', 'お名前', 'フリガナ', '電話番号', '状態'],
          [['V-0001', '　', 'ヤマダ ハナコ', '042-461-1234', '活動中']],
        ),
      ]);
      expect(found(r, 'required.blank')).toEqual([
        expect.objectContaining({
          row: 2,
          columnIndex: 1,
          column: 'お名前',
          severity: 'error',
          message: expect.objectContaining({ ja: '「お名前」は必須です。入力してください' }),
        }),
      ]);
    });

    it('warns about a blank cell that matching or contact needs (電話番号, 圏域) without calling it required', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 3: '', 4: '' })])]);
      expect(found(r, 'required.recommended').map((i) => [i.column, i.severity])).toEqual([
        ['電話番号', 'warning'],
        ['圏域', 'warning'],
      ]);
    });

    it('accepts a blank 必要人数 (it stands for 1) and a blank 月間上限 (4)', () => {
      const r = validate([sheet('volunteers', [...ROSTER, '月間上限'], [[...person('V-0001'), '']])]);
      expect(r.issues).toEqual([]);
    });

    it('skips rows with nothing in them and reads ragged rows as blank cells', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001'), [], ['', '  '], ['V-0002', '佐藤 一郎']])]);
      expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
        [5, 'required.recommended', 'フリガナ'],
        [5, 'required.recommended', '電話番号'],
        [5, 'required.recommended', '圏域'],
        [5, 'required.recommended', '状態'],
        [5, 'volunteers.noConsent', '個人情報同意'],
        [5, 'volunteers.insuranceLapsed', '保険加入年度'],
      ]);
    });
  });

  describe('error values', () => {
    it.each(['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?'])(
      'reports %s as cell.error and nothing else about the cell',
      (err) => {
        const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 3: err })])]);
        expect(r.issues.map((i) => [i.code, i.column, i.value])).toEqual([['cell.error', '電話番号', err]]);
        expect(r.issues[0]?.message.ja).toContain(err);
      },
    );

    it('does not count an error value as blank in a required column', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 1: '#REF!' })])]);
      expect(codes(r)).toEqual(['cell.error']);
    });
  });

  describe('lists', () => {
    it('reports a value outside a fixed list as an error that names the choices', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 5: '在籍' })])]);
      const [issue] = found(r, 'list.notAllowed');
      expect(issue).toMatchObject({ column: '状態', severity: 'error', value: '在籍' });
      expect(issue?.message.ja).toBe(
        '「在籍」は「状態」の選択肢にありません。「活動中」「休止」「退会」のいずれかで入力してください',
      );
      expect(issue?.fix).toBeUndefined();
    });

    it('reports a value outside a 設定 list as a warning that names the list', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 4: '西部' })])]);
      expect(found(r, 'list.notInSettings')).toEqual([
        expect.objectContaining({ column: '圏域', severity: 'warning' }),
      ]);
      expect(found(r, 'list.notInSettings')[0]?.message.ja).toContain('設定シートの「圏域」の一覧にありません');
    });

    it('accepts any value when 設定 has no such list', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 4: '西部' })])], {
        settings: defaultSettings(),
      });
      expect(r.issues).toEqual([]);
    });

    it.each([
      [' 活動中 ', '活動中'],
      ['活 動 中', '活動中'],
      ['活動中　', '活動中'],
    ])('fixes %j to the list value %j (listValue)', (typed, to) => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 5: typed })])]);
      expect(found(r)).toEqual([
        expect.objectContaining({ code: 'list.variant', severity: 'warning', fix: { kind: 'listValue', to } }),
      ]);
    });

    it('fixes half-width katakana of a list value (ｻﾛﾝ → サロン)', () => {
      const r = validate([
        sheet(
          'activities',
          ['日付', '事業', '活動種別', '圏域'],
          [[new Date(Date.UTC(2026, 0, 5)), 'ふれまち', 'ｻﾛﾝ', '中部']],
        ),
      ]);
      expect(found(r, 'list.variant')[0]?.fix).toEqual({ kind: 'listValue', to: 'サロン' });
    });

    it('checks each piece of a multi-value cell, keeping 設定 values that contain ・ whole', () => {
      const ok = validate([
        sheet('volunteers', [...ROSTER, '活動分野'], [[...person('V-0001'), '高齢者、子ども・子育て\n災害支援']]),
      ]);
      expect(ok.issues).toEqual([]);
      const bad = validate([
        sheet('volunteers', [...ROSTER, '活動分野'], [[...person('V-0001'), '高齢者、園芸、料理']]),
      ]);
      expect(found(bad, 'list.notInSettings').map((i) => i.message.ja.slice(0, 4))).toEqual(['「園芸」', '「料理」']);
    });

    it('fixes a multi-value cell whose pieces differ from list values only by spaces, keeping the others', () => {
      const r = validate([
        sheet(
          'consultations',
          ['受付日', '圏域', '経路', '相談分類', '対応状況'],
          [[new Date(Date.UTC(2026, 0, 5)), '中部', '電話', '生活 困窮、介護', '継続']],
        ),
      ]);
      expect(found(r)).toEqual([
        expect.objectContaining({ code: 'list.variant', fix: { kind: 'listValue', to: '生活困窮、介護' } }),
      ]);
    });

    it('reads a number cell in a list column by its text (8050)', () => {
      const r = validate([
        sheet(
          'consultations',
          ['受付日', '圏域', '経路', '相談分類', '対応状況'],
          [[new Date(Date.UTC(2026, 0, 5)), '中部', '電話', 8050, '継続']],
        ),
      ]);
      expect(r.issues).toEqual([]);
    });
  });

  describe('ids', () => {
    it('reports a repeated 登録番号 on the later row, naming the first', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001'), person('V-0002'), person('v-0001')])]);
      expect(found(r, 'id.duplicate')).toEqual([
        expect.objectContaining({ row: 4, column: '登録番号', severity: 'error' }),
      ]);
      expect(found(r, 'id.duplicate')[0]?.message.ja).toContain('2行目と重複');
    });

    it('fixes a full-width id to half-width (width) and a padded one (spaces)', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('Ｖ－０００１'), person(' V-0002')])]);
      expect(found(r, 'id.format').map((i) => i.fix)).toEqual([
        { kind: 'width', to: 'V-0001' },
        { kind: 'spaces', to: 'V-0002' },
      ]);
    });

    it('keeps survey question ids unique within a form only', () => {
      const header = ['フォーム名', '設問ID', '種類', '設問'];
      const r = validate([
        sheet('surveys', header, [
          ['住民アンケート', 'Q1', '短文', 'お住まいは'],
          ['登録フォーム', 'Q1', '短文', 'お名前'],
          ['住民アンケート', 'Q1', '短文', '年齢'],
        ]),
      ]);
      expect(found(r, 'id.duplicate').map((i) => i.row)).toEqual([4]);
    });
  });

  describe('bad input', () => {
    it('reads numbers, booleans and Dates in text columns without crashing', () => {
      const r = validate([
        sheet('volunteers', ROSTER, [person('V-0001', { 1: 12345, 2: true, 3: new Date(Date.UTC(2024, 0, 1)) })]),
      ]);
      expect(codes(r)).toEqual(['kana.notKana', 'phone.invalid']);
    });

    it('survives a mapping that points outside the rows, a header row below the data and missing display values', () => {
      const s = sheetWith(
        'volunteers',
        { volunteerId: 0, name: 40, status: -1 } as Record<string, number>,
        [['登録番号'], ['V-1']],
        'roster',
        7,
      );
      const r = validate([{ ...s, display: [] }]);
      expect(r.issues.every((i) => i.code === 'required.missingColumn' || i.row === 7)).toBe(true);
    });

    it('validates 50,000 rows', () => {
      const rows = Array.from({ length: 50_000 }, (_, i) => person(`V-${String(i + 1).padStart(5, '0')}`));
      const r = validate([sheet('volunteers', ROSTER, rows)]);
      expect(r.issues).toEqual([]);
    });

    it('checks settings, indicator and survey sheets by their columns', () => {
      const r = validate([
        sheet(
          'indicators',
          ['ID', '基本目標', '指標名', '集計元', '集計方法', '目標2024'],
          [['G1-1', 5, '参加者数', '活動記録', '合計', '三千']],
        ),
        sheet('surveys', ['フォーム名', '種類', '設問', '必須'], [['住民アンケート', 'チェック', 'お住まいは', '○']]),
      ]);
      expect(r.issues.map((i) => [i.sheet, i.code, i.column])).toEqual([
        ['indicators', 'list.notAllowed', '基本目標'],
        ['indicators', 'number.invalid', '目標2024'],
        ['surveys', 'list.notAllowed', '種類'],
        ['surveys', 'yesno.variant', '必須'],
      ]);
    });

    it('passes on what parseSettings finds in the 設定 sheet, at its row and column', () => {
      const r = validate([
        sheet(
          'settings',
          ['項目', '値'],
          [
            ['年度開始月', '13'],
            ['秘匿基準', 2],
          ],
        ),
      ]);
      expect(r.issues.map((i) => [i.code, i.row, i.column, i.severity])).toEqual([
        ['settings.badStartMonth', 2, '値', 'error'],
        ['settings.thresholdClamped', 3, '値', 'warning'],
      ]);
    });
  });

  describe('result', () => {
    it('counts errors, warnings, fixable issues, codes and sheets', () => {
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 5: '在籍', 3: '0424611111' })], '名簿')]);
      expect(r.counts).toEqual({
        errors: 1,
        warnings: 1,
        fixable: 1,
        byCode: { 'phone.format': 1, 'list.notAllowed': 1 },
        bySheet: { 名簿: 2 },
      });
    });

    it('orders issues by sheet order, row, column and code', () => {
      const r = validate([
        sheet('volunteers', ROSTER, [person('V-0001', { 5: '在籍' }), person('V-0002', { 3: 'x', 1: '' })], 'B'),
        sheet('volunteers', ROSTER, [person('V-0003', { 4: '西部' })], 'A'),
      ]);
      expect(r.issues.map((i) => `${i.sheet}${i.row}${i.columnIndex}`)).toEqual(['B25', 'B31', 'B33', 'A24']);
    });

    it('uses the settings it is given for lists, not a default', () => {
      const custom = { ...SETTINGS, areas: [{ name: '西部', districts: [], towns: [] }] };
      const r = validate([sheet('volunteers', ROSTER, [person('V-0001', { 4: '西部' })])], { settings: custom });
      expect(r.issues).toEqual([]);
    });
  });
});
