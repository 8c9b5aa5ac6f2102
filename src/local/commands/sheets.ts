/** tsunagu sheets: shows each sheet's detected kind and column mapping, through the same RPCs the sidebar calls. */
import type { MappingView, SidebarState } from '../../shared/rpc';
import { Session } from '../session';
import { type Io, UsageError, unwrap } from './io';
import { printStats, takeStats } from './stats';

export interface SheetsFlags {
  json?: boolean;
  stats?: boolean;
}

export async function runSheets(rest: string[], flags: SheetsFlags, io: Io): Promise<number> {
  const path = rest[0];
  if (!path || rest.length > 1)
    throw new UsageError('使い方: tsunagu sheets <book.xlsx> [--json] / usage: tsunagu sheets <book.xlsx> [--json]');
  const session = await Session.open(path);
  session.emu.stats.reset();
  const state = unwrap<SidebarState>(session.run('getSidebarState'), path);
  const recognised = state.sheets.filter((s) => s.kind !== null);
  if (recognised.length === 0) {
    throw new UsageError(
      `認識できるシートがありません: ${path}（見出し行に 氏名・フリガナ・電話番号 などの列名が必要です）/ no recognisable sheet in ${path}`,
    );
  }
  const mappings = recognised.map((s) => unwrap<MappingView>(session.run('getMapping', s.name), `${path} / ${s.name}`));
  const stats = takeStats(session.emu.stats);
  if (flags.json) {
    const report = { sheets: state.sheets, mappings, missingStandardSheets: state.missingStandardSheets };
    io.out(JSON.stringify(flags.stats ? { ...report, stats: stats.summary } : report, null, 2));
  } else {
    for (const sheet of state.sheets) {
      if (sheet.kind === null) {
        io.out(`・${sheet.name}: 認識できません / not recognised — ${sheet.reason?.ja ?? ''}`);
        continue;
      }
      const mark = sheet.confirmed ? '確認済み / confirmed' : '自動検出 / detected';
      io.out(
        `・${sheet.name}: ${sheet.kindLabel}（${sheet.kind}）見出し ${sheet.headerRow}行目, ${sheet.dataRows}行, ${mark}`,
      );
      const mapping = mappings.find((m) => m.sheet === sheet.name);
      for (const column of mapping?.columns ?? []) {
        const field = mapping?.fields.find((f) => f.key === column.key);
        io.out(
          `    ${column.header || '（空欄）'} → ${field ? `${field.header} (${field.key})` : '（使わない / unused）'}`,
        );
      }
      if (sheet.missingRequired.length > 0)
        io.out(`    不足している必須列 / missing required: ${sheet.missingRequired.join('、')}`);
    }
    if (state.missingStandardSheets.length > 0) {
      io.out(`まだないシート / missing standard sheets: ${state.missingStandardSheets.join('、')}`);
    }
  }
  if (flags.stats && !flags.json) printStats(io, 'getSidebarState + getMapping', stats);
  return 0;
}
