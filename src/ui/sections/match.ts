/** マッチング (match): suggests volunteers for help requests, with reasons. Not built yet. */
import { upcomingSection } from './upcoming';

export const matchSection = upcomingSection('match', 'section.match', 'match.about');
