/** 指標サマリー (summary): updates the 指標サマリー sheet from 指標定義 and the ledgers, and lists each goal's indicators with their grades. */
import type { SummaryView } from '../../shared/rpc';
import { append, button, el } from '../dom';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import { SummaryFlow, type SummaryFocus } from '../summary-flow';
import { goalOpen, gradeCountsText, lineText, writtenText } from '../summary-model';
import { confirmPanel } from './controls';
import type { SectionContext, SidebarSection } from './section';
import { TriggerBlocks } from './triggers';

const ID = {
  run: 'summary-run',
  confirm: 'summary-confirm',
  confirmYes: 'summary-confirm-yes',
  result: 'summary-result',
  refused: 'summary-refused',
  closeYear: 'summary-close-year',
  close: 'summary-close',
  closingNotice: 'summary-closing-notice',
  reopenFirst: 'summary-reopen',
  stopped: 'summary-stopped',
} as const;

const FOCUS_IDS: Record<SummaryFocus, string> = {
  run: ID.run,
  confirm: ID.confirmYes,
  notice: ID.result,
  stopped: ID.stopped,
  result: ID.result,
  refused: ID.refused,
  undo: ID.run,
  close: ID.close,
  reopen: ID.reopenFirst,
};

const GRADE_TONE: Record<'A' | 'B' | 'C' | 'D', string> = {
  A: 'badge-confirmed',
  B: 'badge-unconfirmed',
  C: 'badge-warning',
  D: 'badge-error',
};

export function createSummarySection(triggers: TriggerBlocks = new TriggerBlocks()): SidebarSection {
  let context: SectionContext | null = null;
  const flow = new SummaryFlow(
    call,
    (task) => (context ? context.run(task) : Promise.resolve(undefined)),
    () => context?.rerender(),
  );

  /** Set once menu 指標サマリーの報告書 has started the report here (once per sidebar). */
  let ranFromMenu = false;

  function render(container: HTMLElement, ctx: SectionContext): void {
    context = ctx;
    const state = flow.state;
    // 拡張機能 → 指標サマリーの報告書 on sources that need parts: the sidebar counts them, then opens the report.
    if (!ranFromMenu && ctx.state?.runNow && ctx.state.section === 'summary') {
      ranFromMenu = true;
      queueMicrotask(() => void flow.openReport());
    }
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.summary')),
      el('p', { class: 'about' }, ctx.t('summary.about')),
      state.progress
        ? progressBlock(ctx)
        : state.pending === 'run'
          ? confirmPanel({
              id: ID.confirm,
              text: ctx.t('summary.confirmRun'),
              yes: ctx.t('summary.confirmYes'),
              no: ctx.t('summary.confirmNo'),
              onYes: () => void flow.accept(),
              onNo: () => flow.cancel(),
            })
          : el(
              'div',
              { class: 'actions' },
              button(ctx.t('summary.run'), () => void flow.requestRun(), {
                class: 'btn btn-primary',
                id: ID.run,
                'data-testid': 'summary-run',
              }),
              button(ctx.t('summary.report'), () => void flow.openReport(), {
                class: 'btn btn-secondary',
                'data-testid': 'summary-report',
              }),
            ),
      state.notice?.kind === 'stopped' && !state.progress
        ? el(
            'p',
            {
              class: 'notice notice-success',
              role: 'status',
              id: ID.stopped,
              tabindex: -1,
              'data-testid': 'summary-stopped',
            },
            pickMessage(state.notice.message ?? { ja: '', en: '' }, ctx.lang),
          )
        : null,
      state.refused
        ? el(
            'div',
            { class: 'notice notice-warning', role: 'status', id: ID.refused, tabindex: -1 },
            ...pickMessage(state.refused, ctx.lang)
              .split('\n')
              .map((line) => el('p', null, line)),
          )
        : null,
      state.view && !state.progress ? resultBlock(ctx, state.view) : null,
      triggers.renderSummary(ctx),
    );
    const focus = flow.takeFocus();
    if (focus)
      queueMicrotask(() => (document.getElementById(FOCUS_IDS[focus]) ?? document.getElementById(ID.run))?.focus());
  }

  /** How far a summary in parts is, with 中止 (and 続ける when a part failed). */
  function progressBlock(ctx: SectionContext): HTMLElement | null {
    const { progress, stopRequested, partFailed } = flow.state;
    if (!progress) return null;
    return el(
      'div',
      { class: 'block run-progress', 'data-testid': 'summary-progress' },
      el('p', { role: 'status' }, pickMessage(progress.message, ctx.lang)),
      el('progress', { max: progress.total, value: progress.done }),
      stopRequested
        ? el('p', { class: 'hint' }, ctx.t('summary.stopping'))
        : el(
            'div',
            { class: 'actions' },
            partFailed
              ? button(ctx.t('summary.resume'), () => void flow.resumeRun(), {
                  class: 'btn btn-primary',
                  'data-testid': 'summary-resume',
                })
              : null,
            button(ctx.t('summary.stop'), () => flow.stopRun(), {
              'data-while-busy': true,
              class: 'btn btn-secondary',
              'data-testid': 'summary-stop',
            }),
          ),
    );
  }

  function resultBlock(ctx: SectionContext, view: SummaryView): HTMLElement {
    const block = el(
      'div',
      { class: 'block results', 'data-testid': 'summary-result' },
      el(
        'div',
        { class: 'summary', id: ID.result, tabindex: -1, role: 'status' },
        el('p', { class: 'counts' }, gradeCountsText(view, ctx.lang)),
      ),
      el('p', { class: 'hint' }, writtenText(view, ctx.lang)),
      ...view.notices.map((n) => el('p', { class: 'notice notice-warning' }, pickMessage(n, ctx.lang))),
    );
    for (const goal of view.goals) {
      const open = goalOpen(goal, view.goals.length, flow.state.openGoals);
      const details = el(
        'details',
        { class: 'issue-group', 'data-testid': 'summary-goal', open },
        el(
          'summary',
          { class: 'group-summary' },
          el('span', { class: 'group-title' }, `${ctx.t('summary.goal', { n: goal.goal })} ${goal.title}`),
          el('span', { class: 'group-total' }, ctx.t('summary.indicatorCount', { n: goal.indicators.length })),
        ),
        el(
          'ul',
          { class: 'issue-list' },
          ...goal.indicators.map((line) => {
            const text = lineText(line, ctx.lang);
            return el(
              'li',
              { class: 'issue', 'data-testid': 'summary-indicator' },
              el(
                'div',
                { class: 'issue-body' },
                el('span', { class: 'issue-place' }, text.title),
                el(
                  'span',
                  { class: 'issue-message' },
                  text.grade
                    ? el(
                        'span',
                        { class: `badge ${GRADE_TONE[text.grade]}` },
                        `${text.grade} ${view.gradeLabels[text.grade]}`,
                      )
                    : null,
                  ` ${text.figures}`,
                ),
                line.drift
                  ? el(
                      'span',
                      { class: 'issue-message', 'data-testid': 'summary-drift' },
                      pickMessage(line.drift, ctx.lang),
                    )
                  : null,
              ),
            );
          }),
        ),
      );
      details.addEventListener('toggle', () => {
        if (details.open !== open || flow.state.openGoals.has(goal.goal)) flow.toggleGoal(goal.goal, details.open);
      });
      append(block, details);
    }
    if (view.notes.length > 0)
      append(
        block,
        el('h3', { class: 'block-title' }, ctx.t('summary.notesTitle')),
        el('ul', { class: 'name-list' }, ...view.notes.map((n) => el('li', null, pickMessage(n, ctx.lang)))),
      );
    append(block, el('p', { class: 'hint' }, `※${pickMessage(view.footnote, ctx.lang)}`));
    append(block, closingBlock(ctx, view));
    return block;
  }

  /** 年度確定: the closed 年度 with 確定を取り消す each, and the year chooser with 確定. */
  function closingBlock(ctx: SectionContext, view: SummaryView): HTMLElement {
    const state = flow.state;
    const target = flow.yearToClose();
    const notice = state.notice;
    const asking = state.pending === 'close' || state.pending === 'reopen';
    const reopening = view.closed.find((c) => c.fy === state.reopenYear);
    const select = el(
      'select',
      { id: ID.closeYear, class: 'select', 'data-testid': 'summary-close-year' },
      ...view.closable.map((c) => el('option', { value: String(c.fy), selected: c.fy === target?.fy }, c.label)),
    );
    select.addEventListener('change', () => flow.chooseYear(Number(select.value)));
    return el(
      'div',
      { class: 'block', 'data-testid': 'summary-closing' },
      el('h3', { class: 'block-title' }, ctx.t('summary.closingTitle')),
      el('p', { class: 'hint' }, ctx.t('summary.closingHint')),
      notice && notice.kind !== 'stopped'
        ? el(
            'p',
            { class: 'notice notice-success', role: 'status', id: ID.closingNotice, tabindex: -1 },
            ctx.t(notice.kind === 'closed' ? 'summary.closed' : 'summary.reopened', { label: notice.label }),
          )
        : null,
      view.closed.length > 0
        ? el(
            'ul',
            { class: 'name-list' },
            ...view.closed.map((c, i) =>
              el(
                'li',
                { 'data-testid': 'summary-closed-year' },
                `${ctx.t('summary.closedLine', { label: c.label, at: c.closedAt })} `,
                asking
                  ? null
                  : button(ctx.t('summary.reopen'), () => flow.requestReopen(c.fy), {
                      class: 'btn btn-secondary',
                      id: i === 0 ? ID.reopenFirst : `${ID.reopenFirst}-${c.fy}`,
                      'data-testid': 'summary-reopen',
                    }),
              ),
            ),
          )
        : null,
      asking
        ? confirmPanel({
            id: ID.confirm,
            text:
              state.pending === 'close'
                ? ctx.t('summary.confirmClose', { label: target?.label ?? '' })
                : ctx.t('summary.confirmReopen', { label: reopening?.label ?? '' }),
            yes: ctx.t('summary.confirmYes'),
            no: ctx.t('summary.confirmNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : view.closable.length > 0
          ? el(
              'div',
              { class: 'actions' },
              el('label', { for: ID.closeYear, class: 'hint' }, ctx.t('summary.closeYearLabel')),
              select,
              button(ctx.t('summary.close'), () => flow.requestClose(), {
                class: 'btn btn-secondary',
                id: ID.close,
                'data-testid': 'summary-close',
              }),
            )
          : el('p', { class: 'hint' }, ctx.t('summary.nothingToClose')),
    );
  }

  return { id: 'summary', titleKey: 'section.summary', render };
}
