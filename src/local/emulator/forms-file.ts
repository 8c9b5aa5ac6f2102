/**
 * The forms saved next to the workbook (book.xlsx → book.forms.json): forms live in Drive, not in
 * the spreadsheet, so the CLI and the studio keep them in a file of their own — records, items,
 * responses, and which response sheet (by name) each form writes to with its column layout.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { EmulatorContext } from './context';
import { isDate } from './dates';
import { FormState, type FormRecord, type FormRegistry, type ResponseColumn } from './forms';

export const FORMS_FILE_VERSION = 1;

interface SavedForm {
  record: FormRecord;
  /** The response sheet's name; null when the form is not linked (or its sheet was deleted). */
  sheetName: string | null;
  columns: ResponseColumn[];
}

interface FormsFile {
  version: number;
  /** The spreadsheet the forms were saved with (for reading the file by eye). */
  spreadsheetId: string;
  /** The emulator's id sequence when saved, so ids made after reloading never repeat. */
  sequence: number;
  forms: SavedForm[];
}

/** book.xlsx → book.forms.json, in the same folder. */
export function formsPathFor(xlsxPath: string): string {
  return join(dirname(xlsxPath), `${basename(xlsxPath, extname(xlsxPath))}.forms.json`);
}

const DATE_TAG = '$date';

/** The registry as JSON text; Dates (timestamps, date answers) are tagged so they come back as Dates. */
export function formsToJson(registry: FormRegistry, ctx: EmulatorContext): string {
  return serialize(registry, ctx, ctx.sequenceNow);
}

/** What the forms hold, leaving out the id sequence (which moves with triggers and responses too): to see whether forms changed. */
export function formsContent(registry: FormRegistry, ctx: EmulatorContext): string {
  return serialize(registry, ctx, 0);
}

function serialize(registry: FormRegistry, ctx: EmulatorContext, sequence: number): string {
  const file: FormsFile = {
    version: FORMS_FILE_VERSION,
    spreadsheetId: ctx.workbook.id,
    sequence,
    forms: registry.liveStates().map((state) => ({
      record: state.record,
      sheetName:
        state.destinationSheet && ctx.workbook.sheets.includes(state.destinationSheet)
          ? state.destinationSheet.name
          : null,
      columns: state.columns,
    })),
  };
  return JSON.stringify(
    file,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      // isDate, not instanceof: structuredClone may hand back Dates of another realm.
      return isDate(raw) ? { [DATE_TAG]: (raw as Date).toISOString() } : value;
    },
    1,
  );
}

/**
 * Reads saved forms back into the registry, re-linking each to its response sheet by name. The
 * file sits beside its workbook; when the spreadsheet was renamed since (its emulated id follows
 * the name), the forms' destination follows it.
 */
export function restoreForms(text: string, registry: FormRegistry, ctx: EmulatorContext): number {
  const file = JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && DATE_TAG in value && Object.keys(value).length === 1) {
      return new Date(String((value as Record<string, unknown>)[DATE_TAG]));
    }
    return value;
  }) as FormsFile;
  if (file.version !== FORMS_FILE_VERSION || !Array.isArray(file.forms)) {
    throw new Error(`not a Tsunagu forms file (version ${String(file.version)})`);
  }
  ctx.sequenceAtLeast(file.sequence);
  for (const saved of file.forms) {
    if (saved.record.destination) saved.record.destination.spreadsheetId = ctx.workbook.id;
    const state = new FormState(ctx, saved.record);
    const sheet = saved.sheetName === null ? undefined : ctx.workbook.sheetByName(saved.sheetName);
    if (sheet) state.attach(sheet, saved.columns);
    registry.restore(state);
  }
  return file.forms.length;
}
