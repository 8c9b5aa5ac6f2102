import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { defaultSettingsHeader, defaultSettingsRows } from '../../../src/core/sheets/defaults';
import { detectHeader, type Detection } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { toActivity, toHelpRequest, toVolunteer } from '../../../src/core/sheets/records';
import { parseRows, type SheetRecord } from '../../../src/core/sheets/rows';
import { parseSettings } from '../../../src/core/sheets/settings';

function records(values: unknown[][], display?: string[][]): SheetRecord[] {
  const det = detectHeader(values) as Detection;
  return parseRows(det.kind, mappingFromDetection(det), values, display).records;
}

/** 2024-04-01 00:00 in Tokyo, as Sheets hands over a date cell. */
const APRIL_1 = new Date(Date.UTC(2024, 2, 31, 15));

describe('sheets/records', () => {
  describe('toVolunteer', () => {
    const values = [
      [
        '登録番号',
        '氏名',
        'フリガナ',
        '生年月日',
        '電話番号',
        '郵便番号',
        '活動分野',
        '資格・特技',
        '月間上限',
        '保険加入年度',
        '個人情報同意',
        '状態',
        '登録日',
      ],
      [
        12,
        '　髙橋　﨑子 ',
        'ﾀｶﾊｼ ｻｷｺ',
        '昭和２３年５月１日',
        '０９０ー１２３４ー５６７８',
        1880012,
        '子ども・子育て、高齢者',
        '手話\n点訳・音訳',
        '',
        '令和6年度',
        '○',
        '活動中',
        APRIL_1,
      ],
      ['V-2', '山田 太郎', 'やまだ', '2月30日', '', '', '', '', '三回', 'そのうち', 'たぶん', '', 'きのう'],
    ];

    it('reads messy cells into typed values', () => {
      const v = toVolunteer(records(values)[0] as SheetRecord);
      expect(v).toMatchObject({
        row: 2,
        volunteerId: '12',
        name: '髙橋 﨑子',
        furigana: 'タカハシ サキコ',
        phone: '090-1234-5678',
        postalCode: '1880012',
        skills: ['手話', '点訳', '音訳'],
        monthlyLimit: 4,
        insuranceYear: 2024,
        consent: true,
        status: '活動中',
      });
      expect(v.birthDate?.toISO()).toBe('1948-05-01');
      expect(v.registeredOn?.toISO()).toBe('2024-04-01');
      expect(v.fields).toEqual(['子ども', '子育て', '高齢者']);
    });

    it('keeps 設定 list values containing ・ whole when given the settings', () => {
      const { settings } = parseSettings([defaultSettingsHeader(), ...defaultSettingsRows()]);
      const v = toVolunteer(records(values)[0] as SheetRecord, settings);
      expect(v.fields).toEqual(['子ども・子育て', '高齢者']);
    });

    it('keeps 月・水・金午前 as one availability piece, so ・ never widens what someone offered', () => {
      const v = toVolunteer(
        records([
          ['登録番号', '氏名', '活動可能日時'],
          ['V-1', '山田 花子', '月・水・金午前、土日終日'],
        ])[0] as SheetRecord,
      );
      expect(v.availability).toEqual(['月・水・金午前', '土日終日']);
    });

    it('turns what it cannot read into null, never throwing', () => {
      const v = toVolunteer(records(values)[1] as SheetRecord);
      expect(v).toMatchObject({
        volunteerId: 'V-2',
        birthDate: null,
        phone: null,
        monthlyLimit: null,
        insuranceYear: null,
        consent: null,
        status: null,
        registeredOn: null,
        fields: [],
      });
    });

    it('reads a record without some columns', () => {
      const v = toVolunteer({ row: 9, fields: {}, extra: {} });
      expect(v.name).toBeNull();
      expect(v.languages).toEqual([]);
      expect(v.monthlyLimit).toBe(4);
    });

    it('prefers the display text of a number cell', () => {
      const rs = records(
        values,
        values.map((r) => r.map((c) => (c === 12 ? '0012' : String(c)))),
      );
      expect(toVolunteer(rs[0] as SheetRecord).volunteerId).toBe('0012');
    });
  });

  describe('toHelpRequest', () => {
    it('reads a request with its defaults', () => {
      const rs = records([
        ['依頼番号', '受付日', '依頼者', '内容区分', '必要人数', '在宅対応可', '状態', '担当ボランティア'],
        ['R001', 'R6.4.1', '北町 ふれあいサロン', '話し相手', '', 'はい', '調整中', 'V001、V002'],
      ]);
      const r = toHelpRequest(rs[0] as SheetRecord);
      expect(r).toMatchObject({
        requestId: 'R001',
        needed: 1,
        remoteOk: true,
        status: '調整中',
        assignedVolunteers: ['V001', 'V002'],
      });
      expect(r.receivedOn?.toISO()).toBe('2024-04-01');
    });
  });

  describe('toActivity', () => {
    it('reads hours from the display text and yes/no', () => {
      const values = [
        ['日付', '事業', '活動種別', '参加者数', '活動時間', '多世代'],
        [APRIL_1, 'ふれまち', 'サロン', '12人', new Date(Date.UTC(1899, 11, 29, 17, 0)), true],
      ];
      const display = [values[0] as string[], ['2024/04/01', 'ふれまち', 'サロン', '12人', '2:00', 'TRUE']];
      const a = toActivity(records(values, display)[0] as SheetRecord);
      expect(a).toMatchObject({
        program: 'ふれまち',
        activityType: 'サロン',
        participants: 12,
        hours: 2,
        multiGenerational: true,
      });
      expect(a.date?.toISO()).toBe('2024-04-01');
    });
  });
});
