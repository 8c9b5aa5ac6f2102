/**
 * Defines canonicalAnswer: an answer given in any language read back to the question's Japanese
 * choices. What is not one of the choices (a choice renamed since, text typed in) is kept exactly
 * as typed and listed as unmatched — never dropped, never "corrected".
 */
import { cellText } from '../text/cell';
import { isDateObject, parseDate } from '../text/date';
import { normalizeText } from '../text/normalize';
import { JAPANESE } from './languages';
import type { AnswerCell, RawAnswer } from './responses';
import { CHOICE_KINDS, type QuestionDef, type TextLists } from './types';

export interface CanonicalAnswer {
  readonly blank: boolean;
  /** For a destination cell: Japanese choices joined with 、 (unmatched values as typed among them); text as typed; a date as 2024-04-01. */
  readonly text: string;
  /** Choice questions: the Japanese choices picked, in the order of the question's choices. */
  readonly choices: readonly string[];
  /** Their 0-based positions in the question's choice list. */
  readonly indices: readonly number[];
  /** Grids: Japanese row → Japanese columns picked (rows with no answer are absent). */
  readonly grid: Readonly<Record<string, readonly string[]>> | null;
  /** What is not among the question's choices (or rows and columns), exactly as typed. */
  readonly unmatched: readonly string[];
}

const BLANK: CanonicalAnswer = { blank: true, text: '', choices: [], indices: [], grid: null, unmatched: [] };

/** A cell as typed: text trimmed, numbers as their digits, dates as ISO days, booleans as TRUE/FALSE. */
export function typedText(v: AnswerCell): string {
  if (typeof v === 'string') return v.trim();
  if (isDateObject(v)) {
    const d = parseDate(v);
    return d.ok ? d.date.toISO() : '';
  }
  return cellText(v) ?? '';
}

/** The position of a value among choices: exact first, then after normalising width and spaces. */
function indexIn(list: readonly string[], value: string): number {
  const exact = list.indexOf(value);
  if (exact >= 0) return exact;
  const key = normalizeText(value);
  return list.findIndex((c) => normalizeText(c) === key);
}

/** The choice lists an answer may be in: the form's language, then Japanese (a translation may have fallen back to it). */
function listsFor(lists: TextLists, language: string): Array<readonly string[]> {
  const own = lists[language];
  const ja = lists[JAPANESE] ?? [];
  return own && own !== ja ? [own, ja] : [ja];
}

function position(lists: TextLists, language: string, value: string): number {
  for (const list of listsFor(lists, language)) {
    const i = indexIn(list, value);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Splits a check-box cell: Forms joins the chosen values with ', ', and a choice may itself
 * contain ', ' ('Yes, I agree'). Known choices are matched longest first; what is left is kept as typed.
 */
export function splitPicked(
  cell: string,
  lists: TextLists,
  language: string,
): { indices: number[]; unmatched: string[] } {
  const parts = cell.split(', ');
  const indices: number[] = [];
  const unmatched: string[] = [];
  let i = 0;
  while (i < parts.length) {
    let matched = false;
    for (let j = parts.length; j > i; j--) {
      const index = position(lists, language, parts.slice(i, j).join(', '));
      if (index >= 0) {
        if (indices.indexOf(index) < 0) indices.push(index);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const piece = (parts[i] as string).trim();
      if (piece !== '') unmatched.push(piece);
      i++;
    }
  }
  return { indices: indices.sort((a, b) => a - b), unmatched };
}

function joined(values: readonly string[]): string {
  return values.join('、');
}

/** One answer to one question, in canonical Japanese. */
export function canonicalAnswer(q: QuestionDef, language: string, raw: RawAnswer | undefined): CanonicalAnswer {
  if (!raw) return BLANK;
  if (raw.kind === 'grid') {
    if (!q.grid) return BLANK;
    const jaRows = q.grid.rows[JAPANESE] ?? [];
    const jaColumns = q.grid.columns[JAPANESE] ?? [];
    const grid: Record<string, string[]> = {};
    const unmatched: string[] = [];
    const pieces: string[] = [];
    for (const [label, cell] of raw.rows) {
      const text = typedText(cell);
      if (text === '') continue;
      const r = position(q.grid.rows, language, label);
      const { indices, unmatched: odd } = splitPicked(text, q.grid.columns, language);
      const rowName = r >= 0 ? (jaRows[r] as string) : label;
      if (r < 0) unmatched.push(label);
      const picked = indices.map((c) => jaColumns[c] as string);
      for (const o of odd) unmatched.push(`${rowName}: ${o}`);
      grid[rowName] = [...picked, ...odd];
      pieces.push(`${rowName}: ${joined(grid[rowName] as string[])}`);
    }
    if (pieces.length === 0) return BLANK;
    return { blank: false, text: pieces.join('\n'), choices: [], indices: [], grid, unmatched };
  }
  const text = typedText(raw.value);
  if (text === '') return BLANK;
  if (CHOICE_KINDS.has(q.kind) && q.choices) {
    const ja = q.choices.values[JAPANESE] ?? [];
    if (q.kind === 'multipleChoice') {
      const { indices, unmatched } = splitPicked(text, q.choices.values, language);
      const choices = indices.map((i) => ja[i] as string);
      return { blank: false, text: joined([...choices, ...unmatched]), choices, indices, grid: null, unmatched };
    }
    const index = position(q.choices.values, language, text);
    if (index < 0) return { blank: false, text, choices: [], indices: [], grid: null, unmatched: [text] };
    const choice = ja[index] as string;
    return { blank: false, text: choice, choices: [choice], indices: [index], grid: null, unmatched: [] };
  }
  return { blank: false, text, choices: [], indices: [], grid: null, unmatched: [] };
}
