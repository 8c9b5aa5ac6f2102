/** Reads the workbook's 設定 sheet into Settings, falling back to the defaults when there is none. */
import type { CellValue, SheetHead, Workbook } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import { defaultSettingsRows, parseSettings, type Settings } from '../sheets/settings';
import { kindsOf } from './plan';

/** Settings from a 設定 sheet's values (read with its mapping when there is one), or the defaults. */
export function settingsFrom(values: CellValue[][] | null, mapping?: ColumnMapping): Settings {
  if (!values) return parseSettings(defaultSettingsRows()).settings;
  return parseSettings(values, mapping ? { mapping } : {}).settings;
}

/** The settings of the workbook: its 設定 sheet when it has one, else Tsunagu's defaults. */
export function loadSettings(
  workbook: Workbook,
  heads: readonly SheetHead[],
  mappings: Readonly<Record<string, ColumnMapping>>,
): Settings {
  const kinds = kindsOf(heads, mappings);
  const sheet = heads.find((h) => kinds.get(h.name) === 'settings');
  const data = sheet ? workbook.read(sheet.name) : null;
  return settingsFrom(data ? data.values : null, sheet ? mappings[sheet.name] : undefined);
}
