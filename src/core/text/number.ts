/** Defines parseNumber: amounts and counts as staff type them (10,000円, 1万5000, ▲500). */
import { normalizeText } from './normalize';

export type NumberParse =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'blank' | 'notNumber' | 'notInteger' };

export interface ParseNumberOptions {
  /** Refuse fractions (口数, 参加者数, 金額 in yen). */
  readonly integer?: boolean;
}

/** Units written after the number; they say what the column already says. */
const TRAILING_UNIT = /(?:円|人|名|件|回|口|個|歳|才|%|ポイント|点)$/;
const PLAIN = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const MAN = /^(\d+(?:\.\d+)?)万(\d*)$/;
const SPACES_AND_COMMAS = /[\s,]/g;
const LEADING_YEN = /^[¥\\]/;

/**
 * Reads a number cell: a finite number as is; text after normalizeText with thousands commas,
 * a leading ¥ and a trailing unit (円 人 名 件 回 口 …) removed; 1万 / 1.5万 / 1万5000; and the
 * accounting minus ▲/△ (▲500 → -500).
 */
export function parseNumber(value: unknown, options: ParseNumberOptions = {}): NumberParse {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'notNumber' };
    n = value;
  } else if (typeof value === 'string') {
    let t = normalizeText(value).replace(SPACES_AND_COMMAS, '');
    if (t === '') return { ok: false, reason: 'blank' };
    let sign = 1;
    if (t.charAt(0) === '▲' || t.charAt(0) === '△') {
      sign = -1;
      t = t.slice(1);
    }
    t = t.replace(LEADING_YEN, '').replace(TRAILING_UNIT, '');
    const man = MAN.exec(t);
    if (man) n = Number(man[1]) * 10000 + (man[2] === '' ? 0 : Number(man[2]));
    else if (PLAIN.test(t)) n = Number(t);
    else return { ok: false, reason: 'notNumber' };
    n = sign * n;
    // 1.1万 is 11000.000000000002 in floating point.
    if (man) n = Math.round(n * 1e6) / 1e6;
  } else if (value === null || value === undefined) {
    return { ok: false, reason: 'blank' };
  } else {
    return { ok: false, reason: 'notNumber' };
  }
  if (options.integer && !Number.isInteger(n)) return { ok: false, reason: 'notInteger' };
  return { ok: true, value: n };
}
