/**
 * Defines how a linked response sheet is read: its columns matched to questions by the item map
 * kept when the form was built (never by position), a question whose title was edited found in
 * both its old and new columns, and each row read into one response with its answers as typed.
 */
import { Fingerprint } from '../fingerprint';
import { headerText } from '../sheets/detect';
import { columnLetter } from '../sheets/rows';
import { isDateObject, parseDate } from '../text/date';
import type { Workbook } from '../ports';
import type { StoredForm, StoredItem } from './item-map';

/** Forms names these columns in the spreadsheet's language (docs/real-sheets-checklist.md). */
const TIMESTAMP_HEADERS = new Set(['タイムスタンプ', 'timestamp']);
const EMAIL_HEADERS = new Set(['メールアドレス', 'email address', 'username', 'ユーザー名']);

/** A response-sheet column for a grid row: 'title [row]', as Forms writes it. */
const GRID_HEADER = /^(.*) \[(.*)\]$/s;

export interface QuestionColumns {
  readonly key: string;
  /** The 0-based columns holding the question's answers, in sheet order (an edited title adds one). */
  readonly columns: readonly number[];
  /** Grid items: per row label (as the form shows it), its columns. */
  readonly grid?: ReadonlyMap<string, readonly number[]>;
}

export interface ResponseColumnNotice {
  /** survey.columnsSplit: a question's answers are in two or more columns (its title was edited after answers came in). survey.columnMissing: no column for a question. survey.columnUnknown: a column no question of the form has. */
  readonly code: 'survey.columnsSplit' | 'survey.columnMissing' | 'survey.columnUnknown';
  /** The spec key of the question, null for an unknown column. */
  readonly key: string | null;
  readonly columns: readonly number[];
  readonly message: { readonly ja: string; readonly en: string };
}

export interface ResponseColumns {
  readonly timestamp: number | null;
  readonly email: number | null;
  readonly questions: ReadonlyMap<string, QuestionColumns>;
  readonly notices: readonly ResponseColumnNotice[];
}

/** Items that get response columns (sections and headings do not). */
function isQuestion(item: StoredItem): boolean {
  return item.type !== 'section' && item.type !== 'header';
}

function isGrid(item: StoredItem): boolean {
  return item.type === 'choiceGrid' || item.type === 'checkboxGrid';
}

function letters(columns: readonly number[]): string {
  return columns.map((c) => `${columnLetter(c)}列`).join('・');
}

/**
 * Matches the header row of a form's response sheet to the form's questions through the stored
 * item map: a column belongs to the question that has (or had) that title. Two questions with
 * one title take its columns in form order. Pure.
 */
export function matchResponseColumns(header: readonly unknown[], stored: StoredForm): ResponseColumns {
  let timestamp: number | null = null;
  let email: number | null = null;
  const questions = stored.items.filter(isQuestion);
  const plain = new Map<string, number[]>();
  const grid = new Map<string, Map<string, number[]>>();
  const unknown: number[] = [];
  header.forEach((cell, index) => {
    const text = headerText(cell);
    if (text === '') return;
    const lower = text.toLowerCase();
    if (timestamp === null && TIMESTAMP_HEADERS.has(lower)) {
      timestamp = index;
      return;
    }
    // The e-mail column Forms adds when it collects addresses, unless a question has that title.
    if (email === null && EMAIL_HEADERS.has(lower) && !questions.some((item) => item.titles.indexOf(text) >= 0)) {
      email = index;
      return;
    }
    // The questions this header can be: same title (or a grid title and row); the one with the fewest columns so far wins.
    const gridMatch = GRID_HEADER.exec(text);
    const candidates: Array<{ item: StoredItem; row: string | null }> = [];
    for (const item of questions) {
      if (isGrid(item)) {
        if (
          gridMatch &&
          item.titles.indexOf(gridMatch[1] as string) >= 0 &&
          (item.rows ?? []).indexOf(gridMatch[2] as string) >= 0
        ) {
          candidates.push({ item, row: gridMatch[2] as string });
        }
      } else if (item.titles.indexOf(text) >= 0) candidates.push({ item, row: null });
    }
    if (candidates.length === 0) {
      unknown.push(index);
      return;
    }
    const count = (c: { item: StoredItem; row: string | null }): number =>
      c.row === null ? (plain.get(c.item.key)?.length ?? 0) : (grid.get(c.item.key)?.get(c.row)?.length ?? 0);
    // A title shared by two questions: each new column goes to the question that has fewest of them, in form order.
    const chosen = candidates.reduce((best, c) => (count(c) < count(best) ? c : best));
    if (chosen.row === null) {
      const list = plain.get(chosen.item.key) ?? [];
      list.push(index);
      plain.set(chosen.item.key, list);
    } else {
      const rows = grid.get(chosen.item.key) ?? new Map<string, number[]>();
      const list = rows.get(chosen.row) ?? [];
      list.push(index);
      rows.set(chosen.row, list);
      grid.set(chosen.item.key, rows);
    }
  });

  const out = new Map<string, QuestionColumns>();
  const notices: ResponseColumnNotice[] = [];
  for (const item of questions) {
    const title = item.titles[item.titles.length - 1] ?? item.key;
    if (isGrid(item)) {
      const rows = grid.get(item.key) ?? new Map<string, number[]>();
      const columns = [...rows.values()].flat().sort((a, b) => a - b);
      out.set(item.key, { key: item.key, columns, grid: rows });
      if (columns.length === 0) notices.push(missing(item.key, title));
      // An edited title gives every row a second column.
      else if ([...rows.values()].some((list) => list.length > 1)) notices.push(split(item.key, title, columns));
      continue;
    }
    const columns = plain.get(item.key) ?? [];
    out.set(item.key, { key: item.key, columns });
    if (columns.length === 0) notices.push(missing(item.key, title));
    else if (columns.length > 1) notices.push(split(item.key, title, columns));
  }
  for (const index of unknown) {
    const text = headerText(header[index]);
    notices.push({
      code: 'survey.columnUnknown',
      key: null,
      columns: [index],
      message: {
        ja: `${columnLetter(index)}列「${text}」はこのフォームのどの設問にも当たりません（手で加えた列なら問題ありません）。取り込みでは読みません`,
        en: `Column ${columnLetter(index)} 「${text}」 is not a question of this form (fine if staff added it); it is not imported`,
      },
    });
  }
  return { timestamp, email, questions: out, notices };
}

function missing(key: string, title: string): ResponseColumnNotice {
  return {
    code: 'survey.columnMissing',
    key,
    columns: [],
    message: {
      ja: `設問「${title}」の列が回答シートにありません（見出しが手で変えられたかもしれません）。この設問の回答は空として扱います`,
      en: `The response sheet has no column for 「${title}」 (its header may have been edited by hand); its answers read as blank`,
    },
  };
}

function split(key: string, title: string, columns: readonly number[]): ResponseColumnNotice {
  return {
    code: 'survey.columnsSplit',
    key,
    columns,
    message: {
      ja: `設問「${title}」は文を変えた後にも回答があったため、回答が${letters(columns)}に分かれています。両方の列から読みます`,
      en: `「${title}」 was edited after answers came in, so its answers are in columns ${columns.map((c) => columnLetter(c)).join(', ')}; all of them are read`,
    },
  };
}

/** One cell of an answer, as the sheet holds it: text, a number, a Date, or '' when blank. */
export type AnswerCell = string | number | boolean | Date;

/** An answer as typed: one cell, or for a grid one cell per row label. */
export type RawAnswer =
  | { readonly kind: 'cell'; readonly value: AnswerCell }
  | { readonly kind: 'grid'; readonly rows: ReadonlyMap<string, AnswerCell> };

export interface FormResponse {
  /**
   * Stable across re-reads, re-sorting and staff's edits of the answers: the form and the submit
   * time ('#2' for a second response in the same second, by sheet order).
   */
  readonly responseId: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** When it was submitted; null when the timestamp cell is blank or unreadable. */
  readonly timestamp: Date | null;
  /** The language of the form it was answered in. */
  readonly language: string;
  /** By spec key (設問ID). */
  readonly answers: ReadonlyMap<string, RawAnswer>;
}

function timeColumn(columns: ResponseColumns, timeKeys: ReadonlySet<string>, c: number): boolean {
  for (const key of timeKeys) if ((columns.questions.get(key)?.columns.indexOf(c) ?? -1) >= 0) return true;
  return false;
}

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The answer of one row in a question's columns: the newest non-blank column (an answer is in one of them). */
function pick(row: readonly unknown[], columns: readonly number[]): AnswerCell {
  for (let i = columns.length - 1; i >= 0; i--) {
    const v = row[columns[i] as number];
    if (!isBlank(v)) return v as AnswerCell;
  }
  return '';
}

function toDate(v: unknown): Date | null {
  if (isDateObject(v)) return Number.isNaN(v.getTime()) ? null : v;
  const d = parseDate(v);
  return d.ok ? new Date(Date.UTC(d.date.year, d.date.month - 1, d.date.day) - 9 * 3_600_000) : null;
}

/**
 * Reads the data rows of a response sheet (getValues, the first at sheet row firstRow; and
 * getDisplayValues of the same range, used for time answers, which Sheets hands over as Dates of
 * 1899) into responses, skipping blank rows. Every answer is kept exactly as the cell holds it.
 */
export function readResponses(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  columns: ResponseColumns,
  stored: StoredForm,
  display?: readonly (readonly string[])[],
): FormResponse[] {
  const out: FormResponse[] = [];
  const timeKeys = new Set(stored.items.filter((item) => item.type === 'time').map((item) => item.key));
  // Responses with the same submit time (to the second, as Sheets keeps it) are told apart by their order.
  const seenStamps = new Map<string, number>();
  rows.forEach((rawRow, i) => {
    const shown = display?.[i];
    const row =
      shown && timeKeys.size > 0
        ? rawRow.map((v, c) => (isDateObject(v) && timeColumn(columns, timeKeys, c) ? (shown[c] ?? '') : v))
        : rawRow;
    if (row.every(isBlank)) return;
    const answers = new Map<string, RawAnswer>();
    for (const [key, qc] of columns.questions) {
      if (qc.grid) {
        const cells = new Map<string, AnswerCell>();
        for (const [label, list] of qc.grid) cells.set(label, pick(row, list));
        answers.set(key, { kind: 'grid', rows: cells });
      } else answers.set(key, { kind: 'cell', value: pick(row, qc.columns) });
    }
    const stamp = columns.timestamp === null ? null : row[columns.timestamp];
    const timestamp = stamp === null || stamp === undefined ? null : toDate(stamp);
    let id: string;
    if (timestamp) {
      const iso = timestamp.toISOString();
      const n = (seenStamps.get(iso) ?? 0) + 1;
      seenStamps.set(iso, n);
      id = `${stored.formId}:${iso}${n > 1 ? `#${n}` : ''}`;
    } else {
      // No readable time: the answers themselves identify the response.
      const fp = new Fingerprint();
      for (const v of row) fp.addCell(v);
      id = `${stored.formId}:row:${fp.toString()}`;
    }
    out.push({ responseId: id, row: firstRow + i, timestamp, language: stored.language, answers });
  });
  return out;
}

/**
 * One response sheet's answers, read in one batched call: its columns matched to the built form's
 * questions, what could not be matched (other than columns of no question) added to `notices`.
 */
export function readResponseSheet(
  workbook: Pick<Workbook, 'read'>,
  sheet: string,
  stored: StoredForm,
  notices: Array<{ ja: string; en: string }>,
): FormResponse[] {
  const data = workbook.read(sheet);
  const values = data?.values ?? [];
  const columns = matchResponseColumns(values[0] ?? [], stored);
  for (const n of columns.notices) {
    if (n.code === 'survey.columnUnknown') continue;
    notices.push({ ja: `「${sheet}」: ${n.message.ja}`, en: `「${sheet}」: ${n.message.en}` });
  }
  return readResponses(values.slice(1), 2, columns, stored, data?.display.slice(1));
}
