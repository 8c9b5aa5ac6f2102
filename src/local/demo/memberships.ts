/** The 会費台帳 generator: members who renew (or not) each 年度, paying 口数 × 単価 mostly in the summer membership drive. */
import { type BookContext, isNewYearHoliday, monthOf, sampleDays, serial } from './context';
import {
  type DraftRow,
  type MistakeRecipe,
  amountTextRecipe,
  draftRow,
  fullwidthNumberRecipe,
  mistakeCount,
  plantMistakes,
  warekiRecipe,
  yen,
} from './draft';
import { communityGroupName, companyName } from './organisations';
import { type Gender, fullName, japaneseName } from './people';
import { fiscalYearFirstDay, fiscalYearLastDay, fromEpochDay, tokyoMidnight, weekdayOf } from './plain-day';
import type { Random, Weighted } from './random';
import { branchOf } from './vocabulary';

type MemberKind = '普通会員' | '賛助会員' | '法人会員' | '特別会員';

/** Yen per 口, as in the council's 会則. */
export const UNIT_PRICES: Readonly<Record<MemberKind, number>> = {
  普通会員: 500,
  賛助会員: 1_000,
  法人会員: 10_000,
  特別会員: 3_000,
};

interface Member {
  readonly id: string;
  readonly kind: MemberKind;
  readonly name: string;
  readonly branch: string;
  readonly method: string;
  units: number;
  /** The first and (if they left) last fiscal year of membership. */
  readonly joined: number;
  left: number | undefined;
}

/** About 2,100 members paying about 2,000 yen on average, near the default 指標定義's 会員数 and 会費収入. */
const MEMBERS_AT_START = 2080;
const RENEWAL = 0.9;
const NEW_PER_YEAR = 0.15;

/** Most fees arrive in the June–July drive, collected through the 自治会; the rest trickle in. */
function seasonal(day: number): number {
  if (isNewYearHoliday(day)) return 0;
  const wd = weekdayOf(day);
  const office = wd === 0 ? 0.02 : wd === 6 ? 0.2 : 1;
  const m = monthOf(day);
  const season = m === 6 || m === 7 ? 6 : m === 5 || m === 8 ? 2.5 : m === 9 ? 1.2 : 0.5;
  return office * season;
}

export function generateMemberships(ctx: BookContext): DraftRow[] {
  const rng = ctx.stream('memberships');
  const [firstFy] = ctx.fiscalYears;
  if (firstFy === undefined) return [];
  const members: Member[] = [];
  const join = (fy: number, count: number): void => {
    for (let i = 0; i < count; i++) members.push(newMember(rng, ctx, serial('M-', members.length + 1, 4), fy));
  };
  const atStart = Math.round(MEMBERS_AT_START * ctx.ledgerScale.memberships);
  join(firstFy, atStart);

  const rows: DraftRow[] = [];
  for (const fy of ctx.fiscalYears) {
    if (fy !== firstFy) {
      for (const m of members) {
        if (m.left === undefined && !rng.chance(RENEWAL)) m.left = fy - 1;
        else if (m.left === undefined && rng.chance(0.05)) m.units = Math.max(1, m.units + (rng.chance(0.5) ? 1 : -1));
      }
      join(fy, Math.round(atStart * NEW_PER_YEAR));
    }
    const first = fiscalYearFirstDay(fy);
    const last = fiscalYearLastDay(fy);
    const paying = members.filter((m) => m.joined <= fy && (m.left === undefined || m.left >= fy));
    // Each member pays once a year; those whose day has not come yet simply have no row yet.
    const days = sampleDays(rng, first, last, paying.length, seasonal);
    const order = rng.shuffle(paying);
    const entries = order
      .map((m, i) => ({ m, day: days[i] as number }))
      .filter(({ day }) => day <= ctx.today)
      .sort((a, b) => a.day - b.day);
    for (const { m, day } of entries) {
      const price = UNIT_PRICES[m.kind];
      rows.push(
        draftRow({
          会員番号: m.id,
          '氏名・団体名': m.name,
          会員種別: m.kind,
          口数: m.units,
          単価: price,
          金額: m.units * price,
          年度: fy,
          支部: m.branch,
          納入日: tokyoMidnight(day),
          入金方法: m.method,
        }),
      );
    }
  }

  plantMistakes(rows, mistakeCount(rng, rows.length, 0.01, 0.02), MEMBERSHIP_RECIPES, rng);
  return rows;
}

function newMember(rng: Random, ctx: BookContext, id: string, fy: number): Member {
  const kind = rng.weighted<MemberKind>([
    ['普通会員', 79.5],
    ['賛助会員', 10],
    ['法人会員', 6.5],
    ['特別会員', 4],
  ]);
  const place = ctx.pickPlace(rng);
  let name: string;
  if (kind === '法人会員') name = companyName(rng);
  else if (kind === '賛助会員' && rng.chance(0.3)) name = communityGroupName(rng, place.town, place.district);
  else {
    const gender: Gender = rng.chance(0.55) ? '女性' : '男性';
    name = fullName(japaneseName(rng, gender, fromEpochDay(ctx.today).year - rng.int(45, 90)));
  }
  const units: Weighted<number> =
    kind === '普通会員'
      ? [
          [1, 85],
          [2, 10],
          [3, 3],
          [5, 2],
        ]
      : kind === '法人会員'
        ? [
            [1, 60],
            [2, 20],
            [3, 10],
            [5, 10],
          ]
        : [
            [1, 70],
            [2, 25],
            [3, 5],
          ];
  return {
    id,
    kind,
    name,
    // One 支部 per 圏域, as in the 設定 list; the 自治会 of the area collect the fees.
    branch: branchOf(place.area.name),
    method: rng.weighted([
      ['現金', 45],
      ['振込', 35],
      ['口座振替', 20],
    ]),
    units: rng.weighted(units),
    joined: fy,
    left: undefined,
  };
}

const MEMBERSHIP_RECIPES: readonly MistakeRecipe[] = [
  amountTextRecipe('金額'),
  fullwidthNumberRecipe('金額', true),
  warekiRecipe('納入日', ['kanji', 'letterDot']),
  {
    kind: 'amountMismatch',
    column: '金額',
    applies: (row) => typeof row.cells['金額'] === 'number',
    apply: (row) => {
      const units = row.cells['口数'] as number;
      const price = row.cells['単価'] as number;
      // Either one 口 recorded for several, or a zero too many.
      const wrong = units > 1 ? price : price * units * 10;
      row.cells['金額'] = wrong;
      return { note: `金額${yen(wrong)}が口数×単価（${units}×${yen(price)}＝${yen(units * price)}）と不一致` };
    },
  },
];
