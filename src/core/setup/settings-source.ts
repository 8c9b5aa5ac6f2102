/** Reads the workbook's 設定 sheet into Settings, falling back to the defaults when there is none. */
import type { Message } from '../../shared/rpc';
import type { CellValue, SheetHead, Workbook } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import { defaultSettingsRows, parseSettings, type Settings } from '../sheets/settings';
import { kindsOf } from './plan';

/**
 * Lists of the sample 設定 that name places of the sample city (its 支部): a workbook without
 * 設定 is not checked against them, as its 圏域 and 地区 are not.
 */
const SAMPLE_PLACE_LISTS: readonly string[] = ['支部'];

/**
 * The settings of a workbook without a 設定 sheet: Tsunagu's standard lists (内容区分, 資格・特技,
 * 対応言語, 入金方法 …), fiscal years from April, 秘匿基準 10 — and nothing of the sample city:
 * no 団体名 (a sample name shown as the council's would mislead), no 圏域, 地区 or 支部.
 */
export function settingsWithoutSheet(): Settings {
  const sample = parseSettings(defaultSettingsRows()).settings;
  const lists: Record<string, string[]> = {};
  for (const name of Object.keys(sample.lists)) {
    if (SAMPLE_PLACE_LISTS.indexOf(name) < 0) lists[name] = sample.lists[name] as string[];
  }
  return { ...sample, organizationName: '', areas: [], adjacentAreas: [], lists, noSettingsSheet: true };
}

/** What staff are told while the workbook has no 設定 sheet (the sidebar offers シート準備 with it). */
export const NO_SETTINGS_SHEET: Message = {
  ja: '設定シートがまだありません。団体名・圏域・地区・一覧（内容区分・入金方法など）は設定シートに書きます。「シート準備」で作成できます。それまでは、圏域・地区・支部は一覧と照合せず、ほかの一覧はつなぐの標準を使います。',
  en: 'There is no 設定 (settings) sheet yet. The organisation name, 圏域, 地区 and the lists (内容区分, 入金方法 …) are kept there; シート準備 (Set up) creates it. Until then 圏域, 地区 and 支部 are not checked against a list, and the other lists are Tsunagu’s standard ones.',
};

/** The notice for staff when settings came from no 設定 sheet; null when the workbook has one. */
export function settingsNotice(settings: Settings): Message | null {
  return settings.noSettingsSheet === true ? NO_SETTINGS_SHEET : null;
}

/** Settings from a 設定 sheet's values (read with its mapping when there is one), or the defaults. */
export function settingsFrom(values: CellValue[][] | null, mapping?: ColumnMapping): Settings {
  if (!values) return settingsWithoutSheet();
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
