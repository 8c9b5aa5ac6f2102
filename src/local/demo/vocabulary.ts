/** The category words the demo's cells use (活動分野, 資格・特技, 対応言語, groups, facilities, staff), as a council's staff write them. */

/**
 * The 設定 lists the demo's values come from. They follow the default 設定 sheet that シート準備
 * writes (core/sheets/defaults.ts), so the demo's cells are valid against the dropdowns and lists
 * in the same workbook; several values contain ・, which DESIGN.md also lists as a separator,
 * so rows holding them never use ・ as their separator (see joinMulti).
 */
export const FIELDS = [
  '高齢者',
  '障害のある人',
  '子ども・子育て',
  '外国にルーツのある人',
  '地域の居場所',
  '災害支援',
  '環境・まちづくり',
  'その他',
] as const;

export const SKILLS = [
  '介護福祉士',
  '介護職員初任者研修',
  '看護師',
  '保育士',
  '手話',
  '点訳',
  '音訳',
  '要約筆記',
  '運転',
  '調理',
  '傾聴',
  'パソコン・スマホ',
  '外国語',
] as const;

/** 対応言語 besides 日本語; やさしい日本語 is the plain Japanese councils train volunteers to speak with newcomers. */
export const LANGUAGES = [
  'やさしい日本語',
  '英語',
  '中国語',
  '韓国語',
  'ベトナム語',
  'ネパール語',
  'タガログ語',
] as const;

/** 内容区分 of a 依頼. */
export const REQUEST_CATEGORIES = [
  '外出の付き添い',
  '話し相手',
  '家事の手伝い',
  '見守り',
  '子育て支援',
  '学習支援',
  '通訳・翻訳',
  '手続きの手伝い',
  'イベントの手伝い',
  'その他',
] as const;

// The generators' tables are typed with these, so a value outside the lists fails to compile.
export type Field = (typeof FIELDS)[number];
export type Skill = (typeof SKILLS)[number];
export type Language = (typeof LANGUAGES)[number];
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

/** 支部 of the 会費台帳: one per 圏域, named after it ('北東部' → '北東部支部'). */
export function branchOf(areaName: string): string {
  return `${areaName.replace(/圏域$/, '')}支部`;
}

/** Parts of volunteer-group names: a friendly word, what the group does, and what it calls itself. */
export const GROUP_PREFIXES: readonly (readonly [string, string])[] = [
  ['ひまわり', 'ヒマワリ'],
  ['さくら', 'サクラ'],
  ['けやき', 'ケヤキ'],
  ['たんぽぽ', 'タンポポ'],
  ['あおぞら', 'アオゾラ'],
  ['なかよし', 'ナカヨシ'],
  ['すずらん', 'スズラン'],
  ['こだま', 'コダマ'],
  ['ほほえみ', 'ホホエミ'],
  ['ぬくもり', 'ヌクモリ'],
  ['みどり', 'ミドリ'],
  ['はなみずき', 'ハナミズキ'],
  ['コスモス', 'コスモス'],
  ['つくし', 'ツクシ'],
  ['どんぐり', 'ドングリ'],
  ['ひだまり', 'ヒダマリ'],
  ['わかば', 'ワカバ'],
  ['きずな', 'キズナ'],
  ['ふれあい', 'フレアイ'],
  ['おひさま', 'オヒサマ'],
  ['やまびこ', 'ヤマビコ'],
  ['せせらぎ', 'セセラギ'],
  ['こもれび', 'コモレビ'],
  ['あじさい', 'アジサイ'],
  ['すみれ', 'スミレ'],
  ['もみじ', 'モミジ'],
  ['いちょう', 'イチョウ'],
  ['つばさ', 'ツバサ'],
  ['にじいろ', 'ニジイロ'],
  ['かがやき', 'カガヤキ'],
];

export interface GroupTheme {
  readonly word: string;
  readonly kana: string;
  readonly fields: readonly Field[];
  readonly skills: readonly Skill[];
}

export const GROUP_THEMES: readonly GroupTheme[] = [
  { word: '', kana: '', fields: [], skills: [] },
  { word: '手話', kana: 'シュワ', fields: ['障害のある人'], skills: ['手話'] },
  { word: '点訳', kana: 'テンヤク', fields: ['障害のある人'], skills: ['点訳'] },
  { word: '音訳', kana: 'オンヤク', fields: ['障害のある人'], skills: ['音訳'] },
  { word: '要約筆記', kana: 'ヨウヤクヒッキ', fields: ['障害のある人'], skills: ['要約筆記'] },
  { word: '傾聴', kana: 'ケイチョウ', fields: ['高齢者'], skills: ['傾聴'] },
  { word: '配食', kana: 'ハイショク', fields: ['高齢者'], skills: ['調理'] },
  { word: '子育て', kana: 'コソダテ', fields: ['子ども・子育て'], skills: [] },
  { word: '学習', kana: 'ガクシュウ', fields: ['子ども・子育て'], skills: [] },
  { word: '防災', kana: 'ボウサイ', fields: ['災害支援'], skills: [] },
  { word: '国際交流', kana: 'コクサイコウリュウ', fields: ['外国にルーツのある人'], skills: ['外国語'] },
  { word: '環境', kana: 'カンキョウ', fields: ['環境・まちづくり'], skills: [] },
  { word: '音楽', kana: 'オンガク', fields: ['地域の居場所'], skills: [] },
  { word: '園芸', kana: 'エンゲイ', fields: ['環境・まちづくり'], skills: [] },
];

export const GROUP_SUFFIXES: readonly (readonly [string, string])[] = [
  ['の会', 'ノカイ'],
  ['サークル', 'サークル'],
  ['クラブ', 'クラブ'],
  ['ボランティアグループ', 'ボランティアグループ'],
  ['グループ', 'グループ'],
  ['倶楽部', 'クラブ'],
  ['の集い', 'ノツドイ'],
  ['隊', 'タイ'],
];

/** Facilities that ask the volunteer centre for help. */
export const FACILITY_KINDS: readonly string[] = [
  '特別養護老人ホーム',
  '介護老人保健施設',
  'デイサービス',
  'グループホーム',
  '障害者支援施設',
  '就労継続支援B型事業所',
  '保育園',
  '学童クラブ',
  '地域包括支援センター',
];
export const FACILITY_NAMES: readonly string[] = [
  'けやきの郷',
  'ひばり苑',
  'ひだまり',
  'すずらん',
  'みどり園',
  'こもれび',
  'たんぽぽ',
  'あおぞら',
  'やすらぎの家',
  'さくら荘',
  'なごみ',
  '武蔵野の杜',
  'いずみ',
  'ふじの丘',
];

/** The council's own staff, who appear as 担当職員. */
export const STAFF: readonly string[] = [
  '山本 美穂',
  '中村 健太',
  '佐々木 由美',
  '小林 大輔',
  '松本 彩',
  '石川 誠',
  '大野 千尋',
];

export type MultiSeparator = '、' | '・' | '\n';

/** Staff mostly type 、 but some use ・ or Alt+Enter; ・ is avoided where a value itself contains ・. */
export function joinMulti(values: readonly string[], sep: MultiSeparator): string {
  const safe = sep === '・' && values.some((v) => v.includes('・')) ? '、' : sep;
  return values.join(safe);
}
