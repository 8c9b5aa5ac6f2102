/** Defines quoted: a cell's text as a message quotes it, shortened so one long cell cannot make a message too long to write. */

/** Characters of a cell quoted in a message; the message names the cell, so the start of the text is enough to recognise it. */
export const QUOTE_LIMIT = 40;

/**
 * The text as a message quotes it: at most QUOTE_LIMIT characters (code points, so a surrogate
 * pair is never split), the rest replaced by '…（全N文字）'. A 50,000-character cell quoted in
 * a message would make the 検証結果 row longer than a cell may hold.
 */
export function quoted(text: string, limit: number = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  const points = Array.from(text);
  if (points.length <= limit) return text;
  return `${points.slice(0, limit).join('')}…（全${points.length}文字）`;
}
