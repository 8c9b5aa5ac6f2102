// A workbook without a 設定 sheet, through the bundle: no sample 団体名 anywhere, a notice that says 設定 does not exist yet and offers シート準備.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SidebarState, ValidationReport, ValidationView } from '../../../src/shared/rpc';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

/** A council's own roster, exported without any other sheet: real 圏域 names, a 入金方法-free roster. */
function rosterOnly(): Session {
  const session = freshSession();
  session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('名簿');
  session.emu.setSheetValues('名簿', [
    ['登録番号', '氏名', 'フリガナ', '電話番号', '圏域', '資格・特技', '個人情報同意', '状態'],
    ['V-001', '佐藤 花子', 'サトウ ハナコ', '042-461-1234', '第1圏域', '運転', 'はい', '活動中'],
    ['V-002', '鈴木 一郎', 'スズキ イチロウ', '042-461-1235', '第2圏域', '囲碁', 'はい', '活動中'],
  ]);
  return session;
}

const SAMPLE_NAME = /サンプル|つなぐ市/;

describe('a workbook without a 設定 sheet', () => {
  it('shows no organisation name, and the sidebar state says 設定 does not exist yet and offers シート準備', () => {
    const session = rosterOnly();
    const state = rpc<SidebarState>(session, 'getSidebarState');
    expect(state.organizationName).toBe('');
    expect(state.missingStandardSheets).toContain('設定');
    expect(state.settingsNotice?.ja).toContain('設定シートがまだありません');
    expect(state.settingsNotice?.ja).toContain('シート準備');
    expect(state.settingsNotice?.en).toContain('no 設定 (settings) sheet yet');
    expect(state.settingsNotice?.en).toContain('Set up');
    expect(JSON.stringify(state)).not.toMatch(SAMPLE_NAME);
  });

  it('is not checked against the sample city’s 圏域, and a value outside a standard list says 設定 does not exist yet', () => {
    const session = rosterOnly();
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    expect(report.issues.filter((i) => i.column === '圏域')).toEqual([]);
    const skill = report.issues.find((i) => i.column === '資格・特技' && i.row === 3);
    expect(skill?.code).toBe('list.notInSettings');
    expect(skill?.message).toContain('設定シートはまだありません');
    expect(skill?.message).toContain('シート準備');
    expect(skill?.messageEn).toContain('There is no 設定 sheet yet');
    expect(skill?.message).not.toContain('設定シートに追加してください');
    const view = rpc<ValidationView>(session, 'runValidation');
    expect(view.notices.map((n) => n.ja).join('')).toContain('設定シートがまだありません');
    expect(JSON.stringify(view)).not.toMatch(SAMPLE_NAME);
  });

  it('after シート準備 the notice is gone, no sample name is shown, and the new sheets get the written 設定’s drop-downs', () => {
    const session = rosterOnly();
    rpc(session, 'setupSheets');
    const state = rpc<SidebarState>(session, 'getSidebarState');
    expect(state.settingsNotice).toBeNull();
    expect(state.organizationName).toBe('');
    const settings = session.emu.sheetValues('設定');
    expect(settings.find((row) => row[0] === '団体名')?.[1]).toBe('');
    expect(JSON.stringify(settings)).not.toMatch(SAMPLE_NAME);
    const requests = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('依頼');
    const header = session.emu.sheetValues('依頼')[0] as string[];
    const area = requests?.getRange(2, header.indexOf('圏域') + 1).getDataValidation();
    expect(area?.getCriteriaValues()[0]).toEqual(['北東部', '北西部', '中部', '南部']);
    // With 設定 in place its lists apply: the roster's own 圏域 are now checked against them.
    const report = rpc<ValidationReport>(session, 'getValidationReport');
    expect(report.issues.some((i) => i.column === '圏域' && i.code === 'list.notInSettings')).toBe(true);
  });

  it('with the council’s 団体名 in 設定, shows that name and no notice', () => {
    const session = rosterOnly();
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('設定');
    session.emu.setSheetValues('設定', [
      ['項目', '値'],
      ['団体名', '西東京市社会福祉協議会'],
    ]);
    const state = rpc<SidebarState>(session, 'getSidebarState');
    expect(state.organizationName).toBe('西東京市社会福祉協議会');
    expect(state.settingsNotice).toBeNull();
    expect(
      rpc<ValidationView>(session, 'runValidation')
        .notices.map((n) => n.ja)
        .join(''),
    ).not.toContain('設定シート');
  });
});
