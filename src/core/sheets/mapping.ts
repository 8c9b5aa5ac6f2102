/** Defines ColumnMapping (which column holds which key), staff corrections, and its compact stored form. */
import * as z from 'zod/mini';
import { parseFiscalYear } from '../text/date';
import type { Detection } from './detect';
import { columnSpecOf, SHEET_SPECS, splitPatternKey } from './specs';
import { SHEET_KINDS, type SheetIssue, type SheetKind } from './types';

/** The confirmed reading of one sheet: key → 0-based column index. */
export interface ColumnMapping {
  readonly kind: SheetKind;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, number>>;
  /**
   * Whether the actions that use a kind's rows (マッチング, 指標サマリー) use this sheet: staff's
   * choice, kept with the confirmed mapping; absent means the default by the sheet's name
   * (isLiveSheet). 検証 checks every sheet, live or not.
   */
  readonly live?: boolean;
}

/**
 * Sheet names staff give a sheet they keep for the record, not for today's work: a 退会者 archive
 * beside the live roster, last year's 旧名簿, an アーカイブ or a 過去分. Such a sheet is not live
 * unless staff say it is.
 */
const ARCHIVE_NAME = /退会|旧|アーカイブ|archive|過去|保管|廃止|終了分|削除/i;

/** True when the sheet's name says it is kept for the record (退会者, 旧名簿, アーカイブ, archive …). */
export function isArchiveName(name: string): boolean {
  return ARCHIVE_NAME.test(name.normalize('NFKC'));
}

/** Whether an action that uses a kind's rows reads this sheet: staff's choice, else by its name. */
export function isLiveSheet(name: string, mapping: Pick<ColumnMapping, 'live'> | null | undefined): boolean {
  return mapping?.live ?? !isArchiveName(name);
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

// ───────── stored form ─────────
// {"v":2,"s":{"<sheet name>":{"i":1234,"k":"volunteers","h":1,"c":{"volunteerId":0,"name":1},"l":false}}}
// "l" is staff's choice whether the sheet is live (absent: by its name; see isLiveSheet).
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
  l: z.optional(z.boolean()),
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
  // Keyed by sheet name, and staff name sheets freely: no prototype, so '__proto__' is a name like any other.
  const s = Object.create(null) as Record<
    string,
    { i: number; k: SheetKind; h: number; c: Record<string, number>; l?: boolean }
  >;
  for (const name of Object.keys(mappings).sort()) {
    const id = Object.prototype.hasOwnProperty.call(ids, name) ? ids[name] : undefined;
    if (typeof id !== 'number') continue;
    const m = mappings[name] as ColumnMapping;
    const c: Record<string, number> = {};
    for (const key of orderedKeys(m.kind, Object.keys(m.columns))) c[key] = m.columns[key] as number;
    s[name] =
      m.live === undefined
        ? { i: id, k: m.kind, h: m.headerRow, c }
        : { i: id, k: m.kind, h: m.headerRow, c, l: m.live };
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
  const live = Object.create(null) as Record<string, ColumnMapping>;
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
  if (json === null || json === undefined || json.trim() === '')
    return { mappings: Object.create(null), ids: Object.create(null), issues: [] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      mappings: Object.create(null),
      ids: Object.create(null),
      issues: [unreadable('not JSON', 'JSONではありません')],
    };
  }
  const top = StoredMappings.safeParse(data);
  if (!top.success)
    return {
      mappings: Object.create(null),
      ids: Object.create(null),
      issues: [unreadable('unexpected shape', '形式が違います')],
    };
  if (top.data.v !== STORE_VERSION && top.data.v !== 1)
    return {
      mappings: Object.create(null),
      ids: Object.create(null),
      issues: [unreadable(`version ${top.data.v}`, `バージョン${top.data.v}`)],
    };
  // Sheet names are keys: a dictionary without a prototype, so that a sheet named 'constructor' or
  // '__proto__' finds its own mapping and nothing of Object.prototype. The entries are read from
  // the JSON itself, which keeps an own '__proto__' key as a key.
  const mappings = Object.create(null) as Record<string, ColumnMapping>;
  const ids = Object.create(null) as Record<string, number>;
  const issues: SheetIssue[] = [];
  const stored = (data as { s: Record<string, unknown> }).s;
  for (const name of Object.keys(stored)) {
    const entry = StoredEntry.safeParse(stored[name]);
    if (!entry.success) {
      issues.push(unreadable('unexpected entry', '項目の形式が違います', name));
      continue;
    }
    const { i, k, h, c, l } = entry.data;
    const columns: Record<string, number> = {};
    for (const key of Object.keys(c)) {
      if (isKeyOf(k, key)) columns[key] = c[key] as number;
      else issues.push(unreadable(`unknown column '${key}'`, `不明な列「${key}」`, name));
    }
    const mapping: ColumnMapping =
      l === undefined ? { kind: k, headerRow: h, columns } : { kind: k, headerRow: h, columns, live: l };
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
