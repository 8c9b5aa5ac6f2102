/** Saving keeps what Tsunagu did not change: a richly formatted staff workbook through every writing action, compared part by part. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, it, jest } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import { Emulator } from '../../src/local/emulator/index';
import { Session } from '../../src/local/session';
import type { FixPreview, MappingView, MatchView } from '../../src/shared/rpc';
import { rpc } from './helpers/session';
import { richWorkbookBytes } from './helpers/rich-workbook';

/** The writing actions, in the order staff use them, each as the sidebar calls it. */
const ACTIONS: Array<[string, (session: Session) => void]> = [
  ['シート準備', (s) => rpc(s, 'setupSheets')],
  ['検証', (s) => rpc(s, 'runValidation')],
  ['ハイライトを消す', (s) => rpc(s, 'clearHighlights')],
  [
    '安全な修正',
    (s) => {
      rpc(s, 'runValidation');
      const preview = rpc<FixPreview>(s, 'previewFixes');
      rpc(s, 'applyFixes', preview.token);
    },
  ],
  ['元に戻す', (s) => rpc(s, 'undoLast')],
  ['マッチング', (s) => rpc<MatchView>(s, 'runMatching')],
  [
    '承認',
    (s) => {
      const view = rpc<MatchView>(s, 'runMatching');
      const pair = view.requests[0]!.pairs[0]!;
      rpc(s, 'setApproval', pair.requestId, pair.volunteerId, true);
    },
  ],
  ['確定', (s) => rpc(s, 'commitMatches')],
  [
    '固定・除外・指定解除',
    (s) => {
      const view = rpc<MatchView>(s, 'runMatching');
      const pair = view.requests.flatMap((r) => r.pairs)[0]!;
      rpc(s, 'setPairDecision', pair.requestId, pair.volunteerId, 'pin');
      rpc(s, 'setPairDecision', pair.requestId, pair.volunteerId, 'exclude');
      rpc(s, 'setPairDecision', pair.requestId, pair.volunteerId, 'none');
    },
  ],
  [
    'mapping save',
    (s) => {
      const mapping = rpc<MappingView>(s, 'getMapping', '依頼');
      const columns = Object.fromEntries(mapping.columns.filter((c) => c.key).map((c) => [c.key, c.index]));
      rpc(s, 'saveMapping', '依頼', { kind: mapping.kind, headerRow: mapping.headerRow, columns });
    },
  ],
  ['mapping clear', (s) => rpc(s, 'clearMapping', '依頼')],
  ['履歴を消去', (s) => rpc(s, 'eraseHistory')],
];

/** The same actions as commands of the CLI (each its own process's worth: open, run, save). */
const COMMANDS: Array<[string, (path: string) => string[][]]> = [
  ['setup', (p) => [['setup', p]]],
  ['validate --write', (p) => [['validate', p, '--write']]],
  ['clear-highlights', (p) => [['clear-highlights', p]]],
  [
    'fix --write',
    (p) => [
      ['validate', p, '--write'],
      ['fix', p, '--write'],
    ],
  ],
  ['undo', (p) => [['undo', p]]],
  ['match --write', (p) => [['match', p, '--write']]],
];

/** The pair commands need a pair: the first one matching proposes. */
const PAIR_COMMANDS: Array<[string, (path: string, pair: [string, string]) => string[][]]> = [
  [
    'pin / exclude / unpin',
    (p, [r, v]) => [
      ['pin', p, r, v],
      ['exclude', p, r, v],
      ['unpin', p, r, v],
    ],
  ],
  ['approve', (p, [r, v]) => [['approve', p, r, v]]],
  ['commit', (p) => [['commit', p]]],
  ['mapping --save', (p) => [['mapping', p, '依頼', '--save']]],
  ['mapping --clear', (p) => [['mapping', p, '依頼', '--clear']]],
  ['erase-history', (p) => [['erase-history', p]]],
];

const ORIGINAL_SHEETS = ['ボランティア名簿', '依頼', 'メモ'];

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The part of each original sheet that holds anything (the fixture's sheets are smaller). */
const WINDOW = { rows: 30, columns: 20 };

/** Every cell's value, note, fill, format and weight as the spreadsheet reports them, by 'row:column'. */
function modelCells(emu: Emulator, name: string): Map<string, string> {
  const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName(name)!;
  const range = sheet.getRange(1, 1, WINDOW.rows, WINDOW.columns);
  const parts = [
    range.getFormulas(),
    range.getDisplayValues(),
    range.getNotes(),
    range.getBackgrounds(),
    range.getNumberFormats(),
    range.getFontWeights(),
    range.getFontColors(),
  ];
  const out = new Map<string, string>();
  parts[0]!.forEach((row, i) =>
    row.forEach((_, j) => out.set(`${i + 1}:${j + 1}`, JSON.stringify(parts.map((p) => p[i]![j])))),
  );
  return out;
}

function changedCells(before: Map<string, string>, after: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const key of new Set([...before.keys(), ...after.keys()])) if (before.get(key) !== after.get(key)) out.add(key);
  return out;
}

function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? `Date(${v.toISOString()})` : v));
}

/** Everything exceljs knows about a cell. */
function fullState(cell: ExcelJS.Cell): string {
  return json({ type: cell.type, value: cell.value, style: cell.style, note: cell.note });
}

/** A cell with no style of its own shows the workbook's default font (exceljs writes Calibri 11). */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, family: 2 };

function nonEmpty(value: object | undefined): object | undefined {
  return value && Object.keys(value).length > 0 ? value : undefined;
}

/** What a cell Tsunagu changed must still keep: its borders, alignment, protection and font face. */
function keptState(cell: ExcelJS.Cell): string {
  const font: Partial<ExcelJS.Font> = nonEmpty(cell.font) ? cell.font : DEFAULT_FONT;
  const { name, size, family, underline, italic, strike } = font;
  return json({
    border: nonEmpty(cell.border),
    alignment: nonEmpty(cell.alignment),
    protection: nonEmpty(cell.protection),
    font: { name, size, family, underline, italic, strike },
  });
}

function positions(ws: ExcelJS.Worksheet): Set<string> {
  const out = new Set<string>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (_cell, c) => out.add(`${r}:${c}`));
  });
  return out;
}

function sheetState(ws: ExcelJS.Worksheet): Record<string, string> {
  const columns: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c += 1) {
    const col = ws.getColumn(c);
    columns.push([col.width, col.hidden, col.outlineLevel]);
  }
  const rows: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => rows.push([r, row.height, row.hidden]));
  return {
    merges: json(
      Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges)
        .map((m) => m.range)
        .sort(),
    ),
    columns: json(columns),
    rows: json(rows),
    conditionalFormattings: json((ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings),
    protection: json((ws as unknown as { sheetProtection: unknown }).sheetProtection),
    views: json(ws.views),
    properties: json(ws.properties),
    pageSetup: json(ws.pageSetup),
    headerFooter: json(ws.headerFooter),
    state: ws.state,
  };
}

/**
 * Compares the saved file with the original: every sheet and cell Tsunagu did not change is
 * exactly as it was; the cells it changed keep their borders, alignment and font face.
 */
function expectKept(
  original: ExcelJS.Workbook,
  saved: ExcelJS.Workbook,
  changed: Map<string, Set<string>>,
  step: string,
) {
  expect(json(saved.definedNames.model), `${step}: defined names`).toBe(json(original.definedNames.model));
  expect(saved.title, `${step}: title`).toBe(original.title);
  for (const name of ORIGINAL_SHEETS) {
    const before = original.getWorksheet(name)!;
    const after = saved.getWorksheet(name);
    expect(after, `${step}: sheet ${name} still there`).toBeDefined();
    expect(sheetState(after!), `${step}: ${name} sheet settings`).toEqual(sheetState(before));
    const touched = changed.get(name) ?? new Set<string>();
    for (const key of new Set([...positions(before), ...positions(after!)])) {
      const [r, c] = key.split(':').map(Number) as [number, number];
      const a = before.getCell(r, c);
      const b = after!.getCell(r, c);
      if (touched.has(key)) {
        expect(keptState(b), `${step}: ${name}!${a.address} keeps its borders and font`).toBe(keptState(a));
      } else {
        expect(fullState(b), `${step}: ${name}!${a.address} unchanged`).toBe(fullState(a));
        const dv = (ws: ExcelJS.Worksheet) =>
          json(
            (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model[a.address],
          );
        expect(dv(after!), `${step}: ${name}!${a.address} validation`).toBe(dv(before));
      }
    }
  }
}

// Nine actions, each saved and read back with exceljs: slow on a busy machine.
jest.setTimeout(180_000);

describe('saving an .xlsx', () => {
  let dir: string;
  let originalBytes: Uint8Array;
  let original: ExcelJS.Workbook;
  let pristine: Map<string, Map<string, string>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagu-keep-'));
    originalBytes = await richWorkbookBytes();
    original = await readXlsx(originalBytes);
    const loaded = await Emulator.fromXlsx(originalBytes);
    pristine = new Map(ORIGINAL_SHEETS.map((n) => [n, modelCells(loaded, n)]));
    for (const ws of original.worksheets) {
      expect(ws.rowCount <= WINDOW.rows && ws.columnCount <= WINDOW.columns, `${ws.name} fits the window`).toBe(true);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function changesSinceLoad(emu: Emulator): Map<string, Set<string>> {
    return new Map(ORIGINAL_SHEETS.map((n) => [n, changedCells(pristine.get(n)!, modelCells(emu, n))]));
  }

  it('keeps every untouched part through each writing action in one session (the studio)', async () => {
    const path = join(dir, 'studio.xlsx');
    writeFileSync(path, originalBytes);
    const session = await Session.open(path);
    for (const [step, act] of ACTIONS) {
      act(session);
      await session.save(path);
      const saved = await readXlsx(readFileSync(path));
      expectKept(original, saved, changesSinceLoad(session.emu), step);
    }
  });

  it('keeps every untouched part when each action runs in its own session (the CLI)', async () => {
    const path = join(dir, 'cli.xlsx');
    writeFileSync(path, originalBytes);
    const touched = new Map<string, Set<string>>(ORIGINAL_SHEETS.map((n) => [n, new Set<string>()]));
    for (const [step, act] of ACTIONS) {
      const session = await Session.open(path);
      act(session);
      await session.save(path);
      const changed = changesSinceLoad(session.emu);
      // A cell marked and cleared in an earlier run has its colour back as a plain RGB fill of the
      // same colour (what the history kept): it is compared as a touched cell.
      for (const [name, set] of changed) for (const key of set) touched.get(name)!.add(key);
      const saved = await readXlsx(readFileSync(path));
      expectKept(original, saved, touched, step);
      const reread = await Emulator.fromXlsx(readFileSync(path));
      expect(
        changedCells(modelCells(session.emu, 'ボランティア名簿'), modelCells(reread, 'ボランティア名簿')).size,
        `${step}: the file reads back as the model`,
      ).toBe(0);
    }
  });

  it('keeps every untouched part through every writing command of the CLI', async () => {
    const path = join(dir, 'commands.xlsx');
    writeFileSync(path, originalBytes);
    const touched = new Map<string, Set<string>>(ORIGINAL_SHEETS.map((n) => [n, new Set<string>()]));
    const tsunagu = async (argv: string[]): Promise<string> => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...argv, '--yes', '--no-backup'], { out: (t) => out.push(t), err: (t) => err.push(t) });
      expect([0, 1], `tsunagu ${argv.join(' ')}: ${err.join(' ')}`).toContain(code);
      return out.join('\n');
    };
    const check = async (step: string) => {
      const now = await Emulator.fromXlsx(readFileSync(path));
      for (const [name, set] of changesSinceLoad(now)) for (const key of set) touched.get(name)!.add(key);
      expectKept(original, await readXlsx(readFileSync(path)), touched, `tsunagu ${step}`);
    };
    for (const [step, commands] of COMMANDS) {
      for (const argv of commands(path)) await tsunagu(argv);
      await check(step);
    }
    const report = JSON.parse(await tsunagu(['match', path, '--json'])) as {
      assignments: Array<{ requestId: string; volunteerId: string }>;
    };
    const first = report.assignments[0]!;
    for (const [step, commands] of PAIR_COMMANDS) {
      for (const argv of commands(path, [first.requestId, first.volunteerId])) await tsunagu(argv);
      await check(step);
    }
  });

  it('writes exactly the changed parts: a session that changed nothing writes a file equal to the original', async () => {
    const emu = await Emulator.fromXlsx(originalBytes);
    expect(emu.hasUnsavedChanges()).toBe(false);
    const roster = emu.globals.SpreadsheetApp.getActive().getSheetByName('ボランティア名簿')!;
    roster.getRange('B5').activate();
    roster.getRange('A1:O9').getValues();
    expect(emu.hasUnsavedChanges()).toBe(false);
    const saved = await readXlsx(await emu.toXlsx());
    expectKept(original, saved, new Map(), 'no change');
  });
});
