/**
 * The time budget's walk-through: a demo workbook of a given scale in a Session, and every sidebar
 * action run on it in the order staff use them, each measured alone — its calls, cells, estimated
 * Apps Script time (docs/cost.md) and Node time. The bench prints it; the budget tests hold it.
 */
import { performance } from 'node:perf_hooks';
import type {
  FixPreview,
  FixResult,
  MappingView,
  MatchView,
  RpcEnvelope,
  UndoResult,
  ValidationView,
} from '../shared/rpc';
import { takeStats, type ActionStats } from './commands/stats';
import { buildDemo } from './commands/demo';
import { DEFAULT_SEED, DEMO_SCALES, type DemoScaleName } from './demo/index';
import type { CostRange } from './emulator/index';
import { Session } from './session';

/** A demo workbook of the given scale, made the way `tsunagu demo --scale` makes it. */
export function demoSession(scale: DemoScaleName, seed = DEFAULT_SEED, options: { now?: () => Date } = {}): Session {
  const session = Session.create('つなぐ デモ', options.now ? { now: options.now } : {});
  const { volunteers, requests, ledgerScale } = DEMO_SCALES[scale];
  buildDemo(session, { seed, volunteers, requests, ledgerScale });
  session.emu.stats.reset();
  return session;
}

/** One sidebar action as measured: what it was, its cost, and the Node time it took here. */
export interface MeasuredAction {
  action: string;
  stats: ActionStats;
  nodeMs: number;
  /** The peer: the same calls and writes with every read covering its sheet's whole used range (docs/cost.md). */
  wholeSheet: CostRange;
}

/**
 * Runs one RPC as one Apps Script execution (measured from nothing pending; the locks it holds are
 * released at its end) and returns its value; an error envelope throws with the server's message.
 */
export function measureRpc<T>(
  session: Session,
  name: string,
  args: unknown[],
  into: MeasuredAction[],
  label = name,
): T {
  session.emu.stats.reset();
  const start = performance.now();
  const envelope = session.run(name, ...args) as RpcEnvelope<T>;
  const nodeMs = performance.now() - start;
  session.emu.endExecution();
  into.push({
    action: label,
    stats: takeStats(session.emu.stats),
    nodeMs,
    wholeSheet: session.emu.stats.wholeSheetEstimate(),
  });
  if (!envelope.ok) throw new Error(`${label} failed: ${envelope.error.code} ${envelope.error.en}`);
  return envelope.value;
}

/**
 * 検証 as the sidebar runs it: one call, and for a workbook too large for one call the parts
 * after it (continueValidation), each measured as its own execution.
 */
export function validateInParts(session: Session, into: MeasuredAction[], label = 'runValidation'): ValidationView {
  let view = measureRpc<ValidationView>(session, 'runValidation', [], into, label);
  while (view.running) {
    const { runId, done, total } = view.running;
    view = measureRpc<ValidationView>(
      session,
      'continueValidation',
      [runId],
      into,
      `${label} part ${done + 1}/${total}`,
    );
  }
  return view;
}

/**
 * 安全な修正 as the sidebar runs it: applyFixes, and for a large workbook each part after it
 * (continueFixes), each measured as its own execution.
 */
export function applyInParts(session: Session, token: string, into: MeasuredAction[]): FixResult {
  let result = measureRpc<FixResult>(session, 'applyFixes', [token], into);
  while (result.running) {
    const { runId, done, total } = result.running;
    result = measureRpc<FixResult>(session, 'continueFixes', [runId], into, `continueFixes part ${done + 1}/${total}`);
  }
  return result;
}

/** 元に戻す as the sidebar runs it: 安全な修正 applied in parts is taken back part by part, each its own execution. */
export function undoInParts(session: Session, into: MeasuredAction[], label = 'undoLast'): UndoResult[] {
  const run = (measureRpc<{ run?: string } | null>(session, 'getUndoInfo', [], []) ?? {}).run;
  const done: UndoResult[] = [];
  for (let i = 1; ; i++) {
    const result = measureRpc<UndoResult>(session, 'undoLast', [], into, run ? `${label} ${i}` : label);
    done.push(result);
    if (run === undefined || result.undo?.run !== run) return done;
  }
}

/**
 * マッチング as the sidebar runs it: one call, and for a workbook too large for one call the parts
 * after it (continueMatching), each measured as its own execution.
 */
export function matchInParts(session: Session, into: MeasuredAction[], label = 'runMatching'): MatchView {
  let view = measureRpc<MatchView>(session, 'runMatching', [], into, label);
  while (view.running) {
    const { runId, done, total } = view.running;
    view = measureRpc<MatchView>(session, 'continueMatching', [runId], into, `${label} part ${done + 1}/${total}`);
  }
  return view;
}

/**
 * Every sidebar action in the order staff use them: open the sidebar, シート準備, check and confirm
 * a mapping, 検証 (twice: the second replaces the first run's marks), ハイライトを消す, the safe
 * fixes' preview and apply, 元に戻す, マッチング, a pair decision, 承認, 確定 and 元に戻す again,
 * taking the mapping back and 履歴を消去.
 */
export function walkSidebar(session: Session): MeasuredAction[] {
  const out: MeasuredAction[] = [];
  const run = <T>(name: string, args: unknown[] = [], label = name): T =>
    measureRpc<T>(session, name, args, out, label);
  run('getSidebarState');
  run('setupSheets');
  const mapping = run<MappingView>('getMapping', ['ボランティア名簿']);
  const columns: Record<string, number> = {};
  for (const column of mapping.columns) if (column.key !== null) columns[column.key] = column.index;
  run('saveMapping', ['ボランティア名簿', { kind: mapping.kind, headerRow: mapping.headerRow, columns }]);
  validateInParts(session, out, 'runValidation (first)');
  validateInParts(session, out, 'runValidation (again)');
  run('selectCell', ['ボランティア名簿', 2, 2]);
  run('clearHighlights');
  const preview = run<FixPreview>('previewFixes');
  applyInParts(session, preview.token, out);
  run('getUndoInfo');
  undoInParts(session, out, 'undoLast (fixes)');
  const finish = (): MeasuredAction[] => {
    run('clearMapping', ['ボランティア名簿']);
    run('eraseHistory');
    return out;
  };
  const firstPair = (view: MatchView) => view.requests.flatMap((r) => r.pairs)[0];
  const excluded = firstPair(matchInParts(session, out));
  if (!excluded) return finish();
  const approved = firstPair(run<MatchView>('setPairDecision', [excluded.requestId, excluded.volunteerId, 'exclude']));
  if (!approved) return finish();
  run('setApproval', [approved.requestId, approved.volunteerId, true]);
  run('commitMatches');
  run('undoLast', [], 'undoLast (commit)');
  return finish();
}
