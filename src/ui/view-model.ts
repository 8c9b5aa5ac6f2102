/** What the シート準備 section says about each sheet and about a setupSheets result, as plain text per language. */
import type { SetupResult, SheetOverview } from '../shared/rpc';
import { joinList, pickMessage, t, type Lang } from './i18n';

export type SheetStatus = 'confirmed' | 'unconfirmed' | 'unknown';

/** One row of the sheet list, every part already in the current language. */
export interface SheetItemModel {
  name: string;
  status: SheetStatus;
  /** 確認済み / 未確認 / 種類不明. */
  statusText: string;
  /** The kind label (Japanese, as staff call it), '' for an unrecognised sheet. */
  kindText: string;
  /** データ 12 行; '' for an unrecognised sheet (its rows mean nothing yet). */
  rowsText: string;
  /** 必須の列がありません: 氏名、電話番号 — or null when nothing required is missing. */
  missingText: string | null;
  /** Why the sheet was not recognised, or null for a recognised sheet. */
  reasonText: string | null;
  /** 「マッチング・集計に使わない」 for a recognised sheet staff keep for the record; null otherwise. */
  notLiveText: string | null;
}

export function sheetItemModel(view: SheetOverview, lang: Lang): SheetItemModel {
  if (view.kind === null) {
    return {
      name: view.name,
      status: 'unknown',
      statusText: t(lang, 'sheet.unknown'),
      kindText: '',
      rowsText: '',
      missingText: null,
      reasonText: (view.reason && pickMessage(view.reason, lang)) || t(lang, 'sheet.unknownNoReason'),
      notLiveText: null,
    };
  }
  return {
    name: view.name,
    status: view.confirmed ? 'confirmed' : 'unconfirmed',
    statusText: t(lang, view.confirmed ? 'sheet.confirmed' : 'sheet.unconfirmed'),
    kindText: view.kindLabel || view.kind,
    rowsText: rowsText(view.dataRows, lang),
    missingText:
      view.missingRequired.length > 0
        ? t(lang, 'sheet.missingRequired', { columns: joinList(lang, view.missingRequired) })
        : null,
    reasonText: null,
    notLiveText: view.live ? null : t(lang, 'sheet.notLive'),
  };
}

/** 「データ 12 行」 / "12 data rows" ("1 data row"). */
export function rowsText(count: number, lang: Lang): string {
  return t(lang, count === 1 ? 'sheet.rowsOne' : 'sheet.rows', { n: count });
}

/** The lines that report a setupSheets result: what was created, what was already there. */
export function setupResultLines(result: SetupResult, lang: Lang): string[] {
  const lines = [
    result.created.length > 0
      ? t(lang, 'setup.created', { names: joinList(lang, result.created) })
      : t(lang, 'setup.createdNone'),
  ];
  if (result.existing.length > 0) lines.push(t(lang, 'setup.existing', { names: joinList(lang, result.existing) }));
  return lines;
}
