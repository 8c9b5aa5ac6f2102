/** The sheet tabs under the grid: every visible sheet with its full name (the bar scrolls), and a list of all sheets, as Sheets has. */
import type { BookView } from '../page-types';
import { byId, clear, el } from './dom';

export class Tabs {
  constructor(private readonly activate: (name: string) => void) {
    byId('all-sheets').addEventListener('click', (event) => {
      event.stopPropagation();
      const panel = byId('all-sheets-panel');
      panel.hidden = !panel.hidden;
    });
    document.addEventListener('click', () => {
      byId('all-sheets-panel').hidden = true;
    });
  }

  render(book: BookView): void {
    const tabs = byId('tabs');
    clear(tabs);
    const panel = byId('all-sheets-panel');
    clear(panel);
    let hidden = 0;
    let selected: HTMLElement | null = null;
    for (const sheet of book.sheets) {
      const item = el('button', 'menu-item', sheet.name);
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.setAttribute('data-testid', 'all-sheets-item');
      if (sheet.hidden) {
        hidden++;
        item.disabled = true;
        item.title = '非表示のシート';
      } else {
        item.addEventListener('click', () => {
          panel.hidden = true;
          this.activate(sheet.name);
        });
      }
      if (sheet.name === book.shownSheet) item.classList.add('current');
      panel.appendChild(item);
      if (sheet.hidden) continue;
      const tab = el('button', 'tab', sheet.name);
      tab.type = 'button';
      tab.title = sheet.name;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('data-testid', 'sheet-tab');
      const current = sheet.name === book.shownSheet;
      tab.setAttribute('aria-selected', current ? 'true' : 'false');
      tab.addEventListener('click', () => this.activate(sheet.name));
      tabs.appendChild(tab);
      if (current) selected = tab;
    }
    if (hidden > 0) tabs.appendChild(el('span', 'tab-info', `非表示のシート: ${hidden}`));
    // The shown sheet's tab is scrolled into the bar, as Sheets keeps the active tab visible.
    if (selected) {
      const left = selected.offsetLeft - tabs.offsetLeft;
      if (left < tabs.scrollLeft) tabs.scrollLeft = left;
      else if (left + selected.offsetWidth > tabs.scrollLeft + tabs.clientWidth) {
        tabs.scrollLeft = left + selected.offsetWidth - tabs.clientWidth;
      }
    }
  }
}
