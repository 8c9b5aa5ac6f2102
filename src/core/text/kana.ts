/** Defines toKatakana and checkKatakana: furigana (フリガナ) in full-width katakana, from hiragana and half-width kana. */

/*
 * Hand-written rather than a library (wanakana, jaconv, moji): what furigana needs is two
 * fixed mappings — hiragana → katakana is a constant code-point offset (U+3041–U+3096 →
 * U+30A1–U+30F6) and half-width katakana → full-width is NFKC, which every JavaScript engine
 * has — plus joining voiced marks. The libraries add romaji and other conversions Tsunagu has no
 * use for, and kilobytes to dist/Code.js.
 */

const HIRAGANA_TO_KATAKANA = 0x60;
const VOICED = '\u3099';
const SEMI_VOICED = '\u309A';

/** Half-width katakana and punctuation U+FF61–U+FF9F → full-width, computed once with NFKC. */
const HALF_WIDTH = ((): string[] => {
  const table: string[] = [];
  for (let c = 0xff61; c <= 0xff9f; c++) table.push(String.fromCharCode(c).normalize('NFKC'));
  return table;
})();

/** Katakana that take ゛ or ゜, and the result (カ → ガ, ウ → ヴ, ハ → パ), from NFC. */
const VOICED_FORM = new Map<string, string>();
const SEMI_VOICED_FORM = new Map<string, string>();
for (let c = 0x30a1; c <= 0x30fe; c++) {
  const k = String.fromCharCode(c);
  const v = (k + VOICED).normalize('NFC');
  if (v.length === 1) VOICED_FORM.set(k, v);
  const p = (k + SEMI_VOICED).normalize('NFC');
  if (p.length === 1) SEMI_VOICED_FORM.set(k, p);
}

function isHiragana(c: number): boolean {
  // ぁ–ゖ and the iteration marks ゝゞ (→ ヽヾ).
  return (c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

/** 0 for other characters, 1 for a voiced mark (゛ ﾞ U+3099), 2 for a semi-voiced one (゜ ﾟ U+309A). */
function markOf(c: number): 0 | 1 | 2 {
  if (c === 0x3099 || c === 0x309b || c === 0xff9e) return 1;
  if (c === 0x309a || c === 0x309c || c === 0xff9f) return 2;
  return 0;
}

/** True when toKatakana would change the text: the fast path for cells that are already right. */
function needsConversion(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (isHiragana(c) || (c >= 0xff61 && c <= 0xff9f) || markOf(c) !== 0) return true;
    if (isSpace(c) && (c !== 0x20 || i === 0 || i === last || s.charCodeAt(i + 1) === 0x20)) return true;
  }
  return false;
}

/**
 * Furigana as full-width katakana: hiragana → katakana (さとう → サトウ, ゔ → ヴ), half-width
 * katakana → full-width with their voiced marks joined (ｻﾄｳ ﾊﾅｺ → サトウ ハナコ, ｳﾞ → ヴ),
 * a ゛/゜ after a kana joined to it (カ゛ → ガ), spaces (全角スペース, tabs, line breaks) → one
 * ' ', trimmed. ー, ・ and everything else (kanji, Latin) stay as they are. Idempotent.
 */
export function toKatakana(s: string): string {
  if (!needsConversion(s)) return s;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = out !== '';
      continue;
    }
    const mark = markOf(c);
    if (mark !== 0 && !pendingSpace && out !== '') {
      const prev = out.charAt(out.length - 1);
      const joined = (mark === 1 ? VOICED_FORM : SEMI_VOICED_FORM).get(prev);
      if (joined !== undefined) {
        out = out.slice(0, -1) + joined;
        continue;
      }
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    if (isHiragana(c)) out += String.fromCharCode(c + HIRAGANA_TO_KATAKANA);
    // A mark that joins nothing is kept visible as the spacing ゛/゜, not as a combining one.
    else if (mark !== 0) out += mark === 1 ? (c === 0x3099 ? VOICED : '\u309B') : c === 0x309a ? SEMI_VOICED : '\u309C';
    else if (c >= 0xff61 && c <= 0xff9f) out += HALF_WIDTH[c - 0xff61] as string;
    else out += s.charAt(i);
  }
  return out;
}

export type KanaCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'hiragana' | 'halfwidth' | 'notKana' };

const OK: KanaCheck = { ok: true };
const HIRAGANA: KanaCheck = { ok: false, reason: 'hiragana' };
const HALFWIDTH: KanaCheck = { ok: false, reason: 'halfwidth' };
const NOT_KANA: KanaCheck = { ok: false, reason: 'notKana' };

/**
 * Characters furigana may hold: full-width katakana ァ–ヺ (ヴ ヵ ヶ included), the double hyphen ゠
 * of foreign names, ・ ー ヽ ヾ, and the small katakana extensions ㇰ–ㇿ (Ainu names).
 */
function isFuriganaChar(c: number): boolean {
  return (c >= 0x30a0 && c <= 0x30fe) || (c >= 0x31f0 && c <= 0x31ff);
}

/** Whether the text has only furigana characters and spaces. */
function isFurigana(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isFuriganaChar(c) && c !== 0x20 && c !== 0x3000) return false;
  }
  return true;
}

/**
 * Checks a furigana cell. ok for full-width katakana with ー, ・ and spaces: a 全角スペース between
 * family and given name is how many people write it, and stray or doubled spaces are the
 * 'spaces' fix's business (cleanSpaces), not a kana error. 'hiragana' or 'halfwidth' when
 * toKatakana makes it ok, so the fix is safe — 'hiragana' when it had any hiragana, 'halfwidth'
 * otherwise (half-width kana, or a voiced mark typed apart: カ゛). 'notKana' when it holds kanji,
 * Latin letters, digits or other marks, which only a person can fix.
 * An empty text is ok: whether the cell is required is the caller's rule.
 */
export function checkKatakana(s: string): KanaCheck {
  if (isFurigana(s)) return OK;
  if (!isFurigana(toKatakana(s))) return NOT_KANA;
  for (let i = 0; i < s.length; i++) if (isHiragana(s.charCodeAt(i))) return HIRAGANA;
  return HALFWIDTH;
}
