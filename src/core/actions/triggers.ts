/**
 * The installable triggers Tsunagu offers, one of each per document: the form-submit trigger that
 * counts 新しい回答 per form, and the time-driven refresh of 指標サマリー. Each is kept in the document
 * properties with its owner (only counts, times and messages — no answer, no name), shown in the
 * sidebar, taken over (自分に引き継ぐ) or stopped (止める); a trigger that is no longer the
 * document's registered one stops itself at its next run, as another account's cannot be deleted.
 */
import { errorKind, atomically } from '../transaction';
import { UserError } from '../errors';
import type { Triggers, TriggerSchedule } from '../ports';
import type {
  Message,
  NewAnswersView,
  RefreshSchedule,
  TriggerChange,
  TriggerKind,
  TriggerRunView,
  TriggerStatus,
  TriggerView,
} from '../../shared/rpc';
import type { AppPorts } from './ports';
import { planSummary, summarizeWhole, tokyoStamp } from './summary';
import { cancelSummaryRun, continueSummaryRun, startSummaryRun, summaryRunUnderWay } from './summary-parts';
import { NEW_ANSWERS_KEY, newAnswersByForm, newAnswersFailureNote, showNewAnswersInFormList } from './survey';
import { LockBusyError } from '../errors';

/** The bundle's top-level functions the triggers call (src/server/main.ts). */
export const TRIGGER_HANDLERS: Readonly<Record<TriggerKind, string>> = {
  answers: 'onAnswerSubmitted',
  summary: 'onSummarySchedule',
};

/** Document properties: the registered trigger of each kind, its runs, the counts, and this spreadsheet's id. */
export const TRIGGER_KEYS = {
  answers: 'tsunagu.trigger.answers',
  summary: 'tsunagu.trigger.summary',
  answersRuns: 'tsunagu.trigger.answers.runs',
  summaryRuns: 'tsunagu.trigger.summary.runs',
  newAnswers: NEW_ANSWERS_KEY,
  spreadsheetId: 'tsunagu.spreadsheetId',
} as const;

/** The registered trigger of a kind: whose it is and since when (its schedule for the refresh). */
interface Registration {
  uid: string;
  owner: string;
  since: string;
  schedule?: RefreshSchedule;
  /**
   * A scheduled refresh in parts under way: `uid` is then the one-off trigger that runs its next
   * execution (the recurring one is made again when the run ends).
   */
  run?: ScheduledRun;
  /** When the schedule last started a refresh (ISO): a firing soon after it does nothing. */
  firedAt?: string;
}

/** Where a scheduled refresh in parts stands (ids, counts and times only). */
interface ScheduledRun {
  /** The 指標サマリー run in parts it drives (summary-parts); null while it waits to start one. */
  runId: string | null;
  done: number;
  total: number;
  /** Executions that waited (the lock busy, the sidebar's run under way) or started again. */
  waits: number;
  /** When the scheduled firing began it (ISO). */
  startedAt: string;
}

/**
 * The scheduled refresh in parts: each execution does what one sidebar call does (the start, one
 * part, or the last part), so each stays within the sidebar's budget (docs/cost.md), and the next
 * runs from a one-off trigger at least this long after.
 */
export const CONTINUE_AFTER_MS = 60_000;
/** The wait when it cannot go on now: the lock busy, or the sidebar's own 指標サマリー run under way. */
export const WAIT_AFTER_MS = 5 * 60_000;
/** A sidebar's run started longer ago than this is taken as left (the sidebar closed mid-run): the refresh replaces it. */
export const LEFT_RUN_MS = 30 * 60_000;
/** Waits and new starts one refresh makes at most before it gives up until its next firing. */
export const MAX_WAITS = 8;
/** A scheduled firing this soon after the last one started does nothing (a remade daily trigger may fire again in its hour). */
const REFIRE_GAP_MS = 2 * 3_600_000;

/** A kind's last run and last failure. */
interface Runs {
  last: TriggerRunView | null;
  failure: TriggerRunView | null;
}

const WHAT: Readonly<Record<TriggerKind, Message>> = {
  answers: { ja: '新しい回答を数えるトリガー', en: 'the trigger that counts new answers' },
  summary: { ja: '指標サマリーの定期更新', en: 'the scheduled refresh of the indicator summary' },
};

const DAY_JA: Readonly<Record<string, string>> = {
  MONDAY: '月曜日',
  TUESDAY: '火曜日',
  WEDNESDAY: '水曜日',
  THURSDAY: '木曜日',
  FRIDAY: '金曜日',
  SATURDAY: '土曜日',
  SUNDAY: '日曜日',
};

/** 毎日 6時 / 毎週月曜日 6時, and its English. */
export function scheduleText(schedule: RefreshSchedule): Message {
  if (schedule.every === 'day')
    return { ja: `毎日 ${schedule.hour}時台`, en: `daily, ${schedule.hour}:00–${schedule.hour}:59` };
  const day = schedule.day.charAt(0) + schedule.day.slice(1).toLowerCase();
  return {
    ja: `毎週${DAY_JA[schedule.day] ?? schedule.day} ${schedule.hour}時台`,
    en: `${day}s, ${schedule.hour}:00–${schedule.hour}:59`,
  };
}

function parse<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A property someone edited by hand: as if there were none (the trigger can be turned on again).
    return null;
  }
}

function registration(ports: AppPorts, kind: TriggerKind): Registration | null {
  const reg = parse<Registration>(ports.store.get(TRIGGER_KEYS[kind]));
  return reg && typeof reg.uid === 'string' && typeof reg.owner === 'string' ? reg : null;
}

function runsOf(ports: AppPorts, kind: TriggerKind): Runs {
  const runs = parse<Runs>(ports.store.get(kind === 'answers' ? TRIGGER_KEYS.answersRuns : TRIGGER_KEYS.summaryRuns));
  return { last: runs?.last ?? null, failure: runs?.failure ?? null };
}

/** New answers per form URL. */
function newAnswerCounts(ports: AppPorts): Record<string, number> {
  const counts = parse<Record<string, number>>(ports.store.get(TRIGGER_KEYS.newAnswers)) ?? {};
  const out: Record<string, number> = {};
  for (const [url, n] of Object.entries(counts)) if (typeof n === 'number' && n > 0) out[url] = n;
  return out;
}

/** The current user's triggers that call a kind's handler. */
function mineOf(triggers: Triggers, kind: TriggerKind): string[] {
  return triggers
    .mine()
    .filter((t) => t.handler === TRIGGER_HANDLERS[kind])
    .map((t) => t.uid);
}

function viewOf(ports: AppPorts, kind: TriggerKind, user: string, mine: readonly string[]): TriggerView {
  const reg = registration(ports, kind);
  const runs = runsOf(ports, kind);
  const state: TriggerView['state'] = !reg
    ? 'off'
    : mine.includes(reg.uid)
      ? 'mine'
      : reg.owner === user && user !== ''
        ? 'missing'
        : 'other';
  const owner = reg?.owner ?? '';
  const who = owner === '' ? { ja: '（アカウント不明）', en: '(account unknown)' } : { ja: owner, en: owner };
  const stateLine: Message = {
    off: { ja: 'オフ', en: 'Off' },
    mine: { ja: 'オン（あなたのアカウントで動いています）', en: 'On (runs as your account)' },
    other: { ja: `オン（${who.ja} のアカウントで動いています）`, en: `On (runs as ${who.en})` },
    missing: {
      ja: 'トリガーが見つかりません（削除されたか、承認が取り消されました）。もう一度オンにしてください。',
      en: 'The trigger is gone (deleted, or its authorisation withdrawn). Please turn it on again.',
    },
  }[state];
  const lines: Message[] = [WHAT_TITLE[kind], ABOUT[kind], stateLine];
  if (reg) lines.push({ ja: `所有者: ${who.ja}（${reg.since} から）`, en: `Owner: ${who.en} (since ${reg.since})` });
  if (reg?.schedule) lines.push(scheduleText(reg.schedule));
  if (reg?.run) lines.push(runLine(reg.run));
  if (runs.last) {
    lines.push({
      ja: `前回の実行: ${runs.last.at}（${runs.last.ok ? '成功' : '失敗'}）`,
      en: `Last run: ${runs.last.at} (${runs.last.ok ? 'done' : 'failed'})`,
    });
  }
  const failure: Message | null = runs.failure
    ? {
        ja: `${runs.failure.at} に失敗しました: ${runs.failure.message?.ja ?? ''}`,
        en: `Failed at ${runs.failure.at}: ${runs.failure.message?.en ?? ''}`,
      }
    : null;
  const label = (ja: string, en: string): Message => ({ ja, en });
  const start = {
    action: 'start' as const,
    label:
      state === 'other'
        ? label('自分に引き継ぐ', 'Take over')
        : state === 'mine'
          ? label('この予定に変える', 'Change to this schedule')
          : label('オンにする', 'Turn on'),
  };
  const stop = { action: 'stop' as const, label: label('止める', 'Stop') };
  const actions: TriggerView['actions'] = [
    ...(state === 'mine' && kind === 'answers' ? [] : [start]),
    ...(state === 'off' ? [] : [stop]),
    ...(kind === 'answers' && Object.keys(newAnswerCounts(ports)).length > 0
      ? [{ action: 'seen' as const, label: label('確認済みにする', 'Mark as seen') }]
      : []),
    { action: 'reload', label: label('再読み込み', 'Reload') },
  ];
  return {
    state,
    owner,
    since: reg?.since ?? '',
    lastRun: runs.last,
    lastFailure: runs.failure,
    lines,
    failure,
    actions,
  };
}

/** A scheduled refresh in parts under way, as the sidebar says it. */
function runLine(run: ScheduledRun): Message {
  return run.runId !== null && run.total > 0
    ? {
        ja: `定期更新の途中です（${run.done}/${run.total}。数分おきに少しずつ集計しています）。`,
        en: `A scheduled refresh is under way (${run.done}/${run.total}; counted a part every few minutes).`,
      }
    : {
        ja: '定期更新の途中です（サイドバーでの更新などが終わるのを待っています）。',
        en: 'A scheduled refresh is under way (waiting for an update from the sidebar or another to end).',
      };
}

/** 定期更新's choices: 毎日, or 毎週 on a day. */
const CHOICES: TriggerStatus['summary']['choices'] = [
  { value: 'day', label: { ja: '毎日', en: 'Daily' } },
  ...(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const).map((day) => ({
    value: day,
    label: { ja: `毎週${DAY_JA[day] ?? day}`, en: `${day.charAt(0)}${day.slice(1).toLowerCase()}s` },
  })),
];

/** The sidebar's heading of each trigger's block. */
const WHAT_TITLE: Readonly<Record<TriggerKind, Message>> = {
  answers: { ja: '新しい回答の通知', en: 'New answers' },
  summary: { ja: '定期更新', en: 'Scheduled refresh' },
};

/** What each trigger does, as the sidebar says it. */
const ABOUT: Readonly<Record<TriggerKind, Message>> = {
  answers: {
    ja: 'オンにすると、フォームに回答が届くたびに件数だけを数えます（回答の内容は保存しません）。',
    en: 'When on, each answer a form receives is counted (only the count; no answer is kept).',
  },
  summary: {
    ja: '選んだ時刻に 指標サマリー を自動で更新します。結果はここと、シートのA1セルのメモに表示します。',
    en: 'Refreshes 指標サマリー at the chosen time; the outcome is shown here and in the note on the sheet’s cell A1.',
  },
};

/** Both triggers as staff see them, with the 新しい回答 per form. */
export function getTriggerStatus(ports: AppPorts, triggers: Triggers): TriggerStatus {
  const user = triggers.user();
  const all = triggers.mine();
  const mine = (kind: TriggerKind): string[] =>
    all.filter((t) => t.handler === TRIGGER_HANDLERS[kind]).map((t) => t.uid);
  const counts = newAnswerCounts(ports);
  const urls = Object.keys(counts);
  // The response sheets are looked up only when there is something to name.
  const sheets = urls.length > 0 ? ports.workbook.formResponseSheets() : [];
  const newAnswers: NewAnswersView[] = urls.map((url) => ({
    form: sheets.find((s) => s.formUrl === url)?.name ?? url,
    formUrl: url,
    count: counts[url] as number,
  }));
  const reg = registration(ports, 'summary');
  return {
    user,
    answers: { ...viewOf(ports, 'answers', user, mine('answers')), newAnswers },
    summary: { ...viewOf(ports, 'summary', user, mine('summary')), schedule: reg?.schedule ?? null, choices: CHOICES },
  };
}

function sameSchedule(a: RefreshSchedule | undefined, b: RefreshSchedule | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function ownerName(owner: string): string {
  return owner === '' ? '（アカウント不明）' : owner;
}

/**
 * オンにする / 自分に引き継ぐ: the trigger of a kind as the current user. Its own earlier trigger of
 * that kind goes (one of each type per user and document is all an add-on may have); another
 * account's cannot be deleted, so it is unregistered and stops itself at its next run.
 */
export function startTrigger(
  ports: AppPorts,
  triggers: Triggers,
  spreadsheetId: string,
  kind: TriggerKind,
  schedule?: TriggerSchedule,
): TriggerChange {
  let replaced: Registration | null = null;
  const change = ports.lock.run(() => {
    const user = triggers.user();
    const before = registration(ports, kind);
    const mine = mineOf(triggers, kind);
    if (before && before.owner === user && mine.includes(before.uid) && sameSchedule(before.schedule, schedule)) {
      return {
        status: getTriggerStatus(ports, triggers),
        notice: { ja: `${WHAT[kind].ja}はすでに動いています。`, en: `${capital(WHAT[kind].en)} is already on.` },
      };
    }
    atomically(ports, WHAT[kind], (tx) => {
      const uid =
        kind === 'answers'
          ? triggers.createFormSubmit(TRIGGER_HANDLERS.answers)
          : triggers.createClock(TRIGGER_HANDLERS.summary, schedule ?? { every: 'day', hour: 6 });
      tx.add({ undo: () => void triggers.remove(uid), dispose: () => undefined });
      const reg: Registration = {
        uid,
        owner: user,
        since: tokyoStamp(ports.clock.now()),
        ...(kind === 'summary' && schedule ? { schedule } : {}),
      };
      tx.setProperty(TRIGGER_KEYS[kind], JSON.stringify(reg));
      if (ports.store.get(TRIGGER_KEYS.spreadsheetId) !== spreadsheetId) {
        tx.setProperty(TRIGGER_KEYS.spreadsheetId, spreadsheetId);
      }
      // Deleting a trigger cannot be taken back (a new one gets a new id): it comes last.
      if (mine.length > 0) tx.lastly(() => mine.forEach((old) => triggers.remove(old)));
    });
    replaced = before;
    const tookOver = before !== null && before.owner !== user;
    const when = kind === 'summary' && schedule ? scheduleText(schedule) : null;
    const started: Message = {
      ja: `${WHAT[kind].ja}をオンにしました${when ? `（${when.ja}）` : ''}。あなた（${ownerName(user)}）のアカウントで動きます。`,
      en: `${capital(WHAT[kind].en)} is on${when ? ` (${when.en})` : ''}. It runs as your account (${user || 'unknown'}).`,
    };
    const notice: Message = tookOver
      ? {
          ja: `${started.ja}${ownerName(before.owner)} のトリガーは他のアカウントからは削除できないため、次に動いたときに何もせず自分で止まります。`,
          en: `${started.en} The trigger of ${before.owner || 'the other account'} cannot be deleted from another account, so it stops itself, doing nothing, when it next runs.`,
        }
      : started;
    return { status: getTriggerStatus(ports, triggers), notice };
  });
  // A scheduled refresh in parts under way stops: the new trigger starts its own at its time.
  if (kind === 'summary') forgetScheduledRun(ports, replaced);
  return change;
}

/** 止める: unregisters a kind's trigger and deletes it when it is the current user's. */
export function stopTrigger(ports: AppPorts, triggers: Triggers, kind: TriggerKind): TriggerChange {
  let stopped: Registration | null = null;
  const change = ports.lock.run(() => {
    const user = triggers.user();
    const before = registration(ports, kind);
    const mine = mineOf(triggers, kind);
    if (!before && mine.length === 0) {
      return {
        status: getTriggerStatus(ports, triggers),
        notice: { ja: `${WHAT[kind].ja}はオフです。`, en: `${capital(WHAT[kind].en)} is off.` },
      };
    }
    atomically(ports, WHAT[kind], (tx) => {
      tx.removeProperty(TRIGGER_KEYS[kind]);
      if (mine.length > 0) tx.lastly(() => mine.forEach((uid) => triggers.remove(uid)));
    });
    stopped = before;
    const other = before !== null && before.owner !== user && !mine.includes(before.uid);
    const notice: Message = other
      ? {
          ja: `${WHAT[kind].ja}を止めました。${ownerName(before.owner)} のトリガーは他のアカウントからは削除できないため、次に動いたときに何もせず自分で止まります。`,
          en: `${capital(WHAT[kind].en)} is stopped. The trigger of ${before.owner || 'the other account'} cannot be deleted from another account, so it stops itself, doing nothing, when it next runs.`,
        }
      : { ja: `${WHAT[kind].ja}を止めました。`, en: `${capital(WHAT[kind].en)} is stopped.` };
    return { status: getTriggerStatus(ports, triggers), notice };
  });
  // Stopped mid-run: the run in parts and its staged counts go too.
  if (kind === 'summary') forgetScheduledRun(ports, stopped);
  return change;
}

/** 確認済みにする: 新しい回答 back to 0 for every form. */
export function clearNewAnswers(ports: AppPorts, triggers: Triggers): TriggerChange {
  return ports.lock.run(() => {
    if (Object.keys(newAnswerCounts(ports)).length > 0) {
      atomically(ports, { ja: '新しい回答の件数', en: 'the count of new answers' }, (tx) => {
        tx.removeProperty(TRIGGER_KEYS.newAnswers);
        showNewAnswersInFormList(ports, tx, new Map());
      });
    }
    return {
      status: getTriggerStatus(ports, triggers),
      notice: { ja: '新しい回答を確認済みにしました。', en: 'New answers marked as seen.' },
    };
  });
}

/** What a trigger's failure says: a message staff can act on, or the error's type only (never its text). */
export function failureMessage(error: unknown): Message {
  if (error instanceof UserError) return { ja: error.ja, en: error.en };
  const kind = errorKind(error);
  return {
    ja: `予期しないエラーで止まりました（${kind}）。サイドバーから手動で実行して確かめてください。`,
    en: `It stopped on an unexpected error (${kind}). Please run it by hand from the sidebar to check.`,
  };
}

/**
 * Whether a trigger that fired is the document's registered one. One that is not (taken over by
 * another account, or stopped) deletes itself — it runs as its owner, who may — and does nothing.
 */
function stillRegistered(ports: AppPorts, triggers: Triggers, kind: TriggerKind, uid: string): boolean {
  const reg = registration(ports, kind);
  if (reg && reg.uid === uid) return true;
  triggers.remove(uid);
  return false;
}

/** Keeps a run's outcome (the last run, and the failure until a run succeeds) — counts and messages only. */
function recordRun(ports: AppPorts, kind: TriggerKind, run: TriggerRunView): void {
  const key = kind === 'answers' ? TRIGGER_KEYS.answersRuns : TRIGGER_KEYS.summaryRuns;
  const runs: Runs = { last: run, failure: run.ok ? null : run };
  atomically(ports, WHAT[kind], (tx) => tx.setProperty(key, JSON.stringify(runs)));
}

/** What the handler of a trigger run came to. */
/** continued: a refresh in parts handed on to its next execution. */
export type TriggerOutcome = 'done' | 'continued' | 'failed' | 'retired';

/**
 * The form-submit trigger: one more new answer for the form the response came from (its URL, never
 * the answer), under the document lock. A failure is kept where the sidebar shows it.
 */
export function countNewAnswer(ports: AppPorts, triggers: Triggers, uid: string, formUrl: string): TriggerOutcome {
  if (!stillRegistered(ports, triggers, 'answers', uid)) return 'retired';
  const at = tokyoStamp(ports.clock.now());
  try {
    ports.lock.run(() => {
      const counts = newAnswerCounts(ports);
      const failedBefore = runsOf(ports, 'answers').failure !== null;
      const key = formUrl === '' ? '（フォーム不明）' : formUrl;
      counts[key] = (counts[key] ?? 0) + 1;
      atomically(ports, { ja: '新しい回答の件数', en: 'the count of new answers' }, (tx) => {
        tx.setProperty(TRIGGER_KEYS.newAnswers, JSON.stringify(counts));
        tx.setProperty(
          TRIGGER_KEYS.answersRuns,
          JSON.stringify({ last: { at, ok: true, message: null }, failure: null }),
        );
        // フォーム一覧 shows the count beside the form; after a failed run, its failure note goes.
        showNewAnswersInFormList(ports, tx, newAnswersByForm(ports.store), failedBefore ? null : undefined);
      });
    });
    return 'done';
  } catch (error) {
    recordFailure(ports, 'answers', at, error);
    noteAnswersFailure(ports, at, error);
    return 'failed';
  }
}

/**
 * A failed count is also said on フォーム一覧 (a note on its 新しい回答 heading), where staff look
 * without opening the sidebar — under the lock; when the lock is what failed, only the sidebar says
 * it (the note would need the same lock), and when writing the note fails too, nothing more is tried.
 */
function noteAnswersFailure(ports: AppPorts, at: string, error: unknown): void {
  if (error instanceof LockBusyError) return;
  try {
    const note = newAnswersFailureNote(at, failureMessage(error).ja);
    ports.lock.run(() =>
      atomically(ports, WHAT.answers, (tx) => showNewAnswersInFormList(ports, tx, newAnswersByForm(ports.store), note)),
    );
  } catch {
    // The sidebar shows the failure (recordFailure); the sheet is left as it was.
  }
}

/** A failure is recorded if it can be; when even that fails, Apps Script's execution log is all there is. */
function recordFailure(ports: AppPorts, kind: TriggerKind, at: string, error: unknown): void {
  try {
    recordRun(ports, kind, { at, ok: false, message: failureMessage(error) });
  } catch {
    // Nothing more can be written now; the next run or the sidebar will show the state.
  }
}

/** The note Tsunagu keeps on 指標サマリー's first cell: the last scheduled refresh, and any failure. */
export function summaryNote(run: TriggerRunView): string {
  return run.ok
    ? `つなぐ 定期更新: ${run.at} 更新しました。`
    : `つなぐ 定期更新: ${run.at} 失敗しました — ${run.message?.ja ?? ''}\n（前回までの値のままです。サイドバーの 指標サマリー から手動で更新できます。）`;
}

/** What one execution of the scheduled refresh came to. */
type Step =
  | { kind: 'done'; sheet: string }
  | { kind: 'more'; runId: string; done: number; total: number }
  | { kind: 'wait'; keep: boolean; soon: boolean }
  | { kind: 'failed'; error: unknown };

/**
 * The scheduled refresh (the time-driven trigger and the one-off triggers it leaves): 指標サマリー
 * recomputed with no Ui. Sources that fit in one call are summarised at once, as before. Larger ones
 * go in parts, one per execution — the start, each part, the last part that writes the sheet — so no
 * execution takes more than a sidebar call does (docs/cost.md); each execution hands on to a one-off
 * trigger a minute later. An add-on may have one time-driven trigger per account and document, so the
 * recurring one makes way for the one-off while the run lasts and is made again when it ends. The
 * outcome is kept in the document properties for the sidebar and as a note on the sheet's first cell;
 * a failure goes to both places, the run is dropped, and the next scheduled firing starts afresh.
 */
export function refreshSummaryOnSchedule(ports: AppPorts, triggers: Triggers, uid: string): TriggerOutcome {
  if (!stillRegistered(ports, triggers, 'summary', uid)) return 'retired';
  const reg = registration(ports, 'summary') as Registration;
  const now = ports.clock.now();
  const at = tokyoStamp(now);
  let run = reg.run ?? null;
  if (!run) {
    // A daily trigger made again as a run ended may fire again in the same hour: once is enough.
    if (reg.firedAt && now.getTime() - Date.parse(reg.firedAt) < REFIRE_GAP_MS) return 'done';
    run = { runId: null, done: 0, total: 0, waits: 0, startedAt: now.toISOString() };
  }
  const continuation = reg.run !== undefined;
  const step = stepOf(ports, run);
  if (step.kind === 'more' || (step.kind === 'wait' && run.waits < MAX_WAITS)) {
    const next: ScheduledRun =
      step.kind === 'more'
        ? { ...run, runId: step.runId, done: step.done, total: step.total }
        : { ...run, runId: step.keep ? run.runId : null, waits: run.waits + 1 };
    const handedOn = handOn(
      ports,
      triggers,
      uid,
      {
        ...reg,
        run: next,
        firedAt: reg.firedAt && continuation ? reg.firedAt : now.toISOString(),
      },
      step.kind === 'more' || step.soon ? CONTINUE_AFTER_MS : WAIT_AFTER_MS,
    );
    if (handedOn === null) return 'continued';
    forgetRun(ports, next);
    return finish(ports, triggers, uid, reg, { at, ok: false, message: chainBroken(handedOn) }, true);
  }
  if (step.kind === 'done')
    return finish(ports, triggers, uid, reg, { at, ok: true, message: null }, continuation, step.sheet);
  forgetRun(ports, run);
  const message = step.kind === 'failed' ? partFailure(step.error, run) : GAVE_UP;
  return finish(ports, triggers, uid, reg, { at, ok: false, message }, continuation);
}

/** One execution's work: go on with the run, wait, or start one (small sources: the whole summary at once). */
function stepOf(ports: AppPorts, run: ScheduledRun): Step {
  try {
    if (run.runId !== null && summaryRunUnderWay(ports)?.id === run.runId) {
      const view = continueSummaryRun(ports, run.runId);
      return view.running
        ? { kind: 'more', runId: run.runId, done: view.running.done, total: view.running.total }
        : { kind: 'done', sheet: view.resultSheet };
    }
    return ports.lock.run((): Step => {
      // The sidebar's own run (指標サマリーを更新, 報告書を開く) is left to finish unless it was left long ago.
      const other = summaryRunUnderWay(ports);
      const left = other?.startedAt ? ports.clock.now().getTime() - other.startedAt.getTime() >= LEFT_RUN_MS : true;
      if (other && !left) return { kind: 'wait', keep: false, soon: false };
      const plan = planSummary(ports);
      const started = startSummaryRun(ports, plan);
      if (started?.running)
        return { kind: 'more', runId: started.running.runId, done: started.running.done, total: started.running.total };
      return { kind: 'done', sheet: summarizeWhole(ports, plan).resultSheet };
    });
  } catch (error) {
    // Someone else writing: later. The run replaced by the sidebar's, or a sheet changed under it: again from the start.
    if (error instanceof LockBusyError) return { kind: 'wait', keep: true, soon: false };
    if (error instanceof UserError && (error.code === 'summary.runGone' || error.code === 'summary.changedDuringRun'))
      return { kind: 'wait', keep: false, soon: true };
    return { kind: 'failed', error };
  }
}

/**
 * The next execution from a one-off trigger: the trigger that fired goes first (one time-driven
 * trigger per account and document for an add-on; a fired one-off stays listed until deleted:
 * real-sheets-checklist RS-66), then the one-off is made and registered. Null when done; else why not.
 */
function handOn(ports: AppPorts, triggers: Triggers, uid: string, reg: Registration, afterMs: number): unknown {
  try {
    triggers.remove(uid);
    atomically(ports, WHAT.summary, (tx) => {
      const once = triggers.createOnce(TRIGGER_HANDLERS.summary, afterMs);
      tx.add({ undo: () => void triggers.remove(once), dispose: () => undefined });
      tx.setProperty(TRIGGER_KEYS.summary, JSON.stringify({ ...reg, uid: once }));
    });
    return null;
  } catch (error) {
    return error ?? 'error';
  }
}

/** The run in parts this refresh drove is dropped with its staged counts (when it is still its own). */
function forgetRun(ports: AppPorts, run: ScheduledRun | undefined): void {
  if (!run || run.runId === null || summaryRunUnderWay(ports)?.id !== run.runId) return;
  try {
    cancelSummaryRun(ports, run.runId);
  } catch {
    // Left as it is: the next refresh, or the sidebar's next update, replaces it.
  }
}

/** Stopped or taken over mid-run (止める, 自分に引き継ぐ, この予定に変える): the run goes. */
function forgetScheduledRun(ports: AppPorts, before: Registration | null): void {
  forgetRun(ports, before?.run);
}

const GAVE_UP: Message = {
  ja: 'ほかの更新（サイドバーからの指標サマリーの更新など）が続いていたため、今回の定期更新はできませんでした。次の定期更新で集計します。',
  en: 'Other updates (such as the summary updated from the sidebar) kept going, so this scheduled refresh could not run. The next one will.',
};

/** The next one-off trigger could not be made: the run stops, and says how to go on. */
function chainBroken(error: unknown): Message {
  return {
    ja: `定期更新を続けるためのトリガーを作れませんでした（${errorKind(error)}）。集計は中止しました。サイドバーの「定期更新」の表示を確かめ、必要ならもう一度オンにしてください。`,
    en: `The trigger that carries the scheduled refresh on could not be made (${errorKind(error)}). The update was stopped. Check 定期更新 in the sidebar and turn it on again if needed.`,
  };
}

/** A part that failed: why, and how far the run had come (it starts afresh at the next firing). */
function partFailure(error: unknown, run: ScheduledRun): Message {
  const reason =
    error instanceof UserError && error.code !== 'write.failed'
      ? { ja: error.ja, en: error.en }
      : error instanceof UserError
        ? {
            ja: '指標サマリーの集計の一部を保存できませんでした。',
            en: 'A part of the summary’s counts could not be saved.',
          }
        : failureMessage(error);
  if (run.runId === null || run.total === 0) return reason;
  return {
    ja: `${reason.ja}（部分ごとの集計の ${run.done + 1}/${run.total} で止まりました。次の定期更新は最初から集計します。）`,
    en: `${reason.en} (It stopped at part ${run.done + 1} of ${run.total}; the next scheduled refresh counts from the start.)`,
  };
}

/**
 * The refresh ends: the recurring trigger is made again when a one-off carried the run (before the
 * records, so a failure to make it is what staff read), then the outcome is kept for the sidebar
 * and as the note on 指標サマリー's first cell.
 */
function finish(
  ports: AppPorts,
  triggers: Triggers,
  uid: string,
  reg: Registration,
  run: TriggerRunView,
  remake: boolean,
  written: string | null = null,
): TriggerOutcome {
  let outcome = run;
  if (remake) {
    try {
      triggers.remove(uid);
      atomically(ports, WHAT.summary, (tx) => {
        const recurring = triggers.createClock(TRIGGER_HANDLERS.summary, reg.schedule ?? { every: 'day', hour: 6 });
        tx.add({ undo: () => void triggers.remove(recurring), dispose: () => undefined });
        const next: Registration = { ...reg, uid: recurring };
        delete next.run;
        tx.setProperty(TRIGGER_KEYS.summary, JSON.stringify(next));
      });
    } catch (error) {
      // The registration still names the one-off that fired: the sidebar says the trigger is gone.
      outcome = {
        at: run.at,
        ok: false,
        message: {
          ja: `${run.ok ? '指標サマリーは更新しましたが、' : ''}定期更新のトリガーを作り直せませんでした（${errorKind(error)}）。サイドバーの「定期更新」でもう一度オンにしてください。`,
          en: `${run.ok ? 'The indicator summary was refreshed, but ' : ''}the scheduled refresh's trigger could not be made again (${errorKind(error)}). Please turn 定期更新 on again in the sidebar.`,
        },
      };
    }
  }
  return recordRefresh(ports, outcome, written, run.ok);
}

/** The outcome kept in the document properties and as the note on 指標サマリー's first cell. */
function recordRefresh(
  ports: AppPorts,
  run: TriggerRunView,
  written: string | null,
  refreshed: boolean,
): TriggerOutcome {
  const at = run.at;
  let sheet = written;
  try {
    sheet ??= ports.workbook.markedSheets().find((s) => s.kind === 'summary')?.name ?? null;
    ports.lock.run(() =>
      atomically(ports, WHAT.summary, (tx) => {
        tx.setProperty(TRIGGER_KEYS.summaryRuns, JSON.stringify({ last: run, failure: run.ok ? null : run }));
        if (sheet !== null) {
          const rect = { row: 1, column: 1, rows: 1, columns: 1 };
          const previous = ports.workbook.readBlock(sheet, rect, ['notes']).notes ?? [['']];
          tx.write(sheet, rect, { notes: [[summaryNote(run)]] }, { notes: previous });
        }
      }),
    );
  } catch (error) {
    // The summary itself is written (or was left as it was): say which, not just that recording failed.
    const reason = failureMessage(error);
    const message: Message =
      run.ok || refreshed
        ? {
            ja: `指標サマリーは更新しましたが、実行の記録を書き込めませんでした（${errorKind(error)}）。`,
            en: `The indicator summary was refreshed, but the record of the run could not be written (${errorKind(error)}).`,
          }
        : (run.message ?? reason);
    try {
      recordRun(ports, 'summary', { at, ok: false, message });
    } catch {
      // Nothing more can be written now; Apps Script's execution log is all there is.
    }
    return 'failed';
  }
  return run.ok ? 'done' : 'failed';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
