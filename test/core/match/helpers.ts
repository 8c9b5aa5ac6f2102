// Small builders for matching tests: volunteers and requests as typed records with sensible defaults, the default 設定, a fixed today.
import { matchVolunteers, type MatchInput, type MatchResult, type PairKey } from '../../../src/core/match';
import type { Activity, HelpRequest, Volunteer } from '../../../src/core/sheets/records';
import {
  defaultSettingsHeader,
  defaultSettingsRows,
  parseSettings,
  type Settings,
} from '../../../src/core/sheets/settings';
import { PlainDate } from '../../../src/core/text/plainDate';

export const TODAY = PlainDate.of(2026, 11, 26) as PlainDate;
export const SETTINGS: Settings = parseSettings([defaultSettingsHeader(), ...defaultSettingsRows()]).settings;

export function date(iso: string): PlainDate {
  const d = PlainDate.fromISO(iso);
  if (!d) throw new Error(`bad date ${iso}`);
  return d;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An active, consenting, insured volunteer in 北東部 / ひばりが丘地区 with no other attributes; row 0 = numbered by position. */
export function volunteer(id: string, o: Partial<Mutable<Volunteer>> = {}): Volunteer {
  return {
    row: 0,
    volunteerId: id,
    name: null,
    furigana: null,
    birthDate: null,
    gender: null,
    postalCode: null,
    address: null,
    area: '北東部',
    district: 'ひばりが丘地区',
    phone: null,
    email: null,
    volunteerType: '個人',
    fields: [],
    skills: [],
    languages: [],
    availability: [],
    monthlyLimit: 4,
    insuranceYear: 2026,
    consent: true,
    status: '活動中',
    registeredOn: null,
    note: null,
    ...o,
  };
}

/** A 受付 request for one person in 北東部 / ひばりが丘地区, received 2026-11-20 (6 days before TODAY). */
export function request(id: string, o: Partial<Mutable<HelpRequest>> = {}): HelpRequest {
  return {
    row: 0,
    requestId: id,
    receivedOn: date('2026-11-20'),
    requesterType: '個人',
    requester: `依頼者${id}`,
    area: '北東部',
    district: 'ひばりが丘地区',
    category: '家事の手伝い',
    requiredSkills: [],
    languages: [],
    preferredTime: [],
    frequency: '単発',
    needed: 1,
    genderPreference: null,
    remoteOk: false,
    status: '受付',
    assignedVolunteers: [],
    staff: null,
    failureReason: null,
    ...o,
  };
}

export function activity(volunteerId: string, requestId: string, o: Partial<Mutable<Activity>> = {}): Activity {
  return {
    row: 0,
    date: date('2026-06-01'),
    program: 'ボラセン',
    activityType: '助け合い活動',
    area: '北東部',
    volunteerIds: [volunteerId],
    requestId,
    participants: 1,
    hours: 2,
    multiGenerational: false,
    note: null,
    ...o,
  };
}

/** Row 0 → the record's position + 2 (the header is row 1). */
export function numbered<T extends { row: number }>(records: readonly T[]): T[] {
  return records.map((r, i) => (r.row === 0 ? { ...r, row: i + 2 } : r));
}

export interface Scenario {
  volunteers?: Volunteer[];
  requests?: HelpRequest[];
  activities?: Activity[];
  settings?: Settings;
  today?: PlainDate;
  pins?: PairKey[];
  exclusions?: PairKey[];
}

export function inputOf(s: Scenario): MatchInput {
  return {
    volunteers: numbered(s.volunteers ?? []),
    requests: numbered(s.requests ?? []),
    activities: numbered(s.activities ?? []),
    settings: s.settings ?? SETTINGS,
    today: s.today ?? TODAY,
    pins: s.pins ?? [],
    exclusions: s.exclusions ?? [],
  };
}

export function match(s: Scenario): MatchResult {
  return matchVolunteers(inputOf(s));
}

/** 'R1→V2' for each assignment, in result order. */
export function pairsOf(result: MatchResult): string[] {
  return result.assignments.map((a) => `${a.requestId}→${a.volunteerId}`);
}

/** The 設定 with extra rows (項目, 値) appended to the defaults. */
export function settingsWith(rows: (string | number)[][]): Settings {
  return parseSettings([
    defaultSettingsHeader(),
    ...defaultSettingsRows(),
    ...rows.map((r) => [...r, '', '', '', ''].slice(0, 6)),
  ]).settings;
}
