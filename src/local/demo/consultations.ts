/** The 相談記録 generator: three fiscal years of consultations by area, route and (multi-valued) category, with no personal data at all. */
import { type BookContext, isNewYearHoliday, monthOf, sampleDays, shareUntil } from './context';
import { type DraftRow, draftRow, missingRecipe, mistakeCount, plantMistakes, warekiRecipe } from './draft';
import { fiscalYearFirstDay, fiscalYearLastDay, tokyoMidnight, weekdayOf } from './plain-day';
import type { Random, Weighted } from './random';
import { type MultiSeparator, joinMulti } from './vocabulary';

/** About a thousand consultations a year, as the default 指標定義 expects (相談件数, baseline 1,150). */
const ROWS_PER_YEAR = 1180;
const GROWTH = [1, 1.075, 1.15];

const PRIMARY: Weighted<string> = [
  ['介護', 25],
  ['生活困窮', 22],
  ['障害', 12],
  ['子育て', 10],
  ['8050', 8],
  ['ひきこもり', 8],
  ['外国にルーツ', 5],
  ['ヤングケアラー', 3],
  ['その他', 7],
];

/** Problems come in clusters: an 8050 household is often also ひきこもり and short of money. */
const COMPANIONS: Readonly<Record<string, Weighted<string>>> = {
  '8050': [
    ['ひきこもり', 5],
    ['生活困窮', 3],
    ['介護', 2],
  ],
  ひきこもり: [
    ['8050', 3],
    ['障害', 2],
    ['生活困窮', 2],
  ],
  ヤングケアラー: [
    ['介護', 5],
    ['障害', 2],
    ['子育て', 2],
  ],
  外国にルーツ: [
    ['子育て', 3],
    ['生活困窮', 4],
  ],
  生活困窮: [
    ['障害', 2],
    ['介護', 2],
    ['子育て', 1],
  ],
  介護: [
    ['生活困窮', 2],
    ['障害', 1],
  ],
  障害: [
    ['生活困窮', 2],
    ['介護', 1],
  ],
  子育て: [
    ['生活困窮', 2],
    ['外国にルーツ', 1],
  ],
};

/** Where each kind of problem is referred on (つなぎ先): services, never people. */
const REFERRALS: Readonly<Record<string, Weighted<string>>> = {
  介護: [
    ['地域包括支援センター', 5],
    ['居宅介護支援事業所', 1],
  ],
  生活困窮: [
    ['生活サポート相談窓口', 4],
    ['福祉事務所', 3],
    ['フードバンク', 1],
  ],
  障害: [
    ['障害者総合支援センター', 3],
    ['相談支援事業所', 2],
  ],
  子育て: [
    ['子ども家庭支援センター', 4],
    ['保健センター', 1],
  ],
  '8050': [
    ['地域包括支援センター', 3],
    ['ひきこもり相談窓口', 2],
  ],
  ひきこもり: [
    ['ひきこもり相談窓口', 3],
    ['保健所', 1],
  ],
  外国にルーツ: [
    ['多文化共生センター', 3],
    ['子ども家庭支援センター', 1],
  ],
  ヤングケアラー: [
    ['子ども家庭支援センター', 3],
    ['スクールソーシャルワーカー', 2],
  ],
  その他: [
    ['消費生活センター', 2],
    ['法テラス', 2],
    ['権利擁護センター', 1],
  ],
};

const ORDER = PRIMARY.map(([c]) => c);

function seasonal(day: number): number {
  if (isNewYearHoliday(day)) return 0;
  const wd = weekdayOf(day);
  const m = monthOf(day);
  // Money worries peak before New Year and in the spring when school costs fall due.
  return (wd === 0 ? 0 : wd === 6 ? 0.1 : 1) * (m === 12 || m === 3 || m === 4 ? 1.25 : 1);
}

export function generateConsultations(ctx: BookContext): DraftRow[] {
  const rng = ctx.stream('consultations');
  const rows: DraftRow[] = [];
  ctx.fiscalYears.forEach((fy, index) => {
    const full = { first: fiscalYearFirstDay(fy), last: fiscalYearLastDay(fy) };
    const span = ctx.fiscalYearSpan(fy);
    const perYear = ROWS_PER_YEAR * ctx.ledgerScale.consultations;
    const n = Math.round(perYear * (GROWTH[index] ?? 1) * shareUntil(full.first, full.last, span.last, seasonal));
    for (const day of sampleDays(rng, span.first, span.last, n, seasonal)) {
      const area = ctx.pickArea(rng);
      const categories = categoriesFor(rng, area === ctx.diverseArea);
      const status = outcome(rng, ctx.today - day);
      const sep: MultiSeparator = rng.weighted([
        ['、', 85],
        ['・', 8],
        ['\n', 7],
      ]);
      rows.push(
        draftRow({
          受付日: tokyoMidnight(day),
          圏域: area.name,
          経路: rng.weighted([
            ['電話', 40],
            ['来所', 25],
            ['訪問', 20],
            ['メール', 8],
            ['その他', 7],
          ]),
          相談分類: joinMulti(categories, sep),
          対応状況: status,
          つなぎ先:
            status === 'つなぎ' ? rng.weighted(REFERRALS[categories[0] ?? 'その他'] ?? REFERRALS['その他'] ?? []) : '',
        }),
      );
    }
  });
  plantMistakes(
    rows,
    mistakeCount(rng, rows.length, 0.005, 0.012),
    [warekiRecipe('受付日', ['kanji', 'letterDot']), missingRecipe('経路')],
    rng,
  );
  return rows;
}

function categoriesFor(rng: Random, diverseArea: boolean): string[] {
  const primary = rng.weighted(
    diverseArea ? PRIMARY.map(([c, w]) => [c, c === '外国にルーツ' ? w * 3 : w] as const) : PRIMARY,
  );
  const out = [primary];
  const companions = COMPANIONS[primary];
  if (companions && rng.chance(0.45)) {
    out.push(...rng.weightedDistinct(companions, rng.chance(0.25) ? 2 : 1));
  }
  // Staff list the main problem first; the rest follow in the usual order of the category list.
  const [head, ...rest] = [...new Set(out)];
  return [head as string, ...rest.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))];
}

/** Recent consultations are mostly still open; older ones were resolved or referred on. */
function outcome(rng: Random, age: number): string {
  return age < 30
    ? rng.weighted([
        ['継続', 70],
        ['つなぎ', 18],
        ['解決', 12],
      ])
    : rng.weighted([
        ['解決', 55],
        ['つなぎ', 22],
        ['継続', 23],
      ]);
}
