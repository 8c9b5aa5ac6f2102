/** Defines SheetView: one sheet's mapped columns (header as written, type, list) and data rows, resolved once so the rules only loop. */
import { headerText } from '../sheets/detect';
import { classifyRows, isBlankCell, type SetAsideRow } from '../sheets/row-kinds';
import { columnLetter } from '../sheets/rows';
import { settingsList, type Settings } from '../sheets/settings';
import { columnSpecOf, getSpec } from '../sheets/specs';
import type { ColumnPatternSpec, ColumnReading, ColumnSpec, ColumnType, SheetKind, SheetSpec } from '../sheets/types';
import { isDateObject, parseDate } from '../text/date';
import { normalizeText } from '../text/normalize';
import type { Finding } from './codes';
import type { SheetInput, ValidationIssue } from './types';

/** The allowed values of a list column, with the lookups the rules need. */
export interface ListRule {
  readonly values: readonly string[];
  readonly set: ReadonlySet<string>;
  /** listKey(value) → the allowed value it stands for; null when two allowed values share the key. */
  readonly byKey: ReadonlyMap<string, string | null>;
  /** The 設定 list it comes from, or null for a fixed list of the data contract. */
  readonly fromSettings: string | null;
  /** True when the workbook has no 設定 sheet and the list is Tsunagu's standard one standing in for it. */
  readonly standard: boolean;
  /** listKey(word) → the allowed value 設定 says it means (項目 「言い換え:一般寄付」, 値 「一般、一般寄附」). */
  readonly synonyms: ReadonlyMap<string, string>;
}

const SYNONYM_ITEM = /^言い換え\s*[:：]\s*(.+)$/;

/**
 * The words 設定 lists as meaning an allowed value: each 項目 「言い換え:値」 names the value and
 * its 値 the words (several, separated by 、). Words of values not in the list are left out; a word
 * claimed by two values means neither.
 */
export function synonymsOf(settings: Settings, values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const claimed = new Set<string>();
  for (const name of Object.keys(settings.lists)) {
    const m = SYNONYM_ITEM.exec(normalizeText(name));
    if (!m) continue;
    const target = values.find((v) => listKey(v) === listKey(m[1] as string));
    if (target === undefined) continue;
    for (const word of settings.lists[name] as string[]) {
      const k = listKey(word);
      if (k === '' || claimed.has(k)) continue;
      const seen = out.get(k);
      if (seen !== undefined && seen !== target) {
        out.delete(k);
        claimed.add(k);
      } else out.set(k, target);
    }
  }
  return out;
}

/**
 * The one allowed value a value not in the list most likely stands for: the value is the first
 * characters of exactly one item (一般 → 一般寄付), or one item is the value with more after it
 * (一般寄付金 → 一般寄付). Null when none or several fit.
 */
export function closeItem(list: ListRule, key: string): string | null {
  if (key.length < 2) return null;
  let found: string | null = null;
  for (const v of list.values) {
    const k = listKey(v);
    if (k.length < 2 || !(k.startsWith(key) || key.startsWith(k))) continue;
    if (found !== null && found !== v) return null;
    found = v;
  }
  return found;
}

export interface ColumnView {
  readonly key: string;
  /** 0-based column index in the sheet. */
  readonly index: number;
  /** The header as written in the sheet (the canonical header when the cell is empty). */
  readonly header: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly multi: boolean;
  readonly list: ListRule | null;
  /** What the reader that uses the sheet takes beyond the column's type (種類 「チェックボックス」, 必須 ●, 基本目標１). */
  readonly reads: ColumnReading | null;
  /** A blank cell under a filled one stands for the value above (ColumnSpec.carriedDown). */
  readonly carriedDown: boolean;
  /** The words a yes/no column is written with: はい/いいえ, or its list (可/不可). */
  readonly yes: string;
  readonly no: string;
  /** Findings per text value: most columns repeat a few values, and the cell rules are pure. */
  readonly cache: Map<string, readonly Finding[] | null>;
  /** Whether the column's values repeat enough for `cache` to pay (lists, yes/no, postal codes …). */
  readonly cached: boolean;
  /** SheetView.text per row, filled as rules ask (several rules read ids and statuses). */
  texts: (string | null | undefined)[] | null;
}

const SPACES = /\s+/g;

/** The key under which a value matches a list value that differs only in width or spaces. */
export function listKey(s: string): string {
  const n = normalized(s);
  // After normalisation the only whitespace left is ' ' and '\n'.
  return n.indexOf(' ') < 0 && n.indexOf('\n') < 0 ? n : n.replace(SPACES, '');
}

const listCache = new WeakMap<readonly string[], ListRule>();
const NO_SYNONYMS: ReadonlyMap<string, string> = new Map();

function listRule(
  values: readonly string[],
  fromSettings: string | null,
  standard = false,
  synonyms: ReadonlyMap<string, string> = NO_SYNONYMS,
): ListRule {
  const byKey = new Map<string, string | null>();
  for (const v of values) {
    const k = listKey(v);
    if (k === '') continue;
    const seen = byKey.get(k);
    byKey.set(k, seen === undefined || seen === v ? v : null);
  }
  return { values, set: new Set(values), byKey, fromSettings, standard, synonyms };
}

function fixedListRule(values: readonly string[]): ListRule {
  let rule = listCache.get(values);
  if (!rule) listCache.set(values, (rule = listRule(values, null)));
  return rule;
}

/** The allowed values of a column: its fixed list, or the 設定 list it names (null when 設定 has none). */
function listOf(spec: ColumnSpec | ColumnPatternSpec, settings: Settings): ListRule | null {
  if ('capture' in spec) return null;
  if (spec.type === 'yesno') return null;
  if (spec.list) {
    const synonyms = synonymsOf(settings, spec.list);
    return synonyms.size === 0 ? fixedListRule(spec.list) : listRule(spec.list, null, false, synonyms);
  }
  if (spec.listFromSettings) {
    const values = settingsList(settings, spec.listFromSettings);
    return values && values.length > 0
      ? listRule(values, spec.listFromSettings, settings.noSettingsSheet === true, synonymsOf(settings, values))
      : null;
  }
  return null;
}

/** Types whose values repeat (lists, yes/no, postal codes …); names, phones and ids rarely do, so caching them only costs. */
const CACHED_TYPES: Readonly<Record<ColumnType, boolean>> = {
  text: false,
  id: false,
  date: false,
  integer: true,
  number: true,
  amount: false,
  yesno: true,
  list: true,
  multi: true,
  phone: false,
  postal: true,
  email: false,
  kana: false,
  availability: true,
  fiscalYear: true,
  time: true,
};

/** Blank as staff see it: '', null/undefined, or only spaces and invisible characters. */
export const isBlankValue: (v: unknown) => boolean = isBlankCell;

/**
 * Text normalizeText leaves exactly as it is: printable ASCII, kana, CJK ideographs, 々〆〇,
 * Japanese punctuation, and single spaces between them (ー between digits excepted). Checking
 * this is much cheaper than NFKC, and most cells pass.
 */
const STABLE_CHAR =
  '!-~\u3001-\u3003\u3005-\u3007\u3008-\u3011\u3012\u3014-\u301B\u3041-\u3096\u309D\u309E\u30A1-\u30FE\u3400-\u4DBF\u4E00-\u9FFF';
const NORMALIZED = new RegExp(`^[${STABLE_CHAR}](?:[${STABLE_CHAR}]| (?=[${STABLE_CHAR}]))*$`);
const CHOON_IN_DIGITS = /[0-9]\u30FC[0-9]/;

/** normalizeText, skipping the work for text it would not change. */
export function normalized(s: string): string {
  if (NORMALIZED.test(s) && (s.indexOf('\u30FC') < 0 || !CHOON_IN_DIGITS.test(s))) return s;
  return normalizeText(s);
}

/** What Sheets shows for a formula that failed; getValues hands these over as text. */
const ERROR_VALUES = new Set([
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#LOADING...',
]);

/** The error value a cell shows ('#REF!'), or null. */
export function errorValueOf(v: unknown, shown: string): string | null {
  if (typeof v === 'string' && v.charCodeAt(0) === 35 && ERROR_VALUES.has(v.trim())) return v.trim();
  if (shown !== '' && shown.charCodeAt(0) === 35 && ERROR_VALUES.has(shown.trim())) return shown.trim();
  return null;
}

/**
 * A cell as text: text as typed; for a number, boolean or Date the display text when there is
 * one (what staff see), else the number's digits, TRUE/FALSE or the ISO day.
 */
export function asText(v: unknown, shown: string): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (shown !== '') return shown;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateObject(v)) {
    const d = parseDate(v);
    return d.ok ? d.date.toISO() : '';
  }
  return '';
}

const EMPTY_ROW: readonly unknown[] = [];
const EMPTY_DISPLAY: readonly string[] = [];

export class SheetView {
  readonly name: string;
  readonly kind: SheetKind;
  readonly spec: SheetSpec;
  /** Position of the sheet in the workbook input, for ordering. */
  readonly order: number;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** Mapped columns that are columns of the kind, left to right. */
  readonly columns: readonly ColumnView[];
  /** 0-based indices (into values) of the data rows, top to bottom: blank rows, totals and notes are not among them. */
  readonly rows: readonly number[];
  /** Totals, notes and markers below the header, left alone. */
  readonly setAside: readonly SetAsideRow[];
  readonly values: readonly (readonly unknown[])[];
  readonly display: readonly (readonly string[])[];
  private readonly byKey = new Map<string, ColumnView>();

  constructor(input: SheetInput, order: number, settings: Settings) {
    this.name = String(input.name);
    this.kind = input.kind;
    this.spec = getSpec(input.kind);
    this.order = order;
    this.values = Array.isArray(input.values) ? input.values.map((r) => (Array.isArray(r) ? r : EMPTY_ROW)) : [];
    this.display = Array.isArray(input.display) ? input.display.map((r) => (Array.isArray(r) ? r : EMPTY_DISPLAY)) : [];
    const headerRow = input.mapping?.headerRow;
    this.headerRow = typeof headerRow === 'number' && Number.isInteger(headerRow) && headerRow >= 1 ? headerRow : 1;

    const headerCells = this.values[this.headerRow - 1] ?? EMPTY_ROW;
    const headerShown = this.display[this.headerRow - 1] ?? EMPTY_DISPLAY;
    const columns: ColumnView[] = [];
    const mapped = input.mapping?.columns ?? {};
    const used = new Set<number>();
    for (const key of Object.keys(mapped)) {
      const index = mapped[key];
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || used.has(index)) continue;
      const spec = columnSpecOf(this.kind, key);
      if (!spec) continue;
      used.add(index);
      const written = headerText(headerCells[index]) || (headerShown[index] ?? '').trim();
      const list = listOf(spec, settings);
      const yesNoList =
        !('capture' in spec) && spec.type === 'yesno' && spec.list && spec.list.length >= 2 ? spec.list : null;
      columns.push({
        key,
        index,
        header:
          written !== ''
            ? written
            : 'capture' in spec
              ? `${spec.header}[${key.slice(key.indexOf('.') + 1)}]`
              : spec.header,
        type: spec.type,
        required: !('capture' in spec) && spec.required,
        multi: spec.multi === true,
        list,
        reads: 'capture' in spec ? null : (spec.reads ?? null),
        carriedDown: !('capture' in spec) && spec.carriedDown === true,
        yes: yesNoList ? (yesNoList[0] as string) : 'はい',
        no: yesNoList ? (yesNoList[1] as string) : 'いいえ',
        cache: new Map(),
        cached: CACHED_TYPES[spec.type],
        texts: null,
      });
    }
    columns.sort((a, b) => a.index - b.index);
    this.columns = columns;
    for (const c of columns) this.byKey.set(c.key, c);

    const mapping = input.mapping ?? { kind: this.kind, headerRow: this.headerRow, columns: {} };
    const classified = input.rows ?? classifyRows({ ...mapping, headerRow: this.headerRow }, this.values);
    this.rows = classified.data;
    this.setAside = classified.setAside;
  }

  column(key: string): ColumnView | undefined {
    return this.byKey.get(key);
  }

  raw(r: number, col: ColumnView | number): unknown {
    return (this.values[r] ?? EMPTY_ROW)[typeof col === 'number' ? col : col.index];
  }

  shown(r: number, col: ColumnView | number): string {
    const d = (this.display[r] ?? EMPTY_DISPLAY)[typeof col === 'number' ? col : col.index];
    return typeof d === 'string' ? d : d === undefined || d === null ? '' : String(d);
  }

  /** True when the cell is blank or shows an error value: nothing a rule can read. */
  unreadable(r: number, col: ColumnView): boolean {
    const v = this.raw(r, col);
    return isBlankValue(v) || errorValueOf(v, this.shown(r, col)) !== null;
  }

  /** The cell's text, normalised (normalizeText); null when blank or an error value. Kept for the rules that read it again. */
  text(r: number, col: ColumnView | undefined): string | null {
    if (!col) return null;
    let texts = col.texts;
    if (texts === null) texts = col.texts = new Array<string | null | undefined>(this.values.length);
    const known = texts[r];
    if (known !== undefined) return known;
    const t = this.textOnce(r, col);
    texts[r] = t;
    return t;
  }

  /** As text(), for a column only one rule reads: nothing is kept. */
  textOnce(r: number, col: ColumnView | undefined): string | null {
    if (!col) return null;
    const v = this.raw(r, col);
    if (isBlankValue(v)) return null;
    const shown = typeof v === 'string' ? v : this.shown(r, col);
    if (errorValueOf(v, shown) !== null) return null;
    const n = normalized(asText(v, shown));
    return n === '' ? null : n;
  }

  /** The header of any column, mapped or not, as written ('列F' when the header cell is empty). */
  headerAt(index: number): string {
    const h = headerText((this.values[this.headerRow - 1] ?? EMPTY_ROW)[index]);
    return h !== '' ? h : `列${columnLetter(index)}`;
  }

  /** The issue for a finding about one cell (row r is a 0-based index into values). */
  issue(r: number, col: ColumnView | number, f: Finding): ValidationIssue {
    const index = typeof col === 'number' ? col : col.index;
    const header = typeof col === 'number' ? this.headerAt(col) : col.header;
    const shown = this.shown(r, index);
    const out: ValidationIssue = {
      sheet: this.name,
      row: r + 1,
      columnIndex: index,
      column: header,
      code: f.code,
      severity: f.severity,
      message: { ja: f.message.ja, en: f.message.en },
      value: shown !== '' ? shown : asText(this.raw(r, index), ''),
    };
    if (f.suggestion !== undefined) out.suggestion = f.suggestion;
    if (f.suggestionEn !== undefined) out.suggestionEn = f.suggestionEn;
    if (f.fix !== undefined) out.fix = { kind: f.fix.kind, to: f.fix.to };
    return out;
  }

  /** The issue for a column that is missing: on the header row, columnIndex -1, the canonical header. */
  missingColumnIssue(header: string, f: Finding): ValidationIssue {
    return {
      sheet: this.name,
      row: this.headerRow,
      columnIndex: -1,
      column: header,
      code: f.code,
      severity: f.severity,
      message: { ja: f.message.ja, en: f.message.en },
      value: '',
    };
  }
}
