/** Defines aggregateIndicators: every indicator's value per 年度 and per 圏域 plus 市全体, in one pass over each source's rows. */
import { compileCondition, missingColumnMessage, resolveCondition, type RowTest } from './bind';
import type { Message } from './condition';
import type { IndicatorDefinition, Method } from './definitions';
import { matchKey, SOURCES, type SourceColumn, type SourceKind, type SourceView } from './sources';

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
  /** Rows whose 対象列 is not a number (合計, 平均), by data row. */
  readonly unreadable: readonly number[];
  /** Accumulators: [year][area code]; the last slot is a blank 圏域 (or every row, for a source without 圏域). */
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/**
 * Who a row is about, for 人数: dictionary codes of 対象列 (one per row, or a list for a
 * multi-value cell), and per year × person the order of their first row and its 圏域 code.
 */
interface People {
  readonly codes: Int32Array | null;
  readonly lists: readonly (readonly number[])[] | null;
  /** The people's comparison keys, by code. */
  readonly values: readonly string[];
  /** Distinct people in the column. */
  readonly size: number;
  /** [year × size + person]: order of the first row (+∞ when none). */
  readonly first: Float64Array;
  readonly slot: Int32Array;
}

function peopleOf(
  codes: Int32Array | null,
  lists: readonly (readonly number[])[] | null,
  values: readonly string[],
  yearCount: number,
): People {
  const size = values.length;
  const first = new Float64Array(size * yearCount).fill(Number.POSITIVE_INFINITY);
  return { codes, lists, values, size, first, slot: new Int32Array(size * yearCount) };
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
  /** The dating column's header (for the note about undated rows). */
  readonly header: string;
  readonly undated: number;
  readonly firstUndated: RowPlace | null;
}

/** A row of a source sheet, for notes: the sheet and its 1-based row. */
export interface RowPlace {
  readonly sheet: string;
  readonly row: number;
}

/** What one way of dating rows found in a source's rows (or a slice of them). */
export interface DatingTally {
  readonly current: boolean;
  readonly header: string;
  readonly rowsPerYear: number[];
  readonly undated: number;
  readonly firstUndated: RowPlace | null;
}

/**
 * One indicator's counts over a source's rows (or a slice of them), by 年度 × 圏域 code: what
 * the parts of a summary in parts keep between them and add up (docs/summary.md).
 */
export interface PlanTally {
  /** The indicator's index among the definitions. */
  readonly index: number;
  readonly status: 'ok' | 'missingColumn';
  readonly valueKind: IndicatorResult['valueKind'];
  readonly method: Method | null;
  /** The dating's key (null: the indicator could not be dated). */
  readonly dating: string | null;
  /** The first indicator of its source to use its dating: the note about undated rows is its. */
  readonly datingNote: boolean;
  /** Notes known from the columns alone: before the undated note, and after it. */
  readonly datingNotes: Message[];
  readonly planNotes: Message[];
  /** 合計・平均: rows whose 対象列 is not a number, the first of them, the column's header. */
  readonly unreadable: number;
  readonly firstUnreadable: RowPlace | null;
  readonly unreadableHeader: string;
  /** [year × (area codes + 1)]: 件数, the sum, the numerator; the base. */
  readonly a: number[];
  readonly b: number[];
  /** 人数: each person's first row per year: [year index, person, order, area code (-1 blank)] flattened, persons by key. */
  readonly people: { readonly keys: string[]; readonly entries: number[] } | null;
}

/** A source's rows (or a slice of them) counted for every indicator of the source. */
export interface SourceTally {
  readonly kind: SourceKind;
  readonly sheets: string[];
  readonly rows: number;
  readonly notDataRows: number;
  /** False for a source without a 圏域 column (寄付台帳): every count is 市全体 only. */
  readonly hasAreas: boolean;
  /** The 圏域 cells' comparison keys in order of first appearance (a blank cell is none of them). */
  readonly areaKeys: string[];
  readonly datings: Record<string, DatingTally>;
  readonly plans: PlanTally[];
}

/** What tallySources needs: the aggregation's input without the 圏域 (counts are kept by the 圏域 as written). */
export interface TallyInput {
  readonly definitions: readonly IndicatorDefinition[];
  readonly views: Partial<Record<SourceKind, SourceView>>;
  readonly years: readonly number[];
  readonly startMonth: number;
  readonly currentFiscalYear: number;
  /** Data rows of each source before these (the parts before): 人数 orders rows without a date by them. */
  readonly offsets?: Partial<Record<SourceKind, number>>;
}

/**
 * Counts every definition over its source in one pass per source (and per way of dating rows):
 * each row's 年度 and 圏域 are read once, then every indicator of that source looks at the row.
 * 人数 counts a person once per 年度, in the 圏域 of their first row that 年度 (so the 圏域
 * add up to 市全体). A year with no rows at all in the source is データなし, not 0.
 */
export function aggregateIndicators(input: AggregateInput): AggregateResult {
  return finishAggregate({ ...input, tallies: tallySources(input) });
}

/** The definitions of each counted source, in the order of their first definition. */
function groupsOf(
  definitions: readonly IndicatorDefinition[],
  has: (kind: SourceKind) => boolean,
): Map<SourceKind, { def: IndicatorDefinition; index: number }[]> {
  const groups = new Map<SourceKind, { def: IndicatorDefinition; index: number }[]>();
  definitions.forEach((def, index) => {
    if (def.source === null || def.method === null || !has(def.source.kind)) return;
    const list = groups.get(def.source.kind) ?? [];
    list.push({ def, index });
    groups.set(def.source.kind, list);
  });
  return groups;
}

/** Every source's rows counted (one tally per source with a view): the additive half of the aggregation. */
export function tallySources(input: TallyInput): SourceTally[] {
  const groups = groupsOf(input.definitions, (kind) => input.views[kind] !== undefined);
  const out: SourceTally[] = [];
  for (const [kind, members] of groups)
    out.push(tallySource(input.views[kind] as SourceView, members, input, input.offsets?.[kind] ?? 0));
  return out;
}

function tallySource(
  view: SourceView,
  members: readonly { def: IndicatorDefinition; index: number }[],
  input: TallyInput,
  offset: number,
): SourceTally {
  const { years, startMonth, currentFiscalYear } = input;
  const yearIndexOf = new Map(years.map((y, i) => [y, i] as const));
  const area = areaCodes(view);
  const slots = area.keys.length + 1;
  const datings = new Map<string, Dating>();
  const byDating = new Map<Dating, Plan[]>();
  const plans: PlanTally[] = [];
  const tallies = new Map<Plan, PlanTally>();
  for (const { def, index } of members) {
    const datingNotes: Message[] = [];
    const before = datings.size;
    const dating = datingOf(def, view, startMonth, currentFiscalYear, yearIndexOf, years.length, datings, datingNotes);
    const planNotes: Message[] = [];
    const plan = dating ? planOf(def, index, view, startMonth, years.length, slots, planNotes) : null;
    const tally: PlanTally = {
      index,
      status: dating && plan ? 'ok' : 'missingColumn',
      valueKind: kindOfMethod(plan ? plan.method : def.method, plan ? plan.column : null),
      method: def.method,
      dating: dating ? dating.key : null,
      datingNote: dating !== null && datings.size > before,
      datingNotes,
      planNotes,
      unreadable: plan ? plan.unreadable.length : 0,
      firstUnreadable: plan && plan.unreadable.length > 0 ? view.where(plan.unreadable[0] as number) : null,
      unreadableHeader: plan?.column?.header ?? '',
      a: [],
      b: [],
      people: null,
    };
    plans.push(tally);
    if (!dating || !plan) continue;
    tallies.set(plan, tally);
    const group = byDating.get(dating) ?? [];
    group.push(plan);
    byDating.set(dating, group);
  }
  for (const [dating, group] of byDating) {
    scan(view.size, dating, area.codes, group, slots, offset);
    for (const plan of group) {
      const tally = tallies.get(plan) as PlanTally & { a: number[]; b: number[]; people: PlanTally['people'] };
      tally.a = Array.from(plan.a);
      tally.b = Array.from(plan.b);
      if (plan.people) tally.people = peopleTally(plan.people, years.length);
    }
  }
  const out: Record<string, DatingTally> = {};
  for (const [key, d] of datings)
    out[key] = {
      current: d.current,
      header: d.header,
      rowsPerYear: Array.from(d.rowsPerYear),
      undated: d.undated,
      firstUndated: d.firstUndated,
    };
  return {
    kind: view.source.kind,
    sheets: view.sheets.map((s) => s.name),
    rows: view.size,
    notDataRows: view.notDataRows,
    hasAreas: area.hasAreas,
    areaKeys: area.keys.slice(),
    datings: out,
    plans,
  };
}

function peopleTally(people: People, yearCount: number): NonNullable<PlanTally['people']> {
  const entries: number[] = [];
  for (let yi = 0; yi < yearCount; yi++)
    for (let id = 0, at = yi * people.size; id < people.size; id++, at++) {
      const first = people.first[at] as number;
      if (first !== Number.POSITIVE_INFINITY) entries.push(yi, id, first, people.slot[at] as number);
    }
  return { keys: people.values.slice(), entries };
}

/** What finishAggregate needs: the tallies of every counted source (several per source when counted in parts, in order). */
export interface FinishInput {
  readonly definitions: readonly IndicatorDefinition[];
  readonly tallies: readonly SourceTally[];
  readonly years: readonly number[];
  /** 圏域 names in display order (設定). */
  readonly areas: readonly string[];
  readonly currentFiscalYear: number;
  readonly manual?: ManualActuals;
}

/** A source's tallies added up: the 圏域 keys in order of first appearance, the counts remapped onto them. */
interface Merged {
  readonly first: SourceTally;
  readonly rows: number;
  readonly notDataRows: number;
  readonly areaKeys: string[];
  readonly datings: Map<
    string,
    { current: boolean; header: string; rowsPerYear: number[]; undated: number; firstUndated: RowPlace | null }
  >;
  readonly plans: Map<
    number,
    {
      a: Float64Array;
      b: Float64Array;
      unreadable: number;
      firstUnreadable: RowPlace | null;
      people: Map<string, [number, number]> | null;
    }
  >;
}

function mergeTallies(parts: readonly SourceTally[], yearCount: number): Merged {
  const first = parts[0] as SourceTally;
  const areaKeys: string[] = [];
  const areaIndex = new Map<string, number>();
  for (const part of parts)
    for (const k of part.areaKeys)
      if (!areaIndex.has(k)) {
        areaIndex.set(k, areaKeys.length);
        areaKeys.push(k);
      }
  const slots = areaKeys.length + 1;
  const datings: Merged['datings'] = new Map();
  const plans: Merged['plans'] = new Map();
  let rows = 0;
  let notDataRows = 0;
  for (const part of parts) {
    rows += part.rows;
    notDataRows += part.notDataRows;
    for (const [key, d] of Object.entries(part.datings)) {
      const seen = datings.get(key);
      if (!seen) {
        datings.set(key, { ...d, rowsPerYear: d.rowsPerYear.slice() });
        continue;
      }
      d.rowsPerYear.forEach((n, i) => (seen.rowsPerYear[i] = (seen.rowsPerYear[i] ?? 0) + n));
      seen.undated += d.undated;
      seen.firstUndated ??= d.firstUndated;
    }
    // This part's area codes in the merged order (the last: a blank 圏域).
    const map = [...part.areaKeys.map((k) => areaIndex.get(k) as number), areaKeys.length];
    const localSlots = part.areaKeys.length + 1;
    for (const p of part.plans) {
      if (p.status !== 'ok') continue;
      let m = plans.get(p.index);
      if (!m) {
        m = {
          a: new Float64Array(yearCount * slots),
          b: new Float64Array(yearCount * slots),
          unreadable: 0,
          firstUnreadable: null,
          people: p.method === '人数' ? new Map() : null,
        };
        plans.set(p.index, m);
      }
      for (let yi = 0; yi < yearCount; yi++)
        for (let s = 0; s < localSlots; s++) {
          const from = yi * localSlots + s;
          const to = yi * slots + (map[s] as number);
          m.a[to] = (m.a[to] as number) + (p.a[from] as number);
          m.b[to] = (m.b[to] as number) + (p.b[from] as number);
        }
      m.unreadable += p.unreadable;
      m.firstUnreadable ??= p.firstUnreadable;
      if (m.people && p.people) {
        const e = p.people.entries;
        for (let i = 0; i < e.length; i += 4) {
          const person = `${e[i] as number}\u0000${p.people.keys[e[i + 1] as number] as string}`;
          const order = e[i + 2] as number;
          const code = e[i + 3] as number;
          const seen = m.people.get(person);
          // The earliest row wins; of rows equally early, the first counted (parts come in row order).
          if (!seen || order < seen[0])
            m.people.set(person, [order, code < 0 ? areaKeys.length : (map[code] as number)]);
        }
      }
    }
  }
  return { first, rows, notDataRows, areaKeys, datings, plans };
}

/** The 圏域 keys of the sources (in order), for a summary whose 設定 lists no 圏域. */
export function areaKeysOf(tallies: readonly SourceTally[]): Map<SourceKind, string[]> {
  const out = new Map<SourceKind, string[]>();
  for (const t of tallies) {
    if (!t.hasAreas) continue;
    const keys = out.get(t.kind) ?? [];
    for (const k of t.areaKeys) if (keys.indexOf(k) < 0) keys.push(k);
    out.set(t.kind, keys);
  }
  return out;
}

/** The counts added up (over the parts of each source), as values per 年度 × 圏域 with 市全体. */
export function finishAggregate(input: FinishInput): AggregateResult {
  const { years, areas, currentFiscalYear } = input;
  const slots = areas.length + 1;
  const results: IndicatorResult[] = new Array(input.definitions.length);
  const byKind = new Map<SourceKind, SourceTally[]>();
  for (const t of input.tallies) {
    const list = byKind.get(t.kind) ?? [];
    list.push(t);
    byKind.set(t.kind, list);
  }
  input.definitions.forEach((def, index) => {
    if (def.source === null || def.method === null) {
      results[index] = manualResult(def, years, currentFiscalYear, input.manual?.[def.id]);
      return;
    }
    if (byKind.has(def.source.kind)) return;
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
  });
  const sources: SourceStats[] = [];
  const groups = groupsOf(input.definitions, (kind) => byKind.has(kind));
  for (const [kind] of groups) {
    const merged = mergeTallies(byKind.get(kind) as SourceTally[], years.length);
    const source = SOURCES[kind];
    sources.push({ kind, sheets: merged.first.sheets.slice(), rows: merged.rows, notDataRows: merged.notDataRows });
    const hasAreas = merged.first.hasAreas;
    // Each 圏域 key's slot (areas.length: 圏域不明), the blank one last.
    const slotByKey = new Map<string, number>();
    areas.forEach((a, i) => slotByKey.set(matchKey(a), i));
    const suffix = source.areaSuffix ? matchKey(source.areaSuffix) : null;
    const slotOf = [
      ...merged.areaKeys.map((k) => {
        let slot = slotByKey.get(k);
        if (slot === undefined && suffix && k.endsWith(suffix))
          slot = slotByKey.get(k.slice(0, k.length - suffix.length));
        return hasAreas && slot !== undefined ? slot : areas.length;
      }),
      areas.length,
    ];
    const codeSlots = merged.areaKeys.length + 1;
    for (const p of merged.first.plans) {
      const def = input.definitions[p.index] as IndicatorDefinition;
      const dating = p.dating !== null ? merged.datings.get(p.dating) : undefined;
      const notes: Message[] = [...p.datingNotes];
      if (p.datingNote && dating && dating.undated > 0) {
        const where = dating.firstUndated as RowPlace;
        notes.push({
          ja: `${source.name}の「${dating.header}」が空欄か日付でない${dating.undated}行は年度が決まらないため数えていません（例: ${where.sheet} ${where.row}行目）`,
          en: `${dating.undated} rows of ${source.name} with a blank or unreadable 「${dating.header}」 have no fiscal year and are not counted (e.g. ${where.sheet} row ${where.row})`,
        });
      }
      notes.push(...p.planNotes);
      const m = merged.plans.get(p.index);
      if (p.status !== 'ok' || !dating || !m) {
        results[p.index] = {
          definition: def,
          status: 'missingColumn',
          valueKind: p.valueKind,
          // One measure per 圏域 as the counted indicators have (a summary reads them by 圏域).
          years: years.map((fy) => fixedYear(fy, fy > currentFiscalYear ? FUTURE : NO_DATA, hasAreas, areas.length)),
          notes,
        };
        continue;
      }
      if (m.unreadable > 0) {
        const where = m.firstUnreadable as RowPlace;
        notes.push({
          ja: `「${p.unreadableHeader}」が数として読めない${m.unreadable}行は数えていません（例: ${where.sheet} ${where.row}行目）`,
          en: `${m.unreadable} rows whose 「${p.unreadableHeader}」 is not a number are left out (e.g. ${where.sheet} row ${where.row})`,
        });
      }
      // The counts by 圏域 slot (設定's 圏域, then 圏域不明).
      const a = new Float64Array(years.length * slots);
      const b = new Float64Array(years.length * slots);
      for (let yi = 0; yi < years.length; yi++)
        for (let c = 0; c < codeSlots; c++) {
          const to = yi * slots + (slotOf[c] as number);
          a[to] = (a[to] as number) + (m.a[yi * codeSlots + c] as number);
          b[to] = (b[to] as number) + (m.b[yi * codeSlots + c] as number);
        }
      if (m.people) {
        // Each person in the 圏域 of their first row that year: the 圏域 add up to 市全体.
        for (const [person, [, code]] of m.people) {
          const yi = Number(person.slice(0, person.indexOf('\u0000')));
          const to = yi * slots + (slotOf[code] as number);
          a[to] = (a[to] as number) + 1;
        }
      }
      const method = p.method as Method;
      results[p.index] = {
        definition: def,
        status: 'ok',
        valueKind: p.valueKind,
        years: years.map((fy, yi) => yearOf(method, a, b, fy, yi, dating, areas.length, hasAreas, currentFiscalYear)),
        notes,
      };
    }
  }
  return { years: years.slice(), areas: areas.slice(), currentFiscalYear, indicators: results, sources };
}

/** The 圏域 code of every row (-1 blank) and the codes' keys; every row blank when the source has no 圏域 column. */
function areaCodes(view: SourceView): { hasAreas: boolean; keys: readonly string[]; codes: Int32Array } {
  const areaName = view.source.areaColumn;
  const none = new Int32Array(view.size).fill(-1);
  if (areaName === null) return { hasAreas: false, keys: [], codes: none };
  const column = view.source.dynamic ? view.resolve(areaName) : { column: view.columnByKey(areaName) };
  // The sheet lacks its 圏域 column: every row is 圏域不明.
  if (!column || !('column' in column) || column.column === null) return { hasAreas: true, keys: [], codes: none };
  const { codes, values } = view.codes(column.column.key);
  return { hasAreas: true, keys: values, codes };
}

/** The one loop over a source's rows: each row's year and area once, then every indicator. */
function scan(
  size: number,
  dating: Dating,
  areaCode: Int32Array,
  plans: readonly Plan[],
  slots: number,
  offset: number,
): void {
  const yearIndex = dating.yearIndex;
  const blank = slots - 1;
  const n = plans.length;
  for (let r = 0; r < size; r++) {
    const yi = yearIndex[r] as number;
    if (yi < 0) continue;
    const code = areaCode[r] as number;
    const slot = code < 0 ? blank : code;
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
            // Per person (a dictionary code): the earliest row's order and 圏域 code this year.
            const people = p.people as People;
            const base = yi * people.size;
            const order = dating.order ? (dating.order[r] as number) : r + offset;
            const place = code;
            if (people.codes !== null) {
              const id = people.codes[r] as number;
              if (id >= 0 && order < (people.first[base + id] as number)) {
                people.first[base + id] = order;
                people.slot[base + id] = place;
              }
            } else {
              const who = (people.lists as readonly (readonly number[])[])[r] as readonly number[];
              for (let w = 0; w < who.length; w++) {
                const id = who[w] as number;
                if (order < (people.first[base + id] as number)) {
                  people.first[base + id] = order;
                  people.slot[base + id] = place;
                }
              }
            }
          }
          break;
      }
    }
  }
}

function measureOf(method: Method, a: number, b: number): Measure {
  switch (method) {
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

function yearOf(
  method: Method,
  a: Float64Array,
  b: Float64Array,
  fy: number,
  yi: number,
  dating: { readonly current: boolean; readonly rowsPerYear: readonly number[] },
  areaCount: number,
  hasAreas: boolean,
  currentFiscalYear: number,
): YearMeasures {
  if (fy > currentFiscalYear) return fixedYear(fy, FUTURE, hasAreas, areaCount);
  if (dating.current && fy !== currentFiscalYear) return fixedYear(fy, NOT_COUNTED, hasAreas, areaCount);
  if ((dating.rowsPerYear[yi] ?? 0) === 0) return fixedYear(fy, NO_DATA, hasAreas, areaCount);
  const slots = areaCount + 1;
  // 市全体: the 圏域 and 圏域不明 added up.
  let sa = 0;
  let sb = 0;
  for (let s = 0; s < slots; s++) {
    sa += a[yi * slots + s] as number;
    sb += b[yi * slots + s] as number;
  }
  const city = measureOf(method, sa, sb);
  if (!hasAreas) return { fy, city, areas: [], unknownArea: null };
  const areas: Measure[] = [];
  for (let s = 0; s < areaCount; s++)
    areas.push(measureOf(method, a[yi * slots + s] as number, b[yi * slots + s] as number));
  return {
    fy,
    city,
    areas,
    unknownArea: measureOf(method, a[yi * slots + areaCount] as number, b[yi * slots + areaCount] as number),
  };
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
  let undated = 0;
  let firstUndated: RowPlace | null = null;
  if (column === null) {
    const yi = yearIndexOf.get(currentFiscalYear);
    if (yi !== undefined) {
      yearIndex.fill(yi);
      rowsPerYear[yi] = view.size;
    }
  } else {
    const fys = view.fiscalYears(column.key, startMonth);
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
    if (undated > 0) firstUndated = view.where(firstUndatedRow(fys));
  }
  const dating: Dating = {
    key,
    yearIndex,
    rowsPerYear,
    order,
    current: column === null,
    header: column?.header ?? '',
    undated,
    firstUndated,
  };
  cache.set(key, dating);
  return dating;
}

function firstUndatedRow(fys: Float64Array): number {
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
  let unreadable: readonly number[] = [];
  if (column !== null) {
    if (method === '合計' || method === '平均') {
      const read = view.numbers(column.key);
      numbers = read.values;
      unreadable = read.unreadable;
    } else if (method === '人数') {
      if (column.multi) {
        const d = view.codeLists(column.key);
        people = peopleOf(null, d.lists, d.values, yearCount);
      } else {
        const d = view.codes(column.key);
        people = peopleOf(d.codes, null, d.values, yearCount);
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
    unreadable,
    a: new Float64Array(yearCount * slots),
    b: new Float64Array(yearCount * slots),
  };
}
