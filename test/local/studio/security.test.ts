// The studio's guards: loopback only, JSON bodies only and at most 5 MB, same-origin posts, fixed routes (no files served by path).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { MAX_BODY_BYTES } from '../../../src/local/studio/http';
import type { StudioHandle } from '../../../src/local/studio/server';
import { openStudio, postJson, savedWorkbook, tempDir } from './helpers';

/** A raw request, so the path and Host header go out exactly as written. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('studio security', () => {
  const temp = tempDir();
  let studio: StudioHandle;

  beforeAll(async () => {
    ({ studio } = await openStudio(await savedWorkbook(temp.dir, { setup: true })));
  });

  afterAll(async () => {
    await studio.close();
    temp.remove();
  });

  it('listens on 127.0.0.1 only, on the port the system picked', () => {
    expect(studio.port).toBeGreaterThan(0);
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/`);
  });

  it('refuses a POST that is not application/json, even when its text is JSON', async () => {
    const response = await fetch(new URL('/api/run/getSidebarState', studio.url), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"args":[]}',
    });
    expect(response.status).toBe(415);
    const form = await fetch(new URL('/api/menu/showSidebar', studio.url), {
      method: 'POST',
      body: new URLSearchParams({ answers: 'YES' }),
    });
    expect(form.status).toBe(415);
  });

  it('refuses invalid JSON, an empty body and JSON that is not an object', async () => {
    expect((await postJson(studio.url, '/api/run/getSidebarState', '{"args":')).status).toBe(400);
    expect((await postJson(studio.url, '/api/run/getSidebarState', '')).status).toBe(400);
    expect((await postJson(studio.url, '/api/run/getSidebarState', '[1,2]')).status).toBe(400);
  });

  it('refuses a body over 5 MB', async () => {
    const big = JSON.stringify({ args: ['x'.repeat(MAX_BODY_BYTES)] });
    const { status } = await raw(studio.port, {
      method: 'POST',
      path: '/api/run/getSidebarState',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(big)),
        Host: `127.0.0.1:${studio.port}`,
      },
      body: big,
    });
    expect(status).toBe(413);
  });

  it('refuses a body over 5 MB sent without a length', async () => {
    const big = JSON.stringify({ args: ['x'.repeat(MAX_BODY_BYTES)] });
    const { status } = await raw(studio.port, {
      method: 'POST',
      path: '/api/run/getSidebarState',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', Host: `127.0.0.1:${studio.port}` },
      body: big,
    });
    expect(status).toBe(413);
  });

  it('refuses a POST from another origin', async () => {
    const { status } = await postJson(studio.url, '/api/run/getSidebarState', {}, { Origin: 'http://evil.example' });
    expect(status).toBe(403);
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const { status } = await raw(studio.port, { path: '/api/book', headers: { Host: `evil.example:${studio.port}` } });
    expect(status).toBe(421);
  });

  it('serves only its fixed routes: no path reaches a file', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/sidebar/../../package.json',
      '/dist/Code.js',
      '/Sidebar.html',
      '/src/local/session.ts',
      '/api/book/../../package.json',
      '/sidebar%2f..%2fpackage.json',
    ]) {
      const { status, text } = await raw(studio.port, { path, headers: { Host: `127.0.0.1:${studio.port}` } });
      expect([404, 405], path).toContain(status);
      expect(text, path).not.toContain('"name": "tsunagu"');
    }
  });

  it('answers 405 to the wrong method', async () => {
    expect((await fetch(new URL('/api/run/getSidebarState', studio.url))).status).toBe(405);
    expect((await fetch(studio.url, { method: 'PUT', body: '{}' })).status).toBe(405);
  });
});
