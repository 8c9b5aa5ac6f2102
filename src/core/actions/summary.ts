/**
 * 指標サマリー: reads 設定, 指標定義 and the source sheets its indicators name, builds the
 * suppressed summary, and rewrites the 指標サマリー sheet all or nothing — keeping what staff
 * typed there (the 実績 of manual indicators, 評価コメント / 改善の方向 / 担当) per indicator ID
 * and 年度, wherever the rows land now.
 */
import { UserError } from '../errors';
import { formatDefinitionIssue, type DefinitionSheet } from '../indicators/definitions';
import { parseIndicatorDefinitions } from '../indicators/definitions';
import type { ManualActuals } from '../indicators/aggregate';
import {
  CLOSING_HEADER,
  driftText,
  readClosings,
  rowsWithout,
  snapshotRows,
  type ClosedYears,
} from '../indicators/closing';
import type { Grade } from '../indicators/grades';
import type { PdcaNote, PdcaNotes } from '../indicators/report';
import { reportHtml } from '../indicators/report';
import { sheetCharts } from '../indicators/sheet-charts';
import { SURVEY_ANSWERS_SHEET, type SourceKind, type WorkbookSheet } from '../indicators/sources';
import {
  buildSummary,
  summaryJson,
  summaryYears,
  type Summary,
  type SummaryCell,
  type SummaryIndicator,
  type SummaryYear,
} from '../indicators/summary';
import { OUTPUT_NAMES, placeNotice, placeOutput, type OutputPlace } from '../output-sheets';
import type { CellValue, ChartSpec, MarkedSheet, SheetData, Workbook } from '../ports';
import { HEAD_ROWS } from '../setup/plan';
import { settingsFrom } from '../setup/settings-source';
import type { Settings } from '../sheets/settings';
import type { SheetKind } from '../sheets/types';
import type { PlainDate } from '../text/plainDate';
import type { SourceTally } from '../indicators/aggregate';
import { isLiveSheet, type ColumnMapping } from '../sheets/mapping';
import { guardCell, guardFormula } from '../text/formula';
import { AUTOMATIC_FORMAT_READ } from '../history/cells';
import { normalizeHeader } from '../text/normalize';
import { fiscalYearOf, formatFiscalYear, parseFiscalYear } from '../text/date';
import { parseNumber } from '../text/number';
import { atomically, type Transaction } from '../transaction';
import type { Message, SummaryReport, SummaryView } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { sheetRows } from './sheet-rows';
import {
  columnsNamed,
  definitionsAgainstHeaders,
  namedColumns,
  readSourceSheet,
  type SourceRead,
} from './summary-read';
import { loadMappings, openSidebarToRun } from './sidebar';
import { summaryNeedsParts } from './summary-parts';
import { mappingOf, today } from './workbook-input';

/** The columns of 指標サマリー before the 圏域 (fixed: an earlier unmarked sheet is recognised by them). */
export const SUMMARY_LEAD = [
  'ID',
  '基本目標',
  '取り組み',
  '指標名',
  '単位',
  '年度',
  '実績',
  '目標',
  '達成率(%)',
  '評価',
  '前年度比(%)',
] as const;

/** After the 圏域: 確定済み (and 「確定後に元データが変わりました: +3」) on the rows of a closed 年度. */
export const CLOSING_COLUMN = '年度確定';

/** Staff's columns after the 圏域: kept per indicator ID and 年度 across refreshes. */
export const PDCA_HEADER = ['評価コメント', '改善の方向', '担当'] as const;

/** What the 実績 and 圏域 cells say when there is no number to show. */
export const STATE_TEXT: Readonly<Record<SummaryCell['state'], string>> = {
  value: '',
  none: '—',
  noData: 'データなし',
  future: '',
  notCounted: '年度確定の値のみ',
  notEntered: '',
};

/** Light fills of the 評価 cells (the text stays readable). */
export const GRADE_FILLS: Readonly<Record<Grade, string>> = {
  A: '#d9ead3',
  B: '#cfe2f3',
  C: '#fff2cc',
  D: '#f4cccc',
};

/** Heading of the block that keeps notes whose indicator or 年度 is no longer shown. */
export const ORPHAN_HEADING = '指標定義にない指標・年度のメモ（削除しても構いません）';

const SUMMARY_WHAT: Message = { ja: '指標サマリー', en: 'the indicator summary' };

/** What staff typed in the sheet as it is now, by indicator ID and 年度. */
interface StaffEntry {
  /** 1-based row of the sheet as it is now. */
  row: number;
  id: string;
  fy: number;
  /** The 実績 cell as it stands (a manual indicator's typed figure). */
  actual: CellValue;
  note: PdcaNote;
  /** Staff's own columns beyond ours, by header. */
  extra: Map<string, CellValue>;
}

interface SummarySheetNow {
  entries: Map<string, StaffEntry>;
  /** Headers of staff's own columns, in the sheet's order. */
  extraHeaders: string[];
}

const key = (id: string, fy: number): string => `${id}\u0000${fy}`;

function text(v: CellValue | undefined): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Reads what staff entered in 指標サマリー: rows with an ID and a 年度 (headings and footnotes have none). */
export function readSummarySheet(
  data: SheetData | null,
  startMonth: number,
  areas: readonly string[],
): SummarySheetNow {
  const entries = new Map<string, StaffEntry>();
  if (!data || data.values.length === 0) return { entries, extraHeaders: [] };
  const header = (data.values[0] ?? []).map((h) => text(h).trim());
  const at = (name: string): number => header.indexOf(name);
  const idAt = at('ID');
  const fyAt = at('年度');
  const actualAt = at('実績');
  const [checkAt, actionAt, ownerAt] = PDCA_HEADER.map(at) as [number, number, number];
  const ours = new Set<string>([...SUMMARY_LEAD, CLOSING_COLUMN, ...PDCA_HEADER, ...areas]);
  const extras: { header: string; column: number }[] = [];
  header.forEach((h, c) => {
    if (h !== '' && !ours.has(h) && !/^圏域不明$|^市全体$/.test(h)) extras.push({ header: h, column: c });
  });
  if (idAt < 0 || fyAt < 0) return { entries, extraHeaders: extras.map((e) => e.header) };
  for (let r = 1; r < data.values.length; r++) {
    const row = data.values[r] ?? [];
    const id = text(row[idAt]).trim();
    if (id === '') continue;
    const fy = parseFiscalYear(row[fyAt], startMonth);
    if (!fy.ok) continue;
    const cell = (c: number): string => (c >= 0 ? text(row[c]) : '');
    entries.set(key(id, fy.year), {
      row: r + 1,
      id,
      fy: fy.year,
      actual: actualAt >= 0 ? (row[actualAt] ?? '') : '',
      note: { check: cell(checkAt), action: cell(actionAt), owner: cell(ownerAt) },
      extra: new Map(extras.map((e) => [e.header, row[e.column] ?? ''] as const)),
    });
  }
  return { entries, extraHeaders: extras.map((e) => e.header) };
}

/** The 実績 staff typed for manual indicators, as numbers (a cell that is not a number is not a figure). */
function manualActuals(now: SummarySheetNow, manualIds: ReadonlySet<string>): ManualActuals {
  const out: Record<string, Record<number, number | null>> = {};
  for (const entry of now.entries.values()) {
    if (!manualIds.has(entry.id)) continue;
    const parsed = parseNumber(entry.actual);
    (out[entry.id] ??= {})[entry.fy] = parsed.ok ? parsed.value : null;
  }
  return out;
}

function pdcaNotes(now: SummarySheetNow): PdcaNotes {
  const out: Record<string, Record<number, PdcaNote>> = {};
  for (const e of now.entries.values()) {
    if (e.note.check === '' && e.note.action === '' && e.note.owner === '') continue;
    (out[e.id] ??= {})[e.fy] = e.note;
  }
  return out;
}

/** Everything the summary reads, each sheet in one batched read; only the sources its indicators name. */
export interface SummaryRead {
  settings: Settings;
  definitions: DefinitionSheet | null;
  sheets: WorkbookSheet[];
  place: OutputPlace;
  now: SummarySheetNow;
  manualIds: Set<string>;
  /** 年度確定: where the snapshot sheet is, its rows as they stand, and the closed 年度 they hold. */
  closing: { place: OutputPlace; values: CellValue[][] | null; closed: ClosedYears };
  /** The charts' data sheet, and the charts placed before (CHARTS_KEY). */
  charts: { place: OutputPlace; stored: StoredCharts };
  /** Counted in parts already (summary-parts.ts): `sheets` then hold only the header rows. */
  tallies?: readonly SourceTally[];
  /** Today as the run in parts started (its 年度 are those of the start). */
  today?: PlainDate;
}

/** A source sheet the summary reads: the columns its indicators name (null: the whole sheet). */
export interface SourceToRead {
  name: string;
  kind: SheetKind;
  mapping: ColumnMapping;
  /** 0-based columns named by the indicators; null when the sheet is read whole (its header lies below the first rows). */
  columns: number[] | null;
  /** The header row as the first rows read it; null when those rows do not reach it. */
  header: unknown[] | null;
  lastRow: number;
}

/** What the summary will read, decided from the sheets' first rows, 設定 and 指標定義. */
export interface SummaryPlan {
  marked: MarkedSheet[];
  settings: Settings;
  settingsSheet: { name: string; mapping: ColumnMapping } | null;
  definitions: DefinitionSheet | null;
  manualIds: Set<string>;
  /** Every live data sheet's header rows are within the first rows read (else sheets are read whole). */
  known: boolean;
  sources: SourceToRead[];
  /** The survey answers sheet, when an indicator counts them. */
  survey: string | null;
}

/** Decides what the summary reads: the sources its indicators name and, of each, the columns. */
export function planSummary(ports: AppPorts): SummaryPlan {
  const workbook = ports.workbook;
  const marked: MarkedSheet[] = workbook.markedSheets();
  const heads = workbook.heads(
    HEAD_ROWS,
    marked.map((m) => m.name),
  );
  const confirmed = loadMappings(ports, heads);
  const mapped: { name: string; mapping: ColumnMapping; lastRow: number }[] = [];
  for (const head of heads) {
    const mapping = mappingOf(head, confirmed);
    if (mapping) mapped.push({ name: head.name, mapping, lastRow: head.lastRow });
  }
  const settingsSheet = mapped.find((m) => m.mapping.kind === 'settings');
  const settingsData = settingsSheet ? workbook.read(settingsSheet.name) : null;
  const settings = settingsFrom(settingsData ? settingsData.values : null, settingsSheet?.mapping);
  const startMonth = settings.fiscalYearStartMonth;

  const definitionsSheet = mapped.find((m) => m.mapping.kind === 'indicators');
  const definitionsData = definitionsSheet ? workbook.read(definitionsSheet.name) : null;
  const definitions: DefinitionSheet | null =
    definitionsSheet && definitionsData
      ? {
          name: definitionsSheet.name,
          values: definitionsData.values,
          display: definitionsData.display,
          mapping: definitionsSheet.mapping,
        }
      : null;

  // Which sources the indicators name: read without the sources (their columns are checked later, with them).
  const wanted = new Set<SourceKind>();
  const manualIds = new Set<string>();
  // Each live data sheet's header rows, as the first rows read them (null: a header below them).
  const headers = mapped.map((m) => {
    const rows = heads.find((h) => h.name === m.name)?.display ?? [];
    return rows.length >= m.mapping.headerRow && isLiveSheet(m.name, m.mapping)
      ? { name: m.name, kind: m.mapping.kind, mapping: m.mapping, values: rows.slice(0, m.mapping.headerRow) }
      : null;
  });
  const known = mapped.every((m, i) => headers[i] !== null || !isLiveSheet(m.name, m.mapping));
  const parsed = definitions
    ? known
      ? definitionsAgainstHeaders(
          definitions,
          startMonth,
          settings,
          headers.filter((h) => h !== null),
        )
      : parseIndicatorDefinitions(definitions, { startMonth }).definitions
    : [];
  for (const d of parsed) {
    if (d.source) wanted.add(d.source.kind);
    else manualIds.add(d.id);
  }
  const sources: SourceToRead[] = [];
  for (const m of mapped) {
    const kind = m.mapping.kind;
    const source = [...wanted].find((w) => sourceSheetKind(w) === kind);
    // Every live sheet of a source kind is counted (a roster kept in two sheets); a 退会者 archive is not.
    if (source === undefined || !isLiveSheet(m.name, m.mapping)) continue;
    // Only the columns the indicators name (a 条件 may name a column only the sheet has, by its
    // header), with what tells data rows from totals and notes: docs/cost.md.
    const header = headers[mapped.indexOf(m)]?.values[m.mapping.headerRow - 1] ?? null;
    sources.push({
      name: m.name,
      kind,
      mapping: m.mapping,
      columns: known && header ? columnsNamed(source, m.mapping, header, namedColumns(source, parsed)) : null,
      header: header ? [...header] : null,
      lastRow: m.lastRow,
    });
  }
  // The survey answers Tsunagu brought back: its marked sheet, else a sheet of that name.
  const survey = wanted.has('surveyAnswers')
    ? (marked.find((m) => m.kind === 'answers')?.name ??
      workbook.sheetNames().find((n) => normalizeHeader(n) === normalizeHeader(SURVEY_ANSWERS_SHEET)) ??
      null)
    : null;
  return {
    marked,
    settings,
    settingsSheet: settingsSheet ? { name: settingsSheet.name, mapping: settingsSheet.mapping } : null,
    definitions,
    manualIds,
    known,
    sources,
    survey,
  };
}

function readForSummary(ports: AppPorts, planned?: SummaryPlan): SummaryRead {
  const workbook = ports.workbook;
  const plan = planned ?? planSummary(ports);
  const sheets: WorkbookSheet[] = [];
  for (const s of plan.sources) {
    const got =
      s.columns !== null
        ? readSourceSheet(workbook, s.name, s.mapping, s.columns)
        : wholeSheet(workbook, s.name, s.mapping);
    if (!got) continue;
    sheets.push({
      name: s.name,
      kind: s.kind,
      mapping: s.mapping,
      values: got.data.values,
      display: got.data.display,
      rows: got.rows,
    });
  }
  if (plan.survey !== null) {
    const data = workbook.read(plan.survey);
    if (data) sheets.push(surveySheet(plan.survey, data));
  }
  return { ...outputsOf(ports, plan), sheets };
}

/** アンケート回答 as a source: its header on row 1, every column by its header. */
export function surveySheet(name: string, data: SheetData): WorkbookSheet {
  return { name, kind: null, mapping: null, values: data.values, display: data.display, survey: true };
}

/** Everything the summary reads but the sources: 指標サマリー as it stands, 年度確定, the charts. */
export function outputsOf(ports: AppPorts, plan: SummaryPlan): Omit<SummaryRead, 'sheets'> {
  const workbook = ports.workbook;
  const startMonth = plan.settings.fiscalYearStartMonth;
  const place = placeOutput(workbook, 'summary', [...SUMMARY_LEAD], plan.marked);
  const areas = plan.settings.areas.map((a) => a.name);
  const now = readSummarySheet(place.exists ? workbook.read(place.name) : null, startMonth, areas);
  const charts = {
    place: placeOutput(workbook, 'summaryCharts', [], plan.marked),
    stored: storedCharts(ports.store.get(CHARTS_KEY)),
  };
  return {
    settings: plan.settings,
    definitions: plan.definitions,
    place,
    now,
    manualIds: plan.manualIds,
    closing: readClosing(ports, plan.marked, startMonth),
    charts,
  };
}

/** A sheet whose header lies below the first rows read (HEAD_ROWS): read whole. */
function wholeSheet(workbook: Workbook, name: string, mapping: ColumnMapping): SourceRead | null {
  const data = workbook.read(name);
  return data ? { data, rows: sheetRows(workbook, name, mapping, data.values) } : null;
}

/** The 年度確定 snapshot: Tsunagu's hidden sheet of kind closing, found by its mark (one read). */
function readClosing(ports: AppPorts, marked: readonly MarkedSheet[], startMonth: number): SummaryRead['closing'] {
  const place = placeOutput(ports.workbook, 'closing', [], marked);
  const data = place.exists ? ports.workbook.read(place.name) : null;
  const values = data ? (data.values as CellValue[][]) : null;
  return { place, values, closed: readClosings(values, startMonth).closed };
}

function sourceSheetKind(kind: SourceKind): string | null {
  switch (kind) {
    case 'registrations':
      return 'volunteerFormAnswers';
    case 'surveyAnswers':
      return null;
    default:
      return kind;
  }
}

/** 2026-11-26 10:30 in Asia/Tokyo (UTC+9, no daylight saving since 1952). */
export function tokyoStamp(date: Date): string {
  const t = new Date(date.getTime() + 9 * 3_600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

function summarize(ports: AppPorts, read: SummaryRead, years?: readonly number[]): Summary {
  return summarizeWith(ports, read, read.closing.closed, years).summary;
}

function summarizeWith(
  ports: AppPorts,
  read: SummaryRead,
  closed: ClosedYears,
  years?: readonly number[],
): Extract<ReturnType<typeof buildSummary>, { ok: true }> {
  const outcome = buildSummary({
    closed,
    settings: read.settings,
    sheets: read.sheets,
    definitions: read.definitions,
    today: read.today ?? today(ports),
    ...(read.tallies ? { tallies: read.tallies } : {}),
    updatedAt: tokyoStamp(ports.clock.now()),
    manual: manualActuals(read.now, read.manualIds),
    ...(years ? { years } : {}),
  });
  if (!outcome.ok) {
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    const shown = errors.slice(0, 5);
    const more = errors.length - shown.length;
    const lines = (lang: 'ja' | 'en'): string =>
      shown.map((i) => `\n・${formatDefinitionIssue(i, lang)}`).join('') +
      (more > 0 ? (lang === 'ja' ? `\n・ほか${more}件` : `\n・and ${more} more`) : '');
    throw new UserError(
      'summary.definitions',
      `${outcome.message.ja}${lines('ja')}`,
      `${outcome.message.en}${lines('en')}`,
    );
  }
  return outcome;
}

function cellValue(c: SummaryCell, year: SummaryYear, manual: boolean, typed: CellValue | undefined): CellValue {
  if (c.suppressed) return '＊';
  if (c.value !== null) return c.value;
  // A manual figure staff typed that is not a number stays as they typed it (as text).
  if (manual && c.state === 'notEntered' && typed !== undefined && typed !== '') return guardFormula(text(typed));
  if (year.inProgress && c.state === 'value') return '';
  return STATE_TEXT[c.state];
}

/** The 年度確定 cell of a row: 確定済み (when), and what changed in the source rows since. */
function closingText(year: SummaryYear): string {
  if (year.closedAt === null) return '';
  const drift = driftText(year.city.drift, year.areas);
  return `確定済み（${year.closedAt}）${drift === '' ? '' : `\n${drift}`}`;
}

function driftMessage(year: SummaryYear): Message | null {
  const ja = driftText(year.city.drift, year.areas, 'ja');
  return ja === '' ? null : { ja, en: driftText(year.city.drift, year.areas, 'en') };
}

interface SheetLayout {
  header: string[];
  /** 0-based columns. */
  areaStart: number;
  pdcaStart: number;
  extraStart: number;
}

function layoutOf(summary: Summary, extraHeaders: readonly string[]): SheetLayout {
  const header: string[] = [...SUMMARY_LEAD, ...summary.areas];
  const areaStart = SUMMARY_LEAD.length;
  header.push(CLOSING_COLUMN);
  const pdcaStart = header.length;
  header.push(...PDCA_HEADER);
  const extraStart = header.length;
  header.push(...extraHeaders.map(guardFormula));
  return { header, areaStart, pdcaStart, extraStart };
}

/** The rows of 指標サマリー, where each one's staff entries come from (carryFrom) and the grade of each. */
export function summaryRows(
  summary: Summary,
  now: SummarySheetNow,
  manualIds: ReadonlySet<string>,
): { layout: SheetLayout; rows: CellValue[][]; carryFrom: number[]; grades: (Grade | null)[] } {
  const layout = layoutOf(summary, now.extraHeaders);
  const width = layout.header.length;
  const rows: CellValue[][] = [];
  const carryFrom: number[] = [];
  const grades: (Grade | null)[] = [];
  const used = new Set<string>();
  const shownIds = new Set(summary.goals.flatMap((g) => g.indicators.map((i) => i.id)));
  const push = (cells: CellValue[], from = 0, grade: Grade | null = null): void => {
    while (cells.length < width) cells.push('');
    rows.push(cells);
    carryFrom.push(from);
    grades.push(grade);
  };
  const staffCells = (entry: StaffEntry | undefined): CellValue[] => [
    guardFormula(entry?.note.check ?? ''),
    guardFormula(entry?.note.action ?? ''),
    guardFormula(entry?.note.owner ?? ''),
    ...now.extraHeaders.map((h) => {
      const v = entry?.extra.get(h) ?? '';
      return typeof v === 'string' ? guardFormula(v) : v;
    }),
  ];
  for (const goal of summary.goals) {
    push([`基本目標${goal.goal}`, guardFormula(goal.title)]);
    for (const ind of goal.indicators) {
      for (const year of ind.years) {
        const entry = now.entries.get(key(ind.id, year.fy));
        if (entry) used.add(key(ind.id, year.fy));
        push(
          [
            guardFormula(ind.id),
            goal.goal,
            guardFormula(ind.initiative),
            guardFormula(ind.name),
            guardFormula(ind.unit),
            year.label,
            cellValue(year.city, year, ind.method === '手入力', entry?.actual),
            year.target ?? '',
            year.rate ?? '',
            year.grade ? `${year.grade} ${summary.grades.labels[year.grade]}` : '',
            year.previousRatio ?? '',
            ...summary.areas.map((area) => {
              const c = year.areas.find((a) => a.area === area);
              return c ? cellValue(c, year, false, undefined) : '';
            }),
            closingText(year),
            ...staffCells(entry),
          ],
          entry?.row ?? 0,
          year.grade,
        );
      }
    }
  }
  // Notes (and typed manual 実績) whose indicator or 年度 is gone from 指標定義 are kept, not dropped.
  const orphans = [...now.entries.values()].filter(
    (e) =>
      !used.has(key(e.id, e.fy)) &&
      (e.note.check !== '' ||
        e.note.action !== '' ||
        e.note.owner !== '' ||
        [...e.extra.values()].some((v) => v !== '') ||
        (manualIds.has(e.id) && e.actual !== '') ||
        (!shownIds.has(e.id) && e.actual !== '' && e.actual !== '＊')),
  );
  if (orphans.length > 0) {
    push([]);
    push([ORPHAN_HEADING]);
    for (const e of orphans) {
      const cells: CellValue[] = new Array<CellValue>(layout.areaStart).fill('');
      cells[0] = guardFormula(e.id);
      cells[5] = formatFiscalYear(e.fy, summary.startMonth);
      cells[6] = typeof e.actual === 'string' ? guardFormula(e.actual) : e.actual;
      push([...cells, ...summary.areas.map(() => ''), '', ...staffCells(e)], e.row);
    }
  }
  push([]);
  push([`※${summary.footnote.ja}`]);
  for (const note of summary.notes) push([`※${note.ja}`]);
  for (const ind of summary.goals.flatMap((g) => g.indicators))
    for (const note of ind.notes) push([`※${ind.id}: ${note.ja}`]);
  push([`最終更新: ${summary.updatedAt}`]);
  return { layout, rows, carryFrom, grades };
}

function viewOf(summary: Summary, sheet: string, notices: Message[]): SummaryView {
  const indicators = summary.goals.flatMap((g) => g.indicators);
  const fy = latestCompleted(summary);
  const counts = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const ind of indicators) {
    const y = ind.years.find((x) => x.fy === fy);
    if (y?.grade) counts[y.grade]++;
    else counts.none++;
  }
  let suppressed = 0;
  for (const ind of indicators)
    for (const y of ind.years) for (const c of [y.city, ...y.areas]) if (c.suppressed) suppressed++;
  return {
    resultSheet: sheet,
    fy,
    fyLabel: labelOf(indicators, fy),
    years: [...summary.years],
    threshold: summary.threshold,
    indicators: indicators.length,
    grades: counts,
    gradeLabels: { ...summary.grades.labels },
    suppressedCells: suppressed,
    goals: summary.goals.map((g) => ({
      goal: g.goal,
      title: g.title,
      indicators: g.indicators.map((i) => indicatorLine(i, fy)),
    })),
    notices,
    notes: [
      ...summary.notes,
      ...indicators.flatMap((i) => i.notes.map((n) => ({ ja: `${i.id}: ${n.ja}`, en: `${i.id}: ${n.en}` }))),
    ],
    footnote: summary.footnote,
    updatedAt: summary.updatedAt,
    closed: summary.closedYears.map((c) => ({
      fy: c.fy,
      label: formatFiscalYear(c.fy, summary.startMonth),
      closedAt: c.closedAt,
    })),
    closable: summary.years
      .filter((y) => y <= summary.currentFiscalYear && !summary.closedYears.some((c) => c.fy === y))
      .map((y) => ({ fy: y, label: formatFiscalYear(y, summary.startMonth) })),
  };
}

function labelOf(indicators: readonly SummaryIndicator[], fy: number): string {
  return indicators[0]?.years.find((y) => y.fy === fy)?.label ?? `${fy}年度`;
}

function indicatorLine(i: SummaryIndicator, fy: number): SummaryView['goals'][number]['indicators'][number] {
  const y = i.years.find((x) => x.fy === fy);
  const c = y?.city;
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    value: c && !c.suppressed ? c.value : null,
    shown: !c ? '' : c.suppressed ? '＊' : c.value !== null ? String(c.value) : STATE_TEXT[c.state] || '—',
    target: y?.target ?? null,
    rate: y?.rate ?? null,
    grade: y?.grade ?? null,
    drift: y && y.closedAt !== null ? driftMessage(y) : null,
  };
}

/**
 * The 年度 the sidebar shows grades of: the last completed one shown; in the plan's first year
 * (none completed yet) the current one when the summary shows it, else the first it shows.
 */
function latestCompleted(summary: Summary): number {
  const done = summary.years.filter((y) => y < summary.currentFiscalYear);
  if (done.length > 0) return done[done.length - 1] as number;
  return summary.years.includes(summary.currentFiscalYear)
    ? summary.currentFiscalYear
    : (summary.years[0] ?? summary.currentFiscalYear);
}

/**
 * 指標サマリー: under the document lock, builds the summary and rewrites its sheet, all or nothing.
 * Nothing is written while 指標定義 has errors (the error names each row and column).
 */
export function runSummary(ports: AppPorts): SummaryView {
  return ports.lock.run(() => summarizeWhole(ports, planSummary(ports)));
}

/** The summary made and written in one call, from what planSummary decided (under the caller's lock). */
export function summarizeWhole(ports: AppPorts, plan: SummaryPlan): SummaryView {
  const read = readForSummary(ports, plan);
  const summary = summarize(ports, read);
  atomically(ports, SUMMARY_WHAT, (tx) => writeSummarySheet(tx, read, summary));
  return viewOf(summary, read.place.name, noticesOf(read.place));
}

/**
 * The last part of a summary in parts: the summary from the counts staged (read.tallies), written
 * as runSummary writes it, with the run's own last writes (its state and staged rows gone) in the
 * same transaction.
 */
export function summarizeForParts(ports: AppPorts, read: SummaryRead, also: (tx: Transaction) => void): SummaryView {
  const summary = summarize(ports, read);
  atomically(ports, SUMMARY_WHAT, (tx) => {
    writeSummarySheet(tx, read, summary);
    also(tx);
  });
  return viewOf(summary, read.place.name, noticesOf(read.place));
}

function noticesOf(...places: OutputPlace[]): Message[] {
  return places.map(placeNotice).filter((n): n is Message => n !== null);
}

/** Rewrites 指標サマリー (keeping staff's entries per ID and 年度) and colours the grades, in the action's transaction. */
function writeSummarySheet(tx: Transaction, read: SummaryRead, summary: Summary): void {
  const { layout, rows, carryFrom, grades } = summaryRows(summary, read.now, read.manualIds);
  const place = read.place;
  const gradeColumn = SUMMARY_LEAD.indexOf('評価') + 1;
  if (place.adopt) tx.mark(place.name, 'summary');
  tx.output({
    name: place.name,
    kind: 'summary',
    header: layout.header,
    rows,
    hidden: false,
    textColumns: [0, 2, 3, 4, 5, layout.pdcaStart - 1, ...PDCA_HEADER.map((_, i) => layout.pdcaStart + i)],
    checkboxColumns: [],
    carryFrom,
    staffColumns: [
      ...PDCA_HEADER.map((_, i) => layout.pdcaStart + i),
      ...read.now.extraHeaders.map((_, i) => layout.extraStart + i),
    ],
  });
  // Grades coloured; the old sheet is put back whole by the output's own undo.
  const fills = grades.map((g) => [g ? GRADE_FILLS[g] : null]);
  if (fills.length > 0) {
    tx.write(
      place.name,
      { row: 2, column: gradeColumn, rows: fills.length, columns: 1 },
      { backgrounds: fills },
      { backgrounds: fills.map(() => [null]) },
    );
  }
  writeSummaryCharts(tx, read, summary, layout.header.length);
}

/** Where the ids of 指標サマリー's charts are kept (a document property: ids and shapes only, no figures). */
export const CHARTS_KEY = 'tsunagu.summaryCharts';

/** The charts placed before, by key (trend-1 …): each one's id and the shape it was given. */
type StoredCharts = Record<string, { id: number; spec: ChartSpec }>;

function storedCharts(text: string | null): StoredCharts {
  if (text === null) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as StoredCharts) : {};
  } catch {
    return {};
  }
}

/** Rows of the summary sheet between two charts stacked beside the table (a chart is about 18 rows tall). */
const CHART_ROWS = 20;

/**
 * Sheets' own charts on 指標サマリー, updated in place: the data table (suppressed figures only)
 * is rewritten in its hidden sheet, and each chart is found again by the id kept in CHARTS_KEY —
 * reshaped only when what it shows changed (staff may move it), made again when staff removed it,
 * never made twice. All in the action's transaction.
 */
function writeSummaryCharts(tx: Transaction, read: SummaryRead, summary: Summary, tableWidth: number): void {
  const { header, rows, charts } = sheetCharts(summary);
  const dataPlace = read.charts.place;
  const table: CellValue[][] = [header, ...rows].map((row) => row.map(guardCell));
  rewriteHiddenSheet(tx, dataPlace, 'summaryCharts', table, [0]);
  const sheet = read.place.name;
  const present = new Set(tx.workbook.chartIds(sheet));
  const next: StoredCharts = {};
  for (const chart of charts) {
    const spec: ChartSpec = {
      type: chart.type,
      data: { sheet: dataPlace.name, row: chart.row, column: 1, rows: chart.rows, columns: chart.columns },
      anchor: { row: 1 + chart.slot * CHART_ROWS, column: tableWidth + 2 },
      title: chart.title,
      valueTitle: chart.valueTitle,
    };
    const old = read.charts.stored[chart.key];
    if (old && present.has(old.id)) {
      // A data sheet made anew is another sheet: its charts are pointed at it again.
      const same = dataPlace.exists && sameShape(old.spec, spec);
      if (!same) tx.updateChart(sheet, old.id, spec, old.spec);
      next[chart.key] = { id: old.id, spec: same ? old.spec : spec };
    } else {
      next[chart.key] = { id: tx.insertChart(sheet, spec), spec };
    }
  }
  const text = JSON.stringify(next);
  if (text !== JSON.stringify(read.charts.stored)) tx.setProperty(CHARTS_KEY, text);
}

/** What a chart shows is the same (where it is does not count: staff may have moved it). */
function sameShape(a: ChartSpec, b: ChartSpec): boolean {
  return JSON.stringify({ ...a, anchor: null }) === JSON.stringify({ ...b, anchor: null });
}

/** Rewrites the hidden 年度確定 snapshot sheet with these rows (every closed 年度's). */
function writeClosingSheet(tx: Transaction, read: SummaryRead, rows: CellValue[][]): void {
  rewriteHiddenSheet(tx, read.closing.place, 'closing', [[...CLOSING_HEADER], ...rows], [0, 1, 2, 3, 4, 6, 8]);
}

/**
 * A hidden sheet only Tsunagu writes (the charts' table, the 年度確定 snapshot), header row first.
 * Once made, it is rewritten by one write over what it holds — its text columns as text, the rows
 * below the table blanked — a few calls instead of an output sheet's scratch copy (docs/cost.md);
 * made anew (or grown) as an output sheet only when the table no longer fits its grid.
 */
function rewriteHiddenSheet(
  tx: Transaction,
  place: OutputPlace,
  kind: 'summaryCharts' | 'closing',
  table: CellValue[][],
  textColumns: readonly number[],
): void {
  const header = (table[0] ?? []).map(String);
  const size = place.exists ? tx.workbook.sheetSize(place.name) : null;
  if (size && size.rows >= table.length && size.columns >= header.length) {
    const rect = { row: 1, column: 1, rows: Math.max(table.length, size.lastRow), columns: size.columns };
    const previous = tx.workbook.readBlock(place.name, rect, ['values', 'numberFormats']);
    const values = Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.columns }, (_, c) => table[r]?.[c] ?? ''),
    );
    // Automatic reads as '0.###############' and is written back as 'General' (RS-08).
    const formats = (previous.numberFormats ?? []).map((row) =>
      row.map((f) => (f === AUTOMATIC_FORMAT_READ ? 'General' : f)),
    );
    // Text columns as text (an id or a time stamp written into a General cell would be read as a
    // number or a date); the other cells keep their formats.
    const numberFormats = values.map((row, r) =>
      row.map((_, c) => (textColumns.includes(c) ? '@' : (formats[r]?.[c] ?? 'General'))),
    );
    tx.write(place.name, rect, { numberFormats, values }, { numberFormats: formats, values: previous.values ?? [] });
  } else {
    tx.output({
      name: place.name,
      kind,
      header,
      rows: table.slice(1),
      hidden: true,
      textColumns: [...textColumns],
      checkboxColumns: [],
    });
  }
}

function yearLabel(fy: number, startMonth: number): string {
  return formatFiscalYear(fy, startMonth);
}

/** The 年度 is closed already: nothing is written. */
function alreadyClosed(label: string): UserError {
  return new UserError(
    'summary.alreadyClosed',
    `${label}はすでに確定しています。数字を確定し直すときは、先に「確定を取り消す」を実行してください。何も変更されていません。`,
    `${label} is closed already; to close it again, re-open it first. Nothing was changed.`,
  );
}

/** The 年度 is not closed: nothing is written. */
function notClosed(label: string): UserError {
  return new UserError(
    'summary.notClosed',
    `${label}は確定していません。何も変更されていません。`,
    `${label} is not closed. Nothing was changed.`,
  );
}

/** Codes of a 年度確定 / 確定を取り消す refused before anything is written (a run in parts ends on them). */
export const CLOSING_REFUSALS: readonly string[] = ['summary.alreadyClosed', 'summary.notClosed', 'summary.closeYear'];

/**
 * Whether 年度確定 (or 確定を取り消す) of this 年度 can go ahead, from the snapshot sheet alone (one
 * read): checked before a run in parts starts counting, so a refusal comes at once. The last part
 * checks again, with the figures.
 */
export function checkClosing(ports: AppPorts, plan: SummaryPlan, fy: number, reopen: boolean): void {
  const startMonth = plan.settings.fiscalYearStartMonth;
  const closed = readClosing(ports, plan.marked, startMonth).closed;
  const label = yearLabel(fy, startMonth);
  if (reopen && !closed.has(fy)) throw notClosed(label);
  if (reopen) return;
  if (closed.has(fy)) throw alreadyClosed(label);
  if (plan.definitions === null) return;
  // The 年度 the summary shows come from 指標定義's targets alone (else the last five).
  const currentFiscalYear = fiscalYearOf(today(ports), startMonth);
  const { targetYears } = parseIndicatorDefinitions(plan.definitions, { startMonth });
  const years = summaryYears(targetYears, currentFiscalYear);
  if (years.indexOf(fy) < 0 || fy > currentFiscalYear) throw notClosable(label, years, currentFiscalYear, startMonth);
}

/** Only 年度 of the summary up to the current one can be closed: nothing is written. */
function notClosable(
  label: string,
  shown: readonly number[],
  currentFiscalYear: number,
  startMonth: number,
): UserError {
  const years = shown.filter((y) => y <= currentFiscalYear);
  return new UserError(
    'summary.closeYear',
    `${label}は確定できません。確定できるのは指標サマリーの年度のうち今年度までです（${years.map((y) => yearLabel(y, startMonth)).join('・')}）。何も変更されていません。`,
    `${label} cannot be closed: only fiscal years of the summary up to the current one can (${years.join(', ')}). Nothing was changed.`,
  );
}

/**
 * 年度確定 (or 確定を取り消す) in one call, from what planSummary decided (under the caller's lock):
 * a workbook whose sources fit one call (summary-parts.ts closeOrStart).
 */
export function closingWhole(ports: AppPorts, plan: SummaryPlan, fy: number, reopen: boolean): SummaryView {
  return closingWith(ports, readForSummary(ports, plan), fy, reopen);
}

/**
 * 年度確定: freezes the 年度's figures as published now (suppressed) in the hidden snapshot sheet,
 * and rewrites 指標サマリー to show them — both or neither. From then on the summary shows the
 * frozen figures for that 年度 and says where the source rows have changed since.
 * 確定を取り消す (reopen): the 年度's frozen figures are removed; the summary shows the figures
 * counted now again. Made from what the summary read (in one call, or the counts a run in parts
 * staged); `also` adds the caller's last writes (a run's state and staged rows gone) to the same
 * transaction.
 */
export function closingWith(
  ports: AppPorts,
  read: SummaryRead,
  fy: number,
  reopen: boolean,
  also: (tx: Transaction) => void = () => undefined,
): SummaryView {
  const startMonth = read.settings.fiscalYearStartMonth;
  const label = yearLabel(fy, startMonth);
  const next = reopen ? reopened(read, fy, label) : closedNow(ports, read, fy, label);
  const summary = summarizeWith(ports, read, next.closed).summary;
  atomically(ports, next.what, (tx) => {
    writeClosingSheet(tx, read, next.rows);
    writeSummarySheet(tx, read, summary);
    also(tx);
  });
  return viewOf(summary, read.place.name, noticesOf(read.place, ...(reopen ? [] : [read.closing.place])));
}

/** What the snapshot holds after a closing or re-opening: the closed 年度, its rows, and what the write is called. */
interface ClosingChange {
  closed: ClosedYears;
  rows: CellValue[][];
  what: Message;
}

/** 年度確定: the 年度's figures as the summary counts them now, added to the snapshot. */
function closedNow(ports: AppPorts, read: SummaryRead, fy: number, label: string): ClosingChange {
  const startMonth = read.settings.fiscalYearStartMonth;
  if (read.closing.closed.has(fy)) throw alreadyClosed(label);
  const current = summarizeWith(ports, read, read.closing.closed);
  const { years, currentFiscalYear } = current.summary;
  if (years.indexOf(fy) < 0 || fy > currentFiscalYear) throw notClosable(label, years, currentFiscalYear, startMonth);
  const names = new Map(current.summary.goals.flatMap((g) => g.indicators.map((i) => [i.id, i.name] as const)));
  const closedAt = tokyoStamp(ports.clock.now());
  const closed = new Map(read.closing.closed);
  closed.set(fy, {
    fy,
    closedAt,
    indicators: new Map([...current.live].map(([id, years]) => [id, years.get(fy) ?? new Map()] as const)),
  });
  return {
    closed,
    rows: [
      ...rowsWithout(read.closing.values, startMonth, fy),
      ...snapshotRows(current.live, names, fy, label, closedAt),
    ],
    what: { ja: `${label}の年度確定`, en: `closing ${label}` },
  };
}

/** 確定を取り消す: the 年度's rows taken out of the snapshot. */
function reopened(read: SummaryRead, fy: number, label: string): ClosingChange {
  if (!read.closing.closed.has(fy)) throw notClosed(label);
  const closed = new Map(read.closing.closed);
  closed.delete(fy);
  return {
    closed,
    rows: rowsWithout(read.closing.values, read.settings.fiscalYearStartMonth, fy),
    what: { ja: `${label}の確定の取り消し`, en: `re-opening ${label}` },
  };
}

/** The report dialog's size: an A4 page's width at 96 dpi and some, and as tall as Sheets shows comfortably. */
export const REPORT_DIALOG = { width: 900, height: 680 } as const;

/**
 * The leadership report as a print dialog (sidebar, menu): the same report as `--html`, with its A4
 * print CSS and 印刷する button, in a modal dialog over the spreadsheet. Writes nothing.
 */
export function openSummaryReport(ports: AppPorts, fy?: number): { fy: number; title: string } {
  return showReport(ports, getSummaryReport(ports, fy, true), fy);
}

/** The report dialog in one call, from what planSummary decided. */
export function openSummaryReportWith(ports: AppPorts, plan: SummaryPlan, fy?: number): { fy: number; title: string } {
  return showReport(ports, reportOf(ports, readForSummary(ports, plan), fy, true), fy);
}

/**
 * The report dialog of a summary in parts: made from the counts its parts staged (read.tallies).
 * `tidy` (the run's state and staged rows removed) runs once the report is made and before the
 * dialog opens: a tidy that fails opens nothing, and 続ける makes the report again — never twice.
 */
export function openReportOf(
  ports: AppPorts,
  read: SummaryRead,
  fy: number | undefined,
  tidy: () => void,
): { fy: number; title: string } {
  const report = reportOf(ports, read, fy, true);
  tidy();
  return showReport(ports, report, fy);
}

function showReport(ports: AppPorts, report: SummaryReport, fy?: number): { fy: number; title: string } {
  const year = fy ?? report.view.fy;
  const label = year === report.view.fy ? report.view.fyLabel : formatFiscalYear(year);
  const title = `指標サマリー 報告書（${label}）`;
  ports.dialogs.showHtml(title, report.html ?? '', REPORT_DIALOG.width, REPORT_DIALOG.height);
  return { fy: year, title };
}

/**
 * Menu: 指標サマリーの報告書 — the report of the last completed 年度 in a dialog at once when the
 * sources fit in one call; else the sidebar opens at 指標サマリー and its 報告書を開く counts them in
 * parts (one call would take about 2 minutes on a large council's workbook: docs/cost.md). A
 * refusal (指標定義 with errors) as an alert.
 */
export function menuSummaryReport(ports: AppPorts): void {
  try {
    const plan = planSummary(ports);
    if (summaryNeedsParts(plan)) {
      openSidebarToRun(ports, 'summary');
      return;
    }
    openSummaryReportWith(ports, plan);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ports.dialogs.alert('指標サマリーの報告書', `${error.ja}\n\n${error.en}`);
  }
}

/**
 * The summary without writing anything: its --json shape (only the 年度 asked for), and the
 * leadership report when asked — with the PDCA notes staff keep in 指標サマリー.
 */
export function getSummaryReport(ports: AppPorts, fy?: number, html?: boolean): SummaryReport {
  return reportOf(ports, readForSummary(ports), fy, html);
}

function reportOf(ports: AppPorts, read: SummaryRead, fy?: number, html?: boolean): SummaryReport {
  const summary = summarize(ports, read);
  if (fy !== undefined && summary.years.indexOf(fy) < 0) {
    throw new UserError(
      'summary.year',
      `${fy}年度は指標サマリーの年度（${summary.years.join('・')}）にありません。`,
      `${fy} is not a fiscal year of the summary (${summary.years.join(', ')}).`,
    );
  }
  const sheet = read.place.exists ? read.place.name : OUTPUT_NAMES.summary;
  return {
    json: summaryJson(summary, fy !== undefined ? [fy] : undefined),
    view: viewOf(summary, sheet, []),
    html: html ? reportHtml(summary, { ...(fy !== undefined ? { fy } : {}), notes: pdcaNotes(read.now) }) : null,
  };
}
