/** Defines parseEmail: e-mail addresses as staff type them (full-width, ＠, 。), checked pragmatically. */
import { normalizeText } from './normalize';

export type EmailParse =
  { readonly ok: true; readonly normalized: string } | { readonly ok: false; readonly reason: 'blank' | 'invalid' };

const BLANK: EmailParse = { ok: false, reason: 'blank' };
const INVALID: EmailParse = { ok: false, reason: 'invalid' };

/** RFC 5321's limit on a whole address; it also bounds the work the patterns below can do. */
const MAX_LENGTH = 254;
const MAILTO = /^mailto:/i;
/**
 * The local part: RFC 5322 atext and dots. Dots may repeat or end the local part, as in the
 * older docomo and au addresses (taro..yamada.@docomo.ne.jp) that still receive mail in Japan;
 * only a leading dot is refused. Quoted local parts are left out: nobody types them.
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-][A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{0,63}$/;
/** Host names: letters, digits and inner hyphens per label, two labels at least, a top-level domain of letters (or xn--). */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
/** 。 and ｡ separate domain labels too (UTS #46 maps them to '.'): the IME types them for '.'. */
const IDEOGRAPHIC_STOP = /[\u3002\uFF61]/g;

/**
 * Reads an e-mail address: normalizeText (full-width → half-width, ＠ → @, trimmed), a leading
 * 'mailto:' dropped, 。 in the domain read as '.', the domain lowercased (it is case-insensitive;
 * the local part is kept as typed). Then one @, a local part of RFC 5322 characters and a host
 * name with a dot. Spaces inside, a second @, names ('山田 <a@b.jp>') or Japanese domain names
 * are 'invalid'. Never throws.
 */
export function parseEmail(value: unknown): EmailParse {
  if (value === null || value === undefined) return BLANK;
  if (typeof value !== 'string') return INVALID;
  let t = normalizeText(value);
  if (t === '') return BLANK;
  if (t.length > MAX_LENGTH + 7) return INVALID;
  t = t.replace(MAILTO, '');
  const at = t.indexOf('@');
  if (at <= 0 || t.indexOf('@', at + 1) >= 0) return INVALID;
  const local = t.slice(0, at);
  const domain = t
    .slice(at + 1)
    .replace(IDEOGRAPHIC_STOP, '.')
    .toLowerCase();
  if (local.length + 1 + domain.length > MAX_LENGTH || !LOCAL.test(local) || !DOMAIN.test(domain)) return INVALID;
  return { ok: true, normalized: `${local}@${domain}` };
}
