/** Defines header detection: which row is the header, which kind the sheet is, which column is which. */
import { parseFiscalYear } from '../text/date';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { SHEET_SPECS } from './specs';
import { SHEET_KINDS, type ColumnPatternSpec, type SheetKind, type SheetSpec } from './types';

export interface DetectedColumn {
  /** 0-based column index. */
  readonly index: number;
  /** The header as written (trimmed). */
  readonly header: string;
}

export interface DuplicateHeader {
  /** The key both columns matched, or null for identical headers that match no key. */
  readonly key: string | null;
  readonly header: string;
  /** All columns carrying it; for a key, the first one is mapped and the others are kept as extra columns. */
  readonly indices: readonly number[];
}

/** A column whose header could mean more than one key of the kind (種別 in a 寄付台帳), and how it was read. */
export interface AmbiguousColumn {
  /** 0-based column index. */
  readonly index: number;
  /** The header as written. */
  readonly header: string;
  /** The key it was given. */
  readonly key: string;
  /** Every key the header could mean. */
  readonly candidates: readonly string[];
  /**
   * 'values': the column's values fit the key's list better; 'taken': the other keys have columns
   * of their own; 'default': the values did not tell (the likelier key was taken).
   */
  readonly by: 'values' | 'taken' | 'default';
  /** Values below the header that fit the key's list, and values read. */
  readonly fitting: number;
  readonly read: number;
}

export interface Detection {
  readonly kind: SheetKind;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** The header row's cells as written (trimmed; '' for blank or non-text cells). */
  readonly headers: readonly string[];
  /** Matched columns by key ('name', 'target.2024'). */
  readonly columns: Readonly<Record<string, DetectedColumn>>;
  /** Required keys with no column. */
  readonly missingRequired: readonly string[];
  /** Columns with a header that no key took; Tsunagu keeps them as they are. */
  readonly extraColumns: readonly DetectedColumn[];
  readonly duplicates: readonly DuplicateHeader[];
  /**
   * 0–1, for display only: the mean of the share of required columns found and the share of
   * header cells understood. Decisions use the score.
   */
  readonly confidence: number;
  /** Sum of column weights: required 3, optional 2, generic (weak) header 0.5, per-year/language column 1 (at most 3). */
  readonly score: number;
  /** Other kinds the header also qualified for, best first. */
  readonly alternatives: readonly { readonly kind: SheetKind; readonly score: number }[];
  /** True when the sheet name chose between kinds whose scores were within NAME_TIE_MARGIN. */
  readonly decidedByName: boolean;
  /** Columns whose header could mean more than one key: staff are asked to confirm them. */
  readonly ambiguous: readonly AmbiguousColumn[];
}

export interface DetectOptions {
  /** The sheet's name, used only to choose between near-equal candidates. */
  readonly sheetName?: string;
  /** Restrict detection to these kinds (e.g. ['settings'] when reading 設定). */
  readonly kinds?: readonly SheetKind[];
}

/** Scores within this of the best count as a tie that the sheet name may decide (one generic column). */
export const NAME_TIE_MARGIN = 1;
const WEIGHT_REQUIRED = 3;
const WEIGHT_OPTIONAL = 2;
const WEIGHT_WEAK = 0.5;
const WEIGHT_PATTERN = 1;
const MAX_PATTERN_SCORE = 3;

interface AliasEntry {
  readonly key: string;
  readonly strong: boolean;
  readonly weight: number;
}

const aliasIndexCache = new Map<SheetKind, Map<string, AliasEntry>>();

/**
 * normalizeHeader(alias) → key for one kind, built once. A canonical header or strong alias
 * wins over a weak alias of another key that normalises the same way.
 */
function aliasIndex(kind: SheetKind): Map<string, AliasEntry> {
  let index = aliasIndexCache.get(kind);
  if (index) return index;
  index = new Map();
  const spec = SHEET_SPECS[kind];
  for (const c of spec.columns) {
    const weight = c.required ? WEIGHT_REQUIRED : WEIGHT_OPTIONAL;
    for (const h of [c.header, ...c.aliases]) {
      const n = normalizeHeader(h);
      const existing = index.get(n);
      if (n !== '' && (!existing || !existing.strong)) index.set(n, { key: c.key, strong: true, weight });
    }
  }
  for (const c of spec.columns) {
    for (const h of c.weakAliases ?? []) {
      const n = normalizeHeader(h);
      if (n !== '' && !index.has(n)) index.set(n, { key: c.key, strong: false, weight: WEIGHT_WEAK });
    }
  }
  aliasIndexCache.set(kind, index);
  return index;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  英語: 'en',
  中国語: 'zh',
  韓国語: 'ko',
  朝鮮語: 'ko',
  ベトナム語: 'vi',
  ネパール語: 'ne',
  ポルトガル語: 'pt',
  スペイン語: 'es',
  タガログ語: 'tl',
  フィリピノ語: 'fil',
  インドネシア語: 'id',
  タイ語: 'th',
  ミャンマー語: 'my',
  日本語: 'ja',
  // やさしい日本語 (easy Japanese for residents with foreign roots) is a form language of its own.
  やさしい: 'ja-yasashii',
  やさしい日本語: 'ja-yasashii',
  やさしいにほんご: 'ja-yasashii',
  easyjapanese: 'ja-yasashii',
};
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;
const BRACKETED = /^(.+?)[[(]([^[\]()]+)[\])]$/;

/** 'EN' → 'en', 'zh_tw' → 'zh-TW', 'zh-hant' → 'zh-Hant', '英語' → 'en'; null if not a language. */
function languageCode(s: string): string | null {
  const named = LANGUAGE_NAMES[s] ?? LANGUAGE_NAMES[s.toLowerCase()];
  if (named) return named;
  if (!LANGUAGE_TAG.test(s)) return null;
  return s
    .split(/[-_]/)
    .map((part, i) =>
      i === 0
        ? part.toLowerCase()
        : part.length === 2
          ? part.toUpperCase()
          : part.length === 4
            ? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
            : part.toLowerCase(),
    )
    .join('-');
}

/** The capture of a per-year or per-language header ('2024', 'en'), or null when it is not one. */
function matchPattern(pattern: ColumnPatternSpec, text: string, normalized: string): string | null {
  const base = normalizeHeader(pattern.header);
  if (pattern.capture === 'fiscalYear') {
    let rest: string | null = null;
    if (normalized.length > base.length && normalized.startsWith(base)) rest = normalized.slice(base.length);
    else if (normalized.length > base.length && normalized.endsWith(base))
      rest = normalized.slice(0, normalized.length - base.length);
    if (rest === null || !/\d|元/.test(rest)) return null;
    const fy = parseFiscalYear(rest);
    return fy.ok ? String(fy.year) : null;
  }
  const m = BRACKETED.exec(normalizeText(text).replace(/\s+/g, ''));
  if (!m || normalizeHeader(m[1] as string) !== base) return null;
  return languageCode(m[2] as string);
}

/** The text of a header cell as written: strings trimmed, numbers as digits, anything else ''. */
export function headerText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  // Booleans, Dates and blanks are not header text.
  return '';
}

interface KindMatch {
  readonly spec: SheetSpec;
  readonly score: number;
  readonly qualifies: boolean;
  readonly strongKeys: ReadonlySet<string>;
  readonly columns: Record<string, DetectedColumn>;
  readonly duplicates: DuplicateHeader[];
  readonly extraColumns: DetectedColumn[];
  readonly nonEmpty: number;
  readonly ambiguous: AmbiguousColumn[];
}

const ambiguousCache = new Map<SheetKind, Map<string, readonly string[]>>();

/** normalizeHeader(header) → the keys it could mean, for one kind. */
function ambiguousIndex(spec: SheetSpec): Map<string, readonly string[]> {
  let index = ambiguousCache.get(spec.kind);
  if (index) return index;
  index = new Map();
  for (const a of spec.ambiguousHeaders ?? []) index.set(normalizeHeader(a.header), a.keys);
  ambiguousCache.set(spec.kind, index);
  return index;
}

/** Matches one header row against one kind, whether or not the kind qualifies. */
function matchKind(spec: SheetSpec, texts: readonly string[], normalized: readonly string[]): KindMatch {
  const index = aliasIndex(spec.kind);
  const ambiguousHeaders = ambiguousIndex(spec);
  const strong: [number, string, number][] = [];
  const weak: [number, string][] = [];
  const patterned: [number, string][] = [];
  const unsure: [number, readonly string[]][] = [];
  let nonEmpty = 0;
  for (let i = 0; i < normalized.length; i++) {
    const n = normalized[i] as string;
    if (n === '') continue;
    nonEmpty++;
    const entry = index.get(n);
    if (entry) {
      if (entry.strong) strong.push([i, entry.key, entry.weight]);
      else weak.push([i, entry.key]);
      continue;
    }
    const keys = ambiguousHeaders.get(n);
    if (keys) {
      unsure.push([i, keys]);
      continue;
    }
    for (const p of spec.patterns) {
      const capture = matchPattern(p, texts[i] as string, n);
      if (capture !== null) {
        patterned.push([i, `${p.key}.${capture}`]);
        break;
      }
    }
  }

  const columns: Record<string, DetectedColumn> = {};
  const dupIndices = new Map<string, number[]>();
  const strongKeys = new Set<string>();
  let score = 0;
  const assign = (i: number, key: string): boolean => {
    const existing = columns[key];
    if (existing) {
      const list = dupIndices.get(key) ?? [existing.index];
      list.push(i);
      dupIndices.set(key, list);
      return false;
    }
    columns[key] = { index: i, header: texts[i] as string };
    return true;
  };
  for (const [i, key, weight] of strong) {
    if (assign(i, key)) {
      strongKeys.add(key);
      score += weight;
    }
  }
  let patternScore = 0;
  for (const [i, key] of patterned) if (assign(i, key)) patternScore += WEIGHT_PATTERN;
  score += Math.min(patternScore, MAX_PATTERN_SCORE);
  // A header that could mean several keys takes the first one no column named outright; the
  // values below it may change that (resolveByValues). It weighs as little as a generic header.
  const ambiguous: AmbiguousColumn[] = [];
  for (const [i, keys] of unsure) {
    const free = keys.filter((k) => !columns[k]);
    const key = free[0];
    if (key === undefined) continue;
    columns[key] = { index: i, header: texts[i] as string };
    score += WEIGHT_WEAK;
    const by = free.length === 1 && keys.length > 1 ? 'taken' : 'default';
    ambiguous.push({ index: i, header: texts[i] as string, key, candidates: keys, by, fitting: 0, read: 0 });
  }
  // A generic header ('No', '種別') only fills a key nothing better took; otherwise it is extra.
  for (const [i, key] of weak) {
    if (!columns[key]) {
      columns[key] = { index: i, header: texts[i] as string };
      score += WEIGHT_WEAK;
    }
  }

  const used = new Set<number>();
  for (const key in columns) used.add((columns[key] as DetectedColumn).index);
  // Second and later columns of a duplicated key are reported once, under their key.
  const laterDuplicates = new Set<number>();
  for (const list of dupIndices.values()) for (let k = 1; k < list.length; k++) laterDuplicates.add(list[k] as number);
  const extraColumns: DetectedColumn[] = [];
  const extraByHeader = new Map<string, number[]>();
  for (let i = 0; i < normalized.length; i++) {
    if (used.has(i) || normalized[i] === '') continue;
    extraColumns.push({ index: i, header: texts[i] as string });
    if (!laterDuplicates.has(i)) {
      const list = extraByHeader.get(normalized[i] as string) ?? [];
      list.push(i);
      extraByHeader.set(normalized[i] as string, list);
    }
  }
  const duplicates: DuplicateHeader[] = [];
  for (const [key, indices] of dupIndices)
    duplicates.push({ key, header: texts[indices[0] as number] as string, indices });
  for (const indices of extraByHeader.values()) {
    if (indices.length > 1) duplicates.push({ key: null, header: texts[indices[0] as number] as string, indices });
  }
  duplicates.sort((a, b) => (a.indices[0] as number) - (b.indices[0] as number));

  const mm = spec.minimumMatch;
  const anchors = mm.anyOf.filter((k) => strongKeys.has(k));
  let others = 0;
  for (const k of mm.from) if (strongKeys.has(k) && anchors.indexOf(k) < 0) others++;
  const qualifies = anchors.length > 0 && others >= mm.plus;
  return { spec, score, qualifies, strongKeys, columns, duplicates, extraColumns, nonEmpty, ambiguous };
}

function toDetection(
  m: KindMatch,
  headerRow: number,
  texts: readonly string[],
  alternatives: KindMatch[],
  decidedByName: boolean,
): Detection {
  const required = m.spec.columns.filter((c) => c.required);
  const missingRequired = required.filter((c) => !m.columns[c.key]).map((c) => c.key);
  const mapped = Object.keys(m.columns).length;
  const requiredShare = required.length === 0 ? 1 : (required.length - missingRequired.length) / required.length;
  const understoodShare = m.nonEmpty === 0 ? 0 : mapped / m.nonEmpty;
  return {
    kind: m.spec.kind,
    headerRow,
    headers: texts,
    columns: m.columns,
    missingRequired,
    extraColumns: m.extraColumns,
    duplicates: m.duplicates,
    confidence: Math.round(((requiredShare + understoodShare) / 2) * 100) / 100,
    score: m.score,
    alternatives: alternatives.map((a) => ({ kind: a.spec.kind, score: a.score })),
    decidedByName,
    ambiguous: m.ambiguous,
  };
}

/** Text folded for comparing a cell with a list item: NFKC, no spaces. */
function foldValue(cell: unknown): string {
  return typeof cell === 'string' ? normalizeText(cell).replace(/\s+/g, '') : '';
}

/** True when a value is a list item or a short form of one (一般 for 一般寄付, 個人 for 個人). */
export function fitsList(value: string, list: readonly string[]): boolean {
  for (const item of list) {
    const folded = foldValue(item);
    if (folded === value || (value.length >= 2 && folded.startsWith(value))) return true;
  }
  return false;
}

/**
 * Reads each ambiguous column by its values: the rows below the header (those given) that fit
 * each candidate key's fixed list are counted, and the column takes the key with the most when
 * that key has no column of its own. Unchanged when the values do not tell.
 */
export function resolveByValues(detection: Detection, values: readonly (readonly unknown[])[]): Detection {
  if (detection.ambiguous.length === 0) return detection;
  const spec = SHEET_SPECS[detection.kind];
  const columns: Record<string, DetectedColumn> = { ...detection.columns };
  const ambiguous = detection.ambiguous.map((a) => {
    const texts: string[] = [];
    for (let r = detection.headerRow; r < values.length; r++) {
      const v = foldValue(values[r]?.[a.index]);
      if (v !== '') texts.push(v);
    }
    const fits = (key: string): number => {
      const list = spec.columns.find((c) => c.key === key)?.list;
      return list ? texts.filter((t) => fitsList(t, list)).length : 0;
    };
    let best = a.key;
    let bestFit = fits(a.key);
    for (const key of a.candidates) {
      if (key === a.key || (columns[key] && columns[key].index !== a.index)) continue;
      const fit = fits(key);
      if (fit > bestFit) {
        best = key;
        bestFit = fit;
      }
    }
    if (best !== a.key) {
      delete columns[a.key];
      columns[best] = { index: a.index, header: a.header };
    }
    const by: AmbiguousColumn['by'] = bestFit > 0 ? 'values' : a.by;
    return { ...a, key: best, by, fitting: bestFit, read: texts.length };
  });
  const missingRequired = spec.columns.filter((c) => c.required && !columns[c.key]).map((c) => c.key);
  return { ...detection, columns, ambiguous, missingRequired };
}

/** How well a sheet name names a kind: exact canonical name or alias ≫ containing one (longer is better) ≫ 0. */
function nameRank(spec: SheetSpec, sheetName: string): number {
  const n = normalizeHeader(sheetName).replace(/\d+$/, '');
  if (n === '') return 0;
  let rank = 0;
  for (const name of [spec.canonicalName, ...spec.nameAliases]) {
    const c = normalizeHeader(name);
    if (c === n) return 10_000;
    if (c.length >= 2 && n.indexOf(c) >= 0) rank = Math.max(rank, c.length);
  }
  return rank;
}

function kindsOf(options: DetectOptions): readonly SheetKind[] {
  return options.kinds
    ? SHEET_KINDS.filter((k) => (options.kinds as readonly SheetKind[]).indexOf(k) >= 0)
    : SHEET_KINDS;
}

interface RowResult {
  readonly detection: Detection | null;
  /** The best match that did not qualify, for explaining a failure. */
  readonly closest: KindMatch | null;
  readonly nonEmpty: number;
}

function detectRow(row: readonly unknown[], headerRow: number, options: DetectOptions): RowResult {
  const texts = row.map(headerText);
  const normalized = texts.map(normalizeHeader);
  const matches = kindsOf(options).map((k) => matchKind(SHEET_SPECS[k], texts, normalized));
  const nonEmpty = normalized.filter((n) => n !== '').length;
  // Stable sort: equal scores keep SHEET_KINDS order, so the choice is deterministic.
  const qualified = matches.filter((m) => m.qualifies).sort((a, b) => b.score - a.score);
  if (qualified.length === 0) {
    const closest = matches.filter((m) => m.score > 0).sort((a, b) => b.score - a.score)[0] ?? null;
    return { detection: null, closest, nonEmpty };
  }
  let chosen = qualified[0] as KindMatch;
  let decidedByName = false;
  if (options.sheetName) {
    const top = chosen;
    let bestRank = 0;
    for (const m of qualified) {
      if (m.score < top.score - NAME_TIE_MARGIN) break;
      const rank = nameRank(m.spec, options.sheetName);
      if (rank > bestRank) {
        bestRank = rank;
        chosen = m;
      }
    }
    decidedByName = chosen !== top;
  }
  const alternatives = qualified.filter((m) => m !== chosen);
  return { detection: toDetection(chosen, headerRow, texts, alternatives, decidedByName), closest: null, nonEmpty };
}

/** Detects the kind of one header row (taken as sheet row 1); null when no kind qualifies. */
export function detectSheet(headerRow: readonly unknown[], options: DetectOptions = {}): Detection | null {
  return detectRow(headerRow, 1, options).detection;
}

/**
 * Finds the header among the first maxScan rows (titles often sit above it) and detects the
 * kind. The row with the highest score wins; on equal scores the upper row. Null when none qualifies.
 */
export function detectHeader(
  values: readonly (readonly unknown[])[],
  maxScan = 10,
  options: DetectOptions = {},
): Detection | null {
  const d = diagnoseHeader(values, maxScan, options);
  return d.ok ? d.detection : null;
}

export type HeaderDiagnosis =
  | { readonly ok: true; readonly detection: Detection }
  | {
      readonly ok: false;
      /** 'empty': nothing in the scanned rows; 'noHeader': no row qualifies as any kind's header. */
      readonly reason: 'empty' | 'noHeader';
      /** The kind the best row came closest to, with what it lacked. */
      readonly closest: {
        readonly kind: SheetKind;
        readonly headerRow: number;
        readonly matched: readonly string[];
        readonly needed: readonly string[];
      } | null;
      readonly message: { readonly ja: string; readonly en: string };
    };

/** detectHeader with the reason when nothing is found, for a clear message to staff. */
export function diagnoseHeader(
  values: readonly (readonly unknown[])[],
  maxScan = 10,
  options: DetectOptions = {},
): HeaderDiagnosis {
  let best: Detection | null = null;
  let closest: { match: KindMatch; row: number } | null = null;
  let anyText = false;
  const rows = Math.min(values.length, Math.max(0, maxScan));
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const result = detectRow(row, r + 1, options);
    if (result.nonEmpty > 0) anyText = true;
    if (result.detection && (!best || result.detection.score > best.score)) best = result.detection;
    if (result.closest && (!closest || result.closest.score > closest.match.score))
      closest = { match: result.closest, row: r + 1 };
  }
  if (best) return { ok: true, detection: resolveByValues(best, values.slice(0, rows)) };
  if (!anyText) {
    return {
      ok: false,
      reason: 'empty',
      closest: null,
      message: {
        ja: `1〜${maxScan}行目に何も入力されていません。見出し行（列名の行）が必要です。`,
        en: `Rows 1–${maxScan} are empty. A header row (column names) is needed.`,
      },
    };
  }
  if (!closest) {
    return {
      ok: false,
      reason: 'noHeader',
      closest: null,
      message: {
        ja: `1〜${maxScan}行目に、Tsunaguが知っている列名（例: 氏名、フリガナ、電話番号）を含む見出し行が見つかりません。`,
        en: `No header row with column names Tsunagu knows (e.g. 氏名, フリガナ, 電話番号) in rows 1–${maxScan}.`,
      },
    };
  }
  const { match, row } = closest;
  const spec = match.spec;
  const header = (key: string): string => spec.columns.find((c) => c.key === key)?.header ?? key;
  const anchorMissing = !spec.minimumMatch.anyOf.some((k) => match.strongKeys.has(k));
  const needed = anchorMissing
    ? spec.minimumMatch.anyOf.slice()
    : spec.minimumMatch.from.filter((k) => !match.strongKeys.has(k));
  // A few names are enough to show what is meant; the full list would drown the message.
  const neededText = needed.slice(0, 6).map(header).join('、') + (needed.length > 6 ? '…' : '');
  const neededCount = anchorMissing ? 'one of' : `${spec.minimumMatch.plus} of`;
  return {
    ok: false,
    reason: 'noHeader',
    closest: { kind: spec.kind, headerRow: row, matched: Object.keys(match.columns), needed },
    message: {
      ja: `${row}行目は「${spec.canonicalName}」の見出しに近いですが、列が足りません。次の列名を${anchorMissing ? 'どれか1つ' : `${spec.minimumMatch.plus}つ以上`}追加してください: ${neededText}`,
      en: `Row ${row} looks like the header of 「${spec.canonicalName}」 but lacks columns. Add ${neededCount} these column names: ${neededText}`,
    },
  };
}

/**
 * Matches a header row as one given kind, whether or not it qualifies: used when staff say
 * which kind a sheet is, and for 設定.
 */
export function detectSheetAs(
  kind: SheetKind,
  headerRow: readonly unknown[],
  headerRowNumber = 1,
  /** The sheet's first rows (the header among them), to read ambiguous headers by their values. */
  head?: readonly (readonly unknown[])[],
): Detection {
  const texts = headerRow.map(headerText);
  const normalized = texts.map(normalizeHeader);
  const detection = toDetection(matchKind(SHEET_SPECS[kind], texts, normalized), headerRowNumber, texts, [], false);
  return head ? resolveByValues(detection, head) : detection;
}
