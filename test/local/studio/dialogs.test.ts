// The studio's answering rule for Ui.alert / Ui.prompt, and the menus as the page lists them, on a bare emulator.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { WINDOW_ROWS, menuFunctions, menuViews, readBook } from '../../../src/local/studio/book';
import { parseAnswers, safeAnswer, withStudioAnswers } from '../../../src/local/studio/dialogs';

function fresh() {
  const emu = Emulator.create('ダイアログ');
  const ui = emu.globals.SpreadsheetApp.getUi();
  return { emu, ui };
}

describe('withStudioAnswers', () => {
  it('answers an unanswered YES_NO confirmation NO and marks it unscripted', () => {
    const { emu, ui } = fresh();
    const result = withStudioAnswers(
      emu.ui,
      [],
      () => ui.alert('確認', '作成しますか', ui.ButtonSet.YES_NO) === ui.Button.YES,
    );
    expect(result.value).toBe(false);
    expect(result.alerts).toEqual([
      { kind: 'alert', title: '確認', message: '作成しますか', buttons: 'YES_NO', answer: 'NO', scripted: false },
    ]);
  });

  it('gives the answers staff chose to the decisions in order, never to an OK-only alert', () => {
    const { emu, ui } = fresh();
    const result = withStudioAnswers(emu.ui, ['YES', 'CANCEL'], () => [
      ui.alert('お知らせ'),
      String(ui.alert('一つ目', ui.ButtonSet.YES_NO)),
      ui.alert('途中のお知らせ'),
      String(ui.alert('二つ目', ui.ButtonSet.OK_CANCEL)),
      String(ui.alert('三つ目', ui.ButtonSet.YES_NO_CANCEL)),
    ]);
    expect(result.value?.slice(1)).toEqual(['YES', ui.Button.OK, 'CANCEL', 'CANCEL']);
    expect(result.alerts.map((a) => [a.buttons, a.answer, a.scripted])).toEqual([
      ['OK', 'OK', true],
      ['YES_NO', 'YES', true],
      ['OK', 'OK', true],
      ['OK_CANCEL', 'CANCEL', true],
      ['YES_NO_CANCEL', 'CANCEL', false],
    ]);
  });

  it('passes the typed text to a prompt, and cancels an unanswered one', () => {
    const { emu, ui } = fresh();
    const answered = withStudioAnswers(emu.ui, [{ button: 'OK', text: '令和6年度' }], () => {
      const response = ui.prompt('年度', '年度を入力', ui.ButtonSet.OK_CANCEL);
      return [String(response.getSelectedButton()), response.getResponseText()];
    });
    expect(answered.value).toEqual(['OK', '令和6年度']);
    expect(answered.alerts[0]).toMatchObject({ kind: 'prompt', text: '令和6年度', scripted: true });
    const unanswered = withStudioAnswers(emu.ui, [], () =>
      String(ui.prompt('年度', ui.ButtonSet.OK_CANCEL).getSelectedButton()),
    );
    expect(unanswered.value).toBe('CANCEL');
    expect(unanswered.alerts[0]!.scripted).toBe(false);
  });

  it("returns what the script threw, with the dialogs shown before, and restores the emulator's own rule", () => {
    const { emu, ui } = fresh();
    const result = withStudioAnswers(emu.ui, [], () => {
      ui.alert('途中まで');
      throw new Error('止まりました');
    });
    expect((result.error as Error).message).toBe('止まりました');
    expect(result.alerts).toHaveLength(1);
    expect(Object.prototype.hasOwnProperty.call(emu.ui, 'respond')).toBe(false);
    expect(() => ui.alert('確認', ui.ButtonSet.YES_NO)).toThrow(/unexpected alert/);
  });
});

describe('safeAnswer and parseAnswers', () => {
  it('picks the button that does nothing', () => {
    expect(['YES_NO', 'OK_CANCEL', 'YES_NO_CANCEL', 'OK'].map((b) => safeAnswer(b as never))).toEqual([
      'NO',
      'CANCEL',
      'CANCEL',
      'CLOSE',
    ]);
  });

  it('accepts button names and prompt answers, nothing else', () => {
    expect(parseAnswers(undefined)).toEqual([]);
    expect(parseAnswers(['YES', { button: 'OK', text: 'x' }])).toEqual(['YES', { button: 'OK', text: 'x' }]);
    expect(parseAnswers(['yes'])).toBeNull();
    expect(parseAnswers('YES')).toBeNull();
    expect(parseAnswers([{ button: 'OK', text: 1 }])).toBeNull();
  });
});

describe('menus as the page lists them', () => {
  it('names the add-on menu after the add-on, keeps other menus by caption, and lists every function', () => {
    const { emu, ui } = fresh();
    ui.createAddonMenu()
      .addItem('サイドバーを開く', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('ツール').addItem('履歴', 'openHistory'))
      .addToUi();
    ui.createMenu('独自').addItem('実行', 'runMine').addToUi();
    expect(menuViews(emu.ui.menus)).toEqual([
      {
        title: 'Tsunagu',
        addon: true,
        items: [
          { type: 'item', caption: 'サイドバーを開く', fn: 'showSidebar' },
          { type: 'separator' },
          { type: 'submenu', caption: 'ツール', items: [{ type: 'item', caption: '履歴', fn: 'openHistory' }] },
        ],
      },
      { title: '独自', addon: false, items: [{ type: 'item', caption: '実行', fn: 'runMine' }] },
    ]);
    expect([...menuFunctions(emu.ui.menus)].sort()).toEqual(['openHistory', 'runMine', 'showSidebar']);
  });
});

describe('readBook', () => {
  function big() {
    const { emu } = fresh();
    const wide: Array<Array<string | number>> = Array.from({ length: 1200 }, (_, r) =>
      Array.from({ length: 120 }, (_, c) => (c === 0 ? r + 1 : '')),
    );
    wide[0]![119] = '端';
    emu.setSheetValues('大きい', wide);
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('大きい')!;
    sheet.setFrozenRows(1);
    return { emu, sheet };
  }

  it('sends a window of rows and at most 100 columns, and reports the real size', () => {
    const { emu } = big();
    const book = readBook(emu, '大きい');
    const sheet = book.sheets.find((s) => s.name === '大きい')!;
    expect([sheet.lastRow, sheet.lastColumn, sheet.shownColumns]).toEqual([1200, 120, 100]);
    expect(sheet.window!.firstRow).toBe(1);
    expect([sheet.window!.rows.length, sheet.window!.rows[0]!.length]).toEqual([WINDOW_ROWS, 100]);
    expect(sheet.frozen).toBeNull();
    expect(book.sheets.find((s) => s.name !== '大きい')!.window).toBeNull();
  });

  it('reaches any row: a window further down, with the frozen rows beside it', () => {
    const { emu } = big();
    const sheet = readBook(emu, '大きい', false, { top: 1100, rows: 50 }).sheets.find((s) => s.name === '大きい')!;
    expect(sheet.window!.firstRow).toBe(1100);
    expect(sheet.window!.rows.map((r) => r[0])).toEqual(Array.from({ length: 50 }, (_, i) => String(1100 + i)));
    expect(sheet.frozen!.rows.map((r) => r[0])).toEqual(['1']);
    // Past the end, the window ends at the last row.
    const last = readBook(emu, '大きい', false, { top: 5000, rows: 50 }).sheets.find((s) => s.name === '大きい')!;
    expect(last.window!.firstRow).toBe(1151);
    expect(last.window!.rows.at(-1)![0]).toBe('1200');
  });

  it('follows a cell the add-on selected far down: the window holds it', () => {
    const { emu, sheet } = big();
    sheet.getRange('C1150').activate();
    const shown = readBook(emu, 'シート1', true).sheets.find((s) => s.name === '大きい')!;
    const { firstRow, rows } = shown.window!;
    expect(firstRow <= 1150 && 1150 < firstRow + rows.length).toBe(true);
  });

  it('sends the pictures in cells (data: URLs only), and none when there is none', () => {
    const { emu } = fresh();
    const app = emu.globals.SpreadsheetApp;
    const sheet = app.getActive().getSheets()[0]!;
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
    expect(readBook(emu).sheets[0]!.window!.images).toEqual([]);
    sheet.getRange('A1:B1').setValues([['QRコード', '']]);
    sheet
      .getRange('B1')
      .setValue(app.newCellImage().setSourceUrl(gif).setAltTextTitle('QRコード: https://forms.gle/x').build());
    sheet
      .getRange('A2')
      .setValue(app.newCellImage().setSourceUrl('https://example.org/a.png').setAltTextTitle('外の画像').build());
    const shown = readBook(emu).sheets[0]!;
    expect(shown.window!.rows[0]).toEqual(['QRコード', '']);
    expect(shown.window!.images).toEqual([
      [null, { src: gif, alt: 'QRコード: https://forms.gle/x' }],
      [null, null],
    ]);
  });

  it('marks check boxes, links to cells and merged areas', () => {
    const { emu } = fresh();
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheets()[0]!;
    sheet.getRange('A1:B1').setValues([['承認', 'リンク']]);
    sheet.getRange('A2:A3').insertCheckboxes();
    sheet.getRange('A2').check();
    sheet.getRange('B2').setFormula('=HYPERLINK("#gid=0&range=C5","C5")');
    sheet.getRange('B3').setFormula('=HYPERLINK("#gid=0&range=C6","名簿 ""A""!C6")');
    sheet.getRange('C1:E1').setValues([['結合', '', '端']]);
    sheet.getRange('C1:D1').merge();
    const shown = readBook(emu).sheets[0]!;
    expect(shown.window!.checkboxes.map((r) => r[0])).toEqual([null, true, false]);
    expect(shown.window!.links[1]![1]).toEqual({ sheetId: 0, range: 'C5' });
    // The emulator calculates no formula: the link shows its label, as Sheets does.
    expect(shown.window!.rows.slice(1, 3).map((r) => r[1])).toEqual(['C5', '名簿 "A"!C6']);
    expect(shown.merges).toEqual([{ row: 1, column: 3, numRows: 1, numColumns: 2 }]);
  });
});
