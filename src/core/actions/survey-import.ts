/**
 * 回答の取り込み（ボランティア登録・活動報告）: the answers of forms whose 取り込み先 is ボランティア名簿 or
 * 活動記録 become candidates — each checked by the destination's own 検証 rules together with the
 * sheet's rows, with a probable duplicate already on the roster named — which staff accept (rows
 * appended: a new 登録番号 in the roster's own format, 状態 from 設定, 登録日 = the answer date) or
 * decline. Nothing is written without staff's decision; a decision is all or nothing, undoable, and
 * remembered by response id in a hidden sheet (ids only, no answers), so a response is never
 * imported twice (docs/forms.md).
 */
import { UserError } from '../errors';
import { AUTOMATIC_FORMAT_READ, FormulaInTheWay, writeRows, type RowsWrite } from '../history/cells';
import { estimateRecordChars } from '../history/estimate';
import { History } from '../history/store';
import type { CellChange } from '../history/types';
import { placeOutput, type OutputPlace } from '../output-sheets';
import { RESPONSES_MARK, settleNewAnswers } from './survey';
import type { CellValue, SheetHead } from '../ports';
import { isLiveSheet } from '../sheets/mapping';
import { classifyRows } from '../sheets/row-kinds';
import { columnLetter } from '../sheets/rows';
import { parsePhone } from '../text/phone';
import { SHEET_SPECS } from '../sheets/specs';
import type { Settings } from '../sheets/settings';
import { atomically, type Transaction } from '../transaction';
import { checkCandidates, nextIds, shown, type DestinationSheet } from '../survey/candidates';
import { activityRow, headerOfKey, volunteerCandidate, type AnswerRow } from '../survey/destinations';
import { loadStoredForms } from '../survey/form-store';
import { formIdFromUrl } from '../survey/item-map';
import { languageName } from '../survey/languages';
import { readResponseSheet } from '../survey/responses';
import { readSurveyDefinition } from '../survey/definition';
import { canBuild, type FormDef } from '../survey/types';
import type {
  Message,
  SurveyCandidateView,
  SurveyCandidatesView,
  SurveyDecisionResult,
  SurveyImportKind,
} from '../../shared/rpc';
import type { AppPorts } from './ports';
import { undoInfo } from './undo';
import { readWorkbookInput } from './workbook-input';
import type { SheetInput } from '../validate/types';
import { CROSS_ROW_FIELDS } from '../validate/chunks';

/** The hidden sheet that remembers decisions: response ids, forms and outcomes — never an answer. */
export const IMPORT_RECORD_HEADER = ['回答ID', 'フォーム名', '言語', '取り込み先', '結果', '登録番号・行', '日時'];
export const RESULT_IMPORTED = '取り込み済み';
export const RESULT_DECLINED = '見送り';

/** How many candidates one decision may take: its history record stays well within つなぐ履歴's limits. */
export const MAX_DECISIONS = 100;

const SURVEYS_NAME = SHEET_SPECS.surveys.canonicalName;

interface Decision {
  result: string;
  ref: string;
}

interface Candidate {
  form: FormDef;
  /** The Forms id of the form (one language) the answer came from. */
  formId: string;
  kind: SurveyImportKind;
  row: AnswerRow;
  view: SurveyCandidateView;
}

interface Collected {
  candidates: Candidate[];
  view: SurveyCandidatesView;
  destinations: Map<SurveyImportKind, SheetInput | null>;
  /** Every data sheet read (new 登録番号 follow the highest of every roster, the archive included). */
  sheets: readonly SheetInput[];
  heads: SheetHead[];
  settings: Settings;
  record: { place: OutputPlace; lastRow: number };
  retentionDays: number;
}

function label(code: string): Message {
  const name = languageName(code);
  return { ja: name.ja, en: name.en };
}

/** Decisions made before, by response id: the last row of the record for an id wins (a declined one accepted later). */
function readDecisions(ports: AppPorts, place: OutputPlace): { decisions: Map<string, Decision>; lastRow: number } {
  const decisions = new Map<string, Decision>();
  if (!place.exists) return { decisions, lastRow: 0 };
  const data = ports.workbook.read(place.name);
  const values = data?.values ?? [];
  let lastRow = 1;
  values.forEach((row, i) => {
    if (i === 0) return;
    const id = String(row[0] ?? '').trim();
    if (id === '') return;
    lastRow = i + 1;
    decisions.set(id, { result: String(row[4] ?? ''), ref: String(row[5] ?? '') });
  });
  return { decisions, lastRow: Math.max(lastRow, values.length > 0 ? 1 : 0) };
}

/**
 * The response sheet of each built form, by form id: asked only of the sheets the build marked as
 * response sheets (a few calls); when one of the forms is not among them, of every sheet.
 */
function responseSheetsOf(ports: AppPorts, stored: readonly { formId: string }[]): Map<string, string> {
  const find = (among?: readonly string[]): Map<string, string> => {
    const out = new Map<string, string>();
    for (const s of ports.workbook.formResponseSheets(among)) {
      const id = formIdFromUrl(s.formUrl);
      if (id) out.set(id, s.name);
    }
    return out;
  };
  const marked = ports.workbook
    .markedSheets()
    .filter((m) => m.kind === RESPONSES_MARK)
    .map((m) => m.name);
  const found = find(marked);
  return stored.every((s) => found.has(s.formId)) ? found : find();
}

/**
 * The destination sheet of a kind: the first live one in tab order (a 退会者 archive is never
 * written into), or null when the workbook has no live sheet of the kind.
 */
function destinationOf(sheets: readonly SheetInput[], kind: SurveyImportKind): SheetInput | null {
  return sheets.find((s) => s.kind === kind && isLiveSheet(s.name, s.mapping)) ?? null;
}

/** The other sheets of the kind, live or not, in tab order: candidates are compared with their rows too. */
function siblingsOf(
  sheets: readonly SheetInput[],
  kind: SurveyImportKind,
  destination: SheetInput | null,
): SheetInput[] {
  return sheets.filter((s) => s.kind === kind && s !== destination);
}

/** Why answers of a kind cannot be imported: no sheet of the kind, or none that staff use. */
function noDestination(sheets: readonly SheetInput[], kind: SurveyImportKind): Message {
  const name = SHEET_SPECS[kind].canonicalName;
  const kept = sheets.filter((s) => s.kind === kind).map((s) => `「${s.name}」`);
  if (kept.length === 0) {
    return {
      ja: `「${name}」シートが見つかりません。取り込むには、シート準備で「${name}」を作ってください。`,
      en: `There is no 「${name}」 sheet. Create it with シート準備 to import these answers.`,
    };
  }
  return {
    ja: `${kept.join('')}は「マッチング・集計に使わない」シートのため、回答を書き込めません。列の対応で使うシートを選んでください。`,
    en: `${kept.join('')} ${kept.length === 1 ? 'is a sheet' : 'are sheets'} kept for the record (not used), so answers cannot be written there. Choose the sheet in use in the column mapping.`,
  };
}

/** The header a destination column is known by: the sheet's own, else the canonical one. */
function headerName(kind: SurveyImportKind, key: string, sheet: SheetInput | null): string {
  const index = sheet?.mapping.columns[key];
  if (sheet && index !== undefined) {
    const text = String(sheet.display[sheet.mapping.headerRow - 1]?.[index] ?? '').trim();
    if (text !== '') return text;
  }
  return headerOfKey(kind, key);
}

function statusOf(
  kind: SurveyImportKind,
  row: AnswerRow,
  decision: Decision | undefined,
): SurveyCandidateView['status'] {
  if (decision?.result === RESULT_IMPORTED) return 'imported';
  if (kind === 'volunteers' && row.consent === false) return 'noConsent';
  if (decision?.result === RESULT_DECLINED) return 'declined';
  return 'new';
}

const NO_CONSENT: Message = {
  ja: '個人情報の取扱いに同意していないため、名簿には取り込めません。',
  en: 'The respondent did not agree to the personal-information notice, so this cannot go into the roster.',
};

/**
 * Reads every response of the forms whose 取り込み先 is ボランティア名簿 or 活動記録 (one batched read
 * per response sheet, found by its form's URL), makes each a candidate row, checks them with the
 * destination sheet's rows, and reads which were imported or declined before.
 */
function collect(ports: AppPorts, only: SurveyImportKind | null, check = true): Collected {
  // One read of the workbook: the definition, and of the destination sheets only the columns rules
  // compare across rows (the same person, the same id) — candidates are checked against those, their
  // own cells by every rule. A decision needs only the ids (for the next 登録番号): it does not check again.
  const input = readWorkbookInput(ports, ['surveys', 'indicators', 'volunteers', 'activities'], {
    indicators: ['indicatorId'],
    volunteers: only === 'activities' ? [] : check ? (CROSS_ROW_FIELDS.volunteers ?? []) : ['volunteerId'],
    activities: [],
  });
  const surveys = input.sheets.find((s) => s.kind === 'surveys');
  if (!surveys) {
    throw new UserError(
      'survey.noSheet',
      `「${SURVEYS_NAME}」シートがありません。アンケート作成でテンプレートを書き込んでから、フォームを作成してください。`,
      `There is no 「${SURVEYS_NAME}」 sheet. Write a template from アンケート作成 and build the forms first.`,
    );
  }
  const indicators = input.sheets.find((s) => s.kind === 'indicators');
  const indicatorCol = indicators?.mapping.columns.indicatorId;
  const indicatorIds = indicators
    ? indicatorCol === undefined
      ? []
      : indicators.values
          .slice(indicators.mapping.headerRow)
          .map((r) => String(r[indicatorCol] ?? '').trim())
          .filter((id) => id !== '')
    : null;
  const definition = readSurveyDefinition({
    values: surveys.values,
    mapping: surveys.mapping,
    settings: input.settings,
    indicatorIds,
    sheetName: surveys.name,
  });
  const forms = definition.forms.filter(
    (f): f is FormDef & { destination: SurveyImportKind } =>
      (f.destination === 'volunteers' || f.destination === 'activities') && (only === null || f.destination === only),
  );
  const blocked = forms.filter((f) => !canBuild(definition.issues, f.name)).map((f) => f.name);
  if (blocked.length > 0) {
    throw new UserError(
      'survey.definitionErrors',
      `アンケート定義の${blocked.map((n) => `「${n}」`).join('')}にエラーがあるため、回答を取り込めません。「定義を確認」でエラーを直してください。`,
      `アンケート定義 has errors in ${blocked.map((n) => `「${n}」`).join('')}, so their answers cannot be read. Fix them first (check the definition).`,
    );
  }
  const stored = loadStoredForms(ports.store);
  const sheetOfForm = responseSheetsOf(
    ports,
    stored.filter((s) => forms.some((f) => f.name === s.name)),
  );
  const marked = ports.workbook.markedSheets().find((m) => m.kind === 'imports');
  const place: OutputPlace = marked
    ? { kind: 'imports', name: marked.name, exists: true, adopt: false, passedOver: [] }
    : placeOutput(ports.workbook, 'imports', IMPORT_RECORD_HEADER);
  const { decisions, lastRow } = readDecisions(ports, place);
  const destinations = new Map<SurveyImportKind, SheetInput | null>([
    ['volunteers', destinationOf(input.sheets, 'volunteers')],
    ['activities', destinationOf(input.sheets, 'activities')],
  ]);
  const notices: Message[] = [];
  const readForms: SurveyCandidatesView['forms'] = [];
  const rows: Array<{ form: FormDef; formId: string; kind: SurveyImportKind; row: AnswerRow }> = [];
  for (const form of forms) {
    const kind = form.destination;
    for (const built of stored.filter((s) => s.name === form.name)) {
      const lang = label(built.language);
      const sheet = sheetOfForm.get(built.formId) ?? null;
      if (sheet === null) {
        notices.push({
          ja: `「${form.name}」（${lang.ja}）の回答シートが見つからないため、その回答は読んでいません。`,
          en: `The response sheet of 「${form.name}」 (${lang.en}) was not found, so its answers were not read.`,
        });
        readForms.push({
          name: form.name,
          language: built.language,
          languageLabel: lang,
          destination: kind,
          sheet: null,
          responses: 0,
        });
        continue;
      }
      const responses = readResponseSheet(ports.workbook, sheet, built, notices);
      for (const response of responses) {
        const row =
          kind === 'volunteers'
            ? mobileInItsColumn(volunteerCandidate(form, response, input.settings), destinations.get('volunteers'))
            : activityRow(form, response, input.settings);
        rows.push({ form, formId: built.formId, kind, row });
      }
      readForms.push({
        name: form.name,
        language: built.language,
        languageLabel: lang,
        destination: kind,
        sheet,
        responses: responses.length,
      });
    }
  }
  // Oldest first, as answers come in.
  rows.sort((a, b) => (a.row.timestamp?.getTime() ?? Infinity) - (b.row.timestamp?.getTime() ?? Infinity));
  const candidates: Candidate[] = [];
  for (const kind of ['volunteers', 'activities'] as const) {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (ofKind.length === 0) continue;
    const sheet = destinations.get(kind) ?? null;
    // Only what is still to decide is checked against the sheet (and each other): imported rows are on it already.
    const open = ofKind.filter((r) => statusOf(kind, r.row, decisions.get(r.row.responseId)) !== 'imported');
    const asDestination = (s: SheetInput): DestinationSheet => ({
      name: s.name,
      mapping: s.mapping,
      values: s.values,
      display: s.display,
    });
    const checks = check
      ? checkCandidates(
          kind,
          open.map((r) => r.row),
          sheet ? asDestination(sheet) : null,
          input.settings,
          input.today,
          siblingsOf(input.sheets, kind, sheet).map(asDestination),
        )
      : [];
    const checkOf = new Map(open.map((r, i) => [r.row.responseId, checks[i]] as const));
    const keys = SHEET_SPECS[kind].columns.map((c) => c.key);
    for (const { form, formId, row } of ofKind) {
      const decision = decisions.get(row.responseId);
      const status = statusOf(kind, row, decision);
      const check = checkOf.get(row.responseId);
      const cells: Record<string, string> = {};
      for (const key of keys) {
        if (row.cells[key] === undefined) continue;
        cells[headerName(kind, key, sheet)] = shown(row.cells[key]);
      }
      candidates.push({
        form,
        formId,
        kind,
        row,
        view: {
          responseId: row.responseId,
          form: form.name,
          destination: kind,
          language: row.language,
          languageLabel: label(row.language),
          answeredAt: row.timestamp ? row.timestamp.toISOString() : null,
          status,
          row: cells,
          issues: (check?.issues ?? []).map((issue) => ({
            code: issue.code,
            severity: issue.severity === 'error' ? 'error' : issue.severity === 'warning' ? 'warning' : 'info',
            column: issue.column,
            message: { ja: issue.message.ja, en: issue.message.en },
            suggestion: issue.suggestion ?? null,
          })),
          duplicateOf: check?.duplicateOf ?? null,
          unmatched: row.unmatched.map((u) => ({ question: u.question, values: [...u.values] })),
          derived: row.derived.map((d) => ({ ja: d.ja, en: d.en })),
          importedAs: status === 'imported' ? (decision?.ref ?? null) : null,
          reason: status === 'noConsent' ? NO_CONSENT : null,
        },
      });
    }
  }
  const count = (s: SurveyCandidateView['status']): number => candidates.filter((c) => c.view.status === s).length;
  for (const kind of ['volunteers', 'activities'] as const) {
    if (candidates.some((c) => c.kind === kind) && !destinations.get(kind))
      notices.push(noDestination(input.sheets, kind));
  }
  return {
    candidates,
    destinations,
    sheets: input.sheets,
    heads: input.heads,
    settings: input.settings,
    record: { place, lastRow },
    retentionDays: input.settings.historyRetentionDays,
    view: {
      candidates: candidates.map((c) => c.view),
      counts: {
        new: count('new'),
        imported: count('imported'),
        declined: count('declined'),
        noConsent: count('noConsent'),
      },
      forms: readForms,
      notices,
    },
  };
}

/**
 * The candidates of the forms whose 取り込み先 is ボランティア名簿 or 活動記録 (or only one of them),
 * each with its status, the destination's 検証 issues and a probable duplicate — read only.
 */
export function previewSurveyCandidates(ports: AppPorts, kind?: SurveyImportKind | null): SurveyCandidatesView {
  // No built form of these kinds: an empty list (forms: []), which the sidebar and the CLI say plainly.
  return collect(ports, kind ?? null).view;
}

/**
 * Per form: how many of its answers this call decides, and how many stay to decide afterwards
 * (new ones not decided now) — what 新しい回答 may still count.
 */
function settledByForm(
  candidates: readonly Candidate[],
  decided: ReadonlySet<string>,
): Map<string, { decided: number; left: number }> {
  const out = new Map<string, { decided: number; left: number }>();
  for (const c of candidates) {
    const entry = out.get(c.formId) ?? { decided: 0, left: 0 };
    if (decided.has(c.view.responseId)) entry.decided += 1;
    else if (c.view.status === 'new') entry.left += 1;
    out.set(c.formId, entry);
  }
  return out;
}

/** Makes the hidden sheet that remembers decisions (its header only), within the action's transaction. */
export function makeImportRecord(tx: Transaction, name: string): void {
  tx.output({
    name,
    kind: 'imports',
    header: IMPORT_RECORD_HEADER,
    rows: [],
    hidden: true,
    textColumns: [0, 1, 2, 3, 4, 5],
    checkboxColumns: [],
  });
}

/** Grows a sheet so that it has `lastRow` rows, within the action's transaction. */
function ensureRows(ports: AppPorts, tx: Transaction, sheet: string, lastRow: number): void {
  const size = ports.workbook.sheetSize(sheet);
  if (size && size.rows < lastRow) tx.insertRows(sheet, size.rows, lastRow - size.rows);
}

function formulaError(error: FormulaInTheWay): UserError {
  const where = `${error.sheet}の${error.row}行目${columnLetter(error.column - 1)}列`;
  return new UserError(
    'survey.formulaInTheWay',
    `${where}に数式があるため、その行には書き込めません。数式を消すか、名簿の最後の行の下を空けてから取り込んでください。何も変更していません。`,
    `${error.sheet} row ${error.row}, column ${columnLetter(error.column - 1)} holds a formula, so the answers cannot be written there. Remove it, or clear the rows below the last one, then import again. Nothing was changed.`,
  );
}

/**
 * A mobile number (070/080/090 …) answered to 電話番号 goes into the roster's 携帯 column when the
 * roster keeps one beside 電話番号 and the answer left it blank: where staff keep mobiles. Said so.
 */
function mobileInItsColumn(row: AnswerRow, roster: SheetInput | null | undefined): AnswerRow {
  const columns = roster?.mapping.columns;
  if (!columns || columns.mobile === undefined || columns.phone === undefined) return row;
  const { phone, mobile, ...rest } = row.cells;
  if (phone === undefined || (mobile !== undefined && String(mobile).trim() !== '')) return row;
  const parsed = parsePhone(phone);
  if (!parsed.ok || parsed.type !== 'mobile') return row;
  return {
    ...row,
    cells: { ...rest, mobile: phone },
    derived: [
      ...row.derived,
      {
        key: 'mobile',
        ja: `電話番号（${shown(phone)}）は携帯電話の番号なので、名簿の「${headerName('volunteers', 'mobile', roster ?? null)}」の列に入れます`,
        en: `The 電話番号 (${shown(phone)}) is a mobile number: it goes into the roster's 「${headerName('volunteers', 'mobile', roster ?? null)}」 column`,
      },
    ],
  };
}

/** How many rows at the end of a destination sheet are read to find its last data row. */
const TAIL_ROWS = 20;

/**
 * Where a destination sheet's data ends, read from its last rows (every column, one call: a 計 or
 * ※ written in a column Tsunagu does not map, such as No., counts too): the last data row, or 0 when
 * none of those rows is data; and that row's number formats in the columns to write — a 和暦 日付,
 * a yen amount, a plain-text phone — so the rows an import adds look like the rows above them (null
 * where the cell is Automatic: the new cell keeps its own).
 */
function sheetEnd(
  ports: AppPorts,
  sheet: SheetInput,
  head: SheetHead | undefined,
  columns: readonly number[],
): { lastData: number; formats: (string | null)[] | undefined } {
  const lastRow = head?.lastRow ?? sheet.values.length;
  const width = Math.max(head?.lastColumn ?? 0, ...columns);
  const first = Math.max(sheet.mapping.headerRow + 1, lastRow - TAIL_ROWS + 1);
  if (lastRow < first || width < 1) return { lastData: sheet.mapping.headerRow, formats: undefined };
  const rect = { row: first, column: 1, rows: lastRow - first + 1, columns: width };
  const tail = ports.workbook.readBlock(sheet.name, rect, ['values', 'numberFormats']);
  const rows = classifyRows(sheet.mapping, tail.values ?? [], { firstRow: first });
  const last = rows.data[rows.data.length - 1];
  if (last === undefined) return { lastData: 0, formats: undefined };
  const row = tail.numberFormats?.[last] ?? [];
  const formats = columns.map((c) => {
    const format = row[c - 1] ?? '';
    return format === '' || format === AUTOMATIC_FORMAT_READ ? null : format;
  });
  return { lastData: first + last, formats: formats.some((f) => f !== null) ? formats : undefined };
}

/**
 * 取り込む / 見送る: appends the accepted candidates to their destination sheet (ボランティア名簿 with
 * new 登録番号, 活動記録) and remembers the accepted and declined ones by response id — under the
 * lock, all or nothing, undoably (元に戻す takes the rows and the decisions back). Everything is
 * read again first: a candidate imported meanwhile, without consent, or unknown is refused and
 * nothing is written.
 */
export function decideSurveyCandidates(
  ports: AppPorts,
  decisions: { accept: readonly string[]; decline: readonly string[] },
): SurveyDecisionResult {
  const accept = [...new Set(decisions.accept)];
  const decline = [...new Set(decisions.decline)];
  if (accept.length + decline.length === 0) {
    throw new UserError(
      'survey.nothingDecided',
      '取り込む回答も見送る回答も選ばれていません。',
      'No answer was chosen to import or decline.',
    );
  }
  if (accept.some((id) => decline.indexOf(id) >= 0)) {
    throw new UserError(
      'survey.decidedTwice',
      '同じ回答が「取り込む」と「見送る」の両方に入っています。',
      'The same answer is both to import and to decline.',
    );
  }
  if (accept.length + decline.length > MAX_DECISIONS) {
    throw new UserError(
      'survey.tooManyDecisions',
      `一度に決められるのは${MAX_DECISIONS}件までです（${accept.length + decline.length}件）。分けて取り込んでください。`,
      `At most ${MAX_DECISIONS} answers can be decided at once (${accept.length + decline.length} given). Import them in parts.`,
    );
  }
  return ports.lock.run(() => {
    const found = collect(ports, null, false);
    const byId = new Map(found.candidates.map((c) => [c.view.responseId, c] as const));
    const refused: Message[] = [];
    for (const id of [...accept, ...decline]) {
      const c = byId.get(id);
      if (!c) {
        refused.push({
          ja: `回答「${id}」が見つかりません（回答シートから消されたかもしれません）`,
          en: `The answer ${id} was not found (it may have been deleted from the response sheet)`,
        });
        continue;
      }
      if (c.view.status === 'imported')
        refused.push({
          ja: `回答「${id}」はすでに取り込み済みです（${c.view.importedAs ?? ''}）`,
          en: `The answer ${id} has been imported already (${c.view.importedAs ?? ''})`,
        });
      else if (c.view.status === 'noConsent' && accept.indexOf(id) >= 0)
        refused.push({
          ja: `回答「${id}」は個人情報の取扱いに同意していないため取り込めません`,
          en: `The answer ${id} did not agree to the personal-information notice and cannot be imported`,
        });
    }
    if (refused.length > 0) {
      throw new UserError(
        'survey.cannotDecide',
        `${refused.map((r) => r.ja).join('。')}。何も変更していません。一覧を読み直してください。`,
        `${refused.map((r) => r.en).join('. ')}. Nothing was changed. Please reload the list.`,
      );
    }
    const accepted = found.candidates.filter((c) => accept.indexOf(c.view.responseId) >= 0);
    const declined = found.candidates.filter((c) => decline.indexOf(c.view.responseId) >= 0);
    for (const kind of ['volunteers', 'activities'] as const) {
      if (accepted.some((c) => c.kind === kind) && !found.destinations.get(kind)) {
        const why = noDestination(found.sheets, kind);
        throw new UserError(
          'survey.noDestination',
          `${why.ja}何も変更していません。`,
          `${why.en} Nothing was changed.`,
        );
      }
    }
    const now = ports.clock.now();
    const recordRows: CellValue[][] = [];
    const blocks: RowsWrite[] = [];
    const written: SurveyDecisionResult['written'] = [];
    const assigned: string[] = [];
    for (const kind of ['volunteers', 'activities'] as const) {
      const ofKind = accepted.filter((c) => c.kind === kind);
      if (ofKind.length === 0) continue;
      const sheet = found.destinations.get(kind) as SheetInput;
      const head = found.heads.find((h) => h.name === sheet.name);
      const firstRow = Math.max(head?.lastRow ?? sheet.values.length, sheet.mapping.headerRow) + 1;
      const placed = Object.entries(sheet.mapping.columns)
        .map(([key, index]) => ({ key, column: index + 1 }))
        .sort((a, b) => a.column - b.column);
      const end = sheetEnd(
        ports,
        sheet,
        head,
        placed.map((p) => p.column),
      );
      let ids: string[] = [];
      const idCol = sheet.mapping.columns.volunteerId;
      if (kind === 'volunteers' && idCol !== undefined) {
        // After the highest id of every sheet of the kind: a withdrawn volunteer's 登録番号 in the
        // 退会者 archive is never given to a new one.
        const existing = found.sheets
          .filter((s) => s.kind === kind)
          .flatMap((s) => {
            const col = s.mapping.columns.volunteerId;
            return col === undefined ? [] : s.values.slice(s.mapping.headerRow).map((r) => String(r[col] ?? '').trim());
          })
          .filter((v) => v !== '');
        ids = nextIds(existing, ofKind.length);
      }
      const rows = ofKind.map((c, i) =>
        placed.map((p) => {
          if (kind === 'volunteers' && p.key === 'volunteerId') return ids[i] ?? '';
          return c.row.cells[p.key] ?? '';
        }),
      );
      blocks.push({
        sheet: sheet.name,
        firstRow,
        columns: placed.map((p) => p.column),
        rows,
        formats: end.formats,
      });
      ofKind.forEach((c, i) => {
        const ref = kind === 'volunteers' && ids[i] ? (ids[i] as string) : `${sheet.name} ${firstRow + i}行目`;
        if (kind === 'volunteers' && ids[i]) assigned.push(ids[i] as string);
        recordRows.push([
          c.view.responseId,
          c.form.name,
          label(c.row.language).ja,
          sheet.name,
          RESULT_IMPORTED,
          ref,
          now,
        ]);
      });
      // Rows that are not data (a 計 row, a ※ note) below the last data row: the new rows go under them, and staff are told.
      const setAsideBelow = firstRow - 1 > Math.max(end.lastData, sheet.mapping.headerRow);
      written.push({
        sheet: sheet.name,
        kind,
        firstRow,
        lastRow: firstRow + rows.length - 1,
        rows: rows.length,
        setAsideBelow,
      });
    }
    for (const c of declined) {
      recordRows.push([
        c.view.responseId,
        c.form.name,
        label(c.row.language).ja,
        SHEET_SPECS[c.kind].canonicalName,
        RESULT_DECLINED,
        '',
        now,
      ]);
    }
    const history = History.load(ports);
    const changes: CellChange[] = [];
    const place = found.record.place;
    const recordFirst = Math.max(found.record.lastRow, 1) + 1;
    const summary = [
      accepted.length > 0 ? `取り込み${accepted.length}件` : '',
      declined.length > 0 ? `見送り${declined.length}件` : '',
    ]
      .filter((s) => s !== '')
      .join('・');
    const summaryEn = [
      accepted.length > 0 ? `${accepted.length} imported` : '',
      declined.length > 0 ? `${declined.length} declined` : '',
    ]
      .filter((s) => s !== '')
      .join(', ');
    try {
      atomically(ports, { ja: '回答の取り込み', en: 'the import of answers' }, (tx) => {
        const cells = [...blocks.flatMap((b) => b.rows.flat()), ...recordRows.flat()];
        history.prepare(tx, estimateRecordChars(cells.map((v) => ({ before: '', after: shown(v) }))));
        if (!place.exists) makeImportRecord(tx, place.name);
        else if (place.adopt) tx.mark(place.name, 'imports');
        for (const b of blocks) {
          ensureRows(ports, tx, b.sheet, b.firstRow + b.rows.length - 1);
          writeRows(ports.workbook, b, changes, tx);
        }
        ensureRows(ports, tx, place.name, recordFirst + recordRows.length - 1);
        writeRows(
          ports.workbook,
          {
            sheet: place.name,
            firstRow: recordFirst,
            columns: IMPORT_RECORD_HEADER.map((_, i) => i + 1),
            rows: recordRows,
          },
          changes,
          tx,
        );
        settleNewAnswers(ports, tx, settledByForm(found.candidates, new Set([...accept, ...decline])));
        history.record(
          tx,
          'surveyImport',
          { ja: `回答の取り込み（${summary}）`, en: `import of answers (${summaryEn})` },
          changes,
          found.retentionDays,
        );
      });
    } catch (error) {
      if (error instanceof FormulaInTheWay) throw formulaError(error);
      throw error;
    }
    const notices: Message[] = [];
    for (const w of written) {
      if (w.setAsideBelow) {
        notices.push({
          ja: `「${w.sheet}」の最後に合計や注記の行があるため、その下（${w.firstRow}行目から）に書き込みました。必要なら行を移動してください。`,
          en: `「${w.sheet}」 ends with total or note rows, so the answers were written below them (from row ${w.firstRow}). Move the rows if needed.`,
        });
      }
    }
    return {
      imported: accepted.length,
      declined: declined.length,
      written,
      ids: assigned,
      recordSheet: place.name,
      notices,
      undo: undoInfo(history),
    };
  });
}
