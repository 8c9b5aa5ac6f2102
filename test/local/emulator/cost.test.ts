/** The cost model: cells read and written per call, commits of pending writes, and the estimated Apps Script time. */
import { describe, it } from '@jest/globals';
import { COST_MODEL, estimateSeconds } from '../../../src/local/emulator/index';
import { writeCacheRole } from '../../../src/local/emulator/cost-model';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

function grid(rows: number, columns: number): string[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => `r${i}c${j}`));
}

describe('cost model', () => {
  describe('cells per call', () => {
    it('counts every cell a batched read returns, and one for a single-cell getter', () => {
      const { emu, sheet } = fresh();
      emu.stats.reset();
      const range = sheet.getRange(1, 1, 100, 3);
      range.getValues();
      range.getDisplayValues();
      range.getNotes();
      range.getValue();
      range.getA1Notation();
      const cost = emu.stats.costByMethod();
      expect(cost['Range.getValues']).toEqual({ calls: 1, cellsRead: 300, cellsWritten: 0 });
      expect(cost['Range.getDisplayValues']?.cellsRead).toBe(300);
      expect(cost['Range.getNotes']?.cellsRead).toBe(300);
      expect(cost['Range.getValue']?.cellsRead).toBe(1);
      expect(cost['Range.getA1Notation']).toEqual({ calls: 1, cellsRead: 0, cellsWritten: 0 });
      expect(cost['Sheet.getRange']).toEqual({ calls: 1, cellsRead: 0, cellsWritten: 0 });
      expect(emu.stats.totals()).toMatchObject({ calls: 6, cellsRead: 901, cellsWritten: 0 });
    });

    it('counts every cell a write sets, and what appendRow and getSheetValues touch', () => {
      const { emu, sheet } = fresh();
      emu.stats.reset();
      sheet.getRange(1, 1, 10, 4).setValues(grid(10, 4));
      sheet.getRange(1, 5, 10, 1).setNumberFormat('@');
      sheet.getRange(2, 2).setNote('メモ');
      sheet.appendRow(['a', 'b', 'c']);
      sheet.getSheetValues(1, 1, -1, -1);
      const cost = emu.stats.costByMethod();
      expect(cost['Range.setValues']?.cellsWritten).toBe(40);
      expect(cost['Range.setNumberFormat']?.cellsWritten).toBe(10);
      expect(cost['Range.setNote']?.cellsWritten).toBe(1);
      expect(cost['Sheet.appendRow']?.cellsWritten).toBe(3);
      // 11 rows (10 + the appended one) × 5 columns (the formatted column E holds no content, so 4).
      expect(cost['Sheet.getSheetValues']?.cellsRead).toBe(11 * 4);
    });

    it('counts a clear by the cells that held something, so clearing empty rows costs nothing', () => {
      const { emu, sheet } = fresh();
      sheet.getRange(1, 1, 5, 2).setValues(grid(5, 2));
      sheet.getRange(7, 1).setNote('だけ');
      emu.stats.reset();
      sheet.getRange(1, 1, 1000, 26).clear();
      sheet.getRange(1, 1, 1000, 26).clearNote();
      expect(emu.stats.costByMethod()['Range.clear']?.cellsWritten).toBe(11);
      expect(emu.stats.costByMethod()['Range.clearNote']?.cellsWritten).toBe(0);
      sheet.getRange(3, 3, 2, 2).setValues(grid(2, 2));
      emu.stats.reset();
      sheet.clear();
      expect(emu.stats.costByMethod()['Sheet.clear']?.cellsWritten).toBe(4);
    });

    it('does not count the cells of calls the emulator makes for itself', () => {
      const { emu, sheet } = fresh();
      sheet.getRange(1, 1, 3, 3).setValues(grid(3, 3));
      emu.stats.reset();
      // getSheetValues reads through getValues internally: one call, its cells counted once.
      sheet.getSheetValues(1, 1, 3, 3);
      expect(emu.stats.totals()).toMatchObject({ calls: 1, cellsRead: 9 });
    });
  });

  describe('commits of pending writes', () => {
    it('counts the read after a write as a commit, once for any number of writes before it', () => {
      const { emu, sheet } = fresh();
      emu.stats.reset();
      sheet.getRange(1, 1).setValue(1);
      sheet.getRange(2, 1).setValue(2);
      expect(emu.stats.totals().commits, 'pending writes are committed at the end of the execution').toBe(1);
      sheet.getRange(1, 1, 2, 1).getValues();
      sheet.getRange(1, 1, 2, 1).getValues();
      expect(emu.stats.totals().commits).toBe(1);
      sheet.getRange(3, 1).setValue(3);
      sheet.getLastRow();
      expect(emu.stats.totals().commits).toBe(2);
    });

    it('counts flush as a commit only when something is pending', () => {
      const { emu, app, sheet } = fresh();
      emu.stats.reset();
      app.flush();
      expect(emu.stats.totals().commits).toBe(0);
      sheet.getRange(1, 1).setValue('x');
      app.flush();
      app.flush();
      expect(emu.stats.totals().commits).toBe(1);
    });

    it('does not commit for getters that only hand back a range, nor for other services', () => {
      const { emu, book, sheet } = fresh();
      emu.stats.reset();
      sheet.getRange(1, 1).setValue('x');
      sheet.getRange(2, 1).offset(1, 0).getCell(1, 1);
      book.getRange('A1:B2');
      emu.globals.PropertiesService.getDocumentProperties().getProperty('k');
      // Still one pending batch: the end of the execution commits it.
      expect(emu.stats.totals().commits).toBe(1);
      expect(writeCacheRole('Sheet.getRange')).toBe('neither');
      expect(writeCacheRole('Properties.getProperty')).toBe('neither');
      expect(writeCacheRole('Range.setValues')).toBe('writes');
      expect(writeCacheRole('Spreadsheet.getSheetByName')).toBe('commits');
      expect(writeCacheRole('Range.activate')).toBe('neither');
    });

    it('starts each measurement with nothing pending', () => {
      const { emu, sheet } = fresh();
      sheet.getRange(1, 1).setValue('x');
      emu.stats.reset();
      sheet.getRange(1, 1).getValue();
      expect(emu.stats.totals()).toMatchObject({ calls: 2, cellsRead: 1, commits: 0 });
    });
  });

  describe('estimated Apps Script time', () => {
    it('prices calls, commits and cells with the model constants', () => {
      expect(estimateSeconds({ calls: 0, cellsRead: 0, cellsWritten: 0, commits: 0 })).toEqual({ low: 0, high: 0 });
      // One getValues of a 10,000 × 20 roster: 200,000 cells at 30–100 µs is 6–20 s.
      expect(estimateSeconds({ calls: 1, cellsRead: 200_000, cellsWritten: 0, commits: 0 })).toEqual({
        low: 6,
        high: 20.1,
      });
      // 100 single-cell writes each followed by a read: 200 calls, 100 commits.
      expect(estimateSeconds({ calls: 200, cellsRead: 100, cellsWritten: 100, commits: 100 })).toEqual({
        low: 9,
        high: 43.0,
      });
    });

    it('keeps low at or below high for every constant', () => {
      for (const [name, range] of Object.entries(COST_MODEL)) {
        expect(range.low, name).toBeGreaterThan(0);
        expect(range.low, name).toBeLessThanOrEqual(range.high);
      }
    });

    it('makes a per-cell loop cost far more than one batched read of the same cells', () => {
      const { emu, sheet } = fresh();
      sheet.getRange(1, 1, 50, 4).setValues(grid(50, 4));
      emu.stats.reset();
      sheet.getRange(1, 1, 50, 4).getValues();
      const batched = emu.stats.estimate();
      emu.stats.reset();
      for (let r = 1; r <= 50; r += 1) for (let c = 1; c <= 4; c += 1) sheet.getRange(r, c).getValue();
      const loop = emu.stats.estimate();
      expect(loop.high).toBeGreaterThan(batched.high * 50);
      expect(emu.stats.summary()).toEqual({
        calls: 400,
        cellsRead: 200,
        cellsWritten: 0,
        estimatedSeconds: loop,
      });
    });
  });
});
