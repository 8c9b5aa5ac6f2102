/** Japanese personal names with their katakana readings (by gender and birth cohort), 異体字 surnames, residents with foreign roots, and romaji for e-mail addresses. */
import type { Random, Weighted } from './random';
import type { Language } from './vocabulary';

export type Gender = '女性' | '男性';

export interface PersonName {
  family: string;
  given: string;
  familyKana: string;
  givenKana: string;
}

/** Common surnames, most frequent first (their order sets the weights), with the usual reading. */
const SURNAMES: readonly (readonly [string, string])[] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['山下', 'ヤマシタ'],
  ['中島', 'ナカジマ'],
  ['石井', 'イシイ'],
  ['小川', 'オガワ'],
  ['前田', 'マエダ'],
  ['岡田', 'オカダ'],
  ['長谷川', 'ハセガワ'],
  ['藤田', 'フジタ'],
  ['後藤', 'ゴトウ'],
  ['近藤', 'コンドウ'],
  ['村上', 'ムラカミ'],
  ['遠藤', 'エンドウ'],
  ['青木', 'アオキ'],
  ['坂本', 'サカモト'],
  ['斉藤', 'サイトウ'],
  ['福田', 'フクダ'],
  ['太田', 'オオタ'],
  ['西村', 'ニシムラ'],
  ['藤井', 'フジイ'],
  ['金子', 'カネコ'],
  ['岡本', 'オカモト'],
  ['藤原', 'フジワラ'],
  ['中野', 'ナカノ'],
  ['三浦', 'ミウラ'],
  ['原田', 'ハラダ'],
  ['中川', 'ナカガワ'],
  ['松田', 'マツダ'],
  ['竹内', 'タケウチ'],
  ['小野', 'オノ'],
  ['田村', 'タムラ'],
  ['中山', 'ナカヤマ'],
  ['和田', 'ワダ'],
  ['石田', 'イシダ'],
  ['森田', 'モリタ'],
  ['上田', 'ウエダ'],
  ['原', 'ハラ'],
  ['内田', 'ウチダ'],
  ['柴田', 'シバタ'],
  ['酒井', 'サカイ'],
  ['宮崎', 'ミヤザキ'],
  ['横山', 'ヨコヤマ'],
  ['高木', 'タカギ'],
  ['安藤', 'アンドウ'],
  ['宮本', 'ミヤモト'],
  ['大野', 'オオノ'],
  ['小島', 'コジマ'],
  ['工藤', 'クドウ'],
  ['谷口', 'タニグチ'],
  ['今井', 'イマイ'],
  ['高田', 'タカダ'],
  ['増田', 'マスダ'],
  ['丸山', 'マルヤマ'],
  ['杉山', 'スギヤマ'],
  ['村田', 'ムラタ'],
  ['大塚', 'オオツカ'],
  ['新井', 'アライ'],
  ['小山', 'コヤマ'],
  ['平野', 'ヒラノ'],
  ['藤本', 'フジモト'],
  ['河野', 'コウノ'],
  ['上野', 'ウエノ'],
  ['野口', 'ノグチ'],
  ['武田', 'タケダ'],
  ['松井', 'マツイ'],
  ['千葉', 'チバ'],
  ['岩崎', 'イワサキ'],
  ['菅原', 'スガワラ'],
  ['木下', 'キノシタ'],
  ['久保', 'クボ'],
  ['佐野', 'サノ'],
  ['野村', 'ノムラ'],
  ['松尾', 'マツオ'],
  ['菊地', 'キクチ'],
  ['杉本', 'スギモト'],
  ['市川', 'イチカワ'],
  ['古川', 'フルカワ'],
  ['大西', 'オオニシ'],
  ['島田', 'シマダ'],
  ['水野', 'ミズノ'],
  ['桜井', 'サクライ'],
  ['高野', 'タカノ'],
  ['渡部', 'ワタナベ'],
  ['吉川', 'ヨシカワ'],
  ['山内', 'ヤマウチ'],
  ['西田', 'ニシダ'],
  ['飯田', 'イイダ'],
  ['菊池', 'キクチ'],
  ['西川', 'ニシカワ'],
  ['小松', 'コマツ'],
  ['北村', 'キタムラ'],
  ['安田', 'ヤスダ'],
  ['五十嵐', 'イガラシ'],
  ['川口', 'カワグチ'],
  ['平田', 'ヒラタ'],
  ['関', 'セキ'],
  ['中田', 'ナカタ'],
  ['久保田', 'クボタ'],
  ['服部', 'ハットリ'],
  ['岩田', 'イワタ'],
  ['土屋', 'ツチヤ'],
  ['川崎', 'カワサキ'],
  ['福島', 'フクシマ'],
  ['本田', 'ホンダ'],
  ['樋口', 'ヒグチ'],
  ['秋山', 'アキヤマ'],
  ['田口', 'タグチ'],
  ['永井', 'ナガイ'],
  ['山中', 'ヤマナカ'],
  ['中西', 'ナカニシ'],
  ['吉村', 'ヨシムラ'],
  ['川上', 'カワカミ'],
  ['石原', 'イシハラ'],
  ['大橋', 'オオハシ'],
  ['松岡', 'マツオカ'],
  ['馬場', 'ババ'],
  ['浜田', 'ハマダ'],
  ['森本', 'モリモト'],
  ['星野', 'ホシノ'],
  ['矢野', 'ヤノ'],
  ['浅野', 'アサノ'],
  ['大久保', 'オオクボ'],
  ['松下', 'マツシタ'],
  ['荒井', 'アライ'],
  ['荒木', 'アラキ'],
];

const SURNAME_WEIGHTS: Weighted<readonly [string, string]> = SURNAMES.map((s, i) => [s, 1 / (i + 8)] as const);

/**
 * 異体字 people write their own surname with. The reading is the same, so the same person typed
 * once as 山崎 and once as 山﨑 is a classic probable duplicate. 﨑 and 髙 survive NFKC; 𠮷 is
 * outside the BMP (a surrogate pair), which catches code that counts UTF-16 units as characters.
 */
export const SURNAME_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  高橋: ['髙橋'],
  山崎: ['山﨑'],
  斎藤: ['齋藤', '齊藤'],
  渡辺: ['渡邉', '渡邊'],
  吉田: ['𠮷田'],
  浜田: ['濵田', '濱田'],
  宮崎: ['宮﨑'],
  高木: ['髙木'],
};

type NameList = readonly (readonly [string, string])[];

/** Given names by birth cohort: names follow fashions, so a 1940s 和子 and a 2000s 陽菜 read as real. */
const GIVEN_NAMES: Record<Gender, readonly (readonly [number, NameList])[]> = {
  女性: [
    [
      1945,
      [
        ['和子', 'カズコ'],
        ['幸子', 'サチコ'],
        ['節子', 'セツコ'],
        ['文子', 'フミコ'],
        ['静子', 'シズコ'],
        ['久子', 'ヒサコ'],
        ['美代子', 'ミヨコ'],
        ['照子', 'テルコ'],
        ['千代子', 'チヨコ'],
        ['君子', 'キミコ'],
        ['光子', 'ミツコ'],
        ['清子', 'キヨコ'],
        ['敏子', 'トシコ'],
        ['正子', 'マサコ'],
        ['春子', 'ハルコ'],
        ['ハル', 'ハル'],
        ['トメ', 'トメ'],
        ['貞子', 'サダコ'],
      ],
    ],
    [
      1965,
      [
        ['洋子', 'ヨウコ'],
        ['恵子', 'ケイコ'],
        ['京子', 'キョウコ'],
        ['美智子', 'ミチコ'],
        ['順子', 'ジュンコ'],
        ['悦子', 'エツコ'],
        ['久美子', 'クミコ'],
        ['由美子', 'ユミコ'],
        ['裕子', 'ユウコ'],
        ['明美', 'アケミ'],
        ['真理子', 'マリコ'],
        ['陽子', 'ヨウコ'],
        ['弘子', 'ヒロコ'],
        ['典子', 'ノリコ'],
        ['直子', 'ナオコ'],
        ['和代', 'カズヨ'],
        ['智子', 'トモコ'],
        ['良子', 'ヨシコ'],
        ['孝子', 'タカコ'],
        ['啓子', 'ケイコ'],
        ['惠子', 'ケイコ'],
      ],
    ],
    [
      1985,
      [
        ['恵美', 'エミ'],
        ['由美', 'ユミ'],
        ['真由美', 'マユミ'],
        ['香織', 'カオリ'],
        ['美穂', 'ミホ'],
        ['智美', 'トモミ'],
        ['直美', 'ナオミ'],
        ['恵', 'メグミ'],
        ['麻衣', 'マイ'],
        ['愛', 'アイ'],
        ['綾', 'アヤ'],
        ['裕美', 'ヒロミ'],
        ['千尋', 'チヒロ'],
        ['幸恵', 'ユキエ'],
        ['理恵', 'リエ'],
        ['亜希子', 'アキコ'],
        ['純子', 'ジュンコ'],
        ['友美', 'トモミ'],
      ],
    ],
    [
      2000,
      [
        ['彩', 'アヤ'],
        ['美咲', 'ミサキ'],
        ['沙織', 'サオリ'],
        ['舞', 'マイ'],
        ['瞳', 'ヒトミ'],
        ['愛美', 'マナミ'],
        ['遥', 'ハルカ'],
        ['葵', 'アオイ'],
        ['莉子', 'リコ'],
        ['菜々子', 'ナナコ'],
        ['千夏', 'チナツ'],
        ['萌', 'モエ'],
        ['彩花', 'アヤカ'],
        ['七海', 'ナナミ'],
      ],
    ],
    [
      9999,
      [
        ['陽菜', 'ヒナ'],
        ['結衣', 'ユイ'],
        ['美羽', 'ミウ'],
        ['さくら', 'サクラ'],
        ['芽依', 'メイ'],
        ['心春', 'コハル'],
        ['結愛', 'ユア'],
        ['凛', 'リン'],
        ['紗希', 'サキ'],
        ['美月', 'ミツキ'],
        ['柚希', 'ユズキ'],
        ['ひなた', 'ヒナタ'],
        ['杏', 'アン'],
      ],
    ],
  ],
  男性: [
    [
      1945,
      [
        ['博', 'ヒロシ'],
        ['茂', 'シゲル'],
        ['清', 'キヨシ'],
        ['実', 'ミノル'],
        ['勇', 'イサム'],
        ['進', 'ススム'],
        ['正', 'タダシ'],
        ['勝', 'マサル'],
        ['武', 'タケシ'],
        ['三郎', 'サブロウ'],
        ['正雄', 'マサオ'],
        ['一郎', 'イチロウ'],
        ['義雄', 'ヨシオ'],
        ['昭', 'アキラ'],
        ['稔', 'ミノル'],
        ['冨士夫', 'フジオ'],
      ],
    ],
    [
      1965,
      [
        ['隆', 'タカシ'],
        ['修', 'オサム'],
        ['誠', 'マコト'],
        ['浩', 'ヒロシ'],
        ['弘', 'ヒロシ'],
        ['明', 'アキラ'],
        ['和夫', 'カズオ'],
        ['幸一', 'コウイチ'],
        ['正人', 'マサト'],
        ['健二', 'ケンジ'],
        ['俊夫', 'トシオ'],
        ['秀樹', 'ヒデキ'],
        ['哲也', 'テツヤ'],
        ['豊', 'ユタカ'],
        ['信夫', 'ノブオ'],
        ['康夫', 'ヤスオ'],
        ['敏夫', 'トシオ'],
        ['清志', 'キヨシ'],
      ],
    ],
    [
      1985,
      [
        ['健一', 'ケンイチ'],
        ['浩二', 'コウジ'],
        ['直樹', 'ナオキ'],
        ['剛', 'ツヨシ'],
        ['大輔', 'ダイスケ'],
        ['拓也', 'タクヤ'],
        ['和也', 'カズヤ'],
        ['健太', 'ケンタ'],
        ['学', 'マナブ'],
        ['聡', 'サトシ'],
        ['淳', 'ジュン'],
        ['智之', 'トモユキ'],
        ['達也', 'タツヤ'],
        ['雄一', 'ユウイチ'],
        ['誠', 'マコト'],
      ],
    ],
    [
      2000,
      [
        ['翔太', 'ショウタ'],
        ['大樹', 'ダイキ'],
        ['拓海', 'タクミ'],
        ['翔', 'ショウ'],
        ['大輝', 'ダイキ'],
        ['亮', 'リョウ'],
        ['雄太', 'ユウタ'],
        ['直人', 'ナオト'],
        ['駿', 'シュン'],
        ['隼人', 'ハヤト'],
        ['健太', 'ケンタ'],
        ['涼', 'リョウ'],
      ],
    ],
    [
      9999,
      [
        ['蓮', 'レン'],
        ['悠真', 'ユウマ'],
        ['陽翔', 'ハルト'],
        ['湊', 'ミナト'],
        ['大和', 'ヤマト'],
        ['颯太', 'ソウタ'],
        ['悠人', 'ユウト'],
        ['樹', 'イツキ'],
        ['陸', 'リク'],
        ['結翔', 'ユイト'],
        ['奏太', 'カナタ'],
        ['蒼', 'アオイ'],
      ],
    ],
  ],
};

/** Residents with foreign roots write their name in katakana (or kanji) and read it as at home. */
export interface ForeignRootedName extends PersonName {
  gender: Gender;
  language: Language;
}

export const FOREIGN_ROOTED_NAMES: readonly ForeignRootedName[] = [
  { family: '王', given: '麗華', familyKana: 'オウ', givenKana: 'レイカ', gender: '女性', language: '中国語' },
  { family: '李', given: '偉', familyKana: 'リ', givenKana: 'ウェイ', gender: '男性', language: '中国語' },
  { family: '張', given: '静', familyKana: 'チョウ', givenKana: 'セイ', gender: '女性', language: '中国語' },
  { family: '陳', given: '美玲', familyKana: 'チン', givenKana: 'メイリン', gender: '女性', language: '中国語' },
  { family: '劉', given: '洋', familyKana: 'リュウ', givenKana: 'ヨウ', gender: '男性', language: '中国語' },
  { family: '金', given: '志恩', familyKana: 'キム', givenKana: 'ジウン', gender: '女性', language: '韓国語' },
  { family: '朴', given: '成民', familyKana: 'パク', givenKana: 'ソンミン', gender: '男性', language: '韓国語' },
  { family: '崔', given: '秀賢', familyKana: 'チェ', givenKana: 'スヒョン', gender: '女性', language: '韓国語' },
  {
    family: 'グエン',
    given: 'ティ ラン',
    familyKana: 'グエン',
    givenKana: 'ティ ラン',
    gender: '女性',
    language: 'ベトナム語',
  },
  {
    family: 'グエン',
    given: 'ヴァン ミン',
    familyKana: 'グエン',
    givenKana: 'ヴァン ミン',
    gender: '男性',
    language: 'ベトナム語',
  },
  {
    family: 'チャン',
    given: 'ティ フォン',
    familyKana: 'チャン',
    givenKana: 'ティ フォン',
    gender: '女性',
    language: 'ベトナム語',
  },
  {
    family: 'スミス',
    given: 'エミリー',
    familyKana: 'スミス',
    givenKana: 'エミリー',
    gender: '女性',
    language: '英語',
  },
  {
    family: 'ブラウン',
    given: 'ジェームズ',
    familyKana: 'ブラウン',
    givenKana: 'ジェームズ',
    gender: '男性',
    language: '英語',
  },
  {
    family: 'サントス',
    given: 'マリア',
    familyKana: 'サントス',
    givenKana: 'マリア',
    gender: '女性',
    language: 'タガログ語',
  },
  {
    family: 'レイエス',
    given: 'アンナ',
    familyKana: 'レイエス',
    givenKana: 'アンナ',
    gender: '女性',
    language: 'タガログ語',
  },
  {
    family: 'グルン',
    given: 'ビシュヌ',
    familyKana: 'グルン',
    givenKana: 'ビシュヌ',
    gender: '男性',
    language: 'ネパール語',
  },
  { family: 'タパ', given: 'スニタ', familyKana: 'タパ', givenKana: 'スニタ', gender: '女性', language: 'ネパール語' },
];

/** A Japanese name typical of someone of this gender born in this year. */
export function japaneseName(rng: Random, gender: Gender, birthYear: number): PersonName {
  const [family, familyKana] = rng.weighted(SURNAME_WEIGHTS);
  const cohorts = GIVEN_NAMES[gender];
  // Half the time borrow from the neighbouring cohort: fashions change gradually.
  let index = cohorts.findIndex(([upTo]) => birthYear <= upTo);
  if (index < 0) index = cohorts.length - 1;
  if (rng.chance(0.25)) index = Math.max(0, Math.min(cohorts.length - 1, index + (rng.chance(0.5) ? 1 : -1)));
  const cohort = cohorts[index];
  if (!cohort) throw new RangeError('no given-name cohort');
  const [given, givenKana] = rng.pick(cohort[1]);
  return { family, given, familyKana, givenKana };
}

/** The 異体字 of a surname, if it has one; used for a few people and for re-registrations. */
export function surnameVariant(rng: Random, family: string): string | undefined {
  const variants = SURNAME_VARIANTS[family];
  if (variants) return rng.pick(variants);
  const base = Object.keys(SURNAME_VARIANTS).find((k) => SURNAME_VARIANTS[k]?.includes(family));
  return base;
}

export function fullName(n: PersonName): string {
  return `${n.family} ${n.given}`;
}

export function fullKana(n: PersonName): string {
  return `${n.familyKana} ${n.givenKana}`;
}

const ROMAJI: Readonly<Record<string, string>> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヲ: 'o',
  ン: 'n',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  ヴ: 'vu',
};
const SMALL_Y: Readonly<Record<string, string>> = { ャ: 'a', ュ: 'u', ョ: 'o' };
const SMALL_VOWEL: Readonly<Record<string, string>> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };

/** Hepburn-ish romaji of a katakana reading, as people spell their name in an e-mail address. */
export function toRomaji(kana: string): string {
  let out = '';
  let previous = '';
  let doubleNext = false;
  for (const ch of kana) {
    if (ch === 'ッ') {
      doubleNext = true;
      continue;
    }
    if (ch === 'ー' || ch === ' ') continue;
    const y = SMALL_Y[ch];
    const v = SMALL_VOWEL[ch];
    if (y) {
      // キャ → kya, but シャ → sha, チャ → cha, ジャ → ja.
      out = /(sh|ch|j)i$/.test(out) ? out.slice(0, -1) + y : out.replace(/i$/, '') + 'y' + y;
    } else if (v) {
      // ウェ → we, ファ → fa, ツァ → tsa, シェ → she, ジェ → je, ティ → ti.
      if (previous === 'ウ') out = out.slice(0, -1) + 'w' + v;
      else if (/(sh|ch|j)i$/.test(out) || /(f|v|ts)u$/.test(out)) out = out.slice(0, -1) + v;
      else out = out.replace(/[aiueo]$/, '') + v;
    } else {
      let syllable = ROMAJI[ch] ?? '';
      if (doubleNext && syllable) syllable = (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable;
      doubleNext = false;
      out += syllable;
    }
    previous = ch;
  }
  return out;
}
