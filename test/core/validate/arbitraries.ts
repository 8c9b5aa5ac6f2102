// Generators of validation input: values staff really type, by column type, and whole workbooks of any kind.
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/ports';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { settingsList } from '../../../src/core/sheets/settings';
import { SHEET_KINDS, type ColumnType, type SheetKind } from '../../../src/core/sheets/types';
import type { SheetInput } from '../../../src/core/validate/types';
import { day, shownOf, SETTINGS } from './helpers';

/** Values staff really type, fixable and not, mixed with anything at all. */
const INTERESTING: readonly CellValue[] = [
  '',
  ' ',
  '　',
  '#REF!',
  '#N/A',
  '#VALUE!',
  'はい',
  'いいえ',
  '○',
  '×',
  '有',
  'TRUE',
  'true',
  '同意する',
  '可',
  '不可',
  '令和6年4月1日',
  'R6.4.1',
  '2024/4/1',
  '２０２４－０４－０１',
  '2024-04-01',
  '平成31年5月1日',
  '2024年2月30日',
  '2099-01-01',
  '2024-04-01 10:00',
  '０９０１２３４５６７８',
  '090ー1234ー5678',
  '0424611234',
  '03-1234-567',
  ' 042-461-1234 ',
  '〒1880012',
  '１８８－００１２',
  '188-0012',
  'さとう はなこ',
  'ｻﾄｳ ﾊﾅｺ',
  'サトウ　ハナコ',
  '佐藤',
  'ｶﾞｯｺｳ',
  'か゛',
  '¥10,000',
  '１０，０００円',
  '10000',
  '0',
  '-5',
  '▲500',
  '1.5',
  '２',
  '3人',
  '活動中',
  ' 活動中 ',
  '活 動 中',
  'ｻﾛﾝ',
  '高齢者、子ども・子育て',
  '高齢者，ｻﾛﾝ',
  '月午前、水午後',
  '土日終日',
  '月午前(要相談)',
  '令和6年度',
  'R6',
  '昭和64年度',
  '2時間',
  '90分',
  '25',
  '10:00〜12:00',
  'Ｖ－０００１',
  'V-0001',
  'V-0001、V-0002',
  'taro@example.jp',
  'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
  'taro@',
  'R6-0012',
  'H31-0001',
  '2024-0012',
  '山田さん',
  '山田 太郎',
  'ヤマダ タロウ',
  '指定寄付',
  '発行済',
  '無効',
  '紹介済',
  '不成立',
  '受付',
  0,
  1,
  -1,
  2.5,
  45383,
  20240401,
  1880012,
  9012345678,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  day('2024-04-01'),
  day('1948-05-01'),
  day('2030-01-01'),
  new Date(Number.NaN),
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.boolean() },
);

/** Values of the right type for a column, written the many ways staff write them. */
const BY_TYPE: Partial<Record<ColumnType, readonly CellValue[]>> = {
  date: [
    '令和6年4月1日',
    'R6.4.1',
    'R06/04/01',
    '2024/4/1',
    '２０２４／４／１',
    '2024-04-01',
    '昭和23年5月1日',
    '平成31年5月1日',
    '2024年2月30日',
    '2024/4/1 10:30',
    20240401,
    45383,
    day('2025-01-31'),
    day('2027-01-01'),
  ],
  phone: [
    '０４２－４６１－１２３４',
    '0424611234',
    '042ー461ー1234',
    '042−461−1234',
    '090-1234-5678',
    '09012345678',
    ' 090-1234-5678',
    '03-1234-567',
    'TEL 042-461-1234',
    424611234,
  ],
  postal: ['1880012', '〒188-0012', '188ー0012', '１８８－００１２', '188-0012', '188-001', 1880012, 600001],
  email: [
    'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
    ' taro@example.jp',
    'taro@example.jp',
    'Taro@Example.JP',
    'taro@',
    'taro＠example。jp',
  ],
  kana: ['さとう はなこ', 'ｻﾄｳ ﾊﾅｺ', 'サトウ　ハナコ', 'サトウ ハナコ', 'か゛っこう', '佐藤 花子', 'Sato'],
  amount: ['¥10,000', '１０，０００円', '10,000円', '金10,000円也', '10000', 10000, 0, -500, '▲500', 1.5, 'たくさん'],
  integer: ['２', '3人', ' 4 ', '1万', 2, 0, -1, 1.5, '二'],
  yesno: ['はい', 'いいえ', '○', '×', '有', '無', 'TRUE', 'false', '同意する', '可', '不可', true, false, 'たぶん'],
  availability: ['月午前、水午後', '土日終日', '平日夜間', '月午前(要相談)', 'いつでも', '月〜金 午前'],
  fiscalYear: ['令和6年度', 'R6', '2024', 2024, '2024年度', '昭和64年度', 'そのうち', 6],
  time: ['2時間', '90分', '1.5', 2, 25, '10:00〜12:00', '-1'],
  id: [
    'Ｖ－０００１',
    ' V-0001',
    'V-0001',
    'V-0001、V-0002',
    'V-0001\nＶ－０００２',
    12,
    'R6-0012',
    'R6-0012',
    'H31-0001',
  ],
};

/** A value of a list, as typed: exact, with stray spaces, half-width kana, or several pieces. */
function listValueArb(values: readonly string[], multi: boolean): fc.Arbitrary<CellValue> {
  const one = fc
    .constantFrom(...values)
    .chain((v) =>
      fc.constantFrom(v, ` ${v}`, `${v}　`, v.split('').join(' '), v.normalize('NFKD'), toHalfWidthKana(v), `${v}です`),
    );
  return multi
    ? fc
        .array(one, { minLength: 1, maxLength: 3 })
        .chain((pieces) => fc.constantFrom('、', ',', '・', '\n', '，').map((sep) => pieces.join(sep)))
    : one;
}

const HALF: Record<string, string> = {
  サ: 'ｻ',
  ロ: 'ﾛ',
  ン: 'ﾝ',
  イ: 'ｲ',
  ベ: 'ﾍﾞ',
  ト: 'ﾄ',
  ボ: 'ﾎﾞ',
  ラ: 'ﾗ',
  セ: 'ｾ',
  ヤ: 'ﾔ',
  ン゛: 'ﾝ',
  ケ: 'ｹ',
  ア: 'ｱ',
  ー: 'ｰ',
};
function toHalfWidthKana(s: string): string {
  return s.replace(/[サロンイベトボラセヤケアー]/g, (c) => HALF[c] ?? c);
}

function columnArb(kind: SheetKind, header: string): fc.Arbitrary<CellValue> {
  const spec = SHEET_SPECS[kind].columns.find((c) => c.header === header);
  if (!spec) return cellArb;
  const list = spec.list ?? (spec.listFromSettings ? settingsList(SETTINGS, spec.listFromSettings) : null);
  const typed =
    list && spec.type !== 'yesno'
      ? listValueArb(list, spec.multi === true)
      : BY_TYPE[spec.type]
        ? fc.constantFrom(...(BY_TYPE[spec.type] as CellValue[]))
        : null;
  return typed ? fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: cellArb }) : cellArb;
}

/** A sheet of a kind: its canonical headers in some order, maybe an extra column, ragged rows of anything. */
function sheetArb(kind: SheetKind, name: string): fc.Arbitrary<SheetInput> {
  const headers = SHEET_SPECS[kind].columns.map((c) => c.header);
  return fc.shuffledSubarray(headers, { minLength: 1 }).chain((order) =>
    fc
      .record({
        extra: fc.boolean(),
        rows: fc.array(
          fc
            .tuple(fc.tuple(...order.map((h) => columnArb(kind, h))), fc.nat({ max: order.length + 1 }), cellArb)
            .map(([cells, cut, tail]) =>
              cut > order.length ? [...cells, tail] : cut === 0 ? cells : cells.slice(0, cut),
            ),
          { maxLength: 12 },
        ),
        displayMode: fc.constantFrom('derived', 'derived', 'missing', 'random'),
        randomDisplay: fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), { maxLength: 4 }),
      })
      .map(({ extra, rows, displayMode, randomDisplay }) => {
        const header = extra ? [...order, '備考欄メモ'] : order;
        const columns: Record<string, number> = {};
        order.forEach((h, i) => {
          const spec = SHEET_SPECS[kind].columns.find((c) => c.header === h);
          if (spec && columns[spec.key] === undefined) columns[spec.key] = i;
        });
        const values = [header as CellValue[], ...rows];
        const display =
          displayMode === 'derived'
            ? values.map((r) => r.map(shownOf))
            : displayMode === 'missing'
              ? []
              : randomDisplay;
        return { name, kind, mapping: { kind, headerRow: 1, columns }, values, display };
      }),
  );
}

export const workbookArb: fc.Arbitrary<SheetInput[]> = fc
  .uniqueArray(fc.constantFrom(...SHEET_KINDS), { minLength: 1, maxLength: 4 })
  .chain((kinds) => fc.tuple(...kinds.map((k, i) => sheetArb(k, `${k}${i}`))));
