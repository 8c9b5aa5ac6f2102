/** The two things every section flow is built on: the typed server call and the shell's action runner. */
import type { RpcArgs, RpcName, RpcResults } from '../shared/rpc';

/** The typed server call (rpc-client's `call`, or a fake in tests). */
export type ServerCall = <N extends RpcName>(name: N, ...args: RpcArgs<N>) => Promise<RpcResults[N]>;

/** A staff action under the shell's progress indicator; failures go to its error area and give undefined. */
export type ActionRunner = <T>(task: () => Promise<T>) => Promise<T | undefined>;
