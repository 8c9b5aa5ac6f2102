/** One module per section: fresh instances for the shell, keyed by Section (the tab order is in order.ts). */
import type { Section } from '../../shared/rpc';
import { UndoOffer } from '../undo';
import { createMatchSection } from './match';
import type { SidebarSection } from './section';
import { createSetupSection } from './setup';
import { createSummarySection } from './summary';
import { createSurveySection } from './survey';
import { createValidateSection } from './validate';

/** Fresh section instances (setup, validate, match, survey and summary keep view state of their own; validate, match and survey share 元に戻す). */
export function createSections(): Record<Section, SidebarSection> {
  const undo = new UndoOffer();
  return {
    setup: createSetupSection(),
    validate: createValidateSection(undo),
    match: createMatchSection(undo),
    survey: createSurveySection(undo),
    summary: createSummarySection(),
  };
}
