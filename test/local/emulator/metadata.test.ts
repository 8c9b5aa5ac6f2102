/** Developer metadata on sheets and the spreadsheet: add, find, move, remove, and the .xlsx round trip. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator, METADATA_SHEET, isMutatingCall } from '../../../src/local/emulator/index';
import { fresh } from './helpers';

describe('emulator developer metadata', () => {
  it('adds metadata to a sheet with a key, an optional value and a visibility, each with its own id', () => {
    const { app, sheet } = fresh();
    sheet.addDeveloperMetadata('tsunagu.output', 'validation');
    sheet.addDeveloperMetadata('plain');
    sheet.addDeveloperMetadata('private', 'x', app.DeveloperMetadataVisibility.PROJECT);
    const found = sheet.getDeveloperMetadata();
    expect(found.map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([
      ['tsunagu.output', 'validation', 'DOCUMENT'],
      ['plain', null, 'DOCUMENT'],
      ['private', 'x', 'PROJECT'],
    ]);
    expect(new Set(found.map((m) => m.getId())).size).toBe(3);
    expect(found[0]?.getLocation().getSheet()?.getName()).toBe(sheet.getName());
    expect(String(found[0]?.getLocation().getLocationType())).toBe('SHEET');
  });

  it('keeps sheet metadata with the sheet when it is renamed, and drops it when the sheet is deleted', () => {
    const { book, sheet } = fresh();
    const other = book.insertSheet('別');
    other.addDeveloperMetadata('k', 'v');
    other.setName('改名後');
    expect(
      book
        .getSheetByName('改名後')
        ?.getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['v']);
    book.deleteSheet(other);
    expect(book.createDeveloperMetadataFinder().withKey('k').find()).toEqual([]);
    expect(sheet.getDeveloperMetadata()).toEqual([]);
  });

  it('finds by key, value and location type across the spreadsheet and its sheets', () => {
    const { app, book, sheet } = fresh();
    const second = book.insertSheet('二枚目');
    sheet.addDeveloperMetadata('tsunagu.output', 'validation');
    second.addDeveloperMetadata('tsunagu.output', 'history');
    book.addDeveloperMetadata('tsunagu.output', 'document');
    const all = book.createDeveloperMetadataFinder().withKey('tsunagu.output').find();
    expect(all.map((m) => m.getValue())).toEqual(['document', 'validation', 'history']);
    const onSheets = book
      .createDeveloperMetadataFinder()
      .withKey('tsunagu.output')
      .withLocationType(app.DeveloperMetadataLocationType.SHEET)
      .find();
    expect(onSheets.map((m) => m.getLocation().getSheet()?.getName())).toEqual([sheet.getName(), '二枚目']);
    expect(book.createDeveloperMetadataFinder().withValue('history').find()).toHaveLength(1);
    expect(
      second
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['history']);
    // The spreadsheet's own list holds only what is attached to the spreadsheet itself.
    expect(book.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['document']);
  });

  it('changes, moves and removes a record', () => {
    const { book, sheet } = fresh();
    const other = book.insertSheet('他');
    sheet.addDeveloperMetadata('k', 'a');
    const [record] = sheet.getDeveloperMetadata();
    record?.setValue('b').moveToSheet(other);
    expect(sheet.getDeveloperMetadata()).toEqual([]);
    expect(other.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['b']);
    record?.remove();
    expect(other.getDeveloperMetadata()).toEqual([]);
    expect(() => record?.getLocation()).toThrow(/no longer exists/);
  });

  it('refuses an empty key', () => {
    const { sheet } = fresh();
    expect(() => sheet.addDeveloperMetadata('')).toThrow(/key/);
  });

  it('counts adding, changing and removing as mutating calls, finding and reading as not', () => {
    for (const key of ['Sheet.addDeveloperMetadata', 'DeveloperMetadata.remove', 'DeveloperMetadata.setValue'])
      expect(isMutatingCall(key), key).toBe(true);
    for (const key of ['DeveloperMetadataFinder.withKey', 'DeveloperMetadataFinder.find', 'Sheet.getDeveloperMetadata'])
      expect(isMutatingCall(key), key).toBe(false);
  });

  it('travels inside the .xlsx file in a very hidden sheet that the loader takes out again', async () => {
    const { emu, book, sheet } = fresh();
    sheet.addDeveloperMetadata('tsunagu.output', 'validation');
    book.insertSheet('履歴').addDeveloperMetadata('tsunagu.output', 'history');
    book.addDeveloperMetadata('doc', 'x');
    const loaded = await Emulator.fromXlsx(await emu.toXlsx());
    const again = loaded.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(again.getSheets().map((s) => s.getName())).not.toContain(METADATA_SHEET);
    expect(
      again
        .getSheetByName('履歴')
        ?.getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['history']);
    expect(again.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['doc', 'x']]);
    expect(loaded.snapshot().sheets.map((s) => s.metadata)).toEqual(emu.snapshot().sheets.map((s) => s.metadata));
    // Ids stay unique after loading: a new record gets a fresh one.
    again.getSheets()[0]?.addDeveloperMetadata('new');
    const ids = again
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => m.getId());
    expect(new Set(ids).size).toBe(ids.length);
  });
});
