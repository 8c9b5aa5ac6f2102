// tsunagu survey template | build: what is printed, what is saved (the book and book.forms.json beside it), exit codes.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/commands/io';
import type { SurveyBuildView } from '../../src/shared/rpc';
import { templateCells } from '../../src/core/survey/templates';
import { Session } from '../../src/local/session';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-survey-cli-'));

async function emptyBook(name: string): Promise<string> {
  const path = join(dir, name);
  await Session.create('アンケートのテスト').save(path);
  return path;
}

describe('tsunagu survey template', () => {
  it('prints the template without --write and leaves the book alone', async () => {
    const book = await emptyBook('print.xlsx');
    const before = readFileSync(book);
    const io = capture();
    expect(await main(['survey', 'template', book, '活動報告', '--json'], io)).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n')) as { rows: string[][] };
    expect(printed.rows).toEqual(templateCells('活動報告'));
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('writes the template into アンケート定義 with --write and saves', async () => {
    const book = await emptyBook('write.xlsx');
    const io = capture();
    expect(
      await main(['survey', 'template', book, 'ボランティア登録', '--form-name', '登録2026', '--write', '--yes'], io),
    ).toBe(0);
    expect(io.stdout.join('\n')).toContain('登録2026');
    const session = await Session.open(book);
    expect(session.emu.sheetValues('アンケート定義')[1]?.[0]).toBe('登録2026');
  });

  it('refuses an unknown template with exit 2', async () => {
    const book = await emptyBook('unknown.xlsx');
    const io = capture();
    expect(await main(['survey', 'template', book, '防災訓練'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('ボランティア登録・住民意識調査・活動報告');
  });
});

describe('tsunagu survey build', () => {
  it('checks without --write, builds with it (forms kept in book.forms.json), and updates the same forms next time', async () => {
    const book = join(dir, 'build.xlsx');
    // A workbook with a 設定 sheet: the template's 圏域 question takes its choices from it.
    const prepared = Session.create('アンケートのテスト');
    prepared.run('setupSheets');
    await prepared.save(book);
    await main(['survey', 'template', book, '活動報告', '--write', '--yes'], capture());
    const dry = capture();
    expect(await main(['survey', 'build', book, '--json'], dry)).toBe(0);
    const planned = JSON.parse(dry.stdout.join('\n')) as SurveyBuildView;
    expect(planned.forms.every((f) => f.outcome === 'planned' && f.id === '')).toBe(true);
    expect(existsSync(join(dir, 'build.forms.json'))).toBe(false);

    const io = capture();
    expect(await main(['survey', 'build', book, '--json', '--write', '--yes'], io)).toBe(0);
    const built = JSON.parse(io.stdout.join('\n')) as SurveyBuildView;
    expect(built.built).toBe(true);
    expect(built.forms.map((f) => f.outcome)).toEqual(built.forms.map(() => 'made'));
    const first = built.forms[0];
    expect(first?.items[0]).toEqual(
      expect.objectContaining({ id: expect.any(Number), questionId: expect.anything(), type: expect.any(String) }),
    );
    expect(existsSync(join(dir, 'build.forms.json'))).toBe(true);

    const again = capture();
    expect(await main(['survey', 'build', book, '--json', '--write', '--yes'], again)).toBe(0);
    const rebuilt = JSON.parse(again.stdout.join('\n')) as SurveyBuildView;
    expect(rebuilt.forms.map((f) => [f.id, f.outcome])).toEqual(built.forms.map((f) => [f.id, 'unchanged']));
    const session = await Session.open(book);
    expect(session.emu.forms.all).toHaveLength(built.forms.length);
    expect(
      session.emu
        .sheetValues('フォーム一覧')
        .slice(1)
        .map((r) => r[11]),
    ).toEqual(built.forms.map((f) => f.id));
    // .xlsx keeps no cell images (exceljs): the QR code is saved as its alt text, naming the address it encodes.
    expect(
      session.emu
        .sheetValues('フォーム一覧')
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(built.forms.map((f) => `QRコード: ${f.shortUrl}`));
  });

  it('exits 1 and builds nothing when アンケート定義 has an error', async () => {
    const book = await emptyBook('broken.xlsx');
    const session = await Session.open(book);
    session.emu.setSheetValues('アンケート定義', [
      ['フォーム名', '設問ID', '種類', '設問'],
      ['交流会', 'Q1', '星', 'よかったですか'],
    ]);
    await session.save();
    const io = capture();
    expect(await main(['survey', 'build', book, '--write', '--yes'], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/2行目「種類」.*survey\.unknownType/);
    expect(existsSync(join(dir, 'broken.forms.json'))).toBe(false);
  });
});

describe('tsunagu survey import', () => {
  it('counts the answers without --write and writes アンケート回答 with it', async () => {
    const book = await emptyBook('import.xlsx');
    const start = await Session.open(book);
    start.emu.setSheetValues('アンケート定義', [
      ['フォーム名', '設問ID', '種類', '設問', '選択肢', '必須'],
      ['交流会', '参加', '単一選択', '参加しましたか', 'はい\nいいえ', 'はい'],
    ]);
    await start.save();
    await main(['survey', 'build', book, '--write', '--yes'], capture());
    const session = await Session.open(book);
    session.emu.forms.submit(session.emu.forms.all[0]?.id ?? '', { 参加しましたか: 'いいえ' });
    await session.save();
    const dry = capture();
    expect(await main(['survey', 'import', book, '--json'], dry)).toBe(0);
    expect(JSON.parse(dry.stdout.join('\n'))).toMatchObject({ sheet: null, rows: 1 });
    const io = capture();
    expect(await main(['survey', 'import', book, '--write', '--yes'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('「アンケート回答」に1件');
    const after = await Session.open(book);
    const rows = after.emu.sheetValues('アンケート回答');
    expect(rows[1]?.[(rows[0] ?? []).indexOf('参加')]).toBe('いいえ');
  });
});

describe('tsunagu survey import (ボランティア登録)', () => {
  it('lists the registrations as candidates, imports the accepted ones and declines the others, never twice', async () => {
    const book = join(dir, 'register.xlsx');
    const prepared = Session.create('アンケートのテスト');
    prepared.run('setupSheets');
    await prepared.save(book);
    await main(['survey', 'template', book, 'ボランティア登録', '--write', '--yes'], capture());
    const buildIo = capture();
    expect(await main(['survey', 'build', book, '--json', '--write', '--yes'], buildIo)).toBe(0);
    const ja = (JSON.parse(buildIo.stdout.join('\n')) as SurveyBuildView).forms.find((f) => f.language === 'ja');
    if (!ja) throw new Error('no Japanese form');
    const title = (id: string): string => ja.items.find((i) => i.questionId === id)?.title ?? id;
    const choice = (id: string): string => ja.items.find((i) => i.questionId === id)?.choices?.[0]?.value ?? '';
    const session = await Session.open(book);
    for (const [n, name] of ['西東 花子', '北 二郎'].entries()) {
      session.emu.forms.submit(
        ja.id,
        {
          [title('氏名')]: name,
          [title('生年月日')]: new Date('1960-04-01T00:00:00+09:00'),
          [title('性別')]: choice('性別'),
          [title('住所')]: '立川市曙町1-1-1',
          [title('電話番号')]: `042-000-000${n}`,
          [title('活動分野')]: [choice('活動分野')],
          [title('保険')]: choice('保険'),
          [title('個人情報同意')]: [choice('個人情報同意')],
        },
        { timestamp: new Date(Date.UTC(2026, 4, 1 + n)) },
      );
    }
    await session.save();

    const dry = capture();
    expect(await main(['survey', 'import', book, '--json'], dry)).toBe(0);
    const listed = JSON.parse(dry.stdout.join('\n')) as {
      candidates: Array<{ responseId: string; status: string; row: Record<string, string> }>;
      imported: number;
    };
    expect(listed.candidates.map((c) => [c.status, c.row['氏名']])).toEqual([
      ['new', '西東 花子'],
      ['new', '北 二郎'],
    ]);
    expect(listed.imported).toBe(0);
    const [first, second] = listed.candidates;

    const none = capture();
    expect(await main(['survey', 'import', book, '--write', '--yes'], none), 'nothing chosen: nothing written').toBe(2);

    const io = capture();
    expect(
      await main(
        [
          'survey',
          'import',
          book,
          '--json',
          '--write',
          '--yes',
          '--accept',
          first?.responseId ?? '',
          '--decline',
          second?.responseId ?? '',
        ],
        io,
      ),
    ).toBe(0);
    const result = JSON.parse(io.stdout.join('\n')) as {
      imported: number;
      declined: number;
      ids: string[];
      candidates: Array<{ status: string }>;
    };
    expect(result).toMatchObject({ imported: 1, declined: 1, ids: ['V-0001'] });
    expect(result.candidates.map((c) => c.status)).toEqual(['imported', 'declined']);
    const after = await Session.open(book);
    const roster = after.emu.sheetValues('ボランティア名簿');
    expect(roster[1]?.[(roster[0] ?? []).indexOf('氏名')]).toBe('西東 花子');

    const again = capture();
    expect(await main(['survey', 'import', book, '--write', '--yes', '--accept', first?.responseId ?? ''], again)).toBe(
      2,
    );
    expect(again.stderr.join('\n')).toContain('取り込み済み');
  });
});
