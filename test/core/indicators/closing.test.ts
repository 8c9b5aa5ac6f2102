// 年度確定 in the core: the snapshot rows read back as written, rows that do not read are left out,
// and a drift gives a number only where every figure is shown.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  CLOSING_HEADER,
  driftText,
  frozenWithDrift,
  readClosings,
  rowsWithout,
  snapshotRows,
  type FrozenCell,
  type LiveFigures,
} from '../../../src/core/indicators/closing';

const shown = (value: number): FrozenCell => ({ state: 'value', value, suppressed: false, reason: null, raw: value });
const hidden = (raw: number, reason: 'primary' | 'secondary' = 'primary'): FrozenCell => ({
  state: 'value',
  value: null,
  suppressed: true,
  reason,
  raw,
});

const live: LiveFigures = new Map([
  [
    'G2-4',
    new Map([
      [
        2025,
        new Map<string, FrozenCell>([
          ['市全体', shown(14)],
          ['北東部', hidden(4)],
          ['中部', hidden(10, 'secondary')],
        ]),
      ],
    ]),
  ],
  [
    'G4-7',
    new Map([
      [2025, new Map<string, FrozenCell>([['市全体', { ...shown(0), state: 'notEntered', value: null, raw: null }]])],
    ]),
  ],
]);

describe('the 年度確定 snapshot', () => {
  const rows = snapshotRows(live, new Map([['G2-4', '=ヤングケアラー']]), 2025, '令和7年度', '2026-05-01 09:00');

  it('reads back as written: published figures, reasons and the figures as counted', () => {
    const { closed, unreadable } = readClosings([[...CLOSING_HEADER], ...rows], 4);
    expect(unreadable).toBe(0);
    const year = closed.get(2025);
    expect(year?.closedAt).toBe('2026-05-01 09:00');
    expect(year?.indicators.get('G2-4')?.get('北東部')).toEqual(hidden(4));
    expect(year?.indicators.get('G2-4')?.get('中部')).toEqual(hidden(10, 'secondary'));
    expect(year?.indicators.get('G2-4')?.get('市全体')).toEqual(shown(14));
    expect(year?.indicators.get('G4-7')?.get('市全体')?.state).toBe('notEntered');
    // A hidden figure is written as ＊ in 公表値; an indicator name like a formula stays text.
    expect(rows.find((r) => r[3] === '北東部')?.[5]).toBe('＊');
    expect(rows[0]?.[2]).toBe("'=ヤングケアラー");
  });

  it('leaves out rows that do not read, and keeps the other 年度 when one is removed', () => {
    const other = rows.map((r) => ['令和6年度', ...r.slice(1)]);
    const values = [[...CLOSING_HEADER], ...rows, ['来年', 'X', '', '北東部', 'value', 3, '', 3, ''], ...other];
    const read = readClosings(values, 4);
    expect(read.unreadable).toBe(1);
    expect([...read.closed.keys()].sort()).toEqual([2024, 2025]);
    const kept = rowsWithout(values, 4, 2025);
    expect(kept.length).toBe(other.length + 1);
    expect(readClosings([[...CLOSING_HEADER], ...kept], 4).closed.has(2025)).toBe(false);
    expect(readClosings([['ID', '年度']], 4).closed.size).toBe(0);
  });
});

describe('drift', () => {
  it('gives the change where it may be said, only that it changed where it may not', () => {
    expect(frozenWithDrift(shown(12), shown(15), true).drift).toEqual({ changed: true, delta: 3 });
    expect(frozenWithDrift(shown(12), shown(12), true).drift).toEqual({ changed: false, delta: 0 });
    expect(frozenWithDrift(shown(12), shown(15), false).drift).toEqual({ changed: true, delta: null });
    expect(frozenWithDrift(hidden(4), hidden(5), true).drift).toEqual({ changed: true, delta: null });
    expect(frozenWithDrift(hidden(4), hidden(4), false).drift).toEqual({ changed: false, delta: null });
    // A count as of today is not counted for a past 年度: nothing to compare.
    const notCounted: FrozenCell = { state: 'notCounted', value: null, suppressed: false, reason: null, raw: null };
    expect(frozenWithDrift(shown(30), notCounted, true).drift).toEqual({ changed: false, delta: null });
    // The frozen figure is what is shown.
    expect(frozenWithDrift(shown(12), shown(15), true).value).toBe(12);
  });

  it('「確定後に元データが変わりました: +3」 with the 圏域 that changed', () => {
    expect(driftText({ changed: false, delta: 0 }, [{ area: '北東部', drift: { changed: false, delta: 0 } }])).toBe('');
    expect(
      driftText({ changed: true, delta: 3 }, [
        { area: '北東部', drift: { changed: true, delta: 2 } },
        { area: '中部', drift: { changed: true, delta: 1 } },
        { area: '南部', drift: { changed: false, delta: 0 } },
      ]),
    ).toBe('確定後に元データが変わりました: +3（北東部 +2、中部 +1）');
    expect(driftText({ changed: true, delta: null }, [{ area: '北東部', drift: { changed: true, delta: null } }])).toBe(
      '確定後に元データが変わりました（秘匿のため差は示しません）（北東部）',
    );
    expect(
      driftText({ changed: false, delta: null }, [{ area: '北東部', drift: { changed: true, delta: null } }]),
    ).toBe('確定後に元データが変わりました（圏域: 北東部）');
  });
});
