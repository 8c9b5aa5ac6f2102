// Tests what matchVolunteers says: the reasons of each pair, the binding reasons of unmet needs, the shortages, and the weights.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { DEFAULT_WEIGHTS } from '../../../src/core/match';
import { activity, date, match, pairsOf, request, settingsWith, volunteer } from './helpers';

const codes = (reasons: readonly { code: string }[] | undefined): string[] => (reasons ?? []).map((r) => r.code);
const texts = (reasons: readonly { ja: string }[] | undefined): string[] => (reasons ?? []).map((r) => r.ja);

describe('matchVolunteers explanations', () => {
  it('says why a pair was made, in the order staff read it, each claim true', () => {
    const result = match({
      volunteers: [volunteer('V1', { availability: ['火午前', '木午後'], fields: ['高齢者'] })],
      requests: [
        request('P1', { status: '終了', requester: '山田 花子', receivedOn: date('2025-05-01') }),
        request('R1', {
          requester: '山田花子',
          category: '見守り',
          preferredTime: ['火午前'],
          receivedOn: date('2026-10-27'),
        }),
      ],
      activities: [activity('V1', 'P1')],
    });
    expect(pairsOf(result)).toEqual(['R1→V1']);
    const a = result.assignments[0];
    expect(texts(a?.reasons).join('・')).toBe(
      '同じ地区・火曜午前が一致・以前にも担当・活動分野が一致（高齢者）・最近の担当が少ない（90日で0件）・受付から30日経過',
    );
    // 25 × 0.75 (related field) + 20 (same 地区) + 15 (all wished slots) + 15 (continuity) + 15 (no recent) + 10 × 30/60
    expect(a?.score).toBe(88.8);
    expect(result.stats.score).toBe(88.8);
  });

  it('says 同じ圏域, 隣接する圏域 or 在宅で対応可 by how near the pair is', () => {
    const first = (v: Parameters<typeof volunteer>[1], r: Parameters<typeof request>[1] = {}): string | undefined =>
      match({ volunteers: [volunteer('V1', v)], requests: [request('R1', r)] }).assignments[0]?.reasons[0]?.ja;
    expect(first({ district: '栄町地区' })).toBe('同じ圏域');
    expect(first({ area: '中部', district: '田無地区' })).toBe('隣接する圏域');
    expect(first({ area: '南部', district: '向台地区' }, { remoteOk: true })).toBe('在宅で対応可');
    expect(first({}, { remoteOk: true })).toBe('同じ地区');
  });

  it('names a continuity from an earlier request that listed the volunteer', () => {
    const result = match({
      volunteers: [volunteer('V1')],
      requests: [
        request('P1', { status: '活動中', requester: '佐藤 一郎', assignedVolunteers: ['V1'] }),
        request('R1', { requester: '佐藤 一郎' }),
      ],
    });
    expect(codes(result.assignments[0]?.reasons)).toContain('pair.continuity');
  });

  it('says nothing that is not true: no continuity, interest, fairness or waiting claims without grounds', () => {
    const result = match({
      volunteers: [volunteer('V1', { fields: ['災害支援'] })],
      requests: [
        request('P1', {
          status: '紹介済',
          requester: '別の人',
          assignedVolunteers: ['V1'],
          receivedOn: date('2026-11-01'),
        }),
        request('P2', {
          status: '終了',
          requester: '別の人',
          assignedVolunteers: ['V1'],
          receivedOn: date('2026-10-01'),
        }),
        request('R1', { receivedOn: date('2026-11-21') }),
      ],
    });
    expect(codes(result.assignments[0]?.reasons)).toEqual(['pair.sameDistrict']);
  });

  it('names the exact 活動分野 word when it is the 内容区分 itself', () => {
    const result = match({
      volunteers: [volunteer('V1', { fields: ['見守り', '高齢者'] })],
      requests: [request('R1', { category: '見守り' })],
    });
    expect(texts(result.assignments[0]?.reasons)).toContain('活動分野が一致（見守り）');
  });

  it('does not take その他 for その他 as a shared interest', () => {
    const result = match({
      volunteers: [volunteer('V1', { fields: ['その他'] })],
      requests: [request('R1', { category: 'その他' })],
    });
    expect(codes(result.assignments[0]?.reasons)).not.toContain('pair.interest');
  });

  it('reads 設定 関連分野 rows over the built-in table', () => {
    const settings = settingsWith([['関連分野:その他', '環境・まちづくり']]);
    const result = match({
      settings,
      volunteers: [volunteer('V1', { fields: ['環境・まちづくり'] })],
      requests: [request('R1', { category: 'その他' })],
    });
    expect(texts(result.assignments[0]?.reasons)).toContain('活動分野が一致（環境・まちづくり）');
  });
});

describe('matchVolunteers weights', () => {
  it('documents defaults that sum to 100', () => {
    expect(Object.keys(DEFAULT_WEIGHTS)).toEqual(['興味', '近さ', '時間', '継続', '公平', '待ち日数']);
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('reads 設定 重み rows: with only 近さ weighted, a same-地区 pair scores 100', () => {
    const settings = settingsWith([
      ['重み:興味', 0],
      ['重み:近さ', 3],
      ['重み:時間', 0],
      ['重み:継続', 0],
      ['重み:公平', 0],
      ['重み:待ち日数', 0],
    ]);
    const result = match({ settings, volunteers: [volunteer('V1')], requests: [request('R1')] });
    expect(result.assignments[0]?.score).toBe(100);
    expect(result.warnings).toEqual([]);
  });

  it('lets the weights decide between two volunteers', () => {
    // V1 is in the same 地区; V2 in the same 圏域 but helped this requester before.
    const scenario = {
      volunteers: [volunteer('V1'), volunteer('V2', { district: '栄町地区' })],
      requests: [
        request('P1', { status: '終了', requester: '鈴木', assignedVolunteers: ['V2'] }),
        request('R1', { requester: '鈴木' }),
      ],
    };
    expect(pairsOf(match(scenario))).toEqual(['R1→V2']);
    expect(pairsOf(match({ ...scenario, settings: settingsWith([['重み:継続', 0]]) }))).toEqual(['R1→V1']);
  });

  it('warns about a weight name it does not know', () => {
    const result = match({
      settings: settingsWith([['重み:人柄', 5]]),
      volunteers: [volunteer('V1')],
      requests: [request('R1')],
    });
    expect(codes(result.warnings)).toEqual(['weight.unknown']);
  });
});

describe('matchVolunteers unmet needs', () => {
  const unmet = (s: Parameters<typeof match>[0]) => match(s).unmatched;

  it('names a missing skill: 手話ができる人がいません', () => {
    const u = unmet({
      volunteers: [volunteer('V1'), volunteer('V2')],
      requests: [request('R1', { requiredSkills: ['手話'] })],
    });
    expect(u).toEqual([
      {
        requestId: 'R1',
        requestRow: 2,
        needed: 1,
        filled: 0,
        missing: 1,
        reasons: [expect.objectContaining({ code: 'unmet.skills', ja: '手話ができる人がいません' })],
      },
    ]);
  });

  it('names location, with how many could help elsewhere, when the skilled people are all far away', () => {
    const far = { area: '北東部', district: '栄町地区', skills: ['手話'] };
    const u = unmet({
      volunteers: [volunteer('V1', far), volunteer('V2', far), volunteer('V3', { area: '南部', district: '柳沢地区' })],
      requests: [request('R1', { area: '南部', district: '向台地区', requiredSkills: ['手話'] })],
    });
    expect(texts(u[0]?.reasons)).toEqual(['南部と隣接圏域に「家事の手伝い」の対応者がいません（他の圏域には2名）']);
  });

  it('counts the uninsured: 保険未加入のため対象外: 3名', () => {
    const vs = ['V1', 'V2', 'V3'].map((id) => volunteer(id, { insuranceYear: 2025 }));
    const u = unmet({ volunteers: vs, requests: [request('R1')] });
    expect(texts(u[0]?.reasons)).toEqual(['保険未加入のため対象外: 3名（令和8年度のボランティア活動保険）']);
  });

  it('names the wished time nobody is free at, and lists it as a shortage slot', () => {
    const result = match({
      volunteers: [volunteer('V1', { availability: ['月午前'] })],
      requests: [request('R1', { preferredTime: ['火午前'] })],
    });
    expect(texts(result.unmatched[0]?.reasons)).toEqual([
      '希望日時（火曜午前）に活動できる人がいません（日時が合わない候補: 1名）',
    ]);
    expect(result.shortages).toContainEqual({ dimension: 'timeSlot', key: '火曜午前', places: 1, requests: ['R1'] });
  });

  it('names a language nobody speaks', () => {
    const result = match({
      volunteers: [volunteer('V1', { languages: ['英語'] })],
      requests: [request('R1', { languages: ['ベトナム語'] })],
    });
    expect(texts(result.unmatched[0]?.reasons)).toEqual(['ベトナム語に対応できる人がいません']);
    expect(result.shortages).toContainEqual({ dimension: 'language', key: 'ベトナム語', places: 1, requests: ['R1'] });
  });

  it('names the gender preference', () => {
    const u = unmet({
      volunteers: [volunteer('V1', { gender: '男性' })],
      requests: [request('R1', { genderPreference: '女性' })],
    });
    expect(texts(u[0]?.reasons)).toEqual(['性別希望（女性）に合う人がいません（希望に合わない候補: 1名）']);
  });

  it('says when every candidate has reached the monthly limit', () => {
    const vs = ['V1', 'V2', 'V3'].map((id) => volunteer(id, { monthlyLimit: 1 }));
    const busy = ['B1', 'B2', 'B3'].map((id, i) =>
      request(id, { status: '活動中', assignedVolunteers: [`V${i + 1}`] }),
    );
    const u = unmet({ volunteers: vs, requests: [...busy, request('R1')] });
    expect(texts(u[0]?.reasons)).toEqual(['候補はいますが、全員が月間上限に達しています（3名）']);
  });

  it('says when the candidates went to other requests', () => {
    const vs = [volunteer('V1', { monthlyLimit: 1 }), volunteer('V2', { monthlyLimit: 1 })];
    const rs = [
      request('R1', { receivedOn: date('2026-10-01') }),
      request('R2', { receivedOn: date('2026-10-02') }),
      request('R3', { receivedOn: date('2026-11-25') }),
    ];
    const result = match({ volunteers: vs, requests: rs });
    expect(result.assignments.map((a) => a.requestId)).toEqual(['R1', 'R2']);
    expect(result.unmatched.map((u) => u.requestId)).toEqual(['R3']);
    expect(texts(result.unmatched[0]?.reasons)).toEqual(['候補の2名は他の依頼に割り当てました']);
  });

  it('says how many there are when too few have a skill: 手話ができる人が1名のみです', () => {
    const result = match({
      volunteers: [volunteer('V1', { skills: ['手話'] }), volunteer('V2')],
      requests: [request('R1', { needed: 3, requiredSkills: ['手話'] })],
    });
    expect(result.unmatched).toEqual([
      {
        requestId: 'R1',
        requestRow: 2,
        needed: 3,
        filled: 1,
        missing: 2,
        reasons: [expect.objectContaining({ code: 'unmet.skills', ja: '手話ができる人が1名のみです（必要3名）' })],
      },
    ]);
    expect(result.shortages).toContainEqual({ dimension: 'skill', key: '手話', places: 2, requests: ['R1'] });
  });

  it('names both the constraint that left too few and the one that removed the last', () => {
    const vs = [volunteer('V1', { skills: ['運転'], area: '南部', district: '向台地区' }), volunteer('V2')];
    const u = unmet({ volunteers: vs, requests: [request('R1', { needed: 2, requiredSkills: ['運転'] })] });
    expect(codes(u[0]?.reasons)).toEqual(['unmet.skills', 'unmet.location']);
  });

  it('names the binding constraint, and only it: fixing it makes the pair', () => {
    // V1 lacks the skill, V2 is far away, V3 is near and skilled but uninsured: insurance removed the last candidate.
    const vs = (v3Insurance: number) => [
      volunteer('V1'),
      volunteer('V2', { skills: ['運転'], area: '南部', district: '向台地区' }),
      volunteer('V3', { skills: ['運転'], insuranceYear: v3Insurance }),
    ];
    const rs = [request('R1', { requiredSkills: ['運転'] })];
    const result = match({ volunteers: vs(2025), requests: rs });
    expect(texts(result.unmatched[0]?.reasons)).toEqual([
      '保険未加入のため対象外: 1名（令和8年度のボランティア活動保険）',
    ]);
    expect(pairsOf(match({ volunteers: vs(2026), requests: rs }))).toEqual(['R1→V3']);
  });

  describe('names what really binds when the people who fit are there but cannot be introduced', () => {
    // Two volunteers have 手話; the others do not. What is wrong with the two decides the reason.
    const others = [volunteer('V3'), volunteer('V4'), volunteer('V5')];
    const signers = (o: Parameters<typeof volunteer>[1]) => [
      volunteer('V1', { skills: ['手話'], ...o }),
      volunteer('V2', { skills: ['手話'], ...o }),
    ];
    const rs = [request('R1', { requiredSkills: ['手話'] })];

    it('個人情報同意: asks for consent instead of saying nobody has the skill', () => {
      const u = unmet({ volunteers: [...signers({ consent: null }), ...others], requests: rs });
      expect(codes(u[0]?.reasons)).toEqual(['unmet.consent']);
      expect(texts(u[0]?.reasons)).toEqual([
        '手話ができる人は2名いますが、個人情報の取り扱いへの同意が確認できていません（2名）。同意を確認すれば候補になります',
      ]);
      // Consent given: the pair is made, so the reason named what really stood in the way.
      expect(pairsOf(match({ volunteers: [...signers({}), ...others], requests: rs }))).toEqual(['R1→V1']);
    });

    it('休止: asks whether they can resume', () => {
      const u = unmet({ volunteers: [...signers({ status: '休止' }), ...others], requests: rs });
      expect(texts(u[0]?.reasons)).toEqual([
        '手話ができる人は2名いますが、全員が休止中です（2名）。活動を再開できるか確認してください',
      ]);
    });

    it('状態 blank or unknown: says they are not 活動中 and to check the status', () => {
      const u = unmet({ volunteers: [...signers({ status: null }), ...others], requests: rs });
      expect(codes(u[0]?.reasons)).toEqual(['unmet.status']);
      expect(texts(u[0]?.reasons)[0]).toContain('全員が活動中ではありません（休止中・状態が空欄など: 2名）');
    });

    it('保険: counts the uninsured among those who fit', () => {
      const u = unmet({ volunteers: [...signers({ insuranceYear: 2024 }), ...others], requests: rs });
      expect(texts(u[0]?.reasons)).toEqual(['保険未加入のため対象外: 2名（令和8年度のボランティア活動保険）']);
    });

    it('月間上限: says the candidates are full, not that the skill is missing', () => {
      const busy = [request('B1', { status: '活動中', assignedVolunteers: ['V1', 'V2'] })];
      const u = unmet({ volunteers: [...signers({ monthlyLimit: 1 }), ...others], requests: [...busy, ...rs] });
      expect(texts(u[0]?.reasons)).toEqual(['候補はいますが、全員が月間上限に達しています（2名）']);
    });

    it('除外: the coordinator excluded the only ones who fit', () => {
      const result = match({
        volunteers: [...signers({}), ...others],
        requests: rs,
        exclusions: [
          { requestId: 'R1', volunteerId: 'V1' },
          { requestId: 'R1', volunteerId: 'V2' },
        ],
      });
      expect(texts(result.unmatched[0]?.reasons)).toEqual(['残る候補2名は除外した組み合わせです']);
    });

    it('mixed: one without consent, one at the limit — both are named, with counts', () => {
      const vs = [
        volunteer('V1', { skills: ['手話'], consent: false }),
        volunteer('V2', { skills: ['手話'], monthlyLimit: 1 }),
        ...others,
      ];
      const busy = [request('B1', { status: '活動中', assignedVolunteers: ['V2'] })];
      const u = unmet({ volunteers: vs, requests: [...busy, request('R1', { requiredSkills: ['手話'], needed: 2 })] });
      expect(codes(u[0]?.reasons)).toEqual(['unmet.consent', 'unmet.capacity']);
      expect(texts(u[0]?.reasons)).toEqual([
        '個人情報の同意が確認できている候補は1名のみです（必要2名、同意未確認: 1名）',
        '候補のうち1名は月間上限に達しています',
      ]);
    });

    it('退会 volunteers are gone: a skill only they have is missing, and the shortage counts it', () => {
      const result = match({ volunteers: [...signers({ status: '退会' }), ...others], requests: rs });
      expect(texts(result.unmatched[0]?.reasons)).toEqual(['手話ができる人がいません']);
      expect(result.shortages).toContainEqual({ dimension: 'skill', key: '手話', places: 1, requests: ['R1'] });
    });

    it('language, gender, location and time still bind before anything staff can settle', () => {
      const lang = unmet({
        volunteers: [volunteer('V1', { languages: ['ネパール語'], consent: null }), volunteer('V2')],
        requests: [request('R1', { languages: ['ネパール語'] })],
      });
      expect(texts(lang[0]?.reasons)[0]).toBe(
        'ネパール語に対応できる人は1名いますが、個人情報の取り扱いへの同意が確認できていません（1名）。同意を確認すれば候補になります',
      );
      const gender = unmet({
        volunteers: [volunteer('V1', { gender: '男性' }), volunteer('V2', { gender: '女性', status: '休止' })],
        requests: [request('R1', { genderPreference: '女性' })],
      });
      expect(texts(gender[0]?.reasons)).toEqual([
        '条件に合う人は1名いますが、休止中です（1名）。活動を再開できるか確認してください',
      ]);
      const time = unmet({
        volunteers: [volunteer('V1', { availability: ['月午前'] })],
        requests: [request('R1', { preferredTime: ['火午前'] })],
      });
      expect(codes(time[0]?.reasons)).toEqual(['unmet.time']);
    });

    it('says the roster has nobody once the withdrawn are set aside', () => {
      expect(
        texts(unmet({ volunteers: [volunteer('V1', { status: '退会' })], requests: [request('R1')] })[0]?.reasons),
      ).toEqual(['名簿にボランティアがいません（退会者1名を除く）']);
    });
  });

  it('explains a request with no 圏域 or 地区', () => {
    const u = unmet({ volunteers: [volunteer('V1')], requests: [request('R1', { area: null, district: null })] });
    expect(codes(u[0]?.reasons)).toEqual(['unmet.noLocation']);
  });

  it('says the roster is empty', () => {
    expect(texts(unmet({ volunteers: [], requests: [request('R1')] })[0]?.reasons)).toEqual([
      '名簿にボランティアがいません',
    ]);
  });
});

describe('matchVolunteers shortages', () => {
  it('counts unfilled places by 内容区分 × 圏域 and by the binding skill, most places first', () => {
    const result = match({
      volunteers: [volunteer('V1')],
      requests: [
        request('R1', { requiredSkills: ['手話'], needed: 2 }),
        request('R2', { requiredSkills: ['手話'], area: '南部', district: '向台地区', category: '話し相手' }),
        request('R3', { requiredSkills: ['点訳'] }),
      ],
    });
    expect(result.shortages).toEqual([
      { dimension: 'categoryArea', key: '家事の手伝い × 北東部', places: 3, requests: ['R1', 'R3'] },
      { dimension: 'categoryArea', key: '話し相手 × 南部', places: 1, requests: ['R2'] },
      { dimension: 'skill', key: '手話', places: 3, requests: ['R1', 'R2'] },
      { dimension: 'skill', key: '点訳', places: 1, requests: ['R3'] },
    ]);
    expect(result.stats).toMatchObject({ filledPlaces: 0, totalPlaces: 4, candidatePairs: 0 });
  });

  it('joins skills that are each common but never together with ＋', () => {
    const result = match({
      volunteers: [volunteer('V1', { skills: ['手話'] }), volunteer('V2', { skills: ['運転'] })],
      requests: [request('R1', { requiredSkills: ['手話', '運転'] })],
    });
    expect(texts(result.unmatched[0]?.reasons)).toEqual(['手話と運転を両方できる人がいません']);
    expect(result.shortages.filter((s) => s.dimension === 'skill')).toEqual([
      { dimension: 'skill', key: '手話＋運転', places: 1, requests: ['R1'] },
    ]);
  });
});
