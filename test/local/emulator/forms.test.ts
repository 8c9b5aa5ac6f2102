/** FormApp: forms recorded item by item, the response sheet, and submitted responses. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh, tokyo } from './helpers';

function surveyForm() {
  const env = fresh();
  const FormApp = env.emu.globals.FormApp;
  const form = FormApp.create('住民アンケート')
    .setDescription('地域福祉活動計画のためのアンケートです')
    .setCollectEmail(false)
    .setConfirmationMessage('ご協力ありがとうございました')
    .setProgressBar(true);
  form.addTextItem().setTitle('お住まいの地区').setRequired(true);
  form.addMultipleChoiceItem().setTitle('年代').setChoiceValues(['10代', '20代', '30代以上']).setRequired(true);
  form.addCheckboxItem().setTitle('関心のある活動').setChoiceValues(['居場所', '見守り', '講座']);
  form.addScaleItem().setTitle('満足度').setBounds(1, 5).setLabels('不満', '満足');
  form.addGridItem().setTitle('評価').setRows(['情報', '相談']).setColumns(['良い', '普通', '悪い']);
  return { ...env, FormApp, form };
}

describe('emulator FormApp', () => {
  describe('create', () => {
    it('records the form and every item exactly as set', () => {
      const { emu, form } = surveyForm();
      const record = emu.forms.get(form.getId());
      expect(record).toMatchObject({
        title: '住民アンケート',
        description: '地域福祉活動計画のためのアンケートです',
        confirmationMessage: 'ご協力ありがとうございました',
        progressBar: true,
        collectEmail: false,
        destination: null,
      });
      expect(record?.items.map(({ id: _id, ...rest }) => rest)).toEqual([
        { type: 'TEXT', title: 'お住まいの地区', helpText: '', required: true },
        {
          type: 'MULTIPLE_CHOICE',
          title: '年代',
          helpText: '',
          required: true,
          choices: [{ value: '10代' }, { value: '20代' }, { value: '30代以上' }],
        },
        {
          type: 'CHECKBOX',
          title: '関心のある活動',
          helpText: '',
          required: false,
          choices: [{ value: '居場所' }, { value: '見守り' }, { value: '講座' }],
        },
        {
          type: 'SCALE',
          title: '満足度',
          helpText: '',
          required: false,
          lowerBound: 1,
          upperBound: 5,
          leftLabel: '不満',
          rightLabel: '満足',
        },
        {
          type: 'GRID',
          title: '評価',
          helpText: '',
          required: false,
          rows: ['情報', '相談'],
          columns: ['良い', '普通', '悪い'],
        },
      ]);
      // The published URL carries an id of its own, never the form's id (as in Forms).
      expect(form.getPublishedUrl()).toMatch(
        /^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS[A-Za-z0-9]{48}\/viewform$/,
      );
      expect(form.getPublishedUrl()).not.toContain(form.getId());
      expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    });

    it('returns items as generic Items that convert to their own type only', () => {
      const { FormApp, form } = surveyForm();
      const items = form.getItems();
      expect(items.map((i) => String(i.getType()))).toEqual(['TEXT', 'MULTIPLE_CHOICE', 'CHECKBOX', 'SCALE', 'GRID']);
      expect(
        items[1]
          ?.asMultipleChoiceItem()
          .getChoices()
          .map((c) => c.getValue()),
      ).toEqual(['10代', '20代', '30代以上']);
      expect(() => items[0]?.asMultipleChoiceItem()).toThrow('Invalid conversion');
      expect(form.getItems(FormApp.ItemType.SCALE)).toHaveLength(1);
      expect(items[3]?.getIndex()).toBe(3);
    });

    it('has no methods a real item type lacks', () => {
      const { form } = surveyForm();
      const text = form.addTextItem() as unknown as Record<string, unknown>;
      expect(text.setChoiceValues).toBeUndefined();
      const header = form.addSectionHeaderItem() as unknown as Record<string, unknown>;
      expect(header.setRequired).toBeUndefined();
    });
  });

  describe('items with sections and validation', () => {
    it('records choices that lead to page breaks, and text validation', () => {
      const { emu, FormApp, form } = surveyForm();
      const page = form.addPageBreakItem().setTitle('ボランティア経験');
      const question = form.addMultipleChoiceItem().setTitle('経験はありますか');
      question.setChoices([
        question.createChoice('はい', page),
        question.createChoice('いいえ', FormApp.PageNavigationType.SUBMIT),
      ]);
      const validation = FormApp.createTextValidation().requireNumberBetween(0, 120).setHelpText('0〜120').build();
      form.addTextItem().setTitle('年齢').setValidation(validation);
      const items = emu.forms.get(form.getId())?.items ?? [];
      expect(items.find((i) => i.title === '経験はありますか')?.choices).toEqual([
        { value: 'はい', navigation: 'GO_TO_PAGE', goToPageId: page.getId() },
        { value: 'いいえ', navigation: 'SUBMIT' },
      ]);
      expect(items.find((i) => i.title === '年齢')?.validation).toEqual({
        rule: 'NUMBER_BETWEEN',
        args: [0, 120],
        helpText: '0〜120',
      });
      expect(question.getChoices()[0]?.getGotoPage().getTitle()).toBe('ボランティア経験');
    });
  });

  describe('getResponses (real-sheets-checklist RS-58)', () => {
    it('gives each response and its answers, one counted call each, grids by row and dates as YYYY-MM-DD', () => {
      const { emu, form } = surveyForm();
      form.addCheckboxGridItem().setTitle('日時').setRows(['月', '火']).setColumns(['午前', '午後']);
      form.addDateItem().setTitle('日付');
      emu.forms.submit(form.getId(), {
        お住まいの地区: '田無',
        年代: '20代',
        評価: { 情報: '良い' },
        日時: { 月: ['午前', '午後'] },
        日付: new Date('2026-06-01T00:00:00+09:00'),
      });
      emu.stats.reset();
      const responses = form.getResponses();
      expect(responses).toHaveLength(1);
      const answers = (responses[0] as GoogleAppsScript.Forms.FormResponse)
        .getItemResponses()
        .map((a) => [a.getItem().getTitle(), a.getResponse()]);
      expect(answers).toEqual([
        ['お住まいの地区', '田無'],
        ['年代', '20代'],
        ['評価', ['良い', null]],
        ['日時', [['午前', '午後'], null]],
        ['日付', '2026-06-01'],
      ]);
      expect(emu.stats.byMethod()).toEqual({
        'Form.getResponses': 1,
        'FormResponse.getItemResponses': 1,
        'ItemResponse.getItem': 5,
        'Item.getTitle': 5,
        'ItemResponse.getResponse': 5,
      });
    });
  });

  describe('setDestination', () => {
    it('creates the first sheet フォームの回答 1 with a timestamp column and the question titles', () => {
      const { emu, FormApp, form, book } = surveyForm();
      form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
      form.addParagraphTextItem().setTitle('ご意見');
      expect(book.getSheets()[0]?.getName()).toBe('フォームの回答 1');
      expect(emu.sheetValues('フォームの回答 1')).toEqual([
        [
          'タイムスタンプ',
          'お住まいの地区',
          '年代',
          '関心のある活動',
          '満足度',
          '評価 [情報]',
          '評価 [相談]',
          'ご意見',
        ],
      ]);
      expect(form.getDestinationId()).toBe(book.getId());
      form.deleteItem(0);
      expect(emu.sheetValues('フォームの回答 1')[0]?.[1]).toBe('お住まいの地区');
      expect(emu.forms.get(form.getId())?.destination).toEqual({
        type: 'SPREADSHEET',
        spreadsheetId: book.getId(),
        sheetName: 'フォームの回答 1',
      });
    });

    it('refuses a spreadsheet the emulator does not hold', () => {
      const { FormApp, form } = surveyForm();
      expect(() => form.setDestination(FormApp.DestinationType.SPREADSHEET, 'elsewhere')).toThrow(
        'Invalid argument: id',
      );
    });
  });

  describe('submit', () => {
    it('appends a response row the way Forms writes it', () => {
      const { emu, FormApp, form, book } = surveyForm();
      form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
      emu.forms.submit(
        form.getId(),
        {
          お住まいの地区: '北町',
          年代: '20代',
          関心のある活動: ['居場所', '講座'],
          満足度: 4,
          評価: { 情報: '良い', 相談: '普通' },
        },
        { timestamp: tokyo(2024, 5, 1, 10, 30) },
      );
      const rows = emu.sheetValues('フォームの回答 1');
      expect(rows[1]?.slice(1)).toEqual(['北町', '20代', '居場所, 講座', 4, '良い', '普通']);
      expect((rows[1]?.[0] as Date).toISOString()).toBe(tokyo(2024, 5, 1, 10, 30).toISOString());
      expect(emu.forms.get(form.getId())?.responses).toHaveLength(1);
    });

    it('refuses a response without a required answer, with a choice not offered, or to an unknown question', () => {
      const { emu, form } = surveyForm();
      expect(() => emu.forms.submit(form.getId(), { 年代: '20代' })).toThrow(
        '「お住まいの地区」: This is a required question',
      );
      expect(() => emu.forms.submit(form.getId(), { お住まいの地区: '北町', 年代: '90代' })).toThrow(
        '"90代" is not one of the choices',
      );
      expect(() => emu.forms.submit(form.getId(), { お住まいの地区: '北町', 年代: '20代', 好きな色: '青' })).toThrow(
        'has no question titled "好きな色"',
      );
    });
  });

  describe('openById', () => {
    it('opens a form created earlier and throws for an unknown id', () => {
      const { FormApp, form } = surveyForm();
      expect(FormApp.openById(form.getId()).getTitle()).toBe('住民アンケート');
      expect(() => FormApp.openById('nope')).toThrow('No item with the given ID could be found');
    });
  });
});
