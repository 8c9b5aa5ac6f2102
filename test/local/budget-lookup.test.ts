// Finding the sheets of some kinds on a large city council's workbook (tsunagu demo --scale large):
// once staff have confirmed their sheets' mappings in 列の対応, an action that needs some kinds reads
// the first rows of those sheets only — the same result for fewer calls (docs/cost.md,
// src/core/actions/lookup.ts) — while the sidebar's list still reads every sheet.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { MappingView, SidebarState, SurveyBuildView } from '../../src/shared/rpc';
import { demoSession, measureRpc, type MeasuredAction } from '../../src/local/budget';
import { SIDEBAR_BUDGET_SECONDS } from '../../src/local/emulator/index';
import type { Session } from '../../src/local/session';

let session: Session;

function run<T>(name: string, args: unknown[] = []): { value: T; action: MeasuredAction } {
  const into: MeasuredAction[] = [];
  const value = measureRpc<T>(session, name, args, into, name);
  return { value, action: into[0] as MeasuredAction };
}

function figures(action: MeasuredAction): string {
  const { totals, summary } = action.stats;
  return `${action.action}: ${totals.calls} calls, ${totals.cellsRead} cells read, ${totals.commits} commits → ${summary.estimatedSeconds.low}–${summary.estimatedSeconds.high} s`;
}

/** Every staff sheet's mapping confirmed as the sidebar detected it (列の対応 → 確定). */
function confirmEverySheet(): number {
  const state = run<SidebarState>('getSidebarState').value;
  let confirmed = 0;
  for (const sheet of state.sheets) {
    if (sheet.kind === null) continue;
    const view = run<MappingView>('getMapping', [sheet.name]).value;
    const columns: Record<string, number> = {};
    for (const column of view.columns) if (column.key !== null) columns[column.key] = column.index;
    run('saveMapping', [sheet.name, { kind: view.kind, headerRow: view.headerRow, columns }]);
    confirmed++;
  }
  return confirmed;
}

beforeAll(() => {
  session = demoSession('large');
  run('writeSurveyTemplate', ['住民意識調査']);
}, 600_000);

describe('an action that needs some kinds, on a workbook whose mappings staff confirmed', () => {
  it('アンケート定義 checked (previewForms): the same forms, the first rows of three sheets read instead of nine', () => {
    const before = run<SurveyBuildView>('previewForms');
    const sheets = confirmEverySheet();
    expect(sheets, 'the demo’s staff sheets').toBeGreaterThanOrEqual(9);
    const after = run<SurveyBuildView>('previewForms');
    expect(after.value, 'the same result').toEqual(before.value);
    const heads = (a: MeasuredAction): number => a.stats.methods['Range.getDisplayValues']?.calls ?? 0;
    // Before: every staff sheet's first rows. After: アンケート定義, 指標定義 and 設定 only — each of
    // the six others (名簿, 依頼, 活動記録, the ledgers, 相談記録) confirmed as another kind is left out,
    // its getLastRow, getLastColumn, getRange and getDisplayValues with it.
    expect(heads(before.action) - heads(after.action), `${figures(before.action)} / ${figures(after.action)}`).toBe(
      sheets - 3,
    );
    // Each sheet left out saves its four calls; each confirmed mapping costs its sheet's id (one
    // call), read to be sure the mapping is still that sheet's.
    expect(after.action.stats.totals.calls, `${figures(before.action)} / ${figures(after.action)}`).toBeLessThanOrEqual(
      before.action.stats.totals.calls - 4 * (sheets - 3) + sheets,
    );
    expect(after.action.stats.summary.estimatedSeconds.high, figures(after.action)).toBeLessThan(
      SIDEBAR_BUDGET_SECONDS,
    );
  });

  it('the sidebar still reads every sheet’s first rows (its list shows them all)', () => {
    const { value, action } = run<SidebarState>('getSidebarState');
    expect(value.sheets.every((s) => s.confirmed || s.kind === null)).toBe(true);
    expect(action.stats.methods['Range.getDisplayValues']?.calls ?? 0, figures(action)).toBeGreaterThanOrEqual(
      value.sheets.filter((s) => s.dataRows > 0 || s.kind !== null).length,
    );
  });
});
