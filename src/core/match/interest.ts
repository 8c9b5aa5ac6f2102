/** Defines which 活動分野 (a volunteer's fields of interest) relate to which 内容区分 (what a request asks for). */
import type { Settings } from '../sheets/settings';
import { normalizeText } from '../text/normalize';

/**
 * The default vocabularies of 設定 (core/sheets/defaults.ts): for each 内容区分, the 活動分野 of
 * the people it usually helps. その他 relates to nothing. A 設定 list named '関連分野:内容区分'
 * (e.g. 項目 '関連分野:見守り', 値 '高齢者、地域の居場所') replaces the row for that 内容区分.
 */
export const RELATED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  外出の付き添い: ['高齢者', '障害のある人'],
  話し相手: ['高齢者', '地域の居場所'],
  家事の手伝い: ['高齢者', '障害のある人'],
  見守り: ['高齢者'],
  子育て支援: ['子ども・子育て'],
  学習支援: ['子ども・子育て', '外国にルーツのある人'],
  '通訳・翻訳': ['外国にルーツのある人'],
  手続きの手伝い: ['高齢者', '外国にルーツのある人'],
  イベントの手伝い: ['地域の居場所', '子ども・子育て', '環境・まちづくり'],
  その他: [],
};

/** Points for the interest part: the 活動分野 is the 内容区分 word itself, or a field related to it. */
export const INTEREST_EXACT = 1;
export const INTEREST_RELATED = 0.75;

/** Catch-all words: 活動分野 'その他' and 内容区分 'その他' say nothing about each other. */
export const CATCH_ALL = 'その他';

const RELATED_PREFIX = /^関連分野\s*[:：]\s*(.+)$/;

/** The related-fields table in force: the defaults, with the 設定 '関連分野:…' lists over them. */
export function relatedFieldsOf(settings: Settings): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, readonly string[]>();
  for (const category of Object.keys(RELATED_FIELDS))
    table.set(category, RELATED_FIELDS[category] as readonly string[]);
  for (const name of Object.keys(settings.lists)) {
    const m = RELATED_PREFIX.exec(normalizeText(name));
    if (m) table.set(normalizeText(m[1] as string), (settings.lists[name] as string[]).map(normalizeText));
  }
  return table;
}

/** interestOf's points without the list of fields: no allocation, for scoring every possible pair. */
export function interestPoints(
  fields: readonly string[],
  category: string | null,
  related: ReadonlyMap<string, readonly string[]>,
): number {
  if (category === null || fields.length === 0) return 0;
  let points = 0;
  const rel = related.get(category);
  for (const f of fields) {
    if (f === category && category !== CATCH_ALL) return INTEREST_EXACT;
    if (rel !== undefined && rel.indexOf(f) >= 0) points = INTEREST_RELATED;
  }
  return points;
}

export interface InterestMatch {
  /** INTEREST_EXACT, INTEREST_RELATED or 0. */
  readonly points: number;
  /** The volunteer's 活動分野 that matched, in their order; [] for none. */
  readonly fields: readonly string[];
}

const NONE: InterestMatch = { points: 0, fields: [] };

/**
 * How a volunteer's 活動分野 meet a request's 内容区分: a field equal to the 内容区分 (exact word
 * overlap: 活動分野 '見守り' for 内容区分 '見守り') scores INTEREST_EXACT; otherwise fields
 * related to it by the table score INTEREST_RELATED. The catch-all その他 is no word overlap:
 * 活動分野 その他 does not match 内容区分 その他 (only a 設定 関連分野:その他 row can relate fields to it).
 */
export function interestOf(
  fields: readonly string[],
  category: string | null,
  related: ReadonlyMap<string, readonly string[]>,
): InterestMatch {
  if (category === null || fields.length === 0) return NONE;
  const exact = category === CATCH_ALL ? [] : fields.filter((f) => f === category);
  if (exact.length > 0) return { points: INTEREST_EXACT, fields: exact };
  const rel = related.get(category);
  if (!rel || rel.length === 0) return NONE;
  const hit = fields.filter((f) => rel.indexOf(f) >= 0);
  return hit.length > 0 ? { points: INTEREST_RELATED, fields: hit } : NONE;
}
