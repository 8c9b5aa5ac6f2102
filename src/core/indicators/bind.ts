/** Defines how a parsed 条件 meets a source: column names resolved, values read by the column's type, then compiled into a row test over SourceView's column arrays. */
import { parseDate, parseFiscalYear } from '../text/date';
import { parseNumber } from '../text/number';
import { parseYesNo } from '../text/yesno';
import type { CompareOp, Condition, Message } from './condition';
import { matchKey, type SourceColumn, type SourceDescriptor, type SourceView } from './sources';

/** A condition whose columns are known and whose values are read: ready to compile. */
export type ResolvedCondition =
  | { readonly kind: 'all' | 'any'; readonly items: readonly ResolvedCondition[] }
  | {
      readonly kind: 'equals';
      readonly column: SourceColumn;
      readonly mode: 'text' | 'list' | 'number' | 'day' | 'fiscalYear' | 'yesno';
      readonly keys: readonly string[];
      readonly numbers: readonly number[];
      readonly negated: boolean;
    }
  | {
      readonly kind: 'order';
      readonly column: SourceColumn;
      readonly mode: 'number' | 'day' | 'fiscalYear';
      readonly op: Exclude<CompareOp, '=' | '≠'>;
      readonly value: number;
    }
  | {
      readonly kind: 'contains';
      readonly column: SourceColumn;
      readonly mode: 'list' | 'substring';
      readonly keys: readonly string[];
      readonly negated: boolean;
    }
  | { readonly kind: 'blank'; readonly column: SourceColumn; readonly negated: boolean };

/** What a column name turned out to be. */
export type ColumnLookup =
  | { readonly column: SourceColumn }
  /** A column the data contract knows but no sheet of the source has: the indicator cannot be counted. */
  | { readonly missing: SourceColumn }
  /** A dynamic source whose sheet is not there: any name may be right. */
  | { readonly unchecked: true }
  | null;

export interface BindProblem {
  /** 'error': the definition is wrong; 'missing': the sheet lacks a column the definition rightly names. */
  readonly severity: 'error' | 'missing';
  readonly message: Message;
}

export type ResolveResult =
  | { readonly ok: true; readonly condition: ResolvedCondition | null }
  | { readonly ok: false; readonly problems: readonly BindProblem[] };

function listOfColumns(source: SourceDescriptor): string {
  const names = source.columns.filter((c) => !c.personal).map((c) => c.header);
  return names.length > 0 ? names.join('、') : '';
}

/** The message for a name that is no column of the source. */
export function unknownColumnMessage(source: SourceDescriptor, name: string): Message {
  const known = listOfColumns(source);
  return {
    ja: `「${name}」という列は${source.name}にありません${known ? `（使える列: ${known}）` : ''}`,
    en: `${source.name} has no column 「${name}」${known ? ` (its columns: ${known})` : ''}`,
  };
}

export function missingColumnMessage(source: SourceDescriptor, column: SourceColumn): Message {
  return {
    ja: `${source.name}に「${column.header}」の列がないため集計できません`,
    en: `${source.name} has no 「${column.header}」 column, so this cannot be counted`,
  };
}

/**
 * Resolves a condition's columns with `lookup` and reads its values by each column's type.
 * Problems name the column and the value: an unknown column, a personal column, a number or
 * date that does not read, a comparison the column's type has no meaning for.
 */
export function resolveCondition(
  condition: Condition | null,
  source: SourceDescriptor,
  lookup: (name: string) => ColumnLookup,
  startMonth: number,
): ResolveResult {
  if (condition === null) return { ok: true, condition: null };
  const problems: BindProblem[] = [];
  const error = (ja: string, en: string): null => {
    problems.push({ severity: 'error', message: { ja, en } });
    return null;
  };

  const visit = (c: Condition): ResolvedCondition | null => {
    if (c.kind === 'all' || c.kind === 'any') {
      const items = c.items.map(visit);
      return items.every((i) => i !== null) ? { kind: c.kind, items: items as ResolvedCondition[] } : null;
    }
    const found = lookup(c.column);
    if (found === null) {
      problems.push({ severity: 'error', message: unknownColumnMessage(source, c.column) });
      return null;
    }
    if ('unchecked' in found) return null;
    if ('missing' in found) {
      problems.push({ severity: 'missing', message: missingColumnMessage(source, found.missing) });
      return null;
    }
    const column = found.column;
    if (column.personal) {
      return error(
        `「${column.header}」は個人情報の列のため、条件には使えません`,
        `「${column.header}」 holds personal data and cannot be used in a condition`,
      );
    }
    if (c.kind === 'blank') return { kind: 'blank', column, negated: c.negated };
    if (c.kind === 'contains') {
      if (column.multi)
        return { kind: 'contains', column, mode: 'list', keys: c.values.map(matchKey), negated: c.negated };
      if (column.type === 'text')
        return { kind: 'contains', column, mode: 'substring', keys: c.values.map(matchKey), negated: c.negated };
      return error(
        `「${column.header}」は文字の列ではないため「に…を含む」は使えません。「=」で比べてください`,
        `「${column.header}」 is not a text column, so 「に…を含む」 does not apply; compare with 「=」`,
      );
    }
    // compare
    if (c.op === '=' || c.op === '≠') {
      const negated = c.op === '≠';
      switch (column.type) {
        case 'yesno': {
          const numbers: number[] = [];
          for (const v of c.values) {
            const y = parseYesNo(v);
            if (y.value === null)
              return error(
                `「${column.header}」は「はい/いいえ」の列です。「${v}」ではなく「はい」か「いいえ」と書いてください`,
                `「${column.header}」 is a yes/no column; write はい or いいえ instead of 「${v}」`,
              );
            numbers.push(y.value ? 1 : 0);
          }
          return { kind: 'equals', column, mode: 'yesno', keys: [], numbers, negated };
        }
        case 'number':
        case 'hours':
        case 'date':
        case 'fiscalYear': {
          const mode = modeOf(column);
          const numbers: number[] = [];
          for (const v of c.values) {
            const n = readValue(mode, v, startMonth);
            if (n === null) return badValue(error, column, mode, v);
            numbers.push(n);
          }
          return { kind: 'equals', column, mode, keys: [], numbers, negated };
        }
        default:
          return {
            kind: 'equals',
            column,
            mode: column.multi ? 'list' : 'text',
            keys: c.values.map(matchKey),
            numbers: [],
            negated,
          };
      }
    }
    const value = c.values[0] as string;
    if (column.type === 'yesno' || (column.multi && !column.key.startsWith('h:'))) {
      return error(
        `「${column.header}」は大小を比べられる列ではありません（${c.op} は数・日付・年度の列に使います）`,
        `「${column.header}」 cannot be compared with ${c.op} (it is for number, date and fiscal-year columns)`,
      );
    }
    const mode = column.type === 'text' ? 'number' : modeOf(column);
    const n = readValue(mode, value, startMonth);
    if (n === null) return badValue(error, column, mode, value);
    return { kind: 'order', column, mode, op: c.op, value: n };
  };

  const resolved = visit(condition);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, condition: resolved };
}

function modeOf(column: SourceColumn): 'number' | 'day' | 'fiscalYear' {
  return column.type === 'date' ? 'day' : column.type === 'fiscalYear' ? 'fiscalYear' : 'number';
}

function readValue(mode: 'number' | 'day' | 'fiscalYear', text: string, startMonth: number): number | null {
  if (mode === 'number') {
    const n = parseNumber(text);
    return n.ok ? n.value : null;
  }
  if (mode === 'day') {
    const d = parseDate(text);
    return d.ok ? d.date.toDayNumber() : null;
  }
  const fy = parseFiscalYear(text, startMonth);
  return fy.ok ? fy.year : null;
}

function badValue(
  error: (ja: string, en: string) => null,
  column: SourceColumn,
  mode: 'number' | 'day' | 'fiscalYear',
  value: string,
): null {
  if (mode === 'day')
    return error(
      `「${column.header}」は日付の列です。「${value}」は日付として読めません（例: 2024-04-01、令和6年4月1日）`,
      `「${column.header}」 is a date column; 「${value}」 is not a date (e.g. 2024-04-01, 令和6年4月1日)`,
    );
  if (mode === 'fiscalYear')
    return error(
      `「${column.header}」は年度の列です。「${value}」は年度として読めません（例: 2024、令和6年度）`,
      `「${column.header}」 is a fiscal-year column; 「${value}」 is not a fiscal year (e.g. 2024, 令和6年度)`,
    );
  return error(
    `「${column.header}」と比べる「${value}」は数として読めません`,
    `「${value}」, compared with 「${column.header}」, is not a number`,
  );
}

/** A row test over one source's data rows (by data-row index). */
export type RowTest = (r: number) => boolean;

const ALWAYS: RowTest = () => true;

/**
 * Compiles a resolved condition into a row test that reads the view's column arrays (each
 * column parsed once, shared by every indicator of the source). Nothing is evaluated as code.
 */
export function compileCondition(condition: ResolvedCondition | null, view: SourceView, startMonth: number): RowTest {
  if (condition === null) return ALWAYS;
  return compile(condition, view, startMonth);
}

function compile(c: ResolvedCondition, view: SourceView, startMonth: number): RowTest {
  switch (c.kind) {
    case 'all': {
      const tests = c.items.map((i) => compile(i, view, startMonth));
      return (r) => {
        for (let k = 0; k < tests.length; k++) if (!(tests[k] as RowTest)(r)) return false;
        return true;
      };
    }
    case 'any': {
      const tests = c.items.map((i) => compile(i, view, startMonth));
      return (r) => {
        for (let k = 0; k < tests.length; k++) if ((tests[k] as RowTest)(r)) return true;
        return false;
      };
    }
    case 'blank': {
      const key = c.column.key;
      if (c.column.multi) {
        const { lists } = view.codeLists(key);
        return c.negated
          ? (r) => (lists[r] as readonly number[]).length > 0
          : (r) => (lists[r] as readonly number[]).length === 0;
      }
      const blanks = view.blanks(key);
      return c.negated ? (r) => blanks[r] === 0 : (r) => blanks[r] === 1;
    }
    case 'contains':
    case 'equals': {
      const negated = c.negated;
      if (c.kind === 'equals' && c.mode === 'yesno') {
        const yn = view.yesNo(c.column.key);
        const wanted = c.numbers;
        return (r) => {
          const v = yn[r] as number;
          return (v >= 0 && wanted.indexOf(v) >= 0) !== negated;
        };
      }
      if (c.kind === 'equals' && c.mode !== 'text' && c.mode !== 'list' && c.mode !== 'yesno') {
        const values = numericColumn(view, c.column.key, c.mode, startMonth);
        const wanted = c.numbers;
        return (r) => {
          const v = values[r] as number;
          return (!Number.isNaN(v) && wanted.indexOf(v) >= 0) !== negated;
        };
      }
      if (c.mode === 'list') {
        // One of the cell's values is wanted: a flag per dictionary code.
        const { lists, values } = view.codeLists(c.column.key);
        const wanted = flags(values, (v) => c.keys.indexOf(v) >= 0);
        return (r) => {
          const codes = lists[r] as readonly number[];
          let hit = false;
          for (let k = 0; k < codes.length; k++)
            if (wanted[codes[k] as number] === 1) {
              hit = true;
              break;
            }
          return hit !== negated;
        };
      }
      // Single-value text: equality, or (contains) a part of the text; decided once per distinct text.
      const { codes, values } = view.codes(c.column.key);
      const keys = c.keys;
      const wanted =
        c.kind === 'contains'
          ? flags(values, (v) => keys.some((p) => v.indexOf(p) >= 0))
          : flags(values, (v) => keys.indexOf(v) >= 0);
      return (r) => {
        const code = codes[r] as number;
        return (code >= 0 && wanted[code] === 1) !== negated;
      };
    }
    case 'order': {
      const values = numericColumn(view, c.column.key, c.mode, startMonth);
      const x = c.value;
      switch (c.op) {
        case '>':
          return (r) => (values[r] as number) > x;
        case '>=':
          return (r) => (values[r] as number) >= x;
        case '<':
          return (r) => (values[r] as number) < x;
        case '<=':
          return (r) => (values[r] as number) <= x;
      }
    }
  }
}

/** 1 for every dictionary value that passes. */
function flags(values: readonly string[], pass: (value: string) => boolean): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (pass(values[i] as string)) out[i] = 1;
  return out;
}

function numericColumn(
  view: SourceView,
  key: string,
  mode: 'number' | 'day' | 'fiscalYear',
  startMonth: number,
): Float64Array {
  if (mode === 'day') return view.days(key);
  if (mode === 'fiscalYear') return view.fiscalYears(key, startMonth);
  return view.numbers(key).values;
}
