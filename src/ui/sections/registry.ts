/** One module per section: fresh instances for the shell, keyed by Section (the tab order is in order.ts). */
import type { Section } from '../../shared/rpc';
import { UndoOffer } from '../undo';
import { createMatchSection } from './match';
import type { SidebarSection } from './section';
import { createSetupSection } from './setup';
import { createSummarySection } from './summary';
import { createSurveySection } from './survey';
import { TriggerBlocks } from './triggers';
import { createValidateSection } from './validate';

/** Fresh section instances (setup, validate, match, survey and summary keep view state of their own; validate, match and survey share 元に戻す). */
export function createSections(): Record<Section, SidebarSection> {
  const undo = new UndoOffer();
  // 新しい回答 (アンケート作成) and 定期更新 (指標サマリー) read one trigger status.
  const triggers = new TriggerBlocks();
  return {
    setup: createSetupSection(),
    validate: createValidateSection(undo),
    match: createMatchSection(undo),
    survey: createSurveySection(undo, triggers),
    summary: createSummarySection(triggers),
  };
}
