/** Defines the public surface of core/sheets: kinds and specs, header detection, mappings, rows, records, settings. */
export {
  SHEET_KINDS,
  type SheetKind,
  type ColumnType,
  type ColumnSpec,
  type ColumnPatternSpec,
  type MinimumMatch,
  type SheetSpec,
  type SheetIssue,
} from './types';
export * from './lists';
export {
  SHEET_SPECS,
  getSpec,
  isSheetKind,
  columnSpecOf,
  contractColumns,
  splitPatternKey,
  personalKeys,
  kindFromName,
} from './specs';
export {
  detectSheet,
  detectHeader,
  diagnoseHeader,
  detectSheetAs,
  headerText,
  NAME_TIE_MARGIN,
  type Detection,
  type DetectedColumn,
  type DuplicateHeader,
  type DetectOptions,
  type HeaderDiagnosis,
} from './detect';
export {
  mappingFromDetection,
  applyMappingOverride,
  validateMapping,
  isKeyOf,
  serializeMappings,
  parseMappings,
  utf8ByteLength,
  MAPPINGS_MAX_BYTES,
  type ColumnMapping,
  type MappingOverride,
  type MappingResult,
  type ParsedMappings,
} from './mapping';
export { parseRows, columnLetter, type SheetRecord, type ParsedRows, type ParseRowsOptions } from './rows';
export {
  toVolunteer,
  toHelpRequest,
  toDonation,
  toMembership,
  toActivity,
  toConsultation,
  type Volunteer,
  type HelpRequest,
  type Donation,
  type Membership,
  type Activity,
  type Consultation,
} from './records';
export {
  parseSettings,
  defaultSettings,
  settingsList,
  areaOfPlace,
  DEFAULT_FISCAL_YEAR_START_MONTH,
  DEFAULT_SUPPRESSION_THRESHOLD,
  MIN_SUPPRESSION_THRESHOLD,
  type Settings,
  type Area,
  type ParsedSettings,
  type ParseSettingsOptions,
} from './settings';
export {
  defaultSettingsRows,
  defaultSettingsHeader,
  defaultIndicatorRows,
  defaultIndicatorHeader,
  DEFAULT_TARGET_YEARS,
  type DefaultCell,
} from './defaults';
