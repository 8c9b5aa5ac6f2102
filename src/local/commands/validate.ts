/** tsunagu validate and tsunagu fix: the 検証 and 安全な修正 actions run on an .xlsx through the real bundle. */
import type { FixPreview, FixResult, ValidationReport, ValidationView } from '../../shared/rpc';
import { Book, type CliContext } from './book';
import { type Io, UsageError } from './io';
import { addStats, printStats, takeStats, type ActionStats } from './stats';

export interface ValidateFlags {
  json?: boolean;
  write?: boolean;
  stats?: boolean;
}

function bookPath(rest: string[], usage: string): string {
  const path = rest[0];
  if (!path || rest.length > 1) throw new UsageError(usage);
  return path;
}

/**
 * 検証 as the sidebar runs it: one call, and for a workbook too large for one Apps Script call the
 * parts after it (continueValidation), each one execution with its own stats.
 */
export async function validateInParts(
  book: Book,
  /** Save the workbook after the last part (validate --write); fix saves only with its own --write. */
  save = true,
): Promise<{ view: ValidationView; parts: ActionStats[] }> {
  const session = book.session;
  const parts: ActionStats[] = [];
  const step = async (last: (v: ValidationView) => boolean, name: string, ...args: unknown[]) => {
    session.emu.stats.reset();
    const view = await book.writeStep<ValidationView>(false, name, ...args);
    session.emu.endExecution();
    parts.push(takeStats(session.emu.stats));
    if (save && last(view)) await session.save(book.path);
    return view;
  };
  const done = (v: ValidationView): boolean => !v.running;
  let view = await step(done, 'runValidation');
  while (view.running) view = await step(done, 'continueValidation', view.running.runId);
  return { view, parts };
}

/** validate: exit 0 when there are no errors, 1 when there are, 2 for unusable input. */
export async function runValidate(
  rest: string[],
  flags: ValidateFlags,
  io: Io,
  context: CliContext = {},
): Promise<number> {
  const path = bookPath(
    rest,
    '使い方: tsunagu validate <book.xlsx> [--json] [--write] / usage: tsunagu validate <book.xlsx> [--json] [--write]',
  );
  const book = await Book.open(path, io, context);
  const session = book.session;
  session.emu.stats.reset();
  const found = book.read<ValidationReport>('getValidationReport');
  const readStats = takeStats(session.emu.stats);
  let writeStats: ActionStats | null = null;
  let writeParts: ActionStats[] = [];
  let written = '';
  if (flags.write) {
    const { view, parts } = await validateInParts(book);
    writeParts = parts;
    writeStats = addStats(parts);
    written = `「${view.resultSheet}」シートを書き込み、${view.highlighted}個のセルに印を付けて保存しました / wrote ${view.resultSheet}, marked ${view.highlighted} cells, saved ${path}`;
  }
  const stats = writeStats ?? readStats;
  if (flags.json) {
    io.out(JSON.stringify(flags.stats ? { ...found, stats: stats.summary } : found, null, 2));
  } else {
    for (const issue of found.issues) {
      const where = `${issue.sheet} ${issue.row}行 ${issue.column}`;
      const tag = issue.severity === 'error' ? 'エラー' : '警告';
      io.out(
        `${tag} ${where} [${issue.code}] ${issue.message}${issue.value ? `（値: ${issue.value}）` : ''}${issue.suggestion ? ` → 提案: ${issue.suggestion}` : ''}`,
      );
    }
    const c = found.counts;
    io.out(
      `エラー ${c.errors}件・警告 ${c.warnings}件・安全に直せるもの ${c.fixable}件 / ${c.errors} errors, ${c.warnings} warnings, ${c.fixable} safely fixable`,
    );
    if (written) io.out(written);
  }
  if (flags.stats && !flags.json) {
    if (writeParts.length > 1)
      writeParts.forEach((part, i) => printStats(io, `runValidation ${i + 1}/${writeParts.length}`, part));
    printStats(io, writeStats ? 'runValidation' : 'getValidationReport', stats);
  }
  return found.counts.errors > 0 ? 1 : 0;
}

/** fix: shows the safe fixes; with --write applies them and saves. Exit 0, or 2 for unusable input. */
export async function runFix(rest: string[], flags: ValidateFlags, io: Io, context: CliContext = {}): Promise<number> {
  const path = bookPath(rest, '使い方: tsunagu fix <book.xlsx> [--write] / usage: tsunagu fix <book.xlsx> [--write]');
  const book = await Book.open(path, io, context);
  const session = book.session;
  // A workbook validated in parts takes its safe fixes from its last 検証: run one first when needed.
  const first = session.run('previewFixes') as { ok: boolean; error?: { code: string } };
  if (!first.ok && first.error?.code === 'fix.noRun') await validateInParts(book, false);
  session.emu.stats.reset();
  const preview = book.read<FixPreview>('previewFixes');
  const previewStats = takeStats(session.emu.stats);
  if (flags.json && !flags.write)
    io.out(JSON.stringify(flags.stats ? { ...preview, stats: previewStats.summary } : preview, null, 2));
  else if (!flags.json) {
    for (const item of preview.items)
      io.out(`${item.sheet}!${item.cell} [${item.kind}] ${item.before} → ${item.after}`);
    if (preview.total > preview.items.length)
      io.out(`…ほか ${preview.total - preview.items.length}件 / and ${preview.total - preview.items.length} more`);
    io.out(`安全に直せるもの ${preview.total}件 / ${preview.total} safe fixes`);
  }
  if (!flags.write) {
    if (!flags.json) {
      io.out('保存していません。適用するには --write を付けてください / nothing saved: add --write to apply');
      if (flags.stats) printStats(io, 'previewFixes', previewStats);
    }
    return 0;
  }
  session.emu.stats.reset();
  const result = await book.write<FixResult>('applyFixes', preview.token);
  const applyStats = takeStats(session.emu.stats);
  if (flags.json) {
    io.out(
      JSON.stringify(flags.stats ? { ...preview, result, stats: applyStats.summary } : { ...preview, result }, null, 2),
    );
  } else {
    io.out(
      `${result.applied}件を修正して保存しました（元に戻すはサイドバーから）/ applied ${result.applied} fixes and saved ${path}`,
    );
    if (flags.stats) printStats(io, 'applyFixes', applyStats);
  }
  return 0;
}
