/** Defines the shapes of matching: what it reads (MatchInput), what it returns (MatchResult) and the reasons it gives. */
import type { Activity, HelpRequest, Volunteer } from '../sheets/records';
import type { Settings } from '../sheets/settings';
import type { PlainDate } from '../text/plainDate';

/** One volunteer ↔ request pair, by their ids as written in the sheets. */
export interface PairKey {
  requestId: string;
  volunteerId: string;
}

export interface MatchInput {
  volunteers: Volunteer[];
  requests: HelpRequest[];
  activities: Activity[];
  settings: Settings;
  /** Today in the spreadsheet's time zone: fiscal years, waiting days and recent assignments are counted from it. */
  today: PlainDate;
  /** Pairs a coordinator pinned: kept if still possible (they take capacity first); otherwise reported in warnings. */
  pins: PairKey[];
  /** Pairs a coordinator excluded: never made. */
  exclusions: PairKey[];
}

/** One plain-language statement, each true of the data. `code` is stable (docs/matching.md lists them). */
export interface Reason {
  code: string;
  ja: string;
  en: string;
}

export interface Assignment {
  requestId: string;
  volunteerId: string;
  /** 1-based sheet rows. */
  requestRow: number;
  volunteerRow: number;
  /** The sheets those rows are on, when the records say (matching read more than one sheet of a kind). */
  requestSheet?: string;
  volunteerSheet?: string;
  /** 0–100, rounded to 1 decimal. */
  score: number;
  /** Why this pair: proximity, shared time, continuity, interest, fairness, waiting. The sidebar joins the ja texts with ・. */
  reasons: Reason[];
  /** A coordinator pinned it. */
  pinned: boolean;
}

export interface Unmatched {
  requestId: string;
  requestRow: number;
  /** The sheet of that row, when the record says. */
  requestSheet?: string;
  /** Places to fill in this run: 必要人数 minus the volunteers already on the request. */
  needed: number;
  /** Places this run filled (pins included). */
  filled: number;
  missing: number;
  /** The binding reason(s), with counts. */
  reasons: Reason[];
}

export type ShortageDimension = 'categoryArea' | 'skill' | 'language' | 'timeSlot';

export interface ShortageRow {
  dimension: ShortageDimension;
  /** '家事の手伝い × 北東部', '手話', 'ベトナム語', '火曜午前'. */
  key: string;
  /** Unfilled places. */
  places: number;
  /** Request ids, in sheet order. */
  requests: string[];
}

export interface MatchStats {
  /** Places filled by this run (pins included). */
  filledPlaces: number;
  /** Places open before this run: Σ (必要人数 − already assigned) over requests in 受付/調整中. */
  totalPlaces: number;
  /** Σ of the assignments' scores (the objective's second part), rounded to 1 decimal. */
  score: number;
  /** Possible pairs: every hard constraint holds and the volunteer has capacity left (pins included). */
  candidatePairs: number;
}

export interface MatchResult {
  /** By request (sheet in tab order, then row), then volunteer (likewise). */
  assignments: Assignment[];
  /** Requests with unfilled places, by request row. */
  unmatched: Unmatched[];
  /** The recruiting agenda: by dimension, then most places first. */
  shortages: ShortageRow[];
  stats: MatchStats;
  /** A pinned pair that is no longer possible, an unknown weight name, a duplicate id … */
  warnings: Reason[];
}
