/** Text the CLI prints: cell contents with control characters made visible, so a cell can never retitle, clear or rewrite the terminal. */

/**
 * C0 controls (ESC, BEL, CR, LF, TAB …), DEL, C1 controls (CSI U+009B …), and the bidirectional
 * overrides and isolates that reorder what a terminal shows.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A cell's text for a line of human output: every control character shown as an escape (\\n, \\e, \\x07 …). */
export function printable(text: unknown): string {
  return String(text ?? '').replace(UNSAFE, escape);
}

/**
 * The lines the CLI writes for people: its own line breaks stay, anything else a terminal would
 * act on is shown as an escape (a second guard behind printable, for text that missed it).
 */
export function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(UNSAFE, escape))
    .join('\n');
}

/**
 * JSON as the CLI prints it: JSON.stringify escapes C0 controls but leaves C1 controls and bidi
 * marks as they are; those are written as \\u escapes too (the same JSON value).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
