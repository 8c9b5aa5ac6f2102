/** Defines the FormMaker port: what the core needs from a forms platform to build, update and look at forms (Google Forms in gas/). */
import type { StoredForm } from './item-map';
import type { FormSpec } from './spec';

/** A form item the build left in place or removed: enough to tell staff which one. */
export interface ItemNote {
  /** The spec key it had (設問ID, 'section:…', 'notice'); null for an item Tsunagu did not make. */
  readonly key: string | null;
  readonly id: number;
  readonly title: string;
}

/** What a build did and what to keep for the next one. */
export interface BuiltForm {
  readonly formId: string;
  readonly publishedUrl: string;
  /** The forms.gle address. */
  readonly shortUrl: string;
  readonly editUrl: string;
  /** Read back after building: staff are told when a form is not open. */
  readonly published: boolean;
  readonly acceptingResponses: boolean;
  /** The item map to keep (per form and language) for updating and for reading answers. */
  readonly stored: StoredForm;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Items the spec no longer has, left in the form because removing them was not confirmed (their answers stay readable). */
  readonly leftOver: readonly ItemNote[];
  /** Items removed because staff confirmed it. */
  readonly removed: readonly ItemNote[];
  /** Questions whose type changed: Forms cannot change an item's type, so the old item stays until removal is confirmed. */
  readonly typeChanged: readonly ItemNote[];
  /** Items still to make or rewrite because of itemLimit: 0 when the form matches the spec. */
  readonly pending: number;
}

export interface UpdateOptions {
  /** Staff confirmed that items the spec no longer has (and questions whose type changed) may be removed with their answers. */
  readonly removeMissing: boolean;
  /**
   * Make or rewrite at most this many items in this call (a large form is built over several
   * sidebar calls, each well inside Apps Script's limits); the rest are left for the next update.
   * Sections that a written choice leads to are made too, even past the limit. Default: all.
   */
  readonly itemLimit?: number;
  /**
   * This spreadsheet's id: a form that has no response destination yet (a build that stopped
   * between making the form and linking it) is linked to it.
   */
  readonly spreadsheetId?: string;
}

/** Whether a form is still there and open. */
export type FormStatus =
  | {
      readonly exists: true;
      readonly published: boolean;
      readonly acceptingResponses: boolean;
      readonly publishedUrl: string;
      /** The forms.gle address. */
      readonly shortUrl: string;
    }
  | { readonly exists: false };

/** Builds and updates forms from specs. Every method is a handful of platform calls per item, never per response. */
export interface FormMaker {
  /**
   * A new form, published and accepting responses, sending them to the spreadsheet, built from the
   * spec. onCreated hears the form's id as soon as the form exists, before its items are made, so
   * a build that fails half-way can be finished by update() instead of making a second form.
   */
  create(
    spec: FormSpec,
    spreadsheetId: string,
    onCreated?: (formId: string) => void,
    options?: { readonly itemLimit?: number },
  ): BuiltForm;
  /**
   * Updates a form built before in place: items matched by the stored map (or, for an item the map
   * does not know, by the same title and type — what a build that failed half-way left), new ones
   * added, texts and choices updated. Throws FormGoneError when the form was deleted.
   */
  update(spec: FormSpec, stored: StoredForm, options: UpdateOptions): BuiltForm;
  status(formId: string): FormStatus;
}

/** The form of a フォーム一覧 row no longer exists (deleted in Drive, or no access). */
export class FormGoneError extends Error {
  readonly messageJa: string;

  constructor(
    readonly formId: string,
    readonly formName: string,
    readonly language: string,
  ) {
    super(
      `The form 「${formName}」 (${language}) can no longer be opened: it was deleted in Drive, or this account lost access. Make it again from アンケート定義.`,
    );
    this.name = 'FormGoneError';
    this.messageJa = `フォーム「${formName}」（${language}）を開けません。ドライブで削除されたか、このアカウントに権限がありません。アンケート定義から作り直してください。`;
  }
}
