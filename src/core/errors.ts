/** Errors the program cannot go on from, each with a message staff can read in Japanese and English. */

/** A stop that staff can act on: the action is refused with a clear message and nothing is written. */
export class UserError extends Error {
  readonly code: string;
  readonly ja: string;
  readonly en: string;

  constructor(code: string, ja: string, en: string) {
    super(`${ja} / ${en}`);
    this.name = 'UserError';
    this.code = code;
    this.ja = ja;
    this.en = en;
  }
}

/** The document lock could not be had in time: someone else is writing. */
export class LockBusyError extends UserError {
  constructor() {
    super(
      'lock.busy',
      '他の人がこのスプレッドシートを更新中です。少し待ってからもう一度お試しください。',
      'Someone else is updating this spreadsheet. Please wait a moment and try again.',
    );
    this.name = 'LockBusyError';
  }
}

/**
 * A write failed and putting back what it had done failed too: the workbook is not as it was.
 * (Its message names only the error's type; never cell contents.)
 */
export class UndoIncomplete extends Error {
  constructor(readonly failure: unknown) {
    super('the write failed and could not be taken back completely');
    this.name = 'UndoIncomplete';
  }
}
