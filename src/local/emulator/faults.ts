/**
 * Fault injection: which service calls change the document, and a switch that makes the N-th of
 * them fail the way Apps Script fails when a quota or the time limit hits (docs/safety.md).
 */

/**
 * Classes whose calls never change the document: UI, HTML, caches, logs, session, utilities, locks,
 * and value objects that only describe something (a rule's copy() makes a builder, a finder only searches).
 */
const NEVER_MUTATING =
  /^(Ui|Menu|PromptResponse|Html\w*|Cache\w*|Logger|console|Session|User|Utilities|Lock\w*|Choice|DataValidation|DeveloperMetadataFinder|DeveloperMetadataLocation)$/;

/** Method names that change what the document holds (values, formats, notes, rules, sheets, charts, properties, forms, triggers). */
const MUTATING_METHOD =
  /^(set|insert|delete|clear|hide|show|append|add|remove|move|rename|check|uncheck|autoResize|merge|breakApart|create|copy|sort|protect|submit|update)/;

/** Selecting a cell or a sheet, a toast, or making a finder changes nothing a later reader sees. */
const SELECTION = /^(activate|setActive|toast|create\w*Finder$)/;

/**
 * Whether a service call ('Class.method') changes the document. A builder's setters only shape the
 * builder; its create() is what makes the trigger or rule exist.
 */
export function isMutatingCall(key: string): boolean {
  const dot = key.indexOf('.');
  const className = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (NEVER_MUTATING.test(className) || SELECTION.test(method)) return false;
  if (className.endsWith('Builder')) return method === 'create';
  return MUTATING_METHOD.test(method);
}

/**
 * The error Apps Script throws when a service gives up part-way (a timeout, a quota): the call's
 * own change does not happen, the calls before it stay done.
 */
// real-sheets-checklist RS-18: no transactions, what was written before the failing call stays.
export class InjectedFault extends Error {
  readonly injected = true;
  constructor(
    readonly call: string,
    readonly mutation: number,
  ) {
    super(`Exception: Service Spreadsheets timed out while accessing document with id tsunagu. (${call})`);
    this.name = 'Exception';
  }
}

/** Counts the mutating calls the script makes and, when armed, fails the N-th (1-based). */
export class FaultPlan {
  /** Mutating calls since the last reset, in order ('Range.setValues' …). */
  readonly mutations: string[] = [];
  private failAt: number | null = null;

  /** Fails the n-th mutating call from now (1-based); null disarms. Resets the count. */
  arm(n: number | null): void {
    if (n !== null && (!Number.isInteger(n) || n < 1)) throw new Error(`failAt must be a positive integer, got ${n}`);
    this.failAt = n;
    this.mutations.length = 0;
  }

  /** Forgets the count and disarms. */
  reset(): void {
    this.arm(null);
  }

  /** Called before every script-made service call; throws the injected fault at the armed one. */
  before(key: string): void {
    if (!isMutatingCall(key)) return;
    this.mutations.push(key);
    if (this.failAt !== null && this.mutations.length === this.failAt) {
      this.failAt = null;
      throw new InjectedFault(key, this.mutations.length);
    }
  }
}
