/** Defines the soft score of a possible pair (0–100 from the weights) and the reasons that explain it, each true of the data. */
import { formatSlots } from '../text/availability';
import { proximityOf, type Proximity } from './constraints';
import { interestOf, interestPoints } from './interest';
import { bitCount, RECENT_DAYS, slotsOfMask, type MatchModel, type RequestInfo, type VolunteerInfo } from './model';
import type { Reason } from './types';
import type { ScorePart } from './weights';

/** Points of the proximity part. */
export const PROXIMITY_POINTS: Readonly<Record<Proximity, number>> = {
  district: 1,
  area: 0.75,
  adjacent: 0.4,
  remote: 0.1,
};
/** Time part when either side gave no (readable) times: neither helps nor hurts. */
export const TIME_UNKNOWN_POINTS = 0.5;
/** Waiting part: full points from this many days after 受付日. */
export const WAITING_FULL_DAYS = 60;
/** 「受付から○日経過」 is said from this many days. */
export const WAITING_REASON_DAYS = 14;
/** 「最近の担当が少ない」 is said up to this many recent assignments. */
export const FEW_RECENT = 1;

export interface PairScore {
  /** 0–100, unrounded. */
  readonly score: number;
  readonly parts: Readonly<Record<ScorePart, number>>;
  readonly reasons: Reason[];
}

/** '火午前' → '火曜午前' where a part names one day, as people say it; '月水午前、土日終日' is kept. */
export function slotText(mask: number): string {
  return formatSlots(slotsOfMask(mask))
    .split('、')
    .map((p) => p.replace(/^([月火水木金土日])(午前|午後|夜間|終日)/, '$1曜$2'))
    .join('、');
}

const PROXIMITY_REASONS: Readonly<Record<Proximity, Reason>> = {
  district: { code: 'pair.sameDistrict', ja: '同じ地区', en: 'Same district (地区)' },
  area: { code: 'pair.sameArea', ja: '同じ圏域', en: 'Same area (圏域)' },
  adjacent: { code: 'pair.adjacentArea', ja: '隣接する圏域', en: 'Adjacent area (圏域)' },
  remote: { code: 'pair.remote', ja: '在宅で対応可', en: 'Can be done from home' },
};

/** Scores one pair; the context is built once per run. */
export interface ScoreContext {
  readonly model: MatchModel;
  readonly related: ReadonlyMap<string, readonly string[]>;
  readonly weights: Readonly<Record<ScorePart, number>>;
}

function timePoints(v: VolunteerInfo, r: RequestInfo): number {
  if (r.slots === 0 || v.slots === 0) return TIME_UNKNOWN_POINTS;
  return Math.min(1, bitCount(r.slots & v.slots) / bitCount(r.slots));
}

function helpedBefore(model: MatchModel, v: VolunteerInfo, r: RequestInfo): boolean {
  return r.requesterKey !== null && (model.helpedBy.get(r.requesterKey)?.has(v.key) ?? false);
}

function waitingPoints(r: RequestInfo): number {
  return r.waitingDays === null ? 0 : Math.min(1, r.waitingDays / WAITING_FULL_DAYS);
}

/**
 * The score of a possible pair, 0–100 unrounded: Σ weight × part ÷ Σ weights × 100, with parts
 * (each 0–1) interest (活動分野 vs 内容区分), proximity, breadth of the shared times (the share
 * of the wished slots the volunteer can do), continuity (helped this 依頼者 before), fairness
 * (1 ÷ (1 + assignments in the last 90 days)) and waiting (days since 受付日 ÷ 60, at most 1).
 * Allocates nothing: it runs for every possible pair.
 */
export function pairScore(ctx: ScoreContext, v: VolunteerInfo, r: RequestInfo): number {
  const w = ctx.weights;
  const total = w.interest + w.proximity + w.time + w.continuity + w.fairness + w.waiting;
  if (total <= 0) return 0;
  const sum =
    w.interest * interestPoints(v.fields, r.record.category, ctx.related) +
    w.proximity * PROXIMITY_POINTS[proximityOf(v, r) ?? 'remote'] +
    w.time * timePoints(v, r) +
    w.continuity * (helpedBefore(ctx.model, v, r) ? 1 : 0) +
    w.fairness * (1 / (1 + v.recent)) +
    w.waiting * waitingPoints(r);
  return (sum / total) * 100;
}

/** The score with its parts and the reasons that explain it; the score equals pairScore's. */
export function explainPair(ctx: ScoreContext, v: VolunteerInfo, r: RequestInfo): PairScore {
  const reasons: Reason[] = [];
  const proximity = proximityOf(v, r) ?? 'remote';
  reasons.push({ ...PROXIMITY_REASONS[proximity] });

  const shared = r.slots & v.slots;
  if (shared !== 0) {
    const text = slotText(shared);
    reasons.push({ code: 'pair.sharedTime', ja: `${text}が一致`, en: `Both free: ${text}` });
  }

  const helped = helpedBefore(ctx.model, v, r);
  if (helped) reasons.push({ code: 'pair.continuity', ja: '以前にも担当', en: 'Helped this requester before' });

  const interest = interestOf(v.fields, r.record.category, ctx.related);
  if (interest.points > 0) {
    const f = interest.fields.join('・');
    reasons.push({ code: 'pair.interest', ja: `活動分野が一致（${f}）`, en: `Field of interest matches (${f})` });
  }

  if (v.recent <= FEW_RECENT) {
    reasons.push({
      code: 'pair.fewRecent',
      ja: `最近の担当が少ない（${RECENT_DAYS}日で${v.recent}件）`,
      en: `Few recent assignments (${v.recent} in ${RECENT_DAYS} days)`,
    });
  }

  if (r.waitingDays !== null && r.waitingDays >= WAITING_REASON_DAYS) {
    reasons.push({
      code: 'pair.waiting',
      ja: `受付から${r.waitingDays}日経過`,
      en: `${r.waitingDays} days since received`,
    });
  }

  const parts: Record<ScorePart, number> = {
    interest: interest.points,
    proximity: PROXIMITY_POINTS[proximity],
    time: timePoints(v, r),
    continuity: helped ? 1 : 0,
    fairness: 1 / (1 + v.recent),
    waiting: waitingPoints(r),
  };
  return { score: pairScore(ctx, v, r), parts, reasons };
}

/** The solver's integer weight of a score: round(score × 100), 0…10,000. */
export function edgeWeight(score: number): number {
  return Math.max(0, Math.min(10_000, Math.round(score * 100)));
}

export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}
