/** tsunagu validate and tsunagu fix: the 検証 and 安全な修正 actions run on an .xlsx through the real bundle. */
import type { FixPreview, FixResult, ValidationReport, ValidationView } from '../../shared/rpc';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { addStats, printStats, type ActionStats } from './stats';
import { printable } from './text';

function bookPath(rest: string[], usage: string): string {
  const path = rest[0];
  if (!path || rest.length > 1) throw new UsageError(usage);
  return path;
}

/**
 * 検証 as the sidebar runs it: one call, and for a workbook too large for one Apps Script call the
 * parts after it (continueValidation), each one execution with its own stats. Nothing is saved
 * here: validate --write saves after the last part; fix saves only with its own --write.
 */
export async function validateInParts(book: Book): Promise<{ view: ValidationView; parts: ActionStats[] }> {
  const parts: ActionStats[] = [];
  const step = async (name: string, ...args: unknown[]): Promise<ValidationView> => {
    const { value, stats } = await book.writeStep<ValidationView>(name, ...args);
    parts.push(stats);
    return value;
  };
  let view = await step('runValidation');
  while (view.running) view = await step('continueValidation', view.running.runId);
  return { view, parts };
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
  const { view, parts } = await validateInParts(book);
  const saved = await book.saveChanges();
  const stats = addStats(parts);
  if (flags.stats && !flags.json && parts.length > 1) {
    parts.forEach((part, i) => printStats(io, `runValidation ${i + 1}/${parts.length}`, part));
  }
  lines.push(
    view.resultSheet === null
      ? `${view.highlighted}個のセルに印を付けました / marked ${view.highlighted} cells`
      : `「${printable(view.resultSheet)}」シートを書き込み、${view.highlighted}個のセルに印を付けました / wrote ${printable(view.resultSheet)} and marked ${view.highlighted} cells`,
    ...view.notices.map((n) => `${printable(n.ja)} / ${printable(n.en)}`),
  );
  report(io, flags, {
    json: found.value,
    lines,
    stats,
    action: 'runValidation',
    saved,
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
  // A workbook validated in parts takes its safe fixes from its last 検証: one runs first when needed
  // (in memory: it is saved only with --write, together with the fixes).
  const first = book.session.run('previewFixes') as { ok: boolean; error?: { code: string } };
  if (!first.ok && first.error?.code === 'fix.noRun') await validateInParts(book);
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
  // A large workbook's fixes go in parts, each one execution (as the sidebar asks for them).
  const parts: ActionStats[] = [];
  const step = async (name: string, ...args: unknown[]): Promise<FixResult> => {
    const { value, stats } = await book.writeStep<FixResult>(name, ...args);
    parts.push(stats);
    return value;
  };
  let result = await step('applyFixes', preview.value.token);
  while (result.running) result = await step('continueFixes', result.running.runId);
  const saved = await book.saveChanges();
  if (flags.stats && !flags.json && parts.length > 1) {
    parts.forEach((part, i) => printStats(io, i === 0 ? 'applyFixes' : `continueFixes ${i}/${parts.length - 1}`, part));
  }
  lines.push(
    `${result.applied}件を修正しました（元に戻すは tsunagu undo）/ applied ${result.applied} fixes (tsunagu undo takes them back)`,
  );
  if (result.skipped > 0) {
    lines.push(
      `${result.skipped}件は検証の後にセルが変わっていたため修正していません / left ${result.skipped} fixes out: their cells changed after the validation`,
    );
  }
  report(io, flags, {
    json: { ...preview.value, result },
    lines,
    stats: addStats(parts),
    action: 'applyFixes',
    saved,
  });
  return 0;
}
