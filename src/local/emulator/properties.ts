/** PropertiesService: document, user and script property stores, with Apps Script's size limits. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';

type GasProperties = GoogleAppsScript.Properties.Properties;

/** Apps Script quotas: 9 KB per value, 500 KB per store (keys and values, UTF-8). */
// real-sheets-checklist RS-23
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const encoder = new TextEncoder();

function bytes(text: string): number {
  return encoder.encode(text).length;
}

function storeSize(store: ReadonlyMap<string, string>): number {
  let size = 0;
  for (const [key, value] of store) size += bytes(key) + bytes(value);
  return size;
}

/** Checks a change to a store before it is made, so a refused write changes nothing. */
function checkLimits(after: ReadonlyMap<string, string>, written: Iterable<string>): void {
  for (const value of written) {
    if (bytes(value) > MAX_PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
  }
  if (storeSize(after) > MAX_PROPERTY_STORE_BYTES) {
    throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
  }
}

const PROPERTIES_METHODS = [
  'deleteAllProperties',
  'deleteProperty',
  'getKeys',
  'getProperties',
  'getProperty',
  'setProperties',
  'setProperty',
] as const satisfies readonly (keyof GasProperties)[];

/** One property store. Everything is kept as a string, as Apps Script does (setProperty('n', 5) stores '5'). */
export class EmuProperties extends Service implements Pick<GasProperties, (typeof PROPERTIES_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly store: Map<string, string>,
  ) {
    super(ctx);
  }

  private get self(): GasProperties {
    return asGas(this);
  }

  deleteAllProperties(): GasProperties {
    this.store.clear();
    return this.self;
  }

  deleteProperty(key: string): GasProperties {
    this.store.delete(String(key));
    return this.self;
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    if (properties === null || typeof properties !== 'object') throw new Error('Invalid argument: properties');
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    const after = new Map(deleteAllOthers ? [] : this.store);
    for (const [k, v] of entries) after.set(k, v);
    checkLimits(
      after,
      entries.map(([, v]) => v),
    );
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of entries) this.store.set(k, v);
    return this.self;
  }

  setProperty(key: string, value: string): GasProperties {
    if (key === null || key === undefined || String(key) === '') throw new Error('Invalid argument: key');
    const text = String(value);
    const after = new Map(this.store);
    after.set(String(key), text);
    checkLimits(after, [text]);
    this.store.set(String(key), text);
    return this.self;
  }
}
countCalls(EmuProperties, 'Properties', PROPERTIES_METHODS);

const SERVICE_METHODS = [
  'getDocumentProperties',
  'getScriptProperties',
  'getUserProperties',
] as const satisfies readonly (keyof GoogleAppsScript.Properties.PropertiesService)[];

export class EmuPropertiesService
  extends Service
  implements Pick<GoogleAppsScript.Properties.PropertiesService, (typeof SERVICE_METHODS)[number]>
{
  /** Per user and per script stores; the document store lives in the workbook, so it is saved with it. */
  readonly userStore = new Map<string, string>();
  readonly scriptStore = new Map<string, string>();

  getDocumentProperties(): GasProperties {
    return asGas(new EmuProperties(this.ctx, this.ctx.workbook.documentProperties));
  }

  getScriptProperties(): GasProperties {
    return asGas(new EmuProperties(this.ctx, this.scriptStore));
  }

  getUserProperties(): GasProperties {
    return asGas(new EmuProperties(this.ctx, this.userStore));
  }
}
countCalls(EmuPropertiesService, 'PropertiesService', SERVICE_METHODS);
