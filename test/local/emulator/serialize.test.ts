/** serializeForRun: what google.script.run lets through and what it refuses. */
import vm from 'node:vm';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { RunSerializationError, serializeForRun } from '../../../src/local/emulator/index';

describe('emulator serializeForRun', () => {
  describe('values that pass', () => {
    it('returns primitives, arrays and plain objects unchanged', () => {
      const payload = {
        name: '山田',
        count: 3,
        ok: true,
        none: null,
        tags: ['a', 'b'],
        nested: { deep: [1, { x: 'y' }] },
      };
      expect(serializeForRun(payload)).toEqual(payload);
    });

    it('returns null for undefined values and array holes, and drops undefined properties', () => {
      // eslint-disable-next-line no-sparse-arrays
      expect(serializeForRun([1, undefined, , 3])).toEqual([1, null, null, 3]);
      expect(serializeForRun({ a: 1, b: undefined })).toEqual({ a: 1 });
      expect(serializeForRun(undefined)).toBeNull();
    });

    it('returns null for NaN and infinities', () => {
      expect(serializeForRun([Number.NaN, Infinity, -Infinity, 1.5])).toEqual([null, null, null, 1.5]);
    });

    it('accepts plain objects and arrays made in another realm (the sandbox)', () => {
      const fromSandbox = vm.runInNewContext('({ rows: [[1, "a"]], meta: Object.create(null) })') as unknown;
      expect(serializeForRun(fromSandbox)).toEqual({ rows: [[1, 'a']], meta: {} });
    });

    it('accepts the same object twice when it is not a cycle', () => {
      const shared = { x: 1 };
      expect(serializeForRun([shared, shared])).toEqual([{ x: 1 }, { x: 1 }]);
    });
  });

  describe('values that fail', () => {
    it('throws for a Date anywhere in the payload, naming where it is', () => {
      expect(() => serializeForRun({ rows: [{ date: new Date() }] })).toThrow(
        'Failed due to illegal value in property: rows.0.date (Date)',
      );
      const sandboxDate = vm.runInNewContext('new Date()') as unknown;
      expect(() => serializeForRun([sandboxDate])).toThrow(RunSerializationError);
    });

    it('throws for functions, symbols, bigints, Maps, Sets and class instances', () => {
      class Volunteer {
        id = 1;
      }
      for (const bad of [() => 1, Symbol('s'), 1n, new Map(), new Set(), new Volunteer(), /x/, new Error('e')]) {
        expect(() => serializeForRun({ bad }), String(typeof bad)).toThrow(RunSerializationError);
      }
    });

    it('throws for a circular reference', () => {
      const a: Record<string, unknown> = {};
      a.self = a;
      expect(() => serializeForRun(a)).toThrow('circular reference');
    });
  });
});
