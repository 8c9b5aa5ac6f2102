// Confirmed mappings are keyed by sheet name, and staff name sheets freely: 'constructor', 'toString'
// and '__proto__' are names like any other, in the stored JSON and through the real bundle.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { parseMappings, serializeMappings, type ColumnMapping } from '../../../src/core/sheets/mapping';
import { HEAD_ROWS } from '../../../src/core/setup/plan';
import { MAX_HEADER_ROW, type MappingView, type SidebarState } from '../../../src/shared/rpc';
import { freshSession, rpc } from '../../local/helpers/session';

const ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const mapping: ColumnMapping = { kind: 'volunteers', headerRow: 1, columns: { volunteerId: 0, name: 1 } };

describe('parseMappings and serializeMappings', () => {
  it.each(ODD_NAMES.map((name) => [name]))('keep the mapping of a sheet named %s', (name) => {
    const parsed = parseMappings(serializeMappings({ [name]: mapping, 名簿: mapping }, { [name]: 1, 名簿: 2 }));
    expect(parsed.issues).toEqual([]);
    expect(Object.keys(parsed.mappings).sort()).toEqual([name, '名簿'].sort());
    expect(parsed.mappings[name]).toEqual(mapping);
  });

  it('find nothing of Object.prototype under a name no sheet has', () => {
    const { mappings } = parseMappings(serializeMappings({ 名簿: mapping }, { 名簿: 1 }));
    for (const name of ODD_NAMES) expect(mappings[name], name).toBeUndefined();
    expect('constructor' in mappings).toBe(false);
  });

  it('keep a stored __proto__ entry as a sheet, never as the prototype of the mappings', () => {
    const json = JSON.stringify({ v: 1, s: { 名簿: { k: 'volunteers', h: 1, c: { name: 1 } } } }).replace(
      '{"名簿"',
      '{"__proto__":{"k":"volunteers","h":2,"c":{"name":3}},"名簿"',
    );
    const { mappings } = parseMappings(json);
    expect(Object.getPrototypeOf(mappings)).toBeNull();
    expect(mappings['__proto__']).toEqual({ kind: 'volunteers', headerRow: 2, columns: { name: 3 } });
  });
});

describe('a sheet named constructor, through dist/Code.js', () => {
  it('is detected, its mapping confirmed, listed as confirmed and cleared again', () => {
    const session = freshSession();
    session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('constructor');
    session.emu.setSheetValues('constructor', [
      ['登録番号', '氏名', 'フリガナ', '電話番号'],
      ['V-1', '山田 花子', 'ヤマダ ハナコ', '042-461-1234'],
    ]);
    const before = rpc<SidebarState>(session, 'getSidebarState').sheets.find((s) => s.name === 'constructor');
    expect(before).toMatchObject({ kind: 'volunteers', confirmed: false });
    const view = rpc<MappingView>(session, 'getMapping', 'constructor');
    expect(view.confirmed).toBe(false);
    const columns = Object.fromEntries(view.columns.flatMap((c) => (c.key ? [[c.key, c.index]] : [])));
    rpc(session, 'saveMapping', 'constructor', { kind: 'volunteers', headerRow: 1, columns });
    const after = rpc<SidebarState>(session, 'getSidebarState').sheets.find((s) => s.name === 'constructor');
    expect(after).toMatchObject({ kind: 'volunteers', confirmed: true });
    expect(rpc<MappingView>(session, 'clearMapping', 'constructor').confirmed).toBe(false);
  });
});

describe('MAX_HEADER_ROW', () => {
  it('is the number of rows the server reads to find a header', () => {
    expect(MAX_HEADER_ROW).toBe(HEAD_ROWS);
  });
});
