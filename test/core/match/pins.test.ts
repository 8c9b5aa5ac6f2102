// Tests pins and exclusions: pinned pairs are kept and take capacity first, excluded pairs are never made, and what cannot be kept is reported.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { date, match, pairsOf, request, volunteer } from './helpers';

describe('matchVolunteers pins and exclusions', () => {
  // V1 lives in the request's own 地区 and shares its time: the solver prefers it.
  const near = volunteer('V1', { availability: ['火午前'] });
  const far = volunteer('V2', { area: '中部', district: '田無地区' });
  const r1 = request('R1', { preferredTime: ['火午前'] });

  it('prefers the better pair without pins', () => {
    expect(pairsOf(match({ volunteers: [near, far], requests: [r1] }))).toEqual(['R1→V1']);
  });

  it('keeps a pinned pair even when another pair would score higher, and marks it pinned', () => {
    const result = match({ volunteers: [near, far], requests: [r1], pins: [{ requestId: 'R1', volunteerId: 'V2' }] });
    expect(pairsOf(result)).toEqual(['R1→V2']);
    expect(result.assignments[0]?.pinned).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('lets pins take capacity first: a volunteer pinned elsewhere is not used again past the limit', () => {
    const v = volunteer('V1', { monthlyLimit: 1 });
    const requests = [request('R1', { receivedOn: date('2026-10-01') }), request('R2')];
    expect(pairsOf(match({ volunteers: [v], requests }))).toEqual(['R1→V1']);
    const result = match({ volunteers: [v], requests, pins: [{ requestId: 'R2', volunteerId: 'V1' }] });
    expect(pairsOf(result)).toEqual(['R2→V1']);
    expect(result.unmatched.map((u) => u.requestId)).toEqual(['R1']);
    expect(result.unmatched[0]?.reasons.map((r) => r.code)).toEqual(['unmet.taken']);
  });

  it('fills the rest of a request around its pin', () => {
    const vs = ['V1', 'V2', 'V3'].map((id) => volunteer(id));
    const result = match({
      volunteers: vs,
      requests: [request('R1', { needed: 2 })],
      pins: [{ requestId: 'R1', volunteerId: 'V3' }],
    });
    expect(pairsOf(result)).toEqual(['R1→V1', 'R1→V3']);
    expect(result.assignments.map((a) => a.pinned)).toEqual([false, true]);
  });

  it('drops a pinned pair that is no longer possible and says why', () => {
    const lapsed = volunteer('V1', { insuranceYear: 2025 });
    const result = match({ volunteers: [lapsed, far], requests: [r1], pins: [{ requestId: 'R1', volunteerId: 'V1' }] });
    expect(pairsOf(result)).toEqual(['R1→V2']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'pin.impossible' });
    expect(result.warnings[0]?.ja).toContain('R1 ↔ V1');
    expect(result.warnings[0]?.ja).toContain('保険');
  });

  it('reports a pin on a request that is no longer open, or on an unknown id', () => {
    const result = match({
      volunteers: [near],
      requests: [request('R1', { status: '終了' })],
      pins: [
        { requestId: 'R1', volunteerId: 'V1' },
        { requestId: 'R9', volunteerId: 'V1' },
        { requestId: 'R1', volunteerId: 'V9' },
      ],
    });
    expect(result.assignments).toEqual([]);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['pin.closed', 'pin.unknown', 'pin.unknown']);
  });

  it('reports pins beyond 必要人数 and beyond the volunteer limit', () => {
    const result = match({
      volunteers: [volunteer('V1', { monthlyLimit: 1 }), volunteer('V2')],
      requests: [request('R1'), request('R2')],
      pins: [
        { requestId: 'R1', volunteerId: 'V1' },
        { requestId: 'R1', volunteerId: 'V2' },
        { requestId: 'R2', volunteerId: 'V1' },
      ],
    });
    expect(pairsOf(result)).toEqual(['R1→V1', 'R2→V2']);
    expect(result.warnings.map((w) => w.code)).toEqual(['pin.noPlace', 'pin.capacity']);
  });

  it('never makes an excluded pair, even when it is the only one', () => {
    const result = match({ volunteers: [near], requests: [r1], exclusions: [{ requestId: 'R1', volunteerId: 'V1' }] });
    expect(result.assignments).toEqual([]);
    expect(result.unmatched[0]?.reasons.map((r) => r.code)).toEqual(['unmet.excluded']);
    expect(result.unmatched[0]?.reasons[0]?.ja).toBe('残る候補1名は除外した組み合わせです');
  });

  it('takes the next best when the best pair is excluded', () => {
    const result = match({
      volunteers: [near, far],
      requests: [r1],
      exclusions: [{ requestId: 'r1', volunteerId: 'v1' }],
    });
    expect(pairsOf(result)).toEqual(['R1→V2']);
  });

  it('lets an exclusion win over a pin of the same pair, with a warning', () => {
    const pair = { requestId: 'R1', volunteerId: 'V1' };
    const result = match({ volunteers: [near, far], requests: [r1], pins: [pair], exclusions: [pair] });
    expect(pairsOf(result)).toEqual(['R1→V2']);
    expect(result.warnings.map((w) => w.code)).toEqual(['pin.excluded']);
  });

  it('says nothing about a pin that is already in 担当ボランティア', () => {
    const r = request('R1', { status: '調整中', needed: 2, assignedVolunteers: ['V1'] });
    const result = match({ volunteers: [near, far], requests: [r], pins: [{ requestId: 'R1', volunteerId: 'V1' }] });
    expect(pairsOf(result)).toEqual(['R1→V2']);
    expect(result.warnings).toEqual([]);
  });
});
