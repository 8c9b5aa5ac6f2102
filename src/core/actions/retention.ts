/** Defines retentionDaysOf: how many days つなぐ履歴 keeps, from 設定 履歴保存日数 (30 when the workbook does not say). */
import { loadSettings } from '../setup/settings-source';
import type { SheetHead } from '../ports';
import { lookupKinds } from './lookup';
import type { AppPorts } from './ports';
import { loadMappings } from './sidebar';

/**
 * Reads 設定 (the first rows of the sheets that may be it, then the 設定 sheet) for 履歴保存日数, for
 * actions that read nothing else.
 */
export function retentionDaysOf(ports: AppPorts, read?: readonly SheetHead[]): number {
  if (read) return loadSettings(ports.workbook, read, loadMappings(ports, read)).historyRetentionDays;
  const { heads, confirmed } = lookupKinds(ports, ['settings']);
  return loadSettings(ports.workbook, heads, confirmed).historyRetentionDays;
}
