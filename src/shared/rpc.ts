/** The one RPC contract between the sidebar and the server: argument schemas, JSON-only result types, the envelope. */
import * as z from 'zod/mini';

/** Sections of the sidebar, one per capability. */
export const SECTIONS = ['setup', 'validate', 'match', 'survey', 'summary'] as const;
export type Section = (typeof SECTIONS)[number];

/** A message shown to staff: Japanese first, English second. */
export interface Message {
  ja: string;
  en: string;
}

/** One sheet of the workbook as the sidebar lists it. */
export interface SheetOverview {
  name: string;
  /** Detected (or confirmed) sheet kind, or null when the header row is not recognised. */
  kind: string | null;
  /** Japanese label of the kind (ボランティア名簿 …), '' when unknown. */
  kindLabel: string;
  /** 1-based header row, null when none was found. */
  headerRow: number | null;
  /** Data rows below the header. */
  dataRows: number;
  /** True when staff confirmed the mapping of this sheet. */
  confirmed: boolean;
  /**
   * True when マッチング and 指標サマリー use the sheet's rows (staff's choice, else by its name: a
   * 退会者 or 旧 sheet is not live); false for an unrecognised sheet. 検証 checks every sheet.
   */
  live: boolean;
  /** Canonical headers of required columns the sheet lacks. */
  missingRequired: string[];
  /** Why the sheet was not recognised, when kind is null. */
  reason: Message | null;
}

export interface SidebarState {
  organizationName: string;
  /** The section to open first (set by the menu item that opened the sidebar). */
  section: Section;
  /** Staff confirmed the section's action from the menu: the sidebar runs it at once, without asking again. */
  runNow: boolean;
  sheets: SheetOverview[];
  /** Canonical names of standard sheets the workbook does not have yet. */
  missingStandardSheets: string[];
  /** Said while the workbook has no 設定 sheet (the sidebar offers シート準備 with it); null when it has one. */
  settingsNotice: Message | null;
}

/** The detected mapping of one sheet, with sample values so staff can check it. */
export interface MappingView {
  sheet: string;
  kind: string;
  kindLabel: string;
  headerRow: number;
  confirmed: boolean;
  /** True when マッチング and 指標サマリー use the sheet's rows (検証 checks it either way). */
  live: boolean;
  /** True when staff chose `live` (saved with the mapping); false when it is the default by the sheet's name. */
  liveChosen: boolean;
  /** True when the name says the sheet is kept for the record (退会者, 旧, アーカイブ …): not live unless staff choose. */
  archiveName: boolean;
  /** Every column of the header row, in sheet order. */
  columns: Array<{
    index: number;
    header: string;
    key: string | null;
    samples: string[];
    /** Why a header that could mean several fields was read as `key` (種別 → 区分 by its values), for staff to confirm; null otherwise. */
    note: Message | null;
  }>;
  /** The columns this kind knows, for the correction drop-down. */
  fields: Array<{ key: string; header: string; required: boolean }>;
  /** Sheet kinds staff may choose instead. */
  kinds: Array<{ kind: string; label: string }>;
  /** Data rows below the header (blank rows, totals and notes not counted). */
  dataRows: number;
  /** Rows below the header that are not data and are left alone (計, 小計, ※ notes, 以下余白 …); the first 50. */
  setAside: Array<{ row: number; text: string; reason: Message }>;
  /** How many rows are set aside in all. */
  setAsideTotal: number;
}

export interface SetupResult {
  created: string[];
  existing: string[];
}

/** One validation issue as the sidebar shows it. */
export interface IssueView {
  sheet: string;
  /** 1-based row. */
  row: number;
  /** The header as written in the sheet. */
  column: string;
  /** 1-based column, or 0 when the issue is about a missing column. */
  columnNumber: number;
  /** 'B5', or '' for a missing column. */
  cell: string;
  code: string;
  severity: 'error' | 'warning';
  message: Message;
  value: string;
  /** A correction staff can read (a value reads the same in both languages). */
  suggestion: Message | null;
  fixable: boolean;
}

/** Issues of one rule on one sheet. */
export interface IssueGroup {
  sheet: string;
  code: string;
  severity: 'error' | 'warning';
  title: Message;
  /** How many issues the group has; `issues` holds at most the first 50. */
  total: number;
  issues: IssueView[];
}

export interface UndoInfo {
  label: Message;
  /** ISO instant. */
  at: string;
  /**
   * The action is a part of 安全な修正 in parts: 元に戻す takes the run back part by part, and the
   * sidebar goes on while the next action to undo belongs to the same run.
   */
  run?: string;
  /** Of such a run, the parts still to undo (each one call). */
  parts?: number;
}

export interface ValidationView {
  checkedSheets: Array<{ name: string; kindLabel: string; rows: number }>;
  counts: { errors: number; warnings: number; fixable: number };
  groups: IssueGroup[];
  /** The output sheet written, or null when nothing was written. */
  resultSheet: string | null;
  /** What staff should know about where the results went (a sheet of theirs with the usual name was left alone). */
  notices: Message[];
  /** Cells marked with a fill and a note. */
  highlighted: number;
  /** Cells with issues left without a mark (past the limit of marks per 検証; listed in 検証結果 and here). */
  unmarked: number;
  undo: UndoInfo | null;
  /**
   * A 検証 too large for one Apps Script call runs in parts (docs/cost.md): while this is set, the
   * view holds the issues of the parts done so far (counts: all of them so far; groups: this
   * part's), and the sidebar asks for the next part with continueValidation(runId).
   */
  running?: ValidationProgress | null;
}

/** Where a 検証 in parts stands: no cell contents, only its id and the parts done and in all. */
export interface ValidationProgress {
  runId: string;
  done: number;
  total: number;
}

/** The full list, for the CLI's --json (the sidebar gets the grouped view). */
export interface ValidationReport {
  issues: Array<{
    sheet: string;
    row: number;
    column: string;
    code: string;
    severity: 'error' | 'warning';
    message: string;
    messageEn: string;
    value: string;
    suggestion?: string;
    /** The suggestion in English, when it is words rather than a value. */
    suggestionEn?: string;
    fix?: { kind: string; to: string | number };
  }>;
  counts: {
    errors: number;
    warnings: number;
    fixable: number;
    byCode: Record<string, number>;
    bySheet: Record<string, number>;
  };
}

export interface FixPreviewItem {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  before: string;
  after: string;
  kind: string;
}

export interface FixPreview {
  /** Fingerprint of exactly these fixes: applyFixes refuses if the sheets changed since. */
  token: string;
  total: number;
  /** At most the first 300. */
  items: FixPreviewItem[];
  byKind: Record<string, number>;
  /**
   * A large workbook's fixes as its last 検証 found them, not read again (docs/cost.md): each cell
   * is checked when it is fixed, and one staff changed since is left as it is.
   */
  checkedWhenApplied?: boolean;
}

export interface FixResult {
  /** Cells changed (so far, while a run in parts is under way). */
  applied: number;
  /** Fixes left out because their cell changed after the 検証 (a large workbook's fixes in parts). */
  skipped: number;
  sheets: string[];
  undo: UndoInfo | null;
  /** 安全な修正 in parts under way: the sidebar asks for the next part with continueFixes(runId). */
  running: FixProgress | null;
}

/** Where 安全な修正 in parts stands: its id and the parts done and in all. */
export interface FixProgress {
  runId: string;
  done: number;
  total: number;
}

export interface UndoResult {
  label: Message;
  cells: number;
  undo: UndoInfo | null;
  /** The sidebar's sum over the parts of a run: a part failed, so some parts are still to undo. */
  partial?: boolean;
}

export interface HighlightResult {
  /** Cells whose marks (fill and note) were taken off. */
  restored: number;
  /** Of those, cells where a note staff wrote was under the mark and is back as it was. */
  notesKept: number;
}

/** 履歴を消去: how many recorded actions were erased. */
export interface EraseHistoryResult {
  erased: number;
}

/** One proposed (or pinned) volunteer for a request. */
export interface PairView {
  requestId: string;
  volunteerId: string;
  volunteerName: string;
  /** 0–100. */
  score: number;
  reasons: Message[];
  pinned: boolean;
  approved: boolean;
}

/** One open request and what matching did for it. */
export interface RequestMatchView {
  requestId: string;
  /** The request's 1-based row, and its sheet (one of the live 依頼 sheets). */
  row: number;
  sheet: string;
  category: string;
  area: string;
  needed: number;
  filled: number;
  pairs: PairView[];
  /** Why places stay unfilled (empty when all are filled). */
  unmatchedReasons: Message[];
  /** Pairs a coordinator excluded (kept so they can be taken back). */
  excluded: Array<{ volunteerId: string; volunteerName: string }>;
}

export interface MatchView {
  requests: RequestMatchView[];
  stats: { filledPlaces: number; totalPlaces: number; score: number; candidatePairs: number };
  /** The recruiting agenda, largest first (at most 30 rows). */
  shortages: Array<{ dimension: string; key: string; places: number }>;
  warnings: Message[];
  resultSheet: string;
  shortageSheet: string;
  /** Pairs ticked 承認 and not yet committed. */
  approved: number;
  undo: UndoInfo | null;
  /**
   * A マッチング too large for one Apps Script call runs in parts (docs/cost.md): while this is set
   * the view holds no result yet, and the sidebar asks for the next part with continueMatching(runId).
   */
  running?: MatchProgress | null;
}

/** Where a マッチング in parts stands: its id and the parts done and in all. */
export interface MatchProgress {
  runId: string;
  done: number;
  total: number;
}

/** The full result, for the CLI's --json. */
export interface MatchReport {
  assignments: Array<{
    requestId: string;
    /** 依頼者 as written in 依頼. */
    requester: string;
    volunteerId: string;
    /** 氏名 as written in the roster. */
    volunteerName: string;
    /** Where the pair's rows are: the live 依頼 sheet and roster each is on, 1-based rows. */
    requestSheet: string;
    requestRow: number;
    volunteerSheet: string;
    volunteerRow: number;
    score: number;
    reasons: string[];
  }>;
  unmatched: Array<{
    requestId: string;
    requester: string;
    requestSheet: string;
    requestRow: number;
    missing: number;
    reasons: string[];
  }>;
  shortages: Array<{ dimension: string; key: string; places: number; requests: string[] }>;
  stats: { filledPlaces: number; totalPlaces: number; score: number };
  /** Which sheets were used when a kind has several, and matching's own warnings (a duplicate id …). */
  warnings: Message[];
}

export interface CommitResult {
  committed: number;
  requests: number;
  /** Approved pairs not written, each with the constraint that no longer holds. */
  refused: Array<{ requestId: string; volunteerId: string; reason: Message }>;
  undo: UndoInfo | null;
}

/** A figure of the summary as published: null where hidden (docs/summary.md). */
export interface SummaryFigureJson {
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: 'primary' | 'secondary' | null;
}

/** The --json shape of 指標サマリー (docs/summary.md): fy the 年度's starting year, area 市全体 for the city. */
export interface SummaryJson {
  readonly threshold: number;
  /** 年度確定: the closed 年度 among those given. */
  readonly closedYears: readonly number[];
  readonly indicators: readonly {
    readonly id: string;
    readonly goal: number;
    readonly initiative: string;
    readonly name: string;
    readonly unit: string;
    readonly method: string;
    readonly cells: readonly (SummaryFigureJson & {
      readonly fy: number;
      readonly area: string;
      readonly target: number | null;
      readonly rate: number | null;
      readonly grade: 'A' | 'B' | 'C' | 'D' | null;
      readonly state: string;
      /** The 年度 is closed: the figure is the frozen one. */
      readonly closed: boolean;
      /** A closed 年度: whether the source rows give another figure now; delta only where it may be said. */
      readonly drift: { readonly changed: boolean; readonly delta: number | null } | null;
    })[];
  }[];
  readonly tables: readonly {
    readonly id: string;
    readonly kind: string;
    readonly indicator: string;
    readonly parts?: readonly string[];
    readonly title: string;
    readonly fy: number | null;
    readonly rows: readonly string[];
    readonly columns: readonly string[];
    readonly cells: readonly (readonly SummaryFigureJson[])[];
    readonly rowTotals: readonly SummaryFigureJson[] | null;
    readonly columnTotals: readonly SummaryFigureJson[] | null;
    readonly grandTotal: SummaryFigureJson | null;
    readonly audit: { readonly ok: boolean; readonly hidden: number };
  }[];
}

/** One indicator as the sidebar lists it: its 市全体 figure of the 年度 shown. */
export interface SummaryLine {
  id: string;
  name: string;
  unit: string;
  /** Null where hidden or missing. */
  value: number | null;
  /** What the sheet shows: the number, ＊, データなし, — … */
  shown: string;
  target: number | null;
  rate: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  /** The 年度 is closed and its source rows changed since: 「確定後に元データが変わりました: +3」; else null. */
  drift: Message | null;
}

/** 指標サマリー as the sidebar shows it after a run. */
export interface SummaryView {
  resultSheet: string;
  /** The 年度 whose grades are shown: the last completed one, else the latest. */
  fy: number;
  fyLabel: string;
  years: number[];
  threshold: number;
  indicators: number;
  /** Indicators per grade in that 年度 (none: no grade). */
  grades: { A: number; B: number; C: number; D: number; none: number };
  gradeLabels: { A: string; B: string; C: string; D: string };
  /** Cells hidden as ＊ (primary and secondary). */
  suppressedCells: number;
  goals: Array<{ goal: number; title: string; indicators: SummaryLine[] }>;
  notices: Message[];
  notes: Message[];
  footnote: Message;
  updatedAt: string;
  /** 年度確定: the closed 年度 (when, Asia/Tokyo), and the 年度 that may be closed (shown, not after the current one, not closed). */
  closed: Array<{ fy: number; label: string; closedAt: string }>;
  closable: Array<{ fy: number; label: string }>;
  /**
   * A summary in parts under way (a workbook too large for one call): how far it is; the figures
   * come with the last part. The sidebar asks for each part with continueSummary(runId).
   */
  running?: SummaryProgress | null;
}

/** Where a 指標サマリー in parts stands: parts done of all (the last writes the sheet). */
export interface SummaryProgress {
  runId: string;
  done: number;
  total: number;
  /** How far it is and what the last part does (writes the summary, opens the report, closes a 年度), worded by the server. */
  message: Message;
}

/** The summary without writing (the CLI): its JSON, the view, and the leadership report when asked. */
export interface SummaryReport {
  json: SummaryJson;
  view: SummaryView;
  html: string | null;
}

/** One issue of アンケート定義 (docs/forms.md, "The checks"). */
export interface SurveyIssueView {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** 1-based sheet row; 0 for the sheet as a whole. */
  row: number;
  /** The column header as written ('' for the row or sheet). */
  column: string;
  form: string | null;
  message: Message;
}

/** One item of a built form, as `tsunagu survey build --json` prints it. */
export interface BuiltItemView {
  /** The Forms item id (0 when the item is still to be made: pending). */
  id: number;
  questionId: string | null;
  type: string;
  title: string;
  helpText: string;
  required: boolean;
  section: string | null;
  choices: Array<{ value: string; goTo: string | null }> | null;
  rows: string[] | null;
  columns: string[] | null;
  validation: { kind: string; rule: string; message: string } | null;
}

/** One form in one language after フォームを作成・更新. */
export interface BuiltFormView {
  name: string;
  language: string;
  /** The language's name (英語 / English, やさしい日本語 / Easy Japanese …). */
  languageLabel: Message;
  id: string;
  publishedUrl: string;
  shortUrl: string;
  editUrl: string;
  published: boolean;
  acceptingResponses: boolean;
  /** made: new this run; updated; unchanged; gone: deleted in Drive (nothing built); planned: a preview (nothing built). */
  outcome: 'made' | 'updated' | 'unchanged' | 'gone' | 'planned';
  created: number;
  updated: number;
  unchanged: number;
  /** Items still to make (a form larger than one call builds): run again. */
  pending: number;
  /** Questions no longer in アンケート定義, left in the form until staff confirm their removal. */
  leftOver: Array<{ questionId: string | null; title: string }>;
  /** Questions whose 種類 changed: replaced only once staff confirm (their answers can no longer be read). */
  typeChanged: Array<{ questionId: string | null; title: string }>;
  removed: Array<{ questionId: string | null; title: string }>;
  /** The sheet its answers go to, found by the form's URL; null when not found. */
  responseSheet: string | null;
  items: BuiltItemView[];
}

/** What フォームを作成・更新 did (or, when アンケート定義 has errors, why nothing was built). */
export interface SurveyBuildView {
  /** False when アンケート定義 has errors: no form was made or changed. */
  built: boolean;
  forms: BuiltFormView[];
  issues: SurveyIssueView[];
  /** フォーム一覧 as written (another name when staff have a sheet of that name); null when nothing was built. */
  listSheet: string | null;
  notices: Message[];
  /**
   * A build in parts (the sidebar's): the forms (per language) still to build or finish — call again
   * until 0 — and how many there are. Absent for a build in one call.
   */
  remaining?: number;
  total?: number;
}

/** The printable flyer of one form in one language (チラシ). */
export interface FormFlyerView {
  name: string;
  language: string;
  languageLabel: Message;
  /** The title respondents see. */
  title: string;
  /** The address the QR code holds (the forms.gle address when there is one). */
  url: string;
  shortUrl: string;
  /** Published and accepting responses. */
  open: boolean;
  notices: Message[];
  /** The A4 page (getFormFlyer); null from openFormFlyer, which shows it in a dialog instead. */
  html: string | null;
}

/** What 回答の取り込み read from the response sheets and wrote into アンケート回答. */
export interface SurveyAnswersView {
  /** アンケート回答 as written (another name beside a staff sheet of that name); null in a preview. */
  sheet: string | null;
  /** Responses written (or to write): one row each. */
  rows: number;
  /** Rows this import added below the earlier answers (all of them when the sheet was written anew). */
  added: number;
  /** Earlier rows whose answers changed since (an answer edited in the form), written again in place. */
  updated: number;
  /** Rows cleared at the end because answers were removed from the response sheets. */
  removed: number;
  /** Rows still to write: a large import goes in parts, the sidebar runs it again until 0. */
  remaining: number;
  /** Each built form and language of the resident surveys, with its response sheet and responses read. */
  forms: Array<{ name: string; language: string; languageLabel: Message; sheet: string | null; responses: number }>;
  notices: Message[];
}

/** Where registrations and activity reports go: ボランティア名簿 or 活動記録. */
export type SurveyImportKind = 'volunteers' | 'activities';

/** One answer of ボランティア登録 or 活動報告 as a candidate row (docs/forms.md, "Answers back"). */
export interface SurveyCandidateView {
  /** Stable: the form and the submit time. */
  responseId: string;
  form: string;
  destination: SurveyImportKind;
  language: string;
  languageLabel: Message;
  /** ISO instant; null when the timestamp cannot be read. */
  answeredAt: string | null;
  /** new: to decide; imported: on the sheet already; declined: staff declined it; noConsent: no consent, cannot be imported. */
  status: 'new' | 'imported' | 'declined' | 'noConsent';
  /** The row as it would be written, by the destination's header (as the sheet names it). */
  row: Record<string, string>;
  /** The destination's own 検証 issues on this row (with the sheet's rows and the other candidates). */
  issues: Array<{
    code: string;
    severity: 'error' | 'warning' | 'info';
    column: string;
    message: Message;
    suggestion: string | null;
  }>;
  /** ボランティア名簿: the 登録番号 (or 行N) of a probable duplicate already on the roster — shown, never merged. */
  duplicateOf: string | null;
  /** Answers not among their question's choices (kept as typed). */
  unmatched: Array<{ question: string; values: string[] }>;
  /** Cells Tsunagu filled itself (状態, 登録日, 圏域 from 地区) and why. */
  derived: Message[];
  /** The 登録番号 (or sheet row) it was imported as. */
  importedAs: string | null;
  /** Why it cannot be imported (noConsent). */
  reason: Message | null;
}

/** The candidates of every built ボランティア登録 / 活動報告 form, read without writing. */
export interface SurveyCandidatesView {
  candidates: SurveyCandidateView[];
  counts: { new: number; imported: number; declined: number; noConsent: number };
  forms: Array<{
    name: string;
    language: string;
    languageLabel: Message;
    destination: SurveyImportKind;
    sheet: string | null;
    responses: number;
  }>;
  notices: Message[];
}

/** What 取り込む / 見送る wrote. */
export interface SurveyDecisionResult {
  imported: number;
  declined: number;
  written: Array<{
    sheet: string;
    kind: SurveyImportKind;
    firstRow: number;
    lastRow: number;
    rows: number;
    /** Total or note rows were below the last data row: the new rows went under them. */
    setAsideBelow: boolean;
  }>;
  /** The new 登録番号 given, in order. */
  ids: string[];
  /** The hidden sheet that remembers decisions (ids only). */
  recordSheet: string;
  notices: Message[];
  undo: UndoInfo | null;
}

/** What テンプレートを書き込む wrote into アンケート定義. */
export interface SurveyTemplateResult {
  template: string;
  formName: string;
  sheet: string;
  /** The first and last row written. */
  firstRow: number;
  lastRow: number;
  /** Language columns added to the sheet's header for the template's translations. */
  addedColumns: string[];
  undo: UndoInfo | null;
}

/** The two installable triggers Tsunagu offers, one of each per document. */
export type TriggerKind = 'answers' | 'summary';

/** When the scheduled 指標サマリー refresh runs: daily at an hour, or weekly on a day at an hour (Tokyo). */
export type RefreshSchedule =
  | { every: 'day'; hour: number }
  | {
      every: 'week';
      day: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
      hour: number;
    };

/** What a trigger's last run came to (no personal data: a time, and a message staff can act on). */
export interface TriggerRunView {
  /** When it ran, yyyy/MM/dd HH:mm (Tokyo). */
  at: string;
  ok: boolean;
  /** Why it failed; null when it did not. */
  message: Message | null;
}

/** One installable trigger of this document as staff see it. */
export interface TriggerView {
  /**
   * off: none; mine: the current user's, running; other: another account's (it runs as them and
   * only they can delete it); missing: registered as the current user's but no longer there
   * (deleted in the Apps Script dashboard, or authorisation withdrawn).
   */
  state: 'off' | 'mine' | 'other' | 'missing';
  /** The owner's account as Apps Script gave it when it was made ('' when it did not say). */
  owner: string;
  /** When it was made, yyyy/MM/dd HH:mm. */
  since: string;
  lastRun: TriggerRunView | null;
  /** The last failure, kept until a run succeeds after it. */
  lastFailure: TriggerRunView | null;
  /** What the sidebar shows, worded by the server: what it does, its state, owner and last run; then the failure. */
  lines: Message[];
  failure: Message | null;
  /** The buttons to show, in order, with their words: start is オンにする, この予定に変える or 自分に引き継ぐ. */
  actions: Array<{ action: 'start' | 'stop' | 'seen' | 'reload'; label: Message }>;
}

/** 新しい回答: answers counted by the form-submit trigger since staff last looked, per form. */
export interface NewAnswersView {
  /** The response sheet's name (found by its form URL), or the form URL when no sheet has it now. */
  form: string;
  formUrl: string;
  count: number;
}

export interface TriggerStatus {
  /** The account using the sidebar now ('' when Apps Script does not say). */
  user: string;
  answers: TriggerView & { newAnswers: NewAnswersView[] };
  summary: TriggerView & {
    schedule: RefreshSchedule | null;
    /** The chooser's 毎日 / 毎週○曜日 choices ('day' or the weekday), worded. */
    choices: Array<{ value: 'day' | Extract<RefreshSchedule, { every: 'week' }>['day']; label: Message }>;
  };
}

/** What 止める / 自分に引き継ぐ / オンにする did, and the state after. */
export interface TriggerChange {
  status: TriggerStatus;
  /** What happened, in words (e.g. the other account's trigger stops itself at its next run). */
  notice: Message;
}

/** Sheets' widest sheet: 18,278 columns (A … ZZZ). */
const SHEETS_MAX_COLUMNS = 18_278;
/** The rows the server reads to find a sheet's header (HEAD_ROWS in core/setup/plan.ts): a header row is one of them. */
export const MAX_HEADER_ROW = 10;
/** A sheet name: Sheets allows 1 to 100 characters. */
const sheetName = z.string().check(z.minLength(1), z.maxLength(100));
/**
 * A field key of a sheet kind: 'volunteerId', or a pattern key with its capture ('target.2024',
 * 'question.en'). Nothing else can name a column, '__proto__' and other odd keys included.
 */
const fieldKey = z.string().check(z.maxLength(40), z.regex(/^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)?$/));

/** Argument schemas: the server parses every call with these before doing anything. */
/** A 検証 in parts: V and the instant it started (yyyyMMddHHmmssSSS). */
const runId = z.string().check(z.regex(/^V\d{17}$/));
/** A 指標サマリー in parts (summary-parts.ts newRunId). */
const summaryRunId = z.string().check(z.regex(/^S\d{17}$/));
const matchRunId = z.string().check(z.regex(/^M\d{17}$/));
const fixRunId = z.string().check(z.regex(/^F\d{17}$/));

export const rpcArgs = {
  getSidebarState: z.tuple([]),
  setupSheets: z.tuple([]),
  /** The sheet, and optionally the kind staff want to read it as (a preview of that kind's columns). */
  getMapping: z.tuple([sheetName, z.optional(z.string().check(z.maxLength(40)))]),
  /**
   * The sheet and the mapping staff confirmed: its kind, header row, and field key → 0-based column.
   * Bounded here by what any sheet could hold; the server then checks it against the sheet itself
   * (the header row's columns, each column used once, only the kind's fields).
   */
  saveMapping: z.tuple([
    sheetName,
    z.strictObject({
      kind: z.string().check(z.minLength(1), z.maxLength(40)),
      headerRow: z.number().check(z.int(), z.gte(1), z.lte(MAX_HEADER_ROW)),
      columns: z.record(fieldKey, z.number().check(z.int(), z.gte(0), z.lt(SHEETS_MAX_COLUMNS))).check(
        z.refine((columns) => Object.keys(columns).length <= SHEETS_MAX_COLUMNS, {
          message: 'more fields than a sheet has columns',
        }),
      ),
      /** Whether マッチング and 指標サマリー use the sheet; absent keeps the choice saved before. */
      live: z.optional(z.boolean()),
    }),
  ]),
  clearMapping: z.tuple([sheetName]),
  runValidation: z.tuple([]),
  continueValidation: z.tuple([runId]),
  cancelValidation: z.tuple([runId]),
  getValidationReport: z.tuple([]),
  clearHighlights: z.tuple([]),
  previewFixes: z.tuple([]),
  /** The token of the preview staff saw: a count and a hexadecimal fingerprint ('12-1a2b3c4d'). */
  applyFixes: z.tuple([z.string().check(z.maxLength(100), z.regex(/^\d+-[0-9a-f]+$/))]),
  continueFixes: z.tuple([fixRunId]),
  cancelFixes: z.tuple([fixRunId]),
  undoLast: z.tuple([]),
  getUndoInfo: z.tuple([]),
  eraseHistory: z.tuple([]),
  runMatching: z.tuple([]),
  continueMatching: z.tuple([matchRunId]),
  cancelMatching: z.tuple([matchRunId]),
  getMatchReport: z.tuple([]),
  setPairDecision: z.tuple([
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.enum(['pin', 'exclude', 'none']),
  ]),
  setApproval: z.tuple([
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.boolean(),
  ]),
  commitMatches: z.tuple([]),
  /** A template (ボランティア登録, 住民意識調査, 活動報告) and, optionally, the フォーム名 to write it under. */
  writeSurveyTemplate: z.tuple([
    z.enum(['ボランティア登録', '住民意識調査', '活動報告']),
    z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  ]),
  previewForms: z.tuple([]),
  /** removeMissing: staff confirmed removing questions no longer defined; recreate: make again forms deleted in Drive. */
  buildForms: z.tuple([
    z.optional(z.strictObject({ removeMissing: z.boolean(), recreate: z.boolean(), inParts: z.optional(z.boolean()) })),
  ]),
  previewSurveyAnswers: z.tuple([]),
  importSurveyAnswers: z.tuple([]),
  /** Only ボランティア名簿 or 活動記録 candidates (default: both). */
  previewSurveyCandidates: z.tuple([z.optional(z.enum(['volunteers', 'activities']))]),
  /** Response ids to import and to decline (at most 100 together: core/actions/survey-import.ts MAX_DECISIONS). */
  decideSurveyCandidates: z.tuple([
    z.strictObject({
      accept: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(200)),
      decline: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(200)),
    }),
  ]),
  /** チラシ: the form's フォーム名 and, optionally, its language (ja when not given). */
  getFormFlyer: z.tuple([
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(40)))),
  ]),
  openFormFlyer: z.tuple([
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(40)))),
  ]),
  /** A cell: the sheet, a 1-based row (Sheets holds at most 10 million cells) and column. */
  selectCell: z.tuple([
    sheetName,
    z.number().check(z.int(), z.gte(1), z.lte(10_000_000)),
    z.number().check(z.int(), z.gte(1), z.lte(SHEETS_MAX_COLUMNS)),
  ]),
  runSummary: z.tuple([]),
  continueSummary: z.tuple([summaryRunId]),
  cancelSummary: z.tuple([summaryRunId]),
  /** 年度確定: the 年度 (its starting year) to close or re-open. */
  closeFiscalYear: z.tuple([z.number().check(z.int(), z.gte(1900), z.lte(2200))]),
  reopenFiscalYear: z.tuple([z.number().check(z.int(), z.gte(1900), z.lte(2200))]),
  /** The leadership report in a print dialog: this 年度 (default: the last completed one). */
  openSummaryReport: z.tuple([z.optional(z.nullable(z.number().check(z.int(), z.gte(1900), z.lte(2200))))]),
  /** Only this 年度 (its starting year), and whether to make the leadership report. */
  getSummaryReport: z.tuple([
    z.optional(z.nullable(z.number().check(z.int(), z.gte(1900), z.lte(2200)))),
    z.optional(z.boolean()),
  ]),
  getTriggerStatus: z.tuple([]),
  /** 新しい回答を数える: the form-submit trigger as the current user (also 自分に引き継ぐ). */
  startAnswerTrigger: z.tuple([]),
  /** 定期更新: the time-driven refresh of 指標サマリー as the current user, on this schedule (also 自分に引き継ぐ). */
  startSummaryTrigger: z.tuple([
    z.union([
      z.strictObject({ every: z.literal('day'), hour: z.number().check(z.int(), z.gte(0), z.lte(23)) }),
      z.strictObject({
        every: z.literal('week'),
        day: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
        hour: z.number().check(z.int(), z.gte(0), z.lte(23)),
      }),
    ]),
  ]),
  /** 止める: one of the two triggers. */
  stopTrigger: z.tuple([z.enum(['answers', 'summary'])]),
  /** 確認済みにする: 新しい回答 back to 0 (the forms given by URL, or every form). */
  clearNewAnswers: z.tuple([]),
};

export type RpcName = keyof typeof rpcArgs;
export type RpcArgs<N extends RpcName> = z.infer<(typeof rpcArgs)[N]>;

/** Result types, JSON-only by construction (no Date, no functions). */
export interface RpcResults {
  getSidebarState: SidebarState;
  setupSheets: SetupResult;
  getMapping: MappingView;
  saveMapping: MappingView;
  clearMapping: MappingView;
  runValidation: ValidationView;
  continueValidation: ValidationView;
  cancelValidation: { cancelled: boolean };
  getValidationReport: ValidationReport;
  clearHighlights: HighlightResult;
  previewFixes: FixPreview;
  applyFixes: FixResult;
  continueFixes: FixResult;
  cancelFixes: { cancelled: boolean; applied: number };
  undoLast: UndoResult;
  getUndoInfo: UndoInfo | null;
  eraseHistory: EraseHistoryResult;
  selectCell: null;
  runMatching: MatchView;
  continueMatching: MatchView;
  cancelMatching: { cancelled: boolean };
  getMatchReport: MatchReport;
  setPairDecision: MatchView;
  setApproval: { approved: number };
  commitMatches: CommitResult;
  runSummary: SummaryView;
  continueSummary: SummaryView;
  /** message: what was stopped, and that nothing was changed. */
  cancelSummary: { cancelled: boolean; message: Message };
  /** running: the workbook is too large for one call; continueSummary runs the parts, the last closes (re-opens) the 年度. */
  closeFiscalYear: SummaryView;
  reopenFiscalYear: SummaryView;
  /** running: the workbook is too large for one call; continueSummary runs the parts, the last opens the dialog. */
  openSummaryReport: { fy: number; title: string; running: SummaryProgress | null };
  getSummaryReport: SummaryReport;
  writeSurveyTemplate: SurveyTemplateResult;
  previewForms: SurveyBuildView;
  buildForms: SurveyBuildView;
  previewSurveyAnswers: SurveyAnswersView;
  importSurveyAnswers: SurveyAnswersView;
  previewSurveyCandidates: SurveyCandidatesView;
  decideSurveyCandidates: SurveyDecisionResult;
  getTriggerStatus: TriggerStatus;
  startAnswerTrigger: TriggerChange;
  startSummaryTrigger: TriggerChange;
  stopTrigger: TriggerChange;
  clearNewAnswers: TriggerChange;
  getFormFlyer: FormFlyerView;
  openFormFlyer: FormFlyerView;
}

/** Every RPC answers with this envelope, so a user-facing error survives google.script.run intact. */
export type RpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: Message & { code: string } };

/** The names the sidebar may call; each is a top-level function of the built Code.js. */
export const RPC_NAMES = Object.keys(rpcArgs) as RpcName[];
