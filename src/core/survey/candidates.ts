/**
 * Defines how answer rows are checked before import: the destination sheet's own validation rules
 * run over its rows plus the candidates (so 全角 digits, hiragana furigana and a renamed choice are
 * flagged, and probable duplicates of people already on the roster found), and new ids in the
 * sheet's own format.
 */
import type { CellValue } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import type { Settings } from '../sheets/settings';
import { SHEET_SPECS } from '../sheets/specs';
import { cellText } from '../text/cell';
import { isDateObject, parseDate } from '../text/date';
import type { PlainDate } from '../text/plainDate';
import { validateWorkbook, type ValidationIssue } from '../validate';
import { kanaKey, nameKey, phoneDigitsKey } from '../validate/keys';
import type { AnswerRow } from './destinations';

/** The destination sheet as it is now (one batched read), or null when the workbook has none yet. */
export interface DestinationSheet {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly values: readonly (readonly CellValue[])[];
  readonly display: readonly (readonly string[])[];
}

export interface CandidateCheck {
  /** Validation issues of the candidate's own row (rows are the candidate's place below the sheet's last row). */
  readonly issues: readonly ValidationIssue[];
  /**
   * Roster only: the 登録番号 (or sheet row when it has none) of a probable duplicate already on the
   * roster — followed by its sheet's name in （） when it is on another sheet of the kind (a 退会者 archive).
   */
  readonly duplicateOf: string | null;
}

/** How a candidate's value shows in a cell, the sidebar and the CLI: Dates as their day, numbers as digits. */
export function shown(v: CellValue | undefined): string {
  if (v === undefined || v === '') return '';
  if (isDateObject(v)) {
    const d = parseDate(v);
    return d.ok ? d.date.toISO() : '';
  }
  return String(v);
}

/**
 * Runs the destination's validation over the sheet's rows with the candidates appended (as they
 * would be written) and returns, per candidate, the issues on its row and a probable duplicate.
 * `others` are the other sheets of the kind (a 退会者 archive, the other half of a split roster):
 * a candidate is compared with their rows too — an id or a person already there is a finding —
 * though it is written into `sheet` only. Pure: nothing is written; the sheets' own rows keep
 * whatever issues they already had.
 */
export function checkCandidates(
  kind: 'volunteers' | 'activities',
  candidates: readonly AnswerRow[],
  sheet: DestinationSheet | null,
  settings: Settings,
  today: PlainDate,
  others: readonly DestinationSheet[] = [],
): CandidateCheck[] {
  const spec = SHEET_SPECS[kind];
  const mapping: ColumnMapping = sheet?.mapping ?? {
    kind,
    headerRow: 1,
    columns: Object.fromEntries(spec.columns.map((c, i) => [c.key, i])),
  };
  const baseValues: CellValue[][] = sheet ? sheet.values.map((r) => [...r]) : [spec.columns.map((c) => c.header)];
  const baseDisplay: string[][] = sheet ? sheet.display.map((r) => [...r]) : [spec.columns.map((c) => c.header)];
  const width = Math.max(...baseValues.map((r) => r.length), ...Object.values(mapping.columns).map((i) => i + 1));
  const firstCandidateRow = baseValues.length + 1;
  const values = baseValues.map((r) => padded(r, width, ''));
  const display = baseDisplay.map((r) => padded(r, width, ''));
  for (const c of candidates) {
    const row: CellValue[] = new Array<CellValue>(width).fill('');
    const text: string[] = new Array<string>(width).fill('');
    for (const [key, index] of Object.entries(mapping.columns)) {
      const v = c.cells[key];
      if (v === undefined) continue;
      row[index] = v;
      text[index] = shown(v);
    }
    values.push(row);
    display.push(text);
  }
  // Without a destination the candidates are checked under the canonical name — unless a sheet kept
  // for the record has that name: their rows must never be taken for each other's.
  const taken = new Set(others.map((o) => o.name));
  let name = sheet?.name ?? spec.canonicalName;
  while (!sheet && taken.has(name)) name = `${name}（新規）`;
  // The destination comes last: rows are compared with those of earlier sheets of the kind, and a
  // finding is reported on the later row — the candidate's.
  const result = validateWorkbook({
    sheets: [
      ...others.map((o) => ({
        name: o.name,
        kind,
        mapping: o.mapping,
        values: o.values.map((r) => [...r]),
        display: o.display.map((r) => [...r]),
      })),
      { name, kind, mapping, values, display },
    ],
    settings,
    today,
  });
  const byRow = new Map<number, ValidationIssue[]>();
  for (const issue of result.issues) {
    if (issue.sheet !== name || issue.row < firstCandidateRow) continue;
    const list = byRow.get(issue.row) ?? [];
    list.push(issue);
    byRow.set(issue.row, list);
  }
  return candidates.map((c, i) => ({
    issues: byRow.get(firstCandidateRow + i) ?? [],
    duplicateOf: kind === 'volunteers' ? duplicateAmong(c, sheet, others) : null,
  }));
}

/** A probable duplicate on the destination first, then on the other sheets of the kind (named). */
function duplicateAmong(
  c: AnswerRow,
  sheet: DestinationSheet | null,
  others: readonly DestinationSheet[],
): string | null {
  const own = sheet ? duplicateOf(c, sheet, sheet.mapping) : null;
  if (own !== null) return own;
  for (const other of others) {
    const found = duplicateOf(c, other, other.mapping);
    if (found !== null) return `${found}（${other.name}）`;
  }
  return null;
}

function padded<T>(row: T[], width: number, fill: T): T[] {
  while (row.length < width) row.push(fill);
  return row;
}

function dayKey(v: unknown): number | null {
  const d = parseDate(v);
  return d.ok ? d.date.toDayNumber() : null;
}

/**
 * The roster's first row that is probably the same person as the candidate — same furigana and
 * birth date, same phone digits, or same name and address (the keys 検証 uses for
 * volunteers.duplicatePerson) — as its 登録番号, or '行N' when it has none; null when none.
 */
function duplicateOf(c: AnswerRow, sheet: DestinationSheet, mapping: ColumnMapping): string | null {
  const col = mapping.columns;
  const kana = typeof c.cells.furigana === 'string' && c.cells.furigana !== '' ? kanaKey(c.cells.furigana) : null;
  const birth = dayKey(c.cells.birthDate);
  const phone =
    typeof c.cells.phone === 'string' || typeof c.cells.phone === 'number'
      ? phoneDigitsKey(String(c.cells.phone))
      : null;
  const name = cellText(c.cells.name);
  const address = cellText(c.cells.address);
  for (let r = mapping.headerRow; r < sheet.values.length; r++) {
    const row = sheet.values[r] as readonly CellValue[];
    const at = (key: string): CellValue | undefined => (col[key] === undefined ? undefined : row[col[key] as number]);
    const rowKana = at('furigana');
    const sameKana =
      kana !== null &&
      birth !== null &&
      typeof rowKana === 'string' &&
      rowKana !== '' &&
      kanaKey(rowKana) === kana &&
      dayKey(at('birthDate')) === birth;
    const rowPhone = at('phone');
    const samePhone =
      phone !== null && rowPhone !== undefined && rowPhone !== '' && phoneDigitsKey(String(rowPhone)) === phone;
    const rowName = cellText(at('name'));
    const rowAddress = cellText(at('address'));
    const sameNameAddress =
      name !== null &&
      address !== null &&
      rowName !== null &&
      rowAddress !== null &&
      nameKey(rowName) === nameKey(name) &&
      rowAddress === address;
    if (sameKana || samePhone || sameNameAddress) {
      const id = cellText(at('volunteerId'));
      return id ?? `行${r + 1}`;
    }
  }
  return null;
}

const ID_SHAPE = /^(.*?)(\d+)$/;

/**
 * The next `count` ids in the sheet's own format: the most common prefix among existing ids
 * ('V-'), zero-padded to their width, after the highest number. 'V-0001' … when there are none.
 */
export function nextIds(
  existing: readonly string[],
  count: number,
  fallbackPrefix = 'V-',
  fallbackWidth = 4,
): string[] {
  const groups = new Map<string, { count: number; max: number; width: number }>();
  for (const id of existing) {
    const m = ID_SHAPE.exec(id.trim());
    if (!m) continue;
    const prefix = m[1] as string;
    const digits = m[2] as string;
    const g = groups.get(prefix) ?? { count: 0, max: 0, width: 0 };
    g.count++;
    g.max = Math.max(g.max, Number(digits));
    g.width = Math.max(g.width, digits.length);
    groups.set(prefix, g);
  }
  let prefix = fallbackPrefix;
  let g = { count: 0, max: 0, width: fallbackWidth };
  for (const [p, group] of groups) if (group.count > g.count) [prefix, g] = [p, group];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(`${prefix}${String(g.max + i).padStart(g.width, '0')}`);
  return out;
}
