/**
 * core/survey and the QR library run in bare V8: bundled as Code.js is built and run in the
 * sandbox (no require, TextEncoder, URL, setTimeout …), they read a template, build its spec, make
 * the QR code and the flyer without touching anything Apps Script lacks.
 */
import { describe, it } from '@jest/globals';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { expect } from '../../support/expect';
import { Sandbox } from '../../../src/local/sandbox';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const ENTRY = `
import { readSurveyDefinition, templateHeader, templateCells, buildFormSpecs, qrGifDataUrl, qrSvg, flyerHtml, canBuild } from './src/core/survey/index';
import { parseSettings, defaultSettingsRows } from './src/core/sheets/settings';
export function run() {
  const settings = parseSettings(defaultSettingsRows()).settings;
  const def = readSurveyDefinition({ values: [templateHeader(), ...templateCells('ボランティア登録')], settings });
  const specs = buildFormSpecs(def.forms[0]);
  const url = 'https://forms.gle/abcdefghijk123456';
  return JSON.stringify({
    ok: canBuild(def.issues),
    languages: specs.map((s) => s.language),
    items: specs[0].items.length,
    gif: qrGifDataUrl(url, 2).slice(0, 22),
    svg: qrSvg(url).slice(0, 4),
    flyer: flyerHtml({ title: specs[1].title, description: specs[1].description, language: 'en', url, shortUrl: url, organization: '社協', contact: [] }).length > 1000,
  });
}
`;

describe('survey in bare V8', () => {
  it('reads a template, builds its forms, draws a QR code and a flyer inside the sandbox', async () => {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      globalName: 'Survey',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2020',
      charset: 'utf8',
      write: false,
      minifySyntax: true,
      minifyWhitespace: true,
    });
    const code = `${bundle.outputFiles[0]?.text ?? ''}\nfunction run() { return Survey.run(); }`;
    const sandbox = new Sandbox(code, {});
    const result = JSON.parse(String(sandbox.call('run')));
    expect(sandbox.violations).toEqual([]);
    expect(result).toEqual({
      ok: true,
      languages: ['ja', 'en', 'ja-yasashii'],
      items: 20,
      gif: 'data:image/gif;base64,',
      svg: '<svg',
      flyer: true,
    });
  });
});
