/** Defines the public surface of core/survey: definitions, checks, templates, やさしい日本語, form specs, answers back, QR codes, flyers (docs/forms.md). */
export * from './types';
export { readSurveyDefinition, type SurveySheetInput } from './definition';
export {
  JAPANESE,
  YASASHII,
  KNOWN_LANGUAGES,
  parseLanguage,
  languageName,
  htmlLang,
  compareLanguages,
} from './languages';
export { respondentMessage, hasRespondentMessages, type RespondentMessageKey } from './messages';
export { FORM_LIMITS } from './limits';
export {
  splitChoices,
  settingsListRef,
  parseGrid,
  parseScale,
  parseRule,
  parseBranches,
  parseIndicatorIds,
  checkPattern,
  type Read,
  type BranchEntry,
} from './syntax';
export {
  destinationKind,
  destinationName,
  targetColumn,
  isPersonalQuestion,
  surveyAnswerColumn,
  RESERVED_VOLUNTEER_KEYS,
  SURVEY_ANSWER_FIXED_COLUMNS,
} from './targets';
export {
  buildFormSpec,
  buildFormSpecs,
  pageNavigation,
  sectionKey,
  specValidation,
  isConsentQuestion,
  NOTICE_KEY,
  type FormSpec,
  type SpecItem,
  type SpecItemType,
  type SpecChoice,
  type SpecGoTo,
  type SpecValidation,
} from './spec';
export { yasashiiSuggestions, kanjiWithoutReading, YASASHII_SENTENCE_CHARS, type YasashiiSuggestion } from './yasashii';
export {
  TEMPLATE_NAMES,
  TEMPLATE_KEYS,
  isTemplateName,
  templateHeader,
  templateRows,
  templateCells,
  type TemplateName,
} from './templates';
export { specItemFingerprint, storedItem, formIdFromUrl, type StoredForm, type StoredItem } from './item-map';
export {
  FormGoneError,
  type FormMaker,
  type BuiltForm,
  type FormStatus,
  type ItemNote,
  type UpdateOptions,
} from './ports';
export {
  matchResponseColumns,
  readResponses,
  type ResponseColumns,
  type QuestionColumns,
  type ResponseColumnNotice,
  type FormResponse,
  type RawAnswer,
  type AnswerCell,
} from './responses';
export { canonicalAnswer, splitPicked, typedText, type CanonicalAnswer } from './canonical';
export {
  volunteerCandidate,
  activityRow,
  surveyAnswerRow,
  surveyAnswerHeader,
  gridSlots,
  headerOfKey,
  DEFAULT_REGISTRATION_STATUS,
  REGISTRATION_STATUS_SETTING,
  type AnswerRow,
  type UnmatchedAnswer,
} from './destinations';
export { checkCandidates, nextIds, type CandidateCheck, type DestinationSheet } from './candidates';
export { makeQrCode, qrSvg, qrGifDataUrl, utf8Binary, type QrCode, type QrLevel } from './qr';
export {
  flyerHtml,
  flyerContact,
  escapeHtml,
  CONTACT_SETTING,
  FLYER_DESCRIPTION_CHARS,
  type FlyerInput,
} from './flyer';
