/** FormApp as a respondent meets it: publishing, the short URL, paths through sections, validation, the response sheet, deletion, saving beside the workbook, form-submit triggers. */
import { describe, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '../../support/expect';
import { Emulator, FormRejection, formsPathFor, type FormSubmitEvent } from '../../../src/local/emulator/index';
import type { FormPublishing } from '../../../src/local/emulator/forms';
import { FIXED_NOW, fresh, tokyo } from './helpers';

type Form = GoogleAppsScript.Forms.Form & FormPublishing;

function create(FormApp: GoogleAppsScript.Forms.FormApp, title: string, published?: boolean): Form {
  const app = FormApp as unknown as { create(title: string, published?: boolean): Form };
  return published === undefined ? app.create(title) : app.create(title, published);
}

/** 経験は → ある leads to the 経験 page, ない submits; 経験 is followed by まとめ; その他 is never reached from 経験. */
function branching() {
  const env = fresh();
  const { FormApp } = env.emu.globals;
  const form = create(FormApp, '分岐', true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, env.book.getId());
  const q = form.addMultipleChoiceItem().setTitle('経験は').setRequired(true);
  const exp = form.addPageBreakItem().setTitle('経験');
  form.addTextItem().setTitle('何年').setRequired(true);
  const other = form.addPageBreakItem().setTitle('その他');
  form.addTextItem().setTitle('ほか').setRequired(true);
  const last = form.addPageBreakItem().setTitle('まとめ');
  form.addParagraphTextItem().setTitle('最後に');
  q.setChoices([q.createChoice('ある', exp), q.createChoice('ない', FormApp.PageNavigationType.SUBMIT)]);
  // After 経験, skip その他 and go to まとめ: set on the break that follows 経験.
  other.setGoToPage(last);
  return { ...env, FormApp, form };
}

describe('emulator FormApp semantics', () => {
  describe('publishing', () => {
    it('creates unpublished forms closed to responses, and publishing opens them', () => {
      const { emu } = fresh();
      const form = create(emu.globals.FormApp, '下書き', false);
      expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([false, false]);
      form.setAcceptingResponses(true);
      expect(form.isAcceptingResponses()).toBe(false);
      expect(() => emu.forms.submit(form.getId(), {})).toThrow('is not published');
      form.setPublished(true);
      expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, true]);
      expect(emu.stats.count('Form.setPublished')).toBe(1);
      const open = create(emu.globals.FormApp, '公開', true);
      expect([open.isPublished(), open.isAcceptingResponses()]).toEqual([true, true]);
    });

    it('shortens the published URL to the same forms.gle address every time, and nothing else', () => {
      const { emu } = fresh();
      const form = create(emu.globals.FormApp, '短縮', true);
      const short = form.shortenFormUrl(form.getPublishedUrl());
      expect(short).toMatch(/^https:\/\/forms\.gle\/[A-Za-z0-9]{17}$/);
      expect(form.shortenFormUrl(form.getPublishedUrl())).toBe(short);
      expect(() => form.shortenFormUrl('https://example.org/')).toThrow('Invalid argument: url');
      const other = create(emu.globals.FormApp, '別', true);
      expect(other.shortenFormUrl(other.getPublishedUrl())).not.toBe(short);
    });
  });

  describe('sections and branching', () => {
    it('follows a choice to its section and the page break to the next, skipping the rest', () => {
      const { emu, form } = branching();
      emu.forms.submit(form.getId(), { 経験は: 'ある', 何年: '3', ほか: 'skipped', 最後に: 'ok' });
      const row = emu.sheetValues('フォームの回答 1')[1];
      expect(row?.slice(1)).toEqual(['ある', 3, '', 'ok']);
      expect(emu.forms.get(form.getId())?.responses[0]?.answers).toEqual({ 経験は: 'ある', 何年: '3', 最後に: 'ok' });
    });

    it('checks required questions only on the pages visited, and a choice that submits ends the form', () => {
      const { emu, form } = branching();
      emu.forms.submit(form.getId(), { 経験は: 'ない' });
      expect(emu.sheetValues('フォームの回答 1')[1]?.slice(1)).toEqual(['ない', '', '', '']);
      expect(() => emu.forms.submit(form.getId(), { 経験は: 'ある' })).toThrow(
        new FormRejection('何年', 'This is a required question'),
      );
    });
  });

  describe('validation', () => {
    it('refuses answers the validation rejects, with its help text, and checks only given answers', () => {
      const { emu } = fresh();
      const { FormApp } = emu.globals;
      const form = create(FormApp, '検証', true);
      form
        .addTextItem()
        .setTitle('メール')
        .setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText('メールの形で').build());
      form
        .addTextItem()
        .setTitle('年齢')
        .setValidation(FormApp.createTextValidation().requireNumberBetween(0, 120).build());
      form
        .addTextItem()
        .setTitle('番号')
        .setValidation(
          FormApp.createTextValidation().requireTextMatchesPattern('[0-9]{3}').setHelpText('3けた').build(),
        );
      form
        .addParagraphTextItem()
        .setTitle('感想')
        .setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(5).build());
      const box = form.addCheckboxItem().setTitle('関心').setChoiceValues(['a', 'b', 'c']);
      box.setValidation(FormApp.createCheckboxValidation().requireSelectAtMost(2).build());
      form
        .addGridItem()
        .setTitle('順位')
        .setRows(['x', 'y'])
        .setColumns(['1', '2'])
        .setValidation(FormApp.createGridValidation().requireLimitOneResponsePerColumn().build());
      const submit = (answers: Record<string, string | string[] | Record<string, string>>) => () =>
        emu.forms.submit(form.getId(), answers);
      expect(submit({ メール: 'name.example.jp' })).toThrow('「メール」: メールの形で');
      expect(submit({ 年齢: '１２' })).toThrow('「年齢」: Must be a number between 0 and 120');
      expect(submit({ 年齢: '121' })).toThrow('Must be a number between 0 and 120');
      expect(submit({ 番号: '1234' })).toThrow('「番号」: 3けた');
      expect(submit({ 感想: 'とても良かった' })).toThrow('Must be fewer than 6 characters');
      expect(submit({ 関心: ['a', 'b', 'c'] })).toThrow('Must select at most 2 options');
      expect(submit({ 順位: { x: '1', y: '1' } })).toThrow("Please don't select more than one response per column");
      expect(() =>
        emu.forms.submit(form.getId(), {
          メール: 'a@b.jp',
          年齢: '42',
          番号: '123',
          感想: '良い',
          関心: ['a'],
          順位: { x: '1', y: '2' },
        }),
      ).not.toThrow();
      expect(() => emu.forms.submit(form.getId(), {})).not.toThrow();
    });

    it('needs every row of a required grid', () => {
      const { emu } = fresh();
      const form = create(emu.globals.FormApp, 'grid', true);
      form.addCheckboxGridItem().setTitle('日時').setRows(['月', '火']).setColumns(['午前', '午後']).setRequired(true);
      expect(() => emu.forms.submit(form.getId(), { 日時: { 月: ['午前'] } })).toThrow('This is a required question');
      expect(() => emu.forms.submit(form.getId(), { 日時: { 月: ['午前', '午後'], 火: ['午後'] } })).not.toThrow();
    });
  });

  describe('the response sheet', () => {
    it('relabels a column while it is empty, and starts a new column once answers are in it', () => {
      const { emu, book } = fresh();
      const { FormApp } = emu.globals;
      const form = create(FormApp, '改題', true);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
      const item = form.addTextItem().setTitle('年齢');
      item.setTitle('年齢（数字）');
      expect(emu.sheetValues('フォームの回答 1')[0]).toEqual(['タイムスタンプ', '年齢（数字）']);
      emu.forms.submit(form.getId(), { '年齢（数字）': '30' });
      item.setTitle('あなたの年齢');
      emu.forms.submit(form.getId(), { あなたの年齢: '40' });
      expect(emu.sheetValues('フォームの回答 1').map((r) => r.slice(1))).toEqual([
        ['年齢（数字）', 'あなたの年齢'],
        [30, ''],
        ['', 40],
      ]);
    });

    it("knows which form a response sheet belongs to, by the form's edit URL", () => {
      const { emu, book } = fresh();
      const { FormApp } = emu.globals;
      const form = create(FormApp, 'リンク', true);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
      expect(book.getSheetByName('フォームの回答 1')?.getFormUrl()).toBe(form.getEditUrl());
      expect(book.getSheetByName('シート1')?.getFormUrl()).toBeNull();
    });
  });

  describe('a form deleted in Drive', () => {
    it('can no longer be opened or used; its answers stay in the spreadsheet', () => {
      const { emu, book } = fresh();
      const { FormApp } = emu.globals;
      const form = create(FormApp, '削除', true);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
      form.addTextItem().setTitle('名前');
      emu.forms.submit(form.getId(), { 名前: '残る' });
      const id = form.getId();
      emu.forms.deleteInDrive(id);
      expect(() => FormApp.openById(id)).toThrow('No item with the given ID could be found');
      expect(() => form.getTitle()).toThrow('No item with the given ID could be found');
      expect(emu.sheetValues('フォームの回答 1')[1]?.[1]).toBe('残る');
      expect(book.getSheetByName('フォームの回答 1')?.getFormUrl()).toBeNull();
    });
  });

  describe('saved beside the workbook', () => {
    it('comes back from book.forms.json with its items, responses and response sheet, and new ids never repeat', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tsunagu-forms-'));
      try {
        const path = join(dir, 'book.xlsx');
        const emu = Emulator.create('保存', { now: () => FIXED_NOW });
        const { FormApp, SpreadsheetApp } = emu.globals;
        const form = create(FormApp, '保存するフォーム', true);
        form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
        form.addDateItem().setTitle('日付');
        form.addMultipleChoiceItem().setTitle('色').setChoiceValues(['赤', '青']);
        emu.forms.submit(form.getId(), { 日付: tokyo(2024, 5, 1), 色: '赤' }, { timestamp: tokyo(2024, 5, 2, 10) });
        const short = form.shortenFormUrl(form.getPublishedUrl());
        await emu.saveXlsx(path);
        expect(JSON.parse(readFileSync(formsPathFor(path), 'utf8')).forms).toHaveLength(1);

        const again = await Emulator.fromXlsx(path, { now: () => FIXED_NOW });
        const record = again.forms.all[0];
        expect(record?.title).toBe('保存するフォーム');
        expect(record?.shortUrl).toBe(short);
        expect(record?.responses[0]?.answers.日付).toEqual(tokyo(2024, 5, 1));
        expect(record?.responses[0]?.timestamp).toEqual(tokyo(2024, 5, 2, 10));
        const reopened = again.globals.FormApp.openById(record?.id as string);
        const added = reopened.addTextItem().setTitle('メモ');
        expect(record?.items.map((i) => i.id)).not.toContain(added.getId());
        again.forms.submit(record?.id as string, { 色: '青', メモ: 'また' });
        expect(again.sheetValues('フォームの回答 1').map((r) => r.slice(1))).toEqual([
          ['日付', '色', 'メモ'],
          [tokyo(2024, 5, 1), '赤', ''],
          ['', '青', 'また'],
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('form-submit triggers', () => {
    it("runs the spreadsheet's form-submit trigger with the response row, and keeps the response when the handler fails", () => {
      const { emu, book } = fresh();
      const { FormApp, ScriptApp } = emu.globals;
      ScriptApp.newTrigger('onFormResponse').forSpreadsheet(book).onFormSubmit().create();
      const form = create(FormApp, '通知', true);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
      form.addTextItem().setTitle('名前');
      const seen: FormSubmitEvent[] = [];
      emu.setTriggerRunner((handler, e) => {
        expect(handler).toBe('onFormResponse');
        seen.push(e as FormSubmitEvent);
        if (seen.length === 2) throw new Error('handler failed');
      });
      emu.forms.submit(form.getId(), { 名前: '一人目' }, { timestamp: tokyo(2024, 4, 1, 9, 30) });
      emu.forms.submit(form.getId(), { 名前: '二人目' });
      expect(seen[0]?.namedValues).toEqual({ タイムスタンプ: ['2024/04/01 9:30:00'], 名前: ['一人目'] });
      expect(seen[0]?.range.getRow()).toBe(2);
      expect(seen[1]?.values[1]).toBe('二人目');
      expect(emu.triggerRuns.map((r) => [r.row, r.error])).toEqual([
        [2, null],
        [3, 'handler failed'],
      ]);
      expect(emu.sheetValues('フォームの回答 1')).toHaveLength(3);
    });
  });

  describe('moveItem', () => {
    it("moves an item, as the adapter does to keep the sheet's order", () => {
      const { emu } = fresh();
      const form = create(emu.globals.FormApp, '並べ替え', true);
      form.addTextItem().setTitle('a');
      const b = form.addTextItem().setTitle('b');
      form.moveItem(b as unknown as GoogleAppsScript.Forms.Item, 0);
      expect(form.getItems().map((i) => i.getTitle())).toEqual(['b', 'a']);
    });
  });
});
