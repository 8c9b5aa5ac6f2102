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

import type { StoredForm } from '../../../src/core/survey/item-map';
import { specItemFingerprint, storedItem } from '../../../src/core/survey/item-map';
import type { FormSpec } from '../../../src/core/survey/spec';

/** The item map a build of this spec would store, with item ids 1001, 1002 … */
export function storedFor(spec: FormSpec, formId = 'form-1'): StoredForm {
  return {
    name: spec.name,
    language: spec.language,
    formId,
    items: spec.items.map((item, i) => storedItem(undefined, 1001 + i, item, specItemFingerprint(item))),
  };
}

/** The header Forms writes into a linked response sheet for this spec: タイムスタンプ, then each question (grids one column per row). */
export function responseHeader(spec: FormSpec): string[] {
  const header = ['タイムスタンプ'];
  for (const item of spec.items) {
    if (item.type === 'section' || item.type === 'header') continue;
    if (item.rows) for (const r of item.rows) header.push(`${item.title} [${r}]`);
    else header.push(item.title);
  }
  return header;
}

/** A Date at a Tokyo wall-clock time. */
export function tokyo(y: number, m: number, d: number, h = 0, min = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h - 9, min));
}
