// tsunagu triggers: the installable triggers offline — --start / --stop with the schedule, book.triggers.json
// beside the workbook, --run-due firing the scheduled refresh as Apps Script's clock would, --as another account.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import { scheduleOption } from '../../src/local/commands/triggers';
import type { Io } from '../../src/local/commands/io';
import { Session } from '../../src/local/session';
import type { TriggerStatus } from '../../src/shared/rpc';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-triggers-'));
const demo = join(dir, 'demo.xlsx');
const triggersFile = join(dir, 'demo.triggers.json');
/** Thursday 2026-11-26 12:00 in Tokyo. */
const at = (iso: string) => ({ now: () => new Date(iso) });
const THURSDAY_NOON = at('2026-11-26T03:00:00Z');

beforeAll(async () => {
  expect(await main(['demo', demo, '--seed', '5', '--volunteers', '60', '--requests', '20'], capture())).toBe(0);
});

describe('tsunagu triggers', () => {
  it('--schedule reads daily@6 and monday@7, and refuses anything else', () => {
    expect(scheduleOption('daily@6')).toEqual({ every: 'day', hour: 6 });
    expect(scheduleOption('Monday@07')).toEqual({ every: 'week', day: 'MONDAY', hour: 7 });
    expect(scheduleOption(undefined)).toEqual({ every: 'day', hour: 6 });
    for (const bad of ['daily', 'daily@24', 'someday@3']) expect(() => scheduleOption(bad), bad).toThrow(/--schedule/);
  });

  it('shows both triggers off on a workbook that has none, and writes nothing', async () => {
    const io = capture();
    expect(await main(['triggers', demo, '--json'], io, THURSDAY_NOON)).toBe(0);
    const status = JSON.parse(io.stdout.join('\n')) as TriggerStatus;
    expect([status.answers.state, status.summary.state]).toEqual(['off', 'off']);
    expect(existsSync(triggersFile)).toBe(false);
  });

  it('--start summary keeps the trigger beside the workbook; --run-due runs it when its hour came, once', async () => {
    const start = capture();
    expect(
      await main(['triggers', demo, '--start', 'summary', '--schedule', 'friday@6', '--yes'], start, THURSDAY_NOON),
    ).toBe(0);
    expect(start.stdout.join('\n')).toContain('毎週金曜日 6時台');
    const file = JSON.parse(readFileSync(triggersFile, 'utf8')) as { checkedAt: string; triggers: unknown[] };
    expect(file.checkedAt).toBe('2026-11-26T03:00:00.000Z');
    expect(file.triggers).toHaveLength(1);

    // Thursday evening: not due yet.
    const early = capture();
    expect(await main(['triggers', demo, '--run-due', '--yes'], early, at('2026-11-26T12:00:00Z'))).toBe(0);
    expect(early.stdout.join('\n')).toContain('triggers run: 0');
    // Friday 7:00 in Tokyo: due once.
    const due = capture();
    expect(await main(['triggers', demo, '--run-due', '--yes', '--json'], due, at('2026-11-26T22:00:00Z'))).toBe(0);
    const ran = JSON.parse(due.stdout.join('\n')) as { runs: Array<{ error: string | null }>; status: TriggerStatus };
    expect(ran.runs.map((r) => r.error)).toEqual([null]);
    expect(ran.status.summary.lastRun?.ok).toBe(true);
    const session = await Session.open(demo);
    expect(session.emu.sheetValues('指標サマリー').length).toBeGreaterThan(1);
    // Run again at the same time: nothing more is due.
    const again = capture();
    expect(await main(['triggers', demo, '--run-due', '--yes'], again, at('2026-11-26T22:30:00Z'))).toBe(0);
    expect(again.stdout.join('\n')).toContain('triggers run: 0');
  });

  it('--run-due runs a refresh in parts to its end: the start, then each one-off trigger it leaves that is due by --until', async () => {
    const big = join(dir, 'big.xlsx');
    expect(await main(['demo', big], capture(), THURSDAY_NOON)).toBe(0);
    expect(
      await main(['triggers', big, '--start', 'summary', '--schedule', 'daily@6', '--yes'], capture(), THURSDAY_NOON),
    ).toBe(0);
    // 06:30 in Tokyo: the daily firing is due; its one-off triggers come a minute apart, before 07:00.
    const due = capture();
    const now = at('2026-11-26T21:30:00Z');
    expect(
      await main(['triggers', big, '--run-due', '--until', '2026-11-26T22:00:00Z', '--yes', '--json'], due, now),
    ).toBe(0);
    const ran = JSON.parse(due.stdout.join('\n')) as { runs: Array<{ error: string | null }>; status: TriggerStatus };
    expect(ran.runs.length, 'the start, the parts and the last part').toBeGreaterThanOrEqual(4);
    expect(ran.runs.every((r) => r.error === null)).toBe(true);
    expect(ran.status.summary.lastRun?.ok).toBe(true);
    const file = JSON.parse(readFileSync(join(dir, 'big.triggers.json'), 'utf8')) as {
      triggers: Array<{ schedule: { atHour?: number; at?: string } }>;
    };
    expect(file.triggers.map((t) => t.schedule.atHour)).toEqual([6]);
    const session = await Session.open(big);
    expect(session.emu.sheetValues('指標サマリー').length).toBeGreaterThan(1);
  });

  it('--as another account shows the owner, and --start takes it over', async () => {
    const shown = capture();
    expect(await main(['triggers', demo, '--as', 'tanaka@example.org'], shown, THURSDAY_NOON)).toBe(0);
    expect(shown.stdout.join('\n')).toContain('staff@example.org のアカウント');
    const taken = capture();
    expect(
      await main(['triggers', demo, '--as', 'tanaka@example.org', '--start', 'summary', '--yes'], taken, THURSDAY_NOON),
    ).toBe(0);
    expect(taken.stdout.join('\n')).toContain('自分で止まります');
    const file = JSON.parse(readFileSync(triggersFile, 'utf8')) as { triggers: Array<{ owner: string }> };
    expect(file.triggers.map((t) => t.owner)).toEqual(['staff@example.org', 'tanaka@example.org']);
  });

  it('refuses options that do not go together, and asks before writing', async () => {
    const io = capture();
    expect(await main(['triggers', demo, '--start', 'answers', '--stop', 'answers'], io)).toBe(2);
    expect(await main(['triggers', demo, '--schedule', 'daily@6'], io)).toBe(2);
    expect(await main(['triggers', demo, '--start', 'everything', '--yes'], io)).toBe(2);
    const noTerminal = capture();
    expect(await main(['triggers', demo, '--stop', 'summary'], noTerminal)).toBe(2);
    expect(noTerminal.stderr.join('\n')).toContain('--yes');
  });
});
