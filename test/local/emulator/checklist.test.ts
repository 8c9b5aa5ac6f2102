// docs/real-sheets-checklist.md and the emulator in step: every item referenced from the code that
// implements it, no reference to a missing item, every item complete, every script logging what the doc says.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { Sandbox } from '../../../src/local/sandbox';

const ROOT = join(import.meta.dirname, '../../..');
const DOC = join(ROOT, 'docs/real-sheets-checklist.md');
const REFERENCE = /real-sheets-checklist((?:[ ,]+RS-\d+)+)/g;

interface Item {
  id: string;
  title: string;
  body: string;
}

function items(markdown: string): Item[] {
  const parts = markdown.split(/^### /m).slice(1);
  return parts.map((part) => {
    const newline = part.indexOf('\n');
    const heading = part.slice(0, newline);
    const match = /^(RS-\d+) (.+)$/.exec(heading);
    if (!match) throw new Error(`an item heading must be "### RS-NN Title": ${heading}`);
    return { id: match[1] as string, title: match[2] as string, body: part.slice(newline + 1) };
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** id → the files (relative to the root) that reference it. */
function references(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(REFERENCE)) {
      for (const id of (match[1] as string).match(/RS-\d+/g) ?? []) {
        found.set(id, [...(found.get(id) ?? []), relative(ROOT, file)]);
      }
    }
  }
  return found;
}

/** The item's script (`function rsNN()` in a js block) and the log its Expected part shows, when it has a log. */
function runnable(item: Item): { code: string; name: string; log: string[] } | null {
  const name = item.id.replace('RS-', 'rs');
  const blocks = [...item.body.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
    lang: m[2] as string,
    text: (m[3] as string)
      .split('\n')
      .map((line) => line.slice((m[1] as string).length))
      .join('\n'),
  }));
  const code = blocks.find((b) => b.lang === 'js' && new RegExp(`function ${name}\\(`).test(b.text));
  const log = blocks.find((b) => b.lang === 'log');
  // A script without a log block is a check only a person can judge (a sidebar, two executions …).
  if (!log) return null;
  if (!code) throw new Error(`${item.id}: a log block needs a js block defining ${name}()`);
  return { code: code.text, name, log: log.text.replace(/\n$/, '').split('\n') };
}

const markdown = readFileSync(DOC, 'utf8');
const all = items(markdown);

describe('docs/real-sheets-checklist.md', () => {
  it('numbers its items RS-01, RS-02 … in order, each once', () => {
    const ids = all.map((item) => item.id);
    expect(ids.length).toBeGreaterThan(20);
    ids.forEach((id, i) => expect(id, `item ${i + 1}`).toBe(`RS-${String(i + 1).padStart(2, '0')}`));
  });

  it('gives every item where it lives, steps, the expected result, what to change and a result line', () => {
    for (const item of all) {
      if (/\(withdrawn\)/.test(item.title)) continue;
      for (const part of ['**Where**', '**Steps**', '**Expected**', '**If it differs**', '**Result**']) {
        expect(item.body.includes(part), `${item.id} has ${part}`).toBe(true);
      }
      expect(/^1\. /m.test(item.body), `${item.id} has numbered steps`).toBe(true);
    }
  });

  it('is referenced from the code in src/local that makes each assumption', () => {
    const found = references(join(ROOT, 'src/local'));
    for (const item of all) {
      if (/\(withdrawn\)/.test(item.title)) continue;
      expect(found.get(item.id)?.length ?? 0, `${item.id} referenced in src/local`).toBeGreaterThan(0);
    }
  });

  it('names, under Where, a file that references the item', () => {
    const found = references(join(ROOT, 'src/local'));
    for (const item of all) {
      const where = /\*\*Where\*\*:([\s\S]*?)\n\n/.exec(item.body)?.[1] ?? '';
      const files = [...where.matchAll(/`(src\/[^`]+\.ts)`/g)].map((m) => m[1] as string);
      expect(files.length, `${item.id} names a file`).toBeGreaterThan(0);
      for (const file of files) expect(found.get(item.id) ?? [], `${item.id} referenced in ${file}`).toContain(file);
    }
  });

  it('has an item for every reference anywhere in src/ and test/', () => {
    const ids = new Set(all.map((item) => item.id));
    for (const dir of ['src', 'test']) {
      for (const [id, files] of references(join(ROOT, dir))) {
        expect(ids.has(id), `${id} referenced in ${files.join(', ')}`).toBe(true);
      }
    }
  });

  describe('scripts, run in the sandbox against the emulator, log what the doc expects', () => {
    const cases = all.flatMap((item) => {
      const run = runnable(item);
      return run ? [{ item, ...run }] : [];
    });

    it('covers most items', () => {
      expect(cases.length).toBeGreaterThan(15);
    });

    it.each(cases.map((c) => [c.item.id, c] as const))('%s', (_id, c) => {
      const emu = Emulator.create('実機確認', { now: () => new Date('2024-06-01T00:00:00Z') });
      const sandbox = new Sandbox(c.code, emu.globals);
      sandbox.call(c.name);
      expect(emu.logs).toEqual(c.log);
    });
  });
});
