/** The 依頼 generator: help requests of the last ten months, their life cycle by age, and volunteers assigned from the roster where the request's needs allow. */
import { type BookContext, isNewYearHoliday, sampleDays, serial } from './context';
import {
  type DraftRow,
  draftRow,
  fullwidthNumberRecipe,
  missingRecipe,
  mistakeCount,
  plantMistakes,
  warekiRecipe,
} from './draft';
import { FOREIGN_ROOTED_NAMES, type Gender, fullName, japaneseName } from './people';
import { fromEpochDay, tokyoMidnight, weekdayOf } from './plain-day';
import type { Random, Weighted } from './random';
import { pickSlots } from './slots';
import type { DemoArea } from './types';
import {
  FACILITY_KINDS,
  FACILITY_NAMES,
  type Field,
  GROUP_PREFIXES,
  type Language,
  type MultiSeparator,
  type RequestCategory,
  STAFF,
  type Skill,
  joinMulti,
} from './vocabulary';
import type { Volunteer } from './volunteers';

/** The 依頼 sheet holds the requests received in the last this many days; older ones are archived. */
export const REQUEST_WINDOW_DAYS = 300;

export type RequestState = '受付' | '調整中' | '紹介済' | '活動中' | '終了' | '不成立';
export type Frequency = '単発' | '毎週' | '隔週' | '毎月';
type RequesterKind = '個人' | '施設' | '団体';

/** What the activity log needs to know about a request. */
export interface HelpRequest {
  readonly id: string;
  readonly row: DraftRow;
  readonly received: number;
  readonly area: DemoArea;
  readonly kind: string;
  readonly frequency: Frequency;
  readonly state: RequestState;
  readonly assigned: readonly Volunteer[];
}

interface RequestType {
  readonly name: RequestCategory;
  readonly weight: number;
  readonly requesters: Weighted<RequesterKind>;
  readonly skills: Weighted<readonly Skill[]>;
  readonly languages?: Weighted<Language>;
  readonly fields: readonly Field[];
  readonly frequencies: Weighted<Frequency>;
  /** Chance that the task can be done by phone or online (在宅対応可). */
  readonly homeOk: number;
  readonly needed: readonly [number, number];
  readonly womanWanted: number;
}

const NONE: readonly Skill[] = [];

/**
 * 内容区分 (the 設定 list) with who asks for them, what they need and how often. その他 covers
 * what staff file there: activities at facilities, garden work, reading for the blind.
 */
const REQUEST_TYPES: readonly RequestType[] = [
  {
    name: '家事の手伝い',
    weight: 12,
    requesters: [['個人', 1]],
    skills: [
      [NONE, 8],
      [['調理'], 2],
    ],
    fields: ['高齢者'],
    frequencies: [
      ['毎週', 5],
      ['隔週', 3],
      ['単発', 2],
    ],
    homeOk: 0,
    needed: [1, 1],
    womanWanted: 0.25,
  },
  {
    name: '外出の付き添い',
    weight: 10,
    requesters: [['個人', 1]],
    skills: [
      [['運転'], 3],
      [['介護職員初任者研修'], 2],
      [NONE, 5],
    ],
    fields: ['高齢者', '障害のある人'],
    frequencies: [
      ['単発', 5],
      ['毎月', 3],
      ['隔週', 2],
    ],
    homeOk: 0,
    needed: [1, 1],
    womanWanted: 0.2,
  },
  {
    name: '話し相手',
    weight: 12,
    requesters: [
      ['個人', 8],
      ['施設', 2],
    ],
    skills: [
      [['傾聴'], 3],
      [NONE, 7],
    ],
    fields: ['高齢者', '地域の居場所'],
    frequencies: [
      ['毎週', 5],
      ['隔週', 4],
      ['毎月', 1],
    ],
    homeOk: 0.4,
    needed: [1, 1],
    womanWanted: 0.15,
  },
  {
    name: '見守り',
    weight: 9,
    requesters: [['個人', 1]],
    skills: [
      [['傾聴'], 4],
      [NONE, 6],
    ],
    fields: ['高齢者'],
    frequencies: [
      ['毎週', 8],
      ['隔週', 2],
    ],
    homeOk: 0.5,
    needed: [1, 1],
    womanWanted: 0.1,
  },
  {
    name: '子育て支援',
    weight: 7,
    requesters: [
      ['個人', 7],
      ['団体', 3],
    ],
    skills: [
      [['保育士'], 2],
      [NONE, 8],
    ],
    fields: ['子ども・子育て'],
    frequencies: [
      ['毎週', 4],
      ['隔週', 3],
      ['単発', 3],
    ],
    homeOk: 0,
    needed: [1, 2],
    womanWanted: 0.4,
  },
  {
    name: '学習支援',
    weight: 9,
    requesters: [
      ['個人', 6],
      ['団体', 4],
    ],
    skills: [
      [NONE, 8],
      [['外国語'], 2],
    ],
    fields: ['子ども・子育て'],
    frequencies: [
      ['毎週', 7],
      ['隔週', 3],
    ],
    homeOk: 0.15,
    needed: [1, 2],
    womanWanted: 0.05,
  },
  {
    name: '通訳・翻訳',
    weight: 5,
    requesters: [
      ['個人', 60],
      ['施設', 25],
      ['団体', 15],
    ],
    skills: [[NONE, 1]],
    languages: [
      ['英語', 3],
      ['中国語', 3],
      ['韓国語', 1],
      ['ベトナム語', 2],
      ['ネパール語', 1],
      ['タガログ語', 1],
      ['やさしい日本語', 2],
    ],
    fields: ['外国にルーツのある人'],
    frequencies: [
      ['単発', 7],
      ['毎月', 3],
    ],
    homeOk: 0.3,
    needed: [1, 1],
    womanWanted: 0.05,
  },
  {
    name: '手続きの手伝い',
    weight: 5,
    requesters: [['個人', 1]],
    skills: [
      [['パソコン・スマホ'], 5],
      [NONE, 5],
    ],
    fields: ['高齢者', '外国にルーツのある人'],
    frequencies: [
      ['単発', 8],
      ['毎月', 2],
    ],
    homeOk: 0.3,
    needed: [1, 1],
    womanWanted: 0,
  },
  {
    name: 'イベントの手伝い',
    weight: 10,
    requesters: [
      ['団体', 6],
      ['施設', 4],
    ],
    skills: [
      [NONE, 8],
      [['調理'], 2],
    ],
    fields: ['地域の居場所', '子ども・子育て'],
    frequencies: [
      ['単発', 9],
      ['毎月', 1],
    ],
    homeOk: 0,
    needed: [2, 3],
    womanWanted: 0,
  },
  {
    name: 'その他',
    weight: 9,
    requesters: [
      ['施設', 6],
      ['個人', 4],
    ],
    skills: [
      [NONE, 5],
      [['手話'], 1],
      [['音訳'], 1],
      [['要約筆記'], 1],
    ],
    fields: ['障害のある人', '高齢者', '環境・まちづくり'],
    frequencies: [
      ['毎月', 5],
      ['単発', 4],
      ['隔週', 1],
    ],
    homeOk: 0,
    needed: [1, 3],
    womanWanted: 0,
  },
];

const REQUEST_TYPE_WEIGHTS: Weighted<RequestType> = REQUEST_TYPES.map((t) => [t, t.weight] as const);

const SLOTS: Record<RequesterKind, { days: Weighted<string>; times: Weighted<string> }> = {
  個人: {
    days: [
      ['月', 2],
      ['火', 2],
      ['水', 2],
      ['木', 2],
      ['金', 2],
      ['平日', 2],
      ['土', 0.5],
    ],
    times: [
      ['午前', 5],
      ['午後', 5],
      ['終日', 0.5],
    ],
  },
  施設: {
    days: [
      ['月', 2],
      ['火', 2],
      ['水', 2],
      ['木', 2],
      ['金', 2],
      ['平日', 1],
      ['土', 1],
    ],
    times: [
      ['午後', 6],
      ['午前', 3],
    ],
  },
  団体: {
    days: [
      ['土', 4],
      ['日', 3],
      ['土日', 3],
      ['平日', 1],
    ],
    times: [
      ['終日', 4],
      ['午前', 2],
      ['午後', 2],
      ['夜間', 1],
    ],
  },
};

function wishedSlots(rng: Random, kind: RequesterKind): string[] {
  const { days, times } = SLOTS[kind];
  return pickSlots(rng, days, rng.chance(0.6) ? 1 : 2, () => rng.weighted(times));
}

const FAILURE_REASONS: Weighted<string> = [
  ['希望日時に合うボランティアがいない', 4],
  ['依頼者の都合によりキャンセル', 3],
  ['介護保険サービスで対応（地域包括支援センターへつなぎ）', 2],
  ['依頼内容がボランティアの範囲外', 1],
  ['圏域内に担い手が不足', 2],
  ['依頼内容がボランティアの範囲外', 1],
];

/**
 * The 依頼 rows. `shortages` may rewrite some of the newest open requests (and lock them) before
 * entry mistakes are planted; what it returns is passed back beside the requests.
 */
export function generateRequests<S>(
  ctx: BookContext,
  roster: readonly Volunteer[],
  shortages: (requests: readonly HelpRequest[]) => S[] = () => [],
): { list: HelpRequest[]; shortages: S[] } {
  const rng = ctx.stream('requests');
  const n = ctx.requests;
  const width = Math.max(4, String(n).length);
  const first = ctx.today - REQUEST_WINDOW_DAYS;
  const days = sampleDays(rng, first, ctx.today, n, (d) => {
    if (isNewYearHoliday(d)) return 0;
    const wd = weekdayOf(d);
    return (wd === 0 ? 0 : wd === 6 ? 0.1 : 1) * (1 + (d - first) / REQUEST_WINDOW_DAYS);
  });
  const pools = poolsOf(roster);

  const requests: HelpRequest[] = days.map((received, i) => {
    const id = serial('R-', i + 1, width);
    const type = rng.weighted(REQUEST_TYPE_WEIGHTS);
    const requesterKind = rng.weighted(type.requesters);
    const place = ctx.pickPlace(rng);
    const skills = [...rng.weighted(type.skills)];
    const language = type.languages
      ? rng.weighted(type.languages)
      : type.name === '学習支援' && rng.chance(0.1)
        ? rng.pick(['中国語', 'ベトナム語', 'ネパール語'])
        : rng.chance(0.02)
          ? 'やさしい日本語'
          : '';
    const frequency = rng.weighted(type.frequencies);
    const needed = rng.int(type.needed[0], type.needed[1]);
    const gender: Gender | '' = rng.chance(type.womanWanted)
      ? '女性'
      : type.name === 'その他' && rng.chance(0.05)
        ? '男性'
        : '';
    const homeOk = rng.chance(type.homeOk);
    const sep: MultiSeparator = rng.chance(0.9) ? '、' : '\n';

    let state = lifeCycle(rng, ctx.today - received, frequency);
    let assigned: Volunteer[] = [];
    let reason = state === '不成立' ? rng.weighted(FAILURE_REASONS) : '';
    if (state === '紹介済' || state === '活動中' || state === '終了') {
      assigned = chooseVolunteers(rng, pools, {
        area: place.area,
        received,
        skills,
        language,
        gender,
        homeOk,
        needed,
        fields: type.fields,
      });
      if (assigned.length === 0) {
        // Nobody fits: an old request is closed as 不成立, a recent one is still being arranged.
        state = ctx.today - received > 30 ? '不成立' : '調整中';
        reason =
          state !== '不成立'
            ? ''
            : language
              ? `${language}に対応できるボランティアがいない`
              : skills.length > 0
                ? `${skills.join('、')}のできるボランティアがいない`
                : '圏域内に担い手が不足';
      }
    }

    const row = draftRow({
      依頼番号: id,
      受付日: tokyoMidnight(received),
      依頼者種別: requesterKind,
      依頼者: requesterName(rng, ctx, requesterKind, type.name, language, place.town, place.district),
      圏域: place.area.name,
      地区: place.district,
      内容区分: type.name,
      '必要な資格・特技': joinMulti(skills, sep),
      対応言語: language,
      希望日時: joinMulti(wishedSlots(rng, requesterKind), sep),
      頻度: frequency,
      必要人数: needed === 1 && rng.chance(0.2) ? '' : needed,
      性別希望: gender,
      在宅対応可: homeOk ? 'はい' : 'いいえ',
      状態: state,
      担当ボランティア: joinMulti(
        assigned.map((v) => v.id),
        sep,
      ),
      担当職員: rng.pick(STAFF),
      不成立理由: reason,
    });
    return { id, row, received, area: place.area, kind: type.name, frequency, state, assigned };
  });

  const planted = shortages(requests);
  const rows = requests.map((r) => r.row);
  plantMistakes(
    rows,
    mistakeCount(rng, n, 0.015, 0.03),
    [
      warekiRecipe('受付日', ['kanji', 'letterDot']),
      missingRecipe('依頼者'),
      missingRecipe('内容区分'),
      fullwidthNumberRecipe('必要人数', false),
    ],
    rng,
  );
  return { list: requests, shortages: planted };
}

/** The state a request has reached `age` days after it was received. */
function lifeCycle(rng: Random, age: number, frequency: Frequency): RequestState {
  if (age <= 7) return rng.chance(0.7) ? '受付' : '調整中';
  if (age <= 30) {
    return rng.weighted<RequestState>([
      ['受付', 10],
      ['調整中', 45],
      ['紹介済', 35],
      ['不成立', 10],
    ]);
  }
  const ongoing = frequency !== '単発';
  if (age <= 90) {
    return rng.weighted<RequestState>([
      ['調整中', 8],
      ['紹介済', 15],
      [ongoing ? '活動中' : '終了', 67],
      ['不成立', 10],
    ]);
  }
  return ongoing
    ? rng.weighted<RequestState>([
        ['活動中', 55],
        ['終了', 35],
        ['不成立', 10],
      ])
    : rng.weighted<RequestState>([
        ['終了', 88],
        ['不成立', 12],
      ]);
}

interface Needs {
  area: DemoArea;
  received: number;
  skills: readonly string[];
  language: string;
  gender: Gender | '';
  homeOk: boolean;
  needed: number;
  fields: readonly string[];
}

/**
 * Volunteers who meet the hard needs (language, skills, gender, registered in time), from the
 * request's own 圏域 unless it can be done from home or the area has too few; the best-suited
 * first, with a little chance mixed in so the same people are not always picked.
 */
function chooseVolunteers(rng: Random, pools: Pools, needs: Needs): Volunteer[] {
  const collect = (candidates: readonly Volunteer[]): { v: Volunteer; score: number }[] => {
    const out: { v: Volunteer; score: number }[] = [];
    for (const v of candidates) {
      if (v.registered > needs.received) continue;
      if (needs.language && !v.languages.includes(needs.language)) continue;
      if (needs.skills.length > 0 && !needs.skills.every((s) => v.skills.includes(s))) continue;
      if (needs.gender && v.gender !== needs.gender) continue;
      let overlap = 0;
      for (const f of needs.fields) if (v.fields.includes(f)) overlap++;
      out.push({ v, score: (v.area === needs.area ? 3 : 0) + overlap + rng.next() * 2 });
    }
    return out;
  };
  let scored = collect(needs.homeOk ? pools.all : (pools.byArea.get(needs.area) ?? []));
  if (scored.length < needs.needed && !needs.homeOk) scored = collect(pools.all);
  // needed is at most a handful, so picking the best few beats sorting every candidate.
  const best: { v: Volunteer; score: number }[] = [];
  for (const s of scored) {
    if (best.length < needs.needed) best.push(s);
    else if (s.score > (best[best.length - 1] as { score: number }).score) best[best.length - 1] = s;
    else continue;
    best.sort((a, b) => b.score - a.score);
  }
  return best.map((s) => s.v);
}

interface Pools {
  readonly all: readonly Volunteer[];
  readonly byArea: ReadonlyMap<DemoArea, readonly Volunteer[]>;
}

function poolsOf(roster: readonly Volunteer[]): Pools {
  // Only people who are active and agreed to share their details can be introduced.
  const all = roster.filter((v) => v.status === '活動中' && v.consent === 'はい' && !v.repeats);
  const byArea = new Map<DemoArea, Volunteer[]>();
  for (const v of all) {
    const list = byArea.get(v.area) ?? [];
    list.push(v);
    byArea.set(v.area, list);
  }
  return { all, byArea };
}

function requesterName(
  rng: Random,
  ctx: BookContext,
  kind: RequesterKind,
  type: string,
  language: string,
  town: string,
  district: string,
): string {
  const year = fromEpochDay(ctx.today).year;
  if (kind === '個人') {
    const foreign = FOREIGN_ROOTED_NAMES.filter((f) => f.language === language);
    if (foreign.length > 0 && (type === '通訳・翻訳' || type === '学習支援')) return fullName(rng.pick(foreign));
    const parent = type === '学習支援' || type === '子育て支援';
    const gender: Gender = rng.chance(parent ? 0.75 : 0.65) ? '女性' : '男性';
    return fullName(japaneseName(rng, gender, year - (parent ? rng.int(35, 50) : rng.int(72, 95))));
  }
  if (kind === '施設') {
    return rng.chance(0.15) ? `${town}児童館` : `${rng.pick(FACILITY_KINDS)}${rng.pick(FACILITY_NAMES)}`;
  }
  const [prefix] = rng.pick(GROUP_PREFIXES);
  return rng.weighted([
    [`${town}自治会`, 3],
    [`子ども食堂${prefix}`, 2],
    [`${town}老人クラブ`, 2],
    [`NPO法人${prefix}ネット`, 1],
    [`${district.replace(/地区$/, '')}PTA`, 1],
  ]);
}
