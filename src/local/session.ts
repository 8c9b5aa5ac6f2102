/** A Session: one workbook in the emulator with the real dist/Code.js loaded in the sandbox — what the CLI and the studio run. */
import { existsSync, readFileSync } from 'node:fs';
import { Emulator, serializeForRun } from './emulator/index';
import { codePath, sidebarPath } from './paths';
import { Sandbox } from './sandbox';
import { UsageError } from './commands/io';

export class Session {
  readonly sandbox: Sandbox;

  private constructor(readonly emu: Emulator) {
    if (!existsSync(codePath())) {
      throw new UsageError(
        'dist/Code.js がありません。先に npm run build を実行してください / dist/Code.js is missing: run npm run build first',
      );
    }
    this.sandbox = Sandbox.fromFile(codePath(), emu.globals);
    // A form response fires the spreadsheet's form-submit triggers in the bundle, as Apps Script does.
    emu.setTriggerRunner((handler, event) => {
      this.sandbox.call(handler, event);
    });
  }

  /** The files HtmlService serves, as the Apps Script project holds them. */
  static htmlFiles(): Record<string, string> {
    return existsSync(sidebarPath()) ? { Sidebar: readFileSync(sidebarPath(), 'utf8') } : {};
  }

  /** A new, empty spreadsheet. */
  static create(name = '無題のスプレッドシート'): Session {
    return new Session(Emulator.create(name, { htmlFiles: Session.htmlFiles() }));
  }

  /** Opens an .xlsx workbook; unusable input becomes a UsageError with a one-line reason. */
  static async open(path: string): Promise<Session> {
    if (!existsSync(path)) throw new UsageError(`ファイルが見つかりません: ${path} / file not found: ${path}`);
    let emu: Emulator;
    try {
      emu = await Emulator.fromXlsx(path, { htmlFiles: Session.htmlFiles() });
    } catch (error) {
      throw new UsageError(
        `xlsx ブックとして読めません: ${path}（${(error as Error).message}）/ not a readable .xlsx workbook: ${path}`,
      );
    }
    return new Session(emu);
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

  save(path: string): Promise<void> {
    return this.emu.saveXlsx(path);
  }
}
