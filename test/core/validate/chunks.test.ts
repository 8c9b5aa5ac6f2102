// Chunked 検証: the parts' issues, staged and merged, are exactly what one pass over the workbook finds.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { readWorkbookInput } from '../../../src/core/actions/workbook-input';
import type { CellValue } from '../../../src/core/ports';
import { validateWorkbook } from '../../../src/core/validate';
import {
  CROSS_ROW_CODES,
  chunkSheets,
  fieldColumns,
  keptIssues,
  mergeIssues,
  planChunks,
  seedOf,
  seenRows,
  seenSizes,
  stagedFor,
  type ChunkWork,
  type PlannedSheet,
  type SheetReader,
} from '../../../src/core/validate/chunks';
import type { ValidationIssue, WorkbookInput } from '../../../src/core/validate/types';
import { buildDemo } from '../../../src/local/commands/demo';
import { portsFor } from '../../../src/local/emulator-ports';
import { Session } from '../../../src/local/session';

let input: WorkbookInput;
let planned: PlannedSheet[];

beforeAll(() => {
  const session = Session.create('分割検証');
  buildDemo(session, { seed: 8, volunteers: 700, requests: 250, ledgerScale: { donations: 2 } });
  // Ids used twice far apart, so the duplicate falls in a later slice than the first use.
  const roster = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿');
  roster?.getRange(650, 1).setValue(roster.getRange(3, 1).getValue());
  const requests = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('依頼');
  requests?.getRange(240, 1).setValue(requests.getRange(2, 1).getValue());
  input = readWorkbookInput(portsFor(session.emu));
  planned = input.sheets.map((s) => ({ name: s.name, kind: s.kind, mapping: s.mapping, lastRow: s.values.length }));
});

/** Reads from the whole-workbook input the way Workbook.read reads the sheet: only the columns and rows asked for. */
const reader: SheetReader = (sheet, fields, rows) => {
  const full = input.sheets.find((s) => s.name === sheet.name);
  if (!full) throw new Error(`no sheet ${sheet.name}`);
  const columns = new Set(
    sheet.kind === 'settings' && !fields ? full.values[0]?.map((_, c) => c) : fieldColumns(sheet.mapping, fields),
  );
  const wanted = (r: number): boolean =>
    !rows || rows.some((span) => r + 1 >= span.first && r + 1 < span.first + span.count);
  const width = full.values.reduce((w, row) => Math.max(w, row.length), 0);
  const pick = <T>(grid: readonly (readonly T[])[], blank: T): T[][] =>
    grid.map((row, r) =>
      wanted(r) ? Array.from({ length: width }, (_, c) => (columns.has(c) ? (row[c] ?? blank) : blank)) : [],
    );
  return { values: pick<CellValue>(full.values, ''), display: pick<string>(full.display, '') };
};

/**
 * Runs the parts in order, as the sidebar drives them, and returns every issue reported. A
 * cross-row slice starts from what the slices before it saw, carried as the work sheet's texts.
 */
function runInChunks(chunks: readonly ChunkWork[]): ValidationIssue[] {
  const staged = new Map<string, ValidationIssue[]>();
  const seen = new Map<string, string[]>();
  const reported: ValidationIssue[] = [];
  for (const work of chunks) {
    const sheets = chunkSheets(work, planned, reader);
    const shared = work.type === 'crossRow' ? seedOf(seen.get(work.sheet) ?? []) : undefined;
    const before = shared ? seenSizes(shared) : new Map<string, number>();
    const found = validateWorkbook({
      sheets,
      settings: input.settings,
      today: input.today,
      ...(shared ? { shared } : {}),
    }).issues;
    const header = work.type === 'whole' ? 0 : (planned.find((s) => s.name === work.sheet)?.mapping.headerRow ?? 1);
    const kept = keptIssues(work, found, header);
    if (work.type === 'crossRow') {
      staged.set(work.sheet, [...(staged.get(work.sheet) ?? []), ...kept]);
      if (shared) seen.set(work.sheet, [...(seen.get(work.sheet) ?? []), ...seenRows(shared, before)]);
    } else if (work.type === 'slice')
      reported.push(...mergeIssues(kept, stagedFor(staged.get(work.sheet) ?? [], work, header)));
    else reported.push(...kept);
  }
  return reported;
}

describe('chunked 検証', () => {
  it('plans the whole workbook as one part when it fits', () => {
    expect(planChunks(planned, 10_000_000)).toEqual([{ type: 'whole', sheets: planned.map((s) => s.name) }]);
  });

  it('splits large sheets into a cross-row part and slices that together cover every data row once', () => {
    const chunks = planChunks(planned, 8_000);
    for (const sheet of planned) {
      const slices = chunks.filter((c) => c.type === 'slice' && c.sheet === sheet.name) as Array<
        Extract<ChunkWork, { type: 'slice' }>
      >;
      if (slices.length === 0) {
        expect(
          chunks.some((c) => c.type === 'whole' && c.sheets.includes(sheet.name)),
          sheet.name,
        ).toBe(true);
        continue;
      }
      expect(slices[0]?.first).toBe(sheet.mapping.headerRow + 1);
      expect(slices[slices.length - 1]?.last).toBe(sheet.lastRow);
      for (let i = 1; i < slices.length; i++) expect(slices[i]?.first).toBe((slices[i - 1]?.last ?? 0) + 1);
    }
    expect(chunks.filter((c) => c.type === 'crossRow').map((c) => (c as { sheet: string }).sheet)).toEqual(
      expect.arrayContaining(['ボランティア名簿', '寄付台帳', '会費台帳']),
    );
  });

  it('finds exactly what one pass finds, in the same order, whatever the size of the parts', () => {
    const whole = validateWorkbook(input).issues;
    // The demo plants duplicates of every cross-row kind, so the staging is exercised.
    const codes = new Set(whole.map((i) => i.code));
    for (const code of [
      'id.duplicate',
      'volunteers.duplicatePerson',
      'donations.receiptDuplicate',
      'memberships.amountMismatch',
    ]) {
      expect(codes.has(code), `${code} in ${[...codes].join(' ')}`).toBe(true);
    }
    for (const budget of [4_000, 30_000]) {
      const chunks = planChunks(planned, budget);
      expect(chunks.length, `budget ${budget}`).toBeGreaterThan(1);
      expect(runInChunks(chunks), `budget ${budget}`).toEqual(whole);
    }
  });

  it('splits the cross-row part of a large ledger into row slices within the budget, each carrying what the earlier ones saw', () => {
    const budget = 4_000;
    const chunks = planChunks(planned, budget);
    const ledger = planned.find((s) => s.name === '寄付台帳') as PlannedSheet;
    const cross = chunks.filter((c) => c.type === 'crossRow' && c.sheet === ledger.name);
    expect(cross.length, 'the 寄付台帳 cross-row check in several parts').toBeGreaterThan(1);
    // Together they cover every data row once, in order.
    let next = ledger.mapping.headerRow + 1;
    for (const c of cross) {
      if (c.type !== 'crossRow' || c.first === undefined || c.last === undefined) throw new Error('not a slice');
      expect(c.first).toBe(next);
      next = c.last + 1;
      // What a part reads: its rows' compared columns (the first also the earlier ledgers').
      const sheets = chunkSheets(c, planned, reader);
      const own = sheets.find((s) => s.name === ledger.name);
      const read = (own?.values ?? []).filter((row) => row.length > 0).length;
      expect(read).toBeLessThanOrEqual(c.last - c.first + 1 + ledger.mapping.headerRow);
    }
    expect(next).toBe(ledger.lastRow + 1);
    // The roster's probable duplicate people compare each row with all the earlier ones: one part.
    expect(chunks.filter((c) => c.type === 'crossRow' && c.sheet === 'ボランティア名簿')).toHaveLength(1);
    // The receipt numbers used twice are found across the slices, naming the first use.
    const whole = validateWorkbook(input).issues.filter((i) => i.sheet === ledger.name && CROSS_ROW_CODES.has(i.code));
    expect(whole.length).toBeGreaterThan(0);
    expect(runInChunks(chunks).filter((i) => i.sheet === ledger.name && CROSS_ROW_CODES.has(i.code))).toEqual(whole);
  });

  it('carries first-seen values between slices as texts within a cell’s limit, in the order they were seen', () => {
    const shared = new Map<string, unknown>([
      [
        'donations\u0000receipt',
        new Map([
          ['2024\u0000R6-1', { sheet: '寄付台帳', r: 1 }],
          ['2024\u0000R6-2', { sheet: '寄付台帳 (2023)', r: 7 }],
        ]),
      ],
      ['person\u0000volunteers', { byName: new Map() }],
    ]);
    const before = new Map([['donations\u0000receipt', 1]]);
    const rows = seenRows(shared, before);
    expect(rows).toHaveLength(1);
    expect(seedOf(rows)).toEqual(
      new Map([['donations\u0000receipt', new Map([['2024\u0000R6-2', { sheet: '寄付台帳 (2023)', r: 7 }]])]]),
    );
    const many = new Map<string, unknown>([
      ['unique', new Map(Array.from({ length: 5_000 }, (_, i) => [`ID-${i}`, { sheet: '依頼', r: i + 1 }]))],
    ]);
    const texts = seenRows(many, new Map());
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(40_000);
    expect(seedOf(texts)).toEqual(many);
  });

  it('keeps cross-row findings out of the slices and in the cross-row part only', () => {
    const chunks = planChunks(planned, 8_000);
    const slice = chunks.find((c) => c.type === 'slice' && c.sheet === 'ボランティア名簿');
    if (!slice || slice.type !== 'slice') throw new Error('the roster was not split');
    const found = validateWorkbook({
      sheets: chunkSheets(slice, planned, reader),
      settings: input.settings,
      today: input.today,
    }).issues;
    const kept = keptIssues(slice, found, 1);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((i) => !CROSS_ROW_CODES.has(i.code) && i.row >= slice.first && i.row <= slice.last)).toBe(true);
  });
});

describe('chunked 検証 over several sheets of one kind (a roster in two sheets, a 退会者 archive, 依頼 and the ledgers in two)', () => {
  beforeAll(() => {
    const session = Session.create('分割検証（複数シート）');
    buildDemo(session, { seed: 9, volunteers: 500, requests: 200 });
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const roster = session.emu.sheetValues('ボランティア名簿');
    const requests = session.emu.sheetValues('依頼');
    // The roster's second half in a sheet of its own; an archive that reuses ids of both halves and
    // holds the same people under new ids; 依頼 split in two with one id in both halves.
    const half = Math.floor(roster.length / 2);
    session.emu.setSheetValues('ボランティア名簿', roster.slice(0, half));
    book.insertSheet('ボランティア名簿（後半）');
    session.emu.setSheetValues('ボランティア名簿（後半）', [roster[0] as unknown[], ...roster.slice(half)]);
    book.insertSheet('退会者');
    const archive = [roster[0] as unknown[]];
    for (let r = 5; r < roster.length; r += 37) {
      const row = [...(roster[r] as unknown[])];
      // Every other one under a new id: the same person again; the others reuse the id.
      if (archive.length % 2 === 0) row[0] = `X-${r}`;
      archive.push(row);
    }
    session.emu.setSheetValues('退会者', archive);
    const split = Math.floor(requests.length / 2);
    session.emu.setSheetValues('依頼', requests.slice(0, split));
    // Right after 依頼 in tab order: the later half.
    book.insertSheet('依頼（下期）', (book.getSheetByName('依頼')?.getIndex() ?? 0) as number);
    const later = [requests[0] as unknown[], ...requests.slice(split)];
    (later[3] as unknown[])[0] = (requests[2] as unknown[])[0];
    session.emu.setSheetValues('依頼（下期）', later);
    // 寄付台帳 and 会費台帳 each in two sheets (a ledger per period), the later one repeating a
    // (named, not 匿名) row of the earlier: the same receipt number, the same gift, the same fee paid twice.
    for (const [name, later] of [
      ['寄付台帳', '寄付台帳（後期）'],
      ['会費台帳', '会費台帳（後期）'],
    ] as const) {
      const ledger = session.emu.sheetValues(name);
      const cut = Math.floor(ledger.length / 2);
      session.emu.setSheetValues(name, ledger.slice(0, cut));
      book.insertSheet(later, (book.getSheetByName(name)?.getIndex() ?? 0) as number);
      session.emu.setSheetValues(later, [ledger[0] as unknown[], ...ledger.slice(cut), ledger[4] as unknown[]]);
    }
    input = readWorkbookInput(portsFor(session.emu));
    planned = input.sheets.map((s) => ({ name: s.name, kind: s.kind, mapping: s.mapping, lastRow: s.values.length }));
  });

  it('finds receipt numbers, gifts and fees repeated across the ledgers of a kind, naming the other sheet', () => {
    const whole = validateWorkbook(input).issues;
    const across = (code: string, sheet: string) =>
      whole.filter((i) => i.code === code && i.sheet === sheet && i.message.ja.includes('シート「'));
    // The repeated row is each later ledger's last.
    const lastRow = (name: string): number => input.sheets.find((x) => x.name === name)?.values.length ?? -1;
    const donationRow = lastRow('寄付台帳（後期）');
    const feeRow = lastRow('会費台帳（後期）');
    expect(across('donations.receiptDuplicate', '寄付台帳（後期）').map((i) => i.row)).toEqual([donationRow]);
    expect(across('donations.receiptDuplicate', '寄付台帳（後期）')[0]?.message.ja).toContain(
      'シート「寄付台帳」の5行目と重複しています',
    );
    expect(across('donations.possibleDuplicate', '寄付台帳（後期）').map((i) => i.row)).toEqual([donationRow]);
    expect(across('memberships.paidTwice', '会費台帳（後期）').map((i) => i.row)).toEqual([feeRow]);
    expect(across('memberships.paidTwice', '会費台帳（後期）')[0]?.message.ja).toContain(
      'シート「会費台帳」の5行目にもあります',
    );
    // The earlier ledger reports nothing of the kind across sheets.
    expect(across('donations.receiptDuplicate', '寄付台帳')).toEqual([]);
  });

  it('finds ids and people repeated across the sheets of a kind, naming the other sheet', () => {
    const whole = validateWorkbook(input).issues;
    const across = (code: string, sheet: string) =>
      whole.filter((i) => i.code === code && i.sheet === sheet && i.message.ja.includes('シート「'));
    expect(across('id.duplicate', '退会者').length).toBeGreaterThan(3);
    expect(across('volunteers.duplicatePerson', '退会者').length).toBeGreaterThan(3);
    expect(across('id.duplicate', '依頼（下期）').map((i) => i.row)).toEqual([4]);
    expect(across('id.duplicate', '依頼（下期）')[0]?.message.ja).toContain('シート「依頼」の3行目と重複しています');
    // Reported on the later sheet only: the first of two is not an error.
    expect(across('id.duplicate', 'ボランティア名簿')).toEqual([]);
  });

  it('finds exactly what one pass finds, in the same order, whatever the size of the parts', () => {
    const whole = validateWorkbook(input).issues;
    for (const budget of [3_000, 12_000, 40_000]) {
      const chunks = planChunks(planned, budget);
      expect(chunks.length, `budget ${budget}`).toBeGreaterThan(1);
      expect(runInChunks(chunks), `budget ${budget}`).toEqual(whole);
    }
  });
});
