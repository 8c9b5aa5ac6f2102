// Checks that src/core/text/phone-metadata-jp.ts is exactly what libphonenumber-js's current metadata gives, and regenerates it on request.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';

/**
 * The generated file is checked in (not derived at run time) because importing
 * 'libphonenumber-js/metadata.max.json' would put every country's plan (≈150 KB) into
 * dist/Code.js: esbuild cannot tree-shake inside a JSON value.
 * To regenerate after upgrading libphonenumber-js:
 *   TSUNAGU_WRITE_PHONE_METADATA=1 npx vitest run test/core/text/phone-metadata-jp.test.ts
 */
const TARGET = fileURLToPath(new URL('../../../src/core/text/phone-metadata-jp.ts', import.meta.url));

const require = createRequire(import.meta.url);

/** The compressed (v4) metadata layout of one country, as libphonenumber-js's es6/metadata.js reads it. */
type CountryJson = [
  string, // 0 calling code
  string, // 1 IDD prefix
  string, // 2 national number pattern
  number[], // 3 possible lengths
  FormatJson[], // 4 formats
  string, // 5 national prefix
  string | 0, // 6 national prefix formatting rule
  ...unknown[],
];
type FormatJson = [string, string, string[]?, (string | 0)?, ...unknown[]];
type TypeJson = [string, number[]?] | 0 | undefined;

/**
 * getNumberType's order: FIXED_LINE first, then NON_FIXED_LINE_PHONE_TYPES; the index is the
 * slot in the country's types array (es6/metadata.js getType()).
 */
const TYPE_ORDER: ReadonlyArray<[string, number]> = [
  ['FIXED_LINE', 0],
  ['MOBILE', 1],
  ['PREMIUM_RATE', 3],
  ['TOLL_FREE', 2],
  ['SHARED_COST', 9],
  ['VOIP', 8],
  ['PERSONAL_NUMBER', 4],
  ['PAGER', 7],
  ['UAN', 6],
  ['VOICEMAIL', 5],
];

/** Japan's plan from the full metadata, in the shape phone.ts reads. Pure. */
export function deriveJapanPlan(metadata: { countries: Record<string, unknown[]> }, libraryVersion: string): unknown {
  const jp = metadata.countries.JP as unknown as CountryJson;
  const types = jp[11] as TypeJson[];
  if (jp[0] !== '81' || jp[5] !== '0' || !Array.isArray(types)) throw new Error('unexpected JP metadata layout');
  const countryRule = jp[6] || null;
  const FIRST_GROUP = /(\$\d)/;
  return {
    library: `libphonenumber-js ${libraryVersion} metadata.max.json`,
    nationalNumberPattern: jp[2],
    formats: jp[4].map((f) => {
      const leading = f[2] ?? [];
      const rule = f[3] || countryRule;
      return {
        pattern: f[0],
        // chooseFormatForNumber uses only the last, most detailed leading-digits pattern.
        leadingDigits: leading.length > 0 ? (leading[leading.length - 1] as string) : null,
        // formatNationalNumberUsingFormat: the national prefix rule replaces the first group.
        template: rule ? f[1].replace(FIRST_GROUP, rule) : f[1],
      };
    }),
    types: TYPE_ORDER.flatMap(([name, index]) => {
      const t = types[index];
      if (!t || !t[0]) return [];
      return [{ name, pattern: t[0], lengths: t[1] ?? jp[3] }];
    }),
  };
}

export function renderPlanModule(plan: unknown): string {
  return [
    "/** Defines JP_PHONE_PLAN, Japan's phone numbering plan (formats and number types) — generated, do not edit. */",
    '// Generated from libphonenumber-js metadata (Google libphonenumber data) by test/core/text/phone-metadata-jp.test.ts.',
    '// Regenerate: TSUNAGU_WRITE_PHONE_METADATA=1 npx vitest run test/core/text/phone-metadata-jp.test.ts',
    '',
    'export interface PhonePlanFormat {',
    '  /** Matches the whole national number (without the leading 0); its groups feed template. */',
    '  readonly pattern: string;',
    '  /** Matches at the start of the national number when this format applies; null: always. */',
    '  readonly leadingDigits: string | null;',
    "  /** Replacement for pattern, national prefix included: '0$1-$2-$3'. */",
    '  readonly template: string;',
    '}',
    '',
    'export interface PhonePlanType {',
    "  /** libphonenumber's type name: FIXED_LINE, MOBILE, VOIP, TOLL_FREE, UAN … */",
    '  readonly name: string;',
    '  readonly pattern: string;',
    '  /** National number lengths this type can have. */',
    '  readonly lengths: readonly number[];',
    '}',
    '',
    'export interface PhonePlan {',
    '  readonly library: string;',
    '  readonly nationalNumberPattern: string;',
    '  /** In the order libphonenumber tries them; the first that fits wins. */',
    '  readonly formats: readonly PhonePlanFormat[];',
    '  /** In the order libphonenumber tests them (getNumberType); the first that matches wins. */',
    '  readonly types: readonly PhonePlanType[];',
    '}',
    '',
    `export const JP_PHONE_PLAN: PhonePlan = ${JSON.stringify(plan, null, 2)};`,
    '',
  ].join('\n');
}

describe('text/phone-metadata-jp', () => {
  it('is what the installed libphonenumber-js metadata gives (regenerate when this fails)', () => {
    const metadata = require('libphonenumber-js/metadata.max.json') as { countries: Record<string, unknown[]> };
    const version = (require('libphonenumber-js/package.json') as { version: string }).version;
    const expected = renderPlanModule(deriveJapanPlan(metadata, version));
    if (process.env.TSUNAGU_WRITE_PHONE_METADATA === '1') writeFileSync(TARGET, expected);
    expect(readFileSync(TARGET, 'utf8')).toBe(expected);
  });
});
