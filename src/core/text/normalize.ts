/** Defines normalizeText and normalizeHeader: the Japanese text normalisation every parser builds on. */

/**
 * Zero-width characters that arrive with copy-paste and CSV imports (BOM, ZWSP, word joiner).
 * They are removed before NFKC so that removing them can never create a new composition,
 * which keeps normalizeText idempotent. ZWJ (U+200D) stays: it is part of emoji sequences.
 */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;

/**
 * CJK compatibility ideographs (e.g. 神 U+FA19, 塚 U+FA10) have canonical singleton
 * decompositions, so plain NFKC rewrites them to their unified form. In Japanese they are the
 * way people type the 異体字 of their own names, so they are kept exactly as typed.
 * (髙 and 﨑 are not affected by NFKC at all; this guard covers the others.)
 */
const COMPAT_IDEOGRAPH = /[\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;
const COMPAT_IDEOGRAPH_SPLIT = /([\uF900-\uFAFF\u{2F800}-\u{2FA1F}])/u;

/**
 * Dashes NFKC leaves alone but staff use as a hyphen (phone numbers, addresses, dates):
 * ‐ U+2010 (NFKC also folds ‑ U+2011 into it), ‒ U+2012, – U+2013, — U+2014, ― U+2015,
 * ⁃ U+2043, − U+2212. Full-width － and small ﹣ already become '-' under NFKC.
 */
const DASHES = /[\u2010\u2012-\u2015\u2043\u2212]/g;

/** The 長音 ー (half-width ｰ becomes ー under NFKC) typed between digits, as in 090ー1234ー5678. */
const CHOON_BETWEEN_DIGITS = /(?<=[0-9])\u30FC(?=[0-9])/g;

const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
const HORIZONTAL_SPACE_RUN = /[ \t\v\f\u3000]+/g;
const SPACE_AROUND_NEWLINE = / ?\n ?/g;

/** NFKC on everything except CJK compatibility ideographs (see COMPAT_IDEOGRAPH). */
function nfkcKeepingIdeographs(s: string): string {
  if (!COMPAT_IDEOGRAPH.test(s)) return s.normalize('NFKC');
  const parts = s.split(COMPAT_IDEOGRAPH_SPLIT);
  // split with one capture group puts the ideographs at the odd indices.
  for (let i = 0; i < parts.length; i += 2) parts[i] = (parts[i] as string).normalize('NFKC');
  return parts.join('');
}

/**
 * Normalises a cell's text for comparison and parsing: NFKC (full-width ASCII → ASCII,
 * half-width kana → full-width, 全角スペース → space), the dash map above, ー between digits →
 * '-', CR/CRLF → LF, runs of spaces/tabs → one space, no spaces at line ends, trimmed.
 * Line breaks are kept because multi-value cells use them as separators.
 * Name characters (髙, 﨑, 神 …) are never rewritten. Idempotent.
 */
export function normalizeText(s: string): string {
  if (s === '') return s;
  let t = s.replace(ZERO_WIDTH, '');
  t = nfkcKeepingIdeographs(t);
  t = t.replace(DASHES, '-').replace(CHOON_BETWEEN_DIGITS, '-');
  t = t.replace(LINE_BREAKS, '\n').replace(HORIZONTAL_SPACE_RUN, ' ').replace(SPACE_AROUND_NEWLINE, '\n');
  return t.trim();
}

/**
 * Punctuation that carries no meaning in a header: all whitespace, brackets of every kind
 * (only the bracket characters: '氏名（カナ）' must stay distinguishable from '氏名'),
 * ・ / : * ※ and the separators - _ . , 、 。 ? ! and quotes. Applied after NFKC, so the
 * full-width forms are already ASCII.
 */
const HEADER_NOISE = /[\s()[\]{}<>【】「」『』〈〉《》〔〕・/:*※\-_.,、。?!'"‘’“”]/g;

/** '必須' / '任意' markers staff put before or after a header ('電話番号（必須）', '【必須】氏名'). */
const REQUIRED_MARKER_SUFFIX = /^(.+?)(?:必須|任意)+$/;
const REQUIRED_MARKER_PREFIX = /^(?:必須|任意)+(.+)$/;

/**
 * Normalises a header cell for matching against canonical headers and aliases: normalizeText,
 * then removes spaces, brackets, ・ ／ : * ※ and similar marks and the 必須/任意 markers, and
 * lowercases Latin letters. So '電話番号（必須）' → '電話番号', ' ＴＥＬ ' → 'tel', '氏 名' → '氏名'.
 * Katakana/hiragana variants are not folded: they are listed as aliases.
 */
export function normalizeHeader(s: string): string {
  let t = normalizeText(s).replace(HEADER_NOISE, '').toLowerCase();
  const suffix = REQUIRED_MARKER_SUFFIX.exec(t);
  if (suffix) t = suffix[1] as string;
  const prefix = REQUIRED_MARKER_PREFIX.exec(t);
  if (prefix) t = prefix[1] as string;
  return t;
}
