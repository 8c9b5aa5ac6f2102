/**
 * Defines the やさしい日本語 check: suggestions for the [やさしい] columns, following the
 * 在留支援のためのやさしい日本語ガイドライン (出入国在留管理庁・文化庁, 2020): short sentences,
 * one idea per sentence, no double negatives, no honorifics, plain words, a reading for every kanji.
 * Suggestions only — they never block building a form.
 */
import { normalizeText } from '../text/normalize';
import type { IssueList, SurveyColumns } from './definition';
import { YASASHII } from './languages';

/** The guideline asks for short sentences; a sentence longer than this (readings and spaces not counted) is flagged. */
export const YASASHII_SENTENCE_CHARS = 30;

export interface YasashiiSuggestion {
  /** 'yasashii.longSentence', 'yasashii.manyIdeas', 'yasashii.doubleNegative', 'yasashii.honorific', 'yasashii.difficultWord', 'yasashii.noReading'. */
  readonly code: string;
  readonly message: { readonly ja: string; readonly en: string };
}

const KANJI_RUN = /[\p{Script=Han}々〆ヶ]+/gu;
const READING = /^[(（][\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+[)）]/u;
/** Readings in brackets and spaces (分かち書き) do not count toward a sentence's length. */
const NOT_COUNTED = /[(（][\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+[)）]|\s/gu;

const DOUBLE_NEGATIVES: readonly RegExp[] = [
  /ないわけでは(ない|ありません)/,
  /なくは(ない|ありません)/,
  /ないこと[はも](ない|ありません)/,
  /ないとは限(らない|りません)/,
  /ざるを得(ない|ません)/,
  /なければ(ならない|なりません|いけない|いけません)/,
  /なくては(ならない|なりません|いけない|いけません)/,
  /ないでは(いられない|いられません)/,
];

const HONORIFICS: readonly RegExp[] = [
  /いらっしゃ/,
  /おっしゃ/,
  /召し上が/,
  /申し上げ/,
  /申します/,
  /拝見|拝読|拝借/,
  /伺[いうっえお]/,
  /存じ/,
  /承[りっ]/,
  /参ります|参りま/,
  /(?<!て)いただ[きくけこ]|頂[きくけこ]/,
  /くださいませ/,
  // ありがとうございます is the plain way to thank in やさしい日本語 too.
  /(?<!ありがとう)ございま/,
  /賜/,
  /[ごお][\p{Script=Han}]{1,3}(?:ください|下さい|願います|願いします)/u,
  /お[\p{Script=Han}][\p{Script=Hiragana}]{0,2}(?:ください|下さい|になる|になります)/u,
  /皆様|各位/,
];

/** Words the guideline would say plainly: word → plain wording. */
const DIFFICULT_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['記入', '書く'],
  ['記載', '書く'],
  ['該当', 'あてはまる'],
  ['必須', 'かならず'],
  ['可能', 'できる'],
  ['不可', 'できない'],
  ['実施', 'する'],
  ['の際', 'とき'],
  ['及び', 'と'],
  ['並びに', 'と'],
  ['又は', 'か'],
  ['若しくは', 'か'],
  ['もしくは', 'か'],
  ['居住', '住む'],
  ['提出', '出す'],
  ['下記', '下'],
  ['上記', '上'],
  ['当該', 'この'],
  ['随時', 'いつでも'],
  ['至急', 'すぐに'],
  ['直ちに', 'すぐに'],
  ['速やかに', 'すぐに'],
  ['において', 'で'],
  ['に関して', 'について'],
  ['につき', 'なので'],
  ['所定', '決まった'],
  ['貴殿', 'あなた'],
  ['等', 'など'],
];

function sentences(text: string): string[] {
  return normalizeText(text)
    .split(/[。！？!?\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function countedLength(sentence: string): number {
  let n = 0;
  for (const _ of sentence.replace(NOT_COUNTED, '')) n++;
  return n;
}

/** Clause joints: a comma after a て-form, a reason, a contrast or a listing — each starts another idea. */
const CLAUSE_JOINTS = /(?:て|で|ので|から|が|けど|けれど|けれども|し|ため|たら|れば|と)[、,]/g;

/** The kanji words of a text that have no reading in brackets right after them ('住所' in '住所を書いて'). */
export function kanjiWithoutReading(text: string): string[] {
  const out: string[] = [];
  const t = normalizeText(text);
  KANJI_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KANJI_RUN.exec(t)) !== null) {
    const after = t.slice(m.index + m[0].length);
    if (!READING.test(after) && out.indexOf(m[0]) < 0) out.push(m[0]);
  }
  return out;
}

/** The suggestions for one text of the やさしい column, in a fixed order. */
export function yasashiiSuggestions(text: string): YasashiiSuggestion[] {
  const out: YasashiiSuggestion[] = [];
  if (text.trim() === '') return out;
  const all = sentences(text);
  const long = all.filter((s) => countedLength(s) > YASASHII_SENTENCE_CHARS);
  if (long.length > 0) {
    const s = long[0] as string;
    out.push({
      code: 'yasashii.longSentence',
      message: {
        ja: `文が長いです（${countedLength(s)}字）。${YASASHII_SENTENCE_CHARS}字くらいまでの短い文に分けてください:「${s.slice(0, 20)}…」`,
        en: `A sentence is long (${countedLength(s)} characters); split it into sentences of about ${YASASHII_SENTENCE_CHARS}`,
      },
    });
  }
  const busy = all.find((s) => (s.match(CLAUSE_JOINTS) ?? []).length >= 2);
  if (busy) {
    out.push({
      code: 'yasashii.manyIdeas',
      message: {
        ja: `1つの文に いくつものことが書いてあります。1つの文で1つのことを言うようにしてください:「${busy.slice(0, 20)}…」`,
        en: 'One sentence says several things; say one thing per sentence',
      },
    });
  }
  // 分かち書き puts spaces between words and readings follow kanji: patterns are matched without either.
  const t = normalizeText(text).replace(NOT_COUNTED, '');
  const negative = DOUBLE_NEGATIVES.map((re) => re.exec(t)).find((m) => m !== null);
  if (negative) {
    out.push({
      code: 'yasashii.doubleNegative',
      message: {
        ja: `二重否定「${negative[0]}」は分かりにくいです。「〜てください」「〜できます」のように言い切ってください`,
        en: `The double negative 「${negative[0]}」 is hard to follow; say it directly (〜てください, 〜できます)`,
      },
    });
  }
  const honorific = HONORIFICS.map((re) => re.exec(t)).find((m) => m !== null);
  if (honorific) {
    out.push({
      code: 'yasashii.honorific',
      message: {
        ja: `尊敬語・謙譲語「${honorific[0]}」は使わず、「です」「ます」「ください」で書いてください`,
        en: `Avoid the honorific 「${honorific[0]}」; use です, ます and ください`,
      },
    });
  }
  const hard = DIFFICULT_WORDS.filter(([word]) => t.indexOf(word) >= 0);
  if (hard.length > 0) {
    out.push({
      code: 'yasashii.difficultWord',
      message: {
        ja: `難しいことばがあります: ${hard.map(([w, plain]) => `「${w}」→「${plain}」`).join('、')}`,
        en: `Difficult words: ${hard.map(([w, plain]) => `${w} → ${plain}`).join(', ')}`,
      },
    });
  }
  const bare = kanjiWithoutReading(text);
  if (bare.length > 0) {
    const shown = bare
      .slice(0, 5)
      .map((w) => `「${w}」`)
      .join('');
    out.push({
      code: 'yasashii.noReading',
      message: {
        ja: `漢字に読み方がありません: ${shown}${bare.length > 5 ? ' など' : ''}。「住所（じゅうしょ）」のように、漢字のあとに かっこで読み方を書いてください`,
        en: `Kanji without a reading: ${bare.slice(0, 5).join(', ')}${bare.length > 5 ? ' …' : ''}; add the reading in brackets after the kanji, as in 住所（じゅうしょ）`,
      },
    });
  }
  return out;
}

/** The cells of アンケート定義 that hold やさしい日本語. */
const YASASHII_KEYS = ['question', 'description', 'options', 'formName', 'section'].map((k) => `${k}.${YASASHII}`);

const GRID_LABEL = /^\s*(?:行|列|rows?|columns?)\s*[:：]/gim;

/** Adds the suggestions for every やさしい cell of the sheet's rows (severity info: never blocking). */
export function checkYasashiiRows(
  rows: ReadonlyArray<{ readonly row: number; readonly form: string | null; readonly fields: Record<string, unknown> }>,
  columns: SurveyColumns,
  issues: IssueList,
): void {
  for (const r of rows) {
    for (const key of YASASHII_KEYS) {
      const cell = r.fields[key];
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      // A grid's 行: and 列: labels are syntax, not text respondents read.
      const text = key.startsWith('options.') ? cell.replace(GRID_LABEL, '') : cell;
      for (const s of yasashiiSuggestions(text)) {
        issues.add(s.code, 'info', r.row, columns.header(key), r.form, s.message.ja, s.message.en);
      }
    }
  }
}
