/** GasDocumentStore and GasUserCache: the small key/value ports on PropertiesService and CacheService. */
import type { DocumentStore, UserCache } from '../core/ports';

export class GasDocumentStore implements DocumentStore {
  constructor(private readonly props: GoogleAppsScript.Properties.Properties) {}

  get(key: string): string | null {
    return this.props.getProperty(key);
  }

  set(key: string, value: string): void {
    this.props.setProperty(key, value);
  }

  remove(key: string): void {
    this.props.deleteProperty(key);
  }
}

export class GasUserCache implements UserCache {
  constructor(private readonly cache: GoogleAppsScript.Cache.Cache | null) {}

  get(key: string): string | null {
    return this.cache ? this.cache.get(key) : null;
  }

  put(key: string, value: string, seconds: number): void {
    this.cache?.put(key, value, seconds);
  }

  remove(key: string): void {
    this.cache?.remove(key);
  }
}
