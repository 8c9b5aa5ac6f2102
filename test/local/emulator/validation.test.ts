/** Data validation: the builder, rules read back, input rejected, check boxes. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

describe('emulator data validation', () => {
  describe('newDataValidation', () => {
    it('builds a list rule that reads back its criteria, allowInvalid and help text', () => {
      const { app, sheet } = fresh();
      const rule = app
        .newDataValidation()
        .requireValueInList(['個人', '団体'], true)
        .setAllowInvalid(false)
        .setHelpText('個人か団体')
        .build();
      sheet.getRange('B2:B3').setDataValidation(rule);
      const rules = sheet.getRange('B2:B3').getDataValidations();
      const first = rules[0]?.[0];
      const second = rules[1]?.[0];
      expect(first?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
      expect(String(first?.getCriteriaType())).toBe('VALUE_IN_LIST');
      expect(first?.getCriteriaValues()).toEqual([['個人', '団体'], true]);
      expect(first?.getAllowInvalid()).toBe(false);
      expect(first?.getHelpText()).toBe('個人か団体');
      expect(second?.getCriteriaValues()).toEqual([['個人', '団体'], true]);
      expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    });

    it('allows invalid data by default, as new Sheets rules do', () => {
      const { app } = fresh();
      expect(app.newDataValidation().requireCheckbox().build().getAllowInvalid()).toBe(true);
    });

    it('builds a rule from a range whose criteria values include that range', () => {
      const { app, book, sheet } = fresh();
      const lists = book.insertSheet('設定');
      lists.getRange('A1:A3').setValues([['北'], ['南'], ['中央']]);
      const rule = app.newDataValidation().requireValueInRange(lists.getRange('A1:A3')).build();
      sheet.getRange('C2').setDataValidation(rule);
      const [range, dropdown] = sheet.getRange('C2').getDataValidation()?.getCriteriaValues() as [
        GoogleAppsScript.Spreadsheet.Range,
        boolean,
      ];
      expect(range.getSheet().getName()).toBe('設定');
      expect(range.getA1Notation()).toBe('A1:A3');
      expect(dropdown).toBe(true);
    });

    it('copies a rule into a builder that can change it', () => {
      const { app } = fresh();
      const rule = app.newDataValidation().requireNumberBetween(1, 10).build();
      const changed = rule.copy().setHelpText('1〜10').build();
      expect(changed.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
      expect(changed.getCriteriaValues()).toEqual([1, 10]);
      expect(changed.getHelpText()).toBe('1〜10');
      expect(rule.getHelpText()).toBeNull();
    });

    it('throws when built without criteria', () => {
      const { app } = fresh();
      expect(() => app.newDataValidation().build()).toThrow('no criteria');
    });
  });

  describe('rules that reject input', () => {
    it('refuse a value outside the list, and the whole write changes nothing', () => {
      const { app, sheet } = fresh();
      const rule = app.newDataValidation().requireValueInList(['はい', 'いいえ']).setAllowInvalid(false).build();
      sheet.getRange('A2').setDataValidation(rule);
      expect(() => sheet.getRange('A1:A2').setValues([['x'], ['たぶん']])).toThrow(
        'The data you entered in cell A2 violates the data validation rules set on this cell.',
      );
      expect(sheet.getRange('A1:A2').getValues()).toEqual([[''], ['']]);
      sheet.getRange('A1:A2').setValues([['x'], ['はい']]);
      sheet.getRange('A2').setValue('');
      expect(sheet.getRange('A1:A2').getValues()).toEqual([['x'], ['']]);
    });

    it('accept anything when invalid data is allowed', () => {
      const { app, sheet } = fresh();
      sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['a']).build());
      sheet.getRange('A1').setValue('b');
      expect(sheet.getRange('A1').getValue()).toBe('b');
    });
  });

  describe('insertCheckboxes', () => {
    it('sets a checkbox rule and FALSE in every cell, shown as FALSE', () => {
      const { app, sheet } = fresh();
      const boxes = sheet.getRange('D2:D3').insertCheckboxes();
      expect(boxes.getValues()).toEqual([[false], [false]]);
      expect(boxes.getDisplayValues()).toEqual([['FALSE'], ['FALSE']]);
      expect(boxes.getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
      expect(boxes.isChecked()).toBe(false);
      sheet.getRange('D2').check();
      expect(boxes.isChecked()).toBeNull();
      boxes.check();
      expect(boxes.isChecked()).toBe(true);
      boxes.removeCheckboxes();
      expect([boxes.getValues(), boxes.getDataValidation()]).toEqual([[[''], ['']], null]);
    });
  });
});
