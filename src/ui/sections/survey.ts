/** アンケート (survey): Google Forms from the survey definitions, answers back into the sheets. Not built yet. */
import { upcomingSection } from './upcoming';

export const surveySection = upcomingSection('survey', 'section.survey', 'survey.about');
