// Fault injection: which calls count as mutating, and the armed call fails before it changes anything.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator, InjectedFault, isMutatingCall } from '../../../src/local/emulator';

describe('emulator/faults', () => {
  describe('isMutatingCall', () => {
    it.each([
      'Range.setValues',
      'Range.setNotes',
      'Range.setBackgrounds',
      'Range.insertCheckboxes',
      'Range.setDataValidations',
      'Range.clearContent',
      'Sheet.hideSheet',
      'Sheet.showSheet',
      'Sheet.deleteRows',
      'Spreadsheet.insertSheet',
      'Spreadsheet.deleteSheet',
      'Properties.setProperty',
      'Properties.deleteProperty',
      'Form.addTextItem',
      'FormApp.create',
      'ClockTriggerBuilder.create',
      'ScriptApp.deleteTrigger',
    ])('counts %s as mutating', (key) => expect(isMutatingCall(key)).toBe(true));

    it.each([
      'Range.getValues',
      'Range.activate',
      'Sheet.setActiveRange',
      'Spreadsheet.setActiveSheet',
      'Spreadsheet.toast',
      'Menu.addItem',
      'HtmlOutput.setTitle',
      'Cache.put',
      'DataValidationBuilder.setAllowInvalid',
      'ClockTriggerBuilder.everyDays',
      'Lock.tryLock',
    ])('does not count %s', (key) => expect(isMutatingCall(key)).toBe(false));
  });

  it('fails the armed mutating call before it writes, and keeps what earlier calls wrote', () => {
    const emu = Emulator.create('faults');
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    emu.failAtMutation(2);
    sheet.getRange('A1').setValue('first');
    expect(sheet.getRange('A1').getValue()).toBe('first');
    let thrown: unknown = null;
    try {
      sheet.getRange('A2').setValue('second');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InjectedFault);
    expect(String((thrown as Error).message)).toMatch(/timed out/);
    expect(emu.sheetValues(sheet.getName()).map((r) => r[0])).toEqual(['first']);
    expect(emu.mutations).toEqual(['Range.setValue', 'Range.setValue']);
    // Disarmed after firing: the next write goes through.
    sheet.getRange('A2').setValue('third');
    expect(sheet.getRange('A2').getValue()).toBe('third');
  });

  it('counts only the calls the script made, not the ones the emulator makes inside them', () => {
    const emu = Emulator.create('faults');
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    emu.failAtMutation(null);
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1:B2').getValues();
    expect(emu.mutations).toEqual(['Range.setValues']);
  });
});
