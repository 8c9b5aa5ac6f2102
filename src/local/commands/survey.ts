/** tsunagu survey: アンケート作成 on an .xlsx through the real bundle — templates, building the forms, the resident surveys' answers (docs/forms.md). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  FormFlyerView,
  SurveyAnswersView,
  SurveyBuildView,
  SurveyCandidatesView,
  SurveyCandidateView,
  SurveyDecisionResult,
  SurveyTemplateResult,
} from '../../shared/rpc';
import { TEMPLATE_NAMES, isTemplateName, templateCells, templateHeader } from '../../core/survey/templates';
import { AnswerShapeError, answersByQuestionId, findForm, submitAnswers } from '../respond';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';
import { addStats, takeStats, type ActionStats } from './stats';

const USAGE = `使い方 / usage:
  tsunagu survey template <book.xlsx> <${TEMPLATE_NAMES.join('|')}> [--form-name 名前] [--json] [--write [--yes]]
  tsunagu survey build <book.xlsx> [--json] [--write [--yes] [--remove-missing] [--recreate]]
  tsunagu survey import <book.xlsx> [--form 名前] [--json] [--write [--yes] [--accept 回答ID|new …] [--decline 回答ID …]]
  tsunagu survey flyer <book.xlsx> --form 名前 [--language xx] --out flyer.html [--json]
  tsunagu survey respond <book.xlsx> --form 名前 [--language xx] --answers answers.json [--json]`;

/** survey: exit 0 on success, 1 when アンケート定義 has errors (nothing built) or a form refuses an answer (respond), 2 for unusable input, 3 when a write failed. */
export async function runSurvey(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'template':
      return runTemplate(args, flags, io, context);
    case 'build':
      return runBuild(args, flags, io, context);
    case 'import':
      return runImport(args, flags, io, context);
    case 'flyer':
      return runFlyer(args, flags, io, context);
    case 'respond':
      return runRespond(args, flags, io, context);
    default:
      throw new UsageError(
        `${sub ? `不明なサブコマンドです: ${sub} / unknown subcommand: ${sub}` : 'サブコマンドがありません / no subcommand'}\n${USAGE}`,
      );
  }
}

async function runTemplate(args: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path, name] = args;
  if (!path || !name || args.length > 2) throw new UsageError(USAGE);
  if (!isTemplateName(name)) {
    throw new UsageError(
      `テンプレートは ${TEMPLATE_NAMES.join('・')} のどれかです（${name}）/ the template is one of ${TEMPLATE_NAMES.join(', ')} (got ${name})`,
    );
  }
  const formName = flags['form-name'];
  if (!flags.write) {
    // What would be written: the template's rows under its header; the workbook is not opened.
    const header = templateHeader();
    const rows = templateCells(name, formName ?? name);
    if (flags.json) io.out(JSON.stringify({ template: name, header, rows }, null, 2));
    else {
      io.out(header.join('\t'));
      for (const row of rows) io.out(row.join('\t'));
      io.out(
        `（--write でアンケート定義に書き込みます / --write writes these ${rows.length} rows into アンケート定義）`,
      );
    }
    return 0;
  }
  const book = await Book.open(path, flags, io, context);
  await book.confirm(
    `テンプレート「${name}」をアンケート定義の最後に書き込みます（元に戻せます）/ this appends the ${name} template to アンケート定義 (undoable)`,
  );
  const written = await book.write<SurveyTemplateResult>('writeSurveyTemplate', name, ...(formName ? [formName] : []));
  const r = written.value;
  const lines = [
    `「${printable(r.sheet)}」の ${r.firstRow}〜${r.lastRow} 行目にテンプレート「${r.template}」（フォーム名「${printable(r.formName)}」）を書き込みました / wrote the ${r.template} template into ${printable(r.sheet)} rows ${r.firstRow}–${r.lastRow}`,
  ];
  if (r.addedColumns.length > 0) lines.push(`追加した列 / columns added: ${r.addedColumns.join(', ')}`);
  report(io, flags, { json: r, lines, stats: written.stats, action: 'writeSurveyTemplate', saved: written.saved });
  return 0;
}

function issueLines(view: SurveyBuildView): string[] {
  return view.issues.map((i) => {
    const where = i.row > 0 ? `${i.row}行目${i.column ? `「${printable(i.column)}」` : ''}` : 'シート';
    const severity = i.severity === 'error' ? 'エラー' : i.severity === 'warning' ? '注意' : '提案';
    return `${severity} ${where}: ${printable(i.message.ja)} / ${printable(i.message.en)} [${i.code}]`;
  });
}

function formLines(view: SurveyBuildView): string[] {
  const lines = view.forms.map((f) => {
    const items = f.items.filter((i) => i.type !== 'section' && i.type !== 'header').length;
    const state =
      f.outcome === 'planned'
        ? '（未作成 / not built）'
        : `${f.outcome === 'made' ? '作成' : f.outcome === 'updated' ? '更新' : f.outcome === 'gone' ? '削除済み' : '変更なし'} ${f.shortUrl || f.publishedUrl}`;
    return `${printable(f.name)}（${f.languageLabel.ja}）: 設問 ${items} ${state}`;
  });
  for (const n of view.notices) lines.push(`${printable(n.ja)} / ${printable(n.en)}`);
  return lines;
}

function buildJson(view: SurveyBuildView): object {
  const { built, forms, issues, listSheet, notices } = view;
  return { built, forms, issues, listSheet, notices };
}

async function runBuild(args: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1) throw new UsageError(USAGE);
  const book = await Book.open(path, flags, io, context);
  const checked = book.read<SurveyBuildView>('previewForms');
  const errors = checked.value.issues.some((i) => i.severity === 'error');
  if (!flags.write || errors) {
    const lines = [...issueLines(checked.value), ...formLines(checked.value)];
    if (errors)
      lines.push(
        'アンケート定義にエラーがあるため、フォームは作成していません / アンケート定義 has errors: no form was built',
      );
    report(io, flags, { json: buildJson(checked.value), lines, stats: checked.stats, action: 'previewForms' });
    return errors ? 1 : 0;
  }
  const lines = book.preview([...issueLines(checked.value), ...formLines(checked.value)]);
  await book.confirm(
    'Google フォームを作成・更新し、フォーム一覧を書き直します（フォームへの変更は元に戻せません）/ this builds or updates the Google Forms and rewrites フォーム一覧 (changes to forms cannot be undone)',
  );
  const written = await book.write<SurveyBuildView>('buildForms', {
    removeMissing: flags['remove-missing'] === true,
    recreate: flags.recreate === true,
  });
  const view = written.value;
  lines.push(
    ...formLines(view),
    `「${printable(view.listSheet ?? '')}」を書き込みました / wrote ${printable(view.listSheet ?? '')}`,
  );
  report(io, flags, { json: buildJson(view), lines, stats: written.stats, action: 'buildForms', saved: written.saved });
  return 0;
}

function answerLines(view: SurveyAnswersView): string[] {
  const lines = view.forms.map(
    (f) =>
      `${printable(f.name)}（${f.languageLabel.ja}）: 回答 ${f.responses}件 ${f.sheet ? `「${printable(f.sheet)}」` : '（回答シートなし / no response sheet）'}`,
  );
  for (const n of view.notices) lines.push(`${printable(n.ja)} / ${printable(n.en)}`);
  return lines;
}

/** The statuses as staff read them. */
const STATUS_LABEL: Record<SurveyCandidateView['status'], string> = {
  new: '未処理 / new',
  imported: '取り込み済み / imported',
  declined: '見送り / declined',
  noConsent: '同意なし / no consent',
};

function candidateLines(candidates: readonly SurveyCandidateView[]): string[] {
  const lines: string[] = [];
  for (const c of candidates) {
    const name = c.row['氏名'] ?? c.row['日付'] ?? '';
    lines.push(
      `${c.responseId}  ${STATUS_LABEL[c.status]}  ${printable(c.form)}（${c.languageLabel.ja}）→ ${c.destination === 'volunteers' ? 'ボランティア名簿' : '活動記録'}  ${printable(name)}${c.importedAs ? `  [${printable(c.importedAs)}]` : ''}`,
    );
    if (c.status === 'imported') continue;
    if (c.duplicateOf)
      lines.push(`    同じ人かもしれません / probably the same person as: ${printable(c.duplicateOf)}`);
    if (c.reason) lines.push(`    ${printable(c.reason.ja)} / ${printable(c.reason.en)}`);
    for (const i of c.issues)
      lines.push(
        `    ${i.severity === 'error' ? 'エラー' : '注意'}「${printable(i.column)}」: ${printable(i.message.ja)} [${i.code}]`,
      );
    for (const u of c.unmatched)
      lines.push(
        `    選択肢にない回答 / not a choice:「${printable(u.question)}」${u.values.map(printable).join('、')}`,
      );
  }
  return lines;
}

/** Ids given to --accept / --decline: several flags or comma-separated. */
function idsOf(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** How many decisions one call takes (MAX_DECISIONS in core/actions/survey-import.ts): more are made in several calls. */
const DECISIONS_PER_CALL = 100;

function importJson(
  answers: SurveyAnswersView,
  candidates: SurveyCandidatesView,
  decided: { imported: number; declined: number; ids: string[]; written: SurveyDecisionResult['written'] } | null,
): object {
  return {
    ...answers,
    candidates: candidates.candidates,
    counts: candidates.counts,
    candidateForms: candidates.forms,
    imported: decided?.imported ?? 0,
    declined: decided?.declined ?? 0,
    ids: decided?.ids ?? [],
    written: decided?.written ?? [],
    notices: [...answers.notices, ...candidates.notices],
  };
}

/**
 * survey import: the resident surveys' answers into アンケート回答, and the answers of ボランティア登録 and
 * 活動報告 as candidates — listed, and with --write imported (--accept) or declined (--decline).
 */
async function runImport(args: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1) throw new UsageError(USAGE);
  const book = await Book.open(path, flags, io, context);
  const found = book.read<SurveyAnswersView>('previewSurveyAnswers');
  const listed = book.read<SurveyCandidatesView>('previewSurveyCandidates');
  const only = flags.form;
  const candidates: SurveyCandidatesView = only
    ? {
        ...listed.value,
        candidates: listed.value.candidates.filter((c) => c.form === only),
        forms: listed.value.forms.filter((f) => f.name === only),
      }
    : listed.value;
  const answers: SurveyAnswersView = only
    ? { ...found.value, forms: found.value.forms.filter((f) => f.name === only) }
    : found.value;
  if (only && answers.forms.length === 0 && candidates.forms.length === 0) {
    throw new UsageError(`作成済みのフォーム「${only}」がありません / no built form named ${only}`);
  }
  const accept = idsOf(flags.accept);
  const decline = idsOf(flags.decline);
  if (accept.indexOf('new') >= 0) {
    accept.splice(accept.indexOf('new'), 1);
    for (const c of candidates.candidates)
      if (c.status === 'new' && accept.indexOf(c.responseId) < 0) accept.push(c.responseId);
  }
  const unknown = [...accept, ...decline].filter((id) => !candidates.candidates.some((c) => c.responseId === id));
  if (unknown.length > 0) {
    throw new UsageError(`回答IDが見つかりません / no such response: ${unknown.map(printable).join(', ')}`);
  }
  const listLines = [
    ...answerLines(answers),
    ...candidateLines(candidates.candidates),
    `ボランティア登録・活動報告: 未処理 ${candidates.counts.new}件、取り込み済み ${candidates.counts.imported}件、見送り ${candidates.counts.declined}件、同意なし ${candidates.counts.noConsent}件 / new ${candidates.counts.new}, imported ${candidates.counts.imported}, declined ${candidates.counts.declined}, no consent ${candidates.counts.noConsent}`,
    ...candidates.notices.map((n) => `${printable(n.ja)} / ${printable(n.en)}`),
  ];
  const stats = addStats([found.stats, listed.stats]);
  const rewriteAnswers = answers.forms.length > 0;
  if (!flags.write) {
    listLines.push(
      '（--write でアンケート回答を書き直し、--accept 回答ID（または new）で名簿・活動記録に取り込み、--decline 回答ID で見送ります）/ --write rewrites アンケート回答; with --accept <id|new> it imports into the roster or 活動記録, with --decline <id> declines',
    );
    report(io, flags, {
      json: importJson(answers, candidates, null),
      lines: listLines,
      stats,
      action: 'previewSurveyCandidates',
    });
    return 0;
  }
  if (!rewriteAnswers && accept.length + decline.length === 0) {
    throw new UsageError(
      '書き込むものがありません: 取り込む回答を --accept 回答ID（未処理すべては --accept new）、見送る回答を --decline 回答ID で指定してください / nothing to write: give --accept <id> (or --accept new) and --decline <id>',
    );
  }
  const lines = book.preview(listLines);
  const what: string[] = [];
  if (rewriteAnswers) what.push('アンケート回答を住民アンケートの全回答で書き直します / rewrites アンケート回答');
  if (accept.length > 0)
    what.push(
      `${accept.length}件を名簿・活動記録に取り込みます（元に戻せます）/ imports ${accept.length} answers (undoable)`,
    );
  if (decline.length > 0) what.push(`${decline.length}件を見送ります / declines ${decline.length}`);
  await book.confirm(what.join('。'));
  const steps: ActionStats[] = [];
  let view = answers;
  if (rewriteAnswers) {
    // As the sidebar: a large import goes in parts, each its own call, until none remain.
    let added = 0;
    let updated = 0;
    do {
      const written = await book.writeStep<SurveyAnswersView>('importSurveyAnswers');
      steps.push(written.stats);
      view = written.value;
      added += view.added;
      updated += view.updated;
    } while (view.remaining > 0 && view.added > 0);
    lines.push(
      `「${printable(view.sheet ?? '')}」に${view.rows}件の回答があります（今回 新しい回答${added}件、修正${updated}件） / ${printable(view.sheet ?? '')} holds ${view.rows} responses (${added} new, ${updated} edited this time)`,
    );
  }
  const decided = { imported: 0, declined: 0, ids: [] as string[], written: [] as SurveyDecisionResult['written'] };
  const all = [...accept.map((id) => ({ id, accept: true })), ...decline.map((id) => ({ id, accept: false }))];
  for (let i = 0; i < all.length; i += DECISIONS_PER_CALL) {
    const part = all.slice(i, i + DECISIONS_PER_CALL);
    const result = await book.writeStep<SurveyDecisionResult>('decideSurveyCandidates', {
      accept: part.filter((p) => p.accept).map((p) => p.id),
      decline: part.filter((p) => !p.accept).map((p) => p.id),
    });
    steps.push(result.stats);
    decided.imported += result.value.imported;
    decided.declined += result.value.declined;
    decided.ids.push(...result.value.ids);
    decided.written.push(...result.value.written);
    for (const w of result.value.written)
      lines.push(
        `「${printable(w.sheet)}」の ${w.firstRow}〜${w.lastRow} 行目に${w.rows}件を取り込みました / imported ${w.rows} into ${printable(w.sheet)} rows ${w.firstRow}–${w.lastRow}`,
      );
    for (const n of result.value.notices) lines.push(`${printable(n.ja)} / ${printable(n.en)}`);
  }
  if (decided.ids.length > 0) lines.push(`新しい登録番号 / new 登録番号: ${decided.ids.join(', ')}`);
  if (decided.declined > 0) lines.push(`${decided.declined}件を見送りました / declined ${decided.declined}`);
  const saved = await book.saveChanges();
  const after = book.read<SurveyCandidatesView>('previewSurveyCandidates').value;
  const filtered = only ? { ...after, candidates: after.candidates.filter((c) => c.form === only) } : after;
  report(io, flags, {
    json: importJson(view, filtered, decided),
    lines,
    stats: addStats(steps),
    action: 'decideSurveyCandidates',
    saved,
  });
  return 0;
}

/** survey flyer: writes one form's printable A4 flyer (exit 2 when the form is not built, deleted, or unknown). */
async function runFlyer(args: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1 || !flags.form || !flags.out) throw new UsageError(USAGE);
  if (!/\.html?$/i.test(flags.out))
    throw new UsageError(
      `--out の出力ファイルは .html にしてください（${flags.out}）/ the --out file must be an .html file (got ${flags.out})`,
    );
  const book = await Book.open(path, flags, io, context);
  const found = book.read<FormFlyerView>('getFormFlyer', flags.form, flags.language ?? null);
  const flyer = found.value;
  writeFileSync(resolve(flags.out), flyer.html ?? '', 'utf8');
  const lines = [
    `「${printable(flyer.name)}」（${flyer.languageLabel.ja}）のチラシを書き出しました: ${flags.out} / wrote the flyer of 「${printable(flyer.name)}」 (${flyer.languageLabel.en}) to ${flags.out}`,
    `QRコード / QR code: ${flyer.url}`,
    ...flyer.notices.map((n) => `${printable(n.ja)} / ${printable(n.en)}`),
  ];
  const { html: _html, ...json } = flyer;
  report(io, flags, { json: { ...json, out: flags.out }, lines, stats: found.stats, action: 'getFormFlyer' });
  return 0;
}

/**
 * survey respond: answers a built form as a respondent would (answers keyed by 設問ID), and saves
 * the workbook with the response sheet's new row and the forms beside it. Exit 1, with the form's
 * own messages, when the form refuses an answer (nothing stored); 2 for an unknown form or 設問ID,
 * or answers in a shape no respondent could give.
 */
async function runRespond(args: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1 || !flags.form || !flags.answers) throw new UsageError(USAGE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(flags.answers), 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(
      `答えのファイルを JSON として読めません: ${flags.answers}（${(error as Error).message}）/ cannot read the answers file as JSON: ${flags.answers}`,
    );
  }
  const book = await Book.open(path, flags, io, context);
  const emu = book.session.emu;
  emu.stats.reset();
  let submitted;
  let form;
  try {
    form = findForm(emu, flags.form, flags.language);
    submitted = submitAnswers(emu, form, answersByQuestionId(emu, form, json));
  } catch (error) {
    if (error instanceof AnswerShapeError) throw new UsageError(error.message);
    throw error;
  }
  const which = `「${printable(form.name)}」（${form.languageLabel.ja}）`;
  if (!submitted.ok) {
    const problems = submitted.problems.map((p) => ({ questionId: p.questionId, title: p.title, message: p.message }));
    if (flags.json)
      io.out(JSON.stringify({ stored: false, form: form.name, language: form.language, problems }, null, 2));
    else {
      io.out(
        `フォーム${which}は回答を受け付けませんでした（何も保存していません）/ the form refused the answers (nothing stored):`,
      );
      for (const p of problems)
        io.out(`  ${printable(p.questionId ?? p.title)}「${printable(p.title)}」: ${printable(p.message)}`);
    }
    return 1;
  }
  const record = emu.forms.get(form.formId);
  const sheet = record?.destination?.sheetName ?? null;
  const row = sheet ? emu.sheetValues(sheet).length : null;
  const saved = await book.saveChanges();
  const result = {
    stored: true,
    form: form.name,
    language: form.language,
    responseId: submitted.response.id,
    timestamp: submitted.response.timestamp.toISOString(),
    responseSheet: sheet,
    row,
    confirmationMessage: submitted.confirmationMessage,
  };
  const lines = [
    `フォーム${which}に回答しました / answered the form 「${printable(form.name)}」 (${form.languageLabel.en})` +
      (sheet ? `: 「${printable(sheet)}」${row}行目 / row ${row} of ${printable(sheet)}` : ''),
  ];
  if (submitted.confirmationMessage) lines.push(printable(submitted.confirmationMessage));
  report(io, flags, { json: result, lines, stats: takeStats(emu.stats), action: 'respond', saved });
  return 0;
}
