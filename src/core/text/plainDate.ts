/** Defines PlainDate: a calendar day without time or time zone (proleptic Gregorian, years 1–9999). */

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

// Day numbers are days since 1970-01-01, computed with integer arithmetic (H. Hinnant's
// days_from_civil) rather than Date, so no time zone and no two-digit-year quirk of Date.UTC.
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilOf(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const MIN_DAY = dayNumberOf(1, 1, 1);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DAY = dayNumberOf(9999, 12, 31);

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/**
 * A calendar day. Immutable; build one with PlainDate.of (null for an impossible day such as
 * 2月30日). JSON.stringify writes it as an ISO date, so it is safe in RPC payloads' JSON.
 */
export class PlainDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** The day, or null when it does not exist (month 13, 2月30日, year 0 …). */
  static of(year: number, month: number, day: number): PlainDate | null {
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
    if (day > daysInMonth(year, month)) return null;
    return new PlainDate(year, month, day);
  }

  /** The day n days after 1970-01-01 (negative before), or null outside years 1–9999. */
  static fromDayNumber(n: number): PlainDate | null {
    if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) return null;
    const [y, m, d] = civilOf(n);
    return new PlainDate(y, m, d);
  }

  /** Reads exactly YYYY-MM-DD; null otherwise. For everything staff type, use parseDate. */
  static fromISO(s: string): PlainDate | null {
    const m = ISO_DATE.exec(s);
    return m ? PlainDate.of(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }

  toDayNumber(): number {
    return dayNumberOf(this.year, this.month, this.day);
  }

  /** The day n days later (earlier for negative n); null past the supported range. */
  addDays(n: number): PlainDate | null {
    return PlainDate.fromDayNumber(this.toDayNumber() + n);
  }

  compare(other: PlainDate): -1 | 0 | 1 {
    const a = this.toDayNumber();
    const b = other.toDayNumber();
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: PlainDate): boolean {
    return this.year === other.year && this.month === other.month && this.day === other.day;
  }

  /** '2024-04-01'. */
  toISO(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  toJSON(): string {
    return this.toISO();
  }

  toString(): string {
    return this.toISO();
  }
}
