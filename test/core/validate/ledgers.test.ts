import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { receiptFiscalYear } from '../../../src/core/validate';
import { day, found, sheet, SETTINGS, validate } from './helpers';

const ROSTER = ['登録番号', '氏名', 'フリガナ', '電話番号', '圏域', '個人情報同意', '状態'];
const roster = sheet(
  'volunteers',
  ROSTER,
  [
    ['V-0001', '山田 花子', 'ヤマダ ハナコ', '042-461-0001', '中部', 'はい', '活動中'],
    ['V-0002', '佐藤 一郎', 'サトウ イチロウ', '042-461-0002', '中部', 'はい', '休止'],
    ['V-0003', '鈴木 次郎', 'スズキ ジロウ', '042-461-0003', '中部', 'はい', '退会'],
  ],
  'ボランティア名簿',
);

const REQUESTS = [
  '依頼番号',
  '受付日',
  '依頼者',
  '圏域',
  '内容区分',
  '必要人数',
  '状態',
  '担当ボランティア',
  '不成立理由',
];
function request(
  id: string,
  status: string,
  assigned: string,
  extra: { needed?: unknown; reason?: string } = {},
): unknown[] {
  return [
    id,
    day('2026-10-01'),
    '田中 様',
    '中部',
    '話し相手',
    extra.needed ?? 1,
    status,
    assigned,
    extra.reason ?? '',
  ];
}

describe('validate/requests', () => {
  it('accepts consistent requests', () => {
    const r = validate([
      roster,
      sheet('requests', REQUESTS, [
        request('R-1', '受付', ''),
        request('R-2', '紹介済', 'V-0001'),
        request('R-3', '不成立', '', { reason: '担い手不足' }),
      ]),
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reports assigned ids that are not in the roster, have withdrawn, or are not active', () => {
    const r = validate([
      roster,
      sheet('requests', REQUESTS, [request('R-1', '活動中', 'V-0001、V-0009、V-0003\nV-0002')]),
    ]);
    expect(
      r.issues.filter((i) => i.sheet === 'requests').map((i) => [i.code, i.severity, i.message.ja.slice(0, 15)]),
    ).toEqual([
      ['requests.inactiveVolunteer', 'warning', '担当ボランティアの「V-000'],
      ['requests.unknownVolunteer', 'error', '担当ボランティアの「V-000'],
      ['requests.withdrawnVolunteer', 'error', '担当ボランティアの「V-000'],
    ]);
    expect(found(r, 'requests.unknownVolunteer')[0]?.message.ja).toContain('「V-0009」');
  });

  it('leaves closed requests alone, and skips the roster checks when there is no roster', () => {
    expect(validate([roster, sheet('requests', REQUESTS, [request('R-1', '終了', 'V-0003、V-0009')])]).issues).toEqual(
      [],
    );
    expect(validate([sheet('requests', REQUESTS, [request('R-1', '活動中', 'V-0009')])]).issues).toEqual([]);
  });

  it('wants 必要人数 of at least 1 (blank is 1)', () => {
    const r = validate([
      sheet('requests', REQUESTS, [
        request('R-1', '受付', '', { needed: 0 }),
        request('R-2', '受付', '', { needed: '' }),
        request('R-3', '受付', '', { needed: -1 }),
      ]),
    ]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'requests.neededBelowOne'],
      [4, 'integer.negative'],
    ]);
  });

  it('checks that 状態 agrees with the assignments', () => {
    const r = validate([
      roster,
      sheet('requests', REQUESTS, [
        request('R-1', '紹介済', ''),
        request('R-2', '活動中', ''),
        request('R-3', '受付', 'V-0001'),
        request('R-4', '不成立', ''),
      ]),
    ]);
    expect(r.issues.filter((i) => i.sheet === 'requests').map((i) => [i.row, i.code, i.column, i.severity])).toEqual([
      [2, 'requests.noAssignment', '担当ボランティア', 'error'],
      [3, 'requests.noAssignment', '担当ボランティア', 'error'],
      [4, 'requests.assignedWhileReceived', '担当ボランティア', 'warning'],
      [5, 'requests.noFailureReason', '不成立理由', 'warning'],
    ]);
  });
});

const DONATIONS = ['領収書番号', '受領日', '寄付者番号', '寄付者名', '住所', '区分', '指定先', '金額', '領収書'];
function gift(
  no: string,
  date: unknown,
  extra: Partial<Record<'donor' | 'name' | 'address' | 'type' | 'to' | 'amount' | 'receipt', unknown>> = {},
): unknown[] {
  return [
    no,
    date,
    extra.donor ?? '',
    extra.name ?? '山田 花子',
    extra.address ?? '西東京市南町1-2-3',
    extra.type ?? '一般寄付',
    extra.to ?? '',
    extra.amount ?? 5000,
    extra.receipt ?? '発行済',
  ];
}

describe('validate/donations', () => {
  it.each([
    ['R6-0012', 2024],
    ['R06-12', 2024],
    ['令和6-0012', 2024],
    ['R元-0001', 2019],
    ['H31-0001', 2019],
    ['H30-0001', 2018],
    ['2024-0012', 2024],
    ['ｒ６－００１２', 2024],
    ['0012', null],
    ['H32-0001', null],
    ['S64-0001', null],
  ])('reads the fiscal year %s encodes as %s', (no, fy) => {
    expect(receiptFiscalYear(no)).toBe(fy);
  });

  it('reports a 受領日 outside the fiscal year its receipt number encodes', () => {
    const r = validate([
      sheet('donations', DONATIONS, [
        gift('R6-0001', day('2024-04-01')),
        gift('R6-0002', day('2024-03-29')),
        gift('R6-0003', day('2025-03-31')),
      ]),
    ]);
    expect(found(r, 'donations.receiptYearMismatch')).toEqual([
      expect.objectContaining({ row: 3, column: '受領日', severity: 'error' }),
    ]);
    expect(found(r, 'donations.receiptYearMismatch')[0]?.message.ja).toBe(
      '領収書番号「R6-0002」は令和6年度（2024-04-01〜2025-03-31）の番号ですが、受領日 2024-03-29 はその年度の外です。受領日か領収書番号を確認してください',
    );
  });

  it('keeps receipt numbers unique within a fiscal year, voided receipts aside', () => {
    const r = validate([
      sheet('donations', DONATIONS, [
        gift('0012', day('2024-05-01'), { name: 'A' }),
        gift('0012', day('2025-05-01'), { name: 'B' }),
        gift('0012', day('2024-06-01'), { name: 'C' }),
        gift('R6-0013', day('2024-06-01'), { name: 'D', receipt: '無効' }),
        gift('R6-0013', day('2024-06-01'), { name: 'E' }),
      ]),
    ]);
    expect(found(r, 'donations.receiptDuplicate').map((i) => [i.row, i.column, i.severity])).toEqual([
      [4, '領収書番号', 'error'],
    ]);
    expect(found(r, 'donations.receiptDuplicate')[0]?.message.ja).toMatch(
      /^領収書番号「0012」は2行目と重複しています（令和6年度の中で）/,
    );
  });

  it('wants 指定先 for a 指定寄付', () => {
    const r = validate([
      sheet('donations', DONATIONS, [
        gift('R6-1', day('2024-05-01'), { type: '指定寄付' }),
        gift('R6-2', day('2024-05-01'), { type: '指定寄付', to: '子ども食堂', name: 'B' }),
      ]),
    ]);
    expect(found(r, 'donations.designationMissing')).toEqual([
      expect.objectContaining({ row: 2, column: '指定先', severity: 'error' }),
    ]);
  });

  it('wants the donor name and address on an issued receipt', () => {
    const r = validate([
      sheet('donations', DONATIONS, [
        gift('R6-1', day('2024-05-01'), { address: '' }),
        gift('R6-2', day('2024-05-01'), { address: '', receipt: '未発行', name: 'B' }),
      ]),
    ]);
    expect(found(r, 'donations.receiptNeedsDonor').map((i) => [i.row, i.column])).toEqual([[2, '住所']]);
  });

  it('warns about the same donor, date and amount twice, naming both rows (not voided ones, not anonymous gifts)', () => {
    const r = validate([
      sheet('donations', DONATIONS, [
        gift('R6-1', day('2024-05-01'), { donor: 'D-0001', name: '山田 花子' }),
        gift('R6-2', day('2024-05-01'), { donor: 'D-0001', name: '山田　花子' }),
        gift('R6-3', day('2024-05-01'), { name: '匿名', address: '', receipt: '未発行' }),
        gift('R6-4', day('2024-05-01'), { name: '匿名', address: '', receipt: '未発行' }),
        gift('R6-5', day('2024-05-01'), { name: '高橋 一郎' }),
        gift('R6-6', day('2024-05-01'), { name: '髙橋 一郎', receipt: '無効' }),
      ]),
    ]);
    expect(found(r, 'donations.possibleDuplicate').map((i) => [i.row, i.column, i.severity])).toEqual([
      [3, '金額', 'warning'],
    ]);
    expect(found(r, 'donations.possibleDuplicate')[0]?.message.ja).toContain(
      '2行目と3行目は同じ寄付者・同じ受領日・同じ金額です',
    );
  });
});

const MEMBERS = ['会員番号', '氏名・団体名', '会員種別', '口数', '単価', '金額', '年度', '納入日'];

describe('validate/memberships', () => {
  it('wants 金額 = 口数 × 単価, reading amounts typed as text', () => {
    const r = validate([
      sheet('memberships', MEMBERS, [
        ['M-1', '山田 花子', '普通会員', 2, 500, 1000, 2026, day('2026-06-01')],
        ['M-2', '佐藤 一郎', '普通会員', 2, 500, 500, 2026, day('2026-06-01')],
        ['M-3', '鈴木 次郎', '普通会員', '２', '500円', '¥1,000', 2026, day('2026-06-01')],
      ]),
    ]);
    expect(found(r, 'memberships.amountMismatch')).toEqual([
      expect.objectContaining({
        row: 3,
        column: '金額',
        severity: 'error',
        suggestion: '1,000円（口数・単価が正しい場合）',
      }),
    ]);
    expect(found(r, 'memberships.amountMismatch')[0]?.message.ja).toContain('2口 × 500円 ＝ 1,000円');
  });

  it('wants 年度 to be the fiscal year of 納入日', () => {
    const r = validate([
      sheet('memberships', MEMBERS, [
        ['M-1', '山田 花子', '普通会員', 1, 500, 500, '令和7年度', day('2026-03-31')],
        ['M-2', '佐藤 一郎', '普通会員', 1, 500, 500, '令和7年度', day('2026-04-01')],
      ]),
    ]);
    expect(found(r, 'memberships.yearMismatch').map((i) => [i.row, i.column])).toEqual([[3, '年度']]);
  });

  it('warns about two payments of one member in one fiscal year, not in different years', () => {
    const r = validate([
      sheet('memberships', MEMBERS, [
        ['M-1', '山田 花子', '普通会員', 1, 500, 500, 2025, day('2025-06-01')],
        ['M-1', '山田 花子', '普通会員', 1, 500, 500, 2026, day('2026-06-01')],
        ['M-1', '山田 花子', '普通会員', 1, 500, 500, 2026, day('2026-07-01')],
      ]),
    ]);
    expect(found(r, 'memberships.paidTwice').map((i) => i.row)).toEqual([4]);
    expect(found(r, 'id.duplicate')).toEqual([]);
  });
});

const ACTIVITIES = ['日付', '事業', '活動種別', '圏域', '登録番号', '依頼番号', '参加者数', '活動時間', '多世代'];

describe('validate/activities', () => {
  const requests = sheet('requests', REQUESTS, [request('R-0001', '活動中', 'V-0001')]);

  it('accepts a clean log', () => {
    const r = validate([
      roster,
      requests,
      sheet('activities', ACTIVITIES, [
        [day('2026-11-26'), 'ボラセン', '助け合い活動', '中部', 'V-0001', 'R-0001', 1, 1.5, 'いいえ'],
      ]),
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reports a date after today', () => {
    const r = validate([
      sheet('activities', ACTIVITIES, [[day('2026-11-27'), 'ボラセン', 'サロン', '中部', '', '', 10, 2, 'いいえ']]),
    ]);
    expect(found(r, 'date.future')).toEqual([expect.objectContaining({ column: '日付', severity: 'error' })]);
  });

  it('wants 参加者数 a whole number ≥ 0 and 活動時間 between 0 and 24', () => {
    const r = validate([
      sheet('activities', ACTIVITIES, [
        [day('2026-11-01'), 'ふれまち', 'サロン', '中部', '', '', -3, 2, 'いいえ'],
        [day('2026-11-01'), 'ふれまち', 'サロン', '中部', '', '', 2.5, 30, 'いいえ'],
        [day('2026-11-01'), 'ふれまち', 'サロン', '中部', '', '', 0, '24時間', 'いいえ'],
      ]),
    ]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'integer.negative'],
      [3, 'integer.notInteger'],
      [3, 'activities.hoursOutOfRange'],
    ]);
  });

  it('reports 登録番号 and 依頼番号 that do not exist, when given', () => {
    const r = validate([
      roster,
      requests,
      sheet('activities', ACTIVITIES, [
        [day('2026-11-01'), 'ボラセン', '助け合い活動', '中部', 'V-0001、V-0404', 'R-0404', 1, 1, 'いいえ'],
      ]),
    ]);
    expect(r.issues.filter((i) => i.sheet === 'activities').map((i) => [i.code, i.column, i.severity])).toEqual([
      ['activities.unknownVolunteer', '登録番号', 'warning'],
      ['activities.unknownRequest', '依頼番号', 'warning'],
    ]);
  });
});

const CONSULTATIONS = ['受付日', '圏域', '経路', '相談分類', '対応状況', 'つなぎ先'];

describe('validate/consultations', () => {
  function names(cells: string[]): string[] {
    const rows = cells.map((c) => [day('2026-11-01'), '中部', '電話', '介護', 'つなぎ', c]);
    return validate([sheet('consultations', CONSULTATIONS, rows)])
      .issues.filter((i) => i.code === 'consultations.personalName')
      .map((i) => i.value);
  }

  it('reports categories outside the list', () => {
    const r = validate([
      sheet('consultations', CONSULTATIONS, [[day('2026-11-01'), '中部', '電話', '介護、借金', '継続', '']]),
    ]);
    expect(found(r, 'list.notAllowed').map((i) => i.message.ja.slice(0, 4))).toEqual(['「借金」']);
  });

  it.each([
    '山田さん',
    '佐藤様から',
    '鈴木氏',
    'タナカくん',
    '民生委員の山田さんへ',
    '山田 太郎',
    '山田 太郎が来所',
    'マリア・サントス',
    'ヤマダ タロウ',
  ])('warns that %s looks like a name', (cell) => {
    expect(names([cell])).toEqual([cell]);
  });

  it.each([
    '地域包括支援センター',
    '民生委員さん',
    'ご本人様',
    'お子さん',
    '息子さんが同席',
    '包括の職員さん',
    'ケアマネさん',
    '様子を見る',
    '氏名不詳',
    'フード バンク',
    '生活 困窮',
    '福祉事務所 生活福祉課',
    '保健師さんと訪問',
    '皆様',
  ])('does not take %s for a name', (cell) => {
    expect(names([cell])).toEqual([]);
  });

  it('looks into columns Tsunagu does not know, where notes creep in', () => {
    const r = validate([
      sheet(
        'consultations',
        [...CONSULTATIONS, 'メモ欄'],
        [[day('2026-11-01'), '中部', '電話', '介護', '継続', '', '山田さんの件']],
      ),
    ]);
    expect(found(r, 'consultations.personalName')).toEqual([
      expect.objectContaining({ column: 'メモ欄', columnIndex: 6, severity: 'warning' }),
    ]);
  });

  it('knows area names and 設定 words are not names', () => {
    expect(names(['中部 南部'])).toEqual([]);
    expect(SETTINGS.areas.length).toBeGreaterThan(0);
  });
});
