/** Defines RunContext: what every rule of one validation run shares — today, the fiscal year, settings, and the ids other sheets refer to. */
import type { Settings } from '../sheets/settings';
import type { SheetKind } from '../sheets/types';
import { fiscalYearOf } from '../text/date';
import { splitMulti } from '../text/multi';
import type { PlainDate } from '../text/plainDate';
import { listKey, type SheetView } from './view';

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

/** The ids the sheets refer to each other by, read once per run. */
export interface References {
  /** 登録番号 → its first roster row; null when the workbook has no ボランティア名簿. */
  readonly roster: ReadonlyMap<string, RosterEntry> | null;
  /** 依頼番号 → its first row; null when the workbook has no 依頼 sheet. */
  readonly requests: ReadonlyMap<string, RowRef> | null;
  /** 登録番号 → the open requests (紹介済 / 活動中) that list it in 担当ボランティア. */
  readonly openAssignments: ReadonlyMap<string, readonly RowRef[]>;
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
}

/** The key ids are compared by: normalised, without spaces, Latin letters upper-case (v-0001 is V-0001). */
export function idKey(s: string): string {
  return listKey(s).toUpperCase();
}

/** A status or list word compared without spaces and width differences. */
export const statusKey = listKey;

/** Requests in these states have a volunteer at work for them. */
export const OPEN_WITH_VOLUNTEERS: ReadonlySet<string> = new Set(['紹介済', '活動中']);

/** The ids in a multi-value id cell (担当ボランティア, 登録番号 of 活動記録). */
export function idsIn(text: string | null): string[] {
  return text === null ? [] : splitMulti(text);
}

export function buildReferences(views: readonly SheetView[]): References {
  let roster: Map<string, RosterEntry> | null = null;
  let requests: Map<string, RowRef> | null = null;
  const openAssignments = new Map<string, RowRef[]>();
  for (const view of views) {
    if (view.kind === 'volunteers') {
      const idCol = view.column('volunteerId');
      const statusCol = view.column('status');
      // Without a 登録番号 column the roster cannot answer "is this id registered?".
      if (!idCol) continue;
      if (!roster) roster = new Map();
      for (const r of view.rows) {
        const id = view.text(r, idCol);
        if (id === null) continue;
        const key = idKey(id);
        if (roster.has(key)) continue;
        const status = view.text(r, statusCol);
        roster.set(key, { sheet: view.name, row: r + 1, id, status: status === null ? null : statusKey(status) });
      }
    } else if (view.kind === 'requests') {
      const idCol = view.column('requestId');
      if (idCol && !requests) requests = new Map();
      const statusCol = view.column('status');
      const assignedCol = view.column('assignedVolunteers');
      for (const r of view.rows) {
        const id = view.text(r, idCol);
        if (requests && id !== null && !requests.has(idKey(id))) requests.set(idKey(id), { sheet: view.name, row: r + 1, id });
        const status = view.text(r, statusCol);
        if (status === null || !OPEN_WITH_VOLUNTEERS.has(statusKey(status))) continue;
        for (const v of idsIn(view.text(r, assignedCol))) {
          const key = idKey(v);
          let list = openAssignments.get(key);
          if (!list) openAssignments.set(key, (list = []));
          list.push({ sheet: view.name, row: r + 1, id: id ?? '' });
        }
      }
    }
  }
  return { roster, requests, openAssignments };
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
