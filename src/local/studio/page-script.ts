/** The studio page's browser script: renders /api/book (grid, tabs, menus, sidebar) and runs menu items with their confirmations. Every sheet value goes in through textContent. */

/** Classic-script source, ES2020, kept free of template literals so it can live in this string. */
export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var MIN_COLUMNS = 26;
  var MIN_ROWS = 60;
  var FIRST_SLICE = 60;
  var SLICE = 150;
  var BUTTON_LABELS = { YES: 'はい', NO: 'いいえ', OK: 'OK', CANCEL: 'キャンセル', CLOSE: '閉じる' };
  var BUTTON_SETS = { YES_NO: ['NO', 'YES'], OK_CANCEL: ['CANCEL', 'OK'], YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'], OK: ['OK'] };

  // view: the number of the latest requested view (only its reply is shown); activating: tab clicks
  // still on their way; selection: the last selection made by the add-on that this page has seen.
  var state = { book: null, shown: null, busy: 0, sidebarGeneration: null, selected: null, refreshTimer: 0, menus: [], renderToken: 0, view: 0, activating: 0, selection: 0 };

  function byId(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function api(method, path, body) {
    var init = { method: method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok && !data.error) data.error = 'HTTP ' + response.status;
        return data;
      });
    }, function () {
      return { error: 'スタジオに接続できません。ターミナルで tsunagu studio が動いているか確認してください。' };
    });
  }

  function setBusy(delta) {
    state.busy = Math.max(0, state.busy + delta);
    byId('busy').hidden = state.busy === 0;
    byId('menu-extensions').disabled = state.busy > 0;
  }

  // ---- the book ----

  /**
   * Asks for the shown sheet and renders the answer, unless a newer view was asked for meanwhile.
   * While a tab click is on its way, refreshes wait for it: the click loads its own view after.
   */
  function loadBook(afterClick) {
    if (state.activating > 0 && !afterClick) return Promise.resolve();
    var seq = ++state.view;
    var query = '?selection=' + state.selection;
    if (state.shown) query += '&sheet=' + encodeURIComponent(state.shown);
    return api('GET', '/api/book' + query).then(function (book) {
      if (seq !== state.view) return;
      if (book.error) { toast(book.error); return; }
      render(book);
    });
  }

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(loadBook, 120);
  }

  function render(book) {
    var previous = state.book;
    // A cell the add-on selected (range.activate()) since the last view: the server shows its sheet.
    var target = null;
    if (typeof book.selection === 'number' && book.selection !== state.selection) {
      state.selection = book.selection;
      if (book.activeRange && book.activeRange.sheet === book.shownSheet) target = book.activeRange;
    }
    state.book = book;
    state.shown = book.shownSheet;
    document.title = book.name + ' - つなぐ スタジオ';
    byId('book-name').textContent = book.name;
    renderSaveState(book.save);
    renderMenus(book.menus);
    renderTabs(book);
    var sheet = null;
    for (var i = 0; i < book.sheets.length; i++) if (book.sheets[i].name === book.shownSheet) sheet = book.sheets[i];
    var sameSheet = previous && previous.shownSheet === book.shownSheet;
    renderGrid(sheet, sameSheet, target ? target.row : 0);
    if (target && sheet) showSelection(target);
    renderSidebar(book.sidebar);
  }

  function renderSaveState(save) {
    var node = byId('save-state');
    node.classList.toggle('error', save.state === 'error');
    if (save.state === 'memory') node.textContent = '保存先なし（メモリ内のみ）';
    else if (save.state === 'error') node.textContent = '保存できませんでした: ' + save.error;
    else if (save.state === 'saved' && save.at) node.textContent = save.file + ' に保存しました（' + new Date(save.at).toLocaleTimeString('ja-JP') + '）';
    else node.textContent = '保存先: ' + save.file;
    node.title = save.state === 'memory' ? 'ブックのファイルを指定せずに起動したため、変更は保存されません' : '';
  }

  // ---- menus ----

  var ROOT_CLASS = 'menu-root';

  function menuButton(caption, hasSubmenu) {
    var button = el('button', 'menu-item');
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
  function fillPanel(panel, items, level) {
    clear(panel);
    if (items.length === 0) panel.appendChild(el('div', 'menu-empty', 'アドオンのメニューはありません'));
    items.forEach(function (item) {
      if (item.type === 'separator') {
        panel.appendChild(el('div', 'menu-sep'));
        return;
      }
      var button = menuButton(item.caption, item.type === 'submenu');
      if (item.type === 'submenu') {
        button.setAttribute('data-testid', item.addon ? 'menu-addon' : 'menu-submenu');
        var open = function () { if (level === 1) openPanel('submenu-panel', button, item.items, 2, 'right'); };
        button.addEventListener('mouseenter', open);
        button.addEventListener('click', open);
      } else {
        button.setAttribute('data-testid', 'menu-item');
        button.setAttribute('data-fn', item.fn);
        button.addEventListener('mouseenter', function () { if (level === 1) byId('submenu-panel').hidden = true; });
        button.addEventListener('click', function () { runMenu(item.fn, []); });
      }
      panel.appendChild(button);
    });
  }

  function openPanel(id, anchor, items, level, side) {
    var panel = byId(id);
    fillPanel(panel, items, level);
    var bar = byId('menubar').getBoundingClientRect();
    var box = anchor.getBoundingClientRect();
    if (side === 'right') {
      panel.style.left = (box.right - bar.left - 4) + 'px';
      panel.style.top = (box.top - bar.top - 6) + 'px';
    } else {
      panel.style.left = (box.left - bar.left) + 'px';
      panel.style.top = (box.bottom - bar.top + 2) + 'px';
    }
    panel.hidden = false;
  }

  /** 拡張機能 holds the add-on menus; menus a script made with createMenu sit in the menu bar itself. */
  function renderMenus(menus) {
    var bar = byId('menubar');
    var old = bar.querySelectorAll('.menu-root.custom');
    for (var i = 0; i < old.length; i++) old[i].remove();
    state.menus = menus || [];
    var anchor = byId('menu-extensions');
    state.menus.forEach(function (menu) {
      if (menu.addon) return;
      var root = el('button', ROOT_CLASS + ' custom', menu.title);
      root.type = 'button';
      root.setAttribute('aria-haspopup', 'true');
      root.setAttribute('aria-expanded', 'false');
      root.setAttribute('data-testid', 'menu-custom');
      root.addEventListener('click', function (event) {
        event.stopPropagation();
        toggleRoot(root, menu.items);
      });
      anchor.after(root);
      anchor = root;
    });
  }

  function extensionItems() {
    return state.menus.filter(function (menu) { return menu.addon; }).map(function (menu) {
      return { type: 'submenu', caption: menu.title, items: menu.items, addon: true };
    });
  }

  function toggleRoot(root, items) {
    var wasOpen = root.getAttribute('aria-expanded') === 'true';
    closeMenus();
    if (wasOpen) return;
    openPanel('menu-panel', root, items, 1, 'below');
    root.setAttribute('aria-expanded', 'true');
  }

  function closeMenus() {
    byId('menu-panel').hidden = true;
    byId('submenu-panel').hidden = true;
    var roots = document.querySelectorAll('.menu-root');
    for (var i = 0; i < roots.length; i++) roots[i].setAttribute('aria-expanded', 'false');
  }

  /** The answer to send back for a choice made in the confirmation dialog. */
  function answerOf(alert, choice) {
    return alert.kind === 'prompt' ? { button: choice.button, text: choice.text } : choice.button;
  }

  /**
   * Runs one menu item. The server runs it with the decisions answered so far; the first one
   * nobody answered got its safe button (NO / CANCEL), so nothing happened yet. Ask staff now, and
   * if they choose otherwise, run it again with that answer queued.
   */
  function runMenu(fn, answers) {
    closeMenus();
    setBusy(1);
    return api('POST', '/api/menu/' + encodeURIComponent(fn), { answers: answers }).then(function (result) {
      setBusy(-1);
      if (!result.alerts) return showMessage('エラー', result.error || '実行できませんでした', true).then(loadBook);
      var pending = null;
      for (var i = 0; i < result.alerts.length; i++) {
        if (!result.alerts[i].scripted) { pending = result.alerts[i]; break; }
      }
      return Promise.resolve(pending ? ask(pending) : null).then(function (choice) {
        if (pending && choice.button !== pending.answer) return runMenu(fn, answers.concat([answerOf(pending, choice)]));
        var after = pending ? result.alerts.slice(result.alerts.indexOf(pending) + 1) : result.alerts;
        // The workbook behind the messages is already the new one.
        return loadBook().then(function () {
          return report({ alerts: after, toasts: result.toasts, error: result.error, cost: result.cost });
        });
      });
    });
  }

  /** The last call's estimated time in real Apps Script (docs/cost.md), beside the save state. */
  function renderCost(cost) {
    if (!cost || !cost.estimatedSeconds) return;
    var node = byId('cost-estimate');
    var n = function (x) { return Number(x).toLocaleString('ja-JP'); };
    node.textContent = 'Apps Script 推定 ' + cost.estimatedSeconds.low.toFixed(1) + '–' + cost.estimatedSeconds.high.toFixed(1) + ' 秒';
    node.title = '直前の実行: サービス呼び出し ' + n(cost.calls) + ' 回、読み取り ' + n(cost.cellsRead) + ' セル、書き込み ' + n(cost.cellsWritten) + ' セル（docs/cost.md のコストモデルによる推定）';
    node.hidden = false;
  }

  /** Shows what a call told staff: OK alerts as messages, toasts as toasts, a script error as an error. */
  function report(outcome) {
    renderCost(outcome.cost);
    (outcome.toasts || []).forEach(function (t) { toast((t.title ? t.title + ': ' : '') + t.message); });
    var chain = Promise.resolve();
    (outcome.alerts || []).forEach(function (a) {
      if (a.kind === 'alert' && a.buttons === 'OK') {
        chain = chain.then(function () { return showMessage(a.title, a.message, false); });
      } else if (!a.scripted) {
        toast('確認「' + (a.title || a.message) + '」には「' + (BUTTON_LABELS[a.answer] || a.answer) + '」と答えました');
      }
    });
    if (outcome.error) chain = chain.then(function () { return showMessage('スクリプトのエラー', outcome.error, true); });
    return chain;
  }

  // ---- dialogs ----

  function ask(alert) {
    return new Promise(function (resolve) {
      var dialog = byId('confirm-dialog');
      byId('confirm-title').textContent = alert.title || '確認';
      byId('confirm-message').textContent = alert.message;
      var input = byId('confirm-input');
      input.hidden = alert.kind !== 'prompt';
      input.value = '';
      var buttons = byId('confirm-buttons');
      clear(buttons);
      var set = BUTTON_SETS[alert.buttons] || BUTTON_SETS.YES_NO;
      var done = false;
      function finish(name) {
        if (done) return;
        done = true;
        dialog.close();
        resolve({ button: name, text: input.value });
      }
      set.forEach(function (name, index) {
        var button = el('button', index === set.length - 1 ? 'btn primary' : 'btn', BUTTON_LABELS[name] || name);
        button.type = 'button';
        button.setAttribute('data-testid', 'studio-confirm-' + name.toLowerCase());
        button.addEventListener('click', function () { finish(name); });
        buttons.appendChild(button);
      });
      dialog.oncancel = function (event) { event.preventDefault(); finish(alert.answer); };
      dialog.showModal();
      if (alert.kind === 'prompt') input.focus();
      else buttons.lastChild.focus();
    });
  }

  var messageQueue = Promise.resolve();
  function showMessage(title, message, isError) {
    messageQueue = messageQueue.then(function () {
      return new Promise(function (resolve) {
        var dialog = byId('message-dialog');
        dialog.classList.toggle('error', !!isError);
        byId('message-title').textContent = title || 'お知らせ';
        byId('message-text').textContent = message;
        var ok = byId('message-ok');
        function finish() { ok.onclick = null; dialog.close(); resolve(); }
        ok.onclick = finish;
        dialog.oncancel = function (event) { event.preventDefault(); finish(); };
        dialog.showModal();
        ok.focus();
      });
    });
    return messageQueue;
  }

  function toast(text) {
    var node = el('div', 'toast', text);
    node.setAttribute('role', 'status');
    byId('toasts').appendChild(node);
    setTimeout(function () { node.remove(); }, 6000);
  }

  // ---- tabs ----

  function renderTabs(book) {
    var tabs = byId('tabs');
    clear(tabs);
    var hidden = 0;
    book.sheets.forEach(function (sheet) {
      if (sheet.hidden) { hidden++; return; }
      var tab = el('button', 'tab', sheet.name);
      tab.type = 'button';
      tab.title = sheet.name;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('data-testid', 'sheet-tab');
      tab.setAttribute('aria-selected', sheet.name === book.shownSheet ? 'true' : 'false');
      tab.addEventListener('click', function () { activate(sheet.name); });
      tabs.appendChild(tab);
    });
    if (hidden > 0) tabs.appendChild(el('span', 'tab-info', '非表示のシート: ' + hidden));
  }

  /** A tab click always wins: replies to views asked for before it are dropped, and refreshes wait for it. */
  function activate(name) {
    state.shown = name;
    state.selected = null;
    state.view++;
    state.activating++;
    setBusy(1);
    api('POST', '/api/activate', { sheet: name }).then(function (result) {
      setBusy(-1);
      state.activating--;
      if (result.error) toast(result.error);
      // Selections the add-on made before the click are over: the clicked sheet stays shown.
      if (typeof result.selection === 'number') state.selection = result.selection;
      return loadBook(true);
    });
  }

  // ---- the grid ----

  function columnName(index) {
    var name = '';
    var n = index + 1;
    while (n > 0) {
      var rest = (n - 1) % 26;
      name = String.fromCharCode(65 + rest) + name;
      n = Math.floor((n - 1) / 26);
    }
    return name;
  }

  function textUnits(text) {
    var units = 0;
    for (var i = 0; i < text.length && units < 80; i++) units += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
    return units;
  }

  function columnWidths(rows, count) {
    var widths = [];
    for (var c = 0; c < count; c++) {
      var units = 0;
      for (var r = 0; r < rows.length && r < 200; r++) {
        var value = rows[r][c];
        if (value) units = Math.max(units, textUnits(value));
      }
      widths.push(units === 0 ? 100 : Math.max(64, Math.min(280, units * 7 + 16)));
    }
    return widths;
  }

  var NUMBER = /^[-+]?[¥$￥]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[-+]?[¥$￥]?\d+(\.\d+)?%?$/;

  /** minRows: rows to build at once (a selected cell further down must exist to be shown). */
  function renderGrid(sheet, keepScroll, minRows) {
    var scroll = byId('grid-scroll');
    var top = keepScroll ? scroll.scrollTop : 0;
    var left = keepScroll ? scroll.scrollLeft : 0;
    clear(scroll);
    var note = byId('grid-note');
    note.hidden = true;
    if (!sheet) {
      scroll.appendChild(el('div', 'grid-empty', '表示できるシートがありません'));
      return;
    }
    var rows = sheet.rows;
    var columnCount = Math.max(MIN_COLUMNS, sheet.shownColumns);
    var rowCount = Math.max(MIN_ROWS, rows.length + (sheet.lastRow > rows.length ? 0 : 20));
    if (sheet.lastRow > rows.length) rowCount = rows.length;
    var widths = columnWidths(rows, columnCount);

    var table = el('table', 'grid');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', sheet.name);
    var colgroup = el('colgroup');
    var rowHead = el('col');
    rowHead.style.width = '46px';
    colgroup.appendChild(rowHead);
    widths.forEach(function (w) { var col = el('col'); col.style.width = w + 'px'; colgroup.appendChild(col); });
    table.appendChild(colgroup);
    var total = 46;
    widths.forEach(function (w) { total += w; });
    table.style.width = total + 'px';

    var head = el('thead');
    var headRow = el('tr');
    headRow.appendChild(el('th', 'corner rownum'));
    for (var c = 0; c < columnCount; c++) headRow.appendChild(el('th', '', columnName(c)));
    head.appendChild(headRow);
    table.appendChild(head);

    var body = el('tbody');
    var frozen = Math.min(sheet.frozenRows || 0, rowCount);
    function buildRow(r) {
      var tr = el('tr');
      if (r < frozen) tr.className = r === frozen - 1 ? 'frozen frozen-last' : 'frozen';
      tr.appendChild(el('th', 'rownum', r + 1));
      var values = rows[r] || [];
      var fills = sheet.backgrounds[r] || [];
      var cellNotes = sheet.notes[r] || [];
      var bold = (sheet.bold && sheet.bold[r]) || [];
      for (var k = 0; k < columnCount; k++) {
        var td = document.createElement('td');
        var text = values[k];
        if (text) {
          td.textContent = text;
          if (NUMBER.test(text)) td.className = 'num';
          else if (text === 'TRUE' || text === 'FALSE') td.className = 'bool';
        }
        if (fills[k]) td.style.backgroundColor = fills[k];
        if (bold[k]) td.style.fontWeight = '600';
        if (cellNotes[k]) {
          td.classList.add('note');
          td.title = cellNotes[k];
          td.setAttribute('data-note', 'true');
        }
        tr.appendChild(td);
      }
      return tr;
    }
    // A newly shown sheet: the first screenful at once, the rest in slices, so a 1,000-row sheet
    // shows without a pause. A refresh of the same sheet is built whole, so the view does not jump.
    var token = ++state.renderToken;
    var firstSlice = keepScroll ? rowCount : Math.min(rowCount, Math.max(FIRST_SLICE, frozen, minRows || 0));
    for (var r = 0; r < firstSlice; r++) body.appendChild(buildRow(r));
    var next = firstSlice;
    function appendSlice() {
      if (token !== state.renderToken) return;
      var fragment = document.createDocumentFragment();
      var end = Math.min(rowCount, next + SLICE);
      for (; next < end; next++) fragment.appendChild(buildRow(next));
      body.appendChild(fragment);
      if (next < rowCount) setTimeout(appendSlice, 0);
      else table.setAttribute('data-complete', 'true');
    }
    if (next < rowCount) setTimeout(appendSlice, 0);
    else table.setAttribute('data-complete', 'true');
    table.appendChild(body);
    table.addEventListener('click', onCellClick);
    scroll.appendChild(table);

    // Frozen rows stay under the column letters while the rest scrolls, as in Sheets.
    var offset = headRow.getBoundingClientRect().height;
    var frozenRows = body.querySelectorAll('tr.frozen');
    for (var f = 0; f < frozenRows.length; f++) {
      var cells = frozenRows[f].children;
      for (var x = 0; x < cells.length; x++) cells[x].style.top = offset + 'px';
      offset += frozenRows[f].getBoundingClientRect().height;
    }

    var remarks = [];
    if (sheet.lastRow > rows.length) remarks.push('最初の ' + rows.length.toLocaleString('ja-JP') + ' 行を表示しています（全 ' + sheet.lastRow.toLocaleString('ja-JP') + ' 行）');
    if (sheet.lastColumn > sheet.shownColumns) remarks.push('最初の ' + sheet.shownColumns + ' 列を表示しています（全 ' + sheet.lastColumn + ' 列）');
    if (remarks.length) {
      note.textContent = remarks.join(' / ');
      note.hidden = false;
    }
    scroll.scrollTop = top;
    scroll.scrollLeft = left;
    if (keepScroll && state.selected) selectCell(state.selected.row, state.selected.column);
    else showCell(null);
  }

  function onCellClick(event) {
    var td = event.target.closest('td');
    if (!td) return;
    var tr = td.parentNode;
    selectCell(tr.sectionRowIndex, td.cellIndex - 1);
  }

  function selectCell(row, column) {
    var scroll = byId('grid-scroll');
    var old = scroll.querySelectorAll('.selected, .sel-head');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('selected', 'sel-head');
    var table = scroll.querySelector('table');
    if (!table) return;
    var tr = table.tBodies[0].rows[row];
    if (!tr || !tr.cells[column + 1]) return showCell(null);
    var td = tr.cells[column + 1];
    td.classList.add('selected');
    tr.cells[0].classList.add('sel-head');
    var head = table.tHead.rows[0].cells[column + 1];
    if (head) head.classList.add('sel-head');
    state.selected = { row: row, column: column };
    showCell({ ref: columnName(column) + (row + 1), text: td.textContent, note: td.title });
  }

  /** Shows the add-on's selection: highlights its cell, scrolled into view, and its address in the name box. */
  function showSelection(range) {
    selectCell(range.row - 1, range.column - 1);
    var td = byId('grid-scroll').querySelector('td.selected');
    if (!td) {
      // Outside the rows and columns the studio shows: the address alone.
      state.selected = null;
      showCell({ ref: range.a1, text: '', note: '' });
      return;
    }
    if (range.a1.indexOf(':') >= 0) byId('name-box').textContent = range.a1;
    td.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  function showCell(cell) {
    byId('name-box').textContent = cell ? cell.ref : '';
    byId('formula-text').textContent = cell ? cell.text : '';
    byId('formula-text').title = cell && cell.note ? 'メモ: ' + cell.note : '';
  }

  // ---- the add-on sidebar ----

  function renderSidebar(sidebar) {
    var pane = byId('sidebar');
    var frame = byId('sidebar-frame');
    if (!sidebar) {
      pane.hidden = true;
      if (state.sidebarGeneration !== null) frame.src = 'about:blank';
      state.sidebarGeneration = null;
      return;
    }
    byId('sidebar-title').textContent = sidebar.title;
    frame.title = sidebar.title;
    pane.hidden = false;
    if (state.sidebarGeneration !== sidebar.generation) {
      state.sidebarGeneration = sidebar.generation;
      frame.src = '/sidebar?g=' + encodeURIComponent(String(sidebar.generation));
    }
  }

  function closeSidebar() {
    renderSidebar(null);
    api('POST', '/api/sidebar/close', {});
  }

  window.addEventListener('message', function (event) {
    var frame = byId('sidebar-frame');
    if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.source !== 'tsunagu-shim') return;
    if (data.type === 'close') closeSidebar();
    else if (data.type === 'ran') {
      report(data.detail || {});
      scheduleRefresh();
    }
  });

  // ---- start ----

  byId('menu-extensions').addEventListener('click', function (event) {
    event.stopPropagation();
    toggleRoot(byId('menu-extensions'), extensionItems());
  });
  byId('menubar').addEventListener('click', function (event) { event.stopPropagation(); });
  document.addEventListener('click', closeMenus);
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') closeMenus(); });
  byId('sidebar-close').addEventListener('click', closeSidebar);
  loadBook();
})();`;
