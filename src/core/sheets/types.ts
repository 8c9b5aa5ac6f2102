/** Defines the shapes of the data contract: sheet kinds, column specs and sheet specs. */
import type { YesNo } from '../text/yesno';

/** The ten kinds of sheet Tsunagu recognises, in the order used to break ties. */
export const SHEET_KINDS = [
  'volunteers',
  'requests',
  'donations',
  'memberships',
  'activities',
  'consultations',
  'settings',
  'indicators',
  'surveys',
  'volunteerFormAnswers',
] as const;

export type SheetKind = (typeof SHEET_KINDS)[number];

/** How a column's cells are read and validated. */
export type ColumnType =
  | 'text'
  | 'id'
  | 'date'
  | 'integer'
  /** A decimal number (基準値 of a rate). */
  | 'number'
  /** Yen: a positive integer. */
  | 'amount'
  | 'yesno'
  /** One value from a fixed list (list) or from a 設定 list (listFromSettings). */
  | 'list'
  /** Several free values separated by 、 , ・ or a line break. */
  | 'multi'
  | 'phone'
  | 'postal'
  | 'email'
  | 'kana'
  /** When someone is free: 月午前、水午後、土日終日、平日夜間. */
  | 'availability'
  | 'fiscalYear'
  /** A duration in hours (活動時間). */
  | 'time';

export interface ColumnSpec {
  /** English camelCase, stable: stored in mappings. */
  readonly key: string;
  /** The canonical Japanese header, exactly as in DESIGN.md. */
  readonly header: string;
  /** Real-world variants that identify the column as well as the canonical header does. */
  readonly aliases: readonly string[];
  /**
   * Generic variants ('ID', 'No', '番号', '種別') that fit many sheets: they map the column
   * when nothing better does but weigh little and never make a sheet recognisable.
   */
  readonly weakAliases?: readonly string[];
  readonly type: ColumnType;
  /** The sheet is usable without it only with reduced function; reported as missing. */
  readonly required: boolean;
  /** Fixed allowed values from DESIGN.md. */
  readonly list?: readonly string[];
  /** The allowed values come from this list of the 設定 sheet (圏域, 地区, 入金方法 …). */
  readonly listFromSettings?: string;
  /** The value a blank cell stands for (月間上限 4, 必要人数 1). */
  readonly default?: string | number | boolean;
  /** Personal data: kept out of logs, properties, cache and summaries. */
  readonly personal?: boolean;
  /** Formatted as plain text '@' when Tsunagu creates the sheet (ids, phone and postal codes keep leading zeros). */
  readonly textFormat?: boolean;
  /** A cell may hold several values (splitMulti). */
  readonly multi?: boolean;
  /**
   * false: recognised and checked when staff's sheet has it (携帯電話, FAX …), but not part of the
   * data contract, so シート準備 does not add it to the standard sheet.
   */
  readonly standard?: boolean;
  /**
   * What the reader that uses the sheet (the survey builder, the indicator reader) takes in this
   * column beyond what its type reads: the reader's own functions, so 検証 accepts what the reader
   * builds with and flags what it refuses.
   */
  readonly reads?: ColumnReading;
  /**
   * A blank cell under a filled one stands for the value above (アンケート定義's フォーム名, written
   * once over its form's rows: merged down or left blank): required, but reported only where no row
   * above has a value.
   */
  readonly carriedDown?: boolean;
}

/** A reader's own parsers for one column (ColumnSpec.reads). */
export interface ColumnReading {
  /** list: true for a word outside `list` that the reader reads as a value (種類 「チェックボックス」); never offered in drop-downs. */
  readonly word?: (text: string) => boolean;
  /** yesno: the reader's yes/no, which knows more words than parseYesNo (必須 ●, 任意). */
  readonly yesNo?: (cell: unknown) => YesNo;
  /** integer: the number the reader reads from a cell that is not a plain number (基本目標１ → 1); null when it refuses. */
  readonly integer?: (cell: unknown) => number | null;
}

/**
 * A family of columns one per fiscal year or per language ('目標2024', '設問[en]'). A matched
 * column's key is `${key}.${capture}`: 'target.2024', 'question.en'.
 */
export interface ColumnPatternSpec {
  readonly key: string;
  /** The base word of the header: '目標', '設問'. */
  readonly header: string;
  /** What the header carries besides the base word. */
  readonly capture: 'fiscalYear' | 'language';
  readonly type: ColumnType;
  readonly multi?: boolean;
  /** How the template reads in documentation and in created sheets: '目標{年度}'. */
  readonly example: string;
}

/**
 * When a header row is this kind at all: at least one of `anyOf` and at least `plus` further
 * columns from `from`, all matched by canonical header or strong alias.
 */
export interface MinimumMatch {
  readonly anyOf: readonly string[];
  readonly plus: number;
  readonly from: readonly string[];
}

export interface SheetSpec {
  readonly kind: SheetKind;
  /** The canonical Japanese sheet name. */
  readonly canonicalName: string;
  /** Other sheet names that mean this kind; used only to break near-ties. */
  readonly nameAliases: readonly string[];
  readonly description: { readonly ja: string; readonly en: string };
  readonly columns: readonly ColumnSpec[];
  readonly patterns: readonly ColumnPatternSpec[];
  readonly minimumMatch: MinimumMatch;
  /**
   * Headers that could mean more than one column of this kind (種別 in a 寄付台帳: 区分 or
   * 寄付者種別). Such a column takes the key its values fit (the keys' fixed lists), else the
   * first key no other column took; the mapping view asks staff to confirm it.
   */
  readonly ambiguousHeaders?: readonly AmbiguousHeader[];
}

export interface AmbiguousHeader {
  readonly header: string;
  /** The keys it could mean, the likelier first. */
  readonly keys: readonly string[];
}

/** A problem staff can fix, as a value: validation and settings both report these. */
export interface SheetIssue {
  /** Stable identifier, e.g. 'settings.thresholdClamped'. */
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** 1-based sheet row, when the issue is about one row. */
  readonly row?: number;
  /** The header as written, when the issue is about one column. */
  readonly column?: string;
  readonly message: { readonly ja: string; readonly en: string };
}
