/**
 * Defines what a response becomes: a candidate row of ボランティア名簿 (ボランティア登録), a row of
 * 活動記録 (活動報告), or an anonymous row of アンケート回答 (住民意識調査) — columns by 登録先, the
 * availability grid as the roster's text, 状態 from 設定, 登録日 = the answer's date. Answers are
 * kept as typed (validation flags odd shapes); what fits no column goes to 備考, never lost.
 */
import type { CellValue } from '../ports';
import { areaOfPlace, settingsList, type Settings } from '../sheets/settings';
import { SHEET_SPECS } from '../sheets/specs';
import { formatSlots, parseAvailability, type Slot } from '../text/availability';
import { fiscalYearOf, isDateObject, parseDate, parseFiscalYear } from '../text/date';
import { parseNumber } from '../text/number';
import type { PlainDate } from '../text/plainDate';
import { parseHours } from '../text/time';
import { parseYesNo } from '../text/yesno';
import { canonicalAnswer, type CanonicalAnswer } from './canonical';
import { JAPANESE, languageName } from './languages';
import type { AnswerCell, FormResponse } from './responses';
import { isPersonalQuestion, SURVEY_ANSWER_FIXED_COLUMNS, surveyAnswerColumn, targetColumn } from './targets';
import { GRID_KINDS, type FormDef, type QuestionDef } from './types';

/** 状態 of a new registration when 設定 has no 登録時の状態 row. */
export const DEFAULT_REGISTRATION_STATUS = '活動中';
/** The 設定 list whose first value is the 状態 of new registrations. */
export const REGISTRATION_STATUS_SETTING = '登録時の状態';

export interface UnmatchedAnswer {
  readonly questionId: string;
  /** The question as the respondent saw it in Japanese. */
  readonly question: string;
  readonly values: readonly string[];
}

export interface AnswerRow {
  readonly responseId: string;
  /** 1-based row of the response sheet. */
  readonly sourceRow: number;
  readonly language: string;
  readonly timestamp: Date | null;
  /**
   * Column key of the destination sheet ('name', 'availability' …; for アンケート回答 the column
   * name itself) → the value to write: text, a number, or a Date for a date answered as a date.
   */
  readonly cells: Readonly<Record<string, CellValue>>;
  /** Answers that are not among their question's choices, kept as typed. */
  readonly unmatched: readonly UnmatchedAnswer[];
  /** Cells Tsunagu filled itself, said so for staff (状態 from 設定, 登録日 from the answer date, 圏域 from 地区). */
  readonly derived: ReadonlyArray<{ readonly key: string; readonly ja: string; readonly en: string }>;
  /** Registrations: true when the respondent consented, false when not (or the answer is blank), null when the form has no consent question. */
  readonly consent: boolean | null;
}

const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** The day of an instant in Japan. */
function tokyoDay(date: Date): PlainDate | null {
  const d = parseDate(date);
  return d.ok ? d.date : null;
}

/** Midnight of a day in Japan, as the Date a date cell holds. */
function tokyoMidnight(day: PlainDate): Date {
  return new Date(day.toDayNumber() * MS_PER_DAY - TOKYO_OFFSET_MS);
}

const DAY_CHARS = '日月火水木金土';

/** Turns a grid of day rows × period columns into slots; null when a row or column is not a day or a period. */
export function gridSlots(grid: Readonly<Record<string, readonly string[]>>): Slot[] | null {
  const slots: Slot[] = [];
  for (const [row, columns] of Object.entries(grid)) {
    for (const column of columns) {
      const read = parseAvailability(`${row}${column}`);
      if (!read.ok || read.unknown.length > 0 || read.slots.length === 0) return null;
      // One cell is one day and one period; a row like 平日 would widen it silently.
      if (DAY_CHARS.indexOf(row.trim().charAt(0)) < 0) return null;
      slots.push(...read.slots);
    }
  }
  return slots;
}

function isBlankCell(v: AnswerCell | undefined): boolean {
  return v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

/** The raw cell of a one-cell answer. */
function cellOf(response: FormResponse, q: QuestionDef): AnswerCell | undefined {
  const raw = response.answers.get(q.id);
  return raw && raw.kind === 'cell' ? raw.value : undefined;
}

interface Builder {
  cells: Record<string, CellValue>;
  notes: string[];
  unmatched: UnmatchedAnswer[];
  derived: Array<{ key: string; ja: string; en: string }>;
}

function note(b: Builder, q: QuestionDef, text: string): void {
  b.notes.push(`${q.title[JAPANESE] ?? q.id}: ${text}`);
}

function recordUnmatched(b: Builder, q: QuestionDef, a: CanonicalAnswer): void {
  if (a.unmatched.length > 0)
    b.unmatched.push({ questionId: q.id, question: q.title[JAPANESE] ?? q.id, values: a.unmatched });
}

/** The value of a date column: a Date answered as a date (at midnight in Japan), otherwise the text as typed. */
function dateValue(raw: AnswerCell | undefined, a: CanonicalAnswer): CellValue {
  if (raw !== undefined && isDateObject(raw)) {
    const day = tokyoDay(raw);
    return day ? tokyoMidnight(day) : a.text;
  }
  return a.text;
}

/** A number column: the number when the text reads as one, else the text as typed (validation says what is wrong). */
function numberValue(a: CanonicalAnswer, raw: AnswerCell | undefined): CellValue {
  if (typeof raw === 'number') return raw;
  const n = parseNumber(a.text);
  return n.ok && String(n.value) === a.text.trim() ? n.value : a.text;
}

function yesNoValue(a: CanonicalAnswer): CellValue {
  const r = parseYesNo(a.choices[0] ?? a.text);
  return r.status === 'yes' ? 'はい' : r.status === 'no' ? 'いいえ' : a.text;
}

/** Fills the destination cells of a staff sheet (ボランティア名簿 or 活動記録) from one response. */
function fillStaffSheet(
  form: FormDef,
  response: FormResponse,
  kind: 'volunteers' | 'activities',
  settings: Settings,
  answerDay: PlainDate | null,
): Builder & { consent: boolean | null } {
  const b: Builder = { cells: {}, notes: [], unmatched: [], derived: [] };
  let consent: boolean | null = null;
  const ownNotes: string[] = [];
  for (const q of form.questions) {
    const raw = response.answers.get(q.id);
    const a = canonicalAnswer(q, response.language, raw);
    recordUnmatched(b, q, a);
    const spec = q.target === null ? null : targetColumn(kind, q.target);
    if (spec === null) {
      if (!a.blank) note(b, q, a.text);
      continue;
    }
    if (spec.key === 'consent') {
      const yes = a.choices.some((c) => parseYesNo(c).status === 'yes') || parseYesNo(a.text).status === 'yes';
      consent = yes;
      b.cells.consent = a.blank ? '' : yes ? 'はい' : yesNoValue(a);
      continue;
    }
    if (spec.key === 'note') {
      if (!a.blank) ownNotes.push(a.text);
      continue;
    }
    if (a.blank) {
      b.cells[spec.key] = '';
      continue;
    }
    const cell = raw && raw.kind === 'cell' ? raw.value : undefined;
    switch (spec.type) {
      case 'availability': {
        const slots = a.grid ? gridSlots(a.grid) : null;
        if (a.grid && slots === null) note(b, q, a.text);
        b.cells[spec.key] = slots ? formatSlots(slots) : a.grid ? '' : a.text;
        break;
      }
      case 'yesno':
        b.cells[spec.key] = yesNoValue(a);
        break;
      case 'fiscalYear': {
        // A choice question: its first choice means "insured for the fiscal year of the answer"; others go to 備考.
        if (q.choices) {
          if (a.indices[0] === 0 && answerDay) {
            b.cells[spec.key] = fiscalYearOf(answerDay, settings.fiscalYearStartMonth);
          } else {
            b.cells[spec.key] = '';
            note(b, q, a.text);
          }
        } else {
          const fy = parseFiscalYear(a.text, settings.fiscalYearStartMonth);
          b.cells[spec.key] = fy.ok ? fy.year : a.text;
        }
        break;
      }
      case 'date':
        b.cells[spec.key] = dateValue(cell, a);
        break;
      case 'integer':
        b.cells[spec.key] = numberValue(a, cell);
        break;
      case 'time': {
        const h = typeof cell === 'number' ? { ok: true as const, hours: cell } : parseHours(a.text);
        b.cells[spec.key] = h.ok && (typeof cell === 'number' || String(h.hours) === a.text.trim()) ? h.hours : a.text;
        break;
      }
      default:
        b.cells[spec.key] = a.text;
    }
  }
  const notes = [...ownNotes, ...b.notes];
  if (notes.length > 0) b.cells.note = notes.join('\n');
  return { ...b, consent };
}

function answerDayOf(response: FormResponse): PlainDate | null {
  return response.timestamp ? tokyoDay(response.timestamp) : null;
}

/**
 * A registration as a candidate roster row (keys of ボランティア名簿): 登録番号 left for the import
 * to assign in the roster's own format, 状態 from 設定 (登録時の状態, else 活動中), 登録日 = the
 * day the answer came in, 圏域 from 地区 when only the 地区 was answered.
 */
export function volunteerCandidate(form: FormDef, response: FormResponse, settings: Settings): AnswerRow {
  const day = answerDayOf(response);
  const b = fillStaffSheet(form, response, 'volunteers', settings, day);
  const status = settingsList(settings, REGISTRATION_STATUS_SETTING)?.[0] ?? DEFAULT_REGISTRATION_STATUS;
  b.cells.volunteerId = '';
  b.cells.status = status;
  b.derived.push({
    key: 'status',
    ja: `状態「${status}」は設定（${REGISTRATION_STATUS_SETTING}）から`,
    en: `状態 「${status}」 comes from 設定 (${REGISTRATION_STATUS_SETTING})`,
  });
  b.cells.registeredOn = day ? tokyoMidnight(day) : '';
  b.derived.push(
    day
      ? {
          key: 'registeredOn',
          ja: `登録日は回答日（${day.toISO()}）`,
          en: `登録日 is the answer date (${day.toISO()})`,
        }
      : {
          key: 'registeredOn',
          ja: '回答日時が読めないため、登録日は空です',
          en: 'The answer time cannot be read, so 登録日 is blank',
        },
  );
  const area = b.cells.area;
  const district = b.cells.district;
  if ((area === undefined || area === '') && typeof district === 'string' && district !== '') {
    const derivedArea = areaOfPlace(settings, district);
    if (derivedArea) {
      b.cells.area = derivedArea;
      b.derived.push({
        key: 'area',
        ja: `圏域「${derivedArea}」は地区「${district}」から（設定の圏域）`,
        en: `圏域 「${derivedArea}」 comes from 地区 「${district}」 (設定)`,
      });
    }
  }
  return {
    responseId: response.responseId,
    sourceRow: response.row,
    language: response.language,
    timestamp: response.timestamp,
    cells: b.cells,
    unmatched: b.unmatched,
    derived: b.derived,
    consent: b.consent,
  };
}

/** An activity report as a row of 活動記録 (keys of 活動記録); 日付 = the answer date when the form does not ask it. */
export function activityRow(form: FormDef, response: FormResponse, settings: Settings): AnswerRow {
  const day = answerDayOf(response);
  const b = fillStaffSheet(form, response, 'activities', settings, day);
  if ((b.cells.date === undefined || b.cells.date === '') && day) {
    b.cells.date = tokyoMidnight(day);
    b.derived.push({
      key: 'date',
      ja: `日付は回答日（${day.toISO()}）`,
      en: `日付 is the answer date (${day.toISO()})`,
    });
  }
  return {
    responseId: response.responseId,
    sourceRow: response.row,
    language: response.language,
    timestamp: response.timestamp,
    cells: b.cells,
    unmatched: b.unmatched,
    derived: b.derived,
    consent: null,
  };
}

/** The questions of an anonymous survey that go to アンケート回答 (never personal ones). */
function surveyQuestions(form: FormDef): QuestionDef[] {
  return form.questions.filter((q) => !isPersonalQuestion(q));
}

/** The columns a question fills in アンケート回答: one, or one per grid row ('活動可能日時 [月曜日]'). */
function surveyColumnsOf(q: QuestionDef): string[] {
  const base = surveyAnswerColumn(q);
  if (GRID_KINDS.has(q.kind) && q.grid) return (q.grid.rows[JAPANESE] ?? []).map((r) => `${base} [${r}]`);
  return [base];
}

/** The header of アンケート回答 for these forms: 回答ID, 回答日時, フォーム名, 言語, then each question's columns in form order. */
export function surveyAnswerHeader(forms: readonly FormDef[]): string[] {
  const header: string[] = [...SURVEY_ANSWER_FIXED_COLUMNS];
  for (const form of forms) {
    if (form.destination !== 'surveyAnswers') continue;
    for (const q of surveyQuestions(form))
      for (const c of surveyColumnsOf(q)) if (header.indexOf(c) < 0) header.push(c);
  }
  return header;
}

/**
 * One anonymous response as a row of アンケート回答, keyed by column name: canonical Japanese
 * choices (several joined with 、), scales as numbers, the language the form was answered in —
 * and nothing from a question that identifies a person.
 */
export function surveyAnswerRow(form: FormDef, response: FormResponse): AnswerRow {
  const cells: Record<string, CellValue> = {
    回答ID: response.responseId,
    回答日時: response.timestamp ?? '',
    フォーム名: form.name,
    言語: languageName(response.language).ja,
  };
  const unmatched: UnmatchedAnswer[] = [];
  for (const q of surveyQuestions(form)) {
    const raw = response.answers.get(q.id);
    const a = canonicalAnswer(q, response.language, raw);
    if (a.unmatched.length > 0)
      unmatched.push({ questionId: q.id, question: q.title[JAPANESE] ?? q.id, values: a.unmatched });
    if (GRID_KINDS.has(q.kind) && q.grid) {
      const base = surveyAnswerColumn(q);
      for (const r of q.grid.rows[JAPANESE] ?? []) cells[`${base} [${r}]`] = (a.grid?.[r] ?? []).join('、');
      continue;
    }
    const cell = cellOf(response, q);
    cells[surveyAnswerColumn(q)] =
      q.kind === 'scale' && typeof cell === 'number' ? cell : q.kind === 'date' ? dateValue(cell, a) : a.text;
  }
  return {
    responseId: response.responseId,
    sourceRow: response.row,
    language: response.language,
    timestamp: response.timestamp,
    cells,
    unmatched,
    derived: [],
    consent: null,
  };
}

/** The canonical header of a staff-sheet column key ('name' → '氏名'), for showing a candidate row. */
export function headerOfKey(kind: 'volunteers' | 'activities', key: string): string {
  return SHEET_SPECS[kind].columns.find((c) => c.key === key)?.header ?? key;
}

/** Blank answers read as blank cells; exported for the import's "nothing answered" check. */
export function isBlankAnswerCell(v: AnswerCell | undefined): boolean {
  return isBlankCell(v);
}
