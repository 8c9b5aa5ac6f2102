/** The 寄付台帳 generator: three fiscal years of donations from returning donors, with the 歳末たすけあい peak in December and receipt numbers per 年度. */
import { formatAddress, neighbourAddress, randomAddress, randomAddressStyle } from './contact';
import { type BookContext, isNewYearHoliday, monthOf, sampleDays, serial, shareUntil } from './context';
import {
  type DraftRow,
  type MistakeRecipe,
  amountTextRecipe,
  draftRow,
  fullwidthNumberRecipe,
  missingRecipe,
  mistakeCount,
  plantMistakes,
  warekiRecipe,
} from './draft';
import { communityGroupName, companyName } from './organisations';
import { type Gender, fullName, japaneseName } from './people';
import {
  fiscalYearEraPrefix,
  fiscalYearFirstDay,
  fiscalYearLastDay,
  fromEpochDay,
  isoDay,
  tokyoMidnight,
  weekdayOf,
} from './plain-day';
import { WeightedTable, type Random, type Weighted } from './random';

type DonorKind = '個人' | '法人' | '団体';

interface Donor {
  readonly id: string;
  readonly kind: DonorKind;
  readonly name: string;
  readonly address: string;
  readonly publishes: boolean;
  /** Regular donors give every year and often by 口座振替. */
  readonly regular: boolean;
}

/** A ledger row plus what the receipt-number mistakes need: its fiscal year and the row before it. */
interface DonationRow extends DraftRow {
  readonly fy: number;
  readonly day: number;
  readonly previous: DonationRow | undefined;
}

/** Rows in a full fiscal year at defaults; the ledger grows a little every year. */
const ROWS_PER_YEAR = 230;
/** Donors in the pool at the default scale. */
const DONORS = 320;
const GROWTH = [1, 1.06, 1.12];

const GOODS: readonly (readonly [string, number])[] = [
  ['お米 30kg', 12_000],
  ['車いす 1台', 40_000],
  ['タオル 50枚', 5_000],
  ['文房具一式', 8_000],
  ['紙おむつ 10パック', 15_000],
  ['レトルト食品 一箱', 6_000],
  ['絵本 20冊', 10_000],
  ['ポータブル電源 1台', 60_000],
];

const DESIGNATIONS: Weighted<string> = [
  ['子ども食堂', 3],
  ['災害義援金', 3],
  ['ボランティアセンター', 1],
  ['障害者福祉', 1],
  ['歳末たすけあい', 1],
];

function seasonal(day: number): number {
  if (isNewYearHoliday(day)) return 0;
  const wd = weekdayOf(day);
  const office = wd === 0 ? 0.05 : wd === 6 ? 0.3 : 1;
  const m = monthOf(day);
  // 歳末たすけあい募金 runs in December; March brings year-end gifts from companies.
  return office * (m === 12 ? 3 : m === 3 ? 1.2 : 1);
}

export function generateDonations(ctx: BookContext): DraftRow[] {
  const rng = ctx.stream('donations');
  const donors = donorPool(rng, ctx);
  const byKind = (kind: DonorKind): WeightedTable<Donor> =>
    new WeightedTable(donors.filter((d) => d.kind === kind).map((d) => [d, d.regular ? 4 : 1] as const));
  const weights = { 個人: byKind('個人'), 法人: byKind('法人'), 団体: byKind('団体') };

  const rows: DonationRow[] = [];
  ctx.fiscalYears.forEach((fy, index) => {
    const full = { first: fiscalYearFirstDay(fy), last: fiscalYearLastDay(fy) };
    const span = ctx.fiscalYearSpan(fy);
    const perYear = ROWS_PER_YEAR * ctx.ledgerScale.donations;
    const n = Math.round(perYear * (GROWTH[index] ?? 1) * shareUntil(full.first, full.last, span.last, seasonal));
    const entries: { day: number; cells: Record<string, string | number | Date> }[] = [];
    for (const day of sampleDays(rng, span.first, span.last, n, seasonal)) {
      const cells = donationCells(rng, ctx, weights, fy, day);
      entries.push({ day, cells });
      if (cells['領収書'] === '発行済' && rng.chance(0.015)) {
        // A spoiled receipt stays in the ledger as 無効 and is issued again under the next number.
        entries.push({ day, cells: { ...cells, 受領日: tokyoMidnight(day), 備考: '再発行' } });
        cells['領収書'] = '無効';
        cells['備考'] = '書き損じのため無効（再発行）';
      }
    }
    const prefix = fiscalYearEraPrefix(fy);
    let previous: DonationRow | undefined;
    entries.forEach(({ day, cells }, i) => {
      const row: DonationRow = {
        ...draftRow({ ...cells, 領収書番号: serial(`${prefix}-`, i + 1, 4) }),
        fy,
        day,
        previous,
      };
      rows.push(row);
      previous = row;
    });
  });

  plantMistakes(rows, mistakeCount(rng, rows.length, 0.01, 0.02), DONATION_RECIPES, rng);
  return rows;
}

function donorPool(rng: Random, ctx: BookContext): Donor[] {
  const donors: Donor[] = [];
  const year = fromEpochDay(ctx.today).year;
  const kinds: Weighted<DonorKind> = [
    ['個人', 72],
    ['法人', 16],
    ['団体', 12],
  ];
  // A larger city has proportionally more donors, not the same donors giving more often.
  const pool = Math.max(1, Math.round(DONORS * ctx.ledgerScale.donations));
  for (let i = 0; i < pool; i++) {
    const kind = rng.weighted(kinds);
    const place = ctx.pickPlace(rng);
    let name: string;
    if (kind === '個人') {
      const gender: Gender = rng.chance(0.55) ? '女性' : '男性';
      name = fullName(japaneseName(rng, gender, year - rng.int(35, 90)));
    } else if (kind === '法人') {
      name = companyName(rng);
    } else {
      name = communityGroupName(rng, place.town, place.district);
    }
    const inCity = kind !== '個人' || rng.chance(0.75);
    donors.push({
      id: serial('D-', i + 1, 4),
      kind,
      name,
      address: inCity
        ? formatAddress(randomAddress(rng, ctx.city, place.town), randomAddressStyle(rng))
        : neighbourAddress(rng),
      publishes: rng.chance(kind === '個人' ? 0.55 : kind === '法人' ? 0.9 : 0.85),
      regular: rng.chance(0.3),
    });
  }
  return donors;
}

function donationCells(
  rng: Random,
  ctx: BookContext,
  donors: Record<DonorKind, WeightedTable<Donor>>,
  fy: number,
  day: number,
): Record<string, string | number | Date> {
  const december = monthOf(day) === 12;
  const kind = rng.weighted<DonorKind | '匿名'>([
    ['個人', 62],
    ['法人', 14],
    ['団体', 12],
    ['匿名', december ? 20 : 12],
  ]);
  const category = rng.weighted<'一般寄付' | '指定寄付' | '物品寄付'>([
    ['一般寄付', december ? 30 : 55],
    ['指定寄付', december ? 62 : 35],
    ['物品寄付', kind === '匿名' ? 2 : 10],
  ]);
  const designation =
    category !== '指定寄付' ? '' : december && rng.chance(0.75) ? '歳末たすけあい' : rng.weighted(DESIGNATIONS);
  const donor = kind === '匿名' ? undefined : rng.fromTable(donors[kind]);

  let method = '';
  let amount: number;
  let note = '';
  if (category === '物品寄付') {
    const [item, value] = rng.pick(GOODS);
    amount = value;
    note = `${item}（評価額）`;
  } else {
    method = paymentMethod(rng, kind, donor);
    amount = donationAmount(rng, kind, method);
    if (designation === '災害義援金' && fy === 2024 && rng.chance(0.5)) note = '能登半島地震';
    else if (kind === '匿名' && rng.chance(0.5)) note = '募金箱';
  }

  // Receipts go out within about ten days; anonymous gifts get none.
  const recent = ctx.today - day < 10;
  const receipt = kind === '匿名' ? '未発行' : recent && rng.chance(0.6) ? '未発行' : '発行済';
  return {
    受領日: tokyoMidnight(day),
    寄付者番号: donor?.id ?? '',
    寄付者名: donor?.name ?? '匿名',
    寄付者種別: kind,
    住所: donor?.address ?? '',
    区分: category,
    指定先: designation,
    金額: amount,
    入金方法: method,
    領収書: receipt,
    氏名公表: donor?.publishes ? '可' : '不可',
    備考: note,
  };
}

function paymentMethod(rng: Random, kind: DonorKind | '匿名', donor: Donor | undefined): string {
  if (kind === '匿名') return rng.chance(0.9) ? '現金' : '振込';
  if (kind === '法人') return rng.chance(0.7) ? '振込' : '現金';
  if (donor?.regular && rng.chance(0.5)) return '口座振替';
  return rng.weighted([
    ['現金', 55],
    ['振込', 35],
    ['口座振替', 10],
  ]);
}

/** Many small gifts, a few large ones; collection boxes give odd amounts. */
function donationAmount(rng: Random, kind: DonorKind | '匿名', method: string): number {
  if (method === '口座振替') return rng.pick([1_000, 2_000, 3_000, 5_000]);
  switch (kind) {
    case '個人':
      return rng.weighted([
        [1_000, 20],
        [2_000, 10],
        [3_000, 15],
        [5_000, 20],
        [10_000, 20],
        [20_000, 5],
        [30_000, 4],
        [50_000, 3],
        [100_000, 1.5],
        [300_000, 0.2],
        [1_000_000, 0.05],
      ]);
    case '法人':
      return rng.weighted([
        [10_000, 25],
        [30_000, 25],
        [50_000, 20],
        [100_000, 15],
        [200_000, 5],
        [300_000, 3],
        [500_000, 1],
        [1_000_000, 0.3],
      ]);
    case '団体':
      return rng.chance(0.5) ? rng.int(3_000, 80_000) : rng.pick([10_000, 20_000, 30_000, 50_000, 100_000]);
    case '匿名':
      return rng.chance(0.6) ? rng.int(500, 20_000) : rng.pick([1_000, 5_000, 10_000]);
  }
}

const DONATION_RECIPES: readonly MistakeRecipe<DonationRow>[] = [
  amountTextRecipe('金額'),
  fullwidthNumberRecipe('金額', true),
  warekiRecipe('受領日', ['kanji', 'letterDot']),
  missingRecipe('指定先', (row) => row.cells['区分'] === '指定寄付'),
  {
    kind: 'duplicateReceiptNumber',
    column: '領収書番号',
    applies: (row) => row.previous !== undefined && row.previous.fy === row.fy,
    apply: (row) => {
      const previous = row.previous as DonationRow;
      const clean = row.cells['領収書番号'] as string;
      row.cells['領収書番号'] = previous.cells['領収書番号'] as string;
      return { note: `領収書番号が前の行と重複（本来は${clean}）`, related: previous };
    },
  },
  {
    kind: 'fiscalYearMismatch',
    column: '受領日',
    // Only near the start of a year: a late-March gift numbered in the new year's series.
    applies: (row) => row.day - fiscalYearFirstDay(row.fy) < 20 && row.cells['受領日'] instanceof Date,
    apply: (row, rng) => {
      const wrong = fiscalYearFirstDay(row.fy) - rng.int(1, 6);
      row.cells['受領日'] = tokyoMidnight(wrong);
      return { note: `受領日${isoDay(wrong)}が領収書番号の年度（${row.fy}年度）の外（本来は${isoDay(row.day)}）` };
    },
  },
];
