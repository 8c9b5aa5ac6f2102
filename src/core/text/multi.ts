/** Defines splitMulti: reading multi-value cells (活動分野, 資格・特技, 相談分類 …) into lists. */
import { normalizeText } from './normalize';

/**
 * Separators, after normalizeText (so ， ； are already , ;):
 * - strong: 、 , ; and line breaks. They always separate.
 * - weak: ・ and /. DESIGN.md names ・ as a separator, and staff also write 'A/B', but both
 *   occur inside real values ('子ども・子育て', '高齢者・障害者支援', 'NPO/NGO'). A piece
 *   between strong separators is split on weak ones only when it is not a known value.
 * Spaces never separate: values such as '手話 初級' contain them.
 */
const STRONG = /[、,;\n]/;
const WEAK = /[・/]/;

export interface SplitMultiOptions {
  /** Values that must stay whole even though they contain ・ or / (e.g. a settings list). */
  readonly known?: ReadonlySet<string> | readonly string[];
  /** false: split on strong separators only (survey 選択肢, free text). Default true. */
  readonly weak?: boolean;
}

function toSet(known: SplitMultiOptions['known']): ReadonlySet<string> | null {
  if (!known) return null;
  return Array.isArray(known) ? new Set(known as readonly string[]) : (known as ReadonlySet<string>);
}

/**
 * Splits a multi-value cell: normalizeText, then the separators above; trims each value, drops
 * empty ones, keeps the order, removes exact duplicates (after normalisation).
 * Blank and non-text cells other than numbers give []; a number gives its text.
 */
export function splitMulti(cell: unknown, options: SplitMultiOptions = {}): string[] {
  let text: string;
  if (typeof cell === 'string') text = cell;
  else if (typeof cell === 'number' && Number.isFinite(cell)) text = String(cell);
  else return [];
  const normalized = normalizeText(text);
  if (normalized === '') return [];
  const known = toSet(options.known);
  const splitWeak = options.weak !== false;
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (value: string): void => {
    const v = value.trim();
    if (v !== '' && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  };
  for (const piece of normalized.split(STRONG)) {
    const p = piece.trim();
    if (p === '') continue;
    if (!splitWeak || !WEAK.test(p) || (known !== null && known.has(p))) push(p);
    else for (const part of p.split(WEAK)) push(part);
  }
  return out;
}
