/** The シート準備 plan: which standard sheets a workbook lacks, and each one's header, formats and drop-downs. */
import type { Dropdown, NewSheetSpec, SheetHead } from '../ports';
import { diagnoseHeader } from '../sheets/detect';
import { contractColumns, SHEET_SPECS } from '../sheets/specs';
import {
  defaultIndicatorHeader,
  defaultIndicatorRows,
  defaultSettingsRows,
  parseSettings,
  settingsList,
  type Settings,
} from '../sheets/settings';
import { SHEET_KINDS, type SheetKind, type SheetSpec } from '../sheets/types';
import { templateHeader } from '../survey/templates';

/** The sheets シート準備 creates, in tab order: every kind but the form answers, which Google Forms makes. */
export const STANDARD_KINDS: readonly SheetKind[] = SHEET_KINDS.filter((kind) => kind !== 'volunteerFormAnswers');

/** Rows read from the top of each sheet to find its header (a title may stand above it). */
export const HEAD_ROWS = 10;

export interface SetupPlan {
  /** Sheets to create (or to fill, when a sheet of that name exists and is empty). */
  create: NewSheetSpec[];
  /** Kinds the workbook already has, with the sheet that holds each. */
  existing: Array<{ kind: SheetKind; sheet: string }>;
  /** Canonical names taken by a sheet that holds data of another shape: left alone. */
  blocked: Array<{ kind: SheetKind; sheet: string }>;
}

/** The kind each sheet is, by its header; sheets with no recognisable header are absent. */
export function kindsOf(
  heads: readonly SheetHead[],
  confirmed: Readonly<Record<string, { kind: SheetKind }>> = {},
): Map<string, SheetKind> {
  const kinds = new Map<string, SheetKind>();
  for (const head of heads) {
    if (head.own) continue;
    const kind = confirmed[head.name]?.kind;
    if (kind) {
      kinds.set(head.name, kind);
      continue;
    }
    const diagnosis = diagnoseHeader(head.display, HEAD_ROWS, { sheetName: head.name });
    if (diagnosis.ok) kinds.set(head.name, diagnosis.detection.kind);
  }
  return kinds;
}

/** Plans the missing standard sheets. Never touches a sheet that has data. */
export function planSetup(
  heads: readonly SheetHead[],
  settings: Settings,
  confirmed: Readonly<Record<string, { kind: SheetKind }>> = {},
): SetupPlan {
  const kinds = kindsOf(heads, confirmed);
  const byName = new Map(heads.map((h) => [h.name, h]));
  const plan: SetupPlan = { create: [], existing: [], blocked: [] };
  // Without a 設定 sheet, the one this plan writes is the one the new sheets' drop-downs follow.
  const settingsName = SHEET_SPECS.settings.canonicalName;
  const writesSettings =
    settings.noSettingsSheet === true &&
    !heads.some((h) => kinds.get(h.name) === 'settings') &&
    !((byName.get(settingsName)?.lastRow ?? 0) > 0);
  const forLists = writesSettings ? parseSettings(defaultSettingsRows()).settings : settings;
  for (const kind of STANDARD_KINDS) {
    const holder = heads.find((h) => kinds.get(h.name) === kind);
    if (holder) {
      plan.existing.push({ kind, sheet: holder.name });
      continue;
    }
    const spec = SHEET_SPECS[kind];
    const sameName = byName.get(spec.canonicalName);
    if (sameName && sameName.lastRow > 0) {
      plan.blocked.push({ kind, sheet: sameName.name });
      continue;
    }
    plan.create.push(newSheetSpec(spec, forLists));
  }
  return plan;
}

/**
 * The header of a standard sheet: its columns in contract order (指標定義 adds 目標2024…2028;
 * アンケート定義 the English and やさしい日本語 columns its templates fill).
 */
export function standardHeader(spec: SheetSpec): string[] {
  if (spec.kind === 'indicators') return defaultIndicatorHeader();
  if (spec.kind === 'surveys') return templateHeader();
  return contractColumns(spec).map((c) => c.header);
}

/** What シート準備 creates for one standard sheet (header, formats, drop-downs, default rows). */
export function standardSheetSpec(kind: SheetKind, settings: Settings): NewSheetSpec {
  return newSheetSpec(SHEET_SPECS[kind], settings);
}

function newSheetSpec(spec: SheetSpec, settings: Settings): NewSheetSpec {
  const header = standardHeader(spec);
  const textColumns: number[] = [];
  const dropdowns: Dropdown[] = [];
  contractColumns(spec).forEach((column, index) => {
    if (column.textFormat) textColumns.push(index);
    if (column.multi) return;
    const values = column.list
      ? [...column.list]
      : column.listFromSettings
        ? (settingsList(settings, column.listFromSettings) ?? [])
        : [];
    // Lists warn rather than reject: staff may paste old data, and validation reports it clearly.
    if (values.length > 0) dropdowns.push({ column: index, values, allowInvalid: true });
    else if (column.type === 'yesno') dropdowns.push({ column: index, values: ['はい', 'いいえ'], allowInvalid: true });
  });
  const rows =
    spec.kind === 'settings' ? defaultSettingsRows() : spec.kind === 'indicators' ? defaultIndicatorRows() : [];
  return {
    name: spec.canonicalName,
    header,
    rows,
    frozenRows: 1,
    textColumns,
    dropdowns,
    checkboxColumns: [],
    hidden: false,
  };
}
