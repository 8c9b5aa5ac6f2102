/** Defines parseYesNo: reading yes/no cells (個人情報同意, 在宅対応可, 多世代, 氏名公表, 秘匿 …). */
import { normalizeText } from './normalize';

/** Blank and unrecognised are kept apart: a blank cell is "not answered", the other is a typo. */
export type YesNo =
  | { readonly status: 'yes'; readonly value: true }
  | { readonly status: 'no'; readonly value: false }
  | { readonly status: 'blank'; readonly value: null }
  | { readonly status: 'unrecognised'; readonly value: null };

const SPACES = /\s+/g;

const YES_RESULT: YesNo = { status: 'yes', value: true };
const NO_RESULT: YesNo = { status: 'no', value: false };
const BLANK_RESULT: YesNo = { status: 'blank', value: null };
const UNRECOGNISED_RESULT: YesNo = { status: 'unrecognised', value: null };

// Compared after normalizeText, with spaces removed and Latin lowercased.
// ○ U+25CB, 〇 U+3007, ◯ U+25EF, ◎ are all used for "yes" on Japanese forms; ✓ ✔ ☑ レ are ticks.
const YES = new Set([
  'はい',
  '○',
  '〇',
  '◯',
  '◎',
  '✓',
  '✔',
  '☑',
  'レ',
  '有',
  '有り',
  'あり',
  'true',
  'yes',
  'y',
  '済',
  '済み',
  '可',
  '同意',
  '同意する',
  '同意します',
  '同意済',
  '同意済み',
]);
// × U+00D7, ✕ U+2715, ✖ U+2716, and the Latin x people type instead.
const NO = new Set([
  'いいえ',
  '×',
  '✕',
  '✖',
  'x',
  '無',
  '無し',
  'なし',
  'false',
  'no',
  'n',
  '未',
  '未済',
  '不可',
  '同意しない',
  '同意しません',
  '不同意',
  '非同意',
]);

/**
 * Reads a yes/no cell: はい/いいえ, ○/〇/◯/×/✕, 有/無, あり/なし, TRUE/FALSE (and checkbox
 * booleans), yes/no, 済/未, 可/不可, 同意する/同意しない. Anything else is 'unrecognised'.
 */
export function parseYesNo(cell: unknown): YesNo {
  if (cell === true) return YES_RESULT;
  if (cell === false) return NO_RESULT;
  if (cell === null || cell === undefined) return BLANK_RESULT;
  if (typeof cell !== 'string') return UNRECOGNISED_RESULT;
  const key = normalizeText(cell).replace(SPACES, '').toLowerCase();
  if (key === '') return BLANK_RESULT;
  if (YES.has(key)) return YES_RESULT;
  if (NO.has(key)) return NO_RESULT;
  return UNRECOGNISED_RESULT;
}
