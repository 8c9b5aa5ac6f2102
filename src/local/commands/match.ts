/** tsunagu match: the マッチング action on an .xlsx through the real bundle, each pair named as staff read it. */
import type { MatchReport, MatchView } from '../../shared/rpc';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { addStats, printStats, type ActionStats } from './stats';
import { printable } from './text';

/** 「R-0001（木村様）」: an id with the name staff know it by. */
function named(id: string, name: string): string {
  return name ? `${printable(id)}（${printable(name)}）` : printable(id);
}

/** match: exit 0 when every place is filled, 1 when some stay unfilled, 2 for unusable input, 3 when the write failed. */
export async function runMatch(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const path = rest[0];
  if (!path || rest.length > 1)
    throw new UsageError(
      '使い方: tsunagu match <book.xlsx> [--json] [--write [--yes]] / usage: tsunagu match <book.xlsx> [--json] [--write [--yes]]',
    );
  const book = await Book.open(path, flags, io, context);
  const found = book.read<MatchReport>('getMatchReport');
  const r = found.value;
  let lines: string[] = [];
  // With more than one live 依頼 sheet or roster, each pair says which sheet and row it comes from.
  const requestSheets = new Set([
    ...r.assignments.map((a) => a.requestSheet),
    ...r.unmatched.map((u) => u.requestSheet),
  ]);
  const rosterSheets = new Set(r.assignments.map((a) => a.volunteerSheet));
  const at = (sheet: string, row: number, many: boolean): string => (many ? `［${printable(sheet)} ${row}行目］` : '');
  for (const a of r.assignments) {
    lines.push(
      `${named(a.requestId, a.requester)}${at(a.requestSheet, a.requestRow, requestSheets.size > 1)} ← ${named(a.volunteerId, a.volunteerName)}${at(a.volunteerSheet, a.volunteerRow, rosterSheets.size > 1)}  ${a.score}点  ${a.reasons.map(printable).join('・')}`,
    );
  }
  for (const u of r.unmatched) {
    lines.push(
      `${named(u.requestId, u.requester)}${at(u.requestSheet, u.requestRow, requestSheets.size > 1)}: あと${u.missing}人不足 — ${u.reasons.map(printable).join('・')}`,
    );
  }
  for (const w of r.warnings) lines.push(`※ ${printable(w.ja)} / ${printable(w.en)}`);
  const s = r.stats;
  lines.push(
    `充足 ${s.filledPlaces}/${s.totalPlaces}人分・合計スコア ${s.score} / filled ${s.filledPlaces} of ${s.totalPlaces} places, total score ${s.score}`,
  );
  if (!flags.write) {
    report(io, flags, {
      json: r,
      // The report's own stats (places filled, score) and the action's cost share the one "stats" object.
      jsonWithStats: { ...r, stats: { ...r.stats, ...found.stats.summary } },
      lines,
      stats: found.stats,
      action: 'getMatchReport',
    });
    return s.filledPlaces < s.totalPlaces ? 1 : 0;
  }
  lines = book.preview(lines);
  await book.confirm(
    'マッチング結果と不足分析のシートを書き直します（職員の承認・メモは組み合わせと一緒に残ります）/ this rewrites マッチング結果 and 不足分析 (staff approvals and notes stay with their pair)',
  );
  // A workbook too large for one Apps Script call is matched in parts, each one execution, as the sidebar runs them.
  const parts: ActionStats[] = [];
  const step = async (name: string, ...args: unknown[]): Promise<MatchView> => {
    const { value, stats } = await book.writeStep<MatchView>(name, ...args);
    parts.push(stats);
    return value;
  };
  let view = await step('runMatching');
  while (view.running) view = await step('continueMatching', view.running.runId);
  const written = { stats: addStats(parts), saved: await book.saveChanges() };
  if (flags.stats && !flags.json && parts.length > 1) {
    parts.forEach((part, i) =>
      printStats(io, i === 0 ? 'runMatching' : `continueMatching ${i}/${parts.length - 1}`, part),
    );
  }
  lines.push(
    `「${printable(view.resultSheet)}」と「${printable(view.shortageSheet)}」を書き込みました / wrote ${printable(view.resultSheet)} and ${printable(view.shortageSheet)}`,
    // The sheet notices and matching's warnings are listed above already; the rest are about the output sheets.
    ...view.warnings
      .filter((w) => !r.warnings.some((x) => x.ja === w.ja))
      .map((w) => `${printable(w.ja)} / ${printable(w.en)}`),
  );
  report(io, flags, {
    json: r,
    jsonWithStats: { ...r, stats: { ...r.stats, ...written.stats.summary } },
    lines,
    stats: written.stats,
    action: 'runMatching',
    saved: written.saved,
  });
  return s.filledPlaces < s.totalPlaces ? 1 : 0;
}
