import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { FixPreview, IssueGroup, IssueView } from '../../src/shared/rpc';
import { t } from '../../src/ui/i18n';
import {
  cellTarget,
  checkedSheetText,
  countParts,
  fixItemModel,
  fixKindLabel,
  fixPreviewModel,
  groupKey,
  groupOpen,
  groupsBySheet,
  issueGroupModel,
  issueItemModel,
  moreText,
  noticeText,
  OPEN_GROUPS_MAX,
} from '../../src/ui/validate-model';

const MARKUP = '<img src=x onerror="window.__x=1">';

const phoneIssue: IssueView = {
  sheet: 'ボランティア名簿',
  row: 5,
  column: '電話番号',
  columnNumber: 2,
  cell: 'B5',
  code: 'phone.format',
  severity: 'warning',
  message: { ja: '電話番号の形式ではありません。', en: 'Not a phone number.' },
  value: '０４２４６１１２３４',
  suggestion: { ja: '042-461-1234', en: '042-461-1234' },
  fixable: true,
};

const missingColumn: IssueView = {
  ...phoneIssue,
  row: 1,
  column: '氏名',
  columnNumber: 0,
  cell: '',
  code: 'column.missing',
  severity: 'error',
  message: { ja: '必須の列「氏名」がありません。', en: 'The required column 氏名 is missing.' },
  value: '',
  suggestion: null,
  fixable: false,
};

function group(sheet: string, code: string, total: number, issues: IssueView[] = [phoneIssue]): IssueGroup {
  return {
    sheet,
    code,
    severity: 'warning',
    title: { ja: '電話番号の形式', en: 'Phone number format' },
    total,
    issues,
  };
}

/** The counts line as the validate section shows it: the parts joined by ・. */
function countsText(counts: { errors: number; warnings: number; fixable: number }, lang: 'ja' | 'en'): string {
  return countParts(counts, lang)
    .map((part) => part.text)
    .join(t(lang, 'list.dot'));
}

describe('validate-model', () => {
  describe('countParts', () => {
    it('says errors, warnings and safe fixes in that order', () => {
      const counts = { errors: 3, warnings: 5, fixable: 2 };
      expect(countsText(counts, 'ja')).toBe('エラー 3件・警告 5件・安全に直せるもの 2件');
      expect(countsText(counts, 'en')).toBe('Errors: 3 · Warnings: 5 · Safe to fix: 2');
    });

    it('says zero plainly', () => {
      expect(countsText({ errors: 0, warnings: 0, fixable: 0 }, 'ja')).toBe(
        'エラー 0件・警告 0件・安全に直せるもの 0件',
      );
    });
  });

  describe('checkedSheetText', () => {
    it('gives the data rows, and the kind only when the sheet is not named after it', () => {
      expect(checkedSheetText({ name: 'ボランティア名簿', kindLabel: 'ボランティア名簿', rows: 120 }, 'ja')).toBe(
        'ボランティア名簿・データ 120 行',
      );
      expect(checkedSheetText({ name: '名簿2024', kindLabel: 'ボランティア名簿', rows: 1 }, 'en')).toBe(
        '名簿2024 (ボランティア名簿) · 1 data row',
      );
      expect(checkedSheetText({ name: '名簿2024', kindLabel: 'ボランティア名簿', rows: 0 }, 'ja')).toBe(
        '名簿2024（ボランティア名簿）・データ 0 行',
      );
    });
  });

  describe('groupsBySheet', () => {
    it('groups by sheet in the order the server sent them', () => {
      const groups = [group('A', 'x', 1), group('B', 'y', 1), group('A', 'z', 1)];
      expect(groupsBySheet(groups).map(({ sheet, groups: list }) => [sheet, list.map((g) => g.code)])).toEqual([
        ['A', ['x', 'z']],
        ['B', ['y']],
      ]);
    });
  });

  describe('groupOpen', () => {
    it(`opens every group when there are at most ${OPEN_GROUPS_MAX}, none when there are more`, () => {
      const one = group('A', 'x', 1);
      expect(groupOpen(one, OPEN_GROUPS_MAX, new Map())).toBe(true);
      expect(groupOpen(one, OPEN_GROUPS_MAX + 1, new Map())).toBe(false);
    });

    it('keeps the choice staff made, whatever the length', () => {
      const one = group('A', 'x', 1);
      expect(groupOpen(one, 20, new Map([[groupKey(one), true]]))).toBe(true);
      expect(groupOpen(one, 2, new Map([[groupKey(one), false]]))).toBe(false);
    });

    it('tells groups of the same rule on different sheets apart', () => {
      expect(groupKey(group('A', 'x', 1))).not.toBe(groupKey(group('B', 'x', 1)));
    });
  });

  describe('moreText', () => {
    it('says how many issues are not listed', () => {
      expect(moreText(57, 50, 'ja')).toBe('…他 7件');
      expect(moreText(57, 50, 'en')).toBe('…and 7 more');
    });

    it('says nothing when every issue is listed', () => {
      expect(moreText(50, 50, 'ja')).toBeNull();
      expect(moreText(0, 0, 'ja')).toBeNull();
    });
  });

  describe('issueGroupModel', () => {
    it('gives the title in the current language, the severity badge and the total', () => {
      const model = issueGroupModel(group('ボランティア名簿', 'phone.format', 57), 'ja');
      expect(model).toMatchObject({
        title: '電話番号の形式',
        severityText: '警告',
        totalText: '57件',
        moreText: '…他 56件',
      });
      const en = issueGroupModel({ ...group('A', 'x', 1), severity: 'error' }, 'en');
      expect(en).toMatchObject({
        title: 'Phone number format',
        severityText: 'Error',
        totalText: '1 issue',
        moreText: null,
      });
    });

    it('falls back to the code when the title is empty', () => {
      expect(issueGroupModel({ ...group('A', 'phone.format', 1), title: { ja: '', en: '' } }, 'ja').title).toBe(
        'phone.format',
      );
    });
  });

  describe('issueItemModel', () => {
    it('names the cell and its column, the value, the message and the suggestion', () => {
      expect(issueItemModel(phoneIssue, 'ja')).toEqual({
        place: 'B5・電話番号',
        valueText: '値: ０４２４６１１２３４',
        message: '電話番号の形式ではありません。',
        suggestionText: '提案: 042-461-1234',
        target: { sheet: 'ボランティア名簿', row: 5, column: 2 },
      });
    });

    it('names a missing column and has no cell to go to', () => {
      const model = issueItemModel(missingColumn, 'en');
      expect(model.place).toBe('Column “氏名”');
      expect(model.valueText).toBe('Value: (empty)');
      expect(model.suggestionText).toBeNull();
      expect(model.target).toBeNull();
    });

    it('keeps a value that looks like markup or a placeholder as the exact text', () => {
      const model = issueItemModel({ ...phoneIssue, value: `${MARKUP} {n}`, suggestion: { ja: '$&', en: '$&' } }, 'ja');
      expect(model.valueText).toBe(`値: ${MARKUP} {n}`);
      expect(model.suggestionText).toBe('提案: $&');
    });

    it('gives a suggestion in words in the language of the sidebar', () => {
      const suggestion = { ja: '5行目と照合してください', en: 'compare with row 5' };
      expect(issueItemModel({ ...phoneIssue, suggestion }, 'en').suggestionText).toBe('Suggestion: compare with row 5');
      expect(issueItemModel({ ...phoneIssue, suggestion }, 'ja').suggestionText).toBe('提案: 5行目と照合してください');
    });
  });

  describe('cellTarget', () => {
    it('skips issues with column number 0 or no usable row', () => {
      expect(cellTarget({ sheet: 'A', row: 3, columnNumber: 0 })).toBeNull();
      expect(cellTarget({ sheet: 'A', row: 0, columnNumber: 2 })).toBeNull();
      expect(cellTarget({ sheet: '', row: 3, columnNumber: 2 })).toBeNull();
      expect(cellTarget({ sheet: 'A', row: 3, columnNumber: 27 })).toEqual({ sheet: 'A', row: 3, column: 27 });
    });
  });

  describe('fixKindLabel', () => {
    it.each([
      ['width', '全角→半角'],
      ['spaces', '空白の整理'],
      ['phone', '電話番号の形式'],
      ['postal', '郵便番号の形式'],
      ['date', '日付（和暦→西暦）'],
      ['kana', 'フリガナ（カタカナ）'],
      ['amount', '金額'],
      ['yesno', 'はい/いいえ'],
      ['listValue', '選択肢の表記'],
    ])('calls %s 「%s」', (kind, label) => {
      expect(fixKindLabel(kind, 'ja')).toBe(label);
      expect(fixKindLabel(kind, 'en')).not.toBe(label);
    });

    it('shows a kind it does not know as its key, and is not fooled by Object.prototype names', () => {
      expect(fixKindLabel('newKind', 'ja')).toBe('newKind');
      expect(fixKindLabel('toString', 'en')).toBe('toString');
    });
  });

  describe('fixPreviewModel', () => {
    const item = {
      sheet: 'ボランティア名簿',
      row: 5,
      column: '電話番号',
      cell: 'B5',
      before: '0424611234',
      after: '042-461-1234',
      kind: 'phone',
    };
    const preview = (total: number, shown: number, byKind: Record<string, number>): FixPreview => ({
      token: 't',
      total,
      items: Array.from({ length: shown }, () => item),
      byKind,
    });

    it('says the total and that only the first ones are shown', () => {
      const model = fixPreviewModel(preview(412, 300, { date: 12, phone: 400 }), 'ja');
      expect(model.totalText).toBe('修正するもの: 412件');
      expect(model.shownText).toBe('（最初の300件を表示）');
      expect(model.byKindText).toBe('電話番号の形式 400件、日付（和暦→西暦） 12件');
      expect(model.empty).toBe(false);
    });

    it('says nothing about the first ones when all are shown, and knows an empty preview', () => {
      expect(fixPreviewModel(preview(2, 2, { phone: 2 }), 'en').shownText).toBeNull();
      const empty = fixPreviewModel(preview(0, 0, {}), 'en');
      expect(empty.empty).toBe(true);
      expect(empty.byKindText).toBe('');
    });

    it('shows an empty before or after as 「（空欄）」 and labels the kind', () => {
      expect(fixItemModel({ ...item, before: ' ', after: '', kind: 'spaces' }, 'ja')).toEqual({
        cell: 'B5',
        sheet: 'ボランティア名簿',
        before: ' ',
        after: '（空欄）',
        kindText: '空白の整理',
      });
    });
  });

  describe('noticeText', () => {
    it('reports restored highlights, applied fixes and an undo', () => {
      expect(noticeText({ kind: 'highlights', restored: 12, notesKept: 0 }, 'ja')).toBe(
        '12個のセルの色と検証メモを消しました。',
      );
      expect(noticeText({ kind: 'highlights', restored: 1, notesKept: 0 }, 'en')).toBe(
        'Took the colour and the check note off 1 cell.',
      );
      expect(noticeText({ kind: 'highlights', restored: 12, notesKept: 3 }, 'ja')).toBe(
        '12個のセルの色と検証メモを消しました。職員が書いたメモ（3件）はそのまま残しています。',
      );
      expect(noticeText({ kind: 'highlights', restored: 0, notesKept: 0 }, 'en')).toBe(
        'There were no marks to take off.',
      );
      expect(noticeText({ kind: 'fixed', applied: 42 }, 'ja')).toBe('42件を修正しました');
      expect(noticeText({ kind: 'fixed', applied: 0 }, 'ja')).toBe('修正するものはありませんでした。');
      const label = { ja: '安全な修正（12件）', en: 'safe fixes (12)' };
      expect(noticeText({ kind: 'undone', label, cells: 12 }, 'ja')).toBe(
        '「安全な修正（12件）」を元に戻しました（12個のセル）。',
      );
      expect(noticeText({ kind: 'undone', label, cells: 12 }, 'en')).toBe('Undid “safe fixes (12)” (12 cells).');
    });
  });
});
