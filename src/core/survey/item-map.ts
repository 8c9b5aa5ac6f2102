/** Defines the item map Tsunagu keeps for each form it built: which Forms item is which 設問ID, the titles it has had, and a fingerprint to skip unchanged items. */
import { Fingerprint } from '../fingerprint';
import type { SpecGoTo, SpecItem, SpecItemType } from './spec';

export interface StoredItem {
  /** The spec key: 設問ID, 'section:<name>' or 'notice'. */
  readonly key: string;
  /** The Forms item id. */
  readonly id: number;
  readonly type: SpecItemType;
  /** Every title the item has had, oldest first; the last is the current one. The response sheet may hold any of them. */
  readonly titles: readonly string[];
  /** Grid items: every row label it has had, in first-seen order (response columns are 'title [row]'). */
  readonly rows?: readonly string[];
  /** The fingerprint of the spec item (and its page navigation) as last built; an unchanged item is not touched again. */
  readonly fingerprint: string;
}

/** One built form: what フォーム一覧 and the answers import need to find it again. */
export interface StoredForm {
  /** フォーム名 */
  readonly name: string;
  readonly language: string;
  readonly formId: string;
  readonly items: readonly StoredItem[];
}

/** A fingerprint of everything the adapter sets on an item; navigation is the page break's go-to (sections). */
export function specItemFingerprint(item: SpecItem, navigation: SpecGoTo = null): string {
  return new Fingerprint()
    .add(item.type)
    .add(item.title)
    .add(item.helpText)
    .add(item.required ? '1' : '0')
    .add(JSON.stringify(item.choices ?? null))
    .add(JSON.stringify(item.rows ?? null))
    .add(JSON.stringify(item.columns ?? null))
    .add(JSON.stringify(item.scale ?? null))
    .add(JSON.stringify(item.validation ?? null))
    .add(String(item.firstPage ?? false))
    .add(String(navigation))
    .toString();
}

/** The stored entry for an item after a build: its title and rows appended to what it had. */
export function storedItem(
  previous: StoredItem | undefined,
  id: number,
  item: SpecItem,
  fingerprint: string,
): StoredItem {
  const titles = previous && previous.id === id ? [...previous.titles] : [];
  if (titles[titles.length - 1] !== item.title) {
    const at = titles.indexOf(item.title);
    if (at >= 0) titles.splice(at, 1);
    titles.push(item.title);
  }
  const out: StoredItem = { key: item.key, id, type: item.type, titles, fingerprint };
  if (item.rows) {
    const rows = previous && previous.id === id && previous.rows ? [...previous.rows] : [];
    for (const r of item.rows) if (rows.indexOf(r) < 0) rows.push(r);
    return { ...out, rows };
  }
  return out;
}

/**
 * The form id in a Forms address — the edit URL Sheet.getFormUrl gives for a response sheet
 * (https://docs.google.com/forms/d/<id>/edit) — or null. A published address
 * (/forms/d/e/<publishedId>/viewform) holds another id and gives null (docs/real-sheets-checklist.md RS-46).
 */
export function formIdFromUrl(url: string): string | null {
  const m = /\/forms\/d\/(?!e\/)([A-Za-z0-9_-]+)/.exec(url);
  return m ? (m[1] as string) : null;
}
