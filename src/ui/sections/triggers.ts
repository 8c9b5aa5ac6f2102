/**
 * The installable triggers' blocks of the sidebar: 新しい回答 N件 and its form-submit trigger (アンケート作成),
 * and 定期更新 of 指標サマリー. The server words everything (state, owner, last run, failure, buttons).
 */
import type { RefreshSchedule, TriggerKind } from '../../shared/rpc';
import { append, button, el } from '../dom';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import { TriggerFlow } from '../trigger-flow';
import type { SectionContext } from './section';

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
    const ja = ctx.lang === 'ja';
    return this.block(
      ctx,
      'answers',
      ...(this.flow.state.status?.answers.newAnswers ?? []).map((c) =>
        el('p', null, ja ? `${c.form}: 新しい回答 ${c.count}件` : `${c.form}: ${c.count} new`),
      ),
    );
  }

  /** 指標サマリー's block: the time-driven trigger and its schedule chooser (毎日 / 毎週○曜日, the hour). */
  renderSummary(ctx: SectionContext): HTMLElement {
    const chosen = this.flow.state.schedule;
    const value = chosen.every === 'day' ? 'day' : chosen.day;
    const every = el(
      'select',
      null,
      ...(this.flow.state.status?.summary.choices ?? []).map((c) =>
        el('option', { value: c.value, selected: c.value === value }, pickMessage(c.label, ctx.lang)),
      ),
    );
    const hour = el(
      'select',
      null,
      ...Array.from({ length: 24 }, (_, h) => el('option', { value: h, selected: chosen.hour === h }, `${h}:00`)),
    );
    const pick = (): void => {
      const h = Number(hour.value);
      this.flow.choose(
        every.value === 'day'
          ? { every: 'day', hour: h }
          : { every: 'week', day: every.value as Extract<RefreshSchedule, { every: 'week' }>['day'], hour: h },
      );
    };
    every.addEventListener('change', pick);
    hour.addEventListener('change', pick);
    return this.block(ctx, 'summary', el('div', { class: 'actions' }, every, hour));
  }

  private block(ctx: SectionContext, kind: TriggerKind, ...extra: HTMLElement[]): HTMLElement {
    this.context = ctx;
    this.flow.ensureLoaded();
    const text = (m: { ja: string; en: string }): string => pickMessage(m, ctx.lang);
    const view = this.flow.state.status?.[kind];
    const notice = this.flow.state.notice;
    const block = el('section', { class: 'block', 'data-testid': `trigger-${kind}` });
    if (!view) return block;
    const act = {
      start: () => this.flow.start(kind),
      stop: () => this.flow.stop(kind),
      seen: () => this.flow.clearNewAnswers(),
      reload: () => this.flow.load(),
    };
    append(
      block,
      ...view.lines.map((line, i) => el(i === 0 ? 'h3' : 'p', { 'data-testid': `t-${kind}-${i}` }, text(line))),
      view.failure ? el('p', { class: 'notice notice-warning' }, text(view.failure)) : null,
      ...extra,
      el(
        'div',
        { class: 'actions' },
        ...view.actions.map((a) =>
          button(text(a.label), () => void act[a.action](), {
            class: 'btn btn-secondary',
            'data-testid': `t-${kind}-${a.action}`,
          }),
        ),
      ),
      notice?.kind === kind ? el('p', { class: 'notice', role: 'status' }, text(notice.message)) : null,
    );
    return block;
  }
}
