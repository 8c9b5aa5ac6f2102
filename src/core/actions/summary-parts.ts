/**
 * 指標サマリー in parts: a workbook whose sources hold more cells than one Apps Script call should
 * read (docs/cost.md) is counted part by part as the sidebar asks for each. A part reads a slice
 * of rows of a source sheet (or several small ones) — only the columns the indicators name, as
 * the one-call summary reads them — and counts it: per indicator, 年度 and 圏域 as written the
 * counts, sums and bases (SourceTally), each person's first row per 年度 for 人数, the rows that
 * could not be dated or read. Those counts go into Tsunagu's hidden work sheet (指標サマリー作業;
 * never into properties: a person's id is in them), with what the slice leaves for the next slice
 * of its sheet (the running sums that tell a row of sums). The last part adds them up, suppresses,
 * grades and writes 指標サマリー and its charts in one transaction, exactly as the one-call summary
 * does (the counts are the same: test/core/actions/summary-parts.test.ts) — or, for 年度確定 and
 * 確定を取り消す, writes the snapshot sheet with it, or opens the report (RunFinish). No staff sheet and no
 * output sheet but the hidden work sheet changes before the last part, so 中止 takes nothing back.
 * The run's state (in a document property) holds sheet names, sizes, header rows, column
 * positions and where the staged rows are — never cell contents.
 */
import { UserError } from '../errors';
import { tallySources, type SourceTally } from '../indicators/aggregate';
import { parseIndicatorDefinitions, type DefinitionSheet } from '../indicators/definitions';
import { SourceView, sourceDataOf, type SourceKind, type WorkbookSheet } from '../indicators/sources';
import { summaryYears } from '../indicators/summary';
import { placeNotice, placeOutput } from '../output-sheets';
import type { CellValue } from '../ports';
import { settingsFrom } from '../setup/settings-source';
import { identityColumns, type SheetRows } from '../sheets/row-kinds';
import type { ColumnMapping } from '../sheets/mapping';
import { fiscalYearOf, formatFiscalYear, parseDate } from '../text/date';
import { atomically, type Transaction } from '../transaction';
import type { Message, SummaryProgress, SummaryView } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { writeFailed } from './validate-run';
import { newSliceCarry, readSourceSlice, type SliceCarry } from './summary-read';
import {
  CLOSING_REFUSALS,
  checkClosing,
  closingWhole,
  closingWith,
  openReportOf,
  openSummaryReportWith,
  outputsOf,
  planSummary,
  summarizeForParts,
  summarizeWhole,
  surveySheet,
  type SourceToRead,
  type SummaryPlan,
  type SummaryRead,
} from './summary';
import { today as todayOf } from './workbook-input';

/** Document property: where a 指標サマリー in parts stands. */
export const SUMMARY_RUN_KEY = 'tsunagu.summaryRun';
/**
 * Cells of the named columns one part reads at most (their display texts, where a cell is a
 * number or a date, come on top): with the part's calls about 15–20 s at the cost model's high
 * figures, under the 30-second budget (docs/cost.md).
 */
export const SUMMARY_PART_CELLS = 80_000;
const WORK_HEADER = ['種類', 'データ'];
/** What a row of the work sheet holds: a slice's counts, or what it leaves for the next slice of its sheet. */
const STAGED = { tally: 't', carry: 'c' } as const;
/** The most characters one staged cell holds: below Sheets' 50,000 a cell (real-sheets-checklist RS-62). */
const STAGED_CELL_CHARS = 40_000;

interface Rows {
  first: number;
  count: number;
}

/** One slice of a source sheet: 1-based rows first … last (last < first: the sheet has no rows below its header). */
interface Slice {
  source: number;
  first: number;
  last: number;
}

/** A part: slices counted together (small sheets share a part), or the survey answers read whole. */
type PartWork = { type: 'slices'; slices: Slice[] } | { type: 'survey' };

interface RunState {
  id: string;
  /** Today as the run started (YYYY-MM-DD, Asia/Tokyo): the 年度 are counted as of then. */
  today: string;
  workSheet: string;
  /** Of 設定 and 指標定義 as the run started: a run whose definitions changed stops. */
  fingerprint: string;
  settingsSheet: { name: string; mapping: ColumnMapping } | null;
  definitions: { name: string; mapping: ColumnMapping } | null;
  sources: SourceToRead[];
  survey: { name: string; header: unknown[] } | null;
  parts: PartWork[];
  /** Parts done. */
  done: number;
  workRows: number;
  /** Work-sheet rows of each slice's counts. */
  tallies: Rows[];
  /** Work-sheet rows of what the last slice of a sheet left for its next slice, by source index. */
  carries: Record<string, Rows>;
  /** Data rows of each source counted so far (人数 orders rows without a date by them). */
  offsets: Partial<Record<SourceKind, number>>;
  /** What the last part does instead of only writing 指標サマリー (absent: only that). */
  finish?: RunFinish;
}

/**
 * What the last part of a run does with the counts: 報告書を開く opens the report dialog (of this
 * 年度; null: the last completed) and writes nothing; 年度確定 / 確定を取り消す write the snapshot
 * sheet with 指標サマリー, as they do in one call.
 */
export type RunFinish = { type: 'report'; fy: number | null } | { type: 'close' | 'reopen'; fy: number; label: string };

/** What the last part does, as the progress says it. */
function endingOf(finish: RunFinish | undefined): Message {
  switch (finish?.type) {
    case 'report':
      return { ja: '報告書を開きます', en: 'opens the report' };
    case 'close':
      return {
        ja: `${finish.label}を確定して指標サマリーを書きます`,
        en: `closes ${finish.label} and writes the summary`,
      };
    case 'reopen':
      return {
        ja: `${finish.label}の確定を取り消して指標サマリーを書きます`,
        en: `re-opens ${finish.label} and writes the summary`,
      };
    default:
      return { ja: '指標サマリーを書きます', en: 'writes the summary' };
  }
}

/** What 中止 stopped, and that nothing was changed. */
function stoppedOf(finish: RunFinish | undefined): Message {
  switch (finish?.type) {
    case 'report':
      return {
        ja: '報告書の集計を中止しました。何も変更していません。',
        en: 'Counting for the report was stopped. Nothing was changed.',
      };
    case 'close':
      return {
        ja: `${finish.label}の確定を中止しました。何も変更していません。`,
        en: `Closing ${finish.label} was stopped. Nothing was changed.`,
      };
    case 'reopen':
      return {
        ja: `${finish.label}の確定の取り消しを中止しました。何も変更していません。`,
        en: `Re-opening ${finish.label} was stopped. Nothing was changed.`,
      };
    default:
      return {
        ja: '指標サマリーの更新を中止しました。指標サマリーのシートは変えていません。',
        en: 'The summary update was stopped. The summary sheet was not changed.',
      };
  }
}

function loadState(ports: AppPorts): RunState | null {
  const text = ports.store.get(SUMMARY_RUN_KEY);
  if (text === null) return null;
  try {
    return JSON.parse(text) as RunState;
  } catch {
    return null;
  }
}

function stateOf(ports: AppPorts, runId: string): RunState {
  const state = loadState(ports);
  if (!state || state.id !== runId) {
    throw new UserError(
      'summary.runGone',
      'この指標サマリーの更新は終わったか、中止されたか、別の更新に置き換えられました。もう一度「指標サマリーを更新」してください。',
      'This summary update has finished, was stopped, or another one replaced it. Please update the summary again.',
    );
  }
  return state;
}

function changedDuringRun(what: string): UserError {
  return new UserError(
    'summary.changedDuringRun',
    `指標サマリーの更新の途中で「${what}」が変わったため、更新を中止しました。もう一度「指標サマリーを更新」してください。指標サマリーのシートは変えていません。`,
    `「${what}」 changed while the summary was being updated, so the update was stopped. Please run it again; the summary sheet was not changed.`,
  );
}

/** The run under way, if any, as the scheduled refresh weighs it: its id, start, kind and progress (no contents). */
export function summaryRunUnderWay(
  ports: AppPorts,
): { id: string; startedAt: Date | null; report: boolean; done: number; total: number } | null {
  const state = loadState(ports);
  if (!state || typeof state.id !== 'string' || !Array.isArray(state.parts)) return null;
  const m = /^S(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d{3})$/.exec(state.id);
  const n = (i: number): number => Number(m?.[i]);
  const startedAt = m ? new Date(Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), n(7))) : null;
  return {
    id: state.id,
    startedAt,
    report: state.finish?.type === 'report',
    done: state.done,
    total: state.parts.length + 1,
  };
}

/** FNV-1a of a text, in hex: tells whether 設定 and 指標定義 are as they were (no content kept). */
function fingerprintOf(values: readonly unknown[]): string {
  const text = JSON.stringify(values);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(16)}-${h.toString(16)}`;
}

function newRunId(ports: AppPorts): string {
  return `S${ports.clock
    .now()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)}`;
}

/** The parts of a run: each source sheet in slices of about SUMMARY_PART_CELLS cells, small ones sharing a part. */
export function planParts(sources: readonly SourceToRead[], survey: boolean, budget = SUMMARY_PART_CELLS): PartWork[] {
  const parts: PartWork[] = [];
  let current: Slice[] = [];
  let cells = 0;
  const flush = (): void => {
    if (current.length > 0) parts.push({ type: 'slices', slices: current });
    current = [];
    cells = 0;
  };
  sources.forEach((s, index) => {
    const width = readWidth(s);
    const top = s.mapping.headerRow + 1;
    const rows = Math.max(0, s.lastRow - s.mapping.headerRow);
    const per = Math.max(1, Math.floor(budget / width));
    if (rows === 0) {
      current.push({ source: index, first: top, last: top - 1 });
      return;
    }
    for (let first = top; first <= s.lastRow;) {
      const rest = s.lastRow - first + 1;
      // A sheet shares a part only with the whole of what is left of it; else it starts one of its own.
      if (cells > 0 && cells + rest * width > budget) flush();
      const take = Math.min(rest, per);
      current.push({ source: index, first, last: first + take - 1 });
      cells += take * width;
      first += take;
      if (cells >= budget || first <= s.lastRow) flush();
    }
  });
  flush();
  if (survey) parts.push({ type: 'survey' });
  return parts;
}

/** Columns a slice of the sheet reads: the named ones and those that tell data from totals. */
function readWidth(s: SourceToRead): number {
  return new Set([...(s.columns ?? []), ...(identityColumns(s.mapping) ?? [])]).size || 1;
}

/** Cells the summary's sources take to read (the named columns of every row). */
export function sourceCells(plan: SummaryPlan): number {
  return plan.sources.reduce((n, s) => n + Math.max(0, s.lastRow - s.mapping.headerRow) * readWidth(s), 0);
}

/** A view of a run that has not finished: where it stands (the sidebar shows progress). */
function progressView(state: RunState, threshold: number, notices: Message[]): SummaryView {
  const done = state.done;
  const total = state.parts.length + 1;
  const end = endingOf(state.finish);
  const running: SummaryProgress = {
    runId: state.id,
    done,
    total,
    message: {
      ja: `集計中です（${done} / ${total}）。大きなブックは何回かに分けて集計し、最後に${end.ja}。`,
      en: `Counting (${done} of ${total}). A large workbook is counted in several parts; the last ${end.en}.`,
    },
  };
  return {
    resultSheet: '',
    fy: 0,
    fyLabel: '',
    years: [],
    threshold,
    indicators: 0,
    grades: { A: 0, B: 0, C: 0, D: 0, none: 0 },
    gradeLabels: { A: '', B: '', C: '', D: '' },
    suppressedCells: 0,
    goals: [],
    notices,
    notes: [],
    footnote: { ja: '', en: '' },
    updatedAt: '',
    closed: [],
    closable: [],
    running,
  };
}

/** Whether the summary's sources need more than one part (else one call makes it, and the report). */
export function summaryNeedsParts(plan: SummaryPlan, budget = SUMMARY_PART_CELLS): boolean {
  // Sheets read whole (a header below the first rows) are read as one call reads them.
  if (!plan.known || plan.definitions === null || plan.sources.some((s) => s.columns === null)) return false;
  return sourceCells(plan) > budget && planParts(plan.sources, plan.survey !== null, budget).length > 1;
}

/**
 * Starts 指標サマリー in parts when its sources need more than one part; null when they fit in one
 * call (then the summary is made at once). A run still under way is replaced.
 */
export function startSummaryRun(
  ports: AppPorts,
  plan: SummaryPlan,
  budget = SUMMARY_PART_CELLS,
  finish?: RunFinish,
): SummaryView | null {
  if (!summaryNeedsParts(plan, budget) || plan.definitions === null) return null;
  const parts = planParts(plan.sources, plan.survey !== null, budget);
  const work = placeOutput(ports.workbook, 'summaryWork', WORK_HEADER, plan.marked);
  const surveyHeader = plan.survey !== null ? (ports.workbook.readRows(plan.survey, 1, 1)[0] ?? []) : null;
  const definitions = plan.definitions;
  const state: RunState = {
    id: newRunId(ports),
    today: todayOf(ports).toString(),
    workSheet: work.name,
    fingerprint: fingerprintOf([settingsValues(ports, plan.settingsSheet?.name ?? null), definitions.values]),
    settingsSheet: plan.settingsSheet,
    definitions: { name: definitions.name, mapping: definitions.mapping },
    sources: plan.sources,
    survey: plan.survey !== null ? { name: plan.survey, header: [...(surveyHeader ?? [])] } : null,
    parts,
    done: 0,
    workRows: 0,
    tallies: [],
    carries: {},
    offsets: {},
    ...(finish ? { finish } : {}),
  };
  atomically(ports, { ja: '指標サマリーの更新の準備', en: 'starting the summary update' }, (tx) => {
    tx.output({
      name: work.name,
      kind: 'summaryWork',
      header: WORK_HEADER,
      rows: [],
      hidden: true,
      textColumns: [0, 1],
      checkboxColumns: [],
    });
    tx.setProperty(SUMMARY_RUN_KEY, JSON.stringify(state));
  });
  const notice = placeNotice(work);
  return progressView(state, plan.settings.suppressionThreshold, notice ? [notice] : []);
}

function settingsValues(ports: AppPorts, sheet: string | null): CellValue[][] | null {
  return sheet !== null ? (ports.workbook.read(sheet)?.values ?? null) : null;
}

/** 設定 and 指標定義 as they stand, checked against the run's start. */
function readInputs(
  ports: AppPorts,
  state: RunState,
): { settings: ReturnType<typeof settingsFrom>; definitions: DefinitionSheet } {
  const settingsData = settingsValues(ports, state.settingsSheet?.name ?? null);
  const data = state.definitions ? ports.workbook.read(state.definitions.name) : null;
  if (!state.definitions || !data) throw stopped(ports, changedDuringRun('指標定義'));
  if (fingerprintOf([settingsData, data.values]) !== state.fingerprint)
    throw stopped(ports, changedDuringRun('設定・指標定義'));
  return {
    settings: settingsFrom(settingsData, state.settingsSheet?.mapping),
    definitions: {
      name: state.definitions.name,
      values: data.values,
      display: data.display,
      mapping: state.definitions.mapping,
    },
  };
}

/** The run stops (its state forgotten) and the error is what staff read. */
function stopped(ports: AppPorts, error: UserError): UserError {
  ports.store.remove(SUMMARY_RUN_KEY);
  return error;
}

const NO_ROWS: SheetRows = { data: [], setAside: [], blank: 0, undecided: [] };

/** A source sheet with its header row only (the slices of other sheets are counted in their parts). */
function headerSheet(s: SourceToRead): WorkbookSheet {
  const values: unknown[][] = Array.from({ length: s.mapping.headerRow }, () => []);
  values[s.mapping.headerRow - 1] = [...(s.header ?? [])];
  return { name: s.name, kind: s.kind, mapping: s.mapping, values, rows: NO_ROWS };
}

/** Every source sheet by its header, and the survey answers' header: what 指標定義 is read against. */
function headerSheets(state: RunState): WorkbookSheet[] {
  const out = state.sources.map(headerSheet);
  if (state.survey)
    out.push(
      surveySheet(state.survey.name, {
        name: state.survey.name,
        values: [state.survey.header as CellValue[]],
        display: [],
      }),
    );
  return out;
}

/** 指標定義 read against the sources' header rows, with the 年度 the summary shows. */
function definitionsOf(
  definitions: DefinitionSheet,
  settings: ReturnType<typeof settingsFrom>,
  sheets: readonly WorkbookSheet[],
  currentFiscalYear: number,
): { parsed: ReturnType<typeof parseIndicatorDefinitions>; years: number[] } {
  const views: Partial<Record<SourceKind, SourceView>> = {};
  for (const data of sourceDataOf(sheets)) views[data.source.kind] = new SourceView(data, settings);
  const parsed = parseIndicatorDefinitions(definitions, { startMonth: settings.fiscalYearStartMonth, views });
  return { parsed, years: summaryYears(parsed.targetYears, currentFiscalYear) };
}

function todayOfRun(state: RunState): ReturnType<typeof todayOf> {
  const parsed = parseDate(state.today);
  if (!parsed.ok) throw new Error('the run has no start date');
  return parsed.date;
}

/** The next part of a run: its slices counted and staged; the summary written with the last. */
export function continueSummaryRun(ports: AppPorts, runId: string): SummaryView {
  return ports.lock.run(() => {
    const state = stateOf(ports, runId);
    if (state.done >= state.parts.length) return finishRun(ports, state);
    const work = state.parts[state.done] as PartWork;
    try {
      // A part's counts and the run's state go together: a part that fails leaves both as they were.
      atomically(ports, { ja: '指標サマリーのこの部分', en: 'this part of the summary' }, (tx) => {
        runPart(ports, tx, state, work);
        state.done += 1;
        tx.setProperty(SUMMARY_RUN_KEY, JSON.stringify(state));
      });
    } catch (error) {
      if (error instanceof UserError && error.code === 'summary.changedDuringRun') ports.store.remove(SUMMARY_RUN_KEY);
      throw writeFailed(
        error,
        'この部分の集計を保存できませんでした。「続ける」でこの部分からやり直せます',
        'This part of the summary could not be saved; “Continue” runs it again',
      );
    }
    return progressView(state, 0, []);
  });
}

/** 中止: forgets the run and its staged counts. 指標サマリー has not changed, so nothing is taken back. */
export function cancelSummaryRun(ports: AppPorts, runId: string): { cancelled: boolean; message: Message } {
  return ports.lock.run(() => {
    const state = stateOf(ports, runId);
    atomically(ports, { ja: '指標サマリーの更新の中止', en: 'stopping the summary update' }, (tx) => {
      tx.removeProperty(SUMMARY_RUN_KEY);
      clearStaged(ports, tx, state);
    });
    return { cancelled: true, message: stoppedOf(state.finish) };
  });
}

/** The staged rows go (as the transaction's last write: a row deletion moves no cell contents). */
function clearStaged(ports: AppPorts, tx: Transaction, state: RunState): void {
  if (state.workRows <= 0) return;
  const size = ports.workbook.sheetSize(state.workSheet);
  if (!size || size.lastRow < 2) return;
  tx.lastly(() => ports.workbook.deleteRows(state.workSheet, 2, size.lastRow - 1));
}

/** One part: each slice read, classified from where its sheet's slice before left off, counted and staged. */
function runPart(ports: AppPorts, tx: Transaction, state: RunState, work: PartWork): void {
  const { settings, definitions } = readInputs(ports, state);
  const day = todayOfRun(state);
  const startMonth = settings.fiscalYearStartMonth;
  const currentFiscalYear = fiscalYearOf(day, startMonth);
  const headers = headerSheets(state);
  const { parsed, years } = definitionsOf(definitions, settings, headers, currentFiscalYear);
  const count = (sheets: WorkbookSheet[], kind: SourceKind | null): SourceTally[] => {
    const views: Partial<Record<SourceKind, SourceView>> = {};
    for (const data of sourceDataOf(sheets)) views[data.source.kind] = new SourceView(data, settings);
    return tallySources({
      definitions: parsed.definitions,
      views,
      years,
      startMonth,
      currentFiscalYear,
      offsets: kind ? { [kind]: state.offsets[kind] ?? 0 } : {},
    });
  };
  const staged: CellValue[][] = [];
  if (work.type === 'survey') {
    const survey = state.survey as NonNullable<RunState['survey']>;
    const data = ports.workbook.read(survey.name);
    const sheets = data ? [surveySheet(survey.name, data)] : [];
    for (const t of count(sheets, null)) staged.push(...chunked(STAGED.tally, JSON.stringify(t)));
    stageTallies(tx, state, staged);
    return;
  }
  const carries: Record<string, CellValue[][]> = {};
  for (const slice of work.slices) {
    const source = state.sources[slice.source] as SourceToRead;
    let rows: SheetRows = NO_ROWS;
    let values: unknown[][] = headerSheet(source).values as unknown[][];
    let display: string[][] | undefined;
    if (slice.last >= slice.first) {
      const carry =
        slice.first === source.mapping.headerRow + 1 ? newSliceCarry() : readCarry(ports, state, slice.source);
      const got = readSourceSlice(ports.workbook, source.name, source.mapping, source.columns ?? [], slice, carry);
      // Rows added or removed since the run started would put rows into two slices or none.
      if (!got || got.lastRow !== source.lastRow) throw changedDuringRun(source.name);
      got.data.values[source.mapping.headerRow - 1] = [...(source.header ?? [])] as CellValue[];
      values = got.data.values;
      display = got.data.display;
      rows = got.rows;
      // What this slice leaves goes on to the next slice of its sheet (the last one keeps nothing).
      const more = state.parts
        .slice(state.done + 1)
        .some((p) => p.type === 'slices' && p.slices.some((s) => s.source === slice.source));
      if (more) carries[String(slice.source)] = chunked(STAGED.carry, JSON.stringify(carry));
    }
    // The source's other sheets by their header only: columns are found as the whole source finds them.
    const sheets: WorkbookSheet[] = state.sources
      .filter((s) => s.kind === source.kind)
      .map((s) =>
        s === source
          ? { name: s.name, kind: s.kind, mapping: s.mapping, values, rows, ...(display ? { display } : {}) }
          : headerSheet(s),
      );
    const kind = sourceDataOf(sheets)[0]?.source.kind ?? null;
    for (const t of count(sheets, kind)) {
      staged.push(...chunked(STAGED.tally, JSON.stringify(t)));
      state.offsets[t.kind] = (state.offsets[t.kind] ?? 0) + t.rows;
    }
  }
  stageTallies(tx, state, staged);
  for (const [source, rows] of Object.entries(carries)) state.carries[source] = stage(tx, state, rows);
}

/** A JSON text in rows of at most STAGED_CELL_CHARS characters, each marked with its kind; a text's last row ends in "." */
function chunked(kind: string, text: string): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < text.length; i += STAGED_CELL_CHARS) rows.push([kind, text.slice(i, i + STAGED_CELL_CHARS)]);
  if (rows.length === 0) rows.push([kind, '']);
  (rows[rows.length - 1] as CellValue[])[0] = `${kind}.`;
  return rows;
}

/** The JSON texts of staged rows, put back together. */
function unchunked(rows: readonly (readonly CellValue[])[]): string[] {
  const out: string[] = [];
  let text = '';
  for (const row of rows) {
    const kind = String(row[0] ?? '');
    text += String(row[1] ?? '');
    if (kind.endsWith('.')) {
      out.push(text);
      text = '';
    }
  }
  return out;
}

/** Writes rows below the work sheet's last ones, in the part's transaction; returns where they went. */
function stage(tx: Transaction, state: RunState, rows: CellValue[][]): Rows {
  const first = state.workRows + 2;
  if (rows.length > 0) {
    const width = 2;
    tx.add({
      undo: () =>
        // Blank again and Automatic (General sets Automatic: real-sheets-checklist RS-08).
        tx.workbook.writeBlock(
          state.workSheet,
          { row: first, column: 1, rows: rows.length, columns: width },
          { numberFormats: rows.map(() => ['General', 'General']), values: rows.map(() => ['', '']) },
        ),
      dispose: () => undefined,
    });
    tx.workbook.writeOutputRows(state.workSheet, first, rows, [0, 1]);
  }
  state.workRows += rows.length;
  return { first, count: rows.length };
}

function stageTallies(tx: Transaction, state: RunState, rows: CellValue[][]): void {
  state.tallies.push(stage(tx, state, rows));
}

function readStaged(ports: AppPorts, state: RunState, spans: readonly Rows[]): string[] {
  const live = spans.filter((s) => s.count > 0);
  if (live.length === 0) return [];
  const data = ports.workbook.read(state.workSheet, [0, 1], live);
  if (!data) throw stopped(ports, changedDuringRun(state.workSheet));
  const rows: CellValue[][] = [];
  for (const span of live)
    for (let r = span.first - 1; r < span.first - 1 + span.count; r++) rows.push((data.values[r] ?? []) as CellValue[]);
  return unchunked(rows);
}

function readCarry(ports: AppPorts, state: RunState, source: number): SliceCarry {
  const where = state.carries[String(source)];
  const text = where ? readStaged(ports, state, [where])[0] : undefined;
  if (text === undefined) throw stopped(ports, changedDuringRun(state.workSheet));
  return JSON.parse(text) as SliceCarry;
}

/**
 * The last part: the staged counts added up, suppressed, graded, and 指標サマリー written with its
 * charts in one transaction — as the summary made in one call writes it. The staged rows go.
 */
function finishRun(ports: AppPorts, state: RunState): SummaryView {
  const { settings, definitions } = readInputs(ports, state);
  const tallies = readStaged(ports, state, state.tallies).map((t) => JSON.parse(t) as SourceTally);
  const day = todayOfRun(state);
  const { parsed } = definitionsOf(
    definitions,
    settings,
    headerSheets(state),
    fiscalYearOf(day, settings.fiscalYearStartMonth),
  );
  const plan: SummaryPlan = {
    marked: ports.workbook.markedSheets(),
    settings,
    settingsSheet: state.settingsSheet,
    definitions,
    manualIds: new Set(parsed.definitions.filter((d) => d.source === null).map((d) => d.id)),
    known: true,
    sources: state.sources,
    survey: state.survey?.name ?? null,
  };
  const read: SummaryRead = {
    ...outputsOf(ports, plan),
    sheets: headerSheets(state),
    tallies,
    today: day,
  };
  // The run's state and staged rows go with the last part's writes, in its transaction.
  const tidy = (tx: Transaction): void => {
    tx.removeProperty(SUMMARY_RUN_KEY);
    clearStaged(ports, tx, state);
  };
  const finish = state.finish;
  try {
    if (finish?.type === 'report') return reportRun(ports, state, read, finish.fy);
    if (finish?.type === 'close' || finish?.type === 'reopen')
      return closingWith(ports, read, finish.fy, finish.type === 'reopen', tidy);
    return summarizeForParts(ports, read, tidy);
  } catch (error) {
    // 指標定義 with errors, or a 年度 closed (or re-opened) by someone else meanwhile: the run ends
    // (nothing was written); a failed write leaves it to run again.
    if (
      error instanceof UserError &&
      (error.code === 'summary.definitions' || error.code === 'summary.year' || CLOSING_REFUSALS.includes(error.code))
    )
      ports.store.remove(SUMMARY_RUN_KEY);
    throw error;
  }
}

/**
 * The last part of 報告書を開く in parts: the report dialog from the counts the parts staged (what
 * the one-call report shows); the run and its staged rows go, 指標サマリー is not written.
 */
function reportRun(ports: AppPorts, state: RunState, read: SummaryRead, fy: number | null): SummaryView {
  const opened = openReportOf(ports, read, fy ?? undefined, () =>
    atomically(ports, { ja: '報告書の集計の片付け', en: 'tidying the report’s counts' }, (tx) => {
      tx.removeProperty(SUMMARY_RUN_KEY);
      clearStaged(ports, tx, state);
    }),
  );
  return {
    ...progressView({ ...state, done: state.parts.length + 1 }, read.settings.suppressionThreshold, []),
    running: null,
    fy: opened.fy,
    fyLabel: opened.title,
  };
}

/**
 * 報告書を開く (the sidebar's RPC): the report dialog at once when the sources fit in one call,
 * else the start of a run in parts whose last part opens it.
 */
export function openReportOrStart(
  ports: AppPorts,
  fy: number | null,
): { fy: number; title: string; running: SummaryProgress | null } {
  return ports.lock.run(() => {
    const plan = planSummary(ports);
    const started = startSummaryRun(ports, plan, SUMMARY_PART_CELLS, { type: 'report', fy });
    if (started?.running) return { fy: fy ?? 0, title: '', running: started.running };
    return { ...openSummaryReportWith(ports, plan, fy ?? undefined), running: null };
  });
}

/**
 * 指標サマリーを更新 (the sidebar's RPC): at once when the sources fit in one call, else the start
 * of a run in parts (the view says how far it is; continueSummary runs each part).
 */
export function runSummaryOrStart(ports: AppPorts): SummaryView {
  return ports.lock.run(() => {
    const plan = planSummary(ports);
    return startSummaryRun(ports, plan) ?? summarizeWhole(ports, plan);
  });
}

/**
 * 年度確定 / 確定を取り消す (the sidebar's RPCs): refused at once when the 年度 is closed already
 * (or not closed); at once when the sources fit in one call; else the start of a run in parts whose
 * last part closes (or re-opens) the 年度 and writes 指標サマリー, both or neither.
 */
export function closeOrStart(ports: AppPorts, fy: number, reopen: boolean, budget = SUMMARY_PART_CELLS): SummaryView {
  return ports.lock.run(() => {
    const plan = planSummary(ports);
    checkClosing(ports, plan, fy, reopen);
    const label = formatFiscalYear(fy, plan.settings.fiscalYearStartMonth);
    const started = startSummaryRun(ports, plan, budget, { type: reopen ? 'reopen' : 'close', fy, label });
    return started ?? closingWhole(ports, plan, fy, reopen);
  });
}
