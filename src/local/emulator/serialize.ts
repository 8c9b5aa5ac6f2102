/** serializeForRun: what google.script.run lets through between the sidebar and the server, and what it refuses. */
import { isDate } from './dates';

/** A payload google.script.run would refuse; path says where the illegal value sits ('0.items.2.date'). */
export class RunSerializationError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`Failed due to illegal value in property: ${path === '' ? '(the value itself)' : path} (${kind})`);
    this.name = 'RunSerializationError';
  }
}

/** A plain object from any realm (the sandbox's objects have the sandbox's Object.prototype). */
function isPlainObject(value: object): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  return (
    Object.getPrototypeOf(proto) === null &&
    typeof (proto as { constructor?: { name?: string } }).constructor === 'function' &&
    (proto as { constructor: { name: string } }).constructor.name === 'Object'
  );
}

function kindOf(value: unknown): string {
  if (isDate(value)) return 'Date';
  if (typeof value === 'function') return 'function';
  if (typeof value !== 'object' || value === null) return typeof value;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return tag !== 'Object' ? tag : name ? `instance of ${name}` : 'object';
}

/**
 * Passes a value through google.script.run's rules, as arguments and return values cross between
 * the sidebar and the server:
 * - strings, booleans, null, arrays and plain objects pass; numbers pass, but NaN and ±Infinity become null;
 * - undefined becomes null as a value and inside arrays (holes too); object properties that are
 *   undefined are dropped, as JSON drops them; every other own key is kept as a key, '__proto__' too;
 * - a Date, a function, a symbol, a bigint, a Map or Set, or any other class instance anywhere
 *   in the payload, or a circular reference, makes the call fail (RunSerializationError).
 * Apps Script is looser in one place: a Date inside a server function's return value makes the
 * client receive null instead of an error. The emulator fails loudly in both directions, because
 * a payload with a Date is a bug in Tsunagu either way.
 */
// real-sheets-checklist RS-21
export function serializeForRun(value: unknown): unknown {
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): unknown => {
    if (v === undefined || v === null) return null;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
      case 'object':
        break;
      default:
        throw new RunSerializationError(path, kindOf(v));
    }
    const obj = v as object;
    if (seen.has(obj)) throw new RunSerializationError(path, 'circular reference');
    const child = (key: string) => (path === '' ? key : `${path}.${key}`);
    if (Array.isArray(obj)) {
      seen.add(obj);
      const out: unknown[] = [];
      for (let i = 0; i < obj.length; i += 1) out.push(walk((obj as unknown[])[i], child(String(i))));
      seen.delete(obj);
      return out;
    }
    if (!isPlainObject(obj)) throw new RunSerializationError(path, kindOf(obj));
    seen.add(obj);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      const item = (obj as Record<string, unknown>)[key];
      if (item === undefined) continue;
      // defineProperty, not assignment: an own '__proto__' key stays an ordinary key, as JSON.parse
      // makes it, instead of setting the copy's prototype.
      Object.defineProperty(out, key, {
        value: walk(item, child(key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    seen.delete(obj);
    return out;
  };
  return walk(value, '');
}
