/** アンケート (survey): templates into アンケート定義, its check, the Google Forms built or updated from it, and 元に戻す. */
import type { BuiltFormView, SurveyBuildView, SurveyCandidateView, SurveyIssueView } from '../../shared/rpc';
import { append, button, el } from '../dom';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import { SURVEY_TEMPLATES, SurveyFlow, type SurveyFocus, type SurveyTemplate } from '../survey-flow';
import type { UndoOffer } from '../undo';
import { confirmPanel, undoButton, undoConfirm } from './controls';
import type { SectionContext, SidebarSection } from './section';
import { TriggerBlocks } from './triggers';

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
  candidates: 'survey-candidates',
  decide: 'survey-decide',
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
  candidates: ID.candidates,
};

/** New candidates shown at most (the CLI lists them all). */
const CANDIDATES_SHOWN = 30;

/** Issues shown in the sidebar at most (the rest: run the check in the CLI, or fix these first). */
const ISSUES_SHOWN = 30;

export function createSurveySection(undo: UndoOffer, triggers: TriggerBlocks = new TriggerBlocks()): SidebarSection {
  let context: SectionContext | null = null;
  const flow = new SurveyFlow(
    call,
    (task) => (context ? context.run(task) : Promise.resolve(undefined)),
    () => context?.rerender(),
    undo,
  );
  flow.afterAnswers = () => void triggers.flow.load();

  /** 新しい回答 N件 (the form-submit trigger's counts) and 未処理 N件 (once the candidates were read), beside the heading. */
  function headingCounts(ctx: SectionContext): HTMLElement | null {
    const fresh = (triggers.flow.state.status?.answers.newAnswers ?? []).reduce((n, a) => n + a.count, 0);
    const open = flow.state.candidates?.counts.new ?? 0;
    const parts = [
      fresh > 0 ? ctx.t('survey.headingNew', { n: fresh }) : '',
      open > 0 ? ctx.t('survey.headingOpen', { n: open }) : '',
    ].filter((p) => p !== '');
    return parts.length === 0
      ? null
      : el('span', { class: 'badge badge-unconfirmed', 'data-testid': 'survey-heading-counts' }, parts.join('・'));
  }

  function render(container: HTMLElement, ctx: SectionContext): void {
    const first = context === null;
    context = ctx;
    const state = flow.state;
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.survey'), ' ', headingCounts(ctx)),
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
      candidatesBlock(ctx),
      undoBlock(ctx),
      noticeBlock(ctx),
      state.view ? resultsBlock(ctx, state.view) : null,
      triggers.renderAnswers(ctx),
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

  /** 登録・活動報告の回答: the candidates, each to import or decline; nothing is written until staff confirm. */
  function candidatesBlock(ctx: SectionContext): HTMLElement {
    const state = flow.state;
    const view = state.candidates;
    const block = el(
      'div',
      { class: 'block', id: ID.candidates, tabindex: -1, 'data-testid': 'survey-candidates' },
      el('h3', { class: 'block-title' }, ctx.t('survey.candidatesTitle')),
      el(
        'div',
        { class: 'actions' },
        button(ctx.t(view ? 'survey.candidatesReload' : 'survey.candidatesLoad'), () => void flow.loadCandidates(), {
          class: 'btn btn-secondary',
          'data-testid': 'survey-candidates-load',
        }),
      ),
    );
    if (!view) return block;
    if (view.forms.length === 0) {
      append(block, el('p', { class: 'muted' }, ctx.t('survey.candidatesNoForms')));
      return block;
    }
    const c = view.counts;
    append(
      block,
      el(
        'p',
        { class: 'hint', 'data-testid': 'survey-candidate-counts' },
        ctx.t('survey.candidateCounts', {
          n: c.new,
          imported: c.imported,
          declined: c.declined,
          noConsent: c.noConsent,
        }),
      ),
      ...view.notices.map((n) => el('p', { class: 'notice notice-warning' }, pickMessage(n, ctx.lang))),
    );
    const open = view.candidates.filter(
      (x) => x.status === 'new' || x.status === 'declined' || x.status === 'noConsent',
    );
    if (open.length > 0) {
      append(
        block,
        el('ul', { class: 'name-list' }, ...open.slice(0, CANDIDATES_SHOWN).map((x) => candidateItem(ctx, x))),
        open.length > CANDIDATES_SHOWN
          ? el('p', { class: 'more' }, ctx.t('survey.candidatesMore', { n: open.length - CANDIDATES_SHOWN }))
          : null,
      );
    }
    const { accept, decline } = flow.chosen;
    append(
      block,
      state.pending === 'decide'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('survey.confirmDecide', { n: accept.length, m: decline.length }),
            yes: ctx.t('survey.confirmYes'),
            no: ctx.t('survey.confirmNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : accept.length + decline.length > 0
          ? el(
              'div',
              { class: 'actions' },
              button(ctx.t('survey.decide', { n: accept.length, m: decline.length }), () => flow.requestDecide(), {
                class: 'btn btn-primary',
                id: ID.decide,
                'data-testid': 'survey-decide',
              }),
            )
          : null,
    );
    return block;
  }

  function candidateItem(ctx: SectionContext, x: SurveyCandidateView): HTMLElement {
    const choice = flow.state.choices[x.responseId] ?? null;
    const who = x.row['氏名'] ?? x.row['日付'] ?? x.responseId;
    const summary = Object.entries(x.row)
      .filter(([, v]) => v !== '')
      .slice(0, 6)
      .map(([k, v]) => `${k}: ${v}`)
      .join(ctx.t('list.dot'));
    const toggle = (kind: 'accept' | 'decline', key: 'survey.acceptOne' | 'survey.declineOne'): HTMLElement =>
      button(ctx.t(key), () => flow.choose(x.responseId, choice === kind ? null : kind), {
        class: `btn btn-small ${choice === kind ? 'btn-primary' : 'btn-secondary'}`,
        'aria-pressed': choice === kind ? 'true' : 'false',
        'data-testid': `survey-candidate-${kind}`,
      });
    return el(
      'li',
      { class: 'survey-candidate', 'data-testid': 'survey-candidate' },
      el('span', { class: 'group-title' }, `${who}（${pickMessage(x.languageLabel, ctx.lang)}・${x.form}）`),
      x.status === 'declined' ? el('span', { class: 'badge badge-warning' }, ctx.t('survey.statusDeclined')) : null,
      el('span', { class: 'muted' }, summary),
      x.duplicateOf
        ? el('p', { class: 'notice notice-warning' }, ctx.t('survey.duplicateOf', { id: x.duplicateOf }))
        : null,
      x.reason ? el('p', { class: 'notice notice-warning' }, pickMessage(x.reason, ctx.lang)) : null,
      ...x.issues
        .slice(0, 5)
        .map((i) =>
          el(
            'p',
            { class: `issue is-${i.severity}` },
            `${i.column ? `「${i.column}」` : ''}${pickMessage(i.message, ctx.lang)}`,
          ),
        ),
      ...x.unmatched.map((u) =>
        el('p', { class: 'issue is-warning' }, ctx.t('survey.unmatched', { q: u.question, v: u.values.join('、') })),
      ),
      x.status === 'noConsent'
        ? null
        : el(
            'div',
            { class: 'actions' },
            toggle('accept', 'survey.acceptOne'),
            x.status === 'declined' ? null : toggle('decline', 'survey.declineOne'),
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
        el('p', { class: 'result' }, ctx.t('survey.importedChanges', { added: notice.added, updated: notice.updated })),
        ...(notice.remaining > 0
          ? [el('p', { class: 'notice notice-warning' }, ctx.t('survey.importStopped', { n: notice.remaining }))]
          : []),
        ...notice.notices.map((n) => el('p', { class: 'notice notice-warning' }, pickMessage(n, ctx.lang))),
      );
    } else if (notice.kind === 'importing') {
      text = ctx.t('survey.importing', { done: notice.done, total: notice.total });
    } else if (notice.kind === 'building') {
      text = ctx.t('survey.building', { done: notice.done, total: notice.total });
    } else if (notice.kind === 'decided') {
      const r = notice.result;
      return el(
        'div',
        { id: ID.notice, tabindex: -1, role: 'status', 'data-testid': 'survey-notice' },
        el(
          'p',
          { class: 'result' },
          ctx.t('survey.decided', {
            n: r.imported,
            m: r.declined,
            sheets: r.written.map((w) => `「${w.sheet}」${w.firstRow}〜${w.lastRow}`).join('、') || '—',
          }),
        ),
        r.ids.length > 0 ? el('p', { class: 'hint' }, ctx.t('survey.newIds', { ids: r.ids.join('、') })) : null,
        ...r.notices.map((n) => el('p', { class: 'notice notice-warning' }, pickMessage(n, ctx.lang))),
      );
    } else if (notice.kind === 'flyer') {
      const f = notice.flyer;
      return el(
        'div',
        { id: ID.notice, tabindex: -1, role: 'status', 'data-testid': 'survey-notice' },
        el(
          'p',
          { class: 'result' },
          ctx.t('survey.flyerShown', { name: f.name, language: pickMessage(f.languageLabel, ctx.lang) }),
        ),
        ...f.notices.map((n) => el('p', { class: 'notice notice-warning' }, pickMessage(n, ctx.lang))),
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
      // A form built before (this run or an earlier one) has an address to print.
      f.id !== '' && f.outcome !== 'gone'
        ? el(
            'div',
            { class: 'actions' },
            button(ctx.t('survey.flyer'), () => void flow.openFlyer(f.name, f.language), {
              class: 'btn btn-secondary btn-small',
              'data-testid': 'survey-flyer',
              'aria-label': ctx.t('survey.flyerFor', {
                name: f.name,
                language: pickMessage(f.languageLabel, ctx.lang),
              }),
            }),
          )
        : null,
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
