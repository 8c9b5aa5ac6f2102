// TSUNAGU_FAIL_AT_CALL: the CLI's writing commands fail at mutating call N and save the workbook as Sheets would hold it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it, jest } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/commands/io';
import { Emulator, sameSnapshot, type WorkbookSnapshot } from '../../src/local/emulator/index';
import { Session } from '../../src/local/session';
import { demoSession } from '../safety/actions';

// Each case opens and saves several .xlsx files.
jest.setTimeout(120_000);

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const NOW = new Date('2026-11-26T03:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'tsunagu-faults-'));
const demo = join(dir, 'demo.xlsx');

/** A fresh copy of the demo workbook. */
async function copyOfDemo(name: string): Promise<string> {
  const path = join(dir, name);
  await (await Session.open(demo)).save(path);
  return path;
}

async function snapshotOf(path: string): Promise<WorkbookSnapshot> {
  return (await Emulator.fromXlsx(path)).snapshot();
}

function run(argv: string[], failAt?: number) {
  const io = capture();
  const env = failAt === undefined ? {} : { TSUNAGU_FAIL_AT_CALL: String(failAt) };
  return main(argv, io, { env, now: () => NOW }).then((code) => ({ code, io }));
}

beforeAll(async () => {
  // A small demo (roster, requests, a few activities) keeps the .xlsx round trips quick.
  await demoSession().save(demo);
});

describe('TSUNAGU_FAIL_AT_CALL', () => {
  it('refuses anything but a positive whole number, naming the variable', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc']) {
      const io = capture();
      expect(await main(['match', demo, '--write'], io, { env: { TSUNAGU_FAIL_AT_CALL: bad } }), bad).toBe(2);
      expect(io.stderr.join('\n'), bad).toMatch(/TSUNAGU_FAIL_AT_CALL/);
    }
  });

  it('fails the N-th mutating call, says which, exits 3 and saves the workbook as it is after the failure', async () => {
    for (const n of [1, 3]) {
      const path = await copyOfDemo(`match-${n}.xlsx`);
      // The same action in process, failing at the same call: the state Sheets would hold.
      const expected = await Session.open(path, { now: () => NOW });
      expected.emu.failAtMutation(n);
      expected.run('runMatching');
      const reference = join(dir, `reference-${n}.xlsx`);
      await expected.save(reference);

      const { code, io } = await run(['match', path, '--write'], n);
      expect(code, `call ${n}`).toBe(3);
      expect(io.stderr.join('\n'), `call ${n}`).toMatch(new RegExp(`mutating call ${n} \\(`));
      expect(io.stderr.join('\n'), `call ${n}`).toMatch(/saved as it is after the failure/);
      expect(sameSnapshot(await snapshotOf(path), await snapshotOf(reference)), `call ${n}`).toBe(true);
    }
  });

  it('changes nothing when N is past the last mutating call: the command writes and saves as usual', async () => {
    const path = await copyOfDemo('match-late.xlsx');
    const plain = await copyOfDemo('match-plain.xlsx');
    const late = await run(['match', path, '--write'], 10_000);
    expect(late.code).toBe(0);
    expect(late.io.stderr).toEqual([]);
    expect((await run(['match', plain, '--write'])).code).toBe(0);
    expect(sameSnapshot(await snapshotOf(path), await snapshotOf(plain))).toBe(true);
  });
});
