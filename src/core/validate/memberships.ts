/** Defines the 会費台帳 rules: 金額 = 口数 × 単価, 年度 matching the fiscal year of 納入日, one payment per member and year. */
import { fiscalYearOf, formatFiscalYear, parseDate, parseFiscalYear } from '../text/date';
import { parseNumber } from '../text/number';
import { parseAmount } from '../text';
import { finding } from './codes';
import { idKey, seenAt, type FirstSeen, type RunContext } from './context';
import type { ValidationIssue } from './types';
import type { ColumnView, SheetView } from './view';
import { quoted } from './quote';

function yenOf(view: SheetView, r: number, col: ColumnView | undefined): number | null {
  if (!col || view.unreadable(r, col)) return null;
  const a = parseAmount(view.raw(r, col));
  return a.ok ? a.yen : null;
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

function formatYen(n: number): string {
  // Written out rather than toLocaleString: the result must not depend on ICU data.
  return String(n).replace(THOUSANDS, ',');
}

export function checkMemberships(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  const idCol = view.column('memberId');
  const unitsCol = view.column('units');
  const priceCol = view.column('unitPrice');
  const amountCol = view.column('amount');
  const yearCol = view.column('fiscalYear');
  const paidCol = view.column('paidOn');
  const startMonth = run.startMonth;
  // Shared by every 会費台帳 of the workbook (a ledger per year, a ledger in two), in tab order.
  const paidFirst = run.shared('memberships\u0000paid', () => new Map<string, FirstSeen>());

  for (const r of view.rows) {
    const amount = yenOf(view, r, amountCol);
    const price = yenOf(view, r, priceCol);
    let units: number | null = null;
    if (unitsCol && !view.unreadable(r, unitsCol)) {
      const u = parseNumber(view.raw(r, unitsCol), { integer: true });
      if (u.ok) units = u.value;
    }
    if (amountCol && amount !== null && price !== null && units !== null && units * price !== amount) {
      out.push(
        view.issue(
          r,
          amountCol,
          finding(
            'memberships.amountMismatch',
            `金額 ${formatYen(amount)}円が 口数×単価（${units}口 × ${formatYen(price)}円 ＝ ${formatYen(units * price)}円）と合いません。口数・単価・金額を確認してください`,
            `The amount ${amount} yen is not 口数 × 単価 (${units} × ${price} = ${units * price} yen); check the three cells`,
            {
              suggestion: `${formatYen(units * price)}円（口数・単価が正しい場合）`,
              suggestionEn: `${units * price} yen (if 口数 and 単価 are right)`,
            },
          ),
        ),
      );
    }

    let fy: number | null = null;
    if (yearCol && !view.unreadable(r, yearCol)) {
      const f = parseFiscalYear(view.raw(r, yearCol), startMonth);
      if (f.ok) fy = f.year;
    }
    if (fy !== null && yearCol && paidCol && !view.unreadable(r, paidCol)) {
      const paid = parseDate(view.raw(r, paidCol));
      if (paid.ok && fiscalYearOf(paid.date, startMonth) !== fy) {
        const paidFy = fiscalYearOf(paid.date, startMonth);
        out.push(
          view.issue(
            r,
            yearCol,
            finding(
              'memberships.yearMismatch',
              `年度が${formatFiscalYear(fy, startMonth)}ですが、納入日 ${paid.date.toISO()} は${formatFiscalYear(paidFy, startMonth)}です。前払い・後払いでなければ年度を確認してください`,
              `The fiscal year is FY${fy} but the payment date ${paid.date.toISO()} is in FY${paidFy}; unless paid in advance or late, check the year`,
            ),
          ),
        );
      }
    }

    const id = view.text(r, idCol);
    if (id === null || fy === null || !idCol) continue;
    const key = `${fy}\u0000${idKey(id)}`;
    const first = paidFirst.get(key);
    if (first === undefined) {
      paidFirst.set(key, { sheet: view.name, r });
      continue;
    }
    const at = seenAt(first, view.name);
    out.push(
      view.issue(
        r,
        idCol,
        finding(
          'memberships.paidTwice',
          `会員番号「${quoted(id)}」の${formatFiscalYear(fy, startMonth)}の会費は${at.ja}にもあります。二重に記入していないか確認してください`,
          `Member 「${quoted(id)}」 already has a FY${fy} payment on ${at.en}; check it is not entered twice`,
        ),
      ),
    );
  }
}
