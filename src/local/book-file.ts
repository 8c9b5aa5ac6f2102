/** BookFile: the staff's .xlsx on disk — read once, written back atomically, a backup kept before the first overwrite, and no overwrite when someone saved it meanwhile. */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from './commands/io';

/** What the file was when Tsunagu last read or wrote it. */
interface Stamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** The file changed on disk since it was opened (saved in Excel, say): Tsunagu does not overwrite it. */
export class FileChangedError extends UsageError {
  override name = 'FileChangedError';
  constructor(readonly path: string) {
    super(
      `${basename(path)} は開いた後に別のアプリで変更されたため、上書きしませんでした。開き直してからもう一度実行してください / ` +
        `${basename(path)} changed on disk since Tsunagu opened it (saved in another program?); it was not overwritten. Reopen it and try again`,
    );
  }
}

export interface WriteOutcome {
  path: string;
  /** The backup made before this write, or null (not the first overwrite, a new file, or backups off). */
  backup: string | null;
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function stampOf(path: string, bytes?: Uint8Array): Promise<Stamp> {
  const info = await stat(path);
  const data = bytes ?? new Uint8Array(await readFile(path));
  return { size: info.size, mtimeMs: info.mtimeMs, sha256: digest(data) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Where the backup of `path` goes: beside it, named after it and the time of the backup in the
 * computer's local time — 名簿.xlsx → 名簿.backup-20240401-093000.xlsx (-2, -3 … if taken).
 */
export function backupName(path: string, now: Date, attempt = 1): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  const stampText = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return join(dirname(path), `${stem}.backup-${stampText}${attempt > 1 ? `-${attempt}` : ''}${ext || '.xlsx'}`);
}

/** Writes through a temporary file in the same folder and renames it over the target (never half a file). */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  // Same folder, so the rename stays on one file system and is atomic; ends in .xlsx for tools that look.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp.xlsx`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export class BookFile {
  private backedUp = false;

  private constructor(
    readonly path: string,
    /** What the file held when read or last written; null for a file that did not exist. */
    private stamp: Stamp | null,
    private readonly backups: boolean,
  ) {}

  /** Reads the workbook file, remembering what it held so a later write can tell if it changed. */
  static async open(path: string, options: { backups?: boolean } = {}): Promise<{ file: BookFile; bytes: Uint8Array }> {
    const absolute = resolve(path);
    const bytes = new Uint8Array(await readFile(absolute));
    const file = new BookFile(absolute, await stampOf(absolute, bytes), options.backups !== false);
    return { file, bytes };
  }

  /** A file Tsunagu creates (or, with demo --force, replaces): there is nothing it was read from. */
  static create(path: string, options: { backups?: boolean } = {}): BookFile {
    return new BookFile(resolve(path), null, options.backups !== false);
  }

  /** True when the file on disk is no longer what Tsunagu read or last wrote (a missing file has not changed: nothing there can be lost). */
  async changedOnDisk(): Promise<boolean> {
    if (this.stamp === null) return false;
    let info;
    try {
      info = await stat(this.path);
    } catch {
      return false;
    }
    if (info.size === this.stamp.size && info.mtimeMs === this.stamp.mtimeMs) return false;
    return digest(new Uint8Array(await readFile(this.path))) !== this.stamp.sha256;
  }

  /**
   * Writes the workbook over the file: refuses when it changed on disk since it was read, and
   * copies it to a backup before the first overwrite of this session.
   */
  async write(bytes: Uint8Array, now: Date = new Date()): Promise<WriteOutcome> {
    if (await this.changedOnDisk()) throw new FileChangedError(this.path);
    let backup: string | null = null;
    if (this.backups && !this.backedUp && (await exists(this.path))) {
      backup = await this.copyToBackup(now);
      this.backedUp = true;
    }
    await writeAtomically(this.path, bytes);
    this.stamp = await stampOf(this.path, bytes);
    return { path: this.path, backup };
  }

  private async copyToBackup(now: Date): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      const target = backupName(this.path, now, attempt);
      try {
        await copyFile(this.path, target, constants.COPYFILE_EXCL);
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
      }
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
