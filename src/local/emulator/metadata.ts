/** Developer metadata: DeveloperMetadata, its location and DeveloperMetadataFinder, on sheets and on the spreadsheet itself. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, enumName } from './enums';
import { EmuSheet } from './sheet';
import { EmuSpreadsheet, sheetModelOf } from './spreadsheet';
import type { MetadataRecord, SheetModel } from './workbook';

type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type GasFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

function visibilityName(member: unknown): 'DOCUMENT' | 'PROJECT' {
  const name = enumName(member);
  if (name !== 'DOCUMENT' && name !== 'PROJECT') throw new Error('Invalid argument: visibility');
  return name;
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
  return key;
}

/**
 * addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility) on a sheet
 * or the spreadsheet: appends a record with a new id (visibility DOCUMENT unless given).
 */
// real-sheets-checklist RS-39: the mark on a sheet follows renames and goes with the sheet
export function addMetadata(ctx: EmulatorContext, into: MetadataRecord[], args: readonly unknown[]): void {
  const key = checkKey(args[0]);
  let value: string | null = null;
  let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
  if (args.length === 2) {
    if (typeof args[1] === 'string') value = args[1];
    else visibility = visibilityName(args[1]);
  } else if (args.length >= 3) {
    value = String(args[1]);
    visibility = visibilityName(args[2]);
  }
  into.push({ id: ctx.workbook.newMetadataId(), key, value, visibility });
}

export function metadataObjects(ctx: EmulatorContext, records: readonly MetadataRecord[]): GasMetadata[] {
  return records.map((record) => asGas<GasMetadata>(new EmuDeveloperMetadata(ctx, record)));
}

const METADATA_METHODS = [
  'getId',
  'getKey',
  'getLocation',
  'getValue',
  'getVisibility',
  'moveToSheet',
  'moveToSpreadsheet',
  'remove',
  'setKey',
  'setValue',
  'setVisibility',
] as const satisfies readonly (keyof GasMetadata)[];

export class EmuDeveloperMetadata extends Service implements Pick<GasMetadata, (typeof METADATA_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly record: MetadataRecord,
  ) {
    super(ctx);
  }

  private get self(): GasMetadata {
    return asGas(this);
  }

  /** The list that holds the record now; a removed record (or one whose sheet was deleted) has none. */
  private holder(): { list: MetadataRecord[]; sheet: SheetModel | null } {
    const workbook = this.ctx.workbook;
    const found = workbook.metadataById(this.record.id);
    if (!found || found.record !== this.record) throw new Error('The developer metadata no longer exists.');
    return { list: found.sheet ? found.sheet.metadata : workbook.metadata, sheet: found.sheet };
  }

  getId(): number {
    return this.record.id;
  }

  getKey(): string {
    return this.record.key;
  }

  getLocation(): GasLocation {
    return asGas(new EmuDeveloperMetadataLocation(this.ctx, this.holder().sheet));
  }

  getValue(): string | null {
    return this.record.value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return DeveloperMetadataVisibility[this.record.visibility];
  }

  moveToSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GasMetadata {
    const target = sheetModelOf(sheet);
    const { list } = this.holder();
    list.splice(list.indexOf(this.record), 1);
    target.metadata.push(this.record);
    return this.self;
  }

  moveToSpreadsheet(): GasMetadata {
    const { list } = this.holder();
    list.splice(list.indexOf(this.record), 1);
    this.ctx.workbook.metadata.push(this.record);
    return this.self;
  }

  remove(): void {
    const { list } = this.holder();
    list.splice(list.indexOf(this.record), 1);
  }

  setKey(key: string): GasMetadata {
    this.holder();
    this.record.key = checkKey(key);
    return this.self;
  }

  setValue(value: string): GasMetadata {
    this.holder();
    this.record.value = String(value);
    return this.self;
  }

  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): GasMetadata {
    this.holder();
    this.record.visibility = visibilityName(visibility);
    return this.self;
  }
}
countCalls(EmuDeveloperMetadata, 'DeveloperMetadata', METADATA_METHODS);

const LOCATION_METHODS = [
  'getLocationType',
  'getSheet',
  'getSpreadsheet',
] as const satisfies readonly (keyof GasLocation)[];

export class EmuDeveloperMetadataLocation
  extends Service
  implements Pick<GasLocation, (typeof LOCATION_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly sheet: SheetModel | null,
  ) {
    super(ctx);
  }

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return this.sheet ? DeveloperMetadataLocationType.SHEET : DeveloperMetadataLocationType.SPREADSHEET;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    return this.sheet ? asGas(new EmuSheet(this.ctx, this.sheet)) : null;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    return this.sheet ? null : asGas(new EmuSpreadsheet(this.ctx));
  }
}
countCalls(EmuDeveloperMetadataLocation, 'DeveloperMetadataLocation', LOCATION_METHODS);

const FINDER_METHODS = [
  'find',
  'withId',
  'withKey',
  'withLocationType',
  'withValue',
  'withVisibility',
] as const satisfies readonly (keyof GasFinder)[];

/**
 * Searches the metadata of one sheet, or of the spreadsheet and all its sheets. Only spreadsheet
 * and sheet locations exist in the emulator (no row or column metadata).
 */
export class EmuDeveloperMetadataFinder extends Service implements Pick<GasFinder, (typeof FINDER_METHODS)[number]> {
  private readonly tests: Array<(record: MetadataRecord, sheet: SheetModel | null) => boolean> = [];

  constructor(
    ctx: EmulatorContext,
    /** The sheet searched, or null for the whole spreadsheet. */
    private readonly scope: SheetModel | null,
  ) {
    super(ctx);
  }

  private with(test: (record: MetadataRecord, sheet: SheetModel | null) => boolean): GasFinder {
    this.tests.push(test);
    return asGas(this);
  }

  find(): GasMetadata[] {
    const workbook = this.ctx.workbook;
    const places: Array<[MetadataRecord[], SheetModel | null]> = this.scope
      ? [[this.scope.metadata, this.scope]]
      : [[workbook.metadata, null], ...workbook.sheets.map((s): [MetadataRecord[], SheetModel] => [s.metadata, s])];
    const found: MetadataRecord[] = [];
    for (const [records, sheet] of places) {
      for (const record of records) if (this.tests.every((test) => test(record, sheet))) found.push(record);
    }
    return metadataObjects(this.ctx, found);
  }

  withId(id: number): GasFinder {
    return this.with((record) => record.id === id);
  }

  withKey(key: string): GasFinder {
    return this.with((record) => record.key === String(key));
  }

  withLocationType(locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): GasFinder {
    const wanted = enumName(locationType);
    return this.with((_, sheet) => wanted === (sheet ? 'SHEET' : 'SPREADSHEET'));
  }

  withValue(value: string): GasFinder {
    return this.with((record) => record.value === String(value));
  }

  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): GasFinder {
    const wanted = visibilityName(visibility);
    return this.with((record) => record.visibility === wanted);
  }
}
countCalls(EmuDeveloperMetadataFinder, 'DeveloperMetadataFinder', FINDER_METHODS);
