/** Defines matchVolunteers — the optimal, explained assignment of volunteers to open help requests — and the public surface of core/match. */
import { buildCandidateIndex, findCandidates } from './candidates';
import { firstFailure } from './constraints';
import { relatedFieldsOf } from './interest';
import { buildModel, idKey, type MatchModel, type RequestInfo, type VolunteerInfo } from './model';
import { edgeWeight, explainPair, pairScore, roundScore, type ScoreContext } from './score';
import { shortagesOf, type UnmetRequest } from './shortages';
import { solveAssignment, type AssignmentProblem } from './solver';
import type { Assignment, MatchInput, MatchResult, PairKey, Reason, Unmatched } from './types';
import { explainUnmet, PAIR_FAILURE_TEXT } from './unmet';
import { resolveWeights } from './weights';

export type {
  Assignment,
  MatchInput,
  MatchResult,
  MatchStats,
  PairKey,
  Reason,
  ShortageDimension,
  ShortageRow,
  Unmatched,
} from './types';
export { DEFAULT_WEIGHTS, WEIGHT_NAMES, SCORE_PARTS, resolveWeights, type ScorePart } from './weights';
export { RELATED_FIELDS, relatedFieldsOf } from './interest';
export {
  INSURANCE_LIST_NAMES,
  insuranceCategories,
  DEFAULT_MONTHLY_LIMIT,
  DEFAULT_NEEDED,
  RECENT_DAYS,
  OPEN_STATES,
  BUSY_STATES,
} from './model';
export { MATCH_REASON_CODES } from './codes';
export { idKey } from './model';
export { recheckPairs, type PairRecheck } from './recheck';

interface PinOutcome {
  readonly kept: { r: RequestInfo; v: VolunteerInfo }[];
  readonly warnings: Reason[];
}

function pinWarning(code: string, p: PairKey, ja: string, en: string): Reason {
  return {
    code: `pin.${code}`,
    ja: `固定した組み合わせ ${p.requestId} ↔ ${p.volunteerId}: ${ja}`,
    en: `Pinned pair ${p.requestId} ↔ ${p.volunteerId}: ${en}`,
  };
}

/**
 * Keeps the pinned pairs that are still possible, in request then volunteer row order, each
 * taking a place and a unit of capacity before the solver runs; reports the others.
 */
function applyPins(model: MatchModel, pins: readonly PairKey[], places: number[], capacity: number[]): PinOutcome {
  const resolved: { p: PairKey; r: RequestInfo | undefined; v: VolunteerInfo | undefined }[] = [];
  const seen = new Set<string>();
  for (const p of pins) {
    const id = `${idKey(p.requestId)}\u0000${idKey(p.volunteerId)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    resolved.push({
      p,
      r: model.requestByKey.get(idKey(p.requestId)),
      v: model.volunteerByKey.get(idKey(p.volunteerId)),
    });
  }
  const order = (x: (typeof resolved)[number]): [number, number] => [
    x.r ? x.r.index : Number.MAX_SAFE_INTEGER,
    x.v ? x.v.index : Number.MAX_SAFE_INTEGER,
  ];
  resolved.sort((a, b) => {
    const [ar, av] = order(a);
    const [br, bv] = order(b);
    return (
      ar - br ||
      av - bv ||
      (a.p.requestId < b.p.requestId ? -1 : a.p.requestId > b.p.requestId ? 1 : 0) ||
      (a.p.volunteerId < b.p.volunteerId ? -1 : a.p.volunteerId > b.p.volunteerId ? 1 : 0)
    );
  });

  const kept: { r: RequestInfo; v: VolunteerInfo }[] = [];
  const warnings: Reason[] = [];
  for (const { p, r, v } of resolved) {
    if (!r || !v) {
      const missing = !r
        ? `依頼番号 ${p.requestId} が依頼にありません`
        : `登録番号 ${p.volunteerId} が名簿にありません`;
      const missingEn = !r
        ? `依頼番号 ${p.requestId} is not in 依頼`
        : `登録番号 ${p.volunteerId} is not in the roster`;
      warnings.push(pinWarning('unknown', p, missing, missingEn));
      continue;
    }
    if (r.assigned.has(v.key)) continue; // already in 担当ボランティア: nothing to keep
    if (!r.open) {
      warnings.push(
        pinWarning(
          'closed',
          p,
          `依頼の状態が「${r.record.status ?? ''}」のため対象外です`,
          `the request is 「${r.record.status ?? ''}」, not open`,
        ),
      );
      continue;
    }
    const failure = firstFailure(model, v, r);
    if (failure !== null) {
      const t = PAIR_FAILURE_TEXT[failure];
      warnings.push(
        pinWarning(
          failure === 'excluded' ? 'excluded' : 'impossible',
          p,
          `${t.ja}。固定を解除しました`,
          `${t.en}; the pin was dropped`,
        ),
      );
      continue;
    }
    if ((places[r.index] as number) <= 0) {
      warnings.push(
        pinWarning('noPlace', p, '必要人数を超えるため固定できません', 'the request has no place left for it'),
      );
      continue;
    }
    if ((capacity[v.index] as number) <= 0) {
      warnings.push(
        pinWarning(
          'capacity',
          p,
          `ボランティアが月間上限（${v.limit}件）に達しています`,
          `the volunteer has reached the monthly limit (${v.limit})`,
        ),
      );
      continue;
    }
    places[r.index] = (places[r.index] as number) - 1;
    capacity[v.index] = (capacity[v.index] as number) - 1;
    kept.push({ r, v });
  }
  return { kept, warnings };
}

/**
 * Assigns volunteers to the open requests (受付, 調整中): first the most places filled, then the
 * highest total score, exactly (solveAssignment), over the pairs every hard constraint allows.
 * Pinned pairs are kept first; excluded pairs are never made. Every assignment says why, every
 * request left short says what binds, and the shortages list what to recruit for. Pure and
 * deterministic: the same input gives the same result.
 */
export function matchVolunteers(input: MatchInput): MatchResult {
  const { weights, warnings: weightWarnings } = resolveWeights(input.settings);
  const model = buildModel(
    input.volunteers,
    input.requests,
    input.activities,
    input.settings,
    input.today,
    input.exclusions,
  );
  const ctx: ScoreContext = { model, related: relatedFieldsOf(input.settings), weights };

  const places = model.requests.map((r) => r.places);
  const capacity = model.volunteers.map((v) => v.capacity);
  const pins = applyPins(model, input.pins, places, capacity);
  const pinnedHere = new Map<number, Set<string>>();
  for (const { r, v } of pins.kept) {
    let set = pinnedHere.get(r.index);
    if (!set) pinnedHere.set(r.index, (set = new Set()));
    set.add(v.key);
  }

  // Edges: every possible pair of a request with places left and a volunteer with capacity left,
  // listed by request row then volunteer row (the solver's tie rule prefers earlier pairs), so
  // the solver sees the same problem every time. Volunteers are its left side, requests its right.
  const index = buildCandidateIndex(model);
  const stamp = new Int32Array(model.volunteers.length).fill(-1);
  const requestOf: RequestInfo[] = [];
  const volunteerSlot = new Int32Array(model.volunteers.length).fill(-1);
  const volunteerOf: VolunteerInfo[] = [];
  const edges: { left: number; right: number; weight: number }[] = [];
  for (const r of model.requests) {
    if ((places[r.index] as number) <= 0) continue;
    const pinned = pinnedHere.get(r.index);
    let right = -1;
    for (const v of findCandidates(model, index, r, stamp, r.index)) {
      if ((capacity[v.index] as number) <= 0 || pinned?.has(v.key)) continue;
      if (right < 0) {
        right = requestOf.length;
        requestOf.push(r);
      }
      let left = volunteerSlot[v.index] as number;
      if (left < 0) {
        left = volunteerOf.length;
        volunteerSlot[v.index] = left;
        volunteerOf.push(v);
      }
      edges.push({ left, right, weight: edgeWeight(pairScore(ctx, v, r)) });
    }
  }
  const problem: AssignmentProblem = {
    leftCapacity: volunteerOf.map((v) => capacity[v.index] as number),
    rightCapacity: requestOf.map((r) => places[r.index] as number),
    edges,
  };
  const solution = edges.length > 0 ? solveAssignment(problem) : { chosen: [], filled: 0, totalWeight: 0 };

  const pairs: { r: RequestInfo; v: VolunteerInfo; pinned: boolean }[] = pins.kept.map((k) => ({ ...k, pinned: true }));
  for (const e of solution.chosen) {
    const edge = edges[e] as (typeof edges)[number];
    pairs.push({ r: requestOf[edge.right] as RequestInfo, v: volunteerOf[edge.left] as VolunteerInfo, pinned: false });
  }
  pairs.sort((a, b) => a.r.index - b.r.index || a.v.index - b.v.index);

  const assignedHere = new Map<number, Set<string>>();
  let totalScore = 0;
  const assignments: Assignment[] = pairs.map(({ r, v, pinned }) => {
    let set = assignedHere.get(r.index);
    if (!set) assignedHere.set(r.index, (set = new Set()));
    set.add(v.key);
    const explained = explainPair(ctx, v, r);
    totalScore += explained.score;
    return {
      requestId: r.id,
      volunteerId: v.id,
      requestRow: r.record.row,
      volunteerRow: v.record.row,
      ...(r.record.sheet === undefined ? {} : { requestSheet: r.record.sheet }),
      ...(v.record.sheet === undefined ? {} : { volunteerSheet: v.record.sheet }),
      score: roundScore(explained.score),
      reasons: explained.reasons,
      pinned,
    };
  });

  const unmatched: Unmatched[] = [];
  const unmet: UnmetRequest[] = [];
  let totalPlaces = 0;
  for (const r of model.requests) {
    if (r.places <= 0) continue;
    totalPlaces += r.places;
    const here = assignedHere.get(r.index) ?? new Set<string>();
    const missing = r.places - here.size;
    if (missing <= 0) continue;
    const explanation = explainUnmet(model, r, r.places, here, input.settings.fiscalYearStartMonth);
    unmatched.push({
      requestId: r.id,
      requestRow: r.record.row,
      ...(r.record.sheet === undefined ? {} : { requestSheet: r.record.sheet }),
      needed: r.places,
      filled: here.size,
      missing,
      reasons: explanation.reasons,
    });
    unmet.push({ request: r, missing, explanation });
  }

  return {
    assignments,
    unmatched,
    shortages: shortagesOf(unmet),
    stats: {
      filledPlaces: assignments.length,
      totalPlaces,
      score: roundScore(totalScore),
      candidatePairs: edges.length + pins.kept.length,
    },
    warnings: [...model.warnings, ...weightWarnings, ...pins.warnings],
  };
}
