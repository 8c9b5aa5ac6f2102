/** The sheet names and headers the demo fills: those of the data contract, taken from core/sheets. */
import { contractColumns, SHEET_SPECS } from '../../core/sheets/specs';
import type { DemoSheetKind } from './types';

/** The order of the sheets in the demo book. */
export const DEMO_SHEET_ORDER: readonly DemoSheetKind[] = [
  'volunteers',
  'requests',
  'donations',
  'memberships',
  'activities',
  'consultations',
];

function specOf(kind: DemoSheetKind): { name: string; header: readonly string[] } {
  return { name: SHEET_SPECS[kind].canonicalName, header: contractColumns(SHEET_SPECS[kind]).map((c) => c.header) };
}

/** Each demo sheet's canonical name and header, in the contract's column order (the demo tests pin them to DESIGN.md). */
export const DEMO_SHEET_SPECS: Readonly<Record<DemoSheetKind, { name: string; header: readonly string[] }>> = {
  volunteers: specOf('volunteers'),
  requests: specOf('requests'),
  donations: specOf('donations'),
  memberships: specOf('memberships'),
  activities: specOf('activities'),
  consultations: specOf('consultations'),
};
