/** A short fingerprint of some text (FNV-1a, 32 bit): to notice that data changed between two steps, not for security. */
import { isDateObject } from './text/date';

export class Fingerprint {
  private hash = 0x811c9dc5;
  private count = 0;

  add(text: string): this {
    let hash = this.hash;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    // A separator, so ['ab', 'c'] and ['a', 'bc'] differ.
    this.hash = Math.imul(hash ^ 0x1f, 0x01000193) >>> 0;
    this.count++;
    return this;
  }

  /** Adds a cell value: Dates by their instant, everything else by its text and type. */
  addCell(value: unknown): this {
    return this.add(isDateObject(value) ? `d${value.toISOString()}` : `${typeof value}:${String(value)}`);
  }

  toString(): string {
    return `${this.count}-${this.hash.toString(16)}`;
  }
}
