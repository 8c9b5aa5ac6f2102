/** decodeRunArgs: rebuilds the values the sidebar shim tagged (Date, undefined, functions, NaN…) so google.script.run's rules can judge the real payload. */
import { WIRE_TAG } from './shim';

/** A payload the studio cannot read at all (as opposed to one google.script.run refuses). */
export class WireError extends Error {
  override name = 'WireError';
}

const MAX_DEPTH = 200;

/** A stand-in instance whose class carries the name the browser reported, so the refusal names it. */
function instanceNamed(name: string): object {
  switch (name) {
    case 'Map':
      return new Map();
    case 'Set':
      return new Set();
    case 'RegExp':
      return /(?:)/;
    default: {
      const safe = /^[A-Za-z_$][\w$]{0,39}$/.test(name) ? name : 'Object';
      const named = { [safe]: class {} }[safe]!;
      return new named();
    }
  }
}

function decodeTagged(tag: unknown, value: unknown): unknown {
  switch (tag) {
    case 'undefined':
      return undefined;
    case 'date':
      return new Date(typeof value === 'string' ? value : Number.NaN);
    case 'number':
      return Number(value);
    case 'function': {
      const fn = function () {};
      Object.defineProperty(fn, 'name', { value: typeof value === 'string' ? value : '' });
      return fn;
    }
    case 'unsupported':
      if (value === 'bigint') return BigInt(0);
      if (value === 'symbol') return Symbol('from the sidebar');
      return instanceNamed(typeof value === 'string' ? value : 'Object');
    default:
      throw new WireError(`unknown value type in the payload: ${String(tag)}`);
  }
}

function decode(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new WireError('the payload is nested too deeply');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => decode(item, depth + 1));
  const record = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, WIRE_TAG)) return decodeTagged(record[WIRE_TAG], record.value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    // A JSON key "__proto__" is an own property; keep it one instead of changing the prototype.
    Object.defineProperty(out, key, {
      value: decode(record[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The arguments of one google.script.run call, from the request body {args: [...]}. */
export function decodeRunArgs(body: Record<string, unknown>): unknown[] {
  const args = body.args === undefined ? [] : body.args;
  if (!Array.isArray(args)) throw new WireError('"args" must be an array');
  return args.map((arg) => decode(arg, 1));
}
