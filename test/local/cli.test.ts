// The tsunagu command line: demo, sheets, validate, fix — exit codes, --json, --stats, --write.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/commands/io';
import { Session } from '../../src/local/session';
import { DEMO_ORGANIZATION } from '../../src/local/commands/demo';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-cli-'));
const demo = join(dir, 'demo.xlsx');

beforeAll(async () => {
  expect(await main(['demo', demo, '--seed', '3', '--volunteers', '60', '--requests', '20'], capture())).toBe(0);
});

describe('tsunagu demo', () => {
  it('writes every standard sheet, filled, with the roster and request sizes asked for', async () => {
    const session = await Session.open(demo);
    const names = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names).toEqual([
      'ボランティア名簿',
      '依頼',
      '寄付台帳',
      '会費台帳',
      '活動記録',
      '相談記録',
      '設定',
      '指標定義',
      'アンケート定義',
    ]);
    expect(session.emu.sheetValues('ボランティア名簿')).toHaveLength(61);
    expect(session.emu.sheetValues('依頼')).toHaveLength(21);
  });

  it('names its sample council in 設定, so the sidebar and the studio show it', async () => {
    const session = await Session.open(demo);
    const state = session.run('getSidebarState') as { ok: boolean; value: { organizationName: string } };
    expect(state.value.organizationName).toBe(DEMO_ORGANIZATION);
    // シート準備 alone leaves 団体名 blank: a council's own workbook never shows the sample's name.
    const fresh = Session.create('自分のブック');
    fresh.run('setupSheets');
    expect((fresh.run('getSidebarState') as { value: { organizationName: string } }).value.organizationName).toBe('');
  });

  it('gives the same content for the same seed', async () => {
    const again = join(dir, 'again.xlsx');
    await main(['demo', again, '--seed', '3', '--volunteers', '60', '--requests', '20'], capture());
    const [a, b] = await Promise.all([Session.open(demo), Session.open(again)]);
    for (const name of ['ボランティア名簿', '寄付台帳', '相談記録'])
      expect(b.emu.sheetValues(name)).toEqual(a.emu.sheetValues(name));
  });

  it('refuses a bad option with exit 2 and a one-line reason', async () => {
    const io = capture();
    expect(await main(['demo', join(dir, 'x.xlsx'), '--volunteers', 'many'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--volunteers/);
    const scale = capture();
    expect(await main(['demo', join(dir, 'x.xlsx'), '--scale', 'huge'], scale)).toBe(2);
    expect(scale.stderr.join('\n')).toMatch(/--scale must be one of default, large/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('tsunagu sheets', () => {
  it('lists the detected kinds and, with --stats, the service calls', async () => {
    const io = capture();
    expect(await main(['--stats', 'sheets', demo], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/ボランティア名簿（volunteers）/);
    expect(text).toMatch(/Range\.getDisplayValues +\d+ +セル cells: 読 read [\d,]+/);
    expect(text).toMatch(/estimated Apps Script time: \d+\.\d–\d+\.\d 秒 s/);
  });

  it('with --json and --stats carries the calls, cells and estimate as "stats" and prints nothing else', async () => {
    const io = capture();
    expect(await main(['--stats', '--json', 'sheets', demo], io)).toBe(0);
    const report = JSON.parse(io.stdout.join('\n')) as {
      stats: {
        calls: number;
        cellsRead: number;
        cellsWritten: number;
        estimatedSeconds: { low: number; high: number };
      };
    };
    expect(report.stats.calls).toBeGreaterThan(0);
    expect(report.stats.cellsRead).toBeGreaterThan(0);
    expect(report.stats.cellsWritten).toBe(0);
    expect(report.stats.estimatedSeconds.low).toBeLessThanOrEqual(report.stats.estimatedSeconds.high);
  });

  it('exits 2 for a missing file, a file that is not a workbook, and a workbook with no recognisable sheet', async () => {
    const notBook = join(dir, 'not.xlsx');
    writeFileSync(notBook, 'hello');
    const empty = join(dir, 'empty.xlsx');
    await Session.create('空').save(empty);
    for (const path of [join(dir, 'missing.xlsx'), notBook, empty]) {
      const io = capture();
      expect(await main(['sheets', path], io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
    }
  });
});

describe('tsunagu validate', () => {
  it('prints the issues as JSON with counts and exits 1 while issues remain', async () => {
    const io = capture();
    const code = await main(['validate', demo, '--json'], io);
    const report = JSON.parse(io.stdout.join('\n')) as {
      issues: Array<Record<string, unknown>>;
      counts: { errors: number };
    };
    expect(code).toBe(report.issues.length > 0 ? 1 : 0);
    expect(report.issues.length).toBeGreaterThan(0);
    expect(Object.keys(report.issues[0] ?? {})).toEqual(
      expect.arrayContaining(['sheet', 'row', 'column', 'code', 'severity', 'message', 'value']),
    );
  });

  it('saves nothing without --write, and writes 検証結果 with --write', async () => {
    const copy = join(dir, 'validate.xlsx');
    await (await Session.open(demo)).save(copy);
    await main(['validate', copy], capture());
    expect(
      (await Session.open(copy)).emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('検証結果'),
    ).toBeNull();
    await main(['validate', copy, '--write', '--yes'], capture());
    expect((await Session.open(copy)).emu.sheetValues('検証結果').length).toBeGreaterThan(1);
  });

  it('with --write --stats --json reports what writing 検証結果 and the marks cost', async () => {
    const copy = join(dir, 'validate-stats.xlsx');
    await (await Session.open(demo)).save(copy);
    const io = capture();
    await main(['validate', copy, '--write', '--yes', '--stats', '--json'], io);
    const report = JSON.parse(io.stdout.join('\n')) as { stats: { cellsWritten: number; calls: number } };
    expect(report.stats.cellsWritten).toBeGreaterThan(0);
    expect(report.stats.calls).toBeGreaterThan(0);
  });
});

describe('tsunagu fix', () => {
  it('shows the fixes, saves nothing without --write, and applies them with --write', async () => {
    const copy = join(dir, 'fix.xlsx');
    await (await Session.open(demo)).save(copy);
    const before = (await Session.open(copy)).emu.sheetValues('ボランティア名簿');
    const dry = capture();
    // Safe fixes are pending: a finding.
    expect(await main(['fix', copy], dry)).toBe(1);
    expect(dry.stdout.join('\n')).toMatch(/→/);
    expect((await Session.open(copy)).emu.sheetValues('ボランティア名簿')).toEqual(before);
    expect(await main(['fix', copy, '--write', '--yes'], capture())).toBe(0);
    const after = await Session.open(copy);
    expect(after.emu.sheetValues('ボランティア名簿')).not.toEqual(before);
    const again = capture();
    expect(await main(['fix', copy, '--json'], again)).toBe(0);
    expect(JSON.parse(again.stdout.join('\n')).total).toBe(0);
  });
});

describe('tsunagu match', () => {
  it('prints assignments, unmatched places, shortages and stats as JSON', async () => {
    const io = capture();
    const code = await main(['match', demo, '--json'], io);
    const report = JSON.parse(io.stdout.join('\n')) as {
      assignments: Array<{ requestId: string; volunteerId: string; score: number; reasons: string[] }>;
      unmatched: unknown[];
      shortages: unknown[];
      stats: { filledPlaces: number; totalPlaces: number; score: number };
    };
    expect(report.stats.filledPlaces).toBe(report.assignments.length);
    expect(report.stats.totalPlaces).toBeGreaterThanOrEqual(report.stats.filledPlaces);
    // Places left unfilled are findings.
    expect(code).toBe(report.stats.filledPlaces < report.stats.totalPlaces ? 1 : 0);
    expect(report.assignments[0]?.reasons.length).toBeGreaterThan(0);
    expect(Array.isArray(report.unmatched) && Array.isArray(report.shortages)).toBe(true);
  });

  it('with --stats --json adds the calls, cells and estimate to the report’s own stats', async () => {
    const io = capture();
    expect(await main(['match', demo, '--json', '--stats'], io)).not.toBe(2);
    const report = JSON.parse(io.stdout.join('\n')) as {
      assignments: unknown[];
      stats: { filledPlaces: number; calls: number; cellsRead: number; estimatedSeconds: { high: number } };
    };
    expect(report.stats.filledPlaces).toBe(report.assignments.length);
    expect(report.stats.calls).toBeGreaterThan(0);
    expect(report.stats.cellsRead).toBeGreaterThan(0);
    expect(report.stats.estimatedSeconds.high).toBeGreaterThan(0);
  });

  it('exits 2 for a workbook without a roster and requests', async () => {
    const empty = join(dir, 'no-roster.xlsx');
    await Session.create('空').save(empty);
    const io = capture();
    expect(await main(['match', empty], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/ボランティア名簿|依頼/);
  });
});

describe('tsunagu', () => {
  it('prints help and exits 2 without a command, 2 for an unknown command', async () => {
    expect(await main([], capture())).toBe(2);
    const io = capture();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/unknown command/);
    expect(existsSync(demo)).toBe(true);
  });
});
