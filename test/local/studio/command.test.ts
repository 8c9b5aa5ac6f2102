// `tsunagu studio`: unusable input exits 2, the address is printed with the real port, and a stop signal (SIGINT) closes it cleanly.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { main } from '../../../src/local/cli';
import { processStopSignal, runStudio, type StopSignal } from '../../../src/local/commands/studio';
import { projectRoot } from '../../../src/local/paths';
import { captureIo, savedWorkbook, tempDir } from './helpers';

const ADDRESS = /^つなぐ スタジオ: (http:\/\/127\.0\.0\.1:(\d+)\/) {2}\(Ctrl\+C で終了 \/ stop\)$/;

/** A stop signal the test fires by hand. */
function manualStop(): StopSignal & { fire(): void } {
  let fire = (): void => undefined;
  const fired = new Promise<string>((resolve) => (fire = () => resolve('manual')));
  return { wait: () => fired, fire: () => fire() };
}

/** The address line runStudio printed; fails at once if runStudio ended (or threw) before printing it. */
async function addressOf(io: { lines: string[] }, running: Promise<number>, ms = 10_000): Promise<string> {
  let ended: unknown = null;
  running.then(
    (code) => (ended ??= new Error(`runStudio ended early with ${code}`)),
    (error: unknown) => (ended ??= error),
  );
  const end = Date.now() + ms;
  for (;;) {
    const line = io.lines.find((l) => ADDRESS.test(l));
    if (line !== undefined) return line;
    if (ended) throw ended;
    if (Date.now() > end) throw new Error('timed out waiting for the address line');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('tsunagu studio', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('exits 2 with a one-line reason when the workbook does not exist', async () => {
    const io = captureIo();
    expect(await main(['studio', join(temp.dir, 'missing.xlsx')], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/ファイルが見つかりません.*missing\.xlsx/);
  });

  it('exits 2 when the file is not a readable workbook', async () => {
    const io = captureIo();
    const bad = join(temp.dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    expect(await main(['studio', bad], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/xlsx/);
  });

  it('exits 2 for a port that is not a number', async () => {
    const io = captureIo();
    expect(await main(['studio', '--port', 'http'], io)).toBe(2);
  });

  it('prints the address with the real port for --port 0, serves it, and resolves 0 when stopped', async () => {
    const io = captureIo();
    const stop = manualStop();
    const path = await savedWorkbook(temp.dir, { setup: true, name: 'command.xlsx' });
    const running = runStudio([path], { port: '0' }, io, stop);
    const line = await addressOf(io, running);
    const [, url, port] = ADDRESS.exec(line)!;
    expect(Number(port)).toBeGreaterThan(0);
    expect((await fetch(url!)).status).toBe(200);
    stop.fire();
    expect(await running).toBe(0);
    await expect(fetch(url!)).rejects.toThrow();
  });

  it('says that a studio without a workbook keeps changes in memory only', async () => {
    const io = captureIo();
    const stop = manualStop();
    const running = runStudio([], { port: '0' }, io, stop);
    await addressOf(io, running);
    expect(io.lines.join('\n')).toMatch(/メモリ|memory/);
    stop.fire();
    expect(await running).toBe(0);
  });

  it('closes cleanly on SIGINT, as Ctrl+C in a terminal (the built CLI in its own process)', async () => {
    const child = spawn(process.execPath, [join(projectRoot(), 'bin/tsunagu.mjs'), 'studio', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    child.stdout.setEncoding('utf8');
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address line: ${out}`)), 20_000);
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const found = out.split('\n').find((l) => ADDRESS.test(l));
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const url = ADDRESS.exec(line)![1]!;
    // A keep-alive connection must not hold the close open.
    expect((await fetch(url, { keepalive: true })).status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('stops listening for SIGINT and SIGTERM once stopped', async () => {
    const before = process.listenerCount('SIGINT');
    const signal = processStopSignal().wait();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.emit('SIGTERM', 'SIGTERM');
    expect(await signal).toBe('SIGTERM');
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits 2 when the port is taken', async () => {
    const io = captureIo();
    const stop = manualStop();
    const first = runStudio([], { port: '0' }, io, stop);
    const line = await addressOf(io, first);
    const port = ADDRESS.exec(line)![2]!;
    const second = captureIo();
    expect(await main(['studio', '--port', port], second)).toBe(2);
    expect(second.errors.join('\n')).toMatch(/EADDRINUSE/);
    stop.fire();
    expect(await first).toBe(0);
  });
});
