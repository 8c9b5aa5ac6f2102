/** Defines the matcher's own view of the sheets: volunteers and requests read once into what the constraints and scores compare. */
import type { Activity, HelpRequest, Volunteer } from '../sheets/records';
import { areaOfPlace, settingsList, type Settings } from '../sheets/settings';
import { parseAvailability, type Slot } from '../text/availability';
import { fiscalYearOf } from '../text/date';
import { normalizeText } from '../text/normalize';
import type { PlainDate } from '../text/plainDate';
import type { PairKey, Reason } from './types';

/** Request states the matcher fills; the others (紹介済, 活動中, 終了, 不成立) are left alone. */
export const OPEN_STATES: readonly string[] = ['受付', '調整中'];
/** Request states whose volunteers are busy: they use up 月間上限. */
export const BUSY_STATES: readonly string[] = ['紹介済', '活動中'];
/** Request states that mean the volunteer actually helped (continuity). */
export const HELPED_STATES: readonly string[] = ['紹介済', '活動中', '終了'];
export const DEFAULT_MONTHLY_LIMIT = 4;
export const DEFAULT_NEEDED = 1;
/** Fairness looks at assignments of requests received in this many days up to today. */
export const RECENT_DAYS = 90;

/** Names of the 設定 list of 内容区分 that need ボランティア活動保険 (the first present is used). */
export const INSURANCE_LIST_NAMES: readonly string[] = [
  '保険が必要な内容区分',
  '保険必須の内容区分',
  '保険対象の内容区分',
];

// ───────── keys ─────────

/** How ids are compared: normalised, without spaces, Latin letters upper-case (v-0001 is V-0001). */
export function idKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '').toUpperCase();
}

/** How 依頼者 names are compared: normalised, without spaces ('山田 太郎' is '山田太郎'). */
export function personKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

export function pairKeyOf(requestKey: string, volunteerKey: string): string {
  return `${requestKey}\u0000${volunteerKey}`;
}

function stateOf(status: string | null): string {
  return status === null ? '' : normalizeText(status).replace(/\s+/g, '');
}

// ───────── weekly slots as bits: bit day × 3 + period ─────────

const PERIOD_INDEX: Readonly<Record<Slot['period'], number>> = { am: 0, pm: 1, night: 2 };
const PERIODS: readonly Slot['period'][] = ['am', 'pm', 'night'];

/** The slots an availability list can be read as, as a 21-bit mask; 0 when blank or unreadable. */
export function slotMask(cells: readonly string[]): number {
  if (cells.length === 0) return 0;
  const parsed = parseAvailability(cells.join('、'));
  if (!parsed.ok) return 0;
  let mask = 0;
  for (const s of parsed.slots) mask |= 1 << (s.day * 3 + (PERIOD_INDEX[s.period] as number));
  return mask;
}

export function slotsOfMask(mask: number): Slot[] {
  const out: Slot[] = [];
  for (let bit = 0; bit < 21; bit++) {
    if (mask & (1 << bit))
      out.push({ day: Math.floor(bit / 3) as Slot['day'], period: PERIODS[bit % 3] as Slot['period'] });
  }
  return out;
}

export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

// ───────── gender ─────────

export type Gender = 'female' | 'male';

/** 女性/女/F → female, 男性/男/M → male; anything else (blank, その他, 回答しない) → null. */
export function genderOf(text: string | null): Gender | null {
  if (text === null) return null;
  const t = normalizeText(text).replace(/\s+/g, '').toLowerCase();
  const f = t.indexOf('女') >= 0 || t === 'f' || t === 'female' || t === 'woman';
  const m = t.indexOf('男') >= 0 || t === 'm' || t === 'male' || t === 'man';
  if (f === m) return null;
  return f ? 'female' : 'male';
}

/** A 性別希望: null for none (blank, 不問, どちらでも, 男女どちらでも …). */
export function genderPreferenceOf(text: string | null): Gender | null {
  if (text === null) return null;
  const t = normalizeText(text).replace(/\s+/g, '');
  if (/不問|どちら|問わ|なし|無し|指定しない|こだわらない|^-$/.test(t)) return null;
  return genderOf(t);
}

export const GENDER_JA: Readonly<Record<Gender, string>> = { female: '女性', male: '男性' };

// ───────── the model ─────────

export interface VolunteerInfo {
  /** Position in `volunteers` (sheet order). */
  readonly index: number;
  readonly record: Volunteer;
  readonly id: string;
  readonly key: string;
  readonly active: boolean;
  /** 退会: no longer on the roster for matching or for explaining unmet needs. */
  readonly withdrawn: boolean;
  /** 状態 as written (normalised), '' when blank. */
  readonly state: string;
  readonly consent: boolean;
  readonly area: string | null;
  readonly district: string | null;
  readonly skills: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
  readonly gender: Gender | null;
  readonly slots: number;
  readonly insuranceYear: number | null;
  readonly limit: number;
  /** Requests 紹介済/活動中 listing them. */
  readonly busy: number;
  /** limit − busy, at least 0. */
  readonly capacity: number;
  /** Requests (not 不成立) listing them, received in the last RECENT_DAYS days. */
  readonly recent: number;
  readonly fields: readonly string[];
}

export interface RequestInfo {
  readonly index: number;
  readonly record: HelpRequest;
  readonly id: string;
  readonly key: string;
  /** 受付 or 調整中. */
  readonly open: boolean;
  readonly area: string | null;
  readonly district: string | null;
  /** 圏域 within reach: its own and the adjacent ones. */
  readonly reach: ReadonlySet<string>;
  readonly remote: boolean;
  readonly skills: readonly string[];
  /** Asked languages other than 日本語: a volunteer needs one of them. */
  readonly languages: readonly string[];
  readonly gender: Gender | null;
  readonly slots: number;
  /** The fiscal year the insurance must cover: of 受付日, or of today when blank. */
  readonly fiscalYear: number;
  readonly needsInsurance: boolean;
  /** Volunteer keys already on the request (担当ボランティア). */
  readonly assigned: ReadonlySet<string>;
  /** 必要人数 (default 1) − already assigned, at least 0; 0 unless open. */
  readonly places: number;
  readonly requesterKey: string | null;
  /** Days from 受付日 to today; null when blank. */
  readonly waitingDays: number | null;
}

export interface MatchModel {
  readonly volunteers: readonly VolunteerInfo[];
  readonly volunteerByKey: ReadonlyMap<string, VolunteerInfo>;
  readonly requests: readonly RequestInfo[];
  readonly requestByKey: ReadonlyMap<string, RequestInfo>;
  /** 依頼者 key → volunteer keys who helped them before (依頼 and 活動記録). */
  readonly helpedBy: ReadonlyMap<string, ReadonlySet<string>>;
  /** Adjacent 圏域 of each 圏域 (both directions). */
  readonly adjacent: ReadonlyMap<string, ReadonlySet<string>>;
  readonly exclusions: ReadonlySet<string>;
  readonly warnings: Reason[];
}

/** Records in sheet order: by their sheet's place among the sheets of the kind (tab order), then by row. */
function byRow<T extends { row: number; sheetIndex?: number }>(rows: readonly T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.sheetIndex ?? 0) - (b.r.sheetIndex ?? 0) || a.r.row - b.r.row || a.i - b.i)
    .map((x) => x.r);
}

/** 「名簿 5行目」: a row named with its sheet when the record says which sheet it is on. */
function placeJa(record: { row: number; sheet?: string }, kind: string): string {
  return record.sheet === undefined ? `${kind}の${record.row}行目` : `「${record.sheet}」の${record.row}行目`;
}

function placeEn(record: { row: number; sheet?: string }, kind: string): string {
  return record.sheet === undefined ? `row ${record.row} of ${kind}` : `row ${record.row} of 「${record.sheet}」`;
}

/** The 内容区分 that need insurance, or null for every one (no list in 設定, or an empty one). */
export function insuranceCategories(settings: Settings): ReadonlySet<string> | null {
  for (const name of INSURANCE_LIST_NAMES) {
    const list = settingsList(settings, name);
    if (list && list.length > 0) return new Set(list.map(normalizeText));
  }
  return null;
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function warning(code: string, ja: string, en: string): Reason {
  return { code, ja, en };
}

/** Reads the sheets' records into the model: sorted by row, ids keyed, duplicates and id-less rows reported and left out. */
export function buildModel(
  volunteers: readonly Volunteer[],
  requests: readonly HelpRequest[],
  activities: readonly Activity[],
  settings: Settings,
  today: PlainDate,
  exclusions: readonly PairKey[],
): MatchModel {
  const warnings: Reason[] = [];
  const startMonth = settings.fiscalYearStartMonth;
  const todayNumber = today.toDayNumber();
  const insured = insuranceCategories(settings);

  const adjacent = new Map<string, Set<string>>();
  for (const [a, b] of settings.adjacentAreas) {
    add(adjacent, a, b);
    add(adjacent, b, a);
  }
  const areaOf = (area: string | null, district: string | null): string | null =>
    area !== null ? area : district !== null ? areaOfPlace(settings, district) : null;

  // Who is busy, who was recently asked, who helped whom: one pass over every request row.
  const sortedRequests = byRow(requests);
  const busy = new Map<string, number>();
  const recent = new Map<string, number>();
  const helpedBy = new Map<string, Set<string>>();
  const requesterOfId = new Map<string, string>();
  for (const r of sortedRequests) {
    const state = stateOf(r.status);
    const requester = r.requester === null ? null : personKey(r.requester);
    if (r.requestId !== null && requester !== null && !requesterOfId.has(idKey(r.requestId)))
      requesterOfId.set(idKey(r.requestId), requester);
    const isRecent =
      r.receivedOn !== null &&
      todayNumber - r.receivedOn.toDayNumber() <= RECENT_DAYS &&
      r.receivedOn.toDayNumber() <= todayNumber;
    const seen = new Set<string>();
    for (const v of r.assignedVolunteers) {
      const k = idKey(v);
      if (seen.has(k)) continue;
      seen.add(k);
      if (BUSY_STATES.indexOf(state) >= 0) busy.set(k, (busy.get(k) ?? 0) + 1);
      if (isRecent && state !== '不成立') recent.set(k, (recent.get(k) ?? 0) + 1);
      if (requester !== null && HELPED_STATES.indexOf(state) >= 0) add(helpedBy, requester, k);
    }
  }
  for (const a of byRow(activities)) {
    if (a.requestId === null) continue;
    const requester = requesterOfId.get(idKey(a.requestId));
    if (requester === undefined) continue;
    for (const v of a.volunteerIds) add(helpedBy, requester, idKey(v));
  }

  const vInfos: VolunteerInfo[] = [];
  const volunteerByKey = new Map<string, VolunteerInfo>();
  let noId = 0;
  for (const v of byRow(volunteers)) {
    if (v.volunteerId === null) {
      noId++;
      continue;
    }
    const key = idKey(v.volunteerId);
    const first = volunteerByKey.get(key);
    if (first) {
      warnings.push(
        warning(
          'volunteer.duplicateId',
          first.record.sheet === v.sheet
            ? `登録番号 ${v.volunteerId} が${first.record.sheet === undefined ? '名簿' : `「${first.record.sheet}」`}の${first.record.row}行目と${v.row}行目にあります。${first.record.row}行目だけをマッチングに使います`
            : `登録番号 ${v.volunteerId} が${placeJa(first.record, '名簿')}と${placeJa(v, '名簿')}にあります。${placeJa(first.record, '名簿')}だけをマッチングに使います`,
          first.record.sheet === v.sheet
            ? `登録番号 ${v.volunteerId} is on rows ${first.record.row} and ${v.row} of ${first.record.sheet === undefined ? 'the roster' : `「${first.record.sheet}」`}; only row ${first.record.row} is matched`
            : `登録番号 ${v.volunteerId} is on ${placeEn(first.record, 'the roster')} and ${placeEn(v, 'the roster')}; only ${placeEn(first.record, 'the roster')} is matched`,
        ),
      );
      continue;
    }
    const limit = v.monthlyLimit === null ? DEFAULT_MONTHLY_LIMIT : Math.max(0, Math.floor(v.monthlyLimit));
    const b = busy.get(key) ?? 0;
    const info: VolunteerInfo = {
      index: vInfos.length,
      record: v,
      id: v.volunteerId,
      key,
      active: stateOf(v.status) === '活動中',
      withdrawn: stateOf(v.status) === '退会',
      state: stateOf(v.status),
      consent: v.consent === true,
      area: areaOf(v.area, v.district),
      district: v.district,
      skills: new Set(v.skills),
      languages: new Set(v.languages),
      gender: genderOf(v.gender),
      slots: slotMask(v.availability),
      insuranceYear: v.insuranceYear,
      limit,
      busy: b,
      capacity: Math.max(0, limit - b),
      recent: recent.get(key) ?? 0,
      fields: v.fields,
    };
    vInfos.push(info);
    volunteerByKey.set(key, info);
  }
  if (noId > 0) {
    warnings.push(
      warning(
        'volunteer.noId',
        `登録番号のない名簿の行（${noId}行）はマッチングに使いません`,
        `${noId} roster row(s) without 登録番号 are not matched`,
      ),
    );
  }

  const rInfos: RequestInfo[] = [];
  const requestByKey = new Map<string, RequestInfo>();
  let openNoId = 0;
  for (const r of sortedRequests) {
    const state = stateOf(r.status);
    const isOpen = OPEN_STATES.indexOf(state) >= 0;
    if (r.requestId === null) {
      if (isOpen) openNoId++;
      continue;
    }
    const key = idKey(r.requestId);
    const first = requestByKey.get(key);
    if (first) {
      if (isOpen) {
        warnings.push(
          warning(
            'request.duplicateId',
            first.record.sheet === r.sheet
              ? `依頼番号 ${r.requestId} が${first.record.sheet === undefined ? '依頼' : `「${first.record.sheet}」`}の${first.record.row}行目と${r.row}行目にあります。${r.row}行目はマッチングしません`
              : `依頼番号 ${r.requestId} が${placeJa(first.record, '依頼')}と${placeJa(r, '依頼')}にあります。${placeJa(r, '依頼')}はマッチングしません`,
            first.record.sheet === r.sheet
              ? `依頼番号 ${r.requestId} is on rows ${first.record.row} and ${r.row} of ${first.record.sheet === undefined ? '依頼' : `「${first.record.sheet}」`}; row ${r.row} is not matched`
              : `依頼番号 ${r.requestId} is on ${placeEn(first.record, '依頼')} and ${placeEn(r, '依頼')}; ${placeEn(r, '依頼')} is not matched`,
          ),
        );
      }
      continue;
    }
    const area = areaOf(r.area, r.district);
    const reach = new Set<string>();
    if (area !== null) {
      reach.add(area);
      for (const a of adjacent.get(area) ?? []) reach.add(a);
    }
    const assigned = new Set(r.assignedVolunteers.map(idKey));
    const needed = r.needed === null ? DEFAULT_NEEDED : Math.max(0, Math.floor(r.needed));
    const fy = fiscalYearOf(r.receivedOn ?? today, startMonth);
    const info: RequestInfo = {
      index: rInfos.length,
      record: r,
      id: r.requestId,
      key,
      open: isOpen,
      area,
      district: r.district,
      reach,
      remote: r.remoteOk === true,
      skills: r.requiredSkills,
      languages: r.languages.filter((l) => l !== '日本語'),
      gender: genderPreferenceOf(r.genderPreference),
      slots: slotMask(r.preferredTime),
      fiscalYear: fy,
      needsInsurance: insured === null || r.category === null || insured.has(r.category),
      assigned,
      places: isOpen ? Math.max(0, needed - assigned.size) : 0,
      requesterKey: r.requester === null ? null : personKey(r.requester),
      waitingDays: r.receivedOn === null ? null : Math.max(0, todayNumber - r.receivedOn.toDayNumber()),
    };
    rInfos.push(info);
    requestByKey.set(key, info);
  }
  if (openNoId > 0) {
    warnings.push(
      warning(
        'request.noId',
        `依頼番号のない受付・調整中の依頼（${openNoId}件）はマッチングしません`,
        `${openNoId} open request(s) without 依頼番号 are not matched`,
      ),
    );
  }

  const excluded = new Set<string>();
  for (const p of exclusions) excluded.add(pairKeyOf(idKey(p.requestId), idKey(p.volunteerId)));

  return {
    volunteers: vInfos,
    volunteerByKey,
    requests: rInfos,
    requestByKey,
    helpedBy,
    adjacent,
    exclusions: excluded,
    warnings,
  };
}
