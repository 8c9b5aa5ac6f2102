/**
 * Bench fixture: a synthetic city of volunteers and help requests, seeded, turned into the
 * solver's AssignmentProblem the way the matching layer does — hard constraints decide which
 * pairs exist, a soft score in 0…100 (× 100, as the domain's integer weight) their weight.
 */
import type { AssignmentProblem } from '../src/core/match/solver';

/** mulberry32: a small seeded PRNG, so every run of the bench sees the same city. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CityShape {
  volunteers: number;
  requests: number;
  seed: number;
}

export interface City {
  problem: AssignmentProblem;
  /** Possible volunteers per request: min, median, max. */
  candidates: { min: number; median: number; max: number };
  places: number;
}

const AREAS = 16; // 圏域 (junior-high districts), in a ring: each adjacent to the two beside it
const DISTRICTS_PER_AREA = 4; // 地区
const SLOTS = 21; // 7 days × 午前/午後/夜間
const CATEGORIES = 10; // 内容区分 / 活動分野
const SKILLS = 8; // 資格・特技

interface Person {
  area: number;
  district: number;
  slots: number; // bit mask of SLOTS
  interests: number; // bit mask of CATEGORIES
  skills: number; // bit mask of SKILLS
  languageOk: boolean;
  female: boolean;
  eligible: boolean; // 活動中, 同意, insured
  recent: number; // assignments in the last months (fairness)
  capacity: number;
}

interface Need {
  area: number;
  district: number;
  slots: number;
  category: number;
  skill: number; // -1: none needed
  needsLanguage: boolean;
  wantsFemale: boolean;
  remote: boolean; // 在宅対応可
  waitingDays: number;
  places: number;
  helpedBy: Set<number>; // continuity: volunteers who helped this requester before
}

function pickBits(rnd: () => number, universe: number, count: number): number {
  let mask = 0;
  let have = 0;
  while (have < count) {
    const bit = 1 << Math.floor(rnd() * universe);
    if ((mask & bit) === 0) {
      mask |= bit;
      have++;
    }
  }
  return mask;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** Areas weighted like a real city: some 圏域 have many more residents than others. */
function pickArea(rnd: () => number): number {
  const r = rnd();
  return Math.min(AREAS - 1, Math.floor(AREAS * r * r * 0.6 + AREAS * r * 0.4));
}

export function generateCity(shape: CityShape): City {
  const rnd = seededRandom(shape.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

  const people: Person[] = [];
  for (let v = 0; v < shape.volunteers; v++) {
    const area = pickArea(rnd);
    people.push({
      area,
      district: area * DISTRICTS_PER_AREA + int(0, DISTRICTS_PER_AREA - 1),
      slots: pickBits(rnd, SLOTS, int(2, 5)),
      interests: pickBits(rnd, CATEGORIES, int(1, 3)),
      skills: rnd() < 0.55 ? pickBits(rnd, SKILLS, int(1, 3)) : 0,
      languageOk: rnd() < 0.08,
      female: rnd() < 0.62,
      eligible: rnd() < 0.9,
      recent: int(0, 4),
      capacity: int(1, 4),
    });
  }
  const needs: Need[] = [];
  for (let r = 0; r < shape.requests; r++) {
    const area = pickArea(rnd);
    const helpedBy = new Set<number>();
    if (rnd() < 0.25) for (let k = int(1, 3); k > 0; k--) helpedBy.add(int(0, shape.volunteers - 1));
    needs.push({
      area,
      district: area * DISTRICTS_PER_AREA + int(0, DISTRICTS_PER_AREA - 1),
      slots: pickBits(rnd, SLOTS, int(1, 2)),
      category: int(0, CATEGORIES - 1),
      skill: rnd() < 0.4 ? int(0, SKILLS - 1) : -1,
      needsLanguage: rnd() < 0.04,
      wantsFemale: rnd() < 0.12,
      remote: rnd() < 0.03,
      waitingDays: int(0, 60),
      places: int(1, 3),
      helpedBy,
    });
  }

  // Volunteers by area, so each request looks only at its own and the adjacent 圏域 (as the domain's index does).
  const byArea: number[][] = Array.from({ length: AREAS }, () => []);
  people.forEach((p, v) => byArea[p.area]!.push(v));
  const edges: { left: number; right: number; weight: number }[] = [];
  const counts: number[] = [];
  for (let r = 0; r < needs.length; r++) {
    const need = needs[r] as Need;
    const areas = need.remote
      ? [...Array(AREAS).keys()]
      : [(need.area + AREAS - 1) % AREAS, need.area, (need.area + 1) % AREAS];
    const found: number[] = [];
    for (const area of areas)
      for (const v of byArea[area] as number[]) if (possible(people[v] as Person, need)) found.push(v);
    found.sort((a, b) => a - b);
    for (const v of found)
      edges.push({ left: v, right: r, weight: Math.round(score(people[v] as Person, need, v) * 100) });
    counts.push(found.length);
  }
  counts.sort((a, b) => a - b);
  return {
    problem: { leftCapacity: people.map((p) => p.capacity), rightCapacity: needs.map((n) => n.places), edges },
    candidates: {
      min: counts[0] ?? 0,
      median: counts[Math.floor(counts.length / 2)] ?? 0,
      max: counts[counts.length - 1] ?? 0,
    },
    places: needs.reduce((s, n) => s + n.places, 0),
  };
}

/** Hard constraints: eligibility, skill, language, gender wish, availability overlap, location. */
function possible(p: Person, n: Need): boolean {
  if (!p.eligible) return false;
  if (n.skill >= 0 && (p.skills & (1 << n.skill)) === 0) return false;
  if (n.needsLanguage && !p.languageOk) return false;
  if (n.wantsFemale && !p.female) return false;
  if ((p.slots & n.slots) === 0) return false;
  if (n.remote) return true;
  return p.district === n.district || Math.abs(p.area - n.area) <= 1 || Math.abs(p.area - n.area) === AREAS - 1;
}

/** Soft score 0…100: interest 30, proximity 25, shared availability 15, continuity 15, fairness 10, waiting 5. */
function score(p: Person, n: Need, v: number): number {
  const interest = (p.interests & (1 << n.category)) !== 0 ? 30 : 0;
  const proximity = n.remote ? 15 : p.district === n.district ? 25 : p.area === n.area ? 15 : 5;
  const shared = Math.min(3, popcount(p.slots & n.slots)) * 5;
  const continuity = n.helpedBy.has(v) ? 15 : 0;
  const fairness = (4 - p.recent) * 2.5;
  const waiting = Math.min(5, n.waitingDays / 12);
  return interest + proximity + shared + continuity + fairness + waiting;
}
