/** One module per section: fresh instances for the shell, keyed by Section (the tab order is in order.ts). */
import type { Section } from '../../shared/rpc';
import { matchSection } from './match';
import type { SidebarSection } from './section';
import { createSetupSection } from './setup';
import { summarySection } from './summary';
import { surveySection } from './survey';
import { createValidateSection } from './validate';

/** Fresh section instances (setup and validate keep view state of their own). */
export function createSections(): Record<Section, SidebarSection> {
  return {
    setup: createSetupSection(),
    validate: createValidateSection(),
    match: matchSection,
    survey: surveySection,
    summary: summarySection,
  };
}
