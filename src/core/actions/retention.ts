/** Defines retentionDaysOf: how many days つなぐ履歴 keeps, from 設定 履歴保存日数 (30 when the workbook does not say). */
import { loadSettings } from '../setup/settings-source';
import { HEAD_ROWS } from '../setup/plan';
import type { SheetHead } from '../ports';
import type { AppPorts } from './ports';
import { loadMappings } from './sidebar';

/** Reads 設定 (the sheet's first rows, then the 設定 sheet) for 履歴保存日数, for actions that read nothing else. */
export function retentionDaysOf(ports: AppPorts, read?: readonly SheetHead[]): number {
  const heads = read ?? ports.workbook.heads(HEAD_ROWS);
  return loadSettings(ports.workbook, heads, loadMappings(ports, heads)).historyRetentionDays;
}
