// Headers real donation ledgers use (日付, 入金日, 寄付金額, 金額(円)), and 種別 — 区分 or 寄付者種別 — read by the column's values.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { detectHeader, detectSheetAs, fitsList } from '../../../src/core/sheets/detect';

const TITLE = ['令和6年度 寄付受付簿', '', '', '', '', ''];

describe('headers of real donation ledgers', () => {
  it.each([
    [['No.', '日付', '寄付者名', '住所', '金額(円)', '備考'], { receivedOn: 1, amount: 4 }],
    [['領収書番号', '入金日', '寄付者名', '寄付金額', '区分'], { receivedOn: 1, amount: 3 }],
    [['領収書番号', '入金年月日', '寄付者', '金額（円）', '区分'], { receivedOn: 1, amount: 3 }],
    [['日付', '寄付者名', '寄付金額(円)', '区分', '備考'], { receivedOn: 0, amount: 2 }],
  ])('%j is a 寄付台帳', (header, expected) => {
    const det = detectHeader([TITLE, [], header], 10);
    expect(det?.kind).toBe('donations');
    expect(det?.headerRow).toBe(3);
    for (const [key, index] of Object.entries(expected)) expect(det?.columns[key]?.index, key).toBe(index);
  });
});

describe('an ambiguous 種別 in a donation ledger', () => {
  const HEADER = ['日付', '寄付者名', '金額(円)', '種別', '備考'];

  it('is 区分 when its values are kinds of gift, even written short (一般 for 一般寄付)', () => {
    const det = detectHeader(
      [
        TITLE,
        [],
        HEADER,
        ['2024/4/3', '佐藤 花子', '10000', '一般', ''],
        ['2024/4/5', '株式会社つなぐ', '50000', '指定寄付', 'ふれまち'],
        ['2024/4/9', '匿名', '3000', '一般', ''],
      ],
      10,
    );
    expect(det?.kind).toBe('donations');
    expect(det?.columns['donationType']?.index).toBe(3);
    expect(det?.columns['donorType']).toBeUndefined();
    expect(det?.missingRequired).toEqual(['receiptNo']);
    expect(det?.ambiguous).toEqual([
      {
        index: 3,
        header: '種別',
        key: 'donationType',
        candidates: ['donationType', 'donorType'],
        by: 'values',
        fitting: 3,
        read: 3,
      },
    ]);
  });

  it('is 寄付者種別 when its values are kinds of donor', () => {
    const det = detectHeader(
      [HEADER, ['2024/4/3', '佐藤 花子', '10000', '個人', ''], ['2024/4/5', '株式会社つなぐ', '50000', '法人', '']],
      10,
    );
    expect(det?.columns['donorType']?.index).toBe(3);
    expect(det?.columns['donationType']).toBeUndefined();
    expect(det?.missingRequired).toEqual(['receiptNo', 'donationType']);
    expect(det?.ambiguous[0]).toMatchObject({ key: 'donorType', by: 'values', fitting: 2, read: 2 });
  });

  it('takes the key no other column has when the sheet has 区分 too, and says so', () => {
    const det = detectHeader(
      [
        ['日付', '寄付者名', '金額(円)', '区分', '種別'],
        ['2024/4/3', '佐藤 花子', '10000', '一般寄付', '一般'],
      ],
      10,
    );
    expect(det?.columns['donationType']?.index).toBe(3);
    expect(det?.columns['donorType']?.index).toBe(4);
    // The values fit 区分's choices better, but 区分 has its column: the taken key is never moved.
    expect(det?.ambiguous[0]).toMatchObject({ key: 'donorType', by: 'taken' });
  });

  it('keeps the likelier key when the values do not tell (none yet, or none that fit)', () => {
    const empty = detectHeader([HEADER], 10);
    expect(empty?.ambiguous[0]).toMatchObject({ key: 'donationType', by: 'default', fitting: 0, read: 0 });
    const odd = detectHeader([HEADER, ['2024/4/3', '佐藤 花子', '10000', '？', '']], 10);
    expect(odd?.ambiguous[0]).toMatchObject({ key: 'donationType', by: 'default', read: 1 });
  });

  it('is read by its values when staff say the sheet is a 寄付台帳 too', () => {
    const head = [HEADER, ['2024/4/3', '佐藤 花子', '10000', '法人', '']];
    expect(detectSheetAs('donations', HEADER, 1, head).columns['donorType']?.index).toBe(3);
  });

  it('counts a value as fitting a list when it is an item or its first characters', () => {
    expect(fitsList('一般', ['一般寄付', '指定寄付'])).toBe(true);
    expect(fitsList('指定寄付', ['一般寄付', '指定寄付'])).toBe(true);
    expect(fitsList('般', ['一般寄付'])).toBe(false);
    expect(fitsList('個人', ['個人', '法人'])).toBe(true);
    expect(fitsList('一', ['一般寄付'])).toBe(false);
  });
});
