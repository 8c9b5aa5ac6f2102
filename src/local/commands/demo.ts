/** tsunagu demo: writes a synthetic, realistic workbook — the standard sheets made by シート準備, filled by the demo generator. */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultSettingsRows, parseSettings } from '../../core/sheets/settings';
import { DEFAULT_SEED, DEMO_SCALES, generateDemoBook, isDemoScaleName, type LedgerScale } from '../demo/index';
import { Session } from '../session';
import type { Flags } from './book';
import { type Io, UsageError, intOption } from './io';
import { printStats, takeStats } from './stats';

/** demo: writes a new workbook; an existing file is replaced only with --force (its backup kept), a missing folder is not made. */
export async function runDemo(rest: string[], flags: Flags, io: Io): Promise<number> {
  const out = rest[0];
  if (!out || rest.length > 1)
    throw new UsageError(
      '使い方: tsunagu demo <out.xlsx> [--scale default|large] [--seed N] [--volunteers N] [--requests N] [--force] / usage: tsunagu demo <out.xlsx>',
    );
  if (!/\.xlsx$/i.test(out))
    throw new UsageError(`出力ファイルは .xlsx にしてください: ${out} / the output must be an .xlsx file: ${out}`);
  const path = resolve(out);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(
      `フォルダがありません: ${dirname(out)}（先に作成してください）/ no such folder: ${dirname(out)} (create it first)`,
    );
  }
  if (existsSync(path) && flags.force !== true) {
    throw new UsageError(
      `${out} は既にあります。上書きするには --force を付けてください / ${out} already exists: add --force to replace it`,
    );
  }
  const scaleName = flags.scale ?? 'default';
  if (!isDemoScaleName(scaleName)) {
    const names = Object.keys(DEMO_SCALES).join(', ');
    throw new UsageError(
      `--scale には ${names} のどれかを指定してください（${scaleName}）/ --scale must be one of ${names} (got ${scaleName})`,
    );
  }
  const scale = DEMO_SCALES[scaleName];
  const seed = intOption(flags.seed, 'seed', DEFAULT_SEED, 0, 2 ** 31 - 1);
  const volunteers = intOption(flags.volunteers, 'volunteers', scale.volunteers, 0, 100_000);
  const requests = intOption(flags.requests, 'requests', scale.requests, 0, 100_000);

  const session = Session.create('つなぐ デモ', { backups: flags['no-backup'] !== true });
  const book = buildDemo(session, { seed, volunteers, requests, ledgerScale: scale.ledgerScale });
  const { backup } = await session.save(path);
  const rows = book.sheets.reduce((n, s) => n + s.rows.length, 0);
  io.out(
    `デモ用ブックを作成しました: ${out}（${book.sheets.length}シート、${rows}行、意図的な入力ミス${book.mistakes.length}件、担い手のいない依頼${book.shortages.length}件）`,
  );
  io.out(
    `wrote ${out}: ${book.sheets.length} data sheets, ${rows} rows, ${book.mistakes.length} planted mistakes, ${book.shortages.length} requests nobody can take (seed ${seed})`,
  );
  if (backup) io.out(`上書き前のファイルを残しました / kept the replaced file: ${backup}`);
  if (flags.stats) printStats(io, 'setupSheets', takeStats(session.emu.stats));
  return 0;
}

/**
 * The demo's sample council, written into 設定's 団体名 as staff write their own: シート準備 leaves it
 * blank (a workbook without its own name shows none), but the demo is a sample council.
 */
export const DEMO_ORGANIZATION = 'つなぐ市社会福祉協議会（サンプル）';

function nameDemoCouncil(session: Session): void {
  const settings = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('設定');
  const rows = settings?.getDataRange().getValues() ?? [];
  const at = rows.findIndex((row) => String(row[0]).trim() === '団体名');
  if (!settings || at < 0) throw new Error('シート準備 made no 団体名 row in 設定');
  settings.getRange(at + 1, 2).setValue(DEMO_ORGANIZATION);
}

/** Runs シート準備 through the real bundle, then fills the data sheets as staff would have typed them. */
export function buildDemo(
  session: Session,
  options: { seed: number; volunteers: number; requests: number; ledgerScale?: Partial<LedgerScale> },
) {
  const setup = session.run('setupSheets') as { ok: boolean; error?: { en: string } };
  if (!setup.ok) throw new Error(`setupSheets failed: ${setup.error?.en ?? 'unknown error'}`);
  const spreadsheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const blank = spreadsheet.getSheetByName('シート1');
  if (blank) spreadsheet.deleteSheet(blank);
  const settings = parseSettings(defaultSettingsRows()).settings;
  const book = generateDemoBook({ ...options, areas: settings.areas, adjacentAreas: settings.adjacentAreas });
  for (const sheet of book.sheets) session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
  nameDemoCouncil(session);
  // The workbook opens on the roster, as staff would leave it.
  spreadsheet.getSheets()[0]?.activate();
  return book;
}
