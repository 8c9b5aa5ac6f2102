/** SpreadsheetApp: the emulated global — the bound spreadsheet, the UI, and the data-validation builder. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import {
  CopyPasteType,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  ValueType,
} from './enums';
import { EmuCellImageBuilder } from './cell-image';
import { EmuSpreadsheet } from './spreadsheet';
import type { EmuUi } from './ui';
import { EmuDataValidationBuilder } from './validation';

type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

const SPREADSHEET_APP_METHODS = [
  'flush',
  'getActive',
  'getActiveRange',
  'getActiveSheet',
  'getActiveSpreadsheet',
  'getUi',
  'newCellImage',
  'newDataValidation',
  'openById',
  'setActiveRange',
  'setActiveSheet',
] as const satisfies readonly (keyof GasSpreadsheetApp)[];

export class EmuSpreadsheetApp
  extends Service
  implements
    Pick<
      GasSpreadsheetApp,
      | (typeof SPREADSHEET_APP_METHODS)[number]
      | 'CopyPasteType'
      | 'DataValidationCriteria'
      | 'DeveloperMetadataLocationType'
      | 'DeveloperMetadataVisibility'
      | 'ValueType'
    >
{
  readonly CopyPasteType = CopyPasteType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly ValueType = ValueType;

  constructor(
    ctx: EmulatorContext,
    private readonly ui: EmuUi,
  ) {
    super(ctx);
  }

  private spreadsheet(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.ctx);
  }

  /** Writes are applied at once in the emulator, so there is nothing to flush. */
  // real-sheets-checklist RS-18
  flush(): void {}

  getActive(): GasSpreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveRange(): GasRange {
    return this.spreadsheet().getActiveRange() as GasRange;
  }

  getActiveSheet(): GasSheet {
    return this.spreadsheet().getActiveSheet();
  }

  /**
   * A time-driven trigger has no active document: the emulator gives null then, the cautious
   * reading of the reference (real-sheets-checklist RS-56).
   */
  getActiveSpreadsheet(): GasSpreadsheet {
    if (this.ctx.triggerKind === 'clock') return null as unknown as GasSpreadsheet;
    return asGas(this.spreadsheet());
  }

  /** No Ui while a trigger runs: nobody is there to see it (real-sheets-checklist RS-56). */
  getUi(): GoogleAppsScript.Base.Ui {
    if (this.ctx.triggerKind !== null) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return asGas(this.ui);
  }

  /** Only the one spreadsheet exists in the emulator. */
  // real-sheets-checklist RS-56
  openById(id: string): GasSpreadsheet {
    if (id !== this.ctx.workbook.id) {
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    }
    return asGas(this.spreadsheet());
  }

  /** A picture for a cell (written with Range.setValue(s)): https or a data URL (real-sheets-checklist RS-63). */
  newCellImage(): GoogleAppsScript.Spreadsheet.CellImageBuilder {
    return asGas(new EmuCellImageBuilder(this.ctx));
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(new EmuDataValidationBuilder(this.ctx));
  }

  setActiveRange(range: GasRange): GasRange {
    return this.spreadsheet().setActiveRange(range);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    return this.spreadsheet().setActiveSheet(sheet);
  }
}
countCalls(EmuSpreadsheetApp, 'SpreadsheetApp', SPREADSHEET_APP_METHODS);
