// tsunagu summary: text, --json (the documented shape), --fy in the forms staff write, --html, --write, and 指標定義 with errors.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import { fyOption } from '../../src/local/commands/summary';
import type { Io } from '../../src/local/commands/io';
import { Session } from '../../src/local/session';
import type { SummaryJson } from '../../src/shared/rpc';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-summary-'));
const demo = join(dir, 'demo.xlsx');
const NOW = { now: () => new Date('2026-11-26T03:00:00Z') };

beforeAll(async () => {
  expect(await main(['demo', demo, '--seed', '5', '--volunteers', '60', '--requests', '20'], capture())).toBe(0);
});

describe('tsunagu summary', () => {
  it('--fy reads 2024, 2024年度, R6, 令和6年度 and FY2024 as 2024, and refuses what is not a 年度', () => {
    for (const v of ['2024', '2024年度', 'R6', '令和6年度', 'FY2024']) expect(fyOption(v), v).toBe(2024);
    expect(fyOption(undefined)).toBeNull();
    expect(() => fyOption('来年')).toThrow(/--fy/);
  });

  it('--json gives the documented shape for one 年度, and writes nothing', async () => {
    const io = capture();
    const before = readFileSync(demo);
    expect(await main(['summary', demo, '--fy', 'R6', '--json'], io, NOW)).toBe(0);
    expect(readFileSync(demo).equals(before)).toBe(true);
    const json = JSON.parse(io.stdout.join('\n')) as SummaryJson;
    expect(json.threshold).toBe(10);
    const ind = json.indicators.find((i) => i.id === 'G2-1');
    expect(ind && Object.keys(ind).sort()).toEqual(['cells', 'goal', 'id', 'initiative', 'method', 'name', 'unit']);
    expect(ind?.cells.every((c) => c.fy === 2024)).toBe(true);
    const city = ind?.cells.find((c) => c.area === '市全体');
    expect(city?.suppressed).toBe(false);
    expect(typeof city?.value).toBe('number');
    for (const c of json.indicators.flatMap((i) => i.cells)) {
      if (c.suppressed) expect([c.value, ['primary', 'secondary'].includes(String(c.reason))]).toEqual([null, true]);
      else expect(c.reason).toBeNull();
    }
    expect(json.tables.length).toBeGreaterThan(0);
    expect(json.tables.every((t) => t.audit.ok)).toBe(true);
  });

  it('prints a block per 基本目標 with each indicator, and --html writes the leadership report', async () => {
    const io = capture();
    const html = join(dir, 'report.html');
    expect(await main(['summary', demo, '--fy', '2025', '--html', html], io, NOW)).toBe(0);
    const text = io.stdout.join('\n');
    for (const g of [1, 2, 3, 4]) expect(text).toMatch(new RegExp(`^基本目標${g} `, 'm'));
    expect(text).toMatch(/^ {2}G2-1 .+: [0-9,]+件/m);
    expect(text).toMatch(/G3-2 .+: データなし/);
    const report = readFileSync(html, 'utf8');
    expect(report).toMatch(/^<!DOCTYPE html>/);
    expect(report).toContain('令和7年度');
    expect(report).toContain('<svg');
  });

  it('--write saves 指標サマリー in the workbook', async () => {
    const copy = join(dir, 'write.xlsx');
    await (await Session.open(demo)).save(copy);
    const io = capture();
    expect(await main(['summary', copy, '--write', '--yes'], io, NOW)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/「指標サマリー」を書き込みました/);
    expect(io.stdout.join('\n')).toMatch(/保存しました/);
    const saved = await Session.open(copy);
    const rows = saved.emu.sheetValues('指標サマリー');
    expect(rows[0]?.slice(0, 3)).toEqual(['ID', '基本目標', '取り組み']);
    expect(rows.some((r) => r[0] === 'G1-1')).toBe(true);
  });

  it('指標定義 with errors: exit 2 naming the row and column, nothing saved', async () => {
    const copy = join(dir, 'bad.xlsx');
    const session = await Session.open(demo);
    const defs = session.emu.sheetValues('指標定義');
    const header = (defs[0] ?? []).map(String);
    const bad = defs.map((r) => [...r]);
    (bad[2] as unknown[])[header.indexOf('集計方法')] = '最大値';
    session.emu.setSheetValues('指標定義', bad as never);
    await session.save(copy);
    const before = readFileSync(copy);
    const io = capture();
    expect(await main(['summary', copy, '--write', '--yes'], io, NOW)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/3行目/);
    expect(io.stderr.join('\n')).toMatch(/集計方法/);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('--write without --yes and without a terminal writes nothing (exit 2)', async () => {
    const copy = join(dir, 'unconfirmed.xlsx');
    await (await Session.open(demo)).save(copy);
    const before = readFileSync(copy);
    const io = capture();
    expect(await main(['summary', copy, '--write'], io, NOW)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--yes/);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('refuses a bad --fy and a report path that is not .html', async () => {
    const io = capture();
    expect(await main(['summary', demo, '--fy', 'next'], io, NOW)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--fy/);
    const html = capture();
    expect(await main(['summary', demo, '--html', join(dir, 'r.pdf')], html, NOW)).toBe(2);
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
  });

  it('--close 2025 closes the 年度 (--json: closed and the drift per cell), --reopen 2025 re-opens it', async () => {
    const copy = join(dir, 'close.xlsx');
    await (await Session.open(demo)).save(copy);
    const io = capture();
    expect(await main(['summary', copy, '--close', '令和7年度', '--yes', '--json'], io, NOW)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as SummaryJson;
    expect(json.closedYears).toEqual([2025]);
    const cells = json.indicators.flatMap((i) => i.cells);
    for (const c of cells.filter((x) => x.fy === 2025)) expect([c.closed, c.drift?.changed]).toEqual([true, false]);
    for (const c of cells.filter((x) => x.fy !== 2025)) expect([c.closed, c.drift]).toEqual([false, null]);
    const saved = await Session.open(copy);
    const book = saved.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(book.getSheetByName('指標サマリー年度確定')?.isSheetHidden()).toBe(true);
    expect(book.getSheetByName('指標サマリー')).not.toBeNull();

    const again = capture();
    expect(await main(['summary', copy, '--close', '2025', '--yes'], again, NOW)).toBe(2);
    expect(again.stderr.join('\n')).toMatch(/すでに確定/);

    const text = capture();
    expect(await main(['summary', copy, '--fy', '2025'], text, NOW)).toBe(0);
    expect(text.stdout.join('\n')).toMatch(/令和7年度: 確定済み（2026-11-26 12:00）/);

    const reopen = capture();
    expect(await main(['summary', copy, '--reopen', 'R7', '--yes', '--json'], reopen, NOW)).toBe(0);
    expect((JSON.parse(reopen.stdout.join('\n')) as SummaryJson).closedYears).toEqual([]);
  });

  it('--close refuses a 年度 after this one, --write beside it, and asks first (no terminal, no --yes: nothing written)', async () => {
    const copy = join(dir, 'close-refused.xlsx');
    await (await Session.open(demo)).save(copy);
    const before = readFileSync(copy);
    const future = capture();
    expect(await main(['summary', copy, '--close', '2030', '--yes'], future, NOW)).toBe(2);
    expect(future.stderr.join('\n')).toMatch(/確定できません/);
    expect(await main(['summary', copy, '--close', '2025', '--write', '--yes'], capture(), NOW)).toBe(2);
    expect(await main(['summary', copy, '--close', '2025', '--reopen', '2025', '--yes'], capture(), NOW)).toBe(2);
    const unasked = capture();
    expect(await main(['summary', copy, '--close', '2025'], unasked, NOW)).toBe(2);
    expect(unasked.stderr.join('\n')).toMatch(/--yes/);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });
});
