// Tests that docs/matching.md and the code agree: every reason code, every default weight, every related-fields row.
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { DEFAULT_WEIGHTS, MATCH_REASON_CODES, RELATED_FIELDS } from '../../../src/core/match';

const doc = readFileSync(new URL('../../../docs/matching.md', import.meta.url), 'utf8');
const sources = ['index.ts', 'unmet.ts', 'score.ts', 'model.ts', 'weights.ts']
  .map((f) => readFileSync(new URL(`../../../src/core/match/${f}`, import.meta.url), 'utf8'))
  .join('\n');

/** Table rows of the doc: | `code` | kind | 意味 | meaning | example | */
const documented = new Map(
  [...doc.matchAll(/^\| `([a-z]+\.[a-zA-Z]+)` \| (assignment|unmatched|warning) \|/gm)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]),
);

describe('docs/matching.md', () => {
  it('documents every reason code with its kind, and no other', () => {
    for (const [code, info] of Object.entries(MATCH_REASON_CODES)) expect(documented.get(code), code).toBe(info.kind);
    for (const code of documented.keys())
      expect(Object.prototype.hasOwnProperty.call(MATCH_REASON_CODES, code), code).toBe(true);
  });

  it('catalogues every code the code can emit', () => {
    // Codes written out, and those the helpers prefix: reason('skills') → unmet.skills, pinWarning('unknown') → pin.unknown.
    const literal = (fn: string, prefix: string): string[] =>
      [...sources.matchAll(new RegExp(`\\b${fn}\\(\\s*'([a-zA-Z.]+)'`, 'g'))].map((m) => prefix + (m[1] as string));
    const emitted = new Set([
      ...[...sources.matchAll(/code: '([a-z]+\.[a-zA-Z]+)'/g)].map((m) => m[1] as string),
      ...literal('reason', 'unmet.'),
      ...literal('pinWarning', 'pin.'),
      ...literal('warning', ''),
    ]);
    expect(emitted.size).toBeGreaterThan(20);
    for (const code of emitted) expect(Object.prototype.hasOwnProperty.call(MATCH_REASON_CODES, code), code).toBe(true);
  });

  it('gives every default weight', () => {
    for (const [name, value] of Object.entries(DEFAULT_WEIGHTS))
      expect(doc).toMatch(new RegExp(`\\| \`重み:${name}\` \\| ${value} \\|`));
  });

  it('lists the related 活動分野 of every 内容区分', () => {
    for (const [category, fields] of Object.entries(RELATED_FIELDS)) {
      expect(doc).toContain(`| ${category} | ${fields.length > 0 ? fields.join('、') : '—'} |`);
    }
  });
});
