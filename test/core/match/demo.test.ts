// A realistic run: matchVolunteers on the demo workbook (300 volunteers, 120 requests), read as the add-on reads sheets.
// Its speed is in bench/match-demo.ts.
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { matchVolunteers, type MatchInput, type MatchResult } from '../../../src/core/match';
import { detectHeader } from '../../../src/core/sheets/detect';
import { mappingFromDetection } from '../../../src/core/sheets/mapping';
import { toActivity, toHelpRequest, toVolunteer } from '../../../src/core/sheets/records';
import { parseRows } from '../../../src/core/sheets/rows';
import { defaultSettingsRows, parseSettings } from '../../../src/core/sheets/settings';
import type { SheetKind } from '../../../src/core/sheets/types';
import { PlainDate } from '../../../src/core/text/plainDate';
import { DEFAULT_TODAY, generateDemoBook, type DemoBook } from '../../../src/local/demo';
import { capacityOf, isCandidate, placesOf } from './rules';

const settings = parseSettings(defaultSettingsRows()).settings;
const today = PlainDate.of(DEFAULT_TODAY.year, DEFAULT_TODAY.month, DEFAULT_TODAY.day) as PlainDate;

function inputOf(book: DemoBook): MatchInput {
  return {
    volunteers: recordsOf(book, 'volunteers', toVolunteer),
    requests: recordsOf(book, 'requests', toHelpRequest),
    activities: recordsOf(book, 'activities', toActivity),
    settings,
    today,
    pins: [],
    exclusions: [],
  };
}

function summary(label: string, input: MatchInput, result: MatchResult): string {
  const open = input.requests.filter((r) => r.status === '受付' || r.status === '調整中').length;
  const top = result.shortages
    .slice(0, 5)
    .map((s) => `${s.key} ${s.places}`)
    .join(', ');
  const codes = new Map<string, number>();
  for (const u of result.unmatched) for (const r of u.reasons) codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
  return (
    `${label}: ${input.volunteers.length} volunteers, ${open} open requests; filled ${result.stats.filledPlaces}/${result.stats.totalPlaces} places, ` +
    `score ${result.stats.score}, ${result.stats.candidatePairs} candidate pairs, ${result.unmatched.length} requests short ` +
    `(${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}); shortages: ${top || 'none'}`
  );
}

function recordsOf<T>(
  book: DemoBook,
  kind: SheetKind,
  read: (r: ReturnType<typeof parseRows>['records'][number], s: typeof settings) => T,
): T[] {
  const sheet = book.sheets.find((s) => s.kind === kind);
  if (!sheet) throw new Error(`no ${kind} sheet`);
  const values = [sheet.header, ...sheet.rows];
  const det = detectHeader(values);
  if (!det || det.kind !== kind) throw new Error(`${kind} not detected`);
  return parseRows(kind, mappingFromDetection(det), values).records.map((r) => read(r, settings));
}

describe('matchVolunteers on the demo workbook', () => {
  let book: DemoBook;
  let input: MatchInput;
  let result: MatchResult;

  beforeAll(() => {
    book = generateDemoBook({ areas: settings.areas, adjacentAreas: settings.adjacentAreas });
    input = inputOf(book);
    result = matchVolunteers(input);
    console.info(summary('demo', input, result));
  });

  it('fills places, and only with pairs every hard constraint allows, within capacities', () => {
    expect(result.stats.totalPlaces).toBeGreaterThan(20);
    expect(result.stats.filledPlaces).toBeGreaterThan(0);
    const perVolunteer = new Map<string, number>();
    for (const a of result.assignments) {
      const v = input.volunteers.find((x) => x.row === a.volunteerRow);
      const r = input.requests.find((x) => x.row === a.requestRow);
      expect(v && r && isCandidate(input, v, r), `${a.requestId}→${a.volunteerId}`).toBe(true);
      perVolunteer.set(a.volunteerId, (perVolunteer.get(a.volunteerId) ?? 0) + 1);
    }
    for (const [id, n] of perVolunteer)
      expect(n).toBeLessThanOrEqual(
        capacityOf(input, input.volunteers.find((v) => v.volunteerId === id) as (typeof input.volunteers)[number]),
      );
    const perRequest = new Map<string, number>();
    for (const a of result.assignments) perRequest.set(a.requestId, (perRequest.get(a.requestId) ?? 0) + 1);
    for (const [id, n] of perRequest)
      expect(n).toBeLessThanOrEqual(
        placesOf(input.requests.find((r) => r.requestId === id) as (typeof input.requests)[number]),
      );
  });

  it('explains every pair and every unfilled request, and adds up', () => {
    for (const a of result.assignments) expect(a.reasons.length).toBeGreaterThan(0);
    for (const u of result.unmatched) expect(u.reasons.length).toBeGreaterThan(0);
    const missing = result.unmatched.reduce((n, u) => n + u.missing, 0);
    expect(result.stats.filledPlaces + missing).toBe(result.stats.totalPlaces);
    expect(result.shortages.filter((s) => s.dimension === 'categoryArea').reduce((n, s) => n + s.places, 0)).toBe(
      missing,
    );
  });

  it('leaves exactly the planted shortages unfilled, each with the reason it was planted for, as a recruiting agenda', () => {
    expect(book.shortages.map((s) => s.dimension).sort()).toEqual(['categoryArea', 'language', 'skill', 'timeSlot']);
    const unmet = new Map(result.unmatched.map((u) => [u.requestId, u]));
    for (const s of book.shortages) {
      const u = unmet.get(s.requestId);
      expect(
        u?.reasons.map((r) => r.code),
        s.requestId,
      ).toContain(s.reason);
      const row = result.shortages.find((x) => x.dimension === s.dimension && x.key === s.key);
      expect(row?.requests, `${s.dimension} ${s.key}`).toContain(s.requestId);
    }
    // A newcomer's first run shows a language, a skill, an area and a time slot to recruit for.
    expect(book.shortages.find((s) => s.dimension === 'language')?.key).toBe('タガログ語');
    expect(result.unmatched.length).toBeGreaterThanOrEqual(book.shortages.length);
  });

  // How long it takes is measured in bench/match-demo.ts (npm run bench).
  it('is deterministic: the same input gives the same result, reasons and order included', () => {
    expect(matchVolunteers(input)).toEqual(result);
    expect(
      matchVolunteers(inputOf(generateDemoBook({ areas: settings.areas, adjacentAreas: settings.adjacentAreas }))),
    ).toEqual(result);
  });

  it('reads the demo without warnings other than its planted duplicates', () => {
    expect(
      result.warnings.filter(
        (w) => !w.code.endsWith('duplicateId') && w.code !== 'volunteer.noId' && w.code !== 'request.noId',
      ),
    ).toEqual([]);
  });

  it('on a stretched council (100 volunteers, 400 requests) leaves needs unmet, each with its reasons, and an agenda', () => {
    const stretched = inputOf(
      generateDemoBook({
        areas: settings.areas,
        adjacentAreas: settings.adjacentAreas,
        volunteers: 100,
        requests: 400,
      }),
    );
    const r = matchVolunteers(stretched);
    console.info(summary('stretched demo', stretched, r));
    expect(r.unmatched.length).toBeGreaterThan(5);
    for (const u of r.unmatched) expect(u.reasons.length).toBeGreaterThan(0);
    expect(r.shortages.length).toBeGreaterThan(5);
    expect(r.stats.filledPlaces).toBeGreaterThan(r.stats.totalPlaces / 2);
  });
});
