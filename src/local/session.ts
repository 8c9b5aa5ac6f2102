/** A Session: one workbook in the emulator with the real dist/Code.js loaded in the sandbox — what the CLI and the studio run. */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { BookFile, type WriteOutcome } from './book-file';
import {
  Emulator,
  formsPathFor,
  parseTriggersFile,
  serializeForRun,
  triggersJson,
  triggersPathFor,
} from './emulator/index';
import { codePath, sidebarPath } from './paths';
import { Sandbox } from './sandbox';
import { UsageError } from './commands/io';

export interface SessionOptions {
  /**
   * The clock of the emulator and of the bundle's `new Date()`; the real time by default. A fixed
   * clock makes every run of an action record exactly the same (the fault-injection harness needs it).
   */
  now?: () => Date;
}

export interface OpenOptions extends SessionOptions {
  /** Keep a backup copy before the first overwrite of the file (default true). */
  backups?: boolean;
}

export class Session {
  readonly sandbox: Sandbox;
  /** Time-driven triggers due up to this instant have run (book.triggers.json); null before any check. */
  triggersCheckedAt: string | null = null;
  /** book.triggers.json as last read or written. */
  private savedTriggers = '';

  private constructor(
    readonly emu: Emulator,
    /** The .xlsx the workbook was opened from; null for a new spreadsheet. */
    readonly file: BookFile | null = null,
    /** Whether saves keep a backup before the first overwrite. */
    readonly backups = true,
    options: SessionOptions = {},
  ) {
    if (!existsSync(codePath())) {
      throw new UsageError(
        'dist/Code.js がありません。先に npm run build を実行してください / dist/Code.js is missing: run npm run build first',
      );
    }
    const now = options.now;
    this.sandbox = Sandbox.fromFile(codePath(), emu.globals, now ? { now: () => now().getTime() } : {});
    // A form response fires the spreadsheet's form-submit triggers in the bundle, as Apps Script does.
    emu.setTriggerRunner((handler, event) => {
      this.sandbox.call(handler, event);
    });
    this.savedTriggers = this.triggersText();
  }

  /** The files HtmlService serves, as the Apps Script project holds them. */
  static htmlFiles(): Record<string, string> {
    return existsSync(sidebarPath()) ? { Sidebar: readFileSync(sidebarPath(), 'utf8') } : {};
  }

  /** A new, empty spreadsheet. */
  static create(name = '無題のスプレッドシート', options: OpenOptions = {}): Session {
    const emu = Emulator.create(name, { htmlFiles: Session.htmlFiles(), ...(options.now ? { now: options.now } : {}) });
    return new Session(emu, null, options.backups !== false, options);
  }

  /** Opens an .xlsx workbook; unusable input becomes a UsageError with a one-line reason. */
  static async open(path: string, options: OpenOptions = {}): Promise<Session> {
    if (!existsSync(path)) throw new UsageError(`ファイルが見つかりません: ${path} / file not found: ${path}`);
    const { file, bytes } = await BookFile.open(path, options);
    let emu: Emulator;
    try {
      // A file without a title is named after the file, as Sheets names an uploaded one.
      emu = await Emulator.fromXlsx(bytes, {
        htmlFiles: Session.htmlFiles(),
        fallbackName: basename(path, extname(path)),
        ...(options.now ? { now: options.now } : {}),
      });
    } catch (error) {
      throw new UsageError(
        `xlsx ブックとして読めません: ${path}（${(error as Error).message}）/ not a readable .xlsx workbook: ${path}`,
      );
    }
    // Forms live in Drive, not in the spreadsheet: they are kept beside the file (book.forms.json).
    const forms = formsPathFor(path);
    if (existsSync(forms)) {
      try {
        emu.loadFormsJson(readFileSync(forms, 'utf8'));
      } catch (error) {
        throw new UsageError(
          `フォームのファイルが読めません: ${forms}（${(error as Error).message}）/ cannot read the forms file: ${forms}`,
        );
      }
    }
    const session = new Session(emu, file, options.backups !== false, options);
    // Installable triggers live in Google's trigger service, not in the file: kept beside it too.
    const triggers = triggersPathFor(path);
    if (existsSync(triggers)) {
      try {
        const saved = parseTriggersFile(readFileSync(triggers, 'utf8'));
        emu.restoreTriggers(saved.triggers);
        session.triggersCheckedAt = saved.checkedAt;
      } catch (error) {
        throw new UsageError(
          `トリガーのファイルが読めません: ${triggers}（${(error as Error).message}）/ cannot read the triggers file: ${triggers}`,
        );
      }
    }
    session.savedTriggers = session.triggersText();
    return session;
  }

  /** book.triggers.json's text for the triggers as they are now. */
  private triggersText(): string {
    return triggersJson({ checkedAt: this.triggersCheckedAt, triggers: this.emu.triggers });
  }

  /** Calls a server function the way google.script.run does: arguments and result pass its serialisation rules. */
  run(name: string, ...args: unknown[]): unknown {
    const sent = serializeForRun(args) as unknown[];
    return serializeForRun(this.sandbox.call(name, ...sent));
  }

  /** Calls a top-level function the way a menu item or trigger does. */
  invoke(name: string, ...args: unknown[]): unknown {
    return this.sandbox.call(name, ...args);
  }

  /**
   * Saves the workbook. To the file it was opened from (the default): refused when that file
   * changed on disk since (FileChangedError), with a backup beside it before the first overwrite.
   * To another path: written there, with a backup first if something is already there.
   */
  async save(path?: string): Promise<WriteOutcome> {
    const target = path === undefined ? this.file : this.fileFor(path);
    if (!target) throw new Error('this workbook has no file yet: give a path to save it to');
    const outcome = await target.write(await this.emu.toXlsx());
    // The forms go beside the workbook (book.forms.json), written after the workbook itself.
    const forms = formsPathFor(target.path);
    if (this.emu.hasForms || existsSync(forms)) {
      await writeFile(forms, this.emu.formsJson());
      this.emu.markFormsSaved();
    }
    const triggers = triggersPathFor(target.path);
    if (this.emu.triggers.length > 0 || existsSync(triggers)) {
      // The first trigger made: due ones count from now, not from the epoch.
      this.triggersCheckedAt ??= this.emu.now().toISOString();
      this.savedTriggers = this.triggersText();
      await writeFile(triggers, this.savedTriggers);
    }
    return outcome;
  }

  /** Whether the workbook differs from what its file holds (a save would write something). */
  hasUnsavedChanges(): boolean {
    return this.emu.hasUnsavedChanges() || this.triggersText() !== this.savedTriggers;
  }

  private fileFor(path: string): BookFile {
    if (this.file && resolve(path) === this.file.path) return this.file;
    return BookFile.create(path, { backups: this.backups });
  }
}
