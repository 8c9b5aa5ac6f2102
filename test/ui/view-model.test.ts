import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { SheetOverview } from '../../src/shared/rpc';
import { t } from '../../src/ui/i18n';
import { rowsText, setupResultLines, sheetItemModel } from '../../src/ui/view-model';

/** What the sheet list shows of a sheet besides its name, in the order the setup section shows it. */
function sheetSummaryText(view: SheetOverview, lang: 'ja' | 'en'): string {
  const item = sheetItemModel(view, lang);
  const parts =
    item.status === 'unknown'
      ? [item.statusText, item.reasonText]
      : [item.kindText, item.rowsText, item.statusText, item.missingText];
  return parts.filter((part): part is string => !!part).join(t(lang, 'list.dot'));
}

const volunteers: SheetOverview = {
  name: 'ボランティア名簿',
  kind: 'volunteers',
  kindLabel: 'ボランティア名簿',
  headerRow: 1,
  dataRows: 12,
  confirmed: true,
  live: true,
  missingRequired: [],
  reason: null,
};

const unknown: SheetOverview = {
  name: '<img src=x onerror="window.__x=1">',
  kind: null,
  kindLabel: '',
  headerRow: null,
  dataRows: 0,
  confirmed: false,
  live: false,
  missingRequired: [],
  reason: { ja: '見出し行が見つかりません。', en: 'No header row was found.' },
};

describe('view-model', () => {
  describe('sheetItemModel texts', () => {
    it('says kind, data rows and 確認済み for a confirmed sheet', () => {
      expect(sheetSummaryText(volunteers, 'ja')).toBe('ボランティア名簿・データ 12 行・確認済み');
      expect(sheetSummaryText(volunteers, 'en')).toBe('ボランティア名簿 · 12 data rows · Confirmed');
    });

    it('says 未確認 and the missing required columns of a detected sheet', () => {
      const activities: SheetOverview = {
        ...volunteers,
        name: '活動記録',
        kind: 'activities',
        kindLabel: '活動記録',
        dataRows: 1,
        confirmed: false,
        missingRequired: ['参加者数', '圏域'],
      };
      expect(sheetSummaryText(activities, 'ja')).toBe(
        '活動記録・データ 1 行・未確認・必須の列がありません: 参加者数、圏域',
      );
      expect(sheetSummaryText(activities, 'en')).toBe(
        '活動記録 · 1 data row · Not confirmed · Missing required columns: 参加者数, 圏域',
      );
    });

    it('gives the reason, in the current language, for a sheet that was not recognised', () => {
      expect(sheetSummaryText(unknown, 'ja')).toBe('種類不明・見出し行が見つかりません。');
      expect(sheetSummaryText(unknown, 'en')).toBe('Not recognised · No header row was found.');
    });

    it('explains an unrecognised sheet even when the server gave no reason', () => {
      expect(sheetSummaryText({ ...unknown, reason: null }, 'ja')).toBe('種類不明・見出し行を認識できませんでした。');
    });

    it('says a recognised sheet staff keep for the record is not used for matching or summaries', () => {
      const archive = sheetItemModel({ ...volunteers, name: '退会者', live: false }, 'ja');
      expect(archive.notLiveText).toBe('マッチング・集計に使わない');
      expect(sheetItemModel(volunteers, 'en').notLiveText).toBeNull();
      expect(sheetItemModel(unknown, 'ja').notLiveText, 'an unrecognised sheet is not data at all').toBeNull();
    });

    it('falls back to the kind key when the server sent no label', () => {
      expect(sheetSummaryText({ ...volunteers, kindLabel: '' }, 'ja')).toBe('volunteers・データ 12 行・確認済み');
    });
  });

  describe('sheetItemModel', () => {
    it('keeps a sheet name that looks like markup as the exact text', () => {
      const item = sheetItemModel(unknown, 'ja');
      expect(item.name).toBe('<img src=x onerror="window.__x=1">');
      expect(item.status).toBe('unknown');
      expect(item.rowsText).toBe('');
    });

    it('marks confirmed and detected sheets apart', () => {
      expect(sheetItemModel(volunteers, 'ja').status).toBe('confirmed');
      expect(sheetItemModel({ ...volunteers, confirmed: false }, 'ja').statusText).toBe('未確認');
    });
  });

  describe('rowsText', () => {
    it('counts data rows in both languages, singular in English for one', () => {
      expect(rowsText(0, 'ja')).toBe('データ 0 行');
      expect(rowsText(1, 'en')).toBe('1 data row');
      expect(rowsText(2, 'en')).toBe('2 data rows');
    });
  });

  describe('setupResultLines', () => {
    it('lists created and existing sheets', () => {
      expect(setupResultLines({ created: ['依頼', '寄付台帳'], existing: ['ボランティア名簿'] }, 'ja')).toEqual([
        '作成したシート: 依頼、寄付台帳',
        'すでにあったシート: ボランティア名簿',
      ]);
    });

    it('says so when nothing was created', () => {
      expect(setupResultLines({ created: [], existing: [] }, 'en')).toEqual(['No new sheets were created.']);
    });
  });
});
