/** Defines the platform-neutral form spec: one form in one language, item by item, as the Forms adapter, the studio and the CLI build it. */
import { JAPANESE } from './languages';
import { respondentMessage, type RespondentMessageKey } from './messages';
import { targetColumn } from './targets';
import type { BranchTarget, FormDef, QuestionDef, QuestionKind, RuleName, SectionDef, Texts, TextLists } from './types';

export type SpecItemType = QuestionKind | 'section' | 'header';

/** Where a choice or a section leads: a section item's key, 'submit', or null for "the next section". */
export type SpecGoTo = string | null;

export interface SpecChoice {
  readonly value: string;
  readonly goTo: SpecGoTo;
}

/** A validation any form platform can apply; message is what respondents see, in the form's language. */
export type SpecValidation =
  | { readonly kind: 'email'; readonly rule: RuleName; readonly message: string }
  | { readonly kind: 'pattern'; readonly rule: RuleName; readonly pattern: string; readonly message: string }
  | {
      readonly kind: 'number';
      readonly rule: RuleName;
      readonly min: number | null;
      readonly max: number | null;
      readonly integer: boolean;
      readonly message: string;
    }
  | {
      readonly kind: 'length';
      readonly rule: RuleName;
      readonly min: number | null;
      readonly max: number | null;
      readonly message: string;
    }
  | {
      readonly kind: 'select';
      readonly rule: RuleName;
      readonly min: number | null;
      readonly max: number | null;
      readonly message: string;
    }
  | { readonly kind: 'onePerColumn'; readonly rule: RuleName; readonly message: string };

export interface SpecItem {
  /** Stable across languages and rebuilds: the 設問ID for a question, 'section:<name>' for a section, 'notice' for the privacy notice. */
  readonly key: string;
  readonly questionId: string | null;
  readonly type: SpecItemType;
  readonly title: string;
  readonly helpText: string;
  readonly required: boolean;
  /** The section (by name) the item is in; a section item names itself; null on the first page. */
  readonly section: string | null;
  readonly choices?: readonly SpecChoice[];
  readonly rows?: readonly string[];
  readonly columns?: readonly string[];
  readonly scale?: {
    readonly low: number;
    readonly high: number;
    readonly lowLabel: string;
    readonly highLabel: string;
  };
  readonly validation?: SpecValidation | null;
  /** Sections only: where the respondent goes after this section (null: the next one; 'submit'). */
  readonly next?: SpecGoTo;
  /** Sections only: the section the form opens with, shown as a heading on the first page rather than a new page. */
  readonly firstPage?: boolean;
}

export interface FormSpec {
  /** フォーム名: the form's key in アンケート定義. */
  readonly name: string;
  readonly language: string;
  readonly title: string;
  readonly description: string;
  readonly confirmationMessage: string;
  readonly items: readonly SpecItem[];
}

/** The key of a section's item. */
export function sectionKey(name: string): string {
  return `section:${name}`;
}

export const NOTICE_KEY = 'notice';

function pick(texts: Texts, language: string): string {
  const t = texts[language];
  return t !== undefined && t !== '' ? t : (texts[JAPANESE] ?? '');
}

function pickList(lists: TextLists, language: string): readonly string[] {
  return lists[language] ?? lists[JAPANESE] ?? [];
}

function goToOf(target: BranchTarget | null): SpecGoTo {
  if (!target || target.kind === 'next') return null;
  return target.kind === 'submit' ? 'submit' : sectionKey(target.name);
}

const PHONE_PATTERN = '^[+＋]?[0-9０-９][0-9０-９()（）\\-－‐ー ]{8,18}$';
const POSTAL_PATTERN = '^〒?\\s?[0-9０-９]{3}[-－‐ー]?[0-9０-９]{4}$';
/** Kana of either kind (and half-width), spaces and ー: hiragana furigana arrives and is flagged on import, never refused. */
const KANA_PATTERN = '^[ァ-ヶぁ-ゖーｦ-ﾟ・･ 　]+$';
/** RE2 refuses repeat counts above 1000, so a length range with a larger upper bound cannot be a pattern. */
export const PATTERN_REPEAT_MAX = 1000;

function message(
  q: QuestionDef,
  language: string,
  key: RespondentMessageKey,
  values: { min?: number; max?: number; n?: number } = {},
): string {
  const own = q.rule?.message ?? null;
  // Staff's own message is Japanese: it replaces Tsunagu's for the Japanese form only.
  if (own !== null && language === JAPANESE) return own;
  return respondentMessage(language, key, values);
}

/** The validation of a question in one language, or null. */
export function specValidation(q: QuestionDef, language: string): SpecValidation | null {
  const rule = q.rule;
  if (!rule) return null;
  switch (rule.rule) {
    case 'メール':
      return { kind: 'email', rule: rule.rule, message: message(q, language, 'email') };
    case '電話':
      return { kind: 'pattern', rule: rule.rule, pattern: PHONE_PATTERN, message: message(q, language, 'phone') };
    case '郵便番号':
      return { kind: 'pattern', rule: rule.rule, pattern: POSTAL_PATTERN, message: message(q, language, 'postal') };
    case 'カタカナ':
      return { kind: 'pattern', rule: rule.rule, pattern: KANA_PATTERN, message: message(q, language, 'kana') };
    case '正規表現':
      return { kind: 'pattern', rule: rule.rule, pattern: rule.pattern, message: message(q, language, 'pattern') };
    case '各列1つまで':
      return { kind: 'onePerColumn', rule: rule.rule, message: message(q, language, 'onePerColumn') };
    case '数値':
    case '整数': {
      const { min, max } = rule;
      const key: RespondentMessageKey =
        min !== null && max !== null
          ? 'numberBetween'
          : min !== null
            ? 'numberAtLeast'
            : max !== null
              ? 'numberAtMost'
              : rule.rule === '整数'
                ? 'integer'
                : 'number';
      return {
        kind: 'number',
        rule: rule.rule,
        min,
        max,
        integer: rule.rule === '整数',
        message: message(q, language, key, { min: min ?? undefined, max: max ?? undefined }),
      };
    }
    case '文字数': {
      const { min, max } = rule;
      const key: RespondentMessageKey =
        min !== null && max !== null ? 'lengthBetween' : min !== null ? 'lengthAtLeast' : 'lengthAtMost';
      const text = message(q, language, key, { min: min ?? undefined, max: max ?? undefined });
      if (min !== null && max !== null) {
        return { kind: 'pattern', rule: rule.rule, pattern: `^[\\s\\S]{${min},${max}}$`, message: text };
      }
      return { kind: 'length', rule: rule.rule, min, max, message: text };
    }
    case '選択数': {
      const { min, max } = rule;
      const key: RespondentMessageKey =
        min !== null && max !== null ? 'selectExactly' : min !== null ? 'selectAtLeast' : 'selectAtMost';
      return {
        kind: 'select',
        rule: rule.rule,
        min,
        max,
        message: message(q, language, key, { n: (min ?? max) as number }),
      };
    }
  }
}

function questionItem(q: QuestionDef, language: string): SpecItem {
  const base = {
    key: q.id,
    questionId: q.id,
    type: q.kind,
    title: pick(q.title, language),
    helpText: pick(q.help, language),
    required: q.required,
    section: q.section,
    validation: specValidation(q, language),
  };
  if (q.choices) {
    const values = pickList(q.choices.values, language);
    const goTo = q.choices.goTo;
    return { ...base, choices: values.map((value, i) => ({ value, goTo: goToOf(goTo[i] ?? null) })) };
  }
  if (q.grid)
    return { ...base, rows: [...pickList(q.grid.rows, language)], columns: [...pickList(q.grid.columns, language)] };
  if (q.scale) {
    return {
      ...base,
      scale: {
        low: q.scale.low,
        high: q.scale.high,
        lowLabel: pick(q.scale.lowLabel, language),
        highLabel: pick(q.scale.highLabel, language),
      },
    };
  }
  return base;
}

function sectionItem(s: SectionDef, language: string, firstPage: boolean): SpecItem {
  return {
    key: sectionKey(s.name),
    questionId: null,
    type: 'section',
    title: pick(s.title, language),
    helpText: pick(s.help, language),
    required: false,
    section: s.name,
    next: goToOf(s.after),
    ...(firstPage ? { firstPage: true } : {}),
  };
}

/** True when the question asks for consent to the handling of personal data (登録先 個人情報同意). */
export function isConsentQuestion(form: FormDef, q: QuestionDef): boolean {
  return (
    q.target !== null &&
    targetColumn(form.destination === 'surveyAnswers' ? 'volunteers' : form.destination, q.target)?.key === 'consent'
  );
}

/**
 * The form in one language: its questions (Japanese where a translation is missing), a section
 * item before each section's questions, and the privacy notice as a heading right before the
 * consent question (or at the start of the form when there is none).
 */
export function buildFormSpec(form: FormDef, language: string): FormSpec {
  const items: SpecItem[] = [];
  const hasFirstPage = form.questions.some((q) => q.section === null);
  const notice = pick(form.privacyNotice, language);
  const consent = form.questions.find((q) => isConsentQuestion(form, q)) ?? null;
  const noticeItem: SpecItem | null =
    notice === ''
      ? null
      : {
          key: NOTICE_KEY,
          questionId: null,
          type: 'header',
          title: respondentMessage(language, 'noticeTitle'),
          helpText: notice,
          required: false,
          section: consent
            ? consent.section
            : hasFirstPage || form.sections.length === 0
              ? null
              : (form.sections[0] as SectionDef).name,
        };
  if (noticeItem && !consent && hasFirstPage) items.push(noticeItem);
  const pushQuestions = (section: string | null): void => {
    for (const q of form.questions) {
      if (q.section !== section) continue;
      if (noticeItem && q === consent) items.push(noticeItem);
      items.push(questionItem(q, language));
    }
  };
  pushQuestions(null);
  form.sections.forEach((s, i) => {
    items.push(sectionItem(s, language, i === 0 && !hasFirstPage));
    if (noticeItem && !consent && !hasFirstPage && i === 0) items.push(noticeItem);
    pushQuestions(s.name);
  });
  return {
    name: form.name,
    language,
    title: pick(form.title, language),
    description: pick(form.description, language),
    confirmationMessage: pick(form.confirmation, language),
    items,
  };
}

/** One spec per language of the form, Japanese first. */
export function buildFormSpecs(form: FormDef): FormSpec[] {
  return form.languages.map((language) => buildFormSpec(form, language));
}

/**
 * Where each page goes after it, as Forms stores it: on the page break that follows the page
 * (PageBreakItem.setGoToPage applies to the page before the break). Keys are the section items
 * that start a new page; the value is what the page before them does.
 */
export function pageNavigation(spec: FormSpec): Map<string, SpecGoTo> {
  const out = new Map<string, SpecGoTo>();
  let current: SpecGoTo = null;
  for (const item of spec.items) {
    if (item.type !== 'section') continue;
    if (!item.firstPage) out.set(item.key, current);
    current = item.next ?? null;
  }
  return out;
}
