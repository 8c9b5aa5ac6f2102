/** 検証 (validate): finds and safely fixes input mistakes in rosters and ledgers. Not built yet. */
import { upcomingSection } from './upcoming';

export const validateSection = upcomingSection('validate', 'section.validate', 'validate.about');
