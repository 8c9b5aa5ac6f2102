/** Defines the public surface of core/text: Japanese normalisation, multi-value cells, yes/no, dates, the formula guard. */
export { normalizeText, normalizeHeader } from './normalize';
export { splitMulti, type SplitMultiOptions } from './multi';
export { parseYesNo, type YesNo } from './yesno';
export { guardFormula, needsFormulaGuard, guardCell } from './formula';
export { PlainDate, daysInMonth } from './plainDate';
export { ERAS, eraByName, warekiOf, dateFromWareki, nextEraStart, formatWareki, type Era, type EraDateResult, type WarekiStyle } from './era';
export {
  parseDate,
  isDateObject,
  fiscalYearOf,
  fiscalYearRange,
  parseFiscalYear,
  formatFiscalYear,
  DATE_FAILURE_MESSAGES,
  type DateParse,
  type DateFailureReason,
  type FiscalYearParse,
} from './date';
export { parseNumber, type NumberParse, type ParseNumberOptions } from './number';
export { parseHours, type HoursParse } from './time';
export { isBlankCell, cellText } from './cell';
