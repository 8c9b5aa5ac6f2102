/** tsunagu survey: アンケート作成 on an .xlsx through the real bundle — templates, and building the forms (docs/forms.md). */
import type { SurveyAnswersView, SurveyBuildView, SurveyTemplateResult } from '../../shared/rpc';
import { TEMPLATE_NAMES, isTemplateName, templateCells, templateHeader } from '../../core/survey/templates';
import { Book, type CliContext } from './book';
import { type Io, UsageError } from './io';
import { printStats, takeStats } from './stats';

export interface SurveyFlags {
  json?: boolean;
  write?: boolean;
  stats?: boolean;
  'form-name'?: string;
  'remove-missing'?: boolean;
  recreate?: boolean;
}

const USAGE = `使い方 / usage:
  tsunagu survey template <book.xlsx> <${TEMPLATE_NAMES.join('|')}> [--form-name 名前] [--json] [--write]
  tsunagu survey build <book.xlsx> [--json] [--write] [--remove-missing] [--recreate]
  tsunagu survey import <book.xlsx> [--json] [--write]`;

/** survey: exit 0 on success, 1 when アンケート定義 has errors (nothing built), 2 for unusable input. */
export async function runSurvey(rest: string[], flags: SurveyFlags, io: Io, context: CliContext = {}): Promise<number> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'template':
      return runTemplate(args, flags, io, context);
    case 'build':
      return runBuild(args, flags, io, context);
    case 'import':
      return runImport(args, flags, io, context);
    default:
      throw new UsageError(
        `${sub ? `不明なサブコマンドです: ${sub} / unknown subcommand: ${sub}` : 'サブコマンドがありません / no subcommand'}\n${USAGE}`,
      );
  }
}

async function runTemplate(args: string[], flags: SurveyFlags, io: Io, context: CliContext): Promise<number> {
  const [path, name] = args;
  if (!path || !name || args.length > 2) throw new UsageError(USAGE);
  if (!isTemplateName(name)) {
    throw new UsageError(
      `テンプレートは ${TEMPLATE_NAMES.join('・')} のどれかです（${name}）/ the template is one of ${TEMPLATE_NAMES.join(', ')} (got ${name})`,
    );
  }
  const formName = flags['form-name'];
  if (!flags.write) {
    // What would be written: the template's rows under its header, nothing opened for writing.
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
  const book = await Book.open(path, io, context);
  book.session.emu.stats.reset();
  const result = await book.write<SurveyTemplateResult>('writeSurveyTemplate', name, ...(formName ? [formName] : []));
  const stats = takeStats(book.session.emu.stats);
  if (flags.json) io.out(JSON.stringify(flags.stats ? { ...result, stats: stats.summary } : result, null, 2));
  else {
    io.out(
      `「${result.sheet}」の ${result.firstRow}〜${result.lastRow} 行目にテンプレート「${result.template}」（フォーム名「${result.formName}」）を書き込んで保存しました / wrote the ${result.template} template into ${result.sheet} rows ${result.firstRow}–${result.lastRow}, saved ${path}`,
    );
    if (result.addedColumns.length > 0) io.out(`追加した列 / columns added: ${result.addedColumns.join(', ')}`);
    if (flags.stats) printStats(io, 'writeSurveyTemplate', stats);
  }
  return 0;
}

function printIssues(io: Io, view: SurveyBuildView): void {
  for (const i of view.issues) {
    const where = i.row > 0 ? `${i.row}行目${i.column ? `「${i.column}」` : ''}` : 'シート';
    io.out(
      `${i.severity === 'error' ? 'エラー' : i.severity === 'warning' ? '注意' : '提案'} ${where}: ${i.message.ja} / ${i.message.en} [${i.code}]`,
    );
  }
}

async function runBuild(args: string[], flags: SurveyFlags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1) throw new UsageError(USAGE);
  const book = await Book.open(path, io, context);
  book.session.emu.stats.reset();
  let view = book.read<SurveyBuildView>('previewForms');
  const errors = view.issues.some((i) => i.severity === 'error');
  if (flags.write && !errors) {
    book.session.emu.stats.reset();
    view = await book.write<SurveyBuildView>('buildForms', {
      removeMissing: flags['remove-missing'] === true,
      recreate: flags.recreate === true,
    });
  }
  const stats = takeStats(book.session.emu.stats);
  if (flags.json) {
    const { forms, issues, notices, listSheet, built } = view;
    io.out(
      JSON.stringify(
        { built, forms, issues, listSheet, notices, ...(flags.stats ? { stats: stats.summary } : {}) },
        null,
        2,
      ),
    );
  } else {
    printIssues(io, view);
    for (const f of view.forms) {
      const items = f.items.filter((i) => i.type !== 'section' && i.type !== 'header').length;
      const state =
        f.outcome === 'planned'
          ? '（未作成 / not built）'
          : `${f.outcome === 'made' ? '作成' : f.outcome === 'updated' ? '更新' : f.outcome === 'gone' ? '削除済み' : '変更なし'} ${f.shortUrl || f.publishedUrl}`;
      io.out(`${f.name}（${f.languageLabel.ja}）: 設問 ${items} ${state}`);
    }
    for (const n of view.notices) io.out(`${n.ja} / ${n.en}`);
    if (view.built)
      io.out(`「${view.listSheet ?? ''}」を書き込んで保存しました / wrote ${view.listSheet ?? ''}, saved ${path}`);
    else if (errors)
      io.out(
        'アンケート定義にエラーがあるため、フォームは作成していません / アンケート定義 has errors: no form was built',
      );
    if (flags.stats) printStats(io, view.built ? 'buildForms' : 'previewForms', stats);
  }
  return errors ? 1 : 0;
}

/** survey import: the resident surveys' answers into アンケート回答 (the registration and activity imports come later). */
async function runImport(args: string[], flags: SurveyFlags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1) throw new UsageError(USAGE);
  const book = await Book.open(path, io, context);
  book.session.emu.stats.reset();
  const view = flags.write
    ? await book.write<SurveyAnswersView>('importSurveyAnswers')
    : book.read<SurveyAnswersView>('previewSurveyAnswers');
  const stats = takeStats(book.session.emu.stats);
  if (flags.json) io.out(JSON.stringify(flags.stats ? { ...view, stats: stats.summary } : view, null, 2));
  else {
    for (const f of view.forms)
      io.out(
        `${f.name}（${f.languageLabel.ja}）: 回答 ${f.responses}件 ${f.sheet ? `「${f.sheet}」` : '（回答シートなし / no response sheet）'}`,
      );
    for (const n of view.notices) io.out(`${n.ja} / ${n.en}`);
    io.out(
      view.sheet
        ? `「${view.sheet}」に${view.rows}件を書き込んで保存しました / wrote ${view.rows} responses into ${view.sheet}, saved ${path}`
        : `${view.rows}件（--write でアンケート回答に書き込みます）/ ${view.rows} responses (--write writes them into アンケート回答)`,
    );
    if (flags.stats) printStats(io, flags.write ? 'importSurveyAnswers' : 'previewSurveyAnswers', stats);
  }
  return 0;
}
