/** The studio page served at /: its HTML frame, with the stylesheet and the bundled page script inlined under a per-response nonce. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import { PAGE_STYLE } from './page-style';

/** The page script, built by esbuild from src/local/studio/page/main.ts. */
export function pageScriptPath(): string {
  return join(projectRoot(), 'build', 'studio-page.js');
}

/** The built page script, read at every request (a rebuilt one shows on the next load); null before the first build. */
function pageScript(): string | null {
  const path = pageScriptPath();
  if (!existsSync(path)) return null;
  // "</script" inside the bundle would end the inline script early.
  return readFileSync(path, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
}

/** Content-Security-Policy of the page: only its own nonce'd style and script, fetches and frames from the studio itself. */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "frame-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function studioPage(nonce: string): string {
  const script = pageScript();
  if (script === null) {
    return `<!doctype html><meta charset="utf-8"><title>つなぐ スタジオ</title><p>build/studio-page.js がありません。先に <code>npm run build</code> を実行してください。<br>build/studio-page.js is missing: run <code>npm run build</code>.</p>`;
  }
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>つなぐ スタジオ</title>
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<div class="busy" id="busy" role="progressbar" aria-label="実行中" hidden></div>
<header class="topbar">
  <div class="logo" aria-hidden="true">つ</div>
  <div class="title-block">
    <div class="book-name" id="book-name" data-testid="book-name">読み込み中…</div>
    <div class="book-sub">つなぐ スタジオ — Google スプレッドシートとアドオンを手元で試せます（オフライン）</div>
  </div>
  <span class="save-state" id="save-state" data-testid="save-state" role="status"></span>
  <button type="button" class="btn small" id="reload-book" data-testid="reload-book" hidden>再読み込み</button>
  <a class="btn small" href="/forms" target="_blank" rel="noopener" data-testid="open-forms" title="つなぐが作成したフォームに回答者として答える">フォーム（回答者）</a>
  <span class="cost-estimate" id="cost-estimate" data-testid="cost-estimate" hidden></span>
  <span class="badge" title="Google には接続していません">ローカル</span>
</header>
<nav class="menubar" id="menubar" aria-label="メニュー">
  <button type="button" class="menu-root" id="menu-extensions" aria-haspopup="true" aria-expanded="false" data-testid="menu-extensions">拡張機能</button>
  <div class="menu-panel" id="menu-panel" role="menu" hidden></div>
  <div class="menu-panel" id="submenu-panel" role="menu" hidden></div>
</nav>
<div class="formula-bar">
  <div class="name-box" id="name-box" aria-label="セル"></div>
  <div class="fx" aria-hidden="true">fx</div>
  <div class="formula-text" id="formula-text" data-testid="formula-text"></div>
</div>
<main class="workspace">
  <section class="sheet-area">
    <div class="grid-scroll" id="grid-scroll" data-testid="grid" tabindex="0"></div>
    <div class="grid-note" id="grid-note" data-testid="grid-note" hidden></div>
    <div class="tab-bar">
      <button type="button" class="all-sheets" id="all-sheets" data-testid="all-sheets" aria-haspopup="true" title="すべてのシート" aria-label="すべてのシート">☰</button>
      <div class="menu-panel all-sheets-panel" id="all-sheets-panel" data-testid="all-sheets-panel" role="menu" hidden></div>
      <nav class="tabs" id="tabs" role="tablist" aria-label="シート"></nav>
    </div>
  </section>
  <aside class="sidebar" id="sidebar" data-testid="sidebar" hidden>
    <div class="sidebar-head">
      <span class="sidebar-title" id="sidebar-title" data-testid="sidebar-title"></span>
      <button type="button" class="icon-button" id="sidebar-close" aria-label="サイドバーを閉じる" title="閉じる">×</button>
    </div>
    <iframe id="sidebar-frame" data-testid="sidebar-frame" title="アドオンのサイドバー"></iframe>
  </aside>
</main>
<dialog id="confirm-dialog" data-testid="studio-confirm" aria-labelledby="confirm-title">
  <h2 id="confirm-title"></h2>
  <p id="confirm-message"></p>
  <input id="confirm-input" class="prompt-input" type="text" aria-label="入力" hidden>
  <div class="dialog-buttons" id="confirm-buttons"></div>
</dialog>
<dialog id="message-dialog" data-testid="studio-message" aria-labelledby="message-title">
  <h2 id="message-title"></h2>
  <p id="message-text"></p>
  <div class="dialog-buttons"><button type="button" class="btn primary" id="message-ok" data-testid="studio-message-ok">OK</button></div>
</dialog>
<dialog id="html-dialog" class="html-dialog" data-testid="studio-html-dialog" aria-labelledby="html-dialog-title">
  <div class="html-dialog-head">
    <h2 id="html-dialog-title" data-testid="studio-html-dialog-title"></h2>
    <button type="button" class="icon-button" id="html-dialog-close" data-testid="studio-html-dialog-close" aria-label="ダイアログを閉じる" title="閉じる">×</button>
  </div>
  <iframe id="html-dialog-frame" data-testid="studio-html-dialog-frame" title="アドオンのダイアログ"></iframe>
</dialog>
<div class="toasts" id="toasts" aria-live="polite"></div>
<div class="note-popup" id="note-popup" data-testid="note-popup" role="tooltip" hidden></div>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}
