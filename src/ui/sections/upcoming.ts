/** The placeholder of a capability not built yet: what it will do for staff, and that it comes later. */
import type { Section } from '../../shared/rpc';
import { append, el } from '../dom';
import type { MessageKey } from '../i18n';
import type { SidebarSection } from './section';

export function upcomingSection(id: Section, titleKey: MessageKey, aboutKey: MessageKey): SidebarSection {
  return {
    id,
    titleKey,
    render(container, ctx) {
      append(
        container,
        el('h2', { class: 'section-title' }, ctx.t(titleKey)),
        el('p', { class: 'about' }, ctx.t(aboutKey)),
        el('p', { class: 'later' }, ctx.t('upcoming.later')),
      );
    },
  };
}
