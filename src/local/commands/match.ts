/** tsunagu match: the マッチング action on an .xlsx through the real bundle. */
import type { MatchReport, MatchView } from '../../shared/rpc';
import { Book, type CliContext } from './book';
import { type Io, UsageError } from './io';
import { printStats, takeStats, type ActionStats } from './stats';

export interface MatchFlags {
  json?: boolean;
  write?: boolean;
  stats?: boolean;
}

/** match: exit 0 on success, 2 for unusable input. */
export async function runMatch(rest: string[], flags: MatchFlags, io: Io, context: CliContext = {}): Promise<number> {
  const path = rest[0];
  if (!path || rest.length > 1)
    throw new UsageError(
      '使い方: tsunagu match <book.xlsx> [--json] [--write] / usage: tsunagu match <book.xlsx> [--json] [--write]',
    );
  const book = await Book.open(path, io, context);
  const session = book.session;
  session.emu.stats.reset();
  const found = book.read<MatchReport>('getMatchReport');
  const readStats = takeStats(session.emu.stats);
  let writeStats: ActionStats | null = null;
  let written = '';
  if (flags.write) {
    session.emu.stats.reset();
    const view = await book.write<MatchView>('runMatching');
    writeStats = takeStats(session.emu.stats);
    written = `「${view.resultSheet}」と「${view.shortageSheet}」を書き込んで保存しました / wrote ${view.resultSheet} and ${view.shortageSheet}, saved ${path}`;
  }
  const stats = writeStats ?? readStats;
  // The report's own stats (places filled, score) and the action's cost share the one "stats" object.
  if (flags.json)
    io.out(JSON.stringify(flags.stats ? { ...found, stats: { ...found.stats, ...stats.summary } } : found, null, 2));
  else {
    for (const a of found.assignments)
      io.out(`${a.requestId} ← ${a.volunteerId}  ${a.score}点  ${a.reasons.join('・')}`);
    for (const u of found.unmatched) io.out(`${u.requestId}: あと${u.missing}人不足 — ${u.reasons.join('・')}`);
    const s = found.stats;
    io.out(
      `充足 ${s.filledPlaces}/${s.totalPlaces}人分・合計スコア ${s.score} / filled ${s.filledPlaces} of ${s.totalPlaces} places, total score ${s.score}`,
    );
    if (written) io.out(written);
    if (flags.stats) printStats(io, writeStats ? 'runMatching' : 'getMatchReport', stats);
  }
  return 0;
}
