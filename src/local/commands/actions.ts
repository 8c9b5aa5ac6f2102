/** The sidebar's other actions from the command line: setup, clear-highlights, undo, approve, commit, pin / exclude / unpin — each one RPC through the real bundle, confirmed, saved to the .xlsx. */
import type {
  CommitResult,
  EraseHistoryResult,
  HighlightResult,
  MatchView,
  SetupResult,
  SidebarState,
  UndoInfo,
  UndoResult,
} from '../../shared/rpc';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { addStats, printStats, type ActionStats } from './stats';
import { printable } from './text';

function args(rest: string[], count: number, usage: string): string[] {
  if (rest.length !== count || rest.some((a) => a === '')) throw new UsageError(usage);
  return rest;
}

/** setup: シート準備 — creates the standard sheets the workbook lacks; existing sheets are not touched. */
export async function runSetup(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const [path] = args(
    rest,
    1,
    '使い方: tsunagu setup <book.xlsx> [--yes] / usage: tsunagu setup <book.xlsx> [--yes]',
  ) as [string];
  const book = await Book.open(path, flags, io, context);
  const state = book.read<SidebarState>('getSidebarState');
  const missing = state.value.missingStandardSheets;
  if (missing.length === 0) {
    const existing = state.value.sheets.filter((s) => s.kind !== null).map((s) => s.name);
    report(io, flags, {
      json: { created: [], existing } satisfies SetupResult,
      stats: state.stats,
      action: 'getSidebarState',
      lines: ['標準のシートはすべて揃っています / all standard sheets are already here'],
    });
    return 0;
  }
  const list = missing.map(printable).join('、');
  await book.confirm(`シート準備: ${list} を作成します / setup will create ${list}`);
  const { value, stats, saved } = await book.write<SetupResult>('setupSheets');
  report(io, flags, {
    json: value,
    stats,
    action: 'setupSheets',
    saved,
    lines: [
      value.created.length > 0
        ? `作成したシート / created: ${value.created.map(printable).join('、')}`
        : '標準のシートはすべて揃っています / all standard sheets are already here',
      ...(value.existing.length > 0
        ? [`既にあるシート / already there: ${value.existing.map(printable).join('、')}`]
        : []),
    ],
  });
  return 0;
}

/** clear-highlights: ハイライトを消す — takes 検証's fills and notes off; notes staff wrote come back. */
export async function runClearHighlights(
  rest: string[],
  flags: Flags,
  io: Io,
  context: CliContext = {},
): Promise<number> {
  const [path] = args(
    rest,
    1,
    '使い方: tsunagu clear-highlights <book.xlsx> [--yes] / usage: tsunagu clear-highlights <book.xlsx> [--yes]',
  ) as [string];
  const book = await Book.open(path, flags, io, context);
  await book.confirm(
    '検証で付けたセルの色とメモを消します（職員が書いたメモは残ります）/ this takes off the fills and notes 検証 added (notes staff wrote stay)',
  );
  const { value, stats, saved } = await book.write<HighlightResult>('clearHighlights');
  report(io, flags, {
    json: value,
    stats,
    action: 'clearHighlights',
    saved,
    lines: [
      value.restored === 0
        ? '消す印はありませんでした / there were no marks to take off'
        : `${value.restored}個のセルの色と検証メモを消しました（職員が書いたメモ ${value.notesKept}件はそのまま）/ took the marks off ${value.restored} cells; ${value.notesKept} notes staff wrote are kept`,
    ],
  });
  return 0;
}

/** undo: 元に戻す — takes back the last 安全な修正 or 確定 exactly; --dry-run says what it would take back. */
export async function runUndo(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const [path] = args(
    rest,
    1,
    '使い方: tsunagu undo <book.xlsx> [--dry-run] [--yes] / usage: tsunagu undo <book.xlsx> [--dry-run] [--yes]',
  ) as [string];
  const book = await Book.open(path, flags, io, context);
  const info = book.read<UndoInfo | null>('getUndoInfo');
  const last = info.value;
  if (last === null && !flags['dry-run']) {
    throw new UsageError(`${path}: 元に戻せる操作はありません / there is nothing to undo`);
  }
  if (flags['dry-run'] || last === null) {
    report(io, flags, {
      json: { undo: last },
      stats: info.stats,
      action: 'getUndoInfo',
      lines: [
        last
          ? `元に戻せる操作 / would undo: ${printable(last.label.ja)} / ${printable(last.label.en)}（${last.at}）`
          : '元に戻せる操作はありません / there is nothing to undo',
      ],
    });
    return 0;
  }
  await book.confirm(
    `「${printable(last.label.ja)}」（${last.at}）を元に戻します / this undoes "${printable(last.label.en)}"`,
  );
  // 安全な修正 applied in parts is taken back part by part, each one execution, while the next
  // action to undo belongs to the same run.
  const parts: ActionStats[] = [];
  const done: UndoResult[] = [];
  for (;;) {
    const { value, stats } = await book.writeStep<UndoResult>('undoLast');
    parts.push(stats);
    done.push(value);
    if (last.run === undefined || value.undo?.run !== last.run) break;
  }
  const saved = await book.saveChanges();
  if (flags.stats && !flags.json && parts.length > 1) {
    parts.forEach((part, i) => printStats(io, `undoLast ${i + 1}/${parts.length}`, part));
  }
  const value = done.length === 1 ? (done[0] as UndoResult) : { ...(done[done.length - 1] as UndoResult), parts: done };
  report(io, flags, {
    json: value,
    stats: addStats(parts),
    action: 'undoLast',
    saved,
    lines: done.map(
      (v) =>
        `「${printable(v.label.ja)}」を元に戻しました（${v.cells}セル）/ undid "${printable(v.label.en)}" (${v.cells} cells)`,
    ),
  });
  return 0;
}

/** erase-history: 履歴を消去 — deletes the record of past actions after asking; nothing done before can be undone then. */
export async function runEraseHistory(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const [path] = args(
    rest,
    1,
    '使い方: tsunagu erase-history <book.xlsx> [--yes] / usage: tsunagu erase-history <book.xlsx> [--yes]',
  ) as [string];
  const book = await Book.open(path, flags, io, context);
  await book.confirm(
    '操作の履歴を消去します。これまでの操作は元に戻せなくなります / this erases the history: nothing done so far can be undone afterwards',
  );
  const { value, stats, saved } = await book.write<EraseHistoryResult>('eraseHistory');
  report(io, flags, {
    json: value,
    stats,
    action: 'eraseHistory',
    saved,
    lines: [
      `履歴を消去しました（${value.erased}件の操作の記録）/ erased the history (${value.erased} recorded actions)`,
    ],
  });
  return 0;
}

/** approve: ticks 承認 for one pair of マッチング結果 (--off clears it). */
export async function runApprove(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const usage =
    '使い方: tsunagu approve <book.xlsx> <依頼番号> <登録番号> [--off] [--yes] / usage: tsunagu approve <book.xlsx> <request id> <volunteer id> [--off] [--yes]';
  const [path, requestId, volunteerId] = args(rest, 3, usage) as [string, string, string];
  const book = await Book.open(path, flags, io, context);
  const approve = flags.off !== true;
  const pair = `${printable(requestId)} ← ${printable(volunteerId)}`;
  await book.confirm(
    approve
      ? `マッチング結果の ${pair} に承認を付けます / this approves ${pair}`
      : `マッチング結果の ${pair} の承認を外します / this clears the approval of ${pair}`,
  );
  const { value, stats, saved } = await book.write<{ approved: number }>(
    'setApproval',
    requestId,
    volunteerId,
    approve,
  );
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

/** commit: 確定 — writes the approved pairs into 依頼 (担当ボランティア, 状態 → 紹介済), all or nothing; exit 1 when some approved pairs were refused. */
export async function runCommit(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const [path] = args(
    rest,
    1,
    '使い方: tsunagu commit <book.xlsx> [--yes] / usage: tsunagu commit <book.xlsx> [--yes]',
  ) as [string];
  const book = await Book.open(path, flags, io, context);
  await book.confirm(
    '承認した組み合わせを依頼シートに確定します（担当ボランティアと状態を書き込みます）/ this writes the approved pairs into 依頼 (担当ボランティア and 状態)',
  );
  const { value, stats, saved } = await book.write<CommitResult>('commitMatches');
  const refused = value.refused.map(
    (r) =>
      `確定しなかった組み合わせ / not committed: ${printable(r.requestId)} ← ${printable(r.volunteerId)} — ${printable(r.reason.ja)} / ${printable(r.reason.en)}`,
  );
  report(io, flags, {
    json: value,
    stats,
    action: 'commitMatches',
    saved,
    lines: [
      `${value.committed}組を依頼 ${value.requests}件に確定しました（元に戻すは tsunagu undo）/ committed ${value.committed} pairs into ${value.requests} requests (tsunagu undo takes it back)`,
      ...refused,
    ],
  });
  return value.refused.length > 0 ? 1 : 0;
}

const DECISIONS = {
  pin: { rpc: 'pin', ja: '固定', en: 'pin' },
  exclude: { rpc: 'exclude', ja: '除外', en: 'exclude' },
  unpin: { rpc: 'none', ja: '指定解除', en: 'free' },
} as const;

/** pin / exclude / unpin: 固定, 除外 or neither for one pair (マッチング結果's 指定), then matches again; exit 1 while places stay unfilled. */
export async function runDecision(
  decision: keyof typeof DECISIONS,
  rest: string[],
  flags: Flags,
  io: Io,
  context: CliContext = {},
): Promise<number> {
  const usage = `使い方: tsunagu ${decision} <book.xlsx> <依頼番号> <登録番号> [--yes] / usage: tsunagu ${decision} <book.xlsx> <request id> <volunteer id> [--yes]`;
  const [path, requestId, volunteerId] = args(rest, 3, usage) as [string, string, string];
  const book = await Book.open(path, flags, io, context);
  const said = DECISIONS[decision];
  const pair = `${printable(requestId)} ← ${printable(volunteerId)}`;
  await book.confirm(
    `${pair} を${said.ja}し、マッチングをやり直してマッチング結果と不足分析を書き直します / this will ${said.en} ${pair}, match again and rewrite マッチング結果 and 不足分析`,
  );
  const { value, stats, saved } = await book.write<MatchView>('setPairDecision', requestId, volunteerId, said.rpc);
  const s = value.stats;
  report(io, flags, {
    json: value,
    stats,
    action: 'setPairDecision',
    saved,
    lines: [
      `${pair} を${said.ja}しました。マッチングをやり直しました / ${said.en}: ${pair}, matched again`,
      `充足 ${s.filledPlaces}/${s.totalPlaces}人分・合計スコア ${s.score} / filled ${s.filledPlaces} of ${s.totalPlaces} places, total score ${s.score}`,
    ],
  });
  return s.filledPlaces < s.totalPlaces ? 1 : 0;
}
