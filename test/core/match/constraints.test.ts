// Tests each hard constraint of matchVolunteers, one positive and one negative case at a time.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { date, match, pairsOf, request, settingsWith, volunteer } from './helpers';

/** Whether the single volunteer V1 is matched to the single request R1. */
function matches(
  v: Parameters<typeof volunteer>[1],
  r: Parameters<typeof request>[1],
  settings?: ReturnType<typeof settingsWith>,
): boolean {
  const result = match({
    volunteers: [volunteer('V1', v)],
    requests: [request('R1', r)],
    ...(settings ? { settings } : {}),
  });
  return pairsOf(result).includes('R1→V1');
}

describe('matchVolunteers hard constraints', () => {
  describe('status and consent', () => {
    it('matches an active volunteer who consented', () => expect(matches({}, {})).toBe(true));
    it('never matches a volunteer who is 休止 or 退会', () => {
      expect(matches({ status: '休止' }, {})).toBe(false);
      expect(matches({ status: '退会' }, {})).toBe(false);
      expect(matches({ status: null }, {})).toBe(false);
    });
    it('never matches a volunteer without 個人情報同意', () => {
      expect(matches({ consent: false }, {})).toBe(false);
      expect(matches({ consent: null }, {})).toBe(false);
    });
  });

  describe('insurance', () => {
    it('needs 保険加入年度 to cover the fiscal year of 受付日', () => {
      expect(matches({ insuranceYear: 2026 }, { receivedOn: date('2026-11-20') })).toBe(true);
      expect(matches({ insuranceYear: 2025 }, { receivedOn: date('2026-11-20') })).toBe(false);
      expect(matches({ insuranceYear: null }, { receivedOn: date('2026-11-20') })).toBe(false);
    });
    it('takes a later year as renewed early', () => expect(matches({ insuranceYear: 2027 }, {})).toBe(true));
    it('reads the fiscal year from April: 2026-03-15 is FY2025', () => {
      expect(matches({ insuranceYear: 2025 }, { receivedOn: date('2026-03-15') })).toBe(true);
      expect(matches({ insuranceYear: 2024 }, { receivedOn: date('2026-03-15') })).toBe(false);
    });
    it("uses today's fiscal year when 受付日 is blank", () => {
      expect(matches({ insuranceYear: 2025 }, { receivedOn: null })).toBe(false);
      expect(matches({ insuranceYear: 2026 }, { receivedOn: null })).toBe(true);
    });
    it('asks for insurance only for the 内容区分 listed in 設定 保険が必要な内容区分, when that list exists', () => {
      const settings = settingsWith([['保険が必要な内容区分', '外出の付き添い、家事の手伝い']]);
      expect(matches({ insuranceYear: 2024 }, { category: '話し相手' }, settings)).toBe(true);
      expect(matches({ insuranceYear: 2024 }, { category: '外出の付き添い' }, settings)).toBe(false);
      expect(matches({ insuranceYear: 2024 }, { category: null }, settings)).toBe(false);
    });
    it('asks for insurance for every 内容区分 when 設定 has no such list', () => {
      expect(matches({ insuranceYear: 2024 }, { category: '話し相手' })).toBe(false);
    });
  });

  describe('skills', () => {
    it('needs every 必要な資格・特技', () => {
      expect(matches({ skills: ['手話', '運転'] }, { requiredSkills: ['手話', '運転'] })).toBe(true);
      expect(matches({ skills: ['手話'] }, { requiredSkills: ['手話', '運転'] })).toBe(false);
      expect(matches({ skills: [] }, { requiredSkills: ['手話'] })).toBe(false);
    });
    it('asks nothing when no skill is required', () =>
      expect(matches({ skills: [] }, { requiredSkills: [] })).toBe(true));
  });

  describe('language', () => {
    it('needs the asked 対応言語', () => {
      expect(matches({ languages: ['英語', 'ベトナム語'] }, { languages: ['ベトナム語'] })).toBe(true);
      expect(matches({ languages: ['英語'] }, { languages: ['ベトナム語'] })).toBe(false);
    });
    it('takes any one of several asked languages', () =>
      expect(matches({ languages: ['中国語'] }, { languages: ['英語', '中国語'] })).toBe(true));
    it('does not treat 日本語 as a constraint', () =>
      expect(matches({ languages: [] }, { languages: ['日本語'] })).toBe(true));
  });

  describe('gender', () => {
    it('respects 性別希望', () => {
      expect(matches({ gender: '女性' }, { genderPreference: '女性' })).toBe(true);
      expect(matches({ gender: '女' }, { genderPreference: '女性希望' })).toBe(true);
      expect(matches({ gender: '男性' }, { genderPreference: '女性' })).toBe(false);
    });
    it('does not give a preference to someone whose 性別 is unknown', () =>
      expect(matches({ gender: null }, { genderPreference: '男性' })).toBe(false));
    it('reads 不問 and blank as no preference', () => {
      expect(matches({ gender: '男性' }, { genderPreference: '不問' })).toBe(true);
      expect(matches({ gender: null }, { genderPreference: null })).toBe(true);
    });
  });

  describe('availability', () => {
    it('needs 活動可能日時 to overlap 希望日時', () => {
      expect(matches({ availability: ['平日午前'] }, { preferredTime: ['火午前'] })).toBe(true);
      expect(matches({ availability: ['火午後', '土日終日'] }, { preferredTime: ['火午前'] })).toBe(false);
    });
    it('asks nothing when either side is blank', () => {
      expect(matches({ availability: [] }, { preferredTime: ['火午前'] })).toBe(true);
      expect(matches({ availability: ['月午前'] }, { preferredTime: [] })).toBe(true);
    });
  });

  describe('location', () => {
    it('matches in the same 地区 and the same 圏域', () => {
      expect(matches({ district: 'ひばりが丘地区' }, { district: 'ひばりが丘地区' })).toBe(true);
      expect(matches({ district: '栄町地区' }, { district: 'ひばりが丘地区' })).toBe(true);
    });
    it('matches in an adjacent 圏域 (北東部 and 中部) but not a distant one (北東部 and 南部)', () => {
      expect(matches({ area: '中部', district: '田無地区' }, {})).toBe(true);
      expect(matches({ area: '南部', district: '向台地区' }, {})).toBe(false);
    });
    it('matches anywhere when the request is 在宅対応可', () =>
      expect(matches({ area: '南部', district: '向台地区' }, { remoteOk: true })).toBe(true));
    it('finds the 圏域 from the 地区 when 圏域 is blank', () => {
      expect(matches({ area: null, district: '田無地区' }, { area: null, district: 'ひばりが丘地区' })).toBe(true);
      expect(matches({ area: null, district: '向台地区' }, { area: null, district: 'ひばりが丘地区' })).toBe(false);
    });
    it('does not match a request with no 圏域 or 地区 unless it is 在宅対応可', () => {
      expect(matches({}, { area: null, district: null })).toBe(false);
      expect(matches({}, { area: null, district: null, remoteOk: true })).toBe(true);
    });
  });

  describe('request states', () => {
    it('fills 受付 and 調整中 requests', () => {
      expect(matches({}, { status: '受付' })).toBe(true);
      expect(matches({}, { status: '調整中' })).toBe(true);
    });
    it.each(['紹介済', '活動中', '終了', '不成立', null])('leaves a %s request alone', (status) => {
      const result = match({ volunteers: [volunteer('V1')], requests: [request('R1', { status })] });
      expect(result.assignments).toEqual([]);
      expect(result.unmatched).toEqual([]);
      expect(result.stats.totalPlaces).toBe(0);
    });
  });

  describe('capacity', () => {
    it('takes 月間上限 minus the requests already 紹介済 or 活動中 listing the volunteer', () => {
      const busy = [
        request('B1', { status: '紹介済', assignedVolunteers: ['V1'] }),
        request('B2', { status: '活動中', assignedVolunteers: ['V1', 'V9'] }),
      ];
      const done = request('B3', { status: '終了', assignedVolunteers: ['V1'] });
      const open = [request('R1'), request('R2'), request('R3')];
      const result = match({ volunteers: [volunteer('V1', { monthlyLimit: 3 })], requests: [...busy, done, ...open] });
      expect(result.assignments).toHaveLength(1);
    });
    it('reads a blank 月間上限 as 4', () => {
      const open = ['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => request(id));
      expect(match({ volunteers: [volunteer('V1', { monthlyLimit: null })], requests: open }).assignments).toHaveLength(
        4,
      );
    });
    it('gives a request at most 必要人数 minus the volunteers already on it, and never one of them again', () => {
      const r = request('R1', { status: '調整中', needed: 3, assignedVolunteers: ['V1'] });
      const result = match({ volunteers: ['V1', 'V2', 'V3', 'V4'].map((id) => volunteer(id)), requests: [r] });
      expect(pairsOf(result)).toEqual(['R1→V2', 'R1→V3']);
      expect(result.stats).toMatchObject({ filledPlaces: 2, totalPlaces: 2 });
    });
    it('reads a blank 必要人数 as 1', () => {
      const result = match({
        volunteers: [volunteer('V1'), volunteer('V2')],
        requests: [request('R1', { needed: null })],
      });
      expect(result.assignments).toHaveLength(1);
    });
    it('compares ids without regard to width, spaces or case', () => {
      const busy = request('B1', { status: '紹介済', assignedVolunteers: ['ｖ－０００１'] });
      const result = match({ volunteers: [volunteer('V-0001', { monthlyLimit: 1 })], requests: [busy, request('R1')] });
      expect(result.assignments).toEqual([]);
    });
  });
});
