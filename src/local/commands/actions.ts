/** The sidebar's other actions from the command line: setup, clear-highlights, undo, approve, commit, pin / exclude / unpin — each one RPC through the real bundle, saved to the .xlsx. */
import type {
  CommitResult,
  HighlightResult,
  MatchView,
  SetupResult,
  UndoInfo,
  UndoResult,
} from '../../shared/rpc';
import { type Flags, call, openBook, report, saveBook } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';

function args(rest: string[], count: number, usage: string): string[] {
  if (rest.length !== count || rest.some((a) => a === '')) throw new UsageError(usage);
  return rest;
}

/** setup: シート準備 — creates the standard sheets the workbook lacks; existing sheets are not touched. */
export async function runSetup(rest: string[], flags: Flags, io: Io): Promise<number> {
  const [path] = args(rest, 1, '使い方: tsunagu setup <book.xlsx> / usage: tsunagu setup <book.xlsx>') as [string];
  const session = await openBook(path, flags);
  const { value, stats } = call<SetupResult>(session, path, 'setupSheets');
  const saved = value.created.length > 0 ? await saveBook(session) : undefined;
  report(io, flags, {
    json: value,
    stats,
    action: 'setupSheets',
    ...(saved ? { saved } : {}),
    lines: [
      value.created.length > 0
        ? `作成したシート / created: ${value.created.map(printable).join('、')}`
        : '標準のシートはすべて揃っています / all standard sheets are already here',
      ...(value.existing.length > 0 ? [`既にあるシート / already there: ${value.existing.map(printable).join('、')}`] : []),
    ],
  });
  return 0;
}

/** clear-highlights: ハイライトを消す — takes 検証's fills and notes off; notes staff wrote come back. */
export async function runClearHighlights(rest: string[], flags: Flags, io: Io): Promise<number> {
  const [path] = args(rest, 1, '使い方: tsunagu clear-highlights <book.xlsx> / usage: tsunagu clear-highlights <book.xlsx>') as [
    string,
  ];
  const session = await openBook(path, flags);
  const { value, stats } = call<HighlightResult>(session, path, 'clearHighlights');
  const saved = value.restored > 0 ? await saveBook(session) : undefined;
  report(io, flags, {
    json: value,
    stats,
    action: 'clearHighlights',
    ...(saved ? { saved } : {}),
    lines: [
      value.restored === 0
        ? '消す印はありませんでした / there were no marks to take off'
        : `${value.restored}個のセルの色と検証メモを消しました（職員が書いたメモ ${value.notesKept}件はそのまま）/ took the marks off ${value.restored} cells; ${value.notesKept} notes staff wrote are kept`,
    ],
  });
  return 0;
}

/** undo: 元に戻す — takes back the last 安全な修正 or 確定 exactly; --dry-run says what it would take back. */
export async function runUndo(rest: string[], flags: Flags, io: Io): Promise<number> {
  const [path] = args(rest, 1, '使い方: tsunagu undo <book.xlsx> [--dry-run] / usage: tsunagu undo <book.xlsx> [--dry-run]') as [
    string,
  ];
  const session = await openBook(path, flags);
  if (flags['dry-run']) {
    const { value, stats } = call<UndoInfo | null>(session, path, 'getUndoInfo');
    report(io, flags, {
      json: { undo: value },
      stats,
      action: 'getUndoInfo',
      lines: [
        value
          ? `元に戻せる操作 / would undo: ${printable(value.label.ja)} / ${printable(value.label.en)}（${value.at}）`
          : '元に戻せる操作はありません / there is nothing to undo',
      ],
    });
    return 0;
  }
  const { value, stats } = call<UndoResult>(session, path, 'undoLast');
  const saved = await saveBook(session);
  report(io, flags, {
    json: value,
    stats,
    action: 'undoLast',
    saved,
    lines: [
      `「${printable(value.label.ja)}」を元に戻しました（${value.cells}セル）/ undid "${printable(value.label.en)}" (${value.cells} cells)`,
    ],
  });
  return 0;
}

/** approve: ticks 承認 for one pair of マッチング結果 (--off clears it). */
export async function runApprove(rest: string[], flags: Flags, io: Io): Promise<number> {
  const usage =
    '使い方: tsunagu approve <book.xlsx> <依頼番号> <登録番号> [--off] / usage: tsunagu approve <book.xlsx> <request id> <volunteer id> [--off]';
  const [path, requestId, volunteerId] = args(rest, 3, usage) as [string, string, string];
  const session = await openBook(path, flags);
  const approve = flags.off !== true;
  const { value, stats } = call<{ approved: number }>(session, path, 'setApproval', requestId, volunteerId, approve);
  const saved = await saveBook(session);
  const pair = `${printable(requestId)} ← ${printable(volunteerId)}`;
  report(io, flags, {
    json: { requestId, volunteerId, approvedPair: approve, ...value },
    stats,
    action: 'setApproval',
    saved,
    lines: [
      approve
        ? `${pair} を承認しました（承認済み ${value.approved}組）/ approved ${pair} (${value.approved} approved)`
        : `${pair} の承認を外しました（承認済み ${value.approved}組）/ cleared the approval of ${pair} (${value.approved} approved)`,
    ],
  });
  return 0;
}

/** commit: 確定 — writes the approved pairs into 依頼 (担当ボランティア, 状態 → 紹介済), all or nothing. */
export async function runCommit(rest: string[], flags: Flags, io: Io): Promise<number> {
  const [path] = args(rest, 1, '使い方: tsunagu commit <book.xlsx> / usage: tsunagu commit <book.xlsx>') as [string];
  const session = await openBook(path, flags);
  const { value, stats } = call<CommitResult>(session, path, 'commitMatches');
  const saved = await saveBook(session);
  report(io, flags, {
    json: value,
    stats,
    action: 'commitMatches',
    saved,
    lines: [
      `${value.committed}組を依頼 ${value.requests}件に確定しました（元に戻すは tsunagu undo）/ committed ${value.committed} pairs into ${value.requests} requests (tsunagu undo takes it back)`,
    ],
  });
  return 0;
}

const DECISIONS = {
  pin: { rpc: 'pin', ja: '固定しました', en: 'pinned' },
  exclude: { rpc: 'exclude', ja: '除外しました', en: 'excluded' },
  unpin: { rpc: 'none', ja: '指定を外しました', en: 'freed' },
} as const;

/** pin / exclude / unpin: 固定, 除外 or neither for one pair (マッチング結果's 指定), then matches again. */
export async function runDecision(
  decision: keyof typeof DECISIONS,
  rest: string[],
  flags: Flags,
  io: Io,
): Promise<number> {
  const usage = `使い方: tsunagu ${decision} <book.xlsx> <依頼番号> <登録番号> / usage: tsunagu ${decision} <book.xlsx> <request id> <volunteer id>`;
  const [path, requestId, volunteerId] = args(rest, 3, usage) as [string, string, string];
  const session = await openBook(path, flags);
  const said = DECISIONS[decision];
  const { value, stats } = call<MatchView>(session, path, 'setPairDecision', requestId, volunteerId, said.rpc);
  const saved = await saveBook(session);
  const pair = `${printable(requestId)} ← ${printable(volunteerId)}`;
  const s = value.stats;
  report(io, flags, {
    json: value,
    stats,
    action: 'setPairDecision',
    saved,
    lines: [
      `${pair} を${said.ja}。マッチングをやり直しました / ${said.en} ${pair} and matched again`,
      `充足 ${s.filledPlaces}/${s.totalPlaces}人分・合計スコア ${s.score} / filled ${s.filledPlaces} of ${s.totalPlaces} places, total score ${s.score}`,
    ],
  });
  return 0;
}
