// Tests small-cell suppression: primary and complementary hiding, the audit (rank test, bridge test, 0…threshold ranges), patterns that fool the simple rule, and a brute-force check over random tables.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { auditTable, determinedByRank, integerRref } from '../../../src/core/indicators/suppression/audit';
import {
  suppressTable,
  withPattern,
  type Figure,
  type FigureRef,
  type SuppressedTable,
} from '../../../src/core/indicators/suppression/suppress';
import { bridges, type MarginUse, type TableInput } from '../../../src/core/indicators/suppression/table';

const count = (threshold: number) => ({ kind: 'count' as const, threshold });

/** 圏域 × 年度 with 市全体 per 年度: rows are areas, the column totals are the city. */
function areasByYear(values: number[][], extra: Partial<TableInput> = {}): TableInput {
  return {
    rows: values.length,
    columns: values[0]?.length ?? 0,
    values,
    rowTotals: 'absent',
    columnTotals: 'shown',
    grandTotal: 'absent',
    ...extra,
  };
}

function shown(t: SuppressedTable): (number | '＊')[][] {
  return t.cells.map((row) => row.map((f) => (f.shown ? f.value : '＊')));
}

/** The figures among ids that a table shows or hides (absent totals may well be determined). */
function publishable(t: SuppressedTable, ids: readonly number[]): number[] {
  return ids.filter((id) => t.network.arcs[id]!.publishable);
}

function hiddenCells(t: SuppressedTable): string[] {
  const out: string[] = [];
  for (const row of t.cells) for (const f of row) if (!f.shown) out.push(`${f.row},${f.column}:${f.reason}`);
  return out;
}

describe('indicators/suppression', () => {
  describe('suppressTable', () => {
    it('hides a small area and the smallest other area of its column, keeping 市全体', () => {
      const t = suppressTable(areasByYear([[3], [50], [40], [60]]), count(10));
      expect(shown(t)).toEqual([['＊'], [50], ['＊'], [60]]);
      expect(hiddenCells(t)).toEqual(['0,0:primary', '2,0:secondary']);
      expect(t.columnTotals?.map((f) => f.shown)).toEqual([true]);
      expect(auditTable(t).ok).toBe(true);
    });

    it('shows 0 and hides nothing when no count is small', () => {
      const t = suppressTable(
        areasByYear([
          [0, 12],
          [15, 10],
        ]),
        count(10),
      );
      expect(hiddenCells(t)).toEqual([]);
    });

    it('protects each 年度 of a 圏域 × 年度 table on its own when there are no period totals', () => {
      const t = suppressTable(
        areasByYear([
          [30, 4],
          [40, 50],
          [20, 60],
        ]),
        count(10),
      );
      // The complement is the smaller partner (50 rather than 60): less is hidden.
      expect(shown(t)).toEqual([
        [30, '＊'],
        [40, '＊'],
        [20, 60],
      ]);
    });

    it('hides a small 市全体 itself', () => {
      const t = suppressTable(areasByYear([[2], [3], [0]]), count(10));
      expect(t.columnTotals?.[0]?.shown).toBe(false);
      expect(t.columnTotals?.[0]?.reason).toBe('primary');
      expect(auditTable(t).ok).toBe(true);
    });

    it('protects across 年度 when period totals are shown (both margins)', () => {
      const table = areasByYear(
        [
          [25, 3, 30],
          [40, 45, 50],
          [35, 38, 41],
        ],
        { rowTotals: 'shown', grandTotal: 'shown' },
      );
      const t = suppressTable(table, count(10));
      const audit = auditTable(t);
      expect(audit.problems).toEqual([]);
      // Row 0's total and the year's 市全体 both contain the 3: a rectangle of four cells is needed.
      expect(hiddenCells(t).length).toBeGreaterThanOrEqual(4);
    });

    it('never hides a primary cell less than the 0…threshold range with nonnegative counts', () => {
      // With 市全体 37 shown, hiding 3 with 34 leaves 0…37; hiding 3 with 4 (a small partner) would leave 0…7.
      const t = suppressTable(areasByYear([[3], [4], [30]]), count(10));
      expect(auditTable(t).ok).toBe(true);
      expect(shown(t)).toEqual([['＊'], ['＊'], ['＊']]);
    });

    it('is deterministic', () => {
      const table = areasByYear([
        [5, 20],
        [20, 5],
        [33, 40],
        [7, 9],
      ]);
      expect(suppressTable(table, count(10)).hidden).toEqual(suppressTable(table, count(10)).hidden);
    });

    it('keeps unpublished rows hidden and out of the output', () => {
      const t = suppressTable(
        {
          rows: 3,
          columns: 2,
          values: [
            [20, 3],
            [30, 30],
            [5, 6],
          ],
          rowTotals: 'absent',
          columnTotals: 'shown',
          grandTotal: 'absent',
          unpublishedRows: [2],
        },
        count(10),
      );
      expect(t.cells).toHaveLength(2);
      expect(auditTable(t).ok).toBe(true);
    });

    it('treats a known row as published: never shown, never relied on', () => {
      // The remainder row (0, 2) is known: the 3 cannot hide behind it.
      const t = suppressTable({ ...areasByYear([[3], [40], [55], [2]]), knownRows: [3] }, count(10));
      expect(t.cells).toHaveLength(3);
      expect(shown(t)).toEqual([['＊'], ['＊'], [55]]);
      expect(auditTable(t).ok).toBe(true);
    });

    it('hides the given primaries of a pattern table and complements them', () => {
      const t = suppressTable(areasByYear([[120000], [5000], [300000], [250000]]), {
        kind: 'pattern',
        primary: (f) => f.role === 'cell' && f.row === 1,
      });
      expect(hiddenCells(t)).toEqual(['0,0:secondary', '1,0:primary']);
      expect(auditTable(t).ok).toBe(true);
    });
  });

  describe('auditTable', () => {
    it('catches a pattern that passes "every row and column has 0 or 2+ hidden cells" (a bridge between two rectangles)', () => {
      // Two 2×2 rectangles of hidden cells joined by one hidden cell (1,2): every row and column
      // has two or three hidden cells, yet (1,2) = (row 0 + row 1 totals) − (column 0 + column 1 totals) − published.
      const values = [
        [12, 15, 20, 20],
        [14, 11, 16, 22],
        [20, 20, 13, 17],
        [20, 20, 18, 12],
      ];
      const table: TableInput = {
        rows: 4,
        columns: 4,
        values,
        rowTotals: 'shown',
        columnTotals: 'shown',
        grandTotal: 'shown',
      };
      const pattern: FigureRef[] = [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
        [2, 2],
        [2, 3],
        [3, 2],
        [3, 3],
        [1, 2],
      ].map(([row, column]) => ({ role: 'cell', row: row as number, column: column as number }));
      const t = withPattern(table, count(10), pattern);
      for (let r = 0; r < 4; r++) {
        expect(t.cells[r]?.filter((f) => !f.shown).length).toBeGreaterThanOrEqual(2);
        expect(t.cells.filter((row) => !(row[r] as Figure).shown).length).toBeGreaterThanOrEqual(2);
      }
      const audit = auditTable(t);
      expect(audit.ok).toBe(false);
      const bridge = t.network.cellArc[1 * 4 + 2] as number;
      expect(audit.determinedByRank).toEqual([bridge]);
      expect(audit.determinedByBridges).toEqual([bridge]);
      // The attack itself, from published figures only: rows 0–1 minus columns 0–1.
      const v = (r: number, c: number) => values[r]![c]!;
      const rowT = (r: number) => values[r]!.reduce((a, b) => a + b, 0);
      const colT = (c: number) => values.reduce((a, row) => a + row[c]!, 0);
      const published = v(0, 2) + v(0, 3) + v(1, 3) - v(2, 0) - v(2, 1) - v(3, 0) - v(3, 1);
      expect(rowT(0) + rowT(1) - colT(0) - colT(1) - published).toBe(v(1, 2));
    });

    it('catches two small cells hidden only with each other under a shown total (the interval attack)', () => {
      // 市全体 95 = 3 + 2 + 40 + 50: hiding 3 and 2 passes the simple rule, but they sum to 5,
      // so the 3 is known to be at most 5 — never the threshold 10.
      const table = areasByYear([[3], [2], [40], [50]]);
      const t = withPattern(table, count(10), [
        { role: 'cell', row: 0, column: 0 },
        { role: 'cell', row: 1, column: 0 },
      ]);
      const audit = auditTable(t);
      expect(publishable(t, audit.determinedByRank)).toEqual([]);
      expect(audit.ok).toBe(false);
      expect(audit.problems[0]?.ja).toContain('狭すぎます');
      // Tsunagu's own pattern adds a large partner instead.
      const own = suppressTable(table, count(10));
      expect(shown(own)).toEqual([['＊'], ['＊'], ['＊'], [50]]);
      expect(auditTable(own).ok).toBe(true);
    });

    it('catches a single hidden cell in a column whose total is shown', () => {
      const t = withPattern(areasByYear([[3], [50]]), count(10), [{ role: 'cell', row: 0, column: 0 }]);
      const audit = auditTable(t);
      expect(publishable(t, audit.determinedByRank)).toEqual([t.network.cellArc[0]]);
      expect(audit.ok).toBe(false);
    });

    it('catches a published small count', () => {
      const audit = auditTable(withPattern(areasByYear([[3], [50]]), count(10), []));
      expect(audit.problems.map((p) => p.ja).join()).toContain('公表されています');
    });
  });

  describe('integerRref', () => {
    it('reduces exactly, with no floating point', () => {
      expect(
        integerRref([
          [2, 4],
          [1, 3],
        ]),
      ).toEqual([
        [1n, 0n],
        [0n, 1n],
      ]);
      expect(
        integerRref([
          [1, 1, 0],
          [1, 1, 0],
          [0, 1, 1],
        ]),
      ).toEqual([
        [1n, 0n, -1n],
        [0n, 1n, 1n],
        [0n, 0n, 0n],
      ]);
    });
  });

  describe('properties', () => {
    const margin = fc.constantFrom<MarginUse>('shown', 'absent');
    const tableArb = fc
      .record({
        rows: fc.integer({ min: 1, max: 5 }),
        columns: fc.integer({ min: 1, max: 5 }),
        rowTotals: margin,
        columnTotals: margin,
        grandTotal: margin,
        seed: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 10, max: 80 })), {
          minLength: 25,
          maxLength: 25,
        }),
        // The last row as a remainder: unpublished, or known to anyone.
        lastRow: fc.constantFrom('plain', 'unpublished', 'known'),
      })
      .map(({ rows, columns, seed, lastRow, ...margins }) => ({
        rows,
        columns,
        values: Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => seed[r * 5 + c] as number),
        ),
        ...margins,
        ...(rows > 1 && lastRow === 'unpublished' ? { unpublishedRows: [rows - 1] } : {}),
        ...(rows > 1 && lastRow === 'known' ? { knownRows: [rows - 1] } : {}),
      }));

    it('every suppressed table passes its audit, and the rank and bridge tests agree', () => {
      fc.assert(
        fc.property(tableArb, fc.integer({ min: 3, max: 12 }), (table, threshold) => {
          const t = suppressTable(table, count(threshold));
          const audit = auditTable(t);
          expect(audit.problems, JSON.stringify({ table, threshold })).toEqual([]);
          expect(audit.determinedByRank).toEqual(audit.determinedByBridges);
        }),
        { numRuns: 250 },
      );
    });

    it('the rank test and the bridge test agree on any hiding pattern', () => {
      fc.assert(
        fc.property(tableArb, fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }), (table, mask) => {
          const t = suppressTable(table, count(5));
          const hidden = new Set(t.network.arcs.filter((a) => !a.publishable || mask[a.id % 36]).map((a) => a.id));
          const rank = determinedByRank(t.network, hidden);
          const cut = [...bridges(t.network, (a) => hidden.has(a.id))].sort((a, b) => a - b);
          expect(rank).toEqual(cut);
        }),
        { numRuns: 300 },
      );
    });

    /**
     * Independent of flows and linear algebra: enumerate every nonnegative integer table that
     * agrees with the published figures, and take each hidden figure's smallest and largest value.
     */
    function bruteRanges(table: TableInput, t: SuppressedTable, cap: number): Map<number, [number, number]> | null {
      const net = t.network;
      const hiddenCells = net.cellArc.filter((id) => t.hidden.has(id));
      const bound = (id: number): number => {
        const a = net.arcs[id]!;
        let b = cap;
        const rowT = net.arcs[net.rowTotalArc[a.row]!]!;
        const colT = net.arcs[net.columnTotalArc[a.column]!]!;
        if (!t.hidden.has(rowT.id)) b = Math.min(b, rowT.value);
        if (!t.hidden.has(colT.id)) b = Math.min(b, colT.value);
        if (!t.hidden.has(net.grandArc)) b = Math.min(b, net.arcs[net.grandArc]!.value);
        return b;
      };
      const bounds = hiddenCells.map(bound);
      if (bounds.reduce((p, b) => p * (b + 1), 1) > 200_000) return null;
      const ranges = new Map<number, [number, number]>();
      const x = table.values.map((r) => r.slice());
      const visit = (k: number): void => {
        if (k === hiddenCells.length) {
          const rowSums = x.map((r) => r.reduce((a, b) => a + b, 0));
          const colSums = x[0]!.map((_, c) => x.reduce((a, r) => a + r[c]!, 0));
          const grand = rowSums.reduce((a, b) => a + b, 0);
          const value = (id: number): number => {
            const a = net.arcs[id]!;
            return a.role === 'cell'
              ? x[a.row]![a.column]!
              : a.role === 'rowTotal'
                ? rowSums[a.row]!
                : a.role === 'columnTotal'
                  ? colSums[a.column]!
                  : grand;
          };
          for (const a of net.arcs) if (!t.hidden.has(a.id) && value(a.id) !== a.value) return;
          for (const id of t.hidden) {
            const v = value(id);
            const r = ranges.get(id);
            ranges.set(id, r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v]);
          }
          return;
        }
        const id = hiddenCells[k]!;
        const a = net.arcs[id]!;
        for (let v = 0; v <= bounds[k]!; v++) {
          x[a.row]![a.column] = v;
          visit(k + 1);
        }
        x[a.row]![a.column] = a.value;
      };
      visit(0);
      return ranges;
    }

    it('a brute-force enumeration agrees: no hidden figure is pinned, every small count can be 0 and the threshold', () => {
      const small = fc
        .record({
          rows: fc.integer({ min: 1, max: 3 }),
          columns: fc.integer({ min: 1, max: 3 }),
          rowTotals: margin,
          columnTotals: fc.constant<MarginUse>('shown'),
          grandTotal: margin,
          seed: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 4, max: 9 })), {
            minLength: 9,
            maxLength: 9,
          }),
        })
        .map(({ rows, columns, seed, ...margins }) => ({
          rows,
          columns,
          values: Array.from({ length: rows }, (_, r) =>
            Array.from({ length: columns }, (_, c) => seed[r * 3 + c] as number),
          ),
          ...margins,
        }));
      let checked = 0;
      fc.assert(
        fc.property(small, (table) => {
          const threshold = 4;
          const t = suppressTable(table, count(threshold));
          const ranges = bruteRanges(table, t, 40);
          fc.pre(ranges !== null);
          checked++;
          const pinned = determinedByRank(t.network, t.hidden);
          for (const [id, [lo, hi]] of ranges as Map<number, [number, number]>) {
            const a = t.network.arcs[id]!;
            expect(lo === hi, `arc ${id} ${JSON.stringify(table)}`).toBe(pinned.indexOf(id) >= 0);
            if (t.primary.has(id)) {
              expect(lo, `primary ${id} low`).toBe(0);
              expect(hi, `primary ${id} high`).toBeGreaterThanOrEqual(threshold);
            }
            expect(lo <= a.value && a.value <= hi).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
      expect(checked).toBeGreaterThan(50);
    });
  });
});
