/** Defines the ボランティア名簿 rules (also run on registration-form answers): probable duplicate people, consent, insurance, withdrawn volunteers still assigned. */
import { formatFiscalYear, isDateObject, parseDate, parseFiscalYear } from '../text/date';
import { dateFromWareki, eraByName, formatWareki, warekiOf } from '../text/era';
import type { PlainDate } from '../text/plainDate';
import { tokyoDayNumber } from '../text/tokyo';
import { parseYesNo } from '../text/yesno';
import { finding, type Finding } from './codes';
import { idKey, statusKey, type RunContext } from './context';
import { toKatakana } from '../text';
import { addressKey, keyHash, combineKeys, phoneDigitsKey, SECOND_HASH } from './keys';
import type { ValidationIssue } from './types';
import { asText, errorValueOf, isBlankValue, type ColumnView, type SheetView } from './view';

/** The three ways one person shows up twice, in the order they are named in a message. */
const REASONS = [
  { ja: 'フリガナと生年月日', en: 'furigana and birth date' },
  { ja: '電話番号', en: 'phone number' },
  { ja: '氏名と住所', en: 'name and address' },
] as const;

export function checkVolunteers(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  const idCol = view.column('volunteerId');
  const nameCol = view.column('name');
  const kanaCol = view.column('furigana');
  const birthCol = view.column('birthDate');
  const phoneCol = view.column('phone');
  const mobileCol = view.column('mobile');
  // The first of 電話番号 and 携帯電話 the sheet has: where a row with neither is reported.
  const contactCol = phoneCol ?? mobileCol;
  const addressCol = view.column('address');
  const registeredCol = view.column('registeredOn');
  const consentCol = view.column('consent');
  const insuranceCol = view.kind === 'volunteers' ? view.column('insuranceYear') : undefined;
  const statusCol = view.column('status');
  const reasonColumns: (ColumnView | undefined)[] = [kanaCol, phoneCol, nameCol];

  // The indexes of probable duplicates, shared by every sheet of the kind (a 退会者 archive, a
  // roster in two sheets): a row is compared with the rows above it and those of earlier sheets.
  const { byKana, byPhone, byName, sheets, sheetAt } = run.shared(`person\u0000${view.kind}`, personIndexes);
  sheets.set(view.order, { view, kanaCol, birthCol, nameCol, addressCol, idCol });
  const base = view.order * ROW_SPAN;
  const firsts: number[] = [-1, -1, -1];
  const fyName = formatFiscalYear(run.currentFiscalYear, run.startMonth);

  const rows = view.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const statusText = view.text(r, statusCol);
    const status = statusText === null ? null : statusKey(statusText);
    const active = status === null || status === '活動中';

    if (birthCol) {
      const f = ageFinding(view, r, birthCol, registeredCol, run.today);
      if (f) out.push(view.issue(r, birthCol, f));
    }
    if (consentCol && status !== '退会' && status !== '休止') {
      const f = consentFinding(view, r, consentCol);
      if (f) out.push(view.issue(r, consentCol, f));
    }
    if (insuranceCol && active) {
      const f = insuranceFinding(view, r, insuranceCol, run, fyName);
      if (f) out.push(view.issue(r, insuranceCol, f));
    }
    if (status === '退会' && idCol && statusCol) {
      const id = view.text(r, idCol);
      const open = id === null ? undefined : run.refs.openAssignments.get(idKey(id));
      if (open && open.length > 0) {
        const list = open.map((o) => `${o.id !== '' ? `${o.id}（` : '（'}${o.sheet} ${o.row}行目）`).join('、');
        const listEn = open.map((o) => `${o.id !== '' ? `${o.id} ` : ''}(${o.sheet} row ${o.row})`).join(', ');
        out.push(
          view.issue(
            r,
            statusCol,
            finding(
              'volunteers.withdrawnWithAssignments',
              `退会していますが、進行中の依頼 ${list} の担当ボランティアになっています。依頼の担当を変更するか、状態を確認してください`,
              `Withdrawn, but still assigned to the open request ${listEn}; reassign the request or check the status`,
            ),
          ),
        );
      }
    }

    // Probable duplicates: the same key on an earlier row. Reported once per pair, on the later row.
    const kana = birthCol ? rawText(view, r, kanaCol) : null;
    firsts[0] = kana === null ? -1 : byKana.earlier(keyHash(toKatakana(kana), false), base + r);
    const phone = rawText(view, r, phoneCol);
    const digits = phone === null ? null : phoneDigitsKey(phone);
    const mobile = rawText(view, r, mobileCol);
    const mobileDigits = mobile === null ? null : phoneDigitsKey(mobile);
    const byHome = digits === null ? -1 : byPhone.earlier(digits, base + r);
    const byMobile = mobileDigits === null || mobileDigits === digits ? -1 : byPhone.earlier(mobileDigits, base + r);
    firsts[1] = byHome >= 0 ? byHome : byMobile;
    reasonColumns[1] = byHome >= 0 ? phoneCol : mobileCol;
    const noPhone = !phoneCol || isBlankValue(view.raw(r, phoneCol));
    const noMobile = !mobileCol || isBlankValue(view.raw(r, mobileCol));
    if (contactCol && noPhone && noMobile) {
      const both =
        phoneCol && mobileCol ? `「${phoneCol.header}」と「${mobileCol.header}」が` : `「${contactCol.header}」が`;
      const bothEn =
        phoneCol && mobileCol
          ? `「${phoneCol.header}」 and 「${mobileCol.header}」 are`
          : `「${contactCol.header}」 is`;
      out.push(
        view.issue(
          r,
          contactCol,
          finding(
            'required.recommended',
            `${both}空欄です。連絡に使うため入力してください`,
            `${bothEn} blank; it is needed for contacting the volunteer`,
          ),
        ),
      );
    }
    const name = addressCol ? view.textOnce(r, nameCol) : null;
    firsts[2] = name === null ? -1 : byName.earlier(keyHash(name, true), base + r);
    let pairs: { first: number; reasons: number[] }[] | null = null;
    for (let k = 0; k < 3; k++) {
      const first = firsts[k] as number;
      if (first < 0) continue;
      if (pairs === null) pairs = [];
      const pair = pairs.find((p) => p.first === first);
      if (pair) pair.reasons.push(k);
      else pairs.push({ first, reasons: [k] });
    }
    if (pairs !== null) {
      for (const pair of pairs) {
        const col = reasonColumns[pair.reasons[0] as number] as ColumnView;
        const ja = pair.reasons.map((k) => REASONS[k as 0 | 1 | 2].ja).join('、');
        const en = pair.reasons.map((k) => REASONS[k as 0 | 1 | 2].en).join(', ');
        const other = sheetAt(pair.first);
        const row = (pair.first % ROW_SPAN) + 1;
        const otherId = other.view.text(row - 1, other.idCol);
        const id = otherId !== null ? `（${otherId}）` : '';
        const idEn = otherId !== null ? ` (${otherId})` : '';
        const here = other.view === view;
        const sheet = other.view.name;
        out.push(
          view.issue(
            r,
            col,
            finding(
              'volunteers.duplicatePerson',
              here
                ? `${row}行目と${r + 1}行目は同じ人の可能性があります（${ja}が同じ）。同じ人なら登録を1つにまとめてください（自動ではまとめません）`
                : `シート「${sheet}」の${row}行目と、この${r + 1}行目は同じ人の可能性があります（${ja}が同じ）。同じ人なら登録を1つにまとめてください（自動ではまとめません）`,
              here
                ? `Rows ${row} and ${r + 1} may be the same person (same ${en}); if so, keep one registration (Tsunagu never merges them)`
                : `Row ${row} of sheet 「${sheet}」 and row ${r + 1} may be the same person (same ${en}); if so, keep one registration (Tsunagu never merges them)`,
              here
                ? { suggestion: `${row}行目${id}と照合してください`, suggestionEn: `compare with row ${row}${idEn}` }
                : {
                    suggestion: `「${sheet}」${row}行目${id}と照合してください`,
                    suggestionEn: `compare with row ${row} of 「${sheet}」${idEn}`,
                  },
            ),
          ),
        );
      }
    }
  }
}

/** Rows of every sheet of a kind as one number: the sheet's order in the run × ROW_SPAN + the 0-based row. */
const ROW_SPAN = 0x1000000; // 2^24: more rows than a sheet of Sheets' 10,000,000 cells can have

/** A sheet as the shared duplicate indexes read it. */
interface PersonSheet {
  view: SheetView;
  kanaCol: ColumnView | undefined;
  birthCol: ColumnView | undefined;
  nameCol: ColumnView | undefined;
  addressCol: ColumnView | undefined;
  idCol: ColumnView | undefined;
}

/**
 * Rows by the first part of each key — a hash of the furigana or the name, the phone digits —
 * and, for rows whose first part repeats, a second part: another hash of the furigana with the
 * birth day, another hash of the name with a hash of the address. All numbers: no key string is
 * built per row, and keys equal as text are always equal as numbers. Rows are positions across
 * the sheets of one kind (ROW_SPAN).
 */
function personIndexes() {
  const sheets = new Map<number, PersonSheet>();
  const sheetAt = (pos: number): PersonSheet => sheets.get(Math.floor(pos / ROW_SPAN)) as PersonSheet;
  const byKana = new KeyIndex<number>((pos) => {
    const s = sheetAt(pos);
    const row = pos % ROW_SPAN;
    const kana = rawText(s.view, row, s.kanaCol);
    const day = birthDay(s.view, row, s.birthCol);
    return kana === null || day === null
      ? null
      : combineKeys(keyHash(toKatakana(kana), false, SECOND_HASH), day + DAY_OFFSET);
  });
  const byPhone = new KeyIndex<true>(() => true);
  const byName = new KeyIndex<number>((pos) => {
    const s = sheetAt(pos);
    const row = pos % ROW_SPAN;
    const name = s.view.textOnce(row, s.nameCol);
    const address = s.view.textOnce(row, s.addressCol);
    return name === null || address === null
      ? null
      : combineKeys(keyHash(name, true, SECOND_HASH), keyHash(addressKey(address), false));
  });
  return { sheets, sheetAt, byKana, byPhone, byName };
}

/** A cell's text as typed, for keys that fold width themselves; null when blank or an error value. */
function rawText(view: SheetView, r: number, col: ColumnView | undefined): string | null {
  if (!col) return null;
  const v = view.raw(r, col);
  if (typeof v === 'string') return isBlankValue(v) || errorValueOf(v, v) !== null ? null : v;
  return view.textOnce(r, col);
}

/** Day numbers (years 1–9999: −719,162 … 2,932,896) made non-negative for combineKeys. */
const DAY_OFFSET = 0x100000;

/** The day number of a date cell; a Date's day in Tokyo is computed directly (most birth dates are Dates). */
function dayNumberOf(raw: unknown): number | null {
  if (isDateObject(raw)) {
    const t = raw.getTime();
    return Number.isNaN(t) ? null : tokyoDayNumber(t);
  }
  const d = parseDate(raw);
  return d.ok ? d.date.toDayNumber() : null;
}

/**
 * Rows by a two-part key: `earlier(first, row)` gives the first earlier row whose first part (a
 * number ≥ 0; negative means none) and second part (computed by `second`, only for rows whose
 * first part repeats) are the same, or -1. Rows whose second part is unknown (null) match nothing.
 */
class KeyIndex<S> {
  /** First part → the one row that has it, or, once it repeats, second part → first row with both. */
  private readonly rows = new Map<number, number | Map<S, number>>();

  constructor(private readonly second: (row: number) => S | null) {}

  earlier(first: number, row: number): number {
    if (first < 0) return -1;
    const seen = this.rows.get(first);
    if (seen === undefined) {
      this.rows.set(first, row);
      return -1;
    }
    let bySecond: Map<S, number>;
    if (typeof seen === 'number') {
      bySecond = new Map();
      const earlierSecond = this.second(seen);
      if (earlierSecond !== null) bySecond.set(earlierSecond, seen);
      this.rows.set(first, bySecond);
    } else bySecond = seen;
    const mine = this.second(row);
    if (mine === null) return -1;
    const match = bySecond.get(mine);
    if (match !== undefined) return match;
    bySecond.set(mine, row);
    return -1;
  }
}

function birthDay(view: SheetView, r: number, birthCol: ColumnView | undefined): number | null {
  if (!birthCol) return null;
  const raw = view.raw(r, birthCol);
  return isBlankValue(raw) ? null : dayNumberOf(raw);
}

function fiscalYearIn(raw: unknown, startMonth: number): number | null {
  const fy = parseFiscalYear(raw, startMonth);
  return fy.ok ? fy.year : null;
}

function consentFinding(view: SheetView, r: number, col: ColumnView): Finding | null {
  const raw = view.raw(r, col);
  if (raw === col.yes || raw === true) return null;
  if (isBlankValue(raw)) {
    return finding(
      'volunteers.noConsent',
      `「${col.header}」が空欄のため、マッチングの対象になりません。同意を確認できたら「${col.yes}」と入力してください`,
      `「${col.header}」 is blank, so this volunteer cannot be matched; enter 「${col.yes}」 once consent is confirmed`,
    );
  }
  if (view.unreadable(r, col)) return null;
  const y = raw === false ? 'no' : parseYesNo(asText(raw, view.shown(r, col))).status;
  if (y !== 'no') return null;
  return finding(
    'volunteers.noConsent',
    '個人情報の取り扱いに同意していないため、マッチングの対象になりません',
    'No consent to the use of personal data, so this volunteer cannot be matched',
  );
}

function insuranceFinding(
  view: SheetView,
  r: number,
  col: ColumnView,
  run: RunContext,
  fyName: string,
): Finding | null {
  const raw = view.raw(r, col);
  if (isBlankValue(raw)) {
    return finding(
      'volunteers.insuranceLapsed',
      `「${col.header}」が空欄です。今年度（${fyName}）のボランティア活動保険に加入しているか確認してください`,
      `「${col.header}」 is blank; check that the volunteer insurance covers this fiscal year (FY${run.currentFiscalYear})`,
    );
  }
  if (view.unreadable(r, col)) return null;
  // Most cells hold the year as a number: no parse needed.
  const year =
    typeof raw === 'number' && Number.isInteger(raw) && raw >= 1000 && raw <= 9998
      ? raw
      : fiscalYearIn(raw, run.startMonth);
  // A year after the current one means renewed early: covered.
  if (year === null || year >= run.currentFiscalYear) return null;
  return finding(
    'volunteers.insuranceLapsed',
    `ボランティア活動保険の加入が${formatFiscalYear(year, run.startMonth)}（${year}年度）までで、今年度（${fyName}）の加入になっていません。更新を確認してください`,
    `The volunteer insurance was last taken out for FY${year} and does not cover this fiscal year (FY${run.currentFiscalYear}); check the renewal`,
  );
}

/** Ages a volunteer's birth date may give; outside them the date is most likely a slip. */
export const MIN_PLAUSIBLE_AGE = 10;
export const MAX_PLAUSIBLE_AGE = 110;

/** Full years from `birth` to `on` (negative when `on` is earlier). */
export function ageOn(birth: PlainDate, on: PlainDate): number {
  const years = on.year - birth.year;
  return on.month < birth.month || (on.month === birth.month && on.day < birth.day) ? years - 1 : years;
}

function readDate(raw: unknown): PlainDate | null {
  if (isBlankValue(raw)) return null;
  const d = parseDate(raw);
  return d.ok ? d.date : null;
}

function dayText(d: PlainDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/**
 * 令和 birth dates that are most likely slips for 昭和 or 平成 (the same era year, month and day):
 * those days that exist and give a plausible age at `on`.
 */
function eraSlips(birth: PlainDate, on: PlainDate): PlainDate[] {
  const w = warekiOf(birth);
  if (!w || w.era.name !== '令和') return [];
  const out: PlainDate[] = [];
  for (const name of ['昭和', '平成']) {
    const era = eraByName(name);
    const d = era ? dateFromWareki(era, w.year, birth.month, birth.day) : null;
    if (!d || !d.ok) continue;
    const age = ageOn(d.date, on);
    if (age >= MIN_PLAUSIBLE_AGE && age <= MAX_PLAUSIBLE_AGE) out.push(d.date);
  }
  return out;
}

/**
 * A birth date that gives an age under 10 or over 110 at registration (登録日), or today when
 * the row has no usable 登録日. A 令和 birth date gets the 昭和/平成 day it probably meant as a
 * suggestion — never a safe fix: only staff can know which. Dates after today are date.future's.
 */
function ageFinding(
  view: SheetView,
  r: number,
  birthCol: ColumnView,
  registeredCol: ColumnView | undefined,
  today: PlainDate,
): Finding | null {
  const raw = view.raw(r, birthCol);
  if (isBlankValue(raw) || view.unreadable(r, birthCol)) return null;
  const birth = readDate(raw);
  if (!birth || birth.compare(today) > 0) return null;
  const registered = registeredCol ? readDate(view.raw(r, registeredCol)) : null;
  const on = registered ?? today;
  const age = ageOn(birth, on);
  if (age >= MIN_PLAUSIBLE_AGE && age <= MAX_PLAUSIBLE_AGE) return null;
  const when = registered
    ? { ja: `登録日（${dayText(registered)}）の時点で`, en: `at registration (${registered.toISO()})` }
    : { ja: `今日（${dayText(today)}）の時点で`, en: `today (${today.toISO()})` };
  const ageText =
    age < 0
      ? { ja: '登録日より後に生まれたことになります', en: 'the volunteer would have been born after registering' }
      : { ja: `${age}歳です`, en: `the volunteer is ${age}` };
  const bounds = `${MIN_PLAUSIBLE_AGE}歳未満か${MAX_PLAUSIBLE_AGE}歳を超える`;
  const boundsEn = `under ${MIN_PLAUSIBLE_AGE} or over ${MAX_PLAUSIBLE_AGE}`;
  const ja = `「${birthCol.header}」（${formatWareki(birth)}）から計算すると、${when.ja}${ageText.ja}。ボランティアとして${bounds}年齢は入力の誤りの可能性があります。確認してください`;
  const en = `By 「${birthCol.header}」 (${birth.toISO()}), ${ageText.en} ${when.en}; an age ${boundsEn} is most likely a slip. Please check it`;
  const slips = age < MIN_PLAUSIBLE_AGE ? eraSlips(birth, on) : [];
  if (slips.length === 0) return finding('volunteers.implausibleAge', ja, en);
  const listed = slips.map((d) => `${formatWareki(d)}（${d.year}年）`).join('か');
  const listedEn = slips.map((d) => `${formatWareki(d)} (${d.toISO()})`).join(' or ');
  return finding('volunteers.implausibleAge', ja, en, {
    suggestion: `令和ではなく${listed}の誤りではありませんか`,
    suggestionEn: `probably ${listedEn} rather than 令和`,
  });
}
