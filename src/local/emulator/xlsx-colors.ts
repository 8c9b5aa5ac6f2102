/** Colours in an .xlsx file as Sheets reports them ('#rrggbb'): rgb, theme colours with their tint, and the legacy indexed palette. */
import type ExcelJS from 'exceljs';

/** Excel's 64-colour legacy palette (BIFF8), addressed by `indexed`. 64 and above are system colours. */
const INDEXED = [
  '000000', 'ffffff', 'ff0000', '00ff00', '0000ff', 'ffff00', 'ff00ff', '00ffff',
  '000000', 'ffffff', 'ff0000', '00ff00', '0000ff', 'ffff00', 'ff00ff', '00ffff',
  '800000', '008000', '000080', '808000', '800080', '008080', 'c0c0c0', '808080',
  '9999ff', '993366', 'ffffcc', 'ccffff', '660066', 'ff8080', '0066cc', 'ccccff',
  '000080', 'ff00ff', 'ffff00', '00ffff', '800080', '800000', '008080', '0000ff',
  '00ccff', 'ccffff', 'ccffcc', 'ffff99', '99ccff', 'ff99cc', 'cc99ff', 'ffcc99',
  '3366ff', '33cccc', '99cc00', 'ffcc00', 'ff9900', 'ff6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
]; // prettier-ignore

/** The Office theme's colours, for a file without a theme part. */
const DEFAULT_SCHEME: Record<string, string> = {
  dk1: '000000',
  lt1: 'ffffff',
  dk2: '1f497d',
  lt2: 'eeece1',
  accent1: '4f81bd',
  accent2: 'c0504d',
  accent3: '9bbb59',
  accent4: '8064a2',
  accent5: '4bacc6',
  accent6: 'f79646',
  hlink: '0000ff',
  folHlink: '800080',
};

/** `theme="n"` in a cell style counts the scheme in this order (light and dark swapped against the XML). */
const THEME_ORDER = [
  'lt1',
  'dk1',
  'lt2',
  'dk2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
];

/** A workbook's theme colours, read from its theme part (a:clrScheme), in `theme="n"` order. */
export function themePalette(workbook: ExcelJS.Workbook): string[] {
  const xml = (workbook as unknown as { _themes?: Record<string, string> })._themes?.theme1;
  const scheme = { ...DEFAULT_SCHEME };
  if (typeof xml === 'string') {
    for (const name of Object.keys(DEFAULT_SCHEME)) {
      const block = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(xml)?.[1] ?? '';
      const rgb = /<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(block)?.[1] ?? /lastClr="([0-9A-Fa-f]{6})"/.exec(block)?.[1];
      if (rgb) scheme[name] = rgb.toLowerCase();
    }
  }
  return THEME_ORDER.map((name) => scheme[name] as string);
}

function hex(n: number): string {
  return Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, '0');
}

/** Excel's tint: a lightness change in HSL, darker for negative tints and lighter for positive ones. */
function applyTint(rgb: string, tint: number): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  if (s === 0) return hex(l * 255).repeat(3);
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  return hex(hue(p, q, h + 1 / 3) * 255) + hex(hue(p, q, h) * 255) + hex(hue(p, q, h - 1 / 3) * 255);
}

/**
 * A colour of a fill or a font as '#rrggbb'; undefined for "automatic" and for what cannot be resolved.
 * real-sheets-checklist RS-37: Sheets reports an uploaded theme colour as the colour it shows.
 */
export function resolveColor(color: Partial<ExcelJS.Color> | undefined, theme: readonly string[]): string | undefined {
  if (!color) return undefined;
  const c = color as { argb?: string; theme?: number; tint?: number; indexed?: number };
  let rgb: string | undefined;
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(c.argb)) rgb = c.argb.slice(2).toLowerCase();
  else if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{6}$/.test(c.argb)) rgb = c.argb.toLowerCase();
  else if (typeof c.theme === 'number') rgb = theme[c.theme];
  else if (typeof c.indexed === 'number') rgb = INDEXED[c.indexed];
  if (rgb === undefined) return undefined;
  if (typeof c.tint === 'number' && c.tint !== 0) rgb = applyTint(rgb, c.tint);
  return `#${rgb}`;
}

/** '#rrggbb' as exceljs's opaque ARGB. */
export function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}
