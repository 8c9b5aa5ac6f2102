/**
 * Defines the comparison keys that find the same person or donor written two ways: name,
 * furigana, address, phone digits. Keys only compare; cells are never rewritten with them.
 * nameKey and addressKey take text already normalised (SheetView.text); kanaKey and
 * phoneDigitsKey fold width themselves and take the cell's text as it is.
 */
import { toKatakana } from '../text';

/**
 * 異体字 folded for comparison only: 髙橋 and 高橋 may be one person typed twice. Names stay as
 * typed in the sheet; this only decides whether two rows are worth a look.
 */
const NAME_VARIANTS: Readonly<Record<string, string>> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  邉: '辺',
  邊: '辺',
  濵: '浜',
  濱: '浜',
  '𠮷': '吉',
  德: '徳',
  曻: '昇',
  嶋: '島',
  嶌: '島',
  澤: '沢',
  櫻: '桜',
  廣: '広',
  國: '国',
  眞: '真',
  惠: '恵',
  瀨: '瀬',
  槇: '槙',
  冨: '富',
};
// Not a /u pattern (slower): 𠮷 is matched as its surrogate pair.
const NAME_VARIANT_CHARS = new RegExp(
  `[${Object.keys(NAME_VARIANTS)
    .filter((c) => c.length === 1)
    .join('')}]|\uD842\uDFB7`,
  'g',
);
const SPACES_AND_DOTS = /[\s\u200B\u2060\uFEFF・･=＝]+/g;
/** CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F), which normalizeText keeps as typed; a key folds them (NFKC). */
const COMPAT_IDEOGRAPH = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;

function folded(n: string): string {
  return COMPAT_IDEOGRAPH.test(n) ? n.normalize('NFKC') : n;
}

/** 山﨑 花子 and 山崎花子 give the same key. */
export function nameKey(name: string): string {
  return withoutSpaces(folded(name)).replace(NAME_VARIANT_CHARS, (c) => NAME_VARIANTS[c] ?? c);
}

/** ヤマダ ハナコ, やまだはなこ and ﾔﾏﾀﾞ　ﾊﾅｺ give the same key (raw text is fine: toKatakana folds width). */
export function kanaKey(furigana: string): string {
  // Raw text may hold 全角スペース, tabs or zero-width characters: the whole pattern, not the fast test.
  return toKatakana(furigana).replace(SPACES_AND_DOTS, '');
}

/** The BMP 異体字 of NAME_VARIANTS by code unit, for keyHash. */
const VARIANT_CODES = new Map<number, number>(
  Object.keys(NAME_VARIANTS)
    .filter((c) => c.length === 1)
    .map((c) => [c.charCodeAt(0), (NAME_VARIANTS[c] as string).charCodeAt(0)] as const),
);
const KICHI = 0x5409; // 吉, for 𠮷 (U+20BB7 = D842 DFB7)

/** Exactly what SPACES_AND_DOTS matches: JavaScript's \s, zero-width characters, ・ ･ = ＝. */
function isKeySeparator(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return c === 0x3d;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x30fb ||
    c === 0xff65 ||
    c === 0xff1d
  );
}

/** The two hashes keyHash computes: FNV-1a, and the same walk with MurmurHash's multiplier and another basis. */
export const FIRST_HASH = 0;
export const SECOND_HASH = 1;
const BASIS = [0x811c9dc5, 0x9747b28c];
const PRIME = [0x01000193, 0x5bd1e995];

/**
 * A 32-bit hash of kanaKey(text) (kana: text already through toKatakana) or of nameKey(text)
 * (names), computed in one pass without building the key; -1 when the key would be empty.
 * Equal keys give equal hashes, so an index on hashes finds every pair the keys would; two
 * different keys meet only if both 32-bit hashes (`which` 0 and 1) collide.
 */
export function keyHash(text: string, names: boolean, which = FIRST_HASH): number {
  const prime = PRIME[which] as number;
  let h = BASIS[which] as number;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isKeySeparator(c)) continue;
    if (names) {
      // Compatibility ideographs are folded by NFKC: rare, so the slow way. The key is final
      // (variants mapped, no separators), so it is hashed as it is, without this branch again.
      if ((c >= 0xf900 && c <= 0xfaff) || c === 0xd87e) return keyHash(nameKey(text), false, which);
      if (c === 0xd842 && text.charCodeAt(i + 1) === 0xdfb7) {
        c = KICHI;
        i++;
      } else {
        const v = VARIANT_CODES.get(c);
        if (v !== undefined) c = v;
      }
    }
    h = Math.imul(h ^ c, prime);
    any = true;
  }
  return any ? h >>> 0 : -1;
}

const TWO_TO_21 = 0x200000;
const TWO_TO_32 = 0x100000000;

/**
 * Two 32-bit quantities as one exact number key: the low 21 bits of `a` and all of `b`
 * (21 + 32 = 53 bits, the integers a double holds exactly). Null when either is missing (< 0).
 */
export function combineKeys(a: number, b: number): number | null {
  return a < 0 || b < 0 ? null : (a % TWO_TO_21) * TWO_TO_32 + b;
}

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const KANJI_CHOME = /([一二三四五六七八九十]{1,3})丁目/g;
const CHOME = /(\d+)丁目/g;
const BANCHI = /(\d+)番地?/g;
const GO = /(\d+)号/g;
const NO_BETWEEN_DIGITS = /(\d)の(?=\d)/g;
const DASH_RUNS = /-+/g;
const TRAILING_DASH = /-(?=$|[^\d])/g;

function kanjiNumber(run: string): string {
  const ten = run.indexOf('十');
  if (ten < 0) return run.length === 1 ? String(KANJI_DIGITS[run] ?? run) : run;
  const tens = ten === 0 ? 1 : (KANJI_DIGITS[run.charAt(0)] ?? 0);
  const ones = ten === run.length - 1 ? 0 : (KANJI_DIGITS[run.charAt(run.length - 1)] ?? 0);
  return String(tens * 10 + ones);
}

/** 南町一丁目2番3号, 南町1丁目2-3 and 南町1-2-3 give the same key (東京都 dropped, spaces dropped). */
export function addressKey(address: string): string {
  let t = withoutSpaces(folded(address));
  if (t.startsWith('東京都')) t = t.slice(3);
  // Each spelling is rewritten only when it is there: most addresses are already 1-2-3.
  let rewritten = false;
  if (t.indexOf('丁目') >= 0) {
    t = t.replace(KANJI_CHOME, (_, run: string) => `${kanjiNumber(run)}-`).replace(CHOME, '$1-');
    rewritten = true;
  }
  if (t.indexOf('番') >= 0) {
    t = t.replace(BANCHI, '$1-');
    rewritten = true;
  }
  if (t.indexOf('号') >= 0) t = t.replace(GO, '$1');
  if (t.indexOf('の') >= 0) t = t.replace(NO_BETWEEN_DIGITS, '$1-');
  if (t.indexOf('--') >= 0) t = t.replace(DASH_RUNS, '-');
  return rewritten ? t.replace(TRAILING_DASH, '') : t;
}

/** Spaces and name dots removed from normalised text; the pattern runs only when there is one (normalised: ' ', '\n', '・', '='). */
function withoutSpaces(t: string): string {
  return t.indexOf(' ') < 0 && t.indexOf('・') < 0 && t.indexOf('\n') < 0 && t.indexOf('=') < 0
    ? t
    : t.replace(SPACES_AND_DOTS, '');
}

/**
 * The digits of a phone number as a number key, when they can be one (10–11 digits from a
 * leading 0, or the 9–10 digits of a number cell that lost its 0); null otherwise. A number, so no key string is built per row: the digit count is
 * folded in (count × 10¹¹ + digits) because the leading 0 is not. Raw text is fine: full-width
 * digits count as digits.
 */
export function phoneDigitsKey(phone: string): number | null {
  let n = 0;
  let count = 0;
  let separators = false;
  for (let i = 0; i < phone.length; i++) {
    let c = phone.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0;
    if (c < 48 || c > 57) {
      separators = true;
      continue;
    }
    // Digits only, without the leading 0: a number cell that lost it (9012345678, 424611234).
    if (count === 0 && c !== 48) {
      if (separators || phone.length < 9 || phone.length > 10) return null;
      count = 1;
    }
    if (++count > 11) return null;
    n = n * 10 + (c - 48);
  }
  return count >= 10 ? count * 1e11 + n : null;
}
