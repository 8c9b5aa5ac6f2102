/** --stats: prints the Apps Script service calls an action made, one line per method. */
import type { Io } from './io';

export function printStats(io: Io, action: string, counts: Record<string, number>): void {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  const total = entries.reduce((n, [, c]) => n + c, 0);
  io.out(`サービス呼び出し / service calls (${action}): ${total}`);
  for (const [method, count] of entries) io.out(`  ${method.padEnd(44)} ${String(count).padStart(6)}`);
}
