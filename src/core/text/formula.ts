/** Defines the formula-injection guard applied to every text Tsunagu writes into a sheet. */

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@']);

/**
 * True when Sheets could read the text as a formula: it starts with a tab or CR, or its first
 * character is = + - @ as typed, after NFKC (＝ → =) or after NFKD. NFKD is checked as well
 * because NFKC can compose a leading '=' with a following combining mark ('=' + U+0338 → '≠')
 * and hide it; the price is that a text starting with ≠ is also written as text, which is harmless.
 */
export function needsFormulaGuard(s: string): boolean {
  if (s === '') return false;
  const first = s.charAt(0);
  if (first === '\t' || first === '\r') return true;
  if (DANGEROUS_FIRST.has(first)) return true;
  return DANGEROUS_FIRST.has(s.normalize('NFKC').charAt(0)) || DANGEROUS_FIRST.has(s.normalize('NFKD').charAt(0));
}

/** Prefixes an apostrophe when needsFormulaGuard says so, so Sheets stores the text as text. */
export function guardFormula(s: string): string {
  return needsFormulaGuard(s) ? "'" + s : s;
}

/** guardFormula for a cell value about to be written: only strings are changed. */
export function guardCell<T>(value: T): T | string {
  return typeof value === 'string' ? guardFormula(value) : value;
}
