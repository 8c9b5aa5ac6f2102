import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  detectHeader,
  detectSheet,
  detectSheetAs,
  diagnoseHeader,
  type Detection,
} from '../../../src/core/sheets/detect';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { SHEET_KINDS } from '../../../src/core/sheets/types';

function keyAt(det: Detection | null, index: number): string | undefined {
  if (!det) return undefined;
  return Object.keys(det.columns).find((k) => det.columns[k]?.index === index);
}

const ROSTER_HEADER = ['登録番号', '氏名', 'フリガナ', '電話番号', '活動分野', '状態'];

describe('sheets/detect', () => {
  describe('detectSheet', () => {
    it('recognises the canonical header of every kind as that kind', () => {
      for (const kind of SHEET_KINDS) {
        const det = detectSheet(SHEET_SPECS[kind].columns.map((c) => c.header));
        expect(det?.kind, kind).toBe(kind);
        expect(det?.missingRequired, kind).toEqual([]);
        expect(det?.confidence, kind).toBe(1);
      }
    });

    it('maps every alias of every column to its key', () => {
      for (const kind of SHEET_KINDS) {
        const spec = SHEET_SPECS[kind];
        const base = spec.columns.map((c) => c.header);
        spec.columns.forEach((column, index) => {
          for (const alias of column.aliases) {
            const header = base.slice();
            header[index] = alias;
            const det = detectSheet(header);
            expect(det?.kind, `${kind}: ${alias}`).toBe(kind);
            expect(keyAt(det, index), `${kind}: ${alias}`).toBe(column.key);
          }
        });
      }
    });

    it.each([
      ['name', ['名前', 'お名前', '氏名（漢字）', '氏名(漢字)']],
      ['furigana', ['ふりがな', 'フリガナ', 'カナ', 'よみがな', '氏名カナ', '氏名（カナ）']],
      ['phone', ['TEL', 'ＴＥＬ', '電話', '電話番号', '連絡先電話', '自宅電話', '自宅TEL']],
      ['mobile', ['携帯', '携帯電話', '携帯番号', '携帯電話番号', 'スマホ']],
      ['fax', ['FAX', 'ＦＡＸ', 'Fax', 'ファックス', 'FAX番号']],
      ['emergencyPhone', ['緊急連絡先(電話)', '緊急連絡先（電話）', '緊急連絡先電話番号', '緊急連絡先TEL']],
      ['postalCode', ['〒', '郵便', '郵便番号']],
      ['email', ['Eメール', 'メールアドレス', 'e-mail', 'mail', 'Ｅメール']],
      ['birthDate', ['生年月日', '誕生日']],
      ['volunteerId', ['登録番号', '登録No', '登録No.', 'ID', 'No', '番号']],
    ])('reads the %s family in a roster', (key, variants) => {
      for (const variant of variants) {
        const header = ['氏名', 'フリガナ', '電話番号', '活動分野', '状態'];
        const at = header.indexOf(SHEET_SPECS.volunteers.columns.find((c) => c.key === key)?.header ?? '');
        const row = at >= 0 ? header.map((h, i) => (i === at ? variant : h)) : [...header, variant];
        const det = detectSheet(row);
        expect(det?.kind, variant).toBe('volunteers');
        expect(det?.columns[key]?.header, variant).toBe(variant);
      }
    });

    it('maps 電話番号, 携帯, FAX and 緊急連絡先(電話) side by side, none of them a duplicate', () => {
      const det = detectSheet(['氏名', 'フリガナ', '自宅電話', '携帯', 'FAX', '緊急連絡先(電話)', '状態']);
      expect(det?.kind).toBe('volunteers');
      expect(det?.columns).toMatchObject({
        phone: { index: 2 },
        mobile: { index: 3 },
        fax: { index: 4 },
        emergencyPhone: { index: 5 },
      });
      expect(det?.duplicates).toEqual([]);
      // 携帯 alone is enough with a name to know a roster.
      expect(detectSheet(['氏名', '携帯', '登録番号'])?.kind).toBe('volunteers');
    });

    it('keeps staff column order and reports extra columns', () => {
      const det = detectSheet(['メモ欄', '状態', '電話番号', '自治会', '氏名', 'フリガナ', '登録番号']);
      expect(det?.kind).toBe('volunteers');
      expect(det?.columns.name).toEqual({ index: 4, header: '氏名' });
      expect(det?.columns.volunteerId).toEqual({ index: 6, header: '登録番号' });
      expect(det?.extraColumns).toEqual([
        { index: 0, header: 'メモ欄' },
        { index: 3, header: '自治会' },
      ]);
    });

    it('reads 全角 headers and headers marked (必須)', () => {
      const det = detectSheet(['登録番号（必須）', '氏　名【必須】', 'フリガナ*', 'ＴＥＬ', '〒', 'Ｅメール（任意）']);
      expect(det?.kind).toBe('volunteers');
      expect(Object.keys(det?.columns ?? {})).toEqual([
        'volunteerId',
        'name',
        'furigana',
        'phone',
        'postalCode',
        'email',
      ]);
      expect(det?.columns.name?.header).toBe('氏　名【必須】');
      expect(det?.missingRequired).toEqual([]);
    });

    it('reports missing required columns', () => {
      const det = detectSheet(['氏名', 'フリガナ', '電話番号']);
      expect(det?.kind).toBe('volunteers');
      expect(det?.missingRequired).toEqual(['volunteerId']);
    });

    it('does not take a generic 番号 or ID column for a roster', () => {
      expect(detectSheet(['番号', '氏名'])).toBeNull();
      expect(detectSheet(['ID', '氏名', '住所'])).toBeNull();
      expect(detectSheet(['No', '氏名', '備考'])).toBeNull();
    });

    it('lets a specific header win over a generic one for the same key', () => {
      const det = detectSheet(['No', '氏名', 'フリガナ', '電話番号', '登録番号']);
      expect(det?.columns.volunteerId).toEqual({ index: 4, header: '登録番号' });
      expect(det?.extraColumns).toEqual([{ index: 0, header: 'No' }]);
      expect(det?.duplicates).toEqual([]);
    });

    it('reports duplicate headers, maps the first and keeps the second as an extra column', () => {
      const det = detectSheet(['氏名', 'フリガナ', '電話番号', '電話', '備考', '備考', 'メモ2', 'メモ2']);
      expect(det?.columns.phone).toEqual({ index: 2, header: '電話番号' });
      expect(det?.columns.note).toEqual({ index: 4, header: '備考' });
      expect(det?.duplicates).toEqual([
        { key: 'phone', header: '電話番号', indices: [2, 3] },
        { key: 'note', header: '備考', indices: [4, 5] },
        { key: null, header: 'メモ2', indices: [6, 7] },
      ]);
      expect(det?.extraColumns.map((c) => c.index)).toEqual([3, 5, 6, 7]);
    });

    it('chooses deterministically between two kinds the header fits equally: the earlier in SHEET_KINDS', () => {
      // A form-answer sheet to which staff added 登録番号 fits the roster and the form answers equally.
      const header = ['氏名', 'フリガナ', '電話番号', 'メール', 'タイムスタンプ', '登録番号'];
      const det = detectSheet(header);
      expect(det?.kind).toBe('volunteers');
      expect(det?.alternatives).toEqual([{ kind: 'volunteerFormAnswers', score: det?.score }]);
      expect(detectSheet(header.slice())).toEqual(det);
      expect(detectSheet(header, { sheetName: 'フォームの回答 1' })?.kind).toBe('volunteerFormAnswers');
    });

    it('takes a registration form answer sheet for form answers, not for the roster', () => {
      const det = detectSheet(['タイムスタンプ', 'お名前', 'ふりがな', '電話番号', 'メールアドレス', '活動できる日時']);
      expect(det?.kind).toBe('volunteerFormAnswers');
      expect(det?.alternatives.map((a) => a.kind)).toContain('volunteers');
    });

    it('breaks a tie by SHEET_KINDS order, or by the sheet name when it names one of the kinds', () => {
      // 金額 and 入金方法 belong to both ledgers; 寄付者名/寄付者種別 and 会員種別/支部 weigh the same.
      const header = ['金額', '入金方法', '寄付者名', '寄付者種別', '会員種別', '支部'];
      const plain = detectSheet(header);
      expect(plain?.kind).toBe('donations');
      expect(plain?.alternatives.map((a) => a.kind)).toEqual(['memberships']);
      expect(plain?.decidedByName).toBe(false);
      const named = detectSheet(header, { sheetName: '会費台帳2024' });
      expect(named?.kind).toBe('memberships');
      expect(named?.decidedByName).toBe(true);
    });

    it('never picks a kind by sheet name alone', () => {
      expect(detectSheet(['あいうえお', 'かきくけこ'], { sheetName: 'ボランティア名簿' })).toBeNull();
    });

    it('returns null for an empty row and for random text', () => {
      expect(detectSheet([])).toBeNull();
      expect(detectSheet(['', '', ''])).toBeNull();
      expect(detectSheet(['今日はいい天気', 'ですね', 42, true, new Date()])).toBeNull();
    });

    it('captures the fiscal year of each 目標 column of 指標定義', () => {
      const det = detectSheet([
        'ID',
        '基本目標',
        '指標名',
        '集計元',
        '目標2024',
        '目標(2025年度)',
        '目標 令和8年度',
        'FY2027目標',
        '目標',
      ]);
      expect(det?.kind).toBe('indicators');
      expect(det?.columns['target.2024']?.index).toBe(4);
      expect(det?.columns['target.2025']?.index).toBe(5);
      expect(det?.columns['target.2026']?.index).toBe(6);
      expect(det?.columns['target.2027']?.index).toBe(7);
      expect(det?.extraColumns).toEqual([{ index: 8, header: '目標' }]);
    });

    it('captures the language of each per-language column of アンケート定義', () => {
      const det = detectSheet(['フォーム名', '種類', '設問', '選択肢', '設問[en]', '選択肢［zh-tw］', '説明(英語)']);
      expect(det?.kind).toBe('surveys');
      expect(det?.columns['question.en']?.index).toBe(4);
      expect(det?.columns['options.zh-TW']?.index).toBe(5);
      expect(det?.columns['description.en']?.index).toBe(6);
    });

    it('can be restricted to some kinds', () => {
      expect(detectSheet(ROSTER_HEADER, { kinds: ['requests'] })).toBeNull();
      expect(detectSheet(ROSTER_HEADER, { kinds: ['volunteers'] })?.kind).toBe('volunteers');
    });
  });

  describe('detectHeader', () => {
    it('finds the header below a title row', () => {
      const values = [
        ['ボランティア名簿（令和6年度）', '', '', ''],
        ['', '', '', ''],
        ['登録番号', '氏名', 'フリガナ', '電話番号'],
        ['V001', '山田 太郎', 'ヤマダ タロウ', '090-1234-5678'],
      ];
      const det = detectHeader(values);
      expect(det?.kind).toBe('volunteers');
      expect(det?.headerRow).toBe(3);
    });

    it('scans only the first maxScan rows', () => {
      const values = [['タイトル'], ['説明'], ['登録番号', '氏名', 'フリガナ', '電話番号']];
      expect(detectHeader(values, 2)).toBeNull();
      expect(detectHeader(values, 3)?.headerRow).toBe(3);
    });

    it('returns null for an empty sheet', () => {
      expect(detectHeader([])).toBeNull();
      expect(detectHeader([[''], ['', '']])).toBeNull();
    });
  });

  describe('diagnoseHeader', () => {
    it('says an empty sheet is empty', () => {
      const d = diagnoseHeader([['', '']]);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason).toBe('empty');
    });

    it('says which kind a near-miss header is close to and what it lacks', () => {
      const d = diagnoseHeader([['名簿'], ['氏名', '住所']]);
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect(d.reason).toBe('noHeader');
      expect(d.closest?.kind).toBe('volunteers');
      expect(d.closest?.headerRow).toBe(2);
      expect(d.message.ja).toContain('ボランティア名簿');
      expect(d.message.ja).toContain('フリガナ');
    });

    it('says nothing matched for random text', () => {
      const d = diagnoseHeader([
        ['こんにちは', 'さようなら'],
        ['1', '2'],
      ]);
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.reason).toBe('noHeader');
        expect(d.closest).toBeNull();
      }
    });
  });

  describe('detectSheetAs', () => {
    it('matches a header as the kind staff chose even when it would not qualify', () => {
      const det = detectSheetAs('volunteers', ['氏名', '住所'], 2);
      expect(det.kind).toBe('volunteers');
      expect(det.headerRow).toBe(2);
      expect(Object.keys(det.columns)).toEqual(['name', 'address']);
      expect(det.missingRequired).toEqual(['volunteerId']);
    });
  });
});
