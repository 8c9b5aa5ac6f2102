/** Defines parseNumber: amounts and counts as staff type them (10,000円, 1万5000, ▲500), read only when they read one way. */
import { normalizeText } from './normalize';

export type NumberParse =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'blank' | 'notNumber' | 'notInteger' }
  /**
   * Separators in unusual places: the text reads as more than one number, or as one number only
   * by a convention other than Japan's (10.000 is 10 or 10000; 1,00 is 100 or 1; 1.000.000).
   * `readings` are the numbers it may mean, the Japanese reading first.
   */
  | { readonly ok: false; readonly reason: 'ambiguous'; readonly readings: readonly number[] }
  /** More than one number in the cell (5000 3000, 2 3, 1,000 2,000): `numbers` as typed, without ¥ or unit. */
  | { readonly ok: false; readonly reason: 'several'; readonly numbers: readonly string[] };

export interface ParseNumberOptions {
  /** Refuse fractions (口数, 参加者数, 金額 in yen). */
  readonly integer?: boolean;
}

/** Units written after the number; they say what the column already says. */
const TRAILING_UNIT = /\s?(?:円|人|名|件|回|口|個|歳|才|%|ポイント|点)$/;
const LEADING_SIGN = /^([-+▲△])\s?/;
const LEADING_YEN = /^[¥\\]\s?/;
const PIECE_UNIT = /(?:円|人|名|件|回|口|個|歳|才|%|ポイント|点)$/;
const NUMERAL = /^[\d.,]*\d[\d.,]*$/;
const MAN = /^([\d.,]+)万([\d.,]*)$/;
const PIECE = /^[\d.,]*\d[\d.,]*(?:万[\d.,]*)?$/;

const DIGITS = /^\d+$/;
const ONE_DOT = /^\d*\.\d*$/;
/** 10.000, 1.500: a decimal point in Japan, a thousands separator in much of Europe. */
const DOT_OR_THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/;
const GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** Commas anywhere, at most one dot after them: commas as (misplaced) grouping marks, the dot as decimal point. */
const JAPANESE_READING = /^[\d,]*(?:\.\d*)?$/;
/** Dots anywhere, at most one comma after them: dots as grouping marks, the comma as decimal point. */
const EUROPEAN_READING = /^[\d.]*(?:,\d*)?$/;
const COMMAS = /,/g;
const DOTS = /\./g;
const SEPARATORS = /[.,]/g;

type Readings = { readonly one: number } | { readonly many: readonly number[] };

/**
 * The numbers digits with , and . may mean. One reading for plain digits, one decimal point
 * (10.5) and thousands commas in their places (1,000,000.5); otherwise every reading a person
 * could give it: commas as grouping marks with the dot as decimal point (Japan), every mark a
 * grouping mark, dots as grouping marks with the comma as decimal point (much of Europe).
 */
function readingsOf(s: string): Readings | null {
  if (!NUMERAL.test(s)) return null;
  if (DIGITS.test(s)) return { one: Number(s) };
  if (ONE_DOT.test(s)) {
    if (DOT_OR_THOUSANDS.test(s)) return { many: [Number(s), Number(s.replace('.', ''))] };
    return { one: Number(s) };
  }
  if (GROUPED.test(s)) return { one: Number(s.replace(COMMAS, '')) };
  const many: number[] = [];
  const add = (text: string): void => {
    const n = Number(text);
    if (text !== '' && text !== '.' && Number.isFinite(n) && many.indexOf(n) < 0) many.push(n);
  };
  if (JAPANESE_READING.test(s)) add(s.replace(COMMAS, ''));
  add(s.replace(SEPARATORS, ''));
  if (EUROPEAN_READING.test(s)) add(s.replace(DOTS, '').replace(',', '.'));
  return many.length > 0 ? { many } : null;
}

/** The readings of a number with 万: 1.5万 = 15000, 1万5,000 = 15000 (floating point rounded: 1.1万 is not 11000.000000000002). */
function readingsWithMan(head: string, tail: string): Readings | null {
  const h = readingsOf(head);
  const t = tail === '' ? { one: 0 } : readingsOf(tail);
  if (h === null || t === null) return null;
  const of = (a: number, b: number): number => Math.round((a * 10000 + b) * 1e6) / 1e6;
  if ('one' in h && 'one' in t) return { one: of(h.one, t.one) };
  const many: number[] = [];
  for (const a of 'one' in h ? [h.one] : h.many) {
    for (const b of 'one' in t ? [t.one] : t.many) {
      const n = of(a, b);
      if (many.indexOf(n) < 0) many.push(n);
    }
  }
  return { many };
}

/** Pieces of a cell that holds several numbers, or null when some piece is not a number at all. */
function severalNumbers(t: string): string[] | null {
  const pieces = t.split(' ').map((p) => p.replace(LEADING_YEN, '').replace(PIECE_UNIT, ''));
  return pieces.every((p) => PIECE.test(p)) ? pieces : null;
}

/**
 * Reads a number cell: a finite number as is; text after normalizeText with a leading sign
 * (-, +, the accounting minus ▲/△), a leading ¥ and a trailing unit (円 人 名 件 回 口 …) removed;
 * 1万 / 1.5万 / 1万5000. Text is read only when it reads one way: two numbers (5000 3000) are
 * 'several', separators in unusual places (1,00, 10.000, 1.000円) 'ambiguous' — a reading is
 * never chosen for the person who typed it.
 */
export function parseNumber(value: unknown, options: ParseNumberOptions = {}): NumberParse {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'notNumber' };
    n = value;
  } else if (typeof value === 'string') {
    let t = normalizeText(value);
    if (t === '') return { ok: false, reason: 'blank' };
    let sign = 1;
    const signed = LEADING_SIGN.exec(t);
    if (signed) {
      if (signed[1] !== '+') sign = -1;
      t = t.slice(signed[0].length);
    }
    t = t.replace(LEADING_YEN, '').replace(TRAILING_UNIT, '');
    if (t.indexOf(' ') >= 0 || t.indexOf('\n') >= 0) {
      const numbers = severalNumbers(t.replace(/\n/g, ' '));
      return numbers === null ? { ok: false, reason: 'notNumber' } : { ok: false, reason: 'several', numbers };
    }
    const man = MAN.exec(t);
    const r = man ? readingsWithMan(man[1] as string, man[2] as string) : readingsOf(t);
    if (r === null) return { ok: false, reason: 'notNumber' };
    if ('many' in r) return { ok: false, reason: 'ambiguous', readings: r.many.map((x) => sign * x) };
    n = sign * r.one;
  } else if (value === null || value === undefined) {
    return { ok: false, reason: 'blank' };
  } else {
    return { ok: false, reason: 'notNumber' };
  }
  if (options.integer && !Number.isInteger(n)) return { ok: false, reason: 'notInteger' };
  return { ok: true, value: n };
}
