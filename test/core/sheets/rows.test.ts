import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { detectHeader, type Detection } from '../../../src/core/sheets/detect';
import { mappingFromDetection, type ColumnMapping } from '../../../src/core/sheets/mapping';
import { columnLetter, parseRows } from '../../../src/core/sheets/rows';

const SHEET = [
  ['ボランティア名簿', '', '', '', ''],
  ['登録番号', '自治会', '氏名', 'フリガナ', '電話番号'],
  ['V001', '北町会', '山田 太郎', 'ヤマダ タロウ', '090-1234-5678'],
  ['', '', '', '', ''],
  ['V002', '', '佐藤 花子', 'サトウ ハナコ', 9012345678],
  ['  ', '', '', '', ''],
  ['V003', '', '鈴木 一郎', '', ''],
];

const mapping = mappingFromDetection(detectHeader(SHEET) as Detection);

describe('sheets/rows', () => {
  describe('parseRows', () => {
    it('keeps sheet row numbers and order, skipping and counting blank rows', () => {
      const { records, blankRows } = parseRows('volunteers', mapping, SHEET);
      expect(records.map((r) => r.row)).toEqual([3, 5, 7]);
      expect(records.map((r) => r.fields.volunteerId)).toEqual(['V001', 'V002', 'V003']);
      expect(blankRows).toBe(2);
    });

    it('keeps raw values in fields and unmapped columns in extra', () => {
      const { records, extraHeaders } = parseRows('volunteers', mapping, SHEET);
      expect(records[1]?.fields).toEqual({
        volunteerId: 'V002',
        name: '佐藤 花子',
        furigana: 'サトウ ハナコ',
        phone: 9012345678,
      });
      expect(records[0]?.extra).toEqual({ 自治会: '北町会' });
      expect(extraHeaders).toEqual(['自治会']);
    });

    it('adds display text when given', () => {
      const display = SHEET.map((row) => row.map((v) => String(v)));
      const { records } = parseRows('volunteers', mapping, SHEET, display);
      expect(records[1]?.display?.phone).toBe('9012345678');
    });

    it('names extra columns without a header by letter and tells duplicates apart', () => {
      const values = [
        ['氏名', 'フリガナ', '電話番号', '備考2', '備考2', ''],
        ['山田', 'ヤマダ', '1', 'a', 'b', 'c'],
      ];
      const m: ColumnMapping = { kind: 'volunteers', headerRow: 1, columns: { name: 0, furigana: 1, phone: 2 } };
      const { records, extraHeaders } = parseRows('volunteers', m, values);
      expect(extraHeaders).toEqual(['備考2', '備考2 (列E)', '列F']);
      expect(records[0]?.extra).toEqual({ 備考2: 'a', '備考2 (列E)': 'b', 列F: 'c' });
    });

    it('reads values that start below row 1', () => {
      const m: ColumnMapping = { kind: 'volunteers', headerRow: 5, columns: { name: 0 } };
      const { records } = parseRows('volunteers', m, [['氏名'], ['山田']], undefined, { firstRow: 5 });
      expect(records).toEqual([{ row: 6, fields: { name: '山田' }, extra: {} }]);
    });

    it('gives blank fields for short rows', () => {
      const m: ColumnMapping = { kind: 'volunteers', headerRow: 1, columns: { name: 0, phone: 3 } };
      const { records } = parseRows('volunteers', m, [['氏名', '', '', '電話番号'], ['山田']]);
      expect(records[0]?.fields).toEqual({ name: '山田', phone: '' });
    });

    it('refuses a mapping of another kind', () => {
      expect(() => parseRows('donations', mapping, SHEET)).toThrow();
    });

    it('reads 50,000 rows × 25 columns, every row and mapped column kept', () => {
      const header = [
        '登録番号',
        '氏名',
        'フリガナ',
        '生年月日',
        '性別',
        '郵便番号',
        '住所',
        '圏域',
        '地区',
        '電話番号',
        'メール',
        '種別',
        '活動分野',
        '資格・特技',
        '対応言語',
        '活動可能日時',
        '月間上限',
        '保険加入年度',
        '個人情報同意',
        '状態',
        '登録日',
        '備考',
        '自治会',
        'メモ',
        '予備',
      ];
      const values: unknown[][] = [header];
      for (let i = 0; i < 50_000; i++) {
        const row: unknown[] = new Array(25);
        for (let c = 0; c < 25; c++) row[c] = c === 3 ? new Date(2000, 0, 1) : c === 16 ? 4 : `v${i}-${c}`;
        values.push(row);
      }
      const m = mappingFromDetection(detectHeader(values) as Detection);
      const { records } = parseRows('volunteers', m, values);
      expect(records).toHaveLength(50_000);
      expect(Object.keys(records[0]?.fields ?? {})).toHaveLength(22);
      expect(records[49_999]?.row).toBe(50_001);
    });
  });

  describe('columnLetter', () => {
    it('names columns as Sheets does', () => {
      expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701), columnLetter(702)]).toEqual([
        'A',
        'Z',
        'AA',
        'ZZ',
        'AAA',
      ]);
    });
  });
});
