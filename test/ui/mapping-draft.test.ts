import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { MappingView } from '../../src/shared/rpc';
import {
  canSave,
  chooseField,
  chooseLive,
  columnLetter,
  detectedText,
  duplicateFields,
  fieldOptions,
  initialDraft,
  kindOptions,
  mappingNotices,
  missingRequiredFields,
  samplesOf,
  toSaveArgument,
} from '../../src/ui/mapping-draft';

const mapping: MappingView = {
  sheet: 'ボランティア名簿',
  kind: 'volunteers',
  kindLabel: 'ボランティア名簿',
  headerRow: 2,
  confirmed: false,
  live: true,
  liveChosen: false,
  archiveName: false,
  columns: [
    { index: 0, header: '登録番号', key: 'id', samples: ['V-001', 'V-002', 'V-003', 'V-004'], note: null },
    { index: 1, header: '氏名', key: 'name', samples: ['山田 太郎'], note: null },
    { index: 3, header: 'ふりがな', key: null, samples: [], note: null },
    { index: 4, header: '電話', key: 'phone', samples: ['042-000-0000'], note: null },
  ],
  fields: [
    { key: 'id', header: '登録番号', required: true },
    { key: 'name', header: '氏名', required: true },
    { key: 'kana', header: 'フリガナ', required: false },
    { key: 'phone', header: '電話番号', required: false },
  ],
  kinds: [
    { kind: 'volunteers', label: 'ボランティア名簿' },
    { kind: 'requests', label: '依頼' },
  ],
  dataRows: 3,
  setAside: [],
  setAsideTotal: 0,
};

describe('mapping-draft', () => {
  describe('initialDraft / toSaveArgument', () => {
    it('saves the detected mapping as field key → 0-based sheet column index', () => {
      const draft = initialDraft(mapping);
      expect(toSaveArgument(draft, mapping)).toEqual({
        kind: 'volunteers',
        headerRow: 2,
        columns: { id: 0, name: 1, phone: 4 },
        live: true,
      });
    });

    it('saves whether the sheet is live (used by matching and summaries) with the mapping', () => {
      const draft = chooseLive(initialDraft(mapping), false);
      expect(toSaveArgument(draft, mapping).live).toBe(false);
      expect(initialDraft({ ...mapping, live: false, archiveName: true }).live).toBe(false);
    });

    it('saves a corrected column and drops one set to （使わない）', () => {
      let draft = chooseField(initialDraft(mapping), 2, 'kana');
      draft = chooseField(draft, 3, '');
      expect(toSaveArgument(draft, mapping).columns).toEqual({ id: 0, name: 1, kana: 3 });
    });

    it('ignores a column position outside the view', () => {
      const draft = initialDraft(mapping);
      expect(chooseField(draft, 9, 'kana')).toBe(draft);
    });
  });

  describe('duplicateFields / canSave', () => {
    it('refuses a field set on two columns, naming the columns', () => {
      const draft = chooseField(initialDraft(mapping), 2, 'name');
      expect(duplicateFields(draft, mapping)).toEqual([{ key: 'name', columns: [1, 3] }]);
      expect(canSave(draft, mapping)).toBe(false);
      expect(() => toSaveArgument(draft, mapping)).toThrow();
      expect(mappingNotices(draft, mapping, 'ja').errors).toEqual([
        '「氏名」が複数の列（B列、D列）に割り当てられています。1つの列だけにしてください。',
      ]);
    });
  });

  describe('missingRequiredFields', () => {
    it('warns, without blocking, when a required field has no column', () => {
      const draft = chooseField(initialDraft(mapping), 0, null);
      expect(missingRequiredFields(draft, mapping)).toEqual(['登録番号']);
      expect(canSave(draft, mapping)).toBe(true);
      expect(mappingNotices(draft, mapping, 'en')).toEqual({
        errors: [],
        warnings: ['Required fields not assigned: 登録番号'],
      });
    });
  });

  describe('a change of kind', () => {
    it('sends no columns (the old kind’s fields mean nothing for the new one), and says what happens next', () => {
      const draft = { ...initialDraft(mapping), kind: 'requests' };
      expect(toSaveArgument(draft, mapping)).toEqual({ kind: 'requests', headerRow: 2, columns: {}, live: true });
      const notices = mappingNotices(draft, mapping, 'ja');
      expect(notices.errors).toEqual([]);
      expect(notices.warnings[0]).toMatch(/この種類として保存されます/);
    });

    it('keeps the column choices for when staff switch back', () => {
      const edited = chooseField(initialDraft(mapping), 2, 'kana');
      const back = { ...edited, kind: 'volunteers' };
      expect(toSaveArgument(back, mapping).columns).toEqual({ id: 0, name: 1, kana: 3, phone: 4 });
    });
  });

  describe('fieldOptions', () => {
    it('offers （使わない） first, then the fields with required ones marked', () => {
      expect(fieldOptions(mapping, 'ja', 'id')).toEqual([
        { value: '', label: '（使わない）' },
        { value: 'id', label: '登録番号（必須）' },
        { value: 'name', label: '氏名（必須）' },
        { value: 'kana', label: 'フリガナ' },
        { value: 'phone', label: '電話番号' },
      ]);
    });

    it('keeps a key the kind does not list, so the choice is not silently lost', () => {
      const options = fieldOptions(mapping, 'en', 'legacy');
      expect(options.at(-1)).toEqual({ value: 'legacy', label: 'legacy (not a field of this type)' });
    });
  });

  describe('kindOptions', () => {
    it('lists the kinds, adding the view’s own kind when the server left it out', () => {
      expect(kindOptions(mapping).map((option) => option.value)).toEqual(['volunteers', 'requests']);
      expect(kindOptions({ ...mapping, kind: 'donations', kindLabel: '寄付台帳' })[0]).toEqual({
        value: 'donations',
        label: '寄付台帳',
      });
    });
  });

  describe('detectedText', () => {
    it('names the detected field by its header', () => {
      expect(detectedText(mapping, 'phone', 'ja')).toBe('自動検出: 電話番号');
      expect(detectedText(mapping, null, 'en')).toBe('Detected: none');
    });

    it('says 確認済み, not 自動検出, once staff confirmed the mapping', () => {
      const confirmed = { ...mapping, confirmed: true };
      expect(detectedText(confirmed, 'phone', 'ja')).toBe('確認済み: 電話番号');
      expect(detectedText(confirmed, null, 'ja')).toBe('確認済み: 使わない');
      expect(detectedText(confirmed, 'phone', 'en')).toBe('Confirmed: 電話番号');
    });
  });

  describe('columnLetter', () => {
    it('turns 0-based column indexes into spreadsheet letters', () => {
      expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
        'A',
        'B',
        'Z',
        'AA',
        'AB',
        'AZ',
        'BA',
        'ZZ',
        'AAA',
      ]);
    });
  });

  describe('samplesOf', () => {
    it('shows at most three sample values', () => {
      expect(samplesOf(['1', '2', '3', '4'])).toEqual(['1', '2', '3']);
      expect(samplesOf([])).toEqual([]);
    });
  });
});
