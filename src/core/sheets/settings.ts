/** Defines Settings, the typed content of the 設定 sheet, and parseSettings that reads it with issues. */
import { cellText } from '../text/cell';
import { splitMulti } from '../text/multi';
import { cleanSpaces } from '../text/width';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { parseNumber } from '../text/number';
import { detectHeader } from './detect';
import { mappingFromDetection, type ColumnMapping } from './mapping';
import { parseRows, type SheetRecord } from './rows';
import type { SheetIssue } from './types';

export {
  defaultSettingsRows,
  defaultSettingsHeader,
  defaultIndicatorRows,
  defaultIndicatorHeader,
  DEFAULT_TARGET_YEARS,
  type DefaultCell,
} from './defaults';

/** A 圏域 (junior-high school district) with the 地区 and 町名 it covers. */
export interface Area {
  name: string;
  districts: string[];
  towns: string[];
}

/** Plain data (JSON-safe), so it can cross to the sidebar as it is. */
export interface Settings {
  /** 団体名; '' when the sheet does not say. */
  organizationName: string;
  /** 年度開始月: 1–12, default 4 (April). */
  fiscalYearStartMonth: number;
  /** 秘匿基準: counts of people below it are hidden in summaries. Default 10, never below 3. */
  suppressionThreshold: number;
  areas: Area[];
  /** Pairs of adjacent 圏域, each pair in 圏域 order, no duplicates. */
  adjacentAreas: [string, string][];
  /** Every other 項目 is a named list: 内容区分, 活動分野, 資格・特技, 対応言語, 入金方法, 支部 … */
  lists: Record<string, string[]>;
  /** 重み:名前 rows (matching weights), when there are any. */
  weights?: Record<string, number>;
  /** 履歴保存日数: つなぐ履歴 keeps what an action overwrote this many days (1–3650), default 30. */
  historyRetentionDays: number;
  /**
   * True when the workbook has no 設定 sheet: no 団体名, no 圏域 (the sample city's are not the
   * council's), and Tsunagu's standard lists stand in for the council's own.
   */
  noSettingsSheet?: boolean;
}

export const DEFAULT_FISCAL_YEAR_START_MONTH = 4;
export const DEFAULT_SUPPRESSION_THRESHOLD = 10;
/** Below 3, a published count could identify a person (the privacy rule of DESIGN.md). */
export const MIN_SUPPRESSION_THRESHOLD = 3;
/** How long つなぐ履歴 keeps before-values (names, phone numbers) by default, and at most: days. */
export const DEFAULT_HISTORY_RETENTION_DAYS = 30;
export const MAX_HISTORY_RETENTION_DAYS = 3650;

/** The settings of a workbook without a 設定 sheet. A function, so callers cannot share and mutate one object. */
export function defaultSettings(): Settings {
  return {
    organizationName: '',
    fiscalYearStartMonth: DEFAULT_FISCAL_YEAR_START_MONTH,
    suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD,
    areas: [],
    adjacentAreas: [],
    lists: {},
    historyRetentionDays: DEFAULT_HISTORY_RETENTION_DAYS,
  };
}

// The 項目 names Tsunagu knows, compared after normalizeHeader. Everything else is a list.
const ORGANIZATION = new Set(['団体名', '法人名', '社協名', '組織名', '団体の名前'].map(normalizeHeader));
const START_MONTH = new Set(['年度開始月', '年度の開始月', '年度開始', '期首月'].map(normalizeHeader));
const THRESHOLD = new Set(['秘匿基準', '秘匿基準値', '秘匿しきい値', '秘匿閾値', '最小表示人数'].map(normalizeHeader));
const AREA = new Set(['圏域'].map(normalizeHeader));
const ADJACENT = new Set(['隣接圏域', '隣接', '隣接する圏域'].map(normalizeHeader));
const RETENTION = new Set(['履歴保存日数', '履歴の保存日数', '履歴保存期間', '履歴の保存期間'].map(normalizeHeader));
const WEIGHT = /^重み\s*[:(]?\s*(.+?)\s*\)?$/;

export interface ParseSettingsOptions {
  /** A confirmed mapping; otherwise the header is detected. */
  readonly mapping?: ColumnMapping;
  /** Sheet row number of values[0] (default 1). */
  readonly firstRow?: number;
}

export interface ParsedSettings {
  readonly settings: Settings;
  readonly issues: readonly SheetIssue[];
  /** The mapping used; null when the sheet had no header and columns A–F were assumed. */
  readonly mapping: ColumnMapping | null;
}

/** Columns A–F in the canonical order, for a 設定 sheet typed without a header row. */
const HEADERLESS: ColumnMapping = {
  kind: 'settings',
  headerRow: 0,
  columns: { item: 0, value: 1, districts: 2, towns: 3, adjacent: 4, note: 5 },
};

function issue(
  code: string,
  severity: SheetIssue['severity'],
  row: number | undefined,
  column: string | undefined,
  ja: string,
  en: string,
): SheetIssue {
  const out: { -readonly [K in keyof SheetIssue]: SheetIssue[K] } = { code, severity, message: { ja, en } };
  if (row !== undefined) out.row = row;
  if (column !== undefined) out.column = column;
  return out;
}

/**
 * Reads the 設定 sheet (layout documented on the settings spec in specs.ts). Always returns
 * complete Settings: a value that cannot be used keeps its default and is reported; 秘匿基準
 * below 3 is raised to 3 and reported.
 */
export function parseSettings(
  values: readonly (readonly unknown[])[],
  options: ParseSettingsOptions = {},
): ParsedSettings {
  const issues: SheetIssue[] = [];
  let mapping: ColumnMapping | null = options.mapping ?? null;
  if (!mapping) {
    const det = detectHeader(values, 10, { kinds: ['settings'] });
    if (det) mapping = mappingFromDetection(det);
  }
  let records: SheetRecord[];
  if (mapping) {
    records = parseRows('settings', mapping, values, undefined, { firstRow: options.firstRow ?? 1 }).records;
  } else {
    records = parseRows('settings', HEADERLESS, values, undefined, { firstRow: options.firstRow ?? 1 }).records;
    if (records.length > 0) {
      issues.push(
        issue(
          'settings.noHeader',
          'warning',
          undefined,
          undefined,
          '設定シートに見出し行（項目・値）がないため、A列を項目、B列を値として読みました。',
          'The 設定 sheet has no header row (項目, 値); column A was read as 項目 and column B as 値.',
        ),
      );
    }
  }

  let organizationName: string | null = null;
  let fiscalYearStartMonth: number | null = null;
  let suppressionThreshold: number | null = null;
  let historyRetentionDays: number | null = null;
  const areas: { name: string; districts: string[]; towns: string[]; row: number }[] = [];
  const adjacency: { a: string; b: string; row: number }[] = [];
  const lists: Record<string, string[]> = {};
  const weights: Record<string, number> = {};
  let hasWeights = false;

  for (const r of records) {
    const item = cellText(r.fields.item);
    const value = r.fields.value;
    const valueText = cellText(value);
    if (item === null) {
      issues.push(
        issue(
          'settings.noItem',
          'warning',
          r.row,
          '項目',
          '項目が空の行は読み飛ばしました',
          'A row without 項目 was skipped',
        ),
      );
      continue;
    }
    const key = normalizeHeader(item);
    if (ORGANIZATION.has(key)) {
      if (valueText === null) continue;
      if (organizationName !== null) {
        issues.push(
          issue(
            'settings.duplicate',
            'warning',
            r.row,
            '項目',
            `「${item}」が複数あります。最初の行を使います`,
            `「${item}」 appears more than once; the first row is used`,
          ),
        );
      } else organizationName = typeof value === 'string' ? cleanSpaces(value) : valueText; // a name: kept as typed, spaces tidied
    } else if (START_MONTH.has(key)) {
      const n = parseNumber(typeof value === 'string' ? value.replace(/月/g, '') : value, { integer: true });
      if (n.ok && n.value >= 1 && n.value <= 12) {
        if (fiscalYearStartMonth === null) fiscalYearStartMonth = n.value;
        else
          issues.push(
            issue(
              'settings.duplicate',
              'warning',
              r.row,
              '項目',
              `「${item}」が複数あります。最初の行を使います`,
              `「${item}」 appears more than once; the first row is used`,
            ),
          );
      } else {
        issues.push(
          issue(
            'settings.badStartMonth',
            'error',
            r.row,
            '値',
            '年度開始月は1〜12の数で入力してください。4（4月）として扱います',
            'The fiscal year start month must be a number from 1 to 12; 4 (April) is used',
          ),
        );
      }
    } else if (THRESHOLD.has(key)) {
      const n = parseNumber(value, { integer: true });
      if (!n.ok) {
        issues.push(
          issue(
            'settings.badThreshold',
            'error',
            r.row,
            '値',
            `秘匿基準は整数で入力してください。${DEFAULT_SUPPRESSION_THRESHOLD}として扱います`,
            `The suppression threshold must be a whole number; ${DEFAULT_SUPPRESSION_THRESHOLD} is used`,
          ),
        );
      } else if (suppressionThreshold !== null) {
        issues.push(
          issue(
            'settings.duplicate',
            'warning',
            r.row,
            '項目',
            `「${item}」が複数あります。最初の行を使います`,
            `「${item}」 appears more than once; the first row is used`,
          ),
        );
      } else if (n.value < MIN_SUPPRESSION_THRESHOLD) {
        suppressionThreshold = MIN_SUPPRESSION_THRESHOLD;
        issues.push(
          issue(
            'settings.thresholdClamped',
            'warning',
            r.row,
            '値',
            `秘匿基準は${MIN_SUPPRESSION_THRESHOLD}未満にできません。${MIN_SUPPRESSION_THRESHOLD}として扱います`,
            `The suppression threshold cannot be below ${MIN_SUPPRESSION_THRESHOLD}; ${MIN_SUPPRESSION_THRESHOLD} is used`,
          ),
        );
      } else suppressionThreshold = n.value;
    } else if (RETENTION.has(key)) {
      const n = parseNumber(typeof value === 'string' ? value.replace(/日(間)?$/, '') : value, { integer: true });
      if (!n.ok || n.value < 1 || n.value > MAX_HISTORY_RETENTION_DAYS) {
        issues.push(
          issue(
            'settings.badRetention',
            'error',
            r.row,
            '値',
            `履歴保存日数は1〜${MAX_HISTORY_RETENTION_DAYS}の整数（日数）で入力してください。${DEFAULT_HISTORY_RETENTION_DAYS}日として扱います`,
            `履歴保存日数 must be a whole number of days from 1 to ${MAX_HISTORY_RETENTION_DAYS}; ${DEFAULT_HISTORY_RETENTION_DAYS} days is used`,
          ),
        );
      } else if (historyRetentionDays !== null) {
        issues.push(
          issue(
            'settings.duplicate',
            'warning',
            r.row,
            '項目',
            `「${item}」が複数あります。最初の行を使います`,
            `「${item}」 appears more than once; the first row is used`,
          ),
        );
      } else historyRetentionDays = n.value;
    } else if (AREA.has(key)) {
      if (valueText === null) {
        issues.push(
          issue(
            'settings.areaNoName',
            'error',
            r.row,
            '値',
            '圏域の行に圏域名（値）がありません',
            'An 圏域 row has no name in 値',
          ),
        );
        continue;
      }
      const districts = splitMulti(r.fields.districts, { weak: false });
      const towns = splitMulti(r.fields.towns, { weak: false });
      const existing = areas.find((a) => a.name === valueText);
      if (existing) {
        issues.push(
          issue(
            'settings.duplicateArea',
            'warning',
            r.row,
            '値',
            `圏域「${valueText}」が複数行あります。地区と町名はまとめて扱います`,
            `圏域 「${valueText}」 is on several rows; their 地区 and 町名 are combined`,
          ),
        );
        for (const d of districts) if (existing.districts.indexOf(d) < 0) existing.districts.push(d);
        for (const t of towns) if (existing.towns.indexOf(t) < 0) existing.towns.push(t);
      } else areas.push({ name: valueText, districts, towns, row: r.row });
      for (const other of splitMulti(r.fields.adjacent, { weak: false }))
        adjacency.push({ a: valueText, b: other, row: r.row });
    } else if (ADJACENT.has(key)) {
      const names = splitMulti(value, { weak: false });
      if (names.length < 2) {
        issues.push(
          issue(
            'settings.badAdjacency',
            'error',
            r.row,
            '値',
            '隣接圏域の行には、隣り合う圏域を2つ以上「、」で区切って書いてください',
            'An 隣接圏域 row needs two or more 圏域 separated by 、',
          ),
        );
        continue;
      }
      // The first 圏域 is adjacent to each of the others.
      for (let i = 1; i < names.length; i++)
        adjacency.push({ a: names[0] as string, b: names[i] as string, row: r.row });
    } else if (WEIGHT.test(normalizeText(item))) {
      const name = (WEIGHT.exec(normalizeText(item)) as RegExpExecArray)[1] as string;
      const n = parseNumber(value);
      if (n.ok) {
        weights[name] = n.value;
        hasWeights = true;
      } else {
        issues.push(
          issue(
            'settings.badWeight',
            'error',
            r.row,
            '値',
            `「${item}」の値は数で入力してください`,
            `The value of 「${item}」 must be a number`,
          ),
        );
      }
    } else {
      // A named list. Values that contain ・ (子ども・子育て) stay whole: only 、 , ; and line breaks separate.
      const name = normalizeText(item);
      const values = splitMulti(value, { weak: false });
      const target = lists[name] ?? (lists[name] = []);
      for (const v of values) if (target.indexOf(v) < 0) target.push(v);
    }
  }

  // Adjacency: known 圏域 only, no self-pairs, each pair once, ordered as the 圏域 rows.
  const areaOrder = new Map(areas.map((a, i) => [a.name, i] as const));
  const pairs: [string, string][] = [];
  const seenPairs = new Set<string>();
  for (const { a, b, row } of adjacency) {
    const ia = areaOrder.get(a);
    const ib = areaOrder.get(b);
    if (ia === undefined || ib === undefined) {
      const unknown = ia === undefined ? a : b;
      issues.push(
        issue(
          'settings.unknownArea',
          'warning',
          row,
          '隣接圏域',
          `隣接圏域の「${unknown}」は圏域の行にありません`,
          `「${unknown}」 in 隣接圏域 is not a 圏域 row`,
        ),
      );
      continue;
    }
    if (ia === ib) continue;
    const pair: [string, string] = ia < ib ? [a, b] : [b, a];
    const id = pair.join('\u0000');
    if (!seenPairs.has(id)) {
      seenPairs.add(id);
      pairs.push(pair);
    }
  }
  pairs.sort(
    (p, q) =>
      (areaOrder.get(p[0]) as number) - (areaOrder.get(q[0]) as number) ||
      (areaOrder.get(p[1]) as number) - (areaOrder.get(q[1]) as number),
  );

  // A 地区 or 町名 belongs to one 圏域; a second claim is reported (the first 圏域 keeps it for lookups).
  for (const field of ['districts', 'towns'] as const) {
    const owner = new Map<string, string>();
    for (const a of areas) {
      for (const v of a[field]) {
        const first = owner.get(v);
        const label = field === 'districts' ? '地区' : '町名';
        if (first !== undefined && first !== a.name) {
          issues.push(
            issue(
              'settings.sharedPlace',
              'warning',
              a.row,
              label,
              `${label}「${v}」が圏域「${first}」と「${a.name}」の両方にあります`,
              `${label} 「${v}」 is listed under both 「${first}」 and 「${a.name}」`,
            ),
          );
        } else owner.set(v, a.name);
      }
    }
  }

  const settings: Settings = {
    organizationName: organizationName ?? '',
    fiscalYearStartMonth: fiscalYearStartMonth ?? DEFAULT_FISCAL_YEAR_START_MONTH,
    suppressionThreshold: suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    areas: areas.map((a) => ({ name: a.name, districts: a.districts, towns: a.towns })),
    adjacentAreas: pairs,
    lists,
    ...(hasWeights ? { weights } : {}),
    historyRetentionDays: historyRetentionDays ?? DEFAULT_HISTORY_RETENTION_DAYS,
  };
  return { settings, issues, mapping };
}

/**
 * The allowed values for a column's listFromSettings: '圏域' → area names, '地区' / '町名' →
 * those of every 圏域 plus any list of that name, anything else → the named list. Null when
 * the 設定 sheet does not define it (then any value is accepted).
 */
export function settingsList(settings: Settings, name: string): string[] | null {
  const extra = settings.lists[name];
  if (name === '圏域' && settings.areas.length > 0) return settings.areas.map((a) => a.name);
  if ((name === '地区' || name === '町名') && settings.areas.length > 0) {
    const field = name === '地区' ? 'districts' : 'towns';
    const out: string[] = [];
    for (const a of settings.areas) for (const v of a[field]) if (out.indexOf(v) < 0) out.push(v);
    for (const v of extra ?? []) if (out.indexOf(v) < 0) out.push(v);
    return out.length > 0 ? out : null;
  }
  return extra ? extra.slice() : null;
}

/** The 圏域 a 町名 or 地区 belongs to (first claim wins); null when none lists it. */
export function areaOfPlace(settings: Settings, place: string): string | null {
  const p = normalizeText(place);
  for (const a of settings.areas) if (a.towns.indexOf(p) >= 0 || a.districts.indexOf(p) >= 0) return a.name;
  return null;
}
