/** The staff's .xlsx on disk: a backup before the first overwrite, and no overwrite when it changed elsewhere. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { BookFile, FileChangedError, backupName } from '../../src/local/book-file';
import { Session } from '../../src/local/session';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function workbookAt(name: string): Promise<string> {
  const path = join(dir, name);
  await Session.create('名簿').save(path);
  return path;
}

function write(session: Session, cell: string, value: string): void {
  session.emu.globals.SpreadsheetApp.getActive().getSheets()[0]!.getRange(cell).setValue(value);
}

describe('backupName', () => {
  it('puts the backup beside the file, named after it and the local time', () => {
    const at = new Date(2024, 3, 1, 9, 5, 7);
    expect(backupName('/home/staff/名簿.xlsx', at)).toBe('/home/staff/名簿.backup-20240401-090507.xlsx');
    expect(backupName('/home/staff/名簿.xlsx', at, 2)).toBe('/home/staff/名簿.backup-20240401-090507-2.xlsx');
  });
});

describe('saving over the opened file', () => {
  it('keeps a backup of the file as it was, before the first overwrite only', async () => {
    const path = await workbookAt('名簿.xlsx');
    const original = readFileSync(path);
    const session = await Session.open(path);
    write(session, 'A1', '一回目');
    const first = await session.save();
    expect(first.backup).not.toBeNull();
    expect(readFileSync(first.backup!)).toEqual(original);
    write(session, 'A1', '二回目');
    expect((await session.save()).backup).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['名簿.xlsx', first.backup!.split('/').pop()!].sort());
    const reopened = await Session.open(path);
    expect(reopened.emu.sheetValues('シート1')).toEqual([['二回目']]);
  });

  it('makes no backup when backups are off, or for a file it creates', async () => {
    const path = await workbookAt('名簿.xlsx');
    const session = await Session.open(path, { backups: false });
    write(session, 'A1', '変更');
    expect((await session.save()).backup).toBeNull();
    const fresh = Session.create('新規');
    expect((await fresh.save(join(dir, '新規.xlsx'))).backup).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['名簿.xlsx', '新規.xlsx']);
  });

  it('refuses to overwrite a file someone saved since it was opened, and leaves that file as it is', async () => {
    const path = await workbookAt('名簿.xlsx');
    const session = await Session.open(path);
    // Someone saves the file in Excel meanwhile.
    const other = await Session.open(path, { backups: false });
    write(other, 'B2', 'Excel で保存');
    await other.save();
    const theirs = readFileSync(path);
    write(session, 'A1', 'つなぐの変更');
    await expect(session.save()).rejects.toBeInstanceOf(FileChangedError);
    await expect(session.save()).rejects.toThrow(/changed on disk since Tsunagu opened it/);
    expect(readFileSync(path)).toEqual(theirs);
    expect(readdirSync(dir)).toEqual(['名簿.xlsx']);
  });

  it('is not fooled by a new modification time alone: the same bytes are not a change', async () => {
    const path = await workbookAt('名簿.xlsx');
    const session = await Session.open(path);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    write(session, 'A1', '変更');
    await expect(session.save()).resolves.toMatchObject({ path });
  });

  it('BookFile.changedOnDisk sees a rewritten file', async () => {
    const path = await workbookAt('名簿.xlsx');
    const { file } = await BookFile.open(path);
    expect(await file.changedOnDisk()).toBe(false);
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('x')]));
    expect(await file.changedOnDisk()).toBe(true);
  });
});
