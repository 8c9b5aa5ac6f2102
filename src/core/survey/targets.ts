/** Defines 登録先: which column of ボランティア名簿, 活動記録 or アンケート回答 a question's answer fills, and which columns Tsunagu fills itself. */
import { SHEET_SPECS } from '../sheets/specs';
import type { ColumnSpec } from '../sheets/types';
import { normalizeHeader } from '../text/normalize';
import type { AnswerDestination, QuestionDef } from './types';

/** The sheet kind of a destination that is a staff sheet; アンケート回答 is Tsunagu's own output. */
export function destinationKind(destination: AnswerDestination): 'volunteers' | 'activities' | null {
  return destination === 'volunteers' ? 'volunteers' : destination === 'activities' ? 'activities' : null;
}

/** The canonical sheet name of a destination, for messages and フォーム一覧. */
export function destinationName(destination: AnswerDestination): string {
  return destination === 'volunteers'
    ? 'ボランティア名簿'
    : destination === 'activities'
      ? '活動記録'
      : 'アンケート回答';
}

/** Normalised header or alias → column, per destination sheet, built once. */
const headerIndex = new Map<'volunteers' | 'activities', Map<string, ColumnSpec>>();
/** 登録先 as written → its column (or null), per destination: answers are mapped thousands of times. */
const resolved = new Map<string, ColumnSpec | null>();

/** The column spec 登録先 names (canonical header or alias), or null when the sheet has no such column. */
export function targetColumn(destination: AnswerDestination, target: string): ColumnSpec | null {
  const kind = destinationKind(destination);
  if (!kind) return null;
  const memo = `${kind}\u0000${target}`;
  const known = resolved.get(memo);
  if (known !== undefined) return known;
  let index = headerIndex.get(kind);
  if (!index) {
    index = new Map();
    for (const c of SHEET_SPECS[kind].columns) {
      for (const h of [c.header, ...c.aliases]) if (!index.has(normalizeHeader(h))) index.set(normalizeHeader(h), c);
    }
    headerIndex.set(kind, index);
  }
  const column = index.get(normalizeHeader(target)) ?? null;
  resolved.set(memo, column);
  return column;
}

/** Roster columns an import fills itself: the id in the sheet's own format, 状態 from 設定, 登録日 = the answer's date. */
export const RESERVED_VOLUNTEER_KEYS: readonly string[] = ['volunteerId', 'status', 'registeredOn'];

/** The columns of アンケート回答 that are not questions. */
export const SURVEY_ANSWER_FIXED_COLUMNS = ['回答ID', '回答日時', 'フォーム名', '言語'] as const;

/** Headers of the roster's personal columns (氏名, 電話番号, 住所 …) and their aliases, normalised. */
const PERSONAL_HEADERS: ReadonlySet<string> = new Set(
  SHEET_SPECS.volunteers.columns
    .filter((c) => c.personal === true && c.key !== 'note' && c.key !== 'gender')
    .flatMap((c) => [c.header, ...c.aliases])
    .map(normalizeHeader),
);

/**
 * True when a question of an anonymous survey would collect personal data: its 設問ID or 登録先
 * names a personal roster column (氏名, 住所, 電話番号 …), or it checks for an e-mail address or
 * phone number. Such answers are never written to アンケート回答.
 */
export function isPersonalQuestion(q: QuestionDef): boolean {
  if (q.rule && (q.rule.rule === 'メール' || q.rule.rule === '電話' || q.rule.rule === '郵便番号')) return true;
  if (PERSONAL_HEADERS.has(normalizeHeader(q.id))) return true;
  return q.target !== null && PERSONAL_HEADERS.has(normalizeHeader(q.target));
}

/** The アンケート回答 column of a question: its 登録先, else its 設問ID. */
export function surveyAnswerColumn(q: QuestionDef): string {
  return q.target ?? q.id;
}
