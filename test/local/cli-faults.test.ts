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
  // Only the sheets matching reads, unformatted, keep the .xlsx round trips quick.
  const small = Session.create('小さなデモ', { now: () => NOW });
  const book = small.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const full = demoSession();
  for (const name of ['ボランティア名簿', '依頼']) {
    book.insertSheet(name);
    small.emu.setSheetValues(name, full.emu.sheetValues(name));
  }
  const blank = book.getSheetByName('シート1');
  if (blank) book.deleteSheet(blank);
  await small.save(demo);
});

describe('TSUNAGU_FAIL_AT_CALL', () => {
  it('refuses anything but a positive whole number, naming the variable', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc']) {
      const io = capture();
      expect(await main(['match', demo, '--write', '--yes'], io, { env: { TSUNAGU_FAIL_AT_CALL: bad } }), bad).toBe(2);
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

      const { code, io } = await run(['match', path, '--write', '--yes'], n);
      expect(code, `call ${n}`).toBe(3);
      expect(io.stderr.join('\n'), `call ${n}`).toMatch(new RegExp(`mutating call ${n} \\(`));
      expect(io.stderr.join('\n'), `call ${n}`).toMatch(/saved as it is after the failure/);
      expect(sameSnapshot(await snapshotOf(path), await snapshotOf(reference)), `call ${n}`).toBe(true);
    }
  });

  it('changes nothing when N is past the last mutating call: the command writes and saves as usual', async () => {
    const path = await copyOfDemo('match-late.xlsx');
    const plain = await copyOfDemo('match-plain.xlsx');
    const late = await run(['match', path, '--write', '--yes'], 10_000);
    // 0 when every place is filled, 1 when some stay unfilled: the same either way, never 2 or 3.
    expect([0, 1]).toContain(late.code);
    expect(late.io.stderr).toEqual([]);
    expect((await run(['match', plain, '--write', '--yes'])).code).toBe(late.code);
    expect(sameSnapshot(await snapshotOf(path), await snapshotOf(plain))).toBe(true);
  });
});

describe('TSUNAGU_FAIL_AT_CALL from outside', () => {
  it('fix --write: failing any one mutating call saves the workbook as before or complete, never between', async () => {
    // A one-sheet roster keeps each .xlsx round trip small.
    const session = Session.create('名簿だけ', { now: () => NOW });
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet?.setName('ボランティア名簿');
    session.emu.setSheetValues('ボランティア名簿', [
      ['登録番号', '氏名', 'フリガナ', '電話番号', '郵便番号'],
      ['V-1', '山田 花子', 'やまだ はなこ', '０４２－４６１－１２３４', '1880012'],
      ['V-2', '佐藤 一郎', 'サトウ イチロウ', '0424611235', '〒188-0013'],
    ]);
    const original = join(dir, 'roster.xlsx');
    await session.save(original);
    const before = await snapshotOf(original);
    const complete = join(dir, 'roster-complete.xlsx');
    await (await Session.open(original)).save(complete);
    expect((await run(['fix', complete, '--write', '--yes'])).code).toBe(0);
    const after = await snapshotOf(complete);
    expect(sameSnapshot(before, after)).toBe(false);
    const states: string[] = [];
    for (let n = 1; n < 100; n++) {
      const path = join(dir, `roster-${n}.xlsx`);
      await (await Session.open(original)).save(path);
      const { code, io } = await run(['fix', path, '--write', '--yes'], n);
      const injected = io.stderr.some((line) => line.includes(`mutating call ${n} (`));
      if (!injected) {
        // Past the last mutating call: nothing failed and the command completed.
        expect(code, `call ${n}`).toBe(0);
        break;
      }
      const saved = await snapshotOf(path);
      const state = sameSnapshot(saved, before) ? 'before' : sameSnapshot(saved, after) ? 'after' : 'between';
      states.push(`${n}:${state}`);
      expect(state, `call ${n}`).not.toBe('between');
      expect(code, `call ${n}`).toBe(state === 'after' ? 0 : 3);
    }
    expect(states.length).toBeGreaterThan(3);
  });
});
