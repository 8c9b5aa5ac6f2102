/** tsunagu sheets: shows each sheet's detected kind and column mapping, through the same RPCs the sidebar calls. */
import type { MappingView, SidebarState } from '../../shared/rpc';
import { Session } from '../session';
import { type Flags, report } from './book';
import { type Io, UsageError, unwrap } from './io';
import { takeStats } from './stats';
import { printable } from './text';
import { liveLine } from './mapping';

/** sheets: exit 0, or 2 when no sheet is recognisable (unusable input). */
export async function runSheets(rest: string[], flags: Flags, io: Io): Promise<number> {
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
  const lines: string[] = [];
  for (const sheet of state.sheets) {
    if (sheet.kind === null) {
      lines.push(`・${printable(sheet.name)}: 認識できません / not recognised — ${printable(sheet.reason?.ja ?? '')}`);
      continue;
    }
    const mark = sheet.confirmed ? '確認済み / confirmed' : '自動検出 / detected';
    lines.push(
      `・${printable(sheet.name)}: ${sheet.kindLabel}（${sheet.kind}）見出し ${sheet.headerRow}行目, ${sheet.dataRows}行, ${mark}`,
    );
    const mapping = mappings.find((m) => m.sheet === sheet.name);
    if (mapping) lines.push(`  ${liveLine(mapping)}`);
    for (const column of mapping?.columns ?? []) {
      const field = mapping?.fields.find((f) => f.key === column.key);
      lines.push(
        `    ${printable(column.header) || '（空欄）'} → ${field ? `${field.header} (${field.key})` : '（使わない / unused）'}`,
      );
    }
    if (sheet.missingRequired.length > 0) {
      lines.push(`    不足している必須列 / missing required: ${sheet.missingRequired.join('、')}`);
    }
  }
  if (state.missingStandardSheets.length > 0) {
    lines.push(`まだないシート / missing standard sheets: ${state.missingStandardSheets.join('、')}`);
  }
  report(io, flags, {
    json: { sheets: state.sheets, mappings, missingStandardSheets: state.missingStandardSheets },
    lines,
    stats,
    action: 'getSidebarState + getMapping',
  });
  return 0;
}
