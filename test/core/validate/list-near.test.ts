// A list value written short gets the value it stands for as a suggestion (「一般」→「一般寄付」); a word 設定 lists as 言い換え gets a safe fix.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { defaultSettingsHeader, defaultSettingsRows, parseSettings } from '../../../src/core/sheets/settings';
import { found, sheet, validate } from './helpers';

const HEADER = ['領収書番号', '受領日', '寄付者名', '金額', '区分', '指定先', '入金方法'];

function ledger(rows: Array<[type: string, method?: string]>) {
  return sheet(
    'donations',
    HEADER,
    rows.map(([type, method], i) => [
      `R-${i + 1}`,
      '2024-04-03',
      `寄付者${i + 1}`,
      10000,
      type,
      type.startsWith('指定') ? 'ふれまち' : '',
      method ?? '現金',
    ]),
    '寄付台帳',
  );
}

const withSettings = (...rows: string[][]) =>
  parseSettings([defaultSettingsHeader(), ...defaultSettingsRows(), ...rows]).settings;

describe('a value close to a list value', () => {
  it('is suggested the one value it is the start of, never fixed', () => {
    const issues = found(validate([ledger([['一般'], ['物品'], ['寄付']])]));
    const first = issues.find((i) => i.row === 2 && i.column === '区分');
    expect(first?.code).toBe('list.notAllowed');
    expect(first?.suggestion).toBe('一般寄付');
    expect(first?.fix).toBeUndefined();
    expect(first?.message.ja).toContain('「一般寄付」のことでしたら');
    expect(first?.message.ja).toContain('言い換え:一般寄付');
    expect(first?.message.en).toContain('If 「一般寄付」 is meant');
    expect(issues.find((i) => i.row === 3 && i.column === '区分')?.suggestion).toBe('物品寄付');
    // 寄付 is in no value's start (一般寄付, 指定寄付 and 物品寄付 all end with it): no guess.
    expect(issues.find((i) => i.row === 4 && i.column === '区分')?.suggestion).toBeUndefined();
  });

  it('is suggested in a 設定 list too (振込み → 振込, 口座 → 口座振替)', () => {
    const issues = found(
      validate([
        ledger([
          ['一般寄付', '振込み'],
          ['一般寄付', '口座'],
        ]),
      ]),
    );
    expect(issues.find((i) => i.row === 2 && i.column === '入金方法')?.suggestion).toBe('振込');
    expect(issues.find((i) => i.row === 3 && i.column === '入金方法')?.suggestion).toBe('口座振替');
  });
});

describe('a word 設定 lists as 言い換え of a list value', () => {
  const settings = withSettings(['言い換え:一般寄付', '一般、一般寄附'], ['言い換え:振込', '銀行振込']);

  it('gets a safe fix to the list value, with the 設定 row named', () => {
    const issues = found(validate([ledger([['一般'], ['一般寄附', '銀行振込']])], { settings }));
    const short = issues.find((i) => i.row === 2 && i.column === '区分');
    expect(short?.code).toBe('list.synonym');
    expect(short?.fix).toEqual({ kind: 'listValue', to: '一般寄付' });
    expect(short?.message.ja).toContain('設定シートの「言い換え:一般寄付」により');
    expect(issues.find((i) => i.row === 3 && i.column === '区分')?.fix?.to).toBe('一般寄付');
    expect(issues.find((i) => i.row === 3 && i.column === '入金方法')).toMatchObject({
      code: 'list.synonym',
      fix: { kind: 'listValue', to: '振込' },
    });
  });

  it('means neither value when two claim it, and is ignored for a value not in the list', () => {
    const both = withSettings(['言い換え:一般寄付', '寄付'], ['言い換え:指定寄付', '寄付'], ['言い換え:香典', '一般']);
    const issues = found(validate([ledger([['寄付'], ['一般']])], { settings: both }));
    expect(issues.filter((i) => i.code === 'list.synonym')).toEqual([]);
    expect(issues.find((i) => i.row === 3 && i.column === '区分')?.suggestion).toBe('一般寄付');
  });

  it('is fixed piece by piece in a multi-value cell', () => {
    const skills = withSettings(['言い換え:パソコン・スマホ', 'PC']);
    const roster = sheet('volunteers', ['登録番号', '氏名', '資格・特技'], [['V-1', '佐藤 花子', '運転、PC']], '名簿');
    const [issue] = found(validate([roster], { settings: skills }), 'list.synonym');
    expect(issue?.fix).toEqual({ kind: 'listValue', to: '運転、パソコン・スマホ' });
    expect(issue?.message.ja).toContain('「言い換え:パソコン・スマホ」により「パソコン・スマホ」と同じ意味です');
  });
});
