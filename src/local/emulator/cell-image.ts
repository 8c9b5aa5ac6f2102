/**
 * Cell images: SpreadsheetApp.newCellImage() → CellImageBuilder → CellImage, written into cells
 * with Range.setValue(s) and read back by getValues as a CellImage (getDisplayValues gives '').
 */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { ValueType } from './enums';
import { ImageValue } from './workbook';

type GasCellImage = GoogleAppsScript.Spreadsheet.CellImage;
type GasCellImageBuilder = GoogleAppsScript.Spreadsheet.CellImageBuilder;

/**
 * The addresses a cell image is made from: https, and a base64 data URL of a PNG, GIF or JPEG. The
 * reference says only "URL"; whether Sheets takes a data URL is real-sheets-checklist RS-63.
 */
// real-sheets-checklist RS-63
const IMAGE_SOURCE = /^(?:https:\/\/\S+|data:image\/(?:png|gif|jpeg);base64,[A-Za-z0-9+/]+=*)$/;

/** Cell images above this size of source are refused (Sheets limits cell images; the emulator's bound is RS-63's). */
// real-sheets-checklist RS-63
export const MAX_IMAGE_SOURCE_CHARS = 2_000_000;

const IMAGE_METHODS = [
  'getAltTextDescription',
  'getAltTextTitle',
  'getContentUrl',
  'getUrl',
  'toBuilder',
] as const satisfies readonly (keyof GasCellImage)[];

/** A cell image as getValues hands it back, or as build() makes it. */
export class EmuCellImage extends Service implements Pick<GasCellImage, (typeof IMAGE_METHODS)[number]> {
  readonly valueType = ValueType.IMAGE;

  constructor(
    ctx: EmulatorContext,
    readonly stored: ImageValue,
  ) {
    super(ctx);
  }

  getAltTextDescription(): string {
    return this.stored.altDescription;
  }

  getAltTextTitle(): string {
    return this.stored.altTitle;
  }

  /** Sheets serves the picture from a URL of its own; the emulator hands back the source. */
  getContentUrl(): string {
    return this.stored.url;
  }

  getUrl(): string | null {
    return this.stored.url;
  }

  toBuilder(): GasCellImageBuilder {
    return asGas(new EmuCellImageBuilder(this.ctx, this.stored));
  }
}
countCalls(EmuCellImage, 'CellImage', IMAGE_METHODS);

const BUILDER_METHODS = [
  'build',
  'getAltTextDescription',
  'getAltTextTitle',
  'getContentUrl',
  'getUrl',
  'setAltTextDescription',
  'setAltTextTitle',
  'setSourceUrl',
  'toBuilder',
] as const satisfies readonly (keyof GasCellImageBuilder)[];

export class EmuCellImageBuilder
  extends Service
  implements Pick<GasCellImageBuilder, (typeof BUILDER_METHODS)[number]>
{
  readonly valueType = ValueType.IMAGE;
  private url: string | null;
  private altTitle: string;
  private altDescription: string;

  constructor(ctx: EmulatorContext, from?: ImageValue) {
    super(ctx);
    this.url = from?.url ?? null;
    this.altTitle = from?.altTitle ?? '';
    this.altDescription = from?.altDescription ?? '';
  }

  private get self(): GasCellImageBuilder {
    return asGas(this);
  }

  build(): GasCellImage {
    if (this.url === null) throw new Error('Exception: The image has no source URL (CellImageBuilder.setSourceUrl).');
    return asGas(new EmuCellImage(this.ctx, new ImageValue(this.url, this.altTitle, this.altDescription)));
  }

  getAltTextDescription(): string {
    return this.altDescription;
  }

  getAltTextTitle(): string {
    return this.altTitle;
  }

  getContentUrl(): string {
    return this.url ?? '';
  }

  getUrl(): string | null {
    return this.url;
  }

  setAltTextDescription(description: string): GasCellImageBuilder {
    this.altDescription = String(description);
    return this.self;
  }

  setAltTextTitle(title: string): GasCellImageBuilder {
    this.altTitle = String(title);
    return this.self;
  }

  setSourceUrl(url: string): GasCellImageBuilder {
    const text = String(url);
    if (text.length > MAX_IMAGE_SOURCE_CHARS || !IMAGE_SOURCE.test(text)) {
      throw new Error(`Exception: Invalid argument: url (${text.slice(0, 40)}…)`);
    }
    this.url = text;
    return this.self;
  }

  toBuilder(): GasCellImageBuilder {
    const copy = new EmuCellImageBuilder(this.ctx);
    copy.url = this.url;
    copy.altTitle = this.altTitle;
    copy.altDescription = this.altDescription;
    return asGas(copy);
  }
}
countCalls(EmuCellImageBuilder, 'CellImageBuilder', BUILDER_METHODS);

/** The stored value of a cell image handed to setValue(s), or null for anything else. */
export function imageOf(input: unknown): ImageValue | null {
  return input instanceof EmuCellImage ? input.stored : null;
}
