// The hard constraints and capacities written again from the issue, independently of src/core/match, for tests to check results against.
import type { MatchInput } from '../../../src/core/match';
import type { HelpRequest, Volunteer } from '../../../src/core/sheets/records';
import type { Settings } from '../../../src/core/sheets/settings';
import { parseAvailability, slotKey } from '../../../src/core/text/availability';
import type { PlainDate } from '../../../src/core/text/plainDate';

export const OPEN = ['受付', '調整中'];
export const squash = (s: string) => s.replace(/\s+/g, '');

export function fiscalYear(d: PlainDate): number {
  return d.month >= 4 ? d.year : d.year - 1;
}

export function areaOf(settings: Settings, area: string | null, district: string | null): string | null {
  if (area !== null) return area;
  if (district === null) return null;
  return settings.areas.find((a) => a.districts.includes(district))?.name ?? null;
}

export function adjacent(settings: Settings, a: string, b: string): boolean {
  return settings.adjacentAreas.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function slots(cells: readonly string[]): Set<string> {
  const p = parseAvailability(cells.join('、'));
  return new Set(p.ok ? p.slots.map(slotKey) : []);
}

export function needsInsurance(settings: Settings, category: string | null): boolean {
  const list = settings.lists['保険が必要な内容区分'];
  return !list || list.length === 0 || category === null || list.includes(category);
}

/**
 * The hard constraints of one pair, in the funnel order — what the request needs of a person
 * first, then what staff settle with one who fits — the name of the first that fails, or null.
 */
export function failure(input: MatchInput, v: Volunteer, r: HelpRequest): string | null {
  const s = input.settings;
  if (!r.requiredSkills.every((k) => v.skills.includes(k))) return 'skills';
  const langs = r.languages.filter((l) => l !== '日本語');
  if (langs.length > 0 && !langs.some((l) => v.languages.includes(l))) return 'language';
  const pref = r.genderPreference === '女性' || r.genderPreference === '男性' ? r.genderPreference : null;
  if (pref !== null && v.gender !== pref) return 'gender';
  const va = areaOf(s, v.area, v.district);
  const ra = areaOf(s, r.area, r.district);
  const near =
    (v.district !== null && v.district === r.district) ||
    (va !== null && ra !== null && (va === ra || adjacent(s, va, ra))) ||
    r.remoteOk === true;
  if (!near) return ra === null && r.district === null ? 'noLocation' : 'location';
  const vs = slots(v.availability);
  const rs = slots(r.preferredTime);
  if (vs.size > 0 && rs.size > 0 && ![...vs].some((k) => rs.has(k))) return 'time';
  if (v.status !== '活動中') return 'status';
  if (v.consent !== true) return 'consent';
  if (
    needsInsurance(s, r.category) &&
    (v.insuranceYear === null || v.insuranceYear < fiscalYear(r.receivedOn ?? input.today))
  )
    return 'insurance';
  if (input.exclusions.some((p) => p.requestId === r.requestId && p.volunteerId === v.volunteerId)) return 'excluded';
  return null;
}

export function isCandidate(input: MatchInput, v: Volunteer, r: HelpRequest): boolean {
  return (
    OPEN.includes(r.status ?? '') &&
    !r.assignedVolunteers.includes(v.volunteerId as string) &&
    failure(input, v, r) === null
  );
}

export function capacityOf(input: MatchInput, v: Volunteer): number {
  const busy = input.requests.filter(
    (r) => (r.status === '紹介済' || r.status === '活動中') && r.assignedVolunteers.includes(v.volunteerId as string),
  ).length;
  return Math.max(0, (v.monthlyLimit ?? 4) - busy);
}

export function placesOf(r: HelpRequest): number {
  return OPEN.includes(r.status ?? '') ? Math.max(0, (r.needed ?? 1) - r.assignedVolunteers.length) : 0;
}
