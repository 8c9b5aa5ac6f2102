/** The category words the demo's cells use (活動分野, 資格・特技, 対応言語, groups, facilities, staff), as a council's staff write them. */

/**
 * 活動分野. '居場所・サロン' and '庭木・草取り' contain ・, which DESIGN.md also lists as a
 * multi-value separator; rows holding them never use ・ as their separator (see joinMulti), but a
 * parser that splits on ・ before matching known categories will still cut them in two.
 */
export const FIELDS = [
  '高齢者支援', '子育て支援', '障害者支援', '居場所・サロン', '見守り', '災害支援', '国際交流', '環境美化', '学習支援',
  '庭木・草取り', '買い物支援', '話し相手', '外出支援', '家事援助', 'イベント運営',
] as const;

export const SKILLS = [
  '介護職員初任者研修', '介護福祉士', '看護師', '保育士', '教員免許', '普通自動車免許', '手話', '点訳', '朗読', '調理',
  '大工仕事', '剪定', 'パソコン', '英語', '中国語', '韓国語', '傾聴', '楽器演奏', '書道', '防災士',
] as const;

/** 対応言語 besides 日本語; やさしい日本語 is a skill of speaking plainly to newcomers, listed as a language by councils. */
export const LANGUAGES = ['英語', '中国語', '韓国語', 'ベトナム語', 'やさしい日本語'] as const;

/** Parts of volunteer-group names: a friendly word, what the group does, and what it calls itself. */
export const GROUP_PREFIXES: readonly (readonly [string, string])[] = [
  ['ひまわり', 'ヒマワリ'], ['さくら', 'サクラ'], ['けやき', 'ケヤキ'], ['たんぽぽ', 'タンポポ'], ['あおぞら', 'アオゾラ'],
  ['なかよし', 'ナカヨシ'], ['すずらん', 'スズラン'], ['こだま', 'コダマ'], ['ほほえみ', 'ホホエミ'], ['ぬくもり', 'ヌクモリ'],
  ['みどり', 'ミドリ'], ['はなみずき', 'ハナミズキ'], ['コスモス', 'コスモス'], ['つくし', 'ツクシ'], ['どんぐり', 'ドングリ'],
  ['ひだまり', 'ヒダマリ'], ['わかば', 'ワカバ'], ['きずな', 'キズナ'], ['ふれあい', 'フレアイ'], ['おひさま', 'オヒサマ'],
  ['やまびこ', 'ヤマビコ'], ['せせらぎ', 'セセラギ'], ['こもれび', 'コモレビ'], ['あじさい', 'アジサイ'], ['すみれ', 'スミレ'],
  ['もみじ', 'モミジ'], ['いちょう', 'イチョウ'], ['つばさ', 'ツバサ'], ['にじいろ', 'ニジイロ'], ['かがやき', 'カガヤキ'],
];

export interface GroupTheme {
  readonly word: string;
  readonly kana: string;
  readonly fields: readonly string[];
  readonly skills: readonly string[];
}

export const GROUP_THEMES: readonly GroupTheme[] = [
  { word: '', kana: '', fields: [], skills: [] },
  { word: '手話', kana: 'シュワ', fields: ['障害者支援'], skills: ['手話'] },
  { word: '点訳', kana: 'テンヤク', fields: ['障害者支援'], skills: ['点訳'] },
  { word: '朗読', kana: 'ロウドク', fields: ['障害者支援'], skills: ['朗読'] },
  { word: '傾聴', kana: 'ケイチョウ', fields: ['話し相手', '高齢者支援'], skills: ['傾聴'] },
  { word: '配食', kana: 'ハイショク', fields: ['高齢者支援', '見守り'], skills: ['調理'] },
  { word: '子育て', kana: 'コソダテ', fields: ['子育て支援'], skills: [] },
  { word: '学習', kana: 'ガクシュウ', fields: ['学習支援'], skills: [] },
  { word: '防災', kana: 'ボウサイ', fields: ['災害支援'], skills: ['防災士'] },
  { word: '国際交流', kana: 'コクサイコウリュウ', fields: ['国際交流'], skills: ['英語'] },
  { word: '環境', kana: 'カンキョウ', fields: ['環境美化'], skills: [] },
  { word: '音楽', kana: 'オンガク', fields: ['居場所・サロン'], skills: ['楽器演奏'] },
  { word: '園芸', kana: 'エンゲイ', fields: ['環境美化', '庭木・草取り'], skills: ['剪定'] },
];

export const GROUP_SUFFIXES: readonly (readonly [string, string])[] = [
  ['の会', 'ノカイ'], ['サークル', 'サークル'], ['クラブ', 'クラブ'], ['ボランティアグループ', 'ボランティアグループ'],
  ['グループ', 'グループ'], ['倶楽部', 'クラブ'], ['の集い', 'ノツドイ'], ['隊', 'タイ'],
];

/** Facilities that ask the volunteer centre for help. */
export const FACILITY_KINDS: readonly string[] = [
  '特別養護老人ホーム', '介護老人保健施設', 'デイサービス', 'グループホーム', '障害者支援施設', '就労継続支援B型事業所',
  '保育園', '学童クラブ', '地域包括支援センター',
];
export const FACILITY_NAMES: readonly string[] = [
  'けやきの郷', 'ひばり苑', 'ひだまり', 'すずらん', 'みどり園', 'こもれび', 'たんぽぽ', 'あおぞら', 'やすらぎの家',
  'さくら荘', 'なごみ', '武蔵野の杜', 'いずみ', 'ふじの丘',
];

/** The council's own staff, who appear as 担当職員. */
export const STAFF: readonly string[] = ['山本 美穂', '中村 健太', '佐々木 由美', '小林 大輔', '松本 彩', '石川 誠', '大野 千尋'];

export type MultiSeparator = '、' | '・' | '\n';

/** Staff mostly type 、 but some use ・ or Alt+Enter; ・ is avoided where a value itself contains ・. */
export function joinMulti(values: readonly string[], sep: MultiSeparator): string {
  const safe = sep === '・' && values.some((v) => v.includes('・')) ? '、' : sep;
  return values.join(safe);
}
