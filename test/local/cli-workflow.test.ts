// The CLI as a Unix tool: every sidebar action on one .xlsx with --json, exit codes, one-line
// bilingual refusals, control characters made visible, demo that never overwrites by accident.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, jest } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/commands/io';
import { printable } from '../../src/local/commands/text';
import { projectRoot } from '../../src/local/paths';
import { Session } from '../../src/local/session';
import { defaultSettingsRows, parseSettings } from '../../src/core/sheets/settings';
import { generateDemoBook } from '../../src/local/demo/index';
import type { MatchReport, MatchView, ValidationReport } from '../../src/shared/rpc';

// Each command opens, runs and saves the workbook through the bundle: slow on a busy machine.
jest.setTimeout(240_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string[];
}

async function tsunagu(...argv: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
  const code = await main(argv, io);
  return { code, stdout: stdout.join('\n'), stderr };
}

async function json<T>(...argv: string[]): Promise<{ code: number; value: T }> {
  const run = await tsunagu(...argv, '--json');
  if (run.code === 2) throw new Error(`tsunagu ${argv.join(' ')} exited 2: ${run.stderr.join('\n')}`);
  return { code: run.code, value: JSON.parse(run.stdout) as T };
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-cli-flow-'));
const book = join(dir, '名簿.xlsx');

function backups(): string[] {
  return readdirSync(dir).filter((name) => /^名簿\.backup-\d{8}-\d{6}(-\d+)?\.xlsx$/.test(name));
}

beforeAll(async () => {
  // The roster and the requests of a small demo (with its planted mistakes): each command opens and
  // saves the file, so it stays small; `tsunagu demo` itself is tested below.
  const session = Session.create('名簿');
  expect((session.run('setupSheets') as { ok: boolean }).ok).toBe(true);
  const demo = generateDemoBook({
    seed: 7,
    volunteers: 60,
    requests: 24,
    areas: parseSettings(defaultSettingsRows()).settings.areas,
  });
  for (const sheet of demo.sheets) {
    if (sheet.name === 'ボランティア名簿' || sheet.name === '依頼') {
      session.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
    }
  }
  await session.save(book);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the whole workflow from the command line, on one .xlsx', () => {
  // Each step works on what the one before saved.
  let first: MatchReport['assignments'][number];
  let second: MatchReport['assignments'][number];

  it('検証 --write keeps a backup; ハイライトを消す takes the marks off', async () => {
    // 検証 with --write: 検証結果 and the marks; issues remain, so exit 1.
    const validated = await json<ValidationReport & { saved: { path: string; backup: string | null } }>(
      'validate',
      book,
      '--write',
      '--yes',
    );
    expect(validated.code).toBe(1);
    expect(validated.value.saved.backup).toMatch(/名簿\.backup-\d{8}-\d{6}/);
    expect(backups()).toHaveLength(1);

    const cleared = await json<{ restored: number; notesKept: number }>('clear-highlights', book, '--yes');
    expect(cleared.value.restored).toBeGreaterThan(0);
  });

  it('安全な修正 applies every fix; 元に戻す takes them all back', async () => {
    const fixed = await json<{ total: number; result: { applied: number } }>('fix', book, '--write', '--yes');
    expect(fixed.code).toBe(0);
    expect(fixed.value.result.applied).toBe(fixed.value.total);
    expect((await json<{ total: number }>('fix', book)).value.total).toBe(0);

    const wouldUndo = await json<{ undo: { label: { ja: string } } | null }>('undo', book, '--dry-run');
    expect(wouldUndo.value.undo?.label.ja).toMatch(/安全な修正/);
    const undone = await json<{ cells: number }>('undo', book, '--yes');
    expect(undone.value.cells).toBeGreaterThan(0);
    expect((await json<{ total: number }>('fix', book)).value.total).toBe(fixed.value.total);
    expect(fixed.value.total).toBeGreaterThan(0);
  });

  it('マッチング, 固定, 承認, 確定, and 元に戻す of the 確定 keeping the approval', async () => {
    const matched = await json<MatchReport>('match', book, '--write', '--yes');
    expect(matched.value.assignments.length).toBeGreaterThanOrEqual(2);
    first = matched.value.assignments[0]!;
    second = matched.value.assignments[1]!;
    const pinned = await json<MatchView>('pin', book, first.requestId, first.volunteerId, '--yes');
    expect(pinned.value.requests.flatMap((r) => r.pairs).find((p) => p.volunteerId === first.volunteerId)?.pinned).toBe(
      true,
    );
    expect(
      (await json<{ approved: number }>('approve', book, first.requestId, first.volunteerId, '--yes')).value.approved,
    ).toBe(1);
    expect(
      (await json<{ approved: number }>('approve', book, second.requestId, second.volunteerId, '--yes')).value.approved,
    ).toBe(2);
    expect(
      (await json<{ approved: number }>('approve', book, second.requestId, second.volunteerId, '--off', '--yes')).value
        .approved,
    ).toBe(1);
    const committed = await json<{ committed: number }>('commit', book, '--yes');
    expect(committed.value.committed).toBe(1);
    const requests = (await Session.open(book)).emu.sheetValues('依頼');
    const header = requests[0] as string[];
    const row = requests.find((r) => r[0] === first.requestId)!;
    expect([row[header.indexOf('状態')], String(row[header.indexOf('担当ボランティア')])]).toEqual([
      '紹介済',
      expect.stringContaining(first.volunteerId),
    ]);
    expect((await json<{ label: { ja: string } }>('undo', book, '--yes')).value.label.ja).toMatch(/マッチングの確定/);
    // The approval is still there: 確定 works again.
    expect((await json<{ committed: number }>('commit', book, '--yes')).value.committed).toBe(1);
  });

  it('除外 and 指定解除 of a pair', async () => {
    const excluded = await json<MatchView>('exclude', book, second.requestId, second.volunteerId, '--yes');
    expect(
      excluded.value.requests.find((r) => r.requestId === second.requestId)?.excluded.map((e) => e.volunteerId),
    ).toContain(second.volunteerId);
    const freed = await json<MatchView>('unpin', book, second.requestId, second.volunteerId, '--yes');
    expect(freed.value.requests.find((r) => r.requestId === second.requestId)?.excluded ?? []).toEqual([]);
  });

  it('the column mapping: shown, confirmed with a change, forgotten; one backup per writing run', async () => {
    const shown = await json<{ confirmed: boolean; columns: Array<{ index: number; key: string | null }> }>(
      'mapping',
      book,
      'ボランティア名簿',
    );
    expect(shown.value.confirmed).toBe(false);
    const memo = shown.value.columns.find((c) => c.key === 'note');
    const saved = await json<{ confirmed: boolean; columns: Array<{ key: string | null }> }>(
      'mapping',
      book,
      'ボランティア名簿',
      '--save',
      '--set',
      'note=-',
      '--yes',
    );
    expect(saved.value.confirmed).toBe(true);
    expect(memo).toBeDefined();
    expect(saved.value.columns.some((c) => c.key === 'note')).toBe(false);
    const sheets = await tsunagu('sheets', book);
    expect(sheets.stdout).toMatch(/ボランティア名簿（volunteers）.*確認済み/);
    expect(sheets.stdout).toContain('マッチング・集計に使う / used for matching and summaries');
    // Whether matching and summaries use the sheet: saved with the mapping, shown by mapping and sheets.
    const kept = await json<{ live: boolean; liveChosen: boolean }>(
      'mapping',
      book,
      'ボランティア名簿',
      '--save',
      '--live',
      'no',
      '--yes',
    );
    expect(kept.value).toMatchObject({ live: false, liveChosen: true });
    const listed = await json<{ sheets: Array<{ name: string; live: boolean }> }>('sheets', book);
    expect(listed.value.sheets.find((s) => s.name === 'ボランティア名簿')?.live).toBe(false);
    expect((await tsunagu('mapping', book, 'ボランティア名簿')).stdout).toContain(
      'マッチング・集計に使わない（職員が選択。検証は行う）',
    );
    expect((await tsunagu('mapping', book, 'ボランティア名簿', '--live', 'no')).code, '--live goes with --save').toBe(
      2,
    );
    expect((await tsunagu('mapping', book, 'ボランティア名簿', '--save', '--live', 'maybe', '--yes')).code).toBe(2);
    expect(
      (await json<{ confirmed: boolean }>('mapping', book, 'ボランティア名簿', '--clear', '--yes')).value.confirmed,
    ).toBe(false);
    // 履歴を消去: nothing before it can be undone.
    const erased = await json<{ erased: number }>('erase-history', book, '--yes');
    expect(erased.value.erased).toBeGreaterThan(0);
    expect((await json<{ undo: unknown }>('undo', book, '--dry-run')).value.undo).toBeNull();
    // Each writing run keeps one backup before its first overwrite, each a file of its own.
    expect(backups().length).toBeGreaterThanOrEqual(1);
    expect(new Set(backups()).size).toBe(backups().length);
  });

  it('names each volunteer and requester in match output', async () => {
    const run = await tsunagu('match', book);
    const report = (await json<MatchReport>('match', book)).value;
    const a = report.assignments[0]!;
    expect(a.volunteerName).not.toBe('');
    expect(run.stdout).toContain(`${a.requestId}（${a.requester}） ← ${a.volunteerId}（${a.volunteerName}）`);
    expect(run.code).toBe(report.stats.filledPlaces < report.stats.totalPlaces ? 1 : 0);
  });

  it('--no-backup keeps no backup', async () => {
    const before = backups().length;
    await tsunagu('setup', book, '--no-backup', '--yes');
    await tsunagu('clear-highlights', book, '--no-backup', '--yes');
    await tsunagu('validate', book, '--write', '--yes', '--no-backup');
    expect(backups().length).toBe(before);
  });
});

describe('refusals: exit 2 with one line in Japanese and English', () => {
  it('an unknown option, an option without its value, an option the command does not take', async () => {
    for (const [argv, pattern] of [
      [
        ['validate', book, '--frobnicate'],
        /^tsunagu: 不明なオプションです: --frobnicate \/ unknown option: --frobnicate/,
      ],
      [['studio', book, '--port'], /--port には値が必要です \/ --port needs a value/],
      [['validate', book, '--force'], /validate では使えないオプションです: --force \/ validate does not take --force/],
      [['commit', book, 'extra'], /使い方: tsunagu commit/],
      [['undo'], /使い方: tsunagu undo/],
    ] as const) {
      const run = await tsunagu(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toHaveLength(1);
      expect(run.stderr[0]!.split('\n'), argv.join(' ')).toHaveLength(1);
      expect(run.stderr[0], argv.join(' ')).toMatch(pattern);
    }
  });

  it('an action the workbook refuses (nothing approved, a pair that is not there) says why', async () => {
    const run = await tsunagu('approve', book, 'R-9999', 'V-9999', '--yes');
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/マッチング結果に 依頼 R-9999 と V-9999 の組み合わせがありません.* \/ .*has no pair/);
  });
});

describe('tsunagu demo', () => {
  it('refuses to overwrite an existing file without --force, and keeps a backup with it', async () => {
    const before = readFileSync(book);
    const refused = await tsunagu('demo', book);
    expect(refused.code).toBe(2);
    expect(refused.stderr[0]).toMatch(/既にあります.*--force.*already exists/);
    expect(readFileSync(book)).toEqual(before);
    const other = join(dir, 'other.xlsx');
    expect((await tsunagu('demo', other, '--volunteers', '5', '--requests', '2')).code).toBe(0);
    const mtime = statSync(other).mtimeMs;
    const forced = await tsunagu('demo', other, '--volunteers', '5', '--requests', '2', '--force');
    expect(forced.code).toBe(0);
    expect(statSync(other).mtimeMs).not.toBe(mtime);
    expect(readdirSync(dir).some((name) => /^other\.backup-/.test(name))).toBe(true);
  });

  it('does not create a missing folder', async () => {
    const nested = join(dir, 'ない', 'フォルダ', 'demo.xlsx');
    const run = await tsunagu('demo', nested);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/フォルダがありません.*no such folder/);
    expect(existsSync(join(dir, 'ない'))).toBe(false);
  });
});

describe('control characters in cells', () => {
  it('are shown as escapes in human output, so a cell cannot retitle, clear or reorder the terminal', async () => {
    const path = join(dir, 'controls.xlsx');
    const session = Session.create('制御文字');
    expect((session.run('setupSheets') as { ok: boolean }).ok).toBe(true);
    const roster = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿')!;
    const header = roster.getRange(1, 1, 1, roster.getLastColumn()).getDisplayValues()[0]!;
    const row = new Array<string>(header.length).fill('');
    row[header.indexOf('登録番号')] = 'V-0001';
    // OSC title change, clear screen, BEL, a C1 CSI and a right-to-left override.
    row[header.indexOf('氏名')] = '山田\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e花子';
    row[header.indexOf('電話番号')] = '０４２\r\n461';
    roster.getRange(2, 1, 1, row.length).setValues([row]);
    await session.save(path);
    for (const argv of [['validate'], ['sheets'], ['fix'], ['mapping', 'ボランティア名簿']]) {
      const [command, ...more] = argv as [string, ...string[]];
      const run = await tsunagu(command, path, ...more);
      const all = run.stdout + run.stderr.join('\n');
      // eslint-disable-next-line no-control-regex
      expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(all), command).toBe(false);
    }
    const run = await tsunagu('validate', path);
    // XML keeps a line break as LF: the CR of CR LF does not survive the .xlsx, the LF is shown.
    expect(run.stdout).toContain('０４２\\n461');
    // The mapping's samples carry the name as it is: JSON escapes it and the value is intact.
    const asJson = await tsunagu('mapping', path, 'ボランティア名簿', '--json');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(asJson.stdout)).toBe(false);
    // (An .xlsx cannot hold C0 controls such as ESC; the bidi override and the line break survive it.)
    const samples = (JSON.parse(asJson.stdout) as { columns: Array<{ samples: string[] }> }).columns.flatMap(
      (c) => c.samples,
    );
    expect(samples.some((v) => v.includes('\u202e花子'))).toBe(true);
    expect(samples).toContain('０４２\n461');
  });

  it('printable escapes every control character and leaves text alone', () => {
    expect(printable('山田\u001b[2J\u0007')).toBe('山田\\e[2J\\x07');
    expect(printable('a\nb\tc\u202ed\u009b')).toBe('a\\nb\\tc\\u202ed\\x9b');
    expect(printable('ﾔﾏﾀﾞ 花子・042-461-1234')).toBe('ﾔﾏﾀﾞ 花子・042-461-1234');
  });
});

describe('writes are confirmed', () => {
  /** An Io with a terminal: each question is recorded after what stdout held when it was asked. */
  function terminal(answers: Array<string | null>) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const asked: Array<{ question: string; shownBefore: number }> = [];
    const io: Io = {
      out: (t) => stdout.push(t),
      err: (t) => stderr.push(t),
      ask: (question) => {
        asked.push({ question, shownBefore: stdout.length });
        return Promise.resolve(answers.shift() ?? null);
      },
    };
    return { io, stdout, stderr, asked };
  }

  async function copyOf(name: string): Promise<string> {
    const path = join(dir, name);
    await (await Session.open(book)).save(path);
    return path;
  }

  it('without a terminal and without --yes, nothing is written and the reason names --yes', async () => {
    const path = await copyOf('unconfirmed.xlsx');
    const before = readFileSync(path);
    for (const argv of [
      ['fix', path, '--write'],
      ['validate', path, '--write'],
      ['clear-highlights', path],
      ['commit', path],
    ]) {
      const run = await tsunagu(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toHaveLength(1);
      expect(run.stderr[0], argv.join(' ')).toMatch(/--yes を付けてください.* \/ .*add --yes/);
      expect(readFileSync(path).equals(before), argv.join(' ')).toBe(true);
    }
    expect(readdirSync(dir).some((name) => name.startsWith('unconfirmed.backup-'))).toBe(false);
  });

  it('on a terminal: shows what will change, asks on stderr’s side, and writes only after yes (y, yes, はい)', async () => {
    const path = await copyOf('asked.xlsx');
    const before = readFileSync(path);
    const no = terminal(['n']);
    expect(await main(['fix', path, '--write'], no.io)).toBe(2);
    expect(no.asked).toHaveLength(1);
    expect(no.asked[0]!.question).toMatch(/安全な修正 \d+件を適用します.*よろしいですか？ \/ Go ahead\? \[y\/N\] $/);
    // The fixes were listed on stdout before the question.
    expect(no.asked[0]!.shownBefore).toBeGreaterThan(0);
    expect(no.stdout.slice(0, no.asked[0]!.shownBefore).join('\n')).toMatch(/→/);
    expect(no.stderr.join('\n')).toMatch(/中止しました.*cancelled/);
    expect(readFileSync(path).equals(before)).toBe(true);
    // End of input (Ctrl-D) is no answer either.
    expect(await main(['fix', path, '--write'], terminal([null]).io)).toBe(2);
    expect(readFileSync(path).equals(before)).toBe(true);

    const yes = terminal(['ｙｅｓ']);
    expect(await main(['fix', path, '--write'], yes.io)).toBe(0);
    expect(yes.stdout.join('\n')).toMatch(/件を修正しました/);
    expect(readFileSync(path).equals(before)).toBe(false);
    const hai = terminal(['はい']);
    expect(await main(['undo', path], hai.io)).toBe(0);
    expect(hai.asked[0]!.question).toMatch(/安全な修正.*を元に戻します/);
  });

  it('--yes never asks; an action that changes nothing saves nothing and keeps no backup', async () => {
    const path = await copyOf('unchanged.xlsx');
    const asker = terminal([]);
    expect(await main(['clear-highlights', path, '--yes'], asker.io)).toBe(0);
    expect(asker.asked).toEqual([]);
    const before = statSync(path).mtimeMs;
    const again = await json<{ restored: number; saved: null }>('clear-highlights', path, '--yes');
    expect(again.value).toEqual({ restored: 0, notesKept: 0, saved: null });
    expect(statSync(path).mtimeMs).toBe(before);
    const human = await tsunagu('clear-highlights', path, '--yes');
    expect(human.stdout).toMatch(/変更はなく、保存していません \/ nothing changed, nothing saved/);
  });

  it('undo with nothing to take back is refused; --dry-run says so and exits 0', async () => {
    const path = join(dir, 'fresh.xlsx');
    expect((await tsunagu('demo', path, '--volunteers', '5', '--requests', '2')).code).toBe(0);
    expect((await json<{ undo: null }>('undo', path, '--dry-run')).value.undo).toBeNull();
    const run = await tsunagu('undo', path, '--yes');
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/元に戻せる操作はありません \/ there is nothing to undo/);
  });
});

describe('in a pipe (the built command in its own process)', () => {
  const cli = join(projectRoot(), 'bin/tsunagu.mjs');

  it('results on stdout, messages on stderr, and a write refused without --yes', () => {
    const read = spawnSync(process.execPath, [cli, 'validate', book, '--json'], { encoding: 'utf8', stdio: 'pipe' });
    expect(read.status).toBe(1);
    expect(read.stderr).toBe('');
    expect((JSON.parse(read.stdout) as ValidationReport).issues.length).toBeGreaterThan(0);
    const before = readFileSync(book);
    const write = spawnSync(process.execPath, [cli, 'clear-highlights', book], { encoding: 'utf8', stdio: 'pipe' });
    expect(write.status).toBe(2);
    expect(write.stdout).toBe('');
    expect(write.stderr).toMatch(/^tsunagu: .*add --yes\n$/);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('a reader that stops early (| head -1) ends the command quietly with status 0', () => {
    const run = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${cli}" validate "${book}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`],
      { encoding: 'utf8' },
    );
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(/status=[01]\n$/);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});
