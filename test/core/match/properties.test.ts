// Property tests of matchVolunteers on random small instances, against predicates written here independently of src/core/match.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { matchVolunteers, RELATED_FIELDS, type MatchInput, type MatchResult } from '../../../src/core/match';
import type { Activity, HelpRequest, Volunteer } from '../../../src/core/sheets/records';
import type { Settings } from '../../../src/core/sheets/settings';
import { activity, date, request, settingsWith, SETTINGS, TODAY, volunteer } from './helpers';
import { maxWeightMaxFlow } from './reference-flow';
import { adjacent, areaOf, capacityOf, failure, isCandidate, placesOf, slots, squash } from './rules';

// ───────── random instances ─────────

const PLACES: readonly [string | null, string | null][] = [
  ['北東部', 'ひばりが丘地区'],
  ['北東部', '栄町地区'],
  ['北西部', '谷戸地区'],
  ['中部', '田無地区'],
  ['南部', '向台地区'],
  ['南部', '柳沢地区'],
  [null, '田無地区'],
  ['北東部', null],
  [null, null],
];
const SKILLS = ['手話', '運転', '調理'];
const LANGUAGES = ['英語', 'ベトナム語', '日本語'];
const TIMES = ['火午前', '月午後', '平日午前', '土日終日', '水夜間', '月午前(要相談)'];
const FIELDS = ['高齢者', '子ども・子育て', '地域の居場所', '見守り', 'その他'];
const CATEGORIES = ['家事の手伝い', '見守り', '子育て支援', '外出の付き添い', 'その他', null];
const DATES = ['2026-11-25', '2026-10-01', '2026-08-20', '2026-03-31', '2025-12-01', null];
const REQUESTERS = ['山田 花子', '山田花子', '佐藤', null];

const subset = <T>(xs: readonly T[], max = xs.length) => fc.subarray(xs as T[], { maxLength: max });
/** Mostly nothing asked: each request constraint binds now and then, not always. */
const rarely = <T>(xs: readonly T[], max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: subset(xs, max) });

const volunteerArb = fc.record({
  place: fc.constantFrom(...PLACES),
  status: fc.oneof(
    { weight: 9, arbitrary: fc.constant('活動中') },
    { weight: 1, arbitrary: fc.constantFrom('休止', '退会') },
  ),
  consent: fc.oneof(
    { weight: 9, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constantFrom(false, null) },
  ),
  skills: subset(SKILLS),
  languages: subset(LANGUAGES, 2),
  gender: fc.constantFrom('女性', '男性', null),
  availability: subset(TIMES, 2),
  limit: fc.constantFrom(0, 1, 1, 2, 3, null),
  insurance: fc.constantFrom(2025, 2026, 2026, 2026, 2026, 2027, null),
  fields: subset(FIELDS, 2),
});

const requestArb = fc.record({
  place: fc.constantFrom(...PLACES),
  status: fc.constantFrom('受付', '受付', '受付', '調整中', '調整中', '紹介済', '活動中', '終了', '不成立'),
  needed: fc.constantFrom(1, 1, 2, 3, null, 0),
  skills: rarely(SKILLS, 1),
  languages: rarely(LANGUAGES, 1),
  gender: fc.constantFrom(null, null, null, null, '女性', '男性', '不問'),
  time: rarely(TIMES, 2),
  remote: fc.boolean(),
  category: fc.constantFrom(...CATEGORIES),
  received: fc.constantFrom(...DATES),
  requester: fc.constantFrom(...REQUESTERS),
  assigned: fc.array(fc.nat(7), { maxLength: 2 }),
});

const instanceArb = fc
  .record({
    volunteers: fc.array(volunteerArb, { minLength: 1, maxLength: 8 }),
    requests: fc.array(requestArb, { minLength: 1, maxLength: 7 }),
    activities: fc.array(fc.tuple(fc.nat(7), fc.nat(6)), { maxLength: 3 }),
    pins: fc.array(fc.tuple(fc.nat(6), fc.nat(7)), { maxLength: 2 }),
    exclusions: fc.array(fc.tuple(fc.nat(6), fc.nat(7)), { maxLength: 3 }),
    insuranceList: fc.boolean(),
    shuffle: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  })
  .map((x): MatchInput => {
    const vid = (i: number) => `V${i + 1}`;
    const rid = (i: number) => `R${i + 1}`;
    const volunteers: Volunteer[] = x.volunteers.map((v, i) =>
      volunteer(vid(i), {
        row: i + 2,
        area: v.place[0],
        district: v.place[1],
        status: v.status,
        consent: v.consent,
        skills: v.skills,
        languages: v.languages,
        gender: v.gender,
        availability: v.availability,
        monthlyLimit: v.limit,
        insuranceYear: v.insurance,
        fields: v.fields,
      }),
    );
    const requests: HelpRequest[] = x.requests.map((r, i) =>
      request(rid(i), {
        row: i + 2,
        area: r.place[0],
        district: r.place[1],
        status: r.status,
        needed: r.needed,
        requiredSkills: r.skills,
        languages: r.languages,
        genderPreference: r.gender,
        preferredTime: r.time,
        remoteOk: r.remote,
        category: r.category,
        receivedOn: r.received === null ? null : date(r.received),
        requester: r.requester,
        assignedVolunteers: [...new Set(r.assigned.map(vid))],
      }),
    );
    const activities: Activity[] = x.activities.map(([v, r], i) => ({ ...activity(vid(v), rid(r)), row: i + 2 }));
    const settings: Settings = x.insuranceList
      ? settingsWith([['保険が必要な内容区分', '外出の付き添い、家事の手伝い']])
      : SETTINGS;
    return {
      volunteers,
      requests,
      activities,
      settings,
      today: TODAY,
      pins: x.pins.map(([r, v]) => ({ requestId: rid(r), volunteerId: vid(v) })),
      exclusions: x.exclusions.map(([r, v]) => ({ requestId: rid(r), volunteerId: vid(v) })),
    };
  });

const byId = <T extends { row: number }>(xs: readonly T[], key: (x: T) => string | null, id: string): T =>
  xs.find((x) => key(x) === id) as T;

function shuffled<T>(xs: readonly T[], seed: readonly number[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed[i % seed.length] as number) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const RUNS = { numRuns: 400 };

describe('matchVolunteers properties', () => {
  it('never violates a hard constraint, and never exceeds a capacity', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = matchVolunteers(input);
        const seen = new Set<string>();
        const perVolunteer = new Map<string, number>();
        const perRequest = new Map<string, number>();
        for (const a of result.assignments) {
          const v = byId(input.volunteers, (x) => x.volunteerId, a.volunteerId);
          const r = byId(input.requests, (x) => x.requestId, a.requestId);
          expect(isCandidate(input, v, r), `${a.requestId}→${a.volunteerId}`).toBe(true);
          expect(seen.has(`${a.requestId}|${a.volunteerId}`)).toBe(false);
          seen.add(`${a.requestId}|${a.volunteerId}`);
          perVolunteer.set(a.volunteerId, (perVolunteer.get(a.volunteerId) ?? 0) + 1);
          perRequest.set(a.requestId, (perRequest.get(a.requestId) ?? 0) + 1);
          expect(a.volunteerRow).toBe(v.row);
          expect(a.requestRow).toBe(r.row);
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(a.score).toBeLessThanOrEqual(100);
          expect(Math.round(a.score * 10) / 10).toBe(a.score);
        }
        for (const [id, n] of perVolunteer)
          expect(n).toBeLessThanOrEqual(
            capacityOf(
              input,
              byId(input.volunteers, (x) => x.volunteerId, id),
            ),
          );
        for (const [id, n] of perRequest)
          expect(n).toBeLessThanOrEqual(placesOf(byId(input.requests, (x) => x.requestId, id)));
        expect(result.stats.filledPlaces).toBe(result.assignments.length);
        expect(result.stats.totalPlaces).toBe(input.requests.reduce((s, r) => s + placesOf(r), 0));
      }),
      RUNS,
    );
  });

  it('keeps every pinned pair that is possible and has room, and reports every other pin', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = matchVolunteers(input);
        const made = new Set(result.assignments.map((a) => `${a.requestId}|${a.volunteerId}`));
        const pinned = new Set(
          result.assignments.filter((a) => a.pinned).map((a) => `${a.requestId}|${a.volunteerId}`),
        );
        const distinct = [...new Set(input.pins.map((p) => `${p.requestId}|${p.volunteerId}`))];
        const pinWarnings = result.warnings.filter((w) => w.code.startsWith('pin.')).length;
        let kept = 0;
        let silent = 0;
        for (const key of distinct) {
          const [rId, vId] = key.split('|') as [string, string];
          const r = input.requests.find((x) => x.requestId === rId);
          const v = input.volunteers.find((x) => x.volunteerId === vId);
          if (pinned.has(key)) {
            kept++;
            expect(made.has(key)).toBe(true);
            expect(r && v && isCandidate(input, v, r)).toBe(true);
          } else if (r && v && r.assignedVolunteers.includes(vId)) silent++;
        }
        expect(kept + silent + pinWarnings).toBe(distinct.length);
        for (const p of input.exclusions) expect(made.has(`${p.requestId}|${p.volunteerId}`)).toBe(false);
      }),
      RUNS,
    );
  });

  it('is deterministic, whatever order the rows arrive in', () => {
    fc.assert(
      fc.property(instanceArb, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (input, seed) => {
        const once = matchVolunteers(input);
        expect(matchVolunteers(input)).toEqual(once);
        const again = matchVolunteers({
          ...input,
          volunteers: shuffled(input.volunteers, seed),
          requests: shuffled(input.requests, seed.slice(1)),
          activities: shuffled(input.activities, seed.slice(2)),
          pins: shuffled(input.pins, seed.slice(3)),
          exclusions: shuffled(input.exclusions, seed.slice(4)),
        });
        expect(again).toEqual(once);
      }),
      RUNS,
    );
  });

  it('fills as many places as an independent max-flow over the independently found pairs (no possible pair is missed)', () => {
    fc.assert(
      fc.property(instanceArb, (raw) => {
        const input = { ...raw, pins: [] };
        const result = matchVolunteers(input);
        const edges: { left: number; right: number; weight: number }[] = [];
        input.volunteers.forEach((v, i) => {
          if (input.volunteers.findIndex((w) => w.volunteerId === v.volunteerId) !== i) return;
          input.requests.forEach((r, j) => {
            if (isCandidate(input, v, r)) edges.push({ left: i, right: j, weight: 0 });
          });
        });
        const best = maxWeightMaxFlow({
          leftCapacity: input.volunteers.map((v) => capacityOf(input, v)),
          rightCapacity: input.requests.map(placesOf),
          edges,
        });
        expect(result.stats.filledPlaces).toBe(best.filled);
        expect(result.stats.candidatePairs).toBe(
          edges.filter(
            (e) =>
              capacityOf(input, input.volunteers[e.left] as Volunteer) > 0 &&
              placesOf(input.requests[e.right] as HelpRequest) > 0,
          ).length,
        );
      }),
      RUNS,
    );
  });

  it('says only true things about each pair', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = matchVolunteers(input);
        for (const a of result.assignments) {
          const v = byId(input.volunteers, (x) => x.volunteerId, a.volunteerId);
          const r = byId(input.requests, (x) => x.requestId, a.requestId);
          for (const reason of a.reasons)
            expect(reasonHolds(input, v, r, reason), `${a.requestId}→${a.volunteerId}: ${reason.ja}`).toBe(true);
          expect(
            a.reasons.filter((x) =>
              ['pair.sameDistrict', 'pair.sameArea', 'pair.adjacentArea', 'pair.remote'].includes(x.code),
            ),
          ).toHaveLength(1);
        }
      }),
      RUNS,
    );
  });

  it('names, for each unfilled request, the constraint that removed its last candidates, or what happened to those left', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = matchVolunteers(input);
        checkUnmet(input, result);
      }),
      RUNS,
    );
  });
});

// ───────── independent checks of the words ─────────

function reasonHolds(input: MatchInput, v: Volunteer, r: HelpRequest, reason: { code: string; ja: string }): boolean {
  const s = input.settings;
  const va = areaOf(s, v.area, v.district);
  const ra = areaOf(s, r.area, r.district);
  const sameDistrict = v.district !== null && v.district === r.district;
  switch (reason.code) {
    case 'pair.sameDistrict':
      return reason.ja === '同じ地区' && sameDistrict;
    case 'pair.sameArea':
      return reason.ja === '同じ圏域' && !sameDistrict && va !== null && va === ra;
    case 'pair.adjacentArea':
      return (
        reason.ja === '隣接する圏域' && !sameDistrict && va !== null && ra !== null && va !== ra && adjacent(s, va, ra)
      );
    case 'pair.remote':
      return (
        reason.ja === '在宅で対応可' &&
        r.remoteOk === true &&
        !sameDistrict &&
        !(va !== null && ra !== null && (va === ra || adjacent(s, va, ra)))
      );
    case 'pair.sharedTime': {
      const m = /^(.+)が一致$/.exec(reason.ja);
      if (!m) return false;
      const claimed = slots([m[1] as string]);
      const both = [...slots(v.availability)].filter((k) => slots(r.preferredTime).has(k));
      return claimed.size === both.length && both.every((k) => claimed.has(k));
    }
    case 'pair.continuity': {
      const who = r.requester === null ? null : squash(r.requester);
      if (who === null) return false;
      const sameRequester = (x: HelpRequest) => x.requester !== null && squash(x.requester) === who;
      const viaRequest = input.requests.some(
        (x) =>
          ['紹介済', '活動中', '終了'].includes(x.status ?? '') &&
          sameRequester(x) &&
          x.assignedVolunteers.includes(v.volunteerId as string),
      );
      const viaActivity = input.activities.some((a) => {
        const x = input.requests.find((q) => q.requestId === a.requestId);
        return a.volunteerIds.includes(v.volunteerId as string) && x !== undefined && sameRequester(x);
      });
      return reason.ja === '以前にも担当' && (viaRequest || viaActivity);
    }
    case 'pair.interest': {
      const m = /^活動分野が一致（(.+)）$/.exec(reason.ja);
      if (!m || r.category === null) return false;
      const related = RELATED_FIELDS[r.category] ?? [];
      const exact = r.category === 'その他' ? [] : v.fields.filter((f) => f === r.category);
      const named = exact.length > 0 ? exact : v.fields.filter((f) => related.includes(f));
      return named.length > 0 && m[1] === named.join('・');
    }
    case 'pair.fewRecent': {
      const m = /^最近の担当が少ない（90日で(\d+)件）$/.exec(reason.ja);
      if (!m) return false;
      const recent = input.requests.filter(
        (x) =>
          x.status !== '不成立' &&
          x.assignedVolunteers.includes(v.volunteerId as string) &&
          x.receivedOn !== null &&
          x.receivedOn.compare(input.today) <= 0 &&
          input.today.toDayNumber() - x.receivedOn.toDayNumber() <= 90,
      ).length;
      return Number(m[1]) === recent && recent <= 1;
    }
    case 'pair.waiting': {
      const m = /^受付から(\d+)日経過$/.exec(reason.ja);
      return (
        m !== null &&
        r.receivedOn !== null &&
        Number(m[1]) === input.today.toDayNumber() - r.receivedOn.toDayNumber() &&
        Number(m[1]) >= 14
      );
    }
    default:
      return false;
  }
}

const STAGES = ['skills', 'language', 'gender', 'location', 'time', 'status', 'consent', 'insurance', 'excluded'];

function checkUnmet(input: MatchInput, result: MatchResult): void {
  const filledOf = new Map<string, string[]>();
  for (const a of result.assignments) filledOf.set(a.requestId, [...(filledOf.get(a.requestId) ?? []), a.volunteerId]);
  const newLoad = new Map<string, number>();
  for (const a of result.assignments) newLoad.set(a.volunteerId, (newLoad.get(a.volunteerId) ?? 0) + 1);

  const expectedUnmatched = input.requests
    .filter((r) => placesOf(r) > (filledOf.get(r.requestId as string)?.length ?? 0))
    .map((r) => r.requestId);
  expect(result.unmatched.map((u) => u.requestId)).toEqual(expectedUnmatched);
  expect(result.shortages.filter((s) => s.dimension === 'categoryArea').reduce((n, s) => n + s.places, 0)).toBe(
    result.unmatched.reduce((n, u) => n + u.missing, 0),
  );

  for (const u of result.unmatched) {
    const r = byId(input.requests, (x) => x.requestId, u.requestId);
    const places = placesOf(r);
    const here = filledOf.get(u.requestId) ?? [];
    expect(u).toMatchObject({ needed: places, filled: here.length, missing: places - here.length });
    const codes = u.reasons.map((x) => x.code.replace(/^unmet\./, ''));
    expect(codes.length).toBeGreaterThan(0);

    // The funnel, recomputed: who fails what first (退会 volunteers have left the roster).
    const pool = input.volunteers.filter(
      (v, i) =>
        input.volunteers.findIndex((w) => w.volunteerId === v.volunteerId) === i &&
        !r.assignedVolunteers.includes(v.volunteerId as string) &&
        v.status !== '退会',
    );
    const fails = pool.map((v) => failure(input, v, r));
    const survivors = pool.filter((_, i) => fails[i] === null);
    if (survivors.length < places) {
      // The last constraint that ruled anyone out is named (it removed the last candidates).
      const stageOf = (f: string | null) => (f === 'noLocation' ? 'location' : f);
      const used = STAGES.filter((st) => fails.some((f) => stageOf(f) === st));
      const last = used[used.length - 1];
      if (last === undefined) expect(codes).toContain('noVolunteers');
      else {
        const lastCode = last === 'location' && fails.includes('noLocation') ? 'noLocation' : last;
        expect(codes).toContain(lastCode);
        // …with the number it ruled out, where the sentence gives one.
        const out = fails.filter((f) => stageOf(f) === last).length;
        const text = u.reasons.find((x) => x.code === `unmet.${lastCode}`)?.ja ?? '';
        if (last === 'insurance' && survivors.length === 0) expect(text).toContain(`対象外: ${out}名`);
        if (last === 'location' && lastCode === 'location' && survivors.length === 0)
          expect(text).toContain(`他の圏域には${out}名`);
      }
    } else {
      expect(codes.every((c) => c === 'capacity' || c === 'taken')).toBe(true);
    }
    // Every candidate left but not used here is full: at the limit before this run, or filled up by this run.
    let full = 0;
    let taken = 0;
    for (const v of survivors) {
      if (here.includes(v.volunteerId as string)) continue;
      const cap = capacityOf(input, v);
      expect(newLoad.get(v.volunteerId as string) ?? 0).toBe(cap);
      if (cap === 0) full++;
      else taken++;
    }
    expect(codes.includes('capacity')).toBe(full > 0);
    expect(codes.includes('taken')).toBe(taken > 0);
    if (taken > 0)
      expect(u.reasons.find((x) => x.code === 'unmet.taken')?.ja).toBe(`候補の${taken}名は他の依頼に割り当てました`);
  }
}

it('builds instances that exercise matching (a sanity check of the generator)', () => {
  const samples = fc.sample(instanceArb, { numRuns: 200, seed: 7 });
  const results = samples.map((i) => matchVolunteers(i));
  const firsts = new Map<string, number>();
  for (const i of samples) {
    for (const r of i.requests) {
      for (const v of i.volunteers) {
        const f = failure(i, v, r) ?? 'ok';
        firsts.set(f, (firsts.get(f) ?? 0) + 1);
      }
    }
  }
  for (const stage of [...STAGES, 'noLocation', 'ok']) expect(firsts.get(stage) ?? 0, stage).toBeGreaterThan(10);
  expect(results.filter((r) => r.assignments.length > 0).length).toBeGreaterThan(60);
  expect(results.filter((r) => r.unmatched.length > 0).length).toBeGreaterThan(50);
  expect(results.filter((r) => r.assignments.some((a) => a.pinned)).length).toBeGreaterThan(3);
});
