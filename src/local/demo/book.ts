/** generateDemoBook: the pure, seeded generator of the demo workbook's data rows and its answer key of planted mistakes. */
import { generateActivities } from './activities';
import { ContactRegistry } from './contact';
import { BookContext } from './context';
import { generateConsultations } from './consultations';
import { generateDonations } from './donations';
import { finishSheet } from './draft';
import { generateMemberships } from './memberships';
import { generateRequests } from './requests';
import type { DemoBook, DemoOptions } from './types';
import { generateVolunteers } from './volunteers';

/**
 * Builds the six data sheets (ボランティア名簿, 依頼, 寄付台帳, 会費台帳, 活動記録, 相談記録) for a
 * Nishitokyo-like council as of `opts.today`, plus the manifest of every mistake planted in them.
 * Pure: no I/O, no clock, no Math.random — the same options give a deep-equal book.
 * Throws RangeError for unusable options (no areas, negative counts, an impossible day).
 */
export function generateDemoBook(opts: DemoOptions): DemoBook {
  const ctx = new BookContext(opts);
  const roster = generateVolunteers(ctx, new ContactRegistry());
  const requests = generateRequests(ctx, roster);
  const parts = [
    finishSheet(
      'volunteers',
      roster.map((v) => v.row),
    ),
    finishSheet(
      'requests',
      requests.map((r) => r.row),
    ),
    finishSheet('donations', generateDonations(ctx)),
    finishSheet('memberships', generateMemberships(ctx)),
    finishSheet('activities', generateActivities(ctx, roster, requests)),
    finishSheet('consultations', generateConsultations(ctx)),
  ];
  return { sheets: parts.map((p) => p.sheet), mistakes: parts.flatMap((p) => p.mistakes) };
}
