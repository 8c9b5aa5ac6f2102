/** One module per section: fresh instances for the shell, keyed by Section (the tab order is in order.ts). */
import type { Section } from '../../shared/rpc';
import { matchSection } from './match';
import type { SidebarSection } from './section';
import { createSetupSection } from './setup';
import { summarySection } from './summary';
import { surveySection } from './survey';
import { validateSection } from './validate';

/** Fresh section instances (the setup section keeps view state of its own). */
export function createSections(): Record<Section, SidebarSection> {
  return {
    setup: createSetupSection(),
    validate: validateSection,
    match: matchSection,
    survey: surveySection,
    summary: summarySection,
  };
}
