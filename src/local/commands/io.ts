/** Output streams, the question before a write, and the one error type of the CLI: a one-line reason for unusable input (exit 2). */
import { createInterface } from 'node:readline/promises';

export interface Io {
  /** Results: what a pipe or a script reads. */
  out(text: string): void;
  /** Messages for people: refusals, progress, the question before a write. */
  err(text: string): void;
  /**
   * Asks staff a question and resolves to the line they typed (null at end of input). Absent when
   * there is no terminal to ask on: then a write needs --yes.
   */
  ask?(question: string): Promise<string | null>;
}

/** Asks on the terminal: the question on stderr (stdout may be a pipe), the answer from stdin. */
async function askOnTerminal(question: string): Promise<string | null> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string | null>((answered) => {
      // Ctrl-D (end of input) is no answer.
      terminal.once('close', () => answered(null));
      terminal.question(question).then(answered, () => answered(null));
    });
  } finally {
    terminal.close();
  }
}

export function nodeIo(): Io {
  const io: Io = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  // A question needs someone to read it and to answer: both stdin and stderr are a terminal.
  if (process.stdin.isTTY && process.stderr.isTTY) io.ask = askOnTerminal;
  return io;
}

/** Input the command cannot use: missing file, not a workbook, no recognisable sheet, bad option. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads a whole-number option, or throws a UsageError naming it. */
export function intOption(value: string | undefined, name: string, fallback: number, min = 0, max = 1_000_000): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(
      `--${name} には ${min}〜${max} の整数を指定してください（${value}）/ --${name} must be a whole number from ${min} to ${max} (got ${value})`,
    );
  }
  return n;
}

/** The value of an RPC envelope; an error envelope is unusable input (exit 2) in the server's own words. */
export function unwrap<T>(answer: unknown, where: string): T {
  const envelope = answer as { ok: true; value: T } | { ok: false; error: { ja: string; en: string } };
  if (!envelope.ok) throw new UsageError(`${where}: ${envelope.error.ja} / ${envelope.error.en}`);
  return envelope.value;
}
