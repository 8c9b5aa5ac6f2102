/** Defines estimateRecordChars: about how long an action's history record will be, known before it writes. */

/** Characters of a change besides its values ([0,12345,12,"v",…]) and of a row print per changed row (3 per cell, ~30 cells). */
const PER_CHANGE = 30;
const PER_ROW = 110;

/**
 * An estimate, from the values an action is about to write and what the cells show now, of the
 * characters its record will take: History.prepare refuses an action that would not fit before
 * it writes anything (and History.record checks the exact length afterwards).
 */
export function estimateRecordChars(writes: readonly { before: string; after: string }[]): number {
  let chars = 200;
  for (const w of writes) chars += w.before.length + w.after.length + PER_CHANGE + PER_ROW;
  return chars;
}
