/** Defines the unmet-need analysis: per request, how many volunteers each constraint rules out (a funnel) and the binding reason(s) of its unfilled places. */
import { formatFiscalYear } from '../text/date';
import { firstFailure, PAIR_STAGES, type PairStage } from './constraints';
import { GENDER_JA, type MatchModel, type RequestInfo, type VolunteerInfo } from './model';
import { slotText } from './score';
import type { Reason } from './types';

/** Where a request's would-be volunteers went: ruled out by a pair constraint, or left after all of them. */
export interface Funnel {
  /** Roster volunteers (with an id, not 退会) not already on the request. */
  readonly considered: number;
  /** Roster volunteers with 状態 退会: not counted anywhere else. */
  readonly withdrawn: number;
  /** How many each constraint ruled out; a volunteer counts under the first one failed. */
  readonly eliminated: Readonly<Record<PairStage, number>>;
  /** Volunteers every pair constraint allows, in roster order. */
  readonly survivors: readonly VolunteerInfo[];
}

export function funnelOf(model: MatchModel, r: RequestInfo): Funnel {
  const eliminated: Record<PairStage, number> = {
    skills: 0,
    language: 0,
    gender: 0,
    location: 0,
    time: 0,
    status: 0,
    consent: 0,
    insurance: 0,
    excluded: 0,
  };
  const survivors: VolunteerInfo[] = [];
  let considered = 0;
  let withdrawn = 0;
  for (const v of model.volunteers) {
    if (r.assigned.has(v.key)) continue;
    // 退会 volunteers have left: counting them would send staff to ask people who are gone.
    if (v.withdrawn) {
      withdrawn++;
      continue;
    }
    considered++;
    const f = firstFailure(model, v, r);
    if (f === null) survivors.push(v);
    else eliminated[f]++;
  }
  return { considered, withdrawn, eliminated, survivors };
}

/** What binds: a pair constraint, the roster itself, or what happened to the volunteers it left. */
export type BindingStage = PairStage | 'noVolunteers' | 'noLocation' | 'capacity' | 'taken';

export interface UnmetExplanation {
  readonly funnel: Funnel;
  /** The binding stages, in funnel order; the reasons say the same in words, one each. */
  readonly binding: readonly BindingStage[];
  readonly reasons: Reason[];
  /** Skills named as missing (shortage keys): the required skills too few people have, or their combination joined with ＋. */
  readonly missingSkills: readonly string[];
}

/** The required skills fewer than `places` volunteers (退会 aside) have; all of them (as one combination) when each alone is common enough. */
function scarceSkills(model: MatchModel, r: RequestInfo, places: number): { names: string[]; combined: boolean } {
  const names: string[] = [];
  for (const s of r.skills) {
    let n = 0;
    for (const v of model.volunteers) if (!r.assigned.has(v.key) && !v.withdrawn && v.skills.has(s)) n++;
    if (n < places) names.push(s);
  }
  return names.length > 0 ? { names, combined: false } : { names: r.skills.slice(), combined: true };
}

function skillsPhrase(s: { names: string[]; combined: boolean }): { ja: string; en: string } {
  if (!s.combined || s.names.length === 1)
    return { ja: `${s.names.join('・')}ができる人`, en: `people with ${s.names.join(', ')}` };
  return {
    ja: `${s.names.join('と')}を${s.names.length === 2 ? '両方' : 'すべて'}できる人`,
    en: `people with all of ${s.names.join(', ')}`,
  };
}

/**
 * Who fits what the request asks, as staff would say it: 「手話ができる人」「ベトナム語に対応できる人」,
 * or 「条件に合う人」 when it asks nothing in particular.
 */
function fitPhrase(r: RequestInfo): { ja: string; en: string } {
  if (r.skills.length > 0) return skillsPhrase({ names: r.skills.slice(), combined: true });
  if (r.languages.length > 0)
    return { ja: `${r.languages.join('または')}に対応できる人`, en: `people who speak ${r.languages.join(' or ')}` };
  return { ja: '条件に合う人', en: 'people who meet the request' };
}

/** The place a request is near, as staff say it: '北東部と隣接圏域', or its 地区. */
function placeText(model: MatchModel, r: RequestInfo): { ja: string; en: string } {
  if (r.area !== null) {
    const adj = (model.adjacent.get(r.area)?.size ?? 0) > 0;
    return adj ? { ja: `${r.area}と隣接圏域`, en: `${r.area} and its adjacent areas` } : { ja: r.area, en: r.area };
  }
  return { ja: r.district as string, en: r.district as string };
}

function reason(code: string, ja: string, en: string): Reason {
  return { code: `unmet.${code}`, ja, en };
}

/**
 * The sentence for a binding pair constraint. `before` volunteers passed the earlier
 * constraints, this one ruled out `out` of them and left `left` (fewer than `places`).
 */
function stageReason(
  model: MatchModel,
  r: RequestInfo,
  stage: PairStage,
  before: number,
  left: number,
  places: number,
  startMonth: number,
): Reason {
  const out = before - left;
  const none = left === 0;
  const need = `必要${places}名`;
  const needEn = `${places} needed`;
  switch (stage) {
    case 'status': {
      const fit = fitPhrase(r);
      const allPaused = pausedCount(model, r) === out;
      return none
        ? allPaused
          ? reason(
              'status',
              `${fit.ja}は${before}名いますが、${out === 1 ? '' : '全員が'}休止中です（${out}名）。活動を再開できるか確認してください`,
              `There are ${before} ${fit.en}, but all are paused (${out}); ask whether they can resume`,
            )
          : reason(
              'status',
              `${fit.ja}は${before}名いますが、${out === 1 ? '' : '全員が'}活動中ではありません（休止中・状態が空欄など: ${out}名）。状態を確認してください`,
              `There are ${before} ${fit.en}, but none is 活動中 (paused or status blank: ${out}); check their status`,
            )
        : reason(
            'status',
            `${fit.ja}のうち活動中は${left}名のみです（${need}、${allPaused ? '休止中' : '活動中でない人'}: ${out}名）`,
            `Only ${left} of the ${fit.en} are 活動中 (${needEn}; ${out} ${allPaused ? 'paused' : 'not active'})`,
          );
    }
    case 'consent': {
      const fit = fitPhrase(r);
      return none
        ? reason(
            'consent',
            `${fit.ja}は${before}名いますが、個人情報の取り扱いへの同意が確認できていません（${out}名）。同意を確認すれば候補になります`,
            `There are ${before} ${fit.en}, but their consent to the use of personal data is not recorded (${out}); once it is, they become candidates`,
          )
        : reason(
            'consent',
            `個人情報の同意が確認できている候補は${left}名のみです（${need}、同意未確認: ${out}名）`,
            `Only ${left} candidate(s) have consent recorded (${needEn}; ${out} without consent)`,
          );
    }
    case 'skills': {
      const p = skillsPhrase(scarceSkills(model, r, places));
      return none
        ? reason('skills', `${p.ja}がいません`, `No one among the candidates: ${p.en}`)
        : reason('skills', `${p.ja}が${left}名のみです（${need}）`, `Only ${left} ${p.en} (${needEn})`);
    }
    case 'language': {
      const l = r.languages.join('または');
      const lEn = r.languages.join(' or ');
      return none
        ? reason('language', `${l}に対応できる人がいません`, `No one speaks ${lEn}`)
        : reason(
            'language',
            `${l}に対応できる人が${left}名のみです（${need}）`,
            `Only ${left} speak ${lEn} (${needEn})`,
          );
    }
    case 'gender': {
      const g = GENDER_JA[r.gender as 'female' | 'male'];
      const gEn = r.gender === 'female' ? 'female' : 'male';
      return none
        ? reason(
            'gender',
            `性別希望（${g}）に合う人がいません（希望に合わない候補: ${out}名）`,
            `No one meets the gender preference (${gEn}); ${out} candidate(s) do not`,
          )
        : reason(
            'gender',
            `性別希望（${g}）に合う人が${left}名のみです（${need}）`,
            `Only ${left} meet the gender preference (${gEn}) (${needEn})`,
          );
    }
    case 'location': {
      if (r.area === null && r.district === null) {
        return reason(
          'noLocation',
          `依頼の圏域・地区が空欄のため、近くの対応者を探せません（条件に合う人は全域で${out}名）`,
          `The request has no 圏域 or 地区, so no one nearby can be found (${out} meet the other conditions citywide)`,
        );
      }
      const place = placeText(model, r);
      const what = r.record.category !== null ? `「${r.record.category}」の対応者` : '対応できる人';
      const whatEn = r.record.category !== null ? `for 「${r.record.category}」` : 'who can help';
      return none
        ? reason(
            'location',
            `${place.ja}に${what}がいません（他の圏域には${out}名）`,
            `No one ${whatEn} in ${place.en} (${out} in other areas)`,
          )
        : reason(
            'location',
            `${place.ja}の${what}は${left}名のみです（${need}、他の圏域には${out}名）`,
            `Only ${left} ${whatEn} in ${place.en} (${needEn}; ${out} in other areas)`,
          );
    }
    case 'insurance': {
      const fy = formatFiscalYear(r.fiscalYear, startMonth);
      return none
        ? reason(
            'insurance',
            `保険未加入のため対象外: ${out}名（${fy}のボランティア活動保険）`,
            `Not insured for FY${r.fiscalYear}, so ruled out: ${out}`,
          )
        : reason(
            'insurance',
            `保険加入済みの候補は${left}名のみです（${need}、保険未加入のため対象外: ${out}名）`,
            `Only ${left} insured candidate(s) (${needEn}; ${out} not insured for FY${r.fiscalYear})`,
          );
    }
    case 'time': {
      const t = slotText(r.slots);
      return none
        ? reason(
            'time',
            `希望日時（${t}）に活動できる人がいません（日時が合わない候補: ${out}名）`,
            `No one is free at the wished time (${t}); ${out} candidate(s) are not`,
          )
        : reason(
            'time',
            `希望日時（${t}）に活動できる人は${left}名のみです（${need}）`,
            `Only ${left} are free at the wished time (${t}) (${needEn})`,
          );
    }
    case 'excluded':
      return none
        ? reason(
            'excluded',
            `残る候補${out}名は除外した組み合わせです`,
            `The remaining ${out} candidate(s) were excluded by a coordinator`,
          )
        : reason(
            'excluded',
            `除外した組み合わせを除くと候補は${left}名のみです（${need}）`,
            `Without the excluded pairs only ${left} candidate(s) remain (${needEn})`,
          );
  }
}

/**
 * Why a request has unfilled places. The funnel runs the pair constraints in order over the
 * roster; when fewer candidates than places are left, the first constraint that cut them below
 * the places binds, and so does the last one that cut any. Then the candidates left but not assigned
 * here: at their 月間上限 before this run (capacity), or given to other requests (taken).
 */
export function explainUnmet(
  model: MatchModel,
  r: RequestInfo,
  places: number,
  assignedHere: ReadonlySet<string>,
  startMonth: number,
): UnmetExplanation {
  const funnel = funnelOf(model, r);
  const binding: BindingStage[] = [];
  const reasons: Reason[] = [];
  let missingSkills: string[] = [];

  // The pair constraints bind when fewer candidates than places are left after them: the first
  // constraint that cut the candidates below the places binds, and so does the last that cut any
  // (it removed the last candidates). With no cut at all, the roster itself is too small.
  const after: number[] = [];
  let count = funnel.considered;
  for (const stage of PAIR_STAGES) {
    count -= funnel.eliminated[stage];
    after.push(count);
  }
  if (count < places) {
    let firstBelow = -1;
    let lastCut = -1;
    let before = funnel.considered;
    PAIR_STAGES.forEach((stage, k) => {
      const left = after[k] as number;
      if (left < before) {
        if (firstBelow < 0 && left < places) firstBelow = k;
        lastCut = k;
      }
      before = left;
    });
    if (lastCut < 0) {
      binding.push('noVolunteers');
      const gone = funnel.withdrawn > 0 ? `（退会者${funnel.withdrawn}名を除く）` : '';
      const goneEn = funnel.withdrawn > 0 ? ` (not counting ${funnel.withdrawn} withdrawn)` : '';
      reasons.push(
        count === 0
          ? reason('noVolunteers', `名簿にボランティアがいません${gone}`, `The roster has no volunteers${goneEn}`)
          : reason(
              'noVolunteers',
              `名簿のボランティアが${count}名のみです（必要${places}名）${gone}`,
              `The roster has only ${count} volunteer(s) (${places} needed)${goneEn}`,
            ),
      );
    } else {
      for (const k of firstBelow === lastCut ? [lastCut] : [firstBelow, lastCut]) {
        const stage = PAIR_STAGES[k] as PairStage;
        const before = k === 0 ? funnel.considered : (after[k - 1] as number);
        binding.push(reasonStage(stage, r));
        reasons.push(stageReason(model, r, stage, before, after[k] as number, places, startMonth));
        if (stage === 'skills') {
          const scarce = scarceSkills(model, r, places);
          missingSkills = scarce.combined ? [scarce.names.join('＋')] : scarce.names;
        }
      }
    }
  }

  let full = 0;
  let taken = 0;
  for (const v of funnel.survivors) {
    if (assignedHere.has(v.key)) continue;
    if (v.capacity === 0) full++;
    else taken++;
  }
  if (full > 0) {
    binding.push('capacity');
    reasons.push(
      taken > 0 || binding.length > 1
        ? reason(
            'capacity',
            `候補のうち${full}名は月間上限に達しています`,
            `${full} candidate(s) have reached their monthly limit`,
          )
        : reason(
            'capacity',
            `候補はいますが、全員が月間上限に達しています（${full}名）`,
            `There are candidates, but all ${full} have reached their monthly limit`,
          ),
    );
  }
  if (taken > 0) {
    binding.push('taken');
    reasons.push(
      reason(
        'taken',
        `候補の${taken}名は他の依頼に割り当てました`,
        `${taken} candidate(s) were assigned to other requests`,
      ),
    );
  }
  return { funnel, binding, reasons, missingSkills };
}

function reasonStage(stage: PairStage, r: RequestInfo): BindingStage {
  return stage === 'location' && r.area === null && r.district === null ? 'noLocation' : stage;
}

/** Volunteers fitting the request up to its time who are 休止 (not 活動中, not 退会, status written). */
function pausedCount(model: MatchModel, r: RequestInfo): number {
  let n = 0;
  for (const v of model.volunteers) {
    if (r.assigned.has(v.key) || v.withdrawn || v.active || v.state !== '休止') continue;
    const f = firstFailure(model, v, r);
    if (f === 'status') n++;
  }
  return n;
}

/** Short words for why one pair is impossible (a pinned pair that no longer holds). */
export const PAIR_FAILURE_TEXT: Readonly<Record<PairStage, { ja: string; en: string }>> = {
  status: { ja: 'ボランティアが活動中ではありません', en: 'the volunteer is not active' },
  consent: {
    ja: '個人情報の同意が確認できていません',
    en: 'the volunteer has not consented to the use of personal data',
  },
  skills: { ja: '必要な資格・特技がありません', en: 'the volunteer lacks a required skill' },
  language: { ja: '対応言語が合いません', en: 'no asked language is spoken' },
  gender: { ja: '性別希望に合いません', en: 'the gender preference is not met' },
  location: { ja: '圏域が離れています', en: 'they are not in the same or an adjacent area' },
  insurance: { ja: 'ボランティア活動保険が未加入です', en: 'the volunteer is not insured for the fiscal year' },
  time: { ja: '希望日時に活動できません', en: 'their times do not overlap' },
  excluded: { ja: '除外した組み合わせです', en: 'the pair was excluded' },
};
