/** The whole-workbook snapshot the fault-injection harness compares: what it sees, and the differences it reports. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { diffSnapshots, sameSnapshot } from '../../../src/local/emulator/index';
import { fresh } from './helpers';

describe('emulator snapshot', () => {
  it('is equal for two identical workbooks and different after any visible change', () => {
    const make = () => {
      const env = fresh();
      env.sheet.getRange('A1:B2').setValues([
        ['氏名', '電話'],
        ['山田', '042-461-1234'],
      ]);
      env.sheet.getRange('B2:B999').setNumberFormat('@');
      return env;
    };
    const a = make();
    const b = make();
    expect(sameSnapshot(a.emu.snapshot(), b.emu.snapshot())).toBe(true);
    const changes: Array<[string, (env: ReturnType<typeof make>) => void]> = [
      ['a value', (e) => e.sheet.getRange('A2').setValue('山田 花子')],
      ['a formula', (e) => e.sheet.getRange('C2').setFormula('=A2')],
      ['a number format', (e) => e.sheet.getRange('B500').setNumberFormat('0')],
      ['a note', (e) => e.sheet.getRange('A1').setNote('n')],
      ['a fill', (e) => e.sheet.getRange('A1').setBackground('#ff0000')],
      ['a rule', (e) => e.sheet.getRange('A2').setDataValidation(e.app.newDataValidation().requireCheckbox().build())],
      ['a new sheet', (e) => e.book.insertSheet('新')],
      ['visibility', (e) => e.book.insertSheet('隠す').hideSheet()],
      ['the grid', (e) => e.sheet.insertRowsAfter(1000, 5)],
      ['metadata', (e) => e.sheet.addDeveloperMetadata('k', 'v')],
      ['a document property', (e) => e.emu.globals.PropertiesService.getDocumentProperties().setProperty('k', 'v')],
    ];
    for (const [what, change] of changes) {
      const c = make();
      change(c);
      expect(sameSnapshot(a.emu.snapshot(), c.emu.snapshot()), what).toBe(false);
      expect(diffSnapshots(a.emu.snapshot(), c.emu.snapshot()).length, what).toBeGreaterThan(0);
    }
  });

  it('keeps a format applied to a thousand rows as one run, and names the cells that differ', () => {
    const { emu, sheet } = fresh();
    sheet.getRange('A2:A1000').setNumberFormat('@');
    const before = emu.snapshot();
    expect(before.sheets[0]?.columns.A).toEqual(['2-1000 {"numberFormat":"@"}']);
    sheet.getRange('A7').setValue('x');
    expect(diffSnapshots(before, emu.snapshot())).toEqual([
      'シート1!A7: {"numberFormat":"@"} → {"value":"x","numberFormat":"@"}',
    ]);
  });

  it('leaves the selection out: activating a sheet or a cell changes nothing', () => {
    const { emu, book, sheet } = fresh();
    book.insertSheet('二');
    const before = emu.snapshot();
    sheet.activate();
    sheet.getRange('C3').activate();
    expect(sameSnapshot(before, emu.snapshot())).toBe(true);
  });
});
