/** The sections in tab order, and reading a section name from outside; no DOM here, so tests can import it. */
import type { Section } from '../../shared/rpc';

/** Tab order. Not imported from shared/rpc at run time: that module would pull zod into the sidebar. */
export const SECTION_ORDER = ['setup', 'validate', 'match', 'survey', 'summary'] as const satisfies readonly Section[];

// A Section added to the contract without a tab here fails the type check.
const everySectionHasATab: [Exclude<Section, (typeof SECTION_ORDER)[number]>] extends [never] ? true : never = true;
void everySectionHasATab;

/** A section name from outside (the server state), or 'setup' when it is not one we know. */
export function knownSection(value: unknown): Section {
  return (SECTION_ORDER as readonly unknown[]).includes(value) ? (value as Section) : 'setup';
}
