/** The common interface of the sidebar's sections (one per capability) and what the shell gives them. */
import type { Message, Section, SidebarState } from '../../shared/rpc';
import type { Lang, MessageKey, Params } from '../i18n';

export interface SectionContext {
  readonly lang: Lang;
  /** A dictionary text in the current language. */
  t(key: MessageKey, params?: Params): string;
  /** A server Message in the current language. */
  text(message: Message): string;
  /** The last getSidebarState answer; null until it arrives or when it could not be read. */
  readonly state: SidebarState | null;
  /** True while the first getSidebarState call is still running. */
  readonly loading: boolean;
  /**
   * Runs a server call under the progress indicator (controls disabled). A failure is shown in the
   * error area and resolves to undefined, so callers only handle success.
   */
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** Re-reads getSidebarState, then re-renders. */
  refresh(): Promise<void>;
  /** Re-renders the current section after a change of its own view state (focus follows element ids). */
  rerender(): void;
}

export interface SidebarSection {
  readonly id: Section;
  /** The tab label and heading. */
  readonly titleKey: MessageKey;
  /** Fills `container` (empty) with the section for the current language and state. */
  render(container: HTMLElement, ctx: SectionContext): void;
}
