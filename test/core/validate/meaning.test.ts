// Property: a safe fix never changes the number, date or text a person reads.
import fc from 'fast-check';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { normalizeText } from '../../../src/core/text/normalize';
import { parseDate } from '../../../src/core/text/date';
import { formatWareki } from '../../../src/core/text/era';
import { PlainDate } from '../../../src/core/text/plainDate';
import type { ValidationIssue } from '../../../src/core/validate/types';
import { day, sheet, validate } from './helpers';
import { workbookArb } from './arbitraries';

const DONATIONS = ['領収書番号', '受領日', '寄付者名', '区分', '金額'];
const ACTIVITIES = ['日付', '事業', '活動種別', '圏域', '参加者数'];

function amountIssues(typed: string): ValidationIssue[] {
  return validate([
    sheet('donations', DONATIONS, [['R6-0001', day('2024-05-01'), '山田 花子', '一般寄付', typed]]),
  ]).issues.filter((i) => i.columnIndex === 4);
}

function countIssues(typed: string): ValidationIssue[] {
  return validate([
    sheet('activities', ACTIVITIES, [[day('2024-05-01'), 'ふれまち', 'サロン', '中部', typed]]),
  ]).issues.filter((i) => i.columnIndex === 4);
}

function dateIssues(typed: string): ValidationIssue[] {
  return validate([sheet('donations', DONATIONS, [['R6-0001', typed, '山田 花子', '一般寄付', 1000]])]).issues.filter(
    (i) => i.columnIndex === 1,
  );
}

/** Whole numbers of every length, round thousands included (10000 written 10.000 is where readings part). */
const wholeNumber = fc.oneof(
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1000, max: 999_999 }),
  fc.integer({ min: 1, max: 999 }).map((k) => k * 1000),
  fc.integer({ min: 1, max: 99_999_999 }),
);

const wide = (s: string): string => s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const group = (n: number, mark: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, mark);

/** The ways a person writes a whole number n that read only as n in Japan. */
const ONE_READING: readonly ((n: number) => string)[] = [
  (n) => String(n),
  (n) => group(n, ','),
  (n) => wide(group(n, ',')),
  (n) => `¥${group(n, ',')}`,
  (n) => `${group(n, ',')}円`,
  (n) => ` ${n} `,
  (n) => `金${group(n, ',')}円也`,
  (n) => (n >= 10000 ? `${Math.floor(n / 10000)}万${n % 10000 === 0 ? '' : n % 10000}` : String(n)),
];

/** The ways a person writes n that another person may read as another number. */
const OTHER_CONVENTIONS: readonly ((n: number) => string)[] = [
  (n) => group(n, '.'),
  (n) => `${group(n, '.')}円`,
  (n) => group(n, ' '),
  (n) => wide(group(n, '.')),
  (n) => {
    // A comma typed in the wrong place: 1,00 for 100.
    const s = String(n);
    return s.length > 1 ? `${s.slice(0, 1)},${s.slice(1)}` : s;
  },
];

function fixOf(issues: readonly ValidationIssue[]): ValidationIssue['fix'] {
  return issues.find((i) => i.fix)?.fix;
}

describe('safe fixes keep what a person reads', () => {
  it('fixes an amount written the one Japanese way into exactly that number', () => {
    fc.assert(
      fc.property(wholeNumber, fc.constantFrom(...ONE_READING), (n, write) => {
        const typed = write(n);
        if (typed === String(n)) return;
        expect(fixOf(amountIssues(typed)), typed).toEqual({ kind: 'amount', to: n });
      }),
      { numRuns: 500 },
    );
  });

  it('never fixes an amount or count into a number other than the one written, whatever the convention', () => {
    fc.assert(
      fc.property(wholeNumber, fc.constantFrom(...ONE_READING, ...OTHER_CONVENTIONS), (n, write) => {
        const typed = write(n);
        for (const issues of [amountIssues(typed), countIssues(typed)]) {
          const fix = fixOf(issues);
          if (fix !== undefined) expect(fix.to, typed).toBe(n);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never fixes a cell that holds two numbers', () => {
    fc.assert(
      fc.property(
        wholeNumber,
        wholeNumber,
        fc.constantFrom(...ONE_READING),
        fc.constantFrom(' ', '　', '  '),
        (a, b, write, space) => {
          const typed = `${write(a).trim()}${space}${write(b).trim()}`;
          expect(fixOf(amountIssues(typed)), typed).toBeUndefined();
          expect(fixOf(countIssues(typed)), typed).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('fixes a date written any way into that day', () => {
    const days = fc.integer({
      min: PlainDate.of(1900, 1, 1)!.toDayNumber(),
      max: PlainDate.of(2026, 11, 1)!.toDayNumber(),
    });
    const ways: readonly ((d: PlainDate) => string)[] = [
      (d) => `${d.year}/${d.month}/${d.day}`,
      (d) => `${d.year}年${d.month}月${d.day}日`,
      (d) => wide(`${d.year}/${d.month}/${d.day}`).replace(/／/g, '/'),
      (d) => formatWareki(d, 'kanji'),
      (d) => formatWareki(d, 'letter'),
    ];
    fc.assert(
      fc.property(days, fc.constantFrom(...ways), (n, write) => {
        const d = PlainDate.fromDayNumber(n)!;
        const typed = write(d);
        const fix = fixOf(dateIssues(typed));
        expect(fix, typed).toEqual({ kind: 'date', to: d.toISO() });
      }),
      { numRuns: 500 },
    );
  });

  it('never changes the text a width or spacing fix touches, and a date fix keeps the day', () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        const { issues } = validate(sheets);
        for (const i of issues) {
          if (!i.fix) continue;
          const input = sheets.find((s) => s.name === i.sheet)!;
          const original = input.values[i.row - 1]?.[i.columnIndex];
          if (i.fix.kind === 'width' || i.fix.kind === 'spaces') {
            expect(normalizeText(String(i.fix.to)), `${String(original)} → ${String(i.fix.to)}`).toBe(
              normalizeText(String(original)),
            );
          }
          if (i.fix.kind === 'date') {
            const before = parseDate(original);
            expect(before.ok && before.date.toISO(), String(original)).toBe(i.fix.to);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
