/** Defines the ボランティア名簿 rules (also run on registration-form answers): probable duplicate people, consent, insurance, withdrawn volunteers still assigned. */
import { formatFiscalYear, isDateObject, parseDate, parseFiscalYear } from '../text/date';
import { parseYesNo } from '../text/yesno';
import { finding, type Finding } from './codes';
import { idKey, statusKey, type RunContext } from './context';
import { addressKey, kanaKey, nameKey, phoneDigitsKey } from './keys';
import type { ValidationIssue } from './types';
import { asText, isBlankValue, type ColumnView, type SheetView } from './view';

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
  const addressCol = view.column('address');
  const consentCol = view.column('consent');
  const insuranceCol = view.kind === 'volunteers' ? view.column('insuranceYear') : undefined;
  const statusCol = view.column('status');
  const reasonColumns: (ColumnView | undefined)[] = [kanaCol, phoneCol, nameCol];

  // First row (0-based index) seen with each key, one map per reason.
  const firstBy = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const keys: (string | null)[] = [null, null, null];
  const fyName = formatFiscalYear(run.currentFiscalYear, run.startMonth);

  for (const r of view.rows) {
    const statusText = view.text(r, statusCol);
    const status = statusText === null ? null : statusKey(statusText);
    const active = status === null || status === '活動中';

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
    keys[0] = kanaBirthKey(view, r, kanaCol, birthCol);
    const phone = view.text(r, phoneCol);
    keys[1] = phone === null ? null : phoneDigitsKey(phone);
    const name = view.text(r, nameCol);
    const address = view.text(r, addressCol);
    keys[2] = name === null || address === null ? null : `${nameKey(name)}\u0000${addressKey(address)}`;
    let pairs: { first: number; reasons: number[] }[] | null = null;
    for (let k = 0; k < 3; k++) {
      const key = keys[k];
      if (key === null || key === undefined) continue;
      const map = firstBy[k] as Map<string, number>;
      const first = map.get(key);
      if (first === undefined) {
        map.set(key, r);
        continue;
      }
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
        const otherId = view.text(pair.first, idCol);
        out.push(
          view.issue(
            r,
            col,
            finding(
              'volunteers.duplicatePerson',
              `${pair.first + 1}行目と${r + 1}行目は同じ人の可能性があります（${ja}が同じ）。同じ人なら登録を1つにまとめてください（自動ではまとめません）`,
              `Rows ${pair.first + 1} and ${r + 1} may be the same person (same ${en}); if so, keep one registration (Tsunagu never merges them)`,
              { suggestion: `${pair.first + 1}行目${otherId !== null ? `（${otherId}）` : ''}と照合してください` },
            ),
          ),
        );
      }
    }
  }
}

const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** The day number of a date cell; a Date's day in Tokyo is computed directly (most birth dates are Dates). */
function dayNumberOf(raw: unknown): number | null {
  if (isDateObject(raw)) {
    const t = raw.getTime();
    return Number.isNaN(t) ? null : Math.floor((t + TOKYO_OFFSET_MS) / MS_PER_DAY);
  }
  const d = parseDate(raw);
  return d.ok ? d.date.toDayNumber() : null;
}

function kanaBirthKey(view: SheetView, r: number, kanaCol: ColumnView | undefined, birthCol: ColumnView | undefined): string | null {
  if (!kanaCol || !birthCol) return null;
  const kana = view.text(r, kanaCol);
  if (kana === null) return null;
  const raw = view.raw(r, birthCol);
  if (isBlankValue(raw)) return null;
  const day = dayNumberOf(raw);
  if (day === null) return null;
  const k = kanaKey(kana);
  return k === '' ? null : `${k}\u0000${day}`;
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

function insuranceFinding(view: SheetView, r: number, col: ColumnView, run: RunContext, fyName: string): Finding | null {
  const raw = view.raw(r, col);
  if (isBlankValue(raw)) {
    return finding(
      'volunteers.insuranceLapsed',
      `「${col.header}」が空欄です。今年度（${fyName}）のボランティア活動保険に加入しているか確認してください`,
      `「${col.header}」 is blank; check that the volunteer insurance covers this fiscal year (FY${run.currentFiscalYear})`,
    );
  }
  if (view.unreadable(r, col)) return null;
  const fy = parseFiscalYear(raw, run.startMonth);
  // A year after the current one means renewed early: covered.
  if (!fy.ok || fy.year >= run.currentFiscalYear) return null;
  return finding(
    'volunteers.insuranceLapsed',
    `ボランティア活動保険の加入が${formatFiscalYear(fy.year, run.startMonth)}（${fy.year}年度）までで、今年度（${fyName}）の加入になっていません。更新を確認してください`,
    `The volunteer insurance was last taken out for FY${fy.year} and does not cover this fiscal year (FY${run.currentFiscalYear}); check the renewal`,
  );
}
