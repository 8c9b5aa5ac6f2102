/** The studio page's stylesheet: a calm, Google-Sheets-like frame (top bar, menu bar, grid, sheet tabs, sidebar, dialogs). */

export const PAGE_STYLE = String.raw`
:root {
  --font: "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", sans-serif;
  --ink: #1f1f1f;
  --ink-soft: #5f6368;
  --line: #e1e3e1;
  --grid-line: #e2e2e2;
  --header-bg: #f8f9fa;
  --header-ink: #444746;
  --chrome: #f9fbfd;
  --accent: #0b8043;
  --accent-soft: #e6f4ea;
  --select: #1a73e8;
  --select-soft: #e8f0fe;
  --danger: #b3261e;
  --row-h: 21px;
  --rownum-w: 46px;
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  font-family: var(--font);
  font-size: 13px;
  color: var(--ink);
  background: var(--chrome);
  display: flex;
  flex-direction: column;
  overflow: hidden;
}
button { font-family: inherit; font-size: inherit; }

/* Top bar: the workbook name and where it is saved. */
.topbar {
  display: flex;
  align-items: center;
  gap: 12px;
  padding: 8px 16px 2px;
  min-height: 48px;
}
.logo {
  width: 30px; height: 36px;
  border-radius: 4px;
  background: var(--accent);
  color: #fff;
  display: grid; place-items: center;
  font-weight: 700; font-size: 16px;
  flex: none;
  box-shadow: inset 0 -8px 0 rgba(0,0,0,.12);
}
.title-block { display: flex; flex-direction: column; min-width: 0; }
.book-name { font-size: 18px; line-height: 24px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.book-sub { font-size: 12px; color: var(--ink-soft); }
.save-state { margin-left: auto; font-size: 12px; color: var(--ink-soft); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.cost-estimate[hidden], .btn[hidden] { display: none; }
.btn.small { padding: 3px 12px; font-size: 12px; }
.save-state.error { color: var(--danger); }
.cost-estimate { font-size: 12px; color: var(--ink-soft); white-space: nowrap; }
.badge {
  font-size: 11px; padding: 2px 8px; border-radius: 10px;
  background: var(--accent-soft); color: var(--accent); white-space: nowrap;
}

/* Menu bar. */
.menubar { display: flex; gap: 2px; padding: 0 10px 4px 58px; position: relative; }
.menu-root {
  background: none; border: 0; padding: 3px 8px; border-radius: 4px; color: var(--ink); cursor: pointer;
}
.menu-root:hover, .menu-root[aria-expanded="true"] { background: #e8eaed; }
.menu-root:disabled { color: #9aa0a6; cursor: default; background: none; }
.menu-panel {
  position: absolute; z-index: 50;
  background: #fff; border-radius: 4px; padding: 6px 0; min-width: 220px;
  box-shadow: 0 2px 6px rgba(60,64,67,.15), 0 1px 2px rgba(60,64,67,.3);
}
.menu-panel[hidden] { display: none; }
.menu-item {
  display: flex; align-items: center; justify-content: space-between; gap: 24px;
  width: 100%; text-align: left; background: none; border: 0; padding: 6px 16px 6px 24px; cursor: pointer; color: var(--ink);
}
.menu-item:hover, .menu-item:focus-visible { background: #f1f3f4; outline: none; }
.menu-item .arrow { color: var(--ink-soft); }
.menu-sep { height: 1px; background: var(--line); margin: 6px 0; }
.menu-empty { padding: 6px 24px; color: var(--ink-soft); }

/* Formula bar. */
.formula-bar {
  display: flex; align-items: stretch; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line);
  background: #fff; height: 28px;
}
.name-box { width: 90px; border-right: 1px solid var(--line); padding: 5px 10px; color: var(--ink-soft); }
.fx { padding: 4px 10px; color: var(--ink-soft); font-style: italic; border-right: 1px solid var(--line); }
.formula-text { flex: 1; padding: 5px 10px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

/* Workspace: the grid on the left, the add-on sidebar on the right. */
.workspace { flex: 1; display: flex; min-height: 0; }
.sheet-area { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #fff; }
.grid-scroll { flex: 1; overflow: auto; position: relative; outline: none; }
.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 13px; }
.grid tr { height: var(--row-h); }
.grid th, .grid td {
  height: var(--row-h); padding: 0 4px; line-height: calc(var(--row-h) - 2px);
  border-right: 1px solid var(--grid-line); border-bottom: 1px solid var(--grid-line);
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.grid thead th {
  position: sticky; top: 0; z-index: 3;
  background: var(--header-bg); color: var(--header-ink); font-weight: 400; text-align: center;
  border-bottom-color: #c7c7c7;
}
.grid th.rownum {
  position: sticky; left: 0; z-index: 2;
  background: var(--header-bg); color: var(--header-ink); font-weight: 400; text-align: center;
  border-right-color: #c7c7c7; font-size: 11px;
}
.grid thead th.corner { left: 0; z-index: 5; }
.grid tr.frozen td, .grid tr.frozen th.rownum { position: sticky; z-index: 2; }
.grid tr.frozen th.rownum { z-index: 4; }
.grid tr.frozen td { background-color: #fff; }
.grid tr.frozen-last td, .grid tr.frozen-last th { border-bottom: 3px solid #c0c4c8; }
.grid td { position: relative; }
.grid td.num { text-align: right; }
.grid td.bool { text-align: center; }
.grid td.note::after {
  content: ""; position: absolute; top: 0; right: 0;
  border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #f29900 transparent transparent;
}
.grid td.selected { outline: 2px solid var(--select); outline-offset: -2px; }
.grid-scroll:focus-visible td.selected { outline-width: 3px; }
.grid tr.spacer td { padding: 0; border: 0; }
.grid td.merged { text-align: center; vertical-align: middle; }
.grid td.checkbox { text-align: center; }
.grid input.cell-checkbox { margin: 0; width: 14px; height: 14px; vertical-align: middle; accent-color: #1a73e8; cursor: pointer; }
.grid img.cell-image { display: block; margin: 0 auto; height: 18px; width: auto; image-rendering: pixelated; }
.grid a.cell-link { color: #1155cc; text-decoration: underline; cursor: pointer; }
.note-popup {
  position: fixed; z-index: 70; max-width: 320px; min-width: 120px; padding: 8px 10px;
  background: #fff; color: var(--ink); border: 1px solid #dadce0; border-radius: 2px; white-space: pre-wrap;
  box-shadow: 0 1px 3px rgba(60,64,67,.3), 0 4px 8px 3px rgba(60,64,67,.15); font-size: 12px; line-height: 1.5; pointer-events: none;
}
.note-popup[hidden] { display: none; }
.grid th.sel-head { background: #d3e3fd; color: #0b57d0; }
.grid-note {
  padding: 6px 12px; font-size: 12px; color: var(--ink-soft); background: #fef7e0; border-top: 1px solid #f9e2a8;
}
.grid-empty { padding: 40px; color: var(--ink-soft); text-align: center; }

/* Sheet tabs: each keeps its whole name (the bar scrolls), and ☰ lists every sheet, as in Sheets. */
.tab-bar { display: flex; align-items: stretch; flex: none; position: relative; background: var(--chrome); border-top: 1px solid var(--line); }
.all-sheets {
  flex: none; width: var(--rownum-w); border: 0; background: none; color: var(--header-ink); cursor: pointer; font-size: 16px;
}
.all-sheets:hover { background: #eceff1; }
.all-sheets-panel { left: 6px; bottom: 40px; max-height: 60vh; overflow-y: auto; }
.all-sheets-panel .menu-item.current { font-weight: 600; color: #0b57d0; }
.all-sheets-panel .menu-item:disabled { color: #9aa0a6; cursor: default; }
.tabs {
  display: flex; align-items: stretch; gap: 2px; height: 38px; padding: 0 8px 0 0; flex: 1; min-width: 0;
  overflow-x: auto; overflow-y: hidden; scrollbar-width: thin;
}
.tab {
  flex: none; border: 0; background: none; padding: 0 16px; color: var(--header-ink); cursor: pointer; white-space: nowrap;
  border-radius: 0 0 6px 6px; max-width: 320px; overflow: hidden; text-overflow: ellipsis;
}
.tab:hover { background: #eceff1; }
.tab[aria-selected="true"] { background: var(--select-soft); color: #0b57d0; font-weight: 500; box-shadow: inset 0 3px 0 #0b57d0; }
.tab-info { margin-left: auto; align-self: center; color: var(--ink-soft); font-size: 12px; white-space: nowrap; padding-left: 12px; }

/* The add-on sidebar. */
.sidebar {
  width: 300px; flex: none; display: flex; flex-direction: column; background: #fff;
  border-left: 1px solid var(--line); box-shadow: -1px 0 3px rgba(60,64,67,.08);
}
.sidebar[hidden] { display: none; }
.sidebar-head {
  display: flex; align-items: center; gap: 8px; height: 48px; padding: 0 8px 0 16px; border-bottom: 1px solid var(--line);
}
.sidebar-title { flex: 1; font-size: 15px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.icon-button {
  width: 32px; height: 32px; border-radius: 50%; border: 0; background: none; cursor: pointer; font-size: 18px; color: var(--ink-soft);
}
.icon-button:hover { background: #f1f3f4; }
.sidebar iframe { flex: 1; border: 0; width: 100%; }

/* Busy bar. */
.busy { position: fixed; top: 0; left: 0; right: 0; height: 3px; overflow: hidden; z-index: 100; }
.busy[hidden] { display: none; }
.busy::before {
  content: ""; position: absolute; inset: 0 60% 0 0; background: var(--select);
  animation: busy 1.1s ease-in-out infinite;
}
@keyframes busy { from { transform: translateX(-100%); } to { transform: translateX(250%); } }

/* Dialogs: confirmation (YES/NO) and messages (OK). */
dialog {
  border: 0; border-radius: 8px; padding: 24px; width: min(460px, 92vw);
  box-shadow: 0 4px 8px 3px rgba(60,64,67,.15), 0 1px 3px rgba(60,64,67,.3);
  font-family: var(--font); color: var(--ink);
}
dialog::backdrop { background: rgba(32,33,36,.45); }
dialog h2 { margin: 0 0 12px; font-size: 18px; font-weight: 400; }
dialog p { margin: 0 0 20px; white-space: pre-wrap; line-height: 1.6; color: #3c4043; max-height: 50vh; overflow: auto; }
dialog.error h2 { color: var(--danger); }
/* An HTML dialog a script showed (Ui.showModalDialog), its page in a frame, as Sheets shows it. */
dialog.html-dialog { width: auto; max-width: 96vw; padding: 12px 16px 16px; }
.html-dialog-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-bottom: 8px; }
.html-dialog-head h2 { margin: 0; }
#html-dialog-frame { border: 0; display: block; max-width: 92vw; max-height: 80vh; }
.prompt-input {
  width: 100%; margin: 0 0 20px; padding: 8px 10px; font: inherit; border: 1px solid #dadce0; border-radius: 4px;
}
.prompt-input[hidden] { display: none; }
.dialog-buttons { display: flex; justify-content: flex-end; gap: 8px; }
.btn {
  border: 1px solid #dadce0; background: #fff; color: #0b57d0; border-radius: 4px; padding: 7px 18px; cursor: pointer; font-weight: 500;
}
.btn:hover { background: #f6fafe; }
.btn.primary { background: #0b57d0; color: #fff; border-color: #0b57d0; }
.btn.primary:hover { background: #0a4fbd; }

/* Toasts (bottom right), as Sheets shows script messages. */
.toasts { position: fixed; right: 16px; bottom: 52px; display: flex; flex-direction: column; gap: 8px; z-index: 60; }
.toast {
  background: #323232; color: #fff; border-radius: 4px; padding: 10px 16px; max-width: 360px; font-size: 13px;
  box-shadow: 0 2px 6px rgba(0,0,0,.3);
}
`;
