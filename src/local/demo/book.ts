/** generateDemoBook: the pure, seeded generator of the demo workbook's data rows and its answer key of planted mistakes. */
import { generateActivities } from './activities';
import { DEMO_SHEET_SPECS } from './canonical';
import { ContactRegistry } from './contact';
import { BookContext } from './context';
import { generateConsultations } from './consultations';
import { generateDonations } from './donations';
import { finishSheet } from './draft';
import { generateMemberships } from './memberships';
import { generateRequests } from './requests';
import { plantShortages } from './shortages';
import type { DemoBook, DemoOptions } from './types';
import { generateVolunteers } from './volunteers';

/**
 * Builds the six data sheets (ボランティア名簿, 依頼, 寄付台帳, 会費台帳, 活動記録, 相談記録) for a
 * Nishitokyo-like council as of `opts.today`, plus the manifest of every mistake planted in them
 * and of the open requests nobody on the roster can take (the recruiting agenda).
 * Pure: no I/O, no clock, no Math.random — the same options give a deep-equal book.
 * Throws RangeError for unusable options (no areas, negative counts, an impossible day).
 */
export function generateDemoBook(opts: DemoOptions): DemoBook {
  const ctx = new BookContext(opts);
  const roster = generateVolunteers(ctx, new ContactRegistry());
  const requests = generateRequests(ctx, roster, (drafts) =>
    plantShortages(ctx, roster, drafts, opts.adjacentAreas, ctx.stream('shortages')),
  );
  const parts = [
    finishSheet(
      'volunteers',
      roster.map((v) => v.row),
    ),
    finishSheet(
      'requests',
      requests.list.map((r) => r.row),
    ),
    finishSheet('donations', generateDonations(ctx)),
    finishSheet('memberships', generateMemberships(ctx)),
    finishSheet('activities', generateActivities(ctx, roster, requests.list)),
    finishSheet('consultations', generateConsultations(ctx)),
  ];
  const rowOf = new Map(requests.list.map((r, i) => [r.id, i + 2]));
  const shortages = requests.shortages
    .map((s) => ({
      sheet: DEMO_SHEET_SPECS.requests.name,
      row: rowOf.get(s.request.id) as number,
      requestId: s.request.id,
      dimension: s.dimension,
      key: s.key,
      reason: s.reason,
      note: s.note,
    }))
    .sort((a, b) => a.row - b.row);
  return { sheets: parts.map((p) => p.sheet), mistakes: parts.flatMap((p) => p.mistakes), shortages };
}
