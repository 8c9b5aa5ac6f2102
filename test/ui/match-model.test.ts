import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import {
  dimensionLabel,
  isShort,
  matchNoticeText,
  refusedText,
  OPEN_REQUESTS_MAX,
  pairKey,
  pairModel,
  reasonsText,
  requestModel,
  requestOpen,
  samePair,
  shortageRows,
  statsParts,
  visibleRequests,
  volunteerText,
  withApproval,
} from '../../src/ui/match-model';
import { MARKUP, matchView, pair, request } from './match-fixtures';

describe('match-model', () => {
  describe('statsParts', () => {
    it('says places filled of the total, candidate pairs and approved pairs', () => {
      const view = matchView({ approved: 3 });
      expect(statsParts(view, 'ja')).toEqual(['充足 2/3 人分', '候補の組み合わせ 7', '承認済み 3組']);
      expect(statsParts(view, 'en')).toEqual(['Places filled: 2 of 3', 'Candidate pairs: 7', 'Approved: 3']);
    });
  });

  describe('requests on screen', () => {
    it('knows a request is short when fewer places are filled than needed', () => {
      expect(isShort({ filled: 1, needed: 2 })).toBe(true);
      expect(isShort({ filled: 2, needed: 2 })).toBe(false);
    });

    it('shows every request, or with the filter only those still short, in the server’s order', () => {
      const requests = matchView().requests;
      expect(visibleRequests(requests, false).map((r) => r.requestId)).toEqual(['R-001', 'R-002']);
      expect(visibleRequests(requests, true).map((r) => r.requestId)).toEqual(['R-002']);
    });

    it(`opens requests while at most ${OPEN_REQUESTS_MAX} are shown, folds a longer list, and keeps what staff chose`, () => {
      const chosen = new Map([['R-007', true]]);
      expect(requestOpen('R-001', OPEN_REQUESTS_MAX, chosen)).toBe(true);
      expect(requestOpen('R-001', OPEN_REQUESTS_MAX + 1, chosen)).toBe(false);
      expect(requestOpen('R-007', 200, chosen)).toBe(true);
      expect(requestOpen('R-001', 3, new Map([['R-001', false]]))).toBe(false);
    });
  });

  describe('requestModel', () => {
    it('titles the request by its id, with 内容区分・圏域 and filled/needed for the folded summary', () => {
      const model = requestModel(request('R-002', { needed: 2, filled: 1 }), 'ja');
      expect(model).toEqual({ title: '依頼 R-002', meta: '家事援助・北東部', filledText: '1/2 人', short: true });
      expect(requestModel(request('R-002', { needed: 2, filled: 1 }), 'en').filledText).toBe('1 of 2 filled');
    });

    it('leaves out a 内容区分 or 圏域 the sheet does not give', () => {
      expect(requestModel(request('R-1', { category: '', area: '南部' }), 'ja').meta).toBe('南部');
      expect(requestModel(request('R-1', { category: '', area: '' }), 'ja').meta).toBe('');
    });

    it('says which sheet and row the request is on when matching read more than one 依頼 sheet', () => {
      const split = request('R-9', { category: '', area: '南部', sheet: '依頼2', row: 5 });
      expect(requestModel(split, 'ja', true).meta).toBe('南部・「依頼2」5行目');
      expect(requestModel(split, 'en', true).meta).toBe('南部 · 「依頼2」 row 5');
      expect(requestModel(split, 'ja').meta, 'one sheet: no place').toBe('南部');
    });
  });

  describe('pairModel', () => {
    it('names the volunteer, the score and the reasons joined with ・ in Japanese', () => {
      const model = pairModel(pair('R-001', 'V-001'), 'ja');
      expect(model.who).toBe('V-001 山田 花子');
      expect(model.scoreText).toBe('スコア 82.5');
      expect(model.reasonsText).toBe('同じ地区・火曜午前が一致');
      expect(model.badges).toEqual([]);
      expect(model.pinText).toBe('固定');
      expect(model.pinDecision).toBe('pin');
    });

    it('says the reasons in English when the sidebar is in English', () => {
      expect(pairModel(pair('R-001', 'V-001'), 'en').reasonsText).toBe('same district · Tuesday morning matches');
    });

    it('badges a pinned and an approved pair, and offers 固定を外す for a pinned one', () => {
      const model = pairModel(pair('R-001', 'V-001', { pinned: true, approved: true }), 'ja');
      expect(model.badges).toEqual([
        { tone: 'pinned', text: '固定' },
        { tone: 'approved', text: '承認済み' },
      ]);
      expect(model.pinText).toBe('固定を外す');
      expect(model.pinDecision).toBe('none');
      expect(pairModel(pair('R-001', 'V-001', { pinned: true }), 'en').pinText).toBe('Unpin');
    });

    it('keeps names as they are written (they are rendered as text, never as markup)', () => {
      expect(pairModel(pair('R-001', 'V-001', { volunteerName: MARKUP }), 'ja').who).toBe(`V-001 ${MARKUP}`);
    });

    it('shows the id alone when the roster gives no name', () => {
      expect(volunteerText({ volunteerId: 'V-004', volunteerName: '' })).toBe('V-004');
    });

    it('falls back to the other language for a reason without text, and drops empty reasons', () => {
      expect(
        reasonsText(
          [
            { ja: '以前にも担当', en: '' },
            { ja: '', en: '' },
          ],
          'en',
        ),
      ).toBe('以前にも担当');
    });
  });

  describe('recruiting agenda', () => {
    it('labels each dimension in both languages', () => {
      expect(['categoryArea', 'skill', 'language', 'timeSlot'].map((d) => dimensionLabel(d, 'ja'))).toEqual([
        '内容区分×圏域',
        '資格・特技',
        '言語',
        '時間帯',
      ]);
      expect(['categoryArea', 'skill', 'language', 'timeSlot'].map((d) => dimensionLabel(d, 'en'))).toEqual([
        'Category × area',
        'Skill',
        'Language',
        'Time slot',
      ]);
    });

    it('shows a dimension it does not know as its key (never an inherited property)', () => {
      expect(dimensionLabel('gender', 'ja')).toBe('gender');
      expect(dimensionLabel('toString', 'ja')).toBe('toString');
    });

    it('keeps the server’s order (largest first)', () => {
      expect(shortageRows(matchView(), 'ja')).toEqual([
        { dimension: '内容区分×圏域', key: '家事援助 × 北東部', places: '1' },
        { dimension: '資格・特技', key: '手話', places: '1' },
      ]);
    });
  });

  describe('withApproval', () => {
    it('ticks exactly that pair and takes the server’s total, leaving the old view as it was', () => {
      const view = matchView();
      const next = withApproval(view, { requestId: 'R-002', volunteerId: 'V-002' }, true, 1);
      expect(next.approved).toBe(1);
      expect(next.requests[1]?.pairs[0]?.approved).toBe(true);
      expect(next.requests[0]?.pairs[0]?.approved).toBe(false);
      expect(view.requests[1]?.pairs[0]?.approved).toBe(false);
      expect(next.requests[0]).toBe(view.requests[0]);
    });
  });

  describe('pairs', () => {
    it('keys a pair so that ids containing the other id do not collide', () => {
      expect(pairKey({ requestId: 'R-1', volunteerId: 'V-12' })).not.toBe(
        pairKey({ requestId: 'R-1V', volunteerId: '-12' }),
      );
      expect(samePair({ requestId: 'R-1', volunteerId: 'V-1' }, { requestId: 'R-1', volunteerId: 'V-1' })).toBe(true);
      expect(samePair(null, { requestId: 'R-1', volunteerId: 'V-1' })).toBe(false);
    });
  });

  describe('matchNoticeText', () => {
    it('reports a commit and an undo', () => {
      expect(matchNoticeText({ kind: 'committed', committed: 3, requests: 2, refused: [] }, 'ja')).toBe(
        '3組を確定しました（依頼 2件）。',
      );
      expect(matchNoticeText({ kind: 'committed', committed: 3, requests: 2, refused: [] }, 'en')).toBe(
        'Committed pairs: 3 (requests: 2).',
      );
      const refusal = {
        requestId: 'R-1',
        volunteerId: 'V-2',
        reason: { ja: '個人情報の同意がありません', en: 'no consent' },
      };
      expect(refusedText(refusal, 'ja')).toBe('依頼 R-1 と V-2 は確定しませんでした: 個人情報の同意がありません');
      expect(refusedText(refusal, 'en')).toBe('Request R-1 and V-2 were not committed: no consent');
      const label = { ja: 'マッチングの確定（3組）', en: 'committed matches (3)' };
      expect(matchNoticeText({ kind: 'undone', label, cells: 6 }, 'ja')).toBe(
        '「マッチングの確定（3組）」を元に戻しました（6個のセル）。',
      );
    });
  });
});
