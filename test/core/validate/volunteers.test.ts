import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { PlainDate } from '../../../src/core/text/plainDate';
import { day, found, sheet, SETTINGS, validate } from './helpers';

const HEADER = [
  '登録番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '住所',
  '電話番号',
  '圏域',
  '保険加入年度',
  '個人情報同意',
  '状態',
];

interface Person {
  id: string;
  name?: string;
  kana?: string;
  birth?: unknown;
  address?: string;
  phone?: string;
  insurance?: unknown;
  consent?: unknown;
  status?: string;
}

let serial = 0;
function row(p: Person): unknown[] {
  serial++;
  return [
    p.id,
    p.name ?? `佐藤 ${serial}郎`,
    p.kana ??
      `サトウ ${'イチニサンシゴロクナナハチキュウ'.slice(serial % 9, (serial % 9) + 2)}${serial}`.replace(/\d/g, ''),
    p.birth ?? day(`19${40 + serial}-0${(serial % 9) + 1}-1${serial % 9}`),
    p.address ?? `西東京市南町${serial}-1-1`,
    p.phone ?? `042-46${serial % 10}-${String(1000 + serial).slice(-4)}`,
    '中部',
    p.insurance ?? 2026,
    p.consent ?? 'はい',
    p.status ?? '活動中',
  ];
}

const REQUESTS = ['依頼番号', '受付日', '依頼者', '圏域', '内容区分', '状態', '担当ボランティア'];

describe('validate/volunteers', () => {
  describe('probable duplicates', () => {
    it('names both rows when furigana and birth date match, whatever the kanji or the kana form', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-0001', name: '山崎 花子', kana: 'ヤマザキ ハナコ', birth: day('1950-06-01') }),
          row({ id: 'V-0002' }),
          row({ id: 'V-0003', name: '山﨑 花子', kana: 'やまざき はなこ', birth: '昭和25年6月1日' }),
        ]),
      ]);
      const [issue] = found(r, 'volunteers.duplicatePerson');
      expect(issue).toMatchObject({ row: 4, column: 'フリガナ', severity: 'warning' });
      expect(issue?.message.ja).toBe(
        '2行目と4行目は同じ人の可能性があります（フリガナと生年月日が同じ）。同じ人なら登録を1つにまとめてください（自動ではまとめません）',
      );
      expect(issue?.suggestion).toBe('2行目（V-0001）と照合してください');
      expect(issue?.suggestionEn).toBe('compare with row 2 (V-0001)');
      expect(issue?.fix).toBeUndefined();
    });

    it('finds the same birth day in a Date cell from the summer-time years and in text', () => {
      // 1949-07-01 00:00 in Tokyo was 00:00 JDT (UTC+10): 1949-06-30 14:00 UTC, as Sheets hands it over.
      const midnightJdt = new Date(Date.UTC(1949, 5, 30, 14, 0, 0));
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-0001', kana: 'ヤマダ ハナコ', birth: midnightJdt, phone: '042-461-0001' }),
          row({ id: 'V-0002', kana: 'ヤマダ ハナコ', birth: '昭和24年7月1日', phone: '042-461-0002' }),
          row({ id: 'V-0003', kana: 'ヤマダ ハナコ', birth: '1949-06-30', phone: '042-461-0003' }),
        ]),
      ]);
      expect(found(r, 'volunteers.duplicatePerson').map((i) => [i.row, i.suggestion])).toEqual([
        [3, '2行目（V-0001）と照合してください'],
      ]);
    });

    it('finds the same phone digits however they are written', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-0001', phone: '090-1234-5678' }),
          row({ id: 'V-0002', phone: '０９０１２３４５６７８' }),
        ]),
      ]);
      expect(found(r, 'volunteers.duplicatePerson').map((i) => [i.row, i.column])).toEqual([[3, '電話番号']]);
      expect(found(r, 'volunteers.duplicatePerson')[0]?.message.ja).toMatch(
        /^2行目と3行目は同じ人の可能性があります（電話番号が同じ）/,
      );
    });

    it('finds the same name and address written with 丁目・番・号 or hyphens and 異体字', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-0001', name: '髙橋 一郎', address: '東京都西東京市南町一丁目2番3号' }),
          row({ id: 'V-0002', name: '高橋一郎', address: '西東京市南町1-2-3' }),
        ]),
      ]);
      expect(found(r, 'volunteers.duplicatePerson').map((i) => [i.row, i.column])).toEqual([[3, '氏名']]);
      expect(found(r, 'volunteers.duplicatePerson')[0]?.message.ja).toContain('（氏名と住所が同じ）');
    });

    it('names every reason once when several match', () => {
      const a = {
        name: '鈴木 一',
        kana: 'スズキ ハジメ',
        birth: day('1960-01-02'),
        phone: '042-461-9999',
        address: '西東京市泉町1-1-1',
      };
      const r = validate([sheet('volunteers', HEADER, [row({ id: 'V-0001', ...a }), row({ id: 'V-0002', ...a })])]);
      expect(found(r, 'volunteers.duplicatePerson')).toHaveLength(1);
      expect(found(r, 'volunteers.duplicatePerson')[0]?.message.ja).toContain(
        '（フリガナと生年月日、電話番号、氏名と住所が同じ）',
      );
    });

    it('compares every later row with the first one of a group', () => {
      const same = { kana: 'スズキ ハジメ', birth: day('1960-01-02') };
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-1', ...same }),
          row({ id: 'V-2', ...same }),
          row({ id: 'V-3', ...same }),
        ]),
      ]);
      expect(found(r, 'volunteers.duplicatePerson').map((i) => [i.row, i.message.ja.slice(0, 8)])).toEqual([
        [3, '2行目と3行目は'],
        [4, '2行目と4行目は'],
      ]);
    });

    it('does not pair people who share only a name, a birth date or a surname reading', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-0001', name: '田中 花子', kana: 'タナカ ハナコ', birth: day('1950-01-01') }),
          row({ id: 'V-0002', name: '田中 花子', kana: 'タナカ ハナコ', birth: day('1951-01-01') }),
          row({ id: 'V-0003', name: '田中 次郎', kana: 'タナカ ジロウ', birth: day('1950-01-01') }),
        ]),
      ]);
      expect(found(r, 'volunteers.duplicatePerson')).toEqual([]);
    });
  });

  describe('consent', () => {
    it('warns that a volunteer without consent cannot be matched', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-1', consent: 'いいえ' }),
          row({ id: 'V-2', consent: '' }),
          row({ id: 'V-3', consent: '○' }),
          row({ id: 'V-4', consent: false }),
        ]),
      ]);
      expect(found(r, 'volunteers.noConsent').map((i) => [i.row, i.severity])).toEqual([
        [2, 'warning'],
        [3, 'warning'],
        [5, 'warning'],
      ]);
      expect(found(r, 'volunteers.noConsent')[0]?.message.ja).toContain('マッチングの対象になりません');
    });

    it('says nothing about consent for people who paused or left', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-1', consent: 'いいえ', status: '退会' }),
          row({ id: 'V-2', consent: '', status: '休止' }),
        ]),
      ]);
      expect(found(r, 'volunteers.noConsent')).toEqual([]);
    });
  });

  describe('insurance', () => {
    it('warns when 保険加入年度 is before the current fiscal year or blank, for active volunteers only', () => {
      const r = validate([
        sheet('volunteers', HEADER, [
          row({ id: 'V-1', insurance: 2025 }),
          row({ id: 'V-2', insurance: '' }),
          row({ id: 'V-3', insurance: '令和8年度' }),
          row({ id: 'V-4', insurance: 2027 }),
          row({ id: 'V-5', insurance: 2020, status: '休止' }),
        ]),
      ]);
      expect(found(r, 'volunteers.insuranceLapsed').map((i) => i.row)).toEqual([2, 3]);
      expect(found(r, 'volunteers.insuranceLapsed')[0]?.message.ja).toContain('今年度（令和8年度）');
    });

    it('judges the current fiscal year from today and the 設定 start month', () => {
      const sheets = [sheet('volunteers', HEADER, [row({ id: 'V-1', insurance: 2025 })])];
      const march = PlainDate.of(2026, 3, 31) as PlainDate;
      expect(found(validate(sheets, { today: march }), 'volunteers.insuranceLapsed')).toEqual([]);
      const januaryStart = { ...SETTINGS, fiscalYearStartMonth: 1 };
      expect(
        found(validate(sheets, { today: march, settings: januaryStart }), 'volunteers.insuranceLapsed'),
      ).toHaveLength(1);
    });
  });

  describe('withdrawn volunteers', () => {
    it('reports 退会 while an open request (紹介済 / 活動中) lists the volunteer', () => {
      const r = validate([
        sheet('volunteers', HEADER, [row({ id: 'V-0001', status: '退会' }), row({ id: 'V-0002', status: '退会' })]),
        sheet('requests', REQUESTS, [
          ['R-0001', day('2026-10-01'), '田中 様', '中部', '話し相手', '活動中', 'V-0001、V-0009'],
          ['R-0002', day('2026-10-01'), '田中 様', '中部', '話し相手', '終了', 'V-0002'],
        ]),
      ]);
      expect(found(r, 'volunteers.withdrawnWithAssignments')).toEqual([
        expect.objectContaining({ sheet: 'volunteers', row: 2, column: '状態', severity: 'error' }),
      ]);
      expect(found(r, 'volunteers.withdrawnWithAssignments')[0]?.message.ja).toContain('R-0001（requests 2行目）');
    });
  });

  describe('registration form answers', () => {
    it('are checked as a roster: formats, duplicates and consent', () => {
      const header = [
        'タイムスタンプ',
        'お名前',
        'ふりがな',
        '生年月日',
        '電話番号',
        '個人情報の取り扱いに同意',
        '活動分野',
      ];
      const r = validate([
        sheet(
          'volunteerFormAnswers',
          header,
          [
            [day('2026-11-01'), '山田 花子', 'やまだ はなこ', '1950/6/1', '09012345678', '同意する', '高齢者'],
            [day('2026-11-02'), '山田 花子', 'ヤマダ ハナコ', day('1950-06-01'), '090-1234-5678', 'いいえ', '高齢者'],
          ],
          'フォームの回答 1',
        ),
      ]);
      expect(r.issues.map((i) => [i.row, i.code])).toEqual([
        [2, 'kana.hiragana'],
        [2, 'date.text'],
        [2, 'phone.format'],
        [2, 'yesno.variant'],
        [3, 'volunteers.duplicatePerson'],
        [3, 'volunteers.noConsent'],
      ]);
    });
  });
});

describe('validate/volunteers keys', () => {
  it('reads furigana and phone digits the same way whatever spaces, widths and invisible characters they hold', async () => {
    const { kanaKey, phoneDigitsKey, nameKey, addressKey } = await import('../../../src/core/validate/keys');
    expect(
      new Set(['ヤマダ ハナコ', 'やまだ　はなこ', 'ﾔﾏﾀﾞ\tﾊﾅｺ', 'ヤマダ\u200Bハナコ', 'ヤマダ・ハナコ'].map(kanaKey)),
    ).toEqual(new Set(['ヤマダハナコ']));
    expect(phoneDigitsKey('０９０－１２３４－５６７８')).toBe(phoneDigitsKey('090-1234-5678'));
    expect(phoneDigitsKey('0424611234')).not.toBe(phoneDigitsKey('04246112345'));
    expect(phoneDigitsKey('4611234')).toBeNull();
    expect(nameKey('渡邉 太郎')).toBe(nameKey('渡辺太郎'));
    expect(nameKey('𠮷田 花子')).toBe(nameKey('吉田 花子'));
    expect(addressKey('東京都西東京市南町一丁目2番3号 ハイツ101')).toBe(addressKey('西東京市南町1-2-3ハイツ101'));
    expect(addressKey('西東京市南町1丁目2-3')).toBe(addressKey('西東京市南町1-2-3'));
    expect(addressKey('西東京市南町1-2-3')).not.toBe(addressKey('西東京市南町1-2-4'));
  });

  describe('contact columns: 携帯, 自宅電話, FAX, 緊急連絡先(電話)', () => {
    const CONTACT = ['登録番号', '氏名', 'フリガナ', '自宅電話', '携帯', 'FAX', '緊急連絡先(電話)', '状態'];

    it('checks each as a phone number and recovers a mobile stored as a number without its 0', () => {
      const r = validate([
        sheet('volunteers', CONTACT, [
          [
            'V-1',
            '山田 花子',
            'ヤマダ ハナコ',
            424611234,
            9012345678,
            '042-461-12345',
            '０８０－１２３４－５６７８',
            '活動中',
          ],
        ]),
      ]);
      const byColumn = new Map(r.issues.map((i) => [i.column, i]));
      expect(byColumn.get('自宅電話')).toMatchObject({
        code: 'phone.format',
        fix: { kind: 'phone', to: '042-461-1234' },
      });
      expect(byColumn.get('携帯')).toMatchObject({ code: 'phone.format', fix: { kind: 'phone', to: '090-1234-5678' } });
      expect(byColumn.get('FAX')?.code).toBe('phone.digitCount');
      expect(byColumn.get('緊急連絡先(電話)')).toMatchObject({
        code: 'phone.format',
        fix: { kind: 'width', to: '080-1234-5678' },
      });
    });

    it('asks for a number only when both 自宅電話 and 携帯 are blank', () => {
      const r = validate([
        sheet('volunteers', CONTACT, [
          ['V-1', '山田 花子', 'ヤマダ ハナコ', '', '090-1234-5678', '', '', '活動中'],
          ['V-2', '佐藤 一郎', 'サトウ イチロウ', '', '', '', '', '活動中'],
        ]),
      ]);
      const contact = r.issues.filter((i) => i.code === 'required.recommended' && i.column !== 'フリガナ');
      expect(contact.map((i) => [i.row, i.column, i.message.ja])).toEqual([
        [3, '自宅電話', '「自宅電話」と「携帯」が空欄です。連絡に使うため入力してください'],
      ]);
    });

    it('finds the same person registered twice by the mobile number, a number cell included', () => {
      const r = validate([
        sheet('volunteers', CONTACT, [
          ['V-1', '山田 花子', 'ヤマダ ハナコ', '042-461-1234', '090-1234-5678', '', '', '活動中'],
          ['V-2', '山田 はな', 'ヤマダ ハナ', '', 9012345678, '', '', '活動中'],
        ]),
      ]);
      expect(found(r, 'volunteers.duplicatePerson').map((i) => [i.row, i.column, i.value])).toEqual([
        [3, '携帯', '9012345678'],
      ]);
    });
  });
});
