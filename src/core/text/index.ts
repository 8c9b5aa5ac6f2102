/** Defines the public surface of core/text: Japanese normalisation, width and spaces, kana, multi-value cells, yes/no, dates, numbers and amounts, phone, postal code, e-mail, availability, the formula guard. */
export { normalizeText, normalizeHeader } from './normalize';
export { splitMulti, type SplitMultiOptions } from './multi';
export { parseYesNo, type YesNo } from './yesno';
export { guardFormula, needsFormulaGuard, guardCell } from './formula';
export { PlainDate, daysInMonth } from './plainDate';
export {
  ERAS,
  eraByName,
  warekiOf,
  dateFromWareki,
  inEra,
  formatWareki,
  type Era,
  type EraDateResult,
  type WarekiStyle,
} from './era';
export {
  parseDate,
  toISODateText,
  isDateObject,
  fiscalYearOf,
  fiscalYearRange,
  parseFiscalYear,
  formatFiscalYear,
  DATE_FAILURE_MESSAGES,
  type DateParse,
  type ISODateText,
  type DateFailureReason,
  type FiscalYearParse,
} from './date';
export { parseNumber, type NumberParse, type ParseNumberOptions } from './number';
export { parseHours, type HoursParse } from './time';
export { isBlankCell, cellText } from './cell';
export { fixWidth, cleanSpaces } from './width';
export { toKatakana, checkKatakana, type KanaCheck } from './kana';
export { parseAmount, type AmountParse } from './amount';
export { parsePhone, type PhoneParse, type PhoneType } from './phone';
export { parsePostal, type PostalParse } from './postal';
export { parseEmail, type EmailParse } from './email';
export {
  parseAvailability,
  formatSlots,
  slotKey,
  type AvailabilityParse,
  type Slot,
  type Period,
  type Weekday,
} from './availability';
