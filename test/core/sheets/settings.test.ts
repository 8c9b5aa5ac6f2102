import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import {
  DEFAULT_TARGET_YEARS,
  defaultIndicatorHeader,
  defaultIndicatorRows,
  defaultSettingsHeader,
  defaultSettingsRows,
} from '../../../src/core/sheets/defaults';
import { detectSheet } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { parseRows } from '../../../src/core/sheets/rows';
import { areaOfPlace, defaultSettings, parseSettings, settingsList } from '../../../src/core/sheets/settings';
import { INDICATOR_SOURCES, AGGREGATIONS, DIRECTIONS } from '../../../src/core/sheets/lists';
import { needsFormulaGuard } from '../../../src/core/text/formula';
import { parseYesNo } from '../../../src/core/text/yesno';

const HEADER = ['項目', '値', '地区', '町名', '隣接圏域', '備考'];
const codes = (values: unknown[][]): string[] => parseSettings(values).issues.map((i) => i.code);

describe('sheets/settings', () => {
  describe('parseSettings', () => {
    it('reads the organisation, fiscal year start and threshold', () => {
      const { settings, issues } = parseSettings([
        HEADER,
        ['団体名', '西東京市社会福祉協議会'],
        ['年度開始月', '４月'],
        ['秘匿基準', '５人'],
      ]);
      expect(issues).toEqual([]);
      expect(settings).toMatchObject({
        organizationName: '西東京市社会福祉協議会',
        fiscalYearStartMonth: 4,
        suppressionThreshold: 5,
      });
    });

    it('raises a threshold below 3 to 3 and reports it', () => {
      const { settings, issues } = parseSettings([HEADER, ['秘匿基準', 1]]);
      expect(settings.suppressionThreshold).toBe(3);
      expect(issues).toMatchObject([{ code: 'settings.thresholdClamped', severity: 'warning', row: 2 }]);
    });

    it('keeps the defaults and reports unusable values', () => {
      const { settings, issues } = parseSettings([HEADER, ['年度開始月', 13], ['秘匿基準', 'たくさん']]);
      expect(settings.fiscalYearStartMonth).toBe(4);
      expect(settings.suppressionThreshold).toBe(10);
      expect(issues.map((i) => [i.code, i.row])).toEqual([
        ['settings.badStartMonth', 2],
        ['settings.badThreshold', 3],
      ]);
    });

    it('reads 履歴保存日数, 30 days when the sheet does not say, and reports one that is not 1–3650 days', () => {
      expect(parseSettings([HEADER, ['履歴保存日数', 7]]).settings.historyRetentionDays).toBe(7);
      expect(parseSettings([HEADER, ['履歴の保存日数', '90日']]).settings.historyRetentionDays).toBe(90);
      expect(parseSettings([HEADER]).settings.historyRetentionDays).toBe(30);
      expect(parseSettings(defaultSettingsRows()).settings.historyRetentionDays).toBe(30);
      for (const bad of [0, -1, 'ずっと', 1.5, 5000]) {
        const { settings, issues } = parseSettings([HEADER, ['履歴保存日数', bad]]);
        expect(settings.historyRetentionDays, String(bad)).toBe(30);
        expect(
          issues.map((i) => [i.code, i.row]),
          String(bad),
        ).toEqual([['settings.badRetention', 2]]);
      }
    });

    it('reads 圏域 rows with their 地区, 町名 and neighbours', () => {
      const { settings } = parseSettings([
        ['設定', '', '', '', '', ''],
        HEADER,
        ['圏域', '北部', 'A地区、B地区', '北町\n栄町', '中部'],
        ['圏域', '中部', 'C地区', '中町'],
        ['圏域', '南部', '', '南町'],
        ['隣接圏域', '南部、中部'],
      ]);
      expect(settings.areas).toEqual([
        { name: '北部', districts: ['A地区', 'B地区'], towns: ['北町', '栄町'] },
        { name: '中部', districts: ['C地区'], towns: ['中町'] },
        { name: '南部', districts: [], towns: ['南町'] },
      ]);
      expect(settings.adjacentAreas).toEqual([
        ['北部', '中部'],
        ['中部', '南部'],
      ]);
      expect(areaOfPlace(settings, '栄町')).toBe('北部');
    });

    it('reports unknown neighbours, 町名 in two 圏域 and 圏域 without a name', () => {
      expect(
        codes([HEADER, ['圏域', '北部', '', '北町', '西部'], ['圏域', '中部', '', '北町'], ['圏域', '', '', '南町']]),
      ).toEqual(['settings.areaNoName', 'settings.unknownArea', 'settings.sharedPlace']);
    });

    it('gathers every other 項目 into named lists, one row or many', () => {
      const { settings } = parseSettings([
        HEADER,
        ['活動分野', '子ども・子育て、高齢者'],
        ['活動分野', '災害支援'],
        ['入金方法', '現金\n振込'],
        ['重み：資格', '3'],
      ]);
      expect(settings.lists).toEqual({
        活動分野: ['子ども・子育て', '高齢者', '災害支援'],
        入金方法: ['現金', '振込'],
      });
      expect(settings.weights).toEqual({ 資格: 3 });
      expect(settingsList(settings, '活動分野')).toEqual(['子ども・子育て', '高齢者', '災害支援']);
      expect(settingsList(settings, '支部')).toBeNull();
    });

    it('reads a sheet without a header as columns A–F and says so', () => {
      const { settings, issues } = parseSettings([
        ['団体名', 'テスト社協'],
        ['秘匿基準', 10],
      ]);
      expect(settings.organizationName).toBe('テスト社協');
      expect(issues.map((i) => i.code)).toEqual(['settings.noHeader']);
    });

    it('gives the defaults for an empty sheet', () => {
      expect(parseSettings([])).toEqual({ settings: defaultSettings(), issues: [], mapping: null });
    });
  });

  describe('defaultSettingsRows', () => {
    it('is detected as 設定 and parses back without issues', () => {
      const values = [defaultSettingsHeader(), ...defaultSettingsRows()];
      expect(detectSheet(values[0] as string[])?.kind).toBe('settings');
      const { settings, issues } = parseSettings(values);
      expect(issues).toEqual([]);
      expect(settings.fiscalYearStartMonth).toBe(4);
      expect(settings.suppressionThreshold).toBe(10);
      expect(settings.areas.map((a) => a.name)).toEqual(['北東部', '北西部', '中部', '南部']);
      expect(settings.areas.flatMap((a) => a.towns)).toHaveLength(22);
      expect(settings.adjacentAreas.length).toBeGreaterThanOrEqual(4);
      expect(settingsList(settings, '活動分野')).toContain('子ども・子育て');
    });

    it('parses back the same without its header row', () => {
      expect(parseSettings(defaultSettingsRows()).settings).toEqual(
        parseSettings([defaultSettingsHeader(), ...defaultSettingsRows()]).settings,
      );
    });

    it('holds no text a sheet would take for a formula', () => {
      for (const row of defaultSettingsRows())
        for (const cell of row) if (typeof cell === 'string') expect(needsFormulaGuard(cell)).toBe(false);
    });
  });

  describe('defaultIndicatorRows', () => {
    const values = [defaultIndicatorHeader(), ...defaultIndicatorRows()];

    it('is detected as 指標定義 with a 目標 column per plan year', () => {
      const det = detectSheet(values[0] as string[]);
      expect(det?.kind).toBe('indicators');
      expect(det?.missingRequired).toEqual([]);
      for (const year of DEFAULT_TARGET_YEARS) expect(det?.columns[`target.${year}`]).toBeDefined();
    });

    it('has indicators for each basic goal, with values from the fixed lists', () => {
      const det = detectSheet(values[0] as string[]);
      const { records } = parseRows('indicators', mappingFromDetection(det!), values);
      for (const goal of [1, 2, 3, 4]) {
        const n = records.filter((r) => r.fields.goal === goal).length;
        expect(n, `goal ${goal}`).toBeGreaterThanOrEqual(2);
      }
      const ids = new Set<unknown>();
      for (const r of records) {
        ids.add(r.fields.indicatorId);
        expect(INDICATOR_SOURCES).toContain(r.fields.source);
        if (r.fields.source !== '手入力') expect(AGGREGATIONS).toContain(r.fields.method);
        expect(DIRECTIONS).toContain(r.fields.direction);
        expect(parseYesNo(r.fields.suppress).status).not.toBe('unrecognised');
        expect(typeof r.fields.baseline).toBe('number');
        for (const year of DEFAULT_TARGET_YEARS) expect(typeof r.fields[`target.${year}`]).toBe('number');
      }
      expect(ids.size).toBe(records.length);
      // That every row is a valid definition (columns, 条件) is tested in test/core/indicators/defaults.test.ts.
    });
  });
});
