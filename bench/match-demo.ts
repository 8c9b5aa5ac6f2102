/**
 * Bench: matchVolunteers on the demo council (300 volunteers, 120 requests) and on a stretched one
 * (100 volunteers, 400 requests) — the core alone, beside the whole マッチング action staff wait for
 * (getMatchReport through dist/Code.js in the sandbox, sheets read through the emulator).
 * Target: the core under 2 s on the demo (this was a timed assertion in test/core/match/demo.test.ts).
 */
import { matchVolunteers, type MatchInput } from '../src/core/match';
import { detectHeader } from '../src/core/sheets/detect';
import { mappingFromDetection } from '../src/core/sheets/mapping';
import { toActivity, toHelpRequest, toVolunteer } from '../src/core/sheets/records';
import { parseRows } from '../src/core/sheets/rows';
import { defaultSettingsRows, parseSettings } from '../src/core/sheets/settings';
import type { SheetKind } from '../src/core/sheets/types';
import { PlainDate } from '../src/core/text/plainDate';
import { buildDemo } from '../src/local/commands/demo';
import { DEFAULT_TODAY, generateDemoBook, type DemoBook } from '../src/local/demo/index';
import { Session } from '../src/local/session';
import { measure, printTable, type Measurement } from './harness';

const settings = parseSettings(defaultSettingsRows()).settings;
const today = PlainDate.of(DEFAULT_TODAY.year, DEFAULT_TODAY.month, DEFAULT_TODAY.day) as PlainDate;

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

function benchCase(tag: string, volunteers: number, requests: number): Measurement[] {
  const input = inputOf(generateDemoBook({ areas: settings.areas, volunteers, requests }));
  let filled = '';
  const core = measure(`(${tag}) core: matchVolunteers`, 7, null, () => {
    const result = matchVolunteers(input);
    filled = `${result.stats.filledPlaces}/${result.stats.totalPlaces} places`;
    return null;
  });
  const session = Session.create('bench');
  buildDemo(session, { seed: 1, volunteers, requests });
  const action = measure(`(${tag}) action: getMatchReport through dist/Code.js`, 3, null, () => {
    session.emu.stats.reset();
    const envelope = session.run('getMatchReport') as { ok: boolean };
    if (!envelope.ok) throw new Error('getMatchReport failed');
    return session.emu.stats.total();
  });
  console.log(`(${tag}) ${volunteers} volunteers × ${requests} requests: core filled ${filled}`);
  return [core, action];
}

export function benchMatchDemo(): void {
  const demo = benchCase('demo', 300, 120);
  const stretched = benchCase('stretched', 100, 400);
  printTable('matching on the demo council, core beside the whole action', [...demo, ...stretched]);
  const core = demo[0] as Measurement;
  console.log(
    `target: (demo) core under 2 s — first ${core.firstMs.toFixed(1)} ms, median ${core.medianMs.toFixed(1)} ms ${core.firstMs < 2000 ? '✓' : '✗ MISSED'}`,
  );
}
