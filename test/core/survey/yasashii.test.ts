/** The やさしい日本語 check: suggestions following the 在留支援のためのやさしい日本語ガイドライン, never errors. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { kanjiWithoutReading, yasashiiSuggestions } from '../../../src/core/survey/yasashii';
import { readSheet } from './helpers';

const codesOf = (text: string) => yasashiiSuggestions(text).map((s) => s.code);

describe('survey/yasashii', () => {
  it('finds nothing to say about short, plain sentences with readings', () => {
    expect(codesOf('名前(なまえ)を 書(か)いて ください。')).toEqual([]);
    expect(codesOf('住所（じゅうしょ）を 書（か）いて ください。')).toEqual([]);
    expect(codesOf('ありがとうございます。')).toEqual([]);
  });

  it('flags a long sentence, counting neither readings nor spaces', () => {
    expect(codesOf('あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみ')).toEqual([
      'yasashii.longSentence',
    ]);
    expect(codesOf('あいうえお かきくけこ さしすせそ たちつてと なにぬねの')).toEqual([]);
  });

  it('flags several ideas joined in one sentence', () => {
    expect(codesOf('ここに きて、なまえを かいて、まって ください。')).toEqual(['yasashii.manyIdeas']);
  });

  it('flags double negatives, honorifics and difficult words, naming them', () => {
    const s = yasashiiSuggestions('かかなければ なりません。');
    expect(s.map((x) => x.code)).toEqual(['yasashii.doubleNegative']);
    expect(s[0]?.message.ja).toContain('なければなりません');
    expect(codesOf('ごきにゅう いただけます。')).toEqual(['yasashii.honorific']);
    expect(codesOf('ご記入(きにゅう)ください。')).toEqual(['yasashii.honorific', 'yasashii.difficultWord']);
    expect(yasashiiSuggestions('該当(がいとう)する ものを えらんで ください。')[0]?.message.ja).toContain(
      '「該当」→「あてはまる」',
    );
  });

  it('lists kanji without a reading in brackets', () => {
    expect(kanjiWithoutReading('住所を 書(か)いて、電話番号も')).toEqual(['住所', '電話番号']);
    expect(codesOf('住所を 書(か)いて ください。')).toEqual(['yasashii.noReading']);
  });

  it('reports suggestions for the やさしい columns only, as info at the row and column', () => {
    const def = readSheet(
      ['フォーム名', '設問ID', '種類', '設問', '設問[やさしい]', '説明[やさしい]'],
      [['F', 'a', '短文', '住所をご記入ください', '住所を 書(か)いて ください', 'お書きください']],
    );
    const suggestions = def.issues.filter((i) => i.code.startsWith('yasashii.'));
    expect(suggestions.map((i) => [i.code, i.severity, i.row, i.column])).toEqual([
      ['yasashii.noReading', 'info', 2, '設問[やさしい]'],
      ['yasashii.honorific', 'info', 2, '説明[やさしい]'],
      ['yasashii.noReading', 'info', 2, '説明[やさしい]'],
    ]);
  });
});
