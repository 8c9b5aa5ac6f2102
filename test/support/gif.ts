/** A minimal GIF decoder for tests: the first image of a GIF87a/89a with a global colour table, as RGBA pixels (enough to read back a QR code). */
import jsQR from 'jsqr';

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8ClampedArray;
}

function lzwDecode(minCodeSize: number, bytes: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let codeSize = minCodeSize + 1;
  let dict: number[][] = [];
  const reset = (): void => {
    dict = [];
    for (let i = 0; i < clear; i++) dict.push([i]);
    dict.push([], []);
    codeSize = minCodeSize + 1;
  };
  reset();
  let bit = 0;
  let n = 0;
  let prev: number[] | null = null;
  const read = (): number => {
    let code = 0;
    for (let i = 0; i < codeSize; i++) {
      const byte = bytes[(bit + i) >> 3] ?? 0;
      code |= ((byte >> ((bit + i) & 7)) & 1) << i;
    }
    bit += codeSize;
    return code;
  };
  while (bit + codeSize <= bytes.length * 8 && n < pixelCount) {
    const code = read();
    if (code === clear) {
      reset();
      prev = null;
      continue;
    }
    if (code === end) break;
    let entry: number[];
    if (code < dict.length && dict[code]?.length) entry = dict[code] as number[];
    else if (prev) entry = [...prev, prev[0] as number];
    else throw new Error('bad GIF LZW stream');
    for (const v of entry) if (n < pixelCount) out[n++] = v;
    if (prev) dict.push([...prev, entry[0] as number]);
    prev = entry;
    if (dict.length === 1 << codeSize && codeSize < 12) codeSize++;
  }
  return out;
}

export function decodeGif(bytes: Uint8Array): DecodedImage {
  const text = String.fromCharCode(...bytes.slice(0, 6));
  if (text !== 'GIF87a' && text !== 'GIF89a') throw new Error(`not a GIF: ${text}`);
  const width = (bytes[6] as number) | ((bytes[7] as number) << 8);
  const height = (bytes[8] as number) | ((bytes[9] as number) << 8);
  const flags = bytes[10] as number;
  let p = 13;
  let palette: number[][] = [];
  if (flags & 0x80) {
    const size = 2 << (flags & 7);
    for (let i = 0; i < size; i++)
      palette.push([bytes[p + i * 3] as number, bytes[p + i * 3 + 1] as number, bytes[p + i * 3 + 2] as number]);
    p += size * 3;
  }
  while (p < bytes.length) {
    const block = bytes[p];
    if (block === 0x21) {
      p += 2;
      while ((bytes[p] as number) !== 0) p += (bytes[p] as number) + 1;
      p += 1;
    } else if (block === 0x2c) {
      const iw = (bytes[p + 5] as number) | ((bytes[p + 6] as number) << 8);
      const ih = (bytes[p + 7] as number) | ((bytes[p + 8] as number) << 8);
      const iflags = bytes[p + 9] as number;
      p += 10;
      if (iflags & 0x80) {
        const size = 2 << (iflags & 7);
        palette = [];
        for (let i = 0; i < size; i++)
          palette.push([bytes[p + i * 3] as number, bytes[p + i * 3 + 1] as number, bytes[p + i * 3 + 2] as number]);
        p += size * 3;
      }
      const minCodeSize = bytes[p++] as number;
      const chunks: number[] = [];
      while ((bytes[p] as number) !== 0) {
        const len = bytes[p] as number;
        for (let i = 1; i <= len; i++) chunks.push(bytes[p + i] as number);
        p += len + 1;
      }
      const indices = lzwDecode(minCodeSize, Uint8Array.from(chunks), iw * ih);
      const data = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < iw * ih; i++) {
        const rgb = palette[indices[i] as number] ?? [0, 0, 0];
        data.set([rgb[0] as number, rgb[1] as number, rgb[2] as number, 255], i * 4);
      }
      return { width, height, data };
    } else break;
  }
  throw new Error('GIF without an image');
}

/** The text of a QR code given as a GIF data URL ('data:image/gif;base64,…'), read by jsQR; null when it reads as none. */
export function decodeQrDataUrl(dataUrl: string): string | null {
  const prefix = 'data:image/gif;base64,';
  if (!dataUrl.startsWith(prefix)) return null;
  const gif = decodeGif(new Uint8Array(Buffer.from(dataUrl.slice(prefix.length), 'base64')));
  return jsQR(gif.data, gif.width, gif.height)?.data ?? null;
}
