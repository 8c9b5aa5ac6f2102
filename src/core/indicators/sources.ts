/** Defines the 集計元 an indicator counts from: source descriptors (the sheet kinds, registrations, アンケート回答) and SourceView, one source's rows read column by column. */
import { headerText } from '../sheets/detect';
import { classifyRows, type SheetRows } from '../sheets/row-kinds';
import { SHEET_SPECS } from '../sheets/specs';
import { settingsList, type Settings } from '../sheets/settings';
import type { ColumnType, SheetKind } from '../sheets/types';
import { cellText } from '../text/cell';
import { isDateObject, parseDate, parseFiscalYear } from '../text/date';
import { splitMulti } from '../text/multi';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { parseNumber } from '../text/number';
import { parseHours } from '../text/time';
import { parseYesNo } from '../text/yesno';

/** Every source an indicator can count from. */
export const SOURCE_KINDS = [
  'volunteers',
  'requests',
  'donations',
  'memberships',
  'activities',
  'consultations',
  'registrations',
  'surveyAnswers',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How a column's cells are compared and summed. */
export type ValueType = 'text' | 'number' | 'hours' | 'date' | 'fiscalYear' | 'yesno';

export interface SourceColumn {
  /** The spec key ('activityType'), or 'h:' + the normalised header for a column only the sheet has. */
  readonly key: string;
  /** The canonical header, or the header as written. */
  readonly header: string;
  /** normalizeHeader of every name staff may use for it (canonical header, aliases). */
  readonly names: readonly string[];
  readonly type: ValueType;
  /** What a sum of the column is: a count of people or things (参加者数), yen (金額), or something else. */
  readonly measure: 'count' | 'amount' | 'other';
  readonly multi: boolean;
  /** Personal data: never in a 条件, and as 対象列 only for 人数 (a count of distinct values). */
  readonly personal: boolean;
  /** A fixed list of values, when the data contract has one. */
  readonly list?: readonly string[];
  /** The 設定 list its values come from (known values keep a ・ inside). */
  readonly listFromSettings?: string;
}

export interface SourceDescriptor {
  readonly kind: SourceKind;
  /** The 集計元 name: the canonical sheet name. */
  readonly name: string;
  /** Other names accepted in 集計元. */
  readonly aliases: readonly string[];
  /** The sheet kind whose mapping reads it; null for a source found by its sheet name (アンケート回答). */
  readonly sheetKind: SheetKind | null;
  /** Columns known without the sheet; empty for a dynamic source, whose columns are its header row. */
  readonly columns: readonly SourceColumn[];
  /** True when any header of the sheet is a column (アンケート回答: one column per question). */
  readonly dynamic: boolean;
  /** The columns that date a row (a key, or a header for a dynamic source), first found wins. */
  readonly dateColumns: readonly string[];
  /** The column that names the row's 圏域; null when the source has none (寄付台帳). */
  readonly areaColumn: string | null;
  /** Removed from the end of an area cell before matching a 圏域 (会費台帳 支部: 北東部支部 → 北東部). */
  readonly areaSuffix?: string;
  /** The column whose distinct values are people, for 人数 without 対象列. */
  readonly personColumn: string | null;
  /** True when the rows are people or answers (the counts of 件数/人数 are counts of people). */
  readonly people: boolean;
}

function valueTypeOf(type: ColumnType): ValueType {
  switch (type) {
    case 'integer':
    case 'number':
    case 'amount':
      return 'number';
    case 'time':
      return 'hours';
    case 'date':
      return 'date';
    case 'fiscalYear':
      return 'fiscalYear';
    case 'yesno':
      return 'yesno';
    default:
      return 'text';
  }
}

function specColumns(kind: SheetKind): SourceColumn[] {
  return SHEET_SPECS[kind].columns.map((c) => {
    const names: string[] = [];
    for (const n of [c.header, ...c.aliases].map(normalizeHeader)) if (n !== '' && names.indexOf(n) < 0) names.push(n);
    const column: { -readonly [K in keyof SourceColumn]: SourceColumn[K] } = {
      key: c.key,
      header: c.header,
      names,
      type: valueTypeOf(c.type),
      measure: c.type === 'integer' ? 'count' : c.type === 'amount' ? 'amount' : 'other',
      multi: c.multi === true,
      personal: c.personal === true,
    };
    if (c.list) column.list = c.list;
    if (c.listFromSettings) column.listFromSettings = c.listFromSettings;
    return column;
  });
}

function sheetSource(
  kind: SourceKind,
  sheetKind: SheetKind,
  options: Pick<SourceDescriptor, 'dateColumns' | 'areaColumn' | 'personColumn' | 'people'> & {
    aliases?: string[];
    areaSuffix?: string;
  },
): SourceDescriptor {
  const spec = SHEET_SPECS[sheetKind];
  const d: { -readonly [K in keyof SourceDescriptor]: SourceDescriptor[K] } = {
    kind,
    name: spec.canonicalName,
    aliases: [kind, sheetKind, ...spec.nameAliases, ...(options.aliases ?? [])],
    sheetKind,
    columns: specColumns(sheetKind),
    dynamic: false,
    dateColumns: options.dateColumns,
    areaColumn: options.areaColumn,
    personColumn: options.personColumn,
    people: options.people,
  };
  if (options.areaSuffix) d.areaSuffix = options.areaSuffix;
  return d;
}

/** The canonical name of the アンケート回答 output sheet (survey answers brought back from Google Forms). */
export const SURVEY_ANSWERS_SHEET = 'アンケート回答';

/**
 * Every source, by kind. アンケート回答 is dynamic: one column per question, named by the
 * header the survey import writes; its rows are dated by タイムスタンプ and placed by 圏域.
 */
export const SOURCES: Readonly<Record<SourceKind, SourceDescriptor>> = {
  volunteers: sheetSource('volunteers', 'volunteers', {
    dateColumns: ['registeredOn'],
    areaColumn: 'area',
    personColumn: 'volunteerId',
    people: true,
  }),
  requests: sheetSource('requests', 'requests', {
    dateColumns: ['receivedOn'],
    areaColumn: 'area',
    personColumn: 'requester',
    people: false,
  }),
  donations: sheetSource('donations', 'donations', {
    dateColumns: ['receivedOn'],
    areaColumn: null,
    personColumn: 'donorId',
    people: false,
  }),
  memberships: sheetSource('memberships', 'memberships', {
    dateColumns: ['fiscalYear', 'paidOn'],
    areaColumn: 'branch',
    areaSuffix: '支部',
    personColumn: 'memberId',
    people: true,
  }),
  activities: sheetSource('activities', 'activities', {
    dateColumns: ['date'],
    areaColumn: 'area',
    personColumn: 'volunteerId',
    people: false,
  }),
  consultations: sheetSource('consultations', 'consultations', {
    dateColumns: ['receivedOn'],
    areaColumn: 'area',
    personColumn: null,
    people: true,
  }),
  registrations: sheetSource('registrations', 'volunteerFormAnswers', {
    aliases: ['ボランティア登録', '登録フォーム', 'ボランティア登録フォームの回答'],
    dateColumns: ['timestamp'],
    areaColumn: 'area',
    personColumn: null,
    people: true,
  }),
  surveyAnswers: {
    kind: 'surveyAnswers',
    name: SURVEY_ANSWERS_SHEET,
    aliases: ['surveyAnswers', 'アンケート', 'アンケートの回答', '住民意識調査', '住民意識調査の回答'],
    sheetKind: null,
    columns: [],
    dynamic: true,
    dateColumns: ['タイムスタンプ', '回答日時', '回答日', 'Timestamp'],
    areaColumn: '圏域',
    personColumn: null,
    people: true,
  },
};

/** The words that mean "no source: staff type the 実績" in 集計元. */
export const MANUAL_SOURCE_NAMES = ['手入力', '手動', '直接入力', 'なし', 'manual'];

/** The source a 集計元 cell names (canonical name, an alias or the kind key); null when none. */
export function sourceByName(name: string): SourceDescriptor | null {
  const n = normalizeHeader(name);
  if (n === '') return null;
  for (const kind of SOURCE_KINDS) if (normalizeHeader(SOURCES[kind].name) === n) return SOURCES[kind];
  for (const kind of SOURCE_KINDS)
    for (const alias of SOURCES[kind].aliases) if (normalizeHeader(alias) === n) return SOURCES[kind];
  return null;
}

/** True when a 集計元 cell says the indicator is typed by hand. */
export function isManualSourceName(name: string): boolean {
  const n = normalizeHeader(name);
  return MANUAL_SOURCE_NAMES.some((m) => normalizeHeader(m) === n);
}

/** The comparison form of a cell or a 条件 value: normalizeText, no spaces, Latin lowercased. */
export function matchKey(s: string): string {
  return normalizeText(s).replace(/\s+/g, '').toLowerCase();
}

/** The spec column a name refers to (canonical header or alias), or null. */
export function specColumnByName(source: SourceDescriptor, name: string): SourceColumn | null {
  const n = normalizeHeader(name);
  if (n === '') return null;
  for (const c of source.columns) if (c.names.indexOf(n) >= 0) return c;
  return null;
}

// ───────── data ─────────

/** One sheet of a source, as read in one batch. */
export interface SourceSheet {
  readonly name: string;
  /** getValues of the used range from row 1 (or from firstRow). */
  readonly values: readonly (readonly unknown[])[];
  /** getDisplayValues of the same range, when read. */
  readonly display?: readonly (readonly string[])[];
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** 0-based column of each spec key the sheet has (its confirmed or detected mapping). */
  readonly columns: Readonly<Record<string, number>>;
  /** Sheet row of values[0]; default 1. */
  readonly firstRow?: number;
  /**
   * The rows as the actions classified them (sheetRows: with the formulas of rows only those
   * decide); otherwise classifyRows runs on the values.
   */
  readonly rows?: SheetRows;
}

/** A source's data: every sheet of its kind (staff may keep one sheet per year). */
export interface SourceData {
  readonly source: SourceDescriptor;
  readonly sheets: readonly SourceSheet[];
}

/** Only spaces (全角 included) and zero-width characters: blank as staff see it (isBlankCell without NFKC). */
const BLANK_TEXT = /^[\s\u200B\u2060\uFEFF]*$/;

/** A blank cell, cheaply: this runs on every cell of a row. */
function blank(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  return typeof v === 'string' && BLANK_TEXT.test(v);
}

const NONE: readonly string[] = [];

/** Where a column is in each sheet (-1 where a sheet lacks it). */
interface Located {
  readonly column: SourceColumn;
  readonly indices: readonly number[];
}

/**
 * One source's data rows, read column by column: each column is parsed once into an array
 * (text keys, numbers, yes/no, days, lists) the first time anything asks for it, and every
 * indicator of the source then reads those arrays. Blank rows and totals/notes rows are left out.
 */
export class SourceView {
  readonly source: SourceDescriptor;
  readonly sheets: readonly SourceSheet[];
  /** Number of data rows. */
  readonly size: number;
  /** Rows set aside as totals, notes, headings or end marks (classifyRows). */
  readonly notDataRows: number;
  /** Data row r is values[rowIndex[r]] of sheets[rowSheet[r]]; each sheet's rows are contiguous. */
  private readonly rowSheet: Uint16Array;
  private readonly rowIndex: Int32Array;
  private readonly located = new Map<string, Located | null>();
  private readonly extras: SourceColumn[];
  private readonly cache = new Map<string, unknown>();
  private readonly settings: Settings;

  constructor(data: SourceData, settings: Settings) {
    this.source = data.source;
    this.sheets = data.sheets;
    this.settings = settings;
    const sheetOfRow: number[] = [];
    const indexOfRow: number[] = [];
    let notData = 0;
    const kind = data.source.sheetKind;
    data.sheets.forEach((sheet, s) => {
      const first = sheet.firstRow ?? 1;
      if (kind === null) {
        // Tsunagu's own output (アンケート回答): every row with anything in it is an answer.
        for (let i = Math.max(0, sheet.headerRow - first + 1); i < sheet.values.length; i++) {
          if ((sheet.values[i] as readonly unknown[]).every(blank)) continue;
          sheetOfRow.push(s);
          indexOfRow.push(i);
        }
        return;
      }
      // Staff's totals, notes, headings and end marks are the ones every reader sets aside.
      const rows =
        sheet.rows ??
        classifyRows({ kind, headerRow: sheet.headerRow, columns: sheet.columns }, sheet.values, { firstRow: first });
      notData += rows.setAside.length;
      for (const i of rows.data) {
        sheetOfRow.push(s);
        indexOfRow.push(i);
      }
    });
    this.rowSheet = Uint16Array.from(sheetOfRow);
    this.rowIndex = Int32Array.from(indexOfRow);
    this.size = indexOfRow.length;
    this.notDataRows = notData;
    this.extras = this.extraColumns();
  }

  /** Columns of the sheets that no spec key took, by their header as written (all columns of a dynamic source). */
  private extraColumns(): SourceColumn[] {
    const out: SourceColumn[] = [];
    const seen = new Set<string>();
    this.sheets.forEach((sheet) => {
      const first = sheet.firstRow ?? 1;
      const header = sheet.values[sheet.headerRow - first] ?? [];
      const mapped = new Set(Object.values(sheet.columns));
      header.forEach((cell, c) => {
        if (mapped.has(c)) return;
        const text = headerText(cell);
        const n = normalizeHeader(text);
        if (n === '' || seen.has(n)) return;
        seen.add(n);
        out.push({
          key: `h:${n}`,
          header: text,
          names: [n],
          type: 'text',
          measure: 'other',
          multi: true,
          personal: false,
        });
      });
    });
    return out;
  }

  /** The 1-based sheet row and sheet name of data row r, for messages. */
  where(r: number): { sheet: string; row: number } {
    const sheet = this.sheets[this.rowSheet[r] as number] as SourceSheet;
    return { sheet: sheet.name, row: (sheet.firstRow ?? 1) + (this.rowIndex[r] as number) };
  }

  /**
   * The column a name refers to: a spec column (by canonical header or alias) that at least one
   * sheet has, else a column of the sheets by its header as written. `missing` is set for a
   * spec column no sheet has.
   */
  resolve(name: string): { column: SourceColumn } | { missing: SourceColumn } | null {
    const spec = specColumnByName(this.source, name);
    if (spec) return this.locate(spec.key) ? { column: spec } : { missing: spec };
    const n = normalizeHeader(name);
    for (const c of this.extras) if (c.names.indexOf(n) >= 0) return { column: c };
    return null;
  }

  /** A column by key: spec key or 'h:' key; null when no sheet has it. */
  columnByKey(key: string): SourceColumn | null {
    return this.locate(key)?.column ?? null;
  }

  private locate(key: string): Located | null {
    if (this.located.has(key)) return this.located.get(key) as Located | null;
    let found: Located | null = null;
    const spec = this.source.columns.find((c) => c.key === key);
    if (spec) {
      const indices = this.sheets.map((s) => (key in s.columns ? (s.columns[key] as number) : -1));
      if (indices.some((i) => i >= 0)) found = { column: spec, indices };
    } else {
      const extra = this.extras.find((c) => c.key === key);
      if (extra) {
        const n = extra.names[0] as string;
        const indices = this.sheets.map((s) => {
          const header = s.values[s.headerRow - (s.firstRow ?? 1)] ?? [];
          for (let c = 0; c < header.length; c++) if (normalizeHeader(headerText(header[c])) === n) return c;
          return -1;
        });
        found = { column: extra, indices };
      }
    }
    this.located.set(key, found);
    return found;
  }

  /** Calls fn(raw, display, r) for every data row, with the cells of one column. */
  private eachCell(key: string, fn: (raw: unknown, display: string | undefined, r: number) => void): void {
    const loc = this.locate(key);
    if (!loc) throw new Error(`SourceView: no column ${key}`);
    const size = this.size;
    let r = 0;
    // Rows of one sheet are contiguous: look the sheet and its column up once per run.
    while (r < size) {
      const s = this.rowSheet[r] as number;
      const c = loc.indices[s] as number;
      const sheet = this.sheets[s] as SourceSheet;
      const values = sheet.values;
      const display = sheet.display;
      for (; r < size && this.rowSheet[r] === s; r++) {
        if (c < 0) {
          fn('', undefined, r);
          continue;
        }
        const i = this.rowIndex[r] as number;
        const raw = (values[i] as readonly unknown[])[c];
        fn(raw === undefined || raw === null ? '' : raw, display ? display[i]?.[c] : undefined, r);
      }
    }
  }

  private cached<T>(name: string, build: () => T): T {
    if (this.cache.has(name)) return this.cache.get(name) as T;
    const value = build();
    this.cache.set(name, value);
    return value;
  }

  /**
   * The column dictionary-encoded: each row's code into `values` (the comparison keys,
   * matchKey of the cell text), -1 for a blank cell. A column holds few distinct texts
   * (圏域, 活動種別, 登録番号): each is normalised once, and a test on a value becomes an index.
   */
  codes(key: string): Dictionary {
    return this.cached(`codes:${key}`, () => {
      const codes = new Int32Array(this.size);
      const values: string[] = [];
      const byKey = new Map<string, number>();
      const byRaw = new Map<string, number>();
      const codeOf = (k: string | null): number => {
        if (k === null) return -1;
        let c = byKey.get(k);
        if (c === undefined) {
          c = values.length;
          values.push(k);
          byKey.set(k, c);
        }
        return c;
      };
      this.eachCell(key, (raw, shown, r) => {
        if (typeof raw === 'string') {
          let c = byRaw.get(raw);
          if (c === undefined) {
            const t = cellText(raw);
            c = codeOf(t === null ? null : matchKey(t));
            byRaw.set(raw, c);
          }
          codes[r] = c;
          return;
        }
        const t = cellText(raw, shown);
        codes[r] = codeOf(t === null ? null : matchKey(t));
      });
      return { codes, values, byKey };
    });
  }

  /** Comparison keys (matchKey of the cell text); null for a blank cell. */
  keys(key: string): readonly (string | null)[] {
    return this.cached(`keys:${key}`, () => {
      const { codes, values } = this.codes(key);
      const out: (string | null)[] = new Array(this.size);
      for (let r = 0; r < this.size; r++) {
        const c = codes[r] as number;
        out[r] = c < 0 ? null : (values[c] as string);
      }
      return out;
    });
  }

  /**
   * The values of a multi-value cell, dictionary-encoded: per row the codes of its values
   * (shared between rows with the same text), and the comparison keys by code.
   */
  codeLists(key: string): ListDictionary {
    return this.cached(`codeLists:${key}`, () => {
      const column = (this.locate(key) as Located).column;
      const known = column.listFromSettings ? settingsList(this.settings, column.listFromSettings) : null;
      // A column only the sheet has (a survey question) splits on 、 , and line breaks only: its
      // choices may hold a ・ (中学生・高校生).
      const options = column.key.startsWith('h:') ? { weak: false } : known ? { known } : {};
      const lists: (readonly number[])[] = new Array(this.size);
      const values: string[] = [];
      const byKey = new Map<string, number>();
      const memo = new Map<string, readonly number[]>();
      this.eachCell(key, (raw, shown, r) => {
        const text = typeof raw === 'string' ? raw : cellText(raw, shown);
        if (text === null) {
          lists[r] = NO_CODES;
          return;
        }
        let codes = memo.get(text);
        if (codes === undefined) {
          codes = splitMulti(text, options).map((part) => {
            const k = matchKey(part);
            let c = byKey.get(k);
            if (c === undefined) {
              c = values.length;
              values.push(k);
              byKey.set(k, c);
            }
            return c;
          });
          memo.set(text, codes);
        }
        lists[r] = codes;
      });
      return { lists, values, byKey };
    });
  }

  /** The values of a multi-value cell as comparison keys ([] when blank). */
  lists(key: string): readonly (readonly string[])[] {
    return this.cached(`lists:${key}`, () => {
      const { lists, values } = this.codeLists(key);
      return lists.map((codes) => (codes.length === 0 ? NONE : codes.map((c) => values[c] as string)));
    });
  }

  /** Numbers (NaN for blank), with how many non-blank cells could not be read as one. */
  numbers(key: string): { readonly values: Float64Array; readonly unreadable: readonly number[] } {
    return this.cached(`numbers:${key}`, () => {
      const column = (this.locate(key) as Located).column;
      const values = new Float64Array(this.size);
      const unreadable: number[] = [];
      this.eachCell(key, (raw, shown, r) => {
        let v = Number.NaN;
        if (column.type === 'hours') {
          const h = shown !== undefined && shown !== '' ? parseHours(shown) : parseHours(raw);
          if (h.ok) v = h.hours;
          else if (h.reason !== 'blank') unreadable.push(r);
        } else {
          const n = parseNumber(raw);
          if (n.ok) v = n.value;
          else if (n.reason !== 'blank') {
            const again = shown !== undefined ? parseNumber(shown) : n;
            if (again.ok) v = again.value;
            else unreadable.push(r);
          }
        }
        values[r] = v;
      });
      return { values, unreadable };
    });
  }

  /** Yes/no: 1 yes, 0 no, -1 blank or not a yes/no answer. */
  yesNo(key: string): Int8Array {
    return this.cached(`yesno:${key}`, () => {
      const out = new Int8Array(this.size);
      const memo = new Map<string, number>();
      this.eachCell(key, (raw, shown, r) => {
        if (typeof raw === 'string') {
          let v = memo.get(raw);
          if (v === undefined) {
            const y = parseYesNo(raw);
            v = y.value === true ? 1 : y.value === false ? 0 : -1;
            memo.set(raw, v);
          }
          out[r] = v;
          return;
        }
        let y = parseYesNo(raw);
        if (y.status === 'unrecognised' && shown !== undefined) y = parseYesNo(shown);
        out[r] = y.value === true ? 1 : y.value === false ? 0 : -1;
      });
      return out;
    });
  }

  /** Day numbers (days since 1970-01-01; NaN when blank or not a date). */
  days(key: string): Float64Array {
    return this.cached(`days:${key}`, () => {
      const out = new Float64Array(this.size);
      const memo = new Map<string, number>();
      this.eachCell(key, (raw, shown, r) => {
        if (isDateObject(raw)) {
          // A date cell: its calendar day in Asia/Tokyo (UTC+9, no daylight saving), without allocating.
          const t = raw.getTime();
          out[r] = Number.isNaN(t) ? Number.NaN : Math.floor((t + TOKYO_OFFSET_MS) / MS_PER_DAY);
          return;
        }
        if (typeof raw === 'string') {
          let d = memo.get(raw);
          if (d === undefined) {
            let parsed = parseDate(raw);
            if (!parsed.ok && parsed.reason !== 'blank' && shown !== undefined) parsed = parseDate(shown);
            d = parsed.ok ? parsed.date.toDayNumber() : Number.NaN;
            memo.set(raw, d);
          }
          out[r] = d;
          return;
        }
        let parsed = parseDate(raw);
        if (!parsed.ok && parsed.reason !== 'blank' && shown !== undefined) parsed = parseDate(shown);
        out[r] = parsed.ok ? parsed.date.toDayNumber() : Number.NaN;
      });
      return out;
    });
  }

  /** The fiscal year of each row by one column (a date or a 年度 cell); NaN where it cannot be read. */
  fiscalYears(key: string, startMonth: number): Float64Array {
    return this.cached(`fy:${key}:${startMonth}`, () => {
      const column = (this.locate(key) as Located).column;
      const out = new Float64Array(this.size);
      if (column.type === 'date') {
        const days = this.days(key);
        for (let r = 0; r < this.size; r++) {
          const d = days[r] as number;
          out[r] = Number.isNaN(d) ? Number.NaN : fiscalYearOfDay(d, startMonth);
        }
        return out;
      }
      const memo = new Map<unknown, number>();
      this.eachCell(key, (raw, shown, r) => {
        const cached = typeof raw === 'string' || typeof raw === 'number' ? memo.get(raw) : undefined;
        if (cached !== undefined) {
          out[r] = cached;
          return;
        }
        let fy = parseFiscalYear(raw, startMonth);
        if (!fy.ok && fy.reason !== 'blank' && shown !== undefined) fy = parseFiscalYear(shown, startMonth);
        const v = fy.ok ? fy.year : Number.NaN;
        if (typeof raw === 'string' || typeof raw === 'number') memo.set(raw, v);
        out[r] = v;
      });
      return out;
    });
  }

  /** True where the cell is blank. */
  blanks(key: string): Uint8Array {
    return this.cached(`blank:${key}`, () => {
      const out = new Uint8Array(this.size);
      this.eachCell(key, (raw, _shown, r) => {
        out[r] = blank(raw) ? 1 : 0;
      });
      return out;
    });
  }
}

const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/**
 * The fiscal year of a day number (days since 1970-01-01), by the civil-from-days arithmetic
 * PlainDate uses (H. Hinnant), without making a date object per row.
 */
export function fiscalYearOfDay(day: number, startMonth: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return month >= startMonth ? year : year - 1;
}

/** A column dictionary-encoded: codes per row (-1 blank) into values. */
export interface Dictionary {
  readonly codes: Int32Array;
  readonly values: readonly string[];
  readonly byKey: ReadonlyMap<string, number>;
}

/** A multi-value column dictionary-encoded: per row the codes of its values. */
export interface ListDictionary {
  readonly lists: readonly (readonly number[])[];
  readonly values: readonly string[];
  readonly byKey: ReadonlyMap<string, number>;
}

const NO_CODES: readonly number[] = [];

/** A sheet of the workbook as the actions read it: its kind (when detected), mapping and values. */
export interface WorkbookSheet {
  readonly name: string;
  /** The detected or confirmed kind; null for a sheet found by name (アンケート回答). */
  readonly kind: SheetKind | null;
  /** The confirmed or detected mapping; null for a sheet found by name. */
  readonly mapping: { readonly headerRow: number; readonly columns: Readonly<Record<string, number>> } | null;
  readonly values: readonly (readonly unknown[])[];
  readonly display?: readonly (readonly string[])[];
  /** Its rows as classified with formulas read (sheetRows); classifyRows on the values when absent. */
  readonly rows?: SheetRows;
  /** The survey answers Tsunagu brought back (found by its mark, whatever its name). */
  readonly survey?: boolean;
}

/**
 * Groups the workbook's sheets into sources: every sheet of a data kind joins that kind's
 * source (staff may keep one 活動記録 per year), the registration form's answers are
 * registrations, and a sheet named アンケート回答 (header on row 1) is the survey answers.
 */
export function sourceDataOf(sheets: readonly WorkbookSheet[]): SourceData[] {
  const bySource = new Map<SourceKind, SourceSheet[]>();
  const add = (kind: SourceKind, sheet: SourceSheet): void => {
    const list = bySource.get(kind) ?? [];
    list.push(sheet);
    bySource.set(kind, list);
  };
  for (const s of sheets) {
    if (s.kind !== null && s.mapping !== null) {
      const source = SOURCE_KINDS.find((k) => SOURCES[k].sheetKind === s.kind);
      if (!source) continue;
      const sheet: SourceSheet = {
        name: s.name,
        values: s.values,
        headerRow: s.mapping.headerRow,
        columns: s.mapping.columns,
        ...(s.display ? { display: s.display } : {}),
        ...(s.rows ? { rows: s.rows } : {}),
      };
      add(source, sheet);
    } else if (s.survey === true || normalizeHeader(s.name) === normalizeHeader(SURVEY_ANSWERS_SHEET)) {
      add('surveyAnswers', {
        name: s.name,
        values: s.values,
        headerRow: 1,
        columns: {},
        ...(s.display ? { display: s.display } : {}),
      });
    }
  }
  return SOURCE_KINDS.filter((k) => bySource.has(k)).map((k) => ({
    source: SOURCES[k],
    sheets: bySource.get(k) as SourceSheet[],
  }));
}
