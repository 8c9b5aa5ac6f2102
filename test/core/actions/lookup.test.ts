// Finding the sheets of some kinds (src/core/actions/lookup.ts): a sheet confirmed as another kind is
// not read, and the sheets found are exactly those reading every sheet's first rows finds — after
// staff renamed, replaced, added or re-headed sheets since the mappings were confirmed.
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { portsFor } from '../../../src/local/emulator-ports';
import { headsOfKinds } from '../../../src/core/actions/lookup';
import { loadMappings, MAPPINGS_KEY } from '../../../src/core/actions/sidebar';
import { HEAD_ROWS, kindsOf, standardHeader } from '../../../src/core/setup/plan';
import { diagnoseHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection, serializeMappings, type ColumnMapping } from '../../../src/core/sheets/mapping';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import type { SheetKind } from '../../../src/core/sheets/types';
import type { SheetHead } from '../../../src/core/ports';

const KINDS: readonly SheetKind[] = ['volunteers', 'requests', 'activities', 'settings', 'surveys'];

function headerOf(kind: SheetKind): string[] {
  return standardHeader(SHEET_SPECS[kind]);
}

/** The mapping staff would confirm for a sheet of that kind with its standard header. */
function mappingAs(kind: SheetKind, name: string): ColumnMapping {
  const diagnosis = diagnoseHeader([headerOf(kind)], HEAD_ROWS, { sheetName: name });
  if (!diagnosis.ok) throw new Error(`no detection of ${kind}`);
  return mappingFromDetection(diagnosis.detection);
}

function spreadsheet(emu: Emulator): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return emu.globals.SpreadsheetApp.getActiveSpreadsheet();
}

/** What an action looking for these kinds finds: [name, kind] in tab order, with each sheet's first rows. */
function found(
  heads: readonly SheetHead[],
  confirmed: Readonly<Record<string, ColumnMapping>>,
  kinds: readonly SheetKind[],
): Array<[string, SheetKind, string[][]]> {
  const of = kindsOf(heads, confirmed);
  return heads
    .filter((h) => kinds.indexOf(of.get(h.name) as SheetKind) >= 0)
    .map((h) => [h.name, of.get(h.name) as SheetKind, h.display]);
}

/** Every sheet's first rows (what actions read before) against the lookup, in a fresh server call each. */
function compare(emu: Emulator, kinds: readonly SheetKind[]) {
  const all = portsFor(emu);
  const every = all.workbook.heads(HEAD_ROWS);
  const expected = found(every, loadMappings(all, every), kinds);
  const ports = portsFor(emu);
  emu.stats.reset();
  const heads = headsOfKinds(ports, kinds);
  const reads = emu.stats.count('Range.getDisplayValues');
  return { expected, actual: found(heads, loadMappings(ports, heads), kinds), reads, heads };
}

function confirm(emu: Emulator, mappings: Record<string, ColumnMapping>): void {
  const ports = portsFor(emu);
  const ids: Record<string, number> = {};
  for (const ref of ports.workbook.sheets()) ids[ref.name] = ref.id;
  ports.store.set(MAPPINGS_KEY, serializeMappings(mappings, ids));
}

/** A workbook with a sheet of each kind, each mapping confirmed. */
function confirmedBook() {
  const emu = Emulator.create('探す');
  const names: Record<string, SheetKind> = {
    ボランティア名簿: 'volunteers',
    依頼: 'requests',
    活動記録: 'activities',
    設定: 'settings',
    アンケート定義: 'surveys',
  };
  for (const [name, kind] of Object.entries(names)) emu.setSheetValues(name, [headerOf(kind), []]);
  emu.setSheetValues('メモ', [['今週の予定'], ['月曜 会議']]);
  const mappings: Record<string, ColumnMapping> = {};
  for (const [name, kind] of Object.entries(names)) mappings[name] = mappingAs(kind, name);
  confirm(emu, mappings);
  return emu;
}

describe('headsOfKinds', () => {
  it('reads the first rows of the sheets that may be of the kinds only: not those confirmed as another kind', () => {
    const emu = confirmedBook();
    const { expected, actual, reads, heads } = compare(emu, ['settings']);
    expect(actual).toEqual(expected);
    expect(actual.map(([name]) => name)).toEqual(['設定']);
    // 設定, and メモ and the empty シート1 (no confirmed mapping: only their header says what they are);
    // the four others are not read.
    expect(heads.map((h) => h.name)).toEqual(['シート1', '設定', 'メモ']);
    expect(reads, 'シート1 is empty: nothing to read').toBe(2);
  });

  it('reads a sheet renamed since its mapping was confirmed (the mapping no longer holds) and finds it by its header', () => {
    const emu = confirmedBook();
    spreadsheet(emu).getSheetByName('依頼')?.setName('依頼2026');
    // Staff put a 依頼 header on the sheet confirmed as 活動記録 and renamed it: detected as 依頼 now.
    const log = spreadsheet(emu).getSheetByName('活動記録');
    log?.setName('受付');
    log?.getRange(1, 1, 1, headerOf('requests').length).setValues([headerOf('requests')]);
    const { expected, actual } = compare(emu, ['requests']);
    expect(actual).toEqual(expected);
    expect(actual.map(([name, kind]) => [name, kind])).toEqual([
      ['依頼2026', 'requests'],
      ['受付', 'requests'],
    ]);
  });

  it('reads a sheet that took the name of a confirmed one (another id): its header decides', () => {
    const emu = confirmedBook();
    const book = spreadsheet(emu);
    book.deleteSheet(book.getSheetByName('ボランティア名簿') as GoogleAppsScript.Spreadsheet.Sheet);
    const again = book.insertSheet('ボランティア名簿');
    again.getRange(1, 1, 1, headerOf('settings').length).setValues([headerOf('settings')]);
    const { expected, actual } = compare(emu, ['settings']);
    expect(actual).toEqual(expected);
    expect(actual.map(([name, kind]) => [name, kind]).sort()).toEqual([
      ['ボランティア名簿', 'settings'],
      ['設定', 'settings'],
    ]);
  });

  it('reads a sheet added since, and one whose header staff changed, as every head would', () => {
    const emu = confirmedBook();
    emu.setSheetValues('新しい名簿', [headerOf('volunteers'), []]);
    const memo = spreadsheet(emu).getSheetByName('メモ');
    memo?.getRange(1, 1, 1, headerOf('volunteers').length).setValues([headerOf('volunteers')]);
    const { expected, actual } = compare(emu, ['volunteers']);
    expect(actual).toEqual(expected);
    expect(actual.map(([name]) => name)).toEqual(['ボランティア名簿', 'メモ', '新しい名簿']);
  });

  it('keeps a confirmed kind even where the header says otherwise, as the mapping view shows it', () => {
    const emu = confirmedBook();
    // The 設定 sheet's header was overwritten with a roster's: staff's confirmation still says 設定.
    spreadsheet(emu)
      .getSheetByName('設定')
      ?.getRange(1, 1, 1, headerOf('volunteers').length)
      .setValues([headerOf('volunteers')]);
    for (const kinds of [['settings'], ['volunteers']] as const) {
      const { expected, actual } = compare(emu, kinds);
      expect(actual, kinds.join()).toEqual(expected);
    }
  });

  it('always reads a sheet of a wanted kind’s own name, whatever it is confirmed as', () => {
    const emu = confirmedBook();
    const mappings: Record<string, ColumnMapping> = {
      アンケート定義: mappingAs('activities', 'アンケート定義'),
    };
    confirm(emu, mappings);
    const { heads } = compare(emu, ['surveys']);
    expect(heads.some((h) => h.name === 'アンケート定義')).toBe(true);
  });

  it('finds exactly what reading every head finds, whatever was confirmed, renamed, replaced, added or re-headed', () => {
    const names = ['ボランティア名簿', '依頼', '活動記録', '設定', 'アンケート定義', 'メモ', 'シート1', '退会者名簿'];
    const content = fc.oneof(
      fc.constantFrom(...KINDS).map((kind) => ({ kind })),
      fc.constant({ kind: null }),
    );
    const sheet = fc.record({ name: fc.constantFrom(...names), content, title: fc.boolean() });
    const change = fc.oneof(
      fc.record({ op: fc.constant('rename' as const), to: fc.constantFrom(...names.map((n) => `${n}2`)) }),
      fc.record({ op: fc.constant('replace' as const), content }),
      fc.record({ op: fc.constant('reheader' as const), content }),
      fc.record({ op: fc.constant('add' as const), name: fc.constantFrom('追加', '依頼（新）', 'Sheet9'), content }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(sheet, { selector: (s) => s.name, minLength: 1, maxLength: 6 }),
        fc.array(fc.option(fc.constantFrom(...KINDS), { nil: undefined }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.record({ at: fc.nat(5), change }), { maxLength: 3 }),
        fc.subarray([...KINDS], { minLength: 1 }),
        (sheets, confirmedAs, changes, kinds) => {
          const emu = Emulator.create('探す');
          const rowsOf = (c: { kind: SheetKind | null }, title: boolean): string[][] => [
            ...(title ? [['令和6年度 一覧']] : []),
            c.kind ? headerOf(c.kind) : ['メモ', '内容'],
            [],
          ];
          for (const s of sheets) emu.setSheetValues(s.name, rowsOf(s.content, s.title));
          const mappings: Record<string, ColumnMapping> = {};
          sheets.forEach((s, i) => {
            const kind = confirmedAs[i];
            if (kind) mappings[s.name] = mappingAs(kind, s.name);
          });
          confirm(emu, mappings);
          const book = spreadsheet(emu);
          for (const { at, change: c } of changes) {
            const target = book.getSheets()[at % book.getSheets().length] as GoogleAppsScript.Spreadsheet.Sheet;
            if (c.op === 'rename') {
              if (!book.getSheetByName(c.to)) target.setName(c.to);
            } else if (c.op === 'replace') {
              const name = target.getName();
              const made = book.insertSheet('差し替え中');
              book.deleteSheet(target);
              made.setName(name);
              emu.setSheetValues(name, rowsOf(c.content, false));
            } else if (c.op === 'reheader') {
              const header = rowsOf(c.content, false)[0] as string[];
              target.getRange(1, 1, 1, header.length).setValues([header]);
            } else if (!book.getSheetByName(c.name)) {
              emu.setSheetValues(c.name, rowsOf(c.content, false));
            }
          }
          const { expected, actual } = compare(emu, kinds);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});
