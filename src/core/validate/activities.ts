/** Defines the 活動記録 rules: 活動時間 within a day, and 登録番号 and 依頼番号 that exist. (Future dates and counts ≥ 0 are the common rules'.) */
import { readHours } from './cells';
import { finding } from './codes';
import { idKey, idsIn, type RunContext } from './context';
import type { ValidationIssue } from './types';
import type { SheetView } from './view';
import { quoted } from './quote';

export function checkActivities(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  const hoursCol = view.column('hours');
  const volunteerCol = view.column('volunteerId');
  const requestCol = view.column('requestId');
  // The indexes are built only when this sheet has the column that needs them.
  const roster = volunteerCol ? run.refs.roster : null;
  const requests = requestCol ? run.refs.requests : null;

  for (const r of view.rows) {
    if (hoursCol && !view.unreadable(r, hoursCol)) {
      const h = readHours(view.raw(r, hoursCol), view.shown(r, hoursCol));
      if (h !== null && (h < 0 || h > 24)) {
        out.push(
          view.issue(
            r,
            hoursCol,
            finding(
              'activities.hoursOutOfRange',
              `「${hoursCol.header}」は0〜24時間の範囲で入力してください（1回の活動の時間数です）`,
              `「${hoursCol.header}」 must be between 0 and 24 hours (the length of one activity)`,
            ),
          ),
        );
      }
    }
    if (roster !== null && volunteerCol) {
      for (const id of idsIn(view.text(r, volunteerCol))) {
        if (roster.has(idKey(id))) continue;
        out.push(
          view.issue(
            r,
            volunteerCol,
            finding(
              'activities.unknownVolunteer',
              `登録番号「${quoted(id)}」はボランティア名簿にありません。番号を確認してください`,
              `登録番号 「${quoted(id)}」 is not in the roster; check the number`,
            ),
          ),
        );
      }
    }
    if (requests !== null && requestCol) {
      const id = view.text(r, requestCol);
      if (id !== null && !requests.has(idKey(id))) {
        out.push(
          view.issue(
            r,
            requestCol,
            finding(
              'activities.unknownRequest',
              `依頼番号「${quoted(id)}」は依頼シートにありません。番号を確認してください`,
              `依頼番号 「${quoted(id)}」 is not on the 依頼 sheet; check the number`,
            ),
          ),
        );
      }
    }
  }
}
