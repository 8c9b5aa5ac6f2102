/** Defines ColumnMapping (which column holds which key), staff corrections, and its compact stored form. */
import * as z from 'zod/mini';
import { parseFiscalYear } from '../text/date';
import { detectSheetAs, type Detection } from './detect';
import { columnSpecOf, SHEET_SPECS, splitPatternKey } from './specs';
import { SHEET_KINDS, type SheetIssue, type SheetKind } from './types';

/** The confirmed reading of one sheet: key → 0-based column index. */
export interface ColumnMapping {
  readonly kind: SheetKind;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, number>>;
}

/** Google Sheets' column limit; an index past it is a corrupt mapping. */
const MAX_COLUMNS = 18278;

/** Apps Script's limit for one property value (9 KB); the stored mappings must fit in it. */
export const MAPPINGS_MAX_BYTES = 9 * 1024;

export function mappingFromDetection(det: Detection): ColumnMapping {
  const columns: Record<string, number> = {};
  for (const key of orderedKeys(det.kind, Object.keys(det.columns)))
    columns[key] = (det.columns[key] as { index: number }).index;
  return { kind: det.kind, headerRow: det.headerRow, columns };
}

/** Spec column order, then pattern keys sorted: the same mapping always serialises the same way. */
function orderedKeys(kind: SheetKind, keys: readonly string[]): string[] {
  const present = new Set(keys);
  const out: string[] = [];
  for (const c of SHEET_SPECS[kind].columns) if (present.has(c.key)) out.push(c.key);
  const rest = keys.filter((k) => out.indexOf(k) < 0).sort();
  return out.concat(rest);
}

/** True when the key is a column of the kind, or a valid per-year/per-language key of one of its patterns. */
export function isKeyOf(kind: SheetKind, key: string): boolean {
  const spec = columnSpecOf(kind, key);
  if (!spec) return false;
  const parts = splitPatternKey(key);
  if (!parts) return !('capture' in spec);
  if (!('capture' in spec)) return false;
  if (spec.capture === 'fiscalYear') return /^\d{4}$/.test(parts.capture) && parseFiscalYear(Number(parts.capture)).ok;
  return /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(parts.capture);
}

function headerOf(kind: SheetKind, key: string): string {
  const spec = columnSpecOf(kind, key);
  if (!spec) return key;
  const parts = splitPatternKey(key);
  return parts && 'capture' in spec ? `${spec.header}[${parts.capture}]` : spec.header;
}

/** Problems of a mapping: unknown keys and impossible indices (errors), a column used twice (error), missing required columns (warning). */
export function validateMapping(mapping: ColumnMapping): SheetIssue[] {
  const issues: SheetIssue[] = [];
  const byIndex = new Map<number, string>();
  for (const key of Object.keys(mapping.columns)) {
    const index = mapping.columns[key] as number;
    if (!isKeyOf(mapping.kind, key)) {
      issues.push({
        code: 'mapping.unknownKey',
        severity: 'error',
        message: {
          ja: `「${SHEET_SPECS[mapping.kind].canonicalName}」に「${key}」という列はありません`,
          en: `「${SHEET_SPECS[mapping.kind].canonicalName}」 has no column '${key}'`,
        },
      });
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
      issues.push({
        code: 'mapping.badIndex',
        severity: 'error',
        column: headerOf(mapping.kind, key),
        message: {
          ja: `「${headerOf(mapping.kind, key)}」の列番号が正しくありません`,
          en: `The column number for 「${headerOf(mapping.kind, key)}」 is invalid`,
        },
      });
      continue;
    }
    const other = byIndex.get(index);
    if (other !== undefined) {
      const a = headerOf(mapping.kind, other);
      const b = headerOf(mapping.kind, key);
      issues.push({
        code: 'mapping.columnUsedTwice',
        severity: 'error',
        column: b,
        message: {
          ja: `同じ列が「${a}」と「${b}」の両方に割り当てられています`,
          en: `The same column is assigned to both 「${a}」 and 「${b}」`,
        },
      });
    } else byIndex.set(index, key);
  }
  for (const c of SHEET_SPECS[mapping.kind].columns) {
    if (c.required && mapping.columns[c.key] === undefined) {
      issues.push({
        code: 'mapping.missingRequired',
        severity: 'warning',
        column: c.header,
        message: {
          ja: `必須の列「${c.header}」が割り当てられていません`,
          en: `The required column 「${c.header}」 is not assigned`,
        },
      });
    }
  }
  return issues;
}

export interface MappingOverride {
  /** Staff say the sheet is another kind: the header is matched again as that kind (needs a Detection). */
  readonly kind?: SheetKind;
  /** Staff say the header is on another row: detected columns are dropped, only `columns` apply. */
  readonly headerRow?: number;
  /** key → 0-based column index, or null to unassign the key. */
  readonly columns?: Readonly<Record<string, number | null>>;
}

export type MappingResult =
  | { readonly ok: true; readonly mapping: ColumnMapping; readonly issues: readonly SheetIssue[] }
  | { readonly ok: false; readonly issues: readonly SheetIssue[] };

function isDetection(base: Detection | ColumnMapping): base is Detection {
  return 'headers' in base;
}

/**
 * Applies a staff correction to a detected (or stored) mapping. Refused (ok: false) when a key
 * is not a column of the kind, an index is impossible, or one column would hold two keys;
 * missing required columns are only warnings.
 */
export function applyMappingOverride(base: Detection | ColumnMapping, override: MappingOverride): MappingResult {
  const kind = override.kind ?? base.kind;
  const headerRow = override.headerRow ?? base.headerRow;
  if (!Number.isInteger(headerRow) || headerRow < 1) {
    return {
      ok: false,
      issues: [
        {
          code: 'mapping.badHeaderRow',
          severity: 'error',
          message: { ja: '見出し行の番号が正しくありません', en: 'The header row number is invalid' },
        },
      ],
    };
  }
  let start: ColumnMapping;
  if (headerRow !== base.headerRow) start = { kind, headerRow, columns: {} };
  else if (kind === base.kind) start = isDetection(base) ? mappingFromDetection(base) : base;
  else if (isDetection(base)) start = mappingFromDetection(detectSheetAs(kind, base.headers, headerRow));
  else start = { kind, headerRow, columns: {} };

  const columns: Record<string, number> = {};
  for (const key of Object.keys(start.columns)) columns[key] = start.columns[key] as number;
  const overrides = override.columns ?? {};
  // An override moves a key; the column it moves to is taken from whatever key had it before.
  const movedTo = new Set<number>();
  for (const key of Object.keys(overrides)) {
    const v = overrides[key];
    if (typeof v === 'number') movedTo.add(v);
  }
  const displaced: string[] = [];
  for (const key of Object.keys(columns)) {
    if (!(key in overrides) && movedTo.has(columns[key] as number)) {
      delete columns[key];
      displaced.push(key);
    }
  }
  for (const key of Object.keys(overrides)) {
    const v = overrides[key];
    if (v === null || v === undefined) delete columns[key];
    else columns[key] = v;
  }
  const ordered: Record<string, number> = {};
  for (const key of orderedKeys(kind, Object.keys(columns))) ordered[key] = columns[key] as number;
  const mapping: ColumnMapping = { kind, headerRow, columns: ordered };
  const issues = validateMapping(mapping);
  for (const key of displaced) {
    const h = headerOf(kind, key);
    issues.push({
      code: 'mapping.unassigned',
      severity: 'info',
      column: h,
      message: {
        ja: `「${h}」に割り当てていた列は別の項目に使われたため、「${h}」は未割り当てになりました`,
        en: `The column that held 「${h}」 now holds another key, so 「${h}」 is unassigned`,
      },
    });
  }
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, mapping, issues };
}

// ───────── stored form ─────────
// {"v":2,"s":{"<sheet name>":{"i":1234,"k":"volunteers","h":1,"c":{"volunteerId":0,"name":1}}}}
// One-letter property names and sorted sheet names: ten sheets of every kind take about 4 KB.
// "i" is the sheet's id (gid): a mapping belongs to that sheet under that name, so a renamed
// sheet, or a new sheet that takes an old name, is not read with a mapping made for another.
// Version 1 (no ids) is still read; each entry then belongs to whichever sheet has the name.

const STORE_VERSION = 2;

const StoredEntry = z.object({
  i: z.optional(z.number().check(z.int(), z.gte(0))),
  k: z.enum(SHEET_KINDS),
  h: z.number().check(z.int(), z.gte(1)),
  c: z.record(z.string(), z.number().check(z.int(), z.gte(0), z.lte(MAX_COLUMNS - 1))),
});

const StoredMappings = z.object({ v: z.number(), s: z.record(z.string(), z.unknown()) });

/** A sheet as the mappings know it: its name and id. */
export interface SheetRef {
  readonly name: string;
  readonly id: number;
}

/**
 * The mappings of a document as a compact, versioned JSON string for a document property, each
 * with the id of its sheet (ids: sheet name → id; a mapping of a sheet not in it is left out).
 */
export function serializeMappings(
  mappings: Readonly<Record<string, ColumnMapping>>,
  ids: Readonly<Record<string, number>>,
): string {
  const s: Record<string, { i: number; k: SheetKind; h: number; c: Record<string, number> }> = {};
  for (const name of Object.keys(mappings).sort()) {
    const id = ids[name];
    if (id === undefined) continue;
    const m = mappings[name] as ColumnMapping;
    const c: Record<string, number> = {};
    for (const key of orderedKeys(m.kind, Object.keys(m.columns))) c[key] = m.columns[key] as number;
    s[name] = { i: id, k: m.kind, h: m.headerRow, c };
  }
  return JSON.stringify({ v: STORE_VERSION, s });
}

export interface ParsedMappings {
  readonly mappings: Record<string, ColumnMapping>;
  /** The sheet id each mapping was confirmed for (absent for mappings stored before ids were). */
  readonly ids: Readonly<Record<string, number>>;
  readonly issues: readonly SheetIssue[];
}

/**
 * The mappings that still belong to a sheet of the workbook: one whose name they were saved
 * under and, when they know it, whose id is the one they were saved for. The others belong to
 * a sheet that was renamed or deleted since, and are left out.
 */
export function liveMappings(parsed: ParsedMappings, sheets: readonly SheetRef[]): Record<string, ColumnMapping> {
  const live: Record<string, ColumnMapping> = {};
  for (const sheet of sheets) {
    const mapping = parsed.mappings[sheet.name];
    if (!mapping) continue;
    const id = parsed.ids[sheet.name];
    if (id === undefined || id === sheet.id) live[sheet.name] = mapping;
  }
  return live;
}

function unreadable(en: string, ja: string, sheet?: string): SheetIssue {
  return {
    code: 'mapping.unreadable',
    severity: 'warning',
    message: {
      ja: `${sheet ? `シート「${sheet}」の` : ''}保存された列の対応を読めませんでした（${ja}）。もう一度確認してください。`,
      en: `The saved column mapping${sheet ? ` of sheet 「${sheet}」` : ''} could not be read (${en}); please confirm it again.`,
    },
  };
}

/**
 * Reads what serializeMappings wrote. Never throws: garbage gives {} with an issue, a bad entry
 * is dropped with an issue, unknown keys are dropped, and an entry whose columns collide is
 * dropped so staff confirm it again. A missing property (null, '') is simply {}.
 */
export function parseMappings(json: string | null | undefined): ParsedMappings {
  if (json === null || json === undefined || json.trim() === '') return { mappings: {}, ids: {}, issues: [] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { mappings: {}, ids: {}, issues: [unreadable('not JSON', 'JSONではありません')] };
  }
  const top = StoredMappings.safeParse(data);
  if (!top.success) return { mappings: {}, ids: {}, issues: [unreadable('unexpected shape', '形式が違います')] };
  if (top.data.v !== STORE_VERSION && top.data.v !== 1)
    return { mappings: {}, ids: {}, issues: [unreadable(`version ${top.data.v}`, `バージョン${top.data.v}`)] };
  const mappings: Record<string, ColumnMapping> = {};
  const ids: Record<string, number> = {};
  const issues: SheetIssue[] = [];
  for (const name of Object.keys(top.data.s)) {
    const entry = StoredEntry.safeParse(top.data.s[name]);
    if (!entry.success) {
      issues.push(unreadable('unexpected entry', '項目の形式が違います', name));
      continue;
    }
    const { i, k, h, c } = entry.data;
    const columns: Record<string, number> = {};
    for (const key of Object.keys(c)) {
      if (isKeyOf(k, key)) columns[key] = c[key] as number;
      else issues.push(unreadable(`unknown column '${key}'`, `不明な列「${key}」`, name));
    }
    const mapping: ColumnMapping = { kind: k, headerRow: h, columns };
    if (validateMapping(mapping).some((i) => i.severity === 'error')) {
      issues.push(unreadable('a column is assigned twice', '同じ列が二重に割り当てられています', name));
      continue;
    }
    mappings[name] = mapping;
    if (i !== undefined) ids[name] = i;
  }
  return { mappings, ids, issues };
}

/** Bytes of a string in UTF-8, as Apps Script counts property sizes (no TextEncoder in Apps Script). */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
