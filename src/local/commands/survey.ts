/** tsunagu survey: アンケート作成 on an .xlsx through the real bundle — templates, building the forms, the resident surveys' answers (docs/forms.md). */
import type { SurveyAnswersView, SurveyBuildView, SurveyTemplateResult } from '../../shared/rpc';
import { TEMPLATE_NAMES, isTemplateName, templateCells, templateHeader } from '../../core/survey/templates';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';

const USAGE = `使い方 / usage:
  tsunagu survey template <book.xlsx> <${TEMPLATE_NAMES.join('|')}> [--form-name 名前] [--json] [--write [--yes]]
  tsunagu survey build <book.xlsx> [--json] [--write [--yes] [--remove-missing] [--recreate]]
  tsunagu survey import <book.xlsx> [--json] [--write [--yes]]`;

/** survey: exit 0 on success, 1 when アンケート定義 has errors (nothing built), 2 for unusable input, 3 when a write failed. */
export async function runSurvey(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
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

/** survey import: the resident surveys' answers into アンケート回答 (registrations and activity reports come later). */
async function runImport(args: string[], flags: Flags, io: Io, context: CliContext): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1) throw new UsageError(USAGE);
  const book = await Book.open(path, flags, io, context);
  const found = book.read<SurveyAnswersView>('previewSurveyAnswers');
  if (!flags.write) {
    const lines = [
      ...answerLines(found.value),
      `${found.value.rows}件（--write でアンケート回答に書き込みます）/ ${found.value.rows} responses (--write writes them into アンケート回答)`,
    ];
    report(io, flags, { json: found.value, lines, stats: found.stats, action: 'previewSurveyAnswers' });
    return 0;
  }
  const lines = book.preview(answerLines(found.value));
  await book.confirm(
    'アンケート回答シートを、住民アンケートの全回答で書き直します（名前や連絡先は書き込みません）/ this rewrites アンケート回答 with every answer of the resident surveys (no names or contact details)',
  );
  const written = await book.write<SurveyAnswersView>('importSurveyAnswers');
  const view = written.value;
  lines.push(
    `「${printable(view.sheet ?? '')}」に${view.rows}件を書き込みました / wrote ${view.rows} responses into ${printable(view.sheet ?? '')}`,
  );
  report(io, flags, { json: view, lines, stats: written.stats, action: 'importSurveyAnswers', saved: written.saved });
  return 0;
}
