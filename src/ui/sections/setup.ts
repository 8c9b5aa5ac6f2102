/** シート準備 (setup): the workbook's sheets and their detected kinds, creating missing standard sheets, and the column mapping editor. */
import type { MappingView, SetupResult, SheetOverview, SidebarState } from '../../shared/rpc';
import { append, button, el, setAttr } from '../dom';
import {
  canSave,
  chooseField,
  chooseLive,
  columnLetter,
  detectedText,
  duplicateFields,
  fieldOptions,
  initialDraft,
  kindChanged,
  kindOptions,
  mappingNotices,
  samplesOf,
  toSaveArgument,
  type FieldOption,
  type MappingDraft,
} from '../mapping-draft';
import { pickMessage } from '../i18n';
import { call } from '../rpc-client';
import { setupResultLines, sheetItemModel } from '../view-model';
import type { SectionContext, SidebarSection } from './section';

/** What the section shows besides the server state; kept across re-renders and language switches. */
interface SetupViewState {
  confirmingCreate: boolean;
  lastSetup: SetupResult | null;
  mapping: MappingView | null;
  draft: MappingDraft | null;
  /** A short success note for the mapping view (after save or reset). */
  mappingNote: 'mapping.saved' | 'mapping.cleared' | null;
  /** Element id to focus after the next render (the shell restores the focused id otherwise). */
  focusId: string | null;
}

const ID = {
  create: 'setup-create',
  confirmYes: 'setup-confirm-yes',
  result: 'setup-result',
  notices: 'mapping-notices',
  mappingHeading: 'mapping-heading',
  kindSelect: 'mapping-kind',
  live: 'mapping-live',
  sheetButton: (position: number) => `sheet-${position}`,
  fieldSelect: (position: number) => `mapping-field-${position}`,
};

export function createSetupSection(): SidebarSection {
  const view: SetupViewState = {
    confirmingCreate: false,
    lastSetup: null,
    mapping: null,
    draft: null,
    mappingNote: null,
    focusId: null,
  };

  function render(container: HTMLElement, ctx: SectionContext): void {
    if (view.mapping && view.draft) renderMapping(container, ctx, view.mapping, view.draft);
    else renderOverview(container, ctx);
    const focusId = view.focusId;
    view.focusId = null;
    if (focusId) {
      // After the shell has put the section in the document.
      queueMicrotask(() => document.getElementById(focusId)?.focus());
    }
  }

  function renderOverview(container: HTMLElement, ctx: SectionContext): void {
    append(
      container,
      el('h2', { class: 'section-title' }, ctx.t('section.setup')),
      el('p', { class: 'about' }, ctx.t('setup.about')),
    );
    const state = ctx.state;
    if (!state && ctx.loading) {
      append(container, el('p', { class: 'muted loading' }, ctx.t('state.loading')));
      return;
    }
    if (!state) {
      append(
        container,
        el('p', { class: 'muted' }, ctx.t('state.unavailable')),
        button(ctx.t('state.retry'), () => void ctx.refresh(), { class: 'btn btn-secondary' }),
      );
      return;
    }
    append(container, sheetList(ctx, state), missingSheets(ctx, state));
  }

  function sheetList(ctx: SectionContext, state: SidebarState): HTMLElement {
    const headingId = 'setup-sheets-heading';
    const block = el(
      'div',
      { class: 'block' },
      el(
        'div',
        { class: 'block-head' },
        el('h3', { id: headingId, class: 'block-title' }, ctx.t('setup.sheetsTitle')),
        button(ctx.t('setup.reload'), () => void ctx.refresh(), { class: 'btn btn-text', id: 'setup-reload' }),
      ),
    );
    if (state.sheets.length === 0) {
      append(block, el('p', { class: 'muted' }, ctx.t('setup.noSheets')));
      return block;
    }
    append(block, el('p', { class: 'hint' }, ctx.t('setup.sheetsHint')));
    const list = el('ul', { class: 'sheet-list', 'data-testid': 'sheet-list', 'aria-labelledby': headingId });
    state.sheets.forEach((sheet, position) => append(list, sheetItem(ctx, sheet, position)));
    append(block, list);
    return block;
  }

  function sheetItem(ctx: SectionContext, sheet: SheetOverview, position: number): HTMLElement {
    const item = sheetItemModel(sheet, ctx.lang);
    const meta = el('span', { class: 'sheet-meta' });
    if (item.kindText) append(meta, el('span', { class: 'sheet-kind' }, item.kindText));
    if (item.rowsText) append(meta, el('span', { class: 'sheet-rows' }, item.rowsText));
    append(meta, el('span', { class: `badge badge-${item.status}` }, item.statusText));
    if (item.notLiveText)
      append(meta, el('span', { class: 'badge badge-not-live', 'data-testid': 'sheet-not-live' }, item.notLiveText));
    const open = button(
      [
        el('span', { class: 'sheet-name' }, item.name),
        meta,
        item.missingText ? el('span', { class: 'sheet-warning' }, item.missingText) : null,
        item.reasonText ? el('span', { class: 'sheet-reason' }, item.reasonText) : null,
      ],
      () => void openMapping(ctx, sheet.name, position),
      { class: 'sheet-button', id: ID.sheetButton(position) },
    );
    return el('li', { class: `sheet-item sheet-${item.status}`, 'data-testid': 'sheet-item' }, open);
  }

  function missingSheets(ctx: SectionContext, state: SidebarState): HTMLElement {
    const headingId = 'setup-missing-heading';
    const block = el(
      'div',
      { class: 'block' },
      el('h3', { id: headingId, class: 'block-title' }, ctx.t('setup.missingTitle')),
    );
    const missing = state.missingStandardSheets;
    if (missing.length === 0) {
      append(block, el('p', { class: 'muted' }, ctx.t('setup.missingNone')));
    } else {
      // While confirming, the list moves into the confirm panel, so it is read with the question.
      if (view.confirmingCreate) append(block, confirmPanel(ctx, missing));
      else append(block, nameList(missing, headingId), createButton(ctx));
    }
    if (view.lastSetup) {
      append(
        block,
        el(
          'div',
          { class: 'result', role: 'status', id: ID.result, tabindex: -1 },
          ...setupResultLines(view.lastSetup, ctx.lang).map((line) => el('p', null, line)),
        ),
      );
    }
    return block;
  }

  function createButton(ctx: SectionContext): HTMLElement {
    return button(
      ctx.t('setup.create'),
      () => {
        view.confirmingCreate = true;
        view.focusId = ID.confirmYes;
        ctx.rerender();
      },
      { class: 'btn btn-primary', id: ID.create, 'data-testid': 'setup-create' },
    );
  }

  /** The in-sidebar confirmation (window.confirm is blocked or ugly in the add-on iframe). */
  function confirmPanel(ctx: SectionContext, missing: readonly string[]): HTMLElement {
    const textId = 'setup-confirm-text';
    const cancel = (): void => {
      view.confirmingCreate = false;
      view.focusId = ID.create;
      ctx.rerender();
    };
    const panel = el(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': textId },
      el('p', { id: textId, class: 'confirm-text' }, ctx.t('setup.confirmText')),
      nameList(missing, null),
      el(
        'div',
        { class: 'actions' },
        button(ctx.t('setup.confirmYes'), () => void createSheets(ctx), {
          class: 'btn btn-primary',
          id: ID.confirmYes,
          'data-testid': 'confirm-yes',
        }),
        button(ctx.t('setup.confirmNo'), cancel, { class: 'btn btn-secondary', 'data-testid': 'confirm-no' }),
      ),
    );
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel();
    });
    return panel;
  }

  async function createSheets(ctx: SectionContext): Promise<void> {
    view.confirmingCreate = false;
    const result = await ctx.run(() => call('setupSheets'));
    if (result) {
      view.lastSetup = result;
      view.focusId = ID.result;
    } else {
      view.focusId = ID.create;
    }
    ctx.rerender();
    await ctx.refresh();
  }

  /** The sheet button to focus when staff go back to the list. */
  let returnFocusId: string | null = null;

  async function openMapping(ctx: SectionContext, sheet: string, position: number): Promise<void> {
    const mapping = await ctx.run(() => call('getMapping', sheet));
    if (!mapping) return;
    showMapping(mapping, null);
    view.focusId = ID.mappingHeading;
    returnFocusId = ID.sheetButton(position);
    ctx.rerender();
  }

  /** Staff chose another kind: the server reads the header again as that kind, so its columns can be assigned. */
  async function changeKind(ctx: SectionContext, sheet: string, kind: string): Promise<void> {
    const preview = await ctx.run(() => call('getMapping', sheet, kind));
    if (!preview) return;
    showMapping(preview, null);
    ctx.rerender();
  }

  function showMapping(mapping: MappingView, note: SetupViewState['mappingNote']): void {
    view.mapping = mapping;
    view.draft = initialDraft(mapping);
    view.mappingNote = note;
  }

  function closeMapping(ctx: SectionContext): void {
    view.mapping = null;
    view.draft = null;
    view.mappingNote = null;
    view.focusId = returnFocusId;
    ctx.rerender();
  }

  function renderMapping(container: HTMLElement, ctx: SectionContext, mapping: MappingView, draft: MappingDraft): void {
    const changedKind = kindChanged(draft, mapping);
    const notices = mappingNotices(draft, mapping, ctx.lang);
    const section = el('div', {
      class: 'mapping',
      'data-testid': 'mapping-view',
      'aria-labelledby': ID.mappingHeading,
    });
    append(
      section,
      button([el('span', { 'aria-hidden': 'true' }, '← '), ctx.t('mapping.back')], () => closeMapping(ctx), {
        class: 'btn btn-text back',
        id: 'mapping-back',
      }),
      el('h2', { class: 'section-title', id: ID.mappingHeading, tabindex: -1 }, mapping.sheet),
      el(
        'p',
        { class: 'muted' },
        `${ctx.t('mapping.title')}${ctx.t('list.dot')}${ctx.t('mapping.headerRow', { n: mapping.headerRow })}${ctx.t('list.dot')}${ctx.t('mapping.dataRows', { n: mapping.dataRows })}`,
      ),
      el(
        'p',
        { class: `status-line ${mapping.confirmed ? 'is-confirmed' : 'is-detected'}` },
        ctx.t(mapping.confirmed ? 'mapping.isConfirmed' : 'mapping.isDetected'),
      ),
      view.mappingNote ? el('p', { class: 'result', role: 'status' }, ctx.t(view.mappingNote)) : null,
    );

    const kindSelect = select(ID.kindSelect, kindOptions(mapping), draft.kind);
    kindSelect.addEventListener('change', () => {
      void changeKind(ctx, mapping.sheet, kindSelect.value);
    });
    append(
      section,
      el('div', { class: 'field' }, el('label', { for: ID.kindSelect }, ctx.t('mapping.kind')), kindSelect),
    );
    // What a kind change means is said next to the select that made it.
    if (changedKind) append(section, noticeList(notices, 'mapping-kind-notice'));
    append(section, liveChoice(ctx, mapping, draft));
    const duplicated = new Set(duplicateFields(draft, mapping).flatMap((duplicate) => duplicate.columns));

    if (mapping.setAsideTotal > 0) append(section, setAsideBlock(ctx, mapping));
    append(section, el('h3', { class: 'block-title' }, ctx.t('mapping.columnsTitle')));
    const columns = el('ol', { class: 'columns' });
    mapping.columns.forEach((column, position) => {
      const selectId = ID.fieldSelect(position);
      const chosen = draft.fields[position] ?? null;
      const fieldSelect = select(selectId, fieldOptions(mapping, ctx.lang, chosen ?? column.key), chosen ?? '');
      fieldSelect.disabled = changedKind;
      if (duplicated.has(column.index)) {
        setAttr(fieldSelect, 'aria-invalid', 'true');
        setAttr(fieldSelect, 'aria-describedby', ID.notices);
      }
      fieldSelect.addEventListener('change', () => {
        view.draft = chooseField(draft, position, fieldSelect.value);
        view.mappingNote = null;
        ctx.rerender();
      });
      const header = column.header || ctx.t('mapping.emptyHeader');
      const samples = samplesOf(column.samples);
      append(
        columns,
        el(
          'li',
          { class: 'column-card' },
          el(
            'div',
            { class: 'column-head' },
            el('span', { class: 'column-letter' }, ctx.t('mapping.column', { letter: columnLetter(column.index) })),
            el('span', { class: column.header ? 'column-header' : 'column-header is-empty' }, header),
          ),
          el('div', { class: 'detected' }, detectedText(mapping, column.key, ctx.lang)),
          // A header that could mean several fields: why it was read this way, until staff choose otherwise.
          column.note && (chosen ?? column.key) === column.key
            ? el(
                'p',
                { class: 'notice notice-warning column-note', 'data-testid': 'mapping-column-note' },
                ctx.text(column.note),
              )
            : null,
          el(
            'div',
            { class: 'samples' },
            el('span', { class: 'samples-label' }, ctx.t('mapping.samples')),
            ...(samples.length > 0
              ? samples.map((sample) =>
                  el('span', { class: 'sample', 'data-testid': 'mapping-sample', title: sample }, sample),
                )
              : [el('span', { class: 'sample is-empty' }, ctx.t('mapping.noSamples'))]),
          ),
          el(
            'div',
            { class: 'field' },
            el(
              'label',
              { for: selectId },
              ctx.t('mapping.fieldLabel'),
              el('span', { class: 'sr-only' }, ctx.t('mapping.fieldLabelFor', { header })),
            ),
            fieldSelect,
          ),
        ),
      );
    });
    append(section, columns);

    const save = button(ctx.t('mapping.save'), () => void saveMapping(ctx), {
      class: 'btn btn-primary',
      id: 'mapping-save',
      'data-testid': 'mapping-save',
    });
    save.disabled = !canSave(draft, mapping);
    const reset = button(ctx.t('mapping.reset'), () => void resetMapping(ctx), {
      class: 'btn btn-secondary',
      id: 'mapping-reset',
      'data-testid': 'mapping-reset',
    });
    // Problems with the columns stay in view next to the button they concern.
    const hasNotices = !changedKind && notices.errors.length + notices.warnings.length > 0;
    if (hasNotices) setAttr(save, 'aria-describedby', ID.notices);
    append(
      section,
      el(
        'div',
        { class: 'action-bar' },
        hasNotices ? noticeList(notices, ID.notices) : null,
        el('div', { class: 'actions' }, save, reset),
      ),
    );
    append(container, section);
  }

  /**
   * Whether マッチング and 指標サマリー use this sheet: a 退会者 archive beside the live roster is
   * kept out, a roster split in two is used whole. Saved with the mapping (この対応で確定).
   */
  function liveChoice(ctx: SectionContext, mapping: MappingView, draft: MappingDraft): HTMLElement {
    const box = el('input', { type: 'checkbox', id: ID.live, checked: draft.live, 'data-testid': 'mapping-live' });
    box.addEventListener('change', () => {
      view.draft = chooseLive(draft, box.checked);
      view.mappingNote = null;
      ctx.rerender();
    });
    const hint = !mapping.liveChosen && mapping.archiveName && !draft.live ? 'mapping.liveArchive' : 'mapping.liveHint';
    const changed = draft.live !== mapping.live;
    return el(
      'div',
      { class: 'field live-choice', 'data-testid': 'mapping-live-choice' },
      el('label', { class: 'toggle', for: ID.live }, box, ctx.t('mapping.live')),
      el('p', { class: 'hint' }, ctx.t(hint)),
      changed ? el('p', { class: 'notice notice-warning' }, ctx.t('mapping.liveChanged')) : null,
    );
  }

  async function saveMapping(ctx: SectionContext): Promise<void> {
    const { mapping, draft } = view;
    if (!mapping || !draft || !canSave(draft, mapping)) return;
    const saved = await ctx.run(() => call('saveMapping', mapping.sheet, toSaveArgument(draft, mapping)));
    if (!saved) return;
    showMapping(saved, 'mapping.saved');
    view.focusId = ID.mappingHeading;
    ctx.rerender();
    await ctx.refresh();
  }

  async function resetMapping(ctx: SectionContext): Promise<void> {
    const mapping = view.mapping;
    if (!mapping) return;
    const detected = await ctx.run(() => call('clearMapping', mapping.sheet));
    if (!detected) return;
    showMapping(detected, 'mapping.cleared');
    view.focusId = ID.mappingHeading;
    ctx.rerender();
    await ctx.refresh();
  }

  return { id: 'setup', titleKey: 'section.setup', render };
}

/** The rows Tsunagu leaves alone (totals, notes, 以下余白), so staff can see that their 計 row is not read as a person. */
function setAsideBlock(ctx: SectionContext, mapping: MappingView): HTMLElement {
  const headingId = 'mapping-set-aside-heading';
  const more = mapping.setAsideTotal - mapping.setAside.length;
  return el(
    'div',
    { class: 'block set-aside', 'data-testid': 'mapping-set-aside', 'aria-labelledby': headingId },
    el('h3', { class: 'block-title', id: headingId }, ctx.t('mapping.setAsideTitle')),
    el('p', { class: 'hint' }, ctx.t('mapping.setAsideHint')),
    el(
      'ul',
      { class: 'name-list' },
      ...mapping.setAside.map((row) =>
        el(
          'li',
          { 'data-testid': 'mapping-set-aside-row' },
          ctx.t('mapping.setAsideRow', { row: row.row, reason: pickMessage(row.reason, ctx.lang) }),
        ),
      ),
    ),
    more > 0 ? el('p', { class: 'muted' }, ctx.t('mapping.setAsideMore', { n: more })) : null,
  );
}

function noticeList(notices: { errors: readonly string[]; warnings: readonly string[] }, id: string): HTMLElement {
  return el(
    'div',
    { class: 'notices', id },
    ...notices.errors.map((text) => el('p', { class: 'notice notice-error' }, text)),
    ...notices.warnings.map((text) => el('p', { class: 'notice notice-warning' }, text)),
  );
}

function nameList(names: readonly string[], labelledBy: string | null): HTMLElement {
  return el('ul', { class: 'name-list', 'aria-labelledby': labelledBy }, ...names.map((name) => el('li', null, name)));
}

function select(id: string, options: readonly FieldOption[], value: string): HTMLSelectElement {
  const node = el('select', { id }, ...options.map((option) => el('option', { value: option.value }, option.label)));
  node.value = value;
  return node;
}
