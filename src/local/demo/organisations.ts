/** Names of the local companies and community groups that donate and pay membership fees. */
import type { Random } from './random';

/** Legal forms with the kinds of business that use them, so a 医療法人 runs a clinic and not a garden firm. */
const COMPANIES: readonly (readonly [string, readonly string[]])[] = [
  [
    '株式会社',
    [
      'ひばり建設',
      '田無工務店',
      'けやき不動産',
      '武蔵野設備',
      '西東京運輸',
      'あおぞら食品',
      '保谷電機',
      '柳沢商事',
      'ふじ印刷',
      'いずみ自動車',
      '芝久保造園',
    ],
  ],
  ['有限会社', ['みどり薬局', '向台米穀店', 'さくら電気工事', 'やなぎ園芸']],
  ['合同会社', ['こもれびデザイン', 'つなぐ商会']],
  ['医療法人社団', ['さくら歯科', '東伏見クリニック', 'ひばりが丘内科', 'みどり整形外科']],
  ['社会福祉法人', ['こもれび会', 'ひだまり福祉会', 'けやき福祉会']],
];

/** A fictional local company; 株式会社 and its kin stand before or after the name, as in real registers. */
export function companyName(rng: Random): string {
  const [form, cores] = rng.weighted(COMPANIES.map((c) => [c, c[1].length] as const));
  const core = rng.pick(cores);
  return form.endsWith('会社') && rng.chance(0.5) ? `${core}${form}` : `${form}${core}`;
}

/** A neighbourhood or civic group of one of the given towns or districts. */
export function communityGroupName(rng: Random, town: string, district: string): string {
  return rng.weighted([
    [`${town}自治会`, 4],
    [`${town}老人クラブ`, 2],
    [`${town}商店会`, 2],
    [`${district.replace(/地区$/, '')}PTA`, 1],
    [`${town}ボランティア連絡会`, 1],
    ['民生委員児童委員協議会', 1],
    [`${town}ふれあいのまちづくり住民懇談会`, 1],
  ]);
}
