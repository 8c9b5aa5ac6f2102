/** tsunagu summary: 指標サマリー on an .xlsx through the real bundle — text, --json, the leadership report (--html), and --write. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SummaryReport, SummaryView } from '../../shared/rpc';
import { formatFiscalYear, parseFiscalYear } from '../../core/text/date';
import { Book, type CliContext } from './book';
import { type Io, UsageError } from './io';
import { printStats, takeStats, type ActionStats } from './stats';

export interface SummaryFlags {
  json?: boolean;
  write?: boolean;
  stats?: boolean;
  fy?: string;
  html?: string;
}

const USAGE =
  '使い方: tsunagu summary <book.xlsx> [--fy 2024] [--json] [--write] [--html report.html] / usage: tsunagu summary <book.xlsx> [--fy 2024] [--json] [--write] [--html report.html]';

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
  return n === null ? '—' : `${n.toLocaleString('ja-JP', { maximumFractionDigits: 1 })}${unit}`;
}

const STATE_TEXT: Record<string, string> = {
  none: '—',
  noData: 'データなし',
  future: '（未来の年度）',
  notCounted: '（年度確定の値のみ）',
  notEntered: '未入力',
};

/** summary: exit 0, or 2 for unusable input (指標定義 with errors included: nothing is written). */
export async function runSummary(
  rest: string[],
  flags: SummaryFlags,
  io: Io,
  context: CliContext = {},
): Promise<number> {
  const path = rest[0];
  if (!path || rest.length > 1) throw new UsageError(USAGE);
  if (flags.html !== undefined && !/\.html?$/i.test(flags.html))
    throw new UsageError(
      `--html の出力ファイルは .html にしてください（${flags.html}）/ the --html output must be an .html file (got ${flags.html})`,
    );
  const fy = fyOption(flags.fy);
  const book = await Book.open(path, io, context);
  const session = book.session;
  session.emu.stats.reset();
  const report = book.read<SummaryReport>('getSummaryReport', fy, flags.html !== undefined);
  const readStats = takeStats(session.emu.stats);
  let writeStats: ActionStats | null = null;
  let written = '';
  if (flags.write) {
    session.emu.stats.reset();
    const view = await book.write<SummaryView>('runSummary');
    writeStats = takeStats(session.emu.stats);
    written = `「${view.resultSheet}」シートを書き込んで保存しました / wrote ${view.resultSheet}, saved ${path}`;
  }
  if (flags.html !== undefined && report.html !== null) {
    writeFileSync(resolve(flags.html), report.html, 'utf8');
  }
  const stats = writeStats ?? readStats;
  if (flags.json) {
    io.out(JSON.stringify(flags.stats ? { ...report.json, stats: stats.summary } : report.json, null, 2));
    return 0;
  }
  const view = report.view;
  const year = fy ?? view.fy;
  const label = year === view.fy ? view.fyLabel : formatFiscalYear(year);
  io.out(
    `指標サマリー ${label} / indicator summary, FY${year}（秘匿基準 ${view.threshold} / suppression threshold ${view.threshold}）`,
  );
  for (const goal of view.goals) {
    io.out(`基本目標${goal.goal} ${goal.title}`);
    for (const line of goal.indicators) {
      const indicator = report.json.indicators.find((i) => i.id === line.id);
      const city = indicator?.cells.find((c) => c.fy === year && c.area === '市全体');
      if (!city) continue;
      const value = city.suppressed
        ? '＊'
        : city.value !== null
          ? figure(city.value, line.unit)
          : (STATE_TEXT[city.state] ?? '—');
      const parts = [`  ${line.id} ${line.name}: ${value}`];
      if (city.target !== null) parts.push(`目標 ${figure(city.target, line.unit)}`);
      if (city.rate !== null) parts.push(`達成率 ${figure(city.rate)}%`);
      if (city.grade !== null) parts.push(`評価 ${city.grade} ${view.gradeLabels[city.grade]}`);
      io.out(parts.join('  '));
    }
  }
  for (const note of view.notes) io.out(`※${note.ja}`);
  io.out(`※${view.footnote.ja}`);
  const hidden = report.json.indicators.reduce(
    (n, i) => n + i.cells.filter((c) => c.fy === year && c.suppressed).length,
    0,
  );
  io.out(`指標${view.indicators}件・伏せたセル ${hidden}個 / ${view.indicators} indicators, ${hidden} cells hidden`);
  if (flags.html !== undefined) io.out(`報告書を書き出しました: ${flags.html} / wrote the report to ${flags.html}`);
  if (written) io.out(written);
  if (flags.stats) printStats(io, writeStats ? 'runSummary' : 'getSummaryReport', stats);
  return 0;
}
