/**
 * The only way the sidebar builds DOM: `el(tag, attrs, ...children)`. Text goes in as text nodes or
 * textContent and attributes through a whitelist, so sheet data (names, headers, sample values)
 * can never become markup, an event handler or a URL.
 */

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;
export type Child = Node | string | number | null | undefined | false;

/** Tags that load or run something; el() refuses them at compile time and at run time. */
type ForbiddenTag =
  'script' | 'style' | 'link' | 'meta' | 'base' | 'iframe' | 'object' | 'embed' | 'a' | 'img' | 'form';
export type SafeTag = Exclude<keyof HTMLElementTagNameMap, ForbiddenTag>;
const FORBIDDEN_TAGS: ReadonlySet<string> = new Set<ForbiddenTag>([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'object',
  'embed',
  'a',
  'img',
  'form',
]);

/** Attributes that carry no script and no URL. Event handlers, URLs (href, src, action) and style are not here. */
const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'class',
  'type',
  'role',
  'title',
  'for',
  'name',
  'value',
  'min',
  'max',
  'lang',
  'dir',
  'tabindex',
  'hidden',
  'disabled',
  'selected',
  'checked',
  'open',
  'colspan',
  'rowspan',
  'scope',
  'autocomplete',
]);
const PREFIXED_ATTRIBUTE = /^(aria|data)-[a-z][a-z0-9-]*$/;

export function isAllowedAttribute(name: string): boolean {
  return ALLOWED_ATTRIBUTES.has(name) || PREFIXED_ATTRIBUTE.test(name);
}

/** Sets (or, for null/undefined/false, removes) one whitelisted attribute; `true` sets it empty. */
export function setAttr(node: Element, name: string, value: AttrValue): void {
  if (!isAllowedAttribute(name)) throw new Error(`Attribute not allowed in the sidebar: ${name}`);
  if (value === null || value === undefined || value === false) node.removeAttribute(name);
  else node.setAttribute(name, value === true ? '' : String(value));
}

/** A new element with whitelisted attributes and text/element children. */
export function el<K extends SafeTag>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  if (FORBIDDEN_TAGS.has(tag)) throw new Error(`Tag not allowed in the sidebar: ${tag}`);
  const node = document.createElement(tag);
  if (attrs) {
    for (const name of Object.keys(attrs)) setAttr(node, name, attrs[name]);
  }
  const present = children.filter(isPresent);
  const only = present[0];
  if (present.length === 1 && (typeof only === 'string' || typeof only === 'number')) {
    node.textContent = String(only);
  } else {
    append(node, ...present);
  }
  return node;
}

/** Appends children; strings and numbers become text nodes, which are never parsed as markup. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (!isPresent(child)) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Removes every child of `node`. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A `<button type="button">` with `content` (text or elements) that runs `onClick`. */
export function button(content: Child | readonly Child[], onClick: () => void, attrs?: Attrs): HTMLButtonElement {
  const children: Child[] = Array.isArray(content) ? [...(content as readonly Child[])] : [content as Child];
  const node = el('button', { type: 'button', ...attrs }, ...children);
  node.addEventListener('click', onClick);
  return node;
}

/** A unique id for label/aria wiring. */
let nextId = 0;
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

function isPresent(child: Child): child is Node | string | number {
  return child !== null && child !== undefined && child !== false;
}
