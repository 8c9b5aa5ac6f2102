/**
 * Finding the sheets of some kinds without reading every sheet's first rows.
 *
 * A sheet's kind is the one staff confirmed (kept with its sheet id in the document property of the
 * mappings — ids and kinds, never a cell's content), else the one its header rows show. An action
 * that uses only some kinds (設定 for the history's 保存日数; 依頼 and 名簿 for マッチング; アンケート定義 …)
 * needs the first rows only of the sheets that may be of those kinds: a sheet whose confirmed
 * mapping is still its own (same name, same id — a sheet renamed, deleted or replaced since loses
 * it, and is read) and names another kind is left out; every other staff sheet is read as before,
 * since only its header says what it is now. So the kinds found are exactly those reading every
 * head would find, in the same tab order, whatever staff added, renamed or edited since.
 * Actions that must see every sheet (the sidebar's list, シート準備, 検証) read every head.
 */
import type { SheetHead } from '../ports';
import { HEAD_ROWS } from '../setup/plan';
import type { ColumnMapping } from '../sheets/mapping';
import { SHEET_SPECS } from '../sheets/specs';
import type { SheetKind } from '../sheets/types';
import type { AppPorts } from './ports';
import { loadMappings } from './sidebar';

/**
 * The first rows of every staff sheet that may be of one of these kinds, in tab order: every head
 * `staffHeads` gives but those of sheets whose confirmed mapping names another kind. A sheet that
 * bears a wanted kind's canonical name (アンケート定義 …) is always read, so an action that looks
 * for a sheet by that name as well finds it as before.
 */
export function headsOfKinds(ports: Pick<AppPorts, 'workbook' | 'store'>, kinds: readonly SheetKind[]): SheetHead[] {
  return lookupKinds(ports, kinds).heads;
}

/** headsOfKinds, with the confirmed mappings of the sheets there are now (what loadMappings gives). */
export function lookupKinds(
  ports: Pick<AppPorts, 'workbook' | 'store'>,
  kinds: readonly SheetKind[],
): { heads: SheetHead[]; confirmed: Record<string, ColumnMapping> } {
  const confirmed = loadMappings(ports, ports.workbook.sheets());
  const canonical = kinds.map((kind) => SHEET_SPECS[kind].canonicalName);
  const leaveOut = Object.keys(confirmed).filter(
    (name) => kinds.indexOf((confirmed[name] as ColumnMapping).kind) < 0 && canonical.indexOf(name) < 0,
  );
  return { heads: ports.workbook.staffHeads(HEAD_ROWS, leaveOut), confirmed };
}
