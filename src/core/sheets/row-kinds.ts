/**
 * Defines classifyRows: which rows below a header are data and which are staff's totals, notes and
 * markers (計, 合計, 小計, 総計, 「計 25名」, ※ notes, 以下余白, a row that only sums the column) —
 * the one classification every reader shares, so such rows are never validated, matched, counted
 * or written into.
 */
import { normalizeText } from '../text/normalize';
import type { ColumnMapping } from './mapping';
import { columnSpecOf } from './specs';
import type { ColumnType, SheetKind } from './types';

/** Column types whose numbers a total row adds up (not dates, ids, years or phone numbers). */
const SUMMABLE: ReadonlySet<ColumnType> = new Set<ColumnType>(['amount', 'integer', 'number', 'time']);

/** Why a row is not data. */
export type SetAsideReason =
  /** A row labelled as a total: 計, 合計, 小計, 総計, 累計, 「計 25名」, 「北支部 小計」. */
  | 'total'
  /** Numbers only, each the sum of the column above (what =SUM(…) leaves without a label). */
  | 'sum'
  /** Numbers only, computed by an aggregate formula (=SUM, =SUBTOTAL, =COUNTA …). */
  | 'formula'
  /** A note written into the table: ※…, 注…, ＊…. */
  | 'note'
  /** 以下余白 / 以下空白 / 以上: the end of the entries. */
  | 'endMarker'
  /** A section heading between groups of rows: 【北支部】, ■ 南部. */
  | 'heading';

export interface SetAsideRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly reason: SetAsideReason;
  /** What gave it away, as written: 「計 25名」, 「※退会者は別シート」, or the header of the summed column. */
  readonly text: string;
  /** Why, for staff: 「合計の行（計 25名）」. */
  readonly message: { readonly ja: string; readonly en: string };
}

/** How the rows of one sheet below its header are read. */
export interface SheetRows {
  /** 0-based indices into the values given of the data rows, top to bottom. */
  readonly data: readonly number[];
  /** Rows that are not data, top to bottom. */
  readonly setAside: readonly SetAsideRow[];
  /** Rows with nothing in any cell. */
  readonly blank: number;
  /**
   * 1-based rows holding only numbers in summable columns (no id, no name, no text, no date) that
   * no sum explains: their formulas decide whether they are totals. Read them and classify again
   * with `formulas`.
   */
  readonly undecided: readonly number[];
}

export interface ClassifyOptions {
  /** Sheet row number of values[0]; 1 when values come from getDataRange() starting at A1. */
  readonly firstRow?: number;
  /** Formulas ('' where none) of undecided rows, by 1-based sheet row. */
  readonly formulas?: ReadonlyMap<number, readonly string[]>;
  /**
   * A sheet classified in slices (a summary in parts): the running sums and counts of the rows
   * above the slice, which classifyRows starts from and leaves as they stand after its rows. The
   * values then hold only the slice's rows (those above it as empty lists).
   */
  readonly carry?: RowCarry;
}

/** What classifying the rows above leaves for the rows below (JSON-safe: sums by 0-based column). */
export interface RowCarry {
  segment: Record<string, number>;
  grand: Record<string, number>;
  subtotals: Record<string, number>;
  dataSinceTotal: number;
  /** Data rows above. */
  data: number;
  /** Totals and sum rows above. */
  totals: number;
}

/** A carry for the first slice of a sheet. */
export function newRowCarry(): RowCarry {
  return { segment: {}, grand: {}, subtotals: {}, dataSinceTotal: 0, data: 0, totals: 0 };
}

const mapOf = (o: Record<string, number>): Map<number, number> =>
  new Map(Object.entries(o).map(([k, v]) => [Number(k), v] as const));
const recordOf = (m: ReadonlyMap<number, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of m) out[String(k)] = v;
  return out;
};

/**
 * The columns that say whose row it is. A row whose identity cells are blank (or hold only the
 * label itself) can be a total or a note; a row with an id or a name is always data, whatever its
 * 備考 says.
 */
const IDENTITY: Readonly<Record<SheetKind, readonly string[] | null>> = {
  volunteers: ['volunteerId', 'name', 'furigana'],
  volunteerFormAnswers: ['timestamp', 'name'],
  requests: ['requestId', 'requester'],
  donations: ['receiptNo', 'donorId', 'donorName'],
  memberships: ['memberId', 'name'],
  activities: ['date', 'volunteerId', 'requestId'],
  consultations: ['receivedOn'],
  // Tsunagu's own tables: every row with anything in it is data …
  settings: null,
  // … but for notes (NOTES_ONLY): a 指標定義 row whose first cell is a ※ note, as the indicator reader
  // skips it (isNoteText) …
  indicators: [],
  // … and an アンケート定義 row without 種類 whose first cell is one: any other row is a question, even
  // one that lacks its 種類.
  surveys: ['questionType'],
};

/**
 * Kinds whose rows are set aside only as notes (a row without an identity cell whose first cell is
 * a ※ note): their readers (the survey builder, the indicator reader) read every other row, so a
 * forgotten 種類 under a heading or a 計 in a question is reported, never dropped.
 */
const NOTES_ONLY: ReadonlySet<SheetKind> = new Set<SheetKind>(['surveys', 'indicators']);

// ───────── labels ─────────

/** Decorations around a label: 【合計】, ■小計, ＜計＞, 「総計」. */
const WRAPPERS = /^[【［[〔<＜《〈「『■□●○◆◇▼▽▲△★☆・*＊]+|[】］\]〕>＞》〉」』]+$/g;
/** A count or sum after the word: 25名, 120,000円, :12件. */
const COUNT = '(?:[:：=]?(?:[-+]?[0-9][0-9,.]*(?:名|人|件|口|円|回|時間|世帯|団体|社|枚)?)?)?';
/** What follows in brackets: 小計(北支部), 計(うち新規3名). */
const TRAILER = '(?:\\(.*\\))?';
/** Words that are totals whatever comes before them (北支部小計, 4月合計, 会費合計). */
const STRONG = new RegExp(
  `^(.{0,20}?)(?:総合計|合計|小計|総計|累計|中計|合算)(?:額|金額|人数|件数|数)?${COUNT}${TRAILER}$`,
);
/** 計 alone, or after a group (4月計, 北支部計, 令和6年度計): 会計, 家計, 集計 and 時計 are not totals. */
const PLAIN = new RegExp(`^(.{0,20}?)計${COUNT}${TRAILER}$`);
const GROUP_END = /(?:^|[0-9]月|月分|年|年度|支部|地区|圏域|部|町|分|期|回)$/;
const ENGLISH = /^(?:grand\s*total|sub\s*-?\s*total|total|sum)\b/i;
const NOTE_START = /^(?:※|＊|\*|注[:：.)）]|\(注\)|（注）|注記|注意[:：]|備考[:：])/;
const END_MARKERS = new Set(['以下余白', '以下空白', '以上', '以下なし']);
const HEADING = /^(?:【[^】]+】|［[^］]+］|■.+|◆.+|◇.+|□.+|＜[^＞]+＞|《[^》]+》)$/;

/** A note staff wrote into a table (「※ 目標は計画書の数値」, 注: …, ＊…), by its first cell's text. */
export function isNoteText(raw: string): boolean {
  return labelOf(raw) === 'note';
}

/** The kind of label a cell holds, or null for ordinary text. */
function labelOf(raw: string): SetAsideReason | null {
  // Most cells hold none of these characters: a quick look first.
  const t = normalizeText(raw).replace(/\s+/g, '');
  if (t === '') return null;
  if (NOTE_START.test(t)) return 'note';
  if (END_MARKERS.has(t)) return 'endMarker';
  let bare = t.replace(WRAPPERS, '');
  // (合計) is wrapped; 小計(北支部) only has a trailer.
  if (/^\([^()]*\)$/.test(bare)) bare = bare.slice(1, -1);
  if (bare !== '' && isTotal(bare)) return 'total';
  if (ENGLISH.test(normalizeText(raw).trim())) return 'total';
  if (HEADING.test(t)) return 'heading';
  return null;
}

function isTotal(t: string): boolean {
  if (t.indexOf('計') < 0 && t.indexOf('合算') < 0) return false;
  if (STRONG.test(t)) return true;
  const m = PLAIN.exec(t);
  return m !== null && GROUP_END.test(m[1] as string);
}

const LABEL_STARTS = '※＊*注(（備以【［■◆◇□＜《tsgTSGｔｓｇＴＳＧ';

/** Quick filter, run on every text cell: could this text be a label at all? */
function mayBeLabel(s: string): boolean {
  if (s.indexOf('計') >= 0 || s.indexOf('合算') >= 0) return true;
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x3000)) i++;
  return LABEL_STARTS.indexOf(s.charAt(i)) >= 0;
}

const ONLY_INVISIBLE = /^[\s\u200B\u2060\uFEFF]*$/;

/** Blank as staff see it: '', null/undefined, or only spaces and invisible characters. */
export function isBlankCell(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff)) return false;
  return ONLY_INVISIBLE.test(v);
}

const isBlank = isBlankCell;

const AGGREGATE = /^=\s*(?:SUM|SUBTOTAL|AGGREGATE|SUMIFS?|SUMPRODUCT|COUNTA?|COUNTIFS?|AVERAGE|AVERAGEIFS?)\s*\(/i;

const REASON_TEXT: Readonly<Record<SetAsideReason, { ja: string; en: string }>> = {
  total: { ja: '合計・小計の行', en: 'a total or subtotal row' },
  sum: { ja: '上の行の合計だけが入った行', en: 'a row holding only the sums of the rows above' },
  formula: { ja: '合計などの数式だけが入った行', en: 'a row holding only total formulas' },
  note: { ja: '注記の行', en: 'a note row' },
  endMarker: { ja: '記入の終わりの印', en: 'the end-of-entries mark' },
  heading: { ja: '見出しの行', en: 'a section heading' },
};

function setAside(row: number, reason: SetAsideReason, text: string): SetAsideRow {
  const r = REASON_TEXT[reason];
  const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  return {
    row,
    reason,
    text: shown,
    message: { ja: `「${shown}」: ${r.ja}`, en: `「${shown}」: ${r.en}` },
  };
}

/** Close enough for sums of yen and counts (floating additions of decimals too). */
function sameSum(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The 0-based columns that say whose row it is (IDENTITY), as the mapping places them; null for Tsunagu's own kinds. */
export function identityColumns(mapping: Pick<ColumnMapping, 'kind' | 'columns'>): number[] | null {
  const keys = IDENTITY[mapping.kind] ?? null;
  if (keys === null) return null;
  const out: number[] = [];
  for (const key of keys) {
    const index = mapping.columns[key];
    if (typeof index === 'number') out.push(index);
  }
  return out;
}

/**
 * The rows below the header (0-based indices into values) that no identity cell settles as data:
 * classifyRows decides them from the whole row (a total, a note, a heading, a sum of the columns
 * above, or data after all). Every other row is data whatever its other cells hold, so a reader
 * that reads only some columns reads these rows whole and gets the same classification.
 */
export function unidentifiedRows(
  mapping: Pick<ColumnMapping, 'kind' | 'columns' | 'headerRow'>,
  values: readonly (readonly unknown[])[],
  firstRow = 1,
): number[] {
  const identity = identityColumns(mapping);
  const start = Math.max(0, mapping.headerRow - firstRow + 1);
  const out: number[] = [];
  if (identity === null) return out;
  for (let r = start; r < values.length; r++) {
    const row = values[r] ?? [];
    if (!identity.some((c) => identifies(row[c]))) out.push(r);
  }
  return out;
}

/** An identity cell that makes its row data: filled, and not itself a label (合計, ※…). */
function identifies(v: unknown): boolean {
  if (isBlank(v)) return false;
  return !(typeof v === 'string' && mayBeLabel(v) && labelOf(v) !== null);
}

/**
 * Classifies the rows below the mapping's header row. `values` start at sheet row
 * options.firstRow (default 1) and column A. Deterministic and pure; one pass, so it costs little
 * beside reading the sheet. Tsunagu's own kinds (設定, 指標定義, アンケート定義) have no totals:
 * every non-blank row of them is data, but for the ※ note rows of 指標定義 and アンケート定義 (no
 * 種類), which their readers do not read either.
 */
export function classifyRows(
  mapping: ColumnMapping,
  values: readonly (readonly unknown[])[],
  options: ClassifyOptions = {},
): SheetRows {
  const firstRow = options.firstRow ?? 1;
  const start = Math.max(0, mapping.headerRow - firstRow + 1);
  const identityKeys = IDENTITY[mapping.kind] ?? null;
  const notesOnly = NOTES_ONLY.has(mapping.kind);
  const identity: number[] = [];
  for (const key of identityKeys ?? []) {
    const index = mapping.columns[key];
    if (typeof index === 'number') identity.push(index);
  }
  // Columns a sum row may hold numbers in: summable mapped columns, and columns Tsunagu does not map.
  const notSummable = new Set<number>();
  for (const key of Object.keys(mapping.columns)) {
    const index = mapping.columns[key];
    const spec = columnSpecOf(mapping.kind, key);
    if (typeof index === 'number' && (!spec || !SUMMABLE.has(spec.type))) notSummable.add(index);
  }
  const data: number[] = [];
  const aside: SetAsideRow[] = [];
  const undecided: number[] = [];
  let blank = 0;
  // Running sums per column: of the data rows since the last total, of all data rows, of the subtotals.
  const carry = options.carry;
  const segment = carry ? mapOf(carry.segment) : new Map<number, number>();
  const grand = carry ? mapOf(carry.grand) : new Map<number, number>();
  const subtotals = carry ? mapOf(carry.subtotals) : new Map<number, number>();
  let dataSinceTotal = carry ? carry.dataSinceTotal : 0;
  let totals = carry ? carry.totals : 0;
  // Data rows above the values given (a slice's carry).
  const above = carry ? carry.data : 0;
  const add = (map: Map<number, number>, c: number, v: number): void => {
    map.set(c, (map.get(c) ?? 0) + v);
  };
  // Sums are kept only for the columns a total row may hold numbers in.

  const dataRow = (r: number, row: readonly unknown[]): void => {
    data.push(r);
    dataSinceTotal++;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'number' && Number.isFinite(v) && !notSummable.has(c)) {
        add(segment, c, v);
        add(grand, c, v);
      }
    }
  };

  for (let r = start; r < values.length; r++) {
    const row = values[r] ?? [];
    // Whose row is it? An identity cell that is not itself a label makes it data: most rows are
    // settled here, looking at two or three cells.
    let identified = false;
    if (identityKeys !== null) {
      for (const c of identity) {
        if (!identifies(row[c])) continue;
        identified = true;
        break;
      }
    }
    if (identified) {
      dataRow(r, row);
      continue;
    }
    let first = -1;
    let texts = 0;
    let numbers = 0;
    let others = 0;
    let label: SetAsideReason | null = null;
    let labelAt = -1;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      if (first < 0) first = c;
      if (typeof v === 'number') numbers++;
      else if (typeof v === 'string') {
        texts++;
        if (label === null && mayBeLabel(v)) {
          const found = labelOf(v);
          // A note or heading is read only from the row's first cell; a total label from any cell.
          if (found !== null && (found === 'total' || found === 'endMarker' || c === first)) {
            label = found;
            labelAt = c;
          }
        }
      } else others++;
    }
    if (first < 0) {
      blank++;
      continue;
    }
    const sheetRow = firstRow + r;
    if (identityKeys === null) {
      data.push(r);
      continue;
    }
    // An identity cell holding a label only counts when it is the label that sets the row aside.
    for (const c of identity) {
      if (c !== labelAt && !isBlank(row[c])) {
        identified = true;
        break;
      }
    }
    if (notesOnly) {
      if (!identified && label === 'note') aside.push(setAside(sheetRow, label, String(row[labelAt]).trim()));
      else data.push(r);
      continue;
    }
    if (!identified && label !== null) {
      const text = String(row[labelAt]).trim();
      // A heading stands alone and a note is text only; a total row carries its sums.
      const fits =
        label === 'total' ||
        label === 'endMarker' ||
        (label === 'note' && numbers === 0 && others === 0) ||
        (label === 'heading' && texts === 1 && numbers === 0 && others === 0);
      if (fits) {
        aside.push(setAside(sheetRow, label, text));
        if (label === 'total') {
          totals++;
          for (let c = 0; c < row.length; c++) {
            const v = row[c];
            if (typeof v === 'number' && Number.isFinite(v)) add(subtotals, c, v);
          }
          segment.clear();
          dataSinceTotal = 0;
        }
        continue;
      }
    }
    let summable = numbers > 0;
    for (let c = 0; c < row.length && summable; c++)
      if (typeof row[c] === 'number' && notSummable.has(c)) summable = false;
    if (!identified && texts === 0 && others === 0 && summable) {
      // Numbers only: a total when every number sums the column above — over two rows or more, or
      // over earlier totals: a copy of one row is as likely an entry missing its name.
      let sums = true;
      let summed = -1;
      for (let c = 0; c < row.length && sums; c++) {
        const v = row[c];
        if (typeof v !== 'number') continue;
        const s = dataSinceTotal > 1 ? segment.get(c) : undefined;
        const g = above + data.length > 1 ? grand.get(c) : undefined;
        const t = totals > 0 ? subtotals.get(c) : undefined;
        if (
          (s !== undefined && sameSum(v, s)) ||
          (g !== undefined && sameSum(v, g)) ||
          (t !== undefined && sameSum(v, t))
        )
          summed = summed < 0 ? c : summed;
        else sums = false;
      }
      const formulas = options.formulas?.get(sheetRow);
      let aggregate = false;
      if (!sums && formulas) {
        aggregate = true;
        let any = false;
        for (let c = 0; c < row.length; c++) {
          if (isBlank(row[c])) continue;
          const f = formulas[c] ?? '';
          if (f === '') aggregate = false;
          else if (AGGREGATE.test(f)) any = true;
        }
        aggregate = aggregate && any;
      }
      if (sums || aggregate) {
        const c = sums ? summed : row.findIndex((v) => !isBlank(v));
        aside.push(setAside(sheetRow, sums ? 'sum' : 'formula', String(row[c])));
        totals++;
        for (let k = 0; k < row.length; k++) {
          const v = row[k];
          if (typeof v === 'number' && Number.isFinite(v)) add(subtotals, k, v);
        }
        segment.clear();
        dataSinceTotal = 0;
        continue;
      }
      if (!formulas) undecided.push(sheetRow);
    }
    dataRow(r, row);
  }
  if (carry) {
    carry.segment = recordOf(segment);
    carry.grand = recordOf(grand);
    carry.subtotals = recordOf(subtotals);
    carry.dataSinceTotal = dataSinceTotal;
    carry.data = above + data.length;
    carry.totals = totals;
  }
  return { data, setAside: aside, blank, undecided };
}

/**
 * The rectangle whose formulas decide the undecided rows: from the first to the last of them,
 * every column, so one read settles them all. Null when there are none.
 */
export function undecidedSpan(rows: SheetRows, width: number): { row: number; rows: number; columns: number } | null {
  if (rows.undecided.length === 0 || width <= 0) return null;
  const first = rows.undecided[0] as number;
  const last = rows.undecided[rows.undecided.length - 1] as number;
  return { row: first, rows: last - first + 1, columns: width };
}

/** Formulas read over undecidedSpan, by sheet row, for classifyRows. */
export function formulasByRow(
  span: { row: number },
  formulas: readonly (readonly string[])[],
): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  formulas.forEach((row, i) => out.set(span.row + i, row));
  return out;
}
