/** Defines the 依頼 rules: assigned volunteers exist and are active, 必要人数 ≥ 1, and 状態 agrees with the assignments. */
import { parseNumber } from '../text/number';
import { finding } from './codes';
import { idKey, idsIn, statusKey, type RunContext } from './context';
import type { ValidationIssue } from './types';
import { isBlankValue, type SheetView } from './view';
import { quoted } from './quote';

/** Requests that are over: who was assigned then is history, whatever the roster says now. */
const CLOSED: ReadonlySet<string> = new Set(['終了', '不成立']);

export function checkRequests(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  const statusCol = view.column('status');
  const assignedCol = view.column('assignedVolunteers');
  const neededCol = view.column('needed');
  const reasonCol = view.column('failureReason');
  const roster = assignedCol ? run.refs.roster : null;

  for (const r of view.rows) {
    if (neededCol && !view.unreadable(r, neededCol)) {
      const raw = view.raw(r, neededCol);
      const n = typeof raw === 'number' ? { ok: true as const, value: raw } : parseNumber(raw, { integer: true });
      // Negative counts are the common rule's (integer.negative); 0 is this sheet's.
      if (n.ok && n.value === 0) {
        out.push(
          view.issue(
            r,
            neededCol,
            finding(
              'requests.neededBelowOne',
              `「${neededCol.header}」は1以上で入力してください（空欄なら1人として扱います）`,
              `「${neededCol.header}」 must be 1 or more (a blank cell counts as 1)`,
            ),
          ),
        );
      }
    }

    const statusText = view.text(r, statusCol);
    const status = statusText === null ? null : statusKey(statusText);
    // An error value (#REF!) is reported by the common rules; it is not "nobody assigned".
    const assignedBlank = assignedCol !== undefined && isBlankValue(view.raw(r, assignedCol));
    const ids = assignedCol ? idsIn(view.text(r, assignedCol)) : [];

    if (statusCol && assignedCol && assignedBlank && (status === '紹介済' || status === '活動中')) {
      out.push(
        view.issue(
          r,
          assignedCol,
          finding(
            'requests.noAssignment',
            `状態が「${status}」ですが「${assignedCol.header}」が空欄です。紹介したボランティアの登録番号を入力するか、状態を直してください`,
            `The status is 「${status}」 but 「${assignedCol.header}」 is blank; enter the 登録番号 of the volunteer introduced, or correct the status`,
          ),
        ),
      );
    }
    if (assignedCol && status === '受付' && ids.length > 0) {
      out.push(
        view.issue(
          r,
          assignedCol,
          finding(
            'requests.assignedWhileReceived',
            '状態が「受付」のままですが担当ボランティアが入っています。状態を「調整中」「紹介済」などに進めてください',
            'The status is still 「受付」 but volunteers are assigned; move the status on (調整中, 紹介済 …)',
          ),
        ),
      );
    }
    if (status === '不成立' && statusCol && (reasonCol === undefined || isBlankValue(view.raw(r, reasonCol)))) {
      out.push(
        view.issue(
          r,
          reasonCol ?? statusCol,
          finding(
            'requests.noFailureReason',
            '状態が「不成立」ですが不成立理由がありません。理由を入力してください（不足分析に使います）',
            'The status is 「不成立」 but no reason is given; enter one (it feeds the unmet-need analysis)',
          ),
        ),
      );
    }

    if (roster === null || !assignedCol || ids.length === 0 || (status !== null && CLOSED.has(status))) continue;
    for (const id of ids) {
      const entry = roster.get(idKey(id));
      if (!entry) {
        out.push(
          view.issue(
            r,
            assignedCol,
            finding(
              'requests.unknownVolunteer',
              `担当ボランティアの「${quoted(id)}」はボランティア名簿にありません。登録番号を確認してください`,
              `The assigned volunteer 「${quoted(id)}」 is not in the roster; check the 登録番号`,
            ),
          ),
        );
      } else if (entry.status === '退会') {
        out.push(
          view.issue(
            r,
            assignedCol,
            finding(
              'requests.withdrawnVolunteer',
              `担当ボランティアの「${quoted(id)}」は退会しています（${entry.sheet} ${entry.row}行目）。担当を変更してください`,
              `The assigned volunteer 「${quoted(id)}」 has withdrawn (${entry.sheet} row ${entry.row}); assign someone else`,
            ),
          ),
        );
      } else if (entry.status !== null && entry.status !== '活動中') {
        out.push(
          view.issue(
            r,
            assignedCol,
            finding(
              'requests.inactiveVolunteer',
              `担当ボランティアの「${quoted(id)}」は「${quoted(entry.status)}」です（${entry.sheet} ${entry.row}行目）。活動中のボランティアか確認してください`,
              `The assigned volunteer 「${quoted(id)}」 is 「${quoted(entry.status)}」 (${entry.sheet} row ${entry.row}); check they are active`,
            ),
          ),
        );
      }
    }
  }
}
