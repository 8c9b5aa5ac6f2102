/** The demo's sizes: the default mid-sized city, and the large city council that holds the add-on to its time budget. */
import { DEFAULT_REQUESTS, DEFAULT_VOLUNTEERS } from './context';
import type { LedgerScale } from './types';

export interface DemoScale {
  volunteers: number;
  requests: number;
  ledgerScale: LedgerScale;
}

/**
 * `default` is a council the size of Nishitokyo's (about 200,000 residents). `large` is a large
 * city council's workbook — about 10,000 volunteers, 3,000 requests, 50,000 activity rows, 30,000
 * donations, 20,000 membership payments and 20,000 consultations over three fiscal years — on
 * which every sidebar action stays within its Apps Script time budget (docs/cost.md).
 */
export const DEMO_SCALES = {
  default: {
    volunteers: DEFAULT_VOLUNTEERS,
    requests: DEFAULT_REQUESTS,
    ledgerScale: { donations: 1, memberships: 1, activities: 1, consultations: 1 },
  },
  large: {
    volunteers: 10_000,
    requests: 3_000,
    ledgerScale: { donations: 47.7, memberships: 3.15, activities: 11.5, consultations: 6 },
  },
} as const satisfies Record<string, DemoScale>;

export type DemoScaleName = keyof typeof DEMO_SCALES;

export function isDemoScaleName(name: string): name is DemoScaleName {
  return Object.prototype.hasOwnProperty.call(DEMO_SCALES, name);
}
