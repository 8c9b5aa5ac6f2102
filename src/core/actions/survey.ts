/**
 * アンケート作成: a template written into アンケート定義, the forms built or updated from it (one per
 * language, in place, never a second copy), their response sheets marked as Tsunagu's, and フォーム一覧
 * (docs/forms.md).
 */
import { UserError } from '../errors';
import { Fingerprint } from '../fingerprint';
import { formatToWrite, writeRows, writeValues, type RowsWrite, type ValueWrite } from '../history/cells';
import { targetColumn } from '../survey/targets';
import type { CellChange } from '../history/types';
import { History } from '../history/store';
import { estimateRecordChars } from '../history/estimate';
import { placeNotice, placeOutput, type OutputPlace } from '../output-sheets';
import type { CellValue, MarkedSheet, OutputValue, SheetHead } from '../ports';
import { qrGifDataUrl } from '../survey/qr';
import { HEAD_ROWS, standardSheetSpec } from '../setup/plan';
import { loadSettings, settingsFrom } from '../setup/settings-source';
import { IMPORT_RECORD_HEADER, makeImportRecord } from './survey-import';
import { SHEET_SPECS } from '../sheets/specs';
import { guardFormula } from '../text/formula';
import { atomically, errorKind, type Transaction } from '../transaction';
import { formIdFromUrl, type StoredForm } from '../survey/item-map';
import { loadStoredForms, saveStoredForm, storedFormOf, type StoredFormEntry } from '../survey/form-store';
import { FormGoneError, type BuiltForm, type FormMaker } from '../survey/ports';
import { matchResponseColumns, readResponseSheet } from '../survey/responses';
import { surveyAnswerHeader, surveyAnswerRow } from '../survey/destinations';
import { guardCell } from '../text/formula';
import { buildFormSpecs, type FormSpec, type SpecItem } from '../survey/spec';
import { TEMPLATE_KEYS, templateHeader, templateRows, type TemplateName } from '../survey/templates';
import { canBuild, type FormDef, type SurveyIssue } from '../survey/types';
import { readSurveyDefinition } from '../survey/definition';
import { languageName } from '../survey/languages';
import type {
  BuiltFormView,
  BuiltItemView,
  Message,
  SurveyAnswersView,
  SurveyBuildView,
  SurveyIssueView,
  SurveyTemplateResult,
} from '../../shared/rpc';
import type { AppPorts } from './ports';
import { undoInfo } from './undo';
import { mappingOf, readWorkbookInput } from './workbook-input';
import { loadMappings } from './sidebar';

/** What building forms needs besides the workbook: the forms platform and this spreadsheet's id. */
export interface FormPorts {
  maker: FormMaker;
  spreadsheetId: string;
}

/** The header Tsunagu writes on フォーム一覧. */
export const FORM_LIST_HEADER = [
  'フォーム名',
  '言語',
  '状態',
  '公開URL',
  '短縮URL',
  'QRコード',
  '編集URL',
  '回答シート',
  '回答数',
  '新しい回答',
  '最終更新',
  'フォームID',
];

/** The mark a form's response sheet gets: Tsunagu's, never read as a staff sheet. */
export const RESPONSES_MARK = 'responses';

const SURVEYS_NAME = SHEET_SPECS.surveys.canonicalName;

/** アンケート定義's head, or null when the workbook has none (by its header, whatever its name). */
function surveySheet(
  ports: AppPorts,
  heads: readonly SheetHead[],
): { head: SheetHead; mapping: ReturnType<typeof mappingOf> } | null {
  const confirmed = loadMappings(ports, heads);
  for (const head of heads) {
    const mapping = mappingOf(head, confirmed);
    if (mapping && mapping.kind === 'surveys') return { head, mapping };
  }
  return null;
}

// ───────────────────────── テンプレート ─────────────────────────

/**
 * テンプレートを書き込む: appends a template's rows (Japanese, English and やさしい日本語) to
 * アンケート定義 — made first when the workbook has none — under the lock, all or nothing, and
 * undoably (元に戻す clears them). Language columns the sheet lacks are added after its last column.
 * Refused when the sheet already has rows of that フォーム名.
 */
export function writeSurveyTemplate(ports: AppPorts, template: TemplateName, formName?: string): SurveyTemplateResult {
  const name = (formName ?? template).trim();
  if (name === '' || name.length > 100) {
    throw new UserError(
      'survey.badFormName',
      'フォーム名は 1〜100 文字で指定してください。',
      'The フォーム名 must be 1 to 100 characters.',
    );
  }
  return ports.lock.run(() => {
    const heads = ports.workbook.heads(HEAD_ROWS);
    const found = surveySheet(ports, heads);
    const history = History.load(ports);
    const changes: CellChange[] = [];
    const rows = templateRows(template, name);
    let sheet: string;
    let headerRow: number;
    let firstRow: number;
    const columnOf = new Map<string, number>();
    const addedColumns: string[] = [];
    const headerWrites: ValueWrite[] = [];
    if (found && found.mapping) {
      sheet = found.head.name;
      headerRow = found.mapping.headerRow;
      const data = ports.workbook.read(sheet, [found.mapping.columns.formName as number]);
      const formCol = found.mapping.columns.formName as number;
      const taken = (data?.values ?? []).slice(headerRow).some((r) => String(r[formCol] ?? '').trim() === name);
      if (taken) {
        throw new UserError(
          'survey.templateExists',
          `${sheet}にはフォーム名「${name}」の行がすでにあります。別のフォーム名を指定するか、その行を消してから書き込んでください。`,
          `${sheet} already has rows of the フォーム名 「${name}」. Give another フォーム名, or delete those rows first.`,
        );
      }
      for (const [key, index] of Object.entries(found.mapping.columns)) columnOf.set(key, index + 1);
      let next = found.head.lastColumn + 1;
      const header = templateHeader();
      TEMPLATE_KEYS.forEach((key, i) => {
        if (columnOf.has(key)) return;
        columnOf.set(key, next);
        addedColumns.push(header[i] as string);
        headerWrites.push({ sheet, row: headerRow, column: next, value: header[i] as string });
        next++;
      });
      firstRow = Math.max(found.head.lastRow, headerRow) + 1;
    } else {
      sheet = SURVEYS_NAME;
      headerRow = 1;
      firstRow = 2;
      TEMPLATE_KEYS.forEach((key, i) => columnOf.set(key, i + 1));
      if (heads.some((h) => h.name === SURVEYS_NAME && h.lastRow > 0)) {
        throw new UserError(
          'survey.sheetNotRecognised',
          `「${SURVEYS_NAME}」シートの見出し行（フォーム名・種類・設問）が読み取れません。見出しを直すか、サイドバーで列の対応を確認してください。`,
          `The header row of 「${SURVEYS_NAME}」 (フォーム名, 種類, 設問) cannot be read. Fix the header, or confirm the columns in the sidebar.`,
        );
      }
    }
    // The rows as one block (per run of neighbouring columns): a fixed number of calls, not three a column.
    const placed = TEMPLATE_KEYS.map((key) => ({ key, column: columnOf.get(key) }))
      .filter((p): p is { key: string; column: number } => p.column !== undefined)
      .sort((a, b) => a.column - b.column);
    const block: RowsWrite = {
      sheet,
      firstRow,
      columns: placed.map((p) => p.column),
      // Blank cells are written too; text is written as text (cellInput guards what starts like a formula).
      rows: rows.map((row) => placed.map((p) => row[p.key] ?? '')),
    };
    const retention = loadSettings(ports.workbook, heads, loadMappings(ports, heads)).historyRetentionDays;
    const label = { ja: `テンプレート「${template}」の書き込み`, en: `writing the ${template} template` };
    atomically(ports, label, (tx) => {
      if (!found) tx.createSheet({ ...standardSheetSpec('surveys', settingsFrom(null)), rows: [] });
      // An action too large to record is refused before it writes.
      history.prepare(
        tx,
        estimateRecordChars([
          ...headerWrites.map((w) => ({ before: '', after: String(w.value) })),
          ...block.rows.flat().map((v) => ({ before: '', after: String(v) })),
        ]),
      );
      if (headerWrites.length > 0) writeValues(ports.workbook, headerWrites, changes, tx);
      writeRows(ports.workbook, block, changes, tx);
      history.record(
        tx,
        'surveyTemplate',
        {
          ja: `アンケートのテンプレート「${name}」（${rows.length}行）`,
          en: `survey template 「${name}」 (${rows.length} rows)`,
        },
        changes,
        retention,
      );
    });
    return {
      template,
      formName: name,
      sheet,
      firstRow,
      lastRow: firstRow + rows.length - 1,
      addedColumns,
      undo: undoInfo(history),
    };
  });
}

// ───────────────────────── フォームを作成・更新 ─────────────────────────

function languageLabel(code: string): Message {
  const name = languageName(code);
  return { ja: name.ja, en: name.en };
}

function issueView(issue: SurveyIssue): SurveyIssueView {
  return {
    code: issue.code,
    severity: issue.severity,
    row: issue.row,
    column: issue.column,
    form: issue.form,
    message: { ja: issue.message.ja, en: issue.message.en },
  };
}

function itemView(item: SpecItem, id: number): BuiltItemView {
  return {
    id,
    questionId: item.questionId,
    type: item.type,
    title: item.title,
    helpText: item.helpText,
    required: item.required,
    section: item.section,
    choices: item.choices ? item.choices.map((c) => ({ value: c.value, goTo: c.goTo })) : null,
    rows: item.rows ? [...item.rows] : null,
    columns: item.columns ? [...item.columns] : null,
    validation: item.validation ? { ...item.validation } : null,
  };
}

function notes(list: BuiltForm['leftOver']): Array<{ questionId: string | null; title: string }> {
  return list.map((n) => ({
    questionId: n.key === null || n.key.startsWith('section:') || n.key === 'notice' ? null : n.key,
    title: n.title,
  }));
}

/** Reads アンケート定義 (with 設定 and the IDs of 指標定義) and checks it. */
export function readDefinition(ports: AppPorts) {
  const input = readWorkbookInput(ports, ['surveys', 'indicators'], { indicators: ['indicatorId'] });
  const sheet = input.sheets.find((s) => s.kind === 'surveys');
  if (!sheet) {
    throw new UserError(
      'survey.noSheet',
      `「${SURVEYS_NAME}」シートがありません。アンケート作成でテンプレートを書き込むか、シート準備で作ってください。`,
      `There is no 「${SURVEYS_NAME}」 sheet. Write a template from アンケート作成, or create it with シート準備.`,
    );
  }
  const indicators = input.sheets.find((s) => s.kind === 'indicators');
  let indicatorIds: string[] | null = null;
  if (indicators) {
    const col = indicators.mapping.columns.indicatorId;
    indicatorIds =
      col === undefined
        ? []
        : indicators.values
            .slice(indicators.mapping.headerRow)
            .map((r) => String(r[col] ?? '').trim())
            .filter((id) => id !== '');
  }
  const definition = readSurveyDefinition({
    values: sheet.values,
    mapping: sheet.mapping,
    settings: input.settings,
    indicatorIds,
    sheetName: sheet.name,
  });
  return { definition, heads: input.heads, settings: input.settings };
}

interface BuildEntry {
  spec: FormSpec;
  built: BuiltForm | null;
  gone: StoredForm | null;
  outcome: BuiltFormView['outcome'];
}

function stoppedError(error: unknown, done: number, touched: boolean, stray: string | null): UserError {
  const kind = errorKind(error);
  if (stray !== null) {
    // The form was made but its id could not be kept: the next run cannot find it, so staff must know.
    return new UserError(
      'survey.buildStopped',
      `フォームの作成が途中で止まりました（${kind}）。できあがった${done}件のフォームはそのまま残っています。作りかけの空のフォーム（ID: ${stray}）がドライブに残りました。回答シートにはつながっていないので、ドライブで削除してください。もう一度「フォームを作成・更新」を実行すると続きを作ります。フォーム一覧は書き換えていません。`,
      `Building the forms stopped part-way (${kind}). The ${done} forms finished are kept. An empty form (id ${stray}) was left in Drive, linked to no sheet: please delete it there. Run フォームを作成・更新 again to go on. フォーム一覧 was not rewritten.`,
    );
  }
  if (!touched) {
    return new UserError(
      'survey.buildFailed',
      `フォームを作れませんでした（${kind}）。何も変更されていません。もう一度実行してください。`,
      `The forms could not be built (${kind}). Nothing was changed. Please run it again.`,
    );
  }
  return new UserError(
    'survey.buildStopped',
    `フォームの作成・更新が途中で止まりました（${kind}）。できあがった${done}件のフォームと作りかけのフォームはそのまま残っています。もう一度「フォームを作成・更新」を実行すると、同じフォームの続きから作ります（二つ目のフォームはできません）。フォーム一覧は書き換えていません。`,
    `Building the forms stopped part-way (${kind}). The ${done} forms finished and the one being built are kept as they are. Run フォームを作成・更新 again to finish the same forms (no second copy is made). フォーム一覧 was not rewritten.`,
  );
}

/**
 * The forms アンケート定義 describes, checked, without making or changing anything (the CLI's
 * `survey build` without --write): each form and language with its items; ids and addresses of
 * forms built before.
 */
export function previewForms(ports: AppPorts): SurveyBuildView {
  const { definition } = readDefinition(ports);
  const issues = definition.issues.map(issueView);
  const stored = loadStoredForms(ports.store);
  const forms: BuiltFormView[] = [];
  for (const form of definition.forms) {
    for (const spec of buildFormSpecs(form)) {
      const previous = storedFormOf(stored, spec.name, spec.language);
      const ids = new Map((previous?.items ?? []).map((s) => [s.key, s.id] as const));
      forms.push({
        name: spec.name,
        language: spec.language,
        languageLabel: languageLabel(spec.language),
        id: previous?.formId ?? '',
        publishedUrl: '',
        shortUrl: '',
        editUrl: '',
        published: false,
        acceptingResponses: false,
        outcome: 'planned',
        created: 0,
        updated: 0,
        unchanged: 0,
        pending: spec.items.length,
        leftOver: [],
        typeChanged: [],
        removed: [],
        responseSheet: null,
        items: spec.items.map((item) => itemView(item, ids.get(item.key) ?? 0)),
      });
    }
  }
  return { built: false, forms, issues, listSheet: null, notices: [] };
}

/**
 * フォームを作成・更新: reads アンケート定義 and, when it has no errors, builds every form in every
 * language — a new form published and accepting responses, or the one built before updated in place
 * (removals only with staff's confirmation) — then marks each response sheet as Tsunagu's and
 * rewrites フォーム一覧, all or nothing. Each new form's id is kept the moment it exists, so a build
 * that stops part-way is finished by the next run, never duplicated. With errors, nothing is made.
 */
export function buildForms(
  ports: AppPorts,
  forms: FormPorts,
  options: { removeMissing?: boolean; recreate?: boolean; inParts?: boolean } = {},
): SurveyBuildView {
  return ports.lock.run(() => {
    const { definition } = readDefinition(ports);
    const issues = definition.issues.map(issueView);
    if (!canBuild(definition.issues)) {
      if (ports.store.get(FORM_BUILD_KEY) !== null) ports.store.remove(FORM_BUILD_KEY);
      return { built: false, forms: [], issues, listSheet: null, notices: [] };
    }
    const stored = loadStoredForms(ports.store);
    const entries: BuildEntry[] = [];
    const now = ports.clock.now().toISOString();
    const specs = definition.forms.flatMap((form) => buildFormSpecs(form));
    // In parts (the sidebar): what earlier parts of this run built is kept, by the definition's print.
    const print = options.inParts ? buildPrint(specs, options) : '';
    const run = options.inParts ? loadBuildRun(ports.store, print) : null;
    let budget = BUILD_PART_WORK;
    let stoppedAt = -1;
    let done = 0;
    // Whether a form was made or opened for an update: from then on a failure may leave it changed.
    let touched = false;
    // A form made whose id could not be kept (the property write failed right after the form was created in Drive).
    let stray: string | null = null;
    try {
      for (const [index, spec] of specs.entries()) {
        const earlier = run?.done.find((d) => d.name === spec.name && d.language === spec.language);
        if (earlier) {
          entries.push(entryOf(spec, earlier, stored));
          continue;
        }
        if (run && budget <= 0) {
          stoppedAt = index;
          break;
        }
        const previous = storedFormOf(stored, spec.name, spec.language);
        let built: BuiltForm;
        let outcome: BuiltFormView['outcome'];
        const create = (): BuiltForm =>
          forms.maker.create(
            spec,
            forms.spreadsheetId,
            (formId) => {
              touched = true;
              try {
                saveStoredForm(
                  ports.store,
                  ports.store,
                  { name: spec.name, language: spec.language, formId, items: [] },
                  now,
                );
              } catch (error) {
                stray = formId;
                throw error;
              }
            },
            run ? { itemLimit: Math.max(1, Math.floor(budget)) } : {},
          );
        if (previous) {
          touched = true;
          try {
            built = forms.maker.update(spec, previous, {
              removeMissing: options.removeMissing === true,
              spreadsheetId: forms.spreadsheetId,
              ...(run ? { itemLimit: Math.max(1, Math.floor(budget)) } : {}),
            });
            outcome = built.created + built.updated + built.removed.length > 0 ? 'updated' : 'unchanged';
          } catch (error) {
            if (!(error instanceof FormGoneError)) throw error;
            if (!options.recreate) {
              entries.push({ spec, built: null, gone: previous, outcome: 'gone' });
              if (run) saveBuildRun(ports.store, run, { name: spec.name, language: spec.language, gone: true });
              continue;
            }
            built = create();
            outcome = 'made';
          }
        } else {
          built = create();
          outcome = 'made';
        }
        const same =
          outcome === 'unchanged' &&
          previous !== null &&
          previous.formId === built.formId &&
          JSON.stringify(previous.items) === JSON.stringify(built.stored.items);
        if (!same)
          saveStoredForm(
            ports.store,
            ports.store,
            built.stored,
            outcome === 'unchanged' ? (previous?.updatedAt ?? now) : now,
          );
        entries.push({ spec, built, gone: null, outcome });
        done++;
        if (run) {
          // What this form cost the part: each item made or rewritten, and a little for each one only checked.
          budget -= built.created + built.updated + built.removed.length + built.unchanged * UNCHANGED_ITEM_WORK;
          const key = `${spec.language}\u0000${spec.name}`;
          const made = run.made ?? [];
          if (outcome === 'made' && !made.includes(key)) run.made = [...made, key];
          // A form this run made stays 'made' while the parts after finish its items.
          else if (made.includes(key)) entries[entries.length - 1] = { spec, built, gone: null, outcome: 'made' };
          if (built.pending > 0) {
            // Its id and items so far are kept: the next part goes on with it.
            saveBuildRun(ports.store, run, null);
            stoppedAt = index;
            break;
          }
          saveBuildRun(ports.store, run, doneOf(spec, built, made.includes(key) ? 'made' : outcome));
        }
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw stoppedError(error, done, touched, stray);
    }
    // In parts, フォーム一覧 and the response sheets are a step of their own when this part built anything.
    if (run && stoppedAt < 0 && budget < BUILD_PART_WORK && !run.listing) {
      run.listing = true;
      saveBuildRun(ports.store, run, null);
      stoppedAt = specs.length;
    }
    if (run && stoppedAt >= 0) {
      // A part: the forms are built so far; フォーム一覧 and the response sheets' marks come with the last part.
      const finished = run.done.length;
      return {
        built: true,
        forms: entries.map((e) => view(e, new Map())),
        issues,
        listSheet: null,
        notices: [],
        // The forms still to build or finish, and フォーム一覧 (a step of its own).
        remaining: specs.length - finished + 1,
        total: specs.length + 1,
      };
    }

    // The forms are built: what the workbook shows of them changes all at once.
    // Each form's response sheet, by its form URL: asked of the sheets marked as response sheets first
    // (a few calls), of every sheet only when a form is not among them (a new form's new sheet).
    const marked = ports.workbook.markedSheets();
    const sheetOfForm = new Map<string, string>();
    const findSheets = (among?: readonly string[]): void => {
      for (const s of ports.workbook.formResponseSheets(among)) {
        const id = formIdFromUrl(s.formUrl);
        if (id) sheetOfForm.set(id, s.name);
      }
    };
    findSheets(marked.filter((m) => m.kind === RESPONSES_MARK).map((m) => m.name));
    if (entries.some((e) => e.built && !sheetOfForm.has(e.built.formId))) findSheets();
    // 回答数: the size of the response sheets only, not of every sheet.
    const sizes = new Map<string, number>();
    for (const name of new Set(sheetOfForm.values())) sizes.set(name, ports.workbook.sheetSize(name)?.lastRow ?? 1);
    const place = placeOutput(ports.workbook, 'forms', FORM_LIST_HEADER, marked);
    // The record of decisions on registrations and activity reports is made with their forms, so the
    // first 取り込む does not pay for a new sheet (src/core/actions/survey-import.ts).
    const imports = definition.forms.some((f) => f.destination === 'volunteers' || f.destination === 'activities')
      ? placeOutput(ports.workbook, 'imports', IMPORT_RECORD_HEADER, marked)
      : null;
    // The item maps as kept now (read again only when this call built or changed a form).
    const after = done > 0 ? loadStoredForms(ports.store) : stored;
    const fresh = newAnswersByForm(ports.store);
    const views: BuiltFormView[] = entries.map((e) => view(e, sheetOfForm));
    const rows: OutputValue[][] = entries.map((e, i) => {
      const v = views[i] as BuiltFormView;
      const responseSheet = v.responseSheet;
      const answers = responseSheet !== null ? Math.max(0, (sizes.get(responseSheet) ?? 1) - 1) : '';
      const updatedAt = (after.find((s) => s.formId === v.id) as StoredFormEntry | undefined)?.updatedAt ?? '';
      return [
        guardFormula(e.spec.name),
        v.languageLabel.ja,
        stateText(e, v),
        v.publishedUrl,
        v.shortUrl,
        formListQr(v.shortUrl),
        v.editUrl,
        guardFormula(responseSheet ?? ''),
        answers,
        newAnswerCell(fresh, v.id),
        updatedAt === '' ? '' : new Date(updatedAt),
        v.id,
      ];
    });
    const textColumns = responseTextColumns(ports, entries, definition.forms, sheetOfForm);
    const formsChanged = entries.some((e) => e.outcome === 'made' || e.outcome === 'updated');
    try {
      writeFormList(ports, views, rows, marked, place, imports, textColumns);
    } catch (error) {
      // The forms are built and stay so: only the sheet writes were taken back, and saying 「何も変更されていません」 would be untrue.
      if (!formsChanged || !(error instanceof UserError) || error.code === 'write.partial') throw error;
      throw new UserError(
        'survey.listFailed',
        `フォームの作成・更新は終わりましたが、フォーム一覧と回答シートの印を書き込めなかったため、シートへの書き込みは取り消しました（${error.code}）。もう一度「フォームを作成・更新」を実行すると、フォームはそのままでフォーム一覧を書き込みます。`,
        `The forms were built or updated, but フォーム一覧 and the marks of the response sheets could not be written, so those sheet writes were taken back (${error.code}). Run フォームを作成・更新 again: the forms stay as they are and フォーム一覧 is written.`,
      );
    }
    const notices: Message[] = [];
    const notice = placeNotice(place);
    if (notice) notices.push(notice);
    for (const v of views)
      notices.push(
        ...formNotices(
          v,
          entries.find((e) => e.built?.formId === v.id || e.gone?.formId === v.id),
        ),
      );
    // The run is complete: the next build starts afresh (a whole build also ends one left unfinished).
    if (run || ports.store.get(FORM_BUILD_KEY) !== null) ports.store.remove(FORM_BUILD_KEY);
    return {
      built: true,
      forms: views,
      issues,
      listSheet: place.name,
      notices,
      ...(run ? { remaining: 0, total: specs.length + 1 } : {}),
    };
  });
}

// ───────────────────────── フォームを作成・更新 in parts ─────────────────────────

/**
 * The work one part of a build in parts may do (the sidebar drives the parts, each its own server
 * call within the 30 s budget): an item made or rewritten is one unit — about 6 service calls —, an
 * item only checked (unchanged) UNCHANGED_ITEM_WORK. A form left with items still to make is
 * finished by the next part (its id is kept the moment it exists: never a second copy).
 */
export const BUILD_PART_WORK = 12;
const UNCHANGED_ITEM_WORK = 0.2;

/** The document property that keeps a build in parts: the definition's print and the forms done (no answer, no name). */
export const FORM_BUILD_KEY = 'tsunagu.formBuild';

/** A form and language this run has built, with what the build said of it (for the last part's list and notices). */
interface DoneForm {
  name: string;
  language: string;
  gone?: boolean;
  outcome?: BuiltFormView['outcome'];
  formId?: string;
  publishedUrl?: string;
  shortUrl?: string;
  editUrl?: string;
  published?: boolean;
  acceptingResponses?: boolean;
  created?: number;
  updated?: number;
  unchanged?: number;
  leftOver?: BuiltForm['leftOver'];
  removed?: BuiltForm['removed'];
  typeChanged?: BuiltForm['typeChanged'];
}

interface BuildRun {
  print: string;
  done: DoneForm[];
  /** Forms (name and language) this run made, finished or not: their outcome stays 'made'. */
  made?: string[];
  /** Every form is built: the next part writes フォーム一覧. */
  listing?: boolean;
}

/** What the forms to build are, and how (a changed definition or option starts the run afresh). */
function buildPrint(specs: readonly FormSpec[], options: { removeMissing?: boolean; recreate?: boolean }): string {
  const fp = new Fingerprint();
  fp.add(JSON.stringify(specs));
  fp.add(`${options.removeMissing === true}:${options.recreate === true}`);
  return fp.toString();
}

function loadBuildRun(store: AppPorts['store'], print: string): BuildRun {
  try {
    const run = JSON.parse(store.get(FORM_BUILD_KEY) ?? 'null') as Partial<BuildRun> | null;
    if (run && run.print === print && Array.isArray(run.done))
      return { print, done: run.done, made: Array.isArray(run.made) ? run.made : [], listing: run.listing === true };
  } catch {
    // A property edited by hand: the run starts afresh (the forms themselves are found by their ids).
  }
  return { print, done: [], made: [] };
}

/** Keeps the run, with a form done (or as it is: null); item notes are left out when the property would grow past its 9 KB. */
function saveBuildRun(store: AppPorts['store'], run: BuildRun, form: DoneForm | null): void {
  if (form) run.done.push(form);
  let text = JSON.stringify(run);
  if (text.length > 8_500) {
    run.done = run.done.map(({ leftOver: _l, removed: _r, typeChanged: _t, ...rest }) => rest);
    text = JSON.stringify(run);
  }
  store.set(FORM_BUILD_KEY, text);
}

function doneOf(spec: FormSpec, built: BuiltForm, outcome: BuiltFormView['outcome']): DoneForm {
  return {
    name: spec.name,
    language: spec.language,
    outcome,
    formId: built.formId,
    publishedUrl: built.publishedUrl,
    shortUrl: built.shortUrl,
    editUrl: built.editUrl,
    published: built.published,
    acceptingResponses: built.acceptingResponses,
    created: built.created,
    updated: built.updated,
    unchanged: built.unchanged,
    leftOver: built.leftOver,
    removed: built.removed,
    typeChanged: built.typeChanged,
  };
}

/** A form an earlier part of this run built, as the build's entry (its item map as kept). */
function entryOf(spec: FormSpec, d: DoneForm, stored: readonly StoredFormEntry[]): BuildEntry {
  const map = storedFormOf(stored, spec.name, spec.language);
  if (d.gone || !map) {
    const gone = map ?? { name: spec.name, language: spec.language, formId: d.formId ?? '', items: [] };
    return { spec, built: null, gone, outcome: 'gone' };
  }
  const built: BuiltForm = {
    formId: d.formId ?? map.formId,
    publishedUrl: d.publishedUrl ?? '',
    shortUrl: d.shortUrl ?? '',
    editUrl: d.editUrl ?? '',
    published: d.published ?? false,
    acceptingResponses: d.acceptingResponses ?? false,
    stored: map,
    created: d.created ?? 0,
    updated: d.updated ?? 0,
    unchanged: d.unchanged ?? 0,
    leftOver: d.leftOver ?? [],
    removed: d.removed ?? [],
    typeChanged: d.typeChanged ?? [],
    pending: 0,
  };
  return { spec, built, gone: null, outcome: d.outcome ?? 'unchanged' };
}

/** Marks the response sheets not yet marked and rewrites フォーム一覧: all or nothing. */
function writeFormList(
  ports: AppPorts,
  views: readonly BuiltFormView[],
  rows: OutputValue[][],
  marked: readonly MarkedSheet[],
  place: OutputPlace,
  imports: OutputPlace | null,
  textColumns: readonly TextColumn[],
): void {
  atomically(ports, { ja: 'フォーム一覧', en: 'the form list' }, (tx) => {
    for (const c of textColumns) {
      tx.write(
        c.sheet,
        c.rect,
        { numberFormats: c.previous.map(() => [TEXT_FORMAT]) },
        { numberFormats: c.previous.map((f) => [f]) },
      );
    }
    if (imports && !imports.exists) makeImportRecord(tx, imports.name);
    else if (imports?.adopt) tx.mark(imports.name, 'imports');
    for (const v of views) {
      if (v.responseSheet !== null && !marked.some((m) => m.name === v.responseSheet))
        tx.mark(v.responseSheet, RESPONSES_MARK);
    }
    if (place.adopt) tx.mark(place.name, 'forms');
    if (ports.store.get(FORM_LIST_NAME_KEY) !== place.name) tx.setProperty(FORM_LIST_NAME_KEY, place.name);
    tx.output({
      name: place.name,
      kind: 'forms',
      header: FORM_LIST_HEADER,
      rows,
      hidden: false,
      textColumns: [0, 1, 2, 3, 4, 6, 7, 11],
      checkboxColumns: [],
    });
  });
}

const TEXT_FORMAT = '@';

/** フォーム一覧's columns the form-submit trigger and the imports keep up to date (0-based). */
const LIST_NEW_COLUMN = FORM_LIST_HEADER.indexOf('新しい回答');
const LIST_ID_COLUMN = FORM_LIST_HEADER.indexOf('フォームID');

/** The document property the form-submit trigger counts in: new answers per form URL (src/core/actions/triggers.ts). */
export const NEW_ANSWERS_KEY = 'tsunagu.answers.new';

/** The document property that names フォーム一覧 (written with it): how the trigger finds it without searching marks. */
export const FORM_LIST_NAME_KEY = 'tsunagu.formList';

/** The prefix of the note Tsunagu keeps on フォーム一覧's 新しい回答 heading while the trigger fails. */
export const NEW_ANSWERS_NOTE = 'つなぐ 新しい回答の通知';

/** 新しい回答 per form id (the counts are kept by form URL, whatever address form Sheets gives). */
export function newAnswersByForm(store: { get(key: string): string | null }): Map<string, number> {
  const out = new Map<string, number>();
  let counts: unknown;
  try {
    counts = JSON.parse(store.get(NEW_ANSWERS_KEY) ?? '{}');
  } catch {
    return out;
  }
  if (counts === null || typeof counts !== 'object') return out;
  for (const [url, n] of Object.entries(counts as Record<string, unknown>)) {
    const id = formIdFromUrl(url);
    if (id && typeof n === 'number' && n > 0) out.set(id, (out.get(id) ?? 0) + n);
  }
  return out;
}

/**
 * After answers are imported or decided: the 新しい回答 of each form dealt with goes down by the
 * answers decided, and never stays above those left to decide (0 once every answer of the form is
 * in), within the action's transaction — the property and フォーム一覧's column. Nothing is written
 * when no count changes (no trigger, or nothing counted for these forms).
 */
export function settleNewAnswers(
  ports: AppPorts,
  tx: Transaction,
  settled: ReadonlyMap<string, { decided: number; left: number }>,
): void {
  let counts: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(ports.store.get(NEW_ANSWERS_KEY) ?? '{}');
    if (parsed === null || typeof parsed !== 'object') return;
    counts = { ...(parsed as Record<string, unknown>) };
  } catch {
    return;
  }
  let changed = false;
  for (const [url, n] of Object.entries(counts)) {
    const id = formIdFromUrl(url);
    const s = id ? settled.get(id) : undefined;
    if (!s || typeof n !== 'number') continue;
    const next = Math.max(0, Math.min(n - s.decided, s.left));
    if (next === n) continue;
    changed = true;
    if (next === 0) delete counts[url];
    else counts[url] = next;
  }
  if (!changed) return;
  if (Object.keys(counts).length === 0) tx.removeProperty(NEW_ANSWERS_KEY);
  else tx.setProperty(NEW_ANSWERS_KEY, JSON.stringify(counts));
  showNewAnswersInFormList(ports, tx, newAnswersByForm(ports.store));
}

/** The note on フォーム一覧's 新しい回答 heading when the form-submit trigger failed. */
export function newAnswersFailureNote(at: string, message: string): string {
  return `${NEW_ANSWERS_NOTE}: ${at} 失敗しました — ${message}\n（この回答は数えていません。次の回答からまた数えます。状態はサイドバーの アンケート作成 にあります。回答そのものは回答シートに届いています。）`;
}

function newAnswerCell(counts: ReadonlyMap<string, number>, formId: string): CellValue {
  return counts.get(formId) ?? 0;
}

/**
 * Brings フォーム一覧's 新しい回答 column in line with the counts, and its heading's note with the
 * trigger's last run (`failure`: the note says it failed; null: a note of Tsunagu's there goes;
 * undefined: the note is left as it is; a note staff wrote always stays), within the action's transaction. Finds the list by its mark; a list written
 * before the column existed, or none, is left alone (the next build writes it). Calls do not depend on
 * the number of answers: the mark search, the size, two reads and at most one write.
 */
export function showNewAnswersInFormList(
  ports: AppPorts,
  tx: Transaction,
  counts: ReadonlyMap<string, number>,
  failure?: string | null,
): void {
  // The list's name as the build kept it (a property read, not a search of every sheet's marks);
  // a list written before the name was kept is found by its mark.
  const name =
    ports.store.get(FORM_LIST_NAME_KEY) ?? ports.workbook.markedSheets().find((m) => m.kind === 'forms')?.name ?? null;
  if (name === null) return;
  const size = ports.workbook.sheetSize(name);
  if (!size || size.lastRow < 1 || size.columns <= LIST_ID_COLUMN) return;
  const rows = size.lastRow;
  // 新しい回答 … フォームID in one read; a sheet whose heading is not the list's (renamed, or an older
  // list without the column) is left alone: the next build writes it.
  const width = LIST_ID_COLUMN - LIST_NEW_COLUMN + 1;
  const block = (
    ports.workbook.readBlock(name, { row: 1, column: LIST_NEW_COLUMN + 1, rows, columns: width }, ['values']).values ??
    []
  ).map((r) => ({ value: r[0] ?? '', id: String(r[width - 1] ?? '').trim() }));
  if (String(block[0]?.value ?? '') !== '新しい回答' || block[0]?.id !== 'フォームID') return;
  const values = block.map((b) => b.value);
  const next = block.map((b, i) => (i === 0 || b.id === '' ? b.value : (counts.get(b.id) ?? 0)));
  if (rows > 1 && next.some((v, i) => v !== values[i])) {
    // A value staff typed over (the sheet is Tsunagu's) goes back to the count.
    tx.write(
      name,
      { row: 2, column: LIST_NEW_COLUMN + 1, rows: rows - 1, columns: 1 },
      { values: next.slice(1).map((v) => [v]) },
      { values: values.slice(1).map((v) => [v]) },
    );
  }
  if (failure === undefined) return;
  const heading = { row: 1, column: LIST_NEW_COLUMN + 1, rows: 1, columns: 1 };
  const oldNote = ports.workbook.readBlock(name, heading, ['notes']).notes?.[0]?.[0] ?? '';
  // A note staff wrote on the heading stays; Tsunagu's own comes and goes with the trigger's failures.
  if (oldNote !== '' && !oldNote.startsWith(NEW_ANSWERS_NOTE)) return;
  const note = failure ?? '';
  if (note !== oldNote) tx.write(name, heading, { notes: [[note]] }, { notes: [[oldNote]] });
}

/** Pixels per module of フォーム一覧's QR codes: a forms.gle address is 29 modules, about 150 px with its quiet zone. */
const LIST_QR_MODULE_PIXELS = 4;

/**
 * フォーム一覧's QR code of a form's forms.gle address: a GIF made in the bundle, as a picture in
 * the cell (blank for a form with no address: deleted in Drive).
 */
export function formListQr(shortUrl: string): OutputValue {
  if (shortUrl === '') return '';
  return { kind: 'image', url: qrGifDataUrl(shortUrl, LIST_QR_MODULE_PIXELS), alt: `QRコード: ${shortUrl}` };
}

/** A response-sheet column to format as plain text, with the formats it had (to take the write back). */
interface TextColumn {
  sheet: string;
  rect: { row: number; column: number; rows: number; columns: number };
  previous: string[];
}

/**
 * 設問ID whose answers must stay text in the response sheet — phone numbers, postal codes and ids
 * (電話・郵便番号 rules, or a 登録先 the destination keeps as text): typed into a number-formatted
 * column, Sheets would drop their leading 0 (real-sheets-checklist RS-50).
 */
export function textQuestionIds(form: FormDef): string[] {
  return form.questions
    .filter(
      (q) =>
        (q.kind === 'shortText' || q.kind === 'paragraph') &&
        (q.rule?.rule === '電話' ||
          q.rule?.rule === '郵便番号' ||
          (q.target !== null && targetColumn(form.destination, q.target)?.textFormat === true)),
    )
    .map((q) => q.id);
}

/**
 * The columns of each response sheet that hold such answers and are not plain text yet (the rows
 * below the header, as far as the sheet goes): one read of the header and one of each column's
 * formats; nothing to write on a rebuild.
 */
function responseTextColumns(
  ports: AppPorts,
  entries: readonly BuildEntry[],
  forms: readonly FormDef[],
  sheetOfForm: ReadonlyMap<string, string>,
): TextColumn[] {
  const out: TextColumn[] = [];
  for (const e of entries) {
    if (!e.built) continue;
    const sheet = sheetOfForm.get(e.built.formId);
    const form = forms.find((f) => f.name === e.spec.name);
    if (!sheet || !form) continue;
    const ids = textQuestionIds(form);
    if (ids.length === 0) continue;
    const size = ports.workbook.sheetSize(sheet);
    if (!size || size.rows < 2) continue;
    const header = ports.workbook.readRows(sheet, 1, 1)[0] ?? [];
    const columns = matchResponseColumns(header, e.built.stored);
    for (const id of ids) {
      for (const index of columns.questions.get(id)?.columns ?? []) {
        const rect = { row: 2, column: index + 1, rows: size.rows - 1, columns: 1 };
        const formats = (ports.workbook.readBlock(sheet, rect, ['numberFormats']).numberFormats ?? []).map(
          (r) => r[0] ?? '',
        );
        if (formats.every((f) => f === TEXT_FORMAT)) continue;
        out.push({ sheet, rect, previous: formats.map(formatToWrite) });
      }
    }
  }
  return out;
}

function view(e: BuildEntry, sheetOfForm: ReadonlyMap<string, string>): BuiltFormView {
  const label = languageLabel(e.spec.language);
  if (!e.built) {
    const gone = e.gone as StoredForm;
    return {
      name: e.spec.name,
      language: e.spec.language,
      languageLabel: label,
      id: gone.formId,
      publishedUrl: '',
      shortUrl: '',
      editUrl: '',
      published: false,
      acceptingResponses: false,
      outcome: 'gone',
      created: 0,
      updated: 0,
      unchanged: 0,
      pending: 0,
      leftOver: [],
      typeChanged: [],
      removed: [],
      responseSheet: sheetOfForm.get(gone.formId) ?? null,
      items: [],
    };
  }
  const b = e.built;
  const ids = new Map(b.stored.items.map((s) => [s.key, s.id] as const));
  return {
    name: e.spec.name,
    language: e.spec.language,
    languageLabel: label,
    id: b.formId,
    publishedUrl: b.publishedUrl,
    shortUrl: b.shortUrl,
    editUrl: b.editUrl,
    published: b.published,
    acceptingResponses: b.acceptingResponses,
    outcome: e.outcome,
    created: b.created,
    updated: b.updated,
    unchanged: b.unchanged,
    pending: b.pending,
    leftOver: notes(b.leftOver),
    typeChanged: notes(b.typeChanged),
    removed: notes(b.removed),
    responseSheet: sheetOfForm.get(b.formId) ?? null,
    items: e.spec.items.map((item) => itemView(item, ids.get(item.key) ?? 0)),
  };
}

function stateText(e: BuildEntry, v: BuiltFormView): string {
  if (e.outcome === 'gone') return '削除されています（作り直すには「削除されたフォームを作り直す」）';
  if (!v.published) return '公開されていません';
  if (!v.acceptingResponses) return '回答を受け付けていません';
  if (v.pending > 0) return `作成中（あと${v.pending}項目）`;
  return '回答受付中';
}

function formNotices(v: BuiltFormView, e: BuildEntry | undefined): Message[] {
  const out: Message[] = [];
  const which = `「${v.name}」（${v.languageLabel.ja}）`;
  const whichEn = `「${v.name}」 (${v.languageLabel.en})`;
  if (v.outcome === 'gone' && e?.gone) {
    const ja = new FormGoneError(e.gone.formId, v.name, v.languageLabel.ja);
    const en = new FormGoneError(e.gone.formId, v.name, v.languageLabel.en);
    out.push({ ja: ja.messageJa, en: en.message });
    return out;
  }
  if (!v.published || !v.acceptingResponses) {
    out.push({
      ja: `フォーム${which}は回答を受け付けていません。フォームの「回答」タブで受付をオンにしてください。`,
      en: `The form ${whichEn} is not accepting responses. Turn responses on in the form's Responses tab.`,
    });
  }
  if (v.pending > 0) {
    out.push({
      ja: `フォーム${which}はあと${v.pending}項目あります。もう一度「フォームを作成・更新」を実行してください。`,
      en: `The form ${whichEn} has ${v.pending} items still to make. Run フォームを作成・更新 again.`,
    });
  }
  const kept = v.leftOver.length + v.typeChanged.length;
  if (kept > 0) {
    const titles = [...v.leftOver, ...v.typeChanged].map((n) => `「${n.title}」`).join('');
    out.push({
      ja: `フォーム${which}の${titles}は、アンケート定義にない（または種類が変わった）ため残してあります。消すと今までの回答が読めなくなります。消す場合は「設問の削除を確認して更新」を実行してください。`,
      en: `In the form ${whichEn}, ${titles} are no longer defined as they are (or their 種類 changed) and were kept: removing them makes their answers unreadable. To remove them, run the update confirming the removal.`,
    });
  }
  if (v.responseSheet === null) {
    out.push({
      ja: `フォーム${which}の回答シートがこのスプレッドシートに見つかりません。`,
      en: `The response sheet of the form ${whichEn} is not in this spreadsheet.`,
    });
  }
  return out;
}

// ───────────────────────── 回答の取り込み（アンケート回答） ─────────────────────────

interface CollectedAnswers {
  view: SurveyAnswersView;
  header: string[];
  rows: CellValue[][];
}

/**
 * The answers of every form whose 取り込み先 is アンケート回答, read from each language's response
 * sheet — found by the form's URL, one batched read per sheet whatever the number of answers — with
 * columns matched to questions by the stored item ids, and turned into anonymous rows in canonical
 * Japanese (docs/forms.md).
 */
function collectSurveyAnswers(ports: AppPorts): CollectedAnswers {
  const { definition } = readDefinition(ports);
  const forms = definition.forms.filter((f) => f.destination === 'surveyAnswers');
  const blocked = forms.filter((f) => !canBuild(definition.issues, f.name)).map((f) => f.name);
  if (blocked.length > 0) {
    throw new UserError(
      'survey.definitionErrors',
      `アンケート定義の${blocked.map((n) => `「${n}」`).join('')}にエラーがあるため、回答を取り込めません。「定義を確認」でエラーを直してください。`,
      `アンケート定義 has errors in ${blocked.map((n) => `「${n}」`).join('')}, so their answers cannot be read. Fix them first (check the definition).`,
    );
  }
  const stored = loadStoredForms(ports.store);
  const sheetOfForm = new Map<string, string>();
  for (const s of ports.workbook.formResponseSheets()) {
    const id = formIdFromUrl(s.formUrl);
    if (id) sheetOfForm.set(id, s.name);
  }
  const header = surveyAnswerHeader(forms);
  const rows: CellValue[][] = [];
  const notices: Message[] = [];
  const read: SurveyAnswersView['forms'] = [];
  let unmatched = 0;
  for (const form of forms) {
    for (const built of stored.filter((s) => s.name === form.name)) {
      const label = languageLabel(built.language);
      const sheet = sheetOfForm.get(built.formId) ?? null;
      if (sheet === null) {
        notices.push({
          ja: `「${form.name}」（${label.ja}）の回答シートが見つからないため、その回答は取り込んでいません。`,
          en: `The response sheet of 「${form.name}」 (${label.en}) was not found, so its answers were not read.`,
        });
        read.push({ name: form.name, language: built.language, languageLabel: label, sheet: null, responses: 0 });
        continue;
      }
      const responses = readResponseSheet(ports.workbook, sheet, built, notices);
      for (const response of responses) {
        const row = surveyAnswerRow(form, response);
        unmatched += row.unmatched.length;
        rows.push(header.map((h) => guardCell(row.cells[h] ?? '')));
      }
      read.push({
        name: form.name,
        language: built.language,
        languageLabel: label,
        sheet,
        responses: responses.length,
      });
    }
  }
  if (unmatched > 0) {
    notices.push({
      ja: `選択肢にない回答が${unmatched}件ありました（選択肢が後から変わったなど）。書かれたとおりに取り込んでいます。`,
      en: `${unmatched} answers are not among their question's choices (a choice renamed since, say). They were kept as typed.`,
    });
  }
  // Oldest first, as answers come in.
  const at = header.indexOf('回答日時');
  rows.sort((a, b) => timeOf(a[at]) - timeOf(b[at]));
  return {
    view: {
      sheet: null,
      rows: rows.length,
      added: rows.length,
      updated: 0,
      removed: 0,
      remaining: 0,
      forms: read,
      notices,
    },
    header,
    rows,
  };
}

function timeOf(v: CellValue | undefined): number {
  return v instanceof Date ? v.getTime() : Number.POSITIVE_INFINITY;
}

/**
 * At most this many cells of アンケート回答 are written by one 回答の取り込み: a larger import (the
 * first of thousands of answers) goes in parts, the sidebar running it again until nothing remains
 * (docs/cost.md). Each part is whole by itself: the sheet always holds the oldest answers in order.
 */
export const SURVEY_ANSWER_PART_CELLS = 8_000;

/** What one 回答の取り込み writes into アンケート回答, given what it holds now. */
interface AnswerPlan {
  /** Write the sheet anew (none yet, or its columns changed) with the first `add` rows. */
  rewrite: boolean;
  /** The data rows the sheet holds now (0 when rewritten). */
  kept: number;
  /**
   * The span of the sheet's rows (0-based data rows) written again in place: from the first row
   * that no longer holds its answer — one edited in the form, removed, or an earlier answer that
   * came in late — to the last; rows past the answers' end are cleared.
   */
  changed: { first: number; last: number; rows: number } | null;
  /** Rows in that span whose answer changed, and rows cleared because answers were removed. */
  updated: number;
  removed: number;
  /** Rows added below the sheet's rows. */
  add: number;
  /** Rows left for a later part. */
  remaining: number;
  /** The sheet's data rows as they are now (to put the changed span back should the write fail). */
  body: CellValue[][];
}

/** A cell of the sheet holds what Tsunagu would write (a guarded text reads back unguarded; '123' reads back as 123). */
function sameCell(held: CellValue | undefined, wanted: CellValue | undefined): boolean {
  const a = held ?? '';
  const b = wanted ?? '';
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const text = String(a);
  return text === String(b) || guardFormula(text) === String(b);
}

function sameRow(held: readonly CellValue[] | undefined, wanted: readonly CellValue[]): boolean {
  return wanted.every((v, c) => sameCell(held?.[c], v));
}

function planAnswers(
  current: CellValue[][] | null,
  header: string[],
  rows: CellValue[][],
  width: number,
  /** The sheet is known to hold rows[0, unchanged) as they were written (its 回答ID column read, the rest by the fingerprint). */
  unchanged: number | null = null,
): AnswerPlan {
  const part = Math.max(1, Math.floor(SURVEY_ANSWER_PART_CELLS / Math.max(width, 1)));
  if (unchanged !== null) {
    const add = Math.min(rows.length - unchanged, part);
    const remaining = rows.length - unchanged - add;
    return { rewrite: false, kept: unchanged, changed: null, updated: 0, removed: 0, add, remaining, body: [] };
  }
  const anew = (): AnswerPlan => {
    const add = Math.min(rows.length, part);
    const remaining = rows.length - add;
    return { rewrite: true, kept: 0, changed: null, updated: 0, removed: 0, add, remaining, body: [] };
  };
  if (!current || current.length === 0) return anew();
  const head = current[0] ?? [];
  // Anything beside the answers that Tsunagu did not write is cleared by a rewrite, as it always was.
  if (head.length !== header.length || header.some((h, c) => String(head[c] ?? '') !== h)) return anew();
  const body = current.slice(1);
  const overlap = Math.min(body.length, rows.length);
  let first = -1;
  let last = -1;
  let updated = 0;
  for (let i = 0; i < overlap; i++) {
    if (sameRow(body[i], rows[i] ?? [])) continue;
    if (first < 0) first = i;
    last = i;
    updated++;
  }
  const removed = Math.max(0, body.length - rows.length);
  if (removed > 0) {
    if (first < 0) first = rows.length;
    last = body.length - 1;
  }
  const changed = first < 0 ? null : { first, last, rows: last - first + 1 };
  // Rows moved by a removal early in a large sheet: as many cells as writing it anew, in parts.
  if (changed && changed.rows > part) return anew();
  const add = Math.min(rows.length - overlap, Math.max(0, part - (changed?.rows ?? 0)));
  const remaining = rows.length - overlap - add;
  return { rewrite: false, kept: body.length, changed, updated, removed, add, remaining, body };
}

/**
 * What アンケート回答 was last written with (a document property): its sheet, its rows, and a
 * fingerprint of its header and those rows — no answer itself. While the answers it was written
 * with are unchanged, the next import reads only its 回答ID column to be sure it still holds them.
 */
export const SURVEY_ANSWERS_WRITTEN_KEY = 'tsunagu.surveyAnswers';

interface WrittenAnswers {
  sheet: string;
  rows: number;
  print: string;
  /** Rows per block, and a fingerprint of each block of rows (an import written before blocks: none). */
  blockRows?: number;
  blocks?: string[];
}

/**
 * Rows per fingerprinted block of アンケート回答: an answer edited since makes the next import read
 * only the blocks whose fingerprint changed (and the 回答ID column), not the whole sheet. At most
 * MAX_ANSWER_BLOCKS prints are kept (a document property holds 9 KB): larger sheets get larger blocks.
 */
const ANSWER_BLOCK_ROWS = 250;
const MAX_ANSWER_BLOCKS = 300;

function blockRowsFor(count: number): number {
  return Math.max(ANSWER_BLOCK_ROWS, Math.ceil(count / MAX_ANSWER_BLOCKS));
}

/** The fingerprint of each block of rows[0, count). */
function blockPrints(rows: readonly CellValue[][], count: number, blockRows: number): string[] {
  const out: string[] = [];
  for (let first = 0; first < count; first += blockRows) {
    const fp = new Fingerprint();
    for (let i = first; i < Math.min(first + blockRows, count); i++) for (const v of rows[i] ?? []) fp.addCell(v);
    out.push(fp.toString());
  }
  return out;
}

/** What the property keeps after writing rows[0, count): the whole print and the blocks' (no answer). */
function writtenRecord(sheet: string, header: readonly string[], rows: readonly CellValue[][], count: number): string {
  const blockRows = blockRowsFor(count);
  return JSON.stringify({
    sheet,
    rows: count,
    print: printOf(header, rows, count),
    blockRows,
    blocks: blockPrints(rows, count, blockRows),
  } satisfies WrittenAnswers);
}

function printOf(header: readonly string[], rows: readonly CellValue[][], count: number): string {
  const fp = new Fingerprint();
  for (const h of header) fp.add(h);
  for (let i = 0; i < count; i++) for (const v of rows[i] ?? []) fp.addCell(v);
  return fp.toString();
}

function writtenAnswers(ports: AppPorts): WrittenAnswers | null {
  const raw = ports.store.get(SURVEY_ANSWERS_WRITTEN_KEY);
  if (!raw) return null;
  try {
    const w = JSON.parse(raw) as Partial<WrittenAnswers>;
    if (typeof w.sheet !== 'string' || typeof w.rows !== 'number' || typeof w.print !== 'string') return null;
    const blocks =
      typeof w.blockRows === 'number' &&
      w.blockRows > 0 &&
      Array.isArray(w.blocks) &&
      w.blocks.every((b) => typeof b === 'string')
        ? { blockRows: w.blockRows, blocks: w.blocks }
        : {};
    return { sheet: w.sheet, rows: w.rows, print: w.print, ...blocks };
  } catch {
    return null;
  }
}

/**
 * The sheet アンケート回答 is written to, and the plan for these rows: while the answers it was last
 * written with are unchanged (same fingerprint), only its 回答ID column is read, to be sure it still
 * holds them; otherwise the whole sheet, compared row by row.
 */
function answersPlan(ports: AppPorts, header: string[], rows: CellValue[][]): { place: OutputPlace; plan: AnswerPlan } {
  const place = placeOutput(ports.workbook, 'answers', header);
  if (!place.exists || place.adopt) return { place, plan: planAnswers(null, header, rows, header.length) };
  const written = writtenAnswers(ports);
  if (
    written &&
    written.sheet === place.name &&
    written.rows <= rows.length &&
    printOf(header, rows, written.rows) === written.print
  ) {
    const ids = ports.workbook.read(place.name, [0])?.values ?? [];
    const body = ids.slice(1);
    const holds =
      (ids[0]?.length ?? 0) === header.length &&
      String(ids[0]?.[0] ?? '') === header[0] &&
      body.length === written.rows &&
      body.every((r, i) => String(r[0] ?? '') === String(rows[i]?.[0] ?? ''));
    if (holds) return { place, plan: planAnswers(null, header, rows, header.length, written.rows) };
  }
  const blocks =
    written && written.sheet === place.name ? changedBlocks(ports, place.name, header, rows, written) : null;
  if (blocks) return { place, plan: planAnswers(blocks, header, rows, header.length) };
  const current = ports.workbook.read(place.name)?.values ?? null;
  return { place, plan: planAnswers(current, header, rows, header.length) };
}

/**
 * The sheet as planAnswers compares it, reading only what may have changed: the header, the 回答ID
 * column (the sheet still holds the answers it was written with, in their order) and the blocks of
 * rows whose fingerprint differs from what they were written with; the other rows are known to hold
 * what was written. Null — read the whole sheet — when the record has no blocks, the answers are fewer
 * than written (some removed), the 回答ID column says otherwise, or most blocks changed.
 */
function changedBlocks(
  ports: AppPorts,
  sheet: string,
  header: readonly string[],
  rows: readonly CellValue[][],
  written: WrittenAnswers,
): CellValue[][] | null {
  const { blockRows, blocks } = written;
  if (!blockRows || !blocks || written.rows > rows.length) return null;
  const fresh = blockPrints(rows, written.rows, blockRows);
  if (fresh.length !== blocks.length) return null;
  const changed = fresh.map((p, b) => p !== blocks[b]);
  const count = changed.filter((c) => c).length;
  if (count === 0 || count * 2 > blocks.length) return null;
  const ids = ports.workbook.read(sheet, [0])?.values ?? [];
  const body = ids.slice(1);
  if ((ids[0]?.length ?? 0) !== header.length || body.length !== written.rows) return null;
  if (!body.every((r, i) => String(r[0] ?? '') === String(rows[i]?.[0] ?? ''))) return null;
  const spans = [{ first: 1, count: 1 }];
  changed.forEach((c, b) => {
    if (c) spans.push({ first: 2 + b * blockRows, count: Math.min(blockRows, written.rows - b * blockRows) });
  });
  const read = ports.workbook.read(sheet, undefined, spans)?.values ?? [];
  const inChanged = (i: number): boolean => changed[Math.floor(i / blockRows)] === true;
  return [read[0] ?? [], ...body.map((_, i) => (inChanged(i) ? (read[i + 1] ?? []) : [...(rows[i] ?? [])]))];
}

/** What 回答の取り込み would write into アンケート回答, without writing (the CLI's survey import without --write). */
export function previewSurveyAnswers(ports: AppPorts): SurveyAnswersView {
  const { view, header, rows } = collectSurveyAnswers(ports);
  if (view.forms.length === 0) return view;
  const { plan } = answersPlan(ports, header, rows);
  return { ...view, added: plan.add, updated: plan.updated, removed: plan.removed, remaining: plan.remaining };
}

/**
 * 回答の取り込み（アンケート回答）: brings アンケート回答 up to date with every anonymous answer of the
 * resident surveys, one row per response in canonical Japanese with the language it was answered
 * in, oldest first, as a marked output sheet, all or nothing — ready to be a source of 指標定義.
 * Only what changed is written: the answers not yet in the sheet (by 回答ID) are added below it, and
 * an answer edited in the form since is written again in place; the sheet is written anew only when
 * its columns changed or answers were removed. A large import goes in parts (`remaining`).
 */
export function importSurveyAnswers(ports: AppPorts): SurveyAnswersView {
  return ports.lock.run(() => {
    const { view, header, rows } = collectSurveyAnswers(ports);
    if (view.forms.length === 0) {
      throw new UserError(
        'survey.noAnswerForms',
        '取り込み先が「アンケート回答」のフォームで、作成済みのものがありません。先に「フォームを作成・更新」を実行してください。',
        'No form whose 取り込み先 is アンケート回答 has been built yet. Build the forms first.',
      );
    }
    const { place, plan } = answersPlan(ports, header, rows);
    const written = plan.rewrite ? plan.add : Math.min(plan.kept, rows.length) + plan.add;
    const textColumns = [0, 2, 3];
    atomically(ports, { ja: 'アンケート回答', en: 'the survey answers' }, (tx) => {
      if (place.adopt) tx.mark(place.name, 'answers');
      if (plan.rewrite) {
        tx.output({
          name: place.name,
          kind: 'answers',
          header,
          rows: rows.slice(0, plan.add),
          hidden: false,
          textColumns,
          checkboxColumns: [],
        });
      } else writeChanges(tx, place.name, header.length, plan, rows, textColumns);
      tx.setProperty(SURVEY_ANSWERS_WRITTEN_KEY, writtenRecord(place.name, header, rows, written));
      // Every answer of these forms is in アンケート回答 once the last part is written: none is new any more.
      if (plan.remaining === 0) {
        const done = loadStoredForms(ports.store).filter((s) =>
          view.forms.some((f) => f.name === s.name && f.language === s.language),
        );
        settleNewAnswers(ports, tx, new Map(done.map((s) => [s.formId, { decided: 0, left: 0 }] as const)));
      }
    });
    const notice = placeNotice(place);
    return {
      ...view,
      sheet: place.name,
      rows: written,
      added: plan.add,
      updated: plan.updated,
      removed: plan.removed,
      remaining: plan.remaining,
      notices: notice ? [notice, ...view.notices] : view.notices,
    };
  });
}

/** Writes again the rows whose answers changed and adds the new ones below (one block each). */
function writeChanges(
  tx: Transaction,
  sheet: string,
  width: number,
  plan: AnswerPlan,
  rows: CellValue[][],
  textColumns: number[],
): void {
  const fit = (row: CellValue[] | undefined): CellValue[] => Array.from({ length: width }, (_, c) => row?.[c] ?? '');
  if (plan.changed) {
    const { first, last } = plan.changed;
    tx.write(
      sheet,
      { row: first + 2, column: 1, rows: plan.changed.rows, columns: width },
      { values: Array.from({ length: last - first + 1 }, (_, i) => fit(rows[first + i])) },
      // Put back as it was read, texts guarded as Tsunagu wrote them.
      { values: plan.body.slice(first, last + 1).map((row) => fit(row).map((v) => guardCell(v))) },
    );
  }
  if (plan.add > 0) tx.appendOutput(sheet, plan.kept + 2, rows.slice(plan.kept, plan.kept + plan.add), textColumns);
}
