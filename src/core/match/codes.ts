/** Defines the catalogue of matching reason codes: why a pair, why a place is unfilled, and the warnings (docs/matching.md follows it). */

export interface ReasonCodeInfo {
  /** Where the code appears. */
  readonly kind: 'assignment' | 'unmatched' | 'warning';
  /** What it means, in one line. */
  readonly ja: string;
  readonly en: string;
}

function code(kind: ReasonCodeInfo['kind'], ja: string, en: string): ReasonCodeInfo {
  return { kind, ja, en };
}

const A = 'assignment';
const U = 'unmatched';
const W = 'warning';

/** Every code matchVolunteers can put in a Reason. */
export const MATCH_REASON_CODES = {
  // ── why this pair (Assignment.reasons) ──
  'pair.sameDistrict': code(A, '同じ地区', 'Same district'),
  'pair.sameArea': code(A, '同じ圏域（地区は別）', 'Same area, another district'),
  'pair.adjacentArea': code(A, '隣接する圏域', 'Adjacent area'),
  'pair.remote': code(A, '在宅対応可の依頼で、圏域は離れている', 'A from-home request; the areas are apart'),
  'pair.sharedTime': code(
    A,
    '活動可能日時と希望日時が重なる曜日・時間帯（例: 火曜午前が一致）',
    'The slots both are free (e.g. Tuesday morning)',
  ),
  'pair.continuity': code(
    A,
    '以前にもこの依頼者を担当した（依頼または活動記録）',
    'Helped this requester before (依頼 or 活動記録)',
  ),
  'pair.interest': code(
    A,
    '活動分野が内容区分と一致（一致した活動分野を表示）',
    'A field of interest matches the request category',
  ),
  'pair.fewRecent': code(A, '最近90日の担当が1件以下', 'At most one assignment in the last 90 days'),
  'pair.waiting': code(A, '受付から14日以上経過', 'Received 14 or more days ago'),
  // ── why places are unfilled (Unmatched.reasons) ──
  'unmet.noVolunteers': code(
    U,
    '名簿のボランティアが必要人数に足りない',
    'The roster has fewer volunteers than places',
  ),
  'unmet.status': code(
    U,
    '条件に合う人はいるが休止中など活動中でない',
    'People who fit are there, but paused or otherwise not active',
  ),
  'unmet.consent': code(
    U,
    '条件に合う人はいるが個人情報の同意が確認できていない',
    'People who fit are there, but their consent is not recorded',
  ),
  'unmet.skills': code(U, '必要な資格・特技のある人が足りない', 'Too few with the required skills'),
  'unmet.language': code(U, '依頼の言語に対応できる人が足りない', 'Too few speak the asked language'),
  'unmet.gender': code(U, '性別希望に合う人が足りない', 'Too few meet the gender preference'),
  'unmet.location': code(
    U,
    '同じ圏域・隣接圏域（または同じ地区）に対応者が足りない',
    'Too few in the same or an adjacent area',
  ),
  'unmet.noLocation': code(U, '依頼の圏域・地区が空欄で近くの人を探せない', 'The request has no area or district'),
  'unmet.insurance': code(U, 'ボランティア活動保険の未加入で対象外', 'Ruled out for lack of volunteer insurance'),
  'unmet.time': code(U, '希望日時に活動できる人が足りない', 'Too few are free at the wished time'),
  'unmet.excluded': code(U, '残る候補が除外した組み合わせ', 'The remaining candidates were excluded'),
  'unmet.capacity': code(U, '候補が月間上限に達している', 'Candidates have reached their monthly limit'),
  'unmet.taken': code(U, '候補を他の依頼に割り当てた', 'Candidates were assigned to other requests'),
  // ── warnings ──
  'pin.unknown': code(
    W,
    '固定した組み合わせの依頼番号・登録番号が見つからない',
    'A pinned request or volunteer id was not found',
  ),
  'pin.closed': code(W, '固定した組み合わせの依頼が受付・調整中でない', 'A pinned request is no longer open'),
  'pin.impossible': code(
    W,
    '固定した組み合わせが条件を満たさなくなった',
    'A pinned pair no longer meets a hard constraint',
  ),
  'pin.excluded': code(W, '固定した組み合わせが除外もされている', 'A pinned pair is also excluded'),
  'pin.noPlace': code(W, '固定した組み合わせが必要人数を超える', 'More pins than the request needs'),
  'pin.capacity': code(
    W,
    '固定した組み合わせのボランティアが月間上限に達している',
    'A pinned volunteer has reached the monthly limit',
  ),
  'volunteer.noId': code(W, '登録番号のない名簿の行がある', 'Roster rows without 登録番号'),
  'volunteer.duplicateId': code(W, '同じ登録番号が名簿に2行以上ある', 'A 登録番号 on more than one roster row'),
  'request.noId': code(W, '依頼番号のない受付・調整中の依頼がある', 'Open requests without 依頼番号'),
  'request.duplicateId': code(W, '同じ依頼番号が依頼に2行以上ある', 'A 依頼番号 on more than one row'),
  'weight.unknown': code(W, '設定の重みの名前が分からない', 'A 設定 weight name is not known'),
  'weight.negative': code(W, '設定の重みが負の数', 'A 設定 weight is negative'),
} as const satisfies Record<string, ReasonCodeInfo>;

export type MatchReasonCode = keyof typeof MATCH_REASON_CODES;
