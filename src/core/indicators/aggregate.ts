/** Defines aggregateIndicators: every indicator's value per 年度 and per 圏域 plus 市全体, in one pass over each source's rows. */
import { compileCondition, missingColumnMessage, resolveCondition, type RowTest } from './bind';
import type { Message } from './condition';
import type { IndicatorDefinition, Method } from './definitions';
import { matchKey, type SourceColumn, type SourceKind, type SourceView } from './sources';

/** What a cell holds. */
export type CellState =
  /** A value (value is a number). */
  | 'value'
  /** No rows to take a mean or a share of: nothing to show (—), which is not 0. */
  | 'none'
  /** No source sheet, or the sheet has no rows in that 年度: データなし, never 0. */
  | 'noData'
  /** A 年度 after the current one. */
  | 'future'
  /** A count as of today (日付列 現在) for a past 年度: only 年度確定 keeps those. */
  | 'notCounted'
  /** A manual indicator whose 実績 has not been typed. */
  | 'notEntered';

/** One cell of one indicator: a 年度 × (a 圏域, 圏域不明 or 市全体). */
export interface Measure {
  readonly state: CellState;
  /** The value when state is 'value'. */
  readonly value: number | null;
  /**
   * What the value is made of, for suppression: 件数 and 人数 the value itself; 合計 and 平均 the
   * rows that had a number; 割合 the rows of the denominator.
   */
  readonly base: number;
  /** 割合: rows meeting 条件 among the denominator. */
  readonly numerator?: number;
  /** 合計 and 平均: the sum. */
  readonly sum?: number;
}

export interface YearMeasures {
  readonly fy: number;
  readonly city: Measure;
  /** One per 圏域, in AggregateResult.areas order; empty when the source has no 圏域 column. */
  readonly areas: readonly Measure[];
  /** Rows whose 圏域 is blank or not a 圏域 of 設定; null when the source has no 圏域 column. */
  readonly unknownArea: Measure | null;
}

export interface IndicatorResult {
  readonly definition: IndicatorDefinition;
  readonly status: 'ok' | 'noSource' | 'missingColumn' | 'manual';
  /**
   * What the values count, for suppression: 'count' (件数, 人数, a 合計 of a count column such
   * as 参加者数), 'amount' (a 合計 of yen), 'share' (割合), 'mean' (平均), 'typed' (手入力).
   */
  readonly valueKind: 'count' | 'amount' | 'share' | 'mean' | 'typed';
  readonly years: readonly YearMeasures[];
  /** Why the indicator could not be counted, and notes about rows that could not be read. */
  readonly notes: readonly Message[];
}

export interface SourceStats {
  readonly kind: SourceKind;
  readonly sheets: readonly string[];
  readonly rows: number;
  /** Totals and notes rows set aside (計, 合計, ※…). */
  readonly notDataRows: number;
}

export interface AggregateResult {
  readonly years: readonly number[];
  readonly areas: readonly string[];
  readonly currentFiscalYear: number;
  readonly indicators: readonly IndicatorResult[];
  readonly sources: readonly SourceStats[];
}

/** 実績 staff typed for manual indicators: id → 年度 → value. */
export type ManualActuals = Readonly<Record<string, Readonly<Record<number, number | null>>>>;

export interface AggregateInput {
  readonly definitions: readonly IndicatorDefinition[];
  /** The sources the workbook has; a missing one gives データなし. */
  readonly views: Partial<Record<SourceKind, SourceView>>;
  /** The 年度 to count, ascending. */
  readonly years: readonly number[];
  /** 圏域 names in display order (設定). */
  readonly areas: readonly string[];
  readonly startMonth: number;
  /** Today's 年度: later ones are 'future'; 日付列 現在 counts in it. */
  readonly currentFiscalYear: number;
  readonly manual?: ManualActuals;
}

const NO_DATA: Measure = { state: 'noData', value: null, base: 0 };
const FUTURE: Measure = { state: 'future', value: null, base: 0 };
const NOT_COUNTED: Measure = { state: 'notCounted', value: null, base: 0 };
const NOT_ENTERED: Measure = { state: 'notEntered', value: null, base: 0 };

/** Rounds away floating-point noise of sums (0.1 + 0.2) without touching real decimals. */
function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function kindOfMethod(method: Method | null, column: SourceColumn | null): IndicatorResult['valueKind'] {
  switch (method) {
    case '件数':
    case '人数':
      return 'count';
    case '合計':
      return column?.measure === 'count' ? 'count' : 'amount';
    case '平均':
      return 'mean';
    case '割合':
      return 'share';
    default:
      return 'typed';
  }
}

interface Plan {
  readonly result: number;
  /** 対象列, when one is used. */
  readonly column: SourceColumn | null;
  readonly definition: IndicatorDefinition;
  readonly method: Method;
  readonly test: RowTest;
  readonly denominator: RowTest;
  /** 対象列: numbers (合計, 平均), presence (件数, 割合), people (人数). */
  readonly numbers: Float64Array | null;
  readonly present: Uint8Array | null;
  readonly people: People | null;
  /** Accumulators: [year][area slot]; the last slot is 圏域不明. */
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/**
 * Who a row is about, for 人数: dictionary codes of 対象列 (one per row, or a list for a
 * multi-value cell), and per year × person the order of their first row and its 圏域 slot.
 */
interface People {
  readonly codes: Int32Array | null;
  readonly lists: readonly (readonly number[])[] | null;
  /** Distinct people in the column. */
  readonly size: number;
  /** [year × size + person]: order of the first row (+∞ when none). */
  readonly first: Float64Array;
  readonly slot: Int16Array;
}

function peopleOf(
  codes: Int32Array | null,
  lists: readonly (readonly number[])[] | null,
  size: number,
  yearCount: number,
): People {
  const first = new Float64Array(size * yearCount).fill(Number.POSITIVE_INFINITY);
  return { codes, lists, size, first, slot: new Int16Array(size * yearCount) };
}

interface Dating {
  readonly key: string;
  /** Year index per data row (-1: outside the years or undated). */
  readonly yearIndex: Int16Array;
  /** Rows per year index, before any 条件. */
  readonly rowsPerYear: Float64Array;
  /** Ordering of rows for 人数 (the first row of a person in a year places them): day, else row order. */
  readonly order: Float64Array | null;
  readonly current: boolean;
}

/**
 * Counts every definition over its source in one pass per source (and per way of dating rows):
 * each row's 年度 and 圏域 are read once, then every indicator of that source looks at the row.
 * 人数 counts a person once per 年度, in the 圏域 of their first row that 年度 (so the 圏域
 * add up to 市全体). A year with no rows at all in the source is データなし, not 0.
 */
export function aggregateIndicators(input: AggregateInput): AggregateResult {
  const { years, areas, startMonth, currentFiscalYear } = input;
  const slots = areas.length + 1;
  const yearIndexOf = new Map(years.map((y, i) => [y, i] as const));
  const results: IndicatorResult[] = new Array(input.definitions.length);
  const groups = new Map<SourceKind, { def: IndicatorDefinition; index: number }[]>();

  input.definitions.forEach((def, index) => {
    if (def.source === null || def.method === null) {
      results[index] = manualResult(def, years, currentFiscalYear, input.manual?.[def.id]);
      return;
    }
    const view = input.views[def.source.kind];
    if (!view) {
      results[index] = {
        definition: def,
        status: 'noSource',
        valueKind: kindOfMethod(def.method, null),
        years: years.map((fy) => fixedYear(fy, fy > currentFiscalYear ? FUTURE : NO_DATA, false)),
        notes: [
          {
            ja: `${def.source.name}のシートがないため集計できません（データなし）`,
            en: `There is no ${def.source.name} sheet, so there is nothing to count (no data)`,
          },
        ],
      };
      return;
    }
    const list = groups.get(def.source.kind) ?? [];
    list.push({ def, index });
    groups.set(def.source.kind, list);
  });

  const sources: SourceStats[] = [];
  for (const [kind, members] of groups) {
    const view = input.views[kind] as SourceView;
    sources.push({
      kind,
      sheets: view.sheets.map((s) => s.name),
      rows: view.size,
      notDataRows: view.notDataRows,
    });
    const areaSlot = areaSlots(view, areas);
    const datings = new Map<string, Dating>();
    const byDating = new Map<Dating, Plan[]>();
    for (const { def, index } of members) {
      const notes: Message[] = [];
      const dating = datingOf(def, view, startMonth, currentFiscalYear, yearIndexOf, years.length, datings, notes);
      const plan = dating ? planOf(def, index, view, startMonth, years.length, slots, notes) : null;
      if (!dating || !plan) {
        results[index] = {
          definition: def,
          status: 'missingColumn',
          valueKind: kindOfMethod(def.method, null),
          // One measure per 圏域 as the counted indicators have (a summary reads them by 圏域).
          years: years.map((fy) =>
            fixedYear(fy, fy > currentFiscalYear ? FUTURE : NO_DATA, areaSlot !== null, areas.length),
          ),
          notes,
        };
        continue;
      }
      results[index] = {
        definition: def,
        status: 'ok',
        valueKind: kindOfMethod(plan.method, plan.column),
        years: [],
        notes,
      };
      const group = byDating.get(dating) ?? [];
      group.push(plan);
      byDating.set(dating, group);
    }
    for (const [dating, group] of byDating) {
      scan(view.size, dating, areaSlot, group, slots);
      for (const plan of group) {
        const prior = results[plan.result] as IndicatorResult;
        results[plan.result] = {
          ...prior,
          years: years.map((fy, yi) =>
            yearOf(plan, fy, yi, dating, areas.length, areaSlot !== null, currentFiscalYear),
          ),
        };
      }
    }
  }
  return { years: years.slice(), areas: areas.slice(), currentFiscalYear, indicators: results, sources };
}

/** The one loop over a source's rows: each row's year and area once, then every indicator. */
function scan(size: number, dating: Dating, areaSlot: Int16Array | null, plans: readonly Plan[], slots: number): void {
  const yearIndex = dating.yearIndex;
  const unknown = slots - 1;
  const n = plans.length;
  for (let r = 0; r < size; r++) {
    const yi = yearIndex[r] as number;
    if (yi < 0) continue;
    const slot = areaSlot === null ? unknown : (areaSlot[r] as number);
    const at = yi * slots + slot;
    for (let k = 0; k < n; k++) {
      const p = plans[k] as Plan;
      switch (p.method) {
        case '件数':
          if (p.test(r) && (p.present === null || p.present[r] === 1)) (p.a[at] as number)++;
          break;
        case '合計':
        case '平均':
          if (p.test(r)) {
            const v = (p.numbers as Float64Array)[r] as number;
            if (!Number.isNaN(v)) {
              p.a[at] = (p.a[at] as number) + v;
              (p.b[at] as number)++;
            }
          }
          break;
        case '割合':
          if (p.denominator(r) && (p.present === null || p.present[r] === 1)) {
            (p.b[at] as number)++;
            if (p.test(r)) (p.a[at] as number)++;
          }
          break;
        case '人数':
          if (p.test(r)) {
            // Per person (a dictionary code): the earliest row's order and 圏域 slot this year.
            const people = p.people as People;
            const base = yi * people.size;
            const order = dating.order ? (dating.order[r] as number) : r;
            if (people.codes !== null) {
              const id = people.codes[r] as number;
              if (id >= 0 && order < (people.first[base + id] as number)) {
                people.first[base + id] = order;
                people.slot[base + id] = slot;
              }
            } else {
              const who = (people.lists as readonly (readonly number[])[])[r] as readonly number[];
              for (let w = 0; w < who.length; w++) {
                const id = who[w] as number;
                if (order < (people.first[base + id] as number)) {
                  people.first[base + id] = order;
                  people.slot[base + id] = slot;
                }
              }
            }
          }
          break;
      }
    }
  }
}

function measureOf(plan: Plan, at: number): Measure {
  const a = plan.a[at] as number;
  const b = plan.b[at] as number;
  switch (plan.method) {
    case '件数':
    case '人数':
      return { state: 'value', value: a, base: a };
    case '合計':
      return { state: 'value', value: clean(a), base: b, sum: clean(a) };
    case '平均':
      return b > 0
        ? { state: 'value', value: a / b, base: b, sum: clean(a) }
        : { state: 'none', value: null, base: 0, sum: 0 };
    case '割合':
      return b > 0
        ? { state: 'value', value: (a / b) * 100, base: b, numerator: a }
        : { state: 'none', value: null, base: 0, numerator: 0 };
  }
}

/** Adds the measures of several slots (圏域 → 市全体). */
function sumOf(plan: Plan, ats: readonly number[]): Measure {
  let a = 0;
  let b = 0;
  for (const at of ats) {
    a += plan.a[at] as number;
    b += plan.b[at] as number;
  }
  const scratch: Plan = { ...plan, a: new Float64Array([a]), b: new Float64Array([b]) };
  return measureOf(scratch, 0);
}

function yearOf(
  plan: Plan,
  fy: number,
  yi: number,
  dating: Dating,
  areaCount: number,
  hasAreas: boolean,
  currentFiscalYear: number,
): YearMeasures {
  if (fy > currentFiscalYear) return fixedYear(fy, FUTURE, hasAreas, areaCount);
  if (dating.current && fy !== currentFiscalYear) return fixedYear(fy, NOT_COUNTED, hasAreas, areaCount);
  if ((dating.rowsPerYear[yi] as number) === 0) return fixedYear(fy, NO_DATA, hasAreas, areaCount);
  const slots = areaCount + 1;
  if (plan.method === '人数') {
    // Each person in the 圏域 of their first row that year: the 圏域 add up to 市全体.
    const counts = new Float64Array(slots);
    const people = plan.people as People;
    for (let id = 0, at = yi * people.size; id < people.size; id++, at++)
      if ((people.first[at] as number) !== Number.POSITIVE_INFINITY) (counts[people.slot[at] as number] as number)++;
    for (let s = 0; s < slots; s++) plan.a[yi * slots + s] = counts[s] as number;
  }
  const ats: number[] = [];
  for (let s = 0; s < slots; s++) ats.push(yi * slots + s);
  const city = sumOf(plan, ats);
  if (!hasAreas) return { fy, city, areas: [], unknownArea: null };
  const areas: Measure[] = [];
  for (let s = 0; s < areaCount; s++) areas.push(measureOf(plan, yi * slots + s));
  return { fy, city, areas, unknownArea: measureOf(plan, yi * slots + areaCount) };
}

function fixedYear(fy: number, m: Measure, hasAreas: boolean, areaCount = 0): YearMeasures {
  return hasAreas
    ? { fy, city: m, areas: new Array<Measure>(areaCount).fill(m), unknownArea: m }
    : { fy, city: m, areas: [], unknownArea: null };
}

function manualResult(
  def: IndicatorDefinition,
  years: readonly number[],
  currentFiscalYear: number,
  typed: Readonly<Record<number, number | null>> | undefined,
): IndicatorResult {
  return {
    definition: def,
    status: 'manual',
    valueKind: 'typed',
    years: years.map((fy) => {
      const v = typed?.[fy];
      if (typeof v === 'number' && Number.isFinite(v))
        return { fy, city: { state: 'value', value: v, base: v }, areas: [], unknownArea: null };
      return { fy, city: fy > currentFiscalYear ? FUTURE : NOT_ENTERED, areas: [], unknownArea: null };
    }),
    notes: [],
  };
}

/** The 圏域 slot of every row (areas.length for 圏域不明); null when the source has no 圏域 column. */
function areaSlots(view: SourceView, areas: readonly string[]): Int16Array | null {
  const areaName = view.source.areaColumn;
  if (areaName === null) return null;
  const column = view.source.dynamic ? view.resolve(areaName) : { column: view.columnByKey(areaName) };
  if (!column || !('column' in column) || column.column === null) {
    // The sheet lacks its 圏域 column: every row is 圏域不明.
    return new Int16Array(view.size).fill(areas.length);
  }
  const slotByKey = new Map<string, number>();
  areas.forEach((a, i) => slotByKey.set(matchKey(a), i));
  const suffix = view.source.areaSuffix ? matchKey(view.source.areaSuffix) : null;
  const { codes, values } = view.codes(column.column.key);
  // The slot of each distinct text, then of each row.
  const slotOfCode = values.map((k) => {
    let slot = slotByKey.get(k);
    if (slot === undefined && suffix && k.endsWith(suffix)) slot = slotByKey.get(k.slice(0, k.length - suffix.length));
    return slot === undefined ? areas.length : slot;
  });
  const out = new Int16Array(view.size);
  for (let r = 0; r < view.size; r++) {
    const c = codes[r] as number;
    out[r] = c < 0 ? areas.length : (slotOfCode[c] as number);
  }
  return out;
}

function datingOf(
  def: IndicatorDefinition,
  view: SourceView,
  startMonth: number,
  currentFiscalYear: number,
  yearIndexOf: ReadonlyMap<number, number>,
  yearCount: number,
  cache: Map<string, Dating>,
  notes: Message[],
): Dating | null {
  let key: string;
  let column: SourceColumn | null = null;
  if (def.dating.kind === 'current') key = '現在';
  else {
    if (def.dating.kind === 'column') {
      const found = view.resolve(def.dating.name);
      if (found && 'column' in found) column = found.column;
      else if (found && 'missing' in found) {
        notes.push(missingColumnMessage(view.source, found.missing));
        return null;
      }
    } else {
      for (const name of view.source.dateColumns) {
        column = view.source.dynamic
          ? ((r) => (r && 'column' in r ? r.column : null))(view.resolve(name))
          : view.columnByKey(name);
        if (column) break;
      }
    }
    if (!column) {
      notes.push({
        ja: `${view.source.name}に年度を決める日付の列がないため集計できません`,
        en: `${view.source.name} has no date column to tell the fiscal year, so this cannot be counted`,
      });
      return null;
    }
    key = column.key;
  }
  const cached = cache.get(key);
  if (cached) return cached;
  const yearIndex = new Int16Array(view.size).fill(-1);
  const rowsPerYear = new Float64Array(yearCount);
  let order: Float64Array | null = null;
  if (column === null) {
    const yi = yearIndexOf.get(currentFiscalYear);
    if (yi !== undefined) {
      yearIndex.fill(yi);
      rowsPerYear[yi] = view.size;
    }
  } else {
    const fys = view.fiscalYears(column.key, startMonth);
    let undated = 0;
    for (let r = 0; r < view.size; r++) {
      const fy = fys[r] as number;
      if (Number.isNaN(fy)) {
        undated++;
        continue;
      }
      const yi = yearIndexOf.get(fy);
      if (yi === undefined) continue;
      yearIndex[r] = yi;
      (rowsPerYear[yi] as number)++;
    }
    if (column.type === 'date') order = view.days(column.key);
    if (undated > 0) {
      const first = firstUndated(fys);
      const where = view.where(first);
      notes.push({
        ja: `${view.source.name}の「${column.header}」が空欄か日付でない${undated}行は年度が決まらないため数えていません（例: ${where.sheet} ${where.row}行目）`,
        en: `${undated} rows of ${view.source.name} with a blank or unreadable 「${column.header}」 have no fiscal year and are not counted (e.g. ${where.sheet} row ${where.row})`,
      });
    }
  }
  const dating: Dating = { key, yearIndex, rowsPerYear, order, current: column === null };
  cache.set(key, dating);
  return dating;
}

function firstUndated(fys: Float64Array): number {
  for (let r = 0; r < fys.length; r++) if (Number.isNaN(fys[r] as number)) return r;
  return 0;
}

function planOf(
  def: IndicatorDefinition,
  result: number,
  view: SourceView,
  startMonth: number,
  yearCount: number,
  slots: number,
  notes: Message[],
): Plan | null {
  const method = def.method as Method;
  const lookup = (name: string) => view.resolve(name);
  const cond = resolveCondition(def.condition, view.source, lookup, startMonth);
  const denom = resolveCondition(method === '割合' ? def.denominator : null, view.source, lookup, startMonth);
  let missing = false;
  for (const r of [cond, denom]) {
    if (r.ok) continue;
    for (const p of r.problems) notes.push(p.message);
    missing = true;
  }
  let column: SourceColumn | null = null;
  const columnName = def.column ?? (method === '人数' ? view.source.personColumn : null);
  if (columnName !== null) {
    const found = def.column !== null ? view.resolve(columnName) : { column: view.columnByKey(columnName) };
    if (found && 'column' in found && found.column) column = found.column;
    else {
      const spec = view.source.columns.find((c) => c.key === columnName);
      notes.push(
        found && 'missing' in found
          ? missingColumnMessage(view.source, found.missing)
          : spec
            ? missingColumnMessage(view.source, spec)
            : { ja: `対象列「${columnName}」が見つかりません`, en: `The column 「${columnName}」 is not there` },
      );
      missing = true;
    }
  }
  if (missing || !cond.ok || !denom.ok) return null;

  let numbers: Float64Array | null = null;
  let present: Uint8Array | null = null;
  let people: People | null = null;
  if (column !== null) {
    if (method === '合計' || method === '平均') {
      const read = view.numbers(column.key);
      numbers = read.values;
      if (read.unreadable.length > 0) {
        const where = view.where(read.unreadable[0] as number);
        notes.push({
          ja: `「${column.header}」が数として読めない${read.unreadable.length}行は数えていません（例: ${where.sheet} ${where.row}行目）`,
          en: `${read.unreadable.length} rows whose 「${column.header}」 is not a number are left out (e.g. ${where.sheet} row ${where.row})`,
        });
      }
    } else if (method === '人数') {
      if (column.multi) {
        const d = view.codeLists(column.key);
        people = peopleOf(null, d.lists, d.values.length, yearCount);
      } else {
        const d = view.codes(column.key);
        people = peopleOf(d.codes, null, d.values.length, yearCount);
      }
    } else {
      const blanks = view.blanks(column.key);
      present = new Uint8Array(blanks.length);
      for (let r = 0; r < blanks.length; r++) present[r] = blanks[r] === 1 ? 0 : 1;
    }
  }
  return {
    result,
    column,
    definition: def,
    method,
    test: compileCondition(cond.condition, view, startMonth),
    denominator: compileCondition(denom.condition, view, startMonth),
    numbers,
    present,
    people,
    a: new Float64Array(yearCount * slots),
    b: new Float64Array(yearCount * slots),
  };
}
