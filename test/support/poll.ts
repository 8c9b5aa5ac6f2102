/**
 * poll(read).toBe(x): reads again until the matcher passes or the time is up, then fails with the
 * matcher's own message — for what a browser shows a moment after an action.
 */
import { expect } from './expect';

type Matchers = ReturnType<typeof expect>;
type Async<M> = { [K in keyof M]: M[K] extends (...args: infer A) => unknown ? (...args: A) => Promise<void> : never };
type PollMatchers = Async<Omit<Matchers, 'not' | 'resolves' | 'rejects'>> & {
  not: Async<Omit<Matchers['not'], 'resolves' | 'rejects'>>;
};

export interface PollOptions {
  /** How long to keep reading, in ms (default 5,000). */
  timeout?: number;
  /** The pause between reads, in ms (default 50). */
  interval?: number;
}

export function poll<T>(
  read: () => T | Promise<T>,
  { timeout = 5_000, interval = 50 }: PollOptions = {},
): PollMatchers {
  const matcher =
    (negated: boolean, name: string) =>
    async (...args: unknown[]): Promise<void> => {
      const deadline = Date.now() + timeout;
      for (;;) {
        const value = await read();
        const base = expect(value) as unknown as Record<string, Record<string, (...a: unknown[]) => void>>;
        const target = (negated ? base.not : base) as unknown as Record<string, (...a: unknown[]) => void>;
        try {
          target[name]!(...args);
          return;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    };
  const side = (negated: boolean): Record<string, unknown> =>
    new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? matcher(negated, name) : undefined) });
  const positive = side(false);
  return new Proxy(positive, {
    get: (target, name) => (name === 'not' ? side(true) : Reflect.get(target, name)),
  }) as unknown as PollMatchers;
}
