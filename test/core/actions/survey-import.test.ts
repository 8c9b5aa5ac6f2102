// 回答の取り込み of ボランティア登録 and 活動報告 through the real bundle: candidates checked by the roster's own
// rules, accepted (new 登録番号, 状態 from 設定, 登録日 = answer date) or declined, never twice, undoable.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type {
  BuiltFormView,
  SurveyBuildView,
  SurveyCandidatesView,
  SurveyDecisionResult,
  UndoResult,
} from '../../../src/shared/rpc';
import type { FormAnswer } from '../../../src/local/emulator/form-respond';
import { IMPORT_RECORD_HEADER } from '../../../src/core/actions/survey-import';
import { OUTPUT_MARK_KEY } from '../../../src/core/output-sheets';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc, rpcError } from '../../local/helpers/session';

const ROSTER = 'ボランティア名簿';

function built(template: 'ボランティア登録' | '活動報告'): { session: Session; view: SurveyBuildView } {
  const session = freshSession();
  rpc(session, 'setupSheets');
  rpc(session, 'writeSurveyTemplate', template);
  const view = rpc<SurveyBuildView>(session, 'buildForms');
  expect(view.built).toBe(true);
  return { session, view };
}

function formOf(view: SurveyBuildView, language: string): BuiltFormView {
  const form = view.forms.find((f) => f.language === language);
  if (!form) throw new Error(`no ${language} form`);
  return form;
}

/** Answers a form by 設問ID (the titles come from the built form's items, in its language). */
function submit(session: Session, form: BuiltFormView, byId: Record<string, FormAnswer>, at: string): void {
  const answers: Record<string, FormAnswer> = {};
  for (const [id, answer] of Object.entries(byId)) {
    const item = form.items.find((i) => i.questionId === id);
    if (!item) throw new Error(`no question ${id}`);
    answers[item.title] = answer;
  }
  session.emu.forms.submit(form.id, answers, { timestamp: new Date(at) });
}

/** A registration in Japanese, with its own values over the defaults. */
function register(session: Session, form: BuiltFormView, own: Record<string, FormAnswer>, at: string): void {
  const choice = (id: string, n = 0): string => form.items.find((i) => i.questionId === id)?.choices?.[n]?.value ?? '';
  submit(
    session,
    form,
    {
      氏名: '西東 花子',
      フリガナ: 'サイトウ ハナコ',
      生年月日: new Date('1960-04-01T00:00:00+09:00'),
      性別: choice('性別'),
      郵便番号: '190-0001',
      住所: '立川市曙町1-1-1',
      電話番号: '042-000-0001',
      活動分野: [choice('活動分野')],
      活動可能日時: {
        [form.items.find((i) => i.questionId === '活動可能日時')?.rows?.[0] ?? '']: [
          form.items.find((i) => i.questionId === '活動可能日時')?.columns?.[0] ?? '',
        ],
      },
      保険: choice('保険', 0),
      個人情報同意: [choice('個人情報同意')],
      ...own,
    },
    at,
  );
}

function rosterRows(session: Session): unknown[][] {
  return session.emu.sheetValues(ROSTER);
}

function column(session: Session, header: string): number {
  return (rosterRows(session)[0] ?? []).indexOf(header);
}

describe('previewSurveyCandidates', () => {
  it('lists each registration as a new candidate with the roster row it would become, in canonical Japanese', () => {
    const { session, view } = built('ボランティア登録');
    const ja = formOf(view, 'ja');
    const en = formOf(view, 'en');
    register(session, ja, {}, '2026-05-01T10:00:00+09:00');
    const choiceEn = (id: string, n = 0): string =>
      en.items.find((i) => i.questionId === id)?.choices?.[n]?.value ?? '';
    submit(
      session,
      en,
      {
        氏名: 'Maria Santos',
        生年月日: new Date('1990-01-02T00:00:00+09:00'),
        性別: choiceEn('性別', 3),
        住所: '立川市錦町2-2-2',
        電話番号: '080-1111-2222',
        活動分野: [choiceEn('活動分野', 1)],
        保険: choiceEn('保険', 1),
        個人情報同意: [choiceEn('個人情報同意')],
      },
      '2026-05-02T10:00:00+09:00',
    );
    const found = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates');
    expect(found.counts).toEqual({ new: 2, imported: 0, declined: 0, noConsent: 0 });
    const [first, second] = found.candidates;
    expect(first?.row['氏名']).toBe('西東 花子');
    expect(first?.row['登録日']).toBe('2026-05-01');
    expect(first?.row['状態']).toBe('活動中');
    expect(first?.row['活動可能日時']).toBe('月午前');
    expect(second?.language).toBe('en');
    expect(second?.row['性別'], 'the English answer comes back as the Japanese choice').toBe('回答しない');
    expect(second?.row['氏名']).toBe('Maria Santos');
    expect(rosterRows(session).length, 'nothing written').toBe(1);
  });

  it('flags odd shapes by the roster rules and names a probable duplicate already on the roster', () => {
    const { session, view } = built('ボランティア登録');
    const ja = formOf(view, 'ja');
    // A registration already on the roster.
    session.emu.setSheetValues(ROSTER, [
      rosterRows(session)[0] as string[],
      ...[['V-0007']].map((r) => {
        const header = rosterRows(session)[0] as string[];
        const row = header.map(() => '' as unknown);
        row[header.indexOf('登録番号')] = r[0];
        row[header.indexOf('氏名')] = '東 太郎';
        row[header.indexOf('電話番号')] = '042-555-0000';
        return row as string[];
      }),
    ]);
    register(
      session,
      ja,
      { 氏名: '東 太郎', フリガナ: 'ひがし たろう', 電話番号: '０４２－５５５－００００' },
      '2026-05-01T10:00:00+09:00',
    );
    const [c] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates').candidates;
    expect(c?.row['フリガナ'], 'kept as typed').toBe('ひがし たろう');
    expect(c?.row['電話番号'], 'kept as typed').toBe('０４２－５５５－００００');
    expect(c?.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['kana.hiragana']));
    expect(c?.issues.some((i) => i.column === '電話番号')).toBe(true);
    expect(c?.duplicateOf).toBe('V-0007');
  });
});

describe('decideSurveyCandidates', () => {
  it('appends the accepted registration with the next 登録番号, remembers it, and 元に戻す takes it all back', () => {
    const { session, view } = built('ボランティア登録');
    const ja = formOf(view, 'ja');
    const header = rosterRows(session)[0] as string[];
    const existing = header.map(() => '' as unknown);
    existing[header.indexOf('登録番号')] = 'V-0041';
    existing[header.indexOf('氏名')] = '南 一郎';
    session.emu.setSheetValues(ROSTER, [header, existing as string[]]);
    // Digits only: the build formatted the response sheet's phone and postal columns as text, so the 0 stays.
    register(session, ja, { 電話番号: '0425550001', 郵便番号: '0010001' }, '2026-05-01T10:00:00+09:00');
    register(session, ja, { 氏名: '北 二郎', 電話番号: '042-000-0002' }, '2026-05-03T10:00:00+09:00');
    const [a, b] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates').candidates;
    const result = rpc<SurveyDecisionResult>(session, 'decideSurveyCandidates', {
      accept: [a?.responseId],
      decline: [b?.responseId],
    });
    expect(result).toMatchObject({ imported: 1, declined: 1, ids: ['V-0042'] });
    expect(result.written).toEqual([
      { sheet: ROSTER, kind: 'volunteers', firstRow: 3, lastRow: 3, rows: 1, setAsideBelow: false },
    ]);
    const rows = rosterRows(session);
    expect(rows.length).toBe(3);
    expect(rows[2]?.[column(session, '登録番号')]).toBe('V-0042');
    expect(rows[2]?.[column(session, '氏名')]).toBe('西東 花子');
    expect(rows[2]?.[column(session, '電話番号')], 'the leading 0 survives').toBe('0425550001');
    expect(rows[2]?.[column(session, '郵便番号')], 'the leading 0 survives').toBe('0010001');
    expect(rows[2]?.[column(session, '状態')]).toBe('活動中');

    // Remembered: imported and declined, and a second decision on them is refused.
    const after = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates');
    expect(after.candidates.map((c) => [c.status, c.importedAs])).toEqual([
      ['imported', 'V-0042'],
      ['declined', null],
    ]);
    expect(rpcError(session, 'decideSurveyCandidates', { accept: [a?.responseId], decline: [] }).code).toBe(
      'survey.cannotDecide',
    );
    const record = session.emu.sheetValues('つなぐ取り込み記録');
    expect(record[0]).toEqual(IMPORT_RECORD_HEADER);
    expect(
      record.slice(1).every((r) => !r.some((v) => String(v).includes('西東') || String(v).includes('042-'))),
      'the record holds no answer',
    ).toBe(true);
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('つなぐ取り込み記録');
    expect(sheet?.isSheetHidden()).toBe(true);
    expect(
      sheet?.getDeveloperMetadata().some((m) => m.getKey() === OUTPUT_MARK_KEY && m.getValue() === 'imports'),
    ).toBe(true);

    const undone = rpc<UndoResult>(session, 'undoLast');
    expect(undone.cells).toBeGreaterThan(0);
    expect(rosterRows(session).length, 'the row is gone').toBe(2);
    const again = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates');
    expect(again.counts, 'both are to decide again').toEqual({ new: 2, imported: 0, declined: 0, noConsent: 0 });
  });

  it('a declined answer can be accepted later; without consent it cannot be imported and says why', () => {
    const { session, view } = built('ボランティア登録');
    const ja = formOf(view, 'ja');
    register(session, ja, {}, '2026-05-01T10:00:00+09:00');
    register(session, ja, { 氏名: '北 二郎' }, '2026-05-02T10:00:00+09:00');
    // The consent answer removed from the response sheet afterwards (an edited sheet).
    const responses = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((s) => (s.getFormUrl() ?? '').includes(ja.id));
    const values = responses?.getDataRange().getValues() ?? [];
    const consentCol = (values[0] ?? []).findIndex((h) => String(h).includes('同意'));
    responses?.getRange(3, consentCol + 1).setValue('');
    const [a, b] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates').candidates;
    expect(b?.status).toBe('noConsent');
    expect(b?.reason?.ja).toContain('同意');
    expect(rpcError(session, 'decideSurveyCandidates', { accept: [b?.responseId], decline: [] }).code).toBe(
      'survey.cannotDecide',
    );
    rpc(session, 'decideSurveyCandidates', { accept: [], decline: [a?.responseId] });
    const later = rpc<SurveyDecisionResult>(session, 'decideSurveyCandidates', {
      accept: [a?.responseId],
      decline: [],
    });
    expect(later.ids).toEqual(['V-0001']);
    expect(rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates').candidates[0]?.status).toBe('imported');
  });

  it('writes 活動報告 answers as rows of 活動記録', () => {
    const { session, view } = built('活動報告');
    const ja = formOf(view, 'ja');
    const choice = (id: string, n = 0): string => ja.items.find((i) => i.questionId === id)?.choices?.[n]?.value ?? '';
    const answers: Record<string, FormAnswer> = {};
    for (const item of ja.items) {
      if (!item.required || !item.questionId) continue;
      if (item.questionId === '日付') answers[item.questionId] = new Date('2026-06-01T00:00:00+09:00');
      else if (item.questionId === '参加者数') answers[item.questionId] = '12';
      else if (item.choices)
        answers[item.questionId] = item.type === 'checkbox' ? [choice(item.questionId)] : choice(item.questionId);
      else answers[item.questionId] = '1';
    }
    answers['参加者数'] = '12';
    submit(session, ja, answers, '2026-06-01T18:00:00+09:00');
    const [c] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates', 'activities').candidates;
    expect(c?.destination).toBe('activities');
    const result = rpc<SurveyDecisionResult>(session, 'decideSurveyCandidates', {
      accept: [c?.responseId],
      decline: [],
    });
    expect(result.written[0]).toMatchObject({ sheet: '活動記録', rows: 1 });
    const rows = session.emu.sheetValues('活動記録');
    const header = rows[0] ?? [];
    expect(rows[1]?.[header.indexOf('参加者数')]).toBe(12);

    // Staff show 日付 in 和暦: the next report goes right under the last row, in that format, with no notice.
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('活動記録');
    const date = header.indexOf('日付') + 1;
    sheet?.getRange(2, date).setNumberFormat('ggge"年"m"月"d"日"');
    submit(session, ja, { ...answers, 日付: new Date('2026-06-08T00:00:00+09:00') }, '2026-06-08T18:00:00+09:00');
    const next = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates', 'activities').candidates.find(
      (n) => n.status === 'new',
    );
    const second = rpc<SurveyDecisionResult>(session, 'decideSurveyCandidates', {
      accept: [next?.responseId],
      decline: [],
    });
    expect(second.written).toEqual([
      { sheet: '活動記録', kind: 'activities', firstRow: 3, lastRow: 3, rows: 1, setAsideBelow: false },
    ]);
    expect(second.notices).toEqual([]);
    expect(sheet?.getRange(3, date).getDisplayValue()).toBe('令和8年6月8日');
    // Only the date column had a format of its own: the others keep theirs.
    expect(sheet?.getRange(3, header.indexOf('参加者数') + 1).getNumberFormat()).toBe(
      sheet?.getRange(2, header.indexOf('参加者数') + 1).getNumberFormat(),
    );
  });

  it('refuses an unknown response and writes nothing', () => {
    const { session } = built('ボランティア登録');
    expect(rpcError(session, 'decideSurveyCandidates', { accept: ['nope'], decline: [] }).code).toBe(
      'survey.cannotDecide',
    );
    expect(rosterRows(session).length).toBe(1);
  });
});

describe('a 退会者 archive beside the roster', () => {
  /** The archive first in tab order, with the roster's header and one withdrawn volunteer (V-0090, 東 太郎). */
  function withArchive(): { session: Session; ja: BuiltFormView } {
    const { session, view } = built('ボランティア登録');
    const header = rosterRows(session)[0] as string[];
    const row = (id: string, name: string, phone: string): string[] => {
      const r = header.map(() => '');
      r[header.indexOf('登録番号')] = id;
      r[header.indexOf('氏名')] = name;
      r[header.indexOf('電話番号')] = phone;
      return r;
    };
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('退会者', 0);
    session.emu.setSheetValues('退会者', [header, row('V-0090', '東 太郎', '042-555-0000')]);
    session.emu.setSheetValues(ROSTER, [header, row('V-0041', '南 一郎', '042-555-0041')]);
    return { session, ja: formOf(view, 'ja') };
  }

  it('names a person already in the archive, imports into the live roster, and never reuses an archived 登録番号', () => {
    const { session, ja } = withArchive();
    register(session, ja, { 氏名: '東 太郎', 電話番号: '042-555-0000' }, '2026-05-01T10:00:00+09:00');
    register(session, ja, { 氏名: '北 二郎', 電話番号: '042-000-0002' }, '2026-05-02T10:00:00+09:00');
    const [back, fresh] = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates').candidates;
    expect(back?.duplicateOf, 'found on the archive, and named so').toBe('V-0090（退会者）');
    expect(back?.issues.some((i) => i.message.ja.includes('退会者'))).toBe(true);
    expect(fresh?.duplicateOf).toBeNull();

    const result = rpc<SurveyDecisionResult>(session, 'decideSurveyCandidates', {
      accept: [fresh?.responseId],
      decline: [],
    });
    expect(result.ids, 'after the highest id of every roster, the archive included').toEqual(['V-0091']);
    expect(result.written[0]).toMatchObject({ sheet: ROSTER, firstRow: 3, rows: 1 });
    expect(session.emu.sheetValues('退会者')).toHaveLength(2);
    expect(rosterRows(session)[2]?.[column(session, '氏名')]).toBe('北 二郎');
  });

  it('with only the archive left, says that it is kept for the record and writes nothing', () => {
    const { session, ja } = withArchive();
    const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.deleteSheet(book.getSheetByName(ROSTER)!);
    register(session, ja, {}, '2026-05-01T10:00:00+09:00');
    const found = rpc<SurveyCandidatesView>(session, 'previewSurveyCandidates');
    expect(found.notices.some((n) => n.ja.includes('「退会者」は「マッチング・集計に使わない」'))).toBe(true);
    const error = rpcError(session, 'decideSurveyCandidates', {
      accept: [found.candidates[0]?.responseId],
      decline: [],
    });
    expect(error.code).toBe('survey.noDestination');
    expect(error.ja).toContain('退会者');
    expect(session.emu.sheetValues('退会者')).toHaveLength(2);
  });
});
