// Tests the availability grammar: parseAvailability, formatSlots and slotKey.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  formatSlots,
  parseAvailability,
  slotKey,
  type Period,
  type Slot,
  type Weekday,
} from '../../../src/core/text/availability';

/** The slots as sorted keys, or the failure reason. */
const keys = (v: unknown): string => {
  const r = parseAvailability(v);
  return r.ok ? r.slots.map(slotKey).join(' ') : r.reason;
};
const unknownOf = (v: unknown): string[] => {
  const r = parseAvailability(v);
  return r.ok ? r.unknown : [];
};
const compact = (v: unknown): string => {
  const r = parseAvailability(v);
  return r.ok ? formatSlots(r.slots) : r.reason;
};

const WEEKDAYS_AM_PM = 'mon-am mon-pm tue-am tue-pm wed-am wed-pm thu-am thu-pm fri-am fri-pm';
const EVERY_DAY_AM_PM = `sun-am sun-pm ${WEEKDAYS_AM_PM} sat-am sat-pm`;

const slotArb: fc.Arbitrary<Slot> = fc.record({
  day: fc.integer({ min: 0, max: 6 }).map((d) => d as Weekday),
  period: fc.constantFrom<Period>('am', 'pm', 'night'),
});

describe('text/availability', () => {
  describe('parseAvailability', () => {
    it.each<[string, string]>([
      ['月午前', 'mon-am'],
      ['水午後', 'wed-pm'],
      ['土日終日', 'sun-am sun-pm sat-am sat-pm'],
      ['平日夜間', 'mon-night tue-night wed-night thu-night fri-night'],
      [
        '月午前、水午後、土日終日、平日夜間',
        'sun-am sun-pm mon-am mon-night tue-night wed-pm wed-night thu-night fri-night sat-am sat-pm',
      ],
      ['月・水・金 午後', 'mon-pm wed-pm fri-pm'],
      ['月水金午後', 'mon-pm wed-pm fri-pm'],
      ['月と水の午後', 'mon-pm wed-pm'],
      ['火曜日の午前', 'tue-am'],
      ['月曜午前', 'mon-am'],
      ['日曜日の夜', 'sun-night'],
      ['毎日', EVERY_DAY_AM_PM],
      ['いつでも', EVERY_DAY_AM_PM],
      ['全日', EVERY_DAY_AM_PM],
      ['平日', WEEKDAYS_AM_PM],
      ['週末', 'sun-am sun-pm sat-am sat-pm'],
      ['土日のみ', 'sun-am sun-pm sat-am sat-pm'],
      ['夜間', 'sun-night mon-night tue-night wed-night thu-night fri-night sat-night'],
      ['夕方以降', 'sun-night mon-night tue-night wed-night thu-night fri-night sat-night'],
      ['午前', 'sun-am mon-am tue-am wed-am thu-am fri-am sat-am'],
      ['AM', 'sun-am mon-am tue-am wed-am thu-am fri-am sat-am'],
      ['ＰＭ', 'sun-pm mon-pm tue-pm wed-pm thu-pm fri-pm sat-pm'],
      ['日中', EVERY_DAY_AM_PM],
      ['全日午前', 'sun-am mon-am tue-am wed-am thu-am fri-am sat-am'],
      ['土日全日', 'sun-am sun-pm sat-am sat-pm'],
      ['月午前・水午後', 'mon-am wed-pm'],
      ['月午前 水午後', 'mon-am wed-pm'],
      ['月午前水午後', 'mon-am wed-pm'],
      ['月午前／水午後；金夜', 'mon-am wed-pm fri-night'],
      ['月午前\n水午後', 'mon-am wed-pm'],
      ['月〜金 午前', 'mon-am tue-am wed-am thu-am fri-am'],
      ['月～金の午前', 'mon-am tue-am wed-am thu-am fri-am'],
      ['金〜月', 'sun-am sun-pm mon-am mon-pm fri-am fri-pm sat-am sat-pm'],
      ['月曜(午前)', 'mon-am'],
      ['毎週火曜 午後', 'tue-pm'],
      ['平日午後可', 'mon-pm tue-pm wed-pm thu-pm fri-pm'],
      ['月午前・午後', 'mon-am mon-pm'],
      ['土 終日・夜間', 'sat-am sat-pm sat-night'],
      ['月午前、月午前', 'mon-am'],
    ])('reads %j', (input, expected) => {
      expect(keys(input)).toBe(expected);
      expect(unknownOf(input)).toEqual([]);
    });

    it('keeps pieces it cannot read whole, and reads the rest', () => {
      expect(parseAvailability('月午前、要相談、水午後')).toEqual({
        ok: true,
        slots: [
          { day: 1, period: 'am' },
          { day: 3, period: 'pm' },
        ],
        unknown: ['要相談'],
      });
      // Half a piece is never read: 月午前(要相談) does not promise Monday morning.
      expect(keys('月午前(要相談)')).toBe('');
      expect(unknownOf('月午前(要相談)')).toEqual(['月午前(要相談)']);
      expect(unknownOf('祝日、隔週土曜')).toEqual(['祝日', '隔週土曜']);
      expect(unknownOf('10時〜12時')).toEqual(['10時〜12時']);
      expect(unknownOf('月〜')).toEqual(['月〜']);
      expect(unknownOf('午前〜午後')).toEqual(['午前〜午後']);
      expect(unknownOf(12)).toEqual(['12']);
    });

    it('is blank for empty cells and cells of separators only', () => {
      for (const v of ['', '　', '、、', ' / ', null, undefined])
        expect(parseAvailability(v)).toEqual({ ok: false, reason: 'blank' });
    });

    it('never throws, and gives sorted unique slots', () => {
      const availabilityish = fc.string({
        unit: fc.constantFrom(
          '月',
          '火',
          '水',
          '日',
          '土',
          '曜',
          '午前',
          '午後',
          '夜間',
          '終日',
          '全日',
          '平日',
          '毎日',
          '・',
          '、',
          ' ',
          '〜',
          'の',
          '中',
          'AM',
          'x',
        ),
      });
      fc.assert(
        fc.property(
          fc.oneof(availabilityish, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.anything()),
          (v) => {
            const r = parseAvailability(v);
            if (!r.ok) return r.reason === 'blank';
            const k = r.slots.map((s) => s.day * 3 + ['am', 'pm', 'night'].indexOf(s.period));
            return k.every((x, i) => i === 0 || x > (k[i - 1] as number));
          },
        ),
        { numRuns: 5000 },
      );
    });
  });

  describe('formatSlots', () => {
    it.each<[string, string]>([
      ['月午前、水午後、土日終日、平日夜間', '月午前、水午後、土日終日、平日夜間'],
      ['平日夜間', '平日夜間'],
      ['月・水・金 午後', '月水金午後'],
      ['火曜日の午前', '火午前'],
      ['毎日', '毎日終日'],
      ['夜間', '毎日夜間'],
      ['毎日終日・夜間', '毎日終日・夜間'],
      ['月〜金 午前、土日終日', '平日午前、土日終日'],
      ['日午前', '日午前'],
      ['月午前・夜間', '月午前・夜間'],
      ['月火水木金土午後', '月火水木金土午後'],
    ])('writes %j as %j', (input, expected) => {
      expect(compact(input)).toBe(expected);
    });

    it('writes nothing for no slots', () => {
      expect(formatSlots([])).toBe('');
    });

    it('is read back to the same slots, so format ∘ parse is a fixed point after one round', () => {
      fc.assert(
        fc.property(fc.array(slotArb, { maxLength: 21 }), (slots) => {
          const text = formatSlots(slots);
          const r = parseAvailability(text);
          const expected = [...new Set(slots.map(slotKey))].sort();
          if (slots.length === 0) return text === '' && !r.ok;
          return (
            r.ok &&
            r.unknown.length === 0 &&
            r.slots.map(slotKey).sort().join() === expected.join() &&
            formatSlots(r.slots) === text
          );
        }),
        { numRuns: 5000 },
      );
      const availabilityish = fc.string({
        unit: fc.constantFrom('月', '水', '金', '土日', '平日', '午前', '午後', '夜間', '終日', '・', '、', ' ', '〜'),
      });
      fc.assert(
        fc.property(availabilityish, (s) => {
          const r = parseAvailability(s);
          if (!r.ok) return true;
          const once = formatSlots(r.slots);
          const again = parseAvailability(once);
          return once === '' || (again.ok && formatSlots(again.slots) === once);
        }),
        { numRuns: 5000 },
      );
    });
  });

  describe('slotKey', () => {
    it('names the day and period', () => {
      expect(slotKey({ day: 1, period: 'am' })).toBe('mon-am');
      expect(slotKey({ day: 0, period: 'night' })).toBe('sun-night');
      expect(slotKey({ day: 6, period: 'pm' })).toBe('sat-pm');
    });
  });
});
