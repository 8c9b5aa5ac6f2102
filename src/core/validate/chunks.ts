/**
 * Chunked 検証: how a workbook too large for one Apps Script call is validated in parts that each
 * read a bounded number of cells, and how the parts' issues add up to exactly what one pass finds.
 *
 * Small sheets are validated whole, several to a part. A large sheet is split into row slices;
 * rules that compare a row with other rows (duplicate ids, probable duplicate people, receipt
 * numbers, payments twice) get a part of their own that reads only the columns they compare, for
 * every row, and its findings are staged until the slice they fall in is done. Rules that look up
 * other sheets (担当ボランティア in the roster …) read those sheets' id columns in every part.
 * Rules that compare rows across the sheets of one kind (an id of the roster reused in the 退会者
 * archive, the same person in both halves of a roster) report on the later sheet's row, so the part
 * that reports them reads the compared columns of the earlier sheets of the kind (SIBLING_FIELDS).
 */
import type { CellValue } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import { SHEET_SPECS } from '../sheets/specs';
import type { SheetKind } from '../sheets/types';
import type { FirstSeen } from './context';
import type { SheetInput, ValidationIssue } from './types';

/** The codes of rules that compare a row with other rows of its sheet (reported on the later row). */
export const CROSS_ROW_CODES: ReadonlySet<string> = new Set([
  'id.duplicate',
  'volunteers.duplicatePerson',
  'donations.receiptDuplicate',
  'donations.possibleDuplicate',
  'memberships.paidTwice',
]);

const PERSON_KEYS = ['volunteerId', 'name', 'furigana', 'birthDate', 'phone', 'mobile', 'address'] as const;

/** The fields those rules read on other rows, per kind that can be split into slices. */
export const CROSS_ROW_FIELDS: Partial<Record<SheetKind, readonly string[]>> = {
  volunteers: PERSON_KEYS,
  volunteerFormAnswers: PERSON_KEYS,
  requests: ['requestId'],
  donations: ['receiptNo', 'receivedOn', 'receipt', 'donorId', 'donorName', 'amount'],
  memberships: ['memberId', 'fiscalYear'],
  activities: [],
  consultations: [],
};

/**
 * The fields the rules that compare rows across the sheets of one kind read on the earlier sheets
 * of that kind: ids (common.ts UNIQUE), the keys of probable duplicate people, receipt numbers and
 * gifts entered twice (a 寄付台帳 per year), membership fees paid twice.
 */
export const SIBLING_FIELDS: Partial<Record<SheetKind, readonly string[]>> = {
  volunteers: PERSON_KEYS,
  volunteerFormAnswers: PERSON_KEYS,
  requests: ['requestId'],
  donations: CROSS_ROW_FIELDS.donations ?? [],
  memberships: CROSS_ROW_FIELDS.memberships ?? [],
  indicators: ['indicatorId'],
  surveys: ['formName', 'questionId'],
};

/** The earlier sheets of the same kind as each sheet given (tab order), with the fields compared across them. */
export function siblingSheets(
  own: readonly PlannedSheet[],
  sheets: readonly PlannedSheet[],
): Array<{ sheet: PlannedSheet; fields: readonly string[] }> {
  const out: Array<{ sheet: PlannedSheet; fields: readonly string[] }> = [];
  sheets.forEach((sheet, at) => {
    const fields = SIBLING_FIELDS[sheet.kind];
    if (!fields || own.indexOf(sheet) >= 0) return;
    const later = own.some((o) => o.kind === sheet.kind && sheets.indexOf(o) > at);
    if (later) out.push({ sheet, fields });
  });
  return out;
}

/** A kind's rules that look up another kind, and the fields they read there. */
export const REFERENCES: Partial<Record<SheetKind, readonly { kind: SheetKind; fields: readonly string[] }[]>> = {
  volunteers: [{ kind: 'requests', fields: ['requestId', 'status', 'assignedVolunteers'] }],
  volunteerFormAnswers: [{ kind: 'requests', fields: ['requestId', 'status', 'assignedVolunteers'] }],
  requests: [{ kind: 'volunteers', fields: ['volunteerId', 'status'] }],
  activities: [
    { kind: 'volunteers', fields: ['volunteerId', 'status'] },
    { kind: 'requests', fields: ['requestId'] },
  ],
};

/** Column types whose cells are numbers, dates or yes/no: their display texts are read too. */
const SHOWN_TYPES: ReadonlySet<string> = new Set([
  'date',
  'integer',
  'number',
  'amount',
  'yesno',
  'fiscalYear',
  'time',
]);

/** One recognised sheet as the plan sees it (no cell contents: names, kinds, sizes, column indexes). */
export interface PlannedSheet {
  name: string;
  kind: SheetKind;
  mapping: ColumnMapping;
  /** The last row with content (1-based). */
  lastRow: number;
}

/**
 * Kinds whose rules that compare rows keep only where each value was first seen (FirstSeen maps:
 * ids, receipt numbers, gifts, fees): their cross-row part can itself go in row slices, each
 * carrying the maps of the slices before it (`seenRows`, `seedOf`). The roster's probable duplicate
 * people compare each row with every earlier one in several ways, so its cross-row part stays whole.
 */
export const SPLIT_CROSS_ROW: ReadonlySet<SheetKind> = new Set<SheetKind>(['requests', 'donations', 'memberships']);

/**
 * One part of a chunked 検証. Rows are 1-based sheet rows. A cross-row part covers every data row
 * of its sheet, or (`first`, `last`) a slice of them when one part would read too many cells.
 */
export type ChunkWork =
  | { type: 'whole'; sheets: string[] }
  | { type: 'crossRow'; sheet: string; first?: number; last?: number }
  | { type: 'slice'; sheet: string; first: number; last: number };

/** The rows a cross-row part reads: its slice, or every data row of the sheet. */
export function crossRowSpan(
  work: ChunkWork & { type: 'crossRow' },
  sheet: PlannedSheet,
): { first: number; last: number } {
  const header = sheet.mapping.headerRow;
  return { first: work.first ?? header + 1, last: work.last ?? sheet.lastRow };
}

/** True for a cross-row part that reads the sheet's first data rows (the whole part, or its first slice). */
export function firstCrossRow(work: ChunkWork & { type: 'crossRow' }, headerRow: number): boolean {
  return work.first === undefined || work.first <= headerRow + 1;
}

/** The columns (0-based) of the fields given that the mapping has; all mapped columns without fields. */
export function fieldColumns(mapping: ColumnMapping, fields?: readonly string[]): number[] {
  return Object.keys(mapping.columns)
    .filter((key) => !fields || fields.indexOf(key) >= 0)
    .map((key) => mapping.columns[key] as number)
    .sort((a, b) => a - b);
}

/** The cells reading these columns of these rows costs, display texts of numbers and dates included. */
export function estimateCells(sheet: PlannedSheet, rows: number, fields?: readonly string[]): number {
  const spec = SHEET_SPECS[sheet.kind];
  let columns = 0;
  for (const key of Object.keys(sheet.mapping.columns)) {
    if (fields && fields.indexOf(key) < 0) continue;
    const type = spec.columns.find((c) => c.key === key)?.type;
    columns += type !== undefined && SHOWN_TYPES.has(type) ? 2 : 1;
  }
  return Math.max(0, rows) * columns;
}

/** The sheets of the kinds a part's rules look up, with the fields they read there. */
export function referencedSheets(
  kinds: readonly SheetKind[],
  sheets: readonly PlannedSheet[],
): Array<{ sheet: PlannedSheet; fields: readonly string[] }> {
  const fields = new Map<SheetKind, Set<string>>();
  for (const kind of kinds) {
    for (const ref of REFERENCES[kind] ?? []) {
      const set = fields.get(ref.kind) ?? new Set<string>();
      for (const f of ref.fields) set.add(f);
      fields.set(ref.kind, set);
    }
  }
  return sheets
    .filter((s) => fields.has(s.kind))
    .map((sheet) => ({ sheet, fields: [...(fields.get(sheet.kind) as Set<string>)] }));
}

/**
 * The parts, in sheet order, each estimated at about `budgetCells` cells read or fewer: small
 * sheets together, a large sheet of a kind that can be split as a cross-row part and row slices.
 * A sheet that cannot be split (設定, 指標定義 …) is one part however large it is.
 */
export function planChunks(sheets: readonly PlannedSheet[], budgetCells: number): ChunkWork[] {
  const chunks: ChunkWork[] = [];
  let whole: { sheets: string[]; cells: number } | null = null;
  const flush = (): void => {
    if (whole) chunks.push({ type: 'whole', sheets: whole.sheets });
    whole = null;
  };
  const refCells = (kind: SheetKind): number =>
    referencedSheets([kind], sheets).reduce((n, r) => n + estimateCells(r.sheet, r.sheet.lastRow, r.fields), 0);
  const siblingCells = (sheet: PlannedSheet): number =>
    siblingSheets([sheet], sheets).reduce((n, r) => n + estimateCells(r.sheet, r.sheet.lastRow, r.fields), 0);
  for (const sheet of sheets) {
    const header = sheet.mapping.headerRow;
    const cells = estimateCells(sheet, sheet.lastRow) + refCells(sheet.kind) + siblingCells(sheet);
    const crossRow = CROSS_ROW_FIELDS[sheet.kind];
    if (cells <= budgetCells || crossRow === undefined || sheet.lastRow <= header + 1) {
      if (whole !== null && (whole as { cells: number }).cells + cells > budgetCells) flush();
      if (whole === null) whole = { sheets: [], cells: 0 };
      (whole as { sheets: string[]; cells: number }).sheets.push(sheet.name);
      (whole as { sheets: string[]; cells: number }).cells += cells;
      continue;
    }
    flush();
    if (crossRow.length > 0) {
      const crossCells = estimateCells(sheet, sheet.lastRow - header, crossRow) + siblingCells(sheet);
      if (crossCells <= budgetCells || !SPLIT_CROSS_ROW.has(sheet.kind)) {
        chunks.push({ type: 'crossRow', sheet: sheet.name });
      } else {
        // The first slice also reads the compared columns of the earlier sheets of the kind.
        const perCrossRow = Math.max(1, estimateCells(sheet, 1, crossRow));
        const rowsPerCross = Math.max(1, Math.floor(budgetCells / perCrossRow));
        const firstRows = Math.max(
          1,
          Math.floor(Math.max(budgetCells - siblingCells(sheet), budgetCells / 2) / perCrossRow),
        );
        for (let first = header + 1; first <= sheet.lastRow;) {
          const count = first === header + 1 ? firstRows : rowsPerCross;
          const last = Math.min(sheet.lastRow, first + count - 1);
          chunks.push({ type: 'crossRow', sheet: sheet.name, first, last });
          first = last + 1;
        }
      }
    }
    const perRow = Math.max(1, estimateCells(sheet, 1));
    const rowsPerSlice = Math.max(
      1,
      Math.floor(Math.max(budgetCells - refCells(sheet.kind), budgetCells / 2) / perRow),
    );
    for (let first = header + 1; first <= sheet.lastRow; first += rowsPerSlice) {
      chunks.push({ type: 'slice', sheet: sheet.name, first, last: Math.min(sheet.lastRow, first + rowsPerSlice - 1) });
    }
  }
  flush();
  return chunks;
}

/** Lays one read over another: rows the second read hold replace the first's (full-height lists). */
export function overlay(base: SheetInput, over: { values: CellValue[][]; display: string[][] }): SheetInput {
  const height = Math.max(base.values.length, over.values.length);
  const values: CellValue[][] = [];
  const display: string[][] = [];
  for (let r = 0; r < height; r++) {
    const top = over.values[r];
    const useTop = top !== undefined && top.length > 0;
    values.push(useTop ? top : (base.values[r] ?? []));
    display.push(useTop ? (over.display[r] ?? []) : (base.display[r] ?? []));
  }
  return { ...base, values, display };
}

/** The issues a part keeps of what validateWorkbook found on its input. */
export function keptIssues(work: ChunkWork, issues: readonly ValidationIssue[], headerRow: number): ValidationIssue[] {
  if (work.type === 'whole') return issues.filter((i) => work.sheets.indexOf(i.sheet) >= 0);
  if (work.type === 'crossRow') {
    const from = work.first ?? -Infinity;
    const to = work.last ?? Infinity;
    const first = firstCrossRow(work, headerRow);
    return issues.filter(
      (i) =>
        i.sheet === work.sheet &&
        ((CROSS_ROW_CODES.has(i.code) && i.row > headerRow && i.row >= from && i.row <= to) ||
          (i.row <= headerRow && first)),
    );
  }
  return issues.filter(
    (i) => i.sheet === work.sheet && i.row >= work.first && i.row <= work.last && !CROSS_ROW_CODES.has(i.code),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** validateWorkbook's order within a sheet: row, column, code, message. */
export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  return (
    a.row - b.row ||
    a.columnIndex - b.columnIndex ||
    compareText(a.code, b.code) ||
    compareText(a.message.ja, b.message.ja)
  );
}

/** A slice's issues with the staged cross-row ones that fall in it, in validateWorkbook's order. */
export function mergeIssues(own: readonly ValidationIssue[], staged: readonly ValidationIssue[]): ValidationIssue[] {
  return [...own, ...staged].sort(compareIssues);
}

/** Which staged issues belong to which slice: those on rows up to its last row and after the previous slice's. */
export function stagedFor(
  staged: readonly ValidationIssue[],
  slice: { first: number; last: number },
  headerRow: number,
): ValidationIssue[] {
  const from = slice.first === headerRow + 1 ? -Infinity : slice.first;
  return staged.filter((i) => i.row >= from && i.row <= slice.last);
}

/** Reads some columns (by field; all mapped ones without) of some row spans of a sheet, as Workbook.read does. */
export type SheetReader = (
  sheet: PlannedSheet,
  fields: readonly string[] | undefined,
  rows: ReadonlyArray<{ first: number; count: number }> | undefined,
) => { values: CellValue[][]; display: string[][] };

/** What one part found: issues to report now, or (a cross-row part) issues to stage for the slices. */
export interface ChunkFindings {
  report: ValidationIssue[];
  stage: ValidationIssue[];
}

/**
 * The sheets one part validates, read as little as its rules need: the part's own sheets (or
 * slice, or cross-row columns) and the columns other sheets are looked up by, in sheet order.
 */
export function chunkSheets(work: ChunkWork, sheets: readonly PlannedSheet[], read: SheetReader): SheetInput[] {
  const own = work.type === 'whole' ? work.sheets : [work.sheet];
  const ownSheets = sheets.filter((s) => own.indexOf(s.name) >= 0);
  const ownKinds = ownSheets.map((s) => s.kind);
  const refs = work.type === 'crossRow' ? [] : referencedSheets(ownKinds, sheets);
  // A slice reports no cross-row finding, so it needs no earlier sheet of its kind; nor does a
  // cross-row slice after the first: what the earlier sheets hold comes with the carried maps.
  const laterCross = work.type === 'crossRow' && !firstCrossRow(work, ownSheets[0]?.mapping.headerRow ?? 1);
  const siblings = work.type === 'slice' || laterCross ? [] : siblingSheets(ownSheets, sheets);
  const inputs: SheetInput[] = [];
  for (const sheet of sheets) {
    const header = sheet.mapping.headerRow;
    const base = { name: sheet.name, kind: sheet.kind, mapping: sheet.mapping };
    if (own.indexOf(sheet.name) >= 0) {
      if (work.type === 'whole') inputs.push({ ...base, ...read(sheet, undefined, undefined) });
      else if (work.type === 'slice') {
        const rows = [
          { first: 1, count: header },
          { first: work.first, count: work.last - work.first + 1 },
        ];
        inputs.push({ ...base, ...read(sheet, undefined, rows) });
      } else {
        const head = { ...base, ...read(sheet, undefined, [{ first: 1, count: header }]) };
        const span = crossRowSpan(work, sheet);
        const body = read(sheet, CROSS_ROW_FIELDS[sheet.kind] ?? [], [
          { first: span.first, count: Math.max(0, span.last - span.first + 1) },
        ]);
        inputs.push(overlay(head, body));
      }
      continue;
    }
    const ref = refs.find((r) => r.sheet.name === sheet.name);
    const sibling = siblings.find((r) => r.sheet.name === sheet.name);
    if (ref || sibling) {
      const fields = [...new Set([...(ref?.fields ?? []), ...(sibling?.fields ?? [])])];
      inputs.push({ ...base, ...read(sheet, fields, undefined) });
    }
  }
  return inputs;
}

/** The most characters one carried row holds: below Sheets' 50,000 a cell (real-sheets-checklist RS-44). */
export const SEEN_ROW_CHARS = 40_000;

/** Where a value was first seen, as a carried row holds it: [value's key, sheet, 0-based row]. */
type SeenEntry = [string, string, number];

function isSeenMap(value: unknown): value is Map<string, FirstSeen> {
  if (!(value instanceof Map)) return false;
  for (const seen of value.values()) {
    return (
      seen !== null &&
      typeof seen === 'object' &&
      typeof (seen as FirstSeen).sheet === 'string' &&
      typeof (seen as FirstSeen).r === 'number'
    );
  }
  return true;
}

/** How many entries each FirstSeen map holds now: what `seenRows` leaves out later. */
export function seenSizes(shared: ReadonlyMap<string, unknown>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [key, value] of shared) if (isSeenMap(value)) sizes.set(key, value.size);
  return sizes;
}

/**
 * What a cross-row slice saw that the slices before it had not (each FirstSeen map's entries after
 * those counted in `before`, in the order they were seen), as JSON texts of at most SEEN_ROW_CHARS,
 * for the work sheet: the next slice starts from them (`seedOf`).
 */
export function seenRows(shared: ReadonlyMap<string, unknown>, before: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [key, map] of shared) {
    if (!isSeenMap(map)) continue;
    const skip = before.get(key) ?? 0;
    let entries: SeenEntry[] = [];
    let chars = 0;
    const flush = (): void => {
      if (entries.length > 0) out.push(JSON.stringify({ k: key, e: entries }));
      entries = [];
      chars = 0;
    };
    let i = 0;
    for (const [value, seen] of map.entries()) {
      if (i++ < skip) continue;
      const entry: SeenEntry = [value, seen.sheet, seen.r];
      const size = JSON.stringify(entry).length + 1;
      if (chars + size > SEEN_ROW_CHARS - key.length - 16) flush();
      entries.push(entry);
      chars += size;
    }
    flush();
  }
  return out;
}

/** The FirstSeen maps the rows `seenRows` wrote stand for, in the order they were seen. */
export function seedOf(rows: readonly string[]): Map<string, unknown> {
  const shared = new Map<string, unknown>();
  for (const text of rows) {
    const { k, e } = JSON.parse(text) as { k: string; e: SeenEntry[] };
    let map = shared.get(k) as Map<string, FirstSeen> | undefined;
    if (!map) shared.set(k, (map = new Map<string, FirstSeen>()));
    for (const [value, sheet, r] of e) map.set(value, { sheet, r });
  }
  return shared;
}
