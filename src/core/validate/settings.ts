/** Defines how the 設定 sheet is validated: what parseSettings reports about it, placed at its rows and columns. */
import { parseSettings } from '../sheets/settings';
import type { ValidationIssue } from './types';
import { asText, type SheetView } from './view';

/**
 * Reads the 設定 sheet again to collect the problems parseSettings reports (the workbook's
 * Settings were read already; this only places the problems). Their codes are kept ('settings.*').
 */
export function checkSettingsSheet(view: SheetView, out: ValidationIssue[]): void {
  const columns: Record<string, number> = {};
  for (const c of view.columns) columns[c.key] = c.index;
  const parsed = parseSettings(view.values, { mapping: { kind: 'settings', headerRow: view.headerRow, columns } });
  for (const issue of parsed.issues) {
    if (issue.severity === 'info') continue;
    // SheetIssue names a column by its canonical header (項目, 値, 隣接圏域 …).
    const col =
      issue.column === undefined
        ? undefined
        : view.columns.find((c) => view.spec.columns.some((s) => s.key === c.key && s.header === issue.column));
    const row = issue.row ?? view.headerRow;
    const r = row - 1;
    const shown = col ? view.shown(r, col) : '';
    const out1: ValidationIssue = {
      sheet: view.name,
      row,
      columnIndex: col ? col.index : -1,
      column: col ? col.header : (issue.column ?? ''),
      code: issue.code,
      severity: issue.severity,
      message: { ja: issue.message.ja, en: issue.message.en },
      value: col ? asText(view.raw(r, col), shown) : '',
    };
    out.push(out1);
  }
}
