/** Defines the domain records matching reads (Volunteer, HelpRequest, Activity) from SheetRecords. */
import { cellText } from '../text/cell';
import { parseDate, parseFiscalYear } from '../text/date';
import { splitMulti } from '../text/multi';
import { parseNumber } from '../text/number';
import type { PlainDate } from '../text/plainDate';
import { parseHours } from '../text/time';
import { parseYesNo } from '../text/yesno';
import type { SheetRecord } from './rows';
import { settingsList, type Settings } from './settings';

// Every accessor here is total: a cell that cannot be read becomes null (or [] for lists), and
// validation reports it. Strings are normalizeText-ed but not otherwise corrected (a status
// outside its list stays as written), so validation can say what is wrong.

export interface Volunteer {
  readonly row: number;
  /** The sheet the row is on, when an action reads more than one sheet of the kind (名簿 and 名簿2). */
  readonly sheet?: string;
  /** That sheet's place among the sheets of its kind read (tab order, 0 first): rows sort by it, then by row. */
  readonly sheetIndex?: number;
  readonly volunteerId: string | null;
  readonly name: string | null;
  readonly furigana: string | null;
  readonly birthDate: PlainDate | null;
  readonly gender: string | null;
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly area: string | null;
  readonly district: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  /** 個人 / 団体 */
  readonly volunteerType: string | null;
  readonly fields: readonly string[];
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  /** As written ('月午前', '土日終日'); the matcher reads them into time slots. */
  readonly availability: readonly string[];
  /** Assignments per month; a blank cell is the default 4. */
  readonly monthlyLimit: number | null;
  /** Fiscal year of ボランティア活動保険. */
  readonly insuranceYear: number | null;
  readonly consent: boolean | null;
  /** 活動中 / 休止 / 退会 */
  readonly status: string | null;
  readonly registeredOn: PlainDate | null;
  readonly note: string | null;
}

export interface HelpRequest {
  readonly row: number;
  /** The sheet the row is on, when an action reads more than one sheet of the kind (名簿 and 名簿2). */
  readonly sheet?: string;
  /** That sheet's place among the sheets of its kind read (tab order, 0 first): rows sort by it, then by row. */
  readonly sheetIndex?: number;
  readonly requestId: string | null;
  readonly receivedOn: PlainDate | null;
  /** 個人 / 施設 / 団体 */
  readonly requesterType: string | null;
  readonly requester: string | null;
  readonly area: string | null;
  readonly district: string | null;
  readonly category: string | null;
  readonly requiredSkills: readonly string[];
  readonly languages: readonly string[];
  readonly preferredTime: readonly string[];
  /** 単発 / 毎週 / 隔週 / 毎月 */
  readonly frequency: string | null;
  /** A blank cell is the default 1. */
  readonly needed: number | null;
  readonly genderPreference: string | null;
  readonly remoteOk: boolean | null;
  /** 受付 / 調整中 / 紹介済 / 活動中 / 終了 / 不成立 */
  readonly status: string | null;
  /** 登録番号 of the volunteers assigned. */
  readonly assignedVolunteers: readonly string[];
  readonly staff: string | null;
  readonly failureReason: string | null;
}

export interface Activity {
  readonly row: number;
  /** The sheet the row is on, when an action reads more than one sheet of the kind (名簿 and 名簿2). */
  readonly sheet?: string;
  /** That sheet's place among the sheets of its kind read (tab order, 0 first): rows sort by it, then by row. */
  readonly sheetIndex?: number;
  readonly date: PlainDate | null;
  /** ほっとネット / ふれまち / りんく / ボラセン */
  readonly program: string | null;
  readonly activityType: string | null;
  readonly area: string | null;
  /** 登録番号 of the volunteers involved (usually one). */
  readonly volunteerIds: readonly string[];
  readonly requestId: string | null;
  readonly participants: number | null;
  readonly hours: number | null;
  readonly multiGenerational: boolean | null;
  readonly note: string | null;
}

// ───────── cell readers ─────────

/** Text; for a number cell (an id, a phone number) the display text first, as it keeps the format staff see. */
function text(r: SheetRecord, key: string): string | null {
  return cellText(r.fields[key], r.display?.[key]);
}

const knownCache = new WeakMap<Settings, Map<string, ReadonlySet<string>>>();

/**
 * The values of a 設定 list as a set, so that a value such as '子ども・子育て' is not split on
 * its ・. Cached per Settings object: accessors run once per row.
 */
function known(settings: Settings | undefined, listName: string): ReadonlySet<string> | undefined {
  if (!settings) return undefined;
  let byName = knownCache.get(settings);
  if (!byName) knownCache.set(settings, (byName = new Map()));
  let set = byName.get(listName);
  if (!set) byName.set(listName, (set = new Set(settingsList(settings, listName) ?? [])));
  return set;
}

function list(r: SheetRecord, key: string, knownValues?: ReadonlySet<string>): string[] {
  const v = r.fields[key];
  const options = knownValues ? { known: knownValues } : {};
  return splitCell(r, key, v, options);
}

/** Availability cells keep ・ inside a piece: 月・水・金午前 is one piece (three mornings), not three. */
function availabilityList(r: SheetRecord, key: string): string[] {
  return splitCell(r, key, r.fields[key], { weak: false });
}

function splitCell(
  r: SheetRecord,
  key: string,
  v: unknown,
  options: { known?: ReadonlySet<string>; weak?: boolean },
): string[] {
  if (typeof v === 'string') return splitMulti(v, options);
  const t = cellText(v, r.display?.[key]);
  return t === null ? [] : splitMulti(t, options);
}

function date(r: SheetRecord, key: string): PlainDate | null {
  const d = parseDate(r.fields[key]);
  if (d.ok) return d.date;
  const shown = r.display?.[key];
  if (shown !== undefined && d.reason !== 'blank') {
    const again = parseDate(shown);
    if (again.ok) return again.date;
  }
  return null;
}

function numberOf(r: SheetRecord, key: string, integer: boolean, blankDefault: number | null = null): number | null {
  const n = parseNumber(r.fields[key], { integer });
  if (n.ok) return n.value;
  return n.reason === 'blank' ? blankDefault : null;
}

function yesNo(r: SheetRecord, key: string): boolean | null {
  const y = parseYesNo(r.fields[key]);
  if (y.status === 'unrecognised' && r.display?.[key] !== undefined) return parseYesNo(r.display[key]).value;
  return y.value;
}

function fiscalYear(r: SheetRecord, key: string): number | null {
  const fy = parseFiscalYear(r.fields[key]);
  return fy.ok ? fy.year : null;
}

/** Durations: the display text first, because Sheets hands over a duration cell as a Date. */
function hours(r: SheetRecord, key: string): number | null {
  const shown = r.display?.[key];
  if (shown !== undefined && shown !== '') {
    const h = parseHours(shown);
    if (h.ok) return h.hours;
  }
  const h = parseHours(r.fields[key]);
  return h.ok ? h.hours : null;
}

// ───────── accessors ─────────
// Pass the workbook's Settings so that multi-value cells keep 設定 list values that contain ・ or / whole.

export function toVolunteer(r: SheetRecord, settings?: Settings): Volunteer {
  return {
    row: r.row,
    volunteerId: text(r, 'volunteerId'),
    name: text(r, 'name'),
    furigana: text(r, 'furigana'),
    birthDate: date(r, 'birthDate'),
    gender: text(r, 'gender'),
    postalCode: text(r, 'postalCode'),
    address: text(r, 'address'),
    area: text(r, 'area'),
    district: text(r, 'district'),
    phone: text(r, 'phone'),
    email: text(r, 'email'),
    volunteerType: text(r, 'volunteerType'),
    fields: list(r, 'fields', known(settings, '活動分野')),
    skills: list(r, 'skills', known(settings, '資格・特技')),
    languages: list(r, 'languages', known(settings, '対応言語')),
    availability: availabilityList(r, 'availability'),
    monthlyLimit: numberOf(r, 'monthlyLimit', true, 4),
    insuranceYear: fiscalYear(r, 'insuranceYear'),
    consent: yesNo(r, 'consent'),
    status: text(r, 'status'),
    registeredOn: date(r, 'registeredOn'),
    note: text(r, 'note'),
  };
}

export function toHelpRequest(r: SheetRecord, settings?: Settings): HelpRequest {
  return {
    row: r.row,
    requestId: text(r, 'requestId'),
    receivedOn: date(r, 'receivedOn'),
    requesterType: text(r, 'requesterType'),
    requester: text(r, 'requester'),
    area: text(r, 'area'),
    district: text(r, 'district'),
    category: text(r, 'category'),
    requiredSkills: list(r, 'requiredSkills', known(settings, '資格・特技')),
    languages: list(r, 'languages', known(settings, '対応言語')),
    preferredTime: availabilityList(r, 'preferredTime'),
    frequency: text(r, 'frequency'),
    needed: numberOf(r, 'needed', true, 1),
    genderPreference: text(r, 'genderPreference'),
    remoteOk: yesNo(r, 'remoteOk'),
    status: text(r, 'status'),
    assignedVolunteers: list(r, 'assignedVolunteers'),
    staff: text(r, 'staff'),
    failureReason: text(r, 'failureReason'),
  };
}

export function toActivity(r: SheetRecord): Activity {
  return {
    row: r.row,
    date: date(r, 'date'),
    program: text(r, 'program'),
    activityType: text(r, 'activityType'),
    area: text(r, 'area'),
    volunteerIds: list(r, 'volunteerId'),
    requestId: text(r, 'requestId'),
    participants: numberOf(r, 'participants', true),
    hours: hours(r, 'hours'),
    multiGenerational: yesNo(r, 'multiGenerational'),
    note: text(r, 'note'),
  };
}
