// Every entry point of the built dist/Code.js runs in the sandbox, with real work to do, and touches
// none of the host globals Apps Script lacks; a planted read of one is caught and named.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { codePath } from '../../src/local/paths';
import { RPC_NAMES } from '../../src/shared/rpc';
import { runDay, type DayReport } from './entry-points';

/** The bundle with `statement` put first into the body of the function declared as `declaration`. */
function planted(declaration: string, statement: string): string {
  const code = readFileSync(codePath(), 'utf8');
  const at = code.indexOf(declaration);
  if (at < 0 || code.indexOf(declaration, at + 1) >= 0) throw new Error(`${declaration} is not in the bundle once`);
  const body = at + declaration.length;
  return code.slice(0, body) + statement + code.slice(body);
}

describe('every entry point of dist/Code.js in the sandbox', () => {
  let day: DayReport;

  beforeAll(() => {
    day = runDay();
  });

  it('runs every top-level function the bundle declares, the RPCs included', () => {
    expect(day.entryPoints.length).toBeGreaterThanOrEqual(RPC_NAMES.length + 8);
    for (const name of RPC_NAMES) expect(day.entryPoints).toContain(name);
    expect([...day.ran].sort()).toEqual(day.entryPoints);
  });

  it('touches none of the host globals Apps Script lacks', () => {
    expect(day.violations).toEqual({});
  });
});

describe('the tripwire', () => {
  it('catches a setTimeout read planted where マッチング writes its results and names the entry points', () => {
    const report = runDay(
      planted('function writeResults(ports,run,alsoInTransaction,sheetsSeen){', 'void setTimeout;'),
    );
    // The day's workbook is matched in parts: the last part writes the results; setPairDecision
    // matches again and writes through the same function, so it trips too.
    expect(report.violations).toEqual({ continueMatching: ['setTimeout'], setPairDecision: ['setTimeout'] });
  });

  it('catches a global read through globalThis deep inside applyFixes', () => {
    const report = runDay(planted('function applyFixes(ports,token){', 'void globalThis["TextEncoder"];'));
    expect(report.violations).toEqual({ applyFixes: ['TextEncoder'] });
  });

  it('catches a write to a forbidden global in a menu handler', () => {
    const report = runDay(planted('function menuMatch(){', 'globalThis.process = 1;'));
    expect(report.violations).toEqual({ menuMatch: ['process'] });
  });
});
