/** The studio's menu bar: 拡張機能 with the add-on's menu (and its submenus), and menus a script added with createMenu. */
import type { MenuEntry, MenuView } from '../page-types';
import { byId, clear, el } from './dom';

type Item = MenuEntry | { type: 'submenu'; caption: string; items: MenuEntry[]; addon: true };

export class Menus {
  private menus: MenuView[] = [];

  constructor(private readonly run: (fn: string) => void) {
    byId('menu-extensions').addEventListener('click', (event) => {
      event.stopPropagation();
      this.toggleRoot(byId('menu-extensions'), this.extensionItems());
    });
    byId('menubar').addEventListener('click', (event) => event.stopPropagation());
    document.addEventListener('click', () => this.close());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
  }

  /** 拡張機能 holds the add-on menus; menus a script made with createMenu sit in the menu bar itself. */
  render(menus: MenuView[]): void {
    const bar = byId('menubar');
    for (const old of Array.from(bar.querySelectorAll('.menu-root.custom'))) old.remove();
    this.menus = menus;
    let anchor: HTMLElement = byId('menu-extensions');
    for (const menu of menus) {
      if (menu.addon) continue;
      const root = el('button', 'menu-root custom', menu.title);
      root.type = 'button';
      root.setAttribute('aria-haspopup', 'true');
      root.setAttribute('aria-expanded', 'false');
      root.setAttribute('data-testid', 'menu-custom');
      root.addEventListener('click', (event) => {
        event.stopPropagation();
        this.toggleRoot(root, menu.items);
      });
      anchor.after(root);
      anchor = root;
    }
  }

  private extensionItems(): Item[] {
    return this.menus
      .filter((menu) => menu.addon)
      .map((menu) => ({ type: 'submenu', caption: menu.title, items: menu.items, addon: true }) as const);
  }

  private button(caption: string, hasSubmenu: boolean): HTMLButtonElement {
    const button = el('button', 'menu-item');
    button.type = 'button';
    button.setAttribute('role', 'menuitem');
    button.appendChild(el('span', '', caption));
    if (hasSubmenu) {
      button.setAttribute('aria-haspopup', 'true');
      button.appendChild(el('span', 'arrow', '▸'));
    }
    return button;
  }

  /** Fills a menu panel; level 1 entries may open a submenu in the second panel. */
  private fill(panel: HTMLElement, items: Item[], level: number): void {
    clear(panel);
    if (items.length === 0) panel.appendChild(el('div', 'menu-empty', 'アドオンのメニューはありません'));
    for (const item of items) {
      if (item.type === 'separator') {
        panel.appendChild(el('div', 'menu-sep'));
        continue;
      }
      const button = this.button(item.caption, item.type === 'submenu');
      if (item.type === 'submenu') {
        button.setAttribute('data-testid', 'addon' in item ? 'menu-addon' : 'menu-submenu');
        const open = (): void => {
          if (level === 1) this.open('submenu-panel', button, item.items, 2, 'right');
        };
        button.addEventListener('mouseenter', open);
        button.addEventListener('click', open);
      } else {
        button.setAttribute('data-testid', 'menu-item');
        button.setAttribute('data-fn', item.fn);
        button.addEventListener('mouseenter', () => {
          if (level === 1) byId('submenu-panel').hidden = true;
        });
        button.addEventListener('click', () => {
          this.close();
          this.run(item.fn);
        });
      }
      panel.appendChild(button);
    }
  }

  private open(id: string, anchor: HTMLElement, items: Item[], level: number, side: 'right' | 'below'): void {
    const panel = byId(id);
    this.fill(panel, items, level);
    const bar = byId('menubar').getBoundingClientRect();
    const box = anchor.getBoundingClientRect();
    if (side === 'right') {
      panel.style.left = `${box.right - bar.left - 4}px`;
      panel.style.top = `${box.top - bar.top - 6}px`;
    } else {
      panel.style.left = `${box.left - bar.left}px`;
      panel.style.top = `${box.bottom - bar.top + 2}px`;
    }
    panel.hidden = false;
  }

  private toggleRoot(root: HTMLElement, items: Item[]): void {
    const wasOpen = root.getAttribute('aria-expanded') === 'true';
    this.close();
    if (wasOpen) return;
    this.open('menu-panel', root, items, 1, 'below');
    root.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    byId('menu-panel').hidden = true;
    byId('submenu-panel').hidden = true;
    for (const root of Array.from(document.querySelectorAll('.menu-root'))) root.setAttribute('aria-expanded', 'false');
  }

  setEnabled(enabled: boolean): void {
    byId<HTMLButtonElement>('menu-extensions').disabled = !enabled;
  }
}
