// 検証 in parts through dist/Code.js: the parts add up to one pass, staff sheets change only with the last part, and a run stops, fails and resumes cleanly.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { FixPreview, FixResult, ValidationReport, ValidationView } from '../../../src/shared/rpc';
import { RUN_MARKS } from '../../../src/core/actions/validate-run';
import { buildDemo } from '../../../src/local/commands/demo';
import type { Session } from '../../../src/local/session';
import { Session as SessionClass } from '../../../src/local/session';
import { rpc, rpcError } from '../../local/helpers/session';

const STAFF_SHEETS = ['ボランティア名簿', '依頼', '寄付台帳', '会費台帳', '活動記録', '相談記録'];

function demo(): Session {
  const session = SessionClass.create('分割検証');
  buildDemo(session, { seed: 4, volunteers: 400, requests: 150 });
  return session;
}

/** Values, notes and fills of the staff sheets: what a 検証 may change only in its last part. */
function staffCells(session: Session): string {
  const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  return JSON.stringify(
    STAFF_SHEETS.map((name) => {
      const range = book.getSheetByName(name)?.getDataRange();
      return [range?.getValues(), range?.getNotes(), range?.getBackgrounds()];
    }),
  );
}

/** Runs a 検証 to the end as the sidebar does, returning every answer. */
function runToEnd(session: Session): ValidationView[] {
  const views = [rpc<ValidationView>(session, 'runValidation')];
  for (let view = views[0] as ValidationView; view.running;) {
    view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
    views.push(view);
  }
  return views;
}

let oneRun: { report: ValidationReport; views: ValidationView[]; results: unknown[][]; after: string };

beforeAll(() => {
  const session = demo();
  const report = rpc<ValidationReport>(session, 'getValidationReport');
  const views = runToEnd(session);
  oneRun = { report, views, results: session.emu.sheetValues('検証結果'), after: staffCells(session) };
});

describe('検証 in parts', () => {
  it('splits the demo workbook into parts and counts them as it goes', () => {
    const { views } = oneRun;
    expect(views.length).toBeGreaterThan(2);
    const total = views[0]?.running?.total ?? 0;
    expect(views.length).toBe(total + 1);
    views.slice(0, -1).forEach((view, i) => expect(view.running, `answer ${i}`).toMatchObject({ done: i, total }));
    expect(views[views.length - 1]?.running).toBeNull();
  });

  it('finds what one pass finds: the same counts, and 検証結果 lists every issue in order', () => {
    const { report, views, results } = oneRun;
    const last = views[views.length - 1] as ValidationView;
    expect(last.counts).toEqual({
      errors: report.counts.errors,
      warnings: report.counts.warnings,
      fixable: report.counts.fixable,
    });
    expect(results.length - 1).toBe(report.issues.length);
    expect(results.slice(1).map((row) => [row[0], row[2], row[5]])).toEqual(
      report.issues.map((i) => [i.sheet, i.row, i.code]),
    );
  });

  it('marks the first cells with issues, up to its limit, with the last part', () => {
    const last = oneRun.views[oneRun.views.length - 1] as ValidationView;
    expect(last.highlighted).toBeGreaterThan(0);
    expect(last.highlighted).toBeLessThanOrEqual(RUN_MARKS);
    expect(last.undo).toBeNull();
  });

  it('changes nothing in the staff sheets before its last part', () => {
    const session = demo();
    const before = staffCells(session);
    let view = rpc<ValidationView>(session, 'runValidation');
    while (view.running && view.running.done < view.running.total - 1) {
      expect(staffCells(session) === before, `staff sheets unchanged after part ${view.running.done}`).toBe(true);
      view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
    }
    expect(staffCells(session) === before, 'staff sheets unchanged before the last part').toBe(true);
    rpc<ValidationView>(session, 'continueValidation', view.running?.runId);
    expect(staffCells(session) === oneRun.after, 'the last part marks the cells').toBe(true);
  });

  it('stops on 中止: 検証結果 says so, the run is gone, the sheets are as they were', () => {
    const session = demo();
    const before = staffCells(session);
    const first = rpc<ValidationView>(session, 'runValidation');
    const runId = first.running?.runId as string;
    rpc(session, 'continueValidation', runId);
    expect(rpc(session, 'cancelValidation', runId)).toEqual({ cancelled: true });
    expect(staffCells(session) === before, 'staff sheets unchanged').toBe(true);
    expect(session.emu.sheetValues('検証結果')[1]?.[6]).toMatch(/中止/);
    expect(rpcError(session, 'continueValidation', runId).code).toBe('validate.runGone');
    expect(rpcError(session, 'cancelValidation', runId).code).toBe('validate.runGone');
  });

  it('runs a part that failed again when asked, and ends as an uninterrupted run ends', () => {
    const session = demo();
    let view = rpc<ValidationView>(session, 'runValidation');
    let failures = 0;
    while (view.running) {
      const runId = view.running.runId;
      // Every part fails once at its second write, as a timed-out Apps Script call does.
      session.emu.failAtMutation(2);
      const failed = session.run('continueValidation', runId) as { ok: boolean; error?: { code: string } };
      session.emu.failAtMutation(null);
      if (!failed.ok) {
        failures++;
        expect(failed.error?.code).toBe('write.failed');
      }
      view = rpc<ValidationView>(session, 'continueValidation', runId);
    }
    expect(failures).toBeGreaterThan(1);
    expect(session.emu.sheetValues('検証結果')).toEqual(oneRun.results);
    expect(staffCells(session) === oneRun.after, 'staff sheets as after an uninterrupted run').toBe(true);
  });

  it('stops when rows are added to a sheet under way, and says which', () => {
    const session = demo();
    const first = rpc<ValidationView>(session, 'runValidation');
    const runId = first.running?.runId as string;
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('会費台帳');
    sheet?.appendRow(['M-9999', '新しい会員']);
    let error: { code: string; ja: string } | null = null;
    for (let i = 0; i < 50 && !error; i++) {
      const answer = session.run('continueValidation', runId) as { ok: boolean; error?: { code: string; ja: string } };
      if (!answer.ok) error = answer.error ?? null;
    }
    expect(error?.code).toBe('validate.changedDuringRun');
    expect(error?.ja).toContain('会費台帳');
    expect(rpcError(session, 'continueValidation', runId).code).toBe('validate.runGone');
  });
});

describe('安全な修正 on a workbook validated in parts', () => {
  it('asks for a 検証 first', () => {
    expect(rpcError(demo(), 'previewFixes').code).toBe('fix.noRun');
  });

  it('previews the fixes the 検証 staged, applies them in parts leaving out a cell changed since, and undoes them part by part', () => {
    const session = demo();
    runToEnd(session);
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const before = STAFF_SHEETS.map((name) => session.emu.sheetValues(name));
    const preview = rpc<FixPreview>(session, 'previewFixes');
    expect(preview.checkedWhenApplied).toBe(true);
    expect(preview.total).toBeGreaterThan(10);
    const item = preview.items[0];
    if (!item) throw new Error('no fix');
    // Staff correct one cell by hand after the 検証: the fix is left out, their value stays.
    book.getSheetByName(item.sheet)?.getRange(item.cell).setValue('スタッフが直した値');
    const edited = STAFF_SHEETS.map((name) => session.emu.sheetValues(name));
    let result = rpc<FixResult>(session, 'applyFixes', preview.token);
    expect(result.running?.total).toBeGreaterThan(2);
    expect(result.applied).toBe(0);
    expect(
      STAFF_SHEETS.map((name) => session.emu.sheetValues(name)),
      'the start changes no cell',
    ).toEqual(edited);
    const runId = result.running?.runId as string;
    while (result.running) {
      const done = result.running.done;
      result = rpc<FixResult>(session, 'continueFixes', runId);
      if (result.running) expect(result.running.done).toBe(done + 1);
    }
    expect(result.skipped).toBe(1);
    expect(result.applied).toBe(preview.total - 1);
    expect(book.getSheetByName(item.sheet)?.getRange(item.cell).getValue()).toBe('スタッフが直した値');
    expect(rpc<FixPreview>(session, 'previewFixes').total, 'applied fixes are not offered again').toBe(0);
    expect(rpcError(session, 'continueFixes', runId).code).toBe('fix.runGone');
    // 元に戻す takes the run back part by part, the last one leaving the sheets as staff left them.
    let info = rpc<{ run?: string; parts?: number; label: { ja: string } }>(session, 'getUndoInfo');
    expect(info.run).toBe(runId);
    expect(info.label.ja).toContain('回に分けて');
    let undone = 0;
    while (info?.run === runId) {
      info = rpc<{ undo: typeof info }>(session, 'undoLast').undo;
      undone++;
    }
    expect(undone).toBeGreaterThan(1);
    expect(STAFF_SHEETS.map((name) => session.emu.sheetValues(name))).toEqual(edited);
    expect(edited).not.toEqual(before);
  });

  it('refuses a preview that a new 検証 replaced, and runs a failed part again with 続ける', () => {
    const session = demo();
    runToEnd(session);
    const old = rpc<FixPreview>(session, 'previewFixes');
    // A part writes nothing when it fails, and the same part runs again.
    let result = rpc<FixResult>(session, 'applyFixes', old.token);
    const runId = result.running?.runId as string;
    const cells = STAFF_SHEETS.map((name) => session.emu.sheetValues(name));
    session.emu.failAtMutation(2);
    const failed = rpcError(session, 'continueFixes', runId);
    expect(failed.ja).toContain('何も変更されていません');
    expect(STAFF_SHEETS.map((name) => session.emu.sheetValues(name))).toEqual(cells);
    result = rpc<FixResult>(session, 'continueFixes', runId);
    expect(result.running?.done).toBe(1);
    // 中止: the run is gone; the part applied stays, undoable.
    expect(rpc<{ cancelled: boolean; applied: number }>(session, 'cancelFixes', runId)).toEqual({
      cancelled: true,
      applied: result.applied,
    });
    expect(rpcError(session, 'continueFixes', runId).code).toBe('fix.runGone');
    expect(rpc<{ run?: string }>(session, 'getUndoInfo').run).toBe(runId);
    // A new 検証 stages new fixes: a token of the old preview is refused.
    runToEnd(session);
    const fresh = rpc<FixPreview>(session, 'previewFixes');
    expect(fresh.total).toBe(old.total - result.applied);
    expect(rpcError(session, 'applyFixes', old.token).code).toBe('fix.changed');
  });
});

describe('検証 in parts of a ledger whose cross-row check needs several parts', () => {
  it('finds what one pass finds: receipt numbers and gifts repeated far apart, across the cross-row slices', () => {
    const session = SessionClass.create('大きな寄付台帳');
    buildDemo(session, { seed: 6, volunteers: 60, requests: 20, ledgerScale: { donations: 30 } });
    // A receipt number of the first rows used again near the end: found by a later cross-row slice.
    const ledger = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('寄付台帳');
    const rows = session.emu.sheetValues('寄付台帳');
    const header = rows[0] as string[];
    const receipt = header.indexOf('領収書番号') + 1;
    const date = header.indexOf('受領日') + 1;
    ledger?.getRange(rows.length - 1, receipt).setValue(ledger.getRange(3, receipt).getValue());
    ledger?.getRange(rows.length - 1, date).setValue(ledger.getRange(3, date).getValue());
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    const views = [rpc<ValidationView>(session, 'runValidation')];
    const state = JSON.parse(
      String(session.emu.globals.PropertiesService.getDocumentProperties().getProperty('tsunagu.validationRun')),
    ) as { parts: Array<{ type: string; sheet?: string; first?: number }> };
    const slices = state.parts.filter((p) => p.type === 'crossRow' && p.sheet === '寄付台帳' && p.first !== undefined);
    expect(slices.length, 'the cross-row check in row slices').toBeGreaterThan(1);
    for (let view = views[0] as ValidationView; view.running;) {
      view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
      views.push(view);
    }
    const last = views[views.length - 1] as ValidationView;
    expect(last.counts).toEqual({
      errors: report.counts.errors,
      warnings: report.counts.warnings,
      fixable: report.counts.fixable,
    });
    const results = session.emu.sheetValues('検証結果');
    expect(results.slice(1).map((row) => [row[0], row[2], row[5]])).toEqual(
      report.issues.map((i) => [i.sheet, i.row, i.code]),
    );
    const far = report.issues.find((i) => i.code === 'donations.receiptDuplicate' && i.row === rows.length - 1);
    expect(far, 'the receipt number used again near the end').toBeDefined();
  });
});
