/** 指標サマリー (summary): updates the 指標サマリー sheet from 指標定義 and the ledgers, and lists each goal's indicators with their grades. */
import type { SummaryView } from '../../shared/rpc';
import { append, button, el } from '../dom';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import { SummaryFlow, type SummaryFocus } from '../summary-flow';
import { goalOpen, gradeCountsText, lineText, writtenText } from '../summary-model';
import { confirmPanel } from './controls';
import type { SectionContext, SidebarSection } from './section';

const ID = {
  run: 'summary-run',
  confirm: 'summary-confirm',
  confirmYes: 'summary-confirm-yes',
  result: 'summary-result',
  refused: 'summary-refused',
} as const;

const FOCUS_IDS: Record<SummaryFocus, string> = {
  run: ID.run,
  confirm: ID.confirmYes,
  notice: ID.result,
  result: ID.result,
  refused: ID.refused,
  undo: ID.run,
};

const GRADE_TONE: Record<'A' | 'B' | 'C' | 'D', string> = {
  A: 'badge-confirmed',
  B: 'badge-unconfirmed',
  C: 'badge-warning',
  D: 'badge-error',
};

export function createSummarySection(): SidebarSection {
  let context: SectionContext | null = null;
  const flow = new SummaryFlow(
    call,
    (task) => (context ? context.run(task) : Promise.resolve(undefined)),
    () => context?.rerender(),
  );

  function render(container: HTMLElement, ctx: SectionContext): void {
    context = ctx;
    const state = flow.state;
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.summary')),
      el('p', { class: 'about' }, ctx.t('summary.about')),
      state.pending === 'run'
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
          ),
      state.refused
        ? el(
            'div',
            { class: 'notice notice-warning', role: 'status', id: ID.refused, tabindex: -1 },
            ...pickMessage(state.refused, ctx.lang)
              .split('\n')
              .map((line) => el('p', null, line)),
          )
        : null,
      state.view ? resultBlock(ctx, state.view) : null,
    );
    const focus = flow.takeFocus();
    if (focus)
      queueMicrotask(() => (document.getElementById(FOCUS_IDS[focus]) ?? document.getElementById(ID.run))?.focus());
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
    return block;
  }

  return { id: 'summary', titleKey: 'section.summary', render };
}
