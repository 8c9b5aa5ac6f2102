// Small builders for validation tests: a sheet from a header and rows, the default 設定, a fixed today, and fix application.
import type { CellValue } from '../../../src/core/ports';
import {
  defaultSettingsHeader,
  defaultSettingsRows,
  parseSettings,
  type Settings,
} from '../../../src/core/sheets/settings';
import { detectHeader, detectSheetAs } from '../../../src/core/sheets/detect';
import { mappingFromDetection, type ColumnMapping } from '../../../src/core/sheets/mapping';
import type { SheetKind } from '../../../src/core/sheets/types';
import { parseDate } from '../../../src/core/text/date';
import { PlainDate } from '../../../src/core/text/plainDate';
import { validateWorkbook } from '../../../src/core/validate';
import { tokyoInstant } from '../../support/tokyo';
import type { SheetInput, ValidationIssue, ValidationResult } from '../../../src/core/validate/types';

export const TODAY = PlainDate.of(2026, 11, 26) as PlainDate;
export const SETTINGS: Settings = parseSettings([defaultSettingsHeader(), ...defaultSettingsRows()]).settings;

/** 00:00 in Tokyo of a day, as Sheets hands over a date cell (00:00 JDT in the 1948–51 summers). */
export function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return tokyoInstant(y, m, d);
}

/** What getDisplayValues shows for a value (dates as 2024/04/01). */
export function shownOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = parseDate(v);
    return d.ok ? d.date.toISO().replace(/-/g, '/') : '';
  }
  return '';
}

/** A sheet of a kind from its header and data rows; the mapping is detected as staff would confirm it. */
export function sheet(
  kind: SheetKind,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  name?: string,
): SheetInput {
  const values = [header as unknown[], ...(rows as unknown[][])] as CellValue[][];
  const det = detectHeader(values, 10, { kinds: [kind] }) ?? detectSheetAs(kind, header.map(String), 1);
  const mapping: ColumnMapping = mappingFromDetection(det);
  return { name: name ?? kind, kind, mapping, values, display: values.map((r) => r.map(shownOf)) };
}

/** A sheet with an explicit mapping (for headers detection would not accept). */
export function sheetWith(
  kind: SheetKind,
  columns: Record<string, number>,
  values: unknown[][],
  name?: string,
  headerRow = 1,
): SheetInput {
  return {
    name: name ?? kind,
    kind,
    mapping: { kind, headerRow, columns },
    values: values as CellValue[][],
    display: values.map((r) => (Array.isArray(r) ? r.map(shownOf) : [])),
  };
}

export function validate(
  sheets: SheetInput[],
  options: { settings?: Settings; today?: PlainDate } = {},
): ValidationResult {
  return validateWorkbook({ sheets, settings: options.settings ?? SETTINGS, today: options.today ?? TODAY });
}

/** Issues of one code (or all), as compact tuples for readable expectations. */
export function found(result: ValidationResult, code?: string): ValidationIssue[] {
  return result.issues.filter((i) => code === undefined || i.code === code);
}

export function codes(result: ValidationResult): string[] {
  return result.issues.map((i) => i.code);
}

/** Applies every safe fix to a copy of the sheets (values and display), as 安全な修正を適用 does. */
export function applyFixes(sheets: SheetInput[], issues: readonly ValidationIssue[]): SheetInput[] {
  const copies = sheets.map((s) => ({
    ...s,
    values: s.values.map((r) => (Array.isArray(r) ? [...r] : r)),
    display: s.display.map((r) => (Array.isArray(r) ? [...r] : r)),
  }));
  const seen = new Set<string>();
  for (const issue of issues) {
    if (!issue.fix || issue.columnIndex < 0) continue;
    const key = `${issue.sheet}\u0000${issue.row}\u0000${issue.columnIndex}`;
    if (seen.has(key)) throw new Error(`two fixes for one cell: ${key}`);
    seen.add(key);
    const s = copies.find((c) => c.name === issue.sheet);
    if (!s) continue;
    const row = s.values[issue.row - 1] as CellValue[];
    const shown = (s.display[issue.row - 1] ?? []) as string[];
    row[issue.columnIndex] = issue.fix.to;
    shown[issue.columnIndex] = String(issue.fix.to);
  }
  return copies;
}
