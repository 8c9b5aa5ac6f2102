/**
 * The workbook a CLI command works on: opened through the real bundle, written back only by a
 * writing action that succeeded — and, under TSUNAGU_FAIL_AT_CALL=N, failed at its N-th mutating
 * service call and saved as Sheets would hold it after that failure (docs/safety.md). Node side only.
 */
import type { RpcEnvelope } from '../../shared/rpc';
import { Session } from '../session';
import { UsageError, type Io } from './io';

/** The environment variable that makes the N-th mutating service call of a command fail. */
export const FAIL_AT_CALL = 'TSUNAGU_FAIL_AT_CALL';

/** What the command line runs with besides its arguments: the environment and, for tests, a clock. */
export interface CliContext {
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock of the emulator and the bundle; the real time by default. */
  now?: () => Date;
}

/** A writing action failed; the workbook was saved only if the failure was injected (exit 3). */
export class WriteFailed extends Error {
  override name = 'WriteFailed';
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

export class Book {
  private constructor(
    readonly path: string,
    readonly session: Session,
    private readonly io: Io,
    /** The mutating call made to fail, counted from the opening of the workbook. */
    private readonly failAt: number | null,
  ) {}

  /** Opens the workbook; under TSUNAGU_FAIL_AT_CALL the fault is armed at once (reading makes no mutating call). */
  static async open(path: string, io: Io, context: CliContext = {}): Promise<Book> {
    const failAt = failAtCall(context.env);
    const session = await Session.open(path, context.now ? { now: context.now } : {});
    session.emu.failAtMutation(failAt);
    return new Book(path, session, io, failAt);
  }

  /** A reading RPC's value; an error reply is unusable input (exit 2) in the server's own words. */
  read<T>(name: string, ...args: unknown[]): T {
    const answer = this.session.run(name, ...args) as RpcEnvelope<T>;
    if (!answer.ok) throw new UsageError(`${this.path}: ${answer.error.ja} / ${answer.error.en}`);
    return answer.value;
  }

  /** Whether the armed fault has fired, and at which call. */
  private injected(): string | null {
    if (this.failAt === null || this.session.emu.mutations.length < this.failAt) return null;
    return this.session.emu.mutations[this.failAt - 1] ?? null;
  }

  /**
   * Runs a writing RPC and saves the workbook when it succeeded. When it failed at an injected
   * fault, the workbook is saved as it is after the failure (what was written stays written, as in
   * Sheets) and WriteFailed is thrown; any other write failure saves nothing (exit 3); a refusal
   * (no roster, changed since the preview …) is unusable input (exit 2).
   */
  async write<T>(name: string, ...args: unknown[]): Promise<T> {
    return this.writeStep<T>(true, name, ...args);
  }

  /**
   * One writing RPC of several (the parts of a 検証 in parts): as write, but the workbook is saved
   * only when `save` is true (after the last step) or when the step failed.
   */
  async writeStep<T>(save: boolean, name: string, ...args: unknown[]): Promise<T> {
    const answer = this.session.run(name, ...args) as RpcEnvelope<T>;
    const injected = this.injected();
    if (injected !== null) {
      this.io.err(
        `${FAIL_AT_CALL}=${this.failAt}: ${this.failAt}番目の書き込み呼び出し（${injected}）を失敗させました / made mutating call ${this.failAt} (${injected}) fail`,
      );
    }
    if (answer.ok) {
      if (save) await this.session.save(this.path);
      return answer.value;
    }
    const reason = `${this.path}: ${answer.error.ja} / ${answer.error.en}`;
    if (injected !== null) {
      await this.session.save(this.path);
      throw new WriteFailed(`${reason}（失敗した後の状態を保存しました / saved as it is after the failure）`);
    }
    if (answer.error.code.startsWith('write.')) throw new WriteFailed(`${reason}（保存していません / nothing saved）`);
    throw new UsageError(reason);
  }
}
