/** Defines RunContext: what every rule of one validation run shares — today, the fiscal year, settings, and the ids other sheets refer to. */
import type { Settings } from '../sheets/settings';
import type { SheetKind } from '../sheets/types';
import { fiscalYearOf } from '../text/date';
import { splitMulti } from '../text/multi';
import type { PlainDate } from '../text/plainDate';
import type { SheetView } from './view';

/** Where a row is, for messages that name another row: 依頼 R-0012（依頼 5行目）. */
export interface RowRef {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The id as written (normalised). */
  readonly id: string;
}

export interface RosterEntry extends RowRef {
  /** 活動中 / 休止 / 退会 as written (spaces removed), or null when blank. */
  readonly status: string | null;
}

/**
 * The ids the sheets refer to each other by. Each index is built the first time a rule asks
 * for it (a workbook without 依頼 or 活動記録 never builds the roster index), then kept for the run.
 */
export class References {
  private rosterIndex: Map<string, RosterEntry> | null | undefined;
  private requestIndex: Map<string, RowRef> | null | undefined;
  private assignments: Map<string, RowRef[]> | undefined;

  constructor(private readonly views: readonly SheetView[]) {}

  /** 登録番号 → its first roster row; null when the workbook has no ボランティア名簿 with a 登録番号 column. */
  get roster(): ReadonlyMap<string, RosterEntry> | null {
    if (this.rosterIndex === undefined) this.rosterIndex = buildRoster(this.views);
    return this.rosterIndex;
  }

  /** 依頼番号 → its first row; null when the workbook has no 依頼 sheet with a 依頼番号 column. */
  get requests(): ReadonlyMap<string, RowRef> | null {
    if (this.requestIndex === undefined) this.requestIndex = buildRequests(this.views);
    return this.requestIndex;
  }

  /** 登録番号 → the open requests (紹介済 / 活動中) that list it in 担当ボランティア. */
  get openAssignments(): ReadonlyMap<string, readonly RowRef[]> {
    if (this.assignments === undefined) this.assignments = buildAssignments(this.views);
    return this.assignments;
  }
}

export interface RunContext {
  readonly settings: Settings;
  readonly today: PlainDate;
  readonly todayDay: number;
  readonly todayISO: string;
  /** 年度開始月, 1–12 (4 when 設定 holds something unusable). */
  readonly startMonth: number;
  /** The fiscal year today is in. */
  readonly currentFiscalYear: number;
  readonly refs: References;
  /**
   * What the rules that compare rows across every sheet of one kind share (a 退会者 archive beside
   * the roster, a roster in two sheets): made the first time a sheet of the kind asks, under a key
   * the rule chooses, then kept for the run. Sheets are checked in tab order, so a row is compared
   * with the rows of the earlier sheets of its kind and with the rows above it.
   */
  shared<T>(key: string, make: () => T): T;
}

/** Where a value was first seen, among every sheet of a kind (RunContext.shared). */
export interface FirstSeen {
  readonly sheet: string;
  /** 0-based row. */
  readonly r: number;
}

/** That row as a message names it: 「3行目」 on the same sheet, 「シート「退会者」の3行目」 on another. */
export function seenAt(seen: FirstSeen, sheet: string): { ja: string; en: string } {
  return seen.sheet === sheet
    ? { ja: `${seen.r + 1}行目`, en: `row ${seen.r + 1}` }
    : { ja: `シート「${seen.sheet}」の${seen.r + 1}行目`, en: `row ${seen.r + 1} of sheet 「${seen.sheet}」` };
}

/**
 * A registry for RunContext.shared: in `made` when given (what the earlier parts of a 検証 in parts
 * found, carried over by chunks.ts, and where the caller reads what this part adds).
 */
export function sharedState(made: Map<string, unknown> = new Map()): <T>(key: string, make: () => T) => T {
  return <T>(key: string, make: () => T): T => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key) as T;
  };
}

const SPACES = /\s+/g;

/**
 * A status or list word as compared: without spaces. Takes text already normalised
 * (SheetView.text, splitMulti), so width differences are gone too.
 */
export function statusKey(text: string): string {
  return text.indexOf(' ') < 0 && text.indexOf('\n') < 0 ? text : text.replace(SPACES, '');
}

/** The key ids are compared by (normalised text in): without spaces, Latin letters upper-case (v-0001 is V-0001). */
export function idKey(text: string): string {
  const k = statusKey(text);
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 97 && c <= 122) return k.toUpperCase();
  }
  return k;
}

/** Requests in these states have a volunteer at work for them. */
export const OPEN_WITH_VOLUNTEERS: ReadonlySet<string> = new Set(['紹介済', '活動中']);

/** The ids in a multi-value id cell (担当ボランティア, 登録番号 of 活動記録). */
export function idsIn(text: string | null): string[] {
  return text === null ? [] : splitMulti(text);
}

function buildRoster(views: readonly SheetView[]): Map<string, RosterEntry> | null {
  let roster: Map<string, RosterEntry> | null = null;
  for (const view of views) {
    if (view.kind !== 'volunteers') continue;
    const idCol = view.column('volunteerId');
    const statusCol = view.column('status');
    // Without a 登録番号 column the roster cannot answer "is this id registered?".
    if (!idCol) continue;
    if (!roster) roster = new Map();
    const rows = view.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const id = view.text(r, idCol);
      if (id === null) continue;
      const key = idKey(id);
      if (roster.has(key)) continue;
      const status = view.text(r, statusCol);
      roster.set(key, { sheet: view.name, row: r + 1, id, status: status === null ? null : statusKey(status) });
    }
  }
  return roster;
}

function buildRequests(views: readonly SheetView[]): Map<string, RowRef> | null {
  let requests: Map<string, RowRef> | null = null;
  for (const view of views) {
    if (view.kind !== 'requests') continue;
    const idCol = view.column('requestId');
    if (!idCol) continue;
    if (!requests) requests = new Map();
    for (const r of view.rows) {
      const id = view.text(r, idCol);
      if (id !== null && !requests.has(idKey(id))) requests.set(idKey(id), { sheet: view.name, row: r + 1, id });
    }
  }
  return requests;
}

function buildAssignments(views: readonly SheetView[]): Map<string, RowRef[]> {
  const open = new Map<string, RowRef[]>();
  for (const view of views) {
    if (view.kind !== 'requests') continue;
    const idCol = view.column('requestId');
    const statusCol = view.column('status');
    const assignedCol = view.column('assignedVolunteers');
    if (!statusCol || !assignedCol) continue;
    for (const r of view.rows) {
      const status = view.text(r, statusCol);
      if (status === null || !OPEN_WITH_VOLUNTEERS.has(statusKey(status))) continue;
      const id = view.text(r, idCol);
      for (const v of idsIn(view.text(r, assignedCol))) {
        const key = idKey(v);
        let list = open.get(key);
        if (!list) open.set(key, (list = []));
        list.push({ sheet: view.name, row: r + 1, id: id ?? '' });
      }
    }
  }
  return open;
}

/** The fiscal year start month from 設定, or April when it is unusable (fiscalYearOf would throw). */
export function safeStartMonth(settings: Settings): number {
  const m = settings?.fiscalYearStartMonth;
  return typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12 ? m : 4;
}

export function currentFiscalYear(today: PlainDate, startMonth: number): number {
  return fiscalYearOf(today, startMonth);
}

/** The kinds that record what has happened: their dates cannot be after today. */
export const DATA_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>([
  'volunteers',
  'requests',
  'donations',
  'memberships',
  'activities',
  'consultations',
  'volunteerFormAnswers',
]);
