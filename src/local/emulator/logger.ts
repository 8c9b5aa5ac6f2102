/** Logger and console: everything a script logs is captured in the emulator's logs, never printed. */
import { format } from 'node:util';
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { isDate, timeOf } from './dates';

/** One log line from Logger.log or console.* arguments: a format string with values, or values joined by spaces. */
export function logLine(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdifjoO%]/.test(first)) return format(first, ...rest);
  return args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      if (isDate(arg)) return new Date(timeOf(arg)).toString();
      if (arg !== null && typeof arg === 'object') {
        try {
          return JSON.stringify(arg);
        } catch {
          return String(arg);
        }
      }
      return String(arg);
    })
    .join(' ');
}

const LOGGER_METHODS = ['clear', 'getLog', 'log'] as const satisfies readonly (keyof GoogleAppsScript.Base.Logger)[];

export class EmuLogger extends Service implements Pick<GoogleAppsScript.Base.Logger, (typeof LOGGER_METHODS)[number]> {
  private lines: string[] = [];

  clear(): void {
    this.lines = [];
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  log(...args: unknown[]): GoogleAppsScript.Base.Logger {
    const line = logLine(args);
    this.lines.push(line);
    this.ctx.logs.push(line);
    return asGas(this);
  }
}
countCalls(EmuLogger, 'Logger', LOGGER_METHODS);

/** The console methods Apps Script's V8 runtime offers. */
export interface EmulatedConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  time(label: string): void;
  timeEnd(label: string): void;
}

const CONSOLE_METHODS = [
  'error',
  'info',
  'log',
  'time',
  'timeEnd',
  'warn',
] as const satisfies readonly (keyof EmulatedConsole)[];

export class EmuConsole extends Service implements EmulatedConsole {
  private readonly timers = new Map<string, number>();

  constructor(ctx: EmulatorContext) {
    super(ctx);
    // console methods work unbound in V8 (`rows.forEach(console.log)`), so these are bound too.
    for (const name of CONSOLE_METHODS) {
      const method = this[name] as (...args: unknown[]) => void;
      Object.defineProperty(this, name, { value: method.bind(this), enumerable: false });
    }
  }

  error(...args: unknown[]): void {
    this.ctx.logs.push(logLine(args));
  }

  info(...args: unknown[]): void {
    this.ctx.logs.push(logLine(args));
  }

  log(...args: unknown[]): void {
    this.ctx.logs.push(logLine(args));
  }

  time(label: string): void {
    this.timers.set(String(label), this.ctx.nowMs());
  }

  timeEnd(label: string): void {
    const start = this.timers.get(String(label));
    if (start === undefined) return;
    this.timers.delete(String(label));
    this.ctx.logs.push(`${String(label)}: ${this.ctx.nowMs() - start}ms`);
  }

  warn(...args: unknown[]): void {
    this.ctx.logs.push(logLine(args));
  }
}
countCalls(EmuConsole, 'console', CONSOLE_METHODS);
