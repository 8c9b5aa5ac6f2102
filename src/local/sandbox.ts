/** The sandbox: runs the built dist/Code.js in a node:vm context holding only JavaScript built-ins and the emulator's services. */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/**
 * Host and browser globals Apps Script does not have. Each is watched: touching one is recorded
 * (and answers undefined, as a missing global does under `typeof`), so a test can fail on it.
 */
// real-sheets-checklist RS-25
export const FORBIDDEN_GLOBALS = [
  'require',
  'module',
  'exports',
  'process',
  'Buffer',
  'global',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'fetch',
  'structuredClone',
  'window',
  'document',
  'navigator',
  'self',
  'WebAssembly',
] as const;

export interface SandboxOptions {
  /** Milliseconds one entry-point call may run before it is stopped. */
  timeoutMs?: number;
  /**
   * The clock the bundle's `new Date()` and `Date.now()` read (milliseconds since the epoch); the
   * host's clock by default. Tests fix it so that what an action records is the same on every run.
   */
  now?: () => number;
}

/**
 * A Date constructor whose "now" is the given clock. Its prototype is the host's Date.prototype, so
 * Date cells from the emulator still pass `instanceof Date` inside the bundle.
 */
function clockDate(now: () => number): DateConstructor {
  const ClockDate = function (this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Date(now()).toString();
    if (args.length === 0) return new Date(now());
    return new (Date as unknown as new (...a: unknown[]) => Date)(...args);
  };
  Object.defineProperty(ClockDate, 'prototype', { value: Date.prototype });
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, 'length', { value: 7 });
  Object.assign(ClockDate, { now: () => now(), UTC: Date.UTC, parse: Date.parse });
  return ClockDate as unknown as DateConstructor;
}

export class Sandbox {
  /** Forbidden globals the bundle touched, in order, with repeats. */
  readonly violations: string[] = [];
  private readonly context: vm.Context;
  private readonly timeoutMs: number;

  constructor(code: string, services: object, options: SandboxOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    const sandbox: Record<string, unknown> = Object.create(null);
    for (const [name, value] of Object.entries(services)) sandbox[name] = value;
    // The host's Date, so Date cells from the emulator pass `instanceof Date` inside the bundle
    // as they do in Apps Script. It is still the JavaScript built-in.
    sandbox.Date = options.now ? clockDate(options.now) : Date;
    for (const name of FORBIDDEN_GLOBALS) {
      Object.defineProperty(sandbox, name, {
        configurable: false,
        enumerable: false,
        get: () => {
          this.violations.push(name);
          return undefined;
        },
        set: () => {
          this.violations.push(name);
        },
      });
    }
    this.context = vm.createContext(sandbox, {
      name: 'Apps Script sandbox',
      codeGeneration: { strings: false, wasm: false },
    });
    // globalThis inside the context must not be a way around the watch list.
    vm.runInContext(code, this.context, { filename: 'Code.js', timeout: this.timeoutMs });
  }

  /** Loads dist/Code.js from disk. */
  static fromFile(path: string, services: object, options?: SandboxOptions): Sandbox {
    return new Sandbox(readFileSync(path, 'utf8'), services, options);
  }

  /** Names of the top-level functions the bundle declares, as Apps Script lists them in its Run menu. */
  topLevelFunctions(): string[] {
    // Read descriptors, not values, so the watched getters are not tripped by the listing itself.
    const script = `Object.getOwnPropertyNames(globalThis).filter(function (n) {
      var d = Object.getOwnPropertyDescriptor(globalThis, n);
      if (!d || typeof d.value !== 'function') return false;
      var src = Function.prototype.toString.call(d.value);
      return /^function /.test(src) && src.indexOf('[native code]') < 0;
    })`;
    const names = vm.runInContext(script, this.context) as string[];
    return [...names].sort();
  }

  hasFunction(name: string): boolean {
    return this.topLevelFunctions().includes(name);
  }

  /** Calls a top-level function of the bundle by name, as Apps Script does for menus, triggers and google.script.run. */
  call(name: string, ...args: unknown[]): unknown {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not a function name: ${name}`);
    const fn = vm.runInContext(`typeof ${name} === 'function' ? ${name} : undefined`, this.context) as
      ((...a: unknown[]) => unknown) | undefined;
    if (!fn) throw new Error(`Script function not found: ${name}`);
    this.context.__tsunaguArgs = args;
    try {
      return vm.runInContext(`${name}.apply(null, __tsunaguArgs)`, this.context, { timeout: this.timeoutMs });
    } finally {
      delete this.context.__tsunaguArgs;
    }
  }
}
