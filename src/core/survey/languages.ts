/** Defines the form languages: their codes (as アンケート定義 headers carry them), names, and how a typed language is read. */
import { normalizeText } from '../text/normalize';

/** Japanese, the canonical language: every answer maps back to its choices. */
export const JAPANESE = 'ja';
/** やさしい日本語 — the column header says [やさしい]; the code keeps BCP 47's shape so mappings can store it. */
export const YASASHII = 'ja-yasashii';

/** The languages the 社協's residents use most, in the order forms are listed (docs/forms.md). */
export const KNOWN_LANGUAGES = [JAPANESE, 'en', 'zh', 'ko', 'vi', 'tl', 'ne', 'pt', YASASHII] as const;

interface LanguageInfo {
  /** As staff say it. */
  readonly ja: string;
  readonly en: string;
  /** The name in the language itself, for a respondent choosing a form. */
  readonly own: string;
  /** For HTML lang attributes (the flyer). */
  readonly htmlLang: string;
}

const INFO: Readonly<Record<string, LanguageInfo>> = {
  ja: { ja: '日本語', en: 'Japanese', own: '日本語', htmlLang: 'ja' },
  en: { ja: '英語', en: 'English', own: 'English', htmlLang: 'en' },
  zh: { ja: '中国語', en: 'Chinese', own: '中文', htmlLang: 'zh' },
  ko: { ja: '韓国語', en: 'Korean', own: '한국어', htmlLang: 'ko' },
  vi: { ja: 'ベトナム語', en: 'Vietnamese', own: 'Tiếng Việt', htmlLang: 'vi' },
  tl: { ja: 'タガログ語', en: 'Tagalog', own: 'Tagalog', htmlLang: 'tl' },
  ne: { ja: 'ネパール語', en: 'Nepali', own: 'नेपाली', htmlLang: 'ne' },
  pt: { ja: 'ポルトガル語', en: 'Portuguese', own: 'Português', htmlLang: 'pt' },
  [YASASHII]: { ja: 'やさしい日本語', en: 'Easy Japanese', own: 'やさしい にほんご', htmlLang: 'ja' },
};

/** What staff may type for a language (CLI --language, a 設問[…] header): compared after normalising, lower case, no spaces. */
const ALIASES: Readonly<Record<string, string>> = {
  ja: JAPANESE,
  日本語: JAPANESE,
  japanese: JAPANESE,
  en: 'en',
  英語: 'en',
  english: 'en',
  zh: 'zh',
  中国語: 'zh',
  chinese: 'zh',
  ko: 'ko',
  韓国語: 'ko',
  朝鮮語: 'ko',
  korean: 'ko',
  vi: 'vi',
  ベトナム語: 'vi',
  vietnamese: 'vi',
  tl: 'tl',
  タガログ語: 'tl',
  tagalog: 'tl',
  ne: 'ne',
  ネパール語: 'ne',
  nepali: 'ne',
  pt: 'pt',
  ポルトガル語: 'pt',
  portuguese: 'pt',
  [YASASHII]: YASASHII,
  やさしい: YASASHII,
  やさしい日本語: YASASHII,
  やさしいにほんご: YASASHII,
  easy: YASASHII,
  easyjapanese: YASASHII,
};

/** A language code as typed ('英語', 'EN', 'やさしい') → its code; other well-formed tags ('es', 'zh-TW') pass through; null if not a language. */
export function parseLanguage(text: string): string | null {
  const key = normalizeText(text).replace(/\s+/g, '').toLowerCase();
  if (key === '') return null;
  const known = ALIASES[key];
  if (known) return known;
  const m = /^([a-z]{2,3})((?:-[a-z0-9]{2,8})*)$/.exec(key.replace(/_/g, '-'));
  if (!m) return null;
  const rest = (m[2] as string)
    .split('-')
    .filter((part) => part !== '')
    .map((part) =>
      part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]?.toUpperCase() + part.slice(1) : part,
    );
  return [m[1] as string, ...rest].join('-');
}

/** The language's name in Japanese and English ('英語' / 'English'); the code itself for a language Tsunagu has no name for. */
export function languageName(code: string): { ja: string; en: string; own: string } {
  const info = INFO[code];
  return info ? { ja: info.ja, en: info.en, own: info.own } : { ja: code, en: code, own: code };
}

/** The lang attribute for HTML in this language. */
export function htmlLang(code: string): string {
  return INFO[code]?.htmlLang ?? code;
}

/** Known languages first in KNOWN_LANGUAGES order, then the others alphabetically. */
export function compareLanguages(a: string, b: string): number {
  const ia = (KNOWN_LANGUAGES as readonly string[]).indexOf(a);
  const ib = (KNOWN_LANGUAGES as readonly string[]).indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
