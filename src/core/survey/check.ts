/** Defines checkForms: what a definition must satisfy before any form is built — ids, choices, rules, limits, 登録先, consent, privacy. */
import { normalizeHeader, normalizeText } from '../text/normalize';
import type { IssueList, SurveyColumns } from './definition';
import { JAPANESE, languageName } from './languages';
import { FORM_LIMITS } from './limits';
import { PATTERN_REPEAT_MAX } from './spec';
import { checkPattern } from './syntax';
import {
  destinationKind,
  destinationName,
  isPersonalQuestion,
  RESERVED_VOLUNTEER_KEYS,
  SURVEY_ANSWER_FIXED_COLUMNS,
  surveyAnswerColumn,
  targetColumn,
} from './targets';
import { BRANCHING_KINDS, GRID_KINDS, type FormDef, type QuestionDef, type Texts } from './types';

function label(lang: string): { ja: string; en: string } {
  const n = languageName(lang);
  return { ja: n.ja, en: n.en };
}

/** Length as people count it: code points, so an emoji or a rare kanji counts once. */
function chars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function checkLength(
  texts: Texts,
  limit: number,
  what: { ja: string; en: string },
  row: number,
  key: string,
  form: string,
  columns: SurveyColumns,
  issues: IssueList,
): void {
  for (const [lang, text] of Object.entries(texts)) {
    const n = chars(text);
    if (n <= limit) continue;
    issues.add(
      'survey.tooLong',
      'error',
      row,
      columns.header(lang === JAPANESE ? key : `${key}.${lang}`),
      form,
      `${what.ja}が${n}文字あります。${limit}文字までにしてください（長い説明は「説明」の列へ）`,
      `${what.en} has ${n} characters; keep it to ${limit} (put long explanations in 説明)`,
    );
  }
}

/** Cross-row checks of every form; issues are added to the list. */
export function checkForms(
  forms: readonly FormDef[],
  columns: SurveyColumns,
  issues: IssueList,
  indicatorIds: readonly string[] | null,
): void {
  for (const form of forms) checkForm(form, columns, issues, indicatorIds);
}

function checkForm(
  form: FormDef,
  columns: SurveyColumns,
  issues: IssueList,
  indicatorIds: readonly string[] | null,
): void {
  const name = form.name;
  checkLength(
    form.title,
    FORM_LIMITS.formTitleChars,
    { ja: 'タイトル', en: 'The title' },
    form.row,
    'question',
    name,
    columns,
    issues,
  );
  for (const [texts, what] of [
    [form.description, { ja: 'フォームの説明', en: 'The form description' }],
    [form.confirmation, { ja: '確認メッセージ', en: 'The confirmation message' }],
    [form.privacyNotice, { ja: '個人情報の取扱い', en: 'The personal-information notice' }],
  ] as const) {
    checkLength(texts, FORM_LIMITS.helpTextChars, what, form.row, 'question', name, columns, issues);
  }
  for (const s of form.sections) {
    const row = s.row ?? form.row;
    checkLength(
      s.title,
      FORM_LIMITS.itemTitleChars,
      { ja: 'セクションの見出し', en: 'The section heading' },
      row,
      'question',
      name,
      columns,
      issues,
    );
    checkLength(
      s.help,
      FORM_LIMITS.helpTextChars,
      { ja: 'セクションの説明', en: 'The section description' },
      row,
      'description',
      name,
      columns,
      issues,
    );
  }

  const items = form.questions.length + form.sections.length + (form.privacyNotice[JAPANESE] ? 1 : 0);
  if (items > FORM_LIMITS.itemsPerForm) {
    issues.add(
      'survey.tooManyItems',
      'error',
      form.row,
      columns.header('formName'),
      name,
      `フォーム「${name}」の項目が${items}個あります。${FORM_LIMITS.itemsPerForm}個までにしてください（フォームを分けてください）`,
      `The form 「${name}」 has ${items} items; keep it to ${FORM_LIMITS.itemsPerForm} (split the form)`,
    );
  }

  const ids = new Map<string, number>();
  const titles = new Map<string, Map<string, number>>();
  const targets = new Map<string, number>();
  const branchingBySection = new Map<string | null, number>();
  for (const q of form.questions) {
    const idKey = normalizeText(q.id);
    const first = ids.get(idKey);
    const duplicate = first !== undefined;
    if (first !== undefined) {
      issues.add(
        'survey.duplicateId',
        'error',
        q.row,
        columns.header('questionId'),
        name,
        `設問ID「${q.id}」は${first}行目と同じです。フォームの中で設問IDは1つずつにしてください`,
        `設問ID 「${q.id}」 is also used on row ${first}; each question of a form needs its own`,
      );
    } else ids.set(idKey, q.row);

    for (const [lang, title] of Object.entries(q.title)) {
      const byTitle = titles.get(lang) ?? new Map<string, number>();
      titles.set(lang, byTitle);
      const seen = byTitle.get(title);
      if (seen !== undefined) {
        issues.add(
          'survey.duplicateTitle',
          'warning',
          q.row,
          columns.header(lang === JAPANESE ? 'question' : `question.${lang}`),
          name,
          `${label(lang).ja}の設問文が${seen}行目と同じです。回答シートで同じ見出しの列が2つでき、見分けにくくなります`,
          `The ${label(lang).en} question text is the same as on row ${seen}; the response sheet gets two columns with one header`,
        );
      } else byTitle.set(title, q.row);
    }

    checkLength(
      q.title,
      FORM_LIMITS.itemTitleChars,
      { ja: '設問の文', en: 'The question text' },
      q.row,
      'question',
      name,
      columns,
      issues,
    );
    checkLength(
      q.help,
      FORM_LIMITS.helpTextChars,
      { ja: '説明', en: 'The description' },
      q.row,
      'description',
      name,
      columns,
      issues,
    );
    checkChoices(q, name, columns, issues);
    checkRule(q, name, columns, issues);
    if (!duplicate) checkTarget(q, form, columns, issues, targets);

    if (q.choices && q.choices.goTo.some((g) => g !== null) && BRANCHING_KINDS.has(q.kind)) {
      const other = branchingBySection.get(q.section);
      if (other !== undefined) {
        issues.add(
          'survey.branchTwice',
          'warning',
          q.row,
          columns.header('branch'),
          name,
          `このセクションには${other}行目にも分岐する設問があります。Google フォームでは、回答された最後の分岐が行き先を決めます`,
          `Row ${other} of this section branches too; in Google Forms the last answered branching question decides`,
        );
      } else branchingBySection.set(q.section, q.row);
    }

    if (indicatorIds !== null) {
      for (const id of q.indicators) {
        if (indicatorIds.indexOf(id) >= 0) continue;
        issues.add(
          'survey.indicatorUnknown',
          'warning',
          q.row,
          columns.header('indicator'),
          name,
          `指標「${id}」は指標定義にありません`,
          `Indicator 「${id}」 is not in 指標定義`,
        );
      }
    }
  }

  if (form.destination === 'volunteers') {
    const consent = form.questions.find((q) => targetColumn(form.destination, q.target ?? '')?.key === 'consent');
    if (!consent || !consent.required) {
      issues.add(
        'survey.consentMissing',
        'error',
        consent?.row ?? form.row,
        consent ? columns.header('required') : columns.header('target'),
        name,
        consent
          ? '個人情報同意の設問は必須にしてください（同意のない回答は名簿に取り込めません）'
          : 'ボランティア名簿に取り込むフォームには、必須の個人情報同意の設問（登録先: 個人情報同意）が必要です',
        consent
          ? 'Make the consent question required (answers without consent cannot be imported)'
          : 'A form that fills ボランティア名簿 needs a required consent question (登録先: 個人情報同意)',
      );
    }
    if (form.privacyNotice[JAPANESE] === '') {
      issues.add(
        'survey.noticeMissing',
        'warning',
        form.row,
        columns.header('questionType'),
        name,
        '個人情報の取扱いの行がありません。何のために個人情報を集め、どう使うかをフォームに書いてください',
        'There is no 個人情報の取扱い row: tell respondents why personal data is collected and how it is used',
      );
    }
  }
}

function checkChoices(q: QuestionDef, form: string, columns: SurveyColumns, issues: IssueList): void {
  const lists: Array<[string, readonly string[], string]> = [];
  if (q.choices) for (const [lang, values] of Object.entries(q.choices.values)) lists.push([lang, values, '選択肢']);
  if (q.grid) {
    for (const [lang, values] of Object.entries(q.grid.rows)) lists.push([lang, values, 'グリッドの行']);
    for (const [lang, values] of Object.entries(q.grid.columns)) lists.push([lang, values, 'グリッドの列']);
  }
  for (const [lang, values, what] of lists) {
    const column = columns.header(lang === JAPANESE ? 'options' : `options.${lang}`);
    const isGrid = what !== '選択肢';
    const max = isGrid ? FORM_LIMITS.gridLines : FORM_LIMITS.choicesPerQuestion;
    if (values.length > max) {
      issues.add(
        'survey.tooManyChoices',
        'error',
        q.row,
        column,
        form,
        `${what}が${values.length}個あります。${max}個までにしてください`,
        `${values.length} ${isGrid ? 'grid lines' : 'choices'}; keep them to ${max}`,
      );
    }
    const seen = new Set<string>();
    for (const v of values) {
      if (chars(v) > FORM_LIMITS.choiceChars) {
        issues.add(
          'survey.tooLong',
          'error',
          q.row,
          column,
          form,
          `${what}「${v.slice(0, 20)}…」が${chars(v)}文字あります。${FORM_LIMITS.choiceChars}文字までにしてください`,
          `A choice has ${chars(v)} characters; keep it to ${FORM_LIMITS.choiceChars}`,
        );
      }
      if (seen.has(v)) {
        issues.add(
          'survey.duplicateChoice',
          'error',
          q.row,
          column,
          form,
          `${label(lang).ja}の${what}「${v}」が2回あります（Google フォームは同じ選択肢を2つ持てません）`,
          `The ${label(lang).en} ${isGrid ? 'grid line' : 'choice'} 「${v}」 appears twice (Google Forms refuses duplicate choices)`,
        );
      }
      seen.add(v);
    }
  }
  if (q.scale) {
    const { low, high } = q.scale;
    if (
      FORM_LIMITS.scaleLowBounds.indexOf(low) < 0 ||
      high < FORM_LIMITS.scaleHighMin ||
      high > FORM_LIMITS.scaleHighMax
    ) {
      issues.add(
        'survey.badScale',
        'error',
        q.row,
        columns.header('options'),
        form,
        `均等目盛は 0 か 1 から始まり、3〜10 で終わる必要があります（「${low}〜${high}」は作れません）`,
        `A scale starts at 0 or 1 and ends at 3 to 10 (「${low}〜${high}」 cannot be made)`,
      );
    }
  }
}

/** Which 入力規則 each kind takes (Google Forms offers text rules on text, counts on check boxes, one-per-column on grids). */
function ruleFits(rule: string, q: QuestionDef): boolean {
  switch (rule) {
    case 'メール':
    case '数値':
    case '整数':
      return q.kind === 'shortText';
    case '電話':
    case '郵便番号':
    case 'カタカナ':
    case '正規表現':
    case '文字数':
      return q.kind === 'shortText' || q.kind === 'paragraph';
    case '選択数':
      return q.kind === 'multipleChoice';
    case '各列1つまで':
      return GRID_KINDS.has(q.kind);
    default:
      return false;
  }
}

function checkRule(q: QuestionDef, form: string, columns: SurveyColumns, issues: IssueList): void {
  const rule = q.rule;
  if (!rule) return;
  const column = columns.header('validation');
  if (!ruleFits(rule.rule, q)) {
    issues.add(
      'survey.ruleNotForType',
      'error',
      q.row,
      column,
      form,
      `入力規則「${rule.rule}」はこの種類の設問には使えません（メール・数値・整数は短文、電話・郵便番号・カタカナ・正規表現・文字数は短文と段落、選択数は複数選択、各列1つまではグリッド）`,
      `The rule 「${rule.rule}」 does not fit this question type (docs/forms.md lists which rule goes with which type)`,
    );
    return;
  }
  if (rule.rule === '正規表現') {
    const read = checkPattern(rule.pattern);
    if (!read.ok) issues.add('survey.badRegex', 'error', q.row, column, form, read.ja, read.en);
    return;
  }
  if (!('min' in rule)) return;
  const { min, max } = rule;
  if (min !== null && max !== null && min > max) {
    issues.add(
      'survey.badRange',
      'error',
      q.row,
      column,
      form,
      `入力規則の範囲が逆です（${min}〜${max}）。小さい数を先に書いてください`,
      `The range is reversed (${min}–${max}); put the smaller number first`,
    );
    return;
  }
  if (
    (rule.rule === '文字数' || rule.rule === '選択数') &&
    ((min !== null && (min < 0 || !Number.isInteger(min))) || (max !== null && (max < 1 || !Number.isInteger(max))))
  ) {
    issues.add(
      'survey.badRange',
      'error',
      q.row,
      column,
      form,
      `${rule.rule}には1以上の整数を書いてください`,
      `${rule.rule} takes whole numbers of at least 1`,
    );
    return;
  }
  if (rule.rule === '文字数' && min !== null && max !== null && max > PATTERN_REPEAT_MAX) {
    issues.add(
      'survey.badRange',
      'error',
      q.row,
      column,
      form,
      `文字数の下限と上限を両方書くときは、上限を${PATTERN_REPEAT_MAX}文字までにしてください（または上限だけにしてください）`,
      `With both bounds, 文字数 can go up to ${PATTERN_REPEAT_MAX} (or give only the upper bound)`,
    );
    return;
  }
  if (rule.rule === '選択数') {
    const n = q.choices?.values[JAPANESE]?.length ?? 0;
    if (min !== null && max !== null && min !== max) {
      issues.add(
        'survey.badRange',
        'error',
        q.row,
        column,
        form,
        '選択数は「〜3」（まで）、「2〜」（以上）、「3」（ちょうど）のどれか1つにしてください（Google フォームは範囲を1つの規則にできません）',
        '選択数 takes one bound: 「〜3」 (at most), 「2〜」 (at least) or 「3」 (exactly) — Google Forms has no range rule for check boxes',
      );
    } else if ((min ?? 0) > n || (max !== null && max > n && min === max)) {
      issues.add(
        'survey.badRange',
        'error',
        q.row,
        column,
        form,
        `選択肢は${n}個なので、${min ?? max}個は選べません`,
        `There are ${n} choices, so ${min ?? max} cannot be chosen`,
      );
    }
  }
}

function checkTarget(
  q: QuestionDef,
  form: FormDef,
  columns: SurveyColumns,
  issues: IssueList,
  targets: Map<string, number>,
): void {
  const column = columns.header('target');
  const kind = destinationKind(form.destination);
  if (kind === null) {
    if (isPersonalQuestion(q)) {
      issues.add(
        'survey.personalInAnonymous',
        'warning',
        q.row,
        columns.header('questionId'),
        form.name,
        `住民アンケート（アンケート回答に取り込むフォーム）は匿名です。個人を特定できる設問「${q.id}」の回答はアンケート回答に書き出しません`,
        `Surveys filling アンケート回答 are anonymous: answers to 「${q.id}」, which identifies a person, are never written there`,
      );
      return;
    }
    const out = surveyAnswerColumn(q);
    if ((SURVEY_ANSWER_FIXED_COLUMNS as readonly string[]).indexOf(out) >= 0) {
      issues.add(
        'survey.targetReserved',
        'error',
        q.row,
        q.target ? column : columns.header('questionId'),
        form.name,
        `「${out}」はアンケート回答でTsunaguが使う列名です。別の設問IDか登録先にしてください`,
        `「${out}」 is a column Tsunagu fills in アンケート回答; choose another 設問ID or 登録先`,
      );
      return;
    }
    claim(normalizeHeader(out), q, form.name, column, out, issues, targets);
    return;
  }
  if (q.target === null) return;
  const spec = targetColumn(form.destination, q.target);
  if (!spec) {
    issues.add(
      'survey.targetUnknown',
      'error',
      q.row,
      column,
      form.name,
      `登録先「${q.target}」は${destinationName(form.destination)}の列にありません`,
      `登録先 「${q.target}」 is not a column of ${destinationName(form.destination)}`,
    );
    return;
  }
  if (kind === 'volunteers' && RESERVED_VOLUNTEER_KEYS.indexOf(spec.key) >= 0) {
    issues.add(
      'survey.targetReserved',
      'error',
      q.row,
      column,
      form.name,
      `「${spec.header}」は取り込むときにTsunaguが入れます（登録番号は名簿の形式で、状態は設定から、登録日は回答日）。登録先から外してください`,
      `「${spec.header}」 is filled by Tsunagu on import (the id in the roster's format, 状態 from 設定, 登録日 = answer date); remove this 登録先`,
    );
    return;
  }
  if (GRID_KINDS.has(q.kind) && spec.type !== 'availability') {
    issues.add(
      'survey.targetGrid',
      'error',
      q.row,
      column,
      form.name,
      'グリッドの設問の登録先は活動可能日時（曜日 × 午前・午後・夜間）だけにできます',
      'A grid question can only fill 活動可能日時 (weekday × 午前/午後/夜間)',
    );
    return;
  }
  if (spec.key === 'note') return;
  claim(spec.key, q, form.name, column, spec.header, issues, targets);
}

function claim(
  key: string,
  q: QuestionDef,
  form: string,
  column: string,
  shown: string,
  issues: IssueList,
  targets: Map<string, number>,
): void {
  const first = targets.get(key);
  if (first !== undefined) {
    issues.add(
      'survey.targetDuplicate',
      'error',
      q.row,
      column,
      form,
      `「${shown}」には${first}行目の設問も入ります。1つの列には1つの設問にしてください（備考は除く）`,
      `「${shown}」 is also filled by the question on row ${first}; one question per column (except 備考)`,
    );
  } else targets.set(key, q.row);
}
