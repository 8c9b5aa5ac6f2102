/**
 * Tsunagu's own output sheets: what kinds there are, the name each is written under, and how they
 * are told apart from staff sheets — by the mark Tsunagu puts on a sheet it creates (developer
 * metadata), never by name alone. A staff sheet that happens to carry an output sheet's name is
 * never overwritten: the output goes to another name (検証結果 (つなぐ)) and the reply says so.
 */
import type { Message } from '../shared/rpc';
import { HISTORY_SHEET } from './history/codec';
import type { MarkedSheet, Workbook } from './ports';

/** Every output sheet Tsunagu writes, by kind, with the name staff know it by. */
export const OUTPUT_NAMES = {
  validation: '検証結果',
  matching: 'マッチング結果',
  shortage: '不足分析',
  summary: '指標サマリー',
  forms: 'フォーム一覧',
  answers: 'アンケート回答',
  /** Hidden: which form responses were imported into ボランティア名簿 / 活動記録 or declined (ids only, no answers). */
  imports: 'つなぐ取り込み記録',
  history: HISTORY_SHEET,
  /** Hidden: 年度確定 — the frozen figures of closed 年度 (docs/summary.md). */
  closing: '指標サマリー年度確定',
  /** Hidden: the table 指標サマリー's own charts are drawn from (suppressed figures only). */
  summaryCharts: '指標サマリーグラフ',
  /** Hidden: what a 指標サマリー in parts keeps between its parts (counts per 年度 and 圏域, no names but ids). */
  summaryWork: '指標サマリー作業',
  /** Hidden: what a 検証 in parts keeps between its parts (findings, marks and fixes to come). */
  work: 'つなぐ作業',
  /** Hidden: what a マッチング in parts staged (the roster's and activity log's cells it reads), which 固定/除外 matches from. */
  matchWork: 'つなぐマッチング作業',
} as const;

export type OutputKind = keyof typeof OUTPUT_NAMES;

export const VALIDATION_SHEET = OUTPUT_NAMES.validation;
export const MATCHING_SHEET = OUTPUT_NAMES.matching;
export const SHORTAGE_SHEET = OUTPUT_NAMES.shortage;
export const SUMMARY_SHEET = OUTPUT_NAMES.summary;

/** The developer-metadata key of the mark; its value is the OutputKind. */
export const OUTPUT_MARK_KEY = 'tsunagu.output';

/**
 * Sheets Tsunagu makes only for the length of one action (the new content of an output sheet, a
 * copy kept to undo it). They are never staff data.
 */
export const SCRATCH_PREFIX = 'つなぐ作業中';

/** The names an output of this kind may be written under, in order: the canonical one, then 検証結果 (つなぐ), (つなぐ 2) … */
export function candidateNames(kind: OutputKind, count = 10): string[] {
  const name = OUTPUT_NAMES[kind];
  const names: string[] = [name, `${name} (つなぐ)`];
  for (let n = 2; names.length < count; n++) names.push(`${name} (つなぐ ${n})`);
  return names;
}

/** Where an output sheet of one kind goes in this workbook now. */
export interface OutputPlace {
  kind: OutputKind;
  name: string;
  /** A sheet of that name exists and is Tsunagu's (marked, or adopted below). */
  exists: boolean;
  /** An unmarked sheet made by an earlier version of Tsunagu (the canonical name and our header row): mark it first. */
  adopt: boolean;
  /** The staff sheets that carry the canonical name (or an earlier fallback name) and were left alone. */
  passedOver: string[];
}

/** Sheets Sheets would take for the same name (names compare without case). */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The first row of a sheet as text, for recognising an unmarked output sheet of an earlier version. */
function firstRow(workbook: Workbook, name: string): string[] {
  const rows = workbook.readRows(name, 1, 1);
  return (rows[0] ?? []).map((v) => String(v).trim());
}

/**
 * The sheet an output of this kind is (re)written to: the first candidate name that is Tsunagu's
 * sheet of this kind, or is free. A sheet with the name that is not Tsunagu's is passed over —
 * unless it is the canonical name, unmarked, with exactly the header Tsunagu writes (`header`):
 * then an earlier version of Tsunagu made it, and it is adopted.
 */
export function placeOutput(
  workbook: Workbook,
  kind: OutputKind,
  header: readonly string[],
  marked: readonly MarkedSheet[] = workbook.markedSheets(),
  /** The workbook's sheet names when the caller has them already (an action placing two outputs). */
  sheets: readonly string[] = workbook.sheetNames(),
): OutputPlace {
  const passedOver: string[] = [];
  for (const candidate of candidateNames(kind, 50)) {
    const existing = sheets.find((s) => sameName(s, candidate));
    if (existing === undefined) return { kind, name: candidate, exists: false, adopt: false, passedOver };
    const mark = marked.find((m) => m.name === existing);
    if (mark && mark.kind === kind) return { kind, name: existing, exists: true, adopt: false, passedOver };
    if (!mark && candidate === OUTPUT_NAMES[kind] && header.length > 0) {
      const row = firstRow(workbook, existing);
      if (header.every((h, i) => row[i] === h)) return { kind, name: existing, exists: true, adopt: true, passedOver };
    }
    passedOver.push(existing);
  }
  throw new Error(`no free name for the ${kind} sheet`);
}

/** Names of every sheet that is Tsunagu's own (marked outputs and scratch sheets): never read as staff data. */
export function ownSheetNames(
  workbook: Workbook,
  marked: readonly MarkedSheet[] = workbook.markedSheets(),
): Set<string> {
  const own = new Set(marked.map((m) => m.name));
  for (const name of workbook.sheetNames()) if (name.startsWith(SCRATCH_PREFIX)) own.add(name);
  return own;
}

/** What staff are told when an output went to another name because a sheet of theirs has the usual one. */
export function placeNotice(place: OutputPlace): Message | null {
  if (place.passedOver.length === 0) return null;
  const theirs = place.passedOver.map((n) => `「${n}」`).join('');
  return {
    ja: `${theirs}はつなぐが作ったシートではないため変更せず、結果を「${place.name}」に書き込みました。`,
    en: `${theirs} was not made by Tsunagu, so it was left as it is; the results were written to 「${place.name}」.`,
  };
}
