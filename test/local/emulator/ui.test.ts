/** Ui and HtmlService: menus, scripted alerts and prompts, sidebars and dialogs, templates. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

describe('emulator Ui', () => {
  describe('menus', () => {
    it('records the add-on menu with items, separators and submenus when added to the UI', () => {
      const { app, emu } = fresh();
      const ui = app.getUi();
      const sub = ui.createMenu('ツール').addItem('履歴を開く', 'openHistory');
      ui.createAddonMenu().addItem('サイドバーを開く', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
      expect(emu.ui.menus).toEqual([
        {
          title: null,
          addon: true,
          items: [
            { caption: 'サイドバーを開く', functionName: 'showSidebar' },
            { separator: true },
            {
              submenu: {
                title: 'ツール',
                addon: false,
                items: [{ caption: '履歴を開く', functionName: 'openHistory' }],
              },
            },
          ],
        },
      ]);
    });

    it('replaces a menu added again, and shows nothing until addToUi', () => {
      const { app, emu } = fresh();
      const ui = app.getUi();
      ui.createMenu('つなぐ').addItem('a', 'a');
      expect(emu.ui.menus).toEqual([]);
      ui.createMenu('つなぐ').addItem('a', 'a').addToUi();
      ui.createMenu('つなぐ').addItem('b', 'b').addToUi();
      expect(emu.ui.menus.map((m) => m.items)).toEqual([[{ caption: 'b', functionName: 'b' }]]);
    });
  });

  describe('alert', () => {
    it('returns the scripted answers in order and records each alert', () => {
      const { app, emu } = fresh();
      const ui = app.getUi();
      emu.ui.answer('YES', 'CANCEL');
      expect(ui.alert('確認', '書き込みますか？', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
      expect(ui.alert('続けますか？', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
      expect(emu.ui.alerts).toEqual([
        { kind: 'alert', title: '確認', prompt: '書き込みますか？', buttons: 'YES_NO', answer: 'YES' },
        { kind: 'alert', title: '', prompt: '続けますか？', buttons: 'OK_CANCEL', answer: 'CANCEL' },
      ]);
      expect(emu.ui.pendingAnswers).toBe(0);
    });

    it('answers an OK-only alert by itself when nothing is scripted', () => {
      const { app, emu } = fresh();
      const ui = app.getUi();
      expect(ui.alert('完了しました')).toBe(ui.Button.OK);
      expect(emu.ui.alerts[0]?.answer).toBe('OK');
    });

    it('throws for a question nobody scripted an answer to', () => {
      const { app } = fresh();
      const ui = app.getUi();
      expect(() => ui.alert('削除しますか？', ui.ButtonSet.YES_NO)).toThrow('unexpected alert: 削除しますか？');
    });

    it('throws when the scripted answer is not a button of the alert', () => {
      const { app, emu } = fresh();
      const ui = app.getUi();
      emu.ui.answer('YES');
      expect(() => ui.alert('完了しました')).toThrow('scripted answer YES is not a button of OK');
    });
  });

  describe('prompt', () => {
    it('returns the scripted button and text', () => {
      const { app, emu } = fresh();
      const ui = app.getUi();
      emu.ui.answer({ button: 'OK', text: '令和6年度' }, 'CANCEL');
      const first = ui.prompt('年度', '年度を入力してください', ui.ButtonSet.OK_CANCEL);
      expect([first.getSelectedButton(), first.getResponseText()]).toEqual([ui.Button.OK, '令和6年度']);
      const second = ui.prompt('もう一度', ui.ButtonSet.OK_CANCEL);
      expect([second.getSelectedButton(), second.getResponseText()]).toEqual([ui.Button.CANCEL, '']);
      expect(() => ui.prompt('三度目')).toThrow('unexpected prompt: 三度目');
    });
  });

  describe('showSidebar and showModalDialog', () => {
    it('record the HTML shown with its title and size', () => {
      const { app, emu } = fresh({ htmlFiles: { Sidebar: '<p>つなぐ</p>' } });
      const html = emu.globals.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('つなぐ');
      app.getUi().showSidebar(html);
      expect(emu.ui.sidebar).toEqual({ title: 'つなぐ', html: '<p>つなぐ</p>', width: null, height: null });
      const dialog = emu.globals.HtmlService.createHtmlOutput('<b>x</b>').setWidth(400).setHeight(300);
      app.getUi().showModalDialog(dialog, '詳細');
      expect(emu.ui.dialogs).toEqual([{ title: '詳細', html: '<b>x</b>', width: 400, height: 300, modal: true }]);
    });
  });
});

describe('emulator HtmlService', () => {
  describe('createHtmlOutputFromFile', () => {
    it('throws as Apps Script does for a missing file', () => {
      const { emu } = fresh();
      expect(() => emu.globals.HtmlService.createHtmlOutputFromFile('Sidebar')).toThrow(
        'No HTML file named Sidebar was found.',
      );
    });
  });

  describe('HtmlOutput', () => {
    it('appends, replaces and clears content and keeps the modes set', () => {
      const { emu } = fresh();
      const service = emu.globals.HtmlService;
      const out = service.createHtmlOutput('<p>a</p>').append('<p>b</p>');
      expect(out.getContent()).toBe('<p>a</p><p>b</p>');
      out
        .setContent('c')
        .setSandboxMode(service.SandboxMode.IFRAME)
        .setXFrameOptionsMode(service.XFrameOptionsMode.ALLOWALL);
      out.addMetaTag('viewport', 'width=device-width');
      expect(out.getContent()).toBe('c');
      expect(() => out.addMetaTag('refresh', '1')).toThrow('Invalid argument');
    });
  });

  describe('createTemplateFromFile', () => {
    it('evaluates escaped, raw and code scriptlets with the template properties in scope', () => {
      const { emu } = fresh({
        htmlFiles: { Page: '<h1><?= title ?></h1><? for (const n of items) { ?><i><?!= n ?></i><? } ?>' },
      });
      const template = emu.globals.HtmlService.createTemplateFromFile('Page');
      template.title = '<つなぐ & 社協>';
      template.source = 'a variable named like an internal field';
      template.items = ['<b>1</b>', 2];
      expect(template.evaluate().getContent()).toBe('<h1>&lt;つなぐ &amp; 社協&gt;</h1><i><b>1</b></i><i>2</i>');
    });

    it('lets scriptlets use the Apps Script globals', () => {
      const { emu } = fresh({ htmlFiles: { Tz: '<?= Session.getScriptTimeZone() ?>' } });
      expect(emu.globals.HtmlService.createTemplateFromFile('Tz').evaluate().getContent()).toBe('Asia/Tokyo');
    });
  });
});
