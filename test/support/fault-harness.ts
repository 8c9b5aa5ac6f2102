/**
 * The fault-injection harness (docs/safety.md): runs a writing action once to count its mutating
 * service calls, then once per N with call N failing as Apps Script fails on a timeout or quota,
 * and after each failure compares the whole workbook with its state before the action and with
 * the complete result. Anything between, or a reply that does not tell the truth, is a failure.
 */
import type { RpcEnvelope } from '../../src/shared/rpc';
import { needsFormulaGuard } from '../../src/core/text/formula';
import { diffSnapshots, sameSnapshot, type WorkbookSnapshot } from '../../src/local/emulator';
import { Session, type SessionOptions } from '../../src/local/session';

/** The clock every harness session runs on, so that every run of an action records the same. */
export const HARNESS_NOW = new Date('2026-11-26T03:00:00Z');

/** A fresh session on the fixed clock: what an action's arrange() starts from. */
export function harnessSession(name = 'フォールトテスト', options: SessionOptions = {}): Session {
  return Session.create(name, { now: () => HARNESS_NOW, ...options });
}

/** One writing action as the harness drives it. */
export interface WritingAction {
  /** What staff call it (シート準備, マッチング …): names the failures. */
  name: string;
  /**
   * A fresh session in the state the action starts from. Called once per run, so it must give the
   * same workbook every time (use harnessSession; the harness checks it).
   */
  arrange(): Session;
  /**
   * Runs the action the way the sidebar does: the bundle's RPC through the sandbox (reads it needs
   * first, such as a preview token, may be made here too). Returns the envelope.
   */
  act(session: Session): RpcEnvelope<unknown>;
  /**
   * State outside the workbook that the action also changes (forms, triggers …), compared like
   * the workbook. Must be JSON-comparable.
   */
  observe?(session: Session): unknown;
  /**
   * The formulas the action may write on purpose (検証結果's links, staff's own formulas moved with
   * their row, a formula 元に戻す puts back). Any other value it writes that Sheets could read as a
   * formula is a failure: text must be written guarded.
   */
  formulas?: RegExp;
}

/** 検証結果's link to a cell: =HYPERLINK("#gid=…&range=B5","シート!B5"). */
export const CELL_LINK = /^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+","[^"]*"\)$/;

/** What one faulted run came to. */
export interface FaultOutcome {
  /** The failed mutating call, 1-based, and its name. */
  n: number;
  call: string;
  /** The state the workbook was left in. */
  state: 'before' | 'after' | 'between';
  reply: 'ok' | 'error';
  message: string;
}

export interface HarnessReport {
  action: string;
  /** The mutating calls of a run without faults, in order. */
  mutations: string[];
  outcomes: FaultOutcome[];
  /** Every run that broke the rule, explained; [] when the action is all or nothing. */
  failures: string[];
}

/** What a reply may say only when the workbook is exactly as it was. */
export const NOTHING_CHANGED_JA = /何も変更されていません|何も変更していません|すべて元に戻しました/;
export const NOTHING_CHANGED_EN = /[Nn]othing was changed|rolled back/;

interface State {
  workbook: WorkbookSnapshot;
  outside: string;
}

function stateOf(action: WritingAction, session: Session): State {
  return { workbook: session.emu.snapshot(), outside: JSON.stringify(action.observe?.(session) ?? null) };
}

function sameState(a: State, b: State): boolean {
  return a.outside === b.outside && sameSnapshot(a.workbook, b.workbook);
}

function describeDiff(a: State, b: State): string {
  const lines = diffSnapshots(a.workbook, b.workbook, 8);
  if (a.outside !== b.outside) lines.push(`outside the workbook: ${a.outside} → ${b.outside}`);
  return lines.map((l) => `      ${l}`).join('\n');
}

function messageOf(envelope: RpcEnvelope<unknown>): { ja: string; en: string } {
  return envelope.ok ? { ja: '', en: '' } : { ja: envelope.error.ja, en: envelope.error.en };
}

/**
 * Proves that an action is all or nothing: after a failure at each of its mutating calls, the
 * workbook (and what observe() returns) equals the state before the action or the complete result,
 * never anything between; a reply that says nothing changed comes only with the state before, a
 * successful reply only with the complete result, and a failure that left nothing changed says so.
 */
export function proveAllOrNothing(action: WritingAction): HarnessReport {
  const base = action.arrange();
  const before = stateOf(action, base);
  base.emu.failAtMutation(null);
  const inputs = base.emu.recordInputs();
  const clean = action.act(base);
  base.emu.stopRecordingInputs();
  if (!clean.ok) throw new Error(`${action.name}: fails without any fault: ${clean.error.code} ${clean.error.en}`);
  const mutations = [...base.emu.mutations];
  const after = stateOf(action, base);
  if (mutations.length === 0) throw new Error(`${action.name}: makes no mutating call, so it is not a writing action`);
  if (sameState(before, after)) throw new Error(`${action.name}: changes nothing, so there is nothing to prove`);

  const outcomes: FaultOutcome[] = [];
  const failures: string[] = [];
  for (const w of inputs) {
    if (typeof w.input !== 'string' || !needsFormulaGuard(w.input)) continue;
    if (action.formulas?.test(w.input)) continue;
    failures.push(
      `${action.name}: wrote ${JSON.stringify(w.input)} into ${w.sheet} R${w.row}C${w.column}, which Sheets reads as a formula`,
    );
  }
  for (let n = 1; n <= mutations.length; n++) {
    const session = action.arrange();
    const start = stateOf(action, session);
    if (!sameState(start, before)) {
      throw new Error(`${action.name}: arrange() is not deterministic:\n${describeDiff(before, start)}`);
    }
    session.emu.failAtMutation(n);
    const envelope = action.act(session);
    const reached = session.emu.mutations.length;
    const call = session.emu.mutations[n - 1] ?? '(not reached)';
    session.emu.failAtMutation(null);
    if (reached < n) {
      failures.push(
        `${action.name}, fault at call ${n}: the run made only ${reached} mutating calls (not deterministic)`,
      );
      continue;
    }
    const end = stateOf(action, session);
    const state = sameState(end, before) ? 'before' : sameState(end, after) ? 'after' : 'between';
    const { ja, en } = messageOf(envelope);
    outcomes.push({ n, call, state, reply: envelope.ok ? 'ok' : 'error', message: ja });
    const where = `${action.name}, fault at call ${n} of ${mutations.length} (${call})`;
    if (state === 'between') {
      failures.push(
        `${where}: left the workbook between before and after (reply: ${envelope.ok ? 'ok' : ja})\n` +
          `    against before:\n${describeDiff(before, end)}\n    against after:\n${describeDiff(after, end)}`,
      );
    } else if (state === 'before' && envelope.ok) {
      failures.push(`${where}: replied as if it succeeded, but nothing was written`);
    } else if (state === 'before' && !(NOTHING_CHANGED_JA.test(ja) && NOTHING_CHANGED_EN.test(en))) {
      failures.push(`${where}: nothing was changed, but the reply does not say so: ${ja} / ${en}`);
    } else if (state === 'after' && !envelope.ok) {
      failures.push(`${where}: the action completed, but the reply says it failed: ${ja}`);
    }
  }
  return { action: action.name, mutations, outcomes, failures };
}

/** One line per run: the call that failed and what came of it (B before, A after, X between), then the first failures. */
export function summarize(report: HarnessReport, failures = 3): string {
  const runs = report.outcomes
    .map((o) => `${o.n}${o.state === 'before' ? 'B' : o.state === 'after' ? 'A' : 'X'}`)
    .join(' ');
  return [
    `${report.action}: ${report.mutations.length} mutating calls (${report.mutations.join(', ')})`,
    `runs: ${runs}`,
    ...report.failures.slice(0, failures),
    report.failures.length > failures ? `… and ${report.failures.length - failures} more failures` : '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
