/** The sidebar shell: header with the language toggle, section tabs, progress indicator, error area, and the open section. */
import type { Section, SidebarState } from '../shared/rpc';
import { BusyCounter } from './busy';
import { append, button, clear, el, setAttr } from './dom';
import { pickMessage, readLang, t, writeLang, type Lang, type LangStore } from './i18n';
import { call, toRpcError, type RpcError } from './rpc-client';
import { knownSection, SECTION_ORDER } from './sections/order';
import { createSections } from './sections/registry';
import type { SectionContext } from './sections/section';
import { nextTabIndex } from './tabs';

export interface SidebarOptions {
  /** Where the language choice is kept; null when the browser refuses storage. */
  store: LangStore | null;
}

type LoadStatus = 'loading' | 'ready' | 'failed';

/** Builds the sidebar inside `root` (replacing its boot text) and loads the workbook state. */
export function startSidebar(root: HTMLElement, options: SidebarOptions): void {
  const sections = createSections();
  let lang: Lang = readLang(options.store);
  let current: Section = 'setup';
  let state: SidebarState | null = null;
  let status: LoadStatus = 'loading';
  /** Once staff pick a tab, the server's suggested section no longer moves them. */
  let sectionChosen = false;
  let error: RpcError | null = null;
  let shownError: { error: RpcError | null; lang: Lang } = { error: null, lang };
  let shownProgress = { busy: false, lang };
  const busy = new BusyCounter(() => {
    renderProgress();
    lockControls();
  });

  const langToggle = button('', toggleLang, { class: 'lang-toggle', id: 'lang-toggle', 'data-testid': 'lang-toggle' });
  const brandName = el('span', { class: 'brand-name' });
  const brandOrg = el('span', { class: 'brand-org' });
  const progress = el('div', { class: 'progress', role: 'status', 'data-testid': 'progress' });
  const tabList = el('div', { class: 'tabs', role: 'tablist', id: 'section-tabs' });
  const tabs = SECTION_ORDER.map((id) => {
    const tab = button('', () => selectSection(id, false), {
      class: 'tab',
      role: 'tab',
      id: `tab-${id}`,
      'aria-controls': 'panel',
      'data-testid': `tab-${id}`,
    });
    return { id, tab };
  });
  tabList.addEventListener('keydown', (event) => {
    const position = SECTION_ORDER.indexOf(current);
    const next = nextTabIndex(position, event.key, SECTION_ORDER.length);
    const target = next === null ? undefined : SECTION_ORDER[next];
    if (target === undefined) return;
    event.preventDefault();
    selectSection(target, true);
  });
  append(tabList, ...tabs.map(({ tab }) => tab));
  const errorRegion = el('div', { class: 'error-region', role: 'alert', 'data-testid': 'error' });
  /** While the workbook has no 設定 sheet: what that means, and the way to シート準備 (outside it). */
  const settingsRegion = el('div', { class: 'settings-region', 'data-testid': 'settings-notice' });
  const panel = el('main', { class: 'panel', id: 'panel', role: 'tabpanel' });

  clear(root);
  append(
    root,
    el('header', { class: 'app-header' }, el('div', { class: 'brand' }, brandName, brandOrg), langToggle),
    progress,
    el('nav', { class: 'tabs-nav' }, tabList),
    errorRegion,
    settingsRegion,
    panel,
  );

  const context: SectionContext = {
    get lang() {
      return lang;
    },
    get state() {
      return state;
    },
    get loading() {
      return status === 'loading';
    },
    t: (key, params) => t(lang, key, params),
    text: (message) => pickMessage(message, lang),
    run,
    refresh,
    rerender: renderPanel,
  };

  renderAll();
  void refresh();

  function renderAll(): void {
    document.documentElement.lang = lang;
    document.title = t(lang, 'app.name');
    langToggle.textContent = t(lang, 'lang.switch');
    // The toggle names the other language in that language, so it is read in that language.
    setAttr(langToggle, 'lang', lang === 'ja' ? 'en' : 'ja');
    setAttr(langToggle, 'title', t(lang, 'lang.switchTitle'));
    setAttr(langToggle, 'aria-label', `${t(lang, 'lang.switch')} — ${t(lang, 'lang.switchTitle')}`);
    brandName.textContent = t(lang, 'app.name');
    brandOrg.textContent = state?.organizationName ?? '';
    setAttr(tabList, 'aria-label', t(lang, 'nav.label'));
    renderTabs();
    renderProgress();
    renderError();
    renderSettingsNotice();
    renderPanel();
  }

  function renderSettingsNotice(): void {
    clear(settingsRegion);
    const notice = state?.settingsNotice ?? null;
    if (!notice) return;
    append(
      settingsRegion,
      el(
        'div',
        { class: 'notice notice-warning settings-notice' },
        el('p', null, pickMessage(notice, lang)),
        current === 'setup'
          ? null
          : button(t(lang, 'settings.openSetup'), () => selectSection('setup', true), {
              class: 'btn btn-secondary',
              id: 'settings-open-setup',
              'data-testid': 'settings-open-setup',
            }),
      ),
    );
  }

  function renderTabs(): void {
    for (const { id, tab } of tabs) {
      const selected = id === current;
      tab.textContent = t(lang, sections[id].titleKey);
      setAttr(tab, 'aria-selected', selected ? 'true' : 'false');
      setAttr(tab, 'tabindex', selected ? 0 : -1);
    }
  }

  function selectSection(id: Section, focusTab: boolean): void {
    sectionChosen = true;
    if (id !== current) {
      current = id;
      renderTabs();
      renderSettingsNotice();
      renderPanel();
    }
    if (focusTab) document.getElementById(`tab-${id}`)?.focus();
  }

  function renderPanel(): void {
    const active = document.activeElement;
    const focusedId = active instanceof HTMLElement && panel.contains(active) ? active.id : '';
    clear(panel);
    setAttr(panel, 'aria-labelledby', `tab-${current}`);
    if (status === 'loading' && !state && !sectionChosen) {
      append(panel, el('p', { class: 'muted loading' }, t(lang, 'state.loading')));
    } else {
      sections[current].render(panel, context);
    }
    lockControls();
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  /**
   * The live region stays in the document and only its content changes, so screen readers
   * announce 「処理中…」; aria-busy goes on the panel, not on a box around the live region.
   */
  function renderProgress(): void {
    setAttr(panel, 'aria-busy', busy.busy ? 'true' : 'false');
    if (busy.busy === shownProgress.busy && lang === shownProgress.lang) return;
    shownProgress = { busy: busy.busy, lang };
    clear(progress);
    if (!busy.busy) return;
    append(
      progress,
      el(
        'div',
        { class: 'progress-box' },
        el('div', { class: 'progress-track', 'aria-hidden': 'true' }, el('div', { class: 'progress-bar' })),
        el('span', { class: 'progress-text' }, t(lang, 'progress.working')),
      ),
    );
  }

  /**
   * While a call runs every control of the panel is disabled; those it disabled are released after.
   * A run in parts' 中止 stays usable (data-while-busy): it is pressed while a part runs, and stops
   * the run after that part.
   */
  function lockControls(): void {
    const controls = panel.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>(
      'button:not([data-while-busy]), select, input, textarea',
    );
    for (const control of Array.from(controls)) {
      const lockedByUs = control.hasAttribute('data-busy-lock');
      if (busy.busy && !control.disabled) {
        control.disabled = true;
        setAttr(control, 'data-busy-lock', true);
      } else if (!busy.busy && lockedByUs) {
        control.disabled = false;
        setAttr(control, 'data-busy-lock', null);
      }
    }
  }

  /** Re-inserting the same text would make screen readers announce it again, so unchanged is left alone. */
  function renderError(): void {
    if (error === shownError.error && lang === shownError.lang) return;
    shownError = { error, lang };
    clear(errorRegion);
    if (!error) return;
    append(
      errorRegion,
      el(
        'div',
        { class: 'error-box' },
        el('p', { class: 'error-text' }, pickMessage(error, lang)),
        // The × is drawn by CSS so the area's text is the message alone; the button has a label.
        button(null, closeError, {
          class: 'error-close',
          title: t(lang, 'error.close'),
          'aria-label': t(lang, 'error.closeLabel'),
          'data-testid': 'error-close',
        }),
      ),
    );
  }

  function showError(next: RpcError): void {
    error = next;
    renderError();
  }

  function closeError(): void {
    dismissError();
    document.getElementById(`tab-${current}`)?.focus();
  }

  function toggleLang(): void {
    lang = lang === 'ja' ? 'en' : 'ja';
    writeLang(options.store, lang);
    renderAll();
    langToggle.focus();
  }

  /** A staff action: its old error goes, a new failure is shown, the caller sees undefined. */
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (error) dismissError();
    try {
      return await busy.track(task);
    } catch (caught) {
      showError(toRpcError(caught));
      return undefined;
    }
  }

  function dismissError(): void {
    error = null;
    renderError();
  }

  /** Reads the workbook state again; on the first answer, opens the section the menu asked for. */
  async function refresh(): Promise<void> {
    try {
      const next = await busy.track(() => call('getSidebarState'));
      state = next;
      if (status !== 'ready' && !sectionChosen) current = knownSection(next.section);
      status = 'ready';
      renderAll();
    } catch (caught) {
      if (!state) status = 'failed';
      showError(toRpcError(caught));
      renderPanel();
    }
  }
}
