// The sidebar shim's google.script.run client semantics, run in a bare JavaScript context with a recorded fetch, and its injection point.
import vm from 'node:vm';
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { WIRE_TAG, injectShim, shimScript } from '../../../src/local/studio/shim';
import { decodeRunArgs } from '../../../src/local/studio/wire';
import { serializeForRun } from '../../../src/local/emulator/index';

interface Sent {
  url: string;
  body: { args: unknown[] };
}

interface Runner {
  withSuccessHandler(f: (value: unknown, user?: unknown) => void): Runner;
  withFailureHandler(f: (error: Error, user?: unknown) => void): Runner;
  withUserObject(o: unknown): Runner;
  [name: string]: unknown;
}

/** Loads the shim into a fresh context whose fetch answers with `answer` and records what was sent. */
function loadShim(answer: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const posted: unknown[] = [];
  const parent = { postMessage: (message: unknown) => posted.push(message) };
  const context: Record<string, unknown> = {
    setTimeout,
    location: { origin: 'http://127.0.0.1:1' },
    parent,
    fetch: (url: string, init: { body: string }) => {
      const record = { url, body: JSON.parse(init.body) as { args: unknown[] } };
      sent.push(record);
      return Promise.resolve({ json: () => Promise.resolve(answer(record)) });
    },
  };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(shimScript(), context);
  const google = context.google as { script: { run: Runner; host: { close(): void; editor: { focus(): void } } } };
  return { run: google.script.run, host: google.script.host, sent, posted, context };
}

/** Lets the shim's promise chain and the timers it sets run: a few timer turns, not one (a busy machine delays them). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('google.script.run shim', () => {
  it('calls the success handler with the value and the user object', async () => {
    const { run, sent } = loadShim(() => ({ ok: true, value: { n: 1 } }));
    const got: unknown[] = [];
    (run.withSuccessHandler((v, u) => got.push(v, u)).withUserObject('row-3').getThing as (...a: unknown[]) => void)(
      'a',
      2,
    );
    await settle();
    expect(got).toEqual([{ n: 1 }, 'row-3']);
    expect(sent).toEqual([{ url: '/api/run/getThing', body: { args: ['a', 2] } }]);
  });

  it("calls the failure handler with an Error carrying the server's message", async () => {
    const { run } = loadShim(() => ({ ok: false, error: 'Script function not found: nope' }));
    const got: unknown[] = [];
    (run.withFailureHandler((e, u) => got.push(e.message, e.name, u)).withUserObject(7).nope as () => void)();
    await settle();
    expect(got).toEqual(['Script function not found: nope', 'Error', 7]);
  });

  it('returns a new runner from each with… call, leaving the one it came from unchanged', async () => {
    const { run } = loadShim(() => ({ ok: true, value: 1 }));
    const calls: string[] = [];
    const a = run.withSuccessHandler(() => calls.push('a'));
    const b = a.withSuccessHandler(() => calls.push('b'));
    expect(b).not.toBe(a);
    (a.f as () => void)();
    (b.f as () => void)();
    (run.f as () => void)();
    await settle();
    expect(calls.sort()).toEqual(['a', 'b']);
  });

  it('is not a thenable, so awaiting a runner does not call the server', async () => {
    const { run, sent } = loadShim(() => ({ ok: true, value: 1 }));
    expect(run.then).toBeUndefined();
    await run;
    expect(sent).toEqual([]);
  });

  it('returns undefined from the server call itself: the answer only reaches the handlers', () => {
    const { run } = loadShim(() => ({ ok: true, value: 1 }));
    expect((run.anything as () => unknown)()).toBeUndefined();
  });

  it('tags a Date, undefined and a function so the server can refuse them as Apps Script does', async () => {
    const { sent, context } = loadShim(() => ({ ok: true, value: null }));
    context.args = [new Date('2024-04-01T00:00:00Z'), undefined, () => 1, Number.NaN, { nested: [new Date(0)] }];
    vm.runInContext('google.script.run.f.apply(null, args)', context);
    await settle();
    const args = sent[0]!.body.args;
    expect(args[0]).toEqual({ [WIRE_TAG]: 'date', value: '2024-04-01T00:00:00.000Z' });
    expect(args[1]).toEqual({ [WIRE_TAG]: 'undefined' });
    expect((args[2] as Record<string, unknown>)[WIRE_TAG]).toBe('function');
    expect(args[3]).toEqual({ [WIRE_TAG]: 'number', value: 'NaN' });
    const decoded = decodeRunArgs(sent[0]!.body);
    expect(decoded[0]).toBeInstanceOf(Date);
    expect(() => serializeForRun(decoded)).toThrow(/illegal value.*Date/);
    expect(serializeForRun([decoded[1], decoded[3]])).toEqual([null, null]);
    expect(() => serializeForRun([decoded[2]])).toThrow(/function/);
  });

  it('tags a class instance so the server refuses it, and a cycle fails on the client', async () => {
    const { sent, context } = loadShim(() => ({ ok: true, value: null }));
    const errors: string[] = [];
    context.report = (e: Error) => errors.push(e.message);
    vm.runInContext(
      'var cyclic = {}; cyclic.self = cyclic; google.script.run.withFailureHandler(report).f(cyclic); google.script.run.f(new Map())',
      context,
    );
    await settle();
    expect(errors[0]).toMatch(/cycle/);
    expect(sent).toHaveLength(1);
    expect(() => serializeForRun(decodeRunArgs(sent[0]!.body))).toThrow(/illegal value.*Map/);
  });

  it('tells the studio page to close the sidebar on google.script.host.close()', () => {
    const { host, posted } = loadShim(() => ({}));
    host.editor.focus();
    host.close();
    expect(posted).toEqual([{ source: 'tsunagu-shim', type: 'close', detail: undefined }]);
  });
});

describe('injectShim', () => {
  it("goes before the sidebar's first script", () => {
    const html = injectShim('<html><head><style>a{}</style><script>app()</script></head><body></body></html>');
    expect(html.indexOf('data-tsunagu-shim')).toBeLessThan(html.indexOf('<script>app()'));
  });

  it('goes at the end of <head> when the page has no script, and at the top without a head', () => {
    expect(injectShim('<head><title>t</title></head><body></body>')).toMatch(
      /<title>t<\/title><script data-tsunagu-shim>[\s\S]*<\/script><\/head>/,
    );
    expect(injectShim('<p>x</p>')).toMatch(/^<script data-tsunagu-shim>/);
  });
});
