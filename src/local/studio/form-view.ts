/**
 * The studio's form view pages: /forms lists Tsunagu's forms in the emulator (each language its own
 * form), /form?id=… shows one as a respondent sees it — the form's JSON and the bundled form script
 * (build/studio-form.js, from src/local/studio/form-page) inlined under a per-response nonce.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import type { RespondableForm } from '../respond';
import type { RespondentForm } from './form-types';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const STYLE = `
body { margin: 0; background: #f0ebf8; font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Roboto, Arial, sans-serif; color: #202124; }
main { max-width: 720px; margin: 12px auto 48px; padding: 0 12px; }
.form-head, .page > h2, .item, .done, .list li { background: #fff; border-radius: 8px; border: 1px solid #dadce0; }
.form-head { border-top: 10px solid #673ab7; padding: 16px 24px; margin-bottom: 12px; }
.form-head h1 { font-size: 26px; font-weight: 400; margin: 0 0 8px; }
.description, .help { white-space: pre-wrap; color: #5f6368; font-size: 14px; line-height: 1.6; }
.page > h2 { font-size: 20px; font-weight: 400; margin: 0 0 12px; padding: 12px 24px; background: #673ab7; color: #fff; border: 0; }
.page > p.description { background: #fff; margin: -12px 0 12px; padding: 8px 24px 12px; border-radius: 0 0 8px 8px; }
.item { padding: 20px 24px; margin-bottom: 12px; }
.item.header { background: #fff8e1; }
.item-title { font-size: 16px; margin-bottom: 8px; white-space: pre-wrap; }
.item h3.item-title { font-size: 18px; font-weight: 500; }
.required { color: #d93025; }
.item input[type=text], .item textarea, .item select, .item input[type=date], .item input[type=time] { font: inherit; padding: 6px 4px; border: 0; border-bottom: 1px solid #dadce0; width: 100%; max-width: 420px; background: transparent; }
.choices { display: flex; flex-direction: column; gap: 8px; }
.choices.scale { flex-direction: row; align-items: center; flex-wrap: wrap; gap: 16px; }
.choice { display: flex; align-items: center; gap: 8px; cursor: pointer; }
table.grid { border-collapse: collapse; }
table.grid th, table.grid td { padding: 6px 10px; text-align: center; font-weight: 400; }
table.grid tr:nth-child(even) { background: #f8f9fa; }
.problem { color: #d93025; font-size: 13px; margin-top: 8px; }
.item:has(.problem:not([hidden])) { border-color: #d93025; }
.form-error { background: #fce8e6; color: #c5221f; border-radius: 8px; padding: 12px 24px; margin-bottom: 12px; white-space: pre-wrap; }
.buttons { display: flex; gap: 12px; margin-top: 8px; }
.buttons button { font: inherit; padding: 8px 24px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; cursor: pointer; }
.buttons button.next { background: #673ab7; color: #fff; border-color: #673ab7; }
.done { padding: 24px; }
.list { list-style: none; padding: 0; }
.list li { padding: 12px 24px; margin-bottom: 8px; }
.muted { color: #5f6368; font-size: 13px; }
[hidden] { display: none !important; }
`;

/** Content-Security-Policy of the form pages: only their own nonce'd style and script, fetches to the studio. */
export function formPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** /forms: Tsunagu's forms in the emulator, each language its own, as links to their form view. */
export function formListPage(nonce: string, forms: readonly RespondableForm[]): string {
  const items = forms
    .map(
      (f) =>
        `<li data-testid="form-link-item"><a href="/form?id=${encodeURIComponent(f.formId)}" data-testid="form-link" data-name="${escapeHtml(f.name)}" data-language="${escapeHtml(f.language)}">${escapeHtml(f.title)}</a>` +
        `<div class="muted">${escapeHtml(f.name)}・${escapeHtml(f.languageLabel.ja)}${f.acceptingResponses ? '' : '・回答を受け付けていません'}</div></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>フォーム（回答者の画面）</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main><header class="form-head"><h1>フォーム（回答者の画面）</h1>
<p class="description">つなぐが作成したフォームです。回答すると、フォームの回答シートに行が増えます（オフラインの試用）。</p></header>
${forms.length === 0 ? '<p>まだフォームがありません。サイドバーのアンケートで「フォームを作成・更新」を実行してください。</p>' : `<ul class="list">${items}</ul>`}
</main></body></html>`;
}

function formScript(): string | null {
  const path = join(projectRoot(), 'build', 'studio-form.js');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
}

/** /form?id=…: one form as a respondent sees it. */
export function formPage(nonce: string, form: RespondentForm): string {
  const script = formScript();
  if (script === null) {
    return `<!doctype html><meta charset="utf-8"><title>フォーム</title><p>build/studio-form.js がありません。先に <code>npm run build</code> を実行してください。<br>build/studio-form.js is missing: run <code>npm run build</code>.</p>`;
  }
  // JSON inside a script element: "<" escaped, so no text in the form can close the element.
  const data = JSON.stringify(form).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${escapeHtml(form.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(form.title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main id="form-root"></main>
<script type="application/json" id="form-data" nonce="${nonce}">${data}</script>
<script nonce="${nonce}">${script}</script>
</body></html>`;
}
