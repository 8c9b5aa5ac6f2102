/** Defines parsePhone: Japanese phone numbers as staff type them, read into digits, canonical hyphenation and a type. */
import { JP_PHONE_PLAN } from './phone-metadata-jp';
import { normalizeText } from './normalize';

/**
 * Why libphonenumber-js is not called at run time: its core (PhoneNumber, format, getNumberType,
 * Metadata) adds ≈53 KB to dist/Code.js, which is built without identifier or whitespace
 * minification, and it compiles its patterns with `new RegExp` on every call (≈15 µs per number
 * in Node, against ≈1 µs here). What it knows — Google's numbering plan for Japan — is what
 * matters, so that plan is generated from libphonenumber-js's metadata into phone-metadata-jp.ts
 * (≈3.6 KB in the bundle) and read here with libphonenumber's own rules (chooseFormatForNumber,
 * getNumberType). test/core/text/phone.test.ts checks formatting, validity and type against
 * libphonenumber-js itself on random numbers from every prefix.
 */

export type PhoneType = 'fixed' | 'mobile' | 'ip' | 'tollFree' | 'navi' | 'other';

export type PhoneParse =
  | { readonly ok: true; readonly digits: string; readonly formatted: string; readonly type: PhoneType }
  | { readonly ok: false; readonly reason: 'blank' | 'notPhone' | 'digitCount' | 'invalid' };

interface TypeRule {
  readonly type: string;
  readonly whole: RegExp;
  readonly lengths: readonly number[];
}

interface FormatRule {
  readonly leading: RegExp | null;
  readonly whole: RegExp;
  readonly template: string;
}

// Compiled once when the bundle loads; libphonenumber's patterns are unanchored, so anchor them
// the way its matchesEntirely and `search(...) === 0` do.
const TYPE_RULES: readonly TypeRule[] = JP_PHONE_PLAN.types.map((t) => ({
  type: t.name,
  whole: new RegExp(`^(?:${t.pattern})$`),
  lengths: t.lengths,
}));
const FORMAT_RULES: readonly FormatRule[] = JP_PHONE_PLAN.formats.map((f) => ({
  leading: f.leadingDigits === null ? null : new RegExp(`^(?:${f.leadingDigits})`),
  whole: new RegExp(`^(?:${f.pattern})$`),
  template: f.template,
}));
const NATIONAL_NUMBER = new RegExp(`^(?:${JP_PHONE_PLAN.nationalNumberPattern})$`);

/** libphonenumber's type for a national number (no leading 0), or null when it is not a valid number. */
function numberTypeOf(national: string): string | null {
  if (!NATIONAL_NUMBER.test(national)) return null;
  for (const rule of TYPE_RULES) {
    if (rule.lengths.indexOf(national.length) >= 0 && rule.whole.test(national)) return rule.type;
  }
  return null;
}

/** The national format: 042-461-1234. Numbers no format fits (0066…) are written as their digits. */
function formatNational(national: string, digits: string): string {
  for (const rule of FORMAT_RULES) {
    if (rule.leading !== null && !rule.leading.test(national)) continue;
    if (rule.whole.test(national)) return national.replace(rule.whole, rule.template);
  }
  return digits;
}

function phoneTypeOf(libType: string, digits: string): PhoneType {
  switch (libType) {
    case 'FIXED_LINE':
      return 'fixed';
    case 'MOBILE':
      return 'mobile';
    case 'VOIP':
      return 'ip';
    case 'TOLL_FREE':
      return 'tollFree';
    case 'UAN':
      // UAN is 0570 (ナビダイヤル) in Japan today; anything else it might grow into is 'other'.
      return digits.startsWith('0570') ? 'navi' : 'other';
    default:
      // 0990 premium rate, 020 pager/M2M, 060 personal numbers.
      return 'other';
  }
}

const BLANK: PhoneParse = { ok: false, reason: 'blank' };
const NOT_PHONE: PhoneParse = { ok: false, reason: 'notPhone' };
const DIGIT_COUNT: PhoneParse = { ok: false, reason: 'digitCount' };
const INVALID: PhoneParse = { ok: false, reason: 'invalid' };

/** More digits than this cannot be one phone number; stop collecting (bounds work on long text). */
const MAX_DIGITS = 20;

/**
 * Characters that only separate digit groups: spaces (incl. 全角 and NBSP), every hyphen and
 * dash (‐ ‑ ‒ – — ― − － ﹣ ⁃, and ー ｰ ─, which IMEs give for a hyphen typed in kana mode),
 * dots and brackets (042(461)1234, (042)461-1234). Zero-width characters from copy-paste too.
 */
function isSeparator(c: number): boolean {
  switch (c) {
    case 0x20:
    case 0x09:
    case 0xa0:
    case 0x3000:
    case 0x2d:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2043:
    case 0x2212:
    case 0xff0d:
    case 0xfe63:
    case 0x30fc:
    case 0xff70:
    case 0x2500:
    case 0x2e:
    case 0xff0e:
    case 0x28:
    case 0x29:
    case 0xff08:
    case 0xff09:
    case 0x200b:
    case 0x2060:
    case 0xfeff:
      return true;
    default:
      return false;
  }
}

/**
 * The digits of a phone text, '+' first when it was written internationally; null when the
 * text holds anything but digits, separators and one leading '+'.
 */
function scanDigits(s: string): string | null {
  let digits = '';
  let plus = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += s.charAt(i);
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xfee0);
    else if (isSeparator(c)) continue;
    else if ((c === 0x2b || c === 0xff0b) && digits === '' && !plus) plus = true;
    else return null;
    if (digits.length > MAX_DIGITS) return digits;
  }
  return plus ? '+' + digits : digits;
}

/** A label before the number: 'TEL: ', '℡' (NFKC 'TEL'), '電話 ', '☎'. FAX is not a phone. */
const LABEL = /^(?:tel|phone|電話(?:番号)?|☎|📞)\s*[.:]?\s*/i;
/** Text that is only digits, as a number cell's display text or a CSV import gives it. */
const ALL_DIGITS = /^[0-9０-９]+$/;

/**
 * Whether the count of digits suits the number's leading digits: 0X0 numbers (020 M2M, 050 IP,
 * 070/080/090 mobile, 0800 toll-free) have 11, 060 has 10 (personal) or 11 (mobile), every other
 * number starting with one 0 has 10. 00… numbers (0066, 0088 toll-free) are left to the plan.
 */
function lengthFits(digits: string): boolean {
  if (digits.charCodeAt(1) === 0x30) return true;
  if (digits.charCodeAt(2) === 0x30) {
    const second = digits.charAt(1);
    if (second === '2' || second === '5' || second === '7' || second === '8' || second === '9')
      return digits.length === 11;
    if (second === '6') return digits.length === 10 || digits.length === 11;
  }
  return digits.length === 10;
}

function fromDigits(digits: string): PhoneParse {
  if (digits === '' || digits === '+') return NOT_PHONE;
  if (digits.charAt(0) === '+') {
    // +81 42-461-1234, +81 (0)42-461-1234; another country's number cannot be checked here.
    if (!digits.startsWith('+81')) return INVALID;
    const rest = digits.slice(3);
    digits = rest.charAt(0) === '0' ? rest : '0' + rest;
  }
  // Without a leading 0 it is a local number (461-1234: no area code) or a short code (110).
  if (digits.charAt(0) !== '0') return DIGIT_COUNT;
  if (!lengthFits(digits)) return DIGIT_COUNT;
  // The national number drops the trunk 0, except for 00… numbers, whose 00 belongs to them.
  const national = digits.charCodeAt(1) === 0x30 ? digits : digits.slice(1);
  const libType = numberTypeOf(national);
  if (libType === null) return INVALID;
  return { ok: true, digits, formatted: formatNational(national, digits), type: phoneTypeOf(libType, digits) };
}

/**
 * 424611234 → 0424611234: a number cell loses the leading 0 (Sheets reads 0424611234 as a
 * number). Every Japanese number of 10 or 11 digits starts with 0, so a 9- or 10-digit one
 * without it can only have lost it.
 */
function withLostZero(digits: string): string {
  return (digits.length === 9 || digits.length === 10) && digits.charAt(0) !== '0' ? '0' + digits : digits;
}

/**
 * Reads a Japanese phone number: a number cell (its lost leading 0 recovered), full-width digits,
 * any dash, spaces, brackets ('042(461)1234'), '+81 42-461-1234', a TEL/電話 label.
 * 'digitCount' when the digits are too few or too many for the number's kind (03-1234-567),
 * 'invalid' when the count is right but no such number exists in the numbering plan, 'notPhone'
 * when the cell holds other text (notes such as '（自宅）', two numbers with '/', FAX).
 * formatted is the national hyphenation: 042-461-1234, 03-1234-5678, 0422-51-1234, 04992-2-1234,
 * 090-1234-5678, 050-1234-5678, 0120-123-456, 0800-123-4567, 0570-000-000. Never throws.
 */
export function parsePhone(value: unknown): PhoneParse {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return NOT_PHONE;
    return fromDigits(withLostZero(String(value)));
  }
  if (typeof value !== 'string') return value === null || value === undefined ? BLANK : NOT_PHONE;
  let digits = scanDigits(value);
  if (digits === null) {
    // Slow path: labels and other compatibility forms ('℡', 'ＴＥＬ：').
    const t = normalizeText(value);
    if (t === '') return BLANK;
    const label = LABEL.exec(t);
    if (label === null) return NOT_PHONE;
    digits = scanDigits(t.slice(label[0].length));
    if (digits === null) return NOT_PHONE;
  }
  if (digits === '') return normalizeText(value) === '' ? BLANK : NOT_PHONE;
  if (ALL_DIGITS.test(value)) digits = withLostZero(digits);
  return fromDigits(digits);
}
