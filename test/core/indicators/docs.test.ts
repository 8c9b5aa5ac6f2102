// Tests that docs/summary.md documents every message code of 指標定義 and only those, and that its grammar examples parse.
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parseCondition } from '../../../src/core/indicators/condition';

const doc = readFileSync(new URL('../../../docs/summary.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('../../../src/core/indicators/definitions.ts', import.meta.url), 'utf8');

describe('docs/summary.md', () => {
  it('documents every code parseIndicatorDefinitions reports, with its severity, and no other', () => {
    const codes = new Set([...source.matchAll(/'(indicators\.[a-zA-Z]+)'/g)].map((m) => m[1] as string));
    const documented = new Map(
      [...doc.matchAll(/^\| `(indicators\.[a-zA-Z]+)` \| (error|warning) \|/gm)].map((m) => [
        m[1] as string,
        m[2] as string,
      ]),
    );
    expect(codes.size).toBeGreaterThan(20);
    expect([...documented.keys()].sort()).toEqual([...codes].sort());
    for (const [code, severity] of documented) {
      const uses = [...source.matchAll(new RegExp(`'${code.replace('.', '\\.')}',\\s*(?:'(error|warning)'|)`, 'g'))];
      // Codes passed to error()/warn() helpers carry the severity by the helper's name.
      const at = source.indexOf(`'${code}'`);
      const before = source.slice(Math.max(0, at - 40), at);
      const inferred = uses[0]?.[1] ?? (/warn\(\s*$/.test(before) ? 'warning' : 'error');
      expect(severity, code).toBe(inferred);
    }
  });

  it('gives grammar examples that parse', () => {
    const examples = [...doc.matchAll(/^\| `[^`]+`[^|]*\|[^|]*\| (`[^|]+`) \|$/gm)].flatMap((m) =>
      [...(m[1] as string).matchAll(/`([^`]+)`/g)].map((x) => x[1] as string),
    );
    expect(examples.length).toBeGreaterThan(10);
    for (const e of examples.filter((x) => x.indexOf('⏎') < 0)) expect(parseCondition(e).ok, e).toBe(true);
  });
});
