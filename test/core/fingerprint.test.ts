// Fingerprint: what 確定 and 元に戻す use to notice that rows changed — stable, order-sensitive, never throwing on a cell.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { Fingerprint } from '../../src/core/fingerprint';

const print = (...cells: unknown[]): string => {
  const f = new Fingerprint();
  for (const cell of cells) f.addCell(cell);
  return f.toString();
};

describe('Fingerprint', () => {
  describe('addCell', () => {
    it('gives the same print for the same cells and a different one for another order or type', () => {
      expect(print('a', 1, true)).toBe(print('a', 1, true));
      expect(print('a', 1)).not.toBe(print(1, 'a'));
      expect(print('1')).not.toBe(print(1));
    });

    it('prints a Date by its instant', () => {
      expect(print(new Date('2024-04-01T00:00:00+09:00'))).toBe(print(new Date(Date.UTC(2024, 2, 31, 15))));
      expect(print(new Date('2024-04-01T00:00:00+09:00'))).not.toBe(print(new Date('2024-04-02T00:00:00+09:00')));
    });

    it('takes a Date with no instant (a number too large for a date, under a date format) without throwing', () => {
      const invalid = new Date(Number.NaN);
      expect(() => print(invalid)).not.toThrow();
      expect(print(invalid)).toBe(print(new Date(Number.NaN)));
      expect(print(invalid)).not.toBe(print(new Date(0)));
    });
  });
});
