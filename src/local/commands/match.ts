/** tsunagu match: the マッチング action on an .xlsx through the real bundle, each pair named as staff read it. */
import type { MatchReport, MatchView } from '../../shared/rpc';
import { type Flags, call, openBook, report, saveBook } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';

/** 「R-0001（木村様）」: an id with the name staff know it by. */
function named(id: string, name: string): string {
  return name ? `${printable(id)}（${printable(name)}）` : printable(id);
}

/** match: exit 0 when every place is filled, 1 when some stay unfilled, 2 for unusable input. */
export async function runMatch(rest: string[], flags: Flags, io: Io): Promise<number> {
  const path = rest[0];
  if (!path || rest.length > 1)
    throw new UsageError(
      '使い方: tsunagu match <book.xlsx> [--json] [--write] / usage: tsunagu match <book.xlsx> [--json] [--write]',
    );
  const session = await openBook(path, flags);
  const found = call<MatchReport>(session, path, 'getMatchReport');
  const r = found.value;
  const lines: string[] = [];
  for (const a of r.assignments) {
    lines.push(
      `${named(a.requestId, a.requester)} ← ${named(a.volunteerId, a.volunteerName)}  ${a.score}点  ${a.reasons.map(printable).join('・')}`,
    );
  }
  for (const u of r.unmatched) {
    lines.push(`${named(u.requestId, u.requester)}: あと${u.missing}人不足 — ${u.reasons.map(printable).join('・')}`);
  }
  const s = r.stats;
  lines.push(
    `充足 ${s.filledPlaces}/${s.totalPlaces}人分・合計スコア ${s.score} / filled ${s.filledPlaces} of ${s.totalPlaces} places, total score ${s.score}`,
  );
  let stats = found.stats;
  let action = 'getMatchReport';
  let saved;
  if (flags.write) {
    const written = call<MatchView>(session, path, 'runMatching');
    saved = await saveBook(session);
    stats = written.stats;
    action = 'runMatching';
    lines.push(
      `「${written.value.resultSheet}」と「${written.value.shortageSheet}」を書き込みました / wrote ${written.value.resultSheet} and ${written.value.shortageSheet}`,
    );
  }
  report(io, flags, {
    json: r,
    // The report's own stats (places filled, score) and the action's cost share the one "stats" object.
    jsonWithStats: { ...r, stats: { ...r.stats, ...stats.summary } },
    lines,
    stats,
    action,
    ...(saved ? { saved } : {}),
  });
  return s.filledPlaces < s.totalPlaces ? 1 : 0;
}
