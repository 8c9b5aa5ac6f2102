/**
 * The installable triggers' blocks of the sidebar: 新しい回答 N件 and its form-submit trigger (アンケート作成),
 * and 定期更新 of 指標サマリー — each with its owner, 自分に引き継ぐ, 止める, the last run and any failure.
 */
import type { Message, RefreshSchedule, TriggerKind, TriggerView } from '../../shared/rpc';
import { append, button, el } from '../dom';
import { pickMessage, type Lang } from '../i18n';
import { call } from '../rpc-client';
import { TriggerFlow } from '../trigger-flow';
import type { SectionContext } from './section';

/** The texts of these blocks, Japanese first (kept here so the blocks stay in one file). */
const TEXT = {
  answersTitle: { ja: '新しい回答の通知', en: 'New answers' },
  answersAbout: {
    ja: 'オンにすると、フォームに回答が届くたびに件数だけを数えます（回答の内容は保存しません）。',
    en: 'When on, each answer a form receives is counted (only the count; no answer is kept).',
  },
  summaryTitle: { ja: '定期更新', en: 'Scheduled refresh' },
  summaryAbout: {
    ja: '選んだ時刻に 指標サマリー を自動で更新します。結果はここと 指標サマリー シートのA1セルのメモに表示します。',
    en: 'Refreshes 指標サマリー at the chosen time. The outcome is shown here and in the note on cell A1 of the sheet.',
  },
  off: { ja: 'オフ', en: 'Off' },
  mine: { ja: 'オン（あなたのアカウントで動いています）', en: 'On (runs as your account)' },
  other: { ja: 'オン（{owner} のアカウントで動いています）', en: 'On (runs as {owner})' },
  missing: {
    ja: 'トリガーが見つかりません（削除されたか、承認が取り消されました）。もう一度オンにしてください。',
    en: 'The trigger is gone (deleted, or its authorisation withdrawn). Please turn it on again.',
  },
  owner: { ja: '所有者: {owner}（{since} から）', en: 'Owner: {owner} (since {since})' },
  unknownOwner: { ja: '（アカウント不明）', en: '(account unknown)' },
  start: { ja: 'オンにする', en: 'Turn on' },
  change: { ja: 'この予定に変える', en: 'Change to this schedule' },
  takeOver: { ja: '自分に引き継ぐ', en: 'Take over' },
  stop: { ja: '止める', en: 'Stop' },
  reload: { ja: '再読み込み', en: 'Reload' },
  newAnswers: { ja: '{form}: 新しい回答 {count}件', en: '{form}: {count} new answer(s)' },
  noNewAnswers: { ja: '新しい回答はありません。', en: 'No new answers.' },
  seen: { ja: '確認済みにする', en: 'Mark as seen' },
  lastRun: { ja: '前回の実行: {at}（{outcome}）', en: 'Last run: {at} ({outcome})' },
  ok: { ja: '成功', en: 'done' },
  failed: { ja: '失敗', en: 'failed' },
  failure: { ja: '{at} に失敗しました: {message}', en: 'Failed at {at}: {message}' },
  daily: { ja: '毎日', en: 'Daily' },
  weekly: { ja: '毎週', en: 'Weekly' },
  hour: { ja: '{hour}時台', en: '{hour}:00–{hour}:59' },
  scheduleLabel: { ja: '実行する時刻', en: 'When' },
} as const satisfies Record<string, Message>;

type TextKey = keyof typeof TEXT;

function text(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return pickMessage(TEXT[key], lang).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const DAYS: ReadonlyArray<[Extract<RefreshSchedule, { every: 'week' }>['day'], Message]> = [
  ['MONDAY', { ja: '月曜日', en: 'Monday' }],
  ['TUESDAY', { ja: '火曜日', en: 'Tuesday' }],
  ['WEDNESDAY', { ja: '水曜日', en: 'Wednesday' }],
  ['THURSDAY', { ja: '木曜日', en: 'Thursday' }],
  ['FRIDAY', { ja: '金曜日', en: 'Friday' }],
  ['SATURDAY', { ja: '土曜日', en: 'Saturday' }],
  ['SUNDAY', { ja: '日曜日', en: 'Sunday' }],
];

/** The blocks of both sections, sharing one TriggerFlow. */
export class TriggerBlocks {
  private context: SectionContext | null = null;
  readonly flow = new TriggerFlow(
    call,
    (task) => (this.context ? this.context.run(task) : Promise.resolve(undefined)),
    () => this.context?.rerender(),
  );

  /** アンケート作成's block: 新しい回答 per form and the form-submit trigger. */
  renderAnswers(ctx: SectionContext): HTMLElement {
    this.context = ctx;
    this.flow.ensureLoaded();
    const status = this.flow.state.status;
    const counts = status?.answers.newAnswers ?? [];
    return this.block(ctx, 'answers', [
      el('p', { class: 'hint' }, text(ctx.lang, 'answersAbout')),
      status
        ? el(
            'div',
            { class: 'new-answers', 'data-testid': 'new-answers' },
            counts.length === 0
              ? el('p', { class: 'muted' }, text(ctx.lang, 'noNewAnswers'))
              : el(
                  'ul',
                  null,
                  ...counts.map((c) => el('li', null, text(ctx.lang, 'newAnswers', { form: c.form, count: c.count }))),
                ),
            counts.length > 0
              ? button(text(ctx.lang, 'seen'), () => void this.flow.clearNewAnswers(), {
                  class: 'btn btn-secondary',
                  'data-testid': 'new-answers-seen',
                })
              : null,
          )
        : null,
    ]);
  }

  /** 指標サマリー's block: the schedule chooser and the time-driven trigger. */
  renderSummary(ctx: SectionContext): HTMLElement {
    this.context = ctx;
    this.flow.ensureLoaded();
    return this.block(ctx, 'summary', [
      el('p', { class: 'hint' }, text(ctx.lang, 'summaryAbout')),
      this.scheduleChooser(ctx.lang),
    ]);
  }

  private block(ctx: SectionContext, kind: TriggerKind, body: Array<HTMLElement | null>): HTMLElement {
    const lang = ctx.lang;
    const status = this.flow.state.status;
    const view: TriggerView | null = status ? status[kind] : null;
    const notice = this.flow.state.notice?.kind === kind ? this.flow.state.notice.message : null;
    const block = el(
      'section',
      { class: 'block trigger-block', 'data-testid': `trigger-${kind}` },
      el('h3', null, text(lang, kind === 'answers' ? 'answersTitle' : 'summaryTitle')),
      ...body,
    );
    if (view) {
      append(
        block,
        el('p', { class: 'trigger-state', 'data-testid': `trigger-${kind}-state` }, stateText(lang, view)),
        view.state !== 'off'
          ? el('p', { class: 'muted' }, text(lang, 'owner', { owner: ownerText(lang, view.owner), since: view.since }))
          : null,
        view.lastRun
          ? el(
              'p',
              { class: 'muted', 'data-testid': `trigger-${kind}-last` },
              text(lang, 'lastRun', { at: view.lastRun.at, outcome: text(lang, view.lastRun.ok ? 'ok' : 'failed') }),
            )
          : null,
        view.lastFailure
          ? el(
              'div',
              { class: 'notice notice-warning', role: 'status', 'data-testid': `trigger-${kind}-failure` },
              el(
                'p',
                null,
                text(lang, 'failure', {
                  at: view.lastFailure.at,
                  message: view.lastFailure.message ? pickMessage(view.lastFailure.message, lang) : '',
                }),
              ),
            )
          : null,
        el('div', { class: 'actions' }, ...this.buttons(lang, kind, view)),
      );
    }
    if (notice) append(block, el('p', { class: 'notice', role: 'status' }, pickMessage(notice, lang)));
    return block;
  }

  private buttons(lang: Lang, kind: TriggerKind, view: TriggerView): HTMLButtonElement[] {
    const start = (label: TextKey): HTMLButtonElement =>
      button(text(lang, label), () => void this.flow.start(kind), {
        class: 'btn btn-secondary',
        'data-testid': `trigger-${kind}-start`,
      });
    const stop = button(text(lang, 'stop'), () => void this.flow.stop(kind), {
      class: 'btn btn-secondary',
      'data-testid': `trigger-${kind}-stop`,
    });
    const reload = button(text(lang, 'reload'), () => void this.flow.load(), {
      class: 'btn btn-link',
      'data-testid': `trigger-${kind}-reload`,
    });
    switch (view.state) {
      case 'off':
        return [start('start'), reload];
      case 'mine':
        return kind === 'summary' ? [start('change'), stop, reload] : [stop, reload];
      case 'other':
        return [start('takeOver'), stop, reload];
      case 'missing':
        return [start('start'), stop, reload];
    }
  }

  private scheduleChooser(lang: Lang): HTMLElement {
    const schedule = this.flow.state.schedule;
    const every = el('select', { 'data-testid': 'trigger-summary-every', title: text(lang, 'scheduleLabel') });
    for (const [value, key] of [
      ['day', 'daily'],
      ['week', 'weekly'],
    ] as const) {
      append(every, el('option', { value, selected: schedule.every === value }, text(lang, key)));
    }
    const day = el('select', { 'data-testid': 'trigger-summary-day', hidden: schedule.every !== 'week' });
    for (const [value, label] of DAYS) {
      append(
        day,
        el(
          'option',
          { value, selected: schedule.every === 'week' && schedule.day === value },
          pickMessage(label, lang),
        ),
      );
    }
    const hour = el('select', { 'data-testid': 'trigger-summary-hour' });
    for (let h = 0; h < 24; h++) {
      append(hour, el('option', { value: String(h), selected: schedule.hour === h }, text(lang, 'hour', { hour: h })));
    }
    const pick = (): void => {
      const h = Number(hour.value);
      this.flow.choose(
        every.value === 'week'
          ? { every: 'week', day: (day.value || 'MONDAY') as (typeof DAYS)[number][0], hour: h }
          : { every: 'day', hour: h },
      );
    };
    every.addEventListener('change', pick);
    day.addEventListener('change', pick);
    hour.addEventListener('change', pick);
    return el(
      'div',
      { class: 'trigger-schedule' },
      el('span', null, `${text(lang, 'scheduleLabel')}: `),
      every,
      day,
      hour,
    );
  }
}

function ownerText(lang: Lang, owner: string): string {
  return owner === '' ? text(lang, 'unknownOwner') : owner;
}

function stateText(lang: Lang, view: TriggerView): string {
  switch (view.state) {
    case 'off':
      return text(lang, 'off');
    case 'mine':
      return text(lang, 'mine');
    case 'other':
      return text(lang, 'other', { owner: ownerText(lang, view.owner) });
    case 'missing':
      return text(lang, 'missing');
  }
}
