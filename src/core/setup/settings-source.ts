/** Reads the workbook's 設定 sheet into Settings, falling back to the defaults when there is none. */
import type { SheetHead, Workbook } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import { defaultSettingsRows, parseSettings, type Settings } from '../sheets/settings';
import { kindsOf } from './plan';

/** The settings of the workbook: its 設定 sheet when it has one, else Tsunagu's defaults. */
export function loadSettings(workbook: Workbook, heads: readonly SheetHead[], mappings: Readonly<Record<string, ColumnMapping>>): Settings {
  const confirmed: Record<string, ColumnMapping['kind']> = {};
  for (const name of Object.keys(mappings)) confirmed[name] = (mappings[name] as ColumnMapping).kind;
  const kinds = kindsOf(heads, confirmed);
  const sheet = heads.find((h) => kinds.get(h.name) === 'settings');
  const data = sheet ? workbook.read(sheet.name) : null;
  return parseSettings(data ? data.values : defaultSettingsRows()).settings;
}
