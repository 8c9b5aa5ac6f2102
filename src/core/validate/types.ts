/** The shapes of validation: the sheets it reads, the issues it finds, and the safe fixes it proposes. */
import type { CellValue } from '../ports';
import type { ColumnMapping } from '../sheets/mapping';
import type { SheetRows } from '../sheets/row-kinds';
import type { Settings } from '../sheets/settings';
import type { SheetKind } from '../sheets/types';
import type { PlainDate } from '../text/plainDate';

export type Severity = 'error' | 'warning';

/** What kind of meaning-preserving change a safe fix makes (shown in the preview, counted in the summary). */
export type FixKind =
  /** 全角 digits, letters and symbols → 半角 (NFKC), dash variants → '-' */
  | 'width'
  /** Leading/trailing/double spaces, 全角スペース */
  | 'spaces'
  /** A phone number's digits hyphenated canonically (0424611234 → 042-461-1234) */
  | 'phone'
  /** A postal code as 3+4 digits (〒1880012 → 188-0012) */
  | 'postal'
  /** A date typed as text (和暦, 2024/4/1, full-width) → ISO 2024-04-01 */
  | 'date'
  /** Furigana in hiragana or half-width katakana → full-width katakana */
  | 'kana'
  /** An amount typed as text ('¥10,000', '１０，０００円') → the number 10000 */
  | 'amount'
  /** A yes/no variant (○, 有, TRUE) → はい / いいえ */
  | 'yesno'
  /** A list value that differs from an allowed value only by width or spaces → the allowed value */
  | 'listValue';

/** A fix Tsunagu may apply without asking what was meant: the value after it, and the kind of change. */
export interface SafeFix {
  kind: FixKind;
  /** The new cell value: text, or a number for amounts and counts. */
  to: string | number;
}

/** One finding about one cell (or one row, when column is the row's id column). */
export interface ValidationIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** 0-based column index in the sheet; -1 when the issue is about a column that is missing. */
  columnIndex: number;
  /** The column header as written in the sheet (or the canonical header of a missing column). */
  column: string;
  /** Stable dotted code, documented in docs/validation.md (e.g. 'phone.format', 'volunteers.duplicatePerson'). */
  code: string;
  severity: Severity;
  /** Says what was expected, in Japanese and English. */
  message: { ja: string; en: string };
  /** The cell as staff see it (display text). */
  value: string;
  /** A suggested correction staff can read; not applied automatically unless `fix` is set. */
  suggestion?: string;
  /** The suggestion in English when it is words rather than a value. */
  suggestionEn?: string;
  /** Set only when the correction preserves meaning and may be applied by 安全な修正を適用. */
  fix?: SafeFix;
}

/** One sheet as validation reads it: its kind and mapping, and the values read in one batch. */
export interface SheetInput {
  name: string;
  kind: SheetKind;
  mapping: ColumnMapping;
  /** getValues of the used range, from row 1. */
  values: CellValue[][];
  /** getDisplayValues of the same range. */
  display: string[][];
  /**
   * Which rows are data and which are totals and notes, classified once by whoever read the sheet
   * (with the formulas of undecided rows); classifyRows runs on the values when absent.
   */
  rows?: SheetRows;
}

/** Everything validation looks at: the sheets of known kinds, the settings, and today. */
export interface WorkbookInput {
  sheets: SheetInput[];
  settings: Settings;
  /** Today in the spreadsheet's time zone; future dates and the current fiscal year are judged by it. */
  today: PlainDate;
  /**
   * What the rules that compare rows share (RunContext.shared), by key: given, it holds what the
   * earlier parts of a 検証 in parts saw (validate/chunks.ts), and this run adds to it.
   */
  shared?: Map<string, unknown>;
}

export interface ValidationCounts {
  errors: number;
  warnings: number;
  /** Issues whose fix is safe to apply. */
  fixable: number;
  /** Per code. */
  byCode: Record<string, number>;
  /** Per sheet. */
  bySheet: Record<string, number>;
}

export interface ValidationResult {
  issues: ValidationIssue[];
  counts: ValidationCounts;
}
