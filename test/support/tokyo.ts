// The instant Tokyo's clocks show a wall-clock time, by the time-zone database (Intl), independently of the code under test.
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The offset of Tokyo's clocks from UTC at an instant. */
export function tokyoOffsetAt(ms: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant at which Tokyo's clocks show the date and time (+9 h, +10 h in the 1948–51 summers). */
export function tokyoInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let ms = wall - tokyoOffsetAt(wall - 9 * 3_600_000);
  ms = wall - tokyoOffsetAt(ms);
  return new Date(ms);
}
