/** Defines the shapes of a survey definition read from アンケート定義: forms, sections, questions, rules, branches, and the issues found. */

/** Text per language: 'ja' is always there (the Japanese cell, '' when blank); other keys only when their cell has text. */
export type Texts = Readonly<Record<string, string>>;
/** A list per language (choices, grid rows): 'ja' always there; another language only when its cell has a list. */
export type TextLists = Readonly<Record<string, readonly string[]>>;

/** How a question is answered, whatever the platform (the 種類 column says it in Japanese). */
export type QuestionKind =
  | 'shortText'
  | 'paragraph'
  | 'singleChoice'
  | 'multipleChoice'
  | 'dropdown'
  | 'scale'
  | 'choiceGrid'
  | 'checkboxGrid'
  | 'date'
  | 'time';

/** The 種類 of each question kind, as staff write it. */
export const QUESTION_KIND_OF: Readonly<Record<string, QuestionKind>> = {
  短文: 'shortText',
  段落: 'paragraph',
  単一選択: 'singleChoice',
  複数選択: 'multipleChoice',
  プルダウン: 'dropdown',
  均等目盛: 'scale',
  選択式グリッド: 'choiceGrid',
  チェックボックスグリッド: 'checkboxGrid',
  日付: 'date',
  時刻: 'time',
  // Google フォーム's own names for them, as staff who made forms by hand write them (after NFKC, no spaces).
  記述式: 'shortText',
  ラジオボタン: 'singleChoice',
  チェックボックス: 'multipleChoice',
  '選択式(グリッド)': 'choiceGrid',
  'チェックボックス(グリッド)': 'checkboxGrid',
  // Survey words: 単一回答 / 複数回答 / 自由記述.
  単一回答: 'singleChoice',
  複数回答: 'multipleChoice',
  自由記述: 'paragraph',
};

/** Kinds whose answer is one or more of a list of choices. */
export const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(['singleChoice', 'multipleChoice', 'dropdown']);
/** Kinds where a choice may lead to a section (Forms: multiple choice and drop-down only). */
export const BRANCHING_KINDS: ReadonlySet<QuestionKind> = new Set(['singleChoice', 'dropdown']);
export const GRID_KINDS: ReadonlySet<QuestionKind> = new Set(['choiceGrid', 'checkboxGrid']);
export const TEXT_KINDS: ReadonlySet<QuestionKind> = new Set(['shortText', 'paragraph']);

/** The 入力規則 names staff write (docs/forms.md). */
export type RuleName =
  'メール' | '電話' | '郵便番号' | 'カタカナ' | '数値' | '整数' | '文字数' | '正規表現' | '選択数' | '各列1つまで';

/** A 入力規則 as read: which rule, its bounds or pattern, and the message staff wrote (if any). */
export type ValidationRule =
  | { readonly rule: 'メール' | '電話' | '郵便番号' | 'カタカナ' | '各列1つまで'; readonly message: string | null }
  | {
      readonly rule: '数値' | '整数' | '文字数' | '選択数';
      readonly min: number | null;
      readonly max: number | null;
      readonly message: string | null;
    }
  | { readonly rule: '正規表現'; readonly pattern: string; readonly message: string | null };

/** Where a respondent goes: a section (by its name), the end of the form, or simply on. */
export type BranchTarget =
  { readonly kind: 'section'; readonly name: string } | { readonly kind: 'submit' } | { readonly kind: 'next' };

/** Where an answer ends up when the answers are brought back (取り込み先). */
export type AnswerDestination = 'volunteers' | 'activities' | 'surveyAnswers';

export interface ChoiceSet {
  /** The choices per language; translations have the same length as 'ja' (else they were dropped with a warning). */
  readonly values: TextLists;
  /** '設定:圏域' — the list came from 設定 and follows it. */
  readonly fromSettings: string | null;
  /** Per Japanese choice, where it leads; all null when the question does not branch. */
  readonly goTo: readonly (BranchTarget | null)[];
}

export interface ScaleSpec {
  readonly low: number;
  readonly high: number;
  readonly lowLabel: Texts;
  readonly highLabel: Texts;
}

export interface GridSpec {
  readonly rows: TextLists;
  readonly columns: TextLists;
}

export interface QuestionDef {
  /** 1-based sheet row. */
  readonly row: number;
  /** 設問ID: the stable key of the question across languages, edits and re-builds. */
  readonly id: string;
  readonly kind: QuestionKind;
  /** The section (by name) the question is in; null for the form's first page. */
  readonly section: string | null;
  readonly title: Texts;
  readonly help: Texts;
  readonly required: boolean;
  readonly choices: ChoiceSet | null;
  readonly scale: ScaleSpec | null;
  readonly grid: GridSpec | null;
  readonly rule: ValidationRule | null;
  /** 指標 IDs this question feeds (指標定義). */
  readonly indicators: readonly string[];
  /** 登録先: the column of the destination sheet the answer fills; null when not given. */
  readonly target: string | null;
}

export interface SectionDef {
  /** The row of its セクション line; null for a section only named in questions' セクション cells. */
  readonly row: number | null;
  /** The name in the セクション column: the key questions and branches use. */
  readonly name: string;
  /** Shown to respondents: 設問 of the セクション row (the name when blank), and translations. */
  readonly title: Texts;
  readonly help: Texts;
  /** Where the respondent goes after this section (分岐 of the セクション row); null = the next section. */
  readonly after: BranchTarget | null;
}

export interface FormDef {
  /** フォーム名 as written: the form's key in アンケート定義 and フォーム一覧. */
  readonly name: string;
  /** The first row of the form in the sheet. */
  readonly row: number;
  /** What respondents see as the title (タイトル row; フォーム名 and フォーム名[xx] otherwise). */
  readonly title: Texts;
  readonly description: Texts;
  readonly confirmation: Texts;
  /** The personal-information notice (個人情報の取扱い row). */
  readonly privacyNotice: Texts;
  readonly destination: AnswerDestination;
  /** Languages the form is built in: 'ja' first, then every language with text in one of its rows. */
  readonly languages: readonly string[];
  /** Sections in the order they appear. */
  readonly sections: readonly SectionDef[];
  /** Questions grouped by section, in sheet order within a section. */
  readonly questions: readonly QuestionDef[];
}

/** A finding about the definition, at a row and column of アンケート定義. */
export interface SurveyIssue {
  /** Stable dotted code (docs/forms.md), e.g. 'survey.branchMissingSection'. */
  readonly code: string;
  /** error: nothing is created while there is one. warning: built, with the fallback the message says. info: a suggestion (やさしい日本語). */
  readonly severity: 'error' | 'warning' | 'info';
  /** 1-based sheet row; 0 when the issue is about the sheet as a whole. */
  readonly row: number;
  /** The column header as written ('' when about the row or sheet). */
  readonly column: string;
  /** The フォーム名 of the row, when there is one. */
  readonly form: string | null;
  readonly message: { readonly ja: string; readonly en: string };
}

export interface SurveyDefinition {
  readonly forms: readonly FormDef[];
  readonly issues: readonly SurveyIssue[];
}

/** True when the issues allow building: no error among them. */
export function canBuild(issues: readonly SurveyIssue[], form?: string): boolean {
  return !issues.some((i) => i.severity === 'error' && (form === undefined || i.form === null || i.form === form));
}
