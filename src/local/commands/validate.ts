/** tsunagu validate and tsunagu fix: the 検証 and 安全な修正 actions run on an .xlsx through the real bundle. */
import type { FixPreview, FixResult, ValidationReport, ValidationView } from '../../shared/rpc';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';

function bookPath(rest: string[], usage: string): string {
  const path = rest[0];
  if (!path || rest.length > 1) throw new UsageError(usage);
  return path;
}

/** validate: exit 0 when nothing was found, 1 when errors or warnings remain, 2 for unusable input, 3 when the write failed. */
export async function runValidate(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const path = bookPath(
    rest,
    '使い方: tsunagu validate <book.xlsx> [--json] [--write [--yes]] / usage: tsunagu validate <book.xlsx> [--json] [--write [--yes]]',
  );
  const book = await Book.open(path, flags, io, context);
  const found = book.read<ValidationReport>('getValidationReport');
  let lines: string[] = [];
  for (const issue of found.value.issues) {
    const where = `${printable(issue.sheet)} ${issue.row}行 ${printable(issue.column)}`;
    const tag = issue.severity === 'error' ? 'エラー' : '警告';
    lines.push(
      `${tag} ${where} [${issue.code}] ${printable(issue.message)}${issue.value ? `（値: ${printable(issue.value)}）` : ''}${
        issue.suggestion ? ` → 提案: ${printable(issue.suggestion)}` : ''
      }`,
    );
  }
  const c = found.value.counts;
  lines.push(
    `エラー ${c.errors}件・警告 ${c.warnings}件・安全に直せるもの ${c.fixable}件 / ${c.errors} errors, ${c.warnings} warnings, ${c.fixable} safely fixable`,
  );
  const remain = c.errors + c.warnings > 0 ? 1 : 0;
  if (!flags.write) {
    report(io, flags, { json: found.value, lines, stats: found.stats, action: 'getValidationReport' });
    return remain;
  }
  lines = book.preview(lines);
  await book.confirm(
    '検証結果シートを書き直し、見つかったセルに色とメモを付けます / this rewrites 検証結果 and marks the cells found with a fill and a note',
  );
  const written = await book.write<ValidationView>('runValidation');
  const view = written.value;
  lines.push(
    view.resultSheet === null
      ? `${view.highlighted}個のセルに印を付けました / marked ${view.highlighted} cells`
      : `「${printable(view.resultSheet)}」シートを書き込み、${view.highlighted}個のセルに印を付けました / wrote ${printable(view.resultSheet)} and marked ${view.highlighted} cells`,
    ...view.notices.map((n) => `${printable(n.ja)} / ${printable(n.en)}`),
  );
  report(io, flags, {
    json: found.value,
    lines,
    stats: written.stats,
    action: 'runValidation',
    saved: written.saved,
  });
  return remain;
}

/** fix: shows the safe fixes (exit 1 while some are pending); with --write applies them after asking and saves (exit 0). */
export async function runFix(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const path = bookPath(
    rest,
    '使い方: tsunagu fix <book.xlsx> [--json] [--write [--yes]] / usage: tsunagu fix <book.xlsx> [--json] [--write [--yes]]',
  );
  const book = await Book.open(path, flags, io, context);
  const preview = book.read<FixPreview>('previewFixes');
  let lines: string[] = [];
  for (const item of preview.value.items) {
    lines.push(
      `${printable(item.sheet)}!${item.cell} [${item.kind}] ${printable(item.before)} → ${printable(item.after)}`,
    );
  }
  const { total, items } = preview.value;
  if (total > items.length) lines.push(`…ほか ${total - items.length}件 / and ${total - items.length} more`);
  lines.push(`安全に直せるもの ${total}件 / ${total} safe fixes`);
  if (!flags.write) {
    if (total > 0)
      lines.push('保存していません。適用するには --write を付けてください / nothing saved: add --write to apply');
    report(io, flags, { json: preview.value, lines, stats: preview.stats, action: 'previewFixes' });
    return total > 0 ? 1 : 0;
  }
  if (total === 0) {
    report(io, flags, {
      json: { ...preview.value, result: null },
      lines,
      stats: preview.stats,
      action: 'previewFixes',
    });
    return 0;
  }
  lines = book.preview(lines);
  await book.confirm(
    `安全な修正 ${total}件を適用します（tsunagu undo で元に戻せます）/ this applies ${total} safe fixes (tsunagu undo takes them back)`,
  );
  const applied = await book.write<FixResult>('applyFixes', preview.value.token);
  lines.push(
    `${applied.value.applied}件を修正しました（元に戻すは tsunagu undo）/ applied ${applied.value.applied} fixes (tsunagu undo takes them back)`,
  );
  report(io, flags, {
    json: { ...preview.value, result: applied.value },
    lines,
    stats: applied.stats,
    action: 'applyFixes',
    saved: applied.saved,
  });
  return 0;
}
