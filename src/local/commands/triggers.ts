/**
 * tsunagu triggers: the installable triggers of a workbook offline — the form-submit trigger that
 * counts 新しい回答 and the scheduled 指標サマリー refresh: their state, --start / --stop / --seen as
 * the sidebar does, and --run-due, which runs the time-driven triggers due since the last check as
 * Apps Script would have (a cron job calling it plays the clock). Triggers are kept beside the
 * workbook in book.triggers.json, as forms are in book.forms.json.
 */
import type { RefreshSchedule, TriggerChange, TriggerStatus, TriggerView } from '../../shared/rpc';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';
import { takeStats } from './stats';

const USAGE =
  '使い方: tsunagu triggers <book.xlsx> [--json] [--as メール] [--start answers|summary [--schedule daily@6|monday@7] | --stop answers|summary | --seen | --run-due [--until 2026-12-07T06:30+09:00]] [--yes] / usage: the same';

/** --schedule daily@6, monday@7 (the hour in Tokyo, 0–23). */
export function scheduleOption(value: string | undefined): RefreshSchedule {
  if (value === undefined) return { every: 'day', hour: 6 };
  const match = /^(daily|monday|tuesday|wednesday|thursday|friday|saturday|sunday)@(\d{1,2})$/i.exec(value.trim());
  const hour = match ? Number(match[2]) : NaN;
  if (!match || !(hour >= 0 && hour <= 23)) {
    throw new UsageError(
      `--schedule は daily@6 や monday@7 のように指定してください（${value}）/ --schedule must be like daily@6 or monday@7 (got ${value})`,
    );
  }
  const every = (match[1] as string).toUpperCase();
  return every === 'DAILY'
    ? { every: 'day', hour }
    : { every: 'week', day: every as Extract<RefreshSchedule, { every: 'week' }>['day'], hour };
}

function kindOption(value: string, option: string): 'answers' | 'summary' {
  if (value === 'answers' || value === 'summary') return value;
  throw new UsageError(
    `${option} には answers か summary を指定してください（${value}）/ ${option} takes answers or summary (got ${value})`,
  );
}

function stateLine(label: string, view: TriggerView): string[] {
  const state = {
    off: 'オフ / off',
    mine: 'オン（このアカウント）/ on (this account)',
    other: `オン（${printable(view.owner || '不明')} のアカウント）/ on (runs as ${printable(view.owner || 'unknown')})`,
    missing: '見つかりません: もう一度オンにしてください / gone: turn it on again',
  }[view.state];
  const lines = [`${label}: ${state}`];
  if (view.state !== 'off')
    lines.push(`  所有者 / owner: ${printable(view.owner || '不明 / unknown')}（${view.since}）`);
  if (view.lastRun)
    lines.push(`  前回 / last run: ${view.lastRun.at} ${view.lastRun.ok ? '成功 / done' : '失敗 / failed'}`);
  if (view.lastFailure?.message) {
    lines.push(
      `  失敗 / failure: ${printable(view.lastFailure.message.ja)} / ${printable(view.lastFailure.message.en)}`,
    );
  }
  return lines;
}

function statusLines(status: TriggerStatus): string[] {
  const lines = [`アカウント / account: ${printable(status.user || '不明 / unknown')}`];
  lines.push(...stateLine('新しい回答の通知 / new answers', status.answers));
  for (const n of status.answers.newAnswers)
    lines.push(`  ${printable(n.form)}: 新しい回答 ${n.count}件 / ${n.count} new`);
  lines.push(...stateLine('指標サマリーの定期更新 / scheduled refresh', status.summary));
  const s = status.summary.schedule;
  if (s)
    lines.push(
      `  予定 / schedule: ${s.every === 'day' ? `daily@${s.hour}` : `${s.day.toLowerCase()}@${s.hour}`}（Asia/Tokyo）`,
    );
  return lines;
}

export async function runTriggers(rest: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path, ...extra] = rest;
  if (!path || extra.length > 0) throw new UsageError(USAGE);
  const actions = [flags.start, flags.stop, flags.seen, flags['run-due']].filter((x) => x !== undefined && x !== false);
  if (actions.length > 1)
    throw new UsageError(`--start・--stop・--seen・--run-due は一つだけ指定できます / give one of them: ${USAGE}`);
  if (flags.schedule !== undefined && flags.start !== 'summary')
    throw new UsageError('--schedule は --start summary と一緒に指定します / --schedule goes with --start summary');
  if (flags.until !== undefined && !flags['run-due'])
    throw new UsageError('--until は --run-due と一緒に指定します / --until goes with --run-due');
  const book = await Book.open(path, flags, io, context);
  if (flags.as !== undefined) book.session.emu.actAs(flags.as);

  if (flags['run-due']) return runDue(book, flags, io);
  if (flags.start !== undefined || flags.stop !== undefined || flags.seen) {
    const kind =
      flags.start !== undefined
        ? kindOption(flags.start, '--start')
        : flags.stop !== undefined
          ? kindOption(flags.stop, '--stop')
          : 'answers';
    const schedule = kind === 'summary' && flags.start !== undefined ? scheduleOption(flags.schedule) : null;
    const what = flags.seen
      ? '新しい回答の件数を0にします / marking new answers as seen'
      : flags.start !== undefined
        ? `${kind === 'answers' ? '新しい回答を数えるトリガー' : '指標サマリーの定期更新'}をこのアカウントでオンにします / turning on ${kind === 'answers' ? 'the form-submit trigger' : 'the scheduled refresh'} as this account`
        : `${kind === 'answers' ? '新しい回答を数えるトリガー' : '指標サマリーの定期更新'}を止めます / stopping ${kind === 'answers' ? 'the form-submit trigger' : 'the scheduled refresh'}`;
    const lines = book.preview([]);
    await book.confirm(what);
    const written = flags.seen
      ? await book.write<TriggerChange>('clearNewAnswers')
      : flags.start !== undefined
        ? kind === 'answers'
          ? await book.write<TriggerChange>('startAnswerTrigger')
          : await book.write<TriggerChange>('startSummaryTrigger', schedule)
        : await book.write<TriggerChange>('stopTrigger', kind);
    lines.push(
      `${printable(written.value.notice.ja)} / ${printable(written.value.notice.en)}`,
      ...statusLines(written.value.status),
    );
    report(io, flags, { json: written.value, lines, stats: written.stats, action: 'triggers', saved: written.saved });
    return 0;
  }
  const status = book.read<TriggerStatus>('getTriggerStatus');
  report(io, flags, {
    json: status.value,
    lines: statusLines(status.value),
    stats: status.stats,
    action: 'getTriggerStatus',
  });
  return 0;
}

/** One-off triggers made by runs and run in the same --run-due, at most (a guard against a chain that never ends). */
const MAX_ONE_OFF_ROUNDS = 200;

/**
 * --run-due: every time-driven trigger with a firing time since the last check (kept in
 * book.triggers.json) up to --until or now runs once, as its owner, with no Ui, and so do the one-off
 * triggers those runs leave that are due by then; then the check moves on. Exit 1 when a run failed (its failure is kept where the sidebar shows it, and printed).
 */
async function runDue(book: Book, flags: Flags, io: Io): Promise<number> {
  const session = book.session;
  const to = flags.until !== undefined ? new Date(flags.until) : session.emu.now();
  if (Number.isNaN(to.getTime()))
    throw new UsageError(
      `--until は日時を 2026-12-07T06:30+09:00 のように指定してください（${flags.until}）/ --until must be a date-time such as 2026-12-07T06:30+09:00`,
    );
  const from = session.triggersCheckedAt !== null ? new Date(session.triggersCheckedAt) : null;
  const due = from === null ? [] : session.emu.dueClockTriggers(from, to);
  const lines = book.preview([]);
  if (due.length > 0)
    await book.confirm(
      `時刻になったトリガー ${due.length}件を実行します / running ${due.length} due time-driven trigger(s)`,
    );
  session.emu.stats.reset();
  const runs = due.map((t) => session.emu.runClockTrigger(t.id));
  // The one-off triggers those runs leave (a scheduled refresh in parts hands each part on to one)
  // run too when they are due by --until: each an execution of its own, as Apps Script runs them.
  const ran = new Set(due.map((t) => t.id));
  for (let round = 0; from !== null && round < MAX_ONE_OFF_ROUNDS; round++) {
    const next = session.emu.dueClockTriggers(from, to).filter((t) => t.schedule?.at !== undefined && !ran.has(t.id));
    if (next.length === 0) break;
    for (const t of next) {
      ran.add(t.id);
      runs.push(session.emu.runClockTrigger(t.id));
    }
  }
  const stats = takeStats(session.emu.stats);
  session.triggersCheckedAt = to.toISOString();
  const saved = await book.saveChanges();
  const status = book.read<TriggerStatus>('getTriggerStatus').value;
  if (from === null)
    lines.push(
      '初めての確認です: これ以降に時刻になるトリガーを実行します / first check: triggers due from now on will run',
    );
  lines.push(`実行したトリガー / triggers run: ${runs.length}（${from?.toISOString() ?? '—'} → ${to.toISOString()}）`);
  for (const run of runs)
    lines.push(`  ${run.handler} as ${printable(run.owner)}: ${run.error === null ? 'ok' : printable(run.error)}`);
  lines.push(...statusLines(status));
  report(io, flags, {
    json: { from: from?.toISOString() ?? null, to: to.toISOString(), runs, status },
    lines,
    stats,
    action: 'runDueTriggers',
    saved,
  });
  const failed = runs.some((r) => r.error !== null) || status.summary.lastRun?.ok === false;
  if (failed)
    io.err(
      '定期更新が失敗しました（サイドバーと 指標サマリー のメモに理由があります）/ the scheduled refresh failed (the reason is in the sidebar and the note on 指標サマリー)',
    );
  return failed && runs.length > 0 ? 1 : 0;
}
