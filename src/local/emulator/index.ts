/** The offline Apps Script emulator's public API: Emulator, its options and records, and serializeForRun. */
export {
  Emulator,
  DEFAULT_SPREADSHEET_NAME,
  DEFAULT_USER_EMAIL,
  type EmulatorGlobals,
  type EmulatorOptions,
} from './emulator';
export type { CallStats } from './calls';
export type { CellValue, SheetModel, WorkbookModel } from './workbook';
export type {
  AlertRecord,
  ButtonName,
  ButtonSetName,
  DialogRecord,
  MenuItemRecord,
  MenuRecord,
  ScriptedAnswer,
  ShownHtml,
  ToastRecord,
  UiScript,
} from './ui';
export type { FormAnswer, FormRecord, FormRegistry, FormResponseRecord } from './forms';
export type { ChoiceRecord, FormItemRecord, FormItemType, FormValidationRecord } from './form-items';
export type { ClockSchedule, TriggerRecord } from './script-app';
export type { EmulatedConsole } from './logger';
export type { LockScope } from './lock';
export { serializeForRun, RunSerializationError } from './serialize';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export { MAX_PROPERTY_STORE_BYTES, MAX_PROPERTY_VALUE_BYTES } from './properties';
export { PROPERTIES_SHEET } from './xlsx';
