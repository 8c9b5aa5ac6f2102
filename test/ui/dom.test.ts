import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';

/**
 * el() runs against a tiny fake document (no jsdom here). The module is imported through a
 * variable path so the Node type-check (tsconfig.json, no DOM lib) does not pull in DOM code;
 * src/ui itself is type-checked by tsconfig.ui.json.
 */
class FakeNode {
  childNodes: FakeNode[] = [];
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  appendChild(child: FakeNode): FakeNode {
    this.childNodes.push(child);
    return child;
  }
  removeChild(child: FakeNode): FakeNode {
    this.childNodes = this.childNodes.filter((node) => node !== child);
    return child;
  }
  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }
}

class FakeText extends FakeNode {
  constructor(readonly data: string) {
    super();
  }
  override get textContent(): string {
    return this.data;
  }
}

class FakeElement extends FakeNode {
  readonly attributes = new Map<string, string>();
  readonly listeners: string[] = [];
  constructor(readonly tagName: string) {
    super();
  }
  override get textContent(): string {
    return super.textContent;
  }
  override set textContent(value: string) {
    this.childNodes = [new FakeText(value)];
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(type: string): void {
    this.listeners.push(type);
  }
}

interface DomModule {
  el(tag: string, attrs?: Record<string, unknown> | null, ...children: unknown[]): FakeElement;
  button(content: unknown, onClick: () => void, attrs?: Record<string, unknown>): FakeElement;
  setAttr(node: FakeElement, name: string, value: unknown): void;
  clear(node: FakeNode): void;
  isAllowedAttribute(name: string): boolean;
}

const scope = globalThis as unknown as { document?: unknown };
let dom: DomModule;

beforeAll(async () => {
  scope.document = {
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (data: string) => new FakeText(data),
  };
  const modulePath = '../../src/ui/dom';
  dom = (await import(/* @vite-ignore */ modulePath)) as DomModule;
});

afterAll(() => {
  delete scope.document;
});

const MARKUP = '<img src=x onerror="window.__x=1">';

describe('dom', () => {
  describe('el', () => {
    it('puts a string that looks like markup in as text, never as elements', () => {
      const node = dom.el('span', { class: 'sample' }, MARKUP);
      expect(node.textContent).toBe(MARKUP);
      expect(node.childNodes).toHaveLength(1);
      expect(node.childNodes[0]).toBeInstanceOf(FakeText);
    });

    it('appends mixed children as text nodes and elements, skipping null and false', () => {
      const child = dom.el('b', null, 'x');
      const node = dom.el('p', null, MARKUP, null, false, child, 3);
      expect(node.childNodes.map((n) => (n instanceof FakeText ? 'text' : (n as FakeElement).tagName))).toEqual([
        'text',
        'b',
        'text',
      ]);
      expect(node.textContent).toBe(`${MARKUP}x3`);
    });

    it('sets whitelisted attributes, aria-* and data-* included; true as empty, false/null left out', () => {
      const node = dom.el('button', {
        type: 'button',
        'data-testid': 'sheet-item',
        'aria-selected': 'true',
        title: MARKUP,
        disabled: true,
        hidden: false,
        id: null,
      });
      expect(Object.fromEntries(node.attributes)).toEqual({
        type: 'button',
        'data-testid': 'sheet-item',
        'aria-selected': 'true',
        title: MARKUP,
        disabled: '',
      });
    });

    it('sets the max and value of a progress bar (検証 in parts shows how far it is)', () => {
      const node = dom.el('progress', { max: 7, value: 3 });
      expect(Object.fromEntries(node.attributes)).toEqual({ max: '7', value: '3' });
    });

    it.each([
      'onclick',
      'onerror',
      'ONCLICK',
      'href',
      'src',
      'srcdoc',
      'style',
      'action',
      'formaction',
      'xlink:href',
      'data-',
    ])('refuses the attribute %s', (name) => {
      expect(dom.isAllowedAttribute(name)).toBe(false);
      expect(() => dom.el('div', { [name]: 'x' })).toThrow(/not allowed/);
    });

    it.each(['script', 'iframe', 'img', 'a', 'style', 'object'])('refuses the tag %s', (tag) => {
      expect(() => dom.el(tag)).toThrow(/not allowed/);
    });
  });

  describe('setAttr', () => {
    it('removes an attribute set to null and refuses event handlers', () => {
      const node = dom.el('div', { 'aria-busy': 'true' });
      dom.setAttr(node, 'aria-busy', null);
      expect(node.attributes.has('aria-busy')).toBe(false);
      expect(() => dom.setAttr(node, 'onmouseover', 'x')).toThrow(/not allowed/);
    });
  });

  describe('button', () => {
    it('is a type=button with its label as text and a click listener', () => {
      const node = dom.button(MARKUP, () => undefined, { 'data-testid': 'setup-create' });
      expect(node.tagName).toBe('button');
      expect(node.attributes.get('type')).toBe('button');
      expect(node.textContent).toBe(MARKUP);
      expect(node.listeners).toEqual(['click']);
    });
  });

  describe('clear', () => {
    it('removes every child', () => {
      const node = dom.el('ul', null, dom.el('li', null, 'a'), dom.el('li', null, 'b'));
      dom.clear(node);
      expect(node.childNodes).toHaveLength(0);
    });
  });
});
