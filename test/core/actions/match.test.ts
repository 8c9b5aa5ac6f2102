// マッチング, staff columns, 固定/除外, 確定 and 元に戻す through the real bundle on a demo workbook.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { CommitResult, MatchView, UndoResult } from '../../../src/shared/rpc';
import { buildDemo } from '../../../src/local/commands/demo';
import { Session } from '../../../src/local/session';
import { rpc, rpcError } from '../../local/helpers/session';

function demoSession(volunteers = 300, requests = 120): Session {
  const session = Session.create('マッチングのテスト');
  buildDemo(session, { seed: 5, volunteers, requests });
  return session;
}

function sheet(session: Session, name: string) {
  const found = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Row index (0-based in values) of a pair in マッチング結果. */
function pairRow(session: Session, requestId: string, volunteerId: string): number {
  return session.emu.sheetValues('マッチング結果').findIndex((r) => r[0] === requestId && r[3] === volunteerId);
}

describe('runMatching', () => {
  it('writes マッチング結果 with score, reasons and a 承認 checkbox, and 不足分析', () => {
    const session = demoSession();
    const view = rpc<MatchView>(session, 'runMatching');
    expect(view.stats.filledPlaces).toBeGreaterThan(0);
    expect(view.stats.filledPlaces).toBeLessThanOrEqual(view.stats.totalPlaces);
    const rows = session.emu.sheetValues('マッチング結果');
    expect(rows[0]).toEqual([
      '依頼番号',
      '内容区分',
      '圏域',
      '登録番号',
      'ボランティア',
      'スコア',
      '理由',
      '承認',
      '指定',
      'メモ',
      '状態',
    ]);
    const proposed = rows.filter((r) => r[10] === '提案');
    expect(proposed.length).toBe(view.stats.filledPlaces);
    expect(String(proposed[0]?.[6])).toMatch(/・|一致|地区|圏域/);
    expect(proposed[0]?.[7]).toBe(false);
    expect(session.emu.sheetValues('不足分析')[0]).toEqual(['区分', '項目', '不足数', '依頼番号・理由']);
  });

  it('says 不足なし in 不足分析 when every open place has a volunteer, instead of leaving it empty', () => {
    const session = Session.create('不足なし');
    rpc(session, 'setupSheets');
    const roster = session.emu.sheetValues('ボランティア名簿')[0] as string[];
    const requests = session.emu.sheetValues('依頼')[0] as string[];
    const row = (header: string[], cells: Record<string, unknown>) => header.map((h) => cells[h] ?? '');
    session.emu.setSheetValues('ボランティア名簿', [
      roster,
      row(roster, {
        登録番号: 'V-1',
        氏名: '山田 花子',
        圏域: '北東部',
        地区: 'ひばりが丘地区',
        保険加入年度: 2026,
        個人情報同意: 'はい',
        状態: '活動中',
      }),
    ]);
    session.emu.setSheetValues('依頼', [
      requests,
      row(requests, { 依頼番号: 'R-1', 受付日: '2026-11-20', 圏域: '北東部', 地区: 'ひばりが丘地区', 状態: '受付' }),
    ]);
    const view = rpc<MatchView>(session, 'runMatching');
    expect(view.stats).toMatchObject({ filledPlaces: 1, totalPlaces: 1 });
    expect(session.emu.sheetValues('不足分析')).toEqual([
      ['区分', '項目', '不足数', '依頼番号・理由'],
      ['不足なし', '', 0, '受付・調整中の依頼の必要人数（1人分）すべてに候補がいます'],
    ]);
  });

  it('keeps 承認 and メモ for the same pair when run again', () => {
    const session = demoSession();
    const view = rpc<MatchView>(session, 'runMatching');
    const pair = view.requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    const r = pairRow(session, pair.requestId, pair.volunteerId);
    sheet(session, 'マッチング結果')
      .getRange(r + 1, 10)
      .setValue('本人に電話済み');
    rpc(session, 'runMatching');
    const again = session.emu.sheetValues('マッチング結果')[pairRow(session, pair.requestId, pair.volunteerId)];
    expect(again?.[7]).toBe(true);
    expect(again?.[9]).toBe('本人に電話済み');
  });

  it('never proposes an excluded pair again, and keeps a pinned one', () => {
    const session = demoSession();
    const view = rpc<MatchView>(session, 'runMatching');
    const [first, second] = view.requests.flatMap((r) => r.pairs);
    if (!first || !second) throw new Error('need two pairs');
    const afterExclude = rpc<MatchView>(session, 'setPairDecision', first.requestId, first.volunteerId, 'exclude');
    const request = afterExclude.requests.find((r) => r.requestId === first.requestId);
    expect(request?.pairs.some((p) => p.volunteerId === first.volunteerId)).toBe(false);
    expect(request?.excluded.map((e) => e.volunteerId)).toContain(first.volunteerId);
    const afterPin = rpc<MatchView>(session, 'setPairDecision', second.requestId, second.volunteerId, 'pin');
    const pinned = afterPin.requests
      .flatMap((r) => r.pairs)
      .find((p) => p.volunteerId === second.volunteerId && p.requestId === second.requestId);
    expect(pinned?.pinned).toBe(true);
  });
});

describe('commitMatches and undoLast', () => {
  it('writes approved pairs into 依頼 and 元に戻す restores 依頼 exactly', () => {
    const session = demoSession();
    const original = session.emu.sheetValues('依頼');
    const view = rpc<MatchView>(session, 'runMatching');
    const pairs = view.requests.flatMap((r) => r.pairs).slice(0, 2);
    for (const p of pairs) rpc(session, 'setApproval', p.requestId, p.volunteerId, true);
    const result = rpc<CommitResult>(session, 'commitMatches');
    expect(result.committed).toBe(2);
    const header = original[0] as string[];
    const requests = session.emu.sheetValues('依頼');
    for (const p of pairs) {
      const row = requests.find((r) => r[0] === p.requestId);
      expect(String(row?.[header.indexOf('担当ボランティア')])).toContain(p.volunteerId);
      expect(row?.[header.indexOf('状態')]).toBe('紹介済');
    }
    const undone = rpc<UndoResult>(session, 'undoLast');
    expect(undone.label.ja).toMatch(/マッチングの確定/);
    expect(session.emu.sheetValues('依頼')).toEqual(original);
  });

  it('keeps the approvals made before 確定 after 元に戻す: the pairs are open again and can be committed again', () => {
    const session = demoSession();
    const view = rpc<MatchView>(session, 'runMatching');
    const pairs = view.requests.flatMap((r) => r.pairs).slice(0, 2);
    for (const p of pairs) rpc(session, 'setApproval', p.requestId, p.volunteerId, true);
    rpc<CommitResult>(session, 'commitMatches');
    const header = session.emu.sheetValues('マッチング結果')[0] as string[];
    const status = (p: { requestId: string; volunteerId: string }) =>
      session.emu.sheetValues('マッチング結果')[pairRow(session, p.requestId, p.volunteerId)]?.[header.indexOf('状態')];
    expect(pairs.map(status)).toEqual(['確定済み', '確定済み']);
    rpc<UndoResult>(session, 'undoLast');
    for (const p of pairs) {
      const row = session.emu.sheetValues('マッチング結果')[pairRow(session, p.requestId, p.volunteerId)]!;
      expect([row[header.indexOf('状態')], row[header.indexOf('承認')]], p.volunteerId).toEqual([
        p.pinned ? '固定' : '提案',
        true,
      ]);
    }
    // Without a new run: 依頼 is back as it was when matching ran.
    expect(rpc<CommitResult>(session, 'commitMatches').committed).toBe(2);
  });

  it('refuses when 依頼 changed after the run, and commits nothing', () => {
    const session = demoSession();
    const view = rpc<MatchView>(session, 'runMatching');
    const pair = view.requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    sheet(session, '依頼').getRange(2, 4).setValue('変更されました');
    const before = session.emu.sheetValues('依頼');
    expect(rpcError(session, 'commitMatches').code).toBe('match.changed');
    expect(session.emu.sheetValues('依頼')).toEqual(before);
  });

  it('says so when nothing is approved', () => {
    const session = demoSession();
    rpc(session, 'runMatching');
    expect(rpcError(session, 'commitMatches').code).toBe('match.nothingApproved');
  });
});

describe('service calls', () => {
  it('do not grow with the roster and the requests (run, approve, commit)', () => {
    const counts = [
      [300, 120],
      [1500, 600],
    ].map(([v, r]) => {
      const session = demoSession(v, r);
      session.emu.stats.reset();
      const view = rpc<MatchView>(session, 'runMatching');
      const pair = view.requests.flatMap((q) => q.pairs)[0];
      if (!pair) throw new Error('no pair');
      rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
      rpc(session, 'commitMatches');
      return session.emu.stats.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('undo after a re-run', () => {
  it('still takes back a 確定 after matching was run again', () => {
    const session = demoSession();
    const original = session.emu.sheetValues('依頼');
    const pair = rpc<MatchView>(session, 'runMatching').requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    rpc(session, 'commitMatches');
    rpc(session, 'runMatching');
    rpc(session, 'undoLast');
    expect(session.emu.sheetValues('依頼')).toEqual(original);
  });
});

describe('runMatching on empty sheets', () => {
  it('writes empty result sheets and reports no places', () => {
    const session = Session.create('空のブック');
    rpc(session, 'setupSheets');
    const view = rpc<MatchView>(session, 'runMatching');
    expect(view.stats).toMatchObject({ filledPlaces: 0, totalPlaces: 0 });
    expect(view.requests).toEqual([]);
    expect(session.emu.sheetValues('マッチング結果')[0]?.[0]).toBe('依頼番号');
  });
});

describe('staff edits in マッチング結果', () => {
  it('keeps an added column as staff wrote it: text stays text, a formula stays a formula', () => {
    const session = demoSession();
    rpc<MatchView>(session, 'runMatching');
    const result = sheet(session, 'マッチング結果');
    result.getRange(1, 12).setValue('連絡先');
    result.getRange(2, 12).setValue("'=1+1");
    result.getRange(3, 12).setFormula('=LEN(A3)');
    const before = session.emu.sheetValues('マッチング結果');
    const keyOf = (r: unknown[]) => `${String(r[0])}/${String(r[3])}`;
    const key2 = keyOf(before[1] as unknown[]);
    const key3 = keyOf(before[2] as unknown[]);
    rpc(session, 'runMatching');
    const after = session.emu.sheetValues('マッチング結果');
    const row2 = after.findIndex((r) => keyOf(r) === key2);
    const row3 = after.findIndex((r) => keyOf(r) === key3);
    expect(after[0]?.[11]).toBe('連絡先');
    expect(result.getRange(row2 + 1, 12).getFormula()).toBe('');
    expect(result.getRange(row2 + 1, 12).getValue()).toBe('=1+1');
    // A formula keeps pointing at its own row, wherever the pair lands.
    expect(result.getRange(row3 + 1, 12).getFormula()).toBe(`=LEN(A${row3 + 1})`);
  });

  it('never commits a pair staff marked 除外 in the sheet, even if 承認 is ticked', () => {
    const session = demoSession();
    const pair = rpc<MatchView>(session, 'runMatching').requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    const r = pairRow(session, pair.requestId, pair.volunteerId);
    sheet(session, 'マッチング結果')
      .getRange(r + 1, 9)
      .setValue('除外');
    expect(rpcError(session, 'commitMatches').code).toBe('match.nothingApproved');
  });

  it('checks an approved pair against its volunteer’s row as it is now, the first row of the 登録番号 (確定 reads only those rows)', () => {
    const session = demoSession();
    const pair = rpc<MatchView>(session, 'runMatching').requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    const roster = session.emu.sheetValues('ボランティア名簿');
    const header = roster[0] as string[];
    const at = roster.findIndex((r) => r[0] === pair.volunteerId);
    const status = header.indexOf('状態');
    // A later row with the same 登録番号 (休止) is not the one matching uses: it changes nothing.
    const copy = [...(roster[at] as unknown[])];
    copy[status] = '休止';
    sheet(session, 'ボランティア名簿')
      .getRange(roster.length + 1, 1, 1, copy.length)
      .setValues([copy as string[]]);
    // The volunteer's own row paused after the run: refused, with the reason.
    sheet(session, 'ボランティア名簿')
      .getRange(at + 1, status + 1)
      .setValue('休止');
    const refused = rpcError(session, 'commitMatches');
    expect(refused.code).toBe('match.allRefused');
    expect(refused.ja).toContain('休止');
    sheet(session, 'ボランティア名簿')
      .getRange(at + 1, status + 1)
      .setValue('活動中');
    expect(rpc<CommitResult>(session, 'commitMatches').committed).toBe(1);
  });

  it('refuses a hand-typed pair whose volunteer is not in the roster, committing nothing', () => {
    const session = demoSession();
    const pair = rpc<MatchView>(session, 'runMatching').requests.flatMap((r) => r.pairs)[0];
    if (!pair) throw new Error('no pair');
    rpc(session, 'setApproval', pair.requestId, pair.volunteerId, true);
    const r = pairRow(session, pair.requestId, pair.volunteerId);
    sheet(session, 'マッチング結果')
      .getRange(r + 1, 4)
      .setValue('V-9999');
    const before = session.emu.sheetValues('依頼');
    const error = rpcError(session, 'commitMatches');
    expect(error.code).toBe('match.allRefused');
    expect(error.ja).toContain('V-9999');
    expect(session.emu.sheetValues('依頼')).toEqual(before);
  });
});
