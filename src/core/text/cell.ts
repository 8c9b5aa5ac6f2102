/** Defines how a raw cell value (string, number, boolean, Date, blank) reads as text. */
import { isDateObject, parseDate } from './date';
import { normalizeText } from './normalize';

/** Blank as staff see it: '', null/undefined, or only spaces. */
export function isBlankCell(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  return typeof value === 'string' && normalizeText(value) === '';
}

/**
 * The text of a cell, normalised (normalizeText), or null when blank. Text cells read as typed;
 * for a number, boolean or Date cell the display text is used when given (it is what staff
 * see: '0012' formatted, a phone number), else the number's digits, TRUE/FALSE, or the ISO day.
 */
export function cellText(value: unknown, display?: string): string | null {
  let t: string;
  if (typeof value === 'string') t = value;
  else if (value === null || value === undefined) return null;
  else if (display !== undefined && display !== '') t = display;
  else if (typeof value === 'number') t = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') t = value ? 'TRUE' : 'FALSE';
  else if (isDateObject(value)) {
    const d = parseDate(value);
    t = d.ok ? d.date.toISO() : '';
  } else return null;
  const n = normalizeText(t);
  return n === '' ? null : n;
}
