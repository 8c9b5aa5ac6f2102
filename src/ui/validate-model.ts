/** What the 検証 section says, as plain text per language: counts, sheets checked, issue groups and items, fix previews, results and undo. */
import type { FixPreview, FixPreviewItem, IssueGroup, IssueView, Message, ValidationView } from '../shared/rpc';
import { joinList, pickMessage, t, type Lang, type MessageKey } from './i18n';
import { undoneText } from './undo';
import { rowsText } from './view-model';

/** Above this many groups the list starts collapsed, so the sheets and rules fit on one screen. */
export const OPEN_GROUPS_MAX = 5;

/** One part of the counts line, with the severity it is coloured by. */
export interface CountPart {
  tone: 'error' | 'warning' | 'fixable';
  text: string;
}

/** 「エラー 3件」「警告 5件」「安全に直せるもの 2件」, in that order. */
export function countParts(counts: ValidationView['counts'], lang: Lang): CountPart[] {
  return [
    { tone: 'error', text: t(lang, 'validate.countErrors', { n: counts.errors }) },
    { tone: 'warning', text: t(lang, 'validate.countWarnings', { n: counts.warnings }) },
    { tone: 'fixable', text: t(lang, 'validate.countFixable', { n: counts.fixable }) },
  ];
}

/** 「名簿2024（ボランティア名簿）・データ 120 行」; the kind is left out when the sheet is named after it. */
export function checkedSheetText(sheet: ValidationView['checkedSheets'][number], lang: Lang): string {
  const kind =
    sheet.kindLabel && sheet.kindLabel !== sheet.name ? t(lang, 'validate.kindOf', { kind: sheet.kindLabel }) : '';
  return `${sheet.name}${kind}${t(lang, 'list.dot')}${rowsText(sheet.rows, lang)}`;
}

/** The groups of each sheet, sheets and groups in the order the server sent them. */
export function groupsBySheet(groups: readonly IssueGroup[]): Array<{ sheet: string; groups: IssueGroup[] }> {
  const bySheet = new Map<string, IssueGroup[]>();
  for (const group of groups) {
    const list = bySheet.get(group.sheet);
    if (list) list.push(group);
    else bySheet.set(group.sheet, [group]);
  }
  return Array.from(bySheet, ([sheet, list]) => ({ sheet, groups: list }));
}

/** Identifies a group across runs, so a group staff opened stays open after the list is refreshed. */
export function groupKey(group: Pick<IssueGroup, 'sheet' | 'code'>): string {
  return `${group.sheet}\u0000${group.code}`;
}

/** Open unless the list is long; a choice staff made (by key) wins. */
export function groupOpen(group: IssueGroup, groupCount: number, chosen: ReadonlyMap<string, boolean>): boolean {
  return chosen.get(groupKey(group)) ?? groupCount <= OPEN_GROUPS_MAX;
}

export interface IssueGroupModel {
  key: string;
  severity: 'error' | 'warning';
  /** 「エラー」/「警告」. */
  severityText: string;
  /** The rule's title in the current language. */
  title: string;
  /** 「12件」. */
  totalText: string;
  /** 「…他 7件」, or null when every issue is listed. */
  moreText: string | null;
}

export function issueGroupModel(group: IssueGroup, lang: Lang): IssueGroupModel {
  return {
    key: groupKey(group),
    severity: group.severity,
    severityText: severityText(group.severity, lang),
    title: pickMessage(group.title, lang) || group.code,
    totalText: plural(lang, 'validate.groupTotal', 'validate.groupTotalOne', group.total),
    moreText: moreText(group.total, group.issues.length, lang),
  };
}

export function severityText(severity: 'error' | 'warning', lang: Lang): string {
  return t(lang, severity === 'error' ? 'validate.severityError' : 'validate.severityWarning');
}

/** 「…他 n件」 for the issues of a group that are not listed; null when none is left out. */
export function moreText(total: number, shown: number, lang: Lang): string | null {
  const rest = total - shown;
  return rest > 0 ? t(lang, 'validate.more', { n: rest }) : null;
}

export interface IssueItemModel {
  /** 「B5・電話番号」, or 「「氏名」列」 for a column that is missing. */
  place: string;
  /** 「値: …」 with 「（空欄）」 for an empty cell. */
  valueText: string;
  message: string;
  /** 「提案: …」, or null when there is no suggestion. */
  suggestionText: string | null;
  /** Where clicking the issue takes Sheets, or null when there is no cell to go to. */
  target: { sheet: string; row: number; column: number } | null;
}

export function issueItemModel(issue: IssueView, lang: Lang): IssueItemModel {
  const place = issue.cell
    ? issue.column
      ? `${issue.cell}${t(lang, 'list.dot')}${issue.column}`
      : issue.cell
    : t(lang, 'validate.columnPlace', { column: issue.column });
  return {
    place,
    valueText: t(lang, 'validate.value', { value: issue.value === '' ? t(lang, 'validate.emptyValue') : issue.value }),
    message: pickMessage(issue.message, lang),
    suggestionText: issue.suggestion
      ? t(lang, 'validate.suggestion', { value: pickMessage(issue.suggestion, lang) })
      : null,
    target: cellTarget(issue),
  };
}

/** selectCell's arguments, or null for an issue about a whole column (columnNumber 0) or outside the sheet. */
export function cellTarget(issue: Pick<IssueView, 'sheet' | 'row' | 'columnNumber'>): IssueItemModel['target'] {
  if (!issue.sheet || !isPositiveInt(issue.row) || !isPositiveInt(issue.columnNumber)) return null;
  return { sheet: issue.sheet, row: issue.row, column: issue.columnNumber };
}

const FIX_KIND_KEYS: Readonly<Record<string, MessageKey>> = {
  width: 'fixKind.width',
  spaces: 'fixKind.spaces',
  phone: 'fixKind.phone',
  postal: 'fixKind.postal',
  date: 'fixKind.date',
  kana: 'fixKind.kana',
  amount: 'fixKind.amount',
  yesno: 'fixKind.yesno',
  listValue: 'fixKind.listValue',
};

/** 「電話番号の形式」 for 'phone'; a kind this sidebar does not know yet is shown as its key. */
export function fixKindLabel(kind: string, lang: Lang): string {
  const key = Object.prototype.hasOwnProperty.call(FIX_KIND_KEYS, kind) ? FIX_KIND_KEYS[kind] : undefined;
  return key ? t(lang, key) : kind;
}

export interface FixItemModel {
  /** 「B5」 (the sheet is shown apart, smaller). */
  cell: string;
  sheet: string;
  before: string;
  after: string;
  kindText: string;
}

export function fixItemModel(item: FixPreviewItem, lang: Lang): FixItemModel {
  const empty = t(lang, 'validate.emptyValue');
  return {
    cell: item.cell || item.column,
    sheet: item.sheet,
    before: item.before === '' ? empty : item.before,
    after: item.after === '' ? empty : item.after,
    kindText: fixKindLabel(item.kind, lang),
  };
}

export interface FixPreviewModel {
  /** 「修正するもの: 42件」. */
  totalText: string;
  /** 「（最初の300件を表示）」, or null when every fix is listed. */
  shownText: string | null;
  /** 「電話番号の形式 12件、日付（和暦→西暦） 3件」, most frequent first; '' when there is nothing. */
  byKindText: string;
  empty: boolean;
}

export function fixPreviewModel(preview: FixPreview, lang: Lang): FixPreviewModel {
  const kinds = Object.keys(preview.byKind)
    .filter((kind) => (preview.byKind[kind] ?? 0) > 0)
    .sort((a, b) => (preview.byKind[b] ?? 0) - (preview.byKind[a] ?? 0));
  return {
    totalText: t(lang, 'validate.previewTotal', { n: preview.total }),
    shownText:
      preview.total > preview.items.length ? t(lang, 'validate.previewShown', { n: preview.items.length }) : null,
    byKindText: joinList(
      lang,
      kinds.map((kind) => t(lang, 'validate.byKind', { kind: fixKindLabel(kind, lang), n: preview.byKind[kind] ?? 0 })),
    ),
    empty: preview.total === 0,
  };
}

/** The outcome of the last action, kept as data so it can be said again in the other language. */
export type ValidateNotice =
  | { kind: 'highlights'; restored: number; notesKept: number }
  | { kind: 'fixed'; applied: number; skipped?: number }
  | { kind: 'fixStopped'; undone: number }
  | { kind: 'undone'; label: Message; cells: number }
  | { kind: 'stopped' }
  | { kind: 'erased'; actions: number };

export function noticeText(notice: ValidateNotice, lang: Lang): string {
  switch (notice.kind) {
    case 'highlights': {
      if (notice.restored === 0) return t(lang, 'validate.highlightsNone');
      const cleared = plural(lang, 'validate.highlightsCleared', 'validate.highlightsClearedOne', notice.restored);
      return notice.notesKept === 0
        ? cleared
        : `${cleared}${plural(lang, 'validate.notesKept', 'validate.notesKeptOne', notice.notesKept)}`;
    }
    case 'fixed': {
      const fixed =
        notice.applied === 0
          ? t(lang, 'validate.fixedNone')
          : plural(lang, 'validate.fixed', 'validate.fixedOne', notice.applied);
      return notice.skipped ? `${fixed}${t(lang, 'fix.skipped', { n: notice.skipped })}` : fixed;
    }
    case 'fixStopped':
      return t(lang, 'fix.stopped', { n: notice.undone });
    case 'undone':
      return undoneText(notice.label, notice.cells, lang);
    case 'stopped':
      return t(lang, 'validate.stopped');
    case 'erased':
      return plural(lang, 'history.erased', 'history.erasedOne', notice.actions);
  }
}

/** English needs a singular for one; Japanese says the same either way. */
function plural(lang: Lang, many: MessageKey, one: MessageKey, n: number): string {
  return t(lang, n === 1 ? one : many, { n });
}

function isPositiveInt(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}
