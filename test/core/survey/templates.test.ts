/** The three templates: read back without errors, warnings or やさしい日本語 suggestions, with the questions the issue lists. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { TEMPLATE_NAMES } from '../../../src/core/survey/templates';
import { readTemplate } from './helpers';

describe('survey/templates', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`reads ${name} with no issue at all`, () => {
      const def = readTemplate(name);
      expect(
        def.issues.map((i) => `${i.row} ${i.column} ${i.code}: ${i.message.ja}`),
        name,
      ).toEqual([]);
      expect(def.forms.map((f) => f.name)).toEqual([name]);
    });
  }
});
