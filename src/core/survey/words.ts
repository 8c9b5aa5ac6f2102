/**
 * Defines the words of アンケート定義 the survey builder reads beyond its sheet spec's lists: 種類 (a
 * question type in Tsunagu's, Google フォーム's or a survey's words, セクション or ページ, a form
 * setting) and 必須 (はい/○ as every yes/no column, ●, ■, 必須; 任意). 検証 draws on the same
 * functions (sheets/specs.ts), so it accepts exactly what the builder builds.
 */
import { SURVEY_SETTING_TYPES } from '../sheets/lists';
import { normalizeText } from '../text/normalize';
import { parseYesNo, type YesNo } from '../text/yesno';
import { QUESTION_KIND_OF, type QuestionKind } from './types';

/** A row that sets something for the whole form: its 設問 (and 設問[xx]) cells hold the text. */
export type SettingType = (typeof SURVEY_SETTING_TYPES)[number];

/** What a row of アンケート定義 is, by its 種類. */
export type SurveyRowType = QuestionKind | 'section' | SettingType;

/** 種類 that make a row a section (a page of the form). */
const SECTION_WORDS: ReadonlySet<string> = new Set(['セクション', 'ページ']);
const SETTING_WORDS: ReadonlySet<string> = new Set(SURVEY_SETTING_TYPES);

/** A 種類 as the builder compares it: normalised (NFKC: 全角 brackets become half-width), without spaces. */
export function typeKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

/** What a 種類 makes the row (「チェックボックス」 → multipleChoice, 「ページ」 → section); null when it is none. */
export function surveyRowTypeOf(text: string): SurveyRowType | null {
  const key = typeKey(text);
  if (key === '') return null;
  const kind = QUESTION_KIND_OF[key];
  if (kind !== undefined && Object.prototype.hasOwnProperty.call(QUESTION_KIND_OF, key)) return kind;
  if (SECTION_WORDS.has(key)) return 'section';
  if (SETTING_WORDS.has(key)) return key as SettingType;
  return null;
}

/** True when the builder reads the 種類 (for 検証: a word outside the drop-down's list that still builds). */
export function isSurveyRowType(text: string): boolean {
  return surveyRowTypeOf(text) !== null;
}

/** 必須 as staff mark it: はい/○ (as every yes/no column), ● or ■ or 必須 for yes; 任意 for no. */
export function parseRequired(cell: unknown): YesNo {
  const text = typeof cell === 'string' ? normalizeText(cell).replace(/\s+/g, '') : '';
  if (text === '●' || text === '■' || text === '必須') return { status: 'yes', value: true };
  if (text === '任意') return { status: 'no', value: false };
  return parseYesNo(typeof cell === 'string' || typeof cell === 'boolean' ? cell : '');
}
