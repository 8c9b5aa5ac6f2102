/** Small DOM helpers of the studio page: every text goes in through textContent, never as markup. */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the studio page has no #${id}`);
  return node as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string | number | null,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** 0 → A, 25 → Z, 26 → AA (0-based column index). */
export function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** 'C13' or 'C13:D14' → its top-left cell (1-based); null for anything else. */
export function parseCell(a1: string): { row: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d{1,7})(?::[A-Z]{1,3}\d{1,7})?$/.exec(a1.toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1] as string) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}
