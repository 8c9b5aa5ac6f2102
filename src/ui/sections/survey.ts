/** アンケート (survey): templates into アンケート定義, its check, the Google Forms built or updated from it, and 元に戻す. */
import type { BuiltFormView, SurveyIssueView, SurveyBuildView } from '../../shared/rpc';
import { append, button, el } from '../dom';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import { SURVEY_TEMPLATES, SurveyFlow, type SurveyFocus, type SurveyTemplate } from '../survey-flow';
import type { UndoOffer } from '../undo';
import { confirmPanel, undoButton, undoConfirm } from './controls';
import type { SectionContext, SidebarSection } from './section';

const ID = {
  template: 'survey-template',
  templateWrite: 'survey-template-write',
  check: 'survey-check',
  run: 'survey-run',
  confirm: 'survey-confirm',
  confirmYes: 'survey-confirm-yes',
  notice: 'survey-notice',
  results: 'survey-results',
  issues: 'survey-issues',
  undo: 'survey-undo',
  import: 'survey-import',
} as const;

const FOCUS_IDS: Record<SurveyFocus, string> = {
  run: ID.run,
  confirm: ID.confirmYes,
  notice: ID.notice,
  undo: ID.undo,
  results: ID.results,
  check: ID.issues,
  template: ID.templateWrite,
  import: ID.import,
};

/** Issues shown in the sidebar at most (the rest: run the check in the CLI, or fix these first). */
const ISSUES_SHOWN = 30;

export function createSurveySection(undo: UndoOffer): SidebarSection {
  let context: SectionContext | null = null;
  const flow = new SurveyFlow(
    call,
    (task) => (context ? context.run(task) : Promise.resolve(undefined)),
    () => context?.rerender(),
    undo,
  );

  function render(container: HTMLElement, ctx: SectionContext): void {
    const first = context === null;
    context = ctx;
    const state = flow.state;
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.survey')),
      el('p', { class: 'about' }, ctx.t('survey.about')),
      templateBlock(ctx),
      state.pending === 'run'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('survey.confirmRun'),
            yes: ctx.t('survey.confirmYes'),
            no: ctx.t('survey.confirmNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : el(
            'div',
            { class: 'actions' },
            button(ctx.t('survey.run'), () => void flow.requestRun(), {
              class: 'btn btn-primary',
              id: ID.run,
              'data-testid': 'survey-run',
            }),
            button(ctx.t('survey.check'), () => void flow.check(), {
              class: 'btn btn-secondary',
              id: ID.check,
              'data-testid': 'survey-check',
            }),
          ),
      state.pending === 'import'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('survey.confirmImport'),
            yes: ctx.t('survey.confirmYes'),
            no: ctx.t('survey.confirmNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : el(
            'div',
            { class: 'actions' },
            button(ctx.t('survey.import'), () => flow.requestImport(), {
              class: 'btn btn-secondary',
              id: ID.import,
              'data-testid': 'survey-import',
            }),
          ),
      undoBlock(ctx),
      noticeBlock(ctx),
      state.view ? resultsBlock(ctx, state.view) : null,
    );
    const focus = flow.takeFocus();
    if (focus)
      queueMicrotask(() => (document.getElementById(FOCUS_IDS[focus]) ?? document.getElementById(ID.run))?.focus());
    if (first) queueMicrotask(() => void flow.loadUndoInfo());
  }

  function templateBlock(ctx: SectionContext): HTMLElement {
    const state = flow.state;
    const select = el(
      'select',
      { id: ID.template, class: 'select', 'data-testid': 'survey-template' },
      ...SURVEY_TEMPLATES.map((name) => el('option', { value: name, selected: name === state.template }, name)),
    );
    select.addEventListener('change', () => flow.chooseTemplate(select.value as SurveyTemplate));
    return el(
      'div',
      { class: 'block' },
      el('h3', { class: 'block-title' }, ctx.t('survey.templateTitle')),
      el('label', { for: ID.template, class: 'hint' }, ctx.t('survey.templateLabel')),
      state.pending === 'template'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('survey.confirmTemplate', { template: state.template }),
            yes: ctx.t('survey.confirmYes'),
            no: ctx.t('survey.confirmNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : el(
            'div',
            { class: 'actions' },
            select,
            button(ctx.t('survey.templateWrite'), () => flow.requestTemplate(), {
              class: 'btn btn-secondary',
              id: ID.templateWrite,
              'data-testid': 'survey-template-write',
            }),
          ),
    );
  }

  function undoBlock(ctx: SectionContext): HTMLElement | null {
    const info = flow.undo.info;
    if (!info) return null;
    return flow.state.pending === 'undo'
      ? undoConfirm(
          ctx,
          info,
          ID.confirm,
          () => void flow.accept(),
          () => flow.cancel(),
        )
      : el(
          'div',
          { class: 'actions' },
          undoButton(info, ctx.lang, () => flow.requestUndo(), ID.undo),
        );
  }

  function noticeBlock(ctx: SectionContext): HTMLElement | null {
    const notice = flow.state.notice;
    if (!notice) return null;
    let text: string;
    if (notice.kind === 'template') {
      const r = notice.result;
      text = ctx.t('survey.templateDone', { sheet: r.sheet, first: r.firstRow, last: r.lastRow, name: r.formName });
    } else if (notice.kind === 'built') {
      text = ctx.t('survey.built', { n: notice.forms, made: notice.made, updated: notice.updated });
    } else if (notice.kind === 'notBuilt') {
      text = ctx.t('survey.notBuilt', { n: notice.errors });
    } else if (notice.kind === 'imported') {
      return el(
        'div',
        { id: ID.notice, tabindex: -1, role: 'status', 'data-testid': 'survey-notice' },
        el('p', { class: 'result' }, ctx.t('survey.imported', { n: notice.rows, sheet: notice.sheet })),
        ...notice.notices.map((n) => el('p', { class: 'notice notice-warning' }, pickMessage(n, ctx.lang))),
      );
    } else {
      text = ctx.t('undo.done', { label: pickMessage(notice.label, ctx.lang), n: notice.cells });
    }
    return el(
      'p',
      { class: 'result', role: 'status', id: ID.notice, tabindex: -1, 'data-testid': 'survey-notice' },
      text,
    );
  }

  function resultsBlock(ctx: SectionContext, view: SurveyBuildView): HTMLElement {
    const state = flow.state;
    const block = el(
      'div',
      { class: 'block results', id: ID.results, tabindex: -1 },
      view.listSheet ? el('p', { class: 'hint' }, ctx.t('survey.listWritten', { sheet: view.listSheet })) : null,
      ...view.notices.map((n) =>
        el('p', { class: 'notice notice-warning', 'data-testid': 'survey-form-notice' }, pickMessage(n, ctx.lang)),
      ),
      el('h3', { class: 'block-title' }, ctx.t('survey.formsTitle')),
      view.forms.length > 0
        ? el('ul', { class: 'name-list', 'data-testid': 'survey-forms' }, ...view.forms.map((f) => formItem(ctx, f)))
        : el('p', { class: 'muted' }, ctx.t('survey.noForms')),
    );
    if (state.pending === 'remove' || state.pending === 'recreate') {
      append(
        block,
        confirmPanel({
          id: ID.confirm,
          text: ctx.t(state.pending === 'remove' ? 'survey.confirmRemove' : 'survey.confirmRecreate'),
          yes: ctx.t('survey.confirmYes'),
          no: ctx.t('survey.confirmNo'),
          onYes: () => void flow.accept(),
          onNo: () => flow.cancel(),
        }),
      );
    } else if (view.built && (flow.hasLeftOver || flow.hasGone)) {
      append(
        block,
        el(
          'div',
          { class: 'actions' },
          flow.hasLeftOver
            ? button(ctx.t('survey.remove'), () => flow.requestRemoval(), {
                class: 'btn btn-secondary',
                'data-testid': 'survey-remove',
              })
            : null,
          flow.hasGone
            ? button(ctx.t('survey.recreate'), () => flow.requestRecreate(), {
                class: 'btn btn-secondary',
                'data-testid': 'survey-recreate',
              })
            : null,
        ),
      );
    }
    append(block, issuesBlock(ctx, view.issues));
    return block;
  }

  function formItem(ctx: SectionContext, f: BuiltFormView): HTMLElement {
    const questions = f.items.filter((i) => i.type !== 'section' && i.type !== 'header').length;
    const outcome = ctx.t(
      f.outcome === 'planned'
        ? 'survey.planned'
        : f.outcome === 'made'
          ? 'survey.made'
          : f.outcome === 'updated'
            ? 'survey.updated'
            : f.outcome === 'gone'
              ? 'survey.gone'
              : 'survey.unchanged',
    );
    const open =
      f.outcome === 'planned' || f.outcome === 'gone'
        ? null
        : ctx.t(f.published && f.acceptingResponses ? 'survey.open' : 'survey.closed');
    return el(
      'li',
      { class: 'survey-form', 'data-testid': 'survey-form' },
      el('span', { class: 'group-title' }, `${f.name}（${pickMessage(f.languageLabel, ctx.lang)}）`),
      el(
        'span',
        { class: 'muted' },
        [
          ctx.t('survey.questions', { n: questions }),
          outcome,
          open,
          f.pending > 0 ? ctx.t('survey.pending', { n: f.pending }) : null,
        ]
          .filter((p): p is string => p !== null)
          .join(ctx.t('list.dot')),
      ),
      f.shortUrl ? el('span', { class: 'survey-url', 'data-testid': 'survey-url' }, f.shortUrl) : null,
    );
  }

  function issuesBlock(ctx: SectionContext, issues: readonly SurveyIssueView[]): HTMLElement {
    const block = el(
      'div',
      { class: 'block', id: ID.issues, tabindex: -1 },
      el('h3', { class: 'block-title' }, ctx.t('survey.issuesTitle')),
    );
    if (issues.length === 0) {
      append(block, el('p', { class: 'muted' }, ctx.t('survey.noIssues')));
      return block;
    }
    // Errors first: they stop the build.
    const order = { error: 0, warning: 1, info: 2 } as const;
    const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity] || a.row - b.row);
    append(
      block,
      el(
        'ul',
        { class: 'issue-list' },
        ...sorted
          .slice(0, ISSUES_SHOWN)
          .map((issue) =>
            el(
              'li',
              { class: `issue is-${issue.severity}`, 'data-testid': 'survey-issue' },
              el(
                'span',
                { class: `badge badge-${issue.severity === 'info' ? 'warning' : issue.severity}` },
                ctx.t(
                  issue.severity === 'error'
                    ? 'survey.severityError'
                    : issue.severity === 'warning'
                      ? 'survey.severityWarning'
                      : 'survey.severityInfo',
                ),
              ),
              issue.row > 0
                ? el(
                    'span',
                    { class: 'issue-place' },
                    issue.column
                      ? ctx.t('survey.placeColumn', { row: issue.row, column: issue.column })
                      : ctx.t('survey.place', { row: issue.row }),
                  )
                : null,
              el('span', { class: 'issue-message' }, pickMessage(issue.message, ctx.lang)),
            ),
          ),
      ),
      sorted.length > ISSUES_SHOWN
        ? el('p', { class: 'more' }, ctx.t('validate.more', { n: sorted.length - ISSUES_SHOWN }))
        : null,
    );
    return block;
  }

  return { id: 'survey', titleKey: 'section.survey', render };
}
