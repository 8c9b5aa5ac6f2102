/**
 * The respondent's side of an emulated form: the path through its pages (choices that lead to a
 * section or to submit, a page's own "after this section"), required questions and answer
 * validation on the pages visited, and the answers of pages not visited dropped — as Forms does.
 */
import { isDate } from './dates';
import type { FormItemRecord, FormValidationRecord, NavigationName } from './form-items';

/** An answer a respondent gives to one question: text, a number (scale), a Date, several choices, or grid rows. */
export type FormAnswer = string | number | Date | string[] | Record<string, string | string[]>;

/** A submission the form refuses, with the message a respondent would see under the question. */
export class FormRejection extends Error {
  constructor(
    /** The question's title. */
    readonly itemTitle: string,
    /** What the form says: the validation's help text, or Forms' own message. */
    readonly reason: string,
  ) {
    super(`「${itemTitle}」: ${reason}`);
    this.name = 'FormRejection';
  }
}

/** Forms' messages when a validation has no help text, and for a required question left blank. */
export const REQUIRED_MESSAGE = 'This is a required question';

function defaultMessage(v: FormValidationRecord): string {
  const [a, b] = v.args;
  switch (v.rule) {
    case 'TEXT_IS_EMAIL':
      return 'Must be an email';
    case 'TEXT_IS_URL':
      return 'Must be a URL';
    case 'NUMBER':
      return 'Must be a number';
    case 'WHOLE_NUMBER':
      return 'Must be a whole number';
    case 'NUMBER_BETWEEN':
      return `Must be a number between ${a} and ${b}`;
    case 'NUMBER_NOT_BETWEEN':
      return `Must be a number not between ${a} and ${b}`;
    case 'NUMBER_EQUAL_TO':
      return `Must be a number equal to ${a}`;
    case 'NUMBER_NOT_EQUAL_TO':
      return `Must be a number not equal to ${a}`;
    case 'NUMBER_GREATER_THAN':
      return `Must be a number greater than ${a}`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Must be a number greater than or equal to ${a}`;
    case 'NUMBER_LESS_THAN':
      return `Must be a number less than ${a}`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `Must be a number less than or equal to ${a}`;
    case 'TEXT_CONTAINS_PATTERN':
    case 'TEXT_MATCHES_PATTERN':
      return 'Must match pattern';
    case 'TEXT_DOES_NOT_CONTAIN_PATTERN':
    case 'TEXT_DOES_NOT_MATCH_PATTERN':
      return 'Must not match pattern';
    case 'TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO':
      return `Must be at least ${a} characters`;
    case 'TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO':
      return `Must be fewer than ${Number(a) + 1} characters`;
    case 'SELECT_AT_LEAST':
      return `Must select at least ${a} options`;
    case 'SELECT_AT_MOST':
      return `Must select at most ${a} options`;
    case 'SELECT_EXACTLY':
      return `Must select exactly ${a} options`;
    case 'LIMIT_ONE_RESPONSE_PER_COLUMN':
      return "Please don't select more than one response per column";
    default:
      return 'Invalid answer';
  }
}

/** Forms reads numbers as a respondent types them in ASCII digits (docs/real-sheets-checklist.md). */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const WHOLE = /^-?\d+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_SHAPE = /^(?:https?:\/\/)?[^\s/]+\.[^\s]+$/i;

function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Whether an answer passes a validation (Forms checks only answers that are given). */
function passes(v: FormValidationRecord, answer: FormAnswer): boolean {
  const [a, b] = v.args.map((x) => (typeof x === 'number' ? x : Number(x)));
  const text = typeof answer === 'string' ? answer : typeof answer === 'number' ? String(answer) : '';
  const trimmed = text.trim();
  const num = NUMBER.test(trimmed) ? Number(trimmed) : NaN;
  switch (v.rule) {
    case 'TEXT_IS_EMAIL':
      return EMAIL.test(trimmed);
    case 'TEXT_IS_URL':
      return URL_SHAPE.test(trimmed);
    case 'NUMBER':
      return !Number.isNaN(num);
    case 'WHOLE_NUMBER':
      return WHOLE.test(trimmed);
    case 'NUMBER_BETWEEN':
      return !Number.isNaN(num) && num >= (a as number) && num <= (b as number);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(num) && (num < (a as number) || num > (b as number));
    case 'NUMBER_EQUAL_TO':
      return num === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(num) && num !== a;
    case 'NUMBER_GREATER_THAN':
      return num > (a as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= (a as number);
    case 'NUMBER_LESS_THAN':
      return num < (a as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= (a as number);
    case 'TEXT_CONTAINS_PATTERN':
      return new RegExp(String(v.args[0]), 'u').test(text);
    case 'TEXT_DOES_NOT_CONTAIN_PATTERN':
      return !new RegExp(String(v.args[0]), 'u').test(text);
    case 'TEXT_MATCHES_PATTERN':
      return new RegExp(`^(?:${String(v.args[0])})$`, 'u').test(text);
    case 'TEXT_DOES_NOT_MATCH_PATTERN':
      return !new RegExp(`^(?:${String(v.args[0])})$`, 'u').test(text);
    case 'TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO':
      return charCount(text) >= (a as number);
    case 'TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO':
      return charCount(text) <= (a as number);
    case 'SELECT_AT_LEAST':
      return picked(answer).length >= (a as number);
    case 'SELECT_AT_MOST':
      return picked(answer).length <= (a as number);
    case 'SELECT_EXACTLY':
      return picked(answer).length === a;
    case 'LIMIT_ONE_RESPONSE_PER_COLUMN': {
      if (typeof answer !== 'object' || Array.isArray(answer) || isDate(answer)) return true;
      const seen = new Set<string>();
      for (const value of Object.values(answer)) {
        for (const column of Array.isArray(value) ? value : [value]) {
          if (seen.has(column)) return false;
          seen.add(column);
        }
      }
      return true;
    }
    default:
      return true;
  }
}

function picked(answer: FormAnswer): string[] {
  return Array.isArray(answer) ? answer : typeof answer === 'string' && answer !== '' ? [answer] : [];
}

export function isBlankAnswer(answer: FormAnswer | undefined): boolean {
  if (answer === undefined || answer === '') return true;
  if (Array.isArray(answer)) return answer.length === 0;
  if (typeof answer === 'object' && !isDate(answer))
    return Object.values(answer).every((v) => (Array.isArray(v) ? v.length === 0 : v === ''));
  return false;
}

// real-sheets-checklist RS-48: ASCII digits only for numbers, whole-answer patterns, every row of a required grid.
/** Refuses what a respondent could not give or the form does not accept: a blank required answer, a choice not offered, a failed validation. */
export function checkAnswer(item: FormItemRecord, answer: FormAnswer | undefined): void {
  const reject = (reason: string): never => {
    throw new FormRejection(item.title, reason);
  };
  const isGrid = item.type === 'GRID' || item.type === 'CHECKBOX_GRID';
  if (isBlankAnswer(answer)) {
    if (item.required) reject(REQUIRED_MESSAGE);
    return;
  }
  const given = answer as FormAnswer;
  const choices = (item.choices ?? []).map((c) => c.value);
  const offered = (value: string): boolean => choices.includes(value) || (item.otherOption ?? false);
  if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') {
    if (typeof given !== 'string' || !offered(given)) reject(`"${String(given)}" is not one of the choices`);
  }
  if (item.type === 'CHECKBOX') {
    for (const value of picked(given)) if (!offered(value)) reject(`"${value}" is not one of the choices`);
  }
  if (item.type === 'SCALE') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < (item.lowerBound ?? 1) || n > (item.upperBound ?? 5)) {
      reject(`${String(given)} is outside the scale`);
    }
  }
  if (item.type === 'DATE' && !isDate(given) && typeof given !== 'string') reject('Must be a date');
  if (isGrid) {
    if (typeof given !== 'object' || Array.isArray(given) || isDate(given)) reject('Answer each row of the grid');
    const rows = item.rows ?? [];
    const columns = item.columns ?? [];
    const byRow = given as Record<string, string | string[]>;
    for (const [row, value] of Object.entries(byRow)) {
      if (!rows.includes(row)) reject(`"${row}" is not a row of the grid`);
      const values = Array.isArray(value) ? value : value === '' ? [] : [value];
      if (item.type === 'GRID' && values.length > 1) reject(`Choose one column in the row "${row}"`);
      for (const v of values) if (!columns.includes(v)) reject(`"${v}" is not a column of the grid`);
    }
    // A required grid needs an answer in each row.
    if (item.required) {
      for (const row of rows) {
        const value = byRow[row];
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
          reject(REQUIRED_MESSAGE);
      }
    }
  }
  if (item.validation && !passes(item.validation, given))
    reject(item.validation.helpText || defaultMessage(item.validation));
}

/** The items of each page: page 0 before the first page break; each page break opens the next page. */
export function pagesOf(items: readonly FormItemRecord[]): FormItemRecord[][] {
  const pages: FormItemRecord[][] = [[]];
  for (const item of items) {
    if (item.type === 'PAGE_BREAK') pages.push([item]);
    else (pages[pages.length - 1] as FormItemRecord[]).push(item);
  }
  return pages;
}

// real-sheets-checklist RS-48
/**
 * The pages a respondent goes through, given their answers (by item title). After a page: the
 * last question on it whose chosen choice leads somewhere decides; otherwise the page break
 * that follows the page says where (setGoToPage applies to the page before it); otherwise the next page.
 */
export function visitedPages(
  items: readonly FormItemRecord[],
  answers: Readonly<Record<string, FormAnswer>>,
): number[] {
  const pages = pagesOf(items);
  const pageOfBreak = new Map<number, number>();
  pages.forEach((page, i) => {
    const first = page[0];
    if (i > 0 && first) pageOfBreak.set(first.id, i);
  });
  const visited: number[] = [];
  let current = 0;
  while (current >= 0 && current < pages.length && visited.indexOf(current) < 0) {
    visited.push(current);
    const page = pages[current] as FormItemRecord[];
    let navigation: NavigationName | null = null;
    let target: number | undefined;
    for (const item of page) {
      if ((item.type !== 'MULTIPLE_CHOICE' && item.type !== 'LIST') || !(item.choices ?? []).some((c) => c.navigation))
        continue;
      const answer = answers[item.title];
      const choice = (item.choices ?? []).find((c) => c.value === answer);
      if (!choice) continue;
      navigation = choice.navigation ?? 'CONTINUE';
      target = choice.goToPageId;
    }
    if (navigation === null) {
      const nextBreak = pages[current + 1]?.[0];
      navigation = nextBreak?.pageNavigation ?? 'CONTINUE';
      target = nextBreak?.goToPageId;
    }
    if (navigation === 'SUBMIT') break;
    if (navigation === 'RESTART') current = 0;
    else if (navigation === 'GO_TO_PAGE' && target !== undefined) current = pageOfBreak.get(target) ?? current + 1;
    else current += 1;
  }
  return visited;
}
