/**
 * Where Tsunagu keeps the item map of every form it built (one StoredForm per form and language):
 * document properties, split into parts under Apps Script's 9 KB per value. They hold form ids,
 * item ids and question titles — never an answer.
 */
import type { DocumentStore } from '../ports';
import type { StoredForm } from './item-map';

/** The index: which forms were built, with how many parts each map has. */
export const FORMS_INDEX_KEY = 'tsunagu.forms';
const PART_PREFIX = 'tsunagu.form.';
/**
 * Characters per part: at most 4 UTF-8 bytes for 2 characters (a surrogate pair) or 3 for one
 * (kana, kanji), so 2,800 characters stay under 9,216 bytes with the key.
 */
export const PART_CHARS = 2800;

interface IndexEntry {
  name: string;
  language: string;
  formId: string;
  /** Parts of the item map (0: the form exists, its items are not stored yet). */
  parts: number;
  /** When a build last changed the form (ISO instant). */
  updatedAt?: string;
}

/** A stored form with when a build last changed it (null: not known). */
export interface StoredFormEntry extends StoredForm {
  readonly updatedAt: string | null;
}

/** Writes go through the store itself or through a transaction (both have these). */
export interface PropertyWriter {
  set(key: string, value: string): void;
  remove(key: string): void;
}

function partKey(formId: string, part: number): string {
  return `${PART_PREFIX}${formId}.${part}`;
}

function readIndex(store: DocumentStore): IndexEntry[] {
  const raw = store.get(FORMS_INDEX_KEY);
  if (raw === null) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is IndexEntry =>
        e !== null &&
        typeof e === 'object' &&
        typeof (e as IndexEntry).name === 'string' &&
        typeof (e as IndexEntry).language === 'string' &&
        typeof (e as IndexEntry).formId === 'string' &&
        typeof (e as IndexEntry).parts === 'number',
    );
  } catch {
    return [];
  }
}

/** Every form built before, with its item map (empty items when the build stopped before they were stored). */
export function loadStoredForms(store: DocumentStore): StoredFormEntry[] {
  const out: StoredFormEntry[] = [];
  for (const entry of readIndex(store)) {
    let items: StoredForm['items'] = [];
    if (entry.parts > 0) {
      const chunks: string[] = [];
      for (let i = 0; i < entry.parts; i++) chunks.push(store.get(partKey(entry.formId, i)) ?? '');
      try {
        const parsed = JSON.parse(chunks.join('')) as { items?: StoredForm['items'] };
        if (Array.isArray(parsed.items)) items = parsed.items;
      } catch {
        // A map that cannot be read: the adapter finds the form's items by title and type instead.
      }
    }
    out.push({
      name: entry.name,
      language: entry.language,
      formId: entry.formId,
      items,
      updatedAt: typeof entry.updatedAt === 'string' ? entry.updatedAt : null,
    });
  }
  return out;
}

/** The stored form of one form and language, or null. */
export function storedFormOf<T extends StoredForm>(forms: readonly T[], name: string, language: string): T | null {
  return forms.find((f) => f.name === name && f.language === language) ?? null;
}

/**
 * Keeps one form's item map (replacing what was kept for that form and language). With no items,
 * only the index entry is written: enough for the next build to finish this form, never to make a
 * second one.
 */
export function saveStoredForm(
  store: DocumentStore,
  writer: PropertyWriter,
  form: StoredForm,
  updatedAt: string | null = null,
): void {
  const index = readIndex(store);
  const at = index.findIndex((e) => e.name === form.name && e.language === form.language);
  const old = at >= 0 ? (index[at] as IndexEntry) : null;
  const text = form.items.length > 0 ? JSON.stringify({ items: form.items }) : '';
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += PART_CHARS) parts.push(text.slice(i, i + PART_CHARS));
  parts.forEach((part, i) => writer.set(partKey(form.formId, i), part));
  if (old) {
    const from = old.formId === form.formId ? parts.length : 0;
    for (let i = from; i < old.parts; i++) writer.remove(partKey(old.formId, i));
  }
  const entry: IndexEntry = { name: form.name, language: form.language, formId: form.formId, parts: parts.length };
  if (updatedAt !== null) entry.updatedAt = updatedAt;
  if (at >= 0) index[at] = entry;
  else index.push(entry);
  writer.set(FORMS_INDEX_KEY, JSON.stringify(index));
}
