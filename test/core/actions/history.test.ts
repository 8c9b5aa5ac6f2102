// つなぐ履歴's privacy: records older than 履歴保存日数 are purged at the next action, and 履歴を消去 erases them all — each all or nothing.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { applyFixes, clearHighlights, previewFixes, runValidation } from '../../../src/core/actions/validate';
import { eraseHistory, getUndoInfo, undoLast } from '../../../src/core/actions/undo';
import { setUpSheets } from '../../../src/core/actions/setup';
import { UserError } from '../../../src/core/errors';
import { HISTORY_SHEET } from '../../../src/core/history/codec';
import { HISTORY_KEY_PROPERTY, RETENTION_PROPERTY } from '../../../src/core/history/store';
import { Emulator } from '../../../src/local/emulator/index';
import { portsFor } from '../../local/helpers/ports';
import { workbookState } from '../../local/helpers/state';

const ROSTER = 'ボランティア名簿';
const DAY = 86_400_000;
const START = new Date('2026-04-01T01:00:00Z').getTime();

function roster(retentionDays?: number): Emulator {
  const emu = Emulator.create('履歴');
  setUpSheets(portsFor(emu, new Date(START)));
  emu.setSheetValues(ROSTER, [
    ['登録番号', '氏名', 'フリガナ', '電話番号', '個人情報同意', '状態'],
    ['V-1', '佐藤 花子', 'さとう はなこ', '０４２－４６１－１２３４', 'はい', '活動中'],
    ['V-2', '鈴木 一郎', 'すずき いちろう', '0424611235', 'はい', '活動中'],
  ]);
  if (retentionDays !== undefined) {
    const settings = emu.sheetValues('設定');
    const row = settings.findIndex((r) => r[0] === '履歴保存日数');
    emu.globals.SpreadsheetApp.getActive()
      .getSheetByName('設定')
      ?.getRange(row + 1, 2)
      .setValue(retentionDays);
  }
  return emu;
}

function on(emu: Emulator, day: number) {
  return portsFor(emu, new Date(START + day * DAY));
}

function recordIds(emu: Emulator): string[] {
  const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName(HISTORY_SHEET);
  if (!sheet) return [];
  return [
    ...new Set(
      emu
        .sheetValues(HISTORY_SHEET)
        .slice(1)
        .map((r) => String(r[2])),
    ),
  ];
}

function fix(emu: Emulator, day: number): void {
  applyFixes(on(emu, day), previewFixes(on(emu, day)).token);
}

describe('つなぐ履歴 retention (設定 履歴保存日数)', () => {
  it('purges records older than 30 days at the next action, and keeps the newer ones', () => {
    const emu = roster();
    fix(emu, 0);
    runValidation(on(emu, 10));
    expect(recordIds(emu)).toEqual(['fix', 'highlight']);
    clearHighlights(on(emu, 31));
    expect(recordIds(emu)).toEqual(['highlight']);
    expect(getUndoInfo(on(emu, 31))).toBeNull();
    runValidation(on(emu, 45));
    expect(recordIds(emu)).toEqual(['highlight']);
    // Purging every record deletes the sheet itself.
    clearHighlights(on(emu, 80));
    expect(emu.globals.SpreadsheetApp.getActive().getSheetByName(HISTORY_SHEET)).toBeNull();
  });

  it('follows 履歴保存日数 in 設定', () => {
    const emu = roster(7);
    fix(emu, 0);
    expect(getUndoInfo(on(emu, 6))).not.toBeNull();
    runValidation(on(emu, 8));
    expect(recordIds(emu)).toEqual(['highlight']);
    expect(() => undoLast(on(emu, 8))).toThrow(expect.objectContaining({ code: 'undo.nothing' }));
  });

  it('元に戻す purges with the 履歴保存日数 the last action recorded, without reading 設定 again', () => {
    const emu = roster(7);
    fix(emu, 0);
    const properties = emu.globals.PropertiesService.getDocumentProperties();
    expect(properties.getProperty(RETENTION_PROPERTY)).toBe('7');
    // 設定 says 30 now, but no action has recorded since: the undo keeps to the 7 days it was recorded with.
    const settings = emu.sheetValues('設定');
    const row = settings.findIndex((r) => r[0] === '履歴保存日数');
    emu.globals.SpreadsheetApp.getActive()
      .getSheetByName('設定')
      ?.getRange(row + 1, 2)
      .setValue(30);
    undoLast(on(emu, 8));
    expect(
      emu.globals.SpreadsheetApp.getActive().getSheetByName(HISTORY_SHEET),
      'the 8-day-old record went',
    ).toBeNull();
    // The next recorded action keeps what 設定 says now.
    runValidation(on(emu, 9));
    expect(properties.getProperty(RETENTION_PROPERTY)).toBe('30');
  });

  it('元に戻す of a history recorded before the days were kept reads 設定 for them', () => {
    const emu = roster(7);
    fix(emu, 0);
    emu.globals.PropertiesService.getDocumentProperties().deleteProperty(RETENTION_PROPERTY);
    undoLast(on(emu, 8));
    expect(emu.globals.SpreadsheetApp.getActive().getSheetByName(HISTORY_SHEET)).toBeNull();
    const kept = roster(30);
    fix(kept, 0);
    kept.globals.PropertiesService.getDocumentProperties().deleteProperty(RETENTION_PROPERTY);
    undoLast(on(kept, 8));
    expect(recordIds(kept)).toEqual(['fix']);
  });
});

describe('履歴を消去 (eraseHistory)', () => {
  it('deletes the history and its key, after which nothing can be undone', () => {
    const emu = roster();
    fix(emu, 0);
    runValidation(on(emu, 1));
    expect(eraseHistory(on(emu, 1))).toEqual({ erased: 2 });
    expect(emu.globals.SpreadsheetApp.getActive().getSheetByName(HISTORY_SHEET)).toBeNull();
    expect(emu.globals.PropertiesService.getDocumentProperties().getProperty(HISTORY_KEY_PROPERTY)).toBeNull();
    expect(getUndoInfo(on(emu, 1))).toBeNull();
    expect(() => undoLast(on(emu, 1))).toThrow(expect.objectContaining({ code: 'undo.nothing' }));
    // The next action records again, under a new key.
    runValidation(on(emu, 2));
    expect(recordIds(emu)).toEqual(['highlight']);
    expect(emu.globals.PropertiesService.getDocumentProperties().getProperty(HISTORY_KEY_PROPERTY)).not.toBeNull();
  });

  it('changes nothing when there is no history', () => {
    const emu = roster();
    expect(eraseHistory(on(emu, 0))).toEqual({ erased: 0 });
  });
});

/** Runs an action once to count its mutating calls, then once per call failing there: before or complete, never between. */
function allOrNothing(name: string, setUp: () => Emulator, action: (emu: Emulator) => unknown): void {
  const reference = setUp();
  reference.failAtMutation(null);
  action(reference);
  const calls = reference.mutations.length;
  const complete = workbookState(reference);
  expect(calls, name).toBeGreaterThan(0);
  for (let n = 1; n <= calls; n++) {
    const emu = setUp();
    const before = workbookState(emu);
    emu.failAtMutation(n);
    let error: unknown = null;
    try {
      action(emu);
    } catch (e) {
      error = e;
    }
    emu.failAtMutation(null);
    const after = workbookState(emu);
    if (error === null) {
      expect(after, `${name}: call ${n} failed, the action said it succeeded`).toEqual(complete);
    } else {
      expect(after, `${name}: call ${n} (${reference.mutations[n - 1]}) failed`).toEqual(before);
      expect(error, name).toBeInstanceOf(UserError);
      expect((error as UserError).ja, `${name}: call ${n}`).toContain('何も変更されていません');
    }
  }
}

describe('all or nothing under a failure at any service call', () => {
  it('holds for 履歴を消去', () => {
    allOrNothing(
      '履歴を消去',
      () => {
        const emu = roster();
        fix(emu, 0);
        return emu;
      },
      (emu) => eraseHistory(on(emu, 1)),
    );
  }, 180_000);

  it('holds for ハイライトを消す with the purge of old records', () => {
    allOrNothing(
      'ハイライトを消す',
      () => {
        const emu = roster();
        fix(emu, 0);
        runValidation(on(emu, 10));
        return emu;
      },
      (emu) => clearHighlights(on(emu, 31)),
    );
  }, 180_000);

  it('holds for 元に戻す with the purge of old records', () => {
    allOrNothing(
      '元に戻す',
      () => {
        const emu = roster();
        runValidation(on(emu, 0));
        fix(emu, 20);
        return emu;
      },
      (emu) => undoLast(on(emu, 35)),
    );
  }, 180_000);

  it('holds for 安全な修正 recorded into a history that purges', () => {
    allOrNothing(
      '安全な修正',
      () => {
        const emu = roster();
        runValidation(on(emu, 0));
        return emu;
      },
      (emu) => fix(emu, 40),
    );
  }, 180_000);
});
