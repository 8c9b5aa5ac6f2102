// フォームを作成・更新 stopped at any of its mutating calls is finished by the next run, never duplicated (docs/safety.md, docs/forms.md).
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { RpcEnvelope, SurveyBuildView } from '../../src/shared/rpc';
import type { Session } from '../../src/local/session';
import { NOTHING_CHANGED_EN, NOTHING_CHANGED_JA } from '../support/fault-harness';
import { surveySession } from './actions';

/** The paths where two plain values differ, at most `limit`. */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 4): string[] {
  if (out.length >= limit) return out;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}

/** The forms and what the workbook shows of them, with Forms' ids replaced by positions (they differ from run to run). */
function shape(session: Session, leaveOut: string | null = null): unknown {
  const forms = session.emu.forms.all
    .filter((form) => form.id !== leaveOut)
    .map((form) => {
      const index = new Map(form.items.map((item, i) => [item.id, i] as const));
      return {
        title: form.title,
        description: form.description,
        confirmationMessage: form.confirmationMessage,
        published: form.published,
        acceptingResponses: form.acceptingResponses,
        responseSheet: form.destination?.sheetName ?? null,
        // No validation and CONTINUE are what Forms has when nothing was set: the same state.
        items: form.items.map((item) => ({
          ...item,
          validation: item.validation ?? undefined,
          pageNavigation: item.pageNavigation === 'CONTINUE' ? undefined : item.pageNavigation,
          id: index.get(item.id),
          goToPageId: item.goToPageId === undefined ? undefined : index.get(item.goToPageId),
          choices: item.choices?.map((c) => ({
            ...c,
            goToPageId: c.goToPageId === undefined ? undefined : index.get(c.goToPageId),
          })),
        })),
      };
    });
  const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheets = book.getSheets().map((s) => ({
    name: s.getName(),
    marks: s.getDeveloperMetadata().map((m) => `${m.getKey()}=${m.getValue() ?? ''}`),
    header: s.getLastColumn() > 0 ? s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] : [],
  }));
  // フォーム一覧 without the addresses and ids.
  const list = book.getSheetByName('フォーム一覧')
    ? session.emu.sheetValues('フォーム一覧').map((r) => [r[0], r[1], r[2], r[7], r[8], r[9], r[10]])
    : null;
  return { forms, sheets, list };
}

describe('フォームを作成・更新 stopped part-way', () => {
  it('after a failure at any mutating call, says truthfully what happened, and the next run finishes the same forms', () => {
    const clean = surveySession();
    clean.emu.failAtMutation(null);
    const ok = clean.run('buildForms') as RpcEnvelope<SurveyBuildView>;
    expect(ok.ok).toBe(true);
    const calls = [...clean.emu.mutations];
    const want = shape(clean);
    expect(calls.length).toBeGreaterThan(20);

    const failures: string[] = [];
    for (let n = 1; n <= calls.length; n++) {
      const session = surveySession();
      const before = shape(session);
      session.emu.failAtMutation(n);
      const faulted = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
      session.emu.failAtMutation(null);
      const where = `fault at call ${n} of ${calls.length} (${calls[n - 1]})`;
      const now = shape(session);
      if (faulted.ok) {
        if (JSON.stringify(now) !== JSON.stringify(want))
          failures.push(`${where}: replied ok but the build is not complete`);
        continue;
      }
      const unchanged = JSON.stringify(now) === JSON.stringify(before);
      const says = NOTHING_CHANGED_JA.test(faulted.error.ja) && NOTHING_CHANGED_EN.test(faulted.error.en);
      if (unchanged && !says)
        failures.push(`${where}: nothing changed, but the reply does not say so: ${faulted.error.ja}`);
      if (!unchanged && says) failures.push(`${where}: the reply says nothing changed, but something did`);
      // The one call whose failure leaves a form Tsunagu cannot find again: keeping its id right after
      // FormApp.create. The reply must name it, and it must be empty and linked to nothing.
      const stray = /ID: (\S+?)）/.exec(faulted.error.ja)?.[1] ?? null;
      if (stray !== null) {
        const left = session.emu.forms.get(stray);
        if (!left || left.items.length > 0 || left.destination !== null)
          failures.push(`${where}: the form named as left in Drive is not an empty, unlinked form`);
      }
      const again = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
      if (!again.ok) {
        failures.push(`${where}: the next run failed too: ${again.error.ja}`);
        continue;
      }
      const after = shape(session, stray);
      if (JSON.stringify(after) !== JSON.stringify(want)) {
        failures.push(
          `${where}: the next run did not come to the clean result: ${differences(after, want).join('; ')}`,
        );
      }
    }
    expect(failures, failures.slice(0, 3).join('\n')).toEqual([]);
  });
});
