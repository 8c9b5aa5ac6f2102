/** Utilities: formatDate (Java patterns, any time zone), sleep on the emulator clock, deterministic UUIDs, digests, HMAC signatures, base64 and blobs. */
import { createHash, createHmac } from 'node:crypto';
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { formatJavaDate, isDate, timeOf } from './dates';
import { Charset, DigestAlgorithm, MacAlgorithm, RsaAlgorithm, enumName } from './enums';

type GasBlob = GoogleAppsScript.Base.Blob;
type Byte = GoogleAppsScript.Byte;

/** Apps Script bytes are Java bytes: signed, -128 to 127. */
function toSigned(bytes: Uint8Array): Byte[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function toUnsigned(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 0xff);
}

const BLOB_METHODS = [
  'copyBlob',
  'getBlob',
  'getBytes',
  'getContentType',
  'getDataAsString',
  'getName',
  'isGoogleType',
  'setBytes',
  'setContentType',
  'setDataFromString',
  'setName',
] as const satisfies readonly (keyof GasBlob)[];

export class EmuBlob extends Service implements Pick<GasBlob, (typeof BLOB_METHODS)[number]> {
  private data: Uint8Array = new Uint8Array();
  private contentType: string | null = null;
  private name: string | null = null;

  /** Internal: a blob holding bytes. */
  static of(ctx: EmulatorContext, data: Uint8Array, contentType: string | null, name: string | null): EmuBlob {
    const blob = new EmuBlob(ctx);
    blob.data = data;
    blob.contentType = contentType;
    blob.name = name;
    return blob;
  }

  copyBlob(): GasBlob {
    return asGas(EmuBlob.of(this.ctx, this.data.slice(), this.contentType, this.name));
  }

  getBlob(): GasBlob {
    return asGas(this);
  }

  getBytes(): Byte[] {
    return toSigned(this.data);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    return new TextDecoder(charset ?? 'utf-8').decode(this.data);
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: Byte[]): GasBlob {
    this.data = toUnsigned(data);
    return asGas(this);
  }

  setContentType(contentType: string | null): GasBlob {
    this.contentType = contentType;
    return asGas(this);
  }

  setDataFromString(text: string): GasBlob {
    this.data = new TextEncoder().encode(String(text));
    return asGas(this);
  }

  setName(name: string): GasBlob {
    this.name = String(name);
    return asGas(this);
  }
}
countCalls(EmuBlob, 'Blob', BLOB_METHODS);

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Java's String.format for the conversions scripts use: %s, %d, %f with precision, %%. */
function javaFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  const spec = /%(-?\d+)?(?:\.(\d+))?([sdf%])/g;
  return template.replace(
    spec,
    (_match, width: string | undefined, precision: string | undefined, conversion: string) => {
      if (conversion === '%') return '%';
      const arg = args[next];
      next += 1;
      let text: string;
      if (conversion === 'd') text = String(Math.trunc(Number(arg)));
      else if (conversion === 'f') text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else text = String(arg);
      if (width !== undefined) {
        const w = Math.abs(Number(width));
        text = Number(width) < 0 ? text.padEnd(w) : text.padStart(w);
      }
      return text;
    },
  );
}

const UTILITIES_METHODS = [
  'base64Decode',
  'base64DecodeWebSafe',
  'base64Encode',
  'base64EncodeWebSafe',
  'computeDigest',
  'computeHmacSha256Signature',
  'computeHmacSignature',
  'formatDate',
  'formatString',
  'getUuid',
  'newBlob',
  'sleep',
] as const satisfies readonly (keyof GoogleAppsScript.Utilities.Utilities)[];

type UtilitiesEnums = 'Charset' | 'DigestAlgorithm' | 'MacAlgorithm' | 'RsaAlgorithm';

export class EmuUtilities
  extends Service
  implements Pick<GoogleAppsScript.Utilities.Utilities, (typeof UTILITIES_METHODS)[number] | UtilitiesEnums>
{
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;
  private uuids = 0;

  private bytesOf(data: Byte[] | string, charset?: GoogleAppsScript.Utilities.Charset): Uint8Array {
    if (typeof data !== 'string') return toUnsigned(data);
    if (charset !== undefined && enumName(charset) === 'US_ASCII')
      return Uint8Array.from(data, (c) => c.charCodeAt(0) & 0x7f);
    return new TextEncoder().encode(data);
  }

  private hmac(
    name: string,
    value: Byte[] | string,
    key: Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    if (typeof value !== typeof key) {
      throw new Error(`The parameters (${typeof value},${typeof key}) don't match the method signature.`);
    }
    return toSigned(createHmac(name, this.bytesOf(key, charset)).update(this.bytesOf(value, charset)).digest());
  }

  base64Decode(encoded: string): Byte[] {
    return toSigned(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): Byte[] {
    return toSigned(Buffer.from(String(encoded), 'base64url'));
  }

  base64Encode(data: Byte[] | string): string {
    return Buffer.from(this.bytesOf(data)).toString('base64');
  }

  /** Web-safe base64 keeps its '=' padding in Apps Script. */
  base64EncodeWebSafe(data: Byte[] | string): string {
    return Buffer.from(this.bytesOf(data)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: Byte[] | string): Byte[] {
    const name = DIGESTS[enumName(algorithm)];
    if (!name) throw new Error('Invalid argument: algorithm');
    return toSigned(createHash(name).update(this.bytesOf(value)).digest());
  }

  /** HMAC-SHA256 of a string (UTF-8 unless a charset is given) or of bytes, as signed bytes. */
  // real-sheets-checklist RS-43
  computeHmacSha256Signature(
    value: Byte[] | string,
    key: Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    return this.hmac('sha256', value, key, charset);
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: Byte[] | string,
    key: Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    const name = MACS[enumName(algorithm)];
    if (!name) throw new Error('Invalid argument: algorithm');
    return this.hmac(name, value, key, charset);
  }

  /** Java SimpleDateFormat patterns in any time zone; Date objects from any realm. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) {
      throw new Error(
        `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
      );
    }
    return formatJavaDate(timeOf(date as unknown as Date), String(timeZone), String(format));
  }

  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(String(template), args);
  }

  /** Deterministic within an emulator, so runs can be compared; still a well-formed version-4 UUID. */
  getUuid(): string {
    this.uuids += 1;
    return `00000000-0000-4000-8000-${this.uuids.toString(16).padStart(12, '0')}`;
  }

  newBlob(data: Byte[] | string, contentType?: string, name?: string): GasBlob {
    return asGas(EmuBlob.of(this.ctx, this.bytesOf(data), contentType ?? null, name ?? null));
  }

  /** Moves the emulator clock instead of blocking (Apps Script caps one sleep at 5 minutes). */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > 300_000) throw new Error('Invalid argument: milliseconds');
    this.ctx.advance(ms);
  }
}
countCalls(EmuUtilities, 'Utilities', UTILITIES_METHODS);
