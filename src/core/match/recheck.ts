/**
 * Defines recheckPairs: the pairs staff approved for 確定, checked again against everything that
 * makes a pair possible — also a pair typed into マッチング結果 by hand, which matching never proposed.
 */
import { firstFailure } from './constraints';
import { buildModel, idKey } from './model';
import type { MatchInput, PairKey, Reason } from './types';
import { PAIR_FAILURE_TEXT } from './unmet';

export interface PairRecheck {
  /** Pairs that may be committed, in the order given. */
  accepted: PairKey[];
  /** Pairs whose volunteer is already in the request's 担当ボランティア: nothing to write. */
  already: PairKey[];
  /** Pairs that must not be committed, each with the reason. */
  refused: Array<{ pair: PairKey; reason: Reason }>;
}

function refusal(code: string, ja: string, en: string): Reason {
  return { code: `commit.${code}`, ja, en };
}

/**
 * Checks pairs in the order given: the request is in 依頼 and open (受付・調整中); the volunteer is
 * in the roster, 活動中 and has consented (個人情報同意); every hard constraint holds (skills,
 * language, 性別希望, where, insurance for the fiscal year, time, 除外); the request has a place
 * left (必要人数 minus those already on it and those accepted before); the volunteer has room in
 * 月間上限. Each accepted pair takes its place and its unit of capacity. Pure.
 */
export function recheckPairs(input: Omit<MatchInput, 'pins'>, pairs: readonly PairKey[]): PairRecheck {
  const model = buildModel(
    input.volunteers,
    input.requests,
    input.activities,
    input.settings,
    input.today,
    input.exclusions,
  );
  const places = model.requests.map((r) => r.places);
  const capacity = model.volunteers.map((v) => v.capacity);
  const result: PairRecheck = { accepted: [], already: [], refused: [] };
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = `${idKey(pair.requestId)}\u0000${idKey(pair.volunteerId)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const refuse = (reason: Reason): void => {
      result.refused.push({ pair, reason });
    };
    const r = model.requestByKey.get(idKey(pair.requestId));
    const v = model.volunteerByKey.get(idKey(pair.volunteerId));
    if (!r) {
      refuse(refusal('unknownRequest', '依頼シートにこの依頼番号がありません', 'the request is not in the 依頼 sheet'));
      continue;
    }
    if (!v) {
      refuse(
        refusal('unknownVolunteer', 'ボランティア名簿にこの登録番号がありません', 'the volunteer is not in the roster'),
      );
      continue;
    }
    if (r.assigned.has(v.key)) {
      result.already.push(pair);
      continue;
    }
    if (!r.open) {
      const status = r.record.status ?? '';
      refuse(
        refusal(
          'requestClosed',
          `依頼の状態が「${status}」です（受付・調整中ではありません）`,
          `the request is 「${status}」, not 受付 or 調整中`,
        ),
      );
      continue;
    }
    if (!v.active) {
      const status = v.record.status ?? '';
      refuse(
        refusal(
          'volunteerInactive',
          `ボランティアの状態が「${status}」です（活動中ではありません）`,
          `the volunteer is 「${status}」, not 活動中`,
        ),
      );
      continue;
    }
    if (!v.consent) {
      refuse(
        refusal(
          'noConsent',
          '個人情報の取り扱いに同意していません（個人情報同意）',
          'the volunteer has not consented (個人情報同意)',
        ),
      );
      continue;
    }
    const failure = firstFailure(model, v, r);
    if (failure !== null) {
      const text = PAIR_FAILURE_TEXT[failure];
      refuse(refusal(failure, text.ja, text.en));
      continue;
    }
    if ((places[r.index] as number) <= 0) {
      refuse(refusal('noPlace', '必要人数をすでに満たしています', 'the request has no place left'));
      continue;
    }
    if ((capacity[v.index] as number) <= 0) {
      refuse(
        refusal(
          'capacity',
          `ボランティアが月間上限（${v.limit}件）に達しています`,
          `the volunteer has reached the monthly limit (${v.limit})`,
        ),
      );
      continue;
    }
    places[r.index] = (places[r.index] as number) - 1;
    capacity[v.index] = (capacity[v.index] as number) - 1;
    result.accepted.push(pair);
  }
  return result;
}
