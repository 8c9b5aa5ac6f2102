/** Defines readSurveyDefinition: the rows of アンケート定義 → forms (sections, questions, settings per language) with every issue found. */
import { detectHeader } from '../sheets/detect';
import { mappingFromDetection, type ColumnMapping } from '../sheets/mapping';
import { parseRows } from '../sheets/rows';
import { settingsList, type Settings } from '../sheets/settings';
import { kindFromName, SHEET_SPECS, splitPatternKey } from '../sheets/specs';
import { normalizeText } from '../text/normalize';
import { checkForms } from './check';
import { compareLanguages, JAPANESE, languageName } from './languages';
import {
  parseBranches,
  parseGrid,
  parseIndicatorIds,
  parseRule,
  parseScale,
  rawText,
  settingsListRef,
  splitChoices,
  type BranchEntry,
} from './syntax';
import {
  BRANCHING_KINDS,
  CHOICE_KINDS,
  GRID_KINDS,
  type AnswerDestination,
  type BranchTarget,
  type ChoiceSet,
  type FormDef,
  type GridSpec,
  type QuestionDef,
  type QuestionKind,
  type ScaleSpec,
  type SectionDef,
  type SurveyDefinition,
  type SurveyIssue,
  type Texts,
  type ValidationRule,
} from './types';
import { parseRequired, surveyRowTypeOf, typeKey, type SettingType } from './words';
import { checkYasashiiRows } from './yasashii';

export interface SurveySheetInput {
  /** getValues of the used range, from row 1 (CellValue[][]). */
  readonly values: readonly (readonly unknown[])[];
  /** The confirmed or detected mapping of the sheet; detected from the first 10 rows when absent. */
  readonly mapping?: ColumnMapping | null;
  /** 設定, for choices written as 設定:圏域. */
  readonly settings: Settings;
  /** The IDs of 指標定義, to check 指標; null when there is no 指標定義 sheet (then 指標 is not checked). */
  readonly indicatorIds?: readonly string[] | null;
  /** The sheet's name, for messages. */
  readonly sheetName?: string;
}

/** The columns of アンケート定義 as the sheet writes them, for messages. */
export class SurveyColumns {
  private readonly written = new Map<string, string>();

  constructor(
    readonly mapping: ColumnMapping,
    headerRow: readonly unknown[],
  ) {
    for (const [key, index] of Object.entries(mapping.columns)) {
      const cell = headerRow[index];
      this.written.set(key, typeof cell === 'string' && cell.trim() !== '' ? cell.trim() : '');
    }
  }

  /** The header of a key as written in the sheet; the canonical header ('設問[en]') when the column is absent. */
  header(key: string): string {
    const written = this.written.get(key);
    if (written) return written;
    const parts = splitPatternKey(key);
    const base = SHEET_SPECS.surveys.columns.find((c) => c.key === (parts ? parts.key : key));
    const name = base?.header ?? key;
    return parts ? `${name}[${parts.capture === 'ja-yasashii' ? 'やさしい' : parts.capture}]` : name;
  }

  has(key: string): boolean {
    return this.mapping.columns[key] !== undefined;
  }

  /** The languages (other than Japanese) with at least one column. */
  languages(): string[] {
    const out: string[] = [];
    for (const key of Object.keys(this.mapping.columns)) {
      const parts = splitPatternKey(key);
      if (parts && parts.capture !== JAPANESE && out.indexOf(parts.capture) < 0) out.push(parts.capture);
    }
    return out.sort(compareLanguages);
  }
}

/** Collects issues with the row's form name attached. */
export class IssueList {
  readonly items: SurveyIssue[] = [];

  add(
    code: string,
    severity: SurveyIssue['severity'],
    row: number,
    column: string,
    form: string | null,
    ja: string,
    en: string,
  ): void {
    this.items.push({ code, severity, row, column, form, message: { ja, en } });
  }
}

/** 設定 lists of place names. */
const PLACE_LISTS: ReadonlySet<string> = new Set(['圏域', '地区', '町名']);

const SETTING_WHAT: Readonly<Record<string, { ja: string; en: string }>> = {
  タイトル: { ja: 'タイトル', en: 'the title' },
  フォームの説明: { ja: 'フォームの説明', en: 'the form description' },
  確認メッセージ: { ja: '確認メッセージ', en: 'the confirmation message' },
  個人情報の取扱い: { ja: '個人情報の取扱い', en: 'the personal-information notice' },
};
const SECTION_TITLE = (name: string) => ({
  ja: `セクション「${name}」の見出し`,
  en: `the heading of section 「${name}」`,
});
const SECTION_HELP = (name: string) => ({
  ja: `セクション「${name}」の説明`,
  en: `the description of section 「${name}」`,
});

/** One row as read, before the form it belongs to is put together. */
interface RowRead {
  readonly row: number;
  readonly fields: Record<string, unknown>;
  readonly type: QuestionKind | 'section' | SettingType;
}

function textOf(cell: unknown): string {
  return rawText(cell);
}

/** A cell's text per language: 'ja' from the base column, others from key.xx when non-blank. */
function textsOf(fields: Record<string, unknown>, key: string, languages: readonly string[]): Record<string, string> {
  const out: Record<string, string> = { [JAPANESE]: textOf(fields[key]) };
  for (const lang of languages) {
    const t = textOf(fields[`${key}.${lang}`]);
    if (t !== '') out[lang] = t;
  }
  return out;
}

function nameKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

const DESTINATIONS: Readonly<Record<string, AnswerDestination>> = {
  アンケート回答: 'surveyAnswers',
  アンケート: 'surveyAnswers',
  surveyanswers: 'surveyAnswers',
};

function destinationOf(text: string): AnswerDestination | null {
  const key = nameKey(text).toLowerCase();
  const direct = DESTINATIONS[key];
  if (direct) return direct;
  const kind = kindFromName(text);
  if (kind === 'volunteers') return 'volunteers';
  if (kind === 'activities') return 'activities';
  return null;
}

/**
 * Reads アンケート定義 into forms, with every issue: what could not be read (errors at the row
 * and column), what falls back (warnings: a missing translation is shown in Japanese), and
 * suggestions for the やさしい日本語 column (info). Pure; never throws on what is in the cells.
 */
export function readSurveyDefinition(input: SurveySheetInput): SurveyDefinition {
  const issues = new IssueList();
  let mapping = input.mapping ?? null;
  if (!mapping) {
    const det = detectHeader(input.values, 10, { kinds: ['surveys'] });
    if (det) mapping = mappingFromDetection(det);
  }
  if (!mapping || mapping.kind !== 'surveys') {
    issues.add(
      'survey.noHeader',
      'error',
      0,
      '',
      null,
      `${input.sheetName ?? 'アンケート定義'}に見出し行（フォーム名・種類・設問）が見つかりません`,
      `${input.sheetName ?? 'アンケート定義'} has no header row (フォーム名, 種類, 設問)`,
    );
    return { forms: [], issues: issues.items };
  }
  const columns = new SurveyColumns(mapping, input.values[mapping.headerRow - 1] ?? []);
  for (const key of ['formName', 'questionType', 'question'] as const) {
    if (!columns.has(key)) {
      issues.add(
        'survey.missingColumn',
        'error',
        mapping.headerRow,
        columns.header(key),
        null,
        `必須の列「${columns.header(key)}」がありません`,
        `The required column 「${columns.header(key)}」 is missing`,
      );
    }
  }
  if (issues.items.length > 0) return { forms: [], issues: issues.items };

  const sheetLanguages = columns.languages();
  const { records } = parseRows('surveys', mapping, input.values);
  const byForm = new Map<string, RowRead[]>();
  const formOrder: string[] = [];
  // フォーム名 written once over a form's rows — its cells merged down, or left blank below as 「同上」:
  // a blank フォーム名 under a form's rows (blank rows, and the ※ rows classifyRows sets aside, between)
  // is that form's, said once a run. 検証 reads it the same way (フォーム名 is carriedDown in its spec).
  let above: string | null = null;
  let inheriting = false;
  for (const record of records) {
    let formName = normalizeText(textOf(record.fields.formName));
    const typeText = typeKey(textOf(record.fields.questionType));
    const anything = Object.values(record.fields).some((v) => textOf(v) !== '');
    if (!anything) continue;
    if (formName === '' && above !== null) {
      if (!inheriting) {
        issues.add(
          'survey.formNameAbove',
          'info',
          record.row,
          columns.header('formName'),
          above,
          `フォーム名が空欄の行（${record.row}行目から）は、上の行と同じフォーム「${above}」の行として読みます。別のフォームならフォーム名を書いてください`,
          `Rows with a blank フォーム名 (from row ${record.row}) are read as rows of the form above, 「${above}」; write the フォーム名 if they belong to another`,
        );
      }
      formName = above;
      inheriting = true;
    } else inheriting = false;
    if (formName !== '') above = formName;
    if (formName === '') {
      issues.add(
        'survey.noFormName',
        'error',
        record.row,
        columns.header('formName'),
        null,
        'フォーム名が空です。この行がどのフォームのものか書いてください',
        'フォーム名 is blank: say which form this row belongs to',
      );
      continue;
    }
    const type = surveyRowTypeOf(typeText);
    if (type === null) {
      issues.add(
        'survey.unknownType',
        'error',
        record.row,
        columns.header('questionType'),
        formName,
        typeText === ''
          ? '種類が空です。短文・段落・単一選択・複数選択・プルダウン・均等目盛・選択式グリッド・チェックボックスグリッド・日付・時刻・セクション のどれかを書いてください'
          : `種類「${typeText}」は使えません。短文・段落・単一選択・複数選択・プルダウン・均等目盛・選択式グリッド・チェックボックスグリッド・日付・時刻・セクション、またはフォームの設定（タイトル・フォームの説明・確認メッセージ・個人情報の取扱い・取り込み先）のどれかを書いてください`,
        typeText === ''
          ? '種類 is blank: use one of the question types or セクション (docs/forms.md)'
          : `Unknown 種類 「${typeText}」: use a question type, セクション, or a form setting (docs/forms.md)`,
      );
      continue;
    }
    let rows = byForm.get(formName);
    if (!rows) {
      rows = [];
      byForm.set(formName, rows);
      formOrder.push(formName);
    }
    rows.push({ row: record.row, fields: record.fields, type });
  }

  const forms: FormDef[] = [];
  for (const name of formOrder) {
    const form = readForm(name, byForm.get(name) as RowRead[], sheetLanguages, columns, input.settings, issues);
    if (form) forms.push(form);
  }
  checkForms(forms, columns, issues, input.indicatorIds ?? null);
  const allRows = formOrder.flatMap((form) =>
    (byForm.get(form) as RowRead[]).map((r) => ({ row: r.row, form, fields: r.fields })),
  );
  checkYasashiiRows(allRows, columns, issues);
  issues.items.sort((a, b) => a.row - b.row || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  return { forms, issues: issues.items };
}

/** The languages a form is built in: Japanese, then each language with text in any of its rows. */
function formLanguages(rows: readonly RowRead[], sheetLanguages: readonly string[]): string[] {
  const used = sheetLanguages.filter((lang) =>
    rows.some((r) =>
      ['question', 'description', 'options', 'formName', 'section'].some(
        (k) => textOf(r.fields[`${k}.${lang}`]) !== '',
      ),
    ),
  );
  return [JAPANESE, ...used];
}

function langLabel(lang: string): { ja: string; en: string } {
  const name = languageName(lang);
  return { ja: `${name.ja}（${lang === 'ja-yasashii' ? 'やさしい' : lang}）`, en: `${name.en} (${lang})` };
}

function readForm(
  name: string,
  rows: readonly RowRead[],
  sheetLanguages: readonly string[],
  columns: SurveyColumns,
  settings: Settings,
  issues: IssueList,
): FormDef | null {
  const languages = formLanguages(rows, sheetLanguages);
  const others = languages.filter((l) => l !== JAPANESE);
  const firstRow = (rows[0] as RowRead).row;
  const settingTexts: Partial<Record<SettingType, Texts>> = {};
  let destination: AnswerDestination = 'surveyAnswers';
  const sections: SectionDef[] = [];
  const sectionByKey = new Map<string, SectionDef>();
  const questionRows: RowRead[] = [];
  const sectionBranchRows = new Map<string, { row: number; entries: BranchEntry[] }>();

  for (const r of rows) {
    if (r.type === 'section') {
      const sectionName = normalizeText(textOf(r.fields.section)) || normalizeText(textOf(r.fields.question));
      if (sectionName === '') {
        issues.add(
          'survey.sectionNoName',
          'error',
          r.row,
          columns.header('section'),
          name,
          'セクションの行には、セクション名（セクション列）か見出し（設問列）を書いてください',
          'A セクション row needs a name (セクション) or a heading (設問)',
        );
        continue;
      }
      const key = nameKey(sectionName);
      if (sectionByKey.has(key) && sectionByKey.get(key)?.row !== null) {
        issues.add(
          'survey.sectionDuplicate',
          'warning',
          r.row,
          columns.header('section'),
          name,
          `セクション「${sectionName}」が2回定義されています。最初の行を使います`,
          `Section 「${sectionName}」 is defined twice; the first row is used`,
        );
        continue;
      }
      const title = textsOf(r.fields, 'question', others);
      const headed: Record<string, string> = { ...title };
      if (headed[JAPANESE] === '') headed[JAPANESE] = sectionName;
      for (const lang of others) {
        if (headed[lang] === undefined) {
          const alt = textOf(r.fields[`section.${lang}`]);
          if (alt !== '') headed[lang] = alt;
        }
      }
      const branches = parseBranches(r.fields.branch, true);
      if (!branches.ok) {
        issues.add('survey.branchSyntax', 'error', r.row, columns.header('branch'), name, branches.ja, branches.en);
      } else if (branches.value.length > 1) {
        issues.add(
          'survey.branchSyntax',
          'error',
          r.row,
          columns.header('branch'),
          name,
          'セクションの分岐には行き先を1つだけ書いてください',
          'A section goes to one place only',
        );
      } else if (branches.value.length === 1) {
        sectionBranchRows.set(key, { row: r.row, entries: branches.value });
      }
      const help = textsOf(r.fields, 'description', others);
      translationWarnings(r.row, name, headed, others, 'question', SECTION_TITLE(sectionName), columns, issues);
      translationWarnings(r.row, name, help, others, 'description', SECTION_HELP(sectionName), columns, issues);
      const def: SectionDef = { row: r.row, name: sectionName, title: headed, help, after: null };
      const existing = sectionByKey.get(key);
      if (existing) sections.splice(sections.indexOf(existing), 1, def);
      else sections.push(def);
      sectionByKey.set(key, def);
    } else if (r.type === '取り込み先') {
      const text = textOf(r.fields.question);
      const dest = destinationOf(text);
      if (!dest) {
        issues.add(
          'survey.unknownDestination',
          'error',
          r.row,
          columns.header('question'),
          name,
          `取り込み先「${text}」は使えません。ボランティア名簿・活動記録・アンケート回答 のどれかを書いてください`,
          `Unknown 取り込み先 「${text}」: use ボランティア名簿, 活動記録 or アンケート回答`,
        );
      } else destination = dest;
    } else if (
      r.type === 'タイトル' ||
      r.type === 'フォームの説明' ||
      r.type === '確認メッセージ' ||
      r.type === '個人情報の取扱い'
    ) {
      if (settingTexts[r.type]) {
        issues.add(
          'survey.settingDuplicate',
          'warning',
          r.row,
          columns.header('questionType'),
          name,
          `「${r.type}」の行が2つあります。最初の行を使います`,
          `There are two 「${r.type}」 rows; the first is used`,
        );
        continue;
      }
      const texts = textsOf(r.fields, 'question', others);
      if (texts[JAPANESE] === '') {
        issues.add(
          'survey.settingBlank',
          'warning',
          r.row,
          columns.header('question'),
          name,
          `「${r.type}」の文（設問列）が空です`,
          `The text of 「${r.type}」 (設問) is blank`,
        );
      }
      settingTexts[r.type] = texts;
      translationWarnings(
        r.row,
        name,
        texts,
        others,
        'question',
        SETTING_WHAT[r.type] as { ja: string; en: string },
        columns,
        issues,
      );
    } else {
      questionRows.push(r);
      const sectionName = normalizeText(textOf(r.fields.section));
      if (sectionName !== '' && !sectionByKey.has(nameKey(sectionName))) {
        // Named only in questions: a section without a description, titled by its name.
        const def: SectionDef = {
          row: null,
          name: sectionName,
          title: { [JAPANESE]: sectionName },
          help: { [JAPANESE]: '' },
          after: null,
        };
        sections.push(def);
        sectionByKey.set(nameKey(sectionName), def);
      }
    }
  }

  // Where each section goes next: resolved once every section is known.
  const resolved = new Map<SectionDef, BranchTarget | null>();
  for (const [key, { row, entries }] of sectionBranchRows) {
    const target = resolveTarget(
      (entries[0] as BranchEntry).target,
      row,
      name,
      sectionByKey,
      questionRows,
      sections,
      columns,
      issues,
    );
    const section = sectionByKey.get(key) as SectionDef;
    resolved.set(section, target);
  }
  const finalSections = sections.map((s) => (resolved.has(s) ? { ...s, after: resolved.get(s) ?? null } : s));
  const finalByKey = new Map(finalSections.map((s) => [nameKey(s.name), s] as const));
  const last = finalSections[finalSections.length - 1];
  if (last && last.after && last.after.kind === 'section') {
    issues.add(
      'survey.branchAfterLast',
      'error',
      last.row ?? firstRow,
      columns.header('branch'),
      name,
      `最後のセクション「${last.name}」の後は必ず送信になります。分岐で他のセクションへは進めません`,
      `The last section 「${last.name}」 always ends with submitting; it cannot go to another section`,
    );
  }

  const questions: QuestionDef[] = [];
  for (const r of questionRows) {
    const q = readQuestion(r, name, others, settings, finalByKey, questionRows, finalSections, columns, issues);
    if (q) questions.push(q);
  }
  // Page order: the questions of the first page (no section), then each section's in section order.
  const order = new Map<string | null, number>([[null, -1]]);
  finalSections.forEach((s, i) => order.set(s.name, i));
  const grouped = questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (order.get(a.q.section) as number) - (order.get(b.q.section) as number) || a.i - b.i)
    .map(({ q }) => q);

  if (grouped.length === 0) {
    issues.add(
      'survey.noQuestions',
      'error',
      firstRow,
      columns.header('formName'),
      name,
      `フォーム「${name}」に設問がありません`,
      `The form 「${name}」 has no questions`,
    );
  }

  const title: Record<string, string> = settingTexts['タイトル']
    ? { ...settingTexts['タイトル'] }
    : { [JAPANESE]: name };
  if (title[JAPANESE] === '') title[JAPANESE] = name;
  if (!settingTexts['タイトル']) {
    for (const lang of others) {
      const t = rows.map((r) => textOf(r.fields[`formName.${lang}`])).find((x) => x !== '');
      if (t) title[lang] = t;
      else {
        const label = langLabel(lang);
        issues.add(
          'survey.translationMissing',
          'warning',
          firstRow,
          columns.header(`formName.${lang}`),
          name,
          `${label.ja}のタイトルがありません（タイトルの行か「${columns.header(`formName.${lang}`)}」）。日本語のタイトルを使います`,
          `No ${label.en} title (a タイトル row or 「${columns.header(`formName.${lang}`)}」); the Japanese title is used`,
        );
      }
    }
  }
  const empty: Texts = { [JAPANESE]: '' };
  return {
    name,
    row: firstRow,
    title,
    description: settingTexts['フォームの説明'] ?? empty,
    confirmation: settingTexts['確認メッセージ'] ?? empty,
    privacyNotice: settingTexts['個人情報の取扱い'] ?? empty,
    destination,
    languages: languages.slice().sort(compareLanguages),
    sections: finalSections,
    questions: destination === 'surveyAnswers' ? withAreaColumn(grouped) : grouped,
  };
}

/** アンケート回答's 圏域 column, by which 指標サマリー breaks a survey's answers down by area (docs/summary.md). */
const AREA_COLUMN = '圏域';

/**
 * The question of a resident survey that asks the 圏域 from 設定's list (選択肢 「設定:圏域」) fills
 * アンケート回答's 圏域 column whatever its 設問ID (Ｑ２ …), as if its 登録先 said 圏域 — unless it has a
 * 登録先, another question is 圏域 already, or two questions ask it (then staff say which by 登録先).
 */
function withAreaColumn(questions: readonly QuestionDef[]): QuestionDef[] {
  const named = (text: string | null) => text !== null && nameKey(text) === AREA_COLUMN;
  if (questions.some((q) => named(q.id) || named(q.target))) return [...questions];
  const asking = questions.filter((q) => q.target === null && named(q.choices?.fromSettings ?? null));
  if (asking.length !== 1) return [...questions];
  return questions.map((q) => (q === asking[0] ? { ...q, target: AREA_COLUMN } : q));
}

/** Checks a branch target against the form's sections; null for 'next'. */
function resolveTarget(
  target: BranchTarget,
  row: number,
  form: string,
  sectionByKey: ReadonlyMap<string, SectionDef>,
  questionRows: readonly RowRead[],
  sections: readonly SectionDef[],
  columns: SurveyColumns,
  issues: IssueList,
): BranchTarget | null {
  if (target.kind === 'next') return null;
  if (target.kind === 'submit') return target;
  const section = sectionByKey.get(nameKey(target.name));
  if (!section) {
    const known = sections.map((s) => `「${s.name}」`).join('') || 'なし';
    issues.add(
      'survey.branchMissingSection',
      'error',
      row,
      columns.header('branch'),
      form,
      `分岐の行き先「${target.name}」というセクションがありません（このフォームのセクション: ${known}）。セクション名か「送信」を書いてください`,
      `The branch goes to 「${target.name}」, which is not a section of this form; write a section name or 「送信」`,
    );
    return null;
  }
  // The first page has no page break to jump to: it is either the unsectioned questions or the first section.
  const hasUnsectioned = questionRows.some((r) => normalizeText(textOf(r.fields.section)) === '');
  if (!hasUnsectioned && sections[0] === section) {
    issues.add(
      'survey.branchToStart',
      'error',
      row,
      columns.header('branch'),
      form,
      `最初のセクション「${section.name}」へは分岐できません（フォームの最初のページです）`,
      `A branch cannot go to the first section 「${section.name}」: it is the form's first page`,
    );
    return null;
  }
  return { kind: 'section', name: section.name };
}

function translationWarnings(
  row: number,
  form: string,
  texts: Texts,
  others: readonly string[],
  key: string,
  what: { ja: string; en: string },
  columns: SurveyColumns,
  issues: IssueList,
): void {
  if (texts[JAPANESE] === '') return;
  for (const lang of others) {
    if (texts[lang] !== undefined) continue;
    const label = langLabel(lang);
    issues.add(
      'survey.translationMissing',
      'warning',
      row,
      columns.header(`${key}.${lang}`),
      form,
      `${label.ja}の${what.ja}がありません。日本語で表示します`,
      `No ${label.en} text for ${what.en}; it is shown in Japanese`,
    );
  }
}

/**
 * A single-choice or drop-down question written with 「・」 between its choices and no other separator
 * (「10代・20代・30代」): one choice would make no question, so 「・」 separates them. Elsewhere 「・」
 * stays inside a choice (「社協だより・チラシ」 among choices separated by 、 or line breaks).
 */
function dotSeparated(kind: QuestionKind, choices: readonly string[]): string[] | null {
  if (!BRANCHING_KINDS.has(kind) || choices.length !== 1) return null;
  const parts = (choices[0] as string)
    .split(/[・･]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts.length > 1 ? parts : null;
}

function readQuestion(
  r: RowRead,
  form: string,
  others: readonly string[],
  settings: Settings,
  sectionByKey: ReadonlyMap<string, SectionDef>,
  questionRows: readonly RowRead[],
  sections: readonly SectionDef[],
  columns: SurveyColumns,
  issues: IssueList,
): QuestionDef | null {
  const kind = r.type as QuestionKind;
  const id = normalizeText(textOf(r.fields.questionId));
  const title = textsOf(r.fields, 'question', others);
  const help = textsOf(r.fields, 'description', others);
  let broken = false;
  if (id === '') {
    issues.add(
      'survey.noQuestionId',
      'error',
      r.row,
      columns.header('questionId'),
      form,
      '設問IDを入力してください。フォームを作り直しても同じ設問として回答を読むための、変えない名前です（例: 年代、Q01）',
      'Give the question a 設問ID: the fixed name that keeps its answers together when the form is rebuilt (e.g. 年代, Q01)',
    );
    broken = true;
  }
  if (title[JAPANESE] === '') {
    issues.add(
      'survey.noQuestionText',
      'error',
      r.row,
      columns.header('question'),
      form,
      '設問の文が空です',
      'The question text (設問) is blank',
    );
    broken = true;
  }
  const requiredCell = r.fields.required;
  const yn = parseRequired(requiredCell);
  if (yn.status === 'unrecognised') {
    issues.add(
      'survey.requiredUnclear',
      'warning',
      r.row,
      columns.header('required'),
      form,
      `必須「${textOf(requiredCell)}」が読めません。「はい」「○」「●」か、空欄（必須でない）で書いてください（必須でない設問として作ります）`,
      `必須 「${textOf(requiredCell)}」 cannot be read: write はい, ○ or ●, or leave it blank (the question is made optional)`,
    );
  }
  const required = yn.status === 'yes';

  let choices: ChoiceSet | null = null;
  let scale: ScaleSpec | null = null;
  let grid: GridSpec | null = null;
  const missing = new Map<string, string[]>();
  const note = (lang: string, what: string): void => {
    const list = missing.get(lang) ?? [];
    if (list.indexOf(what) < 0) list.push(what);
    missing.set(lang, list);
  };
  for (const lang of others) {
    if (title[JAPANESE] !== '' && title[lang] === undefined) note(lang, '設問');
    if (help[JAPANESE] !== '' && help[lang] === undefined) note(lang, '説明');
  }

  if (CHOICE_KINDS.has(kind)) {
    const values: Record<string, string[]> = {};
    const ref = settingsListRef(r.fields.options);
    if (ref !== null) {
      const list = settingsList(settings, ref);
      if (list === null) {
        issues.add(
          'survey.settingsListMissing',
          'error',
          r.row,
          columns.header('options'),
          form,
          settings.noSettingsSheet === true
            ? `設定シートがまだないため「${ref}」の一覧がありません。「シート準備」で設定シートを作って「${ref}」の行を書くか、選択肢を書いてください`
            : `設定シートに「${ref}」の一覧がありません。設定に「${ref}」の行を加えるか、選択肢を書いてください`,
          settings.noSettingsSheet === true
            ? `There is no 設定 sheet yet, so no list named 「${ref}」: create 設定 with シート準備 (Set up) and add a 「${ref}」 row, or write the choices`
            : `設定 has no list named 「${ref}」: add a 「${ref}」 row to 設定 or write the choices`,
        );
        broken = true;
      }
      values[JAPANESE] = list ?? [];
    } else {
      values[JAPANESE] = splitChoices(r.fields.options);
      const dotted = dotSeparated(kind, values[JAPANESE]);
      if (dotted) {
        values[JAPANESE] = dotted;
        issues.add(
          'survey.choicesByDot',
          'info',
          r.row,
          columns.header('options'),
          form,
          `選択肢を「・」で区切って${dotted.length}個（${dotted.join('／')}）として作ります。1つの選択肢なら、ほかの選択肢と改行で区切って書いてください`,
          `The choices are read as ${dotted.length}, separated by 「・」 (${dotted.join(' / ')}). If it is one choice, write the others on lines of their own`,
        );
      }
    }
    if (values[JAPANESE].length === 0 && !broken) {
      issues.add(
        'survey.noChoices',
        'error',
        r.row,
        columns.header('options'),
        form,
        `${textOf(r.fields.questionType)}の設問に選択肢がありません。選択肢を1行に1つ（または「、」で区切って）書いてください`,
        'A choice question needs choices: one per line (or separated by 、)',
      );
      broken = true;
    }
    for (const lang of others) {
      const translated = splitChoices(r.fields[`options.${lang}`]);
      if (translated.length === 0) {
        // Place names from 設定 (圏域, 地区, 町名) are proper nouns: shown as they are in every language.
        if (values[JAPANESE].length > 0 && !(ref !== null && PLACE_LISTS.has(ref))) note(lang, '選択肢');
        continue;
      }
      if (translated.length !== values[JAPANESE].length) {
        const label = langLabel(lang);
        issues.add(
          'survey.translationChoiceCount',
          'warning',
          r.row,
          columns.header(`options.${lang}`),
          form,
          `${label.ja}の選択肢が${translated.length}個で、日本語の${values[JAPANESE].length}個と合いません。1行に1つずつ、日本語と同じ順に書いてください（それまでは日本語の選択肢で表示します）`,
          `${label.en} has ${translated.length} choices but Japanese has ${values[JAPANESE].length}: write one per line in the Japanese order (until then the Japanese choices are shown)`,
        );
        continue;
      }
      values[lang] = translated;
    }
    const goTo = readBranches(r, form, kind, values[JAPANESE], sectionByKey, questionRows, sections, columns, issues);
    choices = { values, fromSettings: ref, goTo };
  } else if (textOf(r.fields.branch) !== '') {
    issues.add(
      'survey.branchNotAllowed',
      'error',
      r.row,
      columns.header('branch'),
      form,
      '分岐は単一選択とプルダウンの設問にだけ書けます（Google フォームの決まり）',
      'Only 単一選択 and プルダウン questions can branch (a Google Forms rule)',
    );
  }

  if (kind === 'scale') {
    const read = parseScale(r.fields.options);
    if (!read.ok) {
      issues.add('survey.badScale', 'error', r.row, columns.header('options'), form, read.ja, read.en);
      broken = true;
    } else {
      const { low, high } = read.value;
      const lowLabel: Record<string, string> = { [JAPANESE]: read.value.lowLabel };
      const highLabel: Record<string, string> = { [JAPANESE]: read.value.highLabel };
      for (const lang of others) {
        const cell = r.fields[`options.${lang}`];
        if (textOf(cell) === '') {
          if (read.value.lowLabel !== '' || read.value.highLabel !== '') note(lang, '選択肢');
          continue;
        }
        const t = parseScale(cell);
        if (!t.ok || t.value.low !== low || t.value.high !== high) {
          const label = langLabel(lang);
          issues.add(
            'survey.translationScale',
            'warning',
            r.row,
            columns.header(`options.${lang}`),
            form,
            `${label.ja}の目盛は日本語と同じ「${low}〜${high}」で、ラベルだけ訳してください（日本語のラベルを使います）`,
            `${label.en}: keep the scale 「${low}〜${high}」 and translate only the labels (the Japanese labels are used)`,
          );
          continue;
        }
        lowLabel[lang] = t.value.lowLabel;
        highLabel[lang] = t.value.highLabel;
      }
      scale = { low, high, lowLabel, highLabel };
    }
  }

  if (GRID_KINDS.has(kind)) {
    const read = parseGrid(r.fields.options);
    if (!read.ok) {
      issues.add('survey.badGrid', 'error', r.row, columns.header('options'), form, read.ja, read.en);
      broken = true;
    } else {
      const rows: Record<string, string[]> = { [JAPANESE]: read.value.rows };
      const cols: Record<string, string[]> = { [JAPANESE]: read.value.columns };
      for (const lang of others) {
        const cell = r.fields[`options.${lang}`];
        if (textOf(cell) === '') {
          note(lang, '選択肢');
          continue;
        }
        const t = parseGrid(cell);
        if (
          !t.ok ||
          t.value.rows.length !== read.value.rows.length ||
          t.value.columns.length !== read.value.columns.length
        ) {
          const label = langLabel(lang);
          issues.add(
            'survey.translationGrid',
            'warning',
            r.row,
            columns.header(`options.${lang}`),
            form,
            `${label.ja}のグリッドは日本語と同じ数の行（${read.value.rows.length}）と列（${read.value.columns.length}）で書いてください（日本語で表示します）`,
            `${label.en}: give the grid as many rows (${read.value.rows.length}) and columns (${read.value.columns.length}) as the Japanese (it is shown in Japanese)`,
          );
          continue;
        }
        rows[lang] = t.value.rows;
        cols[lang] = t.value.columns;
      }
      grid = { rows, columns: cols };
    }
  }

  let rule: ValidationRule | null = null;
  const ruleRead = parseRule(r.fields.validation);
  if (!ruleRead.ok) {
    issues.add('survey.badRule', 'error', r.row, columns.header('validation'), form, ruleRead.ja, ruleRead.en);
    broken = true;
  } else rule = ruleRead.value;

  for (const [lang, what] of missing) {
    const label = langLabel(lang);
    const firstKey = what[0] === '設問' ? 'question' : what[0] === '説明' ? 'description' : 'options';
    issues.add(
      'survey.translationMissing',
      'warning',
      r.row,
      columns.header(`${firstKey}.${lang}`),
      form,
      `${label.ja}の${what.join('・')}がありません。日本語で表示します`,
      `No ${label.en} ${what.map((w) => (w === '設問' ? 'question text' : w === '説明' ? 'description' : 'choices')).join(', ')}; shown in Japanese`,
    );
  }

  if (broken) return null;
  const target = textOf(r.fields.target);
  return {
    row: r.row,
    id,
    kind,
    section:
      normalizeText(textOf(r.fields.section)) === ''
        ? null
        : (sectionByKey.get(nameKey(textOf(r.fields.section)))?.name ?? null),
    title,
    help,
    required,
    choices,
    scale,
    grid,
    rule,
    indicators: parseIndicatorIds(r.fields.indicator),
    target: target === '' ? null : normalizeText(target),
  };
}

function readBranches(
  r: RowRead,
  form: string,
  kind: QuestionKind,
  choices: readonly string[],
  sectionByKey: ReadonlyMap<string, SectionDef>,
  questionRows: readonly RowRead[],
  sections: readonly SectionDef[],
  columns: SurveyColumns,
  issues: IssueList,
): (BranchTarget | null)[] {
  const goTo: (BranchTarget | null)[] = choices.map(() => null);
  const parsed = parseBranches(r.fields.branch, false);
  if (!parsed.ok) {
    issues.add('survey.branchSyntax', 'error', r.row, columns.header('branch'), form, parsed.ja, parsed.en);
    return goTo;
  }
  if (parsed.value.length === 0) return goTo;
  if (!BRANCHING_KINDS.has(kind)) {
    issues.add(
      'survey.branchNotAllowed',
      'error',
      r.row,
      columns.header('branch'),
      form,
      '分岐は単一選択とプルダウンの設問にだけ書けます（Google フォームの決まり）',
      'Only 単一選択 and プルダウン questions can branch (a Google Forms rule)',
    );
    return goTo;
  }
  const keys = choices.map((c) => nameKey(c));
  const seen = new Set<number>();
  for (const entry of parsed.value) {
    const index = keys.indexOf(nameKey(entry.choice as string));
    if (index < 0) {
      issues.add(
        'survey.branchUnknownChoice',
        'error',
        r.row,
        columns.header('branch'),
        form,
        `分岐の「${entry.choice as string}」は選択肢にありません（選択肢: ${choices.map((c) => `「${c}」`).join('')}）`,
        `The branch names 「${entry.choice as string}」, which is not one of the choices`,
      );
      continue;
    }
    if (seen.has(index)) {
      issues.add(
        'survey.branchDuplicate',
        'error',
        r.row,
        columns.header('branch'),
        form,
        `選択肢「${choices[index] as string}」の分岐が2つあります`,
        `The choice 「${choices[index] as string}」 has two branches`,
      );
      continue;
    }
    seen.add(index);
    goTo[index] = resolveTarget(entry.target, r.row, form, sectionByKey, questionRows, sections, columns, issues);
  }
  return goTo;
}
