/** The emulator's globals as the bundle sees them: inside a node:vm context, called from another realm. */
import vm from 'node:vm';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { FIXED_NOW } from './helpers';

const SCRIPT = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu().addItem('検証する', 'validateSheets').addToUi();
}
function confirmAndWrite() {
  var ui = SpreadsheetApp.getUi();
  if (ui.alert('確認', '書き込みますか？', ui.ButtonSet.YES_NO) !== ui.Button.YES) return 'cancelled';
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return 'busy';
  try {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('シート1');
    sheet.getRange(1, 1, 2, 2).setValues([['日付', '件数'], [new Date(Date.UTC(2024, 3, 1, -9)), 3]]);
    var values = sheet.getDataRange().getValues();
    var log = console.log;
    log('rows', values.length);
    return values[1][0] instanceof Date ? 'date' : typeof values[1][0];
  } finally {
    lock.releaseLock();
  }
}
`;

function sandboxed(emu: Emulator): vm.Context {
  // As the project's sandbox does: the emulator's globals, and the host's Date.
  const context = vm.createContext({ ...emu.globals, Date });
  vm.runInContext(SCRIPT, context);
  return context;
}

describe('emulator globals', () => {
  describe('in a vm context', () => {
    it('serve a script run the way Apps Script runs it, with enums compared by identity', () => {
      const emu = Emulator.create('vm', { now: () => FIXED_NOW });
      const context = sandboxed(emu);
      vm.runInContext('onOpen()', context);
      expect(emu.ui.menus[0]?.items).toEqual([{ caption: '検証する', functionName: 'validateSheets' }]);
      emu.ui.answer('YES');
      expect(vm.runInContext('confirmAndWrite()', context)).toBe('date');
      expect(emu.logs).toEqual(['rows 2']);
      emu.ui.answer('NO');
      expect(vm.runInContext('confirmAndWrite()', context)).toBe('cancelled');
      emu.holdDocumentLockElsewhere();
      emu.ui.answer('YES');
      expect(vm.runInContext('confirmAndWrite()', context)).toBe('busy');
    });

    it('leave out methods the emulator does not implement, so calling one fails as a TypeError', () => {
      const emu = Emulator.create('vm');
      const context = sandboxed(emu);
      expect(vm.runInContext('typeof SpreadsheetApp.openByUrl', context)).toBe('undefined');
      expect(() =>
        vm.runInContext('SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").randomize()', context),
      ).toThrow('randomize is not a function');
    });
  });
});
