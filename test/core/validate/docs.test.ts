import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { ISSUE_CODES } from '../../../src/core/validate';

const doc = readFileSync(new URL('../../../docs/validation.md', import.meta.url), 'utf8');
const settingsSource = readFileSync(new URL('../../../src/core/sheets/settings.ts', import.meta.url), 'utf8');

/** Table rows of the doc: | `code` | severity | 意味 | meaning | fix | */
const documented = new Map(
  [...doc.matchAll(/^\| `([a-zA-Z]+\.[a-zA-Z]+)` \| ([^|]+) \|([^|]+)\|([^|]+)\|([^|]+)\|$/gm)].map((m) => [
    m[1] as string,
    { severity: m[2] as string, fix: (m[5] as string).trim() },
  ]),
);

describe('docs/validation.md', () => {
  it('documents every code with its severity, meaning in Japanese and English, and whether it has a safe fix', () => {
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      const row = documented.get(code);
      expect(row, code).toBeDefined();
      expect(row?.severity, code).toContain(info.severity);
      expect(row?.fix.startsWith('✅'), code).toBe(info.fixable);
    }
  });

  it('documents no code that does not exist', () => {
    for (const code of documented.keys())
      expect(Object.prototype.hasOwnProperty.call(ISSUE_CODES, code), code).toBe(true);
  });

  it('knows every code parseSettings can report, since validation passes them on', () => {
    const codes = new Set([...settingsSource.matchAll(/'(settings\.[a-zA-Z]+)'/g)].map((m) => m[1] as string));
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) expect(Object.prototype.hasOwnProperty.call(ISSUE_CODES, code), code).toBe(true);
  });
});
