/**
 * マッチング and 確定: match volunteers to open requests, rewrite マッチング結果 (keeping what
 * staff entered) and 不足分析, and write approved pairs into 依頼, undoably.
 */
import { UserError } from '../errors';
import { Fingerprint } from '../fingerprint';
import { restore, writeValues, type ValueWrite } from '../history/cells';
import type { CellChange } from '../history/types';
import { loadHistory, recordAction } from '../history/store';
import { OPEN_STATES, matchVolunteers, type MatchResult, type PairKey, type Reason } from '../match/index';
import { MATCHING_SHEET, SHORTAGE_SHEET } from '../output-sheets';
import type { CellValue } from '../ports';
import { toActivity, toHelpRequest, toVolunteer, type HelpRequest, type Volunteer } from '../sheets/records';
import { parseRows } from '../sheets/rows';
import { guardCell, guardFormula } from '../text/formula';
import type { SheetInput } from '../validate/types';
import type { CommitResult, MatchReport, MatchView, Message, RequestMatchView } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { undoInfo } from './undo';
import { readWorkbookInput } from './workbook-input';

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
const COL = {
  request: 0,
  category: 1,
  area: 2,
  volunteer: 3,
  name: 4,
  score: 5,
  reasons: 6,
  approved: 7,
  decision: 8,
  memo: 9,
  status: 10,
} as const;
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

/** What staff entered on one pair's row of マッチング結果. */
interface StaffEntry {
  approved: boolean;
  decision: string;
  memo: string;
  /** Columns staff added to the sheet, in their order: a formula as its formula, else the value. */
  extra: CellValue[];
  status: string;
  /** 1-based row in マッチング結果. */
  row: number;
}

const staffEntryKey = (requestId: string, volunteerId: string): string => `${requestId}\u0000${volunteerId}`;

function sheetOf(sheets: readonly SheetInput[], kind: SheetInput['kind']): SheetInput | undefined {
  return sheets.find((s) => s.kind === kind);
}

function records(sheet: SheetInput | undefined) {
  return sheet ? parseRows(sheet.kind, sheet.mapping, sheet.values, sheet.display).records : [];
}

/** The staff entries of the current マッチング結果, and the headers of columns staff added. */
function readStaffEntries(ports: AppPorts): { entries: Map<string, StaffEntry>; extraHeaders: string[] } {
  const data = ports.workbook.read(MATCHING_SHEET);
  const entries = new Map<string, StaffEntry>();
  if (!data || data.values.length === 0) return { entries, extraHeaders: [] };
  const width = (data.values[0] as CellValue[]).length;
  const formulas =
    ports.workbook.readBlock(MATCHING_SHEET, { row: 1, column: 1, rows: data.values.length, columns: width }, [
      'formulas',
    ]).formulas ?? [];
  const header = (data.values[0] as CellValue[]).map((h) => String(h).trim());
  const at = (name: string): number => header.indexOf(name);
  // Every column that is not one of ours (first occurrence) is staff's: kept by position, blank or repeated headers included.
  const extraIndexes = header
    .map((_, i) => i)
    .filter((i) => at(header[i] as string) !== i || RESULT_HEADER.indexOf(header[i] as string) < 0);
  const extraHeaders = extraIndexes.map((i) => header[i] as string);
  for (let r = 1; r < data.values.length; r++) {
    const row = data.values[r] as CellValue[];
    const requestId = String(row[at('依頼番号')] ?? '').trim();
    const volunteerId = String(row[at('登録番号')] ?? '').trim();
    if (requestId === '' || volunteerId === '') continue;
    entries.set(staffEntryKey(requestId, volunteerId), {
      approved: row[at('承認')] === true,
      decision: String(row[at('指定')] ?? '').trim(),
      memo: String(row[at('メモ')] ?? ''),
      extra: extraIndexes.map((i) => {
        const formula = formulas[r]?.[i] ?? '';
        // Staff's own formula stays a formula; their text is written back as text.
        return formula !== '' ? formula : guardCell(row[i] ?? '');
      }),
      status: String(row[at('状態')] ?? '').trim(),
      row: r + 1,
    });
  }
  return { entries, extraHeaders };
}

/** The fingerprint of the 依頼 sheet's values: 確定 refuses when it changed after the run. */
function requestsFingerprint(sheet: SheetInput | undefined): string {
  const print = new Fingerprint();
  for (const row of sheet?.values ?? []) for (const cell of row) print.addCell(cell);
  return print.toString();
}

interface MatchRun {
  result: MatchResult;
  volunteers: Volunteer[];
  requests: HelpRequest[];
  requestsSheet: SheetInput | undefined;
  entries: Map<string, StaffEntry>;
  extraHeaders: string[];
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

function runMatch(ports: AppPorts): MatchRun {
  const input = readWorkbookInput(ports, MATCH_KINDS, MATCH_FIELDS);
  const rosterSheet = sheetOf(input.sheets, 'volunteers');
  const requestsSheet = sheetOf(input.sheets, 'requests');
  if (!rosterSheet || !requestsSheet) {
    throw new UserError(
      'match.noSheets',
      'マッチングにはボランティア名簿と依頼のシートが必要です。シート準備で作成するか、見出し行を確認してください。',
      'Matching needs a ボランティア名簿 sheet and a 依頼 sheet. Create them with シート準備 or check their header rows.',
    );
  }
  const volunteers = records(rosterSheet).map((r) => toVolunteer(r, input.settings));
  const requests = records(requestsSheet).map((r) => toHelpRequest(r, input.settings));
  const activities = records(sheetOf(input.sheets, 'activities')).map((r) => toActivity(r));
  const { entries, extraHeaders } = readStaffEntries(ports);
  const pins: PairKey[] = [];
  const exclusions: PairKey[] = [];
  for (const [key, entry] of entries) {
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
  return { result, volunteers, requests, requestsSheet, entries, extraHeaders };
}

const joinReasons = (reasons: readonly Reason[]): string => reasons.map((r) => r.ja).join('・');
const message = (r: Reason): Message => ({ ja: r.ja, en: r.en });

/** マッチング結果's rows: each request's pairs, its excluded pairs, and a row for places left unfilled. */
function resultRows(run: MatchRun): CellValue[][] {
  const { result, requests, entries, extraHeaders } = run;
  const names = new Map(run.volunteers.map((v) => [v.volunteerId ?? '', v.name ?? '']));
  const byRequest = new Map<string, typeof result.assignments>();
  for (const a of result.assignments) {
    const list = byRequest.get(a.requestId) ?? [];
    list.push(a);
    byRequest.set(a.requestId, list);
  }
  const unmatched = new Map(result.unmatched.map((u) => [u.requestId, u]));
  const rows: CellValue[][] = [];
  const row = (request: HelpRequest, volunteerId: string, score: CellValue, reasons: string, status: string): void => {
    const entry = volunteerId ? entries.get(staffEntryKey(request.requestId ?? '', volunteerId)) : undefined;
    rows.push([
      guardFormula(request.requestId ?? ''),
      guardFormula(request.category ?? ''),
      guardFormula(request.area ?? ''),
      guardFormula(volunteerId),
      guardFormula(volunteerId ? (names.get(volunteerId) ?? '') : ''),
      score,
      guardFormula(reasons),
      volunteerId !== '' && status !== STATUS.excluded ? (entry?.approved ?? false) : '',
      entry?.decision ?? '',
      guardFormula(entry?.memo ?? ''),
      status,
      ...extraHeaders.map((_, i) => entry?.extra[i] ?? ''),
    ]);
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
  return rows;
}

function shortageRows(result: MatchResult): CellValue[][] {
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

function view(ports: AppPorts, run: MatchRun): MatchView {
  const { result, requests, entries } = run;
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
  const approved = [...entries.values()].filter(
    (e) => e.approved && e.status !== STATUS.committed && e.status !== STATUS.excluded,
  ).length;
  return {
    requests: views,
    stats: result.stats,
    shortages: [...result.shortages]
      .sort((a, b) => b.places - a.places)
      .slice(0, 30)
      .map((s) => ({ dimension: s.dimension, key: s.key, places: s.places })),
    warnings: result.warnings.map(message),
    resultSheet: MATCHING_SHEET,
    shortageSheet: SHORTAGE_SHEET,
    approved,
    undo: undoInfo(loadHistory(ports.workbook)),
  };
}

/** マッチング: matches, rewrites マッチング結果 and 不足分析, and remembers what 依頼 looked like. */
export function runMatching(ports: AppPorts): MatchView {
  return ports.lock.run(() => {
    const run = runMatch(ports);
    ports.workbook.writeOutputSheet({
      name: MATCHING_SHEET,
      header: [...RESULT_HEADER, ...run.extraHeaders],
      rows: resultRows(run),
      hidden: false,
      textColumns: [COL.request, COL.volunteer, COL.memo],
      checkboxColumns: [COL.approved],
      dropdowns: [{ column: COL.decision, values: [PIN, EXCLUDE], allowInvalid: false }],
    });
    ports.workbook.writeOutputSheet({
      name: SHORTAGE_SHEET,
      header: SHORTAGE_HEADER,
      rows: shortageRows(run.result),
      hidden: false,
      textColumns: [1, 3],
      checkboxColumns: [],
    });
    ports.store.set(FINGERPRINT_KEY, requestsFingerprint(run.requestsSheet));
    // The sheet was rewritten: staff entries now sit on the new rows.
    run.entries = readStaffEntries(ports).entries;
    return view(ports, run);
  });
}

/** The full result without writing anything (the CLI's report). */
export function getMatchReport(ports: AppPorts): MatchReport {
  const { result } = runMatch(ports);
  return {
    assignments: result.assignments.map((a) => ({
      requestId: a.requestId,
      volunteerId: a.volunteerId,
      score: a.score,
      reasons: a.reasons.map((r) => r.ja),
    })),
    unmatched: result.unmatched.map((u) => ({
      requestId: u.requestId,
      missing: u.missing,
      reasons: u.reasons.map((r) => r.ja),
    })),
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

function entryOf(ports: AppPorts, requestId: string, volunteerId: string): StaffEntry {
  const entry = readStaffEntries(ports).entries.get(staffEntryKey(requestId, volunteerId));
  if (!entry) {
    throw new UserError(
      'match.pairNotFound',
      `マッチング結果に 依頼 ${requestId} と ${volunteerId} の組み合わせがありません。マッチングを実行し直してください。`,
      `マッチング結果 has no pair of request ${requestId} and ${volunteerId}. Please run matching again.`,
    );
  }
  return entry;
}

/** 固定 / 除外 / clear for one pair (written in マッチング結果's 指定 column), then matches again. */
export function setPairDecision(
  ports: AppPorts,
  requestId: string,
  volunteerId: string,
  decision: 'pin' | 'exclude' | 'none',
): MatchView {
  ports.lock.run(() => {
    const entry = entryOf(ports, requestId, volunteerId);
    const value = decision === 'pin' ? PIN : decision === 'exclude' ? EXCLUDE : '';
    ports.workbook.writeBlock(
      MATCHING_SHEET,
      { row: entry.row, column: COL.decision + 1, rows: 1, columns: 1 },
      { values: [[value]] },
    );
  });
  return runMatching(ports);
}

/** Ticks or clears 承認 for one pair. */
export function setApproval(
  ports: AppPorts,
  requestId: string,
  volunteerId: string,
  approved: boolean,
): { approved: number } {
  return ports.lock.run(() => {
    const entry = entryOf(ports, requestId, volunteerId);
    if (entry.status === STATUS.excluded || entry.status === STATUS.committed) {
      throw new UserError(
        'match.notApprovable',
        'この組み合わせは承認できません（除外または確定済み）。',
        'This pair cannot be approved (excluded or already committed).',
      );
    }
    ports.workbook.writeBlock(
      MATCHING_SHEET,
      { row: entry.row, column: COL.approved + 1, rows: 1, columns: 1 },
      { values: [[approved]] },
    );
    const entries = readStaffEntries(ports).entries;
    return {
      approved: [...entries.values()].filter(
        (e) => e.approved && e.status !== STATUS.committed && e.status !== STATUS.excluded,
      ).length,
    };
  });
}

/**
 * 確定: writes every approved pair into 依頼 (担当ボランティア gains the id, 状態 becomes 紹介済),
 * all or nothing, under the lock, recorded for 元に戻す. Refuses when 依頼 changed after the run.
 */
export function commitMatches(ports: AppPorts): CommitResult {
  return ports.lock.run(() => {
    const input = readWorkbookInput(ports, ['requests', 'volunteers'], MATCH_FIELDS);
    const requestsSheet = sheetOf(input.sheets, 'requests');
    const stored = ports.store.get(FINGERPRINT_KEY);
    if (!requestsSheet || stored === null || stored !== requestsFingerprint(requestsSheet)) {
      throw new UserError(
        'match.changed',
        'マッチングの後に依頼シートが変更されたため、確定しませんでした。もう一度マッチングを実行してください。',
        'The 依頼 sheet changed after matching, so nothing was committed. Please run matching again.',
      );
    }
    const assignedColumn = requestsSheet.mapping.columns.assignedVolunteers;
    const statusColumn = requestsSheet.mapping.columns.status;
    if (assignedColumn === undefined || statusColumn === undefined) {
      throw new UserError(
        'match.noColumns',
        '依頼シートに「担当ボランティア」と「状態」の列が必要です。',
        'The 依頼 sheet needs the columns 担当ボランティア and 状態.',
      );
    }
    const staff = readStaffEntries(ports).entries;
    // 除外 chosen in the sheet after the run wins over a tick in 承認.
    const approved = [...staff.entries()].filter(
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
    const requests = new Map(
      records(requestsSheet)
        .map((r) => toHelpRequest(r, input.settings))
        .map((r) => [r.requestId ?? '', r]),
    );
    const roster = new Map(
      records(sheetOf(input.sheets, 'volunteers'))
        .map((r) => toVolunteer(r, input.settings))
        .map((v) => [v.volunteerId ?? '', v]),
    );
    const added = new Map<string, string[]>();
    // Rows typed or changed by hand in マッチング結果 are checked again: all of them pass, or nothing is written.
    for (const [key] of approved) {
      const [requestId, volunteerId] = key.split('\u0000') as [string, string];
      const request = requests.get(requestId);
      if (!request || (OPEN_STATES as readonly string[]).indexOf(request.status ?? '') < 0) {
        throw new UserError(
          'match.requestNotOpen',
          `依頼 ${requestId} は依頼シートにないか、受付・調整中ではありません。確定しませんでした。`,
          `Request ${requestId} is not in the 依頼 sheet or is not 受付/調整中; nothing was committed.`,
        );
      }
      const volunteer = roster.get(volunteerId);
      if (!volunteer || (volunteer.status ?? '活動中') !== '活動中') {
        throw new UserError(
          'match.volunteerNotActive',
          `${volunteerId} はボランティア名簿にないか、活動中ではありません。確定しませんでした。`,
          `${volunteerId} is not in the roster or is not 活動中; nothing was committed.`,
        );
      }
      added.set(requestId, [...(added.get(requestId) ?? []), volunteerId]);
    }
    const writes: ValueWrite[] = [];
    for (const [requestId, ids] of added) {
      const request = requests.get(requestId) as HelpRequest;
      // The new ids are added after what the cell already says, which is kept as staff wrote it.
      const written = String(requestsSheet.values[request.row - 1]?.[assignedColumn] ?? '').trim();
      const fresh = ids.filter((id) => request.assignedVolunteers.indexOf(id) < 0).join('、');
      writes.push({
        sheet: requestsSheet.name,
        row: request.row,
        column: assignedColumn + 1,
        value: written === '' ? fresh : `${written}、${fresh}`,
      });
      writes.push({ sheet: requestsSheet.name, row: request.row, column: statusColumn + 1, value: '紹介済' });
    }
    const actions = loadHistory(ports.workbook);
    const changes: CellChange[] = [];
    try {
      writeValues(ports.workbook, writes, changes);
      recordAction(
        ports.workbook,
        ports.clock,
        actions,
        'matchCommit',
        { ja: `マッチングの確定（${approved.length}組）`, en: `committed matches (${approved.length})` },
        changes,
      );
    } catch (error) {
      restore(ports.workbook, changes);
      if (error instanceof UserError) throw error;
      throw new UserError(
        'write.failed',
        '確定を書き込めなかったため、すべて元に戻しました。',
        'The commit could not be written, so all of it was rolled back.',
      );
    }
    ports.store.remove(FINGERPRINT_KEY);
    // マッチング結果 is Tsunagu's own output, rewritten by the next run: its 状態 cells are not
    // part of the undoable change (a re-run would otherwise block 元に戻す), and failing to mark
    // them must not turn a committed action into an error.
    try {
      writeValues(
        ports.workbook,
        approved.map(([key]) => ({
          sheet: MATCHING_SHEET,
          row: (staff.get(key) as StaffEntry).row,
          column: COL.status + 1,
          value: STATUS.committed,
        })),
      );
    } catch {
      // The next マッチング run rewrites the sheet anyway.
    }
    return { committed: approved.length, requests: added.size, undo: undoInfo(actions) };
  });
}
