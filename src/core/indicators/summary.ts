/** Defines buildSummary: from the workbook's sheets, 設定 and 指標定義 to the summary model (a block per 基本目標, a row per indicator, per 年度 and 圏域, suppressed and audited), and its --json shape. */
import type { Settings } from '../sheets/settings';
import { fiscalYearOf, formatFiscalYear } from '../text/date';
import type { PlainDate } from '../text/plainDate';
import {
  aggregateIndicators,
  finishAggregate,
  type SourceTally,
  type CellState,
  type IndicatorResult,
  type ManualActuals,
  type Measure,
} from './aggregate';
import {
  frozenWithDrift,
  type ClosedYear,
  type ClosedYears,
  type Drift,
  type FrozenCell,
  type LiveFigures,
} from './closing';
import type { Message } from './condition';
import {
  parseIndicatorDefinitions,
  type DefinitionIssue,
  type DefinitionSheet,
  type Direction,
  type Method,
} from './definitions';
import { evaluate, gradeScaleOf, previousYear, type Grade, type GradeScale } from './grades';
import {
  matchKey,
  SOURCE_KINDS,
  SOURCES,
  SourceView,
  sourceDataOf,
  type SourceKind,
  type WorkbookSheet,
} from './sources';
import type { Reason } from './suppression/suppress';
import {
  CITY,
  protectIndicators,
  UNKNOWN_AREA,
  type CellDecision,
  type PublishedFigure,
  type PublishedTable,
} from './tables';

/** The plan's basic goals, used when 設定 has no 基本目標1 … 基本目標4 rows. */
export const GOAL_TITLES: Readonly<Record<number, string>> = {
  1: '誰もがつながり・集い・地域の力になる',
  2: '地域みんなで発見・なんでも受け止め・解決する',
  3: '誰にでも必要な情報が届く仕組みをつくる',
  4: '西東京市スタイル2.0を支える頼れる社協になる',
};

export interface SummaryCell {
  /** A 圏域, 圏域不明, or 市全体. */
  readonly area: string;
  readonly state: CellState;
  /** Null unless the cell has a value that is shown. */
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: Reason | null;
  /**
   * A closed 年度 (年度確定): how the figure counted now differs from the frozen one shown;
   * null when the 年度 is not closed.
   */
  readonly drift: Drift | null;
}

export interface SummaryYear {
  readonly fy: number;
  /** 令和6年度. */
  readonly label: string;
  readonly city: SummaryCell;
  /** In Summary.areas order; empty when the source has no 圏域. */
  readonly areas: readonly SummaryCell[];
  readonly target: number | null;
  /**
   * The current 年度 of an indicator counted by date: its 実績 so far is not a year's result,
   * so it has no 達成率 or grade yet (a count as of today, 日付列 現在, is graded).
   */
  readonly inProgress: boolean;
  /** 達成率 (%) of 市全体, rounded to 0.1; null when hidden, in progress or nothing to measure against. */
  readonly rate: number | null;
  readonly grade: Grade | null;
  /** 前年度比 (%) and the change since last year, of 市全体 as shown. */
  readonly previousRatio: number | null;
  readonly previousChange: number | null;
  /** 年度確定: the figures are the frozen ones of this closing (when, Asia/Tokyo); null when open. */
  readonly closedAt: string | null;
}

export interface SummaryIndicator {
  readonly id: string;
  readonly goal: number;
  readonly initiative: string;
  readonly name: string;
  readonly unit: string;
  /** The method, or 手入力 for a manual indicator. */
  readonly method: Method | '手入力';
  /** The 集計元 sheet's name; null for a manual indicator. */
  readonly source: string | null;
  readonly direction: Direction;
  readonly baseline: number | null;
  readonly tolerance: number;
  readonly suppress: boolean;
  readonly status: IndicatorResult['status'];
  /** Why a figure is missing, and rows that could not be read (no personal data: counts and row numbers). */
  readonly notes: readonly Message[];
  readonly years: readonly SummaryYear[];
}

export interface SummaryGoal {
  readonly goal: number;
  readonly title: string;
  readonly indicators: readonly SummaryIndicator[];
}

export interface Summary {
  readonly organizationName: string;
  /** 秘匿基準. */
  readonly threshold: number;
  readonly startMonth: number;
  readonly currentFiscalYear: number;
  readonly years: readonly number[];
  /** The 圏域 shown, in 設定 order, then 圏域不明 when any indicator has rows there. */
  readonly areas: readonly string[];
  readonly grades: GradeScale;
  readonly goals: readonly SummaryGoal[];
  /** Every suppressed table, with its audit. */
  readonly tables: readonly PublishedTable[];
  /** The suppression footnote. */
  readonly footnote: Message;
  /** Notes about settings and sources (rows set aside as totals, unreadable grade settings). */
  readonly notes: readonly Message[];
  /** 最終更新, as given. */
  readonly updatedAt: string;
  /** The closed 年度 (年度確定), of every year the snapshot holds, shown or not. */
  readonly closedYears: readonly { readonly fy: number; readonly closedAt: string }[];
}

export interface SummaryInput {
  readonly settings: Settings;
  /** Every sheet of the workbook that may be a source (data sheets with their mapping, アンケート回答 by name). */
  readonly sheets: readonly WorkbookSheet[];
  /** The 指標定義 sheet; null when the workbook has none. */
  readonly definitions: DefinitionSheet | null;
  readonly today: PlainDate;
  /** 最終更新 as staff should read it ('2026-11-26 10:30'). */
  readonly updatedAt: string;
  /** 実績 of manual indicators (typed in the summary sheet). */
  readonly manual?: ManualActuals;
  /** The 年度 to show; default: the 目標 years of 指標定義, else the last five. */
  readonly years?: readonly number[];
  /** Publish plan-period totals per 圏域 for counts (protected across 年度). */
  readonly periodTotals?: boolean;
  /** Closed 年度 (年度確定): their frozen figures are shown instead of those counted now. */
  readonly closed?: ClosedYears;
  /**
   * The sources counted already, in parts (a summary in parts: docs/summary.md): the counts come
   * from these, and `sheets` only need their header rows (to read 指標定義 against them).
   */
  readonly tallies?: readonly SourceTally[];
}

export type SummaryOutcome =
  | {
      readonly ok: true;
      readonly summary: Summary;
      readonly issues: readonly DefinitionIssue[];
      /** The figures as counted now (before any closing is applied): what closing a 年度 freezes. Not for output. */
      readonly live: LiveFigures;
    }
  /** Nothing is made: the definitions have errors (or, never expected, an audit failed). */
  | { readonly ok: false; readonly issues: readonly DefinitionIssue[]; readonly message: Message };

function round(value: number, method: Method | '手入力'): number {
  if (method === '割合' || method === '平均') return Math.round(value * 10) / 10;
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}

function goalTitle(settings: Settings, goal: number): string {
  const custom = settings.lists[`基本目標${goal}`];
  const text = custom ? custom.join('、').trim() : '';
  return text !== '' ? text : (GOAL_TITLES[goal] ?? `基本目標${goal}`);
}

/**
 * Builds the summary. Refuses (ok false, nothing to write) when 指標定義 is missing or has an
 * error. Every indicator marked 秘匿 is suppressed and every table audited before anything
 * is returned; grades, 達成率 and 前年度比 are computed from the shown 市全体 figures only.
 */
export function buildSummary(input: SummaryInput): SummaryOutcome {
  const { settings } = input;
  const startMonth = settings.fiscalYearStartMonth;
  if (!input.definitions) {
    return {
      ok: false,
      issues: [],
      message: {
        ja: '指標定義のシートがありません。サイドバーの「シート準備」で作成してください',
        en: 'There is no 指標定義 sheet; create it with シート準備 in the sidebar',
      },
    };
  }
  const views: Partial<Record<SourceKind, SourceView>> = {};
  for (const data of sourceDataOf(input.sheets)) views[data.source.kind] = new SourceView(data, settings);
  const parsed = parseIndicatorDefinitions(input.definitions, { startMonth, views });
  if (!parsed.ok) {
    const errors = parsed.issues.filter((i) => i.severity === 'error').length;
    return {
      ok: false,
      issues: parsed.issues,
      message: {
        ja: `指標定義に${errors}件の誤りがあるため、指標サマリーを作成できません。直してからもう一度実行してください`,
        en: `指標定義 has ${errors} error(s), so no summary was made; fix them and run again`,
      },
    };
  }
  const currentFiscalYear = fiscalYearOf(input.today, startMonth);
  const years = summaryYears(parsed.targetYears, currentFiscalYear, input.years);
  const tallies = input.tallies;
  const areas =
    settings.areas.length > 0
      ? settings.areas.map((a) => a.name)
      : tallies
        ? areasInTallies(tallies)
        : areasInData(views);
  const aggregate = tallies
    ? finishAggregate({
        definitions: parsed.definitions,
        tallies,
        years,
        areas,
        currentFiscalYear,
        ...(input.manual ? { manual: input.manual } : {}),
      })
    : aggregateIndicators({
        definitions: parsed.definitions,
        views,
        years,
        areas,
        startMonth,
        currentFiscalYear,
        ...(input.manual ? { manual: input.manual } : {}),
      });
  const threshold = settings.suppressionThreshold;
  const protection = protectIndicators(aggregate.indicators, {
    threshold,
    areas,
    ...(input.periodTotals ? { periodTotals: true } : {}),
  });
  if (protection.failures.length > 0) {
    return {
      ok: false,
      issues: parsed.issues,
      message: {
        ja: `秘匿の検査に通らない表があるため、指標サマリーを公表できません（${protection.failures.map((f) => f.ja).join(' / ')}）`,
        en: `A table failed the suppression audit, so the summary is not published (${protection.failures.map((f) => f.en).join(' / ')})`,
      },
    };
  }
  const { scale, issues: gradeIssues } = gradeScaleOf(settings);

  const showUnknown = aggregate.indicators.some((r) =>
    r.years.some((y) => y.unknownArea !== null && y.unknownArea.state === 'value' && (y.unknownArea.value ?? 0) !== 0),
  );
  const shownAreas = showUnknown ? [...areas, UNKNOWN_AREA] : areas;

  const live = new Map<string, Map<number, Map<string, FrozenCell>>>();
  const closed: ClosedYears = input.closed ?? new Map();
  const indicators = aggregate.indicators.map((result) =>
    summarizeIndicator(result, protection.decisions, scale, shownAreas, startMonth, currentFiscalYear, closed, live),
  );
  const goals: SummaryGoal[] = [1, 2, 3, 4].map((goal) => ({
    goal,
    title: goalTitle(settings, goal),
    indicators: indicators.filter((i) => i.goal === goal),
  }));
  const notes: Message[] = [...gradeIssues];
  for (const s of aggregate.sources) {
    if (s.notDataRows > 0)
      notes.push({
        ja: `${s.sheets.join('・')}の合計・注記・見出しなどの行（${s.notDataRows}行）は集計していません`,
        en: `${s.notDataRows} totals, notes or headings rows of ${s.sheets.join(', ')} are not counted`,
      });
  }
  return {
    ok: true,
    issues: parsed.issues,
    live,
    summary: {
      organizationName: settings.organizationName,
      threshold,
      startMonth,
      currentFiscalYear,
      years,
      areas: shownAreas,
      grades: scale,
      goals,
      tables: protection.tables,
      footnote: {
        ja: `＊は、人数・件数が秘匿基準（${threshold}）未満のため、またはその数を合計などから計算できないようにするために伏せた値です。割合・平均は、もとになった件数が${threshold}未満のときも伏せています。`,
        en: `＊ marks a figure hidden because a count of people or cases is below the suppression threshold (${threshold}), or so that such a count cannot be worked out from totals. Shares and means are also hidden when they rest on fewer than ${threshold} cases.`,
      },
      notes,
      updatedAt: input.updatedAt,
      closedYears: [...closed.values()].map((c) => ({ fy: c.fy, closedAt: c.closedAt })).sort((a, b) => a.fy - b.fy),
    },
  };
}

/**
 * The 圏域 the sources name, when 設定 lists none: every distinct 圏域 cell, in order of first
 * appearance over the sources (at most 30: more is not a set of 圏域 but free text).
 */
function areasInData(views: Partial<Record<SourceKind, SourceView>>): string[] {
  const out: string[] = [];
  for (const view of Object.values(views)) {
    if (!view || view.source.areaColumn === null) continue;
    const found = view.resolve(
      view.source.dynamic
        ? view.source.areaColumn
        : (view.source.columns.find((c) => c.key === view.source.areaColumn)?.header ?? ''),
    );
    if (!found || !('column' in found)) continue;
    const suffix = view.source.areaSuffix ? matchKey(view.source.areaSuffix) : null;
    for (const key of view.codes(found.column.key).values) {
      const value = suffix && key.endsWith(suffix) && key !== suffix ? key.slice(0, key.length - suffix.length) : key;
      if (out.indexOf(value) < 0) out.push(value);
    }
  }
  return out.length <= 30 ? out : [];
}

/** areasInData for a summary counted in parts: the 圏域 cells of the sources' tallies, in the same order. */
function areasInTallies(tallies: readonly SourceTally[]): string[] {
  const out: string[] = [];
  for (const kind of SOURCE_KINDS) {
    const source = SOURCES[kind];
    const suffix = source.areaSuffix ? matchKey(source.areaSuffix) : null;
    for (const t of tallies) {
      if (t.kind !== kind || !t.hasAreas) continue;
      for (const key of t.areaKeys) {
        const value = suffix && key.endsWith(suffix) && key !== suffix ? key.slice(0, key.length - suffix.length) : key;
        if (out.indexOf(value) < 0) out.push(value);
      }
    }
  }
  return out.length <= 30 ? out : [];
}

/** The 年度 a summary shows: those asked for, else the 目標 years of 指標定義, else the last five. */
export function summaryYears(
  targetYears: readonly number[],
  currentFiscalYear: number,
  asked?: readonly number[],
): number[] {
  return asked
    ? asked.slice().sort((a, b) => a - b)
    : targetYears.length > 0
      ? targetYears.slice()
      : [0, 1, 2, 3, 4].map((k) => currentFiscalYear - 4 + k);
}

function summarizeIndicator(
  result: IndicatorResult,
  decisions: ReturnType<typeof protectIndicators>['decisions'],
  scale: GradeScale,
  areas: readonly string[],
  startMonth: number,
  currentFiscalYear: number,
  closed: ClosedYears,
  live: Map<string, Map<number, Map<string, FrozenCell>>>,
): SummaryIndicator {
  const def = result.definition;
  const method: Method | '手入力' = def.method ?? '手入力';
  const byYear = decisions.get(def.id);
  const liveYears = new Map<number, Map<string, FrozenCell>>();
  live.set(def.id, liveYears);
  const cell = (fy: number, area: string, m: Measure): FrozenCell => {
    const d: CellDecision | undefined = byYear?.get(fy)?.get(area);
    const suppressed = d?.suppressed === true && m.state === 'value';
    const raw = m.state === 'value' && m.value !== null ? round(m.value, method) : null;
    return {
      state: m.state,
      value: suppressed ? null : raw,
      suppressed,
      reason: suppressed ? (d?.reason ?? null) : null,
      raw,
    };
  };
  let previous: number | null = null;
  const years = result.years.map((y): SummaryYear => {
    const now = new Map<string, FrozenCell>();
    now.set(CITY, cell(y.fy, CITY, y.city));
    if (y.unknownArea !== null)
      areas.forEach((name, i) =>
        now.set(name, cell(y.fy, name, name === UNKNOWN_AREA ? (y.unknownArea as Measure) : (y.areas[i] as Measure))),
      );
    liveYears.set(y.fy, now);
    const closing = closed.get(y.fy);
    const frozen = closing?.indicators.get(def.id);
    // A cell the closing did not have (a 圏域 added since) shows nothing rather than a figure counted now.
    const missing: FrozenCell = { state: 'none', value: null, suppressed: false, reason: null, raw: null };
    const exact =
      frozen !== undefined &&
      [...now.values(), ...frozen.values()].every((c) => !c.suppressed) &&
      [...now.keys()].every((k) => frozen.has(k));
    const shown = (area: string): SummaryCell => {
      const c = now.get(area) as FrozenCell;
      if (!frozen)
        return { area, state: c.state, value: c.value, suppressed: c.suppressed, reason: c.reason, drift: null };
      const f = frozenWithDrift(frozen.get(area) ?? missing, c, exact);
      return { area, state: f.state, value: f.value, suppressed: f.suppressed, reason: f.reason, drift: f.drift };
    };
    const city = shown(CITY);
    const areaCells = y.unknownArea === null ? [] : areas.map(shown);
    const target = def.targets[y.fy] ?? null;
    const inProgress = y.fy === currentFiscalYear && def.dating.kind !== 'current';
    const evaluation =
      city.value !== null && !inProgress
        ? evaluate(
            { direction: def.direction, actual: city.value, target, baseline: def.baseline, tolerance: def.tolerance },
            scale,
          )
        : { rate: null, grade: null };
    const prev = previousYear(city.value, previous);
    previous = city.value;
    return {
      fy: y.fy,
      label: formatFiscalYear(y.fy, startMonth),
      city,
      areas: areaCells,
      target,
      inProgress,
      rate: evaluation.rate === null ? null : Math.round(evaluation.rate * 10) / 10,
      grade: evaluation.grade,
      previousRatio: prev.ratio === null ? null : Math.round(prev.ratio * 10) / 10,
      previousChange: prev.change === null ? null : round(prev.change, method),
      closedAt: frozen ? (closing as ClosedYear).closedAt : null,
    };
  });
  return {
    id: def.id,
    goal: def.goal,
    initiative: def.initiative,
    name: def.name,
    unit: def.unit,
    method,
    source: def.source?.name ?? null,
    direction: def.direction,
    baseline: def.baseline,
    tolerance: def.tolerance,
    suppress: def.suppress,
    status: result.status,
    notes: result.notes,
    years,
  };
}

/** One cell of the --json output. */
export interface SummaryJsonCell {
  readonly fy: number;
  readonly area: string;
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: Reason | null;
  readonly target: number | null;
  readonly rate: number | null;
  readonly grade: Grade | null;
  /** value / none / noData / future / notCounted / notEntered (docs/summary.md). */
  readonly state: CellState;
  /** The 年度 is closed (年度確定): the figure is the frozen one. */
  readonly closed: boolean;
  /** A closed 年度: whether the figure counted now differs, and by how much where that may be said; else null. */
  readonly drift: Drift | null;
}

export interface SummaryJson {
  readonly threshold: number;
  /** The closed 年度 (年度確定) among those given. */
  readonly closedYears: readonly number[];
  readonly indicators: readonly {
    readonly id: string;
    readonly goal: number;
    readonly initiative: string;
    readonly name: string;
    readonly unit: string;
    readonly method: Method | '手入力';
    readonly cells: readonly SummaryJsonCell[];
  }[];
  readonly tables: readonly PublishedTable[];
}

/**
 * The --json shape (docs/summary.md): fy the 年度's starting year, area 市全体 for the whole
 * city, value null where hidden, reason primary/secondary (null when shown), grade A–D (only
 * 市全体 has 目標, 達成率 and a grade). `onlyYears` keeps those 年度 (the CLI's --fy).
 */
export function summaryJson(summary: Summary, onlyYears?: readonly number[]): SummaryJson {
  const keep = (fy: number): boolean => !onlyYears || onlyYears.indexOf(fy) >= 0;
  const jsonCell = (fy: number, c: SummaryCell, y: SummaryYear | null): SummaryJsonCell => ({
    fy,
    area: c.area,
    value: c.value,
    suppressed: c.suppressed,
    reason: c.reason,
    target: y ? y.target : null,
    rate: y ? y.rate : null,
    grade: y ? y.grade : null,
    state: c.state,
    closed: c.drift !== null,
    drift: c.drift,
  });
  const closedFy = new Set(summary.closedYears.map((c) => c.fy));
  const byId = new Map(summary.goals.flatMap((g) => g.indicators.map((i) => [i.id, i] as const)));
  return {
    threshold: summary.threshold,
    indicators: summary.goals.flatMap((g) =>
      g.indicators.map((i) => ({
        id: i.id,
        goal: i.goal,
        initiative: i.initiative,
        name: i.name,
        unit: i.unit,
        method: i.method,
        cells: i.years
          .filter((y) => keep(y.fy))
          .flatMap((y) => [jsonCell(y.fy, y.city, y), ...y.areas.map((a) => jsonCell(y.fy, a, null))]),
      })),
    ),
    closedYears: [...closedFy].filter(keep).sort((a, b) => a - b),
    tables: summary.tables
      .filter((t) => (t.fy === null ? true : keep(t.fy) && !closedFy.has(t.fy)))
      .map((t) => (t.kind === 'areasByYear' ? frozenColumns(t, byId.get(t.indicator)) : t)),
  };
}

/**
 * A 圏域 × 年度 table with the columns of closed 年度 showing the frozen figures (the tables of
 * one closed 年度 — shares, breakdowns — are not given: they were published when it was closed).
 * The columns of a 圏域 × 年度 table are independent of each other as long as no period total
 * per 圏域 is published (runSummary publishes none), so a frozen column keeps the protection
 * its audit proved when the 年度 was closed.
 */
function frozenColumns(table: PublishedTable, indicator: SummaryIndicator | undefined): PublishedTable {
  if (!indicator || table.rowTotals !== null) return table;
  const figure = (c: SummaryCell | undefined): PublishedFigure => ({
    value: c ? c.value : null,
    suppressed: c ? c.suppressed : false,
    reason: c ? c.reason : null,
  });
  const closedCols = table.columns
    .map((label, col) => ({ col, year: indicator.years.find((y) => String(y.fy) === label) }))
    .filter((x) => x.year?.closedAt !== null && x.year !== undefined);
  if (closedCols.length === 0) return table;
  const cells = table.cells.map((row) => row.slice());
  const columnTotals = table.columnTotals ? table.columnTotals.slice() : null;
  for (const { col, year } of closedCols) {
    const y = year as SummaryYear;
    table.rows.forEach((area, r) => {
      (cells[r] as PublishedFigure[])[col] = figure(y.areas.find((a) => a.area === area));
    });
    if (columnTotals) columnTotals[col] = figure(y.city);
  }
  return { ...table, cells, columnTotals };
}
