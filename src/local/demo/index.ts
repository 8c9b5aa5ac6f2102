/** The demo workbook's public surface: generateDemoBook, its option and result types, and PlainDay. */
export { generateDemoBook } from './book';
export { DEMO_SHEET_ORDER, DEMO_SHEET_SPECS } from './canonical';
export { DEFAULT_REQUESTS, DEFAULT_SEED, DEFAULT_TODAY, DEFAULT_VOLUNTEERS } from './context';
export { DEMO_SCALES, isDemoScaleName, type DemoScale, type DemoScaleName } from './scales';
export type { PlainDay } from './plain-day';
export type {
  CellValue,
  DemoArea,
  DemoBook,
  DemoOptions,
  DemoSheet,
  DemoSheetKind,
  LedgerScale,
  MistakeKind,
  PlantedMistake,
} from './types';
