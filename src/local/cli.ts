/**
 * The tsunagu command line: every sidebar action on an .xlsx through the real bundle. Results on
 * stdout (--json for scripts), messages on stderr, exit codes 0 ok / 1 findings remain / 2 unusable
 * input or a refused or unconfirmed action / 3 a write failed, a one-line bilingual reason; every
 * command that writes asks first on the terminal, or takes --yes.
 */
import { parseArgs } from 'node:util';
import {
  runApprove,
  runClearHighlights,
  runCommit,
  runDecision,
  runEraseHistory,
  runSetup,
  runUndo,
} from './commands/actions';
import { FAIL_AT_CALL, WriteFailed, type CliContext, type Flags } from './commands/book';
import { runDemo } from './commands/demo';
import { type Io, UsageError, nodeIo } from './commands/io';
import { runMapping } from './commands/mapping';
import { runMatch } from './commands/match';
import { runSheets } from './commands/sheets';
import { runStudio } from './commands/studio';
import { runSummary } from './commands/summary';
import { runSurvey } from './commands/survey';
import { runTriggers } from './commands/triggers';
import { safeLines } from './commands/text';
import { runFix, runValidate } from './commands/validate';

export const EXIT = { ok: 0, findings: 1, unusable: 2, writeFailed: 3 } as const;

type OptionName = Exclude<keyof Flags, never>;

/** The options every workbook command takes. */
const BOOK: readonly OptionName[] = ['json', 'stats', 'no-backup'];

interface Command {
  options: readonly OptionName[];
  run(rest: string[], flags: Flags, io: Io, context: CliContext): Promise<number>;
}

/** The options of the commands that write (they ask first, or take --yes). */
const WRITES: readonly OptionName[] = [...BOOK, 'yes'];

const COMMANDS: Record<string, Command> = {
  demo: { options: ['stats', 'seed', 'volunteers', 'requests', 'scale', 'force', 'no-backup'], run: runDemo },
  sheets: { options: ['json', 'stats'], run: runSheets },
  mapping: { options: [...WRITES, 'kind', 'save', 'clear', 'header-row', 'set', 'live'], run: runMapping },
  setup: { options: WRITES, run: runSetup },
  validate: { options: [...WRITES, 'write'], run: runValidate },
  fix: { options: [...WRITES, 'write'], run: runFix },
  'clear-highlights': { options: WRITES, run: runClearHighlights },
  undo: { options: [...WRITES, 'dry-run'], run: runUndo },
  'erase-history': { options: WRITES, run: runEraseHistory },
  match: { options: [...WRITES, 'write'], run: runMatch },
  pin: { options: WRITES, run: (rest, flags, io, context) => runDecision('pin', rest, flags, io, context) },
  exclude: { options: WRITES, run: (rest, flags, io, context) => runDecision('exclude', rest, flags, io, context) },
  unpin: { options: WRITES, run: (rest, flags, io, context) => runDecision('unpin', rest, flags, io, context) },
  approve: { options: [...WRITES, 'off'], run: runApprove },
  commit: { options: WRITES, run: runCommit },
  summary: { options: [...WRITES, 'write', 'fy', 'html', 'close', 'reopen'], run: runSummary },
  studio: { options: ['stats', 'port', 'no-backup'], run: (rest, flags, io) => runStudio(rest, flags, io) },
  survey: {
    options: [
      ...WRITES,
      'write',
      'form-name',
      'remove-missing',
      'recreate',
      'form',
      'accept',
      'decline',
      'language',
      'out',
      'answers',
    ],
    run: runSurvey,
  },
  triggers: { options: [...WRITES, 'start', 'schedule', 'stop', 'seen', 'run-due', 'until', 'as'], run: runTriggers },
};

const HELP = `tsunagu — つなぐ: 社協のための Google スプレッドシート アドオン（ローカル版）

使い方 / usage:
  tsunagu demo <out.xlsx> [--scale default|large] [--seed N] [--volunteers N] [--requests N] [--force]
      デモ用のブックを作成（既にあるファイルは --force のときだけ上書き）/ write a demo workbook (--force to replace a file)
  tsunagu sheets <book.xlsx> [--json]
      シートの種類と列の対応 / the detected sheet kinds and column mappings
  tsunagu mapping <book.xlsx> <シート> [--kind 種類] [--save [--header-row N] [--set 項目=列 …] [--live yes|no] | --clear]
      列の対応を表示・確定・自動検出に戻す。--live でマッチング・集計に使うか / show, confirm (with changes) or forget a sheet's
      mapping; --live: whether matching and summaries use the sheet (a 退会者 archive: no)
  tsunagu setup <book.xlsx>
      シート準備: ない標準シートを作成 / create the missing standard sheets
  tsunagu validate <book.xlsx> [--write]
      検証。--write で検証結果シートとセルの印を保存 / check the entries; --write saves 検証結果 and the marks
  tsunagu fix <book.xlsx> [--write]
      安全な修正を表示、--write で適用 / show the safe fixes; --write applies them
  tsunagu clear-highlights <book.xlsx>
      ハイライトを消す / take 検証's marks off
  tsunagu undo <book.xlsx> [--dry-run]
      元に戻す（最後の修正または確定）/ undo the last fix or commit
  tsunagu erase-history <book.xlsx>
      履歴を消去（これまでの操作は元に戻せなくなります）/ erase the history (nothing before can be undone)
  tsunagu match <book.xlsx> [--write]
      マッチング。--write でマッチング結果と不足分析を保存 / match; --write saves the result sheets
  tsunagu pin|exclude|unpin <book.xlsx> <依頼番号> <登録番号>
      組み合わせを固定・除外・指定解除してマッチングし直す / pin, exclude or free a pair, and match again
  tsunagu approve <book.xlsx> <依頼番号> <登録番号> [--off]
      承認を付ける（--off で外す）/ approve a pair (--off clears it)
  tsunagu commit <book.xlsx>
      確定: 承認した組み合わせを依頼に書き込む / write the approved pairs into 依頼
  tsunagu summary <book.xlsx> [--fy 2024] [--write] [--html report.html] [--close 2024 | --reopen 2024]
      指標サマリー（年度・圏域ごとの指標と評価、少ない数は＊）。--html で報告書、--write でシートを保存、--close で年度確定、--reopen で確定を取り消す
      / the indicator summary (small counts hidden); --html writes the leadership report, --write saves the sheet, --close closes a fiscal year, --reopen re-opens it
  tsunagu survey template <book.xlsx> <ボランティア登録|住民意識調査|活動報告> [--form-name 名前] [--write]
      アンケート定義のテンプレートを表示、--write で書き込む / show a template; --write appends it to アンケート定義
  tsunagu survey build <book.xlsx> [--write [--remove-missing] [--recreate]]
      アンケート定義を確認、--write でフォームを作成・更新しフォーム一覧を保存（エラーがあると 1）
      / check アンケート定義; --write builds or updates the forms (book.forms.json beside the book) and saves フォーム一覧
  tsunagu survey import <book.xlsx> [--write]
      住民アンケートの回答を数え、--write でアンケート回答シートに書き込む / count the resident surveys' answers; --write saves アンケート回答
  tsunagu survey flyer <book.xlsx> --form 名前 [--language en] --out flyer.html
      フォームのチラシ（A4、QRコード・短縮URL・連絡先）を書き出す / write a form's printable A4 flyer (QR code, short URL, contact)
  tsunagu survey respond <book.xlsx> --form 名前 [--language en] --answers answers.json
      回答者としてフォームに答える（設問IDごとの JSON、断られると 1）/ answer a form as a respondent (JSON by 設問ID; 1 when refused)
  tsunagu triggers <book.xlsx> [--as メール] [--start answers|summary [--schedule daily@6|monday@7] | --stop answers|summary | --seen | --run-due [--until 日時]]
      トリガー（新しい回答の通知・指標サマリーの定期更新）の状態、オン・止める・確認済み。--run-due で時刻になった定期更新を実行（book.triggers.json）
      / the installable triggers: state, turn on, stop, mark answers seen; --run-due runs the scheduled refresh when due (book.triggers.json beside the book)
  tsunagu studio [book.xlsx] [--port 8080]
      ブラウザで試せるローカル スタジオ / the local studio in a browser

共通 / global:
  --json       結果を JSON で標準出力へ / print the result as JSON on stdout
  --yes, -y    書き込みの確認に「はい」と答える（端末がないときは必須）/ answer yes to the confirmation (needed without a terminal)
  --stats      サービス呼び出し・読み書きしたセル・Apps Script での推定時間（--json では "stats"）
               / the service calls, cells read and written, and the estimated Apps Script time
  --no-backup  上書きの前にバックアップを残さない / keep no backup before the first overwrite
  --help       このヘルプ / this help

結果は標準出力、メッセージと確認は標準エラー出力に書きます。/ Results go to stdout; messages and questions to stderr.
書き込むコマンドは、何を変えるかを示して確認してから同じファイルに保存し、最初の上書きの前に
<名前>.backup-YYYYMMDD-HHMMSS.xlsx を同じフォルダに残します。開いた後に別のアプリでファイルが変更されていたら上書きしません。
Commands that write say what they will change and ask first (or take --yes), save to the same file keeping
<name>.backup-YYYYMMDD-HHMMSS.xlsx beside it before the first overwrite, and never overwrite a file another
program changed after it was opened.

終了コード / exit codes: 0 正常 ok, 1 指摘あり findings remain (errors or warnings, safe fixes pending, places unfilled),
  2 使えない入力・実行できない操作・確認なし unusable input, refused or unconfirmed action, 3 書き込みの失敗 a write failed

環境変数 / environment:
  ${FAIL_AT_CALL}=N   書き込むコマンドの N 番目の書き込み呼び出しを失敗させ、失敗した後の状態を保存します（テスト用）
                         make the N-th mutating service call of a writing command fail, and save the workbook as it is after the failure (for testing)`;

const PARSE_OPTIONS = {
  stats: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  force: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'no-backup': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  off: { type: 'boolean' },
  save: { type: 'boolean' },
  clear: { type: 'boolean' },
  seed: { type: 'string' },
  volunteers: { type: 'string' },
  requests: { type: 'string' },
  scale: { type: 'string' },
  port: { type: 'string' },
  kind: { type: 'string' },
  'header-row': { type: 'string' },
  live: { type: 'string' },
  set: { type: 'string', multiple: true },
  fy: { type: 'string' },
  html: { type: 'string' },
  close: { type: 'string' },
  reopen: { type: 'string' },
  'form-name': { type: 'string' },
  'remove-missing': { type: 'boolean' },
  recreate: { type: 'boolean' },
  form: { type: 'string' },
  accept: { type: 'string', multiple: true },
  decline: { type: 'string', multiple: true },
  language: { type: 'string' },
  out: { type: 'string' },
  answers: { type: 'string' },
  start: { type: 'string' },
  schedule: { type: 'string' },
  stop: { type: 'string' },
  seen: { type: 'boolean' },
  'run-due': { type: 'boolean' },
  until: { type: 'string' },
  as: { type: 'string' },
} as const;

/** Node's parse errors, as one line in Japanese and English. */
function parseProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]*)/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不明なオプションです: ${option} / unknown option: ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message ?? '')
        ? `${option} には値が必要です / ${option} needs a value`
        : `${option} は値をとりません / ${option} takes no value`;
    default:
      return `引数を読めません / cannot read the arguments`;
  }
}

/** Runs one command; resolves to the process exit code. */
export async function main(
  argv: string[],
  raw: Io = nodeIo(),
  context: CliContext = { env: process.env },
): Promise<number> {
  // Whatever a cell holds, what reaches the terminal cannot act on it.
  const io: Io = { out: (text) => raw.out(safeLines(text)), err: (text) => raw.err(safeLines(text)) };
  const ask = raw.ask?.bind(raw);
  if (ask) io.ask = (question) => ask(safeLines(question));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: PARSE_OPTIONS });
  } catch (error) {
    io.err(`tsunagu: ${parseProblem(error)}（tsunagu --help）`);
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || !name) {
    io.out(HELP);
    return name || values.help ? EXIT.ok : EXIT.unusable;
  }
  try {
    const command = COMMANDS[name];
    if (!command || !Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
      throw new UsageError(`不明なコマンドです: ${name} / unknown command: ${name}（tsunagu --help）`);
    }
    const given = Object.keys(values).filter((key) => key !== 'help') as OptionName[];
    const foreign = given.filter((key) => !command.options.includes(key));
    if (foreign.length > 0) {
      const list = foreign.map((key) => `--${key}`).join(' ');
      throw new UsageError(`${name} では使えないオプションです: ${list} / ${name} does not take ${list}`);
    }
    return await command.run(rest, values as Flags, io, context);
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
