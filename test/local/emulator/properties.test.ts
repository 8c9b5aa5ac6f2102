/** Invariants checked with fast-check: A1 notation, Tokyo time, typed numbers, serialisation. */
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { formatA1, parseA1 } from '../../../src/local/emulator/a1';
import { fromWallClock, msToSerial, serialToMs, wallClock } from '../../../src/local/emulator/dates';
import { serializeForRun } from '../../../src/local/emulator/index';
import { fresh } from './helpers';

describe('emulator invariants (property tests)', () => {
  describe('A1 notation', () => {
    it('reads back every range it prints', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 50_000 }),
          fc.integer({ min: 1, max: 18_178 }), // so the last column stays within ZZZ, Sheets’ widest
          fc.integer({ min: 1, max: 500 }),
          fc.integer({ min: 1, max: 100 }),
          (row, column, numRows, numColumns) => {
            const ref = parseA1(formatA1(row, column, numRows, numColumns));
            expect(ref).toEqual({
              startRow: row,
              startColumn: column,
              endRow: row + numRows - 1,
              endColumn: column + numColumns - 1,
            });
          },
        ),
      );
    });
  });

  describe('Tokyo wall clock', () => {
    it('maps wall-clock fields to an instant and back', () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1900-01-01T00:00:00Z'),
            max: new Date('2100-12-31T00:00:00Z'),
            noInvalidDate: true,
          }),
          (date) => {
            const w = wallClock(date.getTime());
            expect(fromWallClock(w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond)).toBe(
              date.getTime(),
            );
          },
        ),
      );
    });

    it('turns an instant into a spreadsheet serial and back to the millisecond', () => {
      fc.assert(
        fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
          expect(serialToMs(msToSerial(ms))).toBe(ms);
        }),
      );
    });
  });

  describe('typed numbers', () => {
    it('reads back any safe integer written as text, and shows it as it was typed', () => {
      const { sheet } = fresh();
      const cell = sheet.getRange('A1');
      fc.assert(
        fc.property(fc.integer({ min: -1e14, max: 1e14 }), (n) => {
          cell.setValue(String(n));
          expect(cell.getValue()).toBe(n);
          expect(cell.getDisplayValue()).toBe(String(n));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('serializeForRun', () => {
    it('passes every JSON value as JSON would', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(serializeForRun(value)).toEqual(JSON.parse(JSON.stringify(value)));
        }),
      );
    });

    /** Keys that mean something to JavaScript objects, often, among ordinary ones. */
    const key = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf') },
      { weight: 1, arbitrary: fc.constantFrom('__defineGetter__', 'hasOwnProperty', 'length', '0') },
      { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
    );
    /** JSON-like trees whose objects have those keys as own properties, as JSON.parse makes them. */
    const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }).map((entries) => {
          const object: Record<string, unknown> = {};
          for (const [k, v] of entries) {
            Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
          }
          return object;
        }),
      ),
    }));

    /** Every object of a tree, with its path. */
    function* objects(value: unknown, path = '$'): Generator<[string, object]> {
      if (value === null || typeof value !== 'object') return;
      yield [path, value];
      for (const k of Object.keys(value)) yield* objects((value as Record<string, unknown>)[k], `${path}.${k}`);
    }

    it('keeps an own __proto__ (or constructor …) key as a key and never sets the prototype of the copy', () => {
      fc.assert(
        fc.property(tree, (value) => {
          const copy = serializeForRun(value);
          expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
          for (const [path, object] of objects(copy)) {
            const proto: unknown = Object.getPrototypeOf(object);
            expect(proto === Object.prototype || proto === Array.prototype, `prototype at ${path}`).toBe(true);
          }
          const originals = [...objects(value)];
          const copies = [...objects(copy)];
          expect(copies.map(([path, object]) => [path, Object.keys(object)])).toEqual(
            originals.map(([path, object]) => [path, Object.keys(object)]),
          );
        }),
        { numRuns: 300 },
      );
    });
  });
});
