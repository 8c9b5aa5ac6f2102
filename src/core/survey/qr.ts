/**
 * Defines QR codes for the forms' URLs, made inside the bundle with qrcode-generator (MIT, no
 * dependencies, runs in bare V8): an SVG for the printed flyer and a GIF data URL for フォーム一覧.
 */
import qrcode from 'qrcode-generator';

/** Error correction: M (15 %) survives a folded or slightly smudged flyer and keeps the code small. */
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrCode {
  /** Modules per side (21 for version 1 … 177 for version 40). */
  readonly size: number;
  /** True for a dark module; row and column from 0. */
  isDark(row: number, column: number): boolean;
}

/**
 * UTF-8 bytes as a string of code units 0–255, which qrcode-generator's byte mode takes as they
 * are (Apps Script has no TextEncoder). Lone surrogates become U+FFFD.
 */
export function utf8Binary(text: string): string {
  let out = '';
  for (const ch of text) {
    let cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out += String.fromCharCode(cp);
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else {
      out += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
    }
  }
  return out;
}

type Generator = ReturnType<typeof qrcode>;

function generate(text: string, level: QrLevel): Generator {
  // Type number 0: the smallest version that holds the text.
  const qr = qrcode(0, level);
  qr.addData(utf8Binary(text), 'Byte');
  qr.make();
  return qr;
}

/** The QR code of a text (a URL), as a module matrix. Throws RangeError when the text is too long for any version. */
export function makeQrCode(text: string, level: QrLevel = 'M'): QrCode {
  let qr: Generator;
  try {
    qr = generate(text, level);
  } catch (error) {
    // ES2020 has no Error options: the library's own message goes into ours.
    const failure: Error & { cause?: unknown } = new RangeError(
      `QR code: the text is too long (${text.length} characters): ${String(error)}`,
    );
    failure.cause = error;
    throw failure;
  }
  const size = qr.getModuleCount();
  return { size, isDark: (row, column) => qr.isDark(row, column) };
}

/**
 * The QR code as an SVG element that scales to its box (for print): black modules on white, a
 * quiet zone of 4 modules as the standard asks. The text is not put in the SVG.
 */
export function qrSvg(text: string, level: QrLevel = 'M'): string {
  const code = makeQrCode(text, level);
  const quiet = 4;
  const side = code.size + quiet * 2;
  let path = '';
  for (let r = 0; r < code.size; r++) {
    for (let c = 0; c < code.size; c++) if (code.isDark(r, c)) path += `M${c + quiet},${r + quiet}h1v1h-1z`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" aria-hidden="true">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

/** The QR code as a GIF data URL ('data:image/gif;base64,…'), cellSize pixels per module, with a 4-module quiet zone. */
export function qrGifDataUrl(text: string, cellSize = 4, level: QrLevel = 'M'): string {
  const qr = generate(text, level);
  return qr.createDataURL(cellSize, cellSize * 4);
}
