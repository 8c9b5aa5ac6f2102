// Every writing action is all or nothing at each of its mutating service calls (docs/safety.md).
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { proveAllOrNothing, summarize } from '../support/fault-harness';
import { WRITING_ACTIONS } from './actions';

describe('fault injection over every writing action', () => {
  for (const action of WRITING_ACTIONS) {
    it(`${action.name}: after a failure at any of its mutating calls the workbook is as before or complete, and the reply says which`, () => {
      const report = proveAllOrNothing(action);
      expect(report.failures, summarize(report)).toEqual([]);
    });
  }
});
