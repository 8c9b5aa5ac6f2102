/** 検証 (validate): runs the checks, lists the issues by sheet and rule, clears highlights, previews and applies safe fixes, undoes, and erases the history. */
import type { FixPreview, IssueGroup, IssueView, ValidationView } from '../../shared/rpc';
import { append, button, el, type Child } from '../dom';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import type { UndoOffer } from '../undo';
import { ValidateFlow, type FocusTarget } from '../validate-flow';
import {
  checkedSheetText,
  countParts,
  fixItemModel,
  fixPreviewModel,
  groupOpen,
  groupsBySheet,
  issueGroupModel,
  issueItemModel,
  noticeText,
} from '../validate-model';
import { confirmPanel, undoButton, undoConfirm } from './controls';
import type { SectionContext, SidebarSection } from './section';

const ID = {
  run: 'validate-run',
  confirm: 'validate-confirm',
  confirmYes: 'validate-confirm-yes',
  summary: 'validate-summary',
  notice: 'validate-notice',
  previewHeading: 'validate-preview-heading',
  previewButton: 'validate-fix-preview',
  previewAgain: 'validate-preview-again',
  undo: 'validate-undo',
  erase: 'validate-erase-history',
} as const;

const FOCUS_IDS: Record<FocusTarget, string> = {
  run: ID.run,
  confirm: ID.confirmYes,
  summary: ID.summary,
  notice: ID.notice,
  preview: ID.previewHeading,
  previewButton: ID.previewButton,
  fixChanged: ID.previewAgain,
  undo: ID.undo,
  erase: ID.erase,
};

export function createValidateSection(undo: UndoOffer): SidebarSection {
  /** The shell hands the same context to every render; the flow reaches it through this. */
  let context: SectionContext | null = null;
  const flow = new ValidateFlow(
    call,
    (task) => (context ? context.run(task) : Promise.resolve(undefined)),
    () => context?.rerender(),
    undo,
  );

  /** Set once the menu's confirmed run has started (it starts once per sidebar). */
  let ranFromMenu = false;

  function render(container: HTMLElement, ctx: SectionContext): void {
    const first = context === null;
    context = ctx;
    const state = flow.state;
    // 拡張機能 → 検証 asked already: the run starts now, without the confirm panel.
    if (!ranFromMenu && ctx.state?.runNow && ctx.state.section === 'validate') {
      ranFromMenu = true;
      queueMicrotask(() => void flow.runConfirmedElsewhere());
    }
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.validate')),
      el('p', { class: 'about' }, ctx.t('validate.about')),
      state.pending === 'run'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('validate.confirmRun'),
            yes: ctx.t('validate.confirmYes'),
            no: ctx.t('validate.confirmNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : el(
            'div',
            { class: 'actions' },
            button(ctx.t('validate.run'), () => void flow.requestRun(), {
              class: 'btn btn-primary',
              id: ID.run,
              'data-testid': 'validate-run',
            }),
          ),
      state.progress ? progressBlock(ctx) : null,
      tools(ctx),
      state.notice
        ? el('p', { class: 'result', role: 'status', id: ID.notice, tabindex: -1 }, noticeText(state.notice, ctx.lang))
        : null,
      state.fixChanged ? fixChangedNotice(ctx) : null,
      state.preview ? previewBlock(ctx, state.preview) : null,
      state.validation ? resultsBlock(ctx, state.validation) : null,
    );

    // After the shell has put the section in the document.
    const focus = flow.takeFocus();
    if (focus)
      queueMicrotask(() => (document.getElementById(FOCUS_IDS[focus]) ?? document.getElementById(ID.run))?.focus());
    if (first) queueMicrotask(() => void flow.loadUndoInfo());
  }

  /** How far a 検証 in parts is, with 中止. */
  function progressBlock(ctx: SectionContext): HTMLElement | null {
    const { progress, progressKind, stopRequested, partFailed } = flow.state;
    if (!progress) return null;
    const text =
      progressKind === 'fix' ? 'fix.progress' : progressKind === 'undo' ? 'fix.undoing' : 'validate.progress';
    return el(
      'div',
      {
        class: 'block run-progress',
        'data-testid': progressKind === 'validate' ? 'validate-progress' : `${progressKind}-progress`,
      },
      el('p', { role: 'status' }, ctx.t(text, { done: progress.done, total: progress.total })),
      el('progress', { max: progress.total, value: progress.done }),
      progressKind === 'undo'
        ? null
        : stopRequested
          ? el('p', { class: 'hint' }, ctx.t('validate.stopping'))
          : el(
              'div',
              { class: 'actions' },
              partFailed
                ? button(ctx.t('validate.resume'), () => void flow.resumeRun(), {
                    class: 'btn btn-primary',
                    'data-testid': 'validate-resume',
                  })
                : null,
              button(ctx.t('validate.stop'), () => flow.stopRun(), {
                'data-while-busy': true,
                class: 'btn btn-secondary',
                'data-testid': 'validate-stop',
              }),
            ),
    );
  }

  /** ハイライトを消す, 安全な修正を適用, 元に戻す when there is something to undo, and 履歴を消去. */
  function tools(ctx: SectionContext): HTMLElement {
    const state = flow.state;
    const undo = flow.undo.info;
    return el(
      'div',
      { class: 'block tools' },
      el(
        'div',
        { class: 'actions' },
        button(ctx.t('validate.clearHighlights'), () => void flow.clearHighlights(), {
          class: 'btn btn-secondary',
          'data-testid': 'highlight-clear',
        }),
        button(ctx.t('validate.fixPreview'), () => void flow.previewFixes(), {
          class: 'btn btn-secondary',
          id: ID.previewButton,
          'data-testid': 'fix-preview',
        }),
        undo && state.pending !== 'undo' ? undoButton(undo, ctx.lang, () => flow.requestUndo(), ID.undo) : null,
        state.pending !== 'erase'
          ? button(ctx.t('history.erase'), () => flow.requestErase(), {
              class: 'btn btn-secondary',
              id: ID.erase,
              'data-testid': 'history-erase',
            })
          : null,
      ),
      undo && state.pending === 'undo'
        ? undoConfirm(
            ctx,
            undo,
            ID.confirm,
            () => void flow.accept(),
            () => flow.cancel(),
          )
        : null,
      state.pending === 'erase'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('history.eraseConfirm'),
            yes: ctx.t('history.eraseYes'),
            no: ctx.t('history.eraseNo'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : null,
    );
  }

  function fixChangedNotice(ctx: SectionContext): HTMLElement {
    const message = flow.state.fixChanged;
    return el(
      'div',
      { class: 'notice notice-warning', role: 'status' },
      el('p', null, message ? pickMessage(message, ctx.lang) : ''),
      button(ctx.t('validate.previewAgain'), () => void flow.previewFixes(), {
        class: 'btn btn-secondary',
        id: ID.previewAgain,
      }),
    );
  }

  function previewBlock(ctx: SectionContext, preview: FixPreview): HTMLElement {
    const model = fixPreviewModel(preview, ctx.lang);
    const block = el(
      'div',
      { class: 'block fix-preview', 'aria-labelledby': ID.previewHeading, role: 'region' },
      el('h3', { class: 'block-title', id: ID.previewHeading, tabindex: -1 }, ctx.t('validate.previewTitle')),
    );
    const cancel = button(ctx.t('validate.previewCancel'), () => flow.cancelPreview(), {
      class: 'btn btn-secondary',
      'data-testid': 'fix-cancel',
    });
    if (model.empty) {
      append(
        block,
        el('p', { class: 'muted' }, ctx.t('validate.previewNone')),
        el('div', { class: 'actions' }, cancel),
      );
      return block;
    }
    append(
      block,
      el(
        'p',
        { class: 'fix-total' },
        model.totalText,
        model.shownText ? el('span', { class: 'muted' }, model.shownText) : null,
      ),
      model.byKindText ? el('p', { class: 'hint' }, model.byKindText) : null,
      el('p', { class: 'hint' }, ctx.t('validate.previewHint')),
      preview.checkedWhenApplied ? el('p', { class: 'hint' }, ctx.t('fix.previewChecked')) : null,
      el(
        'table',
        { class: 'fix-table' },
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            el('th', { scope: 'col', class: 'fix-cell' }, ctx.t('validate.colCell')),
            el('th', { scope: 'col' }, ctx.t('validate.colChange')),
          ),
        ),
        el(
          'tbody',
          null,
          ...preview.items.map((item) => {
            const row = fixItemModel(item, ctx.lang);
            return el(
              'tr',
              { 'data-testid': 'fix-item' },
              // Cell, sheet and kind stack in the narrow column; before and after each get a line of their own.
              el(
                'td',
                { class: 'fix-cell' },
                el('span', { class: 'fix-address' }, row.cell),
                el('span', { class: 'fix-sheet' }, row.sheet),
                el('span', { class: 'fix-kind' }, row.kindText),
              ),
              el(
                'td',
                null,
                el('span', { class: 'fix-line' }, el('span', { class: 'fix-value fix-before' }, row.before)),
                el(
                  'span',
                  { class: 'fix-line' },
                  el('span', { class: 'fix-arrow', 'aria-hidden': 'true' }, '→ '),
                  el('span', { class: 'fix-value fix-after' }, row.after),
                ),
              ),
            );
          }),
        ),
      ),
      el(
        'div',
        { class: 'action-bar' },
        el(
          'div',
          { class: 'actions' },
          button(ctx.t('validate.previewApply'), () => void flow.applyFixes(), {
            class: 'btn btn-primary',
            'data-testid': 'fix-apply',
          }),
          cancel,
        ),
      ),
    );
    return block;
  }

  function resultsBlock(ctx: SectionContext, view: ValidationView): HTMLElement {
    const parts = countParts(view.counts, ctx.lang);
    const counts = el('p', { class: 'counts', 'data-testid': 'validate-counts' });
    parts.forEach((part, index) => {
      append(
        counts,
        index > 0 ? ctx.t('list.dot') : null,
        el('span', { class: `count count-${part.tone}` }, part.text),
      );
    });
    const block = el(
      'div',
      { class: 'block results' },
      el('div', { class: 'summary', id: ID.summary, tabindex: -1, role: 'status' }, counts),
      view.resultSheet
        ? el('p', { class: 'hint' }, ctx.t('validate.written', { sheet: view.resultSheet, n: view.highlighted }))
        : null,
      view.resultSheet && view.unmarked > 0
        ? el(
            'p',
            { class: 'hint' },
            ctx.t('validate.unmarked', { sheet: view.resultSheet, n: view.highlighted, m: view.unmarked }),
          )
        : null,
      ...view.notices.map((notice) => el('p', { class: 'notice notice-warning' }, pickMessage(notice, ctx.lang))),
      el('h3', { class: 'block-title' }, ctx.t('validate.checkedTitle')),
      view.checkedSheets.length > 0
        ? el(
            'ul',
            { class: 'name-list' },
            ...view.checkedSheets.map((sheet) => el('li', null, checkedSheetText(sheet, ctx.lang))),
          )
        : el('p', { class: 'muted' }, ctx.t('validate.noChecked')),
      el('h3', { class: 'block-title' }, ctx.t('validate.issuesTitle')),
    );
    if (view.groups.length === 0) {
      append(block, el('p', { class: 'muted' }, ctx.t('validate.noIssues')));
      return block;
    }
    append(block, el('p', { class: 'hint' }, ctx.t('validate.selectHint')));
    for (const { sheet, groups } of groupsBySheet(view.groups)) {
      append(
        block,
        el('h4', { class: 'issue-sheet' }, sheet),
        ...groups.map((group) => groupBlock(ctx, group, view.groups.length)),
      );
    }
    return block;
  }

  function groupBlock(ctx: SectionContext, group: IssueGroup, groupCount: number): HTMLElement {
    const model = issueGroupModel(group, ctx.lang);
    const open = groupOpen(group, groupCount, flow.state.openGroups);
    const details = el(
      'details',
      { class: `issue-group is-${model.severity}`, 'data-testid': 'issue-group', open },
      el(
        'summary',
        { class: 'group-summary' },
        el('span', { class: `badge badge-${model.severity}` }, model.severityText),
        el('span', { class: 'group-title' }, model.title),
        el('span', { class: 'group-total' }, model.totalText),
      ),
      el('ul', { class: 'issue-list' }, ...group.issues.map((issue) => issueItem(ctx, issue))),
      model.moreText ? el('p', { class: 'more' }, model.moreText) : null,
    );
    details.addEventListener('toggle', () => {
      // The toggle event also follows the initial `open`; only a change staff made is remembered.
      if (details.open !== open || flow.state.openGroups.has(model.key)) flow.toggleGroup(model.key, details.open);
    });
    return details;
  }

  function issueItem(ctx: SectionContext, issue: IssueView): HTMLElement {
    const model = issueItemModel(issue, ctx.lang);
    const parts: Child[] = [
      el('span', { class: 'issue-place' }, model.place),
      el('span', { class: 'issue-message' }, model.message),
      el('span', { class: 'issue-value' }, model.valueText),
      model.suggestionText ? el('span', { class: 'issue-suggestion' }, model.suggestionText) : null,
    ];
    const target = model.target;
    if (!target)
      return el('li', { class: 'issue', 'data-testid': 'issue-item' }, el('div', { class: 'issue-body' }, ...parts));
    const node: HTMLButtonElement = button(
      parts,
      () => {
        void flow.selectCell(target).then(() => {
          // The call disables every control for a moment, which can drop the focus; give it back.
          const active = document.activeElement;
          if ((!active || active === document.body) && node.isConnected) node.focus();
        });
      },
      { class: 'issue-body issue-button' },
    );
    return el('li', { class: 'issue', 'data-testid': 'issue-item' }, node);
  }

  return { id: 'validate', titleKey: 'section.validate', render };
}
