import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { detectSheet, type Detection } from '../../../src/core/sheets/detect';
import {
  MAPPINGS_MAX_BYTES,
  isArchiveName,
  isLiveSheet,
  mappingFromDetection,
  liveMappings,
  parseMappings,
  serializeMappings,
  utf8ByteLength,
  validateMapping,
  type ColumnMapping,
} from '../../../src/core/sheets/mapping';
import { SHEET_SPECS } from '../../../src/core/sheets/specs';
import { SHEET_KINDS } from '../../../src/core/sheets/types';

const roster = detectSheet(['登録番号', '氏名', 'フリガナ', '電話番号', '自治会', '予備欄']) as Detection;

/** The widest mapping of a kind: every column, plus five per-year or two per-language columns. */
function fullMapping(kind: (typeof SHEET_KINDS)[number]): ColumnMapping {
  const columns: Record<string, number> = {};
  const spec = SHEET_SPECS[kind];
  spec.columns.forEach((c, i) => (columns[c.key] = i));
  let next = spec.columns.length;
  for (const p of spec.patterns) {
    const captures = p.capture === 'fiscalYear' ? ['2024', '2025', '2026', '2027', '2028'] : ['en', 'zh-TW'];
    for (const c of captures) columns[`${p.key}.${c}`] = next++;
  }
  return { kind, headerRow: 2, columns };
}

describe('sheets/mapping', () => {
  describe('mappingFromDetection', () => {
    it('keeps key → column index and the header row', () => {
      expect(mappingFromDetection(roster)).toEqual({
        kind: 'volunteers',
        headerRow: 1,
        columns: { volunteerId: 0, name: 1, furigana: 2, phone: 3 },
      });
    });
  });

  describe('validateMapping', () => {
    const detected = mappingFromDetection(roster);
    const withColumns = (columns: Record<string, number>): ColumnMapping => ({
      ...detected,
      columns: { ...detected.columns, ...columns },
    });
    const codes = (mapping: ColumnMapping) => validateMapping(mapping).map((i) => [i.code, i.severity]);

    it('finds nothing wrong with a detected mapping', () => {
      expect(validateMapping(detected)).toEqual([]);
    });

    it('refuses one column for two keys', () => {
      expect(codes(withColumns({ address: 4, district: 4 }))).toEqual([['mapping.columnUsedTwice', 'error']]);
    });

    it('refuses a key that is not a column of the kind, a pattern key included', () => {
      expect(codes(withColumns({ amount: 4 }))).toEqual([['mapping.unknownKey', 'error']]);
      expect(codes(withColumns({ 'target.2024': 4 }))).toEqual([['mapping.unknownKey', 'error']]);
    });

    it('refuses a negative, fractional or impossible column index', () => {
      for (const index of [-1, 1.5, 18_278])
        expect(codes(withColumns({ note: index }))[0]?.[0]).toBe('mapping.badIndex');
    });

    it('warns about a required column left unassigned', () => {
      const { volunteerId: _, ...rest } = detected.columns;
      expect(codes({ ...detected, columns: rest })).toEqual([['mapping.missingRequired', 'warning']]);
    });

    it('accepts per-year keys of 指標定義', () => {
      const det = detectSheet(['ID', '指標名', '集計元', '集計方法', '予備']) as Detection;
      const mapping = mappingFromDetection(det);
      expect(validateMapping({ ...mapping, columns: { ...mapping.columns, 'target.2024': 4 } })).toEqual([]);
    });
  });

  describe('serializeMappings and parseMappings', () => {
    it('round-trip the mappings of every kind', () => {
      const all: Record<string, ColumnMapping> = {};
      for (const kind of SHEET_KINDS) all[SHEET_SPECS[kind].canonicalName] = fullMapping(kind);
      const ids = Object.fromEntries(Object.keys(all).map((name, i) => [name, 1000 + i]));
      const json = serializeMappings(all, ids);
      const back = parseMappings(json);
      expect(back.issues).toEqual([]);
      expect(back.mappings).toEqual(all);
      expect(back.ids).toEqual(ids);
    });

    it('fit the 9 KB property limit with every kind and two more ledgers', () => {
      const all: Record<string, ColumnMapping> = {};
      for (const kind of SHEET_KINDS) all[`${SHEET_SPECS[kind].canonicalName}（令和6年度）`] = fullMapping(kind);
      all['寄付台帳（令和5年度）'] = fullMapping('donations');
      all['会費台帳（令和5年度）'] = fullMapping('memberships');
      const ids = Object.fromEntries(Object.keys(all).map((name, i) => [name, 1_000_000 + i]));
      const bytes = utf8ByteLength(serializeMappings(all, ids));
      expect(bytes).toBeLessThan(MAPPINGS_MAX_BYTES);
    });

    it('writes the same text for the same mappings', () => {
      const a = serializeMappings({ b: mappingFromDetection(roster), a: mappingFromDetection(roster) }, { a: 1, b: 2 });
      const b = serializeMappings({ a: mappingFromDetection(roster), b: mappingFromDetection(roster) }, { b: 2, a: 1 });
      expect(a).toBe(b);
    });

    it('gives {} for a missing property', () => {
      expect(parseMappings(null)).toEqual({ mappings: {}, ids: {}, issues: [] });
      expect(parseMappings('')).toEqual({ mappings: {}, ids: {}, issues: [] });
    });

    it('gives {} and an issue for garbage', () => {
      for (const garbage of ['{', '[]', '42', '{"v":3,"s":{}}', '{"s":{}}']) {
        const r = parseMappings(garbage);
        expect(r.mappings).toEqual({});
        expect(r.issues).toHaveLength(1);
      }
    });

    it('drops a bad entry, an unknown key and a colliding entry, keeping the rest', () => {
      const json = JSON.stringify({
        v: 1,
        s: {
          good: { k: 'volunteers', h: 1, c: { name: 1, zzz: 2 } },
          badKind: { k: 'pets', h: 1, c: {} },
          badIndex: { k: 'volunteers', h: 1, c: { name: -1 } },
          twice: { k: 'volunteers', h: 1, c: { name: 1, furigana: 1 } },
        },
      });
      const r = parseMappings(json);
      expect(r.mappings).toEqual({ good: { kind: 'volunteers', headerRow: 1, columns: { name: 1 } } });
      expect(r.issues).toHaveLength(4);
    });
  });

  describe('whether a sheet is live (used by マッチング and 指標サマリー)', () => {
    it('keeps staff’s choice with the mapping, and reads a mapping stored before the choice existed', () => {
      const m = mappingFromDetection(roster);
      const json = serializeMappings(
        { 退会者: { ...m, live: true }, 名簿: { ...m, live: false }, 名簿2: m },
        {
          退会者: 1,
          名簿: 2,
          名簿2: 3,
        },
      );
      const parsed = parseMappings(json);
      expect(parsed.issues).toEqual([]);
      expect(parsed.mappings['退会者']?.live).toBe(true);
      expect(parsed.mappings['名簿']?.live).toBe(false);
      expect(parsed.mappings['名簿2']?.live, 'no choice stored: none read').toBeUndefined();
      expect(JSON.parse(json).s['名簿2'], 'no choice: nothing stored').not.toHaveProperty('l');
      expect(isLiveSheet('退会者', parsed.mappings['退会者']), 'staff chose it').toBe(true);
      expect(isLiveSheet('名簿', parsed.mappings['名簿'])).toBe(false);
      expect(isLiveSheet('名簿2', parsed.mappings['名簿2'])).toBe(true);
    });

    it('is not live by default when its name says it is kept for the record', () => {
      for (const name of [
        '退会者',
        '退会者名簿',
        '旧名簿',
        'アーカイブ',
        'ｱｰｶｲﾌﾞ',
        'Archive 2023',
        '名簿（過去分）',
        '依頼（終了分）',
      ])
        expect(isArchiveName(name) && !isLiveSheet(name, null), name).toBe(true);
      for (const name of ['ボランティア名簿', '名簿（は〜わ行）', '依頼（下期）', 'Sheet1'])
        expect(!isArchiveName(name) && isLiveSheet(name, undefined), name).toBe(true);
    });
  });

  describe('liveMappings', () => {
    it('keeps the mappings of the sheets there are, by name and id, and reads those stored without ids by name', () => {
      const m = mappingFromDetection(roster);
      const parsed = parseMappings(serializeMappings({ 名簿: m, 依頼: m, 旧名簿: m }, { 名簿: 1, 依頼: 2, 旧名簿: 3 }));
      // 名簿 is the same sheet; 依頼 is a new sheet with the old name (id 9); 旧名簿 was renamed to 名簿2.
      expect(
        Object.keys(
          liveMappings(parsed, [
            { name: '名簿', id: 1 },
            { name: '依頼', id: 9 },
            { name: '名簿2', id: 3 },
          ]),
        ),
      ).toEqual(['名簿']);
      const v1 = parseMappings(JSON.stringify({ v: 1, s: { 名簿: { k: 'volunteers', h: 1, c: { name: 1 } } } }));
      expect(Object.keys(liveMappings(v1, [{ name: '名簿', id: 5 }]))).toEqual(['名簿']);
      expect(
        Object.keys((JSON.parse(serializeMappings({ 名簿: m, 消えた: m }, { 名簿: 1 })) as { s: object }).s),
      ).toEqual(['名簿']);
    });
  });

  describe('utf8ByteLength', () => {
    it('counts UTF-8 bytes', () => {
      expect(utf8ByteLength('abc')).toBe(3);
      expect(utf8ByteLength('é')).toBe(2);
      expect(utf8ByteLength('名簿')).toBe(6);
      expect(utf8ByteLength('𠮷')).toBe(4);
    });
  });
});
