// アンケート作成 through the real bundle: a template into アンケート定義, the forms built and updated in place, フォーム一覧.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SurveyAnswersView, SurveyBuildView, SurveyTemplateResult, UndoResult } from '../../../src/shared/rpc';
import type { FormAnswer } from '../../../src/local/emulator/form-respond';
import { FORM_LIST_HEADER } from '../../../src/core/actions/survey';
import { ImageValue } from '../../../src/local/emulator/workbook';
import { decodeQrDataUrl } from '../../support/gif';
import { templateCells, templateHeader } from '../../../src/core/survey/templates';
import { OUTPUT_MARK_KEY } from '../../../src/core/output-sheets';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';

function sheet(session: Session, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The kinds Tsunagu marked sheets with, by sheet name (developer metadata). */
function marks(session: Session): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
    for (const m of s.getDeveloperMetadata()) if (m.getKey() === OUTPUT_MARK_KEY) out[s.getName()] = m.getValue() ?? '';
  }
  return out;
}

/** A small form in Japanese and English: a choice that branches to a section or submits. */
const SMALL_DEFINITION = [
  ['フォーム名', 'セクション', '設問ID', '種類', '設問', '選択肢', '必須', '分岐', '設問[en]', '選択肢[en]'],
  ['交流会', '', '', 'タイトル', '交流会の感想', '', '', '', 'Community gathering', ''],
  [
    '交流会',
    '',
    '参加',
    '単一選択',
    '参加しましたか',
    'はい\nいいえ',
    'はい',
    'はい→感想\nいいえ→送信',
    'Did you take part?',
    'Yes\nNo',
  ],
  ['交流会', '感想', '', 'セクション', '感想', '', '', '', 'Your impressions', ''],
  ['交流会', '感想', '良かった点', '段落', '良かった点を教えてください', '', '', '', 'What was good?', ''],
];

function smallSession(): Session {
  const session = freshSession();
  session.emu.setSheetValues('アンケート定義', SMALL_DEFINITION);
  return session;
}

describe('writeSurveyTemplate', () => {
  it('makes アンケート定義 with the template header and writes the template rows, undoably', () => {
    const session = freshSession();
    const result = rpc<SurveyTemplateResult>(session, 'writeSurveyTemplate', '活動報告');
    const cells = templateCells('活動報告');
    expect(result).toMatchObject({
      sheet: 'アンケート定義',
      formName: '活動報告',
      firstRow: 2,
      lastRow: cells.length + 1,
    });
    const values = session.emu.sheetValues('アンケート定義');
    expect(values[0]?.slice(0, templateHeader().length)).toEqual(templateHeader());
    expect(values.slice(1, cells.length + 1).map((r) => r.slice(0, templateHeader().length))).toEqual(cells);
    expect(result.undo?.label.ja, 'the write is the action 元に戻す takes back').toContain('活動報告');

    const undone = rpc<UndoResult>(session, 'undoLast');
    expect(undone.cells).toBeGreaterThan(0);
    const after = session.emu.sheetValues('アンケート定義');
    expect(
      after.slice(1).every((r) => r.every((c) => c === '')),
      'the template rows are gone',
    ).toBe(true);
  });

  it('refuses a second template under the same フォーム名 and appends one under another name', () => {
    const session = freshSession();
    rpc(session, 'writeSurveyTemplate', '住民意識調査');
    const refused = rpcError(session, 'writeSurveyTemplate', '住民意識調査');
    expect(refused.code).toBe('survey.templateExists');
    expect(refused.ja).toContain('住民意識調査');
    const second = rpc<SurveyTemplateResult>(session, 'writeSurveyTemplate', '住民意識調査', '住民意識調査2026');
    const rows = templateCells('住民意識調査').length;
    expect(second.firstRow).toBe(rows + 2);
    expect(session.emu.sheetValues('アンケート定義')[second.firstRow - 1]?.[0]).toBe('住民意識調査2026');
  });

  it('adds the language columns a staff-made アンケート定義 lacks, after its last column', () => {
    const session = freshSession();
    session.emu.setSheetValues('アンケート定義', [['フォーム名', '設問ID', '種類', '設問', '選択肢', '必須']]);
    const result = rpc<SurveyTemplateResult>(session, 'writeSurveyTemplate', '活動報告');
    expect(result.addedColumns).toContain('設問[en]');
    expect(result.addedColumns).toContain('設問[やさしい]');
    const header = session.emu.sheetValues('アンケート定義')[0] ?? [];
    expect(header.slice(0, 6)).toEqual(['フォーム名', '設問ID', '種類', '設問', '選択肢', '必須']);
    expect(header.slice(6).filter((h) => h !== '')).toEqual(result.addedColumns);
    // Without a 設定 sheet the template's 圏域 question has no list (the sample city's are not the council's).
    const missing = rpc<SurveyBuildView>(session, 'previewForms').issues.find((i) => i.severity === 'error');
    expect(missing?.code).toBe('survey.settingsListMissing');
    expect(missing?.message.ja).toContain('設定シートがまだないため「圏域」の一覧がありません');
    session.emu.setSheetValues('設定', [
      ['項目', '値'],
      ['圏域', '北部'],
      ['圏域', '南部'],
    ]);
    // Read back, the sheet defines the form in three languages.
    const view = rpc<SurveyBuildView>(session, 'previewForms');
    expect(view.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(view.forms.map((f) => f.language).sort()).toEqual(['en', 'ja', 'ja-yasashii']);
  });
});

describe('buildForms', () => {
  it('builds one published form per language, marks their response sheets and writes フォーム一覧', () => {
    const session = freshSession();
    // The template's 圏域 question takes its choices from 設定, which シート準備 makes.
    rpc(session, 'setupSheets');
    rpc(session, 'writeSurveyTemplate', '住民意識調査');
    const view = rpc<SurveyBuildView>(session, 'buildForms');
    expect(view.built).toBe(true);
    expect(view.forms.length).toBeGreaterThanOrEqual(2);
    const forms = session.emu.forms.all;
    expect(forms).toHaveLength(view.forms.length);
    for (const f of view.forms) {
      const record = session.emu.forms.get(f.id);
      expect(record, `${f.language}: the form exists`).toBeDefined();
      expect(record?.published && record.acceptingResponses, `${f.language}: open for answers`).toBe(true);
      expect(f.outcome).toBe('made');
      expect(f.publishedUrl).toBe(record?.publishedUrl);
      expect(f.shortUrl).toMatch(/^https:\/\/forms\.gle\//);
      expect(f.responseSheet).toBe(record?.destination?.sheetName);
      expect(
        f.items.every((i) => i.id > 0),
        'every item has its Forms id',
      ).toBe(true);
    }
    const list = session.emu.sheetValues('フォーム一覧');
    expect(list[0]).toEqual(FORM_LIST_HEADER);
    expect(list.slice(1).map((r) => r[11])).toEqual(view.forms.map((f) => f.id));
    expect(list.slice(1).every((r) => r[2] === '回答受付中')).toBe(true);
    // Beside each form, its QR code: a picture in the cell that decodes back to its forms.gle address.
    for (const [i, f] of view.forms.entries()) {
      const image = list[i + 1]?.[5] as unknown;
      expect(image, `${f.language}: a picture in the cell`).toBeInstanceOf(ImageValue);
      const { url, altTitle } = image as ImageValue;
      expect(altTitle).toBe(`QRコード: ${f.shortUrl}`);
      expect(decodeQrDataUrl(url), `${f.language}: the QR code decodes to the short URL`).toBe(f.shortUrl);
      expect(list[i + 1]?.[4]).toBe(f.shortUrl);
    }
    // Apps Script's view of the cell: a CellImage whose display value is empty.
    const cell = sheet(session, 'フォーム一覧').getRange(2, 6);
    expect(String(cell.getValue().valueType)).toBe('IMAGE');
    expect(cell.getDisplayValue()).toBe('');
    const marked = marks(session);
    expect(marked['フォーム一覧']).toBe('forms');
    for (const f of view.forms)
      expect(marked[f.responseSheet ?? ''], `${f.responseSheet} is Tsunagu's`).toBe('responses');
  });

  it('updates the same forms in place: nothing twice, an edited question rewritten, answers counted', () => {
    const session = smallSession();
    const first = rpc<SurveyBuildView>(session, 'buildForms');
    expect(first.forms.map((f) => f.language)).toEqual(['ja', 'en']);
    const again = rpc<SurveyBuildView>(session, 'buildForms');
    expect(again.forms.map((f) => f.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again.forms.map((f) => f.id)).toEqual(first.forms.map((f) => f.id));
    expect(session.emu.forms.all).toHaveLength(2);

    sheet(session, 'アンケート定義').getRange(5, 5).setValue('良かった点を自由に書いてください');
    const ja = first.forms[0];
    session.emu.forms.submit(ja?.id ?? '', { 参加しましたか: 'はい', 良かった点を教えてください: '楽しかった' });
    const edited = rpc<SurveyBuildView>(session, 'buildForms');
    expect(edited.forms.map((f) => f.outcome)).toEqual(['updated', 'unchanged']);
    expect(edited.forms[0]?.updated).toBe(1);
    expect(session.emu.forms.all).toHaveLength(2);
    const item = session.emu.forms.get(ja?.id ?? '')?.items.find((i) => i.title.startsWith('良かった点'));
    expect(item?.title).toBe('良かった点を自由に書いてください');
    const list = session.emu.sheetValues('フォーム一覧');
    expect(list[1]?.[8], 'one answer in the Japanese form').toBe(1);
    expect(
      list.slice(1).map((r) => decodeQrDataUrl((r[5] as unknown as ImageValue).url)),
      'the QR codes rewritten in place with the list',
    ).toEqual(edited.forms.map((f) => f.shortUrl));
    expect(list[2]?.[8]).toBe(0);
  });

  it('keeps a question removed from アンケート定義 until staff confirm, then removes it', () => {
    const session = smallSession();
    rpc(session, 'buildForms');
    // The section and its question go; the choice no longer branches.
    session.emu.setSheetValues('アンケート定義', [
      ...SMALL_DEFINITION.slice(0, 2),
      ['交流会', '', '参加', '単一選択', '参加しましたか', 'はい\nいいえ', 'はい', '', 'Did you take part?', 'Yes\nNo'],
    ]);
    const kept = rpc<SurveyBuildView>(session, 'buildForms');
    expect(kept.forms[0]?.leftOver.map((n) => n.questionId)).toContain('良かった点');
    expect(kept.notices.some((n) => n.ja.includes('残してあります'))).toBe(true);
    const id = kept.forms[0]?.id ?? '';
    expect(session.emu.forms.get(id)?.items.some((i) => i.title === '良かった点を教えてください')).toBe(true);
    const removed = rpc<SurveyBuildView>(session, 'buildForms', { removeMissing: true, recreate: false });
    expect(removed.forms[0]?.removed.map((n) => n.questionId)).toContain('良かった点');
    expect(session.emu.forms.get(id)?.items.some((i) => i.title === '良かった点を教えてください')).toBe(false);
  });

  it('makes nothing when アンケート定義 has an error, and says where', () => {
    const session = freshSession();
    session.emu.setSheetValues('アンケート定義', [
      ...SMALL_DEFINITION,
      ['交流会', '', '満足度', '星', 'よかったですか', '', '', '', '', ''],
    ]);
    const sheetsBefore = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets().length;
    const view = rpc<SurveyBuildView>(session, 'buildForms');
    expect(view.built).toBe(false);
    const error = view.issues.find((i) => i.severity === 'error');
    expect(error).toMatchObject({ code: 'survey.unknownType', row: 6, column: '種類' });
    expect(session.emu.forms.all).toEqual([]);
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets().length).toBe(sheetsBefore);
  });

  it('says when a form was deleted in Drive, lists it so, and makes it again only when asked', () => {
    const session = smallSession();
    const first = rpc<SurveyBuildView>(session, 'buildForms');
    const en = first.forms[1]?.id ?? '';
    session.emu.forms.deleteInDrive(en);
    const view = rpc<SurveyBuildView>(session, 'buildForms');
    expect(view.forms[1]?.outcome).toBe('gone');
    expect(view.notices.some((n) => n.ja.includes('ドライブで削除された'))).toBe(true);
    expect(session.emu.sheetValues('フォーム一覧')[2]?.[2]).toMatch(/^削除されています/);
    expect(session.emu.sheetValues('フォーム一覧')[2]?.[5], 'no QR code for a form that is gone').toBe('');
    expect(session.emu.forms.all).toHaveLength(1);
    const remade = rpc<SurveyBuildView>(session, 'buildForms', { removeMissing: false, recreate: true });
    expect(remade.forms[1]?.outcome).toBe('made');
    expect(remade.forms[1]?.id).not.toBe(en);
    expect(session.emu.forms.all).toHaveLength(2);
  });

  it('keeps a staff sheet named フォーム一覧 and writes the list beside it', () => {
    const session = smallSession();
    session.emu.setSheetValues('フォーム一覧', [['職員のメモ'], ['消さないで']]);
    const view = rpc<SurveyBuildView>(session, 'buildForms');
    expect(view.listSheet).toBe('フォーム一覧 (つなぐ)');
    expect(session.emu.sheetValues('フォーム一覧')).toEqual([['職員のメモ'], ['消さないで']]);
    expect(view.notices[0]?.ja).toContain('フォーム一覧');
  });

  it('previewForms checks and describes the forms without making any', () => {
    const session = smallSession();
    const view = rpc<SurveyBuildView>(session, 'previewForms');
    expect(view.built).toBe(false);
    expect(view.forms.map((f) => [f.language, f.outcome])).toEqual([
      ['ja', 'planned'],
      ['en', 'planned'],
    ]);
    const branch = view.forms[0]?.items.find((i) => i.questionId === '参加');
    expect(branch?.choices).toEqual([
      { value: 'はい', goTo: 'section:感想' },
      { value: 'いいえ', goTo: 'submit' },
    ]);
    expect(session.emu.forms.all).toEqual([]);
  });
});

/** Answers every required question of a form with its second choice (or a number, or text), the rest left blank. */
function answerRequired(session: Session, formId: string, extra: Record<string, FormAnswer> = {}): void {
  const form = session.emu.forms.get(formId);
  if (!form) throw new Error(`no form ${formId}`);
  const answers: Record<string, FormAnswer> = {};
  for (const item of form.items) {
    if (!item.required) continue;
    const second = item.choices?.[1]?.value ?? item.choices?.[0]?.value ?? '';
    if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') answers[item.title] = second;
    else if (item.type === 'CHECKBOX') answers[item.title] = [second];
    else if (item.type === 'SCALE') answers[item.title] = item.lowerBound ?? 1;
    else answers[item.title] = 'はい';
  }
  session.emu.forms.submit(formId, { ...answers, ...extra });
}

describe('importSurveyAnswers', () => {
  function surveyBuilt(): { session: Session; view: SurveyBuildView } {
    const session = freshSession();
    rpc(session, 'setupSheets');
    rpc(session, 'writeSurveyTemplate', '住民意識調査');
    return { session, view: rpc<SurveyBuildView>(session, 'buildForms') };
  }

  it('writes one anonymous row per response, in canonical Japanese with the language answered in', () => {
    const { session, view } = surveyBuilt();
    const ja = view.forms.find((f) => f.language === 'ja');
    const en = view.forms.find((f) => f.language === 'en');
    answerRequired(session, ja?.id ?? '', { あなたの年代: '70代' });
    answerRequired(session, en?.id ?? '', { 'Your age group': '30–39' });
    const result = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(result.sheet).toBe('アンケート回答');
    expect(result.rows).toBe(2);
    const rows = session.emu.sheetValues('アンケート回答');
    const header = rows[0] ?? [];
    expect(header.slice(0, 4)).toEqual(['回答ID', '回答日時', 'フォーム名', '言語']);
    const age = header.indexOf('年代');
    const language = header.indexOf('言語');
    expect(rows.slice(1).map((r) => [r[language], r[age]])).toEqual([
      ['日本語', '70代'],
      ['英語', '30代'],
    ]);
    expect(
      header.some((h) => /氏名|電話|メール|住所/.test(String(h))),
      'no personal column',
    ).toBe(false);
    expect(marks(session)['アンケート回答']).toBe('answers');
  });

  it('rewrites the sheet on the next import: every response once, the new one added', () => {
    const { session, view } = surveyBuilt();
    const ja = view.forms.find((f) => f.language === 'ja')?.id ?? '';
    answerRequired(session, ja);
    rpc(session, 'importSurveyAnswers');
    answerRequired(session, ja);
    const again = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(again.rows).toBe(2);
    const ids = session.emu
      .sheetValues('アンケート回答')
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(ids).size).toBe(2);
  });

  it('keeps an answer whose choice was renamed since as typed, and says so', () => {
    const { session, view } = surveyBuilt();
    const ja = view.forms.find((f) => f.language === 'ja')?.id ?? '';
    answerRequired(session, ja, { あなたの年代: '70代' });
    // Staff rename the choice in アンケート定義 afterwards (the answers keep the old text).
    const definition = session.emu.sheetValues('アンケート定義');
    const header = definition[0] ?? [];
    const row = definition.findIndex((r) => r[header.indexOf('設問ID')] === '年代');
    sheet(session, 'アンケート定義')
      .getRange(row + 1, header.indexOf('選択肢') + 1)
      .setValue('10代\n20代\n30代\n40代\n50代\n60代\n70歳代\n80代以上');
    const result = rpc<SurveyAnswersView>(session, 'importSurveyAnswers');
    expect(result.notices.some((n) => n.ja.includes('選択肢にない回答'))).toBe(true);
    const rows = session.emu.sheetValues('アンケート回答');
    expect(rows[1]?.[(rows[0] ?? []).indexOf('年代')]).toBe('70代');
  });

  it('previewSurveyAnswers reads without writing', () => {
    const { session, view } = surveyBuilt();
    answerRequired(session, view.forms[0]?.id ?? '');
    const preview = rpc<SurveyAnswersView>(session, 'previewSurveyAnswers');
    expect(preview).toMatchObject({ sheet: null, rows: 1 });
    expect(session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('アンケート回答')).toBeNull();
  });

  it('refuses when no resident survey has been built', () => {
    const session = smallSession();
    expect(rpcError(session, 'importSurveyAnswers').code).toBe('survey.noAnswerForms');
  });
});
