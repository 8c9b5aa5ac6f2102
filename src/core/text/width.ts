/** Defines fixWidth and cleanSpaces: the two text fixes that change only width and spacing, never a name's kana or kanji. */

/**
 * Full-width ASCII (！ … ～, U+FF01–U+FF5E) becomes ASCII, which is exactly its NFKC form, and
 * the full-width signs ￠￡￢￤￥￦ their NFKC forms (￣ is left: NFKC makes it a space and a
 * combining macron). Nothing else is folded: half-width katakana stay (a name is kept as typed;
 * toKatakana folds furigana), and neither ①, ㈱, ㍻ nor compatibility ideographs change, because
 * their NFKC form changes how the text reads.
 */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E\uFFE0-\uFFE2\uFFE4-\uFFE6]/g;
const FULL_WIDTH_SIGNS: Readonly<Record<string, string>> = {
  '\uFFE0': '\u00A2',
  '\uFFE1': '\u00A3',
  '\uFFE2': '\u00AC',
  '\uFFE4': '\u00A6',
  '\uFFE5': '\u00A5',
  '\uFFE6': '\u20A9',
};
/** Dashes NFKC leaves alone but staff use as a hyphen (the same set normalizeText maps). */
const DASHES = /[\u2010\u2011\u2012-\u2015\u2043\u2212]/g;
/** The 長音 ー (or half-width ｰ) typed between digits, as in 090ー1234ー5678. */
const CHOON_BETWEEN_DIGITS = /(?<=[0-9])[\u30FC\uFF70](?=[0-9])/g;
/** A quick test first: most cells have nothing to fix, and then no string is built. */
const NEEDS_WIDTH_FIX = /[\uFF01-\uFF5E\uFFE0-\uFFE2\uFFE4-\uFFE6\u2010-\u2015\u2043\u2212\u30FC\uFF70]/;

function toNarrow(ch: string): string {
  const c = ch.charCodeAt(0);
  return c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : (FULL_WIDTH_SIGNS[ch] as string);
}

/**
 * The 'width' safe fix: full-width digits, Latin letters and ASCII symbols → half-width
 * (０９０－１２３４ → 090-1234, ＡＢＣ → ABC, ＠ → @, （ → (, ￥ → ¥), dash variants → '-',
 * and ー/ｰ between digits → '-'. Kana, kanji, spaces and everything else stay as typed.
 * Idempotent.
 */
export function fixWidth(s: string): string {
  if (!NEEDS_WIDTH_FIX.test(s)) return s;
  return s.replace(FULL_WIDTH_ASCII, toNarrow).replace(DASHES, '-').replace(CHOON_BETWEEN_DIGITS, '-');
}

const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
/** Spaces that are only spacing: space, tab, NBSP, 全角スペース, the typographic spaces. */
const SPACE_RUN = /[ \t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
/** Invisible characters copy-paste brings along (ZWSP, word joiner, BOM). ZWJ stays: emoji use it. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const SPACE_AROUND_NEWLINE = / ?\n ?/g;
const NEEDS_SPACE_FIX =
  /^\s|\s$|[\t\v\f\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\u2028\u2029\u0085\u2060\uFEFF\r]| [ \n]|\n /;

/**
 * The 'spaces' safe fix: trimmed, 全角スペース and other spaces → ' ', runs collapsed to one,
 * zero-width characters removed, line breaks kept (multi-value cells use them) as '\n' without
 * spaces around them. '　山田　　太郎 ' → '山田 太郎'. Idempotent.
 */
export function cleanSpaces(s: string): string {
  if (!NEEDS_SPACE_FIX.test(s)) return s;
  return s
    .replace(ZERO_WIDTH, '')
    .replace(LINE_BREAKS, '\n')
    .replace(SPACE_RUN, ' ')
    .replace(SPACE_AROUND_NEWLINE, '\n')
    .trim();
}
