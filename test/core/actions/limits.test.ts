// Sheets' limits: a 100,000-row roster full of mistakes and a 50,000-character cell — 検証 stays within them, 安全な修正 too big to record is refused before it writes.
import { describe, it, beforeAll } from '@jest/globals';
import { expect } from '../../support/expect';
import type { FixPreview, FixResult, RpcEnvelope, ValidationView } from '../../../src/shared/rpc';
import { HISTORY_SHEET, MAX_ACTION_CHARS } from '../../../src/core/history/codec';
import { MARK_LIMIT, RESULT_ROWS_PER_RULE } from '../../../src/core/validate/report';
import { RUN_FIXES } from '../../../src/core/actions/validate-run';
import type { Session } from '../../../src/local/session';
import { addValidationPart } from '../../../src/ui/validation-parts';
import { freshSession, rpc } from '../../local/helpers/session';

/**
 * 検証 as the sidebar runs it: a workbook this large is validated in parts (docs/cost.md), each
 * answer added to what the earlier parts showed; the last answer carries the marks and the undo.
 */
function validateToEnd(session: Session): ValidationView {
  let view = rpc<ValidationView>(session, 'runValidation');
  while (view.running) {
    view = addValidationPart(view, rpc<ValidationView>(session, 'continueValidation', view.running.runId));
  }
  return view;
}

const ROSTER = 'ボランティア名簿';
const HEADER = ['登録番号', '氏名', 'フリガナ', '電話番号', '個人情報同意', '状態'];
const ROWS = 100_000;
const LONG = 'あ'.repeat(50_000);

describe('a 100,000-row roster with many issues', () => {
  let session: Session;
  let view: ValidationView;

  beforeAll(() => {
    session = freshSession();
    rpc(session, 'setupSheets');
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i < ROWS; i++) {
      // Furigana in hiragana and full-width phone digits: two fixable issues per row; every 1000th
      // row a 50,000-character furigana.
      rows.push([
        `V-${i}`,
        `氏名${i}`,
        i % 1000 === 7 ? LONG : 'やまだ はなこ',
        `０４２－４６１－${String(i % 10_000).padStart(4, '0')}`,
        'はい',
        '活動中',
      ]);
    }
    session.emu.setSheetValues(ROSTER, rows);
    view = validateToEnd(session);
  }, 300_000);

  it('runs 検証: 検証結果 lists the first rows of each rule and counts the rest, the sidebar counts all', () => {
    const total = view.groups.reduce((n, g) => n + g.total, 0);
    expect(total).toBeGreaterThanOrEqual(2 * ROWS);
    const result = session.emu.sheetValues('検証結果');
    const listed = new Map<string, number>();
    for (const row of result.slice(1)) listed.set(String(row[5]), (listed.get(String(row[5])) ?? 0) + 1);
    for (const group of view.groups) {
      const rowsOfRule = listed.get(group.code) ?? 0;
      if (group.total > RESULT_ROWS_PER_RULE) {
        // The listed rows and one row counting the rest.
        expect(rowsOfRule, group.code).toBe(RESULT_ROWS_PER_RULE + 1);
        const summary = result.find((r) => r[5] === group.code && r[2] === '');
        expect(String(summary?.[6]), group.code).toContain(`ほかに ${group.total - RESULT_ROWS_PER_RULE}件`);
      } else expect(rowsOfRule, group.code).toBe(group.total);
    }
    expect(result.length).toBeLessThan(10_000);
  });

  it('marks the first cells only, says how many are left unmarked, and keeps every message short', () => {
    expect(view.highlighted).toBe(MARK_LIMIT);
    expect(view.unmarked).toBeGreaterThan(0);
    const longIssue = view.groups.flatMap((g) => g.issues).find((i) => i.value.length === LONG.length);
    expect(longIssue?.message.ja.length).toBeLessThan(300);
    const result = session.emu.sheetValues('検証結果');
    for (const row of result) for (const cell of row) expect(String(cell).length).toBeLessThan(2_100);
  });

  it('keeps the history record of the marks within the bound of one action', () => {
    const history = session.emu.sheetValues(HISTORY_SHEET);
    const chars = history.slice(1).reduce((n, row) => n + String(row[6]).length, 0);
    expect(chars).toBeLessThanOrEqual(MAX_ACTION_CHARS);
  });
});

describe('安全な修正 too large to record for 元に戻す', () => {
  it('is refused before it writes anything', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    const rows: unknown[][] = [HEADER];
    // Few enough cells for one call, but each safe fix a 1,000-character reading: 2,000 of them
    // would need a record of about 4,000,000 characters to be undone.
    for (let i = 0; i < 2_000; i++) {
      rows.push([`V-${i}`, `氏名${i}`, 'や'.repeat(1_000), `042-461-${String(i).padStart(4, '0')}`, 'はい', '活動中']);
    }
    session.emu.setSheetValues(ROSTER, rows);
    const preview = rpc<FixPreview>(session, 'previewFixes');
    expect(preview.total).toBe(2_000);
    session.emu.failAtMutation(null);
    const envelope = session.run('applyFixes', preview.token) as RpcEnvelope<unknown>;
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('history.tooLarge');
    expect(envelope.error.ja).toContain('何も変更されていません');
    expect(session.emu.mutations).toEqual([]);
    expect(session.emu.sheetValues(ROSTER)).toEqual(rows);
  }, 300_000);
});

describe('安全な修正 after a 検証 in parts', () => {
  it('offers at most RUN_FIXES fixes at a time, and applies them in parts, each with its record', () => {
    const session = freshSession();
    rpc(session, 'setupSheets');
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i < 20_000; i++) {
      rows.push([
        `V-${i}`,
        `氏名${i}`,
        'やまだ はなこ',
        `０４２－４６１－${String(i % 10_000).padStart(4, '0')}`,
        'はい',
        '活動中',
      ]);
    }
    session.emu.setSheetValues(ROSTER, rows);
    // A workbook validated in parts takes its safe fixes from its last 検証: 40,000 found, the first RUN_FIXES kept.
    const view = validateToEnd(session);
    expect(view.counts.fixable).toBe(40_000);
    const preview = rpc<FixPreview>(session, 'previewFixes');
    expect(preview.total).toBe(RUN_FIXES);
    let result = rpc<FixResult>(session, 'applyFixes', preview.token);
    let parts = 0;
    while (result.running) {
      result = rpc<FixResult>(session, 'continueFixes', result.running.runId);
      parts++;
    }
    expect(parts).toBeGreaterThan(1);
    expect(result.applied).toBe(RUN_FIXES);
    expect(rpc<FixPreview>(session, 'previewFixes').total, 'the rest wait for the next 検証').toBe(0);
    const fixed = session.emu.sheetValues(ROSTER).slice(1);
    const changed = fixed.filter((row, i) => JSON.stringify(row) !== JSON.stringify(rows[i + 1])).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(RUN_FIXES);
  }, 300_000);
});
