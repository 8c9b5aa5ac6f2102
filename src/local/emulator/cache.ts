/** CacheService: document, user and script caches whose entries expire on the emulator clock, with Apps Script's limits. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';

type GasCache = GoogleAppsScript.Cache.Cache;

/** Apps Script: values up to 100 KB, keys up to 250 characters, 10 minutes by default, 6 hours at most. */
// real-sheets-checklist RS-20, RS-24: the user cache carries across executions, within these limits.
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_KEY_CHARS = 250;
export const DEFAULT_CACHE_SECONDS = 600;
export const MAX_CACHE_SECONDS = 21_600;

interface Entry {
  value: string;
  expiresAt: number;
}

const encoder = new TextEncoder();

const CACHE_METHODS = [
  'get',
  'getAll',
  'put',
  'putAll',
  'remove',
  'removeAll',
] as const satisfies readonly (keyof GasCache)[];

export class EmuCache extends Service implements Pick<GasCache, (typeof CACHE_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly entries: Map<string, Entry>,
  ) {
    super(ctx);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.ctx.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private entryFor(key: unknown, value: unknown, seconds: number | undefined): [string, Entry] {
    const k = String(key);
    if (k.length > MAX_CACHE_KEY_CHARS) throw new Error('Argument too large: key');
    const v = String(value);
    if (encoder.encode(v).length > MAX_CACHE_VALUE_BYTES) throw new Error('Argument too large: value');
    const ttl = Math.min(Math.max(seconds ?? DEFAULT_CACHE_SECONDS, 1), MAX_CACHE_SECONDS);
    return [k, { value: v, expiresAt: this.ctx.nowMs() + ttl * 1000 }];
  }

  get(key: string): string | null {
    return this.live(String(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.live(String(key));
      if (entry) found[String(key)] = entry.value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const [k, entry] = this.entryFor(key, value, expirationInSeconds);
    this.entries.set(k, entry);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    const prepared = Object.entries(values).map(([k, v]) => this.entryFor(k, v, expirationInSeconds));
    for (const [k, entry] of prepared) this.entries.set(k, entry);
  }

  remove(key: string): void {
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(String(key));
  }
}
countCalls(EmuCache, 'Cache', CACHE_METHODS);

const SERVICE_METHODS = [
  'getDocumentCache',
  'getScriptCache',
  'getUserCache',
] as const satisfies readonly (keyof GoogleAppsScript.Cache.CacheService)[];

export class EmuCacheService
  extends Service
  implements Pick<GoogleAppsScript.Cache.CacheService, (typeof SERVICE_METHODS)[number]>
{
  private readonly documentEntries = new Map<string, Entry>();
  private readonly scriptEntries = new Map<string, Entry>();
  private readonly userEntries = new Map<string, Entry>();

  getDocumentCache(): GasCache {
    return asGas(new EmuCache(this.ctx, this.documentEntries));
  }

  getScriptCache(): GasCache {
    return asGas(new EmuCache(this.ctx, this.scriptEntries));
  }

  getUserCache(): GasCache {
    return asGas(new EmuCache(this.ctx, this.userEntries));
  }
}
countCalls(EmuCacheService, 'CacheService', SERVICE_METHODS);
