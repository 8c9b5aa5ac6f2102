// Junk sent to every sidebar RPC of dist/Code.js — wrong types, missing and extra arguments, rows and
// columns out of range, huge strings, deep nesting, __proto__ and constructor keys — is refused with a
// message in Japanese and English, and writes nothing: no mutating service call, workbook and
// document properties as they were.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { buildDemo } from '../../src/local/commands/demo';
import { Session } from '../../src/local/session';
import { RPC_NAMES, type RpcEnvelope, type RpcName } from '../../src/shared/rpc';

const HUGE = 'あ'.repeat(1_000_000);
const LONG = 'x'.repeat(101);

function deep(depth: number): unknown {
  let value: unknown = 'core';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { inner: value };
  return value;
}

/** Values JSON.parse makes with own __proto__ / constructor keys, as a crafted request would carry. */
const PROTO = JSON.parse('{"__proto__": {"polluted": true}, "kind": "volunteers"}') as unknown;
const CONSTRUCTOR = JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown;

/** Values that are never a valid argument of any kind, tried in every position. */
const ANYWHERE: Array<[string, unknown]> = [
  ['an object', {}],
  ['an array', []],
  ['a __proto__ object', PROTO],
  ['a constructor object', CONSTRUCTOR],
  ['200 levels of nesting', deep(200)],
  ['a huge string', HUGE],
];

/** Values wrong for a string argument (a sheet name, an id, a token). */
const NOT_A_NAME: Array<[string, unknown]> = [
  ...ANYWHERE,
  ['null', null],
  ['a number', 42],
  ['true', true],
  ['an empty string', ''],
  ['101 characters', LONG],
];

/** Values wrong for a row or column number. */
const NOT_A_POSITION: Array<[string, unknown]> = [
  ...ANYWHERE,
  ['null', null],
  ['a numeric string', '2'],
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN (null on the wire)', Number.NaN],
  ['Infinity (null on the wire)', Infinity],
  ['1e9', 1e9],
];

const ROSTER = 'ボランティア名簿';

interface Junk {
  what: string;
  args: unknown[];
}

/**
 * A valid argument list with one position at a time replaced by each wrong value, plus an extra
 * argument and (unless the last one is optional) the last one missing.
 */
function around(valid: unknown[], wrong: Array<Array<[string, unknown]>>, lastOptional = false): Junk[] {
  const junk: Junk[] = [{ what: 'an extra argument', args: [...valid, 'extra'] }];
  if (valid.length > 0 && !lastOptional) junk.push({ what: 'the last argument missing', args: valid.slice(0, -1) });
  valid.forEach((_, i) => {
    for (const [what, value] of wrong[i] ?? []) {
      const args = [...valid];
      args[i] = value;
      junk.push({ what: `argument ${i + 1} is ${what}`, args });
    }
  });
  return junk;
}

/** The mapping saveMapping gets from a sidebar that works: the roster as detected. */
function rosterMapping(session: Session): { kind: string; headerRow: number; columns: Record<string, number> } {
  const envelope = session.run('getMapping', ROSTER) as RpcEnvelope<{
    kind: string;
    headerRow: number;
    columns: Array<{ index: number; key: string | null }>;
  }>;
  if (!envelope.ok) throw new Error('getMapping failed');
  const columns: Record<string, number> = {};
  for (const c of envelope.value.columns) if (c.key !== null) columns[c.key] = c.index;
  return { kind: envelope.value.kind, headerRow: envelope.value.headerRow, columns };
}

/** The junk for each RPC; a new RPC without arguments is covered by the default. */
function junkFor(name: RpcName, session: Session): Junk[] {
  const mapping = rosterMapping(session);
  const withMapping = (change: Record<string, unknown>): unknown[] => [ROSTER, { ...mapping, ...change }];
  const withColumns = (columns: unknown): unknown[] => withMapping({ columns });
  switch (name) {
    case 'getMapping':
      return [
        ...around(
          [ROSTER, 'volunteers'],
          [NOT_A_NAME, [...ANYWHERE, ['a number', 42], ['41 characters', 'k'.repeat(41)]]],
          true,
        ),
        { what: 'a sheet that does not exist', args: ['存在しないシート'] },
        { what: 'a kind that does not exist', args: [ROSTER, 'unknownKind'] },
        { what: 'the kind __proto__', args: [ROSTER, '__proto__'] },
        { what: 'the kind constructor', args: [ROSTER, 'constructor'] },
        { what: 'a sheet named __proto__', args: ['__proto__'] },
        { what: 'a sheet named constructor', args: ['constructor'] },
        { what: 'no arguments', args: [] },
      ];
    case 'saveMapping':
      return [
        ...around([ROSTER, mapping], [NOT_A_NAME, [...ANYWHERE, ['null', null], ['a string', 'volunteers']]]),
        { what: 'no arguments', args: [] },
        { what: 'a sheet that does not exist', args: ['存在しないシート', mapping] },
        { what: 'a sheet named __proto__', args: ['__proto__', mapping] },
        { what: 'a sheet named toString', args: ['toString', mapping] },
        { what: 'no kind', args: [ROSTER, { headerRow: mapping.headerRow, columns: mapping.columns }] },
        { what: 'an unknown kind', args: withMapping({ kind: 'unknownKind' }) },
        { what: 'the kind __proto__', args: withMapping({ kind: '__proto__' }) },
        { what: 'the kind constructor', args: withMapping({ kind: 'constructor' }) },
        ...[0, -1, 1.5, 11, 51, 1e9, '1', null].map((headerRow) => ({
          what: `header row ${String(headerRow)}`,
          args: withMapping({ headerRow }),
        })),
        { what: 'columns as a list', args: withColumns([0, 1, 2]) },
        { what: 'columns as null', args: withColumns(null) },
        { what: 'a column index of -1', args: withColumns({ ...mapping.columns, name: -1 }) },
        { what: 'a column index of 1.5', args: withColumns({ ...mapping.columns, name: 1.5 }) },
        { what: 'a column index as a string', args: withColumns({ ...mapping.columns, name: '1' }) },
        { what: 'a column beyond the sheet', args: withColumns({ ...mapping.columns, name: 200 }) },
        { what: "a column beyond Sheets' last", args: withColumns({ ...mapping.columns, name: 18_278 }) },
        { what: 'a column index of 1e9', args: withColumns({ ...mapping.columns, name: 1e9 }) },
        {
          what: 'two fields on one column',
          args: withColumns({ ...mapping.columns, name: mapping.columns.furigana }),
        },
        { what: 'an unknown field', args: withColumns({ ...mapping.columns, nonsense: 30 }) },
        {
          what: 'a __proto__ field',
          args: withColumns(JSON.parse(`{"__proto__": 3, "name": ${mapping.columns.name}}`)),
        },
        { what: 'a constructor field', args: withColumns({ constructor: 3 }) },
        { what: 'a toString field', args: withColumns({ toString: 3 }) },
        {
          what: '20,000 fields',
          args: withColumns(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`f${i}`, i]))),
        },
        { what: 'a field name of 41 characters', args: withColumns({ ['k'.repeat(41)]: 3 }) },
        { what: 'a field holding an object', args: withColumns({ name: { index: 1 } }) },
        { what: 'a field holding 200 levels of nesting', args: withColumns({ name: deep(200) }) },
        { what: 'an extra property in the mapping', args: withMapping({ extra: 1 }) },
        { what: 'a __proto__ property in the mapping', args: [ROSTER, JSON.parse('{"__proto__": {"kind": "x"}}')] },
      ];
    case 'clearMapping':
      return [
        ...around([ROSTER], [NOT_A_NAME]),
        { what: 'a sheet that does not exist', args: ['存在しないシート'] },
        { what: 'a sheet named __proto__', args: ['__proto__'] },
        { what: 'a sheet named constructor', args: ['constructor'] },
        { what: 'a sheet named toString', args: ['toString'] },
      ];
    case 'continueValidation':
    case 'cancelValidation':
      return [
        ...around(['V20261126120000000'], [NOT_A_NAME]),
        { what: 'a run that is not under way', args: ['V20261126120000000'] },
        { what: 'a run id of __proto__', args: ['__proto__'] },
      ];
    case 'continueSummary':
    case 'cancelSummary':
      return [
        ...around(['S20261126120000000'], [NOT_A_NAME]),
        { what: 'a run that is not under way', args: ['S20261126120000000'] },
        { what: 'a run id of __proto__', args: ['__proto__'] },
      ];
    case 'continueMatching':
    case 'cancelMatching':
      return [
        ...around(['M20261126120000000'], [NOT_A_NAME]),
        { what: 'a run that is not under way', args: ['M20261126120000000'] },
        { what: 'a run id of __proto__', args: ['__proto__'] },
      ];
    case 'continueFixes':
    case 'cancelFixes':
      return [
        ...around(['F20261126120000000'], [NOT_A_NAME]),
        { what: 'a run that is not under way', args: ['F20261126120000000'] },
        { what: 'a run id of __proto__', args: ['__proto__'] },
      ];
    case 'applyFixes':
      return [
        ...around(['0-0'], [NOT_A_NAME]),
        { what: 'a token no preview gave', args: ['1-deadbeef'] },
        { what: 'a token of __proto__', args: ['__proto__'] },
      ];
    case 'selectCell':
      return [
        ...around([ROSTER, 2, 2], [NOT_A_NAME, NOT_A_POSITION, NOT_A_POSITION]),
        { what: 'a sheet that does not exist', args: ['存在しないシート', 2, 2] },
        { what: 'a sheet named __proto__', args: ['__proto__', 2, 2] },
        { what: 'a row below the sheet', args: [ROSTER, 1_000_000, 2] },
        { what: 'a column right of the sheet', args: [ROSTER, 2, 10_000] },
        { what: "a column beyond Sheets' last", args: [ROSTER, 2, 18_279] },
        { what: 'a row beyond ten million', args: [ROSTER, 10_000_001, 1] },
      ];
    case 'setPairDecision':
      return [
        ...around(
          ['R-0001', 'V-0001', 'pin'],
          [NOT_A_NAME, NOT_A_NAME, [...ANYWHERE, ['null', null], ['an unknown decision', 'maybe'], ['PIN', 'PIN']]],
        ),
        { what: 'a request that does not exist', args: ['R-存在しない', 'V-0001', 'pin'] },
        { what: 'a volunteer that does not exist', args: ['R-0001', 'V-存在しない', 'exclude'] },
        { what: 'ids named __proto__', args: ['__proto__', '__proto__', 'pin'] },
      ];
    case 'setApproval':
      return [
        ...around(
          ['R-0001', 'V-0001', true],
          [NOT_A_NAME, NOT_A_NAME, [...ANYWHERE, ['null', null], ['the string "true"', 'true'], ['1', 1]]],
        ),
        { what: 'a pair matching never proposed', args: ['R-存在しない', 'V-存在しない', true] },
        { what: 'ids named constructor', args: ['constructor', 'constructor', true] },
      ];
    case 'closeFiscalYear':
    case 'reopenFiscalYear':
      return [
        ...around(
          [2025],
          [[...ANYWHERE, ['a numeric string', '2025'], ['1.5', 1.5], ['1899', 1899], ['1e9', 1e9], ['true', true]]],
        ),
        { what: 'a 年度 the summary does not show', args: [1999] },
        { what: 'a 年度 after this one', args: [2030] },
        { what: 'no arguments', args: [] },
      ];
    case 'openSummaryReport':
      return [
        ...around(
          [2025],
          [[...ANYWHERE, ['a numeric string', '2025'], ['1.5', 1.5], ['1899', 1899], ['1e9', 1e9], ['true', true]]],
          true,
        ),
        { what: 'a 年度 the summary does not show', args: [1999] },
      ];
    case 'getFormFlyer':
    case 'openFormFlyer':
      return [
        ...around(
          ['ボランティア登録', 'en'],
          [
            NOT_A_NAME,
            [...ANYWHERE, ['a number', 42], ['true', true], ['an empty string', ''], ['41 characters', 'k'.repeat(41)]],
          ],
          true,
        ),
        { what: 'a form that does not exist', args: ['存在しないフォーム'] },
        { what: 'a form named __proto__', args: ['__proto__', 'ja'] },
        { what: 'a language named constructor', args: ['ボランティア登録', 'constructor'] },
        { what: 'no arguments', args: [] },
      ];
    case 'getSummaryReport':
      return [
        ...around(
          [2025, true],
          [
            [...ANYWHERE, ['a numeric string', '2025'], ['1.5', 1.5], ['1899', 1899], ['1e9', 1e9], ['true', true]],
            [...ANYWHERE, ['null', null], ['the string "true"', 'true'], ['1', 1]],
          ],
          true,
        ),
        { what: 'a 年度 the summary does not show', args: [1999, false] },
      ];
    default:
      // The RPCs without arguments: anything at all is too much.
      return [
        ...around([], []),
        ...ANYWHERE.map(([what, value]) => ({ what: `one argument, ${what}`, args: [value] })),
        { what: 'one argument, null', args: [null] },
        { what: 'two arguments', args: [1, 2] },
      ];
  }
}

/** Everything a staff member could see change: every sheet's cells and settings, and the document properties. */
function snapshot(session: Session): unknown {
  const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  return {
    sheets: book.getSheets().map((sheet) => {
      // The used range and one row and column beyond it; a write anywhere else is a mutating call,
      // which the test checks for separately.
      const rows = Math.min(sheet.getLastRow() + 1, sheet.getMaxRows());
      const columns = Math.min(sheet.getLastColumn() + 1, sheet.getMaxColumns());
      const range = sheet.getRange(1, 1, rows, columns);
      return {
        name: sheet.getName(),
        hidden: sheet.isSheetHidden(),
        size: [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()],
        values: range.getValues().map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v))),
        formulas: range.getFormulas(),
        formats: range.getNumberFormats(),
        notes: range.getNotes(),
        fills: range.getBackgrounds(),
      };
    }),
    properties: session.emu.globals.PropertiesService.getDocumentProperties().getProperties(),
  };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('junk sent to every RPC of dist/Code.js', () => {
  let session: Session;

  beforeAll(() => {
    session = Session.create('不正な要求のテスト');
    buildDemo(session, { seed: 9, volunteers: 40, requests: 20 });
    // A real matching run and a 検証, so that the actions junk must not disturb have state to disturb.
    for (const name of ['runMatching', 'runValidation']) {
      if (!(session.run(name) as RpcEnvelope<unknown>).ok) throw new Error(`${name} failed`);
    }
    session.emu.endExecution();
  });

  it('has junk for every RPC', () => {
    for (const name of RPC_NAMES) expect(junkFor(name, session).length, name).toBeGreaterThan(5);
  });

  describe.each(RPC_NAMES.map((name) => [name]))('%s', (name) => {
    it('refuses every piece of junk in Japanese and English, naming no internal error, and writes nothing', () => {
      const cases = junkFor(name, session);
      const before = snapshot(session);
      for (const junk of cases) {
        const label = `${name}: ${junk.what}`;
        session.emu.failAtMutation(null);
        const envelope = session.run(name, ...junk.args) as RpcEnvelope<unknown>;
        expect(session.emu.mutations, `${label} — mutating calls`).toEqual([]);
        session.emu.endExecution();
        expect(envelope.ok, `${label} — refused`).toBe(false);
        if (envelope.ok) continue;
        const { code, ja, en } = envelope.error;
        expect(code, `${label} — a specific code`).not.toBe('internal');
        expect(JAPANESE.test(ja), `${label} — ja: ${ja}`).toBe(true);
        expect(/[A-Za-z]{3}/.test(en) && en.length < 400, `${label} — en: ${en}`).toBe(true);
        expect(ja.length < 400 && !ja.includes(HUGE.slice(0, 200)), `${label} — the message stays short`).toBe(true);
      }
      const after = snapshot(session);
      // Compared as JSON first: toEqual on a whole workbook is slow, and only needed to show a difference.
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        expect(after, `${name}: the workbook and document properties`).toEqual(before);
      }
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), 'Object.prototype').toBe(false);
    });
  });
});
