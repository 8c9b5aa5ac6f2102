/** Test helpers for core/survey: an アンケート定義 sheet from rows, read with the default 設定. */
import { defaultSettingsRows, parseSettings, type Settings } from '../../../src/core/sheets/settings';
import { readSurveyDefinition } from '../../../src/core/survey/definition';
import { templateCells, templateHeader, type TemplateName } from '../../../src/core/survey/templates';
import type { SurveyDefinition } from '../../../src/core/survey/types';

/** The default 設定 a new workbook gets (four 圏域, the default lists). */
export function defaultSettings(): Settings {
  return parseSettings(defaultSettingsRows()).settings;
}

/** Reads a sheet given as a header and rows (row 1 is the header). */
export function readSheet(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { settings?: Settings; indicatorIds?: readonly string[] | null } = {},
): SurveyDefinition {
  return readSurveyDefinition({
    values: [header, ...rows],
    settings: options.settings ?? defaultSettings(),
    indicatorIds: options.indicatorIds ?? null,
  });
}

export function readTemplate(name: TemplateName, settings: Settings = defaultSettings()): SurveyDefinition {
  return readSheet(templateHeader(), templateCells(name), { settings });
}

/** [code, row, column] of every issue, for compact assertions. */
export function codes(def: SurveyDefinition, severity?: 'error' | 'warning' | 'info'): Array<[string, number, string]> {
  return def.issues
    .filter((i) => severity === undefined || i.severity === severity)
    .map((i) => [i.code, i.row, i.column]);
}
