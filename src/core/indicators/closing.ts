/**
 * 年度確定: a closed 年度's figures, frozen as they were published (suppressed), and how the
 * figures counted now differ from them — said without giving a hidden figure's change away.
 *
 * The snapshot is a hidden sheet of Tsunagu's own (kind `closing`): a row per 年度, indicator
 * and 圏域 (市全体 first), with the figure as published (a number, ＊ or what the cell said), the
 * reason it was hidden, and the figure as counted (集計値: hidden ones too, so that a later change
 * can be noticed; never shown anywhere).
 */
import type { CellValue } from '../ports';
import { guardFormula } from '../text/formula';
import { parseFiscalYear } from '../text/date';
import type { CellState } from './aggregate';
import type { Reason } from './suppression/suppress';

/** One cell of a closed 年度: as published, and as counted (raw) at the time. */
export interface FrozenCell {
  readonly state: CellState;
  /** The published figure; null where hidden or not a value. */
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: Reason | null;
  /** The figure as counted (rounded as published); null when not a value. Never published. */
  readonly raw: number | null;
}

/** A closed 年度: per indicator ID, per area (市全体 too), the frozen cells. */
export interface ClosedYear {
  readonly fy: number;
  /** When it was closed, as staff read it (Asia/Tokyo). */
  readonly closedAt: string;
  readonly indicators: ReadonlyMap<string, ReadonlyMap<string, FrozenCell>>;
}

export type ClosedYears = ReadonlyMap<number, ClosedYear>;

/** Per indicator ID, per 年度, per area: the figures as counted now (what a closing freezes). */
export type LiveFigures = ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<string, FrozenCell>>>;

/**
 * How a closed 年度's cell differs from what is counted now. `changed`: the source rows give
 * another figure (or none). `delta`: the change (now − then), only where every cell of that
 * indicator and 年度 is shown both then and now — otherwise a change of a hidden cell could be
 * worked out from the shown ones (市全体 minus the other 圏域).
 */
export interface Drift {
  readonly changed: boolean;
  readonly delta: number | null;
}

/** The snapshot sheet's columns (fixed: the sheet is read back by them). */
export const CLOSING_HEADER = ['年度', 'ID', '指標名', '圏域', '状態', '公表値', '秘匿', '集計値', '確定日時'] as const;

const STATES: readonly CellState[] = ['value', 'none', 'noData', 'future', 'notCounted', 'notEntered'];

function num(v: CellValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim()))) return Number(v.trim());
  return null;
}

function text(v: CellValue | undefined): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

/** The snapshot rows of one 年度: every indicator's 市全体 and 圏域 as counted now. */
export function snapshotRows(
  live: LiveFigures,
  names: ReadonlyMap<string, string>,
  fy: number,
  label: string,
  closedAt: string,
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [id, years] of live) {
    const cells = years.get(fy);
    if (!cells) continue;
    for (const [area, c] of cells) {
      rows.push([
        label,
        guardFormula(id),
        guardFormula(names.get(id) ?? ''),
        guardFormula(area),
        c.state,
        c.suppressed ? '＊' : (c.value ?? ''),
        c.reason ?? '',
        c.raw ?? '',
        closedAt,
      ]);
    }
  }
  return rows;
}

/**
 * Reads the snapshot sheet back (header on row 1, found by name). Rows that do not read (a
 * 年度 or state that is not one, staff having edited the hidden sheet) are left out and counted.
 */
export function readClosings(
  values: readonly (readonly CellValue[])[] | null,
  startMonth: number,
): { closed: ClosedYears; unreadable: number } {
  const closed = new Map<number, { fy: number; closedAt: string; indicators: Map<string, Map<string, FrozenCell>> }>();
  let unreadable = 0;
  if (!values || values.length === 0) return { closed, unreadable };
  const header = (values[0] ?? []).map(text);
  const at = CLOSING_HEADER.map((h) => header.indexOf(h));
  if (at.some((i) => i < 0)) return { closed, unreadable: values.length - 1 };
  const [fyAt, idAt, , areaAt, stateAt, valueAt, reasonAt, rawAt, whenAt] = at as number[];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => text(v) === '')) continue;
    const fy = parseFiscalYear(row[fyAt as number], startMonth);
    const id = text(row[idAt as number]);
    const area = text(row[areaAt as number]);
    const state = text(row[stateAt as number]) as CellState;
    const reasonText = text(row[reasonAt as number]);
    const shown = row[valueAt as number];
    if (!fy.ok || id === '' || area === '' || STATES.indexOf(state) < 0) {
      unreadable++;
      continue;
    }
    const suppressed = text(shown) === '＊';
    const reason: Reason | null = reasonText === 'primary' || reasonText === 'secondary' ? reasonText : null;
    const year = closed.get(fy.year) ?? { fy: fy.year, closedAt: text(row[whenAt as number]), indicators: new Map() };
    closed.set(fy.year, year);
    const cells = year.indicators.get(id) ?? new Map<string, FrozenCell>();
    year.indicators.set(id, cells);
    cells.set(area, {
      state,
      value: suppressed || state !== 'value' ? null : num(shown),
      suppressed,
      reason: suppressed ? (reason ?? 'secondary') : null,
      raw: num(row[rawAt as number]),
    });
  }
  return { closed, unreadable };
}

/** The snapshot rows of every 年度 but one, as they stand in the sheet (closing another, or re-opening that one). */
export function rowsWithout(
  values: readonly (readonly CellValue[])[] | null,
  startMonth: number,
  fy: number,
): CellValue[][] {
  if (!values || values.length < 2) return [];
  const fyAt = (values[0] ?? []).map(text).indexOf('年度');
  return values.slice(1).filter((row) => {
    if (row.every((v) => text(v) === '')) return false;
    const parsed = parseFiscalYear(row[fyAt], startMonth);
    return !(parsed.ok && parsed.year === fy);
  }) as CellValue[][];
}

/**
 * A closed cell as the summary shows it: the frozen figure, and how it differs from `now`.
 * `exact` is false when any cell of the indicator's 年度 is hidden then or now: then only
 * whether a cell changed is said, never by how much.
 */
export function frozenWithDrift(frozen: FrozenCell, now: FrozenCell, exact: boolean): FrozenCell & { drift: Drift } {
  // A count as of today (日付列 現在) is not counted for a past 年度 now: nothing to compare it with.
  if (now.state === 'notCounted') return { ...frozen, drift: { changed: false, delta: null } };
  const changed = frozen.state !== now.state || frozen.raw !== now.raw;
  const both = frozen.state === 'value' && now.state === 'value' && frozen.value !== null && now.value !== null;
  const delta = exact && both ? Math.round(((now.value as number) - (frozen.value as number)) * 100) / 100 : null;
  return { ...frozen, drift: { changed, delta } };
}

/** 「確定後に元データが変わりました: +3」 — the 市全体 change, and which 圏域 changed (by how much where it may be said). */
export function driftText(
  city: Drift | null,
  areas: readonly { area: string; drift: Drift | null }[],
  lang: 'ja' | 'en' = 'ja',
): string {
  const changedAreas = areas.filter((a) => a.drift?.changed);
  if (!city?.changed && changedAreas.length === 0) return '';
  const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
  const ja = lang === 'ja';
  let out = ja ? '確定後に元データが変わりました' : 'The source data changed after closing';
  if (city?.changed)
    out +=
      city.delta !== null
        ? `: ${signed(city.delta)}`
        : ja
          ? '（秘匿のため差は示しません）'
          : ' (by how much is not shown: figures are hidden)';
  if (changedAreas.length > 0) {
    const parts = changedAreas.map((a) =>
      a.drift?.delta !== null && a.drift?.delta !== undefined ? `${a.area} ${signed(a.drift.delta)}` : a.area,
    );
    out += ja
      ? `（${city?.changed ? '' : '圏域: '}${parts.join('、')}）`
      : ` (${city?.changed ? '' : 'areas: '}${parts.join(', ')})`;
  }
  return out;
}
