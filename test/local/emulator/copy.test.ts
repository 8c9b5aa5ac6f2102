/** Range.copyTo: what a paste carries, relative references moved, blanks clearing, the grid's edge. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

describe('emulator Range.copyTo', () => {
  it('pastes values, formulas, formats, notes, fills and rules, and a blank source cell clears what it lands on', () => {
    const { app, book, sheet } = fresh();
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('A1:B1').setValues([['見出し', true]]);
    sheet.getRange('B1').setDataValidation(rule);
    sheet.getRange('A1').setNote('メモ').setBackground('#ffff00').setFontWeight('bold');
    sheet.getRange('A2').setNumberFormat('@').setValue('0012');
    const target = book.insertSheet('貼り付け先');
    target.getRange('A1:C3').setValues([
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    target.getRange('B2').setNote('消える');
    sheet.getRange('A1:B2').copyTo(target.getRange('A1'));
    expect(target.getRange('A1:C3').getValues()).toEqual([
      ['見出し', true, 'x'],
      ['0012', '', 'x'],
      ['x', 'x', 'x'],
    ]);
    expect(target.getRange('A1').getNote()).toBe('メモ');
    expect(target.getRange('A1').getBackground()).toBe('#ffff00');
    expect(target.getRange('A1').getFontWeight()).toBe('bold');
    expect(target.getRange('A2').getNumberFormat()).toBe('@');
    expect(target.getRange('B1').getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(target.getRange('B2').getNote()).toBe('');
  });

  it('moves relative references by the distance pasted, keeps absolute ones, and leaves other sheets alone', () => {
    const { book, sheet } = fresh();
    sheet.getRange('B2').setFormula('=A2+$A$1+A$1+依頼!C2');
    sheet.getRange('B2').copyTo(sheet.getRange('C5'));
    expect(sheet.getRange('C5').getFormula()).toBe('=B5+$A$1+B$1+依頼!D5');
    const other = book.insertSheet('同じ位置');
    sheet.getRange('B2').copyTo(other.getRange('B2'));
    expect(other.getRange('B2').getFormula()).toBe('=A2+$A$1+A$1+依頼!C2');
  });

  it('pastes only contents or only formats when asked', () => {
    const { app, sheet } = fresh();
    sheet.getRange('A1').setValue('本文').setBackground('#ff0000');
    sheet.getRange('A1').copyTo(sheet.getRange('B1'), { contentsOnly: true });
    sheet.getRange('A1').copyTo(sheet.getRange('C1'), app.CopyPasteType.PASTE_FORMAT, false);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['本文', '本文', '']]);
    expect(sheet.getRange('A1:C1').getBackgrounds()).toEqual([['#ff0000', '#ffffff', '#ff0000']]);
  });

  it('fails without pasting anything when the paste would run off the destination grid', () => {
    const { book, sheet } = fresh();
    const small = book.insertSheet('小さい');
    small.deleteRows(3, small.getMaxRows() - 2);
    sheet.getRange('A1:A5').setValues([[1], [2], [3], [4], [5]]);
    expect(() => sheet.getRange('A1:A5').copyTo(small.getRange('A1'))).toThrow(/outside the dimensions/);
    expect(small.getRange('A1:A2').getValues()).toEqual([[''], ['']]);
  });
});
