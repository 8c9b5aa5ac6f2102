/** What every workbook command shares: its flags, opening the .xlsx, one RPC as one Apps Script execution, saving with its backup, and printing --json or lines. */
import { basename } from 'node:path';
import type { WriteOutcome } from '../book-file';
import { Session } from '../session';
import { type Io, unwrap } from './io';
import { printStats, takeStats, type ActionStats } from './stats';
import { jsonText } from './text';

/** The CLI's options, parsed once; each command says which of them it takes. */
export interface Flags {
  json?: boolean;
  stats?: boolean;
  write?: boolean;
  force?: boolean;
  'no-backup'?: boolean;
  'dry-run'?: boolean;
  off?: boolean;
  save?: boolean;
  clear?: boolean;
  seed?: string;
  volunteers?: string;
  requests?: string;
  scale?: string;
  port?: string;
  kind?: string;
  'header-row'?: string;
  set?: string[];
}

/** Opens the workbook a command works on; --no-backup turns off the backup before the first overwrite. */
export function openBook(path: string, flags: Flags): Promise<Session> {
  return Session.open(path, { backups: flags['no-backup'] !== true });
}

/** One RPC through the real bundle, measured alone (as one Apps Script execution); an error envelope exits 2 in the server's words. */
export function call<T>(session: Session, where: string, name: string, ...args: unknown[]): { value: T; stats: ActionStats } {
  session.emu.stats.reset();
  const value = unwrap<T>(session.run(name, ...args), where);
  return { value, stats: takeStats(session.emu.stats) };
}

/** Saves over the opened file: refused if it changed on disk since (exit 2), with a backup before the first overwrite. */
export function saveBook(session: Session): Promise<WriteOutcome> {
  return session.save();
}

/** Prints a command's result: its JSON (with "stats" under --stats, and where it saved), or its lines and the --stats table. */
export function report(
  io: Io,
  flags: Flags,
  result: {
    json: object;
    /** The JSON under --stats when "stats" is not simply added (match merges its own stats with the cost). */
    jsonWithStats?: object;
    lines: string[];
    stats: ActionStats;
    action: string;
    saved?: WriteOutcome;
  },
): void {
  if (flags.json) {
    const saved = result.saved ? { saved: { path: result.saved.path, backup: result.saved.backup } } : {};
    const body = flags.stats
      ? (result.jsonWithStats ?? { ...result.json, stats: result.stats.summary })
      : result.json;
    io.out(jsonText({ ...body, ...saved }));
    return;
  }
  for (const line of result.lines) io.out(line);
  if (result.saved) {
    io.out(`保存しました / saved: ${result.saved.path}`);
    if (result.saved.backup) {
      io.out(`保存前のファイルを残しました / kept the file as it was: ${basename(result.saved.backup)}`);
    }
  }
  if (flags.stats) printStats(io, result.action, result.stats);
}
