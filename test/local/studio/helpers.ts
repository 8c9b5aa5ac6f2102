// Test helpers for the studio: workbooks saved in a temp folder, a started studio, and JSON requests to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../../src/local/session';
import { type StudioHandle, startStudio } from '../../../src/local/studio/server';
import type { Io } from '../../../src/local/commands/io';

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-studio-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Saves a workbook made through the real bundle: シート1 alone, or the standard sheets from setupSheets. */
export async function savedWorkbook(dir: string, options: { setup: boolean; name?: string }): Promise<string> {
  const session = Session.create('スタジオ テスト');
  if (options.setup) {
    const result = session.run('setupSheets') as { ok: boolean };
    if (!result.ok) throw new Error('setupSheets failed');
  }
  const path = join(dir, options.name ?? 'book.xlsx');
  await session.save(path);
  return path;
}

export interface Captured extends Io {
  lines: string[];
  errors: string[];
}

export function captureIo(): Captured {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t) };
}

export async function openStudio(
  path: string | undefined,
  options: { stats?: boolean; io?: Io } = {},
): Promise<{ studio: StudioHandle; session: Session }> {
  const session = path === undefined ? Session.create() : await Session.open(path);
  const studio = await startStudio({ session, bookPath: path, port: 0, ...options });
  return { studio, session };
}

export async function getJson<T = Record<string, unknown>>(
  base: string,
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, body: (await response.json()) as T };
}

export async function postJson<T = Record<string, unknown>>(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
