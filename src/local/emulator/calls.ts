/** Call counting: the CallStats counter, the Service base class and countCalls, the one mechanism that counts every service method. */
import type { EmulatorContext } from './context';

/** How many times each service method was called, keyed 'Class.method' (e.g. 'Range.getValues'). */
export interface CallStats {
  count(key: string): number;
  total(): number;
  byMethod(): Record<string, number>;
  reset(): void;
}

export class CallCounter implements CallStats {
  private readonly counts = new Map<string, number>();

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Every emulated Apps Script object: it knows the emulator it belongs to, so its calls can be counted. */
export abstract class Service {
  constructor(protected readonly ctx: EmulatorContext) {}
}

/**
 * Wraps the listed prototype methods of an emulator class so that each call is counted once as
 * 'className.method'. The list is the same one the class `implements Pick<…>` with, so every
 * supported method is counted and nothing else (private helpers are not).
 * A call made while another service call is running (Range.getValue using getValues, say) is
 * not counted again: the counts are what the script itself asked Apps Script for.
 */
export function countCalls(
  cls: abstract new (...args: never[]) => Service,
  className: string,
  methods: readonly string[],
): void {
  const proto = cls.prototype as unknown as Record<string, unknown>;
  for (const method of methods) {
    const original = proto[method];
    if (typeof original !== 'function') {
      throw new Error(`emulator bug: ${className}.${method} is listed but not implemented`);
    }
    const key = `${className}.${method}`;
    const counted = function (this: Service, ...args: unknown[]): unknown {
      const ctx = (this as unknown as { ctx: EmulatorContext }).ctx;
      return ctx.call(key, () => (original as (...a: unknown[]) => unknown).apply(this, args));
    };
    Object.defineProperty(counted, 'name', { value: method });
    Object.defineProperty(proto, method, { value: counted, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * An emulator object stands in for the Apps Script interface whose methods it implements (its
 * class `implements Pick<…>` of that interface). Methods outside that subset are absent at run time.
 */
export function asGas<T>(impl: Service): T {
  return impl as unknown as T;
}
