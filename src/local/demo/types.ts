/** The public types of the synthetic demo workbook: its options, its sheets, and the manifest of planted mistakes. */
import type { PlainDay } from './plain-day';

/** What a generated cell holds: text, a number, a yes/no, or a date (an instant at Tokyo midnight). */
import type { CellValue } from '../../core/ports';

export type { CellValue };

/** One 圏域 with its elementary-school districts (地区, e.g. '田無小地区') and its 町名. */
export interface DemoArea {
  name: string;
  districts: string[];
  towns: string[];
}

export interface DemoOptions {
  /** Any finite number; the same options always give a deep-equal book. Default 1. */
  seed?: number;
  /** Rows of ボランティア名簿, re-registrations included. Default 300. */
  volunteers?: number;
  /** Rows of 依頼. Default 120. */
  requests?: number;
  /**
   * The day the demo is "as of": nothing is dated after it, and the ledgers cover its fiscal year
   * and the two before. A Date is read as its calendar day in Asia/Tokyo. Default 2026-11-26.
   */
  today?: PlainDay | Date;
  /** The city written before the 町名 in addresses. Default '西東京市'. */
  city?: string;
  /** 圏域 → 地区 → 町名; normally the 設定 defaults. At least one area, each with a district and a town. */
  areas: DemoArea[];
  /**
   * Pairs of adjacent 圏域 (設定 隣接圏域), so the planted shortages know what is within reach.
   * Without it every 圏域 counts as within reach of every other.
   */
  adjacentAreas?: (readonly [string, string])[];
  /**
   * How many times a mid-sized city's (Nishitokyo's) yearly volume each ledger holds: donations and
   * their donors, members, activities besides the visits requests bring, consultations. Default 1;
   * `tsunagu demo --scale large` uses DEMO_SCALES.large.
   */
  ledgerScale?: Partial<LedgerScale>;
}

/** Multipliers of the ledgers' yearly volumes (1 = the default demo). */
export interface LedgerScale {
  donations: number;
  memberships: number;
  activities: number;
  consultations: number;
}

export type DemoSheetKind = 'volunteers' | 'requests' | 'donations' | 'memberships' | 'activities' | 'consultations';

export interface DemoSheet {
  kind: DemoSheetKind;
  /** The canonical Japanese sheet name of DESIGN.md. */
  name: string;
  /** The canonical Japanese headers of DESIGN.md, exactly, in its order. */
  header: string[];
  /** Data rows only (the header is not repeated); each row has header.length cells, '' for blank. */
  rows: CellValue[][];
}

/** The kinds of entry mistakes the demo plants, named after what staff actually do. */
export type MistakeKind =
  /** 全角 digits (and 全角 hyphens/commas) in a phone number, postal code, amount or count. */
  | 'fullwidthDigits'
  /** A date typed as 和暦 text: '令和6年4月1日', 'R6.4.1', '昭和23年5月1日'. */
  | 'wareki'
  /** フリガナ typed in hiragana. */
  | 'hiraganaFurigana'
  /** フリガナ typed in half-width katakana (ｻﾄｳ ﾊﾅｺ). */
  | 'halfwidthKatakana'
  /** A required cell left blank. */
  | 'missingRequired'
  /** The same person registered again under a new 登録番号. */
  | 'probableDuplicate'
  /** A phone number without hyphens, with a wrong digit count, or with ー/− typed for the hyphen. */
  | 'phoneFormat'
  /** A postal code without its hyphen, with 〒, or with ー typed for the hyphen. */
  | 'postalFormat'
  /** An amount typed as text: '¥10,000', '10,000円'. */
  | 'amountText'
  /** 会費台帳: 金額 is not 口数 × 単価. */
  | 'amountMismatch'
  /** 寄付台帳: a 領収書番号 used twice within one fiscal year. */
  | 'duplicateReceiptNumber'
  /** 寄付台帳: 受領日 outside the fiscal year its 領収書番号 claims. */
  | 'fiscalYearMismatch';

export interface PlantedMistake {
  /** The canonical sheet name. */
  sheet: string;
  /** 1-based sheet row; the header is row 1, so the first data row is 2. */
  row: number;
  /** The header of the cell that holds the mistake. */
  column: string;
  kind: MistakeKind;
  /** A short Japanese explanation for the answer key. */
  note: string;
  /**
   * The clean value the cell would have held ('' when there is none, e.g. for a duplicate row).
   * Lets validator tests check that a proposed fix restores exactly this.
   */
  expected: CellValue;
  /** probableDuplicate / duplicateReceiptNumber: the sheet row of the earlier entry this one repeats. */
  relatedRow?: number;
}

/** What 不足分析 lists a planted shortage under (core/match ShortageDimension). */
export type ShortageDimension = 'categoryArea' | 'skill' | 'language' | 'timeSlot';

/** An open request the roster cannot fill, planted so the demo shows a recruiting agenda. */
export interface PlantedShortage {
  /** The canonical sheet name (依頼). */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  requestId: string;
  /** The 不足分析 dimension it shows under besides 内容区分 × 圏域 ('categoryArea' when only there). */
  dimension: ShortageDimension;
  /** The 不足分析 key in that dimension: the language, the skills joined with ＋, '内容区分 × 圏域', the wished time. */
  key: string;
  /** The reason code matching gives for its unfilled place (unmet.language, unmet.consent …). */
  reason: string;
  /** A short Japanese explanation for the answer key. */
  note: string;
}

export interface DemoBook {
  sheets: DemoSheet[];
  /** Every planted mistake, by sheet (in sheets order) then row. Cells not listed here are clean. */
  mistakes: PlantedMistake[];
  /** The open requests nobody on the roster can take, in sheet order: the recruiting agenda. */
  shortages: PlantedShortage[];
}
