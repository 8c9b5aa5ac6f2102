// Moving a formula as Sheets does when it is copied: relative references move, absolute ones and text stay.
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import { shiftFormula } from '../../../src/core/sheets/formula-shift';

describe('shiftFormula', () => {
  it.each([
    ['=D6', 3, 0, '=D9'],
    ['=D6', -5, 0, '=D1'],
    ['=$D6+D$6+$D$6', 2, 1, '=$D8+E$6+$D$6'],
    ['=SUM(A1:B2)', 1, 1, '=SUM(B2:C3)'],
    ['=COUNTA(H:H)', 5, 1, '=COUNTA(I:I)'],
    ['=SUM(3:5)', 2, 4, '=SUM(5:7)'],
    ['=依頼!A5&"件"', 1, 0, '=依頼!A6&"件"'],
    ["='マッチング 結果'!D6", 1, 0, "='マッチング 結果'!D7"],
    ['=AB1!C3', 1, 0, '=AB1!C4'],
    ['=LOG10(A1)+ATAN2(B1,C1)', 1, 0, '=LOG10(A2)+ATAN2(B2,C2)'],
    ['=IF(D6="D6","A1",E6)', 2, 0, '=IF(D8="D6","A1",E8)'],
    ['=1E3+A1', 1, 0, '=1E3+A2'],
    ['=Q1_total+A1', 1, 0, '=Q1_total+A2'],
    ['=D6', -6, 0, '=#REF!'],
    ['plain text A1', 3, 0, 'plain text A1'],
  ])('moves %s by (%i, %i) to %s', (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });

  it('moving there and back gives the formula again when nothing falls off the sheet', () => {
    const ref = fc
      .tuple(fc.boolean(), fc.constantFrom('A', 'D', 'Z', 'AB'), fc.boolean(), fc.integer({ min: 1, max: 500 }))
      .map(([ac, c, ar, r]) => `${ac ? '$' : ''}${c}${ar ? '$' : ''}${r}`);
    const part = fc.oneof(ref, fc.constantFrom('+', '*', '&"x"', ',', 'SUM(', ')', '依頼!', ':'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100 }), (parts, by) => {
        const formula = `=${parts.join('')}`;
        expect(shiftFormula(shiftFormula(formula, by, 2), -by, -2)).toBe(formula);
      }),
    );
  });
});
