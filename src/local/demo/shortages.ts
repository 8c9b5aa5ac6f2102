/**
 * The demo's recruiting agenda: a few of the newest open requests are turned into needs the
 * roster cannot meet — a language nobody speaks, two skills nobody has together, too few with a skill
 * near the request, a wished time nobody with the skill is free, a skill whose only holders have not
 * consented or are paused — each chosen by reading the roster, so 不足分析 shows them on any seed.
 */
import { parseAvailability, slotKey } from '../../core/text/availability';
import type { BookContext } from './context';
import { fiscalYearOf } from './plain-day';
import type { Random } from './random';
import type { HelpRequest } from './requests';
import type { DemoArea, ShortageDimension } from './types';
import { LANGUAGES, SKILLS, type RequestCategory } from './vocabulary';
import type { Volunteer } from './volunteers';

/** What one planted request is meant to show, before its sheet row is known. */
export interface DraftShortage {
  readonly request: HelpRequest;
  readonly dimension: ShortageDimension;
  /** The reason code matching gives for its unfilled place. */
  readonly reason: string;
  /** What 不足分析 lists it under: the language, the skill (two joined with ＋), the 圏域 or the wished time. */
  readonly key: string;
  readonly note: string;
}

/** The 内容区分 a request for a skill is filed under. */
const CATEGORY_OF_SKILL: Readonly<Record<string, RequestCategory>> = {
  介護福祉士: '外出の付き添い',
  介護職員初任者研修: '外出の付き添い',
  運転: '外出の付き添い',
  看護師: '見守り',
  保育士: '子育て支援',
  手話: 'その他',
  点訳: 'その他',
  音訳: 'その他',
  要約筆記: 'その他',
  調理: '家事の手伝い',
  傾聴: '話し相手',
  'パソコン・スマホ': '手続きの手伝い',
  外国語: '学習支援',
};

/** Wished times tried for the time shortage, most plausible first (a Sunday lecture, a weekday evening …). */
const WISHED_TIMES = ['日午前', '日午後', '土午前', '日夜間', '土夜間', '月夜間', '水夜間', '金夜間'];

interface Person {
  readonly v: Volunteer;
  /** Can be introduced now: 活動中, consent given, insured for the fiscal year. */
  readonly ready: boolean;
  /** Slot keys of 活動可能日時; null when blank or unreadable (the matcher then counts them free at any time). */
  readonly slots: ReadonlySet<string> | null;
}

function slotsOf(text: string): Set<string> | null {
  const parsed = parseAvailability(text);
  if (!parsed.ok || parsed.slots.length === 0) return null;
  return new Set(parsed.slots.map(slotKey));
}

/**
 * Rewrites up to five of the newest open requests (受付, 調整中, nobody assigned; at most a third of
 * them) into needs the roster cannot meet, and returns what each is meant to show. Rows it rewrites are locked, so no
 * entry mistake is planted in them. Areas are reached through `adjacent` (both directions); without
 * it every 圏域 counts as within reach, which only makes the choices safer.
 */
export function plantShortages(
  ctx: BookContext,
  roster: readonly Volunteer[],
  requests: readonly HelpRequest[],
  adjacent: readonly (readonly [string, string])[] | undefined,
  rng: Random,
): DraftShortage[] {
  // At most a third of the open requests, so most of them can still be matched.
  const candidates = requests.filter(
    (r) => (r.state === '受付' || r.state === '調整中') && r.assigned.length === 0 && !r.row.locked,
  );
  const count = Math.min(5, Math.floor(candidates.length / 3));
  const open = count > 0 ? candidates.slice(-count).reverse() : [];
  if (open.length === 0 || roster.length === 0) return [];
  const fy = fiscalYearOf(ctx.today);
  const people: Person[] = roster
    .filter((v) => v.status !== '退会')
    .map((v) => ({
      v,
      ready:
        v.status === '活動中' &&
        v.consent === 'はい' &&
        typeof v.row.cells['保険加入年度'] === 'number' &&
        (v.row.cells['保険加入年度'] as number) >= fy,
      slots: slotsOf(String(v.row.cells['活動可能日時'] ?? '')),
    }));
  const reach = (area: DemoArea): ((p: Person) => boolean) => {
    if (!adjacent) return () => true;
    const near = new Set([area.name]);
    for (const [a, b] of adjacent) {
      if (a === area.name) near.add(b);
      if (b === area.name) near.add(a);
    }
    return (p) => near.has(p.v.area.name);
  };
  const has = (p: Person, skill: string): boolean => p.v.skills.includes(skill);

  /** A skill whose holders near the area (free at one of their own times) cannot be introduced: why, by the funnel's last cut. */
  const blockedSkill = (
    area: DemoArea,
    wanted?: string,
  ): { area: DemoArea; skill: string; wish: string; reason: string } | null => {
    const near = reach(area);
    for (const skill of SKILLS) {
      const holders = people.filter((p) => near(p) && has(p, skill));
      if (shown.has(`${area.name}|${skill}`) || holders.length === 0 || holders.some((p) => p.ready)) continue;
      const first = holders.find((p) => p.slots !== null);
      const wish = first ? String(first.v.row.cells['活動可能日時'] ?? '') : '';
      const wished = first ? (first.slots as ReadonlySet<string>) : null;
      const passing = holders.filter(
        (p) => wished === null || p.slots === null || [...p.slots].some((k) => wished.has(k)),
      );
      const reason = passing.some((p) => p.v.status === '活動中' && p.v.consent === 'はい')
        ? 'unmet.insurance'
        : passing.some((p) => p.v.status === '活動中')
          ? 'unmet.consent'
          : 'unmet.status';
      if (wanted === undefined || reason === wanted) return { area, skill, wish, reason };
    }
    return null;
  };

  const planted: DraftShortage[] = [];
  /** 圏域 and skill pairs already shown, so each planted request shows something new. */
  const shown = new Set<string>();
  const next = (): HelpRequest | undefined => open[planted.length];
  const rewrite = (
    r: HelpRequest,
    area: DemoArea,
    cells: Record<string, string | number> | ((town: string) => Record<string, string | number>),
  ): void => {
    const place = ctx.pickPlace(rng, area);
    Object.assign(r.row.cells, {
      圏域: area.name,
      地区: place.district,
      '必要な資格・特技': '',
      対応言語: '',
      頻度: '単発',
      必要人数: 1,
      性別希望: '',
      在宅対応可: 'いいえ',
      状態: '受付',
      担当ボランティア: '',
      不成立理由: '',
      ...(typeof cells === 'function' ? cells(place.town) : cells),
    });
    r.row.locked = true;
  };

  // A language nobody on the roster speaks: an interpreter by phone, so where they live does not matter.
  const spoken = new Set(people.flatMap((p) => p.v.languages));
  const language = [...LANGUAGES].reverse().find((l) => l !== 'やさしい日本語' && !spoken.has(l));
  let r = next();
  if (language && r) {
    rewrite(r, r.area, (town) => ({
      内容区分: '通訳・翻訳',
      対応言語: language,
      在宅対応可: 'はい',
      依頼者種別: '施設',
      依頼者: `${town}児童館`,
    }));
    planted.push({
      request: r,
      dimension: 'language',
      reason: 'unmet.language',
      key: language,
      note: `${language}を話せる人が名簿にいない（通訳の募集が必要）`,
    });
  }

  // Two skills nobody has together (a deaf person's hospital visit needs 手話 and 看護師).
  r = next();
  if (r) {
    const held = (skill: string): boolean => people.some((p) => has(p, skill));
    const pair =
      skillPairs().find(([a, b]) => held(a) && held(b) && !people.some((p) => has(p, a) && has(p, b))) ??
      SKILLS.filter((skill) => !held(skill)).map((skill): [string] => [skill])[0];
    if (pair) {
      rewrite(r, r.area, {
        内容区分: CATEGORY_OF_SKILL[pair[0]] ?? 'その他',
        '必要な資格・特技': pair.join('、'),
      });
      planted.push({
        request: r,
        dimension: 'skill',
        reason: 'unmet.skills',
        key: pair.join('＋'),
        note:
          pair.length === 1 ? `${pair[0]}ができる人が名簿にいない` : `${pair.join('と')}を両方できる人が名簿にいない`,
      });
    }
  }

  // Too few with a skill within reach of one 圏域, though people elsewhere have it: the fewest
  // near any 圏域, asked for by one more person than are near (at most 4).
  r = next();
  if (r) {
    let best: { area: DemoArea; skill: string; near: number; rank: number } | null = null;
    for (const area of ctx.areas) {
      const near = reach(area);
      for (const skill of SKILLS) {
        const holders = people.filter((p) => has(p, skill));
        const here = holders.filter(near);
        if (shown.has(`${area.name}|${skill}`) || here.length > 3 || !holders.some((p) => !near(p) && p.ready))
          continue;
        // Fewest near first; among equals, those whose near holders are all ready (location alone binds).
        const rank = here.length * 2 + (here.every((p) => p.ready) ? 0 : 1);
        if (!best || rank < best.rank) best = { area, skill, near: here.length, rank };
      }
    }
    if (best) {
      const category = CATEGORY_OF_SKILL[best.skill] ?? 'その他';
      shown.add(`${best.area.name}|${best.skill}`);
      rewrite(r, best.area, {
        内容区分: category,
        '必要な資格・特技': best.skill,
        必要人数: best.near + 1,
        希望日時: '',
      });
      planted.push({
        request: r,
        dimension: 'categoryArea',
        reason: 'unmet.location',
        key: `${category} × ${best.area.name}`,
        note:
          best.near === 0
            ? `${best.area.name}と隣接圏域に${best.skill}ができる人がいない（他の圏域にはいる）`
            : `${best.area.name}と隣接圏域で${best.skill}ができる人は${best.near}名だけで、必要人数に足りない（他の圏域にはいる）`,
      });
    }
  }

  // A wished time nobody with the skill near the request is free at.
  r = next();
  if (r) {
    const found = firstOf(ctx.areas, (area) => {
      const near = reach(area);
      for (const skill of SKILLS) {
        const holders = people.filter((p) => near(p) && has(p, skill));
        if (shown.has(`${area.name}|${skill}`)) continue;
        if (holders.length === 0 || holders.some((p) => p.slots === null)) continue;
        if (!holders.some((p) => p.ready)) continue;
        const time = WISHED_TIMES.find((t) => {
          const key = [...(slotsOf(t) ?? [])][0];
          return key !== undefined && !holders.some((p) => (p.slots as ReadonlySet<string>).has(key));
        });
        if (time) return { area, skill, time };
      }
      return null;
    });
    if (found) {
      rewrite(r, found.area, {
        内容区分: CATEGORY_OF_SKILL[found.skill] ?? 'その他',
        '必要な資格・特技': found.skill,
        希望日時: found.time,
      });
      planted.push({
        request: r,
        dimension: 'timeSlot',
        reason: 'unmet.time',
        key: slotText(found.time),
        note: `${found.skill}ができる人は${found.area.name}の近くにいるが、${slotText(found.time)}に活動できる人がいない`,
      });
    }
  }
  // A skill whose only holders within reach cannot be introduced yet (no consent first, else paused
  // or uninsured): staff should ask them, not recruit.
  r = next();
  if (r) {
    const found =
      firstOf(ctx.areas, (area) => blockedSkill(area, 'unmet.consent')) ?? firstOf(ctx.areas, (a) => blockedSkill(a));
    if (found) {
      const category = CATEGORY_OF_SKILL[found.skill] ?? 'その他';
      shown.add(`${found.area.name}|${found.skill}`);
      rewrite(r, found.area, { 内容区分: category, '必要な資格・特技': found.skill, 希望日時: found.wish });
      planted.push({
        request: r,
        dimension: 'categoryArea',
        reason: found.reason,
        key: `${category} × ${found.area.name}`,
        note: `${found.area.name}の近くで${found.skill}ができる人は、${BLOCKED_NOTE[found.reason] ?? 'まだ紹介できない人'}だけ`,
      });
    }
  }

  return planted;
}

const BLOCKED_NOTE: Readonly<Record<string, string>> = {
  'unmet.consent': '個人情報の同意が確認できていない人（同意の確認が必要）',
  'unmet.status': '休止中の人（再開の確認が必要）',
  'unmet.insurance': 'ボランティア活動保険が未更新の人（更新の確認が必要）',
};

/** Combinations a real request asks for, then every other pair of skills in list order. */
const LIKELY_PAIRS: readonly [string, string][] = [
  ['手話', '看護師'],
  ['要約筆記', '運転'],
  ['点訳', 'パソコン・スマホ'],
  ['手話', '運転'],
  ['保育士', '外国語'],
  ['介護福祉士', '外国語'],
];

function skillPairs(): [string, string][] {
  const out: [string, string][] = LIKELY_PAIRS.map(([a, b]) => [a, b]);
  for (let i = 0; i < SKILLS.length; i++)
    for (let j = i + 1; j < SKILLS.length; j++) out.push([SKILLS[i] as string, SKILLS[j] as string]);
  return out;
}

function firstOf<T, R>(items: readonly T[], f: (t: T) => R | null): R | null {
  for (const t of items) {
    const r = f(t);
    if (r !== null) return r;
  }
  return null;
}

/** '日午前' → '日曜午前', as 不足分析 writes a wished time. */
function slotText(token: string): string {
  return token.replace(/^([月火水木金土日])/, '$1曜');
}
