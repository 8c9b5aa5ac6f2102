import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parseYesNo } from '../../../src/core/text/yesno';

describe('text/yesno', () => {
  describe('parseYesNo', () => {
    it.each(['はい', '○', '〇', '◯', '有', 'あり', 'TRUE', 'true', 'ＹＥＳ', 'yes', '済', '可', '同意する', '✓'])(
      'reads %s as yes',
      (cell) => {
        expect(parseYesNo(cell)).toEqual({ status: 'yes', value: true });
      },
    );

    it.each(['いいえ', '×', '✕', '無', 'なし', 'FALSE', 'false', 'no', 'NO', '未', '不可', '同意しない', 'Ｘ'])(
      'reads %s as no',
      (cell) => {
        expect(parseYesNo(cell)).toEqual({ status: 'no', value: false });
      },
    );

    it('reads checkbox booleans', () => {
      expect(parseYesNo(true).value).toBe(true);
      expect(parseYesNo(false).value).toBe(false);
    });

    it('tells blank from unrecognised', () => {
      expect(parseYesNo('')).toEqual({ status: 'blank', value: null });
      expect(parseYesNo('　')).toEqual({ status: 'blank', value: null });
      expect(parseYesNo(null)).toEqual({ status: 'blank', value: null });
      expect(parseYesNo('たぶん')).toEqual({ status: 'unrecognised', value: null });
      expect(parseYesNo(1)).toEqual({ status: 'unrecognised', value: null });
    });

    it('ignores surrounding spaces and width', () => {
      expect(parseYesNo(' はい ').value).toBe(true);
      expect(parseYesNo('ｔｒｕｅ').value).toBe(true);
    });
  });
});
