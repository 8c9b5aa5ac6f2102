/** tsunagu summary: 指標サマリー on an .xlsx through the real bundle — text, --json, the leadership report (--html), and --write. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SummaryReport, SummaryView } from '../../shared/rpc';
import { formatFiscalYear, parseFiscalYear } from '../../core/text/date';
import { driftText } from '../../core/indicators/closing';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError } from './io';
import { addStats, printStats, type ActionStats } from './stats';
import { printable } from './text';

const USAGE =
  '使い方: tsunagu summary <book.xlsx> [--fy 2024] [--json] [--write [--yes]] [--html report.html] [--close 2024 | --reopen 2024] / usage: tsunagu summary <book.xlsx> [--fy 2024] [--json] [--write [--yes]] [--html report.html] [--close 2024 | --reopen 2024]';

/** --fy as the 年度's starting year: 2024, 2024年度, R6, 令和6年度 and FY2024 all read as 2024. */
export function fyOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = parseFiscalYear(value.trim());
  if (!parsed.ok)
    throw new UsageError(
      `--fy には年度を 2024・令和6年度・R6 のように指定してください（${value}）/ --fy must be a fiscal year such as 2024, 令和6年度 or R6 (got ${value})`,
    );
  return parsed.year;
}

function figure(n: number | null, unit = ''): string {
  return n === null ? '—' : `${n.toLocaleString('ja-JP', { maximumFractionDigits: 1 })}${printable(unit)}`;
}

const STATE_TEXT: Record<string, string> = {
  none: '—',
  noData: 'データなし',
  future: '（未来の年度）',
  notCounted: '（年度確定の値のみ）',
  notEntered: '未入力',
};

/** The text report: a block per 基本目標, a line per indicator with its 市全体 figure of the 年度. */
function summaryLines(found: SummaryReport, year: number): string[] {
  const view = found.view;
  const label = year === view.fy ? view.fyLabel : formatFiscalYear(year);
  const lines = [
    `指標サマリー ${label} / indicator summary, FY${year}（秘匿基準 ${view.threshold} / suppression threshold ${view.threshold}）`,
  ];
  for (const goal of view.goals) {
    lines.push(`基本目標${goal.goal} ${printable(goal.title)}`);
    for (const line of goal.indicators) {
      const indicator = found.json.indicators.find((i) => i.id === line.id);
      const city = indicator?.cells.find((c) => c.fy === year && c.area === '市全体');
      if (!city) continue;
      const value = city.suppressed
        ? '＊'
        : city.value !== null
          ? figure(city.value, line.unit)
          : (STATE_TEXT[city.state] ?? '—');
      const parts = [`  ${printable(line.id)} ${printable(line.name)}: ${value}`];
      if (city.target !== null) parts.push(`目標 ${figure(city.target, line.unit)}`);
      if (city.rate !== null) parts.push(`達成率 ${figure(city.rate)}%`);
      if (city.grade !== null) parts.push(`評価 ${city.grade} ${printable(view.gradeLabels[city.grade])}`);
      lines.push(parts.join('  '));
    }
  }
  for (const note of view.notes) lines.push(`※${printable(note.ja)}`);
  lines.push(`※${printable(view.footnote.ja)}`);
  const hidden = found.json.indicators.reduce(
    (n, i) => n + i.cells.filter((c) => c.fy === year && c.suppressed).length,
    0,
  );
  lines.push(
    `指標${view.indicators}件・伏せたセル ${hidden}個 / ${view.indicators} indicators, ${hidden} cells hidden`,
  );
  return lines;
}

/** The closed 年度 and, per indicator of those 年度, what changed in the source rows since. */
function closingLines(found: SummaryReport): string[] {
  const lines: string[] = [];
  for (const c of found.view.closed)
    lines.push(`${c.label}: 確定済み（${c.closedAt}）/ FY${c.fy} closed at ${c.closedAt}`);
  for (const indicator of found.json.indicators) {
    for (const fy of found.json.closedYears) {
      const city = indicator.cells.find((c) => c.fy === fy && c.area === '市全体');
      const areas = indicator.cells.filter((c) => c.fy === fy && c.area !== '市全体');
      const text = driftText(city?.drift ?? null, areas);
      if (text !== '') lines.push(`  ${printable(indicator.id)} ${formatFiscalYear(fy)}: ${printable(text)}`);
    }
  }
  return lines;
}

/** --close 2024 / --reopen 2024: 年度確定 or 確定を取り消す, asked first (or --yes), saved as every write. */
async function runClosing(path: string, flags: Flags, io: Io, context: CliContext): Promise<number> {
  if (flags.close !== undefined && flags.reopen !== undefined)
    throw new UsageError('--close と --reopen は同時に指定できません / --close and --reopen cannot be given together');
  if (flags.write || flags.html !== undefined || flags.fy !== undefined)
    throw new UsageError(
      '--close・--reopen は --write・--html・--fy と同時に指定できません（確定すると指標サマリーのシートも書き直します）/ --close and --reopen take no --write, --html or --fy (closing rewrites the summary sheet too)',
    );
  const closing = flags.close !== undefined;
  const fy = fyOption(closing ? flags.close : flags.reopen) as number;
  const book = await Book.open(path, flags, io, context);
  const label = formatFiscalYear(fy);
  const lines = book.preview([]);
  await book.confirm(
    closing
      ? `${label}を確定します: 今の実績（伏せた値を含む）を非表示のシートに保存し、以後の指標サマリーはその値を示します / closing FY${fy}: its figures as published now are kept in a hidden sheet and shown from then on`
      : `${label}の確定を取り消します: 保存した値を消し、今の元データから集計した値に戻します / re-opening FY${fy}: the frozen figures are removed and the figures counted now are shown again`,
  );
  const action = closing ? 'closeFiscalYear' : 'reopenFiscalYear';
  // As the sidebar runs it: a workbook too large for one Apps Script call is counted in parts first.
  const { view, parts } = await summaryInParts(book, action, fy);
  const saved = await book.saveChanges();
  if (flags.stats && !flags.json && parts.length > 1)
    parts.forEach((part, i) => printStats(io, `${action} ${i + 1}/${parts.length}`, part));
  const after = book.read<SummaryReport>('getSummaryReport', null, false);
  lines.push(
    closing ? `${label}を確定しました / closed FY${fy}` : `${label}の確定を取り消しました / re-opened FY${fy}`,
    `「${printable(view.resultSheet)}」を書き直しました / rewrote ${printable(view.resultSheet)}`,
    ...view.notices.map((n) => `${printable(n.ja)} / ${printable(n.en)}`),
    ...closingLines(after.value),
  );
  report(io, flags, { json: after.value.json, lines, stats: addStats(parts), action, saved });
  return 0;
}

/** summary: exit 0, or 2 for unusable input (指標定義 with errors included: nothing is written), 3 when the write failed. */
export async function runSummary(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  const path = rest[0];
  if (!path || rest.length > 1) throw new UsageError(USAGE);
  if (flags.close !== undefined || flags.reopen !== undefined) return runClosing(path, flags, io, context);
  if (flags.html !== undefined && !/\.html?$/i.test(flags.html))
    throw new UsageError(
      `--html の出力ファイルは .html にしてください（${flags.html}）/ the --html output must be an .html file (got ${flags.html})`,
    );
  const fy = fyOption(flags.fy);
  const book = await Book.open(path, flags, io, context);
  const found = book.read<SummaryReport>('getSummaryReport', fy, flags.html !== undefined);
  const year = fy ?? found.value.view.fy;
  let lines = [...summaryLines(found.value, year), ...closingLines(found.value)];
  if (flags.html !== undefined && found.value.html !== null) {
    writeFileSync(resolve(flags.html), found.value.html, 'utf8');
    lines.push(`報告書を書き出しました: ${flags.html} / wrote the report to ${flags.html}`);
  }
  if (!flags.write) {
    report(io, flags, { json: found.value.json, lines, stats: found.stats, action: 'getSummaryReport' });
    return 0;
  }
  lines = book.preview(lines);
  await book.confirm(
    '指標サマリーのシートを書き直します（評価コメント・改善の方向・担当と手入力の実績は指標IDと年度ごとに残ります）/ this rewrites 指標サマリー (comments, actions, owners and typed figures stay with their indicator and 年度)',
  );
  const { view, parts } = await summaryInParts(book);
  const saved = await book.saveChanges();
  if (flags.stats && !flags.json && parts.length > 1)
    parts.forEach((part, i) => printStats(io, `runSummary ${i + 1}/${parts.length}`, part));
  lines.push(
    `「${printable(view.resultSheet)}」を書き込みました / wrote ${printable(view.resultSheet)}`,
    ...view.notices.map((n) => `${printable(n.ja)} / ${printable(n.en)}`),
  );
  report(io, flags, {
    json: found.value.json,
    lines,
    stats: addStats(parts),
    action: 'runSummary',
    saved,
  });
  return 0;
}

/**
 * 指標サマリーを更新 (or 年度確定, 確定を取り消す) as the sidebar runs it: one call, and for a
 * workbook too large for one Apps Script call the parts after it (continueSummary), each one
 * execution with its own stats. Saved by the caller after the last part.
 */
export async function summaryInParts(
  book: Book,
  first: 'runSummary' | 'closeFiscalYear' | 'reopenFiscalYear' = 'runSummary',
  ...args: unknown[]
): Promise<{ view: SummaryView; parts: ActionStats[] }> {
  const parts: ActionStats[] = [];
  const step = async (name: string, ...args: unknown[]): Promise<SummaryView> => {
    const { value, stats } = await book.writeStep<SummaryView>(name, ...args);
    parts.push(stats);
    return value;
  };
  let view = await step(first, ...args);
  while (view.running) view = await step('continueSummary', view.running.runId);
  return { view, parts };
}
