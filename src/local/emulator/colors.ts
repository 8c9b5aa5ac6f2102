/** Colours as Sheets takes them (CSS names, #rgb, #rrggbb) and gives them back ('#rrggbb', lower case). */

/** The CSS colour names scripts most often pass to setBackground/setFontColor. */
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  aqua: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  olive: '#808000',
  navy: '#000080',
  purple: '#800080',
  teal: '#008080',
  orange: '#ffa500',
  pink: '#ffc0cb',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  lightyellow: '#ffffe0',
  lightgreen: '#90ee90',
  lightblue: '#add8e6',
};

/** The colour to store, or null for "no colour" (null, '', 'none', 'white' stays white). */
// real-sheets-checklist RS-13
export function normalizeColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined) return null;
  const text = String(color).trim().toLowerCase();
  if (text === '' || text === 'none' || text === 'null') return null;
  const named = NAMED[text];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  throw new Error(`Invalid argument: color (${String(color)})`);
}

export function rgbColor(red: number, green: number, blue: number): string {
  const hex = (n: number) =>
    Math.max(0, Math.min(255, Math.round(n)))
      .toString(16)
      .padStart(2, '0');
  return `#${hex(red)}${hex(green)}${hex(blue)}`;
}
