/** Defines findCandidates: the possible volunteers of a request, found through indexes by 圏域, 地区, skill and language so the work grows with the possible pairs. */
import { firstFailure, passesStatus } from './constraints';
import type { MatchModel, RequestInfo, VolunteerInfo } from './model';

/** Volunteers who can be introduced at all (活動中, 同意), indexed by where they are and what they can do. */
export interface CandidateIndex {
  readonly all: readonly VolunteerInfo[];
  readonly byArea: ReadonlyMap<string, readonly VolunteerInfo[]>;
  readonly byDistrict: ReadonlyMap<string, readonly VolunteerInfo[]>;
  readonly bySkill: ReadonlyMap<string, readonly VolunteerInfo[]>;
  readonly byLanguage: ReadonlyMap<string, readonly VolunteerInfo[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildCandidateIndex(model: MatchModel): CandidateIndex {
  const all: VolunteerInfo[] = [];
  const byArea = new Map<string, VolunteerInfo[]>();
  const byDistrict = new Map<string, VolunteerInfo[]>();
  const bySkill = new Map<string, VolunteerInfo[]>();
  const byLanguage = new Map<string, VolunteerInfo[]>();
  for (const v of model.volunteers) {
    if (!passesStatus(v)) continue;
    all.push(v);
    if (v.area !== null) push(byArea, v.area, v);
    if (v.district !== null) push(byDistrict, v.district, v);
    for (const s of v.skills) push(bySkill, s, v);
    for (const l of v.languages) push(byLanguage, l, v);
  }
  return { all, byArea, byDistrict, bySkill, byLanguage };
}

const EMPTY: readonly VolunteerInfo[] = [];

/**
 * The smallest volunteer list that surely holds every possible volunteer of the request, as
 * one or more lists (they may overlap): the rarest required skill, or the asked languages, or
 * the volunteers within reach (same 地区, same or adjacent 圏域), whichever is shortest.
 */
function narrowestPool(index: CandidateIndex, r: RequestInfo): readonly (readonly VolunteerInfo[])[] {
  let best: readonly (readonly VolunteerInfo[])[] = [index.all];
  let size = index.all.length;
  const consider = (lists: readonly (readonly VolunteerInfo[])[]): void => {
    let n = 0;
    for (const l of lists) n += l.length;
    if (n < size) {
      best = lists;
      size = n;
    }
  };
  for (const s of r.skills) consider([index.bySkill.get(s) ?? EMPTY]);
  if (r.languages.length > 0) consider(r.languages.map((l) => index.byLanguage.get(l) ?? EMPTY));
  if (!r.remote) {
    const near: (readonly VolunteerInfo[])[] = [];
    for (const a of r.reach) near.push(index.byArea.get(a) ?? EMPTY);
    if (r.district !== null) near.push(index.byDistrict.get(r.district) ?? EMPTY);
    consider(near);
  }
  return best;
}

/**
 * The volunteers every hard pair constraint allows for the request (not excluded, not already
 * on it), in roster order. Capacity is left to the caller. `stamp` is scratch space of
 * model.volunteers.length entries, reused across calls to de-duplicate without allocating.
 */
export function findCandidates(
  model: MatchModel,
  index: CandidateIndex,
  r: RequestInfo,
  stamp: Int32Array,
  round: number,
): VolunteerInfo[] {
  const out: VolunteerInfo[] = [];
  for (const list of narrowestPool(index, r)) {
    for (const v of list) {
      if (stamp[v.index] === round) continue;
      stamp[v.index] = round;
      if (r.assigned.has(v.key)) continue;
      if (firstFailure(model, v, r) === null) out.push(v);
    }
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}
