import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { defaultSettingsRows } from '../../../src/core/sheets/defaults';
import { parseSettings, settingsList } from '../../../src/core/sheets/settings';
import { columnSpecOf, contractColumns, getSpec, kindFromName, SHEET_SPECS } from '../../../src/core/sheets/specs';
import { SHEET_KINDS } from '../../../src/core/sheets/types';
import { normalizeHeader } from '../../../src/core/text/normalize';

// The canonical headers of DESIGN.md's data contract, copied by hand: a spec that drifts fails here.
const DESIGN_HEADERS: Record<string, string[]> = {
  volunteers: [
    '登録番号',
    '氏名',
    'フリガナ',
    '生年月日',
    '性別',
    '郵便番号',
    '住所',
    '圏域',
    '地区',
    '電話番号',
    'メール',
    '種別',
    '活動分野',
    '資格・特技',
    '対応言語',
    '活動可能日時',
    '月間上限',
    '保険加入年度',
    '個人情報同意',
    '状態',
    '登録日',
    '備考',
  ],
  requests: [
    '依頼番号',
    '受付日',
    '依頼者種別',
    '依頼者',
    '圏域',
    '地区',
    '内容区分',
    '必要な資格・特技',
    '対応言語',
    '希望日時',
    '頻度',
    '必要人数',
    '性別希望',
    '在宅対応可',
    '状態',
    '担当ボランティア',
    '担当職員',
    '不成立理由',
  ],
  donations: [
    '領収書番号',
    '受領日',
    '寄付者番号',
    '寄付者名',
    '寄付者種別',
    '住所',
    '区分',
    '指定先',
    '金額',
    '入金方法',
    '領収書',
    '氏名公表',
    '備考',
  ],
  memberships: ['会員番号', '氏名・団体名', '会員種別', '口数', '単価', '金額', '年度', '支部', '納入日', '入金方法'],
  activities: ['日付', '事業', '活動種別', '圏域', '登録番号', '依頼番号', '参加者数', '活動時間', '多世代', '備考'],
  consultations: ['受付日', '圏域', '経路', '相談分類', '対応状況', 'つなぎ先'],
  indicators: [
    'ID',
    '基本目標',
    '取り組み',
    '指標名',
    '単位',
    '集計元',
    '集計方法',
    '対象列',
    '条件',
    '分母条件',
    '日付列',
    '基準値',
    '方向',
    '許容幅',
    '秘匿',
  ],
  surveys: [
    'フォーム名',
    'セクション',
    '設問ID',
    '種類',
    '設問',
    '説明',
    '選択肢',
    '必須',
    '入力規則',
    '分岐',
    '指標',
    '登録先',
  ],
};

describe('sheets/specs', () => {
  describe('SHEET_SPECS', () => {
    it('has a spec for each of the ten kinds', () => {
      expect(SHEET_KINDS).toHaveLength(10);
      for (const kind of SHEET_KINDS) expect(getSpec(kind).kind).toBe(kind);
    });

    it('uses exactly the canonical headers of DESIGN.md', () => {
      for (const kind of Object.keys(DESIGN_HEADERS)) {
        expect(contractColumns(SHEET_SPECS[kind as keyof typeof SHEET_SPECS]).map((c) => c.header)).toEqual(
          DESIGN_HEADERS[kind],
        );
      }
    });

    it('gives every column of a kind its own key and its own normalised headers', () => {
      for (const kind of SHEET_KINDS) {
        const spec = SHEET_SPECS[kind];
        const keys = spec.columns.map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
        const owner = new Map<string, string>();
        for (const c of spec.columns) {
          for (const h of [c.header, ...c.aliases, ...(c.weakAliases ?? [])]) {
            const n = normalizeHeader(h);
            expect(n, `${kind}: '${h}' normalises to nothing`).not.toBe('');
            const other = owner.get(n);
            expect(other === undefined || other === c.key, `${kind}: '${h}' is claimed by ${other} and ${c.key}`).toBe(
              true,
            );
            owner.set(n, c.key);
          }
        }
      }
    });

    it('names only its own keys in minimumMatch', () => {
      for (const kind of SHEET_KINDS) {
        const { anyOf, from } = SHEET_SPECS[kind].minimumMatch;
        for (const key of [...anyOf, ...from]) expect(columnSpecOf(kind, key), `${kind}.${key}`).not.toBeNull();
      }
    });

    const personalKeys = (kind: (typeof SHEET_KINDS)[number]) =>
      SHEET_SPECS[kind].columns.filter((c) => c.personal === true).map((c) => c.key);

    it('marks the personal columns of the roster', () => {
      expect(personalKeys('volunteers')).toEqual(
        expect.arrayContaining(['name', 'furigana', 'birthDate', 'address', 'phone', 'email']),
      );
      expect(personalKeys('volunteers')).not.toContain('area');
    });

    it('keeps names out of 相談記録', () => {
      expect(personalKeys('consultations')).toEqual([]);
    });

    it('formats ids, phone numbers and postal codes as text', () => {
      for (const kind of SHEET_KINDS) {
        for (const c of SHEET_SPECS[kind].columns) {
          if (c.type === 'phone' || c.type === 'postal' || (c.type === 'id' && !c.multi))
            expect(c.textFormat, `${kind}.${c.key}`).toBe(true);
        }
      }
    });

    it('has the defaults of DESIGN.md', () => {
      expect(columnSpecOf('volunteers', 'monthlyLimit')).toMatchObject({ default: 4 });
      expect(columnSpecOf('requests', 'needed')).toMatchObject({ default: 1 });
    });

    it('finds every 設定 list a column draws from in the default 設定', () => {
      const { settings } = parseSettings([getSpec('settings').columns.map((c) => c.header), ...defaultSettingsRows()]);
      for (const kind of SHEET_KINDS) {
        for (const c of SHEET_SPECS[kind].columns) {
          if (c.listFromSettings)
            expect(
              settingsList(settings, c.listFromSettings),
              `${kind}.${c.key}: ${c.listFromSettings}`,
            ).not.toBeNull();
        }
      }
    });
  });

  describe('columnSpecOf', () => {
    it('finds pattern columns by their base key', () => {
      expect(columnSpecOf('indicators', 'target.2024')).toMatchObject({ key: 'target', capture: 'fiscalYear' });
      expect(columnSpecOf('surveys', 'question.en')).toMatchObject({ key: 'question', capture: 'language' });
      expect(columnSpecOf('volunteers', 'nope')).toBeNull();
    });
  });

  describe('kindFromName', () => {
    it('reads kind keys, canonical names and sheet-name aliases', () => {
      expect(kindFromName('donations')).toBe('donations');
      expect(kindFromName('寄付台帳')).toBe('donations');
      expect(kindFromName(' 活動記録 ')).toBe('activities');
      expect(kindFromName('フォームの回答 1')).toBe('volunteerFormAnswers');
      expect(kindFromName('なにか')).toBeNull();
    });
  });
});
