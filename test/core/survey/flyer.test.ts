/** The printable flyer: every text escaped, a QR code that decodes to the URL, the short URL as text, 社協 name and contact. */
import { describe, it } from '@jest/globals';
import jsQR from 'jsqr';
import { expect } from '../../support/expect';
import { parseSettings } from '../../../src/core/sheets/settings';
import { FLYER_DESCRIPTION_CHARS, flyerContact, flyerHtml } from '../../../src/core/survey/flyer';

const base = {
  title: 'ボランティア登録',
  description: '登録のお申し込みはこちらから。',
  language: 'ja',
  url: 'https://forms.gle/abc123XYZ',
  shortUrl: 'https://forms.gle/abc123XYZ',
  organization: 'つなぐ市社会福祉協議会',
  contact: ['電話 042-000-0000', '〒188-0012 つなぐ市南町1-1'],
};

describe('survey/flyer', () => {
  it('lays out title, description, QR code, short URL and contact for A4 print', () => {
    const html = flyerHtml(base);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('@page { size: A4 portrait');
    expect(html).toContain('<h1>ボランティア登録</h1>');
    expect(html).toContain('<p class="url">https://forms.gle/abc123XYZ</p>');
    expect(html).toContain('<div>電話 042-000-0000</div>');
    expect(html).toContain('スマートフォンのカメラで');
  });

  it('shows markup typed anywhere as text, never as elements', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const html = flyerHtml({
      ...base,
      title: evil,
      description: evil,
      organization: evil,
      contact: [evil],
      shortUrl: evil,
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    // The only elements are the page's own.
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual([
      'body',
      'button',
      'div',
      'footer',
      'h1',
      'h2',
      'head',
      'html',
      'main',
      'meta',
      'p',
      'path',
      'rect',
      'style',
      'svg',
      'title',
    ]);
  });

  it('embeds a QR code that decodes to the URL', () => {
    const html = flyerHtml(base);
    const svg = /<svg[^>]*viewBox="0 0 (\d+) \d+"[^>]*>.*?<\/svg>/s.exec(html);
    if (!svg) throw new Error('no svg');
    const side = Number(svg[1]);
    const scale = 4;
    const px = side * scale;
    const data = new Uint8ClampedArray(px * px * 4).fill(255);
    for (const m of (svg[0] ?? '').matchAll(/M(\d+),(\d+)h1v1h-1z/g)) {
      const x0 = Number(m[1]) * scale;
      const y0 = Number(m[2]) * scale;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) data.fill(0, ((y0 + y) * px + x0 + x) * 4, ((y0 + y) * px + x0 + x) * 4 + 3);
    }
    expect(jsQR(data, px, px)?.data).toBe(base.url);
  });

  it("keeps the description short and speaks the form's language", () => {
    const html = flyerHtml({ ...base, language: 'en', description: 'a'.repeat(500) });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`${'a'.repeat(FLYER_DESCRIPTION_CHARS - 1)}…`);
    expect(html).toContain('Scan the QR code');
    expect(flyerHtml({ ...base, language: 'ja-yasashii' })).toContain('<html lang="ja">');
  });

  it('reads the contact lines from 設定', () => {
    const { settings } = parseSettings([
      ['項目', '値'],
      ['連絡先', '電話 042-000-0000\nメール info@example.jp'],
    ]);
    expect(flyerContact(settings)).toEqual(['電話 042-000-0000', 'メール info@example.jp']);
  });
});
