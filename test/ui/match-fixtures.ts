// Small, readable MatchView fixtures for the マッチング tests.
import type { MatchView, PairView, RequestMatchView, UndoInfo } from '../../src/shared/rpc';

export const MARKUP = '<img src=x onerror="window.__x=1">';

export function pair(requestId: string, volunteerId: string, overrides: Partial<PairView> = {}): PairView {
  return {
    requestId,
    volunteerId,
    volunteerName: '山田 花子',
    score: 82.5,
    reasons: [
      { ja: '同じ地区', en: 'same district' },
      { ja: '火曜午前が一致', en: 'Tuesday morning matches' },
    ],
    pinned: false,
    approved: false,
    ...overrides,
  };
}

export function request(requestId: string, overrides: Partial<RequestMatchView> = {}): RequestMatchView {
  return {
    requestId,
    row: 2,
    sheet: '依頼',
    category: '家事援助',
    area: '北東部',
    needed: 1,
    filled: 1,
    pairs: [pair(requestId, 'V-001')],
    unmatchedReasons: [],
    excluded: [],
    ...overrides,
  };
}

export const commitUndo: UndoInfo = {
  label: { ja: 'マッチングの確定（1組）', en: 'committed matches (1)' },
  at: '2025-01-10T02:00:00.000Z',
};

export function matchView(overrides: Partial<MatchView> = {}): MatchView {
  return {
    requests: [
      request('R-001'),
      request('R-002', {
        needed: 2,
        filled: 1,
        pairs: [pair('R-002', 'V-002', { volunteerName: '佐藤 一郎', pinned: true })],
        unmatchedReasons: [
          {
            ja: '地区内に庭木の対応者がいません（隣接圏域には2名）',
            en: 'No one in the district does garden trees (2 in adjacent areas)',
          },
        ],
        excluded: [{ volunteerId: 'V-009', volunteerName: '鈴木 次郎' }],
      }),
    ],
    stats: { filledPlaces: 2, totalPlaces: 3, score: 165, candidatePairs: 7 },
    shortages: [
      { dimension: 'categoryArea', key: '家事援助 × 北東部', places: 1 },
      { dimension: 'skill', key: '手話', places: 1 },
    ],
    warnings: [],
    resultSheet: 'マッチング結果',
    shortageSheet: '不足分析',
    approved: 0,
    undo: null,
    ...overrides,
  };
}
