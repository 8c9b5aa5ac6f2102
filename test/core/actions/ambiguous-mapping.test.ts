// The mapping view of a donation ledger whose 種別 could be 区分 or 寄付者種別: read by its values, and shown for staff to confirm.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { MappingView, SidebarState, ValidationReport } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

function ledger(kinds: string[]): Session {
  const session = freshSession();
  session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('寄付受付簿');
  session.emu.setSheetValues('寄付受付簿', [
    ['令和6年度 寄付受付簿', '', '', '', ''],
    ['', '', '', '', ''],
    ['日付', '寄付者名', '金額(円)', '種別', '備考'],
    ...kinds.map((kind, i) => ['2024/4/' + (i + 3), `寄付者${i + 1}`, 10000 * (i + 1), kind, '']),
  ]);
  return session;
}

describe('種別 in a donation ledger', () => {
  it('is read as 区分 by its values, and the mapping view asks staff to confirm why', () => {
    const session = ledger(['一般', '指定寄付', '一般']);
    const state = rpc<SidebarState>(session, 'getSidebarState');
    expect(state.sheets.find((s) => s.name === '寄付受付簿')).toMatchObject({ kind: 'donations', headerRow: 3 });
    const view = rpc<MappingView>(session, 'getMapping', '寄付受付簿');
    const column = view.columns.find((c) => c.header === '種別');
    expect(column?.key).toBe('donationType');
    expect(column?.note?.ja).toBe(
      '「種別」は「区分」とも「寄付者種別」とも読めます。列の値（3件中3件）が「区分」の選択肢に合うため、「区分」としました。違っていれば選び直して保存してください。',
    );
    expect(column?.note?.en).toContain('could mean 「区分」 or 「寄付者種別」');
    for (const other of view.columns.filter((c) => c.header !== '種別')) expect(other.note).toBeNull();
  });

  it('is read as 寄付者種別 when the values are kinds of donor', () => {
    const session = ledger(['個人', '法人']);
    const column = rpc<MappingView>(session, 'getMapping', '寄付受付簿').columns.find((c) => c.header === '種別');
    expect(column?.key).toBe('donorType');
    expect(column?.note?.ja).toContain('「寄付者種別」としました');
  });

  it('validates with the same reading: 「一般」 is suggested 「一般寄付」 in 区分', () => {
    const session = ledger(['一般', '指定寄付', '一般']);
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    const issue = report.issues.find((i) => i.row === 4 && i.column === '種別');
    expect(issue?.code).toBe('list.notAllowed');
    expect(issue?.suggestion).toBe('一般寄付');
    expect(issue?.fix).toBeUndefined();
  });

  it('asks no more once staff saved the mapping', () => {
    const session = ledger(['一般']);
    const view = rpc<MappingView>(session, 'getMapping', '寄付受付簿');
    const columns: Record<string, number> = {};
    for (const c of view.columns) if (c.key) columns[c.key] = c.index;
    const saved = rpc<MappingView>(session, 'saveMapping', '寄付受付簿', { kind: 'donations', headerRow: 3, columns });
    expect(saved.confirmed).toBe(true);
    expect(saved.columns.every((c) => c.note === null)).toBe(true);
  });
});
