/** LockService: document, script and user locks for one execution, with a switch that lets a test have "another user" hold one. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';

type GasLock = GoogleAppsScript.Lock.Lock;

export type LockScope = 'document' | 'script' | 'user';

/** One lock as this execution sees it: held by us, held by someone else, or free. */
export interface LockState {
  heldHere: boolean;
  heldElsewhere: boolean;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

const LOCK_METHODS = ['hasLock', 'releaseLock', 'tryLock', 'waitLock'] as const satisfies readonly (keyof GasLock)[];

/** All Lock objects of one scope share one state, as they stand for the same lock in Apps Script. */
export class EmuLock extends Service implements Pick<GasLock, (typeof LOCK_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly state: LockState,
  ) {
    super(ctx);
  }

  hasLock(): boolean {
    return this.state.heldHere;
  }

  releaseLock(): void {
    this.state.heldHere = false;
  }

  /** While another process holds the lock, waiting uses up the whole timeout on the emulator clock. */
  // real-sheets-checklist RS-22
  tryLock(timeoutInMillis: number): boolean {
    if (this.state.heldHere) return true;
    if (this.state.heldElsewhere) {
      this.ctx.advance(Math.max(0, Number(timeoutInMillis) || 0));
      return false;
    }
    this.state.heldHere = true;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
}
countCalls(EmuLock, 'Lock', LOCK_METHODS);

const SERVICE_METHODS = [
  'getDocumentLock',
  'getScriptLock',
  'getUserLock',
] as const satisfies readonly (keyof GoogleAppsScript.Lock.LockService)[];

export class EmuLockService
  extends Service
  implements Pick<GoogleAppsScript.Lock.LockService, (typeof SERVICE_METHODS)[number]>
{
  readonly states: Record<LockScope, LockState> = {
    document: { heldHere: false, heldElsewhere: false },
    script: { heldHere: false, heldElsewhere: false },
    user: { heldHere: false, heldElsewhere: false },
  };

  getDocumentLock(): GasLock {
    return asGas(new EmuLock(this.ctx, this.states.document));
  }

  getScriptLock(): GasLock {
    return asGas(new EmuLock(this.ctx, this.states.script));
  }

  getUserLock(): GasLock {
    return asGas(new EmuLock(this.ctx, this.states.user));
  }

  /** Apps Script releases an execution's locks when it ends. */
  // real-sheets-checklist RS-22
  releaseAll(): void {
    for (const state of Object.values(this.states)) state.heldHere = false;
  }
}
countCalls(EmuLockService, 'LockService', SERVICE_METHODS);
