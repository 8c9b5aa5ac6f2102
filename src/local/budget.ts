/**
 * The time budget's walk-through: a demo workbook of a given scale in a Session, and every sidebar
 * action run on it in the order staff use them, each measured alone — its calls, cells, estimated
 * Apps Script time (docs/cost.md) and Node time. The bench prints it; the budget tests hold it.
 */
import { performance } from 'node:perf_hooks';
import type { FixPreview, MappingView, MatchView, RpcEnvelope, ValidationView } from '../shared/rpc';
import { takeStats, type ActionStats } from './commands/stats';
import { buildDemo } from './commands/demo';
import { DEFAULT_SEED, DEMO_SCALES, type DemoScaleName } from './demo/index';
import { Session } from './session';

/** A demo workbook of the given scale, made the way `tsunagu demo --scale` makes it. */
export function demoSession(scale: DemoScaleName, seed = DEFAULT_SEED): Session {
  const session = Session.create('つなぐ デモ');
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
  into.push({ action: label, stats: takeStats(session.emu.stats), nodeMs });
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
 * Every sidebar action in the order staff use them: open the sidebar, check and confirm a
 * mapping, 検証 (twice: the second replaces the first run's marks), ハイライトを消す, the safe fixes'
 * preview and apply, 元に戻す, マッチング, a pair decision, 承認, 確定 and 元に戻す again.
 */
export function walkSidebar(session: Session): MeasuredAction[] {
  const out: MeasuredAction[] = [];
  const run = <T>(name: string, args: unknown[] = [], label = name): T =>
    measureRpc<T>(session, name, args, out, label);
  run('getSidebarState');
  const mapping = run<MappingView>('getMapping', ['ボランティア名簿']);
  const columns: Record<string, number> = {};
  for (const column of mapping.columns) if (column.key !== null) columns[column.key] = column.index;
  run('saveMapping', ['ボランティア名簿', { kind: mapping.kind, headerRow: mapping.headerRow, columns }]);
  validateInParts(session, out, 'runValidation (first)');
  validateInParts(session, out, 'runValidation (again)');
  run('selectCell', ['ボランティア名簿', 2, 2]);
  run('clearHighlights');
  const preview = run<FixPreview>('previewFixes');
  run('applyFixes', [preview.token]);
  run('undoLast', [], 'undoLast (fixes)');
  const firstPair = (view: MatchView) => view.requests.flatMap((r) => r.pairs)[0];
  const excluded = firstPair(run<MatchView>('runMatching'));
  if (!excluded) return out;
  const approved = firstPair(run<MatchView>('setPairDecision', [excluded.requestId, excluded.volunteerId, 'exclude']));
  if (!approved) return out;
  run('setApproval', [approved.requestId, approved.volunteerId, true]);
  run('commitMatches');
  run('undoLast', [], 'undoLast (commit)');
  return out;
}
