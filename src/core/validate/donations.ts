/** Defines the 寄付台帳 rules: receipt numbers per fiscal year, the year a number encodes, 指定先, what an issued receipt needs, repeated entries. */
import { eraByName } from '../text/era';
import { fiscalYearOf, fiscalYearRange, formatFiscalYear, parseDate } from '../text/date';
import { normalizeText } from '../text/normalize';
import { parseAmount } from '../text';
import { finding } from './codes';
import { idKey, seenAt, statusKey, type FirstSeen, type RunContext } from './context';
import { nameKey } from './keys';
import type { ValidationIssue } from './types';
import { isBlankValue, type ColumnView, type SheetView } from './view';

const RECEIPT_ERA = /^(令和|平成|昭和|[RHS令平昭])(元|\d{1,2})(?:年度?)?[-_./](\d{1,6})$/;
const RECEIPT_WESTERN = /^(?:FY)?(\d{4})(?:年度?)?[-_./](\d{1,6})$/;
const SPACES = /\s+/g;
/** The last 年度 of an era that has one: 昭和63年度 (FY1988) and 平成31年度 (FY2019, also 令和元年度). */
const LAST_ERA_YEAR: Readonly<Record<string, number>> = { 昭和: 63, 平成: 31 };

/**
 * The fiscal year a receipt number names, when it names one: R6-0012 and 令和6-12 → 2024,
 * H31-0001 → 2019, 2024-0012 → 2024. Null for a plain serial (0012) or an era year that has no 年度.
 */
export function receiptFiscalYear(receiptNo: string): number | null {
  const t = normalizeText(receiptNo).replace(SPACES, '').toUpperCase();
  const era = RECEIPT_ERA.exec(t);
  if (era) {
    const e = eraByName(era[1] as string);
    const year = era[2] === '元' ? 1 : Number(era[2]);
    if (!e || year < 1 || year > (LAST_ERA_YEAR[e.name] ?? 99)) return null;
    return e.start.year + year - 1;
  }
  const western = RECEIPT_WESTERN.exec(t);
  if (western) {
    const year = Number(western[1]);
    return year >= 1950 && year <= 2200 ? year : null;
  }
  return null;
}

export function checkDonations(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  const receiptNoCol = view.column('receiptNo');
  const dateCol = view.column('receivedOn');
  const donorIdCol = view.column('donorId');
  const donorNameCol = view.column('donorName');
  const addressCol = view.column('address');
  const typeCol = view.column('donationType');
  const designationCol = view.column('designation');
  const amountCol = view.column('amount');
  const receiptCol = view.column('receipt');
  const startMonth = run.startMonth;

  // Shared by every 寄付台帳 of the workbook (a ledger per year, a ledger in two), in tab order.
  const receiptFirst = run.shared('donations\u0000receipt', () => new Map<string, FirstSeen>());
  const donationFirst = run.shared('donations\u0000gift', () => new Map<string, FirstSeen>());

  for (const r of view.rows) {
    const receiptNo = view.text(r, receiptNoCol);
    const encoded = receiptNo === null ? null : receiptFiscalYear(receiptNo);
    const dateRaw = dateCol ? view.raw(r, dateCol) : '';
    const date = dateCol && !view.unreadable(r, dateCol) ? parseDate(dateRaw) : null;
    const day = date !== null && date.ok ? date.date : null;
    const stateText = view.text(r, receiptCol);
    const state = stateText === null ? null : statusKey(stateText);
    const voided = state === '無効';

    if (encoded !== null && day !== null && dateCol && fiscalYearOf(day, startMonth) !== encoded) {
      const { start, end } = fiscalYearRange(encoded, startMonth);
      out.push(
        view.issue(
          r,
          dateCol,
          finding(
            'donations.receiptYearMismatch',
            `領収書番号「${receiptNo}」は${formatFiscalYear(encoded, startMonth)}（${start.toISO()}〜${end.toISO()}）の番号ですが、受領日 ${day.toISO()} はその年度の外です。受領日か領収書番号を確認してください`,
            `Receipt number 「${receiptNo}」 belongs to FY${encoded} (${start.toISO()} to ${end.toISO()}), but the date received ${day.toISO()} is outside it; check the date or the number`,
          ),
        ),
      );
    }

    // A voided receipt may share its number with the one issued in its place.
    const scope = encoded ?? (day !== null ? fiscalYearOf(day, startMonth) : null);
    if (receiptNoCol && receiptNo !== null && scope !== null && !voided) {
      const key = `${scope}\u0000${idKey(receiptNo)}`;
      const first = receiptFirst.get(key);
      if (first === undefined) receiptFirst.set(key, { sheet: view.name, r });
      else {
        const at = seenAt(first, view.name);
        out.push(
          view.issue(
            r,
            receiptNoCol,
            finding(
              'donations.receiptDuplicate',
              `領収書番号「${receiptNo}」は${at.ja}と重複しています（${formatFiscalYear(scope, startMonth)}の中で）。領収書番号は年度の中で1枚に1つにしてください`,
              `Receipt number 「${receiptNo}」 is also used on ${at.en} (within FY${scope}); each receipt needs its own number within a fiscal year`,
            ),
          ),
        );
      }
    }

    const type = view.text(r, typeCol);
    if (type !== null && statusKey(type) === '指定寄付' && typeCol) {
      if (!designationCol || isBlankValue(view.raw(r, designationCol))) {
        out.push(
          view.issue(
            r,
            designationCol ?? typeCol,
            finding(
              'donations.designationMissing',
              '指定寄付には指定先（使いみち）が必要です。「指定先」を入力してください',
              'A designated donation needs its designation; fill in 「指定先」',
            ),
          ),
        );
      }
    }

    if (state === '発行済' && receiptCol) {
      for (const [col, what, whatEn] of [
        [donorNameCol, '寄付者名', 'donor name'],
        [addressCol, '住所', 'address'],
      ] as const) {
        if (col && !isBlankValue(view.raw(r, col))) continue;
        out.push(
          view.issue(
            r,
            col ?? receiptCol,
            finding(
              'donations.receiptNeedsDonor',
              `領収書が「発行済」ですが${what}がありません。税額控除に使う領収書には寄付者名と住所が必要です`,
              `The receipt is 「発行済」 but the ${whatEn} is missing; a tax-deduction receipt needs the donor's name and address`,
            ),
          ),
        );
      }
    }

    if (voided || day === null || !amountCol) continue;
    const donor = donorKey(view, r, donorIdCol, donorNameCol);
    if (donor === null) continue;
    const amount = parseAmount(view.raw(r, amountCol));
    if (!amount.ok) continue;
    const key = `${donor}\u0000${day.toDayNumber()}\u0000${amount.yen}`;
    const first = donationFirst.get(key);
    if (first === undefined) {
      donationFirst.set(key, { sheet: view.name, r });
      continue;
    }
    const at = seenAt(first, view.name);
    out.push(
      view.issue(
        r,
        amountCol,
        finding(
          'donations.possibleDuplicate',
          `${at.ja}と${r + 1}行目は同じ寄付者・同じ受領日・同じ金額です。二重に記入していないか確認してください`,
          `${at.en.charAt(0).toUpperCase()}${at.en.slice(1)} and row ${r + 1} have the same donor, date received and amount; check the gift is not entered twice`,
          { suggestion: `${at.ja}と照合してください`, suggestionEn: `compare with ${at.en}` },
        ),
      ),
    );
  }
}

/** The donor by 寄付者番号, else by name; null for 匿名 and unnamed gifts (they cannot be told apart). */
function donorKey(
  view: SheetView,
  r: number,
  idCol: ColumnView | undefined,
  nameCol: ColumnView | undefined,
): string | null {
  const id = view.text(r, idCol);
  if (id !== null) return `id:${idKey(id)}`;
  const name = view.text(r, nameCol);
  if (name === null) return null;
  const key = nameKey(name);
  return key === '' || key === '匿名' ? null : `name:${key}`;
}
