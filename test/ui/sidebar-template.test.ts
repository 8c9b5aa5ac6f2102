import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';

const ui = (name: string): string => fileURLToPath(new URL(`../../src/ui/${name}`, import.meta.url));
const template = readFileSync(ui('sidebar.html'), 'utf8');
const css = readFileSync(ui('sidebar.css'), 'utf8');

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('sidebar.html', () => {
  it('has each placeholder exactly once', () => {
    expect(count(template, '<!-- tsunagu:style -->')).toBe(1);
    expect(count(template, '<!-- tsunagu:script -->')).toBe(1);
  });

  it('puts the style placeholder inside <head>', () => {
    const style = template.indexOf('<!-- tsunagu:style -->');
    expect(style).toBeGreaterThan(template.indexOf('<head>'));
    expect(style).toBeLessThan(template.indexOf('</head>'));
  });

  it('puts the script placeholder at the end of <body>, after the #app root', () => {
    const script = template.indexOf('<!-- tsunagu:script -->');
    expect(script).toBeGreaterThan(template.indexOf('id="app"'));
    expect(template.slice(script + '<!-- tsunagu:script -->'.length).trim()).toBe('</body>\n</html>');
  });

  it('is Japanese and UTF-8, with no <script> or <style> of its own', () => {
    expect(template).toMatch(/<html lang="ja">/);
    expect(template).toMatch(/<meta charset="utf-8" ?\/?>/);
    expect(template).not.toMatch(/<script|<style/i);
  });
});

describe('sidebar.css', () => {
  it('uses the Japanese-capable system font stack at 13px', () => {
    expect(css.replace(/'/g, '"')).toContain(
      '"Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", sans-serif',
    );
    expect(css).toMatch(/font-size:\s*13px/);
  });

  it('shows keyboard focus', () => {
    expect(css).toMatch(/:focus-visible\s*\{[^}]*outline:\s*2px solid/);
  });
});

describe('the sidebar bundle', () => {
  it('stays under 128 KB, without zod or any other package', async () => {
    const [js, style] = await Promise.all([
      build({
        entryPoints: [ui('main.ts')],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        charset: 'utf8',
        minify: true,
        legalComments: 'none',
        write: false,
        metafile: true,
        logLevel: 'silent',
      }),
      build({
        entryPoints: [ui('sidebar.css')],
        bundle: true,
        minify: true,
        charset: 'utf8',
        write: false,
        logLevel: 'silent',
      }),
    ]);
    const inputs = Object.keys(js.metafile.inputs);
    expect(inputs.filter((input) => input.includes('node_modules') || input.includes('zod'))).toEqual([]);
    expect(inputs.filter((input) => input.includes('src/shared/'))).toEqual([]);
    const bytes =
      (js.outputFiles[0]?.contents.byteLength ?? 0) +
      (style.outputFiles[0]?.contents.byteLength ?? 0) +
      template.length;
    // 121 KB at the end of session 5 (four sections, trigger blocks worded by the server, the survey
    // import's parts): the budget went from 120 to 128 KB then. Its 110 KB of script is a third
    // i18n.ts (Japanese is 3 bytes a character); the next cut is more wording sent by the server.
    expect(bytes).toBeLessThan(128 * 1024);
    const code = js.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });
});
