/** Defines the hard constraints of a volunteer ↔ request pair, checked in the funnel order used to explain unmet needs. */
import type { MatchModel, RequestInfo, VolunteerInfo } from './model';
import { pairKeyOf } from './model';

/**
 * The pair constraints in funnel order: the first that fails is the one a pair is counted
 * under when an unmet need is explained. What the request needs of a person comes first
 * (skills, language, gender, where, when: recruiting answers these), then what staff can settle
 * with a volunteer who already fits (活動中, 個人情報同意, insurance, a coordinator's exclusion),
 * so that "the only 手話 volunteers have not consented" is said as that, not as "nobody has 手話".
 * Capacity and "taken by another request" come after these (they depend on the whole
 * assignment, not on the pair).
 */
export const PAIR_STAGES = [
  'skills',
  'language',
  'gender',
  'location',
  'time',
  'status',
  'consent',
  'insurance',
  'excluded',
] as const;
export type PairStage = (typeof PAIR_STAGES)[number];

/** 活動中 and 個人情報同意: who can be introduced at all. */
export function passesStatus(v: VolunteerInfo): boolean {
  return v.active && v.consent;
}

/** Every 必要な資格・特技 is among the volunteer's 資格・特技. */
export function passesSkills(v: VolunteerInfo, r: RequestInfo): boolean {
  for (const s of r.skills) if (!v.skills.has(s)) return false;
  return true;
}

/** The volunteer speaks one of the asked languages (日本語 is not a constraint). */
export function passesLanguage(v: VolunteerInfo, r: RequestInfo): boolean {
  if (r.languages.length === 0) return true;
  for (const l of r.languages) if (v.languages.has(l)) return true;
  return false;
}

/** 性別希望: the volunteer's 性別 is the one asked; an unknown 性別 does not meet a preference. */
export function passesGender(v: VolunteerInfo, r: RequestInfo): boolean {
  return r.gender === null || v.gender === r.gender;
}

/** How a pair meets the location rule, best first; null when it does not. */
export type Proximity = 'district' | 'area' | 'adjacent' | 'remote';

/** Same 地区, same 圏域, an adjacent 圏域, or anywhere when the request is 在宅対応可. */
export function proximityOf(v: VolunteerInfo, r: RequestInfo): Proximity | null {
  if (r.district !== null && v.district !== null && r.district === v.district) return 'district';
  if (r.area !== null && v.area !== null) {
    if (v.area === r.area) return 'area';
    if (r.reach.has(v.area)) return 'adjacent';
  }
  return r.remote ? 'remote' : null;
}

/** 保険加入年度 covers the request's fiscal year (a later year means renewed early), where the 内容区分 needs it. */
export function passesInsurance(v: VolunteerInfo, r: RequestInfo): boolean {
  return !r.needsInsurance || (v.insuranceYear !== null && v.insuranceYear >= r.fiscalYear);
}

/** Availability overlaps 希望日時 when both are given (readable). */
export function passesTime(v: VolunteerInfo, r: RequestInfo): boolean {
  return r.slots === 0 || v.slots === 0 || (v.slots & r.slots) !== 0;
}

export function isExcluded(model: MatchModel, v: VolunteerInfo, r: RequestInfo): boolean {
  return model.exclusions.size > 0 && model.exclusions.has(pairKeyOf(r.key, v.key));
}

/** The first constraint a pair fails, in funnel order; null when the pair is possible (capacity aside). */
export function firstFailure(model: MatchModel, v: VolunteerInfo, r: RequestInfo): PairStage | null {
  if (!passesSkills(v, r)) return 'skills';
  if (!passesLanguage(v, r)) return 'language';
  if (!passesGender(v, r)) return 'gender';
  if (proximityOf(v, r) === null) return 'location';
  if (!passesTime(v, r)) return 'time';
  if (!v.active) return 'status';
  if (!v.consent) return 'consent';
  if (!passesInsurance(v, r)) return 'insurance';
  if (isExcluded(model, v, r)) return 'excluded';
  return null;
}
