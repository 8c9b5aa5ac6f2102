// Sheets' limits: a 100,000-row roster full of mistakes and a 50,000-character cell — 検証 stays within them, 安全な修正 too big to record is refused before it writes.
import { describe, it, beforeAll } from '@jest/globals';
import { expect } from '../../support/expect';
import type { FixPreview, RpcEnvelope, ValidationReport, ValidationView } from '../../../src/shared/rpc';
import { HISTORY_SHEET, MAX_ACTION_CHARS } from '../../../src/core/history/codec';
import { MARK_LIMIT, RESULT_ROWS_PER_RULE } from '../../../src/core/validate/report';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

const ROSTER = 'ボランティア名簿';
const HEADER = ['登録番号', '氏名', 'フリガナ', '電話番号', '個人情報同意', '状態'];
const ROWS = 100_000;
const LONG = 'あ'.repeat(50_000);

/** 検証 as the sidebar drives it: a workbook too large for one call runs in parts (docs/cost.md). */
function validateInParts(session: Session): ValidationView {
  let view = rpc<ValidationView>(session, 'runValidation');
  expect(view.running, 'runs in parts').toBeTruthy();
  while (view.running) view = rpc<ValidationView>(session, 'continueValidation', view.running.runId);
  return view;
}

describe('a 100,000-row roster with many issues', () => {
  let session: Session;
  let view: ValidationView;
  let report: ValidationReport;

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
    view = validateInParts(session);
    report = rpc<ValidationReport>(session, 'getValidationReport');
  }, 180_000);

  it('runs 検証: 検証結果 lists the first rows of each rule and counts the rest, the sidebar counts all', () => {
    expect(view.counts.errors + view.counts.warnings).toBeGreaterThanOrEqual(2 * ROWS);
    expect(view.counts.errors + view.counts.warnings).toBe(report.counts.errors + report.counts.warnings);
    const result = session.emu.sheetValues('検証結果');
    const listed = new Map<string, number>();
    for (const row of result.slice(1)) listed.set(String(row[5]), (listed.get(String(row[5])) ?? 0) + 1);
    for (const [code, total] of Object.entries(report.counts.byCode)) {
      const rowsOfRule = listed.get(code) ?? 0;
      if (total > RESULT_ROWS_PER_RULE) {
        // The listed rows and one row counting the rest.
        expect(rowsOfRule, code).toBe(RESULT_ROWS_PER_RULE + 1);
        const summary = result.find((r) => r[5] === code && r[2] === '');
        expect(String(summary?.[6]), code).toContain(`ほかに ${total - RESULT_ROWS_PER_RULE}件`);
      } else expect(rowsOfRule, code).toBe(total);
    }
    expect(result.length).toBeLessThan(10_000);
  });

  it('marks the first cells only, says how many are left unmarked, and keeps every message short', () => {
    expect(view.highlighted).toBe(MARK_LIMIT);
    expect(view.unmarked).toBeGreaterThan(0);
    const longIssue = report.issues.find((i) => i.value.length === LONG.length);
    expect(longIssue?.message.length).toBeLessThan(300);
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
    // A workbook this large takes its safe fixes from its last 検証, run in parts.
    validateInParts(session);
    const preview = rpc<FixPreview>(session, 'previewFixes');
    expect(preview.total).toBe(40_000);
    session.emu.failAtMutation(null);
    const envelope = session.run('applyFixes', preview.token) as RpcEnvelope<unknown>;
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('history.tooLarge');
    expect(envelope.error.ja).toContain('何も変更されていません');
    expect(session.emu.mutations).toEqual([]);
    expect(session.emu.sheetValues(ROSTER)).toEqual(rows);
  }, 120_000);
});
