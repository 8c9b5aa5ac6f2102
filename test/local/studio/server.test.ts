// The studio server against the real bundle: the page, /api/book, menus with confirmations, google.script.run, and saving back to the .xlsx.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Session } from '../../../src/local/session';
import type { StudioHandle } from '../../../src/local/studio/server';
import { WIRE_TAG } from '../../../src/local/studio/shim';
import type { SheetSnapshot } from '../../../src/local/studio/page-types';
import { captureIo, getJson, openStudio, postJson, savedWorkbook, tempDir } from './helpers';

type SheetJson = SheetSnapshot;

interface BookJson {
  name: string;
  activeSheet: string;
  activeRange: { sheet: string; a1: string; row: number; column: number } | null;
  selection: number;
  shownSheet: string;
  sheets: SheetJson[];
  sidebar: { title: string; generation: number } | null;
  menus: Array<{ title: string; addon: boolean; items: Array<{ type: string; caption?: string; fn?: string }> }>;
  save: { state: string; file: string | null; error?: string; backup?: string };
}

interface AlertJson {
  kind: string;
  title: string;
  message: string;
  buttons: string;
  answer: string;
  scripted: boolean;
}

interface CallJson {
  ok: boolean;
  value?: unknown;
  error?: string;
  changed?: boolean;
  alerts?: AlertJson[];
  cost?: { calls: number; cellsRead: number; cellsWritten: number; estimatedSeconds: { low: number; high: number } };
}

const STANDARD = [
  'ボランティア名簿',
  '依頼',
  '寄付台帳',
  '会費台帳',
  '活動記録',
  '相談記録',
  '設定',
  '指標定義',
  'アンケート定義',
];

describe('studio server on a set-up workbook', () => {
  const temp = tempDir();
  let studio: StudioHandle;
  let session: Session;
  let path: string;

  beforeAll(async () => {
    path = await savedWorkbook(temp.dir, { setup: true });
    // A cell that looks like markup, a fill and a note: the page must get them as plain data.
    const prepared = await Session.open(path);
    const sheet = prepared.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ボランティア名簿')!;
    sheet.getRange(2, 1, 1, 2).setValues([['V-0001', '<img src=x onerror="window.__x=1">']]);
    sheet.getRange(2, 2).setBackground('#fce8b2').setNote('確認中');
    sheet.getRange(3, 1, 1, 2).setValues([['V-0002', '山田　花子']]);
    await prepared.save(path);
    ({ studio, session } = await openStudio(path));
  });

  afterAll(async () => {
    await studio.close();
    temp.remove();
  });

  describe('GET /', () => {
    it('returns the Japanese page under a nonce-only script policy', async () => {
      const response = await fetch(studio.url);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html).toContain('<html lang="ja">');
      expect(html).toContain('拡張機能');
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeTruthy();
      expect(html).toContain(`<script nonce="${nonce}">`);
      expect(policy).not.toContain('unsafe-inline');
    });

    it('links nothing from outside the studio', async () => {
      const html = await (await fetch(studio.url)).text();
      expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    });
  });

  describe('GET /api/book', () => {
    it('lists every sheet with its frozen header and size', async () => {
      const { status, body } = await getJson<BookJson>(studio.url, '/api/book');
      expect(status).toBe(200);
      expect(body.name).toBe('スタジオ テスト');
      expect(body.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(STANDARD));
      const roster = body.sheets.find((s) => s.name === 'ボランティア名簿')!;
      expect(roster.frozenRows).toBe(1);
      expect(roster.lastRow).toBe(3);
    });

    it('sends cells only for the shown sheet, as display strings with fills and notes', async () => {
      const { body } = await getJson<BookJson>(studio.url, `/api/book?sheet=${encodeURIComponent('ボランティア名簿')}`);
      expect(body.shownSheet).toBe('ボランティア名簿');
      const roster = body.sheets.find((s) => s.name === 'ボランティア名簿')!;
      expect(roster.window!.rows[0]).toContain('氏名');
      expect(roster.window!.rows[1]!.slice(0, 2)).toEqual(['V-0001', '<img src=x onerror="window.__x=1">']);
      expect(roster.window!.rows[2]!.slice(0, 2)).toEqual(['V-0002', '山田　花子']);
      expect(roster.window!.backgrounds[1]![1]).toBe('#fce8b2');
      expect(roster.window!.backgrounds[1]![0]).toBe('');
      expect(roster.window!.notes[1]![1]).toBe('確認中');
      for (const other of body.sheets.filter((s) => s.name !== 'ボランティア名簿')) expect(other.window).toBeNull();
    });

    it('falls back to the active sheet for an unknown sheet name', async () => {
      const { body } = await getJson<BookJson>(studio.url, '/api/book?sheet=nope');
      expect(body.shownSheet).toBe(body.activeSheet);
    });

    it('has the add-on menu that onOpen registered', async () => {
      const { body } = await getJson<BookJson>(studio.url, '/api/book');
      const addon = body.menus.find((m) => m.addon)!;
      expect(addon.title).toBe('Tsunagu');
      const items = addon.items.filter((i) => i.type === 'item');
      expect(items.map((i) => i.fn)).toContain('showSidebar');
      expect(items.find((i) => i.fn === 'showSidebar')?.caption).toBe('サイドバーを開く');
    });

    it('reports where the workbook is saved', async () => {
      const { body } = await getJson<BookJson>(studio.url, '/api/book');
      expect(body.save).toMatchObject({ file: 'book.xlsx' });
    });
  });

  describe('POST /api/activate', () => {
    it('makes the clicked tab the active sheet', async () => {
      expect((await postJson(studio.url, '/api/activate', { sheet: '依頼' })).status).toBe(200);
      const { body } = await getJson<BookJson>(studio.url, '/api/book');
      expect(body.activeSheet).toBe('依頼');
      expect(body.shownSheet).toBe('依頼');
    });

    it('refuses a sheet that does not exist', async () => {
      expect((await postJson(studio.url, '/api/activate', { sheet: 'ないシート' })).status).toBe(404);
    });
  });

  describe("the add-on's selection (selectCell)", () => {
    it('exposes the cell selected through google.script.run, and shows its sheet to a page that has not seen it', async () => {
      await postJson(studio.url, '/api/activate', { sheet: '依頼' });
      const before = (await getJson<BookJson>(studio.url, '/api/book')).body;
      const { body } = await postJson<CallJson>(studio.url, '/api/run/selectCell', {
        args: ['ボランティア名簿', 3, 2],
      });
      expect(body.ok).toBe(true);
      expect((body.value as { ok: boolean }).ok).toBe(true);

      const seen = before.selection;
      const book = (
        await getJson<BookJson>(studio.url, `/api/book?sheet=${encodeURIComponent('依頼')}&selection=${seen}`)
      ).body;
      expect(book.selection).toBe(seen + 1);
      expect(book.activeSheet).toBe('ボランティア名簿');
      expect(book.activeRange).toEqual({ sheet: 'ボランティア名簿', a1: 'B3', row: 3, column: 2 });
      expect(book.shownSheet).toBe('ボランティア名簿');
      expect(book.sheets.find((s) => s.name === 'ボランティア名簿')!.window!.rows[2]![1]).toBe('山田　花子');

      // Once seen, the page's own sheet is shown again.
      const later = (
        await getJson<BookJson>(studio.url, `/api/book?sheet=${encodeURIComponent('依頼')}&selection=${book.selection}`)
      ).body;
      expect(later.shownSheet).toBe('依頼');
      expect(later.activeRange?.a1).toBe('B3');
    });

    it('answers a tab click with the selection number, so the click wins over earlier selections', async () => {
      await postJson(studio.url, '/api/run/selectCell', { args: ['ボランティア名簿', 2, 1] });
      const current = (await getJson<BookJson>(studio.url, '/api/book')).body.selection;
      const { body } = await postJson<{ ok: boolean; selection: number }>(studio.url, '/api/activate', {
        sheet: '依頼',
      });
      expect(body).toEqual({ ok: true, selection: current });
      const book = (
        await getJson<BookJson>(studio.url, `/api/book?sheet=${encodeURIComponent('依頼')}&selection=${body.selection}`)
      ).body;
      expect(book.shownSheet).toBe('依頼');
    });

    it('does not count a call that only read as a selection', async () => {
      const before = (await getJson<BookJson>(studio.url, '/api/book')).body.selection;
      await postJson(studio.url, '/api/run/getSidebarState', {});
      expect((await getJson<BookJson>(studio.url, '/api/book')).body.selection).toBe(before);
    });
  });

  describe('POST /api/menu/:fn', () => {
    it('runs onOpen again and keeps one add-on menu', async () => {
      const { status, body } = await postJson<CallJson>(studio.url, '/api/menu/onOpen', {});
      expect(status).toBe(200);
      expect(body.ok).toBe(true);
      expect(body.changed).toBe(false);
      const book = (await getJson<BookJson>(studio.url, '/api/book')).body;
      expect(book.menus.filter((m) => m.addon)).toHaveLength(1);
    });

    it('opens the real sidebar, with its title, through the menu item', async () => {
      const before = (await getJson<BookJson>(studio.url, '/api/book')).body.sidebar;
      const { body } = await postJson<CallJson>(studio.url, '/api/menu/showSidebar', {});
      expect(body.ok).toBe(true);
      const book = (await getJson<BookJson>(studio.url, '/api/book')).body;
      expect(book.sidebar?.title).toBe(session.emu.ui.sidebar?.title);
      expect(book.sidebar?.title).toBeTruthy();
      expect(book.sidebar!.generation).toBeGreaterThan(before?.generation ?? 0);
    });

    it('shows an OK alert as a message, answered by the emulator', async () => {
      const { body } = await postJson<CallJson>(studio.url, '/api/menu/menuSetupSheets', {});
      expect(body.ok).toBe(true);
      expect(body.alerts).toEqual([
        expect.objectContaining({ buttons: 'OK', answer: 'OK', scripted: true, title: 'シート準備' }),
      ]);
    });

    it('refuses a function no menu names', async () => {
      const { status, body } = await postJson<CallJson>(studio.url, '/api/menu/getSidebarState', {});
      expect(status).toBe(404);
      expect(body.error).toBe('Script function not found: getSidebarState');
    });

    it('refuses malformed answers', async () => {
      const { status } = await postJson(studio.url, '/api/menu/showSidebar', { answers: ['MAYBE'] });
      expect(status).toBe(400);
    });

    it('closes the sidebar when the page says so', async () => {
      await postJson(studio.url, '/api/sidebar/close', {});
      expect((await getJson<BookJson>(studio.url, '/api/book')).body.sidebar).toBeNull();
    });
  });

  describe('GET /sidebar', () => {
    it('serves dist/Sidebar.html with the google.script shim before its own script', async () => {
      const response = await fetch(new URL('/sidebar', studio.url));
      const html = await response.text();
      expect(response.status).toBe(200);
      const shim = html.indexOf('<script data-tsunagu-shim>');
      expect(shim).toBeGreaterThanOrEqual(0);
      const firstOther = html.search(/<script(?! data-tsunagu-shim)[\s>]/);
      expect(firstOther).toBeGreaterThan(shim);
      expect(html).toContain('google.script = {');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    });
  });

  describe('POST /api/run/:fn (google.script.run)', () => {
    it('round-trips getSidebarState through the real bundle', async () => {
      const { status, body } = await postJson<CallJson>(studio.url, '/api/run/getSidebarState', { args: [] });
      expect(status).toBe(200);
      expect(body.ok).toBe(true);
      const envelope = body.value as { ok: boolean; value: { sheets: Array<{ name: string; kind: string | null }> } };
      expect(envelope.ok).toBe(true);
      expect(envelope.value.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(STANDARD));
      expect(envelope.value.sheets.find((s) => s.name === 'ボランティア名簿')?.kind).toBe('volunteers');
    });

    it('reports the call’s own service calls, cells and estimated Apps Script time', async () => {
      const { body } = await postJson<CallJson>(studio.url, '/api/run/getSidebarState', { args: [] });
      const first = body.cost;
      expect(first?.calls).toBeGreaterThan(0);
      expect(first?.cellsRead).toBeGreaterThan(0);
      expect(first?.cellsWritten).toBe(0);
      expect(first?.estimatedSeconds.low).toBeLessThanOrEqual(first?.estimatedSeconds.high ?? -1);
      // Each call is measured alone: the same call again costs the same, not twice as much.
      const again = await postJson<CallJson>(studio.url, '/api/run/getSidebarState', { args: [] });
      expect(again.body.cost).toEqual(first);
    });

    it('passes arguments through: getMapping of one sheet', async () => {
      const { body } = await postJson<CallJson>(studio.url, '/api/run/getMapping', { args: ['ボランティア名簿'] });
      const envelope = body.value as { ok: boolean; value: { columns: Array<{ header: string; samples: string[] }> } };
      expect(envelope.ok).toBe(true);
      const name = envelope.value.columns.find((c) => c.header === '氏名');
      expect(name?.samples).toContain('<img src=x onerror="window.__x=1">');
    });

    it('fails for a function the bundle does not have', async () => {
      const { status, body } = await postJson<CallJson>(studio.url, '/api/run/doesNotExist', { args: [] });
      expect(status).toBe(404);
      expect(body).toEqual({ ok: false, error: 'Script function not found: doesNotExist' });
    });

    it('fails for built-ins and names that are not functions of the bundle', async () => {
      for (const name of ['eval', 'Object', 'SpreadsheetApp', 'constructor', 'a.b', '__proto__']) {
        const { body } = await postJson<CallJson>(studio.url, `/api/run/${encodeURIComponent(name)}`, { args: [] });
        expect(body.ok, name).toBe(false);
        expect(body.error, name).toMatch(/^Script function not found/);
      }
    });

    it('fails like google.script.run when an argument holds a Date', async () => {
      const date = { [WIRE_TAG]: 'date', value: '2024-04-01T00:00:00.000Z' };
      const { status, body } = await postJson<CallJson>(studio.url, '/api/run/getMapping', { args: [{ when: date }] });
      expect(status).toBe(200);
      expect(body.ok).toBe(false);
      expect(body.error).toMatch(/illegal value.*0\.when.*Date/);
    });

    it('fails like google.script.run when an argument is a function', async () => {
      const fn = { [WIRE_TAG]: 'function', value: 'callback' };
      const { body } = await postJson<CallJson>(studio.url, '/api/run/getMapping', { args: [fn] });
      expect(body.ok).toBe(false);
      expect(body.error).toMatch(/illegal value.*function/);
    });

    it('rejects a body whose args is not a list', async () => {
      expect((await postJson(studio.url, '/api/run/getSidebarState', { args: 'x' })).status).toBe(400);
    });

    it('runs concurrent calls one at a time, each getting its own answer', async () => {
      const answers = await Promise.all(
        ['ボランティア名簿', '依頼', '寄付台帳'].map((sheet) =>
          postJson<CallJson>(studio.url, '/api/run/getMapping', { args: [sheet] }),
        ),
      );
      expect(answers.map((a) => (a.body.value as { value: { sheet: string } }).value.sheet)).toEqual([
        'ボランティア名簿',
        '依頼',
        '寄付台帳',
      ]);
    });
  });
});

describe('studio saving back to the .xlsx', () => {
  const temp = tempDir();
  let studio: StudioHandle;
  let path: string;

  beforeAll(async () => {
    path = await savedWorkbook(temp.dir, { setup: false });
    ({ studio } = await openStudio(path));
  });

  afterAll(async () => {
    await studio.close();
    temp.remove();
  });

  const sheetsOnDisk = async (): Promise<string[]> => {
    const reopened = await Session.open(path);
    return reopened.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
  };

  it('answers an unanswered confirmation NO, changes nothing, and reports it so the page can ask', async () => {
    const before = statSync(path).mtimeMs;
    const { body } = await postJson<CallJson>(studio.url, '/api/menu/menuSetupSheets', {});
    expect(body.ok).toBe(true);
    expect(body.changed).toBe(false);
    expect(body.alerts).toHaveLength(1);
    expect(body.alerts![0]).toMatchObject({
      kind: 'alert',
      title: 'シート準備',
      buttons: 'YES_NO',
      answer: 'NO',
      scripted: false,
    });
    expect(body.alerts![0]!.message).toContain('ボランティア名簿');
    expect(statSync(path).mtimeMs).toBe(before);
    expect(await sheetsOnDisk()).toEqual(['シート1']);
  });

  it('runs the menu item again with YES queued, and saves the result', async () => {
    const { body } = await postJson<CallJson>(studio.url, '/api/menu/menuSetupSheets', { answers: ['YES'] });
    expect(body.ok).toBe(true);
    expect(body.changed).toBe(true);
    expect(body.alerts!.map((a) => [a.buttons, a.answer, a.scripted])).toEqual([
      ['YES_NO', 'YES', true],
      ['OK', 'OK', true],
    ]);
    expect(await sheetsOnDisk()).toEqual(expect.arrayContaining(STANDARD));
    const book = (await getJson<BookJson>(studio.url, '/api/book')).body;
    expect(book.save.state).toBe('saved');
    expect(book.sidebar).not.toBeNull();
  });

  it('saves after a google.script.run call that wrote, with one backup and no temp file left behind', async () => {
    // The sidebar's confirm flow: read the detected mapping, then keep it.
    const detected = (await postJson<CallJson>(studio.url, '/api/run/getMapping', { args: ['ボランティア名簿'] })).body;
    const view = (
      detected.value as { value: { headerRow: number; columns: Array<{ index: number; key: string | null }> } }
    ).value;
    const columns = Object.fromEntries(view.columns.filter((c) => c.key !== null).map((c) => [c.key, c.index]));
    const { body } = await postJson<CallJson>(studio.url, '/api/run/saveMapping', {
      args: ['ボランティア名簿', { kind: 'volunteers', headerRow: view.headerRow, columns }],
    });
    expect(body.ok).toBe(true);
    expect((body.value as { ok: boolean }).ok).toBe(true);
    expect(body.changed).toBe(true);
    const reopened = await Session.open(path);
    expect(reopened.emu.globals.PropertiesService.getDocumentProperties().getKeys().length).toBeGreaterThan(0);
    // The first overwrite kept a backup beside the book; no temp file stayed behind.
    const files = readdirSync(temp.dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^book\.backup-\d{8}-\d{6}\.xlsx$/);
    expect(files[1]).toBe('book.xlsx');
  });

  it('does not save after a call that only read', async () => {
    const before = statSync(path).mtimeMs;
    const { body } = await postJson<CallJson>(studio.url, '/api/run/getSidebarState', {});
    expect(body.changed).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('does not save after the add-on only selected a cell', async () => {
    const before = statSync(path).mtimeMs;
    const { body } = await postJson<CallJson>(studio.url, '/api/run/selectCell', { args: ['ボランティア名簿', 2, 2] });
    expect(body.ok).toBe(true);
    expect(body.changed).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('does not overwrite a file saved elsewhere meanwhile, says so, and reloads it on request', async () => {
    // Someone saves the book in Excel while the studio has it open.
    const other = await Session.open(path, { backups: false });
    other.emu.setSheetValues('Excelで追加', [['外で追加したシート']]);
    await other.save();
    const theirs = readFileSync(path);
    const { body } = await postJson<CallJson>(studio.url, '/api/run/clearMapping', { args: ['ボランティア名簿'] });
    expect(body.changed).toBe(true);
    expect(readFileSync(path)).toEqual(theirs);
    const book = (await getJson<BookJson>(studio.url, '/api/book')).body;
    expect(book.save.state).toBe('conflict');
    expect(book.save.error).toMatch(/changed on disk/);
    expect((await postJson(studio.url, '/api/reload', {})).status).toBe(200);
    const reloaded = (await getJson<BookJson>(studio.url, '/api/book')).body;
    expect(reloaded.sheets.map((s) => s.name)).toContain('Excelで追加');
    expect(reloaded.save.state).toBe('idle');
    expect(reloaded.menus.length).toBeGreaterThan(0);
  });
});

describe('studio without a workbook file', () => {
  it('keeps a new, empty workbook in memory and saves nowhere', async () => {
    const temp = tempDir();
    const { studio } = await openStudio(undefined);
    try {
      const book = (await getJson<BookJson>(studio.url, '/api/book')).body;
      expect(book.sheets.map((s) => s.name)).toEqual(['シート1']);
      expect(book.save).toEqual({ state: 'memory', file: null });
      const { body } = await postJson<CallJson>(studio.url, '/api/run/setupSheets', {});
      expect(body.changed).toBe(true);
      const after = (await getJson<BookJson>(studio.url, '/api/book')).body;
      expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(STANDARD));
      expect(after.save.state).toBe('memory');
      expect(readdirSync(temp.dir)).toEqual([]);
    } finally {
      await studio.close();
      temp.remove();
    }
  });
});

describe('studio --stats', () => {
  it("prints each call's service-call counts", async () => {
    const temp = tempDir();
    const io = captureIo();
    const path = await savedWorkbook(temp.dir, { setup: true });
    const { studio } = await openStudio(path, { stats: true, io });
    try {
      expect(io.lines.join('\n')).toMatch(/service calls \(onOpen\): \d+/);
      expect(io.lines.join('\n')).toMatch(/Ui\.createAddonMenu\s+1/);
      io.lines.length = 0;
      await postJson(studio.url, '/api/run/getSidebarState', {});
      expect(io.lines[0]).toMatch(/service calls \(run getSidebarState\): [1-9]\d*/);
      expect(io.lines.some((l) => /Spreadsheet\.getSheets\s+\d+/.test(l))).toBe(true);
      // Reading the workbook for the page (its active range too) is not a call of the script.
      io.lines.length = 0;
      await getJson(studio.url, '/api/book');
      expect(io.lines).toEqual([]);
      await postJson(studio.url, '/api/run/selectCell', { args: ['依頼', 2, 2] });
      expect(io.lines[0]).toMatch(/service calls \(run selectCell\)/);
      expect(io.lines.join('\n')).not.toMatch(/getActiveRange/);
    } finally {
      await studio.close();
      temp.remove();
    }
  });
});
