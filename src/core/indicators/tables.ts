/** Defines protectIndicators: the tables Tsunagu publishes for indicators marked 秘匿 (圏域 × 年度 with 市全体; 圏域 × 該当/非該当 for shares), suppressed and audited, and the decision for every cell. */
import type { IndicatorResult, Measure } from './aggregate';
import { formatCondition, type Condition, type Message } from './condition';
import { matchKey, specColumnByName } from './sources';
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
   * 'breakdown': one 年度 of a count split by the values of one column (経路=来所, 経路=電話 …)
   * with the whole (the same 件数 without the split): 分類 × 圏域 with both margins.
   */
  readonly kind: 'areasByYear' | 'share' | 'breakdown';
  /** The indicator (a breakdown: the whole). */
  readonly indicator: string;
  /** A breakdown's parts, in row order. */
  readonly parts?: readonly string[];
  readonly title: string;
  /** The 年度 of a share or breakdown table; null for 圏域 × 年度. */
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

  const families = familiesOf(results);
  const inFamily = new Set(families.flatMap((f) => [f.whole, ...f.parts].map((r) => r.definition.id)));
  for (const family of families) protectFamily(family, options, rowLabels, set, audited, tables);

  for (const result of results) {
    const def = result.definition;
    if (!def.suppress || result.status !== 'ok' || inFamily.has(def.id)) continue;
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

/**
 * A count split by the values of one single-valued column, with its whole: the whole is an
 * indicator (件数, 条件 C) and each part the same count with one more condition 列 = 値
 * (C かつ 経路=来所 …). The parts and the rows with other values (the remainder) add up to the
 * whole in every 圏域 — a relation someone could use, so they are protected together.
 */
interface Family {
  readonly whole: IndicatorResult;
  readonly parts: readonly IndicatorResult[];
  /** The parts cover every value of the column's fixed list: the remainder is known (blank rows only). */
  readonly exhaustive: boolean;
}

/** The canonical texts of the items of a condition joined with かつ, sorted; '' for none. */
function itemsKey(items: readonly Condition[]): string {
  return items
    .map((c) => formatCondition(c))
    .sort()
    .join('\u0000');
}

/** Ways to read a condition as (rest かつ 列=値): the column, the value and the rest's key. */
function splits(c: Condition | null): { column: string; value: string; rest: string }[] {
  if (c === null) return [];
  const items = c.kind === 'all' ? c.items : [c];
  const out: { column: string; value: string; rest: string }[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'compare' && item.op === '=' && item.values.length === 1)
      out.push({
        column: item.column,
        value: item.values[0] as string,
        rest: itemsKey(items.filter((_, k) => k !== i)),
      });
  });
  return out;
}

function familiesOf(results: readonly IndicatorResult[]): Family[] {
  const counted = results.filter(
    (r) => r.status === 'ok' && r.definition.method === '件数' && r.definition.source !== null,
  );
  const sameFrame = (a: IndicatorResult, b: IndicatorResult): boolean =>
    a.definition.source === b.definition.source &&
    a.definition.column === b.definition.column &&
    JSON.stringify(a.definition.dating) === JSON.stringify(b.definition.dating);
  const used = new Set<string>();
  const families: Family[] = [];
  for (const whole of counted) {
    if (used.has(whole.definition.id)) continue;
    const c = whole.definition.condition;
    const wholeKey = c === null ? '' : itemsKey(c.kind === 'all' ? c.items : [c]);
    const byColumn = new Map<string, { parts: IndicatorResult[]; values: Set<string>; column: string }>();
    for (const part of counted) {
      if (part === whole || used.has(part.definition.id) || !sameFrame(whole, part)) continue;
      for (const split of splits(part.definition.condition)) {
        if (split.rest !== wholeKey) continue;
        const column = specColumnByName(
          part.definition.source as NonNullable<typeof part.definition.source>,
          split.column,
        );
        // Only a single-valued column splits a count into parts that add up.
        if (!column || column.multi || column.type !== 'text') continue;
        const entry = byColumn.get(column.key) ?? { parts: [], values: new Set<string>(), column: column.key };
        const key = matchKey(split.value);
        if (entry.values.has(key)) continue;
        entry.values.add(key);
        entry.parts.push(part);
        byColumn.set(column.key, entry);
        break;
      }
    }
    // The column with the most parts makes the family.
    const best = [...byColumn.values()].sort((a, b) => b.parts.length - a.parts.length)[0];
    if (!best) continue;
    const group = [whole, ...best.parts];
    if (!group.some((r) => r.definition.suppress)) continue;
    const spec = (whole.definition.source as NonNullable<typeof whole.definition.source>).columns.find(
      (col) => col.key === best.column,
    );
    const exhaustive = spec?.list !== undefined && spec.list.every((v) => best.values.has(matchKey(v)));
    for (const r of group) used.add(r.definition.id);
    families.push({ whole, parts: best.parts, exhaustive });
  }
  return families;
}

/** Suppresses one family per 年度: parts (and the remainder) × 圏域, both margins. */
function protectFamily(
  family: Family,
  options: ProtectOptions,
  rowLabels: readonly string[],
  set: (id: string, fy: number, area: string, d: CellDecision) => void,
  audited: (t: SuppressedTable, what: string) => AuditResult,
  tables: PublishedTable[],
): void {
  const { whole, parts } = family;
  for (const wy of whole.years) {
    if (wy.city.state !== 'value') continue;
    const partYears = parts.map((p) => p.years.find((y) => y.fy === wy.fy) as IndicatorResult['years'][number]);
    const hasAreas = wy.unknownArea !== null;
    const columns = hasAreas ? rowLabels : [CITY];
    const measuresOf = (y: IndicatorResult['years'][number]): Measure[] => (hasAreas ? areaMeasures(y) : [y.city]);
    const wholeCells = measuresOf(wy).map((m) => m.value ?? 0);
    const partCells = partYears.map((y) => measuresOf(y).map((m) => m.value ?? 0));
    const rest = wholeCells.map((w, c) => w - partCells.reduce((n, row) => n + (row[c] as number), 0));
    if (rest.some((v) => v < 0)) continue; // not a split after all (never expected): each part stays protected on its own
    // With 圏域: parts × 圏域, row totals the parts' 市全体, column totals the whole per 圏域, the
    // grand total the whole's 市全体. Without: one column, its total the whole.
    const input: TableInput = {
      rows: parts.length + 1,
      columns: columns.length,
      values: [...partCells, rest],
      rowTotals: hasAreas ? 'shown' : 'absent',
      columnTotals: 'shown',
      grandTotal: hasAreas ? 'shown' : 'absent',
      ...(family.exhaustive ? { knownRows: [parts.length] } : { unpublishedRows: [parts.length] }),
    };
    const t = suppressTable(input, { kind: 'count', threshold: options.threshold });
    const audit = audited(t, `${whole.definition.id} ${whole.definition.name} ${wy.fy}`);
    parts.forEach((p, r) => {
      columns.forEach((area, c) => set(p.definition.id, wy.fy, area, decision((t.cells[r] as Figure[])[c] as Figure)));
      if (hasAreas) set(p.definition.id, wy.fy, CITY, decision((t.rowTotals as Figure[])[r] as Figure));
    });
    columns.forEach((area, c) =>
      set(whole.definition.id, wy.fy, area, decision((t.columnTotals as Figure[])[c] as Figure)),
    );
    if (hasAreas) set(whole.definition.id, wy.fy, CITY, decision(t.grandTotal as Figure));
    tables.push({
      id: `${whole.definition.id}:${wy.fy}`,
      kind: 'breakdown',
      indicator: whole.definition.id,
      parts: parts.map((p) => p.definition.id),
      title: `${whole.definition.name}（${wy.fy}年度）の内訳`,
      fy: wy.fy,
      rows: parts.map((p) => p.definition.name),
      columns,
      cells: t.cells.map((row) => row.map(published)),
      rowTotals: t.rowTotals ? t.rowTotals.map(published) : null,
      columnTotals: t.columnTotals ? t.columnTotals.map(published) : null,
      grandTotal: t.grandTotal ? published(t.grandTotal) : null,
      audit: { ok: audit.ok, hidden: audit.hiddenFigures },
    });
  }
}
