/** Output streams and the one error type of the CLI: a one-line reason for unusable input (exit 2). */

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export function nodeIo(): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
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
