// Greps the sidebar's sources for what must never be there: HTML-parsing sinks, code from strings,
// attributes set around the whitelist, raw google.script.run callbacks, zod at run time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';

const UI = fileURLToPath(new URL('../../src/ui', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = filesUnder(UI)
  .filter((path) => /\.(ts|html|css)$/.test(path))
  .map((path) => ({ file: relative(UI, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

function hits(pattern: RegExp, allowed: readonly string[] = []): string[] {
  return sources
    .filter(({ file }) => !allowed.includes(file))
    .flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
}

describe('src/ui source rules', () => {
  it('finds the sidebar sources to check', () => {
    const files = sources.map(({ file }) => file);
    expect(files).toEqual(
      expect.arrayContaining([
        'main.ts',
        'dom.ts',
        'rpc-client.ts',
        'sidebar.html',
        'sidebar.css',
        'sections/setup.ts',
      ]),
    );
  });

  it.each([
    ['innerHTML', /innerHTML/i],
    ['outerHTML', /outerHTML/i],
    ['insertAdjacentHTML', /insertAdjacentHTML/i],
    ['document.write', /document\s*\.\s*write/],
    ['eval', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\b/],
    ['string timers', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
    ['other HTML parsers', /createContextualFragment|DOMParser|setHTML|parseHTMLUnsafe|srcdoc/],
    ['window dialogs', /\b(?:window\s*\.\s*)?(?:confirm|alert|prompt)\s*\(/],
  ])('never uses %s', (_name, pattern) => {
    expect(hits(pattern)).toEqual([]);
  });

  it('sets attributes only through the whitelist in dom.ts', () => {
    expect(hits(/\.setAttribute(?:NS)?\s*\(|\.setAttributeNode\s*\(/, ['dom.ts'])).toEqual([]);
    expect(hits(/\.(?:style|href|src|on[a-z]+)\s*=[^=]/)).toEqual([]);
  });

  it('creates elements only through el() in dom.ts', () => {
    expect(hits(/createElement\s*\(/, ['dom.ts'])).toEqual([]);
  });

  it('touches google.script.run only in the promise wrapper', () => {
    expect(
      hits(/google\s*\.\s*script|withSuccessHandler|withFailureHandler/, ['rpc-client.ts', 'google-script.d.ts']),
    ).toEqual([]);
  });

  it('imports the RPC contract as types only, and never zod', () => {
    expect(hits(/^\s*import\s+(?!type\b)[^;]*shared\/rpc['"]/)).toEqual([]);
    expect(hits(/from\s+['"]zod/)).toEqual([]);
  });

  it('loads nothing from outside: no URLs, fonts or imported style sheets', () => {
    expect(hits(/https?:\/\/|url\s*\(|@import|@font-face|<link\b|\bsrc\s*=|\bhref\s*=/i)).toEqual([]);
  });
});
