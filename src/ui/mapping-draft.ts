/** The column mapping staff are editing: the draft, its checks, the select options and the saveMapping argument. */
import type { MappingView, RpcArgs } from '../shared/rpc';
import { joinList, t, type Lang } from './i18n';

export interface MappingDraft {
  readonly sheet: string;
  readonly kind: string;
  readonly headerRow: number;
  /** The field key chosen for each column, in the order of MappingView.columns; null = not used. */
  readonly fields: ReadonlyArray<string | null>;
  /** Whether マッチング and 指標サマリー use the sheet (saved with the mapping). */
  readonly live: boolean;
}

export type SaveMappingArgument = RpcArgs<'saveMapping'>[1];

/** Sample values shown per column: enough to recognise the data, few enough for 300 px. */
export const MAX_SAMPLES = 3;

/** The draft as detected (or as last confirmed). */
export function initialDraft(mapping: MappingView): MappingDraft {
  return {
    sheet: mapping.sheet,
    kind: mapping.kind,
    headerRow: mapping.headerRow,
    fields: mapping.columns.map((column) => column.key),
    live: mapping.live,
  };
}

/** The draft with the sheet used (or not) by マッチング and 指標サマリー. */
export function chooseLive(draft: MappingDraft, live: boolean): MappingDraft {
  return { ...draft, live };
}

/** The draft with column `position` (index into MappingView.columns) set to `key`, or to unused for null/''. */
export function chooseField(draft: MappingDraft, position: number, key: string | null): MappingDraft {
  if (position < 0 || position >= draft.fields.length) return draft;
  const fields = draft.fields.slice();
  fields[position] = key === '' ? null : key;
  return { ...draft, fields };
}

/**
 * True when staff picked another kind than the one the view describes. The view's `fields` belong
 * to its own kind, so column choices cannot be offered for the new kind until the server answers
 * with a view of that kind: saving then sends no columns (see toSaveArgument), and staff choose
 * the columns again in the view saveMapping returns.
 */
export function kindChanged(draft: MappingDraft, mapping: MappingView): boolean {
  return draft.kind !== mapping.kind;
}

/** Fields put on more than one column, with the columns' sheet indexes, in field order. */
export function duplicateFields(draft: MappingDraft, mapping: MappingView): Array<{ key: string; columns: number[] }> {
  if (kindChanged(draft, mapping)) return [];
  const byKey = new Map<string, number[]>();
  draft.fields.forEach((key, position) => {
    const column = mapping.columns[position];
    if (key === null || !column) return;
    const columns = byKey.get(key) ?? [];
    columns.push(column.index);
    byKey.set(key, columns);
  });
  return [...byKey.entries()].filter(([, columns]) => columns.length > 1).map(([key, columns]) => ({ key, columns }));
}

/** Headers of required fields no column is set to. */
export function missingRequiredFields(draft: MappingDraft, mapping: MappingView): string[] {
  if (kindChanged(draft, mapping)) return [];
  const chosen = new Set(draft.fields.filter((key): key is string => key !== null));
  return mapping.fields.filter((field) => field.required && !chosen.has(field.key)).map((field) => field.header);
}

/** Problems that stop saving (errors) and ones staff should know before saving (warnings). */
export function mappingNotices(
  draft: MappingDraft,
  mapping: MappingView,
  lang: Lang,
): { errors: string[]; warnings: string[] } {
  if (kindChanged(draft, mapping)) return { errors: [], warnings: [t(lang, 'mapping.kindChanged')] };
  const errors = duplicateFields(draft, mapping).map(({ key, columns }) =>
    t(lang, 'mapping.duplicate', {
      field: fieldHeader(mapping, key),
      columns: joinList(
        lang,
        columns.map((index) => t(lang, 'mapping.column', { letter: columnLetter(index) })),
      ),
    }),
  );
  const missing = missingRequiredFields(draft, mapping);
  const warnings = missing.length > 0 ? [t(lang, 'mapping.missingRequired', { fields: joinList(lang, missing) })] : [];
  return { errors, warnings };
}

export function canSave(draft: MappingDraft, mapping: MappingView): boolean {
  return duplicateFields(draft, mapping).length === 0;
}

/**
 * The saveMapping argument: {kind, headerRow, columns: field key → 0-based sheet column index}.
 * After a kind change the columns are empty: the old kind's keys mean nothing for the new kind.
 */
export function toSaveArgument(draft: MappingDraft, mapping: MappingView): SaveMappingArgument {
  const columns: Record<string, number> = {};
  if (!kindChanged(draft, mapping)) {
    if (!canSave(draft, mapping)) throw new Error('toSaveArgument: a field is set on more than one column');
    draft.fields.forEach((key, position) => {
      const column = mapping.columns[position];
      if (key !== null && column) columns[key] = column.index;
    });
  }
  return { kind: draft.kind, headerRow: draft.headerRow, columns, live: draft.live };
}

export interface FieldOption {
  value: string;
  label: string;
}

/**
 * Options of one column's select: 「（使わない）」, the kind's fields (required ones marked), and —
 * so a choice is never silently lost — a key the server reported that is not among the fields.
 */
export function fieldOptions(mapping: MappingView, lang: Lang, currentKey: string | null): FieldOption[] {
  const options: FieldOption[] = [{ value: '', label: t(lang, 'mapping.unused') }];
  for (const field of mapping.fields) {
    options.push({
      value: field.key,
      label: field.required ? t(lang, 'mapping.requiredOption', { header: field.header }) : field.header,
    });
  }
  if (currentKey !== null && !mapping.fields.some((field) => field.key === currentKey)) {
    options.push({ value: currentKey, label: t(lang, 'mapping.unknownField', { key: currentKey }) });
  }
  return options;
}

/** The options of the kind select; the view's own kind is always among them. */
export function kindOptions(mapping: MappingView): FieldOption[] {
  const options = mapping.kinds.map(({ kind, label }) => ({ value: kind, label: label || kind }));
  if (!options.some((option) => option.value === mapping.kind)) {
    options.unshift({ value: mapping.kind, label: mapping.kindLabel || mapping.kind });
  }
  return options;
}

/** 「自動検出: 氏名」 for the server's key of a column, or 「確認済み: 氏名」 once staff confirmed the mapping. */
export function detectedText(mapping: MappingView, key: string | null, lang: Lang): string {
  if (mapping.confirmed) {
    return key === null
      ? t(lang, 'mapping.confirmedNone')
      : t(lang, 'mapping.confirmedField', { field: fieldHeader(mapping, key) });
  }
  return key === null
    ? t(lang, 'mapping.detectedNone')
    : t(lang, 'mapping.detected', { field: fieldHeader(mapping, key) });
}

/** The canonical header of a field key, or the key itself when the kind does not list it. */
export function fieldHeader(mapping: MappingView, key: string): string {
  return mapping.fields.find((field) => field.key === key)?.header ?? key;
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let rest = Math.floor(index);
  if (rest < 0) return '';
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return letters;
}

/** The first few sample values of a column. */
export function samplesOf(samples: readonly string[]): string[] {
  return samples.slice(0, MAX_SAMPLES);
}
