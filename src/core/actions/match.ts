/**
 * マッチング and 確定: match volunteers to open requests, rewrite マッチング結果 (keeping what
 * staff entered with its pair) and 不足分析, and write approved pairs into 依頼, undoably.
 */
import { UserError } from '../errors';
import { Fingerprint } from '../fingerprint';
import { clusters, writeValues, type ValueWrite } from '../history/cells';
import type { CellChange } from '../history/types';
import { History } from '../history/store';
import { estimateRecordChars } from '../history/estimate';
import { idKey, matchVolunteers, recheckPairs, type MatchResult, type PairKey, type Reason } from '../match/index';
import { placeNotice, placeOutput, type OutputPlace } from '../output-sheets';
import type { CellValue, Dropdown, MarkedSheet, SheetHead } from '../ports';
import { shiftFormula } from '../sheets/formula-shift';
import { isLiveSheet } from '../sheets/mapping';
import { toActivity, toHelpRequest, toVolunteer, type HelpRequest, type Volunteer } from '../sheets/records';
import { parseRows, type SheetRecord } from '../sheets/rows';
import { guardCell, guardFormula } from '../text/formula';
import { atomically, type Transaction } from '../transaction';
import type { SheetInput, WorkbookInput } from '../validate/types';
import type { CommitResult, MatchReport, MatchView, Message, RequestMatchView, UndoInfo } from '../../shared/rpc';
import { headsOfKinds } from './lookup';
import type { AppPorts } from './ports';
import { undoInfo } from './undo';
import {
  MATCH_PART_CELLS,
  MATCH_RUN_KEY,
  MATCH_SNAPSHOT_KEY,
  MATCH_WORK_HEADER,
  loadJson,
  matchRunOf,
  newMatchRunId,
  planMatchParts,
  restoreSliced,
  slicedSheets,
  stageSlice,
  type MatchPart,
  type MatchRunState,
  type SlicedFields,
  type Staged,
} from './match-run';
import { plannedSheets, writeFailed } from './validate-run';
import { settingsFrom } from '../setup/settings-source';
import type { PlannedSheet } from '../validate/chunks';
import { sheetRows } from './sheet-rows';
import { columnsToRead, readWorkbookInput, today } from './workbook-input';

/** マッチング結果's columns; 承認, 指定 and メモ are staff's and survive a re-run for the same pair. */
export const RESULT_HEADER = [
  '依頼番号',
  '内容区分',
  '圏域',
  '登録番号',
  'ボランティア',
  'スコア',
  '理由',
  '承認',
  '指定',
  'メモ',
  '状態',
];
type OurColumn = (typeof RESULT_HEADER)[number];
export const SHORTAGE_HEADER = ['区分', '項目', '不足数', '依頼番号・理由'];
const PIN = '固定';
const EXCLUDE = '除外';
const STATUS = { proposed: '提案', pinned: '固定', excluded: '除外', unfilled: '不足', committed: '確定済み' } as const;
/** Document property: the fingerprint of 依頼 when matching last ran (no personal data). */
const FINGERPRINT_KEY = 'tsunagu.matchRequests';
const DIMENSION_JA: Record<string, string> = {
  categoryArea: '内容区分×圏域',
  skill: '資格・特技',
  language: '言語',
  timeSlot: '時間帯',
};

/** What one cell of a staff column holds: a formula as its formula, else the value. */
interface StaffCell {
  value: CellValue;
  formula: string;
}

/** What staff entered on one pair's row of マッチング結果. */
interface StaffEntry {
  approved: boolean;
  /** The 承認 cell as it is (to put it back). */
  approvedValue: CellValue;
  /** 指定, trimmed: 固定 or 除外 count. */
  decision: string;
  /** 指定 as staff typed it, written back as text. */
  decisionValue: CellValue;
  memo: CellValue;
  /** Staff's own columns, by their 0-based column in the sheet as it is. */
  extra: Map<number, StaffCell>;
  status: string;
  /** 1-based row in マッチング結果. */
  row: number;
}

/** The sheets of the workbook as an action found them once: marked outputs and every name (both outputs are placed from them). */
interface KnownSheets {
  marked: MarkedSheet[];
  names: string[];
}

function knownSheets(ports: AppPorts): KnownSheets {
  return { marked: ports.workbook.markedSheets(), names: ports.workbook.sheetNames() };
}

/** マッチング結果 as it is now: where it is, its columns, and what staff entered on each pair's row. */
interface MatchSheet {
  place: OutputPlace;
  /** Its header row, trimmed ([] when there is no sheet yet). */
  header: string[];
  /** Each of Tsunagu's columns: its 0-based column (its first occurrence). */
  ours: Map<string, number>;
  /** Staff's own columns (any column that is not the first of one of ours), 0-based. */
  staff: number[];
  entries: Map<string, StaffEntry>;
}

const staffEntryKey = (requestId: string, volunteerId: string): string => `${requestId}\u0000${volunteerId}`;

/** The sheets of a kind matching uses, in tab order: every live one (a 退会者 archive is not). */
function liveSheetsOf(sheets: readonly SheetInput[], kind: SheetInput['kind']): SheetInput[] {
  return sheets.filter((s) => s.kind === kind && isLiveSheet(s.name, s.mapping));
}

/**
 * The records of every sheet given, sheet by sheet in tab order; when there is more than one
 * sheet, each record says which it is on (and its place among them), so rows sort across sheets
 * and 確定 writes into the right one.
 */
function recordsOf<T extends { row: number; sheet?: string; sheetIndex?: number }>(
  sheets: readonly SheetInput[],
  to: (record: SheetRecord) => T,
): T[] {
  const out: T[] = [];
  const many = sheets.length > 1;
  sheets.forEach((sheet, sheetIndex) => {
    for (const r of records(sheet)) {
      const record = to(r);
      out.push(many ? { ...record, sheet: sheet.name, sheetIndex } : record);
    }
  });
  return out;
}

/** The sheet's records: its data rows only, as classified when it was read (totals and notes are not records). */
function records(sheet: SheetInput | undefined) {
  return sheet
    ? parseRows(sheet.kind, sheet.mapping, sheet.values, sheet.display, sheet.rows ? { rows: sheet.rows } : {}).records
    : [];
}

/** Reads マッチング結果 (Tsunagu's, found by its mark): every pair's staff entries, keyed by request and volunteer. */
function readMatchSheet(ports: AppPorts, marked?: readonly MarkedSheet[], known?: KnownSheets): MatchSheet {
  const place = placeOutput(ports.workbook, 'matching', RESULT_HEADER, known?.marked ?? marked, known?.names);
  const sheet: MatchSheet = { place, header: [], ours: new Map(), staff: [], entries: new Map() };
  if (!place.exists) return sheet;
  // Values only (the display texts of スコア and 承認 are not needed): its size, then its rows.
  const size = ports.workbook.sheetSize(place.name);
  if (!size || size.lastRow < 1) return sheet;
  const data = { values: ports.workbook.readRows(place.name, 1, size.lastRow) };
  if (data.values.length === 0) return sheet;
  sheet.header = (data.values[0] as CellValue[]).map((h) => String(h).trim());
  sheet.header.forEach((name, i) => {
    if (RESULT_HEADER.indexOf(name) >= 0 && !sheet.ours.has(name)) sheet.ours.set(name, i);
    else sheet.staff.push(i);
  });
  // Formulas matter only in staff's own columns (they move with their pair): read only when there are some.
  const first = sheet.staff.length > 0 ? Math.min(...sheet.staff) : -1;
  const last = sheet.staff.length > 0 ? Math.max(...sheet.staff) : -1;
  const block =
    first < 0
      ? []
      : (ports.workbook.readBlock(
          place.name,
          { row: 1, column: first + 1, rows: data.values.length, columns: last - first + 1 },
          ['formulas'],
        ).formulas ?? []);
  const formulaAt = (r: number, i: number): string => block[r]?.[i - first] ?? '';
  const at = (row: CellValue[], name: OurColumn): CellValue => {
    const i = sheet.ours.get(name);
    return i === undefined ? '' : (row[i] ?? '');
  };
  for (let r = 1; r < data.values.length; r++) {
    const row = data.values[r] as CellValue[];
    const requestId = String(at(row, '依頼番号')).trim();
    const volunteerId = String(at(row, '登録番号')).trim();
    if (requestId === '' || volunteerId === '') continue;
    const extra = new Map<number, StaffCell>();
    for (const i of sheet.staff) extra.set(i, { value: row[i] ?? '', formula: formulaAt(r, i) });
    sheet.entries.set(staffEntryKey(requestId, volunteerId), {
      approved: at(row, '承認') === true,
      approvedValue: at(row, '承認'),
      decision: String(at(row, '指定')).trim(),
      decisionValue: at(row, '指定'),
      memo: at(row, 'メモ'),
      extra,
      status: String(at(row, '状態')).trim(),
      row: r + 1,
    });
  }
  return sheet;
}

/**
 * The fingerprint of the live 依頼 sheets' values (and, when there are several, their names): 確定
 * refuses when one changed after the run, or when staff chose other live sheets since.
 */
function requestsFingerprint(sheets: readonly SheetInput[]): string {
  const print = new Fingerprint();
  for (const sheet of sheets) {
    if (sheets.length > 1) print.addCell(sheet.name);
    for (const row of sheet.values) for (const cell of row) print.addCell(cell);
  }
  return print.toString();
}

interface MatchRun {
  result: MatchResult;
  volunteers: Volunteer[];
  requests: HelpRequest[];
  /** The live 依頼 sheets and rosters, in tab order. */
  requestsSheets: SheetInput[];
  rosterSheets: SheetInput[];
  sheet: MatchSheet;
  /** Which sheets of a kind were used when the workbook has several (a 退会者 archive beside the roster, a roster in two). */
  sheetNotices: Message[];
}

const KIND_WORDS: Record<(typeof MATCH_KINDS)[number], { ja: string; en: string }> = {
  volunteers: { ja: 'ボランティア名簿', en: 'roster (ボランティア名簿)' },
  requests: { ja: '依頼', en: 'requests (依頼)' },
  activities: { ja: '活動記録', en: 'activity log (活動記録)' },
};

const quotedNames = (sheets: readonly SheetInput[], sep: string): string =>
  sheets.map((s) => `「${s.name}」`).join(sep);

/**
 * Matching reads every live sheet of each kind. When the workbook has more than one sheet of a
 * kind (a 退会者 archive beside the live roster, a roster split in two), staff are told which were
 * used and which were not — never silently.
 */
function sheetNoticesOf(sheets: readonly SheetInput[]): Message[] {
  const out: Message[] = [];
  for (const kind of MATCH_KINDS) {
    const all = sheets.filter((s) => s.kind === kind);
    if (all.length < 2) continue;
    const used = all.filter((s) => isLiveSheet(s.name, s.mapping));
    const unused = all.filter((s) => !isLiveSheet(s.name, s.mapping));
    const word = KIND_WORDS[kind];
    const usedJa =
      used.length > 0 ? `${quotedNames(used, '・')}の${used.length}枚を使いました` : 'どれも使っていません';
    const usedEn = used.length > 0 ? `used ${quotedNames(used, ', ')}` : 'used none of them';
    const unusedJa =
      unused.length > 0
        ? `。${quotedNames(unused, '・')}は「マッチング・集計に使わない」シートのため使っていません（${
            kind === 'volunteers'
              ? 'そのシートの人は候補になりません'
              : kind === 'requests'
                ? 'そのシートの依頼はマッチングせず、書き込みもしません'
                : 'そのシートの活動は継続性に数えません'
          }。変えるにはシート準備の列の対応で選んでください）`
        : '';
    const unusedEn =
      unused.length > 0
        ? `; not ${quotedNames(unused, ', ')}, marked as not used for matching (${
            kind === 'volunteers'
              ? 'the people there are not candidates'
              : kind === 'requests'
                ? 'the requests there are neither matched nor written'
                : 'the activities there do not count for continuity'
          }; change it in the column mapping of シート準備)`
        : '';
    out.push({
      ja: `${word.ja}のシートが${all.length}枚あります。マッチングは${usedJa}${unusedJa}。`,
      en: `The workbook has ${all.length} ${word.en} sheets. Matching ${usedEn}${unusedEn}.`,
    });
  }
  return out;
}

/** The sheets matching reads; ledgers and consultations are not needed. */
const MATCH_KINDS = ['volunteers', 'requests', 'activities'] as const;

/**
 * The columns matching reads where it needs fewer than all (docs/cost.md): of the roster, what the
 * constraints, scores and reasons use (not addresses, phone numbers or birthdays); of 活動記録, who
 * helped for which request. 依頼 is read whole: its fingerprint pins what 確定 writes into.
 */
const MATCH_FIELDS = {
  volunteers: [
    'volunteerId',
    'name',
    'gender',
    'area',
    'district',
    'fields',
    'skills',
    'languages',
    'availability',
    'monthlyLimit',
    'insuranceYear',
    'consent',
    'status',
  ],
  activities: ['volunteerId', 'requestId'],
};

/** What reopening pairs after 元に戻す of a 確定 reads of 依頼. */
const REOPEN_FIELDS = { requests: ['requestId', 'assignedVolunteers'] };

function runMatch(ports: AppPorts, sheet: MatchSheet, heads?: SheetHead[]): MatchRun {
  const input = readWorkbookInput(ports, MATCH_KINDS, MATCH_FIELDS, heads);
  return matchFrom(input, sheet);
}

/** Matches what was read (the sheets of the kinds matching reads, in tab order, with the settings and today). */
function matchFrom(input: Pick<WorkbookInput, 'sheets' | 'settings' | 'today'>, sheet: MatchSheet): MatchRun {
  const rosterSheets = liveSheetsOf(input.sheets, 'volunteers');
  const requestsSheets = liveSheetsOf(input.sheets, 'requests');
  if (rosterSheets.length === 0 || requestsSheets.length === 0) throw noSheets(input.sheets);
  const volunteers = recordsOf(rosterSheets, (r) => toVolunteer(r, input.settings));
  const requests = recordsOf(requestsSheets, (r) => toHelpRequest(r, input.settings));
  const activities = recordsOf(liveSheetsOf(input.sheets, 'activities'), (r) => toActivity(r));
  const pins: PairKey[] = [];
  const exclusions: PairKey[] = [];
  for (const [key, entry] of sheet.entries) {
    const [requestId, volunteerId] = key.split('\u0000') as [string, string];
    if (entry.decision === PIN) pins.push({ requestId, volunteerId });
    else if (entry.decision === EXCLUDE) exclusions.push({ requestId, volunteerId });
  }
  const result = matchVolunteers({
    volunteers,
    requests,
    activities,
    settings: input.settings,
    today: input.today,
    pins,
    exclusions,
  });
  return {
    result,
    volunteers,
    requests,
    requestsSheets,
    rosterSheets,
    sheet,
    sheetNotices: sheetNoticesOf(input.sheets),
  };
}

/** Matching without a live roster or 依頼 sheet: what is missing, and where staff choose a sheet kept for the record. */
function noSheets(sheets: readonly SheetInput[]): UserError {
  const kept = sheets.filter(
    (s) => (s.kind === 'volunteers' || s.kind === 'requests') && !isLiveSheet(s.name, s.mapping),
  );
  const keptJa =
    kept.length > 0
      ? `（${quotedNames(kept, '・')}は「マッチング・集計に使わない」シートです。使う場合はシート準備の列の対応でチェックを付けて確定してください）`
      : '';
  const keptEn =
    kept.length > 0
      ? ` (${quotedNames(kept, ', ')} ${kept.length > 1 ? 'are' : 'is'} marked as not used for matching; to use ${kept.length > 1 ? 'them' : 'it'}, tick it in the column mapping of シート準備 and confirm)`
      : '';
  return new UserError(
    'match.noSheets',
    `マッチングにはボランティア名簿と依頼のシートが必要です。シート準備で作成するか、見出し行を確認してください${keptJa}。`,
    `Matching needs a ボランティア名簿 sheet and a 依頼 sheet. Create them with シート準備 or check their header rows${keptEn}.`,
  );
}

const joinReasons = (reasons: readonly Reason[]): string => reasons.map((r) => r.ja).join('・');
const message = (r: Reason): Message => ({ ja: r.ja, en: r.en });

/** The columns of the new マッチング結果: the sheet's own order (staff's columns stay where they are), ours added where missing. */
interface Layout {
  header: CellValue[];
  /** Each of our columns: its 0-based column in the new sheet. */
  ours: Map<string, number>;
  /** Staff's columns: 0-based, the same in the old sheet and the new. */
  staff: number[];
}

function layoutOf(sheet: MatchSheet): Layout {
  const header: CellValue[] = sheet.header.map((name, i) => (sheet.ours.get(name) === i ? name : guardFormula(name)));
  const ours = new Map(sheet.ours);
  for (const name of RESULT_HEADER) {
    if (ours.has(name)) continue;
    ours.set(name, header.length);
    header.push(name);
  }
  return { header, ours, staff: [...sheet.staff] };
}

/** A staff cell written at another row: a formula moves with its row (=D6 on row 9 reads =D9); text is written as text. */
function movedCell(cell: StaffCell | undefined, from: number, to: number): CellValue {
  if (!cell) return '';
  if (cell.formula !== '') return shiftFormula(cell.formula, to - from, 0);
  return guardCell(cell.value);
}

/** マッチング結果's rows: each request's pairs, its excluded pairs, and a row for places left unfilled. */
function resultRows(run: MatchRun, layout: Layout): { rows: CellValue[][]; carryFrom: number[] } {
  const { result, requests } = run;
  const entries = run.sheet.entries;
  const names = new Map(run.volunteers.map((v) => [v.volunteerId ?? '', v.name ?? '']));
  const byRequest = new Map<string, typeof result.assignments>();
  for (const a of result.assignments) {
    const list = byRequest.get(a.requestId) ?? [];
    list.push(a);
    byRequest.set(a.requestId, list);
  }
  const unmatched = new Map(result.unmatched.map((u) => [u.requestId, u]));
  const rows: CellValue[][] = [];
  const carryFrom: number[] = [];
  const width = layout.header.length;
  const row = (request: HelpRequest, volunteerId: string, score: CellValue, reasons: string, status: string): void => {
    const entry = volunteerId ? entries.get(staffEntryKey(request.requestId ?? '', volunteerId)) : undefined;
    const rowNumber = rows.length + 2;
    const cells = new Array<CellValue>(width).fill('');
    const set = (name: OurColumn, value: CellValue): void => {
      cells[layout.ours.get(name) as number] = value;
    };
    set('依頼番号', guardFormula(request.requestId ?? ''));
    set('内容区分', guardFormula(request.category ?? ''));
    set('圏域', guardFormula(request.area ?? ''));
    set('登録番号', guardFormula(volunteerId));
    set('ボランティア', guardFormula(volunteerId ? (names.get(volunteerId) ?? '') : ''));
    set('スコア', score);
    set('理由', guardFormula(reasons));
    set('承認', volunteerId !== '' && status !== STATUS.excluded ? (entry?.approved ?? false) : '');
    // What staff typed is written back as text, whatever the cell's format (a typed =… never becomes a formula).
    set('指定', guardCell(entry?.decisionValue ?? ''));
    set('メモ', guardCell(entry?.memo ?? ''));
    set('状態', status);
    for (const column of layout.staff) cells[column] = movedCell(entry?.extra.get(column), entry?.row ?? 0, rowNumber);
    rows.push(cells);
    carryFrom.push(entry?.row ?? 0);
  };
  for (const request of requests) {
    const id = request.requestId ?? '';
    const pairs = byRequest.get(id) ?? [];
    const missing = unmatched.get(id);
    const excluded = [...entries.entries()].filter(
      ([key, e]) => e.decision === EXCLUDE && key.startsWith(`${id}\u0000`),
    );
    if (pairs.length === 0 && !missing && excluded.length === 0) continue;
    for (const a of pairs)
      row(request, a.volunteerId, a.score, joinReasons(a.reasons), a.pinned ? STATUS.pinned : STATUS.proposed);
    for (const [key] of excluded) row(request, key.slice(id.length + 1), '', '', STATUS.excluded);
    if (missing) row(request, '', '', joinReasons(missing.reasons), `${STATUS.unfilled} ${missing.missing}`);
  }
  return { rows, carryFrom };
}

/** 不足分析's one row when every open place has a volunteer: an empty sheet would read as "not run" or "failed". */
export const NO_SHORTAGE = '不足なし';

function shortageRows(result: MatchResult): CellValue[][] {
  if (result.unmatched.length === 0 && result.shortages.length === 0) {
    const places = result.stats.totalPlaces;
    return [
      [
        NO_SHORTAGE,
        '',
        0,
        places === 0
          ? '受付・調整中の依頼はありません'
          : `受付・調整中の依頼の必要人数（${places}人分）すべてに候補がいます`,
      ],
    ];
  }
  const rows: CellValue[][] = [];
  for (const u of result.unmatched)
    rows.push(['未充足の依頼', guardFormula(u.requestId), u.missing, guardFormula(joinReasons(u.reasons))]);
  for (const s of result.shortages)
    rows.push([
      DIMENSION_JA[s.dimension] ?? s.dimension,
      guardFormula(s.key),
      s.places,
      guardFormula(s.requests.join('、')),
    ]);
  return rows;
}

function view(run: MatchRun, written: { shortage: OutputPlace; approved: number; undo: UndoInfo | null }): MatchView {
  const { result, requests } = run;
  const entries = run.sheet.entries;
  const names = new Map(run.volunteers.map((v) => [v.volunteerId ?? '', v.name ?? '']));
  const views: RequestMatchView[] = [];
  const unmatched = new Map(result.unmatched.map((u) => [u.requestId, u]));
  for (const request of requests) {
    const id = request.requestId ?? '';
    const pairs = result.assignments.filter((a) => a.requestId === id);
    const missing = unmatched.get(id);
    if (pairs.length === 0 && !missing) continue;
    const excluded = [...entries.entries()]
      .filter(([key, e]) => e.decision === EXCLUDE && key.startsWith(`${id}\u0000`))
      .map(([key]) => key.slice(id.length + 1));
    views.push({
      requestId: id,
      row: request.row,
      sheet: request.sheet ?? run.requestsSheets[0]?.name ?? '',
      category: request.category ?? '',
      area: request.area ?? '',
      needed: missing ? missing.needed : pairs.length,
      filled: missing ? missing.filled : pairs.length,
      pairs: pairs.map((a) => ({
        requestId: id,
        volunteerId: a.volunteerId,
        volunteerName: names.get(a.volunteerId) ?? '',
        score: a.score,
        reasons: a.reasons.map(message),
        pinned: a.pinned,
        approved: entries.get(staffEntryKey(id, a.volunteerId))?.approved ?? false,
      })),
      unmatchedReasons: missing ? missing.reasons.map(message) : [],
      excluded: excluded.map((volunteerId) => ({ volunteerId, volunteerName: names.get(volunteerId) ?? '' })),
    });
  }
  const notices = [placeNotice(run.sheet.place), placeNotice(written.shortage)].filter((n): n is Message => n !== null);
  return {
    requests: views,
    stats: result.stats,
    shortages: [...result.shortages]
      .sort((a, b) => b.places - a.places)
      .slice(0, 30)
      .map((s) => ({ dimension: s.dimension, key: s.key, places: s.places })),
    warnings: [...notices, ...run.sheetNotices, ...result.warnings.map(message)],
    resultSheet: run.sheet.place.name,
    shortageSheet: written.shortage.name,
    approved: written.approved,
    undo: written.undo,
  };
}

/**
 * True when 不足分析 holds exactly these rows under its header already (a 固定 or 除外 that changes
 * no shortage): it is not rewritten — a rewrite makes a copy of it aside and pastes over it
 * (docs/cost.md). Anything else, its width included, and it is rewritten.
 */
function holdsAlready(ports: AppPorts, place: OutputPlace, rows: readonly CellValue[][]): boolean {
  if (!place.exists || place.adopt) return false;
  const data = ports.workbook.read(place.name);
  const want = [SHORTAGE_HEADER, ...rows];
  if (!data || data.values.length !== want.length) return false;
  return want.every((row, r) => {
    const got = data.values[r] ?? [];
    return got.length === row.length && row.every((cell, c) => got[c] === cell);
  });
}

/**
 * Rewrites マッチング結果 and 不足分析 and remembers what 依頼 looked like, all or nothing. Every
 * pair's row keeps what staff entered on it (承認, 指定, メモ, their own columns with their
 * formats, rules, notes and fills), wherever the pair lands now.
 */
function writeResults(
  ports: AppPorts,
  run: MatchRun,
  alsoInTransaction?: (tx: Transaction) => void,
  sheetsSeen?: KnownSheets,
): MatchView {
  const layout = layoutOf(run.sheet);
  const { rows, carryFrom } = resultRows(run, layout);
  const shortage = placeOutput(ports.workbook, 'shortage', SHORTAGE_HEADER, sheetsSeen?.marked, sheetsSeen?.names);
  const shortages = shortageRows(run.result);
  const column = (name: OurColumn): number => layout.ours.get(name) as number;
  const dropdowns: Dropdown[] = [{ column: column('指定'), values: [PIN, EXCLUDE], allowInvalid: false }];
  // What 元に戻す offers: matching records nothing, so it is read before the writes, while the
  // sheets found for them are still known (after a rewrite they would be listed again).
  const undo = undoInfo(History.load(ports));
  // Read before any write, so that Apps Script need not commit the writes first.
  const rewriteShortage = !holdsAlready(ports, shortage, shortages);
  atomically(ports, { ja: 'マッチング結果', en: 'the matching results' }, (tx: Transaction) => {
    const place = run.sheet.place;
    if (place.adopt) tx.mark(place.name, 'matching');
    tx.output({
      name: place.name,
      kind: 'matching',
      header: layout.header.map((h) => String(h)),
      rows,
      hidden: false,
      textColumns: [column('依頼番号'), column('登録番号'), column('メモ')],
      checkboxColumns: [column('承認')],
      dropdowns,
      carryFrom,
      staffColumns: layout.staff,
    });
    if (shortage.adopt) tx.mark(shortage.name, 'shortage');
    if (rewriteShortage) {
      tx.output({
        name: shortage.name,
        kind: 'shortage',
        header: SHORTAGE_HEADER,
        rows: shortages,
        hidden: false,
        textColumns: [1, 3],
        checkboxColumns: [],
      });
    }
    tx.setProperty(FINGERPRINT_KEY, requestsFingerprint(run.requestsSheets));
    alsoInTransaction?.(tx);
  });
  const approved = rows.filter(
    (r) =>
      r[column('承認')] === true && r[column('状態')] !== STATUS.committed && r[column('状態')] !== STATUS.excluded,
  ).length;
  return view(run, { shortage, approved, undo });
}

/**
 * マッチング: matches, rewrites マッチング結果 and 不足分析, and remembers what 依頼 looked like. A
 * workbook whose roster and activity log are too large for one call is matched in parts
 * (docs/cost.md): this starts the run, and the sidebar asks for each part with continueMatching.
 */
export function runMatching(ports: AppPorts, partCells = MATCH_PART_CELLS): MatchView {
  return ports.lock.run(() => {
    const heads = headsOfKinds(ports, [...MATCH_KINDS, 'settings']);
    const sheets = matchedSheets(ports, heads);
    const parts = planMatchParts(sheets, SLICED_FIELDS, partCells);
    if (parts.length === 0) {
      const known = knownSheets(ports);
      return writeResults(ports, runMatch(ports, readMatchSheet(ports, undefined, known), heads), undefined, known);
    }
    return startMatchRun(ports, sheets, parts);
  });
}

/** The fields matching reads of the sheets it reads in slices. */
const SLICED_FIELDS: SlicedFields = { volunteers: MATCH_FIELDS.volunteers, activities: MATCH_FIELDS.activities };

/** The recognised sheets of the kinds matching reads, and 設定, from their first rows (tab order). */
function matchedSheets(ports: AppPorts, heads: readonly SheetHead[]): PlannedSheet[] {
  return plannedSheets(ports, heads).filter(
    (s) => s.kind === 'settings' || (MATCH_KINDS as readonly string[]).indexOf(s.kind) >= 0,
  );
}

/** What a run in parts shows until its last part: where it stands, no result yet. */
function progressView(ports: AppPorts, state: MatchRunState): MatchView {
  return {
    requests: [],
    stats: { filledPlaces: 0, totalPlaces: 0, score: 0, candidatePairs: 0 },
    shortages: [],
    warnings: [],
    resultSheet: '',
    shortageSheet: '',
    approved: 0,
    // The sidebar keeps its 元に戻す offer until the last part answers with the result.
    undo: null,
    running: { runId: state.id, done: state.done, total: state.parts.length + 1 },
  };
}

/**
 * Starts a マッチング in parts: the plan and an empty work sheet, in one transaction. The staged
 * rows of the run before (固定/除外's snapshot) go with it; マッチング結果 stays as it is until the
 * last part.
 */
function startMatchRun(ports: AppPorts, sheets: PlannedSheet[], parts: MatchPart[]): MatchView {
  const work = placeOutput(ports.workbook, 'matchWork', MATCH_WORK_HEADER);
  const state: MatchRunState = {
    id: newMatchRunId(ports.clock.now()),
    workSheet: work.name,
    sheets,
    parts,
    done: 0,
    workRows: 0,
    spans: {},
    widths: {},
  };
  atomically(ports, { ja: 'マッチングの準備', en: 'starting the matching' }, (tx) => {
    if (work.adopt) tx.mark(work.name, 'matchWork');
    tx.output({
      name: work.name,
      kind: 'matchWork',
      header: MATCH_WORK_HEADER,
      rows: [],
      hidden: true,
      textColumns: [0, 1],
      checkboxColumns: [],
    });
    tx.removeProperty(MATCH_SNAPSHOT_KEY);
    tx.setProperty(MATCH_RUN_KEY, JSON.stringify(state));
  });
  return progressView(ports, state);
}

/**
 * The next part of a マッチング in parts: a slice of the roster or activity log staged, or (the
 * last) the match from the staged rows, 依頼 and マッチング結果, written all or nothing. A part
 * that fails leaves the run where it was, so 続ける runs it again.
 */
export function continueMatching(ports: AppPorts, runId: string): MatchView {
  return ports.lock.run(() => {
    const state = matchRunOf(ports, runId);
    try {
      if (state.done >= state.parts.length) {
        const known = knownSheets(ports);
        const run = matchFromStaged(ports, state, readMatchSheet(ports, undefined, known));
        const snapshot: Staged = {
          workSheet: state.workSheet,
          sheets: state.sheets,
          spans: state.spans,
          widths: state.widths,
        };
        return writeResults(
          ports,
          run,
          (tx) => {
            tx.removeProperty(MATCH_RUN_KEY);
            tx.setProperty(MATCH_SNAPSHOT_KEY, JSON.stringify(snapshot));
          },
          known,
        );
      }
      const part = state.parts[state.done] as MatchPart;
      atomically(ports, { ja: 'この部分のマッチング', en: 'this part of the matching' }, (tx) => {
        stageSlice(ports, tx, state, part, SLICED_FIELDS);
        state.done += 1;
        tx.setProperty(MATCH_RUN_KEY, JSON.stringify(state));
      });
    } catch (error) {
      // Rows that moved under the run make its plan wrong: it stops (マッチング結果 has not changed).
      if (error instanceof UserError && error.code === 'match.changedDuringRun') ports.store.remove(MATCH_RUN_KEY);
      if (error instanceof UserError) throw error;
      throw writeFailed(
        error,
        'この部分のマッチングを書き込めませんでした。「続ける」でこの部分からやり直せます',
        'This part of the matching could not be written; “Continue” runs it again',
      );
    }
    return progressView(ports, state);
  });
}

/** 中止: forgets the run. Nothing but the hidden work sheet was written, so nothing is taken back. */
export function cancelMatching(ports: AppPorts, runId: string): { cancelled: boolean } {
  return ports.lock.run(() => {
    matchRunOf(ports, runId);
    atomically(ports, { ja: 'マッチングの中止', en: 'stopping the matching' }, (tx) => {
      tx.removeProperty(MATCH_RUN_KEY);
    });
    return { cancelled: true };
  });
}

/**
 * Matches from what a run in parts staged: the rosters and activity logs as their slices read
 * them, 依頼 and 設定 read now, each sheet classified as one read of it would be.
 */
function matchFromStaged(ports: AppPorts, staged: Staged, sheet: MatchSheet): MatchRun {
  const restored = new Map(restoreSliced(ports, staged, SLICED_FIELDS).map((s) => [s.name, s]));
  const sheets: SheetInput[] = [];
  for (const planned of staged.sheets) {
    const base = { name: planned.name, kind: planned.kind, mapping: planned.mapping };
    const got = restored.get(planned.name);
    // A sheet matching does not use (a 退会者 archive) only needs to be named in the notices.
    const used = got !== undefined || planned.kind === 'settings' || isLiveSheet(planned.name, planned.mapping);
    const data = got ?? (used ? ports.workbook.read(planned.name, columnsToRead(planned.mapping)) : null);
    if (!data) {
      if (!used) sheets.push({ ...base, values: [], display: [] });
      continue;
    }
    sheets.push({
      ...base,
      values: data.values,
      display: data.display,
      rows: sheetRows(ports.workbook, planned.name, planned.mapping, data.values),
    });
  }
  const settingsSheet = sheets.find((s) => s.kind === 'settings');
  const settings = settingsFrom(settingsSheet ? settingsSheet.values : null, settingsSheet?.mapping);
  return matchFrom({ sheets, settings, today: today(ports) }, sheet);
}

/** The full result without writing anything (the CLI's report). */
export function getMatchReport(ports: AppPorts): MatchReport {
  const run = runMatch(ports, readMatchSheet(ports));
  const { result, volunteers, requests } = run;
  const names = new Map(volunteers.map((v) => [v.volunteerId ?? '', v.name ?? '']));
  const requesters = new Map(requests.map((r) => [r.requestId ?? '', r.requester ?? '']));
  const requestSheet = run.requestsSheets[0]?.name ?? '';
  const rosterSheet = run.rosterSheets[0]?.name ?? '';
  return {
    assignments: result.assignments.map((a) => ({
      requestId: a.requestId,
      requester: requesters.get(a.requestId) ?? '',
      requestSheet: a.requestSheet ?? requestSheet,
      requestRow: a.requestRow,
      volunteerId: a.volunteerId,
      volunteerName: names.get(a.volunteerId) ?? '',
      volunteerSheet: a.volunteerSheet ?? rosterSheet,
      volunteerRow: a.volunteerRow,
      score: a.score,
      reasons: a.reasons.map((r) => r.ja),
    })),
    unmatched: result.unmatched.map((u) => ({
      requestId: u.requestId,
      requester: requesters.get(u.requestId) ?? '',
      requestSheet: u.requestSheet ?? requestSheet,
      requestRow: u.requestRow,
      missing: u.missing,
      reasons: u.reasons.map((r) => r.ja),
    })),
    warnings: [...run.sheetNotices, ...result.warnings.map(message)],
    shortages: result.shortages.map((s) => ({
      dimension: s.dimension,
      key: s.key,
      places: s.places,
      requests: [...s.requests],
    })),
    stats: {
      filledPlaces: result.stats.filledPlaces,
      totalPlaces: result.stats.totalPlaces,
      score: result.stats.score,
    },
  };
}

function entryOf(sheet: MatchSheet, requestId: string, volunteerId: string): StaffEntry {
  const entry = sheet.entries.get(staffEntryKey(requestId, volunteerId));
  if (!entry) {
    throw new UserError(
      'match.pairNotFound',
      `マッチング結果に 依頼 ${requestId} と ${volunteerId} の組み合わせがありません。マッチングを実行し直してください。`,
      `マッチング結果 has no pair of request ${requestId} and ${volunteerId}. Please run matching again.`,
    );
  }
  return entry;
}

/**
 * 固定 / 除外 / clear for one pair, then matches again: the choice goes into マッチング結果's 指定
 * column with the new result, in one rewrite (all or nothing).
 */
export function setPairDecision(
  ports: AppPorts,
  requestId: string,
  volunteerId: string,
  decision: 'pin' | 'exclude' | 'none',
): MatchView {
  return ports.lock.run(() => {
    const known = knownSheets(ports);
    const sheet = readMatchSheet(ports, undefined, known);
    const entry = entryOf(sheet, requestId, volunteerId);
    const value = decision === 'pin' ? PIN : decision === 'exclude' ? EXCLUDE : '';
    entry.decision = value;
    entry.decisionValue = value;
    const snapshot = loadJson<Staged>(ports, MATCH_SNAPSHOT_KEY);
    // After a マッチング in parts: from the roster and activity log as it read them (確定 checks every
    // approved pair against the roster as it is then); otherwise everything is read again.
    const run = snapshot ? matchFromSnapshot(ports, snapshot, sheet) : runMatch(ports, sheet);
    return writeResults(ports, run, undefined, known);
  });
}

/**
 * Matches again from the snapshot the last マッチング in parts staged, with 依頼, 設定 and
 * マッチング結果 read now. When rows were added to or removed from the roster or the activity log
 * since, the snapshot no longer says who is there: staff are asked to run matching again.
 */
function matchFromSnapshot(ports: AppPorts, snapshot: Staged, sheet: MatchSheet): MatchRun {
  for (const planned of slicedSheets(snapshot.sheets)) {
    const size = ports.workbook.sheetSize(planned.name);
    if (!size || size.lastRow !== planned.lastRow) {
      throw new UserError(
        'match.snapshotChanged',
        `マッチングの後に「${planned.name}」の行数が変わりました。もう一度「マッチングを実行」してから、固定・除外してください。何も変更していません。`,
        `The rows of 「${planned.name}」 changed after matching. Please run matching again, then pin or exclude. Nothing was changed.`,
      );
    }
  }
  return matchFromStaged(ports, snapshot, sheet);
}

function approvedCount(entries: Iterable<StaffEntry>): number {
  let n = 0;
  for (const e of entries) if (e.approved && e.status !== STATUS.committed && e.status !== STATUS.excluded) n++;
  return n;
}

/**
 * After 元に戻す took back a 確定: the pairs marked 確定済み whose volunteer 依頼 no longer lists
 * are open again (提案, or 固定 when staff pinned them), with their 承認 as staff left it, so they
 * can be committed again. Part of the undo's transaction, so it happens with it or not at all.
 */
export function reopenUncommittedPairs(ports: AppPorts, tx: Transaction, heads?: SheetHead[]): number {
  const sheet = readMatchSheet(ports);
  const statusColumn = sheet.ours.get('状態');
  if (!sheet.place.exists || statusColumn === undefined) return 0;
  const committed = [...sheet.entries.entries()].filter(([, e]) => e.status === STATUS.committed);
  if (committed.length === 0) return 0;
  // Only who is assigned to which request: two columns of 依頼, not all of them (docs/cost.md).
  const input = readWorkbookInput(ports, ['requests'], REOPEN_FIELDS, heads);
  // Every live 依頼 sheet: a 確定 wrote into whichever one held the request.
  const assigned = new Map<string, readonly string[]>();
  for (const r of recordsOf(liveSheetsOf(input.sheets, 'requests'), (r) => toHelpRequest(r, input.settings))) {
    const id = r.requestId ?? '';
    if (!assigned.has(id)) assigned.set(id, r.assignedVolunteers);
  }
  const reopened = committed.filter(([key]) => {
    const [requestId, volunteerId] = key.split('\u0000') as [string, string];
    return (assigned.get(requestId) ?? []).indexOf(volunteerId) < 0;
  });
  if (reopened.length === 0) return 0;
  writeValues(
    ports.workbook,
    reopened.map(([, e]) => ({
      sheet: sheet.place.name,
      row: e.row,
      column: statusColumn + 1,
      value: e.decision === PIN ? STATUS.pinned : STATUS.proposed,
    })),
    [],
    tx,
  );
  return reopened.length;
}

/** Ticks or clears 承認 for one pair. */
export function setApproval(
  ports: AppPorts,
  requestId: string,
  volunteerId: string,
  approved: boolean,
): { approved: number } {
  return ports.lock.run(() => {
    const sheet = readMatchSheet(ports);
    const entry = entryOf(sheet, requestId, volunteerId);
    if (entry.status === STATUS.excluded || entry.status === STATUS.committed) {
      throw new UserError(
        'match.notApprovable',
        'この組み合わせは承認できません（除外または確定済み）。',
        'This pair cannot be approved (excluded or already committed).',
      );
    }
    const column = (sheet.ours.get('承認') as number) + 1;
    atomically(ports, { ja: '承認', en: 'the approval' }, (tx) => {
      tx.write(
        sheet.place.name,
        { row: entry.row, column, rows: 1, columns: 1 },
        { values: [[approved]] },
        { values: [[entry.approvedValue]] },
      );
    });
    entry.approved = approved;
    return { approved: approvedCount(sheet.entries.values()) };
  });
}

/**
 * Rows of a read span's gap that are read rather than starting another span: another span costs a
 * few calls per run of columns (90 ms each at the model's high figures), about as much as 8,000
 * more cells (100 µs each).
 */
const SPAN_CELLS = 8_000;

/**
 * The live rosters with only the rows of the volunteers given read — every row that holds one of
 * their 登録番号 (the first in tab and row order is the one matching uses), with the columns
 * matching reads — in clusters of nearby rows: what 確定 checks the approved pairs against, not the
 * whole roster. Each sheet comes with its 登録番号 column read (readWorkbookInput).
 */
function rowsOfVolunteers(ports: AppPorts, rosters: readonly SheetInput[], ids: readonly string[]): SheetInput[] {
  const wanted = new Set(ids.map(idKey));
  return rosters.map((sheet) => {
    const idColumn = sheet.mapping.columns.volunteerId;
    if (idColumn === undefined) return sheet;
    const rows: number[] = [];
    sheet.values.forEach((row, i) => {
      const id = row[idColumn];
      if (i + 1 > sheet.mapping.headerRow && id !== undefined && wanted.has(idKey(String(id)))) rows.push(i + 1);
    });
    const columns = columnsToRead(sheet.mapping, MATCH_FIELDS.volunteers) ?? [];
    const spans = clusters(rows, Math.max(0, Math.floor(SPAN_CELLS / Math.max(1, columns.length))));
    const data = ports.workbook.read(sheet.name, columns, [{ first: 1, count: sheet.mapping.headerRow }, ...spans]);
    if (!data) return sheet;
    return {
      ...sheet,
      values: data.values,
      display: data.display,
      rows: sheetRows(ports.workbook, sheet.name, sheet.mapping, data.values),
    };
  });
}

/** Strong separators of a multi-value cell (、 , ; and line breaks, full-width too). */
const ID_SEPARATORS = /[、,，;；\n]/;

/**
 * 担当ボランティア with the new ids: the ids already there as staff wrote them, then the new ones,
 * joined with 「、」 — no empty piece (a dangling 「、」 goes), no id twice.
 */
export function assignedCell(current: string, added: readonly string[]): string {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const id of [...current.split(ID_SEPARATORS), ...added]) {
    const text = id.trim();
    const key = idKey(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    ids.push(text);
  }
  return ids.join('、');
}

/**
 * 確定: writes the approved pairs into 依頼 (担当ボランティア gains the id, 状態 becomes 紹介済),
 * under the lock, all or nothing, recorded for 元に戻す. Every approved pair — also one typed into
 * マッチング結果 by hand — is checked again against every hard constraint; a pair that fails one is
 * not written and is listed with the reason. Refuses when 依頼 changed after the run.
 */
export function commitMatches(ports: AppPorts): CommitResult {
  return ports.lock.run(() => {
    // The roster's 登録番号 only: the rows of the approved volunteers are read below (docs/cost.md).
    const input = readWorkbookInput(ports, ['requests', 'volunteers'], { volunteers: ['volunteerId'] });
    const requestsSheets = liveSheetsOf(input.sheets, 'requests');
    const stored = ports.store.get(FINGERPRINT_KEY);
    if (requestsSheets.length === 0 || stored === null || stored !== requestsFingerprint(requestsSheets)) {
      throw new UserError(
        'match.changed',
        'マッチングの後に依頼シートが変更されたため、確定しませんでした。もう一度マッチングを実行してください。',
        'The 依頼 sheet changed after matching, so nothing was committed. Please run matching again.',
      );
    }
    const sheet = readMatchSheet(ports);
    // 除外 chosen in the sheet after the run wins over a tick in 承認.
    const approved = [...sheet.entries.entries()].filter(
      ([, e]) =>
        e.approved &&
        e.decision !== EXCLUDE &&
        e.status !== STATUS.committed &&
        e.status !== STATUS.excluded &&
        !e.status.startsWith(STATUS.unfilled),
    );
    if (approved.length === 0) {
      throw new UserError(
        'match.nothingApproved',
        '承認された組み合わせがありません。「承認」にチェックを付けてください。',
        'No pair is approved. Tick 承認 first.',
      );
    }
    const pairOf = (key: string): PairKey => {
      const [requestId, volunteerId] = key.split('\u0000') as [string, string];
      return { requestId, volunteerId };
    };
    const exclusions = [...sheet.entries.entries()].filter(([, e]) => e.decision === EXCLUDE).map(([k]) => pairOf(k));
    const requests = recordsOf(requestsSheets, (r) => toHelpRequest(r, input.settings));
    const rosters = rowsOfVolunteers(
      ports,
      liveSheetsOf(input.sheets, 'volunteers'),
      approved.map(([key]) => pairOf(key).volunteerId),
    );
    const check = recheckPairs(
      {
        volunteers: recordsOf(rosters, (r) => toVolunteer(r, input.settings)),
        requests,
        activities: [],
        settings: input.settings,
        today: input.today,
        exclusions,
      },
      approved.map(([key]) => pairOf(key)),
    );
    const refused = check.refused.map(({ pair, reason }) => ({ ...pair, reason: message(reason) }));
    if (check.accepted.length === 0) {
      const first = refused
        .slice(0, 3)
        .map((r) => `依頼 ${r.requestId} と ${r.volunteerId}（${r.reason.ja}）`)
        .join('、');
      const firstEn = refused
        .slice(0, 3)
        .map((r) => `${r.requestId} and ${r.volunteerId} (${r.reason.en})`)
        .join(', ');
      throw new UserError(
        'match.allRefused',
        `承認された組み合わせはどれも確定できません: ${first}${refused.length > 3 ? ` ほか${refused.length - 3}組` : ''}。何も変更していません。`,
        `None of the approved pairs can be committed: ${firstEn}${refused.length > 3 ? ` and ${refused.length - 3} more` : ''}. Nothing was changed.`,
      );
    }
    const byRequest = new Map<string, string[]>();
    for (const pair of check.accepted)
      byRequest.set(pair.requestId, [...(byRequest.get(pair.requestId) ?? []), pair.volunteerId]);
    // The row matching used for an id: its first, in tab order then row order (a later duplicate is not matched).
    const requestById = new Map<string, HelpRequest>();
    for (const r of requests)
      if (!requestById.has(idKey(r.requestId ?? ''))) requestById.set(idKey(r.requestId ?? ''), r);
    const sheetByName = new Map(requestsSheets.map((s) => [s.name, s]));
    const writes: ValueWrite[] = [];
    for (const [requestId, ids] of byRequest) {
      const request = requestById.get(idKey(requestId)) as HelpRequest;
      // Into the sheet and row the request is on: one of the live 依頼 sheets.
      const target = sheetByName.get(request.sheet ?? '') ?? (requestsSheets[0] as SheetInput);
      const assignedColumn = target.mapping.columns.assignedVolunteers;
      const statusColumn = target.mapping.columns.status;
      if (assignedColumn === undefined || statusColumn === undefined) {
        throw new UserError(
          'match.noColumns',
          `依頼シート「${target.name}」に「担当ボランティア」と「状態」の列が必要です。何も変更していません。`,
          `The 依頼 sheet 「${target.name}」 needs the columns 担当ボランティア and 状態. Nothing was changed.`,
        );
      }
      const current = target.values[request.row - 1]?.[assignedColumn];
      writes.push({
        sheet: target.name,
        row: request.row,
        column: assignedColumn + 1,
        value: assignedCell(typeof current === 'string' ? current : String(current ?? ''), ids),
      });
      writes.push({ sheet: target.name, row: request.row, column: statusColumn + 1, value: '紹介済' });
    }
    const done = new Set([...check.accepted, ...check.already].map((p) => staffEntryKey(p.requestId, p.volunteerId)));
    const statusColumnHere = (sheet.ours.get('状態') as number) + 1;
    const history = History.load(ports);
    const changes: CellChange[] = [];
    atomically(ports, { ja: '確定', en: 'the commit' }, (tx) => {
      // A commit too large to record is refused before it writes.
      history.prepare(
        tx,
        estimateRecordChars(
          writes.map((w) => ({
            before: String(sheetByName.get(w.sheet)?.values[w.row - 1]?.[w.column - 1] ?? ''),
            after: String(w.value),
          })),
        ),
      );
      writeValues(ports.workbook, writes, changes, tx);
      // マッチング結果 is Tsunagu's own output, rewritten by the next run: its 状態 cells are not part
      // of the undoable change (a re-run would otherwise block 元に戻す), but they go with the commit.
      // The fingerprint of 依頼 before the commit stays: a second 確定 is refused (依頼 changed), and
      // after 元に戻す puts 依頼 back, the approved pairs can be committed again without a new run.
      writeValues(
        ports.workbook,
        approved
          .filter(([key]) => done.has(key))
          .map(([key]) => ({
            sheet: sheet.place.name,
            row: (sheet.entries.get(key) as StaffEntry).row,
            column: statusColumnHere,
            value: STATUS.committed,
          })),
        [],
        tx,
      );
      // Recorded last: the record purges what is too old, a deletion no write may follow.
      history.record(
        tx,
        'matchCommit',
        { ja: `マッチングの確定（${check.accepted.length}組）`, en: `committed matches (${check.accepted.length})` },
        changes,
        input.settings.historyRetentionDays,
      );
    });
    return { committed: check.accepted.length, requests: byRequest.size, refused, undo: undoInfo(history) };
  });
}
