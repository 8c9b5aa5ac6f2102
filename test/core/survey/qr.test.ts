/** QR codes made inside the bundle decode back to the URL: the module matrix, the flyer's SVG and フォーム一覧's GIF, read by jsQR. */
import { describe, it } from '@jest/globals';
import jsQR from 'jsqr';
import { expect } from '../../support/expect';
import { decodeGif } from '../../support/gif';
import { makeQrCode, qrGifDataUrl, qrSvg, utf8Binary } from '../../../src/core/survey/qr';

/** Draws modules (a predicate over row, column) at `scale` pixels each with a 4-module white border, as RGBA. */
function rasterise(size: number, dark: (r: number, c: number) => boolean, scale = 4) {
  const side = (size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!dark(r, c)) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const at = (((r + 4) * scale + y) * side + (c + 4) * scale + x) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    }
  }
  return { data, side };
}

const URLS = [
  'https://forms.gle/AbCdEfGh12345678',
  'https://docs.google.com/forms/d/e/1FAIpQLSe_long-form-id-with-many-characters_0123456789abcdef/viewform',
  'https://example.jp/フォーム?lang=やさしい',
];

describe('survey/qr', () => {
  for (const url of URLS) {
    it(`decodes the module matrix back to ${url}`, () => {
      const code = makeQrCode(url);
      const { data, side } = rasterise(code.size, code.isDark);
      expect(jsQR(data, side, side)?.data).toBe(url);
    });
  }

  it('draws the SVG with exactly the dark modules, and it decodes', () => {
    const url = URLS[0] as string;
    const svg = qrSvg(url);
    const code = makeQrCode(url);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    const modules = new Set(
      [...svg.matchAll(/M(\d+),(\d+)h1v1h-1z/g)].map((m) => `${Number(m[2]) - 4},${Number(m[1]) - 4}`),
    );
    let dark = 0;
    for (let r = 0; r < code.size; r++) for (let c = 0; c < code.size; c++) if (code.isDark(r, c)) dark++;
    expect(modules.size).toBe(dark);
    const { data, side } = rasterise(code.size, (r, c) => modules.has(`${r},${c}`));
    expect(jsQR(data, side, side)?.data).toBe(url);
  });

  it('makes a GIF data URL that decodes back to the URL', () => {
    const url = URLS[1] as string;
    const dataUrl = qrGifDataUrl(url, 3);
    expect(dataUrl.startsWith('data:image/gif;base64,')).toBe(true);
    const gif = decodeGif(new Uint8Array(Buffer.from(dataUrl.slice('data:image/gif;base64,'.length), 'base64')));
    expect(jsQR(gif.data, gif.width, gif.height)?.data).toBe(url);
  });

  it('encodes UTF-8 without TextEncoder, exactly as Node does', () => {
    const text = 'やさしい 日本語 𠮷 é';
    expect(Buffer.from(utf8Binary(text), 'latin1').toString('utf8')).toBe(text);
  });

  it('refuses a text no QR version can hold', () => {
    expect(() => makeQrCode('x'.repeat(3000))).toThrow(RangeError);
  });
});
