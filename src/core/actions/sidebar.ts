/** The sidebar's read actions and the mapping staff confirm: sheet list, mapping view, save and clear. */
import { UserError } from '../errors';
import { atomically, type Transaction } from '../transaction';
import type { RowSpan, SheetData, SheetHead } from '../ports';
import type { SheetRows } from '../sheets/row-kinds';
import { detectSheetAs, diagnoseHeader, type AmbiguousColumn } from '../sheets/detect';
import { columnLetter } from '../sheets/rows';
import {
  MAPPINGS_MAX_BYTES,
  isArchiveName,
  isLiveSheet,
  liveMappings,
  mappingFromDetection,
  parseMappings,
  serializeMappings,
  utf8ByteLength,
  validateMapping,
  type ColumnMapping,
  type SheetRef,
} from '../sheets/mapping';
import { SHEET_SPECS, isSheetKind } from '../sheets/specs';
import { SHEET_KINDS, type SheetKind } from '../sheets/types';
import { HEAD_ROWS, planSetup } from '../setup/plan';
import { loadSettings, settingsNotice } from '../setup/settings-source';
import type { MappingView, Message, Section, SheetOverview, SidebarState } from '../../shared/rpc';
import { SECTIONS } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { sheetRows } from './sheet-rows';

/** Document property holding the mappings staff confirmed (sheet name → mapping; no personal data). */
export const MAPPINGS_KEY = 'tsunagu.mappings';
/** User-cache key: which section the next sidebar opens at. */
const SECTION_KEY = 'tsunagu.sidebarSection';
const MAPPING_WRITE = { ja: '列の対応', en: 'the column mapping' };

/** User-cache key: the section whose action staff already confirmed from the menu (it runs at once). */
const RUN_KEY = 'tsunagu.sidebarRun';

/** The menu items that run an action: the one question they ask before it runs. */
const MENU_RUNS = {
  validate: {
    title: '検証',
    question:
      '入力内容を検証します。「検証結果」シートを作り直し、問題のあるセルに色とメモを付けます（「ハイライトを消す」で元に戻せます）。実行しますか？\n\n' +
      'Check the entries now? The 検証結果 sheet is made again and cells with issues get a colour and a note (“Clear highlights” takes them off).',
  },
  match: {
    title: 'マッチング',
    question:
      'ボランティアと依頼をマッチングします。「マッチング結果」と「不足分析」のシートを作り直します（職員が入力した承認・指定・メモは残ります）。実行しますか？\n\n' +
      'Match volunteers to the open requests now? The マッチング結果 and 不足分析 sheets are made again (承認, 指定 and メモ entered by staff are kept).',
  },
} as const;
/** Sample values shown per column in the mapping view. */
const SAMPLES = 3;
/** Rows set aside listed in the mapping view (the count says how many there are in all). */
const SET_ASIDE_SHOWN = 50;

/** Opens the sidebar at a section (menu items for each capability land here). */
export function openSidebarAt(ports: Pick<AppPorts, 'cache' | 'dialogs'>, section: Section): void {
  ports.cache.put(SECTION_KEY, section, 300);
  ports.dialogs.showSidebar('つなぐ Tsunagu');
}

/**
 * Menu 検証 / マッチング: one confirmation, then the sidebar opens at the section and runs the
 * action at once (no second question there). No: nothing happens.
 */
export function confirmAndRunFromMenu(ports: Pick<AppPorts, 'cache' | 'dialogs'>, section: 'validate' | 'match'): void {
  const { title, question } = MENU_RUNS[section];
  if (!ports.dialogs.confirm(title, question)) return;
  ports.cache.put(RUN_KEY, section, 300);
  openSidebarAt(ports, section);
}

/**
 * Opens the sidebar at a section to run its action at once, with nothing to ask (it writes
 * nothing): menu 指標サマリーの報告書 when the summary needs parts (the sidebar drives them).
 */
export function openSidebarToRun(ports: Pick<AppPorts, 'cache' | 'dialogs'>, section: 'summary'): void {
  ports.cache.put(RUN_KEY, section, 300);
  openSidebarAt(ports, section);
}

/**
 * The mappings staff confirmed for the sheets there are now: a mapping saved for a sheet that was
 * renamed or deleted since (or whose name a new sheet took) is left out.
 */
export function loadMappings(
  ports: Pick<AppPorts, 'store'>,
  sheets: readonly SheetRef[],
): Record<string, ColumnMapping> {
  return liveMappings(parseMappings(ports.store.get(MAPPINGS_KEY)), sheets);
}

/** Stores the mappings of the sheets there are now (the others are dropped), refusing what would not fit. */
function storeMappings(tx: Transaction, mappings: Record<string, ColumnMapping>, sheets: readonly SheetRef[]): void {
  const ids = Object.create(null) as Record<string, number>;
  // Only the ids the stored mappings keep (each id read is a service call).
  for (const sheet of sheets)
    if (Object.prototype.hasOwnProperty.call(mappings, sheet.name)) ids[sheet.name] = sheet.id;
  const json = serializeMappings(mappings, ids);
  if (utf8ByteLength(json) > MAPPINGS_MAX_BYTES) {
    throw new UserError(
      'mapping.tooLarge',
      `確定した列の対応が多すぎて、このスプレッドシートに保存できません（上限${MAPPINGS_MAX_BYTES / 1024}KB）。使っていないシートの対応を「自動に戻す」で外してから、もう一度保存してください。`,
      `The confirmed column mappings no longer fit in this spreadsheet's properties (${MAPPINGS_MAX_BYTES / 1024} KB at most). Set sheets you no longer use back to automatic, then save again.`,
    );
  }
  tx.setProperty(MAPPINGS_KEY, json);
}

export function getSidebarState(ports: AppPorts): SidebarState {
  const cached = ports.cache.get(SECTION_KEY);
  if (cached !== null) ports.cache.remove(SECTION_KEY);
  const section = (SECTIONS as readonly string[]).indexOf(cached ?? '') >= 0 ? (cached as Section) : 'setup';
  const run = ports.cache.get(RUN_KEY);
  if (run !== null) ports.cache.remove(RUN_KEY);
  const heads = ports.workbook.heads(HEAD_ROWS);
  const mappings = loadMappings(ports, heads);
  const settings = loadSettings(ports.workbook, heads, mappings);
  // Tsunagu's own output sheets are not staff data: they are not listed for mapping.
  const sheets = heads.filter((head) => !head.own).map((head) => sheetView(head, mappings[head.name]));
  const plan = planSetup(heads, settings, mappings);
  return {
    organizationName: settings.organizationName,
    section,
    runNow: run !== null && run === section,
    sheets,
    missingStandardSheets: plan.create.map((s) => s.name),
    settingsNotice: settingsNotice(settings),
  };
}

function sheetView(head: SheetHead, confirmed: ColumnMapping | undefined): SheetOverview {
  if (confirmed) {
    const spec = SHEET_SPECS[confirmed.kind];
    const missing = spec.columns
      .filter((c) => c.required && confirmed.columns[c.key] === undefined)
      .map((c) => c.header);
    return {
      name: head.name,
      kind: confirmed.kind,
      kindLabel: spec.canonicalName,
      headerRow: confirmed.headerRow,
      dataRows: Math.max(0, head.lastRow - confirmed.headerRow),
      confirmed: true,
      live: isLiveSheet(head.name, confirmed),
      missingRequired: missing,
      reason: null,
    };
  }
  const diagnosis = diagnoseHeader(head.display, HEAD_ROWS, { sheetName: head.name });
  if (!diagnosis.ok) {
    return {
      name: head.name,
      kind: null,
      kindLabel: '',
      headerRow: null,
      dataRows: head.lastRow,
      confirmed: false,
      live: false,
      missingRequired: [],
      reason: diagnosis.message,
    };
  }
  const det = diagnosis.detection;
  const spec = SHEET_SPECS[det.kind];
  return {
    name: head.name,
    kind: det.kind,
    kindLabel: spec.canonicalName,
    headerRow: det.headerRow,
    dataRows: Math.max(0, head.lastRow - det.headerRow),
    confirmed: false,
    live: isLiveSheet(head.name, null),
    missingRequired: det.missingRequired.map((key) => spec.columns.find((c) => c.key === key)?.header ?? key),
    reason: null,
  };
}

function badKind(kind: string): UserError {
  return new UserError(
    'mapping.badKind',
    `シートの種類「${kind}」はありません。`,
    `There is no sheet kind 「${kind}」.`,
  );
}

/** The header row when detection found none: the detected one, else the first row with text. */
function firstTextRow(head: SheetHead): number {
  const diagnosis = diagnoseHeader(head.display, HEAD_ROWS, { sheetName: head.name });
  if (diagnosis.ok) return diagnosis.detection.headerRow;
  const index = head.display.findIndex((row) => row.some((c) => c.trim() !== ''));
  return index >= 0 ? index + 1 : 1;
}

function sheetNotFound(sheet: string): UserError {
  return new UserError(
    'sheet.notFound',
    `シート「${sheet}」が見つかりません。`,
    `There is no sheet named 「${sheet}」.`,
  );
}

function headOf(
  ports: AppPorts,
  sheet: string,
  /** Every sheet's first rows when the caller has read them already; else only this sheet's are read. */
  heads?: readonly SheetHead[],
): SheetHead {
  const head = heads ? heads.find((h) => h.name === sheet) : ports.workbook.head(sheet, HEAD_ROWS);
  if (!head || head.own) throw sheetNotFound(sheet);
  return head;
}

/**
 * The mapping view of one sheet: the confirmed mapping if any, else the detected one. With a
 * kind, the header is read as that kind instead (staff are changing what the sheet is).
 */
export function getMapping(ports: AppPorts, sheet: string, kind?: string): MappingView {
  const head = headOf(ports, sheet);
  const confirmed = loadMappings(ports, [head])[sheet];
  if (kind !== undefined && kind !== '' && kind !== confirmed?.kind) {
    if (!isSheetKind(kind)) throw badKind(kind);
    const headerRow = confirmed?.headerRow ?? firstTextRow(head);
    const detection = detectSheetAs(kind, head.display[headerRow - 1] ?? [], headerRow, head.display);
    // Staff's choice whether the sheet is live stays with it while they change its kind.
    const preview = mappingFromDetection(detection);
    const live = confirmed?.live;
    return mappingView(ports, head, live === undefined ? preview : { ...preview, live }, false, detection.ambiguous);
  }
  if (confirmed) return mappingView(ports, head, confirmed, true);
  const diagnosis = diagnoseHeader(head.display, HEAD_ROWS, { sheetName: sheet });
  if (!diagnosis.ok) {
    throw new UserError(
      'sheet.noHeader',
      `シート「${sheet}」: ${diagnosis.message.ja}`,
      `Sheet 「${sheet}」: ${diagnosis.message.en}`,
    );
  }
  return mappingView(ports, head, mappingFromDetection(diagnosis.detection), false, diagnosis.detection.ambiguous);
}

/** Rows at the end of a sheet the mapping view reads besides its first ones: where totals and notes sit. */
const TAIL_ROWS = 20;

/**
 * The mapping view reads the sheet's first and last rows (a bounded number of cells, whatever the
 * sheet's size — docs/cost.md): which rows there are data and which are set aside (a title, totals,
 * notes) is what staff check here, and the samples come from data rows only. The rows between are
 * counted as data; 検証 and マッチング classify every row they read.
 */
/** Why an ambiguous column was given its key, for staff to confirm (bilingual). */
export function ambiguityNote(kind: SheetKind, a: AmbiguousColumn, mapping: ColumnMapping): Message {
  const spec = SHEET_SPECS[kind];
  const headerOf = (key: string): string => spec.columns.find((c) => c.key === key)?.header ?? key;
  const chosen = headerOf(a.key);
  const others = a.candidates.filter((k) => k !== a.key);
  const otherJa = others.map((k) => `「${headerOf(k)}」`).join('・');
  const meaning = `「${a.header}」は${[chosen, ...others.map(headerOf)].map((h) => `「${h}」`).join('とも')}とも読めます。`;
  const meaningEn = `「${a.header}」 could mean ${[chosen, ...others.map(headerOf)].map((h) => `「${h}」`).join(' or ')}. `;
  if (a.by === 'values') {
    return {
      ja: `${meaning}列の値（${a.read}件中${a.fitting}件）が「${chosen}」の選択肢に合うため、「${chosen}」としました。違っていれば選び直して保存してください。`,
      en: `${meaningEn}It was read as 「${chosen}」 because ${a.fitting} of its ${a.read} values fit that column's choices. If that is wrong, choose again and save.`,
    };
  }
  if (a.by === 'taken') {
    const where = others
      .map((k) => mapping.columns[k])
      .filter((c): c is number => c !== undefined)
      .map(columnLetter);
    return {
      ja: `${meaning}${otherJa}は別の列（${where.join('・')}列）にあるため、「${chosen}」としました。確認して保存してください。`,
      en: `${meaningEn}It was read as 「${chosen}」 because ${others.map((k) => `「${headerOf(k)}」`).join(' and ')} has a column of its own (column ${where.join(', ')}). Check it and save.`,
    };
  }
  return {
    ja: `${meaning}列の値からは決められなかったため「${chosen}」としました。確認して、違っていれば選び直して保存してください。`,
    en: `${meaningEn}Its values did not tell, so it was read as 「${chosen}」. Check it, and if that is wrong, choose again and save.`,
  };
}

function mappingView(
  ports: AppPorts,
  head: SheetHead,
  mapping: ColumnMapping,
  confirmed: boolean,
  /** Columns whose header could mean more than one field (none once staff confirmed the mapping). */
  ambiguous: readonly AmbiguousColumn[] = [],
): MappingView {
  const spec = SHEET_SPECS[mapping.kind];
  const headerCells = head.display[mapping.headerRow - 1] ?? [];
  const keyAt = new Map<number, string>();
  for (const key of Object.keys(mapping.columns)) keyAt.set(mapping.columns[key] as number, key);
  const first = Math.min(head.lastRow, Math.max(HEAD_ROWS, mapping.headerRow + SAMPLES));
  const tailFrom = Math.max(first + 1, head.lastRow - TAIL_ROWS + 1);
  const spans: RowSpan[] = [{ first: 1, count: first }];
  if (tailFrom <= head.lastRow) spans.push({ first: tailFrom, count: head.lastRow - tailFrom + 1 });
  const unread = Math.max(0, tailFrom - first - 1);
  const data: SheetData = ports.workbook.read(head.name, undefined, first > 0 ? spans : []) ?? {
    name: head.name,
    values: [],
    display: [],
  };
  const rows: SheetRows = sheetRows(ports.workbook, head.name, mapping, data.values);
  const columns = headerCells.map((header, index) => {
    const samples: string[] = [];
    for (const r of rows.data) {
      const text = (data.display[r]?.[index] ?? '').trim();
      if (text !== '') samples.push(text);
      if (samples.length >= SAMPLES) break;
    }
    const unsure = ambiguous.find((a) => a.index === index && keyAt.get(index) === a.key);
    const note = unsure ? ambiguityNote(mapping.kind, unsure, mapping) : null;
    return { index, header: header.trim(), key: keyAt.get(index) ?? null, samples, note };
  });
  const fields = spec.columns.map((c) => ({ key: c.key, header: c.header, required: c.required }));
  // Per-year and per-language columns the sheet has are offered too, so staff can re-assign them.
  for (const key of Object.keys(mapping.columns)) {
    if (key.indexOf('.') > 0)
      fields.push({ key, header: headerCells[mapping.columns[key] as number] ?? key, required: false });
  }
  return {
    sheet: head.name,
    kind: mapping.kind,
    kindLabel: spec.canonicalName,
    headerRow: mapping.headerRow,
    confirmed,
    live: isLiveSheet(head.name, mapping),
    liveChosen: mapping.live !== undefined,
    archiveName: isArchiveName(head.name),
    columns,
    fields,
    kinds: SHEET_KINDS.map((kind) => ({ kind, label: SHEET_SPECS[kind].canonicalName })),
    dataRows: rows.data.length + unread,
    setAside: rows.setAside
      .slice(0, SET_ASIDE_SHOWN)
      .map((s) => ({ row: s.row, text: s.text, reason: { ja: s.message.ja, en: s.message.en } })),
    setAsideTotal: rows.setAside.length,
  };
}

/**
 * Keeps the mapping staff confirmed, with their choice whether the sheet is live (used by マッチング
 * and 指標サマリー); without one, the choice saved before stays. Refuses a mapping that names
 * unknown columns or uses a column twice.
 */
export function saveMapping(
  ports: AppPorts,
  sheet: string,
  input: { kind: string; headerRow: number; columns: Record<string, number>; live?: boolean | undefined },
): MappingView {
  if (!isSheetKind(input.kind)) throw badKind(input.kind);
  const kind = input.kind;
  // The sheet's own first rows, and of the others only their names (and the ids of those with a
  // confirmed mapping): nothing else decides what is stored.
  const heads = ports.workbook.sheets();
  if (!heads.some((h) => h.name === sheet)) throw sheetNotFound(sheet);
  const head = headOf(ports, sheet);
  if (Object.keys(input.columns).length === 0) {
    throw new UserError(
      'mapping.empty',
      `シート「${sheet}」の列の対応に、割り当てた列がひとつもありません。少なくとも1つの列に項目を選んでください。`,
      `The column mapping of sheet 「${sheet}」 assigns no column; choose a field for at least one column.`,
    );
  }
  if (input.headerRow > HEAD_ROWS) {
    throw new UserError(
      'mapping.badHeaderRow',
      `シート「${sheet}」の${input.headerRow}行目は見出し行にできません。見出し行は最初の${HEAD_ROWS}行から選んでください。`,
      `Row ${input.headerRow} of sheet 「${sheet}」 cannot be the header row; choose one of the first ${HEAD_ROWS} rows.`,
    );
  }
  const headerCells = head.display[input.headerRow - 1];
  if (!headerCells || headerCells.every((c) => c.trim() === '')) {
    throw new UserError(
      'mapping.badHeaderRow',
      `シート「${sheet}」の${input.headerRow}行目は空です。見出し行を選んでください。`,
      `Row ${input.headerRow} of sheet 「${sheet}」 is empty. Choose the header row.`,
    );
  }
  for (const key of Object.keys(input.columns)) {
    const index = input.columns[key] as number;
    if (index >= head.lastColumn) {
      throw new UserError(
        'mapping.badColumn',
        `シート「${sheet}」に${index + 1}列目はありません（${key}）。`,
        `Sheet 「${sheet}」 has no column ${index + 1} (${key}).`,
      );
    }
  }
  const before = loadMappings(ports, heads)[sheet];
  const live = input.live ?? before?.live;
  const mapping: ColumnMapping =
    live === undefined
      ? { kind, headerRow: input.headerRow, columns: input.columns }
      : { kind, headerRow: input.headerRow, columns: input.columns, live };
  const problem = validateMapping(mapping).find((i) => i.severity === 'error');
  if (problem) {
    throw new UserError(
      'mapping.invalid',
      `シート「${sheet}」の列の対応を保存できません: ${problem.message.ja}`,
      `The column mapping of sheet 「${sheet}」 cannot be saved: ${problem.message.en}`,
    );
  }
  ports.lock.run(() =>
    atomically(ports, MAPPING_WRITE, (tx) => {
      const mappings = loadMappings(ports, heads);
      mappings[sheet] = mapping;
      storeMappings(tx, mappings, heads);
    }),
  );
  return mappingView(ports, head, mapping, true);
}

/** Forgets the confirmed mapping of a sheet: it is detected automatically again. */
export function clearMapping(ports: AppPorts, sheet: string): MappingView {
  ports.lock.run(() =>
    atomically(ports, MAPPING_WRITE, (tx) => {
      const heads = ports.workbook.sheets();
      const stored = parseMappings(ports.store.get(MAPPINGS_KEY)).mappings;
      const mappings = loadMappings(ports, heads);
      // Nothing to forget, and no mapping of a sheet that is gone to drop: nothing is written.
      if (
        !Object.prototype.hasOwnProperty.call(mappings, sheet) &&
        Object.keys(stored).length === Object.keys(mappings).length
      )
        return;
      delete mappings[sheet];
      storeMappings(tx, mappings, heads);
    }),
  );
  return getMapping(ports, sheet);
}

/** Selects a cell for staff; a sheet or cell that no longer exists gets a clear message. */
export function selectCell(ports: AppPorts, sheet: string, row: number, column: number): void {
  if (ports.workbook.sheetNames().indexOf(sheet) < 0) {
    throw new UserError(
      'sheet.notFound',
      `シート「${sheet}」が見つかりません。`,
      `There is no sheet named 「${sheet}」.`,
    );
  }
  try {
    ports.workbook.selectCell(sheet, row, column);
  } catch {
    // Selecting changes nothing, so whatever stopped it, the cell is not there to select: rows or
    // columns were deleted since the list was made.
    throw new UserError(
      'cell.notFound',
      `シート「${sheet}」に${row}行${column}列目のセルがありません。行や列が削除された可能性があります。もう一度検証してください。`,
      `Sheet 「${sheet}」 has no cell at row ${row}, column ${column}; rows or columns may have been deleted. Please validate again.`,
    );
  }
}
