/**
 * The studio's grid, as Sheets shows a sheet: every row reachable (the rows around the view are
 * fetched as it scrolls), frozen rows on top, merged cells, check boxes, links to cells, notes on
 * hover, and a selection moved with the mouse or the keyboard and always fully in view.
 */
import type { CellImageView, CellLink, SheetSnapshot, SheetWindow } from '../page-types';
import { byId, clear, columnName, el } from './dom';

const MIN_COLUMNS = 26;
const MIN_ROWS = 60;
/** Blank rows shown below the last row with content, as Sheets shows the rest of its grid. */
const ROWS_BELOW = 20;
/** Rows fetched around the view; a new window is asked for when the view comes this close to an edge. */
const FETCH_ROWS = 300;
const FETCH_ABOVE = 100;
const EDGE = 20;
const ROWNUM_WIDTH = 46;
const DEFAULT_WIDTH = 100;
const NUMBER = /^[-+]?[¥$￥]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[-+]?[¥$￥]?\d+(\.\d+)?%?$/;

export interface Selected {
  row: number;
  column: number;
}

export interface GridEvents {
  /** The grid needs rows from `top` on (1-based) to show what is in view. */
  needRows(top: number, rows: number): void;
  /** Staff clicked a check box. */
  toggle(row: number, column: number, checked: boolean): void;
  /** Staff followed a link to a cell. */
  follow(link: CellLink): void;
  /** The selected cell changed (null: nothing selected). */
  selected(cell: { a1: string; text: string; note: string } | null): void;
}

/** Merged areas drawn as one cell: their spans by top-left 'row:column', and the cells they cover. */
interface Merges {
  spans: Map<string, { rows: number; columns: number }>;
  covered: Map<string, string>;
}

interface CellData {
  text: string;
  fill: string;
  note: string;
  bold: boolean;
  checkbox: boolean | null;
  link: CellLink | null;
  image: CellImageView | null;
}

function cellOf(window: SheetWindow | null, row: number, column: number): CellData | null {
  if (!window) return null;
  const i = row - window.firstRow;
  if (i < 0 || i >= window.rows.length) return null;
  const j = column - 1;
  return {
    text: window.rows[i]?.[j] ?? '',
    fill: window.backgrounds[i]?.[j] ?? '',
    note: window.notes[i]?.[j] ?? '',
    bold: window.bold[i]?.[j] ?? false,
    checkbox: window.checkboxes[i]?.[j] ?? null,
    link: window.links[i]?.[j] ?? null,
    image: window.images[i]?.[j] ?? null,
  };
}

function textUnits(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length && units < 80; i++) units += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
  return units;
}

export class Grid {
  private sheet: SheetSnapshot | null = null;
  private widths: number[] = [];
  /** Column widths per sheet, kept while the sheet is shown so the columns do not jump as rows arrive. */
  private readonly widthsBySheet = new Map<string, number[]>();
  private rowHeight = 21;
  private headerHeight = 22;
  private columnCount = 0;
  private totalRows = 0;
  private frozenRows = 0;
  private cells = new Map<string, HTMLTableCellElement>();
  private selection: Selected | null = null;
  private wanted: { top: number; until: number } | null = null;
  private scrollQueued = false;

  constructor(
    private readonly scroll: HTMLElement,
    private readonly events: GridEvents,
  ) {
    scroll.addEventListener('scroll', () => this.onScroll());
    scroll.addEventListener('click', (event) => this.onClick(event));
    scroll.addEventListener('keydown', (event) => this.onKey(event));
    scroll.addEventListener('mouseover', (event) => this.onHover(event));
    scroll.addEventListener('mouseleave', () => this.hideNote());
  }

  get shownSheet(): string | null {
    return this.sheet?.name ?? null;
  }

  get selectedCell(): Selected | null {
    return this.selection;
  }

  /** The first row of the sheet a window should start at to show `row` with some rows above it. */
  static windowTop(row: number): number {
    return Math.max(1, row - FETCH_ABOVE);
  }

  /** Whether the rows in view are the ones the grid has. */
  private loaded(row: number): boolean {
    const window = this.sheet?.window;
    if (!window || !this.sheet) return false;
    if (row <= this.frozenRows) return true;
    if (row > this.sheet.lastRow) return true;
    return row >= window.firstRow && row < window.firstRow + window.rows.length;
  }

  /**
   * Shows a sheet. `same`: the same sheet as before (a refresh or more rows), so the view stays
   * where it is; otherwise it starts at the top. `target`: a cell to select and bring into view.
   */
  show(sheet: SheetSnapshot | null, same: boolean, target: Selected | null): void {
    const top = same ? this.scroll.scrollTop : 0;
    const left = same ? this.scroll.scrollLeft : 0;
    if (!same) {
      this.selection = null;
      this.wanted = null;
    }
    this.sheet = sheet;
    this.hideNote();
    clear(this.scroll);
    const note = byId('grid-note');
    note.hidden = true;
    this.cells = new Map();
    if (!sheet || !sheet.window) {
      this.scroll.appendChild(el('div', 'grid-empty', '表示できるシートがありません'));
      this.events.selected(null);
      return;
    }
    this.frozenRows = Math.min(sheet.frozenRows, Math.max(sheet.lastRow, sheet.frozenRows));
    this.columnCount = Math.max(MIN_COLUMNS, sheet.shownColumns);
    this.totalRows = Math.max(MIN_ROWS, sheet.lastRow + ROWS_BELOW, this.frozenRows);
    this.widths = this.columnWidths(sheet, same);
    this.scroll.appendChild(this.buildTable(sheet));
    this.measure();
    if (sheet.lastColumn > sheet.shownColumns) {
      note.textContent = `最初の ${sheet.shownColumns} 列を表示しています（全 ${sheet.lastColumn} 列）`;
      note.hidden = false;
    }
    this.scroll.scrollTop = top;
    this.scroll.scrollLeft = left;
    if (target) this.select(target.row, target.column, true);
    else if (this.selection) this.select(this.selection.row, this.selection.column, false);
    else this.events.selected(null);
    // A window that came back for rows the view has left: ask for the ones in view now.
    this.onScroll();
  }

  private columnWidths(sheet: SheetSnapshot, same: boolean): number[] {
    const kept = this.widthsBySheet.get(sheet.name);
    if (same && kept && kept.length === this.columnCount) return kept;
    const rows = sheet.window?.rows ?? [];
    const widths: number[] = [];
    for (let c = 0; c < this.columnCount; c++) {
      const own = sheet.columnWidths[c];
      if (own !== undefined && own !== DEFAULT_WIDTH) {
        widths.push(Math.max(24, own));
        continue;
      }
      let units = 0;
      for (let r = 0; r < rows.length && r < 200; r++) {
        const value = rows[r]?.[c];
        if (value) units = Math.max(units, textUnits(value));
      }
      widths.push(units === 0 ? DEFAULT_WIDTH : Math.max(64, Math.min(280, units * 7 + 16)));
    }
    this.widthsBySheet.set(sheet.name, widths);
    return widths;
  }

  private buildTable(sheet: SheetSnapshot): HTMLTableElement {
    const table = el('table', 'grid');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', sheet.name);
    table.setAttribute('aria-rowcount', String(this.totalRows));
    const colgroup = el('colgroup');
    const rowHead = el('col');
    rowHead.style.width = `${ROWNUM_WIDTH}px`;
    colgroup.appendChild(rowHead);
    let total = ROWNUM_WIDTH;
    for (const w of this.widths) {
      const col = el('col');
      col.style.width = `${w}px`;
      colgroup.appendChild(col);
      total += w;
    }
    table.appendChild(colgroup);
    table.style.width = `${total}px`;

    const head = el('thead');
    const headRow = el('tr');
    headRow.appendChild(el('th', 'corner rownum'));
    for (let c = 0; c < this.columnCount; c++) headRow.appendChild(el('th', '', columnName(c)));
    head.appendChild(headRow);
    table.appendChild(head);

    const body = el('tbody');
    const window = sheet.window as SheetWindow;
    const frozen = this.frozenRows;
    const frozenSource = window.firstRow <= 1 ? window : sheet.frozen;
    const windowFirst = Math.max(frozen + 1, window.firstRow);
    const windowLast = window.firstRow + window.rows.length - 1;
    const built = (r: number): 'frozen' | 'window' | 'blank' | null => {
      if (r <= frozen) return 'frozen';
      if (r >= windowFirst && r <= windowLast) return 'window';
      if (r > Math.max(sheet.lastRow, frozen) && r <= this.totalRows) return 'blank';
      return null;
    };
    const merges = this.drawableMerges(sheet, built);
    for (let r = 1; r <= frozen; r++) body.appendChild(this.buildRow(r, frozenSource, merges, true));
    let next = frozen + 1;
    if (windowLast >= windowFirst) {
      this.spacer(body, windowFirst - next);
      for (let r = windowFirst; r <= windowLast; r++) body.appendChild(this.buildRow(r, window, merges, false));
      next = windowLast + 1;
    }
    const dataEnd = Math.max(sheet.lastRow, frozen);
    if (dataEnd >= next) {
      this.spacer(body, dataEnd - next + 1);
      next = dataEnd + 1;
    }
    // Rows past the last one with content are blank: built here, nothing to fetch.
    for (let r = next; r <= this.totalRows; r++) body.appendChild(this.buildRow(r, null, merges, false));
    table.appendChild(body);
    table.setAttribute('data-complete', 'true');
    return table;
  }

  /**
   * The merges drawn as one cell: those whose rows are all built, in the same part of the grid
   * (frozen rows or the fetched rows). A merge cut by the edge of the fetched rows is drawn as
   * separate cells (only its top-left one has a value anyway).
   */
  private drawableMerges(sheet: SheetSnapshot, built: (r: number) => string | null): Merges {
    const spans = new Map<string, { rows: number; columns: number }>();
    const covered = new Map<string, string>();
    for (const m of sheet.merges) {
      const part = built(m.row);
      if (part === null || m.column > this.columnCount) continue;
      let whole = true;
      for (let r = m.row; r < m.row + m.numRows; r++) if (built(r) !== part) whole = false;
      if (!whole) continue;
      const anchor = `${m.row}:${m.column}`;
      const columns = Math.min(m.numColumns, this.columnCount - m.column + 1);
      spans.set(anchor, { rows: m.numRows, columns });
      for (let r = m.row; r < m.row + m.numRows; r++) {
        for (let c = m.column; c < m.column + columns; c++)
          if (r !== m.row || c !== m.column) covered.set(`${r}:${c}`, anchor);
      }
    }
    return { spans, covered };
  }

  private spacer(body: HTMLElement, rows: number): void {
    if (rows <= 0) return;
    const tr = el('tr', 'spacer');
    tr.setAttribute('aria-hidden', 'true');
    tr.setAttribute('data-rows', String(rows));
    const td = el('td');
    td.colSpan = this.columnCount + 1;
    td.style.height = `${rows * this.rowHeight}px`;
    tr.appendChild(td);
    body.appendChild(tr);
  }

  private buildRow(r: number, source: SheetWindow | null, merges: Merges, frozen: boolean) {
    const tr = el('tr');
    tr.setAttribute('data-row', String(r));
    if (frozen) tr.className = r === this.frozenRows ? 'frozen frozen-last' : 'frozen';
    tr.appendChild(el('th', 'rownum', r));
    for (let c = 1; c <= this.columnCount; c++) {
      const key = `${r}:${c}`;
      const anchor = merges.covered.get(key);
      if (anchor) {
        const anchorTd = this.cells.get(anchor);
        if (anchorTd) this.cells.set(key, anchorTd);
        continue;
      }
      const td = document.createElement('td');
      td.setAttribute('data-r', String(r));
      td.setAttribute('data-c', String(c));
      const span = merges.spans.get(key);
      if (span) {
        td.colSpan = span.columns;
        if (span.rows > 1) td.rowSpan = span.rows;
        td.classList.add('merged');
      }
      const data = cellOf(source, r, c);
      if (data) this.fill(td, data);
      this.cells.set(key, td);
      tr.appendChild(td);
    }
    return tr;
  }

  private fill(td: HTMLTableCellElement, data: CellData): void {
    if (data.image) {
      // A picture in the cell, fitted to it as Sheets fits a cell image.
      const img = el('img', 'cell-image');
      img.src = data.image.src;
      img.alt = data.image.alt;
      img.title = data.image.alt;
      img.setAttribute('data-testid', 'cell-image');
      td.appendChild(img);
      td.classList.add('image');
    } else if (data.checkbox !== null) {
      const box = el('input', 'cell-checkbox');
      box.type = 'checkbox';
      box.checked = data.checkbox;
      box.tabIndex = -1;
      box.setAttribute('data-testid', 'cell-checkbox');
      box.setAttribute('aria-label', data.checkbox ? 'チェックあり' : 'チェックなし');
      td.appendChild(box);
      td.classList.add('checkbox');
    } else if (data.link) {
      const link = el('a', 'cell-link', data.text);
      link.href = `#gid=${data.link.sheetId}&range=${data.link.range}`;
      link.tabIndex = -1;
      link.setAttribute('data-testid', 'cell-link');
      td.appendChild(link);
    } else if (data.text) {
      td.textContent = data.text;
      if (NUMBER.test(data.text)) td.classList.add('num');
      else if (data.text === 'TRUE' || data.text === 'FALSE') td.classList.add('bool');
    }
    if (data.fill) td.style.backgroundColor = data.fill;
    if (data.bold) td.style.fontWeight = '600';
    if (data.note) {
      td.classList.add('note');
      td.setAttribute('data-note', data.note);
    }
  }

  private measure(): void {
    const table = this.scroll.querySelector('table');
    const head = table?.tHead?.rows[0];
    const row = table?.tBodies[0]?.querySelector('tr:not(.spacer)');
    if (head) this.headerHeight = head.getBoundingClientRect().height || this.headerHeight;
    const height = row?.getBoundingClientRect().height;
    if (height && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      // Spacers were sized with the old guess.
      for (const spacer of Array.from(this.scroll.querySelectorAll<HTMLElement>('tr.spacer'))) {
        const td = spacer.firstElementChild as HTMLElement | null;
        if (td) td.style.height = `${Number(spacer.getAttribute('data-rows')) * height}px`;
      }
    }
    // Frozen rows stay under the column letters while the rest scrolls, as in Sheets.
    let offset = this.headerHeight;
    for (const tr of Array.from(this.scroll.querySelectorAll<HTMLElement>('tbody tr.frozen'))) {
      for (const cell of Array.from(tr.children) as HTMLElement[]) cell.style.top = `${offset}px`;
      offset += tr.getBoundingClientRect().height;
    }
  }

  /** The rows in view (1-based, first and last), below the frozen ones. */
  private rowsInView(): { first: number; last: number } {
    const frozen = this.frozenRows * this.rowHeight;
    const first = this.frozenRows + 1 + Math.floor(this.scroll.scrollTop / this.rowHeight);
    const visible = Math.ceil((this.scroll.clientHeight - this.headerHeight - frozen) / this.rowHeight);
    return { first, last: first + Math.max(0, visible) };
  }

  private onScroll(): void {
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      this.hideNote();
      const sheet = this.sheet;
      if (!sheet?.window) return;
      const { first, last } = this.rowsInView();
      const from = Math.max(this.frozenRows + 1, first - EDGE);
      const to = Math.min(sheet.lastRow, last + EDGE);
      if (from > to || (this.loaded(from) && this.loaded(to))) return;
      const top = Grid.windowTop(first);
      if (this.wanted && this.wanted.top === top) return;
      this.wanted = { top, until: top + FETCH_ROWS };
      this.events.needRows(top, FETCH_ROWS);
    });
  }

  /** A new window arrived: the next scroll may ask again. */
  windowArrived(): void {
    this.wanted = null;
  }

  // ---- selection ----

  /** Selects a cell of the sheet; `reveal` scrolls until the whole cell is in view. */
  select(row: number, column: number, reveal: boolean): void {
    const sheet = this.sheet;
    if (!sheet) return;
    row = Math.max(1, Math.min(row, this.totalRows));
    column = Math.max(1, Math.min(column, this.columnCount));
    this.selection = { row, column };
    for (const old of Array.from(this.scroll.querySelectorAll('.selected, .sel-head'))) {
      old.classList.remove('selected', 'sel-head');
    }
    const td = this.cells.get(`${row}:${column}`);
    if (reveal) this.reveal(row, column);
    if (!td) {
      // Not built yet (rows still on their way): the cell is selected when they arrive.
      if (!this.loaded(row)) this.events.needRows(Grid.windowTop(row), FETCH_ROWS);
      this.events.selected({ a1: `${columnName(column - 1)}${row}`, text: '', note: '' });
      return;
    }
    td.classList.add('selected');
    td.setAttribute('aria-selected', 'true');
    const tr = this.scroll.querySelector<HTMLTableRowElement>(`tbody tr[data-row="${row}"]`);
    tr?.cells[0]?.classList.add('sel-head');
    const head = (this.scroll.querySelector('table') as HTMLTableElement | null)?.tHead?.rows[0]?.cells[column];
    head?.classList.add('sel-head');
    this.events.selected({
      a1: `${columnName(column - 1)}${row}`,
      text: td.textContent ?? '',
      note: td.getAttribute('data-note') ?? '',
    });
  }

  /** Scrolls so that the whole cell is visible below the column letters and the frozen rows. */
  private reveal(row: number, column: number): void {
    const frozen = this.frozenRows * this.rowHeight;
    if (row > this.frozenRows) {
      const top = this.headerHeight + (row - 1) * this.rowHeight;
      const bottom = top + this.rowHeight;
      const viewTop = this.scroll.scrollTop + this.headerHeight + frozen;
      const viewBottom = this.scroll.scrollTop + this.scroll.clientHeight;
      if (top < viewTop) this.scroll.scrollTop = top - this.headerHeight - frozen;
      else if (bottom > viewBottom) this.scroll.scrollTop = bottom - this.scroll.clientHeight;
    }
    let left = ROWNUM_WIDTH;
    for (let c = 1; c < column; c++) left += this.widths[c - 1] ?? DEFAULT_WIDTH;
    const right = left + (this.widths[column - 1] ?? DEFAULT_WIDTH);
    const viewLeft = this.scroll.scrollLeft + ROWNUM_WIDTH;
    const viewRight = this.scroll.scrollLeft + this.scroll.clientWidth;
    if (left < viewLeft) this.scroll.scrollLeft = left - ROWNUM_WIDTH;
    else if (right > viewRight) this.scroll.scrollLeft = right - this.scroll.clientWidth;
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const td = target.closest<HTMLTableCellElement>('td[data-r]');
    if (!td) return;
    const row = Number(td.getAttribute('data-r'));
    const column = Number(td.getAttribute('data-c'));
    if (target.matches('a.cell-link')) {
      event.preventDefault();
      // As in Sheets, the grid keeps the keyboard after a link is followed.
      this.scroll.focus({ preventScroll: true });
      const link = this.linkAt(row, column);
      if (link) this.events.follow(link);
      return;
    }
    if (target.matches('input.cell-checkbox')) {
      this.events.toggle(row, column, (target as HTMLInputElement).checked);
    }
    this.scroll.focus({ preventScroll: true });
    this.select(row, column, true);
  }

  private linkAt(row: number, column: number): CellLink | null {
    const sheet = this.sheet;
    if (!sheet) return null;
    const source = row <= this.frozenRows && sheet.frozen ? sheet.frozen : sheet.window;
    return cellOf(source, row, column)?.link ?? null;
  }

  /** Arrow keys, Tab, Enter, Home/End, Page Up/Down and Ctrl+Home/End move the selection, as in Sheets; Space ticks a check box. */
  private onKey(event: KeyboardEvent): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const at = this.selection ?? { row: 1, column: 1 };
    const page = Math.max(1, Math.floor((this.scroll.clientHeight - this.headerHeight) / this.rowHeight) - 1);
    const lastRow = Math.max(1, sheet.lastRow);
    const lastColumn = Math.max(1, Math.min(sheet.lastColumn, this.columnCount));
    const ctrl = event.ctrlKey || event.metaKey;
    let next: Selected;
    switch (event.key) {
      case 'ArrowDown':
        next = { row: ctrl ? lastRow : at.row + 1, column: at.column };
        break;
      case 'ArrowUp':
        next = { row: ctrl ? 1 : at.row - 1, column: at.column };
        break;
      case 'ArrowRight':
        next = { row: at.row, column: ctrl ? lastColumn : at.column + 1 };
        break;
      case 'ArrowLeft':
        next = { row: at.row, column: ctrl ? 1 : at.column - 1 };
        break;
      case 'Tab':
        next = { row: at.row, column: at.column + (event.shiftKey ? -1 : 1) };
        break;
      case 'Enter': {
        const link = event.altKey ? this.linkAt(at.row, at.column) : null;
        if (link) {
          event.preventDefault();
          this.events.follow(link);
          return;
        }
        next = { row: at.row + (event.shiftKey ? -1 : 1), column: at.column };
        break;
      }
      case 'Home':
        next = ctrl ? { row: 1, column: 1 } : { row: at.row, column: 1 };
        break;
      case 'End':
        next = ctrl ? { row: lastRow, column: lastColumn } : { row: at.row, column: lastColumn };
        break;
      case 'PageDown':
        next = { row: at.row + page, column: at.column };
        break;
      case 'PageUp':
        next = { row: at.row - page, column: at.column };
        break;
      case ' ': {
        const td = this.cells.get(`${at.row}:${at.column}`);
        const box = td?.querySelector<HTMLInputElement>('input.cell-checkbox');
        if (box) {
          event.preventDefault();
          box.checked = !box.checked;
          this.events.toggle(at.row, at.column, box.checked);
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.select(next.row, next.column, true);
  }

  // ---- notes ----

  /** A note shows beside its cell while the pointer is over it, as in Sheets. */
  private onHover(event: MouseEvent): void {
    const td = (event.target as HTMLElement).closest<HTMLElement>('td[data-note]');
    if (!td) {
      this.hideNote();
      return;
    }
    const popup = byId('note-popup');
    if (
      popup.getAttribute('data-for') === td.getAttribute('data-r') + ':' + td.getAttribute('data-c') &&
      !popup.hidden
    ) {
      return;
    }
    popup.textContent = td.getAttribute('data-note') ?? '';
    popup.setAttribute('data-for', `${td.getAttribute('data-r')}:${td.getAttribute('data-c')}`);
    popup.hidden = false;
    const box = td.getBoundingClientRect();
    const width = popup.offsetWidth;
    const left = box.right + 4 + width > window.innerWidth ? Math.max(4, box.left - width - 4) : box.right + 4;
    popup.style.left = `${left}px`;
    popup.style.top = `${Math.max(4, Math.min(box.top, window.innerHeight - popup.offsetHeight - 4))}px`;
  }

  hideNote(): void {
    const popup = document.getElementById('note-popup');
    if (popup) popup.hidden = true;
  }
}
