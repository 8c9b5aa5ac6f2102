/**
 * Defines the printable A4 flyer of a form: title, a short description, a large QR code, the short
 * URL as text, and the 社協's name and contact from 設定 — one self-contained HTML page with print
 * CSS. Every text is escaped, so markup typed in a title or in 設定 shows as text.
 */
import type { Settings } from '../sheets/settings';
import { htmlLang, JAPANESE, YASASHII } from './languages';
import { qrSvg } from './qr';

/** The 設定 list whose values are the contact lines on flyers (電話, 住所, メール …). */
export const CONTACT_SETTING = '連絡先';

export interface FlyerInput {
  readonly title: string;
  /** A sentence or two; longer text is cut at FLYER_DESCRIPTION_CHARS with an ellipsis. */
  readonly description: string;
  readonly language: string;
  /** The address the QR code holds: the short URL when there is one. */
  readonly url: string;
  /** The address printed under the code, for people who type it. */
  readonly shortUrl: string;
  /** 団体名 of 設定. */
  readonly organization: string;
  /** The 連絡先 lines of 設定. */
  readonly contact: readonly string[];
}

/** A flyer holds a short description: more than this is cut (the form itself has the full text). */
export const FLYER_DESCRIPTION_CHARS = 200;

interface FlyerWords {
  readonly scan: string;
  readonly orType: string;
  readonly contact: string;
  readonly print: string;
}

const WORDS: Readonly<Record<string, FlyerWords>> = {
  [JAPANESE]: {
    scan: 'スマートフォンのカメラでQRコードを読み取ってください',
    orType: 'または次のアドレスを入力してください',
    contact: 'お問い合わせ',
    print: '印刷する',
  },
  [YASASHII]: {
    scan: 'スマートフォンの カメラで QRコードを 読(よ)んで ください',
    orType: 'または この アドレスを 入(い)れて ください',
    contact: 'わからない ときは ここに 聞(き)いて ください',
    print: '印刷(いんさつ)する',
  },
  en: {
    scan: 'Scan the QR code with your phone’s camera',
    orType: 'or type this address',
    contact: 'Contact',
    print: 'Print',
  },
  zh: { scan: '请用手机相机扫描二维码', orType: '或输入以下网址', contact: '咨询', print: '打印' },
  ko: {
    scan: '스마트폰 카메라로 QR 코드를 읽어 주세요',
    orType: '또는 아래 주소를 입력해 주세요',
    contact: '문의',
    print: '인쇄',
  },
  vi: {
    scan: 'Hãy quét mã QR bằng camera điện thoại',
    orType: 'hoặc nhập địa chỉ sau',
    contact: 'Liên hệ',
    print: 'In',
  },
  tl: {
    scan: 'I-scan ang QR code gamit ang camera ng iyong telepono',
    orType: 'o i-type ang address na ito',
    contact: 'Makipag-ugnayan',
    print: 'I-print',
  },
  ne: {
    scan: 'फोनको क्यामेराले QR कोड स्क्यान गर्नुहोस्',
    orType: 'वा यो ठेगाना टाइप गर्नुहोस्',
    contact: 'सम्पर्क',
    print: 'प्रिन्ट गर्नुहोस्',
  },
  pt: {
    scan: 'Leia o código QR com a câmera do celular',
    orType: 'ou digite este endereço',
    contact: 'Contato',
    print: 'Imprimir',
  },
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** Text with line breaks kept, escaped. */
function paragraph(text: string): string {
  return escapeHtml(text).replace(/\r\n?|\n/g, '<br>');
}

function shortened(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The contact lines of 設定 (連絡先), in order. */
export function flyerContact(settings: Settings): string[] {
  return [...(settings.lists[CONTACT_SETTING] ?? [])];
}

const STYLE = `
@page { size: A4 portrait; margin: 15mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; color: #111; background: #fff; }
.sheet { width: 180mm; min-height: 260mm; margin: 0 auto; padding: 8mm 0; display: flex; flex-direction: column; align-items: center; text-align: center; }
.org { font-size: 12pt; letter-spacing: 0.05em; margin: 0 0 6mm; }
h1 { font-size: 26pt; line-height: 1.3; margin: 0 0 6mm; overflow-wrap: anywhere; }
.description { font-size: 13pt; line-height: 1.7; margin: 0 0 8mm; max-width: 160mm; overflow-wrap: anywhere; }
.qr { width: 95mm; height: 95mm; margin: 0 0 5mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.scan { font-size: 13pt; margin: 0 0 3mm; }
.or { font-size: 10pt; color: #444; margin: 0 0 1mm; }
.url { font-family: "Noto Sans Mono", "Consolas", monospace; font-size: 16pt; font-weight: bold; margin: 0 0 10mm; overflow-wrap: anywhere; }
.contact { margin-top: auto; border-top: 1px solid #999; padding-top: 4mm; width: 100%; font-size: 11pt; line-height: 1.6; }
.contact h2 { font-size: 11pt; margin: 0 0 1mm; }
.print { position: fixed; top: 8px; right: 8px; font-size: 14px; padding: 6px 14px; }
@media print { .print { display: none; } .sheet { padding: 0; } }
`;

/** The flyer as one HTML page (for a dialog in Sheets, the studio or a file from the CLI). */
export function flyerHtml(input: FlyerInput): string {
  const words = WORDS[input.language] ?? WORDS[input.language.split('-')[0] as string] ?? (WORDS.en as FlyerWords);
  const description = shortened(input.description, FLYER_DESCRIPTION_CHARS);
  const contact = input.contact.filter((line) => line.trim() !== '');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(htmlLang(input.language))}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<button class="print" type="button" onclick="window.print()">${escapeHtml(words.print)}</button>`,
    '<main class="sheet">',
    input.organization.trim() === '' ? '' : `<p class="org">${escapeHtml(input.organization)}</p>`,
    `<h1>${paragraph(input.title)}</h1>`,
    description === '' ? '' : `<p class="description">${paragraph(description)}</p>`,
    `<div class="qr" role="img" aria-label="${escapeHtml(`QR: ${input.url}`)}">${qrSvg(input.url)}</div>`,
    `<p class="scan">${escapeHtml(words.scan)}</p>`,
    `<p class="or">${escapeHtml(words.orType)}</p>`,
    `<p class="url">${escapeHtml(input.shortUrl || input.url)}</p>`,
    contact.length === 0 && input.organization.trim() === ''
      ? ''
      : `<footer class="contact"><h2>${escapeHtml(words.contact)}</h2>${[input.organization, ...contact]
          .filter((l) => l.trim() !== '')
          .map((l) => `<div>${escapeHtml(l)}</div>`)
          .join('')}</footer>`,
    '</main>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
