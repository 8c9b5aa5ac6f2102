/** Defines the 相談記録 rule that this sheet holds no names: cells that look like a person's name are reported. (Categories are checked by the common list rule.) */
import { settingsList } from '../sheets/settings';
import { finding, type Finding } from './codes';
import type { RunContext } from './context';
import type { ValidationIssue } from './types';
import { splitMulti } from '../text/multi';
import { isBlankValue, listKey, type ListRule, type SheetView } from './view';

/** A name and the honorific after it: 山田さん, 佐藤様, 鈴木氏, タナカくん. Not 様子, 氏名 (a kanji follows). */
const HONORIFIC = /([\p{sc=Han}ァ-ヶー]{1,6})(さん|さま|様|氏|君|くん|ちゃん)(?!\p{sc=Han})/gu;
/** 山田 太郎: 2–4 kanji, a space, 1–3 kanji, standing alone or before a particle. */
const KANJI_FULL_NAME =
  /(?:^|[\s、,。・()（）「」『』:：/])(\p{sc=Han}{2,4})[ \u3000](\p{sc=Han}{1,3})(?=$|[\s、,。・()（）「」『』/]|[がはのにとをへもやで])/gu;
/** ヤマダ タロウ, マリア・サントス: two katakana words. */
const KATAKANA_FULL_NAME =
  /(?:^|[\s、,。()（）「」『』:：/])([ァ-ヶー]{2,})[ \u3000・=＝]([ァ-ヶー]{2,})(?=$|[\s、,。()（）「」『』/]|[がはのにとをへもやで])/gu;

/**
 * What comes before さん/様 without being a name: roles, relations, places, trades. Matched at
 * the end of the run before the honorific (民生委員さん, ご本人様, 地域包括の職員さん).
 */
const NOT_A_NAME_ENDINGS: readonly string[] = [
  '本人',
  '主人',
  '家族',
  '友人',
  '知人',
  '隣人',
  '住人',
  '夫婦',
  '両親',
  '親',
  '母',
  '父',
  '兄',
  '姉',
  '弟',
  '妹',
  '祖母',
  '祖父',
  '孫',
  '息子',
  '娘',
  '嫁',
  '婿',
  '奥',
  '皆',
  '客',
  '大家',
  '家主',
  '相手',
  '先方',
  '者',
  '員',
  '長',
  '師',
  '官',
  '医',
  '課',
  '係',
  '局',
  '協',
  '会',
  '園',
  '館',
  '店',
  '社',
  '先生',
  '学生',
  '小学生',
  '中学生',
  '高校生',
  '大学生',
  '福祉士',
  '保育士',
  '弁護士',
  '書士',
  '栄養士',
  '療法士',
  '心理士',
  '介護士',
  '税理士',
  '会計士',
  '事業所',
  '事務所',
  '保健所',
  '役所',
  '八百屋',
  '魚屋',
  '肉屋',
  '米屋',
  '本屋',
  '花屋',
  '薬屋',
  '酒屋',
  '床屋',
  'センター',
  'ヘルパー',
  'ケアマネ',
  'ケアマネジャー',
  'ボランティア',
  'スタッフ',
  'ママ',
  'パパ',
  'ナース',
  'ドクター',
  'リーダー',
  'メンバー',
  'ゲスト',
  'オーナー',
];
/** Single-character runs that are relations, not names: お子さん, 同氏, 両氏, 各位. */
const NOT_A_NAME_EXACT: ReadonlySet<string> = new Set(['子', '夫', '妻', '同', '両', '各']);
/** Katakana words of services and places that come in pairs (フード バンク), never names. */
const KATAKANA_SERVICE_WORDS: ReadonlySet<string> = new Set([
  'センター',
  'バンク',
  'フード',
  'サービス',
  'ステーション',
  'ネット',
  'ネットワーク',
  'ケア',
  'プラザ',
  'ハウス',
  'ホーム',
  'クラブ',
  'サロン',
  'カフェ',
  'ルーム',
  'スクール',
  'ソーシャル',
  'ワーカー',
  'サポート',
  'デイ',
  'ショート',
  'ステイ',
  'ヘルパー',
  'ケアマネ',
  'ケアマネジャー',
  'ボランティア',
  'スタッフ',
  'グループ',
  'ハローワーク',
  'フードバンク',
  'コミュニティ',
  'オンライン',
  'メール',
]);

function honorificIsName(run: string): boolean {
  if (NOT_A_NAME_EXACT.has(run)) return false;
  for (const end of NOT_A_NAME_ENDINGS) if (run.endsWith(end)) return false;
  return true;
}

/** Words of the sheet's own vocabulary (categories, areas, 設定 lists), which are never names. */
function knownWords(run: RunContext): Set<string> {
  const words = new Set<string>([
    '生活困窮',
    '8050',
    'ひきこもり',
    'ヤングケアラー',
    '外国にルーツ',
    '介護',
    '障害',
    '子育て',
    'その他',
    '継続',
    '解決',
    'つなぎ',
  ]);
  for (const a of run.settings.areas ?? []) {
    words.add(a.name);
    for (const d of a.districts) words.add(d);
    for (const t of a.towns) words.add(t);
  }
  for (const name of Object.keys(run.settings.lists ?? {}))
    for (const v of settingsList(run.settings, name) ?? []) words.add(v);
  return words;
}

/** What in a cell looks like a name, or null. */
export function personalNameIn(text: string, known: ReadonlySet<string>): string | null {
  HONORIFIC.lastIndex = 0;
  for (let m = HONORIFIC.exec(text); m !== null; m = HONORIFIC.exec(text)) {
    if (honorificIsName(m[1] as string)) return m[0];
  }
  KANJI_FULL_NAME.lastIndex = 0;
  for (let m = KANJI_FULL_NAME.exec(text); m !== null; m = KANJI_FULL_NAME.exec(text)) {
    const family = m[1] as string;
    const given = m[2] as string;
    // '生活 困窮' is a category typed with a space, not 生活 (family) 困窮 (given).
    if (!known.has(family) && !known.has(given) && !known.has(family + given) && honorificIsName(given))
      return `${family} ${given}`;
  }
  KATAKANA_FULL_NAME.lastIndex = 0;
  for (let m = KATAKANA_FULL_NAME.exec(text); m !== null; m = KATAKANA_FULL_NAME.exec(text)) {
    const a = m[1] as string;
    const b = m[2] as string;
    if (
      !known.has(a) &&
      !known.has(b) &&
      !known.has(a + b) &&
      !KATAKANA_SERVICE_WORDS.has(a) &&
      !KATAKANA_SERVICE_WORDS.has(b)
    )
      return `${a} ${b}`;
  }
  return null;
}

function personalNameFinding(): Finding {
  return finding(
    'consultations.personalName',
    '人名のような記載があります（〜さん・〜様・氏名など）。相談記録には個人が分かる名前を書かず、「Aさん」「相談者」のように記録してください',
    "This looks like a person's name (…さん, …様, a full name). The consultation log must hold no names; write 「Aさん」 or 「相談者」 instead",
  );
}

/** A cell of a list column whose every piece is a list value, as written or but for width and spaces. */
function isListValue(v: string, list: ListRule): boolean {
  if (list.set.has(v)) return true;
  for (const piece of splitMulti(v, { known: list.set }))
    if (!list.set.has(piece) && !list.byKey.get(listKey(piece))) return false;
  return true;
}

export function checkConsultations(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  const known = knownWords(run);
  const listColumns = new Map(
    view.columns.filter((c) => c.list !== null).map((c) => [c.index, c.list as ListRule] as const),
  );
  for (const r of view.rows) {
    const row = view.values[r] as readonly unknown[];
    // Every text cell, mapped or not: an extra 備考 column is where names creep in.
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || isBlankValue(v)) continue;
      const list = listColumns.get(c);
      if (list && isListValue(v, list)) continue;
      if (personalNameIn(v, known) === null) continue;
      out.push(view.issue(r, c, personalNameFinding()));
    }
  }
}
