/**
 * The workbook a CLI command works on: opened through the real bundle, each RPC measured as one
 * Apps Script execution, written back only by a writing action that succeeded and changed
 * something, after the write was confirmed (a question on the terminal, or --yes) — with a backup
 * before the first overwrite, and never over a file another program changed since it was opened.
 * Under TSUNAGU_FAIL_AT_CALL=N the N-th mutating service call fails and the workbook is saved as
 * Sheets would hold it after that failure (docs/safety.md). Node side only.
 */
import { basename } from 'node:path';
import type { RpcEnvelope } from '../../shared/rpc';
import type { WriteOutcome } from '../book-file';
import { Session } from '../session';
import { type Io, UsageError } from './io';
import { printStats, takeStats, type ActionStats } from './stats';
import { jsonText } from './text';

/** The environment variable that makes the N-th mutating service call of a command fail. */
export const FAIL_AT_CALL = 'TSUNAGU_FAIL_AT_CALL';

/** What the command line runs with besides its arguments: the environment and, for tests, a clock. */
export interface CliContext {
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock of the emulator and the bundle; the real time by default. */
  now?: () => Date;
}

/** The CLI's options, parsed once; each command says which of them it takes. */
export interface Flags {
  json?: boolean;
  stats?: boolean;
  write?: boolean;
  yes?: boolean;
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
  /** mapping --save: whether matching and summaries use the sheet (yes/no). */
  live?: string;
  set?: string[];
  'form-name'?: string;
  'remove-missing'?: boolean;
  recreate?: boolean;
  /** survey import: only this form's answers. */
  form?: string;
  /** survey import: response ids to import (or 'new': every new one), several or comma-separated. */
  accept?: string[];
  /** survey import: response ids to decline. */
  decline?: string[];
  /** survey flyer / respond: the form's language (ja when not given). */
  language?: string;
  /** survey flyer: where to write the page. */
  out?: string;
  /** survey respond: the JSON file of answers keyed by 設問ID. */
  answers?: string;
  /** summary: the 年度 (2024, R6, 令和6年度). */
  fy?: string;
  /** summary: where to write the leadership report. */
  html?: string;
  /** summary: 年度確定 of this 年度 / 確定を取り消す. */
  close?: string;
  reopen?: string;
  /** triggers: turn on (answers|summary), its schedule (daily@6, monday@7), stop, mark new answers seen. */
  start?: string;
  schedule?: string;
  stop?: string;
  seen?: boolean;
  /** triggers: run the time-driven triggers due since the last check, up to --until (ISO) or now. */
  'run-due'?: boolean;
  until?: string;
  /** triggers: act as this account (another staff member: 自分に引き継ぐ). */
  as?: string;
}

/** A writing action failed; the workbook was saved only if the failure was injected (exit 3). */
export class WriteFailed extends Error {
  override name = 'WriteFailed';
}

/** Staff answered no to the confirmation, or there was no terminal to ask and no --yes: nothing was written (exit 2). */
export class NotConfirmed extends UsageError {
  override name = 'NotConfirmed';
}

/** TSUNAGU_FAIL_AT_CALL as a call number, null when unset; anything but a positive whole number is refused. */
export function failAtCall(env: CliContext['env']): number | null {
  const raw = env?.[FAIL_AT_CALL];
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(
      `${FAIL_AT_CALL} には 1 以上の整数を指定してください（${raw}）/ ${FAIL_AT_CALL} must be a whole number from 1 (got ${raw})`,
    );
  }
  return n;
}

/** An RPC's value and what it cost, measured alone (as one Apps Script execution). */
export interface Measured<T> {
  value: T;
  stats: ActionStats;
}

/** A writing RPC's value, its cost, and where it was saved (null: it changed nothing, nothing was written). */
export interface Written<T> extends Measured<T> {
  saved: WriteOutcome | null;
}

/** Yes in either language: y, yes, はい (full-width letters too). */
export function isYes(answer: string | null): boolean {
  return answer !== null && /^(y|yes|はい)$/i.test(answer.normalize('NFKC').trim());
}

export class Book {
  private constructor(
    readonly path: string,
    readonly session: Session,
    private readonly io: Io,
    private readonly flags: Flags,
    /** The mutating call made to fail, counted from the opening of the workbook. */
    private readonly failAt: number | null,
  ) {}

  /** Opens the workbook; under TSUNAGU_FAIL_AT_CALL the fault is armed at once (reading makes no mutating call). */
  static async open(path: string, flags: Flags, io: Io, context: CliContext = {}): Promise<Book> {
    const failAt = failAtCall(context.env);
    const session = await Session.open(path, {
      backups: flags['no-backup'] !== true,
      ...(context.now ? { now: context.now } : {}),
    });
    session.emu.failAtMutation(failAt);
    return new Book(path, session, io, flags, failAt);
  }

  /** A reading RPC's value and cost; an error reply is unusable input (exit 2) in the server's own words. */
  read<T>(name: string, ...args: unknown[]): Measured<T> {
    this.session.emu.stats.reset();
    const answer = this.session.run(name, ...args) as RpcEnvelope<T>;
    const stats = takeStats(this.session.emu.stats);
    if (!answer.ok) throw new UsageError(`${this.path}: ${answer.error.ja} / ${answer.error.en}`);
    return { value: answer.value, stats };
  }

  /**
   * Asks before a write, as the sidebar does: `what` says in both languages what will change.
   * --yes answers for staff; with no terminal to ask (a pipe, a script) and no --yes, nothing is
   * written (NotConfirmed, exit 2), so a script never writes by accident.
   */
  async confirm(what: string): Promise<void> {
    if (this.flags.yes) return;
    if (!this.io.ask) {
      throw new NotConfirmed(
        `${what}。確認できる端末がないため書き込みません: --yes を付けてください / no terminal to confirm on, nothing written: add --yes`,
      );
    }
    const answer = await this.io.ask(`${what}。よろしいですか？ / Go ahead? [y/N] `);
    if (!isYes(answer)) throw new NotConfirmed('中止しました。何も書き込んでいません / cancelled: nothing was written');
  }

  /**
   * What a write will do, shown before its question: printed now when staff will be asked (and
   * not under --json); the lines still to print in the report are returned (none when printed).
   */
  preview(lines: string[]): string[] {
    if (this.flags.yes || !this.io.ask || this.flags.json) return lines;
    for (const line of lines) this.io.out(line);
    return [];
  }

  /** Whether the armed fault has fired, and at which call. */
  private injected(): string | null {
    if (this.failAt === null || this.session.emu.mutations.length < this.failAt) return null;
    return this.session.emu.mutations[this.failAt - 1] ?? null;
  }

  /**
   * Runs a writing RPC and saves the workbook when it succeeded and changed something. When it
   * failed at an injected fault, the workbook is saved as it is after the failure (what was
   * written stays written, as in Sheets) and WriteFailed is thrown; any other write failure saves
   * nothing (exit 3); a refusal (no roster, changed since the preview …) is unusable input (exit 2).
   */
  async write<T>(name: string, ...args: unknown[]): Promise<Written<T>> {
    const { value, stats } = await this.writeStep<T>(name, ...args);
    return { value, stats, saved: await this.saveChanges() };
  }

  /**
   * One writing RPC of several (the parts of a 検証 in parts), measured as one Apps Script
   * execution: as write, but nothing is saved unless it failed (saveChanges after the last step).
   */
  async writeStep<T>(name: string, ...args: unknown[]): Promise<Measured<T>> {
    this.session.emu.stats.reset();
    const answer = this.session.run(name, ...args) as RpcEnvelope<T>;
    // The execution ends: its locks are released, as Apps Script does between two calls.
    this.session.emu.endExecution();
    const stats = takeStats(this.session.emu.stats);
    const injected = this.injected();
    if (injected !== null) {
      this.io.err(
        `${FAIL_AT_CALL}=${this.failAt}: ${this.failAt}番目の書き込み呼び出し（${injected}）を失敗させました / made mutating call ${this.failAt} (${injected}) fail`,
      );
    }
    if (answer.ok) return { value: answer.value, stats };
    const reason = `${this.path}: ${answer.error.ja} / ${answer.error.en}`;
    if (injected !== null) {
      await this.session.save();
      throw new WriteFailed(`${reason}（失敗した後の状態を保存しました / saved as it is after the failure）`);
    }
    if (answer.error.code.startsWith('write.')) throw new WriteFailed(`${reason}（保存していません / nothing saved）`);
    throw new UsageError(reason);
  }

  /** Saves the workbook when it differs from its file; null when nothing changed (nothing written). */
  async saveChanges(): Promise<WriteOutcome | null> {
    return this.session.hasUnsavedChanges() ? await this.session.save() : null;
  }
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
    /** Present for a writing command: where it saved, or null when the action changed nothing. */
    saved?: WriteOutcome | null;
  },
): void {
  if (flags.json) {
    const saved =
      result.saved === undefined
        ? {}
        : { saved: result.saved && { path: result.saved.path, backup: result.saved.backup } };
    const body = flags.stats ? (result.jsonWithStats ?? { ...result.json, stats: result.stats.summary }) : result.json;
    io.out(jsonText({ ...body, ...saved }));
    return;
  }
  for (const line of result.lines) io.out(line);
  if (result.saved) {
    io.out(`保存しました / saved: ${result.saved.path}`);
    if (result.saved.backup) {
      io.out(`保存前のファイルを残しました / kept the file as it was: ${basename(result.saved.backup)}`);
    }
  } else if (result.saved === null) {
    io.out('変更はなく、保存していません / nothing changed, nothing saved');
  }
  if (flags.stats) printStats(io, result.action, result.stats);
}
