import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { day, sheet, validate } from './helpers';

const HEADER = [
  '登録番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '郵便番号',
  '電話番号',
  'メール',
  '圏域',
  '活動分野',
  '活動可能日時',
  '月間上限',
  '保険加入年度',
  '個人情報同意',
  '状態',
];
const CLEAN: unknown[] = [
  'V-0001',
  '山田 花子',
  'ヤマダ ハナコ',
  day('1948-05-01'),
  '188-0012',
  '042-461-1234',
  'hanako@example.jp',
  '中部',
  '高齢者',
  '月午前',
  4,
  2026,
  'はい',
  '活動中',
];

/** [column, as typed, expected code (null: accepted), the fixed value (null: no fix)] */
type Case = readonly [string, unknown, string | null, string | number | null];

/** How staff really fill in a roster: copied from paper cards, typed with the IME in the wrong mode, pasted from forms. */
const CORPUS: readonly Case[] = [
  // 電話番号
  ['電話番号', '042-461-1234', null, null],
  ['電話番号', '03-1234-5678', null, null],
  ['電話番号', '0422-51-1234', null, null],
  ['電話番号', '050-1234-5678', null, null],
  ['電話番号', '0120-123-456', null, null],
  ['電話番号', '０４２（４６１）１２３４', 'phone.format', '042-461-1234'],
  ['電話番号', '042(461)1234', 'phone.format', '042-461-1234'],
  ['電話番号', '042 461 1234', 'phone.format', '042-461-1234'],
  ['電話番号', '042‐461‐1234', 'phone.format', '042-461-1234'],
  ['電話番号', 'TEL:042-461-1234', 'phone.format', '042-461-1234'],
  ['電話番号', '+81 42-461-1234', 'phone.format', '042-461-1234'],
  ['電話番号', '090-1234-567', 'phone.digitCount', null],
  ['電話番号', '461-1234', 'phone.digitCount', null],
  ['電話番号', '042-461-1234（自宅）', 'phone.invalid', null],
  ['電話番号', 'なし', 'phone.invalid', null],
  // 郵便番号
  ['郵便番号', '〒 188-0012', 'postal.format', '188-0012'],
  ['郵便番号', '188 0012', 'postal.format', '188-0012'],
  ['郵便番号', '188‐0012', 'postal.format', '188-0012'],
  ['郵便番号', '〒１８８ー００１２', 'postal.format', '188-0012'],
  ['郵便番号', '18800120', 'postal.digitCount', null],
  ['郵便番号', '188-0012 西東京市', 'postal.invalid', null],
  // 生年月日
  ['生年月日', 'S23.5.1', 'date.text', '1948-05-01'],
  ['生年月日', '昭和23年5月1日生', 'date.text', '1948-05-01'],
  ['生年月日', '昭和二十三年五月一日', 'date.text', '1948-05-01'],
  ['生年月日', '1948.5.1', 'date.text', '1948-05-01'],
  ['生年月日', '1948-5-1', 'date.text', '1948-05-01'],
  ['生年月日', '19480501', 'date.text', '1948-05-01'],
  ['生年月日', '平成元年1月8日', 'date.text', '1989-01-08'],
  ['生年月日', 'H1.1.8', 'date.text', '1989-01-08'],
  ['生年月日', '昭和64年1月7日', 'date.text', '1989-01-07'],
  ['生年月日', '昭和64年1月8日', 'date.eraMismatch', null],
  ['生年月日', '1949/2/29', 'date.invalid', null],
  ['生年月日', '5月1日', 'date.invalid', null],
  // フリガナ
  ['フリガナ', 'ヤマダ・ハナコ', null, null],
  ['フリガナ', 'ヴィエト', null, null],
  ['フリガナ', 'やまだ　はなこ', 'kana.hiragana', 'ヤマダ ハナコ'],
  ['フリガナ', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'kana.halfwidth', 'ヤマダ ハナコ'],
  ['フリガナ', 'ヤマタ゛ ハナコ', 'kana.halfwidth', 'ヤマダ ハナコ'],
  ['フリガナ', 'ヤマダ hanako', 'kana.notKana', null],
  // メール
  ['メール', 'hanako@example.ne.jp', null, null],
  ['メール', 'taro..yamada.@docomo.ne.jp', null, null],
  ['メール', 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'email.format', 'hanako@example.jp'],
  ['メール', 'hanako@example', 'email.invalid', null],
  ['メール', '山田 <hanako@example.jp>', 'email.invalid', null],
  // 圏域・活動分野・状態 (lists)
  ['圏域', '中部 ', 'list.variant', '中部'],
  ['圏域', '中央', 'list.notInSettings', null],
  ['活動分野', '高齢者・障害のある人', null, null],
  ['活動分野', '高齢者\n地域の居場所', null, null],
  ['活動分野', '高齢者、こども', 'list.notInSettings', null],
  ['状態', '活動中', null, null],
  ['状態', '活動', 'list.notAllowed', null],
  ['状態', 'かつどうちゅう', 'list.notAllowed', null],
  // 活動可能日時
  ['活動可能日時', '月・水・金 午前', null, null],
  ['活動可能日時', '月〜金午前', null, null],
  ['活動可能日時', '平日夜間、土日終日', null, null],
  ['活動可能日時', '応相談', 'availability.unknown', null],
  // 月間上限・保険加入年度・個人情報同意
  ['月間上限', '４', 'integer.text', 4],
  ['月間上限', '2回', 'integer.text', 2],
  ['月間上限', '月2回', 'integer.invalid', null],
  ['保険加入年度', 'R8', null, null],
  ['保険加入年度', '令和8年度', null, null],
  ['保険加入年度', '2026年度', null, null],
  ['個人情報同意', '○', 'yesno.variant', 'はい'],
  ['個人情報同意', '〇', 'yesno.variant', 'はい'],
  ['個人情報同意', '済', 'yesno.variant', 'はい'],
  ['個人情報同意', 'Yes', 'yesno.variant', 'はい'],
  ['個人情報同意', '✓', 'yesno.variant', 'はい'],
  ['個人情報同意', 'わからない', 'yesno.invalid', null],
  // 登録番号
  ['登録番号', 'Ｖ－０００１', 'id.format', 'V-0001'],
  ['登録番号', 'V-0001　', 'id.format', 'V-0001'],
];

describe('validate: a corpus of real-world variants', () => {
  it.each(CORPUS)('%s %j → %s, fixed to %j', (column, typed, code, to) => {
    const row = [...CLEAN];
    const at = HEADER.indexOf(column);
    row[at] = typed;
    const issues = validate([sheet('volunteers', HEADER, [row])]).issues.filter((i) => i.columnIndex === at);
    if (code === null) {
      expect(issues).toEqual([]);
      return;
    }
    expect(issues.map((i) => i.code)).toContain(code);
    const fixed = issues.find((i) => i.fix);
    expect(fixed?.fix?.to ?? null).toBe(to);
  });
});
