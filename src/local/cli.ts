/** The tsunagu command line: demo, sheets, studio; a global --stats prints the service calls an action made. */
import { parseArgs } from 'node:util';
import { runDemo } from './commands/demo';
import { runMatch } from './commands/match';
import { runSheets } from './commands/sheets';
import { runStudio } from './commands/studio';
import { runSummary } from './commands/summary';
import { runFix, runValidate } from './commands/validate';
import { FAIL_AT_CALL, WriteFailed, type CliContext } from './commands/book';
import { type Io, UsageError, nodeIo } from './commands/io';

export const EXIT = { ok: 0, findings: 1, unusable: 2, writeFailed: 3 } as const;

const HELP = `tsunagu — つなぐ: 社協のための Google スプレッドシート アドオン（ローカル版）

使い方 / usage:
  tsunagu demo <out.xlsx> [--scale default|large] [--seed N] [--volunteers N] [--requests N]
      デモ用のブックを作成します。--scale large は大都市の社協の規模 / write a synthetic demo workbook; large: a large city council's
  tsunagu sheets <book.xlsx> [--json]
      シートの種類と列の対応を表示します / show the detected sheet kinds and column mapping
  tsunagu validate <book.xlsx> [--json] [--write]
      入力ミスを検証します。--write で検証結果シートとセルの印を保存 / validate; --write saves 検証結果 and cell marks
  tsunagu fix <book.xlsx> [--write]
      安全な修正を表示し、--write で適用して保存します / show safe fixes; --write applies them and saves
  tsunagu match <book.xlsx> [--json] [--write]
      ボランティアと依頼をマッチングします。--write でマッチング結果と不足分析を保存 / match; --write saves the result sheets
  tsunagu summary <book.xlsx> [--fy 2024] [--json] [--write] [--html report.html]
      指標サマリー（年度・圏域ごとの指標と評価、少ない数は＊で秘匿）を表示します。--html で報告書、--write でシートを保存
      / the indicator summary (small counts hidden); --html writes the leadership report, --write saves the sheet
  tsunagu studio [book.xlsx] [--port 8080]
      ブラウザで試せるローカル スタジオを開きます / open the local studio in a browser

共通 / global:
  --stats   サービス呼び出し・読み書きしたセル・Apps Script での推定時間を表示（--json では "stats"）
            / print the service calls, cells read and written, and the estimated Apps Script time (in --json: "stats")
  --help    このヘルプ / this help

終了コード / exit codes: 0 正常 ok, 1 指摘あり findings, 2 使えない入力 unusable input, 3 書き込みの失敗 a write failed

環境変数 / environment:
  ${FAIL_AT_CALL}=N   書き込むコマンドの N 番目の書き込み呼び出しを失敗させ、失敗した後の状態を保存します（テスト用）
                         make the N-th mutating service call of a writing command fail, and save the workbook as it is after the failure (for testing)`;

/** Runs one command; resolves to the process exit code. */
export async function main(
  argv: string[],
  io: Io = nodeIo(),
  context: CliContext = { env: process.env },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        json: { type: 'boolean', default: false },
        seed: { type: 'string' },
        volunteers: { type: 'string' },
        requests: { type: 'string' },
        scale: { type: 'string' },
        port: { type: 'string' },
        write: { type: 'boolean', default: false },
        fy: { type: 'string' },
        html: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`tsunagu: ${(error as Error).message}\n${HELP}`);
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.out(HELP);
    return command || values.help ? EXIT.ok : EXIT.unusable;
  }
  try {
    switch (command) {
      case 'demo':
        return await runDemo(rest, values, io);
      case 'sheets':
        return await runSheets(rest, values, io);
      case 'studio':
        return await runStudio(rest, values, io);
      case 'validate':
        return await runValidate(rest, values, io, context);
      case 'fix':
        return await runFix(rest, values, io, context);
      case 'match':
        return await runMatch(rest, values, io, context);
      case 'summary':
        return await runSummary(rest, values, io, context);
      default:
        throw new UsageError(`不明なコマンドです: ${command} / unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tsunagu: ${error.message}`);
      return EXIT.unusable;
    }
    if (error instanceof WriteFailed) {
      io.err(`tsunagu: ${error.message}`);
      return EXIT.writeFailed;
    }
    throw error;
  }
}
