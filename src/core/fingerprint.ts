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

  /**
   * Adds a cell value: Dates by their instant, everything else by its text and type. A Date with
   * no instant (a number too large for a date, under a date format) must not stop an action
   * (real-sheets-checklist RS-29).
   */
  addCell(value: unknown): this {
    if (!isDateObject(value)) return this.add(`${typeof value}:${String(value)}`);
    const ms = value.getTime();
    return this.add(Number.isNaN(ms) ? 'd:invalid' : `d${value.toISOString()}`);
  }

  toString(): string {
    return `${this.count}-${this.hash.toString(16)}`;
  }
}
