/** Answers back: response columns matched by the item map, every language read back to Japanese, rows for the roster, 活動記録 and アンケート回答. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { canonicalAnswer, splitPicked } from '../../../src/core/survey/canonical';
import {
  activityRow,
  gridSlots,
  surveyAnswerHeader,
  surveyAnswerRow,
  volunteerCandidate,
} from '../../../src/core/survey/destinations';
import { matchResponseColumns, readResponses } from '../../../src/core/survey/responses';
import { buildFormSpec } from '../../../src/core/survey/spec';
import type { FormDef } from '../../../src/core/survey/types';
import { defaultSettings, readTemplate, responseHeader, storedFor, tokyo } from './helpers';

function template(name: '住民意識調査' | 'ボランティア登録' | '活動報告'): FormDef {
  const form = readTemplate(name).forms[0];
  if (!form) throw new Error('no form');
  return form;
}

/** A response-sheet row for a spec: values by 設問ID (grids: { row label: value }). */
function sheetRow(
  header: readonly string[],
  titles: Map<string, string>,
  answers: Record<string, unknown>,
  at: Date,
): unknown[] {
  const row: unknown[] = header.map(() => '');
  row[0] = at;
  for (const [id, value] of Object.entries(answers)) {
    const title = titles.get(id) as string;
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [r, v] of Object.entries(value)) row[header.indexOf(`${title} [${r}]`)] = v;
    } else row[header.indexOf(title)] = value;
  }
  return row;
}

function titlesOf(spec: ReturnType<typeof buildFormSpec>): Map<string, string> {
  return new Map(spec.items.map((i) => [i.key, i.title]));
}

describe('survey/answers', () => {
  describe('matchResponseColumns', () => {
    it('finds every question by its title, grids by title and row, never by position', () => {
      const spec = buildFormSpec(template('ボランティア登録'), 'ja');
      const header = responseHeader(spec);
      const shuffled = [header[0], ...header.slice(1).reverse()];
      const m = matchResponseColumns(shuffled, storedFor(spec));
      expect(m.timestamp).toBe(0);
      expect(m.notices).toEqual([]);
      expect(m.questions.get('氏名')?.columns).toEqual([shuffled.indexOf('お名前')]);
      expect(m.questions.get('活動可能日時')?.grid?.get('水曜日')).toEqual([
        shuffled.indexOf('活動できる曜日と時間帯 [水曜日]'),
      ]);
    });

    it('says so when an edited title split a question over two columns, and reads both', () => {
      const spec = buildFormSpec(template('住民意識調査'), 'ja');
      const stored = storedFor(spec);
      const renamed = {
        ...stored,
        items: stored.items.map((i) => (i.key === '年代' ? { ...i, titles: [...i.titles, '年齢'] } : i)),
      };
      const header = [...responseHeader(spec), '年齢', '手書きのメモ'];
      const m = matchResponseColumns(header, renamed);
      const yearCols = m.questions.get('年代')?.columns ?? [];
      expect(yearCols).toEqual([header.indexOf('あなたの年代'), header.indexOf('年齢')]);
      expect(m.notices.map((n) => n.code)).toEqual(['survey.columnsSplit', 'survey.columnUnknown']);
      expect(m.notices[0]?.message.ja).toContain('分かれています');
      const old = sheetRow(header, titlesOf(spec), { 年代: '20代' }, tokyo(2024, 5, 1, 10));
      const fresh = sheetRow(header, titlesOf(spec), {}, tokyo(2024, 6, 1, 10));
      fresh[header.indexOf('年齢')] = '30代';
      const responses = readResponses([old, fresh], 2, m, renamed);
      expect(responses.map((r) => r.answers.get('年代'))).toEqual([
        { kind: 'cell', value: '20代' },
        { kind: 'cell', value: '30代' },
      ]);
    });

    it('gives each response an id that survives re-sorting and edits, and tells same-second responses apart', () => {
      const spec = buildFormSpec(template('住民意識調査'), 'ja');
      const stored = storedFor(spec);
      const header = responseHeader(spec);
      const m = matchResponseColumns(header, stored);
      const a = sheetRow(header, titlesOf(spec), { 年代: '20代' }, tokyo(2024, 5, 1, 10));
      const b = sheetRow(header, titlesOf(spec), { 年代: '30代' }, tokyo(2024, 5, 1, 10));
      const c = sheetRow(header, titlesOf(spec), { 年代: '40代' }, tokyo(2024, 5, 2, 10));
      const first = readResponses([a, b, c], 2, m, stored).map((r) => r.responseId);
      expect(new Set(first).size).toBe(3);
      expect(first[1]).toBe(`${stored.formId}:${tokyo(2024, 5, 1, 10).toISOString()}#2`);
      const edited = [...c];
      edited[header.indexOf('あなたの年代')] = '50代';
      const again = readResponses([edited, a, b], 2, m, stored).map((r) => r.responseId);
      expect(again).toEqual([first[2], first[0], first[1]]);
    });

    it('reports a question whose column is gone', () => {
      const spec = buildFormSpec(template('活動報告'), 'ja');
      const header = responseHeader(spec).filter((h) => h !== '参加者数');
      const m = matchResponseColumns(header, storedFor(spec));
      expect(m.notices.map((n) => [n.code, n.key])).toEqual([['survey.columnMissing', '参加者数']]);
    });
  });

  describe('canonicalAnswer', () => {
    it('maps an English choice back to the Japanese one, and keeps a renamed choice as typed', () => {
      const form = template('住民意識調査');
      const q = form.questions.find((x) => x.id === '社協の認知度');
      if (!q) throw new Error('no question');
      expect(canonicalAnswer(q, 'en', { kind: 'cell', value: 'I know the name only' })).toMatchObject({
        text: '名前は知っている',
        indices: [1],
        unmatched: [],
      });
      expect(canonicalAnswer(q, 'en', { kind: 'cell', value: 'Heard of it' })).toMatchObject({
        text: 'Heard of it',
        unmatched: ['Heard of it'],
      });
    });

    it('splits check-box answers joined with ", " even when a choice holds a comma', () => {
      const lists = { ja: ['はい、そう', 'いいえ', 'その他'], en: ['Yes, I agree', 'No', 'Other'] };
      expect(splitPicked('Yes, I agree, Other, something else', lists, 'en')).toEqual({
        indices: [0, 2],
        unmatched: ['something else'],
      });
    });
  });

  describe('volunteerCandidate', () => {
    it('turns an English registration into a roster row in canonical Japanese, availability as text', () => {
      const form = template('ボランティア登録');
      const spec = buildFormSpec(form, 'en');
      const stored = storedFor(spec, 'reg-en');
      const header = responseHeader(spec);
      const row = sheetRow(
        header,
        titlesOf(spec),
        {
          氏名: 'Maria Santos',
          フリガナ: 'まりあ さんとす',
          生年月日: tokyo(1990, 4, 1),
          性別: 'Prefer not to say',
          郵便番号: '１８８－００１２',
          住所: '西東京市田無町1-1',
          地区: '田無地区',
          電話番号: '090-1234-5678',
          活動分野: 'Older people, People with foreign roots',
          対応言語: 'English, Tagalog',
          活動可能日時: {
            Monday: 'Morning, Afternoon',
            Wednesday: 'Evening',
            Saturday: 'Morning, Afternoon',
            Sunday: 'Morning, Afternoon',
          },
          保険: 'I would like to join through the council',
          個人情報同意: 'I agree',
          備考: 'Weekends are best',
        },
        tokyo(2024, 5, 10, 9, 30),
      );
      const [response] = readResponses([row], 2, matchResponseColumns(header, stored), stored);
      if (!response) throw new Error('no response');
      const c = volunteerCandidate(form, response, defaultSettings());
      expect(c.consent).toBe(true);
      expect(c.unmatched).toEqual([]);
      expect(c.cells).toMatchObject({
        volunteerId: '',
        name: 'Maria Santos',
        furigana: 'まりあ さんとす',
        gender: '回答しない',
        postalCode: '１８８－００１２',
        district: '田無地区',
        area: '中部',
        phone: '090-1234-5678',
        fields: '高齢者、外国にルーツのある人',
        languages: '英語、タガログ語',
        availability: '月土日終日、水夜間',
        insuranceYear: '',
        consent: 'はい',
        status: '活動中',
        note: 'Weekends are best\nボランティア活動保険: 社協で加入の手続きをしたい',
      });
      expect(c.cells.birthDate).toEqual(tokyo(1990, 4, 1));
      expect(c.cells.registeredOn).toEqual(tokyo(2024, 5, 10));
      expect(c.derived.map((d) => d.key)).toEqual(['status', 'registeredOn', 'area']);
    });

    it('sets 保険加入年度 to the fiscal year of the answer for the first choice, and refuses no consent', () => {
      const form = template('ボランティア登録');
      const spec = buildFormSpec(form, 'ja');
      const stored = storedFor(spec);
      const header = responseHeader(spec);
      const row = sheetRow(
        header,
        titlesOf(spec),
        { 氏名: '山田 花子', 保険: '今年度の保険に加入済み' },
        tokyo(2025, 3, 31, 23),
      );
      const [response] = readResponses([row], 2, matchResponseColumns(header, stored), stored);
      if (!response) throw new Error('no response');
      const c = volunteerCandidate(form, response, defaultSettings());
      expect(c.cells.insuranceYear).toBe(2024);
      expect(c.consent).toBe(false);
    });
  });

  describe('activityRow', () => {
    it('reads numbers as numbers, yes/no as はい/いいえ, and keeps an odd count as typed', () => {
      const form = template('活動報告');
      const spec = buildFormSpec(form, 'ja');
      const stored = storedFor(spec);
      const header = responseHeader(spec);
      const rows = [
        sheetRow(
          header,
          titlesOf(spec),
          {
            日付: tokyo(2024, 6, 2),
            事業: 'ふれまち',
            活動種別: 'サロン',
            登録番号: 'V-0012',
            参加者数: 14,
            活動時間: 2.5,
            多世代: 'はい',
          },
          tokyo(2024, 6, 2, 18),
        ),
        sheetRow(
          header,
          titlesOf(spec),
          { 事業: 'りんく', 活動種別: '見守り訪問', 登録番号: 'Ｖ－００１２', 参加者数: '十人', 活動時間: 1 },
          tokyo(2024, 6, 3, 12),
        ),
      ];
      const responses = readResponses(rows, 2, matchResponseColumns(header, stored), stored);
      const [a, b] = responses.map((r) => activityRow(form, r, defaultSettings()));
      expect(a?.cells).toMatchObject({
        program: 'ふれまち',
        activityType: 'サロン',
        volunteerId: 'V-0012',
        participants: 14,
        hours: 2.5,
        multiGenerational: 'はい',
      });
      expect(a?.cells.date).toEqual(tokyo(2024, 6, 2));
      expect(b?.cells).toMatchObject({ volunteerId: 'Ｖ－００１２', participants: '十人' });
      expect(b?.cells.date).toEqual(tokyo(2024, 6, 3));
      expect(b?.derived.map((d) => d.key)).toEqual(['date']);
    });
  });

  describe('surveyAnswerRow', () => {
    it('writes one anonymous row per response in canonical Japanese with the language', () => {
      const form = template('住民意識調査');
      const spec = buildFormSpec(form, 'ja-yasashii');
      const stored = storedFor(spec, 'survey-easy');
      const header = responseHeader(spec);
      const row = sheetRow(
        header,
        titlesOf(spec),
        {
          年代: '30〜39歳(さい)',
          圏域: '南部',
          社協の認知度: '知(し)らない',
          情報の入手方法: 'SNS（LINE・X・Instagram など）, 家族(かぞく)・友(とも)だち',
        },
        tokyo(2024, 7, 1, 20),
      );
      const [response] = readResponses([row], 2, matchResponseColumns(header, stored), stored);
      if (!response) throw new Error('no response');
      const out = surveyAnswerRow(form, response);
      expect(surveyAnswerHeader([form])).toEqual([
        '回答ID',
        '回答日時',
        'フォーム名',
        '言語',
        '年代',
        '圏域',
        '近所付き合い',
        '地域活動への参加',
        '居場所の利用',
        'ボランティアへの関心',
        '困りごとの相談先',
        '社協の認知度',
        '情報の入手方法',
        '社協への協力',
      ]);
      expect(out.cells).toMatchObject({
        フォーム名: '住民意識調査',
        言語: 'やさしい日本語',
        年代: '30代',
        圏域: '南部',
        社協の認知度: '知らない',
        情報の入手方法: 'SNS（LINE・X・Instagram など）、家族・知人',
        近所付き合い: '',
      });
      expect(out.cells.回答ID).toBe(response.responseId);
    });
  });

  describe('gridSlots', () => {
    it('reads day rows and period columns, and refuses rows that are not one day', () => {
      expect(gridSlots({ 月曜日: ['午前'], 日曜日: ['夜間'] })).toEqual([
        { day: 1, period: 'am' },
        { day: 0, period: 'night' },
      ]);
      expect(gridSlots({ 平日: ['午前'] })).toBeNull();
    });
  });
});

describe('survey/item-map formIdFromUrl', () => {
  it('reads the form id from an edit address, never from a published one', async () => {
    const { formIdFromUrl } = await import('../../../src/core/survey/item-map');
    expect(formIdFromUrl('https://docs.google.com/forms/d/1AbC-d_9/edit')).toBe('1AbC-d_9');
    expect(formIdFromUrl('https://docs.google.com/forms/d/1AbC-d_9/viewform?usp=sf_link')).toBe('1AbC-d_9');
    expect(formIdFromUrl('https://docs.google.com/forms/d/e/1FAIpQLSabc/viewform')).toBeNull();
    expect(formIdFromUrl('https://forms.gle/abc')).toBeNull();
  });
});
