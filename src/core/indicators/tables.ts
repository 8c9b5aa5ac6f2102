/** Defines protectIndicators: the tables Tsunagu publishes for indicators marked 秘匿 (圏域 × 年度 with 市全体; 圏域 × 該当/非該当 for shares), suppressed and audited, and the decision for every cell. */
import type { IndicatorResult, Measure } from './aggregate';
import type { Message } from './condition';
import { auditTable, type AuditResult } from './suppression/audit';
import { suppressTable, type Figure, type Protection, type Reason, type SuppressedTable } from './suppression/suppress';
import type { TableInput } from './suppression/table';

/** The name of the whole city in tables and in the JSON. */
export const CITY = '市全体';
/** Rows whose 圏域 is blank or not a 圏域 of 設定. */
export const UNKNOWN_AREA = '圏域不明';

/** The decision for one cell of one indicator. */
export interface CellDecision {
  readonly suppressed: boolean;
  readonly reason: Reason | null;
}

/** One figure of a published table, as the JSON gives it. */
export interface PublishedFigure {
  /** null where hidden. */
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: Reason | null;
}

/** A table as published: labels, figures, totals and the audit's verdict. */
export interface PublishedTable {
  readonly id: string;
  /**
   * 'areasByYear': 圏域 × 年度 with 市全体 per 年度. 'share': one 年度 of a 割合, its share per 圏域
   * and for 市全体 (protected as 圏域 × 該当/非該当 with both margins; the audit is of that table).
   */
  readonly kind: 'areasByYear' | 'share';
  readonly indicator: string;
  readonly title: string;
  /** The 年度 of a share table; null for 圏域 × 年度. */
  readonly fy: number | null;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly (readonly PublishedFigure[])[];
  /** Totals per row (the plan period per 圏域, or the base of a share); null when not published. */
  readonly rowTotals: readonly PublishedFigure[] | null;
  /** Totals per column: 市全体. */
  readonly columnTotals: readonly PublishedFigure[] | null;
  readonly grandTotal: PublishedFigure | null;
  readonly audit: { readonly ok: boolean; readonly hidden: number };
}

export interface ProtectionOutcome {
  /** Per indicator id, per 年度, per area name (and CITY): the decision. Cells not listed are shown. */
  readonly decisions: ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<string, CellDecision>>>;
  readonly tables: readonly PublishedTable[];
  /** Audit failures: none may be published. */
  readonly failures: readonly Message[];
}

export interface ProtectOptions {
  /** 秘匿基準 of 設定 (≥ 3). */
  readonly threshold: number;
  /** 圏域 in display order. */
  readonly areas: readonly string[];
  /** Publish plan-period totals per 圏域 (件数 and count sums): they are protected across 年度 too. */
  readonly periodTotals?: boolean;
}

const SHOWN: CellDecision = { suppressed: false, reason: null };

function published(f: Figure): PublishedFigure {
  return { value: f.shown ? f.value : null, suppressed: !f.shown, reason: f.reason };
}

function decision(f: Figure): CellDecision {
  return f.shown ? SHOWN : { suppressed: true, reason: f.reason };
}

/** 市全体 and the 圏域 (with 圏域不明) of one year's measures, as rows of a table. */
function areaMeasures(year: IndicatorResult['years'][number]): Measure[] {
  return year.unknownArea === null ? [] : [...year.areas, year.unknownArea];
}

/**
 * Suppresses every indicator marked 秘匿 and audits each table before anything is published:
 * - counts (件数, 人数, 合計 of a count): one 圏域 × 年度 table with 市全体 per 年度 (and, with
 *   periodTotals, a plan-period total per 圏域 and overall);
 * - amounts and means: the same table, its primaries being the cells made of fewer than
 *   秘匿基準 rows (a sum or mean of few rows tells about those rows), protected so no such
 *   sum can be worked out, for someone who knows every base count;
 * - shares (割合): per 年度, 圏域 × (該当, 非該当) with the base per 圏域 and 市全体 — a share is
 *   shown only if its count, the rest and the base could all be shown.
 * Indicators not marked 秘匿 are shown as they are.
 */
export function protectIndicators(results: readonly IndicatorResult[], options: ProtectOptions): ProtectionOutcome {
  const decisions = new Map<string, Map<number, Map<string, CellDecision>>>();
  const tables: PublishedTable[] = [];
  const failures: Message[] = [];
  const rowLabels = [...options.areas, UNKNOWN_AREA];
  const set = (id: string, fy: number, area: string, d: CellDecision): void => {
    let byYear = decisions.get(id);
    if (!byYear) decisions.set(id, (byYear = new Map()));
    let byArea = byYear.get(fy);
    if (!byArea) byYear.set(fy, (byArea = new Map()));
    byArea.set(area, d);
  };
  const audited = (t: SuppressedTable, what: string): AuditResult => {
    const audit = auditTable(t);
    for (const p of audit.problems) failures.push({ ja: `${what}: ${p.ja}`, en: `${what}: ${p.en}` });
    return audit;
  };

  for (const result of results) {
    const def = result.definition;
    if (!def.suppress || result.status !== 'ok') continue;
    const years = result.years.filter((y) => y.city.state === 'value');
    if (years.length === 0) continue;
    const hasAreas = years[0]?.unknownArea !== null;
    const what = `${def.id} ${def.name}`;

    if (result.valueKind === 'share') {
      for (const y of years) {
        const parts = hasAreas ? areaMeasures(y) : [y.city];
        const values = parts.map((m) => [m.numerator ?? 0, m.base - (m.numerator ?? 0)]);
        const input: TableInput = {
          rows: parts.length,
          columns: 2,
          values,
          rowTotals: 'shown',
          columnTotals: hasAreas ? 'shown' : 'absent',
          grandTotal: hasAreas ? 'shown' : 'absent',
        };
        const t = suppressTable(input, { kind: 'count', threshold: options.threshold });
        const audit = audited(t, `${what} ${y.fy}`);
        const labels = hasAreas ? rowLabels : [CITY];
        const shares: PublishedFigure[] = labels.map((area, r) => {
          const d = combined([...(t.cells[r] as Figure[]), (t.rowTotals as Figure[])[r] as Figure]);
          set(def.id, y.fy, area, d);
          return shareFigure(parts[r] as Measure, d);
        });
        let city: PublishedFigure | null = null;
        if (hasAreas) {
          const d = combined([...(t.columnTotals as Figure[]), t.grandTotal as Figure]);
          set(def.id, y.fy, CITY, d);
          city = shareFigure(y.city, d);
        }
        // What is published is the share, never the counts behind it: a base shown here could be
        // a count another indicator hides (相談件数 of one 圏域).
        tables.push({
          id: `${def.id}:${y.fy}`,
          kind: 'share',
          indicator: def.id,
          title: `${def.name}（${y.fy}年度）`,
          fy: y.fy,
          rows: labels,
          columns: ['割合（%）'],
          cells: shares.map((f) => [f]),
          rowTotals: null,
          columnTotals: city ? [city] : null,
          grandTotal: null,
          audit: { ok: audit.ok, hidden: audit.hiddenFigures },
        });
      }
      continue;
    }

    // 圏域 × 年度: rows are the 圏域 (and 圏域不明), columns the 年度, column totals 市全体.
    const count = result.valueKind === 'count';
    const period = options.periodTotals === true && count && def.method !== '人数';
    const rows = hasAreas ? rowLabels : [CITY];
    const valueOf = (m: Measure): number => (count ? (m.value as number) : Math.max(0, m.sum ?? m.base));
    const baseOf = (m: Measure): number => m.base;
    const grid = (f: (m: Measure) => number): number[][] =>
      rows.map((_, r) => years.map((y) => f(hasAreas ? (areaMeasures(y)[r] as Measure) : y.city)));
    const values = grid(valueOf);
    const bases = grid(baseOf);
    const input: TableInput = {
      rows: rows.length,
      columns: years.length,
      values,
      rowTotals: period ? 'shown' : 'absent',
      columnTotals: hasAreas ? 'shown' : 'absent',
      grandTotal: period ? 'shown' : 'absent',
    };
    const protection: Protection = count
      ? { kind: 'count', threshold: options.threshold }
      : {
          kind: 'pattern',
          primary: baseBelow(bases, years, options.threshold, hasAreas ? years.map((y) => y.city.base) : null),
        };
    const t = suppressTable(input, protection);
    const audit = audited(t, what);
    rows.forEach((area, r) =>
      years.forEach((y, c) => set(def.id, y.fy, area, decision((t.cells[r] as Figure[])[c] as Figure))),
    );
    if (t.columnTotals)
      years.forEach((y, c) => set(def.id, y.fy, CITY, decision((t.columnTotals as Figure[])[c] as Figure)));
    tables.push({
      id: def.id,
      kind: 'areasByYear',
      indicator: def.id,
      title: def.name,
      fy: null,
      rows,
      columns: years.map((y) => String(y.fy)),
      cells: t.cells.map((row) => row.map((f) => published({ ...f, value: shownValue(result, f, years, hasAreas) }))),
      rowTotals: t.rowTotals ? t.rowTotals.map(published) : null,
      columnTotals: t.columnTotals
        ? t.columnTotals.map((f) =>
            published({ ...f, value: (years[f.column] as { city: Measure }).city.value as number }),
          )
        : null,
      grandTotal: t.grandTotal ? published(t.grandTotal) : null,
      audit: { ok: audit.ok, hidden: audit.hiddenFigures },
    });
  }
  return { decisions, tables, failures };
}

/** A cell of an amount or mean table shows the indicator's own value (the sum or the mean), not the base. */
function shownValue(result: IndicatorResult, f: Figure, years: IndicatorResult['years'], hasAreas: boolean): number {
  const y = years[f.column] as IndicatorResult['years'][number];
  const m = hasAreas ? (areaMeasures(y)[f.row] as Measure) : y.city;
  return result.valueKind === 'count' ? f.value : (m.value as number);
}

/** Primaries of an amount or mean table: figures made of 1 … threshold−1 rows. */
function baseBelow(
  bases: readonly (readonly number[])[],
  years: readonly unknown[],
  threshold: number,
  cityBases: readonly number[] | null,
): (f: { role: string; row: number; column: number }) => boolean {
  const small = (n: number): boolean => n > 0 && n < threshold;
  return (f) => {
    if (f.role === 'cell') return small((bases[f.row] as number[])[f.column] as number);
    if (f.role === 'columnTotal' && cityBases) return small(cityBases[f.column] as number);
    return false;
  };
}

/** A share as published: rounded to 0.1, null where hidden or where there is no base. */
function shareFigure(m: Measure, d: CellDecision): PublishedFigure {
  const value = !d.suppressed && m.state === 'value' && m.value !== null ? Math.round(m.value * 10) / 10 : null;
  return { value, suppressed: d.suppressed, reason: d.reason };
}

/** A share is shown only when every count behind it is; it is primary when any of them is. */
function combined(figures: readonly Figure[]): CellDecision {
  if (figures.every((f) => f.shown)) return SHOWN;
  return { suppressed: true, reason: figures.some((f) => f.reason === 'primary') ? 'primary' : 'secondary' };
}
