/**
 * The respondent's side of Tsunagu's forms in the emulator, for the CLI (`survey respond`) and the
 * studio's form view: which forms there are (by フォーム名 and language, through the item maps kept
 * in the document), each form as a respondent sees it (pages, questions, choices and where they
 * lead), answers keyed by 設問ID turned into the form's own answers, and a submission checked page
 * by page with the form's own messages — every problem of the first page that has one, as Forms
 * shows them — before it is stored (the response sheet gains its row).
 */
import { loadStoredForms, type StoredFormEntry } from '../core/survey/form-store';
import { JAPANESE, languageName, parseLanguage } from '../core/survey/languages';
import { GasDocumentStore } from '../gas/properties';
import type { Emulator, FormAnswer, FormItemRecord, FormRecord, FormResponseRecord } from './emulator/index';
import { FormRejection } from './emulator/index';
import { checkAnswer, pagesOf, visitedPages } from './emulator/form-respond';
import { QUESTION_TYPES } from './emulator/form-items';
import type { AnswerProblem, RespondentForm, RespondentItem } from './studio/form-types';

export type { AnswerProblem, RespondentForm, RespondentItem, RespondentPage } from './studio/form-types';

/** One of Tsunagu's forms in the emulator: its フォーム名 and language, and the form itself. */
export interface RespondableForm {
  name: string;
  language: string;
  languageLabel: { ja: string; en: string };
  formId: string;
  title: string;
  acceptingResponses: boolean;
  /** 設問ID (or section key) → item id, from the item map kept when the form was built. */
  keys: ReadonlyMap<string, number>;
}

/** Answers a respondent cannot give as written (an unknown 設問ID, a wrong shape): unusable input, not the form's refusal. */
export class AnswerShapeError extends Error {
  override name = 'AnswerShapeError';
}

/** The outcome of submitting: stored, or refused with the form's messages (nothing stored). */
export type Submission =
  | { ok: true; response: FormResponseRecord; confirmationMessage: string; page: number }
  | { ok: false; problems: AnswerProblem[]; page: number };

/** Tsunagu's forms the emulator holds, in the order they were built (a form deleted in Drive is left out). */
export function respondableForms(emu: Emulator): RespondableForm[] {
  const stored: StoredFormEntry[] = loadStoredForms(
    new GasDocumentStore(emu.globals.PropertiesService.getDocumentProperties()),
  );
  const out: RespondableForm[] = [];
  for (const s of stored) {
    const record = emu.forms.get(s.formId);
    if (!record) continue;
    const label = languageName(s.language);
    out.push({
      name: s.name,
      language: s.language,
      languageLabel: { ja: label.ja, en: label.en },
      formId: s.formId,
      title: record.title,
      acceptingResponses: record.published && record.acceptingResponses,
      keys: new Map(s.items.map((i) => [i.key, i.id] as const)),
    });
  }
  return out;
}

/** The form of a フォーム名 and language (Japanese when not given); AnswerShapeError naming what there is when none. */
export function findForm(emu: Emulator, name: string, language?: string): RespondableForm {
  const forms = respondableForms(emu);
  const code = language === undefined || language.trim() === '' ? JAPANESE : parseLanguage(language);
  const found = forms.find((f) => f.name === name.trim() && f.language === code);
  if (found) return found;
  const have = forms.map((f) => `${f.name}（${f.language}）`).join('、') || 'なし / none';
  throw new AnswerShapeError(
    `フォーム「${name}」（${language ?? JAPANESE}）は作成されていません。作成済みのフォーム: ${have} / the form 「${name}」 (${language ?? JAPANESE}) has not been built; built forms: ${have}`,
  );
}

function recordOf(emu: Emulator, formId: string): FormRecord {
  const record = emu.forms.get(formId);
  if (!record)
    throw new AnswerShapeError(
      `フォーム ${formId} はドライブで削除されています / the form ${formId} was deleted in Drive`,
    );
  return record;
}

/** The form as a respondent sees it, page by page. */
export function respondentForm(emu: Emulator, form: RespondableForm): RespondentForm {
  const record = recordOf(emu, form.formId);
  const questionIds = new Map([...form.keys].map(([key, id]) => [id, key] as const));
  const pages = pagesOf(record.items);
  const pageOfBreak = new Map<number, number>();
  pages.forEach((page, i) => {
    if (i > 0 && page[0]) pageOfBreak.set(page[0].id, i);
  });
  const goTo = (navigation: string | undefined, target: number | undefined): number | 'submit' | null =>
    navigation === 'SUBMIT'
      ? 'submit'
      : navigation === 'GO_TO_PAGE' && target !== undefined
        ? (pageOfBreak.get(target) ?? null)
        : navigation === 'RESTART'
          ? 0
          : null;
  return {
    formId: form.formId,
    name: form.name,
    language: form.language,
    lang: form.language === 'ja-yasashii' ? 'ja' : form.language,
    title: record.title,
    description: record.description,
    confirmationMessage: record.confirmationMessage,
    acceptingResponses: record.published && record.acceptingResponses,
    pages: pages.map((page, index) => {
      const head = index > 0 ? page[0] : undefined;
      // A page's own "after this section" is set on the page break that follows it (as Forms stores it).
      const following = pages[index + 1]?.[0];
      return {
        title: head?.title ?? record.title,
        description: head?.helpText ?? record.description,
        next: following ? goTo(following.pageNavigation, following.goToPageId) : 'submit',
        items: page
          .filter((item) => item.type !== 'PAGE_BREAK')
          .map((item) => {
            const key = questionIds.get(item.id) ?? null;
            const view: RespondentItem = {
              id: item.id,
              questionId: key !== null && QUESTION_TYPES.has(item.type) ? key : null,
              type: item.type,
              title: item.title,
              helpText: item.helpText,
              required: item.required,
            };
            if (item.choices)
              view.choices = item.choices.map((c) => ({ value: c.value, goTo: goTo(c.navigation, c.goToPageId) }));
            if (item.rows) view.rows = [...item.rows];
            if (item.columns) view.columns = [...item.columns];
            if (item.type === 'SCALE')
              view.scale = {
                lower: item.lowerBound ?? 1,
                upper: item.upperBound ?? 5,
                lowerLabel: item.leftLabel ?? '',
                upperLabel: item.rightLabel ?? '',
              };
            return view;
          }),
      };
    }),
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date typed as 2026-06-01 is the day in Japan (the form's time zone), as Forms records it. */
function dateAnswer(text: string): Date | string {
  return DAY.test(text) ? new Date(`${text}T00:00:00+09:00`) : text;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** One answer in the shape its question takes, or AnswerShapeError saying which shape was expected. */
function answerFor(item: FormItemRecord, key: string, value: unknown): FormAnswer {
  const wrong = (expected: string): never => {
    throw new AnswerShapeError(
      `「${key}」の答えの形が違います（${expected}）/ the answer to 「${key}」 has the wrong shape: ${expected} expected`,
    );
  };
  switch (item.type) {
    case 'CHECKBOX':
      if (typeof value === 'string') return [value];
      return isStringArray(value) ? value : wrong('文字列の配列 / an array of strings');
    case 'GRID':
    case 'CHECKBOX_GRID': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return wrong('{ "行": "列" } / an object of row → column');
      const out: Record<string, string | string[]> = {};
      for (const [row, column] of Object.entries(value as Record<string, unknown>)) {
        if (typeof column === 'string') out[row] = item.type === 'CHECKBOX_GRID' ? [column] : column;
        else if (item.type === 'CHECKBOX_GRID' && isStringArray(column)) out[row] = column;
        else wrong(item.type === 'GRID' ? '{ "行": "列" }' : '{ "行": ["列", …] }');
      }
      return out;
    }
    case 'SCALE':
      if (typeof value === 'number') return value;
      return typeof value === 'string' ? value : wrong('数 / a number');
    case 'DATE':
      return typeof value === 'string' ? dateAnswer(value.trim()) : wrong('"2026-06-01" のような日付 / a date');
    default:
      if (typeof value === 'number') return String(value);
      return typeof value === 'string' ? value : wrong('文字列 / a string');
  }
}

/**
 * Answers keyed by 設問ID (the CLI's JSON: a string, an array for 複数選択, { row: column } for
 * 選択式グリッド and { row: [columns] } for チェックボックスグリッド) as the form's answers by title.
 * An unknown 設問ID or a wrong shape is AnswerShapeError.
 */
export function answersByQuestionId(emu: Emulator, form: RespondableForm, json: unknown): Record<string, FormAnswer> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new AnswerShapeError(
      '答えは { "設問ID": 答え, … } のオブジェクトにしてください / the answers must be an object { "設問ID": answer, … }',
    );
  const record = recordOf(emu, form.formId);
  const out: Record<string, FormAnswer> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const id = form.keys.get(key);
    const item = id === undefined ? undefined : record.items.find((i) => i.id === id);
    if (!item || !QUESTION_TYPES.has(item.type)) {
      const known = [...form.keys.keys()].filter((k) => !k.startsWith('section:') && k !== 'notice').join(', ');
      throw new AnswerShapeError(
        `フォーム「${form.name}」に設問ID「${key}」はありません（あるのは ${known}）/ the form 「${form.name}」 has no question 「${key}」 (it has ${known})`,
      );
    }
    if (value === null || value === undefined) continue;
    out[item.title] = answerFor(item, key, value);
  }
  return out;
}

/** Answers keyed by item id (the studio's form view) as the form's answers by title; unknown ids are ignored. */
export function answersByItemId(
  emu: Emulator,
  form: RespondableForm,
  byId: Readonly<Record<string, unknown>>,
): Record<string, FormAnswer> {
  const record = recordOf(emu, form.formId);
  const out: Record<string, FormAnswer> = {};
  for (const item of record.items) {
    if (!QUESTION_TYPES.has(item.type)) continue;
    const value = byId[String(item.id)];
    if (value === undefined || value === null) continue;
    out[item.title] = answerFor(item, item.title, value);
  }
  return out;
}

/** Every problem the form finds on one page, in order. */
function pageProblems(form: RespondableForm, items: readonly FormItemRecord[], answers: Record<string, FormAnswer>) {
  const ids = new Map([...form.keys].map(([key, id]) => [id, key] as const));
  const problems: AnswerProblem[] = [];
  for (const item of items) {
    if (!QUESTION_TYPES.has(item.type)) continue;
    try {
      checkAnswer(item, answers[item.title]);
    } catch (error) {
      if (!(error instanceof FormRejection)) throw error;
      problems.push({
        itemId: item.id,
        questionId: ids.get(item.id) ?? null,
        title: item.title,
        message: error.reason,
      });
    }
  }
  return problems;
}

/**
 * Checks the pages the respondent goes through, in order: the problems of the first page that has
 * any (as Forms shows them when 次へ or 送信 is pressed), with that page's index; none when every page passes.
 */
export function checkAnswers(
  emu: Emulator,
  form: RespondableForm,
  answers: Record<string, FormAnswer>,
): { problems: AnswerProblem[]; page: number } {
  const record = recordOf(emu, form.formId);
  const pages = pagesOf(record.items);
  const visited = visitedPages(record.items, answers);
  for (const index of visited) {
    const problems = pageProblems(form, pages[index] ?? [], answers);
    if (problems.length > 0) return { problems, page: index };
  }
  return { problems: [], page: visited[visited.length - 1] ?? 0 };
}

/** Checks one page only (the studio's 次へ) and says which page comes next: an index, or 'submit'. */
export function checkPage(
  emu: Emulator,
  form: RespondableForm,
  answers: Record<string, FormAnswer>,
  page: number,
): { problems: AnswerProblem[]; next: number | 'submit' } {
  const record = recordOf(emu, form.formId);
  const pages = pagesOf(record.items);
  const problems = pageProblems(form, pages[page] ?? [], answers);
  // The path from the first page with these answers: the page after this one on it.
  const path = visitedPages(record.items, answers);
  const at = path.indexOf(page);
  const next = at >= 0 && at + 1 < path.length ? (path[at + 1] as number) : 'submit';
  return { problems, next };
}

/**
 * Submits the answers as a respondent: refused with every problem of the first failing page (nothing
 * stored), else stored in the form — the linked response sheet gains its row and the spreadsheet's
 * form-submit triggers run.
 */
export function submitAnswers(
  emu: Emulator,
  form: RespondableForm,
  answers: Record<string, FormAnswer>,
  options: { timestamp?: Date } = {},
): Submission {
  const record = recordOf(emu, form.formId);
  if (!record.published || !record.acceptingResponses) {
    return {
      ok: false,
      page: 0,
      problems: [
        {
          itemId: 0,
          questionId: null,
          title: record.title,
          message: `フォーム「${record.title}」は回答を受け付けていません / the form "${record.title}" is not accepting responses`,
        },
      ],
    };
  }
  const checked = checkAnswers(emu, form, answers);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems, page: checked.page };
  const response = emu.forms.submit(form.formId, answers, options);
  return { ok: true, response, confirmationMessage: record.confirmationMessage, page: checked.page };
}
