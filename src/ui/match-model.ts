/** What the マッチング section says, as plain text per language: stats, requests, pairs, the recruiting agenda, outcomes; and the list's filter and folding. */
import type { Message, MatchView, PairView, RequestMatchView } from '../shared/rpc';
import { pickMessage, t, type Lang, type MessageKey } from './i18n';
import { undoneText } from './undo';

/** Above this many requests on screen the list starts folded, each showing its filled/needed. */
export const OPEN_REQUESTS_MAX = 10;

/** One volunteer ↔ request pair, as the server's calls name it. */
export interface PairRef {
  requestId: string;
  volunteerId: string;
}

/** Identifies a pair across runs (ids are sheet text, so the separator is one no cell holds). */
export function pairKey(pair: PairRef): string {
  return `${pair.requestId}\u0000${pair.volunteerId}`;
}

export function samePair(a: PairRef | null, b: PairRef): boolean {
  return a !== null && a.requestId === b.requestId && a.volunteerId === b.volunteerId;
}

/** 「充足 12/15 人分」「候補の組み合わせ 48」「承認済み 3組」. */
export function statsParts(view: MatchView, lang: Lang): string[] {
  return [
    t(lang, 'match.filled', { filled: view.stats.filledPlaces, total: view.stats.totalPlaces }),
    t(lang, 'match.candidates', { n: view.stats.candidatePairs }),
    t(lang, 'match.approvedCount', { n: view.approved }),
  ];
}

/** A request with places nobody fills. */
export function isShort(request: Pick<RequestMatchView, 'filled' | 'needed'>): boolean {
  return request.filled < request.needed;
}

/** The requests on screen: all of them, or with 「不足のある依頼だけ表示」 only those still short. */
export function visibleRequests(requests: readonly RequestMatchView[], shortOnly: boolean): RequestMatchView[] {
  return shortOnly ? requests.filter(isShort) : [...requests];
}

/** Open unless the list on screen is long; a choice staff made (by request id) wins. */
export function requestOpen(requestId: string, shownCount: number, chosen: ReadonlyMap<string, boolean>): boolean {
  return chosen.get(requestId) ?? shownCount <= OPEN_REQUESTS_MAX;
}

export interface RequestModel {
  /** 「依頼 R-012」. */
  title: string;
  /** 「家事援助・北東部」; '' when the sheet gives neither. */
  meta: string;
  /** 「1/2 人」: visible in the folded summary. */
  filledText: string;
  short: boolean;
}

/**
 * One request's heading. When matching read more than one 依頼 sheet (`manySheets`), it also says
 * which sheet and row the request is on, where 確定 will write.
 */
export function requestModel(request: RequestMatchView, lang: Lang, manySheets = false): RequestModel {
  const place = manySheets ? t(lang, 'match.requestPlace', { sheet: request.sheet, row: request.row }) : '';
  return {
    title: t(lang, 'match.request', { id: request.requestId }),
    meta: [request.category, request.area, place].filter((part) => part !== '').join(t(lang, 'list.dot')),
    filledText: t(lang, 'match.requestFilled', { filled: request.filled, needed: request.needed }),
    short: isShort(request),
  };
}

/** 「V-003 山田 花子」; the id alone when the roster gives no name. */
export function volunteerText(volunteer: { volunteerId: string; volunteerName: string }): string {
  return volunteer.volunteerName ? `${volunteer.volunteerId} ${volunteer.volunteerName}` : volunteer.volunteerId;
}

export interface PairModel {
  who: string;
  /** 「スコア 82.5」. */
  scoreText: string;
  /** The reasons in the current language, joined with ・ (「同じ地区・火曜午前が一致」). */
  reasonsText: string;
  badges: Array<{ tone: 'pinned' | 'approved'; text: string }>;
  /** 「固定」, or 「固定を外す」 for a pinned pair. */
  pinText: string;
  /** What the pin button asks the server for. */
  pinDecision: 'pin' | 'none';
}

export function pairModel(pair: PairView, lang: Lang): PairModel {
  const badges: PairModel['badges'] = [];
  if (pair.pinned) badges.push({ tone: 'pinned', text: t(lang, 'match.pinned') });
  if (pair.approved) badges.push({ tone: 'approved', text: t(lang, 'match.approvedBadge') });
  return {
    who: volunteerText(pair),
    scoreText: t(lang, 'match.score', { score: pair.score }),
    reasonsText: reasonsText(pair.reasons, lang),
    badges,
    pinText: t(lang, pair.pinned ? 'match.unpin' : 'match.pin'),
    pinDecision: pair.pinned ? 'none' : 'pin',
  };
}

export function reasonsText(reasons: readonly Message[], lang: Lang): string {
  return reasons
    .map((reason) => pickMessage(reason, lang))
    .filter((text) => text !== '')
    .join(t(lang, 'list.dot'));
}

const DIMENSION_KEYS: Readonly<Record<string, MessageKey>> = {
  categoryArea: 'dimension.categoryArea',
  skill: 'dimension.skill',
  language: 'dimension.language',
  timeSlot: 'dimension.timeSlot',
};

/** 「内容区分×圏域」 for 'categoryArea'; a dimension this sidebar does not know yet is shown as its key. */
export function dimensionLabel(dimension: string, lang: Lang): string {
  const key = Object.prototype.hasOwnProperty.call(DIMENSION_KEYS, dimension) ? DIMENSION_KEYS[dimension] : undefined;
  return key ? t(lang, key) : dimension;
}

/** The recruiting agenda's rows in the order the server sent them (largest first). */
export function shortageRows(view: MatchView, lang: Lang): Array<{ dimension: string; key: string; places: string }> {
  return view.shortages.map((row) => ({
    dimension: dimensionLabel(row.dimension, lang),
    key: row.key,
    places: String(row.places),
  }));
}

/** The view after one 承認 tick: that pair's flag and the server's new total of approved pairs. */
export function withApproval(view: MatchView, pair: PairRef, approved: boolean, total: number): MatchView {
  return {
    ...view,
    approved: total,
    requests: view.requests.map((request) =>
      request.requestId !== pair.requestId
        ? request
        : {
            ...request,
            pairs: request.pairs.map((p) => (p.volunteerId === pair.volunteerId ? { ...p, approved } : p)),
          },
    ),
  };
}

/** The outcome of the last action, kept as data so it can be said again in the other language. */
export type MatchNotice =
  | { kind: 'committed'; committed: number; requests: number; refused: CommitRefusal[] }
  | { kind: 'undone'; label: Message; cells: number }
  | { kind: 'stopped' };

/** A pair 確定 did not write, and why. */
export interface CommitRefusal {
  requestId: string;
  volunteerId: string;
  reason: Message;
}

/** 「依頼 R-1 と V-2 は確定しませんでした: 個人情報の…」 */
export function refusedText(refusal: CommitRefusal, lang: Lang): string {
  return t(lang, 'match.refused', {
    request: refusal.requestId,
    volunteer: refusal.volunteerId,
    reason: lang === 'ja' ? refusal.reason.ja : refusal.reason.en,
  });
}

export function matchNoticeText(notice: MatchNotice, lang: Lang): string {
  if (notice.kind === 'stopped') return t(lang, 'match.stopped');
  return notice.kind === 'committed'
    ? t(lang, 'match.committed', { n: notice.committed, requests: notice.requests })
    : undoneText(notice.label, notice.cells, lang);
}
