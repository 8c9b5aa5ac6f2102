/**
 * GasFormMaker: the FormMaker port on FormApp. Builds a form from a spec, or updates one built
 * before in place — items found by the stored item map, unchanged items not touched at all, new
 * items added where the spec has them, removals only when staff confirmed them.
 */
import { specItemFingerprint, storedItem, type StoredForm, type StoredItem } from '../core/survey/item-map';
import {
  FormGoneError,
  type BuiltForm,
  type FormMaker,
  type FormStatus,
  type ItemNote,
  type UpdateOptions,
} from '../core/survey/ports';
import { pageNavigation, type FormSpec, type SpecGoTo, type SpecItem, type SpecValidation } from '../core/survey/spec';

type Forms = typeof GoogleAppsScript.Forms;
type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type PageBreakItem = GoogleAppsScript.Forms.PageBreakItem;
type ItemTypeName = keyof Forms['ItemType'];

/**
 * Publishing came to Apps Script in 2025 — FormApp.create(title, isPublished), Form.isPublished,
 * Form.setPublished — after @types/google-apps-script 2.0.13 was made.
 */
interface PublishingForm extends Form {
  isPublished(): boolean;
}
interface PublishingFormApp {
  create(title: string, isPublished: boolean): PublishingForm;
}

/** Any item of a kind this adapter writes, as its typed interface. */
type TypedItem =
  | GoogleAppsScript.Forms.TextItem
  | GoogleAppsScript.Forms.ParagraphTextItem
  | GoogleAppsScript.Forms.MultipleChoiceItem
  | GoogleAppsScript.Forms.CheckboxItem
  | GoogleAppsScript.Forms.ListItem
  | GoogleAppsScript.Forms.ScaleItem
  | GoogleAppsScript.Forms.GridItem
  | GoogleAppsScript.Forms.CheckboxGridItem
  | GoogleAppsScript.Forms.DateItem
  | GoogleAppsScript.Forms.TimeItem
  | GoogleAppsScript.Forms.PageBreakItem
  | GoogleAppsScript.Forms.SectionHeaderItem;

/** The Forms item type of a spec item; the section a form opens with is a heading, not a page break. */
export function formsTypeOf(item: SpecItem): ItemTypeName {
  switch (item.type) {
    case 'shortText':
      return 'TEXT';
    case 'paragraph':
      return 'PARAGRAPH_TEXT';
    case 'singleChoice':
      return 'MULTIPLE_CHOICE';
    case 'multipleChoice':
      return 'CHECKBOX';
    case 'dropdown':
      return 'LIST';
    case 'scale':
      return 'SCALE';
    case 'choiceGrid':
      return 'GRID';
    case 'checkboxGrid':
      return 'CHECKBOX_GRID';
    case 'date':
      return 'DATE';
    case 'time':
      return 'TIME';
    case 'section':
      return item.firstPage ? 'SECTION_HEADER' : 'PAGE_BREAK';
    case 'header':
      return 'SECTION_HEADER';
  }
}

function addItem(form: Form, type: ItemTypeName): TypedItem {
  switch (type) {
    case 'TEXT':
      return form.addTextItem();
    case 'PARAGRAPH_TEXT':
      return form.addParagraphTextItem();
    case 'MULTIPLE_CHOICE':
      return form.addMultipleChoiceItem();
    case 'CHECKBOX':
      return form.addCheckboxItem();
    case 'LIST':
      return form.addListItem();
    case 'SCALE':
      return form.addScaleItem();
    case 'GRID':
      return form.addGridItem();
    case 'CHECKBOX_GRID':
      return form.addCheckboxGridItem();
    case 'DATE':
      return form.addDateItem();
    case 'TIME':
      return form.addTimeItem();
    case 'PAGE_BREAK':
      return form.addPageBreakItem();
    case 'SECTION_HEADER':
      return form.addSectionHeaderItem();
    default:
      throw new Error(`Tsunagu does not make ${type} items`);
  }
}

function typed(item: Item, type: ItemTypeName): TypedItem {
  switch (type) {
    case 'TEXT':
      return item.asTextItem();
    case 'PARAGRAPH_TEXT':
      return item.asParagraphTextItem();
    case 'MULTIPLE_CHOICE':
      return item.asMultipleChoiceItem();
    case 'CHECKBOX':
      return item.asCheckboxItem();
    case 'LIST':
      return item.asListItem();
    case 'SCALE':
      return item.asScaleItem();
    case 'GRID':
      return item.asGridItem();
    case 'CHECKBOX_GRID':
      return item.asCheckboxGridItem();
    case 'DATE':
      return item.asDateItem();
    case 'TIME':
      return item.asTimeItem();
    case 'PAGE_BREAK':
      return item.asPageBreakItem();
    case 'SECTION_HEADER':
      return item.asSectionHeaderItem();
    default:
      throw new Error(`Tsunagu does not make ${type} items`);
  }
}

/** One spec item's place in the build: the Forms item, and whether its content must be written. */
interface Slot {
  readonly item: SpecItem;
  readonly type: ItemTypeName;
  readonly fingerprint: string;
  readonly previous: StoredItem | undefined;
  id: number;
  handle: TypedItem | null;
  write: boolean;
  isNew: boolean;
  /** Left for a later call (itemLimit): not made, or not rewritten, in this one. */
  pending: boolean;
}

export class GasFormMaker implements FormMaker {
  constructor(private readonly app: GoogleAppsScript.Forms.FormApp) {}

  create(
    spec: FormSpec,
    spreadsheetId: string,
    onCreated?: (formId: string) => void,
    options: { readonly itemLimit?: number } = {},
  ): BuiltForm {
    // Published at once: forms made by scripts can otherwise start unpublished (docs/real-sheets-checklist.md).
    const form = (this.app as unknown as PublishingFormApp).create(spec.title, true);
    onCreated?.(form.getId());
    this.writeSettings(form, spec, true);
    form.setDestination(this.app.DestinationType.SPREADSHEET, spreadsheetId);
    return this.build(form, spec, null, [], { removeMissing: false, ...options });
  }

  update(spec: FormSpec, stored: StoredForm, options: UpdateOptions): BuiltForm {
    let form: PublishingForm;
    try {
      form = this.app.openById(stored.formId) as PublishingForm;
    } catch {
      throw new FormGoneError(stored.formId, stored.name, stored.language);
    }
    this.writeSettings(form, spec, false);
    if (options.spreadsheetId !== undefined) {
      try {
        form.getDestinationId();
      } catch {
        // A build that stopped before linking the form: its answers go to this spreadsheet too.
        form.setDestination(this.app.DestinationType.SPREADSHEET, options.spreadsheetId);
      }
    }
    const items = form.getItems();
    return this.build(form, spec, stored, items, options);
  }

  status(formId: string): FormStatus {
    try {
      const form = this.app.openById(formId) as PublishingForm;
      const publishedUrl = form.getPublishedUrl();
      return {
        exists: true,
        published: form.isPublished(),
        acceptingResponses: form.isAcceptingResponses(),
        publishedUrl,
        shortUrl: form.shortenFormUrl(publishedUrl),
      };
    } catch {
      return { exists: false };
    }
  }

  /** The form's title, description and confirmation message; on an update only those that differ are written. */
  private writeSettings(form: Form, spec: FormSpec, isNew: boolean): void {
    if (!isNew && form.getTitle() !== spec.title) form.setTitle(spec.title);
    if (isNew ? spec.description !== '' : form.getDescription() !== spec.description)
      form.setDescription(spec.description);
    // A blank message keeps Forms' own "Your response has been recorded".
    if (isNew ? spec.confirmationMessage !== '' : form.getConfirmationMessage() !== spec.confirmationMessage)
      form.setConfirmationMessage(spec.confirmationMessage);
  }

  private build(
    form: PublishingForm,
    spec: FormSpec,
    stored: StoredForm | null,
    existing: readonly Item[],
    options: UpdateOptions,
  ): BuiltForm {
    const navigation = pageNavigation(spec);
    const existingIds = existing.map((item) => item.getId());
    const byId = new Map(existingIds.map((id, i) => [id, existing[i] as Item] as const));
    const previousByKey = new Map((stored?.items ?? []).map((s) => [s.key, s] as const));
    const knownIds = new Set((stored?.items ?? []).map((s) => s.id));
    // Items the map does not know (left by a build that failed half-way), by type and title: adopted, not made twice.
    const strangers = existing.filter((_, i) => !knownIds.has(existingIds[i] as number));
    const strangerKeys = strangers.map((item) => `${String(item.getType())}\u0000${item.getTitle()}`);
    // A failed build may also leave items it made but had not titled yet: taken for the same type.
    const adopt = (type: ItemTypeName, title: string): Item | undefined => {
      let at = strangerKeys.indexOf(`${type}\u0000${title}`);
      if (at < 0) at = strangerKeys.indexOf(`${type}\u0000`);
      if (at < 0) return undefined;
      strangerKeys[at] = '';
      return strangers[at];
    };
    const removed: ItemNote[] = [];
    const typeChanged: ItemNote[] = [];
    const slots: Slot[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let pending = 0;

    // 1. Which items this call makes or rewrites: those that differ from the map, in spec order, up to
    //    itemLimit — and the sections their choices and pages lead to, so navigation can be set.
    const limit = options.itemLimit ?? Number.POSITIVE_INFINITY;
    const decided = spec.items.map((item) => {
      const fingerprint = specItemFingerprint(item, navigation.get(item.key) ?? null);
      const previous = previousByKey.get(item.key);
      const found = previous ? byId.get(previous.id) : undefined;
      return { item, fingerprint, previous, found, dirty: !previous || !found || previous.fingerprint !== fingerprint };
    });
    const taken = new Set<string>();
    let budget = limit;
    for (const d of decided) {
      if (!d.dirty || budget <= 0) continue;
      taken.add(d.item.key);
      budget--;
    }
    for (const d of decided) {
      if (!taken.has(d.item.key)) continue;
      const targets = [...(d.item.choices ?? []).map((c) => c.goTo), navigation.get(d.item.key) ?? null];
      for (const t of targets) {
        const target = t !== null && t !== 'submit' ? decided.find((x) => x.item.key === t) : undefined;
        if (target?.dirty && !target.previous) taken.add(target.item.key);
      }
    }

    // 2. Find or make the items, so choices can lead to sections made in this same build.
    for (const d of decided) {
      const { item, fingerprint, previous, found } = d;
      const type = formsTypeOf(item);
      const slot: Slot = {
        item,
        type,
        fingerprint,
        previous,
        id: 0,
        handle: null,
        write: false,
        isNew: false,
        pending: false,
      };
      if (d.dirty && !taken.has(item.key)) {
        slot.pending = true;
        if (previous && found) slot.id = previous.id;
      } else if (previous && found) {
        slot.id = previous.id;
        if (previous.fingerprint !== fingerprint) {
          if (String(found.getType()) === type) {
            slot.handle = typed(found, type);
            slot.write = true;
          } else if (options.removeMissing) {
            // Forms cannot change an item's type: the old item goes (staff confirmed), a new one comes.
            form.deleteItem(found);
            byId.delete(previous.id);
            removed.push({ key: item.key, id: previous.id, title: previous.titles[previous.titles.length - 1] ?? '' });
            this.makeNew(form, slot);
          } else {
            typeChanged.push({
              key: item.key,
              id: previous.id,
              title: previous.titles[previous.titles.length - 1] ?? '',
            });
          }
        }
      } else {
        const adopted = adopt(type, item.title);
        if (adopted) {
          slot.id = adopted.getId();
          slot.handle = typed(adopted, type);
          slot.write = true;
        } else this.makeNew(form, slot);
      }
      if (slot.pending) pending++;
      else if (slot.isNew) created++;
      else if (slot.write) updated++;
      else unchanged++;
      slots.push(slot);
    }

    // 3. Items the spec no longer has: removed when confirmed, otherwise left (their answers stay readable).
    const wanted = new Set(slots.filter((s) => s.id !== 0).map((s) => s.id));
    const leftOver: ItemNote[] = [];
    const keptStored: StoredItem[] = [];
    const keyOfId = new Map((stored?.items ?? []).map((s) => [s.id, s] as const));
    for (const id of existingIds) {
      if (wanted.has(id) || !byId.has(id)) continue;
      const known = keyOfId.get(id);
      const title = known?.titles[known.titles.length - 1] ?? '';
      if (known && options.removeMissing) {
        form.deleteItem(byId.get(id) as Item);
        byId.delete(id);
        removed.push({ key: known.key, id, title });
      } else {
        leftOver.push({ key: known?.key ?? null, id, title: known ? title : (byId.get(id) as Item).getTitle() });
        if (known) keptStored.push(known);
      }
    }

    // 4. Write what is new or changed; page breaks another item leads to are fetched only when needed.
    const pageBreaks = new Map<string, PageBreakItem>();
    for (const s of slots)
      if (s.handle && s.type === 'PAGE_BREAK') pageBreaks.set(s.item.key, s.handle as PageBreakItem);
    const slotByKey = new Map(slots.map((s) => [s.item.key, s] as const));
    const pageBreak = (key: string): PageBreakItem => {
      const known = pageBreaks.get(key);
      if (known) return known;
      const slot = slotByKey.get(key);
      if (!slot || slot.id === 0) throw new Error(`The form has no section ${key}`);
      const item = (byId.get(slot.id) ?? form.getItemById(slot.id)).asPageBreakItem();
      pageBreaks.set(key, item);
      return item;
    };
    for (const s of slots)
      if (s.write && s.handle)
        this.write(s.handle, s.item, s.type, navigation.get(s.item.key) ?? null, pageBreak, s.isNew);

    // 5. Order: the spec's items (those made so far) in its order, then what was left over.
    const current = [...existingIds.filter((id) => byId.has(id)), ...slots.filter((s) => s.isNew).map((s) => s.id)];
    const desired = [...slots.filter((s) => s.id !== 0).map((s) => s.id), ...current.filter((id) => !wanted.has(id))];
    for (let i = 0; i < desired.length; i++) {
      if (current[i] === desired[i]) continue;
      const from = current.indexOf(desired[i] as number);
      form.moveItem(from, i);
      current.splice(i, 0, ...current.splice(from, 1));
    }

    const publishedUrl = form.getPublishedUrl();
    return {
      formId: form.getId(),
      publishedUrl,
      shortUrl: form.shortenFormUrl(publishedUrl),
      editUrl: form.getEditUrl(),
      published: form.isPublished(),
      acceptingResponses: form.isAcceptingResponses(),
      stored: {
        name: spec.name,
        language: spec.language,
        formId: form.getId(),
        items: [
          ...slots.flatMap((s) =>
            // A pending item keeps what it had (or has no entry yet); an item whose type change waits for
            // confirmation keeps its old entry, so its answers still read.
            s.pending || (typeChanged.some((t) => t.key === s.item.key) && s.previous)
              ? s.previous
                ? [s.previous]
                : []
              : [storedItem(s.previous, s.id, s.item, s.fingerprint)],
          ),
          ...keptStored,
        ],
      },
      created,
      updated,
      unchanged,
      leftOver,
      removed,
      typeChanged,
      pending,
    };
  }

  private makeNew(form: Form, slot: Slot): void {
    const handle = addItem(form, slot.type);
    slot.handle = handle;
    slot.id = handle.getId();
    slot.write = true;
    slot.isNew = true;
  }

  /** Sets everything the spec says about one item. */
  private write(
    handle: TypedItem,
    item: SpecItem,
    type: ItemTypeName,
    navigation: SpecGoTo,
    pageBreak: (key: string) => PageBreakItem,
    isNew: boolean,
  ): void {
    const app = this.app;
    handle.setTitle(item.title);
    if (item.helpText !== '' || !isNew) handle.setHelpText(item.helpText);
    switch (type) {
      case 'PAGE_BREAK': {
        const page = handle as PageBreakItem;
        if (navigation === 'submit') page.setGoToPage(app.PageNavigationType.SUBMIT);
        else if (navigation !== null) page.setGoToPage(pageBreak(navigation));
        else if (!isNew) page.setGoToPage(app.PageNavigationType.CONTINUE);
        return;
      }
      case 'SECTION_HEADER':
        return;
      default:
        break;
    }
    const question = handle as GoogleAppsScript.Forms.TextItem;
    if (item.required || !isNew) question.setRequired(item.required);
    switch (type) {
      case 'MULTIPLE_CHOICE':
      case 'LIST': {
        const choiceItem = handle as GoogleAppsScript.Forms.MultipleChoiceItem;
        const choices = item.choices ?? [];
        if (choices.some((c) => c.goTo !== null)) {
          // Once one choice leads somewhere, every choice says where (the others go on).
          choiceItem.setChoices(
            choices.map((c) =>
              c.goTo === null
                ? choiceItem.createChoice(c.value, app.PageNavigationType.CONTINUE)
                : c.goTo === 'submit'
                  ? choiceItem.createChoice(c.value, app.PageNavigationType.SUBMIT)
                  : choiceItem.createChoice(c.value, pageBreak(c.goTo)),
            ),
          );
        } else choiceItem.setChoiceValues(choices.map((c) => c.value));
        return;
      }
      case 'CHECKBOX': {
        const box = handle as GoogleAppsScript.Forms.CheckboxItem;
        box.setChoiceValues((item.choices ?? []).map((c) => c.value));
        this.validate(box, item.validation ?? null, isNew, (v) => this.checkboxValidation(v));
        return;
      }
      case 'SCALE': {
        const scale = handle as GoogleAppsScript.Forms.ScaleItem;
        const s = item.scale;
        if (s) {
          scale.setBounds(s.low, s.high);
          if (s.lowLabel !== '' || s.highLabel !== '' || !isNew) scale.setLabels(s.lowLabel, s.highLabel);
        }
        return;
      }
      case 'GRID':
      case 'CHECKBOX_GRID': {
        const grid = handle as GoogleAppsScript.Forms.GridItem;
        grid.setRows([...(item.rows ?? [])]);
        grid.setColumns([...(item.columns ?? [])]);
        this.validate(grid, item.validation ?? null, isNew, () =>
          type === 'GRID'
            ? app
                .createGridValidation()
                .requireLimitOneResponsePerColumn()
                .setHelpText(item.validation?.message ?? '')
                .build()
            : (app
                .createCheckboxGridValidation()
                .requireLimitOneResponsePerColumn()
                .setHelpText(item.validation?.message ?? '')
                .build() as unknown as GoogleAppsScript.Forms.GridValidation),
        );
        return;
      }
      case 'TEXT':
        this.validate(question, item.validation ?? null, isNew, (v) => this.textValidation(v, false));
        return;
      case 'PARAGRAPH_TEXT':
        this.validate(handle as GoogleAppsScript.Forms.ParagraphTextItem, item.validation ?? null, isNew, (v) =>
          this.textValidation(v, true),
        );
        return;
      default:
        return;
    }
  }

  private validate<V>(
    target: { setValidation(v: V): unknown; clearValidation(): unknown },
    validation: SpecValidation | null,
    isNew: boolean,
    make: (v: SpecValidation) => V,
  ): void {
    if (validation) target.setValidation(make(validation));
    else if (!isNew) target.clearValidation();
  }

  private textValidation(v: SpecValidation, paragraph: boolean): GoogleAppsScript.Forms.TextValidation {
    if (paragraph) {
      const p = this.app.createParagraphTextValidation();
      if (v.kind === 'pattern') p.requireTextMatchesPattern(v.pattern);
      else if (v.kind === 'length' && v.min !== null) p.requireTextLengthGreaterThanOrEqualTo(v.min);
      else if (v.kind === 'length' && v.max !== null) p.requireTextLengthLessThanOrEqualTo(v.max);
      else throw new Error(`A paragraph cannot check ${v.kind}`);
      return p.setHelpText(v.message).build() as unknown as GoogleAppsScript.Forms.TextValidation;
    }
    const b = this.app.createTextValidation();
    switch (v.kind) {
      case 'email':
        b.requireTextIsEmail();
        break;
      case 'pattern':
        b.requireTextMatchesPattern(v.pattern);
        break;
      case 'number':
        if (v.min !== null && v.max !== null) b.requireNumberBetween(v.min, v.max);
        else if (v.min !== null) b.requireNumberGreaterThanOrEqualTo(v.min);
        else if (v.max !== null) b.requireNumberLessThanOrEqualTo(v.max);
        else if (v.integer) b.requireWholeNumber();
        else b.requireNumber();
        break;
      case 'length':
        if (v.min !== null) b.requireTextLengthGreaterThanOrEqualTo(v.min);
        else if (v.max !== null) b.requireTextLengthLessThanOrEqualTo(v.max);
        break;
      default:
        throw new Error(`A short answer cannot check ${v.kind}`);
    }
    return b.setHelpText(v.message).build();
  }

  private checkboxValidation(v: SpecValidation): GoogleAppsScript.Forms.CheckboxValidation {
    if (v.kind !== 'select') throw new Error(`Check boxes cannot check ${v.kind}`);
    const b = this.app.createCheckboxValidation();
    if (v.min !== null && v.max !== null && v.min === v.max) b.requireSelectExactly(v.min);
    else if (v.min !== null) b.requireSelectAtLeast(v.min);
    else if (v.max !== null) b.requireSelectAtMost(v.max);
    return b.setHelpText(v.message).build();
  }
}
