// src/core is Apps Script-free: only src/gas names the services (DESIGN.md). Comments count too, so
// that nobody reading the core is led to think it calls them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';

const CORE = join(import.meta.dirname, '../../src/core');
const SERVICES =
  /\b(SpreadsheetApp|FormApp|DriveApp|ScriptApp|PropertiesService|LockService|CacheService|HtmlService|UrlFetchApp|Utilities|Logger)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core source rules', () => {
  it('names no Apps Script service (only src/gas may)', () => {
    const sources = files(CORE);
    expect(sources.length).toBeGreaterThan(50);
    const found = sources.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (SERVICES.test(line) ? [`${relative(CORE, path)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
