/** 指標サマリー (summary): the plan's indicators per fiscal year and area, against targets. Not built yet. */
import { upcomingSection } from './upcoming';

export const summarySection = upcomingSection('summary', 'section.summary', 'summary.about');
