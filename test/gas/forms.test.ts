/** GasFormMaker on the emulator's FormApp: building a form from a spec, updating it in place, removals only when confirmed, a form deleted in Drive. */
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { GasFormMaker } from '../../src/gas/forms';
import { FormGoneError } from '../../src/core/survey/ports';
import { buildFormSpec, type FormSpec } from '../../src/core/survey/spec';
import { matchResponseColumns, readResponses } from '../../src/core/survey/responses';
import { volunteerCandidate } from '../../src/core/survey/destinations';
import { Emulator } from '../../src/local/emulator/index';
import { defaultSettings, readSheet, readTemplate, tokyo } from '../core/survey/helpers';
import { FIXED_NOW } from '../local/emulator/helpers';

function setup() {
  const emu = Emulator.create('アンケート', { now: () => FIXED_NOW });
  const maker = new GasFormMaker(emu.globals.FormApp);
  return { emu, maker, spreadsheetId: emu.spreadsheetId };
}

function spec(name: 'ボランティア登録' | '住民意識調査' | '活動報告', language = 'ja'): FormSpec {
  const form = readTemplate(name).forms[0];
  if (!form) throw new Error('no form');
  return buildFormSpec(form, language);
}

const H = ['フォーム名', 'セクション', '設問ID', '種類', '設問', '選択肢', '必須', '入力規則', '分岐'];
function sheetSpec(rows: unknown[][]): FormSpec {
  const def = readSheet(H, rows);
  const errors = def.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.message.en).join('; '));
  return buildFormSpec(def.forms[0] as NonNullable<(typeof def.forms)[0]>, 'ja');
}

describe('gas/forms GasFormMaker', () => {
  describe('create', () => {
    it('builds the registration form published and open, linked to the spreadsheet, item by item', () => {
      const { emu, maker, spreadsheetId } = setup();
      const s = spec('ボランティア登録', 'en');
      let heard = '';
      const built = maker.create(s, spreadsheetId, (id) => (heard = id));
      expect(heard).toBe(built.formId);
      expect(built).toMatchObject({
        published: true,
        acceptingResponses: true,
        created: s.items.length,
        updated: 0,
        unchanged: 0,
      });
      expect(built.shortUrl).toMatch(/^https:\/\/forms\.gle\//);
      const record = emu.forms.get(built.formId);
      expect(record?.title).toBe('Volunteer registration');
      expect(record?.destination?.spreadsheetId).toBe(spreadsheetId);
      expect(record?.items.map((i) => [i.type, i.title])).toEqual(
        s.items.map((i) => [
          i.type === 'section' ? 'PAGE_BREAK' : i.type === 'header' ? 'SECTION_HEADER' : expect.any(String),
          i.title,
        ]),
      );
      const byTitle = new Map(record?.items.map((i) => [i.title, i]));
      expect(byTitle.get('Gender')?.choices?.map((c) => c.value)).toEqual([
        'Female',
        'Male',
        'Other',
        'Prefer not to say',
      ]);
      expect(byTitle.get('Email address')?.validation).toEqual({
        rule: 'TEXT_IS_EMAIL',
        args: [],
        helpText: 'Please enter an email address (e.g. name@example.jp).',
      });
      expect(byTitle.get('When you can volunteer')).toMatchObject({
        type: 'CHECKBOX_GRID',
        columns: ['Morning', 'Afternoon', 'Evening'],
      });
      expect(built.stored.items.map((i) => i.key)).toEqual(s.items.map((i) => i.key));
      expect(built.stored.items.every((i) => record?.items.some((r) => r.id === i.id))).toBe(true);
    });

    it('turns branches into page-break navigation', () => {
      const { emu, maker, spreadsheetId } = setup();
      const s = sheetSpec([
        ['F', '', 'exp', '単一選択', '経験は', 'ある\nない', 'はい', '', 'ある→経験\nない→送信'],
        ['F', '経験', '', 'セクション', '経験について', '', '', '', 'まとめ'],
        ['F', '経験', 'y', '短文', '何年', '', '', '整数(0〜80)'],
        ['F', '他', 'o', '段落', '他に'],
        ['F', 'まとめ', 'l', '段落', '最後に'],
      ]);
      const built = maker.create(s, spreadsheetId);
      const items = emu.forms.get(built.formId)?.items ?? [];
      const id = (title: string) => items.find((i) => i.title === title)?.id;
      expect(items.find((i) => i.title === '経験は')?.choices).toEqual([
        { value: 'ある', navigation: 'GO_TO_PAGE', goToPageId: id('経験について') },
        { value: 'ない', navigation: 'SUBMIT' },
      ]);
      // After 経験 the respondent goes to まとめ: set on the break that follows 経験 (他).
      expect(items.find((i) => i.title === '他')).toMatchObject({
        pageNavigation: 'GO_TO_PAGE',
        goToPageId: id('まとめ'),
      });
      expect(items.find((i) => i.title === '何年')?.validation).toMatchObject({
        rule: 'NUMBER_BETWEEN',
        args: [0, 80],
      });
      emu.forms.submit(built.formId, { 経験は: 'ある', 何年: '5', 他に: 'skipped', 最後に: 'done' });
      expect(emu.forms.get(built.formId)?.responses[0]?.answers).toEqual({ 経験は: 'ある', 何年: '5', 最後に: 'done' });
    });
  });

  describe('update', () => {
    it('touches nothing when nothing changed', () => {
      const { emu, maker, spreadsheetId } = setup();
      const s = spec('住民意識調査');
      const first = maker.create(s, spreadsheetId);
      emu.stats.reset();
      const again = maker.update(s, first.stored, { removeMissing: false });
      expect(again).toMatchObject({ formId: first.formId, created: 0, updated: 0, unchanged: s.items.length });
      const writes = Object.keys(emu.stats.byMethod()).filter((k) =>
        /Item\.(set|add|create|clear)|Form\.(add|move|delete)/.test(k),
      );
      expect(writes).toEqual([]);
      expect(emu.forms.all).toHaveLength(1);
    });

    it('updates texts and choices in place, adds a new question where the sheet has it, keeps item ids', () => {
      const { emu, maker, spreadsheetId } = setup();
      const rows = [
        ['F', '', 'a', '短文', 'お名前'],
        ['F', '', 'b', '単一選択', '年代', '若い\n年配'],
        ['F', '', 'c', '段落', 'ご意見'],
      ];
      const first = maker.create(sheetSpec(rows), spreadsheetId);
      const ids = first.stored.items.map((i) => i.id);
      const changed = sheetSpec([
        ['F', '', 'a', '短文', 'お名前（ふりがなも）'],
        ['F', '', 'new', '日付', '生年月日'],
        ['F', '', 'b', '単一選択', '年代', '10代\n20代\n30代以上'],
        ['F', '', 'c', '段落', 'ご意見'],
      ]);
      const built = maker.update(changed, first.stored, { removeMissing: false });
      expect(built).toMatchObject({ formId: first.formId, created: 1, updated: 2, unchanged: 1 });
      const items = emu.forms.get(first.formId)?.items ?? [];
      expect(items.map((i) => i.title)).toEqual(['お名前（ふりがなも）', '生年月日', '年代', 'ご意見']);
      expect(items[0]?.id).toBe(ids[0]);
      expect(items[2]?.id).toBe(ids[1]);
      expect(items[2]?.choices?.map((c) => c.value)).toEqual(['10代', '20代', '30代以上']);
      expect(built.stored.items.find((i) => i.key === 'a')?.titles).toEqual(['お名前', 'お名前（ふりがなも）']);
      expect(emu.forms.all).toHaveLength(1);
    });

    it('removes a question the sheet no longer has only when confirmed, and keeps its map entry until then', () => {
      const { emu, maker, spreadsheetId } = setup();
      const first = maker.create(
        sheetSpec([
          ['F', '', 'a', '短文', 'A'],
          ['F', '', 'b', '短文', 'B'],
        ]),
        spreadsheetId,
      );
      const fewer = sheetSpec([['F', '', 'a', '短文', 'A']]);
      const kept = maker.update(fewer, first.stored, { removeMissing: false });
      expect(kept.leftOver).toEqual([{ key: 'b', id: first.stored.items[1]?.id, title: 'B' }]);
      expect(kept.stored.items.map((i) => i.key)).toEqual(['a', 'b']);
      expect(emu.forms.get(first.formId)?.items.map((i) => i.title)).toEqual(['A', 'B']);
      const gone = maker.update(fewer, kept.stored, { removeMissing: true });
      expect(gone.removed.map((r) => r.key)).toEqual(['b']);
      expect(emu.forms.get(first.formId)?.items.map((i) => i.title)).toEqual(['A']);
    });

    it('replaces a question whose type changed only when confirmed', () => {
      const { emu, maker, spreadsheetId } = setup();
      const first = maker.create(sheetSpec([['F', '', 'a', '短文', 'A']]), spreadsheetId);
      const asChoice = sheetSpec([['F', '', 'a', '単一選択', 'A', 'x\ny']]);
      const waiting = maker.update(asChoice, first.stored, { removeMissing: false });
      expect(waiting.typeChanged.map((t) => t.key)).toEqual(['a']);
      expect(emu.forms.get(first.formId)?.items[0]?.type).toBe('TEXT');
      const done = maker.update(asChoice, waiting.stored, { removeMissing: true });
      expect(done.removed.map((r) => r.key)).toEqual(['a']);
      expect(emu.forms.get(first.formId)?.items.map((i) => i.type)).toEqual(['MULTIPLE_CHOICE']);
    });

    it('finishes a build that failed at any of its writes, without a second form or a duplicate item', () => {
      const s = spec('活動報告', 'en');
      const clean = setup();
      clean.emu.failAtMutation(null);
      const reference = clean.maker.create(s, clean.spreadsheetId);
      const total = clean.emu.mutations.length;
      const shape = (emu: Emulator, id: string) =>
        (emu.forms.get(id)?.items ?? []).map(({ id: _id, goToPageId: _g, choices, validation, ...rest }) => ({
          ...rest,
          // A cleared validation (null) and none at all are the same to a respondent.
          validation: validation ?? null,
          choices: choices?.map(({ goToPageId: _c, ...c }) => c),
        }));
      expect(total).toBeGreaterThan(20);
      for (let n = 1; n <= total; n++) {
        const { emu, maker, spreadsheetId } = setup();
        let formId = '';
        emu.failAtMutation(n);
        expect(() => maker.create(s, spreadsheetId, (id) => (formId = id)), `fault at ${n}`).toThrow('timed out');
        const built =
          formId === ''
            ? maker.create(s, spreadsheetId)
            : maker.update(s, { name: s.name, language: s.language, formId, items: [] }, { removeMissing: false });
        expect(emu.forms.all, `fault at ${n}`).toHaveLength(1);
        expect(shape(emu, built.formId), `fault at ${n}`).toEqual(shape(clean.emu, reference.formId));
        expect(built.leftOver, `fault at ${n}`).toEqual([]);
      }
    });

    it('builds a large form over several calls, a few items each, to the same form an unchunked build makes', () => {
      const s = spec('ボランティア登録', 'en');
      const whole = setup();
      const reference = whole.maker.create(s, whole.spreadsheetId);
      const { emu, maker, spreadsheetId } = setup();
      let built = maker.create(s, spreadsheetId, undefined, { itemLimit: 5 });
      const rounds = [built.created];
      while (built.pending > 0) {
        emu.stats.reset();
        built = maker.update(s, built.stored, { removeMissing: false, itemLimit: 5 });
        rounds.push(built.created);
        expect(emu.stats.total()).toBeLessThan(150);
      }
      expect(rounds.length).toBeGreaterThanOrEqual(4);
      const shape = (e: Emulator, id: string) =>
        (e.forms.get(id)?.items ?? []).map((i) => [
          i.type,
          i.title,
          i.choices?.map((c) => [c.value, c.navigation ?? null]) ?? null,
        ]);
      expect(shape(emu, built.formId)).toEqual(shape(whole.emu, reference.formId));
      expect(built.stored.items.map((i) => i.key)).toEqual(reference.stored.items.map((i) => i.key));
      expect(emu.forms.all).toHaveLength(1);
    });

    it('says clearly when the form was deleted in Drive', () => {
      const { emu, maker, spreadsheetId } = setup();
      const s = spec('活動報告');
      const built = maker.create(s, spreadsheetId);
      expect(maker.status(built.formId)).toEqual({
        exists: true,
        published: true,
        acceptingResponses: true,
        publishedUrl: built.publishedUrl,
        shortUrl: built.shortUrl,
      });
      emu.forms.deleteInDrive(built.formId);
      expect(maker.status(built.formId)).toEqual({ exists: false });
      let error: unknown;
      try {
        maker.update(s, built.stored, { removeMissing: false });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FormGoneError);
      expect((error as FormGoneError).messageJa).toContain('フォーム「活動報告」（ja）を開けません');
    });
  });

  describe('the loop', () => {
    it('a Vietnamese-less English registration answered in the emulator comes back as a roster row', () => {
      const { emu, maker, spreadsheetId } = setup();
      const s = spec('ボランティア登録', 'en');
      const built = maker.create(s, spreadsheetId);
      emu.forms.submit(
        built.formId,
        {
          'Full name': 'Maria Santos',
          'Your name in katakana': 'マリア サントス',
          'Date of birth': tokyo(1990, 4, 1),
          Gender: 'Female',
          Address: 'つなぐ市田無町1-1',
          'Phone number': '090-1234-5678',
          'Fields you would like to volunteer in': ['Older people'],
          'When you can volunteer': { Monday: ['Morning'], Saturday: ['Morning', 'Afternoon'] },
          'Volunteer activity insurance': 'I am insured for this fiscal year',
          'I agree to how my personal information is handled': ['I agree'],
        },
        { timestamp: tokyo(2024, 6, 1, 10) },
      );
      const record = emu.forms.get(built.formId);
      const values = emu.sheetValues(record?.destination?.sheetName as string);
      const columns = matchResponseColumns(values[0] ?? [], built.stored);
      expect(columns.notices).toEqual([]);
      const [response] = readResponses(values.slice(1), 2, columns, built.stored);
      const form = readTemplate('ボランティア登録').forms[0];
      if (!response || !form) throw new Error('no response');
      const row = volunteerCandidate(form, response, defaultSettings());
      expect(row.cells).toMatchObject({
        name: 'Maria Santos',
        gender: '女性',
        fields: '高齢者',
        availability: '月午前、土終日',
        insuranceYear: 2024,
        consent: 'はい',
      });
    });
  });
});
