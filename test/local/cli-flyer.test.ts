// tsunagu survey flyer: a built form's printable A4 flyer written to a file — its QR code decodes to the form's
// forms.gle address, the address is printed as text, with 団体名 and 連絡先 from 設定 — and clear refusals.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import jsQR from 'jsqr';
import { expect } from '../support/expect';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/commands/io';
import type { FormFlyerView, RpcEnvelope, SurveyBuildView } from '../../src/shared/rpc';
import { Session } from '../../src/local/session';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** The flyer's SVG drawn as pixels (4 per module), as jsQR reads a photo of the printed page. */
function decodeSvgQr(html: string): string | null {
  const svg = /<svg[^>]*viewBox="0 0 (\d+) \d+"[^>]*>.*?<\/svg>/s.exec(html);
  if (!svg) return null;
  const scale = 4;
  const px = Number(svg[1]) * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of (svg[0] ?? '').matchAll(/M(\d+),(\d+)h1v1h-1z/g)) {
    for (let y = 0; y < scale; y++) {
      const at = ((Number(m[2]) * scale + y) * px + Number(m[1]) * scale) * 4;
      for (let x = 0; x < scale; x++) data.fill(0, at + x * 4, at + x * 4 + 3);
    }
  }
  return jsQR(data, px, px)?.data ?? null;
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-flyer-'));
const book = join(dir, 'flyer.xlsx');
let built: SurveyBuildView;

beforeAll(async () => {
  const session = Session.create('チラシのテスト');
  session.run('setupSheets');
  const settings = session.emu.sheetValues('設定').map((row) => [...row]);
  const org = settings.find((row) => row[0] === '団体名');
  if (!org) throw new Error('no 団体名 row');
  org[1] = '西東京市社会福祉協議会';
  settings.push(['連絡先', '電話 042-000-0000\n西東京市田無町1-1-1', '', '', '', '']);
  session.emu.setSheetValues('設定', settings);
  session.run('writeSurveyTemplate', 'ボランティア登録');
  const answer = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
  if (!answer.ok) throw new Error(answer.error.en);
  built = answer.value;
  await session.save(book);
});

describe('tsunagu survey flyer', () => {
  it('writes the English flyer: the QR code decodes to the form’s short URL, printed below it, with 団体名 and 連絡先', async () => {
    const out = join(dir, 'en.html');
    const io = capture();
    expect(
      await main(
        ['survey', 'flyer', book, '--form', 'ボランティア登録', '--language', 'en', '--out', out, '--json'],
        io,
      ),
    ).toBe(0);
    const en = built.forms.find((f) => f.name === 'ボランティア登録' && f.language === 'en');
    if (!en) throw new Error('no English form');
    const printed = JSON.parse(io.stdout.join('\n')) as FormFlyerView & { out: string };
    expect(printed).toEqual(
      expect.objectContaining({ language: 'en', url: en.shortUrl, shortUrl: en.shortUrl, open: true, out }),
    );
    expect(printed.url.startsWith('https://forms.gle/')).toBe(true);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<p class="url">${en.shortUrl}</p>`);
    expect(html).toContain('西東京市社会福祉協議会');
    expect(html).toContain('<div>電話 042-000-0000</div><div>西東京市田無町1-1-1</div>');
    expect(html).toContain('@page { size: A4 portrait');
    expect(decodeSvgQr(html), 'the QR code of the page').toBe(en.shortUrl);
  });

  it('takes Japanese when no language is given, and やさしい日本語 by its name', async () => {
    const ja = join(dir, 'ja.html');
    expect(await main(['survey', 'flyer', book, '--form', 'ボランティア登録', '--out', ja], capture())).toBe(0);
    const jaForm = built.forms.find((f) => f.name === 'ボランティア登録' && f.language === 'ja');
    expect(decodeSvgQr(readFileSync(ja, 'utf8'))).toBe(jaForm?.shortUrl);
    const easy = join(dir, 'easy.html');
    expect(
      await main(
        ['survey', 'flyer', book, '--form', 'ボランティア登録', '--language', 'やさしい', '--out', easy],
        capture(),
      ),
    ).toBe(0);
    expect(readFileSync(easy, 'utf8')).toContain('QRコードを 読(よ)んで');
  });

  it('refuses, with exit 2 and the reason, an unknown form, a language the form lacks, and a missing --out', async () => {
    const unknown = capture();
    expect(await main(['survey', 'flyer', book, '--form', '防災訓練', '--out', join(dir, 'x.html')], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toContain('フォーム「防災訓練」はありません');
    const language = capture();
    expect(
      await main(
        ['survey', 'flyer', book, '--form', 'ボランティア登録', '--language', 'ko', '--out', join(dir, 'x.html')],
        language,
      ),
    ).toBe(2);
    expect(language.stderr.join('\n')).toContain('has no version in');
    expect(await main(['survey', 'flyer', book, '--form', 'ボランティア登録'], capture())).toBe(2);
  });

  it('says so when the form was deleted in Drive', async () => {
    const session = await Session.open(book);
    const ja = built.forms.find((f) => f.language === 'ja');
    session.emu.forms.deleteInDrive(ja?.id ?? '');
    const gone = join(dir, 'gone.xlsx');
    await session.save(gone);
    const io = capture();
    expect(await main(['survey', 'flyer', gone, '--form', 'ボランティア登録', '--out', join(dir, 'y.html')], io)).toBe(
      2,
    );
    expect(io.stderr.join('\n')).toContain('ドライブで削除された');
  });
});
