/** Defines parseAmount: yen amounts (金額, 単価) as staff type them, read as a positive whole number of yen. */
import { normalizeText } from './normalize';
import { parseNumber } from './number';

export type AmountParse =
  | { readonly ok: true; readonly yen: number; readonly wasText: boolean }
  | { readonly ok: false; readonly reason: 'blank' | 'notNumber' | 'notInteger' | 'notPositive' }
  /** Separators in unusual places (1,00, 10.000, 1.000円): parseNumber's readings. */
  | { readonly ok: false; readonly reason: 'ambiguous'; readonly readings: readonly number[] }
  /** Two amounts in one cell (5000 3000, ¥1,000 ¥2,000). */
  | { readonly ok: false; readonly reason: 'several'; readonly numbers: readonly string[] };

const BLANK: AmountParse = { ok: false, reason: 'blank' };
const NOT_NUMBER: AmountParse = { ok: false, reason: 'notNumber' };
const NOT_INTEGER: AmountParse = { ok: false, reason: 'notInteger' };
const NOT_POSITIVE: AmountParse = { ok: false, reason: 'notPositive' };

/** Plain half-width digits with optional thousands commas: most text amounts, read without normalising. */
const PLAIN_YEN = /^[1-9]\d{0,2}(?:,\d{3})*$|^[1-9]\d*$/;
const COMMA = /,/g;
/**
 * Receipt forms: 金10,000円也, ¥10,000- (the trailing '-' that closes a written amount), 10,000円(税込).
 * The parenthesised note says what the column already says; anything else in brackets is refused.
 */
const RECEIPT_PREFIX = /^金\s*/;
const RECEIPT_SUFFIX = /(?:円)?(?:也|-|\((?:税込|税込み|非課税)\))$/;
/** parseNumber also takes 人, 件, 回 … after a count; an amount only takes 円. */
const NON_YEN_UNIT = /(?:人|名|件|回|口|個|歳|才|%|ポイント|点)$/;

function fromNumber(n: number, wasText: boolean): AmountParse {
  if (!Number.isFinite(n)) return NOT_NUMBER;
  if (n <= 0) return NOT_POSITIVE;
  if (!Number.isInteger(n)) return NOT_INTEGER;
  if (!Number.isSafeInteger(n)) return NOT_NUMBER;
  return { ok: true, yen: n, wasText };
}

/**
 * Reads an amount in yen: a number cell as is; text such as "１０，０００円", "¥10,000",
 * "10000", "1万5000円", "金10,000円也", "¥10,000-" → 10000 (wasText true: the fix writes
 * the number). 0 and negatives (-500, ▲500) are 'notPositive', fractions 'notInteger', other
 * units and words 'notNumber'. Text that reads more than one way is never given one reading:
 * 'several' for two amounts (5000 3000), 'ambiguous' for separators in unusual places (10.000 is
 * 10 or 10000 yen, 1,00 is 100 or 1). Never throws.
 */
export function parseAmount(value: unknown): AmountParse {
  if (typeof value === 'number') return fromNumber(value, false);
  if (typeof value !== 'string') return value === null || value === undefined ? BLANK : NOT_NUMBER;
  if (PLAIN_YEN.test(value)) return fromNumber(Number(value.replace(COMMA, '')), true);
  let t = normalizeText(value);
  if (t === '') return BLANK;
  if (NON_YEN_UNIT.test(t)) return NOT_NUMBER;
  t = t.replace(RECEIPT_PREFIX, '').replace(RECEIPT_SUFFIX, (m) => (m.charAt(0) === '円' ? '円' : ''));
  const n = parseNumber(t);
  if (!n.ok) {
    if (n.reason === 'ambiguous' || n.reason === 'several') return n;
    return n.reason === 'notInteger' ? NOT_INTEGER : NOT_NUMBER;
  }
  return fromNumber(n.value, true);
}
