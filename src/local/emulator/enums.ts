/** The Apps Script enums the emulator hands out (Button, DataValidationCriteria, ItemType, …), as shared singleton objects. */

/** One enum member. Apps Script members are objects that print as their name; code compares them by identity. */
export interface EnumMember {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

/**
 * Builds an enum typed as the @types/google-apps-script enum T. The members are created once per
 * process, so `alert(...) === ui.Button.YES` holds across emulators, as it does in Apps Script.
 */
export function makeEnum<T>(names: readonly (keyof T & string)[]): T {
  const members: Record<string, EnumMember> = {};
  names.forEach((name, index) => {
    members[name] = Object.freeze({
      name: () => name,
      ordinal: () => index,
      toString: () => name,
      toJSON: () => name,
    });
  });
  return Object.freeze(members) as unknown as T;
}

/** The name of an enum member passed in by a script ('' when it is not one of ours). */
export function enumName(member: unknown): string {
  if (member !== null && typeof member === 'object' && typeof (member as EnumMember).name === 'function') {
    return (member as EnumMember).name();
  }
  return typeof member === 'string' ? member : '';
}

export const Button = makeEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);
export const Weekday = makeEnum<typeof GoogleAppsScript.Base.Weekday>([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);

export const DataValidationCriteria = makeEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const SandboxMode = makeEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

export const AuthMode = makeEnum<typeof GoogleAppsScript.Script.AuthMode>([
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);
export const AuthorizationStatus = makeEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>([
  'REQUIRED',
  'NOT_REQUIRED',
]);
export const EventType = makeEnum<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const InstallationSource = makeEnum<typeof GoogleAppsScript.Script.InstallationSource>([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);
export const TriggerSource = makeEnum<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);

export const ItemType = makeEnum<typeof GoogleAppsScript.Forms.ItemType>([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
]);
export const DestinationType = makeEnum<typeof GoogleAppsScript.Forms.DestinationType>(['SPREADSHEET']);
export const PageNavigationType = makeEnum<typeof GoogleAppsScript.Forms.PageNavigationType>([
  'CONTINUE',
  'GO_TO_PAGE',
  'RESTART',
  'SUBMIT',
]);
export const Alignment = makeEnum<typeof GoogleAppsScript.Forms.Alignment>(['LEFT', 'CENTER', 'RIGHT']);
export const FeedbackType = makeEnum<typeof GoogleAppsScript.Forms.FeedbackType>(['CORRECT', 'INCORRECT', 'GENERAL']);

export const DigestAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]);
export const Charset = makeEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
export const MacAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const RsaAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.RsaAlgorithm>(['RSA_SHA_1', 'RSA_SHA_256']);
export const DeveloperMetadataVisibility = makeEnum<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>([
  'DOCUMENT',
  'PROJECT',
]);
export const DeveloperMetadataLocationType = makeEnum<
  typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType
>(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
export const CopyPasteType = makeEnum<typeof GoogleAppsScript.Spreadsheet.CopyPasteType>([
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
]);
export const ValueType = makeEnum<typeof GoogleAppsScript.Spreadsheet.ValueType>(['IMAGE']);
