/** Defines the comparison keys that find the same person or donor written two ways: name, furigana, address, phone digits. Keys only compare; cells are never rewritten with them. */
import { toKatakana } from '../text';
import { normalized } from './view';

/**
 * 異体字 folded for comparison only: 髙橋 and 高橋 may be one person typed twice. Names stay as
 * typed in the sheet; this only decides whether two rows are worth a look.
 */
const NAME_VARIANTS: Readonly<Record<string, string>> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 齋: '斎', 齊: '斎', 斉: '斎', 邉: '辺', 邊: '辺', 濵: '浜', 濱: '浜', '𠮷': '吉',
  德: '徳', 曻: '昇', 嶋: '島', 嶌: '島', 澤: '沢', 櫻: '桜', 廣: '広', 國: '国', 眞: '真', 惠: '恵', 瀨: '瀬',
  槇: '槙', 冨: '富',
};
const NAME_VARIANT_CHARS = new RegExp(`[${Object.keys(NAME_VARIANTS).filter((c) => c.length === 1).join('')}]|𠮷`, 'gu');
const SPACES_AND_DOTS = /[\s・･=＝]+/g;
/** CJK compatibility ideographs, which normalizeText keeps as typed; a key folds them (NFKC). */
const COMPAT_IDEOGRAPH = /[\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;

function folded(s: string): string {
  const n = normalized(s);
  return COMPAT_IDEOGRAPH.test(n) ? n.normalize('NFKC') : n;
}

/** 山﨑 花子 and 山崎花子 give the same key. */
export function nameKey(name: string): string {
  return withoutSpaces(folded(name)).replace(NAME_VARIANT_CHARS, (c) => NAME_VARIANTS[c] ?? c);
}

/** ヤマダ ハナコ, やまだはなこ and ﾔﾏﾀﾞ ﾊﾅｺ give the same key. */
export function kanaKey(furigana: string): string {
  return withoutSpaces(toKatakana(normalized(furigana)));
}

const KANJI_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
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

/** Spaces and name dots removed; the pattern runs only when there is one (after normalising: ' ', '\n', '・', '='). */
function withoutSpaces(t: string): string {
  return t.indexOf(' ') < 0 && t.indexOf('・') < 0 && t.indexOf('\n') < 0 && t.indexOf('=') < 0 ? t : t.replace(SPACES_AND_DOTS, '');
}

const NON_DIGITS = /\D+/g;

/** The digits of a phone number when they can be one (10–11 digits from a leading 0); null otherwise. */
export function phoneDigitsKey(phone: string): string | null {
  const digits = normalized(phone).replace(NON_DIGITS, '');
  return digits.length >= 10 && digits.length <= 11 && digits.charCodeAt(0) === 48 ? digits : null;
}
