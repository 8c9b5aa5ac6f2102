/** The sidebar's entry point (bundled as one IIFE into dist/Sidebar.html): starts the shell in #app. */
import { startSidebar } from './app';
import type { LangStore } from './i18n';

/** localStorage, or null where the sandboxed iframe forbids it (merely reading the property can throw). */
function browserStore(): LangStore | null {
  try {
    const storage = window.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

const root = document.getElementById('app');
if (root) startSidebar(root, { store: browserStore() });
