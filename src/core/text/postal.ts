/** Defines parsePostal: Japanese postal codes (郵便番号) as staff type them, read as 3+4 digits. */

export type PostalParse =
  | { readonly ok: true; readonly formatted: string }
  | { readonly ok: false; readonly reason: 'blank' | 'digitCount' | 'notPostal' };

const BLANK: PostalParse = { ok: false, reason: 'blank' };
const DIGIT_COUNT: PostalParse = { ok: false, reason: 'digitCount' };
const NOT_POSTAL: PostalParse = { ok: false, reason: 'notPostal' };

/** Spaces of every width and the zero-width characters copy-paste brings. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0x2060 || c === 0xfeff;
}

/** Hyphens and dashes of every width (ー too: IMEs give it for '-' typed in kana mode). */
function isDash(c: number): boolean {
  switch (c) {
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
      return true;
    default:
      return false;
  }
}

/** 〒, and 〶 (the circled mark some fonts and forms use), before the digits. */
function isPostalMark(c: number): boolean {
  return c === 0x3012 || c === 0x3036;
}

function fromDigits(digits: string): PostalParse {
  if (digits.length !== 7) return DIGIT_COUNT;
  return { ok: true, formatted: `${digits.slice(0, 3)}-${digits.slice(3)}` };
}

/**
 * Reads a postal code: '188-0012', '1880012', '〒188-0012', '〒 188-0012', '１８８－００１２',
 * '188 0012', and a number cell (1880012; 600001 → '060-0001', the 0 Sheets dropped from a
 * Hokkaido code). formatted is '188-0012'. 'digitCount' when it has other than 7 digits,
 * 'notPostal' when it holds anything else (an address after the code, letters). Never throws.
 */
export function parsePostal(value: unknown): PostalParse {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return NOT_POSTAL;
    const digits = String(value);
    return fromDigits(digits.length === 6 ? '0' + digits : digits);
  }
  if (typeof value !== 'string') return value === null || value === undefined ? BLANK : NOT_POSTAL;
  let digits = '';
  let sawMark = false;
  let sawDash = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += value.charAt(i);
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xfee0);
    else if (isSpace(c)) continue;
    else if (isDash(c)) sawDash = true;
    else if (isPostalMark(c) && digits === '' && !sawMark) sawMark = true;
    else return NOT_POSTAL;
    // Longer runs are not a postal code; stop building a string for them.
    if (digits.length > 7) return DIGIT_COUNT;
  }
  if (digits === '') return sawMark || sawDash ? NOT_POSTAL : BLANK;
  return fromDigits(digits);
}
