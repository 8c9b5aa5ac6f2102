/** GasSigner: the Signer port on Utilities — HMAC-SHA256 signatures and keys from random UUIDs. */
import type { Signer } from '../core/ports';

export class GasSigner implements Signer {
  constructor(private readonly utilities: GoogleAppsScript.Utilities.Utilities) {}

  hmacSha256(key: string, message: string): string {
    const bytes = this.utilities.computeHmacSha256Signature(message, key, this.utilities.Charset.UTF_8);
    let hex = '';
    for (const b of bytes) hex += ((b + 256) % 256).toString(16).padStart(2, '0');
    return hex;
  }

  /** Two version-4 UUIDs: 244 random bits from the secure random source behind Utilities.getUuid. */
  newKey(): string {
    return `${this.utilities.getUuid()}${this.utilities.getUuid()}`.replace(/-/g, '');
  }
}
