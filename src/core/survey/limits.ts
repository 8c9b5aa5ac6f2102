/**
 * Defines the limits a definition is checked against before anything is built. Documented ones say
 * where; Google does not document text lengths or item counts for Forms, so Tsunagu applies its own
 * caps there (listed in docs/real-sheets-checklist.md to confirm on a real form).
 */
export const FORM_LIMITS = {
  /** ScaleItem.setBounds: "the lower bound must be 0 or 1 … the upper bound between 3 and 10" (Apps Script reference). */
  scaleLowBounds: [0, 1] as readonly number[],
  scaleHighMin: 3,
  scaleHighMax: 10,
  /** A Sheets cell holds at most 50,000 characters (Google Sheets help: "Files you can store in Google Drive"). */
  sheetCellChars: 50_000,
  /** Sheets has at most 18,278 columns (column ZZZ); each question (and each grid row) of a form is one column of its response sheet. */
  sheetColumns: 18_278,

  // Tsunagu's own caps (not documented by Google; docs/real-sheets-checklist.md):
  /** The form's title. */
  formTitleChars: 300,
  /** A section's or a question's title: a title longer than this is a paragraph and belongs in 説明. */
  itemTitleChars: 1_000,
  /** A form description, a section's or a question's help text, the confirmation message, the privacy notice. */
  helpTextChars: 4_000,
  /** One choice, grid row or grid column. */
  choiceChars: 500,
  /** Choices of one question (a 設定 list included). */
  choicesPerQuestion: 500,
  /** Rows or columns of one grid. */
  gridLines: 100,
  /** Items (questions, sections, the notice) of one form. */
  itemsPerForm: 500,
} as const;
