// Tests classifyRows: staff's totals, notes, headings and end marks are set aside, data rows are kept, and nothing else moves.
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import { classifyRows } from '../../../src/core/sheets/row-kinds';
import type { ColumnMapping } from '../../../src/core/sheets/mapping';

const ROSTER: ColumnMapping = {
  kind: 'volunteers',
  headerRow: 1,
  columns: { volunteerId: 0, name: 1, phone: 2, note: 3 },
};
const DONATIONS: ColumnMapping = {
  kind: 'donations',
  headerRow: 1,
  columns: { receiptNo: 0, receivedOn: 1, donorName: 2, amount: 3, note: 4 },
};
const MEMBERS: ColumnMapping = {
  kind: 'memberships',
  headerRow: 1,
  columns: { memberId: 0, name: 1, branch: 2, units: 3, amount: 4 },
};

const reasons = (rows: ReturnType<typeof classifyRows>) => rows.setAside.map((s) => `${s.row}:${s.reason}`);

describe('classifyRows', () => {
  it('sets aside a 計 row, a 「計 25名」 row, a ※ note and 以下余白, and keeps every data row', () => {
    const rows = classifyRows(ROSTER, [
      ['登録番号', '氏名', '電話番号', '備考'],
      ['V-1', '山田 花子', '042-461-1234', ''],
      ['V-2', '計良 太郎', '090-1234-5678', '合計'],
      ['', '計 25名', '', ''],
      ['※ 退会した方は「退会者」シートに移しています', '', '', ''],
      ['以下余白', '', '', ''],
      ['', '', '', ''],
      ['V-3', '佐藤 一郎', '', ''],
    ]);
    expect(rows.data).toEqual([1, 2, 7]);
    expect(reasons(rows)).toEqual(['4:total', '5:note', '6:endMarker']);
    expect(rows.setAside[0]?.text).toBe('計 25名');
    expect(rows.setAside[0]?.message.ja).toBe('「計 25名」: 合計・小計の行');
    expect(rows.blank).toBe(1);
    expect(rows.undecided).toEqual([]);
  });

  it('reads the words staff use for totals, and not the words that only contain 計', () => {
    const label = (text: string) =>
      classifyRows(DONATIONS, [['h'], ['R6-1', '', '山田', 1000, ''], ['', '', text, 1000, '']]).setAside.length === 1;
    for (const total of [
      '計',
      '合計',
      '小計',
      '総計',
      '累計',
      '総合計',
      '合 計',
      '【合計】',
      '■小計',
      '＜計＞',
      '計：',
      '計 3件',
      '合計 120,000円',
      '北支部 小計',
      '北支部計',
      '4月計',
      '令和6年度合計',
      '小計（北支部）',
      '寄付金額合計',
      'Total',
      'Grand total',
      'Subtotal',
    ])
      expect(label(total), total).toBe(true);
    for (const text of [
      '会計',
      '家計',
      '集計表',
      '時計',
      '設計事務所',
      '計良',
      '山田 計',
      '合計でなく個別に',
      'Totalization',
    ])
      expect(label(text), text).toBe(false);
  });

  it('keeps a row with an id or a name as data, whatever its 備考 says', () => {
    const rows = classifyRows(DONATIONS, [
      ['領収書番号', '受領日', '寄付者名', '金額', '備考'],
      ['R6-1', '2024-04-01', '山田', 1000, '合計'],
      ['R6-2', '2024-04-02', '', 2000, '※領収書再発行'],
      ['', '', '計', 3000, ''],
    ]);
    expect(rows.data).toEqual([1, 2]);
    expect(reasons(rows)).toEqual(['4:total']);
  });

  it('sets aside 小計 rows per 支部, section headings and the 総計, and keeps the members', () => {
    const rows = classifyRows(MEMBERS, [
      ['会員番号', '氏名・団体名', '支部', '口数', '金額'],
      ['【北東部支部】', '', '', '', ''],
      ['M-1', '山田', '北東部支部', 1, 1000],
      ['M-2', '佐藤', '北東部支部', 2, 2000],
      ['', '北東部支部 小計', '', 3, 3000],
      ['■ 南部支部', '', '', '', ''],
      ['M-3', '鈴木', '南部支部', 1, 1000],
      ['', '小計', '', 1, 1000],
      ['総計', '', '', 4, 4000],
    ]);
    expect(rows.data).toEqual([2, 3, 6]);
    expect(reasons(rows)).toEqual(['2:heading', '5:total', '6:heading', '8:total', '9:total']);
  });

  it('sets aside a row that only holds the sums of the column above (=SUM without a label)', () => {
    const rows = classifyRows(DONATIONS, [
      ['領収書番号', '受領日', '寄付者名', '金額', '備考'],
      ['R6-1', '2024-04-01', '山田', 1000, ''],
      ['R6-2', '2024-04-02', '佐藤', 2500, ''],
      ['', '', '', 3500, ''],
    ]);
    expect(reasons(rows)).toEqual(['4:sum']);
    expect(rows.data).toEqual([1, 2]);
  });

  it('leaves a numbers-only row that sums nothing undecided, and lets its formulas decide', () => {
    const values = [
      ['領収書番号', '受領日', '寄付者名', '金額', '備考'],
      ['R6-1', '2024-04-01', '山田', 1000, ''],
      ['R6-2', '2024-04-02', '佐藤', 2500, ''],
      ['', '', '', 3000, ''],
    ];
    const first = classifyRows(DONATIONS, values);
    expect(first.undecided).toEqual([4]);
    expect(first.data).toEqual([1, 2, 3]);
    const summed = classifyRows(DONATIONS, values, { formulas: new Map([[4, ['', '', '', '=SUM(D2:D3)-500', '']]]) });
    expect(reasons(summed)).toEqual(['4:formula']);
    expect(summed.undecided).toEqual([]);
    const typed = classifyRows(DONATIONS, values, { formulas: new Map([[4, ['', '', '', '', '']]]) });
    expect(typed.data).toEqual([1, 2, 3]);
    expect(typed.undecided).toEqual([]);
  });

  it('does not take a copy of one row for its sum: an entry missing its name stays data', () => {
    const rows = classifyRows(DONATIONS, [
      ['領収書番号', '受領日', '寄付者名', '金額', '備考'],
      ['R6-1', '2024-04-01', '山田', 1000, ''],
      ['', '', '', 1000, ''],
    ]);
    expect(rows.data).toEqual([1, 2]);
    expect(rows.undecided).toEqual([3]);
  });

  it('starts below a header on row 3 and numbers rows as the sheet does', () => {
    const rows = classifyRows({ ...ROSTER, headerRow: 3 }, [
      ['令和6年度 ボランティア登録者名簿', '', '', ''],
      ['', '', '', ''],
      ['登録番号', '氏名', '電話番号', '備考'],
      ['V-1', '山田', '', ''],
      ['', '計 1名', '', ''],
    ]);
    expect(rows.data).toEqual([3]);
    expect(reasons(rows)).toEqual(['5:total']);
    const offset = classifyRows(
      { ...ROSTER, headerRow: 3 },
      [
        ['V-1', '山田', '', ''],
        ['', '計 1名', '', ''],
      ],
      {
        firstRow: 4,
      },
    );
    expect(offset.data).toEqual([0]);
    expect(reasons(offset)).toEqual(['5:total']);
  });

  it('keeps every non-blank row of Tsunagu’s own tables (設定) as data', () => {
    const rows = classifyRows({ kind: 'settings', headerRow: 1, columns: { item: 0, value: 1 } }, [
      ['項目', '値'],
      ['団体名', '合計社協'],
      ['※ メモ', ''],
    ]);
    expect(rows.data).toEqual([1, 2]);
    expect(rows.setAside).toEqual([]);
  });

  it('never sets aside a row that has an id or a name (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '計', '合計', '※メモ', '以下余白', '【北】', '小計 3名'),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -5, max: 5000 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell, cell), { maxLength: 12 }), (body) => {
        const values = [['領収書番号', '受領日', '寄付者名', '金額', '備考'], ...body];
        const rows = classifyRows(DONATIONS, values);
        const aside = new Set(rows.setAside.map((s) => s.row - 1));
        const nonBlank = body.filter((r) => r.some((c) => !(c === '' || (typeof c === 'string' && c.trim() === ''))));
        expect(rows.data.length + rows.setAside.length).toBe(nonBlank.length);
        expect(rows.data.length + rows.setAside.length + rows.blank).toBe(body.length);
        for (const i of rows.data) expect(aside.has(i)).toBe(false);
        for (const s of rows.setAside) {
          const row = values[s.row - 1] as unknown[];
          const id = row[0];
          const name = row[2];
          const named = (v: unknown) => !(v === '' || (typeof v === 'string' && v.trim() === ''));
          // An id or a name that is not itself the label keeps a row as data.
          if (named(id) && named(name)) throw new Error(`row ${s.row} set aside with id and name`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
