/** Defines the 条件 grammar of 指標定義: a hand-written parser from text to a Condition tree (never evaluated as code), and its canonical text. */
import { normalizeText } from '../text/normalize';

/** A comparison: = and ≠ take one or more values (any of them / none of them); the others exactly one. */
export type CompareOp = '=' | '≠' | '>' | '>=' | '<' | '<=';

/**
 * A parsed 条件. Column names and values are normalizeText-ed and trimmed; matching them to
 * the source's columns and cells is bind.ts's job.
 */
export type Condition =
  /** Every item holds (かつ, and a new line). */
  | { readonly kind: 'all'; readonly items: readonly Condition[] }
  /** At least one item holds (または). */
  | { readonly kind: 'any'; readonly items: readonly Condition[] }
  | { readonly kind: 'compare'; readonly column: string; readonly op: CompareOp; readonly values: readonly string[] }
  /** 列に値を含む / 列に値を含まない: an element of a multi-value cell, or a part of a text cell. */
  | {
      readonly kind: 'contains';
      readonly column: string;
      readonly values: readonly string[];
      readonly negated: boolean;
    }
  /** 列が空欄 / 列が空欄でない. */
  | { readonly kind: 'blank'; readonly column: string; readonly negated: boolean };

export interface Message {
  readonly ja: string;
  readonly en: string;
}

export interface ConditionError {
  /** 0-based offset in the normalised text where the problem was seen. */
  readonly at: number;
  readonly message: Message;
}

export type ConditionParse =
  /** condition is null for a blank 条件: every row. */
  { readonly ok: true; readonly condition: Condition | null } | { readonly ok: false; readonly error: ConditionError };

// ───────── tokens ─────────

/** A run of text between connectives and brackets; quoted parts («「…」», "…") are kept apart. */
interface Piece {
  readonly text: string;
  readonly quoted: boolean;
  readonly at: number;
}

type Token =
  | { readonly t: 'open'; readonly at: number }
  | { readonly t: 'close'; readonly at: number }
  | { readonly t: 'and'; readonly at: number }
  | { readonly t: 'or'; readonly at: number }
  | { readonly t: 'line'; readonly at: number }
  | { readonly t: 'text'; readonly pieces: readonly Piece[]; readonly at: number };

class ParseFailure {
  constructor(readonly error: ConditionError) {}
}

function fail(at: number, ja: string, en: string): never {
  throw new ParseFailure({ at, message: { ja, en } });
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '「': '」', '『': '』', '"': '"', '“': '”' };
const JA_AND = ['かつ'];
const JA_OR = ['または', 'もしくは'];
const SYMBOL_CONNECTIVES: readonly (readonly [string, 'and' | 'or'])[] = [
  ['&&', 'and'],
  ['||', 'or'],
  ['&', 'and'],
  ['|', 'or'],
];

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** An English connective ('and', 'or') standing alone between spaces or brackets. */
function englishConnective(s: string, i: number): { t: 'and' | 'or'; length: number } | null {
  const before = i === 0 ? ' ' : s.charAt(i - 1);
  if (!(isSpace(before) || before === '(' || before === ')' || before === '\n')) return null;
  for (const [word, t] of [
    ['and', 'and'],
    ['or', 'or'],
  ] as const) {
    if (s.slice(i, i + word.length).toLowerCase() !== word) continue;
    const after = s.charAt(i + word.length);
    if (after === '' || isSpace(after) || after === '(' || after === '\n') return { t, length: word.length };
  }
  return null;
}

function connectiveAt(s: string, i: number): { t: 'and' | 'or'; length: number } | null {
  for (const w of JA_AND) if (s.startsWith(w, i)) return { t: 'and', length: w.length };
  for (const w of JA_OR) if (s.startsWith(w, i)) return { t: 'or', length: w.length };
  for (const [w, t] of SYMBOL_CONNECTIVES) if (s.startsWith(w, i)) return { t, length: w.length };
  return englishConnective(s, i);
}

function skipSpaces(s: string, i: number): number {
  let j = i;
  while (isSpace(s.charAt(j)) || s.charAt(j) === '\n') j++;
  return j;
}

/** True when what follows position i (spaces skipped) ends a comparison: the end, a new line, ')' or a connective. */
function endsComparison(s: string, i: number): boolean {
  let j = i;
  while (isSpace(s.charAt(j))) j++;
  if (j >= s.length) return true;
  const ch = s.charAt(j);
  return ch === ')' || ch === '\n' || connectiveAt(s, j) !== null;
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let pieces: Piece[] = [];
  let literal = '';
  let literalAt = -1;
  let chunkAt = -1;
  let depth = 0;
  /** '(' written inside a name or value, as in 氏名（カナ）: its ')' is text too. */
  let openLiterals = 0;

  const flushLiteral = (): void => {
    if (literal !== '') pieces.push({ text: literal, quoted: false, at: literalAt });
    literal = '';
    literalAt = -1;
  };
  const flushChunk = (): void => {
    openLiterals = 0;
    flushLiteral();
    const hasContent = pieces.some((p) => p.quoted || p.text.trim() !== '');
    if (hasContent) tokens.push({ t: 'text', pieces, at: chunkAt });
    pieces = [];
    chunkAt = -1;
  };
  const chunkEmpty = (): boolean => literal.trim() === '' && pieces.every((p) => !p.quoted && p.text.trim() === '');

  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const close = QUOTE_PAIRS[ch];
    if (close !== undefined) {
      const end = s.indexOf(close, i + 1);
      if (end < 0)
        fail(i, `${ch} が閉じていません（${close} で閉じてください）`, `${ch} is not closed (close it with ${close})`);
      flushLiteral();
      if (chunkAt < 0) chunkAt = i;
      pieces.push({ text: s.slice(i + 1, end), quoted: true, at: i });
      i = end + 1;
      continue;
    }
    if (ch === '\n') {
      // A line that ends or starts with かつ / または continues the line before.
      const last = tokens[tokens.length - 1];
      const continues =
        (chunkEmpty() && last !== undefined && (last.t === 'and' || last.t === 'or' || last.t === 'open')) ||
        connectiveAt(s, skipSpaces(s, i + 1)) !== null;
      if (depth === 0 && !continues) {
        flushChunk();
        tokens.push({ t: 'line', at: i });
      } else {
        if (literal === '') literalAt = i;
        literal += ' ';
      }
      i++;
      continue;
    }
    if (ch === '(' && chunkEmpty()) {
      flushChunk();
      tokens.push({ t: 'open', at: i });
      depth++;
      i++;
      continue;
    }
    if (ch === ')' && endsComparison(s, i + 1) && openLiterals === 0) {
      if (depth === 0) fail(i, '「)」に対応する「(」がありません', 'A 「)」 has no matching 「(」');
      flushChunk();
      tokens.push({ t: 'close', at: i });
      depth--;
      i++;
      continue;
    }
    if (ch === '(') openLiterals++;
    else if (ch === ')' && openLiterals > 0) openLiterals--;
    const conn = connectiveAt(s, i);
    if (conn) {
      flushChunk();
      tokens.push({ t: conn.t, at: i });
      i += conn.length;
      continue;
    }
    if (literal === '') literalAt = i;
    if (chunkAt < 0 && !isSpace(ch)) chunkAt = i;
    literal += ch;
    i++;
  }
  flushChunk();
  return tokens;
}

// ───────── one comparison ─────────

/** A chunk as characters, each marked quoted or not; a quoted part is one opaque unit. */
interface Unit {
  readonly text: string;
  readonly quoted: boolean;
  readonly at: number;
}

function unitsOf(pieces: readonly Piece[]): Unit[] {
  const units: Unit[] = [];
  for (const p of pieces) {
    if (p.quoted) units.push({ text: p.text, quoted: true, at: p.at });
    else for (let k = 0; k < p.text.length; k++) units.push({ text: p.text.charAt(k), quoted: false, at: p.at + k });
  }
  return units;
}

function trimUnits(units: readonly Unit[]): Unit[] {
  let a = 0;
  let b = units.length;
  while (a < b && !(units[a] as Unit).quoted && (units[a] as Unit).text.trim() === '') a++;
  while (b > a && !(units[b - 1] as Unit).quoted && (units[b - 1] as Unit).text.trim() === '') b--;
  return units.slice(a, b);
}

/** The text of units; `wholeQuoted` when it was exactly one quoted part. */
function textOf(units: readonly Unit[]): { text: string; wholeQuoted: boolean } {
  const t = trimUnits(units);
  const wholeQuoted = t.length === 1 && (t[0] as Unit).quoted;
  return { text: t.map((u) => u.text).join(''), wholeQuoted };
}

/** Index of the first unquoted occurrence of word in units, from `from`; -1 if none. */
function findUnquoted(units: readonly Unit[], word: string, from = 0): number {
  outer: for (let i = from; i + word.length <= units.length; i++) {
    for (let k = 0; k < word.length; k++) {
      const u = units[i + k] as Unit;
      if (u.quoted || u.text !== word.charAt(k)) continue outer;
    }
    return i;
  }
  return -1;
}

function endsWithUnquoted(units: readonly Unit[], word: string): boolean {
  const start = units.length - word.length;
  return start >= 0 && findUnquoted(units, word, start) === start;
}

const OPERATORS: readonly (readonly [string, CompareOp])[] = [
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['!=', '≠'],
  ['<>', '≠'],
  ['==', '='],
  ['≥', '>='],
  ['≧', '>='],
  ['⩾', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['⩽', '<='],
  ['≠', '≠'],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
];

const BLANK_WORDS = ['空欄', '空白', '未入力'];
const NOT_BLANK_SUFFIXES = ['でない', 'ではない'];

function columnFrom(units: readonly Unit[], at: number, example: string): string {
  const { text } = textOf(units);
  if (text === '') fail(at, `列名がありません（例: ${example}）`, `A column name is missing (e.g. ${example})`);
  return text;
}

/** Values separated by 、 or , outside quotes. */
function valuesFrom(units: readonly Unit[], at: number): { values: string[]; wholeQuoted: boolean[] } {
  const values: string[] = [];
  const wholeQuoted: boolean[] = [];
  let start = 0;
  const push = (end: number): void => {
    const part = units.slice(start, end);
    const { text, wholeQuoted: q } = textOf(part);
    if (text === '' && !q) {
      const where = part[0]?.at ?? units[start]?.at ?? at;
      fail(
        where,
        '値が空です。値を書くか、余分な「、」を消してください',
        'A value is empty; write one or remove the extra separator',
      );
    }
    values.push(text);
    wholeQuoted.push(q);
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (!u.quoted && (u.text === '、' || u.text === ',')) {
      push(i);
      start = i + 1;
    }
  }
  push(units.length);
  return { values, wholeQuoted };
}

function snippet(units: readonly Unit[]): string {
  return units.map((u) => (u.quoted ? `「${u.text}」` : u.text)).join('');
}

function parseComparison(token: Extract<Token, { t: 'text' }>): Condition {
  const units = trimUnits(unitsOf(token.pieces));
  const at = token.at;

  // 列に値を含む / 列に値を含まない
  for (const [suffix, negated] of [
    ['を含まない', true],
    ['を含む', false],
  ] as const) {
    if (!endsWithUnquoted(units, suffix)) continue;
    const body = units.slice(0, units.length - suffix.length);
    const ni = findUnquoted(body, 'に');
    if (ni < 0)
      fail(
        at,
        `「${snippet(units)}」は「列に値${suffix}」の形で書いてください（例: 相談分類に8050${suffix}）`,
        `Write 「${snippet(units)}」 as 「column に value ${suffix}」 (e.g. 相談分類に8050${suffix})`,
      );
    const column = columnFrom(body.slice(0, ni), at, `相談分類に8050${suffix}`);
    const { values } = valuesFrom(body.slice(ni + 1), at);
    return { kind: 'contains', column, values, negated };
  }

  // 列が空欄 / 列が空欄でない (also は, or no particle)
  for (const word of BLANK_WORDS) {
    for (const suffix of ['', ...NOT_BLANK_SUFFIXES]) {
      const full = word + suffix;
      if (!endsWithUnquoted(units, full)) continue;
      let body = trimUnits(units.slice(0, units.length - full.length));
      const last = body[body.length - 1];
      if (last && !last.quoted && (last.text === 'が' || last.text === 'は')) body = body.slice(0, -1);
      else if (findOperator(body) !== null) break; // 列=空欄 is read below, as a comparison
      const column = columnFrom(body, at, `つなぎ先が${word}${suffix}`);
      return { kind: 'blank', column, negated: suffix !== '' };
    }
  }

  const op = findOperator(units);
  if (op === null) {
    fail(
      at,
      `「${snippet(units)}」に比較（=、≠、>= など）や「に…を含む」「が空欄」がありません（例: 活動種別=サロン）`,
      `「${snippet(units)}」 has no comparison (=, ≠, >= …), 「に…を含む」 or 「が空欄」 (e.g. 活動種別=サロン)`,
    );
  }
  const column = columnFrom(units.slice(0, op.index), at, '活動種別=サロン');
  const rest = units.slice(op.index + op.length);
  const { values, wholeQuoted } = valuesFrom(rest, (units[op.index] as Unit).at);
  // 列=空欄 and 列≠空欄 (unquoted) are the blank tests; 「空欄」 in quotes is the text itself.
  if ((op.op === '=' || op.op === '≠') && values.length === 1 && !wholeQuoted[0]) {
    const blank = blankWord(values[0] as string);
    if (blank !== null) return { kind: 'blank', column, negated: (op.op === '≠') !== blank.negated };
  }
  if (op.op !== '=' && op.op !== '≠' && values.length > 1) {
    fail(
      (units[op.index] as Unit).at,
      `「${op.op}」で比べる値は1つだけにしてください（「${snippet(units)}」）`,
      `Compare with 「${op.op}」 against one value only (「${snippet(units)}」)`,
    );
  }
  return { kind: 'compare', column, op: op.op, values };
}

/** '空欄' → not negated, '空欄でない' → negated; null for any other value. */
function blankWord(value: string): { negated: boolean } | null {
  for (const word of BLANK_WORDS) {
    if (value === word) return { negated: false };
    for (const suffix of NOT_BLANK_SUFFIXES) if (value === word + suffix) return { negated: true };
  }
  return null;
}

function findOperator(units: readonly Unit[]): { index: number; length: number; op: CompareOp } | null {
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (u.quoted) continue;
    for (const [text, op] of OPERATORS) {
      if (findUnquoted(units, text, i) === i) return { index: i, length: text.length, op };
    }
  }
  return null;
}

// ───────── the expression ─────────

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** Lines (top-level new lines) all hold; empty lines are skipped. */
  parseLines(): Condition | null {
    const lines: Condition[] = [];
    while (this.i < this.tokens.length) {
      const t = this.peek() as Token;
      if (t.t === 'line') {
        this.i++;
        continue;
      }
      lines.push(this.parseOr());
      const next = this.peek();
      if (next && next.t !== 'line') this.unexpected(next);
    }
    return lines.length === 0 ? null : combine('all', lines);
  }

  private parseOr(): Condition {
    const items = [this.parseAnd()];
    while (this.peek()?.t === 'or') {
      this.i++;
      items.push(this.parseAnd());
    }
    return combine('any', items);
  }

  private parseAnd(): Condition {
    const items = [this.parseUnit()];
    while (this.peek()?.t === 'and') {
      this.i++;
      items.push(this.parseUnit());
    }
    return combine('all', items);
  }

  private parseUnit(): Condition {
    const t = this.peek();
    if (!t || t.t === 'line') {
      const at = t ? t.at : this.length;
      fail(
        at,
        '「かつ」「または」の後、または「(」の後に条件がありません',
        'A condition is missing after 「かつ」/「または」 or after 「(」',
      );
    }
    if (t.t === 'open') {
      this.i++;
      const inner = this.parseOr();
      const close = this.peek();
      if (!close || close.t !== 'close')
        fail(close ? close.at : this.length, '「(」に対応する「)」がありません', 'A 「(」 has no matching 「)」');
      this.i++;
      return inner;
    }
    if (t.t === 'text') {
      this.i++;
      return parseComparison(t);
    }
    return this.unexpected(t);
  }

  private unexpected(t: Token): never {
    if (t.t === 'close') fail(t.at, '「)」に対応する「(」がありません', 'A 「)」 has no matching 「(」');
    if (t.t === 'and' || t.t === 'or')
      fail(t.at, '「かつ」「または」の前に条件がありません', 'A condition is missing before 「かつ」/「または」');
    fail(t.at, '条件の間に「かつ」か「または」が必要です', 'Put 「かつ」 or 「または」 between two conditions');
  }
}

/** Joins items with one connective, flattening nested ones of the same kind; one item is itself. */
export function combine(kind: 'all' | 'any', items: readonly Condition[]): Condition {
  const flat: Condition[] = [];
  for (const c of items) {
    if (c.kind === kind) for (const inner of c.items) flat.push(inner);
    else flat.push(c);
  }
  return flat.length === 1 ? (flat[0] as Condition) : { kind, items: flat };
}

/**
 * Parses a 条件 cell. Blank text is no condition (null). Never throws: a text that does not
 * parse gives an error naming what is wrong and where, in Japanese and English.
 */
export function parseCondition(text: unknown): ConditionParse {
  if (text === null || text === undefined) return { ok: true, condition: null };
  const s = normalizeText(typeof text === 'string' ? text : String(text));
  if (s === '') return { ok: true, condition: null };
  try {
    return { ok: true, condition: new Parser(tokenize(s), s.length).parseLines() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

// ───────── canonical text ─────────

const OP_TEXT: Readonly<Record<CompareOp, string>> = { '=': '=', '≠': '≠', '>': '>', '>=': '>=', '<': '<', '<=': '<=' };

/** Whether a name or value read back unquoted is itself; otherwise it is written in 「」. */
function plainEnough(s: string, role: 'column' | 'value' | 'containsColumn'): boolean {
  if (s === '' || s !== s.trim() || s !== normalizeText(s)) return false;
  if (/[「」『』"“”\n、,=≠<>≥≤≧≦⩾⩽!&|()]/.test(s)) return false;
  if (JA_AND.some((w) => s.indexOf(w) >= 0) || JA_OR.some((w) => s.indexOf(w) >= 0)) return false;
  if (/(^|\s)(and|or)(\s|$)/i.test(s)) return false;
  if (BLANK_WORDS.some((w) => s.endsWith(w) || s.endsWith(w + 'でない') || s.endsWith(w + 'ではない'))) return false;
  if (/を含(む|まない)$/.test(s)) return false;
  if (role === 'column' && /[がは]$/.test(s)) return false;
  if (role === 'containsColumn' && s.indexOf('に') >= 0) return false;
  return true;
}

function quote(s: string, role: 'column' | 'value' | 'containsColumn'): string {
  if (plainEnough(s, role)) return s;
  if (s.indexOf('」') < 0) return `「${s}」`;
  if (s.indexOf('"') < 0) return `"${s}"`;
  throw new RangeError(`a 条件 name or value cannot hold both 」 and ": ${s}`);
}

function formatItem(c: Condition, parentKind: 'all' | 'any' | null): string {
  switch (c.kind) {
    case 'compare':
      return `${quote(c.column, 'column')}${OP_TEXT[c.op]}${c.values.map((v) => quote(v, 'value')).join('、')}`;
    case 'contains':
      return `${quote(c.column, 'containsColumn')}に${c.values.map((v) => quote(v, 'value')).join('、')}${c.negated ? 'を含まない' : 'を含む'}`;
    case 'blank':
      return `${quote(c.column, 'column')}が${c.negated ? '空欄でない' : '空欄'}`;
    case 'all': {
      const text = c.items.map((i) => formatItem(i, 'all')).join(' かつ ');
      return parentKind === null ? text : `(${text})`;
    }
    case 'any': {
      const text = c.items.map((i) => formatItem(i, 'any')).join(' または ');
      return parentKind === null ? text : `(${text})`;
    }
  }
}

/**
 * The canonical one-line text of a condition: 「活動種別=居場所、サロン かつ 多世代=はい」. Names
 * and values that would read otherwise are quoted in 「」. parseCondition(formatCondition(c))
 * gives c back (for flattened conditions, as parseCondition returns them).
 */
export function formatCondition(c: Condition | null): string {
  return c === null ? '' : formatItem(c, null);
}

/** Every column a condition names, in order of appearance, each once. */
export function conditionColumns(c: Condition | null): string[] {
  const out: string[] = [];
  const visit = (x: Condition): void => {
    if (x.kind === 'all' || x.kind === 'any') x.items.forEach(visit);
    else if (out.indexOf(x.column) < 0) out.push(x.column);
  };
  if (c) visit(c);
  return out;
}
