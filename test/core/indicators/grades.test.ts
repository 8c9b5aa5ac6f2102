// Tests the evaluation: 達成率 and grades A–D for 増加, 減少 and 維持 with a tolerance band, the scale read from 設定, and 前年度比.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  DEFAULT_GRADE_SCALE,
  evaluate,
  gradeScaleOf,
  previousYear,
  type EvaluationInput,
} from '../../../src/core/indicators/grades';
import { defaultSettings, parseSettings } from '../../../src/core/sheets/settings';
import { defaultSettingsRows } from '../../../src/core/sheets/defaults';

const up = (actual: number, extra: Partial<EvaluationInput> = {}) =>
  evaluate({ direction: '増加', actual, target: 120, baseline: 100, tolerance: 0, ...extra }, DEFAULT_GRADE_SCALE);

describe('indicators/grades', () => {
  describe('evaluate', () => {
    it('増加: 達成率 is the share of the improvement from 基準値 to 目標', () => {
      expect(up(120)).toEqual({ rate: 100, grade: 'A' });
      expect(up(130)).toEqual({ rate: 150, grade: 'A' });
      expect(up(116)).toEqual({ rate: 80, grade: 'B' });
      expect(up(110)).toEqual({ rate: 50, grade: 'C' });
      expect(up(100)).toEqual({ rate: 0, grade: 'C' });
      expect(up(99)).toEqual({ rate: -5, grade: 'D' });
    });

    it('増加 with a tolerance: reaching 目標 − 許容幅 is A, falling 許容幅 below 基準値 is D', () => {
      expect(up(118, { tolerance: 3 }).grade).toBe('A');
      expect(up(98, { tolerance: 3 }).grade).toBe('C');
      expect(up(96, { tolerance: 3 }).grade).toBe('D');
    });

    it('減少 mirrors 増加', () => {
      const down = (actual: number) =>
        evaluate({ direction: '減少', actual, target: 80, baseline: 100, tolerance: 0 }, DEFAULT_GRADE_SCALE);
      expect(down(80)).toEqual({ rate: 100, grade: 'A' });
      expect(down(84)).toEqual({ rate: 80, grade: 'B' });
      expect(down(95)).toEqual({ rate: 25, grade: 'C' });
      expect(down(101)).toEqual({ rate: -5, grade: 'D' });
    });

    it('維持: A within the band of 目標, then by how far beyond it, D when farther than 基準値 was', () => {
      const keep = (actual: number, baseline: number | null = 50) =>
        evaluate({ direction: '維持', actual, target: 50, baseline, tolerance: 2 }, DEFAULT_GRADE_SCALE);
      expect(keep(52)).toEqual({ rate: 100, grade: 'A' });
      expect(keep(47)).toEqual({ rate: 98, grade: 'B' });
      expect(keep(62)).toEqual({ rate: 80, grade: 'B' });
      expect(keep(70)).toEqual({ rate: 64, grade: 'D' });
      expect(keep(70, 30).grade).toBe('C');
    });

    it('uses 実績 ÷ 目標 when there is no 基準値 below the 目標 (D still means worse than a 基準値)', () => {
      expect(up(90, { baseline: null })).toEqual({ rate: 75, grade: 'C' });
      expect(up(100, { baseline: null })).toEqual({ rate: (100 / 120) * 100, grade: 'B' });
      expect(up(60, { baseline: 130 })).toEqual({ rate: 50, grade: 'D' });
    });

    it('gives no grade without a 目標', () => {
      expect(up(100, { target: null })).toEqual({ rate: null, grade: null });
    });
  });

  describe('gradeScaleOf', () => {
    it('has the plan defaults, also in the default 設定', () => {
      expect(gradeScaleOf(defaultSettings()).scale).toEqual(DEFAULT_GRADE_SCALE);
      const { scale, issues } = gradeScaleOf(parseSettings(defaultSettingsRows()).settings);
      expect(scale).toEqual(DEFAULT_GRADE_SCALE);
      expect(issues).toEqual([]);
    });

    it('reads labels and thresholds staff set, and refuses a B threshold above A', () => {
      const s = defaultSettings();
      s.lists = { 評価A: ['達成'], Ａ評価の基準: [], 評価Aの基準: ['95'], 評価Bの達成率: ['70%'] };
      expect(gradeScaleOf(s).scale).toMatchObject({ a: 95, b: 70, labels: { A: '達成', B: '概ね達成' } });
      s.lists = { 評価Aの基準: ['60'] };
      const { scale, issues } = gradeScaleOf(s);
      expect(scale).toEqual(DEFAULT_GRADE_SCALE);
      expect(issues[0]?.ja).toContain('評価Bの基準');
      s.lists = { 評価Bの基準: ['たくさん'] };
      expect(gradeScaleOf(s).issues[0]?.ja).toContain('達成率（%）の数');
    });
  });

  describe('previousYear', () => {
    it('gives the ratio and the change, or nothing when a year is missing', () => {
      const p = previousYear(110, 100);
      expect(p.ratio).toBeCloseTo(110, 9);
      expect(p.change).toBe(10);
      expect(previousYear(110, null)).toEqual({ ratio: null, change: null });
      expect(previousYear(5, 0)).toEqual({ ratio: null, change: 5 });
    });
  });
});
