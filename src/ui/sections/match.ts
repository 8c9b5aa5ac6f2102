/** マッチング (match): runs the matching, lists each request's pairs with reasons, pins, excludes, approves, commits and undoes; shows the recruiting agenda. */
import type { MatchView, PairView, RequestMatchView } from '../../shared/rpc';
import { append, button, el, uniqueId } from '../dom';
import { pickMessage } from '../i18n';
import { MatchFlow, type MatchFocus } from '../match-flow';
import {
  matchNoticeText,
  pairKey,
  pairModel,
  refusedText,
  requestModel,
  requestOpen,
  shortageRows,
  statsParts,
  visibleRequests,
  volunteerText,
  type PairRef,
} from '../match-model';
import { call } from '../rpc-client';
import type { UndoOffer } from '../undo';
import { confirmPanel, undoButton, undoConfirm } from './controls';
import type { SectionContext, SidebarSection } from './section';

const ID = {
  run: 'match-run',
  confirm: 'match-confirm',
  confirmYes: 'match-confirm-yes',
  stats: 'match-stats',
  notice: 'match-notice',
  runAgain: 'match-run-again',
  undo: 'match-undo',
  commit: 'match-commit',
  filter: 'match-filter',
  shortagesHeading: 'match-shortages-heading',
} as const;

const FOCUS_IDS: Record<Exclude<MatchFocus, object>, string> = {
  run: ID.run,
  confirm: ID.confirmYes,
  stats: ID.stats,
  notice: ID.notice,
  changed: ID.runAgain,
  undo: ID.undo,
  commit: ID.commit,
};

export function createMatchSection(undo: UndoOffer): SidebarSection {
  /** The shell hands the same context to every render; the flow reaches it through this. */
  let context: SectionContext | null = null;
  const flow = new MatchFlow(
    call,
    (task) => (context ? context.run(task) : Promise.resolve(undefined)),
    () => context?.rerender(),
    undo,
  );
  /** Per-pair controls and request summaries of the last render, by focus key (ids would have to carry sheet text). */
  let focusable = new Map<string, HTMLElement>();

  /** Set once the menu's confirmed run has started (it starts once per sidebar). */
  let ranFromMenu = false;

  function render(container: HTMLElement, ctx: SectionContext): void {
    const first = context === null;
    context = ctx;
    focusable = new Map();
    // 拡張機能 → マッチング asked already: the run starts now, without the confirm panel.
    if (!ranFromMenu && ctx.state?.runNow && ctx.state.section === 'match') {
      ranFromMenu = true;
      queueMicrotask(() => void flow.runConfirmedElsewhere());
    }
    const state = flow.state;
    const undoInfo = flow.undo.info;
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.match')),
      el('p', { class: 'about' }, ctx.t('match.about')),
      state.pending === 'run'
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('match.confirmRun'),
            yes: ctx.t('match.confirmYes'),
            no: ctx.t('match.cancel'),
            onYes: () => void flow.accept(),
            onNo: () => flow.cancel(),
          })
        : el(
            'div',
            { class: 'actions' },
            button(ctx.t('match.run'), () => void flow.requestRun(), {
              class: 'btn btn-primary',
              id: ID.run,
              'data-testid': 'match-run',
            }),
            undoInfo && state.pending !== 'undo'
              ? undoButton(undoInfo, ctx.lang, () => flow.requestUndo(), ID.undo)
              : null,
          ),
      undoInfo && state.pending === 'undo'
        ? undoConfirm(
            ctx,
            undoInfo,
            ID.confirm,
            () => void flow.accept(),
            () => flow.cancel(),
          )
        : null,
      state.notice
        ? el(
            'p',
            { class: 'result', role: 'status', id: ID.notice, tabindex: -1 },
            matchNoticeText(state.notice, ctx.lang),
          )
        : null,
      ...(state.notice?.kind === 'committed' ? state.notice.refused : []).map((line) =>
        el('p', { class: 'notice notice-warning', 'data-testid': 'commit-refused' }, refusedText(line, ctx.lang)),
      ),
      state.changed
        ? el(
            'div',
            { class: 'notice notice-warning', role: 'status' },
            el('p', null, pickMessage(state.changed, ctx.lang)),
            button(ctx.t('match.runAgain'), () => void flow.runAgain(), {
              class: 'btn btn-secondary',
              id: ID.runAgain,
              'data-testid': 'match-run-again',
            }),
          )
        : null,
      state.progress ? progressBlock(ctx) : null,
      state.view ? resultsBlock(ctx, state.view) : null,
      state.view ? shortagesBlock(ctx, state.view) : null,
    );

    // After the shell has put the section in the document.
    const focus = flow.takeFocus();
    if (focus) queueMicrotask(() => focusTarget(focus));
    if (first) queueMicrotask(() => void flow.loadUndoInfo());
  }

  /** How far a マッチング in parts is, with 中止 (and 続ける after a part failed). */
  function progressBlock(ctx: SectionContext): HTMLElement | null {
    const { progress, stopRequested, partFailed } = flow.state;
    if (!progress) return null;
    return el(
      'div',
      { class: 'block run-progress', 'data-testid': 'match-progress' },
      el('p', { role: 'status' }, ctx.t('match.progress', { done: progress.done, total: progress.total })),
      el('progress', { max: progress.total, value: progress.done }),
      stopRequested
        ? el('p', { class: 'hint' }, ctx.t('validate.stopping'))
        : el(
            'div',
            { class: 'actions' },
            partFailed
              ? button(ctx.t('validate.resume'), () => void flow.resumeRun(), {
                  class: 'btn btn-primary',
                  'data-testid': 'match-resume',
                })
              : null,
            button(ctx.t('validate.stop'), () => flow.stopRun(), {
              'data-while-busy': true,
              class: 'btn btn-secondary',
              'data-testid': 'match-stop',
            }),
          ),
    );
  }

  function focusTarget(focus: MatchFocus): void {
    let target: HTMLElement | null | undefined;
    if (typeof focus === 'object') {
      // The pair may be gone after a new run (restored, or no longer possible): its request, then the stats.
      target =
        focusable.get(controlKey(focus.control, focus.pair)) ??
        focusable.get(requestKey(focus.pair.requestId)) ??
        document.getElementById(ID.stats);
    } else {
      target = document.getElementById(FOCUS_IDS[focus]);
    }
    // A control inside a folded request cannot take the focus; its summary can.
    const folded = target?.closest('details:not([open])');
    if (folded && target) target = folded.querySelector('summary') ?? target;
    (target ?? document.getElementById(ID.run))?.focus();
  }

  function resultsBlock(ctx: SectionContext, view: MatchView): HTMLElement {
    const counts = el('p', { class: 'counts' });
    statsParts(view, ctx.lang).forEach((part, index) =>
      append(counts, index > 0 ? ctx.t('list.dot') : null, el('span', { class: 'count' }, part)),
    );
    const shown = visibleRequests(view.requests, flow.state.shortOnly);
    const filter = el('input', {
      type: 'checkbox',
      id: ID.filter,
      checked: flow.state.shortOnly,
      'data-testid': 'match-filter',
    });
    filter.addEventListener('change', () => flow.setShortOnly(filter.checked));
    return el(
      'div',
      { class: 'block results' },
      el('div', { class: 'summary', id: ID.stats, tabindex: -1, role: 'status', 'data-testid': 'match-stats' }, counts),
      el('p', { class: 'hint' }, ctx.t('match.written', { sheet: view.resultSheet })),
      ...view.warnings.map((warning) => el('p', { class: 'notice notice-warning' }, pickMessage(warning, ctx.lang))),
      el('h3', { class: 'block-title' }, ctx.t('match.requestsTitle')),
      view.requests.length > 0 ? el('label', { class: 'toggle' }, filter, ctx.t('match.shortOnly')) : null,
      view.requests.length === 0
        ? el('p', { class: 'muted' }, ctx.t('match.noRequests'))
        : shown.length === 0
          ? el('p', { class: 'muted' }, ctx.t('match.noShort'))
          : el(
              'div',
              { class: 'match-requests' },
              ...shown.map((request) => requestBlock(ctx, request, shown.length, manySheets(view))),
            ),
      commitBar(ctx, view),
    );
  }

  function requestBlock(
    ctx: SectionContext,
    request: RequestMatchView,
    shownCount: number,
    manySheets: boolean,
  ): HTMLElement {
    const model = requestModel(request, ctx.lang, manySheets);
    const open = requestOpen(request.requestId, shownCount, flow.state.openRequests);
    const summary = el(
      'summary',
      { class: 'group-summary' },
      el('span', { class: 'group-title' }, model.title),
      el('span', { class: `badge ${model.short ? 'badge-warning' : 'badge-confirmed'}` }, model.filledText),
      model.meta ? el('span', { class: 'request-meta' }, model.meta) : null,
    );
    focusable.set(requestKey(request.requestId), summary);
    const details = el(
      'details',
      {
        class: `issue-group match-request ${model.short ? 'is-warning' : 'is-filled'}`,
        'data-testid': 'match-request',
        open,
      },
      summary,
      request.pairs.length > 0
        ? el('ul', { class: 'issue-list pair-list' }, ...request.pairs.map((pair) => pairItem(ctx, pair)))
        : el('p', { class: 'more' }, ctx.t('match.noPairs')),
      request.unmatchedReasons.length > 0
        ? el(
            'div',
            { class: 'request-part' },
            el('p', { class: 'part-title' }, ctx.t('match.unmatchedTitle')),
            el(
              'ul',
              { class: 'reason-list' },
              ...request.unmatchedReasons.map((reason) =>
                el(
                  'li',
                  { class: 'notice notice-warning', 'data-testid': 'unmatched-reason' },
                  pickMessage(reason, ctx.lang),
                ),
              ),
            ),
          )
        : null,
      request.excluded.length > 0
        ? el(
            'div',
            { class: 'request-part' },
            el('p', { class: 'part-title' }, ctx.t('match.excludedTitle')),
            el(
              'ul',
              { class: 'excluded-list' },
              ...request.excluded.map((volunteer) => excludedItem(ctx, request.requestId, volunteer)),
            ),
          )
        : null,
    );
    details.addEventListener('toggle', () => {
      // The toggle event also follows the initial `open`; only a change staff made is remembered.
      if (details.open !== open || flow.state.openRequests.has(request.requestId))
        flow.toggleRequest(request.requestId, details.open);
    });
    return details;
  }

  function pairItem(ctx: SectionContext, pair: PairView): HTMLElement {
    const model = pairModel(pair, ctx.lang);
    const ref: PairRef = { requestId: pair.requestId, volunteerId: pair.volunteerId };
    // Every control names the pair for screen readers through the volunteer's line.
    const whoId = uniqueId('match-pair');
    const approve = el('input', {
      type: 'checkbox',
      checked: pair.approved,
      'aria-describedby': whoId,
      'data-testid': 'pair-approve',
    });
    approve.addEventListener('change', () => void flow.setApproval(ref, approve.checked));
    const pin = button(model.pinText, () => void flow.setPin(ref, model.pinDecision === 'pin'), {
      class: 'btn btn-small',
      'aria-describedby': whoId,
      'data-testid': 'pair-pin',
    });
    const exclude = button(ctx.t('match.exclude'), () => flow.requestExclude(ref), {
      class: 'btn btn-small',
      'aria-describedby': whoId,
      'data-testid': 'pair-exclude',
    });
    focusable.set(controlKey('approve', ref), approve);
    focusable.set(controlKey('pin', ref), pin);
    focusable.set(controlKey('exclude', ref), exclude);
    return el(
      'li',
      { class: 'pair', 'data-testid': 'match-pair' },
      el(
        'div',
        { class: 'pair-head' },
        el('span', { class: 'pair-who', id: whoId }, model.who),
        el('span', { class: 'pair-score' }, model.scoreText),
        ...model.badges.map((badge) => el('span', { class: `badge badge-${badge.tone}` }, badge.text)),
      ),
      model.reasonsText ? el('p', { class: 'pair-reasons' }, model.reasonsText) : null,
      flow.isExcluding(ref)
        ? confirmPanel({
            id: ID.confirm,
            text: ctx.t('match.excludeConfirm', { who: model.who }),
            yes: ctx.t('match.excludeYes'),
            no: ctx.t('match.cancel'),
            onYes: () => void flow.confirmExclude(),
            onNo: () => flow.cancelExclude(),
          })
        : el(
            'div',
            { class: 'pair-actions' },
            el('label', { class: 'toggle' }, approve, ctx.t('match.approve')),
            pin,
            exclude,
          ),
    );
  }

  function excludedItem(
    ctx: SectionContext,
    requestId: string,
    volunteer: RequestMatchView['excluded'][number],
  ): HTMLElement {
    const ref: PairRef = { requestId, volunteerId: volunteer.volunteerId };
    const whoId = uniqueId('match-excluded');
    const restore = button(ctx.t('match.restore'), () => void flow.restore(ref), {
      class: 'btn btn-small',
      'aria-describedby': whoId,
      'data-testid': 'pair-restore',
    });
    focusable.set(controlKey('restore', ref), restore);
    return el(
      'li',
      { class: 'excluded' },
      el('span', { class: 'pair-who', id: whoId }, volunteerText(volunteer)),
      restore,
    );
  }

  /** 承認した組み合わせを確定, at the bottom of the list and in view while it scrolls. */
  function commitBar(ctx: SectionContext, view: MatchView): HTMLElement {
    if (flow.state.pending === 'commit') {
      return el(
        'div',
        { class: 'action-bar' },
        confirmPanel({
          id: ID.confirm,
          text: ctx.t('match.confirmCommit', { n: view.approved }),
          yes: ctx.t('match.commitYes'),
          no: ctx.t('match.cancel'),
          onYes: () => void flow.accept(),
          onNo: () => flow.cancel(),
        }),
      );
    }
    const hintId = 'match-commit-hint';
    return el(
      'div',
      { class: 'action-bar' },
      el(
        'div',
        { class: 'actions commit-actions' },
        button(ctx.t('match.commit'), () => flow.requestCommit(), {
          class: 'btn btn-primary',
          id: ID.commit,
          disabled: view.approved <= 0,
          'aria-describedby': hintId,
          'data-testid': 'match-commit',
        }),
        el(
          'span',
          { class: 'hint', id: hintId },
          view.approved > 0 ? ctx.t('match.approvedCount', { n: view.approved }) : ctx.t('match.commitHint'),
        ),
      ),
    );
  }

  /** The recruiting agenda: what nobody can cover, largest first; the whole list is in 不足分析. */
  function shortagesBlock(ctx: SectionContext, view: MatchView): HTMLElement {
    const rows = shortageRows(view, ctx.lang);
    return el(
      'div',
      {
        class: 'block shortages',
        role: 'region',
        'aria-labelledby': ID.shortagesHeading,
        'data-testid': 'match-shortages',
      },
      el('h3', { class: 'block-title', id: ID.shortagesHeading }, ctx.t('match.shortagesTitle')),
      rows.length === 0
        ? el('p', { class: 'muted' }, ctx.t('match.shortagesNone'))
        : el(
            'table',
            { class: 'fix-table shortage-table' },
            el(
              'thead',
              null,
              el(
                'tr',
                null,
                el('th', { scope: 'col', class: 'shortage-dimension' }, ctx.t('match.colDimension')),
                el('th', { scope: 'col' }, ctx.t('match.colKey')),
                el('th', { scope: 'col', class: 'shortage-places' }, ctx.t('match.colPlaces')),
              ),
            ),
            el(
              'tbody',
              null,
              ...rows.map((row) =>
                el(
                  'tr',
                  null,
                  el('td', { class: 'shortage-dimension' }, row.dimension),
                  el('td', null, row.key),
                  el('td', { class: 'shortage-places' }, row.places),
                ),
              ),
            ),
          ),
      el('p', { class: 'hint' }, ctx.t('match.shortagesNote', { sheet: view.shortageSheet })),
    );
  }

  return { id: 'match', titleKey: 'section.match', render };
}

function controlKey(control: string, pair: PairRef): string {
  return `${control}\u0000${pairKey(pair)}`;
}

/** True when the requests came from more than one live 依頼 sheet (then each says where it is). */
function manySheets(view: MatchView): boolean {
  return view.requests.some((r) => r.sheet !== view.requests[0]?.sheet);
}

function requestKey(requestId: string): string {
  return `request\u0000${requestId}`;
}
