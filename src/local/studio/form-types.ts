/** The JSON the studio's form view shares with the studio server (src/local/respond.ts makes it): a form as a respondent sees it, and what the form says about answers. */

/** An item type as the emulated form records it. */
export type RespondentItemType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'SCALE'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'DATE'
  | 'TIME'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK';

/** A question or text as the respondent sees it. */
export interface RespondentItem {
  id: number;
  /** The 設問ID when Tsunagu made the question; null for an item it does not know. */
  questionId: string | null;
  type: RespondentItemType;
  title: string;
  helpText: string;
  required: boolean;
  /** Choices with where each leads: a page index, 'submit', or null (go on). */
  choices?: Array<{ value: string; goTo: number | 'submit' | null }>;
  rows?: string[];
  columns?: string[];
  scale?: { lower: number; upper: number; lowerLabel: string; upperLabel: string };
}

export interface RespondentPage {
  /** The page break's title and help text (the first page: the form's own). */
  title: string;
  description: string;
  items: RespondentItem[];
  /** Where the page goes when no choice on it leads elsewhere: a page index, 'submit', or null (the next page; submit after the last). */
  next: number | 'submit' | null;
}

/** A form as a respondent sees it. */
export interface RespondentForm {
  formId: string;
  name: string;
  language: string;
  lang: string;
  title: string;
  description: string;
  confirmationMessage: string;
  acceptingResponses: boolean;
  pages: RespondentPage[];
}

/** What the form says is wrong with an answer. */
export interface AnswerProblem {
  itemId: number;
  questionId: string | null;
  title: string;
  message: string;
}

/** The answers the page sends: by item id — a string, a list of strings, or grid rows { row: column | [columns] }. */
export type PageAnswers = Record<string, string | string[] | Record<string, string | string[]>>;

/** The studio's answer to 次へ (one page checked) and to 送信 (stored, or refused with the first failing page's problems). */
export type PageCheck = { problems: AnswerProblem[]; next: number | 'submit' };
export type SubmitResult =
  | { ok: true; confirmationMessage: string; row: number | null; sheet: string | null }
  | { ok: false; problems: AnswerProblem[]; page: number };
