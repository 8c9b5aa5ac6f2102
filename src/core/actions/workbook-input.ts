/** Reads the workbook the way every capability needs it: each staff sheet of a known kind, read once, with its mapping. */
import type { AppPorts } from './ports';
import type { SheetHead } from '../ports';
import { diagnoseHeader } from '../sheets/detect';
import { mappingFromDetection, type ColumnMapping } from '../sheets/mapping';
import { HEAD_ROWS } from '../setup/plan';
import { settingsFrom } from '../setup/settings-source';
import { parseDate } from '../text/date';
import { type PlainDate } from '../text/plainDate';
import type { SheetKind } from '../sheets/types';
import type { SheetInput, WorkbookInput } from '../validate/types';
import { sheetRows } from './sheet-rows';
import { lookupKinds } from './lookup';
import { loadMappings } from './sidebar';

/** The mapping of a sheet: the one staff confirmed, else the detected one, else null. */
export function mappingOf(head: SheetHead, confirmed: Readonly<Record<string, ColumnMapping>>): ColumnMapping | null {
  if (head.own) return null;
  const stored = confirmed[head.name];
  if (stored) return stored;
  const diagnosis = diagnoseHeader(head.display, HEAD_ROWS, { sheetName: head.name });
  return diagnosis.ok ? mappingFromDetection(diagnosis.detection) : null;
}

/** Today in the spreadsheet's time zone (Asia/Tokyo). */
export function today(ports: Pick<AppPorts, 'clock'>): PlainDate {
  const parsed = parseDate(ports.clock.now());
  if (!parsed.ok) throw new Error('the clock gave no date');
  return parsed.date;
}

/**
 * The columns (0-based) of a sheet an action reads: its mapped columns, or only those of the fields
 * given. Columns staff added for themselves are not read; 設定 is read whole (key/value rows).
 */
export function columnsToRead(mapping: ColumnMapping, fields?: readonly string[]): number[] | undefined {
  if (mapping.kind === 'settings') return undefined;
  return Object.keys(mapping.columns)
    .filter((key) => !fields || fields.indexOf(key) >= 0)
    .map((key) => mapping.columns[key] as number);
}

/**
 * Every recognised staff sheet (or only those of the kinds given, plus 設定), each read in a few
 * batched calls — only its mapped columns, or only the fields given for its kind — with the
 * settings and today. Given kinds, only the first rows of the sheets that may be of them are read
 * (headsOfKinds: a sheet confirmed as another kind is left out), and `heads` holds those.
 */
export function readWorkbookInput(
  ports: AppPorts,
  kinds?: readonly SheetKind[],
  fields?: Partial<Record<SheetKind, readonly string[]>>,
  /** The sheets' first rows when the caller has read them already. */
  knownHeads?: SheetHead[],
): WorkbookInput & { heads: SheetHead[] } {
  const found = knownHeads === undefined && kinds !== undefined ? lookupKinds(ports, [...kinds, 'settings']) : null;
  const heads = found ? found.heads : (knownHeads ?? ports.workbook.heads(HEAD_ROWS));
  const confirmed = found ? found.confirmed : loadMappings(ports, heads);
  const sheets: SheetInput[] = [];
  for (const head of heads) {
    const mapping = mappingOf(head, confirmed);
    if (!mapping) continue;
    if (kinds && mapping.kind !== 'settings' && kinds.indexOf(mapping.kind) < 0) continue;
    const data = ports.workbook.read(head.name, columnsToRead(mapping, fields?.[mapping.kind]));
    if (!data) continue;
    sheets.push({
      name: head.name,
      kind: mapping.kind,
      mapping,
      values: data.values,
      display: data.display,
      rows: sheetRows(ports.workbook, head.name, mapping, data.values),
    });
  }
  const settingsSheet = sheets.find((s) => s.kind === 'settings');
  const settings = settingsFrom(settingsSheet ? settingsSheet.values : null, settingsSheet?.mapping);
  return { sheets, settings, today: today(ports), heads };
}
