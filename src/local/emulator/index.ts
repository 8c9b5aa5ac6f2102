/** The offline Apps Script emulator's public API: Emulator, its options and records, and serializeForRun. */

/*
 * What the emulator assumes about Apps Script but could not confirm is listed, item by item, in
 * docs/real-sheets-checklist.md; each item is referenced from the code that implements it.
 *
 * Where the emulator deliberately differs from Apps Script, so tests notice rather than pass by luck:
 * - Dialogs are answered from emu.ui.answer(...). An OK-only alert with nothing queued is answered
 *   OK; any other alert or prompt with nothing queued throws "unexpected alert: <prompt>".
 * - Formulas are stored, not calculated: a formula written here reads as '' (one loaded from a file
 *   reads as its cached result).
 * - serializeForRun fails on a Date in either direction (Apps Script turns a returned Date into null;
 *   real-sheets-checklist RS-21).
 * - Methods outside each class's supported list are absent, so calling one is a TypeError.
 */
export {
  Emulator,
  DEFAULT_SPREADSHEET_NAME,
  DEFAULT_USER_EMAIL,
  type EmulatorGlobals,
  type ClockEvent,
  type EmulatorOptions,
  type FormSubmitEvent,
  type TriggerRun,
  type TriggerRunner,
} from './emulator';
export type { CallStats, CostSummary, MethodCost } from './calls';
export {
  COST_MODEL,
  EXECUTION_LIMIT_SECONDS,
  SIDEBAR_BUDGET_SECONDS,
  estimateSeconds,
  type CellCount,
  type CostRange,
  type CostTotals,
} from './cost-model';
export type { WrittenInput } from './context';
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
export type { FormAnswer, FormRecord, FormRegistry, FormResponseRecord, FormPublishing, ResponseColumn } from './forms';
export { FormRejection } from './forms';
export { formsPathFor } from './forms-file';
export type { ChoiceRecord, FormItemRecord, FormItemType, FormValidationRecord } from './form-items';
export { dueBetween } from './script-app';
export { parseTriggersFile, triggersJson, triggersPathFor, type TriggersFile } from './triggers-file';
export type { ClockSchedule, TriggerRecord } from './script-app';
export type { EmulatedConsole } from './logger';
export type { LockScope } from './lock';
export { serializeForRun, RunSerializationError } from './serialize';
export { InjectedFault, isMutatingCall } from './faults';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export { MAX_PROPERTY_STORE_BYTES, MAX_PROPERTY_VALUE_BYTES } from './properties';
export { CHARTS_SHEET, METADATA_SHEET, PROPERTIES_SHEET } from './xlsx';
export { diffSnapshots, sameSnapshot, type CellSnapshot, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
