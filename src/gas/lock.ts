/** GasDocumentLock: the DocumentLock port on LockService's document lock. */
import { LockBusyError } from '../core/errors';
import type { DocumentLock } from '../core/ports';

const WAIT_MS = 10_000;

export class GasDocumentLock implements DocumentLock {
  constructor(private readonly service: GoogleAppsScript.Lock.LockService) {}

  run<T>(fn: () => T): T {
    const lock = this.service.getDocumentLock();
    if (!lock || !lock.tryLock(WAIT_MS)) throw new LockBusyError();
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  }
}
