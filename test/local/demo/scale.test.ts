// The demo's scales: ledgerScale multiplies the ledgers, the large preset is a large city council's workbook, and the random tables draw what the lists draw.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { DEMO_SCALES, generateDemoBook } from '../../../src/local/demo';
import { Random, WeightedTable } from '../../../src/local/demo/random';
import { AREAS, TODAY, sheetOf } from './helpers';

const small = { seed: 5, volunteers: 40, requests: 15, today: TODAY, areas: AREAS };

describe('demo ledgerScale', () => {
  it('multiplies each ledger it names and leaves the others as they were', () => {
    const base = generateDemoBook(small);
    const scaled = generateDemoBook({ ...small, ledgerScale: { donations: 3, consultations: 2 } });
    const rows = (book: typeof base, kind: Parameters<typeof sheetOf>[1]) => sheetOf(book, kind).rows.length;
    expect(rows(scaled, 'donations') / rows(base, 'donations')).toBeGreaterThan(2.7);
    expect(rows(scaled, 'donations') / rows(base, 'donations')).toBeLessThan(3.3);
    expect(rows(scaled, 'consultations') / rows(base, 'consultations')).toBeGreaterThan(1.8);
    expect(rows(scaled, 'consultations') / rows(base, 'consultations')).toBeLessThan(2.2);
    for (const kind of ['volunteers', 'requests', 'memberships', 'activities'] as const) {
      expect(sheetOf(scaled, kind).rows, kind).toEqual(sheetOf(base, kind).rows);
    }
  });

  it('gives the same book at scale 1 as without it', () => {
    const scaleOne = { donations: 1, memberships: 1, activities: 1, consultations: 1 };
    expect(generateDemoBook({ ...small, ledgerScale: scaleOne })).toEqual(generateDemoBook(small));
  });

  it('grows the memberships and activities with their scale', () => {
    const base = generateDemoBook(small);
    const scaled = generateDemoBook({ ...small, ledgerScale: { memberships: 1.5, activities: 2 } });
    const ratio = (kind: 'memberships' | 'activities') =>
      sheetOf(scaled, kind).rows.length / sheetOf(base, kind).rows.length;
    expect(ratio('memberships')).toBeGreaterThan(1.35);
    expect(ratio('memberships')).toBeLessThan(1.65);
    expect(ratio('activities')).toBeGreaterThan(1.6);
  });

  it('refuses a scale that is not a positive number', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 5000]) {
      expect(() => generateDemoBook({ ...small, ledgerScale: { donations: bad } }), String(bad)).toThrow(/ledgerScale/);
    }
  });

  it('describes a large city council: 10,000 volunteers and 3,000 requests with ledgers many times the default', () => {
    const { large } = DEMO_SCALES;
    expect(large.volunteers).toBe(10_000);
    expect(large.requests).toBe(3_000);
    for (const value of Object.values(large.ledgerScale)) expect(value).toBeGreaterThan(1);
  });
});

describe('WeightedTable', () => {
  it('draws exactly what Random.weighted draws from the same whole-number weights', () => {
    const entries = Array.from({ length: 500 }, (_, i) => [i, (i * 7) % 5] as const);
    const table = new WeightedTable(entries);
    const a = Random.stream(9, 'table');
    const b = Random.stream(9, 'table');
    for (let k = 0; k < 5_000; k++) expect(a.fromTable(table)).toBe(b.weighted(entries));
  });

  it('never draws an entry of weight 0, and refuses to draw from an empty table', () => {
    const table = new WeightedTable([
      ['a', 0],
      ['b', 2],
      ['c', 0],
      ['d', 1],
    ] as const);
    const rng = Random.stream(1, 'zero');
    const seen = new Set<string>();
    for (let k = 0; k < 2_000; k++) seen.add(rng.fromTable(table));
    expect([...seen].sort()).toEqual(['b', 'd']);
    expect(() => Random.stream(1, 'x').fromTable(new WeightedTable<string>([]))).toThrow(/empty/);
  });
});
