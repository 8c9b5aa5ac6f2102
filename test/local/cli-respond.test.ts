// tsunagu survey respond: a built form answered as a respondent (answers keyed by 設問ID) — stored in the form,
// a row in its response sheet, saved; refused with the form's own messages (exit 1, nothing stored); unusable
// answers exit 2; the answer then shows as a candidate of survey import.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/commands/io';
import type { BuiltFormView, RpcEnvelope, SurveyBuildView } from '../../src/shared/rpc';
import { Session } from '../../src/local/session';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-respond-'));
const book = join(dir, 'respond.xlsx');
let ja: BuiltFormView;
let en: BuiltFormView;

function item(form: BuiltFormView, id: string) {
  const found = form.items.find((i) => i.questionId === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

/** A complete, valid registration in the form's language, keyed by 設問ID. */
function registration(form: BuiltFormView): Record<string, unknown> {
  const first = (id: string): string => item(form, id).choices?.[0]?.value ?? '';
  const grid = item(form, '活動可能日時');
  return {
    氏名: '西東 花子',
    フリガナ: 'サイトウ ハナコ',
    生年月日: '1960-04-01',
    性別: first('性別'),
    郵便番号: '188-0011',
    住所: '西東京市田無町1-1-1',
    電話番号: '042-000-0001',
    メール: 'hanako@example.jp',
    活動分野: [first('活動分野')],
    活動可能日時: {
      [grid.rows?.[0] ?? '']: [grid.columns?.[0] ?? ''],
      [grid.rows?.[2] ?? '']: grid.columns?.[1] ?? '',
    },
    保険: first('保険'),
    個人情報同意: [first('個人情報同意')],
  };
}

function answersFile(name: string, answers: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(answers), 'utf8');
  return path;
}

async function responseRows(language: 'ja' | 'en'): Promise<unknown[][]> {
  const session = await Session.open(book);
  const form = language === 'ja' ? ja : en;
  const sheet = session.emu.forms.get(form.id)?.destination?.sheetName;
  return sheet ? session.emu.sheetValues(sheet) : [];
}

beforeAll(async () => {
  const session = Session.create('回答のテスト');
  session.run('setupSheets');
  session.run('writeSurveyTemplate', 'ボランティア登録');
  const answer = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
  if (!answer.ok) throw new Error(answer.error.en);
  ja = answer.value.forms.find((f) => f.language === 'ja') as BuiltFormView;
  en = answer.value.forms.find((f) => f.language === 'en') as BuiltFormView;
  await session.save(book);
});

describe('tsunagu survey respond', () => {
  it('refuses answers the form does not accept with every message of that page, stores nothing, exits 1', async () => {
    const bad = { ...registration(ja), フリガナ: '西東 花子', 電話番号: 'でんわ' };
    const io = capture();
    expect(
      await main(
        ['survey', 'respond', book, '--form', 'ボランティア登録', '--answers', answersFile('bad.json', bad), '--json'],
        io,
      ),
    ).toBe(1);
    const printed = JSON.parse(io.stdout.join('\n')) as {
      stored: boolean;
      problems: Array<{ questionId: string; message: string }>;
    };
    expect(printed.stored).toBe(false);
    expect(printed.problems.map((p) => p.questionId)).toEqual(['フリガナ', '電話番号']);
    // The form's own messages (Tsunagu's Japanese message of each rule), as a respondent sees them.
    expect(printed.problems[0]?.message).toMatch(/カタカナ/);
    expect(printed.problems[1]?.message).toMatch(/電話番号/);
    expect((await responseRows('ja')).length).toBe(1);
  });

  it('refuses a required question left blank on a later page', async () => {
    const { 活動分野: _left, ...rest } = registration(ja);
    const io = capture();
    expect(
      await main(
        ['survey', 'respond', book, '--form', 'ボランティア登録', '--answers', answersFile('blank.json', rest)],
        io,
      ),
    ).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/活動分野「[^」]+」: /);
  });

  it('stores valid answers: the response sheet gains its row, the book is saved, and import lists it as a new candidate', async () => {
    const io = capture();
    expect(
      await main(
        [
          'survey',
          'respond',
          book,
          '--form',
          'ボランティア登録',
          '--answers',
          answersFile('ok.json', registration(ja)),
          '--json',
        ],
        io,
      ),
    ).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n')) as { stored: boolean; row: number; responseSheet: string };
    expect(printed).toEqual(expect.objectContaining({ stored: true, row: 2, language: 'ja' }));
    const rows = await responseRows('ja');
    expect(rows.length).toBe(2);
    expect(rows[1]).toContain('西東 花子');
    expect(rows[1]).toContain('サイトウ ハナコ');
    const listed = capture();
    expect(await main(['survey', 'import', book, '--json'], listed)).toBe(0);
    const imported = JSON.parse(listed.stdout.join('\n')) as {
      candidates: Array<{ status: string; row: Record<string, string>; language: string }>;
    };
    expect(imported.candidates).toHaveLength(1);
    expect(imported.candidates[0]).toEqual(
      expect.objectContaining({ status: 'new', language: 'ja', row: expect.objectContaining({ 氏名: '西東 花子' }) }),
    );
  });

  it('answers the English form in English', async () => {
    const io = capture();
    expect(
      await main(
        [
          'survey',
          'respond',
          book,
          '--form',
          'ボランティア登録',
          '--language',
          'en',
          '--answers',
          answersFile('en.json', registration(en)),
        ],
        io,
      ),
    ).toBe(0);
    expect((await responseRows('en')).length).toBe(2);
  });

  it('exits 2 for a 設問ID the form does not have, a wrong shape, a form not built, and a file that is not JSON', async () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['unknown.json', ['--form', 'ボランティア登録'], /設問ID「年収」はありません/],
      ['shape.json', ['--form', 'ボランティア登録'], /「活動可能日時」の答えの形が違います/],
      ['ok2.json', ['--form', '住民意識調査'], /作成されていません/],
      ['broken.json', ['--form', 'ボランティア登録'], /JSON として読めません/],
    ];
    writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ 年収: '100' }));
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ 活動可能日時: ['月曜日'] }));
    writeFileSync(join(dir, 'ok2.json'), JSON.stringify({}));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    for (const [file, flags, message] of cases) {
      const io = capture();
      expect(await main(['survey', 'respond', book, ...flags, '--answers', join(dir, file)], io), file).toBe(2);
      expect(io.stderr.join('\n'), file).toMatch(message);
    }
  });
});
