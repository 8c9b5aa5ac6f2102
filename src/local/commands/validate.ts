/** tsunagu validate and tsunagu fix: the 検証 and 安全な修正 actions run on an .xlsx through the real bundle. */
import type { FixPreview, FixResult, ValidationReport, ValidationView } from '../../shared/rpc';
import { type Flags, call, openBook, report, saveBook } from './book';
import { type Io, UsageError } from './io';
import { printable } from './text';

function bookPath(rest: string[], usage: string): string {
  const path = rest[0];
  if (!path || rest.length > 1) throw new UsageError(usage);
  return path;
}

/** validate: exit 0 when nothing was found, 1 when errors or warnings remain, 2 for unusable input. */
export async function runValidate(rest: string[], flags: Flags, io: Io): Promise<number> {
  const path = bookPath(
    rest,
    '使い方: tsunagu validate <book.xlsx> [--json] [--write] / usage: tsunagu validate <book.xlsx> [--json] [--write]',
  );
  const session = await openBook(path, flags);
  const found = call<ValidationReport>(session, path, 'getValidationReport');
  const lines: string[] = [];
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
  if (!flags.write) {
    report(io, flags, { json: found.value, lines, stats: found.stats, action: 'getValidationReport' });
  } else {
    const written = call<ValidationView>(session, path, 'runValidation');
    const saved = await saveBook(session);
    const view = written.value;
    lines.push(
      `「${view.resultSheet}」シートを書き込み、${view.highlighted}個のセルに印を付けました / wrote ${view.resultSheet} and marked ${view.highlighted} cells`,
    );
    report(io, flags, { json: found.value, lines, stats: written.stats, action: 'runValidation', saved });
  }
  return c.errors + c.warnings > 0 ? 1 : 0;
}

/** fix: shows the safe fixes (exit 1 while some are pending); with --write applies them and saves (exit 0). */
export async function runFix(rest: string[], flags: Flags, io: Io): Promise<number> {
  const path = bookPath(
    rest,
    '使い方: tsunagu fix <book.xlsx> [--json] [--write] / usage: tsunagu fix <book.xlsx> [--json] [--write]',
  );
  const session = await openBook(path, flags);
  const preview = call<FixPreview>(session, path, 'previewFixes');
  const lines: string[] = [];
  for (const item of preview.value.items) {
    lines.push(
      `${printable(item.sheet)}!${item.cell} [${item.kind}] ${printable(item.before)} → ${printable(item.after)}`,
    );
  }
  const { total, items } = preview.value;
  if (total > items.length) lines.push(`…ほか ${total - items.length}件 / and ${total - items.length} more`);
  lines.push(`安全に直せるもの ${total}件 / ${total} safe fixes`);
  if (!flags.write) {
    if (total > 0) lines.push('保存していません。適用するには --write を付けてください / nothing saved: add --write to apply');
    report(io, flags, { json: preview.value, lines, stats: preview.stats, action: 'previewFixes' });
    return total > 0 ? 1 : 0;
  }
  if (total === 0) {
    report(io, flags, { json: { ...preview.value, result: null }, lines, stats: preview.stats, action: 'previewFixes' });
    return 0;
  }
  const applied = call<FixResult>(session, path, 'applyFixes', preview.value.token);
  const saved = await saveBook(session);
  lines.push(
    `${applied.value.applied}件を修正しました（元に戻すは tsunagu undo）/ applied ${applied.value.applied} fixes (tsunagu undo takes them back)`,
  );
  report(io, flags, {
    json: { ...preview.value, result: applied.value },
    lines,
    stats: applied.stats,
    action: 'applyFixes',
    saved,
  });
  return 0;
}
