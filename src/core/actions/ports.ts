/** AppPorts: the set of ports an action receives from the composition root. */
import type { Clock, Dialogs, DocumentLock, DocumentStore, Signer, UserCache, Workbook } from '../ports';

export interface AppPorts {
  workbook: Workbook;
  store: DocumentStore;
  cache: UserCache;
  lock: DocumentLock;
  clock: Clock;
  signer: Signer;
  dialogs: Dialogs;
}
