/** The 活動記録 generator: three fiscal years of the four programmes' activities, with seasons, weekdays, growth, uneven areas, and visits that follow the 依頼 sheet. */
import { type BookContext, isNewYearHoliday, monthOf, sampleDays, shareUntil } from './context';
import {
  type DraftRow,
  draftRow,
  fullwidthNumberRecipe,
  missingRecipe,
  mistakeCount,
  plantMistakes,
  warekiRecipe,
} from './draft';
import { fiscalYearFirstDay, fiscalYearLastDay, tokyoMidnight, weekdayOf } from './plain-day';
import type { Random, Weighted } from './random';
import { type HelpRequest, REQUEST_WINDOW_DAYS } from './requests';
import type { DemoArea } from './types';
import type { Volunteer } from './volunteers';

type Programme = 'ほっとネット' | 'ふれまち' | 'りんく' | 'ボラセン';

interface ActivityType {
  readonly programme: Programme;
  readonly type: string;
  /** Rows in a full FY2024; later years grow by GROWTH. ボラセン's 助け合い活動 follows the 依頼 sheet instead. */
  readonly perYear: number;
  /** 参加者数 range; undefined where the count means nothing (情報発信). */
  readonly participants: readonly [number, number] | undefined;
  /** 活動時間 choices in hours. */
  readonly hours: readonly number[];
  readonly multigenerational: number;
  /** Chance the row names a registered volunteer (登録番号). */
  readonly volunteer: number;
  readonly weekend: number;
  /** Month factors April … March: the shape of the year for this kind of activity. */
  readonly months: readonly number[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
/** Salons pause in the August heat and over New Year. */
const SALON = [1, 1.05, 1.05, 1, 0.5, 1, 1.1, 1.1, 0.9, 0.7, 1, 1];
/** Watch-over visits rise in the summer heat and the winter cold. */
const WATCH = [0.9, 0.9, 1, 1.3, 1.5, 1.1, 0.9, 1, 1.2, 1.3, 1.2, 1];
/** Festivals in summer and autumn, little in winter. */
const EVENTS = [0.8, 1, 0.8, 1.5, 1.2, 1, 1.8, 1.6, 1, 0.3, 0.4, 0.8];
/** Courses start in spring and autumn. */
const COURSES = [0.8, 1.4, 1.3, 0.8, 0.4, 1, 1.4, 1.2, 0.8, 0.6, 1, 0.8];

/**
 * Rows per full fiscal year (FY2024, before growth) for each programme and kind of activity, sized
 * so the default 指標定義 (core/sheets/defaults.ts) reads as a plan in progress: some targets met,
 * some missed. りんく's watch-over visits are the bulk of the log, as in a real council.
 */
const ACTIVITY_TYPES: readonly ActivityType[] = [
  {
    programme: 'ふれまち',
    type: 'サロン',
    perYear: 90,
    participants: [8, 28],
    hours: [2, 2, 2.5, 3],
    multigenerational: 0.05,
    volunteer: 0.1,
    weekend: 0.1,
    months: SALON,
  },
  {
    programme: 'ふれまち',
    type: '居場所',
    perYear: 50,
    participants: [6, 36],
    hours: [2, 3, 4],
    multigenerational: 0.28,
    volunteer: 0.1,
    weekend: 0.4,
    months: SALON,
  },
  {
    programme: 'ふれまち',
    type: '助け合い活動',
    perYear: 35,
    participants: [1, 3],
    hours: [1, 1.5, 2],
    multigenerational: 0.02,
    volunteer: 0.6,
    weekend: 0.2,
    months: FLAT,
  },
  {
    programme: 'ふれまち',
    type: '見守り訪問',
    perYear: 30,
    participants: [1, 2],
    hours: [0.5, 1, 1.5],
    multigenerational: 0,
    volunteer: 0.4,
    weekend: 0.1,
    months: WATCH,
  },
  {
    programme: 'ふれまち',
    type: 'イベント',
    perYear: 15,
    participants: [30, 150],
    hours: [3, 4, 5],
    multigenerational: 0.45,
    volunteer: 0.3,
    weekend: 0.8,
    months: EVENTS,
  },
  {
    programme: 'りんく',
    type: '見守り訪問',
    perYear: 560,
    participants: [1, 2],
    hours: [0.5, 1, 1, 1.5],
    multigenerational: 0,
    volunteer: 0.15,
    weekend: 0.02,
    months: WATCH,
  },
  {
    programme: 'りんく',
    type: '住民懇談会',
    perYear: 8,
    participants: [8, 30],
    hours: [1.5, 2],
    multigenerational: 0.1,
    volunteer: 0,
    weekend: 0.3,
    months: FLAT,
  },
  {
    programme: 'ほっとネット',
    type: '住民懇談会',
    perYear: 13,
    participants: [10, 40],
    hours: [1.5, 2],
    multigenerational: 0.15,
    volunteer: 0,
    weekend: 0.3,
    months: FLAT,
  },
  {
    programme: 'ほっとネット',
    type: '講座',
    perYear: 20,
    participants: [10, 50],
    hours: [1.5, 2],
    multigenerational: 0.1,
    volunteer: 0,
    weekend: 0.3,
    months: COURSES,
  },
  {
    programme: 'ほっとネット',
    type: '居場所',
    perYear: 20,
    participants: [5, 30],
    hours: [2, 3],
    multigenerational: 0.3,
    volunteer: 0.05,
    weekend: 0.3,
    months: SALON,
  },
  {
    programme: 'ほっとネット',
    type: '情報発信',
    perYear: 26,
    participants: undefined,
    hours: [1, 2, 3],
    multigenerational: 0,
    volunteer: 0,
    weekend: 0,
    months: FLAT,
  },
  {
    programme: 'ボラセン',
    type: '講座',
    perYear: 24,
    participants: [8, 40],
    hours: [2, 2, 3],
    multigenerational: 0.1,
    volunteer: 0,
    weekend: 0.4,
    months: COURSES,
  },
  {
    programme: 'ボラセン',
    type: 'イベント',
    perYear: 20,
    participants: [20, 200],
    hours: [3, 4, 6],
    multigenerational: 0.45,
    volunteer: 0.5,
    weekend: 0.85,
    months: EVENTS,
  },
  {
    programme: 'ボラセン',
    type: '助け合い活動',
    perYear: 60,
    participants: [1, 3],
    hours: [1, 1.5, 2],
    multigenerational: 0.02,
    volunteer: 0.9,
    weekend: 0.2,
    months: FLAT,
  },
  {
    programme: 'ボラセン',
    type: '情報発信',
    perYear: 26,
    participants: undefined,
    hours: [1, 2],
    multigenerational: 0,
    volunteer: 0,
    weekend: 0,
    months: FLAT,
  },
];

/** The plan's growth: each year a little more than the last. */
const GROWTH = [1, 1.08, 1.15];

const NOTES: Weighted<string> = [
  ['新規参加者あり', 4],
  ['雨天のため縮小して実施', 2],
  ['猛暑のため室内で実施', 1],
  ['オンライン併用', 1],
  ['地域包括支援センター職員が参加', 2],
  ['子ども食堂と合同開催', 1],
  ['民生委員と同行', 2],
];

function typeWeight(t: ActivityType): (day: number) => number {
  return (day) => {
    if (isNewYearHoliday(day)) return 0;
    const wd = weekdayOf(day);
    const weekend = wd === 0 || wd === 6;
    const dayFactor = weekend ? t.weekend * 2.5 : 1 - t.weekend;
    return dayFactor * (t.months[(monthOf(day) + 8) % 12] ?? 1);
  };
}

export function generateActivities(
  ctx: BookContext,
  roster: readonly Volunteer[],
  requests: readonly HelpRequest[],
): DraftRow[] {
  const rng = ctx.stream('activities');
  const activeByArea = new Map<DemoArea, Volunteer[]>();
  for (const v of roster) {
    if (v.status !== '活動中' || v.repeats) continue;
    const list = activeByArea.get(v.area) ?? [];
    list.push(v);
    activeByArea.set(v.area, list);
  }
  const dated: { day: number; order: number; row: DraftRow }[] = [];
  const add = (day: number, row: DraftRow): void => {
    dated.push({ day, order: dated.length, row });
  };

  const helping = ACTIVITY_TYPES.find((t) => t.programme === 'ボラセン' && t.type === '助け合い活動') as ActivityType;
  const pickVolunteer = (area: DemoArea, day: number, chance: number): string => {
    const active = activeByArea.get(area) ?? [];
    // Only whether anyone qualifies is needed before the draw; the list only when the draw says so
    // (the same draws and picks as filtering first, without filtering for every row).
    if (!active.some((v) => v.registered <= day) || !rng.chance(chance)) return '';
    return rng.pick(active.filter((v) => v.registered <= day)).id;
  };

  // Matched requests leave a trail of visits from a couple of weeks after they were received.
  const interval: Record<string, number> = { 単発: 0, 毎週: 7, 隔週: 14, 毎月: 30 };
  let linked = 0;
  for (const r of requests) {
    if ((r.state !== '活動中' && r.state !== '終了') || r.assigned.length === 0) continue;
    const step = interval[r.frequency] ?? 0;
    const visits = step === 0 ? 1 : r.state === '終了' ? rng.int(1, 3) : 4;
    for (let k = 0, day = r.received + rng.int(10, 25); k < visits && day <= ctx.today; k++, day += Math.max(step, 1)) {
      if (isNewYearHoliday(day)) continue;
      add(day, activityRow(rng, helping, day, r.area.name, rng.pick(r.assigned).id, r.id));
      linked++;
    }
  }

  // Before the 依頼 sheet's window, ボラセン's 助け合い活動 went on at the same pace for requests no
  // longer on the sheet, so those rows carry no 依頼番号 rather than a dangling one.
  const windowStart = ctx.today - REQUEST_WINDOW_DAYS;
  const helpingPerDay = ctx.requests > 0 ? linked / REQUEST_WINDOW_DAYS : helping.perYear / 365;
  const lastGrowth = GROWTH[GROWTH.length - 1] ?? 1;

  ctx.fiscalYears.forEach((fy, index) => {
    const full = { first: fiscalYearFirstDay(fy), last: fiscalYearLastDay(fy) };
    const span = ctx.fiscalYearSpan(fy);
    const growth = GROWTH[index] ?? 1;
    for (const t of ACTIVITY_TYPES) {
      const weight = typeWeight(t);
      const first = span.first;
      let last = span.last;
      let n: number;
      if (t === helping) {
        last = Math.min(span.last, windowStart - 1);
        n = Math.round(helpingPerDay * Math.max(0, last - first + 1) * (growth / lastGrowth));
      } else {
        const perYear = t.perYear * ctx.ledgerScale.activities;
        n = Math.round(perYear * growth * shareUntil(full.first, full.last, span.last, weight));
      }
      for (const day of sampleDays(rng, first, last, n, weight)) {
        const area = ctx.pickArea(rng);
        add(day, activityRow(rng, t, day, area.name, pickVolunteer(area, day, t.volunteer), ''));
      }
    }
  });

  dated.sort((a, b) => a.day - b.day || a.order - b.order);
  const rows = dated.map((d) => d.row);
  plantMistakes(
    rows,
    mistakeCount(rng, rows.length, 0.005, 0.012),
    [
      warekiRecipe('日付', ['kanji', 'letterDot', 'letterSlash']),
      fullwidthNumberRecipe('参加者数', false),
      missingRecipe('圏域'),
    ],
    rng,
  );
  return rows;
}

function activityRow(
  rng: Random,
  t: ActivityType,
  day: number,
  area: string,
  volunteerId: string,
  requestId: string,
): DraftRow {
  return draftRow({
    日付: tokyoMidnight(day),
    事業: t.programme,
    活動種別: t.type,
    圏域: area,
    登録番号: volunteerId,
    依頼番号: requestId,
    参加者数: t.participants ? rng.int(t.participants[0], t.participants[1]) : '',
    活動時間: rng.pick(t.hours),
    多世代: rng.chance(t.multigenerational) ? 'はい' : 'いいえ',
    備考: rng.chance(0.08) ? rng.weighted(NOTES) : '',
  });
}
